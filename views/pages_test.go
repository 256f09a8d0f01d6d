package views_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/a-h/templ"

	"github.com/framinglens/framinglens/views"
)

// articleText is a two-paragraph article with a quote that crosses the
// paragraph break and hits inside and outside quotes.
const articleText = "The rebels took the town, the ministry said.\n\n" +
	"\"The regime has fallen.\n\nWe are free,\" said Abu Bakr. Militants fled."

// at finds the byte range of the n-th occurrence of sub in articleText.
func at(t *testing.T, sub string, n int) (int, int) {
	t.Helper()
	return span(t, articleText, sub, n)
}

func articleFixture(t *testing.T) views.ArticleView {
	rs, re := at(t, "rebels", 0)
	gs, ge := at(t, "regime", 0)
	ms, me := at(t, "Militants", 0)
	qs, _ := at(t, "The regime", 0)
	_, qe := at(t, "We are free,", 0)
	rq, rqe := at(t, "The rebels took the town", 0)
	return views.ArticleView{
		Page: page(""), ID: 17, Title: evil, Outlet: evil, Published: "2024-02-03", URL: "javascript:alert(1)", Words: 21,
		Text: articleText,
		Hits: []views.HitView{
			{Term: "rebels", Pattern: "rebel", Frame: "insurgency", Actor: "opposition", Valence: 0, Voice: "reported", Start: rs, End: re},
			{Term: "regime", Pattern: "regime", Frame: "illegitimacy", Actor: "government", Valence: -2, Voice: "quoted", Start: gs, End: ge, ScareQuote: false},
			{Term: "Militants", Pattern: "militant*", Frame: evil, Actor: "opposition", Valence: -1, Voice: "own", Start: ms, End: me, FalsePositive: true},
		},
		Quotes: []views.QuoteView{
			{Start: rq, End: rqe, Kind: "reported", Speaker: "Ministry of Defence", Side: "russia", Words: 5},
			{Start: qs, End: qe, Kind: "direct", Speaker: evil, Side: "unassigned", Words: 7},
		},
		Frames: []views.FrameRow{
			{Frame: "insurgency", Count: 1, Reported: 1, Per1000: 47.6},
			{Frame: "illegitimacy", Count: 1, Quoted: 1, Per1000: 47.6},
		},
		Actors:     []views.ActorRow{{Actor: "opposition", Count: 2, Valence: -0.5, CountOwn: 1, ValenceOwn: -1}},
		Sources:    []views.SourceRow{{Name: "Ministry of Defence", Side: "russia", Reported: 1, Words: 5}, {Name: evil, Side: "unassigned", Direct: 1, Words: 7}},
		Sides:      []views.SideShare{{Side: "russia", Share: 1, WordsShare: 1}},
		Unassigned: 1, Balance: 0, BalanceWords: 0, BalanceKnown: true,
		EngineVersion: "1.0.0", LexiconVersion: "lex1", RegistryVersion: "reg1",
	}
}

