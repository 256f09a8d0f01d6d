package store

import (
	"context"
	"database/sql"
	"fmt"
)

// Writing a batch's word counts costs an upsert per outlet and distinct word
// of the batch: more rows than all its articles' analyses together. A bulk
// import (SaveArticles) therefore keeps the counts of the articles it
// committed in memory, in Store.wordsPending, and writes them once they
// grow large, when a reader wants them (ensureOutletWords), before any other
// change of counts (deletes, merges, rebuilds), and on Close.
//
// While counts are pending, the database marks them incomplete (setting
// outletWordsSetting = outletWordsPendingValue), in the same transaction as
// the first articles they leave out. A process that stops without writing
// them leaves that mark, and the next reader rebuilds the counts from the
// stored texts: the counts are never silently short. The pending counts
// belong to the one Store that holds them; two Stores writing the same file
// at once would each have to rebuild.
//
// Store.wordsMu serialises every transaction that changes word counts in
// bulk, so that pending counts are merged or cleared only after their
// transaction commits and no other change slips in between.

// outletWordsPendingValue is outletWordsSetting while counts are pending.
const outletWordsPendingValue = "pending"

// storeWordsPendingMax is how many (outlet, word) counts may be pending
// before a bulk save writes them all: about 60 bytes each in memory.
const storeWordsPendingMax = 250_000

// storeMergeWords adds src's counts to dst and returns how many
// (outlet, word) entries dst gained.
func storeMergeWords(dst, src storeWordCounts) int {
	added := 0
	for outlet, words := range src {
		m := dst[outlet]
		if m == nil {
			m = make(map[string]*int, len(words))
			dst[outlet] = m
		}
		for word, n := range words {
			if p, ok := m[word]; ok {
				*p += *n
				continue
			}
			c := *n
			m[word] = &c
			added++
		}
	}
	return added
}

// storeSetWordsMark records whether the stored word counts are complete.
func storeSetWordsMark(ctx context.Context, tx *sql.Tx, complete bool) error {
	v := outletWordsPendingValue
	if complete {
		v = outletWordsVersion
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, outletWordsSetting, v)
	return err
}

// deferWords ends a bulk save's transaction (s.wordsMu held): the batch's
// counts become pending once the transaction commits (commitWords), or,
// when that would make too many, all pending counts and the batch's are
// written now.
func (w *storeWriter) deferWords() error {
	s := w.s
	if len(w.words) == 0 {
		return nil
	}
	n := 0
	for _, m := range w.words {
		n += len(m)
	}
	if s.wordsPendingN+n > storeWordsPendingMax {
		if s.wordsPending != nil {
			storeMergeWords(w.words, s.wordsPending)
		}
		if err := w.flushWords(); err != nil {
			return err
		}
		w.wordsAfter = func() { s.wordsPending, s.wordsPendingN = nil, 0 }
		return storeSetWordsMark(w.ctx, w.tx, true)
	}
	batch := w.words
	w.words = nil
	w.wordsAfter = func() {
		if s.wordsPending == nil {
			s.wordsPending = storeWordCounts{}
		}
		s.wordsPendingN += storeMergeWords(s.wordsPending, batch)
	}
	if s.wordsPending == nil {
		return storeSetWordsMark(w.ctx, w.tx, false)
	}
	return nil
}

// writePendingWords writes the pending counts in the writer's transaction
// (s.wordsMu held) and marks the counts complete; they are dropped from
// memory by commitWords once the transaction commits.
func (w *storeWriter) writePendingWords() error {
	s := w.s
	if s.wordsPending == nil {
		return nil
	}
	w.words = s.wordsPending
	// flushWords only reads the map it is given, so a rollback leaves the
	// pending counts intact.
	if err := w.flushWords(); err != nil {
		return err
	}
	w.wordsAfter = func() { s.wordsPending, s.wordsPendingN = nil, 0 }
	return storeSetWordsMark(w.ctx, w.tx, true)
}

// commitWords applies what the writer's transaction, now committed, did to
// the pending counts.
func (w *storeWriter) commitWords() {
	if w.wordsAfter != nil {
		w.wordsAfter()
		w.wordsAfter = nil
	}
}

// wordsTx runs fn in a write transaction that first writes any pending
// word counts: for every change of counts other than a bulk save.
func (s *Store) wordsTx(ctx context.Context, fn func(w *storeWriter) error) error {
	s.wordsMu.Lock()
	defer s.wordsMu.Unlock()
	var w *storeWriter
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		w = s.newWriter(ctx, tx)
		if err := w.writePendingWords(); err != nil {
			return fmt.Errorf("write pending word counts: %w", err)
		}
		return fn(w)
	})
	if err == nil {
		w.commitWords()
	}
	return err
}

// FlushWordCounts writes the word counts that bulk saves keep in memory,
// so that the database holds complete counts. Imports call it when they
// end; readers of the counts and Close do too.
func (s *Store) FlushWordCounts(ctx context.Context) error {
	s.wordsMu.Lock()
	pending := s.wordsPending != nil
	s.wordsMu.Unlock()
	if !pending {
		return nil
	}
	if err := s.wordsTx(ctx, func(*storeWriter) error { return nil }); err != nil {
		return fmt.Errorf("store: write word counts: %w", err)
	}
	return nil
}
