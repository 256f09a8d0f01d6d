package handlers_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// webUnknownSpeaker is quoted in an article and known to no registry.
const webUnknownSpeaker = "Jane Doakes"

func TestSources(t *testing.T) {
	a := newWebApp(t)
	a.uploadSeed(t, "RT")
	bridge := a.paste(t, "Town Crier", "Bridge works", "2021-02-02",
		`"We will rebuild the bridge by spring," said Jane Doakes, the town engineer. The rebels left the area last week.`)
	speakers := func(p webPage) []string {
		var names []string
		p.doc.Find(`[data-testid="speakers-table"] [data-testid="source-name"]`).Each(func(_ int, s *goquery.Selection) {
			names = append(names, strings.TrimSpace(s.Contents().First().Text()))
		})
		return names
	}
	p := a.page(t, "/sources")
	names := speakers(p)
	if len(names) == 0 || names[0] != webUnknownSpeaker {
		t.Fatalf("speakers: got %q, want %s first (unassigned first)", names, webUnknownSpeaker)
	}
	if got := p.text("unassigned-count"); got != "1" {
		t.Errorf("unassigned: got %q, want 1", got)
	}
	var api struct {
		Sources []struct {
			Name, Side                        string
			Articles, Direct, Reported, Words int
		}
	}
	a.getJSON(t, "/api/sources", &api)
	if len(api.Sources) != len(names) {
		t.Errorf("API sources: got %d, page shows %d", len(api.Sources), len(names))
	}
	seed := a.article(t, 1)
	for _, s := range api.Sources {
		if s.Name == seedTopSpeaker {
			want := seed.Sources[0]
			if want.Name != seedTopSpeaker || s.Direct != want.Direct || s.Reported != want.Reported || s.Articles != 1 || s.Side != "russia" {
				t.Errorf("Lavrov in /api/sources: %+v; article says %+v", s, want)
			}
		}
	}
	if art := a.page(t, fmt.Sprintf("/articles/%d", bridge)); art.text("unassigned-count") != "1" {
		t.Errorf("article unassigned warning: got %q, want 1", art.text("unassigned-count"))
	}

	t.Run("AssignSide", func(t *testing.T) {
		p := a.post(t, "/sources/assign", url.Values{"names[]": {webUnknownSpeaker}, "side": {"civilians"}})
		if got := p.flash(); !strings.Contains(got, "1 speaker assigned to civilians") {
			t.Errorf("flash: got %q", got)
		}
		a.waitRescore(t)
		p = a.page(t, "/sources")
		if p.count("unassigned-warning") != 0 {
			t.Errorf("still %s unassigned", p.text("unassigned-count"))
		}
		if got, want := p.text("registry-entries"), strconv.Itoa(shippedSpeakers(t)+1); got != want {
			t.Errorf("registry entries: got %q, want %s (the shipped ones and the new one)", got, want)
		}
		row := p.doc.Find(`[data-testid="source-row"]`).FilterFunction(func(_ int, s *goquery.Selection) bool {
			return strings.HasPrefix(strings.TrimSpace(s.Find(`[data-testid="source-name"]`).Text()), webUnknownSpeaker)
		})
		if side := row.Find(`[data-testid="source-side"] option[selected]`).AttrOr("value", ""); side != "civilians" {
			t.Errorf("%s side: got %q, want civilians", webUnknownSpeaker, side)
		}
		if names := speakers(p); names[0] == webUnknownSpeaker {
			t.Errorf("%s still listed first among %q", webUnknownSpeaker, names)
		}
		art := a.page(t, fmt.Sprintf("/articles/%d", bridge))
		if art.count("unassigned-warning") != 0 || art.text("source-side") != "civilians" {
			t.Errorf("article: warning %d, side %q; want none and civilians", art.count("unassigned-warning"), art.text("source-side"))
		}
	})
	t.Run("NoneSelected", func(t *testing.T) {
		if got := a.post(t, "/sources/assign", url.Values{"side": {"russia"}}).flash(); !strings.Contains(got, "No speakers were selected.") {
			t.Errorf("flash: got %q", got)
		}
	})
	t.Run("UnassignedIsNotASide", func(t *testing.T) {
		p := a.post(t, "/sources/assign", url.Values{"names[]": {webUnknownSpeaker}, "side": {"unassigned"}})
		if got := p.flash(); !strings.HasPrefix(got, "Error") || !strings.Contains(got, "choose a side") {
			t.Errorf("flash: got %q, want an error asking for a side", got)
		}
	})
}

