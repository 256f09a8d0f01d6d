package store

import "github.com/framinglens/framinglens/internal/analysis"

// A quote's text is the article text of its span, so the quotes table does
// not keep a second copy: the writer stores an empty text when the quote's
// text is exactly its span of the article, and readers cut it back out of
// the article (storeQuoteTextSQL, storeQuoteTextOf). A quote whose text
// differs from its span (a result not made from this text) keeps its own.
// A quote with an empty text and a non-empty span reads back as its span.

// storeQuoteText returns what the quotes table stores as q's text in an
// article whose text is text: "" when q.Text is text[q.Start:q.End].
func storeQuoteText(text string, q analysis.Quote) string {
	if q.Start >= 0 && q.Start <= q.End && q.End <= len(text) && text[q.Start:q.End] == q.Text {
		return ""
	}
	return q.Text
}

// storeQuoteTextSQL is the SQL expression for the text of quote q in
// article a: the stored text, or the span's bytes of the article's text
// when none is stored.
const storeQuoteTextSQL = `CASE WHEN q.text = '' AND q.span_end > q.span_start
	THEN CAST(substr(CAST(a.text AS BLOB), q.span_start + 1, q.span_end - q.span_start) AS TEXT)
	ELSE q.text END`

// storeQuoteTextOf is storeQuoteTextSQL in Go, for a quote read with its
// article's text at hand.
func storeQuoteTextOf(text string, stored string, start, end int) string {
	if stored != "" || start < 0 || end <= start || end > len(text) {
		return stored
	}
	return text[start:end]
}
