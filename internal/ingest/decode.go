package ingest

import (
	"bufio"
	"bytes"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/framinglens/framinglens/internal/analysis"
)

// decodeSniffLen is how many leading bytes are looked at to tell binary from
// text and to guess a legacy encoding for a stream (CSV, JSONL).
const decodeSniffLen = 64 << 10

// Byte order marks recognised at the start of a file.
var (
	decodeBOMUTF8    = []byte{0xEF, 0xBB, 0xBF}
	decodeBOMUTF16LE = []byte{0xFF, 0xFE}
	decodeBOMUTF16BE = []byte{0xFE, 0xFF}
)

// decodeBOM returns the encoding named by a byte order mark at the start of
// b, or nil. The BOM itself is stripped by the decoders returned here.
func decodeBOM(b []byte) encoding.Encoding {
	switch {
	case bytes.HasPrefix(b, decodeBOMUTF8):
		return xunicode.UTF8BOM
	case bytes.HasPrefix(b, decodeBOMUTF16LE):
		return xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM)
	case bytes.HasPrefix(b, decodeBOMUTF16BE):
		return xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM)
	}
	return nil
}

// decodeUTF16NoBOM recognises UTF-16 text written without a byte order mark
// (some Windows tools do this) from where its NUL bytes fall: in text with
// many Latin letters, digits, spaces or punctuation, the high byte of most
// code units is zero, so zeros crowd on the odd offsets (little endian) or
// the even ones (big endian), and almost never on the other. It returns nil
// for anything else, which the binary check then judges.
func decodeUTF16NoBOM(b []byte) encoding.Encoding {
	b = b[:min(len(b), 4096)&^1]
	pairs := len(b) / 2
	if pairs < 2 {
		return nil
	}
	even, odd := 0, 0
	for i := 0; i < len(b); i += 2 {
		if b[i] == 0 {
			even++
		}
		if b[i+1] == 0 {
			odd++
		}
	}
	switch {
	case odd*10 >= pairs*4 && even*20 <= pairs:
		return xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM)
	case even*10 >= pairs*4 && odd*20 <= pairs:
		return xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM)
	}
	return nil
}

// decodeIsBinary reports whether a prefix of a file without a UTF-16 BOM looks
// like binary data: any NUL byte, or more than 5% control bytes other than
// the usual whitespace.
func decodeIsBinary(b []byte) bool {
	if len(b) > decodeSniffLen {
		b = b[:decodeSniffLen]
	}
	if len(b) == 0 {
		return false
	}
	ctrl := 0
	for _, c := range b {
		switch {
		case c == 0:
			return true
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B:
			ctrl++
		case c == 0x7F:
			ctrl++
		}
	}
	return ctrl*20 > len(b)
}

// decodeTrimPartialRune drops an incomplete UTF-8 sequence at the end of a
// prefix cut from a longer stream, so that utf8.Valid judges only whole runes.
func decodeTrimPartialRune(b []byte) []byte {
	for i := len(b) - 1; i >= 0 && i > len(b)-4; i-- {
		if b[i] < 0x80 {
			break
		}
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:]) {
				return b[:i]
			}
			break
		}
	}
	return b
}

// decodeGuess picks the encoding of text that has no BOM: UTF-8 when the
// sample is valid UTF-8, else a legacy single-byte code page chosen by
// decodeLegacy.
func decodeGuess(sample []byte) encoding.Encoding {
	if utf8.Valid(decodeTrimPartialRune(sample)) {
		return xunicode.UTF8
	}
	return decodeLegacy(sample)
}

// decodeRussianFreq holds the relative frequency (per mille) of the lower-case
// Russian letters in running text. It scores how plausible a decoding of
// Cyrillic bytes is: the wrong code page turns common letters into rare ones
// and lower case into upper case.
var decodeRussianFreq = map[rune]float64{
	'о': 109.7, 'е': 84.5, 'а': 80.1, 'и': 73.5, 'н': 67.0, 'т': 62.6, 'с': 54.7,
	'р': 47.3, 'в': 45.4, 'л': 44.0, 'к': 34.9, 'м': 32.1, 'д': 29.8, 'п': 28.1,
	'у': 26.2, 'я': 20.1, 'ы': 19.0, 'ь': 17.4, 'г': 17.0, 'з': 16.5, 'б': 15.9,
	'ч': 14.4, 'й': 12.1, 'х': 9.7, 'ж': 9.4, 'ш': 7.3, 'ю': 6.4, 'ц': 4.8,
	'щ': 3.6, 'э': 3.2, 'ф': 2.6, 'ъ': 0.4, 'ё': 0.4,
	// Ukrainian and Belarusian letters, so that those texts score too.
	'і': 20.0, 'ї': 5.0, 'є': 3.0, 'ґ': 0.5, 'ў': 2.0,
}

