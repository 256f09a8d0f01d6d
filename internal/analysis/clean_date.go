package analysis

import (
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Dates are found by a small recognizer rather than a general date library:
// a line must be nothing but a date (with labels such as "Published:", a
// weekday, a time and a zone) to count, the formats of scraped pages mix
// commas and zone names that general parsers reject ("6 Dec, 2016 09:15",
// "10:32 AM ET"), and the result must say whether a time of day was given.

// cleanMonths maps month names and their abbreviations to month numbers.
var cleanMonths = map[string]time.Month{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
	"apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
	"aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
	"october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
	// Russian, in the genitive of "6 декабря 2016".
	"января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6,
	"июля": 7, "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
}

// cleanWeekdays lists weekday names and their abbreviations.
var cleanWeekdays = cleanWordSet(`mon monday tue tues tuesday wed weds wednesday thu thur thurs
thursday fri friday sat saturday sun sunday`)

// fullWeekday reports whether w, in lower case, is a weekday's full name:
// its abbreviations in cleanWeekdays have five letters at most.
func fullWeekday(w string) bool { return len(w) >= 6 && cleanWeekdays[w] }

// cleanDateLabels open a date: "Published:", "Updated", "Last updated on".
var cleanDateLabels = cleanWordSet(`published updated posted modified edited created first last
pub`)

// cleanDateFiller may stand between the parts of a date: "on", "at",
// "Edited time:".
var cleanDateFiller = cleanWordSet(`on at time date - – — | @ / the of г года в`)

// cleanZones maps zone abbreviations with a fixed offset to seconds east of UTC.
var cleanZones = map[string]int{
	"z": 0, "utc": 0, "gmt": 0, "ut": 0, "est": -5 * 3600, "edt": -4 * 3600,
	"cst": -6 * 3600, "cdt": -5 * 3600, "mst": -7 * 3600, "mdt": -6 * 3600,
	"pst": -8 * 3600, "pdt": -7 * 3600, "bst": 3600, "cet": 3600, "cest": 2 * 3600,
	"eet": 2 * 3600, "eest": 3 * 3600, "msk": 3 * 3600, "ist": 5*3600 + 1800,
	"jst": 9 * 3600, "aest": 10 * 3600, "aedt": 11 * 3600,
}

// cleanUSZones maps the US zone names that follow daylight saving time to
// their standard offset in hours.
var cleanUSZones = map[string]int{"et": -5, "ct": -6, "mt": -7, "pt": -8}

// cleanDate is one date being assembled from the tokens of a date line.
type cleanDate struct {
	year, day, hour, min, sec int
	month                     time.Month
	hasTime, ampm, hasZone    bool
	zoneOffset                int  // seconds east of UTC, when hasZone
	usZone                    int  // standard offset in hours of a US zone name, or 0
	published                 bool // labelled "Published" or "Posted"
	parts                     int  // tokens that were part of the date
}

// cleanMetaLine reports whether line holds nothing but a date and a byline
// ("By Jane Doe | December 6, 2016", "6 Dec, 2016 09:15"), and returns the
// date found in it, formatted as Document.Published, or "" for a byline
// alone.
func cleanMetaLine(line string) (published string, ok bool) {
	if len(line) > 200 || !cleanMayBeMeta(line) {
		return "", false
	}
	return cleanMetaLineParse(line)
}

// cleanMetaLineParse is cleanMetaLine past its cheap look at the line
// (cleanMayBeMeta), which must never turn down a line this accepts.
func cleanMetaLineParse(line string) (published string, ok bool) {
	var dates []cleanDate
	byline := false
	for _, seg := range cleanSplitMeta(line) {
		if cleanIsByline(seg) {
			byline = true
			continue
		}
		ds, ok := cleanParseDates(seg)
		if !ok {
			return "", false
		}
		dates = append(dates, ds...)
	}
	if len(dates) == 0 {
		return "", byline
	}
	best := dates[0]
	for _, d := range dates {
		if d.published {
			best = d
			break
		}
	}
	return best.format(), true
}

// cleanMayBeMeta reports whether line holds an ASCII digit or "by " in
// any case, as every line cleanMetaLine takes does, so that the lines of
// a title and its text, most of the lines it is asked about, are turned
// down before they are split and parsed. A date needs its year, which no
// token without a digit gives (cleanDate.addNumber, valid), and a line
// without a date is taken only when each of its parts is a byline, which
// opens with "By ", "BY " or "by " (cleanIsByline).
func cleanMayBeMeta(line string) bool {
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case '0' <= c && c <= '9':
			return true
		case c == ' ' && i >= 2 && line[i-1]|0x20 == 'y' && line[i-2]|0x20 == 'b':
			return true
		}
	}
	return false
}

