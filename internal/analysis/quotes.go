package analysis

import (
	"cmp"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Attributions is what FindAttributions finds in a cleaned body.
type Attributions struct {
	// Quotes holds direct quotes and reported speech, sorted by Start. Side
	// is left empty: the engine fills it from the registry.
	Quotes []Quote
	// Scare holds scare quotes: short quoted spans (under four words) with
	// no speaker and no speech cue, the outlet distancing itself from a word.
	Scare []Span
}

// quoteMinWords is the length under which a quoted span with no speech cue
// of its own is a scare quote rather than a quote.
const quoteMinWords = 4

// quoteRaw is one run of quoted text found between quotation marks.
type quoteRaw struct {
	open, cs, ce, close int // opening mark, content start, content end, end of closing mark
	para                int // index of the paragraph holding the opening mark
	lastPara            int // index of the paragraph holding the closing mark
	lostOpen            bool
	closed              bool
}

// quoteMarkKind classifies one quotation mark.
type quoteMarkKind uint8

const (
	quoteMarkOpen quoteMarkKind = iota + 1
	quoteMarkClose
	quoteMarkEither
)

type quoteMark struct {
	pos, end int
	kind     quoteMarkKind
}

// quoteMarkByte flags the bytes that may begin a double quotation mark: the
// straight mark, the apostrophe (for NYT's doubled ”), the backtick (“),
// and the lead bytes of the curly and angle marks.
var quoteMarkByte = [256]bool{'"': true, '\'': true, '`': true, 0xE2: true, 0xC2: true}

// FindAttributions finds the direct quotes, reported speech and scare quotes
// of a cleaned body, and names the speaker of each quote as the article
// resolves it. Paragraphs are separated by blank lines; a single line break
// is treated as a paragraph break too, so text from other sources works.
func FindAttributions(body string) Attributions {
	a, ok := quoteAttributorPool.Get().(*attributor)
	if !ok {
		a = new(attributor)
	}
	a.body, a.used, a.lastEnd = body, a.used[:0], 0
	a.scan.reset()
	quoteScan(body, &a.scan)
	a.russian = strings.IndexByte(body, 0xD0) >= 0
	if a.russian {
		quoteScanRussian(body, &a.scan)
	}
	a.paras = quoteParagraphs(body, a.paras[:0])
	a.raws, a.marks = quoteFindRaw(body, a.paras, a.scan.marks, a.raws[:0], a.marks[:0])
	raws := a.raws
	if a.np == nil {
		a.np = make([]int, 0, 16)
	}
	a.people = speakerScanNames(&a.index, body, a.scan.names, a.scan.cues, a.toks)
	a.people.paras = a.paras
	res := a.run(raws)
	res.Quotes = quoteEmbeds(body, a.paras, res.Quotes)
	a.body, a.people = "", nil
	// A long text's buffers are left to the collector rather than kept
	// for every later call (the scan's cue candidates alone hold 3 MB
	// after a 3 MB text of cue words).
	if cap(a.toks) <= 1<<16 && cap(a.scan.marks) <= 1<<16 && cap(a.quotes) <= 1<<12 &&
		cap(a.scan.cues) <= 1<<16 && cap(a.scan.names) <= 1<<16 {
		quoteAttributorPool.Put(a)
	}
	return res
}

// quoteAttributorPool recycles the buffers of FindAttributions between
// calls.
var quoteAttributorPool sync.Pool

// quoteParagraphs splits body into paragraphs at line breaks, trimming the
// spaces around each.
func quoteParagraphs(body string, ps []Span) []Span {
	i := 0
	for i <= len(body) {
		// Blank lines, one between each two paragraphs of a cleaned
		// body, are stepped over here rather than found by a call.
		for i < len(body) && body[i] == '\n' {
			i++
		}
		j := strings.IndexByte(body[i:], '\n')
		end := len(body)
		if j >= 0 {
			end = i + j
		}
		s, e := i, end
		for s < e && (body[s] == ' ' || body[s] == '\t' || body[s] == '\r') {
			s++
		}
		for e > s && (body[e-1] == ' ' || body[e-1] == '\t' || body[e-1] == '\r') {
			e--
		}
		if s < e {
			ps = append(ps, Span{s, e})
		}
		if j < 0 {
			break
		}
		i = end + 1
	}
	return ps
}

// quoteMarksIn lists the double quotation marks of one paragraph from the
// candidate offsets the scan noted (pos, ascending); *next is the index of
// the first candidate not yet read, and moves past the paragraph.
func quoteMarksIn(body string, p Span, pos []int, next *int, dst []quoteMark) []quoteMark {
	dst = dst[:0]
	k := *next
	for k < len(pos) && pos[k] < p.Start {
		k++
	}
	done := p.Start // candidates before done were read as part of a mark
	for ; k < len(pos) && pos[k] < p.End; k++ {
		i := pos[k]
		if i < done {
			continue
		}
		done = i + 1
		switch body[i] {
		case '"':
			dst = append(dst, quoteMark{i, i + 1, quoteMarkEither})
		case '\'':
			if i+2 < p.End && body[i+1] == '\'' && body[i+2] == '\'' {
				i++ // three apostrophes: a single quote closing inside, then the double mark
			}
			if i+1 < p.End && body[i+1] == '\'' {
				dst = append(dst, quoteMark{i, i + 2, quoteMarkEither})
				done = i + 2
			}
		case '`':
			if i+1 < p.End && body[i+1] == '`' {
				dst = append(dst, quoteMark{i, i + 2, quoteMarkOpen})
				done = i + 2
			}
		case 0xE2:
			if i+2 < p.End && body[i+1] == 0x80 {
				switch body[i+2] {
				case 0x9C, 0x9E: // “ „
					dst = append(dst, quoteMark{i, i + 3, quoteMarkOpen})
				case 0x9D: // ”
					dst = append(dst, quoteMark{i, i + 3, quoteMarkClose})
				}
				done = i + 3
			}
		case 0xC2:
			if i+1 < p.End {
				switch body[i+1] {
				case 0xAB:
					dst = append(dst, quoteMark{i, i + 2, quoteMarkOpen})
				case 0xBB:
					dst = append(dst, quoteMark{i, i + 2, quoteMarkClose})
				}
				done = i + 2
			}
		}
	}
	*next = k
	return dst
}

// quoteOpenContext reports whether a mark at [pos, end) stands where an
// opening mark stands (after a space or the paragraph start, before a
// word), and quoteCloseContext where a closing one stands.
func quoteOpenContext(body string, p Span, pos, end int) bool {
	if end >= p.End {
		return false
	}
	next, _ := utf8.DecodeRuneInString(body[end:])
	if next == ' ' || next == '\t' {
		return false
	}
	if pos == p.Start {
		return true
	}
	prev, _ := utf8.DecodeLastRuneInString(body[:pos])
	return prev == ' ' || prev == '(' || prev == '[' || prev == '—' || prev == '–' || prev == '-' || prev == '/' || prev == '\t'
}

func quoteCloseContext(body string, p Span, pos, end int) bool {
	if pos == p.Start {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(body[:pos])
	if prev == ' ' || prev == '\t' {
		return false
	}
	if end >= p.End {
		return true
	}
	next, _ := utf8.DecodeRuneInString(body[end:])
	return next == ' ' || next == ',' || next == '.' || next == ';' || next == ':' || next == '?' || next == '!' || next == ')' || next == '—' || next == '–' || next == '-' || next == '\t'
}

// quoteFindRaw pairs the quotation marks of each paragraph into quoted runs.
// A quote is bounded by its paragraph, except that a quote left open at a
// paragraph's end continues when the next paragraph opens with a mark (the
// newspaper convention for quotes over several paragraphs). A closing mark
// with no opening one before it in its paragraph starts a candidate quote at
// the paragraph start (an opening mark lost in scraping); the caller keeps
// it only when an attribution follows.
//
// The runs are appended to out; marks is a scratch buffer. Both are
// returned for reuse.
func quoteFindRaw(body string, paras []Span, pos []int, out []quoteRaw, marks []quoteMark) ([]quoteRaw, []quoteMark) {
	next := 0
	var cur quoteRaw
	inQ := false
	for pi, p := range paras {
		if next < len(pos) && pos[next] < p.End {
			marks = quoteMarksIn(body, p, pos, &next, marks)
		} else {
			// No candidate before the paragraph's end, as in most
			// paragraphs: quoteMarksIn would find no mark and leave next
			// as it is.
			marks = marks[:0]
		}
		k := 0
		if inQ {
			if len(marks) > 0 && marks[0].pos == p.Start && marks[0].kind != quoteMarkClose {
				k = 1 // the quote continues into this paragraph
			} else {
				prev := paras[pi-1]
				cur.ce, cur.close, cur.lastPara = prev.End, prev.End, pi-1
				out = append(out, cur)
				inQ = false
			}
		}
		sawQuote := false
		for ; k < len(marks); k++ {
			m := marks[k]
			kind := m.kind
			oc := quoteOpenContext(body, p, m.pos, m.end)
			cc := quoteCloseContext(body, p, m.pos, m.end)
			switch {
			case kind == quoteMarkEither && oc && !cc:
				kind = quoteMarkOpen
			case kind == quoteMarkEither && cc && !oc:
				kind = quoteMarkClose
			case kind == quoteMarkEither:
				if inQ {
					kind = quoteMarkClose
				} else {
					kind = quoteMarkOpen
				}
			case kind == quoteMarkOpen && inQ && cc && !oc:
				kind = quoteMarkClose
			case kind == quoteMarkClose && !inQ && oc && !cc:
				kind = quoteMarkOpen
			}
			if !inQ {
				if kind == quoteMarkOpen {
					cur = quoteRaw{open: m.pos, cs: m.end, para: pi}
					inQ = true
				} else if !sawQuote && m.pos > p.Start {
					out = append(out, quoteRaw{open: p.Start, cs: p.Start, ce: m.pos, close: m.end, para: pi, lastPara: pi, lostOpen: true, closed: true})
				}
				sawQuote = true
				continue
			}
			if kind == quoteMarkClose {
				cur.ce, cur.close, cur.lastPara, cur.closed = m.pos, m.end, pi, true
				out = append(out, cur)
				inQ = false
			}
			// An opening mark inside an open quote is a nested or stray
			// mark: it is ignored.
		}
	}
	if inQ {
		last := paras[len(paras)-1]
		cur.ce, cur.close, cur.lastPara = last.End, last.End, len(paras)-1
		out = append(out, cur)
	}
	return out, marks
}

// quoteTrimContent trims spaces, leading commas and colons, and trailing commas, colons and dashes from
// a quote's content span.
func quoteTrimContent(body string, s, e int) (int, int) {
	// Most contents start and end with a letter: an ASCII byte that is
	// none of the trimmed ones ends each loop without decoding a rune.
	for s < e {
		if c := body[s]; c < utf8.RuneSelf && !quoteTrimASCII[c] {
			break
		}
		r, n := utf8.DecodeRuneInString(body[s:])
		if !unicode.IsSpace(r) && r != ',' && r != ':' && r != ';' {
			break
		}
		s += n
	}
	for e > s {
		if c := body[e-1]; c < utf8.RuneSelf && !quoteTrimASCII[c] {
			break
		}
		r, n := utf8.DecodeLastRuneInString(body[s:e])
		if !(unicode.IsSpace(r) || r == ',' || r == ';' || r == ':' || r == '—' || r == '–') {
			break
		}
		e -= n
	}
	return s, e
}

// quoteTrimASCII marks the ASCII bytes quoteTrimContent may trim: the
// spaces of unicode.IsSpace and the commas, colons and semicolons.
var quoteTrimASCII = func() (t [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		t[c] = unicode.IsSpace(rune(c)) || c == ',' || c == ':' || c == ';'
	}
	return t
}()

// attributor holds the state of one FindAttributions call.
type attributor struct {
	body   string
	paras  []Span
	people *speakerIndex
	toks   []qTok
	// used holds the spans of speech cues already given to a direct quote,
	// so reported speech does not take them again.
	used []Span
	// lastEnd is the end of the latest direct quote: the text before the
	// next quote's opening mark is searched for a cue only back to it.
	lastEnd int
	// scan is what the pass over the body noted.
	scan quoteScanResult
	// russian is set for a body holding Cyrillic letters, whose cues the
	// scan does not note all of (see reportedIn).
	russian bool
	// raws, marks, quotes, direct, floating, blocker and short are buffers
	// kept between calls (see quoteFindRaw and run).
	merge    []Quote
	raws     []quoteRaw
	marks    []quoteMark
	quotes   []Quote
	direct   []Span
	floating []int
	blocker  []int
	short    []int
	// np is the buffer the speaker phrases are built in: one phrase is
	// looked at at a time; np2 holds a second one read against it.
	np  []int
	np2 []int
	// order is quoteMentionOrder's buffer.
	order []int
	// usedMax is the longest used cue, for findReported's look-ups in
	// a.used, which it sorts by start.
	usedMax int
	// cueVerb holds cueInVerbPlace's answer for each scan cue, by index
	// (see cueVerbAt): findReported and reportedIn ask about the same
	// cue up to three times.
	cueVerb []cueVerbState
	// index is the speaker index people points to, kept with its buffers
	// between calls.
	index speakerIndex
}

// paraOf returns the index of the paragraph holding offset pos.
func (a *attributor) paraOf(pos int) int { return paraIndex(a.paras, pos) }

// paraIndex returns the index of the paragraph of paras holding offset
// pos: the first that ends at or after it, the last for an offset past
// them all, 0 when there are none.
func paraIndex(paras []Span, pos int) int {
	// sort.Search(len(paras), func(i int) bool { return paras[i].End >= pos }),
	// written out: it runs for every pronoun and quote, and the closure
	// cost as much as the search.
	i, j := 0, len(paras)
	for i < j {
		h := int(uint(i+j) >> 1)
		if paras[h].End < pos {
			i = h + 1
		} else {
			j = h
		}
	}
	return min(i, max(len(paras)-1, 0))
}

func (a *attributor) run(raws []quoteRaw) Attributions {
	var res Attributions
	// The quotes are gathered in a buffer kept between calls and copied
	// out at the end, at their final length.
	res.Quotes = a.quotes[:0]
	direct := a.direct[:0]     // the marked spans of kept direct quotes
	floating := a.floating[:0] // Start of direct quotes with no cue of their own, ascending
	blocker := a.blocker[:0]   // Start of direct quotes whose cue names no one we can register, ascending
	short := a.short[:0]       // Start of short attributed quotes, kept only to pass on their speaker
	defer func() {
		a.direct, a.floating, a.blocker, a.short = direct, floating, blocker, short
	}()
	for ri, r := range raws {
		cs, ce := quoteTrimContent(a.body, r.cs, r.ce)
		if cs >= ce {
			continue
		}
		words := CountWords(a.body[cs:ce])
		if words == 0 || !r.lostOpen && a.quoteTitle(r) {
			continue
		}
		nUsed := len(a.used)
		att, near := a.attributeDirect(r, words)
		if r.lostOpen && !near {
			continue
		}
		q := Quote{Text: a.body[cs:ce], Start: cs, End: ce, Kind: QuoteDirect, Words: words}
		if words < quoteMinWords && !(near && a.quoteUtterance(r)) {
			// A quoted span under four words is the outlet holding a word
			// at a distance ("so-called “moderate rebels”", what he called
			// "terrorists"), not a quote, even with a cue next to it; its
			// cue is left to the sentence's reported speech. An attribution
			// next to it still passes its speaker on to a following
			// quote, or stops a wrong one being passed on.
			a.used = a.used[:nUsed]
			if !r.lostOpen {
				if res.Scare == nil {
					// Room for every quote left at once: growing the
					// slice a scare quote at a time cost an allocation
					// per doubling.
					res.Scare = make([]Span, 0, len(raws)-ri)
				}
				res.Scare = append(res.Scare, Span{cs, ce})
			}
			if near {
				a.fillSpeaker(&q, att)
				a.lastEnd = r.close
				short = append(short, cs)
				if q.Speaker == "" {
					blocker = append(blocker, cs)
				} else {
					a.people.spoke(q.Start, q.Speaker)
					a.people.said(q)
				}
				res.Quotes = append(res.Quotes, q)
			}
			continue
		}
		a.fillSpeaker(&q, att)
		switch {
		case !near:
			floating = append(floating, cs)
		case q.Speaker == "":
			blocker = append(blocker, cs)
		default:
			a.people.spoke(q.Start, q.Speaker)
			a.people.said(q)
		}
		a.lastEnd = r.close
		res.Quotes = append(res.Quotes, q)
		direct = append(direct, Span{r.open, r.close})
	}
	nDirect := len(res.Quotes)
	res.Quotes = a.findReported(direct, res.Quotes)
	// A direct quote's "he said" was resolved before the reported speech
	// was read; the person who spoke just before may have spoken only
	// there ("Levin said in a statement that ... 'The president is
	// considering ...,' he said"), so it is resolved again, in text order.
	for i := range res.Quotes[:nDirect] {
		q := &res.Quotes[i]
		g := speakerPronounGender(q.Mention)
		if g == 0 {
			continue
		}
		if name, ok := a.people.lastSpeaker(a.people.pronounReach(q.MentionStart), g); ok && name != q.Speaker {
			a.people.resaid(q.MentionStart, name)
			q.Speaker = name
		}
	}
	a.sortQuotes(res.Quotes, nDirect)
	a.order = quoteMentionOrder(res.Quotes, a.order)
	a.statementIssuers(res.Quotes)
	if closed := a.bylineSpeakers(res.Quotes); len(closed) > 0 {
		// A byline closing its paragraph passes its name on to no quote
		// after it: the next quote of a roundup has a byline of its own.
		blocker = append(blocker, closed...)
		slices.Sort(blocker)
	}
	// The bylines gave mentions: the order is taken again.
	a.order = quoteMentionOrder(res.Quotes, a.order)
	a.sentenceSpeakers(res.Quotes, blocker)
	// A bare surname attributed before its bearer was named in full: the
	// reported speech that names "Rezaul Karim, the father of ..., said
	// that" is read after the direct quotes, so "“...,” Karim said" found
	// no one by that surname then.
	// No person is added or renamed in the loop: the index of their
	// surnames, made at the first quote that asks, holds for all. For a
	// short list of persons bearerIndex makes none and returns nil after
	// one comparison, at each quote that asks.
	var bearers map[string][]int
	for i := range res.Quotes {
		q := &res.Quotes[i]
		if q.Speaker == "" || strings.IndexByte(q.Speaker, ' ') >= 0 || q.Speaker[0] < 'A' || q.Speaker[0] > 'Z' {
			continue
		}
		if bearers == nil {
			bearers = a.people.bearerIndex()
		}
		if full, ok := a.people.fullBearer(q.Speaker, q.Start, bearers); ok {
			q.Speaker = full
		}
	}
	a.definiteDescriptions(res.Quotes)
	// Floating quotes inherit the speaker of the attribution just before
	// them, in the same paragraph or the one before.
	last, lastPara := -1, -10
	// The quotes are in text order (sortQuotes), so the paragraph of each
	// start is found by walking on from the one before (the binary search
	// of paraOf cost more, twice per quote), and that of its end from its
	// start's.
	para := 0
	for i := range res.Quotes {
		q := &res.Quotes[i]
		for para < len(a.paras)-1 && a.paras[para].End < q.Start {
			para++
		}
		if q.Kind == QuoteDirect && quoteHasInt(floating, q.Start) && q.Speaker == "" {
			if last >= 0 && para-lastPara <= 1 {
				src := res.Quotes[last]
				q.Speaker, q.Mention, q.MentionStart, q.MentionEnd = src.Speaker, src.Mention, src.MentionStart, src.MentionEnd
			} else {
				continue
			}
		}
		if q.Kind == QuoteDirect && quoteHasInt(blocker, q.Start) {
			last = -1
			continue
		}
		if q.Speaker != "" {
			lastPara = para
			for lastPara < len(a.paras)-1 && a.paras[lastPara].End < q.End {
				lastPara++
			}
			last = i
		}
	}
	if len(short) > 0 {
		kept := res.Quotes[:0]
		for _, q := range res.Quotes {
			if q.Kind != QuoteDirect || !quoteHasInt(short, q.Start) {
				kept = append(kept, q)
			}
		}
		res.Quotes = kept
	}
	a.quotes = res.Quotes
	res.Quotes = nil
	if len(a.quotes) > 0 {
		res.Quotes = append([]Quote(nil), a.quotes...)
	}
	clear(a.quotes) // drop the texts for the collector
	return res
}

// quoteDescriptionParas is how many paragraphs back definiteDescriptions
// looks for the fuller description of "the official", and
// quoteDescriptionQuotes how many quotes at most: a paragraph of thousands
// of "the official said" (a fuzzer's kind of text) would otherwise read
// them all back for each.
const (
	quoteDescriptionParas  = 2
	quoteDescriptionQuotes = 16
)

// definiteDescriptions gives a quote whose speaker is a description in
// lower case brought in with "the" ("“...,” the official said", "the
// senior official added") the fuller description of the same person that
// an attribution just before gives: "A Secret Service official said the
// agency ...", then "“We weren't asked,” the official said". The reported
// speech is read after the direct quotes, so "the official" found no one
// when it was read. The fuller description holds every word of the bare
// one in order and ends in the same noun; the nearest such, within
// quoteDescriptionParas paragraphs and with no other of its kind brought
// in between, is taken. An indefinite "an official said" is someone new and
// is left alone. qs is in text order.
func (a *attributor) definiteDescriptions(qs []Quote) {
	for i := range qs {
		q := &qs[i]
		bare, ok := quoteBareDescription(q)
		if !ok {
			continue
		}
		// lo is where the paragraphs the search may read begin.
		lo := a.paras[max(a.paraOf(q.MentionStart)-quoteDescriptionParas, 0)].Start
		for j := i - 1; j >= 0 && j >= i-quoteDescriptionQuotes; j-- {
			p := &qs[j]
			if p.End < lo {
				break
			}
			if p.MentionEnd <= p.MentionStart || p.MentionStart >= q.MentionStart || p.MentionStart < lo {
				continue
			}
			if quoteFullerDescription(p.Speaker, bare) {
				// Another of its kind brought in since, in a sentence
				// that quotes no one ("a State Department official held
				// a conference call"), is the one meant.
				if !quoteNounBroughtIn(a.body, p.MentionEnd, q.MentionStart, bare[len(bare)-1]) {
					q.Speaker = p.Speaker
				}
				break
			}
		}
	}
}

// quoteNounBroughtIn reports whether the word noun stands in body[lo:hi]
// other than right after "the": "a State Department official held a
// call" brings in another official, "what the official dubbed" does not.
func quoteNounBroughtIn(body string, lo, hi int, noun string) bool {
	for {
		o := quoteLastWordBefore(body, lo, hi, noun)
		if o < 0 {
			return false
		}
		if o < lo+len("the ") || !strings.EqualFold(body[o-len("the "):o], "the ") {
			return true
		}
		hi = o
	}
}

// quoteBareDescription returns the words of q's speaker when it is a
// description in lower case that its mention brings in with "the" ("the
// official", "the senior official").
func quoteBareDescription(q *Quote) ([]string, bool) {
	s := q.Speaker
	if s == "" || s[0] < 'a' || s[0] > 'z' || len(q.Mention) != len("the ")+len(s) ||
		!strings.EqualFold(q.Mention[:len("the ")], "the ") || q.Mention[len("the "):] != s {
		return nil, false
	}
	words := strings.Fields(s)
	for _, w := range words {
		if w[0] < 'a' || w[0] > 'z' {
			return nil, false
		}
	}
	return words, true
}

// quoteFullerDescription reports whether speaker describes more fully
// what bare does: it has more words, holds bare's words in order and ends
// in the same word ("senior State Department official" for "senior
// official"), which is its head: with a preposition in lower case the
// head stands before it ("a spokesman for the country's atomic energy
// agency" is not "the agency", nor "a review of the cable" "the cable").
func quoteFullerDescription(speaker string, bare []string) bool {
	if !strings.Contains(speaker, bare[len(bare)-1]) {
		// Most speakers before are names, which do not end in the
		// description's noun: they are passed over before their words
		// are split (an allocation).
		return false
	}
	words := strings.Fields(speaker)
	if len(words) <= len(bare) || words[len(words)-1] != bare[len(bare)-1] {
		return false
	}
	k := 0
	for _, w := range words {
		if speakerPreps[w] {
			return false
		}
		if k < len(bare) && w == bare[k] {
			k++
		}
	}
	return k == len(bare)
}

// sortQuotes sorts qs by Start, stably: the direct quotes qs[:n] before
// the reported ones at the same offset. Each part is nearly always in
// order already, and then the two are merged.
// statementIssuers gives a quote whose speaker is "the statement" the
// speaker of the sentence that brought the statement in, in the same
// paragraph or the one before: "Sen. Carl Levin said in a statement that
// ...", "The U.S. State Department issued a statement saying it
// “condemns ...”". A statement whose issuer no quote names stays "statement".
// qs is in text order, so a chain of "the statement said" passes the
// issuer on.
func (a *attributor) statementIssuers(qs []Quote) {
	for i := range qs {
		q := &qs[i]
		if !strings.EqualFold(q.Speaker, "statement") || !strings.EqualFold(q.Mention, "the statement") {
			continue
		}
		para := a.paraOf(q.MentionStart)
		if para < 0 {
			continue
		}
		lo := a.paras[max(para-1, 0)].Start
		o := quoteLastWordBefore(a.body, lo, q.MentionStart, "statement")
		if o < 0 {
			// No statement was brought in: "the statement" is what the
			// quote before it, in the same paragraph or the one before,
			// read out ("with Ambassador Anatoly Antonov saying on
			// Twitter, “...” / “...,” the statement continued").
			if i > 0 && qs[i-1].Kind == QuoteDirect && qs[i-1].Start >= lo && qs[i-1].MentionEnd > qs[i-1].MentionStart &&
				qs[i-1].Speaker != "" && !strings.EqualFold(qs[i-1].Speaker, "statement") {
				q.Speaker = qs[i-1].Speaker
			}
			continue
		}
		p := a.near(a.paras[a.paraOf(o)], o, o)
		ss, se := a.sentenceAround(o, p), a.sentenceEnd(o, p.End)
		// "a statement from Cameron's office": the issuer is named right
		// after, or not by this sentence's speaker.
		from := -1
		if rest := a.body[o+len("statement"):]; strings.HasPrefix(rest, " from ") || strings.HasPrefix(rest, " by ") {
			from = o + len("statement") + strings.IndexByte(rest[1:], ' ') + 2
		}
		k := quoteNearestSpeaker(qs, a.order, i, o, max(ss, o-quoteStatementReach), min(se, o+quoteStatementReach), func(m Quote) bool {
			// A statement inside what someone reports is not theirs: "The
			// AP reported that it received a statement from al Qaeda's
			// branch in Yemen".
			return m.MentionStart >= ss && m.MentionStart < se && (o < m.Start || o >= m.End) &&
				(from < 0 || m.MentionStart >= from && m.MentionStart <= from+4) && abs(m.MentionStart-o) <= quoteStatementReach
		})
		if k >= 0 && !strings.EqualFold(qs[k].Speaker, "statement") {
			q.Speaker = qs[k].Speaker
			continue
		}
		if from >= 0 {
			continue
		}
		if sp := a.statementSubject(ss, o); sp != "" {
			q.Speaker = sp
		}
	}
}

// statementSubject returns who issued the statement named at o when no
// quote of its sentence names them: the capitalized words before it ("a
// White House statement", "a Kremlin statement") or the sentence's
// subject ("Turkey's Ministry of Foreign Affairs also published a
// statement denouncing the attack", "President Francois Hollande
// announced in a statement").
func (a *attributor) statementSubject(ss, o int) string {
	toks := quoteTokenize(a.body, ss, o, nil)
	n := len(toks)
	// "..., the White House said in a statement": the subject of the cue.
	if n >= 4 && speakerTokFlags(a.body, toks, n-1)&swDeterminers != 0 && toks[n-2].is(a.body, "in") {
		if cue, _ := speechCueAt(a.body, toks, n-3); cue != "" {
			if np := speakerNPBefore(a.body, toks, 0, n-3, nil); len(np) > 0 {
				sp, _ := a.people.resolveNP(a.body, toks, np, o)
				return sp
			}
		}
	}
	j := n
	for j > 0 && toks[j-1].word && speakerCapitalized(a.body, toks[j-1]) && !speakerSentenceInitial(a.body, toks[j-1].s) &&
		speakerTokFlags(a.body, toks, j-1)&swCalendar == 0 {
		j--
	}
	if j < n {
		np := make([]int, 0, n-j)
		for k := j; k < n; k++ {
			np = append(np, k)
		}
		sp, _ := a.people.resolveNP(a.body, toks, np, o)
		return sp
	}
	if np := speakerSubject(a.body, toks, n, nil); len(np) > 0 && np[len(np)-1] < n-1 {
		if w := speakerLower(a.body, toks, np[len(np)-1]); w == "statement" || w == "it" || w == "they" {
			return ""
		}
		sp, _ := a.people.resolveNP(a.body, toks, np, o)
		return sp
	}
	return ""
}

// quoteMentionOrder returns the indices of the quotes that name their
// speaker (a mention), in the order of their mentions' offsets.
func quoteMentionOrder(qs []Quote, dst []int) []int {
	dst = dst[:0]
	for k, m := range qs {
		if m.MentionEnd > m.MentionStart {
			dst = append(dst, k)
		}
	}
	// The quotes are in text order and so, nearly always, are their
	// mentions: the stable sort, which would leave them as they are, is
	// spared then.
	for k := 1; k < len(dst); k++ {
		if qs[dst[k-1]].MentionStart > qs[dst[k]].MentionStart {
			slices.SortStableFunc(dst, func(x, y int) int { return cmp.Compare(qs[x].MentionStart, qs[y].MentionStart) })
			break
		}
	}
	return dst
}

// quoteNearestSpeaker returns the index of the quote, other than qs[i],
// that names its speaker (a mention) nearest to offset at among those ok
// accepts, or -1; of two as near, the first. Only mentions starting in
// [lo, hi] are looked at, which ok must not accept outside: order
// (quoteMentionOrder) is searched from at outwards, so that an article
// of thousands of quotes costs no more than one of a few.
func quoteNearestSpeaker(qs []Quote, order []int, i, at, lo, hi int, ok func(Quote) bool) int {
	best, dist := -1, -1
	r := sort.Search(len(order), func(j int) bool { return qs[order[j]].MentionStart >= at })
	l := r - 1
	for {
		// The nearer of the next mention to the left and to the right.
		dl, dr := -1, -1
		if l >= 0 && qs[order[l]].MentionStart >= lo {
			dl = at - qs[order[l]].MentionStart
		}
		if r < len(order) && qs[order[r]].MentionStart <= hi {
			dr = qs[order[r]].MentionStart - at
		}
		var k, d int
		switch {
		case dl < 0 && dr < 0:
			return best
		case dr < 0 || dl >= 0 && dl <= dr:
			k, d = order[l], dl
			l--
		default:
			k, d = order[r], dr
			r++
		}
		if best >= 0 && d > dist {
			return best
		}
		if m := qs[k]; k == i || m.Speaker == "" || !ok(m) {
			continue
		}
		if best < 0 || d < dist || k < best {
			best, dist = k, d
		}
	}
}

// sentenceSpeakers gives a direct quote with no speaker the speaker of
// another quote of its sentence: the quoted phrases of a sentence whose
// attribution reads one of them ("Ted Cruz ... said it's possible it was
// “radical Islamic terrorism” and means “we are at a time of war”",
// "Monday's “act of senseless violence” is a reminder of the
// “darkness ...”, says Cardinal Sean O'Malley"). The nearest
// attribution wins; a quote whose own cue named no one (blocker) keeps
// none.
func (a *attributor) sentenceSpeakers(qs []Quote, blocker []int) {
	for i := range qs {
		q := &qs[i]
		if q.Kind != QuoteDirect || q.Speaker != "" || quoteHasInt(blocker, q.Start) {
			continue
		}
		pi := a.paraOf(q.Start)
		if pi < 0 || a.paraOf(q.End) != pi {
			continue
		}
		p := a.near(a.paras[pi], q.Start, q.End)
		ss, se := a.sentenceAround(q.Start, p), a.sentenceEnd(q.End, p.End)
		best := quoteNearestSpeaker(qs, a.order, i, q.Start, ss, se, func(m Quote) bool { return m.MentionStart >= ss && m.MentionEnd <= se })
		if best >= 0 {
			m := qs[best]
			q.Speaker, q.Mention, q.MentionStart, q.MentionEnd = m.Speaker, m.Mention, m.MentionStart, m.MentionEnd
		}
	}
}

// bylineSpeakers gives the quotes of a roundup their author: a quote with
// no speaker whose paragraph is followed by a byline paragraph ("Max Boot,
// Washington Post") is the byline's, and so are the speakerless quote
// paragraphs right before it. An editorial board's byline gives the
// outlet ("Editorial Board, Chicago Tribune"). A byline may also close the
// quote's own paragraph; the starts of the quotes given one so are
// returned, ascending.
func (a *attributor) bylineSpeakers(qs []Quote) []int {
	var closed []int
	for i := range qs {
		q := &qs[i]
		if q.Kind != QuoteDirect || q.Speaker != "" {
			continue
		}
		para := a.paraOf(q.End)
		if para < 0 {
			continue
		}
		if name, at, ok := quoteTrailingByline(a.body, q.End, a.paras[para].End); ok {
			// "“...” Samantha Vinograd, CNN", "“...” – Bret Baier": the
			// byline closes the quote's own paragraph; the speakerless
			// quotes of the paragraph are its author's.
			for k := i; k >= 0; k-- {
				m := &qs[k]
				if m.Kind != QuoteDirect || m.Speaker != "" || a.paraOf(m.End) != para {
					break
				}
				m.Speaker, m.Mention, m.MentionStart, m.MentionEnd = name, a.body[at.Start:at.End], at.Start, at.End
				closed = append(closed, m.Start)
			}
			continue
		}
		if para+1 >= len(a.paras) {
			continue
		}
		b := a.paras[para+1]
		name, ok := quoteByline(a.body[b.Start:b.End])
		if !ok {
			continue
		}
		// The speakerless quotes of this paragraph and of the quote
		// paragraphs right before it.
		for k, cur := i, para; k >= 0; k-- {
			m := &qs[k]
			mp := a.paraOf(m.End)
			if m.Kind != QuoteDirect || m.Speaker != "" || mp != cur && mp != cur-1 {
				break
			}
			m.Speaker, m.Mention, m.MentionStart, m.MentionEnd = name, a.body[b.Start:b.End], b.Start, b.End
			cur = mp
		}
	}
	slices.Sort(closed)
	return closed
}

// quoteTrailingBylineMax bounds the text after a quote that may be a
// byline: a sentence that goes on after the quote is none, and need not be
// read through.
const quoteTrailingBylineMax = 120

// quoteTrailingByline reads what follows the quote whose text ends at end,
// up to its paragraph's end pe: the closing mark, then a byline ("Alex
// Ward, Vox", as quoteByline reads it) or a dash and a name, with or
// without a description ("– Carl Cameron", "—Barak Epstein, manager of
// The Texas Theatre"). It returns the name and the span of the byline as
// written: all of it for "Name, Outlet", as a byline paragraph is the
// mention of its quotes, and the name part after a dash.
func quoteTrailingByline(body string, end, pe int) (string, Span, bool) {
	i := end
	for i < pe && (body[i] == '.' || body[i] == ',' || body[i] == '?' || body[i] == '!' || body[i] == ' ') {
		i++
	}
	switch {
	case strings.HasPrefix(body[i:pe], "\u201d"):
		i += len("\u201d")
	case strings.HasPrefix(body[i:pe], `"`):
		i++
	default:
		return "", Span{}, false
	}
	for i < pe && body[i] == ' ' {
		i++
	}
	dashed := false
	for _, d := range [...]string{"- ", "– ", "— ", "-", "–", "—"} {
		if strings.HasPrefix(body[i:pe], d) && i+len(d) < pe && body[i+len(d)] != ' ' {
			i += len(d)
			dashed = true
			break
		}
	}
	tail := strings.TrimRight(body[i:pe], " ")
	if tail == "" || len(tail) > quoteTrailingBylineMax || quoteHasMark(tail) {
		// A title quoted after the name ("on “Special Report”") would
		// take the name as a quote of its own.
		return "", Span{}, false
	}
	at := Span{i, i + len(tail)}
	if name, ok := quoteByline(tail); ok {
		return name, at, true
	}
	if !dashed {
		return "", Span{}, false
	}
	name, _, _ := strings.Cut(tail, ", ")
	at.End = i + len(name) // the name as written, not its description
	nw := strings.Fields(name)
	// "– Rep. John Lewis D-Ga.", "– Bret Baier.": the title, the party
	// and the sentence's period are no part of the name.
	for len(nw) > 2 && speakerWordFlags0(nw[0])&swTitles != 0 {
		nw = nw[1:]
	}
	if k := len(nw) - 1; k > 1 && len(nw[k]) > 2 && nw[k][1] == '-' && strings.ContainsRune("DRI", rune(nw[k][0])) {
		nw = nw[:k]
	}
	if k := len(nw) - 1; k >= 0 && len(nw[k]) > 3 && strings.HasSuffix(nw[k], ".") && !speakerGenerational(strings.Join(nw, " ")) {
		nw[k] = nw[k][:len(nw[k])-1]
	}
	name = strings.Join(nw, " ")
	if len(nw) < 2 || len(nw) > 4 || len(name) > 40 || !quoteBylineName(nw) {
		return "", Span{}, false
	}
	return name, at, true
}

// quoteHasMark reports whether s holds a double quotation mark, straight
// or curly: strings.ContainsAny(s, "\"“”"), which takes the rune-by-rune
// path for a set outside ASCII. A curly mark's bytes in s always read as
// the mark (no valid sequence holds a lead byte).
func quoteHasMark(s string) bool {
	return strings.IndexByte(s, '"') >= 0 || strings.Contains(s, "“") || strings.Contains(s, "”")
}

// quoteByline reads a byline paragraph: "Name Surname, Outlet", at most 80
// bytes, a name of two to five capitalized words, an outlet of one to six
// words opening with a capital, no quotation mark and no sentence end. It
// returns the author, or the outlet for an editorial board.
func quoteByline(line string) (string, bool) {
	if len(line) > 80 || strings.ContainsAny(line, ":;!?") || quoteHasMark(line) || strings.HasSuffix(line, ".") {
		return "", false
	}
	name, outlet, ok := strings.Cut(line, ", ")
	if !ok || strings.Contains(outlet, ",") {
		return "", false
	}
	nw, ow := strings.Fields(name), strings.Fields(outlet)
	if len(nw) < 2 || len(nw) > 7 || len(ow) < 1 || len(ow) > 6 {
		return "", false
	}
	if r, _ := utf8.DecodeRuneInString(outlet); !unicode.IsUpper(r) {
		return "", false
	}
	switch strings.ToLower(name) {
	case "editorial board", "the editorial board", "the editors", "editors":
		return outlet, true
	}
	if !quoteBylineName(nw) {
		return "", false
	}
	return name, true
}

// quoteBylineName reports whether the words nw of a byline are a name, not
// a heading in title case ("The Candidates Dominated Discussion, But ...",
// "AND NOW, A WORD ..."): capitalized words that are no function words,
// nouns or verbs the engine knows, not in capitals unless initials; "and"
// may join two names.
func quoteBylineName(nw []string) bool {
	and := 0
	for i, w := range nw {
		if i > 0 && i < len(nw)-1 && (w == "and" || speakerParticle(w) || w == "vanden") {
			// "Joseph Votel and Elizabeth Dent", "Katrina vanden Heuvel"
			if w == "and" {
				and++
			}
			continue
		}
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
		if len(w) > 2 && strings.ToUpper(w) == w && !strings.Contains(w, ".") {
			return false
		}
		if _, f := speakerWordInfo(w); f&(swStop|swPreps|swDeterminers|swPronouns|swNouns|swVerbsS|swCue|swTimeWords|swCalendar) != 0 {
			return false
		}
	}
	return len(nw)-and <= 5
}

// quoteStatementReach bounds the bytes between a statement and the issuer
// named in its sentence: "Russia's Foreign Ministry issued a statement",
// "Levin said in a statement", "In a statement, Pentagon press secretary
// George Little said".
const quoteStatementReach = 120

// quoteLastWordBefore returns the offset of the last whole word w in
// body[lo:hi], or -1.
func quoteLastWordBefore(body string, lo, hi int, w string) int {
	for hi > lo {
		k := strings.LastIndex(body[lo:hi], w)
		if k < 0 {
			return -1
		}
		o := lo + k
		if (o == 0 || !isWordRune(rune(body[o-1]))) && (o+len(w) >= len(body) || !isWordRune(rune(body[o+len(w)]))) {
			return o
		}
		hi = o
	}
	return -1
}

// quoteFirstWordFrom returns the offset of the first whole word w in
// body at or after from, or -1: quoteLastWordBefore read forward, with the
// same test of the bytes around it.
func quoteFirstWordFrom(body string, from int, w string) int {
	for from <= len(body)-len(w) {
		k := strings.Index(body[from:], w)
		if k < 0 {
			return -1
		}
		o := from + k
		if (o == 0 || !isWordRune(rune(body[o-1]))) && (o+len(w) >= len(body) || !isWordRune(rune(body[o+len(w)]))) {
			return o
		}
		from = o + 1
	}
	return -1
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func (a *attributor) sortQuotes(qs []Quote, n int) {
	byStart := func(x, y Quote) int { return cmp.Compare(x.Start, y.Start) }
	if !quoteSortedByStart(qs[:n]) || !quoteSortedByStart(qs[n:]) {
		slices.SortStableFunc(qs, byStart)
		return
	}
	if n == 0 || n == len(qs) || qs[n-1].Start <= qs[n].Start {
		return
	}
	left := append(a.merge[:0], qs[:n]...)
	i, j, w := 0, n, 0
	for i < len(left) && j < len(qs) {
		if qs[j].Start < left[i].Start {
			qs[w] = qs[j]
			j++
		} else {
			qs[w] = left[i]
			i++
		}
		w++
	}
	copy(qs[w:], left[i:])
	clear(left) // drop the texts for the collector
	a.merge = left[:0]
}

// quoteSortedByStart is slices.IsSortedFunc(qs, byStart) without the
// comparison's call and copies of each Quote.
func quoteSortedByStart(qs []Quote) bool {
	for i := 1; i < len(qs); i++ {
		if qs[i].Start < qs[i-1].Start {
			return false
		}
	}
	return true
}

// quoteUtterance reports whether a quote stands as a whole utterance, as
// in `“No,” he said.` or `He said: “Never.”`: it opens a sentence or follows
// a colon or comma, and its words end in a stop or comma inside the marks.
// Such a short quote is speech; one set inside running text is not.
func (a *attributor) quoteUtterance(r quoteRaw) bool {
	in := strings.TrimRight(a.body[r.cs:r.ce], " ")
	if in == "" || !strings.ContainsAny(in[len(in)-1:], ",.!?") && !strings.HasSuffix(in, "—") {
		return false
	}
	before := strings.TrimRight(a.body[a.paras[r.para].Start:r.open], " ")
	if before == "" {
		return true
	}
	last := before[len(before)-1]
	return last == ':' || last == ',' || (last == '.' || last == '!' || last == '?') && quoteSentenceBreak(a.body, len(before)-1+a.paras[r.para].Start, r.open+1)
}

// quoteTitle reports whether the quoted span of r names a work rather than
// quoting anyone, as in "said on CNN's “State of the Union”", "in his 2007
// book “At the Center of the Storm”", "a “Make America Great Again” hat":
//   - its words are in title case: each is capitalized but for articles,
//     conjunctions and short prepositions, which stay in lower case after
//     the first word (but at a subtitle's start, after a colon); at least
//     two words of four letters or more are capitalized; and not all
//     letters are capitals ("“NEVER, EVER THREATEN THE UNITED STATES
//     AGAIN”" is shouting, "“A Total Disaster For Our Country”" a quote in
//     headline capitals);
//   - no stop, comma, colon, dash or ellipsis ends it, and no sentence ends
//     inside it as quoteSentenceBreak reads one ("“Big Win Tonight. Thank
//     You America”"; "U.S." is no end);
//   - it does not open its paragraph nor follow a colon or comma, where a
//     quote stands on its own.
//
// Such a span is no quote: its cue is left to the sentence's reported
// speech.
func (a *attributor) quoteTitle(r quoteRaw) bool {
	// The stop or comma may stand outside the content: "“It’s not new in
	// Virginia,” said Rep. Bobby Scott".
	raw := strings.TrimRight(a.body[r.cs:r.ce], " ")
	if raw == "" || strings.HasSuffix(raw, "—") || strings.HasSuffix(raw, "…") {
		return false
	}
	switch raw[len(raw)-1] { // strings.ContainsAny(raw[len(raw)-1:], ",.!?;:")
	case ',', '.', '!', '?', ';', ':':
		return false
	}
	// The words are read first, one at a time: nearly every quote fails on
	// its first words (a lower-case word that is no minor one), before the
	// sentence ends are looked for in all of it. Every test only rules the
	// title out, so their order changes no answer.
	caps, lower := 0, false
	prev := ""
	k := 0
	for w := range strings.FieldsSeq(raw) {
		first, _ := utf8.DecodeRuneInString(w)
		letters := 0
		for _, c := range w {
			if unicode.IsLetter(c) {
				letters++
				lower = lower || unicode.IsLower(c)
			}
		}
		switch {
		case k >= 12:
			return false
		case unicode.IsUpper(first):
			if letters >= 4 {
				caps++
			}
			if k > 0 && len(w) <= 3 && quoteTitleMinor[strings.ToLower(w)] && !strings.HasSuffix(prev, ":") {
				return false // "For", "Of", "The" capitalized: headline capitals
			}
		case k == 0 || !quoteTitleMinor[w]:
			// Title case leaves only articles, conjunctions and short
			// prepositions in lower case: "he bashed “Hillary's war in
			// Libya”" quotes him.
			return false
		}
		prev = w
		k++
	}
	if caps < 2 || !lower {
		return false
	}
	for k := 0; k < len(raw)-1; k++ {
		if c := raw[k]; (c == '.' || c == '!' || c == '?') && quoteSentenceBreak(a.body, r.cs+k, r.cs+len(raw)) {
			return false
		}
	}
	before := strings.TrimRight(a.body[a.paras[r.para].Start:r.open], " ")
	return before != "" && !strings.HasSuffix(before, ":") && !strings.HasSuffix(before, ",")
}

// quoteNameStart moves a window start ws back over the capitalized words
// (up to three) that run into the capitalized word at ws, not past s: a
// window cut inside a name takes the whole name. "Russell Moore,
// president of the Southern Baptist Convention’s Ethics and Religious
// Liberty Commission, argued" is Russell Moore's, not a Moore's.
func quoteNameStart(body string, s, ws int) int {
	for range 3 {
		w := ws
		for w < len(body) && body[w] == ' ' {
			w++
		}
		if r, _ := utf8.DecodeRuneInString(body[w:]); !unicode.IsUpper(r) {
			break
		}
		p := w
		for p > s && body[p-1] == ' ' {
			p--
		}
		q := p
		for q > s && body[q-1] != ' ' && body[q-1] != '\n' {
			q--
		}
		if p == w || q == p || strings.ContainsAny(body[q:p], ",.;:!?\"“”") {
			break
		}
		if r, _ := utf8.DecodeRuneInString(body[q:]); !unicode.IsUpper(r) {
			break
		}
		ws = q
	}
	return ws
}

// quoteTitleMinor are the words title case writes in lower case.
var quoteTitleMinor = wordSet(`a an the and or but nor of in on at to by for with from as into via vs`)

// quoteAttribution is a speaker found for one quote.
type quoteAttribution struct {
	speaker string
	mention Span
	cue     string
}

func (a *attributor) fillSpeaker(q *Quote, att quoteAttribution) {
	if att.speaker == "" {
		return
	}
	q.Speaker = att.speaker
	q.Cue = att.cue
	if att.mention.End > att.mention.Start {
		q.Mention = a.body[att.mention.Start:att.mention.End]
		q.MentionStart, q.MentionEnd = att.mention.Start, att.mention.End
	}
}

// attributeDirect finds the speaker of a direct quote: the attribution right
// after the closing mark ("...," Lavrov said / said Lavrov), else the one
// right before the opening mark (Lavrov said: "..."), else a cue elsewhere
// in the quote's sentence. near reports whether a cue stands next to the
// quote.
func (a *attributor) attributeDirect(r quoteRaw, words int) (att quoteAttribution, near bool) {
	if att, ok := a.attributeAfter(r); ok {
		return att, true
	}
	if r.lostOpen {
		return att, false
	}
	nUsed := len(a.used)
	if att, ok := a.attributeBefore(r); ok {
		// A short quote inside a sentence that reports speech ("they had not
		// seen any "pause"") is part of that speech, not a quote of its own:
		// it needs its cue right before it.
		if words >= quoteMinWords || a.cueAdjacentBefore(r.open) {
			return att, true
		}
		a.used = a.used[:nUsed]
	}
	return att, false
}

// cueAdjacentBefore reports whether the text right before an opening mark
// introduces a quote: a colon or comma, or a speech verb.
func (a *attributor) cueAdjacentBefore(open int) bool {
	s := strings.TrimRight(a.body[:open], " ")
	if strings.HasSuffix(s, ":") || strings.HasSuffix(s, ",") {
		return true
	}
	i := strings.LastIndexByte(s, ' ')
	w := s[i+1:]
	return speakerWordFlags0(w)&swCue != 0
}

// sentenceEnd returns the end of the sentence running from pos, bounded by
// limit.
func (a *attributor) sentenceEnd(pos, limit int) int {
	b := a.body
	// Most often the first stop ends the sentence: one quoteIndexStop.
	k := quoteIndexStop(b[pos:limit])
	if k < 0 {
		return limit
	}
	if k += pos; quoteSentenceBreak(b, k, limit) {
		return k + 1
	}
	st := newQuoteStops(b, limit)
	for i := k + 1; i < limit; {
		k := st.from(i)
		if k < 0 {
			return limit
		}
		if quoteSentenceBreak(b, k, limit) {
			return k + 1
		}
		i = k + 1
	}
	return limit
}

// quoteIndexStop returns the offset of the first '.', '!' or '?' in s, or
// -1: strings.IndexAny(s, ".!?"). Each mark is searched for with
// strings.IndexByte, which reads whole vector registers at a time, the
// later ones only before the first found: three such searches cost less
// than one pass over the bytes (sentence ends are sought in about 73,000
// stretches of text per pass over the AllSides corpus).
func quoteIndexStop(s string) int {
	k := strings.IndexByte(s, '.')
	if k >= 0 {
		s = s[:k]
	}
	if j := strings.IndexByte(s, '!'); j >= 0 {
		k, s = j, s[:j]
	}
	if j := strings.IndexByte(s, '?'); j >= 0 {
		k = j
	}
	return k
}

// quoteStops finds the stops of b[:lim] in order, from points that only
// move forward: sentenceEnd reads on with it past a first stop that ends
// no sentence, and sentenceStartAfter walks with it over every stop after
// the first. A fresh quoteIndexStop from every stop read a run of "why?
// why? ..." with no '.' to its end once per stop, which made a long
// paragraph of questions quadratic; quoteStops keeps what each mark's
// search learnt, so each mark's bytes are read once.
type quoteStops struct {
	b   string
	lim int
	// Each is the first offset, at or after the last from's i, that may
	// hold its mark: none lies between that i and it. It holds the mark,
	// or is where a search stopped short (at another mark, or lim).
	dot, bang, ques int
}

func newQuoteStops(b string, lim int) quoteStops {
	return quoteStops{b: b, lim: lim, dot: -1, bang: -1, ques: -1}
}

// from returns the offset of the first stop in b[i:lim], or -1; i must not
// be less than the previous call's.
func (q *quoteStops) from(i int) int {
	if q.dot < i {
		q.dot = quoteScanIndexFrom(q.b[:q.lim], i, '.')
	}
	at := q.seek(&q.bang, '!', i, q.dot)
	at = q.seek(&q.ques, '?', i, at)
	if at >= q.lim {
		return -1
	}
	return at
}

// seek returns the offset of the first mark in b[i:bound], or bound,
// moving *at (from's dot, bang or ques) on.
func (q *quoteStops) seek(at *int, mark byte, i, bound int) int {
	if *at < i {
		*at = i
	}
	if *at < bound && q.b[*at] != mark {
		*at = quoteScanIndexFrom(q.b[:bound], *at, mark)
	}
	return min(*at, bound)
}

// quoteStops8 returns the high bit of each byte of x that is '.', '!' or
// '?', exactly (the zero-byte test with no carry between bytes).
func quoteStops8(x uint64) uint64 {
	const ones = 0x0101010101010101
	return quoteZero8(x^ones*'.') | quoteZero8(x^ones*'!') | quoteZero8(x^ones*'?')
}

// quoteZero8 returns the high bit of each zero byte of v, exactly.
func quoteZero8(v uint64) uint64 {
	const ones = 0x0101010101010101
	return ^((v&(ones*127) + ones*127) | v) & quoteHigh8
}

// sentenceStart returns the start of the sentence holding pos, bounded by
// limit (a paragraph start).
func (a *attributor) sentenceStart(pos, limit int) int {
	b := a.body
	for i := pos - 1; ; i-- {
		if i = quoteLastStop(b, limit, i); i < limit {
			return limit
		}
		if quoteSentenceBreak(b, i, pos) {
			j := i + 1
			for j < pos && (b[j] == ' ' || quoteIsCloseByte(b, j)) {
				if b[j] == ' ' {
					j++
				} else {
					_, n := utf8.DecodeRuneInString(b[j:])
					j += n
				}
			}
			return j
		}
	}
}

// quoteLastStop returns the offset of the last '.', '!' or '?' in
// b[lo:i+1], or -1, reading eight bytes at a time from the end.
func quoteLastStop(b string, lo, i int) int {
	for i >= lo {
		if i-7 >= lo {
			if m := quoteStops8(speakerLoad8(b, i-7)); m != 0 {
				return i - 7 + (63-bits.LeadingZeros64(m))/8 // the last stop of the eight
			}
			i -= 8
			continue
		}
		if c := b[i]; c == '.' || c == '!' || c == '?' {
			return i
		}
		i--
	}
	return -1
}

// quoteIsCloseByte reports whether a closing quotation mark starts at i.
func quoteIsCloseByte(b string, i int) bool {
	return b[i] == '"' || strings.HasPrefix(b[i:], "”") || strings.HasPrefix(b[i:], "''") || strings.HasPrefix(b[i:], "’")
}

// quoteSkipClosers returns the offset after the closing marks and
// parentheses that stand at b[j:limit] ("”", "’", '"', "'", ")").
func quoteSkipClosers(b string, j, limit int) int {
	for j < limit && (b[j] == '"' || b[j] == '\'' || b[j] == ')') {
		j++
	}
	for j < limit && strings.HasPrefix(b[j:], "”") {
		j += len("”")
	}
	for j < limit && strings.HasPrefix(b[j:], "’") {
		j += len("’")
	}
	return j
}

// quoteSentenceBreak reports whether the stop at b[i] ends a sentence: it is
// followed (after closing marks) by a space and an upper-case letter, digit
// or opening mark, or by the limit, and does not end an abbreviation.
func quoteSentenceBreak(b string, i, limit int) bool {
	j := i + 1
	// Most stops are followed by a space, which none of the closing
	// marks' loops steps over: those are read only when another byte
	// follows.
	if j >= limit || b[j] != ' ' {
		if j = quoteSkipClosers(b, j, limit); j >= limit {
			return b[i] != '.' || !quoteAbbrevBefore(b, i)
		}
		if b[j] != ' ' && b[j] != '\n' {
			return false
		}
	}
	for j < limit && (b[j] == ' ' || b[j] == '\n') {
		j++
	}
	if j >= limit {
		return true
	}
	if c := b[j]; c < utf8.RuneSelf {
		// unicode.IsUpper and IsDigit of an ASCII byte, with no decoding.
		if !('A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '"' || c == '\'') {
			return false
		}
	} else if r, _ := utf8.DecodeRuneInString(b[j:]); !(unicode.IsUpper(r) || unicode.IsDigit(r) || r == '“' || r == '‘') {
		return false
	}
	return b[i] != '.' || !quoteAbbrevBefore(b, i)
}

// quoteAbbrevs are the abbreviations whose period does not end a sentence.
var quoteAbbrevs = wordSet(`mr mrs ms dr sen rep gov gen lt col st jr sr vs sgt capt prof rev inc co
	corp jan feb aug sept sep oct nov dec no maj adm pres gens reps sens u.s u.n u.k d.c`)

// quoteAbbrevMaxLen is the length of the longest abbreviation: a longer
// word needs no look-up.
var quoteAbbrevMaxLen = func() int {
	n := 0
	for w := range quoteAbbrevs {
		n = max(n, len(w))
	}
	return n
}()

// quoteAbbrevBefore reports whether the period at b[i] may close an
// abbreviation rather than a sentence: it follows an initial, a word
// holding periods or one of quoteAbbrevs, in any case.
func quoteAbbrevBefore(b string, i int) bool {
	j := i
	for j > 0 {
		if j >= 8 {
			// Step back over ASCII letters eight at a time: the tokenizer
			// asks this at the period after most sentences' last word.
			nl := ^quoteLetters8(speakerLoad8(b, j-8)) & quoteHigh8
			if nl == 0 {
				j -= 8
				continue
			}
			// The letters at the top; b[j-1] is then none.
			j -= bits.LeadingZeros64(nl) / 8
		}
		c := b[j-1]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			j--
			continue
		}
		if c == '.' {
			// A word holding periods ("U.S", "a.m"): the answer needs
			// no more of it. Walking on over "A.A.A...." read the whole
			// run back at each of the tokenizer's periods in it.
			return true
		}
		break
	}
	w := b[j:i]
	if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' {
		return true // an initial: "John F. Kennedy"
	}
	if len(w) > quoteAbbrevMaxLen {
		return false
	}
	return quoteAbbrevWord(w)
}

// quoteAbbrevWord reports whether w, ASCII letters alone, is one of
// quoteAbbrevs in any case: what speakerWordFlags0(w)&swAbbrev tells, but
// with no look-up in the word table. The period after a word is read for
// most words the tokenizer meets before one, and the abbreviations are
// short: each is packed into a key (quoteAbbrevKey) of quoteAbbrevKeys.
func quoteAbbrevWord(w string) bool {
	if len(w) > 8 {
		return speakerWordFlags0(w)&swAbbrev != 0
	}
	k := quoteAbbrevKey(w)
	for slot := quoteAbbrevSlot(k); quoteAbbrevKeys[slot] != 0; slot = (slot + 1) & (len(quoteAbbrevKeys) - 1) {
		if quoteAbbrevKeys[slot] == k {
			return true
		}
	}
	return false
}

// quoteAbbrevKey packs w, ASCII letters alone and at most eight, into a
// word with its letters in lower case; the key of "" is 0, which no
// abbreviation has.
func quoteAbbrevKey(w string) uint64 {
	var k uint64
	for i := 0; i < len(w); i++ {
		k = k<<8 | uint64(w[i]|0x20)
	}
	return k
}

// quoteAbbrevBits is the base-2 logarithm of the size of quoteAbbrevKeys.
const quoteAbbrevBits = 7

// quoteAbbrevSlot spreads a key over quoteAbbrevKeys.
func quoteAbbrevSlot(k uint64) int { return int(k * 0x9E3779B97F4A7C15 >> (64 - quoteAbbrevBits)) }

// quoteAbbrevKeys holds the keys of the abbreviations of letters alone
// (those with a period cannot follow a word of letters alone), by
// quoteAbbrevSlot with linear probing; 0 is an empty slot.
var quoteAbbrevKeys = func() (t [1 << quoteAbbrevBits]uint64) {
	n := 0
	for w := range quoteAbbrevs {
		if strings.Contains(w, ".") || len(w) > 8 {
			continue
		}
		if n++; 2*n > len(t) {
			panic("quoteAbbrevKeys is over half full: make it larger")
		}
		k := quoteAbbrevKey(w)
		slot := quoteAbbrevSlot(k)
		for t[slot] != 0 {
			slot = (slot + 1) & (len(t) - 1)
		}
		t[slot] = k
	}
	return t
}()

// attributeAfter looks for an attribution right after a quote's closing
// mark: `," Lavrov said`, `," said Lavrov`, `," the minister added`.
func (a *attributor) attributeAfter(r quoteRaw) (quoteAttribution, bool) {
	if !r.closed {
		return quoteAttribution{}, false
	}
	p := a.paras[r.lastPara]
	if !quoteWordFollows(a.body, r.close, p.End) {
		// The tokens read below would start, after commas and dashes,
		// with no word (or there would be none): the sentence's end is
		// not sought.
		return quoteAttribution{}, false
	}
	end := a.sentenceEnd(r.close, a.near(p, r.close, r.close).End)
	if end-r.close > 400 {
		end = r.close + 400
		for end < p.End && !utf8.RuneStart(a.body[end]) {
			end++
		}
	}
	toks := quoteTokenize(a.body, r.close, end, a.toks[:0])
	a.toks = toks
	i := 0
	dashed := false // a dash stands between the quote and what follows
	for i < len(toks) && !toks[i].word && (toks[i].is(a.body, ",") || toks[i].is(a.body, "—") || toks[i].is(a.body, "–")) {
		dashed = dashed || !toks[i].is(a.body, ",")
		i++
	}
	if i >= len(toks) || !toks[i].word {
		return quoteAttribution{}, false
	}
	// A quote that closed its own sentence takes an attribution after it
	// only when that starts in lower case ('."  he said.').
	contentEnd := strings.TrimRight(a.body[r.cs:r.ce], " ")
	if strings.HasSuffix(contentEnd, ".") && i == 0 {
		c, _ := utf8.DecodeRuneInString(a.body[toks[i].s:])
		if unicode.IsUpper(c) && !a.bareAttribution(toks) {
			return quoteAttribution{}, false
		}
	}
	// Inverted: said Lavrov, according to Lavrov.
	if cue, n := speechCueAt(a.body, toks, i); cue != "" {
		if speechCueParticiple(cue) && i+n < len(toks) && toks[i+n].is(a.body, ",") && strings.HasSuffix(contentEnd, ",") {
			// "Ismail Haniyeh ... thanked Mr. Morsi “for the quick and
			// brave decisions he made,” adding, “...”": the subject of the
			// sentence the quote stands in speaks.
			s := a.sentenceAround(r.open, a.near(a.paras[r.para], r.open, r.open))
			st := quoteTokenize(a.body, s, r.open, nil)
			if np := speakerSubject(a.body, st, len(st), a.np[:0]); len(np) > 0 {
				if sp, m := a.people.resolveNP(a.body, st, np, r.open); sp != "" {
					a.used = append(a.used, Span{toks[i].s, toks[i].e})
					return quoteAttribution{sp, m, cue}, true
				}
			}
			return quoteAttribution{}, false
		}
		np := speakerNPAfter(a.body, toks, i+n, a.np[:0])
		if len(np) == 0 {
			return quoteAttribution{}, false
		}
		sp, m := a.people.resolveNP(a.body, toks, np, toks[i].s)
		if sp == "" {
			return quoteAttribution{}, speakerFirstPerson(a.body, toks, np)
		}
		a.used = append(a.used, Span{toks[i].s, toks[np[len(np)-1]].e})
		return quoteAttribution{sp, m, cue}, true
	}
	// "...," read the intelligence bulletin, "...," reads a statement from
	// the ministry: "read" is a cue only here, right after a quote and
	// before a determiner ("he read the book" reports nothing).
	if (toks[i].is(a.body, "read") || toks[i].is(a.body, "reads")) && i+1 < len(toks) && toks[i+1].word &&
		speakerTokFlags(a.body, toks, i+1)&swDeterminers != 0 {
		if np := speakerNPAfter(a.body, toks, i+1, a.np[:0]); len(np) > 0 {
			if sp, m := a.people.resolveNP(a.body, toks, np, toks[i].s); sp != "" {
				a.used = append(a.used, Span{toks[i].s, toks[np[len(np)-1]].e})
				return quoteAttribution{sp, m, a.body[toks[i].s:toks[i].e]}, true
			}
		}
	}
	// Subject first: Lavrov said, the minister added.
	for k := i + 1; k < len(toks) && k <= i+12; k++ {
		if !toks[k].word {
			if toks[k].is(a.body, "'") || toks[k].is(a.body, "’") {
				continue
			}
			if toks[k].is(a.body, "(") {
				// "Rep. Earl Blumenauer (D-Ore.) said": step over the aside.
				c := k + 1
				for c < len(toks) && c <= k+8 && !toks[c].is(a.body, ")") {
					c++
				}
				if c < len(toks) && c <= k+8 && c+1 < len(toks) {
					if cue, _ := speechCueAt(a.body, toks, c+1); cue != "" && !speechCueAccording(cue) {
						np := a.np[:0]
						for j := i; j < k; j++ {
							np = append(np, j)
						}
						if speakerNominal(a.body, toks, np) {
							if sp, m := a.people.resolveNP(a.body, toks, np, toks[i].s); sp != "" {
								a.used = append(a.used, Span{toks[i].s, toks[c+1].e})
								return quoteAttribution{sp, m, cue}, true
							}
						}
					}
				}
				break
			}
			if toks[k].is(a.body, ",") {
				// An apposition: "Tom Ridge, a former secretary, said".
				if att, ok := a.attributeApposition(toks, i, k); ok {
					return att, true
				}
			}
			break
		}
		cue := ""
		if speechCueMaybe(a.body, toks[k]) {
			cue, _ = speechCueAt(a.body, toks, k)
		}
		// (The set is looked up last: most words are followed by another.)
		if w := a.body[toks[k].s:toks[k].e]; cue == "" && (k+1 == len(toks) || !toks[k+1].word || toks[k+1].is(a.body, "and")) && speechAfterQuoteVerbs[w] {
			cue = w // '“Go back to Univision,” Trump barked.'
		}
		if cue == "" || speechCueAccording(cue) || a.cueIsNoun(toks, k, cue) {
			continue
		}
		np := speakerNPBefore(a.body, toks, i, k, a.np[:0])
		// '“...,” as Barack Obama put it.': the subject of "as" speaks.
		if len(np) == 0 || np[0] != i && !(cue == "put it" && np[0] == i+1 && toks[i].is(a.body, "as")) {
			return quoteAttribution{}, false
		}
		sp, m := a.people.resolveNP(a.body, toks, np, toks[i].s)
		if sp == "" {
			return quoteAttribution{}, speakerFirstPerson(a.body, toks, np)
		}
		a.used = append(a.used, Span{toks[i].s, toks[k].e})
		return quoteAttribution{sp, m, cue}, true
	}
	// The attribution closes the sentence: '"..." than that, Zuckoff said.'
	for k := len(toks) - 1; k > i; k-- {
		if !toks[k].word {
			continue
		}
		cue, n := "", 0
		if speechCueMaybe(a.body, toks[k]) {
			cue, n = speechCueAt(a.body, toks, k)
		}
		if cue == "" || speechCueAccording(cue) {
			if k+1 < len(toks) && toks[k+1].word && k < len(toks)-4 {
				break
			}
			continue
		}
		np := speakerNPBefore(a.body, toks, i, k, a.np[:0])
		if len(np) == 0 {
			if speechCueTakesListener(cue) {
				break // "..., tells Vox.": Vox listens
			}
			np = speakerNPAfter(a.body, toks, k+n, a.np[:0])
			if len(np) == 0 || !toks[k-1].is(a.body, ",") {
				break
			}
		} else if np[0] == 0 || !toks[np[0]-1].is(a.body, ",") {
			break
		}
		sp, m := a.people.resolveNP(a.body, toks, np, toks[k].s)
		if sp == "" {
			break
		}
		a.used = append(a.used, Span{toks[k].s, toks[k].e})
		return quoteAttribution{sp, m, cue}, true
	}
	if dashed {
		// "...” – Gov. Scott Walker, R-Wisc., “On the Record ...”": a
		// name after a dash signs the quote.
		np := a.np[:0]
		for j := i; j < len(toks) && j < i+6 && toks[j].word && speakerNameWord(a.body, toks[j]); j++ {
			np = append(np, j)
		}
		if len(np) >= 2 && (len(np) == len(toks)-i || !toks[np[len(np)-1]+1].word) && speakerFirstNameIn(a.body, toks, np) {
			if sp, m := a.people.resolveNP(a.body, toks, np, toks[i].s); sp != "" {
				return quoteAttribution{sp, m, "–"}, true
			}
		}
	}
	// The quote's sentence goes on, then is attributed: '“...” about
	// fixing inequality and enabling public-sector unions, said Marla
	// Kilfoyle, executive director of the Badass Teachers Association.'
	for k := i + 1; k+1 < len(toks) && k <= i+25; k++ {
		if !toks[k].is(a.body, ",") {
			if !toks[k].word && !toks[k].is(a.body, "-") {
				break // another quote, a dash, a parenthesis
			}
			continue
		}
		cue, n := speechCueAt(a.body, toks, k+1)
		if !speechCueInverts(cue) {
			continue
		}
		np := speakerNPAfter(a.body, toks, k+1+n, a.np[:0])
		if len(np) == 0 {
			break
		}
		// The sentence ends with the speaker, or an apposition after it;
		// not "..., said the Israeli army “must stop”", its subject.
		j := np[len(np)-1] + 1
		if j < len(toks) && toks[j].is(a.body, ",") {
			for j++; j < len(toks) && inApposition(a.body, toks, j); j++ {
			}
		}
		if j < len(toks) && !toks[j].is(a.body, ".") {
			break
		}
		sp, m := a.people.resolveNP(a.body, toks, np, toks[k+1].s)
		if sp == "" {
			break
		}
		// The cue stays free: the words between may be reported speech
		// of the same speaker ('"The world turned upside down" when the
		// car bomb exploded, said Zaher Usman').
		return quoteAttribution{sp, m, cue}, true
	}
	return quoteAttribution{}, false
}

// quoteWordFollows reports whether quoteTokenize may give a word as the
// first token of body[pos:end'], for an end' up to limit, that is not a
// comma or dash: false when the first other token, read as quoteTokenizeN
// reads it, is a mark, or when there is none. (Cutting the text shorter
// only cuts tokens off, or leaves a broken rune, which is no word.)
func quoteWordFollows(body string, pos, limit int) bool {
	for i := pos; i < limit; {
		c := body[i]
		if c < utf8.RuneSelf {
			switch quoteTokASCII[c] {
			case quoteTokSpace:
				i++
				continue
			case quoteTokWord:
				return true
			}
			if c != ',' {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(body[i:])
		if quoteWordRune(r) {
			return true
		}
		if !unicode.IsSpace(r) && r != '—' && r != '–' {
			return false
		}
		i += n
	}
	return false
}

// bareAttribution reports whether toks, the sentence after a quote that
// closed its own, is an attribution and nothing more: a name of up to
// four words and a cue that needs no object ("...missing.” Trump said.").
func (a *attributor) bareAttribution(toks []qTok) bool {
	k := 0
	for k < len(toks) && k < 4 && toks[k].word && speakerNameWord(a.body, toks[k]) {
		k++
	}
	if k == 0 || k >= len(toks) {
		return false
	}
	cue, n := speechCueAt(a.body, toks, k)
	if !speechCueInverts(cue) {
		return false
	}
	k += n
	return k == len(toks) || k+1 == len(toks) && toks[k].is(a.body, ".")
}

// speechAfterQuoteVerbs are cues only right after a quote, with their
// subject before them and nothing after: '“...?” Hannity pressed.'
// Elsewhere they report nothing ("pressed for sanctions").
var speechAfterQuoteVerbs = wordSet(`pressed barked snarled growled deadpanned laughed sniffed`)

// quoteVerbReach is how many tokens before a quote's opening mark
// quoteVerbAt reads a verb at: its caller skips the call beyond it.
const quoteVerbReach = 6

// quoteVerbAt returns the verb at token k when it is one of
// speechQuoteVerbs and the quote opens at most six tokens after it, in the
// same clause (a colon may end the clause): toks end at the opening mark.
func quoteVerbAt(body string, toks []qTok, k int) (string, int) {
	if len(toks)-k-1 > quoteVerbReach {
		// Too far from the quote. (attributeIn, the one caller, makes
		// this test before the call, which most words of a sentence fail;
		// it stays here so that quoteVerbAt holds for any k.)
		return "", 0
	}
	w, f := speakerTokInfo(body, toks, k)
	if f&swQuoteVerb == 0 || w != body[toks[k].s:toks[k].e] {
		return "", 0
	}
	if speechQuoteOffers[w] {
		// "Trump offered his “warmest sympathy”", not "offered his
		// condolences to “the victims”" nor "wasn't offered a meeting: “".
		if k > 0 && speakerTokFlags(body, toks, k-1)&swPassive != 0 || strings.HasSuffix(body[:toks[k].s], "n't ") ||
			strings.HasSuffix(body[:toks[k].s], "n’t ") {
			return "", 0
		}
		for j := k + 1; j < len(toks)-1; j++ {
			if !toks[j].word || speakerTokFlags(body, toks, j)&swObjectDets == 0 {
				return "", 0
			}
		}
	}
	for j := k + 1; j < len(toks); j++ {
		if toks[j].word || toks[j].is(body, "'") || toks[j].is(body, "’") || j == len(toks)-1 && toks[j].is(body, ":") {
			continue
		}
		return "", 0
	}
	return w, 1
}

// quoteWherePhrase reports whether s, what follows a cue up to the
// sentence's end, only says where or when it was said: "in a statement",
// "in an interview on Sunday", "on Twitter".
func quoteWherePhrase(s string) bool {
	// Read word by word: most contents fail at the first word, and a
	// slice of all their words was most of this function's cost.
	n, where := 0, false
	for w := range strings.FieldsSeq(strings.TrimRight(s, " .")) {
		switch n++; {
		case n == 1 && w != "in" && w != "on", n > 6:
			return false
		case n > 1 && speechWhereNouns[strings.ToLower(w)]:
			where = true
		}
	}
	return n >= 2 && where
}

// speechCueToIsObject reports whether cue is a verb whose "to" brings in
// its object, never what was said: a form of "respond" or "reply" (what is
// answered) or of "add" ("Violent protests in Turkey this week have added
// to the concern").
func speechCueToIsObject(cue string) bool {
	switch cue {
	case "respond", "responds", "responded", "responding", "reply", "replies", "replied", "replying",
		"add", "adds", "added", "adding":
		return true
	}
	return false
}

// speechAnswerBy returns the token after the speech verb of "by saying",
// "by calling", "by accusing" within a few tokens from k (what follows
// "responded to X"), or -1: "by invading Afghanistan" is no speech.
func speechAnswerBy(body string, toks []qTok, k int) int {
	// (The tokens end with the sentence: no stop needs looking for.)
	for j := k; j+2 < len(toks) && j < k+12; j++ {
		if !toks[j].is(body, "by") {
			continue
		}
		switch w := speakerLower(body, toks, j+1); {
		case w == "calling":
			// "by calling on Israel to freeze", "by calling it" are speech;
			// "by calling in air strikes", "calling up reservists" are not.
			if n := speakerLower(body, toks, j+2); n == "in" || n == "up" || n == "off" {
				return -1
			}
		case w == "accusing":
			// Speech, though no cue alone: "by accusing Tehran of".
		case !strings.HasSuffix(w, "ing") || speakerTokFlags(body, toks, j+1)&swCue == 0:
			continue // "the criticism by Israel by saying": a later "by" may still be speech
		}
		return j + 2
	}
	return -1
}

// speechCueTakesListener reports whether the words after a cue name who
// is told, not who speaks: "tells Vox", "told reporters".
func speechCueTakesListener(cue string) bool {
	switch cue {
	case "tell", "tells", "told", "telling", "ask", "asks", "asked":
		return true
	}
	return false
}

// speechCueGoesOn reports whether "continued", "maintained", "recalled" or
// "questioned" at token k
// brings in speech, as before a mark (", he continued.", "continued: “")
// or "that"/"by" ("continued by arguing that"), unlike "McDonough's remarks
// continued the White House's pushback", "oil prices continued to rise",
// "airstrikes continued overnight". Only reported speech asks: after a
// direct quote ("...,” Trump continued at the rally) the quote is the
// speech.
func speechCueGoesOn(body string, toks []qTok, k int, cue string) bool {
	switch cue {
	case "continued", "continues", "maintain", "maintains", "maintained", "recall", "recalls", "recalled", "questioned":
		// "Russia maintains that ...", not "the group can maintain such
		// a state" nor "maintained control of the city".
	default:
		return true
	}
	if strings.HasPrefix(cue, "continue") && k+2 < len(toks) && toks[k+1].is(body, ",") && toks[k+2].word {
		// "While the search continues, NPR's Jeff Brady reports": a new
		// clause follows the comma; `he continued, "We ...` goes on.
		return false
	}
	if cue == "questioned" {
		// "Cruz has questioned whether Democrats ...": a doubt spoken;
		// "police questioned the suspect", "Americans questioned by
		// telephone" are no speech.
		if k+1 < len(toks) {
			switch speakerLower(body, toks, k+1) {
			case "whether", "why", "how", "if":
				return true
			}
		}
		return false
	}
	if k+1 >= len(toks) || !toks[k+1].word {
		return true
	}
	if toks[k+1].is(body, "that") || toks[k+1].is(body, "by") {
		return true
	}
	if strings.HasPrefix(cue, "recall") {
		// "recalled how Foley helped", "recalled asking his supervisor",
		// "recalled the mother saying": a memory told; not "recalled its
		// ambassador".
		switch speakerLower(body, toks, k+1) {
		case "how", "when", "what", "why", "whether", "being":
			return true
		}
		for j := k + 1; j < len(toks) && j <= k+4 && toks[j].word; j++ {
			if w := speakerLower(body, toks, j); len(w) > 4 && strings.HasSuffix(w, "ing") {
				return true
			}
		}
	}
	if strings.HasPrefix(cue, "maintain") || strings.HasPrefix(cue, "recall") {
		// "Iran maintains its program is peaceful": a clause, whose verb
		// follows within a few words; "maintains a nationalist stance"
		// has none.
		for j := k + 1; j < len(toks) && j <= k+7 && toks[j].word; j++ {
			if speechClauseVerbs[speakerLower(body, toks, j)] {
				return true
			}
		}
	}
	return false
}

// speechNobody open a subject that names no speaker.
var speechNobody = wordSet(`no nobody none neither`)

// speechClauseVerbs are the finite verbs that show a clause after a cue
// with no "that".
var speechClauseVerbs = wordSet(`is are was were has have had will would can could should must may might does do did`)

// speechCueInverts reports whether a cue may stand before its speaker at
// the end of a sentence ("..., said Lavrov."): finite verbs that need no
// object ("told" and "asked" do: "..., told CNN").
func speechCueInverts(cue string) bool {
	switch cue {
	case "said", "says", "reported", "reports", "added", "adds", "wrote", "writes", "noted", "notes",
		"explained", "explains", "stated", "states", "warned", "warns", "claimed", "claims":
		return true
	}
	return false
}

// quoteClauseEndsAfter reports whether the sentence ends at token j, or
// after an apposition set off by a comma: "said Hajizadeh, the Guards'
// aerospace commander.", "said Smith, who was at the scene." The
// apposition opens with an article, "who" or a name, so that the rest of
// a sentence ("The talks, said officials, would resume") is none.
func quoteClauseEndsAfter(body string, toks []qTok, j int) bool {
	if j >= len(toks) || toks[j].is(body, ".") {
		return true
	}
	if !toks[j].is(body, ",") || j+1 >= len(toks) || !toks[j+1].word {
		return false
	}
	switch w := body[toks[j+1].s:toks[j+1].e]; w {
	case "a", "an", "the", "who":
	default:
		if !speakerCapitalized(body, toks[j+1]) {
			return false
		}
	}
	for j++; j < len(toks) && inApposition(body, toks, j); j++ {
	}
	return j >= len(toks) || toks[j].is(body, ".")
}

// inApposition reports whether token m may stand inside an apposition
// between commas: a word, a hyphen, an apostrophe, or the period of an
// abbreviation that ends it ("Sen. Mark Kirk, R-Ill., said").
func inApposition(body string, toks []qTok, m int) bool {
	t := toks[m]
	if t.word || t.is(body, "-") || t.is(body, "’") || t.is(body, "'") || t.is(body, "&") {
		return true
	}
	return t.is(body, ".") && m > 0 && toks[m-1].word && m+1 < len(toks) && toks[m+1].is(body, ",")
}

// attributeApposition reads "Name, apposition, said" after a quote: the
// name runs from token i to the comma at token k.
func (a *attributor) attributeApposition(toks []qTok, i, k int) (quoteAttribution, bool) {
	last := k // the comma before the latest part of the apposition
	for m := k + 1; m < len(toks) && m <= k+20; m++ {
		if inApposition(a.body, toks, m) {
			continue
		}
		if !toks[m].is(a.body, ",") || m+1 >= len(toks) {
			return quoteAttribution{}, false
		}
		c := m + 1
		for c < len(toks)-1 && toks[c].word && speakerTokFlags(a.body, toks, c)&swSkip != 0 {
			c++
		}
		if !toks[c].word {
			return quoteAttribution{}, false
		}
		cue, _ := speechCueAt(a.body, toks, c)
		if cue == "" && m+1 < len(toks) && toks[m+1].word && m <= k+16 {
			// "agent with the Bureau of Alcohol, Tobacco and Firearms,
			// John D’Angelo, told": the apposition goes on.
			last = m
			continue
		}
		if cue == "" || speechCueAccording(cue) {
			return quoteAttribution{}, false
		}
		np := a.np[:0]
		if n := m - last - 1; n >= 2 && n <= 6 && !speakerCapitalized(a.body, toks[i]) && a.bareName(toks, last+1, m) {
			// A description first, the name after it: "an agent with
			// the ATF, John D’Angelo, told reporters".
			for j := last + 1; j < m; j++ {
				np = append(np, j)
			}
		} else if last != k && !speakerCapitalized(a.body, toks[i]) {
			return quoteAttribution{}, false
		} else {
			// The name before its appositions: "Rep. Darrell Issa,
			// R-Calif., chairman of the House Oversight Committee, told".
			for j := i; j < k; j++ {
				np = append(np, j)
			}
		}
		if !speakerNominal(a.body, toks, np) {
			return quoteAttribution{}, false
		}
		sp, mention := a.people.resolveNP(a.body, toks, np, toks[i].s)
		if sp == "" {
			return quoteAttribution{}, false
		}
		a.used = append(a.used, Span{toks[i].s, toks[c].e})
		return quoteAttribution{sp, mention, cue}, true
	}
	return quoteAttribution{}, false
}

// cueIsNoun reports whether the cue at token k follows a word that makes it
// a noun or an infinitive: "His answer was", "the report", "in charge",
// "to say". An -ing form after a preposition is a verb's: "by saying",
// "for adding".
func (a *attributor) cueIsNoun(toks []qTok, k int, cue string) bool {
	return k > 0 && toks[k-1].word && speechCueNounContext[a.body[toks[k-1].s:toks[k-1].e]] &&
		!(speechCueParticiple(cue) && speakerTokFlags(a.body, toks, k-1)&swPreps != 0)
}

// bareName reports whether the tokens from j to e are a person's name and
// nothing else: capitalized words, none a title or a word of an
// institution's name.
func (a *attributor) bareName(toks []qTok, j, e int) bool {
	for ; j < e; j++ {
		if toks[j].is(a.body, "’") || toks[j].is(a.body, "'") {
			continue // "D’Angelo"
		}
		if !toks[j].word || !speakerNameWord(a.body, toks[j]) || speakerTokFlags(a.body, toks, j)&(swTitles|swOrg|swNouns|swStop|swPreps) != 0 {
			return false
		}
	}
	return true
}

// attributeBefore looks for an attribution in the sentence before a quote's
// opening mark: `Lavrov said: "`, `He added, "`, `According to Lavrov, "`.
func (a *attributor) attributeBefore(r quoteRaw) (quoteAttribution, bool) {
	p := a.paras[r.para]
	lo := p.Start
	if a.lastEnd > lo && a.lastEnd <= r.open {
		lo = a.lastEnd
	}
	// A "sentence" with no end in sight (a paragraph of quotes and no
	// periods) is read back only so far: every quote in it would read it
	// all again.
	lo = a.near(Span{lo, r.open}, r.open, r.open).Start
	start := a.sentenceStart(r.open, lo)
	if start >= r.open {
		// The quote opens its paragraph: a previous paragraph ending in
		// "X said:" introduces it.
		if r.para == 0 || r.open != p.Start {
			return quoteAttribution{}, false
		}
		pp := a.paras[r.para-1]
		if !strings.HasSuffix(a.body[pp.Start:pp.End], ":") {
			return quoteAttribution{}, false
		}
		start = a.sentenceStart(pp.End-1, pp.Start)
		if att, ok := a.attributeIn(start, pp.End, true); ok {
			return att, ok
		}
		// attributeIn left the sentence's tokens in a.toks, as below:
		// "17-year-old Jared Potts echoed:", "The State Department
		// released this statement:".
		if att, ok := a.attributeColon(a.toks); ok {
			return att, ok
		}
		return a.attributeStatementIntro(a.toks)
	}
	if att, ok := a.attributeIn(start, r.open, true); ok {
		return att, ok
	}
	// attributeIn left the tokens of body[start:r.open] in a.toks, with
	// the word look-ups it made kept in them: the colon reading shares them
	// rather than tokenizing the range again.
	return a.attributeColon(a.toks)
}

// quoteBeforeReach bounds the bytes before an opening mark that are read
// for its attribution, and those around a quote its sentence is looked
// for in: far more than any sentence of news.
const quoteBeforeReach = 1500

// near returns paragraph p cut to quoteBeforeReach bytes around [from,
// to], on rune boundaries. A paragraph of a thousand quotes and no
// sentence end would otherwise be read whole for each of them.
func (a *attributor) near(p Span, from, to int) Span {
	if from-p.Start > quoteBeforeReach {
		s := from - quoteBeforeReach
		for s < from && !utf8.RuneStart(a.body[s]) {
			s++
		}
		p.Start = s
	}
	if p.End-to > quoteBeforeReach {
		e := to + quoteBeforeReach
		for e > to && !utf8.RuneStart(a.body[e]) {
			e--
		}
		p.End = e
	}
	return p
}

// attributeColon reads "Kasich resisted: "..."": a subject and a past-tense
// verb right before a colon that opens the quote, when the verb is not on
// the cue list. toks are the tokens of the text from the sentence start to
// the opening mark.
func (a *attributor) attributeColon(toks []qTok) (quoteAttribution, bool) {
	n := len(toks)
	if n > 3 && toks[n-1].is(a.body, ":") && toks[n-2].is(a.body, ")") {
		// "Rep. Trey Gowdy (R-S.C.):": the label is read without its aside.
		for j := n - 3; j > 0 && j >= n-8; j-- {
			if toks[j].is(a.body, "(") {
				return a.attributeColon(append(toks[:j:j], toks[n-1]))
			}
		}
	}
	if n > 3 && quoteIsDash(a.body, toks[n-1]) && toks[n-2].word {
		// A roundup's "TOPIC - Campaign Carl Cameron - “...”": the name
		// between two dashes signs the quote.
		for j := n - 3; j > 0 && j >= n-6; j-- {
			if !quoteIsDash(a.body, toks[j]) {
				if toks[j].word && speakerNameWord(a.body, toks[j]) {
					continue
				}
				break
			}
			np := a.np[:0]
			for m := j + 1; m < n-1; m++ {
				np = append(np, m)
			}
			if len(np) >= 2 && speakerFirstNameIn(a.body, toks, np) {
				if sp, m := a.people.resolveNP(a.body, toks, np, toks[j+1].s); sp != "" {
					return quoteAttribution{sp, m, "–"}, true
				}
			}
			break
		}
		return quoteAttribution{}, false
	}
	if n < 2 || !toks[n-1].is(a.body, ":") || !toks[n-2].word {
		return quoteAttribution{}, false
	}
	if att, ok := a.attributeFromLabel(toks); ok {
		return att, true
	}
	lo := 0
	if n > 4 {
		// A label after a dash: "... are particularly problematic - Pew
		// Research: "..."".
		for j := n - 2; j >= n-5 && j > 0; j-- {
			if toks[j].is(a.body, "-") || toks[j].is(a.body, "—") || toks[j].is(a.body, "–") {
				lo = j + 1
				break
			}
		}
	}
	if n-lo > 4 && n <= 10 && (toks[0].s == 0 || a.body[toks[0].s-1] == '\n') && speakerNameWord(a.body, toks[n-2]) {
		// A transcript label with a description: "Former secretary of
		// state Hillary Rodham Clinton:" names the person at its end.
		r := n - 2
		for r > 0 && speakerNameWord(a.body, toks[r-1]) && speakerTokFlags(a.body, toks, r-1)&(swTitles|swPreps|swStop) == 0 {
			r--
		}
		if n-1-r >= 2 && speakerFirstNameIn(a.body, toks, []int{r}) {
			np := a.np[:0]
			for j := r; j < n-1; j++ {
				np = append(np, j)
			}
			if sp, m := a.people.resolveNP(a.body, toks, np, toks[r].s); sp != "" {
				return quoteAttribution{sp, m, ":"}, true
			}
		}
	}
	if n-lo <= 4 {
		// A transcript-style label: `Clinton: "..."`.
		np := a.np[:0]
		for j := lo; j < n-1; j++ {
			// A label names someone: "From WBUR:" introduces a link.
			if !speakerCapitalized(a.body, toks[j]) || speakerTokFlags(a.body, toks, j)&(swLabel|swPreps|swStop|swSkip) != 0 ||
				speakerTokFlags(a.body, toks, j)&swNobody != 0 {
				// Nor does a headline: "No Details Yet:".
				np = nil
				break
			}
			np = append(np, j)
		}
		if len(np) > 0 {
			if sp, m := a.people.resolveNP(a.body, toks, np, toks[lo].s); sp != "" {
				return quoteAttribution{sp, m, ":"}, true
			}
		}
	}
	v := speakerLower(a.body, toks, n-2)
	if len(v) < 4 || !strings.HasSuffix(v, "ed") || speakerCapitalized(a.body, toks[n-2]) {
		return quoteAttribution{}, false
	}
	np := speakerNPBefore(a.body, toks, 0, n-2, a.np[:0])
	if len(np) == 0 || np[0] != 0 && !toks[np[0]-1].is(a.body, ",") {
		return quoteAttribution{}, false
	}
	sp, m := a.people.resolveNP(a.body, toks, np, toks[n-2].s)
	if sp == "" {
		return quoteAttribution{}, false
	}
	return quoteAttribution{sp, m, v}, true
}

// attributeStatementIntro reads a paragraph that introduces a statement
// printed after it: "The State Department released this statement on the
// family's behalf:". toks are the paragraph's last sentence, ending in the
// colon; the subject before "released this statement" speaks.
func (a *attributor) attributeStatementIntro(toks []qTok) (quoteAttribution, bool) {
	n := len(toks)
	if n < 4 || !toks[n-1].is(a.body, ":") {
		return quoteAttribution{}, false
	}
	for v := 1; v+2 < n && v < 12; v++ {
		if !toks[v].word || !toks[v+1].word || !toks[v+2].word || speakerTokFlags(a.body, toks, v+2)&swDoc == 0 ||
			speakerTokFlags(a.body, toks, v+1)&swObjectDets == 0 {
			continue
		}
		switch speakerLower(a.body, toks, v) {
		case "released", "issued", "sent", "posted", "published", "put":
		default:
			continue
		}
		np := speakerNPBefore(a.body, toks, 0, v, a.np[:0])
		if len(np) == 0 || np[0] != 0 {
			return quoteAttribution{}, false
		}
		if sp, m := a.people.resolveNP(a.body, toks, np, toks[v].s); sp != "" {
			return quoteAttribution{sp, m, speakerLower(a.body, toks, v)}, true
		}
		return quoteAttribution{}, false
	}
	return quoteAttribution{}, false
}

// quoteSkipPlace returns the token after a place phrase at token j, "in"
// or "at" and capitalized words ("in Gaza"; not "at the Pentagon"), or j
// when none stands there.
func quoteSkipPlace(body string, toks []qTok, j int) int {
	if j >= len(toks) || !(toks[j].is(body, "in") || toks[j].is(body, "at")) {
		return j
	}
	e := j + 1
	for e < len(toks) && speakerCapitalized(body, toks[e]) {
		e++
	}
	if e == j+1 {
		return j
	}
	return e
}

// quoteCommaBefore reports whether a comma stands right before token k,
// or before an adverb in -ly before it: "..., simply promising that".
func quoteCommaBefore(body string, toks []qTok, k int) bool {
	if k > 0 && toks[k-1].is(body, ",") {
		return true
	}
	if k < 2 || !toks[k-1].word || !toks[k-2].is(body, ",") {
		return false
	}
	w := body[toks[k-1].s:toks[k-1].e]
	return len(w) > 4 && strings.HasSuffix(w, "ly") && w[0] >= 'a' && w[0] <= 'z'
}

// quoteIsDash reports whether t is a hyphen or dash standing alone.
func quoteIsDash(body string, t qTok) bool {
	return t.is(body, "-") || t.is(body, "–") || t.is(body, "—")
}

// attributeFromLabel reads "From Bush's Facebook post: "..."": the owner
// of a post, statement or letter a quote is taken from speaks. toks are
// the tokens of the text from the sentence start to the opening mark.
func (a *attributor) attributeFromLabel(toks []qTok) (quoteAttribution, bool) {
	n := len(toks)
	if n < 4 || n > 8 || !toks[0].is(a.body, "From") && !toks[0].is(a.body, "from") ||
		speakerTokFlags(a.body, toks, n-2)&swWhereNoun == 0 {
		return quoteAttribution{}, false
	}
	for j := 1; j < n-2; j++ {
		w := a.body[toks[j].s:toks[j].e]
		if !strings.HasSuffix(w, "'s") && !strings.HasSuffix(w, "’s") {
			continue
		}
		np := a.np[:0]
		for i := 1; i <= j; i++ {
			np = append(np, i)
		}
		if !speakerNameWord(a.body, toks[j]) {
			return quoteAttribution{}, false
		}
		if sp, m := a.people.resolveNP(a.body, toks, np, toks[1].s); sp != "" {
			return quoteAttribution{sp, m, ":"}, true
		}
		return quoteAttribution{}, false
	}
	return quoteAttribution{}, false
}

// attributeIn finds the last speech cue with a speaker in body[start:end].
func (a *attributor) attributeIn(start, end int, mark bool) (quoteAttribution, bool) {
	toks := quoteTokenize(a.body, start, end, a.toks[:0])
	a.toks = toks
	for k := len(toks) - 1; k >= 0; k-- {
		if !toks[k].word {
			continue
		}
		cue, n := "", 0
		if speechCueMaybe(a.body, toks[k]) {
			cue, n = speechCueAt(a.body, toks, k)
		}
		if cue != "" && a.cueIsNoun(toks, k, cue) {
			continue
		}
		verb := false // a quote verb: its object follows, never its subject
		if cue == "" && len(toks)-k-1 <= quoteVerbReach {
			// (quoteVerbAt reads no word further from the end: the test
			// is written out here, where it costs no call.)
			cue, n = quoteVerbAt(a.body, toks, k)
			verb = cue != ""
		}
		if cue == "" {
			continue
		}
		var np []int
		if speechCueAccording(cue) {
			np = speakerNPAfter(a.body, toks, k+n, a.np[:0])
		} else if speechCueParticiple(cue) && quoteCommaBefore(a.body, toks, k) {
			np = speakerSubject(a.body, toks, k, a.np[:0])
		} else {
			if speechCueParticiple(cue) && k > 0 && (toks[k-1].is(a.body, "by") || speakerTokFlags(a.body, toks, k-1)&swWhereNoun != 0) {
				// "Lavrov dismissed Mr. Carter's complaints by saying", "J
				// Street ... issued a statement saying": the sentence's
				// subject speaks, not the phrase before the participle.
				np = speakerSubject(a.body, toks, k, a.np[:0])
			}
			if len(np) == 0 {
				np = speakerNPBefore(a.body, toks, 0, k, a.np[:0])
			}
			if len(np) == 0 && k > 1 && toks[k-1].is(a.body, "and") && toks[k-2].word && !speakerCapitalized(a.body, toks[k-2]) &&
				strings.HasSuffix(a.body[toks[k-2].s:toks[k-2].e], "ed") {
				// "she laughed and admitted": the verbs share the subject
				// before the first.
				np = speakerNPBefore(a.body, toks, 0, k-2, a.np[:0])
			}
			if len(np) == 0 && k > 0 && toks[k-1].is(a.body, "and") {
				// "The president dismissed the op-ed, and told
				// Stephanopoulos": the second verb shares the subject.
				np = speakerSubject(a.body, toks, k, a.np[:0])
				for x, i := range np {
					// "The Chinese embassy in Islamabad": the head before
					// a place (a person "of" a place is read whole).
					if x > 0 && !speakerCapitalized(a.body, toks[i]) && speakerTokFlags(a.body, toks, i)&swPreps != 0 && !toks[i].is(a.body, "of") {
						np = np[:x]
						break
					}
				}
				if len(np) == 1 && speakerSentenceInitial(a.body, toks[np[0]].s) && speakerTokFlags(a.body, toks, np[0])&(swNouns|swPronouns) == 0 {
					// One capitalized word opening the sentence is a
					// subject only as a name the article gives a person
					// ("Obama"), not "Indeed" or "Asked".
					if _, ok := a.people.lookupFold(a.body[toks[np[0]].s:toks[np[0]].e]); !ok {
						np = nil
					}
				}
			} else if len(np) == 0 && !verb && !speechCueParticiple(cue) && !speechCueTakesListener(cue) && (k == 0 || !toks[k-1].word) {
				// "..., said Lavrov": the speaker after the cue, when the
				// cue opens its clause. Not after an -ing form or "told",
				// whose object is who hears it ("the only warning Russia
				// was given", "told Reuters"), nor after a subject the
				// cue has ("It says such activities must cease").
				np = speakerNPAfter(a.body, toks, k+n, a.np[:0])
			}
		}
		if len(np) == 0 {
			continue
		}
		sp, m := a.people.resolveNP(a.body, toks, np, toks[k].s)
		if sp == "" {
			if speakerFirstPerson(a.body, toks, np) {
				return quoteAttribution{}, true
			}
			continue
		}
		if d := speakerDescriptionStart(a.body, toks, np); d >= 0 {
			m.Start = d
		}
		if mark {
			a.used = append(a.used, Span{toks[k].s, toks[k].e})
		}
		return quoteAttribution{sp, m, cue}, true
	}
	return quoteAttribution{}, false
}

// qTok is one token: a word (with inner apostrophes, hyphens and the
// periods of abbreviations) or one punctuation rune.
type qTok struct {
	s, e int
	word bool
	// known, fold and flags keep what speakerTokInfo found for a word:
	// fold is the index plus one of the set word it folds to, 0 when it
	// folds to itself.
	known bool
	fold  uint16
	flags uint32
}

func (t qTok) is(body, s string) bool { return body[t.s:t.e] == s }

// quoteTokenize splits body[start:end] into tokens, appending to dst.
func quoteTokenize(body string, start, end int, dst []qTok) []qTok {
	dst, _ = quoteTokenizeN(body, start, end, dst, end-start)
	return dst
}

// quoteTokenizeN is quoteTokenize that stops after n tokens, returning the
// offset where tokenizing goes on (past the space after the last token, if
// one follows). Stopping between tokens changes none: going on from there
// with the same end gives the tokens of one call.
func quoteTokenizeN(body string, start, end int, dst []qTok, n int) ([]qTok, int) {
	// Nothing past end is read: cutting body there lets the bounds checks
	// stand for the tests against end, and frees a register in the loop.
	body = body[:end]
	lim := len(dst) + n
	i := start
	for i < len(body) && len(dst) < lim {
		c := body[i]
		cls := quoteTokASCII[c]
		if cls == quoteTokSpace {
			i++
			continue
		}
		n := 1
		if c >= utf8.RuneSelf {
			var r rune
			r, n = utf8.DecodeRuneInString(body[i:])
			if quoteWordRune(r) {
				cls = quoteTokWord
			} else if unicode.IsSpace(r) {
				i += n // a no-break space: "so,”\u00a0Butz, 49, told"
				continue
			}
		}
		if cls != quoteTokWord {
			dst = quoteAppendTok(dst, i, i+n, false)
			i += n
			continue
		}
		s := i
		i += n
		for i < len(body) {
			if i+8 <= len(body) {
				// Step over ASCII letters eight at a time; a digit is
				// stepped over below, by its byte class.
				nw := ^quoteLetters8(speakerLoad8(body, i)) & quoteHigh8
				if nw == 0 {
					i += 8
					continue
				}
				i += bits.TrailingZeros64(nw) / 8
			}
			c := body[i]
			cls := quoteTokASCII[c]
			if cls == quoteTokWord {
				i++
				continue
			}
			if cls == quoteTokSpace || cls == quoteTokPunct {
				break
			}
			r, n := utf8.DecodeRuneInString(body[i:])
			if quoteWordRune(r) {
				i += n
				continue
			}
			if (isJoiner(r) || r == '-' || r == '.' || r == '&') && i+n < len(body) {
				r2, _ := utf8.DecodeRuneInString(body[i+n:])
				if quoteWordRune(r2) && !(r == '.' && unicode.IsUpper(r2) && i-s > 2) {
					i += n
					continue
				}
			}
			break
		}
		e := i
		if i < len(body) {
			switch body[i] {
			case ' ':
				// Most words end at a space, which the loop would step over
				// next: it is stepped over here, on the byte just read.
				i++
			case '.':
				if quoteAbbrevBefore(body, i) && !quoteAtEnd(body, i+1, len(body)) {
					e, i = i+1, i+1
				}
			}
		}
		dst = quoteAppendTok(dst, s, e, true)
	}
	return dst, i
}

// quoteWordRune is isWordRune for quoteTokenizeN, small enough for the
// compiler to inline: the General Punctuation block (curly quotation marks
// and apostrophes, dashes, ellipses, spaces), the non-ASCII text the
// tokenizer meets most, is answered without the call to isWordRune, which
// is too big to inline and answers the same.
func quoteWordRune(r rune) bool {
	if wordsPunctFirst <= r && r <= wordsPunctLast {
		return false
	}
	return isWordRune(r)
}

// quoteAppendTok appends the token body[s:e] to dst. The fields are set in
// place: appending a qTok literal builds it on the stack and copies it in
// 16-byte moves that straddle the literal's narrower stores, and the
// stalled store forwarding cost quoteTokenizeN about a third of its time.
func quoteAppendTok(dst []qTok, s, e int, word bool) []qTok {
	dst = append(dst, qTok{})
	t := &dst[len(dst)-1]
	t.s, t.e, t.word = s, e, word
	return dst
}

// The byte classes of quoteTokenize: an ASCII letter or digit, a space, a
// byte that may join word parts ('-.& and the lead byte of ’) or begin a
// non-ASCII letter, and any other punctuation.
const (
	quoteTokPunct uint8 = iota
	quoteTokWord
	quoteTokSpace
	quoteTokOther
)

var quoteTokASCII = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9':
			t[c] = quoteTokWord
		case c == ' ' || c == '\n' || c == '\t' || c == '\r':
			t[c] = quoteTokSpace
		case c == '\'' || c == '-' || c == '.' || c == '&' || c >= utf8.RuneSelf:
			t[c] = quoteTokOther
		}
	}
	return t
}()

