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

func TestIndexPlacesAsScan(t *testing.T) {
	t.Parallel()
	e := shippedEngine(t)
	var with []int32
	var multi []*domain.Place
	for i, pl := range e.places {
		ms := e.base.MembershipsOf(pl.ID)
		if len(ms) > 0 {
			with = append(with, int32(i))
		}
		if len(ms) > 1 {
			multi = append(multi, pl)
		}
		current, first, more := 0, "", false
		for _, m := range ms {
			if m.Until.IsZero() {
				current++
				if first == "" {
					first = m.Network
				}
				more = more || m.Network != first
			}
		}
		if int(e.idx.current[i]) != current || e.idx.first(int32(i)) != first || e.idx.moreNets[i] != more {
			t.Errorf("%s: current %d, first %q, more %v; the scan: %d, %q, %v", pl.ID, e.idx.current[i], e.idx.first(int32(i)), e.idx.moreNets[i], current, first, more)
		}
		for _, n := range e.base.Networks {
			m, ok := e.base.MembershipIn(n.ID, pl.ID)
			if want := ok && m.Until.IsZero(); e.idx.isIn(n.ID, int32(i)) != want {
				t.Errorf("isIn(%s, %s) = %v, the scan %v", n.ID, pl.ID, !want, want)
			}
		}
	}
	if !slices.Equal(e.idx.withMemberships, with) || !slices.Equal(placeNames(e.multi), placeNames(multi)) {
		t.Errorf("withMemberships or multi differ from the scan: %d/%d, %d/%d", len(e.idx.withMemberships), len(with), len(e.multi), len(multi))
	}
	if len(multi) == 0 {
		t.Error("no place in two networks in the shipped base")
	}
}

// TestEntryIDsFromBase: the name index reads the ids of the shipped base's
// places, networks and Länder from the base, in nameEntries' order (nil
// would keep a copy of each), and the siblings found by prefix are those
// a scan finds.
func TestEntryIDsFromBase(t *testing.T) {
	t.Parallel()
	e := shippedEngine(t)
	entries := nameEntries(e.base, e.lex)
	id := entryIDs(e.base, e.lex, entries)
	if id == nil {
		t.Fatal("entryIDs = nil for the shipped base: nameEntries changed its order")
	}
	if id(len(entries)-1) != entries[len(entries)-1].ID {
		t.Errorf("the last entry's id is %q, want %q", id(len(entries)-1), entries[len(entries)-1].ID)
	}
	if entryIDs(e.base, e.lex, entries[1:]) != nil {
		t.Error("entryIDs took entries in another order")
	}
	for _, pl := range e.base.Places {
		core := coreName(pl.Name)
		var want []string
		for _, i := range e.sibPlaces {
			if p := &e.base.Places[i]; coreName(p.Name) == core {
				want = append(want, p.ID)
			}
		}
		var got []string
		for _, p := range e.siblingsOf(core) {
			got = append(got, p.ID)
		}
		if !slices.Equal(got, want) {
			t.Errorf("siblingsOf(%q) = %v, the scan %v", core, got, want)
		}
	}
}
