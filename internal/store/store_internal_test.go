package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
)

// openTestStore opens a store in a new temporary directory and closes it
// when the test ends: mustOpen of the external tests, for the tests that
// reach into the package.
func openTestStore(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "lens.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

// TestPragmasOnEveryConnection holds several connections of each pool open
// at once, so each is a distinct physical connection, and checks that every
// one has the pragmas of the DSN.
func TestPragmasOnEveryConnection(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
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

func TestCompareSortArticles(t *testing.T) {
	arts := func(pairs ...any) []CompareArticle {
		var out []CompareArticle
		for i := 0; i < len(pairs); i += 2 {
			out = append(out, CompareArticle{ID: int64(pairs[i].(int)), Published: pairs[i+1].(string), Words: i})
		}
		return out
	}
	for _, tc := range []struct {
		name string
		in   []CompareArticle
	}{
		{"SortedAlready", arts(1, "", 2, "2016-01-02", 3, "2016-01-02", 4, "2017-05-01")},
		{"DatesOutOfOrder", arts(1, "2016-12-06", 2, "", 3, "2016-01-02", 4, "2016-12-06", 5, "2015-07-30", 6, "")},
		{"IDsOutOfOrder", arts(9, "2016-12-06", 2, "2016-12-06", 5, "2016-01-02", 1, "")},
		{"DateOfAnotherForm", arts(1, "2016-12-06", 2, "2016-1-2", 3, "2016-01-02")},
		{"DigitsWhereDashes", arts(1, "2016-12-06", 2, "2016112-02", 3, "2016-01-02")},
		{"OneArticle", arts(7, "2016-12-06")},
		{"None", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := slices.Clone(tc.in)
			slices.SortFunc(want, compareArticleOrder)
			got := compareSortArticles(slices.Clone(tc.in))
			if !reflect.DeepEqual(got, want) {
				t.Errorf("compareSortArticles = %+v, want %+v", got, want)
			}
		})
	}
}

func TestCompareDayNumber(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want uint64
		ok   bool
	}{
		{"", 0, true},
		{"2016-12-06", 20161206, true},
		{"0001-01-01", 10101, true},
		{"2016-12-6", 0, false},
		{"2016/12/06", 0, false},
		{"2016-1a-06", 0, false},
		{"2016-12-06T09:15:00Z", 0, false},
	} {
		if got, ok := compareDayNumber(tc.in); got != tc.want || ok != tc.ok {
			t.Errorf("compareDayNumber(%q) = %d, %v; want %d, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

// TestUseBatchWordsTakesSkippedOff checks the batch sums path with
// articles the writer skipped: their counts come off the sums, an outlet
// all of whose articles were skipped adds nothing, and a count that falls
// to zero is no row.
func TestUseBatchWordsTakesSkippedOff(t *testing.T) {
	wc := func(pairs ...any) []storeWordCount {
		var out []storeWordCount
		for i := 0; i < len(pairs); i += 2 {
			out = append(out, storeWordCount{pairs[i].(string), pairs[i+1].(int)})
		}
		return out
	}
	// Four articles of "alpha" (two stored, a duplicate, a rejected one)
	// and one of "beta", a duplicate.
	a1, a2 := wc("army", 2, "rebels", 1), wc("rebels", 3, "siege", 1)
	dup, bad := wc("army", 1, "ceasefire", 2), wc("siege", 1)
	b1 := wc("regime", 4)
	bw := &storeBatchWords{articles: 5, byKey: map[string][]storeWordCount{
		"alpha": wc("army", 3, "ceasefire", 2, "rebels", 4, "siege", 2),
		"beta":  b1,
	}}
	w := &storeWriter{counted: []storeCounted{{outlet: 7, key: "alpha", words: a1}, {outlet: 7, key: "alpha", words: a2}}}
	skipped := []storeSkipped{{"alpha", dup}, {"alpha", bad}, {"beta", b1}}
	if !w.useBatchWords(bw, skipped) {
		t.Fatal("useBatchWords = false, want the batch sums used")
	}
	want := []storeWordRow{{7, "army", 2}, {7, "rebels", 4}, {7, "siege", 1}}
	if !reflect.DeepEqual(w.pending, want) {
		t.Errorf("rows = %v, want %v", w.pending, want)
	}
	if w.counted != nil {
		t.Errorf("counted = %v after the sums were used, want nil", w.counted)
	}

	// A skipped article missing from the list: the sums do not add up to
	// the batch, and the writer must count itself.
	w = &storeWriter{counted: []storeCounted{{outlet: 7, key: "alpha", words: a1}, {outlet: 7, key: "alpha", words: a2}}}
	if w.useBatchWords(bw, skipped[:2]) {
		t.Error("useBatchWords with an article unaccounted for = true, want false")
	}
}
