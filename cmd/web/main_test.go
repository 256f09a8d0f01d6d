package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/framinglens/framinglens/internal/shareddata"
)

// runCmd runs the command line args with stdin and returns what it wrote.
func runCmd(t *testing.T, stdin string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err = run(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return out.String(), errOut.String(), err
}

// jsonLines decodes each line of s as a JSON object.
func jsonLines(t *testing.T, s string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for i, line := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
		if line == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("line %d is not a JSON object: %v\n%s", i+1, err, line)
		}
		out = append(out, m)
	}
	return out
}

// hasKeys fails the test for each key m lacks.
func hasKeys(t *testing.T, what string, m map[string]any, keys ...string) {
	t.Helper()
	for _, k := range keys {
		if _, ok := m[k]; !ok {
			t.Errorf("%s lacks %q (has %v)", what, k, mapKeys(m))
		}
	}
}

func mapKeys(m map[string]any) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

// cmdArticle is a small article with framing terms and a quote of a
// speaker the shipped registry knows.
func cmdArticle(i int) string {
	return fmt.Sprintf(`Dispatch %d from the northern front.

Rebels shelled the government-held district overnight while the regime pressed its siege, residents said. Terrorists were blamed for an attack on an aid convoy.

"We will not allow the militants to hold the city hostage," Sergey Lavrov said on Tuesday.

Civilians fled towards the border as refugees (note %d).`, i, i)
}

func writeTestFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestAnalyzeSeedContract checks every field of the analyze contract on the
// seed article, and that offsets point into the text.
func TestAnalyzeSeedContract(t *testing.T) {
	seed := shareddata.Path(t, "seed", "000_cc1d012572213696.txt")
	stdout, stderr, err := runCmd(t, "", "analyze", seed)
	if err != nil {
		t.Fatalf("analyze: %v\nstderr: %s", err, stderr)
	}
	if stderr != "" {
		t.Errorf("stderr = %q, want empty", stderr)
	}
	if n := strings.Count(stdout, "\n"); n != 1 {
		t.Fatalf("analyze printed %d lines, want 1", n)
	}
	m := jsonLines(t, stdout)[0]
	hasKeys(t, "result", m, "file", "title", "published", "words", "text", "hits", "frames", "quotes", "sources", "sides", "balance", "versions")
	if m["file"] != seed {
		t.Errorf("file = %v, want %s", m["file"], seed)
	}
	if got := m["title"]; got != "US withdraws Aleppo proposals, says no consultations yet – Lavrov" {
		t.Errorf("title = %q", got)
	}
	if got, _ := m["published"].(string); !strings.HasPrefix(got, "2016-12-06") {
		t.Errorf("published = %q, want 2016-12-06...", got)
	}
	text, _ := m["text"].(string)
	if words, _ := m["words"].(float64); words < 400 || words > 700 || text == "" {
		t.Errorf("words = %v, text %d bytes; want about 550 words", m["words"], len(text))
	}

	hits, _ := m["hits"].([]any)
	if len(hits) == 0 {
		t.Fatal("no hits in the seed article")
	}
	for i, h := range hits {
		hm := h.(map[string]any)
		hasKeys(t, fmt.Sprintf("hit %d", i), hm, "term", "pattern", "frame", "actor", "valence", "voice", "start", "end")
		start, end := int(hm["start"].(float64)), int(hm["end"].(float64))
		if start < 0 || end > len(text) || start >= end {
			t.Fatalf("hit %d span [%d,%d) outside text of %d bytes", i, start, end, len(text))
		}
		if got := text[start:end]; got != hm["term"] {
			t.Errorf("hit %d: text[%d:%d] = %q, term %q", i, start, end, got, hm["term"])
		}
		if v := hm["voice"]; v != "own" && v != "quoted" && v != "reported" {
			t.Errorf("hit %d voice = %v", i, v)
		}
	}

	frames, _ := m["frames"].(map[string]any)
	sum := 0
	for name, f := range frames {
		fm := f.(map[string]any)
		hasKeys(t, "frame "+name, fm, "count", "own", "quoted", "reported", "per_1000")
		count := int(fm["count"].(float64))
		if parts := int(fm["own"].(float64) + fm["quoted"].(float64) + fm["reported"].(float64)); parts != count {
			t.Errorf("frame %s: own+quoted+reported = %d, count %d", name, parts, count)
		}
		sum += count
	}
	if sum != len(hits) {
		t.Errorf("frame counts sum to %d, want %d hits", sum, len(hits))
	}

	quotes, _ := m["quotes"].([]any)
	if len(quotes) == 0 {
		t.Fatal("no quotes in the seed article")
	}
	lavrov := false
	for i, q := range quotes {
		qm := q.(map[string]any)
		hasKeys(t, fmt.Sprintf("quote %d", i), qm, "text", "start", "end", "kind", "speaker", "side")
		start, end := int(qm["start"].(float64)), int(qm["end"].(float64))
		if start < 0 || end > len(text) || start > end {
			t.Errorf("quote %d span [%d,%d) outside text of %d bytes", i, start, end, len(text))
		}
		if k := qm["kind"]; k != "direct" && k != "reported" {
			t.Errorf("quote %d kind = %v", i, k)
		}
		if qm["speaker"] == "Sergey Lavrov" && qm["side"] == "russia" {
			lavrov = true
		}
	}
	if !lavrov {
		t.Errorf("no quote of Sergey Lavrov on side russia in %v", quotes)
	}
	sources, _ := m["sources"].([]any)
	if len(sources) == 0 {
		t.Fatal("no sources")
	}
	for i, s := range sources {
		hasKeys(t, fmt.Sprintf("source %d", i), s.(map[string]any), "name", "side", "direct", "reported", "words")
	}
	if _, ok := m["sides"].(map[string]any); !ok {
		t.Errorf("sides = %T, want an object", m["sides"])
	}
	if _, ok := m["balance"].(float64); !ok {
		t.Errorf("balance = %T, want a number", m["balance"])
	}
	v, _ := m["versions"].(map[string]any)
	hasKeys(t, "versions", v, "engine", "lexicon", "registry")
	if lex, _ := v["lexicon"].(string); !strings.HasPrefix(lex, "conflict-actors+humanitarian@") {
		t.Errorf("versions.lexicon = %q, want conflict-actors+humanitarian@...", lex)
	}
	if reg, _ := v["registry"].(string); !strings.HasPrefix(reg, "syria-2016@") {
		t.Errorf("versions.registry = %q, want syria-2016@...", reg)
	}
}

// TestAnalyzeStdin checks that "-" reads the article from stdin.
func TestAnalyzeStdin(t *testing.T) {
	stdout, stderr, err := runCmd(t, cmdArticle(1), "analyze", "-")
	if err != nil {
		t.Fatalf("analyze -: %v\nstderr: %s", err, stderr)
	}
	lines := jsonLines(t, stdout)
	if len(lines) != 1 {
		t.Fatalf("got %d lines, want 1", len(lines))
	}
	if text, _ := lines[0]["text"].(string); !strings.Contains(text, "(note 1)") {
		t.Errorf("text = %q, want the stdin article", text)
	}
	if hits, _ := lines[0]["hits"].([]any); len(hits) < 4 {
		t.Errorf("%d hits, want at least rebels, regime, terrorists, militants", len(hits))
	}
}

