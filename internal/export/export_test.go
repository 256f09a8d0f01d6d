package export_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/export"
	"github.com/framinglens/framinglens/internal/store"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

func TestParseKind(t *testing.T) {
	tests := []struct {
		name, in, want string
		code           string
	}{
		{"Articles", "articles", export.KindArticles, ""},
		{"CaseAndSpace", "  Hits ", export.KindHits, ""},
		{"OutletMonths", "outlet-months", export.KindOutletMonths, ""},
		{"Unknown", "frames", "", analysis.EINVALID},
		{"Empty", "", "", analysis.EINVALID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := export.ParseKind(tt.in)
			if got != tt.want || analysis.ErrorCode(err) != tt.code {
				t.Fatalf("ParseKind(%q) = %q, %v; want %q, code %q", tt.in, got, err, tt.want, tt.code)
			}
			if err != nil && !strings.Contains(err.Error(), strings.Join(export.Kinds, ", ")) {
				t.Errorf("error %q does not list the kinds", err)
			}
		})
	}
}

func TestColumns(t *testing.T) {
	frames, sides := []string{"Humanitarian-Crisis", "relief"}, []string{"russia", "un"}
	tests := []struct {
		kind string
		want []string
	}{
		{export.KindArticles, []string{"article_id", "outlet", "title", "published", "url", "words", "hits", "quotes",
			"unassigned", "balance", "balance_words",
			"humanitarian_crisis_count", "humanitarian_crisis_own", "humanitarian_crisis_quoted",
			"humanitarian_crisis_reported", "humanitarian_crisis_per_1000",
			"relief_count", "relief_own", "relief_quoted", "relief_reported", "relief_per_1000",
			"russia_share", "russia_words_share", "un_share", "un_words_share",
			"engine_version", "lexicon_version", "registry_version"}},
		{export.KindHits, []string{"article_id", "outlet", "published", "term", "pattern", "frame", "actor",
			"valence", "voice", "scare_quote", "so_called", "start", "end", "lexicon_version"}},
		{export.KindQuotes, []string{"article_id", "outlet", "published", "kind", "speaker", "side", "words", "cue",
			"mention", "start", "end", "text", "registry_version"}},
		{export.KindSources, []string{"article_id", "outlet", "published", "name", "side", "role", "direct",
			"reported", "words", "registry_version"}},
		{export.KindOutlets, []string{"outlet", "articles", "words", "hits", "quotes", "attributions", "unassigned",
			"mean_balance", "mean_balance_words",
			"humanitarian_crisis_count", "humanitarian_crisis_per_1000", "humanitarian_crisis_per_1000_own",
			"relief_count", "relief_per_1000", "relief_per_1000_own",
			"russia_attributions", "russia_share", "russia_words", "russia_words_share",
			"un_attributions", "un_share", "un_words", "un_words_share"}},
	}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			if got := export.Columns(tt.kind, frames, sides); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Columns(%s) =\n%v\nwant\n%v", tt.kind, got, tt.want)
			}
		})
	}
	t.Run("OutletMonthsAddMonth", func(t *testing.T) {
		got := export.Columns(export.KindOutletMonths, frames, sides)
		want := append([]string{"outlet", "month"}, export.Columns(export.KindOutlets, frames, sides)[1:]...)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Columns(outlet-months) = %v, want %v", got, want)
		}
	})
	t.Run("Unknown", func(t *testing.T) {
		if got := export.Columns("frames", nil, nil); got != nil {
			t.Errorf("Columns(frames) = %v, want nil", got)
		}
	})
	t.Run("ClashingNamesGetSuffixes", func(t *testing.T) {
		got := export.Columns(export.KindOutlets, []string{"a-b", "a_b", "=x"}, nil)[9:]
		want := []string{"a_b_count", "a_b_per_1000", "a_b_per_1000_own", "a_b_2_count", "a_b_2_per_1000",
			"a_b_2_per_1000_own", "x_count", "x_per_1000", "x_per_1000_own"}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("frame columns = %v, want %v", got, want)
		}
	})
	t.Run("PackageDocListsColumns", func(t *testing.T) {
		src, err := os.ReadFile("export.go")
		if err != nil {
			t.Fatal(err)
		}
		doc := string(src[:bytes.Index(src, []byte("package export"))])
		for _, kind := range export.Kinds {
			for _, col := range export.Columns(kind, nil, nil) {
				if !strings.Contains(doc, col) {
					t.Errorf("the package comment does not name column %q of %s", col, kind)
				}
			}
		}
	})
}

