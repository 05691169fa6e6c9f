package answer

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/engagiert/engagiert/internal/domain"
)

// Questions about NRW's municipalities themselves, not their networks:
// "Wie viele Gemeinden hat NRW?", "Welche Regierungsbezirke gibt es?",
// "Welche Gemeinden gehören zum Kreis Lippe?", "Welcher Kreis hat die
// meisten Gemeinden?". They are answered from the official list the
// places come from (Destatis), counted, never guessed.

// areaCount is what an area holds. nTowns and nVillages count towns and
// villages; the lists hold them too, except outside an area, where they
// are counted only (an answer about all of NRW but one Kreis lists none).
type areaCount struct {
	towns, villages, free []*domain.Place
	nTowns, nVillages     int
}

func (c areaCount) all() []*domain.Place {
	return append(append([]*domain.Place(nil), c.towns...), c.villages...)
}

// n is how many municipalities the area has: len(all()).
func (c areaCount) n() int { return c.nTowns + c.nVillages }

// municipalitiesIn counts the municipalities of NRW in an area ("" is all
// of NRW).
func (e *Engine) municipalitiesIn(areaID string) areaCount {
	return e.municipalitiesOutside(areaID, false)
}

// municipalitiesOutside counts the municipalities of NRW in an area, or,
// with not, outside it.
func (e *Engine) municipalitiesOutside(areaID string, not bool) areaCount {
	if areaID == "" {
		return e.area.counts[""]
	}
	in, isArea := e.area.in[areaID]
	inside := e.area.counts[areaID]
	if !isArea {
		// Not an area: only the place itself is in it.
		in = nil
		if i, ok := e.at(areaID); ok {
			in = []int32{i}
		}
		inside = e.countMunicipalities(in, nil)
	}
	if !not {
		return inside
	}
	// All of NRW less the area: counted by difference, the few kreisfreie
	// Städte listed (in is sorted by position).
	all := e.area.counts[""]
	out := areaCount{nTowns: all.nTowns - inside.nTowns, nVillages: all.nVillages - inside.nVillages}
	for _, pl := range all.free {
		if _, found := slices.BinarySearch(in, e.posOf(pl.ID)); !found {
			out.free = append(out.free, pl)
		}
	}
	return out
}

// areasOf are the NRW places of a kind: Kreise (with the Städteregion) or
// Regierungsbezirke, in an area.
func (e *Engine) areasOf(kind, within string) []*domain.Place {
	var out []*domain.Place
	for _, pl := range e.area.areas {
		if pl.State != "Nordrhein-Westfalen" || (within != "" && !e.inAreaID(pl, within)) || pl.ID == within {
			continue
		}
		if pl.Kind == kind || (kind == "Kreis" && pl.Kind == "Städteregion") {
			out = append(out, pl)
		}
	}
	return out
}

