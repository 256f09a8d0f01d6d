package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"

	"github.com/framinglens/framinglens/internal/analysis"
)

// This file holds what the CSV export reads: streaming walks over the
// selected articles' current analyses (articles with their scores, hits,
// quotes, sources) and totals per outlet or per outlet and month. Every walk
// ignores the filter's Limit and Offset, since an export is of the whole
// selection, and orders articles by the filter's Sort, oldest first when
// Sort is empty or unknown, so that the files of one selection list the
// articles in the same order.

// ExportDims are the frames and sides an export has columns for, each
// sorted: those of the active lexicon and registry, so the columns stay the
// same from one month to the next, plus any other frame or side found in the
// selected articles' analyses (made with an earlier lexicon or registry).
// Sides never include SideUnassigned.
type ExportDims struct {
	Frames []string
	Sides  []string
}

// ExportArticle is one article with its current analysis's scores.
type ExportArticle struct {
	ID        int64
	Outlet    string
	Title     string
	URL       string
	Published string
	Words     int
	// Analysed is false for an article without an analysis; every score
	// below is then zero.
	Analysed   bool
	Hits       int
	Quotes     int
	Unassigned int
	// Attributions counts the article's quotes whose speaker has a known
	// side: what Sides and SidesWords are shares of.
	Attributions int
	Balance      float64
	BalanceWords float64
	Versions     analysis.Versions
	// Frames holds the frames the article has hits of.
	Frames map[string]analysis.FrameCount
	// Sides and SidesWords hold the shares of the sides the article quotes.
	Sides      map[string]float64
	SidesWords map[string]float64
}

// ExportHit is one hit of a selected article.
type ExportHit struct {
	ArticleID int64
	Outlet    string
	Published string
	analysis.Hit
	// LexiconVersion is the lexicon the hit was found with.
	LexiconVersion string
}

// ExportQuote is one quote of a selected article.
type ExportQuote struct {
	ArticleID int64
	Outlet    string
	Published string
	analysis.Quote
	// RegistryVersion is the registry the speaker's side comes from.
	RegistryVersion string
}

// ExportSource is one speaker of a selected article.
type ExportSource struct {
	ArticleID int64
	Outlet    string
	Published string
	analysis.Source
	RegistryVersion string
}

// ExportTotal sums the selected articles of one outlet, or of one outlet in
// one month.
type ExportTotal struct {
	// Outlet is the outlet's name, "" for articles without one.
	Outlet string
	// Month is YYYY-MM, "" for undated articles or when not grouping by month.
	Month    string
	Articles int
	// Words sums the words of all the group's articles; the rates are per
	// 1,000 of them.
	Words      int
	Hits       int
	Quotes     int
	Unassigned int
	// Attributions counts the quotes whose speaker has a known side.
	Attributions int
	// MeanBalance and MeanBalanceWords average the articles' balance over
	// the BalancedArticles, those with at least one attribution to a known
	// side; an article quoting nobody the registry knows has no balance to
	// average.
	BalancedArticles int
	MeanBalance      float64
	MeanBalanceWords float64
	// Frames holds the frames the group has hits of; Sides the sides it
	// quotes, SideUnassigned included, with shares as in SideTotals.
	Frames map[string]FrameTotal
	Sides  map[string]SideTotal
}

// exportDefaultSort orders an export when the filter's Sort is empty or
// unknown: oldest first, as Hits and Quotes are.
const exportDefaultSort = "date"

// exportFrom joins each article a with its outlet o, its current analysis an
// and that analysis's scores sc; an and sc are NULL for an article without
// an analysis.
const exportFrom = ` FROM articles a
	LEFT JOIN outlets o ON o.id = a.outlet_id
	LEFT JOIN analyses an ON an.article_id = a.id AND an.current = 1
	LEFT JOIN article_scores sc ON sc.analysis_id = an.id`

// exportQuery returns the WHERE condition, its arguments and the ORDER BY
// clause for an export of the filter's articles.
func exportQuery(f ArticleFilter) (where string, args []any, order string, err error) {
	where, args, err = storeArticleWhere(f)
	if err != nil {
		return "", nil, "", err
	}
	order, ok := articleSorts[f.Sort]
	if !ok {
		order = articleSorts[exportDefaultSort]
	}
	return where, args, order, nil
}

