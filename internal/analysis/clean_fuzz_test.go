package analysis_test

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/framinglens/framinglens/internal/analysis"
)

// FuzzClean checks that Clean never panics and that its Document keeps its
// promises on any input: valid UTF-8, no carriage returns, a body with no
// surrounding white space, and known values passed through.
func FuzzClean(f *testing.F) {
	f.Add("Headline\n\nBody text.", "", "")
	f.Add("6 Dec, 2016 09:15\r\n\r\nTitle\r\nREAD MORE: x", "", "")
	f.Add("\xff\x00\u00a0\r", "T", "2016-12-06")
	f.Fuzz(func(t *testing.T, raw, title, published string) {
		doc := analysis.Clean(raw, analysis.Meta{Title: title, Published: published})
		for name, s := range map[string]string{"Title": doc.Title, "Published": doc.Published, "Body": doc.Body} {
			if !utf8.ValidString(s) {
				t.Errorf("%s is not valid UTF-8: %q", name, s)
			}
		}
		if strings.ContainsRune(doc.Body, '\r') {
			t.Errorf("Body contains \\r: %q", doc.Body)
		}
		if doc.Body != strings.TrimFunc(doc.Body, unicode.IsSpace) {
			t.Errorf("Body has surrounding white space: %q", doc.Body)
		}
		if strings.Contains(doc.Body, "\n\n\n") {
			t.Errorf("Body has more than one blank line between paragraphs: %q", doc.Body)
		}
		for _, c := range doc.Body {
			if c < 0x20 && c != '\n' && c != '\t' {
				t.Errorf("Body contains control character %U: %q", c, doc.Body)
				break
			}
		}
		if want := strings.TrimSpace(title); want != "" && utf8.ValidString(want) && doc.Title != want {
			t.Errorf("known title lost: got %q, want %q", doc.Title, want)
		}
		if want := strings.TrimSpace(published); want != "" && utf8.ValidString(want) && doc.Published != want {
			t.Errorf("known date lost: got %q, want %q", doc.Published, want)
		}
		if len(doc.Body) > 3*len(raw)+8 {
			t.Errorf("Body grew from %d to %d bytes", len(raw), len(doc.Body))
		}
	})
}