// frameCol is the column of a frame's suffix in the articles export.
func frameCol(frame, suffix string) string { return export.ColumnName(frame) + "_" + suffix }

func TestArticlesExport(t *testing.T) {
	ctx := context.Background()
	c := fullCorpus(t)
	header, rows := export1(t, c.st, export.KindArticles, store.ArticleFilter{})
	dims, err := c.st.ExportDims(ctx, store.ArticleFilter{})
	if err != nil {
		t.Fatalf("ExportDims: %v", err)
	}
	if want := export.Columns(export.KindArticles, dims.Frames, dims.Sides); !reflect.DeepEqual(header, want) {
		t.Fatalf("header = %v, want %v", header, want)
	}
	// Every frame the active lexicon declares has columns, used or not.
	lex, err := c.st.Lexicon(ctx, "core")
	if err != nil {
		t.Fatalf("Lexicon: %v", err)
	}
	for _, f := range lex.Frames {
		if !contains(header, frameCol(f.Name, "count")) {
			t.Errorf("header has no column for the lexicon's frame %q", f.Name)
		}
	}
	if len(rows) != len(c.ids) {
		t.Fatalf("%d rows, want %d articles", len(rows), len(c.ids))
	}
	seen := map[int64]bool{}
	for _, row := range rows {
		id, _ := strconv.ParseInt(row["article_id"], 10, 64)
		seen[id] = true
		if got := int(num(t, row, "words")); got != c.words[id] {
			t.Errorf("article %d words = %d, want %d", id, got, c.words[id])
		}
		r := c.results[id]
		if r == nil {
			for _, col := range []string{"hits", "quotes", "balance", frameCol(dims.Frames[0], "count"), "lexicon_version"} {
				if row[col] != "" {
					t.Errorf("article %d without analysis: %s = %q, want empty", id, col, row[col])
				}
			}
			continue
		}
		if got := int(num(t, row, "hits")); got != len(r.Hits) {
			t.Errorf("article %d hits = %d, want %d", id, got, len(r.Hits))
		}
		if got := int(num(t, row, "quotes")); got != len(r.Quotes) {
			t.Errorf("article %d quotes = %d, want %d", id, got, len(r.Quotes))
		}
		// Count each frame from the hits themselves.
		type counts struct{ count, own, quoted, reported int }
		want := map[string]counts{}
		for _, h := range r.Hits {
			w := want[h.Frame]
			w.count++
			switch h.Voice {
			case analysis.VoiceOwn:
				w.own++
			case analysis.VoiceQuoted:
				w.quoted++
			default:
				w.reported++
			}
			want[h.Frame] = w
		}
		sum := 0
		for _, f := range dims.Frames {
			got := counts{int(num(t, row, frameCol(f, "count"))), int(num(t, row, frameCol(f, "own"))),
				int(num(t, row, frameCol(f, "quoted"))), int(num(t, row, frameCol(f, "reported")))}
			if got != want[f] {
				t.Errorf("article %d frame %s = %+v, want %+v", id, f, got, want[f])
			}
			rate := num(t, row, frameCol(f, "per_1000"))
			if wantRate := float64(got.count) * 1000 / float64(c.words[id]); math.Abs(rate-wantRate) > 1e-6 {
				t.Errorf("article %d %s per_1000 = %v, want %v", id, f, rate, wantRate)
			}
			sum += got.count
		}
		if sum != len(r.Hits) {
			t.Errorf("article %d frame counts sum to %d, want its %d hits", id, sum, len(r.Hits))
		}
		known := len(r.Quotes) - r.Unassigned
		if known == 0 {
			if row["balance"] != "" || row[frameColSide(dims.Sides[0], "share")] != "" {
				t.Errorf("article %d without attributions: balance %q, share %q; want empty", id, row["balance"],
					row[frameColSide(dims.Sides[0], "share")])
			}
		} else {
			share, wshare := 0.0, 0.0
			for _, s := range dims.Sides {
				share += num(t, row, frameColSide(s, "share"))
				wshare += num(t, row, frameColSide(s, "words_share"))
			}
			if math.Abs(share-1) > 1e-5 || math.Abs(wshare-1) > 1e-5 {
				t.Errorf("article %d side shares sum to %v and %v, want 1", id, share, wshare)
			}
			if b := num(t, row, "balance"); math.Abs(b-r.Balance) > 1e-6 {
				t.Errorf("article %d balance = %v, want %v", id, b, r.Balance)
			}
		}
		if row["lexicon_version"] != r.Versions.Lexicon || row["registry_version"] != r.Versions.Registry ||
			row["engine_version"] != r.Versions.Engine {
			t.Errorf("article %d versions = %q %q %q, want %+v", id, row["engine_version"], row["lexicon_version"],
				row["registry_version"], r.Versions)
		}
	}
	if len(seen) != len(c.ids) {
		t.Errorf("%d distinct articles, want %d", len(seen), len(c.ids))
	}
}

