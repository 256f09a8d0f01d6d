package stats

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestLogOddsSortP(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 9))
	for _, tc := range []struct {
		name string
		make func(n int) []float64
		n    int
	}{
		{"Short", func(n int) []float64 { return randomPs(r, n) }, 100},
		{"Long", func(n int) []float64 { return randomPs(r, n) }, 20000},
		{"TiesAndZeros", func(n int) []float64 {
			ps := randomPs(r, n)
			for i := range ps {
				if i%3 == 0 {
					ps[i] = 0
				} else if i%3 == 1 {
					ps[i] = 0.5
				}
			}
			return ps
		}, 5000},
		{"TinyAndOne", func(n int) []float64 {
			ps := randomPs(r, n)
			ps[0], ps[1], ps[2] = math.SmallestNonzeroFloat64, 1, 1e-300
			return ps
		}, 3000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.make(tc.n)
			want := slices.Clone(got)
			slices.Sort(want)
			logOddsSortP(got)
			if !slices.Equal(got, want) {
				t.Errorf("radix order differs from slices.Sort")
			}
		})
	}
}

func randomPs(r *rand.Rand, n int) []float64 {
	ps := make([]float64, n)
	for i := range ps {
		ps[i] = math.Erfc(r.Float64() * 6)
	}
	return ps
}
