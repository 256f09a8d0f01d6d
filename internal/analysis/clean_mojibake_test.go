package analysis

import (
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// garble writes s as UTF-8 read as Windows-1252, rounds times: what a
// misconfigured export does to it.
func garble(t *testing.T, s string, rounds int) string {
	t.Helper()
	for range rounds {
		out, err := charmap.Windows1252.NewDecoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		s = out
	}
	return s
}

func TestCleanRepairMojibake(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"ASCII", "Rebels withdrew from the city.", "Rebels withdrew from the city."},
		{"Empty", "", ""},
		{"ProperLatin", "São Paulo’s café «naïve» Ökonomie", "São Paulo’s café «naïve» Ökonomie"},
		{"CapitalTildeA", "SÃO PAULO", "SÃO PAULO"},
		{"NotWindows1252", "Москва: Ã©", "Москва: Ã©"},
		{"MixedIsLeft", "It’s Aleppoâ€™s turn", "It’s Aleppoâ€™s turn"},
		{"CutSequence", "endsÃ", "endsÃ"},
		{"LenientReader", "â€œnoâ€\u009d, itâ€™s", "“no”, it’s"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := cleanRepairMojibake(tc.in); got != tc.want {
				t.Errorf("cleanRepairMojibake(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
	// Each proper text, garbled once, twice and three times, comes back.
	for _, proper := range []string{
		"Talks stall over Aleppo’s future — “no deal”, says envoy",
		"Café owners in Zürich: 5 € more, ©2016",
		"Lavrov said: “We’ll see.”\n\nIt’s a ceasefire… for now™",
	} {
		for rounds := 1; rounds <= cleanMojibakeRounds; rounds++ {
			in := garble(t, proper, rounds)
			if in == proper {
				t.Fatalf("garble(%q, %d) changed nothing", proper, rounds)
			}
			if got := cleanRepairMojibake(in); got != proper {
				t.Errorf("%d rounds: cleanRepairMojibake(%q) = %q, want %q", rounds, in, got, proper)
			}
		}
	}
}

func TestCleanRepairsTitleAndText(t *testing.T) {
	title := "Talks stall over AleppoÃ¢â‚¬â„¢s future"
	raw := "Geneva talks\n\nThe envoy said itâ€™s too early to tell whether the ceasefire holds.\n"
	doc := Clean(raw, Meta{Title: title})
	if doc.Title != "Talks stall over Aleppo’s future" {
		t.Errorf("title = %q", doc.Title)
	}
	if want := "The envoy said it’s too early to tell whether the ceasefire holds."; doc.Body != "Geneva talks\n\n"+want && doc.Body != want {
		t.Errorf("body = %q", doc.Body)
	}
	if !utf8.ValidString(doc.Body) {
		t.Error("body is not valid UTF-8")
	}
}

func FuzzCleanRepairMojibake(f *testing.F) {
	f.Add("AleppoÃ¢â‚¬â„¢s")
	f.Add("cafÃ© â€œquotedâ€\x9d")
	f.Add("São Paulo")
	f.Fuzz(func(t *testing.T, s string) {
		got := cleanRepairMojibake(s)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("cleanRepairMojibake(%q) = %q: not valid UTF-8", s, got)
		}
		if got != s && len(got) >= len(s) {
			t.Fatalf("cleanRepairMojibake(%q) = %q: a repair did not shorten the text", s, got)
		}
	})
}