func frameColSide(side, suffix string) string { return export.ColumnName(side) + "_" + suffix }

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func TestHitsExport(t *testing.T) {
	c := fullCorpus(t)
	_, rows := export1(t, c.st, export.KindHits, store.ArticleFilter{})
	want := 0
	for _, r := range c.results {
		want += len(r.Hits)
	}
	if len(rows) != want || want == 0 {
		t.Fatalf("%d hit rows, want %d (> 0)", len(rows), want)
	}
	handID := c.ids[formulaTitle]
	var hand []map[string]string
	perArticle := map[string]int{}
	lastDate := ""
	for _, row := range rows {
		perArticle[row["article_id"]]++
		if row["published"] < lastDate {
			t.Errorf("hit of %s comes after one of %s: want oldest first", row["published"], lastDate)
		}
		lastDate = row["published"]
		if row["article_id"] == strconv.FormatInt(handID, 10) {
			hand = append(hand, row)
		}
	}
	for id, r := range c.results {
		if got := perArticle[strconv.FormatInt(id, 10)]; got != len(r.Hits) {
			t.Errorf("article %d has %d hit rows, want %d", id, got, len(r.Hits))
		}
	}
	wantHand := []map[string]string{
		{"outlet": "'@Home", "term": "terrorists", "pattern": "terrorist*", "frame": "delegitimizing",
			"actor": "opposition", "valence": "-2", "voice": "own", "scare_quote": "true", "so_called": "false",
			"lexicon_version": "hand@1"},
		{"term": "'-minus", "pattern": "'-minus", "frame": "'=odd frame", "actor": "'@actor", "valence": "1",
			"voice": "reported", "scare_quote": "false", "so_called": "true"},
	}
	if len(hand) != len(wantHand) {
		t.Fatalf("hand-built article has %d hit rows, want %d", len(hand), len(wantHand))
	}
	hr := c.results[handID]
	for i, w := range wantHand {
		for col, v := range w {
			if hand[i][col] != v {
				t.Errorf("hit %d %s = %q, want %q", i, col, hand[i][col], v)
			}
		}
		if hand[i]["start"] != strconv.Itoa(hr.Hits[i].Start) || hand[i]["end"] != strconv.Itoa(hr.Hits[i].End) {
			t.Errorf("hit %d span = %s-%s, want %d-%d", i, hand[i]["start"], hand[i]["end"], hr.Hits[i].Start, hr.Hits[i].End)
		}
	}
}

func TestQuotesExport(t *testing.T) {
	c := fullCorpus(t)
	_, rows := export1(t, c.st, export.KindQuotes, store.ArticleFilter{})
	want := 0
	for _, r := range c.results {
		want += len(r.Quotes)
	}
	if len(rows) != want {
		t.Fatalf("%d quote rows, want %d", len(rows), want)
	}
	handID := strconv.FormatInt(c.ids[formulaTitle], 10)
	var hand []map[string]string
	for _, row := range rows {
		if row["article_id"] == handID {
			hand = append(hand, row)
		}
		if row["registry_version"] == "" {
			t.Errorf("quote row %v has no registry version", row)
		}
	}
	if len(hand) != 3 {
		t.Fatalf("hand-built article has %d quote rows, want 3", len(hand))
	}
	if hand[0]["text"] != trickyQuote {
		t.Errorf("quote text = %q, want %q (comma, quotes and line break round-trip)", hand[0]["text"], trickyQuote)
	}
	if hand[0]["speaker"] != "Anna Smith" || hand[0]["side"] != "west" || hand[0]["kind"] != "direct" ||
		hand[0]["words"] != strconv.Itoa(analysis.CountWords(trickyQuote)) {
		t.Errorf("quote 0 = %v", hand[0])
	}
	if hand[1]["speaker"] != "" || hand[1]["side"] != analysis.SideUnassigned || hand[1]["kind"] != "reported" {
		t.Errorf("quote 1 = %v, want no speaker, unassigned, reported", hand[1])
	}
}

