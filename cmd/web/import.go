package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"golang.org/x/term"

	"github.com/framinglens/framinglens/internal/corpus"
	"github.com/framinglens/framinglens/internal/ingest"
	"github.com/framinglens/framinglens/internal/store"
)

// defaultDB is where the database lives unless --db or FRAMINGLENS_DB say
// otherwise.
const defaultDB = "data/framinglens.db"

func dbFlag(fs *flag.FlagSet) *string {
	def := defaultDB
	if env := os.Getenv("FRAMINGLENS_DB"); env != "" {
		def = env
	}
	return fs.String("db", def, "SQLite database file (env FRAMINGLENS_DB)")
}

// openCorpus opens the store and the service over it.
func openCorpus(ctx context.Context, path string, log *slog.Logger) (*store.Store, *corpus.Service, error) {
	st, err := store.Open(ctx, path)
	if err != nil {
		return nil, nil, fmt.Errorf("open database %s: %w", path, err)
	}
	svc, err := corpus.Open(ctx, st, log)
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return st, svc, nil
}

// runImport imports files, folders, zips and dumps, showing progress on a
// terminal and plain lines otherwise, then a summary. It fails when nothing
// was imported or the database failed.
func runImport(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := dbFlag(fs)
	outlet := fs.String("outlet", "", "outlet of every imported article (overrides what the files say)")
	quiet := fs.Bool("quiet", false, "print only the summary and rejections")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return errors.New("import: name at least one PATH, or - for stdin")
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	st, svc, err := openCorpus(ctx, *db, log)
	if err != nil {
		return err
	}
	defer st.Close()

	files, err := importFiles(fs.Args())
	if err != nil {
		return err
	}
	var total int64
	for _, f := range files {
		total += f.size
	}
	p := newProgress(stderr, *quiet, total)
	var sum corpus.Summary
	// A dump on the researcher's own disk may be far larger than what the
	// web upload accepts; only the per-article and zip limits apply here.
	lim := ingest.DefaultLimits()
	lim.MaxFileBytes = 1 << 50
	opts := corpus.ImportOptions{Outlet: *outlet, Limits: lim}
	for _, f := range files {
		var s corpus.Summary
		if f.path == "-" {
			s, err = svc.Import(ctx, "stdin", &countingReader{r: stdin, p: p}, opts, p.item)
		} else {
			s, err = importFile(ctx, svc, f.path, opts, p)
		}
		sum.Accepted += s.Accepted
		sum.Duplicate += s.Duplicate
		sum.Rejected += s.Rejected
		if err != nil {
			p.done()
			return fmt.Errorf("import %s: %w", f.path, err)
		}
	}
	p.done()
	fmt.Fprintf(stdout, "%d accepted, %d duplicate, %d rejected\n", sum.Accepted, sum.Duplicate, sum.Rejected)
	if sum.Accepted+sum.Duplicate == 0 {
		return errors.New("import: nothing was imported")
	}
	return nil
}

// importTarget is one file to import, with its size for the progress bar.
type importTarget struct {
	path string
	size int64
}

// importFiles expands the command's paths into files: folders are walked in
// order (dotfiles skipped, as ingest does), "-" stays stdin. A path that
// cannot be read is an error before anything is imported.
func importFiles(paths []string) ([]importTarget, error) {
	var out []importTarget
	for _, root := range paths {
		if root == "-" {
			out = append(out, importTarget{path: "-"})
			continue
		}
		info, err := os.Stat(root)
		if err != nil {
			return nil, fmt.Errorf("import: cannot open %s: %w", root, err)
		}
		if !info.IsDir() {
			out = append(out, importTarget{path: root, size: info.Size()})
			continue
		}
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if p != root && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.Type().IsRegular() {
				return nil
			}
			info, err := d.Info()
			if err != nil {
				return err
			}
			out = append(out, importTarget{path: p, size: info.Size()})
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("import: walk %s: %w", root, err)
		}
	}
	return out, nil
}

// importFile imports one file, counting the bytes read for the progress bar.
// The file keeps its ReaderAt and Size, so zips are read in place.
func importFile(ctx context.Context, svc *corpus.Service, path string, opts corpus.ImportOptions, p *progress) (corpus.Summary, error) {
	f, err := os.Open(path)
	if err != nil {
		p.item(corpus.ItemResult{Origin: path, Status: corpus.Rejected, Reason: "cannot open: " + err.Error()})
		return corpus.Summary{Rejected: 1}, nil
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return corpus.Summary{}, err
	}
	return svc.Import(ctx, path, &countingFile{File: f, size: info.Size(), p: p}, opts, p.item)
}

// countingFile is a file whose reads advance the progress bar.
type countingFile struct {
	*os.File
	size int64
	p    *progress
}

func (c *countingFile) Read(b []byte) (int, error) {
	n, err := c.File.Read(b)
	c.p.advance(n)
	return n, err
}

func (c *countingFile) ReadAt(b []byte, off int64) (int, error) {
	n, err := c.File.ReadAt(b, off)
	c.p.advance(n)
	return n, err
}

// Size lets a zip be read in place through ReaderAt.
func (c *countingFile) Size() int64 { return c.size }

// countingReader advances the progress bar as stdin is read.
type countingReader struct {
	r io.Reader
	p *progress
}

func (c *countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.p.advance(n)
	return n, err
}

// progress shows import progress: on a terminal a bar of bytes read over the
// bytes to read, redrawn in place; elsewhere one line per item. Rejections
// are always printed in full.
type progress struct {
	w        io.Writer
	tty      bool
	quiet    bool
	total    int64
	read     atomic.Int64
	sum      corpus.Summary
	lastDraw time.Time
}

func newProgress(w io.Writer, quiet bool, total int64) *progress {
	tty := false
	if f, ok := w.(*os.File); ok {
		tty = term.IsTerminal(int(f.Fd()))
	}
	return &progress{w: w, tty: tty, quiet: quiet, total: total}
}

// advance counts bytes read. Reads (and zip ReadAts) may run ahead of the
// items decided, so the bar tracks input consumed, capped at the total.
func (p *progress) advance(n int) { p.read.Add(int64(n)) }

func (p *progress) item(r corpus.ItemResult) {
	p.sum.Add(r)
	if r.Status == corpus.Rejected {
		p.clearLine()
		fmt.Fprintf(p.w, "rejected  %s: %s\n", r.Origin, r.Reason)
		return
	}
	switch {
	case p.tty:
		if time.Since(p.lastDraw) > 100*time.Millisecond {
			p.lastDraw = time.Now()
			p.draw()
		}
	case !p.quiet:
		fmt.Fprintf(p.w, "%-9s %s (id %d)\n", r.Status, r.Origin, r.ID)
	}
}

// draw renders "[#####-----]  52%  1,234 accepted, 5 duplicate, 0 rejected".
func (p *progress) draw() {
	const width = 30
	frac := 0.0
	if p.total > 0 {
		frac = min(1, float64(p.read.Load())/float64(p.total))
	}
	filled := int(frac * width)
	fmt.Fprintf(p.w, "\r[%s%s] %3.0f%%  %d accepted, %d duplicate, %d rejected", strings.Repeat("#", filled), strings.Repeat("-", width-filled), frac*100, p.sum.Accepted, p.sum.Duplicate, p.sum.Rejected)
}

func (p *progress) clearLine() {
	if p.tty {
		fmt.Fprint(p.w, "\r"+strings.Repeat(" ", 79)+"\r")
	}
}

func (p *progress) done() {
	if p.tty {
		p.clearLine()
	}
}
