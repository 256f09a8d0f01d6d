package analysis

import (
	"math/bits"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// speechCueWords are the inflected forms of the speech verbs that mark an
// attribution. The list follows the lemmas quote trackers use (say, tell,
// add, argue, claim, warn, insist, explain, note, ...). "believe" and
// "think" are kept: on the evaluation corpus they mark opinions attributed
// to a source, and are only taken with a subject in front of them. Of
// "email", "text" and "post" only the past tense is: their other forms
// are nouns far more often ("high-risk posts where the host countries
// ...", "the emails show").
var speechCueWords = func() map[string]bool {
	m := map[string]bool{}
	defer func() {
		for w := range m {
			speakerIntern[w] = w
		}
	}()
	for _, w := range strings.Fields(`
		say says said saying tell tells told telling add adds added adding
		warn warns warned warning claim claims claimed claiming note notes noted noting
		stress stresses stressed stressing explain explains explained explaining
		remark remarks remarked remarking reiterate reiterates reiterated reiterating
		argue argues argued arguing insist insists insisted insisting ask asks asked
		write writes wrote writing state states stated stating announce announces announced
		declare declares declared suggest suggests suggested suggesting
		acknowledge acknowledges acknowledged acknowledging admit admits admitted admitting
		allege alleges alleged alleging assert asserts asserted asserting
		confirm confirms confirmed confirming deny denies denied denying
		emphasize emphasizes emphasized emphasizing emphasise emphasises emphasised
		recall recalls recalled recalling reply replies replied replying
		respond responds responded responding answer answers answered
		tweet tweets tweeted tweeting comment comments commented commenting
		complain complains complained complaining concede concedes conceded
		contend contends contended cautioned cautions predict predicts predicted
		promise promises promised promising pledge pledges pledged vow vows vowed
		urge urges urged urging observe observes observed mention mentions mentioned
		report reports reported reveal reveals revealed boast boasts boasted
		joke jokes joked quip quips quipped shout shouted yell yelled
		conclude concludes concluded agree agrees agreed believe believes believed
		charge charges charged counter counters countered maintain maintains maintained
		estimate estimates estimated disclose discloses disclosed indicate indicates indicated
		confide confides confided implore implores implored screamed mutter muttered inquire inquires
		inquired restate restates restated editorialize editorializes editorialized recount recounts recounted testify testifies testified demand demands demanded
		proclaim proclaims proclaimed repeat repeats repeated speculate speculates speculated
		muse mused underscore underscores underscored underline underlines underlined
		clarify clarifies clarified elaborate elaborated accuse accuses accused
		doubt doubts doubted predicted continued continues told wondered wonders
		insisted thinks think thought fume fumes fumed scoff scoffs scoffed gush gushes gushed
		sigh sighs sighed whisper whispers whispered tout touts touted lament laments lamented
		marvel marvels marveled marvelled crow crowed chide chided rail rails railed blast blasts blasted
		slam slams slammed mock mocks mocked praise praises praised hail hails hailed cry cries cried
		exclaim exclaims exclaimed plead pleads pleaded advise advises advised recommend recommends recommended
		interject interjects interjected interrupt interrupted retort retorts retorted snap snapped
		surmise surmised venture ventured emailed texted posted messaged gripe griped
		grumble grumbled tease teased brag brags bragged reason reasoned opine opines opined assure assured
		remind reminds reminded inform informed thunder thundered acknowledge concede wrote writes pointed points
		chimed summed went goes began begins remember remembers remembered put puts
		questioned`) {
		m[w] = true
	}
	return m
}()

// speechCueShape flags the (first letter, length, last letter) shapes of
// the cue words, all lower-case letters alone, so most words are rejected
// before a look-up: bit l-'a' of t[f-'a'][n] is set when a cue word of n
// letters starts with f and ends with l.
var speechCueShape = func() (t [26][16]uint32) {
	for w := range speechCueWords {
		if len(w) < 16 {
			t[w[0]-'a'][len(w)] |= 1 << (w[len(w)-1] - 'a')
		}
	}
	t[0][len("according")] |= 1 << ('g' - 'a')
	return t
}()

// speechCueShaped reports whether w, of 3 to 15 bytes, has the shape of a
// cue word (speechCueShape) once its first letter, c, is in lower case.
func speechCueShaped(w string, c byte) bool {
	l := w[len(w)-1] - 'a'
	return c >= 'a' && c <= 'z' && l < 26 && speechCueShape[c-'a'][len(w)]>>l&1 != 0
}

// speechCueParticiple reports whether cue is an -ing form that follows a
// comma to attach speech to the sentence's subject ("..., saying that").
func speechCueParticiple(cue string) bool { return strings.HasSuffix(cue, "ing") }

// speakerPartyTag reports whether w is a US party-and-state tag: "R-Texas",
// "D-Calif".
func speakerPartyTag(w string) bool {
	return len(w) > 3 && (w[0] == 'R' || w[0] == 'D' || w[0] == 'I') && w[1] == '-' && w[2] >= 'A' && w[2] <= 'Z'
}

// speechWhereNouns are what something was said in: "in the email", "in
// an interview", "at a news conference".
var speechWhereNouns = wordSet(`email e-mail statement interview letter speech tweet post video memo briefing
	testimony remarks conference hearing address op-ed column broadcast podcast`)

// speechRelativeVerbs open a relative clause on its subject: "who was not
// authorized to speak", "who spoke on condition of anonymity".
var speechRelativeVerbs = wordSet(`was is were are has had have did does would could will can may might
	should must spoke speaks saw knew knows works lives served serves asked requested declined`)

// speechWhereOpeners open a phrase of where something was said: "in the
// email", "during an interview", "at a news conference".
var speechWhereOpeners = wordSet(`in during at`)

// speechTimeOpeners open a time phrase that may stand between a subject
// and its cue: "on Tuesday", "late Friday", "earlier this week".
var speechTimeOpeners = wordSet(`on late early earlier later last this`)

// speakerPeriods and speakerPeriodDets make the time phrases that stand
// between a subject and its cue without a preposition: "last week", "this
// year", "next month", "this past weekend", "last night".
var (
	speakerPeriods    = wordSet(`week weekend month year summer spring fall autumn winter night morning afternoon evening`)
	speakerPeriodDets = wordSet(`last this next past`)
)

// speakerStepOverPeriod returns where the subject before token j ends when
// toks[j] ends a period phrase: "The ministry last week said", "Russia
// this year warned", "Kerry earlier this month said", "Kerry late last year
// said", "this past week". Otherwise it returns j.
func speakerStepOverPeriod(body string, toks []qTok, lo, j int) int {
	if !(j-1 > lo && toks[j].word && toks[j-1].word && speakerTokFlags(body, toks, j)&swPeriod != 0 && speakerTokFlags(body, toks, j-1)&swPeriodDet != 0) {
		return j
	}
	j -= 2
	if j > lo && toks[j].is(body, "this") && toks[j+1].is(body, "past") {
		j-- // "this past week"
	}
	if j > lo && toks[j].word {
		switch speakerLower(body, toks, j) {
		case "earlier", "later", "late", "early":
			j--
		}
	}
	return j
}

// speechTimeOpenerFold reports whether w, in any case, opens a time
// phrase: "Late Monday, ...".
func speechTimeOpenerFold(w string) bool {
	for o := range speechTimeOpeners {
		if strings.EqualFold(w, o) {
			return true
		}
	}
	return false
}

// speechQuoteVerbs are verbs that bring in a quoted phrase as what the
// subject said without being speech cues themselves: "the foreign
// ministry condemned the “blatant violation”", "Michel called Israel's
// actions “unacceptable violence”", "as Whitson described it". They
// attribute a direct quote that follows them closely, never reported
// speech ("the ministry condemned the attack" reports nothing).
var speechQuoteVerbs = wordSet(`called calls calling described describes describing condemned condemns
	denounced denounces dismissed dismisses labeled labelled labels termed terms branded brands decried decries
	criticized criticised criticizes criticises welcomed welcomes characterized characterised dubbed compared
	likened offered offers expressed expresses extended voiced`)

// speechQuoteOffers are the quote verbs whose quote is their object
// itself, right after them or a determiner (speakerObjectDets): "offered his “deepest
// condolences”", "expressed “outrage and sorrow”".
var speechQuoteOffers = wordSet(`offered offers expressed expresses extended voiced`)

// speechCueNounContext are the words after which a cue word is a noun or an
// infinitive ("the report", "his remarks", "to say"), not a speech verb.
var speechCueNounContext = wordSet(`the a an to his her its their our my your this these those of in for on with
	by from no any every such little much The A An His Her Its Their This These Those`)

// lastWordAt returns the word starting at offset i of s.
func lastWordAt(s string, i int) string {
	j := i
	for j < len(s) && s[j] >= 'a' && s[j] <= 'z' {
		j++
	}
	return s[i:j]
}

// speakerPassive are the auxiliaries that make a following participle
// passive ("was told", "were asked"): no speech by the subject.
var speakerPassive = map[string]bool{"was": true, "were": true, "been": true, "being": true, "be": true, "is": true, "are": true, "get": true, "got": true}

// speechCueMaybe reports whether speechCueAt may find a cue at token t: it
// is false for a word that speechCueAt turns down by its first byte, length
// and last byte alone. The attribution readers ask about every word of a
// stretch, and most words are turned down so: this is small enough to be
// inlined, which saves them the call.
func speechCueMaybe(body string, t qTok) bool {
	c, n := body[t.s], t.e-t.s
	return c >= utf8.RuneSelf || n < 16 && speechCueMay[c][n]>>(body[t.e-1]-'a')&1 != 0
}

// speechCueMay holds the shapes speechCueMaybe lets through, as
// speechCueShape does but for words of any first ASCII byte: bit l-'a' of
// t[f][n] is set when speechCueAt may find a cue in a word of n bytes
// that starts with f and ends with l. Besides the cue words' shapes, those
// are "in"/"In" ("in the words of"), "shot", "hit", "hits" (before
// "back"), and the capitalized "According", "Said", "Says", "Added" and
// "Asked".
var speechCueMay = func() (t [utf8.RuneSelf][16]uint32) {
	for c := byte('a'); c <= 'z'; c++ {
		t[c] = speechCueShape[c-'a']
	}
	for _, w := range []string{"in", "In", "shot", "hit", "hits", "According", "Said", "Says", "Added", "Asked"} {
		t[w[0]][len(w)] |= 1 << (w[len(w)-1] - 'a')
	}
	return t
}()

// speechCueAt returns the cue starting at token k ("said", "according to")
// and how many tokens it spans, or "" when there is none.
func speechCueAt(body string, toks []qTok, k int) (string, int) {
	w := body[toks[k].s:toks[k].e]
	if len(w) > 0 && w[0] >= utf8.RuneSelf {
		return speechCueRussianAt(body, toks, k)
	}
	if len(w) < 3 || len(w) > 15 {
		if (w == "in" || w == "In") && k+3 < len(toks) && toks[k+1].is(body, "the") && toks[k+2].is(body, "words") && toks[k+3].is(body, "of") {
			// "in the words of former acting CIA director Mike Morell,
			// “...": as "according to", the speaker follows. "in" is no
			// cue candidate of the scan, so no reported speech is read
			// from it.
			return "in the words of", 4
		}
		return "", 0
	}
	c := w[0]
	if c >= 'A' && c <= 'Z' {
		switch {
		case w == "According":
		case k == 0 && (w == "Said" || w == "Says" || w == "Added" || w == "Asked"):
			// Inverted at the sentence start: "Said Dorothy Poynter, ...".
			return strings.ToLower(w), 1
		default:
			return "", 0
		}
		c += 'a' - 'A'
	}
	if (c == 's' || c == 'h') && (w == "shot" || w == "hit" || w == "hits") && k+1 < len(toks) && toks[k+1].is(body, "back") {
		// "shot back:", "“...,” Sanders hit back at Clinton": a retort.
		// The words are no cues alone ("police shot the driver"), so they
		// carry no cue flag, and the scan lists them as no reported cue.
		return w + " back", 2
	}
	if !speechCueShaped(w, c) {
		return "", 0
	}
	lw := w
	if w[0] == 'A' {
		lw = "according"
	}
	if lw == "according" {
		if k+1 < len(toks) && toks[k+1].is(body, "to") {
			return "according to", 2
		}
		return "", 0
	}
	// lw is the token as written, its first letter in lower case: it is a
	// cue word exactly when the word-set look-up returns it unchanged, with
	// the cue flag.
	tw, f := speakerTokInfo(body, toks, k)
	if f&swCue == 0 || tw != lw {
		return "", 0
	}
	if lw == "promising" && !quoteCommaBefore(body, toks, k) {
		return "", 0 // only "..., promising that": not "promising results"
	}
	switch lw {
	case "put", "puts":
		// Only "as Putin put it", "as a Rand Corporation report released
		// this month put it": the subject of "as" speaks.
		if k+1 < len(toks) && toks[k+1].is(body, "it") {
			for j := k - 2; j >= 0 && j >= k-9 && toks[j].word; j-- {
				if toks[j].is(body, "as") || toks[j].is(body, "As") {
					return lw + " it", 2
				}
			}
		}
		return "", 0
	case "pointed", "points", "chimed", "summed", "went", "goes", "began", "begins":
		// Only as part of a phrase: "pointed out", "went on", "began by saying".
		if k+1 < len(toks) && toks[k+1].word {
			nw := speakerLower(body, toks, k+1)
			if nw == "out" || nw == "in" || nw == "up" || nw == "on" {
				if lw == "went" || lw == "goes" || lw == "began" || lw == "begins" {
					if nw != "on" {
						return "", 0
					}
					// "went on to say", "went on, ...": more speech. Not
					// "went on CNN", "went on sale", "went on trial", nor
					// "went on to become": after "to" a verb of speech.
					if k+2 < len(toks) && toks[k+2].word && !toks[k+2].is(body, "to") && !toks[k+2].is(body, "that") {
						return "", 0
					}
					if k+3 < len(toks) && toks[k+2].is(body, "to") && toks[k+3].word &&
						speakerTokFlags(body, toks, k+3)&(swCue|swQuoteVerb) == 0 && !speechGoesOnVerbs[body[toks[k+3].s:toks[k+3].e]] {
						return "", 0
					}
				}
				return lw + " " + nw, 2
			}
		}
		return "", 0
	}
	if k > 0 && toks[k-1].word && !strings.HasSuffix(lw, "ing") && speakerTokFlags(body, toks, k-1)&swPassive != 0 {
		return "", 0
	}
	if (lw == "agree" || lw == "agrees" || lw == "agreed") && k+1 < len(toks) && toks[k+1].is(body, "to") {
		// "Israel will agree to a seaport": consent, not a claim. ("X
		// responded to Y" stays: "Omar responded to the decision by
		// calling it “an affront”".)
		return "", 0
	}
	if k+2 < len(toks) && toks[k+1].is(body, "to") && (toks[k+2].is(body, "be") || toks[k+2].is(body, "have")) && speechCuePassiveInfinitive[lw] {
		// "an ISIS explosives expert believed to have built the bombs": a
		// passive. Not "vowed to be", "claimed to have": speech.
		return "", 0
	}
	if (lw == "asked" || lw == "asking") && k+2 < len(toks) && toks[k+1].is(body, "not") && toks[k+2].is(body, "to") {
		return "", 0 // "a co-worker who asked not to be named said": the cue is "said"
	}
	if (lw == "plead" || lw == "pleads" || lw == "pleaded") && k+1 < len(toks) {
		switch speakerLower(body, toks, k+1) {
		case "guilty", "not", "no":
			return "", 0 // "who pleaded guilty in the Tucson shooting"
		}
	}
	if f&swCueBase != 0 && (speechCueAfterModifier(body, toks, k) ||
		k+1 < len(toks) && toks[k+1].word && speechCueAuxAfter[body[toks[k+1].s:toks[k+1].e]]) {
		return "", 0 // "Syrian state media said", "a Pentagon report said", "comment has helped"
	}
	return lw, 1
}

// speechGoesOnVerbs are verbs of speech after "went on to" that are no
// cue words of their own.
var speechGoesOnVerbs = wordSet(`speak cite quote suggest mention defend condemn name remind`)

// speechCuePassiveInfinitive are the cue words that, before "to be" or
// "to have", are a passive without its auxiliary: "a man believed to be",
// "the group said to have".
var speechCuePassiveInfinitive = wordSet(`believed thought said reported alleged known rumored rumoured understood
	expected suspected estimated considered presumed`)

// speechCueBaseForms are the cue words that are a verb's base form ("say",
// "report", "state"), which takes a plural subject, not a singular name:
// those whose -s form is a cue too.
var speechCueBaseForms = func() map[string]bool {
	m := map[string]bool{}
	for w := range speechCueWords {
		if speechCueWords[w+"s"] || speechCueWords[w+"es"] || strings.HasSuffix(w, "y") && speechCueWords[w[:len(w)-1]+"ies"] {
			m[w] = true
		}
	}
	return m
}()

// speechCueAfterModifier reports whether the word before token k is a
// singular name that modifies it as a noun: in "Syrian state media", "a
// Pentagon report", "the CNN report", a base form after a capitalized word
// is a noun, since a singular subject would take "states", "reports".
// Plural subjects are not this: "Democrats say", "Police say" (a noun of
// the speaker list), "Obama and Putin agree".
func speechCueAfterModifier(body string, toks []qTok, k int) bool {
	if k == 0 || !speakerCapitalized(body, toks[k-1]) {
		return false
	}
	w, f := speakerTokInfo(body, toks, k-1)
	if f&(swNouns|swPronouns|swDeterminers|swStop) != 0 || strings.HasSuffix(w, "s") {
		return false
	}
	for j := k - 2; j >= 0 && j >= k-3; j-- {
		if toks[j].is(body, "and") || toks[j].is(body, "&") {
			return false
		}
	}
	return true
}

// speakerRelationNouns are the people who speak for someone named after
// "of": "the family of", "a spokesman of", "lawyers of".
var speakerRelationNouns = wordSet(`family families relatives parents wife husband son daughter brother sister
	father mother widow friend friends lawyer lawyers attorney attorneys spokesman spokeswoman spokesperson
	aide aides adviser advisers advisor advisors supporters allies office representative representatives`)

// speakerDiscourseOpeners open a sentence before its subject, often with
// no comma after them.
var speakerDiscourseOpeners = []string{"on the other hand", "at the same time", "in the meantime", "in fact", "of course",
	"by contrast", "in contrast", "for example", "for instance", "in addition", "in turn"}

// speakerSkip are the words between a subject and its speech verb that are
// not part of the subject: "Lavrov earlier said", "he has also said".
var speakerSkip = wordSet(`earlier later also has have had previously recently again then further once
	repeatedly reportedly publicly privately would will did does do may might could should can still
	already never often always first himself herself itself themselves separately subsequently
	too now just however though yet instead even only`)

// speakerStop are the words that end a subject when walking back from a
// speech verb.
var speakerStop = wordSet(`that which who whom whose and but or nor because while when as if after before
	since though although where so than is was are were be been to not it there what how why until
	unless whether said says told this these those also has have had did do does would will can could
	should may might must you me him her us them its my your our their it's whom whoever whatever
	about against be being into like per via`)

// speakerPreps are prepositions: in a subject they put the head noun before
// them ("some of the armed groups in eastern Aleppo").
var speakerPreps = wordSet(`in of from at for on with by to within inside near among across close over under`)

// speakerOpenerPreps are prepositions that open a sentence with a phrase
// ending at a comma, before the subject: "Despite a United Nations call
// for a cease-fire, Netanyahu gave no indication ..., saying". They are
// kept apart from speakerPreps, which also reads the phrase after a name
// ("officials in Moscow").
var speakerOpenerPreps = wordSet(`despite after before during amid amidst since unlike like without against besides beyond throughout upon`)

// speakerNouns are the head nouns that make a lower-case phrase a plausible
// speaker.
var speakerNouns = wordSet(`official officials spokesman spokeswoman spokesperson minister ministry president
	secretary source sources aide aides analyst analysts expert experts critic critics group groups media report
	reports campaign statement government police witness witnesses resident residents activist activists rebels
	militants observer observers diplomat diplomats lawmaker lawmakers senator governor candidate candidates
	leader leaders people voters supporters opponents advisers adviser advisor advisors democrats republicans
	administration agency army military forces council committee spokespeople staff staffer staffers member
	members poll polls survey study data documents document letter memo email emails website site paper
	newspaper outlet outlets network ambassador envoy chairman chairwoman director manager officer officers
	commander commanders doctors doctor nurse monitor monitors organization organisations organizations
	coalition alliance opposition regime authorities authority prosecutors prosecutor lawyer lawyers attorney
	judge court investigators investigator researchers scientists economists strategist strategists
	pollster pollsters insiders insider operatives operative donors donor person man woman men women
	friend friends father mother wife husband son daughter brother sister family spokesmen representatives
	representative delegation negotiators mediators embassy embassies consulate narrator announcer moderator
	anchor correspondent reporter reporters columnist columnists editor editors author commentator commentators
	pundit pundits guard guards confidant confidante neighbor neighbors neighbour neighbours associate associates
	colleague colleagues relative relatives cousin uncle aunt student students teacher worker workers employee
	employees survivor survivors soldier soldiers fighter fighters passenger passengers driver owner shopkeeper
	eyewitness eyewitnesses bulletin bulletins cable cables communique editorial indictment e-mail e-mails gunman gunmen
	executioner attacker attackers hostage hostages captor captors kidnapper kidnappers bomber shooter suspect
	suspects victim victims protester protesters protestor protestors demonstrator demonstrators veteran veterans
	farmer farmers parent parents he she they we`)

// speakerRolesNotNouns are the roles that head no speaker phrase: "the
// former defense chief" would take Leon Panetta's quotes from him. Every
// other role is a head noun too (see init).
var speakerRolesNotNouns = wordSet(`chief`)

// speakerPronouns are the pronouns a speaker may stand as.
var speakerPronouns = wordSet(`he she they`)

// speakerTitles are the title words that stand before a name ("Foreign
// Minister Sergey Lavrov", "Sen. Ted Cruz").
var speakerTitles = wordSet(`president minister secretary foreign defense defence prime state senator sen sen.
	rep rep. representative gov gov. governor gen gen. general mr mr. mrs mrs. ms ms. dr dr. spokesman spokeswoman
	spokesperson ambassador envoy chairman chairwoman director deputy vice chief leader king queen prince
	sheikh judge justice mayor pope lt lt. col col. colonel commander adm adm. admiral sgt sgt. former acting
	special attorney candidate nominee speaker majority minority house senate republican democratic democrat
	presidential white press ceo executive campaign manager chair coordinator adviser advisor aide lieutenant
	major captain capt capt. u.s. us u.n. un gop sens. reps. gens. interior economy finance health trade
	security national first lady rev rev. reverend dhs fbi cia nsa sergeant professor prof prof.
	emir crown foreign-minister commissioner superintendent inspector detective premier chancellor
	cardinal bishop archbishop rabbi imam pastor ayatollah mufti patriarch historian economist commentator
	analyst researcher scholar activist journalist lawyer writer novelist senators representatives witness
	eyewitness demonstrator protester prosecutor counsel diplomat negotiator strategist pollster consultant
	editor reporter correspondent anchor founder co-founder sheriff investigator filmmaker photographer author
	secretary-general`)

// speakerRoles are the title words that name a role on their own ("the
// minister", "the president").
var speakerRoles = wordSet(`president minister secretary senator governor spokesman spokeswoman spokesperson
	ambassador envoy chairman chairwoman director leader king queen prince judge mayor pope general commander
	speaker nominee candidate adviser advisor aide chief manager emir sheikh colonel admiral prosecutor
	diplomat negotiator investigator sheriff commissioner professor analyst economist historian lawyer
	researcher strategist pollster consultant editor correspondent founder secretary-general
	rabbi pastor`)

// speakerOrgWords end the names of institutions, not people.
var speakerOrgWords = wordSet(`department ministry house council party army forces committee agency news times
	post journal media government office campaign commission union nations states court congress senate police
	network foundation institute university center centre group watch international organization organisation
	coalition front brigade brigades kingdom republic street press review magazine radio tv television service
	services bank fund administration board bureau command corps guard guards navy observatory helmets force
	ministries school college hospital association society federation league movement alliance caucus club
	company corporation inc industries channel daily herald tribune telegraph guardian gazette reuters
	assembly parliament motors electric`)

var speakerDeterminers = wordSet(`the a an some many most several all both few one two three four five each
	any other others another of certain various numerous`)

var speakerMaleNames = wordSet(`john barack donald bernie ted marco jeb mike paul chris ben rand bill joe tim
	vladimir sergey sergei dmitry dmitri bashar walid staffan ban stephen mark josh james robert michael david
	richard charles thomas george kevin jeff jim tom bob steve steven scott ryan eric jason brian rick ron newt
	rudy reince sean corey mitch harry chuck marco rex jared jake matt matthew andrew peter frank gary larry
	dan daniel martin lindsey john kasich ahmed mohammed muhammad ali hassan hussein abdullah recep mevlut
	ahmet binali francois emmanuel nicolas boris david tony vitaly igor alexander alexei alexey
	anthony patrick kenneth howard roger jon jonathan jack nick nicholas samuel sam henry edward william
	willie carl karl hans wolfgang barry trey jerry dennis greg gregory jose juan carlos luis mitt
	benjamin bibi mahmoud hamid javad hassan ashton ash john-paul
	aaron adam alan albert alex alfred andre andrei andrey anton antonio arthur avi avigdor ayman benny bernard
	brad bruce carlo christopher craig derek doug dwight ehud eli elliott ernest evan fahd faisal
	felix fernando fouad gabriel gilad giuseppe haim hakan hamza hector hosni ian ibrahim ilya isaac ismail
	itzhak ivan jacob jamal jamie javier jeremy jesse joel jorge joseph joshua julian justin karim ken khaled
	khalid kurt leon leonid luke manuel marcus mario matteo maurice max mikhail mohamed mohammad moshe
	mustafa naftali nasser nathan nikolai noah omar oscar osama pablo pedro philip phillip pierre rafael
	ralph raul raymond reza ricardo rodrigo saad saeed salim salman sami samir sebastian sergio seth shimon
	simon tariq theodore timothy todd tyler vincent viktor yahya yair yasser yitzhak yossi youssef yuri
	yusuf zach zachary ariel`)

var speakerFemaleNames = wordSet(`hillary huma jennifer donna elizabeth nancy debbie samantha maria
	angela theresa federica marine carly nikki sarah kellyanne ivanka melania michelle chelsea hope
	katrina karen susan susana mary patricia linda barbara jessica anna anne ann laura lisa emily amy
	kate kathleen katie julia julie rachel rebecca heather diane dianne kirsten tammy claire amy madeleine
	condoleezza valerie loretta janet sally jill kelly megyn ruth sonia elena hope cheryl neera jen
	jane marie helen margaret catherine natalia irina olga yulia zakharova tulsi
	abigail adriana aisha alice alicia alison amal amanda amina andrea annie ashley beatrice betsy beth
	betty brenda caroline carolyn cathy christina christine cindy claudia colleen cynthia dalia dana
	deborah denise dina dorothy edith eileen elaine eleanor ellen emma erin esther eva evelyn fatima
	fiona frances gabriela gina gloria hanan hannah heidi ilhan ines isabel jacqueline jamila jeanne joan
	joanne jocelyn josephine joyce judith judy kamala karin kathryn katherine kathy kristen kristin layla
	leila lina lorraine louise lucy lydia marcia margarita marianne marina marjorie martha maryam mariam
	michele mona monica nadia naomi natasha nina nora pamela paula pauline rania rashida renee rita
	roberta rosa roxana sabrina sandra sara shannon sheila shirley sophie stephanie suzanne svetlana
	sylvia tamara tanya tatiana teresa tiffany tracy ursula valentina vanessa veronica wendy yael yasmin
	yolanda zainab zeynep`)

// speakerIntern holds every word of the package's word sets, so lowerWord
// can fold a word without allocating.
var speakerIntern = map[string]string{"according": "according", "i": "i", "out": "out", "on": "on", "up": "up"}

// wordSet returns the set of the words of s, registering them for
// lowerWord.
func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
		speakerIntern[w] = w
	}
	return m
}

