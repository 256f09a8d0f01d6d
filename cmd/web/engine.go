package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/framinglens/framinglens/internal/analysis"
)

const (
	defaultLexicons = "conflict-actors,humanitarian"
	defaultRegistry = "syria-2016"
)

// loadLexicon reads a comma-separated list of shipped lexicon names or
// lexicon files and merges them into one.
func loadLexicon(arg string) (*analysis.Lexicon, error) {
	var ls []*analysis.Lexicon
	for _, part := range strings.Split(arg, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		l, err := lexiconByNameOrFile(part)
		if err != nil {
			return nil, err
		}
		ls = append(ls, l)
	}
	if len(ls) == 0 {
		return nil, fmt.Errorf("no lexicon named in %q", arg)
	}
	names := make([]string, len(ls))
	for i, l := range ls {
		names[i] = l.Name
	}
	return analysis.MergeLexicons(strings.Join(names, "+"), ls...), nil
}

func lexiconByNameOrFile(arg string) (*analysis.Lexicon, error) {
	if data, err := os.ReadFile(arg); err == nil {
		return analysis.ParseLexiconFile(arg, data)
	} else if !os.IsNotExist(err) {
		return nil, fmt.Errorf("read lexicon %s: %w", arg, err)
	}
	l, err := analysis.DefaultLexicon(arg)
	if err != nil {
		return nil, fmt.Errorf("lexicon %q is neither a file nor one of %s", arg, strings.Join(analysis.DefaultLexiconNames(), ", "))
	}
	return l, nil
}

// loadRegistry reads a shipped registry by name or a registry CSV file.
func loadRegistry(arg string) (*analysis.Registry, error) {
	if data, err := os.ReadFile(arg); err == nil {
		name := strings.TrimSuffix(baseName(arg), ".csv")
		return analysis.ParseRegistryCSV(name, data)
	} else if !os.IsNotExist(err) {
		return nil, fmt.Errorf("read registry %s: %w", arg, err)
	}
	r, err := analysis.DefaultRegistry(arg)
	if err != nil {
		return nil, fmt.Errorf("registry %q is neither a file nor one of %s", arg, strings.Join(analysis.DefaultRegistryNames(), ", "))
	}
	return r, nil
}

func baseName(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i >= 0 {
		return path[i+1:]
	}
	return path
}

func engineFromFlags(lexArg, regArg string) (*analysis.Engine, error) {
	lex, err := loadLexicon(lexArg)
	if err != nil {
		return nil, err
	}
	reg, err := loadRegistry(regArg)
	if err != nil {
		return nil, err
	}
	return analysis.NewEngine(lex, reg)
}
