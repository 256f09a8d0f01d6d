package handlers_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/framinglens/framinglens/internal/corpus"
	"github.com/framinglens/framinglens/internal/handlers"
	"github.com/framinglens/framinglens/internal/store"
)

// hardenEnv is one dashboard on a loopback port over a real database file,
// with its log kept for inspection.
type hardenEnv struct {
	srv *httptest.Server
	st  *store.Store
	svc *corpus.Service
	log *hardenLog
}

// hardenLog collects the server's log lines.
type hardenLog struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *hardenLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *hardenLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// hardenStart starts a dashboard; edit may change its options.
func hardenStart(t testing.TB, edit func(*handlers.Options)) *hardenEnv {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "harden.db"))
	if err != nil {
		t.Fatal(err)
	}
	lg := &hardenLog{}
	log := slog.New(slog.NewTextHandler(lg, &slog.HandlerOptions{Level: slog.LevelWarn}))
	svc, err := corpus.Open(ctx, st, log)
	if err != nil {
		st.Close()
		t.Fatal(err)
	}
	opts := handlers.DefaultOptions()
	opts.Log = log
	if edit != nil {
		edit(&opts)
	}
	srv := httptest.NewServer(handlers.New(svc, opts))
	t.Cleanup(func() {
		srv.Close()
		svc.Close()
		st.Close()
	})
	return &hardenEnv{srv: srv, st: st, svc: svc, log: lg}
}

// articles returns the number of stored articles.
func (e *hardenEnv) articles(t testing.TB) int {
	t.Helper()
	s, err := e.st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s.Articles
}

// hardenBrowser is a client with a cookie jar that holds the CSRF cookie,
// as a browser would.
type hardenBrowser struct {
	t    testing.TB
	base string
	c    *http.Client
}

func (e *hardenEnv) browser(t testing.TB) *hardenBrowser {
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &hardenBrowser{t: t, base: e.srv.URL, c: &http.Client{Jar: jar}}
}

// apiClient is a client without cookies, as a script using the JSON API is.
func (e *hardenEnv) apiClient(t testing.TB) *hardenBrowser {
	return &hardenBrowser{t: t, base: e.srv.URL, c: &http.Client{}}
}

// csrf loads a page so the server sets its CSRF cookie, and returns the token.
func (b *hardenBrowser) csrf() string {
	b.t.Helper()
	resp, body := b.do(http.MethodGet, "/upload", nil, "", nil)
	if resp.StatusCode != http.StatusOK {
		b.t.Fatalf("GET /upload: status %d: %.200s", resp.StatusCode, body)
	}
	u, _ := url.Parse(b.base)
	for _, c := range b.c.Jar.Cookies(u) {
		if c.Name == "_csrf" {
			return c.Value
		}
	}
	b.t.Fatal("no _csrf cookie after GET /upload")
	return ""
}

// do sends a request and returns the response with its body read.
func (b *hardenBrowser) do(method, path string, body io.Reader, contentType string, header http.Header) (*http.Response, string) {
	b.t.Helper()
	req, err := http.NewRequest(method, b.base+path, body)
	if err != nil {
		b.t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for k, vs := range header {
		req.Header[k] = vs
	}
	resp, err := b.c.Do(req)
	if err != nil {
		b.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		b.t.Fatalf("%s %s: read body: %v", method, path, err)
	}
	return resp, string(data)
}

// postForm posts url-encoded fields with the CSRF token.
func (b *hardenBrowser) postForm(path string, fields url.Values) (*http.Response, string) {
	b.t.Helper()
	if fields.Get("_csrf") == "" {
		fields.Set("_csrf", b.csrf())
	}
	return b.do(http.MethodPost, path, strings.NewReader(fields.Encode()), "application/x-www-form-urlencoded", nil)
}

// hardenMultipart builds a multipart body of fields and files (name ->
// content) and returns it with its content type.
func hardenMultipart(t testing.TB, fields map[string]string, files map[string]string) (*bytes.Buffer, string) {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for k, v := range fields {
		if err := w.WriteField(k, v); err != nil {
			t.Fatal(err)
		}
	}
	for name, content := range files {
		fw, err := w.CreateFormFile("files", name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(fw, content); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return &buf, w.FormDataContentType()
}

// hardenArticle returns the text of a distinct, ordinary article: n makes it
// unique, so every call stores one more article.
func hardenArticle(n int) string {
	return fmt.Sprintf("Harbour council report number %d.\n\n"+
		"The council of the harbour town met on Tuesday to discuss the new sea wall, "+
		"which engineers say must be finished before the winter storms arrive. "+
		"\"We cannot wait another year,\" said the mayor, Ada Lindqvist, after the vote. "+
		"Rebels in the hills and the government in the capital both claimed the region, "+
		"according to officials who asked not to be named.\n\n"+
		"Residents said the meeting, the %dth of its kind, lasted more than three hours.", n, n)
}
