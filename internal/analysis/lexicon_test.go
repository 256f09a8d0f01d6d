package analysis_test

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/framinglens/framinglens/internal/analysis"
)

// The -update flag rewrites golden files. It is declared here only when no
// other test file of the package has declared it, so that files written in
// parallel can share it.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files under testdata/")
	}
}

// lexUpdate reports whether the test run was asked to rewrite golden files.
func lexUpdate() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// lexGolden compares got with the golden file, or rewrites it under -update.
func lexGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if lexUpdate() {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run go test -update to create it): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run go test -update if the change is intended)\n got:\n%s\nwant:\n%s", path, got, want)
	}
}

// lexErrors asserts that err is a *LexiconError that unwraps to an *Error
// with code EINVALID, and returns its line errors.
func lexErrors(t *testing.T, err error) []analysis.LineError {
	t.Helper()
	if err == nil {
		t.Fatal("no error, want a *LexiconError")
	}
	var le *analysis.LexiconError
	if !errors.As(err, &le) {
		t.Fatalf("error %v (%T) is not a *LexiconError", err, err)
	}
	var ae *analysis.Error
	if !errors.As(err, &ae) || ae.Code != analysis.EINVALID {
		t.Fatalf("error %v does not unwrap to an *Error with code %q", err, analysis.EINVALID)
	}
	if analysis.ErrorMessage(err) != err.Error() {
		t.Errorf("ErrorMessage = %q, want the full message %q", analysis.ErrorMessage(err), err.Error())
	}
	return le.Errors
}

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "lexicon", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestParseLexiconCSV(t *testing.T) {
	lex, err := analysis.ParseLexiconCSV("native.csv", readFixture(t, "native.csv"))
	if err != nil {
		t.Fatalf("ParseLexiconCSV: %v", err)
	}
	want := &analysis.Lexicon{
		Name: "native.csv",
		Frames: []analysis.Frame{
			{Name: "neutral", Description: "Descriptive labels."},
			{Name: "delegitimizing", Description: "Labels that deny standing."},
		},
		Entries: []analysis.Entry{
			{Pattern: "rebel*", Frame: "neutral", Actor: "opposition", Valence: 0, Note: "rebels, fighters"},
			{Pattern: "terrorist*", Frame: "delegitimizing", Actor: "opposition", Valence: -2},
			{Pattern: "#FreeSyria", Frame: "neutral", Actor: "opposition"},
			{Pattern: "!rebel yell"},
		},
	}
	want.Version = analysis.LexiconVersion(want.Entries)
	if !reflect.DeepEqual(lex, want) {
		t.Errorf("ParseLexiconCSV\n got %+v\nwant %+v", lex, want)
	}
}

