package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode"
)

// FTSQuery turns what a user typed into a safe FTS5 query: every word
// becomes a quoted string, so FTS5 operators (AND, OR, NOT, NEAR), column
// filters (title:), quotes, parentheses and carets are matched as text and
// can never make the query fail to parse. A word ending in "*" keeps it as
// a prefix search ("jihad*"). The words are ANDed. Words with no letter or
// digit are dropped; the result is "" when none is left.
func FTSQuery(q string) string {
	var parts []string
	for _, w := range strings.Fields(q) {
		prefix := strings.HasSuffix(w, "*")
		w = strings.TrimRight(w, "*")
		if !strings.ContainsFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			continue
		}
		p := `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
		if prefix {
			p += "*"
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, " ")
}

// Search returns up to limit articles matching q, best match first. q is
// plain words (see FTSQuery); an empty or word-less q finds nothing.
func (s *Store) Search(ctx context.Context, q string, limit int) ([]ArticleRow, error) {
	fq := FTSQuery(q)
	if fq == "" {
		return []ArticleRow{}, nil
	}
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	var out []ArticleRow
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, articleRowSelect+`
			JOIN (SELECT rowid AS id, rank FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?) m
				ON m.id = a.id
			ORDER BY m.rank, a.id`, fq, limit)
		if err != nil {
			return err
		}
		out, err = scanArticleRows(rows)
		if err != nil {
			return err
		}
		return fillTopFrames(ctx, tx, out)
	})
	if err != nil {
		return nil, fmt.Errorf("store: search %q: %w", q, err)
	}
	return out, nil
}
