package handlers_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/corpus"
	"github.com/framinglens/framinglens/internal/handlers"
	"github.com/framinglens/framinglens/internal/shareddata"
	"github.com/framinglens/framinglens/internal/store"
)

// webApp is the whole dashboard over a real SQLite file, served on loopback,
// with a browser-like client that keeps cookies (the CSRF and flash
// cookies) and follows redirects.
type webApp struct {
	*httptest.Server
	svc    *corpus.Service
	st     *store.Store
	client *http.Client
	// logs collects the server's log lines, so a test can assert that an
	// error was (or was not) logged.
	logs *bytes.Buffer
}

// newWebApp opens a fresh store in t.TempDir() and serves the dashboard.
func newWebApp(t *testing.T) *webApp {
	t.Helper()
	return newWebAppWith(t, nil)
}

// newWebAppWith is newWebApp with options changed by set (nil: defaults).
func newWebAppWith(t *testing.T, set func(*handlers.Options)) *webApp {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "framinglens.db"))
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	svc, err := corpus.Open(ctx, st, nil)
	if err != nil {
		t.Fatalf("open corpus: %v", err)
	}
	logs := &bytes.Buffer{}
	opts := handlers.DefaultOptions()
	opts.Log = slog.New(slog.NewTextHandler(logs, nil))
	if set != nil {
		set(&opts)
	}
	srv := httptest.NewServer(handlers.New(svc, opts))
	t.Cleanup(func() {
		srv.Close()
		svc.Close()
		if err := st.Close(); err != nil {
			t.Errorf("close store: %v", err)
		}
	})
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &webApp{Server: srv, svc: svc, st: st, client: &http.Client{Jar: jar, Timeout: 60 * time.Second}, logs: logs}
}

// webPage is a fetched page: its response and, for HTML, its document.
type webPage struct {
	resp *http.Response
	body []byte
	doc  *goquery.Document
}

func (p webPage) status() int         { return p.resp.StatusCode }
func (p webPage) contentType() string { return p.resp.Header.Get("Content-Type") }

// text returns the trimmed text of the first element with the test id.
func (p webPage) text(testid string) string {
	return strings.TrimSpace(p.doc.Find(`[data-testid="` + testid + `"]`).First().Text())
}

// count counts the elements with the test id.
func (p webPage) count(testid string) int {
	return p.doc.Find(`[data-testid="` + testid + `"]`).Length()
}

// flash returns the text of the page's flash message.
func (p webPage) flash() string {
	return strings.Join(strings.Fields(p.text("flash")), " ")
}

// do sends a request with the app's client and reads the answer.
func (a *webApp) do(t *testing.T, req *http.Request) webPage {
	t.Helper()
	resp, err := a.client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read %s: %v", req.URL.Path, err)
	}
	p := webPage{resp: resp, body: body}
	if strings.HasPrefix(p.contentType(), "text/html") {
		doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
		if err != nil {
			t.Fatalf("parse %s: %v", req.URL.Path, err)
		}
		p.doc = doc
	}
	return p
}

// get fetches a path.
func (a *webApp) get(t *testing.T, path string) webPage {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, a.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	return a.do(t, req)
}

// page fetches an HTML page and fails unless it answers 200 with HTML.
func (a *webApp) page(t *testing.T, path string) webPage {
	t.Helper()
	p := a.get(t, path)
	if p.status() != http.StatusOK || p.doc == nil {
		t.Fatalf("GET %s: status %d, type %q, want 200 HTML; body %.300s", path, p.status(), p.contentType(), p.body)
	}
	return p
}

// token returns the CSRF token of a page, loading one first so the CSRF
// cookie is in the jar.
func (a *webApp) token(t *testing.T) string {
	t.Helper()
	p := a.page(t, "/upload")
	tok, ok := p.doc.Find(`meta[name="csrf-token"]`).Attr("content")
	if !ok || tok == "" {
		t.Fatalf("no csrf-token meta on /upload")
	}
	return tok
}

