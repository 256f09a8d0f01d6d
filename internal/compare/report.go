package compare

import (
	"context"
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/framinglens/framinglens/internal/stats"
	"github.com/framinglens/framinglens/internal/store"
)

// Resamples is the number of bootstrap resamples of the frame-rate
// intervals for outlets of up to BootstrapDraws / Resamples articles (2,000).
// Larger outlets get BootstrapDraws / n resamples, but never fewer than
// MinResamples, so that one outlet costs about BootstrapDraws article draws
// (at most MinResamples × n); the count used is on the page. The budget
// keeps a comparison of four outlets of 10,000 articles each within the
// page's time on two cores: each draw costs a few nanoseconds plus one
// multiply-add per frame the article has hits of. 200 resamples still
// place the 2.5% and 97.5% quantiles between the 5th and 6th smallest and
// largest resampled rates.
const (
	Resamples      = 1000
	BootstrapDraws = 2_000_000
	MinResamples   = 200
)

// WordSample is how many articles per outlet are read to count words when
// a date or text filter rules out the word counts kept on write.
const WordSample = 400

// TopTerms is how many terms per direction the distinctive-terms tables and
// charts show.
const TopTerms = 15

// HeatmapEntries caps the entries of the heatmap (the most frequent ones).
const HeatmapEntries = 30

// Outlet is one compared outlet's totals over the selected articles.
type Outlet struct {
	Name     string
	Aliases  []string
	Articles int
	Words    int
	// Resamples is the number of bootstrap resamples its intervals used.
	Resamples int
}

// FrameRate is one outlet's rate of one frame per 1,000 words, pooled over
// its articles, with a 95% bootstrap interval over articles.
type FrameRate struct {
	Outlet, Frame string
	Hits, Words   int
	Rate, Lo, Hi  float64
}

// LabelShare is one label's (lexicon entry's) share of the labels an outlet
// used for one actor.
type LabelShare struct {
	Actor, Outlet, Label string
	Hits                 int
	Share                float64
}

// SideShare is one side's share of an outlet's attributions and quoted
// words, over the speakers of a known side.
type SideShare struct {
	Outlet, Side        string
	Attributions, Words int
	Share, WordsShare   float64
}

// BalanceBox is the distribution of an outlet's per-article balance index
// over the articles quoting a known side.
type BalanceBox struct {
	Outlet string
	Box    stats.BoxStats
	Mean   float64
}

// EntryRate is one lexicon entry's rate per 1,000 words in one outlet.
type EntryRate struct {
	Outlet, Pattern, Actor string
	Hits, Words            int
	Rate                   float64
}

// TimePoint is one outlet's rate of the timeline's frame in one period.
type TimePoint struct {
	Period, Outlet string
	Hits, Words    int
	Rate           float64
}

// Distinctive is the weighted log-odds comparison of one group against
// another over one vocabulary ("entries" or "words").
type Distinctive struct {
	A, B       string // "Fox News" and "the others", or the pair
	Vocabulary string
	// Top are the TopTerms terms most typical of A (highest z) and Bottom
	// those most typical of B (lowest z, most negative first).
	Top, Bottom []stats.TermScore
	// Terms is how many terms were scored, Significant how many have
	// |z| > 1.96 and SignificantFDR how many keep q ≤ 0.05 after the
	// Benjamini–Hochberg adjustment over all of them.
	Terms, Significant, SignificantFDR int
	// Sampled is true when the word counts come from a sample of the
	// selected articles (a filter is set) rather than all of them.
	Sampled bool
}

