package stats_test

import (
	"math"
	"testing"

	"github.com/framinglens/framinglens/internal/stats"
)

func TestLogOddsDirichletHandCases(t *testing.T) {
	var file struct {
		Cases []struct {
			Name            string
			A, B            map[string]int
			NA, NB          int
			BackgroundWords int                `json:"background_words"`
			PriorSize       float64            `json:"prior_size"`
			WantPrior       map[string]float64 `json:"want_prior"`
			Want            []struct {
				Term          string
				Delta, Var, Z float64
				Significant   bool
			}
		}
	}
	loadCases(t, "fightin_words.json", &file)
	for _, c := range file.Cases {
		t.Run(c.Name, func(t *testing.T) {
			pooled := stats.MergeCounts(c.A, c.B)
			var prior map[string]float64
			var got []stats.TermScore
			if c.BackgroundWords > 0 {
				prior = stats.InformativePriorOf(pooled, c.BackgroundWords, c.PriorSize)
				got = stats.LogOddsDirichletOf(c.A, c.B, c.NA, c.NB, prior, c.PriorSize)
			} else {
				prior = stats.InformativePrior(pooled, c.PriorSize)
				got = stats.LogOddsDirichlet(c.A, c.B, prior)
			}
			if len(prior) != len(c.WantPrior) {
				t.Errorf("prior = %v, want %v", prior, c.WantPrior)
			}
			for w, want := range c.WantPrior {
				if !near(prior[w], want, 1e-12) {
					t.Errorf("prior[%s] = %v, want %v", w, prior[w], want)
				}
			}
			if len(got) != len(c.Want) {
				t.Fatalf("got %d terms %+v, want %d", len(got), got, len(c.Want))
			}
			for i, w := range c.Want {
				g := got[i]
				if g.Term != w.Term {
					t.Errorf("rank %d: term %q, want %q (sorted by z descending)", i, g.Term, w.Term)
					continue
				}
				if !near(g.Delta, w.Delta, hand4) || !near(g.Var, w.Var, hand4) || !near(g.Z, w.Z, hand4) {
					t.Errorf("%s: delta %.6f var %.6f z %.6f, want %.6f %.6f %.6f",
						g.Term, g.Delta, g.Var, g.Z, w.Delta, w.Var, w.Z)
				}
				if g.Significant != w.Significant {
					t.Errorf("%s: significant %v, want %v", g.Term, g.Significant, w.Significant)
				}
				if g.CountA != c.A[g.Term] || g.CountB != c.B[g.Term] {
					t.Errorf("%s: counts %d/%d, want %d/%d", g.Term, g.CountA, g.CountB, c.A[g.Term], c.B[g.Term])
				}
				if !near(g.P, stats.TwoSidedP(g.Z), 1e-15) {
					t.Errorf("%s: P %v, want TwoSidedP(z) %v", g.Term, g.P, stats.TwoSidedP(g.Z))
				}
			}
		})
	}
}

func TestLogOddsDirichletSwapNegates(t *testing.T) {
	a := map[string]int{"regime": 10, "government": 2, "militants": 8, "rebels": 1}
	b := map[string]int{"regime": 2, "government": 18, "rebels": 4}
	prior := stats.InformativePrior(stats.MergeCounts(a, b), 25)
	ab := stats.LogOddsDirichlet(a, b, prior)
	ba := stats.LogOddsDirichlet(b, a, prior)
	if len(ab) != 4 || len(ba) != 4 {
		t.Fatalf("got %d and %d terms, want 4 each", len(ab), len(ba))
	}
	for i := range ab {
		x, y := ab[i], ba[len(ba)-1-i]
		if x.Term != y.Term || !near(x.Delta, -y.Delta, 1e-12) || !near(x.Z, -y.Z, 1e-12) || !near(x.Var, y.Var, 1e-12) {
			t.Errorf("A vs B %+v is not the mirror of B vs A %+v", x, y)
		}
	}
}

