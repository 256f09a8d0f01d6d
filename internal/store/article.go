package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/framinglens/framinglens/internal/analysis"
)

// NewArticle is an article to be stored.
type NewArticle struct {
	// Outlet is the outlet's name or one of its aliases; empty when unknown.
	// An outlet not seen before is created.
	Outlet    string
	Title     string
	URL       string
	Published string // RFC 3339 or YYYY-MM-DD; empty when unknown
	Language  string
	Origin    string // where the article came from: "upload", "csv:file.csv", a URL ...
	// Raw is the article as received (HTML, text), kept for re-cleaning.
	Raw []byte
	// Text is the cleaned body all analysis offsets refer to.
	Text  string
	Words int
}

// ArticleWithResult pairs an article with its analysis for SaveArticles.
type ArticleWithResult struct {
	Article NewArticle
	Result  *analysis.Result
	// Prepared, when set, is PrepareArticle(Article), worked out by the
	// caller so that SaveArticles need not. Optional.
	Prepared *Prepared
}

// SaveOutcome is what SaveArticles did with one article.
type SaveOutcome struct {
	ID int64
	// Duplicate is true when an article with the same content hash was
	// already stored; ID is then that article's.
	Duplicate bool
	// Err is why the article was not stored; the other articles of the
	// batch are unaffected by it.
	Err error
}

// Article is a stored article.
type Article struct {
	ID          int64
	Outlet      string
	Title       string
	URL         string
	Published   string
	Language    string
	Origin      string
	Raw         []byte
	Text        string
	Words       int
	ContentHash string
	CreatedAt   string
}

// ArticleText is what rescoring needs of an article.
type ArticleText struct {
	ID        int64
	Title     string
	Published string
	Text      string
	Words     int
}

// ArticleRow is one line of an article list.
type ArticleRow struct {
	ID        int64
	Outlet    string
	Title     string
	Published string
	Words     int
	Hits      int
	Quotes    int
	// Unassigned counts the quotes whose speaker has no known side: the
	// balance means something only when Quotes is larger.
	Unassigned   int
	Balance      float64
	BalanceWords float64
	// TopFrames holds up to three frames with the most hits, most first,
	// and TopFrameCounts their hit counts.
	TopFrames      []string
	TopFrameCounts []int
	// Snippet is set by Search only: text around the matched words, which
	// stand between SnippetOpen and SnippetClose.
	Snippet string
}

// ArticleFilter selects articles. Empty fields do not filter.
type ArticleFilter struct {
	// Outlets are outlet names or aliases; an article matches any of them.
	Outlets []string
	// From and To bound the publication date, inclusive (YYYY-MM-DD; a
	// longer RFC 3339 value is cut to its date). Articles without a date are
	// left out when either is set.
	From, To string
	// Frame keeps articles with at least one hit in that frame.
	Frame string
	// Term keeps articles with a hit whose pattern is Term, or whose text is
	// Term regardless of (ASCII) case.
	Term string
	// Side keeps articles quoting at least one speaker of that side.
	Side string
	// Query is a full-text query; each word is matched literally (see Search).
	Query string
	// Sort is one of the keys of articleSorts ("date", "-date", "title",
	// "words", "hits", "balance", "outlet", each with "-" for descending).
	// Anything else sorts by the default, newest first.
	Sort string
	// Limit caps the rows returned: 0 means DefaultLimit, and it is never
	// more than MaxLimit. Quotes and Sources treat 0 as no limit.
	Limit, Offset int
}

// Row limits of Articles.
const (
	DefaultLimit = 50
	MaxLimit     = 5000
)

// articleSorts whitelists the ORDER BY clauses a filter's Sort may pick.
var articleSorts = map[string]string{
	"date":     "a.published_date IS NULL, a.published_date, a.id",
	"-date":    "a.published_date IS NULL, a.published_date DESC, a.id DESC",
	"title":    "lower(a.title), a.id",
	"-title":   "lower(a.title) DESC, a.id DESC",
	"words":    "a.words, a.id",
	"-words":   "a.words DESC, a.id DESC",
	"hits":     "COALESCE(sc.hits, 0), a.id",
	"-hits":    "COALESCE(sc.hits, 0) DESC, a.id DESC",
	"balance":  "COALESCE(sc.balance, 0), a.id",
	"-balance": "COALESCE(sc.balance, 0) DESC, a.id DESC",
	"outlet":   "o.name IS NULL, lower(o.name), a.id",
	"-outlet":  "o.name IS NULL, lower(o.name) DESC, a.id DESC",
	"id":       "a.id",
	"-id":      "a.id DESC",
}

