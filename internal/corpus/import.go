package corpus

import (
	"context"
	"fmt"
	"io"
	"runtime"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/ingest"
	"github.com/framinglens/framinglens/internal/store"
)

// Status is what became of one imported item.
type Status string

const (
	Accepted  Status = "accepted"
	Duplicate Status = "duplicate"
	Rejected  Status = "rejected"
)

// ItemResult is the outcome of one item: accepted with its new id, a
// duplicate with the id of the article already stored, or rejected with a
// one-line reason.
type ItemResult struct {
	Origin string `json:"origin"`
	Title  string `json:"title,omitempty"`
	Status Status `json:"status"`
	ID     int64  `json:"id,omitempty"`
	Reason string `json:"reason,omitempty"`
}

// Summary counts the outcomes of an import.
type Summary struct {
	Accepted  int `json:"accepted"`
	Duplicate int `json:"duplicate"`
	Rejected  int `json:"rejected"`
}

// Add counts one outcome.
func (s *Summary) Add(r ItemResult) {
	switch r.Status {
	case Accepted:
		s.Accepted++
	case Duplicate:
		s.Duplicate++
	default:
		s.Rejected++
	}
}

// ImportOptions adjust an import.
type ImportOptions struct {
	// Outlet, when set, is the outlet of every imported article.
	Outlet string
	// Title and Published, when set, override what the item says (for a
	// single pasted or uploaded article).
	Title, Published string
	Limits           ingest.Limits
}

// batchSize is how many articles share one store transaction. Each article
// still commits or fails alone (the store uses a savepoint per article);
// batching only saves the cost of a commit per article.
const batchSize = 256

// importer collects items into batches, analyses a batch in parallel and
// saves it in one store call. The save of one batch runs while the next is
// read and analysed: SQLite writes on one thread, so without the overlap
// the other cores idle during every save.
type importer struct {
	svc    *Service
	eng    *analysis.Engine
	opts   ImportOptions
	report func(ItemResult)
	sum    Summary
	batch  []ingest.Item
	// saving is the batch being saved in the background, nil when none.
	saving *importSave
}

// importSave is one batch on its way into the store.
type importSave struct {
	items    []ingest.Item
	batch    []store.ArticleWithResult
	pos      []int // index in items of each element of batch
	done     chan struct{}
	outcomes []store.SaveOutcome
	err      error
}

func (s *Service) newImporter(opts ImportOptions, report func(ItemResult)) *importer {
	if report == nil {
		report = func(ItemResult) {}
	}
	return &importer{svc: s, eng: s.Engine(), opts: opts, report: report}
}

func (im *importer) emit(r ItemResult) {
	im.sum.Add(r)
	im.report(r)
}

func (im *importer) add(ctx context.Context, it ingest.Item) error {
	if it.Err != nil {
		im.emit(ItemResult{Origin: it.Origin, Status: Rejected, Reason: analysis.ErrorMessage(it.Err)})
		return nil
	}
	im.batch = append(im.batch, it)
	if len(im.batch) >= batchSize {
		return im.flush(ctx)
	}
	return nil
}

