package stats

import (
	"cmp"
	"math"
	"slices"
)

// TwoSidedP returns the two-sided p-value of a standard normal score z,
//
//	p = P(|Z| ≥ |z|) = 2·(1 − Φ(|z|)) = erfc(|z|/√2),
//
// computed with math.Erfc so that large |z| keep their precision instead
// of rounding 1 − Φ to 0. NaN gives NaN.
func TwoSidedP(z float64) float64 {
	return math.Erfc(math.Abs(z) / math.Sqrt2)
}

// BenjaminiHochberg returns the Benjamini–Hochberg (1995) adjusted
// p-values of p, in the order of p (which is not modified). With the m
// p-values ranked p_(1) ≤ … ≤ p_(m),
//
//	q_(k) = min over j ≥ k of min(1, m · p_(j) / j),
//
// so that rejecting every hypothesis with q ≤ α is the step-up procedure
// that controls the false discovery rate at α: it rejects the k smallest
// p-values for the largest k with p_(k) ≤ k·α/m. NaN entries stay NaN and
// do not count in m.
func BenjaminiHochberg(p []float64) []float64 {
	q := make([]float64, len(p))
	order := make([]int, 0, len(p))
	for i, v := range p {
		if math.IsNaN(v) {
			q[i] = math.NaN()
			continue
		}
		order = append(order, i)
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(p[a], p[b]) })
	m := float64(len(order))
	running := 1.0
	for k := len(order); k >= 1; k-- {
		i := order[k-1]
		running = min(running, m*p[i]/float64(k))
		q[i] = running
	}
	return q
}

// BonferroniCount returns how many of the p-values are at most α/m, m
// being the number of non-NaN p-values: the hypotheses that survive a
// Bonferroni correction controlling the family-wise error rate at α.
func BonferroniCount(p []float64, alpha float64) int {
	m := 0
	for _, v := range p {
		if !math.IsNaN(v) {
			m++
		}
	}
	if m == 0 {
		return 0
	}
	limit := alpha / float64(m)
	n := 0
	for _, v := range p {
		if v <= limit {
			n++
		}
	}
	return n
}
