package analysis

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// cleanHeaderLines is how many non-chrome lines at the top of an article may
// hold its title, date and byline. Past them, or past the first body line,
// every line is body.
const cleanHeaderLines = 6

// cleanTitleMaxWords bounds a title found in the text: a longer first line
// is a lede paragraph (newspaper3k output starts with one), not a headline.
const cleanTitleMaxWords = 30

// Clean strips page chrome from scraped article text and finds its title and date.
//
// Chrome is icon-name runs, lines made of UI words ("Share Tweet Email",
// "Advertisement"), link lines ("READ MORE: ...", "Related: ..."), share and
// subscribe prompts, cookie notices and photo credits. A line is dropped only
// when it is short and looks like chrome as a whole, so real sentences that
// merely contain such words stay.
//
// Known values win: a non-empty known.Title is the title (and the body's
// first line is removed when it is that title), a non-empty known.Published
// is the date. Otherwise the first substantive line near the top is the
// title, and a date line near the top gives the date (see Document).
//
// The body keeps the paragraphs, joined by "\n\n"; line breaks inside a
// paragraph stay "\n". Text with no blank line at all has one paragraph per
// line, as newspaper3k writes it. The output is always valid UTF-8. Text
// and a known title garbled by UTF-8 read as Windows-1252 ("Syriaâ€™s")
// are repaired first when they can be undone whole (cleanRepairMojibake).
func Clean(raw string, known Meta) Document { return cleanDocument(raw, known, false) }

// cleanDocument is Clean; plain says that cleanPrepare(raw) is raw, as
// checkText finds it to be for most articles, so raw is not read again to
// prepare it.
func cleanDocument(raw string, known Meta, plain bool) Document {
	text := raw
	if !plain {
		text = cleanPrepare(raw)
	}
	text = cleanHoverCards(text)
	doc := Document{
		Title:     strings.TrimSpace(cleanRepairMojibake(strings.ToValidUTF8(known.Title, "\uFFFD"))),
		Published: strings.TrimSpace(strings.ToValidUTF8(known.Published, "\uFFFD")),
	}
	knownTitle := doc.Title != ""
	knownDate := doc.Published != ""

	type keptLine struct {
		text string
		off  int  // where text stands in the normalised text
		brk  bool // a blank line stands between this line and the previous kept one
	}
	kept := make([]keptLine, 0, strings.Count(text, "\n")/2+1)
	// The pairs of letters cleanIsChrome looks for words at are found in
	// the whole text at once, rather than line by line.
	var pairBuf [256]int
	pairs := cleanScanPairs(text, pairBuf[:0])
	header := true     // still among the title, date and byline lines
	titleDone := false // the title line has been found or ruled out
	headerSeen := 0    // non-chrome lines seen while in the header
	blank := false     // a blank line was seen since the last kept line
	size := 0          // bytes of kept text
	for rest := text; rest != ""; {
		if rest[0] == '\n' {
			// A blank line, stepped over with no search for its end.
			blank = true
			rest = rest[1:]
			continue
		}
		var line string
		lineOff := len(text) - len(rest)
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			line, rest = rest, ""
		}
		// The line is trimmed as strings.TrimSpace trims, lead being the
		// bytes trimmed before it; but a line that starts or ends with a
		// printable ASCII byte, as most do, has no space to trim there.
		lead := 0
		if c := line[0]; c <= ' ' || c >= utf8.RuneSelf {
			trimmed := strings.TrimLeftFunc(line, unicode.IsSpace)
			lead, line = len(line)-len(trimmed), trimmed
			if line == "" {
				blank = true
				continue
			}
		}
		if c := line[len(line)-1]; c <= ' ' || c >= utf8.RuneSelf {
			line = strings.TrimRightFunc(line, unicode.IsSpace)
		}
		// The pairs in the line, but for one whose first letter stands
		// before it, are the ones a scan of the line alone finds.
		start := lineOff + lead
		for len(pairs) > 0 && pairs[0] <= start {
			pairs = pairs[1:]
		}
		var found cleanScan
		for len(pairs) > 0 && pairs[0] < start+len(line) {
			found.at(line, pairs[0]-start)
			pairs = pairs[1:]
		}
		if icons, cookie, promo := found.result(); cleanIsChrome(line, icons, cookie, promo) {
			continue
		}
		// (cleanIsLabel's length test is made here too: it spares most
		// lines a call.)
		if len(line) <= cleanLabelMaxBytes && cleanIsLabel(line) {
			// The line after a label is a lede or a plug, not the title.
			titleDone = titleDone || header
			continue
		}
		if header {
			headerSeen++
			if headerSeen > cleanHeaderLines {
				header = false
			}
		}
		if header && !titleDone && cleanIsNameList(line) {
			// A byline of bare names over an agency line ("John Bacon",
			// "USA TODAY") is neither title nor text, and a title in the
			// text stands above it, so none is looked for below.
			if next, after := cleanPeekLine(rest); cleanIsAgencyLine(next) {
				rest = after
				titleDone = true
				continue
			}
		}
		if header && !titleDone && cleanIsBareByline(line) {
			// "Scott Jennings", "John Bacon and Jane Onyanga-Omara": the
			// writer's name alone, over the text; a title stands
			// above it, so none is looked for below.
			titleDone = true
			continue
		}
		if header {
			if date, ok := cleanMetaLine(line); ok {
				if !knownDate && doc.Published == "" {
					doc.Published = date
				}
				continue
			}
			if !titleDone {
				titleDone = true
				if knownTitle {
					if cleanSameWords(line, doc.Title) {
						continue
					}
				} else if t := cleanTitleText(line); cleanLooksLikeTitle(t) {
					doc.Title = t
					continue
				}
			}
			header = false
		}
		kept = append(kept, keptLine{text: line, off: lineOff + lead, brk: blank && len(kept) > 0})
		blank = false
		size += len(line) + 2
	}

	// With no blank line between kept lines, each line is a paragraph.
	perLine := true
	for _, k := range kept {
		if k.brk {
			perLine = false
			break
		}
	}
	// When the kept lines already stand in the text joined as the body
	// joins them (nothing dropped between them, the same breaks), the body
	// is that stretch of the text, with no copy.
	if n := len(kept); n > 0 {
		same := true
		for i, k := range kept {
			same = text[k.off:k.off+len(k.text)] == k.text
			if i > 0 && same {
				sep := "\n"
				if perLine || k.brk {
					sep = "\n\n"
				}
				prevEnd := kept[i-1].off + len(kept[i-1].text)
				same = k.off == prevEnd+len(sep) && text[prevEnd:k.off] == sep
			}
			if !same {
				break
			}
		}
		if same {
			doc.Body = text[kept[0].off : kept[n-1].off+len(kept[n-1].text)]
			return doc
		}
	}
	var b strings.Builder
	b.Grow(size)
	for i, k := range kept {
		if i > 0 {
			if perLine || k.brk {
				b.WriteString("\n\n")
			} else {
				b.WriteByte('\n')
			}
		}
		b.WriteString(k.text)
	}
	doc.Body = b.String()
	return doc
}

