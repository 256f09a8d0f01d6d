package stats

import "math"

// quantile7Sorted returns the quantile at p of sorted (ascending, non-empty)
// by linear interpolation between order statistics, Hyndman & Fan (1996)
// type 7, the default of R and NumPy: with h = (n−1)·p and zero-based
// order statistics x_(0) ≤ … ≤ x_(n−1),
//
//	Q(p) = x_(⌊h⌋) + (h − ⌊h⌋) · (x_(⌊h⌋+1) − x_(⌊h⌋)).
func quantile7Sorted(sorted []float64, p float64) float64 {
	h := float64(len(sorted)-1) * p
	k := int(math.Floor(h))
	frac := h - float64(k)
	if k+1 >= len(sorted) || frac == 0 {
		return sorted[k]
	}
	return sorted[k] + frac*(sorted[k+1]-sorted[k])
}

// selectQuantile7 returns the same type-7 quantile as quantile7Sorted for
// unsorted, non-empty, NaN-free xs, in linear expected time: it moves the
// ⌊h⌋-th order statistic into place by selection (reordering xs) and takes
// the next one as the minimum of the elements after it.
func selectQuantile7(xs []float64, p float64) float64 {
	h := float64(len(xs)-1) * p
	k := int(math.Floor(h))
	frac := h - float64(k)
	selectKth(xs, k)
	v := xs[k]
	if k+1 >= len(xs) || frac == 0 {
		return v
	}
	next := xs[k+1]
	for _, x := range xs[k+2:] {
		if x < next {
			next = x
		}
	}
	return v + frac*(next-v)
}

// selectKth reorders xs so that xs[k] holds the value it would hold if xs
// were sorted, everything before it is ≤ xs[k] and everything after it is
// ≥ xs[k] (Hoare's selection with a median-of-three pivot).
func selectKth(xs []float64, k int) {
	lo, hi := 0, len(xs)-1
	for lo < hi {
		mid := lo + (hi-lo)/2
		if xs[mid] < xs[lo] {
			xs[mid], xs[lo] = xs[lo], xs[mid]
		}
		if xs[hi] < xs[lo] {
			xs[hi], xs[lo] = xs[lo], xs[hi]
		}
		if xs[hi] < xs[mid] {
			xs[hi], xs[mid] = xs[mid], xs[hi]
		}
		pivot := xs[mid]
		i, j := lo, hi
		for i <= j {
			for xs[i] < pivot {
				i++
			}
			for xs[j] > pivot {
				j--
			}
			if i <= j {
				xs[i], xs[j] = xs[j], xs[i]
				i++
				j--
			}
		}
		// Now xs[lo..j] ≤ pivot, xs[i..hi] ≥ pivot and anything between
		// equals the pivot.
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return
		}
	}
}
