package store_test

import (
	"os"
	"strings"
	"testing"
	"time"
)

// TestCheckpointerCopiesLog checks that committed pages reach the database
// file soon after a write, long before the writer's own threshold of
// 40,000 log pages: the background checkpointer copied them.
func TestCheckpointerCopiesLog(t *testing.T) {
	s := mustOpen(t)
	size := func() int64 {
		fi, err := os.Stat(s.Path())
		if err != nil {
			t.Fatal(err)
		}
		return fi.Size()
	}
	// Let a checkpoint after opening settle before measuring.
	time.Sleep(300 * time.Millisecond)
	before := size()
	a := testArticle(1, "Outlet", "2024-01-02")
	a.Text = strings.Repeat(a.Text+"\n\n", 100) // about 250 KB: 60 pages and more
	a.Raw = []byte(a.Text)
	a.Words *= 100
	mustSave(t, s, a, 3, 1)
	deadline := time.Now().Add(10 * time.Second)
	for size() < before+200<<10 {
		if time.Now().After(deadline) {
			t.Fatalf("database file %d bytes ten seconds after the write, was %d: the log was not copied back", size(), before)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
