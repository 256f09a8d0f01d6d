package analysis

import (
	"math"
	"slices"
)

// BalanceIndex measures how evenly an article's attributions spread over the
// sides of the registry: the Shannon entropy of the side shares divided by
// its maximum, the logarithm of the number of sides,
//
//	B = -Σ p_i ln p_i / ln K
//
// where p_i is side i's share and K the number of sides in the registry.
// B is 0 when one side has every attribution (or there are none) and 1 when
// all K sides have equal shares. Attributions to unassigned speakers are left
// out of the shares, so B describes only what the registry can place; the
// Result's Unassigned count says how much that leaves out.
func BalanceIndex(shares map[string]float64, sides int) float64 {
	if sides < 2 {
		return 0
	}
	// Summed in a fixed order so the same shares give the same bits. An
	// article's sides are few: their keys are sorted on the stack.
	var buf [8]string
	keys := buf[:0]
	for k := range shares {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	h := 0.0
	for _, k := range keys {
		if p := shares[k]; p > 0 {
			h -= p * math.Log(p)
		}
	}
	b := h / math.Log(float64(sides))
	// Rounding can push a perfectly even spread a hair past 1.
	return math.Min(1, math.Max(0, b))
}