// defaultArticleSort is used for an empty or unknown Sort.
const defaultArticleSort = "-date"

// ArticleSorts returns the sort keys ArticleFilter.Sort accepts.
func ArticleSorts() []string {
	keys := make([]string, 0, len(articleSorts))
	for k := range articleSorts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// ContentHash returns the hash duplicates are found by: the hex SHA-256 of
// text lower-cased, with every run of white space collapsed to one space and
// none at either end. Re-wrapped or re-cased copies of an article share it.
//
// It is strings.Fields(strings.ToLower(text)) joined by spaces, worked out
// in one pass without copying the text: an invalid byte becomes U+FFFD, as
// strings.ToLower makes it, and white space is unicode.IsSpace.
func ContentHash(text string) string {
	h := sha256.New()
	var buf [4096]byte
	out := buf[:0]
	inWord, started := false, false
	for i := 0; i < len(text); {
		// It runs over every imported article, so ASCII, most of the
		// text, takes a path of its own, without decoding runes: eight
		// bytes at a time where they come out as they are, but
		// lower-cased, else byte by byte.
		if inWord && i+8 <= len(text) {
			x := storeLoad8(text, i)
			// The block is ASCII with no byte below ' ' (no white space
			// but ' ', which needs no collapsing when no two stand
			// together and the block does not end with one: a word
			// byte came before it and comes last in it).
			space := ^((x ^ storeSpace8) + storeLow7x8) & storeHigh8
			if x&storeHigh8 == 0 && (x+storeFrom20x8)&storeHigh8 == storeHigh8 &&
				space&(space<<8) == 0 && space>>63 == 0 {
				// Lower-case A-Z by adding 0x20 to the bytes at or
				// above 'A' and not above 'Z'.
				upper := ((x + storeFromA8) ^ (x + storeAboveZ8)) & storeHigh8
				out = binary.LittleEndian.AppendUint64(out, x|upper>>2)
				i += 8
				if len(out) > len(buf)-16 {
					h.Write(out)
					out = buf[:0]
				}
				continue
			}
		}
		if c := text[i]; c < utf8.RuneSelf {
			if storeASCIISpace[c] {
				inWord = false
				i++
				continue
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if !inWord {
				if started {
					out = append(out, ' ')
				}
				inWord, started = true, true
			}
			out = append(out, c)
			i++
		} else {
			r, n := utf8.DecodeRuneInString(text[i:])
			i += n
			r = unicode.ToLower(r)
			if unicode.IsSpace(r) {
				inWord = false
				continue
			}
			if !inWord {
				if started {
					out = append(out, ' ')
				}
				inWord, started = true, true
			}
			out = utf8.AppendRune(out, r)
		}
		if len(out) > len(buf)-16 {
			h.Write(out)
			out = buf[:0]
		}
	}
	h.Write(out)
	return hex.EncodeToString(h.Sum(nil))
}

// Eight-byte masks of ContentHash: every byte's high bit, every byte ' ',
// 0x7f, and what added to an ASCII byte sets its high bit when the byte is
// at least ' ', at least 'A', or above 'Z'. (No byte carries into the next:
// each sum stays below 0x100.)
const (
	storeHigh8    = 0x8080808080808080
	storeSpace8   = 0x2020202020202020
	storeLow7x8   = 0x7f7f7f7f7f7f7f7f
	storeFrom20x8 = 0x6060606060606060 // 0x80 - ' '
	storeFromA8   = 0x3f3f3f3f3f3f3f3f // 0x80 - 'A'
	storeAboveZ8  = 0x2525252525252525 // 0x80 - 'Z' - 1
)

// storeLoad8 reads the eight bytes of s at i little-endian (the compiler
// makes it one load).
func storeLoad8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// storeASCIISpace marks the ASCII bytes unicode.IsSpace holds white space.
var storeASCIISpace = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = unicode.IsSpace(rune(c))
	}
	return t
}()

