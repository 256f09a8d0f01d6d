package handlers_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/framinglens/framinglens/internal/handlers"
)

// apiUploadResult is the answer of POST /api/upload.
type apiUploadResult struct {
	Summary struct{ Accepted, Duplicate, Rejected int } `json:"summary"`
	Items   []struct {
		Origin, Title, Status, Reason string
		ID                            int64
	} `json:"items"`
}

// apiUpload posts like a script would: no cookie, no token.
func (a *webApp) apiUpload(t *testing.T, fields map[string]string, files []webFile) (int, apiUploadResult) {
	t.Helper()
	body, ctype := multipartBody(t, fields, files)
	req, _ := http.NewRequest(http.MethodPost, a.URL+"/api/upload", body)
	req.Header.Set("Content-Type", ctype)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("POST /api/upload: %v", err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	var out apiUploadResult
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatalf("POST /api/upload: %v; body %.300s", err, data)
	}
	return resp.StatusCode, out
}

// paste uploads one pasted article through the API and returns its id.
func (a *webApp) paste(t *testing.T, outlet, title, date, text string) int64 {
	t.Helper()
	st, res := a.apiUpload(t, map[string]string{"outlet": outlet, "title": title, "date": date, "text": text}, nil)
	if st != http.StatusOK || res.Summary.Accepted != 1 {
		t.Fatalf("paste %q: status %d, result %+v", title, st, res)
	}
	return res.Items[0].ID
}

// webCorpus is the seed plus three small articles of two more outlets.
type webCorpus struct {
	seed, alpha1, alpha2, beta int64
}

func (a *webApp) loadCorpus(t *testing.T) webCorpus {
	t.Helper()
	return webCorpus{
		seed:   a.uploadSeed(t, "RT"),
		alpha1: a.paste(t, "Daily Alpha", "Alpha one", "2020-01-10", "The rebels attacked the town at dawn. Later the militants retreated to the hills, residents said."),
		alpha2: a.paste(t, "Daily Alpha", "Alpha two", "2020-03-05", "A ceasefire began in the north early on Thursday. Aid reached the hospital, the Red Cross said."),
		beta:   a.paste(t, "Beta News", "Beta one", "2021-06-01", "A quiet day at the harbour. Fishermen said the weather was fine and the catch was good."),
	}
}

// listTitles reads the article list's total and the titles of its rows.
func listTitles(p webPage) (string, []string) {
	var titles []string
	p.doc.Find(`[data-testid="article-link"]`).Each(func(_ int, s *goquery.Selection) {
		titles = append(titles, strings.TrimSpace(s.Text()))
	})
	return p.text("articles-total"), titles
}

