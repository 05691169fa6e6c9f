package lang

import (
	"bytes"
	"slices"
	"testing"
)

func TestFold(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"Gütersloh", "gutersloh"},
		{"Guetersloh", "gutersloh"},
		{"GUTERSLOH", "gutersloh"},
		{"Mülheim an der Ruhr", "mulheim an der ruhr"},
		{"Muelheim an der Ruhr", "mulheim an der ruhr"},
		{"Straße", "strasse"},
		{"Köln", "koln"},
		{"Koeln", "koln"},
		{"Märkischer Kreis", "markischer kreis"},
		{"Maerkischer Kreis", "markischer kreis"},
		{"neue Quelle in Bayern", "neue quelle in bayern"}, // e after a vowel, q, y stays
		{"Mauer", "mauer"},
		{"Gu\u0308tersloh", "gutersloh"}, // ü written as u + combining diaeresis
		{"", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFoldASCII: the fast path for ASCII folds every word of a small
// alphabet of the letters that matter (and their capitals) as the general
// one does, up to five letters.
func TestFoldASCII(t *testing.T) {
	t.Parallel()
	alphabet := "aeouiqyAEOUxX -"
	words := []string{""}
	for range 5 {
		var next []string
		for _, w := range words {
			for _, c := range alphabet {
				next = append(next, w+string(c))
			}
		}
		for _, w := range next {
			if got, want := foldASCII(w), foldAny(w); got != want {
				t.Fatalf("foldASCII(%q) = %q, foldAny = %q", w, got, want)
			}
		}
		words = next
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Guetersloh", "Mauer", "QUELLE", "Bayern", "aeoue"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if ascii(s) && foldASCII(s) != foldAny(s) {
			t.Errorf("foldASCII(%q) = %q, foldAny = %q", s, foldASCII(s), foldAny(s))
		}
	})
}

// TestSortStableBy: German order puts Ä among the A, Ö among the O, and
// keeps equal names in their order.
func TestSortStableBy(t *testing.T) {
	t.Parallel()
	type place struct{ name, id string }
	got := []place{{"Zülpich", "z"}, {"Öhringen", "oe"}, {"Ahlen", "ah"}, {"Ärzen", "ae"}, {"Oelde", "o"},
		{"Aachen", "aa"}, {"essen", "e"}, {"Ahlen", "ah2"}, {"Straßberg", "s1"}, {"Strasburg", "s2"}}
	SortStableBy(got, func(p place) string { return p.name })
	var ids []string
	for _, p := range got {
		ids = append(ids, p.id)
	}
	want := []string{"aa", "ah", "ah2", "ae", "e", "o", "oe", "s2", "s1", "z"}
	if !slices.Equal(ids, want) {
		t.Errorf("SortStableBy = %v, want %v", ids, want)
	}
	for i := 1; i < len(got); i++ {
		if c := Compare(got[i-1].name, got[i].name); c > 0 {
			t.Errorf("Compare(%q, %q) = %d, want <= 0 in sorted order", got[i-1].name, got[i].name, c)
		}
		if c := bytes.Compare(Key(got[i-1].name), Key(got[i].name)); c > 0 {
			t.Errorf("Key(%q) > Key(%q), want them in sorted order", got[i-1].name, got[i].name)
		}
	}
}

func TestUpperLowerFirst(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, upper, lower string }{
		{"über 100 Städte", "Über 100 Städte", "über 100 Städte"},
		{"Engagierte Stadt", "Engagierte Stadt", "engagierte Stadt"},
		{"", "", ""},
		{"1. Tag", "1. Tag", "1. Tag"},
	}
	for _, tt := range tests {
		if got := UpperFirst(tt.in); got != tt.upper {
			t.Errorf("UpperFirst(%q) = %q, want %q", tt.in, got, tt.upper)
		}
		if got := LowerFirst(tt.in); got != tt.lower {
			t.Errorf("LowerFirst(%q) = %q, want %q", tt.in, got, tt.lower)
		}
	}
}

func BenchmarkSortStableBy(b *testing.B) {
	names := []string{"Zülpich", "Öhringen", "Ahlen", "Ärzen", "Oelde", "Aachen", "Essen", "Bielefeld", "Gütersloh", "Lemgo"}
	var xs []string
	for range 40 {
		xs = append(xs, names...)
	}
	for b.Loop() {
		SortStableBy(slices.Clone(xs), func(s string) string { return s })
	}
}
