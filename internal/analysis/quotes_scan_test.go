package analysis

import "testing"

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
