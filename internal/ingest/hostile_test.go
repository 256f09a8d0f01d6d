package ingest_test

import (
	"archive/zip"
	"bufio"
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/framinglens/framinglens/internal/analysis"
	"github.com/framinglens/framinglens/internal/ingest"
)

// hostileReadFile reads the file at p under the given name with the default
// limits and returns its items and the peak growth of the live heap while
// reading, sampled every few milliseconds.
func hostileReadFile(t *testing.T, name, p string) ([]ingest.Item, uint64) {
	t.Helper()
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var items []ingest.Item
	peak := hostilePeakHeap(func() {
		err = ingest.Read(context.Background(), name, f, ingest.Limits{}, func(it ingest.Item) error {
			if it.Article != nil {
				it.Article.Raw = nil // keep the measurement to the reader itself
			}
			items = append(items, it)
			return nil
		})
	})
	if err != nil {
		t.Fatalf("Read %s: %v", name, err)
	}
	t.Logf("%s: %d items, live heap grew by at most %.1f MB", name, len(items), float64(peak)/(1<<20))
	return items, peak
}

// hostilePeakHeap runs fn and returns the largest growth of HeapInuse over
// its value before fn, sampled while fn runs.
func hostilePeakHeap(fn func()) uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapInuse
	var peak atomic.Uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			if m.HeapInuse > base && m.HeapInuse-base > peak.Load() {
				peak.Store(m.HeapInuse - base)
			}
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	fn()
	close(stop)
	wg.Wait()
	return peak.Load()
}

// hostileWriteFile writes size bytes produced by fill into a new file in
// dir and returns its path. fill writes to a buffered writer.
func hostileWriteFile(t *testing.T, name string, fill func(w *bufio.Writer)) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	fill(w)
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return p
}

// hostileRepeat writes n copies of s.
func hostileRepeat(w io.Writer, s string, n int) {
	chunk := strings.Repeat(s, max(1, (64<<10)/len(s)))
	per := len(chunk) / len(s)
	for n > 0 {
		k := min(n, per)
		_, _ = io.WriteString(w, chunk[:k*len(s)])
		n -= k
	}
}

// hostileWant checks that items are all rejections with the given code,
// each with a one-line reason that contains one of the "|"-separated
// phrases of want.
func hostileWant(t *testing.T, items []ingest.Item, code, want string) {
	t.Helper()
	var rejected []ingest.Item
	for _, it := range items {
		if it.Article != nil {
			t.Errorf("accepted %s (%d bytes of text), want a rejection", it.Origin, len(it.Article.Text))
			continue
		}
		rejected = append(rejected, it)
	}
	if len(rejected) == 0 {
		t.Fatalf("no rejection, want one with %q", want)
	}
	for _, it := range rejected {
		msg := analysis.ErrorMessage(it.Err)
		if got := analysis.ErrorCode(it.Err); got != code {
			t.Errorf("%s: code %q, want %q (reason %q)", it.Origin, got, code, msg)
		}
		found := false
		for _, w := range strings.Split(want, "|") {
			found = found || strings.Contains(msg, w)
		}
		if !found {
			t.Errorf("%s: reason %q, want it to contain %q", it.Origin, msg, want)
		}
		if strings.ContainsAny(msg, "\r\n") || len(msg) > 300 {
			t.Errorf("%s: reason is not one short line (%d bytes): %.300q", it.Origin, len(msg), msg)
		}
	}
}

// hostileHeapBound is the most the live heap may grow while one hostile
// file is read: a few times the 5 MB article limit, far below the file sizes.
const hostileHeapBound = 150 << 20

