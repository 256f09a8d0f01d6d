package store

import (
	"database/sql"
	"fmt"
	"sort"
	"strings"

	"github.com/framinglens/framinglens/internal/analysis"
)

// The per-outlet totals of migration 0002 (outlet_totals and the frame,
// side and entry totals) were first kept by triggers on every score-row
// insert. An import writes a dozen score rows per article, and each row's
// trigger ran an upsert of its own; migration 0003 drops the insert triggers
// and the writer adds a whole transaction's rows itself, one upsert per
// outlet and key at the end (flushTotals). Deletes and outlet moves still go
// through the triggers: they are rare and row-at-a-time anyway.

// storeTotalKey identifies one row of a totals table: the outlet and the
// rest of the table's primary key (a frame, a side, or pattern, actor and
// frame).
type storeTotalKey struct {
	outlet             int64
	name, actor, frame string
}

// storeOutletSum is one outlet's share of outlet_totals.
type storeOutletSum struct {
	articles, words, balanceArticles int
	balanceSum, balanceWordsSum      float64
}

// storeCountSum is one row's share of a frame, side or entry totals table:
// articles with a non-zero count, and the two summed counts (count and own
// hits, or attributions and quoted words).
type storeCountSum struct{ articles, a, b int }

// storeTotals accumulates the totals of the analyses a writer inserted.
type storeTotals struct {
	// scores counts the article_scores rows inserted, for corpus_version.
	scores  int
	outlets map[int64]*storeOutletSum
	frames  map[storeTotalKey]*storeCountSum
	sides   map[storeTotalKey]*storeCountSum
	entries map[storeTotalKey]*storeCountSum
}

// storeAddCount adds one score row's values to m[k].
func storeAddCount(m map[storeTotalKey]*storeCountSum, k storeTotalKey, articles, a, b int) {
	s := m[k]
	if s == nil {
		s = &storeCountSum{}
		m[k] = s
	}
	s.articles += articles
	s.a += a
	s.b += b
}

// addTotals adds the score rows insertAnalysis wrote for r to the writer's
// pending totals: the same sums the insert triggers of migration 0002
// computed, row for row. Call it only once the analysis is written, so that
// an article rolled back to its savepoint adds nothing.
func (w *storeWriter) addTotals(outlet sql.NullInt64, r *analysis.Result, sides map[string]*storeSideSum) {
	t := &w.totals
	t.scores++
	if !outlet.Valid {
		return
	}
	if t.outlets == nil {
		t.outlets = map[int64]*storeOutletSum{}
		t.frames = map[storeTotalKey]*storeCountSum{}
		t.sides = map[storeTotalKey]*storeCountSum{}
		t.entries = map[storeTotalKey]*storeCountSum{}
	}
	id := outlet.Int64
	o := t.outlets[id]
	if o == nil {
		o = &storeOutletSum{}
		t.outlets[id] = o
	}
	o.articles++
	o.words += r.Words
	if len(r.Quotes) > r.Unassigned {
		o.balanceArticles++
		o.balanceSum += r.Balance
		o.balanceWordsSum += r.BalanceWords
	}
	for side, s := range sides {
		storeAddCount(t.sides, storeTotalKey{outlet: id, name: side}, storeBool(s.attributions > 0), s.attributions, s.words)
	}
	w.addFrameTotals(id, r)
}

// addLexiconTotals adds the totals of r's frame and entry score rows only,
// for replaceLexiconRows.
func (w *storeWriter) addLexiconTotals(outlet sql.NullInt64, r *analysis.Result) {
	w.totals.scores++
	if outlet.Valid {
		w.addFrameTotals(outlet.Int64, r)
	}
}

// addFrameTotals adds r's frame and entry counts to outlet's totals.
func (w *storeWriter) addFrameTotals(outlet int64, r *analysis.Result) {
	t := &w.totals
	if t.frames == nil {
		t.outlets = map[int64]*storeOutletSum{}
		t.frames = map[storeTotalKey]*storeCountSum{}
		t.sides = map[storeTotalKey]*storeCountSum{}
		t.entries = map[storeTotalKey]*storeCountSum{}
	}
	for name, f := range r.Frames {
		storeAddCount(t.frames, storeTotalKey{outlet: outlet, name: name}, storeBool(f.Count > 0), f.Count, f.Own)
	}
	for _, e := range r.Entries {
		storeAddCount(t.entries, storeTotalKey{outlet: outlet, name: e.Pattern, actor: e.Actor, frame: e.Frame}, 0, e.Count, e.Own)
	}
}

func storeBool(b bool) int {
	if b {
		return 1
	}
	return 0
}