func TestArticleFilters(t *testing.T) {
	a := newWebApp(t)
	a.loadCorpus(t)
	cases := []struct {
		name, query string
		want        []string // titles in list order
	}{
		{"All", "", []string{"Beta one", "Alpha two", "Alpha one", seedTitle}},
		{"Outlet", "outlet=Daily+Alpha", []string{"Alpha two", "Alpha one"}},
		{"TwoOutlets", "outlet=Daily+Alpha&outlet=Beta+News", []string{"Beta one", "Alpha two", "Alpha one"}},
		{"FromTo", "from=2020-01-01&to=2020-12-31", []string{"Alpha two", "Alpha one"}},
		{"FromOnly", "from=2020-02-01", []string{"Beta one", "Alpha two"}},
		{"ToOnly", "to=2019-12-31", []string{seedTitle}},
		{"Frame", "frame=delegitimizing", []string{"Alpha one", seedTitle}},
		{"FrameRelief", "frame=relief", []string{"Alpha two", seedTitle}},
		{"Term", "term=rebel%2A", []string{"Alpha one", seedTitle}},
		{"Side", "side=russia", []string{seedTitle}},
		{"Query", "q=harbour", []string{"Beta one"}},
		{"QueryNoMatch", "q=zeppelin", nil},
		{"Combined", "outlet=Daily+Alpha&frame=relief", []string{"Alpha two"}},
		{"SortOldest", "sort=oldest", []string{seedTitle, "Alpha one", "Alpha two", "Beta one"}},
		{"SortWords", "sort=words&outlet=Daily+Alpha&outlet=RT", []string{seedTitle, "Alpha two", "Alpha one"}},
		{"SortTitle", "sort=title", []string{"Alpha one", "Alpha two", "Beta one", seedTitle}},
		{"UnknownSortIsNewest", "sort=bogus", []string{"Beta one", "Alpha two", "Alpha one", seedTitle}},
		{"PageTwoIsEmpty", "page=2", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			total, titles := listTitles(a.page(t, "/articles?"+tc.query))
			wantTotal := strconv.Itoa(len(tc.want))
			if tc.name == "PageTwoIsEmpty" {
				wantTotal = "4"
			}
			if total != wantTotal {
				t.Errorf("total: got %s, want %s", total, wantTotal)
			}
			if strings.Join(titles, "|") != strings.Join(tc.want, "|") {
				t.Errorf("rows:\n got %q\nwant %q", titles, tc.want)
			}
			var api struct {
				Total    int
				Articles []struct{ Title string }
			}
			a.getJSON(t, "/api/articles?"+tc.query, &api)
			if strconv.Itoa(api.Total) != wantTotal || len(api.Articles) != len(tc.want) {
				t.Errorf("API: total %d, %d rows; want %s and %d", api.Total, len(api.Articles), wantTotal, len(tc.want))
			}
		})
	}
	t.Run("FilterFormKeepsValues", func(t *testing.T) {
		p := a.page(t, "/articles?outlet=Beta+News&frame=relief&q=harbour&sort=oldest")
		if v, _ := p.doc.Find(`#f-outlet option[selected]`).Attr("value"); v != "Beta News" {
			t.Errorf("outlet selected: got %q", v)
		}
		if v, _ := p.doc.Find(`#f-frame option[selected]`).Attr("value"); v != "relief" {
			t.Errorf("frame selected: got %q", v)
		}
		if v, _ := p.doc.Find(`#f-q`).Attr("value"); v != "harbour" {
			t.Errorf("q: got %q", v)
		}
		href, _ := p.doc.Find(`[data-testid="export-hits"]`).Attr("href")
		u, err := url.Parse(href)
		if err != nil || u.Path != "/export/hits.csv" || u.Query().Get("outlet") != "Beta News" || u.Query().Get("q") != "harbour" {
			t.Errorf("export link %q does not keep the filter", href)
		}
	})
}

func TestArticlePagination(t *testing.T) {
	a := newWebApp(t)
	var b strings.Builder
	b.WriteString("title,date,text\n")
	for i := 1; i <= 55; i++ {
		fmt.Fprintf(&b, "Row %02d,2020-01-%02d,Article number %d reports on the weather and the roads of district %d today.\n", i, 1+i%28, i, i)
	}
	st, res := a.apiUpload(t, map[string]string{"outlet": "Many"}, []webFile{{"files", "many.csv", []byte(b.String())}})
	if st != http.StatusOK || res.Summary.Accepted != 55 {
		t.Fatalf("upload: status %d, summary %+v, want 55 accepted", st, res.Summary)
	}
	p1 := a.page(t, "/articles?sort=title")
	if got := p1.count("article-row"); got != 50 {
		t.Errorf("page 1 rows: got %d, want 50", got)
	}
	if got := p1.text("page-current"); got != "Page 1 of 2" {
		t.Errorf("page 1: got %q", got)
	}
	next, _ := p1.doc.Find(`[data-testid="page-next"]`).Attr("href")
	if !strings.Contains(next, "page=2") || !strings.Contains(next, "sort=title") {
		t.Fatalf("next link %q, want page=2 with the sort kept", next)
	}
	p2 := a.page(t, next)
	total, titles := listTitles(p2)
	if total != "55" || len(titles) != 5 || titles[0] != "Row 51" || titles[4] != "Row 55" {
		t.Errorf("page 2: total %s, titles %q; want 55 and Row 51..Row 55", total, titles)
	}
	if p2.count("page-next") != 0 || p2.count("page-prev") != 1 {
		t.Errorf("page 2 links: %d next, %d prev; want 0 and 1", p2.count("page-next"), p2.count("page-prev"))
	}
}

