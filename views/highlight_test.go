package views_test

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/framinglens/framinglens/views"
)

// layoutOf writes Highlight's output compactly: paragraphs joined by " | ",
// a quote span as Q{i}( ... ) with ^ when the quote starts there, a hit part
// as <H{i}:text> with ^ when the hit starts there, plain text as is.
func layoutOf(paras []views.Paragraph) string {
	var b strings.Builder
	for i, p := range paras {
		if i > 0 {
			b.WriteString(" | ")
		}
		for _, sp := range p.Spans {
			if sp.Quote >= 0 {
				b.WriteString("Q" + strconv.Itoa(sp.Quote))
				if sp.QuoteStart {
					b.WriteString("^")
				}
				b.WriteString("(")
			}
			for _, pt := range sp.Parts {
				if pt.Hit < 0 {
					b.WriteString(pt.Text)
					continue
				}
				b.WriteString("<H" + strconv.Itoa(pt.Hit))
				if pt.HitStart {
					b.WriteString("^")
				}
				b.WriteString(":" + pt.Text + ">")
			}
			if sp.Quote >= 0 {
				b.WriteString(")")
			}
		}
	}
	return b.String()
}

// span finds the byte range of the n-th (0-based) occurrence of sub in s.
func span(t *testing.T, s, sub string, n int) (int, int) {
	t.Helper()
	off := 0
	for i := 0; ; i++ {
		j := strings.Index(s[off:], sub)
		if j < 0 {
			t.Fatalf("%q has no occurrence %d of %q", s, n, sub)
		}
		if i == n {
			return off + j, off + j + len(sub)
		}
		off += j + len(sub)
	}
}

