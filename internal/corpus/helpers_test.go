package corpus_test

import (
	"archive/zip"
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"path/filepath"
	"testing"

	"golang.org/x/text/encoding"

	"github.com/framinglens/framinglens/internal/corpus"
	"github.com/framinglens/framinglens/internal/store"
)

// openTestCorpus opens a new database in a temporary folder and the service
// over it. Both are closed when the test ends.
func openTestCorpus(tb testing.TB) (*corpus.Service, *store.Store) {
	tb.Helper()
	return openCorpusAt(tb, filepath.Join(tb.TempDir(), "corpus.db"))
}

// openCorpusAt opens the database at path and the service over it.
func openCorpusAt(tb testing.TB, path string) (*corpus.Service, *store.Store) {
	tb.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, path)
	if err != nil {
		tb.Fatalf("store.Open(%s): %v", path, err)
	}
	svc, err := corpus.Open(ctx, st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		st.Close()
		tb.Fatalf("corpus.Open: %v", err)
	}
	tb.Cleanup(func() {
		svc.Close()
		st.Close()
	})
	return svc, st
}

// rowCounts are the row counts of the tables an import writes.
type rowCounts struct {
	Articles, Analyses, Current, Scores, Hits, Quotes int
}

// countRows counts rows through a connection of its own, read-only, so the
// counts are what any other reader of the file would see.
func countRows(tb testing.TB, path string) rowCounts {
	tb.Helper()
	db := openReadOnly(tb, path)
	defer db.Close()
	var c rowCounts
	err := db.QueryRow(`SELECT
		(SELECT COUNT(*) FROM articles),
		(SELECT COUNT(*) FROM analyses),
		(SELECT COUNT(*) FROM analyses WHERE current = 1),
		(SELECT COUNT(*) FROM article_scores),
		(SELECT COUNT(*) FROM hits),
		(SELECT COUNT(*) FROM quotes)`).
		Scan(&c.Articles, &c.Analyses, &c.Current, &c.Scores, &c.Hits, &c.Quotes)
	if err != nil {
		tb.Fatalf("count rows of %s: %v", path, err)
	}
	return c
}

// openReadOnly opens a plain read-only connection pool to the database file,
// apart from the store's own pools.
func openReadOnly(tb testing.TB, path string) *sql.DB {
	tb.Helper()
	db, err := readOnlyDB(path)
	if err != nil {
		tb.Fatalf("open %s: %v", path, err)
	}
	return db
}

func readOnlyDB(path string) (*sql.DB, error) {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "query_only(1)")
	u := url.URL{Scheme: "file", Path: path, RawQuery: q.Encode()}
	return sql.Open("sqlite", u.String())
}

// sampleArticle returns the body of a distinct small news article number i,
// with framing terms of the default lexicon and a quote of a speaker the
// default registry knows.
func sampleArticle(i int) string {
	return fmt.Sprintf(`Report number %d from the northern front.

Rebels shelled the government-held district overnight while the regime pressed its siege of the eastern neighbourhoods, residents said. Terrorists were blamed for an attack on a convoy carrying humanitarian aid.

"We will not allow the militants to hold the city hostage," Sergey Lavrov said on Tuesday.

Civilians fled towards the border as refugees, and aid groups warned of famine in besieged areas (item %d).`, i, i)
}

// encodeText encodes s with e, failing the test when s does not fit.
func encodeText(tb testing.TB, e encoding.Encoding, s string) []byte {
	tb.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		tb.Fatalf("encode: %v", err)
	}
	return b
}

// zipOf builds a zip archive of the named files, in the given order.
func zipOf(tb testing.TB, files ...zipFile) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.Create(f.Name)
		if err != nil {
			tb.Fatalf("zip create %s: %v", f.Name, err)
		}
		if _, err := w.Write(f.Data); err != nil {
			tb.Fatalf("zip write %s: %v", f.Name, err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatalf("zip close: %v", err)
	}
	return buf.Bytes()
}

type zipFile struct {
	Name string
	Data []byte
}

// importPath imports a file or folder and returns the summary and the item
// results in order.
func importPath(tb testing.TB, svc *corpus.Service, path string) (corpus.Summary, []corpus.ItemResult) {
	tb.Helper()
	var items []corpus.ItemResult
	sum, err := svc.ImportPath(context.Background(), path, corpus.ImportOptions{}, func(r corpus.ItemResult) {
		items = append(items, r)
	})
	if err != nil {
		tb.Fatalf("ImportPath(%s): %v", path, err)
	}
	return sum, items
}

// importBytes imports one named input and returns the summary and the item
// results in order.
func importBytes(tb testing.TB, svc *corpus.Service, name string, data []byte, opts corpus.ImportOptions) (corpus.Summary, []corpus.ItemResult) {
	tb.Helper()
	var items []corpus.ItemResult
	sum, err := svc.Import(context.Background(), name, bytes.NewReader(data), opts, func(r corpus.ItemResult) {
		items = append(items, r)
	})
	if err != nil {
		tb.Fatalf("Import(%s): %v", name, err)
	}
	return sum, items
}
