package analysis

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestSpeakerASCII checks speakerASCII, which reads eight bytes at a time,
// against a byte loop: a byte outside ASCII at each place of strings of
// each length up to a few words.
func TestSpeakerASCII(t *testing.T) {
	ref := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if s[i] >= utf8.RuneSelf {
				return false
			}
		}
		return true
	}
	for n := range 25 {
		s := strings.Repeat("a", n)
		if got := speakerASCII(s); got != true {
			t.Errorf("speakerASCII(%q) = %v, want true", s, got)
		}
		for i := range n {
			for _, c := range []byte{0x80, 0xC3, 0xFF} {
				b := []byte(s)
				b[i] = c
				if got, want := speakerASCII(string(b)), ref(string(b)); got != want {
					t.Errorf("speakerASCII(%q) = %v, want %v", b, got, want)
				}
			}
		}
	}
}