func TestLogOddsDirichletQAdjustsP(t *testing.T) {
	a := map[string]int{"w1": 30, "w2": 12, "w3": 5, "w4": 40, "w5": 3}
	b := map[string]int{"w1": 5, "w2": 10, "w3": 6, "w4": 41, "w5": 9}
	got := stats.LogOddsDirichlet(a, b, stats.InformativePrior(stats.MergeCounts(a, b), 50))
	ps := make([]float64, len(got))
	for i, g := range got {
		ps[i] = g.P
	}
	qs := stats.BenjaminiHochberg(ps)
	for i, g := range got {
		if g.Q != qs[i] || g.Q < g.P {
			t.Errorf("%s: Q = %v, want BH(P) = %v ≥ P = %v", g.Term, g.Q, qs[i], g.P)
		}
	}
}

func TestLogOddsDirichletEdges(t *testing.T) {
	t.Run("EmptyGroups", func(t *testing.T) {
		if got := stats.LogOddsDirichlet(nil, nil, nil); len(got) != 0 {
			t.Errorf("got %+v, want no terms", got)
		}
	})
	t.Run("TermWithoutPriorLeftOut", func(t *testing.T) {
		a := map[string]int{"x": 3, "y": 4}
		b := map[string]int{"y": 5, "z": 2}
		prior := map[string]float64{"y": 1, "z": 1} // no prior for x: its log-odds in b would be log 0
		got := stats.LogOddsDirichlet(a, b, prior)
		if len(got) != 2 || got[0].Term == "x" || got[1].Term == "x" {
			t.Errorf("got %+v, want y and z only", got)
		}
		for _, g := range got {
			if math.IsInf(g.Delta, 0) || math.IsNaN(g.Z) {
				t.Errorf("%s: delta %v z %v not finite", g.Term, g.Delta, g.Z)
			}
		}
	})
	t.Run("TermAbsentFromBothLeftOut", func(t *testing.T) {
		a := map[string]int{"x": 3, "zero": 0}
		b := map[string]int{"x": 1}
		got := stats.LogOddsDirichlet(a, b, map[string]float64{"x": 1, "zero": 1, "unseen": 1})
		if len(got) != 1 || got[0].Term != "x" {
			t.Errorf("got %+v, want only x", got)
		}
	})
	t.Run("SingleTermVocabularyUndefined", func(t *testing.T) {
		// With one term, n + α0 − y − α = 0: the odds are undefined.
		a := map[string]int{"x": 3}
		b := map[string]int{"x": 1}
		if got := stats.LogOddsDirichlet(a, b, stats.InformativePrior(stats.MergeCounts(a, b), 2)); len(got) != 0 {
			t.Errorf("got %+v, want no terms", got)
		}
	})
	t.Run("EqualUseScoresZero", func(t *testing.T) {
		a := map[string]int{"x": 5, "y": 15}
		b := map[string]int{"x": 10, "y": 30}
		got := stats.LogOddsDirichlet(a, b, stats.InformativePrior(stats.MergeCounts(a, b), 20))
		for _, g := range got {
			// Same proportions in both groups, prior proportional too: the
			// smoothed odds are equal up to the group sizes, so δ is small.
			if math.Abs(g.Z) > 0.5 || g.Significant {
				t.Errorf("%s: z = %v for equal proportions, want near 0", g.Term, g.Z)
			}
		}
	})
}

func TestInformativePrior(t *testing.T) {
	total := map[string]int{"a": 6, "b": 3, "c": 1, "neg": -4, "zero": 0}
	got := stats.InformativePrior(total, 5)
	want := map[string]float64{"a": 3, "b": 1.5, "c": 0.5}
	if len(got) != len(want) {
		t.Fatalf("prior = %v, want %v", got, want)
	}
	for w, v := range want {
		if !near(got[w], v, 1e-12) {
			t.Errorf("prior[%s] = %v, want %v", w, got[w], v)
		}
	}
	if p := stats.InformativePrior(total, 0); len(p) != 0 {
		t.Errorf("prior size 0 gave %v, want empty", p)
	}
	if p := stats.InformativePrior(nil, 5); len(p) != 0 {
		t.Errorf("no counts gave %v, want empty", p)
	}
}

func TestMergeCounts(t *testing.T) {
	got := stats.MergeCounts(map[string]int{"a": 1, "b": 2}, nil, map[string]int{"b": 3, "c": 4})
	want := map[string]int{"a": 1, "b": 5, "c": 4}
	if len(got) != len(want) || got["a"] != 1 || got["b"] != 5 || got["c"] != 4 {
		t.Errorf("MergeCounts = %v, want %v", got, want)
	}
}