// areas answers from the places of NRW.
func (e *Engine) areas(_ context.Context, f Frame) (domain.Answer, error) {
	en := f.English
	src := e.base.Source("destatis-gemeindeverzeichnis")
	fl := f.Filters
	where := "Nordrhein-Westfalen"
	if area := e.base.Place(fl.Area); area != nil {
		where = area.Name
	}
	subject := where
	if fl.NotArea {
		where = "Nordrhein-Westfalen (" + say(en, "outside.state", e.base.Place(fl.Area).Name) + ")"
		subject = where
	} else if !en && where != "Nordrhein-Westfalen" {
		subject = "Der " + where // "Der Kreis Lippe hat 16 Gemeinden"
		if strings.HasPrefix(strings.ToLower(where), "städteregion") {
			subject = "Die " + where
		}
	}
	a := domain.Answer{Found: true, Kind: domain.KindFacts, Title: say(en, "areas.title", inDistrict(en, where)), English: en, LeadSource: src}
	list := func(title string, ps []*domain.Place) {
		if len(ps) == 0 {
			return // the lead says there are none
		}
		l := domain.List{Title: title}
		for _, pl := range ps[:min(len(ps), maxListed)] {
			l.Items = append(l.Items, domain.ListItem{Name: pl.Name})
		}
		if len(ps) > maxListed {
			l.Note = moreNote(en, len(ps)-maxListed)
		}
		a.Lists = append(a.Lists, l)
	}
	if x := e.landFigure(f.Words); x != nil && fl.Area == "" {
		// "Wie viele mittlere kreisangehörige Städte hat NRW?": a figure
		// the Land gives, which the list of places does not.
		a.Lead, a.LeadSource = say(en, "land.figure", x.Value, x.Text), e.base.Source(x.Source)
		return a, nil
	}
	if areas := e.areaSubjects(f); len(areas) >= 2 || f.Op == OpCompare && len(areas) > 0 || f.Op == OpMost {
		// Not "Städte vs. Gemeinden in NRW": two kinds of one area are its count.
		return e.rankAreas(areas, f, src), nil
	}
	c := e.municipalitiesOutside(fl.Area, fl.NotArea)
	switch {
	case fl.Kind == "Regierungsbezirk":
		rbs := e.areasOf("Regierungsbezirk", "")
		var parts []string
		for _, rb := range rbs {
			parts = append(parts, fmt.Sprintf("%s (%s)", strings.TrimPrefix(rb.Name, "Regierungsbezirk "), say(en, "areas.n", e.municipalitiesIn(rb.ID).n())))
		}
		a.Lead = say(en, "areas.rbs", subject, len(rbs), strings.Join(parts, ", "))
	case fl.Kind == "Kreis":
		kreise := e.areasOf("Kreis", fl.Area)
		if fl.Area == "" {
			a.Lead = say(en, "areas.kreise", subject, len(kreise))
		} else {
			a.Lead = say(en, "areas.kreise.in", subject, len(kreise))
		}
		if f.Op != OpCount {
			list(say(en, "areas.kreise.l"), kreise)
			if fl.Area != "" && !fl.NotArea {
				// A Regierungsbezirk is its Kreise and its kreisfreie
				// Städte: "Welche Kreise gibt es im Regierungsbezirk
				// Detmold?" names Bielefeld beside them.
				list(say(en, "areas.free.l"), c.free)
			}
		}
	case fl.Kreisfrei == "ja":
		var names []string
		for _, pl := range c.free {
			names = append(names, pl.Name)
		}
		a.Lead = say(en, "areas.kreisfrei", subject, len(c.free), joinAnd(en, names))
		if f.Op == OpCount && (fl.Area == "" || len(c.free) > whereListed) {
			// A count of a Regierungsbezirk's few names them too; NRW's
			// 22 are a list of their own.
			a.Lead = say(en, "areas.kreisfrei.n", subject, len(c.free))
		}
		if fl.Area == "" && !fl.NotArea {
			// The Land counts Aachen too: both views, each with its source.
			a.Facts = append(a.Facts, e.landFacts("kreisfreie-staedte")...)
		}
	case fl.Kind == "Gemeinde" || fl.Kind == "Stadt" && fl.Kreisfrei == "nein":
		// "Gemeinden ohne Stadtrecht" (all kreisangehörig), "kreisangehörige
		// Städte".
		n, key := c.nVillages, "areas.villages"
		if fl.Kind == "Stadt" {
			n, key = c.nTowns-len(c.free), "areas.towns.kreisang"
		}
		a.Lead = say(en, key, subject, n)
		if n == 0 && fl.Kind == "Gemeinde" && c.n() > 0 {
			a.Lead = say(en, "areas.villages.none", subject, c.n()) // "Welche Kommunen im Kreis Höxter haben kein Stadtrecht?"
		}
		if f.Op != OpCount && fl.Kind == "Gemeinde" {
			list(say(en, "areas.gemeinden"), c.villages)
		}
	case fl.Kreisfrei == "nein":
		a.Lead = say(en, "areas.kreisang", subject, c.n()-len(c.free))
		if fl.Area == "" && !fl.NotArea {
			a.Facts = append(a.Facts, e.landFacts("kreisangehoerige-gemeinden")...) // the Land's count, without Aachen
		}
		if f.Op != OpCount {
			list(say(en, "areas.gemeinden"), slices.DeleteFunc(c.all(), func(pl *domain.Place) bool { return slices.Contains(c.free, pl) }))
		}
	default:
		n := c.n()
		if fl.Area == "" || fl.NotArea {
			a.Lead = say(en, "areas.count.nrw", where, n, c.nTowns, len(c.free), c.nVillages, len(e.areasOf("Kreis", "")), len(e.areasOf("Regierungsbezirk", "")))
		} else {
			a.Lead = say(en, "areas.count", subject, n, c.nTowns, c.nVillages)
			if c.nVillages == 0 && c.nTowns > 0 {
				a.Lead = say(en, "areas.count.towns", subject, n) // not "10 Städte und 0 Gemeinden"
			}
			if f.Op != OpCount {
				list(say(en, "areas.gemeinden"), c.all())
			}
		}
	}
	if src != nil {
		a.Facts = append(a.Facts, domain.AnswerFact{Text: say(en, "destatis"), Source: src})
	}
	return a, nil
}

