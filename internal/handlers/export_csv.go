package handlers

import (
	"net/http"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/framinglens/framinglens/internal/export"
)

// exportCSV streams /export/KIND.csv with the filters of the page that
// linked it; the columns are the export command's.
func (s *Server) exportCSV(c echo.Context) error {
	file := c.Param("file")
	kind, ok := strings.CutSuffix(file, ".csv")
	if !ok || !slices.Contains(export.Kinds, kind) {
		return echo.NewHTTPError(http.StatusNotFound, "No such export. Try one of: "+strings.Join(export.Kinds, ", ")+".")
	}
	f := storeFilter(filterOf(c), 0)
	f.Sort = storeSort[c.QueryParam("sort")]
	h := c.Response().Header()
	h.Set(echo.HeaderContentType, "text/csv; charset=utf-8")
	h.Set(echo.HeaderContentDisposition, `attachment; filename="framinglens-`+kind+`.csv"`)
	c.Response().WriteHeader(http.StatusOK)
	// Once rows stream out the status is sent; a failure midway can only
	// cut the file short, and is logged.
	if err := export.Write(c.Request().Context(), s.st, kind, f, c.Response()); err != nil {
		s.log.Error("export failed midway", "kind", kind, "err", err)
	}
	return nil
}
