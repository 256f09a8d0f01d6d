package analysis

import (
	"cmp"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Input is one article handed to the engine.
type Input struct {
	// Text is the article as scraped, or the cleaned body when Precleaned.
	Text string
	Meta Meta
	// Precleaned says Text is a body that Clean already produced (a stored
	// article being rescored): cleaning is skipped so offsets stay stable.
	Precleaned bool
	// Exclude lists hits a user marked as false positives; a hit with exactly
	// one of these spans is dropped before scoring.
	Exclude []Span
}

// Engine analyses articles with one lexicon and one source registry. It is
// safe for concurrent use: it holds only compiled, read-only state.
type Engine struct {
	lexicon  *Lexicon
	matcher  *Matcher
	registry *Registry
	sides    []string
	// terms holds each registry entry's name and aliases, by canonical name.
	terms map[string][]engineTerm
	// placements caches how a speaker string was placed in the registry
	// (a placement), since the same speakers recur across articles. A
	// plain map under a read-write lock: nearly every look-up is a read
	// hit, and this costs a fraction of a sync.Map's hashing of interface
	// keys.
	// Speakers and mentions are cached apart, by their text.
	placementsMu sync.RWMutex
	placements   [2]map[string]placement // [0] speakers, [1] mentions
	// versions is Versions() as NewEngine found it, with the names and
	// versions it was made of: every result carries it, and building its
	// strings anew took two allocations an article.
	versions engineVersions
}

// engineVersions is a Versions with the lexicon's and registry's names and
// versions it was made from.
type engineVersions struct {
	lexName, lexVersion, regName, regVersion string
	v                                        Versions
}

// engineTerm is a registry entry's name or alias, with its lower-case
// form, made once rather than at every speaker placed.
type engineTerm struct {
	text, lower string
}

// placement is where the registry puts one speaker string.
type placement struct {
	name, side, role string
	ok               bool
}

// maxPlacements bounds the speaker cache; past it, lookups are not cached.
const maxPlacements = 100_000

// place resolves a speaker (or a mention, when byMention) through the
// registry, through the cache.
func (e *Engine) place(s string, byMention bool) placement {
	cache := 0
	if byMention {
		cache = 1
	}
	e.placementsMu.RLock()
	p, ok := e.placements[cache][s]
	e.placementsMu.RUnlock()
	if ok {
		return p
	}
	if name, side, role, ok := e.registry.Resolve(s); ok {
		p = placement{name: s, side: side, ok: true}
		if !byMention && e.namedBy(s, name) {
			p.name, p.role = name, role
		}
	}
	e.placementsMu.Lock()
	if len(e.placements[0])+len(e.placements[1]) < maxPlacements {
		// The speaker may be a slice of the article: a copy keeps the
		// cache from holding the whole text.
		key := strings.Clone(s)
		if p.name == s {
			p.name = key
		}
		e.placements[cache][key] = p
	}
	e.placementsMu.Unlock()
	return p
}

// NewEngine compiles the lexicon and returns an engine that scores with it
// and assigns speakers to sides with the registry.
func NewEngine(lex *Lexicon, reg *Registry) (*Engine, error) {
	m, err := CompileLexicon(lex)
	if err != nil {
		return nil, err
	}
	terms := map[string][]engineTerm{}
	for _, re := range reg.Entries {
		for _, t := range append([]string{re.Name}, re.Aliases...) {
			terms[re.Name] = append(terms[re.Name], engineTerm{t, strings.ToLower(t)})
		}
	}
	e := &Engine{lexicon: lex, matcher: m, registry: reg, sides: reg.Sides(), terms: terms, placements: [2]map[string]placement{{}, {}}}
	e.versions = engineVersions{lex.Name, lex.Version, reg.Name, reg.Version, e.makeVersions()}
	return e, nil
}

// Lexicon returns the lexicon the engine scores with.
func (e *Engine) Lexicon() *Lexicon { return e.lexicon }

// Registry returns the registry the engine assigns sides with.
func (e *Engine) Registry() *Registry { return e.registry }

// Versions returns the versions stamped on every result of this engine.
func (e *Engine) Versions() Versions {
	// The engine keeps the lexicon and registry it was given, which their
	// owner might rename: the versions made at NewEngine serve while the
	// names and versions are still those.
	if v := &e.versions; v.lexName == e.lexicon.Name && v.lexVersion == e.lexicon.Version &&
		v.regName == e.registry.Name && v.regVersion == e.registry.Version {
		return v.v
	}
	return e.makeVersions()
}

// makeVersions builds Versions from the lexicon's and registry's names and
// versions.
func (e *Engine) makeVersions() Versions {
	return Versions{Engine: EngineVersion, Lexicon: e.lexicon.Name + "@" + e.lexicon.Version, Registry: e.registry.Name + "@" + e.registry.Version}
}

// Analyze cleans the text (unless Precleaned), finds framing terms, quotes
// and their speakers, and scores the article. Input that is not text (empty,
// binary, not UTF-8) or leaves no body after cleaning is an EINVALID *Error.
func (e *Engine) Analyze(in Input) (*Result, error) {
	plain, err := checkText(in.Text)
	if err != nil {
		return nil, err
	}
	var doc Document
	if in.Precleaned {
		doc = Document{Title: in.Meta.Title, Published: in.Meta.Published, Body: in.Text}
	} else {
		doc = cleanDocument(in.Text, in.Meta, plain)
	}
	if strings.TrimSpace(doc.Body) == "" && in.Meta.Title == "" && doc.Title != "" {
		// A single pasted line was taken for the title; it is the text too.
		doc.Body = doc.Title
	}
	if strings.TrimSpace(doc.Body) == "" {
		return nil, Errorf(EINVALID, "no article text left after cleaning")
	}

	hits, words := e.matcher.findWords(doc.Body)
	hits = dropExcluded(hits, in.Exclude)
	att := FindAttributions(doc.Body)
	assignVoices(doc.Body, hits, att)
	// The roles of the article's few placed speakers are kept in lists on
	// the stack (see sourceRoles).
	var roleNames, roleTexts [8]string
	roles := sourceRoles{names: listIndex[string]{keys: roleNames[:0]}, roles: roleTexts[:0]}
	quotes, roles := e.assignSides(att.Quotes, roles)
	sources := mergeSpeakerCase(quotes, roles)

	r := &Result{
		Title:     doc.Title,
		Published: doc.Published,
		Words:     words,
		Text:      doc.Body,
		Hits:      hits,
		Quotes:    quotes,
		Versions:  e.Versions(),
	}
	r.Entries, r.Frames, r.Actors = countHits(e.lexicon, hits, r.Words)
	r.Sources = sources
	r.Sides, r.SidesWords, r.Unassigned = sideShares(quotes)
	r.Balance = BalanceIndex(r.Sides, len(e.sides))
	r.BalanceWords = BalanceIndex(r.SidesWords, len(e.sides))
	if r.Hits == nil {
		r.Hits = []Hit{}
	}
	if r.Quotes == nil {
		r.Quotes = []Quote{}
	}
	return r, nil
}

// CheckText rejects input that is not article text: empty, not UTF-8, or
// binary (NUL bytes, or more than 1% control characters). The reason is a
// short phrase a user can act on.
func CheckText(s string) error {
	_, err := checkText(s)
	return err
}

// checkText is CheckText, and also reports whether s is plain: it holds no
// byte 0xC3 and cleanNormalize leaves it as it is (no control character
// but "\n" and "\t", no U+00A0, U+2028, U+2029 or U+FEFF), so that
// cleanPrepare(s) is s. Analyze so reads an article's bytes once to check
// it and to know that it needs no preparing, not three times.
func checkText(s string) (plain bool, err error) {
	if strings.TrimSpace(s) == "" {
		return false, Errorf(EINVALID, "empty")
	}
	plain = true
	controls := 0
	nul := false
	for i := 0; i < len(s); {
		// Sixteen, then eight ASCII bytes with no control character at
		// a time; else the loop goes on from the first byte that is not.
		i = textSkip16(s, i)
		if i == len(s) {
			break
		}
		if i+8 <= len(s) {
			m := textStops8(speakerLoad8(s, i))
			if m == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(m) >> 3
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' && c != '\t' {
				plain = false
				switch c {
				case 0:
					// Not UTF-8 is the reason to give, if the text is
					// that too.
					nul = true
				case '\r', '\f':
				default:
					controls++
				}
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return false, Errorf(EINVALID, "undecodable text (not UTF-8)")
		}
		plain = plain && c != 0xC3 && !cleanRuneChanges(r, n)
		i += n
	}
	if nul {
		return false, Errorf(EINVALID, "binary data (NUL bytes)")
	}
	if controls*100 > len(s) {
		return false, Errorf(EINVALID, "binary data (control characters)")
	}
	return plain, nil
}

// textSkip16 returns i plus the length of the run of sixteen-byte blocks
// at s[i:] that hold neither a byte outside ASCII nor a control character.
// A loop of its own keeps the loop's state in registers.
func textSkip16(s string, i int) int {
	const ones = 0x0101010101010101
	for rest := s[i:]; len(rest) >= 16; rest = rest[16:] {
		// Whether either eight holds a stop, not which byte: x-0x20
		// sets the high bit of a control character's byte (whose borrow
		// may set it in the bytes above, which are looked at only when
		// one below is a stop), and x its own for a byte outside ASCII.
		x, y := cleanLoad8(rest), cleanLoad8(rest[8:])
		if ((x-ones*0x20)|x|(y-ones*0x20)|y)&quoteHigh8 != 0 {
			break
		}
		i += 16
	}
	return i
}

// textStops8 returns the high bit of each byte of x that is outside ASCII
// or an ASCII control character: x&0x7f + 0x60 sets the high bit of the
// bytes at or above 0x20 (and carries into no other byte).
func textStops8(x uint64) uint64 {
	const ones = 0x0101010101010101
	return (x | ^(x&(ones*127) + ones*(0x80-0x20))) & quoteHigh8
}

func dropExcluded(hits []Hit, exclude []Span) []Hit {
	if len(exclude) == 0 {
		return hits
	}
	out := hits[:0]
	for _, h := range hits {
		drop := false
		for _, x := range exclude {
			if x.Start == h.Start && x.End == h.End {
				drop = true
				break
			}
		}
		if !drop {
			out = append(out, h)
		}
	}
	return out
}

// assignVoices sets each hit's voice from the quote spans that contain it
// (a direct quote wins over reported speech), and flags scare quotes and
// "so-called".
func assignVoices(body string, hits []Hit, att Attributions) {
	// Hits and quotes are in text order, so one sweep keeps the quotes
	// that have begun and not yet ended: an article of thousands of
	// quotes and hits costs no more per hit than one of a few. (Unsorted
	// input, which the engine never makes, is read the slow way.)
	sorted := len(att.Quotes)+len(att.Scare) > 64 && // the plain loops serve an article of news
		slices.IsSortedFunc(hits, func(a, b Hit) int { return cmp.Compare(a.Start, b.Start) }) &&
		slices.IsSortedFunc(att.Quotes, func(a, b Quote) int { return cmp.Compare(a.Start, b.Start) }) &&
		slices.IsSortedFunc(att.Scare, func(a, b Span) int { return cmp.Compare(a.Start, b.Start) })
	var open []Quote // quotes begun before the hit and ending after its start
	var scare []Span
	q, sc := 0, 0
	for i := range hits {
		h := &hits[i]
		quotes, scares := att.Quotes, att.Scare
		if sorted {
			for ; q < len(att.Quotes) && att.Quotes[q].Start <= h.Start; q++ {
				open = append(open, att.Quotes[q])
			}
			open = slices.DeleteFunc(open, func(x Quote) bool { return x.End <= h.Start })
			for ; sc < len(att.Scare) && att.Scare[sc].Start <= h.Start; sc++ {
				scare = append(scare, att.Scare[sc])
			}
			scare = slices.DeleteFunc(scare, func(x Span) bool { return x.End <= h.Start })
			quotes, scares = open, scare
		}
		h.Voice = VoiceOwn
		for _, q := range quotes {
			if q.Start > h.Start {
				break
			}
			if !(Span{q.Start, q.End}).Contains(h.Start, h.End) {
				continue
			}
			if q.Kind == QuoteDirect {
				h.Voice = VoiceQuoted
				break
			}
			h.Voice = VoiceReported
		}
		for _, s := range scares {
			if s.Contains(h.Start, h.End) {
				h.ScareQuote = true
				break
			}
		}
		h.SoCalled = precededBySoCalled(body, h.Start)
	}
}

// precededBySoCalled reports whether the words just before offset are
// "so-called" (or "so called"), allowing an opening quotation mark between.
func precededBySoCalled(body string, at int) bool {
	i := at
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(body[:i])
		if r == ' ' || r == '"' || r == '“' || r == '\'' || r == '‘' || r == '\n' {
			i -= n
			continue
		}
		break
	}
	const phrase = "so-called"
	if i < len(phrase) {
		return false
	}
	// EqualFold says what lowering the bytes and comparing says: both
	// hold only for nine ASCII bytes equal but for case.
	prev := body[i-len(phrase) : i]
	if !strings.EqualFold(prev, "so-called") && !strings.EqualFold(prev, "so called") {
		return false
	}
	if j := i - len(phrase); j > 0 {
		r, _ := utf8.DecodeLastRuneInString(body[:j])
		return !isWordRune(r)
	}
	return true
}

