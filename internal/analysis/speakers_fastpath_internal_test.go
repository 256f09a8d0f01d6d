package analysis

import (
	"slices"
	"strings"
	"testing"
)

// The tests of this file hold the fast paths of quotes.go and speakers.go
// to the answers of the slower code they replaced: each case is one a
// wrong fast path answers differently, which the rest of the package's
// tests did not show.

// TestSpeakerGatherRunHyphenParticle: speakerHyphenParticle, which
// speakerGatherRun asks about the word after the run's, goes on past its
// inlined test only when a hyphen stands where a particle of two letters
// (k+3) or three letters (k+4) would end, k being the space after the
// run's word. Each position needs a case, or a test of only one of them
// passes.
func TestSpeakerGatherRunHyphenParticle(t *testing.T) {
	for _, tc := range []struct {
		body, want string
	}{
		// Two-letter particles: the hyphen stands at k+3.
		{"Bashar al-Assad said it.", "Bashar al-Assad"},
		{"Abdel-Fattah el-Sissi said it.", "Abdel-Fattah el-Sissi"},
		// Three-letter particles: the hyphen stands at k+4.
		{"Osama bin-Laden said it.", "Osama bin-Laden"},
		{"Abdullah ibn-Saud said it.", "Abdullah ibn-Saud"},
		{"Hasan abu-Nidal said it.", "Hasan abu-Nidal"},
		// A hyphen at k+3 or k+4 after no particle ends the run: the
		// inlined test only spares the call, speakerHyphenParticleRest
		// decides.
		{"Smith re-Elected said it.", "Smith"},
		{"Smith pre-War said it.", "Smith"},
		// A particle whose hyphen is followed by a lower-case word is no
		// part of a name.
		{"Smith al-qaeda said it.", "Smith"},
	} {
		if e := speakerGatherRun(tc.body, 0); tc.body[:e] != tc.want {
			t.Errorf("speakerGatherRun(%q, 0) reads %q, want %q", tc.body, tc.body[:e], tc.want)
		}
	}
}

// TestQuickSetHasSecondLetterFirst: has compares the second letter of a
// word with each of its bucket's (same first letter and length) before
// the rest. Words sharing the first two letters with a member but not the
// rest must not match, or a compare of the second letters alone passes.
func TestQuickSetHasSecondLetterFirst(t *testing.T) {
	q := newQuickSet(map[string]bool{"john": true, "maria": true, "al": true, "x": true})
	for _, tc := range []struct {
		w    string
		want bool
	}{
		{"john", true},
		{"John", true}, // the first letter is folded
		{"maria", true},
		{"Maria", true},
		{"al", true}, // two letters: nothing after the second
		{"X", true},  // one letter: any word of the bucket
		// The first two letters of a member, then others.
		{"joan", false},
		{"jobs", false},
		{"johs", false},
		{"Mario", false},
		{"marta", false},
		{"mazia", false},
		// The second letter differs.
		{"jahn", false},
		{"ak", false},
		{"", false},
	} {
		if got := q.has(tc.w); got != tc.want {
			t.Errorf("has(%q) = %v, want %v", tc.w, got, tc.want)
		}
	}
	// The package's own set, as speakerRunMayName asks it: "Jon" is a
	// first name, "Joe" too, "Jox" no word of it.
	for _, tc := range []struct {
		w    string
		want bool
	}{
		{"Jon", true},
		{"Joe", true},
		{"Jox", false},
		{"Mariq", false},
	} {
		if got := speakerPersonQuick.has(tc.w); got != tc.want {
			t.Errorf("speakerPersonQuick.has(%q) = %v, want %v", tc.w, got, tc.want)
		}
	}
}

