package store

import (
	"reflect"
	"testing"

	"github.com/framinglens/framinglens/internal/analysis"
)

// digestResult is a result with every kind of row the store keeps.
func digestResult() *analysis.Result {
	return &analysis.Result{
		Title: "T", Published: "2016-12-06", Text: "body", Words: 120, Unassigned: 1, Balance: 0.4, BalanceWords: 0.3,
		Hits: []analysis.Hit{{Term: "rebels", Pattern: "rebel", Frame: "neutral", Actor: "opposition", Valence: 0,
			Voice: analysis.VoiceOwn, Start: 3, End: 9, Entry: 2}},
		Entries: []analysis.EntryCount{{Pattern: "rebel", Frame: "neutral", Actor: "opposition", Count: 1, Own: 1, Per1000: 8.3}},
		Frames:  map[string]analysis.FrameCount{"neutral": {Count: 1, Own: 1, Per1000: 8.3, Per1000Own: 8.3}, "humanitarian": {Count: 2, Quoted: 2, Per1000: 16.6}},
		Actors:  map[string]analysis.ActorScore{"opposition": {Count: 1, CountOwn: 1}, "government": {Count: 2, Valence: -1, ValenceOwn: -1}},
		Quotes: []analysis.Quote{{Text: "we will stay", Start: 20, End: 32, Kind: analysis.QuoteDirect, Speaker: "Sergey Lavrov",
			Mention: "Lavrov", MentionStart: 40, MentionEnd: 46, Cue: "said", Side: "russia", Words: 3}},
		Sources:    []analysis.Source{{Name: "Sergey Lavrov", Side: "russia", Role: "minister", Direct: 1, Words: 3}},
		Sides:      map[string]float64{"russia": 0.5, "un": 0.5},
		SidesWords: map[string]float64{"russia": 0.6, "un": 0.4},
		Versions:   analysis.Versions{Engine: "1", Lexicon: "l@1", Registry: "r@1"},
	}
}

func TestResultDigestIgnoresWhatItShould(t *testing.T) {
	want := storeResultDigest(digestResult())
	if len(want) != storeDigestSize {
		t.Fatalf("digest of %d bytes, want %d", len(want), storeDigestSize)
	}
	for name, change := range map[string]func(r *analysis.Result){
		"Same":      func(r *analysis.Result) {},
		"Versions":  func(r *analysis.Result) { r.Versions = analysis.Versions{Engine: "2", Lexicon: "l@2", Registry: "r@2"} },
		"Title":     func(r *analysis.Result) { r.Title = "Another" },
		"Published": func(r *analysis.Result) { r.Published = "" },
		"Text":      func(r *analysis.Result) { r.Text = "another body" },
	} {
		r := digestResult()
		change(r)
		// Maps are walked in a new random order each time.
		for range 5 {
			if got := storeResultDigest(r); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: digest changed, want the same", name)
				break
			}
		}
	}
}

// TestResultDigestSeesEveryStoredField changes each field of each kind of
// row in turn, found by reflection, so that a field added to the engine's
// types and stored but left out of the digest fails here, and checks that
// it moves the half of the digest it belongs to and only that one.
func TestResultDigestSeesEveryStoredField(t *testing.T) {
	base := storeResultDigest(digestResult())
	notStored := map[string]bool{"Title": true, "Published": true, "Text": true, "Versions": true}
	// The rows a lexicon makes are in the first half; the word count is in
	// both; everything else in the second.
	lexicon := map[string]bool{"Hits": true, "Entries": true, "Frames": true, "Actors": true}
	var field string
	check := func(path string, change func(r *analysis.Result)) {
		r := digestResult()
		change(r)
		got := storeResultDigest(r)
		first := !reflect.DeepEqual(got[:storeDigestHalf], base[:storeDigestHalf])
		second := !reflect.DeepEqual(got[storeDigestHalf:], base[storeDigestHalf:])
		wantFirst, wantSecond := lexicon[field] || field == "Words", !lexicon[field]
		if first != wantFirst || second != wantSecond {
			t.Errorf("changing %s changed the first half %v and the second %v, want %v and %v",
				path, first, second, wantFirst, wantSecond)
		}
	}
	rt := reflect.TypeOf(analysis.Result{})
	for i := range rt.NumField() {
		f := rt.Field(i)
		if notStored[f.Name] {
			continue
		}
		field = f.Name
		switch f.Type.Kind() {
		case reflect.Slice:
			et := f.Type.Elem()
			for j := range et.NumField() {
				check(f.Name+"."+et.Field(j).Name, func(r *analysis.Result) {
					digestBump(reflect.ValueOf(r).Elem().Field(i).Index(0).Field(j))
				})
			}
			check(f.Name+" (one more row)", func(r *analysis.Result) {
				v := reflect.ValueOf(r).Elem().Field(i)
				v.Set(reflect.Append(v, v.Index(0)))
			})
		case reflect.Map:
			check(f.Name+" (key)", func(r *analysis.Result) {
				m := reflect.ValueOf(r).Elem().Field(i)
				k := m.MapKeys()[0]
				m.SetMapIndex(reflect.ValueOf(k.String()+"x"), m.MapIndex(k))
				m.SetMapIndex(k, reflect.Value{})
			})
			if et := f.Type.Elem(); et.Kind() == reflect.Struct {
				for j := range et.NumField() {
					check(f.Name+"."+et.Field(j).Name, func(r *analysis.Result) {
						m := reflect.ValueOf(r).Elem().Field(i)
						k := m.MapKeys()[0]
						v := reflect.New(et).Elem()
						v.Set(m.MapIndex(k))
						digestBump(v.Field(j))
						m.SetMapIndex(k, v)
					})
				}
			} else {
				check(f.Name+" (value)", func(r *analysis.Result) {
					m := reflect.ValueOf(r).Elem().Field(i)
					k := m.MapKeys()[0]
					m.SetMapIndex(k, reflect.ValueOf(m.MapIndex(k).Float()+0.001))
				})
			}
		default:
			check(f.Name, func(r *analysis.Result) { digestBump(reflect.ValueOf(r).Elem().Field(i)) })
		}
	}
}

// digestBump changes v, a string, number or bool, to another value.
func digestBump(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(v.String() + "x")
	case reflect.Int:
		v.SetInt(v.Int() + 1)
	case reflect.Float64:
		v.SetFloat(v.Float() + 0.001)
	case reflect.Bool:
		v.SetBool(!v.Bool())
	default:
		panic("digestBump: unexpected kind " + v.Kind().String())
	}
}

func TestPreparedDigestFor(t *testing.T) {
	r := digestResult()
	p := PrepareArticle(NewArticle{Text: "body"}).WithResult(r)
	if got := p.digestFor(r); !reflect.DeepEqual(got, storeResultDigest(r)) || &got[0] != &p.digest[0] {
		t.Errorf("digestFor the prepared result = %x, want the prepared digest %x", got, p.digest)
	}
	other := digestResult()
	other.Words++
	if got := p.digestFor(other); !reflect.DeepEqual(got, storeResultDigest(other)) {
		t.Errorf("digestFor another result = %x, want its own digest %x", got, storeResultDigest(other))
	}
	var none *Prepared
	if got := none.digestFor(r); !reflect.DeepEqual(got, storeResultDigest(r)) {
		t.Errorf("digestFor without preparing = %x, want %x", got, storeResultDigest(r))
	}
}
