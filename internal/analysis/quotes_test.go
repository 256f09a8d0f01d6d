package analysis_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/shareddata"
)

// seedBody builds the cleaned body of the seed article by line filtering:
// the icon line, the date line, the title line and the "READ MORE:" lines
// go; the other non-empty lines are the paragraphs.
func seedBody(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(shareddata.Path(t, "seed", "000_cc1d012572213696.txt"))
	if err != nil {
		t.Fatalf("read seed: %v", err)
	}
	var paras []string
	n := 0
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		n++
		if n <= 3 || strings.HasPrefix(line, "READ MORE:") {
			continue
		}
		paras = append(paras, line)
	}
	return strings.Join(paras, "\n\n")
}

// TestFindAttributionsSeed checks the seed article end to end: its four
// direct quotes (three with the opening mark lost in scraping), all by
// Sergey Lavrov, and its reported attributions with their speakers.
func TestFindAttributionsSeed(t *testing.T) {
	body := seedBody(t)
	got := analysis.FindAttributions(body)
	var direct []analysis.Quote
	reported := map[string]string{} // first words of the content -> speaker
	for _, q := range got.Quotes {
		if q.Text != body[q.Start:q.End] {
			t.Errorf("quote %q: Text differs from body[%d:%d] = %q", q.Text, q.Start, q.End, body[q.Start:q.End])
		}
		if q.Side != "" {
			t.Errorf("quote %q: Side = %q, want empty", q.Text, q.Side)
		}
		if q.Words != analysis.CountWords(q.Text) {
			t.Errorf("quote %q: Words = %d, want %d", q.Text, q.Words, analysis.CountWords(q.Text))
		}
		if q.Kind == analysis.QuoteDirect {
			direct = append(direct, q)
			continue
		}
		f := strings.Fields(q.Text)
		reported[strings.Join(f[:min(3, len(f))], " ")] = q.Speaker
	}
	wantDirect := []struct{ start, end string }{
		{"They have withdrawn their document", "resupply"},
		{"The same thing happened with our agreement of September 9", "September 9"},
		{"The thing that the Americans offered", "John Kerry."},
		{"It’s sad that", "extremists"},
	}
	if len(direct) != len(wantDirect) {
		for _, q := range direct {
			t.Logf("direct: %q", q.Text)
		}
		t.Fatalf("got %d direct quotes, want %d", len(direct), len(wantDirect))
	}
	for i, w := range wantDirect {
		q := direct[i]
		if !strings.HasPrefix(q.Text, w.start) || !strings.HasSuffix(q.Text, w.end) {
			t.Errorf("direct quote %d = %q, want %q ... %q", i, q.Text, w.start, w.end)
		}
		if q.Speaker != "Sergey Lavrov" {
			t.Errorf("direct quote %d speaker = %q, want Sergey Lavrov", i, q.Speaker)
		}
	}
	wantReported := map[string]string{
		"Just as the":                 "Sergey Lavrov",
		"the Americans are":           "Sergey Lavrov",
		"the Wednesday consultations": "Sergey Lavrov",
		"there would apparently":      "Sergey Lavrov",
		"the plan involved":           "Sergey Lavrov",
		"he is making":                "US media",
		"they would not":              "armed groups in eastern Aleppo",
		"several militant commanders": "pro-government Syrian media",
		"the document was":            "Moscow",
		"its criticism of":            "Russia",
	}
	for start, want := range wantReported {
		if got, ok := reported[start]; !ok {
			t.Errorf("no reported speech starting %q; got %v", start, reported)
		} else if got != want {
			t.Errorf("reported speech %q: speaker = %q, want %q", start, got, want)
		}
	}
	moscow := false
	for _, q := range got.Quotes {
		if q.Kind == analysis.QuoteReported && q.Speaker == "Moscow" && strings.Contains(q.Text, "hardcore jihadists") {
			moscow = true
		}
		switch q.Speaker {
		case "John Kerry", "Kerry", "Barack Obama", "Obama", "United States", "US", "Washington":
			t.Errorf("quote %q attributed to %q", q.Text, q.Speaker)
		}
	}
	if !moscow {
		t.Errorf("no reported speech by Moscow holding %q", "hardcore jihadists")
	}
	reg, err := analysis.DefaultRegistry("syria-2016")
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range got.Quotes {
		if _, side, _, ok := reg.Resolve(q.Speaker); !ok {
			t.Errorf("speaker %q of %q not in the registry", q.Speaker, q.Text)
		} else if strings.Contains(q.Speaker, "Lavrov") || q.Speaker == "Moscow" || q.Speaker == "Russia" {
			if side != "russia" {
				t.Errorf("speaker %q: side %q, want russia", q.Speaker, side)
			}
		}
	}
}

// quoteCase is one body and the direct quotes, reported speech and scare
// quotes expected in it (text and speaker).
type quoteCase struct {
	name   string
	body   string
	direct [][2]string // text, speaker
	report [][2]string // text, speaker
	scare  []string
}