// cleanPrepare returns cleanNormalize(cleanRepairMojibake(raw)), reading
// raw once in the common case: cleanRepairMojibake leaves alone a text with
// no byte 0xC3 (the lead byte of every telltale of cleanLooksMojibake), and
// cleanNormalize, which looks at each byte outside ASCII, tells whether raw
// has one.
func cleanPrepare(raw string) string {
	text, c3 := cleanNormalizeC3(raw)
	if c3 {
		return cleanNormalize(cleanRepairMojibake(raw))
	}
	return text
}

// cleanNormalize makes raw safe to split into lines: "\r\n", "\r", U+2028
// and U+2029 become "\n", C0 control characters other than "\n" and "\t"
// and a byte-order mark go, U+00A0 becomes a plain space, and invalid UTF-8
// becomes U+FFFD. It returns raw itself when nothing needs changing, which
// is the common case.
func cleanNormalize(raw string) string {
	text, _ := cleanNormalizeC3(raw)
	return text
}

// cleanNormalizeC3 is cleanNormalize, and reports whether raw holds a byte
// 0xC3. Such a byte is never a continuation byte, so it starts one of the
// runes decoded here.
func cleanNormalizeC3(raw string) (text string, c3 bool) {
	i := 0
	for i < len(raw) {
		if i+8 <= len(raw) {
			// Eight ASCII bytes with no control character at a time. When
			// one of the eight is not, the bytes before it are, and the
			// loop goes on from it: a line break or a curly quote costs
			// one look at its byte, not one look at eight bytes for each
			// byte before it.
			x := speakerLoad8(raw, i)
			m := textStops8(x)
			if m == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(m) >> 3
		}
		c := raw[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' && c != '\t' {
				break
			}
			i++
			continue
		}
		c3 = c3 || c == 0xC3
		r, n := utf8.DecodeRuneInString(raw[i:])
		if cleanRuneChanges(r, n) {
			break
		}
		i += n
	}
	if i == len(raw) {
		return raw, c3
	}
	var b strings.Builder
	b.Grow(len(raw))
	b.WriteString(raw[:i])
	for i < len(raw) {
		// A run of printable ASCII bytes, found eight at a time as above,
		// is written whole: a text with one line break in "\r\n" was
		// copied a byte a call to the end.
		j := i
		for j+8 <= len(raw) && textStops8(speakerLoad8(raw, j)) == 0 {
			j += 8
		}
		for j < len(raw) && raw[j] >= 0x20 && raw[j] < utf8.RuneSelf {
			j++
		}
		if j > i {
			b.WriteString(raw[i:j])
			i = j
			continue
		}
		c3 = c3 || raw[i] == 0xC3
		i = cleanNormalizeAt(&b, raw, i)
	}
	return b.String(), c3
}

