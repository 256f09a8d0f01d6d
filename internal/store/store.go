// Package store keeps Framing Lens's articles, analyses, lexicons and
// registries in one SQLite file.
//
// The SQL is written out inline with placeholders; there is no ORM. The
// schema lives in numbered migrations under migrations/, each applied once in
// its own transaction and recorded in the migrations table.
//
// SQLite allows one writer at a time, so a Store holds two pools over the same
// file: a write pool of exactly one connection, whose transactions begin
// IMMEDIATE, and a read pool of several connections. Concurrent writers queue
// for the one write connection instead of failing with "database is locked",
// and readers, thanks to WAL, keep reading the last committed state while a
// write is under way.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/framinglens/framinglens/internal/analysis"
	_ "modernc.org/sqlite" // the pure-Go SQLite driver, registered as "sqlite"
)

//go:embed migrations/*.sql
var storeMigrations embed.FS

// Setting keys Framing Lens uses with SetActive and Active.
const (
	ActiveLexicon  = "active_lexicon"
	ActiveRegistry = "active_registry"
)

// Store is the SQLite store. It is safe for concurrent use.
type Store struct {
	path  string
	read  *sql.DB
	write *sql.DB
	// stmts are the article-writing statements, prepared on write.
	stmts map[string]*sql.Stmt
	// ckpt copies the write-ahead log into the database file beside the
	// writer (see checkpoint.go).
	ckpt *storeCheckpointer
	// merge merges the full-text index's segments while the writes pause
	// (see textmerge.go).
	merge *storeTextMerger
}

// storePragmas are applied by the driver to every connection it opens, so no
// pooled connection can miss one.
var storePragmas = []string{
	"busy_timeout(10000)",
	"journal_mode(WAL)",
	"foreign_keys(ON)",
	"synchronous(NORMAL)",
	// Savepoints and sorts use temporary files unless told to keep them in
	// memory; a batch import writes a statement journal per article.
	"temp_store(MEMORY)",
	// The writer checkpoints only past 40,000 pages (160 MB of log): a
	// checkpointer of its own copies the log behind it (checkpoint.go),
	// and the writer finishes what is left, which lets the log start over.
	// The default 1,000 pages is less than one import batch.
	"wal_autocheckpoint(40000)",
	// A log that grew during an import is cut back to 64 MB when it
	// starts over, rather than keeping its largest size on disk.
	"journal_size_limit(67108864)",
}

// storeDSN builds the driver's connection string for path.
func storeDSN(path string, readOnly bool) string {
	q := url.Values{}
	for _, p := range storePragmas {
		q.Add("_pragma", p)
	}
	// Page cache per connection, in KiB. A reader keeps 32 MB of the
	// indexes the dashboard reads. The writer's pages are mostly new
	// (articles, runs, index leaves) and seldom read again: on a 100,000-
	// article import 16 MB was as fast as 32 MB, and 30 MB less memory.
	if readOnly {
		q.Add("_pragma", "cache_size(-32000)")
		q.Add("_pragma", "query_only(1)")
	} else {
		q.Add("_pragma", "cache_size(-16000)")
		q.Set("_txlock", "immediate")
	}
	u := url.URL{Scheme: "file", Path: path, RawQuery: q.Encode()}
	// url.URL writes "file:///abs/path" for an absolute path, the URI form
	// SQLite expects; it escapes '?' and '#' in the name.
	return u.String()
}