// exportDims reads the export's frames and sides within tx (see ExportDims).
func exportDims(ctx context.Context, tx *sql.Tx, where string, args []any) (ExportDims, error) {
	frames, sides := map[string]bool{}, map[string]bool{}
	collect := func(set map[string]bool) func(*sql.Rows) error {
		return func(rows *sql.Rows) error {
			var name string
			if err := rows.Scan(&name); err != nil {
				return err
			}
			if name != "" && name != analysis.SideUnassigned {
				set[name] = true
			}
			return nil
		}
	}
	latest := func(table string) string {
		return `(SELECT t.id FROM ` + table + ` t JOIN settings s ON s.key = ? AND s.value = t.name
			ORDER BY t.revision DESC LIMIT 1)`
	}
	steps := []struct {
		query string
		args  []any
		set   map[string]bool
	}{
		{`SELECT frame FROM lexicon_entries WHERE lexicon_id = ` + latest("lexicons") + ` AND pattern NOT LIKE '!%'
			UNION SELECT name FROM lexicon_frames WHERE lexicon_id = ` + latest("lexicons"),
			[]any{ActiveLexicon, ActiveLexicon}, frames},
		{`SELECT DISTINCT side FROM registry_entries WHERE registry_id = ` + latest("registries"),
			[]any{ActiveRegistry}, sides},
		{`SELECT DISTINCT fs.frame` + exportFrom + ` JOIN frame_scores fs ON fs.analysis_id = an.id
			WHERE fs.count > 0 AND ` + where, args, frames},
		{`SELECT DISTINCT ss.side` + exportFrom + ` JOIN side_scores ss ON ss.analysis_id = an.id
			WHERE ss.attributions > 0 AND ` + where, args, sides},
	}
	for _, st := range steps {
		if err := storeEach(ctx, tx, st.query, st.args, collect(st.set)); err != nil {
			return ExportDims{}, err
		}
	}
	return ExportDims{Frames: exportSorted(frames), Sides: exportSorted(sides)}, nil
}