// decodeCyrillicPages are the Cyrillic code pages told apart by
// decodeCyrillicScore.
var decodeCyrillicPages = []encoding.Encoding{charmap.Windows1251, charmap.KOI8R, charmap.ISO8859_5}

// decodeLegacy guesses the single-byte code page of non-UTF-8 text. If most
// letters are high bytes, the text is taken as Cyrillic and the code page
// whose decoding reads most like Russian wins; otherwise Windows-1252, the
// superset of ISO-8859-1 that Western spreadsheet exports use.
func decodeLegacy(sample []byte) encoding.Encoding {
	ascii, high := 0, 0
	for _, c := range sample {
		switch {
		case c >= 0xB0:
			high++
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
			ascii++
		}
	}
	if high == 0 || high*10 < (ascii+high)*3 {
		return charmap.Windows1252
	}
	best, bestScore := encoding.Encoding(charmap.Windows1252), 0.0
	for _, e := range decodeCyrillicPages {
		if s := decodeCyrillicScore(e, sample); s > bestScore {
			best, bestScore = e, s
		}
	}
	return best
}

// decodeCyrillicScore decodes sample with e and sums, over Cyrillic letters,
// the letter's frequency, halved for capitals that follow a letter (rare in
// real text, common in a wrong decoding), and normalised by length.
func decodeCyrillicScore(e encoding.Encoding, sample []byte) float64 {
	text, err := e.NewDecoder().Bytes(sample)
	if err != nil {
		return 0
	}
	score, prevLetter := 0.0, false
	n := 0
	for _, r := range string(text) {
		if !unicode.IsLetter(r) {
			prevLetter = false
			continue
		}
		if unicode.Is(unicode.Cyrillic, r) {
			n++
			f := decodeRussianFreq[unicode.ToLower(r)]
			if unicode.IsUpper(r) && prevLetter {
				f /= 4
			}
			score += f
		}
		prevLetter = true
	}
	if n == 0 {
		return 0
	}
	return score * float64(n) / float64(len(sample))
}

// decodeHTMLEncoding picks the encoding of an HTML page: a BOM, else a
// <meta charset> in the first 1024 bytes (via charset.DetermineEncoding),
// else the same guess as plain text.
func decodeHTMLEncoding(b []byte) encoding.Encoding {
	if e := decodeBOM(b); e != nil {
		return e
	}
	sample := b
	if len(sample) > decodeSniffLen {
		sample = sample[:decodeSniffLen]
	}
	guess := decodeGuess(sample)
	e, name, _ := charset.DetermineEncoding(b, "")
	// DetermineEncoding falls back to utf-8 or windows-1252 when the page
	// declares nothing; only trust it when it names something else, or
	// when the declaration agrees with valid UTF-8.
	switch {
	case name == "utf-8" && guess == xunicode.UTF8:
		return xunicode.UTF8
	case name == "utf-8", name == "windows-1252":
		return guess
	case e != nil:
		return e
	}
	return guess
}

// decodeText turns the bytes of one document into clean UTF-8 text, or says
// why it cannot: "empty", "binary file" or "undecodable text". html selects
// the HTML rules for finding the encoding.
func decodeText(b []byte, html bool) (string, error) {
	if len(bytes.TrimSpace(b)) == 0 {
		return "", analysis.Errorf(analysis.EINVALID, "empty")
	}
	var e encoding.Encoding
	if html {
		e = decodeHTMLEncoding(b)
	} else {
		e = decodeBOM(b)
	}
	if e == nil {
		e = decodeUTF16NoBOM(b)
	}
	if e == nil {
		if decodeIsBinary(b) {
			return "", analysis.Errorf(analysis.EINVALID, "binary file")
		}
		e = decodeGuess(b)
	}
	var s string
	if e == xunicode.UTF8 && utf8.Valid(b) {
		s = string(b)
	} else {
		out, err := e.NewDecoder().Bytes(b)
		if err != nil {
			return "", analysis.Errorf(analysis.EINVALID, "undecodable text")
		}
		s = string(out)
	}
	if decodeMostlyBroken(s) {
		return "", analysis.Errorf(analysis.EINVALID, "undecodable text")
	}
	if decodeIsBinary([]byte(s)) {
		return "", analysis.Errorf(analysis.EINVALID, "binary file")
	}
	s = strings.TrimPrefix(s, "\uFEFF")
	if strings.TrimSpace(s) == "" {
		return "", analysis.Errorf(analysis.EINVALID, "empty")
	}
	return s, nil
}

