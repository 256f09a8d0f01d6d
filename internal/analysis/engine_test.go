package analysis_test

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/shareddata"
)

// update rewrites the package's golden files instead of comparing with them.
var update = flag.Bool("update", false, "rewrite golden files under testdata/")

func mustEngine(tb testing.TB) *analysis.Engine {
	tb.Helper()
	ls, err := analysis.DefaultLexicons()
	if err != nil {
		tb.Fatalf("DefaultLexicons: %v", err)
	}
	reg, err := analysis.DefaultRegistry("syria-2016")
	if err != nil {
		tb.Fatalf("DefaultRegistry: %v", err)
	}
	e, err := analysis.NewEngine(analysis.MergeLexicons("default", ls...), reg)
	if err != nil {
		tb.Fatalf("NewEngine: %v", err)
	}
	return e
}

func readSeed(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(shareddata.Path(t, "seed", "000_cc1d012572213696.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// countPattern counts hits of one lexicon pattern, in all voices and in one.
func countPattern(r *analysis.Result, pattern string) (all int, byVoice map[analysis.Voice]int) {
	byVoice = map[analysis.Voice]int{}
	for _, h := range r.Hits {
		if h.Pattern == pattern {
			all++
			byVoice[h.Voice]++
		}
	}
	return all, byVoice
}

// TestSeed holds the engine to what issue 2 says it must get exactly right on
// the seed article.
func TestSeed(t *testing.T) {
	r, err := mustEngine(t).Analyze(analysis.Input{Text: readSeed(t)})
	if err != nil {
		t.Fatalf("Analyze(seed): %v", err)
	}
	if want := "US withdraws Aleppo proposals, says no consultations yet – Lavrov"; r.Title != want {
		t.Errorf("title = %q, want %q", r.Title, want)
	}
	if want := "2016-12-06T09:15:00Z"; r.Published != want {
		t.Errorf("published = %q, want %q", r.Published, want)
	}
	for _, debris := range []string{"icon", "READ MORE", "bookmark"} {
		if strings.Contains(r.Text, debris) {
			t.Errorf("body still contains %q", debris)
		}
	}
	terms := []struct {
		pattern string
		all     int
		quoted  int
	}{
		{"rebel*", 4, 0},
		{"militant*", 4, 1},
		{"jihadi*", 1, 0},
		{"terrorist*", 1, 0},
		{"radical*", 1, 1},
		{"extremist*", 1, 1},
		{"armed groups", 2, 0},
	}
	for _, tt := range terms {
		all, byVoice := countPattern(r, tt.pattern)
		if all != tt.all || byVoice[analysis.VoiceQuoted] != tt.quoted {
			t.Errorf("%s: %d hits, %d quoted; want %d, %d quoted", tt.pattern, all, byVoice[analysis.VoiceQuoted], tt.all, tt.quoted)
		}
	}
	var direct []analysis.Quote
	for _, q := range r.Quotes {
		if q.Kind == analysis.QuoteDirect {
			direct = append(direct, q)
		}
	}
	if len(direct) != 4 {
		t.Errorf("%d direct quotes, want 4", len(direct))
	}
	for _, q := range direct {
		if q.Speaker != "Sergey Lavrov" {
			t.Errorf("direct quote %q… by %q, want Sergey Lavrov", clip(q.Text), q.Speaker)
		}
		if q.Side == "united-states" {
			t.Errorf("direct quote from the US side: %q", clip(q.Text))
		}
	}
	russiaSide := ""
	for _, q := range r.Quotes {
		mention := strings.ToLower(q.Mention + " " + q.Speaker)
		if strings.Contains(mention, "lavrov") || strings.Contains(mention, "moscow") || strings.Contains(mention, "russia") {
			if russiaSide == "" {
				russiaSide = q.Side
			}
			if q.Side != russiaSide || q.Side == analysis.SideUnassigned {
				t.Errorf("attribution to %q (%q) on side %q, want every Russian-government attribution on one side (%q)", q.Speaker, q.Mention, q.Side, russiaSide)
			}
		}
	}
	if russiaSide == "" {
		t.Error("no attribution to Lavrov, Moscow or Russia found")
	}
	if r.Balance >= 0.5 {
		t.Errorf("balance = %.3f, want below 0.5", r.Balance)
	}
	if len(r.Sources) == 0 || r.Sources[0].Name != "Sergey Lavrov" {
		t.Errorf("top source = %+v, want Sergey Lavrov first", r.Sources)
	}
	checkGolden(t, "seed.summary", summarize(r))
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:40]
	}
	return s
}

// summarize renders the numbers of a result without its text, so the seed's
// golden file holds no third-party prose.
func summarize(r *analysis.Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "published %s\nwords %d\nbalance %.4f\nbalance_words %.4f\nunassigned %d\n", r.Published, r.Words, r.Balance, r.BalanceWords, r.Unassigned)
	fmt.Fprintf(&b, "versions engine=%s\n", r.Versions.Engine)
	for _, e := range r.Entries {
		fmt.Fprintf(&b, "entry %-24s %-16s %-12s count=%d own=%d quoted=%d reported=%d\n", e.Pattern, e.Frame, e.Actor, e.Count, e.Own, e.Quoted, e.Reported)
	}
	frames := make([]string, 0, len(r.Frames))
	for f := range r.Frames {
		frames = append(frames, f)
	}
	sort.Strings(frames)
	for _, f := range frames {
		c := r.Frames[f]
		fmt.Fprintf(&b, "frame %-24s count=%d own=%d quoted=%d reported=%d per_1000=%.2f\n", f, c.Count, c.Own, c.Quoted, c.Reported, c.Per1000)
	}
	for _, h := range r.Hits {
		fmt.Fprintf(&b, "hit %d-%d %s %s%s%s\n", h.Start, h.End, h.Pattern, h.Voice, flagIf(h.ScareQuote, " scare"), flagIf(h.SoCalled, " so-called"))
	}
	for _, q := range r.Quotes {
		fmt.Fprintf(&b, "quote %s %d-%d words=%d speaker=%q side=%s cue=%q\n", q.Kind, q.Start, q.End, q.Words, q.Speaker, q.Side, q.Cue)
	}
	for _, s := range r.Sources {
		fmt.Fprintf(&b, "source %q side=%s direct=%d reported=%d words=%d\n", s.Name, s.Side, s.Direct, s.Reported, s.Words)
	}
	sides := make([]string, 0, len(r.Sides))
	for s := range r.Sides {
		sides = append(sides, s)
	}
	sort.Strings(sides)
	for _, s := range sides {
		fmt.Fprintf(&b, "side %s share=%.4f words_share=%.4f\n", s, r.Sides[s], r.SidesWords[s])
	}
	return b.String()
}

