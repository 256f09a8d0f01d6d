package analysis

import (
	"strings"
	"testing"
)

// TestQuoteHasMarkSame compares quoteHasMark with the ContainsAny it
// stands for, over random texts of marks, their bytes alone and in other
// orders, and other bytes.
func TestQuoteHasMarkSame(t *testing.T) {
	pieces := []string{"a", " ", "\"", "“", "”", "\xe2", "\x80", "\x9c", "\x9d", "\xe2\x80", "’", "\xf0", "\xe0", "—", "\xef\xbf\xbd"}
	for _, s := range fragTexts(11, 50000, 8, pieces) {
		if got, want := quoteHasMark(s), strings.ContainsAny(s, "\"“”"); got != want {
			t.Fatalf("quoteHasMark(%q) = %v, want %v", s, got, want)
		}
	}
}
