package views_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/a-h/templ"

	"github.com/framinglens/framinglens/views"
)

// evil is hostile text placed in every user-supplied field: rendering it
// must never add an element or attribute.
const evil = `<script>alert(1)</script><img src=x onerror=alert(2)>"'&`

// render renders c and parses the HTML.
func render(t *testing.T, c templ.Component) (*goquery.Document, string) {
	t.Helper()
	var b bytes.Buffer
	if err := c.Render(context.Background(), &b); err != nil {
		t.Fatalf("render: %v", err)
	}
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(b.String()))
	if err != nil {
		t.Fatalf("parse rendered HTML: %v", err)
	}
	return doc, b.String()
}

// text returns the trimmed text of the first element matching sel.
func text(doc *goquery.Document, sel string) string {
	return strings.TrimSpace(doc.Find(sel).First().Text())
}

// testid is a data-testid selector.
func testid(id string) string { return `[data-testid="` + id + `"]` }

// wantText fails unless the first element with the test id has the text.
func wantText(t *testing.T, doc *goquery.Document, id, want string) {
	t.Helper()
	sel := doc.Find(testid(id))
	if sel.Length() == 0 {
		t.Errorf("no element with data-testid=%q", id)
		return
	}
	if got := strings.Join(strings.Fields(sel.First().Text()), " "); got != want {
		t.Errorf("%s: got %q, want %q", id, got, want)
	}
}

// wantCount fails unless sel matches n elements.
func wantCount(t *testing.T, doc *goquery.Document, sel string, n int) {
	t.Helper()
	if got := doc.Find(sel).Length(); got != n {
		t.Errorf("%s: got %d elements, want %d", sel, got, n)
	}
}

// wantNoInjection fails if the hostile text became markup.
func wantNoInjection(t *testing.T, doc *goquery.Document) {
	t.Helper()
	wantCount(t, doc, "img", 0)
	doc.Find("script").Each(func(_ int, s *goquery.Selection) {
		if _, ok := s.Attr("src"); ok {
			return
		}
		if typ, _ := s.Attr("type"); typ == "application/json" {
			return
		}
		t.Errorf("inline executable script: %s", s.Text())
	})
}

func page(active string) views.Page {
	return views.Page{Title: "T", Active: active, CSRFToken: "tok-123"}
}

func TestLayout(t *testing.T) {
	t.Run("LandmarksNavAndCSRF", func(t *testing.T) {
		v := views.ErrorView{Page: views.Page{CSRFToken: "tok-123", Flashes: []views.Flash{{Kind: views.FlashError, Message: evil}}}, Status: 404}
		doc, _ := render(t, views.ErrorPage(v))
		for _, sel := range []string{"html[lang=en]", "header", "nav", "main#main", "footer", "a.skip-link[href='#main']"} {
			wantCount(t, doc, sel, 1)
		}
		if got, _ := doc.Find(`meta[name="csrf-token"]`).Attr("content"); got != "tok-123" {
			t.Errorf("csrf meta: got %q, want %q", got, "tok-123")
		}
		var navs []string
		doc.Find("nav a").Each(func(_ int, s *goquery.Selection) { navs = append(navs, s.Text()) })
		if got, want := strings.Join(navs, ","), "Overview,Upload,Articles,Terms,Outlets,Lexicons,Sources"; got != want {
			t.Errorf("nav: got %s, want %s", got, want)
		}
		wantCount(t, doc, `[aria-current="page"]`, 0)
		wantText(t, doc, "flash", "Error: "+evil)
		wantNoInjection(t, doc)
		wantCount(t, doc, `script[src="/assets/vendor/echarts.min.js"]`, 0)
		for _, src := range []string{"/assets/vendor/htmx.min.js", "/assets/js/app.js", "/assets/js/charts.js"} {
			wantCount(t, doc, `script[src="`+src+`"]`, 1)
		}
		wantCount(t, doc, `link[href="/assets/css/app.css"]`, 1)
	})
	t.Run("ActiveNavItem", func(t *testing.T) {
		doc, _ := render(t, views.SourcesPage(views.SourcesView{Page: views.Page{CSRFToken: "x"}}))
		cur := doc.Find(`nav [aria-current="page"]`)
		if cur.Length() != 1 || cur.Text() != "Sources" {
			t.Errorf("current nav item: got %d %q, want 1 %q", cur.Length(), cur.Text(), "Sources")
		}
		if got := text(doc, "title"); got != "Sources · Framing Lens" {
			t.Errorf("title: got %q", got)
		}
	})
}

