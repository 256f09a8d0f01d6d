package stats_test

import (
	"math"
	"testing"

	"github.com/framinglens/framinglens/internal/stats"
)

func TestTwoSidedP(t *testing.T) {
	// Points of the standard normal table.
	tests := []struct {
		name string
		z    float64
		want float64
	}{
		{"Zero", 0, 1},
		{"FivePercent", 1.959964, 0.05},
		{"FivePercentNegative", -1.959964, 0.05},
		{"OnePercent", 2.575829, 0.01},
		{"PerMille", 3.290527, 0.001},
		{"OneSigma", 1, 0.317311},
		{"FarTailKeepsPrecision", 10, 1.523971e-23},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := stats.TwoSidedP(tt.z)
			if math.Abs(got-tt.want) > 2e-6*tt.want { // tables give 6 or 7 significant digits
				t.Errorf("TwoSidedP(%v) = %g, want %g", tt.z, got, tt.want)
			}
		})
	}
}

func TestBenjaminiHochbergHandCases(t *testing.T) {
	var file struct {
		Cases []struct {
			Name                string
			P, Want             []float64
			FDRSurvivors        int `json:"fdr_survivors"`
			BonferroniSurvivors int `json:"bonferroni_survivors"`
		}
	}
	loadCases(t, "benjamini_hochberg.json", &file)
	for _, c := range file.Cases {
		t.Run(c.Name, func(t *testing.T) {
			in := append([]float64(nil), c.P...)
			got := stats.BenjaminiHochberg(c.P)
			if len(got) != len(c.Want) {
				t.Fatalf("got %v, want %v", got, c.Want)
			}
			survivors := 0
			for i := range got {
				if !near(got[i], c.Want[i], 1e-12) {
					t.Errorf("q[%d] = %v, want %v (all: %v)", i, got[i], c.Want[i], got)
				}
				if got[i] <= 0.05 {
					survivors++
				}
			}
			if survivors != c.FDRSurvivors {
				t.Errorf("%d survive FDR 0.05, want %d", survivors, c.FDRSurvivors)
			}
			if n := stats.BonferroniCount(c.P, 0.05); n != c.BonferroniSurvivors {
				t.Errorf("BonferroniCount = %d, want %d", n, c.BonferroniSurvivors)
			}
			for i := range in {
				if in[i] != c.P[i] {
					t.Fatalf("input changed: %v, was %v", c.P, in)
				}
			}
		})
	}
}

func TestBenjaminiHochbergNaN(t *testing.T) {
	got := stats.BenjaminiHochberg([]float64{0.01, math.NaN(), 0.04})
	// m = 2: sorted 0.01 → 0.02, 0.04 → 0.04.
	if !near(got[0], 0.02, 1e-12) || !math.IsNaN(got[1]) || !near(got[2], 0.04, 1e-12) {
		t.Errorf("got %v, want [0.02 NaN 0.04]", got)
	}
	if n := stats.BonferroniCount([]float64{0.01, math.NaN(), 0.04}, 0.05); n != 1 {
		t.Errorf("BonferroniCount = %d, want 1 (0.01 ≤ 0.05/2)", n)
	}
}
