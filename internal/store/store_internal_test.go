package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
)

// TestPragmasOnEveryConnection holds several connections of each pool open
// at once, so each is a distinct physical connection, and checks that every
// one has the pragmas of the DSN.
func TestPragmasOnEveryConnection(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "lens.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer s.Close()
	want := map[string]int64{"foreign_keys": 1, "busy_timeout": 10000, "synchronous": 1}
	check := func(t *testing.T, db *sql.DB, n int, queryOnly int64) {
		var conns []*sql.Conn
		defer func() {
			for _, c := range conns {
				c.Close()
			}
		}()
		for i := 0; i < n; i++ {
			c, err := db.Conn(ctx)
			if err != nil {
				t.Fatalf("Conn %d: %v", i, err)
			}
			conns = append(conns, c)
			var mode string
			if err := c.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil {
				t.Fatalf("conn %d: journal_mode: %v", i, err)
			}
			if mode != "wal" {
				t.Errorf("conn %d: journal_mode = %q, want wal", i, mode)
			}
			for name, v := range want {
				var got int64
				if err := c.QueryRowContext(ctx, `PRAGMA `+name).Scan(&got); err != nil {
					t.Fatalf("conn %d: %s: %v", i, name, err)
				}
				if got != v {
					t.Errorf("conn %d: %s = %d, want %d", i, name, got, v)
				}
			}
			var qo int64
			if err := c.QueryRowContext(ctx, `PRAGMA query_only`).Scan(&qo); err != nil {
				t.Fatalf("conn %d: query_only: %v", i, err)
			}
			if qo != queryOnly {
				t.Errorf("conn %d: query_only = %d, want %d", i, qo, queryOnly)
			}
		}
	}
	t.Run("ReadPool", func(t *testing.T) { check(t, s.read, 4, 1) })
	t.Run("WritePool", func(t *testing.T) { check(t, s.write, 1, 0) })
}
