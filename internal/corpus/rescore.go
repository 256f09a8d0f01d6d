package corpus

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/store"
)

// RescoreStatus is the state of the background rescoring, for progress bars.
type RescoreStatus struct {
	Running  bool      `json:"running"`
	Done     int       `json:"done"`
	Total    int       `json:"total"`
	Lexicon  string    `json:"lexicon"`
	Registry string    `json:"registry"`
	Error    string    `json:"error,omitempty"`
	Started  time.Time `json:"started"`
	Finished time.Time `json:"finished"`
}

type rescorer struct {
	mu     sync.Mutex
	status RescoreStatus
	cancel context.CancelFunc
	done   chan struct{}
}

// rescoreBatch is how many articles are re-analysed and committed together:
// each batch replaces its articles' analyses in one transaction, so readers
// see an article's old scores until its new ones are whole.
const rescoreBatch = 500

// RescoreStatus returns the progress of the current or last rescoring.
func (s *Service) RescoreStatus() RescoreStatus {
	s.rescore.mu.Lock()
	defer s.rescore.mu.Unlock()
	return s.rescore.status
}

// StartRescore re-analyses every article with the active engine in the
// background, stopping a rescoring already under way first. It returns at
// once; RescoreStatus reports progress.
func (s *Service) StartRescore() {
	s.rescore.mu.Lock()
	if s.rescore.cancel != nil {
		s.rescore.cancel()
		done := s.rescore.done
		s.rescore.mu.Unlock()
		<-done
		s.rescore.mu.Lock()
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	eng := s.Engine()
	v := eng.Versions()
	s.rescore.cancel, s.rescore.done = cancel, done
	s.rescore.status = RescoreStatus{Running: true, Lexicon: v.Lexicon, Registry: v.Registry, Started: time.Now()}
	s.rescore.mu.Unlock()

	go func() {
		defer close(done)
		err := s.rescoreAll(ctx, eng)
		s.rescore.mu.Lock()
		defer s.rescore.mu.Unlock()
		s.rescore.status.Running = false
		s.rescore.status.Finished = time.Now()
		if err != nil && ctx.Err() == nil {
			s.rescore.status.Error = err.Error()
			s.log.Error("rescore failed", "err", err)
		}
		if s.rescore.done == done {
			s.rescore.cancel, s.rescore.done = nil, nil
		}
		cancel()
	}()
}

// WaitRescore blocks until no rescoring is running, or ctx ends.
func (s *Service) WaitRescore(ctx context.Context) error {
	s.rescore.mu.Lock()
	done := s.rescore.done
	s.rescore.mu.Unlock()
	if done == nil {
		return nil
	}
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Close stops a running rescoring.
func (s *Service) Close() {
	s.rescore.mu.Lock()
	cancel, done := s.rescore.cancel, s.rescore.done
	s.rescore.mu.Unlock()
	if cancel != nil {
		cancel()
		<-done
	}
}

func (s *Service) rescoreAll(ctx context.Context, eng *analysis.Engine) error {
	st, err := s.store.Stats(ctx)
	if err != nil {
		return fmt.Errorf("rescore: count articles: %w", err)
	}
	s.rescore.mu.Lock()
	s.rescore.status.Total = st.Articles
	s.rescore.mu.Unlock()

	// The save of one batch runs while the next is read and analysed, as
	// in an import: the store writes on one thread.
	var saving chan error
	wait := func() error {
		if saving == nil {
			return nil
		}
		err := <-saving
		saving = nil
		return err
	}
	var after int64
	for {
		batch, err := s.store.ArticleTexts(ctx, after, rescoreBatch)
		if err != nil {
			return errors.Join(fmt.Errorf("rescore: read articles after %d: %w", after, err), wait())
		}
		if len(batch) == 0 {
			return wait()
		}
		after = batch[len(batch)-1].ID
		results, err := s.analyzeStored(ctx, eng, batch)
		if err != nil {
			return errors.Join(err, wait())
		}
		if err := wait(); err != nil {
			return err
		}
		saving = make(chan error, 1)
		go func(done chan<- error, n int) {
			if err := s.store.SaveAnalyses(ctx, results); err != nil {
				done <- fmt.Errorf("rescore: save: %w", err)
				return
			}
			s.rescore.mu.Lock()
			s.rescore.status.Done += n
			s.rescore.mu.Unlock()
			done <- nil
		}(saving, len(batch))
	}
}

// analyzeStored re-analyses stored articles on all cores, leaving out the
// hits users marked as false positives.
func (s *Service) analyzeStored(ctx context.Context, eng *analysis.Engine, batch []store.ArticleText) (map[int64]*analysis.Result, error) {
	excl := make([][]analysis.Span, len(batch))
	for i, a := range batch {
		fp, err := s.store.FalsePositives(ctx, a.ID)
		if err != nil {
			return nil, fmt.Errorf("rescore: false positives of %d: %w", a.ID, err)
		}
		excl[i] = fp
	}
	inputs := make([]analysis.Input, len(batch))
	for i, a := range batch {
		inputs[i] = analysis.Input{Text: a.Text, Precleaned: true, Exclude: excl[i],
			Meta: analysis.Meta{Title: a.Title, Published: a.Published}}
	}
	results, errs := analyzeAll(eng, inputs)
	out := make(map[int64]*analysis.Result, len(batch))
	for i, a := range batch {
		if errs[i] != nil {
			// A stored body always passed analysis once; if the new rules
			// reject it, its old scores stay rather than the import failing.
			s.log.Warn("rescore: article kept its previous scores", "id", a.ID, "err", errs[i])
			continue
		}
		out[a.ID] = results[i]
	}
	return out, ctx.Err()
}

// Reanalyze scores one article again with the active engine, for instance
// after a user marked one of its hits as a false positive.
func (s *Service) Reanalyze(ctx context.Context, id int64) error {
	a, err := s.store.Article(ctx, id)
	if err != nil {
		return err
	}
	results, err := s.analyzeStored(ctx, s.Engine(), []store.ArticleText{{ID: a.ID, Title: a.Title, Published: a.Published, Text: a.Text, Words: a.Words}})
	if err != nil {
		return err
	}
	return s.store.SaveAnalyses(ctx, results)
}
