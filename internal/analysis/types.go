// Package analysis is Framing Lens's domain: it turns one article's text into
// framing-term hits, quotes with their speakers, and source-balance scores.
//
// The package is pure: text in, scores out. It does no I/O, speaks no HTTP
// and knows no SQL, so the same engine serves the CLI, the importer, the
// dashboard and the tests, and gives the same numbers in each.
//
// Every offset the package reports (Hit.Start, Quote.Start, ...) is a byte
// offset into Document.Body, the cleaned text that Analyze returns as
// Result.Text.
package analysis

// EngineVersion names the rules of this engine. It is stamped on every result
// so that a score computed next month can be told apart from one computed
// with different rules. Bump it whenever a change alters any number.
const EngineVersion = "1.133.0"

// Voice says whose words a hit stands in.
type Voice string

const (
	// VoiceOwn is the outlet's own narration.
	VoiceOwn Voice = "own"
	// VoiceQuoted is inside a direct quote.
	VoiceQuoted Voice = "quoted"
	// VoiceReported is inside reported speech ("X said that ...").
	VoiceReported Voice = "reported"
)

// Voices lists the voices in a fixed order for tables and exports.
var Voices = []Voice{VoiceOwn, VoiceQuoted, VoiceReported}

// QuoteKind tells direct quotes from reported speech.
type QuoteKind string

const (
	// QuoteDirect is speech inside quotation marks.
	QuoteDirect QuoteKind = "direct"
	// QuoteReported is paraphrased speech: "X said that ...", "according to X, ...".
	QuoteReported QuoteKind = "reported"
)

// SideUnassigned is the side of a speaker the registry does not know. Such
// speakers stay visible so a user can assign them.
const SideUnassigned = "unassigned"

// Span is a half-open byte range [Start, End) in a Document's Body.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Contains reports whether the range [start, end) lies within s.
func (s Span) Contains(start, end int) bool { return start >= s.Start && end <= s.End }

// Meta is what the caller already knows about an article (from a CSV column,
// an HTML page's meta tags, a form field). Known values win over what
// cleaning finds in the text.
type Meta struct {
	Title     string
	Published string // RFC 3339 or YYYY-MM-DD; empty when unknown
}

// Document is an article after cleaning: page chrome and link lines gone,
// title and date found, paragraphs kept.
type Document struct {
	Title string
	// Published is RFC 3339 when a time of day was found, YYYY-MM-DD when only
	// a date was, and empty when none was.
	Published string
	// Body holds the paragraphs, separated by one blank line ("\n\n"). The
	// title and date lines are not part of it.
	Body string
}

// Entry is one lexicon term: a pattern and what it means when it matches.
type Entry struct {
	// Pattern is a word ("rebel": also rebels, rebel's, Rebels), a wildcard
	// ("jihadi*"), or a phrase ("armed groups", "moderate rebel*",
	// "pro-government forces"). A pattern that starts with "!" is an
	// exclusion: text it matches is no label ("!rebel yell").
	Pattern string `json:"pattern"`
	Frame   string `json:"frame"`
	Actor   string `json:"actor"`
	// Valence runs from -2 (delegitimizing) to +2 (legitimizing).
	Valence int    `json:"valence"`
	Note    string `json:"note,omitempty"`
}

// Exclusion reports whether the entry marks text that is not a label.
func (e Entry) Exclusion() bool { return len(e.Pattern) > 0 && e.Pattern[0] == '!' }

// Frame documents one frame of a lexicon.
type Frame struct {
	Name        string `json:"name"`
	Description string `json:"description"`
}

// Lexicon is a named, versioned list of entries.
type Lexicon struct {
	Name string `json:"name"`
	// Version is derived from the entries' content, so the same entries give
	// the same version wherever they are loaded.
	Version string  `json:"version"`
	Frames  []Frame `json:"frames,omitempty"`
	Entries []Entry `json:"entries"`
}