// assignSides maps each quote's speaker through the registry. A speaker
// that a registry entry names (its name, a proper-noun alias such as
// "Moscow", or the surname: "Syrian Foreign Minister Walid Muallem", "the
// Kremlin", "Lavrov") takes the entry's canonical name and side. A speaker
// placed only by common words of its description ("the opposition
// negotiator Nasr al-Hariri", "armed groups in eastern Aleppo") keeps its own
// name and takes the side; so does one whose mention alone says the side.
// Anyone else is SideUnassigned.
//
// It returns roles with the registry role of each speaker it placed.
func (e *Engine) assignSides(qs []Quote, roles sourceRoles) ([]Quote, sourceRoles) {
	// An article names each of its speakers again and again: each
	// distinct speaker, and each distinct speaker and mention of one left
	// unplaced, is placed once, in short lists kept here (listIndex),
	// before the engine's cache, a map of thousands of speakers whose
	// look-ups miss the processor's caches.
	var speakerBuf [16]string
	var placedBuf [16]placement
	var mentionBuf [16][2]string
	var mentionPlacedBuf [16]placement
	speakers, placed := listIndex[string]{keys: speakerBuf[:0]}, placedBuf[:0]
	mentions, mentionPlaced := listIndex[[2]string]{keys: mentionBuf[:0]}, mentionPlacedBuf[:0]
	last := -1 // the speaker of the last quote in speakers
	for i := range qs {
		q := &qs[i]
		q.Side = SideUnassigned
		if q.Speaker == "" {
			continue
		}
		// A speaker is most often the one of the quote before: the
		// last one placed or found is compared first.
		if last < 0 || speakers.keys[last] != q.Speaker {
			if last = speakers.find(q.Speaker); last < 0 {
				speakers, placed = speakers.add(q.Speaker), append(placed, e.place(q.Speaker, false))
				last = len(placed) - 1
			}
		}
		if p := placed[last]; p.ok {
			q.Speaker, q.Side = p.name, p.side
			if p.role != "" {
				roles = roles.set(p.name, p.role)
			}
			continue
		}
		key := [2]string{q.Speaker, q.Mention}
		k := mentions.find(key)
		if k < 0 {
			var mp placement
			if m := mentionBeyondName(q.Speaker, q.Mention); m != "" {
				mp = e.place(m, true)
			}
			mentions, mentionPlaced = mentions.add(key), append(mentionPlaced, mp)
			k = len(mentionPlaced) - 1
		}
		if mp := mentionPlaced[k]; mp.ok {
			q.Side = mp.side
		}
	}
	return qs, roles
}

