package analysis

import (
	"strings"
	"testing"
)

// The tests below pin the edge cases of the shortcuts cleaning takes for
// speed: each shortcut must answer as the slower test it stands for.

// cleanScanLine scans one line alone for the words of cleanScan, as Clean
// scans its whole text at once: the reference the tests hold the scan of
// the whole text to, and the tests of the words themselves.
func cleanScanLine(line string) (icons int, cookie, promo bool) {
	var buf [32]int
	var found cleanScan
	for _, p := range cleanScanPairs(line, buf[:0]) {
		found.at(line, p)
	}
	return found.result()
}

// TestCleanScanLineEdges checks the pair search of cleanScanLine where a
// pair stands at either end of a line, in a short line, next to runes of
// several bytes (whose bytes lose their high bit in the search), and in
// the cases each word is matched in.
func TestCleanScanLineEdges(t *testing.T) {
	for _, tc := range []struct {
		line          string
		icons         int
		cookie, promo bool
	}{
		{"", 0, false, false},
		{"i", 0, false, false},
		{"icon", 1, false, false},
		{"iconiconicon", 3, false, false},
		{"icon icon icon icon", 3, false, false},
		{"x icon bookmark-bicon cameraicon", 3, false, false},
		{"ICON", 0, false, false}, // "icon" is matched in lower case only
		{"Icon", 0, false, false},
		{"cookie", 0, true, false},
		{"COOKIE", 0, false, false},
		{"We use cookies", 0, true, false},
		{"ookie", 0, true, false},
		{"inbox", 0, false, true},
		{"INBOx", 0, false, true},
		{"IN YOUR INBOX", 0, false, false}, // the 'x' of "inbox" is matched in lower case only
		{"Vote ", 0, false, true},
		{"VOTE NOW", 0, false, true},
		{"vote now", 0, false, false}, // "Vote" needs its capital
		{"Vote", 0, false, false},     // and a space after it
		{"sign up", 0, false, true},
		{"SIGN UP", 0, false, true},
		{"Signing Up now", 0, false, true},
		{"sign-up", 0, false, false},
		{"campaign up", 0, false, true}, // "ign up", as in "sign up"
		// Bytes that lose their high bit read as letters: 0xE9 as 'i',
		// 0xE3 as 'c', 0xEB as 'k', 0xF8 as 'x', 0xD6 as 'V', 0xE7 as 'g'.
		{"\xe9\xe3on caf\xc3\xa9 ico\xe3", 0, false, false},
		{"o\xefk\xe9e \xd6ote l\xe7n up", 0, false, false},
		{"caf\u00e9 icon \u201cicon\u201d \u2014 ic\u00f3n icon", 3, false, false},
		{"Читайте также: sign up for the newsletter in your inbox", 0, false, true},
		{strings.Repeat("a", 13) + "icon", 1, false, false},
		{strings.Repeat("a", 15) + "cookie" + strings.Repeat("b", 9), 0, true, false},
		{"Vote here" + strings.Repeat(" word", 30), 0, false, true},
		{strings.Repeat("word ", 30) + "Vote now", 0, false, true},
	} {
		icons, cookie, promo := cleanScanLine(tc.line)
		if icons != tc.icons || cookie != tc.cookie || promo != tc.promo {
			t.Errorf("cleanScanLine(%q) = %d, %v, %v; want %d, %v, %v", tc.line, icons, cookie, promo, tc.icons, tc.cookie, tc.promo)
		}
	}
}

// TestCleanScanLineEveryOffset moves each word of cleanScanLine through
// every offset of lines of every length up to 40 bytes, so that it stands
// in every lane of the eight-byte search and in the last, overlapping
// window.
func TestCleanScanLineEveryOffset(t *testing.T) {
	for _, w := range []struct {
		word          string
		icon          int
		cookie, promo bool
	}{
		{"icon", 1, false, false}, {"ookie", 0, true, false}, {"inbox", 0, false, true},
		{"Vote ", 0, false, true}, {"sign up", 0, false, true}, {"signing up", 0, false, true},
	} {
		for n := len(w.word); n <= 40; n++ {
			for at := 0; at+len(w.word) <= n; at++ {
				line := strings.Repeat("-", at) + w.word + strings.Repeat("-", n-at-len(w.word))
				icons, cookie, promo := cleanScanLine(line)
				if icons != w.icon || cookie != w.cookie || promo != w.promo {
					t.Fatalf("cleanScanLine(%q) = %d, %v, %v; want %d, %v, %v", line, icons, cookie, promo, w.icon, w.cookie, w.promo)
				}
			}
		}
	}
}

