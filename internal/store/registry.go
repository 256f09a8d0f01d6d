package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/framinglens/framinglens/internal/analysis"
)

// SaveRegistry stores a version of a source registry, like SaveLexicon.
func (s *Store) SaveRegistry(ctx context.Context, r *analysis.Registry) error {
	if r == nil || strings.TrimSpace(r.Name) == "" {
		return analysis.Errorf(analysis.EINVALID, "registry has no name")
	}
	if r.Version == "" {
		return analysis.Errorf(analysis.EINVALID, "registry %q has no version", r.Name)
	}
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		id, fresh, err := storeVersionRow(ctx, tx, "registries", r.Name, r.Version)
		if err != nil || !fresh {
			return err
		}
		entry, err := tx.PrepareContext(ctx, `INSERT INTO registry_entries (registry_id, seq, name, side, role)
			VALUES (?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer entry.Close()
		alias, err := tx.PrepareContext(ctx, `INSERT INTO registry_aliases (registry_id, entry_seq, seq, alias)
			VALUES (?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer alias.Close()
		for i, e := range r.Entries {
			if _, err := entry.ExecContext(ctx, id, i, e.Name, e.Side, e.Role); err != nil {
				return fmt.Errorf("entry %d %q: %w", i, e.Name, err)
			}
			for j, a := range e.Aliases {
				if _, err := alias.ExecContext(ctx, id, i, j, a); err != nil {
					return fmt.Errorf("entry %d %q alias %q: %w", i, e.Name, a, err)
				}
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: save registry %s %s: %w", r.Name, r.Version, err)
	}
	return nil
}

// Registry returns the latest version of the named registry.
func (s *Store) Registry(ctx context.Context, name string) (*analysis.Registry, error) {
	return s.RegistryVersion(ctx, name, "")
}

// RegistryVersion returns one version of the named registry; "" means the
// latest.
func (s *Store) RegistryVersion(ctx context.Context, name, version string) (*analysis.Registry, error) {
	reg := &analysis.Registry{Name: name, Entries: []analysis.RegistryEntry{}}
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		id, v, err := storeVersionID(ctx, tx, "registries", "registry", name, version)
		if err != nil {
			return err
		}
		reg.Version = v
		err = storeEach(ctx, tx, `SELECT name, side, role FROM registry_entries WHERE registry_id = ? ORDER BY seq`,
			[]any{id}, func(rows *sql.Rows) error {
				var e analysis.RegistryEntry
				if err := rows.Scan(&e.Name, &e.Side, &e.Role); err != nil {
					return err
				}
				reg.Entries = append(reg.Entries, e)
				return nil
			})
		if err != nil {
			return err
		}
		return storeEach(ctx, tx, `SELECT entry_seq, alias FROM registry_aliases WHERE registry_id = ?
			ORDER BY entry_seq, seq`, []any{id}, func(rows *sql.Rows) error {
			var i int
			var a string
			if err := rows.Scan(&i, &a); err != nil {
				return err
			}
			if i < 0 || i >= len(reg.Entries) {
				return fmt.Errorf("alias %q of missing entry %d", a, i)
			}
			reg.Entries[i].Aliases = append(reg.Entries[i].Aliases, a)
			return nil
		})
	})
	if err != nil {
		if analysis.ErrorCode(err) == analysis.ENOTFOUND {
			return nil, err
		}
		return nil, fmt.Errorf("store: get registry %s: %w", name, err)
	}
	return reg, nil
}

// RegistryNames returns the names of the stored registries, sorted.
func (s *Store) RegistryNames(ctx context.Context) ([]string, error) {
	return s.storeNames(ctx, "registries")
}

// RegistryVersions lists the stored versions of a registry, latest first.
func (s *Store) RegistryVersions(ctx context.Context, name string) ([]VersionRow, error) {
	return s.storeVersions(ctx, "registries", name)
}
