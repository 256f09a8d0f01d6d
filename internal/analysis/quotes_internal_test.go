package analysis

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// quoteTestTexts returns a deterministic spread of short texts built from
// fragments that exercise the eight-byte paths of the attribution helpers:
// runs longer than eight bytes, apostrophes inside and at the end of
// words, curly marks, non-ASCII letters, digits and stops.
func quoteTestTexts() []string {
	frags := []string{"a", "Z", "9", " ", "'", "’", "é", "-", ".", "!", "?", "\n", "xyzzyxyzzy", "don't", "ab'", "@", "[", "`", "{", "_", "“", "—", "Я"}
	out := fragTexts(1, 20000, 24, frags)
	// Every byte value at every lane of an eight-byte block.
	for c := range 256 {
		for lane := range 9 {
			out = append(out, strings.Repeat("a", lane)+string([]byte{byte(c)})+"bcdefghij k")
		}
	}
	return out
}

// fragTexts returns n texts, each of fewer than maxFrags fragments drawn
// from frags by a fixed-seed generator, so that a test sees the same texts
// on every run.
func fragTexts(seed uint64, n, maxFrags int, frags []string) []string {
	rng := seed
	next := func() uint64 {
		rng = rng*6364136223846793005 + 1442695040888963407
		return rng >> 33
	}
	out := make([]string, 0, n)
	for range n {
		var b strings.Builder
		for k := next() % uint64(maxFrags); k > 0; k-- {
			b.WriteString(frags[next()%uint64(len(frags))])
		}
		out = append(out, b.String())
	}
	return out
}

func TestCountWordsFast(t *testing.T) {
	for _, tc := range []struct {
		name  string
		text  string
		limit int
		want  int
	}{
		{"Empty", "", 10, 0},
		{"LongASCIIRun", "internationalization of everything", 10, 3},
		{"Contraction", "they don't know what's next", 10, 5},
		{"TrailingApostrophe", "the voters' choice", 10, 3},
		{"CurlyApostrophe", "Russia’s foreign minister", 10, 3},
		{"NonASCIIWord", "Sergueï Lavrov a dit", 10, 4},
		{"LimitStopsEarly", "one two three four five six seven", 2, 2},
		{"Digits", "in 2016 and 2017", 10, 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := countWordsUpTo(tc.text, tc.limit); got != tc.want {
				t.Errorf("countWordsUpTo(%q, %d) = %d, want %d", tc.text, tc.limit, got, tc.want)
			}
		})
	}
	t.Run("SameAsCountWords", func(t *testing.T) {
		for _, s := range quoteTestTexts() {
			checkCountWords(t, s)
		}
	})
}

func TestQuoteIndexStop(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       int
	}{
		{"None", "no stop in this long sentence", -1},
		{"Period", "He said so. Then", 10},
		{"QuestionPastFirstBlock", "Is it really true?", 17},
		{"BangBeforePeriod", "Stop! Now.", 4},
		{"NonASCIIBeforeStop", "naïveté rules.", 15},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := quoteIndexStop(tc.text); got != tc.want {
				t.Errorf("quoteIndexStop(%q) = %d, want %d", tc.text, got, tc.want)
			}
		})
	}
	t.Run("SameAsIndexAny", func(t *testing.T) {
		for _, s := range quoteTestTexts() {
			if got, want := quoteIndexStop(s), strings.IndexAny(s, ".!?"); got != want {
				t.Fatalf("quoteIndexStop(%q) = %d, want %d", s, got, want)
			}
		}
	})
}

func TestQuoteStops(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		from       []int // the points asked from, in order
		want       []int
	}{
		{"None", "no stop in this long sentence", []int{0}, []int{-1}},
		{"Period", "He said so. Then", []int{0, 11}, []int{10, -1}},
		{"QuestionPastFirstBlock", "Is it really true?", []int{0}, []int{17}},
		{"BangBeforePeriod", "Stop! Now.", []int{0, 5}, []int{4, 9}},
		{"NonASCIIBeforeStop", "naïveté rules.", []int{0}, []int{15}},
		{"QuestionsNoPeriod", "Why? Why? Why", []int{0, 4, 9}, []int{3, 8, -1}},
		{"SkipPastFound", "a. b! c? d.", []int{0, 6}, []int{1, 7}},
		{"SamePointTwice", "a! b.", []int{0, 0, 3}, []int{1, 1, 4}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := newQuoteStops(tc.text, len(tc.text))
			for n, i := range tc.from {
				if got := st.from(i); got != tc.want[n] {
					t.Errorf("from(%d) = %d, want %d", i, got, tc.want[n])
				}
			}
		})
	}
	t.Run("SameAsIndexAny", func(t *testing.T) {
		// Every stop in order, from each stop's next byte, and from
		// points that jump over stops, under every limit of a few.
		for _, s := range append(quoteTestTexts(), strings.Repeat("Why? Wow! ", 40)+"End.") {
			for _, lim := range []int{len(s), len(s) / 2, len(s) / 3} {
				for step := 1; step <= 7; step += 3 {
					st := newQuoteStops(s, lim)
					for i := 0; i < lim; i += step {
						want := strings.IndexAny(s[i:lim], ".!?")
						if want >= 0 {
							want += i
						}
						if got := st.from(i); got != want {
							t.Fatalf("lim %d step %d: from(%d) in %q = %d, want %d", lim, step, i, s, got, want)
						}
					}
				}
			}
		}
	})
}

