package handlers_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// lexiconState reads the active lexicon's name, version and entry count
// from /lexicons.
func (a *webApp) lexiconState(t *testing.T) (name, version string, entries int) {
	t.Helper()
	p := a.page(t, "/lexicons")
	n, _ := strconv.Atoi(p.text("lexicon-entries"))
	if n != p.count("entry-row") {
		t.Errorf("lexicon page says %d entries, shows %d rows", n, p.count("entry-row"))
	}
	return p.text("lexicon-name"), p.text("lexicon-version"), n
}

// entryIndex finds the index of a pattern's row on /lexicons from its edit
// form's action (/lexicons/NAME/entries/I).
func (a *webApp) entryIndex(t *testing.T, pattern string) string {
	t.Helper()
	p := a.page(t, "/lexicons")
	var idx string
	p.doc.Find(`[data-testid="entry-row"]`).Each(func(_ int, s *goquery.Selection) {
		if s.Find(`[data-testid="entry-pattern"]`).AttrOr("value", "") != pattern {
			return
		}
		id := s.Find(`[data-testid="entry-pattern"]`).AttrOr("form", "")
		action := p.doc.Find("form#"+id).AttrOr("action", "")
		idx = action[strings.LastIndexByte(action, '/')+1:]
	})
	if idx == "" {
		t.Fatalf("no entry %s on /lexicons", pattern)
	}
	return idx
}

// wordCount counts the words of text matching a regexp, case-insensitive.
func wordCount(text, expr string) int {
	return len(regexp.MustCompile(`(?i)\b`+expr+`\b`).FindAllString(text, -1))
}

func TestLexiconEdits(t *testing.T) {
	a := newWebApp(t)
	id := a.uploadSeed(t, "RT")
	name, v0, n0 := a.lexiconState(t)
	text := a.article(t, id).Text
	wantWithdraw := wordCount(text, `withdraw\w*`)
	if wantWithdraw == 0 {
		t.Fatal("seed has no withdraw* word")
	}

	t.Run("Add", func(t *testing.T) {
		p := a.post(t, "/lexicons/"+name+"/entries", url.Values{"pattern": {"withdraw*"}, "frame": {"neutral"}, "actor": {"government"}, "valence": {"0"}})
		if got := p.flash(); !strings.Contains(got, "Added withdraw*") {
			t.Errorf("flash: got %q", got)
		}
		a.waitRescore(t)
		_, v1, n1 := a.lexiconState(t)
		if v1 == v0 || n1 != n0+1 {
			t.Errorf("after add: version %s (was %s), %d entries (was %d); want a new version and one more entry", v1, v0, n1, n0)
		}
		r := a.article(t, id)
		if got := r.patternHits("withdraw*"); got != wantWithdraw {
			t.Errorf("withdraw* hits: got %d, want %d", got, wantWithdraw)
		}
		art := a.page(t, fmt.Sprintf("/articles/%d", id))
		if got := hitMarks(art, "withdraw*").Length(); got != wantWithdraw {
			t.Errorf("withdraw* marks: got %d, want %d", got, wantWithdraw)
		}
		if got := art.doc.Find(".versions").Text(); !strings.Contains(got, v1) {
			t.Errorf("article scored with %q, want lexicon version %s", strings.TrimSpace(got), v1)
		}
	})

	t.Run("Edit", func(t *testing.T) {
		i := a.entryIndex(t, "withdraw*")
		p := a.post(t, "/lexicons/"+name+"/entries/"+i, url.Values{"pattern": {"withdraw*"}, "frame": {"delegitimizing"}, "actor": {"government"}, "valence": {"-1"}})
		if got := p.flash(); !strings.Contains(got, "Saved withdraw*") {
			t.Errorf("flash: got %q", got)
		}
		a.waitRescore(t)
		for _, h := range a.article(t, id).Hits {
			if h.Pattern == "withdraw*" && h.Frame != "delegitimizing" {
				t.Errorf("hit %q at %d: frame %s, want delegitimizing", h.Term, h.Start, h.Frame)
			}
		}
	})

	t.Run("BadValence", func(t *testing.T) {
		i := a.entryIndex(t, "withdraw*")
		p := a.post(t, "/lexicons/"+name+"/entries/"+i, url.Values{"pattern": {"withdraw*"}, "frame": {"neutral"}, "valence": {"lots"}})
		if p.status() != http.StatusBadRequest || !strings.Contains(p.text("error-message"), "valence") {
			t.Errorf("got %d %q, want 400 about the valence", p.status(), p.text("error-message"))
		}
	})

	t.Run("OnlyActiveLexiconEditable", func(t *testing.T) {
		p := a.post(t, "/lexicons/other/entries", url.Values{"pattern": {"x"}, "frame": {"neutral"}, "valence": {"0"}})
		if p.status() != http.StatusConflict || !strings.Contains(p.text("error-message"), "Only the active lexicon") {
			t.Errorf("got %d %q, want 409", p.status(), p.text("error-message"))
		}
	})

	t.Run("Delete", func(t *testing.T) {
		i := a.entryIndex(t, "withdraw*")
		p := a.post(t, "/lexicons/"+name+"/entries/"+i+"/delete", nil)
		if got := p.flash(); !strings.Contains(got, "Entry deleted") {
			t.Errorf("flash: got %q", got)
		}
		a.waitRescore(t)
		_, v3, n3 := a.lexiconState(t)
		// The version is a hash of the entries: back to the start.
		if v3 != v0 || n3 != n0 {
			t.Errorf("after delete: version %s, %d entries; want %s and %d", v3, n3, v0, n0)
		}
		if got := a.article(t, id).patternHits("withdraw*"); got != 0 {
			t.Errorf("withdraw* hits after delete: got %d, want 0", got)
		}
	})

	t.Run("RescoreStatusFragment", func(t *testing.T) {
		p := a.page(t, "/rescore/status")
		if p.count("rescore") != 1 {
			t.Fatalf("no rescore element")
		}
		if _, polling := p.doc.Find(`[data-testid="rescore"]`).Attr("hx-trigger"); polling {
			t.Errorf("finished status still polls")
		}
		if got := p.text("rescore-text"); !strings.Contains(got, "1") {
			t.Errorf("status text: got %q, want the count of rescored articles", got)
		}
	})
}

