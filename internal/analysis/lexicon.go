package analysis

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// LineError is one problem found in a lexicon, with the line of the file it
// stands on (or the entry number when the lexicon did not come from a file).
type LineError struct {
	Line int
	Msg  string
}

// LexiconError lists every problem found in a lexicon, not just the first, so
// that a user can fix a whole file in one go. It unwraps to an *Error with
// code EINVALID, so handlers treat it as a bad input.
type LexiconError struct {
	Name   string
	Errors []LineError
	// ByEntry says that LineError.Line counts entries (1-based), not file
	// lines: the lexicon was built in code, not parsed.
	ByEntry bool
}

func (e *LexiconError) Error() string {
	var b strings.Builder
	b.WriteString("lexicon ")
	b.WriteString(e.Name)
	unit := "line"
	if e.ByEntry {
		unit = "entry"
	}
	for i, le := range e.Errors {
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString("; ")
		}
		if le.Line > 0 {
			fmt.Fprintf(&b, "%s %d: ", unit, le.Line)
		}
		b.WriteString(le.Msg)
	}
	return b.String()
}

// Unwrap returns the user-facing *Error (code EINVALID) carrying the full
// message, so errors.As(err, &*Error) and ErrorCode work on lexicon errors.
func (e *LexiconError) Unwrap() error {
	return &Error{Code: EINVALID, Message: e.Error()}
}

// lexCSVHeader is the header of the native lexicon CSV, in canonical order.
var lexCSVHeader = []string{"pattern", "frame", "actor", "valence", "note"}

// lexFramePrefix starts a comment line that declares a frame in the native
// CSV: "# frame delegitimizing: Labels that deny ...".
const lexFramePrefix = "# frame "

// ParseLexiconCSV parses a lexicon in the native CSV format. The first
// non-comment line is the header, naming the columns pattern, frame, actor,
// valence and (optionally) note in any order; unknown columns are ignored.
// Lines starting with '#' are comments, and "# frame NAME: DESCRIPTION"
// comments declare the lexicon's frames. A UTF-8 byte order mark is
// tolerated. An empty valence means 0. Every problem is reported, each with
// its line number, in one *LexiconError.
func ParseLexiconCSV(name string, data []byte) (*Lexicon, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	lex := &Lexicon{Name: name}
	var errs []LineError
	frameLines := lexScanFrameComments(data, lex, &errs)

	r := csv.NewReader(bytes.NewReader(data))
	r.Comment = '#'
	r.FieldsPerRecord = -1
	var (
		col     = map[string]int{}
		header  []string
		lines   []int
		sawHead bool
		lastBad = -1
	)
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				if pe.Line == lastBad {
					break // the reader is stuck: stop here
				}
				// The reader resumes after a malformed record, so the rest
				// of the file is still checked.
				lastBad = pe.Line
				errs = append(errs, LineError{Line: pe.Line, Msg: pe.Err.Error()})
				continue
			}
			return nil, fmt.Errorf("parse lexicon %s: %w", name, err)
		}
		line, _ := r.FieldPos(0)
		if !sawHead {
			sawHead = true
			header = rec
			for i, h := range rec {
				h = strings.ToLower(strings.TrimSpace(h))
				if _, dup := col[h]; dup && h != "" {
					errs = append(errs, LineError{Line: line, Msg: fmt.Sprintf("header names column %q twice", h)})
				}
				col[h] = i
			}
			var missing []string
			for _, h := range lexCSVHeader[:4] {
				if _, ok := col[h]; !ok {
					missing = append(missing, h)
				}
			}
			if len(missing) > 0 {
				errs = append(errs, LineError{Line: line, Msg: fmt.Sprintf(
					"header lacks column(s) %s: the first line must name the columns pattern,frame,actor,valence,note",
					strings.Join(missing, ","))})
				return nil, lexSortedError(name, errs)
			}
			continue
		}
		if len(rec) != len(header) {
			errs = append(errs, LineError{Line: line, Msg: fmt.Sprintf("%d fields, the header has %d", len(rec), len(header))})
			continue
		}
		field := func(h string) string {
			if i, ok := col[h]; ok {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		e := Entry{
			Pattern: field("pattern"),
			Frame:   field("frame"),
			Actor:   field("actor"),
			Note:    field("note"),
		}
		if v := field("valence"); v != "" {
			n, err := strconv.Atoi(strings.TrimPrefix(v, "+"))
			if err != nil {
				errs = append(errs, LineError{Line: line, Msg: fmt.Sprintf("valence %q is not an integer", v)})
				continue
			}
			e.Valence = n
		}
		lex.Entries = append(lex.Entries, e)
		lines = append(lines, line)
	}
	if !sawHead {
		errs = append(errs, LineError{Line: 1, Msg: "no header: the first line must name the columns pattern,frame,actor,valence,note"})
	}
	return lexFinish(lex, errs, lines, frameLines)
}

