package store_test

import (
	"context"
	"testing"
)

func TestTextsByID(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	// More articles than one IN list takes, so the chunking is exercised.
	const n = 1203
	ids := make([]int64, 0, n+1)
	want := map[int64]string{}
	for i := range n {
		a := testArticle(i, "RT", "2016-12-06")
		id := mustSave(t, s, a, 0, 0)
		ids = append(ids, id)
		want[id] = a.Text
	}
	ids = append(ids, 999999) // missing ids are left out, not an error
	got, err := s.TextsByID(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != n {
		t.Fatalf("got %d texts, want %d", len(got), n)
	}
	for id, text := range want {
		if got[id] != text {
			t.Fatalf("article %d: got %.40q, want %.40q", id, got[id], text)
		}
	}
	if got, err := s.TextsByID(ctx, nil); err != nil || len(got) != 0 {
		t.Errorf("no ids: got %d texts, %v", len(got), err)
	}
}
