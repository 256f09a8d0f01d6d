package stats

import (
	"cmp"
	"math"
	"slices"
)

// SignificantZ is the |z| above which a term is marked significant: the
// two-sided 5% point of the standard normal. It takes no account of the
// number of terms tested; see TermScore.Q for the Benjamini–Hochberg
// adjustment.
const SignificantZ = 1.96

// TermScore is one term's weighted log-odds ratio between group A (an
// outlet) and group B (the other outlets, or the other outlet of a pair).
// Positive Delta and Z mean A uses the term more.
type TermScore struct {
	Term           string
	CountA, CountB int
	// Delta is the log-odds ratio δ_w, Var its approximate variance σ²(δ_w)
	// and Z = δ_w / σ(δ_w).
	Delta, Var, Z float64
	// P is the two-sided normal p-value of Z (TwoSidedP) and Q the
	// Benjamini–Hochberg adjusted p-value over all terms in the same result,
	// so Q ≤ 0.05 keeps the false discovery rate at 5%.
	P, Q float64
	// Significant reports |Z| > SignificantZ, unadjusted.
	Significant bool
}

// InformativePrior builds the informative Dirichlet prior of Monroe,
// Colaresi & Quinn (2008) from background counts: the prior
// pseudo-count of term w is
//
//	α_w = a0 · y_w / n,  n = Σ_w y_w,
//
// so the prior has total size α0 = Σ α_w = a0 and the shape of the
// background corpus (for the comparison page, the pooled counts of every
// outlet compared). a0 sets how strongly rare terms are shrunk towards the
// background rate: a0 = n makes α_w the pooled count itself, which is the
// recommended default; smaller a0 trusts the groups' own counts more.
// Terms with a count ≤ 0 get no prior. It returns an empty map when a0 ≤ 0
// or the counts sum to 0.
func InformativePrior(total map[string]int, a0 float64) map[string]float64 {
	var n int
	for _, y := range total {
		if y > 0 {
			n += y
		}
	}
	return InformativePriorOf(total, n, a0)
}

// InformativePriorOf is InformativePrior with the background size n given,
// for when total holds only some of the vocabulary (lexicon entries) but
// the prior must be scaled to all words: α_w = a0 · y_w / n.
func InformativePriorOf(total map[string]int, n int, a0 float64) map[string]float64 {
	prior := make(map[string]float64, len(total))
	if !(a0 > 0) || n <= 0 {
		return prior
	}
	for w, y := range total {
		if y > 0 {
			prior[w] = a0 * float64(y) / float64(n)
		}
	}
	return prior
}

// MergeCounts returns the term-by-term sum of counts, for example the
// "rest" group made of every other outlet.
func MergeCounts(counts ...map[string]int) map[string]int {
	out := make(map[string]int)
	for _, c := range counts {
		for w, y := range c {
			out[w] += y
		}
	}
	return out
}

// LogOddsDirichlet scores every term used by group a or group b with the
// weighted log-odds ratio with an informative Dirichlet prior ("Fightin'
// Words", Monroe, Colaresi & Quinn 2008, eq. 16, 19–22), taking the group
// sizes as the sums of their counts and α0 as the sum of the prior.
//
// For term w with counts y_aw and y_bw, group sizes n_a and n_b and prior
// pseudo-counts α_w (total α0):
//
//	δ_w = log((y_aw+α_w) / (n_a+α0−y_aw−α_w)) − log((y_bw+α_w) / (n_b+α0−y_bw−α_w))
//	σ²(δ_w) ≈ 1/(y_aw+α_w) + 1/(y_bw+α_w)
//	z_w = δ_w / σ(δ_w)
//
// The result is sorted by Z descending (ties by term), so A's most
// distinctive terms come first and B's last. Terms with no positive prior
// are left out (with α_w = 0 a term absent from one group has infinite
// log-odds), as are terms whose counts are ≤ 0 in both groups and terms
// whose odds are undefined because they make up the whole of n + α0.
func LogOddsDirichlet(a, b map[string]int, prior map[string]float64) []TermScore {
	var na, nb int
	for _, y := range a {
		na += max(y, 0)
	}
	for _, y := range b {
		nb += max(y, 0)
	}
	var alpha0 float64
	for _, al := range prior {
		if al > 0 {
			alpha0 += al
		}
	}
	return LogOddsDirichletOf(a, b, na, nb, prior, alpha0)
}

// LogOddsDirichletOf is LogOddsDirichlet with the group sizes n_a, n_b
// and the prior size α0 given, for scoring a part of the vocabulary
// against the whole: lexicon entries against all the words the outlets
// wrote (n_a, n_b = word totals; prior from InformativePriorOf with the
// background word total, α0 = a0).
func LogOddsDirichletOf(a, b map[string]int, na, nb int, prior map[string]float64, alpha0 float64) []TermScore {
	terms := make([]string, 0, len(a)+len(b))
	for w := range a {
		terms = append(terms, w)
	}
	for w := range b {
		if _, dup := a[w]; !dup {
			terms = append(terms, w)
		}
	}
	out := make([]TermScore, 0, len(terms))
	for _, w := range terms {
		delta, v, z, ok := logOddsTerm(a[w], b[w], prior[w], na, nb, alpha0)
		if !ok {
			continue
		}
		out = append(out, TermScore{
			Term: w, CountA: a[w], CountB: b[w],
			Delta: delta, Var: v, Z: z,
			P:           TwoSidedP(z),
			Significant: math.Abs(z) > SignificantZ,
		})
	}
	slices.SortFunc(out, func(x, y TermScore) int {
		if c := cmp.Compare(y.Z, x.Z); c != 0 {
			return c
		}
		return cmp.Compare(x.Term, y.Term)
	})
	ps := make([]float64, len(out))
	for i := range out {
		ps[i] = out[i].P
	}
	for i, q := range BenjaminiHochberg(ps) {
		out[i].Q = q
	}
	return out
}

// logOddsTerm scores one term by the weighted log-odds ratio with an
// informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, eq. 16, 19–22):
// ya and yb are the term's counts in the two groups, al its prior count, na
// and nb the groups' sizes and alpha0 the prior's size. ok is false when the
// term has no count, no positive prior, or undefined odds.
func logOddsTerm(ya, yb int, al float64, na, nb int, alpha0 float64) (delta, v, z float64, ok bool) {
	ya, yb = max(ya, 0), max(yb, 0)
	if ya+yb == 0 || !(al > 0) {
		return 0, 0, 0, false
	}
	pa, pb := float64(ya)+al, float64(yb)+al
	restA := float64(na) + alpha0 - pa
	restB := float64(nb) + alpha0 - pb
	if !(restA > 0) || !(restB > 0) {
		return 0, 0, 0, false
	}
	delta = math.Log(pa/restA) - math.Log(pb/restB)
	v = 1/pa + 1/pb
	return delta, v, delta / math.Sqrt(v), true
}
