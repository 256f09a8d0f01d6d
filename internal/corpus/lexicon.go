package corpus

import (
	"context"
	"fmt"
	"strings"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/store"
)

// ActiveLexicon returns the lexicon the engine scores with.
func (s *Service) ActiveLexicon() *analysis.Lexicon { return s.Engine().Lexicon() }

// ActiveRegistry returns the registry the engine assigns sides with.
func (s *Service) ActiveRegistry() *analysis.Registry { return s.Engine().Registry() }

// UseLexicon stores lex as a new version (if it is one), makes it active and
// rescores the corpus in the background. A lexicon that does not compile is
// rejected before anything is stored.
func (s *Service) UseLexicon(ctx context.Context, lex *analysis.Lexicon) error {
	lex.Version = analysis.LexiconVersion(lex.Entries)
	if err := lex.Validate(); err != nil {
		return err
	}
	eng, err := analysis.NewEngine(lex, s.ActiveRegistry())
	if err != nil {
		return err
	}
	if err := s.store.SaveLexicon(ctx, lex); err != nil {
		return fmt.Errorf("corpus: save lexicon %s: %w", lex.Name, err)
	}
	if err := s.store.SetActive(ctx, store.ActiveLexicon, lex.Name); err != nil {
		return fmt.Errorf("corpus: activate lexicon %s: %w", lex.Name, err)
	}
	s.swapEngine(eng)
	return nil
}

// ActivateLexicon makes the latest version of a stored lexicon active.
func (s *Service) ActivateLexicon(ctx context.Context, name string) error {
	lex, err := s.store.Lexicon(ctx, name)
	if err != nil {
		return err
	}
	return s.UseLexicon(ctx, lex)
}

// EditLexicon applies edit to a copy of the active lexicon's entries and
// uses the result as the lexicon's next version.
func (s *Service) EditLexicon(ctx context.Context, edit func([]analysis.Entry) ([]analysis.Entry, error)) error {
	cur := s.ActiveLexicon()
	entries := append([]analysis.Entry(nil), cur.Entries...)
	entries, err := edit(entries)
	if err != nil {
		return err
	}
	next := &analysis.Lexicon{Name: cur.Name, Frames: cur.Frames, Entries: entries}
	return s.UseLexicon(ctx, next)
}

// AddEntry appends an entry to the active lexicon.
func (s *Service) AddEntry(ctx context.Context, e analysis.Entry) error {
	return s.EditLexicon(ctx, func(es []analysis.Entry) ([]analysis.Entry, error) {
		return append(es, cleanEntry(e)), nil
	})
}

// UpdateEntry replaces the entry at index i of the active lexicon.
func (s *Service) UpdateEntry(ctx context.Context, i int, e analysis.Entry) error {
	return s.EditLexicon(ctx, func(es []analysis.Entry) ([]analysis.Entry, error) {
		if i < 0 || i >= len(es) {
			return nil, analysis.Errorf(analysis.ENOTFOUND, "lexicon has no entry %d", i)
		}
		es[i] = cleanEntry(e)
		return es, nil
	})
}

// DeleteEntry removes the entry at index i of the active lexicon.
func (s *Service) DeleteEntry(ctx context.Context, i int) error {
	return s.EditLexicon(ctx, func(es []analysis.Entry) ([]analysis.Entry, error) {
		if i < 0 || i >= len(es) {
			return nil, analysis.Errorf(analysis.ENOTFOUND, "lexicon has no entry %d", i)
		}
		return append(es[:i], es[i+1:]...), nil
	})
}

func cleanEntry(e analysis.Entry) analysis.Entry {
	e.Pattern = strings.TrimSpace(e.Pattern)
	e.Frame = strings.TrimSpace(e.Frame)
	e.Actor = strings.TrimSpace(e.Actor)
	e.Note = strings.TrimSpace(e.Note)
	return e
}

// ImportLexicon parses an uploaded lexicon file (CSV, YAML or LIWC), stores
// it under its file name and makes it active.
func (s *Service) ImportLexicon(ctx context.Context, filename string, data []byte) (*analysis.Lexicon, error) {
	lex, err := analysis.ParseLexiconFile(filename, data)
	if err != nil {
		return nil, err
	}
	if err := s.UseLexicon(ctx, lex); err != nil {
		return nil, err
	}
	return lex, nil
}

// UseRegistry stores reg as a new version, makes it active and rescores.
func (s *Service) UseRegistry(ctx context.Context, reg *analysis.Registry) error {
	reg.Version = analysis.RegistryVersion(reg.Entries)
	eng, err := analysis.NewEngine(s.ActiveLexicon(), reg)
	if err != nil {
		return err
	}
	if err := s.store.SaveRegistry(ctx, reg); err != nil {
		return fmt.Errorf("corpus: save registry %s: %w", reg.Name, err)
	}
	if err := s.store.SetActive(ctx, store.ActiveRegistry, reg.Name); err != nil {
		return fmt.Errorf("corpus: activate registry %s: %w", reg.Name, err)
	}
	s.swapEngine(eng)
	return nil
}

// ImportRegistry parses an uploaded registry CSV and makes it active under
// the active registry's name, as its next version.
func (s *Service) ImportRegistry(ctx context.Context, filename string, data []byte) (*analysis.Registry, error) {
	reg, err := analysis.ParseRegistryCSV(s.ActiveRegistry().Name, data)
	if err != nil {
		return nil, fmt.Errorf("registry %s: %w", filename, err)
	}
	if err := s.UseRegistry(ctx, reg); err != nil {
		return nil, err
	}
	return reg, nil
}

// AssignSides puts speakers on a side in the active registry: a speaker the
// registry knows moves to the side, an unknown one is added as a new entry.
func (s *Service) AssignSides(ctx context.Context, names []string, side string) error {
	side = strings.TrimSpace(side)
	if side == "" || side == analysis.SideUnassigned {
		return analysis.Errorf(analysis.EINVALID, "choose a side")
	}
	cur := s.ActiveRegistry()
	entries := append([]analysis.RegistryEntry(nil), cur.Entries...)
	for _, name := range names {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		found := false
		for i := range entries {
			if strings.EqualFold(entries[i].Name, name) {
				entries[i].Side, found = side, true
			}
		}
		if !found {
			entries = append(entries, analysis.RegistryEntry{Name: name, Side: side})
		}
	}
	return s.UseRegistry(ctx, &analysis.Registry{Name: cur.Name, Entries: entries})
}

// swapEngine makes eng active and rescores the corpus with it.
func (s *Service) swapEngine(eng *analysis.Engine) {
	s.mu.Lock()
	s.engine = eng
	s.mu.Unlock()
	s.StartRescore()
}
