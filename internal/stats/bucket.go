package stats

import (
	"fmt"
	"strings"
	"time"
)

// maxPeriods bounds how many buckets Periods lists, about 190 years of
// weeks, so a stray date cannot make a timeline of millions of points.
const maxPeriods = 10000

// Period is one bucket of a timeline.
type Period struct {
	// Key labels the bucket: "2016-W49" (ISO 8601 week-numbering year and
	// week) or "2016-12" (calendar month). Keys of the same kind sort in
	// time order as strings.
	Key string
	// Start is the first day of the bucket as YYYY-MM-DD: the Monday of the
	// ISO week or the first of the month.
	Start string
}

// PeriodOf returns the week (byWeek) or month that contains date, which is
// YYYY-MM-DD or RFC 3339 (the forms of analysis.Article.Published). The
// day is the calendar date as written, in the date's own offset: an
// article dated 2016-12-05T01:30:00+09:00 belongs to 5 December, the day
// its readers saw, even though that instant is 4 December in UTC.
//
// Weeks follow ISO 8601: they start on Monday and belong to the year that
// holds their Thursday, so 1 January 2017 (a Sunday) is in 2016-W52 and
// 29 December 2014 (a Monday) starts 2015-W01. ok is false when date is in
// neither form.
func PeriodOf(date string, byWeek bool) (p Period, ok bool) {
	y, m, d, ok := bucketDate(date)
	if !ok {
		return Period{}, false
	}
	if !byWeek {
		return Period{Key: fmt.Sprintf("%04d-%02d", y, m), Start: fmt.Sprintf("%04d-%02d-01", y, m)}, true
	}
	return weekPeriod(time.Date(y, m, d, 0, 0, 0, 0, time.UTC)), true
}

// Bucket returns the key of the week (byWeek) or month that contains date,
// as PeriodOf does: "2016-W49" or "2016-12".
func Bucket(date string, byWeek bool) (key string, ok bool) {
	p, ok := PeriodOf(date, byWeek)
	return p.Key, ok
}

// Periods lists every week or month from the one containing first to the
// one containing last, inclusive and in order, so a timeline shows empty
// periods as gaps instead of joining its neighbours. It returns an error
// when a date does not parse, last is before first, or the span holds more
// than 10,000 periods.
func Periods(first, last string, byWeek bool) ([]Period, error) {
	from, ok := PeriodOf(first, byWeek)
	if !ok {
		return nil, fmt.Errorf("periods: first date %q is not YYYY-MM-DD or RFC 3339", first)
	}
	to, ok := PeriodOf(last, byWeek)
	if !ok {
		return nil, fmt.Errorf("periods: last date %q is not YYYY-MM-DD or RFC 3339", last)
	}
	start, _ := time.Parse(time.DateOnly, from.Start)
	end, _ := time.Parse(time.DateOnly, to.Start)
	if end.Before(start) {
		return nil, fmt.Errorf("periods: last date %s is before first date %s", last, first)
	}
	var out []Period
	for t := start; !t.After(end); {
		if len(out) == maxPeriods {
			return nil, fmt.Errorf("periods: %s to %s spans more than %d periods", first, last, maxPeriods)
		}
		if byWeek {
			out = append(out, weekPeriod(t))
			t = t.AddDate(0, 0, 7)
		} else {
			out = append(out, Period{Key: t.Format("2006-01"), Start: t.Format(time.DateOnly)})
			t = t.AddDate(0, 1, 0)
		}
	}
	return out, nil
}

// weekPeriod returns the ISO week containing the UTC midnight t.
func weekPeriod(t time.Time) Period {
	year, week := t.ISOWeek()
	monday := t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
	return Period{Key: fmt.Sprintf("%04d-W%02d", year, week), Start: monday.Format(time.DateOnly)}
}

// bucketDate parses YYYY-MM-DD or RFC 3339 and returns the calendar date
// as written.
func bucketDate(s string) (y int, m time.Month, d int, ok bool) {
	s = strings.TrimSpace(s)
	layout := time.DateOnly
	if len(s) > len(time.DateOnly) {
		layout = time.RFC3339
	}
	t, err := time.Parse(layout, s)
	if err != nil {
		return 0, 0, 0, false
	}
	y, m, d = t.Date()
	return y, m, d, true
}
