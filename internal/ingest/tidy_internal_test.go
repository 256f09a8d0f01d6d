package ingest

import (
	"strings"
	"testing"
	"unicode"
)

// The fast paths of decodeNormalize (decodeIsTidy) and htmlFragmentLike run
// on every imported item, so they must give exactly what these plain
// definitions give.

// refNormalize is decodeNormalize without the fast path.
func refNormalize(s string) string {
	s = decodeUnify(s)
	var out []string
	blank := 0
	for _, ln := range strings.Split(s, "\n") {
		ln = strings.TrimRightFunc(ln, unicode.IsSpace)
		if strings.TrimSpace(ln) == "" {
			blank++
			continue
		}
		if len(out) > 0 && blank > 0 {
			out = append(out, "")
		}
		blank = 0
		out = append(out, ln)
	}
	return strings.Join(out, "\n")
}

// refFragmentLike is htmlFragmentLike on a lower-cased copy.
func refFragmentLike(s string) bool {
	head := strings.ToLower(s[:min(len(s), 4096)])
	n := strings.Count(head, "</p>") + strings.Count(head, "<br") + strings.Count(head, "</div>")
	return n >= 2 || strings.HasPrefix(strings.TrimSpace(head), "<p")
}

var tidyCases = []string{
	"", "a", "a\nb", "a\n\nb", "a\n\n\nb", "\na", "a\n", "a \nb", "a\t\nb", "a\u3000\nb", "a\n \nb",
	"a\n\u2003\n\nb", "a\r\nb", "a\u00A0\nb", "  a\nb", "a\n\n", "\n\n", " ", "a\u0085\nb",
	"<p>One</p><p>Two</p>", "<P>One", "  <p>x", "<BR><br/>", "</DIV> text </Div>", "<b>bold</b>",
	"one <br> only", "</p", "<\u212Ar>", "x</p>" + strings.Repeat("y", 5000) + "</p>",
	strings.Repeat("a", 4095) + "</p></p>",
}

func TestTidyFastPathsMatchDefinitions(t *testing.T) {
	for _, s := range tidyCases {
		checkTidy(t, s)
	}
}

func FuzzTidy(f *testing.F) {
	for _, s := range tidyCases {
		f.Add(s)
	}
	f.Fuzz(checkTidy)
}

func checkTidy(t *testing.T, s string) {
	if got, want := decodeNormalize(s), refNormalize(s); got != want {
		t.Fatalf("decodeNormalize(%q) = %q, want %q", s, got, want)
	}
	if got, want := htmlFragmentLike(s), refFragmentLike(s); got != want {
		t.Fatalf("htmlFragmentLike(%q) = %v, want %v", s, got, want)
	}
}