// TestSpeakerSplitNamePossessive: the first loop of speakerSplitName
// tests each word but the last for a possessive by its last byte, then
// for "'s" or "’s". A possessive drops the titles before it ("Russia’s
// Foreign Minister Sergey Lavrov"), with the straight and the curly
// apostrophe alike. "President Obama’s Secretary John Kerry" is the case a
// test of the straight one alone gets wrong: "president" is kept as
// Kerry's title. ("Russia’s" is no title either way, so its case holds
// the common form, not the curly test.)
func TestSpeakerSplitNamePossessive(t *testing.T) {
	for _, tc := range []struct {
		words        string
		titles, name []string
	}{
		{"Russia's Foreign Minister Sergey Lavrov", []string{"foreign", "minister"}, []string{"Sergey", "Lavrov"}},
		{"Russia’s Foreign Minister Sergey Lavrov", []string{"foreign", "minister"}, []string{"Sergey", "Lavrov"}},
		{"President Obama’s Secretary John Kerry", []string{"secretary"}, []string{"John", "Kerry"}},
		{"President Obama's Secretary John Kerry", []string{"secretary"}, []string{"John", "Kerry"}},
		// A word ending in 's' with no apostrophe is no possessive.
		{"Foreign Minister Sergey Lavrov", []string{"foreign", "minister"}, []string{"Sergey", "Lavrov"}},
	} {
		titles, name := speakerSplitName(strings.Fields(tc.words), nil)
		if !slices.Equal(titles, tc.titles) || !slices.Equal(name, tc.name) {
			t.Errorf("speakerSplitName(%q) = %q, %q; want %q, %q", tc.words, titles, name, tc.titles, tc.name)
		}
	}
}

// TestSpeakerPossessiveOrg: the "'S" of a word in capitals is a
// possessive as "'s" is, for the straight and the curly apostrophe:
// "RUSSIA’S MINISTRY’S" must be read as an institution's word, and a
// switch without the "’S" branch would say no.
func TestSpeakerPossessiveOrg(t *testing.T) {
	for _, tc := range []struct {
		w    string
		want bool
	}{
		{"Ministry's", true},
		{"Ministry’s", true},
		{"MINISTRY'S", true},
		{"MINISTRY’S", true},
		{"PARTY’S", true},
		{"Party’s", true},
		// No possessive, or no institution's word.
		{"Ministry", false},
		{"MINISTRY", false},
		{"LAVROV’S", false},
		{"Lavrov's", false},
		{"’S", false},
	} {
		if got := speakerPossessiveOrg(tc.w); got != tc.want {
			t.Errorf("speakerPossessiveOrg(%q) = %v, want %v", tc.w, got, tc.want)
		}
	}
}

// TestQuoteTitleLastByte: quoteTitle rules out a content ending in a stop,
// comma, semicolon or colon by a switch on its last byte. A title-case
// content ending in ':' is no title (it opens what follows, as "“Three
// Things We Learned:” ..."), and only the colon case says so: the words
// and the text before the quote would make it one.
func TestQuoteTitleLastByte(t *testing.T) {
	for _, tc := range []struct {
		content string
		want    bool
	}{
		{"Making America Great Again", true}, // the control: a title
		{"Making America Great Again:", false},
		{"Making America Great Again;", false},
		{"Making America Great Again,", false},
		{"Making America Great Again.", false},
		{"Making America Great Again!", false},
		{"Making America Great Again?", false},
		{"Making America Great Again —", false},
		{"Making America Great Again…", false},
		{"Making America Great Again: ", false}, // trailing spaces trimmed
	} {
		body := "He called the plan “" + tc.content + "” and left."
		cs := strings.Index(body, "“") + len("“")
		ce := strings.Index(body, "”")
		a := &attributor{body: body, paras: []Span{{0, len(body)}}}
		r := quoteRaw{open: cs - len("“"), cs: cs, ce: ce, close: ce + len("”"), closed: true}
		if got := a.quoteTitle(r); got != tc.want {
			t.Errorf("quoteTitle(%q) = %v, want %v", body, got, tc.want)
		}
	}
}

