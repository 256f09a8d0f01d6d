package ingest

import (
	"encoding/json"
	"net/url"
	"regexp"
	"strings"
	"unicode"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/framinglens/framinglens/internal/analysis"
)

// htmlMetadata is what the page says about itself in <head>, JSON-LD and
// <time> elements, collected before readability rewrites the tree.
type htmlMetadata struct {
	lang        string
	titleTag    string
	props       map[string]string // <meta property|name|itemprop=... content=...>, lower-case keys, first wins
	canonical   string
	timeElement string // datetime of the first <time> marked as publication, else of the first <time>
	ld          htmlLinkedData
}

// htmlLinkedData holds the fields read from JSON-LD article objects.
type htmlLinkedData struct {
	headline, datePublished, author, publisher, url, language string
}

// htmlDateKeys are <meta> keys carrying the publication date, best first.
var htmlDateKeys = []string{
	"article:published_time", "og:published_time", "published_time", "datepublished",
	"article.published", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dc.date",
	"dcterms.created", "dcterms.date", "citation_publication_date", "publishdate",
	"publish-date", "publish_date", "pubdate", "date", "article:published", "og:pubdate",
	"displaydate", "originalpublicationdate",
}

// htmlAuthorKeys are <meta> keys carrying the author, best first.
var htmlAuthorKeys = []string{"author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl", "citation_author"}

// extractHTML decodes an HTML page, reads its metadata and extracts the main
// text with go-readability (codeberg.org/readeck/go-readability/v2, a line-by-
// line port of Mozilla's Readability.js that keeps the document tree, so the
// text can be rebuilt paragraph by paragraph).
func extractHTML(raw []byte) (*Article, error) {
	s, err := decodeText(raw, true)
	if err != nil {
		return nil, err
	}
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		if strings.Contains(err.Error(), "open stack of elements") {
			// The parser gives up on elements nested hundreds deep.
			return nil, analysis.Errorf(analysis.EINVALID, "unreadable HTML (elements nested too deeply)")
		}
		return nil, analysis.Errorf(analysis.EINVALID, "unreadable HTML")
	}
	md := htmlCollect(doc)
	a := &Article{}
	a.URL = firstNonEmpty(htmlAbsURL(md.props["og:url"]), htmlAbsURL(md.canonical), htmlAbsURL(md.ld.url))
	var pageURL *url.URL
	if a.URL != "" {
		pageURL, _ = url.Parse(a.URL)
	}
	parser := readability.NewParser()
	art, err := parser.ParseAndMutate(doc, pageURL)
	if err == nil && art.Node != nil {
		a.Text = decodeNormalize(htmlDropBoilerplate(htmlBlockText(art.Node)))
	}
	// Readability falls back to whatever the body holds; a handful of words
	// (a menu, a cookie notice) is not an article.
	if len(strings.Fields(a.Text)) < htmlMinWords {
		return nil, analysis.Errorf(analysis.EINVALID, "no text extracted")
	}
	a.Title = htmlClean(firstNonEmpty(art.Title(), md.ld.headline, md.props["og:title"], md.props["twitter:title"], md.titleTag))
	a.Outlet = htmlClean(firstNonEmpty(md.props["og:site_name"], md.ld.publisher, art.SiteName(), md.props["application-name"]))
	if a.Outlet == "" {
		a.Outlet = outletFromURL(a.URL)
	}
	dates := []string{md.props["article:published_time"], md.ld.datePublished}
	for _, k := range htmlDateKeys[1:] {
		dates = append(dates, md.props[k])
	}
	dates = append(dates, md.timeElement)
	for _, d := range dates {
		if a.Published = normalizeDate(d); a.Published != "" {
			break
		}
	}
	if a.Published == "" {
		if t, err := art.PublishedTime(); err == nil {
			a.Published = t.Format("2006-01-02T15:04:05Z07:00")
		}
	}
	authors := []string{md.ld.author}
	for _, k := range htmlAuthorKeys {
		if v := md.props[k]; !strings.HasPrefix(v, "http") {
			authors = append(authors, v)
		}
	}
	authors = append(authors, art.Byline())
	a.Author = htmlCleanAuthor(firstNonEmpty(authors...))
	a.Language = htmlClean(firstNonEmpty(md.lang, md.props["content-language"], md.ld.language, art.Language(), md.props["og:locale"]))
	return a, nil
}

// htmlMinWords is the fewest words an extracted page must have.
const htmlMinWords = 5

// firstNonEmpty returns the first argument that is not blank, trimmed.
func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// htmlClean collapses white space in a metadata value.
func htmlClean(s string) string { return strings.Join(strings.Fields(s), " ") }

// htmlCleanAuthor drops a leading "By" from a byline.
func htmlCleanAuthor(s string) string {
	s = htmlClean(s)
	if len(s) > 3 && strings.EqualFold(s[:3], "by ") {
		s = strings.TrimSpace(s[3:])
	}
	return s
}

