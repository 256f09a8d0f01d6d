package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"reflect"
	"testing"
)

func TestWordRunRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		rows []storeWordRow
	}{
		{"Empty", nil},
		{"One", []storeWordRow{{1, "aleppo", 3}}},
		{"SharedPrefixes", []storeWordRow{{1, "rebel", 2}, {1, "rebellion", 1}, {1, "rebels", 7}, {1, "regime", 4}}},
		{"Negative", []storeWordRow{{1, "ceasefire", -2}, {1, "siege", 5}}},
		{"AnyBytes", []storeWordRow{{1, "odd\x1fword", 3}, {1, "москва", 1}, {1, "حلب", 9}, {1, "\xff", 1}}},
		{"LongWord", []storeWordRow{{1, string(make([]byte, 300)), 1}}},
		{"LargestCount", []storeWordRow{{1, "rebel", math.MaxInt}, {1, "rebels", math.MinInt}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := storeDecodeWordRun(nil, storeEncodeWordRun(nil, tc.rows))
			if err != nil {
				t.Fatalf("decode: %v", err)
			}
			if len(got) != len(tc.rows) {
				t.Fatalf("decoded %d pairs, want %d", len(got), len(tc.rows))
			}
			for i, r := range tc.rows {
				if got[i].word != r.word || got[i].n != int64(r.n) {
					t.Errorf("pair %d = %q %d, want %q %d", i, got[i].word, got[i].n, r.word, r.n)
				}
			}
		})
	}
}

func TestWordRunDecodeRejectsMalformed(t *testing.T) {
	good := storeEncodeWordRun(nil, []storeWordRow{{1, "rebel", 2}, {1, "rebels", 3}})
	tests := map[string][]byte{
		"Truncated":         good[:len(good)-1],
		"CutInWord":         good[:4],
		"PrefixTooLong":     {9, 1, 'a', 2},
		"RestPastEnd":       {0, 50, 'a'},
		"CountMissing":      {0, 1, 'a'},
		"VarintOverflowing": {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff},
	}
	for name, data := range tests {
		t.Run(name, func(t *testing.T) {
			if _, err := storeDecodeWordRun(nil, data); !errors.Is(err, errWordRun) {
				t.Errorf("decode(%v) error = %v, want errWordRun", data, err)
			}
		})
	}
}

func FuzzWordRunDecode(f *testing.F) {
	f.Add(storeEncodeWordRun(nil, []storeWordRow{{1, "rebel", 2}, {1, "rebels", -3}}))
	f.Add([]byte{0, 1, 'a', 2})
	f.Fuzz(func(t *testing.T, data []byte) {
		run, err := storeDecodeWordRun(nil, data)
		if err != nil {
			return
		}
		// What decodes encodes back to the same bytes when its words are
		// in order and distinct, as the writer makes them.
		rows := make([]storeWordRow, len(run))
		for i, e := range run {
			if i > 0 && e.word <= run[i-1].word {
				return
			}
			rows[i] = storeWordRow{1, e.word, int(e.n)}
		}
		again, err := storeDecodeWordRun(nil, storeEncodeWordRun(nil, rows))
		if err != nil || !reflect.DeepEqual(again, run) && len(run) > 0 {
			t.Fatalf("round trip of %v: %v, %v", run, again, err)
		}
	})
}