// Open opens (creating when missing) the store at path, creating the parent
// directory too, and applies every pending migration.
func Open(ctx context.Context, path string) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	write, err := sql.Open("sqlite", storeDSN(abs, false))
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	write.SetMaxOpenConns(1)
	write.SetMaxIdleConns(1)
	write.SetConnMaxLifetime(0)
	write.SetConnMaxIdleTime(0)
	s := &Store{path: abs, write: write}
	// Migrate before the read pool exists: the first connection turns the
	// file into WAL mode, which a query_only connection could not do.
	if err := s.migrate(ctx); err != nil {
		write.Close()
		return nil, err
	}
	if err := s.ensureRawHashes(ctx); err != nil {
		write.Close()
		return nil, err
	}
	if err := s.prepareWrites(ctx); err != nil {
		write.Close()
		return nil, err
	}
	read, err := sql.Open("sqlite", storeDSN(abs, true))
	if err != nil {
		write.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	n := max(4, runtime.GOMAXPROCS(0))
	read.SetMaxOpenConns(n)
	read.SetMaxIdleConns(n)
	read.SetConnMaxIdleTime(5 * time.Minute)
	if err := read.PingContext(ctx); err != nil {
		write.Close()
		read.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	s.read = read
	if s.ckpt, err = startCheckpointer(abs); err != nil {
		write.Close()
		read.Close()
		return nil, err
	}
	s.merge = startTextMerger(s)
	return s, nil
}

// Path returns the absolute path of the database file.
func (s *Store) Path() string { return s.path }

// Close closes both pools, first letting SQLite refresh the statistics its
// query planner uses (PRAGMA optimize), as SQLite recommends on closing.
func (s *Store) Close() error {
	s.merge.close()
	errs := []error{s.ckpt.close()}
	_, err := s.write.Exec(`PRAGMA optimize`)
	errs = append(errs, err)
	for _, st := range s.stmts {
		errs = append(errs, st.Close())
	}
	errs = append(errs, s.read.Close(), s.write.Close())
	return errors.Join(errs...)
}

// migrate applies the embedded migrations that the migrations table does not
// record yet, each in its own transaction, in file-name order.
func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.write.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS migrations (
		name       TEXT PRIMARY KEY,
		applied_at TEXT NOT NULL
	)`); err != nil {
		return fmt.Errorf("store: create migrations table: %w", err)
	}
	names, err := fs.Glob(storeMigrations, "migrations/*.sql")
	if err != nil {
		return fmt.Errorf("store: list migrations: %w", err)
	}
	sort.Strings(names)
	for _, file := range names {
		name := strings.TrimSuffix(filepath.Base(file), ".sql")
		body, err := storeMigrations.ReadFile(file)
		if err != nil {
			return fmt.Errorf("store: read migration %s: %w", name, err)
		}
		err = s.writeTx(ctx, func(tx *sql.Tx) error {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM migrations WHERE name = ?`, name).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return nil
			}
			if _, err := tx.ExecContext(ctx, string(body)); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO migrations (name, applied_at) VALUES (?, ?)`, name, storeNow())
			return err
		})
		if err != nil {
			return fmt.Errorf("store: apply migration %s: %w", name, err)
		}
	}
	return nil
}

// Migrations returns the names of the applied migrations, in order.
func (s *Store) Migrations(ctx context.Context) ([]string, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT name FROM migrations ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("store: list applied migrations: %w", err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, fmt.Errorf("store: list applied migrations: %w", err)
		}
		names = append(names, n)
	}
	return names, rows.Err()
}

// writeTx runs fn in a write transaction (BEGIN IMMEDIATE, on the single write
// connection) and commits when fn returns nil, rolling back otherwise.
func (s *Store) writeTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	if s.ckpt != nil { // nil while Open migrates
		s.ckpt.committed()
	}
	if s.merge != nil {
		s.merge.committed()
	}
	return nil
}

// readTx runs fn in a read transaction, so that several queries see one
// snapshot of the database.
func (s *Store) readTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // read-only: nothing to lose
	return fn(tx)
}

// SetActive stores value under key in the settings table (for example
// ActiveLexicon = "core").
func (s *Store) SetActive(ctx context.Context, key, value string) error {
	if key == "" {
		return analysis.Errorf(analysis.EINVALID, "setting name is empty")
	}
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: set %s: %w", key, err)
	}
	return nil
}

// Active returns the value stored under key, or "" when none is.
func (s *Store) Active(ctx context.Context, key string) (string, error) {
	var v string
	err := s.read.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("store: get %s: %w", key, err)
	}
	return v, nil
}

// IntegrityCheck runs SQLite's integrity and foreign-key checks and the
// full-text index's own check, and reports the first problem found.
func (s *Store) IntegrityCheck(ctx context.Context) error {
	// The checks run on a connection of their own, closed after. On a
	// pooled connection that had run them before, a second check after more
	// imports reported FTS5 corruption ("corruption found reading blob")
	// that a fresh connection did not see: the first check leaves FTS5 state
	// cached in the connection that later commits make stale.
	db, err := sql.Open("sqlite", storeDSN(s.path, false))
	if err != nil {
		return fmt.Errorf("store: integrity check: %w", err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	rows, err := db.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return fmt.Errorf("store: integrity check: %w", err)
	}
	var problems []string
	for rows.Next() {
		var msg string
		if err := rows.Scan(&msg); err != nil {
			rows.Close()
			return fmt.Errorf("store: integrity check: %w", err)
		}
		if msg != "ok" {
			problems = append(problems, msg)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: integrity check: %w", err)
	}
	if len(problems) > 0 {
		return fmt.Errorf("store: integrity check: %s", strings.Join(problems, "; "))
	}
	rows, err = db.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		return fmt.Errorf("store: foreign key check: %w", err)
	}
	bad := rows.Next()
	rows.Close()
	if bad {
		return fmt.Errorf("store: foreign key check: dangling references found")
	}
	if _, err := db.ExecContext(ctx, `INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')`); err != nil {
		return fmt.Errorf("store: full-text index check: %w", err)
	}
	return nil
}

// Backup writes a consistent copy of the database to path with VACUUM INTO.
// The file must not exist yet.
func (s *Store) Backup(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err == nil {
		return analysis.Errorf(analysis.ECONFLICT, "backup file %s already exists", path)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("store: backup to %s: %w", path, err)
	}
	if _, err := s.write.ExecContext(ctx, `VACUUM INTO ?`, path); err != nil {
		return fmt.Errorf("store: backup to %s: %w", path, err)
	}
	return nil
}

// storeNow is the time stamp written into created_at columns.
func storeNow() string { return time.Now().UTC().Format(time.RFC3339) }
