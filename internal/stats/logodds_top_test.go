package stats_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/framinglens/framinglens/internal/stats"
)

// logOddsTopCase makes two groups' counts over n terms from a seed: most
// terms in both groups, some in one only, a few in neither, and (with
// ties) many terms with equal counts, so that equal z-scores and equal
// p-values occur.
func logOddsTopCase(seed uint64, n int, ties bool) (terms []string, a, b []int) {
	r := rand.New(rand.NewPCG(seed, 7))
	for w := range n {
		terms = append(terms, fmt.Sprintf("t%04d", (w*7919)%n))
		ca, cb := r.IntN(40), r.IntN(40)
		if ties && w%3 == 0 {
			ca, cb = 5, 2
		}
		switch w % 11 {
		case 1:
			ca = 0
		case 2:
			cb = 0
		case 3:
			ca, cb = 0, 0
		}
		a, b = append(a, ca), append(b, cb)
	}
	return terms, a, b
}

func TestLogOddsDirichletTopMatchesFullScoring(t *testing.T) {
	for _, tc := range []struct {
		name string
		seed uint64
		n, k int
		ties bool
	}{
		{"ManyTerms", 1, 3000, 15, false},
		{"TiedCounts", 2, 900, 15, true},
		{"FewerTermsThanTwoK", 3, 12, 15, false},
		{"NoTerms", 4, 0, 15, false},
		{"KZero", 5, 200, 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			terms, a, b := logOddsTopCase(tc.seed, tc.n, tc.ties)
			ma, mb := map[string]int{}, map[string]int{}
			prior := make([]float64, len(terms))
			pooled := map[string]int{}
			for w, term := range terms {
				if a[w] > 0 {
					ma[term] = a[w]
				}
				if b[w] > 0 {
					mb[term] = b[w]
				}
				pooled[term] = a[w] + b[w]
			}
			mprior := stats.InformativePrior(pooled, 1000)
			for w, term := range terms {
				prior[w] = mprior[term]
			}
			want := stats.LogOddsDirichlet(ma, mb, mprior)
			got := stats.LogOddsDirichletTop(terms, a, b, prior, tc.k)

			if got.Terms != len(want) {
				t.Errorf("Terms = %d, want %d", got.Terms, len(want))
			}
			var sig, fdr int
			for _, s := range want {
				if s.Significant {
					sig++
				}
				if s.Q <= 0.05 {
					fdr++
				}
			}
			if got.Significant != sig || got.SignificantFDR != fdr {
				t.Errorf("significant = %d, %d (FDR); want %d, %d", got.Significant, got.SignificantFDR, sig, fdr)
			}
			wantTop := want[:min(tc.k, len(want))]
			wantBottom := slices.Clone(want[max(0, len(want)-tc.k):])
			slices.Reverse(wantBottom)
			for _, side := range []struct {
				name      string
				got, want []stats.TermScore
			}{{"top", got.Top, wantTop}, {"bottom", got.Bottom, wantBottom}} {
				if len(side.got) != len(side.want) {
					t.Fatalf("%s: %d terms, want %d", side.name, len(side.got), len(side.want))
				}
				for i := range side.want {
					g, w := side.got[i], side.want[i]
					// α0 is summed in another order (map order in
					// LogOddsDirichlet), so scores may differ in the last
					// bits.
					if g.Term != w.Term || g.CountA != w.CountA || g.CountB != w.CountB ||
						!near(g.Z, w.Z, 1e-9) || !near(g.Delta, w.Delta, 1e-9) || !near(g.Q, w.Q, 1e-9*math.Max(1, w.Q)) {
						t.Errorf("%s[%d] = %+v, want %+v", side.name, i, g, w)
					}
				}
			}
		})
	}
}
