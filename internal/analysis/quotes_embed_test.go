package analysis_test

import (
	"strings"
	"testing"

	"github.com/framinglens/framinglens/internal/analysis"
)

// TestEmbeddedPosts checks that a paragraph flattened from an embedded post
// is a direct quote by the name before the handle, with the post's links
// and the BBC's skip link left out, and that paragraphs only looking like
// one are not.
func TestEmbeddedPosts(t *testing.T) {
	const story = "The ministry said the talks would resume on Monday."
	tests := []struct {
		name    string
		para    string
		text    string // the quote's text; "" for no post
		speaker string
	}{
		{"PostWithPicture",
			"All responsibility for them rests with Washington, London and Paris. pic.twitter.com/QEmWEffUzx — Russia in USA ???? (@RusEmbUSA) April 14, 2018",
			"All responsibility for them rests with Washington, London and Paris.", "Russia in USA"},
		{"PostWithLinks",
			"Black Lives Matter activists angry https://t.co/vxNUR9HHaQ pic.twitter.com/Tn0ze1Q5H4 — Breitbart London (@BreitbartLondon) July 15, 2016",
			"Black Lives Matter activists angry", "Breitbart London"},
		{"MarksInsideThePost",
			"“Damn it, open the door to #Syria refugees you apathetic bums” Rich Arab countries to European Union pic.twitter.com/hSaLdgAnYM — SaadAbedine (@SaadAbedine) September 1, 2015",
			"“Damn it, open the door to #Syria refugees you apathetic bums” Rich Arab countries to European Union", "SaadAbedine"},
		{"ReportedSpeechInsideThePost",
			"Unbeknownst to almost everyone, the Taliban leaders were going to secretly meet with me at Camp David on Sunday, officials said. — Donald J. Trump (@realDonaldTrump) September 7, 2019",
			"Unbeknownst to almost everyone, the Taliban leaders were going to secretly meet with me at Camp David on Sunday, officials said.", "Donald J. Trump"},
		{"BBCSkipLink",
			"Skip Twitter post by @elizapalmer CBS crew just visited the crash site west of Tehran. — Eliza Palmer (@elizapalmer) January 10, 2020",
			"CBS crew just visited the crash site west of Tehran.", "Eliza Palmer"},
		{"NameOnlyEmoji",
			"We stand with the people of Aleppo. — ???? (@AleppoCity) December 6, 2016",
			"We stand with the people of Aleppo.", "@AleppoCity"},
		{"PictureOnly", "pic.twitter.com/QEmWEffUzx — Russia in USA (@RusEmbUSA) April 14, 2018", "", ""},
		{"NoHandle", "The rebels left the city — the army said so on April 14, 2018", "", ""},
		{"NotAMonth", "The rebels left the city. — Russia in USA (@RusEmbUSA) Aprill 14, 2018", "", ""},
		{"BadHandle", "The rebels left the city. — Russia in USA (@Rus Emb) April 14, 2018", "", ""},
		{"NoDate", "The rebels left the city. — Russia in USA (@RusEmbUSA)", "", ""},
		{"TooLong", strings.Repeat("The outlet's own account of the siege went on. ", 30) + "— Russia in USA (@RusEmbUSA) April 14, 2018", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			body := story + "\n\n" + tc.para
			var posts []analysis.Quote
			for _, q := range analysis.FindAttributions(body).Quotes {
				if q.Start >= len(story) {
					posts = append(posts, q)
				}
				if q.Start < len(story) && q.End > len(story) {
					t.Errorf("a quote runs from the story into the post: %+v", q)
				}
			}
			if tc.text == "" {
				for _, q := range posts {
					if q.Cue == "posted" {
						t.Errorf("not a post, got %+v", q)
					}
				}
				return
			}
			if len(posts) != 1 {
				t.Fatalf("quotes in the post = %+v, want one", posts)
			}
			q := posts[0]
			if q.Kind != analysis.QuoteDirect || q.Text != tc.text || body[q.Start:q.End] != tc.text ||
				q.Speaker != tc.speaker || q.Cue != "posted" {
				t.Errorf("post = %+v\nwant direct %q by %q", q, tc.text, tc.speaker)
			}
			if q.Mention != "" && body[q.MentionStart:q.MentionEnd] != q.Mention {
				t.Errorf("mention %q at [%d,%d) reads %q", q.Mention, q.MentionStart, q.MentionEnd, body[q.MentionStart:q.MentionEnd])
			}
		})
	}
}

// TestEmbeddedPostVoice checks that a label inside an embedded post is the
// author's words, not the outlet's.
func TestEmbeddedPostVoice(t *testing.T) {
	eng := mustEngine(t)
	text := "Aleppo Report\n\nThe army advanced on Monday.\n\n" +
		"The terrorists are shelling civilians in Aleppo. pic.twitter.com/abc — Russia in USA (@RusEmbUSA) December 6, 2016"
	r, err := eng.Analyze(analysis.Input{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, h := range r.Hits {
		if strings.EqualFold(h.Term, "terrorists") {
			found = true
			if h.Voice != analysis.VoiceQuoted {
				t.Errorf("%q in the post is %s, want quoted", h.Term, h.Voice)
			}
		}
	}
	if !found {
		t.Fatalf("no hit for terrorists in %+v", r.Hits)
	}
}
