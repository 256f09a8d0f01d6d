package analysis

import (
	"bytes"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// cleanChromeMaxWords bounds the lines that a prompt or link prefix can make
// chrome: a long paragraph that happens to open with "Continue reading" is
// text.
const cleanChromeMaxWords = 40

// cleanVocabMaxBytes bounds the lines tested for UI vocabulary. Longer lines
// are never a row of buttons, and skipping them keeps cleaning fast.
const cleanVocabMaxBytes = 120

// cleanPrefix is a phrase that makes a short line chrome when the line
// starts with it.
type cleanPrefix struct {
	text string
	// delim asks for a delimiter after the phrase (":", "-", "»", "...") or
	// the end of the line, unless the phrase is in capitals ("READ MORE
	// Moscow slams West"). Without it, a word boundary is enough.
	delim bool
}

// cleanPrefixes lists link-line and prompt phrases, by their first letter
// (lower case) for a quick look-up.
var cleanPrefixes = cleanIndexPrefixes([]cleanPrefix{
	// Link lines: a label, then the title of another article.
	{"read more", true}, {"read more from", false}, {"read more about", false},
	{"read or share this story", false}, {"read also", true}, {"also read", true}, {"see also", true},
	{"related", true}, {"related articles", true}, {"related stories", true},
	{"related coverage", true}, {"related content", true}, {"related video", true},
	{"related news", true}, {"more", true}, {"more on this", true}, {"more from", true},
	{"also on", true}, {"watch", true}, {"photos", true}, {"photo", true},
	{"video", true}, {"videos", true}, {"listen", true}, {"special coverage", true},
	{"recommended", true}, {"trending", true}, {"most read", true}, {"most popular", true},
	{"top stories", true}, {"editor's picks", true}, {"you may also like", true},
	{"you might also like", true}, {"more stories", true}, {"latest news", true},
	// Prompts: share, follow, subscribe, sign in, click.
	{"share this", false}, {"share on", false}, {"share via", false}, {"share with", true},
	{"tweet this", false}, {"email this", false}, {"print this", false},
	{"follow us", false}, {"follow @", false}, {"follow me on", false},
	{"like us on", false}, {"join us on", false}, {"find us on", false},
	{"subscribe to", false}, {"subscribe now", false}, {"subscribe for", false},
	{"subscribe today", false}, {"sign up for", false}, {"sign up to", false},
	{"sign up now", false}, {"sign up here", false}, {"sign in to", false},
	{"sign in or", false}, {"log in to", false}, {"log in or", false},
	{"register to", false}, {"click here", false}, {"click for more", false},
	{"tap here", false}, {"download our", false}, {"download the app", false},
	{"get the latest", false}, {"get our", false}, {"get breaking news", false},
	{"get the monitor stories", false}, {"manage newsletters", false},
	{"send letters to", false}, {"leave a comment", false}, {"post a comment", false},
	{"view comments", false}, {"show comments", false}, {"join the conversation", false},
	// Page furniture around ads, players and images.
	{"advertisement continue reading", false}, {"advertisement get", false},
	{"this article is more than", false}, {"back to top", false}, {"back to the top", false},
	{"return to the top", false}, {"take me back to the top", false}, {"story continued below", false},
	{"story continues below", false}, {"article continues below", false},
	{"continue reading", false}, {"scroll to continue", false}, {"skip ad", false},
	{"skip advertisement", false}, {"media playback is unsupported", false},
	{"enlarge this image", false}, {"toggle caption", false}, {"image copyright", false},
	{"image caption", false}, {"media caption", false}, {"image source", false},
	{"just watched", false}, {"must watch", false}, {"replay more videos", false},
	{"watch the latest video", false}, {"next image", false}, {"prev image", false},
	{"previous image", false}, {"play video", false}, {"read the full story", false},
	{"read the full article", false}, {"listen to this article", false},
	// Copyright and cookie notices.
	{"copyright ©", false}, {"copyright (c)", false}, {"©", false},
	{"all rights reserved", false}, {"we use cookies", false},
	{"this site uses cookies", false}, {"this website uses cookies", false},
	{"by continuing to use", false}, {"by using this site", false},
	{"by using this website", false}, {"by using our", false}, {"by signing up", false},
	{"accept cookies", false}, {"accept all cookies", false}, {"cookie policy", false},
	{"cookie settings", false}, {"privacy policy", false}, {"terms of use", false},
	{"terms of service", false},
	// The same in other languages the dashboard's users read.
	{"читайте также", true}, {"читать далее", true}, {"подробнее", true},
	{"اقرأ المزيد", true}, {"اقرأ أيضا", true}, {"اقرأ أيضاً", true},
})

// cleanIndexedPrefix is a cleanPrefix with its first bytes (up to four)
// in lower case, for a quick look at a line before strings.EqualFold.
type cleanIndexedPrefix struct {
	cleanPrefix
	head, mask uint32 // the bytes and which of them count (cleanHead4)
	// firsts holds, for a phrase with runes outside ASCII in its first
	// bytes (mask 0), its first rune in each of its case forms (the
	// orbit of unicode.SimpleFold): a line that starts with another rune
	// cannot start with the phrase.
	firsts []rune
}

// cleanPrefixBucket holds the prefixes of one cleanPrefixKey, and their
// cleanHead4 heads apart, each head|mask<<32: the look at a line's first
// bytes reads the heads alone, which rule out nearly all prefixes.
type cleanPrefixBucket struct {
	heads []uint64
	list  []cleanIndexedPrefix
	// loose is set when a prefix of the bucket has fewer than four bytes
	// in its head (mask 0 or a short phrase): cleanPrefixHeadSet cannot
	// rule a line of the bucket out.
	loose bool
}

// cleanIndexPrefixes buckets prefixes by cleanPrefixKey.
func cleanIndexPrefixes(list []cleanPrefix) *[256]cleanPrefixBucket {
	m := new([256]cleanPrefixBucket)
	for _, p := range list {
		c := cleanPrefixKey(p.text)
		e := cleanIndexedPrefix{cleanPrefix: p}
		e.head, e.mask = cleanHead4(p.text)
		if !speakerASCII(p.text[:min(4, len(p.text))]) {
			// A rune outside ASCII may match another case form with
			// other bytes: only strings.EqualFold can tell, after a look
			// at the first rune.
			e.head, e.mask = 0, 0
			first, _ := utf8.DecodeRuneInString(p.text)
			e.firsts = []rune{first}
			for r := unicode.SimpleFold(first); r != first; r = unicode.SimpleFold(r) {
				e.firsts = append(e.firsts, r)
			}
		}
		m[c].list = append(m[c].list, e)
		m[c].heads = append(m[c].heads, uint64(e.head)|uint64(e.mask)<<32)
		m[c].loose = m[c].loose || e.mask != 0xFFFFFFFF
	}
	return m
}

// cleanPrefixHeadSet has the bit cleanPrefixHeadBit set for the head of
// each prefix with four bytes in it. A line whose head has no bit set
// starts with none of them, which one look tells for most lines, where
// the bucket's heads were read one by one ("s" holds more than twenty).
var cleanPrefixHeadSet = func() (set [1 << cleanPrefixHeadLog / 64]uint64) {
	for c := range cleanPrefixes {
		for _, p := range cleanPrefixes[c].list {
			if p.mask == 0xFFFFFFFF {
				b := cleanPrefixHeadBit(p.head)
				set[b/64] |= 1 << (b % 64)
			}
		}
	}
	return set
}()

// cleanPrefixHeadLog is the base-2 log of the bits of cleanPrefixHeadSet:
// the 69 distinct heads of the 134 prefixes, in 4,096 bits, pass few other
// heads.
const cleanPrefixHeadLog = 12

// cleanPrefixHeadBit is the bit of cleanPrefixHeadSet for the head of a
// line or prefix (cleanHead4).
func cleanPrefixHeadBit(head uint32) uint32 { return head * 0x9E3779B1 >> (32 - cleanPrefixHeadLog) }

// cleanHead4 returns the first four bytes of s (fewer when s is shorter)
// with ASCII capitals lowered, the first in the low byte, and a mask of
// the bytes s has.
func cleanHead4(s string) (head, mask uint32) {
	if len(s) >= 4 {
		// The four bytes at once: the high bit speakerUpper8 gives each
		// capital, moved to its 0x20 bit (the four bytes above are zero,
		// and no capital).
		x := uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
		return x | uint32(speakerUpper8(uint64(x))>>2), 0xFFFFFFFF
	}
	for j := 0; j < 4 && j < len(s); j++ {
		c := s[j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		head |= uint32(c) << (8 * j)
		mask |= 0xFF << (8 * j)
	}
	return head, mask
}

// cleanPrefixKey is the bucket of a line or prefix: its first byte folded to
// lower case, or 0x80 for all that start with a non-ASCII rune (whose case
// forms may differ in their first byte).
func cleanPrefixKey(s string) byte {
	c := s[0]
	switch {
	case c >= 0x80:
		return 0x80
	case 'A' <= c && c <= 'Z':
		return c + 'a' - 'A'
	}
	return c
}

// cleanUIWords are the words of buttons, menus and share bars. A short line
// made of them and of cleanUIFiller words is chrome.
const cleanUIWords = `share shares tweet tweets email e-mail mail print comment comments
subscribe subscribed unsubscribe sign login logout log register advertisement advertisements
advertising ad ads sponsored promoted menu search home close next prev previous facebook twitter
whatsapp linkedin pinterest reddit flipboard instagram youtube telegram messenger tumblr copy
link links save saved bookmark bookmarks follow newsletter newsletters manage cookies cookie
accept settings privacy policy terms skip toggle caption enlarge image images photo photos video
videos gallery play replay watch more read post continue loading trending popular latest slideshow
listen audio article slide show`

// cleanLabelWords name a story's genre or urgency. A line of them alone
// ("ANALYSIS/OPINION:", "Urgent:", "Updated") labels what follows.
const cleanLabelWords = `analysis opinion commentary editorial exclusive breaking news urgent
update updated poll`

// cleanLabelMaxBytes bounds the lines cleanIsLabel takes for a label.
const cleanLabelMaxBytes = 40

// cleanIsLabel reports whether line is a genre label and nothing more.
func cleanIsLabel(line string) bool {
	if len(line) > cleanLabelMaxBytes {
		return false
	}
	words := 0
	return cleanASCIIWords(line, func(class uint8) bool {
		words++
		return class&cleanLabelWord != 0
	}) && words > 0
}

// cleanUIFiller are words that neither make nor unmake chrome.
const cleanUIFiller = `a an the this that our us your you to for on in up out of with and or
by at via now here all is`

// The classes of the words cleanASCIIWords reads, as the bits of a byte.
const (
	cleanUIWord uint8 = 1 << iota
	cleanFillerWord
	cleanLabelWord
	cleanCreditWord
	cleanCountWord // digits alone
)

// cleanWordClasses maps each word of cleanUIWords, cleanUIFiller,
// cleanLabelWords and cleanCreditWords to its classes: one look-up tells
// all a test needs to know of a word.
var cleanWordClasses = func() map[string]uint8 {
	m := make(map[string]uint8)
	for _, set := range [...]struct {
		class uint8
		list  string
	}{{cleanUIWord, cleanUIWords}, {cleanFillerWord, cleanUIFiller}, {cleanLabelWord, cleanLabelWords}, {cleanCreditWord, cleanCreditWords}} {
		for _, w := range strings.Fields(set.list) {
			m[w] |= set.class
		}
	}
	return m
}()

// cleanWordSet splits a space-separated list into a set.
func cleanWordSet(list string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}

// cleanCreditWords name photo agencies and credit labels; a short line with a
// slash and one of them is a photo credit ("Rob Griffith/AP Photo").
const cleanCreditWords = `ap photo photos getty images reuters afp epa staff file
pool xinhua anadolu sipa shutterstock`

// cleanTimeUnits are the units of a relative timestamp ("6 years ago").
var cleanTimeUnits = cleanWordSet(`second seconds sec secs minute minutes min mins hour hours hr hrs
day days week weeks month months year years`)

// cleanIsChrome reports whether line, trimmed and not empty, is page chrome,
// given what cleanScan found in line (Clean scans all lines at once).
func cleanIsChrome(line string, icons int, cookie, promo bool) bool {
	if !cleanHasWordRune(line) {
		return true // separators: "***", "___", "• • •"
	}
	if icons >= 3 && cleanIsIconRun(line) {
		return true
	}
	if cleanHasChromePrefix(line) || cleanIsGallery(line) || cleanIsCaption(line) || cleanIsVideoBlurb(line) {
		return true
	}
	if cookie && cleanIsCookieNotice(line) {
		return true
	}
	if strings.HasSuffix(line, "Add Interest") {
		return true // "Interested in Syria? Add Syria as an interest ... Add Interest"
	}
	if len(line) <= cleanPromoMaxBytes && cleanIsPromo(line, promo) {
		return true
	}
	if promo && strings.Contains(line, "not a robot by clicking") {
		// A sign-up form with all its messages on one line, longer than
		// any plug: "Newsletter Sign Up Continue reading the main story
		// Please verify you're not a robot by clicking the box. Invalid
		// email address. ..." (the New York Times).
		return true
	}
	if len(line) > cleanVocabMaxBytes {
		return false
	}
	switch line[0] {
	case '[', '{':
		// Placeholders left by templates: "[pullquote]", "{articleGUID}".
		last := line[len(line)-1]
		if (last == ']' || last == '}') && !strings.ContainsAny(line, " \t") {
			return true
		}
	}
	if strings.HasSuffix(line, " ago") && cleanIsRelativeTime(line) {
		return true
	}
	return cleanIsUIWords(line) || cleanIsCredit(line) || cleanIsFollowPrompt(line)
}

// cleanSocialSites are the sites a follow prompt names.
var cleanSocialSites = [...]string{"Twitter", "Facebook", "Instagram", "YouTube", "TikTok", "Telegram"}

// cleanIsFollowPrompt reports whether line, at most cleanVocabMaxBytes
// long, asks the reader to follow a page on a social site: "Follow CNN
// Opinion Join us on Twitter and Facebook". It opens with "Follow", names
// a site, does not end as a sentence does and quotes no one, which keeps
// "Follow the money, he wrote on Twitter."
func cleanIsFollowPrompt(line string) bool {
	if !cleanStartsWithFold(line, "follow ") || strings.ContainsAny(line[len(line)-1:], ".!?") ||
		strings.ContainsAny(line, "\"“”") {
		return false
	}
	for _, site := range cleanSocialSites {
		if strings.Contains(line, site) {
			return true
		}
	}
	return false
}

// cleanIsGallery reports whether line is a photo gallery as pages flatten
// them, however long the line: it opens with "Photos:" or "Hide caption",
// and holds the captions of slides closed by "Hide Caption 3 of 17" (CNN,
// all slides on one line), or the gallery's title twice ("Photos: Unrest
// in Syria Photos: Unrest in Syria In this photo ..."), or one slide with
// its "Previous Next" buttons (NPR: "Hide caption A memorial honors the
// victims ... Previous Next Michael Reynolds/EPA"). Captions describe
// pictures, not the story, and they quote and label as the story does: a
// 157-slide gallery is 38 KB. Only the opening is looked for on every line.
func cleanIsGallery(line string) bool {
	photos := strings.HasPrefix(line, "Photos:")
	if !photos && (line == "" || line[0]|0x20 != 'h' || !cleanStartsWithFold(line, "hide caption ")) {
		return false
	}
	if photos && strings.Contains(line[len("Photos:"):], "Photos:") ||
		!photos && strings.Contains(line, "Previous Next") {
		return true
	}
	for rest := line; ; {
		i := strings.Index(rest, "Hide Caption ")
		if i < 0 {
			return false
		}
		rest = rest[i+len("Hide Caption "):]
		n := digitRun(rest)
		if n > 0 && strings.HasPrefix(rest[n:], " of ") && digitRun(rest[n+len(" of "):]) > 0 {
			return true
		}
	}
}

// cleanIsCaption reports whether line is a picture's caption: it ends
// with the picture's credit in parentheses, "... on Sept. 12 after the
// fatal attack. (Photo: Ibrahim Alaguri, AP)" (USA TODAY).
func cleanIsCaption(line string) bool {
	// "... running mate. Photo: BRYAN R. SMITH/AFP/Getty Images"
	// (New York magazine): the credit after the caption's last sentence.
	// Only the line's tail is searched, and only when it holds the
	// credit's slash: this runs on every line.
	if from := max(0, len(line)-80-len(" Photo: ")); strings.IndexByte(line[from:], '/') >= 0 {
		if i := strings.LastIndex(line[from:], " Photo: "); i >= 0 && from+i > 0 && cleanEndsSentence(line[:from+i]) {
			if rest := line[from+i+len(" Photo: "):]; strings.Contains(rest, "/") && cleanIsCredit(rest) {
				return true
			}
		}
	}
	if line[len(line)-1] != ')' {
		return false
	}
	open := strings.LastIndexByte(line, '(')
	if open < 0 {
		return false
	}
	credit := line[open+1:]
	if strings.HasPrefix(credit, "Photo: ") || strings.HasPrefix(credit, "Photos: ") {
		return true
	}
	// "... at Morristown Municipal Airport, August 15, 2019. (Jonathan
	// Ernst/Reuters)", "Secretary of State Mike Pompeo (Mandel
	// Ngan/Reuters)": a photographer and agency close a caption.
	// "... in 2011. (Reuters photo: Jim Young)": an agency's photo label.
	inner := line[open+1 : len(line)-1]
	if i := strings.Index(inner, " photo: "); i > 0 && len(inner) <= 60 && cleanAllCapitalized(inner[:i]) && cleanAllCapitalized(inner[i+len(" photo: "):]) {
		return true
	}
	// "... than ever." (Iranian Presidency Office via AP)": a source
	// handed out through an agency.
	if open > 0 && strings.Contains(inner, " via ") && cleanEndsSentence(line[:open]) && cleanIsCredit(line[open:]) {
		return true
	}
	return open > 0 && strings.Contains(credit, "/") && cleanIsCredit(inner)
}

// cleanEndsSentence reports whether s ends a sentence, perhaps inside a
// quotation: ".", "?", "!", then closing marks.
func cleanEndsSentence(s string) bool {
	s = strings.TrimRight(s, " \"'”’)")
	return s != "" && strings.IndexByte(".?!", s[len(s)-1]) >= 0
}

// cleanAllCapitalized reports whether s is one to four words, each
// starting with a capital: a name.
func cleanAllCapitalized(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 || len(f) > 4 {
		return false
	}
	for _, w := range f {
		if !cleanIsUpperStart(w) {
			return false
		}
	}
	return true
}

// cleanIsVideoBlurb reports whether line is the text of a video player
// run into its close button: "CLOSE Obama says that as commander in chief
// ..." (USA TODAY), a summary of a clip, not of the article.
func cleanIsVideoBlurb(line string) bool {
	return strings.HasPrefix(line, "CLOSE ") && len(line) > len("CLOSE ") && ('A' <= line[6] && line[6] <= 'Z' || '0' <= line[6] && line[6] <= '9') &&
		strings.ContainsAny(line, "abcdefghijklmnopqrstuvwxyz") // not a line in capitals: "CLOSE TO 300 PEOPLE ..."
}

// cleanPromoMaxBytes bounds the lines tested for promotions: a newsletter
// or poll plug is a sentence or three, never a paragraph.
const cleanPromoMaxBytes = 480

// cleanPromoEnds end a line that is a call to act: "For the latest from
// AC360° click here.", "Want FOX News First in your inbox? Sign up here."
var cleanPromoEnds = [...]string{"click here", "click here now", "sign up here", "free sign up"}

// cleanPromoPhrases anywhere in a short line make it a newsletter plug.
var cleanPromoPhrases = [...]string{"your inbox", "by signing up you", "by signing up, you", "vote now in"}

// cleanIsPromo reports whether line, at most cleanPromoMaxBytes long, is a
// newsletter, poll or programme plug: it ends in a call to act, names the
// reader's inbox, offers a newsletter to sign up for, or opens a sentence
// with "Vote here" or "Vote now" ("Should Obama Order Strikes on ISIS in
// Syria? Vote Here"). A line with a quotation mark is someone's words and
// stays, whatever it says.
//
// mayBe is what cleanScan found: without it, only the ends are tested.
func cleanIsPromo(line string, mayBe bool) bool {
	// strings.TrimRight(line, " .!*:"), without building the cut set's
	// table on every line.
	end := line
	for end != "" && cleanIsPromoStop(end[len(end)-1]) {
		end = end[:len(end)-1]
	}
	// The last letter of each of cleanPromoEnds is 'e', 'p' or 'w'.
	promoEnd := false
	if end != "" {
		switch end[len(end)-1] | 0x20 {
		case 'e', 'p', 'w':
			promoEnd = cleanHasPromoEnd(end)
		}
	}
	if !promoEnd && !mayBe {
		return false
	}
	if quoteHasMark(line) {
		return false
	}
	if promoEnd {
		return true
	}
	var buf [cleanPromoMaxBytes]byte
	l := cleanLowerASCII(buf[:0], line)
	for _, s := range cleanPromoPhrases {
		if bytes.Contains(l, []byte(s)) {
			return true
		}
	}
	if bytes.Contains(l, []byte("sign up")) && bytes.Contains(l, []byte("newsletter")) {
		return true
	}
	// "Vote" in capitals at the start of a sentence is the reader's
	// invitation; "Congress must vote now" is news.
	for i := 0; ; {
		j := bytes.Index(l[i:], []byte("vote "))
		if j < 0 {
			return false
		}
		j += i
		rest := l[j+len("vote "):]
		if line[j] == 'V' && (bytes.HasPrefix(rest, []byte("here")) || bytes.HasPrefix(rest, []byte("now"))) &&
			(j == 0 || j >= 2 && strings.IndexByte("?.!:-", line[j-2]) >= 0 && line[j-1] == ' ') {
			return true
		}
		i = j + 1
	}
}

// cleanIsPromoStop reports whether c is one of the marks that may follow a
// call to act: " .!*:".
func cleanIsPromoStop(c byte) bool {
	return c == ' ' || c == '.' || c == '!' || c == '*' || c == ':'
}

// cleanHasPromoEnd reports whether end, a line without its final stops,
// ends with one of cleanPromoEnds as whole words.
func cleanHasPromoEnd(end string) bool {
	for _, s := range cleanPromoEnds {
		if n := len(end) - len(s); n >= 0 && strings.EqualFold(end[n:], s) && (n == 0 || !cleanIsLetterByte(end[n-1])) {
			return true
		}
	}
	return false
}

// cleanScanPairs appends to dst, in order, the places in s of the second
// letters of the pairs that the words of cleanScan are looked for at,
// as the case of each word allows: "ic", "ki" and "gn" (in any case), and
// any byte after a 'V' and any 'x', which are rare enough letters to
// stand for "Vo" and "ox"; it may append other places too, but all
// of them are at least 1. Every line is read, so the bytes are read eight
// at a time; single letters ('c' alone) are common enough that stopping at
// each cost more than the whole scan. Clean reads its whole text at once,
// and cleanScan.at compares the words of each line at the places in it.
func cleanScanPairs(s string, dst []int) []int {
	const low = 0x7f * 0x0101010101010101
	if len(s) < 9 {
		// A string shorter than nine bytes is compared pair by pair.
		for p := 1; p < len(s); p++ {
			dst = append(dst, p)
		}
		return dst
	}
	// Lane j of the eight tested holds the pair whose second letter is
	// s[i+j]. The bytes lose their high bit: see cleanPairs8.
	i := 1
	rest := s
	for ; len(rest) >= 17; rest = rest[16:] {
		// Two windows a turn, which share the constants of the tests.
		m1 := cleanPairs8(cleanLoad8(rest)&low, cleanLoad8(rest[1:])&low)
		m2 := cleanPairs8(cleanLoad8(rest[8:])&low, cleanLoad8(rest[9:])&low)
		if m1|m2 != 0 {
			dst = cleanAppendLanes(dst, i, m1)
			dst = cleanAppendLanes(dst, i+8, m2)
		}
		i += 16
	}
	for ; len(rest) >= 9; rest = rest[8:] {
		if m := cleanPairs8(cleanLoad8(rest)&low, cleanLoad8(rest[1:])&low); m != 0 {
			dst = cleanAppendLanes(dst, i, m)
		}
		i += 8
	}
	if i < len(s) {
		// The last window ends with s; its lanes before s[i] are tested
		// already.
		k := len(s) - 8
		if m := cleanPairs8(cleanLoad8(s[k-1:])&low, cleanLoad8(s[k:])&low) >> (8 * (i - k)); m != 0 {
			dst = cleanAppendLanes(dst, i, m)
		}
	}
	return dst
}

// cleanAppendLanes appends to dst i plus the number of each lane whose high
// bit m sets.
func cleanAppendLanes(dst []int, i int, m uint64) []int {
	for ; m != 0; m &= m - 1 {
		dst = append(dst, i+bits.TrailingZeros64(m)>>3)
	}
	return dst
}

// cleanPairs8 returns the high bit of each lane of x whose byte, with the
// byte in the same lane of w before it, is a pair of cleanScanPairs. Both
// have lost the high bit of each byte, so that the zero test is a single
// addition that never carries into the next lane: a lane of (x^c)|(w^i) is
// zero only where both bytes match, and adding 0x7f to it sets its high
// bit unless it is zero. A byte of a multi-byte rune may so pass for a
// letter, but cleanScan.at compares the words whole. A rare letter is
// tested alone, one test fewer than the pair: 'V' comes twenty times as
// often as "Vo" in news text, but still far less than once in a hundred
// bytes. 'k' does not: alone it gave six times as many places as "ki",
// each a look by cleanScan.at that the processor could not foresee.
func cleanPairs8(w, x uint64) uint64 {
	const ones = 0x0101010101010101
	all := ((x ^ ones*'c') | (w ^ ones*'i')) + ones*0x7f
	all &= ((w ^ ones*'k') | (x ^ ones*'i')) + ones*0x7f
	all &= (x ^ ones*'x') + ones*0x7f
	all &= (w ^ ones*'V') + ones*0x7f
	// "gn" in any case: the bytes may differ in their 0x20 bit alone.
	all &= ((x^ones*'n')|(w^ones*'g'))&(ones*0x5f) + ones*0x7f
	return ^all & quoteHigh8
}

// cleanLoad8 reads the first eight bytes of s, the first in the low byte.
func cleanLoad8(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// cleanScan is what the words it looks for found in a line: the
// occurrences of "icon", up to 3, whether "ookie" occurs, and whether the
// line may be a promotion (cleanIsPromo): it holds "inbo" in any case
// before an 'x' in lower case, "sign up" or "signing up" in any case, or
// "Vote " with the rest in any case. The words are compared where
// cleanScanPairs finds a pair of their letters.
type cleanScan struct {
	icons         int
	cookie, promo bool
}

// at compares the words of cleanScan around line[p], p >= 1, as the
// second letter of a pair. Each word is compared whole, and only a pair of
// its letters starts one, so at may be asked about any place.
func (s *cleanScan) at(line string, p int) {
	switch line[p] {
	case 'c':
		if p+3 <= len(line) && line[p-1:p+3] == "icon" {
			s.icons++
		}
	case 'i':
		if p >= 3 && p+2 <= len(line) && line[p-3:p+2] == "ookie" {
			s.cookie = true
		}
	case 'x':
		s.promo = s.promo || p >= 4 && strings.EqualFold(line[p-4:p], "inbo")
	case 'o', 'O':
		s.promo = s.promo || line[p-1] == 'V' && cleanStartsWithFold(line[p:], "ote ")
	case 'n', 'N':
		s.promo = s.promo || p >= 2 && line[p-2]|0x20 == 'i' && line[p-1]|0x20 == 'g' &&
			(cleanStartsWithFold(line[p:], "n up") || cleanStartsWithFold(line[p:], "ning up"))
	}
}

// result returns the icons counted (up to 3), and whether "ookie" and a
// promotion were found.
func (s *cleanScan) result() (icons int, cookie, promo bool) {
	return min(s.icons, 3), s.cookie, s.promo
}

// cleanLowerASCII appends s to dst with its ASCII letters lowered and every
// other byte as it is, so that offsets into the result are offsets into s.
func cleanLowerASCII(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// cleanIsIconRun reports whether line is a run of icon names, as a page's
// sprite sheet leaves them: "icon bookmark-bicon bookmarkicon cameraicon".
func cleanIsIconRun(line string) bool {
	words, icons := 0, 0
	for _, f := range strings.Fields(line) {
		words++
		if strings.Contains(f, "icon") {
			icons++
		}
	}
	return icons*10 >= words*3
}

// cleanHasChromePrefix reports whether line starts with a link-line label or
// a prompt and is short enough to be nothing more.
func cleanHasChromePrefix(line string) bool {
	i := 0
	for i < len(line) && (line[i] == '(' || line[i] == ' ' || line[i] == '[') {
		i++
	}
	s := line[i:]
	if s == "" {
		return false
	}
	bucket := &cleanPrefixes[cleanPrefixKey(s)]
	head, _ := cleanHead4(s)
	if !bucket.loose {
		// Every prefix of the bucket has four bytes in its head, which s
		// must start with.
		if b := cleanPrefixHeadBit(head); cleanPrefixHeadSet[b/64]>>(b%64)&1 == 0 {
			return false
		}
	}
	first, _ := utf8.DecodeRuneInString(s)
	for k, hm := range bucket.heads {
		// A phrase whose first bytes are ASCII starts s only if the
		// first bytes of s are the same letters in any case: ASCII
		// letters fold only to each other or to a rune of more bytes,
		// which leaves s[:len(p.text)] too few runes to match. Most
		// phrases of the bucket are ruled out so, by their heads alone,
		// with no call to strings.EqualFold, which settles the rest.
		if head&uint32(hm>>32) != uint32(hm) {
			continue
		}
		p := &bucket.list[k]
		if p.firsts != nil && !slices.Contains(p.firsts, first) || len(s) < len(p.text) {
			continue
		}
		if !cleanStartsWithFold(s, p.text) {
			continue
		}
		if strings.Count(s, " ") >= cleanChromeMaxWords {
			return false
		}
		after := s[len(p.text):]
		if p.delim {
			if cleanIsDelimited(after) || strings.Contains(p.text, " ") && cleanIsUpperASCII(s[:len(p.text)]) {
				return true
			}
			if (strings.HasSuffix(p.text, " on") || strings.HasSuffix(p.text, " from")) && cleanNameDelimited(after) {
				return true // "( Also on POLITICO: Clinton returns to public stage)"
			}
			continue
		}
		last := p.text[len(p.text)-1]
		if after == "" || !isWordRune(cleanFirstRune(after)) || !isWordRune(rune(last)) {
			return true
		}
	}
	return false
}

// cleanIsDelimited reports whether after, the text following a link label,
// is empty or opens with a delimiter such as ":" or "»".
func cleanIsDelimited(after string) bool {
	trimmed := strings.TrimLeft(after, " \t")
	if trimmed == "" {
		return true
	}
	switch cleanFirstRune(trimmed) {
	case ':', '–', '—', '»', '>', '|', '.', '…', ')', ']':
		return true
	case '-':
		// "More - Title" is a label; "Watch-list" is a word.
		return len(trimmed) < len(after) || len(trimmed) == 1 || cleanIsSpaceByte(trimmed[1]) || trimmed[1] == '-'
	}
	return false
}

// cleanNameDelimited reports whether after, the text following a label
// that ends in "on" or "from", is an outlet's name and then a colon: one to
// three capitalized words, one of them an acronym or a name in capitals
// ("Also on POLITICO:", "More from CNN:"). A day, a place or a person
// there opens a sentence: "Also on Monday: Kerry said ...", "More from
// Obama: we will not be deterred".
func cleanNameDelimited(after string) bool {
	i, caps := 0, false
	for range 3 {
		for i < len(after) && after[i] == ' ' {
			i++
		}
		if i == len(after) || after[i] < 'A' || after[i] > 'Z' {
			return false
		}
		s := i
		upper := true
		for i < len(after) && after[i] != ' ' && after[i] != ':' {
			upper = upper && (after[i] < 'a' || after[i] > 'z')
			i++
		}
		caps = caps || upper && i-s >= 3
		if i < len(after) && after[i] == ':' {
			return caps
		}
	}
	return false
}

// cleanIsCookieNotice reports whether line is a cookie banner rather than a
// sentence about cookies.
func cleanIsCookieNotice(line string) bool {
	if strings.Count(line, " ") >= 60 {
		return false
	}
	l := strings.ToLower(line)
	if !strings.Contains(l, "cookie") {
		return false
	}
	for _, cue := range [...]string{"we use cookies", "uses cookies", "use of cookies",
		"you agree", "you consent", "consent to", "accept cookies", "accept all", "cookie policy",
		"cookies policy", "cookie settings", "cookie preferences", "privacy policy", "by continuing"} {
		if strings.Contains(l, cue) {
			return true
		}
	}
	return false
}

// cleanASCIIWords calls f with the classes (cleanWordClasses, and
// cleanCountWord) of each run of ASCII letters and digits in s (with inner
// hyphens and apostrophes), in lower case. Runs of other runes count as
// one word of no class. It returns false when f does. f is given classes
// rather than the word so that the word, in a buffer here, is looked up
// with no copy made of it.
func cleanASCIIWords(s string, f func(class uint8) bool) bool {
	var buf [32]byte
	i := 0
	for i < len(s) {
		c := s[i]
		if c >= 0x80 {
			start := i
			for i < len(s) && (s[i] >= 0x80 || cleanIsLetterByte(s[i])) {
				i++
			}
			if cleanHasWordRune(s[start:i]) && !f(0) {
				return false
			}
			continue
		}
		if !cleanIsLetterByte(c) && !('0' <= c && c <= '9') {
			i++
			continue
		}
		n := 0
		for i < len(s) && (cleanIsLetterByte(s[i]) || '0' <= s[i] && s[i] <= '9' ||
			(s[i] == '-' || s[i] == '\'') && n > 0 && i+1 < len(s) && cleanIsLetterByte(s[i+1])) {
			if n < len(buf) {
				b := s[i]
				if 'A' <= b && b <= 'Z' {
					b += 'a' - 'A'
				}
				buf[n] = b
			}
			n++
			i++
		}
		if n > len(buf) {
			n = 0 // too long for any listed word
		}
		class := cleanWordClasses[string(buf[:n])]
		if n > 0 && cleanAllDigitBytes(buf[:n]) {
			class |= cleanCountWord
		}
		if !f(class) {
			return false
		}
	}
	return true
}

// cleanAllDigitBytes reports whether b is ASCII digits alone.
func cleanAllDigitBytes(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// cleanIsLetterByte reports whether c is an ASCII letter.
func cleanIsLetterByte(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// cleanIsUIWords reports whether line is a row of UI words: "Share Tweet
// Post Email", "Advertisement", "Play Facebook". Filler words and counts
// ("Slideshow (26 Images)") are allowed;
// any other word, or a sentence end after three words or more, keeps the line.
func cleanIsUIWords(line string) bool {
	words, ui := 0, 0
	ok := cleanASCIIWords(line, func(class uint8) bool {
		words++
		switch {
		case class&cleanUIWord != 0:
			ui++
			return true
		case class&(cleanFillerWord|cleanCountWord) != 0: // a count: "Slideshow (26 Images)"
			return true
		}
		return false
	})
	if !ok || ui == 0 {
		return false
	}
	if words >= 3 && strings.ContainsAny(line[len(line)-1:], ".!?") {
		return false
	}
	return true
}

// cleanIsCredit reports whether line is a photo credit: "Rob Griffith/AP
// Photo", "AP Photo/Hussein Malla", "(Reuters)". Such a line is short, has
// no sentence end, names an agency, and is all names: every word but "via"
// and "photo" is capitalised, which keeps "The AP/Ipsos poll found ...".
func cleanIsCredit(line string) bool {
	if len(line) > 80 || strings.ContainsAny(line[len(line)-1:], ".!?:") {
		return false
	}
	if !strings.Contains(line, "/") && !(line[0] == '(' && line[len(line)-1] == ')') {
		return false
	}
	for _, f := range strings.FieldsFunc(line, func(r rune) bool { return r == ' ' || r == '/' || r == '(' || r == ')' }) {
		if c := f[0]; 'a' <= c && c <= 'z' && f != "via" && strings.TrimSuffix(f, ":") != "photo" {
			return false
		}
	}
	words, credit := 0, 0
	cleanASCIIWords(line, func(class uint8) bool {
		words++
		if class&cleanCreditWord != 0 {
			credit++
		}
		return true
	})
	return credit > 0 && words <= 8
}

// cleanIsRelativeTime reports whether line is a relative timestamp such as
// "6 years ago" or "Updated 3 hours ago".
func cleanIsRelativeTime(line string) bool {
	f := strings.Fields(strings.ToLower(line))
	if len(f) > 0 && (f[0] == "updated" || f[0] == "posted" || f[0] == "published") {
		f = f[1:]
	}
	if len(f) != 3 || f[2] != "ago" || !cleanTimeUnits[f[1]] {
		return false
	}
	if f[0] == "a" || f[0] == "an" {
		return true
	}
	for i := 0; i < len(f[0]); i++ {
		if f[0][i] < '0' || f[0][i] > '9' {
			return false
		}
	}
	return true
}
