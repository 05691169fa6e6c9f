package answer

import (
	"bufio"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/search"
	"github.com/engagiert/engagiert/internal/words"
	"github.com/engagiert/engagiert/internal/yamlkb/yamlkbtest"
)

// TestOrdinaryWordsAreNoPlaces asks about 2,500 ordinary German and English
// words the engine's own word lists do not have (testdata/ordinary-words.txt),
// alone and inside sentences, and counts those taken for a place they merely
// resemble: a place whose name (or alias) the word does not spell. At most
// two may be, while misspelt names still resolve (TestMisspeltNames).
func TestOrdinaryWordsAreNoPlaces(t *testing.T) {
	e := shippedEngine(t)
	f, err := os.Open("testdata/ordinary-words.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	spelt := map[string]bool{} // the folded names and aliases of every place
	for _, pl := range e.base.Places {
		for _, n := range append([]string{pl.Name}, pl.Aliases...) {
			spelt[words.Fold(n)] = true
			for _, w := range words.Split(n) {
				spelt[words.Fold(w)] = true
			}
		}
	}
	var wrong []string
	n := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w := strings.TrimSpace(sc.Text())
		if w == "" || strings.HasPrefix(w, "#") {
			continue
		}
		n++
		if spelt[words.Fold(w)] {
			continue // it spells a name: that is the place, not a resemblance
		}
		for _, q := range []string{w, "Was ist mit " + w + "?", "tell me about " + w + " please", "Ist " + w + " dabei?"} {
			if pl := e.frame(q, nil).places(); len(pl) > 0 {
				wrong = append(wrong, w+" → "+strings.Join(pl, ","))
				break
			}
		}
	}
	if n < 2000 {
		t.Fatalf("only %d ordinary words read", n)
	}
	if len(wrong) > 2 {
		t.Errorf("%d of %d ordinary words taken for places they resemble, want at most 2:\n%s", len(wrong), n, strings.Join(wrong, "\n"))
	} else {
		t.Logf("%d of %d ordinary words taken for places: %q", len(wrong), n, wrong)
	}
}

// TestMisspeltNames checks that the precision above does not cost the
// typos people make in names.
func TestMisspeltNames(t *testing.T) {
	e := shippedEngine(t)
	for _, tt := range []struct{ q, want string }{
		{"bilefeld", "bielefeld"}, {"Gutersloh", "guetersloh"}, {"koenigswinter", "koenigswinter"},
		{"gladbek", "gladbeck"}, {"Paderbon", "paderborn"}, {"emsdeten", "emsdetten"},
		{"Ist Gelsenkirschen dabei?", "gelsenkirchen"}, {"partnerstädte von düsseldorff", "duesseldorf"},
	} {
		got := e.frame(tt.q, nil).places()
		if len(got) == 0 || got[0] != tt.want {
			t.Errorf("frame(%q).places() = %v, want [%s]", tt.q, got, tt.want)
		}
	}
}

// TestEverydayPlaceNames keeps the places whose names are everyday words
// working where the question treats them as places, and nowhere else.
func TestEverydayPlaceNames(t *testing.T) {
	e := shippedEngine(t)
	for _, tt := range []struct {
		q     string
		place string // "" for none
	}{
		{"Essen", "essen"}, {"Wetter", "wetter-ruhr"}, {"Lage", "lage"}, {"Kamen", "kamen"},
		{"Ist Essen eine Engagierte Stadt?", "essen"}, {"Partnerstädte von Essen", "essen"}, {"lage lippe welcher kreis", "lage"},
		{"Wie wird das Wetter morgen?", ""}, {"Was gibt's heute zu essen?", ""}, {"Welche Städte kamen 2024 dazu?", ""},
		{"wie ist die Lage?", ""}, {"weather in Bielefeld", "bielefeld"}, {"damals war alles besser", ""},
	} {
		got := e.frame(tt.q, nil).places()
		switch {
		case tt.place == "" && len(got) > 0:
			t.Errorf("frame(%q).places() = %v, want none", tt.q, got)
		case tt.place != "" && (len(got) == 0 || got[0] != tt.place):
			t.Errorf("frame(%q).places() = %v, want [%s]", tt.q, got, tt.place)
		}
	}
}

// shippedEngine is the engine over the shipped knowledge, for the tests of
// this package that look inside it.
func shippedEngine(t testing.TB) *Engine {
	t.Helper()
	return engineOver(t, yamlkbtest.Shipped(t))
}

// engineOver is the engine over a base a test made, its index closed when
// the test ends.
func engineOver(t testing.TB, base *domain.Base) *Engine {
	t.Helper()
	ix, err := search.Build(base)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return New(base, ix, nil)
}

