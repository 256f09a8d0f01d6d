package views

import (
	"net/url"
	"strconv"
	"strings"
)

// cmpRate formats a rate per 1,000 words.
func cmpRate(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) }

// cmpZ formats a z-score or log-odds ratio.
func cmpZ(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) }

// cmpQ formats an adjusted p-value.
func cmpQ(x float64) string {
	if x < 0.001 {
		return "<0.001"
	}
	return strconv.FormatFloat(x, 'f', 3, 64)
}

// outletSortURL links the outlets table sorted by key, flipping the
// direction when it is the current key.
func outletSortURL(v OutletsView, key string) string {
	q := url.Values{}
	q.Set("sort", key)
	if key == v.Sort && !v.Desc {
		q.Set("dir", "desc")
	}
	return "/outlets?" + q.Encode()
}

// outletAriaSort is the aria-sort value of a column header.
func outletAriaSort(v OutletsView, key string) string {
	if key != v.Sort {
		return "none"
	}
	if v.Desc {
		return "descending"
	}
	return "ascending"
}

func cmpJoin(s []string) string { return strings.Join(s, ", ") }

// mixActor names an actor in a label mix: lexicon entries with no actor
// (the humanitarian terms) are gathered under "no actor", as the comparison
// charts call them.
func mixActor(a string) string {
	if a == "" {
		return "no actor"
	}
	return a
}

// mixLabelsShown is how many of an actor's labels the outlets table shows
// at once (the handler orders them most frequent first); the rest open on
// demand. Listing all of
// them (up to 22 for the humanitarian terms) made a row a dozen lines high,
// and the table's numbers hard to read across.
const mixLabelsShown = 5

// mixShown returns the labels an actor's mix shows at once.
func mixShown(ls []LabelPart) []LabelPart { return ls[:min(len(ls), mixLabelsShown)] }

// mixRest returns the labels an actor's mix shows on demand.
func mixRest(ls []LabelPart) []LabelPart { return ls[min(len(ls), mixLabelsShown):] }

func cmpChosen(v CompareView, o string) bool {
	for _, c := range v.Chosen {
		if strings.EqualFold(c, o) {
			return true
		}
	}
	return false
}

func comparePage(v CompareView) Page {
	p := pageFor(v.Page, NavOutlets, "Compare outlets")
	p.Charts = true
	return p
}

func urlQueryEscape(s string) string { return url.QueryEscape(s) }