const (
	webLexCSV  = "# frame blame: words that blame\n# frame place: places\npattern,frame,actor,valence,note\nrebel*,blame,opposition,-1,test entry\naleppo,place,,0,\n"
	webLexYAML = "violence:\n  - shelling\n  - airstrike*\nactors:\n  - rebel*\n  - militant*\n"
	webLexLIWC = "%\n1\tactors\n2\trelief\n%\nrebel*\t1\nceasefire\t2\n"
	// webLexBad has a valence that is not a number (line 3) and an empty
	// pattern (line 4).
	webLexBad = "pattern,frame,actor,valence,note\nrebel*,neutral,opposition,0,\nmilitant*,neutral,opposition,abc,\n,neutral,,0,\n"
)

func TestLexiconImport(t *testing.T) {
	a := newWebApp(t)
	id := a.uploadSeed(t, "RT")
	text := a.article(t, id).Text
	rebels := wordCount(text, `rebel\w*`)
	militants := wordCount(text, `militant\w*`)
	aleppo := wordCount(text, `aleppo`)
	ceasefire := wordCount(text, `ceasefire`)
	cases := []struct {
		name, file, data string
		wantName         string
		wantEntries      int
		wantHits         int
	}{
		{"CSV", "mini.csv", webLexCSV, "mini", 2, rebels + aleppo},
		{"YAML", "dict.yaml", webLexYAML, "dict", 4, rebels + militants},
		{"LIWC", "liwc.dic", webLexLIWC, "liwc", 2, rebels + ceasefire},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := a.postMultipart(t, "/lexicons/import", nil, []webFile{{"file", tc.file, []byte(tc.data)}})
			want := fmt.Sprintf("Imported lexicon %s (%d entries)", tc.wantName, tc.wantEntries)
			if got := p.flash(); !strings.Contains(got, want) {
				t.Fatalf("flash: got %q, want %q", got, want)
			}
			a.waitRescore(t)
			name, _, n := a.lexiconState(t)
			if name != tc.wantName || n != tc.wantEntries {
				t.Errorf("active: %s with %d entries, want %s with %d", name, n, tc.wantName, tc.wantEntries)
			}
			if got := len(a.article(t, id).Hits); got != tc.wantHits {
				t.Errorf("seed hits: got %d, want %d", got, tc.wantHits)
			}
		})
	}
	t.Run("BadCSVChangesNothing", func(t *testing.T) {
		name0, v0, n0 := a.lexiconState(t)
		p := a.postMultipart(t, "/lexicons/import", nil, []webFile{{"file", "bad.csv", []byte(webLexBad)}})
		got := p.flash()
		if !strings.Contains(got, "line 3") || !strings.Contains(got, "line 4") || !strings.HasPrefix(got, "Error") {
			t.Errorf("flash: got %q, want an error naming lines 3 and 4", got)
		}
		if strings.Contains(got, "line 2") {
			t.Errorf("flash blames the good line 2: %q", got)
		}
		name1, v1, n1 := a.lexiconState(t)
		if name1 != name0 || v1 != v0 || n1 != n0 {
			t.Errorf("active lexicon changed: %s %s %d, was %s %s %d", name1, v1, n1, name0, v0, n0)
		}
		if st := a.waitRescore(t); st.Lexicon != "" && !strings.Contains(st.Lexicon, name0) {
			t.Errorf("last rescoring used %q, want %s", st.Lexicon, name0)
		}
	})
	t.Run("NoFile", func(t *testing.T) {
		p := a.postMultipart(t, "/lexicons/import", nil, nil)
		if p.status() != http.StatusBadRequest || !strings.Contains(p.text("error-message"), "Choose a file") {
			t.Errorf("got %d %q", p.status(), p.text("error-message"))
		}
	})
	t.Run("SwitchBack", func(t *testing.T) {
		p := a.post(t, "/lexicons/active", url.Values{"name": {"default"}})
		if got := p.flash(); !strings.Contains(got, "Lexicon default is active") {
			t.Errorf("flash: got %q", got)
		}
		a.waitRescore(t)
		if got := len(a.article(t, id).Hits); got != seedHits {
			t.Errorf("seed hits with default again: got %d, want %d", got, seedHits)
		}
		if n := a.page(t, "/lexicons").doc.Find("#lexicon-choose option").Length(); n != 6 {
			t.Errorf("lexicons to choose: got %d, want 6 (default, its two parts, mini, dict, liwc)", n)
		}
	})
}

