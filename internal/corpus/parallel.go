package corpus

import (
	"runtime"
	"sync"

	"github.com/framinglens/framinglens/internal/analysis"
)

// analyzeAll runs the engine over inputs on every core. The engine holds only
// read-only state, so workers share it.
func analyzeAll(eng *analysis.Engine, inputs []analysis.Input) ([]*analysis.Result, []error) {
	results := make([]*analysis.Result, len(inputs))
	errs := make([]error, len(inputs))
	parallel(len(inputs), runtime.GOMAXPROCS(0), func(i int) {
		results[i], errs[i] = eng.Analyze(inputs[i])
	})
	return results, errs
}

// parallel calls fn(i) for every i below n on up to workers goroutines,
// handing out the indexes in order, and returns when all calls have.
func parallel(n, workers int, fn func(i int)) {
	workers = max(1, min(workers, n))
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
