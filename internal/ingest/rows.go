package ingest

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/framinglens/framinglens/internal/analysis"
)

// rowField is an Article field that a CSV column or JSON key can fill.
type rowField int

const (
	rowNone rowField = iota
	rowOutlet
	rowTitle
	rowDate
	rowURL
	rowAuthor
	rowText
	rowLanguage
)

// rowFieldNames maps normalised column names to fields. Among several text
// columns the earlier in rowTextPriority wins.
var rowFieldNames = map[string]rowField{
	"outlet": rowOutlet, "source": rowOutlet, "site": rowOutlet, "publication": rowOutlet,
	"publisher": rowOutlet, "source_name": rowOutlet, "site_name": rowOutlet, "media": rowOutlet,
	"title": rowTitle, "headline": rowTitle,
	"date": rowDate, "published": rowDate, "publish_date": rowDate, "published_at": rowDate,
	"pubdate": rowDate, "date_published": rowDate, "published_date": rowDate, "datepublished": rowDate,
	"url": rowURL, "link": rowURL,
	"author": rowAuthor, "authors": rowAuthor, "byline": rowAuthor,
	"text": rowText, "content": rowText, "body": rowText, "content_original": rowText,
	"article": rowText, "full_text": rowText, "fulltext": rowText, "article_text": rowText,
	"language": rowLanguage, "lang": rowLanguage,
}

// rowTextPriority orders the text column names, best first.
var rowTextPriority = []string{"text", "content", "body", "content_original", "article", "full_text", "fulltext", "article_text"}

// rowNormName normalises a column name: lower case, trimmed, spaces and
// hyphens as underscores.
func rowNormName(s string) string {
	s = strings.TrimSpace(strings.TrimPrefix(s, "\uFEFF"))
	s = strings.ToLower(s)
	return strings.NewReplacer(" ", "_", "-", "_").Replace(s)
}

// rowArticle builds an article from named values. get returns the value of
// a normalised column name.
func rowArticle(names []string, get func(name string) string) (*Article, bool) {
	a := &Article{}
	hasText := false
	for _, tn := range rowTextPriority {
		for _, n := range names {
			if n == tn {
				hasText = true
				if a.Text == "" {
					a.Text = get(n)
				}
			}
		}
	}
	for _, n := range names {
		var dst *string
		switch rowFieldNames[n] {
		case rowOutlet:
			dst = &a.Outlet
		case rowTitle:
			dst = &a.Title
		case rowDate:
			dst = &a.Published
		case rowURL:
			dst = &a.URL
		case rowAuthor:
			dst = &a.Author
		case rowLanguage:
			dst = &a.Language
		default:
			continue
		}
		if *dst == "" {
			*dst = strings.TrimSpace(get(n))
		}
	}
	a.Published = normalizeDate(a.Published)
	a.Title = htmlClean(a.Title)
	a.Outlet = htmlClean(a.Outlet)
	if a.Outlet == "" {
		a.Outlet = outletFromURL(a.URL)
	}
	if htmlFragmentLike(a.Text) {
		a.Text = htmlFragmentText(a.Text)
	}
	a.Text = decodeNormalize(a.Text)
	return a, hasText
}

// rowGuard counts the bytes a row parser reads since the last row ended and
// fails once one row passes its limit, so a runaway quoted field or JSON
// value cannot fill memory.
type rowGuard struct {
	r     io.Reader
	since int64
	limit int64
	row   func() int
}

func (g *rowGuard) Read(p []byte) (int, error) {
	if g.since > g.limit {
		return 0, analysis.Errorf(analysis.ETOOLARGE, "row %d: too large (more than %s); rest of the file skipped", g.row(), formatSize(g.limit))
	}
	n, err := g.r.Read(p)
	g.since += int64(n)
	return n, err
}

// csvSniffDelimiter picks the delimiter of a CSV header line: the most
// frequent of comma, semicolon and tab outside quotes.
func csvSniffDelimiter(line []byte) rune {
	counts := map[byte]int{}
	inQuote := false
	for _, c := range line {
		switch {
		case c == '"':
			inQuote = !inQuote
		case !inQuote && (c == ',' || c == ';' || c == '\t'):
			counts[c]++
		}
	}
	best, bestN := byte(','), 0
	for _, c := range []byte{',', ';', '\t'} {
		if counts[c] > bestN {
			best, bestN = c, counts[c]
		}
	}
	return rune(best)
}

