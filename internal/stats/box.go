package stats

import (
	"math"
	"slices"
)

// BoxStats summarises a distribution for a box plot.
//
// Quartiles use linear interpolation between order statistics (Hyndman &
// Fan 1996 type 7, the default of R's quantile and NumPy's percentile):
// with the n values sorted as x_(0) ≤ … ≤ x_(n−1) and h = (n−1)·p,
//
//	Q(p) = x_(⌊h⌋) + (h − ⌊h⌋) · (x_(⌊h⌋+1) − x_(⌊h⌋)),
//
// so Q1 = Q(0.25), Median = Q(0.5) and Q3 = Q(0.75). With IQR = Q3 − Q1 the
// fences are Q1 − 1.5·IQR and Q3 + 1.5·IQR (Tukey); the whiskers end at the
// most extreme values inside the fences, and values beyond the fences are
// outliers.
type BoxStats struct {
	// N is the number of values summarised (NaNs and infinities are not counted).
	N int
	// Min and Max are the smallest and largest values, outliers included.
	Min, Max float64
	// Q1, Median and Q3 are the type-7 quartiles.
	Q1, Median, Q3 float64
	// LowerWhisker and UpperWhisker are the smallest value ≥ Q1 − 1.5·IQR
	// and the largest value ≤ Q3 + 1.5·IQR.
	LowerWhisker, UpperWhisker float64
	// Outliers holds the values outside the fences in ascending order; nil
	// when there are none.
	Outliers []float64
}

// Box returns the box-plot summary of values. NaNs and infinities are
// ignored, and the input is not modified. With no values it returns the
// zero BoxStats (N = 0), which callers should show as "no data".
func Box(values []float64) BoxStats {
	sorted := make([]float64, 0, len(values))
	for _, v := range values {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			sorted = append(sorted, v)
		}
	}
	if len(sorted) == 0 {
		return BoxStats{}
	}
	slices.Sort(sorted)
	b := BoxStats{
		N:      len(sorted),
		Min:    sorted[0],
		Max:    sorted[len(sorted)-1],
		Q1:     quantile7Sorted(sorted, 0.25),
		Median: quantile7Sorted(sorted, 0.5),
		Q3:     quantile7Sorted(sorted, 0.75),
	}
	iqr := b.Q3 - b.Q1
	lowFence, highFence := b.Q1-1.5*iqr, b.Q3+1.5*iqr
	b.LowerWhisker, b.UpperWhisker = b.Median, b.Median
	for _, v := range sorted {
		if v >= lowFence {
			b.LowerWhisker = v
			break
		}
	}
	for i := len(sorted) - 1; i >= 0; i-- {
		if sorted[i] <= highFence {
			b.UpperWhisker = sorted[i]
			break
		}
	}
	for _, v := range sorted {
		if v < lowFence || v > highFence {
			b.Outliers = append(b.Outliers, v)
		}
	}
	return b
}

// ECharts returns the five numbers an ECharts boxplot series takes per
// box, [lower whisker, Q1, median, Q3, upper whisker]; the outliers go in
// a separate scatter series.
func (b BoxStats) ECharts() [5]float64 {
	return [5]float64{b.LowerWhisker, b.Q1, b.Median, b.Q3, b.UpperWhisker}
}

// Quantile returns the type-7 quantile at p (0 ≤ p ≤ 1) of values, as
// defined on BoxStats, ignoring NaNs and leaving values unmodified. It
// returns NaN when there are no values or p is outside [0, 1].
func Quantile(values []float64, p float64) float64 {
	if !(p >= 0 && p <= 1) {
		return math.NaN()
	}
	sorted := make([]float64, 0, len(values))
	for _, v := range values {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			sorted = append(sorted, v)
		}
	}
	if len(sorted) == 0 {
		return math.NaN()
	}
	return selectQuantile7(sorted, p)
}
