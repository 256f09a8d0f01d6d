// Command web is Framing Lens: a dashboard and command-line tools for
// media-bias and framing analysis of news articles.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "framinglens: not yet wired")
	os.Exit(2)
}
