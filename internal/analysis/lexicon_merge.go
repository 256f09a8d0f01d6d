package analysis

import (
	"path/filepath"
	"strings"
)

// ParseLexiconFile parses a lexicon file by its extension: .csv and .tsv as
// the native CSV, .yml and .yaml as a quanteda-style dictionary, .dic as LIWC.
// The lexicon takes the file's base name without extension as its name.
func ParseLexiconFile(filename string, data []byte) (*Lexicon, error) {
	base := filepath.Base(filename)
	ext := strings.ToLower(filepath.Ext(base))
	name := strings.TrimSuffix(base, filepath.Ext(base))
	switch ext {
	case ".yml", ".yaml":
		return ParseLexiconYAML(name, data)
	case ".dic":
		return ParseLexiconLIWC(name, data)
	case ".csv", ".tsv", ".txt", "":
		return ParseLexiconCSV(name, data)
	}
	return nil, Errorf(EINVALID, "lexicon %s: unknown format %q (want .csv, .yaml or .dic)", base, ext)
}

// MergeLexicons joins lexicons into one named name: entries in order, a
// pattern that an earlier lexicon already has is skipped, frames likewise.
// The version is recomputed from the merged entries.
func MergeLexicons(name string, ls ...*Lexicon) *Lexicon {
	if len(ls) == 1 {
		return ls[0]
	}
	out := &Lexicon{Name: name}
	seenPattern, seenFrame := map[string]bool{}, map[string]bool{}
	for _, l := range ls {
		for _, f := range l.Frames {
			if !seenFrame[f.Name] {
				seenFrame[f.Name] = true
				out.Frames = append(out.Frames, f)
			}
		}
		for _, e := range l.Entries {
			key := strings.ToLower(e.Pattern)
			if !seenPattern[key] {
				seenPattern[key] = true
				out.Entries = append(out.Entries, e)
			}
		}
	}
	out.Version = LexiconVersion(out.Entries)
	return out
}
