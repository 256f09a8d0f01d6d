package store

import (
	"crypto/sha256"
	"encoding/binary"
	"math"
	"slices"

	"github.com/framinglens/framinglens/internal/analysis"
)

// storeDigestSize is how many bytes of the SHA-256 a digest keeps: 128 bits
// leave no chance of two different results of one article colliding.
const storeDigestSize = 16

// storeResultDigest returns the digest of what the store keeps of r: the
// fields of its hits, quotes, sources and score rows, not its versions, nor
// the article's text, title and date, which its article holds. Two results
// of one article with the same digest write the same rows. Maps are read in
// key order, so equal results always have equal digests.
func storeResultDigest(r *analysis.Result) []byte {
	d := storeDigester{b: make([]byte, 0, 64*(len(r.Hits)+len(r.Quotes)+len(r.Sources)+len(r.Entries)+8))}
	d.ints(r.Words, r.Unassigned, len(r.Hits), len(r.Quotes), len(r.Sources), len(r.Entries),
		len(r.Frames), len(r.Actors), len(r.Sides), len(r.SidesWords))
	d.floats(r.Balance, r.BalanceWords)
	for _, h := range r.Hits {
		d.strs(h.Term, h.Pattern, h.Frame, h.Actor, string(h.Voice))
		d.ints(h.Entry, h.Valence, h.Start, h.End, storeBool(h.ScareQuote), storeBool(h.SoCalled))
	}
	for _, q := range r.Quotes {
		d.strs(q.Text, string(q.Kind), q.Speaker, q.Mention, q.Cue, q.Side)
		d.ints(q.Start, q.End, q.MentionStart, q.MentionEnd, q.Words)
	}
	for _, s := range r.Sources {
		d.strs(s.Name, s.Side, s.Role)
		d.ints(s.Direct, s.Reported, s.Words)
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
	for _, m := range []map[string]float64{r.Sides, r.SidesWords} {
		for _, side := range storeSortedKeys(m) {
			d.strs(side)
			d.floats(m[side])
		}
	}
	sum := sha256.Sum256(d.b)
	return slices.Clone(sum[:storeDigestSize])
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