func TestArticle(t *testing.T) {
	v := articleFixture(t)
	doc, _ := render(t, views.ArticlePage(v))
	wantNoInjection(t, doc)
	wantText(t, doc, "article-title", evil)
	wantText(t, doc, "article-words", "21")
	if href, _ := doc.Find(testid("article-url")).Attr("href"); strings.HasPrefix(href, "javascript:") {
		t.Errorf("article URL not sanitised: %q", href)
	}

	t.Run("ParagraphTextIsTheArticle", func(t *testing.T) {
		paras := doc.Find(testid("paragraph"))
		want := []string{
			"The rebels took the town, the ministry said.",
			"\"The regime has fallen.",
			"We are free,\" said Abu Bakr. Militants fled.",
		}
		if paras.Length() != len(want) {
			t.Fatalf("paragraphs: got %d, want %d", paras.Length(), len(want))
		}
		paras.Each(func(i int, p *goquery.Selection) {
			c := p.Clone()
			c.Find(".quote-label, .voice-tag, .visually-hidden").Remove()
			if got := c.Text(); got != want[i] {
				t.Errorf("paragraph %d text: got %q, want %q", i, got, want[i])
			}
		})
	})
	t.Run("HitsNestInQuotes", func(t *testing.T) {
		wantCount(t, doc, testid("hit"), 3)
		regime := doc.Find(`mark[data-testid="hit"]#hit-` + itoa(v.Hits[1].Start))
		if regime.Length() != 1 {
			t.Fatalf("no mark with id hit-%d", v.Hits[1].Start)
		}
		q := regime.ParentsFiltered(testid("quote"))
		if q.Length() != 1 || q.AttrOr("data-kind", "") != "direct" {
			t.Errorf("regime: got %d quote parents (kind %q), want 1 direct", q.Length(), q.AttrOr("data-kind", ""))
		}
		if got := regime.AttrOr("title", ""); got != "regime · illegitimacy · government · valence -2 · in a direct quote" {
			t.Errorf("tooltip: got %q", got)
		}
		if got := regime.AttrOr("data-voice", ""); got != "quoted" {
			t.Errorf("data-voice: got %q", got)
		}
		if got := text(doc, "#hit-"+itoa(v.Hits[1].Start)+" .voice-tag"); got != "Q" {
			t.Errorf("voice tag: got %q, want Q", got)
		}
		rebels := doc.Find("#hit-" + itoa(v.Hits[0].Start))
		if p := rebels.ParentsFiltered(testid("quote")); p.AttrOr("data-kind", "") != "reported" {
			t.Errorf("rebels: not inside the reported quote")
		}
		if got := text(doc, "#hit-"+itoa(v.Hits[0].Start)+" .voice-tag"); got != "R" {
			t.Errorf("voice tag: got %q, want R", got)
		}
		mil := doc.Find("#hit-" + itoa(v.Hits[2].Start))
		if mil.ParentsFiltered(testid("quote")).Length() != 0 || mil.Find(".voice-tag").Length() != 0 {
			t.Errorf("own-voice hit: inside a quote or with a voice tag")
		}
		if !mil.HasClass("hit-fp") || mil.AttrOr("data-frame", "") != evil {
			t.Errorf("false-positive hit: class %q frame %q", mil.AttrOr("class", ""), mil.AttrOr("data-frame", ""))
		}
		if a, b := regime.AttrOr("class", ""), rebels.AttrOr("class", ""); a == b {
			t.Errorf("hits of different frames share classes %q", a)
		}
	})
	t.Run("QuoteSplitAtParagraphBreakLabelledOnce", func(t *testing.T) {
		direct := doc.Find(testid("quote") + `[data-kind="direct"]`)
		if direct.Length() != 2 {
			t.Fatalf("direct quote spans: got %d, want 2 (one per paragraph)", direct.Length())
		}
		if n := direct.Find(testid("quote-label")).Length(); n != 1 {
			t.Errorf("direct quote labels: got %d, want 1", n)
		}
		if got := strings.Join(strings.Fields(direct.First().Find(testid("quote-label")).Text()), " "); !strings.Contains(got, evil+" · unassigned · direct quote") {
			t.Errorf("label: got %q", got)
		}
		if !direct.First().HasClass("quote-unassigned") {
			t.Errorf("unassigned quote not flagged")
		}
		if got := direct.First().AttrOr("data-speaker", ""); got != evil {
			t.Errorf("data-speaker: got %q", got)
		}
	})
	t.Run("Legend", func(t *testing.T) {
		var got []string
		doc.Find(testid("legend-frame")).Each(func(_ int, s *goquery.Selection) { got = append(got, s.Text()) })
		if strings.Join(got, "|") != "insurgency|illegitimacy|"+evil {
			t.Errorf("legend: got %q", got)
		}
	})
	t.Run("Scores", func(t *testing.T) {
		wantText(t, doc, "balance", "0.00")
		wantText(t, doc, "unassigned-count", "1")
		wantCount(t, doc, testid("frame-row"), 2)
		wantText(t, doc, "frame-count", "1")
		wantText(t, doc, "frame-reported", "1")
		wantText(t, doc, "frame-per1000", "47.6")
		wantText(t, doc, "actor-valence", "-0.50")
		wantText(t, doc, "side-share", "100%")
		rows := doc.Find(testid("source-row"))
		if rows.Length() != 2 {
			t.Fatalf("source rows: got %d, want 2", rows.Length())
		}
		if rows.Eq(0).Find(testid("source-unassigned")).Length() != 0 || rows.Eq(1).Find(testid("source-unassigned")).Length() != 1 {
			t.Errorf("unassigned speaker not flagged (only)")
		}
		if got := strings.TrimSpace(rows.Eq(1).Find(testid("source-words")).Text()); got != "7" {
			t.Errorf("source words: got %q", got)
		}
	})
	t.Run("FalsePositiveForms", func(t *testing.T) {
		forms := doc.Find(testid("fp-form"))
		if forms.Length() != 2 {
			t.Fatalf("false-positive forms: got %d, want 2 (flagged hit has none)", forms.Length())
		}
		f := forms.First()
		if f.AttrOr("action", "") != "/articles/17/false-positives" || f.AttrOr("method", "") != "post" {
			t.Errorf("form: action %q method %q", f.AttrOr("action", ""), f.AttrOr("method", ""))
		}
		for name, want := range map[string]string{"start": itoa(v.Hits[0].Start), "end": itoa(v.Hits[0].End), "pattern": "rebel", "_csrf": "tok-123"} {
			if got := f.Find(`input[name="`+name+`"]`).AttrOr("value", ""); got != want {
				t.Errorf("%s: got %q, want %q", name, got, want)
			}
		}
		if f.Find("button").AttrOr("aria-label", "") == "" {
			t.Errorf("flag button has no accessible name")
		}
		wantCount(t, doc, testid("hit-flagged"), 1)
	})
	t.Run("NoQuotesNoHits", func(t *testing.T) {
		doc, _ := render(t, views.ArticlePage(views.ArticleView{Page: page(""), ID: 1, Text: "Plain text."}))
		wantCount(t, doc, testid("hit"), 0)
		wantCount(t, doc, testid("frames-empty"), 1)
		wantCount(t, doc, testid("sources-empty"), 1)
		wantCount(t, doc, testid("unassigned-warning"), 0)
		wantText(t, doc, "balance", "–")
	})
	t.Run("BadOffsetsRenderPlainText", func(t *testing.T) {
		v := views.ArticleView{Page: page(""), ID: 1, Text: "naïve rebels",
			Hits:   []views.HitView{{Start: 3, End: 5}, {Start: 7, End: 99}},
			Quotes: []views.QuoteView{{Start: -1, End: 4}},
		}
		doc, _ := render(t, views.ArticlePage(v))
		wantCount(t, doc, "mark"+testid("hit"), 0)
		wantCount(t, doc, testid("quote"), 0)
		wantText(t, doc, "paragraph", "naïve rebels")
	})
}

