package handlers

import (
	"errors"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/views"
)

// statusOf maps a domain error code to an HTTP status, in one place.
func statusOf(code string) int {
	switch code {
	case analysis.EINVALID:
		return http.StatusBadRequest
	case analysis.ENOTFOUND:
		return http.StatusNotFound
	case analysis.ECONFLICT:
		return http.StatusConflict
	case analysis.ETOOLARGE:
		return http.StatusRequestEntityTooLarge
	}
	return http.StatusInternalServerError
}

// handleError answers every failed request: JSON under /api/, an error page
// elsewhere. Only internal errors are logged, and their details never reach
// the client.
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	status, msg := http.StatusInternalServerError, "Something went wrong on our side. The error has been logged."
	var he *echo.HTTPError
	switch {
	case errors.As(err, &he):
		status = he.Code
		msg = http.StatusText(status)
		if m, ok := he.Message.(string); ok && status < 500 {
			msg = m
		}
		// Echo says "missing csrf token ..." (400) or "invalid csrf token"
		// (403); either way the user needs to reload the form.
		if (status == http.StatusForbidden || status == http.StatusBadRequest) && strings.Contains(strings.ToLower(msg), "csrf") {
			msg = "This form has expired or was sent from another site. Reload the page and try again."
		}
		if status == http.StatusNotFound && msg == http.StatusText(status) {
			msg = "There is no page at this address."
		}
		if status == http.StatusRequestEntityTooLarge {
			msg = "The upload is larger than this server accepts."
		}
	case analysis.ErrorCode(err) != analysis.EINTERNAL:
		status, msg = statusOf(analysis.ErrorCode(err)), analysis.ErrorMessage(err)
	}
	if status >= 500 {
		s.log.Error("request failed", "method", c.Request().Method, "path", c.Request().URL.Path, "err", err)
	}
	if wantsJSONError(c.Request()) {
		_ = c.JSON(status, map[string]string{"error": msg})
		return
	}
	_ = render(c, status, views.ErrorPage(views.ErrorView{Page: s.page(c, http.StatusText(status), ""), Status: status, Message: msg}))
}

// page fills the layout fields every page needs.
func (s *Server) page(c echo.Context, title, active string) views.Page {
	return views.Page{Title: title, Active: active, CSRFToken: csrfToken(c), Flashes: flashes(c)}
}

// wantsJSONError reports whether a failed request gets its error as JSON:
// always under /api/, and for a CSV download unless a browser asked for it
// (Accept names text/html), since a person following a link should see the
// error page, not raw JSON.
func wantsJSONError(r *http.Request) bool {
	if strings.HasPrefix(r.URL.Path, "/api/") {
		return true
	}
	return strings.HasSuffix(r.URL.Path, ".csv") && !strings.Contains(r.Header.Get("Accept"), "text/html")
}
