package corpus_test

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/corpus"
	"github.com/framinglens/framinglens/internal/ingest"
	"github.com/framinglens/framinglens/internal/store"
)

// TestOpenSeedsNewDatabase checks that a new database starts with the
// shipped lexicons merged into the active "default" one and the shipped
// registry active.
func TestOpenSeedsNewDatabase(t *testing.T) {
	ctx := context.Background()
	svc, st := openTestCorpus(t)

	active, err := st.Active(ctx, store.ActiveLexicon)
	if err != nil || active != corpus.DefaultLexiconName {
		t.Fatalf("active lexicon = %q, %v; want %q", active, err, corpus.DefaultLexiconName)
	}
	lex := svc.ActiveLexicon()
	if lex.Name != corpus.DefaultLexiconName {
		t.Errorf("engine lexicon = %q, want %q", lex.Name, corpus.DefaultLexiconName)
	}
	patterns := map[string]bool{}
	for _, e := range lex.Entries {
		patterns[strings.ToLower(e.Pattern)] = true
	}
	for _, name := range []string{"conflict-actors", "humanitarian"} {
		shipped, err := analysis.DefaultLexicon(name)
		if err != nil {
			t.Fatalf("DefaultLexicon(%s): %v", name, err)
		}
		for _, e := range shipped.Entries {
			if !patterns[strings.ToLower(e.Pattern)] {
				t.Errorf("default lexicon lacks %s entry %q", name, e.Pattern)
			}
		}
		if _, err := st.Lexicon(ctx, name); err != nil {
			t.Errorf("shipped lexicon %s not stored: %v", name, err)
		}
	}
	reg, err := st.Active(ctx, store.ActiveRegistry)
	if err != nil || reg != "syria-2016" {
		t.Errorf("active registry = %q, %v; want syria-2016", reg, err)
	}
	if got := svc.ActiveRegistry().Name; got != "syria-2016" {
		t.Errorf("engine registry = %q, want syria-2016", got)
	}
	if got := countRows(t, st.Path()); got.Articles != 0 || got.Analyses != 0 {
		t.Errorf("new database has rows %+v, want none", got)
	}

	// Opening again must not seed twice or change the active choices.
	v1 := svc.Engine().Versions()
	svc2, err := corpus.Open(ctx, st, nil)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	if v2 := svc2.Engine().Versions(); v2 != v1 {
		t.Errorf("versions after reopen = %+v, want %+v", v2, v1)
	}
}

// russianSample is a Cyrillic text long enough for the encoding guess.
const russianSample = "Повстанцы обстреляли районы Алеппо, которые удерживает правительство. " +
	"Жители города рассказали о тяжёлой ночи и о беженцах, которые уходят на запад. " +
	"Гуманитарная помощь не доходит до осаждённых кварталов уже третью неделю."

