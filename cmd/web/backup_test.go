package main

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/framinglens/framinglens/internal/corpus"
	"github.com/framinglens/framinglens/internal/ingest"
)

// TestBackupDuringWrites takes a backup with the backup command while
// another connection keeps importing, then restores it the documented way
// (starting on the copy): the copy passes the integrity checks, opens, and
// holds a whole prefix of the imports.
func TestBackupDuringWrites(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "live.db")
	st, svc, err := openCorpus(ctx, db, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	defer svc.Close()

	var written atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			text := fmt.Sprintf("Backup report %d. The council met on Tuesday about the sea wall, officials said. "+
				"\"We will finish it,\" said the mayor after meeting %d.", i, i)
			r, err := svc.ImportPaste(ctx, text, ingest.Article{Outlet: "Daily"}, corpus.ImportOptions{})
			if err != nil || r.Status != corpus.Accepted {
				t.Errorf("import %d: %+v, %v", i, r, err)
				return
			}
			written.Add(1)
		}
	}()
	for written.Load() < 20 { // let some writes land first
		time.Sleep(time.Millisecond)
	}
	var backups []string
	for i := range 3 {
		out := filepath.Join(dir, fmt.Sprintf("copy-%d.db", i))
		var stdout, stderr bytes.Buffer
		if err := run(ctx, []string{"backup", "--db", db, out}, nil, &stdout, &stderr); err != nil {
			t.Fatalf("backup %d: %v\n%s", i, err, stderr.String())
		}
		if !strings.Contains(stdout.String(), "backup written to "+out) {
			t.Errorf("backup output: got %q", stdout.String())
		}
		backups = append(backups, out)
	}
	close(stop)
	wg.Wait()
	final := int(written.Load())

	prev := 0
	for _, b := range backups {
		// Restore: start on the copy.
		cst, csvc, err := openCorpus(ctx, b, nil)
		if err != nil {
			t.Fatalf("open backup %s: %v", b, err)
		}
		if err := cst.IntegrityCheck(ctx); err != nil {
			t.Errorf("backup %s: %v", b, err)
		}
		stats, err := cst.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if stats.Articles < prev || stats.Articles > final || stats.Articles == 0 {
			t.Errorf("backup %s holds %d articles, want between %d and %d", b, stats.Articles, max(prev, 1), final)
		}
		if n, err := cst.StaleAnalyses(ctx, csvc.Engine().Versions()); err != nil || n != 0 {
			t.Errorf("backup %s: %d articles without a current analysis (%v)", b, n, err)
		}
		prev = stats.Articles
		csvc.Close()
		cst.Close()
	}

	t.Run("RefusesToOverwrite", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		err := run(ctx, []string{"backup", "--db", db, backups[0]}, nil, &stdout, &stderr)
		if err == nil || !strings.Contains(err.Error(), "already exists") {
			t.Errorf("err: got %v, want one saying the file exists", err)
		}
	})
}
