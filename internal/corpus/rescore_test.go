package corpus_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/corpus"
)

// writeFile writes content to dir/name, creating folders.
func writeFile(tb testing.TB, dir, name, content string) string {
	tb.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		tb.Fatal(err)
	}
	return p
}

// importSamples imports n sample articles as one JSONL and returns their ids.
func importSamples(tb testing.TB, svc *corpus.Service, from, n int) []int64 {
	tb.Helper()
	var b strings.Builder
	for i := from; i < from+n; i++ {
		fmt.Fprintf(&b, "{\"title\":\"Sample %d\",\"text\":%q}\n", i, sampleArticle(i))
	}
	sum, items := importBytes(tb, svc, "samples.jsonl", []byte(b.String()), corpus.ImportOptions{})
	if sum.Accepted != n {
		tb.Fatalf("import samples: %+v, want %d accepted", sum, n)
	}
	ids := make([]int64, 0, n)
	for _, it := range items {
		ids = append(ids, it.ID)
	}
	return ids
}

// checkResultConsistent reports what is wrong with a stored result: its
// hits must come from its own lexicon version, lie inside the text and
// agree with the frame counts.
func checkResultConsistent(r *analysis.Result, newPattern, newVersion string) error {
	if r.Versions.Engine == "" || r.Versions.Lexicon == "" || r.Versions.Registry == "" {
		return fmt.Errorf("versions not set: %+v", r.Versions)
	}
	n := 0
	for _, h := range r.Hits {
		if h.Start < 0 || h.End > len(r.Text) || h.Start >= h.End {
			return fmt.Errorf("hit %q at [%d,%d) outside text of %d bytes", h.Term, h.Start, h.End, len(r.Text))
		}
		if h.Pattern == newPattern {
			n++
		}
	}
	if r.Versions.Lexicon == newVersion && n == 0 {
		return fmt.Errorf("result of lexicon %s has no hit of the new entry %q", newVersion, newPattern)
	}
	if r.Versions.Lexicon != newVersion && n > 0 {
		return fmt.Errorf("result of old lexicon %s has %d hits of the new entry %q", r.Versions.Lexicon, n, newPattern)
	}
	counted := 0
	for _, f := range r.Frames {
		counted += f.Count
	}
	if counted != len(r.Hits) {
		return fmt.Errorf("frame counts sum to %d, hits %d", counted, len(r.Hits))
	}
	for _, q := range r.Quotes {
		if q.Start < 0 || q.End > len(r.Text) || q.Start > q.End {
			return fmt.Errorf("quote at [%d,%d) outside text of %d bytes", q.Start, q.End, len(r.Text))
		}
	}
	return nil
}

// TestRescoreAfterAddEntry adds a lexicon entry while a reader polls the
// stored results: the reader always sees a whole result of one lexicon
// version, and at the end every article carries the new version.
func TestRescoreAfterAddEntry(t *testing.T) {
	ctx := context.Background()
	svc, st := openTestCorpus(t)
	const n = 1200 // more than one rescoring batch
	ids := importSamples(t, svc, 0, n)
	before := countRows(t, st.Path())
	oldVersion := svc.Engine().Versions().Lexicon

	var (
		stop    atomic.Bool
		reads   atomic.Int64
		readErr error
		wg      sync.WaitGroup
	)
	const newPattern = "northern front"
	entry := analysis.Entry{Pattern: newPattern, Frame: "humanitarian-crisis"}
	// The version the lexicon will have, known before the rescoring starts
	// so that the reader can tell the two versions apart from the first read.
	nv := corpus.DefaultLexiconName + "@" + analysis.LexiconVersion(append(append([]analysis.Entry(nil), svc.ActiveLexicon().Entries...), entry))
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; !stop.Load(); i++ {
			id := ids[(i*7919)%len(ids)]
			r, err := st.ArticleResult(ctx, id)
			if err != nil {
				readErr = fmt.Errorf("ArticleResult(%d): %w", id, err)
				return
			}
			if r.Versions.Lexicon != oldVersion && r.Versions.Lexicon != nv {
				readErr = fmt.Errorf("article %d has lexicon %q, neither old %q nor new %q", id, r.Versions.Lexicon, oldVersion, nv)
				return
			}
			if err := checkResultConsistent(r, newPattern, nv); err != nil {
				readErr = fmt.Errorf("article %d: %w", id, err)
				return
			}
			reads.Add(1)
		}
	}()

	err := svc.AddEntry(ctx, entry)
	if err != nil {
		stop.Store(true)
		wg.Wait()
		t.Fatalf("AddEntry: %v", err)
	}
	if got := svc.Engine().Versions().Lexicon; got != nv || nv == oldVersion {
		t.Fatalf("lexicon version after AddEntry = %s, want %s (old %s)", got, nv, oldVersion)
	}
	status := svc.RescoreStatus()
	if status.Lexicon != nv {
		t.Errorf("rescore status lexicon = %q, want %q", status.Lexicon, nv)
	}
	waitCtx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	if err := svc.WaitRescore(waitCtx); err != nil {
		t.Fatalf("WaitRescore: %v", err)
	}
	// Keep reading a little after the end, then stop.
	for start := reads.Load(); reads.Load() < start+20 && readErr == nil; {
		time.Sleep(time.Millisecond)
	}
	stop.Store(true)
	wg.Wait()
	if readErr != nil {
		t.Fatalf("reader during rescoring: %v", readErr)
	}
	if reads.Load() == 0 {
		t.Fatal("reader made no reads")
	}

	status = svc.RescoreStatus()
	if status.Running || status.Error != "" || status.Done != n || status.Total != n {
		t.Errorf("status = %+v, want done, no error, Done == Total == %d", status, n)
	}
	if status.Finished.Before(status.Started) {
		t.Errorf("status finished %v before started %v", status.Finished, status.Started)
	}
	for _, id := range ids {
		r, err := st.ArticleResult(ctx, id)
		if err != nil {
			t.Fatalf("ArticleResult(%d): %v", id, err)
		}
		if r.Versions.Lexicon != nv {
			t.Fatalf("article %d lexicon = %q after rescoring, want %q", id, r.Versions.Lexicon, nv)
		}
		if err := checkResultConsistent(r, newPattern, nv); err != nil {
			t.Fatalf("article %d: %v", id, err)
		}
	}
	after := countRows(t, st.Path())
	if after.Articles != before.Articles || after.Current != n || after.Analyses != n || after.Scores != n {
		t.Errorf("rows after rescoring = %+v, want %d articles with one analysis and score row each", after, n)
	}
	if after.Hits != before.Hits+n {
		t.Errorf("hits after rescoring = %d, want %d (+1 per article)", after.Hits, before.Hits+n)
	}
}