// readCSV reads a CSV or TSV export with a header row, one article per row.
func (rd *reader) readCSV(origin string, r io.Reader, tsv bool) error {
	dr, err := decodeStream(r)
	if err != nil {
		return err
	}
	br := bufio.NewReaderSize(dr, 64<<10)
	head, _ := br.Peek(64 << 10)
	line, _, _ := bytes.Cut(head, []byte("\n"))
	delim := csvSniffDelimiter(line)
	if tsv && !bytes.ContainsRune(line, delim) {
		delim = '\t'
	}
	row := 1
	// The CSV reader buffers ahead, so the guard allows a little slack.
	guard := &rowGuard{r: br, limit: rd.lim.MaxArticleBytes + 64<<10, row: func() int { return row }}
	cr := csv.NewReader(guard)
	cr.Comma = delim
	cr.FieldsPerRecord = -1
	// Tab-separated exports often write article text unquoted, with the
	// text's own quotation marks in it; only a tab or a line break can end
	// such a field, so a stray quote is text there, not an error.
	cr.LazyQuotes = delim == '\t'
	header, err := cr.Read()
	if err != nil {
		if ae := itemError(err); ae != nil {
			return ae
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) || err == io.EOF {
			return analysis.Errorf(analysis.EINVALID, "unreadable header row")
		}
		return fmt.Errorf("read csv header: %w", err)
	}
	names := make([]string, len(header))
	for i, h := range header {
		names[i] = rowNormName(h)
	}
	textCol := false
	for _, n := range names {
		if rowFieldNames[n] == rowText {
			textCol = true
		}
	}
	if !textCol {
		return analysis.Errorf(analysis.EINVALID, "no text column (columns: %s)", rowColumnList(header))
	}
	index := map[string]int{}
	for i, n := range names {
		if _, ok := index[n]; !ok {
			index[n] = i
		}
	}
	for {
		guard.since = 0
		row++
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		rowOrigin := fmt.Sprintf("%s#row %d", origin, row)
		if err != nil {
			if ae := itemError(err); ae != nil {
				return rd.send(Item{Origin: rowOrigin, Err: ae})
			}
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				if err := rd.reject(rowOrigin, analysis.EINVALID, "row %d: %s", row, csvReason(pe)); err != nil {
					return err
				}
				// The reader resumes at the next line after a parse error.
				continue
			}
			return fmt.Errorf("read csv row %d: %w", row, err)
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		if len(rec) != len(header) {
			if err := rd.reject(rowOrigin, analysis.EINVALID, "row %d: wrong number of fields (%d, header has %d)", row, len(rec), len(header)); err != nil {
				return err
			}
			continue
		}
		a, _ := rowArticle(names, func(n string) string { return rec[index[n]] })
		if a.Text == "" {
			if err := rd.reject(rowOrigin, analysis.EINVALID, "row %d: empty text", row); err != nil {
				return err
			}
			continue
		}
		a.Origin = rowOrigin
		a.Raw = capBytes(csvRowJSON(header, rec), rd.lim.MaxArticleBytes)
		if err := rd.accept(a); err != nil {
			return err
		}
	}
}

// rowColumnList names the first columns of a header for a message, so that
// a header of thousands of columns still gives a one-line reason.
func rowColumnList(header []string) string {
	const most = 12
	names := make([]string, 0, most)
	for _, h := range header[:min(len(header), most)] {
		if len(h) > 40 {
			h = h[:40] + "…"
		}
		names = append(names, strings.ToValidUTF8(strings.Join(strings.Fields(h), " "), "\uFFFD"))
	}
	list := strings.Join(names, ", ")
	if len(header) > most {
		list += fmt.Sprintf(" and %d more", len(header)-most)
	}
	return list
}

// csvReason words a CSV parse error for a user.
func csvReason(pe *csv.ParseError) string {
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return "stray quote in an unquoted field"
	case errors.Is(pe.Err, csv.ErrQuote):
		return "unclosed or misplaced quote"
	}
	return "malformed row"
}

// csvRowJSON renders a CSV row as a JSON object keyed by the header.
func csvRowJSON(header, rec []string) []byte {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, h := range header {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(h)
		v, _ := json.Marshal(rec[i])
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes()
}

// jsonString renders a JSON value as text: strings as they are, numbers and
// booleans printed, lists joined with ", ", objects by their "name".
func jsonString(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case json.Number:
		return x.String()
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	case []any:
		parts := make([]string, 0, len(x))
		for _, e := range x {
			if s := strings.TrimSpace(jsonString(e)); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, ", ")
	case map[string]any:
		if n, ok := x["name"]; ok {
			return jsonString(n)
		}
	}
	return ""
}

// jsonArticle builds an article from one decoded JSON object.
func jsonArticle(obj map[string]any) (*Article, bool) {
	names := make([]string, 0, len(obj))
	values := make(map[string]any, len(obj))
	for k, v := range obj {
		n := rowNormName(k)
		if _, dup := values[n]; dup {
			continue
		}
		names = append(names, n)
		values[n] = v
	}
	// Map iteration order is random; sort so the first-wins rules are stable.
	slices.Sort(names)
	return rowArticle(names, func(n string) string { return jsonString(values[n]) })
}

