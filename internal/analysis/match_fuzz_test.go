package analysis_test

import (
	"strings"
	"testing"

	"github.com/framinglens/framinglens/internal/analysis"
)

// FuzzMatch runs random small lexicons over random text. Find must never
// panic, and its hits must be in bounds, non-empty, on rune boundaries,
// sorted, and either disjoint or on the very same span.
func FuzzMatch(f *testing.F) {
	f.Add("Rebels and rebel’s militants, pro-government\nforces", "rebel\nmilitant*\npro-government forces\n!rebel yell")
	f.Add("БОЕВИКИ вошли; قال إن داعش هاجم", "боевик*\nداعش")
	f.Add("allies ally's o'brien O’Brien's", "ally\no'brien\n!ally's")
	f.Add("armed\n\ngroups armed groups", "armed groups\narmed\ngroups")
	f.Add("\xff\xfeab\xc3 a'b’c", "a\nab*\nb")
	f.Fuzz(func(t *testing.T, text, spec string) {
		lex := &analysis.Lexicon{Name: "fuzz"}
		for i, p := range strings.Split(spec, "\n") {
			if i == 8 {
				break
			}
			e := analysis.Entry{Pattern: p}
			if !e.Exclusion() {
				e.Frame = []string{"a", "b"}[i%2]
			}
			lex.Entries = append(lex.Entries, e)
		}
		m, err := analysis.CompileLexicon(lex)
		if err != nil {
			if analysis.ErrorCode(err) != analysis.EINVALID {
				t.Fatalf("CompileLexicon error %v has code %q, want %q", err, analysis.ErrorCode(err), analysis.EINVALID)
			}
			return
		}
		hits := m.Find(text)
		checkHitInvariants(t, text, hits)
		for _, h := range hits {
			if h.Entry < 0 || h.Entry >= len(lex.Entries) || lex.Entries[h.Entry].Pattern != h.Pattern {
				t.Fatalf("hit %+v names entry %d, which is not its pattern", h, h.Entry)
			}
			if lex.Entries[h.Entry].Exclusion() {
				t.Fatalf("hit %+v comes from an exclusion", h)
			}
		}
	})
}
