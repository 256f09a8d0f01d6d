package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/ingest"
	"github.com/framinglens/framinglens/internal/shareddata"
)

// The word counts and content hashes are stored and compared across
// databases, so the fast paths of ContentWords, PrepareArticle and
// ContentHash must give exactly what these plain definitions give.

// refContentWords is ContentWords as first written: every word from
// analysis.NextWord, lower-cased rune by rune, possessive dropped, then
// filtered with the stopWords map.
func refContentWords(text string) []string {
	var out []string
	var buf []byte
	for pos := 0; ; {
		start, end, ok := analysis.NextWord(text, pos)
		if !ok {
			return out
		}
		pos = end
		buf = storeLowerWord(buf[:0], text[start:end])
		buf = trimPossessive(buf)
		if !storeHasLetter(buf) || utf8.RuneCount(buf) < 2 || stopWords[string(buf)] {
			continue
		}
		out = append(out, string(buf))
	}
}

// refPrepared is PrepareArticle's hash and word counts by definition.
func refPrepared(a NewArticle) (string, []storeWordCount) {
	sum := sha256.Sum256([]byte(strings.Join(strings.Fields(strings.ToLower(a.Text)), " ")))
	hash := hex.EncodeToString(sum[:])
	if outletKey(a.Outlet) == "" {
		return hash, nil
	}
	var words []storeWordCount
	at := map[string]int{}
	for _, w := range refContentWords(a.Text) {
		if i, ok := at[w]; ok {
			words[i].n++
			continue
		}
		at[w] = len(words)
		words = append(words, storeWordCount{w, 1})
	}
	return hash, words
}

// checkWordsMatchReference fails t when ContentWords or PrepareArticle
// differ from the definitions on text.
func checkWordsMatchReference(t *testing.T, text string) {
	t.Helper()
	var got []string
	ContentWords(text, func(w []byte) { got = append(got, string(w)) })
	if want := refContentWords(text); !slices.Equal(got, want) {
		t.Fatalf("ContentWords(%q) =\n%q\nwant\n%q", text, got, want)
	}
	a := NewArticle{Outlet: "Outlet", Text: text}
	p := PrepareArticle(a)
	hash, words := refPrepared(a)
	if p.hash != hash {
		t.Fatalf("PrepareArticle(%q).hash = %s, want %s", text, p.hash, hash)
	}
	if !slices.Equal(p.words, words) {
		t.Fatalf("PrepareArticle(%q).words =\n%v\nwant\n%v", text, p.words, words)
	}
	if p := PrepareArticle(NewArticle{Text: text}); p.words != nil || p.hash != hash {
		t.Fatalf("PrepareArticle without outlet = %v %s, want no words and %s", p.words, p.hash, hash)
	}
	if h := ContentHash(text); h != hash {
		t.Fatalf("ContentHash(%q) = %s, want %s", text, h, hash)
	}
}

// storeOddWordTexts are texts where a fast path for ASCII could go wrong:
// words that turn non-ASCII midway, apostrophes of both kinds at every
// place, invalid UTF-8, combining marks, letters that change length when
// lower-cased, and stop words next to their look-alikes.
var storeOddWordTexts = []string{
	"",
	"'",
	"a'",
	"'s",
	"x's",
	"1's 22's ab's a's I's it's It’s IT'S don't can't won’t",
	"Russia’s army, Assad's forces, the Assads' homes, O'Neill's o’neill’s",
	"rock'n'roll ' ' '' ''s s's ss's 's's abc'",
	"Café CAFÉ café’s naïve Zürich’s ÉCOLE école",
	"e\u0301cole cafe\u0301 \u0301abc abc\u0301 a\u0301",
	"İstanbul ΣΟΦΊΑ ΌΣΟΣ Straße STRASSE Ⅻ ǅemal ǈ ﬁnancial",
	"ab\xffcd \xc3 ef\xe2\x82 x\uFFFDy \xe2\x80\x99s ab\xe2\x80",
	"abc’ ’abc abc’’def abc'’def abc’'def abc’x abc'é abc’é é'abc",
	"١٢٣ ٤٥ abc١٢٣ 2016 B-52 3rd 1st 10k x2 2x",
	"the THE The tHe ourselves OURSELVES ourselve yourselves themselvess themselve",
	"mr Mr. MRS ms per via yet still even much many well back they'll THEY’LL they'd",
	"Правительство Сирии, 北京 日本語のテキスト, עברית, العربية",
	"tab\there\nnew\u00a0nbsp\u2003em\u3000ideo\u0085nel",
	"aaaaaaaa aaaaaaaaa aaaaaaaaaa abcdefgh abcdefghi themselve yourselve yourselves1",
	storeAllASCII(),
	"abcdefg hijklmn  opqrstu v w x y z Word  word\tWORD \n word. Seven  Eight        nine\r\nTen ",
	"ABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{ abcdefghijklmnopqrstuvwxyz0123456789 X\x1fY\x7fZ ZZZZZZZZ\x00ZZZZZZZ",
	strings.Repeat("long", 40) + " " + strings.Repeat("é", 30) + "'s",
}

// storeAllASCII is every ASCII byte, twice, each between letters, so that
// ContentHash's eight-byte blocks meet each one inside words.
func storeAllASCII() string {
	var b strings.Builder
	for range 2 {
		for c := range utf8.RuneSelf {
			b.WriteByte(byte(c))
			b.WriteString("A" + string(rune(c)) + "a")
		}
	}
	return b.String()
}

func TestContentWordsMatchReferenceOdd(t *testing.T) {
	for _, text := range storeOddWordTexts {
		checkWordsMatchReference(t, text)
	}
}

func TestStopWordTable(t *testing.T) {
	buf := make([]byte, 0, 64)
	for w := range stopWords {
		if !storeIsStop(append(buf[:0], w...)) {
			t.Errorf("storeIsStop(%q) = false, want true", w)
		}
		// Near misses: one byte more, one less, one changed.
		for _, v := range []string{w + "x", w[:len(w)-1], "x" + w[1:], w[:len(w)-1] + "q"} {
			if got := storeIsStop(append(buf[:0], v...)); got != stopWords[v] {
				t.Errorf("storeIsStop(%q) = %v, want %v", v, got, stopWords[v])
			}
		}
	}
	// Stale bytes past the word's length must not count.
	buf = append(buf[:0], "thexxxxxxx"...)
	if !storeIsStop(buf[:3]) {
		t.Errorf("storeIsStop(the) with stale bytes after it = false, want true")
	}
}

func TestContentWordsMatchReferenceAllsides(t *testing.T) {
	path := shareddata.Path(t, "data", "allsides-abp", "articles.jsonl")
	n := 0
	err := ingest.ReadFile(context.Background(), path, ingest.DefaultLimits(), func(it ingest.Item) error {
		if it.Err == nil {
			checkWordsMatchReference(t, it.Article.Text)
			checkWordsMatchReference(t, it.Article.Title)
			n++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 1000 {
		t.Fatalf("read %d articles, want the corpus's 2,000", n)
	}
}

func FuzzContentWords(f *testing.F) {
	for _, text := range storeOddWordTexts {
		f.Add(text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkWordsMatchReference(t, text)
	})
}
