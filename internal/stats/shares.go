package stats

import "math"

// Shares returns each count divided by the sum of counts, for stacked bars
// that show a mix (labels used for an actor, sides of the quoted sources):
//
//	share_i = c_i / Σ_j c_j.
//
// Negative, NaN and infinite counts count as 0. When the sum is 0 every share is 0
// rather than NaN, so the result always encodes as JSON; otherwise the
// shares sum to 1 up to rounding.
func Shares[T ~int | ~int64 | ~float64](counts []T) []float64 {
	out := make([]float64, len(counts))
	var sum float64
	for i, c := range counts {
		v := float64(c)
		if !(v > 0) || math.IsInf(v, 1) {
			v = 0
		}
		out[i] = v
		sum += v
	}
	if sum == 0 {
		return out
	}
	for i := range out {
		out[i] /= sum
	}
	return out
}
