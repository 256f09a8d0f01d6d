package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/binary"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/framinglens/framinglens/internal/analysis"
)

// The word frequencies per outlet feed the "all words" distinctive-terms
// table of the comparison page. They are kept on write, as runs (see
// wordruns.go): each batch of saved articles adds its words, deleting
// articles subtracts theirs, and merging outlets moves one outlet's runs to
// the other.

// outletWordsSetting marks a database whose word counts are complete. A
// database created before they were kept, or kept otherwise, lacks it or
// holds an older version, and is recounted on the first read.
const outletWordsSetting = "outlet_word_counts"

// outletWordsVersion is the value of outletWordsSetting; raising it (when
// ContentWords or the way counts are kept changes) recounts them. v2: runs.
const outletWordsVersion = "v2"

func init() {
	storeWriteSQL["articleOutletText"] = `SELECT outlet_id, text FROM articles WHERE id = ?`
}

// stopWords are left out of the word counts: function words that every
// outlet uses and that would crowd the distinctive-terms table without
// saying anything about framing.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all also am an and any are as at
		be because been before being below between both but by can could did do does doing down during
		each few for from further had has have having he her here hers herself him himself his how i if in
		into is it its itself just me more most my myself no nor not now of off on once only or other our
		ours ourselves out over own same she should so some such than that the their theirs them themselves
		then there these they this those through to too under until up very was we were what when where
		which while who whom why will with would you your yours yourself yourselves said says say told
		one two new like get got us may might must shall s t don didn doesn isn wasn aren weren won
		it's i'm he's she's we're they're i've we've they've i'd we'd they'd i'll we'll they'll
		that's there's what's who's let's can't won't don't didn't doesn't isn't wasn't aren't weren't
		mr mrs ms per via yet still even much many well back`) {
		m[w] = true
	}
	return m
}()

// IsStopWord reports whether the lower-cased word w is left out of the word
// counts.
func IsStopWord(w string) bool { return stopWords[w] }

// storeStopTable holds the stop words of up to eight bytes packed into a
// uint64 each (storePack8), in an open-addressed table: ContentWords tests
// every word against it, and a probe or two on an integer is much cheaper
// than hashing the word for a map. Words have no NUL byte, so packing with
// zero padding keeps them apart, and 0 marks an empty slot.
var storeStopTable = func() (t [storeStopSlots]uint64) {
	for w := range stopWords {
		if len(w) > 8 {
			continue
		}
		x := storePack8([]byte(w))
		i := storeStopSlot(x)
		for t[i] != 0 {
			i = (i + 1) % storeStopSlots
		}
		t[i] = x
	}
	return t
}()

const storeStopSlots = 512

func storeStopSlot(x uint64) uint64 { return (x * 0x9E3779B97F4A7C15) >> (64 - 9) }

// storePack8 packs the bytes of w (at most eight) little-endian into a
// uint64.
func storePack8(w []byte) uint64 {
	var x uint64
	for i, c := range w {
		x |= uint64(c) << (8 * i)
	}
	return x
}

// storeIsStop reports whether the lower-cased word w is a stop word, as
// stopWords[string(w)] does. w must have a capacity of at least 8: its
// first eight bytes are read at once and those past its length masked off.
func storeIsStop(w []byte) bool {
	n := len(w)
	if n > 8 {
		// Of the stop words only these are longer than eight bytes.
		switch string(w) {
		case "ourselves", "themselves", "yourselves":
			return true
		}
		return false
	}
	if n == 0 {
		return false
	}
	x := binary.LittleEndian.Uint64(w[:8]) & (^uint64(0) >> (64 - 8*n))
	for i := storeStopSlot(x); ; i = (i + 1) % storeStopSlots {
		switch storeStopTable[i] {
		case x:
			return true
		case 0:
			return false
		}
	}
}

// storeWordByte marks the ASCII bytes that are word runes to
// analysis.NextWord (letters and digits) with 1, and the letters among them
// with 2 more.
var storeWordByte = func() (t [utf8.RuneSelf]uint8) {
	for c := '0'; c <= '9'; c++ {
		t[c] = 1
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = 3, 3
	}
	return t
}()

// ContentWords calls fn with each content word of text, lower-cased: words
// as analysis.NextWord finds them, with a final possessive "'s" dropped and
// curly apostrophes made straight, leaving out stop words, words of one
// letter and words without a letter (numbers). The byte slice is reused
// between calls; fn must copy it to keep it.
func ContentWords(text string, fn func(word []byte)) {
	var scratch [64]byte
	storeContentWords(text, scratch[:0], fn)
}

// storeContentWords is ContentWords with buf (of a capacity of at least 8)
// as the word buffer. It runs over every imported article, so it finds,
// lower-cases and checks ASCII words itself, in one pass over their bytes;
// where it meets a byte past ASCII it leaves the word to analysis.NextWord
// and storeLowerWord, so that the words stay NextWord's.
func storeContentWords(text string, buf []byte, fn func(word []byte)) []byte {
	pos := 0
	for {
		i := pos
		for i < len(text) && text[i] < utf8.RuneSelf && storeWordByte[text[i]] == 0 {
			i++
		}
		if i >= len(text) {
			return buf
		}
		start := i
		buf = buf[:0]
		letters := 0
		ascii := text[i] < utf8.RuneSelf
		for ascii && i < len(text) {
			c := text[i]
			if c >= utf8.RuneSelf {
				ascii = false
				break
			}
			if k := storeWordByte[c]; k != 0 {
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf = append(buf, c)
				letters += int(k >> 1)
				i++
				continue
			}
			// An apostrophe joins two word runes: "don't".
			if c == '\'' && i+1 < len(text) {
				if c2 := text[i+1]; c2 >= utf8.RuneSelf {
					ascii = false
					break
				} else if storeWordByte[c2] != 0 {
					buf = append(buf, c)
					i++
					continue
				}
			}
			break
		}
		if ascii {
			pos = i
			if n := len(buf); n > 2 && buf[n-2] == '\'' && buf[n-1] == 's' {
				buf = buf[:n-2]
				letters--
			}
			if letters == 0 || len(buf) < 2 || storeIsStop(buf) {
				continue
			}
			fn(buf)
			continue
		}
		// Past ASCII: the general way, from where the word (or the run
		// of non-word text before it) started.
		s, e, ok := analysis.NextWord(text, start)
		if !ok {
			return buf
		}
		pos = e
		buf = storeLowerWord(buf[:0], text[s:e])
		buf = trimPossessive(buf)
		if !storeHasLetter(buf) || utf8.RuneCount(buf) < 2 || storeIsStop(buf) {
			continue
		}
		fn(buf)
	}
}

// storeLowerWord appends w lower-cased to dst, with ’ made '.
func storeLowerWord(dst []byte, w string) []byte {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		if r == '’' {
			dst = append(dst, '\'')
		} else {
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
		i += n
	}
	return dst
}

func trimPossessive(w []byte) []byte {
	if n := len(w); n > 2 && w[n-2] == '\'' && w[n-1] == 's' {
		return w[:n-2]
	}
	return w
}

func storeHasLetter(w []byte) bool {
	for _, c := range string(w) {
		if c >= 'a' && c <= 'z' || c >= utf8.RuneSelf && unicode.IsLetter(c) {
			return true
		}
	}
	return false
}

// storeWordCounts accumulates word counts per outlet until written.
type storeWordCounts map[int64]map[string]*int

// add counts text's content words for outlet, times sign (+1 or -1).
func (wc storeWordCounts) add(outlet int64, text string, sign int) {
	m := wc[outlet]
	if m == nil {
		m = map[string]*int{}
		wc[outlet] = m
	}
	ContentWords(text, func(w []byte) {
		if p, ok := m[string(w)]; ok {
			*p += sign
			return
		}
		n := sign
		m[string(w)] = &n
	})
}

// countWords adds an article's words to the writer's pending counts.
func (w *storeWriter) countWords(outlet sql.NullInt64, text string, sign int) {
	if !outlet.Valid {
		return
	}
	if w.words == nil {
		w.words = storeWordCounts{}
	}
	w.words.add(outlet.Int64, text, sign)
}

// storeCounted is a stored article whose word counts are still to be
// added to the writer's pending counts.
type storeCounted struct {
	outlet int64
	key    string // outletKey of the article's outlet name
	words  []storeWordCount
}

// storeWordRow is one outlet's count of one word, to be stored in a run.
type storeWordRow struct {
	outlet int64
	word   string
	n      int
}

func storeCompareWordRows(a, b storeWordRow) int {
	if a.outlet != b.outlet {
		return cmp.Compare(a.outlet, b.outlet)
	}
	return strings.Compare(a.word, b.word)
}

// useBatchWords takes the rows to store from bw, the batch's counts added
// up beforehand, and reports whether it did. Those are the counts of every
// article of the batch with an outlet; skipped holds the ones the writer did
// not store (duplicates, rejected), whose counts are taken off again. No two
// outlet names of the stored articles may have turned out to be one outlet
// (an alias). Otherwise flushWords adds up the stored articles' counts
// itself, word by word, which on a batch of 256 took the writer about as
// long as the rest of its word counting: before skipped articles were
// taken off, one duplicate in a batch was enough to send it there.
func (w *storeWriter) useBatchWords(bw *storeBatchWords, skipped []storeSkipped) bool {
	if bw == nil || len(w.counted)+len(skipped) != bw.articles || len(w.counted) == 0 {
		return false
	}
	ids := make(map[string]int64, len(bw.byKey))
	keyOf := make(map[int64]string, len(bw.byKey))
	for _, c := range w.counted {
		if k, ok := keyOf[c.outlet]; ok && k != c.key {
			return false
		}
		ids[c.key], keyOf[c.outlet] = c.outlet, c.key
	}
	// The skipped articles' counts per outlet key, sorted by word. A key
	// none of whose articles was stored is left out below: its counts in
	// bw and here cancel out.
	sums := storeKeySums{}
	for _, sk := range skipped {
		if _, ok := ids[sk.key]; ok {
			sums.add(sk.key, sk.words)
		}
	}
	minus := sums.sorted()
	outlets := make([]int64, 0, len(keyOf))
	n := 0
	for id, key := range keyOf {
		outlets = append(outlets, id)
		n += len(bw.byKey[key])
	}
	slices.Sort(outlets)
	rows := slices.Grow(w.pending, n)
	for _, id := range outlets {
		all, sub := bw.byKey[keyOf[id]], minus[keyOf[id]]
		for _, wc := range all {
			// Both lists are sorted by word, and every skipped word is
			// in the batch's list.
			for len(sub) > 0 && sub[0].word < wc.word {
				sub = sub[1:]
			}
			if len(sub) > 0 && sub[0].word == wc.word {
				wc.n -= sub[0].n
				sub = sub[1:]
			}
			if wc.n != 0 {
				rows = append(rows, storeWordRow{id, wc.word, wc.n})
			}
		}
	}
	w.pending = rows
	w.counted = nil
	return true
}

// storeSkipped is an article of a batch with an outlet that the writer did
// not store: its word counts are in the batch's sums (storeBatchWords).
type storeSkipped struct {
	key   string // outletKey of the article's outlet name
	words []storeWordCount
}

// flushWords writes the pending word counts, one run per outlet, and
// clears them.
func (w *storeWriter) flushWords() error {
	for _, c := range w.counted {
		w.addWords(c.outlet, c.words)
	}
	w.counted = nil
	rows := w.pending
	w.pending = nil
	if len(w.words) == 0 && len(rows) == 0 {
		return nil
	}
	if len(w.words) > 0 {
		// The rows of useBatchWords come sorted; with these added they
		// are sorted again, and a word both hold is added up.
		for outlet, m := range w.words {
			for word, n := range m {
				if *n != 0 {
					rows = append(rows, storeWordRow{outlet, word, *n})
				}
			}
		}
		w.words = nil
		slices.SortStableFunc(rows, storeCompareWordRows)
		out := rows[:0]
		for _, r := range rows {
			if k := len(out) - 1; k >= 0 && out[k].outlet == r.outlet && out[k].word == r.word {
				out[k].n += r.n
				continue
			}
			out = append(out, r)
		}
		rows = out
	}
	var buf []byte
	for len(rows) > 0 {
		k := 1
		for k < len(rows) && rows[k].outlet == rows[0].outlet {
			k++
		}
		var err error
		if buf, err = w.addWordRun(rows[0].outlet, rows[:k], buf); err != nil {
			return fmt.Errorf("count words: %w", err)
		}
		rows = rows[k:]
	}
	return nil
}

// forgetWords subtracts a stored article's words from its outlet's counts
// (pending until flushWords), before the article is deleted.
func (w *storeWriter) forgetWords(articleID int64) error {
	var outlet sql.NullInt64
	var text string
	err := w.stmt("articleOutletText").QueryRowContext(w.ctx, articleID).Scan(&outlet, &text)
	if err == sql.ErrNoRows {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read article %d: %w", articleID, err)
	}
	w.countWords(outlet, text, -1)
	return nil
}

// mergeWords moves outlet src's word counts to dst.
func (w *storeWriter) mergeWords(src, dst int64) error {
	if _, err := w.tx.ExecContext(w.ctx, `UPDATE outlet_word_runs SET outlet_id = ? WHERE outlet_id = ?`, dst, src); err != nil {
		return fmt.Errorf("merge word counts: %w", err)
	}
	if err := w.compactWordRuns(dst); err != nil {
		return fmt.Errorf("merge word counts: %w", err)
	}
	return nil
}

// EnsureOutletWords recounts the outlets' words from the stored texts when
// the database was written before the way they are kept now, and reports
// whether it did. Reading the counts does it too; the server calls it on
// start so that no visitor waits for it.
func (s *Store) EnsureOutletWords(ctx context.Context) (recounted bool, err error) {
	v, err := s.Active(ctx, outletWordsSetting)
	if err != nil || v == outletWordsVersion {
		return false, err
	}
	return true, s.RebuildOutletWords(ctx)
}

// RebuildOutletWords recounts every outlet's words from the stored texts, in
// one transaction.
func (s *Store) RebuildOutletWords(ctx context.Context) error {
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM outlet_word_runs`); err != nil {
			return err
		}
		w := s.newWriter(ctx, tx)
		var after int64
		for {
			rows, err := tx.QueryContext(ctx, `SELECT id, outlet_id, text FROM articles WHERE id > ? AND outlet_id IS NOT NULL
				ORDER BY id LIMIT 1000`, after)
			if err != nil {
				return err
			}
			n := 0
			for rows.Next() {
				var outlet sql.NullInt64
				var text string
				if err := rows.Scan(&after, &outlet, &text); err != nil {
					rows.Close()
					return err
				}
				w.countWords(outlet, text, 1)
				n++
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
			if err := w.flushWords(); err != nil {
				return err
			}
			if n == 0 {
				break
			}
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, outletWordsSetting, outletWordsVersion)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: rebuild outlet word counts: %w", err)
	}
	return nil
}
