package store

import (
	"hash/maphash"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/framinglens/framinglens/internal/analysis"
)

// The write connection is one thread, and it bounds how fast articles are
// stored. Work on an article that needs no database, its content hash, its
// word counts and the digest of its result, is done outside the write
// transaction: by the caller, on its own cores, with PrepareArticle and
// WithResult (the importer does it in its analysis workers), or else by
// SaveArticles before the transaction, on every core (the digest by the
// writer).
// Adding up a batch's word counts per outlet is likewise done beside the
// writer, while it inserts the articles (storeBatchWords).

// Prepared is what the store works out for an article before writing it:
// its content hashes and content-word counts. It is only valid for the
// article it was made from; SaveArticles prepares again an article whose
// text or outlet changed since.
type Prepared struct {
	// text, outlet and raw are what it was worked out from.
	text, outlet string
	raw          []byte
	hash         string
	// rawHash is RawHash of the raw input, 0 when there is none.
	rawHash int64
	// words are the article's content words (see ContentWords) with their
	// counts, in order of first use; nil when the article has no outlet,
	// whose words are not counted.
	words []storeWordCount
	// result and digest are the result WithResult was given and its digest
	// (see storeResultDigest).
	result *analysis.Result
	digest []byte
}

// WithResult works out the digest of r, the result to be saved with the
// article, beside the other preparations, and returns p. r must not change
// after.
func (p *Prepared) WithResult(r *analysis.Result) *Prepared {
	p.result, p.digest = r, storeResultDigest(r)
	return p
}

// digestFor returns the digest of r: the one WithResult worked out when it
// was given r, else one worked out now.
func (p *Prepared) digestFor(r *analysis.Result) []byte {
	if p != nil && p.result == r && p.digest != nil {
		return p.digest
	}
	return storeResultDigest(r)
}

// storeWordCount is one word's count in an article or a batch.
type storeWordCount struct {
	word string
	n    int
}

// PrepareArticle works out a's content hashes and word counts, for
// ArticleWithResult.Prepared. It needs no database and is safe to call
// from many goroutines.
func PrepareArticle(a NewArticle) *Prepared {
	p := &Prepared{text: a.Text, outlet: a.Outlet, raw: a.Raw, hash: ContentHash(a.Text)}
	if len(a.Raw) > 0 {
		p.rawHash = RawHash(a.Raw)
	}
	if outletKey(a.Outlet) != "" {
		sc := storePrepPool.Get().(*storePrepScratch)
		p.words = sc.count(a.Text)
		storePrepPool.Put(sc)
	}
	return p
}

// storePrepScratch is the reusable working space of PrepareArticle's word
// count: an open-addressed table of the article's distinct words, which
// are kept back to back in one byte slice. Each word is hashed once, looked
// up without a copy, and at the end all the distinct words become one
// string that the counted words are slices of, instead of one allocation
// per word.
type storePrepScratch struct {
	buf   []byte // ContentWords' word buffer
	arena []byte // the distinct words, back to back
	ents  []storePrepEntry
	slots []int32 // index+1 into ents; 0 is empty; a power of two long
}

type storePrepEntry struct {
	hash   uint64
	off, n int // the word is arena[off:off+n]
	count  int
}

var storePrepPool = sync.Pool{New: func() any { return &storePrepScratch{buf: make([]byte, 0, 64)} }}

// storePrepSeed seeds the word hash. A seed chosen at random keeps an
// uploaded text from being made of words that all collide.
var storePrepSeed = maphash.MakeSeed()

// count returns text's content words with their counts, in order of first
// use.
func (sc *storePrepScratch) count(text string) []storeWordCount {
	// News text has about one distinct content word per 20 bytes; a
	// table for that, at most half full, rarely grows (up to a bound, for
	// a long text of few words).
	want := 16
	for want < 2*min(len(text)/20+8, 4096) {
		want *= 2
	}
	if cap(sc.slots) >= want {
		sc.slots = sc.slots[:want]
		clear(sc.slots)
	} else {
		sc.slots = make([]int32, want)
	}
	sc.arena, sc.ents = sc.arena[:0], sc.ents[:0]
	sc.buf = storeContentWords(text, sc.buf[:0], sc.add)
	s := string(sc.arena)
	out := make([]storeWordCount, len(sc.ents))
	for i, e := range sc.ents {
		out[i] = storeWordCount{s[e.off : e.off+e.n], e.count}
	}
	// Let a very long text's table go rather than keep it pooled.
	if cap(sc.arena) > 1<<20 || cap(sc.slots) > 1<<16 {
		*sc = storePrepScratch{buf: sc.buf[:0]}
	}
	return out
}

