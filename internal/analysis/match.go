package analysis

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The matcher finds lexicon entries in text in two steps. A folded copy of
// the text is made, the same length as the text, in which letters are lower
// case and every byte of a non-word rune is a space, so word starts are the
// bytes after a space and byte offsets are those of the original text; the
// fold also records where each word starts. At each word start a trie of
// the literals of every pattern's first word is walked down the word,
// giving every literal the word starts with, shortest first: it is the
// Aho-Corasick automaton of those literals (against which the tests hold
// it), specialised to literals that hold no space but their first and
// perhaps their last byte. A wildcard's literal is " " and its part before
// '*'; any other word's are " " and each of its inflections (rebel,
// rebels, rebel's) and the space after it, so that a literal found is a
// first word matched. A small token walker then verifies the rest of each
// candidate pattern (the remaining words of a phrase and the gaps between
// them) and keeps the longest.
//
// The trie is walked at word starts only, in two passes (match_trie.go): a
// branch-free one over every word, four bytes deep, keeps the few words
// that may start a literal, and findWords walks those in full. An earlier
// version walked every byte of the folded text; the word starts are a
// sixth of its bytes, and the fold counts the words by the same token.

// lexPatWord is one word of a compiled pattern.
type lexPatWord struct {
	lit  []byte // folded; apostrophes stored as '\''
	wild bool   // the word ended in '*': any word starting with lit
	apos bool   // lit holds an apostrophe, which also matches '’'
	esOK bool   // lit takes the plural "es" (bus, box, church, ...)
	yIes bool   // lit ends in y, whose plural is "ies" (ally, allies)
}

// lexPattern is a compiled pattern with the entries it stands for.
type lexPattern struct {
	words []lexPatWord
	// gaps[i] holds the characters required between word i and word i+1,
	// other than spaces and dashes (which are interchangeable): "" for
	// "armed groups" and "pro-government", "." for "U.S".
	gaps []string
	// key is the normalised pattern; patterns with the same key match the
	// same text.
	key string
	// litBytes sums the literal bytes: among matches of equal length the
	// most specific pattern wins.
	litBytes  int
	wilds     int
	exclusion bool
	// entries lists the lexicon entries with this pattern, one per frame
	// (multi-category dictionaries such as LIWC repeat a term across
	// categories), in lexicon order.
	entries []int
}

// Matcher finds the entries of one lexicon in texts. It is immutable after
// CompileLexicon and safe for concurrent use.
type Matcher struct {
	entries []Entry
	pats    []lexPattern
	// lits are the literals: a space and a pattern's first word (the
	// part before '*' for a wildcard), in each spelling it may take.
	lits []string
	// trie finds the literals at a word (see match_trie.go).
	trie *lexTrie
	// tries lists the patterns whose first literal is lits[i] for each i
	// in turn, each pattern with what rejects most of those tried at a
	// word without reading the pattern (see lexTry); litTries[i] is where
	// lits[i]'s list starts, and litTries[len(lits)] the end. A few
	// kilobytes in one piece, where the patterns, their words and their
	// literals are apart.
	tries    []lexTry
	litTries []int32
	bufs     sync.Pool // of *lexBufs
}

// lexTry is a pattern tried where the trie finds its first literal: most
// of those with two words or more fail on the second word's first byte, or
// the gap before it.
type lexTry struct {
	pat int32
	// multi is set for a pattern of two words or more; one of one word
	// matches the word the trie found.
	multi bool
	// first is the second word's first byte.
	first byte
	// spaced is set when the gap key between the first two words is "",
	// so that a single space may part them.
	spaced bool
}