// sourceRoles maps the canonical names of an article's placed speakers to
// their registry roles: a short list, searched in order (see listIndex),
// as an article has few, where a map cost two allocations an article. (It
// is passed and returned by value, like listIndex, so that its lists may
// stay in the caller's stack.)
type sourceRoles struct {
	names listIndex[string]
	roles []string // roles[k] is the role of names.keys[k]
}

// set returns r with the speaker name given the role, in place of any it
// had.
func (r sourceRoles) set(name, role string) sourceRoles {
	if k := r.names.find(name); k >= 0 {
		r.roles[k] = role
		return r
	}
	r.names = r.names.add(name)
	r.roles = append(r.roles, role)
	return r
}

// get returns the role of the speaker name, or "".
func (r sourceRoles) get(name string) string {
	if k := r.names.find(name); k >= 0 {
		return r.roles[k]
	}
	return ""
}

// mentionBeyondName returns what the words an article used for a speaker
// it could not place say beyond the speaker's name: "NPR's" of "NPR's Tom
// Bowman" and of "NPR's Bowman", "Sen." of "Sen. Lieberman" for Joe
// Lieberman, whose surname alone would find Avigdor Lieberman. A one-word
// speaker ("Guardian") gains from any longer mention ("the Guardian").
func mentionBeyondName(speaker, mention string) string {
	// Most quotes of unplaced speakers come here: the words are compared
	// in place, without lower-case copies.
	if mention == "" || containsWordFold(speaker, mention) {
		return ""
	}
	if !strings.Contains(speaker, " ") {
		return mention
	}
	if n := len(mention) - len(speaker); n > 0 && strings.EqualFold(mention[n:], speaker) {
		// (A description stands before the name with its comma: "Israel's
		// military spokeswoman, Avital Leibovich".)
		return strings.TrimRight(mention[:n], " ,")
	}
	if last := lastWord(mention); strings.EqualFold(last, lastWord(speaker)) {
		return strings.TrimRight(mention[:len(mention)-len(last)], " ,")
	}
	return mention
}

