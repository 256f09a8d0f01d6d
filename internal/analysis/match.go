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

	"github.com/coregx/ahocorasick"
)

// The matcher finds lexicon entries in text in two steps. A folded copy of
// the text is made, the same length as the text, in which letters are lower
// case and every byte of a non-word rune is a space, so word starts are the
// bytes after a space and byte offsets are those of the original text. An
// Aho-Corasick automaton over " "+first-literal of every pattern (the first
// word, or its part before '*') then finds, in one pass, every word start
// where some pattern could begin; a small token walker verifies each
// candidate (inflection suffix, wildcard, the remaining words of a phrase and
// the gaps between them) and keeps the longest.
//
// Every overlapping automaton match is used (FindAllOverlapping), not the
// library's leftmost-longest search: each literal starts with a space and
// holds none after it, so matches are few (only at word starts) and all the
// literals that fit one word start arrive together, shortest first. That
// gives every candidate at a position without a prefix table, and does not
// depend on the library's non-overlapping modes, which report the earliest
// ending literal rather than the longest. A word-start prefilter calling
// FindAt only at promising words was tried and measured slower on news text:
// its branch per word costs more than the DFA's one table lookup per byte.
//
// Because no literal holds a space after its first byte, that automaton is
// a plain trie restarted at every space, so the text can be walked in
// independent pieces: lexTrie (match_trie.go) walks four at once and gives
// the same matches in the same order, about 1.7 times as fast. The library
// automaton stays for literals of another shape, which CompileLexicon does
// not make today, and as the reference the trie is tested against.

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
	ac      *ahocorasick.Automaton
	// trie does the automaton's work faster (see match_trie.go); nil
	// when a literal lacks the shape it needs.
	trie *lexTrie
	// litPats[i] lists the patterns whose first literal is automaton
	// literal i.
	litPats [][]int
	bufs    sync.Pool // of *lexBufs
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
		first := " " + string(p.words[0].lit)
		variants := lexApostropheVariants(first)
		if p.words[0].yIes && !p.words[0].wild {
			// "ally" must also be found at "allies".
			variants = append(variants, lexApostropheVariants(first[:len(first)-1]+"ie")...)
		}
		for _, v := range variants {
			id, ok := litID[v]
			if !ok {
				id = len(lits)
				litID[v] = id
				lits = append(lits, v)
				m.litPats = append(m.litPats, nil)
			}
			m.litPats[id] = append(m.litPats[id], pi)
		}
	}
	ac, err := ahocorasick.NewBuilder().AddStrings(lits).Build()
	if err != nil {
		return nil, fmt.Errorf("compile lexicon %s: %w", l.Name, err)
	}
	m.ac = ac
	m.trie = newLexTrie(lits)
	return m, nil
}

// Find returns the lexicon's hits in text, sorted by Start. Matching folds
// case in any script and reports byte offsets into text. At each word, the
// entry covering the most words wins (exclusions compete too, and win ties);
// the words of a hit or of an exclusion are used once, so hits never
// overlap, except that entries sharing one pattern in several frames each
// get a hit on the same span. Voice is left empty for the caller to set.
func (m *Matcher) Find(text string) []Hit {
	if m == nil || m.ac == nil || text == "" {
		return nil
	}
	hits, _ := m.findWords(text)
	return hits
}