// TestAnalyzeBadFiles checks that each bad file gets one line on stderr,
// the good ones still print, and the exit is an error.
func TestAnalyzeBadFiles(t *testing.T) {
	dir := t.TempDir()
	good1 := writeTestFile(t, dir, "good1.txt", []byte(cmdArticle(1)))
	bin := writeTestFile(t, dir, "blob.txt", append([]byte("\x00\x01\x02\x03binary"), make([]byte, 100)...))
	empty := writeTestFile(t, dir, "empty.txt", nil)
	broken := writeTestFile(t, dir, "broken.txt", append([]byte("\xef\xbb\xbf"), bytes.Repeat([]byte("ok \xff\xfe\xfd "), 50)...))
	good2 := writeTestFile(t, dir, "good2.txt", []byte(cmdArticle(2)))

	stdout, stderr, err := runCmd(t, "", "analyze", good1, bin, empty, broken, good2)
	if !errors.Is(err, errReported) {
		t.Errorf("err = %v, want errReported (exit status 1)", err)
	}
	lines := jsonLines(t, stdout)
	if len(lines) != 2 || lines[0]["file"] != good1 || lines[1]["file"] != good2 {
		t.Fatalf("stdout lines = %d (%s), want good1 and good2", len(lines), stdout)
	}
	errLines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	want := []string{bin + ": binary file", empty + ": empty", broken + ": undecodable text"}
	if len(errLines) != len(want) {
		t.Fatalf("stderr = %q, want %d lines", stderr, len(want))
	}
	for i, w := range want {
		if errLines[i] != w {
			t.Errorf("stderr line %d = %q, want %q", i, errLines[i], w)
		}
	}
}

// TestAnalyzeLexiconAndSourcesFiles checks --lexicon and --sources with
// files.
func TestAnalyzeLexiconAndSourcesFiles(t *testing.T) {
	dir := t.TempDir()
	lex := writeTestFile(t, dir, "mine.csv", []byte("# frame geography: where things happen\npattern,frame,actor,valence,note\nnorthern front,geography,,0,\nborder,geography,,0,\n"))
	reg := writeTestFile(t, dir, "people.csv", []byte("name,aliases,side,role\nSergey Lavrov,Lavrov,moscow-side,minister\n"))
	art := writeTestFile(t, dir, "a.txt", []byte(cmdArticle(3)))

	stdout, stderr, err := runCmd(t, "", "analyze", "--lexicon", lex, "--sources", reg, art)
	if err != nil {
		t.Fatalf("analyze: %v\nstderr: %s", err, stderr)
	}
	m := jsonLines(t, stdout)[0]
	hits, _ := m["hits"].([]any)
	var terms []string
	for _, h := range hits {
		hm := h.(map[string]any)
		if hm["frame"] != "geography" {
			t.Errorf("hit %v is not from the given lexicon", hm)
		}
		terms = append(terms, hm["term"].(string))
	}
	// The title line "Dispatch 3 from the northern front." is the title,
	// so only "border" is in the body.
	if len(terms) != 1 || terms[0] != "border" {
		t.Errorf("terms = %q, want [border]", terms)
	}
	v := m["versions"].(map[string]any)
	if lv, _ := v["lexicon"].(string); !strings.HasPrefix(lv, "mine@") {
		t.Errorf("versions.lexicon = %q, want mine@...", lv)
	}
	if rv, _ := v["registry"].(string); !strings.HasPrefix(rv, "people@") {
		t.Errorf("versions.registry = %q, want people@...", rv)
	}
	found := false
	for _, s := range m["sources"].([]any) {
		sm := s.(map[string]any)
		if sm["name"] == "Sergey Lavrov" && sm["side"] == "moscow-side" {
			found = true
		}
	}
	if !found {
		t.Errorf("sources = %v, want Sergey Lavrov on moscow-side", m["sources"])
	}

	// A lexicon that is neither a file nor a shipped name is an error.
	if _, _, err := runCmd(t, "", "analyze", "--lexicon", filepath.Join(dir, "missing.csv"), art); err == nil {
		t.Error("analyze with a missing lexicon file succeeded, want an error")
	}
}

