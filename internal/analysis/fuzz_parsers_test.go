package analysis_test

import (
	"reflect"
	"testing"

	"github.com/framinglens/framinglens/internal/analysis"
)

// fuzzParserMaxInput caps the input a parser fuzz target looks at: the
// properties hold for any size, and short inputs keep the fuzzer fast.
const fuzzParserMaxInput = 64 << 10

// fuzzLexiconRoundTrip checks the promises every lexicon parser makes on any
// input: it never panics; a failure is an error, never a half lexicon; and a
// lexicon it accepts is valid, versioned, no larger than its input allows,
// and written by CSV() in a form ParseLexiconCSV reads back to the same
// entries, frames and version.
func fuzzLexiconRoundTrip(t *testing.T, parse func(string, []byte) (*analysis.Lexicon, error), data []byte) {
	t.Helper()
	if len(data) > fuzzParserMaxInput {
		t.Skip("input larger than the fuzz cap")
	}
	lex, err := parse("fuzz", data)
	if err != nil {
		if lex != nil {
			t.Fatalf("parse returned both a lexicon and the error %v", err)
		}
		if analysis.ErrorCode(err) != analysis.EINVALID {
			t.Fatalf("parse error code: got %q, want %q (err %v)", analysis.ErrorCode(err), analysis.EINVALID, err)
		}
		return
	}
	if lex == nil {
		t.Fatal("parse returned neither a lexicon nor an error")
	}
	if len(lex.Entries) == 0 {
		t.Fatal("accepted a lexicon without entries")
	}
	// Every entry needs at least a character of pattern, so a file cannot
	// yield more entries than it has bytes (LIWC multiplies by categories,
	// each of which costs bytes too).
	if len(lex.Entries) > len(data) {
		t.Fatalf("got %d entries from %d bytes", len(lex.Entries), len(data))
	}
	if err := lex.Validate(); err != nil {
		t.Fatalf("accepted lexicon does not validate: %v", err)
	}
	if got, want := lex.Version, analysis.LexiconVersion(lex.Entries); got != want {
		t.Fatalf("version: got %q, want %q", got, want)
	}
	out := lex.CSV()
	back, err := analysis.ParseLexiconCSV("fuzz", out)
	if err != nil {
		t.Fatalf("CSV() of an accepted lexicon does not parse: %v\nCSV:\n%s", err, out)
	}
	if !reflect.DeepEqual(back.Entries, lex.Entries) {
		t.Fatalf("round trip changed the entries:\ngot  %#v\nwant %#v\nCSV:\n%s", back.Entries, lex.Entries, out)
	}
	if back.Version != lex.Version {
		t.Fatalf("round trip changed the version: got %q, want %q", back.Version, lex.Version)
	}
	if len(back.Frames) != len(lex.Frames) {
		t.Fatalf("round trip changed the number of frames: got %d, want %d", len(back.Frames), len(lex.Frames))
	}
	for i := range lex.Frames {
		if back.Frames[i].Name != lex.Frames[i].Name {
			t.Fatalf("round trip changed frame %d: got %q, want %q", i, back.Frames[i].Name, lex.Frames[i].Name)
		}
	}
}

// FuzzParseLexiconCSV checks the native CSV lexicon parser.
func FuzzParseLexiconCSV(f *testing.F) {
	f.Add([]byte("pattern,frame,actor,valence,note\nrebel*,delegitimizing,opposition,-1,\n"))
	f.Add([]byte("# frame a: A frame\npattern,frame,actor,valence\n\"x, y\",a,,+2\n!rebel yell,,,0\n"))
	f.Add([]byte("\uFEFFvalence,pattern,frame,actor\n3,x,a,b\n\"unclosed,a,b,1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzLexiconRoundTrip(t, analysis.ParseLexiconCSV, data)
	})
}

// FuzzParseLexiconYAML checks the quanteda-style YAML dictionary parser.
func FuzzParseLexiconYAML(f *testing.F) {
	f.Add([]byte("violence:\n  - airstrike*\n  - shelling\nactors:\n  opposition: [rebel*, armed groups]\n"))
	f.Add([]byte("relief: ceasefire\nempty:\n"))
	f.Add([]byte("a: &x [b]\nc: *x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzLexiconRoundTrip(t, analysis.ParseLexiconYAML, data)
	})
}

// FuzzParseLexiconLIWC checks the LIWC .dic parser.
func FuzzParseLexiconLIWC(f *testing.F) {
	f.Add([]byte("%\n1\tviolence\n2\tactors\n%\nrebel*\t2\nmilitant*\t2\t1\n"))
	f.Add([]byte("%\n1\tx\n%\nsafe passage\t1\nbad\t9\n"))
	f.Add([]byte("no header\tat all\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzLexiconRoundTrip(t, analysis.ParseLexiconLIWC, data)
	})
}

// FuzzParseRegistryCSV checks the source registry parser: it never panics,
// a failure is an EINVALID error, and an accepted registry is versioned and
// written by CSV() in a form that parses back to the same entries.
func FuzzParseRegistryCSV(f *testing.F) {
	f.Add([]byte("name,aliases,side,role\nBashar al-Assad,Assad|President Assad,government,head of state\n"))
	f.Add([]byte("name,aliases,side\nWhite Helmets,Syria Civil Defence,opposition\n\"a\"\"b\",,un\n"))
	f.Add([]byte("\ufeffNAME, ALIASES, SIDE, ROLE\nx,|| |,a-b_1,\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > fuzzParserMaxInput {
			t.Skip("input larger than the fuzz cap")
		}
		reg, err := analysis.ParseRegistryCSV("fuzz", data)
		if err != nil {
			if reg != nil {
				t.Fatalf("parse returned both a registry and the error %v", err)
			}
			if analysis.ErrorCode(err) != analysis.EINVALID {
				t.Fatalf("parse error code: got %q, want %q (err %v)", analysis.ErrorCode(err), analysis.EINVALID, err)
			}
			return
		}
		if got, want := reg.Version, analysis.RegistryVersion(reg.Entries); got != want {
			t.Fatalf("version: got %q, want %q", got, want)
		}
		if len(reg.Entries) > len(data) {
			t.Fatalf("got %d entries from %d bytes", len(reg.Entries), len(data))
		}
		out := reg.CSV()
		back, err := analysis.ParseRegistryCSV("fuzz", out)
		if err != nil {
			t.Fatalf("CSV() of an accepted registry does not parse: %v\nCSV:\n%s", err, out)
		}
		if !reflect.DeepEqual(back.Entries, reg.Entries) {
			t.Fatalf("round trip changed the entries:\ngot  %#v\nwant %#v\nCSV:\n%s", back.Entries, reg.Entries, out)
		}
	})
}