func TestBulkDelete(t *testing.T) {
	a := newWebApp(t)
	c := a.loadCorpus(t)
	p := a.post(t, "/articles/delete", url.Values{"ids": {strconv.FormatInt(c.alpha1, 10), strconv.FormatInt(c.beta, 10), "junk"}})
	if p.resp.Request.URL.Path != "/articles" {
		t.Errorf("landed on %s, want /articles", p.resp.Request.URL.Path)
	}
	if got := p.flash(); got != "Done: 2 articles deleted." && !strings.HasSuffix(got, "2 articles deleted.") {
		t.Errorf("flash: got %q", got)
	}
	total, titles := listTitles(p)
	if total != "2" || strings.Join(titles, "|") != "Alpha two|"+seedTitle {
		t.Errorf("after delete: total %s, titles %q", total, titles)
	}
	if st := a.get(t, fmt.Sprintf("/articles/%d", c.alpha1)).status(); st != http.StatusNotFound {
		t.Errorf("deleted article: status %d, want 404", st)
	}
	t.Run("NothingSelected", func(t *testing.T) {
		p := a.post(t, "/articles/delete", nil)
		if got := p.flash(); !strings.Contains(got, "No articles were selected.") {
			t.Errorf("flash: got %q", got)
		}
		if p.text("articles-total") != "2" {
			t.Errorf("total: got %s, want 2", p.text("articles-total"))
		}
	})
	t.Run("FlashShowsOnce", func(t *testing.T) {
		if p := a.page(t, "/articles"); p.count("flash") != 0 {
			t.Errorf("flash shown again: %q", p.flash())
		}
	})
}

// apiArticleResult is the part of /api/articles/{id} the tests read.
type apiArticleResult struct {
	ID     int64  `json:"id"`
	Outlet string `json:"outlet"`
	Title  string `json:"title"`
	Words  int    `json:"words"`
	Text   string `json:"text"`
	Hits   []struct {
		Term, Pattern, Frame, Voice string
		Start, End                  int
	} `json:"hits"`
	Quotes  []struct{ Speaker, Kind string } `json:"quotes"`
	Sources []struct {
		Name, Side       string
		Direct, Reported int
	} `json:"sources"`
	Unassigned int     `json:"unassigned"`
	Balance    float64 `json:"balance"`
}

func (a *webApp) article(t *testing.T, id int64) apiArticleResult {
	t.Helper()
	var r apiArticleResult
	if st := a.getJSON(t, fmt.Sprintf("/api/articles/%d", id), &r); st != http.StatusOK {
		t.Fatalf("/api/articles/%d: status %d", id, st)
	}
	return r
}

// patternHits counts an article's hits of one pattern.
func (r apiArticleResult) patternHits(pattern string) int {
	n := 0
	for _, h := range r.Hits {
		if h.Pattern == pattern {
			n++
		}
	}
	return n
}

