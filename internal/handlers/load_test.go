package handlers_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestLoad runs 50 uploaders and 50 readers against one server on loopback
// for FRAMINGLENS_LOAD_SECONDS (default 60) and checks that nothing failed:
// no 5xx, no "database is locked", and exactly one stored article per
// accepted upload. It runs only when FRAMINGLENS_LOAD is set; the latency
// figures it logs are a report, not an assertion.
//
//	FRAMINGLENS_LOAD=1 go test -run '^TestLoad$' -v -count=1 ./internal/handlers
func TestLoad(t *testing.T) {
	if os.Getenv("FRAMINGLENS_LOAD") == "" {
		t.Skip("set FRAMINGLENS_LOAD=1 to run the load test")
	}
	seconds := 60
	if s := os.Getenv("FRAMINGLENS_LOAD_SECONDS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n <= 0 {
			t.Fatalf("FRAMINGLENS_LOAD_SECONDS=%q: want a positive number", s)
		}
		seconds = n
	}
	const uploaders, readers = 50, 50
	e := hardenStart(t, nil)
	client := &http.Client{
		Timeout:   60 * time.Second,
		Transport: &http.Transport{MaxIdleConns: 200, MaxIdleConnsPerHost: 200},
	}
	api := &hardenBrowser{t: t, base: e.srv.URL, c: client}

	// Seed one article per outlet so that readers have pages from the start.
	var seeded []int64
	for i, outlet := range []string{"Outlet A", "Outlet B"} {
		body, ct := hardenMultipart(t, map[string]string{"text": hardenArticle(-1 - i), "outlet": outlet}, nil)
		resp, out := api.do(http.MethodPost, "/api/upload", body, ct, nil)
		var r loadUploadAnswer
		if resp.StatusCode != http.StatusOK || json.Unmarshal([]byte(out), &r) != nil || len(r.Items) != 1 || r.Items[0].ID == 0 {
			t.Fatalf("seed upload: status %d: %s", resp.StatusCode, out)
		}
		seeded = append(seeded, r.Items[0].ID)
	}

	var (
		rec      = newLoadRecorder()
		accepted atomic.Int64
		next     atomic.Int64
		wg       sync.WaitGroup
		deadline = time.Now().Add(time.Duration(seconds) * time.Second)
	)
	for w := range uploaders {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for time.Now().Before(deadline) {
				n := int(next.Add(1))
				outlet := []string{"Outlet A", "Outlet B"}[n%2]
				body, ct := hardenMultipart(t, map[string]string{"text": hardenArticle(n), "outlet": outlet}, nil)
				status, out, err := loadDo(client, rec, "POST /api/upload", http.MethodPost, e.srv.URL+"/api/upload", body, ct)
				if err != nil {
					rec.fail("POST /api/upload (uploader %d): %v", w, err)
					continue
				}
				var r loadUploadAnswer
				if status == http.StatusOK && json.Unmarshal(out, &r) == nil && r.Summary.Accepted == 1 {
					accepted.Add(1)
				} else if status != http.StatusOK {
					rec.fail("POST /api/upload: status %d: %.200s", status, out)
				}
			}
		}()
	}
	for w := range readers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; time.Now().Before(deadline); i++ {
				var route, path string
				switch (w + i) % 4 {
				case 0:
					route, path = "GET /articles/{id}", fmt.Sprintf("/articles/%d", seeded[i%len(seeded)])
				case 1:
					route, path = "GET /outlets", "/outlets"
				case 2:
					route, path = "GET /compare", "/compare?outlet=Outlet+A&outlet=Outlet+B"
				default:
					route, path = "GET /articles", "/articles"
				}
				status, out, err := loadDo(client, rec, route, http.MethodGet, e.srv.URL+path, nil, "")
				switch {
				case err != nil:
					rec.fail("%s: %v", path, err)
				case status != http.StatusOK:
					rec.fail("GET %s: status %d: %.200s", path, status, out)
				}
			}
		}()
	}
	wg.Wait()

	rec.report(t, float64(seconds))
	for _, f := range rec.failures() {
		t.Error(f)
	}
	if log := e.log.String(); strings.Contains(log, "database is locked") || strings.Contains(log, "SQLITE_BUSY") {
		t.Errorf("server log mentions a locked database:\n%.2000s", log)
	}
	want := int(accepted.Load()) + len(seeded)
	if got := e.articles(t); got != want {
		t.Errorf("articles: got %d, want %d (%d accepted uploads + %d seeded)", got, want, accepted.Load(), len(seeded))
	}
	if accepted.Load() == 0 {
		t.Errorf("no upload was accepted")
	}
}

// loadUploadAnswer is the part of the upload API's answer the test reads.
type loadUploadAnswer struct {
	Summary struct {
		Accepted int `json:"accepted"`
	} `json:"summary"`
	Items []struct {
		ID int64 `json:"id"`
	} `json:"items"`
}

// loadDo sends one request, records its latency under route and checks the
// body for a locked-database message.
func loadDo(c *http.Client, rec *loadRecorder, route, method, url string, body io.Reader, ct string) (int, []byte, error) {
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		return 0, nil, err
	}
	if ct != "" {
		req.Header.Set("Content-Type", ct)
	}
	start := time.Now()
	resp, err := c.Do(req)
	if err != nil {
		return 0, nil, err
	}
	out, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	rec.add(route, time.Since(start), resp.StatusCode)
	if err != nil {
		return resp.StatusCode, nil, err
	}
	if strings.Contains(string(out), "database is locked") {
		rec.fail("%s %s: answer mentions a locked database", method, url)
	}
	return resp.StatusCode, out, nil
}

// loadRecorder collects latencies per route and failures.
type loadRecorder struct {
	mu     sync.Mutex
	lat    map[string][]time.Duration
	fivexx int
	errs   []string
}

func newLoadRecorder() *loadRecorder {
	return &loadRecorder{lat: map[string][]time.Duration{}}
}

func (r *loadRecorder) add(route string, d time.Duration, status int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.lat[route] = append(r.lat[route], d)
	if status >= 500 {
		r.fivexx++
	}
}

func (r *loadRecorder) fail(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.errs) < 20 {
		r.errs = append(r.errs, fmt.Sprintf(format, args...))
	}
}

func (r *loadRecorder) failures() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := slices.Clone(r.errs)
	if r.fivexx > 0 {
		out = append(out, fmt.Sprintf("%d answers with status 5xx", r.fivexx))
	}
	return out
}

// report logs p50, p95 and throughput per route.
func (r *loadRecorder) report(t *testing.T, seconds float64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	routes := make([]string, 0, len(r.lat))
	for k := range r.lat {
		routes = append(routes, k)
	}
	slices.Sort(routes)
	total := 0
	for _, route := range routes {
		d := r.lat[route]
		slices.Sort(d)
		total += len(d)
		q := func(p float64) time.Duration { return d[min(len(d)-1, int(p*float64(len(d))))] }
		t.Logf("%-22s n=%6d  %7.1f req/s  p50 %8s  p95 %8s  max %8s", route, len(d), float64(len(d))/seconds,
			q(0.50).Round(100*time.Microsecond), q(0.95).Round(100*time.Microsecond), d[len(d)-1].Round(time.Millisecond))
	}
	t.Logf("all routes: %d requests, %.1f req/s over %.0f s", total, float64(total)/seconds, seconds)
}