// cleanNormalizeAt writes to b what cleanNormalize makes of the byte or
// rune at raw[i], and returns the offset after it.
func cleanNormalizeAt(b *strings.Builder, raw string, i int) int {
	if c := raw[i]; c < utf8.RuneSelf {
		switch {
		case c == '\r':
			b.WriteByte('\n')
			if i+1 < len(raw) && raw[i+1] == '\n' {
				i++
			}
		case c < 0x20 && c != '\n' && c != '\t':
			// Dropped: NUL and other control characters.
		default:
			b.WriteByte(c)
		}
		return i + 1
	}
	r, n := utf8.DecodeRuneInString(raw[i:])
	switch {
	case r == utf8.RuneError && n == 1:
		b.WriteRune(utf8.RuneError)
	case r == '\u00A0':
		b.WriteByte(' ')
	case r == '\u2028' || r == '\u2029':
		b.WriteByte('\n')
	case r == '\uFEFF':
		// Dropped: a byte-order mark carries no text.
	default:
		b.WriteString(raw[i : i+n])
	}
	return i + n
}

// cleanRuneChanges reports whether cleanNormalize rewrites the non-ASCII
// rune r of encoded length n.
func cleanRuneChanges(r rune, n int) bool {
	return r == utf8.RuneError && n == 1 || r == '\u00A0' || r == '\u2028' || r == '\u2029' || r == '\uFEFF'
}

// cleanLooksLikeTitle reports whether line, the first substantive line of an
// article, can be its headline: a line of words that is not a paragraph.
func cleanLooksLikeTitle(line string) bool {
	// The first line is often the lede, a long paragraph: its words are
	// counted only as far as the bound.
	if len(line) > 400 {
		return false
	}
	n := countWordsUpTo(line, cleanTitleMaxWords+1)
	if n == 0 || n > cleanTitleMaxWords || cleanIsTimeOrDay(line) {
		return false
	}
	// A line ending in a colon ("Its prospects:") heads a section, not
	// the article; a bulleted line is an item of a list ("• A daily
	// summary of global reports on security issues.").
	if strings.HasSuffix(line, ":") || strings.HasPrefix(line, "•") || strings.HasPrefix(line, "· ") {
		return false
	}
	// A line of more than ten words that ends as a sentence, perhaps inside
	// a quote, is a lede or a caption, not a headline.
	end := strings.TrimRight(line, "\"'”’)] ")
	return !(n > 10 && strings.HasSuffix(end, "."))
}

