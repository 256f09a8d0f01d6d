package views

import "testing"

func TestFmtDate(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"Empty", "", ""},
		{"DateOnly", "2016-12-06", "2016-12-06"},
		{"UTC", "2016-12-06T09:15:00Z", "2016-12-06 09:15 UTC"},
		{"Offset", "2016-12-06T09:15:00+03:00", "2016-12-06 09:15 +03:00"},
		{"Unparsed", "Dec 6, 2016 at noon", "Dec 6, 2016 at noon"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fmtDate(tt.in); got != tt.want {
				t.Errorf("fmtDate(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
