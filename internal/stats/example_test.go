package stats_test

import (
	"fmt"

	"github.com/framinglens/framinglens/internal/stats"
)

// One outlet against another over three lexicon entries (the hand-computed
// case in testdata/README.md).
func ExampleLogOddsDirichlet() {
	a := map[string]int{"regime": 10, "government": 2, "militants": 8}
	b := map[string]int{"regime": 2, "government": 18}
	prior := stats.InformativePrior(stats.MergeCounts(a, b), 10)
	for _, s := range stats.LogOddsDirichlet(a, b, prior) {
		fmt.Printf("%-10s delta %+.4f z %+.4f significant %v\n", s.Term, s.Delta, s.Z, s.Significant)
	}
	// Output:
	// regime     delta +1.3412 z +2.5486 significant true
	// militants  delta +1.9459 z +2.5122 significant true
	// government delta -2.3792 z -5.5116 significant true
}

// Rate is count per 1,000 words, and 0 for no words.
func ExampleRate() {
	fmt.Println(stats.Rate(3, 1000), stats.Rate(1, 100), stats.Rate(2, 0))
	// Output: 3 10 0
}

func ExampleBucket() {
	for _, d := range []string{"2016-12-31", "2017-01-01", "2017-01-02"} {
		w, _ := stats.Bucket(d, true)
		m, _ := stats.Bucket(d, false)
		fmt.Println(d, w, m)
	}
	// Output:
	// 2016-12-31 2016-W52 2016-12
	// 2017-01-01 2016-W52 2017-01
	// 2017-01-02 2017-W01 2017-01
}
