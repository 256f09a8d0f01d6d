package store

import (
	"runtime"
	"sync"
)

// The write connection is one thread. Work on an article that needs no
// database, its content hash and its word counts, is done before the
// transaction, on every core, so that the transaction holds the writer
// only for SQLite's own work.

// storePrepared is what the store works out for an article before writing it.
type storePrepared struct {
	// text and outlet are what the preparation was made from.
	text, outlet string
	hash         string
	// words counts the article's content words (see ContentWords).
	words map[string]int
}

// storePrepare returns the content hash and word counts of a.
func storePrepare(a NewArticle) storePrepared {
	p := storePrepared{text: a.Text, outlet: a.Outlet, hash: ContentHash(a.Text)}
	if outletKey(a.Outlet) != "" {
		p.words = map[string]int{}
		ContentWords(a.Text, func(w []byte) { p.words[string(w)]++ })
	}
	return p
}

// storePrepareBatch returns the preparation of every article of batch:
// the one PrepareArticles left in it, or one worked out now, in parallel.
// With keep, the preparations are left in batch too.
func storePrepareBatch(batch []ArticleWithResult, keep bool) []storePrepared {
	out := make([]storePrepared, len(batch))
	var todo []int
	for i := range batch {
		if p := batch[i].prepared; p != nil && p.text == batch[i].Article.Text && p.outlet == batch[i].Article.Outlet {
			out[i] = *p
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
				out[i] = storePrepare(batch[i].Article)
				if keep {
					batch[i].prepared = &out[i]
				}
			}
		}()
	}
	wg.Wait()
	return out
}

// PrepareArticles works out, on all cores, what SaveArticles needs of each
// article besides the database (content hashes, word counts) and leaves it
// in batch. Calling it is optional: it lets a caller do that work while an
// earlier batch is being saved, instead of in SaveArticles. An article
// changed after the call is prepared again.
func PrepareArticles(batch []ArticleWithResult) {
	storePrepareBatch(batch, true)
}

// addWords adds an article's prepared word counts to the writer's pending
// counts for its outlet.
func (w *storeWriter) addWords(outlet int64, words map[string]int) {
	if w.words == nil {
		w.words = storeWordCounts{}
	}
	m := w.words[outlet]
	if m == nil {
		m = make(map[string]*int, len(words))
		w.words[outlet] = m
	}
	for word, n := range words {
		if p, ok := m[word]; ok {
			*p += n
			continue
		}
		c := n
		m[word] = &c
	}
}
