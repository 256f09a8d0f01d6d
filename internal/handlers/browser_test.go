package handlers_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/framinglens/framinglens/internal/shareddata"
)

// webBrowserWatch records CSP violations and uncaught errors in the page
// itself from its first moment, a second witness beside the console stream.
const webBrowserWatch = `window.__csp = []; window.__errs = [];
document.addEventListener('securitypolicyviolation', function (e) { window.__csp.push(e.violatedDirective + ' ' + e.blockedURI); });
window.addEventListener('error', function (e) { window.__errs.push(String(e.message)); });`

// webChromium finds Debian's chromium. Without one the test fails in CI
// and is skipped elsewhere.
func webChromium(t *testing.T) string {
	t.Helper()
	for _, p := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("chromium not found; CI must install it (apt-get install chromium)")
	}
	t.Skip("chromium not found: install it (apt-get install chromium) to run the browser tests")
	return ""
}

// webConsole collects the console messages, exceptions and browser log
// entries of the tab.
type webConsole struct {
	mu   sync.Mutex
	msgs []chromedp.ConsoleMessage
}

func (c *webConsole) add(m chromedp.ConsoleMessage) {
	c.mu.Lock()
	c.msgs = append(c.msgs, m)
	c.mu.Unlock()
}

// take returns the messages so far and forgets them.
func (c *webConsole) take() []chromedp.ConsoleMessage {
	c.mu.Lock()
	defer c.mu.Unlock()
	m := c.msgs
	c.msgs = nil
	return m
}

// seen reports whether a message with the text has arrived.
func (c *webConsole) seen(text string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, m := range c.msgs {
		if m.Text == text {
			return true
		}
	}
	return false
}

// webTab is one headless chromium tab with its console.
type webTab struct {
	ctx     context.Context
	console *webConsole
	marks   int
}

// newWebTab starts chromium with the flags the notes ask for.
func newWebTab(t *testing.T) *webTab {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(webChromium(t)),
		chromedp.NoSandbox,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(1280, 900),
	)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelA() })
	if _, err := chromedp.Call(ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: webBrowserWatch}); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	tab := &webTab{ctx: ctx, console: &webConsole{}}
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			tab.console.add(m)
		}
	}()
	return tab
}

// webRun runs one browser action with a deadline, so a broken page fails
// the test instead of hanging it.
func webRun[T any](t *testing.T, tab *webTab, a chromedp.Action[T]) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(tab.ctx, 20*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	return v
}

// do runs steps that return nothing.
func (tab *webTab) do(t *testing.T, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tab.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("browser: %v", err)
	}
}

// follow runs steps that end in a click which loads a new page (a link, a
// form submit) and waits until that page has loaded. Querying the page
// while the old document is being replaced races with the replacement
// (chromedp then fails with "No node with given id found"), so every query
// that follows a navigating click must come after follow.
func (tab *webTab) follow(t *testing.T, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tab.ctx, 20*time.Second)
	defer cancel()
	resp, err := chromedp.RunResponse(ctx, steps...)
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	if resp.Status >= 400 {
		t.Fatalf("browser: %s answered %d", resp.URL, resp.Status)
	}
}

// errors returns the console errors, exceptions and in-page CSP
// violations since the last call. It first logs a marker and waits for it,
// so every earlier message has been delivered.
func (tab *webTab) errors(t *testing.T, ignore func(chromedp.ConsoleMessage) bool) []string {
	t.Helper()
	tab.marks++
	mark := fmt.Sprintf("__mark_%d", tab.marks)
	webRun(t, tab, chromedp.Evaluate[bool](`console.info("`+mark+`"), true`))
	for deadline := time.Now().Add(5 * time.Second); !tab.console.seen(mark); {
		if time.Now().After(deadline) {
			t.Fatalf("console marker %s never arrived", mark)
		}
		time.Sleep(10 * time.Millisecond)
	}
	var out []string
	for _, m := range tab.console.take() {
		if m.Type != chromedp.ConsoleError && !m.IsException() {
			continue
		}
		if ignore != nil && ignore(m) {
			continue
		}
		out = append(out, fmt.Sprintf("%s (%s:%d)", m, m.URL, m.Line))
	}
	return append(out, webRun(t, tab, chromedp.Evaluate[[]string](`(window.__csp || []).map(s => 'CSP ' + s).concat(window.__errs || [])`))...)
}

