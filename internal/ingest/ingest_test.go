package ingest_test

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/ingest"
)

// fixture returns the bytes of a file under testdata/.
func fixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// readBytes writes data to a real file named name in a temp dir and reads
// it with ReadFile, returning every item.
func readBytes(t *testing.T, name string, data []byte, lim ingest.Limits) []ingest.Item {
	t.Helper()
	dir := t.TempDir()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	var items []ingest.Item
	err := ingest.ReadFile(context.Background(), p, lim, func(it ingest.Item) error {
		items = append(items, it)
		return nil
	})
	if err != nil {
		t.Fatalf("ReadFile(%s): %v", name, err)
	}
	for i := range items {
		items[i].Origin = strings.TrimPrefix(items[i].Origin, filepath.ToSlash(dir)+"/")
		if items[i].Article != nil {
			items[i].Article.Origin = items[i].Origin
		}
	}
	return items
}

// encode encodes UTF-8 text with e, failing the test on error.
func encode(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	return b
}

// wantItem is what one item should look like; empty fields are not checked
// except Err, which must match the item's error message exactly ("" = ok).
type wantItem struct {
	Origin, Title, Outlet, URL, Published, Author, Language string
	TextHas                                                 []string
	Err, Code                                               string
}

// checkItems compares items with want, item by item.
func checkItems(t *testing.T, got []ingest.Item, want []wantItem) {
	t.Helper()
	if len(got) != len(want) {
		for _, it := range got {
			t.Logf("got item %q err=%v", it.Origin, it.Err)
		}
		t.Fatalf("got %d items, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if w.Origin != "" && g.Origin != w.Origin {
			t.Errorf("item %d: origin %q, want %q", i, g.Origin, w.Origin)
		}
		if w.Err != "" {
			if g.Err == nil || g.Article != nil {
				t.Errorf("item %d (%s): got article, want error %q", i, g.Origin, w.Err)
				continue
			}
			if msg := analysis.ErrorMessage(g.Err); msg != w.Err {
				t.Errorf("item %d (%s): error %q, want %q", i, g.Origin, msg, w.Err)
			}
			code := w.Code
			if code == "" {
				code = analysis.EINVALID
			}
			if c := analysis.ErrorCode(g.Err); c != code {
				t.Errorf("item %d (%s): code %q, want %q", i, g.Origin, c, code)
			}
			continue
		}
		if g.Err != nil || g.Article == nil {
			t.Errorf("item %d (%s): rejected with %v, want an article", i, g.Origin, g.Err)
			continue
		}
		a := g.Article
		for _, f := range []struct{ name, got, want string }{
			{"title", a.Title, w.Title}, {"outlet", a.Outlet, w.Outlet}, {"url", a.URL, w.URL},
			{"published", a.Published, w.Published}, {"author", a.Author, w.Author},
			{"language", a.Language, w.Language},
		} {
			if f.want != "" && f.got != f.want {
				t.Errorf("item %d (%s): %s %q, want %q", i, g.Origin, f.name, f.got, f.want)
			}
		}
		for _, s := range w.TextHas {
			if !strings.Contains(a.Text, s) {
				t.Errorf("item %d (%s): text lacks %q; text:\n%s", i, g.Origin, s, a.Text)
			}
		}
		if len(a.Raw) == 0 {
			t.Errorf("item %d (%s): no raw bytes", i, g.Origin)
		}
	}
}

const russianFirst = "Городской совет в среду утвердил строительство новой дамбы."

