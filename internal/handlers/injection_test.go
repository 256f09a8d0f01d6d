package handlers_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/framinglens/framinglens/internal/handlers"
)

// injectionPayloads are classic SQL injection strings, plus FTS5 query
// syntax, which the search box passes to a MATCH.
var injectionPayloads = []string{
	`' OR 1=1 --`,
	`"; DROP TABLE articles; --`,
	`') UNION SELECT name, sql FROM sqlite_master --`,
	`1; DELETE FROM articles`,
	`-date, (SELECT 1)`,
	`a.id; DROP TABLE outlets`,
	`NEAR(" OR "`,
	`"unclosed`,
	`* OR title:x`,
	`%' AND 1=1 AND '%'='`,
	`\x00`,
}

// injectionParams are every filter and sort parameter the pages read.
var injectionParams = []string{"outlet", "from", "to", "frame", "term", "side", "q", "sort", "page", "limit", "pattern", "voice"}

// injectionRoutes are the pages and endpoints that read them. The outlets
// and compare pages may answer 404 for an outlet that does not exist.
var injectionRoutes = []string{
	"/", "/articles", "/terms", "/terms/rebel*", "/sources", "/lexicons",
	"/api/articles", "/api/hits", "/api/quotes", "/api/sources", "/api/outlets",
	"/export/articles.csv", "/export/hits.csv", "/export/quotes.csv", "/export/sources.csv", "/export/outlets.csv",
	"/outlets", "/compare",
}

// injectionSQLErrors are fragments of database error text that must never
// reach a client.
var injectionSQLErrors = []string{"sqlite", "SQL logic", "syntax error", "no such column", "no such table", "fts5", "near \"", "unrecognized token"}

func TestSQLInjection(t *testing.T) {
	e := hardenStart(t, nil)
	api := e.apiClient(t)
	for i := range 3 {
		body, ct := hardenMultipart(t, map[string]string{"text": hardenArticle(i), "outlet": "Daily Example"}, nil)
		if resp, out := api.do(http.MethodPost, "/api/upload", body, ct, nil); resp.StatusCode != http.StatusOK {
			t.Fatalf("seed upload %d: status %d: %s", i, resp.StatusCode, out)
		}
	}
	if got := e.articles(t); got != 3 {
		t.Fatalf("seeded articles: got %d, want 3", got)
	}
	b := e.browser(t)
	for _, route := range injectionRoutes {
		t.Run(strings.TrimPrefix(route, "/"), func(t *testing.T) {
			for _, param := range injectionParams {
				for _, payload := range injectionPayloads {
					q := url.Values{param: {payload}}
					if param == "outlet" {
						q["outlet"] = append(q["outlet"], "Daily Example")
					}
					path := route + "?" + q.Encode()
					resp, body := b.do(http.MethodGet, path, nil, "", nil)
					switch {
					case resp.StatusCode >= 500:
						t.Errorf("GET %s: status %d: %.300s", path, resp.StatusCode, body)
					case resp.StatusCode == http.StatusNotFound && (route == "/outlets" || route == "/compare"):
					case resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusBadRequest:
						t.Errorf("GET %s: status %d, want 200 or 400: %.300s", path, resp.StatusCode, body)
					}
					low := strings.ToLower(body)
					for _, frag := range injectionSQLErrors {
						if strings.Contains(low, strings.ToLower(frag)) && !strings.Contains(strings.ToLower(payload), strings.ToLower(frag)) {
							t.Errorf("GET %s: response holds database error text %q: %.300s", path, frag, body)
						}
					}
				}
			}
		})
	}
	if got := e.articles(t); got != 3 {
		t.Errorf("articles after the injection attempts: got %d, want 3", got)
	}
	if err := e.st.IntegrityCheck(context.Background()); err != nil {
		t.Errorf("integrity after the injection attempts: %v", err)
	}
	if t.Failed() {
		t.Logf("server log:\n%s", e.log.String())
	}
}

func TestFormSizeLimits(t *testing.T) {
	e := hardenStart(t, func(o *handlers.Options) { o.MaxUploadBytes = 8 << 20 })
	b := e.browser(t)
	tests := []struct {
		name   string
		path   string
		fields url.Values
		want   int
		reason string
	}{
		{name: "LexiconEntryOverFormLimit", path: "/lexicons/conflict-actors/entries", fields: url.Values{
			"pattern": {"militia"}, "frame": {"delegitimizing"}, "valence": {"-1"}, "note": {strings.Repeat("n", 2<<20)}},
			want: http.StatusRequestEntityTooLarge},
		{name: "BulkDeleteOverFormLimit", path: "/articles/delete", fields: url.Values{"ids": {strings.Repeat("1,", 1<<20)}},
			want: http.StatusRequestEntityTooLarge},
		{name: "SideAssignOverFormLimit", path: "/sources/assign", fields: url.Values{"side": {"x"}, "names": {strings.Repeat("n", 2<<20)}},
			want: http.StatusRequestEntityTooLarge},
		// A paste under the request limit but over the 5 MB article limit is
		// an item rejected with its reason.
		{name: "PasteOverArticleLimit", path: "/upload", fields: url.Values{"text": {strings.Repeat("word ", 6<<20/5)}},
			want: http.StatusUnprocessableEntity, reason: "too large"},
		{name: "UploadOverRequestLimit", path: "/upload", fields: url.Values{"text": {strings.Repeat("word ", 9<<20/5)}},
			want: http.StatusRequestEntityTooLarge},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := b.postForm(tc.path, tc.fields)
			if resp.StatusCode != tc.want {
				t.Errorf("POST %s: status %d, want %d: %.300s", tc.path, resp.StatusCode, tc.want, body)
			}
			if tc.reason != "" && !strings.Contains(body, tc.reason) {
				t.Errorf("POST %s: the answer does not say %q", tc.path, tc.reason)
			}
		})
	}
	if got := e.articles(t); got != 0 {
		t.Errorf("articles: got %d, want 0", got)
	}
	t.Run("MultipartUploadOverRequestLimit", func(t *testing.T) {
		body, ct := hardenMultipart(t, map[string]string{"_csrf": b.csrf()}, map[string]string{"big.txt": strings.Repeat("word ", 9<<20/5)})
		resp, out := b.do(http.MethodPost, "/upload", body, ct, nil)
		if resp.StatusCode != http.StatusRequestEntityTooLarge {
			t.Errorf("status %d, want 413: %.300s", resp.StatusCode, out)
		}
	})
	t.Run("SmallFormStillWorks", func(t *testing.T) {
		resp, body := b.postForm("/upload", url.Values{"text": {hardenArticle(7)}})
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("POST /upload: status %d: %.300s", resp.StatusCode, body)
		}
		if got := e.articles(t); got != 1 {
			t.Errorf("articles: got %d, want 1", got)
		}
	})
}
