package views_test

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/framinglens/framinglens/views"
)

func TestScratch(t *testing.T) {
	text := "The rebels said \"the regime fell\" today.\n\nSecond para with militants."
	v := views.ArticleView{ID: 3, Title: "T<script>", Text: text,
		Hits: []views.HitView{{Term: "rebels", Pattern: "rebel", Frame: "insurgency", Voice: "own", Start: 4, End: 10}, {Term: "regime", Pattern: "regime", Frame: "authority", Voice: "quoted", Start: 21, End: 27}},
		Quotes: []views.QuoteView{{Start: 17, End: 32, Kind: "direct", Speaker: "Bob", Side: "unassigned"}},
	}
	var b bytes.Buffer
	views.ArticlePage(v).Render(context.Background(), &b)
	s := b.String()
	i := bytes.Index(b.Bytes(), []byte("article-body"))
	fmt.Println(s[i : i+1500])
}