// CompileLexicon validates l and compiles it into a Matcher. The matcher
// keeps a copy of the entries, so later changes to l do not affect it.
func CompileLexicon(l *Lexicon) (*Matcher, error) {
	if l == nil {
		return nil, Errorf(EINVALID, "compile lexicon: no lexicon")
	}
	if err := l.Validate(); err != nil {
		return nil, fmt.Errorf("compile lexicon %s: %w", l.Name, err)
	}
	m := &Matcher{entries: slices.Clone(l.Entries)}
	m.bufs.New = func() any { return new(lexBufs) }
	byKey := map[string]int{}
	litID := map[string]int{}
	var lits []string
	var litPats [][]int // the patterns whose first literal is lits[i]
	for i, e := range m.entries {
		p, msg := lexParsePattern(strings.TrimSpace(strings.TrimPrefix(e.Pattern, "!")))
		if msg != "" { // Validate has already refused such a pattern.
			return nil, Errorf(EINTERNAL, "compile lexicon %s: pattern %q: %s", l.Name, e.Pattern, msg)
		}
		if pi, ok := byKey[p.key]; ok {
			m.pats[pi].entries = append(m.pats[pi].entries, i)
			continue
		}
		p.exclusion = e.Exclusion()
		p.entries = []int{i}
		pi := len(m.pats)
		byKey[p.key] = pi
		m.pats = append(m.pats, p)
		for _, v := range p.words[0].literals() {
			id, ok := litID[v]
			if !ok {
				id = len(lits)
				litID[v] = id
				lits = append(lits, v)
				litPats = append(litPats, nil)
			}
			litPats[id] = append(litPats[id], pi)
		}
	}
	m.lits = lits
	m.litTries = make([]int32, 0, len(lits)+1)
	for _, pis := range litPats {
		m.litTries = append(m.litTries, int32(len(m.tries)))
		for _, pi := range pis {
			c := lexTry{pat: int32(pi)}
			if p := &m.pats[pi]; len(p.words) > 1 {
				c.multi, c.first, c.spaced = true, p.words[1].lit[0], p.gaps[0] == ""
			}
			m.tries = append(m.tries, c)
		}
	}
	m.litTries = append(m.litTries, int32(len(m.tries)))
	if m.trie = newLexTrie(lits); m.trie == nil { // lexFold makes no such literal
		return nil, Errorf(EINTERNAL, "compile lexicon %s: a first word folds to spaces", l.Name)
	}
	return m, nil
}

// Find returns the lexicon's hits in text, sorted by Start. Matching folds
// case in any script and reports byte offsets into text. At each word, the
// entry covering the most words wins (exclusions compete too, and win ties);
// the words of a hit or of an exclusion are used once, so hits never
// overlap, except that entries sharing one pattern in several frames each
// get a hit on the same span. Voice is left empty for the caller to set.
func (m *Matcher) Find(text string) []Hit {
	if m == nil || m.trie == nil || text == "" {
		return nil
	}
	hits, _ := m.findWords(text)
	return hits
}

// findWords is Find that also returns CountWords(text), the number of word
// starts the fold records for the trie.
func (m *Matcher) findWords(text string) ([]Hit, int) {
	bp := m.bufs.Get().(*lexBufs)
	t := m.trie
	f, starts := lexFoldStarts(bp.fold, bp.starts, text)
	bp.fold, bp.starts = f, starts
	w := f[:len(f)+lexPad] // with the spaces past f, where every walk dies
	words := len(starts)
	found := starts[:t.scan(w, starts)]
	// The hits are gathered in a buffer kept between calls and copied out
	// at their final length, sparing the appends' regrowth.
	hits := bp.hits[:0]
	defer func() {
		clear(hits) // drop the texts for the collector
		bp.hits = hits[:0]
		if cap(bp.fold) > lexKeepBytes {
			// A long document's buffers (the word starts take four
			// bytes per byte of text) are not kept for the next text.
			bp.fold, bp.starts = nil, nil
		}
		m.bufs.Put(bp)
	}()

	pos := 0 // text before pos is used up
	at := lexAt{f: f, text: text}
	for _, start := range found {
		if start < pos {
			continue
		}
		// Walk the word again, from the root, now trying the patterns of
		// each literal it meets.
		at.start, at.wordEnd, at.next = start, -1, -1
		best, bestEnd := -1, 0
		for st, q := uint32(0), start; ; {
			if st, q = t.walk(w, q, st); st == t.dead {
				break
			}
			if at.wordEnd < 0 {
				at.wordEnd = lexWordEnd(f, q-1)
			}
			best, bestEnd = m.best(&at, t.litAt(st), best, bestEnd)
		}
		if best < 0 {
			continue
		}
		pos = bestEnd
		p := &m.pats[best]
		if p.exclusion {
			continue
		}
		for _, ei := range p.entries {
			e := &m.entries[ei]
			hits = append(hits, Hit{
				Term:    text[start:bestEnd],
				Pattern: e.Pattern,
				Frame:   e.Frame,
				Actor:   e.Actor,
				Valence: e.Valence,
				Start:   start,
				End:     bestEnd,
				Entry:   ei,
			})
		}
	}
	if len(hits) == 0 {
		return nil, words
	}
	return append([]Hit(nil), hits...), words
}

