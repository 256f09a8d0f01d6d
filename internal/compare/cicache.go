package compare

import (
	"encoding/binary"
	"hash/maphash"
	"sync"

	"github.com/framinglens/framinglens/internal/stats"
)

// The bootstrap intervals of an outlet depend only on its selected
// articles' words and frame counts, the frames in order, the number of
// resamples and the seed (the outlet's name). ciCache keeps recent ones
// keyed by a 128-bit hash of all of that, so that a report rebuilt after a
// write that did not touch an outlet (another outlet's article, an alias,
// a lexicon note), or a new combination of outlets, reuses the outlet's
// intervals instead of resampling again. An outlet whose articles changed
// hashes differently and is resampled: the cache can only return what
// RatesCI would return for the same input.

// ciCacheSize is how many outlets' intervals the cache keeps.
const ciCacheSize = 64

type ciKey [2]uint64

type ciCache struct {
	seeds [2]maphash.Seed
	mu    sync.Mutex
	m     map[ciKey][]stats.RateInterval
	order []ciKey
}

func newCICache() *ciCache {
	return &ciCache{seeds: [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}, m: map[ciKey][]stats.RateInterval{}}
}

// key hashes the inputs of one outlet's RatesCI call.
func (c *ciCache) key(name string, frames []string, b int, words []int, counts [][]int) ciKey {
	var hs [2]maphash.Hash
	for i := range hs {
		hs[i].SetSeed(c.seeds[i])
	}
	buf := make([]byte, 0, 8192)
	flush := func() {
		for i := range hs {
			hs[i].Write(buf)
		}
		buf = buf[:0]
	}
	str := func(s string) {
		buf = binary.LittleEndian.AppendUint64(buf, uint64(len(s)))
		buf = append(buf, s...)
		if len(buf) >= 4096 {
			flush()
		}
	}
	ints := func(v []int) {
		buf = binary.LittleEndian.AppendUint64(buf, uint64(len(v)))
		for _, x := range v {
			buf = binary.LittleEndian.AppendUint64(buf, uint64(x))
			if len(buf) >= 4096 {
				flush()
			}
		}
	}
	str(name)
	ints([]int{b, len(frames)})
	for _, f := range frames {
		str(f)
	}
	ints(words)
	for _, cs := range counts {
		ints(cs)
	}
	flush()
	return ciKey{hs[0].Sum64(), hs[1].Sum64()}
}

func (c *ciCache) get(k ciKey) ([]stats.RateInterval, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	ci, ok := c.m[k]
	return ci, ok
}

func (c *ciCache) put(k ciKey, ci []stats.RateInterval) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.m[k]; ok {
		return
	}
	c.m[k] = ci
	c.order = append(c.order, k)
	if len(c.order) > ciCacheSize {
		delete(c.m, c.order[0])
		c.order = c.order[1:]
	}
}