// TestImportFormats imports one input of every supported format and checks
// the outcome of every item and what was stored.
func TestImportFormats(t *testing.T) {
	html := func(i int) string {
		return fmt.Sprintf(`<!doctype html><html lang="en"><head><title>Page %d</title>
<meta property="og:site_name" content="Example Times"></head>
<body><nav>Home | World</nav><article><h1>Page %d</h1>%s</article></body></html>`,
			i, i, "<p>"+strings.ReplaceAll(sampleArticle(i), "\n\n", "</p><p>")+"</p>")
	}
	jsonRow := func(i int) string {
		return fmt.Sprintf(`{"title": "Row %d", "source": "Wire", "date": "2016-12-0%d", "text": %q}`, i, i%9+1, sampleArticle(i))
	}
	csvQuote := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
	tests := []struct {
		name   string
		file   string
		data   []byte
		want   corpus.Summary
		titles []string // titles of the accepted items, in order
		texts  []string // a phrase of each accepted article's stored text
	}{
		{"PlainText", "a.txt", []byte(sampleArticle(1)), corpus.Summary{Accepted: 1}, []string{"Report number 1 from the northern front."}, []string{"(item 1)."}},
		{"Markdown", "b.md", []byte("# Markdown title\n\n" + sampleArticle(2)), corpus.Summary{Accepted: 1}, []string{"Markdown title"}, []string{"(item 2)."}},
		{"HTML", "c.html", []byte(html(3)), corpus.Summary{Accepted: 1}, []string{"Page 3"}, []string{"(item 3)."}},
		{"CSV", "d.csv", []byte("title,outlet,date,text\n" +
			"Row 4," + "Wire,2016-12-04," + csvQuote(sampleArticle(4)) + "\n" +
			"Row 5," + "Wire,2016-12-05," + csvQuote(sampleArticle(5)) + "\n"),
			corpus.Summary{Accepted: 2}, []string{"Row 4", "Row 5"}, []string{"(item 4).", "(item 5)."}},
		{"TSV", "e.tsv", []byte("title\ttext\nRow 6\t" + strings.ReplaceAll(sampleArticle(6), "\n", " ") + "\n"),
			corpus.Summary{Accepted: 1}, []string{"Row 6"}, []string{"(item 6)."}},
		{"JSONL", "f.jsonl", []byte(jsonRow(7) + "\n" + jsonRow(8) + "\n"),
			corpus.Summary{Accepted: 2}, []string{"Row 7", "Row 8"}, []string{"(item 7).", "(item 8)."}},
		{"JSONArray", "g.json", []byte("[" + jsonRow(9) + ",\n" + jsonRow(10) + "]"),
			corpus.Summary{Accepted: 2}, []string{"Row 9", "Row 10"}, []string{"(item 9).", "(item 10)."}},
		{"Zip", "h.zip", zipOf(t,
			zipFile{"one.txt", []byte(sampleArticle(11))},
			zipFile{"dir/two.html", []byte(html(12))},
			zipFile{"rows.jsonl", []byte(jsonRow(13) + "\n")}),
			corpus.Summary{Accepted: 3}, []string{"Report number 11 from the northern front.", "Page 12", "Row 13"}, []string{"(item 11).", "(item 12).", "(item 13)."}},
		{"UTF16LE", "utf16.txt", encodeText(t, xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM), sampleArticle(14)),
			corpus.Summary{Accepted: 1}, nil, []string{"(item 14)."}},
		{"Windows1251", "cp1251.txt", encodeText(t, charmap.Windows1251, "Сводка 1251.\n\n"+russianSample),
			corpus.Summary{Accepted: 1}, []string{"Сводка 1251."}, []string{"Повстанцы обстреляли", "осаждённых кварталов"}},
		{"KOI8R", "koi8.txt", encodeText(t, charmap.KOI8R, "Сводка KOI8.\n\n"+russianSample),
			corpus.Summary{Accepted: 1}, []string{"Сводка KOI8."}, []string{"Повстанцы обстреляли", "осаждённых кварталов"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			svc, st := openTestCorpus(t)
			sum, items := importBytes(t, svc, tc.file, tc.data, corpus.ImportOptions{})
			if sum != tc.want {
				t.Fatalf("summary = %+v, want %+v (items %+v)", sum, tc.want, items)
			}
			var accepted []corpus.ItemResult
			for _, it := range items {
				if it.Status == corpus.Accepted {
					accepted = append(accepted, it)
				}
			}
			texts := tc.texts
			for i, it := range accepted {
				if it.ID <= 0 {
					t.Errorf("item %d (%s): id %d, want > 0", i, it.Origin, it.ID)
					continue
				}
				a, err := st.Article(ctx, it.ID)
				if err != nil {
					t.Fatalf("Article(%d): %v", it.ID, err)
				}
				if tc.titles != nil && a.Title != tc.titles[i] {
					t.Errorf("item %d title = %q, want %q", i, a.Title, tc.titles[i])
				}
				if tc.name == "Windows1251" || tc.name == "KOI8R" {
					for _, p := range texts {
						if !strings.Contains(a.Text, p) {
							t.Errorf("stored text %q lacks %q", a.Text, p)
						}
					}
				} else if !strings.Contains(a.Text, texts[i]) {
					t.Errorf("item %d stored text %q lacks %q", i, a.Text, texts[i])
				}
				if len(a.Raw) == 0 {
					t.Errorf("item %d: raw bytes not kept", i)
				}
				r, err := st.ArticleResult(ctx, it.ID)
				if err != nil {
					t.Fatalf("ArticleResult(%d): %v", it.ID, err)
				}
				if r.Versions != svc.Engine().Versions() {
					t.Errorf("item %d versions = %+v, want %+v", i, r.Versions, svc.Engine().Versions())
				}
				if r.Words != a.Words || r.Words == 0 {
					t.Errorf("item %d words: result %d, article %d; want equal and > 0", i, r.Words, a.Words)
				}
			}
			c := countRows(t, st.Path())
			if c.Articles != tc.want.Accepted || c.Analyses != tc.want.Accepted || c.Scores != tc.want.Accepted {
				t.Errorf("rows = %+v, want %d articles, analyses and score rows", c, tc.want.Accepted)
			}
			// The English samples all carry framing terms and a quote.
			if !strings.HasPrefix(tc.name, "Windows") && !strings.HasPrefix(tc.name, "KOI8") && (c.Hits == 0 || c.Quotes == 0) {
				t.Errorf("rows = %+v, want hits and quotes stored", c)
			}
		})
	}
}

