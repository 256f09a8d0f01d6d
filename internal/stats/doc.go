// Package stats holds the statistics behind the outlet-comparison page:
// pooled rates per 1,000 words with bootstrap confidence intervals, box-plot
// summaries, the weighted log-odds ratio with an informative Dirichlet prior
// ("Fightin' Words", Monroe, Colaresi & Quinn 2008), corrections for
// multiple comparisons, shares for stacked bars and week or month buckets
// for timelines.
//
// The package is pure: numbers in, numbers out. It does no I/O, keeps no
// state between calls and never reads the clock; every random draw comes
// from a generator seeded by the caller, so a page shows the same figures
// on every request.
package stats
