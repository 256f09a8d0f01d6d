package handlers_test

import (
	"net/http"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/framinglens/framinglens/internal/handlers"
)

// TestCSRFEveryRoute checks that a browser (which sends cookies by itself) cannot
// change anything without the page's token, and that every form the pages
// render carries it. (TestSecurityHeaders covers the headers.)
func TestCSRFEveryRoute(t *testing.T) {
	e := hardenStart(t, nil)
	b := e.browser(t)
	b.csrf() // the jar now holds the cookie, as a logged-in browser's would

	t.Run("EveryWriteRouteRefusesAMissingToken", func(t *testing.T) {
		n := 0
		for _, r := range handlers.New(e.svc, handlers.DefaultOptions()).Routes() {
			if r.Method != http.MethodPost && r.Method != http.MethodPut && r.Method != http.MethodDelete && r.Method != http.MethodPatch {
				continue
			}
			n++
			path := authParam.ReplaceAllString(r.Path, "1")
			for name, h := range map[string]http.Header{
				"NoToken":       nil,
				"WrongToken":    {"X-Csrf-Token": {"forged"}},
				"CrossSiteAPI":  {"Origin": {"https://evil.example"}, "Sec-Fetch-Site": {"cross-site"}},
				"TokenInCookie": {"Cookie": {"_csrf=attacker"}, "X-Csrf-Token": {"attacker2"}},
			} {
				resp, body := b.do(r.Method, path, strings.NewReader("text="+hardenArticle(n)), "application/x-www-form-urlencoded", h)
				if resp.StatusCode != http.StatusForbidden && resp.StatusCode != http.StatusBadRequest {
					t.Errorf("%s %s (%s): status %d, want 403 or 400: %.200s", r.Method, path, name, resp.StatusCode, body)
				}
			}
		}
		if n < 10 {
			t.Errorf("found %d write routes, want at least 10", n)
		}
		if got := e.articles(t); got != 0 {
			t.Errorf("articles after forged posts: got %d, want 0", got)
		}
	})

	t.Run("EveryPostFormCarriesTheToken", func(t *testing.T) {
		token := b.csrf()
		if resp, body := b.postForm("/upload", map[string][]string{"text": {hardenArticle(1)}, "_csrf": {token}}); resp.StatusCode != http.StatusOK {
			t.Fatalf("upload with the token: status %d: %.200s", resp.StatusCode, body)
		}
		forms := 0
		for _, path := range []string{"/", "/upload", "/articles", "/articles/1", "/lexicons", "/sources", "/terms?q=council"} {
			_, body := b.do(http.MethodGet, path, nil, "", nil)
			doc, err := html.Parse(strings.NewReader(body))
			if err != nil {
				t.Fatalf("parse %s: %v", path, err)
			}
			for form := range doc.Descendants() {
				if form.Type != html.ElementNode || form.Data != "form" || !strings.EqualFold(securityAttr(form, "method"), "post") {
					continue
				}
				forms++
				has := false
				for n := range form.Descendants() {
					if n.Type == html.ElementNode && n.Data == "input" && securityAttr(n, "name") == "_csrf" && securityAttr(n, "value") == token {
						has = true
					}
				}
				if !has {
					t.Errorf("%s: form action=%q has no _csrf input holding the token", path, securityAttr(form, "action"))
				}
			}
		}
		if forms < 5 {
			t.Errorf("found %d post forms on the pages, want at least 5", forms)
		}
	})
}

// securityAttr returns the value of attribute key of n.
func securityAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
