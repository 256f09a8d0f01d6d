package analysis

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// News dumps often hold text that was UTF-8, was read as Windows-1252 and
// was written out as UTF-8 again, sometimes twice: "Syria’s" comes as
// "Syriaâ€™s" or "SyriaÃ¢â‚¬â„¢s", "café" as "cafÃ©". Each round is
// undone by writing the text back as Windows-1252 bytes and reading those as
// UTF-8.
//
// A text is repaired only whole: every character must have a Windows-1252
// byte and the bytes must be valid UTF-8. Text that really is in a Latin
// script fails that test at its first accented letter (the byte of "é"
// followed by a plain letter is no UTF-8), so it is never touched; a text
// that mixes proper characters with garbled ones is left as it is too.

// cleanMojibakeRounds bounds the rounds undone: three covers everything
// seen in real dumps.
const cleanMojibakeRounds = 3

// cleanRepairMojibake returns s with its rounds of UTF-8 read as
// Windows-1252 undone, or s itself when it shows none or cannot be undone
// whole.
func cleanRepairMojibake(s string) string {
	for range cleanMojibakeRounds {
		if !cleanLooksMojibake(s) {
			return s
		}
		b, ok := cleanAsWindows1252(s)
		if !ok || !utf8.Valid(b) {
			return s
		}
		s = string(b)
	}
	return s
}

// cleanLooksMojibake reports whether s holds a telltale of one round: "Â"
// or "Ã" followed by a character of the Windows-1252 upper half (the lead
// byte of a two-byte character read as a letter), or "â€" (the lead of
// the curly quotes and dashes).
func cleanLooksMojibake(s string) bool {
	for i := 0; ; {
		k := strings.IndexByte(s[i:], 0xC3)
		if k < 0 {
			return false
		}
		i += k
		if i+3 >= len(s) {
			return false
		}
		switch s[i+1] {
		case 0x82, 0x83: // Â, Ã
			if c := s[i+2]; c == 0xC2 || c == 0xC5 || c == 0xC6 || c == 0xCB || c == 0xE2 {
				return true
			}
		case 0xA2: // â
			if strings.HasPrefix(s[i+2:], "€") {
				return true
			}
		}
		i++
	}
}

// cleanAsWindows1252 writes s in Windows-1252, or reports false when one
// of its characters has no byte there. The five bytes Windows-1252 leaves
// undefined come back from the C1 controls that lenient readers made of
// them, and from U+FFFD after "â€": strict readers lose the last byte of
// the closing quote ” (E2 80 9D) that way, and it is the only character
// common in news whose bytes start so and end in an undefined one.
func cleanAsWindows1252(s string) ([]byte, bool) {
	out := make([]byte, 0, len(s))
	for _, r := range s {
		if r < utf8.RuneSelf {
			out = append(out, byte(r))
			continue
		}
		switch r {
		case 0x81, 0x8D, 0x8F, 0x90, 0x9D:
			out = append(out, byte(r))
			continue
		case utf8.RuneError:
			if n := len(out); n >= 2 && out[n-2] == 0xE2 && out[n-1] == 0x80 {
				out = append(out, 0x9D)
				continue
			}
			return nil, false
		}
		b, ok := charmap.Windows1252.EncodeRune(r)
		if !ok {
			return nil, false
		}
		out = append(out, b)
	}
	return out, true
}