// add counts one occurrence of w.
func (sc *storePrepScratch) add(w []byte) {
	h := maphash.Bytes(storePrepSeed, w)
	mask := uint64(len(sc.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		k := sc.slots[i]
		if k == 0 {
			sc.slots[i] = int32(len(sc.ents) + 1)
			sc.ents = append(sc.ents, storePrepEntry{h, len(sc.arena), len(w), 1})
			sc.arena = append(sc.arena, w...)
			if 2*len(sc.ents) > len(sc.slots) {
				sc.grow()
			}
			return
		}
		if e := &sc.ents[k-1]; e.hash == h && string(sc.arena[e.off:e.off+e.n]) == string(w) {
			e.count++
			return
		}
	}
}

// grow doubles the table.
func (sc *storePrepScratch) grow() {
	sc.slots = make([]int32, 2*len(sc.slots))
	mask := uint64(len(sc.slots) - 1)
	for k, e := range sc.ents {
		i := e.hash & mask
		for sc.slots[i] != 0 {
			i = (i + 1) & mask
		}
		sc.slots[i] = int32(k + 1)
	}
}

// preparedFor reports whether p was made from a. Comparing the texts is
// cheap when they are the same string, as they are unless a was changed;
// the raw input must be the very same bytes, which a copy is not.
func (p *Prepared) preparedFor(a NewArticle) bool {
	return p != nil && p.outlet == a.Outlet && p.text == a.Text &&
		len(p.raw) == len(a.Raw) && (len(a.Raw) == 0 || &p.raw[0] == &a.Raw[0])
}

// storePrepareBatch returns the Prepared of every article of batch: the one
// it carries when that is still valid, else one worked out here, in
// parallel.
func storePrepareBatch(batch []ArticleWithResult) []*Prepared {
	out := make([]*Prepared, len(batch))
	var todo []int
	for i, item := range batch {
		if item.Prepared.preparedFor(item.Article) {
			out[i] = item.Prepared
		} else {
			todo = append(todo, i)
		}
	}
	workers := min(runtime.GOMAXPROCS(0), len(todo))
	var wg sync.WaitGroup
	for k := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := k; j < len(todo); j += workers {
				i := todo[j]
				out[i] = PrepareArticle(batch[i].Article)
			}
		}()
	}
	wg.Wait()
	return out
}

// storeBatchWords are a batch's word counts added up per outlet key
// (outletKey of the article's outlet), each outlet's sorted by word. They
// are worked out on the assumption that every article of the batch with an
// outlet is stored; the writer uses them only when that came true.
type storeBatchWords struct {
	// articles counts the articles of the batch with an outlet.
	articles int
	byKey    map[string][]storeWordCount
}

// storeSumBatchWords adds up the word counts of prep per outlet key.
func storeSumBatchWords(batch []ArticleWithResult, prep []*Prepared) *storeBatchWords {
	sums := storeKeySums{}
	bw := &storeBatchWords{}
	for i, p := range prep {
		key := outletKey(batch[i].Article.Outlet)
		if key == "" {
			continue
		}
		bw.articles++
		sums.add(key, p.words)
	}
	bw.byKey = sums.sorted()
	return bw
}

// storeKeySums adds up word counts per outlet key.
type storeKeySums map[string]map[string]int

func (s storeKeySums) add(key string, words []storeWordCount) {
	m := s[key]
	if m == nil {
		m = make(map[string]int, len(words))
		s[key] = m
	}
	for _, wc := range words {
		m[wc.word] += wc.n
	}
}

// sorted returns each key's counts as a list sorted by word.
func (s storeKeySums) sorted() map[string][]storeWordCount {
	out := make(map[string][]storeWordCount, len(s))
	for key, m := range s {
		list := make([]storeWordCount, 0, len(m))
		for w, n := range m {
			list = append(list, storeWordCount{w, n})
		}
		slices.SortFunc(list, func(a, b storeWordCount) int { return strings.Compare(a.word, b.word) })
		out[key] = list
	}
	return out
}

// addWords adds an article's prepared word counts to the writer's pending
// counts for its outlet.
func (w *storeWriter) addWords(outlet int64, words []storeWordCount) {
	if w.words == nil {
		w.words = storeWordCounts{}
	}
	m := w.words[outlet]
	if m == nil {
		m = make(map[string]*int, len(words))
		w.words[outlet] = m
	}
	for _, wc := range words {
		if p, ok := m[wc.word]; ok {
			*p += wc.n
			continue
		}
		c := wc.n
		m[wc.word] = &c
	}
}
