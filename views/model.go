// Package views holds the dashboard's HTML: templ components, the plain view
// structs they take, and the pure helpers that shape data for display.
//
// The package knows nothing of the database or of HTTP handlers. Handlers map
// their rows into the structs below (strings, ints and floats only), so the
// views can be rendered and tested on their own, and a change of storage
// never reaches the markup.
package views

// Nav items: the value of Page.Active that marks a nav link as the current
// page (aria-current="page").
const (
	NavOverview = "overview"
	NavUpload   = "upload"
	NavArticles = "articles"
	NavTerms    = "terms"
	NavOutlets  = "outlets"
	NavLexicons = "lexicons"
	NavSources  = "sources"
)

// Flash kinds: the value of Flash.Kind, which selects the message's style
// and its text prefix (so the kind is not told by colour alone).
const (
	FlashInfo    = "info"
	FlashSuccess = "success"
	FlashError   = "error"
)

// Page is what the layout of every page needs.
type Page struct {
	// Title is the page's own title; the layout appends the product name.
	Title string
	// Active is one of the Nav constants, or empty for pages outside the nav.
	Active string
	// CSRFToken goes into <meta name="csrf-token"> (read by app.js for htmx
	// requests) and into the hidden _csrf input of every POST form.
	CSRFToken string
	Flashes   []Flash
	// Charts loads ECharts. Page components that show charts set it
	// themselves, so handlers need not.
	Charts bool
}

// Flash is a one-off message shown at the top of a page, after a redirect.
type Flash struct {
	Kind    string
	Message string
}

// ChartView is one chart: handlers build OptionsJSON (an ECharts option
// object, e.g. from go-echarts); charts.js draws it.
type ChartView struct {
	// ID names the chart element; it must be unique on the page and stable
	// across htmx swaps, since charts.js keys its instances by it.
	ID    string
	Title string
	// OptionsJSON is the ECharts option object as JSON. Invalid JSON renders
	// an empty chart rather than failing the page.
	OptionsJSON string
	// CSVURL links the chart's data as CSV; empty hides the link.
	CSVURL string
	// Height in CSS pixels; zero means the stylesheet's default.
	Height int
}

// FrameInfo documents one frame of a lexicon.
type FrameInfo struct {
	Name        string
	Description string
}

// LexiconInfo names one lexicon.
type LexiconInfo struct {
	Name    string
	Version string
	Entries int
}

// RegistryInfo sums up the source registry.
type RegistryInfo struct {
	Name    string
	Version string
	Entries int
	// Sides are the sides the balance index is computed over.
	Sides []string
}

// CorpusStats are the headline figures of the corpus.
type CorpusStats struct {
	Articles int
	Outlets  int
	Words    int
	// From and To are the earliest and latest publication dates
	// (YYYY-MM-DD); empty when no article has a date.
	From string
	To   string
}

// ArticleLink is an article in a short list (latest uploads).
type ArticleLink struct {
	ID        int64
	Title     string
	Outlet    string
	Published string
}

// OverviewView is the home page.
type OverviewView struct {
	Page   Page
	Stats  CorpusStats
	Latest []ArticleLink
	// FramesChart shows frames across the corpus, SidesChart the sides'
	// shares of attributions. A chart with an empty ID is not shown.
	FramesChart ChartView
	SidesChart  ChartView
	// Lexicon and Frames describe the active lexicon and Registry the
	// source registry; the first-run panel lists them on an empty corpus.
	Lexicon  LexiconInfo
	Frames   []FrameInfo
	Registry RegistryInfo
}

// Upload statuses: the value of UploadItem.Status.
const (
	UploadAccepted  = "accepted"
	UploadDuplicate = "duplicate"
	UploadRejected  = "rejected"
)

// UploadItem is the outcome of one uploaded file, archive member or pasted
// text.
type UploadItem struct {
	// Origin says where the article came from ("report.zip/a.html",
	// "pasted text").
	Origin string
	Status string
	// ArticleID is the stored article (new for accepted, existing for
	// duplicate); zero for rejected items.
	ArticleID int64
	Title     string
	// Reason says why an item was rejected.
	Reason string
}

// UploadResults are the outcomes of one upload.
type UploadResults struct {
	Items []UploadItem
}

// UploadForm holds the values to show again in the upload form.
type UploadForm struct {
	Outlet string
	Title  string
	Date   string
	Text   string
}

// UploadView is the upload page. Results is nil before anything was posted.
type UploadView struct {
	Page    Page
	Form    UploadForm
	Results *UploadResults
	// MaxUploadMB is shown as a hint; zero hides it.
	MaxUploadMB int
}

// Option is one choice of a select.
type Option struct {
	Value string
	Label string
}

