package store

import (
	"context"
	"database/sql"
	"fmt"
)

// textsChunk keeps each IN list well under SQLite's default limit of
// 32,766 bound parameters while still reading many articles per query.
const textsChunk = 500

// TextsByID returns the cleaned text of each article in ids that
// exists, keyed by id, read in one transaction. It reads only the text
// column: pages that search inside many articles (a word in context) must
// not load each article's raw upload and metadata one query at a time.
func (s *Store) TextsByID(ctx context.Context, ids []int64) (map[int64]string, error) {
	out := make(map[int64]string, len(ids))
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		for from := 0; from < len(ids); from += textsChunk {
			chunk := ids[from:min(from+textsChunk, len(ids))]
			args := make([]any, len(chunk))
			for i, id := range chunk {
				args[i] = id
			}
			q := `SELECT id, text FROM articles WHERE id IN (` + storePlaceholders(len(chunk)) + `)`
			rows, err := tx.QueryContext(ctx, q, args...)
			if err != nil {
				return err
			}
			for rows.Next() {
				var id int64
				var text string
				if err := rows.Scan(&id, &text); err != nil {
					rows.Close()
					return err
				}
				out[id] = text
			}
			if err := rows.Close(); err != nil {
				return err
			}
			if err := rows.Err(); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: texts by id: %w", err)
	}
	return out, nil
}
