package stats

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/rand/v2"
)

// PerWords is the unit of every rate in this package: occurrences per this
// many words.
const PerWords = 1000

// DefaultResamples is the number of bootstrap resamples RateCI and RatesCI
// draw when the caller passes b <= 0.
const DefaultResamples = 2000

// ConfidenceLevel is the coverage of the bootstrap intervals: the interval
// runs from the 2.5th to the 97.5th percentile of the resampled rates.
const ConfidenceLevel = 0.95

// rateStream is the PCG stream (increment) the bootstrap draws from. The
// caller chooses the seed; the stream is fixed so that a seed alone
// determines every resample.
const rateStream = 0x9e3779b97f4a7c15

// ArticleCount is one article's share of a rate: how often the thing
// counted occurs in it (Count) and how many words it has (Words). Both must
// be non-negative.
type ArticleCount struct {
	Count, Words int
}

// RateInterval is a pooled rate per 1,000 words with the bounds of its
// bootstrap confidence interval.
type RateInterval struct {
	Rate, Lo, Hi float64
}

// Rate returns count per 1,000 words, count·1000/words, or 0 when words is
// 0 (nothing was read, so nothing was found).
func Rate(count, words int) float64 {
	if words == 0 {
		return 0
	}
	return float64(count) * PerWords / float64(words)
}

// RateCI returns an outlet's rate per 1,000 words pooled over its articles,
// with a 95% percentile-bootstrap confidence interval that resamples
// articles.
//
// The point estimate is the pooled rate
//
//	rate = 1000 · Σ Count_i / Σ Words_i,
//
// so long articles weigh more than short ones, as on the rest of the page.
// For the interval, each of b resamples (DefaultResamples when b <= 0)
// draws n = len(articles) article indices k_1..k_n uniformly with
// replacement and computes rate*_r = 1000 · Σ_j Count_{k_j} / Σ_j
// Words_{k_j}; resamples whose words sum to 0 (possible only when some
// articles have no words) are dropped. lo and hi are the 2.5% and 97.5%
// quantiles of the kept rate*_r, with the quantile defined as in Box
// (linear interpolation, Hyndman & Fan type 7) and found by selection
// rather than sorting. If no resample is kept, lo = hi = rate.
//
// Resampling articles rather than words keeps the dependence between
// words of the same article: an outlet whose few long pieces carry all the
// hits gets a wide interval.
//
// The draws come from a PCG generator (math/rand/v2) seeded with seed on a
// fixed stream, so equal inputs and seed give equal results on every run
// and machine. Indices are made from both 32-bit halves of each 64-bit PCG
// output with Lemire's multiply-shift and rejection, so each index is
// exactly equally likely; a resample allocates nothing.
//
// With no articles, or no words in all of them, the rate is undefined and
// RateCI returns 0, 0, 0; callers that must tell "no data" from "rate 0"
// check the word total themselves. len(articles) must be below 2^31.
func RateCI(articles []ArticleCount, b int, seed uint64) (rate, lo, hi float64) {
	var count, words int
	for _, a := range articles {
		count += a.Count
		words += a.Words
	}
	if words == 0 {
		return 0, 0, 0
	}
	rate = float64(count) * PerWords / float64(words)
	if b <= 0 {
		b = DefaultResamples
	}
	g := newRateIndexer(seed, len(articles))
	idx := make([]int32, len(articles))
	reps := make([]float64, 0, b)
	for range b {
		g.fill(idx)
		var c, w int
		for _, k := range idx {
			a := &articles[k]
			c += a.Count
			w += a.Words
		}
		if w != 0 {
			reps = append(reps, float64(c)*PerWords/float64(w))
		}
	}
	if len(reps) == 0 {
		return rate, rate, rate
	}
	lo, hi = rateBounds(reps)
	return rate, lo, hi
}

