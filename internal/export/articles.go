package export

import (
	"context"

	"github.com/framinglens/framinglens/internal/store"
)

// articleColumns is the header of the articles export.
func articleColumns(frames, sides []string) []string {
	cols := []string{"article_id", "outlet", "title", "published", "url", "words", "hits", "quotes",
		"unassigned", "balance", "balance_words"}
	cols = append(cols, dimColumns(frames, "count", "own", "quoted", "reported", "per_1000")...)
	cols = append(cols, dimColumns(sides, "share", "words_share")...)
	return append(cols, "engine_version", "lexicon_version", "registry_version")
}

// writeArticles writes one row per selected article.
func writeArticles(ctx context.Context, st *store.Store, f store.ArticleFilter, out *sink) error {
	var dims store.ExportDims
	return st.EachExportArticle(ctx, f, func(d store.ExportDims) error {
		dims = d
		return out.header(articleColumns(d.Frames, d.Sides))
	}, func(a store.ExportArticle) error {
		out.id(a.ID)
		out.text(a.Outlet)
		out.text(a.Title)
		out.text(a.Published)
		out.text(a.URL)
		out.int(a.Words)
		if !a.Analysed {
			out.empty(5 + 5*len(dims.Frames) + 2*len(dims.Sides) + 3)
			return out.end()
		}
		out.int(a.Hits)
		out.int(a.Quotes)
		out.int(a.Unassigned)
		if a.Attributions > 0 {
			out.float(a.Balance)
			out.float(a.BalanceWords)
		} else {
			out.empty(2)
		}
		for _, name := range dims.Frames {
			c := a.Frames[name]
			out.int(c.Count)
			out.int(c.Own)
			out.int(c.Quoted)
			out.int(c.Reported)
			if a.Words > 0 {
				out.float(c.Per1000)
			} else {
				out.empty(1)
			}
		}
		for _, name := range dims.Sides {
			if a.Attributions > 0 {
				out.float(a.Sides[name])
				out.float(a.SidesWords[name])
			} else {
				out.empty(2)
			}
		}
		out.text(a.Versions.Engine)
		out.text(a.Versions.Lexicon)
		out.text(a.Versions.Registry)
		return out.end()
	})
}
