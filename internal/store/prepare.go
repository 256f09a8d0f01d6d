package store

import (
	"runtime"
	"slices"
	"strings"
	"sync"
)

// The write connection is one thread, and it bounds how fast articles are
// stored. Work on an article that needs no database, its content hash and
// its word counts, is done outside the write transaction: by the caller, on
// its own cores, with PrepareArticle (the importer does it in its analysis
// workers), or else by SaveArticles before the transaction, on every core.
// Adding up a batch's word counts per outlet is likewise done beside the
// writer, while it inserts the articles (storeBatchWords).

// Prepared is what the store works out for an article before writing it:
// its content hash and content-word counts. It is only valid for the
// article it was made from; SaveArticles prepares again an article whose
// text or outlet changed since.
type Prepared struct {
	// text and outlet are what it was worked out from.
	text, outlet string
	hash         string
	// words are the article's content words (see ContentWords) with their
	// counts, in order of first use; nil when the article has no outlet,
	// whose words are not counted.
	words []storeWordCount
}

// storeWordCount is one word's count in an article or a batch.
type storeWordCount struct {
	word string
	n    int
}

// PrepareArticle works out a's content hash and word counts, for
// ArticleWithResult.Prepared. It needs no database and is safe to call
// from many goroutines.
func PrepareArticle(a NewArticle) *Prepared {
	p := &Prepared{text: a.Text, outlet: a.Outlet, hash: ContentHash(a.Text)}
	if outletKey(a.Outlet) != "" {
		// Each word is looked up without a copy, and copied once, when
		// first seen. News text has about one distinct content word per
		// 20 bytes; sizing for that spares the map its growth steps (up
		// to a bound, for a long text of few words).
		hint := min(len(a.Text)/20+8, 4096)
		at := make(map[string]int, hint)
		p.words = make([]storeWordCount, 0, hint)
		ContentWords(a.Text, func(w []byte) {
			if i, ok := at[string(w)]; ok {
				p.words[i].n++
				return
			}
			word := string(w)
			at[word] = len(p.words)
			p.words = append(p.words, storeWordCount{word, 1})
		})
	}
	return p
}

// preparedFor reports whether p was made from a. Comparing the texts is
// cheap when they are the same string, as they are unless a was changed.
func (p *Prepared) preparedFor(a NewArticle) bool {
	return p != nil && p.outlet == a.Outlet && p.text == a.Text
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
	sums := map[string]map[string]int{}
	bw := &storeBatchWords{byKey: map[string][]storeWordCount{}}
	for i, p := range prep {
		key := outletKey(batch[i].Article.Outlet)
		if key == "" {
			continue
		}
		bw.articles++
		m := sums[key]
		if m == nil {
			m = make(map[string]int, len(p.words))
			sums[key] = m
		}
		for _, wc := range p.words {
			m[wc.word] += wc.n
		}
	}
	for key, m := range sums {
		list := make([]storeWordCount, 0, len(m))
		for w, n := range m {
			list = append(list, storeWordCount{w, n})
		}
		slices.SortFunc(list, func(a, b storeWordCount) int { return strings.Compare(a.word, b.word) })
		bw.byKey[key] = list
	}
	return bw
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
