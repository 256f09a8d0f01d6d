package analysis

import (
	"strings"
	"testing"
)

// cleanNormalizeReference is cleanNormalize read plainly, a byte or rune
// at a time: no text returned untouched, no run of ASCII copied whole.
func cleanNormalizeReference(raw string) string {
	var b strings.Builder
	for i := 0; i < len(raw); {
		i = cleanNormalizeAt(&b, raw, i)
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
