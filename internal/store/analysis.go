package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/framinglens/framinglens/internal/analysis"
)

// SaveAnalyses stores new results for existing articles, keyed by article id,
// in one transaction. Each replaces its article's current analysis; readers
// see every article's old analysis until the transaction commits and every
// new one after, never a mix. An unknown article id fails the whole call
// with ENOTFOUND and nothing is written.
func (s *Store) SaveAnalyses(ctx context.Context, results map[int64]*analysis.Result) error {
	ids := make([]int64, 0, len(results))
	for id := range results {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	// The results' digests are worked out beside the writer, in the order
	// it takes the results; the channel holds them all, so the goroutine
	// ends even when the writer stops early.
	digests := make(chan []byte, len(ids))
	go func() {
		for _, id := range ids {
			var d []byte
			if r := results[id]; r != nil {
				d = storeResultDigest(r)
			}
			digests <- d
		}
	}()
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		w := s.newWriter(ctx, tx)
		// The batch fails as a whole, so the rows of its analyses can
		// share statements.
		w.holdRows()
		for _, id := range ids {
			r, digest := results[id], <-digests
			if r == nil {
				return analysis.Errorf(analysis.EINVALID, "no result for article %d", id)
			}
			if err := w.replaceAnalysis(id, r, digest); err != nil {
				return fmt.Errorf("article %d: %w", id, err)
			}
		}
		if err := w.flushRows(); err != nil {
			return err
		}
		return w.flush()
	})
	if err != nil {
		return fmt.Errorf("store: save %d analyses: %w", len(results), err)
	}
	return nil
}

// ArticleResult rebuilds the current analysis of an article from its rows:
// the same Result that was saved, with Text, Title and Published taken from
// the article. All rows are read from one snapshot.
func (s *Store) ArticleResult(ctx context.Context, id int64) (*analysis.Result, error) {
	r := &analysis.Result{
		Hits:       []analysis.Hit{},
		Entries:    []analysis.EntryCount{},
		Frames:     map[string]analysis.FrameCount{},
		Actors:     map[string]analysis.ActorScore{},
		Quotes:     []analysis.Quote{},
		Sources:    []analysis.Source{},
		Sides:      map[string]float64{},
		SidesWords: map[string]float64{},
	}
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		var published sql.NullString
		err := tx.QueryRowContext(ctx, `SELECT title, published, text FROM articles WHERE id = ?`, id).
			Scan(&r.Title, &published, &r.Text)
		if errors.Is(err, sql.ErrNoRows) {
			return analysis.Errorf(analysis.ENOTFOUND, "article %d not found", id)
		}
		if err != nil {
			return err
		}
		r.Published = published.String
		var aid int64
		err = tx.QueryRowContext(ctx, `SELECT an.id, an.engine_version, an.lexicon_version, an.registry_version,
				sc.words, sc.balance, sc.balance_words, sc.unassigned
			FROM analyses an JOIN article_scores sc ON sc.analysis_id = an.id
			WHERE an.article_id = ? AND an.current = 1`, id).
			Scan(&aid, &r.Versions.Engine, &r.Versions.Lexicon, &r.Versions.Registry,
				&r.Words, &r.Balance, &r.BalanceWords, &r.Unassigned)
		if errors.Is(err, sql.ErrNoRows) {
			return analysis.Errorf(analysis.ENOTFOUND, "article %d has no analysis", id)
		}
		if err != nil {
			return err
		}
		return storeLoadResultRows(ctx, tx, aid, r)
	})
	if err != nil {
		if analysis.ErrorCode(err) != analysis.EINTERNAL {
			return nil, err
		}
		return nil, fmt.Errorf("store: get result of article %d: %w", id, err)
	}
	return r, nil
}