// quoteAtEnd reports whether only spaces and closing marks remain in
// body[i:end].
func quoteAtEnd(body string, i, end int) bool {
	// strings.TrimLeft with this cutset takes its slow, rune-by-rune path
	// (the curly marks are not ASCII); the marks are matched as bytes.
	for i < end {
		switch c := body[i]; {
		case c == ' ' || c == '"' || c == '\'' || c == ')':
			i++
		case c == 0xE2 && i+2 < end && body[i+1] == 0x80 && (body[i+2] == 0x9D || body[i+2] == 0x99): // ” ’
			i += 3
		default:
			return false
		}
	}
	return true
}

// findReported finds reported speech in the sentences outside direct
// quotes. Only sentences holding a cue candidate the scan noted are read:
// for each, the sentence is bounded around the cue.
func (a *attributor) findReported(direct []Span, out []Quote) []Quote {
	// The cues the direct quotes took, sorted for reportedIn's look-ups:
	// an article of thousands of quotes would scan them all per token.
	slices.SortFunc(a.used, func(x, y Span) int { return cmp.Compare(x.Start, y.Start) })
	a.usedMax = 0
	for _, u := range a.used {
		a.usedMax = max(a.usedMax, u.End-u.Start)
	}
	di, pi := 0, 0
	done := -1 // sentences ending at or before done were read
	// A pronoun with no fitting person falls back on the recent speaker:
	// the one of the direct quote before the cue, not the article's last.
	last := a.people.recent
	defer func() { a.people.recent = last }()
	a.cueVerb = slices.Grow(a.cueVerb[:0], len(a.scan.cues))[:len(a.scan.cues)]
	clear(a.cueVerb)
	for j, c := range a.scan.cues {
		if c.Start < done || !a.cueVerbAt(j, c.End) {
			continue
		}
		for pi < len(a.paras) && a.paras[pi].End <= c.Start {
			pi++
		}
		if pi >= len(a.paras) || a.paras[pi].Start > c.Start {
			continue
		}
		p := a.paras[pi]
		e := a.sentenceEnd(c.Start, p.End)
		// The sentence starts at or after lo: done, when it lies in this
		// paragraph, ends the sentence read before, right after a break.
		lo := max(p.Start, done)
		done = e
		for di < len(direct) && direct[di].End <= lo {
			di++
		}
		// A window whose cue candidates are all passed over holds no
		// reported speech (reportedIn). The window starts at or after lo:
		// when no candidate from lo on is live, the sentence's start is
		// not sought. About a third of the sentences read end here, their
		// cues inside direct quotes or given to them.
		we := reportedWindowEnd(a.body, c.Start, e)
		live := -1
		if !a.russian {
			first := j // the first candidate at or after lo
			for first > 0 && a.scan.cues[first-1].Start >= lo {
				first--
			}
			if live = a.reportedLive(first, we, direct[di:]); live < 0 {
				continue
			}
		}
		s := a.sentenceStartAfter(c.Start, lo, p)
		for s < e && (a.body[s] == ' ' || a.body[s] == '\n') {
			s++
		}
		for di < len(direct) && direct[di].End <= s {
			di++
		}
		a.people.recent = a.people.recentBefore(c.Start)
		if q, ok := a.reportedIn(s, e, we, c.Start, live, direct[di:]); ok {
			a.people.said(q)
			out = append(out, q)
		}
	}
	return out
}