// TestQuoteByteMasks checks the eight-byte class masks, and the quote
// scan's letter table, against the byte-by-byte definitions, for every
// byte value in every lane, beside a byte outside ASCII and among ASCII
// bytes only. wordsAlnum8 is exact only below the first byte outside
// ASCII, so only those lanes of it are checked (all eight, when all are
// ASCII).
func TestQuoteByteMasks(t *testing.T) {
	for _, base := range []string{"x.Q 9é'z", "x.Q 9-'z"} {
		for c := range 256 {
			for lane := range 8 {
				b := []byte(base)
				b[lane] = byte(c)
				x := speakerLoad8(string(b), 0)
				var alnum, letters, upper, ascii uint64
				for i, v := range b[:8] {
					if v >= utf8.RuneSelf {
						break
					}
					ascii |= 0xff << (8 * i)
				}
				for i, v := range b {
					if 'a' <= v && v <= 'z' || 'A' <= v && v <= 'Z' || '0' <= v && v <= '9' {
						alnum |= 0x80 << (8 * i)
					}
					if 'a' <= v && v <= 'z' || 'A' <= v && v <= 'Z' {
						letters |= 0x80 << (8 * i)
					}
					// The quote scan reads letters by quoteLetters8 and by
					// its byte table alike.
					if (quoteScanLetter[v] != 0) != ('a' <= v && v <= 'z' || 'A' <= v && v <= 'Z') {
						t.Fatalf("quoteScanLetter[%q] = %d", v, quoteScanLetter[v])
					}
					if 'A' <= v && v <= 'Z' {
						upper |= 0x80 << (8 * i)
					}
				}
				if got := wordsAlnum8(x) & ascii; got != alnum&ascii {
					t.Fatalf("wordsAlnum8(%q) & %#x = %#x, want %#x", b, ascii, got, alnum&ascii)
				}
				if got := quoteLetters8(x); got != letters {
					t.Fatalf("quoteLetters8(%q) = %#x, want %#x", b, got, letters)
				}
				if got := speakerUpper8(x); got != upper {
					t.Fatalf("speakerUpper8(%q) = %#x, want %#x", b, got, upper)
				}
			}
		}
	}
}

// TestQuoteScanSameAsReference checks the pass, which filters letter runs
// by a rolling hash, against a plain reading that looks every letter run up
// in the word table: the filter must let through every word of the table,
// wherever it stands (at the end of a text, glued to other letters).
func TestQuoteScanSameAsReference(t *testing.T) {
	var words []string
	for _, e := range quoteScanWords {
		if e.w != "" {
			words = append(words, e.w)
		}
	}
	slices.Sort(words)
	if len(words) < 100 {
		t.Fatalf("the word table holds %d words", len(words))
	}
	texts := quoteTestTexts()
	// Every word of the table alone, after a space, before a period and
	// glued to a letter, a digit or a non-ASCII letter.
	for _, w := range words {
		texts = append(texts, w, " "+w, w+".", "x"+w, w+"é", "9"+w, "“"+w+"”")
	}
	frags := []string{" ", "said", "Said", "according", "told", "President", "Mr", "John", "internationalization", "“", "\"", "'", "é", "9", ".", "\n", "ab", "saidx"}
	texts = append(texts, fragTexts(7, 20000, 16, frags)...)
	for _, body := range texts {
		checkQuoteScan(t, body)
	}
}

// TestSpeakerWordFindSameAsReference checks the word look-up, which hashes
// and lower-cases a word in one pass over its bytes, against a plain map of
// the table's words: every set word in lower, title and upper case,
// glued to more letters, with a non-ASCII letter, and fragments of words.
func TestSpeakerWordFindSameAsReference(t *testing.T) {
	index := map[string]int{}
	var words []string
	for k, e := range speakerWordEntries {
		index[e.w] = k
		words = append(words, e.w, strings.ToUpper(e.w), strings.ToUpper(e.w[:1])+e.w[1:], e.w+"x", e.w+"é", e.w[:len(e.w)/2], strings.ToUpper(e.w[len(e.w)/2:]))
	}
	words = append(words, fragTexts(3, 20000, 6, []string{"a", "Z", "e", "S", "said", "Gen", "é", "-", "'", "secretary", "general", "xyzzyxyzzy"})...)
	words = append(words, strings.Repeat("a", 40), strings.Repeat("A", 41), "SECRETARY-GENERAL", "Secretary-Generals",
		"", "sa\x00d", "said\x00", "\x00said", "Sa\x80d", "secretary-generalé", strings.Repeat("é", 20), strings.Repeat("Ab", 12))
	for _, s := range words {
		wantK, wantF := 0, uint32(0)
		lw := strings.ToLower(s)
		switch k, ok := index[lw]; {
		case len(s) > 40:
		case strings.IndexFunc(s, func(r rune) bool { return r >= utf8.RuneSelf }) >= 0:
			wantK = -1
		case !ok:
		case s == lw:
			wantF = speakerWordEntries[k].f
		case speakerWordEntries[k].f&swIntern != 0:
			wantK, wantF = k+1, speakerWordEntries[k].f
		}
		if k, f := speakerWordFind(s); k != wantK || f != wantF {
			t.Fatalf("speakerWordFind(%q) = %d, %#x; want %d, %#x", s, k, f, wantK, wantF)
		}
	}
}