// TestCleanMayBeMeta checks the look at a line that spares cleanMetaLine
// the lines that hold neither a date nor a byline.
func TestCleanMayBeMeta(t *testing.T) {
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"Syrian army takes Aleppo district", false},
		{"By Jane Doe", true},
		{"BY JANE DOE", true},
		{"Stand by me", true}, // a look only: cleanMetaLine decides
		{"Nearby", false},
		{"December 6, 2016", true},
		{"Updated", false},
		{"Sunday", false},
		{"٦ ديسمبر ٢٠١٦", false}, // no ASCII digit: no year cleanMetaLine can read
		{"Published: 2016-12-06T09:15:00Z", true},
		{"6 Dec, 2016 09:15", true},
		{"Wed 05 Apr 2017", true},
		{"by Jane Doe and John Roe", true},
		{"Jane Doe, Reuters", false}, // a byline with no "by": not read as one
	} {
		if got := cleanMayBeMeta(tc.line); got != tc.want {
			t.Errorf("cleanMayBeMeta(%q) = %v, want %v", tc.line, got, tc.want)
		}
		if !cleanMayBeMeta(tc.line) {
			if _, ok := cleanMetaLineParse(tc.line); ok {
				t.Errorf("cleanMetaLineParse(%q) takes a line cleanMayBeMeta turns down", tc.line)
			}
		}
	}
}

