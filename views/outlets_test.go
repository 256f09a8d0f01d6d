package views_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/framinglens/framinglens/views"
)

// TestOutletsLabelMix checks that an actor's label mix shows its first five
// labels (the handler orders them most frequent first) with their shares at
// once, and the rest behind a disclosure that says how many there are, so
// one outlet's row stays a few lines high.
func TestOutletsLabelMix(t *testing.T) {
	labels := func(n int) []views.LabelPart {
		ls := make([]views.LabelPart, n)
		for i := range ls {
			ls[i] = views.LabelPart{Label: fmt.Sprintf("term%d", i), Hits: n - i, Share: float64(n-i) / 100}
		}
		return ls
	}
	for _, tc := range []struct {
		n       int
		shown   string // the labels outside the disclosure, in order
		rest    string // those inside it
		summary string
		text    string // what stands outside the disclosure, shares too
	}{
		{n: 1, shown: "term0", text: "opposition: term0 1%"},
		{n: 5, shown: "term0 term1 term2 term3 term4", text: "opposition: term0 5%, term1 4%, term2 3%, term3 2%, term4 1%"},
		{n: 6, shown: "term0 term1 term2 term3 term4", rest: "term5", summary: "and 1 more opposition labels",
			text: "opposition: term0 6%, term1 5%, term2 4%, term3 3%, term4 2%"},
		{n: 12, shown: "term0 term1 term2 term3 term4", rest: "term5 term6 term7 term8 term9 term10 term11", summary: "and 7 more opposition labels",
			text: "opposition: term0 12%, term1 11%, term2 10%, term3 9%, term4 8%"},
	} {
		t.Run(fmt.Sprint(tc.n), func(t *testing.T) {
			v := views.OutletsView{
				Page: page("outlets"),
				Rows: []views.OutletTableRow{{Name: "BBC", Articles: 1, Words: 100,
					LabelMix: []views.ActorMix{{Actor: "opposition", Labels: labels(tc.n)}}}},
			}
			doc, _ := render(t, views.OutletsPage(v))
			cell := doc.Find("td.label-mix > div").First()
			if cell.Length() == 0 {
				t.Fatal("no label mix in the outlets table")
			}
			details := cell.Find("details.mix-more")
			outside := cell.Clone()
			outside.Find("details").Remove()
			if got := termsIn(outside.Text()); got != tc.shown {
				t.Errorf("shown at once: got %q, want %q", got, tc.shown)
			}
			if got := strings.Join(strings.Fields(outside.Text()), " "); got != tc.text {
				t.Errorf("text shown at once: got %q, want %q", got, tc.text)
			}
			if tc.rest == "" {
				wantCount(t, doc, "details.mix-more", 0)
				return
			}
			if details.Length() != 1 {
				t.Fatalf("got %d disclosures, want 1", details.Length())
			}
			if got := strings.Join(strings.Fields(details.Find("summary").Text()), " "); got != tc.summary {
				t.Errorf("summary: got %q, want %q", got, tc.summary)
			}
			body := details.Clone()
			body.Find("summary").Remove()
			if got := termsIn(body.Text()); got != tc.rest {
				t.Errorf("in the disclosure: got %q, want %q", got, tc.rest)
			}
		})
	}
}

// termsIn returns the words of s that name a test label, in order.
func termsIn(s string) string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '\n' || r == '\t' }) {
		if strings.HasPrefix(w, "term") {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}