// TestRescoreStatusRunning checks that a rescoring reports Running with a
// total while under way.
func TestRescoreStatusRunning(t *testing.T) {
	ctx := context.Background()
	svc, _ := openTestCorpus(t)
	importSamples(t, svc, 0, 3000)
	svc.StartRescore()
	s := svc.RescoreStatus()
	if !s.Running {
		t.Fatalf("status right after StartRescore = %+v, want Running", s)
	}
	if err := svc.WaitRescore(ctx); err != nil {
		t.Fatal(err)
	}
	s = svc.RescoreStatus()
	if s.Running || s.Done != 3000 || s.Total != 3000 {
		t.Errorf("status after = %+v, want Done == Total == 3000", s)
	}
}

// TestFalsePositivesStayExcluded marks a hit as a false positive and checks
// that it is gone after Reanalyze and stays gone after a full rescoring.
func TestFalsePositivesStayExcluded(t *testing.T) {
	ctx := context.Background()
	svc, st := openTestCorpus(t)
	ids := importSamples(t, svc, 0, 3)
	id := ids[1]
	r, err := st.ArticleResult(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	var target analysis.Hit
	for _, h := range r.Hits {
		if strings.EqualFold(h.Term, "rebels") {
			target = h
		}
	}
	if target.Pattern == "" {
		t.Fatalf("no hit of \"rebels\" in %+v", r.Hits)
	}
	if err := st.MarkFalsePositive(ctx, id, target.Start, target.End, target.Pattern); err != nil {
		t.Fatal(err)
	}
	hasTarget := func(r *analysis.Result) bool {
		for _, h := range r.Hits {
			if h.Start == target.Start && h.End == target.End {
				return true
			}
		}
		return false
	}
	if err := svc.Reanalyze(ctx, id); err != nil {
		t.Fatalf("Reanalyze: %v", err)
	}
	after, err := st.ArticleResult(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if hasTarget(after) || len(after.Hits) != len(r.Hits)-1 {
		t.Errorf("after Reanalyze: %d hits (target present %v), want %d without the target", len(after.Hits), hasTarget(after), len(r.Hits)-1)
	}

	if err := svc.AddEntry(ctx, analysis.Entry{Pattern: "border", Frame: "humanitarian-crisis"}); err != nil {
		t.Fatal(err)
	}
	if err := svc.WaitRescore(ctx); err != nil {
		t.Fatal(err)
	}
	rescored, err := st.ArticleResult(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if rescored.Versions.Lexicon != svc.Engine().Versions().Lexicon {
		t.Fatalf("article not rescored: lexicon %s", rescored.Versions.Lexicon)
	}
	if hasTarget(rescored) {
		t.Errorf("false positive back after rescoring: %+v", target)
	}
	// The others keep their hit of the same term.
	other, err := st.ArticleResult(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	if !hasTermHit(other, "rebels") {
		t.Errorf("article %d lost its unmarked \"rebels\" hit", ids[0])
	}
	if got, want := len(rescored.Hits), len(other.Hits)-1; got != want {
		t.Errorf("marked article has %d hits, want %d (one fewer than its twin)", got, want)
	}

	// AssignSides rescoring too keeps the mark.
	if err := svc.AssignSides(ctx, []string{"Sergey Lavrov"}, "opposition"); err != nil {
		t.Fatal(err)
	}
	if err := svc.WaitRescore(ctx); err != nil {
		t.Fatal(err)
	}
	again, err := st.ArticleResult(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if again.Versions.Registry != svc.Engine().Versions().Registry || hasTarget(again) {
		t.Errorf("after AssignSides: registry %s (want %s), target present %v", again.Versions.Registry, svc.Engine().Versions().Registry, hasTarget(again))
	}
	var sideOK bool
	for _, s := range again.Sources {
		if s.Name == "Sergey Lavrov" && s.Side == "opposition" {
			sideOK = true
		}
	}
	if !sideOK {
		t.Errorf("sources after AssignSides = %+v, want Sergey Lavrov on opposition", again.Sources)
	}
}

func hasTermHit(r *analysis.Result, term string) bool {
	for _, h := range r.Hits {
		if strings.EqualFold(h.Term, term) {
			return true
		}
	}
	return false
}