func exportSorted(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// ExportDims returns the frames and sides an export of the filter's
// articles has columns for.
func (s *Store) ExportDims(ctx context.Context, f ArticleFilter) (ExportDims, error) {
	where, args, _, err := exportQuery(f)
	if err != nil {
		return ExportDims{}, err
	}
	var d ExportDims
	err = s.readTx(ctx, func(tx *sql.Tx) error {
		d, err = exportDims(ctx, tx, where, args)
		return err
	})
	if err != nil {
		return ExportDims{}, fmt.Errorf("store: export columns: %w", err)
	}
	return d, nil
}

// EachExportArticle walks the filter's articles with their scores. It first
// calls dims with the frames and sides of the export (see ExportDims), then
// fn once per article, all from one snapshot of the database. It holds one
// article at a time: three cursors (articles, frame scores, side scores)
// run in the same order and are merged as they go.
func (s *Store) EachExportArticle(ctx context.Context, f ArticleFilter, dims func(ExportDims) error, fn func(ExportArticle) error) error {
	where, args, order, err := exportQuery(f)
	if err != nil {
		return err
	}
	err = s.readTx(ctx, func(tx *sql.Tx) error {
		d, err := exportDims(ctx, tx, where, args)
		if err != nil {
			return err
		}
		if err := dims(d); err != nil {
			return exportStop{err}
		}
		articles, err := tx.QueryContext(ctx, `SELECT a.id, COALESCE(o.name, ''), a.title, a.url,
				COALESCE(a.published, ''), a.words, an.id IS NOT NULL, COALESCE(sc.hits, 0), COALESCE(sc.quotes, 0),
				COALESCE(sc.unassigned, 0), COALESCE(sc.balance, 0), COALESCE(sc.balance_words, 0),
				COALESCE(an.engine_version, ''), COALESCE(an.lexicon_version, ''), COALESCE(an.registry_version, '')`+
			exportFrom+` WHERE `+where+` ORDER BY `+order, args...)
		if err != nil {
			return err
		}
		defer articles.Close()
		frames, err := tx.QueryContext(ctx, `SELECT a.id, fs.frame, fs.count, fs.own, fs.quoted, fs.reported,
				fs.per_1000, fs.per_1000_own`+exportFrom+` JOIN frame_scores fs ON fs.analysis_id = an.id
			WHERE fs.count > 0 AND `+where+` ORDER BY `+order+`, fs.frame`, args...)
		if err != nil {
			return err
		}
		defer frames.Close()
		sides, err := tx.QueryContext(ctx, `SELECT a.id, ss.side, ss.share, ss.words_share, ss.attributions`+
			exportFrom+` JOIN side_scores ss ON ss.analysis_id = an.id
			WHERE `+where+` ORDER BY `+order+`, ss.side`, args...)
		if err != nil {
			return err
		}
		defer sides.Close()
		type frameRow struct {
			name  string
			count analysis.FrameCount
		}
		fc := exportCursor[frameRow]{rows: frames, scan: func(rows *sql.Rows, id *int64, fr *frameRow) error {
			c := &fr.count
			return rows.Scan(id, &fr.name, &c.Count, &c.Own, &c.Quoted, &c.Reported, &c.Per1000, &c.Per1000Own)
		}}
		type sideRow struct {
			side          string
			share, wshare sql.NullFloat64
			attributions  int
		}
		sc := exportCursor[sideRow]{rows: sides, scan: func(rows *sql.Rows, id *int64, sr *sideRow) error {
			return rows.Scan(id, &sr.side, &sr.share, &sr.wshare, &sr.attributions)
		}}
		for articles.Next() {
			var r ExportArticle
			if err := articles.Scan(&r.ID, &r.Outlet, &r.Title, &r.URL, &r.Published, &r.Words, &r.Analysed,
				&r.Hits, &r.Quotes, &r.Unassigned, &r.Balance, &r.BalanceWords,
				&r.Versions.Engine, &r.Versions.Lexicon, &r.Versions.Registry); err != nil {
				return err
			}
			r.Frames = map[string]analysis.FrameCount{}
			if err := fc.each(r.ID, func(fr frameRow) { r.Frames[fr.name] = fr.count }); err != nil {
				return fmt.Errorf("frame scores: %w", err)
			}
			r.Sides, r.SidesWords = map[string]float64{}, map[string]float64{}
			err := sc.each(r.ID, func(sr sideRow) {
				if sr.side != analysis.SideUnassigned && sr.side != "" {
					r.Attributions += sr.attributions
				}
				if sr.share.Valid {
					r.Sides[sr.side] = sr.share.Float64
				}
				if sr.wshare.Valid {
					r.SidesWords[sr.side] = sr.wshare.Float64
				}
			})
			if err != nil {
				return fmt.Errorf("side scores: %w", err)
			}
			if err := fn(r); err != nil {
				return exportStop{err}
			}
		}
		return articles.Err()
	})
	return exportWrap("articles", err)
}

// exportStop carries an error of the caller's callback through a walk
// unwrapped, so that the caller gets its own error back.
type exportStop struct{ err error }

func (e exportStop) Error() string { return e.err.Error() }

// exportWrap returns a callback's error as it is and wraps the store's own.
func exportWrap(what string, err error) error {
	if err == nil {
		return nil
	}
	if stop, ok := err.(exportStop); ok {
		return stop.err
	}
	if analysis.ErrorCode(err) != analysis.EINTERNAL {
		return err
	}
	return fmt.Errorf("store: export %s: %w", what, err)
}

// exportCursor walks rows whose first column is an article id, in the same
// article order as the main cursor, one article's rows at a time.
type exportCursor[T any] struct {
	rows *sql.Rows
	scan func(rows *sql.Rows, id *int64, row *T) error
	// pending is true when row, of article id, has been read but not yet
	// given to its article.
	pending bool
	done    bool
	id      int64
	row     T
}

// each calls fn with every row of article id. Both cursors run in one
// order, so rows of articles the main cursor has passed cannot be left; a
// row of a later article stays pending.
func (c *exportCursor[T]) each(id int64, fn func(T)) error {
	for !c.done {
		if !c.pending {
			if !c.rows.Next() {
				c.done = true
				return c.rows.Err()
			}
			var row T
			if err := c.scan(c.rows, &c.id, &row); err != nil {
				return err
			}
			c.row, c.pending = row, true
		}
		if c.id != id {
			return nil
		}
		fn(c.row)
		c.pending = false
	}
	return nil
}

// EachExportHit calls fn for each hit of the filter's articles, article by
// article in the export order and by position within an article.
func (s *Store) EachExportHit(ctx context.Context, f ArticleFilter, fn func(ExportHit) error) error {
	where, args, order, err := exportQuery(f)
	if err != nil {
		return err
	}
	rows, err := s.read.QueryContext(ctx, `SELECT a.id, COALESCE(o.name, ''), COALESCE(a.published, ''),
			h.entry_index, h.term, h.pattern, h.frame, h.actor, h.valence, h.voice, h.span_start, h.span_end,
			h.scare_quote, h.so_called, an.lexicon_version`+exportFrom+`
		JOIN hits h ON h.analysis_id = an.id
		WHERE `+where+` ORDER BY `+order+`, h.seq`, args...)
	if err != nil {
		return exportWrap("hits", err)
	}
	defer rows.Close()
	for rows.Next() {
		var h ExportHit
		var voice string
		if err := rows.Scan(&h.ArticleID, &h.Outlet, &h.Published, &h.Entry, &h.Term, &h.Pattern, &h.Frame,
			&h.Actor, &h.Valence, &voice, &h.Start, &h.End, &h.ScareQuote, &h.SoCalled, &h.LexiconVersion); err != nil {
			return exportWrap("hits", err)
		}
		h.Voice = analysis.Voice(voice)
		if err := fn(h); err != nil {
			return err
		}
	}
	return exportWrap("hits", rows.Err())
}

// EachExportQuote calls fn for each quote of the filter's articles, article
// by article in the export order and by position within an article.
func (s *Store) EachExportQuote(ctx context.Context, f ArticleFilter, fn func(ExportQuote) error) error {
	where, args, order, err := exportQuery(f)
	if err != nil {
		return err
	}
	rows, err := s.read.QueryContext(ctx, `SELECT a.id, COALESCE(o.name, ''), COALESCE(a.published, ''),
			q.kind, q.speaker, q.mention, q.mention_start, q.mention_end, q.cue, q.side, q.span_start, q.span_end,
			q.words, `+storeQuoteTextSQL+`, an.registry_version`+exportFrom+`
		JOIN quotes q ON q.analysis_id = an.id
		WHERE `+where+` ORDER BY `+order+`, q.seq`, args...)
	if err != nil {
		return exportWrap("quotes", err)
	}
	defer rows.Close()
	for rows.Next() {
		var q ExportQuote
		var kind string
		if err := rows.Scan(&q.ArticleID, &q.Outlet, &q.Published, &kind, &q.Speaker, &q.Mention, &q.MentionStart,
			&q.MentionEnd, &q.Cue, &q.Side, &q.Start, &q.End, &q.Words, &q.Text, &q.RegistryVersion); err != nil {
			return exportWrap("quotes", err)
		}
		q.Kind = analysis.QuoteKind(kind)
		if err := fn(q); err != nil {
			return err
		}
	}
	return exportWrap("quotes", rows.Err())
}

// EachExportSource calls fn for each speaker of the filter's articles,
// article by article in the export order and, within an article, in the
// analysis's order (most attributions first).
func (s *Store) EachExportSource(ctx context.Context, f ArticleFilter, fn func(ExportSource) error) error {
	where, args, order, err := exportQuery(f)
	if err != nil {
		return err
	}
	rows, err := s.read.QueryContext(ctx, `SELECT a.id, COALESCE(o.name, ''), COALESCE(a.published, ''),
			src.name, src.side, src.role, src.direct, src.reported, src.words, an.registry_version`+exportFrom+`
		JOIN sources src ON src.analysis_id = an.id
		WHERE `+where+` ORDER BY `+order+`, src.seq`, args...)
	if err != nil {
		return exportWrap("sources", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r ExportSource
		if err := rows.Scan(&r.ArticleID, &r.Outlet, &r.Published, &r.Name, &r.Side, &r.Role, &r.Direct,
			&r.Reported, &r.Words, &r.RegistryVersion); err != nil {
			return exportWrap("sources", err)
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return exportWrap("sources", rows.Err())
}

// ExportTotals sums the filter's articles per outlet, or per outlet and
// month when byMonth is set, ordered by outlet and month, with the export's
// frames and sides; all from one snapshot. The sums are those of FrameTotals
// and SideTotals grouped by outlet (or month).
func (s *Store) ExportTotals(ctx context.Context, f ArticleFilter, byMonth bool) ([]ExportTotal, ExportDims, error) {
	where, args, _, err := exportQuery(f)
	if err != nil {
		return nil, ExportDims{}, err
	}
	month := `''`
	if byMonth {
		month = scoreGroups["month"]
	}
	group := scoreGroups["outlet"] + ` AS g_outlet, ` + month + ` AS g_month`
	type key struct{ outlet, month string }
	var out []ExportTotal
	var dims ExportDims
	err = s.readTx(ctx, func(tx *sql.Tx) error {
		var err error
		if dims, err = exportDims(ctx, tx, where, args); err != nil {
			return err
		}
		idx := map[key]int{}
		err = storeEach(ctx, tx, `SELECT `+group+`, COUNT(*), COALESCE(SUM(a.words), 0),
				COALESCE(SUM(sc.hits), 0), COALESCE(SUM(sc.quotes), 0), COALESCE(SUM(sc.unassigned), 0),
				COUNT(CASE WHEN sc.quotes > sc.unassigned THEN 1 END),
				COALESCE(AVG(CASE WHEN sc.quotes > sc.unassigned THEN sc.balance END), 0),
				COALESCE(AVG(CASE WHEN sc.quotes > sc.unassigned THEN sc.balance_words END), 0)`+
			exportFrom+` WHERE `+where+` GROUP BY g_outlet, g_month ORDER BY g_outlet, g_month`, args,
			func(rows *sql.Rows) error {
				t := ExportTotal{Frames: map[string]FrameTotal{}, Sides: map[string]SideTotal{}}
				if err := rows.Scan(&t.Outlet, &t.Month, &t.Articles, &t.Words, &t.Hits, &t.Quotes, &t.Unassigned,
					&t.BalancedArticles, &t.MeanBalance, &t.MeanBalanceWords); err != nil {
					return err
				}
				idx[key{t.Outlet, t.Month}] = len(out)
				out = append(out, t)
				return nil
			})
		if err != nil {
			return err
		}
		err = storeEach(ctx, tx, `SELECT `+group+`, fs.frame, COUNT(DISTINCT a.id), SUM(fs.count), SUM(fs.own),
				SUM(fs.quoted), SUM(fs.reported)`+exportFrom+` JOIN frame_scores fs ON fs.analysis_id = an.id
			WHERE fs.count > 0 AND `+where+` GROUP BY g_outlet, g_month, fs.frame`, args,
			func(rows *sql.Rows) error {
				var k key
				var ft FrameTotal
				if err := rows.Scan(&k.outlet, &k.month, &ft.Frame, &ft.Articles, &ft.Count, &ft.Own, &ft.Quoted,
					&ft.Reported); err != nil {
					return err
				}
				t := &out[idx[k]]
				ft.Group, ft.Words = k.outlet, t.Words
				if t.Words > 0 {
					ft.Per1000 = float64(ft.Count) * 1000 / float64(t.Words)
					ft.Per1000Own = float64(ft.Own) * 1000 / float64(t.Words)
				}
				t.Frames[ft.Frame] = ft
				return nil
			})
		if err != nil {
			return err
		}
		return storeEach(ctx, tx, `SELECT `+group+`, ss.side, COUNT(DISTINCT a.id), SUM(ss.attributions),
				SUM(ss.words)`+exportFrom+` JOIN side_scores ss ON ss.analysis_id = an.id
			WHERE ss.attributions > 0 AND `+where+` GROUP BY g_outlet, g_month, ss.side`, args,
			func(rows *sql.Rows) error {
				var k key
				var st SideTotal
				if err := rows.Scan(&k.outlet, &k.month, &st.Side, &st.Articles, &st.Attributions, &st.Words); err != nil {
					return err
				}
				st.Group = k.outlet
				out[idx[k]].Sides[st.Side] = st
				return nil
			})
	})
	if err != nil {
		return nil, ExportDims{}, exportWrap("totals", err)
	}
	for i := range out {
		exportShares(&out[i])
	}
	return out, dims, nil
}

// exportShares sets a group's attributions to known sides and each known
// side's shares of them and of their words.
func exportShares(t *ExportTotal) {
	words := 0
	for name, st := range t.Sides {
		if name != analysis.SideUnassigned && name != "" {
			t.Attributions += st.Attributions
			words += st.Words
		}
	}
	for name, st := range t.Sides {
		if name == analysis.SideUnassigned || name == "" {
			continue
		}
		if t.Attributions > 0 {
			st.Share = float64(st.Attributions) / float64(t.Attributions)
		}
		if words > 0 {
			st.WordsShare = float64(st.Words) / float64(words)
		}
		t.Sides[name] = st
	}
}
