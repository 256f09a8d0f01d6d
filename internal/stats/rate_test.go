package stats_test

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/framinglens/framinglens/internal/stats"
)

func TestRateCIHandCases(t *testing.T) {
	var file struct {
		Cases []struct {
			Name     string
			Articles [][2]int
			Rate     float64
			Lo, Hi   *float64
		}
	}
	loadCases(t, "rates.json", &file)
	for _, c := range file.Cases {
		t.Run(c.Name, func(t *testing.T) {
			arts := make([]stats.ArticleCount, len(c.Articles))
			for i, a := range c.Articles {
				arts[i] = stats.ArticleCount{Count: a[0], Words: a[1]}
			}
			rate, lo, hi := stats.RateCI(arts, 0, 7)
			// The point estimate is the pooled rate exactly, not an
			// approximation.
			if rate != c.Rate {
				t.Errorf("rate = %v, want %v", rate, c.Rate)
			}
			if c.Lo != nil && lo != *c.Lo {
				t.Errorf("lo = %v, want %v", lo, *c.Lo)
			}
			if c.Hi != nil && hi != *c.Hi {
				t.Errorf("hi = %v, want %v", hi, *c.Hi)
			}
			if lo > hi {
				t.Errorf("lo %v > hi %v", lo, hi)
			}
		})
	}
}

func TestRate(t *testing.T) {
	tests := []struct {
		name         string
		count, words int
		want         float64
	}{
		{"ThreePerThousand", 3, 1000, 3},
		{"OnePerHundred", 1, 100, 10},
		{"ZeroWords", 5, 0, 0},
		{"ZeroCount", 0, 250, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := stats.Rate(tt.count, tt.words); got != tt.want {
				t.Errorf("Rate(%d, %d) = %v, want %v", tt.count, tt.words, got, tt.want)
			}
		})
	}
}

// randomArticles returns n articles of 100 to 1,500 words whose counts are
// drawn around a rate that itself varies between articles by spread (0:
// every article has the same underlying rate).
func randomArticles(seed uint64, n int, spread float64) []stats.ArticleCount {
	r := rand.New(rand.NewPCG(seed, 99))
	out := make([]stats.ArticleCount, n)
	for i := range out {
		w := 100 + r.IntN(1400)
		rate := 4 * math.Exp(spread*r.NormFloat64()) // per 1,000 words
		out[i] = stats.ArticleCount{Count: int(math.Round(rate * float64(w) / 1000)), Words: w}
	}
	return out
}

func TestRateCIDeterministic(t *testing.T) {
	arts := randomArticles(1, 300, 0.8)
	r1, lo1, hi1 := stats.RateCI(arts, 500, 12345)
	r2, lo2, hi2 := stats.RateCI(arts, 500, 12345)
	if r1 != r2 || lo1 != lo2 || hi1 != hi2 {
		t.Errorf("same seed gave (%v, %v, %v) then (%v, %v, %v)", r1, lo1, hi1, r2, lo2, hi2)
	}
	_, lo3, hi3 := stats.RateCI(arts, 500, 54321)
	if lo3 == lo1 && hi3 == hi1 {
		t.Errorf("seeds 12345 and 54321 gave the same interval [%v, %v]; the seed is not used", lo1, hi1)
	}
}

func TestRateCIContainsEstimate(t *testing.T) {
	for seed := uint64(1); seed <= 20; seed++ {
		t.Run(fmt.Sprintf("Seed%d", seed), func(t *testing.T) {
			arts := randomArticles(seed, 20+int(seed)*15, 0.2+0.1*float64(seed%7))
			rate, lo, hi := stats.RateCI(arts, 1000, seed)
			if !(lo <= rate && rate <= hi) {
				t.Errorf("interval [%v, %v] does not contain the pooled rate %v", lo, hi, rate)
			}
			if !(lo < hi) {
				t.Errorf("interval [%v, %v] is empty for articles that disagree", lo, hi)
			}
		})
	}
}

func TestRateCICollapsesWhenRatesAgree(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	arts := make([]stats.ArticleCount, 400)
	for i := range arts {
		k := 1 + r.IntN(20)
		arts[i] = stats.ArticleCount{Count: 3 * k, Words: 250 * k} // 12 per 1,000
	}
	rate, lo, hi := stats.RateCI(arts, 2000, 1)
	if rate != 12 || lo != 12 || hi != 12 {
		t.Errorf("RateCI = (%v, %v, %v), want (12, 12, 12)", rate, lo, hi)
	}
}

func TestRateCIWidensAsArticlesDisagree(t *testing.T) {
	prev := -1.0
	for _, spread := range []float64{0, 0.25, 0.5, 1, 1.5} {
		arts := randomArticles(3, 500, spread)
		_, lo, hi := stats.RateCI(arts, 2000, 11)
		width := hi - lo
		if width <= prev {
			t.Errorf("spread %v: width %v, not wider than %v at the smaller spread", spread, width, prev)
		}
		prev = width
	}
}