// Report is every figure of the comparison page.
type Report struct {
	Params    Params
	Outlets   []Outlet
	Frames    []string // frame names in the lexicon's order, then others
	Actors    []string // actors with labels, in the lexicon's order
	Rates     []FrameRate
	RatesOwn  []FrameRate
	Labels    []LabelShare // by actor, outlet, label
	Sides     []SideShare
	SideNames []string
	Balance   []BalanceBox
	Entries   []EntryRate // heatmap cells, outlets × HeatmapPatterns
	// HeatmapPatterns are the heatmap's columns: the most frequent entries.
	HeatmapPatterns []string
	TimeFrame       string
	Periods         []string
	Timeline        []TimePoint
	// Distinct holds, for each outlet, its comparison against the others
	// over entries then words; Pair the same for the chosen pair.
	Distinct     [][2]Distinctive
	Pair         [2]Distinctive
	WordsSampled bool
	// Empty is true when no selected article has been analysed.
	Empty bool
}

// Lexicon describes the active lexicon: frames and actors in order, and
// each pattern's actor.
type Lexicon struct {
	Frames []string
	Actors []string
}

// Builder builds reports and caches them per parameters and corpus
// version, so that repeated requests cost a lookup.
type Builder struct {
	st *store.Store
	mu sync.Mutex
	// cache maps the parameters' key to the latest report and the corpus
	// version it was built from; it holds at most cacheSize reports.
	cache map[string]cachedReport
	order []string
	// cis keeps outlets' bootstrap intervals across reports.
	cis *ciCache
}

type cachedReport struct {
	version int64
	lexicon string
	report  *Report
}

const cacheSize = 32

// NewBuilder returns a builder over st.
func NewBuilder(st *store.Store) *Builder {
	return &Builder{st: st, cache: map[string]cachedReport{}, cis: newCICache()}
}

// Build returns the report of p, from the cache when neither the corpus nor
// the lexicon changed since it was built.
func (b *Builder) Build(ctx context.Context, p Params, lex Lexicon) (*Report, error) {
	version, err := b.st.CorpusVersion(ctx)
	if err != nil {
		return nil, err
	}
	key := p.key()
	lexKey := strings.Join(lex.Frames, "\x00") + "\x01" + strings.Join(lex.Actors, "\x00")
	b.mu.Lock()
	c, ok := b.cache[key]
	b.mu.Unlock()
	if ok && c.version == version && c.lexicon == lexKey {
		return c.report, nil
	}
	r, err := build(ctx, b.st, p, lex, b.cis)
	if err != nil {
		return nil, err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if _, ok := b.cache[key]; !ok {
		b.order = append(b.order, key)
		if len(b.order) > cacheSize {
			delete(b.cache, b.order[0])
			b.order = b.order[1:]
		}
	}
	b.cache[key] = cachedReport{version: version, lexicon: lexKey, report: r}
	return r, nil
}

// build computes a report from the store. The word counts of the
// distinctive-terms tables are read and scored on a goroutine of their
// own while the articles are read and bootstrapped.
func build(ctx context.Context, st *store.Store, p Params, lex Lexicon, cis *ciCache) (*Report, error) {
	var words wordScores
	var wordsErr error
	var wg sync.WaitGroup
	wg.Go(func() { words, wordsErr = scoreWords(ctx, st, p) })
	r, err := buildFromArticles(ctx, st, p, lex, cis)
	wg.Wait()
	if err != nil {
		return nil, err
	}
	if wordsErr != nil {
		return nil, wordsErr
	}
	r.WordsSampled = words.sampled
	for i, o := range r.Outlets {
		r.Distinct[i][1] = summarise(o.Name, "the others", "words", words.rest[i], words.sampled)
	}
	if a, b := p.PairA, p.PairB; a < len(r.Outlets) && b < len(r.Outlets) {
		r.Pair[1] = summarise(r.Outlets[a].Name, r.Outlets[b].Name, "words", words.pair, words.sampled)
	}
	return r, nil
}

// buildFromArticles computes every figure but the word tables.
func buildFromArticles(ctx context.Context, st *store.Store, p Params, lex Lexicon, cis *ciCache) (*Report, error) {
	d, err := st.Compare(ctx, p.Filter())
	if err != nil {
		return nil, err
	}
	r := &Report{Params: p, Empty: len(d.Articles) == 0}
	for _, o := range d.Outlets {
		r.Outlets = append(r.Outlets, Outlet{Name: o.Name, Aliases: o.Aliases, Articles: o.Articles, Words: o.Words})
	}
	r.Frames = orderNames(lex.Frames, func(add func(string)) {
		for _, o := range d.Outlets {
			for _, f := range o.Frames {
				add(f.Frame)
			}
		}
	})
	r.Actors = orderNames(lex.Actors, func(add func(string)) {
		for _, o := range d.Outlets {
			for _, e := range o.Entries {
				add(e.Actor)
			}
		}
	})
	// The bootstrap runs on its own goroutines while the other figures
	// are computed.
	finishRates := r.frameRates(d, cis)
	r.labels(d)
	r.sides(d)
	r.balance(d)
	r.heatmap(d)
	err = r.timeline(d)
	r.distinctEntries(d)
	finishRates()
	if err != nil {
		return nil, err
	}
	return r, nil
}

// orderNames lists the names of want that occur, in want's order, then
// the other names that occur, sorted.
func orderNames(want []string, each func(add func(string))) []string {
	seen := map[string]bool{}
	each(func(n string) { seen[n] = true })
	var out []string
	for _, n := range want {
		if seen[n] {
			out = append(out, n)
			delete(seen, n)
		}
	}
	var rest []string
	for n := range seen {
		rest = append(rest, n)
	}
	sort.Strings(rest)
	return append(out, rest...)
}

// Round4 rounds to 4 decimals: every number a chart draws and its CSV
// writes goes through it once, here.
func Round4(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	return math.Round(x*1e4) / 1e4
}

// resamples is the bootstrap size for an outlet of n articles.
func resamples(n int) int {
	if n*Resamples <= BootstrapDraws {
		return Resamples
	}
	return max(MinResamples, BootstrapDraws/n)
}

// seedOf derives a fixed bootstrap seed from an outlet's name, so a page
// shows the same intervals on every request.
func seedOf(name string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(name))
	return h.Sum64()
}

