package analysis_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/shareddata"
)

// The -update flag rewrites golden files. Other test files of the package may
// declare it too, so it is registered here only when nobody has yet.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files under testdata/")
	}
}

// cleanUpdating reports whether the test run was asked to rewrite golden files.
func cleanUpdating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// cleanCase is one table case: Clean(raw, known) must return want.
type cleanCase struct {
	name  string
	raw   string
	known analysis.Meta
	want  analysis.Document
}

// runCleanCases runs a table of cleanCases, comparing whole Documents.
func runCleanCases(t *testing.T, cases []cleanCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := analysis.Clean(tc.raw, tc.known)
			if got.Title != tc.want.Title {
				t.Errorf("Title: got %q, want %q", got.Title, tc.want.Title)
			}
			if got.Published != tc.want.Published {
				t.Errorf("Published: got %q, want %q", got.Published, tc.want.Published)
			}
			if got.Body != tc.want.Body {
				t.Errorf("Body:\ngot  %q\nwant %q", got.Body, tc.want.Body)
			}
		})
	}
}

// cleanBody is the paragraph every chrome case keeps, so that each case shows
// only what its own line does.
const cleanBody = "The army said it had taken the district."

func TestCleanChrome(t *testing.T) {
	title := analysis.Meta{Title: "Known"}
	dropped := func(name, line string) cleanCase {
		return cleanCase{name: name, raw: line + "\n\n" + cleanBody, known: title,
			want: analysis.Document{Title: "Known", Body: cleanBody}}
	}
	kept := func(name, line string) cleanCase {
		return cleanCase{name: name, raw: line + "\n\n" + cleanBody, known: title,
			want: analysis.Document{Title: "Known", Body: line + "\n\n" + cleanBody}}
	}
	runCleanCases(t, []cleanCase{
		dropped("IconRun", "icon bookmark-bicon bookmarkicon cameraicon checkicon chevron downicon closeicon"),
		kept("IconWordsInSentence", "The iconic bridge, an icon of the city and an icon of silicon wealth, was shut."),
		dropped("ShareBar", "Share Tweet Post Email"),
		dropped("ShareBarInCapitals", "SHARE THIS ARTICLE Share Tweet Post Email"),
		dropped("VideoBlurb", "CLOSE Secretary of State John Kerry said chemical weapons were used in Syria. VPC"),
		dropped("VideoBlurbOpeningWithNumber", "CLOSE 9/11 victims' loved ones marked the 12th anniversary of the attacks Wednesday. USA TODAY"),
		kept("CapitalsSentence", "CLOSE TO 300 PEOPLE WERE KILLED IN THE ATTACK, OFFICIALS SAID."),
		dropped("CaptionWithAgencyCredit", "President Donald Trump speaks to reporters in Morristown, N.J., August 15, 2019. (Jonathan Ernst/Reuters)"),
		dropped("CaptionViaAgency", "Iran's President Hassan Rouhani in Tehran, Sept. 27, 2019. Rouhani said U.S. sanctions are \"more unstable than ever.\" (Iranian Presidency Office via AP)"),
		dropped("CreditWithPhotoLabel", "(Reuters photo: Joshua Roberts)"),
		dropped("StockPhotoLabel", "At the Western Wall in Jerusalem (Dreamstime photo: Felix Bensman)"),
		dropped("CaptionWithTrailingCredit", "Mike Pence speaking at an AIPAC conference. He wasn’t there for “the Benjamins.” Photo: Chip Somodevilla/Getty Images"),
		kept("PhotoInSentence", "The photo showed the convoy. Photo evidence was later shared with the UN."),
		dropped("CaptionWithPhotoLabel", "President Obama with Prime Minister Netanyahu at the White House in 2011. (Reuters photo: Jim Young)"),
		dropped("NameWithAgencyCredit", "Secretary of State Mike Pompeo (Mandel Ngan/Reuters)"),
		kept("ParenthesisAfterSentence", "The vote was close. (The count went on past midnight.)"),
		dropped("SlideShowLabel", "Slide Show"),
		dropped("ListenBarWithDuration", "LISTEN TO ARTICLE 4:13 SHARE THIS ARTICLE Share Tweet Post Email"),
		kept("ArticleInSentence", "Article 5 of the treaty obliges every member to come to the aid of the others."),
		dropped("Advertisement", "Advertisement"),
		dropped("AdvertisementWithColon", "Advertisement:"),
		dropped("AdvertisementContinueReading", "Advertisement Continue reading the main story"),
		dropped("SignIn", "Sign in"),
		dropped("SubscribeButton", "Subscribe"),
		dropped("PlayerLabel", "Play Facebook"),
		kept("UIWordsInSentence", "Share prices fell after the advertisement aired on Monday."),
		kept("UIWordsEndingASentence", "Watch the video."),
		kept("SignInSentence", "A sign in the window read: closed until further notice."),
		dropped("ReadMoreCapitals", "READ MORE: Moscow slams West for staying silent on Russian hospital bombing"),
		dropped("ReadMoreNoColonInCapitals", "READ MORE Moscow slams West"),
		dropped("ReadMoreColon", "Read more: Why the talks failed"),
		dropped("ReadMoreAlone", "Read more"),
		dropped("Related", "Related: Russia, US to start talks on rebel withdrawal"),
		dropped("AlsoRead", "Also read: The siege of Aleppo in numbers"),
		dropped("SeeAlso", "SEE ALSO: Syrian opposition rejects any U.S. plan"),
		dropped("MoreColon", "More: What we know about the U.S. airstrikes on Syria"),
		dropped("PhotosInParentheses", "( PHOTOS: Scenes from Syria)"),
		dropped("MoreOnThis", "More On This..."),
		dropped("AlsoOnOutlet", "( Also on POLITICO: Clinton returns to public stage)"),
		dropped("MoreFromOutlet", "More from CNN: Aleppo after the siege"),
		kept("AlsoOnInSentence", "Also on Monday, Kerry said the talks would resume."),
		kept("AlsoOnDayColon", "Also on Monday: Kerry said the talks would resume."),
		kept("MoreFromPersonColon", "More from Obama: we will not be deterred by them."),
		kept("MoreFromWithoutColon", "More from Russia and Iran arrived in Aleppo on Tuesday."),
		kept("ReadMoreInSentence", "Read more carefully, the report says something else."),
		kept("RelatedInSentence", "Related talks were held in Geneva on Tuesday."),
		kept("MoreThan", "More than 100 people were killed in the strikes."),
		kept("SeeAlsoInSentence", "See also the earlier statement, which denied it."),
		kept("WatchList", "Watch-list countries were named in the order."),
		kept("MoreInCapitalsHeadline", "MORE THAN 100 KILLED IN ALEPPO"),
		dropped("ShareThisArticle", "Share this article"),
		dropped("FollowUsOnTwitter", "Follow us on Twitter @CNNOpinion."),
		dropped("FollowHandle", "Follow @politicalticker Follow @KilloughCNN"),
		dropped("FollowPageOnSites", "Follow CNN Opinion Join us on Twitter and Facebook"),
		dropped("FollowAuthor", "Follow Thomas D. Williams on Twitter @tdwilliamsrome"),
		dropped("FollowFirstName", "Follow Jacob on Twitter"),
		kept("FollowSiteInSentence", "Follow-up reports on Twitter said the convoy had turned back."),
		kept("FollowQuoted", "Follow Putin on Facebook, he joked, “and you will learn nothing”"),
		dropped("SlideshowCount", "Slideshow (26 Images)"),
		dropped("GalleryCaptions", "Photos: Unrest in Syria Photos: Unrest in Syria Syrian civil war in photos – "+
			"Rebels fire at a government position in Aleppo, “We will not leave,” one said. Hide Caption 1 of 12 "+
			"Photos: Unrest in Syria A boy walks past a destroyed tank. Hide Caption 2 of 12"),
		dropped("GallerySlideLine", "Hide Caption 4 of 13 Photos: Victims of the Paris terror attacks Economist Bernard Maris was among the magazine's contributors."),
		dropped("GalleryTitleRepeated", "Photos: Hostage situation at Paris grocery Photos: Hostage situation at Paris grocery "+
			"A police officer closes the bullet ridden door next to a body lying in a kosher grocery store in Paris on Friday, "+
			"after the police stormed the store and a search began for a suspected accomplice."),
		dropped("GallerySlideWithButtons", "Hide caption People hold signs reading \"I am Charlie\" during the moment of silence. Previous Next Matthieu Alexandre/AFP/Getty Images"),
		dropped("SignUpForm", "Newsletter Sign Up Continue reading the main story Please verify you're not a robot by clicking the box. "+
			"Invalid email address. Please re-enter. You must select a newsletter to subscribe to. Sign Up You will receive emails "+
			"containing news content , updates and promotions from The New York Times. You may opt-out at any time. You agree to "+
			"receive occasional updates and special offers for The New York Times's products and services. Thank you for "+
			"subscribing. An error has occurred. Please try again later. View all New York Times newsletters."),
		kept("RobotInNews", "The drone, the ministry said, was not a robot but a remotely piloted aircraft, and officials would sign up more pilots."),
		dropped("PhotoCaption", "The gutted U.S. Consulate in Benghazi, Libya, on Sept. 12 after the fatal attack. (Photo: Ibrahim Alaguri, AP)"),
		kept("PhotoInNews", "The rebels released a picture of the convoy (photo: see below), the agency said."),
		kept("HideCaptionInNews", "Readers could not find the Hide Caption button, the editor said, and complained in 12 of 40 letters."),
		dropped("PhotosCount", "Photos 1 of 12"),
		kept("CountInNews", "Watch 2016 turn into the year of the siege, the envoy warned the council"),
		dropped("SubscribeToNewsletter", "Subscribe to our newsletter"),
		dropped("SignUpForNewsletters", "Sign up for Daily Newsletters Manage Newsletters"),
		dropped("ClickHere", "Click here to read more from the Globe and Mail."),
		dropped("StoryContinuedBelow", "Story Continued Below"),
		dropped("ReadOrShare", "Read or Share this story: http://usat.ly/1QvWZBX"),
		dropped("ReadMoreFrom", "Read more from SkyNews."),
		dropped("NewsletterPlug", "Daily politics news delivered to your inbox: sign up for our newsletter"),
		dropped("ProgrammePlug", "Watch State of the Union with Candy Crowley Sundays at 9am ET. For the latest from State of the Union click here."),
		dropped("SignUpHere", "Want FOX News First in your inbox every day? Sign up here. To catch Chris live online daily at 11:30 a.m. ET, click here."),
		dropped("SignUpAgreement", "Email Sign Up By signing up you agree to receive email newsletters or alerts from POLITICO."),
		dropped("PollPlug", "Should Obama Order Strikes on ISIS in Syria? Vote Here"),
		dropped("PollPlugAfterFullStop", "Newsmax Readers Weigh In on Israel. Vote Now"),
		dropped("VoteNowLabel", "Vote Now:"),
		dropped("GenreLabel", "ANALYSIS/OPINION:"),
		dropped("UrgentLabel", "Urgent:"),
		kept("VoteNowInNews", "Congress must vote now, the senator said, or the aid will lapse."),
		kept("VoteHereInNews", "Refugees cannot Vote here."),
		kept("SigningUpInNews", "Operatives risk offending the Clintons by signing up with other campaigns."),
		kept("SignUpInNews", "Few people would sign up, officials said."),
		kept("SignUpQuoted", "“Why don’t you sign up for the newsletter?” he asked. “Click here.”"),
		kept("LabelWordInSentence", "Analysis of the footage showed the strike hit a hospital."),
		dropped("VideoPlayer", "JUST WATCHED Obama speaks Replay More Videos ... MUST WATCH Obama speaks 02:12"),
		dropped("ImageCaption", "Image copyright Reuters Image caption Police led people to safety"),
		dropped("Copyright", "Copyright © 2019 The Washington Times, LLC. Click here for reprint permission."),
		kept("FollowInSentence", "Follow the money, the senator told reporters, and you will find who paid."),
		kept("SubscribersInSentence", "Subscribers to the newsletter complained about the change."),
		kept("LongParagraphOpeningWithPrompt", "Continue reading the list of demands and you find "+
			strings.Repeat("one more clause about the prisoners and the border crossings, ", 5)+"the envoy said."),
		dropped("CookieNotice", "We use cookies to improve your experience. By continuing, you accept our use of cookies."),
		kept("CookiesInSentence", "The bakery sold cookies to soldiers at the checkpoint, and the army accepted them."),
		dropped("Separator", "* * *"),
		dropped("Underscores", "___"),
		dropped("Placeholder", "[pullquote]"),
		dropped("PhotoCredit", "Rob Griffith/AP Photo"),
		dropped("PhotoCreditVia", "Saul Loeb/AFP via Getty Images"),
		kept("PollWithSlash", "The AP/Ipsos poll found support had fallen"),
		dropped("RelativeTime", "6 years ago"),
		kept("RelativeTimeInSentence", "Six years ago the city fell."),
		kept("Russian", "Министр иностранных дел России Сергей Лавров заявил, что США отозвали свои предложения."),
		kept("RussianShortLine", "Поделиться"),
		kept("Arabic", "قال وزير الخارجية الروسي سيرغي لافروف إن الولايات المتحدة سحبت مقترحاتها بشأن حلب."),
		kept("Chinese", "俄罗斯外长拉夫罗夫表示，美国撤回了关于阿勒颇的提议。"),
	})
}

