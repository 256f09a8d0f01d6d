package handlers

import "github.com/labstack/echo/v4"

// routes lists every route of the dashboard in one table.
func (s *Server) routes(e *echo.Echo) {
	e.GET("/assets/*", assetsHandler())                            // embedded CSS, JS, htmx, ECharts
	e.GET("/", s.overviewShow)                                     // corpus figures, latest uploads; first-run help when empty
	e.GET("/upload", s.uploadShow)                                 // the upload form
	e.POST("/upload", s.uploadCreate)                              // files (many, zips, dumps) or pasted text
	e.GET("/articles", s.articleList)                              // filtered, sorted, paginated list
	e.POST("/articles/delete", s.articleDelete)                    // bulk delete of the checked articles
	e.GET("/articles/:id", s.articleShow)                          // highlighted text and scores
	e.POST("/articles/:id/false-positives", s.falsePositiveCreate) // mark a hit as no label
	e.GET("/terms", s.termShow)                                    // search box; ?q=word shows any word in context
	e.GET("/terms/:pattern", s.termShow)                           // keyword in context of one lexicon pattern
	e.GET("/lexicons", s.lexiconShow)                              // the active lexicon, its entries and precision
	e.POST("/lexicons/active", s.lexiconActivate)                  // choose the active lexicon
	e.POST("/lexicons/import", s.lexiconImport)                    // CSV, YAML or LIWC file
	e.GET("/lexicons/:file", s.lexiconExport)                      // NAME.csv
	e.POST("/lexicons/:name/entries", s.entryCreate)               // add an entry
	e.POST("/lexicons/:name/entries/:i", s.entryUpdate)            // edit an entry
	e.POST("/lexicons/:name/entries/:i/delete", s.entryDelete)     // delete an entry
	e.GET("/rescore/status", s.rescoreStatus)                      // progress of background rescoring (fragment or JSON)
	e.GET("/sources", s.sourceList)                                // speakers in the corpus, unassigned first
	e.POST("/sources/assign", s.sourceAssign)                      // put speakers on a side
	e.POST("/sources/registry/import", s.registryImport)           // registry CSV
	e.GET("/sources/registry.csv", s.registryExport)               // the active registry as CSV
	e.GET("/outlets", s.outletsShow)                               // outlets table: rates, label mix, sides, balance; sortable
	e.POST("/outlets/merge", s.outletMerge)                        // merge one outlet into another
	e.POST("/outlets/rename", s.outletRename)                      // rename an outlet, keeping the old name as alias
	e.POST("/outlets/aliases", s.outletAlias)                      // add an alias to an outlet
	e.GET("/compare", s.compareShow)                               // 2 to 8 outlets side by side
	e.GET("/compare/data/:file", s.compareData)                    // NAME.csv: the numbers of one comparison chart
	e.GET("/compare/story", s.compareStory)                        // one event in the chosen outlets, side by side
	e.GET("/export/:file", s.exportCSV)                            // articles|hits|quotes|sources|outlets .csv, with the page's filters

	api := e.Group("/api")
	api.GET("/articles", s.apiArticles)    // article rows, same filters as /articles
	api.GET("/articles/:id", s.apiArticle) // one article's full result
	api.GET("/hits", s.apiHits)            // hits, long format
	api.GET("/quotes", s.apiQuotes)        // quotes with speakers and sides
	api.GET("/sources", s.apiSources)      // speakers summed over articles
	api.GET("/outlets", s.apiOutlets)      // outlets with aggregates
	api.POST("/upload", s.apiUpload)       // same as POST /upload, answers JSON
	api.GET("/rescore", s.rescoreStatus)   // rescoring progress
}
