package stats_test

import (
	"math/rand/v2"
	"testing"

	"github.com/framinglens/framinglens/internal/stats"
)

// TestRatesCIRepeatedPatterns checks RatesCI against RateCI on articles
// whose counts repeat (few distinct count patterns, as frame counts do) and
// on articles whose counts are all different.
func TestRatesCIRepeatedPatterns(t *testing.T) {
	for _, tc := range []struct {
		name     string
		articles int
		maxCount int
	}{
		{"FewPatterns", 3000, 2},
		{"ManyPatterns", 800, 1000},
		{"OneArticle", 1, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(11, uint64(tc.articles)))
			words := make([]int, tc.articles)
			series := make([][]int, 4)
			for f := range series {
				series[f] = make([]int, tc.articles)
			}
			for i := range words {
				words[i] = r.IntN(1500)
				for f := range series {
					if r.IntN(f+2) == 0 {
						series[f][i] = 1 + r.IntN(tc.maxCount)
					}
				}
			}
			got, err := stats.RatesCI(words, series, 300, 5)
			if err != nil {
				t.Fatal(err)
			}
			for f, cs := range series {
				one := make([]stats.ArticleCount, len(cs))
				for i := range cs {
					one[i] = stats.ArticleCount{Count: cs[i], Words: words[i]}
				}
				rate, lo, hi := stats.RateCI(one, 300, 5)
				if want := (stats.RateInterval{Rate: rate, Lo: lo, Hi: hi}); got[f] != want {
					t.Errorf("series %d: RatesCI = %+v, RateCI = %+v", f, got[f], want)
				}
			}
		})
	}
}
