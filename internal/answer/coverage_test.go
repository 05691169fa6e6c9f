package answer_test

import (
	"context"
	"strings"
	"testing"

	"github.com/engagiert/engagiert/internal/yamlkb/yamlkbtest"
)

// The coverage tests read what must be answered from the shipped knowledge
// itself: every NRW municipality, every member, every twinning.

func TestEveryNRWMunicipalityAnswersWithItsKreis(t *testing.T) {
	base := yamlkbtest.Shipped(t)
	e := shipped(t)
	n := 0
	for _, pl := range base.Places {
		if pl.State != "Nordrhein-Westfalen" || (pl.Kind != "Stadt" && pl.Kind != "Gemeinde") {
			continue
		}
		n++
		a := e.Ask(context.Background(), pl.Name)
		text := a.PlainText()
		if !a.Found || !strings.Contains(text, pl.District) || strings.Contains(text, "kein Ort") {
			t.Errorf("Ask(%q) = found %v, want the place with %q:\n%s", pl.Name, a.Found, pl.District, text)
		}
	}
	if n != 396 {
		t.Errorf("the base has %d NRW municipalities, want 396", n)
	}
}

func TestEveryMemberIsConfirmed(t *testing.T) {
	base := yamlkbtest.Shipped(t)
	e := shipped(t)
	for _, nw := range base.Networks {
		for _, m := range nw.Members {
			pl := base.Place(m.Place)
			q := "Ist " + pl.Name + " Mitglied im " + nw.Name + "?"
			text := e.Ask(context.Background(), q).PlainText()
			want := "Ja, " + pl.Name + " ist Mitglied"
			if !m.Until.IsZero() {
				want = "kein Mitglied mehr" // Gießen: ausgetreten
			}
			if !strings.Contains(text, want) {
				t.Errorf("Ask(%q) lacks %q:\n%s", q, want, text)
			}
		}
	}
}

func TestEveryTwinningIsNamed(t *testing.T) {
	base := yamlkbtest.Shipped(t)
	e := shipped(t)
	for _, p := range base.Partnerships {
		pl, partner := base.Place(p.Place), base.Place(p.Partner)
		q := "Partnerstädte von " + pl.Name
		text := e.Ask(context.Background(), q).PlainText()
		if !strings.Contains(text, partner.Name) {
			t.Errorf("Ask(%q) lacks %q:\n%s", q, partner.Name, text)
		}
	}
}
