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
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i], errs[i] = eng.Analyze(inputs[i])
			}
		}()
	}
	for i := range inputs {
		next <- i
	}
	close(next)
	wg.Wait()
	return results, errs
}
