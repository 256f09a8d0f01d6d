package views_test

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/a-h/templ"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/framinglens/framinglens/assets"
	"github.com/framinglens/framinglens/views"
)

// webCSP is the policy the dashboard promises to run under; it is stricter
// than the server's (no inline styles either), so the views keep working if
// the server tightens it.
const webCSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'self'; form-action 'self'"

// webWatch records CSP violations and script errors from the first moment of
// every page, so a test can assert there were none.
const webWatch = `window.__csp = []; window.__errs = [];
document.addEventListener('securitypolicyviolation', function (e) { window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber); });
window.addEventListener('error', function (e) { window.__errs.push(String(e.message)); });`

// chromiumPath finds a Chromium; tests skip without one, except in CI.
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("no chromium on PATH in CI")
	}
	t.Skip("no chromium on PATH")
	return ""
}

// browser starts a headless Chromium tab with the CSP watcher installed.
func browser(t *testing.T) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chromiumPath(t)), chromedp.NoSandbox)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelA() })
	_, err := chromedp.Call(ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: webWatch})
	if err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// within runs an action with a deadline, so a broken page fails the test
// instead of hanging it.
func within[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	c, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	v, err := chromedp.Run(c, a)
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	return v
}

// noViolations fails on any recorded CSP violation or script error.
func noViolations(t *testing.T, ctx context.Context) {
	t.Helper()
	csp := within(t, ctx, chromedp.Evaluate[[]string](`window.__csp`))
	errs := within(t, ctx, chromedp.Evaluate[[]string](`window.__errs`))
	if len(csp) > 0 || len(errs) > 0 {
		t.Errorf("CSP violations %q, script errors %q", csp, errs)
	}
}

// inLayout renders body inside the layout.
func inLayout(p views.Page, body string) templ.Component {
	return templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
		return views.Layout(p).Render(templ.WithChildren(ctx, templ.Raw(body)), w)
	})
}

// barChart is a small chart whose options lack a toolbox.
func barChart(id string, n int) views.ChartView {
	return views.ChartView{ID: id, Title: "Chart " + id, Height: 200,
		OptionsJSON: fmt.Sprintf(`{"xAxis":{"type":"category","data":["a","b"]},"yAxis":{"type":"value"},"series":[{"type":"bar","data":[%d,2]}]}`, n)}
}

// webServer serves the assets and the test pages on loopback under the CSP.
type webServer struct {
	*httptest.Server
	rescorePolls atomic.Int32
	uploadToken  atomic.Value
}

func newWebServer(t *testing.T) *webServer {
	t.Helper()
	s := &webServer{}
	mux := http.NewServeMux()
	mux.Handle("/assets/", http.StripPrefix("/assets/", http.FileServer(http.FS(assets.FS))))
	show := func(c templ.Component) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			templ.Handler(c).ServeHTTP(w, r)
		}
	}
	ov := overviewFixture()
	ov.FramesChart, ov.SidesChart = barChart("frames-chart", 5), barChart("sides-chart", 7)
	mux.Handle("GET /{$}", show(views.OverviewPage(ov)))
	mux.Handle("GET /swap", show(inLayout(views.Page{Title: "Swap", Charts: true},
		`<div id="slot">`+renderString(t, views.Chart(barChart("swapped", 1)))+`</div>
		<button id="swap" type="button" hx-get="/fragment" hx-target="#slot" hx-swap="innerHTML">Swap</button>
		<button id="clear" type="button" hx-get="/empty" hx-target="#slot" hx-swap="innerHTML">Clear</button>`)))
	mux.Handle("GET /fragment", show(views.Chart(barChart("swapped", 9))))
	mux.HandleFunc("GET /empty", func(w http.ResponseWriter, r *http.Request) {})
	mux.Handle("GET /lexicons", show(views.LexiconsPage(views.LexiconsView{Page: views.Page{CSRFToken: "tok"}, Rescore: views.RescoreView{Running: true, Done: 1, Total: 3}})))
	mux.HandleFunc("GET /rescore/status", func(w http.ResponseWriter, r *http.Request) {
		n := int(s.rescorePolls.Add(1))
		templ.Handler(views.RescoreStatus(views.RescoreView{Running: n < 3, Done: min(n+1, 3), Total: 3})).ServeHTTP(w, r)
	})
	mux.Handle("GET /upload", show(views.UploadPage(views.UploadView{Page: views.Page{CSRFToken: "tok-up"}})))
	mux.HandleFunc("POST /upload", func(w http.ResponseWriter, r *http.Request) {
		s.uploadToken.Store(r.Header.Get("X-CSRF-Token") + "|" + r.FormValue("_csrf"))
		if err := r.ParseMultipartForm(1 << 20); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		var res views.UploadResults
		for i, fh := range r.MultipartForm.File["files"] {
			res.Items = append(res.Items, views.UploadItem{Origin: fh.Filename, Status: views.UploadAccepted, ArticleID: int64(i + 1), Title: fh.Filename})
		}
		if len(res.Items) == 0 {
			res.Items = []views.UploadItem{{Origin: "form", Status: views.UploadRejected, Reason: "nothing to upload"}}
			w.WriteHeader(http.StatusUnprocessableEntity)
		}
		if r.Header.Get("HX-Request") != "true" {
			templ.Handler(views.UploadPage(views.UploadView{Results: &res})).ServeHTTP(w, r)
			return
		}
		templ.Handler(views.UploadResultsPanel(res)).ServeHTTP(w, r)
	})
	csp := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", webCSP)
		mux.ServeHTTP(w, r)
	})
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	s.Server = httptest.NewUnstartedServer(csp)
	s.Listener = l
	s.Start()
	t.Cleanup(s.Close)
	return s
}