func TestHighlight(t *testing.T) {
	type rng struct {
		sub string
		n   int
	}
	hit := func(t *testing.T, text string, r rng) views.HitView {
		s, e := span(t, text, r.sub, r.n)
		return views.HitView{Start: s, End: e, Term: r.sub}
	}
	quote := func(t *testing.T, text string, r rng) views.QuoteView {
		s, e := span(t, text, r.sub, r.n)
		return views.QuoteView{Start: s, End: e, Kind: "direct"}
	}
	cases := []struct {
		name   string
		text   string
		hits   []rng
		quotes []rng
		// raw ranges for bad-offset cases, appended after hits/quotes
		rawHits   [][2]int
		rawQuotes [][2]int
		want      string
	}{
		{name: "PlainParagraphs", text: "One two.\n\nThree.", want: "One two. | Three."},
		{name: "SingleLineBreakStaysInParagraph", text: "One\ntwo.\n\nThree.", want: "One\ntwo. | Three."},
		{name: "WindowsBlankLine", text: "One.\r\n\r\nTwo.", want: "One. | Two."},
		{name: "SurroundingWhitespaceTrimmed", text: "  \n\n One.  \n \n\n", want: "One."},
		{name: "WhitespaceOnly", text: " \n\n\t ", want: ""},
		{name: "Empty", text: "", want: ""},
		{name: "HitInOwnVoice", text: "The rebels came.", hits: []rng{{"rebels", 0}}, want: "The <H0^:rebels> came."},
		{name: "HitAtEnd", text: "They are rebels", hits: []rng{{"rebels", 0}}, want: "They are <H0^:rebels>"},
		{
			name: "HitInsideQuote", text: `He said "the regime fell" today.`,
			hits: []rng{{"regime", 0}}, quotes: []rng{{"the regime fell", 0}},
			want: `He said "Q0^(the <H0^:regime> fell)" today.`,
		},
		{
			name: "QuoteAcrossParagraphs", text: "A said: one rebel.\n\nTwo regime. End.",
			hits: []rng{{"rebel", 0}, {"regime", 0}}, quotes: []rng{{"one rebel.\n\nTwo regime.", 0}},
			want: "A said: Q0^(one <H0^:rebel>.) | Q0(Two <H1^:regime>.) End.",
		},
		{
			name: "HitCutByQuoteStart", text: `armed "groups said"`,
			hits: []rng{{`armed "groups`, 0}}, quotes: []rng{{"groups said", 0}},
			want: `<H0^:armed ">Q0^(<H0:groups> said)"`,
		},
		{
			name: "HitAcrossParagraphBreak", text: "ab\n\ncd",
			rawHits: [][2]int{{1, 5}},
			want:    "a<H0^:b> | <H0:c>d",
		},
		{
			name: "HitsGivenOutOfOrder", text: "rebels and militants",
			hits: []rng{{"militants", 0}, {"rebels", 0}},
			want: "<H1^:rebels> and <H0^:militants>",
		},
		{
			name: "OverlappingHitKeepsFirst", text: "moderate rebels here",
			hits: []rng{{"moderate rebels", 0}, {"rebels", 0}},
			want: "<H0^:moderate rebels> here",
		},
		{
			name: "OverlappingQuoteKeepsFirst", text: "x one two three y",
			quotes: []rng{{"one two", 0}, {"two three", 0}},
			want:   "x Q0^(one two) three y",
		},
		{
			name: "AdjacentHits", text: "rebelsmilitants",
			rawHits: [][2]int{{0, 6}, {6, 15}},
			want:    "<H0^:rebels><H1^:militants>",
		},
		{
			name: "QuoteEqualsParagraph", text: "one\n\ntwo",
			rawQuotes: [][2]int{{5, 8}},
			want:      "one | Q0^(two)",
		},
		{
			name: "BadOffsetsSkipped", text: "rebels",
			rawHits:   [][2]int{{-1, 3}, {2, 99}, {4, 4}, {5, 2}, {0, 6}},
			rawQuotes: [][2]int{{-5, -1}, {6, 7}},
			want:      "<H4^:rebels>",
		},
		{
			name: "OffRuneBoundarySkipped", text: "naïve rebels",
			// "ï" is two bytes at 2..4: 3 is inside it.
			rawHits:   [][2]int{{3, 5}, {0, 3}, {7, 13}},
			rawQuotes: [][2]int{{0, 3}},
			want:      "naïve <H2^:rebels>",
		},
		{
			name: "MultiByteText", text: "«Повстанцы» пришли",
			hits:   []rng{{"Повстанцы", 0}},
			quotes: []rng{{"Повстанцы", 0}},
			want:   "«Q0^(<H0^:Повстанцы>)» пришли",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var hits []views.HitView
			for _, r := range c.hits {
				hits = append(hits, hit(t, c.text, r))
			}
			for _, r := range c.rawHits {
				hits = append(hits, views.HitView{Start: r[0], End: r[1]})
			}
			var quotes []views.QuoteView
			for _, r := range c.quotes {
				quotes = append(quotes, quote(t, c.text, r))
			}
			for _, r := range c.rawQuotes {
				quotes = append(quotes, views.QuoteView{Start: r[0], End: r[1]})
			}
			got := views.Highlight(c.text, hits, quotes)
			if g := layoutOf(got); g != c.want {
				t.Errorf("Highlight(%q)\n got %q\nwant %q", c.text, g, c.want)
			}
			checkHighlightInvariants(t, c.text, hits, quotes, got)
		})
	}
}