// cleanSplitMeta splits a meta line at the separators sites put between a
// byline and a date: "|", "•", "·" and spaced dashes.
func cleanSplitMeta(line string) []string {
	var segs []string
	if strings.IndexByte(line, '|') < 0 && !strings.Contains(line, "•") && !strings.Contains(line, "·") {
		// Most lines have no separator: strings.FieldsFunc would call
		// its function for each rune to find none.
		if line != "" {
			segs = []string{line}
		}
	} else {
		segs = strings.FieldsFunc(line, func(r rune) bool { return r == '|' || r == '•' || r == '·' })
	}
	var out []string
	for _, s := range segs {
		for _, sep := range [...]string{" — ", " – ", " - "} {
			s = strings.ReplaceAll(s, sep, "\x00")
		}
		for _, part := range strings.Split(s, "\x00") {
			if part = strings.TrimSpace(part); part != "" {
				out = append(out, part)
			}
		}
	}
	return out
}

// cleanIsByline reports whether s is a byline: "By Jane Doe", "By JANE DOE
// and JOHN ROE, Associated Press", but not "By Monday the army had left".
func cleanIsByline(s string) bool {
	if !(strings.HasPrefix(s, "By ") || strings.HasPrefix(s, "BY ") || strings.HasPrefix(s, "by ")) {
		return false
	}
	if strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return false
	}
	words := strings.Fields(s[3:])
	if len(words) == 0 || len(words) > 12 {
		return false
	}
	for i, w := range words {
		w = strings.TrimRight(w, ",;")
		if w == "" || w == "&" {
			continue
		}
		if strings.ContainsAny(w, ":\"“”") {
			return false
		}
		switch strings.ToLower(w) {
		case "and", "de", "da", "van", "von", "der", "den", "al", "el", "bin", "ibn", "la", "le", "du", "di", "in", "for", "of":
			if i > 0 {
				continue
			}
		}
		if !cleanIsUpperStart(w) {
			return false
		}
		// Only an initial or a suffix ("J.", "Jr.") may end in a full stop.
		if strings.HasSuffix(w, ".") && len(w) > 4 {
			return false
		}
	}
	return true
}

// cleanParseDates reads seg as one or more dates with their labels
// ("6 Dec, 2016 09:15 Edited time: 6 Dec, 2016 12:01"). It fails when any
// token is not part of a date, or when a date lacks its day, month or year.
func cleanParseDates(seg string) ([]cleanDate, bool) {
	var dates []cleanDate
	var cur cleanDate
	labelled := false
	flush := func() bool {
		if cur.parts == 0 {
			return !labelled
		}
		if !cur.valid() {
			return false
		}
		dates = append(dates, cur)
		cur, labelled = cleanDate{}, false
		return true
	}
	// The tokens are split as they are read: most lines fail at their
	// first words, and the rest of the line is then never split.
	for tok := range strings.FieldsFuncSeq(seg, func(r rune) bool { return unicode.IsSpace(r) || r == ',' }) {
		tok = strings.Trim(tok, "()[]")
		tok = strings.TrimRight(tok, ";:")
		if tok == "" {
			continue
		}
		low := strings.ToLower(tok)
		word := strings.TrimRight(low, ".")
		switch {
		case cleanDateLabels[word]:
			if cur.parts > 0 && !flush() {
				return nil, false
			}
			labelled = true
			if word == "published" || word == "posted" || word == "pub" {
				cur.published = true
			}
		case cleanDateFiller[word], cleanWeekdays[word]:
		case cleanMonths[word] != 0:
			if cur.month != 0 {
				if !flush() {
					return nil, false
				}
			}
			cur.month = cleanMonths[word]
			cur.parts++
		case word == "am" || word == "pm" || word == "a.m" || word == "p.m":
			if !cur.setAMPM(word[0] == 'p') {
				return nil, false
			}
		case cleanZones[word] != 0 || word == "z" || word == "utc" || word == "gmt" || word == "ut":
			if !cur.setZone(cleanZones[word]) {
				return nil, false
			}
		case cleanUSZones[word] != 0:
			if !cur.setZone(0) {
				return nil, false
			}
			cur.usZone = cleanUSZones[word]
		default:
			if !cur.addNumber(low) {
				// A complete date may be followed by the next one.
				if cur.parts > 0 && cur.valid() && !labelled {
					if !flush() {
						return nil, false
					}
					if cur.addNumber(low) {
						continue
					}
				}
				return nil, false
			}
		}
	}
	if !flush() {
		return nil, false
	}
	return dates, len(dates) > 0
}

