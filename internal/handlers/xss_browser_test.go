package handlers_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"golang.org/x/net/html"
)

// xssPayload builds markup that, if it ever ran or became an element, would
// set window.__xss to n or leave an element with an id starting "xss-".
func xssPayload(n int) string {
	return fmt.Sprintf(`<script>window.__xss=%d</script><img id="xss-img-%d" src=x onerror="window.__xss=%d">`+
		`"><svg id="xss-svg-%d" onload="window.__xss=%d"></svg></script><script>alert(%d)</script>'-alert(%d)-'`, n, n, n, n, n, n, n)
}

// xssWatch records CSP violations, script errors and dialogs from the first
// moment of every page.
const xssWatch = `window.__csp = []; window.__errs = [];
document.addEventListener('securitypolicyviolation', function (e) { window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber); });
window.addEventListener('error', function (e) { window.__errs.push(String(e.message)); });`

// TestXSSInTheBrowser stores markup and script in every user-controlled
// string the dashboard shows (article text and title, outlet, file name,
// speaker and registry names, lexicon name, actor and note, search words),
// then opens every page in headless Chromium under the server's real CSP:
// no script may run, no dialog open, no element be injected, and no CSP
// violation be reported (a blocked inline script would be one).
func TestXSSInTheBrowser(t *testing.T) {
	chrome := webChromium(t)
	e := hardenStart(t, nil)
	b := e.browser(t)
	token := b.csrf()

	// A lexicon whose name (from the file name) is markup; accepted or not,
	// its name appears on the page.
	lexFile := "pattern,frame,actor,valence,note\nxssterm,neutral," + csvQuote(xssPayload(1)) + ",0," + csvQuote(xssPayload(2)) + "\n"
	body, ct := xssFile(t, "file", xssPayload(3)+".csv", lexFile, token)
	if resp, out := b.do(http.MethodPost, "/lexicons/import", body, ct, nil); resp.StatusCode >= 500 {
		t.Fatalf("lexicon import: status %d: %.300s", resp.StatusCode, out)
	}
	lex := e.svc.ActiveLexicon().Name
	if resp, out := b.postForm("/lexicons/"+url.PathEscape(lex)+"/entries", url.Values{
		"pattern": {"harbour"}, "frame": {"neutral"}, "actor": {xssPayload(4)}, "valence": {"0"}, "note": {xssPayload(5)},
	}); resp.StatusCode != http.StatusOK {
		t.Logf("add entry to %q: status %d: %.300s", lex, resp.StatusCode, out)
	}
	regFile := "name,aliases,side,role\n" + csvQuote("Omar "+xssPayload(6)+" Haddad") + ",Omar Haddad|Haddad,rebels," + csvQuote(xssPayload(7)) + "\n"
	body, ct = xssFile(t, "file", "registry.csv", regFile, token)
	if resp, out := b.do(http.MethodPost, "/sources/registry/import", body, ct, nil); resp.StatusCode >= 500 {
		t.Fatalf("registry import: status %d: %.300s", resp.StatusCode, out)
	}
	if err := e.svc.WaitRescore(context.Background()); err != nil {
		t.Fatal(err)
	}

	text := "The harbour council met on Tuesday. " + xssPayload(8) + "\n\n" +
		"\"We hold the bridge and the harbour,\" said Omar Haddad, a commander of the rebels, on Tuesday.\n\n" +
		"\"" + xssPayload(9) + " is what we say,\" said <b id=\"xss-speaker\">Abu Karim</b> " + xssPayload(10) + ".\n\n" +
		"Officials in the harbour said the meeting lasted three hours and ended without a vote."
	fields := map[string]string{"_csrf": token, "title": "Title " + xssPayload(11), "outlet": "Outlet " + xssPayload(12)}
	// Go keeps only the last element of a file name with slashes, so this
	// payload has none.
	fileName := `<img id="xss-file" src=x onerror="window.__xss=13"><svg onload=alert(13)>.txt`
	body, ct = xssFileFields(t, fields, fileName, text)
	resp, out := b.do(http.MethodPost, "/upload", body, ct, nil)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("upload: status %d: %.500s", resp.StatusCode, out)
	}
	xssStatic(t, "POST /upload results", out)
	if !strings.Contains(out, "&lt;img id=&#34;xss-file&#34;") {
		t.Errorf("the upload results do not show the file name payload as escaped text")
	}
	if got := e.articles(t); got != 1 {
		t.Fatalf("articles: got %d, want 1", got)
	}

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chrome), chromedp.NoSandbox)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelA()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	var dialogs atomic.Int32
	if err := chromedp.Listen(ctx, func(ev any) {
		if _, ok := ev.(*cdppage.EventJavascriptDialogOpening); ok {
			dialogs.Add(1)
			// Commands may not run inside the listener: dismiss from elsewhere.
			go func() {
				_, _ = chromedp.Call(ctx, cdppage.HandleJavaScriptDialog, cdppage.HandleJavaScriptDialogParams{Accept: false})
			}()
		}
	}); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	if _, err := chromedp.Call(ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: xssWatch}); err != nil {
		t.Fatalf("start chromium: %v", err)
	}

	q := url.QueryEscape
	pages := []string{
		"/", "/upload", "/articles", "/articles/1", "/lexicons", "/sources", "/terms",
		"/terms?q=" + q("harbour"), "/terms/harbour", "/terms/" + url.PathEscape(xssPayload(14)),
		"/terms?q=" + q(xssPayload(15)), "/articles?q=" + q(xssPayload(16)) + "&outlet=" + q(xssPayload(17)) + "&sort=" + q(xssPayload(18)),
		"/articles?frame=" + q(xssPayload(19)) + "&side=" + q(xssPayload(20)) + "&term=" + q(xssPayload(21)) + "&from=" + q(xssPayload(22)),
		"/outlets", "/compare?outlet=" + q("Outlet "+xssPayload(12)) + "&outlet=" + q(xssPayload(23)),
		"/articles/" + q(xssPayload(24)), "/no-such-page-" + q(xssPayload(25)),
	}
	for i, p := range pages {
		name := strings.Trim(strings.ReplaceAll(p, "/", "_"), "_")
		if len(name) > 24 || name == "" {
			name = fmt.Sprintf("Page%02d", i)
		}
		t.Run(name, func(t *testing.T) {
			t.Logf("GET %s", p)
			c, cancel := context.WithTimeout(ctx, 30*time.Second)
			defer cancel()
			err := chromedp.Do(c,
				chromedp.Navigate(e.srv.URL+p),
				chromedp.WaitReady("body"),
				chromedp.Sleep(150*time.Millisecond), // let htmx and the charts start
			)
			if err != nil {
				t.Fatalf("browser: %v", err)
			}
			eval := func(expr string, v any) {
				t.Helper()
				var err error
				switch p := v.(type) {
				case *string:
					*p, err = chromedp.Run(c, chromedp.Evaluate[string](expr))
				case *int:
					*p, err = chromedp.Run(c, chromedp.Evaluate[int](expr))
				case *[]string:
					*p, err = chromedp.Run(c, chromedp.Evaluate[[]string](expr))
				}
				if err != nil {
					t.Fatalf("evaluate %s: %v", expr, err)
				}
			}
			var xss string
			var injected int
			var csp, errs []string
			eval(`String(window.__xss)`, &xss)
			eval(`document.querySelectorAll('[id^="xss-"], [onerror], [onload], script:not([src]):not([type="application/json"])').length`, &injected)
			eval(`window.__csp`, &csp)
			eval(`window.__errs`, &errs)
			if xss != "undefined" {
				t.Errorf("window.__xss = %v: a payload ran", xss)
			}
			if injected != 0 {
				t.Errorf("%d injected elements (id xss-*, inline handlers or inline scripts)", injected)
			}
			if len(csp) > 0 {
				t.Errorf("CSP violations: %q", csp)
			}
			if len(errs) > 0 {
				t.Errorf("script errors: %q", errs)
			}
		})
	}
	if n := dialogs.Load(); n != 0 {
		t.Errorf("%d dialogs opened", n)
	}
	// The payloads did reach the pages, as text: the test saw them.
	for _, want := range []struct {
		path string
		n    int
	}{{"/articles/1", 8}, {"/articles/1", 11}, {"/articles/1", 12}, {"/sources", 6}, {"/lexicons", 4}} {
		_, page := b.do(http.MethodGet, want.path, nil, "", nil)
		if !strings.Contains(page, fmt.Sprintf("window.__xss=%d&lt;/script&gt;", want.n)) {
			t.Errorf("%s does not show payload %d as escaped text; the test would not see its injection", want.path, want.n)
		}
	}
	t.Run("ControlDetectsAnInjection", func(t *testing.T) {
		c, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		n, err := chromedp.Run(c, chromedp.Evaluate[int](`document.body.insertAdjacentHTML('beforeend', '<b id="xss-control"></b>'), `+
			`document.querySelectorAll('[id^="xss-"], [onerror], [onload], script:not([src]):not([type="application/json"])').length`))
		if err != nil || n != 1 {
			t.Errorf("control: got %d, %v; want the planted element found", n, err)
		}
	})
}

