package search

import (
	"context"
	"slices"
	"testing"
	"unicode/utf8"

	blevesearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/engagiert/engagiert/internal/domain"
)

// edits are words one and two edits from w: each rune deleted, replaced
// by 'x', a 'q' inserted before it; two runes deleted, two swapped, and the first
// moved to the end (which shares a deletion with w but is two edits away).
func edits(w string) []string {
	rs := []rune(w)
	out := []string{string(rs[1:]) + string(rs[0])} // two edits, one deletion apart
	for i := range rs {
		out = append(out,
			string(rs[:i])+string(rs[i+1:]),
			string(rs[:i])+"x"+string(rs[i+1:]),
			string(rs[:i])+"q"+string(rs[i:]))
		if i+2 <= len(rs) {
			out = append(out, string(rs[:i])+string(rs[i+2:]), string(rs[:i])+string(rs[i+1])+string(rs[i])+string(rs[i+2:]))
		}
	}
	return out
}

// TestFuzzyIsBlevesFuzzyQuery: for words one and two edits from every
// word of the statements, the deletion index's query finds the same
// statements with the same scores as Bleve's FuzzyQuery (fuzziness 1) on
// a scorch index, whose automaton counts a swap of two letters as one
// edit (the upside-down index's FuzzyQuery counts it as two).
func TestFuzzyIsBlevesFuzzyQuery(t *testing.T) {
	ix := build(t)
	scorch := scorchSearch(t, scorchIndex(t, ix))
	ctx := context.Background()
	run := func(q query.Query) []*blevesearch.DocumentMatch {
		hits, err := ix.run(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		return hits
	}
	checked := 0
	for term := range ix.textTerms {
		for _, w := range append(edits(term), term+"ü", "ä"+term) {
			want := query.NewFuzzyQuery(w)
			want.SetField(fieldText)
			want.SetFuzziness(1)
			got, err := ix.fuzzy(w)
			if err != nil {
				t.Fatal(err)
			}
			a, b := scorch(want), run(got)
			if !slices.EqualFunc(a, b, func(x, y *blevesearch.DocumentMatch) bool { return x.ID == y.ID && x.Score == y.Score }) {
				t.Errorf("%q: FuzzyQuery finds %v, the deletion index %v", w, ids(a), ids(b))
			}
			checked++
		}
	}
	if checked < 100 {
		t.Fatalf("only %d words checked: the test base has too few statement words", checked)
	}
}

func ids(ms []*blevesearch.DocumentMatch) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.ID)
	}
	return out
}

func TestOneEdit(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"", "", true}, {"", "a", true}, {"", "ab", false},
		{"abcd", "abcd", true}, {"abcd", "abd", true}, {"abcd", "abxcd", true}, {"abcd", "xbcd", true},
		{"abcd", "abcx", true}, {"abcd", "bacd", true}, {"abcd", "abdc", true}, {"12", "21", true},
		{"abcd", "badc", false}, {"abcd", "xbcx", false}, {"abcd", "acbx", false}, {"abcd", "ab", false},
		{"abcd", "cabd", false}, {"stadt", "städt", true}, {"städt", "tsädt", true}, {"stadt", "stadte", true},
	}
	for _, tt := range tests {
		for _, p := range [][2]string{{tt.a, tt.b}, {tt.b, tt.a}} {
			if got := oneEdit(p[0], p[1]); got != tt.want {
				t.Errorf("oneEdit(%q, %q) = %v, want %v", p[0], p[1], got, tt.want)
			}
		}
	}
}

// TestPrefixIsBlevesPrefixQuery: every prefix of every statement word, and
// prefixes no word has, find the same statements with the same scores as
// Bleve's PrefixQuery, alone and beside a term (which counts the prefix's
// part of the disjunction).
func TestPrefixIsBlevesPrefixQuery(t *testing.T) {
	ix := build(t)
	ctx := context.Background()
	run := func(q query.Query) []*blevesearch.DocumentMatch {
		hits, err := ix.run(ctx, query.NewDisjunctionQuery([]query.Query{q, query.NewTermQuery("stadt")}))
		if err != nil {
			t.Fatal(err)
		}
		return hits
	}
	checked := 0
	for term := range ix.textTerms {
		for _, p := range []string{term, term[:len(term)/2], term[:1], term + "x", "x" + term} {
			want := query.NewPrefixQuery(p)
			want.SetField(fieldText)
			got, err := ix.prefix(p)
			if err != nil {
				t.Fatal(err)
			}
			if a, b := run(want), run(got); !slices.EqualFunc(a, b, func(x, y *blevesearch.DocumentMatch) bool { return x.ID == y.ID && x.Score == y.Score }) {
				t.Errorf("%q: PrefixQuery finds %v, the dictionary %v", p, ids(a), ids(b))
			}
			checked++
		}
	}
	if checked < 50 {
		t.Fatalf("only %d prefixes checked", checked)
	}
}

// TestAnyCanMatchKeepsEveryHit: where anyCanMatch says no statement word
// can match the terms, Bleve finds no statement either, for the words of
// the statements, words one and two edits away, their beginnings and
// their pairs, so that Facts may skip the search. It says yes for some of
// them too (the check is not vacuous).
func TestAnyCanMatchKeepsEveryHit(t *testing.T) {
	ix := build(t)
	ctx := context.Background()
	var words []string
	for term := range ix.textTerms {
		rs := []rune(term)
		words = append(append(words, term, string(rs[:len(rs)-1]), term+"ung"), edits(term)...)
	}
	words = append(words, "pizza", "rezept", "wetter", "unterzeichnungsurkunde")
	slices.Sort(words)
	yes, no := 0, 0
	for i, w := range words {
		for _, q := range []string{w, w + " " + words[(i*7+3)%len(words)]} {
			var terms []domain.Token
			for _, tk := range ix.Tokens(q) {
				if !tk.Stop && utf8.RuneCountInString(tk.Stem) >= 2 {
					terms = append(terms, tk)
				}
			}
			if len(terms) == 0 {
				continue
			}
			can, err := ix.anyCanMatch(terms)
			if err != nil {
				t.Fatal(err)
			}
			if can {
				yes++
				continue
			}
			no++
			if hits, err := ix.search(ctx, terms, ""); err != nil || len(hits) > 0 {
				t.Errorf("%q: anyCanMatch says no statement can match, Bleve finds %+v (%v)", q, hits, err)
			}
		}
	}
	if yes < 50 || no < 50 {
		t.Errorf("anyCanMatch said yes %d times and no %d times: want both often", yes, no)
	}
}