// best returns the better of the pattern best, matching up to bestEnd (-1
// for none), and the patterns whose first word has the literal lit, which
// the trie has found at at's word.
func (m *Matcher) best(at *lexAt, lit, best, bestEnd int) (int, int) {
	for _, c := range m.tries[m.litTries[lit]:m.litTries[lit+1]] {
		end, ok := m.verify(at, c)
		if pi := int(c.pat); ok && (best < 0 || m.lexBetter(pi, best, end, bestEnd)) {
			best, bestEnd = pi, end
		}
	}
	return best, bestEnd
}

// lexBetter reports whether pattern a, matching up to aEnd, beats pattern b
// matching up to bEnd at the same word: more text first, then an exclusion,
// then the more specific pattern (longer literals, fewer wildcards), then
// the earlier entry.
func (m *Matcher) lexBetter(a, b, aEnd, bEnd int) bool {
	pa, pb := &m.pats[a], &m.pats[b]
	switch {
	case aEnd != bEnd:
		return aEnd > bEnd
	case pa.exclusion != pb.exclusion:
		return pa.exclusion
	case pa.litBytes != pb.litBytes:
		return pa.litBytes > pb.litBytes
	case pa.wilds != pb.wilds:
		return pa.wilds < pb.wilds
	}
	return pa.entries[0] < pb.entries[0]
}

// lexAt is what the patterns tried at one word share: the word, and the
// next word and the gap before it, found once a pattern needs them.
type lexAt struct {
	f    []byte // the folded text: one leading space, then text's bytes folded
	text string
	// The word runs from start to wordEnd in text offsets, the next word
	// from next to nextEnd; next is -1 until found, -2 if there is none,
	// and nextEnd -1 until found.
	start, wordEnd, next, nextEnd int
	// plainGap is set when a single space separates the two words.
	plainGap bool
}

// verify checks whether the pattern of c matches the text from at's word
// on, and returns the end of its last word. The first word matches: the
// trie found one of its literals there.
func (m *Matcher) verify(at *lexAt, c lexTry) (int, bool) {
	if !c.multi {
		return at.wordEnd, true
	}
	f, text := at.f, at.text
	if at.next == -1 {
		g := at.wordEnd
		for g < len(text) && f[g+1] == ' ' {
			g++
		}
		at.next, at.nextEnd = g, -1
		if g >= len(text) {
			at.next = -2
		}
		at.plainGap = g == at.wordEnd+1 && text[at.wordEnd] == ' '
	}
	// Most second words differ from the text's in their first byte, and
	// most of the others need no more than a space before them: those
	// tests read c alone, and the pattern is read after them. The next
	// word's end is found once a first byte is the text's.
	if at.next < 0 || f[at.next+1] != c.first {
		return 0, false
	}
	// lexGapOK(" ", key, afterS) holds just when key is "".
	if at.plainGap && !c.spaced {
		return 0, false
	}
	p := &m.pats[c.pat]
	if !at.plainGap && !lexGapOK(text[at.wordEnd:at.next], p.gaps[0], f[at.wordEnd] == 's') {
		return 0, false
	}
	w1 := &p.words[1]
	if at.nextEnd < 0 {
		at.nextEnd = lexWordEnd(f, at.next)
	}
	end := at.nextEnd
	if !w1.lexMatch(f[at.next+1 : end+1]) {
		return 0, false
	}
	for k := 2; k < len(p.words); k++ {
		q, e := lexNextWord(f, text, end)
		if q < 0 || !lexGapOK(text[end:q], p.gaps[k-1], f[end] == 's') || !p.words[k].lexMatch(f[q+1:e+1]) {
			return 0, false
		}
		end = e
	}
	return end, true
}

