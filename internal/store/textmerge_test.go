package store_test

import (
	"context"
	"strconv"
	"testing"
	"time"
)

// TestTextIndexMergedWhenWritesPause saves articles one transaction each,
// which leaves one full-text segment each (automerge is off), and checks
// that the background merger merges them once the writes pause, with every
// article still found and the index intact.
func TestTextIndexMergedWhenWritesPause(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	const n = 40
	for i := 0; i < n; i++ {
		mustSave(t, s, testArticle(1000+i, "Outlet", "2024-01-02"), 2, 1)
	}
	// A level of sixteen segments or more is merged into one segment of
	// the next: whenever the merger ran, at most 15 segments stay on level
	// 0 and one or two (40 / 16) stand on level 1.
	deadline := time.Now().Add(20 * time.Second)
	var segs int
	for {
		var err error
		if segs, err = s.TextSegments(ctx); err != nil {
			t.Fatal(err)
		}
		if segs <= 17 || time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if segs > 17 {
		t.Fatalf("text segments = %d 20 s after the last write, want at most 17 (merged from sixteen)", segs)
	}
	for i := 0; i < n; i++ {
		rows, err := s.Search(ctx, strconv.Itoa(1000+i), 5)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 1 {
			t.Errorf("search %d after merging: %d articles, want 1", 1000+i, len(rows))
		}
	}
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
}
