package analysis_test

import (
	"os"
	"strings"
	"testing"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/shareddata"
)

// seedBody builds the cleaned body of the seed article by line filtering:
// the icon line, the date line, the title line and the "READ MORE:" lines
// go; the other non-empty lines are the paragraphs.
func seedBody(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(shareddata.Path(t, "seed", "000_cc1d012572213696.txt"))
	if err != nil {
		t.Fatalf("read seed: %v", err)
	}
	var paras []string
	n := 0
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		n++
		if n <= 3 || strings.HasPrefix(line, "READ MORE:") {
			continue
		}
		paras = append(paras, line)
	}
	return strings.Join(paras, "\n\n")
}

// TestFindAttributionsSeed checks the seed article end to end: its four
// direct quotes (three with the opening mark lost in scraping), all by
// Sergey Lavrov, and its reported attributions with their speakers.
func TestFindAttributionsSeed(t *testing.T) {
	body := seedBody(t)
	got := analysis.FindAttributions(body)
	var direct []analysis.Quote
	reported := map[string]string{} // first words of the content -> speaker
	for _, q := range got.Quotes {
		if q.Text != body[q.Start:q.End] {
			t.Errorf("quote %q: Text differs from body[%d:%d] = %q", q.Text, q.Start, q.End, body[q.Start:q.End])
		}
		if q.Side != "" {
			t.Errorf("quote %q: Side = %q, want empty", q.Text, q.Side)
		}
		if q.Words != analysis.CountWords(q.Text) {
			t.Errorf("quote %q: Words = %d, want %d", q.Text, q.Words, analysis.CountWords(q.Text))
		}
		if q.Kind == analysis.QuoteDirect {
			direct = append(direct, q)
			continue
		}
		f := strings.Fields(q.Text)
		reported[strings.Join(f[:min(3, len(f))], " ")] = q.Speaker
	}
	wantDirect := []struct{ start, end string }{
		{"They have withdrawn their document", "resupply"},
		{"The same thing happened with our agreement of September 9", "September 9"},
		{"The thing that the Americans offered", "John Kerry."},
		{"It’s sad that", "extremists"},
	}
	if len(direct) != len(wantDirect) {
		for _, q := range direct {
			t.Logf("direct: %q", q.Text)
		}
		t.Fatalf("got %d direct quotes, want %d", len(direct), len(wantDirect))
	}
	for i, w := range wantDirect {
		q := direct[i]
		if !strings.HasPrefix(q.Text, w.start) || !strings.HasSuffix(q.Text, w.end) {
			t.Errorf("direct quote %d = %q, want %q ... %q", i, q.Text, w.start, w.end)
		}
		if q.Speaker != "Sergey Lavrov" {
			t.Errorf("direct quote %d speaker = %q, want Sergey Lavrov", i, q.Speaker)
		}
	}
	wantReported := map[string]string{
		"Just as the":                 "Sergey Lavrov",
		"the Americans are":           "Sergey Lavrov",
		"the Wednesday consultations": "Sergey Lavrov",
		"there would apparently":      "Sergey Lavrov",
		"the plan involved":           "Sergey Lavrov",
		"he is making":                "US media",
		"they would not":              "armed groups in eastern Aleppo",
		"several militant commanders": "pro-government Syrian media",
		"the document was":            "Moscow",
		"its criticism of":            "Russia",
	}
	for start, want := range wantReported {
		if got, ok := reported[start]; !ok {
			t.Errorf("no reported speech starting %q; got %v", start, reported)
		} else if got != want {
			t.Errorf("reported speech %q: speaker = %q, want %q", start, got, want)
		}
	}
	moscow := false
	for _, q := range got.Quotes {
		if q.Kind == analysis.QuoteReported && q.Speaker == "Moscow" && strings.Contains(q.Text, "hardcore jihadists") {
			moscow = true
		}
		switch q.Speaker {
		case "John Kerry", "Kerry", "Barack Obama", "Obama", "United States", "US", "Washington":
			t.Errorf("quote %q attributed to %q", q.Text, q.Speaker)
		}
	}
	if !moscow {
		t.Errorf("no reported speech by Moscow holding %q", "hardcore jihadists")
	}
	reg, err := analysis.DefaultRegistry("syria-2016")
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range got.Quotes {
		if _, side, _, ok := reg.Resolve(q.Speaker); !ok {
			t.Errorf("speaker %q of %q not in the registry", q.Speaker, q.Text)
		} else if strings.Contains(q.Speaker, "Lavrov") || q.Speaker == "Moscow" || q.Speaker == "Russia" {
			if side != "russia" {
				t.Errorf("speaker %q: side %q, want russia", q.Speaker, side)
			}
		}
	}
}
