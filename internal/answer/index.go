package answer

import (
	"iter"
	"slices"
	"strings"

	"github.com/engagiert/engagiert/internal/domain"
)

// Per-snapshot indexes: what answers look up, computed once when the
// engine is built, so that an answer costs about what it shows, not what
// the base holds. Each index is a shortcut to the same result as the scan
// it replaces: the candidates it yields still pass the full filter (keep),
// in the order the scan visited them.

// memberIndex indexes one network's members (positions in Engine.members).
type memberIndex struct {
	byState map[string][]int32
	byYear  map[int][]int32 // by the year they joined
	byArea  map[string][]int32
	// dated are the members with a date, oldest first; members of the
	// same date in the list's order.
	dated []int32
	// undated counts the current members without a date; curYear the
	// current ones per year they joined.
	undated int
	curYear map[int]int
	// curState counts the current members per Bundesland (overviewIn).
	curState map[string]int
	// current counts the current members; names lists them, ", "-joined,
	// for a network whose list is complete (MembersComplete), the first
	// maxNamedAll of them: a count's lead names a small network's members,
	// never thousands.
	current int
	names   string
	named   int
	// withRole are the members whose role or note has words; founders
	// those isFounder takes for founding ones.
	withRole, founders []int32
}

// maxNamedAll is how many members of a complete list a count names.
const maxNamedAll = 30

// placeIndex is what answers need to know of every place at once.
type placeIndex struct {
	// pos holds each place's position in Engine.places, by its position
	// in base.Places (Engine.at looks it up by id).
	pos []int32
	// curIn holds, per network (in base order), the places that are its
	// current members (base.MembershipIn without Until), as a bit set.
	curIn   map[string][]uint64
	current []uint8 // current memberships in networks of each place, at most 255
	// others reports whether a place is a current member of a network
	// other than the one given, by its first such network and whether it
	// has one more.
	firstNet []int32  // 1 + the network's position in netIDs; 0: none
	netIDs   []string // the networks' ids, in base order
	moreNets []bool
	// withMemberships are the places with a membership, in name order.
	withMemberships []int32
	// notIn counts, per network, the places in another network now and
	// not in it (notMembers without filters); multi counts the places in
	// two networks or more now (cross without filters).
	notIn map[string]int
	multi int
	// official are the places whose official name says more than their
	// name and kind ("Stadt Gütersloh" says nothing more), by position in
	// base.Places: officialNames reads these few, not every place.
	official []int32
}

// at returns the position of the place with the id in e.places.
func (e *Engine) at(id string) (int32, bool) {
	if i, ok := e.base.PlaceIndex(id); ok {
		return e.idx.pos[i], true
	}
	return 0, false
}

// posOf is at without ok: 0 for an id the base lacks, as a map gave.
func (e *Engine) posOf(id string) int32 {
	i, _ := e.at(id)
	return i
}

// rank is the rank of a place's name among all places' (keyRank), 0 for
// an id the base lacks.
func (e *Engine) rank(id string) int32 {
	if i, ok := e.base.PlaceIndex(id); ok {
		return e.keyRank[i]
	}
	return 0
}

// isIn reports whether place i is a current member of the network.
func (x *placeIndex) isIn(network string, i int32) bool {
	bits := x.curIn[network]
	return bits != nil && bits[i/64]&(1<<(i%64)) != 0
}

// inOther reports whether place i is a current member of a network other
// than the one given.
func (x *placeIndex) inOther(network string, i int32) bool {
	first := x.first(i)
	return first != "" && (first != network || x.moreNets[i])
}

// first is the id of the first network place i is a current member of, or "".
func (x *placeIndex) first(i int32) string {
	if f := x.firstNet[i]; f > 0 {
		return x.netIDs[f-1]
	}
	return ""
}

// twinIndex holds the town twinnings (positions in base.Partnerships).
type twinIndex struct {
	all []int32
	// in holds the twinnings of NRW places with partners in a country
	// (partnershipsIn).
	in map[string][]int32
	// sorted are the dated twinnings, oldest first (sortPartnerships).
	sorted []int32
	// known are those whose NRW place the base knows, as positions and
	// as a set; count and top are mostTwinned of them, top by fewest.
	known   []int32
	isKnown []bool
	count   map[string]int
	top     map[bool][]string
	// boroughs holds the twinnings with a Bezirk of a city abroad, by
	// boroughKey of the city: Herne – Beşiktaş under Istanbul.
	boroughs map[string][]int32
}