// cueVerbState is what is known of a scan cue's cueInVerbPlace.
type cueVerbState uint8

const (
	cueVerbUnknown cueVerbState = iota
	cueVerbNo
	cueVerbYes
)

// cueVerbAt returns cueInVerbPlace for the word from the start of scan cue
// j to end. The answer for the cue's own span is kept: a token that starts
// at a cue nearly always ends where it does, but may run on past a joiner
// ("say-so"), and is then read afresh.
func (a *attributor) cueVerbAt(j, end int) bool {
	c := a.scan.cues[j]
	if end != c.End {
		return a.cueInVerbPlace(Span{c.Start, end})
	}
	if a.cueVerb[j] == cueVerbUnknown {
		a.cueVerb[j] = cueVerbNo
		if a.cueInVerbPlace(c) {
			a.cueVerb[j] = cueVerbYes
		}
	}
	return a.cueVerb[j] == cueVerbYes
}

// cueInVerbPlace reports whether a cue candidate of the scan stands where a
// verb stands: "according" always, a capitalized form never (those are
// read next to quotes only), other cue words when no article, possessive or
// "to" stands right before them ("the report", "to say").
func (a *attributor) cueInVerbPlace(c Span) bool {
	b := a.body
	w := b[c.Start:c.End]
	if w == "according" || w == "According" {
		return true
	}
	if w[0] < 'a' {
		return false
	}
	if speechCueNounFirst(w) && (!strings.HasPrefix(b[c.End:], " that ") || speechThatRelative(b, c.End+len(" that "))) {
		// "Arab states", "Gulf states", "member states", "state TV": a
		// noun, in all but a few of the corpus's 122 readings; "the report
		// states that" is the verb. So with "Trump's glowing comments",
		// "prepared remarks". "the Baltic states that keep getting
		// invaded": a relative clause, no content.
		return false
	}
	i := c.Start
	for i > 0 && quoteScanLetter[b[i-1]] == 0 && c.Start-i < 8 {
		if b[i-1] == '\n' {
			return true
		}
		i--
	}
	e := i
	for i > 0 && quoteScanLetter[b[i-1]] != 0 {
		i--
	}
	if e == i {
		return true
	}
	if b[i:e] == "s" && cueAfterPossessive(b, i) {
		return false // "Obama's comments come as ..."
	}
	if e == c.Start-1 && speechCuePlural(w) && speechCuePluralModifier(b[i:e]) && !speechCollectiveSubject(b, i, e, c.End) {
		return false // "amid earlier reports that", "competing claims", "news reports indicate"
	}
	if strings.HasSuffix(w, "ing") && speechCueAuxAfter[lastWordAt(b, min(c.End+1, len(b)))] {
		// "Such a specific warning should not ...". Other forms keep
		// their verb there: "what the president said is that ...",
		// "a group the State Department has said is an alias".
		return false
	}
	if b[i:e] == "not" || b[i:e] == "never" || b[i:e] == "t" && cueAfterNegation(b, i) {
		return false // "Obama didn't indicate whether ...": no claim
	}
	var before uint8
	if n := e - i; n < 8 && speechCueBeforeShape[b[i]]>>n&1 != 0 {
		before = speechCueBefore[b[i:e]]
	}
	if before&speechBeforeModal != 0 || b[i:e] == "also" && speechCueModals[wordBefore(b, i)] {
		return false // "critics might say that ...", "he could also argue": no claim made
	}
	if before&speechBeforeNoun != 0 {
		return false
	}
	// "sounded a rare note of", "the final report": a bare cue after an
	// article and one lower-case word is a noun. A verb there would take
	// a plural subject ("the two leaders note"), which ends in s.
	if b[e-1] != 's' && b[i] >= 'a' && b[i] <= 'z' && i >= 2 && b[i-1] == ' ' {
		k := i - 1
		for k > 0 && quoteScanLetter[b[k-1]] != 0 {
			k--
		}
		switch b[k : i-1] {
		case "a", "an", "the", "A", "An", "The":
			if !speechCueBaseForms[w] {
				break // (looked up only here, after the article: most cues have none)
			}
			// Not after a preposition, whose object the article opens:
			// "critics of the idea say", "sources familiar with the
			// subject say".
			m := k - 1
			for m > 0 && b[m-1] == ' ' {
				m--
			}
			l := m
			for l > 0 && quoteScanLetter[b[l-1]] != 0 {
				l--
			}
			if m <= 0 || speakerWordFlags0(b[l:m])&swPreps == 0 {
				return false
			}
		}
	}
	return true
}

