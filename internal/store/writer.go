package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/framinglens/framinglens/internal/analysis"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// storeWriteSQL holds the statements every article write runs. They are
// prepared once on the write connection (see prepareWrites) and bound to each
// transaction, so a batch of thousands of articles parses its SQL once.
var storeWriteSQL = map[string]string{
	// An article is stored already when its cleaned text or its raw input
	// is (see 0006_raw_hash.sql); a match of the text comes first.
	"findHash": `SELECT id FROM articles WHERE content_hash = ?1
		UNION ALL SELECT id FROM articles WHERE raw_hash = ?2 AND raw = ?3 LIMIT 1`,
	"outletAlias": `SELECT outlet_id FROM outlet_aliases WHERE alias_key = ?`,
	"outletName":  `SELECT id FROM outlets WHERE name_key = ?`,
	"outletNew":   `INSERT INTO outlets (name, name_key) VALUES (?, ?)`,
	"article": `INSERT INTO articles (outlet_id, title, url, published, published_date, language, origin,
		raw, text, words, content_hash, raw_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"articleMeta": `SELECT outlet_id, published_date, text FROM articles WHERE id = ?`,
	// articlePlace reads the same without the text, which stands behind
	// the raw input in the row: only rewritten quotes need it.
	"articlePlace": `SELECT outlet_id, published_date FROM articles WHERE id = ?`,
	"analysisDel":  `DELETE FROM analyses WHERE article_id = ?`,
	"analysis": `INSERT INTO analyses (article_id, engine_version, lexicon_version, registry_version, created_at, current,
		result_digest) VALUES (?, ?, ?, ?, ?, 1, ?)`,
	"analysisDigest": `SELECT id, result_digest FROM analyses WHERE article_id = ? AND current = 1`,
	"analysisStamp": `UPDATE analyses SET engine_version = ?, lexicon_version = ?, registry_version = ?, created_at = ?,
		result_digest = ? WHERE id = ?`,
	// The rows of an analysis that only its lexicon makes (see
	// replaceLexiconRows); the score rows' delete triggers take their share
	// off the outlet totals.
	"hitsDel":        `DELETE FROM hits WHERE analysis_id = ?`,
	"frameScoresDel": `DELETE FROM frame_scores WHERE analysis_id = ?`,
	"entryScoresDel": `DELETE FROM entry_scores WHERE analysis_id = ?`,
	"actorScoresDel": `DELETE FROM actor_scores WHERE analysis_id = ?`,
	"scoreHits":      `UPDATE article_scores SET hits = ? WHERE analysis_id = ?`,
}

// storeRowTables are the tables an analysis writes many rows into at once,
// with their columns in the order insertAnalysis passes values.
var storeRowTables = map[string][]string{
	"hits": {"analysis_id", "seq", "entry_index", "term", "pattern", "frame", "actor", "valence", "voice",
		"span_start", "span_end", "scare_quote", "so_called"},
	"quotes": {"analysis_id", "seq", "kind", "speaker", "mention", "mention_start", "mention_end", "cue", "side",
		"span_start", "span_end", "words", "text"},
	"sources": {"analysis_id", "seq", "name", "side", "role", "direct", "reported", "words"},
	"article_scores": {"analysis_id", "article_id", "outlet_id", "published", "words", "hits", "quotes",
		"balance", "balance_words", "unassigned"},
	"frame_scores": {"analysis_id", "article_id", "outlet_id", "published", "frame", "count", "own", "quoted",
		"reported", "per_1000", "per_1000_own"},
	"side_scores": {"analysis_id", "article_id", "outlet_id", "published", "side", "share", "words_share",
		"attributions", "words"},
	"entry_scores": {"analysis_id", "seq", "article_id", "outlet_id", "pattern", "frame", "actor", "count", "own",
		"quoted", "reported", "per_1000"},
	"actor_scores": {"analysis_id", "article_id", "outlet_id", "actor", "count", "valence", "valence_own",
		"count_own"},
}

// storeMaxRows is the most rows one multi-row INSERT carries. Rows go in
// chunks of powers of two up to it, so that a handful of prepared
// statements per table serve any number of rows with few executions:
// statement overhead, not SQLite's work, dominates small inserts.
const storeMaxRows = 32

// storeRowsStmt names the statement inserting n rows into table.
func storeRowsStmt(table string, n int) string { return fmt.Sprintf("%s/%d", table, n) }

// prepareWrites prepares storeWriteSQL and the multi-row inserts of
// storeRowTables on the write pool.
func (s *Store) prepareWrites(ctx context.Context) error {
	queries := make(map[string]string, len(storeWriteSQL)+len(storeRowTables)*6)
	for name, q := range storeWriteSQL {
		queries[name] = q
	}
	for table, cols := range storeRowTables {
		row := "(" + storePlaceholders(len(cols)) + ")"
		for n := 1; n <= storeMaxRows; n *= 2 {
			queries[storeRowsStmt(table, n)] = `INSERT INTO ` + table + ` (` + strings.Join(cols, ", ") + `) VALUES ` +
				strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
		}
	}
	s.stmts = make(map[string]*sql.Stmt, len(queries))
	for name, q := range queries {
		st, err := s.write.PrepareContext(ctx, q)
		if err != nil {
			return fmt.Errorf("store: prepare %s: %w", name, err)
		}
		s.stmts[name] = st
	}
	return nil
}

// storeWriter writes articles and analyses inside one transaction.
type storeWriter struct {
	ctx   context.Context
	tx    *sql.Tx
	s     *Store
	bound map[string]*sql.Stmt
	// words are the word counts of the articles written so far, until
	// flushWords stores them; counted lists the articles whose counts are
	// still to be added to them, and pending holds rows ready to upsert
	// (see useBatchWords).
	words   storeWordCounts
	counted []storeCounted
	pending []storeWordRow
	// outlets caches the outlet ids outletID resolved in this transaction,
	// by outletKey; rolling back to a savepoint must clear it (forget).
	outlets map[string]int64
	// held are the rows insertRows keeps per table (see holdRows); nil
	// when it writes them at once.
	held map[string][]any
	// totals are the per-outlet totals of the analyses written so far,
	// until flushTotals stores them.
	totals storeTotals
}

func (s *Store) newWriter(ctx context.Context, tx *sql.Tx) *storeWriter {
	return &storeWriter{ctx: ctx, tx: tx, s: s, bound: make(map[string]*sql.Stmt, len(s.stmts))}
}

// stmt returns the named statement bound to the writer's transaction.
func (w *storeWriter) stmt(name string) *sql.Stmt {
	st, ok := w.bound[name]
	if !ok {
		st = w.tx.StmtContext(w.ctx, w.s.stmts[name])
		w.bound[name] = st
	}
	return st
}

func (w *storeWriter) exec(name string, args ...any) (sql.Result, error) {
	res, err := w.stmt(name).ExecContext(w.ctx, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return res, nil
}

func (w *storeWriter) insert(name string, args ...any) (int64, error) {
	res, err := w.exec(name, args...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// insertRows inserts the rows held flat in args (len(storeRowTables[table])
// values a row) into table, in as few executions as the chunk sizes allow.
// A writer that holds rows (holdRows) only keeps them, writing full
// chunks of storeMaxRows rows as they fill up.
func (w *storeWriter) insertRows(table string, args []any) error {
	if w.held == nil {
		return w.execRows(table, args)
	}
	chunk := len(storeRowTables[table]) * storeMaxRows
	buf := append(w.held[table], args...)
	if full := len(buf) / chunk * chunk; full > 0 {
		if err := w.execRows(table, buf[:full]); err != nil {
			return err
		}
		buf = append(buf[:0], buf[full:]...)
	}
	w.held[table] = buf
	return nil
}

// holdRows makes insertRows keep rows until they fill a statement of
// storeMaxRows rows or flushRows writes them: the rows of many analyses
// share statements, where each article alone would take a few small ones
// per table. A failing statement then cannot be told apart by article, so
// only a writer whose transaction fails as a whole holds rows: the fast
// path of a batch save.
func (w *storeWriter) holdRows() { w.held = map[string][]any{} }

// flushRows writes the rows insertRows holds.
func (w *storeWriter) flushRows() error {
	for _, table := range storeSortedKeys(w.held) {
		if err := w.execRows(table, w.held[table]); err != nil {
			return err
		}
		w.held[table] = w.held[table][:0]
	}
	return nil
}

// execRows inserts the rows held flat in args into table.
func (w *storeWriter) execRows(table string, args []any) error {
	width := len(storeRowTables[table])
	n := len(args) / width
	for n > 0 {
		k := storeMaxRows
		for k > n {
			k /= 2
		}
		if _, err := w.exec(storeRowsStmt(table, k), args[:k*width]...); err != nil {
			return err
		}
		args = args[k*width:]
		n -= k
	}
	return nil
}

// indexText adds the articles with the given ids to the full-text index.
func (w *storeWriter) indexText(ids []int64) error {
	for len(ids) > 0 {
		n := min(len(ids), 500)
		args := make([]any, n)
		for i, id := range ids[:n] {
			args[i] = id
		}
		if _, err := w.tx.ExecContext(w.ctx, `INSERT INTO articles_fts (rowid, title, text)
			SELECT id, title, text FROM articles WHERE id IN (`+storePlaceholders(n)+`)`, args...); err != nil {
			return fmt.Errorf("index text: %w", err)
		}
		ids = ids[n:]
	}
	return nil
}

// forget clears what the writer cached of the database, after a rollback to
// a savepoint may have undone it.
func (w *storeWriter) forget() { w.outlets = nil }

// storeIsConstraint reports whether err is SQLite refusing a row for a
// constraint: CHECK, NOT NULL, UNIQUE, FOREIGN KEY.
func storeIsConstraint(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_CONSTRAINT
}

// outletID resolves an outlet name through aliases and names, creating the
// outlet when it is new. An empty name is no outlet (NULL).
func (w *storeWriter) outletID(name string) (sql.NullInt64, error) {
	key := outletKey(name)
	if key == "" {
		return sql.NullInt64{}, nil
	}
	if id, ok := w.outlets[key]; ok {
		return sql.NullInt64{Int64: id, Valid: true}, nil
	}
	id, err := w.lookupOutlet(name, key)
	if err != nil {
		return sql.NullInt64{}, err
	}
	if w.outlets == nil {
		w.outlets = map[string]int64{}
	}
	w.outlets[key] = id
	return sql.NullInt64{Int64: id, Valid: true}, nil
}

// lookupOutlet finds or creates the outlet of name, whose outletKey is key.
func (w *storeWriter) lookupOutlet(name, key string) (int64, error) {
	var id int64
	err := w.stmt("outletAlias").QueryRowContext(w.ctx, key).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		err = w.stmt("outletName").QueryRowContext(w.ctx, key).Scan(&id)
	}
	if errors.Is(err, sql.ErrNoRows) {
		id, err = w.insert("outletNew", outletDisplayName(name), key)
	}
	if err != nil {
		return 0, fmt.Errorf("resolve outlet %q: %w", name, err)
	}
	return id, nil
}

// saveArticle inserts a and its result, or finds the article a duplicates.
// p is a's Prepared.
func (w *storeWriter) saveArticle(a NewArticle, r *analysis.Result, p *Prepared) (int64, bool, error) {
	var id int64
	rawHash := sql.NullInt64{Int64: p.rawHash, Valid: len(a.Raw) > 0}
	err := w.stmt("findHash").QueryRowContext(w.ctx, p.hash, rawHash, a.Raw).Scan(&id)
	if err == nil {
		return id, true, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, false, fmt.Errorf("find duplicate: %w", err)
	}
	outlet, err := w.outletID(a.Outlet)
	if err != nil {
		return 0, false, err
	}
	published := sql.NullString{String: a.Published, Valid: a.Published != ""}
	date := articlePublishedDate(a.Published)
	id, err = w.insert("article", outlet, a.Title, a.URL, published, date, a.Language, a.Origin,
		a.Raw, a.Text, a.Words, p.hash, rawHash, storeNow())
	if err != nil {
		return 0, false, err
	}
	if r != nil {
		sides, err := w.insertAnalysis(id, outlet, date, a.Text, r, p.digestFor(r))
		if err != nil {
			return 0, false, err
		}
		w.addTotals(outlet, r, sides)
	}
	if outlet.Valid {
		w.counted = append(w.counted, storeCounted{outlet: outlet.Int64, key: outletKey(a.Outlet), words: p.words})
	}
	return id, false, nil
}

// replaceAnalysis makes r, whose digest is digest, the current analysis of
// an article. When r writes the same rows as the current one (equal
// digests), only r's versions are stamped on it; when only the rows its
// lexicon makes differ, those are replaced (replaceLexiconRows); otherwise
// the article's analyses are deleted and r inserted.
func (w *storeWriter) replaceAnalysis(articleID int64, r *analysis.Result, digest []byte) error {
	var aid int64
	var old []byte
	err := w.stmt("analysisDigest").QueryRowContext(w.ctx, articleID).Scan(&aid, &old)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	found := err == nil
	stamp := func() error {
		v := r.Versions
		_, err := w.exec("analysisStamp", v.Engine, v.Lexicon, v.Registry, storeNow(), digest, aid)
		return err
	}
	if found && bytes.Equal(old, digest) {
		// The scores are the same, but what is shown of them (their
		// versions) changed: caches keyed by the corpus version must go.
		w.totals.scores++
		return stamp()
	}
	lexiconOnly := found && storeSourcesSame(old, digest)
	var outlet sql.NullInt64
	var date sql.NullString
	var text string
	if lexiconOnly {
		err = w.stmt("articlePlace").QueryRowContext(w.ctx, articleID).Scan(&outlet, &date)
	} else {
		err = w.stmt("articleMeta").QueryRowContext(w.ctx, articleID).Scan(&outlet, &date, &text)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return analysis.Errorf(analysis.ENOTFOUND, "article %d not found", articleID)
	}
	if err != nil {
		return err
	}
	if lexiconOnly {
		if err := w.replaceLexiconRows(aid, articleID, outlet, date, r); err != nil {
			return err
		}
		return stamp()
	}
	if _, err := w.exec("analysisDel", articleID); err != nil {
		return err
	}
	sides, err := w.insertAnalysis(articleID, outlet, date, text, r, digest)
	if err != nil {
		return err
	}
	w.addTotals(outlet, r, sides)
	return nil
}

// replaceLexiconRows replaces the rows of analysis aid that its lexicon
// makes, its hits and its frame, entry and actor scores, with r's, and
// leaves its quotes, sources and side scores, the larger part, as they
// are: a lexicon edit changes the first and never the second.
func (w *storeWriter) replaceLexiconRows(aid, articleID int64, outlet sql.NullInt64, date sql.NullString, r *analysis.Result) error {
	for _, del := range []string{"hitsDel", "frameScoresDel", "entryScoresDel", "actorScoresDel"} {
		if _, err := w.exec(del, aid); err != nil {
			return err
		}
	}
	if _, err := w.exec("scoreHits", len(r.Hits), aid); err != nil {
		return err
	}
	if err := w.insertLexiconRows(aid, articleID, outlet, date, r); err != nil {
		return err
	}
	w.addLexiconTotals(outlet, r)
	return nil
}

// flush writes what the writer keeps pending until the end of its
// transaction: word counts and outlet totals.
func (w *storeWriter) flush() error {
	if err := w.flushWords(); err != nil {
		return err
	}
	return w.flushTotals()
}

// storeSideSum is what a side_scores row sums over an article's quotes.
type storeSideSum struct{ attributions, words int }

// insertAnalysis writes r as the current analysis of an article, with its
// hits, quotes, sources and score rows, and returns the sums of its
// side_scores rows for addTotals.
func (w *storeWriter) insertAnalysis(articleID int64, outlet sql.NullInt64, date sql.NullString, text string, r *analysis.Result, digest []byte) (map[string]*storeSideSum, error) {
	v := r.Versions
	aid, err := w.insert("analysis", articleID, v.Engine, v.Lexicon, v.Registry, storeNow(), digest)
	if err != nil {
		return nil, err
	}
	if err := w.insertLexiconRows(aid, articleID, outlet, date, r); err != nil {
		return nil, err
	}
	sides := map[string]*storeSideSum{}
	args := make([]any, 0, len(r.Quotes)*13)
	for i, q := range r.Quotes {
		args = append(args, aid, i, string(q.Kind), q.Speaker, q.Mention, q.MentionStart, q.MentionEnd,
			q.Cue, q.Side, q.Start, q.End, q.Words, storeQuoteText(text, q))
		if sides[q.Side] == nil {
			sides[q.Side] = &storeSideSum{}
		}
		sides[q.Side].attributions++
		sides[q.Side].words += q.Words
	}
	if err := w.insertRows("quotes", args); err != nil {
		return nil, err
	}
	args = args[:0]
	for i, src := range r.Sources {
		args = append(args, aid, i, src.Name, src.Side, src.Role, src.Direct, src.Reported, src.Words)
	}
	if err := w.insertRows("sources", args); err != nil {
		return nil, err
	}
	if err := w.insertRows("article_scores", []any{aid, articleID, outlet, date, r.Words, len(r.Hits), len(r.Quotes),
		r.Balance, r.BalanceWords, r.Unassigned}); err != nil {
		return nil, err
	}
	for side := range r.Sides {
		if sides[side] == nil {
			sides[side] = &storeSideSum{}
		}
	}
	for side := range r.SidesWords {
		if sides[side] == nil {
			sides[side] = &storeSideSum{}
		}
	}
	args = args[:0]
	for _, side := range storeSortedKeys(sides) {
		share, ok := r.Sides[side]
		shareArg := sql.NullFloat64{Float64: share, Valid: ok}
		wshare, ok := r.SidesWords[side]
		wshareArg := sql.NullFloat64{Float64: wshare, Valid: ok}
		args = append(args, aid, articleID, outlet, date, side, shareArg, wshareArg,
			sides[side].attributions, sides[side].words)
	}
	if err := w.insertRows("side_scores", args); err != nil {
		return nil, err
	}
	return sides, nil
}

// insertLexiconRows inserts the rows of r that its lexicon makes (hits,
// frame, entry and actor scores) for analysis aid.
func (w *storeWriter) insertLexiconRows(aid, articleID int64, outlet sql.NullInt64, date sql.NullString, r *analysis.Result) error {
	args := make([]any, 0, len(r.Hits)*13)
	for i, h := range r.Hits {
		args = append(args, aid, i, h.Entry, h.Term, h.Pattern, h.Frame, h.Actor, h.Valence, string(h.Voice),
			h.Start, h.End, h.ScareQuote, h.SoCalled)
	}
	if err := w.insertRows("hits", args); err != nil {
		return err
	}
	args = args[:0]
	for _, name := range storeSortedKeys(r.Frames) {
		f := r.Frames[name]
		args = append(args, aid, articleID, outlet, date, name, f.Count, f.Own, f.Quoted, f.Reported,
			f.Per1000, f.Per1000Own)
	}
	if err := w.insertRows("frame_scores", args); err != nil {
		return err
	}
	args = args[:0]
	for i, e := range r.Entries {
		args = append(args, aid, i, articleID, outlet, e.Pattern, e.Frame, e.Actor, e.Count, e.Own,
			e.Quoted, e.Reported, e.Per1000)
	}
	if err := w.insertRows("entry_scores", args); err != nil {
		return err
	}
	args = args[:0]
	for _, name := range storeSortedKeys(r.Actors) {
		a := r.Actors[name]
		args = append(args, aid, articleID, outlet, name, a.Count, a.Valence, a.ValenceOwn, a.CountOwn)
	}
	if err := w.insertRows("actor_scores", args); err != nil {
		return err
	}
	return nil
}

func storeSortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
