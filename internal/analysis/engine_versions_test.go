package analysis_test

import (
	"testing"

	"github.com/framinglens/framinglens/internal/analysis"
)

// TestEngineVersionsFollowRename checks that the versions the engine keeps
// from NewEngine give way to the lexicon's and registry's names and
// versions when their owner changes them.
func TestEngineVersionsFollowRename(t *testing.T) {
	ls, err := analysis.DefaultLexicons()
	if err != nil {
		t.Fatal(err)
	}
	lex := analysis.MergeLexicons("default", ls...)
	reg, err := analysis.DefaultRegistry("syria-2016")
	if err != nil {
		t.Fatal(err)
	}
	eng, err := analysis.NewEngine(lex, reg)
	if err != nil {
		t.Fatal(err)
	}
	want := analysis.Versions{Engine: analysis.EngineVersion, Lexicon: lex.Name + "@" + lex.Version, Registry: reg.Name + "@" + reg.Version}
	if got := eng.Versions(); got != want {
		t.Fatalf("Versions() = %+v, want %+v", got, want)
	}
	lex.Version, reg.Name = "v-renamed", "renamed"
	want = analysis.Versions{Engine: analysis.EngineVersion, Lexicon: lex.Name + "@v-renamed", Registry: "renamed@" + reg.Version}
	if got := eng.Versions(); got != want {
		t.Fatalf("after renaming, Versions() = %+v, want %+v", got, want)
	}
	r, err := eng.Analyze(analysis.Input{Text: "Rebels shelled the city, officials said."})
	if err != nil {
		t.Fatal(err)
	}
	if r.Versions != want {
		t.Fatalf("after renaming, Result.Versions = %+v, want %+v", r.Versions, want)
	}
}
