package ingest_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/net/html"

	"github.com/framinglens/framinglens/internal/ingest"
	"github.com/framinglens/framinglens/internal/shareddata"
)

// readOne reads a single document file and fails unless it yields exactly
// one item.
func readOne(t testing.TB, path string) ingest.Item {
	t.Helper()
	var items []ingest.Item
	err := ingest.ReadFile(context.Background(), path, ingest.Limits{}, func(it ingest.Item) error {
		items = append(items, it)
		return nil
	})
	if err != nil {
		t.Fatalf("ReadFile(%s): %v", path, err)
	}
	if len(items) != 1 {
		t.Fatalf("ReadFile(%s): got %d items, want 1", path, len(items))
	}
	return items[0]
}

// wordTokens splits text into lower-case words (letters and digits).
func wordTokens(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
}

// bagPRF compares two token bags: precision, recall and F1 of got against want.
func bagPRF(got, want []string) (p, r, f float64) {
	counts := map[string]int{}
	for _, w := range want {
		counts[w]++
	}
	overlap := 0
	for _, g := range got {
		if counts[g] > 0 {
			counts[g]--
			overlap++
		}
	}
	if len(got) > 0 {
		p = float64(overlap) / float64(len(got))
	}
	if len(want) > 0 {
		r = float64(overlap) / float64(len(want))
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// goldText strips an HTML fragment to its text nodes, independently of the
// extractor under test.
func goldText(t *testing.T, path string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		t.Fatalf("parse %s: %v", path, err)
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style") {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return b.String()
}

// copyAs copies a shared page into a temp dir under a .html name, so the
// test reads a real file the way an upload would arrive.
func copyAs(t *testing.T, src, name string) string {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(dst, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return dst
}

func TestExtractReadabilityPages(t *testing.T) {
	root := shareddata.Path(t, "data", "readability-pages", "test-pages")
	dirs, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	var sumP, sumR, sumF float64
	var n, titles, sites, dates, withDate, withSite int
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		dir := filepath.Join(root, d.Name())
		it := readOne(t, copyAs(t, filepath.Join(dir, "source.html"), d.Name()+".html"))
		if it.Err != nil {
			t.Errorf("%s: rejected: %v", d.Name(), it.Err)
			continue
		}
		a := it.Article
		p, r, f := bagPRF(wordTokens(a.Text), wordTokens(goldText(t, filepath.Join(dir, "expected.html"))))
		t.Logf("%-16s P=%.3f R=%.3f F1=%.3f paragraphs=%d", d.Name(), p, r, f, strings.Count(a.Text, "\n\n")+1)
		sumP, sumR, sumF = sumP+p, sumR+r, sumF+f
		n++

		var meta struct {
			Title, SiteName, PublishedTime string
		}
		if b, err := os.ReadFile(filepath.Join(dir, "expected-metadata.json")); err == nil {
			if err := json.Unmarshal(b, &meta); err != nil {
				t.Fatalf("%s: metadata: %v", d.Name(), err)
			}
		}
		if a.Title == meta.Title {
			titles++
		} else {
			t.Logf("%-16s title got %q want %q", d.Name(), a.Title, meta.Title)
		}
		if meta.SiteName != "" {
			withSite++
			if a.Outlet == meta.SiteName {
				sites++
			} else {
				t.Logf("%-16s outlet got %q want %q", d.Name(), a.Outlet, meta.SiteName)
			}
		}
		if meta.PublishedTime != "" {
			withDate++
			if len(a.Published) >= 10 && strings.HasPrefix(meta.PublishedTime, a.Published[:10]) {
				dates++
			} else {
				t.Logf("%-16s date got %q want %q", d.Name(), a.Published, meta.PublishedTime)
			}
		}
	}
	if n == 0 {
		t.Fatal("no pages read")
	}
	avgP, avgR, avgF := sumP/float64(n), sumR/float64(n), sumF/float64(n)
	t.Logf("readability pages: %d pages, mean P=%.3f R=%.3f F1=%.3f; titles exact %d/%d, outlet %d/%d, date (day) %d/%d",
		n, avgP, avgR, avgF, titles, n, sites, withSite, dates, withDate)
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"precision", avgP, 0.98},
		{"recall", avgR, 0.98},
		{"F1", avgF, 0.98},
		{"title share", float64(titles) / float64(n), 0.90},
		{"date share", float64(dates) / float64(max(withDate, 1)), 0.80},
	} {
		if c.got < c.want {
			t.Errorf("%s = %.3f, want at least %.3f", c.name, c.got, c.want)
		}
	}
}

func TestExtractTrafilaturaEN(t *testing.T) {
	root := shareddata.Path(t, "data", "trafilatura-en")
	b, err := os.ReadFile(filepath.Join(root, "evaldata_en_news.json"))
	if err != nil {
		t.Fatal(err)
	}
	var eval map[string]struct {
		File    string
		With    []string
		Without []string
		Title   string
		Date    string
		Author  string
	}
	if err := json.Unmarshal(b, &eval); err != nil {
		t.Fatal(err)
	}
	squash := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	var tp, fn, fp, tn, titles, withTitle, dates, withDate int
	for url, e := range eval {
		it := readOne(t, copyAs(t, filepath.Join(root, "html", e.File), e.File))
		if it.Err != nil {
			t.Errorf("%s: rejected: %v", e.File, it.Err)
			continue
		}
		text := squash(it.Article.Text)
		for _, s := range e.With {
			if strings.Contains(text, squash(s)) {
				tp++
			} else {
				fn++
				t.Logf("%s: missing %q", e.File, s)
			}
		}
		for _, s := range e.Without {
			if strings.Contains(text, squash(s)) {
				fp++
				t.Logf("%s: boilerplate kept %q", e.File, s)
			} else {
				tn++
			}
		}
		if e.Title != "" {
			withTitle++
			if it.Article.Title == e.Title {
				titles++
			} else {
				t.Logf("%s: title got %q want %q", e.File, it.Article.Title, e.Title)
			}
		}
		if e.Date != "" {
			withDate++
			if strings.HasPrefix(it.Article.Published, e.Date) {
				dates++
			} else {
				t.Logf("%s: date got %q want %q", e.File, it.Article.Published, e.Date)
			}
		}
		if it.Article.Outlet == "" {
			t.Errorf("%s (%s): no outlet", e.File, url)
		}
	}
	precision := float64(tp) / float64(max(tp+fp, 1))
	recall := float64(tp) / float64(max(tp+fn, 1))
	accuracy := float64(tp+tn) / float64(max(tp+tn+fp+fn, 1))
	t.Logf("trafilatura-en: %d pages, TP=%d FN=%d FP=%d TN=%d, precision=%.3f recall=%.3f accuracy=%.3f; titles exact %d/%d, date %d/%d",
		len(eval), tp, fn, fp, tn, precision, recall, accuracy, titles, withTitle, dates, withDate)
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"precision", precision, 0.90},
		{"recall", recall, 0.85},
		{"accuracy", accuracy, 0.88},
	} {
		if c.got < c.want {
			t.Errorf("%s = %.3f, want at least %.3f", c.name, c.got, c.want)
		}
	}
}
