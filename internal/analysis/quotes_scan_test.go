package analysis

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// TestQuoteScanKey checks that a word's key depends on its bytes alone,
// not on where it stands or on the bytes around it, for every length the
// pass hashes and at the start, inside and at the end of a text.
func TestQuoteScanKey(t *testing.T) {
	const text = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	for n := 1; n <= quoteScanMaxLen; n++ {
		for s := 0; s+n <= len(text); s++ {
			w := text[s : s+n]
			want := quoteScanKey(w, 0, n)
			for _, c := range []struct {
				body       string
				start, end int
			}{
				{text, s, s + n},
				{text[s:], 0, n},
				{text[:s+n], s, s + n},
				{"x " + w, 2, 2 + n},
			} {
				if got := quoteScanKey(c.body, c.start, c.end); got != want {
					t.Fatalf("quoteScanKey(%q, %d, %d) = %#x, want %#x (the key of %q)", c.body, c.start, c.end, got, want, w)
				}
			}
		}
	}
	// Words that differ in one byte, or in their length, have other keys.
	if quoteScanKey("said", 0, 4) == quoteScanKey("sai", 0, 3) || quoteScanKey("said", 0, 4) == quoteScanKey("Said", 0, 4) {
		t.Fatal("quoteScanKey gives two words one key")
	}
}

// quoteScanReference is quoteScan written plainly: a loop over the bytes
// that notes the marks, and every letter run looked up by its text in a
// map of the table's words (not by quoteScanKey, which it checks too).
func quoteScanReference(body string) (r quoteScanResult) {
	kind := quoteScanKinds()
	for i := 0; i < len(body); i++ {
		if quoteMarkByte[body[i]] {
			r.marks = append(r.marks, i)
		}
	}
	for i := 0; i < len(body); {
		if quoteScanLetter[body[i]] == 0 {
			i++
			continue
		}
		s := i
		for i < len(body) && quoteScanLetter[body[i]] != 0 {
			i++
		}
		glued := s > 0 && body[s-1] >= '0' && body[s-1] <= '9'
		if p, _ := utf8.DecodeLastRuneInString(body[:s]); s > 0 && body[s-1] >= utf8.RuneSelf && isWordRune(p) {
			glued = true
		}
		if nx, _ := utf8.DecodeRuneInString(body[i:]); i < len(body) && body[i] >= utf8.RuneSelf && isWordRune(nx) {
			glued = true
		}
		switch k := kind[body[s:i]]; {
		case glued:
		case k == quoteScanCue:
			r.cues = append(r.cues, Span{s, i})
		case k == quoteScanName:
			r.names = append(r.names, Span{s, i})
		}
	}
	return r
}

// quoteScanKinds maps each word of the scan's table to its kind.
var quoteScanKinds = sync.OnceValue(func() map[string]uint8 {
	kind := map[string]uint8{}
	for i := range quoteScanWords {
		if e := quoteScanWords[i]; e.w != "" {
			kind[e.w] = e.kind
		}
	}
	return kind
})

// TestQuoteScanRunLengths checks the pass at every length of text around
// the copy it reads its last bytes from: long runs of letters, and words
// the filter passes, that end at, cross and fall short of each offset.
func TestQuoteScanRunLengths(t *testing.T) {
	for _, unit := range []string{"said ", "Mr said", "a", "internationalizationsaid", "x said  ", "“Said”"} {
		for n := 0; n <= 80; n++ {
			rep := strings.Repeat(unit, n)
			for _, body := range []string{rep[:min(n, len(rep))], strings.Repeat("b", n) + " said", strings.Repeat("b", n) + "said"} {
				checkQuoteScan(t, body)
			}
		}
	}
	// Texts over several of quoteScanRun's chunks, with a word the filter
	// passes at nearly every run, the buffer of a chunk near full.
	for _, unit := range []string{"Mr ", "said ", "Mr said", "a,"} {
		for n := 100; n <= 1200; n += 37 {
			checkQuoteScan(t, strings.Repeat(unit, n))
		}
	}
	// The longest table words, whole or glued to a letter before, with
	// every run of spaces around: the scan's last bytes are read from a
	// padded copy that must start far enough back to hold them whole.
	for _, word := range []string{"acknowledged", "acknowledging", "correspondent"} {
		for _, glue := range []string{"", "x", "xx"} {
			for pre := 0; pre <= 20; pre++ {
				for post := 0; post <= 20; post++ {
					checkQuoteScan(t, strings.Repeat(" ", pre)+glue+word+strings.Repeat(" ", post))
				}
			}
		}
	}
}

