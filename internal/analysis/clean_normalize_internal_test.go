package analysis

import (
	"strings"
	"testing"
)

// cleanNormalizeReference is cleanNormalize written again from its
// documented rules, a rune at a time and with no code of clean.go: "\r\n",
// "\r", U+2028 and U+2029 become "\n"; C0 control characters other than
// "\n" and "\t" go, as does a byte-order mark; U+00A0 becomes a plain
// space; each byte of invalid UTF-8 becomes U+FFFD. Ranging over a string
// yields utf8.RuneError, one byte wide, for each such byte, and writing
// it writes U+FFFD.
func cleanNormalizeReference(raw string) string {
	var b strings.Builder
	afterCR := false // the rune before was "\r"
	for _, r := range raw {
		cr := afterCR
		afterCR = false
		switch {
		case r == '\n' && cr:
			// The "\n" of "\r\n": the "\r" was written as "\n".
		case r == '\r':
			b.WriteByte('\n')
			afterCR = true
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r < 0x20:
			// A C0 control character, dropped.
		case r == '\u00a0':
			b.WriteByte(' ')
		case r == '\u2028' || r == '\u2029':
			b.WriteByte('\n')
		case r == '\ufeff':
			// A byte-order mark, dropped.
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// checkNormalize checks cleanNormalizeC3, which copies runs of printable
// ASCII whole, against the reference, and its report of a byte 0xC3.
func checkNormalize(t *testing.T, s string) {
	t.Helper()
	got, c3 := cleanNormalizeC3(s)
	if want := cleanNormalizeReference(s); got != want {
		t.Fatalf("cleanNormalizeC3(%q) = %q, want %q", s, got, want)
	}
	if want := strings.Contains(s, "\xc3"); c3 != want {
		t.Fatalf("cleanNormalizeC3(%q) reports 0xC3 %v, want %v", s, c3, want)
	}
}

// TestCleanNormalizeRuns checks cleanNormalizeC3 on texts made of the
// bytes and runes it rewrites, between runs of ASCII of every length.
func TestCleanNormalizeRuns(t *testing.T) {
	frags := []string{"a", "abcdefgh", strings.Repeat("x", 17), " ", "\n", "\t", "\r", "\r\n", "\x00", "\x01", "\x1f", "\x7f",
		"\u00a0", "\u2028", "\u2029", "\ufeff", "é", "\u00c3\u00a9", "\xc3", "\xff", "\xe2\x80", "\u201c"}
	for _, s := range fragTexts(5, 20000, 30, frags) {
		checkNormalize(t, s)
	}
}

// FuzzCleanNormalize checks cleanNormalizeC3 against the reference.
func FuzzCleanNormalize(f *testing.F) {
	for _, s := range []string{"line\r\nbreak and more text here", "caf\u00e9\u00a0\r", "\xff\xc3\x28 abcdefghijklmnop\x01q"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkNormalize(t, s) })
}
