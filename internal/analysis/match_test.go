package analysis_test

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/shareddata"
)

// lexOf builds a lexicon from "pattern|frame|actor|valence" specs; frame,
// actor and valence may be left out (frame defaults to "f").
func lexOf(t testing.TB, specs ...string) *analysis.Lexicon {
	t.Helper()
	lex := &analysis.Lexicon{Name: "test"}
	for _, s := range specs {
		parts := strings.Split(s, "|")
		e := analysis.Entry{Pattern: parts[0]}
		if !e.Exclusion() {
			e.Frame = "f"
		}
		if len(parts) > 1 {
			e.Frame = parts[1]
		}
		if len(parts) > 2 {
			e.Actor = parts[2]
		}
		if len(parts) > 3 {
			if _, err := fmt.Sscan(parts[3], &e.Valence); err != nil {
				t.Fatalf("bad spec %q: %v", s, err)
			}
		}
		lex.Entries = append(lex.Entries, e)
	}
	return lex
}

// hitStrings renders hits as "Term=Pattern" for comparison.
func hitStrings(hits []analysis.Hit) []string {
	out := make([]string, 0, len(hits))
	for _, h := range hits {
		out = append(out, h.Term+"="+h.Pattern)
	}
	return out
}

// checkHitInvariants asserts what every result of Find must satisfy.
func checkHitInvariants(t *testing.T, text string, hits []analysis.Hit) {
	t.Helper()
	// Rune boundaries as decoding sees them: in invalid UTF-8 each bad byte
	// counts as one rune.
	boundary := make([]bool, len(text)+1)
	for i := 0; i < len(text); {
		boundary[i] = true
		_, n := utf8.DecodeRuneInString(text[i:])
		i += n
	}
	boundary[len(text)] = true
	for i, h := range hits {
		if h.Start < 0 || h.End > len(text) || h.Start >= h.End {
			t.Fatalf("hit %d %+v: span out of bounds for text of %d bytes", i, h, len(text))
		}
		if !boundary[h.Start] || !boundary[h.End] {
			t.Fatalf("hit %d %+v: span not on rune boundaries", i, h)
		}
		if got := text[h.Start:h.End]; got != h.Term {
			t.Fatalf("hit %d: text[%d:%d] = %q, Term = %q", i, h.Start, h.End, got, h.Term)
		}
		if h.Voice != "" {
			t.Fatalf("hit %d: Voice = %q, want empty (the engine sets it)", i, h.Voice)
		}
		if i > 0 {
			p := hits[i-1]
			same := p.Start == h.Start && p.End == h.End
			if !same && h.Start < p.End {
				t.Fatalf("hits %d %+v and %d %+v overlap or are out of order", i-1, p, i, h)
			}
		}
	}
}

