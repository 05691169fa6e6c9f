package names

import (
	"fmt"
	"strings"
	"testing"

	"github.com/engagiert/engagiert/internal/words"
)

// tokens reads q as the engine would; " | " separates clauses.
func tokens(q string, fuzzy bool) []Token {
	var out []Token
	for c, part := range strings.Split(q, " | ") {
		for _, w := range words.Split(part) {
			out = append(out, Token{Fold: words.Fold(w), Term: words.Stem(words.Fold(w)), Pos: len(out), Fuzzy: fuzzy, Ordinary: !fuzzy, Clause: c})
		}
	}
	return out
}

func testIndex() *Index {
	return New([]Entry{
		{Kind: Place, ID: "bielefeld", Names: []string{"Bielefeld"}},
		{Kind: Place, ID: "guetersloh", Names: []string{"Gütersloh"}},
		{Kind: Place, ID: "kreis-guetersloh", Names: []string{"Kreis Gütersloh"}},
		{Kind: Place, ID: "geldern", Names: []string{"Geldern"}},
		{Kind: Place, ID: "werther", Names: []string{"Werther (Westf.)", "Werther"}},
		{Kind: Place, ID: "koenigswinter", Names: []string{"Königswinter"}},
		{Kind: Place, ID: "gelsenkirchen", Names: []string{"Gelsenkirchen"}},
		{Kind: Network, ID: "es", Names: []string{"Engagierte Stadt", "Netzwerk Engagierte Stadt"}},
		{Kind: Network, ID: "kn", Names: []string{"Kommunen-Netzwerk", "engagiert in NRW"}},
		{Kind: State, ID: "Schleswig-Holstein", Names: []string{"Schleswig-Holstein"}, Short: []string{"SH"}},
	}, nil)
}

func TestFind(t *testing.T) {
	ix := testIndex()
	for _, tt := range []struct {
		q     string
		fuzzy bool
		want  string
	}{
		{"Bielefeld", true, "[place:bielefeld@0]"},
		{"bilefeld?", true, "[place:bielefeld@0]"},
		{"bilefeld?", false, "[]"},                  // an ordinary word is never misspelt
		{"Gutersloh", true, "[place:guetersloh@0]"}, // folded, no edit
		{"Kreis Gütersloh", true, "[place:kreis-guetersloh@0@1]"},
		{"Wo Kreis | Gütersloh", true, "[place:guetersloh@2]"}, // a name's words stand in one clause
		{"koenigswinter", true, "[place:koenigswinter@0]"},
		{"gelsenkirshen", true, "[place:gelsenkirchen@0]"},  // one edit
		{"gelsenkrischen", true, "[place:gelsenkirchen@0]"}, // a transposition
		{"Geld", true, "[]"},                                // the stem of Geldern, but no name of it
		{"weather", true, "[]"},                             // five letters of stem: too short to guess at
		{"Ist Lemgo eine Engagierte Stadt?", true, "[network:es@3@4]"},
		{"Engagierten Städte in NRW", true, "[network:es@0@1]"},
		{"Kommunen-Netzwerk oder Engagierte Stadt", true, "[network:kn@0@1 network:es@3@4]"},
		{"Mitglieder aus SH", true, "[state:Schleswig-Holstein@2]"},
		{"so", true, "[]"},
		{"tamale damals", true, "[]"},
	} {
		// Twice: the second look-up is the remembered one.
		for range 2 {
			if got := fmt.Sprint(ix.Find(tokens(tt.q, tt.fuzzy))); got != tt.want {
				t.Errorf("Find(%q, fuzzy=%v) = %s, want %s", tt.q, tt.fuzzy, got, tt.want)
			}
		}
	}
}

// TestLookupRemembersBounded: a remembered look-up is the computed one,
// and past maxNear words the index stops remembering.
func TestLookupRemembersBounded(t *testing.T) {
	ix := testIndex()
	for _, w := range []string{"gelsenkrischen", "bilefeld", "Koenigswintre", "Gelsenkirchener"} {
		tok := tokens(w, true)[0]
		first, again := fmt.Sprint(ix.lookup(tok)), fmt.Sprint(ix.lookup(tok))
		if want := fmt.Sprint(ix.fuzzy(tok, len([]rune(tok.Term)))); first != want || again != want {
			t.Errorf("lookup(%q) = %s, then %s; want %s", w, first, again, want)
		}
	}
	ix.nNear.Store(maxNear)
	before := ix.nNear.Load()
	ix.lookup(tokens("bielefelder", true)[0])
	if _, ok := ix.near.Load("bielefeld\x00bielefelder"); ok || ix.nNear.Load() != before {
		t.Error("a full index still remembers new words")
	}
}

// TestIDsFromCaller: given the ids, the index names entries by them.
func TestIDsFromCaller(t *testing.T) {
	ix := New([]Entry{{Kind: Place, ID: "a", Names: []string{"Bielefeld"}}, {Kind: Place, ID: "b", Names: []string{"Lemgo"}}},
		func(i int) string { return fmt.Sprint("id-", i) })
	if got := fmt.Sprint(ix.Find(tokens("Lemgo und Bielefeld", true))); got != "[place:id-1@0 place:id-0@2]" {
		t.Errorf("Find = %s, want the ids the caller gave", got)
	}
}
