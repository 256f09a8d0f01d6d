package stats_test

import (
	"testing"

	"github.com/framinglens/framinglens/internal/stats"
)

func TestBucketHandCases(t *testing.T) {
	var file struct {
		Valid []struct {
			Date       string
			Week       string
			WeekStart  string `json:"week_start"`
			Month      string
			MonthStart string `json:"month_start"`
		}
		Invalid []string
	}
	loadCases(t, "buckets.json", &file)
	for _, c := range file.Valid {
		t.Run(c.Date, func(t *testing.T) {
			if key, ok := stats.Bucket(c.Date, true); !ok || key != c.Week {
				t.Errorf("week = %q, %v; want %q", key, ok, c.Week)
			}
			if p, _ := stats.PeriodOf(c.Date, true); p.Start != c.WeekStart {
				t.Errorf("week start = %q, want %q", p.Start, c.WeekStart)
			}
			if key, ok := stats.Bucket(c.Date, false); !ok || key != c.Month {
				t.Errorf("month = %q, %v; want %q", key, ok, c.Month)
			}
			if p, _ := stats.PeriodOf(c.Date, false); p.Start != c.MonthStart {
				t.Errorf("month start = %q, want %q", p.Start, c.MonthStart)
			}
		})
	}
	for _, d := range file.Invalid {
		t.Run("Invalid"+d, func(t *testing.T) {
			if key, ok := stats.Bucket(d, true); ok {
				t.Errorf("Bucket(%q) = %q, true; want not ok", d, key)
			}
		})
	}
}

func TestPeriods(t *testing.T) {
	tests := []struct {
		name        string
		first, last string
		byWeek      bool
		want        []string
	}{
		{"WeeksAcrossNewYear", "2016-12-20", "2017-01-10", true,
			[]string{"2016-W51", "2016-W52", "2017-W01", "2017-W02"}},
		{"Week53", "2015-12-27", "2016-01-04", true,
			[]string{"2015-W52", "2015-W53", "2016-W01"}},
		{"SameWeek", "2016-12-05", "2016-12-11T23:00:00Z", true, []string{"2016-W49"}},
		{"MonthsAcrossNewYear", "2016-11-30", "2017-02-01", false,
			[]string{"2016-11", "2016-12", "2017-01", "2017-02"}},
		{"MonthFrom31st", "2016-01-31", "2016-03-01", false,
			[]string{"2016-01", "2016-02", "2016-03"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := stats.Periods(tt.first, tt.last, tt.byWeek)
			if err != nil {
				t.Fatal(err)
			}
			keys := make([]string, len(got))
			for i, p := range got {
				keys[i] = p.Key
			}
			if len(keys) != len(tt.want) {
				t.Fatalf("got %v, want %v", keys, tt.want)
			}
			for i := range keys {
				if keys[i] != tt.want[i] {
					t.Errorf("got %v, want %v", keys, tt.want)
					break
				}
			}
		})
	}
	errs := []struct{ name, first, last string }{
		{"BadFirst", "soon", "2016-12-01"},
		{"BadLast", "2016-12-01", "later"},
		{"Backwards", "2017-01-01", "2016-01-01"},
		{"TooLong", "0001-01-01", "9999-12-31"},
	}
	for _, e := range errs {
		t.Run(e.name, func(t *testing.T) {
			if got, err := stats.Periods(e.first, e.last, true); err == nil {
				t.Errorf("Periods(%q, %q) = %d periods, want an error", e.first, e.last, len(got))
			}
		})
	}
}
