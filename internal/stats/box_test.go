package stats_test

import (
	"math"
	"slices"
	"testing"

	"github.com/framinglens/framinglens/internal/stats"
)

func TestBoxHandCases(t *testing.T) {
	var file struct {
		Cases []struct {
			Name   string
			Values []float64
			Want   struct {
				N                        int
				Min, Q1, Median, Q3, Max float64
				Lower                    float64 `json:"lower_whisker"`
				Upper                    float64 `json:"upper_whisker"`
				Outliers                 []float64
			}
		}
	}
	loadCases(t, "box.json", &file)
	for _, c := range file.Cases {
		t.Run(c.Name, func(t *testing.T) {
			in := slices.Clone(c.Values)
			got := stats.Box(c.Values)
			w := c.Want
			want := stats.BoxStats{N: w.N, Min: w.Min, Max: w.Max, Q1: w.Q1, Median: w.Median, Q3: w.Q3,
				LowerWhisker: w.Lower, UpperWhisker: w.Upper, Outliers: w.Outliers}
			if got.N != want.N || !near(got.Min, want.Min, hand4) || !near(got.Max, want.Max, hand4) ||
				!near(got.Q1, want.Q1, hand4) || !near(got.Median, want.Median, hand4) || !near(got.Q3, want.Q3, hand4) ||
				!near(got.LowerWhisker, want.LowerWhisker, hand4) || !near(got.UpperWhisker, want.UpperWhisker, hand4) ||
				!slices.Equal(got.Outliers, want.Outliers) {
				t.Errorf("Box(%v)\n got %+v\nwant %+v", c.Values, got, want)
			}
			if !slices.Equal(in, c.Values) {
				t.Errorf("Box reordered its input: %v, was %v", c.Values, in)
			}
			if got.N > 0 {
				e := got.ECharts()
				if e != [5]float64{got.LowerWhisker, got.Q1, got.Median, got.Q3, got.UpperWhisker} {
					t.Errorf("ECharts() = %v, want whiskers and quartiles of %+v", e, got)
				}
			}
		})
	}
}

func TestBoxIgnoresNonFinite(t *testing.T) {
	got := stats.Box([]float64{math.NaN(), 1, 2, math.Inf(1), 3, math.Inf(-1)})
	if got.N != 3 || got.Median != 2 || got.Min != 1 || got.Max != 3 || got.Outliers != nil {
		t.Errorf("Box with NaN and ±Inf = %+v, want the summary of 1, 2, 3", got)
	}
	if got := stats.Box([]float64{math.NaN()}); got.N != 0 {
		t.Errorf("Box(NaN) = %+v, want the empty summary", got)
	}
}

func TestQuantile(t *testing.T) {
	vals := []float64{12, 1, 30, 6, 3, 9, 4, 7} // sorted: 1 3 4 6 7 9 12 30
	tests := []struct {
		name string
		p    float64
		want float64
	}{
		{"Min", 0, 1},
		{"Max", 1, 30},
		{"Q1Interpolated", 0.25, 3.75},
		{"Median", 0.5, 6.5},
		{"P90", 0.9, 17.4}, // h = 6.3: 12 + 0.3·18
		{"BelowRange", -0.1, math.NaN()},
		{"AboveRange", 1.1, math.NaN()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := stats.Quantile(vals, tt.p)
			if math.IsNaN(tt.want) != math.IsNaN(got) || (!math.IsNaN(got) && !near(got, tt.want, 1e-12)) {
				t.Errorf("Quantile(p=%v) = %v, want %v", tt.p, got, tt.want)
			}
		})
	}
	if got := stats.Quantile(nil, 0.5); !math.IsNaN(got) {
		t.Errorf("Quantile(nil) = %v, want NaN", got)
	}
	if !slices.Equal(vals, []float64{12, 1, 30, 6, 3, 9, 4, 7}) {
		t.Errorf("Quantile reordered its input: %v", vals)
	}
}