// cleanTitleText returns the headline a title line holds: CNN's first
// "Story highlights" line is the summary under a label, the best headline
// a page scraped without its own has.
func cleanTitleText(line string) string {
	// A video player's attribute left before the headline:
	// `poster="http://v.politico.com/images/....jpg" Trump commemorates ...`.
	if rest, ok := strings.CutPrefix(line, `poster="`); ok {
		if i := strings.IndexByte(rest, '"'); i >= 0 {
			line = strings.TrimSpace(rest[i+1:])
		}
	}
	for _, p := range [...]string{"Story highlights ", "Story Highlights ", "STORY HIGHLIGHTS "} {
		// At the start (CNN) or after a caption and its credit (USA
		// TODAY: "... luncheon. (Photo: Pool photo from Getty Images)
		// Story Highlights Lawmakers on both sides ...").
		if i := strings.Index(line, p); i == 0 || i > 0 && strings.HasSuffix(strings.TrimSpace(line[:i]), ")") {
			if rest := strings.TrimSpace(line[i+len(p):]); rest != "" {
				return rest
			}
		}
	}
	// POLITICO's pages run the picture's caption and credit into the
	// headline: "... in the past. | AP Photo Netanyahu says Hamas violating
	// its own cease-fire", "... | John Shinkle/POLITICO Senate takes its
	// own path on CR". The headline is what follows the credit.
	// strings.LastIndex reads the line a byte at a time, and few lines
	// hold a bar at all: strings.IndexByte, which reads many bytes an
	// instruction, tells first.
	if strings.IndexByte(line, '|') < 0 {
		return line
	}
	if i := strings.LastIndex(line, " | "); i > 0 {
		words := strings.Fields(line[i+3:])
		skip := 0
		for k, w := range words {
			if k >= 5 {
				break
			}
			if strings.Contains(w, "/") || cleanIsUpperStart(w) && cleanTitleCreditWords[strings.ToLower(w)] {
				skip = k + 1
			}
		}
		if skip > 0 && skip < len(words) {
			return strings.Join(words[skip:], " ")
		}
	}
	return line
}

// cleanTitleCreditWords are the words of a picture credit run into a
// headline, capitalized there: some of cleanCreditWords, not the ones a
// headline uses ("staff", "file", "pool").
var cleanTitleCreditWords = cleanWordSet(`reuters ap photo photos getty images afp`)

// cleanIsTimeOrDay reports whether line is only a time of day or a weekday,
// a dateline's remains ("3:54 p.m.", "Sunday"), which cannot be a title.
func cleanIsTimeOrDay(line string) bool {
	// A time opens with a digit and a weekday with one of these letters,
	// in either case; the line lowered starts with the lowered first rune
	// of the line, which outside ASCII is none of them (the runes that
	// lower to ASCII letters lower to 'i' and 'k'). Most lines so need no
	// copy in lower case.
	if line != "" && !('0' <= line[0] && line[0] <= '9') && strings.IndexByte("mtwfsMTWFS", line[0]) < 0 {
		return false
	}
	t := strings.TrimRight(line, " ,")
	if len(t) > 3*len("wednesday") && !('0' <= t[0] && t[0] <= '9') {
		// No weekday: each letter of its name is lowered from one rune,
		// ASCII or one of the two runes that lower to ASCII (U+0130 to
		// 'i' and U+212A to 'k'), of three bytes at most.
		return false
	}
	return cleanIsTimeOrDayLower(strings.ToLower(t))
}

// cleanIsTimeOrDayLower is cleanIsTimeOrDay of a line in lower case with
// no trailing spaces or commas.
func cleanIsTimeOrDayLower(l string) bool {
	if fullWeekday(l) {
		return true
	}
	i := 0
	for i < len(l) && i < 2 && '0' <= l[i] && l[i] <= '9' {
		i++
	}
	if i == 0 || i+3 > len(l) || l[i] != ':' || !('0' <= l[i+1] && l[i+1] <= '9' && '0' <= l[i+2] && l[i+2] <= '9') {
		return false
	}
	switch strings.TrimSpace(l[i+3:]) {
	case "", "a.m.", "p.m.", "am", "pm", "a.m", "p.m":
		return true
	}
	return false
}

// cleanIsBareByline reports whether line is one or a few people's names
// alone, as a writer's byline without "By": each name two or three words
// starting with a known first name ("Scott Jennings", "michael barbaro",
// "Susan Davis, David Jackson and Gregory Korte"). A headline in title case
// starts with a name far less often than with a place or a verb, and the
// first-name test keeps "Boston Marathon Bombing" a title.
func cleanIsBareByline(line string) bool {
	if len(line) > 80 || quoteHasMark(line) || strings.ContainsAny(line, ".:;?!()0123456789") {
		return false
	}
	lower := strings.ToLower(line) == line
	names := 0
	for _, name := range strings.Split(strings.ReplaceAll(line, ", and ", " and "), " and ") {
		for _, part := range strings.Split(name, ", ") {
			words := strings.Fields(part)
			if len(words) < 2 || len(words) > 3 {
				return false
			}
			first := strings.ToLower(words[0])
			if !speakerMaleNames[first] && !speakerFemaleNames[first] {
				return false
			}
			for _, w := range words {
				if !lower && !cleanIsUpperStart(w) {
					return false
				}
			}
			names++
		}
	}
	return names > 0
}

