package ingest

import (
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/itlightning/dateparse"
)

// markdownLink matches inline links and images: [text](url) and ![alt](url).
var markdownLink = regexp.MustCompile(`!?\[([^\]\n]*)\]\([^)\n]*\)`)

// markdownHeading matches an ATX heading marker at the start of a line.
var markdownHeading = regexp.MustCompile(`(?m)^[ \t]{0,3}#{1,6}[ \t]+`)

// markdownToText lightly turns Markdown into plain text: heading markers go,
// links and images keep only their text. A first-line level-1 heading is
// returned as the title.
func markdownToText(s string) (title, text string) {
	trimmed := strings.TrimLeft(s, " \t\r\n\uFEFF")
	if strings.HasPrefix(trimmed, "# ") {
		line, _, _ := strings.Cut(trimmed, "\n")
		title = strings.TrimSpace(markdownLink.ReplaceAllString(strings.TrimPrefix(line, "# "), "$1"))
		title = strings.TrimSpace(strings.TrimRight(title, "# "))
	}
	text = markdownLink.ReplaceAllString(s, "$1")
	text = markdownHeading.ReplaceAllString(text, "")
	return title, text
}

// dateLayouts are tried before the general parser, for speed and to keep
// date-only values date-only.
var dateLayouts = []string{
	time.RFC3339,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.000Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04Z07:00",
}

// normalizeDate returns a publication date as RFC 3339 (when it has a time)
// or YYYY-MM-DD (when it is a date only), or "" when s is not a date.
// github.com/itlightning/dateparse (already used by go-readability) reads the
// many free forms found in exports ("April 14, 2018", "14.04.2018 10:00").
func normalizeDate(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return ""
	}
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		if t, err := time.Parse("2006-01-02", s); err == nil {
			return t.Format("2006-01-02")
		}
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format(time.RFC3339)
		}
	}
	t, err := dateparse.ParseAny(s, dateparse.PreferMonthFirst(false))
	if err != nil || t.Year() < 1800 || t.Year() > 2200 {
		return ""
	}
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && !strings.ContainsAny(s, ":") {
		return t.Format("2006-01-02")
	}
	return t.Format(time.RFC3339)
}

// outletFromURL returns the host of u without "www.", or "".
func outletFromURL(u string) string {
	u = strings.TrimSpace(u)
	if u == "" {
		return ""
	}
	if !strings.Contains(u, "://") {
		u = "http://" + u
	}
	p, err := url.Parse(u)
	if err != nil || p.Hostname() == "" || !strings.Contains(p.Hostname(), ".") {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(p.Hostname()), "www.")
}