// xssStatic parses an HTML answer and fails on injected elements.
func xssStatic(t *testing.T, name, body string) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatalf("%s: parse: %v", name, err)
	}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		if strings.HasPrefix(securityAttr(n, "id"), "xss-") {
			t.Errorf("%s: injected element <%s id=%q>", name, n.Data, securityAttr(n, "id"))
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") {
				t.Errorf("%s: element <%s> has handler %s=%q", name, n.Data, a.Key, a.Val)
			}
		}
		if n.Data == "script" && securityAttr(n, "src") == "" && securityAttr(n, "type") != "application/json" {
			t.Errorf("%s: inline script element", name)
		}
	}
}

// csvQuote quotes a CSV field.
func csvQuote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// xssFile builds a multipart body with one file in field and the token.
func xssFile(t *testing.T, field, name, content, token string) (*strings.Reader, string) {
	t.Helper()
	var sb strings.Builder
	boundary := "xssboundary7MA4YWxkTrZu0gW"
	fmt.Fprintf(&sb, "--%s\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n%s\r\n", boundary, token)
	fmt.Fprintf(&sb, "--%s\r\nContent-Disposition: form-data; name=%q; filename=%q\r\nContent-Type: text/plain\r\n\r\n%s\r\n--%s--\r\n",
		boundary, field, name, content, boundary)
	return strings.NewReader(sb.String()), "multipart/form-data; boundary=" + boundary
}

// xssFileFields builds a multipart upload of fields and one file.
func xssFileFields(t *testing.T, fields map[string]string, name, content string) (*strings.Reader, string) {
	t.Helper()
	var sb strings.Builder
	boundary := "xssboundary7MA4YWxkTrZu0gX"
	for k, v := range fields {
		fmt.Fprintf(&sb, "--%s\r\nContent-Disposition: form-data; name=%q\r\n\r\n%s\r\n", boundary, k, v)
	}
	fmt.Fprintf(&sb, "--%s\r\nContent-Disposition: form-data; name=\"files\"; filename=%q\r\nContent-Type: text/plain\r\n\r\n%s\r\n--%s--\r\n",
		boundary, name, content, boundary)
	return strings.NewReader(sb.String()), "multipart/form-data; boundary=" + boundary
}
