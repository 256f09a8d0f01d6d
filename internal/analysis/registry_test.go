package analysis_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/framinglens/framinglens/internal/analysis"
)

func TestParseRegistryCSV(t *testing.T) {
	data := "name,aliases,side,role\n" +
		"Russia,Moscow|Kremlin,russia,government\n" +
		"Sergey Lavrov,Sergei Lavrov|Lavrov,russia,foreign minister\n" +
		"\"Armed groups, eastern Aleppo\",rebels|armed groups,syrian-opposition,\n"
	reg, err := analysis.ParseRegistryCSV("test", []byte(data))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	if len(reg.Entries) != 3 {
		t.Fatalf("got %d entries, want 3", len(reg.Entries))
	}
	if got := reg.Entries[1].Aliases; !slices.Equal(got, []string{"Sergei Lavrov", "Lavrov"}) {
		t.Errorf("aliases = %q, want [Sergei Lavrov Lavrov]", got)
	}
	if reg.Name != "test" || len(reg.Version) != 12 {
		t.Errorf("name %q version %q, want test and 12 hex digits", reg.Name, reg.Version)
	}
	if reg.Version != analysis.RegistryVersion(reg.Entries) {
		t.Errorf("version %q differs from RegistryVersion %q", reg.Version, analysis.RegistryVersion(reg.Entries))
	}
	t.Run("CSVRoundTrip", func(t *testing.T) {
		again, err := analysis.ParseRegistryCSV("test", reg.CSV())
		if err != nil {
			t.Fatalf("parse CSV(): %v", err)
		}
		if again.Version != reg.Version || string(again.CSV()) != string(reg.CSV()) {
			t.Errorf("round trip changed the registry: %q vs %q", again.CSV(), reg.CSV())
		}
	})
	t.Run("VersionFollowsContent", func(t *testing.T) {
		changed := strings.Replace(data, "government", "state", 1)
		other, err := analysis.ParseRegistryCSV("test", []byte(changed))
		if err != nil {
			t.Fatal(err)
		}
		if other.Version == reg.Version {
			t.Errorf("version %q did not change with the content", other.Version)
		}
	})
	t.Run("Sides", func(t *testing.T) {
		if got := reg.Sides(); !slices.Equal(got, []string{"russia", "syrian-opposition"}) {
			t.Errorf("Sides() = %q", got)
		}
	})
}

