package views

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dustin/go-humanize"
)

// ArticleSorts are the article list's sort orders, the default first.
// Handlers should accept only these values.
var ArticleSorts = []Option{
	{Value: "newest", Label: "Newest first"},
	{Value: "oldest", Label: "Oldest first"},
	{Value: "outlet", Label: "Outlet"},
	{Value: "title", Label: "Title"},
	{Value: "words", Label: "Most words"},
	{Value: "balance", Label: "Most balanced"},
	{Value: "imbalance", Label: "Least balanced"},
}

// navItem is one link of the main navigation.
type navItem struct {
	key, label, href string
}

// webNav is the main navigation in display order.
var webNav = []navItem{
	{NavOverview, "Overview", "/"},
	{NavUpload, "Upload", "/upload"},
	{NavArticles, "Articles", "/articles"},
	{NavTerms, "Terms", "/terms"},
	{NavOutlets, "Outlets", "/outlets"},
	{NavLexicons, "Lexicons", "/lexicons"},
	{NavSources, "Sources", "/sources"},
}

// fmtInt writes n with thousands separators ("60,000").
func fmtInt(n int) string { return humanize.Comma(int64(n)) }

// fmtFloat writes f with prec decimals; NaN and infinities become a dash.
func fmtFloat(f float64, prec int) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "–"
	}
	return strconv.FormatFloat(f, 'f', prec, 64)
}

// fmtPct writes a share in [0, 1] as a whole percentage ("42%").
func fmtPct(share float64) string {
	if math.IsNaN(share) || math.IsInf(share, 0) {
		return "–"
	}
	return strconv.FormatFloat(share*100, 'f', 0, 64) + "%"
}

// fmtValence writes a valence with its sign ("+1.50", "-0.25", "0.00").
func fmtValence(v float64) string {
	s := fmtFloat(v, 2)
	if v > 0 {
		return "+" + s
	}
	return s
}

// fmtSigned writes an integer valence with its sign ("+2", "-1", "0").
func fmtSigned(v int) string {
	if v > 0 {
		return "+" + strconv.Itoa(v)
	}
	return strconv.Itoa(v)
}

// orDash returns s, or a dash when s is empty, for table cells.
func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// ArticleURL is the address of an article's page.
func ArticleURL(id int64) string { return "/articles/" + strconv.FormatInt(id, 10) }

// HitURL is the address of one hit on its article's page.
func HitURL(id int64, start int) string {
	return ArticleURL(id) + "#" + hitAnchor(start)
}

// hitAnchor is the id of a hit's mark on the article page.
func hitAnchor(start int) string { return "hit-" + strconv.Itoa(start) }

// TermURL is the address of a term's keyword-in-context page.
func TermURL(pattern string) string { return "/terms/" + url.PathEscape(pattern) }

// Values turns the filter back into query parameters, leaving out empty
// fields and the first page, so links stay short and stable.
func (f ArticleFilter) Values() url.Values {
	v := url.Values{}
	for _, o := range f.Outlets {
		if o != "" {
			v.Add("outlet", o)
		}
	}
	set := func(k, s string) {
		if s != "" {
			v.Set(k, s)
		}
	}
	set("from", f.From)
	set("to", f.To)
	set("frame", f.Frame)
	set("term", f.Term)
	set("side", f.Side)
	set("q", f.Q)
	set("sort", f.Sort)
	if f.Page > 1 {
		v.Set("page", strconv.Itoa(f.Page))
	}
	return v
}

// withQuery appends an encoded query to path, if there is one.
func withQuery(path string, v url.Values) string {
	if q := v.Encode(); q != "" {
		return path + "?" + q
	}
	return path
}

// exportURL is an export's address with the filter (but not the page).
func exportURL(path string, f ArticleFilter) string {
	f.Page = 0
	return withQuery(path, f.Values())
}