// lexScanFrameComments reads the "# frame NAME: DESCRIPTION" comment lines of
// a native CSV into lex.Frames and returns the line of each frame.
func lexScanFrameComments(data []byte, lex *Lexicon, errs *[]LineError) []int {
	var lines []int
	for n, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, "\r")
		if !strings.HasPrefix(line, lexFramePrefix) {
			continue
		}
		rest := strings.TrimSpace(line[len(lexFramePrefix):])
		name, desc, ok := strings.Cut(rest, ": ")
		if !ok {
			name = strings.TrimSuffix(rest, ":")
		}
		name, desc = strings.TrimSpace(name), strings.TrimSpace(desc)
		if name == "" {
			*errs = append(*errs, LineError{Line: n + 1, Msg: "frame comment names no frame"})
			continue
		}
		lex.Frames = append(lex.Frames, Frame{Name: name, Description: desc})
		lines = append(lines, n+1)
	}
	return lines
}

// ParseLexiconYAML parses a quanteda-style dictionary: a YAML mapping whose
// keys are categories and whose values are lists of patterns. Categories may
// nest; the key path of a nested list becomes the frame "a/b". Entries have
// no actor and valence 0. Every problem is reported with its line number.
func ParseLexiconYAML(name string, data []byte) (*Lexicon, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, lexSortedError(name, []LineError{lexYAMLLineError(err)})
	}
	lex := &Lexicon{Name: name}
	var (
		errs       []LineError
		lines      []int
		frameLines []int
	)
	addFrame := func(path string, line int) {
		lex.Frames = append(lex.Frames, Frame{Name: path})
		frameLines = append(frameLines, line)
	}
	var walk func(n *yaml.Node, path string)
	walk = func(n *yaml.Node, path string) {
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				key := strings.TrimSpace(k.Value)
				if k.Kind != yaml.ScalarNode || key == "" {
					errs = append(errs, LineError{Line: k.Line, Msg: "category key must be a non-empty name"})
					continue
				}
				p := key
				if path != "" {
					p = path + "/" + key
				}
				walk(v, p)
			}
		case yaml.SequenceNode:
			addFrame(path, n.Line)
			for _, item := range n.Content {
				if item.Kind != yaml.ScalarNode {
					errs = append(errs, LineError{Line: item.Line, Msg: fmt.Sprintf("category %q: a pattern must be a plain string", path)})
					continue
				}
				lex.Entries = append(lex.Entries, Entry{Pattern: strings.TrimSpace(item.Value), Frame: path})
				lines = append(lines, item.Line)
			}
		case yaml.ScalarNode:
			if path == "" {
				errs = append(errs, LineError{Line: n.Line, Msg: "the dictionary must be a mapping of categories to pattern lists"})
				return
			}
			if n.Tag == "!!null" {
				errs = append(errs, LineError{Line: n.Line, Msg: fmt.Sprintf("category %q has no patterns", path)})
				return
			}
			addFrame(path, n.Line)
			lex.Entries = append(lex.Entries, Entry{Pattern: strings.TrimSpace(n.Value), Frame: path})
			lines = append(lines, n.Line)
		default:
			errs = append(errs, LineError{Line: n.Line, Msg: fmt.Sprintf("category %q: expected a list of patterns or nested categories", path)})
		}
	}
	if len(doc.Content) > 0 {
		if root := doc.Content[0]; root.Kind != yaml.MappingNode {
			errs = append(errs, LineError{Line: root.Line, Msg: "the dictionary must be a mapping of categories to pattern lists"})
		} else {
			walk(root, "")
		}
	}
	return lexFinish(lex, errs, lines, frameLines)
}