// htmlAbsURL returns u when it is an absolute http(s) URL, else "".
func htmlAbsURL(u string) string {
	u = strings.TrimSpace(u)
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return u
}

// htmlAttr returns the value of attribute key of n.
func htmlAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// htmlCollect walks the whole document once for the metadata.
func htmlCollect(doc *html.Node) htmlMetadata {
	md := htmlMetadata{props: map[string]string{}}
	var firstTime, pubTime string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				md.lang = htmlAttr(n, "lang")
			case atom.Title:
				if md.titleTag == "" && n.FirstChild != nil {
					md.titleTag = n.FirstChild.Data
				}
			case atom.Meta:
				content := htmlAttr(n, "content")
				for _, k := range []string{"property", "name", "itemprop", "http-equiv"} {
					key := strings.ToLower(strings.TrimSpace(htmlAttr(n, k)))
					if key != "" && content != "" {
						if _, ok := md.props[key]; !ok {
							md.props[key] = content
						}
					}
				}
			case atom.Link:
				if strings.EqualFold(htmlAttr(n, "rel"), "canonical") && md.canonical == "" {
					md.canonical = htmlAttr(n, "href")
				}
			case atom.Time:
				dt := htmlAttr(n, "datetime")
				if dt != "" {
					if firstTime == "" {
						firstTime = dt
					}
					_, isPub := htmlHasAttr(n, "pubdate")
					if pubTime == "" && (isPub || strings.EqualFold(htmlAttr(n, "itemprop"), "datePublished")) {
						pubTime = dt
					}
				}
			case atom.Script:
				if strings.Contains(strings.ToLower(htmlAttr(n, "type")), "ld+json") && n.FirstChild != nil {
					htmlLinkedDataFrom(n.FirstChild.Data, &md.ld)
				}
				return
			case atom.Style:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	md.timeElement = firstNonEmpty(pubTime, firstTime)
	return md
}

// htmlHasAttr reports whether n has attribute key.
func htmlHasAttr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// htmlArticleTypes are the schema.org types whose fields describe the
// article itself.
var htmlArticleTypes = map[string]bool{
	"article": true, "newsarticle": true, "reportagenewsarticle": true, "blogposting": true,
	"analysisnewsarticle": true, "opinionnewsarticle": true, "reviewnewsarticle": true,
	"backgroundnewsarticle": true, "liveblogposting": true, "scholarlyarticle": true,
	"socialmediaposting": true, "webpage": true, "report": true,
}

// htmlLinkedDataFrom reads JSON-LD text and fills ld's empty fields from the
// article objects in it (top level, arrays and @graph).
func htmlLinkedDataFrom(text string, ld *htmlLinkedData) {
	var v any
	if err := json.Unmarshal([]byte(strings.TrimSpace(text)), &v); err != nil {
		return
	}
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if depth > 4 {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e, depth+1)
			}
		case map[string]any:
			if g, ok := x["@graph"]; ok {
				visit(g, depth+1)
			}
			if !htmlIsArticleType(x["@type"]) {
				return
			}
			set := func(dst *string, val string) {
				if *dst == "" {
					*dst = strings.TrimSpace(val)
				}
			}
			set(&ld.headline, jsonString(x["headline"]))
			set(&ld.datePublished, jsonString(x["datePublished"]))
			set(&ld.author, jsonString(x["author"]))
			set(&ld.publisher, jsonString(x["publisher"]))
			set(&ld.url, jsonString(x["url"]))
			set(&ld.language, jsonString(x["inLanguage"]))
		}
	}
	visit(v, 0)
}

// htmlIsArticleType reports whether a JSON-LD @type (string or list) names
// an article type.
func htmlIsArticleType(t any) bool {
	switch x := t.(type) {
	case string:
		return htmlArticleTypes[strings.ToLower(x)]
	case []any:
		for _, e := range x {
			if htmlIsArticleType(e) {
				return true
			}
		}
	}
	return false
}

// htmlBlockTags end the current paragraph when they open or close.
var htmlBlockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Header: true,
	atom.Footer: true, atom.Aside: true, atom.Main: true, atom.Nav: true, atom.H1: true,
	atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Ul: true,
	atom.Ol: true, atom.Li: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tr: true, atom.Thead: true,
	atom.Tbody: true, atom.Tfoot: true, atom.Caption: true, atom.Figure: true,
	atom.Figcaption: true, atom.Hr: true, atom.Form: true, atom.Fieldset: true,
	atom.Address: true, atom.Details: true, atom.Summary: true, atom.Center: true,
}

// htmlSkipTags hold no article text.
var htmlSkipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Button: true, atom.Select: true, atom.Iframe: true,
	atom.Object: true, atom.Head: true, atom.Textarea: true,
}