func TestParseLexiconCSVErrors(t *testing.T) {
	const head = "pattern,frame,actor,valence,note\n"
	cases := []struct {
		name     string
		csv      string
		wantLine int
		wantMsg  string
	}{
		{"EmptyFile", "", 1, "no header"},
		{"HeaderOnly", head, 0, "no entries"},
		{"HeaderLacksColumn", "pattern,frame,valence\nrebel,f,0\n", 1, "header lacks column(s) actor"},
		{"HeaderNamesColumnTwice", "pattern,frame,actor,valence,frame\nrebel,f,a,0,g\n", 1, `header names column "frame" twice`},
		{"WrongFieldCount", head + "rebel,f,a,0,n\nregime,f\n", 3, "2 fields, the header has 5"},
		{"BareQuote", head + "rebel,f,a,0,n\nreg\"ime,f,a,0,n\n", 3, `bare " in non-quoted-field`},
		{"ValenceNotInteger", head + "rebel,f,a,x,n\n", 2, `valence "x" is not an integer`},
		{"ValenceNotWhole", head + "rebel,f,a,1.5,n\n", 2, `valence "1.5" is not an integer`},
		{"ValenceTooHigh", head + "rebel,f,a,3,n\n", 2, `valence "3" out of range -2..2`},
		{"ValenceTooLow", head + "rebel,f,a,-3,n\n", 2, `valence "-3" out of range -2..2`},
		{"EmptyPattern", head + ",f,a,0,n\n", 2, "empty pattern"},
		{"EmptyExclusion", head + "!,,,0,n\n", 2, "empty pattern"},
		{"StarInsideWord", head + "reb*el,f,a,0,n\n", 2, `pattern "reb*el": '*' only at the end of a word`},
		{"StarAtWordStart", head + "*rebel,f,a,0,n\n", 2, `pattern "*rebel": '*' only at the end of a word`},
		{"StarAlone", head + "rebel *,f,a,0,n\n", 2, `pattern "rebel *": empty word before '*'`},
		{"DoubleStar", head + "rebel**,f,a,0,n\n", 2, `pattern "rebel**": empty word before '*'`},
		{"NoWord", head + "--,f,a,0,n\n", 2, `pattern "--": no word in pattern`},
		{"EmptyFrame", head + "rebel,,a,0,n\n", 2, `pattern "rebel" has an empty frame`},
		{"UndeclaredFrame", "# frame neutral: Plain.\n" + head + "rebel,nuetral,a,0,n\n", 3, `frame "nuetral" is not declared (declared: neutral)`},
		{"FrameDeclaredTwice", "# frame neutral: Plain.\n# frame neutral: Again.\n" + head + "rebel,neutral,a,0,n\n", 2, `frame "neutral" declared twice`},
		{"FrameCommentWithoutName", "# frame :\n" + head + "rebel,f,a,0,n\n", 1, "frame comment names no frame"},
		{"DuplicatePattern", head + "rebel*,f,a,0,n\nregime,f,a,0,n\nRebel*,f,b,1,n\n", 4, `duplicate pattern "Rebel*" (first on line 2)`},
		{"DuplicateAcrossHyphenVariant", head + "pro-government forces,f,a,0,n\npro government  forces,f,a,0,n\n", 3, `duplicate pattern "pro government  forces" (first on line 2)`},
		{"ExclusionAndLabel", head + "rebel yell,f,a,0,n\n!rebel yell,,,0,n\n", 3, `pattern "!rebel yell" is both an exclusion and a label (see line 2)`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			lex, err := analysis.ParseLexiconCSV("x.csv", []byte(tc.csv))
			if lex != nil {
				t.Errorf("got a lexicon %+v along with the error", lex)
			}
			errs := lexErrors(t, err)
			found := false
			for _, e := range errs {
				if e.Line == tc.wantLine && strings.HasPrefix(e.Msg, tc.wantMsg) {
					found = true
				}
			}
			if !found {
				t.Errorf("errors %+v lack {Line:%d Msg:%q...}", errs, tc.wantLine, tc.wantMsg)
			}
		})
	}
}

func TestParseLexiconCSVReportsAllErrors(t *testing.T) {
	csv := "pattern,frame,actor,valence,note\n" + // 1
		"rebel*,neutral,opposition,0,\n" + // 2
		"regime,neutral,government,-1,\n" + // 3
		"militant*,neutral,opposition,3,\n" + // 4
		"# a comment\n" + // 5
		"armed groups,neutral,opposition,0,\n" + // 6
		",neutral,opposition,0,\n" // 7
	_, err := analysis.ParseLexiconCSV("x.csv", []byte(csv))
	lexErrors(t, err)
	want := `lexicon x.csv: line 4: valence "3" out of range -2..2; line 7: empty pattern`
	if err.Error() != want {
		t.Errorf("error\n got %q\nwant %q", err.Error(), want)
	}

	_, err = analysis.ParseLexiconCSV("x.csv", nil)
	lexErrors(t, err)
	want = "lexicon x.csv: line 1: no header: the first line must name the columns pattern,frame,actor,valence,note"
	if err.Error() != want {
		t.Errorf("empty file: error\n got %q\nwant %q", err.Error(), want)
	}

	csv = "pattern,frame,actor,valence,note\n" + // 1
		"rebel*,neutral,opposition,x,\n" + // 2
		"reb*el,neutral,opposition,0,\n" + // 3
		"rebel*,,opposition,0,\n" + // 4
		"regime,neutral,government,-1,\n" + // 5
		"Regime,neutral,government,-1,\n" // 6
	_, err = analysis.ParseLexiconCSV("x.csv", []byte(csv))
	var lines []int
	for _, e := range lexErrors(t, err) {
		lines = append(lines, e.Line)
	}
	if want := []int{2, 3, 4, 6}; !slices.Equal(lines, want) {
		t.Errorf("error lines = %v, want %v (%v)", lines, want, err)
	}
}

