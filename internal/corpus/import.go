package corpus

import (
	"context"
	"fmt"
	"io"

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
// saves it in one store call.
type importer struct {
	svc    *Service
	eng    *analysis.Engine
	opts   ImportOptions
	report func(ItemResult)
	sum    Summary
	batch  []ingest.Item
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
	inputs := make([]analysis.Input, len(items))
	for i, it := range items {
		a := it.Article
		inputs[i] = analysis.Input{Text: a.Text, Meta: analysis.Meta{
			Title:     firstNonEmpty(im.opts.Title, a.Title),
			Published: firstNonEmpty(im.opts.Published, a.Published),
		}}
	}
	results, errs := analyzeAll(im.eng, inputs)

	var batch []store.ArticleWithResult
	var pos []int
	for i, it := range items {
		if errs[i] != nil {
			im.emit(ItemResult{Origin: it.Origin, Status: Rejected, Reason: analysis.ErrorMessage(errs[i])})
			continue
		}
		a, r := it.Article, results[i]
		batch = append(batch, store.ArticleWithResult{
			Article: store.NewArticle{
				Outlet:    firstNonEmpty(im.opts.Outlet, a.Outlet),
				Title:     r.Title,
				URL:       a.URL,
				Published: r.Published,
				Language:  a.Language,
				Origin:    it.Origin,
				Raw:       a.Raw,
				Text:      r.Text,
				Words:     r.Words,
			},
			Result: r,
		})
		pos = append(pos, i)
	}
	if len(batch) == 0 {
		return ctx.Err()
	}
	outcomes, err := im.svc.store.SaveArticles(ctx, batch)
	if err != nil {
		return fmt.Errorf("save articles: %w", err)
	}
	for k, o := range outcomes {
		it := items[pos[k]]
		res := ItemResult{Origin: it.Origin, Title: batch[k].Article.Title, ID: o.ID}
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

// Import reads one named input (a file, a dump, a zip) and stores every
// article in it, calling report for each item as it is decided. Bad items
// are rejected one by one; the error return is for failures that stop the
// whole import (the database, a cancelled context).
func (s *Service) Import(ctx context.Context, name string, r io.Reader, opts ImportOptions, report func(ItemResult)) (Summary, error) {
	im := s.newImporter(opts, report)
	err := ingest.Read(ctx, name, r, limitsOr(opts.Limits), func(it ingest.Item) error { return im.add(ctx, it) })
	if err == nil {
		err = im.flush(ctx)
	}
	return im.sum, err
}

// ImportPath imports a file or a folder (walked recursively).
func (s *Service) ImportPath(ctx context.Context, path string, opts ImportOptions, report func(ItemResult)) (Summary, error) {
	im := s.newImporter(opts, report)
	err := ingest.ReadFile(ctx, path, limitsOr(opts.Limits), func(it ingest.Item) error { return im.add(ctx, it) })
	if err == nil {
		err = im.flush(ctx)
	}
	return im.sum, err
}

// ImportPaste stores one pasted article.
func (s *Service) ImportPaste(ctx context.Context, text string, meta ingest.Article, opts ImportOptions) (ItemResult, error) {
	var out ItemResult
	im := s.newImporter(opts, func(r ItemResult) { out = r })
	if err := im.add(ctx, ingest.Paste(text, meta)); err != nil {
		return out, err
	}
	err := im.flush(ctx)
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