// lexYAMLLineError turns a YAML syntax error into a LineError, keeping the
// line number the decoder gives ("yaml: line 3: ...").
func lexYAMLLineError(err error) LineError {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if num, tail, ok := strings.Cut(rest, ": "); ok {
			if n, err := strconv.Atoi(num); err == nil {
				return LineError{Line: n, Msg: "YAML: " + tail}
			}
		}
	}
	return LineError{Msg: "YAML: " + msg}
}

// ParseLexiconLIWC parses a LIWC .dic dictionary: a header between two "%"
// lines maps category numbers to names ("1<TAB>posemo"), then each line
// gives a term and the numbers of its categories ("love<TAB>1<TAB>3"). It
// yields one Entry per (term, category), whose frame is the category name.
// Entries have no actor and valence 0. Every problem is reported with its
// line number.
func ParseLexiconLIWC(name string, data []byte) (*Lexicon, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	lex := &Lexicon{Name: name}
	var (
		errs       []LineError
		lines      []int
		frameLines []int
		cats       = map[int]string{}
		catLine    = map[int]int{}
		section    = 0 // 0 before the first %, 1 in the header, 2 in the terms
	)
	for i, raw := range strings.Split(string(data), "\n") {
		n := i + 1
		line := strings.TrimRight(raw, "\r")
		trimmed := strings.TrimSpace(line)
		if trimmed == "" {
			continue
		}
		if trimmed == "%" {
			if section < 2 {
				section++
				continue
			}
			errs = append(errs, LineError{Line: n, Msg: "a third % line"})
			continue
		}
		switch section {
		case 0:
			errs = append(errs, LineError{Line: n, Msg: "expected a % line opening the category header"})
			return nil, lexSortedError(name, errs)
		case 1:
			fields := lexLIWCFields(trimmed)
			if len(fields) < 2 {
				errs = append(errs, LineError{Line: n, Msg: fmt.Sprintf("category line %q needs a number and a name", trimmed)})
				continue
			}
			num, err := strconv.Atoi(fields[0])
			if err != nil {
				errs = append(errs, LineError{Line: n, Msg: fmt.Sprintf("category number %q is not an integer", fields[0])})
				continue
			}
			if prev, dup := catLine[num]; dup {
				errs = append(errs, LineError{Line: n, Msg: fmt.Sprintf("category %d defined twice (first on line %d)", num, prev)})
				continue
			}
			cats[num], catLine[num] = fields[1], n
			lex.Frames = append(lex.Frames, Frame{Name: fields[1], Description: strings.Join(fields[2:], " ")})
			frameLines = append(frameLines, n)
		case 2:
			term, nums := lexLIWCTerm(trimmed)
			if len(nums) == 0 {
				errs = append(errs, LineError{Line: n, Msg: fmt.Sprintf("term %q has no category", term)})
				continue
			}
			for _, s := range nums {
				num, err := strconv.Atoi(s)
				if err != nil {
					errs = append(errs, LineError{Line: n, Msg: fmt.Sprintf("category %q of term %q is not a number (conditional LIWC categories are not supported)", s, term)})
					continue
				}
				cat, ok := cats[num]
				if !ok {
					errs = append(errs, LineError{Line: n, Msg: fmt.Sprintf("term %q: unknown category %d", term, num)})
					continue
				}
				lex.Entries = append(lex.Entries, Entry{Pattern: term, Frame: cat})
				lines = append(lines, n)
			}
		}
	}
	if section < 2 {
		errs = append(errs, LineError{Msg: "the category header must open and close with a % line"})
	}
	return lexFinish(lex, errs, lines, frameLines)
}

// lexLIWCFields splits a LIWC header line on tabs, or on spaces when it has
// no tab.
func lexLIWCFields(line string) []string {
	var fields []string
	if strings.Contains(line, "\t") {
		for _, f := range strings.Split(line, "\t") {
			if f = strings.TrimSpace(f); f != "" {
				fields = append(fields, f)
			}
		}
		return fields
	}
	return strings.Fields(line)
}

