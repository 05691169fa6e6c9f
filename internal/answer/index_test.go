package answer

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/yamlkb/yamlkbtest"
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

func TestIndexTwinsInAreaAsScan(t *testing.T) {
	t.Parallel()
	e := shippedEngine(t)
	found := 0
	for _, pl := range e.base.Places {
		if !isArea(&pl) {
			continue
		}
		var want []int32
		for i, p := range e.base.Partnerships {
			if nrw := e.base.Place(p.Place); nrw != nil && e.inAreaID(nrw, pl.ID) {
				want = append(want, int32(i))
			}
		}
		if got := e.twinsInArea(pl.ID); !slices.Equal(got, want) {
			t.Errorf("twinsInArea(%q) = %v; the scan: %v", pl.ID, got, want)
		}
		found += len(want)
	}
	if found < 50 {
		t.Errorf("only %d twinnings in all areas of the shipped base", found)
	}
}

func TestIndexOfficialAsScan(t *testing.T) {
	t.Parallel()
	e := shippedEngine(t)
	var want []int32
	for i, p := range e.base.Places {
		if o := p.OfficialName(); o != "" && o != domain.PlainOfficialName(p.Name, p.Kind) {
			want = append(want, int32(i))
		}
	}
	if !slices.Equal(e.idx.official, want) || len(want) == 0 {
		t.Errorf("idx.official has %d places; the scan %d", len(e.idx.official), len(want))
	}
}

// TestCountNamesAFewOfALargeList: a count names the members of a complete
// list, but of a list of hundreds only the first maxNamedAll, with how many
// more there are: a network's size must not decide the answer's length.
func TestCountNamesAFewOfALargeList(t *testing.T) {
	b := yamlkbtest.Shipped(t)
	nets := slices.Clone(b.Networks)
	grown := 0
	for i := range nets {
		if !nets[i].MembersComplete {
			continue
		}
		n := &nets[i]
		n.Members = slices.Clone(n.Members)
		src := n.Members[0].Source
		for _, pl := range b.Places {
			if pl.State == "Nordrhein-Westfalen" && pl.Kind == "Stadt" {
				if _, ok := b.MembershipIn(n.ID, pl.ID); !ok {
					n.Members = append(n.Members, domain.Membership{Place: pl.ID, Network: n.ID, Source: src})
				}
			}
		}
		grown++
	}
	if grown == 0 {
		t.Fatal("no network of the shipped base lists all its members")
	}
	big := domain.NewBaseParts(domain.Parts{Networks: nets, Places: b.Places, Sources: b.Sources, Partnerships: b.Partnerships,
		PartnershipCounts: b.PartnershipCounts, Lexicon: b.Lexicon, Figures: b.Figures, Version: b.Version})
	e := engineOver(t, big)
	for _, n := range nets {
		if !n.MembersComplete {
			continue
		}
		mi := e.memberIdx[n.ID]
		if mi.current <= maxNamedAll {
			t.Fatalf("%s has only %d members after growing", n.ID, mi.current)
		}
		for _, en := range []bool{false, true} {
			got, _ := e.namedMembers(&n, en)
			if strings.Count(got, ", ") != maxNamedAll-1 || !strings.Contains(got, moreNote(en, mi.current-maxNamedAll)) {
				t.Errorf("namedMembers(%s, en=%v) = %q; want %d names and %q", n.ID, en, got, maxNamedAll, moreNote(en, mi.current-maxNamedAll))
			}
		}
	}
	a := e.Ask(context.Background(), "Wie viele Mitglieder hat das RegioPole-Netzwerk?")
	if len(a.Lead) > 1000 {
		t.Errorf("a count of a grown list leads with %d characters", len(a.Lead))
	}
}

// TestNoNetworkAsScan: the places "in keinem Netzwerk" are those of the
// area that no network lists as a current member, all of them.
func TestNoNetworkAsScan(t *testing.T) {
	e := shippedEngine(t)
	a := e.Ask(context.Background(), "Welche Städte und Gemeinden im Kreis Lippe sind in keinem Netzwerk?")
	if !a.Found || len(a.Lists) != 1 {
		t.Fatalf("no list: %s", a.PlainText())
	}
	var want []string
	for _, i := range e.area.nrw {
		pl := e.places[i]
		if pl.District != "Kreis Lippe" {
			continue
		}
		current := false
		for _, m := range e.base.MembershipsOf(pl.ID) {
			if n := e.base.Network(m.Network); n != nil && !n.IsTitle() && m.Until.IsZero() {
				current = true
			}
		}
		if !current {
			want = append(want, pl.Name)
		}
	}
	var got []string
	for _, it := range a.Lists[0].Items {
		got = append(got, it.Name)
	}
	if !slices.Equal(got, want) || len(want) == 0 {
		t.Errorf("in no network in Kreis Lippe: %v; the scan: %v", got, want)
	}
}
