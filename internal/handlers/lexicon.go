package handlers

import (
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/corpus"
	"github.com/framinglens/framinglens/views"
)

// maxLexiconBytes caps an uploaded lexicon or registry file.
const maxLexiconBytes = 10 << 20

// lexiconShow shows the active lexicon with each entry's measured precision
// and the rescoring progress.
func (s *Server) lexiconShow(c echo.Context) error {
	ctx := c.Request().Context()
	lex := s.svc.ActiveLexicon()
	names, err := s.st.LexiconNames(ctx)
	if err != nil {
		return err
	}
	prec, err := s.st.Precision(ctx)
	if err != nil {
		return err
	}
	byPattern := map[string][2]int{}
	for _, p := range prec {
		byPattern[p.Pattern] = [2]int{p.Hits, p.FalsePositives}
	}
	v := views.LexiconsView{Page: s.page(c, "Lexicons", views.NavLexicons), Active: lexiconInfo(lex), Frames: frameInfos(lex), Rescore: rescoreView(s.svc.RescoreStatus())}
	for _, name := range names {
		l, err := s.st.Lexicon(ctx, name)
		if err != nil {
			return err
		}
		v.Available = append(v.Available, lexiconInfo(l))
	}
	for i, e := range lex.Entries {
		n := byPattern[e.Pattern]
		v.Entries = append(v.Entries, views.LexiconEntryRow{Index: i, Pattern: e.Pattern, Frame: e.Frame, Actor: e.Actor, Valence: e.Valence, Note: e.Note, Hits: n[0], FalsePositives: n[1]})
	}
	return render(c, http.StatusOK, views.LexiconsPage(v))
}

func rescoreView(st corpus.RescoreStatus) views.RescoreView {
	return views.RescoreView{Running: st.Running, Done: st.Done, Total: st.Total, Error: st.Error}
}

// rescoreStatus answers the progress poll: a fragment for htmx, JSON for the
// API.
func (s *Server) rescoreStatus(c echo.Context) error {
	st := s.svc.RescoreStatus()
	if strings.HasPrefix(c.Request().URL.Path, "/api/") {
		return c.JSON(http.StatusOK, st)
	}
	return render(c, http.StatusOK, views.RescoreStatus(rescoreView(st)))
}

// lexiconActivate makes another stored lexicon active.
func (s *Server) lexiconActivate(c echo.Context) error {
	name := c.FormValue("name")
	if err := s.svc.ActivateLexicon(c.Request().Context(), name); err != nil {
		return err
	}
	return redirectWithFlash(c, "/lexicons", views.FlashSuccess, "Lexicon "+name+" is active; the corpus is being rescored.")
}

// entryOf reads a lexicon entry from a form.
func entryOf(c echo.Context) (analysis.Entry, error) {
	val, err := strconv.Atoi(strings.TrimSpace(c.FormValue("valence")))
	if err != nil {
		return analysis.Entry{}, analysis.Errorf(analysis.EINVALID, "valence must be a whole number from -2 to 2")
	}
	return analysis.Entry{Pattern: c.FormValue("pattern"), Frame: c.FormValue("frame"), Actor: c.FormValue("actor"), Valence: val, Note: c.FormValue("note")}, nil
}

// checkLexiconName makes sure a form edits the active lexicon, so a stale
// page cannot edit a lexicon other than the one it showed.
func (s *Server) checkLexiconName(c echo.Context) error {
	name, err := url.PathUnescape(c.Param("name"))
	if err != nil || name != s.svc.ActiveLexicon().Name {
		return analysis.Errorf(analysis.ECONFLICT, "Only the active lexicon can be edited; reload the page.")
	}
	return nil
}

// entryCreate adds an entry to the active lexicon.
func (s *Server) entryCreate(c echo.Context) error {
	if err := s.checkLexiconName(c); err != nil {
		return err
	}
	e, err := entryOf(c)
	if err != nil {
		return err
	}
	if err := s.svc.AddEntry(c.Request().Context(), e); err != nil {
		return err
	}
	return redirectWithFlash(c, "/lexicons", views.FlashSuccess, "Added "+e.Pattern+"; the corpus is being rescored.")
}