// cleanPeekLine returns the next non-blank line of rest, trimmed, and the
// text after it.
func cleanPeekLine(rest string) (line, after string) {
	for rest != "" {
		line, after, _ = strings.Cut(rest, "\n")
		if line = strings.TrimSpace(line); line != "" {
			return line, after
		}
		rest = after
	}
	return "", ""
}

// cleanIsNameList reports whether line is nothing but people's names, as a
// byline without "By" gives them: "Yousef Al-Helou, Ilana Conway and John
// Bacon", "Kim Hjelmgaard, and William M. Welch". Every word is capitalised
// but the joining "and"; there are two to twelve words and no sentence end.
func cleanIsNameList(line string) bool {
	if len(line) > 120 || quoteHasMark(line) || strings.ContainsAny(line, ":;?!()0123456789") || strings.HasSuffix(line, ".") {
		return false
	}
	names := 0
	for _, f := range strings.Fields(line) {
		f = strings.TrimSuffix(f, ",")
		switch {
		case f == "and" || f == "&":
		case f != "" && 'A' <= f[0] && f[0] <= 'Z':
			names++
		default:
			return false
		}
	}
	return names >= 2 && names <= 12
}

// cleanIsAgencyLine reports whether line is an outlet's or agency's name
// alone, in capitals: "USA TODAY", "THE ASSOCIATED PRESS".
func cleanIsAgencyLine(line string) bool {
	if line == "" || len(line) > 30 || strings.Count(line, " ") > 2 {
		return false
	}
	for i := 0; i < len(line); i++ {
		if c := line[i]; !('A' <= c && c <= 'Z' || c == ' ' || c == '&' || c == '.') {
			return false
		}
	}
	return true
}

// cleanSameWords reports whether a and b hold the same words, ignoring case,
// punctuation and spacing, so that a title from a form field matches the
// same title in the text with other quotation marks or dashes.
func cleanSameWords(a, b string) bool {
	i, j := 0, 0
	for {
		as, ae, aok := NextWord(a, i)
		bs, be, bok := NextWord(b, j)
		if !aok || !bok {
			return aok == bok
		}
		if !strings.EqualFold(a[as:ae], b[bs:be]) {
			return false
		}
		i, j = ae, be
	}
}

// cleanHasWordRune reports whether s holds a letter or digit in any script.
func cleanHasWordRune(s string) bool {
	for _, r := range s {
		if isWordRune(r) {
			return true
		}
	}
	return false
}

// cleanIsUpperASCII reports whether s has no lower-case ASCII letter and at
// least one upper-case one.
func cleanIsUpperASCII(s string) bool {
	upper := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' {
			return false
		}
		if 'A' <= c && c <= 'Z' {
			upper = true
		}
	}
	return upper
}

// cleanStartsWithFold reports whether s starts with prefix, ignoring ASCII case.
// It is strings.EqualFold(s[:len(prefix)], prefix), with the common cases
// settled here: the ASCII bytes both start with are compared in place, and
// a byte outside ASCII in s against the ASCII rest of prefix rules prefix
// out, since an ASCII letter folds only to ASCII letters or to runes of
// more bytes (K, ſ), which leave s[:len(prefix)] too few runes to match.
// EqualFold, which decodes runes, settles a prefix not in ASCII.
func cleanStartsWithFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		a, b := s[i], prefix[i]
		if a|b >= utf8.RuneSelf {
			if speakerASCII(prefix[i:]) {
				return false
			}
			return strings.EqualFold(s[i:len(prefix)], prefix[i:])
		}
		if a != b && (a|0x20 != b|0x20 || a|0x20 < 'a' || a|0x20 > 'z') {
			return false
		}
	}
	return true
}

// cleanIsSpaceByte reports whether c is ASCII white space.
func cleanIsSpaceByte(c byte) bool { return c == ' ' || c == '\t' }

// cleanFirstRune returns the first rune of s, or utf8.RuneError when s is empty.
func cleanFirstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// cleanIsUpperStart reports whether s starts with an upper-case letter.
func cleanIsUpperStart(s string) bool { return unicode.IsUpper(cleanFirstRune(s)) }

