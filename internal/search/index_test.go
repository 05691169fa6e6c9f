package search

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/domain/domaintest"
)

// testBase is a small base: places (which the index leaves to the engine's
// name index) and two networks whose statements it indexes.
func testBase() *domain.Base {
	places := []domain.Place{
		{ID: "guetersloh", Name: "Gütersloh", Kind: "Stadt", State: "Nordrhein-Westfalen"},
		{ID: "bielefeld", Name: "Bielefeld", Kind: "Stadt", State: "Nordrhein-Westfalen"},
		{ID: "werden", Name: "Werden", Kind: "Stadtteil", State: "Nordrhein-Westfalen"},
		{ID: "essen", Name: "Essen", Kind: "Stadt", State: "Nordrhein-Westfalen"},
		{ID: "witten", Name: "Witten", Kind: "Stadt", State: "Nordrhein-Westfalen"},
		{ID: "bad-orb", Name: "Bad Orb", Kind: "Stadt", State: "Hessen"},
		{ID: "bad-salzuflen", Name: "Bad Salzuflen", Kind: "Stadt", State: "Nordrhein-Westfalen"},
		{ID: "koenigswinter", Name: "Königswinter", Aliases: []string{"Koenigswinter"}, Kind: "Stadt", State: "Nordrhein-Westfalen"},
	}
	networks := []domain.Network{{
		ID: "es", Name: "Netzwerkprogramm „Engagierte Stadt“", Aliases: []string{"Engagierte Stadt", "Engagierte Städte"},
		Description: domain.Fact{Text: "Engagierte Städte schaffen gute Rahmenbedingungen für Engagement.", Source: "s"},
		Facts:       []domain.Fact{{Text: "Für die Aufnahme konnten sich Städte bis zum 21. März bewerben.", Source: "s"}},
	}, {
		ID: "rp", Name: "Deutsches RegioPole-Netzwerk", Aliases: []string{"RegioPole"},
		Founded: domain.Founding{Text: "Unterzeichnung der Interkommunalen Vereinbarung im Jakob-Kaiser-Haus.", Source: "s"},
	}}
	return domaintest.NewBase(networks, places, []domain.Source{{ID: "s", URL: "https://example.org/"}}, "test")
}

// build is the test base's index, its statements indexed already.
func build(t *testing.T) *Index {
	t.Helper()
	ix, err := Build(testBase())
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	t.Cleanup(func() { ix.Close() })
	if err := ix.Prepare(); err != nil {
		t.Fatalf("Prepare: %v", err)
	}
	return ix
}

func TestTokensFoldUmlautsAndStem(t *testing.T) {
	ix := build(t)
	tests := []struct{ a, b string }{
		{"Gütersloh", "Guetersloh"},
		{"Gütersloh", "Gutersloh"},
		{"Gütersloh", "GÜTERSLOH"},
		{"Gütersloh", "Gu\u0308tersloh"}, // decomposed ü (NFD), as some keyboards send it
		{"Städte", "Stadt"},
		{"Straße", "Strasse"},
	}
	for _, tt := range tests {
		a, b := ix.Tokens(tt.a), ix.Tokens(tt.b)
		if len(a) != 1 || len(b) != 1 || a[0].Stem != b[0].Stem {
			t.Errorf("Tokens(%q) = %+v, Tokens(%q) = %+v, want the same single stem", tt.a, a, tt.b, b)
		}
	}
}

func TestFacts(t *testing.T) {
	ix := build(t)
	tests := []struct {
		q           string
		wantPart    string
		wantMatched int
	}{
		{"Interkommunale Vereinbarung", "founding", 2},
		{"bewerben", "fact", 1},
		{"Jakob-Kaiser-Haus", "founding", 3},
	}
	for _, tt := range tests {
		hits, err := ix.Facts(context.Background(), ix.Tokens(tt.q), "")
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 || hits[0].Ref.Part != tt.wantPart || hits[0].Matched != tt.wantMatched {
			t.Errorf("Facts(%q) = %+v, want first a %s hit matching %d words", tt.q, hits, tt.wantPart, tt.wantMatched)
		}
	}
	hits, err := ix.Facts(context.Background(), ix.Tokens("Pizza Rezept"), "")
	if err != nil || len(hits) != 0 {
		t.Errorf("Facts(Pizza Rezept) = %+v, %v; want nothing", hits, err)
	}
	hits, err = ix.Facts(context.Background(), ix.Tokens("bewerben"), "rp")
	if err != nil || len(hits) != 0 {
		t.Errorf("Facts(bewerben) limited to rp = %+v, %v; want nothing", hits, err)
	}
}

