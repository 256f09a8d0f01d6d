package handlers_test

import (
	"archive/zip"
	"bufio"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// hostileHTTPHeapBound is the most the server's live heap may grow while it
// takes one hostile upload (about 30 MB was measured; Echo's default form
// memory let a 100 MB file take over 120 MB).
const hostileHTTPHeapBound = 64 << 20

// hostileHTTPFile is a generated upload: its name and a function writing its
// bytes, so that large files stream and never sit in the test's memory.
type hostileHTTPFile struct {
	name  string
	write func(w io.Writer) error
}

// hostileHTTPRepeat writes s n times.
func hostileHTTPRepeat(w io.Writer, s string, n int) error {
	chunk := strings.Repeat(s, max(1, (64<<10)/len(s)))
	per := len(chunk) / len(s)
	for n > 0 {
		k := min(n, per)
		if _, err := io.WriteString(w, chunk[:k*len(s)]); err != nil {
			return err
		}
		n -= k
	}
	return nil
}

// hostileHTTPUpload streams one file to /api/upload and returns the status,
// the decoded answer, and the peak growth of the live heap meanwhile.
func hostileHTTPUpload(t *testing.T, e *hardenEnv, f hostileHTTPFile) (int, loadHostileAnswer, uint64) {
	t.Helper()
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		fw, err := mw.CreateFormFile("files", f.name)
		if err == nil {
			bw := bufio.NewWriterSize(fw, 1<<20)
			if err = f.write(bw); err == nil {
				err = bw.Flush()
			}
		}
		if err == nil {
			err = mw.Close()
		}
		pw.CloseWithError(err)
	}()
	var status int
	var body []byte
	peak := hostileHTTPPeak(func() {
		resp, err := http.Post(e.srv.URL+"/api/upload", mw.FormDataContentType(), pr)
		if err != nil {
			t.Errorf("upload %s: %v", f.name, err)
			return
		}
		defer resp.Body.Close()
		status = resp.StatusCode
		body, _ = io.ReadAll(resp.Body)
	})
	var ans loadHostileAnswer
	if err := json.Unmarshal(body, &ans); err != nil {
		t.Fatalf("upload %s: status %d, answer not JSON: %.300s", f.name, status, body)
	}
	t.Logf("%s: status %d, %+v, live heap grew by at most %.1f MB", f.name, status, ans, float64(peak)/(1<<20))
	return status, ans, peak
}

// loadHostileAnswer is the upload API's answer.
type loadHostileAnswer struct {
	Error string `json:"error"`
	Items []struct {
		Origin string `json:"origin"`
		Status string `json:"status"`
		Reason string `json:"reason"`
	} `json:"items"`
}