func TestTerms(t *testing.T) {
	v := views.TermsView{
		Page: page(""), Query: evil, Pattern: evil,
		Groups: []views.KWICGroup{
			{Outlet: "RT", Count: 3, Lines: []views.KWICLine{
				{ArticleID: 7, Title: "A", Left: "the ", Keyword: "rebels", Right: " said", Start: 12, Voice: "own"},
				{ArticleID: 8, Title: evil, Left: evil, Keyword: evil, Right: evil, Start: 0, Voice: "quoted"},
			}},
			{Outlet: evil, Count: 1, Lines: []views.KWICLine{{ArticleID: 9, Keyword: "rebel", Start: 40, Voice: "reported"}}},
		},
	}
	doc, _ := render(t, views.TermsPage(v))
	wantNoInjection(t, doc)
	wantText(t, doc, "terms-total", "4")
	wantText(t, doc, "terms-pattern", evil)
	wantCount(t, doc, testid("kwic-group"), 2)
	wantCount(t, doc, testid("kwic-line"), 3)
	var counts []string
	doc.Find(testid("outlet-count-n")).Each(func(_ int, s *goquery.Selection) { counts = append(counts, s.Text()) })
	if got := strings.Join(counts, ","); got != "3,1" {
		t.Errorf("outlet counts: got %s", got)
	}
	var links []string
	doc.Find(testid("kwic-link")).Each(func(_ int, s *goquery.Selection) { links = append(links, s.AttrOr("href", "")) })
	if got := strings.Join(links, ","); got != "/articles/7#hit-12,/articles/8#hit-0,/articles/9#hit-40" {
		t.Errorf("links: got %s", got)
	}
	if got := text(doc, testid("kwic-link")+" mark"); got != "rebels" {
		t.Errorf("keyword: got %q", got)
	}
	var voices []string
	doc.Find(testid("kwic-voice")).Each(func(_ int, s *goquery.Selection) {
		voices = append(voices, strings.Join(strings.Fields(s.Text()), " "))
	})
	if got := strings.Join(voices, "|"); got != "outlet's own voice|Q in a direct quote|R in reported speech" {
		t.Errorf("voices: got %q", got)
	}
	if got := doc.Find(`input[name="q"]`).AttrOr("value", ""); got != evil {
		t.Errorf("search box: got %q", got)
	}

	t.Run("SearchBoxOnly", func(t *testing.T) {
		doc, _ := render(t, views.TermsPage(views.TermsView{Page: page("")}))
		wantCount(t, doc, `form[role="search"] input[name="q"]`, 1)
		wantCount(t, doc, testid("terms-total"), 0)
	})
	t.Run("NoHits", func(t *testing.T) {
		doc, _ := render(t, views.TermsPage(views.TermsView{Page: page(""), Pattern: "zzz"}))
		wantText(t, doc, "terms-total", "0")
		wantCount(t, doc, testid("terms-empty"), 1)
	})
}

