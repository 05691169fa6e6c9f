package answer

import (
	"strings"
	"testing"
)

// TestNarrowList: a statement that lists many places says only those
// asked about, as "u. a."; the rest of the statement stays as written.
func TestNarrowList(t *testing.T) {
	e := shippedEngine(t)
	const ews3 = "An der Entwicklungswerkstatt 3 (EWS 3, 2016, mit der Bezirksregierung Arnsberg) nahmen Ahlen, Bad Berleburg, Bergkamen, Finnentrop, Kirchhundem, Menden, der Kreis Olpe, Senden, der Kreis Siegen-Wittgenstein und Sprockhövel teil – eine Mitgliedschaft im Netzwerk ist damit nicht belegt."
	ids := e.statementPlaces[ews3]
	if len(ids) < 6 {
		t.Fatalf("the EWS 3 statement names %d places; the test needs the shipped statement (%v)", len(ids), ids)
	}
	tests := []struct {
		keep []string
		want string
	}{
		{[]string{"menden-sauerland"}, "(EWS 3, 2016, mit der Bezirksregierung Arnsberg) nahmen u. a. Menden teil – eine Mitgliedschaft"},
		{[]string{"finnentrop", "kirchhundem", "kreis-olpe"}, "nahmen u. a. Finnentrop, Kirchhundem und der Kreis Olpe teil –"},
		// The Bezirksregierung is named outside the list: nothing to cut.
		{[]string{"bezirksregierung-arnsberg"}, ews3},
		// Nothing kept, or all: the statement as it is.
		{nil, ews3},
	}
	for _, tt := range tests {
		got := e.narrowList(ews3, ids, func(id string) bool {
			for _, k := range tt.keep {
				if k == id {
					return true
				}
			}
			return false
		})
		if !strings.Contains(got, tt.want) {
			t.Errorf("narrowList(keep %v) = %q, want it to contain %q", tt.keep, got, tt.want)
		}
	}
	if got := e.narrowList("Bocholt und Rösrath sind dabei.", []string{"bocholt", "roesrath"}, func(string) bool { return true }); got != "Bocholt und Rösrath sind dabei." {
		t.Errorf("a short list was cut: %q", got)
	}
}

// TestClosestPlace: the place whose name stands next to an office word,
// before or after it, is the one the office belongs to.
func TestClosestPlace(t *testing.T) {
	e := shippedEngine(t)
	const text = "Nach Rostock hatte Trier mit Oberbürgermeister Wolfram Leibe den Vorsitz."
	ids := []string{"rostock", "trier"}
	for _, id := range ids {
		if e.base.Place(id) == nil {
			t.Fatalf("the test needs the shipped place %q", id)
		}
	}
	tests := []struct {
		ws     []string
		want   string
		wantOK bool
	}{
		{[]string{"oberburgermeister"}, "trier", true},
		{[]string{"burgermeister"}, "trier", true},
		{[]string{"nach"}, "rostock", true},
		{[]string{"landrat"}, "", false},
	}
	for _, tt := range tests {
		got, ok := e.closestPlace(text, ids, tt.ws)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("closestPlace(%v) = %q, %v; want %q, %v", tt.ws, got, ok, tt.want, tt.wantOK)
		}
	}
}