// post sends a form with the CSRF token, as a browser form would.
func (a *webApp) post(t *testing.T, path string, form url.Values) webPage {
	t.Helper()
	if form == nil {
		form = url.Values{}
	}
	form.Set("_csrf", a.token(t))
	req, err := http.NewRequest(http.MethodPost, a.URL+path, strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return a.do(t, req)
}

// webFile is one file of a multipart upload.
type webFile struct {
	field, name string
	data        []byte
}

// multipartBody builds a multipart form of fields and files.
func multipartBody(t *testing.T, fields map[string]string, files []webFile) (io.Reader, string) {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for k, v := range fields {
		if err := w.WriteField(k, v); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range files {
		fw, err := w.CreateFormFile(f.field, f.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := fw.Write(f.data); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return &buf, w.FormDataContentType()
}

// postMultipart sends a multipart form with the CSRF token.
func (a *webApp) postMultipart(t *testing.T, path string, fields map[string]string, files []webFile) webPage {
	t.Helper()
	all := map[string]string{"_csrf": a.token(t)}
	for k, v := range fields {
		all[k] = v
	}
	body, ctype := multipartBody(t, all, files)
	req, err := http.NewRequest(http.MethodPost, a.URL+path, body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", ctype)
	return a.do(t, req)
}

// getJSON fetches an API path into v and returns the status.
func (a *webApp) getJSON(t *testing.T, path string, v any) int {
	t.Helper()
	p := a.get(t, path)
	if !strings.HasPrefix(p.contentType(), "application/json") {
		t.Fatalf("GET %s: content type %q, want JSON", path, p.contentType())
	}
	if err := json.Unmarshal(p.body, v); err != nil {
		t.Fatalf("GET %s: decode %v; body %.300s", path, err, p.body)
	}
	return p.status()
}

// waitRescore polls /api/rescore until no rescoring runs, and returns the
// final status.
func (a *webApp) waitRescore(t *testing.T) corpus.RescoreStatus {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		var st corpus.RescoreStatus
		a.getJSON(t, "/api/rescore", &st)
		if !st.Running {
			if st.Error != "" {
				t.Fatalf("rescoring failed: %s", st.Error)
			}
			return st
		}
		if time.Now().After(deadline) {
			t.Fatalf("rescoring still running after 60 s: %+v", st)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// seedText reads the shared seed article.
func seedText(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(shareddata.Path(t, "seed", "000_cc1d012572213696.txt"))
	if err != nil {
		t.Fatalf("read seed: %v", err)
	}
	return data
}

// uploadSeed uploads the seed article and returns its id.
func (a *webApp) uploadSeed(t *testing.T, outlet string) int64 {
	t.Helper()
	p := a.postMultipart(t, "/upload", map[string]string{"outlet": outlet}, []webFile{{"files", "seed.txt", seedText(t)}})
	ids := acceptedIDs(t, p)
	if len(ids) != 1 {
		t.Fatalf("upload seed: got %d accepted, want 1; summary %q", len(ids), p.text("upload-summary"))
	}
	return ids[0]
}

// uploadRow is one row of the upload results table.
type uploadRow struct {
	origin, status, link, reason string
}

// uploadRows reads the upload results table.
func uploadRows(p webPage) []uploadRow {
	var rows []uploadRow
	p.doc.Find(`[data-testid="upload-row"]`).Each(func(_ int, s *goquery.Selection) {
		href, _ := s.Find(`[data-testid="upload-link"]`).Attr("href")
		rows = append(rows, uploadRow{
			origin: strings.TrimSpace(s.Find("th").Text()),
			status: strings.TrimSpace(s.Find(`[data-testid="status"]`).Text()),
			link:   href,
			reason: strings.TrimSpace(s.Find(`[data-testid="upload-reason"]`).Text()),
		})
	})
	return rows
}

// acceptedIDs returns the article ids of the accepted rows.
func acceptedIDs(t *testing.T, p webPage) []int64 {
	t.Helper()
	var ids []int64
	for _, r := range uploadRows(p) {
		if r.status == "accepted" {
			ids = append(ids, articleIDOf(t, r.link))
		}
	}
	return ids
}

// articleIDOf reads the id from an /articles/{id} link.
func articleIDOf(t *testing.T, link string) int64 {
	t.Helper()
	rest, ok := strings.CutPrefix(link, "/articles/")
	if !ok {
		t.Fatalf("link %q is not an article link", link)
	}
	var id int64
	for _, c := range rest {
		if c < '0' || c > '9' {
			break
		}
		id = id*10 + int64(c-'0')
	}
	if id == 0 {
		t.Fatalf("link %q has no article id", link)
	}
	return id
}

// hitMarks returns the highlighted hits of an article page whose title
// starts with the pattern (the mark's title is "pattern · frame · ...").
// A hit split over a quote boundary has several marks; only the first
// carries the hit's anchor id, so each hit is counted once.
func hitMarks(p webPage, pattern string) *goquery.Selection {
	return p.doc.Find(`mark[data-testid="hit"][id^="hit-"]`).FilterFunction(func(_ int, s *goquery.Selection) bool {
		title, _ := s.Attr("title")
		return strings.HasPrefix(title, pattern+" · ")
	})
}

// shippedLexiconEntries is the number of entries of the lexicon a new
// database starts with: the shipped lexicons merged.
func shippedLexiconEntries(t *testing.T) int {
	t.Helper()
	all, err := analysis.DefaultLexicons()
	if err != nil {
		t.Fatal(err)
	}
	return len(analysis.MergeLexicons("default", all...).Entries)
}

// shippedSpeakers counts the entries of the registry a new database starts
// with, so tests follow the shipped file as it grows.
func shippedSpeakers(t *testing.T) int {
	t.Helper()
	reg, err := analysis.DefaultRegistry("syria-2016")
	if err != nil {
		t.Fatal(err)
	}
	return len(reg.Entries)
}
