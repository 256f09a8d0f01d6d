package stats

import (
	"cmp"
	"math"
	"slices"
	"sort"
)

// LogOddsTop is the part of a log-odds comparison a page shows: the terms
// most typical of each group, and how many terms were scored and found
// significant.
type LogOddsTop struct {
	// Top are the first k terms of LogOddsDirichlet's order (highest Z
	// first, ties by term) and Bottom the last k in reverse (lowest Z
	// first). When fewer than 2k terms are scored the two overlap; callers
	// keep the positive Z of Top and the negative Z of Bottom.
	Top, Bottom []TermScore
	// Terms is the number of terms scored, Significant how many have
	// |Z| > SignificantZ and SignificantFDR how many have Q ≤ 0.05.
	Terms, Significant, SignificantFDR int
}

// FDRLevel is the false discovery rate at which LogOddsTop counts terms as
// significant after the Benjamini–Hochberg adjustment.
const FDRLevel = 0.05

// LogOddsDirichletTop scores a vocabulary held in arrays exactly as
// LogOddsDirichlet scores maps, and keeps only what a page shows of the
// result: terms[w] is term w, a[w] and b[w] its counts in the two groups
// and prior[w] its pseudo-count α_w. Group sizes are the sums of the
// positive counts and α0 the sum of the positive pseudo-counts, as in
// LogOddsDirichlet; Q is the Benjamini–Hochberg adjustment over every term
// scored. a, b and prior must have len(terms) elements.
//
// It costs one pass over the vocabulary plus one sort of the p-values,
// rather than a sort of every score, and allocates no map: the comparison
// page scores tens of thousands of words several times per request.
func LogOddsDirichletTop(terms []string, a, b []int, prior []float64, k int) LogOddsTop {
	var na, nb int
	var alpha0 float64
	for w := range terms {
		na += max(a[w], 0)
		nb += max(b[w], 0)
		if prior[w] > 0 {
			alpha0 += prior[w]
		}
	}
	var out LogOddsTop
	ps := make([]float64, 0, len(terms))
	// top holds the best k terms so far, best first; bottom the worst k,
	// worst first.
	top := make([]TermScore, 0, k+1)
	bottom := make([]TermScore, 0, k+1)
	before := func(x, y *TermScore) bool { // x comes before y in LogOddsDirichlet's order
		if x.Z != y.Z {
			return x.Z > y.Z
		}
		return x.Term < y.Term
	}
	for w, term := range terms {
		delta, v, z, ok := logOddsTerm(a[w], b[w], prior[w], na, nb, alpha0)
		if !ok {
			continue
		}
		s := TermScore{Term: term, CountA: a[w], CountB: b[w], Delta: delta, Var: v, Z: z,
			P: TwoSidedP(z), Significant: math.Abs(z) > SignificantZ}
		ps = append(ps, s.P)
		out.Terms++
		if s.Significant {
			out.Significant++
		}
		if k <= 0 {
			continue
		}
		if len(top) < k || before(&s, &top[len(top)-1]) {
			i := sort.Search(len(top), func(i int) bool { return before(&s, &top[i]) })
			top = slices.Insert(top, i, s)
			if len(top) > k {
				top = top[:k]
			}
		}
		if len(bottom) < k || before(&bottom[len(bottom)-1], &s) {
			i := sort.Search(len(bottom), func(i int) bool { return before(&bottom[i], &s) })
			bottom = slices.Insert(bottom, i, s)
			if len(bottom) > k {
				bottom = bottom[:k]
			}
		}
	}
	// Benjamini–Hochberg over the sorted p-values: q_(j) is the least of
	// m·p_(i)/i over i ≥ j (and 1), as in BenjaminiHochberg; tied p-values
	// share their q, so a term's q is found from its p alone.
	logOddsSortP(ps)
	m := float64(len(ps))
	q := make([]float64, len(ps))
	running := 1.0
	for i := len(ps); i >= 1; i-- {
		running = min(running, m*ps[i-1]/float64(i))
		q[i-1] = running
		if running <= FDRLevel {
			out.SignificantFDR++
		}
	}
	qOf := func(p float64) float64 {
		i, _ := slices.BinarySearchFunc(ps, p, cmp.Compare[float64])
		return q[i]
	}
	for i := range top {
		top[i].Q = qOf(top[i].P)
	}
	for i := range bottom {
		bottom[i].Q = qOf(bottom[i].P)
	}
	out.Top, out.Bottom = top, bottom
	return out
}

// logOddsSortP sorts p-values (non-negative floats, whose IEEE bits order
// as the numbers do) by a least-significant-byte radix sort: several times
// faster than a comparison sort for the tens of thousands of words a
// comparison scores.
func logOddsSortP(ps []float64) {
	if len(ps) < 512 {
		slices.Sort(ps)
		return
	}
	keys := make([]uint64, len(ps))
	for i, p := range ps {
		if !(p >= 0) { // NaN or negative: not a p-value, keep the general sort
			slices.Sort(ps)
			return
		}
		keys[i] = math.Float64bits(p)
	}
	tmp := make([]uint64, len(keys))
	for shift := uint(0); shift < 64; shift += 8 {
		var count [256]int
		for _, k := range keys {
			count[k>>shift&255]++
		}
		if count[keys[0]>>shift&255] == len(keys) {
			continue // every key has the same byte here
		}
		sum := 0
		for b, c := range count {
			count[b] = sum
			sum += c
		}
		for _, k := range keys {
			b := k >> shift & 255
			tmp[count[b]] = k
			count[b]++
		}
		keys, tmp = tmp, keys
	}
	for i, k := range keys {
		ps[i] = math.Float64frombits(k)
	}
}