// storeEach runs query and calls scan once per row.
func storeEach(ctx context.Context, tx *sql.Tx, query string, args []any, scan func(*sql.Rows) error) error {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// storeLoadResultRows fills r's hits, quotes, sources and scores from the
// rows of analysis aid.
func storeLoadResultRows(ctx context.Context, tx *sql.Tx, aid int64, r *analysis.Result) error {
	args := []any{aid}
	err := storeEach(ctx, tx, `SELECT entry_index, term, pattern, frame, actor, valence, voice, span_start, span_end,
			scare_quote, so_called FROM hits WHERE analysis_id = ? ORDER BY seq`, args, func(rows *sql.Rows) error {
		var h analysis.Hit
		var voice string
		if err := rows.Scan(&h.Entry, &h.Term, &h.Pattern, &h.Frame, &h.Actor, &h.Valence, &voice,
			&h.Start, &h.End, &h.ScareQuote, &h.SoCalled); err != nil {
			return err
		}
		h.Voice = analysis.Voice(voice)
		r.Hits = append(r.Hits, h)
		return nil
	})
	if err != nil {
		return fmt.Errorf("hits: %w", err)
	}
	err = storeEach(ctx, tx, `SELECT kind, speaker, mention, mention_start, mention_end, cue, side, span_start,
			span_end, words, text FROM quotes WHERE analysis_id = ? ORDER BY seq`, args, func(rows *sql.Rows) error {
		var q analysis.Quote
		var kind string
		if err := rows.Scan(&kind, &q.Speaker, &q.Mention, &q.MentionStart, &q.MentionEnd, &q.Cue, &q.Side,
			&q.Start, &q.End, &q.Words, &q.Text); err != nil {
			return err
		}
		q.Kind = analysis.QuoteKind(kind)
		q.Text = storeQuoteTextOf(r.Text, q.Text, q.Start, q.End)
		r.Quotes = append(r.Quotes, q)
		return nil
	})
	if err != nil {
		return fmt.Errorf("quotes: %w", err)
	}
	err = storeEach(ctx, tx, `SELECT name, side, role, direct, reported, words FROM sources
			WHERE analysis_id = ? ORDER BY seq`, args, func(rows *sql.Rows) error {
		var src analysis.Source
		if err := rows.Scan(&src.Name, &src.Side, &src.Role, &src.Direct, &src.Reported, &src.Words); err != nil {
			return err
		}
		r.Sources = append(r.Sources, src)
		return nil
	})
	if err != nil {
		return fmt.Errorf("sources: %w", err)
	}
	err = storeEach(ctx, tx, `SELECT frame, count, own, quoted, reported, per_1000, per_1000_own FROM frame_scores
			WHERE analysis_id = ?`, args, func(rows *sql.Rows) error {
		var name string
		var f analysis.FrameCount
		if err := rows.Scan(&name, &f.Count, &f.Own, &f.Quoted, &f.Reported, &f.Per1000, &f.Per1000Own); err != nil {
			return err
		}
		r.Frames[name] = f
		return nil
	})
	if err != nil {
		return fmt.Errorf("frames: %w", err)
	}
	err = storeEach(ctx, tx, `SELECT side, share, words_share FROM side_scores WHERE analysis_id = ?`, args,
		func(rows *sql.Rows) error {
			var side string
			var share, wshare sql.NullFloat64
			if err := rows.Scan(&side, &share, &wshare); err != nil {
				return err
			}
			if share.Valid {
				r.Sides[side] = share.Float64
			}
			if wshare.Valid {
				r.SidesWords[side] = wshare.Float64
			}
			return nil
		})
	if err != nil {
		return fmt.Errorf("sides: %w", err)
	}
	err = storeEach(ctx, tx, `SELECT pattern, frame, actor, count, own, quoted, reported, per_1000 FROM entry_scores
			WHERE analysis_id = ? ORDER BY seq`, args, func(rows *sql.Rows) error {
		var e analysis.EntryCount
		if err := rows.Scan(&e.Pattern, &e.Frame, &e.Actor, &e.Count, &e.Own, &e.Quoted, &e.Reported, &e.Per1000); err != nil {
			return err
		}
		r.Entries = append(r.Entries, e)
		return nil
	})
	if err != nil {
		return fmt.Errorf("entries: %w", err)
	}
	err = storeEach(ctx, tx, `SELECT actor, count, valence, valence_own, count_own FROM actor_scores
			WHERE analysis_id = ?`, args, func(rows *sql.Rows) error {
		var name string
		var a analysis.ActorScore
		if err := rows.Scan(&name, &a.Count, &a.Valence, &a.ValenceOwn, &a.CountOwn); err != nil {
			return err
		}
		r.Actors[name] = a
		return nil
	})
	if err != nil {
		return fmt.Errorf("actors: %w", err)
	}
	return nil
}

// HitFilter selects hits of current analyses. Empty fields do not filter.
type HitFilter struct {
	// ArticleIDs limits hits to these articles.
	ArticleIDs []int64
	Outlets    []string
	From, To   string
	// Query keeps hits of articles matching this full-text query.
	Query   string
	Pattern string
	// Term matches the hit's text regardless of (ASCII) case.
	Term  string
	Frame string
	Actor string
	Voice analysis.Voice
	// Context asks for up to this many bytes of text either side of each
	// hit (HitRow.Left and Right), cut back to whole characters; 0 for none.
	Context int
	// Limit caps the rows of Hits (0: no limit); Offset skips rows.
	Limit, Offset int
}

// HitRow is one hit with the article it stands in.
type HitRow struct {
	ArticleID int64
	Outlet    string
	Title     string
	Published string
	analysis.Hit
	// Left and Right are the text before and after the hit (see
	// HitFilter.Context).
	Left, Right string
}

// Hits returns the hits the filter selects, by article date, article and
// position.
func (s *Store) Hits(ctx context.Context, f HitFilter) ([]HitRow, error) {
	out := []HitRow{}
	err := s.EachHit(ctx, f, func(h HitRow) error {
		out = append(out, h)
		return nil
	})
	return out, err
}

// EachHit calls fn for each hit the filter selects, in the order of Hits,
// without holding them all in memory. An error from fn stops the walk and is
// returned.
func (s *Store) EachHit(ctx context.Context, f HitFilter, fn func(HitRow) error) error {
	where, args, err := storeArticleWhere(ArticleFilter{Outlets: f.Outlets, From: f.From, To: f.To, Query: f.Query})
	if err != nil {
		return err
	}
	if len(f.ArticleIDs) > 0 {
		where += ` AND a.id IN (` + storePlaceholders(len(f.ArticleIDs)) + `)`
		for _, id := range f.ArticleIDs {
			args = append(args, id)
		}
	}
	for _, c := range []struct{ col, value string }{
		{"h.pattern", f.Pattern}, {"h.frame", f.Frame}, {"h.actor", f.Actor}, {"h.voice", string(f.Voice)},
	} {
		if c.value != "" {
			where += ` AND ` + c.col + ` = ?`
			args = append(args, c.value)
		}
	}
	if f.Term != "" {
		where += ` AND lower(h.term) = lower(?)`
		args = append(args, f.Term)
	}
	ctxBytes := max(f.Context, 0)
	// The context is cut from the text as bytes, since hit offsets are byte
	// offsets, then trimmed to whole characters in Go.
	query := `SELECT a.id, COALESCE(o.name, ''), a.title, COALESCE(a.published, ''),
			h.entry_index, h.term, h.pattern, h.frame, h.actor, h.valence, h.voice, h.span_start, h.span_end,
			h.scare_quote, h.so_called,
			CASE WHEN ? > 0 THEN substr(CAST(a.text AS BLOB), max(1, h.span_start + 1 - ?), min(h.span_start, ?)) END,
			CASE WHEN ? > 0 THEN substr(CAST(a.text AS BLOB), h.span_end + 1, ?) END
		FROM hits h
		JOIN analyses an ON an.id = h.analysis_id AND an.current = 1
		JOIN articles a ON a.id = an.article_id
		LEFT JOIN outlets o ON o.id = a.outlet_id
		WHERE ` + where + `
		ORDER BY a.published_date IS NULL, a.published_date, a.id, h.seq`
	args = append([]any{ctxBytes, ctxBytes, ctxBytes, ctxBytes, ctxBytes}, args...)
	if f.Limit > 0 || f.Offset > 0 {
		limit := f.Limit
		if limit <= 0 {
			limit = -1
		}
		query += ` LIMIT ? OFFSET ?`
		args = append(args, limit, max(f.Offset, 0))
	}
	rows, err := s.read.QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("store: list hits: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var h HitRow
		var voice string
		var left, right []byte
		if err := rows.Scan(&h.ArticleID, &h.Outlet, &h.Title, &h.Published, &h.Entry, &h.Term, &h.Pattern,
			&h.Frame, &h.Actor, &h.Valence, &voice, &h.Start, &h.End, &h.ScareQuote, &h.SoCalled,
			&left, &right); err != nil {
			return fmt.Errorf("store: list hits: %w", err)
		}
		h.Voice = analysis.Voice(voice)
		h.Left, h.Right = storeTrimRunes(left, true), storeTrimRunes(right, false)
		if err := fn(h); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: list hits: %w", err)
	}
	return nil
}

// storeTrimRunes drops the partial characters a byte cut left at the far end
// of a context: the start of a left context, the end of a right one.
func storeTrimRunes(b []byte, left bool) string {
	if left {
		for len(b) > 0 && !utf8.RuneStart(b[0]) {
			b = b[1:]
		}
		return string(b)
	}
	for len(b) > 0 {
		r, size := utf8.DecodeLastRune(b)
		if r != utf8.RuneError || size > 1 {
			break
		}
		b = b[:len(b)-1]
	}
	return string(b)
}

// QuoteRow is one quote with the article it stands in.
type QuoteRow struct {
	ArticleID int64
	Outlet    string
	Title     string
	Published string
	analysis.Quote
}

// Quotes returns the quotes of the articles the filter selects, by article
// date, article and position. Limit 0 means no limit.
func (s *Store) Quotes(ctx context.Context, f ArticleFilter) ([]QuoteRow, error) {
	out := []QuoteRow{}
	err := s.EachQuote(ctx, f, func(q QuoteRow) error {
		out = append(out, q)
		return nil
	})
	return out, err
}

// EachQuote calls fn for each quote Quotes would return, one at a time.
func (s *Store) EachQuote(ctx context.Context, f ArticleFilter, fn func(QuoteRow) error) error {
	where, args, err := storeArticleWhere(f)
	if err != nil {
		return err
	}
	query := `SELECT a.id, COALESCE(o.name, ''), a.title, COALESCE(a.published, ''),
			q.kind, q.speaker, q.mention, q.mention_start, q.mention_end, q.cue, q.side, q.span_start, q.span_end,
			q.words, ` + storeQuoteTextSQL + `
		FROM quotes q
		JOIN analyses an ON an.id = q.analysis_id AND an.current = 1
		JOIN articles a ON a.id = an.article_id
		LEFT JOIN outlets o ON o.id = a.outlet_id
		WHERE ` + where + `
		ORDER BY a.published_date IS NULL, a.published_date, a.id, q.seq` + storeLimit(f.Limit, f.Offset, &args)
	rows, err := s.read.QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("store: list quotes: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var q QuoteRow
		var kind string
		if err := rows.Scan(&q.ArticleID, &q.Outlet, &q.Title, &q.Published, &kind, &q.Speaker, &q.Mention,
			&q.MentionStart, &q.MentionEnd, &q.Cue, &q.Side, &q.Start, &q.End, &q.Words, &q.Text); err != nil {
			return fmt.Errorf("store: list quotes: %w", err)
		}
		q.Kind = analysis.QuoteKind(kind)
		if err := fn(q); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: list quotes: %w", err)
	}
	return nil
}

// storeLimit returns a LIMIT clause for limit and offset, appending their
// arguments, or "" when neither limits anything (limit 0 is no limit).
func storeLimit(limit, offset int, args *[]any) string {
	if limit <= 0 && offset <= 0 {
		return ""
	}
	if limit <= 0 {
		limit = -1
	}
	*args = append(*args, limit, max(offset, 0))
	return ` LIMIT ? OFFSET ?`
}

// SourceRow is one speaker summed over the selected articles.
type SourceRow struct {
	Name     string
	Side     string
	Role     string
	Articles int
	Direct   int
	Reported int
	Words    int
}

// Sources sums the sources of the selected articles per speaker and side,
// most quoted first. Limit 0 means no limit.
//
// Speakers whose names differ only in letter case are one row: "Police
// said" opens a sentence where "police said" does not, and the registry
// matches names without regard to case too. The row is named by the form
// most attributions use ("officials", but "Times"). Its article count is
// exact because the engine gives case variants within one article one name.
func (s *Store) Sources(ctx context.Context, f ArticleFilter) ([]SourceRow, error) {
	where, args, err := storeArticleWhere(f)
	if err != nil {
		return nil, err
	}
	// The merge follows the grouping, so the limit is applied after it.
	query := `SELECT src.name, src.side, MAX(src.role), COUNT(DISTINCT a.id), SUM(src.direct), SUM(src.reported),
			SUM(src.words)
		FROM sources src
		JOIN analyses an ON an.id = src.analysis_id AND an.current = 1
		JOIN articles a ON a.id = an.article_id
		WHERE ` + where + `
		GROUP BY src.name, src.side`
	rows, err := s.read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: list sources: %w", err)
	}
	defer rows.Close()
	out := []SourceRow{}
	for rows.Next() {
		var r SourceRow
		if err := rows.Scan(&r.Name, &r.Side, &r.Role, &r.Articles, &r.Direct, &r.Reported, &r.Words); err != nil {
			return nil, fmt.Errorf("store: list sources: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: list sources: %w", err)
	}
	out = storeMergeSourceCase(out)
	if f.Offset > 0 {
		out = out[min(f.Offset, len(out)):]
	}
	if f.Limit > 0 && len(out) > f.Limit {
		out = out[:f.Limit]
	}
	return out, nil
}

// storeMergeSourceCase merges the rows of one side whose names differ only
// in letter case into the row of the form with the most attributions, then
// the most quoted words, then the form that is lower case where the two
// first differ (the greater in byte order, as the engine picks), and sorts
// the result most quoted first.
func storeMergeSourceCase(rows []SourceRow) []SourceRow {
	attributions := func(r SourceRow) int { return r.Direct + r.Reported }
	// The form that names a merged row comes first among its variants.
	slices.SortFunc(rows, func(a, b SourceRow) int {
		return cmp.Or(cmp.Compare(attributions(b), attributions(a)), cmp.Compare(b.Words, a.Words),
			strings.Compare(b.Name, a.Name), strings.Compare(a.Side, b.Side))
	})
	type key struct{ name, side string }
	at := make(map[key]int, len(rows))
	out := rows[:0]
	for _, r := range rows {
		k := key{strings.ToLower(r.Name), r.Side}
		i, ok := at[k]
		if !ok {
			at[k] = len(out)
			out = append(out, r)
			continue
		}
		m := &out[i]
		m.Articles += r.Articles
		m.Direct += r.Direct
		m.Reported += r.Reported
		m.Words += r.Words
		m.Role = max(m.Role, r.Role)
	}
	slices.SortStableFunc(out, func(a, b SourceRow) int {
		return cmp.Or(cmp.Compare(attributions(b), attributions(a)), cmp.Compare(b.Words, a.Words),
			strings.Compare(a.Name, b.Name), strings.Compare(a.Side, b.Side))
	})
	return out
}

// MarkFalsePositive records that the hit of pattern at [start, end) in an
// article is not a label. Marking the same span again changes nothing. The
// caller re-analyses the article without the marked hits.
func (s *Store) MarkFalsePositive(ctx context.Context, articleID int64, start, end int, pattern string) error {
	if start < 0 || end <= start {
		return analysis.Errorf(analysis.EINVALID, "span [%d, %d) is empty or negative", start, end)
	}
	if strings.TrimSpace(pattern) == "" {
		return analysis.Errorf(analysis.EINVALID, "pattern is empty")
	}
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM articles WHERE id = ?`, articleID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return analysis.Errorf(analysis.ENOTFOUND, "article %d not found", articleID)
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO false_positives (article_id, span_start, span_end, pattern, created_at)
			VALUES (?, ?, ?, ?, ?) ON CONFLICT (article_id, span_start, span_end) DO NOTHING`,
			articleID, start, end, pattern, storeNow())
		return err
	})
	if err != nil {
		return fmt.Errorf("store: mark false positive in article %d: %w", articleID, err)
	}
	return nil
}