// pageURL is the article list's address for page n with the same filter.
func pageURL(f ArticleFilter, n int) string {
	f.Page = n
	return withQuery("/articles", f.Values())
}

// pageCount is the number of pages for total items, at least one.
func pageCount(total, size int) int {
	if size <= 0 || total <= 0 {
		return 1
	}
	return (total + size - 1) / size
}

// currentPage clamps the filter's page into [1, pages].
func currentPage(f ArticleFilter, pages int) int {
	return max(1, min(f.Page, pages))
}

// sortOptions returns the given sorts, or ArticleSorts when none are given.
func sortOptions(o FilterOptions) []Option {
	if len(o.Sorts) > 0 {
		return o.Sorts
	}
	return ArticleSorts
}

// frameClassCount is how many distinct frame colours the stylesheet has
// (classes fc-0 ... fc-7).
const frameClassCount = 8

// frameClasses maps each frame name to a colour class: frames of the legend
// in order, then any other frame of the hits in order of appearance, cycling
// through the palette.
func frameClasses(frames []FrameRow, hits []HitView) map[string]string {
	m := map[string]string{}
	add := func(name string) {
		if _, ok := m[name]; !ok {
			m[name] = "fc-" + strconv.Itoa(len(m)%frameClassCount)
		}
	}
	for _, f := range frames {
		add(f.Frame)
	}
	for _, h := range hits {
		add(h.Frame)
	}
	return m
}

// legendFrames lists the frames to show in the legend: the given ones, then
// frames that only the hits name.
func legendFrames(frames []FrameRow, hits []HitView) []string {
	var out []string
	seen := map[string]bool{}
	for _, f := range frames {
		if !seen[f.Frame] {
			seen[f.Frame] = true
			out = append(out, f.Frame)
		}
	}
	for _, h := range hits {
		if !seen[h.Frame] {
			seen[h.Frame] = true
			out = append(out, h.Frame)
		}
	}
	return out
}

// hitTitle is a hit's tooltip: "pattern · frame · actor · valence · voice",
// plus the scare-quote and so-called flags.
func hitTitle(h HitView) string {
	parts := []string{h.Pattern, h.Frame, orDash(h.Actor), "valence " + fmtSigned(h.Valence), voiceLabel(h.Voice)}
	if h.ScareQuote {
		parts = append(parts, "scare quotes")
	}
	if h.SoCalled {
		parts = append(parts, "so-called")
	}
	if h.FalsePositive {
		parts = append(parts, "flagged as false positive")
	}
	return strings.Join(parts, " · ")
}

// voiceLabel names a voice for people.
func voiceLabel(v string) string {
	switch v {
	case "own":
		return "outlet's own voice"
	case "quoted":
		return "in a direct quote"
	case "reported":
		return "in reported speech"
	}
	return v
}

// voiceMark is the short visible marker of a hit's voice: none for the
// outlet's own voice, "Q" for quoted and "R" for reported, so voice is not
// told by colour alone.
func voiceMark(v string) string {
	switch v {
	case "quoted":
		return "Q"
	case "reported":
		return "R"
	}
	return ""
}

// quoteLabel is the visible label of a quote: speaker, side and kind.
func quoteLabel(q QuoteView) string {
	speaker := q.Speaker
	if speaker == "" {
		speaker = "unknown speaker"
	}
	side := q.Side
	if side == "" {
		side = "unassigned"
	}
	kind := "direct quote"
	if q.Kind == "reported" {
		kind = "reported speech"
	}
	return speaker + " · " + side + " · " + kind
}

// unassigned reports whether a side is the registry's "unassigned".
func unassigned(side string) bool { return side == "" || side == "unassigned" }

// sourcesUnassignedFirst returns the rows with unassigned speakers first,
// keeping the given order otherwise.
func sourcesUnassignedFirst(rows []SourceStatsRow) []SourceStatsRow {
	out := slices.Clone(rows)
	slices.SortStableFunc(out, func(a, b SourceStatsRow) int {
		ua, ub := unassigned(a.Side), unassigned(b.Side)
		switch {
		case ua && !ub:
			return -1
		case ub && !ua:
			return 1
		}
		return 0
	})
	return out
}