func TestHostileFiles(t *testing.T) {
	t.Run("ZipBomb", func(t *testing.T) {
		size := int64(1 << 30) // 1 GiB of zeros deflates to about 1 MB
		if testing.Short() {
			size = 64 << 20
		}
		p := hostileWriteFile(t, "bomb.zip", func(w *bufio.Writer) {
			zw := zip.NewWriter(w)
			for _, name := range []string{"zeros.txt", "more/zeros.txt"} {
				fw, err := zw.Create(name)
				if err != nil {
					t.Fatal(err)
				}
				zeros := make([]byte, 1<<20)
				for i := range zeros {
					zeros[i] = '0'
				}
				for n := int64(0); n < size/2; n += int64(len(zeros)) {
					if _, err := fw.Write(zeros); err != nil {
						t.Fatal(err)
					}
				}
			}
			if err := zw.Close(); err != nil {
				t.Fatal(err)
			}
		})
		items, peak := hostileReadFile(t, "bomb.zip", p)
		hostileWant(t, items, analysis.ETOOLARGE, "zip bomb|too large|archive expands")
		// Each entry is stopped by its own limits (article size, then its
		// expansion ratio), which together never exceed the archive's
		// budget; which of the two stops the second entry depends on the
		// decompressor's chunk sizes, so only the outcome is checked: one
		// rejection per entry, or fewer when the archive budget ends it.
		if len(items) > 3 {
			t.Errorf("%d items for a two-entry archive, want at most 3", len(items))
		}
		if peak > hostileHeapBound {
			t.Errorf("heap grew by %d MB, want under %d MB", peak>>20, hostileHeapBound>>20)
		}
	})

	t.Run("ZipSlipNames", func(t *testing.T) {
		dir := t.TempDir()
		p := hostileWriteFile(t, "slip.zip", func(w *bufio.Writer) {
			zw := zip.NewWriter(w)
			for _, name := range []string{"../../../../tmp/evil.txt", "/etc/evil.txt", `..\..\win.txt`, "C:/drive.txt", "ok/../../up.txt"} {
				fw, err := zw.Create(name)
				if err != nil {
					t.Fatal(err)
				}
				_, _ = io.WriteString(fw, "An article named "+name+" that tries to leave the folder.")
			}
			if err := zw.Close(); err != nil {
				t.Fatal(err)
			}
		})
		before, _ := os.ReadDir(dir)
		items, _ := hostileReadFile(t, "slip.zip", p)
		if len(items) != 5 {
			t.Fatalf("got %d items, want 5", len(items))
		}
		for _, it := range items {
			rest := strings.TrimPrefix(it.Origin, "slip.zip/")
			if strings.Contains(it.Origin, "..") || strings.HasPrefix(rest, "/") || strings.Contains(rest, `\`) || strings.Contains(rest, ":") {
				t.Errorf("origin %q keeps an unsafe path", it.Origin)
			}
		}
		// Reading never extracts: nothing appears on disk.
		after, _ := os.ReadDir(dir)
		if len(after) != len(before) {
			t.Errorf("files in the folder: got %d, want %d", len(after), len(before))
		}
		if _, err := os.Stat("/tmp/evil.txt"); err == nil {
			t.Errorf("/tmp/evil.txt exists")
		}
	})

	t.Run("HundredMegabyteLine", func(t *testing.T) {
		size := 100 << 20
		if testing.Short() {
			size = 12 << 20
		}
		p := hostileWriteFile(t, "line", func(w *bufio.Writer) { hostileRepeat(w, "word ", size/5) })
		for _, name := range []string{"line.txt", "line.jsonl", "line.csv", "line.json", "line.html", "line.md"} {
			t.Run(strings.TrimPrefix(filepath.Ext(name), "."), func(t *testing.T) {
				items, peak := hostileReadFile(t, name, p)
				want, code := "too large", analysis.ETOOLARGE
				if name == "line.json" {
					want, code = "not a JSON object or array", analysis.EINVALID
				}
				hostileWant(t, items, code, want)
				if peak > hostileHeapBound {
					t.Errorf("heap grew by %d MB, want under %d MB", peak>>20, hostileHeapBound>>20)
				}
			})
		}
	})

	small := []struct {
		name string
		file string
		fill func(w *bufio.Writer)
		code string
		want string
	}{
		{name: "DeeplyNestedHTML", file: "deep.html", code: analysis.EINVALID, want: "nested too deeply", fill: func(w *bufio.Writer) {
			hostileRepeat(w, "<div>", 100_000)
			_, _ = w.WriteString("deep")
			hostileRepeat(w, "</div>", 100_000)
		}},
		{name: "DeeplyNestedInlineHTML", file: "deep2.html", code: analysis.EINVALID, want: "nested too deeply", fill: func(w *bufio.Writer) {
			hostileRepeat(w, "<b><i>", 50_000)
		}},
		{name: "NULBytes", file: "nul.txt", code: analysis.EINVALID, want: "binary file", fill: func(w *bufio.Writer) {
			_, _ = w.WriteString("A harmless start\x00\x00\x00 and more\x00")
		}},
		{name: "NULBytesInCSV", file: "nul.csv", code: analysis.EINVALID, want: "binary file", fill: func(w *bufio.Writer) {
			_, _ = w.WriteString("title,text\nT,\"body\x00\x00\"\n")
		}},
		{name: "CSVHundredThousandColumns", file: "wide.csv", code: analysis.EINVALID, want: "no text column", fill: func(w *bufio.Writer) {
			for i := range 100_000 {
				if i > 0 {
					_ = w.WriteByte(',')
				}
				_, _ = w.WriteString("col")
			}
			_, _ = w.WriteString("\n1,2,3\n")
		}},
		{name: "CSVUnclosedQuote", file: "open.csv", code: analysis.EINVALID, want: "unclosed or misplaced quote", fill: func(w *bufio.Writer) {
			_, _ = w.WriteString("title,text\nT,\"this quote never closes\nmore text\n")
		}},
		{name: "JSONNestedHundredThousandDeep", file: "deep.json", code: analysis.EINVALID, want: "malformed JSON", fill: func(w *bufio.Writer) {
			_, _ = w.WriteString(`{"text":"x","deep":`)
			hostileRepeat(w, "[", 100_000)
			hostileRepeat(w, "]", 100_000)
			_, _ = w.WriteString("}")
		}},
		{name: "JSONLNestedHundredThousandDeep", file: "deep.jsonl", code: analysis.EINVALID, want: "malformed JSON", fill: func(w *bufio.Writer) {
			hostileRepeat(w, `{"a":`, 100_000)
			_, _ = w.WriteString("1")
			hostileRepeat(w, "}", 100_000)
			_, _ = w.WriteString("\n")
		}},
	}
	for _, tc := range small {
		t.Run(tc.name, func(t *testing.T) {
			p := hostileWriteFile(t, tc.file, tc.fill)
			items, peak := hostileReadFile(t, tc.file, p)
			hostileWant(t, items, tc.code, tc.want)
			if peak > hostileHeapBound {
				t.Errorf("heap grew by %d MB, want under %d MB", peak>>20, hostileHeapBound>>20)
			}
		})
	}

	t.Run("CSVHundredThousandColumnsWithText", func(t *testing.T) {
		p := hostileWriteFile(t, "wide.csv", func(w *bufio.Writer) {
			_, _ = w.WriteString("text")
			hostileRepeat(w, ",c", 100_000)
			_, _ = w.WriteString("\nThe only real column holds the article.")
			hostileRepeat(w, ",x", 100_000)
			_, _ = w.WriteString("\n")
		})
		items, _ := hostileReadFile(t, "wide.csv", p)
		if len(items) != 1 || items[0].Article == nil {
			t.Fatalf("got %d items (%v), want one article", len(items), items)
		}
		if got, want := items[0].Article.Text, "The only real column holds the article."; got != want {
			t.Errorf("text: got %q, want %q", got, want)
		}
	})

	t.Run("NULBytesPastTheSniffedPrefix", func(t *testing.T) {
		// The binary check sees the first 64 KB of a stream; a NUL in a
		// later row must still not reach the stored text.
		p := hostileWriteFile(t, "late.csv", func(w *bufio.Writer) {
			_, _ = w.WriteString("title,text\n")
			hostileRepeat(w, "T,An ordinary row of article text.\n", 3000)
			_, _ = w.WriteString("Last,\"Before\x00the NUL\x1b[31m and after.\"\n")
		})
		items, _ := hostileReadFile(t, "late.csv", p)
		if len(items) != 3001 {
			t.Fatalf("got %d items, want 3001", len(items))
		}
		last := items[len(items)-1]
		if last.Article == nil {
			t.Fatalf("last row rejected: %v", last.Err)
		}
		if got, want := last.Article.Text, "Beforethe NUL[31m and after."; got != want {
			t.Errorf("text: got %q, want %q", got, want)
		}
	})

	t.Run("InvalidUTF8", func(t *testing.T) {
		// Bytes that are not UTF-8 are read as a legacy code page: the text
		// stored is valid UTF-8, never the raw bytes.
		p := hostileWriteFile(t, "bad.txt", func(w *bufio.Writer) {
			_, _ = w.WriteString("Caf\xe9 au lait \xff\xfe\xc3\x28 end of the story.")
		})
		items, _ := hostileReadFile(t, "bad.txt", p)
		if len(items) != 1 {
			t.Fatalf("got %d items, want 1", len(items))
		}
		if a := items[0].Article; a == nil {
			hostileWant(t, items, analysis.EINVALID, "undecodable")
		} else if !utf8.ValidString(a.Text) || !strings.Contains(a.Text, "Café") {
			t.Errorf("text %q: want valid UTF-8 holding Café", a.Text)
		}
	})

	t.Run("UTF16WithoutBOM", func(t *testing.T) {
		for _, order := range []string{"LE", "BE"} {
			t.Run(order, func(t *testing.T) {
				text := "Rebels and the government met on Tuesday.\nA second line."
				p := hostileWriteFile(t, "u16.txt", func(w *bufio.Writer) {
					for _, r := range text {
						if order == "LE" {
							_, _ = w.Write([]byte{byte(r), byte(r >> 8)})
						} else {
							_, _ = w.Write([]byte{byte(r >> 8), byte(r)})
						}
					}
				})
				items, _ := hostileReadFile(t, "u16.txt", p)
				if len(items) != 1 || items[0].Article == nil {
					t.Fatalf("got %v, want one article", items)
				}
				if got := items[0].Article.Text; got != text {
					t.Errorf("text: got %q, want %q", got, text)
				}
			})
		}
	})
}