// speechCueModals are the auxiliaries of a possible or owed act of
// speech, which reports none: "Critics might say that", "he should
// reiterate". "will" and "would" stay: "Obama will say in his speech
// that", "he said he would tell them that".
var speechCueModals = wordSet(`could might may should must can cannot`)

// speechCueBefore holds, for each word of speechCueModals and of
// speechCueNounContext as written, which of the two it is in: cueInVerbPlace
// asks about the word before each cue in both, with one look-up.
var speechCueBefore = func() map[string]uint8 {
	m := map[string]uint8{}
	for w := range speechCueModals {
		m[w] |= speechBeforeModal
	}
	for w := range speechCueNounContext {
		m[w] |= speechBeforeNoun
	}
	return m
}()

// speechCueBeforeShape has bit n of entry c set when a word of
// speechCueBefore of n bytes starts with c: the word before a cue, most
// often a name or a noun, is looked up only when one may match (all are
// shorter than eight).
var speechCueBeforeShape = func() (t [256]uint8) {
	for w := range speechCueBefore {
		if len(w) >= 8 {
			panic("speechCueBefore: " + w + " is longer than speechCueBeforeShape tells")
		}
		t[w[0]] |= 1 << len(w)
	}
	return t
}()

// The bits of speechCueBefore.
const (
	speechBeforeModal uint8 = 1 << iota
	speechBeforeNoun
)

