package store

import (
	"context"
	"fmt"

	"github.com/framinglens/framinglens/internal/analysis"
)

// StaleAnalyses counts the articles whose current analysis was made with
// other engine, lexicon or registry versions than v, or that have none. A
// rescoring cut short by a crash leaves such articles behind: each one kept
// its whole old analysis, since every batch commits in one transaction.
func (s *Store) StaleAnalyses(ctx context.Context, v analysis.Versions) (int, error) {
	var n int
	err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM articles a
		LEFT JOIN analyses an ON an.article_id = a.id AND an.current = 1
		WHERE an.id IS NULL OR an.engine_version <> ? OR an.lexicon_version <> ? OR an.registry_version <> ?`,
		v.Engine, v.Lexicon, v.Registry).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("store: count stale analyses: %w", err)
	}
	return n, nil
}
