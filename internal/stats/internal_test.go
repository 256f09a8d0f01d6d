package stats

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSelectQuantile7MatchesSort checks the selection-based quantile used
// for bootstrap intervals against the sorted definition, on data with many
// ties (as bootstrap rates have) and without.
func TestSelectQuantile7MatchesSort(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 1))
	for _, n := range []int{1, 2, 3, 10, 101, 2000} {
		for _, levels := range []int{3, 1 << 30} {
			xs := make([]float64, n)
			for i := range xs {
				xs[i] = float64(r.IntN(levels))
			}
			sorted := slices.Sorted(slices.Values(xs))
			for _, p := range []float64{0, 0.025, 0.25, 0.5, 0.975, 1} {
				want := quantile7Sorted(sorted, p)
				got := selectQuantile7(slices.Clone(xs), p)
				if got != want {
					t.Errorf("n=%d levels=%d p=%v: select %v, sort %v", n, levels, p, got, want)
				}
			}
		}
	}
}

// TestRateIndexerUniform checks that indices cover [0, n) evenly: with
// 600,000 draws over 6 values each count should be within 1% of 100,000
// (the standard deviation is about 290).
func TestRateIndexerUniform(t *testing.T) {
	g := newRateIndexer(9, 6)
	idx := make([]int32, 1000)
	counts := make([]int, 6)
	for range 600 {
		g.fill(idx)
		for _, k := range idx {
			counts[k]++
		}
	}
	for k, c := range counts {
		if c < 99000 || c > 101000 {
			t.Errorf("index %d drawn %d times, want about 100000 (counts %v)", k, c, counts)
		}
	}
}

// TestRateIndexerLargeN uses an n for which a third of 32-bit draws are
// rejected, and checks the indices stay in range and split evenly between
// the lower and upper halves.
func TestRateIndexerLargeN(t *testing.T) {
	const n = 1431655766 // 2^32 mod n = 1431655764
	g := newRateIndexer(3, n)
	idx := make([]int32, 100000)
	g.fill(idx)
	low := 0
	for _, k := range idx {
		if k < 0 || k >= n {
			t.Fatalf("index %d out of [0, %d)", k, n)
		}
		if k < n/2 {
			low++
		}
	}
	if low < 49000 || low > 51000 {
		t.Errorf("%d of 100000 indices in the lower half, want about 50000", low)
	}
}