// addNumber adds a numeric token to d: a day ("6", "6th"), a year, a time
// ("09:15", "10:32am"), a numeric date ("2016-12-06", "25/12/2016"), an ISO
// 8601 date-time or a zone offset ("+03:00"). It reports false for anything
// else, or for a part d already has.
func (d *cleanDate) addNumber(tok string) bool {
	if tok == "" {
		return false
	}
	if (tok[0] == '+' || tok[0] == '-') && len(tok) > 1 {
		return d.addOffset(tok)
	}
	if strings.HasPrefix(tok, "utc+") || strings.HasPrefix(tok, "utc-") || strings.HasPrefix(tok, "gmt+") || strings.HasPrefix(tok, "gmt-") {
		return d.addOffset(tok[3:])
	}
	if tok[0] < '0' || tok[0] > '9' {
		return false
	}
	if strings.ContainsRune(tok, 't') && strings.ContainsRune(tok, '-') {
		return d.addISO(tok)
	}
	if strings.ContainsRune(tok, ':') {
		return d.addTime(tok)
	}
	if strings.ContainsAny(tok, "/.-") {
		return d.addNumericDate(tok)
	}
	digits := tok
	for _, suf := range [...]string{"st", "nd", "rd", "th"} {
		digits = strings.TrimSuffix(digits, suf)
	}
	n, err := strconv.Atoi(digits)
	if err != nil {
		return false
	}
	switch {
	case len(digits) == 4 && digits == tok:
		if d.year != 0 {
			return false
		}
		d.year = n
	case len(digits) <= 2:
		if d.day != 0 {
			return false
		}
		d.day = n
	default:
		return false
	}
	d.parts++
	return true
}

// addTime adds "09:15", "09:15:00", "10:32am" or "10:32:05.123" to d.
func (d *cleanDate) addTime(tok string) bool {
	if d.hasTime {
		return false
	}
	pm, ampm := false, false
	for _, suf := range [...]string{"a.m.", "p.m.", "a.m", "p.m", "am", "pm"} {
		if strings.HasSuffix(tok, suf) {
			tok, pm, ampm = tok[:len(tok)-len(suf)], suf[0] == 'p', true
			break
		}
	}
	if i := strings.IndexByte(tok, '.'); i >= 0 {
		frac := tok[i+1:]
		if frac == "" || strings.Trim(frac, "0123456789") != "" {
			return false
		}
		tok = tok[:i]
	}
	parts := strings.Split(tok, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return false
	}
	var v [3]int
	for i, p := range parts {
		if len(p) == 0 || len(p) > 2 || i > 0 && len(p) != 2 {
			return false
		}
		n, err := strconv.Atoi(p)
		if err != nil {
			return false
		}
		v[i] = n
	}
	if v[0] > 23 || v[1] > 59 || v[2] > 59 {
		return false
	}
	d.hour, d.min, d.sec, d.hasTime = v[0], v[1], v[2], true
	d.parts++
	if ampm {
		return d.setAMPM(pm)
	}
	return true
}

// setAMPM turns d's 12-hour time into a 24-hour one.
func (d *cleanDate) setAMPM(pm bool) bool {
	if !d.hasTime || d.ampm || d.hour < 1 || d.hour > 12 {
		return false
	}
	d.ampm = true
	switch {
	case pm && d.hour < 12:
		d.hour += 12
	case !pm && d.hour == 12:
		d.hour = 0
	}
	return true
}

// setZone sets d's offset from UTC, in seconds. A zone without a time is
// no date part.
func (d *cleanDate) setZone(offset int) bool {
	if d.hasZone || !d.hasTime {
		return false
	}
	d.hasZone, d.zoneOffset = true, offset
	return true
}

// addOffset reads a zone offset: "+03:00", "+0300", "-05", "+3".
func (d *cleanDate) addOffset(tok string) bool {
	sign := 1
	if tok[0] == '-' {
		sign = -1
	}
	s := strings.ReplaceAll(tok[1:], ":", "")
	if s == "" || len(s) > 4 || strings.Trim(s, "0123456789") != "" {
		return false
	}
	h, m := 0, 0
	switch len(s) {
	case 1, 2:
		h, _ = strconv.Atoi(s)
	case 3:
		h, _ = strconv.Atoi(s[:1])
		m, _ = strconv.Atoi(s[1:])
	case 4:
		h, _ = strconv.Atoi(s[:2])
		m, _ = strconv.Atoi(s[2:])
	}
	if h > 14 || m > 59 {
		return false
	}
	if d.hasZone && d.zoneOffset == 0 && d.usZone == 0 {
		d.hasZone = false // "GMT +3": the offset refines the name
	}
	return d.setZone(sign * (h*3600 + m*60))
}