func TestChart(t *testing.T) {
	opts := `{"title":{"text":"</script><script>alert(1)</script>"},"series":[{"type":"bar","data":[1,2]}]}`
	doc, html := render(t, views.Chart(views.ChartView{ID: "frames", Title: "Frames", OptionsJSON: opts, CSVURL: "/export/frames.csv?x=1&y=2", Height: 250}))
	wantNoInjection(t, doc)
	if strings.Contains(html, "</script><script>") {
		t.Errorf("options JSON breaks out of its script element:\n%s", html)
	}
	el := doc.Find(testid("chart"))
	if id, _ := el.Attr("id"); id != "frames" {
		t.Errorf("chart id: got %q, want frames", id)
	}
	if h, _ := el.Attr("data-height"); h != "250" {
		t.Errorf("data-height: got %q, want 250", h)
	}
	ref, _ := el.Attr("data-chart-options-id")
	script := doc.Find("script#" + ref)
	if typ, _ := script.Attr("type"); typ != "application/json" {
		t.Fatalf("options script %q: type %q, want application/json", ref, typ)
	}
	var got, want any
	if err := json.Unmarshal([]byte(script.Text()), &got); err != nil {
		t.Fatalf("options are not JSON: %v", err)
	}
	_ = json.Unmarshal([]byte(opts), &want)
	gb, _ := json.Marshal(got)
	wb, _ := json.Marshal(want)
	if string(gb) != string(wb) {
		t.Errorf("options: got %s, want %s", gb, wb)
	}
	if got := text(doc, "figcaption"); got != "Frames" {
		t.Errorf("figcaption: got %q", got)
	}
	if href, _ := doc.Find(testid("chart-csv")).Attr("href"); href != "/export/frames.csv?x=1&y=2" {
		t.Errorf("csv link: got %q", href)
	}

	t.Run("InvalidJSONRendersEmptyOptions", func(t *testing.T) {
		doc, _ := render(t, views.Chart(views.ChartView{ID: "c", Title: "C", OptionsJSON: "{not json"}))
		if got := strings.TrimSpace(doc.Find("script#c-options").Text()); got != "{}" {
			t.Errorf("options: got %q, want {}", got)
		}
		wantCount(t, doc, testid("chart-csv"), 0)
		if _, ok := doc.Find(testid("chart")).Attr("data-height"); ok {
			t.Errorf("data-height set for a zero height")
		}
	})
}

func overviewFixture() views.OverviewView {
	return views.OverviewView{
		Page:        page(""),
		Stats:       views.CorpusStats{Articles: 60000, Outlets: 12, Words: 1234567, From: "2020-01-02", To: "2024-12-31"},
		Latest:      []views.ArticleLink{{ID: 42, Title: evil, Outlet: evil, Published: "2024-12-31"}, {ID: 7, Title: "", Outlet: "Daily"}},
		FramesChart: views.ChartView{ID: "frames-chart", Title: "Frames", OptionsJSON: `{}`, CSVURL: "/export/frames.csv"},
		SidesChart:  views.ChartView{ID: "sides-chart", Title: "Sides", OptionsJSON: `{}`},
		Lexicon:     views.LexiconInfo{Name: "default", Version: "abc", Entries: 120},
		Frames:      []views.FrameInfo{{Name: "terrorism", Description: "Actors cast as terrorists"}, {Name: "insurgency", Description: "Actors cast as rebels"}},
		Registry:    views.RegistryInfo{Name: "default", Entries: 80, Sides: []string{"russia", "ukraine", "west"}},
	}
}

