package corpus_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/framinglens/framinglens/internal/corpus"
)

// Environment switches of the crash test's child process.
const (
	crashChildDB    = "FRAMINGLENS_CRASH_CHILD_DB"
	crashChildInput = "FRAMINGLENS_CRASH_CHILD_INPUT"
)

// TestCrashChildImport is the child process of TestImportSurvivesKill: it
// imports one file into one database and exits. Without its environment
// switches it does nothing.
func TestCrashChildImport(t *testing.T) {
	db, input := os.Getenv(crashChildDB), os.Getenv(crashChildInput)
	if db == "" || input == "" {
		t.Skip("child process of TestImportSurvivesKill only")
	}
	svc, _ := openCorpusAt(t, db)
	if _, err := svc.ImportPath(context.Background(), input, corpus.ImportOptions{}, nil); err != nil {
		t.Fatalf("child import: %v", err)
	}
}

// writeSampleJSONL writes n distinct small articles as JSONL, streamed.
func writeSampleJSONL(tb testing.TB, path string, n int) {
	tb.Helper()
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriter(f)
	for i := range n {
		fmt.Fprintf(w, "{\"title\":\"Sample %d\",\"source\":\"Outlet %d\",\"date\":\"2016-12-%02d\",\"text\":%q}\n", i, i%7, i%28+1, sampleArticle(i))
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
}

// TestImportSurvivesKill kills an import with SIGKILL part way through and
// checks that the database is whole, that every article in it has exactly
// one complete current analysis, and that importing again adds exactly the
// missing articles.
func TestImportSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("imports 20,000 articles")
	}
	const n = 20_000
	dir := t.TempDir()
	input := filepath.Join(dir, "articles.jsonl")
	db := filepath.Join(dir, "corpus.db")
	writeSampleJSONL(t, input, n)

	cmd := exec.Command(os.Args[0], "-test.run", "^TestCrashChildImport$", "-test.count", "1")
	cmd.Env = append(os.Environ(), crashChildDB+"="+db, crashChildInput+"="+input)
	out, err := os.Create(filepath.Join(dir, "child.log"))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatalf("start child: %v", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()

	// Wait until the child has committed a few batches, then kill it.
	deadline := time.Now().Add(2 * time.Minute)
	for {
		select {
		case err := <-exited:
			log, _ := os.ReadFile(out.Name())
			t.Fatalf("child ended before it was killed (%v): %s", err, log)
		default:
		}
		if _, err := os.Stat(db); err == nil && countArticlesQuietly(db) >= 1000 {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("child stored fewer than 1000 articles in 2 minutes")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatalf("kill child: %v", err)
	}
	if err := <-exited; err == nil {
		t.Fatal("child exited cleanly, want killed")
	}

	ctx := context.Background()
	svc, st := openCorpusAt(t, db)
	if err := st.IntegrityCheck(ctx); err != nil {
		t.Fatalf("integrity after kill: %v", err)
	}
	c := countRows(t, db)
	t.Logf("after kill: %+v", c)
	if c.Articles == 0 || c.Articles >= n {
		t.Fatalf("after kill %d articles, want some but not all %d (kill came too late or too early)", c.Articles, n)
	}
	if c.Analyses != c.Articles || c.Current != c.Articles || c.Scores != c.Articles {
		t.Fatalf("after kill rows = %+v, want one current analysis and one score row per article", c)
	}
	ids, err := st.ArticleIDs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) != c.Articles {
		t.Fatalf("ArticleIDs = %d, want %d", len(ids), c.Articles)
	}
	want := svc.Engine().Versions()
	for _, id := range ids {
		r, err := st.ArticleResult(ctx, id)
		if err != nil {
			t.Fatalf("article %d after kill: %v", id, err)
		}
		if r.Versions != want {
			t.Fatalf("article %d versions = %+v, want %+v", id, r.Versions, want)
		}
		if len(r.Hits) == 0 || len(r.Quotes) == 0 || r.Words == 0 {
			t.Fatalf("article %d has %d hits, %d quotes, %d words; every sample has some", id, len(r.Hits), len(r.Quotes), r.Words)
		}
	}
	assertNoOrphans(t, db)

	sum, err := svc.ImportPath(ctx, input, corpus.ImportOptions{}, nil)
	if err != nil {
		t.Fatalf("import again: %v", err)
	}
	if sum.Accepted != n-c.Articles || sum.Duplicate != c.Articles || sum.Rejected != 0 {
		t.Errorf("import again = %+v, want %d accepted, %d duplicate", sum, n-c.Articles, c.Articles)
	}
	final := countRows(t, db)
	if final.Articles != n || final.Current != n || final.Analyses != n || final.Scores != n {
		t.Errorf("final rows = %+v, want %d of each", final, n)
	}
	if err := st.IntegrityCheck(ctx); err != nil {
		t.Errorf("integrity at the end: %v", err)
	}
}

// countArticlesQuietly counts articles through a connection of its own,
// returning 0 while the file is not ready yet.
func countArticlesQuietly(path string) int {
	db, err := readOnlyDB(path)
	if err != nil {
		return 0
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT COUNT(*) FROM articles`).Scan(&n); err != nil {
		return 0
	}
	return n
}

// assertNoOrphans checks that no hit, quote, source or score row belongs to
// an analysis that is gone or not current.
func assertNoOrphans(t *testing.T, path string) {
	t.Helper()
	db := openReadOnly(t, path)
	defer db.Close()
	for _, table := range []string{"hits", "quotes", "sources", "article_scores", "frame_scores"} {
		var n int
		q := `SELECT COUNT(*) FROM ` + table + ` x LEFT JOIN analyses an ON an.id = x.analysis_id WHERE an.id IS NULL OR an.current = 0`
		if err := db.QueryRow(q).Scan(&n); err != nil {
			t.Fatalf("orphans of %s: %v", table, err)
		}
		if n != 0 {
			t.Errorf("%d %s rows without a current analysis", n, table)
		}
	}
}