// frameRates computes each outlet's frame rates (all voices and own voice)
// with bootstrap intervals over its articles, one outlet per goroutine,
// taking from cache the intervals of outlets whose articles it has seen.
// It returns at once; the returned function waits for the goroutines and
// fills r.Rates and r.RatesOwn.
func (r *Report) frameRates(d store.CompareData, cache *ciCache) (finish func()) {
	no := len(d.Outlets)
	// words[o][i] and counts[o][2f or 2f+1][i] are the i-th article of
	// outlet o, in the order of d.Articles.
	sizes := make([]int, no)
	for _, a := range d.Articles {
		sizes[a.Outlet]++
	}
	words := make([][]int, no)
	counts := make([][][]int, no)
	for o := range no {
		words[o] = make([]int, 0, sizes[o])
		counts[o] = make([][]int, 2*len(r.Frames))
		for i := range counts[o] {
			counts[o][i] = make([]int, sizes[o])
		}
	}
	for _, a := range d.Articles {
		o, i := a.Outlet, len(words[a.Outlet])
		words[o] = append(words[o], a.Words)
		for _, f := range a.Frames {
			// The store hands out one string per frame name, so the
			// comparisons are mostly of pointers; a map would hash.
			for k, name := range r.Frames {
				if name == f.Frame {
					counts[o][2*k][i], counts[o][2*k+1][i] = f.Count, f.Own
					break
				}
			}
		}
	}
	cis := make([][]stats.RateInterval, no)
	var wg sync.WaitGroup
	for o := range no {
		b := resamples(sizes[o])
		r.Outlets[o].Resamples = b
		wg.Go(func() {
			name := d.Outlets[o].Name
			key := cache.key(name, r.Frames, b, words[o], counts[o])
			if ci, ok := cache.get(key); ok {
				cis[o] = ci
				return
			}
			ci, err := stats.RatesCI(words[o], counts[o], b, seedOf(name))
			if err != nil {
				// Counts come from the store's CHECKed columns; a failure
				// here is a bug, shown as empty intervals rather than a
				// failed page.
				cis[o] = make([]stats.RateInterval, len(counts[o]))
				return
			}
			cis[o] = ci
			cache.put(key, ci)
		})
	}
	return func() {
		wg.Wait()
		for o, out := range d.Outlets {
			total := 0
			for _, w := range words[o] {
				total += w
			}
			for fi, f := range r.Frames {
				var hits, own int
				for i := range words[o] {
					hits += counts[o][2*fi][i]
					own += counts[o][2*fi+1][i]
				}
				all, ownCI := cis[o][2*fi], cis[o][2*fi+1]
				r.Rates = append(r.Rates, FrameRate{Outlet: out.Name, Frame: f, Hits: hits, Words: total,
					Rate: Round4(all.Rate), Lo: Round4(all.Lo), Hi: Round4(all.Hi)})
				r.RatesOwn = append(r.RatesOwn, FrameRate{Outlet: out.Name, Frame: f, Hits: own, Words: total,
					Rate: Round4(ownCI.Rate), Lo: Round4(ownCI.Lo), Hi: Round4(ownCI.Hi)})
			}
		}
	}
}

