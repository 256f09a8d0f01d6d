package compare

import "testing"

func TestResamplesBudget(t *testing.T) {
	for _, tc := range []struct {
		name     string
		articles int
		want     int
	}{
		{"NoArticles", 0, 1000},
		{"Small", 300, 1000},
		{"AtTheBudget", 2000, 1000},
		{"JustOver", 2001, 999},
		{"FiveThousand", 5000, 400},
		{"AtTheFloor", 10000, 200},
		{"BelowTheFloor", 13700, 200},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := resamples(tc.articles); got != tc.want {
				t.Errorf("resamples(%d) = %d, want %d", tc.articles, got, tc.want)
			}
		})
	}
}