// TestImportRejections checks every rejection reason, that the other items
// of the same input still go in, and that nothing of a rejected item is
// written.
func TestImportRejections(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		data    []byte
		limits  ingest.Limits
		want    corpus.Summary
		reasons []string // a phrase of each rejection's reason, in order
	}{
		{"Empty", "empty.txt", []byte("  \n\n "), ingest.Limits{}, corpus.Summary{Rejected: 1}, []string{"empty"}},
		{"Binary", "blob.txt", append([]byte("abc\x00\x01\x02\x00"), make([]byte, 200)...), ingest.Limits{}, corpus.Summary{Rejected: 1}, []string{"binary file"}},
		{"TooLarge", "big.txt", []byte(strings.Repeat(sampleArticle(20)+"\n\n", 10)), ingest.Limits{MaxArticleBytes: 1024}, corpus.Summary{Rejected: 1}, []string{"too large"}},
		{"Undecodable", "broken.txt", append([]byte("\xef\xbb\xbf"), []byte(strings.Repeat("ok \xff\xfe\xfd ", 50))...), ingest.Limits{}, corpus.Summary{Rejected: 1}, []string{"undecodable text"}},
		{"NoTextExtracted", "empty.html", []byte("<!doctype html><html><head><title>Nothing</title><script>var x = 1;</script></head><body><nav></nav></body></html>"), ingest.Limits{}, corpus.Summary{Rejected: 1}, []string{"no text extracted"}},
		{"UnsupportedType", "scan.pdf", []byte("%PDF-1.4 ..."), ingest.Limits{}, corpus.Summary{Rejected: 1}, []string{"unsupported file type .pdf"}},
		{"JSONLMalformedRow", "rows.jsonl", []byte(
			fmt.Sprintf(`{"title":"Good 21","text":%q}`, sampleArticle(21)) + "\n" +
				`{"title":"Broken","text":"no end` + "\n" +
				fmt.Sprintf(`{"title":"Good 22","text":%q}`, sampleArticle(22)) + "\n" +
				`{"title":"No text"}` + "\n"),
			ingest.Limits{}, corpus.Summary{Accepted: 2, Rejected: 2}, []string{"row 2: malformed JSON", "row 4: no text field"}},
		{"CSVMalformedRow", "rows.csv", []byte("title,text\n" +
			"Good 23,\"" + strings.ReplaceAll(sampleArticle(23), `"`, `""`) + "\"\n" +
			"Short row only\n" +
			"Empty text,\n"),
			ingest.Limits{}, corpus.Summary{Accepted: 1, Rejected: 2}, []string{"row 3: wrong number of fields", "row 4: empty text"}},
		{"ZipWithBadMember", "mixed.zip", zipOf(t,
			zipFile{"good.txt", []byte(sampleArticle(24))},
			zipFile{"empty.txt", nil},
			zipFile{"image.png", []byte("\x89PNG....")}),
			ingest.Limits{}, corpus.Summary{Accepted: 1, Rejected: 2}, []string{"empty", "unsupported file type .png"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			svc, st := openTestCorpus(t)
			// Something stored already, so "nothing written" is checked
			// against a non-empty database.
			importBytes(t, svc, "before.txt", []byte(sampleArticle(1000)), corpus.ImportOptions{})
			before := countRows(t, st.Path())

			sum, items := importBytes(t, svc, tc.file, tc.data, corpus.ImportOptions{Limits: tc.limits})
			if sum != tc.want {
				t.Fatalf("summary = %+v, want %+v (items %+v)", sum, tc.want, items)
			}
			var reasons []string
			for _, it := range items {
				if it.Status != corpus.Rejected {
					continue
				}
				if it.ID != 0 {
					t.Errorf("rejected %s has id %d, want 0", it.Origin, it.ID)
				}
				if strings.Contains(it.Reason, "\n") || it.Reason == "" {
					t.Errorf("reason %q of %s is not one non-empty line", it.Reason, it.Origin)
				}
				reasons = append(reasons, it.Reason)
			}
			if len(reasons) != len(tc.reasons) {
				t.Fatalf("reasons = %q, want %d like %q", reasons, len(tc.reasons), tc.reasons)
			}
			for i, want := range tc.reasons {
				if !strings.Contains(reasons[i], want) {
					t.Errorf("reason %d = %q, want it to contain %q", i, reasons[i], want)
				}
			}
			after := countRows(t, st.Path())
			want := before
			want.Articles += tc.want.Accepted
			want.Analyses += tc.want.Accepted
			want.Current += tc.want.Accepted
			want.Scores += tc.want.Accepted
			if after.Articles != want.Articles || after.Analyses != want.Analyses || after.Current != want.Current || after.Scores != want.Scores {
				t.Errorf("rows after = %+v, want %+v (before %+v)", after, want, before)
			}
		})
	}
}

