package handlers

import (
	"errors"
	"mime/multipart"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/corpus"
	"github.com/framinglens/framinglens/internal/ingest"
	"github.com/framinglens/framinglens/views"
)

// uploadShow shows the upload form.
func (s *Server) uploadShow(c echo.Context) error {
	return render(c, http.StatusOK, views.UploadPage(s.uploadView(c, views.UploadForm{}, nil)))
}

func (s *Server) uploadView(c echo.Context, f views.UploadForm, r *views.UploadResults) views.UploadView {
	return views.UploadView{Page: s.page(c, "Upload", views.NavUpload), Form: f, Results: r, MaxUploadMB: int(s.opts.MaxUploadBytes >> 20)}
}

// uploadFormOf reads the upload form's text fields.
func uploadFormOf(c echo.Context) views.UploadForm {
	return views.UploadForm{
		Outlet: strings.TrimSpace(c.FormValue("outlet")),
		Title:  strings.TrimSpace(c.FormValue("title")),
		Date:   strings.TrimSpace(c.FormValue("date")),
		Text:   c.FormValue("text"),
	}
}

// uploadCreate imports the posted files and pasted text. htmx gets the
// results panel alone; a plain form post gets the whole page with results.
func (s *Server) uploadCreate(c echo.Context) error {
	form := uploadFormOf(c)
	items, err := s.importUpload(c, form)
	if err != nil {
		return err
	}
	res := &views.UploadResults{Items: items}
	status := http.StatusOK
	if len(items) > 0 && allRejected(items) {
		status = http.StatusUnprocessableEntity
	}
	if isHTMX(c) {
		return render(c, status, views.UploadResultsPanel(*res))
	}
	if status == http.StatusOK {
		form.Text = "" // accepted: do not offer the same text again
	}
	return render(c, status, views.UploadPage(s.uploadView(c, form, res)))
}

// apiUpload is uploadCreate for API clients: the same fields, JSON out.
func (s *Server) apiUpload(c echo.Context) error {
	form := uploadFormOf(c)
	items, err := s.importUpload(c, form)
	if err != nil {
		return err
	}
	var sum corpus.Summary
	out := make([]corpus.ItemResult, 0, len(items))
	for _, it := range items {
		r := corpus.ItemResult{Origin: it.Origin, Title: it.Title, Status: corpus.Status(it.Status), ID: it.ArticleID, Reason: it.Reason}
		sum.Add(r)
		out = append(out, r)
	}
	status := http.StatusOK
	if len(items) > 0 && allRejected(items) {
		status = http.StatusUnprocessableEntity
	}
	return c.JSON(status, map[string]any{"summary": sum, "items": out})
}

// importUpload runs every posted file and the pasted text through the
// importer and collects one result per item.
func (s *Server) importUpload(c echo.Context, form views.UploadForm) ([]views.UploadItem, error) {
	ctx := c.Request().Context()
	opts := corpus.ImportOptions{Outlet: form.Outlet, Limits: s.opts.Limits}
	var items []views.UploadItem
	collect := func(r corpus.ItemResult) {
		items = append(items, views.UploadItem{Origin: r.Origin, Status: string(r.Status), ArticleID: r.ID, Title: r.Title, Reason: r.Reason})
	}
	var files []*multipart.FileHeader
	if mf, err := c.MultipartForm(); err == nil {
		files = mf.File["files"]
	} else if !errors.Is(err, http.ErrNotMultipart) {
		return nil, analysis.Errorf(analysis.EINVALID, "could not read the upload: %v", err)
	}
	// A single file or a paste may carry a title and date from the form;
	// for many files they would be wrong for all but one.
	single := len(files)+boolInt(strings.TrimSpace(form.Text) != "") == 1
	if single {
		opts.Title, opts.Published = form.Title, form.Date
	}
	for _, fh := range files {
		f, err := fh.Open()
		if err != nil {
			collect(corpus.ItemResult{Origin: fh.Filename, Status: corpus.Rejected, Reason: "could not read the file"})
			continue
		}
		_, err = s.svc.Import(ctx, fh.Filename, f, opts, collect)
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	if strings.TrimSpace(form.Text) != "" {
		meta := ingest.Article{Origin: "pasted text", Outlet: form.Outlet, Title: form.Title, Published: form.Date}
		r, err := s.svc.ImportPaste(ctx, form.Text, meta, opts)
		if err != nil {
			return nil, err
		}
		collect(r)
	}
	if len(items) == 0 {
		return nil, analysis.Errorf(analysis.EINVALID, "Choose at least one file or paste an article's text.")
	}
	return items, nil
}

func allRejected(items []views.UploadItem) bool {
	for _, it := range items {
		if it.Status != views.UploadRejected {
			return false
		}
	}
	return true
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
