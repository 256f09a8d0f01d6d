// Package export writes Framing Lens's data as CSV files for R, pandas or a
// spreadsheet: the same files from the command line (framinglens export) and
// from the dashboard's /export/KIND.csv links.
//
// Every export is of the articles a store.ArticleFilter selects, so the
// files of one selection join on article_id: the hits export of articles
// filtered by frame holds all their hits, of every frame (filter the frame
// column to narrow it). The kinds and their columns, header row first, in
// this order:
//
// articles: one row per article:
//
//	article_id, outlet, title, published, url, words, hits, quotes,
//	unassigned, balance, balance_words,
//	then per frame F: F_count, F_own, F_quoted, F_reported, F_per_1000,
//	then per side S: S_share, S_words_share,
//	engine_version, lexicon_version, registry_version
//
// hits: one row per framing-term hit (long format):
//
//	article_id, outlet, published, term, pattern, frame, actor, valence,
//	voice, scare_quote, so_called, start, end, lexicon_version
//
// quotes: one row per attribution (direct quote or reported speech):
//
//	article_id, outlet, published, kind, speaker, side, words, cue, mention,
//	start, end, text, registry_version
//
// sources: one row per article and speaker:
//
//	article_id, outlet, published, name, side, role, direct, reported,
//	words, registry_version
//
// outlets: one row per outlet; outlet-months: one row per outlet and month
// (YYYY-MM), with a month column after outlet:
//
//	outlet, [month,] articles, words, hits, quotes, attributions,
//	unassigned, mean_balance, mean_balance_words,
//	then per frame F: F_count, F_per_1000, F_per_1000_own,
//	then per side S: S_attributions, S_share, S_words, S_words_share
//
// The frames F and sides S are those of the active lexicon and registry
// plus any other found in the selected articles' analyses, sorted (see
// store.ExportDims): the columns stay the same from one month to the next
// for one lexicon, and a frame no selected article uses reads 0. In a column
// name, a frame or side name is lower-cased and every run of characters
// other than letters and digits becomes "_" ("humanitarian-crisis" gives
// humanitarian_crisis_count), so that R and pandas take the names as they
// are; see Columns.
//
// Meanings: words is the article's word count and the per_1000 rates are
// per 1,000 words (an outlet's words are those of all its selected articles,
// analysed or not). quotes counts all attributions, attributions those whose
// speaker the registry places on a side, unassigned the rest (quotes =
// attributions + unassigned). A side's share is its part of the
// attributions, its words_share its part of their quoted words, so the
// shares of a row sum to 1. balance is the article's balance index (0: one
// side only, 1: all sides even); mean_balance averages it over the articles
// with at least one attribution. The version columns name the engine,
// lexicon and registry each row was computed with, so a figure can be
// reproduced.
//
// Format: UTF-8 (optionally with a byte-order mark for Excel, see
// WriteOptions), RFC 4180 (comma-separated, CRLF line ends, fields quoted
// when they hold a comma, quote or line break; a line break inside a cell
// is written as CRLF too, as encoding/csv does, and read back as one). Integers are written as
// integers, other numbers rounded to 6 decimals with no exponent or
// thousands separator, booleans as true and false. A missing value is an
// empty cell: every score of an article without an analysis, the balance and
// shares of an article or outlet with no attribution, a rate over no words.
// A text cell that starts with =, +, -, @, a tab or a carriage return gets a
// leading ' so that a spreadsheet does not run it as a formula (drop a
// leading ' followed by one of those to get the text back); number cells
// are never changed.
package export

import (
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/store"
)

// The export kinds.
const (
	KindArticles     = "articles"
	KindHits         = "hits"
	KindQuotes       = "quotes"
	KindSources      = "sources"
	KindOutlets      = "outlets"
	KindOutletMonths = "outlet-months"
)

// Kinds lists the export kinds in a fixed order.
var Kinds = []string{KindArticles, KindHits, KindQuotes, KindSources, KindOutlets, KindOutletMonths}

// ContentType is the media type of every export.
const ContentType = "text/csv; charset=utf-8"

// WriteOptions change how an export is written.
type WriteOptions struct {
	// BOM starts the file with a UTF-8 byte-order mark, which Excel needs to
	// read it as UTF-8. Off by default: R, pandas and most tools do not.
	BOM bool
}

// ParseKind returns the export kind named s (case and surrounding space
// ignored), or an EINVALID *analysis.Error listing the kinds.
func ParseKind(s string) (string, error) {
	k := strings.ToLower(strings.TrimSpace(s))
	for _, kind := range Kinds {
		if k == kind {
			return kind, nil
		}
	}
	return "", analysis.Errorf(analysis.EINVALID, "unknown export %q: want one of %s", s, strings.Join(Kinds, ", "))
}

// Filename is the file name an export of kind is offered under.
func Filename(kind string) string { return "framinglens-" + kind + ".csv" }

// Write streams the kind's CSV for the articles the filter selects to w,
// with default options (see WriteWith).
func Write(ctx context.Context, st *store.Store, kind string, f store.ArticleFilter, w io.Writer) error {
	return WriteWith(ctx, st, kind, f, w, WriteOptions{})
}

