package handlers

import (
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/framinglens/framinglens/internal/store"
	"github.com/framinglens/framinglens/views"
)

// pageSize is how many articles a list page shows.
const pageSize = 50

// filterOf reads the article filter from the query string. The same
// parameters serve the list, its exports and the API, so a link copied from
// one works in the others.
func filterOf(c echo.Context) views.ArticleFilter {
	q := c.QueryParams()
	f := views.ArticleFilter{
		From:  strings.TrimSpace(q.Get("from")),
		To:    strings.TrimSpace(q.Get("to")),
		Frame: strings.TrimSpace(q.Get("frame")),
		Term:  strings.TrimSpace(q.Get("term")),
		Side:  strings.TrimSpace(q.Get("side")),
		Q:     strings.TrimSpace(q.Get("q")),
		Sort:  strings.TrimSpace(q.Get("sort")),
	}
	for _, o := range q["outlet"] {
		if o = strings.TrimSpace(o); o != "" {
			f.Outlets = append(f.Outlets, o)
		}
	}
	if p, err := strconv.Atoi(q.Get("page")); err == nil && p > 0 {
		f.Page = p
	}
	return f
}

// storeFilter turns the page's filter into the store's, with paging.
func storeFilter(f views.ArticleFilter, limit int) store.ArticleFilter {
	sf := store.ArticleFilter{
		Outlets: f.Outlets, From: f.From, To: f.To, Frame: f.Frame, Term: f.Term,
		Side: f.Side, Query: f.Q, Sort: f.Sort, Limit: limit,
	}
	if f.Page > 1 && limit > 0 {
		sf.Offset = (f.Page - 1) * limit
	}
	return sf
}

// hitFilter turns the page's filter into a hit filter.
func hitFilter(f views.ArticleFilter) store.HitFilter {
	return store.HitFilter{Outlets: f.Outlets, From: f.From, To: f.To, Frame: f.Frame, Term: f.Term, Query: f.Q}
}

// parseID reads a positive integer id.
func parseID(s string) (int64, bool) {
	id, err := strconv.ParseInt(s, 10, 64)
	return id, err == nil && id > 0
}

// idParam reads a positive integer path parameter.
func idParam(c echo.Context, name string) (int64, error) {
	id, ok := parseID(c.Param(name))
	if !ok {
		return 0, echo.NewHTTPError(404, "No such article.")
	}
	return id, nil
}