// lexLIWCTerm splits a LIWC term line into the term and its category
// numbers. With tabs the term is the first field and may hold spaces
// ("kind of"); without, it is the first space-separated field.
func lexLIWCTerm(line string) (string, []string) {
	if term, rest, ok := strings.Cut(line, "\t"); ok {
		return strings.TrimSpace(term), strings.Fields(rest)
	}
	f := strings.Fields(line)
	return f[0], f[1:]
}

// CSV returns the lexicon in the native CSV format: its frames as
// "# frame" comment lines, then the header and one line per entry.
// ParseLexiconCSV reads it back to an equal lexicon.
func (l *Lexicon) CSV() []byte {
	var b bytes.Buffer
	for _, f := range l.Frames {
		b.WriteString(lexFramePrefix)
		b.WriteString(lexOneLine(f.Name))
		b.WriteString(":")
		if d := lexOneLine(f.Description); d != "" {
			b.WriteString(" ")
			b.WriteString(d)
		}
		b.WriteString("\n")
	}
	lexWriteEntries(&b, l.Entries)
	return b.Bytes()
}

// lexOneLine folds line breaks into spaces so a value fits a comment line.
func lexOneLine(s string) string {
	return strings.TrimSpace(strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s))
}

// lexWriteEntries writes the header and one CSV record per entry.
func lexWriteEntries(b *bytes.Buffer, entries []Entry) {
	b.WriteString(strings.Join(lexCSVHeader, ","))
	b.WriteString("\n")
	for _, e := range entries {
		lexWriteField(b, e.Pattern)
		b.WriteByte(',')
		lexWriteField(b, e.Frame)
		b.WriteByte(',')
		lexWriteField(b, e.Actor)
		b.WriteByte(',')
		b.WriteString(strconv.Itoa(e.Valence))
		b.WriteByte(',')
		lexWriteField(b, e.Note)
		b.WriteByte('\n')
	}
}

// lexWriteField writes one CSV field, quoted when it holds a delimiter, a
// quote, a line break, or starts with '#' (which would read as a comment).
func lexWriteField(b *bytes.Buffer, s string) {
	if !strings.ContainsAny(s, ",\"\r\n") && !strings.HasPrefix(s, "#") {
		b.WriteString(s)
		return
	}
	b.WriteByte('"')
	b.WriteString(strings.ReplaceAll(s, `"`, `""`))
	b.WriteByte('"')
}

// LexiconVersion derives a version from the entries' content: the first 12
// hex digits of the SHA-256 of their canonical CSV. The same entries in the
// same order give the same version anywhere; any change to a pattern, frame,
// actor, valence, note or the order (which fixes Hit.Entry) changes it.
func LexiconVersion(entries []Entry) string {
	var b bytes.Buffer
	lexWriteEntries(&b, entries)
	sum := sha256.Sum256(b.Bytes())
	return hex.EncodeToString(sum[:])[:12]
}

// Validate checks every entry and returns a *LexiconError listing all
// problems by entry number (1-based): valence outside -2..2, an empty
// pattern, a bad pattern ('*' not at the end of a word, no words), an empty
// frame on a label, a frame not among the declared Frames, and duplicate
// patterns within a frame.
func (l *Lexicon) Validate() error {
	if errs := lexCheck(l, nil, nil); len(errs) > 0 {
		e := lexSortedError(l.Name, errs)
		e.ByEntry = true
		return e
	}
	return nil
}

// lexFinish validates a parsed lexicon and sets its version, or returns
// every problem the parser and the validation found. "No entries" is left
// out when other problems explain it.
func lexFinish(lex *Lexicon, errs []LineError, lines, frameLines []int) (*Lexicon, error) {
	for _, e := range lexCheck(lex, lines, frameLines) {
		if e.Msg == lexNoEntries && len(errs) > 0 {
			continue
		}
		errs = append(errs, e)
	}
	if len(errs) > 0 {
		return nil, lexSortedError(lex.Name, errs)
	}
	lex.Version = LexiconVersion(lex.Entries)
	return lex, nil
}