// precision is the share of an entry's hits not flagged as false
// positives, written as a percentage; a dash when there are no hits.
func precision(e LexiconEntryRow) string {
	if e.Hits <= 0 {
		return "–"
	}
	return fmtPct(float64(e.Hits-e.FalsePositives) / float64(e.Hits))
}

// rescoreText is the rescoring status line.
func rescoreText(r RescoreView) string {
	switch {
	case r.Running:
		return fmt.Sprintf("Rescoring %s / %s articles", fmtInt(r.Done), fmtInt(r.Total))
	case r.Error != "":
		return "Rescoring stopped after " + fmtInt(r.Done) + " articles: " + r.Error
	case r.Total > 0:
		return "Rescored " + fmtInt(r.Done) + " / " + fmtInt(r.Total) + " articles"
	}
	return "No rescoring is running."
}

// chartOptions returns the chart's options as raw JSON for
// templ.JSONScript, which escapes "<", ">" and "&" so the data cannot end
// the script element. Invalid JSON becomes an empty object.
func chartOptions(c ChartView) json.RawMessage {
	if !json.Valid([]byte(c.OptionsJSON)) {
		return json.RawMessage("{}")
	}
	return json.RawMessage(c.OptionsJSON)
}

// chartOptionsID is the id of the script element holding a chart's options.
func chartOptionsID(c ChartView) string { return c.ID + "-options" }

// chartHeight is the data-height attribute: empty for the default height.
func chartHeight(c ChartView) string {
	if c.Height <= 0 {
		return ""
	}
	return strconv.Itoa(c.Height)
}

// KWIC cuts a keyword-in-context line from text around the byte range
// [start, end): up to width runes on each side, cut at a word boundary when
// one is near and with line breaks turned into spaces. Bad offsets (out of
// range, off rune boundaries) give three empty strings.
func KWIC(text string, start, end, width int) (left, keyword, right string) {
	if start < 0 || end > len(text) || start > end {
		return "", "", ""
	}
	if (start < len(text) && !utf8.RuneStart(text[start])) || (end < len(text) && !utf8.RuneStart(text[end])) {
		return "", "", ""
	}
	left = text[:start]
	if n := utf8.RuneCountInString(left); n > width {
		// Keep the last width runes.
		skip := n - width
		i := 0
		for ; skip > 0; skip-- {
			_, size := utf8.DecodeRuneInString(left[i:])
			i += size
		}
		left = left[i:]
		if sp := strings.IndexAny(left, " \n\t"); sp >= 0 && sp < len(left)/2 {
			left = left[sp+1:]
		}
		left = "…" + left
	}
	right = text[end:]
	if utf8.RuneCountInString(right) > width {
		i, n := 0, 0
		for ; n < width; n++ {
			_, size := utf8.DecodeRuneInString(right[i:])
			i += size
		}
		right = right[:i]
		if sp := strings.LastIndexAny(right, " \n\t"); sp > len(right)/2 {
			right = right[:sp]
		}
		right += "…"
	}
	flat := strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ")
	return flat.Replace(left), flat.Replace(text[start:end]), flat.Replace(right)
}

// flashKind normalises a flash kind to one the stylesheet knows.
func flashKind(k string) string {
	switch k {
	case FlashSuccess, FlashError:
		return k
	}
	return FlashInfo
}

// flashPrefix spells out a flash's kind.
func flashPrefix(k string) string {
	switch flashKind(k) {
	case FlashSuccess:
		return "Done:"
	case FlashError:
		return "Error:"
	}
	return "Note:"
}