func lexiconsFixture() views.LexiconsView {
	return views.LexiconsView{
		Page:      page(""),
		Active:    views.LexiconInfo{Name: "my lex", Version: "v9", Entries: 2},
		Available: []views.LexiconInfo{{Name: "default", Entries: 100}, {Name: "my lex", Entries: 2}},
		Frames:    []views.FrameInfo{{Name: "terrorism", Description: "d"}},
		Entries: []views.LexiconEntryRow{
			{Index: 0, Pattern: "rebel*", Frame: "insurgency", Actor: "opposition", Valence: 0, Hits: 200, FalsePositives: 10},
			{Index: 1, Pattern: evil, Frame: evil, Actor: evil, Valence: -2, Note: evil},
		},
		Rescore: views.RescoreView{Running: true, Done: 1234, Total: 60000},
	}
}

func TestLexicons(t *testing.T) {
	doc, _ := render(t, views.LexiconsPage(lexiconsFixture()))
	wantNoInjection(t, doc)
	wantText(t, doc, "lexicon-name", "my lex")
	wantText(t, doc, "lexicon-version", "v9")
	if href := doc.Find(testid("lexicon-export")).AttrOr("href", ""); href != "/lexicons/my%20lex.csv" {
		t.Errorf("export: got %q", href)
	}
	wantCount(t, doc, testid("entry-row"), 2)
	var prec []string
	doc.Find(testid("entry-precision")).Each(func(_ int, s *goquery.Selection) { prec = append(prec, s.Text()) })
	if got := strings.Join(prec, ","); got != "95%,–" {
		t.Errorf("precision: got %s", got)
	}
	wantText(t, doc, "entry-hits", "200")
	wantText(t, doc, "entry-fp", "10")
	if got := doc.Find("form#entry-1").AttrOr("action", ""); got != "/lexicons/my%20lex/entries/1" {
		t.Errorf("edit action: got %q", got)
	}
	if got := doc.Find(`input[form="entry-1"][name="pattern"]`).AttrOr("value", ""); got != evil {
		t.Errorf("edit pattern value: got %q", got)
	}
	if got := doc.Find(`form[action="/lexicons/my%20lex/entries/1/delete"]`).Length(); got != 1 {
		t.Errorf("delete forms: got %d, want 1", got)
	}
	if got := doc.Find(testid("entry-add")).AttrOr("action", ""); got != "/lexicons/my%20lex/entries" {
		t.Errorf("add action: got %q", got)
	}
	imp := doc.Find(testid("lexicon-import"))
	if imp.AttrOr("action", "") != "/lexicons/import" || imp.AttrOr("enctype", "") != "multipart/form-data" || imp.Find(`input[type="file"][name="file"]`).Length() != 1 {
		t.Errorf("import form wrong")
	}
	if got := doc.Find(testid("lexicon-chooser")+" option[selected]").AttrOr("value", ""); got != "my lex" {
		t.Errorf("chooser selection: got %q", got)
	}
	doc.Find("form input:not([type=hidden]), form select, input[form], textarea").Each(func(_ int, s *goquery.Selection) {
		id := s.AttrOr("id", "")
		if id == "" || doc.Find(`label[for="`+id+`"]`).Length() != 1 {
			t.Errorf("input %s (id %q) has no label", s.AttrOr("name", "?"), id)
		}
	})
}

