package handlers_test

import (
	"html"
	"io"
	"net/http"
	"net/http/cookiejar"
	"os"
	"regexp"
	"testing"

	"github.com/framinglens/framinglens/internal/ingest"
)

// osMkdirTemp makes a directory for the shared fixture; it outlives any
// one test, so t.TempDir cannot hold it.
func osMkdirTemp() (string, error) { return os.MkdirTemp("", "framinglens-compare-") }

func ingestArticle(outlet string) ingest.Article {
	return ingest.Article{Outlet: outlet, Title: "About " + outlet, Published: "2024-03-01", Origin: "pasted text"}
}

// cmpClient is a client with a cookie jar, as a browser has, for forms
// with CSRF tokens and flash cookies.
func cmpClient(t *testing.T) *http.Client {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &http.Client{Jar: jar}
}

var cmpTokenRE = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

// cmpToken loads a page and returns its form's CSRF token.
func cmpToken(t *testing.T, c *http.Client, url string) string {
	t.Helper()
	resp, err := c.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	m := cmpTokenRE.FindSubmatch(b)
	if m == nil {
		t.Fatalf("no CSRF token on %s", url)
	}
	return string(m[1])
}

func htmlUnescape(s string) string { return html.UnescapeString(s) }