func TestRegistryImportExport(t *testing.T) {
	a := newWebApp(t)
	p := a.get(t, "/sources/registry.csv")
	if p.status() != http.StatusOK || !strings.HasPrefix(p.contentType(), "text/csv") {
		t.Fatalf("export: %d %q", p.status(), p.contentType())
	}
	rows := readCSV(t, p.body)
	if want := shippedSpeakers(t) + 1; len(rows) != want || strings.Join(rows[0], ",") != "name,aliases,side,role" {
		t.Fatalf("export: %d rows, header %q; want a header and %d speakers", len(rows), rows[0], want-1)
	}
	up := a.postMultipart(t, "/sources/registry/import", nil, []webFile{{"file", "extra.csv",
		[]byte("name,aliases,side,role\nOmar Khalil,Khalil,syrian-opposition,activist\n")}})
	if got := up.flash(); !strings.Contains(got, "Imported") {
		t.Fatalf("import flash: %q", got)
	}
	a.waitRescore(t)
	src := a.page(t, "/sources")
	n, _ := strconv.Atoi(src.text("registry-entries"))
	again := readCSV(t, a.get(t, "/sources/registry.csv").body)
	if len(again) != n+1 {
		t.Errorf("export after import: %d rows, page says %d speakers", len(again)-1, n)
	}
	found := false
	for _, r := range again {
		if r[0] == "Omar Khalil" && r[2] == "syrian-opposition" {
			found = true
		}
	}
	if !found {
		t.Errorf("imported speaker missing from the export")
	}
	t.Run("BadRegistry", func(t *testing.T) {
		before := a.page(t, "/sources").text("registry-entries")
		p := a.postMultipart(t, "/sources/registry/import", nil, []webFile{{"file", "bad.csv", []byte("who,what\nX,Y\n")}})
		if got := p.flash(); !strings.HasPrefix(got, "Error") {
			t.Errorf("flash: got %q, want an error", got)
		}
		if after := a.page(t, "/sources").text("registry-entries"); after != before {
			t.Errorf("registry changed from %s to %s", before, after)
		}
	})
}

