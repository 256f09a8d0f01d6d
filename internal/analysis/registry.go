package analysis

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// registryHeader is the header every registry CSV starts with.
var registryHeader = []string{"name", "aliases", "side", "role"}

// ParseRegistryCSV reads a registry from CSV with the header
// name,aliases,side,role, aliases separated by "|". Every bad line is
// reported, with its line number, in one *Error with Code EINVALID. The
// registry's Version is set from its content.
func ParseRegistryCSV(name string, data []byte) (*Registry, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	var problems []string
	reg := &Registry{Name: name}
	seen := map[string]int{}
	first := true
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				problems = append(problems, fmt.Sprintf("line %d: %v", pe.Line, pe.Err))
				continue
			}
			return nil, fmt.Errorf("parse registry %s: %w", name, err)
		}
		// FieldPos panics after a failed read, so it is asked only now.
		line, _ := r.FieldPos(0)
		if first {
			first = false
			if !registryIsHeader(rec) {
				problems = append(problems, fmt.Sprintf("line %d: header must be %s", line, strings.Join(registryHeader, ",")))
				break
			}
			continue
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		if len(rec) < 3 || len(rec) > 4 {
			problems = append(problems, fmt.Sprintf("line %d: want 4 fields (name,aliases,side,role), got %d", line, len(rec)))
			continue
		}
		e := RegistryEntry{Name: strings.TrimSpace(rec[0]), Side: strings.TrimSpace(rec[2])}
		if len(rec) == 4 {
			e.Role = strings.TrimSpace(rec[3])
		}
		bad := ""
		for _, a := range strings.Split(rec[1], "|") {
			if a = strings.TrimSpace(a); a != "" {
				if w, ok := strings.CutPrefix(a, "="); ok && registryKey(w) == "" {
					bad = a
				}
				if w, ok := strings.CutPrefix(a, "!"); ok && registryKey(w) == "" {
					bad = a
				}
				e.Aliases = append(e.Aliases, a)
			}
		}
		switch {
		case e.Name == "":
			problems = append(problems, fmt.Sprintf("line %d: empty name", line))
			continue
		case strings.ContainsAny(strings.Join(rec, ""), "\r\n"):
			// A name is one line of text: the registry's own CSV could not
			// write a line break back as it was read (CRLF becomes LF).
			problems = append(problems, fmt.Sprintf("line %d: %q holds a line break", line, e.Name))
			continue
		case bad != "":
			problems = append(problems, fmt.Sprintf("line %d: alias %q of %q names nothing after its %q", line, bad, e.Name, bad[:1]))
			continue
		case e.Side == "":
			problems = append(problems, fmt.Sprintf("line %d: %q has no side", line, e.Name))
			continue
		case !registryValidSide(e.Side):
			problems = append(problems, fmt.Sprintf("line %d: side %q of %q must be lower-case letters, digits and hyphens", line, e.Side, e.Name))
			continue
		}
		key := strings.ToLower(e.Name)
		if prev, ok := seen[key]; ok {
			problems = append(problems, fmt.Sprintf("line %d: %q already defined on line %d", line, e.Name, prev))
			continue
		}
		seen[key] = line
		reg.Entries = append(reg.Entries, e)
	}
	if first && len(problems) == 0 {
		problems = append(problems, "line 1: empty registry, want the header "+strings.Join(registryHeader, ","))
	}
	if len(problems) > 0 {
		return nil, Errorf(EINVALID, "registry %s: %s", name, strings.Join(problems, "; "))
	}
	reg.Version = RegistryVersion(reg.Entries)
	return reg, nil
}

func registryIsHeader(rec []string) bool {
	if len(rec) < 3 || len(rec) > 4 {
		return false
	}
	for i, f := range rec {
		if !strings.EqualFold(strings.TrimSpace(strings.TrimPrefix(f, "\ufeff")), registryHeader[i]) {
			return false
		}
	}
	return true
}

