package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"fmt"
)

// RawHash returns the key an article's raw input is found by: the first
// eight bytes of its SHA-256 as an integer, which keeps the index small. A
// match is only a candidate; the store compares the inputs themselves, so a
// collision can never make two articles one.
func RawHash(raw []byte) int64 {
	sum := sha256.Sum256(raw)
	return int64(binary.BigEndian.Uint64(sum[:8]))
}

// rawHashSetting marks a database whose articles all have their raw_hash
// (0006_raw_hash.sql); a database that held articles before that migration
// lacks it until ensureRawHashes has hashed them.
const rawHashSetting = "raw_hash"

// rawHashChunk is how many articles ensureRawHashes reads at a time.
const rawHashChunk = 500

// ensureRawHashes works out the raw_hash of the articles stored before
// raw_hash existed, once, in one transaction: a re-import of their input
// after an engine upgrade then finds them (see 0006_raw_hash.sql).
func (s *Store) ensureRawHashes(ctx context.Context) error {
	// Nearly always done already: look before taking the write lock.
	var done int
	if err := s.write.QueryRowContext(ctx, `SELECT COUNT(*) FROM settings WHERE key = ?`, rawHashSetting).Scan(&done); err != nil {
		return fmt.Errorf("store: hash the raw input of stored articles: %w", err)
	}
	if done > 0 {
		return nil
	}
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM settings WHERE key = ?`, rawHashSetting).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return nil
		}
		type row struct {
			id   int64
			hash int64
		}
		var after int64
		for {
			// Read a chunk, then write it: the update must not run
			// while the query over the same rows is open.
			var todo []row
			read := 0
			err := storeEach(ctx, tx, `SELECT id, raw FROM articles WHERE id > ? AND raw_hash IS NULL
				ORDER BY id LIMIT ?`, []any{after, rawHashChunk}, func(rows *sql.Rows) error {
				var id int64
				var raw sql.RawBytes
				if err := rows.Scan(&id, &raw); err != nil {
					return err
				}
				after = id
				read++
				if len(raw) > 0 {
					todo = append(todo, row{id, RawHash(raw)})
				}
				return nil
			})
			if err != nil {
				return err
			}
			for _, r := range todo {
				if _, err := tx.ExecContext(ctx, `UPDATE articles SET raw_hash = ? WHERE id = ?`, r.hash, r.id); err != nil {
					return err
				}
			}
			if read < rawHashChunk {
				break
			}
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, 'v1')`, rawHashSetting)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: hash the raw input of stored articles: %w", err)
	}
	return nil
}