func TestAPI(t *testing.T) {
	a := newWebApp(t)
	c := a.loadCorpus(t)
	seed := a.article(t, c.seed)

	t.Run("Articles", func(t *testing.T) {
		var r struct {
			Total    int
			Articles []struct {
				ID                  int64
				Outlet, Title       string
				Published           string
				Words, Hits, Quotes int
				Balance             float64
				TopFrames           []string `json:"top_frames"`
			}
		}
		a.getJSON(t, "/api/articles?outlet=RT", &r)
		if r.Total != 1 || len(r.Articles) != 1 {
			t.Fatalf("RT articles: got %d", r.Total)
		}
		got := r.Articles[0]
		if got.ID != c.seed || got.Title != seedTitle || got.Words != seedWords || got.Hits != seedHits || got.Quotes != seedQuotes {
			t.Errorf("seed row: %+v", got)
		}
		if len(got.TopFrames) == 0 || got.TopFrames[0] != "neutral" {
			t.Errorf("top frames: %q", got.TopFrames)
		}
		a.getJSON(t, "/api/articles?limit=2", &r)
		if r.Total != 4 || len(r.Articles) != 2 {
			t.Errorf("limit=2: total %d, rows %d; want 4 and 2", r.Total, len(r.Articles))
		}
	})
	t.Run("Article", func(t *testing.T) {
		if seed.ID != c.seed || seed.Outlet != "RT" || seed.Title != seedTitle || seed.Words != seedWords {
			t.Errorf("head: %d %q %q %d", seed.ID, seed.Outlet, seed.Title, seed.Words)
		}
		if len(seed.Hits) != seedHits || len(seed.Quotes) != seedQuotes || seed.patternHits("rebel*") != seedRebelHits {
			t.Errorf("hits %d, quotes %d, rebel* %d", len(seed.Hits), len(seed.Quotes), seed.patternHits("rebel*"))
		}
		if len(seed.Sources) == 0 || seed.Sources[0].Name != seedTopSpeaker || seed.Sources[0].Side != "russia" {
			t.Errorf("sources: %+v", seed.Sources)
		}
		for _, h := range seed.Hits {
			if h.Start < 0 || h.End > len(seed.Text) || seed.Text[h.Start:h.End] != h.Term {
				t.Errorf("hit %q at %d-%d does not match the text", h.Term, h.Start, h.End)
			}
		}
	})
	t.Run("Hits", func(t *testing.T) {
		var r struct {
			Hits []struct {
				ArticleID     int64 `json:"article_id"`
				Outlet, Voice string
				Pattern       string
			}
		}
		a.getJSON(t, "/api/hits?pattern=rebel%2A", &r)
		perOutlet := map[string]int{}
		for _, h := range r.Hits {
			perOutlet[h.Outlet]++
		}
		if len(r.Hits) != 5 || perOutlet["RT"] != 4 || perOutlet["Daily Alpha"] != 1 {
			t.Errorf("rebel* hits: %d, per outlet %v; want RT 4, Daily Alpha 1", len(r.Hits), perOutlet)
		}
		a.getJSON(t, "/api/hits?pattern=rebel%2A&voice=reported", &r)
		if len(r.Hits) != 4 {
			t.Errorf("reported rebel*: got %d, want 4", len(r.Hits))
		}
		a.getJSON(t, "/api/hits?outlet=RT", &r)
		if len(r.Hits) != seedHits {
			t.Errorf("RT hits: got %d, want %d", len(r.Hits), seedHits)
		}
	})
	t.Run("Quotes", func(t *testing.T) {
		var r struct {
			Quotes []struct {
				ArticleID     int64 `json:"article_id"`
				Speaker, Kind string
			}
		}
		a.getJSON(t, "/api/quotes?outlet=RT", &r)
		if len(r.Quotes) != seedQuotes {
			t.Errorf("RT quotes: got %d, want %d", len(r.Quotes), seedQuotes)
		}
		for _, q := range r.Quotes {
			if q.ArticleID != c.seed || (q.Kind != "direct" && q.Kind != "reported") {
				t.Errorf("quote %+v", q)
			}
		}
	})
	t.Run("Outlets", func(t *testing.T) {
		var r struct {
			Outlets []struct {
				Name   string
				Stats  map[string]int
				Frames []struct {
					Frame string
					Count int
				}
			}
		}
		a.getJSON(t, "/api/outlets", &r)
		got := map[string]int{}
		for _, o := range r.Outlets {
			got[o.Name] = o.Stats["articles"]
			if o.Name == "RT" {
				sum := 0
				for _, f := range o.Frames {
					sum += f.Count
				}
				if sum != seedHits || o.Stats["words"] != seedWords {
					t.Errorf("RT: frame counts sum to %d, words %d; want %d and %d", sum, o.Stats["words"], seedHits, seedWords)
				}
			}
		}
		if len(got) != 3 || got["RT"] != 1 || got["Daily Alpha"] != 2 || got["Beta News"] != 1 {
			t.Errorf("outlets: %v", got)
		}
	})
	t.Run("UploadWithoutCookie", func(t *testing.T) {
		st, res := a.apiUpload(t, map[string]string{"outlet": "Api"}, []webFile{
			{"files", "a.txt", []byte("Alpha api\n\nThe rebels crossed the river at night, the army said.")},
			{"files", "seed.txt", seedText(t)},
			{"files", "x.bin", []byte{0, 1, 2, 3}},
		})
		if st != http.StatusOK {
			t.Fatalf("status: got %d, want 200", st)
		}
		if res.Summary.Accepted != 1 || res.Summary.Duplicate != 1 || res.Summary.Rejected != 1 || len(res.Items) != 3 {
			t.Errorf("summary %+v, items %d; want 1/1/1", res.Summary, len(res.Items))
		}
		for _, it := range res.Items {
			if it.Status == "duplicate" && it.ID != c.seed {
				t.Errorf("duplicate id %d, want the seed's %d", it.ID, c.seed)
			}
			if it.Status == "rejected" && it.Reason == "" {
				t.Errorf("rejected without a reason: %+v", it)
			}
		}
		st, res = a.apiUpload(t, nil, []webFile{{"files", "x.bin", []byte{0, 1, 2, 3}}})
		if st != http.StatusUnprocessableEntity || res.Summary.Rejected != 1 {
			t.Errorf("all rejected: status %d, %+v; want 422", st, res.Summary)
		}
	})
	t.Run("Rescore", func(t *testing.T) {
		var r map[string]any
		if st := a.getJSON(t, "/api/rescore", &r); st != 200 {
			t.Fatalf("status %d", st)
		}
		if _, ok := r["running"]; !ok {
			t.Errorf("no running field: %v", r)
		}
	})
}

