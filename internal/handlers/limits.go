package handlers

import (
	"errors"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/framinglens/framinglens/internal/analysis"
)

// fileRoutes are the routes that take files, and so the upload size limit;
// every other request body is held to Options.MaxFormBytes.
var fileRoutes = map[string]bool{
	"/upload":                  true,
	"/api/upload":              true,
	"/lexicons/import":         true,
	"/sources/registry/import": true,
}

// isFileRoute reports whether the request goes to a route that takes files.
func isFileRoute(c echo.Context) bool { return fileRoutes[c.Request().URL.Path] }

// notFileRoute is the opposite of isFileRoute, as a middleware skipper.
func notFileRoute(c echo.Context) bool { return !isFileRoute(c) }

// uploadFormMemory is how much of a multipart upload is held in memory;
// the rest of each file goes to a temporary file. Echo's own default
// (32 MB, with buffers growing past it) let one 100 MB file take over
// 100 MB of heap.
const uploadFormMemory = 4 << 20

// parseUploadForm reads a multipart body of a file route with the small
// in-memory allowance, before the handler asks Echo for the form (which
// then finds it parsed). A body over the size limit stays a 413.
func parseUploadForm(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		r := c.Request()
		if !isFileRoute(c) || !strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
			return next(c)
		}
		if err := r.ParseMultipartForm(uploadFormMemory); err != nil {
			if errors.Is(err, echo.ErrStatusRequestEntityTooLarge) || strings.Contains(err.Error(), "too large") {
				return echo.ErrStatusRequestEntityTooLarge
			}
			return analysis.Errorf(analysis.EINVALID, "could not read the upload: %v", err)
		}
		return next(c)
	}
}