// articlePublishedDate returns the YYYY-MM-DD date of a published value, or
// NULL when it does not start with a valid date.
func articlePublishedDate(published string) sql.NullString {
	if len(published) < 10 {
		return sql.NullString{}
	}
	if _, err := time.Parse("2006-01-02", published[:10]); err != nil {
		return sql.NullString{}
	}
	return sql.NullString{String: published[:10], Valid: true}
}

// SaveArticle stores an article and its analysis in one transaction: both or
// nothing. When an article with the same content hash is stored already it
// writes nothing and returns that article's id with duplicate true. A nil
// result stores the article alone. A result that breaks the schema's rules
// (an unknown voice, a valence out of range ...) is EINVALID.
func (s *Store) SaveArticle(ctx context.Context, a NewArticle, r *analysis.Result) (id int64, duplicate bool, err error) {
	if err := validateNewArticle(a); err != nil {
		return 0, false, err
	}
	err = s.writeTx(ctx, func(tx *sql.Tx) error {
		w := s.newWriter(ctx, tx)
		id, duplicate, err = w.saveArticle(a, r, PrepareArticle(a))
		if err != nil || duplicate {
			return err
		}
		if err := w.flush(); err != nil {
			return err
		}
		return w.indexText([]int64{id})
	})
	if err != nil {
		return 0, false, storeSaveError(a.Title, err)
	}
	return id, duplicate, nil
}

// SaveArticles stores many articles with their analyses in one transaction,
// each all or nothing: an article that fails is left out and reported in its
// outcome, the others are stored. Duplicates (of stored articles or of an
// earlier article of the batch) are reported as in SaveArticle. The error is
// non-nil only when the batch as a whole failed, and then nothing was stored.
//
// The batch is first written without savepoints, the fast path. Only when an
// article fails is that transaction rolled back and the batch written again
// with one savepoint per article, so that the failing article rolls back
// alone.
func (s *Store) SaveArticles(ctx context.Context, batch []ArticleWithResult) ([]SaveOutcome, error) {
	prep := storePrepareBatch(batch)
	// The batch's word counts are added up beside the writer while it
	// inserts the articles.
	sums := make(chan *storeBatchWords, 1)
	go func() { sums <- storeSumBatchWords(batch, prep) }()
	words := sync.OnceValue(func() *storeBatchWords { return <-sums })
	out, failed, err := s.saveBatch(ctx, batch, prep, words, false)
	if err == nil && failed {
		out, _, err = s.saveBatch(ctx, batch, prep, words, true)
	}
	if err != nil {
		return nil, fmt.Errorf("store: insert %d articles: %w", len(batch), err)
	}
	return out, nil
}

// errStoreBatchFailed rolls back a batch written without savepoints.
var errStoreBatchFailed = errors.New("an article of the batch failed")