// TestCleanHasChromePrefixCases checks the look at a line's first four
// bytes against the case-blind comparison it stands before, with runes
// that fold to ASCII letters (the Kelvin sign, the long s) and prefixes
// outside ASCII.
func TestCleanHasChromePrefixCases(t *testing.T) {
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"READ MORE: Moscow slams West", true},
		{"Read More: Moscow slams West", true},
		{"rEaD mOrE: x", true},
		{"Reading more into it", false},
		{"(Related: the talks)", true},
		{"\u212aip ad", false},     // Kelvin sign: "kip", not "skip"
		{"\u017fkip ad", false},    // long s: not "skip ad"
		{"skip ad", true},          // the phrase itself
		{"Читайте также: x", true}, // a capital outside ASCII
		{"ЧИТАЙТЕ ТАКЖЕ", true},
		{"© 2016 Reuters", true},
		{"Copyright © 2016", true},
		{"Sh", false}, // shorter than any phrase of its bucket
		{"More", true},
		{"Mor", false},
	} {
		if got := cleanHasChromePrefix(tc.line); got != tc.want {
			t.Errorf("cleanHasChromePrefix(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}

// TestCleanIsPromoEnds checks the trim of a promotion's final stops and
// the test of its last letter, in both cases.
func TestCleanIsPromoEnds(t *testing.T) {
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"For the latest from AC360 click here.", true},
		{"For the latest from AC360 CLICK HERE!!", true},
		{"Free sign up *", true},
		{"Want it in your inbox? Sign up here:", true},
		{"Sign up here: .!*: ", true},
		{"He said to click here \"now\"", false},
		{"They signed up here", false},
		{". . .", false},
		{"", false},
	} {
		_, _, promo := cleanScanLine(tc.line)
		if got := cleanIsPromo(tc.line, promo); got != tc.want {
			t.Errorf("cleanIsPromo(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}

// TestCleanASCIIWordsClasses checks the classes cleanASCIIWords gives
// words: a word of several sets has all their classes, a word too long for
// the buffer and a run of other runes have none, and digits are a count.
func TestCleanASCIIWordsClasses(t *testing.T) {
	var got []uint8
	cleanASCIIWords("Photo PHOTOS share the 26 Analysis Reuters "+strings.Repeat("x", 40)+" Сирия 12ab", func(class uint8) bool {
		got = append(got, class)
		return true
	})
	want := []uint8{cleanUIWord | cleanCreditWord, cleanUIWord | cleanCreditWord, cleanUIWord, cleanFillerWord, cleanCountWord,
		cleanLabelWord, cleanCreditWord, 0, 0, 0}
	if len(got) != len(want) {
		t.Fatalf("got %d words %v, want %d %v", len(got), got, len(want), want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("word %d: class %#x, want %#x", i, got[i], want[i])
		}
	}
}

// TestCleanLeadingSpace checks that a body line led by spaces outside ASCII
// (U+3000, U+2003) or a tab is found where it stands in the text.
func TestCleanLeadingSpace(t *testing.T) {
	for _, raw := range []string{
		"Title line here\n\n\u3000The army said it had taken the district.\n\u2003It said so again.",
		"Title line here\n\n\tThe army said it had taken the district.\n  It said so again.",
	} {
		doc := Clean(raw, Meta{})
		if !strings.HasPrefix(doc.Body, "The army") || !strings.HasSuffix(doc.Body, "again.") {
			t.Errorf("Clean(%q).Body = %q", raw, doc.Body)
		}
	}
}

// TestCleanStartsWithFold checks the byte-wise comparison against
// strings.EqualFold on the prefix, with runes that fold to ASCII letters
// (the Kelvin sign, the long s), invalid and cut runes, and prefixes
// outside ASCII.
func TestCleanStartsWithFold(t *testing.T) {
	strs := []string{"", "h", "Hide caption x", "HIDE CAPTION ", "hide captio", "hide\u00a0caption ",
		"\u212aip ad", "s\u212aip", "\u017fkip ad", "skip ad", "SKIP AD", "\xffkip", "sk\xe2\x80",
		"Читайте также", "ЧИТАЙТЕ ТАКЖЕ", "читайте", "© 2016", "@ote", "`ote", "[x", "{x", "Vote ", "VOTE "}
	prefixes := []string{"hide caption ", "skip ad", "ote ", "читайте также", "©", "\u212a", "k", "@", "[", ""}
	for _, s := range strs {
		for _, p := range prefixes {
			want := len(s) >= len(p) && strings.EqualFold(s[:len(p)], p)
			if got := cleanStartsWithFold(s, p); got != want {
				t.Errorf("cleanStartsWithFold(%q, %q) = %v, want %v", s, p, got, want)
			}
		}
	}
}

// TestCleanScanPairsInText checks that the pairs found in a whole text,
// taken line by line as Clean takes them, give what cleanScanLine gives
// for each line: with spaces around lines, words cut by line breaks, and
// lines shorter than a window.
func TestCleanScanPairsInText(t *testing.T) {
	text := "  icon icon icon\nic\non cookie\n\u3000Vote now\t\nsign\n up here\ninbox\nk\nie\n" +
		"a icon\n" + strings.Repeat("x", 17) + " ookie icon\nV\note \nVo"
	pairs := cleanScanPairs(text, nil)
	off := 0
	for _, raw := range strings.Split(text, "\n") {
		line := strings.TrimSpace(raw)
		start := off + len(raw) - len(strings.TrimLeft(raw, " \t\u3000"))
		off += len(raw) + 1
		var found cleanScan
		for _, p := range pairs {
			if p > start && p < start+len(line) {
				found.at(line, p-start)
			}
		}
		i1, c1, p1 := found.result()
		i2, c2, p2 := cleanScanLine(line)
		if i1 != i2 || c1 != c2 || p1 != p2 {
			t.Errorf("line %q: from the text %d, %v, %v; cleanScanLine %d, %v, %v", line, i1, c1, p1, i2, c2, p2)
		}
	}
}

// TestCleanPrepare checks that normalizing and repairing in one reading
// gives what the two steps give, for a text with the telltale byte 0xC3
// and for texts without.
func TestCleanPrepare(t *testing.T) {
	for _, raw := range []string{
		"Syria\u00e2\u20ac\u2122s army\r\nsaid",
		"caf\u00c3\u00a9 \u00e9t\u00e9",
		"caf\u00e9\r\n\u00a0x\u2028y\ufeff",
		"plain text\nwith lines",
		"\xff\xc3\x28",
		"",
	} {
		if got, want := cleanPrepare(raw), cleanNormalize(cleanRepairMojibake(raw)); got != want {
			t.Errorf("cleanPrepare(%q) = %q, want %q", raw, got, want)
		}
	}
}

// TestCleanPrefixHeadSet checks the look at a line's head that rules most
// lines out before the prefixes of their bucket are read: every prefix,
// in lower, upper and title case, alone and with text after it, passes
// it, and cleanHasChromePrefix finds the same prefixes with the look as
// with the bucket's heads alone.
func TestCleanPrefixHeadSet(t *testing.T) {
	var lines []string
	for c := range cleanPrefixes {
		for _, p := range cleanPrefixes[c].list {
			for _, v := range []string{p.text, strings.ToUpper(p.text), strings.ToUpper(p.text[:1]) + p.text[1:]} {
				lines = append(lines, v, v+": x", v+" x", "("+v+")", v[:len(v)-1], v+"x")
			}
		}
	}
	lines = append(lines, "", "a", "The", "Sh", "S\u212aip ad", "sKip", "Hide caption A memorial", "More", "Mor")
	for _, line := range lines {
		i := 0
		for i < len(line) && (line[i] == '(' || line[i] == ' ' || line[i] == '[') {
			i++
		}
		if s := line[i:]; s != "" && !cleanPrefixes[cleanPrefixKey(s)].loose {
			head, _ := cleanHead4(s)
			b := cleanPrefixHeadBit(head)
			set := cleanPrefixHeadSet[b/64]>>(b%64)&1 != 0
			for k, hm := range cleanPrefixes[cleanPrefixKey(s)].heads {
				p := cleanPrefixes[cleanPrefixKey(s)].list[k]
				if head&uint32(hm>>32) == uint32(hm) && cleanStartsWithFold(s, p.text) && !set {
					t.Errorf("%q starts with %q, but its head's bit is not set", line, p.text)
				}
			}
		}
	}
}

// TestCleanHead4 checks the four bytes read at once against a byte loop.
func TestCleanHead4(t *testing.T) {
	for _, s := range []string{"abcd", "ABCD", "@[`{", "ZzAa", "\x80\xc1\xdaA", "Read more", "ЧИТ", "\xff\xffZZ", "a", "AB", ""} {
		var want, wantMask uint32
		for j := 0; j < 4 && j < len(s); j++ {
			c := s[j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			want |= uint32(c) << (8 * j)
			wantMask |= 0xFF << (8 * j)
		}
		if got, mask := cleanHead4(s); got != want || mask != wantMask {
			t.Errorf("cleanHead4(%q) = %#x, %#x, want %#x, %#x", s, got, mask, want, wantMask)
		}
	}
	for c := 0; c < 256; c++ {
		s := string([]byte{byte(c), byte(c), 'x', byte(255 - c)})
		var want uint32
		for j := 0; j < 4; j++ {
			b := s[j]
			if 'A' <= b && b <= 'Z' {
				b += 'a' - 'A'
			}
			want |= uint32(b) << (8 * j)
		}
		if got, _ := cleanHead4(s); got != want {
			t.Fatalf("cleanHead4(%q) = %#x, want %#x", s, got, want)
		}
	}
}

// TestCleanIsTimeOrDayShortcuts checks the looks at the first byte and
// the length that spare most lines a copy in lower case against the
// test without them.
func TestCleanIsTimeOrDayShortcuts(t *testing.T) {
	slow := func(line string) bool {
		return cleanIsTimeOrDayLower(strings.ToLower(strings.TrimRight(line, " ,")))
	}
	var lines []string
	for _, day := range []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "fri"} {
		lines = append(lines, day, strings.ToUpper(day), strings.ToUpper(day[:1])+day[1:], day+" ,, ", " "+day, day+"x",
			strings.ReplaceAll(strings.ToUpper(day), "I", "\u0130"), strings.ReplaceAll(day, "d", "\u212a"))
	}
	lines = append(lines, "3:54 p.m.", "12:05", "12:05 am ,", "3:54"+strings.Repeat(" ", 40)+"pm", "123:45", "1:5", "The news", "",
		" ,", "Sunday night", "\u0130", "9", strings.Repeat("\u0130", 9), "W"+strings.Repeat("\u212a", 10))
	for _, line := range lines {
		if got, want := cleanIsTimeOrDay(line), slow(line); got != want {
			t.Errorf("cleanIsTimeOrDay(%q) = %v, want %v", line, got, want)
		}
	}
}