// TestAddPersonTitlesArena: addPerson cuts each person's titles from one
// arena, the capacity ending at the person's room, so that a later mention
// adding titles past it copies them. Without that limit the first person's
// appends would write over the titles of the person recorded after.
func TestAddPersonTitlesArena(t *testing.T) {
	body := strings.Repeat("x ", 200)
	var x speakerIndex
	x.reset(body)
	lavrov := x.addPerson("Sergey Lavrov", []string{"diplomat"}, 0, 0)
	kerry := x.addPerson("John Kerry", []string{"envoy", "negotiator"}, 20, 20)
	// Lavrov's room is two titles: the third and fourth go past it.
	x.addPerson("Sergey Lavrov", []string{"spokesman", "veteran", "negotiator"}, 40, 40)
	x.addPerson("John Kerry", []string{"envoy"}, 60, 60)
	if got, want := x.persons[kerry].titles, []string{"envoy", "negotiator"}; !slices.Equal(got, want) {
		t.Errorf("John Kerry's titles = %q, want %q", got, want)
	}
	if got, want := x.persons[lavrov].titles, []string{"diplomat", "spokesman", "veteran", "negotiator"}; !slices.Equal(got, want) {
		t.Errorf("Sergey Lavrov's titles = %q, want %q", got, want)
	}
	// A third person after them keeps his own as well.
	obama := x.addPerson("Barack Obama", []string{"president"}, 80, 80)
	x.addPerson("John Kerry", []string{"diplomat", "spokesman", "veteran"}, 100, 100)
	if got := x.persons[obama].titles; len(got) == 0 || got[0] != "president" {
		t.Errorf("Barack Obama's titles = %q, want president first", got)
	}
	if got, want := x.persons[lavrov].titles, []string{"diplomat", "spokesman", "veteran", "negotiator"}; !slices.Equal(got, want) {
		t.Errorf("after Kerry's titles grew, Sergey Lavrov's titles = %q, want %q", got, want)
	}
}

// TestFindAttributionsFloatingParagraphs: the pass of run giving floating
// quotes (no cue of their own) the speaker of the attribution just before
// them, in the same paragraph or the next, finds each quote's paragraph
// by walking on from the one before, and the paragraph of an attributed
// quote's end by walking on from its start's. The cases put the
// floating quote one or two paragraphs after the attribution, in the last
// paragraph (where a walk stopping a paragraph short would put it one too
// near), and after a quote running over paragraphs (where the end's
// paragraph, not the start's, is the one to count from).
func TestFindAttributionsFloatingParagraphs(t *testing.T) {
	for _, tc := range []struct {
		name     string
		body     string
		speakers []string // of the quotes, in order
	}{
		{
			// The next paragraph inherits; two paragraphs on, the last
			// one, does not.
			name: "next paragraph, then two on",
			body: "“We will win this fight,” said John Smith, the mayor.\n\n“Nothing will stop us now.”\n\n" +
				"The rain fell all day on the city.\n\n“The city will recover soon.”",
			speakers: []string{"John Smith", "John Smith", ""},
		},
		{
			// Two paragraphs on, the last: a walk stopping short of the
			// last paragraph counts one.
			name: "two on, last paragraph",
			body: "“We will win this fight,” said John Smith, the mayor.\n\n" +
				"The rain fell all day on the city.\n\n“The city will recover soon.”",
			speakers: []string{"John Smith", ""},
		},
		{
			// Two paragraphs on, not the last.
			name: "two on, then more",
			body: "“We will win this fight,” said John Smith, the mayor.\n\n" +
				"The rain fell all day on the city.\n\n“The city will recover soon.”\n\n" +
				"The river rose over its banks by night.",
			speakers: []string{"John Smith", ""},
		},
		{
			// A quote over two paragraphs: the floating quote is in the
			// paragraph after its end, two after its start.
			name: "after a quote over two paragraphs",
			body: "John Smith, the mayor, said: “We will win this fight.\n\n" +
				"“We have the money and the people to do it.”\n\n“The city will recover soon.”",
			speakers: []string{"John Smith", "John Smith"},
		},
		{
			// Over three paragraphs: the floating quote is three after
			// its start.
			name: "after a quote over three paragraphs",
			body: "John Smith, the mayor, said: “We will win this fight.\n\n" +
				"“We have the money and the people to do it.\n\n“And we will.”\n\n“The city will recover soon.”",
			speakers: []string{"John Smith", "John Smith"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := FindAttributions(tc.body)
			var got []string
			for _, q := range a.Quotes {
				if q.Kind == QuoteDirect {
					got = append(got, q.Speaker)
				}
			}
			if !slices.Equal(got, tc.speakers) {
				t.Errorf("speakers %q, want %q", got, tc.speakers)
			}
		})
	}
}