// containsWordFold reports whether s holds w as whole words (not inside
// longer ones), under Unicode case folding.
func containsWordFold(s, w string) bool {
	for i := 0; i+len(w) <= len(s); i++ {
		if !strings.EqualFold(s[i:i+len(w)], w) {
			continue
		}
		if i > 0 {
			if r, _ := utf8.DecodeLastRuneInString(s[:i]); isWordRune(r) {
				continue
			}
		}
		if e := i + len(w); e < len(s) {
			if r, _ := utf8.DecodeRuneInString(s[e:]); isWordRune(r) {
				continue
			}
		}
		return true
	}
	return false
}

// namedBy reports whether speaker names the registry entry name: it holds
// the entry's name or a capitalised alias as whole words, or is its surname.
func (e *Engine) namedBy(speaker, name string) bool {
	low := strings.ToLower(speaker)
	for _, term := range e.terms[name] {
		t := term.text
		if t == "" {
			continue
		}
		if w, ok := strings.CutPrefix(t, "="); ok {
			// An alias for the whole speaker only; like the others, one in
			// lower case ("=administration officials") gives its side and
			// leaves the speaker's own words.
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) && strings.EqualFold(strings.TrimSpace(speaker), w) {
				return true
			}
			continue
		}
		r, _ := utf8.DecodeRuneInString(t)
		if t != name && !unicode.IsUpper(r) {
			continue
		}
		if namesHead(low, term.lower) {
			return true
		}
	}
	last := name[strings.LastIndexByte(name, ' ')+1:]
	return strings.EqualFold(strings.TrimSpace(speaker), last)
}

