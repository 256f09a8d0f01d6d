package ingest_test

import (
	"context"
	"os"
	"testing"

	"github.com/framinglens/framinglens/internal/ingest"
	"github.com/framinglens/framinglens/internal/shareddata"
)

func TestReadAllsides(t *testing.T) {
	p := shareddata.Path(t, "data", "allsides-abp", "articles.jsonl")
	var n, withDate, withAuthor int
	outlets := map[string]int{}
	err := ingest.ReadFile(context.Background(), p, ingest.Limits{}, func(it ingest.Item) error {
		n++
		if it.Err != nil {
			t.Errorf("%s: rejected: %v", it.Origin, it.Err)
			return nil
		}
		a := it.Article
		if a.Outlet == "" || a.Title == "" || a.URL == "" || len(a.Text) < 100 {
			t.Errorf("%s: outlet %q, title %q, url %q, %d bytes of text", it.Origin, a.Outlet, a.Title, a.URL, len(a.Text))
		}
		outlets[a.Outlet]++
		if a.Published != "" {
			withDate++
			if len(a.Published) != 10 {
				t.Errorf("%s: published %q, want YYYY-MM-DD", it.Origin, a.Published)
			}
		}
		if a.Author != "" {
			withAuthor++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("allsides: %d articles, %d outlets, %d with a date, %d with an author", n, len(outlets), withDate, withAuthor)
	if n != 2000 {
		t.Errorf("got %d items, want 2000", n)
	}
	if len(outlets) != 91 {
		t.Errorf("got %d outlets, want 91", len(outlets))
	}
	if outlets["ABC News"] == 0 {
		t.Errorf("no article from outlet %q (the source field)", "ABC News")
	}
	if withDate < 1000 {
		t.Errorf("only %d articles with a date, want most", withDate)
	}
}

func BenchmarkReadAllsides(b *testing.B) {
	p := shareddata.Path(b, "data", "allsides-abp", "articles.jsonl")
	st, err := os.Stat(p)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(st.Size())
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		if err := ingest.ReadFile(context.Background(), p, ingest.Limits{}, func(it ingest.Item) error {
			n++
			return nil
		}); err != nil {
			b.Fatal(err)
		}
		if n != 2000 {
			b.Fatalf("got %d items, want 2000", n)
		}
	}
}
