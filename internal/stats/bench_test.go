package stats_test

import (
	"math/rand/v2"
	"testing"

	"github.com/framinglens/framinglens/internal/stats"
)

// benchArticles returns n articles of 200 to 2,000 words whose counts
// average about 3 per 1,000 words, from a fixed seed.
func benchArticles(n int) []stats.ArticleCount {
	r := rand.New(rand.NewPCG(1, 2))
	out := make([]stats.ArticleCount, n)
	for i := range out {
		w := 200 + r.IntN(1800)
		out[i] = stats.ArticleCount{Count: r.IntN(w*6/1000 + 1), Words: w}
	}
	return out
}

// BenchmarkRateCI measures one outlet's interval over 5,000 articles with
// the default 2,000 resamples (10 million draws).
func BenchmarkRateCI(b *testing.B) {
	arts := benchArticles(5000)
	b.ReportAllocs()
	for b.Loop() {
		stats.RateCI(arts, stats.DefaultResamples, 42)
	}
}

// BenchmarkRatesCI measures twelve series (frames) over the same 5,000
// articles sharing their resamples, with a third of the counts non-zero.
func BenchmarkRatesCI(b *testing.B) {
	arts := benchArticles(5000)
	words := make([]int, len(arts))
	for i, a := range arts {
		words[i] = a.Words
	}
	r := rand.New(rand.NewPCG(3, 4))
	counts := make([][]int, 12)
	for f := range counts {
		counts[f] = make([]int, len(arts))
		for i := range counts[f] {
			if r.IntN(3) == 0 {
				counts[f][i] = 1 + r.IntN(4)
			}
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := stats.RatesCI(words, counts, stats.DefaultResamples, 42); err != nil {
			b.Fatal(err)
		}
	}
}
