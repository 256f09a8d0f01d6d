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

// Markers around the matched words in ArticleRow.Snippet. They are control
// characters that cleaned text never holds, so a renderer can escape the
// snippet as text and then turn the markers into highlighting.
const (
	SnippetOpen  = "\x02"
	SnippetClose = "\x03"
)

// Search returns up to limit articles matching q, best match first, each
// with a Snippet of its text around the matched words. q is plain words
// (see FTSQuery); an empty or word-less q finds nothing.
func (s *Store) Search(ctx context.Context, q string, limit int) ([]ArticleRow, error) {
	fq := FTSQuery(q)
	if fq == "" {
		return []ArticleRow{}, nil
	}
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	out := []ArticleRow{}
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT rowid, snippet(articles_fts, 1, ?, ?, '…', 16)
			FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?`, SnippetOpen, SnippetClose, fq, limit)
		if err != nil {
			return err
		}
		var ids []any
		snippets := map[int64]string{}
		for rows.Next() {
			var id int64
			var snip string
			if err := rows.Scan(&id, &snip); err != nil {
				rows.Close()
				return err
			}
			ids = append(ids, id)
			snippets[id] = snip
		}
		rows.Close()
		if err := rows.Err(); err != nil || len(ids) == 0 {
			return err
		}
		rows, err = tx.QueryContext(ctx, articleRowSelect+` WHERE a.id IN (`+storePlaceholders(len(ids))+`)`, ids...)
		if err != nil {
			return err
		}
		found, err := scanArticleRows(rows)
		if err != nil {
			return err
		}
		byID := make(map[int64]ArticleRow, len(found))
		for _, r := range found {
			r.Snippet = snippets[r.ID]
			byID[r.ID] = r
		}
		out = out[:0]
		for _, id := range ids {
			if r, ok := byID[id.(int64)]; ok {
				out = append(out, r)
			}
		}
		return fillTopFrames(ctx, tx, out)
	})
	if err != nil {
		return nil, fmt.Errorf("store: search %q: %w", q, err)
	}
	return out, nil
}