// boroughKey keys a city abroad for twinIndex.boroughs.
func boroughKey(country, city string) string { return country + "\x00" + city }

// topN returns the first n of xs in cmp's order, which must be total:
// what sorting all of them and taking n gives.
func topN[T any](xs []T, n int, cmp func(a, b T) int) []T {
	if len(xs) <= 4*n {
		slices.SortStableFunc(xs, cmp)
		return xs[:min(n, len(xs))]
	}
	top := make([]T, 0, n+1)
	for _, x := range xs {
		if len(top) == n && cmp(x, top[n-1]) >= 0 {
			continue
		}
		at, _ := slices.BinarySearchFunc(top, x, cmp)
		top = slices.Insert(top, at, x)
		if len(top) > n {
			top = top[:n]
		}
	}
	return top
}

// areaIndex holds NRW's municipalities by area.
type areaIndex struct {
	// in holds, per area (Kreis, Städteregion, Regierungsbezirk), the
	// places that lie in it, the area itself included (inAreaID), by
	// position in Engine.places.
	in map[string][]int32
	// counts holds what municipalitiesIn returns, per area and for "".
	counts map[string]areaCount
	// areas are the NRW places that are areas, in name order.
	areas []*domain.Place
	// nrw are NRW's municipalities (Stadt, Gemeinde), by position.
	nrw []int32
	// byID finds every area (of any Land) by its id without a look-up in
	// all places: filters test each member against their area.
	byID map[string]*domain.Place
}

// buildIndexes computes the indexes; e.places and e.members are sorted,
// byNet holds the members of each network by its position.
func (e *Engine) buildIndexes(byNet [][]memberRef) {
	x := &e.idx
	words := (len(e.places) + 63) / 64
	x.curIn = map[string][]uint64{}
	x.current = make([]uint8, len(e.places))
	x.firstNet = make([]int32, len(e.places))
	for _, n := range e.base.Networks {
		x.netIDs = append(x.netIDs, n.ID)
	}
	x.moreNets = make([]bool, len(e.places))
	listed := make([]uint8, len(e.places)) // memberships in networks, at most 255
	// One walk over the members, network by network: a place's
	// memberships come in the networks' order, as MembershipsOf lists them.
	for ni := range e.base.Networks {
		n := &e.base.Networks[ni]
		bits := make([]uint64, words)
		for _, r := range byNet[ni] {
			// A place listed twice: its last entry decides, as in
			// MembershipIn (the refs of one place keep the list's order).
			if r.current {
				bits[r.at/64] |= 1 << (r.at % 64)
			} else {
				bits[r.at/64] &^= 1 << (r.at % 64)
			}
		}
		x.curIn[n.ID] = bits
		if n.IsTitle() {
			continue
		}
		for _, r := range byNet[ni] {
			i := r.at
			if listed[i] < 255 {
				listed[i]++
			}
			if !r.current {
				continue
			}
			if x.current[i] < 255 {
				x.current[i]++
			}
			switch {
			case x.firstNet[i] == 0:
				x.firstNet[i] = int32(ni + 1)
			case n.ID != x.first(i):
				x.moreNets[i] = true
			}
		}
	}
	for i, k := range listed {
		if k > 0 {
			x.withMemberships = append(x.withMemberships, int32(i))
		}
		if k > 1 {
			e.multi = append(e.multi, e.places[i])
		}
	}
	x.notIn = map[string]int{}
	for _, i := range x.withMemberships {
		if x.current[i] >= 2 {
			x.multi++
		}
		for _, n := range e.base.Networks {
			if !x.isIn(n.ID, i) && x.inOther(n.ID, i) {
				x.notIn[n.ID]++
			}
		}
	}
	for i := range e.base.Places {
		p := &e.base.Places[i]
		if o := p.OfficialName(); o != "" && o != domain.PlainOfficialName(p.Name, p.Kind) {
			x.official = append(x.official, int32(i))
		}
	}
	e.buildAreas()
	e.buildTwins()
	areasOf := make([][]string, len(e.places)) // by place position: the areas it lies in
	for area, ps := range e.area.in {
		for _, i := range ps {
			areasOf[i] = append(areasOf[i], area)
		}
	}
	for _, as := range areasOf {
		slices.Sort(as) // the same lists every time, whatever the map order
	}
	e.memberIdx = map[string]*memberIndex{}
	for _, n := range e.base.Networks {
		e.memberIdx[n.ID] = e.indexMembers(n.ID, areasOf)
	}
}

