package analysis_test

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/shareddata"
)

// cleanAllsidesArticle is the part of an AllSides corpus record that cleaning reads.
type cleanAllsidesArticle struct {
	ID      string `json:"ID"`
	Source  string `json:"source"`
	Title   string `json:"title"`
	Content string `json:"content_original"`
}

// cleanReadAllsides reads the 2,000-article AllSides sample from the shared data.
func cleanReadAllsides(tb testing.TB) []cleanAllsidesArticle {
	tb.Helper()
	f, err := os.Open(shareddata.Path(tb, "data", "allsides-abp", "articles.jsonl"))
	if err != nil {
		tb.Fatalf("open allsides sample: %v", err)
	}
	defer f.Close()
	var out []cleanAllsidesArticle
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	for sc.Scan() {
		var a cleanAllsidesArticle
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			tb.Fatalf("parse allsides record %d: %v", len(out)+1, err)
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("read allsides sample: %v", err)
	}
	return out
}

// TestCleanAllsides cleans every article of the AllSides sample, checks the
// invariants of a Document, and logs which lines were dropped so that a
// reader can check no real text goes (run with -v).
func TestCleanAllsides(t *testing.T) {
	articles := cleanReadAllsides(t)
	if len(articles) != 2000 {
		t.Fatalf("got %d articles, want 2000", len(articles))
	}
	var lines, dropped int
	var samples []string
	for _, a := range articles {
		doc := analysis.Clean(a.Content, analysis.Meta{Title: a.Title})
		if strings.TrimSpace(a.Content) != "" && doc.Body == "" {
			t.Errorf("%s (%s): empty cleanBody for %d bytes of input", a.ID, a.Source, len(a.Content))
		}
		if !utf8.ValidString(doc.Body) {
			t.Errorf("%s: cleanBody is not valid UTF-8", a.ID)
		}
		kept := make(map[string]bool)
		for _, l := range strings.Split(doc.Body, "\n") {
			for _, bad := range []string{"READ MORE", "Read more:", "Related:", "Advertisement", "Read or Share this story", "ANALYSIS/OPINION:"} {
				if strings.HasPrefix(l, bad) {
					t.Errorf("%s (%s): cleanBody line starts with %q: %q", a.ID, a.Source, bad, l)
				}
			}
			kept[l] = true
		}
		for _, l := range strings.Split(a.Content, "\n") {
			l = strings.NewReplacer("\u00a0", " ", "\ufeff", "").Replace(l)
			l = strings.TrimSpace(l)
			if l == "" {
				continue
			}
			lines++
			if !kept[l] && l != strings.TrimSpace(a.Title) {
				dropped++
				samples = append(samples, a.Source+": "+l)
			}
		}
	}
	t.Logf("%d articles, %d non-empty lines, %d dropped (%.2f%%)", len(articles), lines, dropped, 100*float64(dropped)/float64(lines))
	step := max(len(samples)/20, 1)
	for i := 0; i < len(samples); i += step {
		t.Logf("dropped: %.160q", samples[i])
	}
}

// BenchmarkCleanAllsides cleans the whole AllSides sample: real text, with
// the short lines and chrome of 91 outlets.
func BenchmarkCleanAllsides(b *testing.B) {
	articles := cleanReadAllsides(b)
	var n int64
	for _, a := range articles {
		n += int64(len(a.Content))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range articles {
			analysis.Clean(a.Content, analysis.Meta{Title: a.Title})
		}
	}
}
