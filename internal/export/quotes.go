package export

import (
	"context"

	"github.com/framinglens/framinglens/internal/store"
)

// quoteColumns is the header of the quotes export.
var quoteColumns = []string{"article_id", "outlet", "published", "kind", "speaker", "side", "words", "cue",
	"mention", "start", "end", "text", "registry_version"}

// writeQuotes writes one row per quote of the selected articles. speaker
// and mention are empty when no speaker was found.
func writeQuotes(ctx context.Context, st *store.Store, f store.ArticleFilter, out *sink) error {
	if err := out.header(quoteColumns); err != nil {
		return err
	}
	return st.EachExportQuote(ctx, f, func(q store.ExportQuote) error {
		out.id(q.ArticleID)
		out.text(q.Outlet)
		out.text(q.Published)
		out.text(string(q.Kind))
		out.text(q.Speaker)
		out.text(q.Side)
		out.int(q.Words)
		out.text(q.Cue)
		out.text(q.Mention)
		out.int(q.Start)
		out.int(q.End)
		out.text(q.Text)
		out.text(q.RegistryVersion)
		return out.end()
	})
}