// speakerLower returns the lower-case text of token toks[i].
func speakerLower(body string, toks []qTok, i int) string {
	w, _ := speakerTokInfo(body, toks, i)
	return w
}

// speakerTokInfo returns the lower-case text of token toks[i] and the flags
// of the word sets holding it (see speakerWordInfo). The answer is kept in
// the token: the phrase readers ask about the same tokens several times.
//
// The token looked up before, the most common case by far, is answered
// first; the look-up is left to speakerTokLook, which keeps this function
// from saving its arguments for it.
func speakerTokInfo(body string, toks []qTok, i int) (string, uint32) {
	t := &toks[i]
	if !t.known {
		return speakerTokLook(body, t)
	}
	if t.fold > 0 {
		return speakerWordEntries[t.fold-1].w, t.flags
	}
	return body[t.s:t.e], t.flags
}

// speakerTokKnown returns what speakerTokInfo returns for token toks[i]
// when the token was looked up before and folds to itself, as most tokens
// the phrase readers ask about again do, and false otherwise. It is small
// enough to be inlined, which speakerTokInfo is not: in the readers'
// loops the call cost more than the answer.
func speakerTokKnown(body string, toks []qTok, i int) (string, uint32, bool) {
	if t := &toks[i]; t.known && t.fold == 0 {
		return body[t.s:t.e], t.flags, true
	}
	return "", 0, false
}

// speakerTokLook is speakerTokInfo for a token t not looked up yet: it
// looks the word up and keeps the answer in t.
//
//go:noinline
func speakerTokLook(body string, t *qTok) (string, uint32) {
	w := body[t.s:t.e]
	k, f := speakerWordFind(w)
	if k < 0 {
		return speakerWordSlow(w)
	}
	t.known, t.fold, t.flags = true, uint16(k), f
	if k > 0 {
		return speakerWordEntries[k-1].w, f
	}
	return w, f
}

// speakerTokFlags returns the flags of the word sets holding token toks[i].
// A token looked up before is answered here, in code small enough to be
// inlined: the phrase readers ask about the same tokens again and again,
// and the call to speakerTokInfo cost more than the answer.
func speakerTokFlags(body string, toks []qTok, i int) uint32 {
	if t := &toks[i]; t.known {
		return t.flags
	}
	return speakerTokLookFlags(body, toks, i)
}

// speakerTokLookFlags is speakerTokFlags for a token not looked up yet.
// It is not inlined, which keeps speakerTokFlags within the inlining budget.
//
//go:noinline
func speakerTokLookFlags(body string, toks []qTok, i int) uint32 {
	_, f := speakerTokLook(body, &toks[i])
	return f
}

// speakerWordFlags0 returns the flags of the word sets holding s.
func speakerWordFlags0(s string) uint32 {
	_, f := speakerWordInfo(s)
	return f
}

// lowerWord returns s in lower case when that matters: a word with no
// upper-case letter comes back as it is, a word found (case-folded) in one
// of the package's word sets comes back as that set's spelling, and any
// other word comes back unchanged, since it can match no set. Neither path
// allocates, which keeps the scan fast.
func lowerWord(s string) string {
	w, _ := speakerWordInfo(s)
	return w
}

// The flags of speakerWordInfo: one bit per word set, so that a token is
// looked up once for all the sets a phrase test asks about.
const (
	swSkip uint32 = 1 << iota
	swStop
	swPreps
	swNouns
	swPronouns
	swTitles
	swRoles
	swOrg
	swDeterminers
	swMale
	swFemale
	swObjectDets
	swVerbsS
	swCalendar
	swTimeWords
	swHonorifics
	swLabel
	swCue
	swPassive
	swAbbrev
	swQuoteVerb
	swCueBase
	swDoc
	swPeriod
	swPeriodDet
	swNobody
	swWhereNoun
	swWhereOpener
	// swIntern marks the words of speakerIntern: lowerWord folds a word
	// holding upper-case letters only to one of those.
	swIntern
)

// speakerWordInfo returns lowerWord(s) and the flags of the sets holding
// that word, exactly what looking lowerWord(s) up in each set's map gives.
// The folded word is looked up in speakerWordTable, an open-addressed table
// keyed by the scan's word hash: this runs for nearly every token the
// attribution code reads, and one probe answers for every set at once.
func speakerWordInfo(s string) (string, uint32) {
	k, f := speakerWordFind(s)
	switch {
	case k > 0:
		return speakerWordEntries[k-1].w, f
	case k < 0:
		return speakerWordSlow(s)
	}
	return s, f
}

// speakerWordFind looks s up for speakerWordInfo. It returns k, the index
// plus one of the entry lowerWord(s) is (when s holds an upper-case letter
// and folds to a set word), or 0 when lowerWord(s) is s itself, with the
// flags; k is -1 for a word holding a non-ASCII byte, which
// speakerWordSlow reads.
//
// The word is read, folded to lower case and hashed eight bytes at a time
// (see speakerWordKeyOf): this runs for nearly every token the attribution
// code reads, and a loop over its bytes cost more than the probe.
func speakerWordFind(s string) (int, uint32) {
	if len(s) > speakerWordMaxLen {
		return speakerWordFindLong(s)
	}
	var k0, k1, k2 uint64
	if n := len(s); n >= 4 && n <= 8 {
		// Most words: speakerWordKeyOf's case, written out here, where
		// it costs no call.
		k0 = uint64(speakerLoad4(s, 0)) | uint64(speakerLoad4(s, n-4))<<(8*(n-4))
	} else {
		k0, k1, k2 = speakerWordKeyOf(s)
	}
	if (k0|k1|k2)&quoteHigh8 != 0 {
		return -1, 0
	}
	// Fold 'A'-'Z' to 'a'-'z': the high bit speakerUpper8 gives each
	// capital, moved to 0x20. Most words fit in k0.
	u := speakerUpper8(k0)
	k0 |= u >> 2
	if len(s) > 8 {
		u1, u2 := speakerUpper8(k1), speakerUpper8(k2)
		k1, k2 = k1|u1>>2, k2|u2>>2
		u |= u1 | u2
	}
	up := u != 0
	key := speakerWordKey{k0, k1, k2}
	h := speakerWordHash(key, len(s))
	for slot := speakerInternSlot(h); ; slot = (slot + 1) & (len(speakerWordSlots) - 1) {
		v := speakerWordSlots[slot]
		if v == 0 {
			return 0, 0
		}
		if v>>speakerWordIdxBits != h>>speakerWordIdxBits {
			continue
		}
		k := int(v & (1<<speakerWordIdxBits - 1))
		if e := &speakerWordEntries[k-1]; e.key == key && len(e.w) == len(s) {
			switch {
			case !up:
				return 0, e.f
			case e.f&swIntern == 0:
				// Not folded, s holds an upper-case letter and is in no set.
				return 0, 0
			}
			return k, e.f
		}
	}
}

// speakerWordFindLong is speakerWordFind for a word longer than any set
// word: it is in no set, but a non-ASCII byte still sends it to
// speakerWordSlow, up to the 40 bytes the byte-wise look-up read.
func speakerWordFindLong(s string) (int, uint32) {
	if len(s) > 40 {
		return 0, 0
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return -1, 0
		}
	}
	return 0, 0
}

// speakerWordKeyMax is the longest word a speakerWordKey holds.
const speakerWordKeyMax = 24

// speakerWordKey is a word of up to speakerWordKeyMax bytes, eight bytes to
// an element, little-endian and padded with zero bytes.
type speakerWordKey [speakerWordKeyMax / 8]uint64

// speakerWordKeyOf returns the elements of the key of s, which is at most
// speakerWordKeyMax bytes long. The bytes past the first eight are read in
// eight-byte loads that end at the end of s, shifted down; a short word in
// two overlapping four-byte loads or three single bytes: a loop over the
// bytes cost more than the rest of the look-up.
func speakerWordKeyOf(s string) (k0, k1, k2 uint64) {
	switch n := len(s); {
	case n > 16:
		k0, k1 = speakerLoad8(s, 0), speakerLoad8(s, 8)
		k2 = speakerLoad8(s, n-8) >> (8 * (24 - n))
	case n > 8:
		k0 = speakerLoad8(s, 0)
		k1 = speakerLoad8(s, n-8) >> (8 * (16 - n))
	case n >= 4:
		k0 = uint64(speakerLoad4(s, 0)) | uint64(speakerLoad4(s, n-4))<<(8*(n-4))
	case n > 0:
		k0 = uint64(s[0]) | uint64(s[n/2])<<(8*(n/2)) | uint64(s[n-1])<<(8*(n-1))
	}
	return k0, k1, k2
}

// speakerLoad4 returns the four bytes of s at i as a little-endian word.
func speakerLoad4(s string, i int) uint32 {
	s = s[i : i+4]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// speakerWordHash hashes a word's key and length for speakerWordSlots.
func speakerWordHash(key speakerWordKey, n int) uint32 {
	x := key[0] ^ bits.RotateLeft64(key[1], 21) ^ bits.RotateLeft64(key[2], 42) ^ uint64(n)<<58
	x *= 0x9E3779B97F4A7C15
	return uint32(x>>32) ^ uint32(x)
}

// speakerWordSlow is speakerWordInfo for a word holding a non-ASCII byte.
func speakerWordSlow(s string) (string, uint32) {
	if !strings.Contains(s, "İ") && !strings.Contains(s, "\u212a") {
		// Every word of speakerIntern is ASCII (init checks it), and of the
		// non-ASCII letters only 'İ' and the Kelvin sign lower to ASCII
		// (TestSpeakerLowersToASCII): lowered, s keeps a non-ASCII letter
		// and is no word of the sets. Lowering it cost a thousand
		// instructions ("Trump’s", "Assad’s": the apostrophe is not ASCII).
		return s, 0
	}
	w, ok := speakerIntern[strings.ToLower(s)]
	if !ok {
		// No set holds a word with a non-ASCII letter.
		return s, 0
	}
	return w, speakerWordFlags(w)
}

// speakerWordFlags returns the flags of the lower-case word w.
func speakerWordFlags(w string) uint32 {
	if len(w) > speakerWordMaxLen {
		return 0
	}
	k0, k1, k2 := speakerWordKeyOf(w)
	h := speakerWordHash(speakerWordKey{k0, k1, k2}, len(w))
	for slot := speakerInternSlot(h); ; slot = (slot + 1) & (len(speakerWordSlots) - 1) {
		v := speakerWordSlots[slot]
		if v == 0 {
			return 0
		}
		if e := &speakerWordEntries[v&(1<<speakerWordIdxBits-1)-1]; e.w == w {
			return e.f
		}
	}
}

// speakerWordEntry is one word of speakerWordTable with its flags.
type speakerWordEntry struct {
	w   string
	f   uint32
	key speakerWordKey // w's key, which speakerWordFind compares
}

// speakerWordEntries holds the ASCII words of speakerIntern and of the few
// sets not registered there, with their flags. speakerWordSlots indexes
// them by speakerInternSlot of their speakerWordHash, with linear probing:
// a slot holds the high bits of the hash above the entry's index plus one,
// or 0 when empty, so a probe reads 16 KB of slots and touches an entry
// only when the hash matches. Both are filled by init, once every word set has
// registered its words.
var (
	speakerWordEntries []speakerWordEntry
	speakerWordSlots   [1 << 12]uint32
	// speakerWordMaxLen is the length of the longest entry.
	speakerWordMaxLen int
)

// speakerWordIdxBits is the number of low bits of a slot that hold the
// entry index.
const speakerWordIdxBits = 12

// speakerInternSlot spreads a word hash over speakerWordSlots.
func speakerInternSlot(h uint32) int { return int(h * 0x9E3779B1 >> (32 - 12)) }

func init() {
	flags := map[string]uint32{}
	for w := range speakerIntern {
		flags[w] |= swIntern
	}
	for _, set := range []struct {
		words map[string]bool
		flag  uint32
	}{
		{speakerSkip, swSkip}, {speakerStop, swStop}, {speakerPreps, swPreps}, {speakerNouns, swNouns},
		{speakerPronouns, swPronouns}, {speakerTitles, swTitles}, {speakerRoles, swRoles},
		{speakerOrgWords, swOrg}, {speakerDeterminers, swDeterminers}, {speakerMaleNames, swMale},
		{speakerFemaleNames, swFemale}, {speakerObjectDets, swObjectDets}, {speakerVerbsS, swVerbsS},
		{speakerCalendar, swCalendar}, {speakerTimeWords, swTimeWords}, {speakerHonorifics, swHonorifics},
		{quoteLabelWords, swLabel}, {speechCueWords, swCue}, {speakerPassive, swPassive}, {quoteAbbrevs, swAbbrev},
		{speechQuoteVerbs, swQuoteVerb}, {speechCueBaseForms, swCueBase}, {speakerDocNouns, swDoc},
		{speakerPeriods, swPeriod}, {speakerPeriodDets, swPeriodDet}, {speechNobody, swNobody},
		{speechWhereNouns, swWhereNoun}, {speechWhereOpeners, swWhereOpener},
	} {
		for w, ok := range set.words {
			if ok {
				flags[w] |= set.flag
			}
		}
	}
	for w := range speakerRoles {
		if !speakerRolesNotNouns[w] {
			flags[w] |= swNouns // "the general said", "the mayor said"
		}
	}
	n := 0
	for w, f := range flags {
		if strings.IndexFunc(w, func(r rune) bool { return r >= utf8.RuneSelf }) >= 0 {
			panic("speakerWordTable: word " + w + " is not ASCII") // see speakerWordSlow
		}
		if w == "" || strings.IndexFunc(w, func(r rune) bool { return r >= utf8.RuneSelf || unicode.IsUpper(r) }) >= 0 {
			if f != swIntern {
				panic("speakerWordTable: set word " + w + " is not lower-case ASCII")
			}
			continue
		}
		if len(w) > speakerWordKeyMax {
			panic("speakerWordTable: set word " + w + " is longer than speakerWordKeyMax")
		}
		n++
		k0, k1, k2 := speakerWordKeyOf(w)
		key := speakerWordKey{k0, k1, k2}
		h := speakerWordHash(key, len(w))
		slot := speakerInternSlot(h)
		for speakerWordSlots[slot] != 0 {
			slot = (slot + 1) & (len(speakerWordSlots) - 1)
		}
		speakerWordEntries = append(speakerWordEntries, speakerWordEntry{w, f, key})
		speakerWordSlots[slot] = h>>speakerWordIdxBits<<speakerWordIdxBits | uint32(len(speakerWordEntries))
		speakerWordMaxLen = max(speakerWordMaxLen, len(w))
	}
	if 2*n > len(speakerWordSlots) || n >= 1<<speakerWordIdxBits {
		panic("speakerWordSlots is over half full: make it larger")
	}
}

// speakerCapitalized reports whether token t starts with an upper-case letter.
// It is asked for nearly every word before a cue: the most common answer,
// for a word in lower case, is given by code the compiler inlines, the
// rest by speakerCapitalizedRest.
func speakerCapitalized(body string, t qTok) bool {
	if t.s < len(body) && body[t.s]-'a' <= 'z'-'a' {
		return false
	}
	return speakerCapitalizedRest(body, t)
}

// speakerCapitalizedRest is speakerCapitalized for the tokens its inlined
// test leaves.
func speakerCapitalizedRest(body string, t qTok) bool {
	if !t.word {
		return false
	}
	if c := body[t.s]; c < utf8.RuneSelf {
		if c < 'A' || c > 'Z' {
			return false
		}
	} else if r, _ := utf8.DecodeRuneInString(body[t.s:]); !unicode.IsUpper(r) {
		return false
	}
	w := body[t.s:t.e]
	// "I" and sentence-initial participles ("Having", "Speaking to
	// reporters") are not names; "Pickering", "Browning", "Beijing" are,
	// and so is "Pickering said" or "Pickering, a career diplomat".
	return w != "I" && !(len(w) > 5 && strings.HasSuffix(w, "ing") && speakerSentenceInitial(body, t.s) && !speakerNameFollows(body, t.e))
}

// speakerNameFollows reports whether what follows offset e is what follows
// a name, not a participle: a comma or a speech verb.
func speakerNameFollows(body string, e int) bool {
	rest := strings.TrimLeft(body[e:min(len(body), e+24)], " ")
	if strings.HasPrefix(rest, ",") {
		return true
	}
	end := 0
	for end < len(rest) && 'a' <= rest[end] && rest[end] <= 'z' {
		end++
	}
	return end > 0 && speakerWordFlags0(rest[:end])&swCue != 0
}

// speakerSentenceInitial reports whether the word at offset pos opens a
// sentence: only spaces and opening marks stand between it and the start
// of the body, a line break or a sentence's final stop or colon.
func speakerSentenceInitial(body string, pos int) bool {
	for i := pos; i > 0; {
		r, n := utf8.DecodeLastRuneInString(body[:i])
		switch r {
		case ' ', '\t', '"', '\'', '“', '‘', '(', '«':
			i -= n
			continue
		case '\n', '.', '!', '?', ':':
			return true
		}
		return false
	}
	return true
}

// speakerNameWord reports whether token t can be a word of a name: a
// capitalized word, or a particle joined to a capitalized one by a hyphen
// ("al-Hariri", "el-Sisi").
func speakerNameWord(body string, t qTok) bool {
	if t.word {
		if c := body[t.s]; 'a' <= c && c <= 'z' {
			// A lower-case word, as most are, is not capitalized, and is a
			// name word only as a particle joined by a hyphen.
			return speakerHyphenParticle(body[t.s:t.e])
		}
	}
	if speakerCapitalized(body, t) {
		return true
	}
	return speakerHyphenParticle(body[t.s:t.e])
}

// speakerHyphenParticle reports whether s opens with a name particle
// joined by a hyphen to a capitalized word: "al-Hariri", "el-Sisi".
//
// A particle has two or three letters, so the hyphen after it stands at
// s[2] or s[3]: nearly every word is answered by that test alone, which
// is kept small enough to be inlined, so the callers need not repeat it
// to spare the call.
func speakerHyphenParticle(s string) bool {
	return len(s) >= 4 && (s[2] == '-' || s[3] == '-') && speakerHyphenParticleRest(s)
}

// speakerHyphenParticleRest is speakerHyphenParticle for an s with a
// hyphen at s[2] or s[3].
func speakerHyphenParticleRest(s string) bool {
	h := strings.IndexByte(s, '-')
	if h <= 0 || h+1 >= len(s) || !speakerParticle(s[:h]) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[h+1:])
	return unicode.IsUpper(r)
}

// speakerAppositionMax bounds the words of an apposition stepped over
// between a name and its cue: "Ted Nordhaus, co-founder of the
// Breakthrough Institute and advocate of an Apollo Project-type effort to
// cultivate new technologies, welcomed" has 16.
const speakerAppositionMax = 24

// speakerBeforeApposition returns where the name before an apposition
// ending at token j stands: "Nabil Shaath, the Palestinian Authority's
// commissioner for international relations, who was in Cairo ..., said"
// steps over the relative clause to "relations", and the apposition
// before it, opening with an article, names no one. It returns j when
// there is no such apposition.
func speakerBeforeApposition(body string, toks []qTok, lo, j int) int {
	for c := j; c > lo && c >= j-speakerAppositionMax; c-- {
		if toks[c].is(body, ",") {
			// The apposition opens with an article in lower case ("The
			// American Mesopotamian Organization" is an item of a list),
			// and a bare name stands before it ("On Sunday, the deputy
			// speaker ... Haider al-Abadi" has none).
			// An age alone is stepped over too: "Alexandre Brans, 32, who
			// was wiping blood from his face, said".
			if c < j {
				if a := body[toks[c+1].s:toks[c+1].e]; (speakerArticles[a] || c+1 == j && len(a) <= 3 && allDigits(a)) && speakerBareName(body, toks, lo, c) {
					return c - 1
				}
			}
			return j
		}
		if !inApposition(body, toks, c) {
			return j
		}
	}
	return j
}

