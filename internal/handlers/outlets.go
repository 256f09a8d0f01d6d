package handlers

import (
	"net/http"
	"sort"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/stats"
	"github.com/framinglens/framinglens/internal/store"
	"github.com/framinglens/framinglens/views"
)

// outletsShow is the outlets table. It reads the per-outlet totals the
// store keeps on write, so it costs the same on any corpus size.
func (s *Server) outletsShow(c echo.Context) error {
	totals, err := s.st.OutletTotals(c.Request().Context())
	if err != nil {
		return err
	}
	lex := s.compareLexicon()
	v := views.OutletsView{Page: s.page(c, "Outlets", views.NavOutlets), Sort: c.QueryParam("sort"), Desc: c.QueryParam("dir") == "desc"}
	v.Frames = outletNames(lex.Frames, totals, func(t store.OutletTotal, add func(string)) {
		for _, f := range t.Frames {
			add(f.Frame)
		}
	})
	v.Sides = outletNames(nil, totals, func(t store.OutletTotal, add func(string)) {
		for _, sd := range t.Sides {
			if sd.Side != analysis.SideUnassigned {
				add(sd.Side)
			}
		}
	})
	for _, t := range totals {
		v.Rows = append(v.Rows, outletRow(t, v.Frames, v.Sides, lex.Actors))
	}
	outletSort(&v)
	return render(c, http.StatusOK, views.OutletsPage(v))
}

// outletNames lists the names want holds that occur in totals, in want's
// order, then the others sorted.
func outletNames(want []string, totals []store.OutletTotal, each func(store.OutletTotal, func(string))) []string {
	seen := map[string]bool{}
	for _, t := range totals {
		each(t, func(n string) { seen[n] = true })
	}
	var out []string
	for _, n := range want {
		if seen[n] {
			out = append(out, n)
			delete(seen, n)
		}
	}
	rest := make([]string, 0, len(seen))
	for n := range seen {
		rest = append(rest, n)
	}
	sort.Strings(rest)
	return append(out, rest...)
}

// outletRow computes one outlet's rates, shares and label mix.
func outletRow(t store.OutletTotal, frames, sides, actors []string) views.OutletTableRow {
	r := views.OutletTableRow{Name: t.Name, Aliases: t.Aliases, Articles: t.Articles, Words: t.Words,
		Rates: make([]float64, len(frames)), RatesOwn: make([]float64, len(frames))}
	for i, name := range frames {
		for _, f := range t.Frames {
			if f.Frame == name {
				r.Rates[i], r.RatesOwn[i] = stats.Rate(f.Count, t.Words), stats.Rate(f.Own, t.Words)
			}
		}
	}
	att, words := make([]int, len(sides)), make([]int, len(sides))
	for i, name := range sides {
		for _, sd := range t.Sides {
			if sd.Side == name {
				att[i], words[i] = sd.Attributions, sd.Words
			}
		}
	}
	r.SideShares, r.SideWordShares = stats.Shares(att), stats.Shares(words)
	r.MeanBalance, r.BalanceKnown = t.MeanBalance()
	byActor := map[string][]store.OutletEntryTotal{}
	for _, e := range t.Entries {
		byActor[e.Actor] = append(byActor[e.Actor], e)
	}
	order := outletNames(actors, []store.OutletTotal{t}, func(t store.OutletTotal, add func(string)) {
		for _, e := range t.Entries {
			add(e.Actor)
		}
	})
	for _, actor := range order {
		labels := map[string]int{}
		for _, e := range byActor[actor] {
			labels[e.Pattern] += e.Count
		}
		names := make([]string, 0, len(labels))
		counts := []int{}
		for n := range labels {
			names = append(names, n)
		}
		sort.Slice(names, func(i, j int) bool {
			if labels[names[i]] != labels[names[j]] {
				return labels[names[i]] > labels[names[j]]
			}
			return names[i] < names[j]
		})
		for _, n := range names {
			counts = append(counts, labels[n])
		}
		shares := stats.Shares(counts)
		m := views.ActorMix{Actor: actor}
		for i, n := range names {
			m.Labels = append(m.Labels, views.LabelPart{Label: n, Hits: counts[i], Share: shares[i]})
		}
		r.LabelMix = append(r.LabelMix, m)
	}
	return r
}

// outletSort orders the rows by the chosen column; unknown keys sort by
// name.
func outletSort(v *views.OutletsView) {
	key := func(r views.OutletTableRow) (float64, bool) {
		switch {
		case v.Sort == "articles":
			return float64(r.Articles), true
		case v.Sort == "words":
			return float64(r.Words), true
		case v.Sort == "balance":
			return r.MeanBalance, true
		case strings.HasPrefix(v.Sort, "rate:") || strings.HasPrefix(v.Sort, "own:"):
			kind, frame, _ := strings.Cut(v.Sort, ":")
			for i, f := range v.Frames {
				if f == frame {
					if kind == "own" {
						return r.RatesOwn[i], true
					}
					return r.Rates[i], true
				}
			}
		}
		return 0, false
	}
	if _, ok := key(views.OutletTableRow{Rates: make([]float64, len(v.Frames)), RatesOwn: make([]float64, len(v.Frames))}); !ok {
		v.Sort = "name"
	}
	sort.SliceStable(v.Rows, func(i, j int) bool {
		a, b := v.Rows[i], v.Rows[j]
		if v.Sort == "name" {
			if v.Desc {
				return strings.ToLower(a.Name) > strings.ToLower(b.Name)
			}
			return strings.ToLower(a.Name) < strings.ToLower(b.Name)
		}
		ka, _ := key(a)
		kb, _ := key(b)
		if v.Desc {
			return ka > kb
		}
		return ka < kb
	})
}

// outletMerge merges one outlet into another.
func (s *Server) outletMerge(c echo.Context) error {
	from, into := strings.TrimSpace(c.FormValue("from")), strings.TrimSpace(c.FormValue("into"))
	if err := s.st.MergeOutlets(c.Request().Context(), from, into); err != nil {
		return outletFormError(c, err)
	}
	return redirectWithFlash(c, "/outlets", views.FlashSuccess, "Merged "+from+" into "+into+"; "+from+" is now an alias.")
}

// outletRename renames an outlet, keeping the old name as an alias.
func (s *Server) outletRename(c echo.Context) error {
	from, to := strings.TrimSpace(c.FormValue("from")), strings.TrimSpace(c.FormValue("to"))
	if err := s.st.RenameOutlet(c.Request().Context(), from, to); err != nil {
		return outletFormError(c, err)
	}
	return redirectWithFlash(c, "/outlets", views.FlashSuccess, "Renamed "+from+" to "+to+".")
}

// outletAlias adds an alias to an outlet.
func (s *Server) outletAlias(c echo.Context) error {
	outlet, alias := strings.TrimSpace(c.FormValue("outlet")), strings.TrimSpace(c.FormValue("alias"))
	if err := s.st.AddOutletAlias(c.Request().Context(), outlet, alias); err != nil {
		return outletFormError(c, err)
	}
	return redirectWithFlash(c, "/outlets", views.FlashSuccess, "Articles uploaded as "+alias+" now go to "+outlet+".")
}

// outletFormError sends a user's mistake back to the outlets page as a
// flash; internal errors go to the error page.
func outletFormError(c echo.Context, err error) error {
	if analysis.ErrorCode(err) == analysis.EINTERNAL {
		return err
	}
	return redirectWithFlash(c, "/outlets", views.FlashError, analysis.ErrorMessage(err))
}