func TestOverview(t *testing.T) {
	t.Run("Corpus", func(t *testing.T) {
		doc, _ := render(t, views.OverviewPage(overviewFixture()))
		wantText(t, doc, "stat-articles", "60,000")
		wantText(t, doc, "stat-outlets", "12")
		wantText(t, doc, "stat-words", "1,234,567")
		wantText(t, doc, "stat-span", "2020-01-02 – 2024-12-31")
		wantCount(t, doc, testid("latest-row"), 2)
		if href, _ := doc.Find(testid("latest-row") + " a").First().Attr("href"); href != "/articles/42" {
			t.Errorf("latest link: got %q, want /articles/42", href)
		}
		wantCount(t, doc, testid("chart"), 2)
		wantCount(t, doc, `script[src="/assets/vendor/echarts.min.js"]`, 1)
		wantCount(t, doc, testid("first-run"), 0)
		wantCount(t, doc, `nav [aria-current="page"]`, 1)
		wantNoInjection(t, doc)
	})
	t.Run("FirstRunOnEmptyCorpus", func(t *testing.T) {
		v := overviewFixture()
		v.Stats = views.CorpusStats{}
		v.Latest = nil
		doc, html := render(t, views.OverviewPage(v))
		wantCount(t, doc, testid("first-run"), 1)
		wantCount(t, doc, testid("stat-articles"), 0)
		wantCount(t, doc, testid("chart"), 0)
		wantCount(t, doc, `script[src="/assets/vendor/echarts.min.js"]`, 0)
		if href, _ := doc.Find(testid("first-run-upload")).Attr("href"); href != "/upload" {
			t.Errorf("upload link: got %q, want /upload", href)
		}
		if !strings.Contains(html, "go run ./cmd/web import FILE...") {
			t.Errorf("first-run panel lacks the import command")
		}
		wantCount(t, doc, testid("first-run-frame"), 2)
		if dt, dd := text(doc, testid("first-run-frame")+" dt"), text(doc, testid("first-run-frame")+" dd"); dt != "terrorism" || dd != "Actors cast as terrorists" {
			t.Errorf("first frame: got %q: %q", dt, dd)
		}
		var sides []string
		doc.Find(testid("first-run-side")).Each(func(_ int, s *goquery.Selection) { sides = append(sides, s.Text()) })
		if got := strings.Join(sides, ","); got != "russia,ukraine,west" {
			t.Errorf("sides: got %q", got)
		}
		wantText(t, doc, "lexicon-entries", "120")
		wantText(t, doc, "registry-entries", "80")
	})
}