// jsonItem sends the article of one JSON object, or its rejection.
func (rd *reader) jsonItem(origin, label string, raw []byte) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return rd.reject(origin, analysis.EINVALID, "%s: malformed JSON", label)
	}
	if dec.More() {
		return rd.reject(origin, analysis.EINVALID, "%s: malformed JSON (more than one value)", label)
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return rd.reject(origin, analysis.EINVALID, "%s: not a JSON object", label)
	}
	a, hasText := jsonArticle(obj)
	if !hasText {
		return rd.reject(origin, analysis.EINVALID, "%s: no text field", label)
	}
	if a.Text == "" {
		return rd.reject(origin, analysis.EINVALID, "%s: empty text", label)
	}
	a.Origin = origin
	a.Raw = capBytes(bytes.Clone(raw), rd.lim.MaxArticleBytes)
	return rd.accept(a)
}

// readJSONL reads one JSON object per line. A line longer than
// MaxArticleBytes is skipped without being held in memory.
func (rd *reader) readJSONL(origin string, r io.Reader) error {
	dr, err := decodeStream(r)
	if err != nil {
		return err
	}
	br := bufio.NewReaderSize(dr, 256<<10)
	var line []byte
	for row := 1; ; row++ {
		line = line[:0]
		tooLong := false
		var readErr error
		for {
			chunk, err := br.ReadSlice('\n')
			if !tooLong {
				if int64(len(line)+len(chunk)) > rd.lim.MaxArticleBytes+1 {
					tooLong = true
					line = line[:0]
				} else {
					line = append(line, chunk...)
				}
			}
			if err == bufio.ErrBufferFull {
				continue
			}
			readErr = err
			break
		}
		if readErr != nil && readErr != io.EOF {
			if ae := itemError(readErr); ae != nil {
				return ae
			}
			return fmt.Errorf("read line %d: %w", row, readErr)
		}
		rowOrigin := fmt.Sprintf("%s#row %d", origin, row)
		if tooLong {
			if err := rd.reject(rowOrigin, analysis.ETOOLARGE, "row %d: too large (more than %s)", row, formatSize(rd.lim.MaxArticleBytes)); err != nil {
				return err
			}
		} else if t := bytes.TrimSpace(line); len(t) > 0 {
			if err := rd.jsonItem(rowOrigin, fmt.Sprintf("row %d", row), t); err != nil {
				return err
			}
		}
		if readErr == io.EOF {
			return nil
		}
	}
}

// readJSON reads a JSON array of article objects, streamed element by
// element, or one object, or several objects one after another.
func (rd *reader) readJSON(origin string, r io.Reader) error {
	dr, err := decodeStream(r)
	if err != nil {
		return err
	}
	br := bufio.NewReader(dr)
	first := byte(0)
	for {
		c, err := br.ReadByte()
		if err != nil {
			if ae := itemError(err); ae != nil {
				return ae
			}
			if err == io.EOF {
				return analysis.Errorf(analysis.EINVALID, "empty")
			}
			return fmt.Errorf("read json: %w", err)
		}
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			first = c
			if err := br.UnreadByte(); err != nil {
				return fmt.Errorf("read json: %w", err)
			}
			break
		}
	}
	if first != '[' && first != '{' {
		return analysis.Errorf(analysis.EINVALID, "not a JSON object or array")
	}
	n := 0
	guard := &rowGuard{r: br, limit: 2*rd.lim.MaxArticleBytes + 1<<20, row: func() int { return n }}
	dec := json.NewDecoder(guard)
	if first == '[' {
		if _, err := dec.Token(); err != nil {
			return fmt.Errorf("read json: %w", err)
		}
	}
	for first == '{' || dec.More() {
		n++
		guard.since = 0
		label := fmt.Sprintf("item %d", n)
		itemOrigin := fmt.Sprintf("%s#item %d", origin, n)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			if err == io.EOF && first == '{' && n > 1 {
				return nil
			}
			if ae := itemError(err); ae != nil {
				return rd.send(Item{Origin: itemOrigin, Err: ae})
			}
			return rd.reject(itemOrigin, analysis.EINVALID, "%s: malformed JSON; rest of the file skipped", label)
		}
		if int64(len(raw)) > rd.lim.MaxArticleBytes {
			if err := rd.reject(itemOrigin, analysis.ETOOLARGE, "%s: too large (%s > %s)", label, formatSize(int64(len(raw))), formatSize(rd.lim.MaxArticleBytes)); err != nil {
				return err
			}
			continue
		}
		if err := rd.jsonItem(itemOrigin, label, raw); err != nil {
			return err
		}
	}
	return nil
}
