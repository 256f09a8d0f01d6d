// Package handlers is the dashboard's HTTP layer: Echo routes, one file per
// screen or action. A handler parses the request, calls the corpus service
// or the store, and renders a view or JSON; it holds no rules of its own.
package handlers

import (
	"bytes"
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	"github.com/a-h/templ"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/framinglens/framinglens/assets"
	"github.com/framinglens/framinglens/internal/corpus"
	"github.com/framinglens/framinglens/internal/ingest"
	"github.com/framinglens/framinglens/internal/store"
)

// Options configure the server.
type Options struct {
	// MaxUploadBytes caps one upload request (all files together), and
	// a lexicon or registry file import.
	MaxUploadBytes int64
	// MaxFormBytes caps the body of every other request: forms such as a
	// lexicon entry, a bulk delete or a side assignment.
	MaxFormBytes int64
	// Limits are the per-item import limits.
	Limits ingest.Limits
	Log    *slog.Logger
	// Auth, when set, makes requests prove they know the shared secret
	// (see auth.go); nil leaves the server open, for loopback use.
	Auth *Auth
	// WordSearchArticles caps how many articles a word search on the Terms
	// page reads for its lines (the most recent first); 0 means 500.
	WordSearchArticles int
}

// DefaultOptions are the limits a laptop install starts with.
func DefaultOptions() Options {
	return Options{MaxUploadBytes: 256 << 20, MaxFormBytes: 1 << 20, Limits: ingest.DefaultLimits(), Log: slog.Default()}
}

// Server holds what the handlers need.
type Server struct {
	svc  *corpus.Service
	st   *store.Store
	opts Options
	log  *slog.Logger
}

// contentSecurityPolicy allows scripts and styles only from this server: no
// inline script, no other host. Charts read their options from JSON script
// elements, which are data, not code.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
	"connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

// New returns the dashboard's HTTP handler.
func New(svc *corpus.Service, opts Options) *echo.Echo {
	if opts.Log == nil {
		opts.Log = slog.Default()
	}
	s := &Server{svc: svc, st: svc.Store(), opts: opts, log: opts.Log}
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.HTTPErrorHandler = s.handleError
	e.Use(middleware.Recover())
	e.Use(middleware.SecureWithConfig(middleware.SecureConfig{
		XSSProtection:         "0",
		ContentTypeNosniff:    "nosniff",
		XFrameOptions:         "DENY",
		ContentSecurityPolicy: contentSecurityPolicy,
		ReferrerPolicy:        "same-origin",
	}))
	if opts.Auth != nil {
		e.Use(opts.Auth.Middleware())
	}
	// Uploads and file imports may be large; every other form is small.
	e.Use(middleware.BodyLimitWithConfig(middleware.BodyLimitConfig{Limit: bodyLimit(opts.MaxUploadBytes), Skipper: notFileRoute}))
	e.Use(middleware.BodyLimitWithConfig(middleware.BodyLimitConfig{Limit: bodyLimit(opts.MaxFormBytes), Skipper: isFileRoute}))
	e.Use(parseUploadForm)
	e.Use(middleware.CSRFWithConfig(middleware.CSRFConfig{
		TokenLookup:    "header:X-CSRF-Token,form:_csrf",
		CookieName:     "_csrf",
		CookiePath:     "/",
		CookieHTTPOnly: true,
		CookieSameSite: http.SameSiteStrictMode,
		Skipper:        skipCSRF,
	}))
	s.routes(e)
	return e
}

// skipCSRF lets non-browser API clients (no cookies, no browser fetch
// headers) post without a token: with no ambient credentials there is
// nothing a forged request could ride on.
func skipCSRF(c echo.Context) bool {
	r := c.Request()
	if !strings.HasPrefix(r.URL.Path, "/api/") {
		return false
	}
	return r.Header.Get("Cookie") == "" && r.Header.Get("Sec-Fetch-Site") == "" && r.Header.Get("Origin") == ""
}

// bodyLimit writes n in the unit syntax of Echo's BodyLimit, in KiB.
func bodyLimit(n int64) string {
	if n <= 0 {
		n = 256 << 20
	}
	return strconv.FormatInt((n+1023)/1024, 10) + "K"
}

// assetsHandler serves the embedded CSS, JS and vendored packages. They are
// versioned by the binary, so clients may cache them for a day.
func assetsHandler() echo.HandlerFunc {
	fs := http.StripPrefix("/assets/", http.FileServer(http.FS(assets.FS)))
	return func(c echo.Context) error {
		c.Response().Header().Set("Cache-Control", "public, max-age=86400")
		fs.ServeHTTP(c.Response(), c.Request())
		return nil
	}
}

// render writes a templ component with the given status. It renders into a
// buffer first so a failing component yields a clean error page, not half a
// page behind a 200 status.
func render(c echo.Context, status int, comp templ.Component) error {
	var buf bytes.Buffer
	if err := comp.Render(c.Request().Context(), &buf); err != nil {
		return err
	}
	return c.HTMLBlob(status, buf.Bytes())
}

// isHTMX reports whether the request came from htmx, which wants a fragment
// rather than a whole page.
func isHTMX(c echo.Context) bool { return c.Request().Header.Get("HX-Request") == "true" }

// csrfToken returns the token the CSRF middleware put in the context.
func csrfToken(c echo.Context) string {
	s, _ := c.Get("csrf").(string)
	return s
}
