package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/framinglens/framinglens/internal/analysis"
)

// Group-by keys of the dashboard totals, and the SQL expression each groups
// articles a (and their outlet o) by. Only these are accepted.
var scoreGroups = map[string]string{
	"":       `''`,
	"outlet": `COALESCE(o.name, '')`,
	"year":   `COALESCE(substr(a.published_date, 1, 4), '')`,
	"month":  `COALESCE(substr(a.published_date, 1, 7), '')`,
	"day":    `COALESCE(a.published_date, '')`,
}

// FrameTotal sums one frame over a group of articles.
type FrameTotal struct {
	// Group is the outlet name, year (YYYY), month (YYYY-MM) or day
	// (YYYY-MM-DD) of the group, "" for no grouping or an unknown value.
	Group    string `json:"group"`
	Frame    string `json:"frame"`
	Articles int    `json:"articles"` // articles of the group with at least one hit of the frame
	Count    int    `json:"count"`
	Own      int    `json:"own"`
	Quoted   int    `json:"quoted"`
	Reported int    `json:"reported"`
	// Words is the word count of all the group's articles, with or without
	// hits of the frame; the rates are per 1,000 of them.
	Words      int     `json:"words"`
	Per1000    float64 `json:"per_1000"`
	Per1000Own float64 `json:"per_1000_own"`
}

// FrameTotals sums frame hits of the selected articles per group ("",
// "outlet", "year", "month" or "day"; anything else is EINVALID), ordered by
// group and frame.
func (s *Store) FrameTotals(ctx context.Context, f ArticleFilter, by string) ([]FrameTotal, error) {
	group, ok := scoreGroups[by]
	if !ok {
		return nil, analysis.Errorf(analysis.EINVALID, "cannot group by %q", by)
	}
	where, args, err := storeArticleWhere(f)
	if err != nil {
		return nil, err
	}
	out := []FrameTotal{}
	err = s.readTx(ctx, func(tx *sql.Tx) error {
		words, err := scoreGroupWords(ctx, tx, group, where, args)
		if err != nil {
			return err
		}
		return storeEach(ctx, tx, `SELECT `+group+` AS g, fs.frame, COUNT(DISTINCT fs.article_id), SUM(fs.count),
				SUM(fs.own), SUM(fs.quoted), SUM(fs.reported)
			FROM frame_scores fs
			JOIN articles a ON a.id = fs.article_id
			LEFT JOIN outlets o ON o.id = a.outlet_id
			WHERE fs.count > 0 AND `+where+`
			GROUP BY g, fs.frame ORDER BY g, fs.frame`, args, func(rows *sql.Rows) error {
			var t FrameTotal
			if err := rows.Scan(&t.Group, &t.Frame, &t.Articles, &t.Count, &t.Own, &t.Quoted, &t.Reported); err != nil {
				return err
			}
			t.Words = words[t.Group]
			if t.Words > 0 {
				t.Per1000 = float64(t.Count) * 1000 / float64(t.Words)
				t.Per1000Own = float64(t.Own) * 1000 / float64(t.Words)
			}
			out = append(out, t)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("store: frame totals by %q: %w", by, err)
	}
	return out, nil
}

// scoreGroupWords returns the word count of the selected articles per group.
func scoreGroupWords(ctx context.Context, tx *sql.Tx, group, where string, args []any) (map[string]int, error) {
	words := map[string]int{}
	err := storeEach(ctx, tx, `SELECT `+group+` AS g, COALESCE(SUM(a.words), 0)
		FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id
		WHERE `+where+` GROUP BY g`, args, func(rows *sql.Rows) error {
		var g string
		var n int
		if err := rows.Scan(&g, &n); err != nil {
			return err
		}
		words[g] = n
		return nil
	})
	return words, err
}

// SideTotal sums one side's attributions over a group of articles.
type SideTotal struct {
	Group        string `json:"group"`
	Side         string `json:"side"`
	Articles     int    `json:"articles"` // articles of the group quoting the side
	Attributions int    `json:"attributions"`
	Words        int    `json:"words"` // words of the side's quotes
	// Share and WordsShare are the side's part of the group's attributions
	// and quoted words with a known side; 0 for SideUnassigned.
	Share      float64 `json:"share"`
	WordsShare float64 `json:"words_share"`
}

// SideTotals sums the attributions of the selected articles per group (see
// FrameTotals) and side, ordered by group and side.
func (s *Store) SideTotals(ctx context.Context, f ArticleFilter, by string) ([]SideTotal, error) {
	group, ok := scoreGroups[by]
	if !ok {
		return nil, analysis.Errorf(analysis.EINVALID, "cannot group by %q", by)
	}
	where, args, err := storeArticleWhere(f)
	if err != nil {
		return nil, err
	}
	out := []SideTotal{}
	err = s.readTx(ctx, func(tx *sql.Tx) error {
		return storeEach(ctx, tx, `SELECT `+group+` AS g, ss.side, COUNT(DISTINCT ss.article_id),
				SUM(ss.attributions), SUM(ss.words)
			FROM side_scores ss
			JOIN articles a ON a.id = ss.article_id
			LEFT JOIN outlets o ON o.id = a.outlet_id
			WHERE ss.attributions > 0 AND `+where+`
			GROUP BY g, ss.side ORDER BY g, ss.side`, args, func(rows *sql.Rows) error {
			var t SideTotal
			if err := rows.Scan(&t.Group, &t.Side, &t.Articles, &t.Attributions, &t.Words); err != nil {
				return err
			}
			out = append(out, t)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("store: side totals by %q: %w", by, err)
	}
	type sum struct{ attributions, words int }
	known := map[string]*sum{}
	for _, t := range out {
		if t.Side == analysis.SideUnassigned {
			continue
		}
		if known[t.Group] == nil {
			known[t.Group] = &sum{}
		}
		known[t.Group].attributions += t.Attributions
		known[t.Group].words += t.Words
	}
	for i := range out {
		t := &out[i]
		k := known[t.Group]
		if t.Side == analysis.SideUnassigned || k == nil {
			continue
		}
		if k.attributions > 0 {
			t.Share = float64(t.Attributions) / float64(k.attributions)
		}
		if k.words > 0 {
			t.WordsShare = float64(t.Words) / float64(k.words)
		}
	}
	return out, nil
}