func flagIf(on bool, s string) string {
	if on {
		return s
	}
	return ""
}

// checkGolden compares got with testdata/golden/NAME, or rewrites it with -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden %s: %v (run go test -update to create it)", path, err)
	}
	if got != string(want) {
		t.Errorf("%s differs from golden file (run go test -update and review the diff):\n%s", name, lineDiff(string(want), got))
	}
}

// lineDiff lists the lines only in want (-) and only in got (+).
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	inW, inG := map[string]int{}, map[string]int{}
	for _, l := range w {
		inW[l]++
	}
	for _, l := range g {
		inG[l]++
	}
	var b strings.Builder
	for _, l := range w {
		if inG[l] == 0 {
			fmt.Fprintf(&b, "- %s\n", l)
		}
	}
	for _, l := range g {
		if inW[l] == 0 {
			fmt.Fprintf(&b, "+ %s\n", l)
		}
	}
	return b.String()
}

// TestGoldenArticles runs the engine over articles written for these tests
// (testdata/articles/*.txt) and compares the whole JSON result.
func TestGoldenArticles(t *testing.T) {
	eng := mustEngine(t)
	files, err := filepath.Glob(filepath.Join("testdata", "articles", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no test articles: %v", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			r, err := eng.Analyze(analysis.Input{Text: string(b)})
			if err != nil {
				t.Fatalf("Analyze: %v", err)
			}
			out, err := json.MarshalIndent(r, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, name+".json", string(out)+"\n")
		})
	}
}

func TestAnalyzeRejects(t *testing.T) {
	eng := mustEngine(t)
	tests := []struct {
		name, text, want string
	}{
		{"Empty", "", "empty"},
		{"Whitespace", " \n\t\n", "empty"},
		{"NotUTF8", "caf\xe9 au lait", "undecodable"},
		{"NULBytes", "PK\x03\x04\x00\x00binary", "binary"},
		{"OnlyChrome", "READ MORE: something elsewhere\n\nShare this article", "no article text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := eng.Analyze(analysis.Input{Text: tt.text})
			if err == nil {
				t.Fatalf("Analyze(%q) succeeded, want an error containing %q", tt.text, tt.want)
			}
			if analysis.ErrorCode(err) != analysis.EINVALID || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v (code %s), want EINVALID containing %q", err, analysis.ErrorCode(err), tt.want)
			}
		})
	}
}

