package handlers

import "github.com/labstack/echo/v4"

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