// flush analyses the pending items on all cores and saves the good ones.
func (im *importer) flush(ctx context.Context) error {
	if len(im.batch) == 0 {
		return nil
	}
	items := im.batch
	im.batch = im.batch[:0:0]
	// Each worker analyses an item and then prepares it for the store
	// (content hash, word counts), work the single writer would otherwise
	// do. While the previous batch is being saved the writer keeps a core
	// to itself: it is the slowest stage, and a worker per core would take
	// turns with it.
	workers := runtime.GOMAXPROCS(0)
	if im.saving != nil && workers > 1 {
		workers--
	}
	saves := make([]store.ArticleWithResult, len(items))
	errs := make([]error, len(items))
	parallel(len(items), workers, func(i int) {
		a := items[i].Article
		r, err := im.eng.Analyze(analysis.Input{Text: a.Text, Meta: analysis.Meta{
			Title:     firstNonEmpty(im.opts.Title, a.Title),
			Published: firstNonEmpty(im.opts.Published, a.Published),
		}})
		if err != nil {
			errs[i] = err
			return
		}
		art := store.NewArticle{
			Outlet:    firstNonEmpty(im.opts.Outlet, a.Outlet),
			Title:     r.Title,
			URL:       a.URL,
			Published: r.Published,
			Language:  a.Language,
			Origin:    items[i].Origin,
			Raw:       a.Raw,
			Text:      r.Text,
			Words:     r.Words,
		}
		saves[i] = store.ArticleWithResult{Article: art, Result: r, Prepared: store.PrepareArticle(art).WithResult(r)}
	})

	var batch []store.ArticleWithResult
	var pos []int
	for i, it := range items {
		if errs[i] != nil {
			im.emit(ItemResult{Origin: it.Origin, Status: Rejected, Reason: analysis.ErrorMessage(errs[i])})
			continue
		}
		batch = append(batch, saves[i])
		pos = append(pos, i)
	}
	// One save at a time, in order, so that a later copy of an article is
	// the duplicate and reports come in batch order.
	if err := im.wait(); err != nil {
		return err
	}
	if len(batch) == 0 {
		return ctx.Err()
	}
	sv := &importSave{items: items, batch: batch, pos: pos, done: make(chan struct{})}
	im.saving = sv
	go func() {
		defer close(sv.done)
		sv.outcomes, sv.err = im.svc.store.SaveArticles(ctx, sv.batch)
	}()
	return nil
}

// wait waits for the batch being saved, if any, and reports its items.
func (im *importer) wait() error {
	sv := im.saving
	if sv == nil {
		return nil
	}
	<-sv.done
	im.saving = nil
	if sv.err != nil {
		return fmt.Errorf("save articles: %w", sv.err)
	}
	for k, o := range sv.outcomes {
		it := sv.items[sv.pos[k]]
		res := ItemResult{Origin: it.Origin, Title: sv.batch[k].Article.Title, ID: o.ID}
		switch {
		case o.Err != nil:
			res.Status, res.Reason, res.ID = Rejected, analysis.ErrorMessage(o.Err), 0
		case o.Duplicate:
			res.Status = Duplicate
		default:
			res.Status = Accepted
		}
		im.emit(res)
	}
	return nil
}

// finish saves what is left and waits for the last save. It always waits,
// so that nothing is written after the import returns.
func (im *importer) finish(ctx context.Context, err error) (Summary, error) {
	if err == nil {
		err = im.flush(ctx)
	}
	if werr := im.wait(); err == nil {
		err = werr
	}
	return im.sum, err
}

// Import reads one named input (a file, a dump, a zip) and stores every
// article in it, calling report for each item as it is decided. Bad items
// are rejected one by one; the error return is for failures that stop the
// whole import (the database, a cancelled context).
func (s *Service) Import(ctx context.Context, name string, r io.Reader, opts ImportOptions, report func(ItemResult)) (Summary, error) {
	im := s.newImporter(opts, report)
	err := ingest.Read(ctx, name, r, limitsOr(opts.Limits), func(it ingest.Item) error { return im.add(ctx, it) })
	return im.finish(ctx, err)
}

// ImportPath imports a file or a folder (walked recursively).
func (s *Service) ImportPath(ctx context.Context, path string, opts ImportOptions, report func(ItemResult)) (Summary, error) {
	im := s.newImporter(opts, report)
	err := ingest.ReadFile(ctx, path, limitsOr(opts.Limits), func(it ingest.Item) error { return im.add(ctx, it) })
	return im.finish(ctx, err)
}

// ImportPaste stores one pasted article.
func (s *Service) ImportPaste(ctx context.Context, text string, meta ingest.Article, opts ImportOptions) (ItemResult, error) {
	var out ItemResult
	im := s.newImporter(opts, func(r ItemResult) { out = r })
	_, err := im.finish(ctx, im.add(ctx, ingest.Paste(text, meta)))
	return out, err
}

func limitsOr(l ingest.Limits) ingest.Limits {
	if l == (ingest.Limits{}) {
		return ingest.DefaultLimits()
	}
	return l
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}