// overviewPage returns the overview's layout settings: charts load only
// when there is a chart to draw.
func overviewPage(v OverviewView) Page {
	p := v.Page
	p.Active = NavOverview
	if p.Title == "" {
		p.Title = "Overview"
	}
	p.Charts = p.Charts || (v.Stats.Articles > 0 && (v.FramesChart.ID != "" || v.SidesChart.ID != ""))
	return p
}

// pageFor fills a page's nav item and default title.
func pageFor(p Page, active, title string) Page {
	p.Active = active
	if p.Title == "" {
		p.Title = title
	}
	return p
}

// uploadCounts counts the results by status.
func uploadCounts(r UploadResults) (accepted, duplicate, rejected int) {
	for _, it := range r.Items {
		switch it.Status {
		case UploadAccepted:
			accepted++
		case UploadDuplicate:
			duplicate++
		default:
			rejected++
		}
	}
	return accepted, duplicate, rejected
}

// uploadSummary is the results' summary line.
func uploadSummary(r UploadResults) string {
	a, d, x := uploadCounts(r)
	return fmtInt(a) + " accepted, " + fmtInt(d) + " duplicate, " + fmtInt(x) + " rejected"
}

// uploadStatus normalises a status; anything unknown counts as rejected.
func uploadStatus(s string) string {
	switch s {
	case UploadAccepted, UploadDuplicate:
		return s
	}
	return UploadRejected
}

// int64String writes an id.
func int64String(n int64) string { return strconv.FormatInt(n, 10) }

// intString writes an int.
func intString(n int) string { return strconv.Itoa(n) }

// quoteKind normalises a quote kind for class names.
func quoteKind(k string) string {
	if k == "reported" {
		return "reported"
	}
	return "direct"
}

// voiceClass normalises a voice for class names.
func voiceClass(v string) string {
	switch v {
	case "quoted", "reported":
		return v
	}
	return "own"
}

// termsTitle is the terms page's title.
func termsTitle(v TermsView) string {
	if v.Pattern != "" {
		return "Term: " + v.Pattern
	}
	return "Terms"
}

// termsTotal sums the outlets' counts.
func termsTotal(v TermsView) int {
	n := 0
	for _, g := range v.Groups {
		n += g.Count
	}
	return n
}

// errorStatus is the error's status, 500 when unset or out of range.
func errorStatus(v ErrorView) int {
	if v.Status < 400 || v.Status > 599 {
		return http.StatusInternalServerError
	}
	return v.Status
}

// errorStatusText is the status's standard text ("Not Found").
func errorStatusText(v ErrorView) string {
	if t := http.StatusText(errorStatus(v)); t != "" {
		return t
	}
	return "Error"
}

// errorTitle is the error page's title ("404 Not Found").
func errorTitle(v ErrorView) string {
	return strconv.Itoa(errorStatus(v)) + " " + errorStatusText(v)
}

// errorMessage is the message to show, a generic one when none is given.
func errorMessage(v ErrorView) string {
	if v.Message != "" {
		return v.Message
	}
	if errorStatus(v) >= 500 {
		return "Something went wrong on our side. The error was logged; please try again."
	}
	return "The request could not be completed."
}

// lexiconURL is a lexicon's address ("/lexicons/default").
func lexiconURL(name string) string { return "/lexicons/" + url.PathEscape(name) }

// lexiconEntryURL is an entry's edit address ("/lexicons/default/entries/3").
func lexiconEntryURL(name string, i int) string {
	return lexiconURL(name) + "/entries/" + strconv.Itoa(i)
}

// fmtDate shows a publication date as it reads best: "2016-12-06" for a
// date, "2016-12-06 09:15 UTC" for an RFC 3339 time; anything else as given.
func fmtDate(s string) string {
	if len(s) <= len("2006-01-02") {
		return s
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return s
	}
	if t.Location() == time.UTC {
		return t.Format("2006-01-02 15:04") + " UTC"
	}
	return t.Format("2006-01-02 15:04 -07:00")
}
