package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/ingest"
)

// analyzed is one line of `analyze` output: the result with where it came
// from.
type analyzed struct {
	File   string `json:"file"`
	Outlet string `json:"outlet,omitempty"`
	URL    string `json:"url,omitempty"`
	*analysis.Result
}

// runAnalyze prints one JSON object per article. A bad input gets a one-line
// reason on stderr; the others still go through and the exit status is 1.
func runAnalyze(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("analyze", flag.ContinueOnError)
	fs.SetOutput(stderr)
	lexArg := fs.String("lexicon", defaultLexicons, "shipped lexicon name(s), comma-separated, or a lexicon file (.csv, .yaml, .dic)")
	regArg := fs.String("sources", defaultRegistry, "shipped source registry name or a registry CSV file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("analyze: name at least one FILE, or - for stdin")
	}
	eng, err := engineFromFlags(*lexArg, *regArg)
	if err != nil {
		return fmt.Errorf("analyze: %w", err)
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	failed := 0
	lim := ingest.DefaultLimits()
	for _, path := range fs.Args() {
		emit := func(it ingest.Item) error {
			if it.Err != nil {
				failed++
				fmt.Fprintf(stderr, "%s: %s\n", it.Origin, analysis.ErrorMessage(it.Err))
				return nil
			}
			a := it.Article
			res, err := eng.Analyze(analysis.Input{Text: a.Text, Meta: analysis.Meta{Title: a.Title, Published: a.Published}})
			if err != nil {
				failed++
				fmt.Fprintf(stderr, "%s: %s\n", it.Origin, analysis.ErrorMessage(err))
				return nil
			}
			return enc.Encode(analyzed{File: it.Origin, Outlet: a.Outlet, URL: a.URL, Result: res})
		}
		var err error
		if path == "-" {
			err = ingest.Read(ctx, "-", stdin, lim, emit)
		} else {
			err = readPath(ctx, path, lim, emit)
		}
		if err != nil {
			failed++
			fmt.Fprintf(stderr, "%s: %v\n", path, err)
		}
	}
	if failed > 0 {
		out.Flush()
		return errReported
	}
	return nil
}

// readPath reads a file or folder through ingest, turning a missing file
// into a one-line reason rather than a stop.
func readPath(ctx context.Context, path string, lim ingest.Limits, emit func(ingest.Item) error) error {
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("cannot open: %w", err)
	}
	return ingest.ReadFile(ctx, path, lim, emit)
}