func registryValidSide(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// registryCSV writes entries as canonical CSV: the header, then one line per
// entry in the given order.
func registryCSV(entries []RegistryEntry) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.Write(registryHeader)
	for _, e := range entries {
		_ = w.Write([]string{e.Name, strings.Join(e.Aliases, "|"), e.Side, e.Role})
	}
	w.Flush()
	return buf.Bytes()
}

// CSV returns the registry as canonical CSV, which ParseRegistryCSV reads
// back to the same entries.
func (r *Registry) CSV() []byte { return registryCSV(r.Entries) }

// RegistryVersion is the content hash of entries: the first 12 hex digits of
// the SHA-256 of their canonical CSV.
func RegistryVersion(entries []RegistryEntry) string {
	sum := sha256.Sum256(registryCSV(entries))
	return hex.EncodeToString(sum[:])[:12]
}

// Sides returns the registry's distinct sides, sorted, without
// SideUnassigned.
func (r *Registry) Sides() []string {
	set := map[string]bool{}
	for _, e := range r.Entries {
		if e.Side != "" && e.Side != SideUnassigned {
			set[e.Side] = true
		}
	}
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// registryIndex speeds up Resolve: lower-case names and aliases (with
// their word counts) and surnames, mapped to entry indexes.
type registryIndex struct {
	reg     *Registry
	version string
	n       int
	exact   map[string]int
	// whole holds the aliases written with a leading "=": they name the
	// entry only as the whole speaker ("Syria said"), never as a word of
	// a longer phrase ("a Syria expert", "the envoy to Syria").
	whole map[string]int
	// not holds the aliases written with a leading "!": phrases that hold
	// an alias but name no entry ("Houthi rebels" holds "rebels"). As the
	// longest match, such a phrase in a speaker leaves it unplaced.
	not      map[string]bool
	maxWords int
	surname  map[string]int
	// proper marks the one-word names and aliases written only with a
	// capital: "Ban", "US", "Moscow". Such a word in lower case inside a
	// longer speaker phrase is another word ("the travel ban", "some of
	// us"); a speaker that is the word alone still matches in any case.
	proper map[string]bool
	// last holds each entry's surname: the capitalized last word of a
	// name of two words or more ("Trump"), "" for others ("Syrian
	// opposition").
	last []string
	// vocab has a bit set (registryWordHash) for every word of every key
	// of exact, whole, not and surname: most speakers hold words that no
	// key does, and a phrase with one is ruled out without a look-up.
	vocab [1 << registryVocabBits / 64]uint64
}

var (
	registryCacheMu sync.Mutex // held while an index is built
	// registryCache holds the indexes last built, the newest first, at
	// most registryCacheLen. Resolve runs for every speaker the placement
	// cache has not seen: the list it finds current is read with no lock
	// taken. More than one is kept as engines on different registries
	// (a user's own beside the default) may analyse at the same time,
	// and a single index would be rebuilt at nearly every call of each.
	registryCache atomic.Pointer[[]*registryIndex]
)

// registryCacheLen bounds the indexes kept: a few registries are in use
// at once, each index holding maps of all its keys.
const registryCacheLen = 8

// cachedIndex returns the index of registry r kept in registryCache, if
// it is current.
func (r *Registry) cachedIndex() *registryIndex {
	if l := registryCache.Load(); l != nil && r.Version != "" {
		for _, c := range *l {
			if c.reg == r && c.n == len(r.Entries) && c.version == r.Version {
				return c
			}
		}
	}
	return nil
}

// index returns the registry's lookup index, rebuilt when the entries
// changed since it was built.
func (r *Registry) index() *registryIndex {
	if c := r.cachedIndex(); c != nil {
		return c
	}
	registryCacheMu.Lock()
	defer registryCacheMu.Unlock()
	if c := r.cachedIndex(); c != nil {
		return c
	}
	x := &registryIndex{reg: r, version: r.Version, n: len(r.Entries), exact: map[string]int{}, whole: map[string]int{}, not: map[string]bool{}, surname: map[string]int{}, proper: map[string]bool{}}
	lower := map[string]bool{} // one-word keys some spelling writes in lower case
	add := func(s string, i int) {
		k := registryKey(s)
		if k == "" {
			return
		}
		if !strings.Contains(k, " ") {
			if r, _ := utf8.DecodeRuneInString(s); unicode.IsUpper(r) && !lower[k] {
				x.proper[k] = true
			} else {
				lower[k] = true
				delete(x.proper, k)
			}
		}
		if _, ok := x.exact[k]; !ok {
			x.exact[k] = i
		}
		if n := strings.Count(k, " ") + 1; n > x.maxWords {
			x.maxWords = n
		}
	}
	for i, e := range r.Entries {
		add(e.Name, i)
		for _, a := range e.Aliases {
			if w, ok := strings.CutPrefix(a, "="); ok {
				if k := registryKey(w); k != "" {
					if _, dup := x.whole[k]; !dup {
						x.whole[k] = i
					}
				}
				continue
			}
			if w, ok := strings.CutPrefix(a, "!"); ok {
				if k := registryKey(w); k != "" {
					x.not[k] = true
					x.maxWords = max(x.maxWords, strings.Count(k, " ")+1)
				}
				continue
			}
			add(a, i)
		}
		x.last = append(x.last, "")
		// The last word of a person's name is a surname; the head word of an
		// institution's name is none: "Authority" alone, or "Palestinian
		// Health Authority", is not the Palestinian Authority, nor
		// "Organization" the World Health Organization.
		if f := strings.Fields(registryKey(e.Name)); len(f) >= 2 && !registryInstitutionHeads[f[len(f)-1]] && !registryNoSurnames[f[len(f)-1]] {
			if r, _ := utf8.DecodeRuneInString(e.Name[strings.LastIndexByte(e.Name, ' ')+1:]); unicode.IsUpper(r) {
				x.last[i] = f[len(f)-1]
			}
			for _, sn := range [...]string{f[len(f)-1], registryStripArticle(f[len(f)-1])} {
				if _, ok := x.surname[sn]; !ok {
					x.surname[sn] = i
				}
			}
		}
	}
	// "Turkish officials" names one of them too: "a senior Turkish official
	// said". The other number is added after every name and alias, so that
	// it never hides one written out, whichever entry comes first.
	derived := map[string]int{}
	for k, i := range x.exact {
		if sp := strings.LastIndexByte(k, ' '); sp > 0 {
			if other := registryRoleNumber[k[sp+1:]]; other != "" {
				o := k[:sp+1] + other
				if j, ok := derived[o]; !ok || i < j {
					derived[o] = i // the earlier entry, as for written keys
				}
			}
		}
	}
	for k, i := range derived {
		if _, ok := x.exact[k]; !ok {
			x.exact[k] = i
		}
	}
	// Every word of a key the phrases of a speaker are looked up under,
	// for registryIndex.mayHold.
	for _, m := range [...]map[string]int{x.exact, x.whole, x.surname} {
		for k := range m {
			x.addVocab(k)
		}
	}
	for k := range x.not {
		x.addVocab(k)
	}
	if r.Version != "" {
		// A new list, the old one left to readers that hold it; an
		// older index of the same registry is dropped.
		l := []*registryIndex{x}
		if old := registryCache.Load(); old != nil {
			for _, c := range *old {
				if c.reg != r && len(l) < registryCacheLen {
					l = append(l, c)
				}
			}
		}
		registryCache.Store(&l)
	}
	return x
}

// registryVocabBits is the base-2 log of the bits of registryIndex.vocab:
// a registry of a few thousand words sets about one bit in ten.
const registryVocabBits = 15

// registryWordHash hashes a word of a key (FNV-1a) for registryIndex.vocab.
func registryWordHash(w string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	return h >> (32 - registryVocabBits)
}

// addVocab sets the vocab bits of the words of the key k.
func (x *registryIndex) addVocab(k string) {
	for _, w := range strings.Fields(k) {
		h := registryWordHash(w)
		x.vocab[h/64] |= 1 << (h % 64)
	}
}

// mayHold reports whether w may be a word of a key of exact, whole, not
// or surname: when it is not, no phrase that holds it is one, and the
// maps need not be asked about them.
func (x *registryIndex) mayHold(w string) bool {
	h := registryWordHash(w)
	return x.vocab[h/64]>>(h%64)&1 != 0
}

// registryKey normalises a name for matching: lower case, words separated by
// single spaces, possessive 's dropped, punctuation other than inner hyphens,
// periods and apostrophes removed.
func registryKey(s string) string {
	var atBuf [16]int
	key, _, _ := registryKeyWords(s, nil, atBuf[:0])
	return key
}

// registryKeyWords returns registryKey(s) and, appended to words, the
// words of the key (strings.Fields(key)) as slices of it. A name of ASCII
// words, as nearly every speaker is, is lowered into one buffer: no
// string is made for each word, nor a list of them to join. Such a key is
// its words joined by single spaces, and it also returns, appended to at,
// where each word starts in it (registryWordOffsets); for another, nil.
func registryKeyWords(s string, words []string, at []int) (string, []string, []int) {
	var buf [128]byte
	b, first := buf[:0], len(at) // the key, and at[first] its first word's start
	ascii := speakerASCII(s)
	for i := 0; ; {
		var st, en int
		var ok bool
		if ascii {
			st, en, ok = registryNextWordASCII(s, i)
		} else {
			st, en, ok = registryNextWord(s, i)
		}
		if !ok {
			break
		}
		w := s[st:en]
		if !ascii && !speakerASCII(w) {
			key := registryKeySlow(s)
			return key, append(words, strings.Fields(key)...), nil
		}
		if len(at) > first {
			b = append(b, ' ')
		}
		from := len(b)
		at = append(at, from)
		for j := 0; j < len(w); j++ {
			c := w[j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
		}
		// As registryKeySlow: the possessive dropped (in ASCII, "'s"),
		// then the sentence's period after "U.N." A word starts with a
		// letter or digit, so neither leaves it empty, and the key is
		// its words joined by single spaces.
		if n := len(b); n-from >= 2 && b[n-2] == '\'' && b[n-1] == 's' {
			b = b[:n-2]
		}
		if n := len(b); n-from > 2 && b[n-1] == '.' && bytes.IndexByte(b[from:n-1], '.') >= 0 {
			b = b[:n-1]
		}
		i = en
	}
	key := string(b)
	for k := first; k < len(at); k++ {
		end := len(key)
		if k+1 < len(at) {
			end = at[k+1] - 1
		}
		words = append(words, key[at[k]:end])
	}
	return key, words, at
}

// registryKeySlow is registryKey for any text: each word lowered by
// strings.ToLower.
func registryKeySlow(s string) string {
	var words []string
	for i := 0; ; {
		st, en, ok := registryNextWord(s, i)
		if !ok {
			break
		}
		w := strings.ToLower(s[st:en])
		w = speakerStripPossessive(w)
		if len(w) > 2 && w[len(w)-1] == '.' && strings.IndexByte(w[:len(w)-1], '.') >= 0 {
			// "U.N." and "U.N", the sentence's period taken: one key.
			w = w[:len(w)-1]
		}
		words = append(words, w)
		i = en
	}
	return strings.Join(words, " ")
}

// registryIndependent are the head words of institutions that a place
// name before them does not make part of that place's government: papers,
// broadcasters, universities, think tanks.
var registryIndependent = wordSet(`times post journal herald tribune telegraph gazette daily magazine review
	radio tv television institute institution university college school center centre foundation
	observatory council bank company corporation`)

// registryMissions are the head words of a country's offices abroad.
var registryMissions = wordSet(`embassy consulate mission`)

// registryLocated reports whether the words (keys; mark gives each as
// written) hold an independent institution's head word or a capitalized
// foreign mission's, so that a place after "in" only says where it is.
func registryLocated(words []string, mark func(int) registryWordMark) bool {
	for k, w := range words {
		if m := mark(k); m.head || m.upper && registryMissions[w] {
			return true
		}
	}
	return false
}

// registryWordMark is what Resolve needs to know of a speaker's word as
// written: whether it is capitalized, ends in a possessive, and is the head
// word of an independent institution (registryIndependent).
type registryWordMark struct {
	upper, possessive, head bool
}

// registryWordMarks marks the first n words of speaker, as registryKey
// splits it.
func registryWordMarks(speaker string, n int) []registryWordMark {
	marks := make([]registryWordMark, n)
	k := 0
	for i := 0; k < n; k++ {
		st, en, ok := registryNextWord(speaker, i)
		if !ok {
			break
		}
		w := speaker[st:en]
		r, _ := utf8.DecodeRuneInString(w)
		low := strings.ToLower(w)
		marks[k] = registryWordMark{
			upper:      unicode.IsUpper(r),
			possessive: speakerStripPossessive(low) != low,
			head:       unicode.IsUpper(r) && registryIndependent[low],
		}
		i = en
	}
	return marks
}

// registryOwnSurname reports whether a surname that stands in a speaker
// phrase after the word prev (a key; mark as written) may be the entry's:
// another capitalized word right before it is another first name ("Hunter
// Biden" is not Joe Biden), unless it is a title, the entry's own first
// name, an initial, a possessive ("Syria's Assad") or a day or month
// that the speaker phrase swept in.
func registryOwnSurname(prev string, mark registryWordMark, entry string) bool {
	if !mark.upper || mark.possessive || speakerCalendar[prev] {
		return true // "the Trump", "Syria's Assad", "Wednesday Obama"
	}
	return registrySameBearer([]string{prev}, entry)
}

// registryNextWord is NextWord that keeps hyphens and inner periods inside
// a word ("pro-government", "U.S.").
func registryNextWord(s string, from int) (int, int, bool) {
	st, en, ok := NextWord(s, from)
	if !ok {
		return 0, 0, false
	}
	for en < len(s)-1 && (s[en] == '-' || s[en] == '.') {
		_, e2, ok2 := NextWord(s, en+1)
		if !ok2 || !isWordRune(rune(s[en+1])) {
			break
		}
		en = e2
	}
	if en < len(s) && s[en] == '.' && en-st <= 3 && strings.Contains(s[st:en], ".") {
		en++ // the final period of "U.S."
	}
	return st, en, true
}

// registryNextWordASCII is registryNextWord for s in ASCII, read a byte
// at a time with no rune decoded: a word is a run of letters and digits,
// and goes on over an apostrophe, a hyphen or a period that stands before
// a letter or digit (NextWord's joiner, and registryNextWord's parts of
// one word).
func registryNextWordASCII(s string, from int) (int, int, bool) {
	i := from
	for i < len(s) && !asciiWord[s[i]] {
		i++
	}
	if i >= len(s) {
		return 0, 0, false
	}
	st := i
	for {
		for i < len(s) && asciiWord[s[i]] {
			i++
		}
		if i+1 < len(s) && (s[i] == '\'' || s[i] == '-' || s[i] == '.') && asciiWord[s[i+1]] {
			i++
			continue
		}
		break
	}
	if i < len(s) && s[i] == '.' && i-st <= 3 && strings.Contains(s[st:i], ".") {
		i++ // the final period of "U.S."
	}
	return st, i, true
}

// Resolve maps a speaker name or phrase to a registry entry: an exact name
// or alias (case-insensitive), else the longest name or alias contained in
// the phrase at word boundaries ("Some of the armed groups in eastern
// Aleppo" → the entry with alias "armed groups"), else a surname match
// ("Lavrov" → "Sergey Lavrov"). A "!" alias found before any name or alias
// as long places the speaker nowhere.
func (r *Registry) Resolve(speaker string) (name, side, role string, ok bool) {
	if r == nil {
		return "", "", "", false
	}
	x := r.index()
	var wordsBuf [16]string
	var atBuf [16]int
	key, words, at := registryKeyWords(speaker, wordsBuf[:0], atBuf[:0])
	if key == "" {
		return "", "", "", false
	}
	hit := func(i int) (string, string, string, bool) {
		e := r.Entries[i]
		return e.Name, e.Side, e.Role, true
	}
	// unknown[k] counts the words before words[k] that no key holds
	// (registryIndex.mayHold): a phrase of words[s:s+n] is a key of a map
	// only if unknown[s+n] == unknown[s], and most are looked up in none.
	var unknownBuf [17]int
	unknown := unknownBuf[:0]
	if len(words)+1 > len(unknownBuf) {
		unknown = make([]int, 0, len(words)+1)
	}
	unknown = append(unknown, 0)
	for k, w := range words {
		u := unknown[k]
		if !x.mayHold(w) {
			u++
		}
		unknown = append(unknown, u)
	}
	known := func(s, n int) bool { return unknown[s+n] == unknown[s] }
	var marks []registryWordMark // the words as written, read when needed
	mark := func(k int) registryWordMark {
		if marks == nil {
			marks = registryWordMarks(speaker, len(words))
		}
		return marks[k]
	}
	// The phrases tried are the words joined by single spaces: slices of
	// the key where it is so made, as registryKey makes it (see
	// registryWordOffsets), not strings built for every run of words.
	if at == nil {
		at = registryWordOffsets(key, words, atBuf[:0])
	}
	// A key that is its words joined so is a key of a map only if they
	// all may be words of one (the others are looked up as they are).
	if at == nil || known(0, len(words)) {
		if i, ok := x.exact[key]; ok {
			return hit(i)
		}
		if i, ok := x.whole[key]; ok {
			return hit(i)
		}
	}
	for n := min(x.maxWords, len(words)); n >= 1; n-- {
		for s := 0; s+n <= len(words); s++ {
			if !known(s, n) {
				continue // in neither not nor exact
			}
			var phrase string
			if at != nil {
				phrase = key[at[s] : at[s+n-1]+len(words[s+n-1])]
			} else {
				phrase = strings.Join(words[s:s+n], " ")
			}
			if x.not[phrase] {
				// No name or alias as long stood before it: the phrase
				// that holds an alias is someone else ("Yemen's Houthi
				// rebels").
				return "", "", "", false
			}
			i, ok := x.exact[phrase]
			if !ok {
				continue
			}
			if s+n < len(words) && mark(s+n).head || s >= 2 && words[s-1] == "of" && mark(s-2).head {
				// "Washington Institute", "Moscow Times", "University of
				// Damascus", "Bank of America": the place names an
				// institution of its own, not its government.
				continue
			}
			if s >= 1 && mark(s-1).head || s >= 2 && words[s-1] == "in" && registryLocated(words[:s-1], mark) {
				// "the Asia-Pacific Foundation London", "the Embassy of
				// Yemen in Washington": where an institution or a foreign
				// mission stands is not whose it is.
				continue
			}
			if n == 1 && s > 0 && s+1 == len(words) && words[s] == x.last[i] && !registryOwnSurname(words[s-1], mark(s-1), r.Entries[i].Name) {
				continue // a name ending in the surname, after another first name
			}
			if n == 1 && x.proper[words[s]] && !mark(s).upper {
				continue // "the travel ban" does not name Ban Ki-moon
			}
			if s > 0 && s+n < len(words) && mark(s-1).upper && registryPostTitles[words[s+n]] {
				// "Palestinian U.N. Ambassador Riyad Mansour": the word
				// before says whose ambassador, the alias only where.
				continue
			}
			to := s - 1
			if to > 0 && words[to] == "the" {
				to--
			}
			if to >= 0 && words[to] == "to" && (to == 0 || words[to-1] != "close") {
				// "Syrian Ambassador to Russia" is sent to Russia, not
				// Russia's; "a source close to Kerry" is Kerry's.
				continue
			}
			return hit(i)
		}
	}
	last := words[len(words)-1]
	stripped := registryStripArticle(last)
	i, ok := 0, false
	if x.mayHold(last) {
		i, ok = x.surname[last]
	}
	if !ok && x.mayHold(stripped) {
		i, ok = x.surname[stripped]
	}
	if ok && len(words) <= 3 && (mark(len(words)-1).upper || last != stripped) &&
		!registryTitleWord(last) && registrySameBearer(words[:len(words)-1], r.Entries[i].Name) {
		return hit(i)
	}
	return "", "", "", false
}

// registryWordOffsets returns, appended to buf, the offset in key of each
// of its words (strings.Fields(key)) when key is those words joined by
// single spaces, so that the join of words[s:s+n] is key[at[s]:at[s+n-1]+
// len(words[s+n-1])]; else nil.
func registryWordOffsets(key string, words []string, buf []int) []int {
	n := len(words) - 1
	for _, w := range words {
		n += len(w)
	}
	if len(words) == 0 || n != len(key) {
		return nil
	}
	at, off := append(buf, 0), len(words[0])
	for _, w := range words[1:] {
		if key[off] != ' ' { // one byte of other white space
			return nil
		}
		at = append(at, off+1)
		off += 1 + len(w)
	}
	return at
}

// registryInstitutionHeads are the head words of institutions' names,
// which the surname rule does not read. They are fewer than speakerOrgWords
// on purpose: its "house", "army", "party" and others end entries whose
// surnames the rule has read since it was written, and each word taken out
// of it changes resolutions that would need reading on the corpus first.
var registryInstitutionHeads = map[string]bool{"authority": true, "organization": true, "organisation": true,
	"ministry": true, "department": true, "council": true, "committee": true, "agency": true, "office": true}

// registryNoSurnames are last words of group names that alone name
// something else: "Sharia" is not Ansar al-Sharia, "Islam" not Jaish
// al-Islam, "Peninsula" not al-Qaeda in the Arabian Peninsula. (Other
// groups' last words do stand for them: "Nusra", and "Times" for the New
// York Times.)
var registryNoSurnames = map[string]bool{"al-sharia": true, "al-islam": true, "peninsula": true}

// registryRoleNumber pairs the singular and plural of the nouns a group's
// alias ends in ("Israeli officials"), so that the alias names one member
// or several alike.
var registryRoleNumber = map[string]string{"official": "officials", "officials": "official", "diplomat": "diplomats", "diplomats": "diplomat"}

// registryPostTitles are the posts an alias before them only places:
// "Palestinian U.N. Ambassador", "Iranian UN envoy".
var registryPostTitles = wordSet(`ambassador envoy representative delegate`)

// registryTitleWord reports whether a surname is also a title: "King"
// alone is as often a king as Peter King.
func registryTitleWord(w string) bool {
	_, f := speakerWordInfo(w)
	return f&swTitles != 0
}

// registryStripArticle drops the Arabic article from a surname key, so
// that "al-Mekdad" and "Mekdad", "el-Sissi" and "Sissi" are one surname.
func registryStripArticle(w string) string {
	for _, p := range [...]string{"al-", "el-"} {
		if len(w) > len(p)+1 && strings.HasPrefix(w, p) {
			return w[len(p):]
		}
	}
	return w
}

// registrySameBearer reports whether the words before a surname leave it
// the entry's: titles ("Foreign Minister Lavrov"), the entry's own first
// name and initials ("Susan E. Rice" for Susan Rice). Any other word names
// someone else: "Larry Johnson" is not Boris Johnson, "Israeli media" not
// Russian media.
func registrySameBearer(words []string, entry string) bool {
	first, _, _ := strings.Cut(registryKey(entry), " ")
	for k, w := range words {
		if _, f := speakerWordInfo(w); f&(swTitles|swHonorifics) != 0 || w == "of" {
			continue
		}
		if k == 0 && w == first || len(w) == 1 || len(w) == 2 && w[1] == '.' {
			continue
		}
		return false
	}
	return true
}
