package views

import (
	"sort"
	"unicode/utf8"
)

// Paragraph is one paragraph of an article's text, cut into spans so that
// quote shading and hit highlights nest: paragraph > span (inside one quote
// or outside all) > part (inside one hit or plain text).
type Paragraph struct {
	// Start and End are byte offsets of the paragraph in the text.
	Start, End int
	Spans      []Span
}

// Span is a stretch of a paragraph that lies inside one quote, or outside
// every quote.
type Span struct {
	Start, End int
	// Quote is the index of the quote in the slice given to Highlight, or -1
	// outside quotes.
	Quote int
	// QuoteStart says the quote begins in this span, so its speaker label
	// belongs here; a quote that crosses paragraphs has one span per
	// paragraph and only the first starts it.
	QuoteStart bool
	Parts      []Part
}

// Part is a stretch of a span that lies inside one hit, or outside every hit.
type Part struct {
	Text       string
	Start, End int
	// Hit is the index of the hit in the slice given to Highlight, or -1.
	Hit int
	// HitStart says the hit begins in this part; a hit cut by a quote or
	// paragraph boundary has several parts and only the first starts it
	// (and carries its anchor id).
	HitStart bool
}

// hlRange is a validated hit or quote range with its index in the caller's
// slice.
type hlRange struct {
	start, end, index int
}

// Highlight cuts text into paragraphs of nested spans and parts for display.
// Paragraphs are separated by blank lines (a run of whitespace holding at
// least two line breaks); leading and trailing whitespace of a paragraph is
// not part of it.
//
// Offsets are byte offsets into text. Ranges that are empty, out of range or
// not on rune boundaries are skipped, and so is a hit or quote that overlaps
// an earlier one of its kind, so bad data from storage never panics or
// garbles the page. The parts of a paragraph always concatenate to exactly
// text[p.Start:p.End].
func Highlight(text string, hits []HitView, quotes []QuoteView) []Paragraph {
	hs := make([]hlRange, 0, len(hits))
	for i, h := range hits {
		hs = append(hs, hlRange{h.Start, h.End, i})
	}
	qs := make([]hlRange, 0, len(quotes))
	for i, q := range quotes {
		qs = append(qs, hlRange{q.Start, q.End, i})
	}
	hs = hlValidRanges(text, hs)
	qs = hlValidRanges(text, qs)

	var out []Paragraph
	hi, qi := 0, 0
	for _, pr := range hlParagraphs(text) {
		ps, pe := pr[0], pr[1]
		// Skip ranges that end before this paragraph.
		for hi < len(hs) && hs[hi].end <= ps {
			hi++
		}
		for qi < len(qs) && qs[qi].end <= ps {
			qi++
		}
		// Cut points: the paragraph's ends and every range edge inside it.
		cuts := []int{ps, pe}
		for j := hi; j < len(hs) && hs[j].start < pe; j++ {
			cuts = append(cuts, hs[j].start, hs[j].end)
		}
		for j := qi; j < len(qs) && qs[j].start < pe; j++ {
			cuts = append(cuts, qs[j].start, qs[j].end)
		}
		sort.Ints(cuts)

		para := Paragraph{Start: ps, End: pe}
		h, q := hi, qi
		prev := ps
		for _, c := range cuts {
			if c <= prev || c > pe {
				continue
			}
			a, b := prev, c
			prev = c
			for h < len(hs) && hs[h].end <= a {
				h++
			}
			for q < len(qs) && qs[q].end <= a {
				q++
			}
			hit, hitStart := -1, false
			if h < len(hs) && hs[h].start <= a {
				hit, hitStart = hs[h].index, hs[h].start == a
			}
			quote, quoteStart := -1, false
			if q < len(qs) && qs[q].start <= a {
				quote, quoteStart = qs[q].index, qs[q].start == a
			}
			part := Part{Text: text[a:b], Start: a, End: b, Hit: hit, HitStart: hitStart}
			n := len(para.Spans)
			if n > 0 && para.Spans[n-1].Quote == quote {
				sp := &para.Spans[n-1]
				sp.End = b
				sp.Parts = append(sp.Parts, part)
				continue
			}
			para.Spans = append(para.Spans, Span{
				Start: a, End: b, Quote: quote, QuoteStart: quoteStart,
				Parts: []Part{part},
			})
		}
		out = append(out, para)
	}
	return out
}

// hlValidRanges drops ranges that are empty, out of range, off rune
// boundaries or overlapping an earlier range, and sorts the rest by start.
func hlValidRanges(text string, rs []hlRange) []hlRange {
	valid := rs[:0]
	for _, r := range rs {
		if r.start < 0 || r.end > len(text) || r.start >= r.end {
			continue
		}
		if !utf8.RuneStart(text[r.start]) || (r.end < len(text) && !utf8.RuneStart(text[r.end])) {
			continue
		}
		valid = append(valid, r)
	}
	sort.SliceStable(valid, func(i, j int) bool { return valid[i].start < valid[j].start })
	kept := valid[:0]
	end := -1
	for _, r := range valid {
		if r.start < end {
			continue
		}
		kept = append(kept, r)
		end = r.end
	}
	return kept
}

// hlParagraphs returns the [start, end) byte ranges of the paragraphs of
// text: stretches between blank lines, trimmed of surrounding whitespace.
func hlParagraphs(text string) [][2]int {
	var out [][2]int
	i := 0
	for i < len(text) {
		// Skip whitespace before the paragraph.
		for i < len(text) && hlSpace(text[i]) {
			i++
		}
		if i >= len(text) {
			break
		}
		start := i
		end := i
		for i < len(text) {
			if !hlSpace(text[i]) {
				i++
				end = i
				continue
			}
			// A whitespace run: a paragraph break when it holds two line
			// breaks.
			j, breaks := i, 0
			for j < len(text) && hlSpace(text[j]) {
				if text[j] == '\n' {
					breaks++
				}
				j++
			}
			if breaks >= 2 || j == len(text) {
				i = j
				break
			}
			i = j
		}
		out = append(out, [2]int{start, end})
	}
	return out
}

// hlSpace reports ASCII whitespace; other spaces stay inside paragraphs,
// which keeps every cut on a rune boundary.
func hlSpace(b byte) bool {
	return b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f' || b == '\v'
}
