package stats_test

import (
	"math"
	"testing"

	"github.com/framinglens/framinglens/internal/stats"
)

func TestShares(t *testing.T) {
	tests := []struct {
		name   string
		counts []float64
		want   []float64
	}{
		{"Quarters", []float64{1, 2, 1}, []float64{0.25, 0.5, 0.25}},
		{"OneNonZero", []float64{0, 7, 0}, []float64{0, 1, 0}},
		{"AllZero", []float64{0, 0}, []float64{0, 0}},
		{"Empty", nil, []float64{}},
		{"NegativeAndNaNAsZero", []float64{-3, 1, math.NaN(), 3}, []float64{0, 0.25, 0, 0.75}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := stats.Shares(tt.counts)
			if len(got) != len(tt.want) {
				t.Fatalf("Shares(%v) = %v, want %v", tt.counts, got, tt.want)
			}
			for i := range got {
				if !near(got[i], tt.want[i], 1e-15) {
					t.Errorf("Shares(%v) = %v, want %v", tt.counts, got, tt.want)
					break
				}
			}
		})
	}
	t.Run("IntsSumToOne", func(t *testing.T) {
		got := stats.Shares([]int{3, 5, 11, 1, 7})
		sum := 0.0
		for _, s := range got {
			sum += s
		}
		if !near(sum, 1, 1e-12) || !near(got[2], 11.0/27, 1e-15) {
			t.Errorf("Shares = %v (sum %v), want 11/27 for the third and sum 1", got, sum)
		}
	})
}