// UnmarkFalsePositive removes a false-positive mark.
func (s *Store) UnmarkFalsePositive(ctx context.Context, articleID int64, start, end int) error {
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM false_positives WHERE article_id = ? AND span_start = ? AND span_end = ?`,
			articleID, start, end)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return analysis.Errorf(analysis.ENOTFOUND, "no false positive at [%d, %d) in article %d", start, end, articleID)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: unmark false positive in article %d: %w", articleID, err)
	}
	return nil
}

// FalsePositives returns the spans marked in an article, in text order.
func (s *Store) FalsePositives(ctx context.Context, articleID int64) ([]analysis.Span, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT span_start, span_end FROM false_positives
		WHERE article_id = ? ORDER BY span_start, span_end`, articleID)
	if err != nil {
		return nil, fmt.Errorf("store: list false positives of article %d: %w", articleID, err)
	}
	defer rows.Close()
	out := []analysis.Span{}
	for rows.Next() {
		var sp analysis.Span
		if err := rows.Scan(&sp.Start, &sp.End); err != nil {
			return nil, fmt.Errorf("store: list false positives of article %d: %w", articleID, err)
		}
		out = append(out, sp)
	}
	return out, rows.Err()
}

// PrecisionRow is a pattern's measured precision: of the hits it produced,
// how many users kept.
type PrecisionRow struct {
	Pattern string
	// Hits counts the current hits of the pattern that are not marked.
	Hits int
	// FalsePositives counts the marks on the pattern.
	FalsePositives int
	// Precision is Hits / (Hits + FalsePositives).
	Precision float64
}

