package names

// lookup returns the name terms a token may stand for, as Find reads them
// word by word: itself when it is a name term, else the terms nearTo
// finds. The tests compare it with the old index (oracle_test.go) and
// check that it remembers.
func (ix *Index) lookup(t Token) []candidate {
	if id, ok := ix.terms.search(t.Term); ok {
		return []candidate{{int32(id), 0}}
	}
	return ix.nearTo(t)
}
