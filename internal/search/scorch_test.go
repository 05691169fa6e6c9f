package search

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	blevesearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/frozen"
	"github.com/engagiert/engagiert/internal/yamlkb"
	"github.com/engagiert/engagiert/knowledge"
)

// scorchSearch returns a search of idx (scorchIndex: the statements as
// the index held them before issue 17 took Bleve's top-level package out
// of the binary), through bleve.Index with the request
// Facts made. Tests link it as the reference that the in-memory index must
// match, hit for hit and score for score; the binary does not.
func scorchSearch(t *testing.T, idx bleve.Index) func(query.Query) []*blevesearch.DocumentMatch {
	t.Helper()
	return func(q query.Query) []*blevesearch.DocumentMatch {
		req := bleve.NewSearchRequestOptions(q, maxFactHits, 0, false)
		req.IncludeLocations = true
		req.SortBy([]string{"-_score", "_id"})
		res, err := idx.SearchInContext(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		return res.Hits
	}
}

// scorchIndex indexes the statements of ix in scorch, as build did before.
func scorchIndex(t *testing.T, ix *Index) bleve.Index {
	t.Helper()
	idx, err := bleve.NewUsing("", ix.m, scorch.Name, scorch.Name, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	batch := idx.NewBatch()
	if err := ix.eachDoc(func(id string, _ domain.FactRef, d factDoc) error { return batch.Index(id, d) }); err != nil {
		t.Fatal(err)
	}
	if err := idx.Batch(batch); err != nil {
		t.Fatal(err)
	}
	return idx
}

// TestSameHitsAsScorch: over the shipped base, the index's dictionary is
// scorch's, word for word, and the queries Facts makes of runs of the
// statements' own words, and of those words with two letters swapped (the
// fuzzy path), with and without a network, find the same statements in
// the same order, with the same scores and the same matched words, as the
// scorch index did, also when eight searches run at once.
func TestSameHitsAsScorch(t *testing.T) {
	base, err := frozen.Decode(knowledge.Frozen, knowledge.FS)
	if err != nil { // a base edited without go generate: its YAML
		if base, _, err = yamlkb.Check(knowledge.FS, yamlkb.Options{}); err != nil {
			t.Fatal(err)
		}
	}
	ix, err := Build(base)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Prepare(); err != nil {
		t.Fatal(err)
	}
	sx := scorchIndex(t, ix)
	scorch := scorchSearch(t, sx)
	ctx := context.Background()
	nb, err := ix.dict()
	if err != nil {
		t.Fatal(err)
	}
	if want := scorchTerms(t, sx); !slices.Equal(nb.terms, want) || len(ix.textTerms) != len(want) {
		t.Errorf("the dictionary has %d words (textTerms %d), scorch's %d, or other ones", len(nb.terms), len(ix.textTerms), len(want))
	}
	type search struct {
		q    query.Query
		want []*blevesearch.DocumentMatch
	}
	var searches []search
	type doc struct {
		network string
		words   []string
	}
	var docs []doc
	if err := ix.eachDoc(func(_ string, ref domain.FactRef, d factDoc) error {
		docs = append(docs, doc{ref.Network, strings.Fields(d.Text)})
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	swapped := func(w string) string {
		rs := []rune(w)
		if len(rs) < 9 {
			return w
		}
		rs[3], rs[4] = rs[4], rs[3]
		return string(rs)
	}
	checked, hits := 0, 0
	for i, d := range docs {
		for start := 0; start < len(d.words) && start < 12; start += 3 {
			run := d.words[start:min(start+3, len(d.words))]
			for _, text := range []string{strings.Join(run, " "), swapped(run[0]) + " " + strings.Join(run[1:], " ")} {
				network := ""
				if i%2 == 0 {
					network = docs[(i/2)%len(docs)].network
				}
				terms, _ := searchTerms(ix.Tokens(text), network)
				if len(terms) == 0 {
					continue
				}
				q, err := ix.query(terms, network)
				if err != nil {
					t.Fatal(err)
				}
				got, err := ix.run(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				want := scorch(q)
				same := slices.EqualFunc(got, want, func(x, y *blevesearch.DocumentMatch) bool {
					return x.ID == y.ID && x.Score == y.Score && slices.Equal(slices.Sorted(maps.Keys(x.Locations[fieldText])), slices.Sorted(maps.Keys(y.Locations[fieldText])))
				})
				if !same {
					t.Errorf("%q (network %q): scorch finds %v, the index %v", text, network, matches(want), matches(got))
				}
				checked, hits = checked+1, hits+len(got)
				searches = append(searches, search{q, want})
			}
		}
	}
	if checked < 1000 || hits < 5000 {
		t.Fatalf("only %d searches with %d hits compared", checked, hits)
	}
	t.Logf("%d searches, %d hits compared", checked, hits)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := g; i < len(searches); i += 8 {
				got, err := ix.run(ctx, searches[i].q)
				if err != nil || !slices.EqualFunc(got, searches[i].want, func(x, y *blevesearch.DocumentMatch) bool { return x.ID == y.ID && x.Score == y.Score }) {
					t.Errorf("search %d at once with others: %v, %v; alone %v", i, matches(got), err, matches(searches[i].want))
				}
			}
		})
	}
	wg.Wait()
}

// scorchTerms are the words of the scorch index's dictionary of the
// statements, in its order.
func scorchTerms(t *testing.T, idx bleve.Index) []string {
	t.Helper()
	dict, err := idx.FieldDict(fieldText)
	if err != nil {
		t.Fatal(err)
	}
	defer dict.Close()
	var out []string
	for {
		e, err := dict.Next()
		if err != nil {
			t.Fatal(err)
		}
		if e == nil {
			return out
		}
		out = append(out, e.Term)
	}
}

func matches(ms []*blevesearch.DocumentMatch) []string {
	var out []string
	for _, m := range ms {
		out = append(out, fmt.Sprintf("%s %.6g %v", m.ID, m.Score, slices.Sorted(maps.Keys(m.Locations[fieldText]))))
	}
	return out
}
