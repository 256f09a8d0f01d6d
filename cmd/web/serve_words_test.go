package main

import (
	"context"
	"database/sql"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "modernc.org/sqlite"
)

// TestServeRecountsOldWordCounts starts the server on a database whose word
// counts were kept the old way and checks that it counts them again on its
// own, before anyone opens a comparison.
func TestServeRecountsOldWordCounts(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "old.db")
	article := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(article, []byte("Report\n\nThe army and the rebels met near Aleppo on Monday, officials said.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, err := runCmd(t, "", "import", "--db", db, "--outlet", "Wire", article); err != nil {
		t.Fatalf("import: %v\n%s", err, stderr)
	}
	conn, err := sql.Open("sqlite", "file:"+(&url.URL{Path: db}).EscapedPath())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// What a database kept the old way looks like after migration 0007.
	if _, err := conn.Exec(`DELETE FROM outlet_word_runs`); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(`UPDATE settings SET value = 'v1' WHERE key = 'outlet_word_counts'`); err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	var logs syncBuffer
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--db", db}, nil, &logs, &logs) }()
	deadline := time.Now().Add(20 * time.Second)
	for {
		var v string
		var runs int
		err1 := conn.QueryRow(`SELECT value FROM settings WHERE key = 'outlet_word_counts'`).Scan(&v)
		err2 := conn.QueryRow(`SELECT COUNT(*) FROM outlet_word_runs`).Scan(&runs)
		if err1 == nil && err2 == nil && v == "v2" && runs == 1 {
			break
		}
		if time.Now().After(deadline) {
			cancel()
			<-done
			t.Fatalf("word counts not recounted 20 s after start (setting %q, %d runs)\n%s", v, runs, logs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("serve: %v\n%s", err, logs.String())
	}
	if !strings.Contains(logs.String(), "counted the outlets' words again") {
		t.Errorf("no log line for the recount:\n%s", logs.String())
	}
}
