package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/framinglens/framinglens/internal/analysis"
)

// outletKey is the form outlet names and aliases are matched in: lower case,
// white space collapsed.
func outletKey(name string) string {
	return strings.ToLower(outletDisplayName(name))
}

// outletDisplayName is name with white space collapsed and trimmed.
func outletDisplayName(name string) string {
	return strings.Join(strings.Fields(name), " ")
}

// OutletRow is one outlet with its aliases and corpus share.
type OutletRow struct {
	ID       int64
	Name     string
	Aliases  []string
	Articles int
	Words    int
}

// Outlets lists the outlets by name, with their aliases and how many
// articles and words each has.
func (s *Store) Outlets(ctx context.Context) ([]OutletRow, error) {
	var out []OutletRow
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT o.id, o.name, COUNT(a.id), COALESCE(SUM(a.words), 0)
			FROM outlets o LEFT JOIN articles a ON a.outlet_id = o.id
			GROUP BY o.id, o.name ORDER BY o.name_key`)
		if err != nil {
			return err
		}
		idx := map[int64]int{}
		for rows.Next() {
			var r OutletRow
			if err := rows.Scan(&r.ID, &r.Name, &r.Articles, &r.Words); err != nil {
				rows.Close()
				return err
			}
			idx[r.ID] = len(out)
			out = append(out, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		rows, err = tx.QueryContext(ctx, `SELECT outlet_id, alias FROM outlet_aliases ORDER BY alias_key`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var alias string
			if err := rows.Scan(&id, &alias); err != nil {
				return err
			}
			if i, ok := idx[id]; ok {
				out[i].Aliases = append(out[i].Aliases, alias)
			}
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("store: list outlets: %w", err)
	}
	return out, nil
}

// outletLookup finds an outlet by name or alias; ok is false when there is
// none.
func outletLookup(ctx context.Context, tx *sql.Tx, name string) (id int64, ok bool, err error) {
	key := outletKey(name)
	err = tx.QueryRowContext(ctx, `SELECT outlet_id FROM outlet_aliases WHERE alias_key = ?
		UNION ALL SELECT id FROM outlets WHERE name_key = ? LIMIT 1`, key, key).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	return id, err == nil, err
}

// AddOutletAlias makes alias another name of outlet ("Fox Online News" for
// "Fox News"): articles stored under the alias from now on go to the outlet.
// The outlet is created when new. An alias that already names another
// outlet is a conflict; merge the two outlets instead (MergeOutlets).
func (s *Store) AddOutletAlias(ctx context.Context, outlet, alias string) error {
	if outletKey(outlet) == "" || outletKey(alias) == "" {
		return analysis.Errorf(analysis.EINVALID, "outlet and alias must not be empty")
	}
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		w := s.newWriter(ctx, tx)
		id, err := w.outletID(outlet)
		if err != nil {
			return err
		}
		other, ok, err := outletLookup(ctx, tx, alias)
		if err != nil {
			return err
		}
		if ok {
			if other == id.Int64 {
				return nil
			}
			return analysis.Errorf(analysis.ECONFLICT, "%q already names another outlet; merge the outlets instead", alias)
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO outlet_aliases (alias, alias_key, outlet_id) VALUES (?, ?, ?)`,
			outletDisplayName(alias), outletKey(alias), id.Int64)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: add alias %q to outlet %q: %w", alias, outlet, err)
	}
	return nil
}

// RemoveOutletAlias deletes an alias. Articles already stored keep their
// outlet.
func (s *Store) RemoveOutletAlias(ctx context.Context, alias string) error {
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM outlet_aliases WHERE alias_key = ?`, outletKey(alias))
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return analysis.Errorf(analysis.ENOTFOUND, "alias %q not found", alias)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: remove outlet alias %q: %w", alias, err)
	}
	return nil
}

// RenameOutlet gives an outlet a new name and keeps the old one as an alias,
// so later imports under the old name still find it. The new name must not
// name another outlet (merge them instead).
func (s *Store) RenameOutlet(ctx context.Context, oldName, newName string) error {
	if outletKey(newName) == "" {
		return analysis.Errorf(analysis.EINVALID, "new outlet name is empty")
	}
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		id, ok, err := outletLookup(ctx, tx, oldName)
		if err != nil {
			return err
		}
		if !ok {
			return analysis.Errorf(analysis.ENOTFOUND, "outlet %q not found", oldName)
		}
		other, taken, err := outletLookup(ctx, tx, newName)
		if err != nil {
			return err
		}
		if taken && other != id {
			return analysis.Errorf(analysis.ECONFLICT, "%q already names another outlet; merge the outlets instead", newName)
		}
		var curName, curKey string
		if err := tx.QueryRowContext(ctx, `SELECT name, name_key FROM outlets WHERE id = ?`, id).Scan(&curName, &curKey); err != nil {
			return err
		}
		// The new name stops being an alias; the old name becomes one.
		if _, err := tx.ExecContext(ctx, `DELETE FROM outlet_aliases WHERE alias_key = ?`, outletKey(newName)); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE outlets SET name = ?, name_key = ? WHERE id = ?`,
			outletDisplayName(newName), outletKey(newName), id); err != nil {
			return err
		}
		if curKey != outletKey(newName) {
			_, err = tx.ExecContext(ctx, `INSERT INTO outlet_aliases (alias, alias_key, outlet_id) VALUES (?, ?, ?)`,
				curName, curKey, id)
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("store: rename outlet %q to %q: %w", oldName, newName, err)
	}
	return nil
}

// MergeOutlets moves every article of outlet from to outlet into, makes
// from's name and aliases aliases of into, and deletes from.
func (s *Store) MergeOutlets(ctx context.Context, from, into string) error {
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		src, ok, err := outletLookup(ctx, tx, from)
		if err != nil {
			return err
		}
		if !ok {
			return analysis.Errorf(analysis.ENOTFOUND, "outlet %q not found", from)
		}
		dst, ok, err := outletLookup(ctx, tx, into)
		if err != nil {
			return err
		}
		if !ok {
			return analysis.Errorf(analysis.ENOTFOUND, "outlet %q not found", into)
		}
		if src == dst {
			return nil
		}
		for _, table := range []string{"articles", "article_scores", "frame_scores", "side_scores", "entry_scores", "actor_scores"} {
			if _, err := tx.ExecContext(ctx, `UPDATE `+table+` SET outlet_id = ? WHERE outlet_id = ?`, dst, src); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE outlet_aliases SET outlet_id = ? WHERE outlet_id = ?`, dst, src); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO outlet_aliases (alias, alias_key, outlet_id)
			SELECT name, name_key, ? FROM outlets WHERE id = ?`, dst, src); err != nil {
			return err
		}
		if err := s.newWriter(ctx, tx).mergeWords(src, dst); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM outlets WHERE id = ?`, src)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: merge outlet %q into %q: %w", from, into, err)
	}
	return nil
}
