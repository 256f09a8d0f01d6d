package main

import (
	"bufio"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	_ "modernc.org/sqlite"
)

// crashArticles is how many articles the large import holds.
const crashArticles = 20_000

// TestCrash kills the server with SIGKILL during a large import and during
// rescoring, restarts it, and checks that the database is intact, that only
// whole articles each with one complete analysis are stored, that
// re-running the import adds exactly the missing articles, and that an
// interrupted rescoring is finished after the restart. It builds the real
// binary and takes a minute or two, so it runs in CI (CI set) or when
// FRAMINGLENS_CRASH is set.
func TestCrash(t *testing.T) {
	if os.Getenv("CI") == "" && os.Getenv("FRAMINGLENS_CRASH") == "" {
		t.Skip("set FRAMINGLENS_CRASH=1 to run the crash test (it runs in CI)")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "web")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	db := filepath.Join(dir, "crash.db")
	dump := filepath.Join(dir, "dump.jsonl")
	crashWriteDump(t, dump, crashArticles)

	t.Run("KillDuringImport", func(t *testing.T) {
		srv := crashStart(t, bin, db)
		done := make(chan struct{})
		go func() {
			defer close(done)
			// The answer never comes: the server dies first.
			_, _ = crashUpload(srv.url, dump)
		}()
		n := crashWaitFor(t, db, func(n int) bool { return n >= crashArticles/10 }, 120*time.Second)
		srv.kill(t)
		<-done
		t.Logf("killed after at least %d of %d articles were stored", n, crashArticles)

		srv = crashStart(t, bin, db)
		stored := crashCheck(t, db)
		if stored >= crashArticles {
			t.Fatalf("all %d articles stored before the kill; the test needs a kill mid-import", stored)
		}
		sum, err := crashUpload(srv.url, dump)
		if err != nil {
			t.Fatalf("re-import: %v", err)
		}
		if sum.Accepted != crashArticles-stored || sum.Duplicate != stored || sum.Rejected != 0 {
			t.Errorf("re-import summary: got %+v, want %d accepted, %d duplicates, 0 rejected", sum, crashArticles-stored, stored)
		}
		if got := crashCheck(t, db); got != crashArticles {
			t.Errorf("articles after re-import: got %d, want %d", got, crashArticles)
		}
		srv.stop(t)
	})

	t.Run("KillDuringRescoring", func(t *testing.T) {
		srv := crashStart(t, bin, db)
		before := crashCheck(t, db)
		srv.addEntry(t, "crashtestword", "neutral")
		var st struct {
			Running bool `json:"running"`
			Done    int  `json:"done"`
			Total   int  `json:"total"`
		}
		deadline := time.Now().Add(60 * time.Second)
		for {
			srv.getJSON(t, "/api/rescore", &st)
			if st.Running && st.Done > 0 {
				break
			}
			if !st.Running && st.Done > 0 || time.Now().After(deadline) {
				t.Fatalf("rescoring finished or never started before the kill: %+v", st)
			}
			time.Sleep(20 * time.Millisecond)
		}
		srv.kill(t)
		t.Logf("killed during rescoring at %d of %d", st.Done, st.Total)

		// Before any restart: the file alone must be consistent.
		if got := crashCheck(t, db); got != before {
			t.Errorf("articles after the kill: got %d, want %d", got, before)
		}
		if versions := crashLexiconVersions(t, db); len(versions) < 2 {
			t.Logf("current analyses carry %d lexicon version(s) after the kill: %v", len(versions), versions)
		}
		srv = crashStart(t, bin, db)
		deadline = time.Now().Add(5 * time.Minute)
		for {
			srv.getJSON(t, "/api/rescore", &st)
			if !st.Running && st.Done == st.Total && st.Total > 0 {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("the restarted server did not finish rescoring: %+v", st)
			}
			time.Sleep(200 * time.Millisecond)
		}
		if got := crashCheck(t, db); got != before {
			t.Errorf("articles after resumed rescoring: got %d, want %d", got, before)
		}
		if versions := crashLexiconVersions(t, db); len(versions) != 1 {
			t.Errorf("lexicon versions of current analyses after resumed rescoring: got %v, want one", versions)
		}
		srv.stop(t)
	})
}