// ArticleFilter is the article list's filter; handlers parse it from the
// query string and the views turn it back into links (see Values).
type ArticleFilter struct {
	Outlets []string
	From    string
	To      string
	Frame   string
	Term    string
	Side    string
	Q       string
	Sort    string
	// Page is 1-based; zero or one means the first page.
	Page int
}

// FilterOptions are the choices of the article filter's selects.
type FilterOptions struct {
	Outlets []string
	Frames  []string
	Sides   []string
	// Sorts defaults to ArticleSorts when empty.
	Sorts []Option
}

// FrameShare is one of an article's top frames.
type FrameShare struct {
	Frame string
	Count int
}

// ArticleRow is one row of the article list.
type ArticleRow struct {
	ID        int64
	Outlet    string
	Published string
	Title     string
	Words     int
	TopFrames []FrameShare
	// Balance is the balance index in [0, 1]; it is shown only when
	// BalanceKnown (the article has attributions to known sides).
	Balance      float64
	BalanceKnown bool
}

// ArticlesView is the article list.
type ArticlesView struct {
	Page    Page
	Filter  ArticleFilter
	Options FilterOptions
	Rows    []ArticleRow
	// Total counts the articles matching the filter, over all pages.
	Total    int
	PageSize int
}

// HitView is one framing-term hit in an article.
type HitView struct {
	Term    string
	Pattern string
	Frame   string
	Actor   string
	Valence int
	// Voice is "own", "quoted" or "reported".
	Voice      string
	Start      int
	End        int
	ScareQuote bool
	SoCalled   bool
	// FalsePositive marks a hit a user flagged; it is shown struck through
	// and offers no flag control.
	FalsePositive bool
}

// QuoteView is one direct quote or piece of reported speech.
type QuoteView struct {
	Start int
	End   int
	// Kind is "direct" or "reported".
	Kind string
	// Speaker is empty when no speaker was found.
	Speaker string
	// Side is "unassigned" when the registry does not know the speaker.
	Side  string
	Words int
}

// FrameRow is one frame's counts in an article.
type FrameRow struct {
	Frame    string
	Count    int
	Own      int
	Quoted   int
	Reported int
	Per1000  float64
}

// ActorRow is how one actor is labelled in an article.
type ActorRow struct {
	Actor      string
	Count      int
	Valence    float64
	CountOwn   int
	ValenceOwn float64
}

// SourceRow is one speaker of an article.
type SourceRow struct {
	Name     string
	Side     string
	Direct   int
	Reported int
	Words    int
}

// SideShare is one side's share of an article's attributions (Share) and of
// its quoted words (WordsShare), both in [0, 1].
type SideShare struct {
	Side       string
	Share      float64
	WordsShare float64
}

// ArticleView is one article with its highlighted text and its scores.
type ArticleView struct {
	Page      Page
	ID        int64
	Title     string
	Outlet    string
	Published string
	// URL is the article's original address; empty when unknown.
	URL   string
	Words int
	// Text is the cleaned body; every offset of Hits and Quotes is a byte
	// offset into it.
	Text   string
	Hits   []HitView
	Quotes []QuoteView
	// Frames lists the lexicon's frames in legend order; frames of hits
	// missing from it are still coloured.
	Frames       []FrameRow
	Actors       []ActorRow
	Sources      []SourceRow
	Sides        []SideShare
	Unassigned   int
	Balance      float64
	BalanceWords float64
	BalanceKnown bool
	// Versions say what produced the scores ("engine 1.0.0", lexicon and
	// registry versions).
	EngineVersion   string
	LexiconVersion  string
	RegistryVersion string
}

// KWICLine is one keyword-in-context line of the terms page.
type KWICLine struct {
	ArticleID int64
	Title     string
	Published string
	Left      string
	Keyword   string
	Right     string
	// Start is the hit's byte offset, the anchor #hit-{Start} of the
	// article page.
	Start int
	Voice string
	Frame string
}

// KWICGroup holds one outlet's lines. Count may exceed len(Lines) when the
// handler shows only the first lines.
type KWICGroup struct {
	Outlet string
	Count  int
	Lines  []KWICLine
}

// TermsView is the terms page: a search box and the hits of one term.
type TermsView struct {
	Page Page
	// Query is the search box's value; Pattern the term shown (empty shows
	// only the search box).
	Query   string
	Pattern string
	Groups  []KWICGroup
	// ArticlesRead and ArticlesMatched are set for a word search (not a
	// lexicon entry): how many of the articles that contain the word were
	// read for lines, and how many contain it in all.
	ArticlesRead    int
	ArticlesMatched int
}

// LexiconEntryRow is one lexicon entry with its measured precision.
type LexiconEntryRow struct {
	// Index is the entry's position in the lexicon, used in edit and
	// delete URLs.
	Index   int
	Pattern string
	Frame   string
	Actor   string
	Valence int
	Note    string
	// Hits counts the entry's hits in the corpus, FalsePositives those
	// flagged by users.
	Hits           int
	FalsePositives int
}