// lexNextWord returns the start and end of the word after the one ending
// at end, in text offsets, or -2 when none follows.
func lexNextWord(f []byte, text string, end int) (int, int) {
	g := end
	for g < len(text) && f[g+1] == ' ' {
		g++
	}
	if g >= len(text) {
		return -2, 0
	}
	e := len(text)
	if i := bytes.IndexByte(f[g+1:], ' '); i >= 0 {
		e = g + i
	}
	return g, e
}

// lexWordEnd returns the end, in text offsets, of the word of the folded
// text f that starts at text offset start. News words are short, so a
// plain loop beats bytes.IndexByte's set-up.
func lexWordEnd(f []byte, start int) int {
	j := start + 1
	for j < len(f) && f[j] != ' ' {
		j++
	}
	return j - 1
}

// lexMatch reports whether the folded token tok is the word w: the word
// itself, its plural or possessive (s, 's, ’s; es after s, x, z, ch, sh, o;
// ies for a final y), or for a wildcard any word starting with it. The
// plural possessive "rebels'" is a match of "rebels": its apostrophe stands
// outside the word.
func (w *lexPatWord) lexMatch(tok []byte) bool {
	// Every spelling the word may take starts with its first byte, which
	// is no apostrophe; most tokens tried differ there.
	if len(tok) == 0 || tok[0] != w.lit[0] {
		return false
	}
	rest, ok := lexCutPrefix(tok, w.lit, w.apos)
	if !ok {
		if !w.yIes {
			return false
		}
		rest, ok = lexCutPrefix(tok, w.lit[:len(w.lit)-1], w.apos)
		return ok && string(rest) == "ies"
	}
	if w.wild || len(rest) == 0 {
		return true
	}
	switch string(rest) {
	case "s", "'s", "’s":
		return true
	case "es":
		return w.esOK
	}
	return false
}

// literals returns the spellings of w that the trie looks for, each a
// space and then folded bytes, in each spelling of its apostrophes (see
// lexApostropheVariants). A wildcard's literal is its part before '*': any
// word it starts is a match. Any other word's literals are the tokens that
// lexMatch accepts, each followed by the space that ends the word, so that
// the trie itself tells "rebel" and "rebels" from "rebellion".
func (w *lexPatWord) literals() []string {
	stems := lexApostropheVariants(" " + string(w.lit))
	if w.wild {
		return stems
	}
	suffixes := []string{"", "s", "'s", "’s"}
	if w.esOK {
		suffixes = append(suffixes, "es")
	}
	var out []string
	for _, suf := range suffixes {
		for _, st := range stems {
			out = append(out, st+suf+" ")
		}
	}
	if w.yIes {
		for _, st := range lexApostropheVariants(" " + string(w.lit[:len(w.lit)-1])) {
			out = append(out, st+"ies ")
		}
	}
	return out
}

// lexCutPrefix cuts the literal lit off the front of tok. In lit, the ASCII
// apostrophe stands for either apostrophe ("'" or "’").
func lexCutPrefix(tok, lit []byte, apos bool) ([]byte, bool) {
	if !apos {
		if bytes.HasPrefix(tok, lit) {
			return tok[len(lit):], true
		}
		return nil, false
	}
	j := 0
	for _, c := range lit {
		switch {
		case c == '\'' && j < len(tok) && tok[j] == '\'':
			j++
		case c == '\'' && bytes.HasPrefix(tok[j:], []byte("’")):
			j += len("’")
		case c != '\'' && j < len(tok) && tok[j] == c:
			j++
		default:
			return nil, false
		}
	}
	return tok[j:], true
}

// lexGapOK reports whether gap, the text between two words of a phrase,
// fits the pattern's gap key: spaces, line breaks and dashes are
// interchangeable ("pro-government" = "pro government" = "pro–government"),
// other characters must be those of the key, and a blank line (a paragraph
// break) ends any phrase. afterS allows the apostrophe of a plural
// possessive ("rebels' commanders").
func lexGapOK(gap, key string, afterS bool) bool {
	newlines, k := 0, 0
	for i := 0; i < len(gap); {
		r, n := utf8.DecodeRuneInString(gap[i:])
		first := i == 0
		i += n
		switch {
		case r == '\n':
			if newlines++; newlines > 1 {
				return false
			}
		case lexFlexRune(r):
		case first && afterS && isJoiner(r):
		default:
			kr, kn := utf8.DecodeRuneInString(key[k:])
			if k >= len(key) || kr != r {
				return false
			}
			k += kn
		}
	}
	return k == len(key)
}

