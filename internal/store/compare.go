package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/framinglens/framinglens/internal/analysis"
)

// This file holds the reads behind the outlets table and the comparison
// page: per-outlet totals kept on write (migration 0002), and per-article
// score rows of a few outlets read through covering indexes.

// OutletFrameTotal is one frame's hits in an outlet's articles.
type OutletFrameTotal struct {
	Frame    string
	Articles int // articles with at least one hit of the frame
	Count    int
	Own      int
}

// OutletSideTotal is one side's attributions in an outlet's articles.
type OutletSideTotal struct {
	Side         string
	Articles     int // articles quoting the side
	Attributions int
	Words        int // words of the side's quotes
}

// OutletEntryTotal is one lexicon entry's hits in an outlet's articles.
type OutletEntryTotal struct {
	Pattern string
	Actor   string
	Frame   string
	Count   int
	Own     int
}

// OutletTotal sums an outlet's analysed articles.
type OutletTotal struct {
	ID      int64
	Name    string
	Aliases []string
	// Articles and Words count the analysed articles and their words.
	Articles int
	Words    int
	// BalanceArticles counts the articles quoting at least one speaker of a
	// known side; BalanceSum and BalanceWordsSum add up their balance
	// indices (by attributions and by quoted words).
	BalanceArticles int
	BalanceSum      float64
	BalanceWordsSum float64
	Frames          []OutletFrameTotal // by frame name
	Sides           []OutletSideTotal  // by side name
	Entries         []OutletEntryTotal // by actor, then pattern
}

// MeanBalance is the mean balance index of the articles that have one, and
// false when none has.
func (t OutletTotal) MeanBalance() (float64, bool) {
	if t.BalanceArticles <= 0 {
		return 0, false
	}
	return t.BalanceSum / float64(t.BalanceArticles), true
}

// OutletTotals returns every outlet, ordered by name, with its totals. It
// reads the aggregates the store keeps on write, so it costs the same on a
// corpus of any size.
func (s *Store) OutletTotals(ctx context.Context) ([]OutletTotal, error) {
	var out []OutletTotal
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		idx := map[int64]int{}
		err := storeEach(ctx, tx, `SELECT o.id, o.name, COALESCE(t.articles, 0), COALESCE(t.words, 0),
				COALESCE(t.balance_articles, 0), COALESCE(t.balance_sum, 0), COALESCE(t.balance_words_sum, 0)
			FROM outlets o LEFT JOIN outlet_totals t ON t.outlet_id = o.id ORDER BY o.name_key`, nil,
			func(rows *sql.Rows) error {
				var t OutletTotal
				if err := rows.Scan(&t.ID, &t.Name, &t.Articles, &t.Words, &t.BalanceArticles, &t.BalanceSum, &t.BalanceWordsSum); err != nil {
					return err
				}
				idx[t.ID] = len(out)
				out = append(out, t)
				return nil
			})
		if err != nil {
			return err
		}
		at := func(id int64) *OutletTotal {
			if i, ok := idx[id]; ok {
				return &out[i]
			}
			return nil
		}
		return compareFillTotals(ctx, tx, "", nil, at)
	})
	if err != nil {
		return nil, fmt.Errorf("store: outlet totals: %w", err)
	}
	return out, nil
}

