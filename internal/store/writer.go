package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"

	"github.com/framinglens/framinglens/internal/analysis"
)

// storeWriteSQL holds the statements every article write runs. They are
// prepared once on the write connection (see prepareWrites) and bound to each
// transaction, so a batch of thousands of articles parses its SQL once.
var storeWriteSQL = map[string]string{
	"findHash":    `SELECT id FROM articles WHERE content_hash = ?`,
	"outletAlias": `SELECT outlet_id FROM outlet_aliases WHERE alias_key = ?`,
	"outletName":  `SELECT id FROM outlets WHERE name_key = ?`,
	"outletNew":   `INSERT INTO outlets (name, name_key) VALUES (?, ?)`,
	"article": `INSERT INTO articles (outlet_id, title, url, published, published_date, language, origin,
		raw, text, words, content_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"articleMeta": `SELECT outlet_id, published_date FROM articles WHERE id = ?`,
	"analysisDel": `DELETE FROM analyses WHERE article_id = ?`,
	"analysis": `INSERT INTO analyses (article_id, engine_version, lexicon_version, registry_version, created_at, current)
		VALUES (?, ?, ?, ?, ?, 1)`,
	"hit": `INSERT INTO hits (analysis_id, seq, entry_index, term, pattern, frame, actor, valence, voice,
		span_start, span_end, scare_quote, so_called) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"quote": `INSERT INTO quotes (analysis_id, seq, kind, speaker, mention, mention_start, mention_end, cue, side,
		span_start, span_end, words, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"source": `INSERT INTO sources (analysis_id, seq, name, side, role, direct, reported, words)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
	"articleScore": `INSERT INTO article_scores (analysis_id, article_id, outlet_id, published, words, hits, quotes,
		balance, balance_words, unassigned) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"frameScore": `INSERT INTO frame_scores (analysis_id, article_id, outlet_id, published, frame, count, own, quoted,
		reported, per_1000, per_1000_own) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"sideScore": `INSERT INTO side_scores (analysis_id, article_id, outlet_id, published, side, share, words_share,
		attributions, words) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"entryScore": `INSERT INTO entry_scores (analysis_id, seq, article_id, outlet_id, pattern, frame, actor, count, own,
		quoted, reported, per_1000) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"actorScore": `INSERT INTO actor_scores (analysis_id, article_id, outlet_id, actor, count, valence, valence_own,
		count_own) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
}

// prepareWrites prepares storeWriteSQL on the write pool.
func (s *Store) prepareWrites(ctx context.Context) error {
	s.stmts = make(map[string]*sql.Stmt, len(storeWriteSQL))
	for name, q := range storeWriteSQL {
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

// outletID resolves an outlet name through aliases and names, creating the
// outlet when it is new. An empty name is no outlet (NULL).
func (w *storeWriter) outletID(name string) (sql.NullInt64, error) {
	key := outletKey(name)
	if key == "" {
		return sql.NullInt64{}, nil
	}
	var id int64
	err := w.stmt("outletAlias").QueryRowContext(w.ctx, key).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		err = w.stmt("outletName").QueryRowContext(w.ctx, key).Scan(&id)
	}
	if errors.Is(err, sql.ErrNoRows) {
		id, err = w.insert("outletNew", outletDisplayName(name), key)
	}
	if err != nil {
		return sql.NullInt64{}, fmt.Errorf("resolve outlet %q: %w", name, err)
	}
	return sql.NullInt64{Int64: id, Valid: true}, nil
}

// saveArticle inserts a and its result, or finds the article a duplicates.
func (w *storeWriter) saveArticle(a NewArticle, r *analysis.Result) (int64, bool, error) {
	hash := ContentHash(a.Text)
	var id int64
	err := w.stmt("findHash").QueryRowContext(w.ctx, hash).Scan(&id)
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
		a.Raw, a.Text, a.Words, hash, storeNow())
	if err != nil {
		return 0, false, err
	}
	if r != nil {
		if err := w.insertAnalysis(id, outlet, date, r); err != nil {
			return 0, false, err
		}
	}
	return id, false, nil
}

// replaceAnalysis deletes the article's analyses and inserts r as its
// current one.
func (w *storeWriter) replaceAnalysis(articleID int64, r *analysis.Result) error {
	var outlet sql.NullInt64
	var date sql.NullString
	err := w.stmt("articleMeta").QueryRowContext(w.ctx, articleID).Scan(&outlet, &date)
	if errors.Is(err, sql.ErrNoRows) {
		return analysis.Errorf(analysis.ENOTFOUND, "article %d not found", articleID)
	}
	if err != nil {
		return err
	}
	if _, err := w.exec("analysisDel", articleID); err != nil {
		return err
	}
	return w.insertAnalysis(articleID, outlet, date, r)
}

// insertAnalysis writes r as the current analysis of an article, with its
// hits, quotes, sources and score rows.
func (w *storeWriter) insertAnalysis(articleID int64, outlet sql.NullInt64, date sql.NullString, r *analysis.Result) error {
	v := r.Versions
	aid, err := w.insert("analysis", articleID, v.Engine, v.Lexicon, v.Registry, storeNow())
	if err != nil {
		return err
	}
	for i, h := range r.Hits {
		if _, err := w.exec("hit", aid, i, h.Entry, h.Term, h.Pattern, h.Frame, h.Actor, h.Valence, string(h.Voice),
			h.Start, h.End, h.ScareQuote, h.SoCalled); err != nil {
			return err
		}
	}
	type sideSum struct{ attributions, words int }
	sides := map[string]*sideSum{}
	for i, q := range r.Quotes {
		if _, err := w.exec("quote", aid, i, string(q.Kind), q.Speaker, q.Mention, q.MentionStart, q.MentionEnd,
			q.Cue, q.Side, q.Start, q.End, q.Words, q.Text); err != nil {
			return err
		}
		if sides[q.Side] == nil {
			sides[q.Side] = &sideSum{}
		}
		sides[q.Side].attributions++
		sides[q.Side].words += q.Words
	}
	for i, src := range r.Sources {
		if _, err := w.exec("source", aid, i, src.Name, src.Side, src.Role, src.Direct, src.Reported, src.Words); err != nil {
			return err
		}
	}
	if _, err := w.exec("articleScore", aid, articleID, outlet, date, r.Words, len(r.Hits), len(r.Quotes),
		r.Balance, r.BalanceWords, r.Unassigned); err != nil {
		return err
	}
	for _, name := range storeSortedKeys(r.Frames) {
		f := r.Frames[name]
		if _, err := w.exec("frameScore", aid, articleID, outlet, date, name, f.Count, f.Own, f.Quoted, f.Reported,
			f.Per1000, f.Per1000Own); err != nil {
			return err
		}
	}
	for side := range r.Sides {
		if sides[side] == nil {
			sides[side] = &sideSum{}
		}
	}
	for side := range r.SidesWords {
		if sides[side] == nil {
			sides[side] = &sideSum{}
		}
	}
	for _, side := range storeSortedKeys(sides) {
		share, ok := r.Sides[side]
		shareArg := sql.NullFloat64{Float64: share, Valid: ok}
		wshare, ok := r.SidesWords[side]
		wshareArg := sql.NullFloat64{Float64: wshare, Valid: ok}
		if _, err := w.exec("sideScore", aid, articleID, outlet, date, side, shareArg, wshareArg,
			sides[side].attributions, sides[side].words); err != nil {
			return err
		}
	}
	for i, e := range r.Entries {
		if _, err := w.exec("entryScore", aid, i, articleID, outlet, e.Pattern, e.Frame, e.Actor, e.Count, e.Own,
			e.Quoted, e.Reported, e.Per1000); err != nil {
			return err
		}
	}
	for _, name := range storeSortedKeys(r.Actors) {
		a := r.Actors[name]
		if _, err := w.exec("actorScore", aid, articleID, outlet, name, a.Count, a.Valence, a.ValenceOwn,
			a.CountOwn); err != nil {
			return err
		}
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
