package analysis_test

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/shareddata"
)

// benchArticles reads the content_original texts of the AllSides news
// articles in the shared data folder.
func benchArticles(b testing.TB) ([]string, int64) {
	b.Helper()
	fh, err := os.Open(shareddata.Path(b, "data", "allsides-abp", "articles.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	defer fh.Close()
	var (
		texts []string
		total int64
	)
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var rec struct {
			Content string `json:"content_original"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			b.Fatal(err)
		}
		texts = append(texts, rec.Content)
		total += int64(len(rec.Content))
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
	return texts, total
}

// benchMatch runs one shipped lexicon over every article per iteration and
// reports throughput in MB/s of article text.
func benchMatch(b *testing.B, lexicon string) {
	texts, total := benchArticles(b)
	lex, err := analysis.DefaultLexicon(lexicon)
	if err != nil {
		b.Fatal(err)
	}
	m, err := analysis.CompileLexicon(lex)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(total)
	b.ReportAllocs()
	hits := 0
	for b.Loop() {
		hits = 0
		for _, t := range texts {
			hits += len(m.Find(t))
		}
	}
	b.ReportMetric(float64(hits), "hits/op")
}

// BenchmarkMatch measures the conflict-actors lexicon over 2,000 real news
// articles (about 13 MB).
func BenchmarkMatch(b *testing.B) { benchMatch(b, "conflict-actors") }

// BenchmarkMatchHumanitarian measures the humanitarian lexicon, whose short
// words (aid) make more candidates.
func BenchmarkMatchHumanitarian(b *testing.B) { benchMatch(b, "humanitarian") }

// BenchmarkCompileLexicon measures building a matcher from the
// conflict-actors lexicon.
func BenchmarkCompileLexicon(b *testing.B) {
	lex, err := analysis.DefaultLexicon("conflict-actors")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := analysis.CompileLexicon(lex); err != nil {
			b.Fatal(err)
		}
	}
}
