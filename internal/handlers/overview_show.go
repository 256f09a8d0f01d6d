package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/framinglens/framinglens/internal/store"
	"github.com/framinglens/framinglens/views"
)

// overviewShow is the home page: corpus figures, latest uploads and two small
// charts; on an empty corpus, how to begin.
func (s *Server) overviewShow(c echo.Context) error {
	ctx := c.Request().Context()
	st, err := s.st.Stats(ctx)
	if err != nil {
		return err
	}
	v := views.OverviewView{
		Page:     s.page(c, "Overview", views.NavOverview),
		Stats:    views.CorpusStats{Articles: st.Articles, Outlets: st.Outlets, Words: st.Words, From: st.First, To: st.Last},
		Lexicon:  lexiconInfo(s.svc.ActiveLexicon()),
		Frames:   frameInfos(s.svc.ActiveLexicon()),
		Registry: registryInfo(s.svc.ActiveRegistry()),
	}
	if st.Articles > 0 {
		latest, _, err := s.st.Articles(ctx, store.ArticleFilter{Sort: "-id", Limit: 8})
		if err != nil {
			return err
		}
		for _, a := range latest {
			v.Latest = append(v.Latest, views.ArticleLink{ID: a.ID, Title: a.Title, Outlet: a.Outlet, Published: a.Published})
		}
		frames, err := s.st.FrameTotals(ctx, store.ArticleFilter{}, "")
		if err != nil {
			return err
		}
		v.FramesChart = framesChart("overview-frames", frames)
		sides, err := s.st.SideTotals(ctx, store.ArticleFilter{}, "")
		if err != nil {
			return err
		}
		v.SidesChart = sidesChart("overview-sides", sides)
	}
	return render(c, http.StatusOK, views.OverviewPage(v))
}
