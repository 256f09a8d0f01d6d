package analysis

import (
	"embed"
	"fmt"
	"path"
	"slices"
	"strings"
	"sync"
)

// lexDefaultFS holds the lexicons shipped with Framing Lens, one native CSV
// per lexicon; lexicons/README.md documents their frames and choices.
//
//go:embed lexicons/*.csv
var lexDefaultFS embed.FS

// lexDefaults parses the shipped lexicons once. A shipped lexicon that does
// not parse is a build defect, caught by the tests.
var lexDefaults = sync.OnceValues(func() (map[string]*Lexicon, error) {
	files, err := lexDefaultFS.ReadDir("lexicons")
	if err != nil {
		return nil, fmt.Errorf("read shipped lexicons: %w", err)
	}
	out := map[string]*Lexicon{}
	for _, f := range files {
		name, ok := strings.CutSuffix(f.Name(), ".csv")
		if !ok {
			continue
		}
		data, err := lexDefaultFS.ReadFile(path.Join("lexicons", f.Name()))
		if err != nil {
			return nil, fmt.Errorf("read shipped lexicon %s: %w", name, err)
		}
		lex, err := ParseLexiconCSV(name, data)
		if err != nil {
			return nil, fmt.Errorf("parse shipped lexicon %s: %w", name, err)
		}
		out[name] = lex
	}
	return out, nil
})

// DefaultLexiconNames lists the shipped lexicons, sorted: "conflict-actors"
// and "humanitarian".
func DefaultLexiconNames() []string {
	names := make([]string, 0, 2)
	files, _ := lexDefaultFS.ReadDir("lexicons")
	for _, f := range files {
		if name, ok := strings.CutSuffix(f.Name(), ".csv"); ok {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}

// DefaultLexicons returns fresh copies of all shipped lexicons, in the
// order of DefaultLexiconNames.
func DefaultLexicons() ([]*Lexicon, error) {
	var all []*Lexicon
	for _, name := range DefaultLexiconNames() {
		l, err := DefaultLexicon(name)
		if err != nil {
			return nil, err
		}
		all = append(all, l)
	}
	return all, nil
}

// DefaultLexicon returns a fresh copy of the shipped lexicon with the given
// name, which the caller may change freely. An unknown name gives an
// *Error with code ENOTFOUND.
func DefaultLexicon(name string) (*Lexicon, error) {
	all, err := lexDefaults()
	if err != nil {
		return nil, err
	}
	lex, ok := all[name]
	if !ok {
		return nil, Errorf(ENOTFOUND, "no shipped lexicon %q (shipped: %s)", name, strings.Join(DefaultLexiconNames(), ", "))
	}
	cp := *lex
	cp.Frames = slices.Clone(lex.Frames)
	cp.Entries = slices.Clone(lex.Entries)
	return &cp, nil
}