// saveBatch writes batch in one transaction. Without savepoints the first
// failing article rolls back everything and failed is true; with them each
// failing article rolls back alone.
//
// words returns the batch's word counts added up per outlet, which the
// writer uses when every article of the batch with an outlet was stored.
func (s *Store) saveBatch(ctx context.Context, batch []ArticleWithResult, prep []*Prepared,
	words func() *storeBatchWords, savepoints bool) (out []SaveOutcome, failed bool, err error) {
	out = make([]SaveOutcome, len(batch))
	err = s.writeTx(ctx, func(tx *sql.Tx) error {
		w := s.newWriter(ctx, tx)
		if !savepoints {
			w.holdRows()
		}
		var fresh []int64
		var skipped []storeSkipped
		skip := func(i int) {
			if key := outletKey(batch[i].Article.Outlet); key != "" {
				skipped = append(skipped, storeSkipped{key, prep[i].words})
			}
		}
		for i, item := range batch {
			if err := validateNewArticle(item.Article); err != nil {
				out[i].Err = err
				skip(i)
				continue
			}
			if savepoints {
				if _, err := tx.ExecContext(ctx, `SAVEPOINT store_article`); err != nil {
					return err
				}
			}
			id, dup, err := w.saveArticle(item.Article, item.Result, prep[i])
			if err != nil {
				if !savepoints {
					failed = true
					return errStoreBatchFailed
				}
				if _, rerr := tx.ExecContext(ctx, `ROLLBACK TO SAVEPOINT store_article`); rerr != nil {
					return rerr
				}
				w.forget()
				out[i].Err = storeSaveError(item.Article.Title, err)
				skip(i)
			} else {
				out[i].ID, out[i].Duplicate = id, dup
				if dup {
					skip(i)
				} else {
					fresh = append(fresh, id)
				}
			}
			if savepoints {
				if _, err := tx.ExecContext(ctx, `RELEASE SAVEPOINT store_article`); err != nil {
					return err
				}
			}
		}
		if err := w.flushRows(); err != nil {
			// Rows of several articles: written again one article at a
			// time, to find the one that fails.
			failed = true
			return errStoreBatchFailed
		}
		w.useBatchWords(words(), skipped)
		if err := w.flush(); err != nil {
			return err
		}
		return w.indexText(fresh)
	})
	if failed {
		return nil, true, nil
	}
	return out, false, err
}

// storeSaveError wraps an error of saving the article titled title, making
// a broken schema rule an EINVALID *analysis.Error.
func storeSaveError(title string, err error) error {
	if analysis.ErrorCode(err) != analysis.EINTERNAL {
		return err
	}
	if storeIsConstraint(err) {
		return analysis.Errorf(analysis.EINVALID, "article %q: the analysis breaks a rule of the store: %v", title, err)
	}
	return fmt.Errorf("store: insert article %q: %w", title, err)
}

func validateNewArticle(a NewArticle) error {
	if strings.TrimSpace(a.Text) == "" {
		return analysis.Errorf(analysis.EINVALID, "article %q has no text", a.Title)
	}
	if a.Words < 0 {
		return analysis.Errorf(analysis.EINVALID, "article %q has a negative word count", a.Title)
	}
	return nil
}

// Article returns the stored article with the given id.
func (s *Store) Article(ctx context.Context, id int64) (Article, error) {
	var a Article
	var published sql.NullString
	var outlet sql.NullString
	err := s.read.QueryRowContext(ctx, `SELECT a.id, o.name, a.title, a.url, a.published, a.language,
			a.origin, a.raw, a.text, a.words, a.content_hash, a.created_at
		FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id
		WHERE a.id = ?`, id).Scan(&a.ID, &outlet, &a.Title, &a.URL, &published, &a.Language,
		&a.Origin, &a.Raw, &a.Text, &a.Words, &a.ContentHash, &a.CreatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return Article{}, analysis.Errorf(analysis.ENOTFOUND, "article %d not found", id)
	}
	if err != nil {
		return Article{}, fmt.Errorf("store: get article %d: %w", id, err)
	}
	a.Outlet, a.Published = outlet.String, published.String
	return a, nil
}

// DeleteArticles deletes the articles with the given ids, with their
// analyses and false-positive marks, and returns how many existed.
func (s *Store) DeleteArticles(ctx context.Context, ids []int64) (int, error) {
	var n int64
	err := s.writeTx(ctx, func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, `DELETE FROM articles WHERE id = ?`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		w := s.newWriter(ctx, tx)
		for _, id := range ids {
			if err := w.forgetWords(id); err != nil {
				return err
			}
			res, err := stmt.ExecContext(ctx, id)
			if err != nil {
				return err
			}
			k, err := res.RowsAffected()
			if err != nil {
				return err
			}
			n += k
		}
		return w.flushWords()
	})
	if err != nil {
		return 0, fmt.Errorf("store: delete %d articles: %w", len(ids), err)
	}
	return int(n), nil
}

