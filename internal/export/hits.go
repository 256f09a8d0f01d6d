package export

import (
	"context"

	"github.com/framinglens/framinglens/internal/store"
)

// hitColumns is the header of the hits export.
var hitColumns = []string{"article_id", "outlet", "published", "term", "pattern", "frame", "actor", "valence",
	"voice", "scare_quote", "so_called", "start", "end", "lexicon_version"}

// writeHits writes one row per hit of the selected articles.
func writeHits(ctx context.Context, st *store.Store, f store.ArticleFilter, out *sink) error {
	if err := out.header(hitColumns); err != nil {
		return err
	}
	return st.EachExportHit(ctx, f, func(h store.ExportHit) error {
		out.id(h.ArticleID)
		out.text(h.Outlet)
		out.text(h.Published)
		out.text(h.Term)
		out.text(h.Pattern)
		out.text(h.Frame)
		out.text(h.Actor)
		out.int(h.Valence)
		out.text(string(h.Voice))
		out.bool(h.ScareQuote)
		out.bool(h.SoCalled)
		out.int(h.Start)
		out.int(h.End)
		out.text(h.LexiconVersion)
		return out.end()
	})
}