func TestRateCIShrinksWithMoreArticles(t *testing.T) {
	// Same population, 16 times as many articles: the interval should be
	// about 4 times narrower (standard error ∝ 1/√n).
	_, lo1, hi1 := stats.RateCI(randomArticles(8, 100, 0.7), 2000, 2)
	_, lo2, hi2 := stats.RateCI(randomArticles(8, 1600, 0.7), 2000, 2)
	ratio := (hi1 - lo1) / (hi2 - lo2)
	if ratio < 2.5 || ratio > 6 {
		t.Errorf("width ratio 100 vs 1600 articles = %.2f, want about 4", ratio)
	}
}

func TestRateCIZeroWordArticles(t *testing.T) {
	// Half the articles have no words; resamples made only of them are
	// dropped, and the interval stays finite and around the rate.
	arts := []stats.ArticleCount{{0, 0}, {2, 100}, {0, 0}, {1, 200}}
	rate, lo, hi := stats.RateCI(arts, 2000, 3)
	if rate != 10 {
		t.Errorf("rate = %v, want 10 (3 hits in 300 words)", rate)
	}
	for _, v := range []float64{lo, hi} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Fatalf("bounds (%v, %v) are not finite", lo, hi)
		}
	}
	if lo != 5 || hi != 20 {
		t.Errorf("bounds = (%v, %v), want (5, 20): resamples holding only one of the two worded articles give 5 or 20, each about 1 time in 4", lo, hi)
	}
}

func TestRatesCIMatchesRateCI(t *testing.T) {
	arts := randomArticles(4, 700, 0.6)
	words := make([]int, len(arts))
	series := [][]int{make([]int, len(arts)), make([]int, len(arts)), make([]int, len(arts))}
	for i, a := range arts {
		words[i] = a.Words
		series[0][i] = a.Count
		if i%5 == 0 {
			series[1][i] = 1 // sparse series
		}
		// series[2] stays zero everywhere.
	}
	got, err := stats.RatesCI(words, series, 1500, 77)
	if err != nil {
		t.Fatal(err)
	}
	for f, cs := range series {
		one := make([]stats.ArticleCount, len(cs))
		for i := range cs {
			one[i] = stats.ArticleCount{Count: cs[i], Words: words[i]}
		}
		rate, lo, hi := stats.RateCI(one, 1500, 77)
		want := stats.RateInterval{Rate: rate, Lo: lo, Hi: hi}
		if got[f] != want {
			t.Errorf("series %d: RatesCI = %+v, RateCI = %+v", f, got[f], want)
		}
	}
	if got[2] != (stats.RateInterval{}) {
		t.Errorf("all-zero series = %+v, want zeros", got[2])
	}
}

func TestRatesCIErrorsAndEmpty(t *testing.T) {
	t.Run("LengthMismatch", func(t *testing.T) {
		_, err := stats.RatesCI([]int{10, 20}, [][]int{{1, 2}, {1}}, 10, 1)
		if err == nil {
			t.Fatal("want an error for a series with 1 count for 2 articles")
		}
	})
	t.Run("NegativeCount", func(t *testing.T) {
		_, err := stats.RatesCI([]int{10, 20}, [][]int{{1, -2}}, 10, 1)
		if err == nil {
			t.Fatal("want an error for a negative count")
		}
	})
	t.Run("NoWords", func(t *testing.T) {
		got, err := stats.RatesCI([]int{0, 0}, [][]int{{0, 0}}, 10, 1)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0] != (stats.RateInterval{}) {
			t.Errorf("got %+v, want one zero interval", got)
		}
	})
	t.Run("NoSeries", func(t *testing.T) {
		got, err := stats.RatesCI([]int{10}, nil, 10, 1)
		if err != nil || len(got) != 0 {
			t.Errorf("got %+v, %v; want empty, nil", got, err)
		}
	})
}

// TestRateCIGolden pins the exact output for fixed seeds, so that a change
// of the resampling stream (which would change every figure on the page)
// shows up as a diff.
func TestRateCIGolden(t *testing.T) {
	type row struct {
		Seed         uint64
		Rate, Lo, Hi float64
	}
	var got []row
	arts := randomArticles(10, 250, 0.9)
	for _, seed := range []uint64{1, 2, 3} {
		rate, lo, hi := stats.RateCI(arts, 2000, seed)
		got = append(got, row{seed, rate, lo, hi})
	}
	path := filepath.Join("testdata", "bootstrap.golden.json")
	if *update {
		b, err := json.MarshalIndent(got, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var want []row
	loadCases(t, "bootstrap.golden.json", &want)
	if len(got) != len(want) {
		t.Fatalf("got %d rows, golden has %d", len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("seed %d: got %+v, golden %+v", got[i].Seed, got[i], want[i])
		}
	}
}
