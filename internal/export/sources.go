package export

import (
	"context"

	"github.com/framinglens/framinglens/internal/store"
)

// sourceColumns is the header of the sources export.
var sourceColumns = []string{"article_id", "outlet", "published", "name", "side", "role", "direct", "reported",
	"words", "registry_version"}

// writeSources writes one row per speaker of each selected article.
func writeSources(ctx context.Context, st *store.Store, f store.ArticleFilter, out *sink) error {
	if err := out.header(sourceColumns); err != nil {
		return err
	}
	return st.EachExportSource(ctx, f, func(s store.ExportSource) error {
		out.id(s.ArticleID)
		out.text(s.Outlet)
		out.text(s.Published)
		out.text(s.Name)
		out.text(s.Side)
		out.text(s.Role)
		out.int(s.Direct)
		out.int(s.Reported)
		out.int(s.Words)
		out.text(s.RegistryVersion)
		return out.end()
	})
}