// buildAreas finds the places of every area, as inAreaID decides, by
// grouping the places by Kreis and Regierungsbezirk first.
func (e *Engine) buildAreas() {
	a := &e.area
	a.in, a.counts, a.byID = map[string][]int32{}, map[string]areaCount{}, map[string]*domain.Place{}
	byDistrict, byRegion := map[string][]int32{}, map[string][]int32{}
	for i, pl := range e.places {
		byDistrict[pl.District] = append(byDistrict[pl.District], int32(i))
		if pl.Region != "" {
			byRegion[pl.Region] = append(byRegion[pl.Region], int32(i))
		}
		if pl.State == "Nordrhein-Westfalen" {
			if pl.Kind == "Stadt" || pl.Kind == "Gemeinde" {
				a.nrw = append(a.nrw, int32(i))
			}
			if pl.Kind == "Kreis" || pl.Kind == "Städteregion" || pl.Kind == "Regierungsbezirk" {
				a.areas = append(a.areas, pl)
			}
		}
	}
	for i, area := range e.places {
		if !isArea(area) {
			continue
		}
		a.byID[area.ID] = area
		in := []int32{int32(i)}
		switch area.Kind {
		case "Kreis", "Städteregion":
			for d, ps := range byDistrict {
				if strings.EqualFold(d, area.Name) {
					in = append(in, ps...)
				}
			}
		case "Regierungsbezirk":
			for r, ps := range byRegion {
				if strings.HasSuffix(area.Name, r) {
					in = append(in, ps...)
				}
			}
		}
		slices.Sort(in)
		a.in[area.ID] = slices.Compact(in)
		a.counts[area.ID] = e.countMunicipalities(a.in[area.ID], nil).exact()
	}
	a.counts[""] = e.countMunicipalities(a.nrw, nil).exact()
}

// buildTwins indexes the twinnings by country and sorts the dated ones.
func (e *Engine) buildTwins() {
	t := &e.twins
	t.in = map[string][]int32{}
	rs := countryRegions(e.base.Lexicon.Countries) // the lexicon is built alongside
	for i, p := range e.base.Partnerships {
		t.all = append(t.all, int32(i))
		if !p.Since.IsZero() {
			t.sorted = append(t.sorted, int32(i))
		}
		nrw, other := e.base.Place(p.Place), e.base.Place(p.Partner)
		if other != nil && other.Country != "" && other.District != "" {
			if t.boroughs == nil {
				t.boroughs = map[string][]int32{}
			}
			k := boroughKey(other.Country, other.District)
			t.boroughs[k] = append(t.boroughs[k], int32(i))
		}
		if nrw != nil && other != nil {
			c := countryOf(p, other, p.Place)
			t.in[c] = append(t.in[c], int32(i))
			for _, g := range rs.groups {
				if g != c && rs.within(c, g) {
					t.in[g] = append(t.in[g], int32(i)) // "Partnerstädte in Afrika"
				}
			}
		}
	}
	ps := e.base.Partnerships
	slices.SortStableFunc(t.sorted, func(a, b int32) int { return dateKey(ps[a].Since) - dateKey(ps[b].Since) })
	t.isKnown = make([]bool, len(ps))
	for i, p := range ps {
		if e.base.Place(p.Place) != nil {
			t.known = append(t.known, int32(i))
			t.isKnown[i] = true
		}
	}
	t.top = map[bool][]string{}
	for _, fewest := range []bool{false, true} {
		t.count, t.top[fewest] = e.mostTwinned(t.known, fewest)
	}
}

// countMunicipalities sorts the NRW municipalities among the places (by
// position) into towns, villages and kreisfreie Städte; skip leaves some
// out.
func (e *Engine) countMunicipalities(ps []int32, skip func(int32) bool) areaCount {
	var c areaCount
	for _, i := range ps {
		pl := e.places[i]
		if pl.State != "Nordrhein-Westfalen" || (skip != nil && skip(i)) {
			continue
		}
		switch pl.Kind {
		case "Stadt":
			c.towns = append(c.towns, pl)
			if pl.District == "kreisfreie Stadt" {
				c.free = append(c.free, pl)
			}
		case "Gemeinde":
			c.villages = append(c.villages, pl)
		}
	}
	c.nTowns, c.nVillages = len(c.towns), len(c.villages)
	return c
}