// compareFillTotals adds aliases, frames, sides and entries of the outlets
// matching cond (a condition on outlet_id; "" for all) to the totals at
// returns.
func compareFillTotals(ctx context.Context, tx *sql.Tx, cond string, args []any, at func(int64) *OutletTotal) error {
	where := func(col string) string {
		if cond == "" {
			return ""
		}
		return " WHERE " + strings.ReplaceAll(cond, "outlet_id", col)
	}
	err := storeEach(ctx, tx, `SELECT outlet_id, alias FROM outlet_aliases`+where("outlet_id")+` ORDER BY alias_key`, args,
		func(rows *sql.Rows) error {
			var id int64
			var alias string
			if err := rows.Scan(&id, &alias); err != nil {
				return err
			}
			if t := at(id); t != nil {
				t.Aliases = append(t.Aliases, alias)
			}
			return nil
		})
	if err != nil {
		return err
	}
	err = storeEach(ctx, tx, `SELECT outlet_id, frame, articles, count, own FROM outlet_frame_totals`+where("outlet_id")+`
		ORDER BY outlet_id, frame`, args, func(rows *sql.Rows) error {
		var id int64
		var f OutletFrameTotal
		if err := rows.Scan(&id, &f.Frame, &f.Articles, &f.Count, &f.Own); err != nil {
			return err
		}
		if t := at(id); t != nil && (f.Count != 0 || f.Articles != 0) {
			t.Frames = append(t.Frames, f)
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = storeEach(ctx, tx, `SELECT outlet_id, side, articles, attributions, words FROM outlet_side_totals`+where("outlet_id")+`
		ORDER BY outlet_id, side`, args, func(rows *sql.Rows) error {
		var id int64
		var sd OutletSideTotal
		if err := rows.Scan(&id, &sd.Side, &sd.Articles, &sd.Attributions, &sd.Words); err != nil {
			return err
		}
		if t := at(id); t != nil && sd.Attributions != 0 {
			t.Sides = append(t.Sides, sd)
		}
		return nil
	})
	if err != nil {
		return err
	}
	return storeEach(ctx, tx, `SELECT outlet_id, pattern, actor, frame, count, own FROM outlet_entry_totals`+where("outlet_id")+`
		ORDER BY outlet_id, actor, pattern, frame`, args, func(rows *sql.Rows) error {
		var id int64
		var e OutletEntryTotal
		if err := rows.Scan(&id, &e.Pattern, &e.Actor, &e.Frame, &e.Count, &e.Own); err != nil {
			return err
		}
		if t := at(id); t != nil && e.Count != 0 {
			t.Entries = append(t.Entries, e)
		}
		return nil
	})
}

// CompareFilter selects the articles of a comparison.
type CompareFilter struct {
	// Outlets are outlet names or aliases, each naming one outlet; an
	// unknown name is ENOTFOUND. Two names of the same outlet are EINVALID.
	Outlets []string
	// From and To bound the publication date, inclusive (YYYY-MM-DD).
	// Articles without a date are left out when either is set.
	From, To string
	// Query is a full-text query (see FTSQuery).
	Query string
}

// Filtered reports whether the filter narrows the outlets' articles.
func (f CompareFilter) Filtered() bool {
	return f.From != "" || f.To != "" || FTSQuery(f.Query) != ""
}

// CompareArticle is one analysed article's scores for the comparison.
type CompareArticle struct {
	ID        int64
	Outlet    int // index into CompareData.Outlets
	Published string
	Words     int
	// BalanceKnown is false when the article quotes no speaker of a known
	// side; Balance and BalanceWords are then 0 and mean nothing.
	BalanceKnown bool
	Balance      float64
	// BalanceWords is read only under a date or text filter, where the
	// outlets' totals are summed from the articles; 0 otherwise.
	BalanceWords float64
	// Frames holds the article's hit counts of the frames it has hits of,
	// in no particular order. The slices of all articles share one array.
	Frames []CompareFrameCount
}

// CompareFrameCount is an article's hits of one frame, in all voices and
// in the outlet's own voice.
type CompareFrameCount struct {
	Frame      string
	Count, Own int
}

// FrameCount returns the article's hits of frame (all voices, own voice),
// 0 and 0 when it has none.
func (a CompareArticle) FrameCount(frame string) (count, own int) {
	for _, f := range a.Frames {
		if f.Frame == frame {
			return f.Count, f.Own
		}
	}
	return 0, 0
}

// CompareData is everything the comparison page computes from: the chosen
// outlets' totals (over the filtered articles) and their articles' scores.
// Articles are grouped by outlet in the order of Outlets, each outlet's by
// date (undated first), then id.
type CompareData struct {
	// Outlets are in the order asked for; their Articles, Words, Frames,
	// Sides and Entries count only the selected articles.
	Outlets  []OutletTotal
	Articles []CompareArticle
}

// Compare reads the outlets' articles that the filter selects, each with
// its frame counts, and their totals. The articles' score and frame rows
// come through the covering indexes as one aggregate row per outlet (see
// compareReadPacked). Without a date or text filter the totals come from
// the aggregates kept on write; with one they are summed from the selected
// articles' rows.
func (s *Store) Compare(ctx context.Context, f CompareFilter) (CompareData, error) {
	return s.compare(ctx, f, compareReadPacked)
}

// compareReader reads the selected articles' scores into d.Articles.
type compareReader func(ctx context.Context, tx *sql.Tx, cond string, args []any, pos map[int64]int, withBalanceWords bool, d *CompareData) error

// compare is Compare with the articles read by read (compareReadPacked,
// falling back to compareReadRows). Each outlet's articles are read on a
// read transaction of their own, the outlets concurrently, while the totals
// are read on another: a write landing between those transactions can make
// the outlets reflect slightly different moments, as any page made of
// several queries can; it also changes the corpus version, so a cached
// report is rebuilt on the next request.
func (s *Store) compare(ctx context.Context, f CompareFilter, read compareReader) (CompareData, error) {
	var d CompareData
	var ids []int64
	idArgs := []any{}
	pos := map[int64]int{}
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		var err error
		ids, err = compareResolve(ctx, tx, f.Outlets)
		if err != nil {
			return err
		}
		d.Outlets = make([]OutletTotal, len(ids))
		for i, id := range ids {
			pos[id] = i
			idArgs = append(idArgs, id)
			d.Outlets[i].ID = id
			if err := tx.QueryRowContext(ctx, `SELECT name FROM outlets WHERE id = ?`, id).Scan(&d.Outlets[i].Name); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return CompareData{}, fmt.Errorf("store: compare outlets: %w", err)
	}
	cond, args, err := compareCond(f, idArgs)
	if err != nil {
		return CompareData{}, fmt.Errorf("store: compare outlets: %w", err)
	}
	at := func(id int64) *OutletTotal {
		if i, ok := pos[id]; ok {
			return &d.Outlets[i]
		}
		return nil
	}

	// The articles, one goroutine and transaction per outlet.
	parts := make([][]CompareArticle, len(ids))
	errs := make([]error, len(ids))
	var wg sync.WaitGroup
	for i, id := range ids {
		wg.Go(func() {
			errs[i] = s.readTx(ctx, func(tx *sql.Tx) error {
				cond, args, err := compareCond(f, []any{id})
				if err != nil {
					return err
				}
				part := CompareData{Outlets: make([]OutletTotal, len(ids))}
				one := map[int64]int{id: i}
				err = read(ctx, tx, cond, args, one, f.Filtered(), &part)
				if errors.Is(err, errComparePacked) {
					part.Articles = nil
					err = compareReadRows(ctx, tx, cond, args, one, f.Filtered(), &part)
				}
				parts[i] = part.Articles
				return err
			})
		})
	}
	// Meanwhile, the totals kept on write when nothing is filtered.
	var totalsErr error
	if !f.Filtered() {
		totalsErr = s.readTx(ctx, func(tx *sql.Tx) error {
			err := storeEach(ctx, tx, `SELECT outlet_id, articles, words, balance_articles, balance_sum, balance_words_sum
				FROM outlet_totals WHERE outlet_id IN (`+storePlaceholders(len(ids))+`)`, idArgs, func(rows *sql.Rows) error {
				var id int64
				var t OutletTotal
				if err := rows.Scan(&id, &t.Articles, &t.Words, &t.BalanceArticles, &t.BalanceSum, &t.BalanceWordsSum); err != nil {
					return err
				}
				o := at(id)
				o.Articles, o.Words, o.BalanceArticles, o.BalanceSum, o.BalanceWordsSum = t.Articles, t.Words, t.BalanceArticles, t.BalanceSum, t.BalanceWordsSum
				return nil
			})
			if err != nil {
				return err
			}
			return compareFillTotals(ctx, tx, "outlet_id IN ("+storePlaceholders(len(ids))+")", idArgs, at)
		})
	}
	wg.Wait()
	if err := errors.Join(append(errs, totalsErr)...); err != nil {
		return CompareData{}, fmt.Errorf("store: compare outlets: %w", err)
	}
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	d.Articles = make([]CompareArticle, 0, n)
	for _, p := range parts {
		d.Articles = append(d.Articles, p...)
	}
	if f.Filtered() {
		err := s.readTx(ctx, func(tx *sql.Tx) error {
			return compareSumFiltered(ctx, tx, cond, args, idArgs, at, &d)
		})
		if err != nil {
			return CompareData{}, fmt.Errorf("store: compare outlets: %w", err)
		}
	}
	return d, nil
}

// compareResolve maps outlet names or aliases to ids, in order.
func compareResolve(ctx context.Context, tx *sql.Tx, names []string) ([]int64, error) {
	seen := map[int64]string{}
	ids := make([]int64, 0, len(names))
	for _, n := range names {
		id, ok, err := outletLookup(ctx, tx, n)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, analysis.Errorf(analysis.ENOTFOUND, "outlet %q not found", n)
		}
		if prev, dup := seen[id]; dup {
			return nil, analysis.Errorf(analysis.EINVALID, "%q and %q name the same outlet", prev, n)
		}
		seen[id] = n
		ids = append(ids, id)
	}
	return ids, nil
}

// compareCond is the condition selecting the filtered score rows of the
// outlets (over a table with outlet_id, published and article_id columns).
func compareCond(f CompareFilter, idArgs []any) (string, []any, error) {
	conds := []string{"outlet_id IN (" + storePlaceholders(len(idArgs)) + ")"}
	args := append([]any{}, idArgs...)
	for _, b := range []struct{ name, value, op string }{{"from", f.From, ">="}, {"to", f.To, "<="}} {
		if b.value == "" {
			continue
		}
		d := articlePublishedDate(b.value)
		if !d.Valid {
			return "", nil, analysis.Errorf(analysis.EINVALID, "%s date %q is not YYYY-MM-DD", b.name, b.value)
		}
		conds = append(conds, "published "+b.op+" ?")
		args = append(args, d.String)
	}
	if q := FTSQuery(f.Query); q != "" {
		conds = append(conds, "article_id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
		args = append(args, q)
	}
	return strings.Join(conds, " AND "), args, nil
}

// compareReadRows reads the selected articles' scores and frame counts one
// row at a time: the slower way, for the rare text that holds a packing
// separator (see compareReadPacked).
func compareReadRows(ctx context.Context, tx *sql.Tx, cond string, args []any, pos map[int64]int, withBalanceWords bool, d *CompareData) error {
	byID := map[int64]int{}
	err := storeEach(ctx, tx, `SELECT outlet_id, published, article_id, words, quotes > unassigned, balance, balance_words
		FROM article_scores INDEXED BY article_scores_compare WHERE `+cond+` ORDER BY outlet_id, published, article_id`, args,
		func(rows *sql.Rows) error {
			var a CompareArticle
			var outlet int64
			var published sql.NullString
			if err := rows.Scan(&outlet, &published, &a.ID, &a.Words, &a.BalanceKnown, &a.Balance, &a.BalanceWords); err != nil {
				return err
			}
			a.Outlet, a.Published = pos[outlet], published.String
			if !a.BalanceKnown {
				a.Balance, a.BalanceWords = 0, 0
			}
			if !withBalanceWords {
				a.BalanceWords = 0
			}
			d.Articles = append(d.Articles, a)
			return nil
		})
	if err != nil {
		return err
	}
	// Outlets in the order asked for, as compareReadPacked has them.
	slices.SortStableFunc(d.Articles, func(a, b CompareArticle) int { return a.Outlet - b.Outlet })
	for i, a := range d.Articles {
		byID[a.ID] = i
	}
	return storeEach(ctx, tx, `SELECT article_id, frame, count, own FROM frame_scores INDEXED BY frame_scores_compare
		WHERE `+cond+` AND count > 0`, args, func(rows *sql.Rows) error {
		var id int64
		var f CompareFrameCount
		if err := rows.Scan(&id, &f.Frame, &f.Count, &f.Own); err != nil {
			return err
		}
		if i, ok := byID[id]; ok {
			d.Articles[i].Frames = append(d.Articles[i].Frames, f)
		}
		return nil
	})
}

// compareSumFiltered sums the totals of the selected articles from their
// score rows, for a comparison with a date or text filter.
func compareSumFiltered(ctx context.Context, tx *sql.Tx, cond string, args, idArgs []any, at func(int64) *OutletTotal, d *CompareData) error {
	frames := make([]map[string]*OutletFrameTotal, len(d.Outlets))
	for _, a := range d.Articles {
		t := &d.Outlets[a.Outlet]
		t.Articles++
		t.Words += a.Words
		if a.BalanceKnown {
			t.BalanceArticles++
			t.BalanceSum += a.Balance
			t.BalanceWordsSum += a.BalanceWords
		}
		if frames[a.Outlet] == nil {
			frames[a.Outlet] = map[string]*OutletFrameTotal{}
		}
		for _, n := range a.Frames {
			f := frames[a.Outlet][n.Frame]
			if f == nil {
				f = &OutletFrameTotal{Frame: n.Frame}
				frames[a.Outlet][n.Frame] = f
			}
			f.Articles++
			f.Count += n.Count
			f.Own += n.Own
		}
	}
	for i, m := range frames {
		for _, name := range storeSortedKeys(m) {
			d.Outlets[i].Frames = append(d.Outlets[i].Frames, *m[name])
		}
	}
	err := storeEach(ctx, tx, `SELECT outlet_id, alias FROM outlet_aliases WHERE outlet_id IN (`+storePlaceholders(len(idArgs))+`)
		ORDER BY alias_key`, idArgs, func(rows *sql.Rows) error {
		var id int64
		var alias string
		if err := rows.Scan(&id, &alias); err != nil {
			return err
		}
		at(id).Aliases = append(at(id).Aliases, alias)
		return nil
	})
	if err != nil {
		return err
	}
	err = storeEach(ctx, tx, `SELECT outlet_id, side, SUM(attributions > 0), SUM(attributions), SUM(words)
		FROM side_scores WHERE `+cond+` AND attributions > 0 GROUP BY outlet_id, side ORDER BY outlet_id, side`, args,
		func(rows *sql.Rows) error {
			var id int64
			var sd OutletSideTotal
			if err := rows.Scan(&id, &sd.Side, &sd.Articles, &sd.Attributions, &sd.Words); err != nil {
				return err
			}
			at(id).Sides = append(at(id).Sides, sd)
			return nil
		})
	if err != nil {
		return err
	}
	// entry_scores has no date column: its rows are picked by article.
	eargs := append(append([]any{}, idArgs...), args...)
	return storeEach(ctx, tx, `SELECT outlet_id, pattern, actor, frame, SUM(count), SUM(own) FROM entry_scores
		WHERE outlet_id IN (`+storePlaceholders(len(idArgs))+`)
			AND article_id IN (SELECT article_id FROM article_scores WHERE `+cond+`)
		GROUP BY outlet_id, actor, pattern, frame HAVING SUM(count) > 0 ORDER BY outlet_id, actor, pattern, frame`, eargs,
		func(rows *sql.Rows) error {
			var id int64
			var e OutletEntryTotal
			if err := rows.Scan(&id, &e.Pattern, &e.Actor, &e.Frame, &e.Count, &e.Own); err != nil {
				return err
			}
			at(id).Entries = append(at(id).Entries, e)
			return nil
		})
}

// OutletWords returns each outlet's word frequencies (see ContentWords)
// over all its articles, and each outlet's total of content words. The
// counts are kept on write; a database that predates them is recounted
// first.
func (s *Store) OutletWords(ctx context.Context, outlets []int64) (counts []map[string]int, totals []int, err error) {
	if _, err := s.EnsureOutletWords(ctx); err != nil {
		return nil, nil, err
	}
	counts = make([]map[string]int, len(outlets))
	totals = make([]int, len(outlets))
	err = s.readTx(ctx, func(tx *sql.Tx) error {
		for i, id := range outlets {
			list, err := storeOutletWordList(ctx, tx, id)
			if err != nil {
				return err
			}
			m := make(map[string]int, len(list))
			for _, e := range list {
				m[e.word] = int(e.n)
				totals[i] += int(e.n)
			}
			counts[i] = m
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("store: outlet word counts: %w", err)
	}
	return counts, totals, nil
}

// SampleTexts returns the texts of up to limit articles of each outlet that
// the filter selects, newest first, for counting words when the filter
// rules out the kept totals.
func (s *Store) SampleTexts(ctx context.Context, f CompareFilter, limit int) ([][]string, error) {
	var out [][]string
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		ids, err := compareResolve(ctx, tx, f.Outlets)
		if err != nil {
			return err
		}
		for _, id := range ids {
			cond, args, err := compareCond(f, []any{id})
			if err != nil {
				return err
			}
			var texts []string
			err = storeEach(ctx, tx, `SELECT a.text FROM articles a WHERE a.id IN (SELECT article_id FROM article_scores WHERE `+cond+`
				ORDER BY published DESC, article_id DESC LIMIT ?)`, append(args, limit), func(rows *sql.Rows) error {
				var t string
				if err := rows.Scan(&t); err != nil {
					return err
				}
				texts = append(texts, t)
				return nil
			})
			if err != nil {
				return err
			}
			out = append(out, texts)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: sample texts: %w", err)
	}
	return out, nil
}

// CorpusVersion returns a number that changes with every change to scores,
// outlets or aliases, for caching figures computed from them.
func (s *Store) CorpusVersion(ctx context.Context) (int64, error) {
	var n int64
	if err := s.read.QueryRowContext(ctx, `SELECT n FROM corpus_version WHERE id = 1`).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: corpus version: %w", err)
	}
	return n, nil
}
