package handlers

import (
	"sort"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/views"
)

// This file maps domain values into the plain structs the views take.

func lexiconInfo(l *analysis.Lexicon) views.LexiconInfo {
	return views.LexiconInfo{Name: l.Name, Version: l.Version, Entries: len(l.Entries)}
}

func frameInfos(l *analysis.Lexicon) []views.FrameInfo {
	out := make([]views.FrameInfo, 0, len(l.Frames))
	for _, f := range l.Frames {
		out = append(out, views.FrameInfo{Name: f.Name, Description: f.Description})
	}
	return out
}

func registryInfo(r *analysis.Registry) views.RegistryInfo {
	return views.RegistryInfo{Name: r.Name, Version: r.Version, Entries: len(r.Entries), Sides: r.Sides()}
}

// storeSort maps the list's sort choices to the store's sort keys.
var storeSort = map[string]string{
	"newest":    "-date",
	"oldest":    "date",
	"outlet":    "outlet",
	"title":     "title",
	"words":     "-words",
	"balance":   "-balance",
	"imbalance": "balance",
}

// articleView maps a stored article and its result into the article page.
func articleView(p views.Page, id int64, outlet, url string, r *analysis.Result, fps []analysis.Span, lex *analysis.Lexicon) views.ArticleView {
	v := views.ArticleView{
		Page: p, ID: id, Title: r.Title, Outlet: outlet, Published: r.Published, URL: url,
		Words: r.Words, Text: r.Text, Unassigned: r.Unassigned,
		Balance: r.Balance, BalanceWords: r.BalanceWords, BalanceKnown: len(r.Sides) > 0,
		EngineVersion: r.Versions.Engine, LexiconVersion: r.Versions.Lexicon, RegistryVersion: r.Versions.Registry,
	}
	for _, h := range r.Hits {
		v.Hits = append(v.Hits, views.HitView{
			Term: h.Term, Pattern: h.Pattern, Frame: h.Frame, Actor: h.Actor, Valence: h.Valence,
			Voice: string(h.Voice), Start: h.Start, End: h.End, ScareQuote: h.ScareQuote, SoCalled: h.SoCalled,
		})
	}
	// Hits marked as false positives are gone from the scores; show them
	// struck through so the mark can be seen.
	for _, fp := range fps {
		if fp.Start >= 0 && fp.End <= len(r.Text) && fp.Start < fp.End {
			v.Hits = append(v.Hits, views.HitView{Term: r.Text[fp.Start:fp.End], Start: fp.Start, End: fp.End, Voice: string(analysis.VoiceOwn), FalsePositive: true})
		}
	}
	sort.Slice(v.Hits, func(i, j int) bool { return v.Hits[i].Start < v.Hits[j].Start })
	for _, q := range r.Quotes {
		v.Quotes = append(v.Quotes, views.QuoteView{Start: q.Start, End: q.End, Kind: string(q.Kind), Speaker: q.Speaker, Side: q.Side, Words: q.Words})
	}
	// Frames in the lexicon's order, then any others the hits name.
	seen := map[string]bool{}
	addFrame := func(name string) {
		if seen[name] {
			return
		}
		seen[name] = true
		fc, ok := r.Frames[name]
		if !ok {
			return
		}
		v.Frames = append(v.Frames, views.FrameRow{Frame: name, Count: fc.Count, Own: fc.Own, Quoted: fc.Quoted, Reported: fc.Reported, Per1000: fc.Per1000})
	}
	for _, f := range lex.Frames {
		addFrame(f.Name)
	}
	for _, name := range sortedKeys(r.Frames) {
		addFrame(name)
	}
	for _, name := range sortedKeys(r.Actors) {
		a := r.Actors[name]
		v.Actors = append(v.Actors, views.ActorRow{Actor: name, Count: a.Count, Valence: a.Valence, CountOwn: a.CountOwn, ValenceOwn: a.ValenceOwn})
	}
	for _, s := range r.Sources {
		v.Sources = append(v.Sources, views.SourceRow{Name: s.Name, Side: s.Side, Direct: s.Direct, Reported: s.Reported, Words: s.Words})
	}
	for _, side := range sortedKeys(r.Sides) {
		v.Sides = append(v.Sides, views.SideShare{Side: side, Share: r.Sides[side], WordsShare: r.SidesWords[side]})
	}
	return v
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