// RescoreView is the state of the background rescoring.
type RescoreView struct {
	Running bool
	Done    int
	Total   int
	// Error is the last run's failure, if any.
	Error string
}

// LexiconsView is the lexicon page.
type LexiconsView struct {
	Page      Page
	Active    LexiconInfo
	Available []LexiconInfo
	Frames    []FrameInfo
	Entries   []LexiconEntryRow
	Rescore   RescoreView
}

// SourceStatsRow is one speaker seen in the corpus.
type SourceStatsRow struct {
	Name     string
	Side     string
	Role     string
	Articles int
	Direct   int
	Reported int
	Words    int
}

// SourcesView is the sources page.
type SourcesView struct {
	Page     Page
	Registry RegistryInfo
	// Rows are shown with unassigned speakers first, otherwise in the
	// order given.
	Rows []SourceStatsRow
	// Speakers and Unassigned count every speaker of the corpus, and
	// those with no side: Rows may hold only the most quoted.
	Speakers, Unassigned int
}

// ErrorView is an error page: a status and a plain message, never a stack
// trace.
type ErrorView struct {
	Page    Page
	Status  int
	Message string
}

// OutletsView is the outlets page: one row per outlet with its rates,
// label mix, side shares and balance, and the forms that edit aliases.
type OutletsView struct {
	Page   Page
	Frames []string // the rate columns, in the lexicon's order
	Sides  []string // the side-share columns
	Rows   []OutletTableRow
	// Sort is the current sort key ("name", "articles", "words",
	// "balance", "rate:FRAME", "own:FRAME"), Desc its direction.
	Sort string
	Desc bool
}

// OutletTableRow is one outlet of the outlets table. Rates, RatesOwn,
// SideShares and SideWordShares line up with OutletsView.Frames and Sides.
type OutletTableRow struct {
	Name           string
	Aliases        []string
	Articles       int
	Words          int
	Rates          []float64
	RatesOwn       []float64
	SideShares     []float64
	SideWordShares []float64
	MeanBalance    float64
	BalanceKnown   bool
	LabelMix       []ActorMix
}

// ActorMix is how one outlet labels one actor: each label's share.
type ActorMix struct {
	Actor  string
	Labels []LabelPart
}

// LabelPart is one label's hits and share of an actor's labels.
type LabelPart struct {
	Label string
	Hits  int
	Share float64
}

// CompareView is the outlet-comparison page.
type CompareView struct {
	Page Page
	// AllOutlets lists every outlet for the form; Chosen the compared ones.
	AllOutlets []string
	Chosen     []string
	From, To   string
	Q          string
	Weekly     bool
	Frame      string
	Frames     []string
	// Start says no outlet was chosen yet: the page is the form and a
	// prompt, not an error.
	Start bool
	// Error explains why nothing is compared (too few outlets ...).
	Error   string
	Empty   bool
	Outlets []CompareOutletRow
	// Chart groups, in page order.
	FrameCharts    []ChartView
	LabelCharts    []ChartView
	SideCharts     []ChartView
	BalanceChart   ChartView
	HeatmapChart   ChartView
	TimelineChart  ChartView
	DistinctCharts []ChartView
	// Distinct holds each outlet against the others; Pair the chosen pair.
	Distinct     []DistinctPair
	Pair         DistinctPair
	PairA, PairB string
	WordsSampled bool
	WordSample   int
	StoryURL     string
}

// CompareOutletRow sums one compared outlet.
type CompareOutletRow struct {
	Name      string
	Aliases   []string
	Articles  int
	Words     int
	Resamples int
}

// DistinctPair is one comparison's distinctive terms over lexicon entries
// and over all words.
type DistinctPair struct {
	Entries DistinctTable
	Words   DistinctTable
}

// DistinctTable ranks the terms most typical of A and of B.
type DistinctTable struct {
	ID                                 string
	A, B, Vocabulary                   string
	Top, Bottom                        []DistinctTerm
	Terms, Significant, SignificantFDR int
	Sampled                            bool
}

// DistinctTerm is one term's weighted log-odds ratio and z-score.
type DistinctTerm struct {
	Term           string
	CountA, CountB int
	Delta, Z, Q    float64
	Significant    bool
}

// StoryView shows the chosen outlets' articles about one event side by
// side.
type StoryView struct {
	Page    Page
	Chosen  []string
	Date    string
	Window  int
	Seed    ArticleLink
	Terms   []string // the seed's names and terms the articles are matched on
	Columns []StoryColumn
	Error   string
}

// StoryColumn is one outlet's best-matching article, if any, and its other
// candidates.
type StoryColumn struct {
	Outlet  string
	Article *StoryArticle
	Others  []ArticleLink
}

// StoryArticle is an article of the story view with the seed terms it
// shares.
type StoryArticle struct {
	View   ArticleView
	Shared []string
}