// Precision returns each pattern's measured precision, worst first. A
// marked hit counts once whether or not the article has been re-analysed
// without it yet.
func (s *Store) Precision(ctx context.Context) ([]PrecisionRow, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT pattern, SUM(kept), SUM(fp) FROM (
			SELECT h.pattern AS pattern, 1 AS kept, 0 AS fp
			FROM hits h JOIN analyses an ON an.id = h.analysis_id AND an.current = 1
			WHERE NOT EXISTS (SELECT 1 FROM false_positives f WHERE f.article_id = an.article_id
				AND f.span_start = h.span_start AND f.span_end = h.span_end)
			UNION ALL
			SELECT pattern, 0, 1 FROM false_positives
		) t GROUP BY pattern`)
	if err != nil {
		return nil, fmt.Errorf("store: precision: %w", err)
	}
	defer rows.Close()
	out := []PrecisionRow{}
	for rows.Next() {
		var r PrecisionRow
		if err := rows.Scan(&r.Pattern, &r.Hits, &r.FalsePositives); err != nil {
			return nil, fmt.Errorf("store: precision: %w", err)
		}
		if n := r.Hits + r.FalsePositives; n > 0 {
			r.Precision = float64(r.Hits) / float64(n)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: precision: %w", err)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Precision != out[j].Precision {
			return out[i].Precision < out[j].Precision
		}
		return out[i].Pattern < out[j].Pattern
	})
	return out, nil
}