func TestReadFormats(t *testing.T) {
	russian := string(fixture(t, "russian.txt"))
	tests := []struct {
		name string
		file string
		data []byte
		want []wantItem
	}{
		{"HTMLWithOpenGraphAndJSONLD", "page.html", fixture(t, "page.html"), []wantItem{{
			Origin: "page.html", Title: "Harbour town votes on new sea wall", Outlet: "The Coastal Ledger",
			URL: "https://www.coastal-ledger.example/news/2024/05/sea-wall-vote", Published: "2024-05-14T09:30:00+01:00",
			Author: "Mara Lindqvist", Language: "en-GB",
			TextHas: []string{"ending a debate that has divided the council for almost three years. The plan passed", "hoping for the best.\"\n\nOpponents argued"},
		}}},
		{"MarkdownHeadingsAndLinks", "notes.md", fixture(t, "notes.md"), []wantItem{{
			Title:   "Council approves the sea wall",
			TextHas: []string{"Council approves the sea wall\n\nThe vote followed a long debate in the town hall.", "\n\nWhat happens next\n\n", "next spring. A drawing of the wall"},
		}}},
		{"PlainUTF8", "ru.txt", []byte(russian), []wantItem{{TextHas: []string{russianFirst, "три года.\n\nСторонники"}}}},
		{"KOI8R", "koi8.txt", encode(t, charmap.KOI8R, russian), []wantItem{{TextHas: []string{russianFirst}}}},
		{"Windows1251", "cp1251.txt", encode(t, charmap.Windows1251, russian), []wantItem{{TextHas: []string{russianFirst}}}},
		{"ISO88595", "iso5.txt", encode(t, charmap.ISO8859_5, russian), []wantItem{{TextHas: []string{russianFirst}}}},
		{"UTF16LEWithBOM", "le.txt", encode(t, xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM), russian), []wantItem{{TextHas: []string{russianFirst}}}},
		{"UTF16BEWithBOM", "be.txt", encode(t, xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM), russian), []wantItem{{TextHas: []string{russianFirst}}}},
		{"Windows1252Text", "fr.txt", encode(t, charmap.Windows1252, "Le conseil a approuvé la digue – enfin. Les élus étaient divisés."), []wantItem{{TextHas: []string{"approuvé la digue – enfin. Les élus étaient"}}}},
		{"HTMLMetaCharsetWindows1251", "ru.html", encode(t, charmap.Windows1251, "<html><head><meta charset=\"windows-1251\"><title>Дамба</title></head><body><article><p>"+strings.Repeat(russianFirst+" ", 12)+"</p></article></body></html>"), []wantItem{{TextHas: []string{russianFirst}}}},
		{"UnknownExtensionSniffedAsHTML", "page.download", fixture(t, "page.html"), []wantItem{{Title: "Harbour town votes on new sea wall"}}},
		{"CSVWithBOMAndSemicolons", "export.csv", fixture(t, "semicolon_bom.csv"), []wantItem{
			{Origin: "export.csv#row 2", Outlet: "The Coastal Ledger", Title: "Sea wall approved", Published: "2024-05-14", Author: "Mara Lindqvist", URL: "https://www.coastal-ledger.example/a", TextHas: []string{"approved the sea wall; work starts"}},
			{Origin: "export.csv#row 3", Outlet: "Valley Post", Published: "2024-05-15", TextHas: []string{"after repairs.\n\nTraffic was light"}},
		}},
		{"CSVWindows1252", "legacy.csv", encode(t, charmap.Windows1252, "source,title,text\r\nLe Petit Exemple,Digue approuvée,\"Le conseil a approuvé la digue, après trois ans.\"\r\n"), []wantItem{
			{Outlet: "Le Petit Exemple", Title: "Digue approuvée", TextHas: []string{"approuvé la digue, après trois ans."}},
		}},
		{"TSV", "rows.tsv", []byte("headline\tsite\tcontent\nTabbed\tTab Times\tA tab separated row.\n"), []wantItem{{Title: "Tabbed", Outlet: "Tab Times", TextHas: []string{"A tab separated row."}}}},
		{"CSVMalformedRows", "bad.csv", fixture(t, "malformed.csv"), []wantItem{
			{Origin: "bad.csv#row 2", Title: "Good first row", Outlet: "Daily Example"},
			{Origin: "bad.csv#row 3", Err: "row 3: wrong number of fields (2, header has 3)"},
			{Origin: "bad.csv#row 4", Err: "row 4: stray quote in an unquoted field"},
			{Origin: "bad.csv#row 5", Title: "Good last row", TextHas: []string{"The last row is fine, too."}},
		}},
		{"CSVNoTextColumn", "notext.csv", []byte("title,source\nA,B\n"), []wantItem{{Origin: "notext.csv", Err: "no text column (columns: title, source)"}}},
		{"CSVEmptyText", "blank.csv", []byte("title,text\nNothing,\"  \"\n"), []wantItem{{Err: "row 2: empty text"}}},
		{"JSONLMixed", "dump.jsonl", fixture(t, "rows.jsonl"), []wantItem{
			{Origin: "dump.jsonl#row 1", Outlet: "Daily Example", Title: "First story", Published: "2023-03-01", Author: "Sam Okafor, Lee Park", URL: "https://dailyexample.example/one", TextHas: []string{"has a body.\n\nIt has two"}},
			{Origin: "dump.jsonl#row 2", Err: "row 2: malformed JSON"},
			{Origin: "dump.jsonl#row 4", Err: "row 4: no text field"},
			{Origin: "dump.jsonl#row 5", Outlet: "Markup Daily", Published: "2023-03-02", TextHas: []string{"First paragraph of markup.\n\nSecond paragraph."}},
			{Origin: "dump.jsonl#row 6", Err: "row 6: not a JSON object"},
		}},
		{"JSONLLineTooLong", "long.ndjson", []byte(`{"text": "short"}` + "\n" + `{"text": "` + strings.Repeat("x", 3000) + `"}` + "\n" + `{"text": "after"}`), []wantItem{
			{TextHas: []string{"short"}},
			{Origin: "long.ndjson#row 2", Err: "row 2: too large (more than 2 KB)", Code: analysis.ETOOLARGE},
			{Origin: "long.ndjson#row 3", TextHas: []string{"after"}},
		}},
		{"JSONArray", "items.json", fixture(t, "array.json"), []wantItem{
			{Origin: "items.json#item 1", Title: "Array one", Outlet: "Example Gazette", Published: "2022-11-05T08:00:00Z"},
			{Origin: "items.json#item 2", Title: "Array two", Outlet: "example-gazette.example", Author: "Ana Ruiz, Tom Berg"},
		}},
		{"JSONSingleObject", "one.json", []byte(`{"title": "Alone", "text": "Just one."}`), []wantItem{{Origin: "one.json#item 1", Title: "Alone"}}},
		{"Empty", "empty.txt", []byte(" \n\t\n"), []wantItem{{Err: "empty"}}},
		{"Binary", "blob.txt", []byte("GIF89a\x00\x01\x02\x03binary"), []wantItem{{Err: "binary file"}}},
		{"Undecodable", "broken.txt", append([]byte("\xef\xbb\xbf"), bytes.Repeat([]byte("ok \xff\xfe\xfd "), 50)...), []wantItem{{Err: "undecodable text"}}},
		{"TooLarge", "big.txt", bytes.Repeat([]byte("word "), 1000), []wantItem{{Err: "too large (4 KB > 2 KB)", Code: analysis.ETOOLARGE}}},
		{"NoTextExtracted", "nav.html", []byte("<!doctype html><html><head><title>Menu</title></head><body><nav><a href=/>Home</a></nav></body></html>"), []wantItem{{Err: "no text extracted"}}},
		{"UnsupportedType", "scan.pdf", []byte("%PDF-1.7"), []wantItem{{Err: "unsupported file type .pdf"}}},
		{"NotAZip", "fake.zip", []byte("this is not a zip archive at all"), []wantItem{{Err: "unreadable zip archive"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lim := ingest.Limits{}
			if tc.name == "TooLarge" || tc.name == "JSONLLineTooLong" {
				lim.MaxArticleBytes = 2 << 10
			}
			checkItems(t, readBytes(t, tc.file, tc.data, lim), tc.want)
		})
	}
}

