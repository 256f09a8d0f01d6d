package store

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/framinglens/framinglens/internal/analysis"
)

// TestMergeTextIndex stops the background merger, so that nothing but the
// writes touches the index: each write adds a segment and none merges
// (automerge is off). MergeTextIndex then merges the level at once, and a
// second call finds nothing to do.
func TestMergeTextIndex(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	s.merge.close()
	const n = 34
	for i := 0; i < n; i++ {
		text := "Report number " + strconv.Itoa(3000+i) + " from the front, with rebels and the army."
		a := NewArticle{Outlet: "Outlet", Title: "Report " + strconv.Itoa(i), Text: text, Words: 12}
		r := &analysis.Result{Text: text, Words: 12, Versions: analysis.Versions{Engine: "e", Lexicon: "l", Registry: "r"}}
		if _, _, err := s.SaveArticle(ctx, a, r); err != nil {
			t.Fatal(err)
		}
	}
	if segs, err := s.TextSegments(ctx); err != nil || segs != n {
		t.Fatalf("text segments after %d writes = %d, %v; want %d (no merging while writing)", n, segs, err, n)
	}
	if err := s.MergeTextIndex(ctx); err != nil {
		t.Fatal(err)
	}
	if segs, err := s.TextSegments(ctx); err != nil || segs != 1 {
		t.Fatalf("text segments after MergeTextIndex = %d, %v; want 1", segs, err)
	}
	did, err := s.mergeTextStep(ctx, storeMergePages)
	if err != nil || did {
		t.Errorf("merge step on a merged index = %v, %v; want no work", did, err)
	}
	for i := 0; i < n; i++ {
		rows, err := s.Search(ctx, strconv.Itoa(3000+i), 5)
		if err != nil || len(rows) != 1 {
			t.Errorf("search %d after merging: %d articles, %v; want 1", 3000+i, len(rows), err)
		}
	}
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestTextMergerWaitsForPause(t *testing.T) {
	newMerger := func() *storeTextMerger {
		ctx, cancel := context.WithCancel(context.Background())
		t.Cleanup(cancel)
		return &storeTextMerger{kick: make(chan struct{}, 1), ctx: ctx, cancel: cancel, done: make(chan struct{})}
	}
	t.Run("NoWriteYet", func(t *testing.T) {
		m := newMerger()
		if !m.waitForPause() {
			t.Fatal("waitForPause = false, want true")
		}
	})
	t.Run("WaitsAfterACommit", func(t *testing.T) {
		m := newMerger()
		m.committed()
		start := time.Now()
		if !m.waitForPause() {
			t.Fatal("waitForPause = false, want true")
		}
		if waited := time.Since(start); waited < storeMergeQuiet/2 {
			t.Errorf("waitForPause returned after %v, want about %v after the commit", waited, storeMergeQuiet)
		}
	})
	t.Run("ManyCommitsDoNotWait", func(t *testing.T) {
		m := newMerger()
		for range storeMergeEvery {
			m.committed()
		}
		start := time.Now()
		if !m.waitForPause() {
			t.Fatal("waitForPause = false, want true")
		}
		if waited := time.Since(start); waited >= storeMergeQuiet/2 {
			t.Errorf("waitForPause waited %v after %d commits, want no wait", waited, storeMergeEvery)
		}
		if m.commits != 0 {
			t.Errorf("commits = %d after a step was allowed, want 0", m.commits)
		}
	})
	t.Run("Closed", func(t *testing.T) {
		m := newMerger()
		m.committed()
		m.cancel()
		if m.waitForPause() {
			t.Error("waitForPause = true on a closed merger, want false")
		}
	})
}