func TestMergeWordRuns(t *testing.T) {
	e := func(w string, n int64) storeWordEntry { return storeWordEntry{w, n} }
	tests := []struct {
		name string
		runs [][]storeWordEntry
		want []storeWordEntry
	}{
		{"None", nil, nil},
		{"OneRun", [][]storeWordEntry{{e("army", 2), e("siege", 1)}}, []storeWordEntry{e("army", 2), e("siege", 1)}},
		{"Interleaved", [][]storeWordEntry{
			{e("army", 2), e("siege", 1)},
			{e("aleppo", 4), e("army", 3), e("truce", 1)},
			{e("zone", 1)},
		}, []storeWordEntry{e("aleppo", 4), e("army", 5), e("siege", 1), e("truce", 1), e("zone", 1)}},
		// A deletion's run subtracts; a word counted zero times is gone.
		{"Deleted", [][]storeWordEntry{
			{e("army", 2), e("siege", 1)},
			{e("army", -2), e("siege", -1)},
			{e("siege", 4)},
		}, []storeWordEntry{e("siege", 4)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := storeMergeWordRuns(tc.runs)
			if len(got) == 0 && len(tc.want) == 0 {
				return
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("merge = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestWordRunsStayFew saves articles of one outlet one transaction each,
// so that each adds a run, and checks that the runs are merged once there
// are more than storeWordRunsMax, with the counts of a recount from the
// texts, through deletions too.
func TestWordRunsStayFew(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "runs.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	runs := func() int {
		var n int
		if err := s.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM outlet_word_runs`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	var ids []int64
	maxRuns := 0
	for i := range 3 * storeWordRunsMax {
		text := fmt.Sprintf("Report %d: the army and the rebels met near Aleppo, word%d said.", i, i%5)
		id, dup, err := s.SaveArticle(ctx, NewArticle{Outlet: "Wire", Text: text, Raw: []byte(text)}, nil)
		if err != nil || dup {
			t.Fatalf("save %d: %v (duplicate %v)", i, err, dup)
		}
		ids = append(ids, id)
		maxRuns = max(maxRuns, runs())
	}
	// The 17th run is merged with the others in the transaction that
	// adds it, so no reader sees more than 16.
	if maxRuns != storeWordRunsMax {
		t.Errorf("at most %d runs at once, want %d", maxRuns, storeWordRunsMax)
	}
	check := func(stage string) {
		t.Helper()
		kept, _, err := s.OutletWords(ctx, []int64{1})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.RebuildOutletWords(ctx); err != nil {
			t.Fatal(err)
		}
		recounted, _, err := s.OutletWords(ctx, []int64{1})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(kept, recounted) {
			t.Errorf("%s: counts kept in runs\n%v\ndiffer from a recount\n%v", stage, kept, recounted)
		}
	}
	check("after saving")
	if got := runs(); got != 1 {
		t.Errorf("a recount left %d runs, want 1", got)
	}
	for _, id := range ids[:len(ids)-2] {
		if _, err := s.DeleteArticles(ctx, []int64{id}); err != nil {
			t.Fatal(err)
		}
	}
	check("after deleting all but two")
	kept, totals, err := s.OutletWords(ctx, []int64{1})
	if err != nil {
		t.Fatal(err)
	}
	// Articles 46 and 47 are left: "report army rebels met near aleppo"
	// and word1, word2.
	want := map[string]int{"report": 2, "army": 2, "rebels": 2, "met": 2, "near": 2, "aleppo": 2, "word1": 1, "word2": 1}
	if !reflect.DeepEqual(kept[0], want) || totals[0] != 14 {
		t.Errorf("counts of the two articles left = %v (total %d), want %v (14)", kept[0], totals[0], want)
	}
	var stored sql.NullInt64
	if err := s.read.QueryRowContext(ctx, `SELECT MAX(outlet_id) FROM outlet_word_runs`).Scan(&stored); err != nil || stored.Int64 != 1 {
		t.Errorf("runs stored for outlet %v (%v), want 1", stored, err)
	}
}

// TestWordCountsOfAnOlderDatabase checks that a database whose counts were
// kept the old way (setting v1, and 0007 dropped its table) is recounted
// on the first read.
func TestWordCountsOfAnOlderDatabase(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	text := "The army and the rebels met near Aleppo."
	if _, _, err := s.SaveArticle(ctx, NewArticle{Outlet: "Wire", Text: text}, nil); err != nil {
		t.Fatal(err)
	}
	_, err = s.write.ExecContext(ctx, `DELETE FROM outlet_word_runs`)
	if err == nil {
		_, err = s.write.ExecContext(ctx, `UPDATE settings SET value = 'v1' WHERE key = ?`, outletWordsSetting)
	}
	if err != nil {
		t.Fatal(err)
	}
	counts, totals, err := s.OutletWords(ctx, []int64{1})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"army": 1, "rebels": 1, "met": 1, "near": 1, "aleppo": 1}
	if !reflect.DeepEqual(counts[0], want) || totals[0] != 5 {
		t.Errorf("counts = %v (total %d), want %v recounted", counts[0], totals[0], want)
	}
	if v, err := s.Active(ctx, outletWordsSetting); err != nil || v != outletWordsVersion {
		t.Errorf("setting after the recount = %q (%v), want %q", v, err, outletWordsVersion)
	}
	s.Close()
}
