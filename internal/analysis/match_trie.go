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
	// state before a word's first byte, is 0, and the states from term on
	// end a literal. A step to no state gives lexDead, which is past them
	// all, so that one comparison tells the usual step (to a state that
	// goes on and ends no literal) from the rare ones.
	trans       []uint32
	term, shift uint32
	// pair is the state after a word's first two bytes, read as a
	// little-endian uint16 (the second may be the space after the word):
	// scan makes these two steps in one, without a column lookup or
	// bounds check. Where the first byte already ends a literal, it holds
	// that state, so that scan keeps the word.
	pair [1 << 16]uint32
	// lit is the literal ended at each state from term/stride on.
	lit []int32
}

// lexDead is the trie's step to no state: 1<<32-1, in no row.
const lexDead = ^uint32(0)

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
	t.trans = make([]uint32, len(child)*int(stride))
	t.lit = make([]int32, len(child))
	for i := range t.trans {
		t.trans[i] = lexDead
	}
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
			st := s1
			if s1 < t.term {
				st = t.trans[s1+t.class[b1]]
			}
			t.pair[b0|b1<<8] = st
		}
	}
	return t
}

// scan walks the trie at the words of the folded text w (with lexPad
// spaces past the text) that start at starts (lexFoldStarts), and returns,
// in starts' storage, the starts of those that begin with a literal. Its
// loop makes no call, which would make the compiler keep its variables in
// memory.
func (t *lexTrie) scan(w []byte, starts []int) []int {
	trans, class, term, pair := t.trans, &t.class, t.term, &t.pair
	n := 0
	for _, start := range starts {
		// The word's first byte is at start+1 in w, after a space.
		b := w[start+1 : start+3]
		st := pair[uint16(b[0])|uint16(b[1])<<8]
		for q := start + 3; st < term; q++ {
			st = trans[st+class[w[q]]]
		}
		if st != lexDead {
			starts[n] = start // n is no more than the index of start
			n++
		}
	}
	return starts[:n]
}

// walk goes on down the trie from state st (times stride) with the bytes of
// w after offset q, and stops at the first state that ends a literal or is
// lexDead, returning it and the offset of the byte that led there. A walk
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
// term but not lexDead, ends.
func (t *lexTrie) litAt(st uint32) int {
	return int(t.lit[st>>t.shift])
}