// TestImportDuplicates checks that a second copy of an article is reported
// with the stored article's id and that importing the same inputs again
// changes nothing.
func TestImportDuplicates(t *testing.T) {
	svc, st := openTestCorpus(t)
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", sampleArticle(1))
	writeFile(t, dir, "b.txt", sampleArticle(2))
	writeFile(t, dir, "sub/a-copy.txt", sampleArticle(1))
	writeFile(t, dir, "rows.jsonl", fmt.Sprintf("{\"text\":%q}\n{\"text\":%q}\n", sampleArticle(3), sampleArticle(2)))

	sum, first := importPath(t, svc, dir)
	if want := (corpus.Summary{Accepted: 3, Duplicate: 2}); sum != want {
		t.Fatalf("first import = %+v, want %+v (%+v)", sum, want, first)
	}
	ids := map[string]int64{}
	for _, r := range first {
		ids[r.Origin] = r.ID
	}
	a, b := ids[dir+"/a.txt"], ids[dir+"/b.txt"]
	if got := ids[dir+"/sub/a-copy.txt"]; got != a || a == 0 {
		t.Errorf("copy of a.txt reported id %d, want a.txt's %d", got, a)
	}
	if got := ids[dir+"/rows.jsonl#row 2"]; got != b || b == 0 {
		t.Errorf("jsonl copy of b.txt reported id %d, want b.txt's %d", got, b)
	}
	before := countRows(t, st.Path())
	if before.Articles != 3 || before.Analyses != 3 {
		t.Fatalf("rows after first import = %+v, want 3 articles and analyses", before)
	}

	sum, again := importPath(t, svc, dir)
	if want := (corpus.Summary{Duplicate: 5}); sum != want {
		t.Fatalf("second import = %+v, want %+v", sum, want)
	}
	for _, r := range again {
		if r.ID == 0 || r.ID != ids[r.Origin] && r.ID != a && r.ID != b {
			t.Errorf("re-import of %s reported id %d, first import said %d", r.Origin, r.ID, ids[r.Origin])
		}
	}
	for i, r := range again {
		if want := first[i].ID; r.ID != want {
			t.Errorf("re-import of %s reported id %d, want %d", r.Origin, r.ID, want)
		}
	}
	if after := countRows(t, st.Path()); after != before {
		t.Errorf("rows after re-import = %+v, want unchanged %+v", after, before)
	}
}

