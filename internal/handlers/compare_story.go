package handlers

import (
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/compare"
	"github.com/framinglens/framinglens/internal/store"
	"github.com/framinglens/framinglens/views"
)

// storyTerms is how many of the seed's names and terms an article is
// matched on; storyCandidates how many articles per outlet are considered.
const (
	storyTerms      = 12
	storyCandidates = 40
	storyMaxWindow  = 14
)

// compareStory shows one event in the chosen outlets side by side. The
// seed is the article given (article=ID), or else the article with the
// most lexicon hits within the window around date (or, without a date, in
// all the outlets' articles). Each outlet's column shows its article
// within ±window days of the seed that shares the most of the seed's
// names and lexicon terms.
func (s *Server) compareStory(c echo.Context) error {
	ctx := c.Request().Context()
	q := c.QueryParams()
	v := views.StoryView{Page: s.page(c, "One story, several outlets", views.NavOutlets), Window: 3}
	fail := func(code string, msg string) error {
		v.Error = msg
		return render(c, statusOf(code), views.StoryPage(v))
	}
	p, err := compare.ParseParams(q)
	if err != nil {
		return fail(analysis.ErrorCode(err), analysis.ErrorMessage(err))
	}
	v.Chosen = p.Outlets
	if w := q.Get("window"); w != "" {
		n, err := strconv.Atoi(w)
		if err != nil || n < 0 || n > storyMaxWindow {
			return fail(analysis.EINVALID, "The window must be a whole number of days from 0 to 14.")
		}
		v.Window = n
	}
	var seedID int64
	if a := q.Get("article"); a != "" {
		id, ok := parseID(a)
		if !ok {
			return fail(analysis.EINVALID, "The article must be an article id.")
		}
		seedID = id
	} else {
		f := store.ArticleFilter{Outlets: p.Outlets, Sort: "-hits", Limit: 1, Query: p.Query, From: p.From, To: p.To}
		if d := q.Get("date"); d != "" {
			from, to, ok := storyWindow(d, v.Window)
			if !ok {
				return fail(analysis.EINVALID, "The date must be YYYY-MM-DD.")
			}
			f.From, f.To = from, to
		}
		rows, _, err := s.st.Articles(ctx, f)
		if err != nil {
			return err
		}
		if len(rows) == 0 {
			return fail(analysis.ENOTFOUND, "None of the chosen outlets has an article in that window.")
		}
		seedID = rows[0].ID
	}
	seed, err := s.st.Article(ctx, seedID)
	if err != nil {
		return err
	}
	seedRes, err := s.st.ArticleResult(ctx, seedID)
	if err != nil {
		return err
	}
	v.Seed = views.ArticleLink{ID: seed.ID, Title: seed.Title, Outlet: seed.Outlet, Published: seed.Published}
	v.Date = seed.Published
	v.Terms = storySeedTerms(seedRes)
	from, to, dated := storyWindow(seed.Published, v.Window)
	lex := s.svc.ActiveLexicon()
	for _, outlet := range p.Outlets {
		col := views.StoryColumn{Outlet: outlet}
		f := store.ArticleFilter{Outlets: []string{outlet}, Sort: "-hits", Limit: storyCandidates}
		if dated {
			f.From, f.To = from, to
		}
		rows, _, err := s.st.Articles(ctx, f)
		if err != nil {
			return err
		}
		best, bestShared := int64(0), []string(nil)
		for _, r := range rows {
			a, err := s.st.Article(ctx, r.ID)
			if err != nil {
				return err
			}
			if r.ID == seedID {
				best, bestShared = r.ID, v.Terms
				break
			}
			shared := storyShared(v.Terms, a.Title+"\n"+a.Text)
			if best == 0 || len(shared) > len(bestShared) {
				best, bestShared = r.ID, shared
			}
		}
		for _, r := range rows {
			if r.ID != best && len(col.Others) < 5 {
				col.Others = append(col.Others, views.ArticleLink{ID: r.ID, Title: r.Title, Outlet: r.Outlet, Published: r.Published})
			}
		}
		if best != 0 {
			a, err := s.st.Article(ctx, best)
			if err != nil {
				return err
			}
			res, err := s.st.ArticleResult(ctx, best)
			if err != nil {
				return err
			}
			av := articleView(views.Page{}, best, a.Outlet, a.URL, res, nil, lex)
			col.Article = &views.StoryArticle{View: av, Shared: bestShared}
		}
		v.Columns = append(v.Columns, col)
	}
	return render(c, http.StatusOK, views.StoryPage(v))
}

// storyWindow returns the dates window days either side of date.
func storyWindow(date string, window int) (from, to string, ok bool) {
	if len(date) < 10 {
		return "", "", false
	}
	d, err := time.Parse("2006-01-02", date[:10])
	if err != nil {
		return "", "", false
	}
	return d.AddDate(0, 0, -window).Format("2006-01-02"), d.AddDate(0, 0, window).Format("2006-01-02"), true
}

// storySeedTerms picks what an article about the same event would share
// with the seed: its lexicon terms as written, then its most frequent
// capitalised words (names of people, places and groups), storyTerms in
// all, lower-cased.
func storySeedTerms(r *analysis.Result) []string {
	seen := map[string]bool{}
	var terms []string
	for _, h := range r.Hits {
		t := strings.ToLower(h.Term)
		if !seen[t] && len(terms) < storyTerms/2 {
			seen[t] = true
			terms = append(terms, t)
		}
	}
	names := map[string]int{}
	for pos := 0; ; {
		start, end, ok := analysis.NextWord(r.Text, pos)
		if !ok {
			break
		}
		pos = end
		w := r.Text[start:end]
		first, _ := utf8.DecodeRuneInString(w)
		lw := strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s"))
		if !unicode.IsUpper(first) || utf8.RuneCountInString(lw) < 3 || store.IsStopWord(lw) {
			continue
		}
		names[lw]++
	}
	keys := make([]string, 0, len(names))
	for k := range names {
		if !seen[k] {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		if names[keys[i]] != names[keys[j]] {
			return names[keys[i]] > names[keys[j]]
		}
		return keys[i] < keys[j]
	})
	for _, k := range keys {
		if len(terms) >= storyTerms {
			break
		}
		terms = append(terms, k)
	}
	return terms
}

// storyShared returns the terms that occur in text (as whole words or
// phrases, ignoring case).
func storyShared(terms []string, text string) []string {
	var words []string
	for pos := 0; ; {
		start, end, ok := analysis.NextWord(text, pos)
		if !ok {
			break
		}
		pos = end
		words = append(words, strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(text[start:end], "'s"), "’s")))
	}
	joined := " " + strings.Join(words, " ") + " "
	var out []string
	for _, t := range terms {
		var tw []string
		for pos := 0; ; {
			start, end, ok := analysis.NextWord(t, pos)
			if !ok {
				break
			}
			pos = end
			tw = append(tw, t[start:end])
		}
		if len(tw) > 0 && strings.Contains(joined, " "+strings.Join(tw, " ")+" ") {
			out = append(out, t)
		}
	}
	return out
}
