package compare

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/framinglens/framinglens/internal/analysis"
)

// Chart names: each is a chart of the page and the name of its CSV,
// /compare/data/NAME.csv. Label charts are named "labels-" + the actor's
// slug (ActorSlug).
const (
	ChartFrames          = "frames"
	ChartFramesOwn       = "frames-own"
	ChartSides           = "sides"
	ChartSidesWords      = "sides-words"
	ChartBalance         = "balance"
	ChartHeatmap         = "heatmap"
	ChartTimeline        = "timeline"
	ChartDistinctEntries = "distinct-entries"
	ChartDistinctWords   = "distinct-words"
	chartLabelsPrefix    = "labels-"
)

// ActorSlug makes an actor's name safe for a chart id and a file name:
// letters and digits lower-cased, every other run of characters one "-";
// "none" for an actor without letters or digits (entries with no actor).
func ActorSlug(actor string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(actor) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	if slug := strings.TrimSuffix(b.String(), "-"); slug != "" {
		return slug
	}
	return "none"
}

// LabelsChart names the label-mix chart of actor.
func LabelsChart(actor string) string { return chartLabelsPrefix + ActorSlug(actor) }

// Charts lists the names of every chart of the report, in page order.
func (r *Report) Charts() []string {
	out := []string{ChartFrames, ChartFramesOwn}
	for _, a := range r.Actors {
		out = append(out, LabelsChart(a))
	}
	return append(out, ChartSides, ChartSidesWords, ChartBalance, ChartHeatmap, ChartTimeline,
		ChartDistinctEntries, ChartDistinctWords)
}

// Table is a chart's numbers as rows of text, the CSV's content.
type Table struct {
	Header []string
	Rows   [][]string
}

// WriteCSV writes the table as CSV.
func (t Table) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(t.Header); err != nil {
		return err
	}
	if err := cw.WriteAll(t.Rows); err != nil {
		return err
	}
	return cw.Error()
}

// Num formats a chart number as both the CSV and the chart's JSON write it:
// the shortest decimal that reads back as the same float64.
func Num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

func itoa(n int) string { return strconv.Itoa(n) }

// Table returns the numbers of the named chart; ENOTFOUND for a name the
// report has no chart of.
func (r *Report) Table(chart string) (Table, error) {
	switch chart {
	case ChartFrames, ChartFramesOwn:
		rates := r.Rates
		if chart == ChartFramesOwn {
			rates = r.RatesOwn
		}
		t := Table{Header: []string{"outlet", "frame", "hits", "words", "per_1000_words", "ci95_low", "ci95_high", "resamples"}}
		for _, x := range rates {
			t.Rows = append(t.Rows, []string{x.Outlet, x.Frame, itoa(x.Hits), itoa(x.Words), Num(x.Rate), Num(x.Lo), Num(x.Hi),
				itoa(r.outletResamples(x.Outlet))})
		}
		return t, nil
	case ChartSides, ChartSidesWords:
		t := Table{Header: []string{"outlet", "side", "attributions", "quoted_words", "share_of_attributions", "share_of_quoted_words"}}
		for _, x := range r.Sides {
			t.Rows = append(t.Rows, []string{x.Outlet, x.Side, itoa(x.Attributions), itoa(x.Words), Num(x.Share), Num(x.WordsShare)})
		}
		return t, nil
	case ChartBalance:
		t := Table{Header: []string{"outlet", "articles", "lower_whisker", "q1", "median", "q3", "upper_whisker", "mean", "outliers"}}
		for _, x := range r.Balance {
			out := make([]string, len(x.Box.Outliers))
			for i, v := range x.Box.Outliers {
				out[i] = Num(v)
			}
			t.Rows = append(t.Rows, []string{x.Outlet, itoa(x.Box.N), Num(x.Box.LowerWhisker), Num(x.Box.Q1), Num(x.Box.Median),
				Num(x.Box.Q3), Num(x.Box.UpperWhisker), Num(x.Mean), strings.Join(out, " ")})
		}
		return t, nil
	case ChartHeatmap:
		t := Table{Header: []string{"outlet", "pattern", "actor", "hits", "words", "per_1000_words"}}
		for _, x := range r.Entries {
			t.Rows = append(t.Rows, []string{x.Outlet, x.Pattern, x.Actor, itoa(x.Hits), itoa(x.Words), Num(x.Rate)})
		}
		return t, nil
	case ChartTimeline:
		t := Table{Header: []string{"period", "outlet", "frame", "hits", "words", "per_1000_words"}}
		for _, x := range r.Timeline {
			t.Rows = append(t.Rows, []string{x.Period, x.Outlet, r.TimeFrame, itoa(x.Hits), itoa(x.Words), Num(x.Rate)})
		}
		return t, nil
	case ChartDistinctEntries, ChartDistinctWords:
		d := r.Pair[0]
		if chart == ChartDistinctWords {
			d = r.Pair[1]
		}
		return distinctTable(d), nil
	}
	if slug, ok := strings.CutPrefix(chart, chartLabelsPrefix); ok {
		for _, a := range r.Actors {
			if ActorSlug(a) != slug {
				continue
			}
			t := Table{Header: []string{"actor", "outlet", "label", "hits", "share"}}
			for _, x := range r.Labels {
				if x.Actor == a {
					t.Rows = append(t.Rows, []string{x.Actor, x.Outlet, x.Label, itoa(x.Hits), Num(x.Share)})
				}
			}
			return t, nil
		}
	}
	return Table{}, analysis.Errorf(analysis.ENOTFOUND, "no chart %q on this comparison", chart)
}

// DistinctTable is the table of a distinctive-terms comparison: the terms
// most typical of A, then those most typical of B.
func distinctTable(d Distinctive) Table {
	t := Table{Header: []string{"typical_of", "term", "count_a", "count_b", "log_odds", "z", "q_bh"}}
	for _, s := range d.Top {
		t.Rows = append(t.Rows, []string{d.A, s.Term, itoa(s.CountA), itoa(s.CountB), Num(s.Delta), Num(s.Z), Num(Round4(s.Q))})
	}
	for _, s := range d.Bottom {
		t.Rows = append(t.Rows, []string{d.B, s.Term, itoa(s.CountA), itoa(s.CountB), Num(s.Delta), Num(s.Z), Num(Round4(s.Q))})
	}
	return t
}

func (r *Report) outletResamples(name string) int {
	for _, o := range r.Outlets {
		if o.Name == name {
			return o.Resamples
		}
	}
	return 0
}