// Hit is one match of a lexicon entry in a Document's Body.
type Hit struct {
	// Term is the text as it stands in the article ("Rebels").
	Term    string `json:"term"`
	Pattern string `json:"pattern"`
	Frame   string `json:"frame"`
	Actor   string `json:"actor"`
	Valence int    `json:"valence"`
	Voice   Voice  `json:"voice"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	// Entry is the index of the matched entry in the lexicon.
	Entry int `json:"entry"`
	// ScareQuote marks a term set in quotation marks by the outlet itself,
	// with no speaker: the outlet distancing itself from the label.
	ScareQuote bool `json:"scare_quote,omitempty"`
	// SoCalled marks a term preceded by "so-called".
	SoCalled bool `json:"so_called,omitempty"`
}

// Quote is one attribution: a direct quote or a piece of reported speech,
// with who said it.
type Quote struct {
	// Text is the quoted or reported content, without quotation marks.
	Text  string    `json:"text"`
	Start int       `json:"start"`
	End   int       `json:"end"`
	Kind  QuoteKind `json:"kind"`
	// Speaker is the canonical name of who said it ("Sergey Lavrov" for a
	// quote attributed to "Lavrov", "he" or "the minister"), or empty when
	// no speaker was found.
	Speaker string `json:"speaker"`
	// Mention is the speaker's words as they stand next to the quote
	// ("the minister"), with their span; empty when no speaker was found.
	Mention      string `json:"mention,omitempty"`
	MentionStart int    `json:"mention_start,omitempty"`
	MentionEnd   int    `json:"mention_end,omitempty"`
	// Cue is the speech verb or phrase ("said", "according to").
	Cue string `json:"cue,omitempty"`
	// Side is the speaker's side in the registry, SideUnassigned when the
	// registry does not know the speaker.
	Side  string `json:"side"`
	Words int    `json:"words"`
}

// Source is one speaker of an article with what the article gives them.
type Source struct {
	Name     string `json:"name"`
	Side     string `json:"side"`
	Role     string `json:"role,omitempty"`
	Direct   int    `json:"direct"`
	Reported int    `json:"reported"`
	// Words counts the words of the speaker's direct and reported quotes.
	Words int `json:"words"`
}

// RegistryEntry is one known speaker: a person, institution or collective.
type RegistryEntry struct {
	Name    string   `json:"name"`
	Aliases []string `json:"aliases,omitempty"`
	Side    string   `json:"side"`
	Role    string   `json:"role,omitempty"`
}

// Registry maps speakers to sides. Its sides are what the balance index is
// computed over.
type Registry struct {
	Name    string          `json:"name"`
	Version string          `json:"version"`
	Entries []RegistryEntry `json:"entries"`
}

// FrameCount counts a frame's hits, split by voice.
type FrameCount struct {
	Count    int     `json:"count"`
	Own      int     `json:"own"`
	Quoted   int     `json:"quoted"`
	Reported int     `json:"reported"`
	Per1000  float64 `json:"per_1000"`
	// Per1000Own is the rate of hits in the outlet's own voice.
	Per1000Own float64 `json:"per_1000_own"`
}

// EntryCount counts one lexicon entry's hits, split by voice.
type EntryCount struct {
	Pattern  string  `json:"pattern"`
	Frame    string  `json:"frame"`
	Actor    string  `json:"actor"`
	Count    int     `json:"count"`
	Own      int     `json:"own"`
	Quoted   int     `json:"quoted"`
	Reported int     `json:"reported"`
	Per1000  float64 `json:"per_1000"`
}

// ActorScore sums how an actor is labelled in one article.
type ActorScore struct {
	Count int `json:"count"`
	// Valence is the mean valence of the actor's hits, in [-2, 2].
	Valence float64 `json:"valence"`
	// ValenceOwn is the mean over hits in the outlet's own voice only; zero
	// when there are none (see CountOwn).
	ValenceOwn float64 `json:"valence_own"`
	CountOwn   int     `json:"count_own"`
}

// Versions records what produced a result, so it can be reproduced.
type Versions struct {
	Engine   string `json:"engine"`
	Lexicon  string `json:"lexicon"`
	Registry string `json:"registry"`
}

// Result is everything the engine says about one article.
type Result struct {
	Title     string `json:"title"`
	Published string `json:"published"`
	Words     int    `json:"words"`
	// Text is the cleaned body every offset refers to.
	Text    string                `json:"text"`
	Hits    []Hit                 `json:"hits"`
	Entries []EntryCount          `json:"entries"`
	Frames  map[string]FrameCount `json:"frames"`
	Actors  map[string]ActorScore `json:"actors"`
	Quotes  []Quote               `json:"quotes"`
	Sources []Source              `json:"sources"`
	// Sides holds each side's share of attributions (direct and reported
	// quotes with a known side); SidesWords its share of quoted words.
	Sides      map[string]float64 `json:"sides"`
	SidesWords map[string]float64 `json:"sides_words"`
	// Unassigned counts attributions whose speaker the registry does not know.
	Unassigned int `json:"unassigned"`
	// Balance is the normalised Shannon entropy of Sides over the registry's
	// sides (see BalanceIndex); BalanceWords the same over SidesWords.
	Balance      float64  `json:"balance"`
	BalanceWords float64  `json:"balance_words"`
	Versions     Versions `json:"versions"`
}
