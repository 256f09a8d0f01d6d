// Command web is Framing Lens: a dashboard and command-line tools for
// media-bias and framing analysis of news articles.
//
//	web [serve]   run the dashboard (the default)
//	web analyze   print one article's scores as JSON lines
//	web import    bring articles into the database
//	web export    write scores as CSV
//	web backup    copy the database consistently
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// errReported means the command already told the user what went wrong (per
// file, on stderr) and only the exit status is left to set.
var errReported = errors.New("reported")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, errReported) {
			fmt.Fprintln(os.Stderr, "framinglens:", err)
		}
		os.Exit(1)
	}
}

const usage = `Framing Lens: framing and source-balance analysis of news articles.

Usage:
  web [serve] [--addr 127.0.0.1:8080] [--db data/framinglens.db]
              [--auth token:ENVVAR|basic:USER:ENVVAR] [--auth-public-read]
                                  run the dashboard
  web analyze [--lexicon NAME|FILE] [--sources NAME|FILE] FILE...
                                  print each article's scores as one JSON line ('-' reads stdin)
  web import [--db F] [--outlet NAME] PATH...
                                  import files, folders, zips, CSV/JSONL dumps ('-' reads stdin)
  web export [--db F] --what articles|hits|quotes|sources|outlets|outlet-months
             [--outlet NAME]... [--from DATE] [--to DATE] [--frame F] [--term T]
             [--side S] [--q TEXT] [--sort KEY] [--bom]
                                  write CSV to stdout
  web backup [--db F] FILE        write a consistent copy of the database to FILE
  web help                        show this text
`

// run dispatches to a subcommand. It returns an error instead of exiting so
// tests can call it.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	cmd := "serve"
	// A leading flag belongs to serve, the default command, except -h and
	// --help, which show the usage of them all.
	if len(args) > 0 && len(args[0]) > 0 && (args[0][0] != '-' || args[0] == "-h" || args[0] == "--help") {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "serve":
		return runServe(ctx, args, stderr)
	case "analyze":
		return runAnalyze(ctx, args, stdin, stdout, stderr)
	case "import":
		return runImport(ctx, args, stdin, stdout, stderr)
	case "export":
		return runExport(ctx, args, stdout, stderr)
	case "backup":
		return runBackup(ctx, args, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return fmt.Errorf("unknown command %q", cmd)
}