func TestSpeakerWordInfo(t *testing.T) {
	for _, tc := range []struct {
		name, word, wantWord string
		wantSet, wantUnset   uint32
	}{
		{"LowerCue", "said", "said", swCue, swAbbrev},
		{"CapitalizedCueFolds", "Said", "said", swCue | swIntern, 0},
		{"AllCapitalsFolds", "PRESIDENT", "president", swTitles | swRoles | swNouns, 0},
		{"LowerAbbreviation", "jan", "jan", swAbbrev, swCue},
		// A capitalized abbreviation folds, so that "Sept. 14" and "Sen.
		// Cruz" read as one sentence (it once kept its case and lost the
		// flag).
		{"CapitalizedAbbreviationFolds", "Jan", "jan", swAbbrev | swIntern, 0},
		{"UnknownWord", "Lavrov", "Lavrov", 0, ^uint32(0)},
		{"LongerThanAnySetWord", "internationalization", "internationalization", 0, ^uint32(0)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w, f := speakerWordInfo(tc.word)
			if w != tc.wantWord || f&tc.wantSet != tc.wantSet || f&tc.wantUnset != 0 {
				t.Errorf("speakerWordInfo(%q) = %q, %#x; want %q with %#x set and %#x clear", tc.word, w, f, tc.wantWord, tc.wantSet, tc.wantUnset)
			}
		})
	}
}

// TestCleanScanLine checks the eight-byte search against
// strings.Count and strings.Contains on texts made of pieces of the words
// it looks for.
func TestCleanScanLine(t *testing.T) {
	frags := []string{"icon", "ookie", "ic", "con", "i", "c", "o", "k", "ie", "oo", " ", "é", "Icon",
		"g", "G", "n", "N", "x", "V", "v", "gé", "inbo", "INBO", "ig", "Si", "n up", "N UP", "ning up", "ote ", "OTE", "e "}
	for _, s := range fragTexts(7, 20000, 16, frags) {
		icons, cookie, promo := cleanScanLine(s)
		lower := string(cleanLowerASCII(nil, s))
		wantPromo := strings.Contains(lower, "inbox") || strings.Contains(lower, "ign up") ||
			strings.Contains(lower, "igning up")
		for i := range len(s) {
			wantPromo = wantPromo || s[i] == 'V' && strings.HasPrefix(lower[i+1:], "ote ")
		}
		want, wantCookie := min(strings.Count(s, "icon"), 3), strings.Contains(s, "ookie")
		if icons != want || cookie != wantCookie || promo != wantPromo {
			t.Fatalf("cleanScanLine(%q) = %d, %v, %v; want %d, %v, %v", s, icons, cookie, promo, want, wantCookie, wantPromo)
		}
	}
}

// TestQuoteMarkTrims checks the byte-wise mark trims against the
// strings.TrimLeft and TrimRight calls they stand for.
func TestQuoteMarkTrims(t *testing.T) {
	for _, s := range []string{
		"", " ", "x", ".", "'", "’", "”", "Lavrov.", "Lavrov’", "Lavrov's.’", "U.S.", "a’.'’",
		"\xe2\x80", "\xe2\x80\x99\xe2", "x\xe2\x80\x9d", " \"'”’)", " ”’ )x", "’\xe2\x80\x9c", ") \" ’ ”",
		"\xe2", "\x80\x99", "é", "’é",
	} {
		if got, want := speakerTrimRightMarks(s), strings.TrimRight(s, ".’'"); got != want {
			t.Errorf("speakerTrimRightMarks(%q) = %q, want %q", s, got, want)
		}
		for i := 0; i <= len(s); i++ {
			if got, want := quoteAtEnd(s, i, len(s)), strings.TrimLeft(s[i:], " \"'”’)") == ""; got != want {
				t.Errorf("quoteAtEnd(%q, %d) = %v, want %v", s, i, got, want)
			}
		}
	}
}

// TestSpeakerNameListsDisjoint keeps every first name on one side: a name
// in both lists leaves its bearer without a gender, and a "he" may then
// resolve to Angela Merkel.
func TestSpeakerNameListsDisjoint(t *testing.T) {
	for w := range speakerMaleNames {
		if speakerFemaleNames[w] {
			t.Errorf("%q is both a male and a female first name", w)
		}
	}
	for _, w := range []string{"angela", "maria", "fatima", "ilhan"} {
		if !speakerFemaleNames[w] {
			t.Errorf("%q is not a female first name", w)
		}
	}
	for _, w := range []string{"mohammad", "ehud", "aaron", "khaled"} {
		if !speakerMaleNames[w] {
			t.Errorf("%q is not a male first name", w)
		}
	}
}

