package store

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
)

// Word counts are stored as runs (table outlet_word_runs): each run is one
// outlet's (word, count) pairs in word order, encoded in one blob. A batch
// of articles adds one run per outlet it touched, where one row per word
// meant a b-tree upsert for each of the ~110 distinct words an article
// adds: those upserts were a fifth of an import's time. A reader adds up
// an outlet's runs; once an outlet has more than storeWordRunsMax of them,
// the writer merges them into one, so that a read decodes few runs and the
// table grows with the vocabulary, not with the number of batches.

// storeWordRunsMax is how many runs an outlet may have before they are
// merged into one.
const storeWordRunsMax = 16

// errWordRun reports a run blob that does not decode.
var errWordRun = errors.New("store: malformed word-count run")

// storeEncodeWordRun appends the run of rows, which are sorted by word with
// no word twice, to dst. Each pair is the length of the prefix the word
// shares with the one before, the length and bytes of the rest, and the
// count (signed: the run of a deletion subtracts).
func storeEncodeWordRun(dst []byte, rows []storeWordRow) []byte {
	prev := ""
	for _, r := range rows {
		shared := 0
		for shared < len(prev) && shared < len(r.word) && prev[shared] == r.word[shared] {
			shared++
		}
		dst = binary.AppendUvarint(dst, uint64(shared))
		dst = binary.AppendUvarint(dst, uint64(len(r.word)-shared))
		dst = append(dst, r.word[shared:]...)
		dst = binary.AppendVarint(dst, int64(r.n))
		prev = r.word
	}
	return dst
}

// storeWordEntry is one (word, count) pair of a decoded run.
type storeWordEntry struct {
	word string
	n    int64
}

// storeDecodeWordRun appends the pairs of the run data to dst. The words
// are substrings of one string allocated for the whole run.
func storeDecodeWordRun(dst []storeWordEntry, data []byte) ([]storeWordEntry, error) {
	// First pass: the words' bytes, back to back, so that one string
	// holds them all.
	var arena []byte
	var word []byte
	type span struct {
		off, n int
		count  int64
	}
	var spans []span
	for i := 0; i < len(data); {
		shared, k := binary.Uvarint(data[i:])
		if k <= 0 || shared > uint64(len(word)) {
			return dst, errWordRun
		}
		i += k
		rest, k := binary.Uvarint(data[i:])
		if k <= 0 || rest > uint64(len(data)-i-k) {
			return dst, errWordRun
		}
		i += k
		word = append(word[:shared], data[i:i+int(rest)]...)
		i += int(rest)
		n, k := binary.Varint(data[i:])
		if k <= 0 {
			return dst, errWordRun
		}
		i += k
		spans = append(spans, span{len(arena), len(word), n})
		arena = append(arena, word...)
	}
	all := string(arena)
	for _, s := range spans {
		dst = append(dst, storeWordEntry{all[s.off : s.off+s.n], s.count})
	}
	return dst, nil
}

// storeMergeWordRuns adds up sorted runs into one sorted list, leaving out
// words whose counts add up to zero or less (all their articles deleted).
func storeMergeWordRuns(runs [][]storeWordEntry) []storeWordEntry {
	var acc []storeWordEntry
	for _, run := range runs {
		acc = storeMergeTwo(acc, run)
	}
	out := acc[:0]
	for _, e := range acc {
		if e.n > 0 {
			out = append(out, e)
		}
	}
	return out
}

// storeMergeTwo merges two sorted lists, adding the counts of a word in
// both.
func storeMergeTwo(a, b []storeWordEntry) []storeWordEntry {
	if len(a) == 0 {
		return append([]storeWordEntry(nil), b...)
	}
	out := make([]storeWordEntry, 0, max(len(a), len(b))+min(len(a), len(b))/4)
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch c := strings.Compare(a[i].word, b[j].word); {
		case c < 0:
			out = append(out, a[i])
			i++
		case c > 0:
			out = append(out, b[j])
			j++
		default:
			out = append(out, storeWordEntry{a[i].word, a[i].n + b[j].n})
			i++
			j++
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}

// storeReadWordRuns returns the runs of outlet, oldest first, decoded.
func storeReadWordRuns(ctx context.Context, q storeQuerier, outlet int64) ([][]storeWordEntry, error) {
	rows, err := q.QueryContext(ctx, `SELECT data FROM outlet_word_runs WHERE outlet_id = ? ORDER BY id`, outlet)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var runs [][]storeWordEntry
	for rows.Next() {
		var data sql.RawBytes
		if err := rows.Scan(&data); err != nil {
			return nil, err
		}
		run, err := storeDecodeWordRun(nil, data)
		if err != nil {
			return nil, fmt.Errorf("outlet %d: %w", outlet, err)
		}
		runs = append(runs, run)
	}
	return runs, rows.Err()
}

// storeOutletWordList returns outlet's word counts, added up over its
// runs, sorted by word; words counted zero times are left out.
func storeOutletWordList(ctx context.Context, q storeQuerier, outlet int64) ([]storeWordEntry, error) {
	runs, err := storeReadWordRuns(ctx, q, outlet)
	if err != nil {
		return nil, err
	}
	return storeMergeWordRuns(runs), nil
}

// storeQuerier is what reading runs needs of a transaction.
type storeQuerier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

func init() {
	storeWriteSQL["wordRunAdd"] = `INSERT INTO outlet_word_runs (outlet_id, data) VALUES (?, ?)`
	storeWriteSQL["wordRunCount"] = `SELECT COUNT(*) FROM outlet_word_runs WHERE outlet_id = ?`
	storeWriteSQL["wordRunsDel"] = `DELETE FROM outlet_word_runs WHERE outlet_id = ?`
}

// addWordRun stores rows, one outlet's sorted counts, as a new run encoded
// in buf, and merges the outlet's runs when there are too many.
func (w *storeWriter) addWordRun(outlet int64, rows []storeWordRow, buf []byte) ([]byte, error) {
	buf = storeEncodeWordRun(buf[:0], rows)
	if _, err := w.exec("wordRunAdd", outlet, buf); err != nil {
		return buf, err
	}
	return buf, w.compactWordRuns(outlet)
}

// compactWordRuns merges outlet's runs into one when it has more than
// storeWordRunsMax of them.
func (w *storeWriter) compactWordRuns(outlet int64) error {
	var n int
	if err := w.stmt("wordRunCount").QueryRowContext(w.ctx, outlet).Scan(&n); err != nil {
		return fmt.Errorf("wordRunCount: %w", err)
	}
	if n <= storeWordRunsMax {
		return nil
	}
	merged, err := storeOutletWordList(w.ctx, w.tx, outlet)
	if err != nil {
		return err
	}
	if _, err := w.exec("wordRunsDel", outlet); err != nil {
		return err
	}
	if len(merged) == 0 {
		return nil
	}
	rows := make([]storeWordRow, len(merged))
	for i, e := range merged {
		rows[i] = storeWordRow{outlet, e.word, int(e.n)}
	}
	_, err = w.exec("wordRunAdd", outlet, storeEncodeWordRun(nil, rows))
	return err
}