// namesHead reports whether the lower-case speaker phrase s holds the
// name w as whole words where it names the speaker, not someone the
// speaker belongs to: not after a preposition ("a spokesman for
// Netanyahu", "a source close to Petraeus"), and at the phrase's end or
// before a place ("armed groups in eastern Aleppo"), not before a
// possessive or a noun ("Netanyahu's main political rival", "Romney
// camp").
func namesHead(s, w string) bool {
	for from := 0; ; {
		k := strings.Index(s[from:], w)
		if k < 0 {
			return false
		}
		start, end := from+k, from+k+len(w)
		from = start + 1
		if start > 0 {
			if r, _ := utf8.DecodeLastRuneInString(s[:start]); isWordRune(r) {
				continue
			}
		}
		if end < len(s) {
			if r, _ := utf8.DecodeRuneInString(s[end:]); isWordRune(r) {
				continue
			}
		}
		before := strings.TrimRight(s[:start], " ")
		if w := lastWord(before); w == "the" || w == "a" || w == "an" {
			before = strings.TrimRight(before[:len(before)-len(w)], " ")
		}
		if speakerOwnerPreps[lastWord(before)] && strings.Contains(before, " ") {
			continue // after the head noun it belongs to; a phrase's own first word is none
		}
		if end == len(s) {
			return true
		}
		// Words after the name: a place or a body it is part of keeps it
		// the head ("armed groups in eastern Aleppo"); a possessive or a
		// noun makes it someone's ("Netanyahu's spokesman", "Romney camp",
		// "Trump administration officials").
		if next, _, _ := strings.Cut(strings.TrimLeft(s[end:], " "), " "); speakerPlacePreps[next] {
			return true
		}
	}
}

// speakerPlacePreps are the prepositions after which words tell where a
// named body is or what it is part of: "rebels in eastern Aleppo".
var speakerPlacePreps = wordSet(`in of at on from near inside outside across within`)

// speakerOwnerPreps are the prepositions after which a name is whom the
// speaker works for or stands near, not the speaker.
var speakerOwnerPreps = wordSet(`for of to with from by at near about against behind on`)

func per1000(n, words int) float64 {
	if words == 0 {
		return 0
	}
	return float64(n) * 1000 / float64(words)
}

