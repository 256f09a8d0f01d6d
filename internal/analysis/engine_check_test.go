package analysis

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// checkTextReference is CheckText read plainly: each condition in turn,
// over the whole text.
func checkTextReference(s string) error {
	if strings.TrimSpace(s) == "" {
		return Errorf(EINVALID, "empty")
	}
	if !utf8.ValidString(s) {
		return Errorf(EINVALID, "undecodable text (not UTF-8)")
	}
	controls := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == 0 {
			return Errorf(EINVALID, "binary data (NUL bytes)")
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			controls++
		}
	}
	if controls*100 > len(s) {
		return Errorf(EINVALID, "binary data (control characters)")
	}
	return nil
}

// TestCheckTextSameAsReference checks the one-pass check against the plain
// reading, and that a text it calls plain is one cleanPrepare leaves as it
// is and holds no 0xC3 (so Analyze may skip preparing it), and one it does
// not is not.
func TestCheckTextSameAsReference(t *testing.T) {
	texts := []string{
		"", " \n\t", "plain text", "A\x00B", "\xff", "abc\xffdef\x00", "x\x00\xff",
		"\x01\x02\x03 mostly controls", strings.Repeat("a", 200) + "\x01", strings.Repeat("a", 99) + "\x01",
		"line\r\nbreak", "form\ffeed", "tab\tand\nnewline", "no\u00a0break", "line\u2028sep", "para\u2029sep",
		"\ufeffbom", "caf\u00e9", "Syria\u00e2\u20ac\u2122s", "\u201cquoted\u201d and \u2019", "\ufffd replacement",
		"\xed\xa0\x80 surrogate", "\xc0\xaf overlong", strings.Repeat("sixteen bytes ok", 5) + "\u00e9" + strings.Repeat("x", 17),
	}
	texts = append(texts, quoteTestTexts()...)
	frags := []string{"a", " ", "\n", "\t", "\r", "\f", "\x00", "\x01", "\x7f", "\u00a0", "\u2028", "\ufeff", "é", "\u201c", "\xff", "\xe2\x80", strings.Repeat("x", 16)}
	texts = append(texts, fragTexts(11, 20000, 24, frags)...)
	for _, s := range texts {
		plain, err := checkText(s)
		want := checkTextReference(s)
		if (err == nil) != (want == nil) || err != nil && err.Error() != want.Error() {
			t.Fatalf("checkText(%q) = %v, want %v", s, err, want)
		}
		if err != nil {
			if plain {
				t.Fatalf("checkText(%q) = plain with an error", s)
			}
			continue
		}
		if want := !strings.Contains(s, "\xc3") && cleanNormalize(s) == s; plain != want {
			t.Fatalf("checkText(%q) plain = %v, want %v", s, plain, want)
		}
		if plain && cleanPrepare(s) != s {
			t.Fatalf("checkText(%q) is plain, but cleanPrepare changes it", s)
		}
	}
}

// TestTextStops8 checks the eight-byte mask of checkText against the
// byte-by-byte definition, for every byte value in every lane, and that
// textSkip16 stops at the block of sixteen that holds such a byte.
func TestTextStops8(t *testing.T) {
	for c := range 256 {
		for lane := range 8 {
			b := []byte("ab \x7f~{}z")
			b[lane] = byte(c)
			var want uint64
			for i, v := range b {
				if v < 0x20 || v >= 0x80 {
					want |= 0x80 << (8 * i)
				}
			}
			if got := textStops8(speakerLoad8(string(b), 0)); got != want {
				t.Fatalf("textStops8(%q) = %#x, want %#x", b, got, want)
			}
			s := strings.Repeat("abcdefgh", 4) + string(b) + "12345678"
			wantSkip := len(s)
			if want != 0 {
				wantSkip = 32
			}
			if got := textSkip16(s, 0); got != wantSkip {
				t.Fatalf("textSkip16(%q, 0) = %d, want %d", s, got, wantSkip)
			}
		}
	}
}

// FuzzCheckText checks the one-pass check against the plain reading.
func FuzzCheckText(f *testing.F) {
	for _, s := range []string{"plain text", "aaaaaaaa\x00bcdefghij k", strings.Repeat("sixteen bytes ok", 3) + "\x1f", "caf\u00e9\r\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, err := checkText(s)
		want := checkTextReference(s)
		if (err == nil) != (want == nil) || err != nil && err.Error() != want.Error() {
			t.Fatalf("checkText(%q) = %v, want %v", s, err, want)
		}
	})
}