// wordBefore returns the lower-case letters of the word that ends at the
// spaces before offset i (lastWordAt reads the word starting at i).
func wordBefore(b string, i int) string {
	for i > 0 && b[i-1] == ' ' {
		i--
	}
	e := i
	for i > 0 && b[i-1] >= 'a' && b[i-1] <= 'z' {
		i--
	}
	return b[i:e]
}

// speechCueNounFirst reports whether w is a cue word read far more often
// as a noun than as a verb, which reports speech only with "that" after
// it. A switch: cueInVerbPlace asks it of every cue candidate.
func speechCueNounFirst(w string) bool {
	switch w {
	case "state", "states", "comments", "remarks":
		return true
	}
	return false
}

// speechThatRelative reports whether the "that" ending at i opens a
// relative clause: a verb or an auxiliary follows it at once ("states
// that keep getting invaded", "states that had been missing").
func speechThatRelative(b string, i int) bool {
	w := lastWordAt(b, i)
	return speechCueAuxAfter[w] || speechRelativeClauseVerbs[w]
}

// speechRelativeClauseVerbs are the verbs, besides the auxiliaries of
// speechCueAuxAfter, that the corpus has right after "states that" in a
// relative clause.
var speechRelativeClauseVerbs = wordSet(`do keep kept take took oppose opposed border signed joined voted`)

