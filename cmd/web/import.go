package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/framinglens/framinglens/internal/corpus"
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

	p := newProgress(stderr, *quiet)
	var total corpus.Summary
	opts := corpus.ImportOptions{Outlet: *outlet}
	for _, path := range fs.Args() {
		var sum corpus.Summary
		if path == "-" {
			sum, err = svc.Import(ctx, "stdin", stdin, opts, p.item)
		} else if _, statErr := os.Stat(path); statErr != nil {
			p.item(corpus.ItemResult{Origin: path, Status: corpus.Rejected, Reason: "cannot open: " + statErr.Error()})
			sum.Rejected++
		} else {
			sum, err = svc.ImportPath(ctx, path, opts, p.item)
		}
		total.Accepted += sum.Accepted
		total.Duplicate += sum.Duplicate
		total.Rejected += sum.Rejected
		if err != nil {
			p.done()
			return fmt.Errorf("import %s: %w", path, err)
		}
	}
	p.done()
	fmt.Fprintf(stdout, "%d accepted, %d duplicate, %d rejected\n", total.Accepted, total.Duplicate, total.Rejected)
	if total.Accepted+total.Duplicate == 0 {
		return errors.New("import: nothing was imported")
	}
	return nil
}

// progress shows import progress: a line rewritten in place on a terminal,
// one line per item otherwise. Rejections are always printed in full.
type progress struct {
	w        io.Writer
	tty      bool
	quiet    bool
	n        int
	sum      corpus.Summary
	lastDraw time.Time
}

func newProgress(w io.Writer, quiet bool) *progress {
	tty := false
	if f, ok := w.(*os.File); ok {
		tty = term.IsTerminal(int(f.Fd()))
	}
	return &progress{w: w, tty: tty, quiet: quiet}
}

func (p *progress) item(r corpus.ItemResult) {
	p.n++
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
			fmt.Fprintf(p.w, "\r%s %d items: %d accepted, %d duplicate, %d rejected", spinner(p.n), p.n, p.sum.Accepted, p.sum.Duplicate, p.sum.Rejected)
		}
	case !p.quiet:
		fmt.Fprintf(p.w, "%-9s %s (id %d)\n", r.Status, r.Origin, r.ID)
	}
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

func spinner(n int) string { return string(`|/-\`[n/50%4]) }
