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
	hash string
	// words counts the article's content words (see ContentWords).
	words map[string]int
}

// storePrepare returns the content hash and word counts of a.
func storePrepare(a NewArticle) storePrepared {
	p := storePrepared{hash: ContentHash(a.Text)}
	if outletKey(a.Outlet) != "" {
		p.words = map[string]int{}
		ContentWords(a.Text, func(w []byte) { p.words[string(w)]++ })
	}
	return p
}

// storePrepareBatch prepares every article of batch in parallel.
func storePrepareBatch(batch []ArticleWithResult) []storePrepared {
	out := make([]storePrepared, len(batch))
	workers := min(runtime.GOMAXPROCS(0), len(batch))
	var wg sync.WaitGroup
	for k := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := k; i < len(batch); i += workers {
				out[i] = storePrepare(batch[i].Article)
			}
		}()
	}
	wg.Wait()
	return out
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