func TestCleanChromeBetweenParagraphs(t *testing.T) {
	runCleanCases(t, []cleanCase{
		{
			name:  "DroppedLineKeepsTheBreak",
			raw:   "First paragraph.\n\nShare\n\nSecond paragraph.",
			known: analysis.Meta{Title: "T"},
			want:  analysis.Document{Title: "T", Body: "First paragraph.\n\nSecond paragraph."},
		},
		{
			name:  "DroppedLineInsideAParagraph",
			raw:   "First line of a quote,\nAdvertisement\nsecond line of it.\n\nNext paragraph.",
			known: analysis.Meta{Title: "T"},
			want:  analysis.Document{Title: "T", Body: "First line of a quote,\nsecond line of it.\n\nNext paragraph."},
		},
	})
}

func TestCleanTitle(t *testing.T) {
	runCleanCases(t, []cleanCase{
		{
			name: "FirstLineIsTitle",
			raw:  "Aleppo talks collapse\n\nThe talks collapsed on Tuesday.\n\nBoth sides blamed each other.",
			want: analysis.Document{Title: "Aleppo talks collapse", Body: "The talks collapsed on Tuesday.\n\nBoth sides blamed each other."},
		},
		{
			name: "TitleAfterChromeAndDate",
			raw:  "Share Tweet Email\n6 Dec, 2016 09:15\n\nAleppo talks collapse\n\nThe talks collapsed.",
			want: analysis.Document{Title: "Aleppo talks collapse", Published: "2016-12-06T09:15:00Z", Body: "The talks collapsed."},
		},
		{
			name: "BylineIsNotTitle",
			raw:  "By Jane Doe and John Roe, Associated Press\n\nAleppo talks collapse\n\nThe talks collapsed.",
			want: analysis.Document{Title: "Aleppo talks collapse", Body: "The talks collapsed."},
		},
		{
			name: "TitleThenBylineThenDate",
			raw:  "Aleppo talks collapse\nBy Jane Doe\nDecember 6, 2016\n\nThe talks collapsed.",
			want: analysis.Document{Title: "Aleppo talks collapse", Published: "2016-12-06", Body: "The talks collapsed."},
		},
		{
			name:  "KnownTitleWins",
			raw:   "Some other headline\n\nThe talks collapsed.",
			known: analysis.Meta{Title: "Aleppo talks collapse"},
			want:  analysis.Document{Title: "Aleppo talks collapse", Body: "Some other headline\n\nThe talks collapsed."},
		},
		{
			name:  "KnownTitleRemovedFromBody",
			raw:   "ALEPPO TALKS COLLAPSE — ‘no deal’\n\nThe talks collapsed.",
			known: analysis.Meta{Title: "Aleppo talks collapse - 'No deal'"},
			want:  analysis.Document{Title: "Aleppo talks collapse - 'No deal'", Body: "The talks collapsed."},
		},
		{
			name:  "KnownTitleOnlyRemovedAtTheTop",
			raw:   "The talks collapsed.\n\nAleppo talks collapse",
			known: analysis.Meta{Title: "Aleppo talks collapse"},
			want:  analysis.Document{Title: "Aleppo talks collapse", Body: "The talks collapsed.\n\nAleppo talks collapse"},
		},
		{
			name: "BylineOverAgencyIsNeitherTitleNorText",
			raw:  "Kim Hjelmgaard, and William M. Welch\n\nUSA TODAY\n\nThe talks collapsed.\n\nBoth sides blamed each other.",
			want: analysis.Document{Body: "The talks collapsed.\n\nBoth sides blamed each other."},
		},
		{
			name:  "BylineOverAgencyUnderKnownTitle",
			raw:   "John Bacon\nUSA TODAY\n\nThe talks collapsed.",
			known: analysis.Meta{Title: "Aleppo talks collapse"},
			want:  analysis.Document{Title: "Aleppo talks collapse", Body: "The talks collapsed."},
		},
		{
			// In the AllSides corpus the five articles that open on a
			// person's name alone (op-eds, a podcast, a wire story) all
			// open on their writer's.
			name: "BareNameIsByline",
			raw:  "Scott Jennings\n\nThe talks collapsed.",
			want: analysis.Document{Body: "The talks collapsed."},
		},
		{
			name: "BareNamesJoinedAreByline",
			raw:  "Jane Doe and John Roe\n\nThe talks collapsed.",
			want: analysis.Document{Body: "The talks collapsed."},
		},
		{
			name: "TitleCaseHeadlineStaysTitle",
			raw:  "Boston Marathon Bombing\n\nThe talks collapsed.",
			want: analysis.Document{Title: "Boston Marathon Bombing", Body: "The talks collapsed."},
		},
		{
			name: "StoryHighlightsLabelLeavesTitle",
			raw:  "Story highlights Hamas' Cabinet headquarters is destroyed, Hamas TV reports\n\nThe talks collapsed.",
			want: analysis.Document{Title: "Hamas' Cabinet headquarters is destroyed, Hamas TV reports", Body: "The talks collapsed."},
		},
		{
			name: "CaptionAndCreditBeforeHeadline",
			raw:  "Netanyahu also noted that Hamas had rejected several cease-fire offers. | AP Photo Netanyahu says Hamas violating its own cease-fire\n\nThe talks collapsed.",
			want: analysis.Document{Title: "Netanyahu says Hamas violating its own cease-fire", Body: "The talks collapsed."},
		},
		{
			name: "PhotographerCreditBeforeHeadline",
			raw:  "Barbara Mikulski and Richard Shelby hammered out the bill together. | John Shinkle/POLITICO Senate takes its own path on CR\n\nThe talks collapsed.",
			want: analysis.Document{Title: "Senate takes its own path on CR", Body: "The talks collapsed."},
		},
		{
			name: "CaptionBeforeStoryHighlights",
			raw:  "Boston Marathon bombing suspect Dzhokhar Tsarnaev. (Photo: AP) Story Highlights If convicted, Tsarnaev could face the death penalty\n\nThe talks collapsed.",
			want: analysis.Document{Title: "If convicted, Tsarnaev could face the death penalty", Body: "The talks collapsed."},
		},
		{
			name: "PlayerAttributeBeforeHeadline",
			raw:  "poster=\"http://v.politico.com/images/1155968404/201709/3112/vs.jpg?pubId=1155968404\" Trump commemorates 9/11 anniversary\n\nThe talks collapsed.",
			want: analysis.Document{Title: "Trump commemorates 9/11 anniversary", Body: "The talks collapsed."},
		},
		{
			name: "BarInHeadlineStays",
			raw:  "Aleppo talks | Day two\n\nThe talks collapsed.",
			want: analysis.Document{Title: "Aleppo talks | Day two", Body: "The talks collapsed."},
		},
		{
			name: "TimeOfDayIsNoTitle",
			raw:  "3:54 p.m.\n\nThe talks collapsed.",
			want: analysis.Document{Body: "3:54 p.m.\n\nThe talks collapsed."},
		},
		{
			name: "LineAfterLabelIsNotTitle",
			raw:  "ANALYSIS/OPINION:\n\nPutin's rescue spares Obama defeat, but at what cost?\n\nThe talks collapsed.",
			want: analysis.Document{Body: "Putin's rescue spares Obama defeat, but at what cost?\n\nThe talks collapsed."},
		},
		{
			name: "LedeIsNotTitle",
			raw: "Russia, the Syrian regime's top ally, reacted strongly to the air strikes launched by the United States and its allies early Saturday, warning of consequences.\n" +
				"The strikes hit three sites.",
			want: analysis.Document{Body: "Russia, the Syrian regime's top ally, reacted strongly to the air strikes launched by the United States and its allies early Saturday, warning of consequences.\n\n" +
				"The strikes hit three sites."},
		},
		{
			name: "LedeEndingInQuoteIsNotTitle",
			raw:  "Russia reacted strongly to the strikes on Saturday, warning of \"consequences.\"\nThe strikes hit three sites.",
			want: analysis.Document{Body: "Russia reacted strongly to the strikes on Saturday, warning of \"consequences.\"\n\nThe strikes hit three sites."},
		},
		{
			name: "BulletIsNotTitle",
			raw:  "• A daily summary of global reports on security issues.\n\nThe talks collapsed.",
			want: analysis.Document{Body: "• A daily summary of global reports on security issues.\n\nThe talks collapsed."},
		},
		{
			name: "SectionHeadIsNotTitle",
			raw:  "Its prospects:\n\nThe strikes hit three sites.",
			want: analysis.Document{Body: "Its prospects:\n\nThe strikes hit three sites."},
		},
		{
			name: "ShortSentenceCanBeTitle",
			raw:  "Talks fail.\n\nThe strikes hit three sites.",
			want: analysis.Document{Title: "Talks fail.", Body: "The strikes hit three sites."},
		},
		{
			name:  "SentenceOpeningWithByIsNotByline",
			raw:   "By Monday, the army had left the city.\n\nNobody returned.",
			known: analysis.Meta{Title: "T"},
			want:  analysis.Document{Title: "T", Body: "By Monday, the army had left the city.\n\nNobody returned."},
		},
		{
			name: "RussianTitle",
			raw:  "США отозвали предложения по Алеппо\n\nМинистр иностранных дел России Сергей Лавров заявил об этом во вторник.",
			want: analysis.Document{Title: "США отозвали предложения по Алеппо", Body: "Министр иностранных дел России Сергей Лавров заявил об этом во вторник."},
		},
		{
			name: "ArabicTitle",
			raw:  "لافروف: واشنطن سحبت مقترحاتها بشأن حلب\n\nقال وزير الخارجية الروسي إن الولايات المتحدة سحبت مقترحاتها.\n\nوأضاف أن المشاورات ألغيت.",
			want: analysis.Document{Title: "لافروف: واشنطن سحبت مقترحاتها بشأن حلب", Body: "قال وزير الخارجية الروسي إن الولايات المتحدة سحبت مقترحاتها.\n\nوأضاف أن المشاورات ألغيت."},
		},
	})
}

