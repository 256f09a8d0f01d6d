package handlers

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/store"
	"github.com/framinglens/framinglens/views"
)

// maxSourceRows caps the speakers listed: the most quoted come first.
const maxSourceRows = 500

// sourceList shows the speakers of the corpus with their counts, unassigned
// first, for assigning sides.
func (s *Server) sourceList(c echo.Context) error {
	rows, err := s.st.Sources(c.Request().Context(), store.ArticleFilter{})
	if err != nil {
		return err
	}
	v := views.SourcesView{Page: s.page(c, "Sources", views.NavSources), Registry: registryInfo(s.svc.ActiveRegistry()),
		Speakers: len(rows)}
	for _, r := range rows {
		if r.Side == "" || r.Side == analysis.SideUnassigned {
			v.Unassigned++
		}
	}
	for _, r := range rows[:min(len(rows), maxSourceRows)] {
		v.Rows = append(v.Rows, views.SourceStatsRow{Name: r.Name, Side: r.Side, Role: r.Role, Articles: r.Articles, Direct: r.Direct, Reported: r.Reported, Words: r.Words})
	}
	return render(c, http.StatusOK, views.SourcesPage(v))
}

// sourceAssign puts one or many speakers on a side of the registry; the
// corpus is rescored so the new sides show everywhere.
func (s *Server) sourceAssign(c echo.Context) error {
	form, err := c.FormParams()
	if err != nil {
		return err
	}
	names := form["names[]"]
	side := strings.TrimSpace(form.Get("side"))
	if len(names) == 0 {
		return redirectWithFlash(c, "/sources", views.FlashError, "No speakers were selected.")
	}
	if err := s.svc.AssignSides(c.Request().Context(), names, side); err != nil {
		return redirectWithFlash(c, "/sources", views.FlashError, analysis.ErrorMessage(err))
	}
	return redirectWithFlash(c, "/sources", views.FlashSuccess, plural(len(names), "speaker")+" assigned to "+side+"; the corpus is being rescored.")
}

// registryImport reads an uploaded registry CSV and makes it active.
func (s *Server) registryImport(c echo.Context) error {
	filename, data, err := formFile(c, "file")
	if err != nil {
		return err
	}
	reg, err := s.svc.ImportRegistry(c.Request().Context(), filename, data)
	if err != nil {
		return redirectWithFlash(c, "/sources", views.FlashError, analysis.ErrorMessage(err))
	}
	return redirectWithFlash(c, "/sources", views.FlashSuccess, "Imported "+plural(len(reg.Entries), "speaker")+"; the corpus is being rescored.")
}

// registryExport downloads the active registry as CSV.
func (s *Server) registryExport(c echo.Context) error {
	reg := s.svc.ActiveRegistry()
	return csvAttachment(c, reg.Name+"-"+reg.Version+".csv", reg.CSV())
}