func TestFalsePositive(t *testing.T) {
	a := newWebApp(t)
	id := a.uploadSeed(t, "RT")
	p := a.page(t, fmt.Sprintf("/articles/%d", id))
	form := p.doc.Find(`[data-testid="fp-form"]`).FilterFunction(func(_ int, s *goquery.Selection) bool {
		v, _ := s.Find(`input[name="pattern"]`).Attr("value")
		return v == "rebel*"
	}).First()
	action, _ := form.Attr("action")
	start, _ := form.Find(`input[name="start"]`).Attr("value")
	end, _ := form.Find(`input[name="end"]`).Attr("value")
	p = a.post(t, action, url.Values{"start": {start}, "end": {end}, "pattern": {"rebel*"}})
	if p.resp.Request.URL.Path != fmt.Sprintf("/articles/%d", id) {
		t.Errorf("landed on %s", p.resp.Request.URL)
	}
	if got := p.flash(); !strings.Contains(got, "Marked as a false positive") {
		t.Errorf("flash: got %q", got)
	}
	if got := hitMarks(p, "rebel*").Length(); got != seedRebelHits-1 {
		t.Errorf("rebel* marks: got %d, want %d", got, seedRebelHits-1)
	}
	struck := p.doc.Find("mark#hit-" + start)
	if !struck.HasClass("hit-fp") {
		t.Errorf("the flagged hit is not struck through: class %q", struck.AttrOr("class", ""))
	}
	if got := p.count("hit-flagged"); got != 1 {
		t.Errorf("flagged rows: got %d, want 1", got)
	}
	if got := p.count("fp-form"); got != seedHits-1 {
		t.Errorf("flag forms: got %d, want %d", got, seedHits-1)
	}
	r := a.article(t, id)
	if len(r.Hits) != seedHits-1 || r.patternHits("rebel*") != seedRebelHits-1 {
		t.Errorf("API hits: %d, rebel* %d; want %d and %d", len(r.Hits), r.patternHits("rebel*"), seedHits-1, seedRebelHits-1)
	}
	var hits struct{ Hits []json.RawMessage }
	a.getJSON(t, "/api/hits?pattern=rebel%2A", &hits)
	if len(hits.Hits) != seedRebelHits-1 {
		t.Errorf("/api/hits rebel*: got %d, want %d", len(hits.Hits), seedRebelHits-1)
	}
	lex := a.page(t, "/lexicons")
	row := lex.doc.Find(`[data-testid="entry-row"]`).FilterFunction(func(_ int, s *goquery.Selection) bool {
		return s.Find(`[data-testid="entry-pattern"]`).AttrOr("value", "") == "rebel*"
	})
	hitsN := strings.TrimSpace(row.Find(`[data-testid="entry-hits"]`).Text())
	fpN := strings.TrimSpace(row.Find(`[data-testid="entry-fp"]`).Text())
	if fpN != "1" || hitsN != strconv.Itoa(seedRebelHits-1) {
		t.Errorf("lexicon row rebel*: hits %q, false positives %q; want %d and 1", hitsN, fpN, seedRebelHits-1)
	}
	t.Run("BadHitIs400", func(t *testing.T) {
		p := a.post(t, action, url.Values{"start": {"10"}, "end": {"5"}, "pattern": {"rebel*"}})
		if p.status() != http.StatusBadRequest || !strings.Contains(p.text("error-message"), "needs a start, an end and a pattern") {
			t.Errorf("got %d %q", p.status(), p.text("error-message"))
		}
	})
}

// outletCounts reads the keyword-in-context lines per outlet of a Terms page.
func outletCounts(p webPage) map[string]string {
	m := map[string]string{}
	p.doc.Find(`[data-testid="kwic-group"]`).Each(func(_ int, s *goquery.Selection) {
		name := strings.TrimSpace(s.Find("h3").Contents().First().Text())
		m[name] = strconv.Itoa(s.Find(`[data-testid="kwic-line"]`).Length())
	})
	return m
}

func TestTerms(t *testing.T) {
	a := newWebApp(t)
	c := a.loadCorpus(t)
	t.Run("PatternGroupedByOutlet", func(t *testing.T) {
		p := a.page(t, "/terms/rebel%2A")
		if got := p.text("terms-total"); got != "5" {
			t.Errorf("total: got %s, want 5", got)
		}
		if got := p.text("terms-pattern"); got != "rebel*" {
			t.Errorf("pattern: got %q", got)
		}
		got := outletCounts(p)
		if len(got) != 2 || got["RT"] != "4" || got["Daily Alpha"] != "1" {
			t.Errorf("lines per outlet: got %v, want RT 4, Daily Alpha 1", got)
		}
		link, _ := p.doc.Find(`[data-testid="kwic-link"]`).First().Attr("href")
		if !strings.HasPrefix(link, "/articles/") || !strings.Contains(link, "#hit-") {
			t.Errorf("kwic link %q, want an article hit anchor", link)
		}
		for _, kw := range p.doc.Find(`[data-testid="kwic-link"] mark`).Nodes {
			if w := strings.ToLower(goquery.NewDocumentFromNode(kw).Text()); !strings.HasPrefix(w, "rebel") {
				t.Errorf("keyword %q does not match rebel*", w)
			}
		}
	})
	t.Run("VoiceFilter", func(t *testing.T) {
		p := a.page(t, "/terms/rebel%2A?voice=own")
		if got := p.text("terms-total"); got != "1" {
			t.Errorf("own-voice rebel*: got %s, want 1 (Alpha one)", got)
		}
	})
	t.Run("OutletFilter", func(t *testing.T) {
		p := a.page(t, "/terms/rebel%2A?outlet=RT")
		if got := outletCounts(p); len(got) != 1 || got["RT"] != "4" {
			t.Errorf("got %v, want RT 4 only", got)
		}
	})
	t.Run("SearchBoxWithPattern", func(t *testing.T) {
		p := a.page(t, "/terms?q=rebel*")
		if got := p.text("terms-total"); got != "5" {
			t.Errorf("total: got %s, want 5", got)
		}
	})
	t.Run("AnyWord", func(t *testing.T) {
		text := a.article(t, c.seed).Text
		want := len(regexp.MustCompile(`(?i)\baleppo\b`).FindAllString(text, -1))
		if want == 0 {
			t.Fatal("seed text has no Aleppo")
		}
		p := a.page(t, "/terms?q=Aleppo")
		if got := p.text("terms-total"); got != strconv.Itoa(want) {
			t.Errorf("Aleppo: got %s, want %d", got, want)
		}
		if got := outletCounts(p); len(got) != 1 || got["RT"] != strconv.Itoa(want) {
			t.Errorf("groups: got %v, want RT %d", got, want)
		}
		p = a.page(t, "/terms?q=harbour")
		if got := outletCounts(p); len(got) != 1 || got["Beta News"] != "1" {
			t.Errorf("harbour groups: got %v, want Beta News 1", got)
		}
	})
	t.Run("AnyWordAllRead", func(t *testing.T) {
		if n := a.page(t, "/terms?q=said").count("terms-partial"); n != 0 {
			t.Errorf("every matching article was read, yet the page says it shows part (%d notes)", n)
		}
	})
	t.Run("UnknownWord", func(t *testing.T) {
		p := a.page(t, "/terms?q=zeppelin")
		if p.text("terms-total") != "0" || p.count("terms-empty") != 1 {
			t.Errorf("got total %q", p.text("terms-total"))
		}
	})
}

