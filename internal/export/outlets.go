package export

import (
	"context"

	"github.com/framinglens/framinglens/internal/store"
)

// outletColumns is the header of the outlets export, with a month column
// when byMonth is set (the outlet-months export).
func outletColumns(byMonth bool, frames, sides []string) []string {
	cols := []string{"outlet"}
	if byMonth {
		cols = append(cols, "month")
	}
	cols = append(cols, "articles", "words", "hits", "quotes", "attributions", "unassigned",
		"mean_balance", "mean_balance_words")
	cols = append(cols, dimColumns(frames, "count", "per_1000", "per_1000_own")...)
	return append(cols, dimColumns(sides, "attributions", "share", "words", "words_share")...)
}

// writeOutlets writes one row per outlet, or per outlet and month, of the
// selected articles. The rows are few (one per group), so they are summed
// in one go rather than streamed.
func writeOutlets(ctx context.Context, st *store.Store, f store.ArticleFilter, byMonth bool, out *sink) error {
	totals, dims, err := st.ExportTotals(ctx, f, byMonth)
	if err != nil {
		return err
	}
	if err := out.header(outletColumns(byMonth, dims.Frames, dims.Sides)); err != nil {
		return err
	}
	for _, t := range totals {
		out.text(t.Outlet)
		if byMonth {
			out.text(t.Month)
		}
		out.int(t.Articles)
		out.int(t.Words)
		out.int(t.Hits)
		out.int(t.Quotes)
		out.int(t.Attributions)
		out.int(t.Unassigned)
		if t.BalancedArticles > 0 {
			out.float(t.MeanBalance)
			out.float(t.MeanBalanceWords)
		} else {
			out.empty(2)
		}
		for _, name := range dims.Frames {
			ft := t.Frames[name]
			out.int(ft.Count)
			if t.Words > 0 {
				out.float(ft.Per1000)
				out.float(ft.Per1000Own)
			} else {
				out.empty(2)
			}
		}
		for _, name := range dims.Sides {
			s := t.Sides[name]
			out.int(s.Attributions)
			if t.Attributions > 0 {
				out.float(s.Share)
			} else {
				out.empty(1)
			}
			out.int(s.Words)
			if t.Attributions > 0 {
				out.float(s.WordsShare)
			} else {
				out.empty(1)
			}
		}
		if err := out.end(); err != nil {
			return err
		}
	}
	return nil
}
