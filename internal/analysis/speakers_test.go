package analysis_test

import (
	"strings"
	"testing"

	"github.com/framinglens/framinglens/internal/analysis"
)

// TestSpeakers checks who FindAttributions names for the first attribution
// whose text starts with the given words.
func TestSpeakers(t *testing.T) {
	cases := []struct {
		name, body, quote, speaker, mention string
	}{
		{"SurnameMergesWithFullName",
			"Russia's Foreign Minister Sergey Lavrov arrived in Geneva.\n\n“We will not leave the talks now,” Lavrov said.",
			"We will not", "Sergey Lavrov", "Lavrov"},
		{"PronounResolvesByGender",
			"Hillary Clinton met Bernie Sanders on Monday.\n\n“I think we can find common ground here,” she said.",
			"I think", "Hillary Clinton", "she"},
		{"PronounMaleSkipsFemale",
			"Donald Trump answered Hillary Clinton at once.\n\n“That is simply not true at all,” he said.",
			"That is", "Donald Trump", "he"},
		{"TitleDescription",
			"Defense Minister Sergei Shoigu visited the base.\n\nThe minister said that the troops would stay.",
			"the troops", "Sergei Shoigu", "The minister"},
		{"AppositionAfterQuote",
			"“The numbers are better than expected this month,” Jane Roe, an economist at the bank, said.",
			"The numbers", "Jane Roe", "Jane Roe"},
		{"AppositionBeforeQuote",
			"Brian Fallon, a spokesman for the campaign, said, “We are cooperating fully with the inquiry.”",
			"We are", "Brian Fallon", "Brian Fallon"},
		{"SentenceFinalCueAfterMixedQuote",
			"“The evidence is extremely strong for the account” than for the other, Zuckoff said.",
			"The evidence", "Zuckoff", "Zuckoff"},
		{"CollectiveSpeaker",
			"Some of the armed groups in eastern Aleppo said they would not agree to withdrawal.",
			"they would", "armed groups in eastern Aleppo", "Some of the armed groups in eastern Aleppo"},
		{"CollectiveTheyResolves",
			"The rebel commanders met in Idlib.\n\nThe rebel commanders said the offer was a trap.\n\nThey added that the fighting would go on.",
			"the fighting", "rebel commanders", "They"},
		{"InstitutionAsSpeaker",
			"Moscow said the document was counterproductive.",
			"the document", "Moscow", "Moscow"},
		{"ColonIntroducesQuote",
			"Kasich resisted: “Governors do not have the power to suspend the law.”",
			"Governors do", "Kasich", "Kasich"},
		{"HonorificSurnameThatIsATitle",
			"Robert King spoke last.\n\n''The senator has had twelve years to deliver,'' Mr. King said.",
			"The senator", "Robert King", "Mr. King"},
		{"DescriptorDroppedBeforeName",
			"“We came here in good faith,” the opposition negotiator Nasr al-Hariri told reporters.",
			"We came", "Nasr al-Hariri", "the opposition negotiator Nasr al-Hariri"},
		{"DescriptorDroppedInvertedSpeaker",
			"“The talks are over for now,” said opposition spokesman Yahya al-Aridi.",
			"The talks", "Yahya al-Aridi", "opposition spokesman Yahya al-Aridi"},
		{"InstitutionalDescriptorBeforeName",
			"“We will not attend the next round of talks,” the Kremlin spokesman Dmitry Peskov told reporters.",
			"We will", "Dmitry Peskov", "the Kremlin spokesman Dmitry Peskov"},
		{"InstitutionalPhraseKeepsItsWords",
			"The pro-government Syrian media said the rebels had withdrawn from the district.",
			"the rebels", "pro-government Syrian media", "The pro-government Syrian media"},
		{"NameWithParticle",
			"UN envoy Staffan de Mistura met both sides.\n\n“This is a fragile moment for everyone,” de Mistura said.",
			"This is", "Staffan de Mistura", "de Mistura"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := analysis.FindAttributions(c.body)
			for _, q := range got.Quotes {
				if len(q.Text) < len(c.quote) || q.Text[:len(c.quote)] != c.quote {
					continue
				}
				if q.Speaker != c.speaker || q.Mention != c.mention {
					t.Errorf("speaker of %q = %q (mention %q), want %q (mention %q)", q.Text, q.Speaker, q.Mention, c.speaker, c.mention)
				}
				return
			}
			t.Errorf("no attribution starting %q in %+v", c.quote, got.Quotes)
		})
	}
}

// TestFloatingQuotes checks that a quote with no cue of its own takes the
// speaker of the attribution before it, and only then.
func TestFloatingQuotes(t *testing.T) {
	cases := []struct {
		name, body, quote, speaker string
	}{
		{"InheritsFromPreviousQuote",
			"“We are ready to talk to everyone,” Peskov said.\n\n“But not to terrorists who shell the city.”",
			"But not", "Peskov"},
		{"InheritsFromReportedSpeech",
			"Trump told CNN his policy would change.\n\n“We have to be a lot tougher than we are.”",
			"We have", "Trump"},
		{"FirstPersonEndsTheRun",
			"“We are ready to talk to everyone,” Peskov said.\n\n“Okay,” I said. “I was not there that day at all.”",
			"I was", ""},
		{"TooFarToInherit",
			"“We are ready to talk to everyone,” Peskov said.\n\nThe city was quiet.\n\nShops opened again.\n\n“Nobody knows how long this will last here.”",
			"Nobody knows", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, q := range analysis.FindAttributions(c.body).Quotes {
				if len(q.Text) >= len(c.quote) && q.Text[:len(c.quote)] == c.quote {
					if q.Speaker != c.speaker {
						t.Errorf("speaker of %q = %q, want %q", q.Text, q.Speaker, c.speaker)
					}
					return
				}
			}
			t.Errorf("no quote starting %q", c.quote)
		})
	}
}

// TestPronounCapitalsReadInOneOrder pins how a pronoun's speaker depends
// on the capitals read before it. "the senator says" asks for a senator
// nobody is: a shortcut that skipped reading the capitals then (as no one
// could fit) let "Van Leeuw" be read only after "Jan Van Leeuw" lengthened
// the name, and "She" went to him instead of to Abdel el-Sisi (see
// speakerCap on why the order matters).
func TestPronounCapitalsReadInOneOrder(t *testing.T) {
	text := `Mrs. Leeuw added. "Never again," Abdel el-Sisi said. "Never again," Mr. Dam added. ` +
		`Van Leeuw, who teaches, spoke. She recently wrote a book. “Never again,” the senator says. “No,” said Jan Van Leeuw.`
	// The text cut right after the sentence: what follows it, "Jan Van
	// Leeuw" among it, does not change its speaker.
	const sentence = "She recently wrote a book."
	cut := text[:strings.Index(text, sentence)+len(sentence)]
	for _, text := range []string{text, cut} {
		r, err := mustEngine(t).Analyze(analysis.Input{Text: text})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, q := range r.Quotes {
			if strings.Contains(q.Text, "a book") {
				found = true
				if q.Speaker != "Abdel el-Sisi" {
					t.Errorf("text %q: speaker of %q = %q, want Abdel el-Sisi", text, q.Text, q.Speaker)
				}
			}
		}
		if !found {
			t.Fatalf("text %q: no quote holds %q; quotes: %+v", text, "a book", r.Quotes)
		}
	}
}