// RatesCI is RateCI for several series counted over the same articles, for
// example one series per frame of the lexicon: words[i] is the word count
// of article i and counts[f][i] its count for series f. Each resample is
// drawn once and shared by every series, so the whole set costs about one
// call to RateCI plus a pass over each series' non-zero counts, and
// result[f] equals RateCI over the articles {counts[f][i], words[i]} with
// the same b and seed exactly.
//
// It returns an error when a series does not have one count per article
// or a count is negative or above 2^31 − 1.
func RatesCI(words []int, counts [][]int, b int, seed uint64) ([]RateInterval, error) {
	n := len(words)
	for f, cs := range counts {
		if len(cs) != n {
			return nil, fmt.Errorf("rates CI: series %d has %d counts for %d articles", f, len(cs), n)
		}
	}
	out := make([]RateInterval, len(counts))
	var total int
	for _, w := range words {
		total += w
	}
	if total == 0 || len(counts) == 0 {
		return out, nil
	}
	if b <= 0 {
		b = DefaultResamples
	}

	// Articles with the same counts in every series (the same pattern)
	// weigh the same in every series' sum, so a resample's count for
	// series f is Σ_p M_p · count_fp over the patterns p, M_p being how
	// many draws fell on articles of pattern p. Counts are small integers
	// and repeat a lot, so there are far fewer patterns than articles, and
	// a draw costs one increment of its pattern's M whatever the number of
	// series. The sums are the same integers as over the articles.
	type rateEntry struct {
		pattern, count int32
	}
	pattern := make([]int32, n)
	nonzero := make([][]rateEntry, len(counts))
	patterns := map[string]int32{}
	key := make([]byte, 0, 64)
	sums := make([]int, len(counts))
	for i := range n {
		key = key[:0]
		for f, cs := range counts {
			c := cs[i]
			if c < 0 || c > math.MaxInt32 {
				return nil, fmt.Errorf("rates CI: series %d, article %d: count %d out of range", f, i, c)
			}
			if c != 0 {
				key = binary.AppendUvarint(key, uint64(f))
				key = binary.AppendUvarint(key, uint64(c))
				sums[f] += c
			}
		}
		p, ok := patterns[string(key)]
		if !ok {
			p = int32(len(patterns))
			patterns[string(key)] = p
			for f, cs := range counts {
				if c := cs[i]; c != 0 {
					nonzero[f] = append(nonzero[f], rateEntry{p, int32(c)})
				}
			}
		}
		pattern[i] = p
	}
	for f := range out {
		out[f].Rate = float64(sums[f]) * PerWords / float64(total)
	}

	g := newRateIndexer(seed, n)
	mult := make([]int32, len(patterns))
	reps := make([][]float64, len(counts))
	for f := range reps {
		reps[f] = make([]float64, 0, b)
	}
	for range b {
		clear(mult)
		w := g.draw(n, mult, pattern, words)
		if w == 0 {
			continue
		}
		for f, entries := range nonzero {
			var c int
			for _, e := range entries {
				c += int(mult[e.pattern]) * int(e.count)
			}
			reps[f] = append(reps[f], float64(c)*PerWords/float64(w))
		}
	}
	for f := range out {
		if len(reps[f]) == 0 {
			out[f].Lo, out[f].Hi = out[f].Rate, out[f].Rate
			continue
		}
		out[f].Lo, out[f].Hi = rateBounds(reps[f])
	}
	return out, nil
}

// draw makes one resample of n articles: for each drawn index k it adds 1
// to mult[pattern[k]] and words[k] to the sum it returns. The indices are
// those fill would write for a slice of n, in the same order, so RatesCI
// draws what RateCI draws.
func (g *rateIndexer) draw(n int, mult, pattern []int32, words []int) int {
	src, un, thresh := g.src, g.n, g.thresh
	pattern, words = pattern[:un], words[:un]
	w := 0
	for j := 0; j < n; {
		v := src.Uint64()
		if m := (v & 0xffffffff) * un; uint32(m) >= thresh {
			k := m >> 32
			mult[pattern[k]]++
			w += words[k]
			j++
			if j == n {
				break
			}
		}
		if m := (v >> 32) * un; uint32(m) >= thresh {
			k := m >> 32
			mult[pattern[k]]++
			w += words[k]
			j++
		}
	}
	g.src = src
	return w
}

// rateBounds returns the type-7 quantiles of reps at the two tails of the
// ConfidenceLevel interval, reordering reps.
func rateBounds(reps []float64) (lo, hi float64) {
	tail := (1 - ConfidenceLevel) / 2
	lo = selectQuantile7(reps, tail)
	hi = selectQuantile7(reps, 1-tail)
	return lo, hi
}

// rateIndexer draws uniform indices in [0, n) from a PCG stream. It uses
// both 32-bit halves of every 64-bit output and Lemire's multiply-shift
// method: the index is the high half of x·n for a 32-bit x, and x is
// skipped when the low half of x·n falls below 2^32 mod n, which removes
// the bias exactly. (Cutting outputs into three or four narrower draws was
// measured and was not faster: the multiplies and branches cost more than
// the generator.)
type rateIndexer struct {
	src    rand.PCG
	n      uint64
	thresh uint32
}

func newRateIndexer(seed uint64, n int) *rateIndexer {
	g := &rateIndexer{n: uint64(n)}
	g.src.Seed(seed, rateStream)
	if n > 0 {
		g.thresh = uint32((uint64(1) << 32) % g.n)
	}
	return g
}

// fill sets every element of idx to the next uniform index in [0, n). One
// resample is one call, so RateCI and RatesCI see the same indices for the
// same seed; a half left over at the end of a call is discarded.
func (g *rateIndexer) fill(idx []int32) {
	src, n, thresh := g.src, g.n, g.thresh
	j := 0
	for j < len(idx) {
		v := src.Uint64()
		if m := (v & 0xffffffff) * n; uint32(m) >= thresh {
			idx[j] = int32(m >> 32)
			j++
			if j == len(idx) {
				break
			}
		}
		if m := (v >> 32) * n; uint32(m) >= thresh {
			idx[j] = int32(m >> 32)
			j++
		}
	}
	g.src = src
}
