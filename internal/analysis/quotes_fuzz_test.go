package analysis_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/framinglens/framinglens/internal/analysis"
)

// FuzzQuotes checks FindAttributions' invariants on any text: it never
// panics; every span is in bounds, ordered and on rune boundaries; Text is
// body[Start:End]; a quote stays within its paragraph unless the next
// paragraph opens with a quotation mark (the multi-paragraph convention).
func FuzzQuotes(f *testing.F) {
	for _, s := range []string{
		"",
		`"`,
		`“`,
		`He said, "Yes, we will do it tomorrow," and left.`,
		"“A long quote that never closes\n\n“and goes on here,” she said.",
		"They have withdrawn their document,” Lavrov said.",
		"''We finally may be seeing wage growth,'' said Mr. Smith.",
		"According to Lavrov, the plan failed.\n\nHe said the talks were off.",
		"The so-called \"rebels\" shelled the town.",
		"\"\"\"\"\n\n\"\"\n”“”“",
		"Mr. X, a spokesman, said: \"no\"",
		"They left. pic.twitter.com/QEmWEffUzx — Russia in USA ???? (@RusEmbUSA) April 14, 2018",
		"Skip Twitter post by @e “Open,” he said. — E (@e) May 1, 2019",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		if !utf8.ValidString(body) {
			return
		}
		got := analysis.FindAttributions(body)
		check := func(what string, s, e int) {
			if s < 0 || e > len(body) || s > e {
				t.Fatalf("%s span [%d,%d) out of bounds for %d bytes", what, s, e, len(body))
			}
			if s < len(body) && !utf8.RuneStart(body[s]) || e < len(body) && !utf8.RuneStart(body[e]) {
				t.Fatalf("%s span [%d,%d) not on rune boundaries", what, s, e)
			}
		}
		prev := -1
		for _, q := range got.Quotes {
			check("quote", q.Start, q.End)
			if q.Text != body[q.Start:q.End] {
				t.Fatalf("quote Text %q differs from body[%d:%d]", q.Text, q.Start, q.End)
			}
			if q.Start < prev {
				t.Fatalf("quotes not sorted by Start: %d after %d", q.Start, prev)
			}
			prev = q.Start
			if q.Mention != "" {
				check("mention", q.MentionStart, q.MentionEnd)
				if q.Mention != body[q.MentionStart:q.MentionEnd] {
					t.Fatalf("Mention %q differs from body[%d:%d]", q.Mention, q.MentionStart, q.MentionEnd)
				}
			}
			if q.Words != analysis.CountWords(q.Text) {
				t.Fatalf("Words = %d, want CountWords = %d for %q", q.Words, analysis.CountWords(q.Text), q.Text)
			}
			if q.Side != "" {
				t.Fatalf("Side = %q, want empty", q.Side)
			}
			// A quote crossing a line break continues only into lines that
			// open with a quotation mark.
			for i := q.Start; i < q.End; {
				j := strings.IndexByte(body[i:q.End], '\n')
				if j < 0 {
					break
				}
				i += j
				for i < q.End && (body[i] == '\n' || body[i] == ' ' || body[i] == '\t' || body[i] == '\r') {
					i++
				}
				if i < q.End && q.Kind == analysis.QuoteDirect && !strings.HasPrefix(body[i:], "\"") && !strings.HasPrefix(body[i:], "“") && !strings.HasPrefix(body[i:], "''") && !strings.HasPrefix(body[i:], "„") && !strings.HasPrefix(body[i:], "«") && !strings.HasPrefix(body[i:], "``") {
					t.Fatalf("direct quote [%d,%d) runs into a paragraph not opening with a mark at %d", q.Start, q.End, i)
				}
				if q.Kind == analysis.QuoteReported && i < q.End {
					t.Fatalf("reported speech [%d,%d) crosses a paragraph", q.Start, q.End)
				}
			}
		}
		for _, s := range got.Scare {
			check("scare", s.Start, s.End)
		}
	})
}
