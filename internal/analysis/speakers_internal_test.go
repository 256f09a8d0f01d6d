package analysis

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestSpeakerQuantifierAt(t *testing.T) {
	// firstMatch is the plain reading: the first quantifier of the list
	// that the phrase starts with.
	firstMatch := func(b []byte) int {
		for _, q := range speakerQuantifiers {
			if speakerHasPrefixBytes(b, q) {
				return len(q)
			}
		}
		return 0
	}
	for _, tc := range []struct {
		name   string
		phrase string
		want   int
	}{
		{"Empty", "", 0},
		{"NoQuantifier", "armed groups", 0},
		{"LongestFirst", "some of the armed groups", len("some of the ")},
		{"ShorterForm", "some of them", len("some of ")},
		{"Article", "the ministry", len("the ")},
		{"ReportBeforeArticle", "a report in the times", len("a report in the ")},
		{"ArticleA", "a senior official", len("a ")},
		{"AnotherNotAn", "another official", len("another ")},
		{"WordOnlyStartsSo", "anyone", 0},
		{"Possessive", "of their leaders", len("of their ")},
		{"NoSpaceAfter", "the", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := []byte(tc.phrase)
			if got := speakerQuantifierAt(b); got != tc.want {
				t.Errorf("speakerQuantifierAt(%q) = %d, want %d", tc.phrase, got, tc.want)
			}
			if got := firstMatch(b); got != tc.want {
				t.Errorf("first match of the list for %q = %d, want %d", tc.phrase, got, tc.want)
			}
		})
	}
	// Every quantifier, and every quantifier run on into a phrase, reads as
	// the list's first match.
	for _, q := range speakerQuantifiers {
		for _, s := range []string{q, q + "officials", q + "the officials", strings.TrimSuffix(q, " ")} {
			b := []byte(s)
			if got, want := speakerQuantifierAt(b), firstMatch(b); got != want {
				t.Errorf("speakerQuantifierAt(%q) = %d, want %d", s, got, want)
			}
		}
	}
}