func TestAnalyzeExcludesFalsePositives(t *testing.T) {
	eng := mustEngine(t)
	text := "Rebels shelled the town.\n\nThe rebels withdrew on Monday."
	r, err := eng.Analyze(analysis.Input{Text: text, Precleaned: true, Meta: analysis.Meta{Title: "t"}})
	if err != nil {
		t.Fatal(err)
	}
	n, _ := countPattern(r, "rebel*")
	if n != 2 {
		t.Fatalf("rebel* hits = %d, want 2", n)
	}
	first := r.Hits[0]
	r2, err := eng.Analyze(analysis.Input{Text: text, Precleaned: true, Meta: analysis.Meta{Title: "t"}, Exclude: []analysis.Span{{Start: first.Start, End: first.End}}})
	if err != nil {
		t.Fatal(err)
	}
	if n2, _ := countPattern(r2, "rebel*"); n2 != 1 {
		t.Errorf("rebel* hits after excluding one = %d, want 1", n2)
	}
	if r2.Text != text {
		t.Errorf("precleaned text changed: %q", r2.Text)
	}
}

// TestShippedExclusions checks the exclusions of the shipped lexicons
// against the uses they keep: "opposition" as a stance is no label, the
// opposition as a camp is one; military aid is no relief, aid is.
func TestShippedExclusions(t *testing.T) {
	eng := mustEngine(t)
	tests := []struct {
		text, pattern string
		want          int
	}{
		{"Voters voiced their opposition to the deal on Monday.", "opposition", 0},
		{"The accord faces fierce opposition from Republicans in Congress.", "opposition", 0},
		{"He stood alone in opposition to the whole world.", "opposition", 0},
		{"The Syrian opposition rejected the plan on Monday.", "opposition", 1},
		{"Moscow urged the opposition to accept the ceasefire.", "opposition", 1},
		{"The armed opposition to the regime held the east of the city.", "armed opposition", 1},
		{"The sanctions regime has hurt the economy.", "regime", 0},
		{"The regime shelled the eastern districts again.", "regime", 1},
		{"Congress cut military aid to Egypt.", "aid", 0},
		{"The convoy brought aid to the besieged districts.", "aid", 1},
		{"The foreign aid worker was freed on Monday.", "foreign aid worker", 1},
	}
	for _, tc := range tests {
		r, err := eng.Analyze(analysis.Input{Text: tc.text, Precleaned: true, Meta: analysis.Meta{Title: "t"}})
		if err != nil {
			t.Fatal(err)
		}
		if n, _ := countPattern(r, tc.pattern); n != tc.want {
			t.Errorf("%q: %s hits = %d, want %d", tc.text, tc.pattern, n, tc.want)
		}
	}
}

func TestVoicesAndSoCalled(t *testing.T) {
	eng := mustEngine(t)
	text := "The so-called rebels held the east.\n\n" +
		"“We will never talk to terrorists,” the minister said.\n\n" +
		"The army said that militants had fired first."
	r, err := eng.Analyze(analysis.Input{Text: text, Precleaned: true, Meta: analysis.Meta{Title: "t"}})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		voice    analysis.Voice
		soCalled bool
	}{
		"rebels":     {analysis.VoiceOwn, true},
		"terrorists": {analysis.VoiceQuoted, false},
		"militants":  {analysis.VoiceReported, false},
	}
	for _, h := range r.Hits {
		w, ok := want[strings.ToLower(h.Term)]
		if !ok {
			continue
		}
		if h.Voice != w.voice || h.SoCalled != w.soCalled {
			t.Errorf("%s: voice %s so-called %v, want %s %v", h.Term, h.Voice, h.SoCalled, w.voice, w.soCalled)
		}
		delete(want, strings.ToLower(h.Term))
	}
	for term := range want {
		t.Errorf("no hit for %q", term)
	}
}

// allsidesTexts reads the shared corpus's article bodies.
func allsidesTexts(tb testing.TB) []string {
	tb.Helper()
	f, err := os.Open(shareddata.Path(tb, "data", "allsides-abp", "articles.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var texts []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var a struct {
			Content string `json:"content_original"`
		}
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			tb.Fatal(err)
		}
		texts = append(texts, a.Content)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return texts
}

// BenchmarkAnalyze runs the whole engine over the 2,000 allsides articles;
// the goal is at least 100 MB/s on one core (go test -bench Analyze -cpu 1).
func BenchmarkAnalyze(b *testing.B) {
	eng := mustEngine(b)
	texts := allsidesTexts(b)
	total := 0
	for _, t := range texts {
		total += len(t)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			_, _ = eng.Analyze(analysis.Input{Text: t})
		}
	}
}

// BenchmarkAnalyzeOneLongText analyses 800 AllSides articles joined into
// one text of 5.7 MB. Against BenchmarkAnalyze's rate it shows what a long
// document costs beyond its length: the searches over an article's quotes,
// speakers and used cues must not grow with their number. (They did: two
// name tests searched the whole body on every call, until they kept what
// they read; each pronoun read every mention and each surname was sought
// to the body's end, until those became searches: speakerRuns,
// surnameOffsets.)
func BenchmarkAnalyzeOneLongText(b *testing.B) {
	benchAnalyzeText(b, strings.Join(allsidesTexts(b)[:800], "\n\n"))
}

