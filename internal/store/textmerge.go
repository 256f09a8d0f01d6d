package store

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// The full-text index is kept as segments: each write transaction that
// indexes or deletes text adds one, and segments are merged so that a
// search reads few of them. FTS5 can merge inside the writing transactions
// (automerge), but on a bulk import that made merging the single writer's
// largest cost that grows with the corpus: at 100,000 articles, 5 to 7 s of
// the writer's time plus the log writes and checkpoints of the rewritten
// pages. Migration 0008 turns automerge off and leaves merging to
// storeTextMerger, which merges in short transactions of its own once the
// writes pause, on the same rules (usermerge 16: sixteen segments of a
// level become one of the next). Searches meanwhile find everything, only
// reading more segments.
//
// Writes that never pause (a long import) still get a merge step every
// storeMergeEvery commits, and FTS5's crisismerge (1,000 segments of a
// level, set by 0008) stays as the backstop far below its limit of 2,000
// segments.

const (
	// storeMergeQuiet is how long the writes must pause before merging.
	storeMergeQuiet = 300 * time.Millisecond
	// storeMergeEvery is how many commits may pass without a merge step.
	storeMergeEvery = 512
	// storeMergePages is the work of one merge step, in FTS5 leaf pages
	// (1,000 bytes each): tens of milliseconds, the length of a write of a
	// small upload, so that a step never holds a write back for long.
	storeMergePages = 2000
)

// storeTextMerger runs merge steps of the full-text index in the
// background, on the store's write connection.
type storeTextMerger struct {
	s    *Store
	kick chan struct{}
	// ctx is cancelled by close, which ends a step under way.
	ctx    context.Context
	cancel context.CancelFunc
	done   chan struct{}

	mu sync.Mutex
	// last is when the last other write committed; commits counts the
	// commits since the last merge step.
	last    time.Time
	commits int
}

// startTextMerger starts the merger of s. It looks for work at once: an
// earlier process may have left segments unmerged.
func startTextMerger(s *Store) *storeTextMerger {
	ctx, cancel := context.WithCancel(context.Background())
	m := &storeTextMerger{s: s, kick: make(chan struct{}, 1), ctx: ctx, cancel: cancel, done: make(chan struct{})}
	m.kick <- struct{}{}
	go m.run()
	return m
}

// committed tells the merger that another write transaction committed. It
// never blocks.
func (m *storeTextMerger) committed() {
	m.mu.Lock()
	m.last = time.Now()
	m.commits++
	m.mu.Unlock()
	storeWake(m.kick)
}

func (m *storeTextMerger) run() {
	defer close(m.done)
	for {
		select {
		case <-m.ctx.Done():
			return
		case <-m.kick:
		}
		for {
			if !m.waitForPause() {
				return
			}
			// A failed step loses nothing: the segments stay as they
			// are, searchable, and the next commit tries again.
			did, err := m.s.mergeTextStep(m.ctx, storeMergePages)
			if err != nil || !did {
				break
			}
		}
	}
}

// waitForPause waits until no write has committed for storeMergeQuiet, or
// storeMergeEvery commits passed since the last step. It returns false when
// the merger is closed.
func (m *storeTextMerger) waitForPause() bool {
	for {
		m.mu.Lock()
		wait := storeMergeQuiet - time.Since(m.last)
		if wait <= 0 || m.commits >= storeMergeEvery {
			m.commits = 0
			m.mu.Unlock()
			return true
		}
		m.mu.Unlock()
		t := time.NewTimer(wait)
		select {
		case <-m.ctx.Done():
			t.Stop()
			return false
		case <-t.C:
		}
	}
}

// close stops the merger, cancelling a step under way (its transaction
// rolls back), and waits for it.
func (m *storeTextMerger) close() {
	m.cancel()
	<-m.done
}

// mergeTextStep merges segments of the full-text index until about pages
// leaf pages are written, in a transaction of its own, and reports whether
// there was anything to merge. FTS5 tells that by the rows it changed (the
// 'merge' command's documented test: two or more means work was done).
func (s *Store) mergeTextStep(ctx context.Context, pages int) (bool, error) {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("store: merge text index: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	var before, after int64
	if err := tx.QueryRowContext(ctx, `SELECT total_changes()`).Scan(&before); err != nil {
		return false, fmt.Errorf("store: merge text index: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO articles_fts (articles_fts, rank) VALUES ('merge', ?)`, pages); err != nil {
		return false, fmt.Errorf("store: merge text index: %w", err)
	}
	if err := tx.QueryRowContext(ctx, `SELECT total_changes()`).Scan(&after); err != nil {
		return false, fmt.Errorf("store: merge text index: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("store: merge text index: %w", err)
	}
	if s.ckpt != nil {
		s.ckpt.committed()
	}
	return after-before >= 2, nil
}

// MergeTextIndex merges the full-text index's segments now, as far as its
// merge rules go, instead of waiting for the background merger.
func (s *Store) MergeTextIndex(ctx context.Context) error {
	for {
		did, err := s.mergeTextStep(ctx, storeMergePages)
		if err != nil || !did {
			return err
		}
	}
}

// TextSegments returns how many segments the full-text index has: each
// segment has at least one row in the index's term table.
func (s *Store) TextSegments(ctx context.Context) (int, error) {
	var n int
	err := s.read.QueryRowContext(ctx, `SELECT COUNT(DISTINCT segid) FROM articles_fts_idx`).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("store: count text segments: %w", err)
	}
	return n, nil
}