// countHits sums hits per entry (in lexicon order), per frame and per actor.
func countHits(lex *Lexicon, hits []Hit, words int) ([]EntryCount, map[string]FrameCount, map[string]ActorScore) {
	// The entries, frames and actors hit, in order of first hit, with
	// their counts: short lists, searched in order (see listIndex), with
	// room for an article of news on the stack.
	var entriesBuf [listIndexMax]int
	var countsBuf [listIndexMax]EntryCount
	var framesBuf, actorsBuf [listIndexMax / 4]string
	var frameCountsBuf [listIndexMax / 4]FrameCount
	type actorSum struct{ n, nOwn, v, vOwn int }
	var actorSumsBuf [listIndexMax / 4]actorSum
	entries, counts := listIndex[int]{keys: entriesBuf[:0]}, countsBuf[:0]
	frames, frameCounts := listIndex[string]{keys: framesBuf[:0]}, frameCountsBuf[:0]
	actors, actorSums := listIndex[string]{keys: actorsBuf[:0]}, actorSumsBuf[:0]
	for hi := range hits {
		h := &hits[hi] // (read in place: a Hit is too large to copy for a count)
		k := entries.find(h.Entry)
		if k < 0 {
			k, entries = len(counts), entries.add(h.Entry)
			counts = append(counts, EntryCount{Pattern: h.Pattern, Frame: h.Frame, Actor: h.Actor})
		}
		f := frames.find(h.Frame)
		if f < 0 {
			f, frames = len(frameCounts), frames.add(h.Frame)
			frameCounts = append(frameCounts, FrameCount{})
		}
		ec, fc := &counts[k], &frameCounts[f]
		ec.Count++
		fc.Count++
		switch h.Voice {
		case VoiceQuoted:
			ec.Quoted++
			fc.Quoted++
		case VoiceReported:
			ec.Reported++
			fc.Reported++
		default:
			ec.Own++
			fc.Own++
		}
		if h.Actor != "" {
			i := actors.find(h.Actor)
			if i < 0 {
				i, actors = len(actorSums), actors.add(h.Actor)
				actorSums = append(actorSums, actorSum{})
			}
			a := &actorSums[i]
			a.n++
			a.v += h.Valence
			if h.Voice == VoiceOwn {
				a.nOwn++
				a.vOwn += h.Valence
			}
		}
	}
	var orderBuf [listIndexMax]int
	order := orderBuf[:0]
	if len(counts) > listIndexMax {
		order = make([]int, 0, len(counts))
	}
	order = order[:len(counts)]
	for k := range order {
		order[k] = k
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(entries.keys[a], entries.keys[b]) })
	out := make([]EntryCount, 0, len(counts))
	for _, k := range order {
		if e := entries.keys[k]; e < 0 || e >= len(lex.Entries) {
			continue // not an entry of the lexicon
		}
		ec := counts[k]
		ec.Per1000 = per1000(ec.Count, words)
		out = append(out, ec)
	}
	frameMap := make(map[string]FrameCount, len(frameCounts))
	for f, fc := range frameCounts {
		fc.Per1000 = per1000(fc.Count, words)
		fc.Per1000Own = per1000(fc.Own, words)
		frameMap[frames.keys[f]] = fc
	}
	actorMap := make(map[string]ActorScore, len(actorSums))
	for i, a := range actorSums {
		s := ActorScore{Count: a.n, CountOwn: a.nOwn, Valence: float64(a.v) / float64(a.n)}
		if a.nOwn > 0 {
			s.ValenceOwn = float64(a.vOwn) / float64(a.nOwn)
		}
		actorMap[actors.keys[i]] = s
	}
	return out, frameMap, actorMap
}

// listIndex finds keys in a list kept in order of first use. An article
// has few entries, frames and actors hit, and a search of the list beats
// hashing each key into a map; past listIndexMax keys (a long document of
// many articles), a map indexes the list.
type listIndex[K comparable] struct {
	keys  []K
	index map[K]int
}

// listIndexMax is the length past which a listIndex is indexed by a map.
const listIndexMax = 32

// find returns the place of k in the list, or -1.
func (x *listIndex[K]) find(k K) int {
	if x.index != nil {
		if i, ok := x.index[k]; ok {
			return i
		}
		return -1
	}
	return slices.Index(x.keys, k)
}

