package handlers

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/framinglens/framinglens/views"
)

const flashCookie = "flash"

// setFlash leaves a message for the next page the browser loads, for the
// post-redirect-get pattern.
func setFlash(c echo.Context, kind, msg string) {
	c.SetCookie(&http.Cookie{Name: flashCookie, Value: url.QueryEscape(kind + "|" + msg), Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode, MaxAge: 60})
}

// flashes reads and clears the message setFlash left.
func flashes(c echo.Context) []views.Flash {
	ck, err := c.Cookie(flashCookie)
	if err != nil || ck.Value == "" {
		return nil
	}
	c.SetCookie(&http.Cookie{Name: flashCookie, Value: "", Path: "/", MaxAge: -1})
	v, err := url.QueryUnescape(ck.Value)
	if err != nil {
		return nil
	}
	kind, msg, ok := strings.Cut(v, "|")
	if !ok {
		return nil
	}
	switch kind {
	case views.FlashInfo, views.FlashSuccess, views.FlashError:
	default:
		kind = views.FlashInfo
	}
	return []views.Flash{{Kind: kind, Message: msg}}
}

// redirectWithFlash answers a form post: back to a page, with a message.
func redirectWithFlash(c echo.Context, to, kind, msg string) error {
	setFlash(c, kind, msg)
	return c.Redirect(http.StatusSeeOther, to)
}