// crashWriteDump writes n distinct articles as JSON Lines.
func crashWriteDump(t *testing.T, path string, n int) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for i := range n {
		row := map[string]string{
			"title":  fmt.Sprintf("Harbour report %d", i),
			"source": []string{"Daily Example", "Evening Sample", "Weekly Test"}[i%3],
			"date":   fmt.Sprintf("2024-%02d-%02d", i%12+1, i%28+1),
			"text": fmt.Sprintf("Harbour report number %d from the coast.\n\n"+
				"The council met on Tuesday to discuss the sea wall, which engineers say must be finished before winter. "+
				"\"We cannot wait another year,\" said the mayor after vote %d. Rebels in the hills and the government "+
				"in the capital both claimed the region, according to officials.\n\nResidents said meeting %d lasted three hours.", i, i, i),
		}
		if err := enc.Encode(row); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// crashServer is a running `web serve` process.
type crashServer struct {
	cmd    *exec.Cmd
	url    string
	stderr *syncBuffer
	client *http.Client
	waited chan struct{}
}

// crashStart starts the binary on a free loopback port and waits until it
// answers.
func crashStart(t *testing.T, bin, db string) *crashServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	stderr := &syncBuffer{}
	cmd := exec.Command(bin, "serve", "--addr", addr, "--db", db)
	cmd.Stderr = stderr
	cmd.Env = append(os.Environ(), "FRAMINGLENS_AUTH=")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	jar, _ := cookiejar.New(nil)
	s := &crashServer{cmd: cmd, url: "http://" + addr, stderr: stderr, client: &http.Client{Jar: jar, Timeout: 30 * time.Second}, waited: make(chan struct{})}
	go func() { _ = cmd.Wait(); close(s.waited) }()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		<-s.waited
	})
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, err := http.Get(s.url + "/api/rescore")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return s
			}
		}
		select {
		case <-s.waited:
			t.Fatalf("server exited: %s", stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("server did not answer within a minute: %s", stderr.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// kill sends SIGKILL and waits for the process to die.
func (s *crashServer) kill(t *testing.T) {
	t.Helper()
	if err := s.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	<-s.waited
}

// stop ends the server with SIGTERM, as Ctrl-C would.
func (s *crashServer) stop(t *testing.T) {
	t.Helper()
	_ = s.cmd.Process.Signal(os.Interrupt)
	select {
	case <-s.waited:
	case <-time.After(30 * time.Second):
		t.Errorf("server did not stop within 30 s")
		s.kill(t)
	}
}

// getJSON decodes the JSON answer of a GET.
func (s *crashServer) getJSON(t *testing.T, path string, v any) {
	t.Helper()
	resp, err := http.Get(s.url + path)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatalf("GET %s: decode: %v", path, err)
	}
}

// addEntry adds a lexicon entry through the form, as a browser would,
// which starts a rescoring.
func (s *crashServer) addEntry(t *testing.T, pattern, frame string) {
	t.Helper()
	resp, err := s.client.Get(s.url + "/lexicons")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	u, _ := url.Parse(s.url)
	token := ""
	for _, c := range s.client.Jar.Cookies(u) {
		if c.Name == "_csrf" {
			token = c.Value
		}
	}
	form := url.Values{"_csrf": {token}, "pattern": {pattern}, "frame": {frame}, "actor": {""}, "valence": {"0"}}
	resp, err = s.client.PostForm(s.url+"/lexicons/default/entries", form)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("add entry: status %d: %.300s", resp.StatusCode, body)
	}
}

// crashSummary is the summary of an upload answer.
type crashSummary struct {
	Accepted  int `json:"accepted"`
	Duplicate int `json:"duplicate"`
	Rejected  int `json:"rejected"`
}

// crashUpload streams the dump to the upload API.
func crashUpload(base, dump string) (crashSummary, error) {
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		f, err := os.Open(dump)
		if err != nil {
			pw.CloseWithError(err)
			return
		}
		defer f.Close()
		fw, err := mw.CreateFormFile("files", "dump.jsonl")
		if err == nil {
			_, err = io.Copy(fw, f)
		}
		if err == nil {
			err = mw.Close()
		}
		pw.CloseWithError(err)
	}()
	resp, err := http.Post(base+"/api/upload", mw.FormDataContentType(), pr)
	if err != nil {
		return crashSummary{}, err
	}
	defer resp.Body.Close()
	var out struct {
		Summary crashSummary `json:"summary"`
	}
	body, _ := io.ReadAll(resp.Body)
	if err := json.Unmarshal(body, &out); err != nil {
		return crashSummary{}, fmt.Errorf("status %d: %.300s", resp.StatusCode, body)
	}
	return out.Summary, nil
}

