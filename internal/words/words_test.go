package words

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/engagiert/engagiert/internal/lang"
)

func TestFold(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Gütersloh", "gutersloh"}, {"Guetersloh", "gutersloh"}, {"Gutersloh", "gutersloh"},
		{"Straße", "strasse"}, {"STÄDTE", "stadte"}, {"Staedte", "stadte"}, {"Köln", "koln"},
		{"Koeln", "koln"}, {"Évry", "evry"}, {"queen", "queen"}, {"bielefeld", "bielefeld"},
		{"Gu\u0308tersloh", "gutersloh"}, // NFD input
		{"neuen", "neuen"}, {"Bauer", "bauer"}, {"neue", "neue"}, {"Raesfeld", "rasfeld"}, {"Poesie", "posie"},
	} {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFoldASCII: Fold of an ASCII word, which stops once a pass drops
// no e, is lang.Fold applied until nothing changes, for every word of
// the letters that matter (and their capitals) up to five letters.
func TestFoldASCII(t *testing.T) {
	t.Parallel()
	fixpoint := func(s string) string {
		for {
			f := lang.Fold(s)
			if f == s {
				return f
			}
			s = f
		}
	}
	ws := []string{""}
	for range 5 {
		var next []string
		for _, w := range ws {
			for _, c := range "aeouiqyAEOUx" {
				next = append(next, w+string(c))
			}
		}
		for _, w := range next {
			if got, want := Fold(w), fixpoint(w); got != want {
				t.Fatalf("Fold(%q) = %q, want %q", w, got, want)
			}
		}
		ws = next
	}
}

func TestStem(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"stadte", "stadt"}, {"stadt", "stadt"}, {"kommunen", "kommun"}, {"kommune", "kommun"},
		{"bielefelds", "bielefeld"}, {"netzwerke", "netzwerk"}, {"netzwerken", "netzwerk"},
		{"werl", "werl"}, {"werne", "wern"}, {"es", "es"}, {"kreises", "kreis"},
	} {
		if got := Stem(tt.in); got != tt.want {
			t.Errorf("Stem(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSplit(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []string
	}{
		{"Ist Lemgo dabei?", []string{"Ist", "Lemgo", "dabei"}},
		{"Kommunen-Netzwerk: 1.000 Städte, what's up", []string{"Kommunen", "Netzwerk", "1.000", "Städte", "what's", "up"}},
		{"- Bonn -", []string{"Bonn"}},
		{"5. Tag", []string{"5", "Tag"}},
		{"", nil},
	} {
		if got := Split(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Split(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzSplit holds Split to the words of the text read as runes, the way
// it split them before it sliced the text.
func FuzzSplit(f *testing.F) {
	for _, s := range []string{"Ist Lemgo dabei?", "Kommunen-Netzwerk: 1.000 Städte, what's up", "a + b & c+", "\xff1.2\xfe'x’y", "5. Tag", "Gu\u0308tersloh"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Split(s), splitRunes(s); !slices.Equal(got, want) {
			t.Fatalf("Split(%q) = %q, want %q", s, got, want)
		}
	})
}

// splitRunes is Split as it was written first, over the text's runes.
func splitRunes(text string) []string {
	var out []string
	start := -1
	rs := []rune(text)
	isWord := func(i int) bool { return unicode.IsLetter(rs[i]) || unicode.IsDigit(rs[i]) }
	for i := 0; i <= len(rs); i++ {
		if i < len(rs) && (rs[i] == '+' || rs[i] == '&') && start < 0 && (i+1 == len(rs) || !isWord(i+1)) {
			out = append(out, string(rs[i]))
			continue
		}
		in := i < len(rs) && isWord(i)
		if !in && i < len(rs) && start >= 0 && i+1 < len(rs) && isWord(i+1) {
			switch rs[i] {
			case '\'', '’':
				in = true
			case '.':
				in = unicode.IsDigit(rs[i-1]) && unicode.IsDigit(rs[i+1])
			}
		}
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, string(rs[start:i]))
			start = -1
		}
	}
	return out
}

// FuzzTerm checks that folding is idempotent, that AppendFold folds as
// Fold does, and that a stem is a prefix of its word: the name index
// relies on both (a term shares the bytes of the folded word).
func FuzzTerm(f *testing.F) {
	for _, s := range []string{"Gütersloh", "Straße", "Kommunen", "ÄÖÜ", "queue", "x", "Raesfeld", "AEE", "Poesie", "Quelle"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		once := Fold(s)
		if twice := Fold(once); twice != once {
			t.Fatalf("Fold(Fold(%q)) = %q, want %q", s, twice, once)
		}
		if got := string(AppendFold([]byte("x "), s)); got != "x "+once {
			t.Fatalf("AppendFold(\"x \", %q) = %q, want %q", s, got, "x "+once)
		}
		if st := Stem(once); !strings.HasPrefix(once, st) {
			t.Fatalf("Stem(%q) = %q is no prefix of it", once, st)
		}
	})
}

// TestFoldedSet: the set holds every word's folding once, in order, and
// finds exactly the words some list entry folds to.
func TestFoldedSet(t *testing.T) {
	list := []string{"Straße", "über", "Ueber", "aber", "Köln", "koeln", "and", "Zebra", "aber"}
	set := FoldedSet(list)
	if want := []string{"aber", "and", "koln", "strasse", "uber", "zebra"}; !slices.Equal(set, want) {
		t.Fatalf("FoldedSet(%q) = %q, want %q", list, set, want)
	}
	if !IsSet(set) {
		t.Errorf("IsSet(%q) = false", set)
	}
	x := NewSetIndex(set)
	for _, w := range list {
		if !x.Has(Fold(w)) {
			t.Errorf("Has(Fold(%q)) = false", w)
		}
	}
	for _, w := range []string{"", "abe", "abers", "strase", "Köln", "zz"} {
		if x.Has(w) {
			t.Errorf("Has(%q) = true", w)
		}
	}
	for _, ws := range [][]string{{"b", "a"}, {"a", "a"}, {"a", "c", "b"}} {
		if IsSet(ws) {
			t.Errorf("IsSet(%q) = true", ws)
		}
	}
	if !IsSet(nil) || FoldedSet(nil) != nil {
		t.Error("the empty list is no empty set")
	}
}

// FuzzSetIndex: the index finds a word in a set exactly when halving the
// whole set does (inSet), for sets of words with and without letters a to z at
// their start (digits, umlauts, one letter) and words in and out of them.
func FuzzSetIndex(f *testing.F) {
	f.Add("aber and koln strasse uber zebra 2022 a b ärger zz", "ab")
	f.Add("aa ab ba bb", "b")
	f.Add("", "")
	f.Fuzz(func(t *testing.T, list, word string) {
		set := FoldedSet(strings.Fields(list))
		x := NewSetIndex(set)
		for _, w := range append([]string{word, Fold(word), word + "a", "a" + word}, set...) {
			if got, want := x.Has(w), inSet(set, w); got != want {
				t.Fatalf("set %q: Has(%q) = %v, halving the set: %v", set, w, got, want)
			}
		}
		for _, w := range set {
			if !x.Has(w) {
				t.Fatalf("set %q: Has(%q) = false", set, w)
			}
		}
	})
}

// inSet halves the whole set.
func inSet(set []string, w string) bool {
	_, ok := slices.BinarySearch(set, w)
	return ok
}
