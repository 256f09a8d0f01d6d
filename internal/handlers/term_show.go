package handlers

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/store"
	"github.com/framinglens/framinglens/views"
)

// kwicContext is how many bytes of text each side of a keyword the terms
// page shows; kwicPerOutlet caps the lines per outlet.
const (
	kwicContext   = 70
	kwicPerOutlet = 200
)

// termShow lists every occurrence of a lexicon pattern (/terms/{pattern}) or
// of any word (?q=word) as keyword-in-context lines grouped by outlet. The
// article filters (outlet, dates, frame, voice) narrow it.
func (s *Server) termShow(c echo.Context) error {
	ctx := c.Request().Context()
	pattern := c.Param("pattern")
	q := strings.TrimSpace(c.QueryParam("q"))
	v := views.TermsView{Page: s.page(c, "Terms", views.NavTerms), Query: q, Pattern: pattern}
	if pattern == "" && q != "" {
		// A lexicon pattern typed in the search box shows its hits; any
		// other word is searched in the text.
		for _, e := range s.svc.ActiveLexicon().Entries {
			if strings.EqualFold(e.Pattern, q) {
				pattern = e.Pattern
				break
			}
		}
		v.Pattern = q
	}
	if pattern != "" {
		f := filterOf(c)
		hf := hitFilter(f)
		hf.Pattern, hf.Context = pattern, kwicContext
		hf.Voice = voiceParam(c)
		rows, err := s.st.Hits(ctx, hf)
		if err != nil {
			return err
		}
		v.Groups = kwicGroups(rows)
		v.Pattern = pattern
	} else if q != "" {
		groups, read, matched, err := s.wordInContext(c, q)
		if err != nil {
			return err
		}
		v.Groups, v.ArticlesRead, v.ArticlesMatched = groups, read, matched
	}
	if v.Pattern != "" {
		v.Page.Title = "Term: " + v.Pattern
	}
	return render(c, http.StatusOK, views.TermsPage(v))
}

func voiceParam(c echo.Context) analysis.Voice {
	switch c.QueryParam("voice") {
	case "own", "quoted", "reported":
		return analysis.Voice(c.QueryParam("voice"))
	}
	return ""
}

// kwicGrouper collects keyword-in-context lines by outlet, in order of
// first appearance, counting every line but keeping kwicPerOutlet of them.
type kwicGrouper struct {
	idx    map[string]int
	groups []views.KWICGroup
}

func (g *kwicGrouper) add(outlet string, line func() views.KWICLine) {
	if g.idx == nil {
		g.idx = map[string]int{}
	}
	i, ok := g.idx[outlet]
	if !ok {
		i = len(g.groups)
		g.idx[outlet] = i
		g.groups = append(g.groups, views.KWICGroup{Outlet: outlet})
	}
	grp := &g.groups[i]
	grp.Count++
	if len(grp.Lines) < kwicPerOutlet {
		grp.Lines = append(grp.Lines, line())
	}
}

// kwicGroups groups hit rows by outlet.
func kwicGroups(rows []store.HitRow) []views.KWICGroup {
	var g kwicGrouper
	for _, h := range rows {
		g.add(h.Outlet, func() views.KWICLine {
			return views.KWICLine{
				ArticleID: h.ArticleID, Title: h.Title, Published: h.Published,
				Left: h.Left, Keyword: h.Term, Right: h.Right, Start: h.Start, Voice: string(h.Voice), Frame: h.Frame,
			}
		})
	}
	return g.groups
}

// defaultWordSearchArticles is how many articles a word search reads when
// Options leaves it unset: the most recent ones the full-text index returns;
// the page says when there are more.
const defaultWordSearchArticles = 500

// wordInContext finds any word, lexicon entry or not, in the articles the
// full-text index returns for it. It returns the lines grouped by outlet,
// how many articles were read and how many match in all.
func (s *Server) wordInContext(c echo.Context, word string) (groups []views.KWICGroup, read, matched int, err error) {
	ctx := c.Request().Context()
	f := storeFilter(filterOf(c), 0)
	f.Query = word
	f.Limit = s.opts.WordSearchArticles
	if f.Limit <= 0 {
		f.Limit = defaultWordSearchArticles
	}
	rows, matched, err := s.st.Articles(ctx, f)
	if err != nil {
		return nil, 0, 0, err
	}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	texts, err := s.st.TextsByID(ctx, ids)
	if err != nil {
		return nil, 0, 0, err
	}
	var g kwicGrouper
	for _, r := range rows {
		text := texts[r.ID]
		for _, sp := range analysis.FindWord(text, word) {
			g.add(r.Outlet, func() views.KWICLine {
				left, kw, right := views.KWIC(text, sp.Start, sp.End, kwicContext)
				return views.KWICLine{ArticleID: r.ID, Title: r.Title, Published: r.Published, Left: left, Keyword: kw, Right: right, Start: sp.Start}
			})
		}
	}
	return g.groups, len(rows), matched, nil
}