func TestMentionBeyondName(t *testing.T) {
	tests := []struct{ speaker, mention, want string }{
		{"Joe Lieberman", "Lieberman", ""},
		{"Joe Lieberman", "Sen. Lieberman", "Sen."},
		{"Joe Lieberman", "Joe Lieberman", ""},
		{"Peter Kenyon", "NPR's Kenyon", "NPR's"},
		{"Tom Bowman", "NPR's Tom Bowman", "NPR's"},
		{"Sarah Sanders", "White House press secretary Sarah Sanders", "White House press secretary"},
		{"John Kirby", "the Pentagon spokesman", "the Pentagon spokesman"},
		{"Avital Leibovich", "An Israeli military spokeswoman, Avital Leibovich", "An Israeli military spokeswoman"},
		{"Avital Leibovich", "An Israeli military spokeswoman, Leibovich", "An Israeli military spokeswoman"},
		// A one-word speaker gains from any longer mention.
		{"Guardian", "the Guardian", "the Guardian"},
		{"Kerry", "", ""},
	}
	for _, tt := range tests {
		if got := mentionBeyondName(tt.speaker, tt.mention); got != tt.want {
			t.Errorf("mentionBeyondName(%q, %q) = %q, want %q", tt.speaker, tt.mention, got, tt.want)
		}
	}
}

func TestNamesHead(t *testing.T) {
	tests := []struct {
		phrase, name string
		want         bool
	}{
		{"benjamin netanyahu", "netanyahu", true},
		{"the pentagon", "pentagon", true},
		{"israeli prime minister netanyahu", "netanyahu", true},
		{"a spokesman for netanyahu", "netanyahu", false},
		{"a source close to petraeus", "petraeus", false},
		{"netanyahu's spokesman", "netanyahu", false},
		{"trump’s legal team", "trump", false},
		{"former top inspector for the iaea", "iaea", false},
		{"romney camp", "romney", false},
		{"trump administration officials", "trump", false},
		{"armed groups in eastern aleppo", "armed groups", true},
		// A phrase's own first word is no head it belongs to.
		{"of saudi arabia", "saudi arabia", true},
		{"netanyahuism", "netanyahu", false},
	}
	for _, tt := range tests {
		if got := namesHead(tt.phrase, tt.name); got != tt.want {
			t.Errorf("namesHead(%q, %q) = %v, want %v", tt.phrase, tt.name, got, tt.want)
		}
	}
}

// TestPrevSubject checks the subject a sentence-opening pronoun takes from
// the sentence before it, with no speaker before to go on with.
func TestPrevSubject(t *testing.T) {
	cases := []struct{ name, body, want string }{
		// "According to X, ..." names its source first, as participleOpens
		// reads it: the phrase is not stepped over to a later name.
		{"AccordingKeepsItsSource", "Sales rose this year. According to Mr. Cem Karakas, the company's Chief Financial Officer, the deal with Secretary James Doe is a sign of confidence. He says the firm is eyeing three companies.", "Cem Karakas"},
		// So is a phrase opening with "Despite", which names no subject.
		{"DespitePhraseSteppedOver", "Sales rose this year. Despite objections from Secretary James Doe, Senator John Smith signed the bill with Governor Mary Roe. He says the firm is eyeing three companies.", "John Smith"},
		// Other prepositions are stepped over, also mid-paragraph.
		{"PrepositionSteppedOver", "Sales rose this year. On Monday, Senator John Smith met Secretary James Doe at the ministry. He says the firm is eyeing three companies.", "John Smith"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var x speakerIndex
			var scan quoteScanResult
			quoteScan(c.body, &scan)
			speakerScanNames(&x, c.body, scan.names, scan.cues, nil)
			pron := strings.LastIndex(c.body, "He ")
			if pron < 0 {
				t.Fatalf("no pronoun in %q", c.body)
			}
			got, _ := x.prevSubject(pron, 'm')
			if got != c.want {
				t.Errorf("prevSubject = %q, want %q", got, c.want)
			}
		})
	}
}

// TestSpeakerContentAfter checks where reported speech starts after its
// cue: after a "that" past a phrase of where it was said, but not after a
// relative "that" far on.
func TestSpeakerContentAfter(t *testing.T) {
	cases := []struct{ name, body, want, avoid string }{
		{name: "ThatAfterShowName", body: `Mike Rogers said on NBC's "Meet the Press" that the allies must act.`, want: "the allies must act."},
		{name: "ThatAfterShowNameWithDigit", body: "Barack Obama said in a wide-ranging interview on CBS' “60 Minutes” that the militants went underground.", want: "the militants went underground."},
		{name: "ThatAfterDay", body: "James Mattis said in a memo to military leaders on Friday that the Pentagon would meet.", want: "the Pentagon would meet."},
		{name: "ThatAfterTimeWord", body: "The mayor said in a long letter to the city council of the town yesterday that the park would close.", want: "the park would close."},
		{name: "ThatAfterName", body: "Stephen Kenny said in an interview with the Australian Broadcasting Co. that he would pursue compensation.", want: "he would pursue compensation."},
		{name: "ThatAfterWhereNoun", body: "Gregory Hicks said at the long House Oversight and Government Reform Committee hearing that he was demoted.", want: "he was demoted."},
		{name: "NearThat", body: "Kerry said in Geneva that talks would resume.", want: "talks would resume."},
		// A relative "that" far on, or after a quoted phrase in lower
		// case, starts no content.
		{name: "RelativeThatFarOn", body: "Obama said in a short speech the allies' shared history ahead of a two-day tour that will pay respect.", avoid: "will pay respect."},
		{name: "QuotedPhraseIsNoTitle", body: "Obama said in an interview “the worst mistake” that he made was Libya.", avoid: "he made was Libya."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			toks := quoteTokenize(c.body, 0, len(c.body), nil)
			k := mustFindTok(t, c.body, toks, "said")
			got := c.body[speakerContentAfter(c.body, toks, k+1, len(c.body)):]
			if c.want != "" && got != c.want || c.avoid != "" && got == c.avoid {
				t.Errorf("content = %q, want %q (not %q)", got, c.want, c.avoid)
			}
		})
	}
}

