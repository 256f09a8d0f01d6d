package analysis_test

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/shareddata"
)

// allsidesBodies reads the article texts of the AllSides corpus.
func allsidesBodies(b *testing.B) ([]string, int64) {
	b.Helper()
	f, err := os.Open(shareddata.Path(b, "data", "allsides-abp", "articles.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var bodies []string
	var total int64
	for sc.Scan() {
		var rec struct {
			Content string `json:"content_original"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			b.Fatalf("decode article: %v", err)
		}
		bodies = append(bodies, rec.Content)
		total += int64(len(rec.Content))
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
	return bodies, total
}

// BenchmarkFindAttributions measures FindAttributions over the AllSides
// corpus; the reported MB/s is bytes of article text per second.
func BenchmarkFindAttributions(b *testing.B) {
	bodies, total := allsidesBodies(b)
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, body := range bodies {
			analysis.FindAttributions(body)
		}
	}
}