// areaSubjects are the areas a question names as subjects (a comparison
// names two) or, for "which Kreis has the most", all of the kind asked.
func (e *Engine) areaSubjects(f Frame) []*domain.Place {
	var out []*domain.Place
	for _, id := range f.places() {
		if pl := e.base.Place(id); pl != nil && isArea(pl) {
			out = append(out, pl)
		}
	}
	if fl := e.base.Place(f.Filters.Area); fl != nil && !slices.Contains(out, fl) && (f.Op == OpCompare || len(out) > 0) {
		out = append([]*domain.Place{fl}, out...)
	}
	return out
}

// rankAreas compares areas on their municipalities: two named ones, or
// all Kreise or Regierungsbezirke for "die meisten".
func (e *Engine) rankAreas(areas []*domain.Place, f Frame, src *domain.Source) domain.Answer {
	en := f.English
	if len(areas) < 2 {
		kind := "Kreis"
		if f.Filters.Kind == "Regierungsbezirk" {
			kind = "Regierungsbezirk"
		}
		areas = e.areasOf(kind, f.Filters.Area)
	}
	count := map[string]int{}
	for _, ar := range areas {
		count[ar.ID] = e.municipalitiesIn(ar.ID).n()
	}
	sorted := append([]*domain.Place(nil), areas...)
	slices.SortStableFunc(sorted, func(x, y *domain.Place) int {
		if f.Most == DirSmallest {
			return count[x.ID] - count[y.ID]
		}
		return count[y.ID] - count[x.ID]
	})
	a := domain.Answer{Found: len(sorted) > 0, Kind: domain.KindFacts, Title: say(en, "cmp.areas"), English: en, LeadSource: src}
	if len(sorted) == 0 {
		return e.notFound(f)
	}
	if len(areas) == 2 && f.Op != OpMost {
		var sides []compared
		for _, ar := range areas {
			sides = append(sides, compared{name: ar.Name, key: count[ar.ID], shown: say(en, "areas.n", count[ar.ID]), src: src, known: true})
		}
		most := f.Most
		if most == DirNone || most == DirOldest || most == DirNewest {
			most = DirLargest
		}
		return e.ranked(sides, f, most, "cmp.areas", say(en, "areas.gemeinden"))
	}
	key := "areas.most"
	if f.Most == DirSmallest {
		key = "areas.least"
	}
	a.Lead = say(en, key, sorted[0].Name, count[sorted[0].ID])
	var next []string
	for _, ar := range sorted[1:min(len(sorted), 5)] {
		next = append(next, fmt.Sprintf("%s (%d)", ar.Name, count[ar.ID]))
	}
	if len(next) > 0 {
		a.Facts = append(a.Facts, domain.AnswerFact{Text: strings.Join(next, ", ")})
	}
	a.Facts = append(a.Facts, domain.AnswerFact{Text: say(en, "destatis"), Source: src})
	return a
}

// landFigure is the Land's figure whose text has all the words, or nil:
// "mittlere" picks "mittlere kreisangehörige Städte".
func (e *Engine) landFigure(ws []string) *domain.Figure {
	if len(ws) == 0 {
		return nil
	}
	for i := range e.base.Figures {
		if x := &e.base.Figures[i]; e.countWords(x.Text, ws) == len(ws) {
			return x
		}
	}
	return nil
}

// landFacts are the Land's figures under a key, as lines with their
// sources.
func (e *Engine) landFacts(key string) []domain.AnswerFact {
	var out []domain.AnswerFact
	for _, x := range e.base.Figures {
		if x.Key == key {
			out = append(out, domain.AnswerFact{Text: x.Value + " " + x.Text, Stand: x.Stand, Source: e.base.Source(x.Source)})
		}
	}
	return out
}
