package handlers

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/framinglens/framinglens/internal/export"
)

// exportCSV streams /export/KIND.csv with the filters of the page that
// linked it; the columns are the export command's.
func (s *Server) exportCSV(c echo.Context) error {
	name, ok := strings.CutSuffix(c.Param("file"), ".csv")
	kind, err := export.ParseKind(name)
	if !ok || err != nil {
		return echo.NewHTTPError(http.StatusNotFound, "No such export. Try one of: "+strings.Join(export.Kinds, ", ")+".")
	}
	f := storeFilter(filterOf(c), 0)
	f.Sort = storeSort[c.QueryParam("sort")]
	h := c.Response().Header()
	h.Set(echo.HeaderContentType, export.ContentType)
	h.Set(echo.HeaderContentDisposition, `attachment; filename="`+export.Filename(kind)+`"`)
	c.Response().WriteHeader(http.StatusOK)
	// Once rows stream out the status is sent; a failure midway can only
	// cut the file short, and is logged.
	if err := export.Write(c.Request().Context(), s.st, kind, f, c.Response()); err != nil {
		s.log.Error("export failed midway", "kind", kind, "err", err)
	}
	return nil
}
