package search

import (
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/de"
	"github.com/engagiert/engagiert/internal/lang"
)

// TestFoldIsTheIndexFolding: lang.Fold makes equal what the index's German
// analysis makes equal (its name analyzer without the stemmer), so the
// validator and the engine, which fold with lang.Fold, agree with the search.
func TestFoldIsTheIndexFolding(t *testing.T) {
	t.Parallel()
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	plain := m.AnalyzerNamed(plainAnalyzer)
	words := []string{"Gütersloh", "Guetersloh", "GÜTERSLOH", "Mülheim", "Muelheim", "Straße", "Köln", "Koeln",
		"Märkischer", "neue", "Quelle", "Bayern", "Mauer", "Oelde", "Ärzen", "Düsseldorf", "Duesseldorf", "Gu\u0308tersloh"}
	for _, w := range words {
		ts := plain.Analyze([]byte(w))
		if len(ts) != 1 {
			t.Fatalf("%q analyzed into %d tokens", w, len(ts))
		}
		// The index's name terms are the plain terms, German-normalised.
		want := string(normalizeDE(ts[0].Term))
		if got := lang.Fold(w); got != want {
			t.Errorf("lang.Fold(%q) = %q, the index folds it to %q", w, got, want)
		}
	}
}

// normalizeDE is Bleve's German normalisation (de.NormalizeName) of one term.
func normalizeDE(term []byte) []byte {
	ts := de.NewGermanNormalizeFilter().Filter(analysis.TokenStream{&analysis.Token{Term: append([]byte(nil), term...)}})
	return ts[0].Term
}
