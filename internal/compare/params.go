// Package compare computes the figures of the outlet-comparison page from
// the store's rows: frame rates with bootstrap intervals, label mixes,
// source sides, balance distributions, an outlet × entry heatmap, a
// timeline and distinctive terms.
//
// Each chart's numbers are computed once, here, into plain series; the
// chart builder draws them and the CSV writer writes them, so the "data
// (CSV)" link of a chart gives exactly the numbers drawn.
package compare

import (
	"net/url"
	"strings"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/store"
)

// Bounds on the number of outlets compared at once.
const (
	MinOutlets = 2
	MaxOutlets = 8
)

// Params is what the comparison page is asked for.
type Params struct {
	// Outlets are 2 to 8 outlet names or aliases, in the order shown.
	Outlets []string
	// From and To bound the publication date (YYYY-MM-DD), inclusive.
	From, To string
	// Query is a full-text filter on the articles.
	Query string
	// Weekly buckets the timeline by ISO week instead of by month.
	Weekly bool
	// Frame is the frame the timeline follows; empty means the first frame.
	Frame string
	// PairA and PairB are the indices into Outlets of the pair the
	// distinctive-terms charts compare (default 0 and 1).
	PairA, PairB int
}

// ParseParams reads the page's query string: outlet (repeated), from, to,
// q, period (month or week), frame, pair (two outlet names). Fewer than 2
// or more than 8 distinct outlets is EINVALID with a message saying so.
func ParseParams(q url.Values) (Params, error) {
	p := Params{
		From:  strings.TrimSpace(q.Get("from")),
		To:    strings.TrimSpace(q.Get("to")),
		Query: strings.TrimSpace(q.Get("q")),
		Frame: strings.TrimSpace(q.Get("frame")),
		PairB: 1,
	}
	seen := map[string]bool{}
	for _, o := range q["outlet"] {
		o = strings.Join(strings.Fields(o), " ")
		if o == "" || seen[strings.ToLower(o)] {
			continue
		}
		seen[strings.ToLower(o)] = true
		p.Outlets = append(p.Outlets, o)
	}
	if len(p.Outlets) < MinOutlets || len(p.Outlets) > MaxOutlets {
		return p, analysis.Errorf(analysis.EINVALID,
			"Choose from %d to %d different outlets to compare; %d chosen.", MinOutlets, MaxOutlets, len(p.Outlets))
	}
	switch period := q.Get("period"); period {
	case "", "month":
	case "week":
		p.Weekly = true
	default:
		return p, analysis.Errorf(analysis.EINVALID, "The timeline period must be month or week, not %q.", period)
	}
	if pair := q["pair"]; len(pair) == 2 {
		a, b := p.index(pair[0]), p.index(pair[1])
		if a < 0 || b < 0 || a == b {
			return p, analysis.Errorf(analysis.EINVALID, "The pair must be two different outlets of the comparison.")
		}
		p.PairA, p.PairB = a, b
	}
	return p, nil
}

// index finds an outlet of the comparison by name, ignoring case; -1 when
// absent.
func (p Params) index(name string) int {
	name = strings.Join(strings.Fields(name), " ")
	for i, o := range p.Outlets {
		if strings.EqualFold(o, name) {
			return i
		}
	}
	return -1
}

// Filter is the store filter of the comparison.
func (p Params) Filter() store.CompareFilter {
	return store.CompareFilter{Outlets: p.Outlets, From: p.From, To: p.To, Query: p.Query}
}

// Values writes the parameters back as a query string, for the CSV links
// and the story view.
func (p Params) Values() url.Values {
	v := url.Values{}
	for _, o := range p.Outlets {
		v.Add("outlet", o)
	}
	for key, val := range map[string]string{"from": p.From, "to": p.To, "q": p.Query, "frame": p.Frame} {
		if val != "" {
			v.Set(key, val)
		}
	}
	if p.Weekly {
		v.Set("period", "week")
	}
	if p.PairA != 0 || p.PairB != 1 {
		v.Add("pair", p.Outlets[p.PairA])
		v.Add("pair", p.Outlets[p.PairB])
	}
	return v
}

// key identifies the parameters for the cache.
func (p Params) key() string {
	return p.Values().Encode()
}