func TestUpload(t *testing.T) {
	t.Run("Form", func(t *testing.T) {
		doc, _ := render(t, views.UploadPage(views.UploadView{Page: page(""), Form: views.UploadForm{Outlet: evil}, MaxUploadMB: 64}))
		form := doc.Find(testid("upload-form"))
		for attr, want := range map[string]string{
			"method": "post", "action": "/upload", "enctype": "multipart/form-data",
			"hx-post": "/upload", "hx-encoding": "multipart/form-data", "hx-target": "#upload-results",
		} {
			if got, _ := form.Attr(attr); got != want {
				t.Errorf("form %s: got %q, want %q", attr, got, want)
			}
		}
		if got, _ := form.Find(`input[name="_csrf"]`).Attr("value"); got != "tok-123" {
			t.Errorf("_csrf: got %q", got)
		}
		files := form.Find(`input[type="file"][name="files"][multiple]`)
		id, _ := files.Attr("id")
		if files.Length() != 1 || doc.Find(`label[for="`+id+`"]`).Length() != 1 {
			t.Errorf("file input with a label: got %d inputs, id %q", files.Length(), id)
		}
		for _, name := range []string{"text", "outlet", "title", "date"} {
			in := form.Find(`[name="` + name + `"]`)
			id, _ := in.Attr("id")
			if in.Length() != 1 || doc.Find(`label[for="`+id+`"]`).Length() != 1 {
				t.Errorf("input %s: want one, with a label", name)
			}
		}
		if got, _ := form.Find(`[name="outlet"]`).Attr("value"); got != evil {
			t.Errorf("outlet value: got %q, want the text back", got)
		}
		wantCount(t, doc, "progress[data-upload-progress]", 1)
		wantCount(t, doc, testid("upload-summary"), 0)
		wantNoInjection(t, doc)
	})
	t.Run("Results", func(t *testing.T) {
		r := views.UploadResults{Items: []views.UploadItem{
			{Origin: "a.txt", Status: views.UploadAccepted, ArticleID: 5, Title: "A"},
			{Origin: "dump.zip/b.html", Status: views.UploadAccepted, ArticleID: 6, Title: evil},
			{Origin: evil, Status: views.UploadDuplicate, ArticleID: 2, Title: "Old"},
			{Origin: "c.pdf", Status: views.UploadRejected, Reason: "unsupported file type .pdf"},
		}}
		doc, _ := render(t, views.UploadResultsPanel(r))
		wantText(t, doc, "upload-summary", "2 accepted, 1 duplicate, 1 rejected")
		wantCount(t, doc, testid("upload-row"), 4)
		var statuses, links []string
		doc.Find(testid("status")).Each(func(_ int, s *goquery.Selection) { statuses = append(statuses, s.Text()) })
		doc.Find(testid("upload-link")).Each(func(_ int, s *goquery.Selection) {
			h, _ := s.Attr("href")
			links = append(links, h)
		})
		if got := strings.Join(statuses, ","); got != "accepted,accepted,duplicate,rejected" {
			t.Errorf("statuses: got %s", got)
		}
		if got := strings.Join(links, ","); got != "/articles/5,/articles/6,/articles/2" {
			t.Errorf("links: got %s", got)
		}
		wantText(t, doc, "upload-reason", "unsupported file type .pdf")
		wantNoInjection(t, doc)
	})
	t.Run("PlainPostShowsResults", func(t *testing.T) {
		r := &views.UploadResults{Items: []views.UploadItem{{Origin: "pasted text", Status: views.UploadRejected, Reason: "empty"}}}
		doc, _ := render(t, views.UploadPage(views.UploadView{Page: page(""), Results: r}))
		wantText(t, doc, "upload-summary", "0 accepted, 0 duplicate, 1 rejected")
		wantCount(t, doc, "#upload-results "+testid("upload-row"), 1)
	})
}

func articlesFixture() views.ArticlesView {
	return views.ArticlesView{
		Page:   page(""),
		Filter: views.ArticleFilter{Outlets: []string{"RT", "BBC News"}, From: "2022-01-01", Frame: "terrorism", Side: "west", Q: "a&b", Sort: "oldest", Page: 2},
		Options: views.FilterOptions{
			Outlets: []string{"BBC News", "CNN", "RT", evil},
			Frames:  []string{"insurgency", "terrorism"},
			Sides:   []string{"russia", "west"},
		},
		Rows: []views.ArticleRow{
			{ID: 9, Outlet: evil, Published: "2022-03-01", Title: evil, Words: 1200, TopFrames: []views.FrameShare{{"terrorism", 4}, {"insurgency", 1}}, Balance: 0.725, BalanceKnown: true},
			{ID: 10, Outlet: "RT", Title: "B", Words: 80},
		},
		Total:    55,
		PageSize: 20,
	}
}

