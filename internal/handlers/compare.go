package handlers

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"sync"

	"github.com/labstack/echo/v4"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/compare"
	"github.com/framinglens/framinglens/internal/stats"
	"github.com/framinglens/framinglens/views"
)

// compareBuilders holds one report builder (and its cache) per store, so
// the Server struct needs no field for it.
var compareBuilders sync.Map // *store.Store → *compare.Builder

func (s *Server) compareBuilder() *compare.Builder {
	if b, ok := compareBuilders.Load(s.st); ok {
		return b.(*compare.Builder)
	}
	b, _ := compareBuilders.LoadOrStore(s.st, compare.NewBuilder(s.st))
	return b.(*compare.Builder)
}

// compareLexicon describes the active lexicon for the report: frames and
// actors in the lexicon's order.
func (s *Server) compareLexicon() compare.Lexicon {
	lex := s.svc.ActiveLexicon()
	var l compare.Lexicon
	for _, f := range lex.Frames {
		l.Frames = append(l.Frames, f.Name)
	}
	seen := map[string]bool{}
	for _, e := range lex.Entries {
		if !seen[e.Actor] {
			seen[e.Actor] = true
			l.Actors = append(l.Actors, e.Actor)
		}
	}
	return l
}

// compareReport parses the parameters and builds (or fetches) the report.
func (s *Server) compareReport(ctx context.Context, c echo.Context) (compare.Params, *compare.Report, error) {
	p, err := compare.ParseParams(c.QueryParams())
	if err != nil {
		return p, nil, err
	}
	r, err := s.compareBuilder().Build(ctx, p, s.compareLexicon())
	return p, r, err
}

// compareShow is the comparison page. Too few or too many outlets, an
// unknown outlet or a bad date answer 400 or 404 with the page and its
// form, so the user can fix the choice.
func (s *Server) compareShow(c echo.Context) error {
	ctx := c.Request().Context()
	v := views.CompareView{Page: s.page(c, "Compare outlets", views.NavOutlets), WordSample: compare.WordSample}
	names, err := s.st.CompareOutletNames(ctx)
	if err != nil {
		return err
	}
	v.AllOutlets = names
	q := c.QueryParams()
	v.Chosen, v.From, v.To, v.Q, v.Frame, v.Weekly = q["outlet"], q.Get("from"), q.Get("to"), q.Get("q"), q.Get("frame"), q.Get("period") == "week"
	v.Frames = s.compareLexicon().Frames
	if len(v.Chosen) == 0 && len(q) == 0 {
		// Opened from a link, nothing chosen yet: no error to show.
		v.Start = true
		return render(c, http.StatusOK, views.ComparePage(v))
	}
	p, r, err := s.compareReport(ctx, c)
	if err != nil {
		code := analysis.ErrorCode(err)
		if code == analysis.EINTERNAL {
			return err
		}
		v.Error = analysis.ErrorMessage(err)
		return render(c, statusOf(code), views.ComparePage(v))
	}
	v.Chosen = p.Outlets
	compareFillView(&v, p, r)
	return render(c, http.StatusOK, views.ComparePage(v))
}

// compareFillView maps a report into the page.
func compareFillView(v *views.CompareView, p compare.Params, r *compare.Report) {
	v.Empty = r.Empty
	v.Frames, v.Frame = r.Frames, r.TimeFrame
	for _, o := range r.Outlets {
		v.Outlets = append(v.Outlets, views.CompareOutletRow{Name: o.Name, Aliases: o.Aliases, Articles: o.Articles, Words: o.Words, Resamples: o.Resamples})
	}
	q := p.Values()
	v.FrameCharts = []views.ChartView{cmpFramesChart(r, false, q), cmpFramesChart(r, true, q)}
	for _, a := range r.Actors {
		v.LabelCharts = append(v.LabelCharts, cmpLabelsChart(r, a, q))
	}
	v.SideCharts = []views.ChartView{cmpSidesChart(r, false, q), cmpSidesChart(r, true, q)}
	v.BalanceChart = cmpBalanceChart(r, q)
	v.HeatmapChart = cmpHeatmapChart(r, q)
	v.TimelineChart = cmpTimelineChart(r, q)
	v.DistinctCharts = []views.ChartView{
		cmpDistinctChart(r.Pair[0], compare.ChartDistinctEntries, q),
		cmpDistinctChart(r.Pair[1], compare.ChartDistinctWords, q),
	}
	v.Pair = views.DistinctPair{Entries: distinctView(r.Pair[0]), Words: distinctView(r.Pair[1])}
	for _, d := range r.Distinct {
		v.Distinct = append(v.Distinct, views.DistinctPair{Entries: distinctView(d[0]), Words: distinctView(d[1])})
	}
	if len(r.Outlets) > 1 {
		v.PairA, v.PairB = r.Outlets[p.PairA].Name, r.Outlets[p.PairB].Name
	}
	v.WordsSampled = r.WordsSampled
	sq := p.Values()
	sq.Del("frame")
	sq.Del("period")
	sq.Del("pair")
	v.StoryURL = "/compare/story?" + sq.Encode()
}

func distinctView(d compare.Distinctive) views.DistinctTable {
	t := views.DistinctTable{A: d.A, B: d.B, Vocabulary: d.Vocabulary, Terms: d.Terms, Significant: d.Significant,
		SignificantFDR: d.SignificantFDR, Sampled: d.Sampled}
	conv := func(in []stats.TermScore) []views.DistinctTerm {
		out := make([]views.DistinctTerm, len(in))
		for i, s := range in {
			out[i] = views.DistinctTerm{Term: s.Term, CountA: s.CountA, CountB: s.CountB, Delta: s.Delta, Z: s.Z, Q: s.Q, Significant: s.Significant}
		}
		return out
	}
	t.Top, t.Bottom = conv(d.Top), conv(d.Bottom)
	return t
}

// compareData answers /compare/data/NAME.csv: the numbers of one chart of
// the comparison with the same parameters.
func (s *Server) compareData(c echo.Context) error {
	name, ok := strings.CutSuffix(c.Param("file"), ".csv")
	if !ok {
		return echo.NewHTTPError(http.StatusNotFound, "Chart data is served as NAME.csv.")
	}
	_, r, err := s.compareReport(c.Request().Context(), c)
	if err != nil {
		return err
	}
	t, err := r.Table(name)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := t.WriteCSV(&buf); err != nil {
		return err
	}
	c.Response().Header().Set("Content-Disposition", `attachment; filename="compare-`+name+`.csv"`)
	return c.Blob(http.StatusOK, "text/csv; charset=utf-8", buf.Bytes())
}