// decodeMostlyBroken reports whether more than 2% of the runes of s are
// replacement characters, which means the guessed encoding was wrong or the
// bytes are damaged beyond use.
func decodeMostlyBroken(s string) bool {
	bad, n := 0, 0
	for _, r := range s {
		n++
		if r == utf8.RuneError {
			bad++
		}
	}
	return bad > 0 && bad*50 > n
}

// decodeStream wraps r, the start of a text stream (CSV, JSONL, JSON), in a
// decoder to UTF-8 chosen from a prefix: a BOM, else UTF-8 when the prefix is
// valid, else a guessed legacy code page. The BOM is removed. It fails with
// "empty" or "binary file" when the prefix says so.
func decodeStream(r io.Reader) (io.Reader, error) {
	br := bufio.NewReaderSize(r, decodeSniffLen)
	prefix, err := br.Peek(decodeSniffLen)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, err
	}
	if len(bytes.TrimSpace(prefix)) == 0 {
		return nil, analysis.Errorf(analysis.EINVALID, "empty")
	}
	e := decodeBOM(prefix)
	if e == nil {
		e = decodeUTF16NoBOM(prefix)
	}
	if e == nil {
		if decodeIsBinary(prefix) {
			return nil, analysis.Errorf(analysis.EINVALID, "binary file")
		}
		e = decodeGuess(prefix)
		if e == xunicode.UTF8 {
			// Valid UTF-8 passes through untouched; stray bad bytes later in
			// the stream become U+FFFD through the decoder.
			return transform.NewReader(br, xunicode.UTF8.NewDecoder()), nil
		}
	}
	return transform.NewReader(br, e.NewDecoder()), nil
}

// decodeDropControls removes control characters other than tab and line
// breaks: a NUL or an escape code inside a CSV field or a JSON string (or
// in UTF-16 text, where the binary check cannot see it) is never article
// text, and would only trouble the analysis and the pages.
func decodeDropControls(s string) string {
	if !strings.ContainsFunc(s, decodeIsDropped) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if decodeIsDropped(r) {
			return -1
		}
		return r
	}, s)
}

// decodeIsDropped reports whether decodeDropControls removes r.
func decodeIsDropped(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7F
}

// decodeUnify is the character-level part of decodeNormalize: valid
// UTF-8 without control characters, NFC, Unix line ends, no-break spaces
// made spaces.
func decodeUnify(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = decodeDropControls(s)
	s = norm.NFC.String(s)
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.ReplaceAll(s, "\u00A0", " ")
}

// decodeIsTidy reports whether the line loop of decodeNormalize would
// return s as it is: no line ends in white space, none is blank but for
// single blank lines between paragraphs, and s neither starts nor ends
// with a line break. Most texts already are, and the check costs a pass
// without the copy.
func decodeIsTidy(s string) bool {
	if s == "" || s[0] == '\n' || s[len(s)-1] == '\n' {
		return s == ""
	}
	for start := 0; start < len(s); {
		end := strings.IndexByte(s[start:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += start
		}
		line := s[start:end]
		if line == "" {
			// A blank line: the one between two paragraphs, never two.
			if end+1 < len(s) && s[end+1] == '\n' {
				return false
			}
		} else if r, _ := utf8.DecodeLastRuneInString(line); unicode.IsSpace(r) {
			// Trimmed, or all white space: a blank line.
			return false
		}
		start = end + 1
	}
	return true
}

// decodeNormalize tidies decoded text: NFC, Unix line ends, no trailing
// spaces, at most one blank line between paragraphs, trimmed.
func decodeNormalize(s string) string {
	s = decodeUnify(s)
	if decodeIsTidy(s) {
		return s
	}
	lines := strings.Split(s, "\n")
	var b strings.Builder
	b.Grow(len(s))
	blank := 0
	for _, ln := range lines {
		ln = strings.TrimRightFunc(ln, unicode.IsSpace)
		if strings.TrimSpace(ln) == "" {
			blank++
			continue
		}
		if b.Len() > 0 {
			if blank > 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte('\n')
			}
		}
		blank = 0
		b.WriteString(ln)
	}
	return b.String()
}