func TestCleanDate(t *testing.T) {
	date := func(name, line, want string) cleanCase {
		return cleanCase{name: name, raw: line + "\n\nHeadline\n\n" + cleanBody,
			want: analysis.Document{Title: "Headline", Published: want, Body: cleanBody}}
	}
	notDate := func(name, line string) cleanCase {
		return cleanCase{name: name, raw: "Headline\n\n" + line + "\n\n" + cleanBody,
			want: analysis.Document{Title: "Headline", Body: line + "\n\n" + cleanBody}}
	}
	runCleanCases(t, []cleanCase{
		date("DayMonCommaYearTime", "6 Dec, 2016 09:15", "2016-12-06T09:15:00Z"),
		date("MonthDayYear", "December 6, 2016", "2016-12-06"),
		date("AbbreviatedMonthWithPeriod", "Dec. 6, 2016", "2016-12-06"),
		date("DayMonthYear", "6 December 2016", "2016-12-06"),
		date("WeekdayDayMonYear", "Wed 05 Apr 2017", "2017-04-05"),
		date("WeekdayMonthDayYear12Hour", "Wednesday, April 5, 2017 10:32 AM", "2017-04-05T10:32:00Z"),
		date("PMTime", "April 5, 2017 at 3:05pm", "2017-04-05T15:05:00Z"),
		date("MidnightAM", "April 5, 2017 12:10 a.m.", "2017-04-05T00:10:00Z"),
		date("Ordinal", "December 6th, 2016", "2016-12-06"),
		date("ISODate", "2016-12-06", "2016-12-06"),
		date("RFC3339", "2016-12-06T09:15:00Z", "2016-12-06T09:15:00Z"),
		date("RFC3339Offset", "2016-12-06T09:15:00+03:00", "2016-12-06T09:15:00+03:00"),
		date("ISOWithoutZone", "2016-12-06T09:15", "2016-12-06T09:15:00Z"),
		date("ISODateSpaceTime", "2016-12-06 09:15:30", "2016-12-06T09:15:30Z"),
		date("ZoneName", "6 Dec 2016 09:15 GMT", "2016-12-06T09:15:00Z"),
		date("ZoneEST", "Dec 6, 2016 9:15 AM EST", "2016-12-06T09:15:00-05:00"),
		date("USZoneInWinter", "Dec 6, 2016 9:15 AM ET", "2016-12-06T09:15:00-05:00"),
		date("USZoneInSummer", "Apr 5, 2017 10:32 AM ET", "2017-04-05T10:32:00-04:00"),
		date("NumericOffset", "6 Dec 2016 09:15 +0300", "2016-12-06T09:15:00+03:00"),
		date("Labelled", "Published: 6 Dec, 2016 09:15", "2016-12-06T09:15:00Z"),
		date("PublishedAndEdited", "6 Dec, 2016 09:15 Edited time: 7 Dec, 2016 12:01", "2016-12-06T09:15:00Z"),
		date("PublishedLabelWins", "Updated 7 Dec 2016 | Published 6 Dec 2016", "2016-12-06"),
		date("BylineAndDate", "By Jane Doe | December 6, 2016", "2016-12-06"),
		date("BylineMiddleDot", "By John Smith · March 3, 2016", "2016-03-03"),
		date("BylineBullet", "By John Smith • March 3, 2016", "2016-03-03"),
		date("UpdatedAfterMiddleDot", "Published March 3, 2016 · Updated March 4, 2016", "2016-03-03"),
		date("DayFirstSlashes", "25/12/2016", "2016-12-25"),
		date("MonthFirstSlashes", "12/25/2016", "2016-12-25"),
		date("SameDayAndMonth", "06/06/2016", "2016-06-06"),
		date("Dots", "06.12.2016", "2016-12-06"),
		date("YearFirstSlashes", "2016/12/06", "2016-12-06"),
		date("LeapDay", "29 Feb 2016", "2016-02-29"),
		date("TimeBeforeNumericDate", "Updated 4:32 p.m. ET, 5/30/2014", "2014-05-30T16:32:00-04:00"),
		notDate("AmbiguousSlashes", "06/12/2016"),
		notDate("NoLeapDay", "29 Feb 2017"),
		notDate("DayOutOfRange", "31 April 2016"),
		notDate("MonthOutOfRange", "2016-13-06"),
		notDate("YearTooEarly", "6 December 1850"),
		notDate("YearTooLate", "6 December 2101"),
		notDate("HourOutOfRange", "6 Dec 2016 25:10"),
		notDate("NoDay", "December 2016"),
		notDate("NoYear", "December 6"),
		notDate("YearAlone", "2016"),
		notDate("TwoDigitYear", "12/25/16"),
		notDate("DateInSentence", "On December 6, 2016, the talks collapsed."),
		notDate("NumbersThatAreNoDate", "12 killed in 2016"),
		{
			name:  "KnownDateWinsAndDateLineGoes",
			raw:   "6 Dec, 2016 09:15\n\nHeadline\n\n" + cleanBody,
			known: analysis.Meta{Published: "2016-12-07"},
			want:  analysis.Document{Title: "Headline", Published: "2016-12-07", Body: cleanBody},
		},
		{
			name: "DateLineDeepInBodyStays",
			raw:  "Headline\n\n" + cleanBody + "\n\nDecember 6, 2016",
			want: analysis.Document{Title: "Headline", Body: cleanBody + "\n\nDecember 6, 2016"},
		},
		{
			name: "NoDate",
			raw:  "Headline\n\n" + cleanBody,
			want: analysis.Document{Title: "Headline", Body: cleanBody},
		},
	})
}