func TestParseLexiconYAML(t *testing.T) {
	lex, err := analysis.ParseLexiconYAML("dictionary.yml", readFixture(t, "dictionary.yml"))
	if err != nil {
		t.Fatalf("ParseLexiconYAML: %v", err)
	}
	want := []analysis.Entry{
		{Pattern: "airstrike*", Frame: "violence"},
		{Pattern: "shelling", Frame: "violence"},
		{Pattern: "rebel*", Frame: "actors/opposition"},
		{Pattern: "armed groups", Frame: "actors/opposition"},
		{Pattern: "regime", Frame: "actors/government"},
		{Pattern: "army", Frame: "actors/government"},
		{Pattern: "ceasefire", Frame: "relief"},
	}
	if !slices.Equal(lex.Entries, want) {
		t.Errorf("entries\n got %+v\nwant %+v", lex.Entries, want)
	}
	var frames []string
	for _, f := range lex.Frames {
		frames = append(frames, f.Name)
	}
	if want := []string{"violence", "actors/opposition", "actors/government", "relief"}; !slices.Equal(frames, want) {
		t.Errorf("frames = %q, want %q", frames, want)
	}
	if lex.Version != analysis.LexiconVersion(want) {
		t.Errorf("Version = %q, want LexiconVersion of the entries %q", lex.Version, analysis.LexiconVersion(want))
	}
	lexGolden(t, filepath.Join("testdata", "lexicon", "dictionary.yml.csv"), lex.CSV())
}

func TestParseLexiconYAMLErrors(t *testing.T) {
	cases := []struct {
		name     string
		yaml     string
		wantLine int
		wantMsg  string
	}{
		{"Syntax", "a:\n  - x\n b: [y\n", 2, "YAML: did not find expected key"},
		{"NotAMapping", "- rebel\n", 1, "the dictionary must be a mapping"},
		{"PatternNotAString", "a:\n  - x\n  - [y, z]\n", 3, `category "a": a pattern must be a plain string`},
		{"NullCategory", "a:\nb: [x]\n", 1, `category "a" has no patterns`},
		{"BadPattern", "a:\n  - x\n  - '*y'\n", 3, `pattern "*y": '*' only at the end of a word`},
		{"Duplicate", "a:\n  - x\n  - y\n  - X\n", 4, `duplicate pattern "X" (first on line 2)`},
		{"Empty", "", 0, "no entries"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := analysis.ParseLexiconYAML("d.yml", []byte(tc.yaml))
			errs := lexErrors(t, err)
			found := false
			for _, e := range errs {
				if e.Line == tc.wantLine && strings.HasPrefix(e.Msg, tc.wantMsg) {
					found = true
				}
			}
			if !found {
				t.Errorf("errors %+v lack {Line:%d Msg:%q...}", errs, tc.wantLine, tc.wantMsg)
			}
		})
	}
}