// TestImportCommand imports a folder, then the same folder again, then
// stdin, and checks the summary lines and the exit.
func TestImportCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "db", "fl.db")
	in := filepath.Join(dir, "in")
	writeTestFile(t, in, "a.txt", []byte(cmdArticle(1)))
	writeTestFile(t, in, "sub/b.md", []byte("# B\n\n"+cmdArticle(2)))
	writeTestFile(t, in, "rows.jsonl", []byte(fmt.Sprintf("{\"source\":\"Wire\",\"text\":%q}\n{\"text\":%q}\nnot json\n", cmdArticle(3), cmdArticle(1))))
	writeTestFile(t, in, "empty.txt", nil)

	stdout, stderr, err := runCmd(t, "", "import", "--db", db, in)
	if err != nil {
		t.Fatalf("import: %v\nstderr: %s", err, stderr)
	}
	if want := "3 accepted, 1 duplicate, 2 rejected\n"; stdout != want {
		t.Errorf("stdout = %q, want %q", stdout, want)
	}
	for _, w := range []string{"rejected  " + filepath.ToSlash(filepath.Join(in, "empty.txt")) + ": empty", "rows.jsonl#row 3: row 3: malformed JSON"} {
		if !strings.Contains(stderr, w) {
			t.Errorf("stderr lacks %q:\n%s", w, stderr)
		}
	}

	stdout, _, err = runCmd(t, "", "import", "--db", db, "--quiet", in)
	if err != nil {
		t.Fatalf("import again: %v", err)
	}
	if want := "0 accepted, 4 duplicate, 2 rejected\n"; stdout != want {
		t.Errorf("again: stdout = %q, want %q", stdout, want)
	}

	jsonl := fmt.Sprintf("{\"text\":%q}\n{\"text\":%q}\n", cmdArticle(10), cmdArticle(11))
	stdout, stderr, err = runCmd(t, jsonl, "import", "--db", db, "--outlet", "Piped", "-")
	if err != nil {
		t.Fatalf("import -: %v\nstderr: %s", err, stderr)
	}
	if want := "2 accepted, 0 duplicate, 0 rejected\n"; stdout != want {
		t.Errorf("stdin: stdout = %q, want %q", stdout, want)
	}

	// Only bad input: the summary still prints and the command fails.
	bad := filepath.Join(dir, "bad")
	writeTestFile(t, bad, "empty.txt", nil)
	writeTestFile(t, bad, "x.pdf", []byte("%PDF"))
	stdout, _, err = runCmd(t, "", "import", "--db", db, bad)
	if err == nil || !strings.Contains(err.Error(), "nothing was imported") {
		t.Errorf("import of bad files: err = %v, want nothing was imported", err)
	}
	if want := "0 accepted, 0 duplicate, 2 rejected\n"; stdout != want {
		t.Errorf("bad: stdout = %q, want %q", stdout, want)
	}
	_, _, err = runCmd(t, "", "import", "--db", db, filepath.Join(dir, "missing"))
	if err == nil {
		t.Error("import of a missing path succeeded, want an error")
	}
	if _, _, err := runCmd(t, "", "import", "--db", db); err == nil {
		t.Error("import without a path succeeded, want an error")
	}
}

// TestHelp checks that help prints the usage and an unknown command fails.
func TestHelp(t *testing.T) {
	for _, arg := range []string{"help", "-h", "--help"} {
		stdout, _, err := runCmd(t, "", arg)
		if err != nil {
			t.Errorf("%s: %v", arg, err)
		}
		for _, w := range []string{"web analyze", "web import", "web export", "web backup", "web help"} {
			if !strings.Contains(stdout, w) {
				t.Errorf("%s: usage lacks %q", arg, w)
			}
		}
	}
	_, stderr, err := runCmd(t, "", "frobnicate")
	if err == nil || !strings.Contains(err.Error(), `unknown command "frobnicate"`) {
		t.Errorf("unknown command: err = %v", err)
	}
	if !strings.Contains(stderr, "Usage:") {
		t.Errorf("unknown command: stderr lacks the usage")
	}
}