// BenchmarkAnalyzeDenseQuotes analyses 80 KB of a fuzzer's find: quote
// marks every few bytes in one paragraph with no sentence end. Each
// quote's attribution once read the whole paragraph back; it now reads a
// bounded stretch (quoteBeforeReach).
func BenchmarkAnalyzeDenseQuotes(b *testing.B) {
	benchAnalyzeText(b, strings.Repeat("0\" Ban A00 A00''0''\"0", 4000))
}

// BenchmarkAnalyzeQuestions analyses 800 KB of one paragraph: "Why? "
// 80,000 times, a reported "Obama said", then "why? " 80,000 times. Each
// sentence-end search once read the stretch to the paragraph's end (after
// the cue) or to the cue (before it, since findReported reads forward)
// for every '?' on the way; quoteStops reads each mark's bytes once.
func BenchmarkAnalyzeQuestions(b *testing.B) {
	benchAnalyzeText(b, strings.Repeat("Why? ", 80000)+"Obama said "+strings.Repeat("why? ", 80000)+"the plan works.")
}

// BenchmarkAnalyzeDottedWords analyses 780 KB of one word of letter pairs
// and periods ("Ab.Cd.Ef...."): the tokenizer asks at each period whether
// it closes an abbreviation, and quoteAbbrevBefore once read the whole
// dotted word back for each (a byte at a time, and later with its letters
// read eight at a time); it now stops at the first period.
func BenchmarkAnalyzeDottedWords(b *testing.B) {
	benchAnalyzeText(b, strings.Repeat("Ab.Cd.Ef.Gh.Ij.Kl.Mn.Op.Qr.St.Uv.Wx.Yz.", 20000)+" said “x.”")
}

// BenchmarkAnalyzeBareDescriptions analyses 512 KB of one paragraph of
// "“...,” the official said": definiteDescriptions once read every quote
// of the paragraph back for each; it now reads at most
// quoteDescriptionQuotes of them.
func BenchmarkAnalyzeBareDescriptions(b *testing.B) {
	benchAnalyzeText(b, strings.Repeat("“We are waiting here,” the official said. ", 12483))
}

// BenchmarkAnalyzePronounQuotes analyses 288 KB of one paragraph of
// "“Yes,” he said.": speakerQuoteOpenBefore once walked back over the
// paragraph's marks one by one for each quote. capsCover's list of
// stretches, one per pronoun here, is searched rather than walked for the
// same reason.
func BenchmarkAnalyzePronounQuotes(b *testing.B) {
	benchAnalyzeText(b, strings.Repeat("“Yes,” he said. ", 16000))
}

