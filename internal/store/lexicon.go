package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/framinglens/framinglens/internal/analysis"
)

// SaveLexicon stores a version of a lexicon. Saving a version that is stored
// already writes no rows but makes that version the latest again, so that
// going back to an earlier lexicon works.
func (s *Store) SaveLexicon(ctx context.Context, l *analysis.Lexicon) error {
	if l == nil || strings.TrimSpace(l.Name) == "" {
		return analysis.Errorf(analysis.EINVALID, "lexicon has no name")
	}
	if l.Version == "" {
		return analysis.Errorf(analysis.EINVALID, "lexicon %q has no version", l.Name)
	}
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		id, fresh, err := storeVersionRow(ctx, tx, "lexicons", l.Name, l.Version)
		if err != nil || !fresh {
			return err
		}
		for i, f := range l.Frames {
			if _, err := tx.ExecContext(ctx, `INSERT INTO lexicon_frames (lexicon_id, seq, name, description)
				VALUES (?, ?, ?, ?)`, id, i, f.Name, f.Description); err != nil {
				return err
			}
		}
		stmt, err := tx.PrepareContext(ctx, `INSERT INTO lexicon_entries (lexicon_id, seq, pattern, frame, actor, valence, note)
			VALUES (?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for i, e := range l.Entries {
			if _, err := stmt.ExecContext(ctx, id, i, e.Pattern, e.Frame, e.Actor, e.Valence, e.Note); err != nil {
				return fmt.Errorf("entry %d %q: %w", i, e.Pattern, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: save lexicon %s %s: %w", l.Name, l.Version, err)
	}
	return nil
}

// storeVersionRow finds or inserts the (name, version) row of a versioned
// table (lexicons, registries) and makes it the latest revision. fresh is
// true when the row is new and its contents must be written.
func storeVersionRow(ctx context.Context, tx *sql.Tx, table, name, version string) (id int64, fresh bool, err error) {
	var next int64
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(revision), 0) + 1 FROM `+table+` WHERE name = ?`, name).
		Scan(&next); err != nil {
		return 0, false, err
	}
	err = tx.QueryRowContext(ctx, `SELECT id FROM `+table+` WHERE name = ? AND version = ?`, name, version).Scan(&id)
	switch {
	case err == nil:
		_, err = tx.ExecContext(ctx, `UPDATE `+table+` SET revision = ? WHERE id = ?`, next, id)
		return id, false, err
	case errors.Is(err, sql.ErrNoRows):
		res, err := tx.ExecContext(ctx, `INSERT INTO `+table+` (name, version, revision, created_at) VALUES (?, ?, ?, ?)`,
			name, version, next, storeNow())
		if err != nil {
			return 0, false, err
		}
		id, err = res.LastInsertId()
		return id, true, err
	default:
		return 0, false, err
	}
}

// storeVersionID returns the id of a version of name in table; an empty
// version means the latest.
func storeVersionID(ctx context.Context, tx *sql.Tx, table, what, name, version string) (id int64, v string, err error) {
	if version == "" {
		err = tx.QueryRowContext(ctx, `SELECT id, version FROM `+table+` WHERE name = ? ORDER BY revision DESC LIMIT 1`, name).
			Scan(&id, &v)
	} else {
		err = tx.QueryRowContext(ctx, `SELECT id, version FROM `+table+` WHERE name = ? AND version = ?`, name, version).
			Scan(&id, &v)
	}
	if errors.Is(err, sql.ErrNoRows) {
		if version == "" {
			return 0, "", analysis.Errorf(analysis.ENOTFOUND, "%s %q not found", what, name)
		}
		return 0, "", analysis.Errorf(analysis.ENOTFOUND, "%s %q version %s not found", what, name, version)
	}
	return id, v, err
}

// Lexicon returns the latest version of the named lexicon.
func (s *Store) Lexicon(ctx context.Context, name string) (*analysis.Lexicon, error) {
	return s.LexiconVersion(ctx, name, "")
}

// LexiconVersion returns one version of the named lexicon; "" means the
// latest.
func (s *Store) LexiconVersion(ctx context.Context, name, version string) (*analysis.Lexicon, error) {
	l := &analysis.Lexicon{Name: name, Entries: []analysis.Entry{}}
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		id, v, err := storeVersionID(ctx, tx, "lexicons", "lexicon", name, version)
		if err != nil {
			return err
		}
		l.Version = v
		err = storeEach(ctx, tx, `SELECT name, description FROM lexicon_frames WHERE lexicon_id = ? ORDER BY seq`,
			[]any{id}, func(rows *sql.Rows) error {
				var f analysis.Frame
				if err := rows.Scan(&f.Name, &f.Description); err != nil {
					return err
				}
				l.Frames = append(l.Frames, f)
				return nil
			})
		if err != nil {
			return err
		}
		return storeEach(ctx, tx, `SELECT pattern, frame, actor, valence, note FROM lexicon_entries
			WHERE lexicon_id = ? ORDER BY seq`, []any{id}, func(rows *sql.Rows) error {
			var e analysis.Entry
			if err := rows.Scan(&e.Pattern, &e.Frame, &e.Actor, &e.Valence, &e.Note); err != nil {
				return err
			}
			l.Entries = append(l.Entries, e)
			return nil
		})
	})
	if err != nil {
		if analysis.ErrorCode(err) == analysis.ENOTFOUND {
			return nil, err
		}
		return nil, fmt.Errorf("store: get lexicon %s: %w", name, err)
	}
	return l, nil
}

// LexiconNames returns the names of the stored lexicons, sorted.
func (s *Store) LexiconNames(ctx context.Context) ([]string, error) {
	return s.storeNames(ctx, "lexicons")
}

// VersionRow is one stored version of a lexicon or registry.
type VersionRow struct {
	Version   string
	CreatedAt string
	// Latest marks the version Lexicon or Registry returns.
	Latest bool
}

// LexiconVersions lists the stored versions of a lexicon, latest first.
func (s *Store) LexiconVersions(ctx context.Context, name string) ([]VersionRow, error) {
	return s.storeVersions(ctx, "lexicons", name)
}

func (s *Store) storeNames(ctx context.Context, table string) ([]string, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT DISTINCT name FROM `+table+` ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("store: list %s: %w", table, err)
	}
	defer rows.Close()
	out := []string{}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, fmt.Errorf("store: list %s: %w", table, err)
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

func (s *Store) storeVersions(ctx context.Context, table, name string) ([]VersionRow, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT version, created_at FROM `+table+` WHERE name = ? ORDER BY revision DESC`, name)
	if err != nil {
		return nil, fmt.Errorf("store: list versions of %s: %w", name, err)
	}
	defer rows.Close()
	out := []VersionRow{}
	for rows.Next() {
		var v VersionRow
		if err := rows.Scan(&v.Version, &v.CreatedAt); err != nil {
			return nil, fmt.Errorf("store: list versions of %s: %w", name, err)
		}
		v.Latest = len(out) == 0
		out = append(out, v)
	}
	return out, rows.Err()
}