// labels computes, for each actor, each outlet's mix of labels.
func (r *Report) labels(d store.CompareData) {
	for _, actor := range r.Actors {
		for _, o := range d.Outlets {
			byLabel := map[string]int{}
			for _, e := range o.Entries {
				if e.Actor == actor {
					byLabel[e.Pattern] += e.Count
				}
			}
			names := make([]string, 0, len(byLabel))
			for n := range byLabel {
				names = append(names, n)
			}
			sort.Strings(names)
			counts := make([]int, len(names))
			for i, n := range names {
				counts[i] = byLabel[n]
			}
			shares := stats.Shares(counts)
			for i, n := range names {
				r.Labels = append(r.Labels, LabelShare{Actor: actor, Outlet: o.Name, Label: n, Hits: counts[i], Share: Round4(shares[i])})
			}
		}
	}
}

// ActorLabels returns the labels used for actor by any outlet, the most
// used first.
func (r *Report) ActorLabels(actor string) []string {
	total := map[string]int{}
	for _, l := range r.Labels {
		if l.Actor == actor {
			total[l.Label] += l.Hits
		}
	}
	names := make([]string, 0, len(total))
	for n := range total {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		if total[names[i]] != total[names[j]] {
			return total[names[i]] > total[names[j]]
		}
		return names[i] < names[j]
	})
	return names
}

// sides computes each outlet's side shares over speakers of a known side.
func (r *Report) sides(d store.CompareData) {
	seen := map[string]bool{}
	for _, o := range d.Outlets {
		for _, s := range o.Sides {
			if s.Side != "unassigned" && s.Side != "" {
				seen[s.Side] = true
			}
		}
	}
	for s := range seen {
		r.SideNames = append(r.SideNames, s)
	}
	sort.Strings(r.SideNames)
	for _, o := range d.Outlets {
		att := make([]int, len(r.SideNames))
		words := make([]int, len(r.SideNames))
		for _, s := range o.Sides {
			for i, n := range r.SideNames {
				if n == s.Side {
					att[i], words[i] = s.Attributions, s.Words
				}
			}
		}
		sa, sw := stats.Shares(att), stats.Shares(words)
		for i, n := range r.SideNames {
			r.Sides = append(r.Sides, SideShare{Outlet: o.Name, Side: n, Attributions: att[i], Words: words[i],
				Share: Round4(sa[i]), WordsShare: Round4(sw[i])})
		}
	}
}

