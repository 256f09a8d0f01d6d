package compare_test

import (
	"net/url"
	"testing"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/compare"
)

func TestParseParams(t *testing.T) {
	for _, tc := range []struct {
		name  string
		query string
		code  string // "" for success
		n     int
		pair  [2]int
	}{
		{"TwoOutlets", "outlet=A&outlet=B", "", 2, [2]int{0, 1}},
		{"DuplicatesIgnoringCaseCountOnce", "outlet=A&outlet=a&outlet=B", "", 2, [2]int{0, 1}},
		{"OneOutlet", "outlet=A", analysis.EINVALID, 0, [2]int{}},
		{"NineOutlets", "outlet=1&outlet=2&outlet=3&outlet=4&outlet=5&outlet=6&outlet=7&outlet=8&outlet=9", analysis.EINVALID, 0, [2]int{}},
		{"Pair", "outlet=A&outlet=B&outlet=C&pair=C&pair=a", "", 3, [2]int{2, 0}},
		{"PairOfOneOutlet", "outlet=A&outlet=B&pair=A&pair=A", analysis.EINVALID, 0, [2]int{}},
		{"BadPeriod", "outlet=A&outlet=B&period=year", analysis.EINVALID, 0, [2]int{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q, err := url.ParseQuery(tc.query)
			if err != nil {
				t.Fatal(err)
			}
			p, err := compare.ParseParams(q)
			if got := analysis.ErrorCode(err); err != nil && got != tc.code || err == nil && tc.code != "" {
				t.Fatalf("err = %v, want code %q", err, tc.code)
			}
			if err != nil {
				return
			}
			if len(p.Outlets) != tc.n || p.PairA != tc.pair[0] || p.PairB != tc.pair[1] {
				t.Errorf("outlets %v pair %d,%d; want %d outlets, pair %v", p.Outlets, p.PairA, p.PairB, tc.n, tc.pair)
			}
			back, err := compare.ParseParams(p.Values())
			if err != nil || len(back.Outlets) != len(p.Outlets) || back.PairA != p.PairA || back.PairB != p.PairB {
				t.Errorf("Values does not round-trip: %v, %v", back, err)
			}
		})
	}
}

func TestActorSlug(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"opposition", "opposition"},
		{"Jihadist groups", "jihadist-groups"},
		{"", "none"},
		{"--", "none"},
	} {
		if got := compare.ActorSlug(tc.in); got != tc.want {
			t.Errorf("ActorSlug(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
