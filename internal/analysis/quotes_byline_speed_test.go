package analysis

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestQuoteHasMarkSame compares quoteHasMark with the ContainsAny it
// stands for, over random texts of marks, their bytes alone and in other
// orders, and other bytes.
func TestQuoteHasMarkSame(t *testing.T) {
	pieces := []string{"a", " ", "\"", "“", "”", "\xe2", "\x80", "\x9c", "\x9d", "\xe2\x80", "’", "\xf0", "\xe0", "—", "\xef\xbf\xbd"}
	rng := rand.New(rand.NewPCG(11, 12))
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := quoteHasMark(s), strings.ContainsAny(s, "\"“”"); got != want {
			t.Fatalf("quoteHasMark(%q) = %v, want %v", s, got, want)
		}
	}
}