func TestLevenshtein(t *testing.T) {
	tests := []struct {
		a, b string
		max  int
		want int
	}{
		{"bielefeld", "bielefeld", 0, 0},
		{"bilefeld", "bielefeld", 2, 1},
		{"wetter", "witten", 1, -1},
		{"wetter", "witten", 2, 2},
		{"ab", "abcd", 1, -1},
	}
	for _, tt := range tests {
		if got := levenshtein(tt.a, tt.b, tt.max); got != tt.want {
			t.Errorf("levenshtein(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.max, got, tt.want)
		}
	}
}

// TestIndexBuiltOnFirstSearch: Build indexes nothing yet; the first search
// (or Prepare) does, once, and an index closed before it was built is
// never built and says so.
func TestIndexBuiltOnFirstSearch(t *testing.T) {
	ix, err := Build(testBase())
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if ix.idx != nil {
		t.Fatal("Build indexed the statements already")
	}
	ctx := context.Background()
	hits, err := ix.Facts(ctx, ix.Tokens("bewerben"), "")
	if err != nil || len(hits) != 1 || ix.idx == nil {
		t.Fatalf("first search = %v, %v (index built: %v), want one hit from an index built for it", hits, err, ix.idx != nil)
	}
	if err := ix.Prepare(); err != nil {
		t.Errorf("Prepare after the first search = %v", err)
	}

	closed, err := Build(testBase())
	if err != nil {
		t.Fatal(err)
	}
	if err := closed.Close(); err != nil {
		t.Fatalf("Close before the first search = %v", err)
	}
	if _, err := closed.Facts(ctx, closed.Tokens("bewerben"), ""); !errors.Is(err, errClosed) || closed.idx != nil {
		t.Errorf("search after Close = %v (index built: %v), want errClosed and no index", err, closed.idx != nil)
	}
}

// TestFactsRemembered: a search asked again, or asked with other letter
// case, gives what the first gave, and what a caller does to its slice
// changes no later answer.
func TestFactsRemembered(t *testing.T) {
	ix := build(t)
	ctx := context.Background()
	first, err := ix.Facts(ctx, ix.Tokens("Bis wann konnten sich Städte bewerben?"), "")
	if err != nil || len(first) == 0 {
		t.Fatalf("Facts = %v, %v; want hits", first, err)
	}
	want := slices.Clone(first)
	first[0] = domain.FactHit{}
	for _, q := range []string{"Bis wann konnten sich Städte bewerben?", "BIS WANN konnten sich STÄDTE bewerben"} {
		toks := ix.Tokens(q)
		toks[0].Stem = "kaputt" // the caller's copy
		got, err := ix.Facts(ctx, ix.Tokens(q), "")
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("Facts(Tokens(%q)) = %v, %v; want %v", q, got, err, want)
		}
	}
	if got, err := ix.Facts(ctx, ix.Tokens("Städte bewerben"), "rp"); err != nil || len(got) != 0 {
		t.Errorf("Facts in rp = %v, %v; want none (the network is part of the search)", got, err)
	}
}

// TestEqualScoresInOneOrder: statements that score alike come in the same
// order from every index built of the same base, so that the same
// question gets the same answer in every process.
func TestEqualScoresInOneOrder(t *testing.T) {
	base := testBase()
	for i := range base.Networks {
		n := &base.Networks[i]
		for j := range 6 {
			n.Facts = append(n.Facts, domain.Fact{Text: "Die Werkstatt tagte im Rathaus " + string(rune('A'+j)) + ".", Source: "s"})
		}
	}
	var first []domain.FactRef
	for range 5 {
		ix, err := Build(base)
		if err != nil {
			t.Fatal(err)
		}
		hits, err := ix.Facts(context.Background(), ix.Tokens("Werkstatt"), "")
		ix.Close()
		if err != nil || len(hits) < 2 {
			t.Fatalf("Facts(Werkstatt) = %+v, %v; want several", hits, err)
		}
		var refs []domain.FactRef
		for _, h := range hits {
			refs = append(refs, h.Ref)
		}
		if first == nil {
			first = refs
		} else if !slices.Equal(refs, first) {
			t.Fatalf("order %v, then %v", first, refs)
		}
	}
}
