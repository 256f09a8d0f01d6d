// Package corpus is the service between the screens and commands on one side
// and the engine, the importer and the store on the other: it imports
// articles (ingest, then analysis, then one transaction per article), keeps
// the active lexicon and registry, and rescores the corpus in the background
// when either changes.
package corpus

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/store"
)

// DefaultLexiconName is the lexicon a new database starts with: the shipped
// conflict-actors and humanitarian lexicons together.
const DefaultLexiconName = "default"

// Service holds the store and the engine built from the active lexicon and
// registry. It is safe for concurrent use.
type Service struct {
	store *store.Store
	log   *slog.Logger

	mu     sync.RWMutex
	engine *analysis.Engine

	rescore rescorer
}

// Open returns a service over st. A new database gets the shipped lexicons
// and registry, with the default ones active.
func Open(ctx context.Context, st *store.Store, log *slog.Logger) (*Service, error) {
	if log == nil {
		log = slog.Default()
	}
	s := &Service{store: st, log: log}
	if err := s.seed(ctx); err != nil {
		return nil, err
	}
	if err := s.loadEngine(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

// Store returns the underlying store, for read-only screens.
func (s *Service) Store() *store.Store { return s.store }

// Engine returns the engine for the active lexicon and registry.
func (s *Service) Engine() *analysis.Engine {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.engine
}

// seed stores the shipped lexicons and registries and activates the defaults
// when nothing is active yet.
func (s *Service) seed(ctx context.Context) error {
	active, err := s.store.Active(ctx, store.ActiveLexicon)
	if err != nil {
		return fmt.Errorf("corpus: read active lexicon: %w", err)
	}
	if active == "" {
		shipped, err := analysis.DefaultLexicons()
		if err != nil {
			return fmt.Errorf("corpus: shipped lexicons: %w", err)
		}
		for _, l := range shipped {
			if err := s.store.SaveLexicon(ctx, l); err != nil {
				return fmt.Errorf("corpus: seed lexicon %s: %w", l.Name, err)
			}
		}
		def := analysis.MergeLexicons(DefaultLexiconName, shipped...)
		if err := s.store.SaveLexicon(ctx, def); err != nil {
			return fmt.Errorf("corpus: seed default lexicon: %w", err)
		}
		if err := s.store.SetActive(ctx, store.ActiveLexicon, DefaultLexiconName); err != nil {
			return fmt.Errorf("corpus: activate default lexicon: %w", err)
		}
	}
	activeReg, err := s.store.Active(ctx, store.ActiveRegistry)
	if err != nil {
		return fmt.Errorf("corpus: read active registry: %w", err)
	}
	if activeReg == "" {
		names := analysis.DefaultRegistryNames()
		for _, name := range names {
			r, err := analysis.DefaultRegistry(name)
			if err != nil {
				return fmt.Errorf("corpus: shipped registry %s: %w", name, err)
			}
			if err := s.store.SaveRegistry(ctx, r); err != nil {
				return fmt.Errorf("corpus: seed registry %s: %w", name, err)
			}
		}
		if len(names) == 0 {
			return errors.New("corpus: no shipped registry")
		}
		if err := s.store.SetActive(ctx, store.ActiveRegistry, names[0]); err != nil {
			return fmt.Errorf("corpus: activate registry: %w", err)
		}
	}
	return nil
}

// loadEngine builds the engine from the active lexicon and registry.
func (s *Service) loadEngine(ctx context.Context) error {
	lexName, err := s.store.Active(ctx, store.ActiveLexicon)
	if err != nil {
		return fmt.Errorf("corpus: active lexicon: %w", err)
	}
	lex, err := s.store.Lexicon(ctx, lexName)
	if err != nil {
		return fmt.Errorf("corpus: load lexicon %s: %w", lexName, err)
	}
	regName, err := s.store.Active(ctx, store.ActiveRegistry)
	if err != nil {
		return fmt.Errorf("corpus: active registry: %w", err)
	}
	reg, err := s.store.Registry(ctx, regName)
	if err != nil {
		return fmt.Errorf("corpus: load registry %s: %w", regName, err)
	}
	eng, err := analysis.NewEngine(lex, reg)
	if err != nil {
		return fmt.Errorf("corpus: compile lexicon %s: %w", lexName, err)
	}
	s.mu.Lock()
	s.engine = eng
	s.mu.Unlock()
	return nil
}