// speakerDescribedName reports whether the words between the commas at
// tokens c and j are a bare name after words in lower case, which describe
// its bearer: "The head of the force, Gholamhossein Gharibpour, said",
// "Trump's top rival, Ted Cruz, told".
func speakerDescribedName(body string, toks []qTok, c, j int) bool {
	return c > 0 && speakerBareName(body, toks, c, j) && toks[c-1].word && !speakerCapitalized(body, toks[c-1])
}

// speakerDescription reads back from the comma at token c, before a
// described name, for a noun phrase whose words may tell the bearer's side:
// it opens with a determiner or a possessive ("the", "Hawaii's", "his"),
// runs to c with no preposition but "of" and "for", and holds a speaker
// noun, role or title ("spokeswoman", "attorney general", "the head of
// ..."). kin reports a relative's ("McCain's uncle"), whose side is not
// the relative's. "after Soleimani's death, Agnes Callamard" and "When
// Peres first fell ill, Gordon Robertson" describe no one.
func speakerDescription(body string, toks []qTok, c int) (start int, kin, ok bool) {
	start = -1
	for i := c - 1; i >= 0 && i >= c-8 && toks[i].word; i-- {
		w, f := speakerTokInfo(body, toks, i)
		possessive := speakerPossessives[w] // "His spokeswoman, Marie Harf,"
		if f&swDeterminers == 0 && !possessive && (f&swPreps != 0 && w != "of" && w != "for" || f&swStop != 0) {
			break
		}
		if t := body[toks[i].s:toks[i].e]; f&swDeterminers != 0 && w != "of" || possessive || speakerStripPossessive(t) != t {
			start = i
		}
	}
	if start < 0 {
		return -1, false, false
	}
	// The noun must be within the phrase: "the president's motorcade" is
	// no one.
	noun := false
	for i := start; i < c; i++ {
		w, f := speakerTokInfo(body, toks, i)
		if f&(swNouns|swRoles|swTitles) != 0 && f&swDeterminers == 0 || w == "head" || speakerKin[w] {
			noun = true
			kin = kin || speakerKin[w]
		}
	}
	return start, kin, noun
}

// speakerDescriptionStart returns where the description of a described
// name begins (see speakerDescribedName), when np is such a name followed
// by its comma and the description is no relative's; -1 otherwise. The
// speaker is the name, and the mention runs from the description, whose
// words may tell the speaker's side when the registry does not know the
// name.
func speakerDescriptionStart(body string, toks []qTok, np []int) int {
	if len(np) == 0 {
		return -1
	}
	c, j := np[0]-1, np[len(np)-1]+1
	if c <= 0 || j >= len(toks) || !toks[c].is(body, ",") || !toks[j].is(body, ",") || !speakerDescribedName(body, toks, c, j) {
		return -1
	}
	d, kin, ok := speakerDescription(body, toks, c)
	if !ok || kin {
		return -1
	}
	return toks[d].s
}

// speakerNamesSomeone reports whether the tokens np hold a name or a
// speaker noun.
func speakerNamesSomeone(body string, toks []qTok, np []int) bool {
	for _, i := range np {
		if speakerNameWord(body, toks[i]) || speakerTokFlags(body, toks, i)&swNouns != 0 {
			return true
		}
	}
	return false
}

// speakerBareName reports whether the words before token c, back to a
// comma or lo, are a name alone: capitalized words of no function-word
// set, at most four.
func speakerBareName(body string, toks []qTok, lo, c int) bool {
	n := 0
	for i := c - 1; i >= lo && !toks[i].is(body, ","); i-- {
		if !toks[i].word || !speakerNameWord(body, toks[i]) ||
			speakerTokFlags(body, toks, i)&(swPreps|swStop|swDeterminers|swCalendar|swTimeWords|swSkip) != 0 {
			return false
		}
		if n++; n > 4 {
			return false
		}
	}
	return n > 0
}

// speakerNPBefore returns the tokens of the subject before the cue at token
// k, walking back to a clause boundary; lo bounds the walk.
func speakerNPBefore(body string, toks []qTok, lo, k int, np []int) []int {
	j := k - 1
	// "Steffen Seibert on Tuesday said", "Trump late Friday said": a time
	// phrase between the subject and the cue.
	if j > lo && toks[j].word && speakerTokFlags(body, toks, j)&(swCalendar|swTimeWords) != 0 {
		for i := j - 1; i >= lo && i >= j-3 && toks[i].word; i-- {
			if speechTimeOpeners[speakerLower(body, toks, i)] {
				j = i - 1
				break
			}
			if speakerTokFlags(body, toks, i)&(swCalendar|swTimeWords) == 0 {
				break
			}
		}
	}
	j = speakerStepOverPeriod(body, toks, lo, j)
	if j-2 >= lo && toks[j-1].is(body, ",") && (toks[j].is(body, "D.C.") || toks[j].is(body, "D.C")) {
		// "The Embassy of Yemen in Washington, D.C. said": the comma is
		// the city's, not a clause's.
		j -= 2
	}
	for skipped := 0; j >= lo && skipped < 4 && toks[j].word; skipped++ {
		w, f, ok := speakerTokKnown(body, toks, j)
		if !ok {
			w, f = speakerTokInfo(body, toks, j)
		}
		if f&swSkip == 0 && !(len(w) > 4 && strings.HasSuffix(w, "ly") && !speakerCapitalized(body, toks[j])) {
			break
		}
		if speakerCapitalized(body, toks[j]) && !speakerSentenceInitial(body, toks[j].s) {
			break // a name: "Theresa May said", "Will Hurd said"
		}
		j--
	}
	j = speakerStepOverPeriod(body, toks, lo, j) // "The ministry last week also said"
	// "Rhodes in the email said", "Obama in an interview said": a short
	// phrase of where it was said, after a name.
	if j-3 >= lo && toks[j].word && toks[j-1].word && toks[j-2].word && toks[j-3].word &&
		speakerTokFlags(body, toks, j)&swWhereNoun != 0 && speakerTokFlags(body, toks, j-2)&swWhereOpener != 0 &&
		speakerTokFlags(body, toks, j-1)&swDeterminers != 0 && speakerNameWord(body, toks[j-3]) {
		j -= 3
	}
	// "one high-ranking official who was not authorized to speak on the
	// record told Fox News": the subject is before a relative clause whose
	// verb follows "who" ("the brothers who authorities say" is not one:
	// the authorities speak), unless a pronoun or a name stands right
	// before the cue ("a man who was willing ... if he thought").
	// A name right before the cue is its subject, unless a preposition
	// makes it an object: "an official who spoke to Reuters said".
	if j > lo && toks[j].word && (!speakerNameWord(body, toks[j]) || speakerTokFlags(body, toks, j-1)&swPreps != 0 && !speakerCapitalized(body, toks[j-1])) &&
		speakerTokFlags(body, toks, j)&swPronouns == 0 {
		for w := j - 1; w > lo && w >= j-12 && toks[w].word; w-- {
			if body[toks[w].s:toks[w].e] != "who" {
				continue
			}
			if v := speakerLower(body, toks, w+1); toks[w-1].word && (speechRelativeVerbs[v] || len(v) > 4 && strings.HasSuffix(v, "ed")) {
				j = w - 1
			}
			break
		}
	}
	// "Brian Fallon, a spokesman for the campaign, said": step over the
	// apposition to the name before it.
	if j > lo && toks[j].is(body, ",") {
		for c := j - 1; c >= lo && c >= j-speakerAppositionMax; c-- {
			if inApposition(body, toks, c) && (c > lo || !toks[c].is(body, ".")) {
				continue
			}
			if toks[c].is(body, ",") && c < j-1 && c > lo {
				if speakerDescribedName(body, toks, c, j) {
					// "The head of the force, Gholamhossein Gharibpour,
					// said": a description, then the name it is.
					j--
					break
				}
				j = c - 1
				t := j
				if toks[t].is(body, ".") {
					t-- // "R-Calif."
				}
				if t > lo+1 && toks[t].word && speakerPartyTag(body[toks[t].s:toks[t].e]) && toks[t-1].is(body, ",") {
					// "Rep. Dana Rohrabacher, R-Calif., among those in
					// Congress ..., released": the party tag goes too.
					j = t - 2
				} else if toks[c+1].is(body, "who") || speakerArticles[speakerLower(body, toks, c+1)] {
					j = speakerBeforeApposition(body, toks, lo, j)
				}
			}
			break
		}
	}
	dashed := false // an aside between dashes was stepped over
	if j > lo && (toks[j].is(body, "–") || toks[j].is(body, "—")) {
		// "Benjamin Netanyahu – who tried to block it – said": step over
		// the aside between dashes.
		for c := j - 1; c > lo && c >= j-speakerAppositionMax; c-- {
			if toks[c].is(body, "–") || toks[c].is(body, "—") {
				if c < j-1 && toks[c-1].word {
					j, dashed = c-1, true
				}
				break
			}
			if !inApposition(body, toks, c) && !toks[c].is(body, ",") {
				break
			}
		}
	}
	if j > lo && toks[j].is(body, ")") {
		// "Sen. Marco Rubio (R-Fla.) said": step over the aside.
		for c := j - 1; c >= lo && c >= j-8; c-- {
			if toks[c].is(body, "(") {
				j = c - 1
				break
			}
		}
	}
	antecedent := false // np is what "who" stands for
	for ; j >= lo && len(np) < 10; j-- {
		t := toks[j]
		if !t.word {
			break
		}
		w, f, ok := speakerTokKnown(body, toks, j)
		if !ok {
			w, f = speakerTokInfo(body, toks, j)
		}
		if antecedent && len(np) > 0 && (f&swPreps != 0 && !speakerCapitalized(body, t) && w != "of" ||
			speakerTokFlags(body, toks, np[len(np)-1])&swDeterminers != 0) {
			// "made by Darrell Issa, ..., who": the object of "by";
			// "helped convince some Democratic lawmakers who": the phrase
			// opens with its determiner.
			break
		}
		if w == "to" && len(np) > 0 && j > lo && (speakerLower(body, toks, j-1) == "close" ||
			speakerCapitalized(body, toks[j-1]) && speakerTokFlags(body, toks, j-1)&(swTitles|swRoles) != 0 &&
				(speakerCapitalized(body, toks[np[len(np)-1]]) ||
					len(np) > 1 && toks[np[len(np)-1]].is(body, "the") && speakerCapitalized(body, toks[np[len(np)-2]]))) {
			// "a source close to Petraeus": the source speaks. "U.S.
			// Ambassador to Israel David Friedman", "Israeli Ambassador to
			// the United States Yoram Ettinger": the title goes on.
			np = append(np, j)
			continue
		}
		if f&swStop != 0 && !(w == "us" && speakerCapitalized(body, t)) &&
			!((w == "may" || w == "will") && speakerCapitalized(body, t) && !speakerSentenceInitial(body, t.s)) {
			if (w == "who" || w == "which") && len(np) == 0 {
				// "Lavrov, who ..., said": the subject is before "who",
				// and before the party tag of "Sen. John Cornyn, R-Texas,
				// who".
				j--
				if j >= lo && toks[j].is(body, ",") {
					j--
					if j > lo && toks[j].word && speakerPartyTag(body[toks[j].s:toks[j].e]) && toks[j-1].is(body, ",") {
						j -= 2
					}
					// "Darrell Issa, a California Republican and chairman of
					// the House Committee on Oversight and Government Reform,
					// who": the name stands before the apposition.
					for c := j; c > lo && c >= j-20; c-- {
						if toks[c].is(body, ",") {
							if a := body[toks[c+1].s:toks[c+1].e]; a == "a" || a == "an" || a == "the" {
								j = c - 1
							}
							break
						}
						if !inApposition(body, toks, c) {
							break
						}
					}
				}
				j++
				antecedent = true
				continue
			}
			break
		}
		if f&swPronouns != 0 || w == "i" || w == "we" {
			if len(np) == 0 {
				np = append(np, j)
			}
			break
		}
		if len(np) > 0 && allDigits(body[toks[np[len(np)-1]].s:toks[np[len(np)-1]].e]) && cleanMonths[strings.ToLower(strings.TrimSuffix(w, "."))] != 0 {
			// A date is no part of a speaker: "during Feb. 26 remarks",
			// "wrote in a Feb. 18 report".
			np = np[:len(np)-1]
			break
		}
		np = append(np, j)
	}
	if len(np) == 10 {
		return nil
	}
	// Reverse into text order.
	for a, b := 0, len(np)-1; a < b; a, b = a+1, b-1 {
		np[a], np[b] = np[b], np[a]
	}
	// "..., with Ambassador Anatoly Antonov saying": the absolute
	// construction's "with" is no part of the subject.
	if len(np) > 1 && k < len(toks) && body[toks[np[0]].s:toks[np[0]].e] == "with" &&
		strings.HasSuffix(body[toks[k].s:toks[k].e], "ing") {
		np = np[1:]
	}
	// A discourse opener with no comma after it is no part of the subject:
	// "On the other hand counter-terrorism experts have believed".
	// Every opener starts with a preposition, which most phrases do not.
	if len(np) > 2 && speakerTokFlags(body, toks, np[0])&swPreps != 0 {
		lead := body[toks[np[0]].s:toks[np[len(np)-1]].e]
		for _, o := range speakerDiscourseOpeners {
			if len(lead) > len(o) && lead[len(o)] == ' ' && strings.EqualFold(lead[:len(o)], o) {
				n := strings.Count(o, " ") + 1
				if n < len(np) {
					np = np[n:]
				}
				break
			}
		}
	}
	// A subject does not start with a preposition ("in Aleppo said"). A
	// capitalized one may start a name, unless it opens the sentence,
	// where every word is capitalized: "With the FBI acknowledging" is
	// the FBI.
	if len(np) > 0 && speakerTokFlags(body, toks, np[0])&swPreps != 0 {
		if !speakerCapitalized(body, toks[np[0]]) {
			return nil
		}
		if speakerSentenceInitial(body, toks[np[0]].s) {
			np = np[1:]
			// "At least two countries": the quantifier goes with it.
			if len(np) > 1 && (speakerLower(body, toks, np[0]) == "least" || speakerLower(body, toks, np[0]) == "most") {
				np = np[1:]
			}
		}
	}
	// "Sen. Mark Begich, D-Alaska, issued a statement saying": a verb and
	// its object stand between an -ing cue and the subject, which an
	// apposition ends; the subject is read before the verb.
	if len(np) >= 2 && np[0] > lo && toks[np[0]-1].is(body, ",") && k < len(toks) &&
		strings.HasSuffix(body[toks[k].s:toks[k].e], "ing") && speakerVerbObject(body, toks, np) {
		return speakerNPBefore(body, toks, lo, np[0], np[:0])
	}
	// "Clinton's campaign sent out an email saying": the subject is what
	// stands before the verb and its object.
	for x := 1; x < len(np); x++ {
		w := speakerLower(body, toks, np[x])
		// The verb's form is tested first: most words have none of them,
		// and need no test of their case.
		if len(w) < 4 || !(strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") || w == "sent" || w == "put" || w == "made" || w == "gave") || speakerCapitalized(body, toks[np[x]]) {
			continue
		}
		for y := x + 1; y < len(np) && y <= x+2; y++ {
			if speakerTokFlags(body, toks, np[y])&swObjectDets != 0 {
				np = np[:x]
				break
			}
		}
	}
	// "A statement released on Sunday said": the participle after the
	// head noun is no part of the speaker.
	if n := len(np); n >= 2 && !speakerCapitalized(body, toks[np[n-1]]) && speakerTokFlags(body, toks, np[n-2])&swNouns != 0 {
		if speakerPastParticiple(speakerLower(body, toks, np[n-1])) {
			np = np[:n-1]
		}
	}
	if !speakerNominal(body, toks, np) || !speakerHeadOK(body, toks, np) {
		return nil
	}
	if w := body[toks[np[0]].s:toks[np[0]].e]; len(np) >= 2 && speakerIngOpener(w) && !strings.Contains(w, "-") &&
		speakerSentenceInitial(body, toks[np[0]].s) && !speakerCapitalized(body, toks[np[1]]) && !speakerNamesSomeone(body, toks, np[1:]) {
		// "Holding signs calling Christie “...”": a participle and its
		// object; not a name ("Manning said", "Sterling Brown said"), nor
		// a compound with a speaker noun ("Carjacking victim Danny Meng").
		return nil
	}
	if dashed {
		// Before an aside a speaker ends in a name or a speaker noun, not
		// "Syria's civil war – including the US and Russia – agreed".
		if last := np[len(np)-1]; !speakerNameWord(body, toks[last]) && speakerTokFlags(body, toks, last)&swNouns == 0 {
			return nil
		}
	}
	return np
}

// speakerVerbObject reports whether the phrase opens with a past-tense
// verb and its object: "issued a statement", "sent out an email".
func speakerVerbObject(body string, toks []qTok, np []int) bool {
	w := speakerLower(body, toks, np[0])
	if speakerCapitalized(body, toks[np[0]]) || !(len(w) > 4 && strings.HasSuffix(w, "ed") || w == "sent" || w == "put" || w == "made" || w == "gave") {
		return false
	}
	y := 1
	if p := speakerLower(body, toks, np[1]); (p == "out" || p == "up" || p == "off") && len(np) > 2 {
		y = 2
	}
	return speakerTokFlags(body, toks, np[y])&swObjectDets != 0
}

// speakerObjectDets are the words that, after a verb, show the verb has an
// object: "issued a statement", "contradicting his".
var speakerObjectDets = wordSet(`a an the his her its their our my this that`)

// speakerVerbsS are verbs in -s that the plural-noun test would take for a
// head noun.
var speakerVerbsS = wordSet(`makes takes gives has does goes gets puts seems means comes keeps looks wants needs
	tells shows calls uses works its his hers ours yours theirs this was is`)

// speakerCalendar are capitalized words that are no names.
var speakerCalendar = wordSet(`monday tuesday wednesday thursday friday saturday sunday january february march
	april june july august september october november december today yesterday`)

// speakerHeadOK reports whether a phrase ends in a plausible head (a name,
// a pronoun or a noun, not a function word) and holds no verb with an
// object ("issued a statement Tuesday").
func speakerHeadOK(body string, toks []qTok, np []int) bool {
	for x, i := range np {
		w, _, ok := speakerTokKnown(body, toks, i)
		if !ok {
			w = speakerLower(body, toks, i)
		}
		if len(w) < 5 || !(strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")) || speakerCapitalized(body, toks[i]) {
			continue
		}
		for y := x + 1; y < len(np) && y <= x+2; y++ {
			if speakerTokFlags(body, toks, np[y])&swObjectDets != 0 {
				return false
			}
		}
	}
	last := toks[np[len(np)-1]]
	w, f, ok := speakerTokKnown(body, toks, np[len(np)-1])
	if !ok {
		w, f = speakerTokInfo(body, toks, np[len(np)-1])
	}
	if f&swCalendar != 0 && !speakerMonthSurname(body, toks, np) && !speakerTodayName(body, toks, np) {
		return false
	}
	if speakerNameWord(body, last) || f&(swNouns|swPronouns) != 0 || w == "i" || w == "we" {
		return true
	}
	return f&(swVerbsS|swPreps|swObjectDets|swDeterminers) == 0
}

// speakerTodayName reports whether the phrase ends in "Today" after
// another capitalized word: the name of a medium ("USA Today", "Russia
// Today"), where the day would be written "today".
func speakerTodayName(body string, toks []qTok, np []int) bool {
	n := len(np)
	return n >= 2 && speakerTodayAfter(body, toks, np[n-2], np[n-1])
}

// speakerTodayAfter reports whether token k is "Today" after token prev, a
// capitalized word, as in "USA Today".
func speakerTodayAfter(body string, toks []qTok, prev, k int) bool {
	return toks[k].is(body, "Today") && speakerCapitalized(body, toks[prev]) && !speakerSentenceInitial(body, toks[k].s)
}

// speakerPlainModifier reports whether the lower-case word w, with flags
// f, may modify a noun after a name, as "intelligence" in "U.S.
// intelligence official": it is in no function-word set and has no verb's
// ending.
func speakerPlainModifier(w string, f uint32) bool {
	return f&(swStop|swPreps|swCue|swVerbsS|swPronouns|swDeterminers|swTimeWords|swCalendar|swSkip) == 0 &&
		len(w) > 2 && w[0] >= 'a' && w[0] <= 'z' && !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "s")
}

// speakerFirstName reports whether w is a first name of the lists.
func speakerFirstName(w string) bool { return speakerWordFlags0(w)&(swMale|swFemale) != 0 }

// speakerAge reports whether w is an age as a noun: "46-year-old".
func speakerAge(w string) bool {
	n, ok := strings.CutSuffix(w, "-year-old")
	return ok && allDigits(n)
}

// speakerMonthSurnames are months that are surnames too ("Theresa May").
var speakerMonthSurnames = wordSet(`may june april august`)

// speakerMonthSurname reports whether the phrase ends in a month that is a
// surname: capitalized inside a sentence, after a first name or alone.
func speakerMonthSurname(body string, toks []qTok, np []int) bool {
	last := toks[np[len(np)-1]]
	if !speakerMonthSurnames[speakerLower(body, toks, np[len(np)-1])] || !speakerCapitalized(body, last) ||
		speakerSentenceInitial(body, last.s) {
		return false
	}
	if len(np) == 1 {
		return true
	}
	return speakerTokFlags(body, toks, np[len(np)-2])&(swMale|swFemale) != 0
}

// speakerNPAfter returns the tokens of the speaker after a cue ending before
// token k: "said Lavrov", "according to reports in the US media".
func speakerNPAfter(body string, toks []qTok, k int, np []int) []int {
	// A long title may run past ten words; the name at its end is read
	// whole ("U.S. Chairman of the Joint Chiefs of Staff Gen. Joseph
	// Dunford"), up to sixteen.
	for j := k; j < len(toks) && (len(np) < 10 || len(np) < 16 && speakerCapitalized(body, toks[j])); j++ {
		t := toks[j]
		if !t.word {
			// "Representative C. A. (Dutch) Ruppersberger": a nickname in
			// parentheses inside a name is stepped over.
			if len(np) > 0 && t.is(body, "(") && j+3 < len(toks) && toks[j+1].word && speakerCapitalized(body, toks[j+1]) &&
				toks[j+2].is(body, ")") && toks[j+3].word && speakerCapitalized(body, toks[j+3]) && speakerCapitalized(body, toks[np[len(np)-1]]) {
				j += 2
				continue
			}
			break
		}
		w, f, ok := speakerTokKnown(body, toks, j)
		if !ok {
			w, f = speakerTokInfo(body, toks, j)
		}
		if f&swPreps != 0 {
			// Keep prepositions inside the phrase only when more of it follows
			// ("Secretary of State John Kerry", "reports in the US media").
			if len(np) == 0 || j+1 >= len(toks) || !toks[j+1].word {
				break
			}
			nf := speakerTokFlags(body, toks, j+1)
			if nf&swTimeWords != 0 || (w == "to" && nf&swDeterminers == 0 && !speakerCapitalized(body, toks[j+1])) {
				break
			}
			if (w == "in" || w == "at") && len(np) >= 2 && speakerCapitalized(body, toks[j+1]) &&
				speakerNameWord(body, toks[np[len(np)-1]]) && speakerNameWord(body, toks[np[len(np)-2]]) &&
				speakerTokFlags(body, toks, np[len(np)-1])&swOrg == 0 && speakerFirstNameIn(body, toks, np) {
				break // "U.N. official Chris Gunness in Gaza": where he spoke
			}
			if nw := speakerLower(body, toks, j+1); speakerPossessives[nw] && f&swTimeWords != 0 ||
				nf&swDeterminers != 0 && j+2 < len(toks) && toks[j+2].word && speakerTokFlags(body, toks, j+2)&swWhereNoun != 0 {
				// "... on his return", "... in an email": a preposition of
				// time or place (not "a statement from his family").
				break
			}
		} else if f&swStop != 0 && !(w == "us" && speakerCapitalized(body, t)) || f&swTimeWords != 0 && !(len(np) > 0 && speakerTodayAfter(body, toks, np[len(np)-1], j)) {
			break
		}
		if len(np) > 0 && (speakerPastParticiple(w) || len(w) > 5 && strings.HasSuffix(w, "ing")) &&
			!speakerCapitalized(body, t) && speakerParticipleHead(body, toks, np) && !(j+1 < len(toks) && toks[j+1].is(body, "by")) {
			// A participle after the head: "the intelligence bulletin
			// issued on Thursday", "one woman sporting a French beret".
			break
		}
		np = append(np, j)
	}
	for len(np) > 0 && speakerTokFlags(body, toks, np[len(np)-1])&swPreps != 0 {
		np = np[:len(np)-1]
	}
	if !speakerNominal(body, toks, np) || !speakerHeadOK(body, toks, np) {
		return nil
	}
	return np
}