// screenshot saves a full-page PNG under testresults/screenshots at the
// repository root.
func (tab *webTab) screenshot(t *testing.T, name string) {
	t.Helper()
	png := webRun(t, tab, chromedp.FullScreenshot(100))
	dir := webScreenshotDir(t)
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatalf("save screenshot: %v", err)
	}
}

// webScreenshotDir is testresults/screenshots beside go.mod.
func webScreenshotDir(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test directory")
		}
		dir = parent
	}
	out := filepath.Join(dir, "testresults", "screenshots")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	seedPath := shareddata.Path(t, "seed", "000_cc1d012572213696.txt")
	tab := newWebTab(t)
	a := newWebApp(t)
	var articleURL string

	t.Run("UploadWithHTMX", func(t *testing.T) {
		tab.do(t,
			chromedp.Navigate(a.URL+"/upload"),
			chromedp.WaitVisible(chromedp.CSS(`label.dropzone`)),
			chromedp.SetUploadFiles(chromedp.ID("upload-files"), []string{seedPath}),
			chromedp.SendKeys(chromedp.ID("upload-outlet"), "RT"),
			chromedp.Click(chromedp.CSS(`form[data-testid="upload-form"] button[type="submit"]`)),
		)
		sum := webRun(t, tab, chromedp.Poll[string](`(s => s && s.textContent)(document.querySelector('#upload-results [data-testid="upload-summary"]'))`))
		if sum != "1 accepted, 0 duplicate, 0 rejected" {
			t.Fatalf("summary: got %q", sum)
		}
		if path := webRun(t, tab, chromedp.Evaluate[string](`location.pathname`)); path != "/upload" {
			t.Errorf("the page navigated to %s; htmx should swap the results in place", path)
		}
		tab.screenshot(t, "upload-results")
		tab.follow(t, chromedp.Click(chromedp.CSS(`[data-testid="upload-link"]`)))
		tab.do(t, chromedp.WaitVisible(chromedp.CSS(`[data-testid="article-body"]`)))
		articleURL = webRun(t, tab, chromedp.Evaluate[string](`location.href`))
		if errs := tab.errors(t, nil); len(errs) > 0 {
			t.Errorf("console errors: %q", errs)
		}
	})
	if articleURL == "" {
		t.Fatal("no article to look at")
	}

	countMarks := func(t *testing.T, pattern string) int {
		t.Helper()
		return webRun(t, tab, chromedp.Evaluate[int](fmt.Sprintf(
			`[...document.querySelectorAll('mark[data-testid="hit"][id^="hit-"]')].filter(m => m.title.startsWith(%q) && getComputedStyle(m).backgroundColor !== 'rgba(0, 0, 0, 0)').length`,
			pattern+" · ")))
	}

	t.Run("ArticleHighlightsAndSources", func(t *testing.T) {
		if got := countMarks(t, "rebel*"); got != seedRebelHits {
			t.Errorf("highlighted rebel* hits: got %d, want %d", got, seedRebelHits)
		}
		if got := webRun(t, tab, chromedp.Text(chromedp.CSS(`[data-testid="sources-table"] [data-testid="source-name"]`))); got != seedTopSpeaker {
			t.Errorf("first source: got %q, want %q", got, seedTopSpeaker)
		}
	})

	t.Run("LexiconEntryRescores", func(t *testing.T) {
		id := articleIDOf(t, strings.TrimPrefix(articleURL, a.URL))
		want := wordCount(a.article(t, id).Text, `withdr\w*`)
		if want == 0 {
			t.Fatal("the seed has no withdr* word")
		}
		tab.do(t,
			chromedp.Navigate(a.URL+"/lexicons"),
			chromedp.SendKeys(chromedp.ID("add-pattern"), "withdr*"),
			chromedp.SendKeys(chromedp.ID("add-frame"), "neutral"),
			chromedp.SendKeys(chromedp.ID("add-actor"), "government"),
			chromedp.SetValue(chromedp.ID("add-valence"), "0"),
		)
		tab.follow(t, chromedp.Click(chromedp.CSS(`form[data-testid="entry-add"] button[type="submit"]`)))
		tab.do(t, chromedp.WaitVisible(chromedp.CSS(`[data-testid="flash"]`)))
		flash := webRun(t, tab, chromedp.Text(chromedp.CSS(`[data-testid="flash"]`)))
		if !strings.Contains(flash, "Added withdr*") {
			t.Errorf("flash: got %q", flash)
		}
		// The status element polls while rescoring runs and stops once done.
		webRun(t, tab, chromedp.Poll[bool](`(s => s && !s.hasAttribute('hx-trigger'))(document.getElementById('rescore-status'))`, chromedp.WithPollingTimeout(30*time.Second)))
		a.waitRescore(t)
		tab.screenshot(t, "lexicons-after-add")
		if errs := tab.errors(t, nil); len(errs) > 0 {
			t.Errorf("console errors: %q", errs)
		}
		tab.do(t, chromedp.Navigate(articleURL))
		if got := countMarks(t, "withdr*"); got != want {
			t.Errorf("highlighted withdr* hits: got %d, want %d", got, want)
		}
	})

	t.Run("CSVDownloads", func(t *testing.T) {
		var arts struct{ Total int }
		a.getJSON(t, "/api/articles", &arts)
		var hits struct{ Hits []struct{} }
		a.getJSON(t, "/api/hits", &hits)
		var quotes struct{ Quotes []struct{} }
		a.getJSON(t, "/api/quotes", &quotes)
		var sources struct{ Sources []struct{} }
		a.getJSON(t, "/api/sources", &sources)
		var outlets struct{ Outlets []struct{} }
		a.getJSON(t, "/api/outlets", &outlets)
		tab.do(t, chromedp.Navigate(a.URL+"/articles"))
		// sources.csv has a row per article and speaker; with one article
		// that is one row per speaker.
		for kind, want := range map[string]int{"articles": arts.Total, "hits": len(hits.Hits), "quotes": len(quotes.Quotes), "sources": len(sources.Sources), "outlets": len(outlets.Outlets)} {
			href := "/export/" + kind + ".csv"
			if kind != "outlets" {
				href = webRun(t, tab, chromedp.AttributeValue(chromedp.CSS(`[data-testid="export-`+kind+`"]`), "href")).Value
			}
			body := webRun(t, tab, chromedp.Evaluate[string](fmt.Sprintf(`fetch(%q).then(r => r.ok ? r.text() : 'HTTP ' + r.status)`, href), chromedp.EvalAwaitPromise))
			rows := readCSV(t, []byte(body))
			if len(rows)-1 != want {
				t.Errorf("%s: %d rows, want %d", href, len(rows)-1, want)
			}
		}
	})

	t.Run("EveryPageWithoutConsoleErrors", func(t *testing.T) {
		pages := []struct{ name, path, ready string }{
			{"overview", "/", `document.querySelectorAll('.chart canvas').length >= 2`},
			{"upload", "/upload", `!!document.querySelector('label.dropzone')`},
			{"articles", "/articles", `!!document.querySelector('[data-testid="articles-table"]')`},
			{"article", strings.TrimPrefix(articleURL, a.URL), `!!document.querySelector('[data-testid="article-body"]')`},
			{"terms", "/terms", `!!document.getElementById('terms-q')`},
			{"terms-rebel", "/terms/rebel%2A", `!!document.querySelector('[data-testid="kwic-group"]')`},
			{"lexicons", "/lexicons", `!!document.querySelector('[data-testid="entries-table"]')`},
			{"sources", "/sources", `!!document.querySelector('[data-testid="speakers-table"]')`},
			{"outlets", "/outlets", `!!document.querySelector('[data-testid="outlets-table"]')`},
			{"compare-start", "/compare", `!!document.querySelector('[data-testid="compare-start"]')`},
			{"error-404", "/no/such/page", `!!document.querySelector('[data-testid="error-message"]')`},
		}
		for _, pg := range pages {
			t.Run(pg.name, func(t *testing.T) {
				tab.do(t, chromedp.Navigate(a.URL+pg.path))
				webRun(t, tab, chromedp.Poll[bool](pg.ready, chromedp.WithPollingTimeout(15*time.Second)))
				tab.screenshot(t, pg.name)
				// Wide tables scroll inside their wrapper; the page itself
				// never scrolls sideways.
				if w := webRun(t, tab, chromedp.Evaluate[int](`document.documentElement.scrollWidth - innerWidth`)); w > 0 {
					t.Errorf("%s is %d px wider than the window", pg.path, w)
				}
				errs := tab.errors(t, func(m chromedp.ConsoleMessage) bool {
					// The error page's own 404 status is logged as a failed
					// load; that is the page working, not a fault.
					return pg.name == "error-404" && m.Source == "network" && strings.Contains(m.Text, "404")
				})
				if len(errs) > 0 {
					t.Errorf("console errors on %s: %q", pg.path, errs)
				}
				axeCheck(t, tab.ctx, pg.path)
			})
		}
	})

	t.Run("KWICVoiceAndArticleInView", func(t *testing.T) {
		// The contexts are cut to the window, so each line's voice and
		// article stand in view without scrolling the table sideways.
		tab.do(t, chromedp.Navigate(a.URL+"/terms/rebel%2A"))
		webRun(t, tab, chromedp.Poll[bool](`!!document.querySelector('[data-testid="kwic-line"]')`, chromedp.WithPollingTimeout(15*time.Second)))
		out := webRun(t, tab, chromedp.Evaluate[[]int](`Array.from(document.querySelectorAll('[data-testid="kwic-line"]')).map(tr =>
			Math.round(tr.lastElementChild.getBoundingClientRect().right - tr.closest('.table-wrap').getBoundingClientRect().right))`))
		if len(out) == 0 {
			t.Fatal("no keyword-in-context lines")
		}
		for i, over := range out {
			if over > 0 {
				t.Errorf("line %d: the article column ends %d px past the table's frame", i, over)
			}
		}
	})

	t.Run("TabFocusesSkipLinkFirst", func(t *testing.T) {
		tab.do(t, chromedp.Navigate(a.URL+"/articles"), chromedp.KeyEvent(kb.Tab))
		got := webRun(t, tab, chromedp.Evaluate[string](`(e => e.className + '|' + e.getAttribute('href'))(document.activeElement)`))
		if got != "skip-link|#main" {
			t.Fatalf("first Tab focuses %q, want the skip link to #main", got)
		}
		visible := webRun(t, tab, chromedp.Evaluate[bool](`(r => r.width > 1 && r.height > 1 && r.bottom > 0 && r.top < innerHeight)(document.activeElement.getBoundingClientRect())`))
		if !visible {
			t.Errorf("the focused skip link is not visible")
		}
		tab.do(t, chromedp.KeyEvent(kb.Enter))
		if id := webRun(t, tab, chromedp.Poll[string](`location.hash === '#main' && document.activeElement.id`)); id != "main" {
			t.Errorf("after Enter focus is on %q, want main", id)
		}
	})
}
