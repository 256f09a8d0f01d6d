package store

import (
	"bytes"
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
)

// The comparison page reads one score row per article, and about three
// frame rows per article, for every chosen outlet: tens of thousands of rows
// on a large corpus. Handing each row to Go through database/sql costs far
// more than SQLite's own scan (every column of every row is a driver call,
// a type switch and a conversion), so these reads ask SQLite for one row
// per outlet instead, each column the group_concat of one field over the
// outlet's rows, and split the texts in Go. SQLite (3.43 and later) writes
// REAL values with as many digits as it takes to read them back exactly, so
// the numbers are the ones stored.
//
// All the columns of one aggregate row step over the same rows in the same
// order, so their i-th elements belong to the same article. The order of the
// rows themselves is the covering index's (outlet, date, article); it is
// checked, not assumed: articles out of order are sorted, and frame rows are
// matched to their article by id.

// comparePackedSep separates frame names in a packed column: a control
// character that lexicon names and content words never hold. A name that
// did would be caught by the element-count check (errComparePacked).
const comparePackedSep = "\x1f"

// errComparePacked reports packed columns whose element counts disagree,
// which happens only if a text value holds a separator or a value is out of
// a packed integer's range; the caller then reads the rows one by one.
var errComparePacked = errors.New("packed columns disagree")

// comparePackedFields splits b at sep, calling fn with each field; it
// returns the number of fields (0 for an empty b, which group_concat never
// returns for a non-empty group).
func comparePackedFields(b []byte, sep byte, fn func(i int, f []byte) error) (int, error) {
	if len(b) == 0 {
		return 0, nil
	}
	i := 0
	for {
		j := bytes.IndexByte(b, sep)
		f := b
		if j >= 0 {
			f = b[:j]
		}
		if err := fn(i, f); err != nil {
			return i, err
		}
		i++
		if j < 0 {
			return i, nil
		}
		b = b[j+1:]
	}
}

// comparePackedInts parses a packed column of n integers separated by
// commas into dst[:n], which it returns.
func comparePackedInts(b []byte, dst []int64, n int) ([]int64, error) {
	dst = dst[:0]
	if len(b) == 0 {
		if n == 0 {
			return dst, nil
		}
		return nil, errComparePacked
	}
	var v int64
	neg, digits := false, 0
	for _, c := range b {
		switch {
		case c >= '0' && c <= '9':
			if digits == 18 {
				return nil, errComparePacked
			}
			v = v*10 + int64(c-'0')
			digits++
		case c == ',':
			if digits == 0 {
				return nil, errComparePacked
			}
			if neg {
				v = -v
			}
			dst = append(dst, v)
			v, neg, digits = 0, false, 0
		case c == '-' && digits == 0 && !neg:
			neg = true
		default:
			return nil, errComparePacked
		}
	}
	if digits == 0 {
		return nil, errComparePacked
	}
	if neg {
		v = -v
	}
	dst = append(dst, v)
	if len(dst) != n {
		return nil, errComparePacked
	}
	return dst, nil
}

// comparePackedFloats parses a packed column of n REAL values.
func comparePackedFloats(b []byte, n int) ([]float64, error) {
	out := make([]float64, 0, n)
	if n == 0 {
		if len(b) != 0 {
			return nil, errComparePacked
		}
		return out, nil
	}
	for len(out) < n {
		j := bytes.IndexByte(b, ',')
		f := b
		if j >= 0 {
			f, b = b[:j], b[j+1:]
		} else {
			b = nil
		}
		v, err := strconv.ParseFloat(string(f), 64)
		if err != nil {
			return nil, errComparePacked
		}
		out = append(out, v)
		if j < 0 {
			break
		}
	}
	if len(out) != n || len(b) != 0 {
		return nil, errComparePacked
	}
	return out, nil
}

