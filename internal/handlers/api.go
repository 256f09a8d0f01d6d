package handlers

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/store"
)

// The JSON API serves the numbers the pages show, with the same filter
// parameters (outlet, from, to, frame, term, side, q, sort, page).

// apiLimit reads ?limit=, capped so one request cannot ask for everything.
func apiLimit(c echo.Context, def, max int) int {
	n, err := strconv.Atoi(c.QueryParam("limit"))
	if err != nil || n <= 0 {
		return def
	}
	return min(n, max)
}

type apiArticle struct {
	ID        int64  `json:"id"`
	Outlet    string `json:"outlet"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Words     int    `json:"words"`
	Hits      int    `json:"hits"`
	Quotes    int    `json:"quotes"`
	// Unassigned counts the quotes of no known side; balance means
	// something only when quotes is larger.
	Unassigned int      `json:"unassigned"`
	Balance    float64  `json:"balance"`
	TopFrames  []string `json:"top_frames"`
}

// apiArticles lists articles: {"total": N, "articles": [...]}.
func (s *Server) apiArticles(c echo.Context) error {
	f := filterOf(c)
	limit := apiLimit(c, pageSize, 1000)
	sf := storeFilter(f, limit)
	sf.Sort = storeSort[f.Sort]
	rows, total, err := s.st.Articles(c.Request().Context(), sf)
	if err != nil {
		return err
	}
	out := make([]apiArticle, 0, len(rows))
	for _, r := range rows {
		out = append(out, apiArticle{ID: r.ID, Outlet: r.Outlet, Title: r.Title, Published: r.Published, Words: r.Words, Hits: r.Hits, Quotes: r.Quotes, Unassigned: r.Unassigned, Balance: r.Balance, TopFrames: r.TopFrames})
	}
	return c.JSON(http.StatusOK, map[string]any{"total": total, "articles": out})
}

// apiArticle is one article's whole result, as `analyze` prints it, with
// its id, outlet and URL.
func (s *Server) apiArticle(c echo.Context) error {
	a, r, err := s.articleOf(c)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, struct {
		ID     int64  `json:"id"`
		Outlet string `json:"outlet"`
		URL    string `json:"url"`
		*analysis.Result
	}{a.ID, a.Outlet, a.URL, r})
}

type apiHit struct {
	ArticleID int64  `json:"article_id"`
	Outlet    string `json:"outlet"`
	Published string `json:"published"`
	analysis.Hit
}

// apiHits lists hits in long format; ?pattern= and ?voice= narrow them.
func (s *Server) apiHits(c echo.Context) error {
	hf := hitFilter(filterOf(c))
	hf.Pattern = c.QueryParam("pattern")
	hf.Voice = voiceParam(c)
	hf.Limit = apiLimit(c, 1000, 10000)
	rows, err := s.st.Hits(c.Request().Context(), hf)
	if err != nil {
		return err
	}
	out := make([]apiHit, 0, len(rows))
	for _, h := range rows {
		out = append(out, apiHit{ArticleID: h.ArticleID, Outlet: h.Outlet, Published: h.Published, Hit: h.Hit})
	}
	return c.JSON(http.StatusOK, map[string]any{"hits": out})
}

type apiQuote struct {
	ArticleID int64  `json:"article_id"`
	Outlet    string `json:"outlet"`
	Published string `json:"published"`
	analysis.Quote
}

// apiQuotes lists quotes with speakers and sides.
func (s *Server) apiQuotes(c echo.Context) error {
	f := storeFilter(filterOf(c), apiLimit(c, 1000, 10000))
	rows, err := s.st.Quotes(c.Request().Context(), f)
	if err != nil {
		return err
	}
	out := make([]apiQuote, 0, len(rows))
	for _, q := range rows {
		out = append(out, apiQuote{ArticleID: q.ArticleID, Outlet: q.Outlet, Published: q.Published, Quote: q.Quote})
	}
	return c.JSON(http.StatusOK, map[string]any{"quotes": out})
}

type apiSource struct {
	Name     string `json:"name"`
	Side     string `json:"side"`
	Role     string `json:"role"`
	Articles int    `json:"articles"`
	Direct   int    `json:"direct"`
	Reported int    `json:"reported"`
	Words    int    `json:"words"`
}

// apiSources sums speakers over the selected articles.
func (s *Server) apiSources(c echo.Context) error {
	rows, err := s.st.Sources(c.Request().Context(), storeFilter(filterOf(c), 0))
	if err != nil {
		return err
	}
	out := make([]apiSource, 0, len(rows))
	for _, r := range rows {
		out = append(out, apiSource(r))
	}
	return c.JSON(http.StatusOK, map[string]any{"sources": out})
}

type apiOutlet struct {
	Name    string             `json:"name"`
	Aliases []string           `json:"aliases"`
	Frames  []store.FrameTotal `json:"frames"`
	Sides   []store.SideTotal  `json:"sides"`
	Stats   map[string]any     `json:"stats"`
}

// apiOutlets lists outlets with their frame rates and side shares.
func (s *Server) apiOutlets(c echo.Context) error {
	ctx := c.Request().Context()
	outlets, err := s.st.Outlets(ctx)
	if err != nil {
		return err
	}
	f := storeFilter(filterOf(c), 0)
	frames, err := s.st.FrameTotals(ctx, f, "outlet")
	if err != nil {
		return err
	}
	sides, err := s.st.SideTotals(ctx, f, "outlet")
	if err != nil {
		return err
	}
	out := make([]apiOutlet, 0, len(outlets))
	for _, o := range outlets {
		a := apiOutlet{Name: o.Name, Aliases: o.Aliases, Stats: map[string]any{"articles": o.Articles, "words": o.Words}}
		for _, t := range frames {
			if t.Group == o.Name {
				a.Frames = append(a.Frames, t)
			}
		}
		for _, t := range sides {
			if t.Group == o.Name {
				a.Sides = append(a.Sides, t)
			}
		}
		out = append(out, a)
	}
	return c.JSON(http.StatusOK, map[string]any{"outlets": out})
}
