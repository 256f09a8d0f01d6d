// Package ingest turns uploaded bytes into articles: plain text, Markdown,
// HTML pages (main text and metadata extracted), CSV/TSV and JSON/JSONL
// exports with one article per row, and zip archives of any of these, in any
// common text encoding. It reads streams without holding a large file in
// memory, enforces size and zip-bomb limits, and reports every rejected item
// with a short reason a user can act on. It does no analysis and no storage.
package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/framinglens/framinglens/internal/analysis"
)

// Article is one article as it came in, before analysis.
type Article struct {
	Origin    string // where it came from: "upload.zip/dir/a.html", "dump.jsonl#row 12", "pasted text"
	Title     string // from metadata when known (HTML <title>/og:title, CSV column); may be empty
	Outlet    string // from a CSV/JSON column, og:site_name, JSON-LD publisher, or the URL's domain
	URL       string
	Published string // RFC 3339 or YYYY-MM-DD when known
	Author    string
	Language  string // from <html lang> or metadata when known
	Text      string // plain UTF-8 text, paragraphs separated by blank lines
	Raw       []byte // the original bytes of this item (for a CSV/JSONL row: the row as JSON); capped at Limits.MaxArticleBytes
}

// Item is one result of reading: an article, or why an item was rejected.
type Item struct {
	Origin  string
	Article *Article // nil when rejected
	Err     error    // an *analysis.Error (EINVALID / ETOOLARGE) with a one-line user-safe reason
}

// Limits bounds what one Read may consume. Zero fields take the defaults.
type Limits struct {
	MaxArticleBytes int64 // per article, or per file inside a container
	MaxFileBytes    int64 // per uploaded file (zip, jsonl, csv)
	MaxZipEntries   int   // entries in one zip archive
	MaxZipRatio     int64 // uncompressed/compressed, per entry and in total
	MaxZipTotal     int64 // total uncompressed bytes of one zip archive
}

// DefaultLimits returns the limits used when a field of Limits is zero.
func DefaultLimits() Limits {
	return Limits{
		MaxArticleBytes: 5 << 20,
		MaxFileBytes:    200 << 20,
		MaxZipEntries:   10_000,
		MaxZipRatio:     100,
		MaxZipTotal:     1 << 30,
	}
}

// withDefaults fills the zero fields of lim from DefaultLimits.
func (lim Limits) withDefaults() Limits {
	d := DefaultLimits()
	if lim.MaxArticleBytes <= 0 {
		lim.MaxArticleBytes = d.MaxArticleBytes
	}
	if lim.MaxFileBytes <= 0 {
		lim.MaxFileBytes = d.MaxFileBytes
	}
	if lim.MaxZipEntries <= 0 {
		lim.MaxZipEntries = d.MaxZipEntries
	}
	if lim.MaxZipRatio <= 0 {
		lim.MaxZipRatio = d.MaxZipRatio
	}
	if lim.MaxZipTotal <= 0 {
		lim.MaxZipTotal = d.MaxZipTotal
	}
	return lim
}

// ingestFormat is a kind of input, picked from the name and the content.
type ingestFormat int

const (
	formatUnknown ingestFormat = iota
	formatText
	formatMarkdown
	formatHTML
	formatCSV
	formatTSV
	formatJSONL
	formatJSON
	formatZip
	formatUnsupported
)

// formatByName maps a file name's extension to a format.
func formatByName(name string) ingestFormat {
	switch strings.ToLower(path.Ext(name)) {
	case ".txt", ".text":
		return formatText
	case ".md", ".markdown":
		return formatMarkdown
	case ".html", ".htm", ".xhtml", ".shtml":
		return formatHTML
	case ".csv":
		return formatCSV
	case ".tsv", ".tab":
		return formatTSV
	case ".jsonl", ".ndjson", ".jsonlines":
		return formatJSONL
	case ".json":
		return formatJSON
	case ".zip":
		return formatZip
	case ".pdf", ".doc", ".docx", ".odt", ".rtf", ".xls", ".xlsx", ".ods", ".ppt", ".pptx",
		".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".mp3", ".mp4", ".mov", ".avi",
		".exe", ".dll", ".so", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".rar", ".tar", ".epub":
		return formatUnsupported
	}
	return formatUnknown
}

