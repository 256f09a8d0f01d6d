package analysis

// Every literal is a space followed by one folded word, and perhaps the
// space that ends it (see lexPatWord.literals): it holds no other space. So
// a literal can only be found at a word start, reading the word's own bytes
// and the space after it, and the Aho-Corasick automaton over the literals
// is a plain trie walked down each word from its first byte: the walk ends
// at the space after the word, or earlier where no literal goes on, and a
// state ends at most one literal. The fold records the word starts
// (lexFoldStarts), and lexTrie.scan walks the words from there; most walks
// stop within two bytes, as few words share more than their first letter
// or two with a literal.

// lexTrie is the trie automaton of a matcher's literals.
type lexTrie struct {
	// class maps a folded byte to its column: 0 for a byte in no literal.
	class [256]uint32
	// trans holds stride columns per state; a value is the target state
	// times stride, so a step is one addition and one load. The root, the
	// state before a word's first byte, is 0; the states from term up to
	// dead end a literal. Then come dead, where a step to no state goes,
	// and hit (see pair), each a row whose every step stays in it. So one
	// comparison tells the usual step (to a state that goes on and ends
	// no literal) from the others.
	trans             []uint32
	term, dead, shift uint32
	// pair is the state after a word's first two bytes, read as a
	// little-endian uint16 (the second may be the space after the word):
	// scan makes these two steps in one, without a column lookup or
	// bounds check. Where either byte ends a literal it holds hit, the
	// row after dead, whose every step stays there, so that scan need not
	// test the state after each step.
	pair [1 << 16]uint32
	// lit is the literal ended at each state from term/stride on.
	lit []int32
}

// newLexTrie builds the trie of lits, or returns nil when one of them does
// not have the shape the trie relies on (a space, then no other space but
// perhaps a last one).
func newLexTrie(lits []string) *lexTrie {
	t := &lexTrie{}
	ncls := uint32(1)
	for _, l := range lits {
		if len(l) < 2 || l[0] != ' ' {
			return nil
		}
		for i := 1; i < len(l); i++ {
			c := l[i]
			if c == ' ' && i < len(l)-1 {
				return nil
			}
			if t.class[c] == 0 {
				t.class[c] = ncls
				ncls++
			}
		}
	}
	stride := uint32(1)
	for stride < ncls {
		stride <<= 1
		t.shift++
	}
	// The trie, as child lists by column (0 for none), and the literal each
	// state ends; state 0 is the root.
	child := [][]uint32{make([]uint32, stride)}
	ends := []int32{-1}
	for id, l := range lits {
		s := uint32(0)
		for i := 1; i < len(l); i++ {
			c := t.class[l[i]]
			if child[s][c] == 0 {
				child[s][c] = uint32(len(child))
				child = append(child, make([]uint32, stride))
				ends = append(ends, -1)
			}
			s = child[s][c]
		}
		ends[s] = int32(id)
	}
	// Number the states that end a literal after the others.
	num := make([]uint32, len(child))
	next := uint32(0)
	for pass := range 2 {
		if pass == 1 {
			t.term = next * stride
		}
		for s := range child {
			if (ends[s] >= 0) == (pass == 1) {
				num[s] = next
				next++
			}
		}
	}
	// The dead state is a row of its own, after them all, so that steps
	// from it are steps too; so is hit, after it, for the pair table.
	t.dead = next * stride
	hit := t.dead + stride
	t.trans = make([]uint32, (len(child)+2)*int(stride))
	t.lit = make([]int32, len(child)+2)
	for i := range t.trans {
		t.trans[i] = t.dead
	}
	for c := range stride {
		t.trans[hit+c] = hit
	}
	t.lit[next], t.lit[next+1] = -1, -1
	for s, row := range child {
		base := num[s] * stride
		for c, to := range row {
			if to != 0 {
				t.trans[base+uint32(c)] = num[to] * stride
			}
		}
		t.lit[num[s]] = ends[s]
	}
	for b0 := range 256 {
		s1 := t.trans[t.class[b0]]
		for b1 := range 256 {
			st := t.trans[s1+t.class[b1]]
			if s1 >= t.term && s1 != t.dead || st >= t.term && st != t.dead {
				st = hit
			}
			t.pair[b0|b1<<8] = st
		}
	}
	return t
}

// scan walks the trie at the words of the folded text w (with lexPad
// spaces past the text) that start at starts (lexFoldStarts), and moves to
// the front of starts, returning their number, the starts of those that
// may begin with a literal, for findWords to walk again: those whose
// first four bytes hold the end of one, and the few that still go on
// after them (in news text, one word in seventeen is kept, and one in
// fifty-five for going on).
//
// Which words go on, and how far, is beyond a branch predictor, so scan
// makes the first four steps of every word without a branch: the pair
// table's two, then two more, which past the word's end stay dead. The
// pair table takes a walk that meets a literal's end in its two steps to
// hit (see pair), so only the third state and the last need be tested:
// the third for the end of a literal (term <= s3 < dead, one unsigned
// comparison), the last for dead. (A copy of trans whose literal-ending
// rows all led to hit spared the third test; it doubled the matcher's
// largest table, which a user's lexicon of many words makes large.)
func (t *lexTrie) scan(w []byte, starts []int) int {
	trans, class, dead, term, pair := t.trans, &t.class, t.dead, t.term, &t.pair
	n := 0
	for _, start := range starts {
		// The word's first byte is at start+1 in w, after a space.
		b := w[start+1 : start+5]
		s3 := trans[int(pair[uint16(b[0])|uint16(b[1])<<8])+int(class[b[2]])]
		s4 := trans[int(s3)+int(class[b[3]])]
		starts[n] = start // n is no more than the index of start
		// Conditional moves, not a branch that would be mispredicted at
		// one word in seventeen.
		keep := 0
		if s4 != dead {
			keep = 1
		}
		if s3-term < dead-term {
			keep = 1
		}
		n += keep
	}
	return n
}

// walk goes on down the trie from state st (times stride) with the bytes of
// w after offset q, and stops at the first state that ends a literal or is
// dead, returning it and the offset of the byte that led there. A walk
// from the root (0) at the space before a word thus meets the literals the
// word starts with, shortest first, then dies at the word's end at the
// latest. w must have lexPad spaces past the text, where every walk dies.
func (t *lexTrie) walk(w []byte, q int, st uint32) (uint32, int) {
	trans, class, term := t.trans, &t.class, t.term
	for {
		q++
		if st = trans[st+class[w[q]]]; st >= term {
			return st, q
		}
	}
}

// litAt returns the literal that the state st (times stride), at or past
// term but not dead, ends.
func (t *lexTrie) litAt(st uint32) int {
	return int(t.lit[st>>t.shift])
}