func TestFindAttributionsCases(t *testing.T) {
	cases := []quoteCase{
		{name: "StraightQuoteSpeakerAfter", body: `"We will not accept this deal at all," Smith said.`,
			direct: [][2]string{{"We will not accept this deal at all", "Smith"}}},
		{name: "CurlyQuoteInvertedSpeaker", body: "“We will not accept this deal at all,” said Senator John Smith.",
			direct: [][2]string{{"We will not accept this deal at all", "John Smith"}}},
		{name: "NYTDoubledApostrophes", body: "''The economy is finally turning around,'' said Janet Brown, an economist.",
			direct: [][2]string{{"The economy is finally turning around", "Janet Brown"}}},
		{name: "SingleQuotesInsideDouble", body: `"They told us 'go home now' and we did," the witness said.`,
			direct: [][2]string{{"They told us 'go home now' and we did", "witness"}}},
		{name: "SplitQuoteSameSpeaker", body: "Foreign Minister Sergey Lavrov spoke on Monday.\n\n“This is the first part,” he said. “And this is the second part of it.”",
			direct: [][2]string{{"This is the first part", "Sergey Lavrov"}, {"And this is the second part of it.", "Sergey Lavrov"}}},
		{name: "SpeakerBeforeWithColon", body: "Lavrov told reporters: “The talks are off for now.”",
			direct: [][2]string{{"The talks are off for now.", "Lavrov"}}},
		{name: "QuoteWithLostOpeningMark", body: "The ceasefire is over and nobody wants to talk,” Lavrov said.",
			direct: [][2]string{{"The ceasefire is over and nobody wants to talk", "Lavrov"}}},
		{name: "MultiParagraphQuote", body: "Mayor Jane Doe said: “We have rebuilt the bridge.\n\n“We will rebuild the school next year.”",
			direct: [][2]string{{"We have rebuilt the bridge.\n\n“We will rebuild the school next year.", "Jane Doe"}}},
		{name: "UnbalancedMarkStaysInParagraph", body: "He wrote “this never closes and goes on\n\nA plain second paragraph with no marks at all.",
			direct: [][2]string{{"this never closes and goes on", ""}}},
		{name: "ScareQuote", body: "The so-called “rebels” shelled the town again.", scare: []string{"rebels"}},
		{name: "FloatingQuoteInheritsSpeaker", body: "“We are ready to talk to everyone,” Peskov said.\n\n“But not to terrorists who shell the city.”",
			direct: [][2]string{{"We are ready to talk to everyone", "Peskov"}, {"But not to terrorists who shell the city.", "Peskov"}}},
		{name: "ReportedSaidThat", body: "Moscow said that the document was counterproductive.",
			report: [][2]string{{"the document was counterproductive", "Moscow"}}},
		{name: "ReportedAccordingTo", body: "According to the Pentagon, the strike hit a depot.",
			report: [][2]string{{"the strike hit a depot", "Pentagon"}}},
		{name: "ReportedTrailingAttribution", body: "The convoy was hit near the city, the Red Cross said.",
			report: [][2]string{{"The convoy was hit near the city", "Red Cross"}}},
		{name: "ReportedSayingThat", body: "The ministry rejected the plan, saying that it favoured the rebels.",
			report: [][2]string{{"it favoured the rebels", "ministry"}}},
		{name: "PronounTakesNoSpeakerNamedLater", body: "“Those days were great,” she said.\n\nBut when the uprising turned violent, she said she began to lose hope.\n\nBrigade commander Umm Rayan sensed her fear. “We are harsh with the infidels,” Umm Rayan said.",
			direct: [][2]string{{"Those days were great", ""}, {"We are harsh with the infidels", "Umm Rayan"}}},
		{name: "HyphenedParticleInName", body: "President Haider al-Abadi spoke on Monday.\n\n“We will win,” he said.",
			direct: [][2]string{{"We will win", "Haider al-Abadi"}}},
		{name: "PronounSkipsRulerOfRegime", body: "Senator John McCain met rebels fighting the regime of Bashar al-Assad.\n\n“They are taxing the people,” he says.",
			direct: [][2]string{{"They are taxing the people", "John McCain"}}},
		{name: "PronounOpeningParagraphTakesSubjectBefore", body: "Ambassador Lukman Faily spoke on Monday about Prime Minister Nouri al-Maliki.\n\nMr. Faily dismissed criticisms of Mr. al-Maliki’s handling of the crisis.\n\nHe said the government is trying to respond carefully.",
			report: [][2]string{{"the government is trying to respond carefully", "Lukman Faily"}}},
		{name: "PronounSkipsUnlikePhrase", body: "Prime Minister Benjamin Netanyahu and Mr. Isaac Herzog met.\n\nUnlike Mr. Netanyahu, who made headlines Monday by rejecting a two-state solution, Mr. Herzog has long supported the idea of Palestinian statehood.\n\nHe also has said he would freeze construction.",
			report: [][2]string{{"he would freeze construction", "Isaac Herzog"}}},
		{name: "QuestionedWhetherIsSpeech", body: "A rally featuring Sen. Ted Cruz was held on Monday. Cruz has questioned whether Democrats “value the lives of Americans more than loyalty” — a message not likely to play well.\n\nSome experts have questioned whether the strategy could ever be effective.\n\nPolice questioned the suspect for hours. Some 1,022 adults were questioned by telephone.",
			direct: [][2]string{{"value the lives of Americans more than loyalty", "Ted Cruz"}},
			report: [][2]string{{"whether the strategy could ever be effective", "experts"}}},
		// "respond to X" names what is answered; what was said follows a
		// speech verb after "by".
		{name: "AnswerIsNoSpeechButWhatIsSaidBy", body: "The army responded to the attack by moving troops into the town.\n\nThe ministry responded to the criticism by Israel by saying it was false.\n\nThe army responded to the raid by calling in air strikes on the port.\n\nAbbas responded to the speech by calling on Israel to freeze construction.\n\nWhile the talkative brother was the ringleader, Dzhokhar responded to orders.",
			report: [][2]string{{"it was false", "ministry"}, {"on Israel to freeze construction", "Abbas"}}},
		// A sentence-opening phrase of "Despite", "Amid", "After" ... ends
		// at its comma; the subject of ", saying" follows it.
		{name: "SubjectAfterOpeningPhrase", body: "Despite a United Nations call for an immediate cease-fire Monday, Israeli Prime Minister Benjamin Netanyahu gave no indication of a halt in fighting, saying that Israeli forces will act aggressively.\n\nAmid the controversy, Senator Dan Fisher withdrew the bill for revision, telling a local newspaper that it was poorly worded.",
			report: [][2]string{{"Israeli forces will act aggressively", "Benjamin Netanyahu"}, {"it was poorly worded", "Dan Fisher"}}},
		// A period after "last", "this", "next" or "past" stands between
		// the subject and its cue with no preposition.
		{name: "PeriodBetweenSubjectAndCue", body: "The ministry last week said that the talks were over.\n\nRussia this year warned that the deal was dead.\n\nSecretary of State John Kerry earlier this month said that the deal was alive.",
			report: [][2]string{{"the talks were over", "ministry"}, {"the deal was dead", "Russia"}, {"the deal was alive", "John Kerry"}}},
		// "US" in capitals is the country, though "us" is a stop word.
		{name: "USInCapitalsIsASubject", body: "The US said that the talks were over.\n\nThe minister told us that the deal was dead.",
			report: [][2]string{{"the talks were over", "US"}, {"the deal was dead", "minister"}}},
		// A cleric's title names a person as "Senator" does, whatever the
		// first name: "he" and "the rabbi" find him.
		{name: "ClericTitleNamesAPerson", body: "Rabbi Yisroel Goldstein addressed the crowd on Monday.\n\n“Wow, this is a wonderful crowd,” he said.\n\n“We are here for each other,” the rabbi said.",
			direct: [][2]string{{"Wow, this is a wonderful crowd", "Yisroel Goldstein"}, {"We are here for each other", "Yisroel Goldstein"}}},
		// "He" stands for someone named before it, not for the person his
		// own sentence goes on to name.
		{name: "PronounTakesNoPersonNamedAfterIt", body: "Prime Minister Benjamin Netanyahu spoke on Monday.\n\nNetanyahu spoke at the UN. He met Iranian President Hassan Rouhani in New York and described him as “a wolf in sheep's clothing, a wolf who thinks he can fool everyone.”",
			direct: [][2]string{{"a wolf in sheep's clothing, a wolf who thinks he can fool everyone.", "Benjamin Netanyahu"}}},
		// "General Assembly" is a body, not General Assembly.
		{name: "GeneralAssemblyIsNoPerson", body: "Around the time the suspect was caught, President Barack Obama was in New York for a meeting of the U.N. General Assembly. He called on Americans to show the world “we will never give in to fear.”",
			direct: [][2]string{{"we will never give in to fear.", "Barack Obama"}}},
		// "states" reports speech only as "states that": "Gulf states",
		// "member states" are nouns.
		{name: "StatesIsANounButBeforeThat", body: "Some from oil-rich Muslim states in the Middle East may bankroll the group.\n\nThe moderate Arab states have now changed their calculation.\n\nArab states that oppose Assad have armed the rebels.\n\nThe report states that the attack was planned for months.",
			report: [][2]string{{"the attack was planned for months", "report"}}},
		{name: "CommentsAndRemarksAreNounsButBeforeThat", body: "Senator Smith later brought up Trump’s glowing comments about Kim and asked the nominee about them.\n\nThe adviser is planning to threaten the court in the same prepared remarks on Monday evening.\n\nThe professor remarks that the war has no end in sight.",
			report: [][2]string{{"the war has no end in sight", "professor"}}},
		// "reports", "claims" after a modifier are plural nouns; after a
		// subject they report speech.
		{name: "PluralCueAfterModifierIsANoun", body: "Both Israel and the Palestinians hold competing claims to the city of Jerusalem.\n\nThe government acted amid earlier reports that it was considering a ban.\n\nThe agency reports that the talks failed.\n\nU.S. intelligence estimates that the group has 30,000 fighters.\n\nThe court acted amid media reports that the judge had resigned.",
			report: [][2]string{{"the talks failed", "agency"}, {"the group has 30,000 fighters", "U.S. intelligence"}}},
		// With no comma but the participle's, an opening "Despite" phrase
		// leaves no subject to find (not "Despite the ban protesters").
		{name: "OpenerPhraseWithNoCommaHasNoSubject", body: "Despite the ban protesters marched on Tuesday, saying that the law was unjust.\n\nUnlike Obama Trump has embraced the deal, saying that it was good."},
		{name: "PeriodAfterLateOrBeforeAdverb", body: "Secretary of State John Kerry late last year said that the deal was alive.\n\nThe ministry last week also said that the talks were over.\n\nThe president last night said that the war was over.\n\nThe Pentagon this past week said that the troops would stay.\n\nViolent protests in Turkey this week have added to the concern.",
			report: [][2]string{{"the deal was alive", "John Kerry"}, {"the talks were over", "ministry"}, {"the war was over", "president"}, {"the troops would stay", "Pentagon"}}},
		// "The Mayor of Boston" is an office and its place: no person
		// named "of Boston".
		{name: "OfficeOfAPlaceIsNoName", body: "The Mayor of Boston condemned the attack on Monday.\n\n“This is a dark day for all of us,” the mayor said.",
			direct: [][2]string{{"This is a dark day for all of us", "mayor"}}},
		{name: "LongSubjectBeforeParticiple", body: "Former U.S. Ambassador to the United Nations Nikki Haley on Monday ripped the decision to withdraw forces from Syria, warning it will damage America's standing with its allies.",
			report: [][2]string{{"it will damage America's standing with its allies", "Nikki Haley"}}},
		{name: "RelativeIsNotTheSurnamesBearer", body: "President Obama spoke on Monday.\n\nHe was there with first lady Michelle Obama.\n\n“We will find you,” Obama said.",
			direct: [][2]string{{"We will find you", "Obama"}}},
		{name: "OtherOfficeIsAnotherBearer", body: "King Salman received the envoy. Crown Prince Mohammed bin Salman was there too.\n\n“We deny it,” Salman said.",
			direct: [][2]string{{"We deny it", "Salman"}}},
		{name: "AbbreviatedTitleSharesTheRole", body: "These include Senator Alexander.\n\n“I am a juror,” said Sen. Lamar Alexander, a Republican.\n\n“I will wait,” Alexander said.",
			direct: [][2]string{{"I am a juror", "Lamar Alexander"}, {"I will wait", "Lamar Alexander"}}},
		{name: "OfficeChangeIsSamePerson", body: "Sen. Obama spoke in 2008.\n\nYears later, President Barack Obama returned.\n\n“We will stay,” Obama said.",
			direct: [][2]string{{"We will stay", "Barack Obama"}}},
		{name: "WeekdayIsNoSurname", body: "President Trump Sunday met the leaders.\n\n“We will win,” he said.",
			direct: [][2]string{{"We will win", "Trump"}}},
		{name: "PronounTakesSurnameSubjectBefore", body: "We spend the hour with Robert Reich, who served as labor secretary under President Bill Clinton. Reich, who now teaches at Berkeley, has emerged as one of Donald Trump's most vocal critics. He recently wrote that the media is under attack.",
			report: [][2]string{{"the media is under attack", "Robert Reich"}}},
		{name: "PronounTakesSubjectNotObjects", body: "Secretary of State Mike Pompeo addressed a group of Iranian-Americans in California. Pompeo denounced President Hassan Rouhani and Foreign Minister Javad Zarif. He described them as “merely polished front men for the international con artistry of the regime.”",
			direct: [][2]string{{"merely polished front men for the international con artistry of the regime.", "Mike Pompeo"}}},
		{name: "NameAfterItsDescription", body: "The head of the force, Gholamhossein Gharibpour, said: “What Trump is saying against Iran is merely psychological warfare.”",
			direct: [][2]string{{"What Trump is saying against Iran is merely psychological warfare.", "Gholamhossein Gharibpour"}}},
		{name: "AgeAndRelativeClauseAfterName", body: "John Brans, 32, who was wiping blood from his face, said: “The metro was leaving the station when there was a blast.”",
			direct: [][2]string{{"The metro was leaving the station when there was a blast.", "John Brans"}}},
		{name: "SameSurnameOtherGivenName", body: "Hillary Clinton spoke on Monday.\n\nFormer President Bill Clinton said the plan was good.",
			report: [][2]string{{"the plan was good", "Bill Clinton"}}},
		{name: "NicknameIsSameGivenName", body: "Col. William Mayville spoke on Monday.\n\n“We hold the line,” Bill Mayville said.",
			direct: [][2]string{{"We hold the line", "William Mayville"}}},
		{name: "SpellingIsSameGivenName", body: "President Mohammad Morsi spoke on Monday.\n\n“We hold the line,” Mohamed Morsi said.",
			direct: [][2]string{{"We hold the line", "Mohammad Morsi"}}},
		// A given name the lists lack still names another person, unless
		// it is a spelling of the first, or a capitalized noun of a
		// title-case line ("Its Flag Choudary"), or an "-ist" before the
		// surname.
		{name: "UnlistedGivenNameIsAnotherPerson", body: "Anzor Tsarnaev said on Monday that his sons were innocent.\n\nTamerlan Tsarnaev said, “I don't have a single American friend.”\n\nHouse Intelligence Committee Chairman Mike Rogers said the program was legal. Appropriations Committee Chairman Hal Rogers said the bill will be decimated.\n\nRep. Jerrold Nadler spoke first. “We will see,” Jerry Nadler said.",
			direct: [][2]string{{"I don't have a single American friend.", "Tamerlan Tsarnaev"}, {"We will see", "Jerrold Nadler"}},
			report: [][2]string{{"his sons were innocent", "Anzor Tsarnaev"}, {"the program was legal", "Mike Rogers"}, {"the bill will be decimated", "Hal Rogers"}}},
		{name: "TitleCaseNounIsNoGivenName", body: "Anjem Choudary said on Monday that Sharia was the answer.\n\nRelated Story How ISIS Got Its Flag Choudary said Sharia has been misunderstood.\n\nEgyptian President Mohamed Mursi spoke on Monday. Later, Islamist Mursi told the audience that he had cut all ties to Damascus.\n\nFox News host Brian Kilmeade said on Monday that the plan was weak.\n\nFox Host Kilmeade said the deal was dead.",
			report: [][2]string{{"Sharia was the answer", "Anjem Choudary"}, {"Sharia has been misunderstood", "Anjem Choudary"}, {"he had cut all ties to Damascus", "Mohamed Mursi"}, {"the plan was weak", "Brian Kilmeade"}, {"the deal was dead", "Brian Kilmeade"}}},
		// "he" after a quote that opens its sentence goes back to the
		// subject of the sentence before, not to the person it names last;
		// unless the name only says whose the subject is ("Boehner
		// spokesman Brendan Buck"), or the sentence is someone's report,
		// who is named after a cue or before a closing one, or its first
		// name stands in an opening participle phrase.
		{name: "QuoteOpeningSentenceTakesPreviousSubject", body: "President Vladimir Putin spoke to Fox News. President Barack Obama was in Sweden.\n\nPutin also had a message for Obama, who faced opposition from Congress. \"Listen to your people,\" he said.\n\nSpeaker John Boehner spoke first.\n\nBoehner spokesman Brendan Buck gave a cautious assessment of the address.\n\n\"The speaker has said the president must make his case,\" he said.",
			direct: [][2]string{{"Listen to your people", "Vladimir Putin"}, {"The speaker has said the president must make his case", "Brendan Buck"}}},
		{name: "QuoteOpeningSentenceAfterReport", body: "Secretary of State Rex Tillerson approved a security plan on Thursday, said Steven Goldstein, an undersecretary, in an interview.\n\n\"We're looking at that as a possible date,\" he said.\n\nPresident Barack Obama spoke on Monday. Deputy adviser Ben Rhodes spoke on Friday.\n\nOn Tuesday, Obama will use events in the Middle East to explain the role of the United States, Rhodes said Friday.\n\n\"Given the complexity of the region, the president will lay out a plan,\" he said.\n\nAttorney General Eric Holder spoke on Sunday.\n\nUpdate: Pressed by ABC News' George Stephanopoulos to answer whether the U.S. is at war with radical Islam, Holder again declined.\n\n“I would say that we are at war with terrorists,” he said.",
			direct: [][2]string{{"We're looking at that as a possible date", "Steven Goldstein"}, {"Given the complexity of the region, the president will lay out a plan", "Ben Rhodes"}, {"I would say that we are at war with terrorists", "Eric Holder"}}},
		// "Today" after a capitalized word names a medium, not the day.
		{name: "MediumNamedToday", body: "Russia Today reported that the embassy would move.\n\nUSA Today said that the talks had failed.\n\nThe embassy will move in May, according to a report in USA Today.",
			report: [][2]string{{"the embassy would move", "Russia Today"}, {"the talks had failed", "USA Today"}, {"The embassy will move in May", "USA Today"}}},
		// A roundup's byline may close the quote's own paragraph, after a
		// dash or as "Name, Outlet"; it passes its name on to no later
		// quote, and a title quoted after it (no quote itself) keeps the
		// quote unattributed.
		{name: "TrailingBylineClosesQuote", body: "“The problem is that our maximum pressure is putting the Islamic Republic in a corner economically.” Samantha Vinograd, CNN\n\n“When you shoot across the bow of an enemy ship, you say stop or we will sink you.” - Charles Krauthammer, on “Special Report with Bret Baier”\n\n“Sometimes I hear people saying nothing has changed, but walk in my shoes”- Rep. John Lewis D-Ga., during his speech at the march.\n\n“We want a better deal for all of our people in the end.” The Candidates Dominated Discussion, But Not Much Else\n\n“The deal is weak and we should walk away from it now.” The Editorial Board, Vox\n\n“We will not pay for this wall, not now and not later.” –\u00a0Sen.  Chris  Murphy, on Twitter",
			direct: [][2]string{{"The problem is that our maximum pressure is putting the Islamic Republic in a corner economically.", "Samantha Vinograd"}, {"When you shoot across the bow of an enemy ship, you say stop or we will sink you.", ""}, {"Sometimes I hear people saying nothing has changed, but walk in my shoes", "John Lewis"}, {"We want a better deal for all of our people in the end.", ""}, {"The deal is weak and we should walk away from it now.", "Vox"}, {"We will not pay for this wall, not now and not later.", "Chris Murphy"}}},
		// A cue after "could", "might", "should" ... is a possible act of
		// speech, not one made; "will" still reports the prepared one.
		{name: "ModalCueReportsNothing", body: "Critics might say that the deal is weak.\n\nThe senator could also argue that the plan failed.\n\nOn this visit he should reiterate that the sanctions will stay.\n\nCNN cannot confirm that the video is real.\n\nPresident Obama will say in his speech that the war is over.",
			report: [][2]string{{"the war is over", "Obama"}}},
		// "the Israeli prime minister" is the one person named so far with
		// the role, its title words and its place; "the French foreign
		// minister" is not the Russian one.
		{name: "DescriptionOfOneHolder", body: "Israeli Prime Minister Benjamin Netanyahu met Russian Foreign Minister Sergey Lavrov on Monday.\n\n“We will see about that,” the Israeli prime minister said.\n\n“We will wait for the talks,” the French foreign minister said.\n\nFBI Director James Comey spoke later. “It is over for them,” the FBI director said.",
			direct: [][2]string{{"We will see about that", "Benjamin Netanyahu"}, {"We will wait for the talks", "French foreign minister"}, {"It is over for them", "James Comey"}}},
		// "the official" is the official an attribution just before
		// described more fully, though that attribution is reported speech
		// (read after the direct quotes); not when another official was
		// brought in since, nor for "an official", nor across a
		// preposition ("a spokesman for the agency" is not "the agency").
		{name: "DefiniteDescriptionTakesFullerOne", body: "A Secret Service official said the agency was not asked.\n\n“We weren't asked,” the official said. “We learned of it later,” the official added.\n\nA senior intelligence official said that the plan was sound.\n\nA State Department official held a call with reporters. “That was not our conclusion,” the official said.\n\nA White House official said the talks were over.\n\n“It is done,” an official said.\n\nA spokesman for the atomic energy agency said that the plant was safe.\n\n“We are checking,” the agency said.",
			direct: [][2]string{{"We weren't asked", "Secret Service official"}, {"We learned of it later", "Secret Service official"}, {"That was not our conclusion", "official"}, {"It is done", "official"}, {"We are checking", "agency"}},
			report: [][2]string{{"the agency was not asked", "Secret Service official"}, {"the plan was sound", "senior intelligence official"}, {"the talks were over", "White House official"}, {"the plant was safe", "spokesman for the atomic energy agency"}}},
		// Words in title case inside a sentence name a show, a book or a
		// slogan: no quote, and the cue before them reports what follows.
		// Quoted are a phrase with a lower-case noun, one all in capitals
		// or in headline capitals ("For"), one holding a sentence's end,
		// one with a single long capitalized word, and one standing on its
		// own after a colon or as a paragraph.
		{name: "TitleInMarksIsNoQuote", body: "Sen. Rand Paul bashed “Hillary's war in Libya” in his speech.\n\nSen. Lindsey Graham said on CNN's “State of the Union” that the war must end.\n\nGeorge Tenet admitted in his 2007 book “At the Center of the Storm” that he had been wrong.\n\nPresident Trump warned Rouhani to “NEVER EVER THREATEN THE UNITED STATES AGAIN” in a tweet.\n\n" +
			"President Trump called the deal “A Total Disaster For Our Country” on Monday.\n\nTrump tweeted “Big Win Tonight. Thank You America” after the vote.\n\nThe mayor wrote “Go to the Border” in a letter.\n\nThe mayor spoke: “Make America Great Again”\n\n“Make America Great Again”",
			direct: [][2]string{{"Hillary's war in Libya", ""}, {"NEVER EVER THREATEN THE UNITED STATES AGAIN", "Trump"}, {"A Total Disaster For Our Country", "Trump"}, {"Big Win Tonight. Thank You America", "Trump"},
				{"Go to the Border", "mayor"}, {"Make America Great Again", "mayor"}, {"Make America Great Again", "mayor"}},
			report: [][2]string{{"the war must end", "Lindsey Graham"}, {"he had been wrong", "George Tenet"}}},
		// The window read back from a far cue takes the whole name it
		// starts in, not its last word.
		{name: "FarCueTakesWholeName", body: "Russell Moore, president of the Southern Baptist Convention’s Ethics and Religious Liberty Commission, argued that the slogan never resonated with younger white evangelicals.\n\nRepublican Senator Lindsey Graham of South Carolina, a prominent Trump ally who has criticized the Syria withdrawal plan, suggested the president’s stance emboldened the fighters.",
			report: [][2]string{{"the slogan never resonated with younger white evangelicals", "Russell Moore"}, {"the president’s stance emboldened the fighters", "Lindsey Graham"}}},
		{name: "ByParticipleSubjectSpeaks", body: "Defense Secretary Ash Carter complained again. Russian Foreign Minister Sergey Lavrov dismissed Mr. Carter’s complaints by saying, “Don’t listen to the Pentagon about the Russian strikes.”",
			direct: [][2]string{{"Don’t listen to the Pentagon about the Russian strikes.", "Sergey Lavrov"}}},
		{name: "StatementParticipleSubjectSpeaks", body: "State Police Col. Timothy Alben spoke first. The district attorney in Middlesex County has released a statement saying that “the suspect was taken to a hospital in serious condition.”",
			direct: [][2]string{{"the suspect was taken to a hospital in serious condition.", "district attorney"}}},
		{name: "BrotherIsAnotherPerson", body: "Prime Minister Benjamin Netanyahu spoke on Monday. His brother, Iddo Netanyahu, said the family was proud of him.",
			report: [][2]string{{"the family was proud of him", "Iddo Netanyahu"}}},
		{name: "StartOfGivenNameIsSamePerson", body: "Senator Christopher Smith spoke on Monday.\n\n“We will stay,” Chris Smith said.",
			direct: [][2]string{{"We will stay", "Christopher Smith"}}},
		{name: "OneLetterApartIsSamePerson", body: "Senator Dianne Foley spoke on Monday.\n\n“We will stay,” Diane Foley said.",
			direct: [][2]string{{"We will stay", "Dianne Foley"}}},
		{name: "OtherSexGivenNameIsAnotherPerson", body: "Senator Paul Smith spoke on Monday.\n\n“We will stay,” Paula Smith said.",
			direct: [][2]string{{"We will stay", "Paula Smith"}}},
		{name: "SharedInitialIsNoSameName", body: "Senator John F. Kennedy spoke on Monday.\n\n“We will stay,” Robert F. Kennedy said.",
			direct: [][2]string{{"We will stay", "Robert F. Kennedy"}}},
		{name: "PronounSkipsRulerNamedBySurname", body: "Senator John McCain met protesters fighting the government of President Viktor Yanukovych. They rallied against the government of Yanukovych.\n\n“We stand with them,” he said.",
			direct: [][2]string{{"We stand with them", "John McCain"}}},
		{name: "NameBeforeItsPlace", body: "Rep. Tom Prince of New Mexico spoke on Monday.\n\n“We will stay,” Prince said.",
			direct: [][2]string{{"We will stay", "Tom Prince"}}},
		{name: "NoAttributionInPlainNarration", body: "The army entered the old city on Tuesday."},
		{name: "PartyStateTagBeforeCue", body: "\"Paying ransom puts Americans even more at risk,\" Sen. Mark Kirk, R-Ill., said in a statement. \"The policy has led Iran to seize more hostages.\"",
			direct: [][2]string{{"Paying ransom puts Americans even more at risk", "Mark Kirk"}, {"The policy has led Iran to seize more hostages.", "Mark Kirk"}}},
		{name: "ReportedInvertedAtSentenceEnd", body: "There was a standoff in Dammartin-en-Goele, said Audrey Taupenas, a spokeswoman for City Hall.",
			report: [][2]string{{"There was a standoff in Dammartin-en-Goele", "Audrey Taupenas"}}},
		{name: "ReportedInvertedOutlet", body: "The attacks took place as the army pushed back on three fronts, reports the New York Times.",
			report: [][2]string{{"The attacks took place as the army pushed back on three fronts", "New York Times"}}},
		{name: "InvertedCueMidSentenceIsNone", body: "The talks, said officials, would resume on Monday."},
		{name: "PossessiveBeforeCueIsNoun", body: "Obama's comments come as the administration is making a full-court press to sell the deal."},
		{name: "CueBeforeAuxiliaryIsNoun", body: "Such a specific warning should not have been expected, given the limited intelligence."},
		{name: "NegatedCueIsNoClaim", body: "Mr. Obama hasn't said whether he will expand the strikes into Syria.\n\nOfficials did not say which agency is leading the effort."},
		{name: "SourceCloseTo", body: "A source close to Petraeus said the general had contacted the CIA.",
			report: [][2]string{{"the general had contacted the CIA", "source close to Petraeus"}}},
		{name: "RelativeClauseKeepsCue", body: "Ansar sends fighters to a group that the State Department has said is an alias for al Qaeda.",
			report: [][2]string{{"is an alias for al Qaeda", "State Department"}}},
		{name: "ArticleParticleSpeaker", body: "\"I call upon the tribes of Anbar to come together,\" al-Maliki said in his weekly speech.",
			direct: [][2]string{{"I call upon the tribes of Anbar to come together", "al-Maliki"}}},
		{name: "DatelineBeforeSubject", body: "JERUSALEM - Secretary of State John Kerry on Sunday sent a warning to Syria, saying the threat of force is real.",
			report: [][2]string{{"the threat of force is real", "John Kerry"}}},
		{name: "StatementTakesItsIssuer", body: "Russia's Foreign Ministry issued a statement on Friday saying it would respond harshly.\n\n“Washington continues to frighten businesses with sanctions,” the statement said.",
			direct: [][2]string{{"Washington continues to frighten businesses with sanctions", "Russia's Foreign Ministry"}},
			report: [][2]string{{"it would respond harshly", "Russia's Foreign Ministry"}}},
		{name: "StatementInsideReportIsNotTheReporters", body: "The agency reported that it received a statement from the group in Yemen.\n\n“We carried out the attack in revenge for the cartoons,” the statement said.",
			direct: [][2]string{{"We carried out the attack in revenge for the cartoons", "statement"}},
			report: [][2]string{{"it received a statement from the group in Yemen", "agency"}}},
		{name: "QuoteVerbBeforeQuote", body: "The foreign ministry condemned the “blatant violation of Syria's sovereignty”.",
			direct: [][2]string{{"blatant violation of Syria's sovereignty", "foreign ministry"}}},
		{name: "ContinuedWithObjectReportsNothing", body: "McDonough's remarks continued the White House's pushback against the comments. Oil prices continued to rise. Airstrikes continued overnight."},
		{name: "ContinuedThatReports", body: "Netanyahu continued by arguing that the left would divide Jerusalem. Lavrov continued that the talks had failed.",
			report: [][2]string{{"the left would divide Jerusalem", "Netanyahu"}, {"the talks had failed", "Lavrov"}}},
		{name: "ContinuedAfterDirectQuote", body: "“But now we're going to have to do a little work on Thanksgiving,” Trump continued at the Florida rally.",
			direct: [][2]string{{"But now we're going to have to do a little work on Thanksgiving", "Trump"}}},
		{name: "AmbassadorToTheCountryBeforeName", body: "Former Israeli Ambassador to the United States Yoram Ettinger said that the job was not done.",
			report: [][2]string{{"the job was not done", "Yoram Ettinger"}}},
		{name: "QuoteVerbReportsNothing", body: "The ministry condemned the attack on the aid convoy near Aleppo."},
		{name: "TimePhraseBeforeCue", body: "German government spokesperson Steffen Seibert on Tuesday said the violence was terrible.",
			report: [][2]string{{"the violence was terrible", "Steffen Seibert"}}},
		{name: "WhoAfterPartyTag", body: "Take Sen. John Cornyn, R-Texas, who on Sunday tweeted, \"Amazing what the White House will do to distract attention.\"",
			direct: [][2]string{{"Amazing what the White House will do to distract attention.", "John Cornyn"}}},
		{name: "RoundupBylines", body: "“It’s appalling that Trump would have even considered hosting the Taliban.”\n\nMax Boot, Washington Post\n\n“When he blamed his fiasco on a bombing, he was less than candid.”\n\nEditorial Board, Chicago Tribune",
			direct: [][2]string{{"It’s appalling that Trump would have even considered hosting the Taliban.", "Max Boot"}, {"When he blamed his fiasco on a bombing, he was less than candid.", "Chicago Tribune"}}},
		{name: "HeadingIsNoByline", body: "“The debate was lively and it went on for a long time.”\n\nThe Candidates Dominated Discussion, But The Moderator Mattered",
			direct: [][2]string{{"The debate was lively and it went on for a long time.", ""}}},
		{name: "QuoteTakesItsSentencesSpeaker", body: "“The world turned upside down” when the car bomb exploded near the ministry, said Zaher Usman, an employee.",
			direct: [][2]string{{"The world turned upside down", "Zaher Usman"}},
			report: [][2]string{{"when the car bomb exploded near the ministry", "Zaher Usman"}}},
		{name: "RelativeClauseBeforeCue", body: "“The leaders want the U.S. troops out now,” one high-ranking official who was not authorized to speak on the record told Fox News.",
			direct: [][2]string{{"The leaders want the U.S. troops out now", "high-ranking official"}}},
		{name: "ObjectRelativeKeepsItsSubject", body: "The video shows Tamerlan and Dzhokhar Tsarnaev, the brothers who authorities say planted the bombs near the finish line.",
			report: [][2]string{{"planted the bombs near the finish line", "authorities"}}},
		{name: "WhereBeforeCue", body: "Rhodes in the email said two of Rice’s objectives would be to underscore the protests.",
			report: [][2]string{{"two of Rice’s objectives would be to underscore the protests", "Rhodes"}}},
		{name: "ListenerIsNoSpeaker", body: "“China is the biggest state adversary in his mind,” Patrick Cronin, the senior director of the Asia-Pacific Security Program at the Center for a New American Security, tells Vox.",
			direct: [][2]string{{"China is the biggest state adversary in his mind", "Patrick Cronin"}}},
		{name: "PronounHasBeforeCue", body: "He's said the strikes would go on until the group was defeated.",
			report: [][2]string{{"the strikes would go on until the group was defeated", "He"}}},
		{name: "ShortQuoteWithCueIsScare", body: "The so-called “moderate rebels” have lost ground, analysts said.",
			report: [][2]string{{"The so-called “moderate rebels” have lost ground", "analysts"}}, scare: []string{"moderate rebels"}},
		{name: "WhatHeCalledIsScare", body: `Assad has vowed to crush what he called "terrorists" in the east of the city.`,
			report: [][2]string{{`to crush what he called "terrorists" in the east of the city`, "Assad"}}, scare: []string{"terrorists"}},
		{name: "ShortQuoteInReportedSpeechIsScare", body: "Residents said they had not seen any “pause” at all.",
			report: [][2]string{{"they had not seen any “pause” at all", "Residents"}}, scare: []string{"pause"}},
		{name: "RussianDashAttribution", body: "«Это попытка дать боевикам передышку», — сказал Лавров.",
			direct: [][2]string{{"Это попытка дать боевикам передышку", "Лавров"}}},
		{name: "RussianReportedThat", body: "Лавров заявил, что это попытка дать боевикам передышку.",
			report: [][2]string{{"это попытка дать боевикам передышку", "Лавров"}}},
		{name: "RussianAccordingTo", body: "По словам Лаврова, это попытка дать боевикам передышку.",
			report: [][2]string{{"это попытка дать боевикам передышку", "Лаврова"}}},
		{name: "NationalityStateMediaIsNoCue", body: "An Israeli missile struck a home in Damascus, killing two people, Syrian state media said.",
			report: [][2]string{{"An Israeli missile struck a home in Damascus, killing two people", "Syrian state media"}}},
		{name: "NameBeforeBaseFormIsNoun", body: "A Pentagon report said the strikes killed 14 people.",
			report: [][2]string{{"the strikes killed 14 people", "Pentagon report"}}},
		{name: "PluralSubjectsTakeBaseForm", body: "Obama and Putin agree that the strikes were wrong.\n\nPolice say the suspect fled north.",
			report: [][2]string{{"the strikes were wrong", "Putin"}, {"the suspect fled north", "Police"}}},
		{name: "IngCueTakesNoSpeakerAfter", body: "Dunford said earlier in the evening that the only warning Russia was given was \"the normal deconfliction of the airspace.\"",
			direct: [][2]string{{"the normal deconfliction of the airspace.", "Dunford"}}},
		{name: "ListenerAfterToldIsNoSpeaker", body: "The senator spoke to CNN on Monday, and told Chris Cuomo, “The strikes hit our own allies.”",
			direct: [][2]string{{"The strikes hit our own allies.", "senator"}}},
		{name: "WithSubjectSaying", body: "The embassy reacted quickly, with Ambassador Anatoly Antonov saying on Twitter, \"The worst apprehensions have come true.\"",
			direct: [][2]string{{"The worst apprehensions have come true.", "Anatoly Antonov"}}},
		{name: "LongTitleBeforeName", body: "The strikes hit three sites, according to U.S. Chairman of the Joint Chiefs of Staff Gen. Joseph Dunford.",
			report: [][2]string{{"The strikes hit three sites", "Joseph Dunford"}}},
		{name: "StatementReadOutByQuoteBefore", body: "The embassy reacted quickly, with Ambassador Anatoly Antonov saying on Twitter, \"The worst apprehensions have come true.\"\n\n\"A pre-designed scenario is being implemented,\" the statement continued.",
			direct: [][2]string{{"The worst apprehensions have come true.", "Anatoly Antonov"}, {"A pre-designed scenario is being implemented", "Anatoly Antonov"}}},
		{name: "FromOwnersPost", body: "Aides say the governor will back Cruz. From Bush's Facebook post: \"For the sake of our party and country, we must move on.\"",
			direct: [][2]string{{"For the sake of our party and country, we must move on.", "Bush"}},
			report: [][2]string{{"the governor will back Cruz", "Aides"}}},
		{name: "LabelAfterDash", body: "Online samples are particularly problematic - Pew Research: “All the samples evaluated include more engaged individuals.”",
			direct: [][2]string{{"All the samples evaluated include more engaged individuals.", "Pew Research"}}},
		{name: "SecondVerbSharesSubject", body: "The president dismissed the op-ed, and told reporters, \"I don't think that he has the same values that we do.\"",
			direct: [][2]string{{"I don't think that he has the same values that we do.", "president"}}},
		{name: "LeadingTimePhraseBeforeSubject", body: "Late Monday, Sen. Barbara Boxer, D-Calif., joined the criticism, tweeting, \"Any linkage between Israel and apartheid is nonsensical.\"",
			direct: [][2]string{{"Any linkage between Israel and apartheid is nonsensical.", "Barbara Boxer"}}},
		{name: "VerbAndObjectAfterApposition", body: "Sen. Mark Begich, D-Alaska, issued a statement saying, “I am disappointed with the reported remarks.”",
			direct: [][2]string{{"I am disappointed with the reported remarks.", "Mark Begich"}}},
		{name: "NarratorSpeaks", body: "\"We need leaders to stand up to Donald Trump,\" the narrator says.",
			direct: [][2]string{{"We need leaders to stand up to Donald Trump", "narrator"}}},
		{name: "SubjectNounThenName", body: "CBS correspondent Lara Logan issued an apology Friday, admitting that she and the network had made a mistake.",
			report: [][2]string{{"she and the network had made a mistake", "Lara Logan"}}},
		{name: "TitledPersonOfPlace", body: "House Majority Leader Steny Hoyer of Maryland called the decision wrong and said the move \"is contrary to the assurances given to me.\"",
			direct: [][2]string{{"is contrary to the assurances given to me.", "Steny Hoyer"}}},
		{name: "DayAfterSubjectName", body: "Prime Minister David Cameron Thursday praised the witness and said she “spoke for all of us” at the scene.",
			direct: [][2]string{{"spoke for all of us", "David Cameron"}}},
		{name: "SentenceAdverbIsNoSubject", body: "Meanwhile, Muslim leaders condemned the attack, saying they \"condemn this criminal act unequivocally.\"",
			direct: [][2]string{{"condemn this criminal act unequivocally.", "Muslim leaders"}}},
		{name: "CommissionerIsTitle", body: "The suspect was declared dead at the scene, New South Wales Deputy Commissioner Catherine Burn said.",
			report: [][2]string{{"The suspect was declared dead at the scene", "Catherine Burn"}}},
		{name: "PossessiveBeforeCueInDirectIsNoun", body: "His answer was \"justice has been served in our courts.\"",
			direct: [][2]string{{"justice has been served in our courts.", ""}}},
		{name: "GerundAfterPrepositionIsCue", body: "Obama created a problem for himself by saying “we don’t have a strategy yet” on the group.",
			direct: [][2]string{{"we don’t have a strategy yet", "Obama"}}},
		{name: "BaseFormBeforeAuxiliaryIsNoun", body: "Over the years, she said, comment has helped her stay in touch with Clinton."},
		{name: "SharedSubjectOfTwoVerbs", body: "Betsy Ebeling laughed and admitted “emails have been wonderful, although that can be a curse also.”",
			direct: [][2]string{{"emails have been wonderful, although that can be a curse also.", "Betsy Ebeling"}}},
		{name: "TranscriptLabels", body: "Rep. Trey Gowdy (R-S.C.):\"Who told you that?\"\n\nFormer secretary of state Hillary Rodham Clinton:\"We learned that from the State Department.\"",
			direct: [][2]string{{"Who told you that?", "Trey Gowdy"}, {"We learned that from the State Department.", "Hillary Rodham Clinton"}}},
		{name: "CardinalIsTitle", body: "\"We got our guy,\" Police Chief Edward Deveau told ABC News.\n\nOn Sunday, Cardinal Sean O'Malley called on the city to come together.\n\n\"It has been refreshing to see the response,\" he said.",
			direct: [][2]string{{"We got our guy", "Edward Deveau"}, {"It has been refreshing to see the response", "Sean O'Malley"}}},
		{name: "NameAfterDescription", body: "“Our major concern is how those firearms got to Farook,” assistant special agent in charge with the Bureau of Alcohol, Tobacco and Firearms, John D’Angelo, told reporters.",
			direct: [][2]string{{"Our major concern is how those firearms got to Farook", "John D’Angelo"}}},
		{name: "ListenerIsNoContent", body: "The weapons were bought legally, John D’Angelo told reporters in California Monday.",
			report: [][2]string{{"The weapons were bought legally", "John D’Angelo"}}},
		{name: "NoBreakSpaceAfterQuote", body: "“All of my relationships are with girls and with women,”\u00a0Butz, 49, told The Huffington Post.",
			direct: [][2]string{{"All of my relationships are with girls and with women", "Butz"}}},
		{name: "DefiniteNounTakesLastSource", body: "“Drones will join the hunt,” a senior U.S. official told CNN.\n\n“The video made a handy excuse,” the official said.",
			direct: [][2]string{{"Drones will join the hunt", "senior U.S. official"}, {"The video made a handy excuse", "senior U.S. official"}}},
		{name: "CueWithSubjectTakesNoSpeakerAfter", body: "The resolution condemns “settlement activities.” It says such activities must cease in “occupied Palestinian territory, including East Jerusalem.”",
			direct: [][2]string{{"occupied Palestinian territory, including East Jerusalem.", ""}}, scare: []string{"settlement activities."}},
		{name: "WhoAfterApposition", body: "The charge came from Darrell Issa, a California Republican and chairman of the House Committee on Oversight and Government Reform, who has claimed that the review board was not independent.",
			report: [][2]string{{"the review board was not independent", "Darrell Issa"}}},
		{name: "WhoAfterDeterminedPhrase", body: "The push helped convince some Democratic lawmakers who thought the law did not go far enough.",
			report: [][2]string{{"the law did not go far enough", "Democratic lawmakers"}}},
		{name: "PostsIsANoun", body: "The board called for boosting U.S. assets at high-risk posts where the host countries are unable to protect U.S. missions."},
		{name: "RoundupBylinesWithTwoNamesAndParticle", body: "“The U.S. still needs to keep ISIS from coming back.”\n\nJoseph Votel and Elizabeth Dent, The Atlantic\n\n“We cannot keep a light footprint without endless wars.”\n\nKatrina vanden Heuvel, Washington Post",
			direct: [][2]string{{"The U.S. still needs to keep ISIS from coming back.", "Joseph Votel and Elizabeth Dent"}, {"We cannot keep a light footprint without endless wars.", "Katrina vanden Heuvel"}}},
		{name: "PleadedGuiltyIsNoSpeech", body: "The list includes Jared Lee Loughner, who pleaded guilty in the Tucson, Arizona, shooting that killed six."},
		{name: "SheIsNoCommonNounCollective", body: "“This is New Zealand, we don't expect this,” one reporter said.\n\nOne woman said she even saw the shooting unfold. “I heard what I thought was fireworks,” she said.",
			direct: [][2]string{{"This is New Zealand, we don't expect this", "reporter"}, {"I heard what I thought was fireworks", "woman"}},
			report: [][2]string{{"she even saw the shooting unfold", "woman"}}},
		{name: "InvertedSpeakerAfterApposition", body: "The victims were employees dining with consultant Tamaoki Watanabe, one of the survivors, said Japanese Chief cabinet secretary Yoshihide Suga.",
			report: [][2]string{{"The victims were employees dining with consultant Tamaoki Watanabe, one of the survivors", "Yoshihide Suga"}}},
		{name: "ClauseAfterSaidIsContent", body: "Nathan J. Brown, a professor at George Washington University, said each side suspects the other of playing politics.",
			report: [][2]string{{"each side suspects the other of playing politics", "Nathan J. Brown"}}},
		{name: "TitleWordsMatchTheirHolder", body: "Bangladeshi Prime Minister Sheikh Hasina said the attackers were local.\n\nJapan sent Vice Foreign Minister Seiji Kihara to Dhaka.\n\n\"We don't want these terrorists in Bangladesh,\" the Prime Minister said.",
			direct: [][2]string{{"We don't want these terrorists in Bangladesh", "Hasina"}},
			report: [][2]string{{"the attackers were local", "Hasina"}}},
		{name: "NameBeforeTwoAppositions", body: "\"The American people were lied to,\" Rep. Darrell Issa, R-Calif., chairman of the House Oversight and Government Reform Committee, told Fox News.",
			direct: [][2]string{{"The American people were lied to", "Darrell Issa"}}},
		{name: "AsSomeonePutIt", body: "As Putin put it, Syria only developed its chemical arsenal \"as an alternative to the nuclear weapons of Israel.\"",
			direct: [][2]string{{"as an alternative to the nuclear weapons of Israel.", "Putin"}}},
		{name: "PutIsNoCueAlone", body: "He put the papers on the desk and said nothing more about the talks."},
		{name: "NameAfterDashSigns", body: "“I don't see them making that same change here.” – Gov. Scott Walker, R-Wisc., on Fox News.",
			direct: [][2]string{{"I don't see them making that same change here.", "Scott Walker"}}},
		{name: "RoundupLabelBetweenDashes", body: "CONGRESS NOT WAITING ON OBAMA - Campaign Carl Cameron - “Could the emergency meeting signal that Hill leaders have given up hope?”",
			direct: [][2]string{{"Could the emergency meeting signal that Hill leaders have given up hope?", "Carl Cameron"}}},
		{name: "WentOnTelevisionIsNoCue", body: "Fernando, the telecommunications minister, went on CNN overnight to expand on his earlier tweet."},
		{name: "WentOnSaleIsNoCue", body: "Charlie Hebdo's new issue went on sale Wednesday in France, with the prophet on its cover."},
		{name: "AgreeToIsConsent", body: "Hamas wants promises that Israel will agree to a seaport and airport in Gaza in the foreseeable future."},
		{name: "WentOnToSay", body: "The minister went on to say that the talks would resume in the spring.",
			report: [][2]string{{"the talks would resume in the spring", "minister"}}},
		{name: "ListenerInRelativeClause", body: "An official who spoke to Reuters said Tehran was delighted with the outcome.",
			report: [][2]string{{"Tehran was delighted with the outcome", "official"}}},
		{name: "NameEndingInIng", body: "\"We knew where the responsibility rested,\" Pickering said.",
			direct: [][2]string{{"We knew where the responsibility rested", "Pickering"}}},
		{name: "OpeningParticipleIsNoName", body: "Speaking to reporters, the minister said the talks would resume.",
			report: [][2]string{{"the talks would resume", "minister"}}},
		{name: "InstitutionNamedWithOf", body: "The Republican Party of Wyoming said the speech was canceled.",
			report: [][2]string{{"the speech was canceled", "Republican Party of Wyoming"}}},
		{name: "PersonOfInstitutionWithOf", body: "“It would have been a long shot,” said Stephen Vladeck of the University of Texas School of Law.",
			direct: [][2]string{{"It would have been a long shot", "Stephen Vladeck"}}},
		{name: "ClauseAfterConjunctionBeforeSubject", body: "And when Israel moved troops into Gaza, Obama offered only qualified support, warning the allies were \"deeply concerned about the loss of more innocent life.\"",
			direct: [][2]string{{"deeply concerned about the loss of more innocent life.", "Obama"}}},
		{name: "LowerCaseRoleBeforeName", body: "Palestinian leader Mahmud Abbas announced a cut of all ties.\n\n\"We are informing you that there will be no relations with you,\" Abbas said.\n\nHe said the move followed the \"disavowal of signed agreements\" by the US and Israel, and US President Donald Trump was silent.",
			direct: [][2]string{{"We are informing you that there will be no relations with you", "Mahmud Abbas"}, {"disavowal of signed agreements", "Mahmud Abbas"}},
			report: [][2]string{{"a cut of all ties", "Mahmud Abbas"}}},
		{name: "GuardAfterSaid", body: "\"Nobody goes in or out tonight,\" said the guard.",
			direct: [][2]string{{"Nobody goes in or out tonight", "guard"}}},
		{name: "ComparedIsQuoteVerb", body: "Deputy Foreign Minister Sergei Ryabkov compared the downing to \"a planned provocation by those who stand behind the terrorists\".",
			direct: [][2]string{{"a planned provocation by those who stand behind the terrorists", "Sergei Ryabkov"}}},
		{name: "PronounAfterParticiplePhrase", body: "British prime minister David Cameron said he would act.\n\nA new video showed a militant beheading David Haines.\n\n\"We will hunt down those responsible,\" Mr Cameron said after the meeting.\n\n\"We are a peaceful people.\"\n\nDescribing Mr Haines as a \"British hero\", he said the militants were \"not Muslims, they are monsters\".\n\n\"We have to confront this menace,\" he said.\n\n\"Step-by-step, we must drive back and destroy ISIL.\"\n\nHe said Britain would work with allies on a \"comprehensive and sustained counter-terrorism strategy\".",
			direct: [][2]string{{"We will hunt down those responsible", "David Cameron"}, {"We are a peaceful people.", "David Cameron"},
				{"not Muslims, they are monsters", "David Cameron"}, {"We have to confront this menace", "David Cameron"},
				{"Step-by-step, we must drive back and destroy ISIL.", "David Cameron"}, {"comprehensive and sustained counter-terrorism strategy", "David Cameron"}},
			report: [][2]string{{"he would act", "David Cameron"}}, scare: []string{"British hero"}},
		{name: "PronounPastQuotedParagraphWithOtherSpeaker", body: "Islamic State spokesman Abu Mohammed al-Adnani said the coalition led by President Barack Obama will fail.\n\n\"Do not let this battle pass you by,\" the recording said.\n\nHe said Muslims everywhere should join the fight.",
			direct: [][2]string{{"Do not let this battle pass you by", "Abu Mohammed al-Adnani"}},
			report: [][2]string{{"the coalition led by President Barack Obama will fail", "Abu Mohammed al-Adnani"}, {"Muslims everywhere should join the fight", "Abu Mohammed al-Adnani"}}},
		{name: "SurnameQuotesAfterReportedFullName", body: "Kitchen staffer Sumon Reza said the attackers chanted as they came in.\n\nRezaul Karim, the father of a hostage, said the attackers spared some.\n\n\"He told me, please save us,\" he said.\n\n\"The gunmen gave them meals last night,\" Karim said.\n\nHe said detectives were questioning his son.",
			direct: [][2]string{{"He told me, please save us", "Rezaul Karim"}, {"The gunmen gave them meals last night", "Rezaul Karim"}},
			report: [][2]string{{"the attackers chanted as they came in", "Sumon Reza"}, {"the attackers spared some", "Rezaul Karim"}, {"detectives were questioning his son", "Rezaul Karim"}}},
		{name: "AbbreviatedMonthKeepsSentence", body: "A U.S. official disputed the account on Sept. 14, saying: \"The first briefing laid out the full range.\"",
			direct: [][2]string{{"The first briefing laid out the full range.", "U.S. official"}}},
		{name: "PlainModifierBetweenNameAndNoun", body: "A U.S. intelligence official disputed the account, saying: \"The first briefing laid out the full range.\"",
			direct: [][2]string{{"The first briefing laid out the full range.", "U.S. intelligence official"}}},
		{name: "DateBeforeNounCueIsNoSpeaker", body: "“The ally of atrocities is silence,” said Cardinal Donald Wuerl, the Archbishop of Washington, during Feb. 26 remarks at Georgetown University. “Too many people simply are silent.”",
			direct: [][2]string{{"The ally of atrocities is silence", "Donald Wuerl"}, {"Too many people simply are silent.", "Donald Wuerl"}}},
		{name: "ContinuesBeforeNewClause", body: "While the search for the official continues, Jeff Brady reports that buses are being used.",
			report: [][2]string{{"buses are being used", "Jeff Brady"}}},
		{name: "PersonNounGunman", body: "\"Nobody leaves this room until we are paid,\" the gunman says.",
			direct: [][2]string{{"Nobody leaves this room until we are paid", "gunman"}}},
		{name: "StatementSpeaksForItsAuthor", body: "Sergey Lavrov spoke on Monday.\n\n\"The talks are off for now,\" Lavrov's statement said. \"We will wait for Washington,\" his statement added.",
			direct: [][2]string{{"The talks are off for now", "Sergey Lavrov"}, {"We will wait for Washington", "Sergey Lavrov"}}},
		{name: "StatementFromAuthor", body: "\"The talks are off for now,\" a statement from the Kremlin said.",
			direct: [][2]string{{"The talks are off for now", "Kremlin"}}},
		{name: "RestatedView", body: "Mike Pompeo has restated the White House's view that \"there is no direct reporting connecting the crown prince to the order.\"",
			direct: [][2]string{{"there is no direct reporting connecting the crown prince to the order.", "Mike Pompeo"}}},
		{name: "PartyTagBeforeApposition", body: "Rep. Dana Rohrabacher, R-Calif., among those in Congress criticizing a potential Syria mission, released a statement saying “we should have learned our lesson from the Iraq War.”",
			direct: [][2]string{{"we should have learned our lesson from the Iraq War.", "Dana Rohrabacher"}}},
		{name: "ParagraphIntroducesStatement", body: "Kassig's parents issued a statement on Sunday:\n\n\"We prefer our son is written about and remembered for his important work.\"",
			direct: [][2]string{{"We prefer our son is written about and remembered for his important work.", "Kassig's parents"}}},
		{name: "ShotBackBeforeQuote", body: "Asked to react to Clinton's answer, Sanders shot back: \"Not good enough for the people.\"",
			direct: [][2]string{{"Not good enough for the people.", "Sanders"}}},
		{name: "HitBackAfterQuote", body: "\"Not good enough for the people,\" Jones hit back at Clinton.",
			direct: [][2]string{{"Not good enough for the people", "Jones"}}},
		{name: "AgentNounSpeaker", body: "\"It is hard enough emotionally to come back to work,\" said the designer, who works for another brand.",
			direct: [][2]string{{"It is hard enough emotionally to come back to work", "designer"}}},
		{name: "LatterIsNoAgentNoun", body: "\"It will be much better for all of us,\" the latter said.",
			direct: [][2]string{{"It will be much better for all of us", ""}}},
		{name: "AmpersandInApposition", body: "''We believe the bashing will lead to targeted policies,'' Isaac Boltansky, an analyst at Compass Point Research & Trading, wrote in a note.",
			direct: [][2]string{{"We believe the bashing will lead to targeted policies", "Isaac Boltansky"}}},
		{name: "BareAttributionAfterClosedSentence", body: "“Russia, if you are listening, I hope you are able to find the emails that are missing.” Trump said.",
			direct: [][2]string{{"Russia, if you are listening, I hope you are able to find the emails that are missing.", "Trump"}}},
		{name: "LongApposition", body: "Ted Nordhaus, co-founder of the Breakthrough Institute and advocate of an Apollo Project-type effort to cultivate new technologies, welcomed \"the recognition that we do not have all the technology we need.\"",
			direct: [][2]string{{"the recognition that we do not have all the technology we need.", "Ted Nordhaus"}}},
		{name: "RelativeClauseAfterApposition", body: "Nabil Shaath, the Palestinian Authority’s commissioner for international relations, who was in Cairo, said the agreement was kept “as vague and as general as possible.”",
			direct: [][2]string{{"as vague and as general as possible.", "Nabil Shaath"}}},
		{name: "ProsecutorRoleAndParticleSurname", body: "Federal prosecutor Frederic Van Leeuw spoke first. Ibrahim El Bakraoui was deported by Turkey.\n\nVan Leeuw offered a similar assessment of the brothers.\n\n\"These two suicide bombers had lengthy criminal records,\" he said.",
			direct: [][2]string{{"These two suicide bombers had lengthy criminal records", "Frederic Van Leeuw"}}},
		{name: "SurnameBeforeGenerationalSuffix", body: "Caroline County Sheriff Tony Lippa Jr. and Floyd Thomas learned of the burial through the media. Lippa said his department would provide security.",
			report: [][2]string{{"his department would provide security", "Tony Lippa Jr."}}},
		{name: "SonIsNotFather", body: "President Donald Trump spoke. Donald Trump Jr. said the meeting was short. Trump said it was long.",
			report: [][2]string{{"the meeting was short", "Donald Trump Jr."}, {"it was long", "Donald Trump"}}},
		{name: "ModalAndOnlyBeforeCue", body: "The scheduling was so odd that a spokesman for Bernie Sanders could only quip: \"I guess Christmas Eve was booked.\"",
			direct: [][2]string{{"I guess Christmas Eve was booked.", "spokesman for Bernie Sanders"}}},
		{name: "ParticipleAfterCapitalizedHead", body: "\"You are going to see a massive ad spend,\" said one Republican involved in the planning, who spoke on the condition of anonymity.",
			direct: [][2]string{{"You are going to see a massive ad spend", "Republican"}}},
		{name: "CueAfterArticleAndWordIsNoun", body: "Trump sounded a rare note of self-deprecation on Thursday."},
		{name: "CueAfterPrepositionalObjectIsVerb", body: "A one-state reality carries its own perils, critics of the idea say.",
			report: [][2]string{{"A one-state reality carries its own perils", "critics of the idea"}}},
		{name: "ParagraphEndingInVerbColon", body: "Voters spoke.\n\n17-year-old Jared Potts echoed:\n\n“He speaks his mind, and I think that might be what the country needs.”",
			direct: [][2]string{{"He speaks his mind, and I think that might be what the country needs.", "Jared Potts"}}},
		{name: "HeadlineLabelIsNoSpeaker", body: "Update at 1:10 p.m. ET. No Details Yet:\n\n\"The details of the deal are not yet clear.\"",
			direct: [][2]string{{"The details of the deal are not yet clear.", ""}}},
		{name: "QuoteSentenceGoesOnToInvertedSpeaker", body: "“For rank-and-file teachers, he is saying a lot of the right things” about fixing inequality and enabling public-sector unions, said Marla Kilfoyle, executive director of the activist group Badass Teachers Association.",
			direct: [][2]string{{"For rank-and-file teachers, he is saying a lot of the right things", "Marla Kilfoyle"}}},
		{name: "InvertedSubjectOfReportedIsNoSpeaker", body: "Oxfam, which said its teams were “working around the clock” to treat the wounded, said the Israeli army \"must stop its use of force.\"",
			direct: [][2]string{{"working around the clock", "Oxfam"}, {"must stop its use of force.", "Israeli army"}}},
		{name: "VerbOnlyAfterQuote", body: "“Go back to Univision,” Trump barked and a security guard escorted Ramos out. “Would it be negotiable?” Hannity pressed.",
			direct: [][2]string{{"Go back to Univision", "Trump"}, {"Would it be negotiable?", "Hannity"}}},
		{name: "AgentNounInMan", body: "“There should be a lot of systems, beyond databases,” the businessman replied.",
			direct: [][2]string{{"There should be a lot of systems, beyond databases", "businessman"}}},
		{name: "AgeNamesLastPerson", body: "David Matthews went to the theater in Dallas on Friday.\n\n“It was such a paradox, this whole experience,” the 58-year-old said.",
			direct: [][2]string{{"It was such a paradox, this whole experience", "David Matthews"}}},
		{name: "TitleWordAsSurnameAndHomeState", body: "Rep. Peter King of New York also had biting words for the president.\n\n\"I am going to use my words very carefully,\" King said.",
			direct: [][2]string{{"I am going to use my words very carefully", "Peter King"}}},
		{name: "OfficeOfBeforeUnknownName", body: "Speaking from Cairo, Egyptian Minister of Aviation Sherif Fathy said the plane had vanished.\n\n\"I am not excluding any theory,\" said Fathy.",
			direct: [][2]string{{"I am not excluding any theory", "Sherif Fathy"}},
			report: [][2]string{{"the plane had vanished", "Sherif Fathy"}}},
		{name: "WherePhraseAfterInvertedSpeaker", body: "\"Those who wanted to contribute were given meaningful roles,\" said a current department official in an email. \"Yemen looks like Syria after five years,\" said the head of the Red Cross on his return.",
			direct: [][2]string{{"Those who wanted to contribute were given meaningful roles", "current department official"}, {"Yemen looks like Syria after five years", "Red Cross"}}},
		{name: "ReadTheEmail", body: "In it, the captors made no demand.\n\n\"Today our swords are unsheathed toward you,\" read the e-mail.",
			direct: [][2]string{{"Today our swords are unsheathed toward you", "e-mail"}}},
		{name: "Editorialized", body: "The Wall Street Journal editorialized that this ideology will only be stopped when \"enough of its fanatics have been killed.\"",
			direct: [][2]string{{"enough of its fanatics have been killed.", "Wall Street Journal"}}},
		{name: "AdverbBeforeParticiple", body: "Tillerson on Monday declined to say whether Trump would pressure the Israelis, simply promising that \"settlements are part of the overall peace discussion.\"",
			direct: [][2]string{{"settlements are part of the overall peace discussion.", "Tillerson"}}},
		{name: "PromisingAsAdjective", body: "As a negotiating tactic, Trump's similar approach toward Iran seems even less promising.\n\nThe military option is only on the table, as Obama and his aides keep promising, in the loosest sense."},
		{name: "AsideBetweenDashes", body: "Israeli Prime Minister Benjamin Netanyahu – who tried to block it – said in March that Iran was “gobbling up four countries right now.”",
			direct: [][2]string{{"gobbling up four countries right now.", "Benjamin Netanyahu"}}},
		{name: "NoSpeakerBeforeDashAside", body: "The similarities between the London Bridge and Westminster Bridge attack – both involving motorists – suggest that they are being copied."},
		{name: "PlaceAfterInvertedName", body: "The number of people in U.N. shelters decreased, said U.N. official Chris Gunness in Gaza.",
			report: [][2]string{{"The number of people in U.N. shelters decreased", "Chris Gunness"}}},
		{name: "TwoAppositions", body: "Batya Katar, a resident of Sderot, a community that has been a frequent target of rocket fire, said streets were empty there.",
			report: [][2]string{{"streets were empty there", "Batya Katar"}}},
		{name: "OpenerIsNoName", body: "On Sunday, the deputy speaker of Iraq's parliament Haider al-Abadi, a member of Maliki’s party, said in a tweet that a bloc was close to choosing a prime minister.",
			report: [][2]string{{"a bloc was close to choosing a prime minister", "Haider al-Abadi"}}},
		{name: "DatelineWithAgencyThenLeadingPhrase", body: "WASHINGTON, Dec. 8 (UPI) — In response to Donald Trump’s proposal, Hillary Clinton’s right-hand woman rallied supporters, saying: “We have to be ready to stop him.”",
			direct: [][2]string{{"We have to be ready to stop him.", "Hillary Clinton’s right-hand woman"}}},
		{name: "BackInYearOpener", body: "Back in 1999, Mr. Trump expressed admiration for Mr. Clinton's skills, telling CNBC: ''I wish I could be like that. I just can't.''",
			direct: [][2]string{{"I wish I could be like that. I just can't.", "Trump"}}},
		{name: "ParticipleOpenerIsNoSpeaker", body: "Holding signs calling Christie “New Jersey’s Biggest Loser,” the protesters chanted “Chris Christie: Bad for New Jersey, bad for you.”",
			direct: [][2]string{{"New Jersey’s Biggest Loser", ""}, {"Chris Christie: Bad for New Jersey, bad for you.", ""}}},
		{name: "GerundCompoundWithSpeakerNoun", body: "Carjacking victim Danny Meng said the brothers had planned to drive to New York.",
			report: [][2]string{{"the brothers had planned to drive to New York", "Danny Meng"}}},
		{name: "ConfidedAfterQuote", body: "“I genuinely believe he was trying to get a deal,” Peter Feaver confided.",
			direct: [][2]string{{"I genuinely believe he was trying to get a deal", "Peter Feaver"}}},
		{name: "QuantifierOfPossessive", body: "Several of his fringe supporters screamed that he was being duped into a war.",
			report: [][2]string{{"he was being duped into a war", "fringe supporters"}}},
		{name: "TheGroupIsTheLastOrganization", body: "The Islamic State has taken control of a large swath of Iraq and Syria. Dominated by Sunni Arabs, the group claims religious authority over Muslims worldwide.",
			report: [][2]string{{"religious authority over Muslims worldwide", "Islamic State"}}},
		{name: "TheGroupReadsTheWholeName", body: "Human Rights Watch counted the dead in the villages.\n\n“These attacks were unlawful,” the group said.",
			direct: [][2]string{{"These attacks were unlawful", "Human Rights Watch"}}},
		{name: "TheGroupIsNoHyphenatedName", body: "Activists of the anti-Islamic State campaign counted the strikes on Sunday.\n\n“Pray for us,” the group said.",
			direct: [][2]string{{"Pray for us", "group"}}},
		{name: "TheGroupIsANewGroup", body: "The coalition has struck the Islamic State in Syria since last year.\n\nA group of activists in Syria counted the strikes on Sunday.\n\n“Pray for us,” the group said.",
			direct: [][2]string{{"Pray for us", "group"}}},
		{name: "TheGroupIsNoGovernment", body: "The White House identified Ansar al-Sharia as the attacker on Tuesday. The group denied that it was involved the next day.",
			report: [][2]string{{"it was involved the next day", "group"}}},
		{name: "UnknownFirstNameOfInstitution", body: "The hijacking was \"a more old-fashioned type of terrorism,\" said Sajjan Gohel of the Asia-Pacific Foundation.",
			direct: [][2]string{{"a more old-fashioned type of terrorism", "Sajjan Gohel"}}},
		{name: "HeadOfInstitutionStaysWhole", body: "On Sunday, the head of the 22-member Arab League urged members to make a \"clear and firm decision for a comprehensive confrontation.\"",
			direct: [][2]string{{"clear and firm decision for a comprehensive confrontation.", "Arab League"}}},
		{name: "CityCommaStateInSubject", body: "The Embassy of Yemen in Washington, D.C. said in a statement that Yemen strongly condemned the attack.",
			report: [][2]string{{"Yemen strongly condemned the attack", "Embassy of Yemen in Washington"}}},
		{name: "ReadAfterQuote", body: "\"Religious holiday gatherings are an attractive target for extremists,\" read the intelligence bulletin issued on Thursday.",
			direct: [][2]string{{"Religious holiday gatherings are an attractive target for extremists", "intelligence bulletin"}}},
		{name: "ReadWithoutDeterminerIsNoCue", body: "\"The talks will go on into the night at the hotel,\" read more from our live blog.",
			direct: [][2]string{{"The talks will go on into the night at the hotel", ""}}},
		{name: "ParticipleEndsSpeakerAfterCue", body: "\"It's a lot of moving parts,\" said one European diplomat involved in the discussions.",
			direct: [][2]string{{"It's a lot of moving parts", "European diplomat"}}},
		{name: "WentOnToBecomeIsNoSpeech", body: "Mr. Sullivan went on to become one of the administration's top nuclear negotiators. Kerry went on to say that the talks were close to a deal.",
			report: [][2]string{{"the talks were close to a deal", "Kerry"}}},
		{name: "TwoWordRoleIsLastHolder", body: "Vice President Joe Biden and President Barack Obama met on Monday.\n\nThe vice president said that common sense points to one culprit. The vice-president said that the talks would go on.",
			report: [][2]string{{"common sense points to one culprit", "Joe Biden"}, {"the talks would go on", "Joe Biden"}}},
		{name: "HyphenatedPersonNounAskedNotToBeNamed", body: "A co-worker who asked not to be named said she was twice interviewed by agents this week.",
			report: [][2]string{{"she was twice interviewed by agents this week", "co-worker"}}},
		{name: "WitnessBeforeName", body: "Witness Sue Savage said that the blast shook the whole terminal building.",
			report: [][2]string{{"the blast shook the whole terminal building", "Sue Savage"}}},
		{name: "OccupationBeforeName", body: "Historian Julian Zelizer said that the speech would be remembered. \"It was a turning point,\" Zelizer said.",
			direct: [][2]string{{"It was a turning point", "Julian Zelizer"}},
			report: [][2]string{{"the speech would be remembered", "Julian Zelizer"}}},
		{name: "ParticipleAfterQuote", body: "Ismail Haniyeh, the Hamas prime minister, thanked Mr. Morsi in a televised speech \u201cfor the quick and brave decisions he made,\u201d adding, \u201cToday\u2019s Egypt is unlike that of yesterday.\u201d",
			direct: [][2]string{{"for the quick and brave decisions he made", "Ismail Haniyeh"}, {"Today\u2019s Egypt is unlike that of yesterday.", "Ismail Haniyeh"}}},
		{name: "UnknownNameRepeatedAsSpeaker", body: "Prime Minister Benjamin Netanyahu won re-election, Avi Dgani says.\n\nAnother Israeli, Noam Chayut, shifted to the left politically. He says small jolts shook his beliefs.\n\nChayut wrote that the change took years.",
			report: [][2]string{{"Prime Minister Benjamin Netanyahu won re-election", "Avi Dgani"}, {"small jolts shook his beliefs", "Noam Chayut"}, {"the change took years", "Noam Chayut"}}},
		{name: "RepeatedNameGluedToLinkText", body: "Chairman Bob Corker Robert (Bob) Phillips CorkerLindsey Graham basks in the spotlight. Corker said that the decision was a shock.",
			report: [][2]string{{"the decision was a shock", "Corker"}}},
		{name: "PeopleRepeatedAsSpeakerIsNoName", body: "British Muslims gathered in London on Friday. Muslims said that the attack was not in their name.",
			report: [][2]string{{"the attack was not in their name", "Muslims"}}},
		{name: "FamilyOfNamedPerson", body: "The family of slain journalist Steven Sotloff said this week that the hostage was sold to the group. Obama instead said he would consult with Congress.",
			report: [][2]string{{"the hostage was sold to the group", "family of slain journalist Steven Sotloff"}, {"he would consult with Congress", "Obama"}}},
		{name: "OfferedQuote", body: "US President Donald Trump offered his \"warmest sympathy and best wishes\" to New Zealand.",
			direct: [][2]string{{"warmest sympathy and best wishes", "Donald Trump"}}},
		{name: "OfferedSomethingElse", body: "Officials offered their condolences to \"the victims and families of the attack\" on Friday.",
			direct: [][2]string{{"the victims and families of the attack", ""}}},
		{name: "PassiveInfinitiveIsNoSpeech", body: "Najim Laachraoui, an explosives expert believed to have built the bombs, died at the airport. Bush vowed to be unyielding in the fight against the group.",
			report: [][2]string{{"to be unyielding in the fight against the group", "Bush"}}},
		{name: "ParticipleEndsSpeakerBeforeCue", body: "A statement released on Sunday said that the army had withdrawn from the town.",
			report: [][2]string{{"the army had withdrawn from the town", "statement"}}},
		{name: "EvenAndLittleDoubt", body: "The men even agreed that Russia might one day join the alliance. There's little doubt, though, that the group remains a threat.",
			report: [][2]string{{"Russia might one day join the alliance", "men"}}},
		{name: "PronounTakesPreviousSubject", body: "Sen. Lindsey Graham spoke on Sunday.\n\nSenators debated the case for hours.\n\nBut Mr. Graham rejected the view that agents could persuade Mr. Tsarnaev to talk. He said interrogators needed to build a rapport with a prisoner.\n\nIt wasn't enough for Mr. Obama's aides to stop the project, they deleted Mr. Haney's files. He concludes that the administration cared more about others.",
			report: [][2]string{{"interrogators needed to build a rapport with a prisoner", "Lindsey Graham"}, {"the administration cared more about others", "Haney"}}},
		{name: "PronounSkipsLeadingPhraseOfPreviousSentence", body: "President Barack Obama and Russian President Vladimir Putin met in Paris.\n\nTalks went on all day.\n\nSpeaking to Barack Obama on Monday, Vladimir Putin looked tired and angry. He said the sanctions would fail.",
			report: [][2]string{{"the sanctions would fail", "Vladimir Putin"}}},
		{name: "MaintainsWithObjectReportsNothing", body: "The Islamic State can maintain such a state over the long term. Iran maintains its nuclear program is peaceful. Carney maintained that there was no evidence of a plot.",
			report: [][2]string{{"its nuclear program is peaceful", "Iran"}, {"there was no evidence of a plot", "Carney"}}},
		{name: "StatementIssuerWithoutQuote", body: "Turkey's Ministry of Foreign Affairs also published a statement denouncing the attack on the church.\n\n\"We convey our condolences to the bereaved families,\" the statement said.\n\nThe king was ready to raise output, the White House said in a statement.\n\n\"King Salman affirmed that the kingdom keeps spare capacity,\" the statement said.",
			direct: [][2]string{{"We convey our condolences to the bereaved families", "Turkey's Ministry of Foreign Affairs"}, {"King Salman affirmed that the kingdom keeps spare capacity", "White House"}},
			report: [][2]string{{"The king was ready to raise output", "White House"}}},
		{name: "DiscourseOpenerBeforeSubject", body: "On the other hand counter-terrorism experts have always believed that bombers prefer a city.",
			report: [][2]string{{"bombers prefer a city", "counter-terrorism experts"}}},
		{name: "InitialsAndNicknameBeforeOf", body: "\u201cThis is a very serious situation,\u201d said Representative C. A. (Dutch) Ruppersberger of Maryland, the ranking Democrat. Professor Clifton W. Sherrill of Troy University said that the war would last.",
			direct: [][2]string{{"This is a very serious situation", "C. A. Ruppersberger"}},
			report: [][2]string{{"the war would last", "Clifton W. Sherrill"}}},
		{name: "NoOneSpoke", body: "No group has claimed responsibility for the attack on the embassy. No U.S. officials have suggested troops on the ground. Officials said the embassy would reopen.",
			report: [][2]string{{"the embassy would reopen", "Officials"}}},
		{name: "RecalledAnAmbassadorReportsNothing", body: "Egypt, for example, recalled its ambassador to Israel on Wednesday. Khozhugov recalled the mother saying that the talks were about religion. He recalled how the men had argued about the war.",
			report: [][2]string{{"the talks were about religion", "Khozhugov"}, {"about the war", "men"}}},
		{name: "ShortUtteranceStaysQuote", body: "“Never,” Lavrov said.\n\n“We will not give the militants a pause to regroup now.”",
			direct: [][2]string{{"Never", "Lavrov"}, {"We will not give the militants a pause to regroup now.", "Lavrov"}}},
		{name: "RoleAfterAbbreviatedTitle", body: "U.S. Sen. John McCain, R-Arizona, called for a suspension of aid. \"We cannot repeat the same mistakes,\" the senator told CNN.\n\nGen. Martin Dempsey was asked about it. “I can’t make that report yet,” said the general.",
			direct: [][2]string{{"We cannot repeat the same mistakes", "John McCain"}, {"I can’t make that report yet", "Martin Dempsey"}}},
		{name: "ModifierBeforeRole", body: "Pope Francis arrived in Rome. Former Sen. Jim Webb and Sen. Tim Kaine met him. The new pope said it was \"a day of joy.\"\n\n“We are not done,” said the former senator.",
			direct: [][2]string{{"a day of joy.", "Francis"}, {"We are not done", "Jim Webb"}}},
		{name: "SecretaryGeneralIsTitle", body: "U.N. Secretary-General Ban Ki-moon said the attack was a crime. The secretary-general said the team \"adhered to the most stringent protocols available.\"",
			direct: [][2]string{{"adhered to the most stringent protocols available.", "Ban Ki-moon"}},
			report: [][2]string{{"the attack was a crime", "Ban Ki-moon"}}},
		{name: "InTheWordsOf", body: "ISIS goes about its strategy to, in the words of former acting CIA director Mike Morell, “set up that caliphate and attack the United States.”",
			direct: [][2]string{{"set up that caliphate and attack the United States.", "Mike Morell"}}},
		{name: "AsPutItAfterQuote", body: "Mike Morell spoke on Monday.\n\n“The group began with infiltration and ended with conquest,” as Morell put it.",
			direct: [][2]string{{"The group began with infiltration and ended with conquest", "Mike Morell"}}},
		{name: "StatementFromTheOfficeOf", body: "A statement from the office of Theresa May said: \"Appalled by this cowardly attack.\"",
			direct: [][2]string{{"Appalled by this cowardly attack.", "office of Theresa May"}}},
		{name: "ParticleSurnameBeforeParticiple", body: "Hakim al-Zamili, a lawmaker affiliated with the cleric, played down the vote, saying al-Maliki already has enough power.\n\n\"The problem is that soldiers are not resisting,\" he said.",
			direct: [][2]string{{"The problem is that soldiers are not resisting", "Hakim al-Zamili"}},
			report: [][2]string{{"al-Maliki already has enough power", "Hakim al-Zamili"}}},
		{name: "IngParticipleEndsInvertedSpeaker", body: "\"Today is not the day to be grumpy Parisians,\" said one woman sporting a bright-red French beret.\n\nSecretary of State John Kerry arrived. \"Israel has agreed to a 12-hour ceasefire,\" said a U.S. official traveling with Kerry.",
			direct: [][2]string{{"Today is not the day to be grumpy Parisians", "woman"}, {"Israel has agreed to a 12-hour ceasefire", "U.S. official"}}},
		{name: "KoreanNameAfterTitledFamilyName", body: "Secretary-General Ban said the talks would go on.\n\nBan Ki-moon spoke to reporters on Monday. \"We are appalled by the attack,\" Ban said.",
			direct: [][2]string{{"We are appalled by the attack", "Ban Ki-moon"}},
			report: [][2]string{{"the talks would go on", "Ban Ki-moon"}}},
		{name: "HyphenatedWesternAndArabicSurnames", body: "Jane Smith-Jones said the talks had failed. Mohsen Al-labede said the talks went well.\n\n\"We will meet again next week,\" Smith-Jones said. \"The border stays closed for now,\" Al-labede said.",
			direct: [][2]string{{"We will meet again next week", "Jane Smith-Jones"}, {"The border stays closed for now", "Mohsen Al-labede"}},
			report: [][2]string{{"the talks had failed", "Jane Smith-Jones"}, {"the talks went well", "Mohsen Al-labede"}}},
		{name: "ShortOrCapitalizedIngIsNoParticiple", body: "\"We will fight on,\" said the group's military wing.\n\n\"We will talk,\" said State Department spokesman Harding.",
			direct: [][2]string{{"We will fight on", "group's military wing"}, {"We will talk", "Harding"}}},
		{name: "KoreanFamilyNameFirst", body: "Congratulations came from Ban Ki-moon and from President Barack Obama.\n\nBan said the pope shares common goals with the United Nations. \"We also share the conviction that we can only resolve them through dialogue,\" he said.",
			direct: [][2]string{{"We also share the conviction that we can only resolve them through dialogue", "Ban Ki-moon"}},
			report: [][2]string{{"the pope shares common goals with the United Nations", "Ban Ki-moon"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := analysis.FindAttributions(c.body)
			var direct, report [][2]string
			for _, q := range got.Quotes {
				if q.Text != c.body[q.Start:q.End] {
					t.Errorf("Text %q differs from body[%d:%d]", q.Text, q.Start, q.End)
				}
				if q.Mention != "" && (q.MentionStart < 0 || q.MentionEnd > len(c.body) || q.Mention != c.body[q.MentionStart:q.MentionEnd]) {
					t.Errorf("Mention %q is not body[%d:%d]", q.Mention, q.MentionStart, q.MentionEnd)
				}
				if q.Kind == analysis.QuoteDirect {
					direct = append(direct, [2]string{q.Text, q.Speaker})
				} else {
					report = append(report, [2]string{q.Text, q.Speaker})
				}
			}
			var scare []string
			for _, s := range got.Scare {
				scare = append(scare, c.body[s.Start:s.End])
			}
			if !equalPairs(direct, c.direct) {
				t.Errorf("direct quotes = %q, want %q", direct, c.direct)
			}
			if !equalPairs(report, c.report) {
				t.Errorf("reported speech = %q, want %q", report, c.report)
			}
			if strings.Join(scare, "|") != strings.Join(c.scare, "|") {
				t.Errorf("scare quotes = %q, want %q", scare, c.scare)
			}
		})
	}
}

func equalPairs(a, b [][2]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestFindAttributionsGolden runs FindAttributions over the hand-written
// articles in testdata/quotes and compares with their golden JSON.
func TestFindAttributionsGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "quotes", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures in testdata/quotes: %v", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			body, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(analysis.FindAttributions(string(body)), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := strings.TrimSuffix(f, ".txt") + ".golden.json"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("read golden (run go test -update to create it): %v", err)
			}
			if string(got) != string(want) {
				t.Errorf("attributions differ from %s (run go test -update after checking):\ngot:\n%s", golden, got)
			}
		})
	}
}