func TestCleanText(t *testing.T) {
	known := analysis.Meta{Title: "T"}
	doc := func(b string) analysis.Document { return analysis.Document{Title: "T", Body: b} }
	runCleanCases(t, []cleanCase{
		{name: "Empty", raw: "", want: analysis.Document{}},
		{name: "OnlyChrome", raw: "Share\nTweet\n\nAdvertisement", known: known, want: doc("")},
		{name: "BlankLinesSeparateParagraphs", raw: "One.\n\n\n\nTwo.\n\nThree.", known: known, want: doc("One.\n\nTwo.\n\nThree.")},
		{name: "LineBreakInsideParagraphStays", raw: "“We will not leave,\nwe will stay,” he said.\n\nTwo.", known: known, want: doc("“We will not leave,\nwe will stay,” he said.\n\nTwo.")},
		{name: "NoBlankLineMeansLinePerParagraph", raw: "One.\nTwo.\nThree.\n", known: known, want: doc("One.\n\nTwo.\n\nThree.")},
		{name: "SingleLine", raw: "  One line only.  ", known: known, want: doc("One line only.")},
		{name: "WhitespaceOnlyLineIsBlank", raw: "One.\n \t \nTwo.\nStill two.", known: known, want: doc("One.\n\nTwo.\nStill two.")},
		{name: "CRLF", raw: "One.\r\n\r\nTwo.\r\nStill two.\r\n", known: known, want: doc("One.\n\nTwo.\nStill two.")},
		{name: "BareCR", raw: "One.\r\rTwo.", known: known, want: doc("One.\n\nTwo.")},
		{name: "LineSeparatorBreaksLine", raw: "One.\u2028Still one.\n\nTwo.", known: known, want: doc("One.\nStill one.\n\nTwo.")},
		{name: "ParagraphSeparatorBreaksLine", raw: "One.\u2029Still one.\n\nTwo.", known: known, want: doc("One.\nStill one.\n\nTwo.")},
		{name: "ControlCharactersDropped", raw: "On\x00e.\x07\n\nT\x1bwo.", known: known, want: doc("One.\n\nTwo.")},
		{name: "TabsKept", raw: "One\tand a tab.", known: known, want: doc("One\tand a tab.")},
		{name: "NoBreakSpaceBecomesSpace", raw: "Mr.\u00a0Lavrov said so.\u00a0", known: known, want: doc("Mr. Lavrov said so.")},
		{name: "InnerSpacesKept", raw: "Two  spaces   stay.", known: known, want: doc("Two  spaces   stay.")},
		{name: "InvalidUTF8Replaced", raw: "Bad \xff\xfe byte.", known: known, want: doc("Bad \uFFFD\uFFFD byte.")},
		{name: "ByteOrderMarkDropped", raw: "\uFEFFOne.", known: known, want: doc("One.")},
		{name: "InvalidUTF8InKnownTitle", raw: "One.", known: analysis.Meta{Title: "T\xff"}, want: analysis.Document{Title: "T\uFFFD", Body: "One."}},
		// Hover cards (written for this test in The Hill's form): the
		// legal name run into headlines, then "MORE".
		{name: "HoverCardGlued", raw: "The sharpest criticism came from Chairman John McCain John Sidney McCain2020 hopefuls court veterans Senate passes the budget MORE (R-Ariz.), who spoke first.",
			known: known, want: doc("The sharpest criticism came from Chairman John McCain (R-Ariz.), who spoke first.")},
		{name: "HoverCardNickname", raw: "Allies like Sens. Thom Tillis Thomas (Thom) Roland TillisThis week: House votes Trump signs the bill MORE (N.C.) and Orrin Hatch Orrin Grant HatchTrump awards a medal MORE (Utah) were critical.",
			known: known, want: doc("Allies like Sens. Thom Tillis (N.C.) and Orrin Hatch (Utah) were critical.")},
		{name: "HoverCardPossessive", raw: "President Trump Donald John TrumpSenators balk at a long trial MORE’s refusal surprised no one.",
			known: known, want: doc("President Trump’s refusal surprised no one.")},
		{name: "HoverCardWithSpace", raw: "Speaker Paul Ryan Paul Davis Ryan Retirees should say no thanks to the plan MORE (R-Wis.) warned them.",
			known: known, want: doc("Speaker Paul Ryan (R-Wis.) warned them.")},
		{name: "HoverCardWithSpaceAndNickname", raw: "Senator Lindsey Graham Lindsey Olin (Lindsey) Graham Retirees say no to the plan MORE (R-S.C.) said so.",
			known: known, want: doc("Senator Lindsey Graham (R-S.C.) said so.")},
		{name: "MoreInCapitalsStays", raw: "OBAMACARE FORCES MORE HOSPITAL CLOSURES, and READ MORE here.", known: known,
			want: doc("OBAMACARE FORCES MORE HOSPITAL CLOSURES, and READ MORE here.")},
	})
}