// WriteWith streams the kind's CSV for the articles the filter selects to w.
// It holds one row at a time (outlets: one row per outlet, or outlet and
// month), reading the store's Each* walks. The filter's Limit and Offset are
// ignored, since an export is of the whole selection; its Sort orders the
// articles (oldest first when empty).
//
// An unknown kind or a bad filter is an EINVALID *analysis.Error and nothing
// is written. Output is buffered: an error after the first few kilobytes
// leaves w with a partial file.
func WriteWith(ctx context.Context, st *store.Store, kind string, f store.ArticleFilter, w io.Writer, opt WriteOptions) error {
	kind, err := ParseKind(kind)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if opt.BOM {
		bw.WriteString("\ufeff") //nolint:errcheck // a write error resurfaces at Flush
	}
	out := &sink{w: csv.NewWriter(bw)}
	out.w.UseCRLF = true
	switch kind {
	case KindArticles:
		err = writeArticles(ctx, st, f, out)
	case KindHits:
		err = writeHits(ctx, st, f, out)
	case KindQuotes:
		err = writeQuotes(ctx, st, f, out)
	case KindSources:
		err = writeSources(ctx, st, f, out)
	case KindOutlets:
		err = writeOutlets(ctx, st, f, false, out)
	case KindOutletMonths:
		err = writeOutlets(ctx, st, f, true, out)
	}
	if err != nil {
		return err
	}
	out.w.Flush()
	if err := out.w.Error(); err != nil {
		return fmt.Errorf("export %s: %w", kind, err)
	}
	return nil
}

// Columns returns the header of kind for the given frames and sides (nil
// for an unknown kind). Frames and sides are used in the order given;
// exports give them sorted.
func Columns(kind string, frames, sides []string) []string {
	switch kind {
	case KindArticles:
		return articleColumns(frames, sides)
	case KindHits:
		return append([]string(nil), hitColumns...)
	case KindQuotes:
		return append([]string(nil), quoteColumns...)
	case KindSources:
		return append([]string(nil), sourceColumns...)
	case KindOutlets:
		return outletColumns(false, frames, sides)
	case KindOutletMonths:
		return outletColumns(true, frames, sides)
	}
	return nil
}

// dimColumns returns, for each name, the columns prefix_suffix of every
// suffix, in that order. Names are made column-safe by columnName; two
// names that come out the same get _2, _3 ... in order.
func dimColumns(names []string, suffixes ...string) []string {
	out := make([]string, 0, len(names)*len(suffixes))
	seen := map[string]int{}
	for _, n := range names {
		c := columnName(n)
		seen[c]++
		if k := seen[c]; k > 1 {
			c += "_" + strconv.Itoa(k)
		}
		for _, s := range suffixes {
			out = append(out, c+"_"+s)
		}
	}
	return out
}

// ColumnName is how a frame or side name stands in a column name (see the
// package comment): lower case, every run of characters other than letters
// and digits turned into one "_", trimmed at both ends; "x" when nothing is
// left. "Humanitarian-Crisis" gives "humanitarian_crisis".
func ColumnName(name string) string { return columnName(name) }

// columnName lower-cases name and turns every run of characters other than
// letters and digits into one "_", trimmed at both ends; "x" when nothing
// is left.
func columnName(name string) string {
	var b strings.Builder
	gap := false
	for _, r := range strings.ToLower(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if gap && b.Len() > 0 {
				b.WriteByte('_')
			}
			gap = false
			b.WriteRune(r)
		} else {
			gap = true
		}
	}
	if b.Len() == 0 {
		return "x"
	}
	return b.String()
}

// sink builds one CSV record at a time from typed cells.
type sink struct {
	w   *csv.Writer
	rec []string
}

// header writes the header row.
func (s *sink) header(cols []string) error {
	return s.w.Write(cols)
}

// text adds a text cell, neutralised against spreadsheet formulas.
func (s *sink) text(v string) {
	s.rec = append(s.rec, neutralise(v))
}

// int adds an integer cell.
func (s *sink) int(n int) { s.rec = append(s.rec, strconv.Itoa(n)) }

// id adds an article id cell.
func (s *sink) id(n int64) { s.rec = append(s.rec, strconv.FormatInt(n, 10)) }

// float adds a number cell (see formatFloat).
func (s *sink) float(x float64) { s.rec = append(s.rec, formatFloat(x)) }

// bool adds a true or false cell.
func (s *sink) bool(b bool) { s.rec = append(s.rec, strconv.FormatBool(b)) }

// empty adds n empty (missing) cells.
func (s *sink) empty(n int) {
	for range n {
		s.rec = append(s.rec, "")
	}
}

// end writes the record built so far and starts the next.
func (s *sink) end() error {
	err := s.w.Write(s.rec)
	s.rec = s.rec[:0]
	return err
}

// neutralise prefixes a cell that a spreadsheet would read as a formula with
// a single quote (OWASP's advice on CSV injection).
func neutralise(v string) string {
	if v == "" {
		return v
	}
	switch v[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + v
	}
	return v
}

// formatFloat writes x rounded to 6 decimals, with no exponent and no
// negative zero; NaN and infinities are missing values.
func formatFloat(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return ""
	}
	r := math.Round(x*1e6) / 1e6
	if r == 0 {
		r = 0 // turns -0 into 0
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}
