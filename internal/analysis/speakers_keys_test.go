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