// TestCleanSeed checks Clean on the seed article, a scraped RT page, by its
// properties: the text is third-party, so no golden copy of it is kept.
func TestCleanSeed(t *testing.T) {
	raw, err := os.ReadFile(shareddata.Path(t, "seed", "000_cc1d012572213696.txt"))
	if err != nil {
		t.Fatalf("read seed: %v", err)
	}
	doc := analysis.Clean(string(raw), analysis.Meta{})
	if want := "US withdraws Aleppo proposals, says no consultations yet – Lavrov"; doc.Title != want {
		t.Errorf("Title: got %q, want %q", doc.Title, want)
	}
	if want := "2016-12-06T09:15:00Z"; doc.Published != want {
		t.Errorf("Published: got %q, want %q", doc.Published, want)
	}
	for _, bad := range []string{"icon", "READ MORE", "6 Dec, 2016", doc.Title} {
		if strings.Contains(doc.Body, bad) {
			t.Errorf("cleanBody contains %q", bad)
		}
	}
	if want := "Just as the US and Russia"; !strings.HasPrefix(doc.Body, want) {
		t.Errorf("body starts with %.40q, want %q", doc.Body, want)
	}
	if want := "Lavrov said."; !strings.HasSuffix(doc.Body, want) {
		t.Errorf("body ends with %q, want %q", doc.Body[max(0, len(doc.Body)-40):], want)
	}
	// 16 blank-line-separated blocks: icons and date, title, 12 paragraphs
	// and 2 READ MORE lines.
	paras := strings.Split(doc.Body, "\n\n")
	if got, want := len(paras), 12; got != want {
		t.Errorf("paragraphs: got %d, want %d", got, want)
	}
	for i, p := range paras {
		if p == "" || p != strings.TrimSpace(p) || strings.Contains(p, "\n") {
			t.Errorf("paragraph %d is not one trimmed line: %q", i, p)
		}
	}
}