// compareArticleBits packs an article's id, words and whether its balance
// is known into one integer. Values out of range come out NULL, which
// group_concat skips, and the count check sends the outlet to
// compareReadRows. (Packing the frame rows' counts the same way saved
// nothing: SQLite spends as long on the expression as on a column.)
const compareArticleBits = `CASE WHEN article_id BETWEEN 0 AND 4398046511103 AND words BETWEEN 0 AND 1048575
		THEN (article_id << 21) | (words << 1) | (quotes > unassigned) END`

// compareReadPacked reads the selected articles' scores and frame counts of
// the outlets at pos, as compareReadRows does, in one aggregate row per
// outlet and table. BalanceWords is read only when withBalanceWords is set.
func compareReadPacked(ctx context.Context, tx *sql.Tx, cond string, args []any, pos map[int64]int, withBalanceWords bool, d *CompareData) error {
	// Articles, grouped by outlet in the order asked for.
	groups := make([][]CompareArticle, len(d.Outlets))
	dates := map[string]string{}
	var vals []int64
	balanceWords := `''`
	if withBalanceWords {
		balanceWords = `group_concat(CASE WHEN quotes > unassigned THEN balance_words END)`
	}
	err := storeEach(ctx, tx, `SELECT outlet_id, count(*), group_concat(`+compareArticleBits+`),
			group_concat(COALESCE(published, '')), group_concat(CASE WHEN quotes > unassigned THEN balance END), `+balanceWords+`
		FROM article_scores INDEXED BY article_scores_compare WHERE `+cond+` GROUP BY outlet_id`, args,
		func(rows *sql.Rows) error {
			var outlet int64
			var n int
			var packed, published, balance, balanceW sql.RawBytes
			if err := rows.Scan(&outlet, &n, &packed, &published, &balance, &balanceW); err != nil {
				return err
			}
			oi, ok := pos[outlet]
			if !ok {
				return nil
			}
			var err error
			if vals, err = comparePackedInts(packed, vals, n); err != nil {
				return err
			}
			arts := make([]CompareArticle, n)
			known := 0
			for i, v := range vals {
				a := &arts[i]
				a.ID, a.Words, a.BalanceKnown, a.Outlet = v>>21, int(v>>1&(1<<20-1)), v&1 == 1, oi
				if a.BalanceKnown {
					known++
				}
			}
			k, err := comparePackedFields(published, ',', func(i int, f []byte) error {
				if i >= n {
					return errComparePacked
				}
				if len(f) == 0 {
					return nil
				}
				s, ok := dates[string(f)]
				if !ok {
					s = string(f)
					dates[s] = s
				}
				arts[i].Published = s
				return nil
			})
			if err != nil || k != n {
				return comparePackedErr(err)
			}
			bal, err := comparePackedFloats(balance, known)
			if err != nil {
				return err
			}
			var balW []float64
			if withBalanceWords {
				if balW, err = comparePackedFloats(balanceW, known); err != nil {
					return err
				}
			}
			j := 0
			for i := range arts {
				if arts[i].BalanceKnown {
					arts[i].Balance = bal[j]
					if balW != nil {
						arts[i].BalanceWords = balW[j]
					}
					j++
				}
			}
			groups[oi] = compareSortArticles(arts)
			return nil
		})
	if err != nil {
		return err
	}
	start := make([]int, len(groups)+1)
	for i, g := range groups {
		start[i+1] = start[i] + len(g)
	}
	d.Articles = make([]CompareArticle, 0, start[len(groups)])
	for _, g := range groups {
		d.Articles = append(d.Articles, g...)
	}

	// Frame rows, matched to the articles of their outlet.
	frames := map[string]string{}
	var ids []int64
	return storeEach(ctx, tx, `SELECT outlet_id, count(*), group_concat(article_id), group_concat(frame, char(31)),
			group_concat(count), group_concat(own)
		FROM frame_scores INDEXED BY frame_scores_compare WHERE `+cond+` AND count > 0 GROUP BY outlet_id`, args,
		func(rows *sql.Rows) error {
			var outlet int64
			var n int
			var idCol, names, counts, owns sql.RawBytes
			if err := rows.Scan(&outlet, &n, &idCol, &names, &counts, &owns); err != nil {
				return err
			}
			oi, ok := pos[outlet]
			if !ok {
				return nil
			}
			var err error
			fc := make([]CompareFrameCount, n)
			if vals, err = comparePackedInts(counts, vals, n); err != nil {
				return err
			}
			for i, v := range vals {
				fc[i].Count = int(v)
			}
			if vals, err = comparePackedInts(owns, vals, n); err != nil {
				return err
			}
			for i, v := range vals {
				fc[i].Own = int(v)
			}
			k, err := comparePackedFields(names, comparePackedSep[0], func(i int, f []byte) error {
				if i >= n {
					return errComparePacked
				}
				s, ok := frames[string(f)]
				if !ok {
					s = string(f)
					frames[s] = s
				}
				fc[i].Frame = s
				return nil
			})
			if err != nil || k != n {
				return comparePackedErr(err)
			}
			if ids, err = comparePackedInts(idCol, ids, n); err != nil {
				return err
			}
			return compareAttachFrames(d.Articles[start[oi]:start[oi+1]], ids, fc)
		})
}

