package analysis

import (
	"bytes"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// lexReferenceFind is a slow matcher with the same rules as Matcher.Find:
// at every word NextWord finds, it tries every pattern. It checks that the
// automaton finds every candidate and that the folded text splits into
// exactly NextWord's words.
func lexReferenceFind(m *Matcher, text string) []Hit {
	f := lexFold(nil, text)
	var hits []Hit
	pos := 0
	for {
		start, wordEnd, ok := NextWord(text, pos)
		if !ok {
			return hits
		}
		best, bestEnd := -1, 0
		for pi := range m.pats {
			// (NextWord gives the word's end: the reference does not use
			// lexWordEnd, the search Find makes for it.)
			if end, ok := m.lexVerify(f, text, pi, start, wordEnd); ok && (best < 0 || m.lexBetter(pi, best, end, bestEnd)) {
				best, bestEnd = pi, end
			}
		}
		if best < 0 {
			pos = wordEnd
			continue
		}
		pos = bestEnd
		if m.pats[best].exclusion {
			continue
		}
		for _, ei := range m.pats[best].entries {
			e := m.entries[ei]
			hits = append(hits, Hit{Term: text[start:bestEnd], Pattern: e.Pattern, Frame: e.Frame,
				Actor: e.Actor, Valence: e.Valence, Start: start, End: bestEnd, Entry: ei})
		}
	}
}

// lexVerify is Matcher.verify as it was written before it kept what the
// patterns tried at a word share, a reference to hold it to: it checks
// whether pattern pi matches the text from the word that starts at byte
// start and ends at wordEnd, and returns the end of its last word. f is the folded text (one leading space, then text's bytes folded).
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

// fuzzLexicon builds a lexicon of the first eight lines of spec, one
// pattern each, the entries taking the frames in turn.
func fuzzLexicon(spec string, frames ...string) *Lexicon {
	lex := &Lexicon{Name: "fuzz"}
	for i, p := range strings.Split(spec, "\n") {
		if i == 8 {
			break
		}
		e := Entry{Pattern: p}
		if !e.Exclusion() {
			e.Frame = frames[i%len(frames)]
		}
		lex.Entries = append(lex.Entries, e)
	}
	return lex
}

// FuzzMatchReference compares Matcher.Find with lexReferenceFind on random
// text and random small lexicons.
func FuzzMatchReference(f *testing.F) {
	f.Add("Rebels and rebel’s militants, pro-government\nforces; allies", "rebel\nmilitant*\npro-government forces\n!rebel yell\nally")
	f.Add("ΑΝΤΆΡΤΕΣ БОЕВИКИ داعش o'brien O’Brien", "αντάρτες\nбоевик*\nداعش\no'brien")
	f.Add("reb rebe rebel rebels rebellion", "reb*\nrebel\nrebe*\nrebellion")
	f.Add("a'b a’b 'a' ‘b’ x'", "a'b\na\nb*\nx")
	f.Fuzz(func(t *testing.T, text, spec string) {
		m, err := CompileLexicon(fuzzLexicon(spec, "a", "b"))
		if err != nil {
			return
		}
		got, want := m.Find(text), lexReferenceFind(m, text)
		if len(got) == 0 && len(want) == 0 {
			return
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("Find(%q) with %q\n got %+v\nwant %+v", text, spec, got, want)
		}
	})
}

// defaultMatchers compiles each shipped lexicon, by name.
func defaultMatchers(t *testing.T) map[string]*Matcher {
	t.Helper()
	out := map[string]*Matcher{}
	for _, name := range DefaultLexiconNames() {
		lex, err := DefaultLexicon(name)
		if err != nil {
			t.Fatal(err)
		}
		if out[name], err = CompileLexicon(lex); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// TestMatchReferenceOnNews runs the shipped lexicons and the reference
// matcher over a text written to exercise them.
func TestMatchReferenceOnNews(t *testing.T) {
	text := "The Assad regime's forces and pro-government\nmilitias shelled rebel-held Aleppo; " +
		"ISIS, al Qaeda and moderate rebels fought. Aid workers evacuated civilians, " +
		"a cease fire held and the UN spoke of war crimes. Rebel Yell played at the rebellion."
	for name, m := range defaultMatchers(t) {
		got, want := m.Find(text), lexReferenceFind(m, text)
		if len(got) == 0 || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: Find\n got %+v\nwant %+v", name, got, want)
		}
	}
}

// FuzzLexFold holds lexFold to its contract for any text, on its
// eight-bytes-at-a-time path and its rune-by-rune one alike: the runs of
// bytes other than spaces are NextWord's words (offset by the leading
// space), ASCII letters are lowered, and lexFoldStarts finds as many words as
// CountWords does.
func FuzzLexFold(f *testing.F) {
	f.Add("Rebels shelled the government-held district on Monday.")
	f.Add("O'Brien's ALLIES don't  say 'no' — Russia’s  “moderate” rebels' 12,000 troops")
	f.Add("abcdefgh'ijklmnop ABCDEFGHIJKLMNOP0123456789 ~!@#$%^&*()_+`{}|[]\\:\";<>?,./")
	f.Add("БОЕВИКИ вошли; قال إن داعش هاجم ΣΊΣΥΦΟΣ straße\xff\xfe ab\xc3")
	f.Add("x'\n'y ’a b’ c’d e''f")
	f.Fuzz(func(t *testing.T, s string) {
		fold := lexFold(nil, s)
		if len(fold) != len(s)+1 || fold[0] != ' ' {
			t.Fatalf("lexFold(%q) = %q: want a space and one byte per byte", s, fold)
		}
		var want [][2]int
		for i := 0; ; {
			st, en, ok := NextWord(s, i)
			if !ok {
				break
			}
			want = append(want, [2]int{st, en})
			i = en
		}
		var got [][2]int
		for i := 1; i < len(fold); i++ {
			if fold[i] != ' ' && fold[i-1] == ' ' {
				got = append(got, [2]int{i - 1, i - 1})
			}
			if fold[i] != ' ' && (i+1 == len(fold) || fold[i+1] == ' ') {
				got[len(got)-1][1] = i
			}
		}
		if !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
			t.Fatalf("lexFold(%q) = %q: words %v, NextWord's %v", s, fold, got, want)
		}
		for i := 0; i < len(s); i++ {
			c := s[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if ('a' <= c && c <= 'z' || '0' <= c && c <= '9') && fold[i+1] != c {
				t.Fatalf("lexFold(%q)[%d] = %q, want %q", s, i+1, fold[i+1], c)
			}
		}
		if want := lexFoldReference(s); !bytes.Equal(fold, want) {
			t.Fatalf("lexFold(%q) = %q, the rune-by-rune reference %q", s, fold, want)
		}
		// The trie's walks rely on the spaces past the text, which the
		// fold of a rune to spaces may write over.
		if pad := fold[len(fold) : len(fold)+lexPad]; !bytes.Equal(pad, []byte("    ")[:lexPad]) {
			t.Fatalf("lexFold(%q) leaves %q past the text, want %d spaces", s, pad, lexPad)
		}
		if _, starts := lexFoldStarts(nil, nil, s); len(starts) != CountWords(s) {
			t.Fatalf("lexFoldStarts(%q) finds %d words, CountWords %d", s, len(starts), CountWords(s))
		}
	})
}

// TestLexFoldWords checks the words lexFoldStarts finds while folding
// where its two paths meet: a word running from eight ASCII bytes into a
// rune read alone, apostrophes that join or do not, and runes that fold to
// spaces.
func TestLexFoldWords(t *testing.T) {
	for _, c := range []struct {
		text  string
		words int
	}{
		{"", 0},
		{"a", 1},
		{"abcdefgh", 1},
		{"abcdefgh ijklmnop", 2},
		{"abcdefghé ijklmnop", 2},        // a word from the fast path on into a rune
		{"abcdefgh'ijk 'abcdefgh'", 2},   // a joining apostrophe after eight bytes, quotes around
		{"abcdefg'h ijk", 2},             // an apostrophe in the last lane of a block
		{"Russia’s allies’ “rebels”", 3}, // ’ joins, ends a word, “” are spaces
		{"боевики—داعش ΣΊΣΥΦΟΣ", 3},
		{"x'\n'y ’a b’ c’d e''f", 7},
		{"12,000 troops\n\nU.S.", 5},
		{"the quick brown fox jumps over the lazy dog, THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG [0123456789] `@{~", 19},
	} {
		f, starts := lexFoldStarts(nil, nil, c.text)
		n := len(starts)
		if n != c.words || n != CountWords(c.text) {
			t.Errorf("lexFoldStarts(%q) finds %d words, want %d (CountWords %d)", c.text, n, c.words, CountWords(c.text))
		}
		if want := lexFoldReference(c.text); !bytes.Equal(f, want) {
			t.Errorf("lexFoldStarts(%q) folds to %q, the rune-by-rune reference to %q", c.text, f, want)
		}
	}
}

// lexFoldReference is lexFold written a rune at a time, from its contract,
// with none of its eight-byte paths: one leading space; ASCII letters and
// digits lowered, other ASCII a space, but an apostrophe between a word
// byte and a word rune; ’ the same; runes of words lowered when the lower
// case has as many bytes; every other rune spaces.
func lexFoldReference(s string) []byte {
	out := []byte{' '}
	wordNext := func(i int) bool {
		r, _ := utf8.DecodeRuneInString(s[i:])
		return i < len(s) && isWordRune(r)
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		prevIn := out[len(out)-1] != ' '
		switch {
		case 'A' <= r && r <= 'Z':
			out = append(out, byte(r)+'a'-'A')
		case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
			out = append(out, byte(r))
		case r == '\'' && n == 1:
			if prevIn && wordNext(i+1) {
				out = append(out, '\'')
			} else {
				out = append(out, ' ')
			}
		case r < utf8.RuneSelf:
			out = append(out, ' ')
		case r == '’' && n == 3 && prevIn && wordNext(i+n):
			out = append(out, s[i:i+n]...)
		case r != '’' && isWordRune(r) && n > 1:
			if l := lexLowerRune(r); l != r && utf8.RuneLen(l) == n {
				out = utf8.AppendRune(out, l)
			} else {
				out = append(out, s[i:i+n]...)
			}
		default:
			for range n {
				out = append(out, ' ')
			}
		}
		i += n
	}
	return out
}

// TestLexIsWordRune holds the cached word test to isWordRune for every
// rune.
func TestLexIsWordRune(t *testing.T) {
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		if lexIsWordRune(r) != isWordRune(r) {
			t.Fatalf("lexIsWordRune(%U) = %v, isWordRune %v", r, lexIsWordRune(r), isWordRune(r))
		}
	}
}

// TestLexWordLiterals checks the literals the trie looks for, for each
// kind of pattern word, and that for a word that is no wildcard they are
// exactly the tokens lexMatch accepts, each with a space after it.
func TestLexWordLiterals(t *testing.T) {
	for _, c := range []struct {
		word string
		want []string
	}{
		{"rebel*", []string{" rebel"}},
		{"o'b*", []string{" o'b", " o’b"}},
		{"rebel", []string{" rebel ", " rebels ", " rebel's ", " rebel’s "}},
		{"Bus", []string{" bus ", " buss ", " bus's ", " bus’s ", " buses "}},
		{"ally", []string{" ally ", " allys ", " ally's ", " ally’s ", " allies "}},
		{"o'rly", []string{
			" o'rly ", " o’rly ", " o'rlys ", " o’rlys ", " o'rly's ", " o’rly's ",
			" o'rly’s ", " o’rly’s ", " o'rlies ", " o’rlies ",
		}},
		{"боевик", []string{" боевик ", " боевикs ", " боевик's ", " боевик’s "}},
	} {
		word := strings.TrimSuffix(c.word, "*")
		w := lexNewWord(word)
		w.wild = word != c.word
		if got := w.literals(); !reflect.DeepEqual(got, c.want) {
			t.Errorf("literals of %q = %q, want %q", c.word, got, c.want)
		}
		if w.wild {
			continue
		}
		lits := map[string]bool{}
		for _, l := range w.literals() {
			lits[l] = true
		}
		for _, tok := range []string{
			word, word + "s", word + "'s", word + "’s", word + "es", word + "ies", word + "'", word + "ss",
			word[:len(word)-1], word[:len(word)-1] + "ies", word[:len(word)-1] + "ie", word + "x", "x" + word,
		} {
			f := string(lexFold(nil, tok)[1:])
			if got, want := lits[" "+f+" "], w.lexMatch([]byte(f)); got != want {
				t.Errorf("word %q, token %q: among the literals %v, lexMatch %v", c.word, f, got, want)
			}
		}
	}
}

// TestLexFoldStarts checks the word starts lexFoldStarts records against
// NextWord's, on both its paths and where they meet, and the spaces it
// leaves past the folded text.
func TestLexFoldStarts(t *testing.T) {
	for _, text := range []string{
		"",
		"a",
		"  a  b",
		"abcdefgh ijklmnop qrstuvwx",
		"abcdefghé ijklmnop",
		"abcdefgh'ijk 'abcdefgh' x",
		"abcdefg'h ijk",
		"Russia’s allies’ “rebels” said—in Aleppo",
		"боевики—داعش ΣΊΣΥΦΟΣ abc",
		"x'\n'y ’a b’ c’d e''f",
		"12,000 troops\n\nU.S.",
		"a b c d e f g h i j k l m n o p q r s t u v w x y z", // four starts in eight bytes
		"ab c d ef g h ij k l mn o p qr s t",                  // three
	} {
		f, starts := lexFoldStarts(nil, nil, text)
		var want []int
		for i := 0; ; {
			s, e, ok := NextWord(text, i)
			if !ok {
				break
			}
			want = append(want, s)
			i = e
		}
		if !slices.Equal(starts, want) {
			t.Errorf("lexFoldStarts(%q) starts %v, NextWord's %v", text, starts, want)
		}
		if pad := f[len(f) : len(f)+lexPad]; string(pad) != strings.Repeat(" ", lexPad) {
			t.Errorf("lexFoldStarts(%q) leaves %q past the text, want %d spaces", text, pad, lexPad)
		}
	}
}

// TestLexBuffersOfLongTextNotKept: after a text past lexKeepBytes, the
// buffers the matcher pools for the next text are not that text's (its
// word starts alone take four bytes per byte of text).
func TestLexBuffersOfLongTextNotKept(t *testing.T) {
	m := defaultMatchers(t)["conflict-actors"]
	short := "Rebels shelled the town. "
	long := strings.Repeat(short, lexKeepBytes/len(short)+1)
	m.findWords(long)
	bp := m.bufs.Get().(*lexBufs)
	if cap(bp.fold) > lexKeepBytes || cap(bp.starts) > lexKeepBytes {
		t.Errorf("after a %d-byte text the pool holds buffers of %d and %d", len(long), cap(bp.fold), cap(bp.starts))
	}
	m.bufs.Put(bp)
}