func TestParseLexiconLIWC(t *testing.T) {
	lex, err := analysis.ParseLexiconLIWC("dictionary.dic", readFixture(t, "dictionary.dic"))
	if err != nil {
		t.Fatalf("ParseLexiconLIWC: %v", err)
	}
	want := []analysis.Entry{
		{Pattern: "rebel*", Frame: "actors"},
		{Pattern: "militant*", Frame: "actors"},
		{Pattern: "militant*", Frame: "violence"},
		{Pattern: "ceasefire", Frame: "relief"},
		{Pattern: "safe passage", Frame: "relief"},
		{Pattern: "shelling", Frame: "violence"},
	}
	if !slices.Equal(lex.Entries, want) {
		t.Errorf("entries\n got %+v\nwant %+v", lex.Entries, want)
	}
	wantFrames := []analysis.Frame{{Name: "violence"}, {Name: "actors", Description: "Conflict actors"}, {Name: "relief"}}
	if !slices.Equal(lex.Frames, wantFrames) {
		t.Errorf("frames = %+v, want %+v", lex.Frames, wantFrames)
	}
	lexGolden(t, filepath.Join("testdata", "lexicon", "dictionary.dic.csv"), lex.CSV())

	// A term in two categories gives a hit in each frame, on one span.
	m, err := analysis.CompileLexicon(lex)
	if err != nil {
		t.Fatal(err)
	}
	hits := m.Find("Militants broke the ceasefire.")
	var got []string
	for _, h := range hits {
		got = append(got, h.Term+"/"+h.Frame)
	}
	if want := []string{"Militants/actors", "Militants/violence", "ceasefire/relief"}; !slices.Equal(got, want) {
		t.Errorf("hits = %q, want %q", got, want)
	}
}

func TestParseLexiconLIWCErrors(t *testing.T) {
	cases := []struct {
		name     string
		dic      string
		wantLine int
		wantMsg  string
	}{
		{"NoOpeningPercent", "1\ta\n%\nx\t1\n", 1, "expected a % line opening the category header"},
		{"HeaderNotClosed", "%\n1\ta\n", 0, "the category header must open and close with a % line"},
		{"CategoryWithoutName", "%\n1\n%\nx\t1\n", 2, `category line "1" needs a number and a name`},
		{"CategoryNumberNotInteger", "%\none\ta\n%\nx\t1\n", 2, `category number "one" is not an integer`},
		{"CategoryTwice", "%\n1\ta\n1\tb\n%\nx\t1\n", 3, "category 1 defined twice (first on line 2)"},
		{"UnknownCategory", "%\n1\ta\n%\nx\t1\ny\t7\n", 5, `term "y": unknown category 7`},
		{"ConditionalCategory", "%\n1\ta\n%\nlike\t(02 134)125/464\n", 4, `category "(02" of term "like" is not a number`},
		{"TermWithoutCategory", "%\n1\ta\n%\nx\t1\ny\n", 5, `term "y" has no category`},
		{"BadTerm", "%\n1\ta\n%\nx*y\t1\n", 4, `pattern "x*y": '*' only at the end of a word`},
		{"DuplicateTerm", "%\n1\ta\n%\nx\t1\ny\t1\nx\t1\n", 6, `duplicate pattern "x" (first on line 4)`},
		{"ThirdPercent", "%\n1\ta\n%\nx\t1\n%\n", 5, "a third % line"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := analysis.ParseLexiconLIWC("d.dic", []byte(tc.dic))
			errs := lexErrors(t, err)
			found := false
			for _, e := range errs {
				if e.Line == tc.wantLine && strings.HasPrefix(e.Msg, tc.wantMsg) {
					found = true
				}
			}
			if !found {
				t.Errorf("errors %+v lack {Line:%d Msg:%q...}", errs, tc.wantLine, tc.wantMsg)
			}
		})
	}
}