// TestSpeakerDescription checks which phrases before "X, Name," describe
// the name's bearer.
func TestSpeakerDescription(t *testing.T) {
	cases := []struct {
		name, body, start string // start: the description's first word, "" for none
		kin               bool
	}{
		{"Spokeswoman", "An Israeli military spokeswoman, Avital Leibovich, said", "An", false},
		{"Relative", "His brother, Iddo Netanyahu, said", "His", true},
		{"PossessedThing", "Police stopped the president's motorcade, John Smith, said", "", false},
		{"OfIsNoStart", "Chairman of the committee, John Smith, said", "the", false},
		{"Preposition", "The spokesman at the memorial's gate, Agnes Callamard, said", "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			toks := quoteTokenize(c.body, 0, len(c.body), nil)
			start, kin, ok := speakerDescription(c.body, toks, mustFindTok(t, c.body, toks, ","))
			got := ""
			if ok {
				got = c.body[toks[start].s:toks[start].e]
			}
			if got != c.start || ok && kin != c.kin {
				t.Errorf("speakerDescription starts at %q (kin %v), want %q (kin %v)", got, kin, c.start, c.kin)
			}
		})
	}
}

// mustFindTok returns the index of the first token of body that is w.
func mustFindTok(t *testing.T, body string, toks []qTok, w string) int {
	t.Helper()
	k := slices.IndexFunc(toks, func(q qTok) bool { return q.is(body, w) })
	if k < 0 {
		t.Fatalf("no %q in %q", w, body)
	}
	return k
}

// TestCueVerbAtKeepsCueInVerbPlace checks that the kept answers of
// cueVerbAt are cueInVerbPlace's, on a first and a second asking, and that
// a token running past its cue is read afresh, not given the cue's answer.
func TestCueVerbAtKeepsCueInVerbPlace(t *testing.T) {
	for _, tc := range []struct {
		name string
		body string
	}{
		{"VerbAndNoun", "The minister said that the report was wrong. His comments drew fire."},
		{"NounFirst", "Gulf states that border Iran said they would wait. The report states that it rose."},
		{"Negation", "Obama didn't say whether he would go, but aides said he would."},
		{"JoinedToken", "The President's say-so was enough, officials said."},
		{"JoinedTokenReadsOtherwise", "The final say-so rests with him, officials said."},
		{"Plurals", "Amid news reports that he left, the ministry claims that he stayed."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := &attributor{body: tc.body}
			quoteScan(tc.body, &a.scan)
			if len(a.scan.cues) == 0 {
				t.Fatal("the scan found no cue candidates")
			}
			a.cueVerb = make([]cueVerbState, len(a.scan.cues))
			for round := range 2 {
				for j, c := range a.scan.cues {
					if got, want := a.cueVerbAt(j, c.End), a.cueInVerbPlace(c); got != want {
						t.Errorf("round %d: cueVerbAt(%q) = %v, want %v", round, tc.body[c.Start:c.End], got, want)
					}
				}
			}
			// A longer token over a cue whose own answer is kept: "say-so"
			// after an article is not the cue "say" alone.
			for j, c := range a.scan.cues {
				end := c.End
				for end < len(tc.body) && tc.body[end] != ' ' && tc.body[end] != ',' && tc.body[end] != '.' {
					end++
				}
				if end == c.End {
					continue
				}
				if got, want := a.cueVerbAt(j, end), a.cueInVerbPlace(Span{c.Start, end}); got != want {
					t.Errorf("cueVerbAt(%q) = %v, want %v", tc.body[c.Start:end], got, want)
				}
			}
		})
	}
}

func TestQuoteSpanSearch(t *testing.T) {
	spans := []Span{{2, 5}, {7, 9}, {7, 12}, {20, 25}}
	for _, tc := range []struct {
		name  string
		spans []Span
		pos   int
		want  int
	}{
		{"NoSpans", nil, 3, 0},
		{"BeforeAll", spans, 0, 0},
		{"AtFirstStart", spans, 2, 0},
		{"InsideFirst", spans, 3, 1},
		{"FirstOfEqualStarts", spans, 7, 1},
		{"PastEqualStarts", spans, 8, 3},
		{"AtLastStart", spans, 20, 3},
		{"PastAll", spans, 21, 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := quoteSpanSearch(tc.spans, tc.pos); got != tc.want {
				t.Errorf("quoteSpanSearch(%v, %d) = %d, want %d", tc.spans, tc.pos, got, tc.want)
			}
		})
	}
}