// TestTermsWordSearchCap: a word search reads only the most recent
// articles up to the cap, and the page says how many match in all.
func TestTermsWordSearchCap(t *testing.T) {
	a := newWebAppWith(t, func(o *handlers.Options) { o.WordSearchArticles = 2 })
	a.loadCorpus(t)
	// "said" stands in all four articles; the two most recent are Beta one
	// (2021) and Alpha two (2020-03).
	p := a.page(t, "/terms?q=said")
	if got := outletCounts(p); len(got) != 2 || got["Beta News"] != "1" || got["Daily Alpha"] != "1" {
		t.Errorf("groups: got %v, want Beta News 1 and Daily Alpha 1", got)
	}
	note := p.text("terms-partial")
	if !strings.Contains(note, "2 most recent of the 4 articles") {
		t.Errorf("partial note: got %q, want it to say 2 of 4", note)
	}
}

// TestArticleListBalance checks the balance column: a number for an
// article with attributions to a known side, a dash for one whose quotes
// are all unassigned ("Fishermen said" in Beta one) or that has none.
func TestArticleListBalance(t *testing.T) {
	a := newWebApp(t)
	c := a.loadCorpus(t)
	p := a.page(t, "/articles")
	got := map[string]string{}
	p.doc.Find(`[data-testid="article-link"]`).Each(func(_ int, s *goquery.Selection) {
		got[strings.TrimSpace(s.Text())] = strings.TrimSpace(s.Closest("tr").Find(`[data-testid="balance"]`).Text())
	})
	var beta struct {
		Quotes []struct{ Side string } `json:"quotes"`
	}
	a.getJSON(t, fmt.Sprintf("/api/articles/%d", c.beta), &beta)
	if len(beta.Quotes) == 0 || beta.Quotes[0].Side != "unassigned" {
		t.Fatalf("Beta one's quotes = %+v, want one unassigned", beta.Quotes)
	}
	var list struct {
		Articles []struct {
			Title              string
			Quotes, Unassigned int
		} `json:"articles"`
	}
	a.getJSON(t, "/api/articles", &list)
	for _, r := range list.Articles {
		if r.Title == "Beta one" && (r.Quotes == 0 || r.Unassigned != r.Quotes) {
			t.Errorf("/api/articles: Beta one has %d quotes, %d unassigned; want all unassigned", r.Quotes, r.Unassigned)
		}
	}
	for title, want := range map[string]string{seedTitle: "0.25", "Beta one": "–"} {
		if got[title] != want {
			t.Errorf("%s: balance %q, want %q", title, got[title], want)
		}
	}
}