func TestMatcherFind(t *testing.T) {
	cases := []struct {
		name    string
		entries []string
		text    string
		want    []string
	}{
		{"WordItself", []string{"rebel"}, "a rebel came", []string{"rebel=rebel"}},
		{"WordPlural", []string{"rebel"}, "Rebels came", []string{"Rebels=rebel"}},
		{"WordUpperCase", []string{"rebel"}, "REBELS CAME", []string{"REBELS=rebel"}},
		{"WordPossessiveStraight", []string{"rebel"}, "the rebel's gun", []string{"rebel's=rebel"}},
		{"WordPossessiveCurly", []string{"rebel"}, "the rebel’s gun", []string{"rebel’s=rebel"}},
		{"WordPluralPossessive", []string{"rebel"}, "the rebels' guns and the rebels’ guns",
			[]string{"rebels=rebel", "rebels=rebel"}},
		{"WordNotLongerWord", []string{"rebel"}, "the rebellion was rebellious", nil},
		{"WordNotInsideWord", []string{"aid"}, "he said the aides left", nil},
		{"WordNotAfterJoiner", []string{"rebel"}, "o'rebel", nil},
		{"WordNotBeforeDigit", []string{"rebel"}, "rebel2 rebel", []string{"rebel=rebel"}},
		{"WordEsPluralAfterSibilant", []string{"church", "aid"}, "churches and aides", []string{"churches=church"}},
		{"WordYPlural", []string{"ally"}, "allies, ally's, an ally", []string{"allies=ally", "ally's=ally", "ally=ally"}},
		{"WordInScareQuotes", []string{"rebel"}, "the ‘rebels’ and 'rebels'", []string{"rebels=rebel", "rebels=rebel"}},
		{"WildcardForms", []string{"jihadi*"}, "jihadi jihadis jihadist Jihadists’ JIHADISM",
			[]string{"jihadi=jihadi*", "jihadis=jihadi*", "jihadist=jihadi*", "Jihadists=jihadi*", "JIHADISM=jihadi*"}},
		{"WildcardNotInsideWord", []string{"jihadi*"}, "antijihadist", nil},
		{"WildcardAndWordSharePrefix", []string{"jihad", "jihadi*"}, "jihad jihads jihadists",
			[]string{"jihad=jihad", "jihads=jihad", "jihadists=jihadi*"}},
		{"PhraseSpace", []string{"armed groups"}, "the armed groups left", []string{"armed groups=armed groups"}},
		{"PhraseAcrossNewline", []string{"armed groups"}, "the armed\ngroups left", []string{"armed\ngroups=armed groups"}},
		{"PhraseAcrossCRLF", []string{"armed groups"}, "the armed\r\ngroups left", []string{"armed\r\ngroups=armed groups"}},
		{"PhraseManySpaces", []string{"armed groups"}, "armed \t  groups", []string{"armed \t  groups=armed groups"}},
		{"PhraseNotAcrossParagraph", []string{"armed groups"}, "they were armed\n\ngroups formed", nil},
		{"PhraseNotAcrossComma", []string{"armed groups"}, "armed, groups", nil},
		{"PhraseHyphenAsSpace", []string{"pro-government forces"}, "pro government forces", []string{"pro government forces=pro-government forces"}},
		{"PhraseHyphen", []string{"pro-government forces"}, "pro-government forces", []string{"pro-government forces=pro-government forces"}},
		{"PhraseEnDash", []string{"pro-government forces"}, "pro–government forces", []string{"pro–government forces=pro-government forces"}},
		{"PhraseSpaceAsHyphen", []string{"pro government forces"}, "Pro-Government Forces", []string{"Pro-Government Forces=pro government forces"}},
		{"PhraseHyphenAtLineBreak", []string{"pro-government forces"}, "pro-\ngovernment forces", []string{"pro-\ngovernment forces=pro-government forces"}},
		{"PhraseWildcardWord", []string{"moderate rebel*"}, "Moderate rebels and moderate rebellion",
			[]string{"Moderate rebels=moderate rebel*", "moderate rebellion=moderate rebel*"}},
		{"PhraseInflectsEveryWord", []string{"armed group"}, "armed groups", []string{"armed groups=armed group"}},
		{"PhrasePossessiveLastWord", []string{"Free Syrian Army"}, "the Free Syrian Army's men", []string{"Free Syrian Army's=Free Syrian Army"}},
		{"PhrasePluralPossessiveInside", []string{"rebel commander"}, "the rebels' commanders", []string{"rebels' commanders=rebel commander"}},
		{"PhraseIncomplete", []string{"Free Syrian Army"}, "the Free Syrian people", nil},
		{"PhraseAtEndOfText", []string{"Free Syrian Army"}, "the Free Syrian", nil},
		{"PhraseWithPunctuation", []string{"U.S. forces"}, "U.S. forces and US forces", []string{"U.S. forces=U.S. forces"}},
		{"ExclusionHidesLabel", []string{"rebel", "!rebel yell"}, "Rebel Yell played; the rebel ran",
			[]string{"rebel=rebel"}},
		{"ExclusionUsesUpItsWords", []string{"yell", "!rebel yell"}, "rebel yell", nil},
		{"ExclusionWinsTie", []string{"radical*", "!radically"}, "radically radicals", []string{"radicals=radical*"}},
		{"LongerLabelBeatsExclusion", []string{"!pro-government", "pro-government forces"}, "pro-government media; pro-government forces",
			[]string{"pro-government forces=pro-government forces"}},
		{"LongestMatchWins", []string{"armed", "groups", "armed groups"}, "armed groups", []string{"armed groups=armed groups"}},
		{"NoOverlap", []string{"security forces", "forces"}, "security forces", []string{"security forces=security forces"}},
		{"LeftmostFirst", []string{"Syrian government", "government forces"}, "Syrian government forces",
			[]string{"Syrian government=Syrian government"}},
		{"FallsBackToShorterEntry", []string{"government", "government forces"}, "government-held areas", []string{"government=government"}},
		{"ExactBeatsWildcardTie", []string{"rebel*", "rebel"}, "rebels", []string{"rebels=rebel"}},
		{"SamePatternTwoFrames", []string{"siege|a", "siege|b"}, "the siege", []string{"siege=siege", "siege=siege"}},
		{"CyrillicCaseFold", []string{"боевик*", "Москва"}, "БОЕВИКИ вошли в МОСКВА и москва",
			[]string{"БОЕВИКИ=боевик*", "МОСКВА=Москва", "москва=Москва"}},
		{"CyrillicNotInsideWord", []string{"боевик"}, "противобоевик", nil},
		{"ArabicWord", []string{"داعش"}, "قال إن داعش هاجم المدينة", []string{"داعش=داعش"}},
		{"ArabicPhrase", []string{"الجيش الحر"}, "قاتل الجيش\nالحر هنا", []string{"الجيش\nالحر=الجيش الحر"}},
		{"ArabicNotInsideWord", []string{"المعارضة"}, "والمعارضة", nil},
		{"GreekFinalSigma", []string{"αντάρτες"}, "ΟΙ ΑΝΤΆΡΤΕΣ ΚΑΙ οι αντάρτες", []string{"ΑΝΤΆΡΤΕΣ=αντάρτες", "αντάρτες=αντάρτες"}},
		{"OffsetsAfterMultibyteRunes", []string{"rebel"}, "“Ça va”, dit-il — Rebels…", []string{"Rebels=rebel"}},
		{"ApostropheInPattern", []string{"o'brien"}, "O’Brien and O'Brien's", []string{"O’Brien=o'brien", "O'Brien's=o'brien"}},
		{"EmptyText", []string{"rebel"}, "", nil},
		{"InvalidUTF8", []string{"rebel"}, "\xffrebel\xfe rebel\xc3", []string{"rebel=rebel", "rebel=rebel"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m, err := analysis.CompileLexicon(lexOf(t, tc.entries...))
			if err != nil {
				t.Fatalf("CompileLexicon: %v", err)
			}
			hits := m.Find(tc.text)
			checkHitInvariants(t, tc.text, hits)
			if got := hitStrings(hits); !slices.Equal(got, tc.want) {
				t.Errorf("Find(%q)\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestMatcherHitFields(t *testing.T) {
	lex := lexOf(t, "regime|delegitimizing|government|-1", "moderate rebel*|legitimizing|opposition|2")
	m, err := analysis.CompileLexicon(lex)
	if err != nil {
		t.Fatal(err)
	}
	text := "The regime shelled moderate rebels."
	got := m.Find(text)
	want := []analysis.Hit{
		{Term: "regime", Pattern: "regime", Frame: "delegitimizing", Actor: "government", Valence: -1, Start: 4, End: 10, Entry: 0},
		{Term: "moderate rebels", Pattern: "moderate rebel*", Frame: "legitimizing", Actor: "opposition", Valence: 2, Start: 19, End: 34, Entry: 1},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Find(%q)\n got %+v\nwant %+v", text, got, want)
	}
}

func TestMatcherKeepsOwnCopy(t *testing.T) {
	lex := lexOf(t, "rebel")
	m, err := analysis.CompileLexicon(lex)
	if err != nil {
		t.Fatal(err)
	}
	lex.Entries[0].Frame = "changed"
	if hits := m.Find("rebels"); len(hits) != 1 || hits[0].Frame != "f" {
		t.Errorf("after changing the lexicon, Find gives %+v, want one hit in frame %q", hits, "f")
	}
}

func TestCompileLexiconRejectsInvalid(t *testing.T) {
	_, err := analysis.CompileLexicon(lexOf(t, "rebel*s"))
	var ae *analysis.Error
	if !errors.As(err, &ae) || ae.Code != analysis.EINVALID {
		t.Fatalf("CompileLexicon(bad pattern) error = %v, want an *Error with code %q", err, analysis.EINVALID)
	}
	if _, err := analysis.CompileLexicon(nil); analysis.ErrorCode(err) != analysis.EINVALID {
		t.Errorf("CompileLexicon(nil) error = %v, want code %q", err, analysis.EINVALID)
	}
}

// TestDefaultLexiconOnRawSeed runs the shipped conflict-actors lexicon over
// the raw seed article (page chrome and READ MORE lines included, so rebel*
// counts five: one stands in a READ MORE line that cleaning removes).
func TestDefaultLexiconOnRawSeed(t *testing.T) {
	data, err := os.ReadFile(shareddata.Path(t, "seed", "000_cc1d012572213696.txt"))
	if err != nil {
		t.Fatal(err)
	}
	lex, err := analysis.DefaultLexicon("conflict-actors")
	if err != nil {
		t.Fatal(err)
	}
	m, err := analysis.CompileLexicon(lex)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	hits := m.Find(text)
	checkHitInvariants(t, text, hits)
	got := map[string]int{}
	for _, h := range hits {
		got[h.Pattern]++
	}
	want := map[string]int{
		"rebel*":            5,
		"militant*":         4,
		"jihadi*":           1,
		"terrorist*":        1,
		"radical*":          1,
		"extremist*":        1,
		"armed groups":      2,
		"Syrian Army":       1,
		"government forces": 1,
		"government":        1,
	}
	for p, n := range want {
		if got[p] != n {
			t.Errorf("pattern %q: %d hits, want %d", p, got[p], n)
		}
	}
	for p, n := range got {
		if _, ok := want[p]; !ok {
			t.Errorf("pattern %q: %d unexpected hits", p, n)
		}
	}
}