// TestCleanGolden cleans the fixtures under testdata/clean (articles written
// for this test) and compares the Documents with the .golden files beside
// them. Run with -update to rewrite the golden files.
func TestCleanGolden(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "clean", "*.txt"))
	if err != nil {
		t.Fatalf("list fixtures: %v", err)
	}
	if len(inputs) == 0 {
		t.Fatal("no fixtures in testdata/clean")
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".txt")
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(in)
			if err != nil {
				t.Fatalf("read fixture: %v", err)
			}
			got, err := json.MarshalIndent(analysis.Clean(string(raw), analysis.Meta{}), "", "  ")
			if err != nil {
				t.Fatalf("marshal document: %v", err)
			}
			got = append(got, '\n')
			golden := strings.TrimSuffix(in, ".txt") + ".golden"
			if cleanUpdating() {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatalf("write golden: %v", err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("read golden (run with -update to create it): %v", err)
			}
			if string(got) != string(want) {
				t.Errorf("document differs from %s:\ngot  %s\nwant %s", golden, got, want)
			}
		})
	}
}

// cleanBenchText builds about 50 KB of article-like text with the chrome,
// link lines and paragraph breaks that Clean handles.
func cleanBenchText() string {
	words := strings.Fields("the army said rebels militants government forces withdrew from " +
		"eastern Aleppo on Tuesday after talks in Geneva collapsed and the minister told reporters " +
		"that a new plan would be offered soon while aid convoys waited at the border crossing")
	var b strings.Builder
	b.WriteString("icon bookmark-bicon bookmarkicon cameraicon checkicon chevron downicon\n")
	b.WriteString("6 Dec, 2016 09:15\n\nUS withdraws Aleppo proposals – Lavrov\n\n")
	seed := uint32(1)
	next := func() int { seed = seed*1664525 + 1013904223; return int(seed >> 8) }
	for p := 0; b.Len() < 50_000; p++ {
		n := 40 + next()%80
		for i := 0; i < n; i++ {
			if i > 0 {
				b.WriteByte(' ')
			}
			w := words[next()%len(words)]
			if i == 0 {
				w = strings.ToUpper(w[:1]) + w[1:]
			}
			b.WriteString(w)
			if i%15 == 14 {
				b.WriteByte(',')
			}
		}
		b.WriteString(".\n\n")
		switch p % 7 {
		case 3:
			b.WriteString("READ MORE: Moscow slams West for staying silent\n\n")
		case 5:
			b.WriteString("Advertisement\n\nShare Tweet Email\n\n")
		}
	}
	return b.String()
}

// BenchmarkCleanCRLF cleans the same text with Windows line ends, which
// cleanNormalize rewrites: it once copied the text a byte per call from
// the first '\r' on.
func BenchmarkCleanCRLF(b *testing.B) {
	text := strings.ReplaceAll(cleanBenchText(), "\n", "\r\n")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if doc := analysis.Clean(text, analysis.Meta{}); doc.Body == "" {
			b.Fatal("empty body")
		}
	}
}

func BenchmarkClean(b *testing.B) {
	text := cleanBenchText()
	known := analysis.Meta{}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		doc := analysis.Clean(text, known)
		if doc.Body == "" || !utf8.ValidString(doc.Body) {
			b.Fatal("empty or invalid cleanBody")
		}
	}
}
