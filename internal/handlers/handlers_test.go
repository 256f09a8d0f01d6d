package handlers_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// The seed article (RT, 6 Dec 2016, Lavrov on Aleppo) scored with the
// shipped lexicon and registry. These figures are what the engine gives
// for it; the pages must show them unchanged.
const (
	seedHits       = 23
	seedRebelHits  = 4
	seedNeutral    = "9" // rebel* ×4, Syrian Army, armed groups ×2, government forces, government
	seedDelegit    = "8" // militant* ×4, terrorist*, jihadi*, radical*, extremist*
	seedWords      = 554
	seedQuotes     = 15
	seedTopSpeaker = "Sergey Lavrov"
	seedTitle      = "US withdraws Aleppo proposals, says no consultations yet – Lavrov"
)

func TestSecurityHeaders(t *testing.T) {
	a := newWebApp(t)
	for _, path := range []string{"/", "/upload", "/articles", "/lexicons", "/sources", "/terms", "/nope", "/api/articles", "/assets/css/app.css"} {
		t.Run(strings.Trim(strings.ReplaceAll(path, "/", "_"), "_"), func(t *testing.T) {
			p := a.get(t, path)
			h := p.resp.Header
			csp := h.Get("Content-Security-Policy")
			for _, want := range []string{"script-src 'self'", "frame-ancestors 'none'", "object-src 'none'"} {
				if !strings.Contains(csp, want) {
					t.Errorf("Content-Security-Policy %q lacks %q", csp, want)
				}
			}
			if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
				t.Errorf("Content-Security-Policy %q allows inline code", csp)
			}
			for name, want := range map[string]string{
				"X-Content-Type-Options": "nosniff",
				"X-Frame-Options":        "DENY",
				"Referrer-Policy":        "same-origin",
			} {
				if got := h.Get(name); got != want {
					t.Errorf("%s: got %q, want %q", name, got, want)
				}
			}
		})
	}
}

func TestEmptyCorpus(t *testing.T) {
	a := newWebApp(t)
	t.Run("OverviewShowsFirstRun", func(t *testing.T) {
		p := a.page(t, "/")
		if p.count("first-run") != 1 {
			t.Fatalf("first-run panel: got %d, want 1", p.count("first-run"))
		}
		if got, want := p.text("lexicon-entries"), strconv.Itoa(shippedLexiconEntries(t)); got != want {
			t.Errorf("lexicon entries: got %q, want %s", got, want)
		}
		if got, want := p.text("registry-entries"), strconv.Itoa(shippedSpeakers(t)); got != want {
			t.Errorf("registry entries: got %q, want %s", got, want)
		}
		if got := p.count("first-run-side"); got != 17 {
			t.Errorf("sides: got %d, want 17", got)
		}
	})
	t.Run("ArticlesEmpty", func(t *testing.T) {
		p := a.page(t, "/articles")
		if got := p.text("articles-total"); got != "0" {
			t.Errorf("total: got %q, want 0", got)
		}
		if p.count("articles-empty") != 1 || p.count("article-row") != 0 {
			t.Errorf("empty list: got %d empty notes and %d rows, want 1 and 0", p.count("articles-empty"), p.count("article-row"))
		}
	})
	t.Run("SourcesEmpty", func(t *testing.T) {
		p := a.page(t, "/sources")
		if p.count("sources-empty") != 1 {
			t.Errorf("sources-empty: got %d, want 1", p.count("sources-empty"))
		}
		if got := p.text("registry-name"); got != "syria-2016" {
			t.Errorf("registry: got %q, want syria-2016", got)
		}
	})
	t.Run("TermsSearchBoxOnly", func(t *testing.T) {
		p := a.page(t, "/terms")
		if p.doc.Find("#terms-q").Length() != 1 || p.count("terms-total") != 0 {
			t.Errorf("terms page: want the search box and no results section")
		}
	})
	t.Run("TermWithoutHits", func(t *testing.T) {
		p := a.page(t, "/terms/rebel%2A")
		if p.text("terms-total") != "0" || p.count("terms-empty") != 1 {
			t.Errorf("got total %q and %d empty notes, want 0 and 1", p.text("terms-total"), p.count("terms-empty"))
		}
	})
}