// speakerPastParticiple reports whether lower-case w has the form of a
// past participle that may follow a speaker's head noun ("issued",
// "released", "put", "sent").
func speakerPastParticiple(w string) bool {
	return len(w) > 4 && strings.HasSuffix(w, "ed") || w == "put" || w == "sent"
}

// speakerParticipleHead reports whether the phrase np ends in a head a
// participle may follow: a speaker noun ("the intelligence bulletin
// issued on Thursday"), or a capitalized word after a determiner ("one
// Republican involved in the planning").
func speakerParticipleHead(body string, toks []qTok, np []int) bool {
	n := len(np)
	if speakerTokFlags(body, toks, np[n-1])&swNouns != 0 {
		return true
	}
	return n >= 2 && speakerCapitalized(body, toks[np[n-1]]) && speakerTokFlags(body, toks, np[n-2])&swDeterminers != 0
}

// speakerConjunctions open a sentence without being part of its subject.
var speakerConjunctions = wordSet(`and but or so yet still`)

// speakerHeadWord returns the head noun of a speaker phrase: its last word
// before a preposition or a modifier that follows the noun ("report" of
// "the State Department's 2015 country report on terrorism", "source" of
// "source familiar with the matter").
func speakerHeadWord(phrase string) string {
	head := ""
	for w := range strings.SplitSeq(phrase, " ") {
		if head != "" && (speakerPreps[w] || w == "familiar" || w == "who" || w == "that") {
			break
		}
		head = w
	}
	return head
}

// speakerPossessives are the possessive determiners, which name no one
// without a noun after them.
var speakerPossessives = wordSet(`his her its their our my your`)

// speakerSentenceAdverbs open a sentence before a comma without being its
// subject: "Meanwhile, Muslim leaders ...".
var speakerSentenceAdverbs = wordSet(`meanwhile however instead moreover furthermore nevertheless nonetheless
	separately additionally indeed still similarly likewise overall finally ultimately elsewhere afterward
	afterwards subsequently previously initially`)

// speakerTimeWords end an inverted speaker ("said Lavrov on Monday").
var speakerTimeWords = wordSet(`monday tuesday wednesday thursday friday saturday sunday yesterday today
	tonight tomorrow earlier later last this next recently during when after before while in on at`)

// speakerAfterDateline returns where the sentence starting at token start
// goes on after a dateline ("JERUSALEM - Secretary of State John Kerry
// ...", "BEIRUT, Lebanon — ..."): a word in capitals, a few words or
// commas, and a dash before token k. It returns start when there is none.
func speakerAfterDateline(body string, toks []qTok, start, k int) int {
	if start >= k || !toks[start].word {
		return start
	}
	w := body[toks[start].s:toks[start].e]
	if len(w) < 2 || strings.ToUpper(w) != w || strings.ToLower(w) == w {
		return start
	}
	for j := start + 1; j < k && j <= start+9; j++ {
		switch {
		case toks[j].is(body, "-") || toks[j].is(body, "—") || toks[j].is(body, "–"):
			return j + 1
		case !toks[j].word && !toks[j].is(body, ",") && !toks[j].is(body, ".") && !toks[j].is(body, "(") && !toks[j].is(body, ")"):
			return start // the agency in parentheses: "WASHINGTON, Dec. 8 (UPI) —"
		}
	}
	return start
}

// speakerSubject returns the subject of the sentence whose tokens run up to
// token k: its first noun phrase, after a leading adverbial ("On Tuesday,")
// or a dateline.
func speakerSubject(body string, toks []qTok, k int, np []int) []int {
	start := 0
	if k > 0 && toks[0].word && speakerConjunctions[speakerLower(body, toks, 0)] {
		start = 1 // "But the minister left, saying ..."
	}
	// "WASHINGTON, Dec. 8 (UPI) — In response to ..., X rallied": a
	// dateline first, then a leading phrase.
	start = speakerAfterDateline(body, toks, start, k)
	if start < k && toks[start].word {
		w, f := speakerTokInfo(body, toks, start)
		if !speakerConjunctions[w] && (f&(swPreps|swTimeWords|swStop|swCue) != 0 || speechTimeOpenerFold(w) || strings.EqualFold(w, "back") || speakerOpenerPreps[w] ||
			speakerIngOpener(body[toks[start].s:toks[start].e])) {
			// ("Back in 1999, Mr. Trump ...", "Holding signs calling
			// Christie ..., the protesters chanted")
			// A leading adverbial or clause ("On Tuesday,", "When Congress
			// was on summer break,", "And when Israel responded ...,")
			// ends at a comma, and the subject follows it; with no comma
			// there is no subject to find.
			// (The comma before the participle itself closes no leading
			// phrase.)
			from := start
			start = -1
			for j := from + 1; j < k-1 && j < from+16; j++ {
				if toks[j].is(body, ",") {
					start = j + 1
					break
				}
			}
			if start < 0 {
				return nil
			}
		}
	}
	if start == 0 && k > 2 && toks[1].is(body, ",") && speakerSentenceAdverbs[speakerLower(body, toks, 0)] {
		start = 2 // "Meanwhile, Muslim leaders in Australia condemned ..."
	}
	// A subject's title may run long: "Former U.S. Ambassador to the
	// United Nations Nikki Haley" is nine words.
	for j := start; j < k && len(np) < 10; j++ {
		t := toks[j]
		if !t.word {
			break
		}
		f := speakerTokFlags(body, toks, j)
		if speakerNameWord(body, t) || f&swDeterminers != 0 || (len(np) > 0 && f&swPreps != 0) {
			// (speakerNameWord takes a particle name too: "Hakim
			// al-Zamili", "al-Abadi".)
			np = append(np, j)
			continue
		}
		if len(np) > 0 && f&swNouns != 0 {
			np = append(np, j)
			if j+1 < k && speakerCapitalized(body, toks[j+1]) {
				continue // "CBS correspondent Lara Logan"
			}
		} else if len(np) > 0 && speakerTokFlags(body, toks, np[len(np)-1])&swDeterminers != 0 && f&(swStop|swPreps|swCue) == 0 &&
			j+1 < k && toks[j+1].word && speakerTokFlags(body, toks, j+1)&swNouns != 0 {
			// "The current president": one adjective before the noun.
			np = append(np, j, j+1)
		} else if len(np) > 0 && speakerCapitalized(body, toks[np[len(np)-1]]) && speakerPlainModifier(body[t.s:t.e], f) &&
			j+1 < k && toks[j+1].word && speakerTokFlags(body, toks, j+1)&swNouns != 0 {
			// "A U.S. intelligence official": a plain word between a name
			// and the noun; not a verb ("Russia accused officials").
			np = append(np, j, j+1)
		}
		break
	}
	// "Secretary of State John Kerry on Sunday": the time is no part of
	// the subject, nor a day after the name ("David Cameron Thursday").
	for len(np) > 1 && (speakerTokFlags(body, toks, np[len(np)-1])&(swTimeWords|swCalendar) != 0 &&
		speakerTokFlags(body, toks, np[len(np)-2])&swPreps != 0 || fullWeekday(speakerLower(body, toks, np[len(np)-1]))) {
		np = np[:len(np)-1] // "USA Today" keeps its name
	}
	for len(np) > 0 && speakerTokFlags(body, toks, np[len(np)-1])&swPreps != 0 {
		np = np[:len(np)-1]
	}
	if !speakerNominal(body, toks, np) || !speakerHeadOK(body, toks, np) || len(np) == 1 && speakerPossessives[speakerLower(body, toks, np[0])] {
		return nil // "Prior to the first photo", "His answer was": no subject
	}
	return np
}

// speakerNominal reports whether the phrase can name a speaker: it holds a
// name, a speaker pronoun or a speaker noun.
func speakerNominal(body string, toks []qTok, np []int) bool {
	if len(np) == 0 {
		return false
	}
	for _, i := range np {
		w, f, ok := speakerTokKnown(body, toks, i)
		if !ok {
			w, f = speakerTokInfo(body, toks, i)
		}
		if speakerNameWord(body, toks[i]) && (f&(swDeterminers|swStop|swSkip) == 0 || body[toks[i].s:toks[i].e] == "US") {
			return true // "Lavrov", "al-Maliki"; "The US said", where "us" is a stop word
		}
		if f&(swNouns|swPronouns) != 0 || w == "i" || w == "we" || speakerAge(w) {
			return true
		}
		if h := strings.LastIndexByte(w, '-'); h > 0 && h < len(w)-1 && speakerWordFlags0(w[h+1:])&swNouns != 0 && !speechWhereNouns[w[h+1:]] {
			return true // "the vice-president", "a co-worker"; not "a capital-letter (tweet)"
		}
	}
	last := speakerLower(body, toks, np[len(np)-1])
	if len(last) > 3 && strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss") && !strings.HasSuffix(last, "ous") {
		return true
	}
	// "the designer", "a former wicketkeeper": an article, at most one
	// word, and a lower-case noun with an agent's ending.
	if n := len(np); n >= 2 && n <= 3 && speakerArticles[speakerLower(body, toks, np[0])] && !speakerCapitalized(body, toks[np[n-1]]) {
		return speakerAgentNoun(last)
	}
	return false
}

// speakerArticles open a description of one person.
var speakerArticles = wordSet(`the a an another`)

// speakerNotAgents end as agent nouns do but name no person.
var speakerNotAgents = wordSet(`other another latter former either neither better bigger greater larger
	smaller longer shorter higher lower easier harder earlier later whether together however forever
	center centre terror error order number matter letter paper poster banner border corner quarter
	computer twitter chapter meter minister`)

