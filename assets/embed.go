// Package assets holds the dashboard's CSS, JavaScript and the pinned
// front-end packages (htmx, ECharts), embedded in the binary so the
// dashboard works on a machine with no internet.
package assets

import "embed"

// FS holds the files served under /assets/.
//
//go:embed css js vendor
var FS embed.FS