// TestReimportAfterCleaningChange checks that importing the same inputs
// again finds the stored articles when their cleaned text is no longer what
// the engine makes of the input, as after an upgrade whose cleaning drops
// more, and in a database written before raw_hash existed, whose hashes are
// worked out on opening.
func TestReimportAfterCleaningChange(t *testing.T) {
	path := filepath.Join(t.TempDir(), "corpus.db")
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", sampleArticle(1))
	writeFile(t, dir, "rows.jsonl", fmt.Sprintf("{\"text\":%q,\"outlet\":\"Daily\"}\n{\"text\":%q}\n",
		sampleArticle(2), sampleArticle(3)))
	svc, st := openCorpusAt(t, path)
	sum, first := importPath(t, svc, dir)
	if sum != (corpus.Summary{Accepted: 3}) {
		t.Fatalf("first import = %+v, want 3 accepted", sum)
	}
	svc.Close()
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	// What an older engine and store left: a text that kept a line the
	// engine now drops, its hash, and no raw_hash yet.
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath())
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.Exec(`UPDATE articles SET text = text || char(10) || 'READ MORE: kept by an older cleaning',
		content_hash = 'older-' || id, raw_hash = NULL`)
	if err == nil {
		_, err = db.Exec(`DELETE FROM settings WHERE key = 'raw_hash'`)
	}
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatalf("make the database older: %v", err)
	}

	svc, st = openCorpusAt(t, path)
	before := countRows(t, st.Path())
	ro := openReadOnly(t, path)
	var unhashed int
	if err := ro.QueryRow(`SELECT COUNT(*) FROM articles WHERE raw_hash IS NULL`).Scan(&unhashed); err != nil {
		t.Fatal(err)
	}
	ro.Close()
	if unhashed != 0 {
		t.Errorf("%d articles without raw_hash after opening, want 0", unhashed)
	}
	sum, again := importPath(t, svc, dir)
	if want := (corpus.Summary{Duplicate: 3}); sum != want {
		t.Fatalf("import after the cleaning changed = %+v, want %+v (%+v)", sum, want, again)
	}
	for i, r := range again {
		if r.ID != first[i].ID {
			t.Errorf("re-import of %s reported id %d, want %d", r.Origin, r.ID, first[i].ID)
		}
	}
	if after := countRows(t, st.Path()); after != before {
		t.Errorf("rows after re-import = %+v, want unchanged %+v", after, before)
	}
}

// TestImportOutletOverride checks that ImportOptions.Outlet wins over what
// the rows say.
func TestImportOutletOverride(t *testing.T) {
	ctx := context.Background()
	svc, st := openTestCorpus(t)
	data := fmt.Sprintf("{\"source\":\"Wire\",\"text\":%q}\n{\"text\":%q}\n", sampleArticle(1), sampleArticle(2))
	importBytes(t, svc, "rows.jsonl", []byte(data), corpus.ImportOptions{Outlet: "The Override"})
	importBytes(t, svc, "plain.jsonl", []byte(fmt.Sprintf("{\"source\":\"Wire\",\"text\":%q}\n", sampleArticle(3))), corpus.ImportOptions{})

	rows, n, err := st.Articles(ctx, store.ArticleFilter{Limit: 10})
	if err != nil || n != 3 {
		t.Fatalf("Articles: n=%d err=%v, want 3", n, err)
	}
	got := map[string]int{}
	for _, r := range rows {
		got[r.Outlet]++
	}
	if got["The Override"] != 2 || got["Wire"] != 1 {
		t.Errorf("outlets = %v, want The Override ×2 and Wire ×1", got)
	}
	outlets, err := st.Outlets(ctx)
	if err != nil {
		t.Fatalf("Outlets: %v", err)
	}
	var names []string
	for _, o := range outlets {
		names = append(names, o.Name)
	}
	slices.Sort(names)
	if want := []string{"The Override", "Wire"}; !slices.Equal(names, want) {
		t.Errorf("outlet names = %q, want %q", names, want)
	}
}