// FuzzQuoteScan checks the pass against quoteScanReference.
func FuzzQuoteScan(f *testing.F) {
	for _, s := range []string{"", "said", "He said “no.”", "Mr. Smith told reporters", strings.Repeat("abcdefghijklmnopq ", 3) + "Said"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		checkQuoteScan(t, body)
	})
}

// checkQuoteScan fails t when quoteScan and quoteScanReference differ on
// body.
func checkQuoteScan(t *testing.T, body string) {
	t.Helper()
	want := quoteScanReference(body)
	var got quoteScanResult
	quoteScan(body, &got)
	if !slices.Equal(got.marks, want.marks) || !slices.Equal(got.cues, want.cues) || !slices.Equal(got.names, want.names) {
		t.Fatalf("quoteScan(%q) = %v %v %v, want %v %v %v", body, got.marks, got.cues, got.names, want.marks, want.cues, want.names)
	}
}

// TestQuoteParagraphsBlankLines checks the step over blank lines against
// a plain split of the lines, trimmed.
func TestQuoteParagraphsBlankLines(t *testing.T) {
	for _, body := range []string{"", "\n", "\n\n", "a", "a\n", "\na", "a\n\nb", "a\n \n\n\tb\n\n", " a \r\n\n\n b\t", "\n\n\nx\n\n\n", "a\nb\nc"} {
		var want []Span
		off := 0
		for _, line := range strings.Split(body, "\n") {
			s, e := off, off+len(line)
			for s < e && strings.IndexByte(" \t\r", body[s]) >= 0 {
				s++
			}
			for e > s && strings.IndexByte(" \t\r", body[e-1]) >= 0 {
				e--
			}
			if s < e {
				want = append(want, Span{s, e})
			}
			off += len(line) + 1
		}
		if got := quoteParagraphs(body, nil); !slices.Equal(got, want) {
			t.Errorf("quoteParagraphs(%q) = %v, want %v", body, got, want)
		}
	}
}

// TestQuoteBuffersOfLongTextNotKept: after a long text of many cue words,
// names and quotation marks, the attributor pooled for the next text does
// not hold its buffers, which grow with those: every buffer FindAttributions
// bounds before it pools one is within the bound. (The scan's filter hits
// are looked at a chunk at a time, in a buffer of fixed size.)
func TestQuoteBuffersOfLongTextNotKept(t *testing.T) {
	for _, body := range []string{
		strings.Repeat("a b c d e f g h said ", 150000),
		strings.Repeat("Mr Lee said \"no.\" ", 100000),
	} {
		FindAttributions("Title\n\n" + body)
		a, ok := quoteAttributorPool.Get().(*attributor)
		if !ok {
			continue // the pool kept nothing: nothing held
		}
		if cap(a.toks) > 1<<16 || cap(a.quotes) > 1<<12 || cap(a.scan.marks) > 1<<16 || cap(a.scan.cues) > 1<<16 || cap(a.scan.names) > 1<<16 {
			t.Errorf("the pool holds buffers of %d tokens, %d quotes, %d marks, %d cues, %d names",
				cap(a.toks), cap(a.quotes), cap(a.scan.marks), cap(a.scan.cues), cap(a.scan.names))
		}
		quoteAttributorPool.Put(a)
	}
}
