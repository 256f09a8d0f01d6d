// Package shareddata finds the third-party test data that lives beside the
// repository in ../shared, never inside it. Tests, evaluations and benchmarks
// read it by path through here.
//
// The data must be there in CI (CI=true): a missing folder fails the test.
// Elsewhere the test is skipped with a message naming what is missing.
package shareddata

import (
	"os"
	"path/filepath"
	"testing"
)

// Root returns the absolute path of the shared folder (the parent of the
// repository root, joined with "shared"), found by walking up from the
// working directory to the directory holding go.mod.
func Root() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(filepath.Dir(dir), "shared"), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}

// Path returns the path of parts below the shared folder ("data",
// "allsides-abp", "articles.jsonl"). When it does not exist the test fails in
// CI and is skipped elsewhere.
func Path(tb testing.TB, parts ...string) string {
	tb.Helper()
	root, err := Root()
	if err == nil {
		p := filepath.Join(append([]string{root}, parts...)...)
		if _, err = os.Stat(p); err == nil {
			return p
		}
	}
	msg := "shared test data missing: " + filepath.Join(parts...) + " (expected at ../shared beside the repository)"
	if os.Getenv("CI") == "true" {
		tb.Fatal(msg)
	}
	tb.Skip(msg)
	return ""
}
