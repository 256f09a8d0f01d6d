package analysis

import (
	"strings"
	"unicode"
)

// An embedded post, as pages flatten it into a paragraph, is the author's
// words followed by their name, handle and date:
//
//	All responsibility for them rests with Washington, London and Paris.
//	pic.twitter.com/QEmWEffUzx — Russia in USA (@RusEmbUSA) April 14, 2018
//
// The words stand in no quotation marks and next to no speech verb, yet
// they are the author's, not the outlet's: quoteEmbeds makes each such
// paragraph a direct quote by the name before the handle. The AllSides
// sample holds 272 of them (Breitbart, The Daily Caller, Townhall, CNN,
// Vox ...), from embassies, officials and presidents.

// quoteEmbedCue is the Cue of a quote from an embedded post.
const quoteEmbedCue = "posted"

// quoteEmbedMaxBytes bounds a post's words: 280 characters of up to four
// bytes and some more. A longer paragraph is the outlet's text run
// together with a post, not a post (the 267 of the sample are at most 286
// bytes).
const quoteEmbedMaxBytes = 1200

// quoteEmbeds adds to qs (sorted by Start) a direct quote for every
// paragraph of body that is an embedded post, and returns qs sorted by
// Start again. The post's author is the speaker of all of it: quotes found
// inside the paragraph otherwise (a speaker guessed for marks within the
// post, reported speech running into its byline) give way. A quote that
// runs on past the paragraph keeps it.
func quoteEmbeds(body string, paras []Span, qs []Quote) []Quote {
	var posts []Quote
	for _, p := range paras {
		if c := body[p.End-1]; c < '0' || c > '9' {
			// quoteEmbed's first test, made here: its result, a Quote,
			// is a large value to return for each paragraph.
			continue
		}
		q, ok := quoteEmbed(body, p)
		if !ok || quoteCrosses(qs, p) {
			continue
		}
		posts = append(posts, q)
		kept := qs[:0]
		for _, o := range qs {
			if o.Start < p.Start || o.End > p.End {
				kept = append(kept, o)
			}
		}
		qs = kept
	}
	if len(posts) == 0 {
		return qs
	}
	n := len(qs)
	qs = append(qs, posts...)
	quoteMergeSorted(qs, n)
	return qs
}

// quoteCrosses reports whether a quote of qs overlaps paragraph p and runs
// past it.
func quoteCrosses(qs []Quote, p Span) bool {
	for _, q := range qs {
		if q.Start < p.End && p.Start < q.End && (q.Start < p.Start || q.End > p.End) {
			return true
		}
	}
	return false
}

// quoteEmbed reads paragraph p as an embedded post: text, then " — ", a
// name, " (@handle) " and a date "Month D, YYYY" ending the paragraph.
func quoteEmbed(body string, p Span) (Quote, bool) {
	par := body[p.Start:p.End]
	if c := par[len(par)-1]; c < '0' || c > '9' {
		return Quote{}, false
	}
	dash := strings.LastIndex(par, " — ")
	if dash < 0 {
		return Quote{}, false
	}
	byline := par[dash+len(" — "):]
	at := strings.LastIndex(byline, " (@")
	if at <= 0 {
		return Quote{}, false
	}
	closeAt := strings.IndexByte(byline[at:], ')')
	if closeAt < 0 || !quoteIsHandle(byline[at+len(" (@"):at+closeAt]) || !quoteIsEmbedDate(byline[at+closeAt+1:]) {
		return Quote{}, false
	}
	name := quoteTrimName(byline[:at])
	if name == "" {
		name = byline[at+len(" (") : at+closeAt]
	}
	// The words end before the links the post carried, and start after
	// the BBC's "Skip Twitter post by @handle".
	start := 0
	if rest, ok := strings.CutPrefix(par, "Skip Twitter post by @"); ok {
		if sp := strings.IndexByte(rest, ' '); sp > 0 && sp < dash-len("Skip Twitter post by @") {
			start = len("Skip Twitter post by @") + sp + 1
		}
	}
	text := par[start:dash]
	for {
		sp := strings.LastIndexByte(text, ' ')
		last := text[sp+1:]
		if !strings.HasPrefix(last, "pic.twitter.com/") && !strings.HasPrefix(last, "https://t.co/") &&
			!strings.HasPrefix(last, "http://t.co/") {
			break
		}
		if sp < 0 {
			text = ""
			break
		}
		text = strings.TrimRight(text[:sp], " ")
	}
	words := CountWords(text)
	if words == 0 || len(text) > quoteEmbedMaxBytes {
		return Quote{}, false
	}
	nameStart := p.Start + dash + len(" — ") + strings.Index(byline, name)
	return Quote{
		Text: text, Start: p.Start + start, End: p.Start + start + len(text), Kind: QuoteDirect,
		Speaker: name, Mention: name, MentionStart: nameStart, MentionEnd: nameStart + len(name),
		Cue: quoteEmbedCue, Words: words,
	}, true
}

// quoteIsHandle reports whether h is a handle: 1 to 30 letters, digits or
// underscores.
func quoteIsHandle(h string) bool {
	if h == "" || len(h) > 30 {
		return false
	}
	for i := 0; i < len(h); i++ {
		c := h[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// quoteIsEmbedDate reports whether s is " Month D, YYYY" (a month as the
// date cleaner knows it).
func quoteIsEmbedDate(s string) bool {
	s, ok := strings.CutPrefix(s, " ")
	if !ok {
		return false
	}
	month, rest, ok := strings.Cut(s, " ")
	if !ok {
		return false
	}
	day, year, ok := strings.Cut(rest, ", ")
	return ok && cleanMonths[strings.ToLower(month)] != 0 && len(day) <= 2 && allDigits(day) &&
		len(year) == 4 && allDigits(year)
}

// quoteTrimName trims a display name of what is not part of the name:
// spaces, and the emoji and flags that pages often turn into "????".
func quoteTrimName(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.'
	})
}

// quoteMergeSorted sorts qs, of which qs[:n] and qs[n:] are each sorted by
// Start, by Start, keeping the order of equal Starts stable.
func quoteMergeSorted(qs []Quote, n int) {
	merged := make([]Quote, 0, len(qs))
	i, j := 0, n
	for i < n && j < len(qs) {
		if qs[j].Start < qs[i].Start {
			merged = append(merged, qs[j])
			j++
		} else {
			merged = append(merged, qs[i])
			i++
		}
	}
	merged = append(merged, qs[i:n]...)
	merged = append(merged, qs[j:]...)
	copy(qs, merged)
}
