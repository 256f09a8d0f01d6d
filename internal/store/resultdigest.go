package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"math"

	"github.com/framinglens/framinglens/internal/analysis"
)

// A digest is two halves of 16 bytes of SHA-256 each (128 bits leave no
// chance of two different results of one article colliding): the first
// over the rows an analysis's lexicon makes (hits, frame, entry and actor
// scores), the second over the rows its registry and quotes make (quotes,
// sources, side shares, balance). The word count, on which both depend,
// is in both. A lexicon edit changes the first half only.
const (
	storeDigestHalf = 16
	storeDigestSize = 2 * storeDigestHalf
)

// storeResultDigest returns the digest of what the store keeps of r: the
// fields of its hits, quotes, sources and score rows, not its versions, nor
// the article's text, title and date, which its article holds. Two results
// of one article with the same digest write the same rows. Maps are read in
// key order, so equal results always have equal digests.
func storeResultDigest(r *analysis.Result) []byte {
	d := storeDigester{b: make([]byte, 0, 64*(len(r.Hits)+len(r.Entries)+8))}
	d.ints(r.Words, len(r.Hits), len(r.Entries), len(r.Frames), len(r.Actors))
	for _, h := range r.Hits {
		d.strs(h.Term, h.Pattern, h.Frame, h.Actor, string(h.Voice))
		d.ints(h.Entry, h.Valence, h.Start, h.End, storeBool(h.ScareQuote), storeBool(h.SoCalled))
	}
	for _, e := range r.Entries {
		d.strs(e.Pattern, e.Frame, e.Actor)
		d.ints(e.Count, e.Own, e.Quoted, e.Reported)
		d.floats(e.Per1000)
	}
	for _, name := range storeSortedKeys(r.Frames) {
		f := r.Frames[name]
		d.strs(name)
		d.ints(f.Count, f.Own, f.Quoted, f.Reported)
		d.floats(f.Per1000, f.Per1000Own)
	}
	for _, name := range storeSortedKeys(r.Actors) {
		a := r.Actors[name]
		d.strs(name)
		d.ints(a.Count, a.CountOwn)
		d.floats(a.Valence, a.ValenceOwn)
	}
	lexicon := sha256.Sum256(d.b)

	d.b = d.b[:0]
	d.ints(r.Words, r.Unassigned, len(r.Quotes), len(r.Sources), len(r.Sides), len(r.SidesWords))
	d.floats(r.Balance, r.BalanceWords)
	for _, q := range r.Quotes {
		d.strs(q.Text, string(q.Kind), q.Speaker, q.Mention, q.Cue, q.Side)
		d.ints(q.Start, q.End, q.MentionStart, q.MentionEnd, q.Words)
	}
	for _, s := range r.Sources {
		d.strs(s.Name, s.Side, s.Role)
		d.ints(s.Direct, s.Reported, s.Words)
	}
	for _, m := range []map[string]float64{r.Sides, r.SidesWords} {
		for _, side := range storeSortedKeys(m) {
			d.strs(side)
			d.floats(m[side])
		}
	}
	sources := sha256.Sum256(d.b)
	return append(lexicon[:storeDigestHalf:storeDigestHalf], sources[:storeDigestHalf]...)
}

// storeSourcesSame reports whether digests a and b have the same second
// half: their results differ, if at all, in the rows of the lexicon only.
func storeSourcesSame(a, b []byte) bool {
	return len(a) == storeDigestSize && len(b) == storeDigestSize &&
		bytes.Equal(a[storeDigestHalf:], b[storeDigestHalf:])
}

// storeDigester encodes values without ambiguity: strings with their
// length, numbers as varints, floats by their bits.
type storeDigester struct{ b []byte }

func (d *storeDigester) strs(ss ...string) {
	for _, s := range ss {
		d.b = binary.AppendUvarint(d.b, uint64(len(s)))
		d.b = append(d.b, s...)
	}
}

func (d *storeDigester) ints(ns ...int) {
	for _, n := range ns {
		d.b = binary.AppendVarint(d.b, int64(n))
	}
}

func (d *storeDigester) floats(fs ...float64) {
	for _, f := range fs {
		d.b = binary.LittleEndian.AppendUint64(d.b, math.Float64bits(f))
	}
}
