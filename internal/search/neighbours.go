package search

import (
	"slices"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/search/query"
)

// neighbours finds the statement words one edit away from a question word
// without Bleve's fuzzy query, which builds a Levenshtein automaton per
// word: a third of the time of a question with a long unknown word. It is
// a deletion index (SymSpell): every word of the statements' dictionary
// under itself and under each of its one-rune deletions, so the words one
// edit from q share a key with q or one of q's deletions. Built on the
// first question that needs it, from the field's own dictionary, so it
// finds exactly the words Bleve's automaton would.
type neighbours struct {
	once  sync.Once
	byKey map[string][]string
	terms []string // the dictionary, in byte order (set by the build): prefix look-ups
	err   error
}

// near returns the words of the statements one edit from q (q excluded),
// in byte order as Bleve's dictionary lists them.
func (ix *Index) near(q string) ([]string, error) {
	nb, err := ix.dict()
	if err != nil {
		return nil, err
	}
	var out []string
	for _, k := range deleteOne(q) {
		for _, w := range nb.byKey[k] {
			if w != q && oneEdit(q, w) && !slices.Contains(out, w) {
				out = append(out, w)
			}
		}
	}
	slices.Sort(out)
	return out, nil
}

// dict builds the deletion index once, from the dictionary the index's
// build read (readTerms).
func (ix *Index) dict() (*neighbours, error) {
	nb := &ix.nb
	nb.once.Do(func() {
		nb.byKey = map[string][]string{}
		if nb.err = ix.Prepare(); nb.err != nil {
			return
		}
		for _, w := range nb.terms {
			for _, k := range deleteOne(w) {
				nb.byKey[k] = append(nb.byKey[k], w)
			}
		}
	})
	return nb, nb.err
}

// deleteOne is s and s with each of its runes deleted, without repeats.
func deleteOne(s string) []string {
	rs := []rune(s)
	out := []string{s}
	for i := range rs {
		d := string(rs[:i]) + string(rs[i+1:])
		if !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	return out
}

// oneEdit reports whether a and b are at most one edit apart as Bleve's
// Levenshtein automaton counts: an insertion, a deletion, a substitution
// of a rune or a swap of two neighbours ("12" and "21").
func oneEdit(a, b string) bool {
	x, y := []rune(a), []rune(b)
	if len(x) > len(y) {
		x, y = y, x
	}
	if len(y)-len(x) > 1 {
		return false
	}
	i := 0
	for i < len(x) && x[i] == y[i] {
		i++
	}
	if len(x) < len(y) {
		return slices.Equal(x[i:], y[i+1:])
	}
	if i >= len(x)-1 {
		return true
	}
	return slices.Equal(x[i+1:], y[i+1:]) ||
		x[i] == y[i+1] && x[i+1] == y[i] && slices.Equal(x[i+2:], y[i+2:])
}

// fuzzy is the query Bleve's FuzzyQuery with fuzziness 1 makes of the
// word: a disjunction of its neighbours, each boosted 1/2 (one edit), or
// the word itself when it has none.
func (ix *Index) fuzzy(stem string) (query.Query, error) {
	ws, err := ix.near(stem)
	if err != nil {
		return nil, err
	}
	if len(ws) == 0 {
		tq := query.NewTermQuery(stem)
		tq.SetField(fieldText)
		return tq, nil
	}
	qs := make([]query.Query, len(ws))
	for i, w := range ws {
		tq := query.NewTermQuery(w)
		tq.SetField(fieldText)
		tq.SetBoost(0.5)
		qs[i] = tq
	}
	return query.NewDisjunctionQuery(qs), nil
}

// prefix is the query Bleve's PrefixQuery makes of a stem: a disjunction
// of the dictionary's words that begin with it, found by binary search
// instead of walking Bleve's dictionary per question.
func (ix *Index) prefix(stem string) (query.Query, error) {
	nb, err := ix.dict()
	if err != nil {
		return nil, err
	}
	i, _ := slices.BinarySearch(nb.terms, stem)
	if i == len(nb.terms) || !strings.HasPrefix(nb.terms[i], stem) {
		// No word begins so: Bleve's own query, whose empty part of the
		// disjunction scores unlike an empty DisjunctionQuery.
		pq := query.NewPrefixQuery(stem)
		pq.SetField(fieldText)
		return pq, nil
	}
	var qs []query.Query
	for ; i < len(nb.terms) && strings.HasPrefix(nb.terms[i], stem); i++ {
		tq := query.NewTermQuery(nb.terms[i])
		tq.SetField(fieldText)
		qs = append(qs, tq)
	}
	return query.NewDisjunctionQuery(qs), nil
}
