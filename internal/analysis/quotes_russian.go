package analysis

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Russian attributions are read with a small set of speech verbs and the
// "according to" phrases по словам / по данным, next to «» quotes and the
// dash convention «...», — сказал Лавров. English is the main language of
// the engine; this covers the common Russian wire style only.

// speechCueRussianWords are the Russian speech verbs, in their past-tense
// forms (masculine, feminine, plural).
var speechCueRussianWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`сказал сказала сказали заявил заявила заявили отметил отметила отметили
		подчеркнул подчеркнула подчеркнули добавил добавила добавили сообщил сообщила сообщили
		пояснил пояснила пояснили`) {
		m[w] = true
	}
	return m
}()

// speechCueRussianAccording are the words after "по" that make an
// "according to" phrase: по словам X, по данным X.
var speechCueRussianAccording = map[string]bool{"словам": true, "данным": true}

// speechCueAccording reports whether cue puts its speaker after it
// ("according to X", "in the words of X", "по словам X") rather than
// being a verb.
func speechCueAccording(cue string) bool {
	return cue == "according to" || cue == "in the words of" || strings.HasPrefix(cue, "по ")
}

// speechCueRussianAt is speechCueAt for a token that starts with a
// non-ASCII letter.
func speechCueRussianAt(body string, toks []qTok, k int) (string, int) {
	w := strings.ToLower(body[toks[k].s:toks[k].e])
	if speechCueRussianWords[w] {
		return w, 1
	}
	if w == "по" && k+1 < len(toks) && toks[k+1].word {
		if n := strings.ToLower(body[toks[k+1].s:toks[k+1].e]); speechCueRussianAccording[n] {
			return "по " + n, 2
		}
	}
	return "", 0
}

// quoteScanRussian adds the Russian cue candidates of body to r.cues, which
// stay sorted by offset. It runs only on bodies holding Cyrillic letters.
func quoteScanRussian(body string, r *quoteScanResult) {
	n := len(r.cues)
	for i := 0; ; {
		s, e, ok := NextWord(body, i)
		if !ok {
			break
		}
		i = e
		if body[s] < utf8.RuneSelf {
			continue
		}
		w := strings.ToLower(body[s:e])
		if speechCueRussianWords[w] {
			r.cues = append(r.cues, Span{s, e})
			continue
		}
		if w == "по" {
			if s2, e2, ok := NextWord(body, e); ok && s2 == e+1 && speechCueRussianAccording[strings.ToLower(body[s2:e2])] {
				r.cues = append(r.cues, Span{s, e})
			}
		}
	}
	if len(r.cues) > n {
		sort.Slice(r.cues, func(i, j int) bool { return r.cues[i].Start < r.cues[j].Start })
	}
}