// formatSniff picks the format of content whose name says nothing, from its
// first bytes.
func formatSniff(head []byte) ingestFormat {
	if bytes.HasPrefix(head, []byte("PK\x03\x04")) || bytes.HasPrefix(head, []byte("PK\x05\x06")) {
		return formatZip
	}
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(head, decodeBOMUTF8), " \t\r\n")
	if formatLooksHTML(trimmed, false) {
		return formatHTML
	}
	if len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[') {
		return formatJSON
	}
	return formatText
}

// formatLooksHTML reports whether text (leading space trimmed) starts like
// an HTML document; unless strict, a leading element such as <p> or <div>
// counts too.
func formatLooksHTML(trimmed []byte, strict bool) bool {
	if len(trimmed) == 0 || trimmed[0] != '<' {
		return false
	}
	lower := bytes.ToLower(trimmed[:min(len(trimmed), 512)])
	prefixes := []string{"<!doctype html", "<html", "<?xml version"}
	if !strict {
		prefixes = append(prefixes, "<head", "<body", "<meta", "<title", "<article", "<div", "<p>", "<p ", "<!--")
	}
	for _, p := range prefixes {
		if bytes.HasPrefix(lower, []byte(p)) {
			return p != "<?xml version" || bytes.Contains(lower, []byte("<html"))
		}
	}
	return false
}

// reader carries the state of one Read call.
type reader struct {
	ctx  context.Context
	lim  Limits
	emit func(Item) error
}

// emitError marks an error returned by the caller's emit function, so that it
// is passed back unchanged and never mistaken for a rejected item.
type emitError struct{ err error }

func (e *emitError) Error() string { return e.err.Error() }
func (e *emitError) Unwrap() error { return e.err }

// send hands an item to emit.
func (rd *reader) send(it Item) error {
	if err := rd.ctx.Err(); err != nil {
		return err
	}
	if err := rd.emit(it); err != nil {
		return &emitError{err}
	}
	return nil
}

// reject sends a rejected item with a user-safe reason.
func (rd *reader) reject(origin, code, format string, args ...any) error {
	return rd.send(Item{Origin: origin, Err: analysis.Errorf(code, format, args...)})
}

// accept sends an article.
func (rd *reader) accept(a *Article) error {
	return rd.send(Item{Origin: a.Origin, Article: a})
}

// itemError returns err as an item-level *analysis.Error when it is one
// (a limit hit or bad content found while streaming) and nil otherwise.
func itemError(err error) *analysis.Error {
	var ee *emitError
	if errors.As(err, &ee) {
		return nil
	}
	var ae *analysis.Error
	if errors.As(err, &ae) {
		return ae
	}
	return nil
}

// Read reads one named input (the name's extension and a sniff of the
// content pick the format) and calls emit for every item, in order,
// streaming: a large JSONL, CSV or zip is never held in memory whole. emit
// returning an error stops reading and Read returns that error. Read returns
// an error only for failures of the reader itself or of emit; bad items are
// reported through emit as Items with Err.
func Read(ctx context.Context, name string, r io.Reader, lim Limits, emit func(Item) error) error {
	rd := &reader{ctx: ctx, lim: lim.withDefaults(), emit: emit}
	err := rd.read(name, name, r, false)
	var ee *emitError
	if errors.As(err, &ee) {
		return ee.err
	}
	if err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	return nil
}