func TestRescoreStatus(t *testing.T) {
	cases := []struct {
		name     string
		r        views.RescoreView
		polls    bool
		text     string
		progress bool
	}{
		{"Running", views.RescoreView{Running: true, Done: 1234, Total: 60000}, true, "Rescoring 1,234 / 60,000 articles", true},
		{"Done", views.RescoreView{Done: 60000, Total: 60000}, false, "Rescored 60,000 / 60,000 articles", false},
		{"Failed", views.RescoreView{Done: 5, Total: 9, Error: "disk full"}, false, "Rescoring stopped after 5 articles: disk full", false},
		{"Idle", views.RescoreView{}, false, "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, _ := render(t, views.RescoreStatus(c.r))
			el := doc.Find("#rescore-status")
			if el.Length() != 1 {
				t.Fatalf("no #rescore-status")
			}
			_, get := el.Attr("hx-get")
			_, trig := el.Attr("hx-trigger")
			if get != c.polls || trig != c.polls {
				t.Errorf("polling: hx-get %v hx-trigger %v, want %v", get, trig, c.polls)
			}
			if c.polls && (el.AttrOr("hx-get", "") != "/rescore/status" || el.AttrOr("hx-trigger", "") != "every 1s" || el.AttrOr("hx-swap", "") != "outerHTML") {
				t.Errorf("polling attributes: %q %q %q", el.AttrOr("hx-get", ""), el.AttrOr("hx-trigger", ""), el.AttrOr("hx-swap", ""))
			}
			if got := text(doc, testid("rescore-text")); got != c.text {
				t.Errorf("text: got %q, want %q", got, c.text)
			}
			p := doc.Find(testid("rescore-progress"))
			if (p.Length() == 1) != c.progress {
				t.Errorf("progress element: got %d", p.Length())
			}
			if c.progress && (p.AttrOr("value", "") != itoa(c.r.Done) || p.AttrOr("max", "") != itoa(c.r.Total)) {
				t.Errorf("progress: value %q max %q", p.AttrOr("value", ""), p.AttrOr("max", ""))
			}
		})
	}
}

