package analysis

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// quoteTrimContentRef is quoteTrimContent as it was before its ASCII fast
// path: every rune decoded.
func quoteTrimContentRef(body string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(body[s:])
		if !unicode.IsSpace(r) && r != ',' && r != ':' && r != ';' {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(body[s:e])
		if !(unicode.IsSpace(r) || r == ',' || r == ';' || r == ':' || r == '—' || r == '–') {
			break
		}
		e -= n
	}
	return s, e
}

// TestQuoteTrimContentASCII compares quoteTrimContent with the rune by rune
// reference on every pair of leading and trailing pieces, ASCII bytes,
// spaces, dashes and broken UTF-8 among them.
func TestQuoteTrimContentASCII(t *testing.T) {
	pieces := []string{"", " ", "\t", "\n", "\r", "\v", "\f", ",", ":", ";", "-", ".", "a", "Z", "0", "\x00", "\x1c", "\x85",
		"\u00a0", "\u2003", "—", "–", "\u3000", "é", "\xe2\x80", "\x80", "\xff", "\u0085", "!", "\""}
	for _, a := range pieces {
		for _, b := range pieces {
			for _, c := range pieces {
				for _, mid := range []string{"", "x", " ", "—"} {
					body := "<" + a + b + mid + b + c + ">"
					s, e := 1, len(body)-1
					gs, ge := quoteTrimContent(body, s, e)
					ws, we := quoteTrimContentRef(body, s, e)
					if gs != ws || ge != we {
						t.Fatalf("quoteTrimContent(%q) = %d, %d, want %d, %d", body, gs, ge, ws, we)
					}
				}
			}
		}
	}
	for c := range 256 {
		body := string([]byte{byte(c)})
		for _, w := range [][2]int{{0, 1}} {
			gs, ge := quoteTrimContent(body, w[0], w[1])
			ws, we := quoteTrimContentRef(body, w[0], w[1])
			if gs != ws || ge != we {
				t.Fatalf("byte %#x: %d, %d, want %d, %d", c, gs, ge, ws, we)
			}
		}
	}
}