// read dispatches one input, top-level or inside a zip, to its format.
func (rd *reader) read(origin, name string, r io.Reader, inZip bool) error {
	format := formatByName(name)
	if format == formatUnsupported {
		return rd.reject(origin, analysis.EINVALID, "unsupported file type %s", strings.ToLower(path.Ext(name)))
	}
	br := bufio.NewReaderSize(r, 64<<10)
	head, err := br.Peek(1024)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		if ae := itemError(err); ae != nil {
			return rd.send(Item{Origin: origin, Err: ae})
		}
		return err
	}
	if format == formatUnknown {
		format = formatSniff(head)
	}
	if format == formatText && formatLooksHTML(bytes.TrimLeft(bytes.TrimPrefix(head, decodeBOMUTF8), " \t\r\n"), true) {
		format = formatHTML
	}
	if format == formatZip {
		if inZip {
			return rd.reject(origin, analysis.EINVALID, "nested zip not supported")
		}
		return rd.readZip(origin, br, r)
	}
	var streamErr error
	switch format {
	case formatCSV, formatTSV:
		streamErr = rd.readCSV(origin, rd.fileLimit(br), format == formatTSV)
	case formatJSONL:
		streamErr = rd.readJSONL(origin, rd.fileLimit(br))
	case formatJSON:
		streamErr = rd.readJSON(origin, rd.fileLimit(br))
	default:
		return rd.readDocument(origin, br, format)
	}
	if ae := itemError(streamErr); ae != nil {
		return rd.send(Item{Origin: origin, Err: ae})
	}
	return streamErr
}

// fileLimit caps a stream at MaxFileBytes.
func (rd *reader) fileLimit(r io.Reader) io.Reader {
	return &limitReader{r: r, n: rd.lim.MaxFileBytes, limit: rd.lim.MaxFileBytes}
}

// readDocument reads one whole document (text, Markdown, HTML) of at most
// MaxArticleBytes and sends its article or its rejection.
func (rd *reader) readDocument(origin string, r io.Reader, format ingestFormat) error {
	raw, err := io.ReadAll(io.LimitReader(r, rd.lim.MaxArticleBytes+1))
	if err != nil {
		if ae := itemError(err); ae != nil {
			return rd.send(Item{Origin: origin, Err: ae})
		}
		return err
	}
	if int64(len(raw)) > rd.lim.MaxArticleBytes {
		// Count the rest without keeping it, to say how large it was.
		rest, err := io.Copy(io.Discard, io.LimitReader(r, rd.lim.MaxFileBytes))
		size := int64(len(raw)) + rest
		if err != nil || rest == rd.lim.MaxFileBytes {
			return rd.reject(origin, analysis.ETOOLARGE, "too large (more than %s > %s)", formatSize(size), formatSize(rd.lim.MaxArticleBytes))
		}
		return rd.reject(origin, analysis.ETOOLARGE, "too large (%s > %s)", formatSize(size), formatSize(rd.lim.MaxArticleBytes))
	}
	var a *Article
	if format == formatHTML {
		a, err = extractHTML(raw)
	} else {
		a, err = textArticle(raw, format == formatMarkdown)
	}
	if err != nil {
		if ae := itemError(err); ae != nil {
			return rd.send(Item{Origin: origin, Err: ae})
		}
		return err
	}
	a.Origin = origin
	a.Raw = raw
	return rd.accept(a)
}

// textArticle makes an article from a plain-text or Markdown file.
func textArticle(raw []byte, markdown bool) (*Article, error) {
	s, err := decodeText(raw, false)
	if err != nil {
		return nil, err
	}
	a := &Article{}
	if markdown {
		a.Title, s = markdownToText(s)
	}
	a.Text = decodeNormalize(s)
	if a.Text == "" {
		return nil, analysis.Errorf(analysis.EINVALID, "empty")
	}
	return a, nil
}

// limitReader fails with an ETOOLARGE *analysis.Error once more than limit
// bytes have been read, so an oversized stream is cut off, not buffered.
type limitReader struct {
	r     io.Reader
	n     int64 // bytes still allowed
	limit int64
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		// Allow reading exactly limit bytes followed by EOF.
		var one [1]byte
		n, err := l.r.Read(one[:])
		if n == 0 && err != nil {
			return 0, err
		}
		return 0, analysis.Errorf(analysis.ETOOLARGE, "too large (more than %s)", formatSize(l.limit))
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	return n, err
}