// comparePackedErr returns err, or errComparePacked when err is nil (the
// column had the wrong number of fields).
func comparePackedErr(err error) error {
	if err != nil {
		return err
	}
	return errComparePacked
}

// compareSortArticles returns an outlet's articles in date and id order
// (compareArticleOrder). The index they are read through holds them in id
// order, so a stable sort by date is enough; dates are YYYY-MM-DD or empty
// and sort as the integers YYYYMMDD (empty: 0, first, as "" sorts first),
// which is several times faster than comparing the strings and structs. A
// date of another form falls back to the comparison.
func compareSortArticles(arts []CompareArticle) []CompareArticle {
	if slices.IsSortedFunc(arts, compareArticleOrder) {
		return arts
	}
	// A key is the day above the position, which breaks ties in id order.
	if uint64(len(arts)) >= 1<<32 || !slices.IsSortedFunc(arts, func(a, b CompareArticle) int { return cmp.Compare(a.ID, b.ID) }) {
		slices.SortFunc(arts, compareArticleOrder)
		return arts
	}
	keys := make([]uint64, len(arts))
	for i, a := range arts {
		day, ok := compareDayNumber(a.Published)
		if !ok {
			slices.SortFunc(arts, compareArticleOrder)
			return arts
		}
		keys[i] = day<<32 | uint64(i)
	}
	slices.Sort(keys)
	out := make([]CompareArticle, len(arts))
	for i, k := range keys {
		out[i] = arts[uint32(k)]
	}
	return out
}