// speechCollectiveSubject reports whether the word b[i:e] before a cue of
// speechCuePlural, which ends at end, is a collective subject of it: "U.S.
// intelligence estimates that", "Turkish media reports that", with "that"
// after the cue and no preposition before the word ("amid media reports
// that" is a noun). Other modifiers before "that" are as often adjectives
// and participles: "repeated claims that", "cited initial reports that".
func speechCollectiveSubject(b string, i, e, end int) bool {
	w := b[i:e]
	return (w == "intelligence" || w == "media") && strings.HasPrefix(b[end:], " that ") && !speechAfterPreposition(b, i)
}

// speechAfterPreposition reports whether the word before offset i (the
// start of a word) is a preposition: "amid earlier reports".
func speechAfterPreposition(b string, i int) bool {
	w := wordBefore(b, i)
	if w == "" {
		return false
	}
	_, f := speakerWordInfo(w)
	return f&swPreps != 0 || speakerOpenerPreps[w] // "amid" among them
}

// speechCuePlural reports whether w is a cue word in -s that is as often
// a plural noun: "reports", "claims".
func speechCuePlural(w string) bool {
	switch w {
	case "reports", "claims", "estimates", "charges", "demands", "promises", "warnings":
		return true
	}
	return false
}

// speechCuePluralModifier reports whether the word right before a cue of
// speechCuePlural makes it a noun: a lower-case word that is no subject (no
// speaker noun, pronoun or institution) nor an adverb between a subject and
// its verb ("he now claims"), or a word that forms a compound with it
// ("news reports", "media reports"). "earlier" and "later", adverbs before
// a verb in the past, modify a plural: "amid earlier reports that".
func speechCuePluralModifier(w string) bool {
	for k := 0; k < len(w); k++ {
		if w[k] < 'a' || w[k] > 'z' {
			return false
		}
	}
	switch w {
	case "news", "media", "press", "earlier", "later":
		return true
	case "broadcaster", "newspaper", "paper", "outlet", "station", "website", "site", "tabloid", "wire", "daily", "magazine":
		return false // "Israel's Kan public broadcaster reports that"
	}
	_, f := speakerWordInfo(w)
	return f&(swNouns|swPronouns|swOrg|swRoles|swSkip|swTitles|swStop) == 0 && !strings.HasSuffix(w, "ly") && !strings.HasSuffix(w, "s")
}