// add returns the list with k, which it does not hold, added at the end.
// (The list is a value, not a pointer to update: so it may keep its keys
// in the caller's stack.)
func (x listIndex[K]) add(k K) listIndex[K] {
	x.keys = append(x.keys, k)
	if x.index != nil {
		x.index[k] = len(x.keys) - 1
	} else if len(x.keys) > listIndexMax {
		x.index = make(map[K]int, 2*len(x.keys))
		for j, key := range x.keys {
			x.index[key] = j
		}
	}
	return x
}

// mergeSpeakerCase gives the speakers of an article that differ only in
// letter case one name: "Police said" opens a sentence where "police said"
// does not, and they are one source. The name is the form most of the
// speaker's quotes carry; on a tie, the form that is lower case where the
// two first differ ("police" over "Police", "Site" over "SITE"). Speakers the
// registry placed already carry its canonical name.
//
// It returns the article's sources (formSources) from the distinct forms it
// lists, their quotes counted as it lists them, not in a second search of
// the list: where no two speakers are variants, as in most articles, the
// forms are the sources; else each group of variants is merged into its
// first form (mergeCaseForms).
func mergeSpeakerCase(qs []Quote, roles sourceRoles) []Source {
	// forms lists each distinct speaker form once, in order of first use.
	// An article has few, so they are compared pairwise; past formsMax
	// (a long document of many articles) a map of each form and of its
	// case fold finds them.
	const formsMax = 32
	var buf [16]speakerForm
	forms := buf[:0]
	var index map[string]int
	var folds map[string]struct{} // the case folds of forms
	variants := false
next:
	for qi := range qs {
		// (The quotes are read in place: a Quote is too large to copy
		// for a look at its speaker.)
		q := &qs[qi]
		speaker := q.Speaker
		if speaker == "" {
			continue
		}
		if index != nil {
			if i, ok := index[speaker]; ok {
				forms[i].count(q)
				continue
			}
			k := speakerFoldKey(speaker)
			_, seen := folds[k]
			variants = variants || seen
			folds[k] = struct{}{}
			index[speaker] = len(forms)
			forms = append(forms, speakerForm{name: speaker, side: q.Side})
			forms[len(forms)-1].count(q)
			continue
		}
		for i := range forms {
			if forms[i].name == speaker {
				forms[i].count(q)
				continue next
			}
		}
		ascii := speakerASCII(speaker)
		for i := range forms {
			// Case variants of a name are nearly always of one length; the
			// fold is compared only then, or when either is not ASCII.
			if f := &forms[i]; len(f.name) == len(speaker) || !f.ascii || !ascii {
				variants = variants || strings.EqualFold(f.name, speaker)
			}
		}
		forms = append(forms, speakerForm{name: speaker, ascii: ascii, side: q.Side})
		forms[len(forms)-1].count(q)
		if len(forms) > formsMax {
			index, folds = make(map[string]int, 2*len(forms)), make(map[string]struct{}, 2*len(forms))
			for i, f := range forms {
				index[f.name] = i
				folds[speakerFoldKey(f.name)] = struct{}{}
			}
		}
	}
	if variants {
		forms = mergeCaseForms(qs, forms)
	}
	return formSources(forms, roles)
}

// formSources returns the sources of the speaker forms, one each, with
// the speakers' registry roles: the most attributions first, then the
// most words (sourceOrder); forms alike keep their order, which is that of
// their first quotes.
func formSources(forms []speakerForm, roles sourceRoles) []Source {
	// The forms are put in order by their indexes, not moved about as
	// Sources of 72 bytes.
	var orderBuf [16]int32
	order := orderBuf[:0]
	for i := range forms {
		order = append(order, int32(i))
	}
	slices.SortStableFunc(order, func(a, b int32) int {
		fa, fb := &forms[a], &forms[b]
		return sourceOrder(fa.quotes(), fa.words, fb.quotes(), fb.words)
	})
	out := make([]Source, len(forms))
	for k, i := range order {
		f := &forms[i]
		out[k] = Source{Name: f.name, Side: f.side, Role: roles.get(f.name), Direct: f.direct, Reported: f.reported, Words: f.words}
	}
	return out
}