func TestLexiconCSVRoundTrip(t *testing.T) {
	lexicons, err := analysis.DefaultLexicons()
	if err != nil {
		t.Fatal(err)
	}
	native, err := analysis.ParseLexiconCSV("native.csv", readFixture(t, "native.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lexicons = append(lexicons, native)
	yml, err := analysis.ParseLexiconYAML("dictionary.yml", readFixture(t, "dictionary.yml"))
	if err != nil {
		t.Fatal(err)
	}
	liwc, err := analysis.ParseLexiconLIWC("dictionary.dic", readFixture(t, "dictionary.dic"))
	if err != nil {
		t.Fatal(err)
	}
	lexicons = append(lexicons, yml, liwc, &analysis.Lexicon{
		Name:   "tricky",
		Frames: []analysis.Frame{{Name: "f", Description: "one\nline"}},
		Entries: []analysis.Entry{
			{Pattern: "#tag", Frame: "f", Actor: `a "quoted", actor`, Valence: -2, Note: "two\nlines"},
			{Pattern: "!x y", Note: "exclusion"},
		},
	})
	for _, lex := range lexicons {
		t.Run(lex.Name, func(t *testing.T) {
			back, err := analysis.ParseLexiconCSV(lex.Name, lex.CSV())
			if err != nil {
				t.Fatalf("ParseLexiconCSV(CSV()): %v", err)
			}
			want := *lex
			want.Version = analysis.LexiconVersion(lex.Entries)
			for i := range want.Frames {
				// Frame descriptions are kept on one comment line.
				want.Frames[i].Description = strings.ReplaceAll(want.Frames[i].Description, "\n", " ")
			}
			if !reflect.DeepEqual(back, &want) {
				t.Errorf("round trip\n got %+v\nwant %+v", back, &want)
			}
		})
	}
}

func TestLexiconVersion(t *testing.T) {
	base := []analysis.Entry{
		{Pattern: "rebel*", Frame: "neutral", Actor: "opposition"},
		{Pattern: "regime", Frame: "delegitimizing", Actor: "government", Valence: -1, Note: "n"},
	}
	v := analysis.LexiconVersion(base)
	if len(v) != 12 || strings.Trim(v, "0123456789abcdef") != "" {
		t.Fatalf("LexiconVersion = %q, want 12 lower-case hex digits", v)
	}
	// The version is a promise to stored results: it must not change for the
	// same entries from one release to the next.
	if want := analysis.LexiconVersion(slices.Clone(base)); v != want {
		t.Errorf("same entries give %q and %q", v, want)
	}
	if want := "a1bf6997eec4"; v != want {
		t.Errorf("LexiconVersion(base) = %q, want the stable %q", v, want)
	}

	t.Run("SameContentOtherLayout", func(t *testing.T) {
		a := "pattern,frame,actor,valence,note\nrebel*,neutral,opposition,0,\nregime,delegitimizing,government,-1,n\n"
		b := "\uFEFF# comment\n# frame neutral: x\n# frame delegitimizing: y\nvalence,note,actor,frame,pattern\n,,opposition,neutral, rebel*\n-1,n,government,delegitimizing,regime\n"
		la, err := analysis.ParseLexiconCSV("a", []byte(a))
		if err != nil {
			t.Fatal(err)
		}
		lb, err := analysis.ParseLexiconCSV("b", []byte(b))
		if err != nil {
			t.Fatal(err)
		}
		if la.Version != v || lb.Version != v {
			t.Errorf("versions %q and %q, want both %q", la.Version, lb.Version, v)
		}
	})

	changes := []struct {
		name   string
		change func([]analysis.Entry) []analysis.Entry
	}{
		{"Pattern", func(e []analysis.Entry) []analysis.Entry { e[0].Pattern = "rebels"; return e }},
		{"Frame", func(e []analysis.Entry) []analysis.Entry { e[0].Frame = "other"; return e }},
		{"Actor", func(e []analysis.Entry) []analysis.Entry { e[0].Actor = "other"; return e }},
		{"Valence", func(e []analysis.Entry) []analysis.Entry { e[1].Valence = -2; return e }},
		{"Note", func(e []analysis.Entry) []analysis.Entry { e[1].Note = "m"; return e }},
		{"Order", func(e []analysis.Entry) []analysis.Entry { e[0], e[1] = e[1], e[0]; return e }},
		{"Added", func(e []analysis.Entry) []analysis.Entry {
			return append(e, analysis.Entry{Pattern: "army", Frame: "neutral"})
		}},
		{"Removed", func(e []analysis.Entry) []analysis.Entry { return e[:1] }},
	}
	for _, c := range changes {
		t.Run("Changed"+c.name, func(t *testing.T) {
			if got := analysis.LexiconVersion(c.change(slices.Clone(base))); got == v {
				t.Errorf("version unchanged (%q) after changing the %s", got, c.name)
			}
		})
	}
}

func TestLexiconValidate(t *testing.T) {
	lex := &analysis.Lexicon{Name: "built", Entries: []analysis.Entry{
		{Pattern: "rebel*", Frame: "neutral"},
		{Pattern: "regime", Frame: "neutral", Valence: 5},
		{Pattern: "", Frame: "neutral"},
	}}
	err := lex.Validate()
	lexErrors(t, err)
	want := `lexicon built: entry 2: valence "5" out of range -2..2; entry 3: empty pattern`
	if err == nil || err.Error() != want {
		t.Errorf("Validate() = %v, want %q", err, want)
	}
	lex.Entries = lex.Entries[:1]
	if err := lex.Validate(); err != nil {
		t.Errorf("Validate() on a good lexicon = %v, want nil", err)
	}
}

func TestDefaultLexicons(t *testing.T) {
	names := analysis.DefaultLexiconNames()
	if want := []string{"conflict-actors", "humanitarian"}; !slices.Equal(names, want) {
		t.Fatalf("DefaultLexiconNames() = %q, want %q", names, want)
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			lex, err := analysis.DefaultLexicon(name)
			if err != nil {
				t.Fatalf("DefaultLexicon(%q): %v", name, err)
			}
			if lex.Name != name || lex.Version != analysis.LexiconVersion(lex.Entries) {
				t.Errorf("Name %q Version %q, want %q and the entries' version", lex.Name, lex.Version, name)
			}
			if len(lex.Frames) < 3 {
				t.Errorf("%d frames, want at least 3", len(lex.Frames))
			}
			for _, f := range lex.Frames {
				if f.Description == "" {
					t.Errorf("frame %q has no description", f.Name)
				}
			}
			if _, err := analysis.CompileLexicon(lex); err != nil {
				t.Errorf("CompileLexicon: %v", err)
			}
			// A copy: changing it does not change the next one.
			lex.Entries[0].Pattern = "changed"
			again, _ := analysis.DefaultLexicon(name)
			if again.Entries[0].Pattern == "changed" {
				t.Error("DefaultLexicon returned shared entries")
			}
		})
	}
	t.Run("Frames", func(t *testing.T) {
		lex, _ := analysis.DefaultLexicon("conflict-actors")
		var frames, actors []string
		for _, f := range lex.Frames {
			frames = append(frames, f.Name)
		}
		for _, e := range lex.Entries {
			if !e.Exclusion() && !slices.Contains(actors, e.Actor) {
				actors = append(actors, e.Actor)
			}
			if e.Exclusion() {
				continue
			}
			sign := map[string]func(int) bool{
				"delegitimizing": func(v int) bool { return v < 0 },
				"neutral":        func(v int) bool { return v == 0 },
				"legitimizing":   func(v int) bool { return v > 0 },
			}[e.Frame]
			if sign == nil || !sign(e.Valence) {
				t.Errorf("entry %q: valence %d does not fit frame %q", e.Pattern, e.Valence, e.Frame)
			}
		}
		if want := []string{"delegitimizing", "neutral", "legitimizing"}; !slices.Equal(frames, want) {
			t.Errorf("frames = %q, want %q", frames, want)
		}
		slices.Sort(actors)
		if want := []string{"government", "jihadist-groups", "opposition"}; !slices.Equal(actors, want) {
			t.Errorf("actors = %q, want %q", actors, want)
		}
	})
	t.Run("All", func(t *testing.T) {
		all, err := analysis.DefaultLexicons()
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, l := range all {
			got = append(got, l.Name)
		}
		if !slices.Equal(got, names) {
			t.Errorf("DefaultLexicons() names = %q, want %q", got, names)
		}
	})
	t.Run("Unknown", func(t *testing.T) {
		_, err := analysis.DefaultLexicon("nope")
		if analysis.ErrorCode(err) != analysis.ENOTFOUND {
			t.Errorf("DefaultLexicon(nope) error = %v, want code %q", err, analysis.ENOTFOUND)
		}
	})
}