// hostileHTTPPeak runs fn and returns the peak growth of HeapInuse.
//
// HeapInuse counts garbage not yet collected too, and how much of it piles
// up depends on when the collector gets to run: on a loaded machine (CI
// runs packages side by side) a 1 GB zip bomb read in chunks showed 68 MB
// once and 30 MB otherwise. A low GOGC while fn runs makes the collector
// keep the heap within a quarter above the live data, so the figure tracks
// what the server really holds.
func hostileHTTPPeak(fn func()) uint64 {
	defer debug.SetGCPercent(debug.SetGCPercent(25))
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapInuse
	var peak atomic.Uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			if m.HeapInuse > base && m.HeapInuse-base > peak.Load() {
				peak.Store(m.HeapInuse - base)
			}
			select {
			case <-stop:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()
	fn()
	close(stop)
	wg.Wait()
	return peak.Load()
}

// TestHostileUploads sends each hostile file through the real upload API:
// each gets a 4xx answer whose items say why in one line, the server's heap
// stays bounded, and nothing is stored.
func TestHostileUploads(t *testing.T) {
	e := hardenStart(t, nil)
	bigLine := 100 << 20
	bomb := int64(1 << 30)
	if testing.Short() {
		bigLine, bomb = 12<<20, 64<<20
	}
	zeros := strings.Repeat("0", 1<<20)
	tests := []struct {
		file   hostileHTTPFile
		reason string // one of the "|"-separated phrases
	}{
		{hostileHTTPFile{"bomb.zip", func(w io.Writer) error {
			zw := zip.NewWriter(w)
			fw, err := zw.Create("zeros.txt")
			if err != nil {
				return err
			}
			for n := int64(0); n < bomb; n += int64(len(zeros)) {
				if _, err := io.WriteString(fw, zeros); err != nil {
					return err
				}
			}
			return zw.Close()
		}}, "too large|zip bomb|expands"},
		{hostileHTTPFile{"line.txt", func(w io.Writer) error { return hostileHTTPRepeat(w, "word ", bigLine/5) }}, "too large"},
		{hostileHTTPFile{"line.jsonl", func(w io.Writer) error { return hostileHTTPRepeat(w, "word ", bigLine/5) }}, "too large"},
		{hostileHTTPFile{"deep.html", func(w io.Writer) error {
			if err := hostileHTTPRepeat(w, "<div>", 100_000); err != nil {
				return err
			}
			return hostileHTTPRepeat(w, "</div>", 100_000)
		}}, "nested too deeply"},
		{hostileHTTPFile{"nul.txt", func(w io.Writer) error { _, err := io.WriteString(w, "text\x00with\x00NULs"); return err }}, "binary file"},
		{hostileHTTPFile{"wide.csv", func(w io.Writer) error { return hostileHTTPRepeat(w, "col,", 100_000) }}, "no text column"},
		{hostileHTTPFile{"open.csv", func(w io.Writer) error {
			_, err := io.WriteString(w, "title,text\nT,\"never closed\nmore\n")
			return err
		}}, "unclosed or misplaced quote"},
		{hostileHTTPFile{"deep.json", func(w io.Writer) error {
			if _, err := io.WriteString(w, `{"text":"x","d":`); err != nil {
				return err
			}
			if err := hostileHTTPRepeat(w, "[", 100_000); err != nil {
				return err
			}
			return hostileHTTPRepeat(w, "]", 100_000)
		}}, "malformed JSON"},
		{hostileHTTPFile{"slip.zip", func(w io.Writer) error {
			zw := zip.NewWriter(w)
			for _, n := range []string{"../../etc/passwd", "/etc/shadow"} {
				fw, err := zw.Create(n)
				if err != nil {
					return err
				}
				if _, err := io.WriteString(fw, "\x00\x01binary"); err != nil {
					return err
				}
			}
			return zw.Close()
		}}, "binary file"},
	}
	for _, tc := range tests {
		t.Run(tc.file.name, func(t *testing.T) {
			status, ans, peak := hostileHTTPUpload(t, e, tc.file)
			if status < 400 || status >= 500 {
				t.Errorf("status %d, want 4xx", status)
			}
			if len(ans.Items) == 0 {
				t.Fatalf("no items in the answer (error %q)", ans.Error)
			}
			for _, it := range ans.Items {
				if it.Status != "rejected" {
					t.Errorf("%s: status %q, want rejected", it.Origin, it.Status)
				}
				found := false
				for _, w := range strings.Split(tc.reason, "|") {
					found = found || strings.Contains(it.Reason, w)
				}
				if !found || strings.ContainsAny(it.Reason, "\r\n") || len(it.Reason) > 300 {
					t.Errorf("%s: reason %.300q, want one short line with %q", it.Origin, it.Reason, tc.reason)
				}
				if strings.Contains(it.Origin, "..") || strings.Contains(it.Origin, "//") {
					t.Errorf("origin %q keeps an unsafe path", it.Origin)
				}
			}
			if peak > hostileHTTPHeapBound {
				t.Errorf("heap grew by %d MB, want under %d MB", peak>>20, hostileHTTPHeapBound>>20)
			}
			if got := e.articles(t); got != 0 {
				t.Errorf("articles: got %d, want 0", got)
			}
		})
	}
}