// TestQuoteMentionOrderSorts: quoteMentionOrder sorts only when the
// mentions are out of order, which they nearly never are: quotes whose
// mentions stand in another order than the quotes (a mention after the
// next quote, "“A,” ... “B” ... said Smith") must still come back sorted
// by the mention's offset, ties in the quotes' order, and quotes without a
// mention left out. quoteNearestSpeaker searches the order by offset.
func TestQuoteMentionOrderSorts(t *testing.T) {
	m := func(s, e int) Quote { return Quote{MentionStart: s, MentionEnd: e} }
	for _, tc := range []struct {
		qs   []Quote
		want []int
	}{
		{[]Quote{m(10, 15), m(20, 25), m(30, 35)}, []int{0, 1, 2}},
		{[]Quote{m(30, 35), m(10, 15), m(20, 25)}, []int{1, 2, 0}},
		// Out of order in every pair, and in the first pair only: the
		// check for order must look at each pair, the first one too.
		{[]Quote{m(30, 35), m(20, 25), m(10, 15)}, []int{2, 1, 0}},
		{[]Quote{m(20, 25), m(10, 15), m(30, 35), m(40, 45)}, []int{1, 0, 2, 3}},
		{[]Quote{m(10, 15), m(40, 45), m(20, 25), {}, m(30, 35)}, []int{0, 2, 4, 1}},
		// Equal offsets keep the quotes' order (the sort is stable).
		{[]Quote{m(40, 45), m(10, 15), m(40, 45), m(10, 15)}, []int{1, 3, 0, 2}},
		{[]Quote{{}, m(5, 9)}, []int{1}},
		{nil, nil},
	} {
		if got := quoteMentionOrder(tc.qs, nil); !slices.Equal(got, tc.want) {
			t.Errorf("quoteMentionOrder(%v) = %v, want %v", tc.qs, got, tc.want)
		}
	}
	// Past a dozen mentions the sort is no insertion sort: ties must keep
	// the quotes' order there too, which an unstable sort does not.
	const n = 60
	qs := make([]Quote, n)
	for i := range qs {
		qs[i] = m((n-1-i)/4*10+1, (n-1-i)/4*10+5) // in fours, the later first
	}
	var want []int
	for g := 0; g < n/4; g++ {
		for i := range qs {
			if qs[i].MentionStart == g*10+1 {
				want = append(want, i)
			}
		}
	}
	if got := quoteMentionOrder(qs, nil); !slices.Equal(got, want) {
		t.Errorf("quoteMentionOrder of %d mentions in fours = %v, want %v", n, got, want)
	}
}

// TestFindAttributionsTitleColon: quoteTitle's last-byte switch seen
// through FindAttributions. A title-case quote ending in a colon is a
// quote, given to the sentence's speaker; without the colon it is a title
// and no direct quote is kept. Dropping ':' from the switch loses the
// first case's quote.
func TestFindAttributionsTitleColon(t *testing.T) {
	for _, tc := range []struct {
		body   string
		direct []string // "content=speaker" of the direct quotes
	}{
		{
			body:   "He called the plan “Making America Great Again:” and Senator John Smith said the plan would fail.",
			direct: []string{"Making America Great Again=John Smith"},
		},
		{
			// The control: the same words without the colon are a title.
			body:   "He called the plan “Making America Great Again” and Senator John Smith said the plan would fail.",
			direct: nil,
		},
	} {
		var got []string
		for _, q := range FindAttributions(tc.body).Quotes {
			if q.Kind == QuoteDirect {
				got = append(got, tc.body[q.Start:q.End]+"="+q.Speaker)
			}
		}
		if !slices.Equal(got, tc.direct) {
			t.Errorf("FindAttributions(%q): direct quotes %q, want %q", tc.body, got, tc.direct)
		}
	}
}
