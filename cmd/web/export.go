package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/framinglens/framinglens/internal/export"
	"github.com/framinglens/framinglens/internal/store"
)

// runExport writes one CSV export (see package export for the columns) of
// the articles the filter flags select to stdout.
func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := dbFlag(fs)
	var fl export.Flags
	fl.Register(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("export: unexpected argument %q (filters are flags: --outlet, --from, --to ...)", fs.Arg(0))
	}
	kind, err := fl.Kind()
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	st, err := openExisting(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	// WriteWith buffers its output itself and flushes it before returning.
	if err := export.WriteWith(ctx, st, kind, fl.Filter(), stdout, fl.Options()); err != nil {
		return fmt.Errorf("export %s: %w", kind, err)
	}
	return nil
}

// openExisting opens the database at path, refusing to create one: a
// mistyped --db would otherwise export an empty file without complaint.
func openExisting(ctx context.Context, path string) (*store.Store, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("database %s: %w", path, err)
	}
	st, err := store.Open(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	return st, nil
}