// mergeCaseForms gives each quote of qs the name of its speaker's group of
// case variants among forms (the speaker forms of qs, in order of first
// use), and returns, in forms' array, the forms with each group merged
// into its first: the group's name, the side of its first quote, and the
// counts of all its quotes.
func mergeCaseForms(qs []Quote, forms []speakerForm) []speakerForm {
	// The name of each group of case variants: the form most quotes carry,
	// on a tie the greater (lower case where they first differ).
	pick := map[string]int{}
	keys := make([]string, len(forms))
	for i, f := range forms {
		keys[i] = speakerFoldKey(f.name)
		if p, ok := pick[keys[i]]; !ok || f.quotes() > forms[p].quotes() || f.quotes() == forms[p].quotes() && f.name > forms[p].name {
			pick[keys[i]] = i
		}
	}
	best := make(map[string]string, len(forms)) // a form → the name its speaker takes
	for i, f := range forms {
		best[f.name] = forms[pick[keys[i]]].name
	}
	for i := range qs {
		if name, ok := best[qs[i].Speaker]; ok {
			qs[i].Speaker = name
		}
	}
	// The forms are merged in place: merged[k] is written after forms[i]
	// is read, with k <= i, and the names are taken from best.
	merged := forms[:0]
	at := make(map[string]int, len(pick)) // a group's fold key → its form in merged
	for i, f := range forms {
		if k, ok := at[keys[i]]; ok {
			m := &merged[k]
			m.direct += f.direct
			m.reported += f.reported
			m.words += f.words
			continue
		}
		at[keys[i]] = len(merged)
		f.name = best[f.name]
		merged = append(merged, f)
	}
	return merged
}

// speakerForm is a speaker form mergeSpeakerCase lists, with what its
// quotes give its source while it is one.
type speakerForm struct {
	name  string
	ascii bool // name is all ASCII (kept while forms are compared pairwise)
	// The side of the form's first quote, and the Source counts.
	side                    string
	direct, reported, words int
}

// count counts the quote q of the form.
func (f *speakerForm) count(q *Quote) {
	if q.Kind == QuoteDirect {
		f.direct++
	} else {
		f.reported++
	}
	f.words += q.Words
}

// quotes returns how many quotes the form has.
func (f *speakerForm) quotes() int { return f.direct + f.reported }

// speakerFoldKey returns s with each rune replaced by the least of its case
// fold orbit: two strings have one key exactly when strings.EqualFold holds.
func speakerFoldKey(s string) string {
	if speakerASCII(s) {
		return strings.ToUpper(s) // the least of "k", "K" and the Kelvin sign is "K"
	}
	var b strings.Builder
	for _, r := range s {
		m := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			m = min(m, f)
		}
		b.WriteRune(m)
	}
	return b.String()
}

// speakerASCII reports whether s is all ASCII.
func speakerASCII(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 { // eight bytes at a time, then the rest
		if speakerLoad8(s, i)&quoteHigh8 != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// sourceOrder orders two sources by their quotes, na and nb, then by their
// quoted words, wa and wb, the most first.
func sourceOrder(na, wa, nb, wb int) int {
	if c := cmp.Compare(nb, na); c != 0 {
		return c
	}
	return cmp.Compare(wb, wa)
}

// sideShares returns each known side's share of attributions and of quoted
// words, and how many attributions have no known side.
func sideShares(qs []Quote) (byCount, byWords map[string]float64, unassigned int) {
	// An article's quotes have few sides: they are summed in a short list
	// (see listIndex), and the maps made at the end. The sums are of
	// whole numbers, which float64 holds exactly, so the shares are those
	// of sums made in the maps.
	var sidesBuf [listIndexMax / 4]string
	type sideSum struct{ n, words int }
	var sumsBuf [listIndexMax / 4]sideSum
	sides, sums := listIndex[string]{keys: sidesBuf[:0]}, sumsBuf[:0]
	total, totalWords := 0, 0
	for i := range qs {
		q := &qs[i]
		if q.Side == SideUnassigned || q.Side == "" {
			unassigned++
			continue
		}
		k := sides.find(q.Side)
		if k < 0 {
			k, sides = len(sums), sides.add(q.Side)
			sums = append(sums, sideSum{})
		}
		sums[k].n++
		sums[k].words += q.Words
		total++
		totalWords += q.Words
	}
	byCount, byWords = make(map[string]float64, len(sums)), make(map[string]float64, len(sums))
	for k, sum := range sums {
		byCount[sides.keys[k]] = float64(sum.n) / float64(total)
		words := float64(sum.words)
		if totalWords > 0 {
			words /= float64(totalWords)
		}
		byWords[sides.keys[k]] = words
	}
	return byCount, byWords, unassigned
}