// zipEntry is one file to put in a test archive.
type zipEntry struct {
	name  string
	data  []byte
	store bool // stored, not deflated
}

// buildZip writes entries into a zip archive in memory.
func buildZip(t *testing.T, entries []zipEntry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		h := &zip.FileHeader{Name: e.name, Method: zip.Deflate}
		if e.store {
			h.Method = zip.Store
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(e.data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// compressedSize returns the compressed size of entry name in archive.
func compressedSize(t *testing.T, archive []byte, name string) int64 {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(archive), int64(len(archive)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			return int64(f.CompressedSize64)
		}
	}
	t.Fatalf("no entry %s", name)
	return 0
}

func TestReadZip(t *testing.T) {
	inner := buildZip(t, []zipEntry{{name: "x.txt", data: []byte("inner")}})
	archive := buildZip(t, []zipEntry{
		{name: "articles/"},
		{name: "articles/2024/page.html", data: fixture(t, "page.html")},
		{name: "articles/note.txt", data: []byte("A short note about the harbour.")},
		{name: "../evil.txt", data: []byte("Climbing out of the folder is not possible.")},
		{name: "/abs/path.md", data: []byte("# Absolute\n\nAn absolute name.")},
		{name: "__MACOSX/articles/._note.txt", data: []byte("resource fork")},
		{name: ".DS_Store", data: []byte("\x00\x00\x00\x01Bud1")},
		{name: "rows.csv", data: fixture(t, "malformed.csv")},
		{name: "bomb.txt", data: bytes.Repeat([]byte{' '}, 2<<20)},
		{name: "inner.zip", data: inner, store: true},
		{name: "mystery", data: []byte("PK\x03\x04 looks like a zip")},
		{name: "empty.md", data: nil},
	})
	want := []wantItem{
		{Origin: "upload.zip/articles/2024/page.html", Title: "Harbour town votes on new sea wall", Outlet: "The Coastal Ledger"},
		{Origin: "upload.zip/articles/note.txt", TextHas: []string{"A short note"}},
		{Origin: "upload.zip/evil.txt", TextHas: []string{"Climbing out"}},
		{Origin: "upload.zip/abs/path.md", Title: "Absolute"},
		{Origin: "upload.zip/rows.csv#row 2", Title: "Good first row"},
		{Origin: "upload.zip/rows.csv#row 3", Err: "row 3: wrong number of fields (2, header has 3)"},
		{Origin: "upload.zip/rows.csv#row 4", Err: "row 4: stray quote in an unquoted field"},
		{Origin: "upload.zip/rows.csv#row 5", Title: "Good last row"},
		{Origin: "upload.zip/bomb.txt", Err: fmt.Sprintf("expands too much (more than %d KB; zip bomb?)", compressedSize(t, archive, "bomb.txt")*100>>10), Code: analysis.ETOOLARGE},
		{Origin: "upload.zip/inner.zip", Err: "nested zip not supported"},
		{Origin: "upload.zip/mystery", Err: "nested zip not supported"},
		{Origin: "upload.zip/empty.md", Err: "empty"},
	}
	t.Run("FromFile", func(t *testing.T) {
		checkItems(t, readBytes(t, "upload.zip", archive, ingest.Limits{}), want)
	})
	t.Run("FromStreamSpooled", func(t *testing.T) {
		var items []ingest.Item
		// A plain io.Reader (no ReaderAt) makes Read spool to a temp file.
		r := struct{ *bytes.Buffer }{bytes.NewBuffer(archive)}
		if err := ingest.Read(context.Background(), "upload.zip", r, ingest.Limits{}, func(it ingest.Item) error {
			items = append(items, it)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		checkItems(t, items, want)
	})
	t.Run("TooManyEntries", func(t *testing.T) {
		items := readBytes(t, "many.zip", archive, ingest.Limits{MaxZipEntries: 3})
		checkItems(t, items, []wantItem{{Origin: "many.zip", Err: "too many entries (12 > 3)", Code: analysis.ETOOLARGE}})
	})
	t.Run("TotalExpansion", func(t *testing.T) {
		parts := []zipEntry{}
		for _, n := range []string{"a.txt", "b.txt", "c.txt"} {
			parts = append(parts, zipEntry{name: n, data: bytes.Repeat([]byte("total budget "), 4000)})
		}
		items := readBytes(t, "total.zip", buildZip(t, parts), ingest.Limits{MaxZipTotal: 100 << 10, MaxZipRatio: 1000})
		checkItems(t, items, []wantItem{
			{Origin: "total.zip/a.txt"},
			{Origin: "total.zip/b.txt", Err: "archive expands too much (zip bomb?)", Code: analysis.ETOOLARGE},
			{Origin: "total.zip", Err: "archive expands to more than 100 KB; rest of the archive skipped", Code: analysis.ETOOLARGE},
		})
	})
}

func TestReadRejections(t *testing.T) {
	small := ingest.Limits{MaxArticleBytes: 2 << 10}
	page := fixture(t, "page.html")
	corrupt := buildZip(t, []zipEntry{{name: "a.txt", data: bytes.Repeat([]byte("some words to deflate "), 200)}})
	// Damage the deflated data of the only entry (it starts after the
	// 30-byte local header and the 5-byte name).
	for i := 40; i < 80; i++ {
		corrupt[i] ^= 0xA5
	}
	var encrypted bytes.Buffer
	zw := zip.NewWriter(&encrypted)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "secret.txt", Method: zip.Store, Flags: 0x1})
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte("ciphertext"))
	zw.Close()
	tests := []struct {
		name string
		file string
		data []byte
		lim  ingest.Limits
		want []wantItem
	}{
		{"CSVRunawayQuotedField", "runaway.csv", []byte("title,text\nA,\"never closed " + strings.Repeat("words ", 40000)), small,
			[]wantItem{{Origin: "runaway.csv#row 2", Err: "row 2: too large (more than 66 KB); rest of the file skipped", Code: analysis.ETOOLARGE}}},
		{"CSVUnreadableHeader", "head.csv", []byte("ti\"tle,text\nA,B\n"), ingest.Limits{},
			[]wantItem{{Origin: "head.csv", Err: "unreadable header row"}}},
		{"JSONArrayMalformedItem", "arr.json", []byte(`[{"text": "fine"}, {"text": }, {"text": "never reached"}]`), ingest.Limits{},
			[]wantItem{{TextHas: []string{"fine"}}, {Origin: "arr.json#item 2", Err: "item 2: malformed JSON; rest of the file skipped"}}},
		{"JSONNotObjectOrArray", "str.json", []byte(`"just a string"`), ingest.Limits{},
			[]wantItem{{Origin: "str.json", Err: "not a JSON object or array"}}},
		{"ZipOverFileLimit", "big.zip", buildZip(t, []zipEntry{{name: "p.html", data: page, store: true}}), ingest.Limits{MaxFileBytes: 1 << 10},
			[]wantItem{{Origin: "big.zip", Err: "too large (2 KB > 1 KB)", Code: analysis.ETOOLARGE}}},
		{"ZipCorruptEntry", "bad.zip", corrupt, ingest.Limits{},
			[]wantItem{{Origin: "bad.zip/a.txt", Err: "corrupt zip entry"}}},
		{"ZipEncryptedEntry", "enc.zip", encrypted.Bytes(), ingest.Limits{},
			[]wantItem{{Origin: "enc.zip/secret.txt", Err: "encrypted entry"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkItems(t, readBytes(t, tc.file, tc.data, tc.lim), tc.want)
		})
	}
}

func TestReadStreamOverFileLimit(t *testing.T) {
	// 260 KB of 26-byte rows against a 100 KB limit: the rows read before the limit
	// are kept, then the file is cut off with one rejection.
	items := readBytes(t, "big.jsonl", bytes.Repeat([]byte(`{"text": "a row of text"}`+"\n"), 10000), ingest.Limits{MaxFileBytes: 100 << 10})
	last := items[len(items)-1]
	if msg := analysis.ErrorMessage(last.Err); last.Origin != "big.jsonl" || msg != "too large (more than 100 KB)" {
		t.Errorf("last item %q: %q, want big.jsonl: too large (more than 100 KB)", last.Origin, msg)
	}
	good := len(items) - 1
	if good < 1000 || good > 100<<10/26 {
		t.Errorf("got %d rows before the cut, want between 1000 and %d", good, 100<<10/26)
	}
	checkItems(t, items[:good], make([]wantItem, good))
}

func TestReadStopsWhenEmitFails(t *testing.T) {
	stop := errors.New("stop here")
	calls := 0
	err := ingest.Read(context.Background(), "dump.jsonl", bytes.NewReader(fixture(t, "rows.jsonl")), ingest.Limits{}, func(ingest.Item) error {
		calls++
		return stop
	})
	if !errors.Is(err, stop) || calls != 1 {
		t.Fatalf("Read = %v after %d calls, want %v after 1", err, calls, stop)
	}
}

func TestReadFolderInSortedOrder(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"b/second.txt": "Second.", "a.txt": "First.", "c/d/third.md": "Third.", ".hidden/x.txt": "Hidden.", "b/.dot.txt": "Dot.",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	var got []string
	err := ingest.ReadFile(context.Background(), dir, ingest.Limits{}, func(it ingest.Item) error {
		got = append(got, strings.TrimPrefix(it.Origin, filepath.ToSlash(dir)+"/")+"="+it.Article.Text)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := "a.txt=First. b/second.txt=Second. c/d/third.md=Third."
	if g := strings.Join(got, " "); g != want {
		t.Errorf("got %q, want %q", g, want)
	}
}

func TestPaste(t *testing.T) {
	tests := []struct {
		name string
		text string
		meta ingest.Article
		want wantItem
	}{
		{"PlainWithMeta", "  First line.\r\n\r\n\r\nSecond paragraph.  ", ingest.Article{Outlet: "Typed Outlet", Published: "2024-01-02", URL: "https://news.example.org/x"},
			wantItem{Origin: "pasted text", Outlet: "Typed Outlet", Published: "2024-01-02", TextHas: []string{"First line.\n\nSecond paragraph."}}},
		{"OutletFromURL", "Body.", ingest.Article{URL: "https://www.news.example.org/x"}, wantItem{Outlet: "news.example.org"}},
		{"WholePageHTML", string(fixture(t, "page.html")), ingest.Article{Origin: "clipboard"},
			wantItem{Origin: "clipboard", Title: "Harbour town votes on new sea wall", Outlet: "The Coastal Ledger"}},
		{"Empty", " \n ", ingest.Article{}, wantItem{Err: "empty"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkItems(t, []ingest.Item{ingest.Paste(tc.text, tc.meta)}, []wantItem{tc.want})
		})
	}
}
