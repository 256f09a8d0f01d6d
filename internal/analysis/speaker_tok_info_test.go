package analysis

import (
	"strings"
	"testing"
)

// TestSpeakerTokInfoLooks checks that speakerTokInfo answers as
// speakerWordInfo does, for a token looked up for the first time and
// again.
func TestSpeakerTokInfoLooks(t *testing.T) {
	var body strings.Builder
	for _, e := range speakerWordEntries[:min(len(speakerWordEntries), 400)] {
		body.WriteString(e.w + " " + strings.ToUpper(e.w[:1]) + e.w[1:] + " " + strings.ToUpper(e.w) + " ")
	}
	body.WriteString("İstanbul \u212aelvin Trump’s Josée zzzz said said")
	b := body.String()
	toks := quoteTokenize(b, 0, len(b), nil)
	for pass := 0; pass < 2; pass++ {
		for i, tk := range toks {
			if !tk.word {
				continue
			}
			w, f := speakerTokInfo(b, toks, i)
			ww, wf := speakerWordInfo(b[tk.s:tk.e])
			if w != ww || f != wf {
				t.Fatalf("pass %d: speakerTokInfo(%q) = %q, %#x, want %q, %#x", pass, b[tk.s:tk.e], w, f, ww, wf)
			}
			if g := speakerTokFlags(b, toks, i); g != wf {
				t.Fatalf("pass %d: speakerTokFlags(%q) = %#x, want %#x", pass, b[tk.s:tk.e], g, wf)
			}
		}
	}
}