// addISO reads an ISO 8601 / RFC 3339 date-time: "2016-12-06T09:15:00Z",
// "2016-12-06T09:15:00+03:00", "2016-12-06T09:15".
func (d *cleanDate) addISO(tok string) bool {
	if d.parts > 0 {
		return false
	}
	s := strings.ToUpper(tok)
	for _, layout := range [...]string{time.RFC3339Nano, "2006-01-02T15:04Z07:00", "2006-01-02T15:04:05.999999999", "2006-01-02T15:04"} {
		t, err := time.Parse(layout, s)
		if err != nil {
			continue
		}
		d.year, d.month, d.day = t.Date()
		d.hour, d.min, d.sec = t.Clock()
		d.hasTime = true
		if strings.HasSuffix(layout, "Z07:00") {
			_, off := t.Zone()
			d.hasZone, d.zoneOffset = true, off
		}
		d.parts += 4
		return true
	}
	return false
}

// addNumericDate reads "2016-12-06", "2016/12/06", "25/12/2016",
// "12/25/2016" or "06.12.2016". Year-first dates are read as year, month,
// day. A slashed date with the year last is taken only when the day is over
// 12, so that day and month cannot be swapped (or are equal); a dotted one
// is read day first, as everywhere dots are used.
func (d *cleanDate) addNumericDate(tok string) bool {
	// Only a time may come before: "Updated 4:32 p.m. ET, 5/30/2014".
	if d.day != 0 || d.month != 0 || d.year != 0 {
		return false
	}
	var sep byte
	for _, c := range []byte("-/.") {
		if strings.IndexByte(tok, c) >= 0 {
			sep = c
			break
		}
	}
	parts := strings.Split(tok, string(sep))
	if len(parts) != 3 {
		return false
	}
	var v [3]int
	for i, p := range parts {
		if len(p) == 0 || len(p) > 4 {
			return false
		}
		n, err := strconv.Atoi(p)
		if err != nil {
			return false
		}
		v[i] = n
	}
	switch {
	case len(parts[0]) == 4 && len(parts[1]) <= 2 && len(parts[2]) <= 2:
		d.year, d.month, d.day = v[0], time.Month(v[1]), v[2]
	case len(parts[2]) == 4 && len(parts[0]) <= 2 && len(parts[1]) <= 2 && sep != '-':
		a, b := v[0], v[1]
		switch {
		case sep == '.' || a > 12 || a == b:
			d.day, d.month = a, time.Month(b)
		case b > 12:
			d.day, d.month = b, time.Month(a)
		default:
			return false // "06/12/2016": June 12 or 6 December
		}
		d.year = v[2]
	default:
		return false
	}
	d.parts += 3
	return true
}

// valid reports whether d is a whole, real date within 1900-2100.
func (d *cleanDate) valid() bool {
	if d.year < 1900 || d.year > 2100 || d.month < 1 || d.month > 12 || d.day < 1 {
		return false
	}
	return d.day <= time.Date(d.year, d.month+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// format renders d as Document.Published: RFC 3339 with a time of day (UTC
// when no zone was given), YYYY-MM-DD without one.
func (d *cleanDate) format() string {
	if !d.hasTime {
		return time.Date(d.year, d.month, d.day, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
	}
	loc := time.UTC
	if d.hasZone {
		off := d.zoneOffset
		if d.usZone != 0 {
			off = d.usZone * 3600
			if cleanUSDaylight(d.year, d.month, d.day, d.hour) {
				off += 3600
			}
		}
		if off != 0 {
			loc = time.FixedZone("", off)
		}
	}
	return time.Date(d.year, d.month, d.day, d.hour, d.min, d.sec, 0, loc).Format(time.RFC3339)
}

// cleanUSDaylight reports whether US daylight saving time is in force at the
// given local wall time: from 2 a.m. on the second Sunday of March to 2 a.m.
// on the first Sunday of November since 2007, and from the first Sunday of
// April to the last Sunday of October before.
func cleanUSDaylight(year int, month time.Month, day, hour int) bool {
	sunday := func(m time.Month, nth int) int { // nth Sunday of m; nth < 0 counts from the end
		if nth < 0 {
			last := time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC)
			return last.Day() - int(last.Weekday())
		}
		first := time.Date(year, m, 1, 0, 0, 0, 0, time.UTC)
		return 1 + (7-int(first.Weekday()))%7 + 7*(nth-1)
	}
	startM, startD, endM, endD := time.March, sunday(time.March, 2), time.November, sunday(time.November, 1)
	if year < 2007 {
		startM, startD, endM, endD = time.April, sunday(time.April, 1), time.October, sunday(time.October, -1)
	}
	t := int(month)*10000 + day*100 + hour
	return t >= int(startM)*10000+startD*100+2 && t < int(endM)*10000+endD*100+2
}