// benchAnalyzeText runs the engine over one text, as one article.
func benchAnalyzeText(b *testing.B, text string) {
	eng := mustEngine(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := eng.Analyze(analysis.Input{Text: text}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAnalyzeRepeated analyses each allsides article five times in a
// row. It is not a goal but a bound: with an article's text and tables in
// cache and its branches learnt, it shows how much of BenchmarkAnalyze's
// time is the cost of meeting each article cold, which tuning of the
// stages cannot take away.
func BenchmarkAnalyzeRepeated(b *testing.B) {
	const reps = 5
	eng := mustEngine(b)
	texts := allsidesTexts(b)
	total := 0
	for _, t := range texts {
		total += len(t)
	}
	b.SetBytes(int64(total * reps))
	for b.Loop() {
		for _, t := range texts {
			for range reps {
				_, _ = eng.Analyze(analysis.Input{Text: t})
			}
		}
	}
}

// TestAnalyzeAllsides runs the engine over the whole shared corpus: every
// article analyses, offsets are in range, and rates add up.
func TestAnalyzeAllsides(t *testing.T) {
	eng := mustEngine(t)
	texts := allsidesTexts(t)
	analysed, hits, quotes := 0, 0, 0
	for i, text := range texts {
		r, err := eng.Analyze(analysis.Input{Text: text})
		if err != nil {
			continue
		}
		analysed++
		hits += len(r.Hits)
		quotes += len(r.Quotes)
		for _, h := range r.Hits {
			if h.Start < 0 || h.End > len(r.Text) || h.Start >= h.End || !strings.EqualFold(r.Text[h.Start:h.End], h.Term) {
				t.Fatalf("article %d: hit %+v out of place", i, h)
			}
		}
		for _, q := range r.Quotes {
			if q.Start < 0 || q.End > len(r.Text) || q.Start > q.End || r.Text[q.Start:q.End] != q.Text {
				t.Fatalf("article %d: quote %+v out of place", i, q)
			}
		}
		if r.Balance < 0 || r.Balance > 1 {
			t.Fatalf("article %d: balance %v out of [0,1]", i, r.Balance)
		}
		// The corpus's bodies have no headline of their own: what is
		// found must not be page furniture, a caption or a byline.
		switch title := r.Title; {
		case strings.HasPrefix(title, "Story highlights"), strings.HasPrefix(title, "CLOSE "),
			strings.HasSuffix(title, "/Reuters)"), title == "Sunday", title == "Scott Jennings", strings.HasPrefix(title, "LISTEN TO"):
			t.Errorf("article %d: title %q is no headline", i, title)
		}
	}
	t.Logf("allsides: %d of %d articles analysed, %d hits, %d quotes", analysed, len(texts), hits, quotes)
	if analysed < len(texts)*99/100 {
		t.Errorf("only %d of %d articles analysed", analysed, len(texts))
	}
}

// TestSingleLineIsText keeps a one-line paste: cleaning takes the line for a
// title, and the engine keeps it as the text too rather than rejecting it.
func TestSingleLineIsText(t *testing.T) {
	r, err := mustEngine(t).Analyze(analysis.Input{Text: "Rebels shelled the government-held district on Monday."})
	if err != nil {
		t.Fatalf("Analyze: %v", err)
	}
	if r.Words != 8 || len(r.Hits) == 0 {
		t.Errorf("words = %d, hits = %d; want 8 words and the rebel* hit", r.Words, len(r.Hits))
	}
}

// TestAnalyzeConcurrent runs one engine from several goroutines, as the
// server does: its speaker cache and the matcher's pooled buffers are
// shared, and every result must equal the one a lone call gives (run it
// with -race).
func TestAnalyzeConcurrent(t *testing.T) {
	texts := allsidesTexts(t)[:200]
	want := make([]string, len(texts))
	seq := mustEngine(t)
	for i, text := range texts {
		r, err := seq.Analyze(analysis.Input{Text: text})
		b, _ := json.Marshal(r)
		want[i] = fmt.Sprint(err) + string(b)
	}
	eng := mustEngine(t)
	const workers = 4
	errs := make(chan string, workers)
	for w := range workers {
		go func() {
			for k := range texts {
				i := (k*7 + w*53) % len(texts)
				r, err := eng.Analyze(analysis.Input{Text: texts[i]})
				b, _ := json.Marshal(r)
				if got := fmt.Sprint(err) + string(b); got != want[i] {
					errs <- fmt.Sprintf("article %d differs when analysed concurrently", i)
					return
				}
			}
			errs <- ""
		}()
	}
	for range workers {
		if msg := <-errs; msg != "" {
			t.Error(msg)
		}
	}
}

// TestSpeakerCaseMerged checks that an article's speakers that differ only
// in letter case are one source, named by the form most of their quotes
// carry, then by the form that is lower case where they first differ.
func TestSpeakerCaseMerged(t *testing.T) {
	eng := mustEngine(t)
	tests := []struct {
		name, text string
		want       []analysis.Source // name, side, direct, reported
	}{
		{
			name: "TieTakesLowerCase",
			text: "Road closed after crash\n\nPolice said the road was closed for the whole night.\n\n" +
				"Hours later, police said that the driver had fled the scene on foot.",
			want: []analysis.Source{{Name: "police", Reported: 2}},
		},
		{
			name: "MajorityWins",
			text: "Talks resume in Geneva\n\nOfficials said the talks would resume on Monday morning.\n\n" +
				"Officials said the agenda had been agreed in advance.\n\n" +
				"On Friday, officials said that the delegations had arrived.",
			want: []analysis.Source{{Name: "Officials", Reported: 3}},
		},
		{
			name: "OtherNamesStayApart",
			text: "Talks resume in Geneva\n\nWitnesses said the convoy left at dawn with forty trucks.\n\n" +
				"Officials said the agenda had been agreed in advance.",
			want: []analysis.Source{{Name: "Witnesses", Reported: 1}, {Name: "Officials", Reported: 1}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := eng.Analyze(analysis.Input{Text: tc.text})
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Sources) != len(tc.want) {
				t.Fatalf("sources = %+v, want %d", r.Sources, len(tc.want))
			}
			for i, w := range tc.want {
				if g := r.Sources[i]; g.Name != w.Name || g.Direct != w.Direct || g.Reported != w.Reported {
					t.Errorf("source %d = %+v, want %s with %d direct, %d reported", i, g, w.Name, w.Direct, w.Reported)
				}
			}
			for _, q := range r.Quotes {
				if q.Speaker != "" && strings.EqualFold(q.Speaker, tc.want[0].Name) && q.Speaker != tc.want[0].Name {
					t.Errorf("quote %q keeps speaker %q, want %q", q.Text, q.Speaker, tc.want[0].Name)
				}
			}
		})
	}
}

// TestSpeakerCaseMergedManyForms checks the merge past 32 distinct speaker
// forms, where mergeSpeakerCase finds case variants by a map of their
// folds rather than pairwise: "Police" and "police" are still one source.
func TestSpeakerCaseMergedManyForms(t *testing.T) {
	eng := mustEngine(t)
	var b strings.Builder
	b.WriteString("Town meeting\n\nPolice said the road was closed for the whole night.\n\n")
	for i := range 40 {
		fmt.Fprintf(&b, "Mr. %s said the road had been closed on day %d.\n\n", strings.Repeat("Xy", i+1)+"son", i+1)
	}
	b.WriteString("Hours later, police said that the driver had fled the scene on foot.")
	r, err := eng.Analyze(analysis.Input{Text: b.String()})
	if err != nil {
		t.Fatal(err)
	}
	var police []analysis.Source
	for _, s := range r.Sources {
		if strings.EqualFold(s.Name, "police") {
			police = append(police, s)
		}
	}
	if len(r.Sources) < 34 || len(police) != 1 || police[0].Name != "police" || police[0].Reported != 2 {
		t.Errorf("%d sources, police sources = %+v, want over 33 sources and one \"police\" with 2 reported", len(r.Sources), police)
	}
}

// TestSpeakerPhraseEdges checks speakers at the edges of their phrases: a
// sentence-initial preposition, conjunction or clause is not part of the
// speaker, a transcript label is a name, a surname that is also a title
// names the person, and a person named again is the one a later pronoun
// means.
func TestSpeakerPhraseEdges(t *testing.T) {
	eng := mustEngine(t)
	tests := []struct {
		name, text, quote, want string
	}{
		{"LeadingPreposition",
			"Probe widens\n\nWith the FBI acknowledging that it is now investigating a possible act of terrorism, the city closed its schools.",
			"it is now investigating", "FBI"},
		{"LeadingClause",
			"Strikes go on\n\nPresident Barack Obama returned from his trip on Friday.\n\nWhen Congress was on summer break, the president ordered strikes on the group, saying the raids would protect American staff.",
			"the raids would protect", "Barack Obama"},
		{"LeadingConjunction",
			"Talks stall\n\nRep. Peter King spoke on Sunday.\n\nBut King lambasted the Democrats, saying they offer a limited view of the threat.",
			"they offer a limited view", "Peter King"},
		{"AtLeast",
			"Games open\n\nAt least two countries warned about threats to their citizens and athletes.",
			"threats to their citizens", "two countries"},
		{"SurnameThatIsATitle",
			"Talks stall\n\nRep. Peter King spoke on Sunday.\n\nKing said the group is a threat far beyond Iraq and Syria.",
			"the group is a threat", "Peter King"},
		{"NameAfterPlaceInTitle",
			"Strikes debated\n\nFormer U.S. Ambassador to the United Nations John Bolton told Fox News that this is war and not law enforcement.",
			"this is war and not", "John Bolton"},
		{"NameAfterPlaceInTitleTwo",
			"Vote at the UN\n\nU.S. Ambassador to the United Nations Nikki Haley said the vote would be remembered for a long time.",
			"the vote would be remembered", "Nikki Haley"},
		{"NameAfterBy",
			"Ruling\n\n\"The order was lawful on its face and should stand until the appeal is heard,\" says the dissent by Judge Paul Niemeyer.",
			"order was lawful", "Paul Niemeyer"},
		{"PersonOfPlace",
			"Senate reacts\n\nRepublican Senator Lindsey Graham of South Carolina said the withdrawal emboldened the group.",
			"the withdrawal emboldened", "Lindsey Graham"},
		{"PersonOfInstitution",
			"Strikes debated\n\nBruce Riedel of the Brookings Institution said the strikes would not end the war.",
			"the strikes would not end", "Bruce Riedel"},
		{"OfInsideTitle",
			"Strikes debated\n\nU.S. Joint Chiefs of Staff Chairman Martin Dempsey said the group had changed its tactics.",
			"the group had changed", "Martin Dempsey"},
		{"PersonOfInstitutionWithOf",
			"Airport reopens\n\n\"I find this totally astonishing,\" said Professor Larry Kobilinsky of the John Jay College of Criminal Justice.",
			"totally astonishing", "Larry Kobilinsky"},
		{"TitleToPlaceBeforeName",
			"Embassy\n\nU.S. Ambassador to Israel David Friedman said the embassy would open in May.",
			"the embassy would open", "David Friedman"},
		{"UnknownFirstNameAfterLongTitle",
			"Gas attack\n\nU.N. Special Rapporteur for Human Rights Navanethem Pillai said the allegations were exceptionally grave.",
			"the allegations were exceptionally grave", "Navanethem Pillai"},
		{"SomeoneElsesSpokesman",
			"Bill stalls\n\nA spokesman for Sen. Bill Nelson said the senator would seek changes to the bill.",
			"the senator would seek", "spokesman for Sen. Bill Nelson"},
		{"DescriptorsBeforeTitle",
			"Talks in Paris\n\nFrench Foreign Minister Laurent Fabius said the talks had reached a turning point.",
			"the talks had reached", "Laurent Fabius"},
		{"DescriptorsBeforeTitleThenSurname",
			"Vote delayed\n\nTennessee Sen. Bob Corker said the vote would wait a week.\n\nCorker said the committee needed the time to read the text.",
			"the committee needed", "Bob Corker"},
		{"MonthSurname",
			"Brexit talks\n\nBritish Prime Minister Theresa May said the country would leave the union on time.",
			"the country would leave", "Theresa May"},
		{"ModalFirstName",
			"Border wall\n\nTexas Rep. Will Hurd said the wall was the most expensive way to secure the border.",
			"the wall was the most expensive", "Will Hurd"},
		{"PronounGoesOnWithTheSpeaker",
			"Trump, Macron spar\n\nPresident Donald Trump met French President Emmanuel Macron in London on Tuesday.\n\n" +
				"\"Would you like some nice fighters from the camps?\" Trump asked Macron. \"They are all yours to take back home,\" he said.",
			"They are all yours", "Donald Trump"},
		{"PronounAfterReportedSpeech",
			"Strike weighed\n\n\"A response is needed to keep the threat away from us,\" White House spokesman Jay Carney said.\n\n" +
				"Sen. Carl Levin said in a statement that he was briefed this morning by the administration. " +
				"\"The president is considering a broad range of options,\" he said.",
			"broad range of options", "Carl Levin"},
		{"PronounAfterNewSubject",
			"Talks\n\nThe minister added that talks with Moscow would continue next week.\n\n" +
				"UN envoy Staffan de Mistura, who met both delegations, was more cautious. \"I have seen many ceasefires collapse,\" he said.",
			"many ceasefires collapse", "Staffan de Mistura"},
		{"PlaceRunIntoName",
			"Storm\n\nGovernor of New York Andrew Cuomo said the state would send help to the coast.",
			"the state would send help", "Andrew Cuomo"},
		{"GivenNameTheListsLack",
			"Peace plan\n\nAaron David Miller said the plan had no chance of working at all.",
			"the plan had no chance", "Aaron David Miller"},
		{"WholeSpeakerAlias",
			"Weapons\n\nSyria said on Monday it would not use chemical weapons. A Syria expert said that the claim was hollow.",
			"would not use chemical weapons", "Syrian government"},
		{"NamedAgainThenPronoun",
			"Deal in doubt\n\nQasim Dawoodzai said: \"Do not trust them at all, not for a moment.\"\n\n" +
				"President Barack Obama said the deal would stay in place for now.\n\n" +
				"Dawoodzai added: \"They have broken every promise they made so far.\"\n\n" +
				"\"We hear that you want to continue the deal with them,\" he said.",
			"We hear that you want", "Qasim Dawoodzai"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := eng.Analyze(analysis.Input{Text: tc.text})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, q := range r.Quotes {
				if strings.Contains(q.Text, tc.quote) {
					got = append(got, q.Speaker)
				}
			}
			if len(got) != 1 || got[0] != tc.want {
				t.Errorf("speakers of the quote holding %q = %q, want [%q]; all quotes %+v", tc.quote, got, tc.want, r.Quotes)
			}
			for _, q := range r.Quotes {
				if strings.HasPrefix(tc.name, "NameAfterPlaceInTitle") && q.Side == "un" {
					t.Errorf("quote %q by %q is on the UN's side: an ambassador to the UN is not the UN", q.Text, q.Speaker)
				}
			}
		})
	}
	// A transcript label names someone; "From WBUR:" introduces a link.
	r, err := eng.Analyze(analysis.Input{Text: "Manhunt\n\nFrom WBUR: \"Setting The Record Straight On Evolving Manhunt Details.\"\n\nThe suspect was charged on Monday."})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range r.Quotes {
		if strings.Contains(q.Speaker, "WBUR") || strings.Contains(q.Speaker, "From") {
			t.Errorf("quote %q given to %q", q.Text, q.Speaker)
		}
	}
}

// TestSpeakerSideFromMention checks the side a quote takes from the words
// that named its speaker when the speaker's name has none: the outlet in
// "NPR's Kenyon" gives one, a bare surname shared with a registry entry
// ("Lieberman" for Hadassah Lieberman, not Avigdor Lieberman) gives none
// (TestMentionBeyondName has the rule's cases). Someone who speaks for a
// registry entry takes its side under their own description.
func TestSpeakerSideFromMention(t *testing.T) {
	eng := mustEngine(t)
	tests := []struct {
		name, text, speaker, side string
		mention                   string // when set, the words the quote names its speaker by
	}{
		{
			name: "SurnameOfSomeoneElse",
			text: "Senate debates the strikes\n\nHadassah Lieberman spoke on Tuesday in Washington.\n\n" +
				"\u201cWe must act before the winter comes,\u201d Lieberman said.",
			speaker: "Hadassah Lieberman", side: analysis.SideUnassigned,
		},
		{
			name: "OutletBeforeSurname",
			text: "Quiet returns to the city\n\nNPR's Peter Kenyon reached the old city on Monday.\n\n" +
				"\u201cThe streets are quiet and the shops are shut,\u201d NPR's Kenyon said.",
			speaker: "Peter Kenyon", side: "media",
		},
		{
			name:    "SpokesmanForEntry",
			text:    "Talks\n\nA spokesman for Netanyahu said the talks would resume on Monday.",
			speaker: "spokesman for Netanyahu", side: "israel",
		},
		{
			// A committee is Congress's, and its members keep their own
			// description: they sit on it, they are not it.
			name:    "CommitteeIsCongress",
			text:    "Hearing\n\nThe House Foreign Affairs Committee said the hearing would resume on Monday.",
			speaker: "US Congress", side: "united-states",
		},
		{
			name:    "MemberOnCommittee",
			text:    "Hearing\n\nDemocrats on the House Foreign Affairs Committee said the hearing would resume on Monday.",
			speaker: "Democrats on the House Foreign Affairs Committee", side: "united-states",
		},
		{
			name:    "EntrysSpokesman",
			text:    "Talks\n\nNetanyahu's spokesman said the talks would resume on Monday.",
			speaker: "Netanyahu's spokesman", side: "israel",
		},
		{
			name:    "EntryItself",
			text:    "Talks\n\nIsraeli Prime Minister Netanyahu said the talks would resume on Monday.",
			speaker: "Benjamin Netanyahu", side: "israel",
		},
		{
			name:    "NationalStateMedia",
			text:    "Strike on Damascus\n\nAn Israeli missile struck a home in Damascus, killing two people, Syrian state media said.",
			speaker: "Syrian government", side: "syrian-government",
		},
		{
			name:    "StateTVIsNoName",
			text:    "Strikes\n\nRussian state TV said the missiles were shot down over the coast.",
			speaker: "Russian media", side: "russia",
		},
		{
			name:    "WholeSpeakerAliasInLowerCaseKeepsWords",
			text:    "Strikes\n\nA senior administration official said the strikes would go on for weeks.",
			speaker: "senior administration official", side: "united-states",
		},
		{
			name:    "WholeSpeakerAliasCapitalizedTakesEntryName",
			text:    "Strikes\n\nRepublicans said the strikes came far too late to matter.",
			speaker: "US Republicans", side: "united-states",
		},
		{
			name:    "DescriptionBeforeUnknownName",
			text:    "Rockets\n\nAn Israeli military spokeswoman, Avital Leibovich, told CNN that five rockets had been fired from Gaza.",
			speaker: "Avital Leibovich", side: "israel",
		},
		{
			name:    "RelativeTellsNoSide",
			text:    "Family\n\nPrime Minister Benjamin Netanyahu spoke on Monday. His brother, Iddo Netanyahu, said the family had no idea what would happen.",
			speaker: "Iddo Netanyahu", side: analysis.SideUnassigned,
		},
		{
			name:    "DescriptionBeforeNameOfDirectQuote",
			text:    "Rockets\n\nAn Israeli military spokeswoman, Avital Leibovich, said: \u201cFive rockets were fired from Gaza overnight.\u201d",
			speaker: "Avital Leibovich", side: "israel",
		},
		{
			name:    "PossessedThingIsNoDescription",
			text:    "Motorcade\n\nPolice stopped the president's motorcade, John Smith, a witness, said.",
			speaker: "John Smith", side: analysis.SideUnassigned, mention: "John Smith",
		},
		{
			name:    "WholeSpeakerAliasNotInPhrase",
			text:    "Strikes\n\nAssad administration officials said the strikes hit only empty depots.",
			speaker: "Assad administration officials", side: "syrian-government",
		},
		{
			name: "AmbassadorWithSaying",
			text: "Strikes\n\nThe embassy reacted quickly, with Ambassador Anatoly Antonov saying on Twitter, " +
				"\u201cThe worst apprehensions have come true.\u201d",
			speaker: "Anatoly Antonov", side: "russia",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := eng.Analyze(analysis.Input{Text: tc.text})
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Quotes) != 1 {
				t.Fatalf("quotes = %+v, want 1", r.Quotes)
			}
			if q := r.Quotes[0]; q.Speaker != tc.speaker || q.Side != tc.side || tc.mention != "" && q.Mention != tc.mention {
				t.Errorf("quote by %q on side %q (mention %q), want %q on %q (mention %q)", q.Speaker, q.Side, q.Mention, tc.speaker, tc.side, tc.mention)
			}
		})
	}
}