// ArticleIDs returns the ids of every article, ascending.
func (s *Store) ArticleIDs(ctx context.Context) ([]int64, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT id FROM articles ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("store: list article ids: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("store: list article ids: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// ArticleTexts returns up to limit articles with ids above afterID, in id
// order, for rescoring in batches: pass the last id of one batch as afterID
// of the next until a batch comes back empty.
func (s *Store) ArticleTexts(ctx context.Context, afterID int64, limit int) ([]ArticleText, error) {
	if limit <= 0 {
		limit = 500
	}
	rows, err := s.read.QueryContext(ctx, `SELECT id, title, published, text, words FROM articles
		WHERE id > ? ORDER BY id LIMIT ?`, afterID, limit)
	if err != nil {
		return nil, fmt.Errorf("store: list article texts after %d: %w", afterID, err)
	}
	defer rows.Close()
	var out []ArticleText
	for rows.Next() {
		var t ArticleText
		var published sql.NullString
		if err := rows.Scan(&t.ID, &t.Title, &published, &t.Text, &t.Words); err != nil {
			return nil, fmt.Errorf("store: list article texts after %d: %w", afterID, err)
		}
		t.Published = published.String
		out = append(out, t)
	}
	return out, rows.Err()
}

// storeArticleWhere turns a filter into a WHERE condition over articles a,
// with its arguments. The condition is "1 = 1" for an empty filter.
func storeArticleWhere(f ArticleFilter) (string, []any, error) {
	conds := []string{"1 = 1"}
	var args []any
	if len(f.Outlets) > 0 {
		var keys []any
		for _, o := range f.Outlets {
			keys = append(keys, outletKey(o))
		}
		ph := storePlaceholders(len(keys))
		conds = append(conds, `a.outlet_id IN (SELECT id FROM outlets WHERE name_key IN (`+ph+`)
			UNION SELECT outlet_id FROM outlet_aliases WHERE alias_key IN (`+ph+`))`)
		args = append(args, keys...)
		args = append(args, keys...)
	}
	for _, b := range []struct {
		name, value, op string
	}{{"from", f.From, ">="}, {"to", f.To, "<="}} {
		if b.value == "" {
			continue
		}
		d := articlePublishedDate(b.value)
		if !d.Valid {
			return "", nil, analysis.Errorf(analysis.EINVALID, "%s date %q is not YYYY-MM-DD", b.name, b.value)
		}
		conds = append(conds, "a.published_date "+b.op+" ?")
		args = append(args, d.String)
	}
	if f.Frame != "" {
		conds = append(conds, `EXISTS (SELECT 1 FROM frame_scores fs WHERE fs.article_id = a.id AND fs.frame = ? AND fs.count > 0)`)
		args = append(args, f.Frame)
	}
	if f.Term != "" {
		conds = append(conds, `EXISTS (SELECT 1 FROM analyses an JOIN hits h ON h.analysis_id = an.id
			WHERE an.article_id = a.id AND (h.pattern = ? OR lower(h.term) = lower(?)))`)
		args = append(args, f.Term, f.Term)
	}
	if f.Side != "" {
		conds = append(conds, `EXISTS (SELECT 1 FROM side_scores ss WHERE ss.article_id = a.id AND ss.side = ? AND ss.attributions > 0)`)
		args = append(args, f.Side)
	}
	if q := FTSQuery(f.Query); q != "" {
		conds = append(conds, `a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)`)
		args = append(args, q)
	}
	return strings.Join(conds, " AND "), args, nil
}

// storePlaceholders returns n comma-separated "?".
func storePlaceholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

// Articles returns one page of the articles the filter selects, and how many
// it selects in all.
func (s *Store) Articles(ctx context.Context, f ArticleFilter) ([]ArticleRow, int, error) {
	where, args, err := storeArticleWhere(f)
	if err != nil {
		return nil, 0, err
	}
	order, ok := articleSorts[f.Sort]
	if !ok {
		order = articleSorts[defaultArticleSort]
	}
	limit := f.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	offset := max(f.Offset, 0)
	var out []ArticleRow
	var total int
	err = s.readTx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM articles a WHERE `+where, args...).Scan(&total); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, articleRowSelect+` WHERE `+where+` ORDER BY `+order+` LIMIT ? OFFSET ?`,
			append(args, limit, offset)...)
		if err != nil {
			return err
		}
		out, err = scanArticleRows(rows)
		if err != nil {
			return err
		}
		return fillTopFrames(ctx, tx, out)
	})
	if err != nil {
		return nil, 0, fmt.Errorf("store: list articles: %w", err)
	}
	return out, total, nil
}

// articleRowSelect selects the columns scanArticleRows reads.
const articleRowSelect = `SELECT a.id, COALESCE(o.name, ''), a.title, COALESCE(a.published, ''), a.words,
		COALESCE(sc.hits, 0), COALESCE(sc.quotes, 0), COALESCE(sc.unassigned, 0), COALESCE(sc.balance, 0),
		COALESCE(sc.balance_words, 0)
	FROM articles a
	LEFT JOIN outlets o ON o.id = a.outlet_id
	LEFT JOIN article_scores sc ON sc.article_id = a.id`

func scanArticleRows(rows *sql.Rows) ([]ArticleRow, error) {
	defer rows.Close()
	out := []ArticleRow{}
	for rows.Next() {
		var r ArticleRow
		if err := rows.Scan(&r.ID, &r.Outlet, &r.Title, &r.Published, &r.Words,
			&r.Hits, &r.Quotes, &r.Unassigned, &r.Balance, &r.BalanceWords); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// fillTopFrames sets the TopFrames of each row from frame_scores.
func fillTopFrames(ctx context.Context, tx *sql.Tx, list []ArticleRow) error {
	if len(list) == 0 {
		return nil
	}
	idx := make(map[int64]int, len(list))
	args := make([]any, len(list))
	for i, r := range list {
		idx[r.ID] = i
		args[i] = r.ID
	}
	rows, err := tx.QueryContext(ctx, `SELECT article_id, frame, count FROM frame_scores
		WHERE count > 0 AND article_id IN (`+storePlaceholders(len(args))+`)
		ORDER BY article_id, count DESC, frame`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var frame string
		var count int
		if err := rows.Scan(&id, &frame, &count); err != nil {
			return err
		}
		r := &list[idx[id]]
		if len(r.TopFrames) < 3 {
			r.TopFrames = append(r.TopFrames, frame)
			r.TopFrameCounts = append(r.TopFrameCounts, count)
		}
	}
	return rows.Err()
}

// Stats sums up the corpus.
type Stats struct {
	Articles int
	Outlets  int
	Words    int
	Hits     int
	Quotes   int
	// First and Last are the earliest and latest publication dates
	// (YYYY-MM-DD), empty when no article has one.
	First, Last string
}

// Stats returns the corpus totals.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	var first, last sql.NullString
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(SUM(words), 0), COUNT(DISTINCT outlet_id),
				MIN(published_date), MAX(published_date) FROM articles`).
			Scan(&st.Articles, &st.Words, &st.Outlets, &first, &last); err != nil {
			return err
		}
		return tx.QueryRowContext(ctx, `SELECT COALESCE(SUM(hits), 0), COALESCE(SUM(quotes), 0) FROM article_scores`).
			Scan(&st.Hits, &st.Quotes)
	})
	if err != nil {
		return Stats{}, fmt.Errorf("store: stats: %w", err)
	}
	st.First, st.Last = first.String, last.String
	return st, nil
}

// EachArticle calls fn for every article the filter selects, in its sort
// order, without holding them all in memory: the article export. Limit 0
// means no limit here. TopFrames is left empty.
func (s *Store) EachArticle(ctx context.Context, f ArticleFilter, fn func(ArticleRow) error) error {
	where, args, err := storeArticleWhere(f)
	if err != nil {
		return err
	}
	order, ok := articleSorts[f.Sort]
	if !ok {
		order = articleSorts[defaultArticleSort]
	}
	rows, err := s.read.QueryContext(ctx, articleRowSelect+` WHERE `+where+` ORDER BY `+order+
		storeLimit(f.Limit, f.Offset, &args), args...)
	if err != nil {
		return fmt.Errorf("store: export articles: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r ArticleRow
		if err := rows.Scan(&r.ID, &r.Outlet, &r.Title, &r.Published, &r.Words,
			&r.Hits, &r.Quotes, &r.Unassigned, &r.Balance, &r.BalanceWords); err != nil {
			return fmt.Errorf("store: export articles: %w", err)
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: export articles: %w", err)
	}
	return nil
}
