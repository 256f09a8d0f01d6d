// Command vulngate reads the JSON output of govulncheck on standard input
// and fails when the code calls a vulnerable function that is not on the
// allow list. govulncheck itself has no way to accept a finding, and a
// finding with no fixed version (or a fix only in a Go release this
// project's machines cannot install yet) would otherwise fail every run.
// Every accepted finding is printed on each run, so none is forgotten.
//
//	govulncheck -format json ./... | go run ./vulngate ../.ci/vuln-allow.txt
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// message is the part of one govulncheck JSON message vulngate reads.
type message struct {
	Finding *struct {
		OSV          string `json:"osv"`
		FixedVersion string `json:"fixed_version"`
		Trace        []struct {
			Module   string `json:"module"`
			Package  string `json:"package"`
			Function string `json:"function"`
			Receiver string `json:"receiver"`
		} `json:"trace"`
	} `json:"finding"`
}

func main() {
	if err := run(os.Stdin, os.Stdout, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "vulngate:", err)
		os.Exit(1)
	}
}

// run reads govulncheck's messages from in and the allow list named in
// args, reports to out, and fails on any called finding not allowed.
func run(in io.Reader, out io.Writer, args []string) error {
	if len(args) != 1 {
		return errors.New("usage: govulncheck -format json ./... | vulngate ALLOWLIST")
	}
	allowed, err := readAllowList(args[0])
	if err != nil {
		return err
	}
	called := map[string]string{} // OSV ID -> fixed version
	dec := json.NewDecoder(in)
	for {
		var m message
		if err := dec.Decode(&m); err == io.EOF {
			break
		} else if err != nil {
			return fmt.Errorf("read govulncheck output: %w", err)
		}
		f := m.Finding
		// A finding whose trace starts at a function is one the code calls;
		// the others are only imported or required.
		if f == nil || len(f.Trace) == 0 || f.Trace[0].Function == "" {
			continue
		}
		called[f.OSV] = f.FixedVersion
	}
	ids := make([]string, 0, len(called))
	for id := range called {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var bad []string
	for _, id := range ids {
		fix := called[id]
		if fix == "" {
			fix = "no fix"
		}
		if why, ok := allowed[id]; ok {
			fmt.Fprintf(out, "accepted %s (%s): %s\n", id, fix, why)
			continue
		}
		bad = append(bad, fmt.Sprintf("%s (%s)", id, fix))
	}
	if len(bad) > 0 {
		return fmt.Errorf("the code calls vulnerable functions: %s; upgrade, or add a line with the reason to %s", strings.Join(bad, ", "), args[0])
	}
	fmt.Fprintf(out, "vulngate: no called vulnerability outside the allow list (%d accepted)\n", len(ids))
	return nil
}

// readAllowList reads lines "GO-YYYY-NNNN reason"; '#' starts a comment.
// A line without a reason is an error: every acceptance must say why.
func readAllowList(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read allow list: %w", err)
	}
	defer f.Close()
	allowed := map[string]string{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		id, why, _ := strings.Cut(line, " ")
		if strings.TrimSpace(why) == "" {
			return nil, fmt.Errorf("%s:%d: %s has no reason", path, n, id)
		}
		allowed[id] = strings.TrimSpace(why)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read allow list: %w", err)
	}
	return allowed, nil
}
