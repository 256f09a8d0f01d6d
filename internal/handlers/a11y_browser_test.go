package handlers_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// axeSource is axe-core (tools/a11y, pinned from npm, `task a11y-vendor`),
// the accessibility rules engine the browser tests run on the pages. It is
// read once and never served.
var axeSource = sync.OnceValues(func() (string, error) {
	b, err := os.ReadFile(filepath.Join("..", "..", "tools", "a11y", "axe.min.js"))
	return string(b), err
})

// axeViolation is one rule a page breaks, with the elements that break it.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  string `json:"target"`
		Summary string `json:"summary"`
	} `json:"nodes"`
}

// axeRules are the rule sets checked: WCAG 2.0, 2.1 and 2.2 at levels A
// and AA, the conformance the pages aim at, and axe's best practices
// (landmarks, heading order, one main region).
const axeRules = `['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']`

// axeCheck runs axe-core on the page loaded in ctx and fails the test
// with every violation it reports, naming the page.
func axeCheck(t *testing.T, ctx context.Context, page string) {
	t.Helper()
	vs, err := axeViolations(ctx)
	if err != nil {
		t.Fatalf("%s: %v", page, err)
	}
	for _, v := range vs {
		var where []string
		for _, n := range v.Nodes {
			where = append(where, fmt.Sprintf("%s (%s)", n.Target, n.Summary))
		}
		t.Errorf("%s: accessibility rule %s (%s): %s; at %s", page, v.ID, v.Impact, v.Help, strings.Join(where, "; "))
	}
}

// axeViolations loads axe-core into the page in ctx and returns what it
// finds.
func axeViolations(ctx context.Context) ([]axeViolation, error) {
	src, err := axeSource()
	if err != nil {
		return nil, fmt.Errorf("read axe-core: %w (run task a11y-vendor)", err)
	}
	c, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if _, err := chromedp.Run(c, chromedp.Evaluate[bool](src+";\ntypeof axe === 'object'")); err != nil {
		return nil, fmt.Errorf("load axe-core: %w", err)
	}
	vs, err := chromedp.Run(c, chromedp.Evaluate[[]axeViolation](`axe.run(document, {
			runOnly: {type: 'tag', values: `+axeRules+`}, resultTypes: ['violations']
		}).then(function (r) {
			return r.violations.map(function (v) {
				return {id: v.id, impact: v.impact || '', help: v.help, nodes: v.nodes.slice(0, 5).map(function (n) {
					return {target: n.target.join(' '), summary: (n.failureSummary || '').replace(/\s+/g, ' ')};
				})};
			});
		})`, chromedp.EvalAwaitPromise))
	if err != nil {
		return nil, fmt.Errorf("run axe-core: %w", err)
	}
	return vs, nil
}

// TestAxeFindsViolations checks the checker: a page with an image without
// a text alternative, an unlabelled input and grey-on-white text breaks
// three rules, and axe-core must name them.
func TestAxeFindsViolations(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!doctype html><html lang="en"><head><title>bad</title></head><body><main>
<h1>Bad page</h1><img src="/x.png"><input type="text"><p style="color:#bbb;background:#fff">faint</p></main></body></html>`)
	}))
	defer srv.Close()
	tab := newWebTab(t)
	tab.do(t, chromedp.Navigate(srv.URL))
	vs, err := axeViolations(tab.ctx)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, v := range vs {
		got[v.ID] = true
	}
	for _, id := range []string{"image-alt", "label", "color-contrast"} {
		if !got[id] {
			t.Errorf("axe-core did not report %s; it reported %v", id, got)
		}
	}
}