// speakerAgentNoun reports whether the lower-case word w has the ending of
// a noun for a person who does something ("designer", "organizer",
// "economist", "historian"), which the noun list cannot all hold.
func speakerAgentNoun(w string) bool {
	if len(w) < 6 || speakerNotAgents[w] || strings.HasSuffix(w, "ier") {
		return false
	}
	if len(w) >= 8 && strings.HasSuffix(w, "man") {
		// "businessman", "cameraman"; not the titles of members, which
		// name the last one holding them ("the congressman said").
		return !strings.HasPrefix(w, "congress") && !strings.HasPrefix(w, "council") && !strings.HasPrefix(w, "assembly")
	}
	for _, suf := range [...]string{"er", "or", "ist", "ian"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// speakerPerson is one person the article names.
type speakerPerson struct {
	name   string
	first  int // offset of the first mention
	titles []string
	gender byte // 'm', 'f' or 0 when unknown
}

// speakerMention is one mention of a person or collective at a byte offset.
type speakerMention struct {
	pos    int
	person int // index into persons; -1 for a collective speaker
	name   string
}

// speakerIndex tracks the people and collectives an article names, so that
// surnames, pronouns and descriptions resolve to them.
type speakerIndex struct {
	persons []speakerPerson
	// keys maps the persons' keys (see addPerson) to their indices.
	keys        speakerKeys
	mentions    []speakerMention
	collectives []speakerMention
	// mentionRuns and speakerRuns are the ascending runs of mentions and
	// speakers (see speakerRuns).
	mentionRuns, speakerRuns speakerRuns
	// recent is the speaker of the latest attribution, the fallback for a
	// pronoun no named person fits. recents lists the direct quotes'
	// speakers that set it, by quote start, so that reported speech read
	// after them takes the one before its cue, not one named further on.
	// (findReported sets recent once per sentence, at its first cue; read
	// at each pronoun instead, it would also take a direct quote inside
	// the sentence: "Cameron ... said she “spoke for all of us” when she
	// told the attacker that he could not win the war he said he was
	// hoping to start" gives the attacker's "he said" to Cameron.)
	recent  string
	recents []speakerMention
	// speakers are the persons found speaking, where they are named, in
	// the order they were found (direct quotes first, then reported
	// speech); paras are the body's paragraphs.
	speakers []speakerMention
	paras    []Span
	body     string
	// scanned is the number of persons found by speakerScanNames; only
	// they are looked for by surname alone.
	scanned int
	// words, starts, titles and fold are scratch buffers for reading one
	// name at a time without allocating.
	words  []string
	starts []int
	titles []string
	fold   []byte
	// caps lists the run starts of the stretches of the body capsSpans
	// holds, in order (see capsCover); reset empties both. capsSpare is a
	// buffer for listing more.
	caps      []speakerCap
	capsSpare []speakerCap
	capsSpans []Span
	// lookedList and looked hold the lone surnames
	// speakerScanRepeatedNames has looked for (see lookedBefore).
	lookedList []string
	looked     map[string]bool
	// givenLike keeps speakerGivenLike's answer for each word asked about,
	// surnames the occurrences of each surname namedWith asked about, and
	// named how far it tested them for each word: each question reads the
	// whole body, and a long document asks many times.
	givenLike map[string]bool
	named     map[[2]string]speakerNamedScan
	surnames  map[string]*speakerOffsets
	// capWords lists the offsets of each capitalized word of a long body
	// (see surnameOffsets), nil until asked for.
	capWords map[string][]int
	// seen marks the persons onlyHolder has tested, a buffer kept.
	seen []bool
	// lowerWords holds the lower-case words of a long body (see
	// givenLikeWord), nil until asked for.
	lowerWords map[string]bool
	// titleArena holds the persons' titles (see addPerson); a new one is
	// made when it is full, and reset clears it to be filled again.
	titleArena []string
	// memoKey, memoP and memoOK are lookupFold's last question and
	// answer, which hold while memoSet is: reset, putLower and
	// putAsWritten clear it.
	memoKey string
	memoP   int
	memoOK  bool
	memoSet bool
}

// speakerTitleArena is the number of titles a titleArena holds: enough
// for the persons of most articles.
const speakerTitleArena = 256

// speakerNamedScan is how far namedWith has tested one surname's
// occurrences for one word: first is the first occurrence found with the
// word just before it (-1 while none is), next the index in the surname's
// offsets of the next one to test.
type speakerNamedScan struct{ first, next int }

// speakerOffsets are a surname's occurrences found so far, and the offset
// from which the search for more goes on.
type speakerOffsets struct {
	offs []int
	from int
}

// reset empties the index for a new body, keeping its buffers.
func (x *speakerIndex) reset(body string) {
	x.keys.reset()
	clear(x.persons) // drop the old names and titles for the collector
	x.persons, x.mentions, x.collectives, x.speakers = x.persons[:0], x.mentions[:0], x.collectives[:0], x.speakers[:0]
	x.mentionRuns, x.speakerRuns = x.mentionRuns[:0], x.speakerRuns[:0]
	x.recent, x.recents, x.body, x.scanned = "", x.recents[:0], body, 0
	x.caps, x.capsSpans = x.caps[:0], x.capsSpans[:0]
	clear(x.givenLike)
	clear(x.named)
	clear(x.surnames)
	x.capWords = nil
	x.lowerWords = nil
	// The old persons' titles are dropped with them (clear above); the
	// arena's strings are dropped for the collector and it is filled
	// again.
	clear(x.titleArena)
	x.titleArena = x.titleArena[:0]
	x.memoKey, x.memoSet = "", false
}

// lookupFold returns the person known under key s, case-folded as
// strings.ToLower folds it, without allocating the folded key.
//
// The answer to the last look-up is kept until a key is put: a speaker
// is looked up again by said right after the name was.
func (x *speakerIndex) lookupFold(s string) (int, bool) {
	if x.memoSet && x.memoKey == s {
		return x.memoP, x.memoOK
	}
	h := x.foldKey(s)
	p, ok := x.keys.get(x.fold, h)
	x.memoKey, x.memoP, x.memoOK, x.memoSet = s, p, ok, true
	return p, ok
}

// speakerFold appends the lower-case form of s to dst, byte for byte what
// strings.ToLower returns. A map look-up m[string(b)] on the result costs
// no allocation, where strings.ToLower allocates for every word holding an
// upper-case letter (every name).
func speakerFold(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			// strings.ToLower maps rune by rune, invalid bytes to U+FFFD.
			for _, r := range s[i:] {
				dst = utf8.AppendRune(dst, unicode.ToLower(r))
			}
			return dst
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// speakerJoinName returns the words of name joined by spaces. name is a
// tail of a run's words, starts their offsets in body: when they stand
// one space apart in body, as they nearly always do, the joined name is
// that piece of body and costs no allocation.
func speakerJoinName(body string, starts []int, name []string) string {
	j := len(starts) - len(name)
	for i := 0; i+1 < len(name); i++ {
		end := starts[j+i] + len(name[i])
		if end >= len(body) || body[end] != ' ' || starts[j+i+1] != end+1 {
			return strings.Join(name, " ")
		}
	}
	return body[starts[j] : starts[len(starts)-1]+len(name[len(name)-1])]
}

// speakerScanNames finds the person names of body: runs of capitalized
// words led by a title or a known first name. Only the runs holding one of
// the trigger words the scan noted are read. Later mentions of a known
// surname alone are found lazily, when a pronoun or a description needs the
// latest person before it (see lastPerson).
func speakerScanNames(x *speakerIndex, body string, triggers, cues []Span, toks []qTok) *speakerIndex {
	x.reset(body)
	runEnd := 0
	for _, tr := range triggers {
		if tr.Start < runEnd {
			continue
		}
		if c := body[tr.Start]; 'a' <= c && c <= 'z' {
			// A role in lower case: the run of names right after it
			// ("leader Mahmud Abbas") is a person's, the role a title.
			j := tr.End
			if j+1 < len(body) && body[j] == ' ' && 'A' <= body[j+1] && body[j+1] <= 'Z' {
				if e := speakerGatherRun(body, j+1); e > j+1 && strings.IndexByte(body[j+1:e], ' ') >= 0 {
					toks = quoteTokenize(body, j+1, e, toks[:0])
					x.addRun(body, toks, j+1, body[tr.Start:tr.End])
					runEnd = e
				}
			}
			continue
		}
		i := speakerRunBackoff(body, tr.Start, runEnd)
		for i <= tr.Start {
			c := body[i]
			if c < 'A' || c > 'Z' || (i > 0 && speakerWordByte[body[i-1]]) {
				i++
				continue
			}
			e := speakerGatherRun(body, i)
			if e <= i {
				e = i + 1
			}
			if e > tr.Start {
				// The trigger, a first name, role or honorific of
				// speakerPersonQuick, makes speakerRunMayName true when it
				// is a word of the run by itself: the call is spared.
				whole := tr.End <= e && (tr.Start == i || body[tr.Start-1] == ' ') && (tr.End == e || body[tr.End] == ' ')
				if strings.IndexByte(body[i:e], ' ') >= 0 && (whole || speakerRunMayName(body[i:e])) {
					toks = quoteTokenize(body, i, e, toks[:0])
					x.addRun(body, toks, i, "")
				}
				runEnd = e
				break
			}
			i = e
		}
	}
	speakerScanRepeatedNames(x, body, cues)
	x.scanned = len(x.persons)
	return x
}

// speakerScanRepeatedNames registers the people the word lists cannot
// tell, with no title and a first name the lists lack: a run of two or
// three capitalized words whose last word later speaks alone ("Another
// Israeli, Noam Chayut, shifted to the left. ... Chayut wrote a book",
// "Freddy Escamilla ... Escamilla said"). A place or a group is rarely the
// subject of "said" by its last word alone ("Saudi Arabia", "British
// Muslims"); runs that end in an institution's word ("White House") or
// hold a title, a day or a function word are left out. cues are the scan's
// speech cue candidates.
func speakerScanRepeatedNames(x *speakerIndex, body string, cues []Span) {
	x.lookedList = x.lookedList[:0]
	if len(x.looked) > 0 {
		clear(x.looked)
	}
	for _, c := range cues {
		if !speakerSpeaksCue(body[c.Start:c.End]) || c.Start < 3 || body[c.Start-1] != ' ' {
			continue
		}
		e := c.Start - 1
		s := e
		for s > 0 && (body[s-1] >= 'a' && body[s-1] <= 'z' || body[s-1] == '-' || body[s-1] >= 0x80) {
			s--
		}
		if s == 0 || s == e || body[s-1] < 'A' || body[s-1] > 'Z' {
			continue
		}
		s--
		if s > 0 && (body[s-1] >= 'a' && body[s-1] <= 'z' || body[s-1] >= 'A' && body[s-1] <= 'Z' || body[s-1] >= 0x80) ||
			s >= 2 && body[s-1] == ' ' && body[s-2] != '.' && speakerCapitalizedBefore(body, s-1) {
			continue // part of a longer word or run: "Chayut" alone only
		}
		w := body[s:e]
		if x.lookedBefore(w) {
			continue
		}
		if _, ok := x.lookupFold(w); ok {
			continue
		}
		// The full name stands in the same article: the search reaches
		// back a long article's length, so that a text of many articles
		// is not searched whole per surname.
		p := -1
		for from := max(0, s-speakerRepeatedReach); from < s; {
			k := strings.Index(body[from:s], w)
			if k < 0 {
				break
			}
			at := from + k
			from = at + len(w)
			if at < 2 || body[at-1] != ' ' || from < len(body) && (body[from] >= 'a' && body[from] <= 'z' || body[from] >= 'A' && body[from] <= 'Z' || body[from] >= 0x80) {
				continue
			}
			rs := at
			for n := 0; n < 2 && rs >= 2 && body[rs-1] == ' '; n++ {
				ws := rs - 1
				for ws > 0 && (body[ws-1] >= 'a' && body[ws-1] <= 'z' || body[ws-1] >= 'A' && body[ws-1] <= 'Z' || body[ws-1] == '-' || body[ws-1] >= 0x80) {
					ws--
				}
				if ws == rs-1 || body[ws] < 'A' || body[ws] > 'Z' || ws > 0 && body[ws-1] != ' ' && body[ws-1] != '\n' {
					break
				}
				rs = ws
			}
			run := body[rs:from]
			if n := strings.Count(run, " "); n < 1 || n > 2 || !speakerRepeatedNameRun(run) {
				continue
			}
			if p < 0 {
				p = x.addPerson(run, nil, rs, rs)
			} else if x.persons[p].name == run {
				x.mention(p, rs)
			}
		}
	}
}

// lookedBefore reports whether speakerScanRepeatedNames has looked for
// the surname w already, and notes that it has. The first
// speakerLookedList surnames are kept in a list, searched in order: an
// article has a few, and the map (for the rest) cost more to clear, fill
// and read than the list.
func (x *speakerIndex) lookedBefore(w string) bool {
	for _, v := range x.lookedList {
		if v == w {
			return true
		}
	}
	if len(x.lookedList) < speakerLookedList {
		x.lookedList = append(x.lookedList, w)
		return false
	}
	if x.looked[w] {
		return true
	}
	if x.looked == nil {
		x.looked = map[string]bool{}
	}
	x.looked[w] = true
	return false
}

// speakerLookedList is the number of surnames lookedBefore keeps in its
// list before it turns to its map.
const speakerLookedList = 16

// speakerRepeatedReach is how far before a lone surname its full name is
// looked for, in bytes.
const speakerRepeatedReach = 30000

// speakerSpeaksCue reports whether cue is a speech verb in the past or the
// singular that a surname alone may stand before: "Escamilla said",
// "Chayut wrote".
func speakerSpeaksCue(cue string) bool {
	switch cue {
	case "said", "says", "told", "tells", "added", "adds", "wrote", "writes", "explained", "noted", "recalled", "argued", "insisted":
		return true
	}
	return false
}

// speakerCapitalizedBefore reports whether the word ending at e (before a
// space) starts with a capital letter.
func speakerCapitalizedBefore(body string, e int) bool {
	s := e
	for s > 0 && body[s-1] != ' ' && body[s-1] != '\n' {
		s--
	}
	return s < e && body[s] >= 'A' && body[s] <= 'Z'
}

// speakerDemonyms are the adjectives of nations, regions and faiths, and
// the names of the places the corpus names most, that open phrases like
// "British Muslims", "Palestinian Abla Masrujeh" or "Israel David
// Friedman"; and words that open a sentence ("Even Gause ...").
var speakerDemonyms = wordSet(`american british english scottish welsh irish french german russian syrian
	iranian iraqi israeli palestinian egyptian turkish kurdish saudi lebanese jordanian afghan pakistani
	chinese japanese korean indian european western eastern arab muslim jewish sunni shiite shia libyan
	yemeni qatari emirati chechen australian canadian italian spanish dutch belgian greek cypriot kuwaiti
	bahraini tunisian algerian moroccan somali nigerian ukrainian georgian armenian uzbek kazakh
	bangladeshi indonesian malaysian mexican cuban venezuelan brazilian islamic catholic evangelical
	israel iran iraq syria russia turkey egypt lebanon america britain england france germany china japan
	libya yemen qatar gaza afghanistan pakistan europe africa asia
	middle northern southern no yes`)

// speakerDemonym reports whether w opens a phrase about a people rather
// than a name: a demonym ("British"), its plural, or a compound in lower
// case after its hyphen ("Western-backed", "High-ranking").
func speakerDemonym(w string) bool {
	if h := strings.IndexByte(w, '-'); h > 0 && h+1 < len(w) && w[h+1] >= 'a' && w[h+1] <= 'z' {
		return true
	}
	lw := strings.ToLower(w)
	return speakerDemonyms[lw] || speakerDemonyms[strings.TrimSuffix(lw, "s")]
}

// speakerRepeatedNameRun reports whether run may be a name of words only:
// each capitalized then in lower case, none a title, a day or month, a
// function word or an adverb, the first no people's or place's name
// ("British Muslims", "Israel David Friedman"), the last no institution's
// word nor a people ("American Jews").
func speakerRepeatedNameRun(run string) bool {
	n := strings.Count(run, " ")
	i := 0
	for w := range strings.SplitSeq(run, " ") {
		if len(w) < 2 || w[1] < 'a' || w[1] > 'z' || strings.ContainsAny(w, ".'’") {
			return false
		}
		if speakerWordFlags0(w)&(swTitles|swCalendar|swStop|swDeterminers|swPreps|swOrg|swTimeWords|swCue|swNouns|swSkip) != 0 {
			return false
		}
		if (i == 0 || i == n) && speakerDemonym(w) {
			return false
		}
		i++
	}
	return true
}

// speakerRunBackoff returns where to start reading the run of capitalized
// words that holds the word at pos: the start of the first word before it
// that cannot be part of a run, walking back at most eight words and never
// before lo or the paragraph.
func speakerRunBackoff(body string, pos, lo int) int {
	j := pos
	// Step back to the start of the word holding pos ("Pierre-Henry").
	for j > lo && j > pos-40 && body[j-1] != ' ' && body[j-1] != '\n' {
		j--
	}
	for n := 0; n < 8; n++ {
		if j-2 < lo || body[j-1] != ' ' {
			return j
		}
		ws := j - 1
		for ws > lo && body[ws-1] != ' ' && body[ws-1] != '\n' {
			ws--
		}
		w := body[ws : j-1]
		if w == "" {
			return j
		}
		if c := w[0]; !(c >= 'A' && c <= 'Z') && w != "of" && !speakerParticle(w) {
			return j
		}
		j = ws
	}
	return j
}

// speakerParticle reports whether w is one of speakerParticles, by a
// switch: the run reader asks about the word after nearly every run, and
// a string-map look-up cost several times the compare. (The set stays: it
// interns its words for the word table, see wordSet.)
func speakerParticle(w string) bool {
	switch w {
	case "de", "da", "di", "del", "der", "van", "von", "la", "le", "du", "bin", "ibn", "abu", "al", "el", "dos", "das", "ben":
		return true
	}
	return false
}

// speakerRunStop flags the bytes that end a word of a capitalized run.
var speakerRunStop = [256]bool{' ': true, '\n': true, ',': true, ';': true, ':': true, '"': true, ')': true, '(': true}

// speakerRunWordEnd returns the offset of the first byte at or after j
// that ends a word of a run (speakerRunStop), or len(body). Every such
// byte is below 0x40, and few bytes of a word are, so eight bytes at a
// time are tested for those (a byte is below 0x40 when its top two bits
// are clear) and only they are looked up in the table.
func speakerRunWordEnd(body string, j int) int {
	for ; j+8 <= len(body); j += 8 {
		x := speakerLoad8(body, j)
		for m := ^(x | x<<1) & quoteHigh8; m != 0; m &= m - 1 {
			if k := j + bits.TrailingZeros64(m)/8; speakerRunStop[body[k]] {
				return k
			}
		}
	}
	for j < len(body) && !speakerRunStop[body[j]] {
		j++
	}
	return j
}

// speakerGatherRun returns the end of the run of capitalized words that
// starts at i (with "of" after a title and name particles inside it).
func speakerGatherRun(body string, i int) int {
	e := i
	j := i
	for j < len(body) {
		k := speakerRunWordEnd(body, j)
		for k > j && (body[k-1] == '.' && !quoteAbbrevBefore(body, k-1) || body[k-1] == '?' || body[k-1] == '!') {
			k--
		}
		if k == j {
			break
		}
		e = k
		if k >= len(body) || body[k] != ' ' || k+1 >= len(body) {
			break
		}
		n := body[k+1]
		if n >= 'A' && n <= 'Z' {
			j = k + 1
			continue
		}
		if strings.HasPrefix(body[k+1:], "of ") && speakerWordFlags0(lastWord(body[i:k]))&swTitles != 0 {
			j = k + 4
			continue
		}
		if sp := strings.IndexByte(body[k+1:min(len(body), k+6)], ' '); sp > 0 && speakerParticle(body[k+1:k+1+sp]) {
			if n2 := k + 2 + sp; n2 < len(body) && body[n2] >= 'A' && body[n2] <= 'Z' {
				j = n2
				continue
			}
		}
		// A particle joined by a hyphen is a word of the name: "Bashar
		// al-Assad", "Abdel-Fattah el-Sissi".
		if speakerHyphenParticle(body[k+1 : min(len(body), k+9)]) { // a particle has three letters at most
			j = k + 1
			continue
		}
		break
	}
	return e
}

// surnameAfter returns the latest mention in body(from, pos) of a known
// person by a capitalized word alone ("Lavrov"), fitting gender and role as
// lastPerson does, and its offset; -1 when there is none.
//
// The body is read from from+1 to pos the same way on every call: a run
// starts at a capital letter that follows no word byte, and reading goes
// on after the run's end. Pronouns resolve many times per article, so the
// run read at each start is kept in x.caps (see speakerCap) and later calls
// only walk that list.
func (x *speakerIndex) surnameAfter(from, pos int, gender byte, role string) (int, int) {
	best, bestPos := -1, -1
	if x.scanned == 0 {
		return best, bestPos
	}
	lo := max(from+1, 0)
	x.capsCover(lo, pos)
	caps := x.caps
	k := sort.Search(len(caps), func(k int) bool { return int(caps[k].at) >= lo })
	for k < len(caps) && int(caps[k].at) < pos {
		c := &caps[k]
		if c.end == 0 {
			x.readCap(c)
		}
		if c.end < 0 {
			k++ // no run here: reading goes on at the next byte
			continue
		}
		e := int(c.end)
		if e > pos {
			break
		}
		if p := int(c.person); p >= 0 {
			pp := x.persons[p]
			if pp.first < int(c.at) && (gender == 0 || pp.gender == 0 || pp.gender == gender) && (role == "" || speakerHasTitle(pp.titles, role)) {
				best, bestPos = p, int(c.at)
			}
		}
		for k < len(caps) && int(caps[k].at) <= e {
			k++
		}
	}
	return best, bestPos
}

// speakerCap is a place where a run of capitalized words may start: a
// capital letter after no word byte. end and person are filled when the
// run is first read: end is its end (-1 when no run starts there), person
// the scanned person its single word names as a surname, or -1 (also for
// runs of several words: those name a person only with a trigger word,
// and the scan has read those). Both are kept for the whole body. For a
// surname with a particle ("Van Leeuw") person is tested against the
// person's name as it stands when the run is first read, and addPerson may
// lengthen that name later ("Jan Van Leeuw"); so whether such a run names
// its bearer can depend on which question read it first. No corpus text
// meets this; it is why surnameAfter must read the capitals in the same
// order for every question (a shortcut that skipped the walk when nobody
// could fit changed a speaker).
type speakerCap struct {
	at, end, person int32
}

// capsCover lists the run starts of body[lo:pos] in x.caps, which holds
// those of the stretches of the body asked about so far (x.capsSpans),
// listing only the bytes of [lo, pos) no stretch holds yet. Most calls ask
// about the sentence or the text since the last mention: listing the
// capitals from the start of the body, or of the gaps between the
// stretches asked about, cost more than all of them.
func (x *speakerIndex) capsCover(lo, pos int) {
	if lo >= pos {
		return
	}
	spans := x.capsSpans
	// The stretches [i:j] touch or overlap [lo, pos): they and the gaps
	// between them become one stretch.
	// A binary search: stretches asked about apart are never merged, so
	// their number grows with the body's quotes.
	i := sort.Search(len(spans), func(k int) bool { return spans[k].End >= lo })
	j, at := i, lo
	merged := Span{lo, pos}
	for ; j < len(spans) && spans[j].Start <= pos; j++ {
		if spans[j].Start > at {
			x.capsInsert(at, spans[j].Start)
		}
		at = max(at, spans[j].End)
		merged.Start, merged.End = min(merged.Start, spans[j].Start), max(merged.End, spans[j].End)
	}
	if at < pos {
		x.capsInsert(at, pos)
	}
	x.capsSpans = slices.Replace(spans, i, j, merged)
}

// capsInsert lists the run starts of body[from:to], which no stretch of
// x.capsSpans holds, in x.caps, in order.
func (x *speakerIndex) capsInsert(from, to int) {
	caps := x.caps
	k := len(caps)
	if k > 0 && int(caps[k-1].at) >= from {
		k = sort.Search(len(caps), func(k int) bool { return int(caps[k].at) >= from })
	}
	if k == len(caps) {
		// Past every listed one, as most are: appended in place.
		x.caps = speakerCapsIn(caps, x.body, from, to)
		return
	}
	gap := speakerCapsIn(x.capsSpare[:0], x.body, from, to)
	x.caps = slices.Insert(caps, k, gap...)
	x.capsSpare = gap
}

// speakerCapsIn appends to dst the run starts in body[from:to]: the
// capital letters that follow no word byte.
func speakerCapsIn(dst []speakerCap, body string, from, to int) []speakerCap {
	i := from
	// Sixteen bytes at a time: most blocks hold no capital letter, and
	// the masks give the capitals of the others directly.
	for ; i+16 <= to; i += 16 {
		m0, m1 := speakerUpper8(speakerLoad8(body, i)), speakerUpper8(speakerLoad8(body, i+8))
		if m0|m1 == 0 {
			continue
		}
		dst = speakerCapsAt(dst, body, i, m0)
		dst = speakerCapsAt(dst, body, i+8, m1)
	}
	if i+8 <= to {
		dst = speakerCapsAt(dst, body, i, speakerUpper8(speakerLoad8(body, i)))
		i += 8
	}
	for ; i < to; i++ {
		if c := body[i]; c >= 'A' && c <= 'Z' && (i == 0 || !speakerWordByte[body[i-1]]) {
			dst = append(dst, speakerCap{at: int32(i)})
		}
	}
	return dst
}

// speakerCapsAt appends to dst the run starts among the capitals of the
// eight bytes of body at i, whose high bits m holds.
func speakerCapsAt(dst []speakerCap, body string, i int, m uint64) []speakerCap {
	for ; m != 0; m &= m - 1 {
		if j := i + bits.TrailingZeros64(m)/8; j == 0 || !speakerWordByte[body[j-1]] {
			dst = append(dst, speakerCap{at: int32(j)})
		}
	}
	return dst
}

// speakerWordByte is isWordRune(rune(b)) for each byte b, the test the
// scan makes of the byte before a capital (a byte past ASCII read as the
// Latin-1 rune it would be).
var speakerWordByte = func() (t [256]bool) {
	for b := range t {
		t[b] = isWordRune(rune(b))
	}
	return t
}()

// speakerLoad8 returns the eight bytes of s at i as a little-endian word.
func speakerLoad8[S string | []byte](s S, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// speakerUpper8 returns the high bit of each of the eight bytes of x that
// is an ASCII capital letter (the classic "has a byte between m and n" bit
// trick, which is exact per byte: the sums never carry into the next byte).
func speakerUpper8(x uint64) uint64 {
	const ones = 0x0101010101010101
	const m, n = 'A' - 1, 'Z' + 1
	y := x & (ones * 127)
	return (ones*(127+n) - y) &^ x & (y + ones*(127-m)) & (ones * 128)
}

// readCap reads the run starting at c.at.
func (x *speakerIndex) readCap(c *speakerCap) {
	body := x.body
	i := int(c.at)
	e := speakerGatherRun(body, i)
	c.person = -1
	if e <= i {
		c.end = -1
		return
	}
	c.end = int32(e)
	run := speakerStripPossessive(speakerTrimRightMarks(body[i:e]))
	if k := strings.LastIndexByte(run, ' '); k >= 0 {
		// "Van Leeuw", "de Mistura": a surname with its particles names
		// the person whose full name ends so. Particles have three
		// letters at most, which rules out most runs at once.
		if f := strings.IndexByte(run, ' '); f > 3 {
			return
		}
		for w := range strings.SplitSeq(run[:k], " ") {
			if !speakerParticle(lowerWord(w)) {
				return // most runs: a first word that is no particle
			}
		}
		if p, ok := x.lookupAsWritten(run[k+1:]); ok && p < x.scanned && len(x.persons[p].name) > len(run) &&
			strings.EqualFold(x.persons[p].name[len(x.persons[p].name)-len(run):], run) {
			c.person = int32(p)
		}
		return
	}
	if p, ok := x.lookupAsWritten(run); ok && p < x.scanned {
		c.person = int32(p)
	}
}

// speakerSurname returns the surname of a full name: its last word, or
// the word before a generational suffix ("Tony Lippa Jr." is Lippa).
//
// The last space is found once: the last word, the generational test
// (speakerGenerational's) and the word before it all start from it.
func speakerSurname(name string) string {
	k := strings.LastIndexByte(name, ' ')
	w := name[k+1:]
	if k <= 0 {
		return w
	}
	if speakerGenerationalWord(w) {
		return lastWord(name[:k])
	}
	if speakerKoreanGiven(w) {
		// "Ban Ki-moon", "Kim Jong-un": the family name comes first.
		return lastWord(name[:k])
	}
	return w
}

// speakerGenerational reports whether name ends in a generational suffix
// after its surname: "Tony Lippa Jr.", "Donald Trump Jr.".
func speakerGenerational(name string) bool {
	k := strings.LastIndexByte(name, ' ')
	return k > 0 && speakerGenerationalWord(name[k+1:])
}

// speakerGenerationalWord reports whether w is a generational suffix.
func speakerGenerationalWord(w string) bool {
	switch w {
	case "Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV":
		return true
	}
	return false
}

// speakerKoreanGiven reports whether w is written as a romanized Korean
// given name: two syllables joined by a hyphen, the second in lower case
// ("Ki-moon", "Jong-un"). Western double names capitalize both parts
// ("Smith-Jones", "Jean-Marc"), and an Arabic article before a name is
// no syllable ("Al-labede").
func speakerKoreanGiven(w string) bool {
	h := strings.IndexByte(w, '-')
	if h < 2 || h > len(w)-2 || w[0] < 'A' || w[0] > 'Z' || speakerParticle(strings.ToLower(w[:h])) {
		return false
	}
	for i := 1; i < len(w); i++ {
		if c := w[i]; i != h && (c < 'a' || c > 'z') {
			return false
		}
	}
	return true
}

func lastWord(s string) string {
	if k := strings.LastIndexByte(s, ' '); k >= 0 {
		return s[k+1:]
	}
	return s
}

// speakerHasPrefixBytes reports whether b begins with p.
func speakerHasPrefixBytes(b []byte, p string) bool {
	return len(b) >= len(p) && string(b[:len(p)]) == p
}

// speakerStripPossessive removes a trailing 's or ’s.
func speakerStripPossessive(w string) string {
	if strings.HasSuffix(w, "'s") {
		return w[:len(w)-2]
	}
	if strings.HasSuffix(w, "’s") {
		return w[:len(w)-len("’s")]
	}
	return w
}

// speakerSplitName takes the words of a capitalized run and returns its
// titles (appended to titles, lower-case) and its name words, a tail of
// words: "Russia's Foreign Minister Sergey Lavrov" → [foreign minister],
// [Sergey Lavrov]. The last name word loses a possessive in place.
func speakerSplitName(words, titles []string) ([]string, []string) {
	var buf [8]speakerRunWord
	info := buf[:]
	if len(words) > len(buf) {
		info = make([]speakerRunWord, len(words))
	}
	return speakerSplitNameInfo(words, titles, info)
}

// speakerSplitNameInfo is speakerSplitName with info[i] holding what
// speakerWordInfo gives for words[i] where info[i].known is set: a caller
// reading tokens has looked most of them up already. info is as long as
// words.
func speakerSplitNameInfo(words, titles []string, info []speakerRunWord) ([]string, []string) {
	// The loops below ask about most words two or three times: each is
	// looked up once. (speakerMaleNames[lowerWord(w)] is the swMale flag,
	// and so for the other sets with a flag.)
	look := func(i int) (string, uint32) {
		if in := &info[i]; !in.known {
			in.w, in.f = speakerWordInfo(words[i])
			in.known = true
		}
		return info[i].w, info[i].f
	}
	from := len(words) // the first name word; len(words) while there is none
	for i, w := range words {
		// speakerStripPossessive(w) != w, by the last byte first: few
		// words end in 's'.
		if i < len(words)-1 && len(w) >= 2 && w[len(w)-1] == 's' && (w[len(w)-2] == '\'' || strings.HasSuffix(w, "’s")) {
			titles, from = titles[:0], len(words) // "Russia's": what follows is the person
			continue
		}
		if from < len(words) {
			continue
		}
		// lowerWord folds every word of the package's sets, so a title
		// comes back in lower case.
		if lw, f := look(i); f&swTitles != 0 || lw == "of" {
			titles = append(titles, lw)
			continue
		}
		from = i
	}
	// Words that describe before a title ("French Foreign Minister Laurent
	// Fabius", "Tennessee Sen. Bob Corker") are no part of the name: it is
	// what follows the last title with a word after it.
	last := -1
	for i := from; i < len(words)-1; i++ {
		if _, f := look(i); f&swTitles != 0 && !(i > from && speakerFirstNameFlags(look(i-1))) {
			last = i // not after a first name: "Peter King", "Stephen Prince"
		}
	}
	if last >= 0 {
		for i := from; i <= last; i++ {
			if lw, f := look(i); f&swTitles != 0 || lw == "of" {
				titles = append(titles, lw)
			}
		}
		from = last + 1
	}
	lo, hi := from, len(words) // the name is words[lo:hi]
	// A place or office run into the name ("Governor of New York Andrew
	// Cuomo", "San Diego County Sheriff Bill Gore"): the name starts at a
	// first name with a word after it when two words or more stand before
	// it, or one that is a title or an institution's head word. One other
	// word may be a given name the lists lack ("Aaron David Miller", "Amir
	// Ali Hajizadeh") and stays.
	for i := lo + 1; i < hi-1; i++ {
		if !speakerFirstNameFlags(look(i)) {
			continue
		}
		if prev, f := look(i - 1); i-lo >= 2 && f&(swMale|swFemale) == 0 &&
			!speakerParticle(prev) && !strings.HasSuffix(prev, ".") || f&(swTitles|swOrg) != 0 {
			lo = i
		}
		break
	}
	if hi-lo >= 4 && words[lo] == "of" {
		// "Minister of Aviation Sherif Fathy": the office runs on; with
		// no first name known in it, the name is its last two words.
		titles = append(titles, "of")
		lo = hi - 2
	} else if hi > lo && words[lo] == "of" {
		// "The Mayor of London", "The Chief Rabbi of Britain": an office
		// and its place, no name.
		titles, hi = append(titles, "of"), lo
	}
	for j := lo + 2; j < hi-1; j++ {
		if words[j] == "of" && speakerFirstNameFlags(look(lo)) {
			hi = j // "Peter King of New York": where he is from
			break
		}
	}
	if hi == lo && len(words) >= 2 {
		if _, f := look(len(words) - 2); f&swHonorifics != 0 {
			// "Mr. King": after an honorific, a title word is the surname.
			titles, lo, hi = titles[:len(titles)-1], len(words)-1, len(words)
		}
	}
	name := words[lo:hi]
	if n := len(name); n > 0 {
		name[n-1] = speakerStripPossessive(name[n-1])
	}
	return titles, name
}

// speakerRunWord is what speakerWordInfo returns for one word of a run,
// once known.
type speakerRunWord struct {
	w     string
	f     uint32
	known bool
}

// speakerFirstNameFlags is speakerFirstName for a word looked up already.
func speakerFirstNameFlags(_ string, f uint32) bool { return f&(swMale|swFemale) != 0 }

// speakerHonorifics stand right before a surname.
var speakerHonorifics = wordSet(`mr mr. mrs mrs. ms ms. dr dr. sen. rep. gov. gen.`)

// speakerParticles join the parts of a name: "Staffan de Mistura",
// "Bashar al-Assad" (the hyphenated form is one word already).
var speakerParticles = wordSet(`de da di del der van von la le du bin ibn abu al el dos das ben`)

// addRun records a capitalized run found at pos.
// title, when set, is a role in lower case standing right before the run.
func (x *speakerIndex) addRun(body string, toks []qTok, pos int, title string) {
	words, starts := x.words[:0], x.starts[:0]
	for _, t := range toks {
		if t.word {
			words = append(words, body[t.s:t.e])
			starts = append(starts, t.s)
		}
	}
	x.words, x.starts = words, starts
	if len(words) == 0 {
		return
	}
	titles, name := speakerSplitName(words, x.titles[:0])
	// speakerJoinName reads the name as the tail of the words; "Peter
	// King of New York" leaves a name before the tail, so the starts are
	// cut to end with it.
	starts = starts[:speakerNameEnd(words, name)]
	// "President Trump Sunday in a speech ...": the day is no surname.
	for len(name) > 1 && fullWeekday(lowerWord(name[len(name)-1])) {
		name, starts = name[:len(name)-1], starts[:len(starts)-1]
	}
	if title != "" && len(titles) == 0 && len(name) >= 2 {
		titles = append(titles, title)
	}
	x.titles = titles
	if len(name) == 0 || len(name) > 4 {
		return
	}
	if len(name) == 1 {
		if p, ok := x.lookupFold(name[0]); ok {
			x.mention(p, pos)
			return
		}
		if len(titles) == 0 || !speakerHasRole(titles) {
			return
		}
	}
	// Set membership needs no folded copy: lowerWord folds set words.
	if len(titles) == 0 && speakerWordFlags0(name[0])&(swMale|swFemale) == 0 {
		return
	}
	if speakerWordFlags0(name[len(name)-1])&swOrg != 0 {
		return
	}
	x.addPerson(speakerJoinName(body, starts, name), titles, pos, starts[len(starts)-len(name)])
}

// speakerNameEnd returns the index in words just past name, a run of
// words within them (speakerSplitName returns such a slice).
func speakerNameEnd(words, name []string) int {
	for e := len(words); e >= len(name); e-- {
		if e > 0 && len(name) > 0 && words[e-1] == name[len(name)-1] && words[e-len(name)] == name[0] {
			return e
		}
	}
	return len(words)
}

func speakerHasRole(titles []string) bool {
	for _, t := range titles {
		if speakerRoles[t] || t == "mr." || t == "mrs." || t == "ms." || t == "mr" || t == "ms" || t == "mrs" || t == "dr." || t == "sen." || t == "rep." || t == "gov." || t == "gen." {
			return true
		}
	}
	return false
}

// addPerson records a mention of a person with a full name, merging it with
// a person known by the same surname.
func (x *speakerIndex) addPerson(name string, titles []string, pos, at int) int {
	sur := speakerSurname(name)
	// Only a generational suffix makes a son: "Ban Ki-moon", whose
	// surname is not his last word either, is Ban.
	suffixed := speakerGenerational(name)
	if suffixed && !strings.HasSuffix(name, ".") && (strings.HasSuffix(name, " Jr") || strings.HasSuffix(name, " Sr")) {
		name += "." // as it is written but for a sentence's end
	}
	p, ok := x.lookupFold(name)
	another := false // someone else than the person the surname names already
	if !ok && suffixed {
		// A son is not his father: "Trump Jr." merges with no Trump.
		p, ok = x.lookupFold(strings.TrimSuffix(name, "."))
	} else if !ok {
		if q, ok2 := x.lookupFold(sur); ok2 {
			held, relative := x.persons[q], x.kinBefore(at)
			switch surnameOnly := !strings.Contains(held.name, " "); {
			case surnameOnly && held.first < at && (relative || speakerOtherOffice(held.titles, titles)):
				// (Only someone named before: "The suspects' uncle Ruslan
				// Tsarni" is the "Mr. Tsarni" of later on.)
				another = true
			case surnameOnly:
				// "President Obama" first, "Barack Obama" later: upgrade the name.
				p, ok = q, true
				x.persons[p].name = name
			case relative || x.otherGiven(held.name, name, at):
				// Another of the family or of the same surname: "Bill
				// Clinton" after "Hillary Clinton", "Abedini's wife, Naghmeh
				// Abedini" after "Saeed Abedini".
				another = true
			default:
				p, ok = q, true
			}
		}
	}
	if !ok {
		p = len(x.persons)
		// The words of a name stand one space apart.
		first, _, _ := strings.Cut(name, " ")
		g := speakerGender(first)
		for _, t := range titles {
			switch t {
			case "mr", "mr.", "king", "prince":
				g = 'm'
			case "mrs", "mrs.", "ms", "ms.", "queen", "lady":
				g = 'f'
			}
		}
		x.persons = append(x.persons, speakerPerson{name: name, first: pos, gender: g})
		x.putLower(name, p)
		if suffixed {
			// "Lippa" alone is Tony Lippa Jr., unless it names someone
			// already; the name is also found without its period.
			x.putLower(strings.TrimSuffix(name, "."), p)
			if _, taken := x.lookupFold(sur); !taken {
				x.putLower(sur, p)
				x.putAsWritten(sur, p)
			}
		} else if !another {
			x.putLower(sur, p)
			x.putAsWritten(sur, p) // for the scan's fast path
		}
	}
	if x.persons[p].titles == nil && len(titles) > 0 {
		// Room for the titles and the roles they stand for, at once,
		// cut from x.titleArena: an allocation per person cost more than
		// the rest of recording them. The slice's capacity ends at its
		// room, so appending past it copies it as before.
		n := 2 * len(titles)
		if cap(x.titleArena)-len(x.titleArena) < n {
			x.titleArena = make([]string, 0, max(speakerTitleArena, n))
		}
		k := len(x.titleArena)
		x.titleArena = x.titleArena[:k+n]
		x.persons[p].titles = x.titleArena[k : k : k+n]
	}
	for _, t := range titles {
		for _, t := range [2]string{t, speakerTitleRole(t)} {
			if t != "" && !speakerHasTitle(x.persons[p].titles, t) {
				x.persons[p].titles = append(x.persons[p].titles, t)
			}
		}
	}
	x.mention(p, pos)
	return p
}

// kinBefore reports whether a word for a relative stands right before
// the name starting at at: "first lady Michelle Obama" after "President
// Obama", "His brother, Iddo Netanyahu," after Benjamin Netanyahu. The
// name is another person of the family.
func (x *speakerIndex) kinBefore(at int) bool {
	return speakerKin[lastWord(strings.TrimRight(x.body[:at], " ,"))]
}

// speakerOtherOffice reports whether a name with the titles of a new
// mention is someone else than the person known by its surname alone
// with the titles held: both hold a royal office and none the same, as
// a king and his son the crown prince ("Crown Prince Mohammed bin
// Salman" after "King Salman"). Other offices change hands within one
// person's story ("Sen. Obama", later "President Barack Obama").
func speakerOtherOffice(held, titles []string) bool {
	royal := func(ts []string) bool {
		for _, t := range ts {
			if speakerRoyalTitles[t] {
				return true
			}
		}
		return false
	}
	if !royal(held) || !royal(titles) {
		return false
	}
	for _, t := range titles {
		if speakerRoyalTitles[t] && speakerHasTitle(held, t) {
			return false
		}
	}
	return true
}

// speakerRoyalTitles are the offices a family passes on.
var speakerRoyalTitles = wordSet(`king queen prince crown emir sheikh`)

// otherGiven reports whether two full names with one surname, found
// in the index's body, are two people's: both open with a given name, and no given
// name of one can be one of the other's. A name opened by another word
// ("Ultimately Bush", "Fox Host Kilmeade") stays merged, as the scan takes
// such runs. Initials after the first name count for nothing: "John F.
// Kennedy" is not "Robert F. Kennedy".
//
// The lists know few of the corpus's Arabic, Chechen or Hebrew given
// names, so a word they lack counts as one when speakerGivenLike takes
// it: "Hal Rogers" is not "Mike Rogers", nor "Dzhokhar Tsarnaev" his
// father "Anzor Tsarnaev". Two such names sharing their first three
// letters are taken for spellings of one ("Jerrold" and "Jerry"). A word
// after an article or a possessive, where b starts at offset at, is no
// given name: "How ISIS Got Its Flag Choudary said" is Anjem Choudary.
func (x *speakerIndex) otherGiven(a, b string, at int) bool {
	body := x.body
	fa, _, _ := strings.Cut(a, " ")
	fb, _, _ := strings.Cut(b, " ")
	ka, kb := speakerFirstName(fa), speakerFirstName(fb)
	if !ka || !kb {
		if !x.givenNames(a, ka) || !x.givenNames(b, kb) ||
			len(fa) >= 3 && len(fb) >= 3 && strings.EqualFold(fa[:3], fb[:3]) ||
			!kb && speakerNameDeterminers[strings.ToLower(lastWord(strings.TrimRight(body[:at], " ")))] {
			return false
		}
	}
	ga, gb := speakerGender(fa), speakerGender(fb)
	if ga != 0 && gb != 0 && ga != gb {
		return true // "Paul" and "Paula"
	}
	if speakerSameGiven(fa, fb) {
		return false
	}
	// The other given names: "Mohammad Javad Zarif" and "Javad Zarif".
	for u := range strings.FieldsSeq(a[:len(a)-len(speakerSurname(a))]) {
		for v := range strings.FieldsSeq(b[:len(b)-len(speakerSurname(b))]) {
			if (u != fa || v != fb) && !speakerInitial(u) && !speakerInitial(v) && speakerSameGiven(u, v) {
				return false
			}
		}
	}
	return true
}

// speakerNameDeterminers are the words after which a capitalized word is
// a noun of a title-case phrase, not a given name.
var speakerNameDeterminers = wordSet(`the a an its his her their our my your this that`)

// givenNames reports whether every word of name before its surname
// is a given name: one the lists know, an initial or a word
// speakerGivenLike takes. known tells that the first word is one the lists
// know. A name with no word before its surname ("El Dibany") has none.
func (x *speakerIndex) givenNames(name string, known bool) bool {
	given := strings.Fields(name[:len(name)-len(speakerSurname(name))])
	if len(given) == 0 {
		return false
	}
	for i, w := range given {
		if !(i == 0 && known || i > 0 && (speakerFirstName(w) || speakerInitial(w)) || x.givenLikeWord(w)) {
			return false
		}
	}
	return true
}

// givenLikeWord is speakerGivenLike over the index's body, kept per word.
// In a long body the lower-case words are gathered once instead, for the
// test that w is not written in lower case elsewhere: a search of the
// body per word asked grows with the body times the names in it.
func (x *speakerIndex) givenLikeWord(w string) bool {
	if like, ok := x.givenLike[w]; ok {
		return like
	}
	if x.givenLike == nil {
		x.givenLike = map[string]bool{}
	}
	var like bool
	if len(x.body) < speakerLowerWordsMin {
		like = speakerGivenLike(w, x.body)
	} else {
		if x.lowerWords == nil {
			x.lowerWords = speakerLowerWords(x.body)
		}
		like = speakerGivenShape(w) && !x.lowerWords[strings.ToLower(w)]
	}
	x.givenLike[w] = like
	return like
}

// speakerLowerWordsMin is the body length from which givenLikeWord gathers
// the body's lower-case words rather than searching it per word.
const speakerLowerWordsMin = 64 << 10

// speakerLowerWords returns the runs of ASCII letters of body written all
// in lower case: the words speakerGivenLike's search finds.
func speakerLowerWords(body string) map[string]bool {
	words := map[string]bool{}
	for i := 0; i < len(body); {
		if quoteScanLetter[body[i]] == 0 {
			i++
			continue
		}
		s, lower := i, true
		for i < len(body) && quoteScanLetter[body[i]] != 0 {
			lower = lower && body[i] >= 'a'
			i++
		}
		if lower {
			words[body[s:i]] = true
		}
	}
	return words
}

// speakerGivenLike reports whether w, a word the name lists lack, may be a
// given name: a capitalized word of lower-case ASCII letters in none of the
// package's word sets, no people's adjective, no adverb or "-ist"
// ("Islamist Mursi"), and not written in lower case elsewhere in body. The
// last test keeps a title-case line's nouns from passing for names ("Fox
// Host Kilmeade" in an article that says "Fox News host"). Place names
// ("Rotterdam Ahmed Aboutaleb") pass, and are met by the given name after
// them.
func speakerGivenLike(w, body string) bool {
	if !speakerGivenShape(w) {
		return false
	}
	lw := strings.ToLower(w)
	for i := 0; ; {
		k := strings.Index(body[i:], lw)
		if k < 0 {
			return true
		}
		s, e := i+k, i+k+len(lw)
		if (s == 0 || quoteScanLetter[body[s-1]] == 0) && (e == len(body) || quoteScanLetter[body[e]] == 0) {
			return false
		}
		i = e
	}
}

// speakerGivenShape is speakerGivenLike's test of w alone, without the
// body.
func speakerGivenShape(w string) bool {
	if len(w) < 3 || w[0] < 'A' || w[0] > 'Z' || strings.HasSuffix(w, "ly") || strings.HasSuffix(w, "ist") {
		return false
	}
	for i := 1; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return speakerWordFlags0(w) == 0 && !speakerDemonym(w)
}

// speakerInitial reports whether w is an initial: "F.".
func speakerInitial(w string) bool { return len(w) == 2 && w[1] == '.' }

// speakerGender returns 'm' or 'f' for a first name the lists hold for one
// sex only, 0 otherwise.
func speakerGender(w string) byte {
	f := speakerWordFlags0(w)
	switch {
	case f&swMale != 0 && f&swFemale == 0:
		return 'm'
	case f&swFemale != 0 && f&swMale == 0:
		return 'f'
	}
	return 0
}

// speakerSameGiven reports whether two given names may name one person,
// in any case: equal, one the start of the other ("Abdel" and
// "Abdel-Fattah", "Chris" and "Christopher"), a nickname ("Bill" and "William"), a spelling of Muhammad, or one letter
// apart in a long name with the same first letter ("Dianne" and "Diane",
// "Yochanan" and "Yohanan").
func speakerSameGiven(u, v string) bool {
	if len(u) < len(v) {
		u, v = v, u
	}
	switch {
	case len(v) == 0:
		return false
	case strings.EqualFold(u[:len(v)], v):
		return true
	}
	lu, lv := strings.ToLower(u), strings.ToLower(v)
	if n := speakerNicknames[lu]; n != "" && n == speakerNicknames[lv] || speakerNicknames[lv] == lu || n == lv {
		return true
	}
	return len(lv) >= 5 && lu[0] == lv[0] && speakerOneEdit(lu, lv)
}

// speakerNicknames map nicknames that are no start of their name, and
// the spellings of Muhammad, to one name.
var speakerNicknames = map[string]string{
	"bill": "william", "bob": "robert", "bobby": "robert", "jim": "james", "jimmy": "james",
	"mike": "michael", "tom": "thomas", "dick": "richard", "rick": "richard", "ted": "edward",
	"tony": "anthony", "andy": "andrew", "dave": "david", "jerry": "jeremy", "joe": "joseph",
	"chuck": "charles", "jack": "john", "hank": "henry", "larry": "lawrence", "peggy": "margaret",
	"kate": "katherine", "liz": "elizabeth", "beth": "elizabeth", "sue": "susan", "ned": "edward",
	"mohammad": "muhammad", "mohammed": "muhammad", "mohamed": "muhammad", "mohamad": "muhammad",
	"muhammed": "muhammad", "mohamud": "muhammad",
}

// speakerOneEdit reports whether u, the longer, and v, in lower case,
// differ by one letter changed, added or dropped.
func speakerOneEdit(u, v string) bool {
	switch len(u) - len(v) {
	case 0:
		diff := 0
		for i := range len(u) {
			if u[i] != v[i] {
				diff++
			}
		}
		return diff == 1
	case 1:
		for i := range len(v) {
			if u[i] != v[i] {
				return u[i+1:] == v[i:]
			}
		}
		return true
	}
	return false
}

// speakerKin name a relative: the name after them is another person's
// of the same family.
var speakerKin = wordSet(`lady wife husband son daughter brother sister father mother widow widower
	cousin uncle aunt nephew niece grandson granddaughter grandfather grandmother`)

// speakerTitleRole returns the role an abbreviated title stands for, so
// that "the senator" after "Sen. John McCain" is McCain and "the general"
// after "Gen. Martin Dempsey" is Dempsey.
//
// A switch, not a map: addPerson asks about every title of every person,
// and hashing cost more than the compare.
func speakerTitleRole(t string) string {
	switch t {
	case "sen", "sen.":
		return "senator"
	case "gen", "gen.":
		return "general"
	case "gov", "gov.":
		return "governor"
	case "adm", "adm.":
		return "admiral"
	case "col", "col.":
		return "colonel"
	case "prof", "prof.":
		return "professor"
	}
	return ""
}

// mention records that person p is named again at pos, so that a pronoun
// after it resolves to p rather than to someone named in between, and
// returns p's name.
func (x *speakerIndex) mention(p, pos int) string {
	x.mentions = append(x.mentions, speakerMention{pos, p, x.persons[p].name})
	x.mentionRuns = x.mentionRuns.add(x.mentions)
	return x.persons[p].name
}

// said records that the speaker of q, if a person, speaks where q names
// them.
func (x *speakerIndex) said(q Quote) {
	p, ok := x.lookupFold(q.Speaker)
	if !ok {
		return
	}
	at := q.Start
	if q.MentionEnd > q.MentionStart {
		at = q.MentionStart
	}
	x.speakers = append(x.speakers, speakerMention{at, p, q.Speaker})
	x.speakerRuns = x.speakerRuns.add(x.speakers)
}

// resaid moves the speaking recorded at pos to the person named name.
func (x *speakerIndex) resaid(pos int, name string) {
	p, ok := x.lookupFold(name)
	if !ok {
		return
	}
	for k := range x.speakers {
		if x.speakers[k].pos == pos {
			x.speakers[k].person, x.speakers[k].name = p, name
		}
	}
}

// spoke makes name the recent speaker, from the quote starting at pos on.
func (x *speakerIndex) spoke(pos int, name string) {
	x.recent = name
	x.recents = append(x.recents, speakerMention{pos: pos, person: -1, name: name})
}

// recentBefore returns the recent speaker as it stood at pos: the speaker
// of the latest direct quote starting before it. The quotes were read in
// text order, so recents is sorted.
func (x *speakerIndex) recentBefore(pos int) string {
	// sort.Search(len(x.recents), func(i int) bool { return
	// x.recents[i].pos >= pos }), written out as paraIndex is.
	i, j := 0, len(x.recents)
	for i < j {
		h := int(uint(i+j) >> 1)
		if x.recents[h].pos < pos {
			i = h + 1
		} else {
			j = h
		}
	}
	if i == 0 {
		return ""
	}
	return x.recents[i-1].name
}

// speakerPronounGender returns 'm' for a mention that is "he", 'f' for
// "she", and 0 for anything else.
func speakerPronounGender(mention string) byte {
	// Most mentions are names: only two to four bytes can fold to "he"
	// or "she" ("ſ", two bytes, folds to 's'), so the rest are passed over
	// before EqualFold is called.
	if len(mention) < 2 || len(mention) > 4 {
		return 0
	}
	switch {
	case strings.EqualFold(mention, "he"):
		return 'm'
	case strings.EqualFold(mention, "she"):
		return 'f'
	}
	return 0
}

// lastSpeaker returns the person who last spoke before pos, in the same
// paragraph or the one before, when they fit the gender: in news a "he
// said" goes on with the speaker before it more often than with a person
// the sentence between only names ("... a good relationship with Russian
// President Vladimir Putin. He added that ..."). pos is where the search
// ends: the pronoun's offset after pronounReach.
func (x *speakerIndex) lastSpeaker(pos int, gender byte) (string, bool) {
	best := x.speakerRuns.latest(x.speakers, pos, func(speakerMention) bool { return true })
	if best < 0 {
		return "", false
	}
	s := x.speakers[best]
	if p := x.persons[s.person]; gender != 0 && p.gender != 0 && p.gender != gender || len(x.paras) == 0 {
		return "", false
	}
	para, sp := x.paraOf(pos), x.paraOf(s.pos)
	if para-sp > 3 {
		return "", false
	}
	// Paragraphs that open with a quote mark between go on with the
	// speaker: "'...,' he said. / 'Step-by-step, ...' / He said Britain
	// would ...", also when one of them names a speaker who is no person
	// ("'...,' the recording said."); a person named in them is checked
	// below. (Requiring the paragraph to end in its mark was needed before
	// people the lists do not know were found, 3e09fb7; on the corpus it
	// now only loses right speakers.)
	for p := sp + 1; p < para; p++ {
		if b := x.body[x.paras[p].Start:x.paras[p].End]; !strings.HasPrefix(b, `"`) && !strings.HasPrefix(b, "“") {
			return "", false
		}
	}
	if para > sp {
		// A paragraph that names someone else before the pronoun has
		// moved on to them: "UN envoy Staffan de Mistura ... was more
		// cautious. '...,' he said."
		from := x.paras[sp+1].Start
		if x.mentionRuns.any(x.mentions, from, pos, func(m speakerMention) bool { return m.person >= 0 && m.person != s.person }) {
			return "", false
		}
		// Past a quoted paragraph, a surname alone moves on too: "And
		// when Trump was asked ..., he simply responded".
		if para-sp > 1 {
			if p, _ := x.surnameAfter(from-1, pos, 0, ""); p >= 0 && p != s.person {
				return "", false
			}
		}
	}
	return x.persons[s.person].name, true
}

// prevSubject returns the subject of the sentence before the one that
// opens at pron (a pronoun, or the opening mark of a quote the pronoun
// follows: resolvePronoun), when that sentence names someone else after
// it: in "Yussef Magariaf, president of the congress, offered “an apology
// to the United States ...” He pledged ..." the pronoun is Magariaf, not
// a person named later in his sentence. The subject is a person named
// within the sentence's first four words.
func (x *speakerIndex) prevSubject(pron int, g byte) (string, bool) {
	b := x.body
	s := pron
	for s > 0 && (b[s-1] == ' ' || b[s-1] == '"') {
		s--
	}
	if s > 0 && !speakerSentenceEnd(b, s-1) {
		return "", false
	}
	// A pronoun opening a paragraph goes back to the last sentence of the
	// paragraph before: "Mr. Faily dismissed criticisms of Mr.
	// al-Maliki's handling ... / He said ...".
	e := s
	for e > 0 && b[e-1] == '\n' {
		e--
	}
	// The sentence starts after the last byte before e-1 that ends one:
	// only the bytes speakerSentenceEnd can take are candidates, and
	// speakerLastEndByte finds them eight bytes at a time.
	ps := e - 1
	for ps > 0 {
		j := speakerLastEndByte(b, ps-1)
		if j < 0 {
			ps = 0
			break
		}
		if ps = j + 1; b[j] == '\n' || b[ps] == ' ' && speakerSentenceEnd(b, j) {
			break // (the space is tested first: speakerSentenceEnd is a call)
		}
		ps = j
	}
	if e-ps < 10 {
		return "", false
	}
	for ps < e && b[ps] == ' ' {
		ps++ // the sentence's first word, past the space after the last one's end
	}
	// A leading phrase that opens with a preposition or a participle ("As
	// an example of the latter, Mr. Cohen cited ...", "Speaking to Obama,
	// Putin said ...", "Unlike Mr. Netanyahu, who ..., Mr. Herzog has")
	// ends at its comma; the subject follows it. "According to X, ..."
	// names its source first, as participleOpens reads it.
	fw, rest, _ := strings.Cut(b[ps:s], " ")
	if len(fw) > 1 && strings.HasSuffix(fw, ":") && rest != "" {
		// "Update: Pressed by ...": a label before the sentence.
		ps += len(fw) + 1
		fw, rest, _ = strings.Cut(b[ps:s], " ")
	}
	if fw != "According" && (speakerWordFlags0(fw)&swPreps != 0 || speakerIngOpener(fw) || speakerPastOpener(fw, rest) || speakerOpenerPreps[lowerWord(fw)]) {
		c := strings.Index(b[ps:s], ", ")
		if c < 0 || strings.Count(b[ps:ps+c], " ") > 10 {
			return "", false
		}
		ps += c + 2
	}
	first, firstPos, other := -1, -1, false
	for _, m := range x.mentions {
		if m.person < 0 || m.pos < ps || m.pos >= s {
			continue
		}
		if firstPos < 0 || m.pos < firstPos {
			if first >= 0 && first != m.person {
				other = true
			}
			first, firstPos = m.person, m.pos
		} else if m.person != first {
			other = true
		}
	}
	// The subject may be a surname alone opening the sentence, which is
	// no mention of the scan: "Reich, who now teaches at Berkeley, has
	// emerged as one of Donald Trump's most vocal critics. He recently
	// wrote ...".
	if p, at := x.surnameAfter(ps-1, min(speakerGatherRun(b, ps), s), 0, ""); p >= 0 && (firstPos < 0 || at < firstPos) {
		if first >= 0 && first != p {
			other = true
		}
		first, firstPos = p, at
	}
	if first < 0 || strings.Count(b[ps:firstPos], " ") > 4 || strings.ContainsAny(b[ps:firstPos], ",;") {
		return "", false
	}
	runEnd := speakerGatherRun(b, firstPos)
	if run := b[firstPos:runEnd]; strings.HasSuffix(run, "'s") || strings.HasSuffix(run, "’s") {
		return "", false // "Mr. Obama's regime ...": a possessive, no subject
	}
	if speakerWordFlags0(lastWordAt(b, min(runEnd+1, s)))&swRoles != 0 {
		return "", false // "Boehner spokesman Brendan Buck": the name only says whose
	}
	if speakerInvertedCue(b[firstPos:s]) {
		// "Secretary of State Rex Tillerson approved a plan ..., said
		// Steven Goldstein": the sentence is someone else's report.
		return "", false
	}
	if p, _ := x.surnameAfter(firstPos, s, 0, ""); p >= 0 && p != first {
		other = true
	}
	if !other {
		return "", false
	}
	if pp := x.persons[first]; g != 0 && pp.gender != 0 && pp.gender != g {
		return "", false
	}
	return x.persons[first].name, true
}

// speakerLastEndByte returns the offset of the last byte of b[:i+1] that
// may end a sentence for speakerSentenceEnd (a line break, '?', '!', '.',
// '"' or the last byte of '”'), or -1, reading eight bytes at a time from
// the end.
func speakerLastEndByte(b string, i int) int {
	const ones = 0x0101010101010101
	for ; i >= 7; i -= 8 {
		x := speakerLoad8(b, i-7)
		m := quoteStops8(x) | quoteZero8(x^ones*'\n') | quoteZero8(x^ones*'"') | quoteZero8(x^ones*0x9D)
		if m != 0 {
			return i - 7 + (63-bits.LeadingZeros64(m))/8
		}
	}
	for ; i >= 0; i-- {
		switch b[i] {
		case '\n', '?', '!', '.', '"', 0x9D:
			return i
		}
	}
	return -1
}

// speakerInvertedCue reports whether s holds ", said" or ", says" with a
// capitalized word after it, or after up to three capitalized words: a
// speaker named after the words reported (", said Steven Goldstein", ",
// Rhodes said Friday"), not the content a subject said (", said the group
// is ...", ", says he's").
func speakerInvertedCue(s string) bool {
	for _, cue := range [...]string{", said ", ", says "} {
		for i := 0; ; {
			k := strings.Index(s[i:], cue)
			if k < 0 {
				break
			}
			i += k + len(cue)
			if i < len(s) && s[i] >= 'A' && s[i] <= 'Z' {
				return true
			}
		}
	}
	// "..., Rhodes said Friday.": the attribution closes the sentence.
	for i := 0; ; {
		k := strings.Index(s[i:], ", ")
		if k < 0 {
			return false
		}
		i += k + 2
		j, words := i, 0
		for j < len(s) && s[j] >= 'A' && s[j] <= 'Z' && words < 3 {
			for j < len(s) && s[j] != ' ' {
				j++
			}
			j++
			words++
		}
		if words > 0 && j <= len(s) && (strings.HasPrefix(s[j-1:], " said") || strings.HasPrefix(s[j-1:], " says")) {
			return true
		}
	}
}

// speakerQuoteCloseBefore returns where the closing mark of a quote that
// a pronoun at pron follows starts, after a comma, question or
// exclamation mark ("“...,” he said"), and the opening mark that pairs
// with it; -1 when none ends right before the pronoun.
func speakerQuoteCloseBefore(b string, pron int) (int, string) {
	e := pron
	for e > 0 && b[e-1] == ' ' {
		e--
	}
	var open string
	switch {
	case e >= 4 && b[e-3:e] == "\u201d":
		e, open = e-3, "\u201c"
	case e >= 2 && b[e-1] == '"':
		e, open = e-1, `"`
	default:
		return -1, ""
	}
	if c := b[e-1]; c != ',' && c != '?' && c != '!' {
		return -1, ""
	}
	return e, open
}

// speakerQuoteOpenBefore returns the offset of the opening mark of the
// quote that a pronoun at pron follows ("“...,” he said"), or -1 when
// none ends right before it. The mark is looked for in the quote's
// paragraph only.
func speakerQuoteOpenBefore(b string, pron int) int {
	e, open := speakerQuoteCloseBefore(b, pron)
	if e < 0 {
		return -1
	}
	// The last mark ending by e, unless a line break stands after it: one
	// walk back from e, eight bytes at a time, stops at whichever comes
	// first (strings.LastIndexByte read back to the paragraph's start,
	// and strings.LastIndex then read the text again up to the mark).
	// Neither mark holds a line break.
	const ones = 0x0101010101010101
	last := open[len(open)-1]
	i := e - 1 // the last byte a mark may end at
	for ; i >= 7; i -= 8 {
		x := speakerLoad8(b, i-7)
		for m := quoteZero8(x^ones*'\n') | quoteZero8(x^ones*uint64(last)); m != 0; {
			k := (63 - bits.LeadingZeros64(m)) / 8 // the latest candidate first
			if j := i - 7 + k; b[j] == '\n' {
				return -1
			} else if j+1 >= len(open) && b[j+1-len(open):j+1] == open {
				return j + 1 - len(open)
			}
			m &^= 0x80 << (8 * k)
		}
	}
	for ; i >= 0; i-- {
		if b[i] == '\n' {
			return -1
		}
		if b[i] == last && i+1 >= len(open) && b[i+1-len(open):i+1] == open {
			return i + 1 - len(open)
		}
	}
	return -1
}

// speakerSentenceEnd reports whether b[i] ends a sentence: a full stop
// that ends no abbreviation, a question or exclamation mark, a closing
// quotation mark after one of those, or a line break.
func speakerSentenceEnd(b string, i int) bool {
	switch c := b[i]; {
	case c == '\n' || c == '?' || c == '!':
		return true
	case c == '.':
		return !quoteAbbrevBefore(b, i)
	case c == '"' && i > 0:
		return b[i-1] == '.' || b[i-1] == '?' || b[i-1] == '!'
	case c == 0x9D && i >= 3 && b[i-2:i+1] == "\u201d":
		return b[i-3] == '.' || b[i-3] == '?' || b[i-3] == '!'
	}
	return false
}

// fullBearer returns the one person named before pos with a full name
// (two words or more) that ends in the surname w. bearers is nil or
// bearerIndex's list of the persons as they stand.
func (x *speakerIndex) fullBearer(w string, pos int, bearers map[string][]int) (string, bool) {
	if p, ok := x.lookupFold(w); ok && x.persons[p].name == w {
		// Someone is known by the surname alone: "President Obama",
		// whose wife, "first lady Michelle Obama", is no bearer.
		return "", false
	}
	found := ""
	bear := func(p *speakerPerson) bool {
		if p.first >= pos {
			return true
		}
		if found != "" && found != p.name {
			return false
		}
		found = p.name
		return true
	}
	if bearers != nil {
		for _, k := range bearers[w] {
			if !bear(&x.persons[k]) {
				return "", false
			}
		}
		return found, found != ""
	}
	for k := range x.persons {
		// The surname is a word of the name: a name not holding w is
		// passed over before speakerSurname reads it.
		p := &x.persons[k]
		if !strings.Contains(p.name, " ") || !strings.Contains(p.name, w) || speakerSurname(p.name) != w {
			continue
		}
		if !bear(p) {
			return "", false
		}
	}
	return found, found != ""
}

// bearerIndex lists the persons with a full name by surname, in order,
// for fullBearer, when they are many: a long document names thousands,
// and fullBearer is asked about each quote given to a surname alone. It
// returns nil for fewer than speakerBearerIndexMin persons, whose list is
// read as it is.
func (x *speakerIndex) bearerIndex() map[string][]int {
	if len(x.persons) < speakerBearerIndexMin {
		return nil
	}
	bearers := map[string][]int{}
	for k, p := range x.persons {
		if strings.Contains(p.name, " ") {
			sur := speakerSurname(p.name)
			bearers[sur] = append(bearers[sur], k)
		}
	}
	return bearers
}

// speakerBearerIndexMin is the number of persons from which bearerIndex
// lists them: below it, a map costs more than reading the list per quote.
const speakerBearerIndexMin = 64

// pronounReach returns where the search for the person a pronoun at pos
// stands for ends: at pos, or at its paragraph's start when the paragraph
// opens with a participle phrase. In "Describing Mr Haines as a "British
// hero", he said" the names of the phrase are its objects, and the
// pronoun is its subject.
func (x *speakerIndex) pronounReach(pos int) int {
	if len(x.paras) == 0 {
		return pos
	}
	from := x.paras[x.paraOf(pos)].Start
	if from < pos && participleOpens(x.body[from:pos]) {
		return from
	}
	return pos
}

// participleOpens reports whether a paragraph's text up to a pronoun is
// one fronted participle phrase and its comma: "Describing Mr Haines as a
// hero, ", "Asked about Putin, ". "During ..." and "According to ..." are
// prepositions, whose names may be the pronoun's ("During the years bin
// Laden lived there, he had").
func participleOpens(s string) bool {
	// The opening word is read first: few paragraphs open with a
	// participle. Cutting the words at the end below leaves it as it is
	// (or leaves nothing, which has no comma at its end), so it is the
	// opening word of the phrase tested after.
	w, _, _ := strings.Cut(strings.TrimRight(s, " "), " ")
	switch w {
	case "During", "According", "Including", "Regarding", "Concerning", "Notwithstanding":
		return false
	}
	if !speakerIngOpener(w) {
		return false
	}
	s = strings.TrimRight(s, " ")
	// The text may run up to the cue: "..., he said", "..., she also said".
	for range 2 {
		i := strings.LastIndexByte(s, ' ')
		if w := s[i+1:]; w == "he" || w == "she" || speakerSkip[w] {
			s = strings.TrimRight(s[:i+1], " ")
		}
	}
	if !strings.HasSuffix(s, ",") {
		return false
	}
	// The phrase is searched for a sentence end last: the search tests
	// every byte.
	for i := 0; i < len(s)-1; i++ {
		if speakerSentenceEnd(s, i) {
			return false // the phrase is one sentence's opening
		}
	}
	return true
}

// speakerIngOpener reports whether w, a sentence's first word, may open a
// phrase that ends at a comma before the subject: a participle
// ("Describing", "Speaking", "Asked") or a preposition in -ing ("During").
func speakerIngOpener(w string) bool {
	return w == "Asked" || len(w) > 4 && w[0] >= 'A' && w[0] <= 'Z' && strings.HasSuffix(w, "ing")
}

// speakerPastOpener reports whether a sentence whose first word is w and
// whose text goes on with rest opens with a past participle phrase:
// "Pressed by ABC News' George Stephanopoulos ..., Holder declined".
func speakerPastOpener(w, rest string) bool {
	return len(w) > 4 && w[0] >= 'A' && w[0] <= 'Z' && strings.HasSuffix(w, "ed") &&
		(strings.HasPrefix(rest, "by ") || strings.HasPrefix(rest, "about "))
}

// paraOf returns the index of the paragraph holding offset pos.
func (x *speakerIndex) paraOf(pos int) int { return paraIndex(x.paras, pos) }

// lastPerson returns the most recent person mentioned before pos that fits
// the gender (0 fits all) and, when role is set, holds that title.
func (x *speakerIndex) lastPerson(pos int, gender byte, role string) (string, bool) {
	best, bestPos := -1, -1
	if k := x.mentionRuns.latest(x.mentions, pos, func(m speakerMention) bool {
		if m.person < 0 {
			return false
		}
		p := &x.persons[m.person]
		return (gender == 0 || p.gender == 0 || p.gender == gender) &&
			!(gender != 0 && speakerRuledBy(x.body, m.pos)) &&
			(role == "" || speakerHasTitle(p.titles, role))
	}); k >= 0 {
		best, bestPos = x.mentions[k].person, x.mentions[k].pos
	}
	// A surname alone after the latest full mention is a later mention.
	if p, at := x.surnameAfter(bestPos, pos, gender, role); p >= 0 && at > bestPos && !(gender != 0 && speakerRuledBy(x.body, at)) {
		best = p
	}
	if best < 0 {
		return "", false
	}
	return x.persons[best].name, true
}

// speakerRuledBy reports whether the mention at pos names whom a regime or
// government belongs to ("fighting the regime of Bashar al-Assad"): a
// name standing for a state, which the next "he" is seldom about.
func speakerRuledBy(body string, pos int) bool {
	b, ok := strings.CutSuffix(strings.TrimSuffix(body[:pos], " "), " of")
	if !ok {
		return false
	}
	switch lastWord(b) {
	case "regime", "government", "administration", "ouster", "rule", "forces":
		return true
	}
	return false
}

// lastPersonTitled is lastPerson for a role named with more title words
// ("prime minister"): the person must hold all of them.
func (x *speakerIndex) lastPersonTitled(pos int, role string, titles []string) (string, bool) {
	if len(titles) < 2 {
		return x.lastPerson(pos, 0, role)
	}
	k := x.mentionRuns.latest(x.mentions, pos, func(m speakerMention) bool {
		if m.person < 0 {
			return false
		}
		p := &x.persons[m.person]
		for _, t := range titles {
			if t != "the" && !speakerHasTitle(p.titles, t) {
				return false
			}
		}
		return true
	})
	if k < 0 {
		return "", false
	}
	return x.persons[x.mentions[k].person].name, true
}

// onlyHolder returns the one person mentioned before pos who holds the
// role that ends the description phrase ("Israeli prime minister") and
// every title word before it. The other words may only be a people's
// adjective, a place written in capitals ("Florida") or a modifier of the
// role ("current", "top"); any other word makes the phrase no bare title.
func (x *speakerIndex) onlyHolder(phrase string, pos int) (string, bool) {
	words := strings.Fields(phrase)
	n := len(words)
	if n < 2 || n > 4 {
		return "", false
	}
	role, f := speakerWordInfo(words[n-1])
	if f&swRoles == 0 {
		return "", false
	}
	var titles, places [4]string
	nt, np := 0, 0
	for _, w := range words[:n-1] {
		lw, f := speakerWordInfo(w)
		switch {
		case lw == "us" || lw == "u.s." || speakerRoleModifiers[lw] || lw == "current" || lw == "top":
		case speakerDemonym(w) || w[0] >= 'A' && w[0] <= 'Z' && f == 0:
			places[np] = w
			np++
		case f&swTitles != 0:
			titles[nt] = lw
			nt++
		default:
			return "", false
		}
	}
	// Each person mentioned before pos is tested once, at their first
	// mention; seen is indexed by person, as a long document names
	// thousands.
	found := -1
	seen := slices.Grow(x.seen[:0], len(x.persons))[:len(x.persons)]
	clear(seen)
	x.seen = seen
	for _, m := range x.mentions {
		if m.pos >= pos || m.person < 0 || seen[m.person] {
			continue
		}
		seen[m.person] = true
		p := x.persons[m.person]
		if !speakerHasTitle(p.titles, role) {
			continue
		}
		all := true
		for _, t := range titles[:nt] {
			all = all && speakerHasTitle(p.titles, t)
		}
		for _, w := range places[:np] {
			all = all && x.namedWith(m.person, w, pos)
		}
		if !all {
			continue
		}
		if found >= 0 {
			return "", false
		}
		found = m.person
	}
	if found < 0 {
		return "", false
	}
	return x.mention(found, pos), true
}

// namedWith reports whether person p was named before pos with the word w
// (a people's adjective or a place) among the few words before the
// surname: "Israeli Prime Minister Benjamin Netanyahu" for "the Israeli
// prime minister", not "Russian Foreign Minister Sergey Lavrov" for "the
// French foreign minister".
func (x *speakerIndex) namedWith(p int, w string, pos int) bool {
	sur := speakerSurname(x.persons[p].name)
	if sur == "" {
		return false
	}
	// Whether an occurrence of the surname has w before it does not depend
	// on pos, so each occurrence is tested once per word, in text order, and
	// the first that has it is kept: it was named so before pos when it
	// ends by pos.
	offs := x.surnameOffsets(sur, pos)
	key := [2]string{sur, w}
	sc, ok := x.named[key]
	if !ok {
		sc = speakerNamedScan{first: -1}
	}
	for ; sc.first < 0 && sc.next < len(offs) && offs[sc.next]+len(sur) <= pos; sc.next++ {
		k := offs[sc.next]
		lo := max(0, k-speakerNamedWithReach)
		if nl := strings.LastIndexByte(x.body[lo:k], '\n'); nl >= 0 {
			lo += nl + 1
		}
		if quoteLastWordBefore(x.body, lo, k, w) >= 0 {
			sc.first = k
		}
	}
	if x.named == nil {
		x.named = map[[2]string]speakerNamedScan{}
	}
	x.named[key] = sc
	return sc.first >= 0 && sc.first+len(sur) <= pos
}

// surnameOffsets returns the offsets of the whole-word occurrences of sur
// in the body, in order, at least all those that end by pos: the body is
// read forward once per surname, as far as the calls have asked.
func (x *speakerIndex) surnameOffsets(sur string, pos int) []int {
	if len(x.body) >= speakerLowerWordsMin {
		// A long body's surnames are each read through much of it: its
		// capitalized words are listed in one pass instead.
		if offs, ok := x.capWordOffsets(sur); ok {
			return offs
		}
	}
	oc := x.surnames[sur]
	if oc == nil {
		if x.surnames == nil {
			x.surnames = map[string]*speakerOffsets{}
		}
		oc = &speakerOffsets{}
		x.surnames[sur] = oc
	}
	// The search reads no further than pos and the byte after it, which
	// the whole-word test needs: a surname not named again would
	// otherwise be sought through the rest of the body at every call, and
	// a long text of many people read once per surname.
	end := min(len(x.body), pos+1)
	for oc.from < len(x.body) {
		k := quoteFirstWordFrom(x.body[:end], oc.from, sur)
		if k < 0 {
			// No occurrence lies whole before end; one may start later.
			oc.from = max(oc.from, end-len(sur)+1)
			if end == len(x.body) {
				oc.from = len(x.body)
			}
			break
		}
		if k+len(sur) > pos {
			// Ending at end, it may be whole only because the search
			// stopped there: it is read again when a later pos holds it.
			oc.from = k
			break
		}
		oc.offs = append(oc.offs, k)
		oc.from = k + 1
	}
	return oc.offs
}

// capWordOffsets returns the offsets of the whole-word occurrences of sur
// in the body, as quoteFirstWordFrom finds them, when its last word opens
// with an ASCII capital; ok is false otherwise. The last word is a run of
// word bytes (speakerWordByte, the bytes quoteFirstWordFrom's test takes
// for word bytes) wherever sur stands whole, so sur's occurrences are
// those of the runs speakerCapWords lists that follow the rest of sur
// ("al-" of "al-Assad") after no word byte.
func (x *speakerIndex) capWordOffsets(sur string) (offs []int, ok bool) {
	j := len(sur)
	for j > 0 && speakerWordByte[sur[j-1]] {
		j--
	}
	if j == len(sur) || sur[j] < 'A' || sur[j] > 'Z' {
		return nil, false
	}
	if x.capWords == nil {
		x.capWords = speakerCapWords(x.body)
	}
	last := x.capWords[sur[j:]]
	if j == 0 {
		return last, true
	}
	if oc := x.surnames[sur]; oc != nil {
		return oc.offs, true
	}
	oc := &speakerOffsets{from: len(x.body)}
	for _, k := range last {
		if o := k - j; o >= 0 && x.body[o:k] == sur[:j] && (o == 0 || !speakerWordByte[x.body[o-1]]) {
			oc.offs = append(oc.offs, o)
		}
	}
	if x.surnames == nil {
		x.surnames = map[string]*speakerOffsets{}
	}
	x.surnames[sur] = oc
	return oc.offs, true
}

// speakerCapWords returns the offsets of the runs of word bytes of body
// that open with an ASCII capital, by run, in order.
func speakerCapWords(body string) map[string][]int {
	words := map[string][]int{}
	// The runs start at the capitals that follow no word byte, which
	// speakerCapsIn finds sixteen bytes at a time.
	for _, c := range speakerCapsIn(nil, body, 0, len(body)) {
		s, e := int(c.at), int(c.at)+1
		for e < len(body) && speakerWordByte[body[e]] {
			e++
		}
		words[body[s:e]] = append(words[body[s:e]], s)
	}
	return words
}

// speakerNamedWithReach bounds the bytes before a name that namedWith
// reads: a title of a few words ("Syrian Deputy Foreign Minister").
const speakerNamedWithReach = 60

func speakerHasTitle(titles []string, role string) bool {
	for _, t := range titles {
		if t == role {
			return true
		}
	}
	return false
}

// speakerPersonOf returns the place in np of a lower-case "of" that stands
// before the final name run (which starts at r), possibly with "the"
// between, when a person is named right before it: a run of two name words
// or more that holds a first name before its last word ("Senator Lindsey
// Graham of South Carolina"). An institution named after "of the" may stand
// between ("Professor Larry Kobilinsky of the John Jay College of Criminal
// Justice"). It returns -1 when the final run names a person itself or the
// run before "of" is an institution's name: "Secretary of State John
// Kerry", "the John Jay College of Criminal Justice", "Bank of America".
// speakerOrgAfter reports whether the tokens np hold an institution's word
// ("Foundation", "University").
func speakerOrgAfter(body string, toks []qTok, np []int) bool {
	for _, i := range np {
		if speakerCapitalized(body, toks[i]) && speakerTokFlags(body, toks, i)&swOrg != 0 {
			return true
		}
	}
	return false
}

func speakerPersonOf(body string, toks []qTok, np []int, r int) int {
	word := func(k int) string { return body[toks[np[k]].s:toks[np[k]].e] }
	if r >= len(np) || speakerFirstNameIn(body, toks, np[r:len(np)-1]) {
		return -1
	}
	// "Stephen Vladeck of the University of Texas School of Law": a name
	// with a first name that opens the phrase, before its first "of".
	for q := 2; q < r; q++ {
		if !toks[np[q]].is(body, "of") {
			if !speakerNameWord(body, toks[np[q]]) {
				break
			}
			continue
		}
		if q+1 < len(np) && toks[np[q+1]].is(body, "the") && speakerTokFlags(body, toks, np[q-1])&(swOrg|swTitles) == 0 &&
			(speakerFirstNameIn(body, toks, np[q-2:q]) || q == 2 && speakerNameWord(body, toks[np[0]]) &&
				speakerTokFlags(body, toks, np[0])&(swDeterminers|swOrg|swTitles) == 0 && speakerOrgAfter(body, toks, np[q+2:])) {
			// A first name the lists do not know is a person's too when
			// two words open the phrase and an institution follows:
			// "Sajjan Gohel of the Asia-Pacific Foundation".
			return q
		}
		break
	}
	for {
		q := r - 1
		if q >= 0 && word(q) == "the" {
			q--
		}
		if q < 2 || word(q) != "of" {
			return -1
		}
		p := q
		for p > 0 && speakerNameWord(body, toks[np[p-1]]) && speakerTokFlags(body, toks, np[p-1])&swDeterminers == 0 {
			p--
		}
		if q-p < 2 {
			return -1
		}
		if p >= 2 && word(p-1) == "the" && word(p-2) == "of" {
			r = p // the institution's name runs on before
			continue
		}
		if p > 0 && speakerTokFlags(body, toks, np[p-1])&swDeterminers != 0 ||
			speakerTokFlags(body, toks, np[q-1])&swOrg != 0 ||
			!speakerFirstNameIn(body, toks, np[p:q-1]) && !speakerTitledName(body, toks, np[p:q]) && !speakerInitialsIn(body, toks, np[p:q-1]) {
			return -1
		}
		return q
	}
}

// speakerTitledName reports whether a run of capitalized words ends in a
// title and two more words, a name whose first name the lists lack: "House
// Majority Leader Steny Hoyer".
func speakerTitledName(body string, toks []qTok, run []int) bool {
	n := len(run)
	return n >= 3 && speakerTokFlags(body, toks, run[n-3])&swTitles != 0 &&
		speakerTokFlags(body, toks, run[n-2])&(swTitles|swOrg|swNouns|swRoles) == 0 &&
		speakerTokFlags(body, toks, run[n-1])&(swTitles|swOrg|swNouns|swRoles) == 0
}

// speakerInitialsIn reports whether one of the tokens is an initial ("C."
// in "Representative C. A. Ruppersberger of Maryland").
func speakerInitialsIn(body string, toks []qTok, idx []int) bool {
	for _, i := range idx {
		if w := body[toks[i].s:toks[i].e]; len(w) <= 2 && w[0] >= 'A' && w[0] <= 'Z' && (len(w) == 1 || w[1] == '.') {
			return true
		}
	}
	return false
}

// speakerFirstNameIn reports whether one of the tokens is a first name.
func speakerFirstNameIn(body string, toks []qTok, idx []int) bool {
	for _, i := range idx {
		if speakerTokFlags(body, toks, i)&(swMale|swFemale) != 0 {
			return true
		}
	}
	return false
}

// speakerQuantifiers are the phrases stripped from the front of a collective
// speaker ("some of the armed groups" → "armed groups", "one senior
// administration official" → "senior administration official").
var speakerQuantifiers = []string{"some of the ", "many of the ", "most of the ", "one of the ", "all of the ",
	"several of the ", "some of ", "many of ", "most of ", "one of ", "reports in the ", "reports in ",
	"a report in the ", "a report in ", "reports from the ", "reports from ", "reports by the ", "reports by ",
	"the ", "a ", "an ", "one ", "another ", "some ", "many ", "several ", "both ", "of his ", "of her ", "of their "}

// speakerQuantifiersByFirst holds speakerQuantifiers by their first byte,
// each list in speakerQuantifiers' order.
var speakerQuantifiersByFirst = func() (t [256][]string) {
	for _, q := range speakerQuantifiers {
		t[q[0]] = append(t[q[0]], q)
	}
	return t
}()

// speakerQuantifierAt returns the length of the first of speakerQuantifiers
// that b (folded) starts with, or 0. Only the quantifiers sharing b's
// first byte can match, and those are tried in the list's order, so the
// answer is the list's first match: resolveNP strips them from every
// description it reads, and most of the thirty fail on the first byte.
func speakerQuantifierAt(b []byte) int {
	if len(b) == 0 {
		return 0
	}
	for _, q := range speakerQuantifiersByFirst[b[0]] {
		if speakerHasPrefixBytes(b, q) {
			return len(q)
		}
	}
	return 0
}

// speakerDocNouns are the writings whose author speaks through them: "his
// statement said", "Lavrov's letter reads".
var speakerDocNouns = wordSet(`statement letter tweet tweets post email e-mail memo note message op-ed column`)

// resolveAuthor resolves "Lavrov's statement", "a statement from Lavrov"
// and "his letter" to the author: a named possessor (a capitalized word
// with 's) or source, or "his" or "her" standing for a person as "he" or
// "she" would.
func (x *speakerIndex) resolveAuthor(body string, toks []qTok, np []int, pos int) (string, bool) {
	n := len(np)
	d := 0 // the noun of "a statement from Lavrov", after its article
	if n > 1 && speakerTokFlags(body, toks, np[0])&swDeterminers != 0 {
		d = 1
	}
	if n >= d+3 && speakerTokFlags(body, toks, np[d])&swDoc != 0 && speakerLower(body, toks, np[d+1]) == "from" {
		// "a statement from Lavrov", "a letter from the Kremlin".
		c := d + 2
		if n > c+1 && speakerLower(body, toks, np[c]) == "the" {
			c++
		}
		if n > c+2 && speakerRelationNouns[speakerLower(body, toks, np[c])] && speakerLower(body, toks, np[c+1]) == "of" {
			// "a statement from the office of Theresa May", "a letter
			// from the family of ...": the source is read as "the office
			// of Theresa May said" is.
			c += 2
		}
		if !speakerCapitalized(body, toks[np[c]]) {
			return "", false
		}
		name, _ := x.resolveNP(body, toks, np[d+2:], pos)
		return name, name != ""
	}
	if n < 2 || speakerTokFlags(body, toks, np[n-1])&swDoc == 0 {
		return "", false
	}
	i := np[n-2]
	w := body[toks[i].s:toks[i].e]
	switch {
	case n == 2 && strings.EqualFold(w, "his"):
		name := x.resolvePronoun('m', toks[i].s, pos)
		return name, name != ""
	case n == 2 && strings.EqualFold(w, "her"):
		name := x.resolvePronoun('f', toks[i].s, pos)
		return name, name != ""
	case speakerCapitalized(body, toks[i]) && (strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")):
		// The possessor is read as a token of its own, without the 's.
		save := toks[i]
		toks[i] = qTok{s: save.s, e: save.s + strings.LastIndexAny(w, "'’"), word: true}
		name, _ := x.resolveNP(body, toks, np[:n-1], pos)
		toks[i] = save
		return name, name != ""
	}
	return "", false
}

// resolvePronoun returns the person "he" or "she" (gender g) at offset
// at stands for, with pos where the search ends, or "".
func (x *speakerIndex) resolvePronoun(g byte, at, pos int) string {
	pos = x.pronounReach(pos)
	if name, ok := x.lastSpeaker(pos, g); ok {
		return name
	}
	if name, ok := x.prevSubject(at, g); ok {
		return name
	}
	// "Assad also had a message for Obama. “Listen to your people,” he
	// said.": a quote opening the sentence is the sentence's start.
	if open := speakerQuoteOpenBefore(x.body, at); open >= 0 {
		if name, ok := x.prevSubject(open, g); ok {
			return name
		}
	}
	// A person named after the pronoun is not what it stands for: "He
	// accused Iranian President Hassan Rouhani of ... and described him as
	// “...”" is not Rouhani's.
	if name, ok := x.lastPerson(min(pos, at), g, ""); ok {
		return name
	}
	// The latest speaker, unless a collective by a common noun: "he" is
	// not "Authorities" ("Authorities say ... He wrote").
	head := x.recent[strings.LastIndexByte(x.recent, ' ')+1:]
	if speakerWordFlags0(head)&(swNouns|swPronouns) != 0 {
		return ""
	}
	return x.recent
}

// resolveNP turns a speaker phrase (token indices into toks) into the
// canonical speaker name and the mention span, resolving pronouns,
// descriptions and surnames against what the article said before pos.
func (x *speakerIndex) resolveNP(body string, toks []qTok, np []int, pos int) (string, Span) {
	for len(np) > 0 && speakerTokFlags(body, toks, np[0])&swSkip != 0 {
		np = np[1:]
	}
	if len(np) == 0 {
		return "", Span{}
	}
	m := Span{toks[np[0]].s, toks[np[len(np)-1]].e}
	if name, ok := x.resolveAuthor(body, toks, np, pos); ok {
		return name, m
	}
	if n := len(np); n <= 2 && (n == 1 || speakerLower(body, toks, np[0]) == "the") && speakerAge(body[toks[np[n-1]].s:toks[np[n-1]].e]) {
		// "said the 46-year-old": the person last named.
		if name, ok := x.lastPerson(pos, 0, ""); ok {
			return name, m
		}
	}
	if len(np) == 1 {
		switch speakerLower(body, toks, np[0]) {
		case "he", "she":
			return x.resolvePronoun(speakerPronounGender(body[toks[np[0]].s:toks[np[0]].e]), toks[np[0]].s, pos), m
		case "they":
			best, bestPos := "", -1
			for _, c := range x.collectives {
				if c.pos < pos && c.pos > bestPos {
					best, bestPos = c.name, c.pos
				}
			}
			return best, m
		case "i", "we", "you", "it":
			return "", m
		}
	}
	// A trailing run of capitalized words is a name, unless a preposition
	// stands before it ("armed groups in eastern Aleppo").
	// "TV" is written in capitals but is a common noun: "Russian state TV"
	// is a phrase like "Russian state television".
	r := len(np)
	for r > 0 && (speakerNameWord(body, toks[np[r-1]]) && speakerTokFlags(body, toks, np[r-1])&swDeterminers == 0 &&
		!(r == len(np) && body[toks[np[r-1]].s:toks[np[r-1]].e] == "TV") ||
		r < len(np) && speakerParticle(body[toks[np[r-1]].s:toks[np[r-1]].e])) {
		r--
	}
	if q := speakerPersonOf(body, toks, np, r); q >= 0 {
		// "Lindsey Graham of South Carolina", "Jane Doe of the Brookings
		// Institution": the person before "of" speaks; the place or body
		// after it stays in the mention, for the side.
		np, r = np[:q], q
		for r > 0 && speakerNameWord(body, toks[np[r-1]]) && speakerTokFlags(body, toks, np[r-1])&swDeterminers == 0 {
			r--
		}
	} else if r >= 2 && r < len(np) && toks[np[r-1]].is(body, "of") && speakerNameWord(body, toks[np[r-2]]) &&
		speakerTokFlags(body, toks, np[r-2])&swOrg != 0 && !speakerFirstNameIn(body, toks, np[:r-2]) {
		// "The Republican Party of Wyoming", "Bank of America": an
		// institution named with "of" is one name, not the place after it
		// (unless a person stands before it: "Stephen Vladeck of the
		// University of Texas School of Law").
		r -= 2
		for r > 0 && speakerNameWord(body, toks[np[r-1]]) && speakerTokFlags(body, toks, np[r-1])&swDeterminers == 0 {
			r--
		}
		x.words, x.starts = x.words[:0], x.starts[:0]
		for _, i := range np[r:] {
			x.words = append(x.words, body[toks[i].s:toks[i].e])
			x.starts = append(x.starts, toks[i].s)
		}
		m.Start = x.starts[0]
		name := speakerJoinName(body, x.starts, x.words)
		x.addCollective(name, pos)
		return name, m
	}
	// prep is the place in np of the last preposition in lower case (a
	// capitalized one is part of a name: "Near East Policy").
	hasPrep, prep := false, -1
	for k, i := range np[:r] {
		// (The flags are read first, inlined: few words are prepositions.)
		if speakerTokFlags(body, toks, i)&swPreps != 0 && (speakerLower(body, toks, i) != "of" || k > 0 && !speakerCapitalized(body, toks[np[k-1]]) &&
			speakerRelationNouns[speakerLower(body, toks, np[k-1])]) {
			// "the family of slain journalist Steven Sotloff", "the
			// spokesman of Prime Minister Netanyahu": someone for the
			// person, as after "for"; "Secretary of State John Kerry" is
			// a title.
			hasPrep = true
			if !speakerCapitalized(body, toks[i]) {
				prep = k
			}
		}
	}
	if prep >= 0 && (speakerLower(body, toks, np[prep]) == "by" || prep > 0 && speakerCapitalized(body, toks[np[prep-1]])) {
		// A person named at the end of a title that holds a preposition
		// ("Ambassador to the United Nations John Bolton", "FBI Special
		// Agent in Charge Richard DesLauriers") or after "by" ("a dissent
		// by Judge Paul Niemeyer") is the speaker: the name starts at a
		// first name with a word after it. After a common noun the person
		// is someone else ("a spokesman for Sen. Bill Nelson").
		found := false
		for i := r; i < len(np)-1; i++ {
			if speakerTokFlags(body, toks, np[i])&(swMale|swFemale) != 0 {
				r, hasPrep, found = i, false, true
				break
			}
		}
		// A first name the lists lack: after a run of four capitalized
		// words or more ("High Commissioner for Human Rights Navi
		// Pillay"), the last two are the name.
		if !found && len(np)-r >= 4 && speakerLower(body, toks, np[prep]) != "by" &&
			speakerTokFlags(body, toks, np[len(np)-2])&(swTitles|swOrg|swNouns|swRoles) == 0 &&
			speakerTokFlags(body, toks, np[len(np)-1])&(swTitles|swOrg|swNouns|swRoles) == 0 {
			r, hasPrep = len(np)-2, false
		}
	}
	if r < len(np) && !hasPrep {
		words, starts := x.words[:0], x.starts[:0]
		for _, i := range np[r:] {
			words = append(words, body[toks[i].s:toks[i].e])
			starts = append(starts, toks[i].s)
		}
		// "the United Nations John Bolton", "Fox News Chris Wallace": an
		// institution's name run into a person's, who starts at a first
		// name right after the institution's head word.
		// The mention is then the person's name alone, so that the
		// institution does not give the person its side.
		for i := 1; i < len(words)-1; i++ {
			// words[i] is token np[r+i], whose flags the token keeps.
			if speakerTokFlags(body, toks, np[r+i])&(swMale|swFemale) != 0 && speakerTokFlags(body, toks, np[r+i-1])&swOrg != 0 {
				words, starts = words[i:], starts[i:]
				m.Start = starts[0]
				break
			}
		}
		x.words, x.starts = words, starts
		// The last word is token np[len(np)-1], whose flags say whether
		// it is an institution's word, folded as speakerOrgWords is.
		if speakerTokFlags(body, toks, np[len(np)-1])&swOrg != 0 || speakerPossessiveOrg(words[len(words)-1]) ||
			len(words) > 1 && words[len(words)-1] == "Today" {
			// "USA Today", "Russia Today": a medium, whose last word is no
			// surname.
			name := speakerJoinName(body, starts, words)
			x.addCollective(name, pos)
			return name, m
		}
		// The words are the last tokens of np, looked up above already
		// (speakerTokInfo answers what speakerWordInfo would): the split
		// takes their answers instead of looking each word up again.
		var buf [8]speakerRunWord
		info := buf[:]
		if len(words) > len(buf) {
			info = make([]speakerRunWord, len(words))
		}
		for k, i := range np[len(np)-len(words):] {
			in := &info[k]
			in.w, in.f = speakerTokInfo(body, toks, i)
			in.known = true
		}
		titles, name := speakerSplitNameInfo(words, x.titles[:0], info)
		x.titles = titles
		starts = starts[:speakerNameEnd(words, name)] // as in addRun
		if len(name) == 0 {
			// A surname that is also a title ("King" for Peter King) names
			// the person known by it.
			if len(words) == 1 {
				if p, ok := x.lookupFold(words[0]); ok {
					return x.mention(p, pos), m
				}
			}
			// A title alone: "the President" is the last person holding it,
			// "the Prime Minister" the last prime minister, not the last
			// foreign minister.
			if role := titles[len(titles)-1]; speakerRoles[role] {
				if p, ok := x.lastPersonTitled(pos, role, titles); ok {
					return p, m
				}
			}
			name := speakerJoinName(body, starts, words)
			return name, m
		}
		full := speakerJoinName(body, starts, name)
		if p, ok := x.lookupFold(full); ok {
			return x.mention(p, pos), m
		}
		if speakerParticle(name[0]) {
			// "de Mistura" for "Staffan de Mistura".
			if p, ok := x.lookupFold(name[len(name)-1]); ok {
				return x.mention(p, pos), m
			}
		}
		if len(name) == 1 {
			if len(titles) > 0 && speakerHasRole(titles) {
				return x.persons[x.addPerson(full, titles, pos, starts[len(starts)-1])].name, m
			}
			x.addCollective(full, pos)
			return full, m
		}
		return x.persons[x.addPerson(full, titles, pos, starts[len(starts)-len(name)])].name, m
	}
	// A description: strip determiners and quantifiers.
	phrase := body[toks[np[0]].s:toks[np[len(np)-1]].e]
	lp := speakerFold(x.fold[:0], phrase)
	x.fold = lp
	cut := 0
	for {
		n := speakerQuantifierAt(lp[cut:])
		if n == 0 {
			break
		}
		cut += n
	}
	definite := speakerHasPrefixBytes(lp, "the ")
	phrase = phrase[cut:]
	if phrase == "" {
		return "", m
	}
	if definite && strings.Count(phrase, " ") == 1 || definite && !strings.Contains(phrase, " ") && strings.Count(phrase, "-") == 1 {
		// "the vice president", "the foreign minister", "the
		// vice-president": the last person holding both title words.
		// "the former senator" is one too: "former" is a title word.
		a, b, spaced := strings.Cut(phrase, " ")
		if !spaced {
			a, b, _ = strings.Cut(phrase, "-")
		}
		ta, fa := speakerWordInfo(a)
		tb, fb := speakerWordInfo(b)
		switch {
		case fb&swRoles == 0:
		case fa&swTitles != 0 && fb&swTitles != 0 && a == ta && b == tb:
			if p, ok := x.lastPersonTitled(pos, tb, []string{ta, tb}); ok {
				return p, m
			}
		case spaced && speakerRoleModifiers[strings.ToLower(a)]:
			// "the new pope", "the four-star general": the last person
			// holding the role.
			if p, ok := x.lastPerson(pos, 0, tb); ok {
				return p, m
			}
		}
	}
	if definite && strings.Contains(phrase, " ") {
		// "the Israeli prime minister", "the former Florida governor":
		// the one person named so far who holds the role and its title
		// words; with two, the description is left as it is.
		if p, ok := x.onlyHolder(phrase, pos); ok {
			return p, m
		}
	}
	if definite && !strings.Contains(phrase, " ") {
		// lowerWord folds the role words, so a role comes back folded.
		if role := lowerWord(phrase); speakerRoles[role] {
			if p, ok := x.lastPerson(pos, 0, role); ok {
				return p, m
			}
		}
		// "the report said", "the embassy said": the last source named
		// with that noun ("the State Department's 2015 country report on
		// terrorism", "The U.S. embassy in Cairo").
		for k := len(x.collectives) - 1; k >= 0; k-- {
			if c := x.collectives[k]; c.pos < pos && len(c.name) > len(phrase) && strings.EqualFold(speakerHeadWord(c.name), phrase) {
				return c.name, m
			}
		}
	}
	if head := lastWord(phrase); definite && strings.Count(phrase, " ") <= 1 && speakerGroupNouns[head] {
		// "the group said", "the militant group claimed": the
		// organization last named.
		if org, ok := x.lastOrganization(m.Start, head); ok {
			return org, m
		}
	}
	x.addCollective(phrase, pos)
	return phrase, m
}

// speakerPossessiveOrg reports whether w, folded to lower case, is an
// institution's word with a possessive "'s" ("Party's"): the "'S" of a
// word in capitals folds to "'s", and no other letter folds to 's'.
func speakerPossessiveOrg(w string) bool {
	switch {
	case strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "'S"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "’S"):
		w = w[:len(w)-len("’s")]
	default:
		return false
	}
	return speakerWordFlags0(w)&swOrg != 0
}

// speakerRoleModifiers describe the holder of a role without naming
// another role: "the new pope", not "the deputy minister". ("former" is a
// title word, read with the role as "the vice president" is.)
var speakerRoleModifiers = wordSet(`new late outgoing incoming retired veteran longtime embattled
	two-star three-star four-star five-star`)

// speakerGroupNouns name an organization without naming it.
var speakerGroupNouns = wordSet(`group organization organisation militia movement faction`)

// lastOrganization returns the organization named last before pos (where
// "the <head>" stands), within quoteBeforeReach bytes: a run of capitalized words ending in an
// institution's word ("Free Syrian Army", "Islamic State" is not one: see
// speakerOrgRun) or an acronym of four letters or more ("ISIS", "AQAP").
func (x *speakerIndex) lastOrganization(pos int, head string) (string, bool) {
	// The reading below goes back past its reach to the first word of a
	// run: the list covers the body from its start.
	x.capsCover(0, pos)
	caps := x.caps
	k := sort.Search(len(caps), func(k int) bool { return int(caps[k].at) >= pos })
	for k--; k >= 0 && int(caps[k].at) > pos-quoteBeforeReach; k-- {
		c := &caps[k]
		if c.end == 0 {
			x.readCap(c)
		}
		if c.end <= 0 || int(c.end) > pos {
			continue
		}
		// Every capitalized word starts a run; the run is read from its
		// first word ("Human Rights Watch", not "Rights Watch").
		for k > 0 {
			if p := &caps[k-1]; p.end == 0 {
				x.readCap(p)
			}
			if caps[k-1].end != c.end {
				break
			}
			k--
			c = &caps[k]
		}
		if c.at > 0 && x.body[c.at-1] == '-' {
			continue // "anti-Islamic State activists": no name of its own
		}
		run := speakerStripPossessive(speakerTrimRightMarks(x.body[c.at:c.end]))
		if run = strings.TrimPrefix(run, "The "); speakerOrgRun(run) {
			// Another group that opens a sentence since is the one meant:
			// "A group of anti-Islamic State activists ... reported", then
			// "the group said".
			// (An apposition of the same, ", a group of pro-Assad
			// hackers", is no other.)
			if strings.Contains(x.body[c.end:pos], "A "+head+" ") {
				return "", false
			}
			return run, true
		}
	}
	return "", false
}

// speakerOrgRun reports whether a run of capitalized words names an
// organization: two words or more ending in an institution's word or in
// "State" after "Islamic", or one acronym of four capitals or more.
func speakerOrgRun(run string) bool {
	i := strings.LastIndexByte(run, ' ')
	if i < 0 {
		if len(run) < 4 || len(run) > 6 {
			return false
		}
		for j := 0; j < len(run); j++ {
			if run[j] < 'A' || run[j] > 'Z' {
				return false
			}
		}
		return true
	}
	last := lowerWord(run[i+1:])
	return speakerOrgWords[last] && !speakerNotGroups[last] || last == "state" && strings.HasSuffix(run[:i], "Islamic")
}

// speakerNotGroups are institution words that end no group's name:
// states, governments and the media ("the group" is not the United
// States, the White House nor Israeli TV).
var speakerNotGroups = wordSet(`states nations kingdom republic union tv television radio news press times post
	journal daily herald tribune telegraph guardian gazette reuters agency network channel magazine review
	service services house department ministry ministries government administration office congress senate
	court police commission committee bureau`)

func (x *speakerIndex) addCollective(name string, pos int) {
	x.collectives = append(x.collectives, speakerMention{pos, -1, name})
}

// speakerFirstPerson reports whether the phrase is "I" or "we": the writer
// speaks, and the quote has no speaker to register but is attributed. (A
// "he" or "she" no one named fits is not taken so: the speaker of the
// quotes around, which such a quote then takes, is most often right.)
func speakerFirstPerson(body string, toks []qTok, np []int) bool {
	if len(np) != 1 {
		return false
	}
	w := speakerLower(body, toks, np[0])
	return w == "i" || w == "we"
}

// speakerRunMayName reports whether a run of capitalized words holds a title
// or a known first name, without which addRun registers nobody.
func speakerRunMayName(run string) bool {
	for run != "" {
		w := run
		if k := strings.IndexByte(run, ' '); k >= 0 {
			w, run = run[:k], run[k+1:]
		} else {
			run = ""
		}
		if speakerPersonQuick.has(strings.TrimSuffix(speakerStripPossessive(w), ".")) {
			return true
		}
	}
	return false
}

// quickSet is a set of lower-case ASCII words bucketed by first letter and
// length, faster than a map for the hot scans. has matches a word whose
// first letter may be upper case.
type quickSet [26][24][]string

func newQuickSet(words map[string]bool) *quickSet {
	q := new(quickSet)
	for w := range words {
		if len(w) == 0 || len(w) >= 24 || w[0] < 'a' || w[0] > 'z' {
			continue
		}
		q[w[0]-'a'][len(w)] = append(q[w[0]-'a'][len(w)], w)
	}
	return q
}

func (q *quickSet) has(w string) bool {
	if len(w) == 0 || len(w) >= 24 {
		return false
	}
	c := w[0]
	if c >= 'A' && c <= 'Z' {
		c += 'a' - 'A'
	}
	if c < 'a' || c > 'z' {
		return false
	}
	if len(w) == 1 {
		return len(q[c-'a'][1]) > 0
	}
	// The second letters are compared first: most words of a bucket
	// differ there, and the string compare is a call.
	for _, x := range q[c-'a'][len(w)] {
		if x[1] == w[1] && x[2:] == w[2:] {
			return true
		}
	}
	return false
}

var (
	// speakerPersonQuick holds first names, roles and honorifics: a run of
	// capitalized words without one names no person addRun would keep.
	speakerPersonQuick = newQuickSet(func() map[string]bool {
		m := map[string]bool{}
		for _, set := range []map[string]bool{speakerRoles, speakerHonorifics, speakerMaleNames, speakerFemaleNames} {
			for w := range set {
				m[strings.TrimSuffix(w, ".")] = true
			}
		}
		return m
	}())
)

// speakerTrimRightMarks is strings.TrimRight(w, ".’'") without the slow
// rune-by-rune path TrimRight takes for a cutset that is not all ASCII.
func speakerTrimRightMarks(w string) string {
	for len(w) > 0 {
		switch {
		case w[len(w)-1] == '.' || w[len(w)-1] == '\'':
			w = w[:len(w)-1]
		case strings.HasSuffix(w, "’"):
			w = w[:len(w)-len("’")]
		default:
			return w
		}
	}
	return w
}