// TestSpeakerFirstNameInFlags checks that speakerFirstNameIn, which reads
// the flags a token keeps, answers as the first-name lists do, in any case.
func TestSpeakerFirstNameInFlags(t *testing.T) {
	words := []string{"Mike", "mike", "MIKE", "Hillary", "hillary", "Lavrov", "the", "Minister", "Théo", "José", "may", "May"}
	for w := range speakerMaleNames {
		words = append(words, w, strings.ToUpper(w[:1])+w[1:])
	}
	for w := range speakerFemaleNames {
		words = append(words, w, strings.ToUpper(w[:1])+w[1:])
	}
	for _, w := range words {
		toks := quoteTokenize(w, 0, len(w), nil)
		if len(toks) != 1 {
			continue // a list word the tokenizer splits: no single token
		}
		lw := lowerWord(w)
		want := speakerMaleNames[lw] || speakerFemaleNames[lw]
		if got := speakerFirstNameIn(w, toks, []int{0}); got != want {
			t.Errorf("speakerFirstNameIn(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestSpeakerTokFlagsKept checks that the flags of a token are the same
// when first looked up and when read back from the token, in any order of
// speakerTokFlags and speakerTokInfo calls, and match the word's own flags.
func TestSpeakerTokFlagsKept(t *testing.T) {
	for _, tc := range []struct {
		name, text string
	}{
		{"SetWords", "the president said on Monday"},
		{"FoldedWords", "The President SAID Jan. 5"},
		{"UnknownWords", "Lavrov xyzzy Kremlin"},
		{"NonASCII", "Merkel sagte, café Москва"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			toks := quoteTokenize(tc.text, 0, len(tc.text), nil)
			for i := range toks {
				want := speakerWordFlags0(tc.text[toks[i].s:toks[i].e])
				if i%2 == 0 {
					speakerTokInfo(tc.text, toks, i)
				}
				for range 2 {
					if got := speakerTokFlags(tc.text, toks, i); got != want {
						t.Fatalf("speakerTokFlags(%q) = %#x, want %#x", tc.text[toks[i].s:toks[i].e], got, want)
					}
				}
				if _, got := speakerTokInfo(tc.text, toks, i); got != want {
					t.Fatalf("speakerTokInfo(%q) flags = %#x, want %#x", tc.text[toks[i].s:toks[i].e], got, want)
				}
			}
		})
	}
}

// TestSpeakerWordKeyOf checks the word keys, read in overlapping loads,
// against the bytes of the word packed one at a time, for every length a
// key holds.
func TestSpeakerWordKeyOf(t *testing.T) {
	const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	for n := 0; n <= speakerWordKeyMax; n++ {
		for _, w := range []string{letters[:n], letters[len(letters)-n:], strings.Repeat("\xff", n)} {
			var want speakerWordKey
			for i := 0; i < len(w); i++ {
				want[i/8] |= uint64(w[i]) << (8 * (i % 8))
			}
			// The word is cut out of a longer text, as tokens are: a load
			// must not read the bytes after it.
			text := w + "xyzzy"
			k0, k1, k2 := speakerWordKeyOf(text[:n])
			if got := (speakerWordKey{k0, k1, k2}); got != want {
				t.Errorf("speakerWordKeyOf(%q) = %x, want %x", w, got, want)
			}
		}
	}
}

// TestSpeakerLowersToASCII checks what speakerWordSlow relies on: of the
// non-ASCII runes, only 'İ' and the Kelvin sign lower to an ASCII letter.
func TestSpeakerLowersToASCII(t *testing.T) {
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if l := unicode.ToLower(r); l < utf8.RuneSelf && r != 'İ' && r != '\u212a' {
			t.Errorf("%U lowers to %q: speakerWordSlow must lower words holding it", r, l)
		}
	}
	for _, tc := range []struct {
		word, want string
		wantFlags  uint32
	}{
		{"Trump’s", "Trump’s", 0},
		{"café", "café", 0},
		{"\u212aING", "king", speakerWordFlags("king")},
		{"SAİD", "said", speakerWordFlags("said")},
		{"İs", "is", speakerWordFlags("is")},
	} {
		if w, f := speakerWordSlow(tc.word); w != tc.want || f != tc.wantFlags {
			t.Errorf("speakerWordSlow(%q) = %q, %#x; want %q, %#x", tc.word, w, f, tc.want, tc.wantFlags)
		}
	}
}

// TestSpeakerCapsCover checks that the run starts capsCover lists, after
// covering ranges in any order, are those of the body in the stretches
// covered, in order, that the stretches hold every range asked about, and
// that what was kept of a run start (its end, once read) stays with it
// when run starts are listed before it.
func TestSpeakerCapsCover(t *testing.T) {
	body := "Foreign Minister Sergei Lavrov said. McDonald's CEO Öztürk met U.S. officials in Moscow; 'Ask Lavrov,' said Putin-Aide X. Y."
	var all []speakerCap
	for i := 0; i < len(body); i++ {
		if c := body[i]; c >= 'A' && c <= 'Z' && (i == 0 || !isWordRune(rune(body[i-1]))) {
			all = append(all, speakerCap{at: int32(i)})
		}
	}
	for _, ranges := range [][][2]int{
		{{0, len(body)}},
		{{40, 60}, {10, 30}, {0, 5}, {70, len(body)}},
		{{60, 60}, {30, 90}, {29, 91}, {3, 50}},
		{{100, 110}, {50, 60}, {55, 120}, {0, 1}},
		{{90, 100}, {10, 20}, {50, 60}, {30, 40}, {20, 30}, {5, 95}, {60, 61}, {0, 0}, {110, len(body)}},
		{{70, 80}, {20, 30}, {40, 50}, {80, 90}, {10, 20}, {0, 5}, {25, 45}},
	} {
		var x speakerIndex
		x.reset(body)
		for n, r := range ranges {
			x.capsCover(r[0], r[1])
			var want []speakerCap
			for _, c := range all {
				for _, sp := range x.capsSpans {
					if int(c.at) >= sp.Start && int(c.at) < sp.End {
						want = append(want, c)
					}
				}
			}
			held := r[0] >= r[1]
			for k, sp := range x.capsSpans {
				held = held || sp.Start <= r[0] && r[1] <= sp.End
				if sp.Start >= sp.End || k > 0 && x.capsSpans[k-1].End >= sp.Start {
					t.Fatalf("after covering %v: stretches %v are not apart and in order", ranges[:n+1], x.capsSpans)
				}
			}
			got := make([]speakerCap, len(x.caps))
			for i, c := range x.caps {
				got[i] = speakerCap{at: c.at}
				if c.end != 0 && c.end != c.at+1 {
					t.Fatalf("after covering %v: the kept end of the run start at %d is %d", ranges[:n+1], c.at, c.end)
				}
			}
			if !held || !slices.Equal(got, want) {
				t.Fatalf("after covering %v: stretches %v list %v, want %v", ranges[:n+1], x.capsSpans, got, want)
			}
			for i := range x.caps {
				x.caps[i].end = x.caps[i].at + 1 // as if read
			}
		}
	}
}

// TestSpeakerWordFlagsMatchSets checks that a token's flag for a word set
// answers what looking its lower-case form up in the set answers, which
// the phrase readers rely on when they test the flag instead: on the
// set's words as written, capitalized and upper-cased, and on words of no
// set.
func TestSpeakerWordFlagsMatchSets(t *testing.T) {
	for _, tc := range []struct {
		name string
		set  map[string]bool
		flag uint32
	}{
		{"Periods", speakerPeriods, swPeriod},
		{"PeriodDets", speakerPeriodDets, swPeriodDet},
		{"Nobody", speechNobody, swNobody},
		{"WhereNouns", speechWhereNouns, swWhereNoun},
		{"WhereOpeners", speechWhereOpeners, swWhereOpener},
		{"Preps", speakerPreps, swPreps},
	} {
		t.Run(tc.name, func(t *testing.T) {
			words := []string{"Lavrov", "said", "the", "xyzzy", "Москва", "week’s"}
			for w := range tc.set {
				words = append(words, w, strings.ToUpper(w[:1])+w[1:], strings.ToUpper(w))
			}
			text := strings.Join(words, " ")
			toks := quoteTokenize(text, 0, len(text), nil)
			for i := range toks {
				want := tc.set[speakerLower(text, toks, i)]
				if got := speakerTokFlags(text, toks, i)&tc.flag != 0; got != want {
					t.Errorf("flag of %q = %v, want %v", text[toks[i].s:toks[i].e], got, want)
				}
			}
		})
	}
}

// TestNamedWithAnyOrder holds namedWith, which keeps what it has read of
// the body between calls, to a fresh backward reading of the body (its
// first form), whatever the order of the offsets asked about, and
// quoteFirstWordFrom to quoteLastWordBefore read forward.
func TestNamedWithAnyOrder(t *testing.T) {
	body := "Lavrov spoke. Russian diplomats met Lavrovs.\nRussian Foreign Minister Sergey Lavrov said no. " +
		"Israeli media quoted Lavrov; Israeli Prime Minister Lavrov-Smith agreed.\nThe Israeli envoy met Mr. Lavrov."
	reference := func(sur, w string, pos int) bool {
		for {
			k := quoteLastWordBefore(body, 0, pos, sur)
			if k < 0 {
				return false
			}
			lo := max(0, k-speakerNamedWithReach)
			if nl := strings.LastIndexByte(body[lo:k], '\n'); nl >= 0 {
				lo += nl + 1
			}
			if quoteLastWordBefore(body, lo, k, w) >= 0 {
				return true
			}
			pos = k
		}
	}
	var positions []int
	for pos := 0; pos <= len(body); pos++ {
		positions = append(positions, pos)
	}
	reversed := slices.Clone(positions)
	slices.Reverse(reversed)
	mixed := slices.Clone(positions)
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(mixed), func(i, j int) { mixed[i], mixed[j] = mixed[j], mixed[i] })
	answered := 0
	for _, order := range [][]int{positions, reversed, mixed} {
		var x speakerIndex
		x.reset(body)
		x.persons = append(x.persons, speakerPerson{name: "Sergey Lavrov"})
		for _, pos := range order {
			for _, w := range []string{"Russian", "Israeli", "Foreign", "French"} {
				got, want := x.namedWith(0, w, pos), reference("Lavrov", w, pos)
				if got != want {
					t.Fatalf("namedWith(Lavrov, %q, %d) = %v, want %v", w, pos, got, want)
				}
				if got {
					answered++
				}
			}
		}
	}
	if answered == 0 {
		t.Fatal("no offset found Lavrov named with any word: the test reads nothing")
	}
	for from := 0; from <= len(body); from++ {
		for _, w := range []string{"Lavrov", "Israeli", "met"} {
			want := -1
			for hi := len(body); ; {
				k := quoteLastWordBefore(body, from, hi, w)
				if k < 0 {
					break
				}
				want, hi = k, k
			}
			if got := quoteFirstWordFrom(body, from, w); got != want {
				t.Fatalf("quoteFirstWordFrom(body, %d, %q) = %d, want %d", from, w, got, want)
			}
		}
	}
}

// TestGivenLikeWordLongBody holds the lower-case word set a long body uses
// to speakerGivenLike's search of the body, word by word.
func TestGivenLikeWordLongBody(t *testing.T) {
	text := "Anzor Tsarnaev met Hal Rogers and the host. Fox Host Kilmeade said: Rotterdam, Jerrold and Mike. "
	body := strings.Repeat(text, speakerLowerWordsMin/len(text)+1) + "Rogers said host!"
	if len(body) < speakerLowerWordsMin {
		t.Fatal("the body is too short to take the long path")
	}
	var x speakerIndex
	x.reset(body)
	likes := 0
	for _, w := range []string{"Anzor", "Hal", "Host", "Fox", "Kilmeade", "Rotterdam", "Jerrold", "Mike", "Rogers", "Said", "Islamist", "Mostly", "Tsarnaev", "ab"} {
		want := speakerGivenLike(w, body)
		if got := x.givenLikeWord(w); got != want {
			t.Errorf("givenLikeWord(%q) = %v, speakerGivenLike %v", w, got, want)
		}
		if want {
			likes++
		}
	}
	if likes == 0 || likes == 14 {
		t.Errorf("%d of 14 words given-like: the cases test one answer only", likes)
	}
}