// lexNoEntries is the message for a lexicon without entries.
const lexNoEntries = "no entries"

// lexSortedError builds a LexiconError with its problems in line order.
func lexSortedError(name string, errs []LineError) *LexiconError {
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Line < errs[j].Line })
	return &LexiconError{Name: name, Errors: errs}
}

// lexCheck validates the lexicon's entries and frames. lines[i] is the file
// line of entry i and frameLines[i] that of frame i; when nil, entries and
// frames are numbered from 1.
func lexCheck(l *Lexicon, lines, frameLines []int) []LineError {
	var errs []LineError
	at := func(i int) int {
		if lines != nil {
			return lines[i]
		}
		return i + 1
	}
	frameAt := func(i int) int {
		if frameLines != nil {
			return frameLines[i]
		}
		return 0
	}
	declared := map[string]bool{}
	var names []string
	for i, f := range l.Frames {
		if strings.ContainsAny(f.Name, "\r\n") {
			// A frame is declared on one comment line of the native CSV.
			errs = append(errs, LineError{Line: frameAt(i), Msg: fmt.Sprintf("frame %q contains a line break", f.Name)})
			continue
		}
		if declared[f.Name] {
			errs = append(errs, LineError{Line: frameAt(i), Msg: fmt.Sprintf("frame %q declared twice", f.Name)})
			continue
		}
		declared[f.Name] = true
		names = append(names, f.Name)
	}
	if len(l.Entries) == 0 {
		errs = append(errs, LineError{Msg: lexNoEntries})
	}
	type seenAt struct {
		idx       int
		exclusion bool
	}
	seen := map[string]seenAt{}        // normalised pattern + frame -> first entry
	seenPattern := map[string]seenAt{} // normalised pattern -> first entry
	for i, e := range l.Entries {
		line := at(i)
		if e.Valence < -2 || e.Valence > 2 {
			errs = append(errs, LineError{Line: line, Msg: fmt.Sprintf("valence %q out of range -2..2", strconv.Itoa(e.Valence))})
		}
		body := strings.TrimSpace(strings.TrimPrefix(e.Pattern, "!"))
		if body == "" {
			errs = append(errs, LineError{Line: line, Msg: "empty pattern"})
			continue
		}
		if !utf8.ValidString(e.Pattern) {
			errs = append(errs, LineError{Line: line, Msg: "pattern is not valid UTF-8"})
			continue
		}
		pat, err := lexParsePattern(body)
		if err != "" {
			errs = append(errs, LineError{Line: line, Msg: fmt.Sprintf("pattern %q: %s", e.Pattern, err)})
			continue
		}
		if !e.Exclusion() {
			if e.Frame == "" {
				errs = append(errs, LineError{Line: line, Msg: fmt.Sprintf("pattern %q has an empty frame", e.Pattern)})
			} else if len(declared) > 0 && !declared[e.Frame] {
				errs = append(errs, LineError{Line: line, Msg: fmt.Sprintf("frame %q is not declared (declared: %s)", e.Frame, strings.Join(names, ", "))})
			}
		}
		key := pat.key
		frameKey := key + "\x00" + e.Frame
		if e.Exclusion() {
			frameKey = key + "\x00!"
		}
		if first, dup := seen[frameKey]; dup {
			errs = append(errs, LineError{Line: line, Msg: fmt.Sprintf("duplicate pattern %q (first on %s %d)", e.Pattern, lexUnit(lines), at(first.idx))})
			continue
		}
		seen[frameKey] = seenAt{idx: i, exclusion: e.Exclusion()}
		if first, ok := seenPattern[key]; ok && first.exclusion != e.Exclusion() {
			errs = append(errs, LineError{Line: line, Msg: fmt.Sprintf("pattern %q is both an exclusion and a label (see %s %d)", e.Pattern, lexUnit(lines), at(first.idx))})
			continue
		}
		if _, ok := seenPattern[key]; !ok {
			seenPattern[key] = seenAt{idx: i, exclusion: e.Exclusion()}
		}
	}
	return errs
}

// lexUnit names what lexCheck's numbers count.
func lexUnit(lines []int) string {
	if lines == nil {
		return "entry"
	}
	return "line"
}
