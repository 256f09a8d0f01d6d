package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

// runBackup writes a consistent copy of the database to the one FILE named
// (SQLite's VACUUM INTO, safe while the dashboard is running). It refuses to
// overwrite an existing file.
func runBackup(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := dbFlag(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("backup: name exactly one FILE to write the copy to")
	}
	path := fs.Arg(0)
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("backup: %s already exists; name a new file or remove it first", path)
	} else if !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("backup: %w", err)
	}
	st, err := openExisting(ctx, *db)
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	defer st.Close()
	if err := st.Backup(ctx, path); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	info, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	fmt.Fprintf(stdout, "backup written to %s (%d bytes)\n", path, info.Size())
	return nil
}