// htmlTextBuilder gathers paragraphs from an HTML tree.
type htmlTextBuilder struct {
	paras []string
	cur   []rune
	space bool // a space is pending before the next word
}

// htmlBlockText renders the text of n paragraph by paragraph: every block
// element starts a new paragraph, <br> a new line, table cells are
// separated by a space, and white space inside a paragraph is collapsed
// (except in <pre>). Paragraphs are joined by blank lines.
func htmlBlockText(n *html.Node) string {
	b := &htmlTextBuilder{}
	b.walk(n, false)
	b.flush()
	return strings.Join(b.paras, "\n\n")
}

func (b *htmlTextBuilder) flush() {
	t := strings.TrimSpace(string(b.cur))
	if t != "" {
		b.paras = append(b.paras, t)
	}
	b.cur = b.cur[:0]
	b.space = false
}

func (b *htmlTextBuilder) text(s string, pre bool) {
	if pre {
		b.cur = append(b.cur, []rune(s)...)
		return
	}
	for _, r := range s {
		if unicode.IsSpace(r) {
			b.space = true
			continue
		}
		if b.space && len(b.cur) > 0 && b.cur[len(b.cur)-1] != '\n' {
			b.cur = append(b.cur, ' ')
		}
		b.space = false
		b.cur = append(b.cur, r)
	}
}

func (b *htmlTextBuilder) walk(n *html.Node, pre bool) {
	switch n.Type {
	case html.TextNode:
		b.text(n.Data, pre)
		return
	case html.ElementNode:
		if htmlSkipTags[n.DataAtom] {
			return
		}
		switch n.DataAtom {
		case atom.Br:
			b.cur = append(b.cur, '\n')
			b.space = false
			return
		case atom.Td, atom.Th:
			b.space = true
		case atom.Pre:
			pre = true
		}
	case html.CommentNode, html.DoctypeNode:
		return
	}
	block := n.Type == html.ElementNode && htmlBlockTags[n.DataAtom]
	if block {
		b.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.walk(c, pre)
	}
	if block {
		b.flush()
	} else if n.Type == html.ElementNode && (n.DataAtom == atom.Td || n.DataAtom == atom.Th) {
		b.space = true
	}
}

// htmlFragmentText turns an HTML fragment found in a CSV or JSON text field
// into plain text, without main-content extraction.
func htmlFragmentText(s string) string {
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return s
	}
	b := &htmlTextBuilder{}
	for _, n := range nodes {
		b.walk(n, false)
	}
	b.flush()
	return strings.Join(b.paras, "\n\n")
}

// htmlFragmentLike reports whether a text field holds HTML markup rather
// than plain text.
func htmlFragmentLike(s string) bool {
	head := s[:min(len(s), 4096)]
	if t := strings.TrimSpace(head); len(t) >= 2 && t[0] == '<' && t[1]|0x20 == 'p' {
		return true
	}
	// Tags in any case, counted from each '<' without lower-casing a copy.
	n := 0
	for i := strings.IndexByte(head, '<'); i >= 0 && n < 2; {
		rest := head[i+1:]
		if htmlHasPrefixFold(rest, "/p>") || htmlHasPrefixFold(rest, "br") || htmlHasPrefixFold(rest, "/div>") {
			n++
		}
		j := strings.IndexByte(rest, '<')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return n >= 2
}

// htmlHasPrefixFold reports whether s starts with the lower-case ASCII
// prefix, in any case.
func htmlHasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// htmlBoilerplate matches short paragraphs that readability keeps but that
// are page furniture, not article text: advertising labels, reading-time
// badges, "related" headers, copyright lines, newsletter and letter-to-the-
// editor pitches, photo credits. Measured on the trafilatura English pages,
// where these were most of the kept boilerplate snippets.
var htmlBoilerplate = regexp.MustCompile(`(?i)^(advertisement:?|advertising|related (coverage|articles|stories|content|links|reading)|\d+ min(ute)?s? read|read more:?|share this( article| story)?|(photo |image )?credit:.*|(copyright )?©.*|.*\ball rights reserved\.?|we want to hear what you think.*|.*\b(sign up|subscribe)\b.*\b(newsletter|by email|inbox|free)\b.*|.*\b(newsletter|by email|inbox)\b.*\b(sign up|subscribe)\b.*)$`)

// htmlDropBoilerplate removes the paragraphs of text (separated by blank
// lines) of at most 30 words that match htmlBoilerplate.
func htmlDropBoilerplate(text string) string {
	paras := strings.Split(text, "\n\n")
	kept := paras[:0]
	for _, p := range paras {
		t := strings.TrimSpace(p)
		if len(strings.Fields(t)) <= 30 && htmlBoilerplate.MatchString(t) {
			continue
		}
		kept = append(kept, p)
	}
	return strings.Join(kept, "\n\n")
}