// checkHighlightInvariants checks what must hold for any input: parts tile
// each paragraph exactly, paragraphs are ordered and disjoint, only
// whitespace lies outside them, and every hit or quote part lies inside
// the range it names.
func checkHighlightInvariants(t *testing.T, text string, hits []views.HitView, quotes []views.QuoteView, paras []views.Paragraph) {
	t.Helper()
	prevEnd := 0
	for i, p := range paras {
		if p.Start < prevEnd || p.Start >= p.End || p.End > len(text) {
			t.Fatalf("paragraph %d range [%d,%d) bad after %d in text of %d bytes", i, p.Start, p.End, prevEnd, len(text))
		}
		if gap := text[prevEnd:p.Start]; strings.TrimSpace(gap) != "" {
			t.Errorf("text %q between paragraphs is not whitespace", gap)
		}
		prevEnd = p.End
		var b strings.Builder
		pos := p.Start
		for _, sp := range p.Spans {
			if sp.Start != pos {
				t.Errorf("paragraph %d: span starts at %d, want %d", i, sp.Start, pos)
			}
			for _, pt := range sp.Parts {
				if pt.Start != pos || pt.End <= pt.Start || text[pt.Start:pt.End] != pt.Text {
					t.Errorf("paragraph %d: part [%d,%d) %q does not continue at %d", i, pt.Start, pt.End, pt.Text, pos)
				}
				if !utf8.ValidString(pt.Text) && utf8.ValidString(text) {
					t.Errorf("part %q cut inside a rune", pt.Text)
				}
				if pt.Hit >= 0 && (pt.Hit >= len(hits) || pt.Start < hits[pt.Hit].Start || pt.End > hits[pt.Hit].End) {
					t.Errorf("part [%d,%d) outside its hit %d", pt.Start, pt.End, pt.Hit)
				}
				if sp.Quote >= 0 && (sp.Quote >= len(quotes) || pt.Start < quotes[sp.Quote].Start || pt.End > quotes[sp.Quote].End) {
					t.Errorf("part [%d,%d) outside its quote %d", pt.Start, pt.End, sp.Quote)
				}
				pos = pt.End
				b.WriteString(pt.Text)
			}
			if sp.End != pos {
				t.Errorf("paragraph %d: span ends at %d, want %d", i, sp.End, pos)
			}
		}
		if got, want := b.String(), text[p.Start:p.End]; got != want {
			t.Errorf("paragraph %d parts concatenate to %q, want %q", i, got, want)
		}
	}
	if rest := text[prevEnd:]; strings.TrimSpace(rest) != "" {
		t.Errorf("text %q after the last paragraph is not whitespace", rest)
	}
}

func FuzzHighlight(f *testing.F) {
	f.Add("The rebels said \"the regime fell\".\n\nMilitants.", 4, 10, 21, 27, 16, 33)
	f.Add("ab\n\ncd", 1, 5, 0, 0, 2, 6)
	f.Add("naïve", 3, 5, -1, 2, 0, 99)
	f.Add("", 0, 0, 0, 0, 0, 0)
	f.Add("«Повстанцы»\r\n\r\n x", 2, 20, 0, 2, 1, 21)
	f.Fuzz(func(t *testing.T, text string, h1s, h1e, h2s, h2e, qs, qe int) {
		hits := []views.HitView{{Start: h1s, End: h1e}, {Start: h2s, End: h2e}}
		quotes := []views.QuoteView{{Start: qs, End: qe}, {Start: h1s, End: qe}}
		paras := views.Highlight(text, hits, quotes)
		checkHighlightInvariants(t, text, hits, quotes, paras)
	})
}

func BenchmarkHighlight(b *testing.B) {
	para := "The rebels and the \"regime forces\" clashed, officials said on Monday. "
	text := strings.Repeat(para+para+"\n\n", 200)
	var hits []views.HitView
	var quotes []views.QuoteView
	for off := 0; ; {
		i := strings.Index(text[off:], "rebels")
		if i < 0 {
			break
		}
		hits = append(hits, views.HitView{Start: off + i, End: off + i + 6})
		q := strings.Index(text[off+i:], "regime forces")
		quotes = append(quotes, views.QuoteView{Start: off + i + q, End: off + i + q + 13})
		hits = append(hits, views.HitView{Start: off + i + q, End: off + i + q + 6})
		off += i + q + 13
	}
	b.ReportAllocs()
	for b.Loop() {
		views.Highlight(text, hits, quotes)
	}
}