func TestCueUsed(t *testing.T) {
	// a.used as findReported leaves it: sorted by start, with usedMax the
	// longest span.
	a := &attributor{used: []Span{{10, 14}, {30, 42}, {31, 35}, {60, 64}}, usedMax: 12}
	for _, tc := range []struct {
		name string
		s, e int
		want bool
	}{
		{"BeforeAll", 0, 4, false},
		{"Exactly", 10, 14, true},
		{"Inside", 11, 13, true},
		{"RunsPast", 12, 16, false},
		{"StartsBefore", 9, 12, false},
		{"InsideLongSpanPastShortOne", 36, 41, true},
		{"InsideBoth", 32, 34, true},
		{"Between", 45, 50, false},
		{"Last", 60, 64, true},
		{"AfterAll", 70, 74, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := a.cueUsed(tc.s, tc.e); got != tc.want {
				t.Errorf("cueUsed(%d, %d) = %v, want %v", tc.s, tc.e, got, tc.want)
			}
		})
	}
}

// TestQuoteTrailingByline reads bylines that close a quote's paragraph: the
// name, and the span of the byline as written (body[span] is the mention).
func TestQuoteTrailingByline(t *testing.T) {
	long := " " + strings.Repeat("and a description that goes on ", 4)
	cases := []struct {
		name, tail string
		want       string // "" for no byline
		span       string // the byline's text as written
	}{
		{"NameOutlet", " Samantha Vinograd, CNN", "Samantha Vinograd", "Samantha Vinograd, CNN"},
		{"EditorialBoard", " The Editorial Board, Vox", "Vox", "The Editorial Board, Vox"},
		{"DashName", " – Bret Baier.", "Bret Baier", "Bret Baier."},
		{"DashTitleSpacesParty", " –\u00a0Sen.  Chris  Murphy D-Conn., on Twitter", "Chris Murphy", "\u00a0Sen.  Chris  Murphy D-Conn."},
		{"DashNoSpace", " —Barak Epstein, manager of The Texas Theatre", "Barak Epstein", "Barak Epstein"},
		{"TitleQuotedAfter", " - Charles Krauthammer, on “Special Report”", "", ""},
		{"LongDescription", " – Chris Murphy," + long, "", ""},
		{"Heading", " The Candidates Dominated Discussion, But Not Much Else", "", ""},
		{"SentenceGoesOn", " he said on Monday, and left", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			body := "“We will see about that.”" + c.tail
			end := strings.Index(body, ".”")
			name, at, ok := quoteTrailingByline(body, end, len(body))
			if ok != (c.want != "") || name != c.want {
				t.Fatalf("quoteTrailingByline = %q, %v; want %q", name, ok, c.want)
			}
			if ok && body[at.Start:at.End] != c.span {
				t.Errorf("span %q, want %q", body[at.Start:at.End], c.span)
			}
		})
	}
}

// quoteTokenizeRef is quoteTokenizeN read rune by rune, with none of its
// shortcuts: a word is letters and digits, joined by an apostrophe, a
// hyphen, a period or an ampersand before another letter (not a period
// before a capital after more than two bytes); an abbreviation takes its
// period unless only spaces and closing marks follow it before end; the
// four ASCII spaces and the non-ASCII spaces separate tokens; any other
// rune is a token of its own.
func quoteTokenizeRef(body string, start, end, n int) []qTok {
	var toks []qTok
	i := start
	for i < end && len(toks) < n {
		r, w := utf8.DecodeRuneInString(body[i:end])
		switch {
		case r == ' ' || r == '\n' || r == '\t' || r == '\r' || r >= utf8.RuneSelf && !isWordRune(r) && unicode.IsSpace(r):
			i += w
			continue
		case !isWordRune(r):
			toks = append(toks, qTok{s: i, e: i + w})
			i += w
			continue
		}
		s := i
		for i += w; i < end; {
			r, w := utf8.DecodeRuneInString(body[i:end])
			if isWordRune(r) {
				i += w
				continue
			}
			if (r == '\'' || r == '’' || r == '-' || r == '.' || r == '&') && i+w < end {
				if r2, _ := utf8.DecodeRuneInString(body[i+w : end]); isWordRune(r2) && !(r == '.' && unicode.IsUpper(r2) && i-s > 2) {
					i += w
					continue
				}
			}
			break
		}
		if i < end && body[i] == '.' && quoteAbbrevBefore(body, i) && !quoteAtEnd(body, i+1, end) {
			i++
		}
		toks = append(toks, qTok{s: s, e: i, word: true})
	}
	return toks
}