func TestSourcesExport(t *testing.T) {
	c := fullCorpus(t)
	_, rows := export1(t, c.st, export.KindSources, store.ArticleFilter{})
	want := 0
	attributed := map[string]int{}
	for id, r := range c.results {
		want += len(r.Sources)
		for _, q := range r.Quotes {
			if q.Speaker != "" {
				attributed[strconv.FormatInt(id, 10)]++
			}
		}
	}
	if len(rows) != want || want == 0 {
		t.Fatalf("%d source rows, want %d (> 0)", len(rows), want)
	}
	got := map[string]int{}
	for _, row := range rows {
		got[row["article_id"]] += int(num(t, row, "direct") + num(t, row, "reported"))
	}
	if !reflect.DeepEqual(got, attributed) {
		t.Errorf("attributions per article = %v, want %v", got, attributed)
	}
}

func TestOutletsExport(t *testing.T) {
	ctx := context.Background()
	c := fullCorpus(t)
	header, rows := export1(t, c.st, export.KindOutlets, store.ArticleFilter{})
	dims, err := c.st.ExportDims(ctx, store.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if want := export.Columns(export.KindOutlets, dims.Frames, dims.Sides); !reflect.DeepEqual(header, want) {
		t.Fatalf("header = %v, want %v", header, want)
	}
	type sums struct{ articles, words, hits, quotes, unassigned int }
	want := map[string]sums{}
	for title, id := range c.ids {
		key := c.outlet[id]
		if title == formulaTitle {
			key = "'" + key
		}
		s := want[key]
		s.articles++
		s.words += c.words[id]
		if r := c.results[id]; r != nil {
			s.hits += len(r.Hits)
			s.quotes += len(r.Quotes)
			s.unassigned += r.Unassigned
		}
		want[key] = s
	}
	if len(rows) != len(want) {
		t.Fatalf("%d outlet rows, want %d", len(rows), len(want))
	}
	frameTotals, err := c.st.FrameTotals(ctx, store.ArticleFilter{}, "outlet")
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows {
		w := want[row["outlet"]]
		got := sums{int(num(t, row, "articles")), int(num(t, row, "words")), int(num(t, row, "hits")),
			int(num(t, row, "quotes")), int(num(t, row, "unassigned"))}
		if got != w {
			t.Errorf("outlet %s = %+v, want %+v", row["outlet"], got, w)
		}
		if a := int(num(t, row, "attributions")); a+got.unassigned != got.quotes {
			t.Errorf("outlet %s: attributions %d + unassigned %d != quotes %d", row["outlet"], a, got.unassigned, got.quotes)
		}
		sum := 0
		for _, f := range dims.Frames {
			n := int(num(t, row, frameCol(f, "count")))
			sum += n
			if rate := num(t, row, frameCol(f, "per_1000")); math.Abs(rate-float64(n)*1000/float64(got.words)) > 1e-6 {
				t.Errorf("outlet %s %s per_1000 = %v, want %v", row["outlet"], f, rate, float64(n)*1000/float64(got.words))
			}
			for _, ft := range frameTotals {
				if "'"+ft.Group == row["outlet"] || ft.Group == row["outlet"] {
					if ft.Frame == f && ft.Count != n {
						t.Errorf("outlet %s %s count = %d, FrameTotals says %d", row["outlet"], f, n, ft.Count)
					}
				}
			}
		}
		if sum != got.hits {
			t.Errorf("outlet %s frame counts sum to %d, want its %d hits", row["outlet"], sum, got.hits)
		}
		if num(t, row, "attributions") > 0 {
			share, wshare, attr := 0.0, 0.0, 0.0
			for _, s := range dims.Sides {
				share += num(t, row, frameColSide(s, "share"))
				wshare += num(t, row, frameColSide(s, "words_share"))
				attr += num(t, row, frameColSide(s, "attributions"))
			}
			if math.Abs(share-1) > 1e-5 || math.Abs(wshare-1) > 1e-5 {
				t.Errorf("outlet %s shares sum to %v and %v, want 1", row["outlet"], share, wshare)
			}
			if attr != num(t, row, "attributions") {
				t.Errorf("outlet %s side attributions sum to %v, want %v", row["outlet"], attr, row["attributions"])
			}
		}
	}
	if r := findRow(rows, "outlet", "Daily B"); r == nil || r["mean_balance"] == "" {
		t.Errorf("Daily B row %v: want a mean balance (it quotes known speakers)", r)
	}
}

func findRow(rows []map[string]string, col, v string) map[string]string {
	for _, r := range rows {
		if r[col] == v {
			return r
		}
	}
	return nil
}

func TestOutletMonthsExport(t *testing.T) {
	c := fullCorpus(t)
	_, outlets := export1(t, c.st, export.KindOutlets, store.ArticleFilter{})
	header, months := export1(t, c.st, export.KindOutletMonths, store.ArticleFilter{})
	if header[1] != "month" {
		t.Fatalf("second column = %q, want month", header[1])
	}
	wantMonths := map[string]bool{}
	for id := range c.outlet {
		wantMonths[c.date[id][:7]] = true
	}
	sums := map[string]map[string]float64{}
	for _, row := range months {
		if !wantMonths[row["month"]] {
			t.Errorf("month %q is none of the articles'", row["month"])
		}
		if sums[row["outlet"]] == nil {
			sums[row["outlet"]] = map[string]float64{}
		}
		for col := range row {
			if col == "outlet" || col == "month" || strings.Contains(col, "share") || strings.Contains(col, "per_1000") ||
				strings.HasPrefix(col, "mean_") {
				continue
			}
			sums[row["outlet"]][col] += num(t, row, col)
		}
	}
	for _, row := range outlets {
		for col, v := range sums[row["outlet"]] {
			if num(t, row, col) != v {
				t.Errorf("outlet %s %s = %s, months sum to %v", row["outlet"], col, row[col], v)
			}
		}
	}
	if len(months) <= len(outlets) {
		t.Errorf("%d outlet-month rows for %d outlets, want more", len(months), len(outlets))
	}
}

func TestExportFilters(t *testing.T) {
	ctx := context.Background()
	c := fullCorpus(t)
	filters := []struct {
		name string
		f    store.ArticleFilter
	}{
		{"Outlet", store.ArticleFilter{Outlets: []string{"daily b"}}},
		{"TwoOutlets", store.ArticleFilter{Outlets: []string{"Daily B", "@Home"}}},
		{"DateRange", store.ArticleFilter{From: "2016-01-06", To: "2016-02-03"}},
		{"Frame", store.ArticleFilter{Frame: "delegitimizing"}},
		{"Side", store.ArticleFilter{Side: "russia"}},
		{"Query", store.ArticleFilter{Query: "Aleppo"}},
		{"Term", store.ArticleFilter{Term: "terrorists"}},
	}
	for _, tt := range filters {
		t.Run(tt.name, func(t *testing.T) {
			list, total, err := c.st.Articles(ctx, store.ArticleFilter{Outlets: tt.f.Outlets, From: tt.f.From, To: tt.f.To,
				Frame: tt.f.Frame, Term: tt.f.Term, Side: tt.f.Side, Query: tt.f.Query, Limit: 100})
			if err != nil {
				t.Fatalf("Articles: %v", err)
			}
			if total == 0 || total == len(c.ids) {
				t.Fatalf("filter selects %d of %d articles: a useless case", total, len(c.ids))
			}
			want := map[string]bool{}
			outlets := map[string]bool{}
			for _, a := range list {
				want[strconv.FormatInt(a.ID, 10)] = true
				outlets[a.Outlet] = true
			}
			for _, kind := range []string{export.KindArticles, export.KindHits, export.KindQuotes, export.KindSources} {
				_, rows := export1(t, c.st, kind, tt.f)
				got := map[string]bool{}
				for _, row := range rows {
					got[row["article_id"]] = true
				}
				for id := range got {
					if !want[id] {
						t.Errorf("%s export has article %s, which the filter leaves out", kind, id)
					}
				}
				if kind == export.KindArticles && !reflect.DeepEqual(got, want) {
					t.Errorf("articles export has %v, want %v", got, want)
				}
			}
			_, rows := export1(t, c.st, export.KindOutlets, tt.f)
			n := 0
			for _, row := range rows {
				n += int(num(t, row, "articles"))
			}
			if n != total {
				t.Errorf("outlets export counts %d articles, want %d", n, total)
			}
		})
	}
}

func TestFormulaNeutralisation(t *testing.T) {
	c := fullCorpus(t)
	var buf bytes.Buffer
	if err := export.Write(context.Background(), c.st, export.KindArticles, store.ArticleFilter{}, &buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(buf.Bytes(), []byte(`"'=HYPERLINK(""x"")"`)) {
		t.Errorf("output does not hold the neutralised, quoted title:\n%s", buf.String())
	}
	_, rows := parseCSV(t, buf.Bytes())
	row := findRow(rows, "article_id", strconv.FormatInt(c.ids[formulaTitle], 10))
	if row["title"] != "'"+formulaTitle || row["outlet"] != "'@Home" {
		t.Errorf("title, outlet = %q, %q; want %q, %q", row["title"], row["outlet"], "'"+formulaTitle, "'@Home")
	}
	// Number cells are never touched, however they start.
	for _, kind := range export.Kinds {
		header, rows := export1(t, c.st, kind, store.ArticleFilter{})
		for _, row := range rows {
			for _, col := range header {
				v := row[col]
				if strings.HasPrefix(v, "'") {
					if _, err := strconv.ParseFloat(v[1:], 64); err == nil {
						t.Errorf("%s %s = %q: a number was neutralised", kind, col, v)
					}
				}
				if strings.ContainsAny(v, "eE") {
					if _, err := strconv.ParseFloat(v, 64); err == nil {
						t.Errorf("%s %s = %q: a number in exponent form", kind, col, v)
					}
				}
			}
		}
	}
}

func TestFormat(t *testing.T) {
	c := fullCorpus(t)
	ctx := context.Background()
	var plain, bom bytes.Buffer
	if err := export.Write(ctx, c.st, export.KindQuotes, store.ArticleFilter{}, &plain); err != nil {
		t.Fatal(err)
	}
	if err := export.WriteWith(ctx, c.st, export.KindQuotes, store.ArticleFilter{}, &bom, export.WriteOptions{BOM: true}); err != nil {
		t.Fatal(err)
	}
	t.Run("CRLF", func(t *testing.T) {
		if !bytes.HasPrefix(plain.Bytes(), []byte("article_id,outlet,published,kind,speaker,side,words,cue,mention,start,end,text,registry_version\r\n")) {
			t.Errorf("header line = %q", strings.SplitN(plain.String(), "\n", 2)[0])
		}
		if !bytes.HasSuffix(plain.Bytes(), []byte("\r\n")) {
			t.Errorf("output does not end with CRLF")
		}
	})
	t.Run("NoBOMByDefault", func(t *testing.T) {
		if bytes.HasPrefix(plain.Bytes(), []byte("\xef\xbb\xbf")) {
			t.Errorf("default output starts with a BOM")
		}
	})
	t.Run("BOM", func(t *testing.T) {
		if !bytes.Equal(bom.Bytes(), append([]byte("\xef\xbb\xbf"), plain.Bytes()...)) {
			t.Errorf("BOM output is not the BOM followed by the plain output")
		}
	})
	t.Run("RoundedFloats", func(t *testing.T) {
		_, rows := export1(t, c.st, export.KindArticles, store.ArticleFilter{})
		for _, row := range rows {
			for col, v := range row {
				if i := strings.IndexByte(v, '.'); i >= 0 && strings.HasSuffix(col, "share") && len(v)-i-1 > 6 {
					t.Errorf("%s = %q has more than 6 decimals", col, v)
				}
			}
		}
		// The hand-built article quotes one west and one east speaker.
		row := findRow(rows, "article_id", strconv.FormatInt(c.ids[formulaTitle], 10))
		if row["west_share"] != "0.5" || row["east_share"] != "0.5" || row["balance"] != "1" {
			t.Errorf("west, east share, balance = %q, %q, %q; want 0.5, 0.5, 1", row["west_share"], row["east_share"], row["balance"])
		}
		wantWS := strconv.FormatFloat(math.Round(float64(analysis.CountWords(trickyQuote))/float64(analysis.CountWords(trickyQuote)+2)*1e6)/1e6, 'f', -1, 64)
		if row["west_words_share"] != wantWS {
			t.Errorf("west_words_share = %q, want %q", row["west_words_share"], wantWS)
		}
	})
}

func TestWriteErrors(t *testing.T) {
	c := fullCorpus(t)
	tests := []struct {
		name string
		kind string
		f    store.ArticleFilter
	}{
		{"UnknownKind", "frames", store.ArticleFilter{}},
		{"BadDateArticles", export.KindArticles, store.ArticleFilter{From: "yesterday"}},
		{"BadDateHits", export.KindHits, store.ArticleFilter{To: "2016-02-30"}},
		{"BadDateOutlets", export.KindOutlets, store.ArticleFilter{From: "2016"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := export.WriteWith(context.Background(), c.st, tt.kind, tt.f, &buf, export.WriteOptions{BOM: true})
			if analysis.ErrorCode(err) != analysis.EINVALID {
				t.Errorf("error = %v, want EINVALID", err)
			}
			if buf.Len() != 0 {
				t.Errorf("wrote %d bytes before failing, want none: %q", buf.Len(), buf.String())
			}
		})
	}
}

// failingWriter fails every write after the first n bytes.
type failingWriter struct{ n, written int }

var errWriterGone = errors.New("client went away")

func (w *failingWriter) Write(p []byte) (int, error) {
	if w.written+len(p) > w.n {
		return 0, errWriterGone
	}
	w.written += len(p)
	return len(p), nil
}

// manyArticles stores n articles of four outlets over a year, each with
// hits hits and three quotes, in batches.
func manyArticles(t testing.TB, n, hits int) *store.Store {
	t.Helper()
	st := openStore(t)
	outlets := []string{"Outlet A", "Outlet B", "Outlet C", "Outlet D"}
	words := strings.Fields("government forces rebels militants shelled the city while officials said the army had pushed back fighters")
	var batch []store.ArticleWithResult
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "Report %d.", i)
		for j := range 300 {
			b.WriteByte(' ')
			b.WriteString(words[(i+j*7)%len(words)])
		}
		text := b.String()
		var hs []analysis.Hit
		for j := range hits {
			at := 10 + j*20
			hs = append(hs, analysis.Hit{Term: text[at : at+4], Pattern: "p" + strconv.Itoa(j%5),
				Frame: []string{"a", "b", "c"}[j%3], Actor: "x", Valence: j%5 - 2,
				Voice: analysis.Voices[j%3], Start: at, End: at + 4})
		}
		qs := []analysis.Quote{
			{Text: text[40:60], Start: 40, End: 60, Kind: analysis.QuoteDirect, Speaker: "A", Side: "west", Words: 4},
			{Text: text[80:90], Start: 80, End: 90, Kind: analysis.QuoteReported, Speaker: "B", Side: "east", Words: 2},
			{Text: text[100:120], Start: 100, End: 120, Kind: analysis.QuoteDirect, Side: analysis.SideUnassigned, Words: 3},
		}
		r := handResult(text, hs, qs, 2)
		a := store.NewArticle{Outlet: outlets[i%4], Title: "Article " + strconv.Itoa(i),
			Published: fmt.Sprintf("2016-%02d-%02d", 1+i%12, 1+i%28), Text: text, Words: r.Words}
		batch = append(batch, store.ArticleWithResult{Article: a, Result: r})
		if len(batch) == 500 || i == n-1 {
			out, err := st.SaveArticles(context.Background(), batch)
			if err != nil {
				t.Fatalf("SaveArticles: %v", err)
			}
			for _, o := range out {
				if o.Err != nil || o.Duplicate {
					t.Fatalf("SaveArticles outcome: %+v", o)
				}
			}
			batch = batch[:0]
		}
	}
	return st
}

