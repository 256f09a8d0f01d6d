package ingest_test

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/ingest"
)

// fuzzLimits are small limits, so that the fuzzer reaches every limit path
// with short inputs.
var fuzzLimits = ingest.Limits{
	MaxArticleBytes: 4 << 10,
	MaxFileBytes:    256 << 10,
	MaxZipEntries:   16,
	MaxZipRatio:     20,
	MaxZipTotal:     256 << 10,
}

// fuzzMaxInput caps what a target reads; the properties hold for any size.
const fuzzMaxInput = 256 << 10

// fuzzRead runs ingest.Read on data under name and checks what every input
// must give: no panic, no reader error for in-memory input, every item
// either an article or a user-safe EINVALID/ETOOLARGE reason of one line,
// articles with non-empty valid UTF-8 text and bounded raw bytes, and no
// more items than the input could hold.
func fuzzRead(t *testing.T, name string, data []byte) []ingest.Item {
	t.Helper()
	if len(data) > fuzzMaxInput {
		t.Skip("input larger than the fuzz cap")
	}
	var items []ingest.Item
	err := ingest.Read(context.Background(), name, bytes.NewReader(data), fuzzLimits, func(it ingest.Item) error {
		items = append(items, it)
		return nil
	})
	if err != nil {
		t.Fatalf("Read failed on in-memory input: %v", err)
	}
	if len(items) > len(data)+1 {
		t.Fatalf("got %d items from %d bytes", len(items), len(data))
	}
	for i, it := range items {
		if (it.Article == nil) == (it.Err == nil) {
			t.Fatalf("item %d (%s): want exactly one of article and error, got article %v and error %v", i, it.Origin, it.Article != nil, it.Err)
		}
		if it.Origin == "" {
			t.Fatalf("item %d has no origin", i)
		}
		if it.Err != nil {
			var ae *analysis.Error
			if !errors.As(it.Err, &ae) {
				t.Fatalf("item %d: error %v (%T) is not an *analysis.Error", i, it.Err, it.Err)
			}
			if c := ae.Code; c != analysis.EINVALID && c != analysis.ETOOLARGE {
				t.Fatalf("item %d: error code %q, want EINVALID or ETOOLARGE (%v)", i, c, it.Err)
			}
			if msg := analysis.ErrorMessage(it.Err); strings.ContainsAny(msg, "\n\r") || len(msg) > 2000 {
				t.Fatalf("item %d: reason is not one short line: %q", i, msg)
			}
			continue
		}
		a := it.Article
		if strings.TrimSpace(a.Text) == "" {
			t.Fatalf("item %d: accepted article with empty text", i)
		}
		for field, s := range map[string]string{"Text": a.Text, "Title": a.Title, "Outlet": a.Outlet, "Published": a.Published} {
			if !utf8.ValidString(s) {
				t.Fatalf("item %d: %s is not valid UTF-8: %q", i, field, s)
			}
		}
		if int64(len(a.Raw)) > fuzzLimits.MaxArticleBytes {
			t.Fatalf("item %d: raw bytes %d over the article limit %d", i, len(a.Raw), fuzzLimits.MaxArticleBytes)
		}
		for _, r := range a.Text {
			if r < 0x20 && r != '\n' && r != '\t' || r == 0x7F {
				t.Fatalf("item %d: text holds control character %U: %q", i, r, a.Text)
			}
		}
	}
	return items
}

// FuzzReadCSV reads any bytes as a CSV export.
func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("title,outlet,text\nA,B,\"Body one, with a comma.\"\nC,D,Body two.\n"))
	f.Add([]byte("\xef\xbb\xbftitle;text\nT;\"unclosed\n"))
	f.Add([]byte("text\n\"a\"\"b\"\n\x00\xff\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, "dump.csv", data)
	})
}

// FuzzReadJSONL reads any bytes as a JSON Lines export.
func FuzzReadJSONL(f *testing.F) {
	f.Add([]byte(`{"title":"A","text":"Body one."}` + "\n" + `{"text":["x","y"],"source":{"name":"Z"}}` + "\n"))
	f.Add([]byte(`{"text": "missing brace"` + "\n[1,2]\n\"s\"\n"))
	f.Add([]byte("\xff\xfe{\x00\"\x00t\x00\"\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, "dump.jsonl", data)
	})
}

// FuzzReadZip reads any bytes as a zip archive. The seeds are real archives,
// so mutations reach the entry readers and the zip-bomb limits.
func FuzzReadZip(f *testing.F) {
	f.Add(fuzzZip(f, map[string]string{"a.txt": "An article about a town.", "../b.html": "<p>" + strings.Repeat("word ", 40) + "</p>"}))
	f.Add(fuzzZip(f, map[string]string{"/abs/c.jsonl": `{"text":"Row text."}`, "big.txt": strings.Repeat("0", 200<<10)}))
	f.Add(fuzzZip(f, map[string]string{"inner.zip": "PK\x03\x04", "__MACOSX/x.txt": "skip", "d.csv": "text\nhello\n"}))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, "upload.zip", data)
	})
}

// FuzzExtractHTML reads any bytes as an HTML page (the name forces the HTML
// path, which runs the main-text extraction).
func FuzzExtractHTML(f *testing.F) {
	f.Add([]byte(`<html lang="en"><head><title>T</title><meta property="og:site_name" content="S"></head><body><article><p>` + strings.Repeat("Some words here. ", 20) + `</p></article></body></html>`))
	f.Add([]byte(`<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","author":[{"name":"A"}]}</script><div><div><p>x</div>`))
	f.Add([]byte("<meta charset=\"windows-1251\"><p>\xcf\xf0\xe8\xe2\xe5\xf2 \x00 <time datetime=\"2020-01-02\">x</time>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, "page.html", data)
	})
}

// fuzzZip builds a zip archive (deflated) of the given files, in name order.
func fuzzZip(tb testing.TB, files map[string]string) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := w.Write([]byte(files[n])); err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}