// TestCountriesLieInTheirContinents: every country of the lexicon lies in
// the continent CLDR puts it in, whatever other codes name it too (the
// reserved "UK" once replaced GB, and the United Kingdom left Europe).
func TestCountriesLieInTheirContinents(t *testing.T) {
	e := shippedEngine(t)
	tests := []struct {
		country, region string
		in              bool
	}{
		{"Vereinigtes Königreich", "Europa", true},
		{"Frankreich", "Westeuropa", true},
		{"Polen", "Osteuropa", true},
		{"USA", "Nordamerika", true},
		{"USA", "Europa", false},
		{"China", "Asien", true},
		{"Ghana", "Afrika", true},
		{"Frankreich", "Frankreich", true},
	}
	for _, tt := range tests {
		if got := e.lex.regions.within(tt.country, tt.region); got != tt.in {
			t.Errorf("within(%q, %q) = %v, want %v", tt.country, tt.region, got, tt.in)
		}
	}
}

// TestOfficeNear: an office belongs to the person it stands next to, not
// to one named further off in the sentence.
func TestOfficeNear(t *testing.T) {
	e := shippedEngine(t)
	tests := []struct {
		text string
		name []string
		want bool
	}{
		{"Im Projektteam: Dr. Kai Pfundheller, Max Schemme (Referent) und Dagmar Becker.", []string{"max", "schemme"}, true},
		{"Prof. Dr. Tessa Flatten ist seit dem 1. September 2020 Prorektorin Internationales der TU Dortmund.", []string{"tessa", "flatten"}, true},
		{"unter ihrem Kuratoriumsvorsitzenden Staatsminister a. D. Wolfram Kuschke (ehrenamtlich).", []string{"wolfram", "kuschke"}, true},
		{"bei der Staatssekretärin für Sport und Ehrenamt Andrea Milz", []string{"andrea", "milz"}, true},
		{"Wolfram Kuschke führte ein, Botschafterin Anka Feldhusen war live aus Kyjiw zugeschaltet.", []string{"wolfram", "kuschke"}, false},
		{"Der Beirat hat zehn Mitglieder, etwa Prof. Dr. Tessa Flatten (TU Dortmund).", []string{"tessa", "flatten"}, false},
	}
	for _, tt := range tests {
		if got := e.officeNear(tt.text, tt.name); got != tt.want {
			t.Errorf("officeNear(%q, %v) = %v, want %v", tt.text, tt.name, got, tt.want)
		}
	}
}

// TestEnglishCountries checks that an English answer says the countries a
// German statement names in English, and leaves quoted titles and words a
// name only begins as written.
func TestEnglishCountries(t *testing.T) {
	e := shippedEngine(t)
	tests := []struct{ in, want string }{
		{"etwa Vereinigtes Königreich, Polen und Ungarn.", "etwa United Kingdom, Poland und Hungary."},
		{"Polen", "Poland"},
		{"Polens Städte", "Polens Städte"},
		{"der Wettbewerb „Europa bei uns zuhause“ in Frankreich", "der Wettbewerb „Europa bei uns zuhause“ in France"},
		{"„Freundschaft mit Polen“ und Polen", "„Freundschaft mit Polen“ und Poland"},
		{"Europa", "Europa"}, // a continent stays: it names titles too
		{"Polen/Ungarn", "Poland/Hungary"},
		{"Partner in der Türkei", "Partner in der Türkei"}, // bound into the German sentence
		{"Bocholt (Belgien)", "Bocholt (Belgien)"},         // part of a place's name
		{"Bundesrepublik Deutschland", "Bundesrepublik Deutschland"},
	}
	for _, tt := range tests {
		if got := e.lex.englishCountries(tt.in); got != tt.want {
			t.Errorf("englishCountries(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestTitleIsOneWord checks that a title the statements quote counts as
// one rare word where few statements name it, though its words are
// common, and that a question naming a network leaves titles to the
// network's structure.
func TestTitleIsOneWord(t *testing.T) {
	e := shippedEngine(t)
	f := Frame{Words: []string{"europa", "zuhause", "lander"}}
	if n := e.rareWords(f); n != 1 {
		t.Errorf("rareWords(%v) = %d, want 1 (the title, once)", f.Words, n)
	}
	if spec := e.specificWords(f); !slices.Contains(spec, "zuhause") {
		t.Errorf("specificWords(%v) = %v, want the title's words", f.Words, spec)
	}
	f.Subjects = []Subject{{Kind: SubjectNetwork, ID: "engagiert-in-nrw"}}
	if got := e.titlesOf(f); len(got) != 0 {
		t.Errorf("titlesOf with a network named = %v, want none", got)
	}
}
