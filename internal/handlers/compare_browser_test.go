package handlers_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// cmpWatch records script errors, console errors and CSP violations from
// the first moment of every page.
const cmpWatch = `window.__errs = [];
window.addEventListener('error', function (e) { window.__errs.push('error: ' + e.message); });
document.addEventListener('securitypolicyviolation', function (e) { window.__errs.push('csp: ' + e.violatedDirective + ' ' + e.blockedURI); });
(function () { var orig = console.error; console.error = function () { window.__errs.push('console: ' + Array.prototype.join.call(arguments, ' ')); return orig.apply(console, arguments); }; })();`

// cmpRun runs one browser action with a deadline.
func cmpRun[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	c, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(c, a)
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	return v
}

// cmpDrawn is what the page says about one chart after drawing.
type cmpDrawn struct {
	ID     string `json:"id"`
	Canvas bool   `json:"canvas"`
	CSV    string `json:"csv"`
	// Values are the bar values of the first series (frames and sides
	// charts), to compare with the chart's CSV.
	Values []float64 `json:"values"`
}

func TestCompareInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	exe := webChromium(t)
	f := cmpSetup(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.WindowSize(1400, 1000))
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelA()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	if _, err := chromedp.Call(ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: cmpWatch}); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	shots := filepath.Join("..", "..", "testresults", "screenshots")
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	q := cmpQuery(cmpOutlets...)
	cmpRun(t, ctx, chromedp.Navigate(f.srv.URL+"/compare?"+q))
	n := cmpRun(t, ctx, chromedp.Poll[int](`(function () {
		var els = Array.from(document.querySelectorAll('.chart'));
		return els.length > 0 && els.every(function (el) { return !!el.querySelector('canvas'); }) && els.length;
	})()`))
	if n < 10 {
		t.Errorf("charts drawn: %d, want at least 10", n)
	}
	axeCheck(t, ctx, "/compare")
	drawn := cmpRun(t, ctx, chromedp.Evaluate[[]cmpDrawn](`Array.from(document.querySelectorAll('.chart')).map(function (el) {
		var fig = el.closest('figure'), a = fig && fig.querySelector('[data-testid=chart-csv]');
		var inst = echarts.getInstanceByDom(el), series = inst ? inst.getOption().series : [];
		var first = series[0] || {data: []};
		return {id: el.id, canvas: !!el.querySelector('canvas'), csv: a ? a.getAttribute('href') : '',
			values: first.type === 'bar' ? first.data.map(function (d) { return typeof d === 'object' && d !== null ? d.value : d; }) : []};
	})`))
	for _, d := range drawn {
		if !d.Canvas {
			t.Errorf("chart %s has no canvas", d.ID)
		}
		if d.CSV == "" {
			t.Errorf("chart %s has no CSV link", d.ID)
			continue
		}
		rows := cmpCSV(t, f, d.CSV)
		if len(rows) == 0 {
			t.Errorf("chart %s: empty CSV", d.ID)
		}
		// The first series of the frames and sides charts is the first
		// outlet (frames) or the first side (sides): check it value by value.
		var want []string
		switch d.ID {
		case "cmp-frames", "cmp-frames-own":
			for _, r := range rows {
				if r["outlet"] == cmpOutlets[0] {
					want = append(want, r["per_1000_words"])
				}
			}
		case "cmp-sides":
			side := rows[0]["side"]
			for _, r := range rows {
				if r["side"] == side {
					want = append(want, r["share_of_attributions"])
				}
			}
		default:
			continue
		}
		if len(want) != len(d.Values) {
			t.Errorf("chart %s draws %d values, its CSV has %d", d.ID, len(d.Values), len(want))
			continue
		}
		for i, w := range want {
			if cmpFloat(t, w) != d.Values[i] {
				t.Errorf("chart %s value %d: drawn %v, CSV %s", d.ID, i, d.Values[i], w)
			}
		}
	}
	errs := cmpRun(t, ctx, chromedp.Evaluate[[]string](`window.__errs`))
	if len(errs) > 0 {
		t.Errorf("errors on the page: %s", strings.Join(errs, "; "))
	}
	bars := cmpRun(t, ctx, chromedp.Evaluate[int](`echarts.getInstanceByDom(document.getElementById('cmp-frames')).getOption().series.filter(function (s) { return s.type === 'custom'; }).length`))
	if bars != len(cmpOutlets) {
		t.Errorf("error-bar series on the frames chart: %d, want %d", bars, len(cmpOutlets))
	}
	png := cmpRun(t, ctx, chromedp.FullScreenshot(100))
	if err := os.WriteFile(filepath.Join(shots, "compare.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, d := range drawn {
		img := cmpRun(t, ctx, chromedp.Screenshot(chromedp.ID(d.ID)))
		if err := os.WriteFile(filepath.Join(shots, d.ID+".png"), img, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	cmpRun(t, ctx, chromedp.Navigate(f.srv.URL+"/outlets"))
	cmpRun(t, ctx, chromedp.Poll[bool](`!!document.querySelector('[data-testid=outlets-table]')`))
	png = cmpRun(t, ctx, chromedp.FullScreenshot(100))
	if err := os.WriteFile(filepath.Join(shots, "outlets.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
	cmpRun(t, ctx, chromedp.Navigate(f.srv.URL+"/compare/story?"+q))
	cmpRun(t, ctx, chromedp.Poll[bool](`document.querySelectorAll('[data-testid=story-column]').length === 3`))
	png = cmpRun(t, ctx, chromedp.CaptureScreenshot())
	if err := os.WriteFile(filepath.Join(shots, "story.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
	if errs := cmpRun(t, ctx, chromedp.Evaluate[[]string](`window.__errs`)); len(errs) > 0 {
		t.Errorf("errors on the outlets or story page: %s", strings.Join(errs, "; "))
	}
}
