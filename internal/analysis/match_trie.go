package analysis

// Every automaton literal is a space followed by one folded word: it holds
// no other space. So the longest suffix of the text read so far that starts
// a literal begins at the latest space, and the Aho-Corasick automaton over
// the literals is a plain trie walked from each space: at a space the state
// is the one after " ", at any other byte the walk goes down the trie or
// falls dead until the next space, and a state ends at most one literal.
// The text can therefore be cut at any space into pieces walked
// independently. lexTrie walks four pieces of the folded text in one loop:
// each step of a walk waits on the table read before it, and four walks
// interleaved keep four reads in flight.

// lexTrie is the trie automaton of a matcher's literals.
type lexTrie struct {
	// class maps a byte to its column: 0 for a byte in no literal, 1 for a
	// space.
	class [256]uint32
	// trans holds stride columns per state; a value is the target state
	// times stride. State 0 is dead, state 1 follows a space, and the
	// states from term/stride on end a literal.
	trans        []uint32
	stride, term uint32
	// lit is the literal ended at each state from term/stride on.
	lit []int32
	// litLen is each literal's length in bytes.
	litLen []int
}

// lexTrieWays is the number of pieces the text is walked in at once.
const lexTrieWays = 4

// lexCand is one literal found: it starts at Start in the folded text (the
// offset of its word in the text) and is automaton literal Lit.
type lexCand struct {
	Start int
	Lit   int
}

// newLexTrie builds the trie of lits, or returns nil when one of them does
// not have the shape the trie relies on (a space, then no other space).
func newLexTrie(lits []string) *lexTrie {
	t := &lexTrie{}
	ncls := uint32(2)
	for _, l := range lits {
		if len(l) < 2 || l[0] != ' ' {
			return nil
		}
		for i := 1; i < len(l); i++ {
			c := l[i]
			if c == ' ' {
				return nil
			}
			if t.class[c] == 0 {
				t.class[c] = ncls
				ncls++
			}
		}
	}
	t.class[' '] = 1
	t.stride = 1
	for t.stride < ncls {
		t.stride <<= 1
	}
	// The trie, as child lists by column, and the literal each state ends.
	child := [][]uint32{make([]uint32, t.stride), make([]uint32, t.stride)}
	ends := []int32{-1, -1}
	for id, l := range lits {
		s := uint32(1)
		for i := 1; i < len(l); i++ {
			c := t.class[l[i]]
			if child[s][c] == 0 {
				child[s][c] = uint32(len(child))
				child = append(child, make([]uint32, t.stride))
				ends = append(ends, -1)
			}
			s = child[s][c]
		}
		ends[s] = int32(id)
		t.litLen = append(t.litLen, len(l))
	}
	// Number the states that end a literal last.
	num := make([]uint32, len(child))
	next := uint32(0)
	for pass := range 2 {
		for s := range child {
			if (ends[s] >= 0) == (pass == 1) {
				num[s] = next
				next++
			}
		}
		if pass == 0 {
			t.term = next * t.stride
		}
	}
	t.trans = make([]uint32, len(child)*int(t.stride))
	t.lit = make([]int32, len(child))
	for s, row := range child {
		base := num[s] * t.stride
		for c, to := range row {
			if to != 0 {
				t.trans[base+uint32(c)] = num[to] * t.stride
			}
		}
		t.trans[base+1] = num[1] * t.stride // a space restarts the walk
		t.lit[num[s]] = ends[s]
	}
	return t
}

// find appends the literals found in the folded text f to dst, in order of
// their ends, as Aho-Corasick's overlapping search reports them. seg is
// scratch for the literals of the pieces after the first.
func (t *lexTrie) find(f []byte, dst []lexCand, seg *[lexTrieWays][]lexCand) []lexCand {
	// Cut f at spaces into pieces of about equal length (the last ones
	// may be empty).
	var cut [lexTrieWays + 1]int
	cut[lexTrieWays] = len(f)
	for k := 1; k < lexTrieWays; k++ {
		c := max(len(f)*k/lexTrieWays, cut[k-1])
		for c < len(f) && f[c] != ' ' {
			c++
		}
		cut[k] = c
	}
	seg[0] = dst
	for k := 1; k < lexTrieWays; k++ {
		seg[k] = seg[k][:0]
	}
	p0, p1, p2, p3 := f[cut[0]:cut[1]], f[cut[1]:cut[2]], f[cut[2]:cut[3]], f[cut[3]:cut[4]]
	n := min(len(p0), len(p1), len(p2), len(p3))
	trans, class, term := t.trans, &t.class, t.term
	var s [lexTrieWays]uint32
	s0, s1, s2, s3 := s[0], s[1], s[2], s[3]
	for i := range n {
		s0 = trans[s0+class[p0[i]]]
		s1 = trans[s1+class[p1[i]]]
		s2 = trans[s2+class[p2[i]]]
		s3 = trans[s3+class[p3[i]]]
		if s0 >= term || s1 >= term || s2 >= term || s3 >= term {
			for k, sk := range [lexTrieWays]uint32{s0, s1, s2, s3} {
				if sk >= term {
					seg[k] = t.emit(seg[k], sk, cut[k]+i)
				}
			}
		}
	}
	s = [lexTrieWays]uint32{s0, s1, s2, s3}
	for k := range lexTrieWays {
		sk := s[k]
		for i := cut[k] + n; i < cut[k+1]; i++ {
			if sk = trans[sk+class[f[i]]]; sk >= term {
				seg[k] = t.emit(seg[k], sk, i)
			}
		}
	}
	dst = seg[0]
	for k := 1; k < lexTrieWays; k++ {
		dst = append(dst, seg[k]...)
	}
	seg[0] = nil
	return dst
}

// emit appends the literal ending at state s (times stride) with its last
// byte at offset i.
func (t *lexTrie) emit(dst []lexCand, s uint32, i int) []lexCand {
	id := int(t.lit[s/t.stride])
	return append(dst, lexCand{Start: i + 1 - t.litLen[id], Lit: id})
}