func TestSources(t *testing.T) {
	v := views.SourcesView{
		Page:     page(""),
		Registry: views.RegistryInfo{Name: "default", Entries: 80, Sides: []string{"russia", "ukraine"}},
		Rows: []views.SourceStatsRow{
			{Name: "Sergey Lavrov", Side: "russia", Articles: 12, Direct: 30, Reported: 5, Words: 1500},
			{Name: evil, Side: "unassigned", Articles: 1, Direct: 1, Words: 9},
			{Name: "Jane Doe", Side: "", Articles: 2, Reported: 2, Words: 20},
		},
		Speakers: 3, Unassigned: 2,
	}
	doc, _ := render(t, views.SourcesPage(v))
	wantNoInjection(t, doc)
	var names []string
	doc.Find(testid("source-row")).Each(func(_ int, s *goquery.Selection) {
		names = append(names, strings.TrimSpace(s.Find(testid("source-name")).Text()))
	})
	if got := strings.Join(names, "|"); got != evil+"|Jane Doe|Sergey Lavrov" {
		t.Errorf("order (unassigned first): got %q", got)
	}
	wantText(t, doc, "unassigned-count", "2")
	wantCount(t, doc, testid("sources-shown"), 0)
	// When only the most quoted are listed, the warning counts the whole
	// corpus and the page says so.
	many := v
	many.Speakers, many.Unassigned = 7500, 6400
	manyDoc, _ := render(t, views.SourcesPage(many))
	wantText(t, manyDoc, "unassigned-count", "6,400")
	if got := text(manyDoc, testid("sources-shown")); !strings.Contains(got, "The 3 most quoted speakers are listed") {
		t.Errorf("sources-shown: got %q", got)
	}
	wantText(t, doc, "registry-entries", "80")
	var sides []string
	doc.Find(testid("registry-side")).Each(func(_ int, s *goquery.Selection) { sides = append(sides, s.Text()) })
	if got := strings.Join(sides, ","); got != "russia,ukraine" {
		t.Errorf("registry sides: got %q", got)
	}
	var opts []string
	doc.Find("#bulk-side option").Each(func(_ int, s *goquery.Selection) { opts = append(opts, s.AttrOr("value", "")) })
	if got := strings.Join(opts, ","); got != "unassigned,russia,ukraine" {
		t.Errorf("bulk side options: got %q", got)
	}
	wantCount(t, doc, testid("source-unassigned"), 2)
	last := doc.Find(testid("source-row")).Last()
	for id, want := range map[string]string{"source-articles": "12", "source-direct": "30", "source-reported": "5", "source-words": "1,500"} {
		if got := strings.TrimSpace(last.Find(testid(id)).Text()); got != want {
			t.Errorf("%s: got %q, want %q", id, got, want)
		}
	}
	if got := last.Find(testid("source-side")+" option[selected]").AttrOr("value", ""); got != "russia" {
		t.Errorf("row side: got %q", got)
	}
	first := doc.Find(testid("source-row")).First()
	if got := first.Find(testid("source-side")+" option[selected]").AttrOr("value", ""); got != "unassigned" {
		t.Errorf("unassigned row side: got %q", got)
	}
	if got := first.Find(`form input[name="names[]"]`).AttrOr("value", ""); got != evil {
		t.Errorf("row form name: got %q", got)
	}
	bulk := doc.Find(testid("bulk-assign"))
	if bulk.AttrOr("action", "") != "/sources/assign" || bulk.AttrOr("method", "") != "post" || bulk.Find(`select[name="side"]`).Length() != 1 {
		t.Errorf("bulk form wrong")
	}
	wantCount(t, doc, `input[type="checkbox"][name="names[]"][form="bulk-assign"]`, 3)
	if href := doc.Find(testid("registry-export")).AttrOr("href", ""); href != "/sources/registry.csv" {
		t.Errorf("export: got %q", href)
	}
	imp := doc.Find(testid("registry-import"))
	if imp.AttrOr("enctype", "") != "multipart/form-data" || imp.Find(`input[type="file"]`).Length() != 1 {
		t.Errorf("registry import form wrong")
	}

	t.Run("Empty", func(t *testing.T) {
		doc, _ := render(t, views.SourcesPage(views.SourcesView{Page: page("")}))
		wantCount(t, doc, testid("sources-empty"), 1)
		wantCount(t, doc, testid("bulk-assign"), 0)
	})
}

func TestErrorPage(t *testing.T) {
	cases := []struct {
		name    string
		v       views.ErrorView
		status  string
		message string
	}{
		{"NotFound", views.ErrorView{Status: 404, Message: "No article " + evil}, "404", "No article " + evil},
		{"DefaultMessage", views.ErrorView{Status: 500}, "500", "Something went wrong on our side. The error was logged; please try again."},
		{"BadStatusBecomes500", views.ErrorView{Status: 200, Message: "x"}, "500", "x"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, _ := render(t, views.ErrorPage(c.v))
			wantNoInjection(t, doc)
			wantText(t, doc, "error-status", c.status)
			wantText(t, doc, "error-message", c.message)
			if href := doc.Find(testid("error-home")).AttrOr("href", ""); href != "/" {
				t.Errorf("home link: got %q", href)
			}
		})
	}
}

