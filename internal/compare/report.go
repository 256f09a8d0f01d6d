package compare

import (
	"context"
	"fmt"
	"hash/fnv"
	"math"
	"sort"
	"strings"
	"sync"

	"github.com/framinglens/framinglens/internal/stats"
	"github.com/framinglens/framinglens/internal/store"
)

// Resamples is the number of bootstrap resamples of the frame-rate
// intervals for outlets of up to ResampleArticles articles. Larger outlets
// get fewer, so that one outlet costs at most about Resamples ×
// ResampleArticles draws; the count used is on the page.
const (
	Resamples        = 1000
	ResampleArticles = 5000
	MinResamples     = 200
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
}

type cachedReport struct {
	version int64
	lexicon string
	report  *Report
}

const cacheSize = 32

// NewBuilder returns a builder over st.
func NewBuilder(st *store.Store) *Builder {
	return &Builder{st: st, cache: map[string]cachedReport{}}
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
	r, err := build(ctx, b.st, p, lex)
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

// build computes a report from the store.
func build(ctx context.Context, st *store.Store, p Params, lex Lexicon) (*Report, error) {
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
	r.frameRates(d)
	r.labels(d)
	r.sides(d)
	r.balance(d)
	r.heatmap(d)
	if err := r.timeline(d); err != nil {
		return nil, err
	}
	if err := r.distinctive(ctx, st, d); err != nil {
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
	if n <= ResampleArticles {
		return Resamples
	}
	return max(MinResamples, Resamples*ResampleArticles/n)
}

// seedOf derives a fixed bootstrap seed from an outlet's name, so a page
// shows the same intervals on every request.
func seedOf(name string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(name))
	return h.Sum64()
}

// frameRates computes each outlet's frame rates (all voices and own voice)
// with bootstrap intervals over its articles.
func (r *Report) frameRates(d store.CompareData) {
	per := make([][]store.CompareArticle, len(d.Outlets))
	for _, a := range d.Articles {
		per[a.Outlet] = append(per[a.Outlet], a)
	}
	for oi, o := range d.Outlets {
		arts := per[oi]
		words := make([]int, len(arts))
		counts := make([][]int, 2*len(r.Frames))
		for i := range counts {
			counts[i] = make([]int, len(arts))
		}
		for i, a := range arts {
			words[i] = a.Words
			for fi, f := range r.Frames {
				n := a.Frames[f]
				counts[2*fi][i], counts[2*fi+1][i] = n[0], n[1]
			}
		}
		b := resamples(len(arts))
		r.Outlets[oi].Resamples = b
		ci, err := stats.RatesCI(words, counts, b, seedOf(o.Name))
		if err != nil {
			// Counts come from the store's CHECKed columns; a failure here
			// is a bug, shown as empty intervals rather than a failed page.
			ci = make([]stats.RateInterval, len(counts))
		}
		total := 0
		for _, w := range words {
			total += w
		}
		for fi, f := range r.Frames {
			var hits, own int
			for i := range arts {
				hits += counts[2*fi][i]
				own += counts[2*fi+1][i]
			}
			all, ownCI := ci[2*fi], ci[2*fi+1]
			r.Rates = append(r.Rates, FrameRate{Outlet: o.Name, Frame: f, Hits: hits, Words: total,
				Rate: Round4(all.Rate), Lo: Round4(all.Lo), Hi: Round4(all.Hi)})
			r.RatesOwn = append(r.RatesOwn, FrameRate{Outlet: o.Name, Frame: f, Hits: own, Words: total,
				Rate: Round4(ownCI.Rate), Lo: Round4(ownCI.Lo), Hi: Round4(ownCI.Hi)})
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
	cells := map[[2]string]*cell{}
	first, last := "", ""
	for _, a := range d.Articles {
		if a.Published == "" {
			continue
		}
		key, ok := stats.Bucket(a.Published, r.Params.Weekly)
		if !ok {
			continue
		}
		if first == "" || a.Published < first {
			first = a.Published
		}
		if a.Published > last {
			last = a.Published
		}
		k := [2]string{key, d.Outlets[a.Outlet].Name}
		c := cells[k]
		if c == nil {
			c = &cell{}
			cells[k] = c
		}
		c.hits += a.Frames[r.TimeFrame][0]
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
		for _, o := range d.Outlets {
			c := cells[[2]string{p.Key, o.Name}]
			if c == nil {
				c = &cell{}
			}
			r.Timeline = append(r.Timeline, TimePoint{Period: p.Key, Outlet: o.Name, Hits: c.hits, Words: c.words,
				Rate: Round4(stats.Rate(c.hits, c.words))})
		}
	}
	return nil
}

// distinctive scores the entries and the words of each outlet against the
// others and of the chosen pair.
func (r *Report) distinctive(ctx context.Context, st *store.Store, d store.CompareData) error {
	n := len(d.Outlets)
	entries := make([]map[string]int, n)
	for i, o := range d.Outlets {
		entries[i] = map[string]int{}
		for _, e := range o.Entries {
			entries[i][e.Pattern] += e.Count
		}
	}
	var words []map[string]int
	var wordTotals []int
	if r.Params.Filter().Filtered() {
		texts, err := st.SampleTexts(ctx, r.Params.Filter(), WordSample)
		if err != nil {
			return err
		}
		words, wordTotals = make([]map[string]int, n), make([]int, n)
		for i, ts := range texts {
			words[i] = map[string]int{}
			for _, t := range ts {
				store.ContentWords(t, func(w []byte) {
					words[i][string(w)]++
					wordTotals[i]++
				})
			}
		}
		r.WordsSampled = true
	} else {
		ids := make([]int64, n)
		for i, o := range d.Outlets {
			ids[i] = o.ID
		}
		var err error
		words, wordTotals, err = st.OutletWords(ctx, ids)
		if err != nil {
			return err
		}
	}
	outletWords := make([]int, n)
	for i, o := range d.Outlets {
		outletWords[i] = o.Words
	}
	r.Distinct = make([][2]Distinctive, n)
	for i, o := range d.Outlets {
		rest := others(n, i)
		r.Distinct[i][0] = scoreEntries(o.Name, "the others", entries, outletWords, []int{i}, rest)
		r.Distinct[i][1] = scoreWords(o.Name, "the others", words, wordTotals, []int{i}, rest, r.WordsSampled)
	}
	a, b := r.Params.PairA, r.Params.PairB
	if a < n && b < n {
		r.Pair[0] = scoreEntries(d.Outlets[a].Name, d.Outlets[b].Name, entries, outletWords, []int{a}, []int{b})
		r.Pair[1] = scoreWords(d.Outlets[a].Name, d.Outlets[b].Name, words, wordTotals, []int{a}, []int{b}, r.WordsSampled)
	}
	return nil
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
	return summarise(a, b, "entries", scores, false)
}

// scoreWords scores every content word, with the pooled counts of the two
// groups as the prior (a0 = their total).
func scoreWords(a, b string, counts []map[string]int, totals []int, ia, ib []int, sampled bool) Distinctive {
	ca, cb := pick(counts, ia), pick(counts, ib)
	pooled := stats.MergeCounts(ca, cb)
	prior := stats.InformativePrior(pooled, float64(sum(totals, ia)+sum(totals, ib)))
	return summarise(a, b, "words", stats.LogOddsDirichlet(ca, cb, prior), sampled)
}

// summarise keeps the top terms of each side and counts the significant
// ones.
func summarise(a, b, vocab string, scores []stats.TermScore, sampled bool) Distinctive {
	d := Distinctive{A: a, B: b, Vocabulary: vocab, Terms: len(scores), Sampled: sampled}
	for i := range scores {
		scores[i].Delta, scores[i].Z = Round4(scores[i].Delta), Round4(scores[i].Z)
		if scores[i].Significant {
			d.Significant++
		}
		if scores[i].Q <= 0.05 {
			d.SignificantFDR++
		}
	}
	for _, s := range scores {
		if len(d.Top) == TopTerms || s.Z <= 0 {
			break
		}
		d.Top = append(d.Top, s)
	}
	for i := len(scores) - 1; i >= 0 && len(d.Bottom) < TopTerms; i-- {
		if scores[i].Z >= 0 {
			break
		}
		d.Bottom = append(d.Bottom, scores[i])
	}
	return d
}
