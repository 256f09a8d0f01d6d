package export

import (
	"flag"
	"strings"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/store"
)

// Flags are the options of the export command: which export, and the
// filters of the dashboard's pages.
type Flags struct {
	What    string
	Outlets Strings
	From    string
	To      string
	Frame   string
	Term    string
	Side    string
	Query   string
	Sort    string
	BOM     bool
}

// Register defines the flags on fs.
func (fl *Flags) Register(fs *flag.FlagSet) {
	fs.StringVar(&fl.What, "what", "", "what to export: "+strings.Join(Kinds, ", ")+" (required)")
	fs.Var(&fl.Outlets, "outlet", "only articles of this outlet (name or alias; repeat for several)")
	fs.StringVar(&fl.From, "from", "", "only articles published on or after this date (YYYY-MM-DD)")
	fs.StringVar(&fl.To, "to", "", "only articles published on or before this date (YYYY-MM-DD)")
	fs.StringVar(&fl.Frame, "frame", "", "only articles with a hit in this frame")
	fs.StringVar(&fl.Term, "term", "", "only articles with a hit of this pattern or term")
	fs.StringVar(&fl.Side, "side", "", "only articles quoting a speaker of this side")
	fs.StringVar(&fl.Query, "q", "", "only articles matching these words (full-text search)")
	fs.StringVar(&fl.Sort, "sort", "", "article order: "+strings.Join(store.ArticleSorts(), ", ")+" (default: oldest first)")
	fs.BoolVar(&fl.BOM, "bom", false, "start the file with a UTF-8 byte-order mark, for Excel")
}

// Kind returns the export kind --what names; a missing or unknown one is an
// EINVALID *analysis.Error listing the kinds.
func (fl *Flags) Kind() (string, error) {
	if strings.TrimSpace(fl.What) == "" {
		return "", analysis.Errorf(analysis.EINVALID, "--what is required: one of %s", strings.Join(Kinds, ", "))
	}
	return ParseKind(fl.What)
}

// Filter returns the article filter the flags describe.
func (fl *Flags) Filter() store.ArticleFilter {
	return store.ArticleFilter{
		Outlets: append([]string(nil), fl.Outlets...),
		From:    fl.From, To: fl.To,
		Frame: fl.Frame, Term: fl.Term, Side: fl.Side, Query: fl.Query,
		Sort: fl.Sort,
	}
}

// Options returns the write options the flags describe.
func (fl *Flags) Options() WriteOptions { return WriteOptions{BOM: fl.BOM} }

// Strings is a flag.Value collecting every use of a repeated flag.
type Strings []string

// String returns the values joined by commas.
func (s *Strings) String() string { return strings.Join(*s, ",") }

// Set adds one value; an empty one is an error, as it would select nothing.
func (s *Strings) Set(v string) error {
	v = strings.TrimSpace(v)
	if v == "" {
		return analysis.Errorf(analysis.EINVALID, "empty value")
	}
	*s = append(*s, v)
	return nil
}