// compareDayNumber returns the date d (YYYY-MM-DD) as the integer
// YYYYMMDD, 0 for an empty d, and false for anything else.
func compareDayNumber(d string) (uint64, bool) {
	if d == "" {
		return 0, true
	}
	if len(d) != 10 || d[4] != '-' || d[7] != '-' {
		return 0, false
	}
	var n uint64
	for i := 0; i < len(d); i++ {
		if i == 4 || i == 7 {
			continue
		}
		c := d[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + uint64(c-'0')
	}
	return n, true
}

// compareArticleOrder orders an outlet's articles by date, then id.
func compareArticleOrder(a, b CompareArticle) int {
	if a.Published != b.Published {
		if a.Published < b.Published {
			return -1
		}
		return 1
	}
	switch {
	case a.ID < b.ID:
		return -1
	case a.ID > b.ID:
		return 1
	}
	return 0
}

// compareAttachFrames gives each article of arts its frame counts: fc[i]
// belongs to the article with id ids[i]. A frame row of an article not in
// arts is dropped. Rows in the articles' order (the usual case) are matched
// by one walk; otherwise they are grouped by id first.
func compareAttachFrames(arts []CompareArticle, ids []int64, fc []CompareFrameCount) error {
	p, i := 0, 0
	for i < len(fc) {
		for p < len(arts) && arts[p].ID != ids[i] {
			p++
		}
		if p == len(arts) {
			break
		}
		j := i
		for j < len(fc) && ids[j] == arts[p].ID {
			j++
		}
		arts[p].Frames = fc[i:j:j]
		i = j
		p++
	}
	if i == len(fc) {
		return nil
	}
	// Out of order: group by id.
	for k := range arts {
		arts[k].Frames = nil
	}
	byID := make(map[int64]int, len(arts))
	for k, a := range arts {
		byID[a.ID] = k
	}
	for i, id := range ids {
		if k, ok := byID[id]; ok {
			arts[k].Frames = append(arts[k].Frames, fc[i])
		}
	}
	return nil
}

// OutletWordTable holds the content-word counts (see ContentWords) of
// several outlets over every word any of them used.
type OutletWordTable struct {
	// Words is the joint vocabulary, sorted bytewise.
	Words []string
	// Counts[i][w] is outlet i's count of Words[w], 0 if it never used it.
	Counts [][]int
	// Totals are the outlets' totals of content words.
	Totals []int
}

// OutletWordTable returns the word counts kept on write of the outlets, in
// the order given, over their joint vocabulary: the same numbers as
// OutletWords, laid out as one array per outlet.
func (s *Store) OutletWordTable(ctx context.Context, outlets []int64) (OutletWordTable, error) {
	if _, err := s.EnsureOutletWords(ctx); err != nil {
		return OutletWordTable{}, err
	}
	t := OutletWordTable{Counts: make([][]int, len(outlets)), Totals: make([]int, len(outlets))}
	// Each outlet's words, sorted.
	per := make([][]storeWordEntry, len(outlets))
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		for i, id := range outlets {
			list, err := storeOutletWordList(ctx, tx, id)
			if err != nil {
				return err
			}
			per[i] = list
		}
		return nil
	})
	if err != nil {
		return OutletWordTable{}, fmt.Errorf("store: outlet word table: %w", err)
	}
	// Merge the sorted lists into the joint vocabulary.
	size := 0
	for _, o := range per {
		size = max(size, len(o))
	}
	t.Words = make([]string, 0, size*3/2)
	for i := range t.Counts {
		t.Counts[i] = make([]int, 0, size*3/2)
	}
	head := make([]int, len(per))
	for {
		least, found := "", false
		for i, o := range per {
			if head[i] < len(o) && (!found || o[head[i]].word < least) {
				least, found = o[head[i]].word, true
			}
		}
		if !found {
			break
		}
		t.Words = append(t.Words, least)
		for i, o := range per {
			c := 0
			if head[i] < len(o) && o[head[i]].word == least {
				c = int(o[head[i]].n)
				head[i]++
			}
			t.Counts[i] = append(t.Counts[i], c)
			t.Totals[i] += c
		}
	}
	return t, nil
}

// CompareWordTable is OutletWordTable for the outlets of f, named as
// Compare names them (f's dates and query are not applied: the kept counts
// cover every article).
func (s *Store) CompareWordTable(ctx context.Context, f CompareFilter) (OutletWordTable, error) {
	var ids []int64
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		var err error
		ids, err = compareResolve(ctx, tx, f.Outlets)
		return err
	})
	if err != nil {
		return OutletWordTable{}, fmt.Errorf("store: compare word table: %w", err)
	}
	return s.OutletWordTable(ctx, ids)
}

// CompareOutletNames returns the names of the outlets with analysed
// articles, ordered as OutletTotals orders them: the choices of the
// comparison form, without the totals OutletTotals also reads.
func (s *Store) CompareOutletNames(ctx context.Context) ([]string, error) {
	var out []string
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		return storeEach(ctx, tx, `SELECT o.name FROM outlets o JOIN outlet_totals t ON t.outlet_id = o.id
			WHERE t.articles > 0 ORDER BY o.name_key`, nil, func(rows *sql.Rows) error {
			var n string
			if err := rows.Scan(&n); err != nil {
				return err
			}
			out = append(out, n)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("store: compare outlet names: %w", err)
	}
	return out, nil
}
