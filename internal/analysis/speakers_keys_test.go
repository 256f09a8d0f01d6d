package analysis

import (
	"fmt"
	"strings"
	"testing"
)

// TestSpeakerKeysSameAsMap checks the person keys against the map they
// stand in for: keys put in lower case and as written, put again for
// another person, looked up folded and as written, over bodies that grow
// the table past the size kept between bodies and bodies after them.
func TestSpeakerKeysSameAsMap(t *testing.T) {
	var x speakerIndex
	for body, n := range []int{3, 40, 5000, 7, 0, 900} {
		x.reset("")
		want := map[string]int{}
		var names []string
		for i := range n {
			name := fmt.Sprintf("Name%d Surname%d", i, i%97)
			if i%13 == 0 {
				name = fmt.Sprintf("Ärzte%d Çelik", i) // non-ASCII: strings.ToLower's key
			}
			names = append(names, name)
			x.putLower(name, i)
			want[strings.ToLower(name)] = i
			sur := lastWord(name)
			x.putLower(sur, i) // a surname two persons share names the later one
			want[strings.ToLower(sur)] = i
			x.putAsWritten(sur, i)
			want[sur] = i
		}
		for _, name := range append(names, "Nobody", "", "NAME1 SURNAME1", "name1 surname1") {
			for _, key := range []string{name, strings.ToUpper(name), lastWord(name)} {
				p, ok := x.lookupFold(key)
				wp, wok := want[strings.ToLower(key)]
				if p != wp || ok != wok {
					t.Fatalf("body %d: lookupFold(%q) = %d, %v, want %d, %v", body, key, p, ok, wp, wok)
				}
				p, ok = x.lookupAsWritten(key)
				wp, wok = want[key]
				if p != wp || ok != wok {
					t.Fatalf("body %d: lookupAsWritten(%q) = %d, %v, want %d, %v", body, key, p, ok, wp, wok)
				}
			}
		}
		if x.keys.n != len(want) {
			t.Fatalf("body %d: %d keys, want %d", body, x.keys.n, len(want))
		}
	}
}

// TestSpeakerFoldKey checks foldKey against strings.ToLower, over keys of
// every length around the eight-byte steps, with capitals, non-ASCII
// letters (İ and the Kelvin sign lower to ASCII), invalid bytes and the
// bytes next to 'A' and 'Z'; and that the folded key hashes as the same
// key put as written.
func TestSpeakerFoldKey(t *testing.T) {
	var x speakerIndex
	var keys []string
	for n := range 30 {
		for _, fill := range []string{"aB", "Z@[`z", "İé", "\u212a", "\xff", "Ω"} {
			keys = append(keys, strings.Repeat(fill, n)[:n])
		}
		keys = append(keys, strings.Repeat("Donald J. Trump ", 2)[:n])
	}
	for _, s := range keys {
		h := x.foldKey(s)
		if got, want := string(x.fold), strings.ToLower(s); got != want {
			t.Fatalf("foldKey(%q) folded to %q, want %q", s, got, want)
		}
		if want := speakerKeyHash([]byte(strings.ToLower(s))); h != want {
			t.Fatalf("foldKey(%q) hash %#x, want %#x", s, h, want)
		}
	}
}