// TestQuoteTokenizeSameAsReference checks quoteTokenizeN against
// quoteTokenizeRef over windows of generated texts cut anywhere, with
// token limits, and that going on from the offset it returns gives the
// rest of the window's tokens.
func TestQuoteTokenizeSameAsReference(t *testing.T) {
	texts := fragTexts(11, 3000, 12, []string{"said", " ", "  ", "Mr.", "U.S.", "Sen", ".", ". ", ",", "’", "'s", "-",
		"&", "“", "”", "\"", ")", "é", "Москва", "\u00a0", "\n", "\t", "\v", "2016", "A", "abcdefghij", "x.Y", "Dr",
		"e.g.", "—", "\xff", "İ", "ABCDEFGHIJKLMNOP", "…"})
	rng := uint64(5)
	next := func(n int) int {
		rng = rng*6364136223846793005 + 1442695040888963407
		return int(rng>>33) % n
	}
	for _, text := range texts {
		for range 4 {
			start := next(len(text) + 1)
			end := start + next(len(text)-start+1)
			limit := end - start
			if next(2) == 0 {
				limit = next(6) + 1
			}
			want := quoteTokenizeRef(text, start, end, limit)
			got, off := quoteTokenizeN(text, start, end, nil, limit)
			if !slices.Equal(got, want) {
				t.Fatalf("quoteTokenizeN(%q, %d, %d, %d) = %v, want %v", text, start, end, limit, got, want)
			}
			if len(got) == limit {
				rest := quoteTokenizeRef(text, start, end, end-start)[limit:]
				if more := quoteTokenize(text, off, end, nil); !slices.Equal(more, rest) {
					t.Fatalf("quoteTokenizeN(%q, %d, %d, %d) stopped at %d, which goes on with %v, want %v", text, start, end, limit, off, more, rest)
				}
			}
		}
	}
}

// TestQuoteWordRune checks quoteWordRune against isWordRune on every rune
// of the block it answers at once, and on either side of it.
func TestQuoteWordRune(t *testing.T) {
	for r := rune(0x1f00); r <= 0x2100; r++ {
		if got, want := quoteWordRune(r), isWordRune(r); got != want {
			t.Errorf("quoteWordRune(%U) = %v, want %v", r, got, want)
		}
	}
}

// TestQuoteLastStop checks quoteLastStop against strings.LastIndexAny on
// every stretch of short texts, and on the test texts cut at either end.
func TestQuoteLastStop(t *testing.T) {
	ref := func(b string, lo, i int) int {
		if i < lo {
			return -1
		}
		if k := strings.LastIndexAny(b[lo:i+1], ".!?"); k >= 0 {
			return lo + k
		}
		return -1
	}
	for _, b := range []string{"", ".", "a", "He said so. Then! Why? No", "Mr. Smith went to Washington.", "a.b!c?d.e!f?g.h!i?j", "naïveté rules. ok"} {
		for lo := 0; lo <= len(b); lo++ {
			for i := lo - 1; i < len(b); i++ {
				if got, want := quoteLastStop(b, lo, i), ref(b, lo, i); got != want {
					t.Fatalf("quoteLastStop(%q, %d, %d) = %d, want %d", b, lo, i, got, want)
				}
			}
		}
	}
	for _, b := range quoteTestTexts() {
		for _, lo := range []int{0, len(b) / 3} {
			i := len(b) - 1 - len(b)/5
			if got, want := quoteLastStop(b, lo, i), ref(b, lo, i); got != want {
				t.Fatalf("quoteLastStop(%q, %d, %d) = %d, want %d", b, lo, i, got, want)
			}
		}
	}
}

// TestSpeechCueBefore checks the merged look-up of cueInVerbPlace against
// the two sets it stands for, on their words as written, capitalized and
// upper-cased, and on words of neither.
func TestSpeechCueBefore(t *testing.T) {
	words := []string{"", "also", "said", "Obama", "would", "will", "there"}
	for _, set := range []map[string]bool{speechCueModals, speechCueNounContext} {
		for w := range set {
			words = append(words, w, strings.ToUpper(w[:1])+w[1:], strings.ToUpper(w))
		}
	}
	for _, w := range words {
		bits := speechCueBefore[w]
		if got, want := bits&speechBeforeModal != 0, speechCueModals[w]; got != want {
			t.Errorf("speechCueBefore[%q] modal = %v, want %v", w, got, want)
		}
		if got, want := bits&speechBeforeNoun != 0, speechCueNounContext[w]; got != want {
			t.Errorf("speechCueBefore[%q] noun context = %v, want %v", w, got, want)
		}
	}
}

// TestQuoteCueTokEnd checks the token end quoteCueTokEnd tells without
// tokenizing against the tokenizer's, for every cue candidate of the scan
// and every window end past its start: cues before spaces, marks, joiners,
// digits, non-ASCII letters and periods, cut by the window or not.
func TestQuoteCueTokEnd(t *testing.T) {
	frags := []string{" ", "said", "told", "according", "says", "-", "'", "’", ".", ",", "é", "9", "&", "\n", "\t", "“", "”", "so", "U.S", "Mr", ":", ")", "\u00a0"}
	texts := append(quoteTestTexts(), fragTexts(11, 20000, 14, frags)...)
	told := 0
	var r quoteScanResult
	for _, body := range texts {
		r.reset()
		quoteScan(body, &r)
		for _, c := range r.cues {
			for we := c.Start + 1; we <= len(body); we++ {
				e := quoteCueTokEnd(body, c, we)
				if e < 0 {
					continue
				}
				told++
				one, _ := quoteTokenizeN(body, c.Start, we, nil, 1)
				if len(one) == 0 || one[0].s != c.Start || one[0].e != e {
					t.Fatalf("quoteCueTokEnd(%q, %v, %d) = %d, tokens %v", body, c, we, e, one)
				}
			}
		}
	}
	if told < 1000 {
		t.Fatalf("only %d token ends told", told)
	}
}

