package export_test

import (
	"flag"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/export"
	"github.com/framinglens/framinglens/internal/store"
)

func TestFlags(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantKind   string
		wantFilter store.ArticleFilter
		wantBOM    bool
		errPart    string
	}{
		{name: "AllFilters", args: []string{"--what", "hits", "--outlet", "BBC", "--outlet=Fox News", "--from", "2016-01-01",
			"--to", "2016-12-31", "--frame", "delegitimizing", "--term", "rebel*", "--side", "russia", "--q", "Aleppo siege",
			"--sort", "-hits", "--bom"},
			wantKind: "hits", wantBOM: true,
			wantFilter: store.ArticleFilter{Outlets: []string{"BBC", "Fox News"}, From: "2016-01-01", To: "2016-12-31",
				Frame: "delegitimizing", Term: "rebel*", Side: "russia", Query: "Aleppo siege", Sort: "-hits"}},
		{name: "OutletMonths", args: []string{"--what=outlet-months"}, wantKind: "outlet-months"},
		{name: "MissingWhat", args: []string{"--outlet", "BBC"}, errPart: "--what is required: one of articles, hits"},
		{name: "UnknownWhat", args: []string{"--what", "frames"}, errPart: "want one of articles, hits, quotes, sources, outlets, outlet-months"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := flag.NewFlagSet("export", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			var fl export.Flags
			fl.Register(fs)
			if err := fs.Parse(tt.args); err != nil {
				t.Fatalf("Parse: %v", err)
			}
			kind, err := fl.Kind()
			if tt.errPart != "" {
				if analysis.ErrorCode(err) != analysis.EINVALID || !strings.Contains(err.Error(), tt.errPart) {
					t.Fatalf("Kind() error = %v, want EINVALID containing %q", err, tt.errPart)
				}
				return
			}
			if err != nil || kind != tt.wantKind {
				t.Fatalf("Kind() = %q, %v; want %q", kind, err, tt.wantKind)
			}
			if got := fl.Filter(); !reflect.DeepEqual(got, tt.wantFilter) {
				t.Errorf("Filter() = %+v, want %+v", got, tt.wantFilter)
			}
			if fl.Options().BOM != tt.wantBOM {
				t.Errorf("BOM = %v, want %v", fl.Options().BOM, tt.wantBOM)
			}
		})
	}
	t.Run("EmptyOutletRejected", func(t *testing.T) {
		fs := flag.NewFlagSet("export", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		var fl export.Flags
		fl.Register(fs)
		if err := fs.Parse([]string{"--outlet", " "}); err == nil {
			t.Errorf("Parse(--outlet ' ') succeeded, want an error")
		}
	})
}