// TestNoInlineScript renders every page with hostile data and checks the
// CSP promise: no executable inline script, no inline event handler, no
// javascript: URL.
func TestNoInlineScript(t *testing.T) {
	pages := map[string]templ.Component{
		"overview":      views.OverviewPage(overviewFixture()),
		"overviewEmpty": views.OverviewPage(views.OverviewView{Page: page("")}),
		"upload":        views.UploadPage(views.UploadView{Page: page(""), Results: &views.UploadResults{Items: []views.UploadItem{{Origin: evil, Status: "accepted", ArticleID: 1}}}}),
		"articles":      views.ArticlesPage(articlesFixture()),
		"article":       views.ArticlePage(articleFixture(t)),
		"terms":         views.TermsPage(views.TermsView{Page: page(""), Pattern: evil, Groups: []views.KWICGroup{{Outlet: evil, Count: 1, Lines: []views.KWICLine{{Keyword: evil}}}}}),
		"lexicons":      views.LexiconsPage(lexiconsFixture()),
		"sources":       views.SourcesPage(views.SourcesView{Page: page(""), Rows: []views.SourceStatsRow{{Name: evil}}}),
		"error":         views.ErrorPage(views.ErrorView{Page: page(""), Status: 404, Message: evil}),
		"chart":         views.Chart(views.ChartView{ID: "c", Title: evil, OptionsJSON: `{"a":"</script><script>alert(1)</script>"}`, CSVURL: "javascript:alert(1)"}),
	}
	for name, c := range pages {
		t.Run(name, func(t *testing.T) {
			doc, html := render(t, c)
			wantNoInjection(t, doc)
			doc.Find("*").Each(func(_ int, s *goquery.Selection) {
				for _, a := range s.Nodes[0].Attr {
					k := strings.ToLower(a.Key)
					if strings.HasPrefix(k, "on") || strings.HasPrefix(k, "hx-on") || strings.HasPrefix(k, "data-hx-on") {
						t.Errorf("<%s> has event handler attribute %s=%q", s.Nodes[0].Data, a.Key, a.Val)
					}
					if strings.Contains(strings.ToLower(a.Val), "javascript:") && (k == "href" || k == "action" || k == "src") {
						t.Errorf("<%s %s=%q>: javascript: URL", s.Nodes[0].Data, a.Key, a.Val)
					}
				}
			})
			if strings.Contains(strings.ToLower(html), "<script>") {
				t.Errorf("bare <script> in output")
			}
		})
	}
}

func TestKWIC(t *testing.T) {
	text := "One two three four five six seven rebels eight nine ten eleven twelve."
	s := strings.Index(text, "rebels")
	cases := []struct {
		name              string
		text              string
		start, end, width int
		left, kw, right   string
	}{
		{"WideEnough", text, s, s + 6, 100, text[:s], "rebels", text[s+6:]},
		{"CutAtWords", text, s, s + 6, 12, "…six seven ", "rebels", " eight nine…"},
		{"LineBreaksFlattened", "a\nb rebels c\r\nd", 4, 10, 50, "a b ", "rebels", " c d"},
		{"MultiByte", "ααα rebels βββ", 7, 13, 2, "…α ", "rebels", " β…"},
		{"BadRange", text, 5, 2, 10, "", "", ""},
		{"OutOfRange", text, 0, 999, 10, "", "", ""},
		{"OffRuneBoundary", "ααα", 1, 2, 10, "", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l, k, r := views.KWIC(c.text, c.start, c.end, c.width)
			if l != c.left || k != c.kw || r != c.right {
				t.Errorf("KWIC: got (%q, %q, %q), want (%q, %q, %q)", l, k, r, c.left, c.kw, c.right)
			}
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