// formatSize renders a byte count for messages: "840 KB", "12 MB", "1.5 GB".
func formatSize(n int64) string {
	const (
		kb = 1 << 10
		mb = 1 << 20
		gb = 1 << 30
	)
	switch {
	case n >= gb:
		return trimZero(fmt.Sprintf("%.1f", float64(n)/gb)) + " GB"
	case n >= mb:
		if n >= 10*mb {
			return fmt.Sprintf("%d MB", n/mb)
		}
		return trimZero(fmt.Sprintf("%.1f", float64(n)/mb)) + " MB"
	case n >= kb:
		return fmt.Sprintf("%d KB", n/kb)
	}
	return fmt.Sprintf("%d bytes", n)
}

func trimZero(s string) string { return strings.TrimSuffix(s, ".0") }

// capBytes returns b cut to at most n bytes.
func capBytes(b []byte, n int64) []byte {
	if int64(len(b)) > n {
		return b[:n]
	}
	return b
}

// Paste makes an article from text typed or pasted in the browser, with
// optional metadata in meta (its Text and Raw are ignored). A pasted whole
// HTML page goes through HTML extraction.
func Paste(text string, meta Article) Item {
	origin := meta.Origin
	if origin == "" {
		origin = "pasted text"
	}
	limit := DefaultLimits().MaxArticleBytes
	if int64(len(text)) > limit {
		return Item{Origin: origin, Err: analysis.Errorf(analysis.ETOOLARGE, "too large (%s > %s)", formatSize(int64(len(text))), formatSize(limit))}
	}
	raw := []byte(text)
	var a *Article
	var err error
	if formatLooksHTML(bytes.TrimLeft(raw, " \t\r\n"), true) {
		a, err = extractHTML(raw)
	} else {
		a, err = textArticle(raw, false)
	}
	if err != nil {
		return Item{Origin: origin, Err: err}
	}
	a.Origin = origin
	a.Raw = raw
	pasteMerge(a, meta)
	return Item{Origin: origin, Article: a}
}

// pasteMerge lets metadata typed by the user win over what was extracted.
func pasteMerge(a *Article, meta Article) {
	set := func(dst *string, v string) {
		if v = strings.TrimSpace(v); v != "" {
			*dst = v
		}
	}
	set(&a.Title, meta.Title)
	set(&a.Outlet, meta.Outlet)
	set(&a.URL, meta.URL)
	if p := normalizeDate(meta.Published); p != "" {
		a.Published = p
	}
	set(&a.Author, meta.Author)
	set(&a.Language, meta.Language)
	if a.Outlet == "" {
		a.Outlet = outletFromURL(a.URL)
	}
}

// ReadFile reads a file, or every file below a folder in sorted order
// (dotfiles and dot-folders skipped), for the command line. Origins are the
// paths as found.
func ReadFile(ctx context.Context, p string, lim Limits, emit func(Item) error) error {
	info, err := os.Stat(p)
	if err != nil {
		return fmt.Errorf("read %s: %w", p, err)
	}
	if !info.IsDir() {
		return readOneFile(ctx, p, lim, emit)
	}
	return filepath.WalkDir(p, func(fp string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("walk %s: %w", fp, err)
		}
		if fp != p && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		return readOneFile(ctx, fp, lim, emit)
	})
}

// readOneFile opens one file and reads it.
func readOneFile(ctx context.Context, p string, lim Limits, emit func(Item) error) error {
	f, err := os.Open(p)
	if err != nil {
		return fmt.Errorf("open %s: %w", p, err)
	}
	defer f.Close()
	return Read(ctx, filepath.ToSlash(p), f, lim, emit)
}