// cueAfterNegation reports whether the "t" at b[i] ends "n't" or "n’t".
func cueAfterNegation(b string, i int) bool {
	return i >= 2 && b[i-2:i] == "n'" || i >= 4 && b[i-4:i] == "n’"
}

// cueAfterPossessive reports whether the "s" at b[i] ends a possessive
// ("Obama's", "Russia’s"), not a pronoun's "has" or "is" ("he's said",
// "it's said").
func cueAfterPossessive(b string, i int) bool {
	a := i
	switch {
	case a >= 1 && b[a-1] == '\'':
		a--
	case a >= 3 && b[a-3:a] == "’":
		a -= 3
	default:
		return false
	}
	s := a
	for s > 0 && quoteScanLetter[b[s-1]] != 0 {
		s--
	}
	return s < a && !speechCuePronounHas[strings.ToLower(b[s:a])]
}

// speechCuePronounHas are the words whose 's before a cue is "has" or
// "is": "he's said", "it's said", "that's said".
var speechCuePronounHas = wordSet(`he she it that who what there where here one`)

// speechCueAuxAfter are the auxiliaries that make an -ing cue before them
// a noun: "the warning should", "a saying is".
var speechCueAuxAfter = wordSet(`should would could can will may might must shall is was are were has had have does did`)

// sentenceAround returns the start of the sentence holding pos in paragraph
// p: the sentences are those sentenceEnd cuts the paragraph into.
func (a *attributor) sentenceAround(pos int, p Span) int {
	b := a.body
	for i := pos - 1; ; i-- {
		if i = quoteLastStop(b, p.Start, i); i < p.Start {
			return p.Start
		}
		if quoteSentenceBreak(b, i, p.End) {
			return i + 1
		}
	}
}

// sentenceStartAfter is sentenceAround for a sentence known to start at or
// after lo, the paragraph's start or the end of a sentence, read forward
// from lo, for findReported: the sentence it seeks starts at lo four times
// in five, and the stops between lo and pos are then none or a few that end
// no sentence ("U.S."). The last stop before pos that ends a sentence is
// the one sentenceAround finds first from the back. (A long run of stops
// that end no sentence, "why? why? ...", is read once: quoteStops.)
func (a *attributor) sentenceStartAfter(pos, lo int, p Span) int {
	b := a.body
	k := quoteIndexStop(b[lo:pos])
	if k < 0 {
		return lo
	}
	s := lo
	st := newQuoteStops(b, pos)
	for k += lo; k >= 0; k = st.from(k + 1) {
		if quoteSentenceBreak(b, k, p.End) {
			s = k + 1
		}
	}
	return s
}