// balance summarises each outlet's balance indices.
func (r *Report) balance(d store.CompareData) {
	vals := make([][]float64, len(d.Outlets))
	for _, a := range d.Articles {
		if a.BalanceKnown {
			vals[a.Outlet] = append(vals[a.Outlet], a.Balance)
		}
	}
	for i, o := range d.Outlets {
		b := stats.Box(vals[i])
		b.Min, b.Max, b.Q1, b.Median, b.Q3 = Round4(b.Min), Round4(b.Max), Round4(b.Q1), Round4(b.Median), Round4(b.Q3)
		b.LowerWhisker, b.UpperWhisker = Round4(b.LowerWhisker), Round4(b.UpperWhisker)
		for j := range b.Outliers {
			b.Outliers[j] = Round4(b.Outliers[j])
		}
		mean := 0.0
		if m, ok := o.MeanBalance(); ok {
			mean = m
		}
		r.Balance = append(r.Balance, BalanceBox{Outlet: o.Name, Box: b, Mean: Round4(mean)})
	}
}

// heatmap computes the rates of the most frequent entries in each outlet.
func (r *Report) heatmap(d store.CompareData) {
	total := map[string]int{}
	actor := map[string]string{}
	per := make([]map[string]int, len(d.Outlets))
	for i, o := range d.Outlets {
		per[i] = map[string]int{}
		for _, e := range o.Entries {
			total[e.Pattern] += e.Count
			per[i][e.Pattern] += e.Count
			actor[e.Pattern] = e.Actor
		}
	}
	for p := range total {
		r.HeatmapPatterns = append(r.HeatmapPatterns, p)
	}
	sort.Slice(r.HeatmapPatterns, func(i, j int) bool {
		a, b := r.HeatmapPatterns[i], r.HeatmapPatterns[j]
		if total[a] != total[b] {
			return total[a] > total[b]
		}
		return a < b
	})
	if len(r.HeatmapPatterns) > HeatmapEntries {
		r.HeatmapPatterns = r.HeatmapPatterns[:HeatmapEntries]
	}
	for i, o := range d.Outlets {
		for _, p := range r.HeatmapPatterns {
			n := per[i][p]
			r.Entries = append(r.Entries, EntryRate{Outlet: o.Name, Pattern: p, Actor: actor[p], Hits: n, Words: o.Words,
				Rate: Round4(stats.Rate(n, o.Words))})
		}
	}
}

// timeline computes each outlet's rate of one frame per month or week.
func (r *Report) timeline(d store.CompareData) error {
	r.TimeFrame = r.Params.Frame
	if r.TimeFrame == "" && len(r.Frames) > 0 {
		r.TimeFrame = r.Frames[0]
	}
	type cell struct{ hits, words int }
	// cells[o] maps a period to outlet o's sums. Articles come by date
	// within an outlet, so the period of the previous article's date is
	// reused rather than parsed again.
	cells := make([]map[string]*cell, len(d.Outlets))
	for o := range cells {
		cells[o] = map[string]*cell{}
	}
	first, last := "", ""
	prevDate, prevKey, prevOK := "", "", false
	for _, a := range d.Articles {
		if a.Published == "" {
			continue
		}
		if a.Published != prevDate {
			prevDate = a.Published
			prevKey, prevOK = stats.Bucket(a.Published, r.Params.Weekly)
		}
		if !prevOK {
			continue
		}
		if first == "" || a.Published < first {
			first = a.Published
		}
		if a.Published > last {
			last = a.Published
		}
		c := cells[a.Outlet][prevKey]
		if c == nil {
			c = &cell{}
			cells[a.Outlet][prevKey] = c
		}
		hits, _ := a.FrameCount(r.TimeFrame)
		c.hits += hits
		c.words += a.Words
	}
	if first == "" {
		return nil
	}
	periods, err := stats.Periods(first, last, r.Params.Weekly)
	if err != nil {
		return fmt.Errorf("compare: timeline: %w", err)
	}
	for _, p := range periods {
		r.Periods = append(r.Periods, p.Key)
		for oi, o := range d.Outlets {
			c := cells[oi][p.Key]
			if c == nil {
				c = &cell{}
			}
			r.Timeline = append(r.Timeline, TimePoint{Period: p.Key, Outlet: o.Name, Hits: c.hits, Words: c.words,
				Rate: Round4(stats.Rate(c.hits, c.words))})
		}
	}
	return nil
}

