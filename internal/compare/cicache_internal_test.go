package compare

import (
	"fmt"
	"testing"

	"github.com/framinglens/framinglens/internal/stats"
)

func TestCICacheKey(t *testing.T) {
	c := newCICache()
	base := func() (string, []string, int, []int, [][]int) {
		return "Fox News", []string{"a", "b"}, 200, []int{100, 250, 80}, [][]int{{1, 0, 2}, {0, 0, 1}, {3, 1, 0}, {1, 1, 0}}
	}
	name, frames, b, words, counts := base()
	want := c.key(name, frames, b, words, counts)
	if again := c.key(base()); again != want {
		t.Fatalf("equal inputs hash to %x and %x", want, again)
	}
	for _, tc := range []struct {
		name   string
		change func(name *string, frames *[]string, b *int, words *[]int, counts *[][]int)
	}{
		{"OtherOutlet", func(n *string, _ *[]string, _ *int, _ *[]int, _ *[][]int) { *n = "Fox Newz" }},
		{"FramesSwapped", func(_ *string, f *[]string, _ *int, _ *[]int, _ *[][]int) { *f = []string{"b", "a"} }},
		{"FrameNamesRegrouped", func(_ *string, f *[]string, _ *int, _ *[]int, _ *[][]int) { *f = []string{"ab", ""} }},
		{"Resamples", func(_ *string, _ *[]string, b *int, _ *[]int, _ *[][]int) { *b = 201 }},
		{"OneWordCount", func(_ *string, _ *[]string, _ *int, w *[]int, _ *[][]int) { (*w)[2]++ }},
		{"OneFrameCount", func(_ *string, _ *[]string, _ *int, _ *[]int, c *[][]int) { (*c)[3][0] = 0 }},
		{"ArticleAdded", func(_ *string, _ *[]string, _ *int, w *[]int, c *[][]int) {
			*w = append(*w, 0)
			for i := range *c {
				(*c)[i] = append((*c)[i], 0)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			name, frames, b, words, counts := base()
			tc.change(&name, &frames, &b, &words, &counts)
			if got := c.key(name, frames, b, words, counts); got == want {
				t.Errorf("changed input hashes to the same key %x", got)
			}
		})
	}
}

func TestCICacheKeepsTheLatest(t *testing.T) {
	c := newCICache()
	keys := make([]ciKey, ciCacheSize+1)
	for i := range keys {
		keys[i] = c.key(fmt.Sprint(i), nil, 1, []int{i}, nil)
		c.put(keys[i], []stats.RateInterval{{Rate: float64(i)}})
	}
	if _, ok := c.get(keys[0]); ok {
		t.Errorf("the oldest entry survived %d newer ones", ciCacheSize)
	}
	for _, i := range []int{1, ciCacheSize} {
		ci, ok := c.get(keys[i])
		if !ok || ci[0].Rate != float64(i) {
			t.Errorf("entry %d = %v, %v; want rate %d", i, ci, ok, i)
		}
	}
}