// findWords is Find that also returns CountWords(text), read off the folded
// text the matcher makes anyway rather than from another pass over text.
func (m *Matcher) findWords(text string) ([]Hit, int) {
	bp := m.bufs.Get().(*lexBufs)
	f, words := lexFoldWords(bp.fold, text)
	bp.fold = f
	// The hits are gathered in a buffer kept between calls and copied out
	// at their final length, sparing the appends' regrowth.
	hits := bp.hits[:0]
	defer func() {
		clear(hits) // drop the texts for the collector
		bp.hits = hits[:0]
		m.bufs.Put(bp)
	}()

	cands := m.candidates(f, bp)
	pos := 0 // text before pos is used up
	for i := 0; i < len(cands); {
		// A literal match starts at the space before a word; in text
		// coordinates that is the word's own offset, since f has one
		// leading space.
		start := cands[i].Start
		j := i
		for j < len(cands) && cands[j].Start == start {
			j++
		}
		group := cands[i:j]
		i = j
		if start < pos {
			continue
		}
		best, bestEnd := -1, 0
		wordEnd := lexWordEnd(f, start)
		for _, c := range group {
			for _, pi := range m.litPats[c.Lit] {
				end, ok := m.lexVerify(f, text, pi, start, wordEnd)
				if ok && (best < 0 || m.lexBetter(pi, best, end, bestEnd)) {
					best, bestEnd = pi, end
				}
			}
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

// lexVerify checks whether pattern pi matches the text from the word that
// starts at byte start and ends at wordEnd, and returns the end of its last
// word. f is the folded text (one leading space, then text's bytes folded).
// The caller finds wordEnd once for all the patterns tried at a word, as
// most are rejected on the first word.
func (m *Matcher) lexVerify(f []byte, text string, pi, start, wordEnd int) (int, bool) {
	p := &m.pats[pi]
	q, end := start, wordEnd
	for k := range p.words {
		if k > 0 {
			g := end
			for g < len(text) && f[g+1] == ' ' {
				g++
			}
			if g >= len(text) {
				return 0, false
			}
			if !lexGapOK(text[end:g], p.gaps[k-1], f[end] == 's') {
				return 0, false
			}
			q = g
			end = len(text)
			if e := bytes.IndexByte(f[q+1:], ' '); e >= 0 {
				end = q + e
			}
		}
		if !p.words[k].lexMatch(f[q+1 : end+1]) {
			return 0, false
		}
	}
	return end, true
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
	f, _ := lexFoldWords(dst, s)
	return f
}

// lexFoldWords is lexFold that also counts the words of the result (its
// runs of bytes other than spaces, so CountWords(s)) as it writes them: a
// separate pass over the folded text cost a tenth of the matcher's time.
func lexFoldWords(dst []byte, s string) ([]byte, int) {
	dst = slices.Grow(dst[:0], len(s)+1)[:len(s)+1]
	dst[0] = ' '
	d := dst[1:]
	words := 0
	var in uint64 // 1 when the byte before i is in a word: d[i-1] != ' '
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			// Eight bytes at a time, when none is special (not ASCII, or
			// an apostrophe), else up to the first special one: the bytes
			// from it on are written too, but folded again below, and
			// lexFold8's arithmetic only carries upwards, so they cannot
			// spoil the ones before. A word starts at each word byte after
			// a byte that is none.
			x := speakerLoad8(s, i)
			apos := x ^ lexOnes*'\''
			special := (x | (apos-lexOnes)&^apos) & quoteHigh8 // exact in its lowest bit
			if special == 0 {
				// The common case steps a fixed eight bytes, so the next
				// load need not wait on finding the first special byte.
				folded, high := lexFold8(x)
				binary.LittleEndian.PutUint64(d[i:i+8], folded)
				words += bits.OnesCount64(high &^ (high<<8 | in<<7))
				in = high >> 63
				i += 8
				continue
			}
			if k := bits.TrailingZeros64(special) >> 3; k > 0 {
				folded, high := lexFold8(x)
				binary.LittleEndian.PutUint64(d[i:i+8], folded)
				high &= 1<<(8*k) - 1
				words += bits.OnesCount64(high &^ (high<<8 | in<<7))
				in = high >> (8*k - 1) & 1
				i += k
				continue
			}
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
			words += int(w &^ in)
			in = w
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		w := uint64(1)
		switch {
		case r == '’':
			if in == 1 && lexWordRuneAt(s, i+n) {
				copy(d[i:i+n], s[i:i+n])
			} else {
				d[i], d[i+1], d[i+2] = ' ', ' ', ' '
				w = 0
			}
		case lexIsWordRune(r):
			if l := lexLowerRune(r); l != r && utf8.RuneLen(l) == n {
				utf8.EncodeRune(d[i:], l)
			} else {
				copy(d[i:i+n], s[i:i+n])
			}
		default:
			for k := range n {
				d[i+k] = ' '
			}
			w = 0
		}
		words += int(w &^ in)
		in = w
		i += n
	}
	return dst, words
}

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
	high = ((lexOnes*('z'+1+127)-y)&(y+lexOnes*(127-'a'+1)) |
		(lexOnes*('9'+1+127)-x)&(x+lexOnes*(127-'0'+1))) & quoteHigh8
	word := high >> 7 * 0xFF
	return y&word | spaces&^word, high
}

// lexBufs are the buffers of one Find call, kept between calls.
type lexBufs struct {
	fold  []byte
	hits  []Hit
	cands []lexCand
	seg   [lexTrieWays][]lexCand
}

// candidates returns every automaton literal in the folded text f, in
// order of their ends, in bp's buffers.
func (m *Matcher) candidates(f []byte, bp *lexBufs) []lexCand {
	if m.trie != nil {
		bp.cands = m.trie.find(f, bp.cands[:0], &bp.seg)
		return bp.cands
	}
	cands := bp.cands[:0]
	for _, c := range m.ac.FindAllOverlapping(f) {
		cands = append(cands, lexCand{Start: c.Start, Lit: c.PatternID})
	}
	bp.cands = cands
	return cands
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