// distinctEntries scores the lexicon entries of each outlet against the
// others and of the chosen pair.
func (r *Report) distinctEntries(d store.CompareData) {
	n := len(d.Outlets)
	entries := make([]map[string]int, n)
	for i, o := range d.Outlets {
		entries[i] = map[string]int{}
		for _, e := range o.Entries {
			entries[i][e.Pattern] += e.Count
		}
	}
	outletWords := make([]int, n)
	for i, o := range d.Outlets {
		outletWords[i] = o.Words
	}
	r.Distinct = make([][2]Distinctive, n)
	for i, o := range d.Outlets {
		r.Distinct[i][0] = scoreEntries(o.Name, "the others", entries, outletWords, []int{i}, others(n, i))
	}
	a, b := r.Params.PairA, r.Params.PairB
	if a < n && b < n {
		r.Pair[0] = scoreEntries(d.Outlets[a].Name, d.Outlets[b].Name, entries, outletWords, []int{a}, []int{b})
	}
}

func others(n, skip int) []int {
	var out []int
	for i := 0; i < n; i++ {
		if i != skip {
			out = append(out, i)
		}
	}
	return out
}

func pick(counts []map[string]int, idx []int) map[string]int {
	sel := make([]map[string]int, len(idx))
	for k, i := range idx {
		sel[k] = counts[i]
	}
	return stats.MergeCounts(sel...)
}

func sum(vals []int, idx []int) int {
	t := 0
	for _, i := range idx {
		t += vals[i]
	}
	return t
}

// scoreEntries scores lexicon entries against all the words the groups
// wrote: group sizes are word totals, and the prior is the pooled entry
// counts of the two groups scaled to their pooled words (a0 = that total).
func scoreEntries(a, b string, counts []map[string]int, words []int, ia, ib []int) Distinctive {
	ca, cb := pick(counts, ia), pick(counts, ib)
	na, nb := sum(words, ia), sum(words, ib)
	prior := stats.InformativePriorOf(stats.MergeCounts(ca, cb), na+nb, float64(na+nb))
	scores := stats.LogOddsDirichletOf(ca, cb, na, nb, prior, float64(na+nb))
	return summarise(a, b, "entries", topOf(scores, TopTerms), false)
}

// topOf is the LogOddsTop of a full, sorted list of scores.
func topOf(scores []stats.TermScore, k int) stats.LogOddsTop {
	t := stats.LogOddsTop{Terms: len(scores)}
	for _, s := range scores {
		if s.Significant {
			t.Significant++
		}
		if s.Q <= stats.FDRLevel {
			t.SignificantFDR++
		}
	}
	t.Top = scores[:min(k, len(scores))]
	t.Bottom = slices.Clone(scores[max(0, len(scores)-k):])
	slices.Reverse(t.Bottom)
	return t
}

// wordScores are the "all words" comparisons of a report: each outlet
// against the others, and the pair.
type wordScores struct {
	rest    []stats.LogOddsTop
	pair    stats.LogOddsTop
	sampled bool
}