// TestQuoteIsThat checks quoteIsThat against strings.EqualFold: every byte
// in second place between bytes that are t, a or t in either case, differ
// from them in another bit, or lead a non-ASCII rune; and the non-ASCII
// letters that fold to ASCII ones.
func TestQuoteIsThat(t *testing.T) {
	var parts []string
	for c := 0; c < 256; c++ {
		parts = append(parts, string([]byte{byte(c)}))
	}
	ws := []string{"that", "THAT", "That", "tHaT", "ſhat", "thaK", "K", "that ", "tha", "thats", "\u212aat"}
	for _, a := range []string{"t", "T", "\x54", "\x74", "\x34", "\xd4", "\xf4"} {
		for _, b := range parts {
			for _, c := range []string{"a", "A", "\x21", "\x41", "\xc1", "\xe1"} {
				for _, d := range []string{"t", "T", "\x14", "\x94", "\xd4", "\xf4"} {
					ws = append(ws, a+b+c+d)
				}
			}
		}
	}
	for _, w := range ws {
		if got, want := quoteIsThat(w), strings.EqualFold(w, "that"); got != want {
			t.Fatalf("quoteIsThat(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestSpeechCueBeforeShape checks that the shape filter passes every word
// of speechCueBefore, so that the filtered look-up answers as the map.
func TestSpeechCueBeforeShape(t *testing.T) {
	for w := range speechCueBefore {
		if n := len(w); n >= 8 || speechCueBeforeShape[w[0]]>>n&1 == 0 {
			t.Fatalf("speechCueBeforeShape misses %q", w)
		}
	}
}

// TestSpeechCueShaped checks that the shape filter of speechCueAt passes
// every cue word and "according", and passes no word that is neither and
// differs from one in its first or last letter or its length alone.
func TestSpeechCueShaped(t *testing.T) {
	words := []string{"according"}
	for w := range speechCueWords {
		words = append(words, w)
	}
	for _, w := range words {
		if !speechCueShaped(w, w[0]) {
			t.Fatalf("speechCueShaped(%q) = false", w)
		}
		if up := strings.ToUpper(w[:1]) + w[1:]; !speechCueShaped(up, up[0]+'a'-'A') {
			t.Fatalf("speechCueShaped(%q) = false after the first letter's case", up)
		}
	}
	shapes := map[[3]byte]bool{}
	for _, w := range words {
		shapes[[3]byte{w[0], byte(len(w)), w[len(w)-1]}] = true
	}
	for _, w := range words {
		for c := range 256 {
			for _, v := range []string{string(rune(c)) + w[1:], w[:len(w)-1] + string([]byte{byte(c)}), w + string([]byte{byte(c)})} {
				if len(v) < 3 || len(v) > 15 {
					continue
				}
				want := v[0] >= 'a' && v[0] <= 'z' && shapes[[3]byte{v[0], byte(len(v)), v[len(v)-1]}]
				if got := speechCueShaped(v, v[0]); got != want {
					t.Fatalf("speechCueShaped(%q) = %v, want %v", v, got, want)
				}
			}
		}
	}
}

// TestSentenceStartAfter checks the forward search for a sentence's start
// against sentenceAround, from the paragraph's start and from each
// sentence end before pos (findReported's lo), at every offset of a spread
// of texts of stops, abbreviations, initials, closing marks and capitals,
// cut into paragraphs as the attribution pass cuts them.
func TestSentenceStartAfter(t *testing.T) {
	frags := []string{" ", ".", "!", "?", "Mr", "U.S", "J", "the", "He", "3", "”", "’", "\"", ")", "\n", "é", "É", "said", "“", "..."}
	texts := append(quoteTestTexts(), fragTexts(5, 20000, 24, frags)...)
	checked := 0
	for _, body := range texts {
		a := &attributor{body: body}
		for _, p := range quoteParagraphs(body, nil) {
			for pos := p.Start; pos <= p.End; pos++ {
				want := a.sentenceAround(pos, p)
				for lo := p.Start; lo <= pos; {
					if got := a.sentenceStartAfter(pos, lo, p); got != want {
						t.Fatalf("sentenceStartAfter(%q, %d, %d, %v) = %d, sentenceAround %d", body, pos, lo, p, got, want)
					}
					checked++
					if lo = a.sentenceEnd(lo, p.End); lo == p.End {
						break
					}
				}
			}
		}
	}
	if checked < 100000 {
		t.Fatalf("only %d starts checked", checked)
	}
}
