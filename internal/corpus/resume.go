package corpus

import (
	"context"
	"fmt"
)

// ResumeRescore starts rescoring in the background when some articles'
// current analyses were made with other versions than the active engine's,
// which is what a rescoring interrupted by a crash or a kill leaves behind
// (the lexicon change was saved, not all the new scores). It returns how
// many articles were stale; 0 means nothing was started.
func (s *Service) ResumeRescore(ctx context.Context) (int, error) {
	n, err := s.store.StaleAnalyses(ctx, s.Engine().Versions())
	if err != nil {
		return 0, fmt.Errorf("corpus: resume rescoring: %w", err)
	}
	if n > 0 {
		s.log.Info("resuming rescoring: some analyses predate the active lexicon or registry", "articles", n)
		s.StartRescore()
	}
	return n, nil
}
