package assets_test

import (
	"fmt"
	"io/fs"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/framinglens/framinglens/assets"
)

// luminance is the WCAG relative luminance of a #rrggbb colour.
func luminance(t *testing.T, hex string) float64 {
	t.Helper()
	if len(hex) != 7 || hex[0] != '#' {
		t.Fatalf("colour %q is not #rrggbb", hex)
	}
	var c [3]float64
	for i := range c {
		v, err := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		if err != nil {
			t.Fatalf("colour %q: %v", hex, err)
		}
		s := float64(v) / 255
		if s <= 0.03928 {
			c[i] = s / 12.92
		} else {
			c[i] = math.Pow((s+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
}

// contrast is the WCAG contrast ratio of two colours.
func contrast(t *testing.T, a, b string) float64 {
	la, lb := luminance(t, a), luminance(t, b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

// TestTextContrast reads the colours from app.css and checks that every
// pairing of text and background the stylesheet uses reaches 4.5:1.
func TestTextContrast(t *testing.T) {
	css, err := fs.ReadFile(assets.FS, "css/app.css")
	if err != nil {
		t.Fatalf("read app.css: %v", err)
	}
	vars := map[string]string{"white": "#ffffff"}
	for _, m := range regexp.MustCompile(`(--[a-z-]+):\s*(#[0-9a-fA-F]{6});`).FindAllStringSubmatch(string(css), -1) {
		vars[m[1]] = m[2]
	}
	pairs := []struct{ fg, bg string }{
		{"--fg", "--bg"}, {"--fg", "--bg-soft"},
		{"--muted", "--bg"}, {"--muted", "--bg-soft"},
		{"--accent", "--bg"}, {"--accent", "--bg-soft"},
		{"white", "--accent"}, {"white", "--accent-dark"},
		{"--danger", "--bg"}, {"--ok", "--bg"},
		{"--warn-fg", "--warn-bg"},
		{"--fg", "--quote-direct"}, {"--fg", "--quote-reported"},
		{"white", "--quote-direct-line"}, {"white", "--quote-reported-line"},
	}
	for _, p := range pairs {
		t.Run(p.fg+" on "+p.bg, func(t *testing.T) {
			fg, ok1 := vars[p.fg]
			bg, ok2 := vars[p.bg]
			if !ok1 || !ok2 {
				t.Fatalf("app.css lacks %s or %s", p.fg, p.bg)
			}
			if r := contrast(t, fg, bg); r < 4.5 {
				t.Errorf("contrast %s on %s: got %.2f, want >= 4.5", fg, bg, r)
			}
		})
	}

	frames := regexp.MustCompile(`\.fc-(\d) \{ background: (#[0-9a-fA-F]{6});`).FindAllStringSubmatch(string(css), -1)
	if len(frames) != 8 {
		t.Fatalf("frame palette: got %d colours, want 8", len(frames))
	}
	for _, m := range frames {
		t.Run(fmt.Sprintf("text on frame colour %s", m[1]), func(t *testing.T) {
			if r := contrast(t, vars["--fg"], m[2]); r < 4.5 {
				t.Errorf("contrast of text on .fc-%s (%s): got %.2f, want >= 4.5", m[1], m[2], r)
			}
		})
	}
	// The labels of unassigned quotes and the badge colours are literal.
	for _, c := range []struct{ fg, bg string }{{"#ffffff", "#8a4b00"}, {"#146c2e", "#e9f6ed"}, {"#334155", "#eef1f5"}, {"#a4161a", "#fdecec"}, {"#e8edf4", "#16202e"}, {"#16202e", "#ffffff"}} {
		if !strings.Contains(string(css), c.fg) || !strings.Contains(string(css), c.bg) {
			t.Errorf("app.css no longer uses %s on %s: update this list", c.fg, c.bg)
		}
		if r := contrast(t, c.fg, c.bg); r < 4.5 {
			t.Errorf("contrast %s on %s: got %.2f, want >= 4.5", c.fg, c.bg, r)
		}
	}
}
