package answer

import (
	"slices"
	"testing"

	"github.com/engagiert/engagiert/internal/domain"
)

// The per-snapshot indexes are shortcuts: each must give what the scan of
// all places or members it replaces gives, on the shipped base.

// names lists the places' names, for comparing lists in a failure.
func placeNames(ps []*domain.Place) []string {
	out := make([]string, len(ps))
	for i, pl := range ps {
		out[i] = pl.Name
	}
	return out
}

func TestIndexAreasAsScan(t *testing.T) {
	t.Parallel()
	e := shippedEngine(t)
	ids := []string{"", "bielefeld", "no-such-place"}
	for _, pl := range e.base.Places {
		if isArea(&pl) {
			ids = append(ids, pl.ID)
		}
	}
	for _, id := range ids {
		for _, not := range []bool{false, true} {
			got := e.municipalitiesOutside(id, not)
			want := e.countMunicipalities(e.area.nrw, func(i int32) bool { return id != "" && e.inAreaID(e.places[i], id) == not })
			if got.nTowns != len(want.towns) || got.nVillages != len(want.villages) ||
				!slices.Equal(placeNames(got.free), placeNames(want.free)) {
				t.Errorf("municipalitiesOutside(%q, %v) = %d towns, %d villages, free %v; the scan: %d, %d, %v", id, not,
					got.nTowns, got.nVillages, placeNames(got.free), len(want.towns), len(want.villages), placeNames(want.free))
			}
			if !not && (!slices.Equal(placeNames(got.towns), placeNames(want.towns)) || !slices.Equal(placeNames(got.villages), placeNames(want.villages))) {
				t.Errorf("municipalitiesIn(%q) lists other places than the scan", id)
			}
		}
	}
	if len(ids) < 30 {
		t.Errorf("only %d areas in the shipped base", len(ids))
	}
}

func TestIndexCurrentInAsScan(t *testing.T) {
	t.Parallel()
	e := shippedEngine(t)
	checked := 0
	for _, n := range e.base.Networks {
		for _, st := range domain.States {
			want := 0
			for _, m := range n.Members {
				if pl := e.base.Place(m.Place); pl != nil && pl.State == st && m.Until.IsZero() {
					want++
				}
			}
			if got := e.currentIn(n.ID, st); got != want {
				t.Errorf("currentIn(%s, %s) = %d, the scan %d", n.ID, st, got, want)
			}
			checked += want
		}
	}
	if checked == 0 {
		t.Error("no current members in any Bundesland")
	}
}