func TestParseRegistryCSVErrors(t *testing.T) {
	cases := []struct {
		name string
		data string
		want []string // substrings of the message
	}{
		{"EmptyInput", "", []string{"line 1"}},
		{"WrongHeader", "who,side\nX,y\n", []string{"line 1", "header"}},
		{"AllBadLinesListed", "name,aliases,side,role\n,x,russia,\nLavrov,,,\nPutin,,Russia Side,\nPutin,,russia,\nPutin,,russia,\n",
			[]string{"line 2: empty name", "line 3", "no side", "line 4", "lower-case", "line 6", "already defined on line 5"}},
		{"WrongFieldCount", "name,aliases,side,role\nA,b\n", []string{"line 2", "4 fields"}},
		{"WholeAliasNamesNothing", "name,aliases,side,role\nSyrian government,Damascus|=,syrian-government,\n", []string{"line 2", `"="`, "names nothing"}},
		{"NegativeAliasNamesNothing", "name,aliases,side,role\narmed groups,rebels|! ,syrian-opposition,\n", []string{"line 2", `"!"`, "names nothing"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := analysis.ParseRegistryCSV("bad", []byte(c.data))
			if err == nil {
				t.Fatal("got no error")
			}
			var e *analysis.Error
			if !errors.As(err, &e) || e.Code != analysis.EINVALID {
				t.Fatalf("error %v: want *Error with code %s", err, analysis.EINVALID)
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

// syriaRegistry returns the default syria-2016 registry.
func syriaRegistry(tb testing.TB) *analysis.Registry {
	tb.Helper()
	reg, err := analysis.DefaultRegistry("syria-2016")
	if err != nil {
		tb.Fatal(err)
	}
	return reg
}

func TestRegistryResolve(t *testing.T) {
	reg := syriaRegistry(t)
	cases := []struct {
		name, speaker, wantName, wantSide string
	}{
		{"ExactName", "Sergey Lavrov", "Sergey Lavrov", "russia"},
		{"AliasCaseInsensitive", "moscow", "Russia", "russia"},
		{"Surname", "Lavrov", "Sergey Lavrov", "russia"},
		{"ContainedAlias", "Some of the armed groups in eastern Aleppo", "armed groups", "syrian-opposition"},
		{"ContainedLongestAlias", "reports in the US media", "US media", "media"},
		{"ProGovernmentMedia", "pro-government Syrian media", "pro-government Syrian media", "syrian-government"},
		{"Possessive", "Russia's Defense Ministry", "Russia", "russia"},
		{"UNEnvoy", "Staffan de Mistura", "Staffan de Mistura", "un"},
		{"GulfState", "Saudi officials", "Saudi Arabia", "gulf-states"},
		{"RussianSurname", "Лавров", "Sergey Lavrov", "russia"},
		{"RussianFullName", "Сергей Лавров", "Sergey Lavrov", "russia"},
		{"OppositionNegotiator", "Nasr al-Hariri", "Nasr al-Hariri", "syrian-opposition"},
		{"AbbreviationWithoutFinalPeriod", "U.N", "United Nations", "un"},
		{"AbbreviationInPhrase", "the U.N Security Council", "United Nations", "un"},
		{"WholeSpeakerAlias", "Syria", "Syrian government", "syrian-government"},
		{"WholeSpeakerAliasPossessive", "Syria's", "Syrian government", "syrian-government"},
		{"PartyWhole", "Republicans", "US Republicans", "united-states"},
		{"PartyInPhrase", "House Democrats", "US Democrats", "united-states"},
		{"CongressWhole", "Congress", "US Congress", "united-states"},
		{"AdministrationOfficials", "senior administration officials", "United States", "united-states"},
		// Rep. Steve Israel is an American congressman, not Israel's.
		{"NotTheCountry", "Rep. Steve Israel", "Steve Israel", "united-states"},
		// A group's alias names one of them too (TestRegistryRoleNumber
		// has the other way round).
		{"OneOfGroupAlias", "senior Turkish official", "Turkey", "turkey"},
		{"OneOfGroupAliasDiplomats", "Russian diplomat", "Russia", "russia"},
		{"AliasWithOtherFirstName", "Edward R. Royce", "Ed Royce", "united-states"},
		{"AliasNickname", "Rick DesLauriers", "Richard DesLauriers", "united-states"},
		{"IsraeliOpposition", "Isaac Herzog", "Isaac Herzog", "israel"},
		{"FormerAgencyHead", "Mohamed ElBaradei", "Mohamed ElBaradei", "un"},
		{"AliasWithoutFirstName", "Ali Hajizadeh", "Amir Ali Hajizadeh", "iran"},
		{"Candidate2016", "Gary Johnson", "Gary Johnson", "united-states"},
		{"SurnameAliasOfSenator", "Burr", "Richard Burr", "united-states"},
		// "France" is Europe's; the agency is a medium, spelt either way.
		{"AgencyNamedAfterCountry", "Agence France Presse news agency", "AFP", "media"},
		{"GroupSpeltWithoutHyphen", "al Nusra fighters", "Jabhat al-Nusra", "jihadist-groups"},
		{"QaedaAffiliateAcronym", "AQAP leader", "al-Qaeda in the Arabian Peninsula", "jihadist-groups"},
		{"QaedaAffiliateSomalia", "Al Shabaab", "al-Shabaab", "jihadist-groups"},
		// A "!" alias leaves its phrase unplaced only where no name or
		// alias as long stands before it.
		{"NameBeforeNegativeAlias", "Syrian rebels and Houthi rebels", "armed groups", "syrian-opposition"},
		{"LongerNameOverNegativeAlias", "the Free Syrian Army and Houthi rebels", "Free Syrian Army", "syrian-opposition"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			name, side, _, ok := reg.Resolve(c.speaker)
			if !ok || name != c.wantName || side != c.wantSide {
				t.Errorf("Resolve(%q) = %q, %q, %v; want %q, %q", c.speaker, name, side, ok, c.wantName, c.wantSide)
			}
		})
	}
	for _, speaker := range []string{"Bank of America", "University of Damascus"} {
		t.Run("PlaceAfterInstitution/"+speaker, func(t *testing.T) {
			if name, side, _, ok := reg.Resolve(speaker); ok {
				t.Errorf("Resolve(%q) = %q on %q, want no entry: the place after the institution is where it is", speaker, name, side)
			}
		})
	}
	// "=Syria", "=Democrats", "=Congress" name their entries only as the
	// whole speaker.
	for _, speaker := range []string{"a Syria expert", "the envoy to Syria", "Friends of Syria", "Social Democrats", "Liberal Democrats", "the Indian National Congress", "Mueller's parents"} {
		t.Run("WholeAliasNotInPhrase/"+speaker, func(t *testing.T) {
			if name, side, _, ok := reg.Resolve(speaker); ok && (side == "syrian-government" || side == "united-states") {
				t.Errorf("Resolve(%q) = %q on %q, want neither the Syrian nor the US side", speaker, name, side)
			}
		})
	}
	// The last words of some group names name something else alone.
	for _, speaker := range []string{"Sharia", "Peninsula", "Islam"} {
		t.Run("NoSurnameOfGroup/"+speaker, func(t *testing.T) {
			if name, side, _, ok := reg.Resolve(speaker); ok {
				t.Errorf("Resolve(%q) = %q on %q, want no entry", speaker, name, side)
			}
		})
	}
	// "!" aliases: phrases that hold an alias but are someone else.
	for _, speaker := range []string{"Houthi rebels", "Yemen's Iranian-backed Houthi rebels", "a recently formed pro-Republican opposition research group", "Iranian opposition groups", "Hong Kong activists",
		"American Israel Public Affairs Committee", "Doctors at Beth Israel Deaconess Medical Center in Boston"} {
		t.Run("NegativeAlias/"+speaker, func(t *testing.T) {
			if name, side, _, ok := reg.Resolve(speaker); ok {
				t.Errorf("Resolve(%q) = %q on %q, want no entry", speaker, name, side)
			}
		})
	}
	t.Run("Unknown", func(t *testing.T) {
		if name, _, _, ok := reg.Resolve("a local shopkeeper"); ok {
			t.Errorf("Resolve(a local shopkeeper) = %q, want no match", name)
		}
	})
	t.Run("NoPartialWords", func(t *testing.T) {
		// "Usman" must not match the alias "US".
		if name, _, _, ok := reg.Resolve("Usman"); ok {
			t.Errorf("Resolve(Usman) = %q, want no match", name)
		}
	})
}

func TestDefaultRegistry(t *testing.T) {
	names := analysis.DefaultRegistryNames()
	if !slices.Contains(names, "syria-2016") {
		t.Fatalf("DefaultRegistryNames() = %q, want syria-2016 among them", names)
	}
	reg := syriaRegistry(t)
	sides := reg.Sides()
	for _, want := range []string{"russia", "united-states", "syrian-government", "syrian-opposition", "jihadist-groups", "un", "turkey", "iran", "gulf-states", "europe", "israel", "kurds", "media", "ngo", "civilians"} {
		if !slices.Contains(sides, want) {
			t.Errorf("side %q missing from %q", want, sides)
		}
	}
	if slices.Contains(sides, analysis.SideUnassigned) {
		t.Errorf("Sides() holds %q", analysis.SideUnassigned)
	}
	if _, err := analysis.DefaultRegistry("nope"); analysis.ErrorCode(err) != analysis.ENOTFOUND {
		t.Errorf("DefaultRegistry(nope) error %v, want code %s", err, analysis.ENOTFOUND)
	}
}

// TestRegistryDoesNotConfuseCouncils keeps the US National Security Council
// off the UN side: only "UN Security Council" names the UN body.
func TestRegistryDoesNotConfuseCouncils(t *testing.T) {
	reg := syriaRegistry(t)
	tests := []struct {
		speaker, side string
		ok            bool
	}{
		{"National Security Council spokeswoman Bernadette Meehan", "united-states", true},
		{"National Security Council spokeswoman", "", false},
		{"the UN Security Council", "un", true},
		{"U.N. Ambassador Susan Rice", "united-states", true},
		{"the Islamic Republic", "iran", true},
		// Where an institution or a foreign mission stands is not whose
		// it is; a country's own mission is still its.
		{"Embassy of the Republic of Yemen in Washington", "", false},
		{"Sajjan Gohel of the Asia-Pacific Foundation London", "", false},
		{"Sajjan Gohel of the Asia-Pacific Foundation in London", "", false},
		{"U.S. Embassy in Baghdad", "united-states", true},
		{"officials in Washington", "united-states", true},
	}
	for _, tt := range tests {
		_, side, _, ok := reg.Resolve(tt.speaker)
		if ok != tt.ok || side != tt.side {
			t.Errorf("Resolve(%q) = side %q ok %v, want %q %v", tt.speaker, side, ok, tt.side, tt.ok)
		}
	}
}

// TestRegistryKeepsAlQaedaApart names al-Qaeda as itself: it was once an
// alias of Jabhat al-Nusra, which made "Al Qaeda said" in a 2015 report on
// Paris a quote of the Syrian group.
func TestRegistryKeepsAlQaedaApart(t *testing.T) {
	reg := syriaRegistry(t)
	for _, tt := range []struct{ speaker, name string }{
		{"Al Qaeda", "al-Qaeda"},
		{"al-Qaida", "al-Qaeda"},
		{"Nusra Front", "Jabhat al-Nusra"},
	} {
		name, side, _, ok := reg.Resolve(tt.speaker)
		if !ok || name != tt.name || side != "jihadist-groups" {
			t.Errorf("Resolve(%q) = %q, side %q, ok %v; want %q on jihadist-groups", tt.speaker, name, side, ok, tt.name)
		}
	}
}

// TestRegistryRoleNumber gives an alias ending in "official" or
// "diplomat" its other number, in a registry of the user's, and no more:
// another noun keeps its alias as written.
func TestRegistryRoleNumber(t *testing.T) {
	reg, err := analysis.ParseRegistryCSV("test", []byte("name,aliases,side,role\nPalestinian Authority,PA official|PA diplomats|PA spokesman,pa,government\n"+
		"United States,US officials,us,government\nState Department,US official|=State,state,ministry\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		speaker string
		ok      bool
	}{
		{"PA official", true},
		{"two PA officials", true},
		{"a PA diplomat", true},
		{"PA diplomats", true},
		{"PA spokesman", true},
		{"PA spokesmen", false},
		{"PA officialdom", false},
	} {
		if _, side, _, ok := reg.Resolve(tt.speaker); ok != tt.ok || ok && side != "pa" {
			t.Errorf("Resolve(%q) = %q, %v; want ok %v", tt.speaker, side, ok, tt.ok)
		}
	}
	// An alias written out wins over another entry's other number, though
	// that entry comes first.
	if _, side, _, _ := reg.Resolve("a senior US official"); side != "state" {
		t.Errorf("Resolve(a senior US official) side = %q, want the State Department's alias (state)", side)
	}
}

// TestRegistryPlaceBeforeInstitution keeps papers, think tanks and
// universities named after a place off that place's government, while a
// place before a title or a government body still counts.
func TestRegistryPlaceBeforeInstitution(t *testing.T) {
	reg := syriaRegistry(t)
	tests := []struct {
		speaker, name, side string
		ok                  bool
	}{
		{"Washington Institute for Near East Policy fellow Eric Trager", "", "", false},
		{"Moscow Times editor Anna Ivanova", "", "", false},
		{"George Washington University", "", "", false},
		{"the Jerusalem Post", "Jerusalem Post", "media", true},
		{"the Washington Post", "Washington Post", "media", true},
		{"Washington Post reporter Jason Rezaian", "Washington Post", "media", true},
		{"Moscow officials", "Russia", "russia", true},
		{"Kremlin spokesman", "Russia", "russia", true},
		{"Russian Foreign Ministry spokeswoman", "Russia", "russia", true},
		{"Russian Deputy Foreign Minister Sergei Ryabkov", "Sergei Ryabkov", "russia", true},
		{"Foreign Minister Lavrov", "Sergey Lavrov", "russia", true},
		{"Larry Johnson", "", "", false},
		{"Susan E. Rice", "Susan Rice", "united-states", true},
		{"Israeli media", "", "", false},
		{"Egyptian armed forces", "", "", false},
	}
	for _, tt := range tests {
		name, side, _, ok := reg.Resolve(tt.speaker)
		if ok != tt.ok || name != tt.name || side != tt.side {
			t.Errorf("Resolve(%q) = %q, %q, %v; want %q, %q, %v", tt.speaker, name, side, ok, tt.name, tt.side, tt.ok)
		}
	}
}

// TestRegistrySurnameBearer keeps a surname for its bearer: an alias that
// is an entry's surname does not name the entry after another first name,
// and the surname rule reads proper names only, not the generic last word
// of an institution's name ("government" of "Syrian government").
func TestRegistrySurnameBearer(t *testing.T) {
	reg := syriaRegistry(t)
	tests := []struct {
		speaker, name, side string
	}{
		// Another first name before a surname alias: someone else.
		{"Hunter Biden", "", ""},
		{"Melania Trump", "", ""},
		{"Kenyata McCain", "", ""},
		{"Robert O'Brien", "", ""},
		// A title, the entry's own first name, an initial, a possessive or
		// a day before it, or words after it, leave it the entry's.
		{"Vice President Biden", "Joe Biden", "united-states"},
		{"Joe Biden", "Joe Biden", "united-states"},
		{"Syria's Assad", "Bashar al-Assad", "syrian-government"},
		{"Wednesday Obama", "Barack Obama", "united-states"},
		{"senior Trump administration officials", "Donald Trump", "united-states"},
		{"Sen. McCain", "John McCain", "united-states"},
		// A lowercase alias is no surname: the contained-alias rule holds.
		{"Aleppo opposition", "Syrian opposition", "syrian-opposition"},
		// The surname rule wants a capitalized name.
		{"government", "", ""},
		{"army", "", ""},
		{"organization", "", ""},
		{"Graham", "Lindsey Graham", "united-states"},
		{"Bill Clinton", "Bill Clinton", "united-states"},
		{"Secretary Clinton", "Hillary Clinton", "united-states"},
		{"Gregory N. Hicks", "Gregory Hicks", "united-states"},
		{"Yukiya Amano", "Yukiya Amano", "un"},
		// A one-word name written with a capital names no one in lower case
		// inside a longer phrase.
		{"Secretary-General Ban", "Ban Ki-moon", "un"},
		{"supporters of the travel ban", "", ""},
		{"some of us", "", ""},
		// An outlet's name in another's is not the outlet.
		{"fellow at the Atlantic Council", "", ""},
		{"Michael Bloomberg", "", ""},
		{"Tom Rogan, Washington Examiner", "Washington Examiner", "media"},
		// A place someone is sent to is not their side.
		{"Palestinian U.N. Ambassador Ibrahim Khraishi", "", ""},
		// People whose surname names others too are lower-case aliases of
		// their institution: the side, not the surname.
		{"Palestinian U.N. Ambassador Riyad Mansour", "Palestinian Authority", "palestinians"},
		{"President Mansour", "", ""},
		{"Mousavi", "", ""},
		// An institution's head word is no surname.
		{"Palestinian Health Authority", "", ""},
		{"Organization", "", ""},
		{"Syrian U.N. Ambassador Bashar Ja’afari", "Bashar Jaafari", "syrian-government"},
		{"Syrian Ambassador to Russia", "", ""},
		{"France's ambassador to the United States", "France", "europe"},
		{"source close to Kerry", "John Kerry", "united-states"},
		// A surname that is also a title names no one alone.
		{"Peter King", "Peter King", "united-states"},
		{"King", "", ""},
		// The Arabic article does not hide a surname.
		{"al-Mekdad", "Faisal Mekdad", "syrian-government"},
		// Agencies keep their own names.
		{"CIA", "CIA", "united-states"},
		{"UNHCR", "UNHCR", "un"},
		{"World Health Organization", "World Health Organization", "un"},
	}
	for _, tt := range tests {
		name, side, _, ok := reg.Resolve(tt.speaker)
		if ok != (tt.side != "") || name != tt.name || side != tt.side {
			t.Errorf("Resolve(%q) = %q, %q, %v; want %q, %q", tt.speaker, name, side, ok, tt.name, tt.side)
		}
	}
}

// TestRegistryRejectsLineBreaks keeps names on one line, so a registry
// written back as CSV reads as it was (found by FuzzParseRegistryCSV).
func TestRegistryRejectsLineBreaks(t *testing.T) {
	_, err := analysis.ParseRegistryCSV("x", []byte("name,aliases,side,role\n\"Sergey\r\nLavrov\",,russia,\n"))
	if err == nil || analysis.ErrorCode(err) != analysis.EINVALID || !strings.Contains(err.Error(), "line 2") {
		t.Fatalf("err = %v, want EINVALID naming line 2", err)
	}
}
