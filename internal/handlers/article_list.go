package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/framinglens/framinglens/internal/store"
	"github.com/framinglens/framinglens/views"
)

// articleList shows the filtered, sorted, paginated article list.
func (s *Server) articleList(c echo.Context) error {
	ctx := c.Request().Context()
	f := filterOf(c)
	if _, ok := storeSort[f.Sort]; !ok {
		f.Sort = ""
	}
	sf := storeFilter(f, pageSize)
	sf.Sort = storeSort[f.Sort]
	rows, total, err := s.st.Articles(ctx, sf)
	if err != nil {
		return err
	}
	opts, err := s.filterOptions(c)
	if err != nil {
		return err
	}
	v := views.ArticlesView{Page: s.page(c, "Articles", views.NavArticles), Filter: f, Options: opts, Total: total, PageSize: pageSize}
	for _, r := range rows {
		v.Rows = append(v.Rows, articleRow(r))
	}
	return render(c, http.StatusOK, views.ArticlesPage(v))
}

func articleRow(r store.ArticleRow) views.ArticleRow {
	row := views.ArticleRow{ID: r.ID, Outlet: r.Outlet, Published: r.Published, Title: r.Title, Words: r.Words, Balance: r.Balance, BalanceKnown: r.Quotes > r.Unassigned}
	for i, f := range r.TopFrames {
		row.TopFrames = append(row.TopFrames, views.FrameShare{Frame: f, Count: r.TopFrameCounts[i]})
	}
	return row
}

// filterOptions lists the choices of the filter form's selects.
func (s *Server) filterOptions(c echo.Context) (views.FilterOptions, error) {
	outlets, err := s.st.Outlets(c.Request().Context())
	if err != nil {
		return views.FilterOptions{}, err
	}
	var o views.FilterOptions
	for _, out := range outlets {
		o.Outlets = append(o.Outlets, out.Name)
	}
	for _, f := range s.svc.ActiveLexicon().Frames {
		o.Frames = append(o.Frames, f.Name)
	}
	o.Sides = s.svc.ActiveRegistry().Sides()
	return o, nil
}

// articleDelete deletes the checked articles and goes back to the list.
func (s *Server) articleDelete(c echo.Context) error {
	form, err := c.FormParams()
	if err != nil {
		return err
	}
	var ids []int64
	for _, v := range form["ids"] {
		if id, ok := parseID(v); ok {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return redirectWithFlash(c, "/articles", views.FlashError, "No articles were selected.")
	}
	n, err := s.st.DeleteArticles(c.Request().Context(), ids)
	if err != nil {
		return err
	}
	return redirectWithFlash(c, "/articles", views.FlashSuccess, plural(n, "article")+" deleted.")
}