func TestManyArticlesStream(t *testing.T) {
	if testing.Short() {
		t.Skip("stores 3,000 articles")
	}
	const n, hits = 3000, 12
	st := manyArticles(t, n, hits)
	ctx := context.Background()
	for _, tt := range []struct {
		kind string
		rows int
	}{{export.KindArticles, n}, {export.KindHits, n * hits}, {export.KindQuotes, n * 3}, {export.KindSources, n * 2}} {
		t.Run(tt.kind, func(t *testing.T) {
			_, rows := export1(t, st, tt.kind, store.ArticleFilter{})
			if len(rows) != tt.rows {
				t.Errorf("%d rows, want %d", len(rows), tt.rows)
			}
		})
	}
	t.Run("OutletMonths", func(t *testing.T) {
		_, rows := export1(t, st, export.KindOutletMonths, store.ArticleFilter{})
		if len(rows) != 12 { // outlet i%4 and month i%12: each outlet meets 3 months
			t.Errorf("%d outlet-month rows, want 12", len(rows))
		}
		total := 0
		for _, row := range rows {
			total += int(num(t, row, "hits"))
			if row["west_share"] != "0.5" {
				t.Errorf("%s %s west_share = %q, want 0.5", row["outlet"], row["month"], row["west_share"])
			}
		}
		if total != n*hits {
			t.Errorf("hits sum to %d, want %d", total, n*hits)
		}
	})
	t.Run("WriterFailureStopsTheWalk", func(t *testing.T) {
		w := &failingWriter{n: 200 << 10}
		err := export.Write(ctx, st, export.KindHits, store.ArticleFilter{}, w)
		if !errors.Is(err, errWriterGone) {
			t.Errorf("error = %v, want the writer's", err)
		}
		if w.written == 0 || w.written > w.n {
			t.Errorf("wrote %d bytes, want some and at most %d", w.written, w.n)
		}
	})
	t.Run("Cancelled", func(t *testing.T) {
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		if err := export.Write(cctx, st, export.KindArticles, store.ArticleFilter{}, &bytes.Buffer{}); !errors.Is(err, context.Canceled) {
			t.Errorf("error = %v, want context.Canceled", err)
		}
	})
}