// reportedIn finds one piece of reported speech in the sentence
// body[s:e], whose first cue candidate is at offset cue; its text must stay
// clear of the direct quotes. we is reportedWindowEnd(body, cue, e), where
// the window read ends. live is the offset of a live cue candidate
// (reportedLive) with none before it from a point at or before s, or -1.
func (a *attributor) reportedIn(s, e, we, cue, live int, direct []Span) (Quote, bool) {
	// The sentence is tokenized from a little before its first cue.
	c := cue - s
	ws := s
	if c > 100 && !strings.HasSuffix(lastWordAt(a.body, s+c), "ing") {
		back := 100
		if strings.Contains(a.body[s+c-100:s+c], ", who ") {
			// "Darrell Issa, a California Republican and chairman of
			// ..., who has claimed": the name may stand far before.
			back = min(c, 220)
		}
		ws = s + c - back
		for ws < s+c && a.body[ws] != ' ' {
			ws++
		}
		ws = quoteNameStart(a.body, s, ws)
	}
	cues := a.scan.cues
	ci := quoteSpanSearch(cues, ws)
	// Only tokens starting at a cue candidate are read below, and those
	// inside a direct quote or given to one as its cue are passed over: a
	// window whose candidates are all passed over holds no reported speech,
	// and need not be tokenized. A live candidate at or after ws, the first
	// from before ws, is the window's first.
	if !a.russian && live < ws && a.reportedLive(ci, we, direct) < 0 {
		return Quote{}, false
	}
	toks := quoteTokenize(a.body, ws, we, a.toks[:0])
	a.toks = toks
	// Only the tokens the scan noted as cue candidates can be ASCII cues
	// (the scan reads every ASCII letter run), so the others are passed
	// over without a look-up; tokens starting with a non-ASCII letter
	// (Russian) are always looked at. next is the start of cues[ci], the
	// first candidate at or after the last token looked at: a token before
	// it that starts with an ASCII byte is passed over at once.
	body := a.body
	next := len(body)
	if ci < len(cues) {
		next = cues[ci].Start
	}
	for k := 0; k < len(toks); k++ {
		if ts := toks[k].s; ts < next && body[ts] < utf8.RuneSelf {
			continue
		}
		t := toks[k]
		if !t.word {
			continue
		}
		for ci < len(cues) && cues[ci].Start < t.s {
			ci++
		}
		next = len(body)
		if ci < len(cues) {
			next = cues[ci].Start
		}
		if a.body[t.s] < utf8.RuneSelf && (ci >= len(cues) || cues[ci].Start != t.s) {
			continue
		}
		if quoteInSpans(direct, t.s) || a.cueUsed(t.s, t.e) {
			continue
		}
		if a.body[t.s] < utf8.RuneSelf && !a.cueVerbAt(ci, t.e) {
			continue // a noun or a negated verb: "his comments", "didn't say"
		}
		cue, n := speechCueAt(a.body, toks, k)
		if cue == "" || !speechCueGoesOn(a.body, toks, k, cue) {
			continue
		}
		var np []int
		var cs, ce int
		switch {
		case speechCueAccording(cue):
			np = speakerNPAfter(a.body, toks, k+n, a.np[:0])
			if len(np) == 0 {
				continue
			}
			last := np[len(np)-1]
			if k == 0 || (k == 1 && !toks[0].word) {
				cs, ce = toks[last].e, e
			} else {
				cs, ce = s, t.s
			}
		case speechCueParticiple(cue) && quoteCommaBefore(a.body, toks, k):
			// "..., saying that ...": the sentence's subject speaks.
			np = speakerSubject(a.body, toks, k, a.np[:0])
			if len(np) == 0 {
				continue
			}
			cs, ce = speakerContentAfter(a.body, toks, k+n, e), e
		default:
			np = speakerNPBefore(a.body, toks, 0, k, a.np[:0])
			if k > 1 && toks[k-1].is(a.body, ",") && speechCueInverts(cue) {
				// "..., said Audrey Taupenas, a spokeswoman for City
				// Hall.", "..., reports the New York Times.": the speaker
				// follows the cue at the sentence's end, the content
				// comes before; also after an apposition, which the
				// phrase before would take for the speaker ("...
				// Tamaoki Watanabe, one of the survivors, said Japanese
				// Chief cabinet secretary Yoshihide Suga.").
				after := speakerNPAfter(a.body, toks, k+n, a.np2[:0])
				a.np2 = after
				if len(after) == 0 || !quoteClauseEndsAfter(a.body, toks, quoteSkipPlace(a.body, toks, after[len(after)-1]+1)) ||
					len(np) > 0 && !speakerCapitalized(a.body, toks[after[0]]) {
					// Over a subject before the cue, only a name or title
					// after it: "..., said each side suspects the other"
					// is what the subject said.
					if len(np) == 0 {
						continue
					}
				} else {
					np = after
					cs, ce = s, toks[k-1].s
					break
				}
			}
			if len(np) == 0 {
				continue
			}
			cs, ce = speakerContentAfter(a.body, toks, k+n, e), e
			if speechCueTakesListener(cue) && k+n < len(toks) && cs == toks[k+n].s && a.onlyListener(toks, k+n) {
				cs = ce // "..., John D’Angelo told reporters in California Monday."
			}
			if speechCueToIsObject(cue) && k+n < len(toks) && cs == toks[k+n].s && toks[k+n].is(a.body, "to") {
				// "how he responds to the Islamic State", "the army
				// responded to the attack with air strikes": what is
				// answered, not what was said. What was said follows a
				// speech verb after "by" ("responded to the decision by
				// saying ..."). The clause before a comma is no content
				// either: "While Tamerlan was the ringleader, Dzhokhar
				// responded to orders".
				j := speechAnswerBy(a.body, toks, k+n+1)
				if j < 0 {
					continue
				}
				cs = speakerContentAfter(a.body, toks, j, e)
			}
			// "..., the White House said in a statement.": the content is
			// before the comma too, unless a direct quote stands there
			// ("“...” of the framework, Cardin said in an interview").
			where := false
			if first := np[0]; cs < ce && first > 0 && toks[first-1].is(a.body, ",") && quoteWherePhrase(a.body[cs:ce]) {
				where = !quoteInSpans(direct, toks[0].s) && !quoteInSpans(direct, toks[first-1].s-1)
			}
			if cs >= ce || quoteAtEnd(a.body, cs, e) || strings.TrimLeft(a.body[cs:ce], " .") == "" || where {
				// "..., X said.", "..., the White House said in a
				// statement.": the content is what comes before.
				first := np[0]
				if first > 0 && toks[first-1].is(a.body, ",") {
					cs, ce = s, toks[first-1].s
				} else {
					continue
				}
			}
		}
		cs, ce = quoteTrimContent(a.body, cs, ce)
		ce = cs + len(strings.TrimRight(a.body[cs:ce], ". "))
		if ce > cs {
			// Keep the content clear of direct quotes.
			for _, d := range direct {
				if d.Start >= ce {
					break
				}
				if d.End > cs && d.Start < ce {
					if d.Start > cs {
						ce = d.Start
					} else {
						cs = d.End
					}
				}
			}
			cs, ce = quoteTrimContent(a.body, cs, ce)
		}
		// Reported speech needs two words; the full count is made only
		// for a quote that is kept.
		if cs >= ce || countWordsUpTo(a.body[cs:ce], 2) < 2 {
			continue
		}
		if len(np) > 0 && speakerTokFlags(a.body, toks, np[0])&swNobody != 0 {
			continue // "No group has claimed responsibility": no one spoke
		}
		sp, m := a.people.resolveNP(a.body, toks, np, t.s)
		if sp == "" {
			continue
		}
		if d := speakerDescriptionStart(a.body, toks, np); d >= 0 {
			m.Start = d
		}
		words := CountWords(a.body[cs:ce])
		q := Quote{Text: a.body[cs:ce], Start: cs, End: ce, Kind: QuoteReported, Speaker: sp, Cue: cue, Words: words}
		if m.End > m.Start {
			q.Mention, q.MentionStart, q.MentionEnd = a.body[m.Start:m.End], m.Start, m.End
		}
		return q, true
	}
	return Quote{}, false
}

// reportedWindowEnd returns where reportedIn's window ends for the cue
// candidate at offset cue in a sentence ending at e: at the sentence's
// end, or at the first space from 150 bytes after the cue.
func reportedWindowEnd(body string, cue, e int) int {
	we := e
	if cue+150 < e {
		we = cue + 150
		for we < e && body[we] != ' ' {
			we++
		}
	}
	return we
}

// reportedLive returns the offset of the first cue candidate from
// a.scan.cues[first] on, before we, that reportedIn would read in a window
// ending at we, or -1: one outside the direct quotes, given to none as its
// cue, and in a verb's place. The token a candidate starts is read on its
// own: tokenizing from any token start with the same end gives the tokens
// of the whole window from there.
func (a *attributor) reportedLive(first, we int, direct []Span) int {
	cues := a.scan.cues
	for j := first; j < len(cues) && cues[j].Start < we; j++ {
		c := cues[j]
		if quoteInSpans(direct, c.Start) {
			continue
		}
		e := quoteCueTokEnd(a.body, c, we)
		if e < 0 {
			one, _ := quoteTokenizeN(a.body, c.Start, we, a.toks[:0], 1)
			a.toks = one
			e = one[0].e
		}
		if !a.cueUsed(c.Start, e) && a.cueVerbAt(j, e) {
			return c.Start
		}
	}
	return -1
}

// quoteCueTokEnd returns the end of the token that the scan's cue candidate
// c starts in a window ending at we, when it can tell without tokenizing,
// or -1. Outside Russian bodies (its only callers' case) a candidate is a
// whole run of ASCII letters: its token ends with
// it at the window's end, or before a space or a mark that joins no word
// parts, which most candidates are followed by.
func quoteCueTokEnd(body string, c Span, we int) int {
	e := c.End
	if e == we || e < we && (quoteTokASCII[body[e]] == quoteTokSpace || quoteTokASCII[body[e]] == quoteTokPunct) {
		return e
	}
	return -1
}

// quoteInSpans reports whether offset pos lies inside one of spans, which
// are sorted by start and do not overlap.
func quoteInSpans(spans []Span, pos int) bool {
	for _, d := range spans {
		if d.Start > pos {
			return false
		}
		if pos < d.End {
			return true
		}
	}
	return false
}

// quoteSpanSearch returns the index of the first of spans, which are
// sorted by start, that starts at or after pos: sort.Search written out,
// without its closure, for reportedIn, which runs it per window and per
// used-cue check.
func quoteSpanSearch(spans []Span, pos int) int {
	lo, hi := 0, len(spans)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if spans[m].Start < pos {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// cueUsed reports whether the word body[s:e] lies inside a cue a direct
// quote took. a.used is sorted by start (findReported): the spans that can
// hold the word start at most usedMax bytes before it.
func (a *attributor) cueUsed(s, e int) bool {
	u := a.used
	for j := quoteSpanSearch(u, s+1) - 1; j >= 0 && u[j].Start >= s-a.usedMax; j-- {
		if e <= u[j].End {
			return true
		}
	}
	return false
}

// onlyListener reports whether the tokens from j to the sentence's end
// are who was told and where or when, with no content: "reporters in
// California Monday", "Fox News on Sunday".
func (a *attributor) onlyListener(toks []qTok, j int) bool {
	// Not a.np: the caller holds the speaker's phrase in it.
	var buf [16]int
	np := speakerNPAfter(a.body, toks, j, buf[:0])
	if len(np) == 0 {
		return false
	}
	words := 0
	for i := np[len(np)-1] + 1; i < len(toks); i++ {
		switch {
		case toks[i].is(a.body, "."):
			return i == len(toks)-1
		case !toks[i].word:
			return false
		}
		w, f := speakerTokInfo(a.body, toks, i)
		if w == "that" || words >= 5 || f&(swPreps|swTimeWords|swCalendar|swDeterminers) == 0 && !speakerCapitalized(a.body, toks[i]) {
			return false
		}
		words++
	}
	return true
}

// speakerContentAfter returns where the reported content begins after a
// cue ending at token k: past "that", past the person told ("told
// reporters"), past time phrases ("on Monday") and a colon or comma.
func speakerContentAfter(body string, toks []qTok, k, e int) int {
	// A "that" within the next few words starts the content. After a
	// phrase of where it was said, "that" may stand further on, past the
	// marks around a title: "said on NBC's “Meet the Press” that", "said in
	// a memo to military leaders on Friday that".
	reach, where := k+8, false
	if k < len(toks) && toks[k].word {
		w, f := speakerTokInfo(body, toks, k)
		where = f&swWhereOpener != 0 || w == "on" || w == "via"
	}
	if where {
		reach = k + 20
	}
	inTitle := false
	for j := k; j < len(toks) && j < reach; j++ {
		if toks[j].word && (quoteIsThat(body[toks[j].s:toks[j].e]) || body[toks[j].s:toks[j].e] == "что") {
			if j >= k+8 && !speechWhereEnd(body, toks, j-1) {
				break // "said in a short speech ... ahead of a two-day tour that will"
			}
			if j+1 < len(toks) {
				return toks[j+1].s
			}
			return e
		}
		if toks[j].word || toks[j].is(body, ",") {
			continue
		}
		// A title in marks opens with a capital ("“Meet the Press”"); a
		// quoted phrase does not ("said in an interview “the worst
		// mistake” that he made").
		if !where || !quoteIsMarkTok(body, toks[j]) {
			break
		}
		if j > k && toks[j-1].e == toks[j].s && toks[j-1].word && !inTitle && (toks[j].is(body, "'") || toks[j].is(body, "’")) {
			continue // a possessive's apostrophe: "CBS' “60 Minutes”"
		}
		if next := j + 1; !inTitle && next < len(toks) && toks[next].word && !speakerCapitalized(body, toks[next]) && !(body[toks[next].s] >= '0' && body[toks[next].s] <= '9') {
			break
		}
		inTitle = !inTitle
	}
	for k < len(toks) && !toks[k].word {
		k++
	}
	if k >= len(toks) {
		return e
	}
	return toks[k].s
}

// quoteIsThat reports whether w is "that" in any case: strings.EqualFold(w,
// "that"), which speakerContentAfter asks of each word after a cue, with
// no call. No rune outside ASCII folds to t, h or a, and a byte is one of
// them in either case exactly when it is with the case bit set.
func quoteIsThat(w string) bool {
	return len(w) == 4 && w[0]|0x20 == 't' && w[1]|0x20 == 'h' && w[2]|0x20 == 'a' && w[3]|0x20 == 't'
}

// speechWhereEnd reports whether token i may end a long phrase of where
// something was said, before its "that": a closing mark ("on “Meet the
// Press” that"), a name ("in an interview with the Australian
// Broadcasting Co. that"), a time word ("in a letter to the council
// yesterday that") or a where-noun ("at Wednesday's ... hearing that"). A
// common noun there is more often the head of a relative clause ("ahead
// of a two-day tour that will").
func speechWhereEnd(body string, toks []qTok, i int) bool {
	t := toks[i]
	if !t.word {
		return body[t.s:t.e] == "”" || body[t.s:t.e] == `"`
	}
	f := speakerTokFlags(body, toks, i)
	return speakerCapitalized(body, t) || f&(swCalendar|swTimeWords|swWhereNoun) != 0
}

// quoteIsMarkTok reports whether t is a quotation mark or an apostrophe.
func quoteIsMarkTok(body string, t qTok) bool {
	switch body[t.s:t.e] {
	case `"`, "“", "”", "'", "‘", "’":
		return true
	}
	return false
}

// quoteHigh8 has the high bit of each of eight bytes set.
const quoteHigh8 = 0x8080808080808080

// quoteLetters8 returns the high bit of each byte of x that is an ASCII
// letter, exactly for any byte: with the case bit set, a letter lies
// between 'a' and 'z', and quoteBetween8, the exact form of the "has a
// byte between m and n" bit trick, leaves no carry between bytes and
// leaves out the bytes outside ASCII.
func quoteLetters8(x uint64) uint64 {
	const ones = 0x0101010101010101
	return quoteBetween8(x|ones*0x20, 'a'-1, 'z'+1)
}

// quoteBetween8 returns the high bit of each byte of x (all ASCII) that
// lies strictly between m and n.
func quoteBetween8(x uint64, m, n uint64) uint64 {
	const ones = 0x0101010101010101
	t := x & (ones * 127)
	return (ones*(127+n) - t) &^ x & (t + ones*(127-m)) & quoteHigh8
}

// quoteWordByte is 1 for the ASCII letters and digits, 0 for other bytes.
var quoteWordByte = func() (t [256]uint8) {
	for c := 0; c < utf8.RuneSelf; c++ {
		if isWordRune(rune(c)) {
			t[c] = 1
		}
	}
	return t
}()

// quoteWordAtU8 is quoteWordAt as 1 or 0.
func quoteWordAtU8(s string, i int) uint8 {
	if quoteWordAt(s, i) {
		return 1
	}
	return 0
}

// quoteWordAt reports whether a word rune starts at offset i of s.
func quoteWordAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r)
}

// quoteHasInt reports whether the ascending list xs holds x.
func quoteHasInt(xs []int, x int) bool {
	i := sort.SearchInts(xs, x)
	return i < len(xs) && xs[i] == x
}

// quoteLabelWords are capitalized labels before a colon that name no
// speaker ("Update:", "Read more:").
var quoteLabelWords = wordSet(`note update updated editor read watch photo photos source sources related
	advertisement video audio correction clarification transcript warning breaking exclusive more also
	the a an this that it here there`)
