package ingest

import (
	"archive/zip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strings"

	"github.com/framinglens/framinglens/internal/analysis"
)

// zipRatioFloor is the expansion below which the ratio limit does not apply:
// a tiny entry that compresses very well (a file of blank lines) is harmless.
const zipRatioFloor = 64 << 10

// zipSized is a random-access reader that knows its size, as zip needs
// (bytes.Reader, strings.Reader, io.SectionReader).
type zipSized interface {
	io.ReaderAt
	Size() int64
}

// readZip reads every entry of a zip archive in archive order. orig is the
// reader given to Read, used directly when it is a file or a sized
// ReaderAt; otherwise buffered (which holds what was already peeked from
// orig) is spooled to a temporary file, never into memory.
func (rd *reader) readZip(origin string, buffered io.Reader, orig io.Reader) error {
	var ra io.ReaderAt
	var size int64
	if f, ok := orig.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			ra, size = f, st.Size()
		}
	} else if s, ok := orig.(zipSized); ok {
		ra, size = s, s.Size()
	}
	if ra == nil {
		tmp, err := os.CreateTemp("", "framinglens-ingest-*.zip")
		if err != nil {
			return fmt.Errorf("spool zip: %w", err)
		}
		defer os.Remove(tmp.Name())
		defer tmp.Close()
		n, err := io.Copy(tmp, io.LimitReader(buffered, rd.lim.MaxFileBytes+1))
		if err != nil {
			if ae := itemError(err); ae != nil {
				return rd.send(Item{Origin: origin, Err: ae})
			}
			return fmt.Errorf("spool zip: %w", err)
		}
		ra, size = tmp, n
	}
	if size > rd.lim.MaxFileBytes {
		return rd.reject(origin, analysis.ETOOLARGE, "too large (%s > %s)", formatSize(size), formatSize(rd.lim.MaxFileBytes))
	}
	zr, err := zip.NewReader(ra, size)
	if err != nil {
		return rd.reject(origin, analysis.EINVALID, "unreadable zip archive")
	}
	if len(zr.File) > rd.lim.MaxZipEntries {
		return rd.reject(origin, analysis.ETOOLARGE, "too many entries (%d > %d)", len(zr.File), rd.lim.MaxZipEntries)
	}
	allowed := min(rd.lim.MaxZipTotal, max(size*rd.lim.MaxZipRatio, zipRatioFloor))
	budget := &zipBudget{left: allowed, total: allowed}
	for _, f := range zr.File {
		if err := rd.ctx.Err(); err != nil {
			return err
		}
		if f.FileInfo().IsDir() || strings.HasSuffix(f.Name, "/") {
			continue
		}
		clean := zipCleanName(f.Name)
		if zipSkipped(clean) {
			continue
		}
		entryOrigin := origin + "/" + clean
		if err := rd.readZipEntry(entryOrigin, clean, f, budget); err != nil {
			return err
		}
		if budget.exceeded {
			return rd.reject(origin, analysis.ETOOLARGE, "archive expands to more than %s; rest of the archive skipped", formatSize(budget.total))
		}
	}
	return nil
}

// readZipEntry reads one entry through the zip-bomb limits.
func (rd *reader) readZipEntry(origin, name string, f *zip.File, budget *zipBudget) error {
	if f.Flags&0x1 != 0 {
		return rd.reject(origin, analysis.EINVALID, "encrypted entry")
	}
	rc, err := f.Open()
	if err != nil {
		if errors.Is(err, zip.ErrAlgorithm) {
			return rd.reject(origin, analysis.EINVALID, "unsupported compression method")
		}
		return rd.reject(origin, analysis.EINVALID, "unreadable zip entry")
	}
	defer rc.Close()
	lr := &zipLimitReader{
		r:        rc,
		entryMax: max(int64(f.CompressedSize64)*rd.lim.MaxZipRatio, zipRatioFloor),
		budget:   budget,
	}
	err = rd.read(origin, name, lr, true)
	var ee *emitError
	if err == nil || errors.As(err, &ee) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	// A failure while decompressing (corrupt data, bad checksum) spoils only
	// this entry.
	return rd.reject(origin, analysis.EINVALID, "corrupt zip entry")
}

// zipBudget is the expansion left for the whole archive.
type zipBudget struct {
	left     int64
	total    int64 // the expansion allowed at the start
	exceeded bool
}

// zipLimitReader counts the bytes really decompressed from one entry (sizes
// in the headers are not trusted) and stops with an ETOOLARGE error when the
// entry expands more than MaxZipRatio times its compressed size or the
// archive runs out of budget.
type zipLimitReader struct {
	r        io.Reader
	read     int64
	entryMax int64
	budget   *zipBudget
}

func (z *zipLimitReader) Read(p []byte) (int, error) {
	n, err := z.r.Read(p)
	z.read += int64(n)
	z.budget.left -= int64(n)
	switch {
	case z.budget.left < 0:
		z.budget.exceeded = true
		return n, analysis.Errorf(analysis.ETOOLARGE, "archive expands too much (zip bomb?)")
	case z.read > z.entryMax:
		return n, analysis.Errorf(analysis.ETOOLARGE, "expands too much (more than %s; zip bomb?)", formatSize(z.entryMax))
	}
	return n, err
}

// zipCleanName makes an entry name safe to show as part of an origin: no
// drive letter, no leading slash, no "." or ".." parts, forward slashes.
func zipCleanName(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	if len(name) >= 2 && name[1] == ':' {
		name = name[2:]
	}
	var parts []string
	for _, p := range strings.Split(name, "/") {
		if p == "" || p == "." || p == ".." {
			continue
		}
		parts = append(parts, p)
	}
	if len(parts) == 0 {
		return "unnamed"
	}
	return path.Join(parts...)
}

// zipSkipped reports whether a cleaned entry name is clutter: macOS resource
// forks under __MACOSX/ and dotfiles or anything in a dot-folder.
func zipSkipped(clean string) bool {
	for _, p := range strings.Split(clean, "/") {
		if p == "__MACOSX" || strings.HasPrefix(p, ".") {
			return true
		}
	}
	return false
}