// exact is c with its lists without the spare room appending left, for
// the counts kept per snapshot.
func (c areaCount) exact() areaCount {
	c.towns, c.villages, c.free = slices.Clone(c.towns), slices.Clone(c.villages), slices.Clone(c.free)
	return c
}

// indexMembers indexes one network's members.
func (e *Engine) indexMembers(network string, areasOf [][]string) *memberIndex {
	ms := e.members[network]
	mi := &memberIndex{byState: map[string][]int32{}, byYear: map[int][]int32{}, byArea: map[string][]int32{},
		curYear: map[int]int{}, curState: map[string]int{}}
	var names []string
	// Only a complete list is said in full (namedMembers); the others'
	// names would be kept for nothing (1.4 MB at 100,000 places).
	n := e.base.Network(network)
	complete := n.MembersComplete
	for j := range ms {
		r := &ms[j]
		mi.byState[e.places[r.at].State] = append(mi.byState[e.places[r.at].State], int32(j))
		mi.byYear[int(r.m.Since.Year)] = append(mi.byYear[int(r.m.Since.Year)], int32(j))
		for _, area := range areasOf[r.at] {
			mi.byArea[area] = append(mi.byArea[area], int32(j))
		}
		if !r.m.Since.IsZero() {
			mi.dated = append(mi.dated, int32(j))
		}
		if (r.m.Role != "" || r.m.Note != "") && len(e.foldWords(r.m.Role+" "+r.m.Note)) > 0 {
			mi.withRole = append(mi.withRole, int32(j))
		}
		if isFounder(r.m, n.Founded.Date) {
			mi.founders = append(mi.founders, int32(j))
		}
		if r.m.Until.IsZero() {
			mi.current++
			mi.curYear[int(r.m.Since.Year)]++
			mi.curState[e.places[r.at].State]++
			if complete && len(names) < maxNamedAll {
				names = append(names, e.places[r.at].Name)
			}
			if r.m.Since.IsZero() {
				mi.undated++
			}
		}
	}
	slices.SortStableFunc(mi.dated, func(x, y int32) int { return dateKey(ms[x].m.Since) - dateKey(ms[y].m.Since) })
	// The lists kept without the spare room appending left (a quarter at
	// most, 0.3 MB at 100,000 places).
	for _, m := range []map[string][]int32{mi.byState, mi.byArea} {
		for k, v := range m {
			m[k] = slices.Clone(v)
		}
	}
	for k, v := range mi.byYear {
		mi.byYear[k] = slices.Clone(v)
	}
	mi.dated, mi.withRole, mi.founders = slices.Clone(mi.dated), slices.Clone(mi.withRole), slices.Clone(mi.founders)
	mi.names, mi.named = strings.Join(names, ", "), len(names)
	return mi
}

// currentIn counts the network's current members in a Bundesland.
func (e *Engine) currentIn(network, state string) int {
	if mi := e.memberIdx[network]; mi != nil {
		return mi.curState[state]
	}
	return 0
}

// candidates yields the members of a network that may pass the filters,
// in list order: all of them, or those of the Bundesland, year or area the
// filters ask for, or the founders, whichever are fewest. The caller still
// keeps only those that pass (keep), with their membership: one that
// keeps places only, which no founders filter applies to, asks without it.
func (e *Engine) candidates(network string, fl Filters) iter.Seq[*memberRef] {
	ms, mi := e.members[network], e.memberIdx[network]
	var only []int32
	restricted := false
	narrow := func(c []int32) {
		if !restricted || len(c) < len(only) {
			only, restricted = c, true
		}
	}
	if mi != nil {
		if fl.State != "" && !fl.NotState {
			narrow(mi.byState[fl.State])
		}
		if fl.Year != 0 && fl.YearOp == "" && !fl.Former { // a former member's year is when it left
			narrow(mi.byYear[fl.Year])
		}
		if _, isArea := e.area.in[fl.Area]; isArea && !fl.NotArea {
			narrow(mi.byArea[fl.Area])
		}
		if fl.Founders {
			narrow(mi.founders)
		}
	}
	return func(yield func(*memberRef) bool) {
		if !restricted {
			for j := range ms {
				if !yield(&ms[j]) {
					return
				}
			}
			return
		}
		for _, j := range only {
			if !yield(&ms[j]) {
				return
			}
		}
	}
}