func TestExportCSV(t *testing.T) {
	a := newWebApp(t)
	c := a.loadCorpus(t)
	seed := a.article(t, c.seed)
	var arts struct{ Total int }
	a.getJSON(t, "/api/articles?outlet=Daily+Alpha", &arts)
	var hits struct{ Hits []struct{ Pattern string } }
	a.getJSON(t, "/api/hits", &hits)
	var rebelHits struct{ Hits []struct{ Pattern string } }
	a.getJSON(t, "/api/hits?outlet=Daily+Alpha", &rebelHits)
	var quotes struct{ Quotes []struct{ Speaker string } }
	a.getJSON(t, "/api/quotes", &quotes)

	cases := []struct {
		name, path string
		rows       int
		firstCol   string
	}{
		{"Articles", "/export/articles.csv", 4, "article_id"},
		{"ArticlesFiltered", "/export/articles.csv?outlet=Daily+Alpha", arts.Total, "article_id"},
		{"ArticlesByQuery", "/export/articles.csv?q=harbour", 1, "article_id"},
		{"Hits", "/export/hits.csv", len(hits.Hits), "article_id"},
		{"HitsFiltered", "/export/hits.csv?outlet=Daily+Alpha", len(rebelHits.Hits), "article_id"},
		{"HitsByTerm", "/export/hits.csv?outlet=RT&from=2016-01-01&to=2016-12-31", seedHits, "article_id"},
		{"Quotes", "/export/quotes.csv", len(quotes.Quotes), "article_id"},
		{"QuotesFiltered", "/export/quotes.csv?outlet=RT", seedQuotes, "article_id"},
		{"Sources", "/export/sources.csv?outlet=RT", len(seed.Sources), "article_id"},
		{"Outlets", "/export/outlets.csv", 3, "outlet"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := a.get(t, tc.path)
			if p.status() != http.StatusOK || !strings.HasPrefix(p.contentType(), "text/csv") {
				t.Fatalf("status %d, type %q", p.status(), p.contentType())
			}
			if cd := p.resp.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment;") {
				t.Errorf("Content-Disposition: %q", cd)
			}
			rows := readCSV(t, p.body)
			if len(rows) == 0 || rows[0][0] != tc.firstCol {
				t.Fatalf("header: %q, want it to start with %s", rows, tc.firstCol)
			}
			if got := len(rows) - 1; got != tc.rows {
				t.Errorf("rows: got %d, want %d", got, tc.rows)
			}
		})
	}
	t.Run("ArticleRowMatchesAPI", func(t *testing.T) {
		rows := readCSV(t, a.get(t, "/export/articles.csv?outlet=RT").body)
		col := map[string]int{}
		for i, h := range rows[0] {
			col[h] = i
		}
		r := rows[1]
		if r[col["article_id"]] != strconv.FormatInt(c.seed, 10) || r[col["hits"]] != strconv.Itoa(seedHits) ||
			r[col["quotes"]] != strconv.Itoa(seedQuotes) || r[col["words"]] != strconv.Itoa(seedWords) || r[col["title"]] != seedTitle {
			t.Errorf("seed row: %q", r)
		}
		if got := r[col["neutral_count"]]; got != seedNeutral {
			t.Errorf("neutral_count: got %s, want %s", got, seedNeutral)
		}
	})
}