// readCSV parses CSV bytes, skipping '#' comment lines.
func readCSV(t *testing.T, data []byte) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(data))
	r.Comment = '#'
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("parse CSV: %v; data %.300s", err, data)
	}
	return rows
}

func TestLexiconExportRoundTrip(t *testing.T) {
	a := newWebApp(t)
	_, v0, n0 := a.lexiconState(t)
	p := a.get(t, "/lexicons/default.csv")
	if p.status() != http.StatusOK || !strings.HasPrefix(p.contentType(), "text/csv") {
		t.Fatalf("export: %d %q", p.status(), p.contentType())
	}
	if cd := p.resp.Header.Get("Content-Disposition"); !strings.Contains(cd, `attachment; filename="default-`+v0+`.csv"`) {
		t.Errorf("Content-Disposition: got %q", cd)
	}
	rows := readCSV(t, p.body)
	if len(rows) != n0+1 || strings.Join(rows[0][:4], ",") != "pattern,frame,actor,valence" {
		t.Fatalf("export: %d rows, header %q; want %d entries and the native header", len(rows), rows[0], n0)
	}
	up := a.postMultipart(t, "/lexicons/import", map[string]string{"name": "copy"}, []webFile{{"file", "default-export.csv", p.body}})
	if got := up.flash(); !strings.Contains(got, fmt.Sprintf("Imported lexicon copy (%d entries)", n0)) {
		t.Fatalf("import: flash %q", got)
	}
	a.waitRescore(t)
	name, v1, n1 := a.lexiconState(t)
	if name != "copy" || v1 != v0 || n1 != n0 {
		t.Errorf("round trip: %s %s %d entries, want copy %s %d (same content, same version)", name, v1, n1, v0, n0)
	}
	again := a.get(t, "/lexicons/copy.csv")
	if got := readCSV(t, again.body); fmt.Sprint(got) != fmt.Sprint(rows) {
		t.Errorf("second export differs from the first")
	}
	// Frames survive the round trip.
	if a, b := strings.Count(string(p.body), "# frame "), strings.Count(string(again.body), "# frame "); a == 0 || a != b {
		t.Errorf("frame comments: %d then %d", a, b)
	}
}
