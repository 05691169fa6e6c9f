package answer

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzSingleSpaced holds clean's shortcut to what it stands for: a text
// that Fields and Join would give back as it is.
func FuzzSingleSpaced(f *testing.F) {
	for _, s := range []string{"", " ", "a b", "a  b", " a", "a ", "a\tb", "a\u00a0b", "a\u0085b", "Wer ist dabei?"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		if got, want := singleSpaced(q), strings.Join(strings.Fields(q), " ") == q; got != want {
			t.Fatalf("singleSpaced(%q) = %v, want %v", q, got, want)
		}
	})
}

// FuzzDateYear holds dateYear to reading the date as strings.Split cuts
// it, as it did first.
func FuzzDateYear(f *testing.F) {
	for _, s := range []string{"6.12.2017", "06.12.2017", "1.000", "1.2.3.4", "..2017", "6.12.20170", "a.b.cdef", "2017"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		want, wantOK := "", false
		if p := strings.Split(w, "."); len(p) == 3 && len(p[2]) == 4 && len(p[0]) >= 1 && len(p[0]) <= 2 && len(p[1]) >= 1 && len(p[1]) <= 2 &&
			strings.Trim(p[0]+p[1]+p[2], "0123456789") == "" {
			want, wantOK = p[2], true
		}
		if got, ok := dateYear(w); got != want || ok != wantOK {
			t.Fatalf("dateYear(%q) = %q, %v; want %q, %v", w, got, ok, want, wantOK)
		}
	})
}

// TestCleanASCIISymbols: clean takes of ASCII only ^ and ` for symbols,
// without asking the tables; they must agree.
func TestCleanASCIISymbols(t *testing.T) {
	for r := rune(0); r < utf8.RuneSelf; r++ {
		symbol := unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r) || unicode.Is(unicode.Cs, r)
		if symbol != (r == '^' || r == '`') {
			t.Errorf("%q: a symbol is %v to the tables", r, symbol)
		}
	}
}

// TestTokenizeQuotes: the words inside quotes are numbered by their quote;
// a quote opened and never closed quotes nothing, and an apostrophe inside
// a word ("gibt's", "Minden's") opens none.
func TestTokenizeQuotes(t *testing.T) {
	tests := []struct {
		q    string
		want []int
	}{
		{"Was sind die „Berliner Empfehlungen“?", []int{0, 0, 0, 1, 1}},
		{`What is the "Netzwerk X" and 'Y Z'?`, []int{0, 0, 0, 1, 1, 0, 2, 2}},
		{"Was ist „offen", []int{0, 0, 0}},
		{"gibt's Minden's Partner", []int{0, 0, 0}},
		{"the cities' twins", []int{0, 0, 0}},
		{"„A B“, „C D“ und E", []int{1, 1, 2, 2, 0, 0}},
	}
	for _, tt := range tests {
		var got []int
		for _, tk := range tokenize(tt.q) {
			got = append(got, tk.quote)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("tokenize(%q) quotes = %v, want %v", tt.q, got, tt.want)
		}
	}
}

// TestCleanGendered: a gendered word is one word, the form the base writes
// (the masculine plural or singular); a slash between words, a colon
// before a word stay.
func TestCleanGendered(t *testing.T) {
	tests := []struct{ q, want string }{
		{"Kolleg*innen fragen", "Kollegen fragen"},
		{"Bürger:innen und Teilnehmer_innen", "Bürger und Teilnehmer"},
		{"Lehrer/innen", "Lehrer"},
		{"die Referent*innen der Netzwerkstelle", "die Referenten der Netzwerkstelle"},
		{"die Referent*in der Netzwerkstelle", "die Referent der Netzwerkstelle"},
		{"Städte/in NRW", "Städte/in NRW"},
		{"kurze frage:in welchem kreis liegt goch?", "kurze frage:in welchem kreis liegt goch?"},
		{"*Bielefeld* und Herford", "Bielefeld und Herford"},
	}
	for _, tt := range tests {
		if got := clean(tt.q); got != tt.want {
			t.Errorf("clean(%q) = %q, want %q", tt.q, got, tt.want)
		}
	}
}