func TestArticles(t *testing.T) {
	doc, _ := render(t, views.ArticlesPage(articlesFixture()))
	wantText(t, doc, "articles-total", "55")
	wantCount(t, doc, testid("article-row"), 2)
	wantText(t, doc, "article-words", "1,200")
	var balances []string
	doc.Find(testid("balance")).Each(func(_ int, s *goquery.Selection) { balances = append(balances, strings.TrimSpace(s.Text())) })
	if got := strings.Join(balances, ","); got != "0.72,–" && got != "0.73,–" {
		t.Errorf("balances: got %s", got)
	}
	if href, _ := doc.Find(testid("article-link")).First().Attr("href"); href != "/articles/9" {
		t.Errorf("article link: got %q", href)
	}
	wantNoInjection(t, doc)

	t.Run("FilterFormKeepsValues", func(t *testing.T) {
		var sel []string
		doc.Find(`select[name="outlet"] option[selected]`).Each(func(_ int, s *goquery.Selection) { sel = append(sel, s.Text()) })
		if got := strings.Join(sel, ","); got != "BBC News,RT" {
			t.Errorf("selected outlets: got %q", got)
		}
		if got := text(doc, `select[name="frame"] option[selected]`); got != "terrorism" {
			t.Errorf("selected frame: got %q", got)
		}
		if got, _ := doc.Find(`select[name="sort"] option[selected]`).Attr("value"); got != "oldest" {
			t.Errorf("selected sort: got %q", got)
		}
		if got, _ := doc.Find(`input[name="q"]`).Attr("value"); got != "a&b" {
			t.Errorf("q: got %q", got)
		}
		doc.Find(testid("filter-form") + " input, " + testid("filter-form") + " select").Each(func(_ int, s *goquery.Selection) {
			id, _ := s.Attr("id")
			if id == "" || doc.Find(`label[for="`+id+`"]`).Length() != 1 {
				t.Errorf("filter input %v has no label", s.AttrOr("name", "?"))
			}
		})
	})
	t.Run("PaginationKeepsFilters", func(t *testing.T) {
		wantText(t, doc, "page-current", "Page 2 of 3")
		for id, page := range map[string]string{"page-prev": "", "page-first": "", "page-next": "3", "page-last": "3"} {
			href, ok := doc.Find(testid(id)).Attr("href")
			if !ok {
				t.Errorf("%s missing", id)
				continue
			}
			u, err := url.Parse(href)
			if err != nil || u.Path != "/articles" {
				t.Errorf("%s: bad link %q", id, href)
				continue
			}
			q := u.Query()
			if got := strings.Join(q["outlet"], ","); got != "RT,BBC News" {
				t.Errorf("%s outlets: got %q", id, got)
			}
			if q.Get("frame") != "terrorism" || q.Get("q") != "a&b" || q.Get("sort") != "oldest" || q.Get("from") != "2022-01-01" || q.Get("side") != "west" {
				t.Errorf("%s lost filters: %q", id, href)
			}
			if q.Get("page") != page {
				t.Errorf("%s page: got %q, want %q", id, q.Get("page"), page)
			}
		}
	})
	t.Run("ExportLinksKeepFiltersButNotPage", func(t *testing.T) {
		for _, name := range []string{"articles", "hits", "quotes", "sources"} {
			href, _ := doc.Find(testid("export-" + name)).Attr("href")
			u, err := url.Parse(href)
			if err != nil || u.Path != "/export/"+name+".csv" {
				t.Errorf("export %s: got %q", name, href)
				continue
			}
			if q := u.Query(); q.Get("frame") != "terrorism" || len(q["outlet"]) != 2 || q.Has("page") {
				t.Errorf("export %s query: got %q", name, u.RawQuery)
			}
		}
	})
	t.Run("BulkDelete", func(t *testing.T) {
		form := doc.Find("form#bulk-delete")
		if m, _ := form.Attr("method"); m != "post" || form.AttrOr("action", "") != "/articles/delete" {
			t.Errorf("bulk delete form: method %q action %q", m, form.AttrOr("action", ""))
		}
		if got, _ := form.Find(`input[name="_csrf"]`).Attr("value"); got != "tok-123" {
			t.Errorf("_csrf: got %q", got)
		}
		var ids []string
		doc.Find(`input[name="ids"][form="bulk-delete"]`).Each(func(_ int, s *goquery.Selection) { ids = append(ids, s.AttrOr("value", "")) })
		if got := strings.Join(ids, ","); got != "9,10" {
			t.Errorf("ids: got %q", got)
		}
	})
	t.Run("Empty", func(t *testing.T) {
		v := articlesFixture()
		v.Rows, v.Total = nil, 0
		doc, _ := render(t, views.ArticlesPage(v))
		wantCount(t, doc, testid("articles-empty"), 1)
		wantCount(t, doc, testid("pagination"), 0)
		wantCount(t, doc, "form#bulk-delete", 0)
	})
	t.Run("SinglePageHasNoPagination", func(t *testing.T) {
		v := articlesFixture()
		v.Total, v.Filter.Page = 2, 0
		doc, _ := render(t, views.ArticlesPage(v))
		wantCount(t, doc, testid("pagination"), 0)
	})
}
