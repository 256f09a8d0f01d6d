package handlers

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/store"
	"github.com/framinglens/framinglens/views"
)

// articleOf loads the article named by the :id path parameter with its
// current result.
func (s *Server) articleOf(c echo.Context) (store.Article, *analysis.Result, error) {
	id, err := idParam(c, "id")
	if err != nil {
		return store.Article{}, nil, err
	}
	ctx := c.Request().Context()
	a, err := s.st.Article(ctx, id)
	if err != nil {
		return store.Article{}, nil, err
	}
	r, err := s.st.ArticleResult(ctx, id)
	return a, r, err
}

// articleShow shows one article's highlighted text and scores.
func (s *Server) articleShow(c echo.Context) error {
	a, r, err := s.articleOf(c)
	if err != nil {
		return err
	}
	id := a.ID
	fps, err := s.st.FalsePositives(c.Request().Context(), id)
	if err != nil {
		return err
	}
	title := a.Title
	if title == "" {
		title = "Article " + strconv.FormatInt(id, 10)
	}
	v := articleView(s.page(c, title, views.NavArticles), id, a.Outlet, a.URL, r, fps, s.svc.ActiveLexicon())
	return render(c, http.StatusOK, views.ArticlePage(v))
}

// falsePositiveCreate marks one hit as no label: it is stored, dropped from
// the article's scores at once, and counted in the lexicon's precision.
func (s *Server) falsePositiveCreate(c echo.Context) error {
	ctx := c.Request().Context()
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	start, err1 := strconv.Atoi(c.FormValue("start"))
	end, err2 := strconv.Atoi(c.FormValue("end"))
	pattern := c.FormValue("pattern")
	if err1 != nil || err2 != nil || start < 0 || end <= start || pattern == "" {
		return echo.NewHTTPError(http.StatusBadRequest, "The hit to mark needs a start, an end and a pattern.")
	}
	if err := s.st.MarkFalsePositive(ctx, id, start, end, pattern); err != nil {
		return err
	}
	if err := s.svc.Reanalyze(ctx, id); err != nil {
		return err
	}
	to := views.ArticleURL(id) + "#hit-" + strconv.Itoa(start)
	return redirectWithFlash(c, to, views.FlashSuccess, "Marked as a false positive; the scores no longer count it.")
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