// renderString renders a component to a string.
func renderString(t *testing.T, c templ.Component) string {
	t.Helper()
	var b strings.Builder
	if err := c.Render(context.Background(), &b); err != nil {
		t.Fatalf("render: %v", err)
	}
	return b.String()
}

func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	srv := newWebServer(t)
	ctx := browser(t)

	t.Run("ChartsDrawWithToolboxUnderCSP", func(t *testing.T) {
		within(t, ctx, chromedp.Navigate(srv.URL+"/"))
		n := within(t, ctx, chromedp.Poll[int](`document.querySelectorAll('.chart canvas').length >= 2 && document.querySelectorAll('.chart canvas').length`))
		if n < 2 {
			t.Errorf("canvases: got %d, want 2 charts drawn", n)
		}
		tb := within(t, ctx, chromedp.Evaluate[int](`echarts.getInstanceByDom(document.getElementById('frames-chart')).getOption().toolbox.length`))
		if tb != 1 {
			t.Errorf("toolbox: got %d, want 1 added by charts.js", tb)
		}
		h := within(t, ctx, chromedp.Evaluate[int](`document.getElementById('frames-chart').offsetHeight`))
		if h != 200 {
			t.Errorf("chart height: got %d, want 200 from data-height", h)
		}
		allow := within(t, ctx, chromedp.Evaluate[bool](`htmx.config.allowEval`))
		if allow {
			t.Errorf("htmx allowEval is on; the htmx-config meta was not applied")
		}
		noViolations(t, ctx)
	})

	t.Run("SwappedChartReplacesOldInstance", func(t *testing.T) {
		within(t, ctx, chromedp.Navigate(srv.URL+"/swap"))
		within(t, ctx, chromedp.Poll[bool](`!!(window.echarts && echarts.getInstanceByDom(document.getElementById('swapped')))`))
		within(t, ctx, chromedp.Evaluate[bool](`(window.__old = document.getElementById('swapped'), true)`))
		within(t, ctx, chromedp.Click(chromedp.ID("swap")))
		within(t, ctx, chromedp.Poll[bool](`document.getElementById('swapped') !== window.__old && !!echarts.getInstanceByDom(document.getElementById('swapped'))`))
		old := within(t, ctx, chromedp.Evaluate[bool](`!!echarts.getInstanceByDom(window.__old)`))
		if old {
			t.Errorf("the swapped-out chart was not disposed")
		}
		v := within(t, ctx, chromedp.Evaluate[int](`echarts.getInstanceByDom(document.getElementById('swapped')).getOption().series[0].data[0]`))
		if v != 9 {
			t.Errorf("swapped chart data: got %d, want 9", v)
		}
		within(t, ctx, chromedp.Evaluate[bool](`(window.__old = document.getElementById('swapped'), true)`))
		within(t, ctx, chromedp.Click(chromedp.ID("clear")))
		within(t, ctx, chromedp.Poll[bool](`!document.getElementById('swapped')`))
		if within(t, ctx, chromedp.Evaluate[bool](`!!echarts.getInstanceByDom(window.__old)`)) {
			t.Errorf("a removed chart was not disposed")
		}
		noViolations(t, ctx)
	})

	t.Run("RescoreStatusStopsPollingWhenDone", func(t *testing.T) {
		within(t, ctx, chromedp.Navigate(srv.URL+"/lexicons"))
		within(t, ctx, chromedp.Poll[bool](`document.getElementById('rescore-status').textContent.indexOf('Rescored 3 / 3') >= 0`))
		polls := srv.rescorePolls.Load()
		// Polling runs every second; give a stray poll three chances.
		time.Sleep(3 * time.Second)
		if got := srv.rescorePolls.Load(); got != polls || got != 3 {
			t.Errorf("polls: %d when done, %d three seconds later; want 3 and no more", polls, got)
		}
		if within(t, ctx, chromedp.Evaluate[bool](`document.getElementById('rescore-status').hasAttribute('hx-trigger')`)) {
			t.Errorf("finished status still has hx-trigger")
		}
		noViolations(t, ctx)
	})

	t.Run("UploadWithHTMX", func(t *testing.T) {
		dir := t.TempDir()
		var files []string
		for _, name := range []string{"a.txt", "b.txt"} {
			p := filepath.Join(dir, name)
			if err := os.WriteFile(p, []byte("The rebels came."), 0o600); err != nil {
				t.Fatal(err)
			}
			files = append(files, p)
		}
		within(t, ctx, chromedp.Navigate(srv.URL+"/upload"))
		within(t, ctx, chromedp.WaitVisible(chromedp.CSS(`label.dropzone`)))
		// An empty upload is rejected with 422; its results still show.
		within(t, ctx, chromedp.Click(chromedp.CSS(`form[data-testid="upload-form"] button[type="submit"]`)))
		if sum := within(t, ctx, chromedp.Poll[string](`(document.querySelector('#upload-results [data-testid="upload-summary"]') || {}).textContent`)); sum != "0 accepted, 0 duplicate, 1 rejected" {
			t.Errorf("summary of a rejected upload: got %q", sum)
		}
		// The visually hidden file input stays focusable from the keyboard.
		if id := within(t, ctx, chromedp.Evaluate[string](`document.getElementById('upload-files').focus(), document.activeElement.id`)); id != "upload-files" {
			t.Errorf("file input not focusable: active element %q", id)
		}
		within(t, ctx, chromedp.SetUploadFiles(chromedp.ID("upload-files"), files))
		within(t, ctx, chromedp.Poll[bool](`document.querySelector('[data-dropzone-files]').textContent.indexOf('2 files') === 0`))
		within(t, ctx, chromedp.Click(chromedp.CSS(`form[data-testid="upload-form"] button[type="submit"]`)))
		sum := within(t, ctx, chromedp.Poll[string](`(s => s && s.textContent.indexOf('2 accepted') === 0 && s.textContent)(document.querySelector('#upload-results [data-testid="upload-summary"]'))`))
		if sum != "2 accepted, 0 duplicate, 0 rejected" {
			t.Errorf("summary: got %q", sum)
		}
		if got, _ := srv.uploadToken.Load().(string); got != "tok-up|tok-up" {
			t.Errorf("CSRF header|field: got %q, want tok-up|tok-up", got)
		}
		if url := within(t, ctx, chromedp.Evaluate[string](`location.pathname`)); url != "/upload" {
			t.Errorf("page navigated to %q; htmx should have swapped in place", url)
		}
		if v := within(t, ctx, chromedp.Evaluate[int](`document.querySelector('progress[data-upload-progress]').value`)); v != 100 {
			t.Errorf("upload progress: got %d, want 100 after the upload", v)
		}
		noViolations(t, ctx)
	})
}