// entryUpdate replaces one entry of the active lexicon.
func (s *Server) entryUpdate(c echo.Context) error {
	if err := s.checkLexiconName(c); err != nil {
		return err
	}
	i, err := strconv.Atoi(c.Param("i"))
	if err != nil {
		return echo.NewHTTPError(http.StatusNotFound, "No such entry.")
	}
	e, err := entryOf(c)
	if err != nil {
		return err
	}
	if err := s.svc.UpdateEntry(c.Request().Context(), i, e); err != nil {
		return err
	}
	return redirectWithFlash(c, "/lexicons", views.FlashSuccess, "Saved "+e.Pattern+"; the corpus is being rescored.")
}

// entryDelete removes one entry of the active lexicon.
func (s *Server) entryDelete(c echo.Context) error {
	if err := s.checkLexiconName(c); err != nil {
		return err
	}
	i, err := strconv.Atoi(c.Param("i"))
	if err != nil {
		return echo.NewHTTPError(http.StatusNotFound, "No such entry.")
	}
	if err := s.svc.DeleteEntry(c.Request().Context(), i); err != nil {
		return err
	}
	return redirectWithFlash(c, "/lexicons", views.FlashSuccess, "Entry deleted; the corpus is being rescored.")
}

// lexiconImport reads an uploaded CSV, YAML or LIWC lexicon and makes it
// active. A bad file changes nothing and says which lines are wrong.
func (s *Server) lexiconImport(c echo.Context) error {
	filename, data, err := formFile(c, "file")
	if err != nil {
		return err
	}
	if name := strings.TrimSpace(c.FormValue("name")); name != "" {
		ext := filename[len(strings.TrimSuffix(filename, extOf(filename))):]
		filename = name + ext
	}
	lex, err := s.svc.ImportLexicon(c.Request().Context(), filename, data)
	if err != nil {
		return redirectWithFlash(c, "/lexicons", views.FlashError, analysis.ErrorMessage(err))
	}
	return redirectWithFlash(c, "/lexicons", views.FlashSuccess, "Imported lexicon "+lex.Name+" ("+strconv.Itoa(len(lex.Entries))+" entries); the corpus is being rescored.")
}

// lexiconExport downloads a stored lexicon as CSV: /lexicons/NAME.csv.
func (s *Server) lexiconExport(c echo.Context) error {
	file, err := url.PathUnescape(c.Param("file"))
	if err != nil || !strings.HasSuffix(file, ".csv") {
		return echo.NewHTTPError(http.StatusNotFound, "No such lexicon.")
	}
	lex, err := s.st.Lexicon(c.Request().Context(), strings.TrimSuffix(file, ".csv"))
	if err != nil {
		return err
	}
	return csvAttachment(c, lex.Name+"-"+lex.Version+".csv", lex.CSV())
}

// formFile reads one uploaded file, capped at maxLexiconBytes.
func formFile(c echo.Context, field string) (string, []byte, error) {
	fh, err := c.FormFile(field)
	if err != nil {
		return "", nil, analysis.Errorf(analysis.EINVALID, "Choose a file to import.")
	}
	f, err := fh.Open()
	if err != nil {
		return "", nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxLexiconBytes+1))
	if err != nil {
		return "", nil, err
	}
	if len(data) > maxLexiconBytes {
		return "", nil, analysis.Errorf(analysis.ETOOLARGE, "%s is larger than %d MB", fh.Filename, maxLexiconBytes>>20)
	}
	return fh.Filename, data, nil
}

func extOf(name string) string {
	if i := strings.LastIndexByte(name, '.'); i >= 0 && !strings.ContainsAny(name[i:], `/\`) {
		return name[i:]
	}
	return ""
}

// csvAttachment sends CSV bytes as a download.
func csvAttachment(c echo.Context, filename string, data []byte) error {
	c.Response().Header().Set(echo.HeaderContentDisposition, `attachment; filename="`+safeFilename(filename)+`"`)
	return c.Blob(http.StatusOK, "text/csv; charset=utf-8", data)
}

// safeFilename keeps a download name to characters no header can choke on.
func safeFilename(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == '"' || r == '\\' || r == '/' || r > 0x7e {
			return '_'
		}
		return r
	}, s)
}