// crashOpen opens the database file for read-only checks.
func crashOpen(t *testing.T, db string) *sql.DB {
	t.Helper()
	conn, err := sql.Open("sqlite", "file:"+db+"?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

// crashWaitFor polls the article count until ok accepts it.
func crashWaitFor(t *testing.T, db string, ok func(int) bool, limit time.Duration) int {
	t.Helper()
	deadline := time.Now().Add(limit)
	for {
		if _, err := os.Stat(db); err == nil {
			conn := crashOpen(t, db)
			var n int
			err := conn.QueryRow(`SELECT count(*) FROM articles`).Scan(&n)
			conn.Close()
			if err == nil && ok(n) {
				return n
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("article count did not reach the mark within %s", limit)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// crashCheck checks the database and returns the number of articles: the
// integrity check passes, every article has exactly one current analysis,
// every analysis its score row, and no row of an analysis lacks its article.
func crashCheck(t *testing.T, db string) int {
	t.Helper()
	conn := crashOpen(t, db)
	defer conn.Close()
	var integrity string
	if err := conn.QueryRow(`PRAGMA integrity_check`).Scan(&integrity); err != nil || integrity != "ok" {
		t.Fatalf("integrity_check: %q, %v", integrity, err)
	}
	checks := []struct {
		name  string
		query string
	}{
		{"articles without exactly one current analysis", `SELECT count(*) FROM articles a
			WHERE (SELECT count(*) FROM analyses an WHERE an.article_id = a.id AND an.current = 1) <> 1`},
		{"current analyses without a score row", `SELECT count(*) FROM analyses an
			WHERE an.current = 1 AND NOT EXISTS (SELECT 1 FROM article_scores s WHERE s.analysis_id = an.id)`},
		{"analyses without an article", `SELECT count(*) FROM analyses an WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = an.article_id)`},
		{"hits of no analysis", `SELECT count(*) FROM hits h WHERE NOT EXISTS (SELECT 1 FROM analyses an WHERE an.id = h.analysis_id)`},
		{"score rows of old analyses", `SELECT count(*) FROM article_scores s JOIN analyses an ON an.id = s.analysis_id WHERE an.current = 0`},
		{"articles with empty text", `SELECT count(*) FROM articles WHERE trim(text) = ''`},
		{"current analyses whose hit count disagrees with their hits", `SELECT count(*) FROM article_scores s
			WHERE s.hits <> (SELECT count(*) FROM hits h WHERE h.analysis_id = s.analysis_id)`},
	}
	for _, c := range checks {
		var n int
		if err := conn.QueryRow(c.query).Scan(&n); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if n != 0 {
			t.Errorf("%s: %d, want 0", c.name, n)
		}
	}
	var n int
	if err := conn.QueryRow(`SELECT count(*) FROM articles`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// crashLexiconVersions lists the lexicon versions of current analyses.
func crashLexiconVersions(t *testing.T, db string) map[string]int {
	t.Helper()
	conn := crashOpen(t, db)
	defer conn.Close()
	rows, err := conn.Query(`SELECT lexicon_version, count(*) FROM analyses WHERE current = 1 GROUP BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var v string
		var n int
		if err := rows.Scan(&v, &n); err != nil {
			t.Fatal(err)
		}
		out[v] = n
	}
	return out
}