// storeTotalsChunk is how many rows one totals upsert carries at most.
const storeTotalsChunk = 64

// flushTotals writes the pending totals, in key order, and clears them.
func (w *storeWriter) flushTotals() error {
	t := w.totals
	w.totals = storeTotals{}
	if t.scores == 0 {
		return nil
	}
	if _, err := w.tx.ExecContext(w.ctx, `UPDATE corpus_version SET n = n + ? WHERE id = 1`, t.scores); err != nil {
		return fmt.Errorf("bump corpus version: %w", err)
	}
	// t.outlets is empty when no analysis with an outlet was inserted
	// whole; frame and entry totals may still be pending
	// (addLexiconTotals). upsertTotals writes nothing for no rows.
	ids := make([]int64, 0, len(t.outlets))
	for id := range t.outlets {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	var args []any
	for _, id := range ids {
		o := t.outlets[id]
		args = append(args, id, o.articles, o.words, o.balanceArticles, o.balanceSum, o.balanceWordsSum)
	}
	if err := w.upsertTotals(`INSERT INTO outlet_totals (outlet_id, articles, words, balance_articles, balance_sum, balance_words_sum) VALUES `,
		6, `ON CONFLICT (outlet_id) DO UPDATE SET
			articles = articles + excluded.articles, words = words + excluded.words,
			balance_articles = balance_articles + excluded.balance_articles,
			balance_sum = balance_sum + excluded.balance_sum,
			balance_words_sum = balance_words_sum + excluded.balance_words_sum`, args); err != nil {
		return fmt.Errorf("add outlet totals: %w", err)
	}
	args = args[:0]
	for _, k := range storeSortedTotalKeys(t.frames) {
		s := t.frames[k]
		args = append(args, k.outlet, k.name, s.articles, s.a, s.b)
	}
	if err := w.upsertTotals(`INSERT INTO outlet_frame_totals (outlet_id, frame, articles, count, own) VALUES `,
		5, `ON CONFLICT (outlet_id, frame) DO UPDATE SET
			articles = articles + excluded.articles, count = count + excluded.count, own = own + excluded.own`, args); err != nil {
		return fmt.Errorf("add frame totals: %w", err)
	}
	args = args[:0]
	for _, k := range storeSortedTotalKeys(t.sides) {
		s := t.sides[k]
		args = append(args, k.outlet, k.name, s.articles, s.a, s.b)
	}
	if err := w.upsertTotals(`INSERT INTO outlet_side_totals (outlet_id, side, articles, attributions, words) VALUES `,
		5, `ON CONFLICT (outlet_id, side) DO UPDATE SET
			articles = articles + excluded.articles, attributions = attributions + excluded.attributions,
			words = words + excluded.words`, args); err != nil {
		return fmt.Errorf("add side totals: %w", err)
	}
	args = args[:0]
	for _, k := range storeSortedTotalKeys(t.entries) {
		s := t.entries[k]
		args = append(args, k.outlet, k.name, k.actor, k.frame, s.a, s.b)
	}
	if err := w.upsertTotals(`INSERT INTO outlet_entry_totals (outlet_id, pattern, actor, frame, count, own) VALUES `,
		6, `ON CONFLICT (outlet_id, pattern, actor, frame) DO UPDATE SET
			count = count + excluded.count, own = own + excluded.own`, args); err != nil {
		return fmt.Errorf("add entry totals: %w", err)
	}
	return nil
}

// upsertTotals runs "insert (rows) conflict" over the rows held flat in
// args, width values a row, in chunks of up to storeTotalsChunk rows.
func (w *storeWriter) upsertTotals(insert string, width int, conflict string, args []any) error {
	row := "(" + storePlaceholders(width) + ")"
	for len(args) > 0 {
		n := min(len(args)/width, storeTotalsChunk)
		q := insert + strings.TrimSuffix(strings.Repeat(row+", ", n), ", ") + " " + conflict
		if _, err := w.tx.ExecContext(w.ctx, q, args[:n*width]...); err != nil {
			return err
		}
		args = args[n*width:]
	}
	return nil
}

// storeSortedTotalKeys returns m's keys in primary-key order, so that the
// upserts walk each table's b-tree forward.
func storeSortedTotalKeys(m map[storeTotalKey]*storeCountSum) []storeTotalKey {
	keys := make([]storeTotalKey, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.outlet != b.outlet {
			return a.outlet < b.outlet
		}
		if a.name != b.name {
			return a.name < b.name
		}
		if a.actor != b.actor {
			return a.actor < b.actor
		}
		return a.frame < b.frame
	})
	return keys
}