// TestGolden compares the exports of a small hand-built corpus, with no
// lexicon active, with the files under testdata/golden (go test -update
// rewrites them).
func TestGolden(t *testing.T) {
	c := newCorpus(t)
	c.save(t, "@Home", formulaTitle, "2016-01-10", handText, handArticle())
	c.save(t, "Wire A", "Undated, \"quoted\" title", "", "Rebels said nothing.", handResult("Rebels said nothing.",
		[]analysis.Hit{{Term: "Rebels", Pattern: "rebel*", Frame: "neutral", Actor: "opposition", Voice: analysis.VoiceOwn, Start: 0, End: 6}},
		nil, 2))
	c.save(t, "Wire A", "Not analysed", "2016-02-01", "Only stored.", nil)
	for _, kind := range export.Kinds {
		t.Run(kind, func(t *testing.T) {
			var buf bytes.Buffer
			if err := export.Write(context.Background(), c.st, kind, store.ArticleFilter{}, &buf); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "golden", kind+".csv")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("%s export differs from %s:\ngot\n%s\nwant\n%s", kind, path, buf.String(), want)
			}
		})
	}
}

// BenchmarkExportHits exports every hit of 2,000 stored articles with 30
// hits each and reports rows/s.
func BenchmarkExportHits(b *testing.B) {
	const n, hits = 2000, 30
	st := manyArticles(b, n, hits)
	ctx := context.Background()
	b.ResetTimer()
	var size int64
	for range b.N {
		w := &countingWriter{}
		if err := export.Write(ctx, st, export.KindHits, store.ArticleFilter{}, w); err != nil {
			b.Fatal(err)
		}
		size = w.n
	}
	b.ReportMetric(float64(n*hits*b.N)/b.Elapsed().Seconds(), "rows/s")
	b.SetBytes(size)
}

// BenchmarkExportArticles exports 2,000 stored articles with their frame
// and side columns and reports rows/s.
func BenchmarkExportArticles(b *testing.B) {
	const n = 2000
	st := manyArticles(b, n, 30)
	ctx := context.Background()
	b.ResetTimer()
	for range b.N {
		if err := export.Write(ctx, st, export.KindArticles, store.ArticleFilter{}, &countingWriter{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "rows/s")
}

type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }
