package corpus_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/framinglens/framinglens/internal/corpus"
	"github.com/framinglens/framinglens/internal/ingest"
	"github.com/framinglens/framinglens/internal/store"
)

// TestResumeRescore simulates a restart after a rescoring was cut short:
// the active lexicon changed in the database, but the analyses were made
// with the old one. The next service finds and rescores them.
func TestResumeRescore(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "resume.db")
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	svc, err := corpus.Open(ctx, st, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		text := fmt.Sprintf("Report %d. Rebels and the government both claimed the town on Tuesday, officials said. "+
			"\"We hold the bridge,\" said a commander of the armed groups.", i)
		r, err := svc.ImportPaste(ctx, text, ingest.Article{Outlet: "Daily"}, corpus.ImportOptions{})
		if err != nil || r.Status != corpus.Accepted {
			t.Fatalf("import %d: %+v, %v", i, r, err)
		}
	}
	if n, err := svc.ResumeRescore(ctx); err != nil || n != 0 {
		t.Fatalf("ResumeRescore on a fresh corpus: got %d, %v; want 0, nil", n, err)
	}
	svc.Close()

	// The lexicon switch was saved, its rescoring never ran.
	if err := st.SetActive(ctx, store.ActiveLexicon, "humanitarian"); err != nil {
		t.Fatal(err)
	}
	svc2, err := corpus.Open(ctx, st, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer svc2.Close()
	v := svc2.Engine().Versions()
	if n, err := st.StaleAnalyses(ctx, v); err != nil || n != 3 {
		t.Fatalf("StaleAnalyses after the switch: got %d, %v; want 3, nil", n, err)
	}
	n, err := svc2.ResumeRescore(ctx)
	if err != nil || n != 3 {
		t.Fatalf("ResumeRescore: got %d, %v; want 3, nil", n, err)
	}
	if err := svc2.WaitRescore(ctx); err != nil {
		t.Fatal(err)
	}
	if n, err := st.StaleAnalyses(ctx, v); err != nil || n != 0 {
		t.Errorf("StaleAnalyses after resuming: got %d, %v; want 0, nil", n, err)
	}
	if s := svc2.RescoreStatus(); s.Done != 3 || s.Error != "" {
		t.Errorf("rescore status: got done %d error %q, want 3 and none", s.Done, s.Error)
	}
}