// scoreWords reads the outlets' word counts (kept on write, or counted
// from a sample of the selected articles under a date or text filter) and
// scores every content word of each outlet against the others and of the
// pair, each comparison on its own goroutine. The prior is the pooled
// counts of the two groups compared (a0 = their total), as in
// stats.InformativePrior; the "others" are the sum of all compared outlets
// less the one scored.
func scoreWords(ctx context.Context, st *store.Store, p Params) (wordScores, error) {
	var out wordScores
	var t store.OutletWordTable
	var err error
	if f := p.Filter(); f.Filtered() {
		out.sampled = true
		t, err = sampleWords(ctx, st, f)
	} else {
		t, err = st.CompareWordTable(ctx, f)
	}
	if err != nil {
		return out, err
	}
	n, v := len(t.Counts), len(t.Words)
	total := make([]int, v)
	for _, c := range t.Counts {
		for w, y := range c {
			total[w] += y
		}
	}
	all := 0
	for _, y := range t.Totals {
		all += y
	}
	// compare scores group a against group b, whose pooled counts are
	// pooled and whose word totals add up to a0.
	compare := func(a, b, pooled []int, a0 int) stats.LogOddsTop {
		var sumPooled int
		for _, y := range pooled {
			if y > 0 {
				sumPooled += y
			}
		}
		prior := make([]float64, v)
		if a0 > 0 && sumPooled > 0 {
			for w, y := range pooled {
				if y > 0 {
					prior[w] = float64(a0) * float64(y) / float64(sumPooled)
				}
			}
		}
		return stats.LogOddsDirichletTop(t.Words, a, b, prior, TopTerms)
	}
	out.rest = make([]stats.LogOddsTop, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			rest := make([]int, v)
			for w := range rest {
				rest[w] = total[w] - t.Counts[i][w]
			}
			out.rest[i] = compare(t.Counts[i], rest, total, all)
		})
	}
	if a, b := p.PairA, p.PairB; a < n && b < n {
		wg.Go(func() {
			pooled := make([]int, v)
			for w := range pooled {
				pooled[w] = t.Counts[a][w] + t.Counts[b][w]
			}
			out.pair = compare(t.Counts[a], t.Counts[b], pooled, t.Totals[a]+t.Totals[b])
		})
	}
	wg.Wait()
	return out, nil
}

// sampleWords counts the content words of up to WordSample selected
// articles of each outlet.
func sampleWords(ctx context.Context, st *store.Store, f store.CompareFilter) (store.OutletWordTable, error) {
	texts, err := st.SampleTexts(ctx, f, WordSample)
	if err != nil {
		return store.OutletWordTable{}, err
	}
	t := store.OutletWordTable{Counts: make([][]int, len(texts)), Totals: make([]int, len(texts))}
	index := map[string]int{}
	for i, ts := range texts {
		for _, text := range ts {
			store.ContentWords(text, func(w []byte) {
				k, ok := index[string(w)]
				if !ok {
					k = len(t.Words)
					index[string(w)] = k
					t.Words = append(t.Words, string(w))
				}
				for len(t.Counts[i]) <= k {
					t.Counts[i] = append(t.Counts[i], 0)
				}
				t.Counts[i][k]++
				t.Totals[i]++
			})
		}
	}
	for i := range t.Counts {
		t.Counts[i] = append(t.Counts[i], make([]int, len(t.Words)-len(t.Counts[i]))...)
	}
	return t, nil
}

// summarise keeps the top terms of each side, rounded for the page and its
// CSVs.
func summarise(a, b, vocab string, t stats.LogOddsTop, sampled bool) Distinctive {
	d := Distinctive{A: a, B: b, Vocabulary: vocab, Terms: t.Terms, Significant: t.Significant,
		SignificantFDR: t.SignificantFDR, Sampled: sampled}
	for _, s := range t.Top {
		s.Delta, s.Z = Round4(s.Delta), Round4(s.Z)
		if len(d.Top) == TopTerms || s.Z <= 0 {
			break
		}
		d.Top = append(d.Top, s)
	}
	for _, s := range t.Bottom {
		s.Delta, s.Z = Round4(s.Delta), Round4(s.Z)
		if len(d.Bottom) == TopTerms || s.Z >= 0 {
			break
		}
		d.Bottom = append(d.Bottom, s)
	}
	return d
}