// zipOf builds a zip archive of name → content.
func zipOf(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const webHTMLPage = `<!DOCTYPE html><html><head><title>Harbour reopens after storm</title></head>
<body><nav>Home | World | Sport</nav><article><h1>Harbour reopens after storm</h1>
<p>The harbour of the small town reopened on Monday after a week of storms, the mayor said.</p>
<p>Fishermen returned to the quay early in the morning and unloaded their first catch in days.</p>
</article><footer>Copyright 2020</footer></body></html>`

const webCSV = "outlet,title,date,text\n" +
	"Csv Daily,First row,2019-05-01,\"The rebels held the bridge for a second day, witnesses said.\"\n" +
	"Csv Daily,Second row,2019-05-02,The council met to discuss the new school building and its budget.\n" +
	"Csv Daily,Third row,2019-05-03,Farmers said the harvest was better than expected this year.\n"

func TestUpload(t *testing.T) {
	a := newWebApp(t)
	seed := seedText(t)
	files := []webFile{
		{"files", "seed.txt", seed},
		{"files", "story.txt", []byte("Aid convoys reached the town on Tuesday. The militants had left the area overnight, residents said.")},
		{"files", "page.html", []byte(webHTMLPage)},
		{"files", "rows.csv", []byte(webCSV)},
		{"files", "bundle.zip", zipOf(t, map[string]string{
			"one.txt": "The first article of the archive talks about the ceasefire in the north.",
			"two.txt": "The second article of the archive describes shelling of the old market.",
		})},
		{"files", "blob.txt", []byte("\x00\x01\x02\x03binary\x00\x00\xff\xfe")},
	}
	p := a.postMultipart(t, "/upload", map[string]string{"outlet": "Upload Test"}, files)
	if p.status() != http.StatusOK {
		t.Fatalf("status: got %d, want 200", p.status())
	}
	if got, want := p.text("upload-summary"), "8 accepted, 0 duplicate, 1 rejected"; got != want {
		t.Errorf("summary: got %q, want %q", got, want)
	}
	rows := uploadRows(p)
	byOrigin := map[string]uploadRow{}
	for _, r := range rows {
		byOrigin[r.origin] = r
	}
	for _, origin := range []string{"seed.txt", "story.txt", "page.html", "bundle.zip/one.txt", "bundle.zip/two.txt"} {
		if r, ok := byOrigin[origin]; !ok || r.status != "accepted" || !strings.HasPrefix(r.link, "/articles/") {
			t.Errorf("%s: got %+v, want accepted with an article link (rows %+v)", origin, r, rows)
		}
	}
	csvAccepted := 0
	for _, r := range rows {
		if strings.HasPrefix(r.origin, "rows.csv") && r.status == "accepted" {
			csvAccepted++
		}
	}
	if csvAccepted != 3 {
		t.Errorf("CSV rows accepted: got %d, want 3 (rows %+v)", csvAccepted, rows)
	}
	if r := byOrigin["blob.txt"]; r.status != "rejected" || r.reason != "binary file" || r.link != "" {
		t.Errorf("binary file: got %+v, want rejected with reason %q and no link", r, "binary file")
	}
	seedLink := byOrigin["seed.txt"].link
	if got := byOrigin["page.html"]; got.status == "accepted" {
		art := a.page(t, got.link)
		if title := art.text("article-title"); title != "Harbour reopens after storm" {
			t.Errorf("HTML title: got %q", title)
		}
		if body := art.text("article-body"); strings.Contains(body, "Copyright") || strings.Contains(body, "Sport") {
			t.Errorf("HTML body keeps page chrome: %q", body)
		}
	}

	t.Run("CSVRowsKeepTheirColumns", func(t *testing.T) {
		var list struct {
			Total    int `json:"total"`
			Articles []struct {
				Outlet, Title, Published string
			} `json:"articles"`
		}
		// The form's outlet applies to every article of the upload, CSV
		// rows included; their titles and dates come from the columns.
		a.getJSON(t, "/api/articles?from=2019-05-01&to=2019-05-31&sort=oldest", &list)
		if list.Total != 3 || len(list.Articles) != 3 {
			t.Fatalf("May 2019 articles: got %d, want the 3 CSV rows", list.Total)
		}
		for i, want := range []string{"First row", "Second row", "Third row"} {
			got := list.Articles[i]
			if got.Title != want || got.Outlet != "Upload Test" || !strings.HasPrefix(got.Published, fmt.Sprintf("2019-05-0%d", i+1)) {
				t.Errorf("CSV row %d: got %+v, want %s of 2019-05-0%d by Upload Test", i+1, got, want, i+1)
			}
		}
	})

	t.Run("DuplicateLinksTheExistingArticle", func(t *testing.T) {
		p := a.postMultipart(t, "/upload", nil, []webFile{{"files", "again.txt", seed}})
		rows := uploadRows(p)
		if len(rows) != 1 || rows[0].status != "duplicate" || rows[0].link != seedLink {
			t.Fatalf("duplicate: got %+v, want one duplicate row linking %s", rows, seedLink)
		}
		if got := p.text("upload-summary"); got != "0 accepted, 1 duplicate, 0 rejected" {
			t.Errorf("summary: got %q", got)
		}
	})

	t.Run("AllRejectedIs422", func(t *testing.T) {
		p := a.postMultipart(t, "/upload", nil, []webFile{{"files", "x.exe", []byte("MZ\x00\x00")}})
		if p.status() != http.StatusUnprocessableEntity {
			t.Errorf("status: got %d, want 422", p.status())
		}
		rows := uploadRows(p)
		if len(rows) != 1 || rows[0].status != "rejected" || rows[0].reason == "" {
			t.Errorf("rows: got %+v, want one rejected with a reason", rows)
		}
	})

	t.Run("NothingToUpload", func(t *testing.T) {
		p := a.postMultipart(t, "/upload", map[string]string{"text": "   "}, nil)
		if p.status() != http.StatusBadRequest || p.count("error-message") != 1 {
			t.Fatalf("status %d, error pages %d; want 400 with a message", p.status(), p.count("error-message"))
		}
		if got := p.text("error-message"); !strings.Contains(got, "Choose at least one file") {
			t.Errorf("message: got %q", got)
		}
	})

	t.Run("PasteWithTitleAndDate", func(t *testing.T) {
		p := a.postMultipart(t, "/upload", map[string]string{
			"text": "Government forces entered the district on Friday, the ministry said.", "outlet": "Paste Post",
			"title": "District entered", "date": "2018-02-03",
		}, nil)
		ids := acceptedIDs(t, p)
		if len(ids) != 1 {
			t.Fatalf("pasted: got %d accepted, want 1", len(ids))
		}
		art := a.page(t, fmt.Sprintf("/articles/%d", ids[0]))
		if got := art.text("article-title"); got != "District entered" {
			t.Errorf("title: got %q", got)
		}
		if got := art.text("article-outlet"); got != "Paste Post" {
			t.Errorf("outlet: got %q", got)
		}
		if got := art.text("article-date"); !strings.HasPrefix(got, "2018-02-03") {
			t.Errorf("date: got %q", got)
		}
		// An accepted paste is not offered again in the form.
		if got := p.doc.Find("#upload-text").Text(); got != "" {
			t.Errorf("textarea after an accepted paste: got %q, want empty", got)
		}
	})

	t.Run("HTMXGetsThePanelAlone", func(t *testing.T) {
		body, ctype := multipartBody(t, map[string]string{"_csrf": a.token(t), "text": "Rescue work\n\nRescue workers searched the rubble of the hospital for survivors through the night."}, nil)
		req, _ := http.NewRequest(http.MethodPost, a.URL+"/upload", body)
		req.Header.Set("Content-Type", ctype)
		req.Header.Set("HX-Request", "true")
		p := a.do(t, req)
		if p.status() != http.StatusOK || p.count("upload-table") != 1 {
			t.Fatalf("status %d, tables %d; want 200 and the results table", p.status(), p.count("upload-table"))
		}
		if p.doc.Find("header.site-header").Length() != 0 || p.count("upload-form") != 0 {
			t.Errorf("htmx answer has the layout or the form; want the results panel alone")
		}
	})

	t.Run("OverviewCounts", func(t *testing.T) {
		p := a.page(t, "/")
		// 8 from the first upload, the paste and the htmx paste.
		if got := p.text("stat-articles"); got != "10" {
			t.Errorf("articles: got %q, want 10", got)
		}
		if got := p.text("stat-outlets"); got != "2" {
			t.Errorf("outlets: got %q, want 2 (Upload Test, Paste Post)", got)
		}
		if got := p.count("latest-row"); got != 8 {
			t.Errorf("latest rows: got %d, want 8", got)
		}
		if got := p.count("chart"); got != 2 {
			t.Errorf("charts: got %d, want 2", got)
		}
	})
}

func TestArticlePage(t *testing.T) {
	a := newWebApp(t)
	id := a.uploadSeed(t, "RT")
	p := a.page(t, fmt.Sprintf("/articles/%d", id))
	if got := p.text("article-title"); got != seedTitle {
		t.Errorf("title: got %q, want %q", got, seedTitle)
	}
	if got := p.text("article-outlet"); got != "RT" {
		t.Errorf("outlet: got %q, want RT", got)
	}
	if got := p.text("article-date"); !strings.HasPrefix(got, "2016-12-06") {
		t.Errorf("date: got %q, want 2016-12-06", got)
	}
	if got := p.text("article-words"); got != strconv.Itoa(seedWords) {
		t.Errorf("words: got %q, want %d", got, seedWords)
	}
	if got := hitMarks(p, "rebel*").Length(); got != seedRebelHits {
		t.Errorf("rebel* marks: got %d, want %d", got, seedRebelHits)
	}
	if got := p.count("hit-row"); got != seedHits {
		t.Errorf("hit rows: got %d, want %d", got, seedHits)
	}
	if got := p.doc.Find(`mark[data-testid="hit"][id^="hit-"]`).Length(); got != seedHits {
		t.Errorf("hit anchors: got %d, want %d", got, seedHits)
	}
	if got := p.text("source-name"); got != seedTopSpeaker {
		t.Errorf("top source: got %q, want %q", got, seedTopSpeaker)
	}
	if got := p.count("quote"); got < seedQuotes {
		t.Errorf("quote spans: got %d, want at least %d", got, seedQuotes)
	}
	if got := p.text("balance"); got != "0.25" {
		t.Errorf("balance: got %q, want 0.25", got)
	}
	frames := map[string]string{}
	p.doc.Find(`[data-testid="frame-row"]`).Each(func(_ int, s *goquery.Selection) {
		f, _ := s.Attr("data-frame")
		frames[f] = strings.TrimSpace(s.Find(`[data-testid="frame-count"]`).Text())
	})
	for f, want := range map[string]string{"neutral": seedNeutral, "delegitimizing": seedDelegit} {
		if frames[f] != want {
			t.Errorf("frame %s: got %q, want %s (frames %v)", f, frames[f], want, frames)
		}
	}
	if p.count("fp-form") != seedHits {
		t.Errorf("flag forms: got %d, want %d", p.count("fp-form"), seedHits)
	}
}

func TestErrorPages(t *testing.T) {
	a := newWebApp(t)
	a.uploadSeed(t, "RT")
	cases := []struct {
		name, path string
		status     int
		message    string
	}{
		{"UnknownRoute", "/no/such/page", 404, "There is no page at this address."},
		{"BadArticleID", "/articles/abc", 404, "No such article."},
		{"NegativeArticleID", "/articles/-3", 404, "No such article."},
		{"MissingArticle", "/articles/999", 404, "article 999 not found"},
		{"UnknownLexicon", "/lexicons/nope.csv", 404, `lexicon "nope" not found`},
		{"LexiconWithoutCSV", "/lexicons/default", 404, "No such lexicon."},
		{"UnknownExport", "/export/nope.csv", 404, "No such export."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest(http.MethodGet, a.URL+tc.path, nil)
			req.Header.Set("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
			p := a.do(t, req)
			if p.status() != tc.status {
				t.Errorf("status: got %d, want %d", p.status(), tc.status)
			}
			if p.doc == nil {
				t.Fatalf("content type %q, want an HTML error page; body %.200s", p.contentType(), p.body)
			}
			if got := p.text("error-status"); got != strconv.Itoa(tc.status) {
				t.Errorf("shown status: got %q", got)
			}
			if got := p.text("error-message"); !strings.Contains(got, tc.message) {
				t.Errorf("message: got %q, want it to contain %q", got, tc.message)
			}
			if p.doc.Find(`a[href="/"]`).Length() == 0 {
				t.Errorf("no link home")
			}
			assertNoStackTrace(t, p)
		})
	}
	t.Run("APIErrorsAreJSON", func(t *testing.T) {
		var e struct {
			Error string `json:"error"`
		}
		if st := a.getJSON(t, "/api/articles/999", &e); st != 404 || !strings.Contains(e.Error, "not found") {
			t.Errorf("got %d %q, want 404 with not found", st, e.Error)
		}
		if st := a.getJSON(t, "/api/nope", &e); st != 404 || e.Error == "" {
			t.Errorf("got %d %q, want 404 with a message", st, e.Error)
		}
	})
}

// assertNoStackTrace fails when a page shows Go internals.
func assertNoStackTrace(t *testing.T, p webPage) {
	t.Helper()
	body := string(p.body)
	for _, bad := range []string{"goroutine ", "panic:", ".go:", "runtime/debug", "sql:"} {
		if strings.Contains(body, bad) {
			t.Errorf("page shows %q: %.400s", bad, body)
		}
	}
}

func TestCSRF(t *testing.T) {
	a := newWebApp(t)
	id := a.uploadSeed(t, "RT")
	send := func(t *testing.T, form url.Values, header map[string]string) webPage {
		t.Helper()
		req, _ := http.NewRequest(http.MethodPost, a.URL+"/articles/delete", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		for k, v := range header {
			req.Header.Set(k, v)
		}
		return a.do(t, req)
	}
	cases := []struct {
		name   string
		form   url.Values
		header map[string]string
	}{
		{"NoToken", url.Values{"ids": {strconv.FormatInt(id, 10)}}, nil},
		{"WrongToken", url.Values{"ids": {strconv.FormatInt(id, 10)}, "_csrf": {"forged"}}, nil},
		{"WrongHeaderToken", url.Values{"ids": {strconv.FormatInt(id, 10)}}, map[string]string{"X-CSRF-Token": "forged"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a.token(t) // the browser has a CSRF cookie, as after any page view
			p := send(t, tc.form, tc.header)
			if p.status() != http.StatusForbidden && p.status() != http.StatusBadRequest {
				t.Errorf("status: got %d, want 403 or 400", p.status())
			}
			if p.doc == nil {
				t.Fatalf("content type %q, want the HTML error page", p.contentType())
			}
			if got := p.text("error-message"); !strings.Contains(got, "This form has expired") {
				t.Errorf("message: got %q, want the friendly CSRF message", got)
			}
			assertNoStackTrace(t, p)
		})
	}
	var list struct{ Total int }
	a.getJSON(t, "/api/articles", &list)
	if list.Total != 1 {
		t.Errorf("articles after forged deletes: got %d, want 1", list.Total)
	}
	t.Run("APIPostWithCookieNeedsToken", func(t *testing.T) {
		body, ctype := multipartBody(t, map[string]string{"text": "The rebels said the town was quiet on Monday morning."}, nil)
		req, _ := http.NewRequest(http.MethodPost, a.URL+"/api/upload", body)
		req.Header.Set("Content-Type", ctype)
		p := a.do(t, req) // the jar sends the session's cookies
		if p.status() != http.StatusForbidden && p.status() != http.StatusBadRequest {
			t.Errorf("status: got %d, want 403 or 400 for a cookie-bearing post without token", p.status())
		}
		if !strings.HasPrefix(p.contentType(), "application/json") {
			t.Errorf("content type: got %q, want JSON", p.contentType())
		}
	})
}

// webXSS is markup that must show as text wherever it appears.
const webXSS = `<script>alert(1)</script><img src=x onerror=alert(1)>`

func TestHTMLEscaping(t *testing.T) {
	a := newWebApp(t)
	text := "The rebels " + webXSS + " said the militants " + webXSS + ` left. "We saw the ` + webXSS + ` terrorists," said Ivan ` + webXSS + ` Petrov.`
	p := a.postMultipart(t, "/upload", map[string]string{
		"outlet": "Evil " + webXSS, "title": "Title " + webXSS, "text": text,
	}, []webFile{{"files", webXSS + ".txt", []byte("The rebels " + webXSS + " came to town on Monday, said the mayor.")}})
	ids := acceptedIDs(t, p)
	if len(ids) != 2 {
		t.Fatalf("accepted: got %d, want 2; rows %+v", len(ids), uploadRows(p))
	}
	assertInert(t, "upload results", p)
	pages := []string{"/", "/articles", "/articles?q=alert", "/sources", "/terms?q=alert", "/terms/rebel%2A", "/lexicons",
		"/articles?outlet=" + url.QueryEscape("Evil "+webXSS)}
	for _, id := range ids {
		pages = append(pages, fmt.Sprintf("/articles/%d", id))
	}
	for _, path := range pages {
		t.Run(path, func(t *testing.T) {
			assertInert(t, path, a.page(t, path))
		})
	}
	art := a.page(t, fmt.Sprintf("/articles/%d", ids[1]))
	if got := art.text("article-outlet"); got != "Evil "+webXSS {
		t.Errorf("outlet shown as text: got %q", got)
	}
	if !strings.Contains(art.text("article-body"), webXSS) {
		t.Errorf("the markup in the text is not shown as text: %q", art.text("article-body"))
	}
}

// assertInert fails when a page holds an executable inline script or an
// element with an inline event handler.
func assertInert(t *testing.T, where string, p webPage) {
	t.Helper()
	p.doc.Find("script").Each(func(_ int, s *goquery.Selection) {
		if _, ok := s.Attr("src"); ok {
			return
		}
		if typ, _ := s.Attr("type"); typ != "application/json" {
			t.Errorf("%s: inline script %q", where, s.Text())
		}
	})
	if n := p.doc.Find("img").Length(); n > 0 {
		t.Errorf("%s: %d img elements, want none", where, n)
	}
	p.doc.Find("*").Each(func(_ int, s *goquery.Selection) {
		for _, at := range s.Nodes[0].Attr {
			if strings.HasPrefix(strings.ToLower(at.Key), "on") {
				t.Errorf("%s: <%s %s=%q>", where, goquery.NodeName(s), at.Key, at.Val)
			}
		}
	})
}

func TestNavLinksResolve(t *testing.T) {
	a := newWebApp(t)
	p := a.page(t, "/")
	p.doc.Find(`nav[aria-label="Main"] a`).Each(func(_ int, s *goquery.Selection) {
		href := s.AttrOr("href", "")
		t.Run(strings.TrimSpace(s.Text()), func(t *testing.T) {
			if st := a.get(t, href).status(); st != http.StatusOK {
				t.Errorf("%s: status %d, want 200", href, st)
			}
		})
	})
}