// lexFlexRune reports whether r may stand for any other space or dash
// between the words of a phrase.
func lexFlexRune(r rune) bool {
	switch r {
	case '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212', '\uFE63', '\uFF0D':
		return true
	}
	return unicode.IsSpace(r)
}

// lexGapKey keeps the characters of a pattern gap that must appear in the
// text: all but spaces and dashes.
func lexGapKey(seg string) string {
	var b strings.Builder
	for _, r := range seg {
		if !lexFlexRune(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// lexParsePattern compiles a pattern body (without a leading '!'). It
// returns a message saying what is wrong when the pattern is malformed: a
// '*' anywhere but at the end of a word, or no word at all.
func lexParsePattern(body string) (lexPattern, string) {
	var p lexPattern
	var keyb strings.Builder
	i := 0
	for {
		s, e, ok := NextWord(body, i)
		segEnd := len(body)
		if ok {
			segEnd = s
		}
		seg := body[i:segEnd]
		if star := strings.IndexByte(seg, '*'); star >= 0 {
			last := strings.LastIndexByte(seg, '*')
			switch {
			case ok && last == len(seg)-1:
				return p, "'*' only at the end of a word"
			case len(p.words) == 0 || star != 0 || last != star:
				return p, "empty word before '*'"
			}
			p.words[len(p.words)-1].wild = true
			p.wilds++
			keyb.WriteByte('*')
			seg = seg[1:]
		}
		if !ok {
			break
		}
		if len(p.words) > 0 {
			g := lexGapKey(seg)
			p.gaps = append(p.gaps, g)
			keyb.WriteString(" " + g + " ")
		}
		w := lexNewWord(body[s:e])
		p.words = append(p.words, w)
		p.litBytes += len(w.lit)
		keyb.Write(w.lit)
		i = e
	}
	if len(p.words) == 0 {
		return p, "no word in pattern"
	}
	p.key = keyb.String()
	return p, ""
}

// lexNewWord compiles one word of a pattern.
func lexNewWord(word string) lexPatWord {
	lit := lexFold(nil, word)[1:]
	lit = bytes.ReplaceAll(lit, []byte("’"), []byte("'"))
	w := lexPatWord{lit: lit, apos: bytes.IndexByte(lit, '\'') >= 0}
	for _, suf := range []string{"s", "x", "z", "ch", "sh", "o"} {
		if bytes.HasSuffix(lit, []byte(suf)) {
			w.esOK = true
		}
	}
	w.yIes = len(lit) > 1 && lit[len(lit)-1] == 'y'
	return w
}

// lexApostropheVariants spells a literal with each apostrophe as "'" or
// "’", as texts do both. Past four apostrophes only the two uniform
// spellings are given.
func lexApostropheVariants(lit string) []string {
	n := strings.Count(lit, "'")
	if n == 0 {
		return []string{lit}
	}
	if n > 4 {
		return []string{lit, strings.ReplaceAll(lit, "'", "’")}
	}
	var out []string
	parts := strings.Split(lit, "'")
	for mask := 0; mask < 1<<n; mask++ {
		var b strings.Builder
		b.WriteString(parts[0])
		for k := 1; k < len(parts); k++ {
			if mask&(1<<(k-1)) != 0 {
				b.WriteString("’")
			} else {
				b.WriteByte('\'')
			}
			b.WriteString(parts[k])
		}
		out = append(out, b.String())
	}
	return out
}

// lexASCIIFold folds an ASCII byte: letters to lower case, digits kept,
// anything else to a space, except the apostrophe (0), which depends on
// its neighbours.
var lexASCIIFold = func() (t [utf8.RuneSelf]byte) {
	for c := range utf8.RuneSelf {
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			t[c] = byte(c)
		case 'A' <= c && c <= 'Z':
			t[c] = byte(c) + 'a' - 'A'
		case c == '\'':
			t[c] = 0
		default:
			t[c] = ' '
		}
	}
	return t
}()

// lexFold returns, in dst's storage, " " followed by the folded s: each
// word rune lowered when its lower case has the same UTF-8 length (so byte
// offsets do not move; Greek final sigma becomes σ), each byte of any other
// rune a space, except apostrophes joining two word parts ("rebel's"),
// which are kept as NextWord keeps them. The words of the result are thus
// exactly NextWord's words, at the same offsets plus one.
func lexFold(dst []byte, s string) []byte {
	f, _ := lexFoldStarts(dst, nil, s)
	return f
}

// lexFoldStarts is lexFold that also returns, in starts' storage, the
// offset in s of each word of the result, which is the offset in the
// result of the space before it: the matcher walks its trie from there,
// and the count is CountWords(s). The result has lexPad more spaces past
// its length (in its capacity), so that the trie's walks need no other
// bound.
func lexFoldStarts(dst []byte, starts []int, s string) ([]byte, []int) {
	dst = slices.Grow(dst[:0], len(s)+1+lexPad)[:len(s)+1+lexPad]
	dst[0] = ' '
	for k := len(s) + 1; k < len(dst); k++ {
		dst[k] = ' '
	}
	d := dst[1 : len(s)+1]
	// A word takes a byte and the space after it, but for the last; the
	// starts are stored by index, as append's check on the capacity
	// would be made once per word, with room for lexFoldRun's store past
	// the last.
	starts = slices.Grow(starts[:0], len(s)/2+4)[:len(s)/2+4]
	n := 0
	var in uint64 // 1 when the byte before i is in a word: d[i-1] != ' '
	for i := 0; i < len(s); {
		// Eight bytes at a time up to a special byte or the last few,
		// then that byte or rune alone.
		i, n, in = lexFoldRun(d, starts, s, i, n, in)
		if i >= len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			fc := lexASCIIFold[c]
			if fc == 0 {
				fc = ' '
				if in == 1 && lexWordRuneAt(s, i+1) {
					fc = '\''
				}
			}
			d[i] = fc
			w := uint64(0)
			if fc != ' ' {
				w = 1
			}
			if w&^in != 0 {
				starts[n] = i
				n++
			}
			in = w
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		w := uint64(1)
		switch {
		case r == '’':
			if in == 1 && lexWordRuneAt(s, i+size) {
				d[i], d[i+1], d[i+2] = s[i], s[i+1], s[i+2]
			} else {
				d[i], d[i+1], d[i+2] = ' ', ' ', ' '
				w = 0
			}
		case lexIsWordRune(r):
			if l := lexLowerRune(r); l != r && utf8.RuneLen(l) == size {
				utf8.EncodeRune(d[i:], l)
			} else {
				copy(d[i:i+size], s[i:i+size])
			}
		default:
			// Four spaces in one store, not a loop whose end (after two
			// bytes or three) is mispredicted: the bytes past the rune are
			// folded after it, and past the text d's capacity holds
			// lexPad spaces.
			binary.LittleEndian.PutUint32(d[i:i+4], 0x20202020)
			w = 0
		}
		if w&^in != 0 {
			starts[n] = i
			n++
		}
		in = w
		i += size
	}
	return dst[:len(s)+1], starts[:n]
}

// lexFoldRun is lexFoldStarts' loop over eight bytes at a time, from i on
// while none is special (not ASCII, or an apostrophe), and then up to the
// special byte; it returns where it stopped, with the new n and in. A
// word starts at each word byte after a byte that is none. The loop makes
// no call, unlike the one it serves, as the compiler keeps the variables
// live across a call in memory.
func lexFoldRun(d []byte, starts []int, s string, i, n int, in uint64) (int, int, uint64) {
	d = d[:len(s)]   // so that the loop's bound covers d too
	carry := in << 7 // in in a byte's high bit, as below
	for ; i >= 0 && i <= len(s)-8; i += 8 {
		x := speakerLoad8(s, i)
		apos := x ^ lexOnes*'\''
		if (x|(apos-lexOnes)&^apos)&quoteHigh8 != 0 {
			break
		}
		folded, high := lexFold8(x)
		binary.LittleEndian.PutUint64(d[i:i+8], folded)
		// Eight bytes hold at most four word starts, most often one or
		// two. Those two slots are filled whether the starts are there or
		// not (past n a slot is overwritten later), as a loop's exit
		// would be mispredicted; the other two only in the rare case.
		// (The top bit set in ws|1<<63 spares TrailingZeros64 its test
		// for zero, and is in the last byte.)
		ws := high &^ (high<<8 | carry)
		k := int(ws >> 7 * lexOnes >> 56) // the starts, one per byte
		four := starts[n : n+4]
		four[0] = i + bits.TrailingZeros64(ws|1<<63)>>3
		ws &= ws - 1
		four[1] = i + bits.TrailingZeros64(ws|1<<63)>>3
		if k > 2 {
			ws &= ws - 1
			four[2] = i + bits.TrailingZeros64(ws|1<<63)>>3
			ws &= ws - 1
			four[3] = i + bits.TrailingZeros64(ws|1<<63)>>3
		}
		n += k
		carry = high >> 56
	}
	if i >= 0 && i <= len(s)-8 {
		// Stopped at a special byte: the bytes before it are folded here.
		// Those from it on are written too, but again by the caller, and
		// lexFold8's arithmetic only carries upwards, so they cannot
		// spoil the ones before.
		x := speakerLoad8(s, i)
		apos := x ^ lexOnes*'\''
		special := (x | (apos-lexOnes)&^apos) & quoteHigh8 // exact in its lowest bit
		if k := bits.TrailingZeros64(special) >> 3; k > 0 {
			folded, high := lexFold8(x)
			binary.LittleEndian.PutUint64(d[i:i+8], folded)
			high &= 1<<(8*k) - 1
			for ws := high &^ (high<<8 | carry); ws != 0; ws &= ws - 1 {
				starts[n] = i + bits.TrailingZeros64(ws)>>3
				n++
			}
			carry = high >> (8*k - 8) & 0x80
			i += k
		}
	}
	return i, n, carry >> 7
}

// lexPad is the number of spaces lexFoldStarts leaves past the folded
// text: a walk of the trie reads the space after the last word, where a
// literal may end, and the byte after that, where it dies, and
// lexTrie.scan reads four bytes from a word's first.
const lexPad = 4

// lexOnes has a one in each of eight bytes.
const lexOnes = 0x0101010101010101

// lexFold8 folds eight ASCII bytes read as the little-endian x: letters and
// digits with the case bit set (lower case letters, digits unchanged),
// every other byte a space. It also returns the high bit of each word byte.
// The arithmetic on a byte carries only into the bytes above it, so the
// bytes below a byte that is not ASCII come out right.
func lexFold8(x uint64) (folded, high uint64) {
	const spaces = lexOnes * ' '
	y := x | spaces
	high = wordsAlnum8(x)
	// y has the space bit set in every byte, so masking with 0xFF in a
	// word byte and with a space in any other gives the folded bytes.
	mask := high>>7*(0xFF-' ') + spaces
	return y & mask, high
}

// lexBufs are the buffers of one Find call, kept between calls.
// lexKeepBytes is the longest text whose buffers the matcher keeps for the
// next: a news article is a few KB, and the 5 MB a text may hold would
// otherwise keep some 25 MB per pooled buffer set.
const lexKeepBytes = 1 << 20

type lexBufs struct {
	fold   []byte
	starts []int
	hits   []Hit
}

// lexWordRuneAt reports whether a word rune starts at byte i of s.
func lexWordRuneAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return lexIsWordRune(r)
}

// lexWordLow caches isWordRune for the runes below U+3000: the punctuation
// of news text (quotes, dashes, no-break spaces) and the letters of most
// scripts, whose every rune outside ASCII the fold tests, where a search
// of the unicode tables costs more than the rest of the rune's work.
var lexWordLow = func() (t [0x3000 / 64]uint64) {
	for r := range rune(0x3000) {
		if isWordRune(r) {
			t[r>>6] |= 1 << (r & 63)
		}
	}
	return t
}()

// lexIsWordRune is isWordRune, looked up in lexWordLow when it can be.
func lexIsWordRune(r rune) bool {
	if uint32(r) < 0x3000 {
		return lexWordLow[r>>6]>>(r&63)&1 != 0
	}
	return isWordRune(r)
}

// lexLowerRune lowers r for matching; final sigma folds to σ so that Greek
// words match wherever they end.
func lexLowerRune(r rune) rune {
	if r == 'ς' {
		return 'σ'
	}
	return unicode.ToLower(r)
}