// cleanHoverCards removes the hover cards some sites (The Hill) print
// after a person's name: the full legal name run into the titles of
// recent headlines and a closing "MORE", as in "Chairman John McCain John
// Sidney McCain2020 Democrats make play for veterans' votes ... MORE
// (R-Ariz.)". Such a card is known by the surname said twice, the second
// time glued to the next word ("McCain2020", "TillisThis"); the text keeps
// the name as the article gives it: "Chairman John McCain (R-Ariz.)".
func cleanHoverCards(text string) string {
	// "MORE" is searched for rather than " MORE": a leading space makes
	// strings.Index stop at every space of the text.
	if !strings.Contains(text, "MORE") {
		return text
	}
	var b strings.Builder
	last := 0 // text[:last] is written or dropped
	for from := 0; ; {
		k := strings.Index(text[from:], "MORE")
		if k < 0 {
			break
		}
		m := from + k - 1 // the space before "MORE"
		end := m + len(" MORE")
		from = end
		if m < 0 || text[m] != ' ' {
			continue
		}
		if end < len(text) && (cleanIsLetterByte(text[end]) || text[end] >= 0x80 && !strings.HasPrefix(text[end:], "’")) {
			continue // "MOREOVER"; "MORE’s" is the name's possessive
		}
		lo := max(last, m-1000)
		if nl := strings.LastIndexByte(text[lo:m], '\n'); nl >= 0 {
			lo += nl + 1
		}
		d, ok := cleanCardStart(text[lo:m])
		if !ok {
			continue
		}
		b.WriteString(text[last : lo+d])
		last = end
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

// cleanCardStart returns where a hover card starts in s, the text before
// its "MORE": right after the name the article gives ("John McCain"),
// before the legal name whose surname is glued to the first headline
// ("John Sidney McCain2020 Democrats ...").
func cleanCardStart(s string) (int, bool) {
	for g := 1; g < len(s); g++ {
		if !(s[g-1] >= 'a' && s[g-1] <= 'z') || !(s[g] >= 'A' && s[g] <= 'Z' || s[g] >= '0' && s[g] <= '9') {
			continue
		}
		// The surname ends at g and starts the word ("McCain2020": a
		// capital inside a name, "Mc|Cain", finds no mention below).
		w := strings.LastIndexByte(s[:g], ' ') + 1
		if w == 0 || s[w] < 'A' || s[w] > 'Z' {
			continue
		}
		surname := s[w:g]
		// The legal name: at most five words (or a nickname in
		// parentheses) before the surname, the first one right after
		// the article's own mention of the same surname.
		ls := w
		for n := 0; n < 5 && ls >= 2 && s[ls-1] == ' '; n++ {
			j := ls - 1
			for j > 0 && s[j-1] != ' ' {
				j--
			}
			if j == ls-1 {
				break
			}
			if strings.HasPrefix(s[j:], surname+" ") {
				return j + len(surname), true
			}
			if c := s[j]; !(c >= 'A' && c <= 'Z' || c == '(') {
				break
			}
			ls = j
		}
	}
	// Some cards leave a space after the legal name: "Speaker Paul Ryan
	// Paul Davis Ryan Retirees should say ...", "Joe Biden Joe Biden
	// Parnas: ...". The card starts after the first of a surname said
	// twice with only capitalized words between.
	words := strings.Fields(s)
	off := make([]int, len(words)) // the end of each word in s
	for i, at := 0, 0; i < len(words); i++ {
		at = strings.Index(s[at:], words[i]) + at + len(words[i])
		off[i] = at
	}
	// Of the words said twice, the surname is the one whose second
	// occurrence ends the legal name ("Paul Ryan Paul Davis Ryan": Ryan).
	best, bestJ := -1, -1
	for i := range words {
		w := words[i]
		if w[0] < 'A' || w[0] > 'Z' || len(w) < 3 {
			continue
		}
		for j := i + 1; j < len(words) && j <= i+4; j++ {
			// Capitalized words and a nickname in brackets: "Lindsey
			// Olin (Lindsey) Graham".
			if c := words[j][0]; !(c >= 'A' && c <= 'Z' || c == '(') {
				break
			}
			if words[j] == w && j+1 < len(words) && j > i+1 && j > bestJ {
				best, bestJ = i, j
			}
		}
	}
	if best < 0 {
		return 0, false
	}
	return off[best], true
}
