package answer

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/engagiert/engagiert/internal/domain"
)

// Questions about NRW's municipalities themselves, not their networks:
// "Wie viele Gemeinden hat NRW?", "Welche Regierungsbezirke gibt es?",
// "Welche Gemeinden gehören zum Kreis Lippe?". They are answered from the
// official list the places come from (Destatis), counted, never guessed.

// areaKind is what such a question counts, read from its words.
func (p *parsed) areaKind() string {
	free := p.freeTokens()
	switch {
	case p.hasTerm(free, "regierungsbezirk", "bezirksregierung"):
		return "Regierungsbezirk"
	case p.kreisfrei == "ja":
		return "kreisfrei"
	case p.hasTerm(free, "kreis", "landkreis"):
		return "Kreis"
	case p.hasTerm(free, "gemeind", "kommun", "stadt", "stadte", "orte", "municipal", "town", "citi"):
		return "Gemeinde"
	}
	return ""
}

// asksAreas reports whether a question asks about the municipalities of
// NRW as such: it names no network and no membership or twinning.
func (q *question) asksAreas() bool {
	p := q.p
	if len(q.networks()) > 0 || p.twin || p.areaKind() == "" || p.year != 0 || p.has(intNew) || p.hasTerm(p.tokens, "dabei", "mitglied", "netzwerk", "engagiert", "partner", "member", "network") {
		return false
	}
	for _, s := range q.places() {
		if pl := q.e.base.Place(s); pl != nil && pl.Kind != "Kreis" && pl.Kind != "Städteregion" && pl.Kind != "Regierungsbezirk" {
			return false // "In welchem Regierungsbezirk liegt Bönen?": about Bönen
		}
	}
	nrw := p.state == "Nordrhein-Westfalen" || p.region != "" || p.district != "" || p.areaKind() == "Regierungsbezirk"
	for _, s := range q.places() {
		if pl := q.e.base.Place(s); pl != nil && (pl.Kind == "Kreis" || pl.Kind == "Städteregion" || pl.Kind == "Regierungsbezirk") {
			nrw = true
		}
	}
	return nrw && (q.f.Op == OpCount || q.f.Op == OpList || q.f.Op == OpSuperlative || q.p.has(intWhich))
}

// areas answers from the places of NRW.
func (e *Engine) areas(_ context.Context, q *question) (domain.Answer, error) {
	p := q.p
	src := e.base.Source("destatis-gemeindeverzeichnis")
	var area *domain.Place
	for _, id := range q.places() {
		if pl := e.base.Place(id); pl.Kind == "Kreis" || pl.Kind == "Städteregion" || pl.Kind == "Regierungsbezirk" {
			area = pl
		}
	}
	in := func(pl *domain.Place) bool {
		switch {
		case pl.State != "Nordrhein-Westfalen":
			return false
		case area != nil:
			return inArea(pl, area)
		case p.region != "":
			return pl.Region == p.region
		case p.district != "":
			return pl.District == p.district
		}
		return true
	}
	where := "Nordrhein-Westfalen"
	switch {
	case area != nil:
		where = area.Name
	case p.region != "":
		where = "Regierungsbezirk " + p.region
	case p.district != "":
		where = p.district
	}
	a := domain.Answer{Found: true, Kind: domain.KindFacts, Title: "Kommunen " + inDistrict(where), English: q.f.English, LeadSource: src}
	subject := where
	if where != "Nordrhein-Westfalen" {
		subject = "Der " + where // "Der Kreis Lippe hat 16 Gemeinden"
		if strings.HasPrefix(strings.ToLower(where), "städteregion") {
			subject = "Die " + where
		}
	}
	var towns, villages, free, kreise, rbs []*domain.Place
	perRegion := map[string]int{}
	for _, pl := range e.places {
		if !in(pl) {
			continue
		}
		switch pl.Kind {
		case "Stadt":
			towns = append(towns, pl)
			if pl.District == "kreisfreie Stadt" {
				free = append(free, pl)
			}
			perRegion[pl.Region]++
		case "Gemeinde":
			villages = append(villages, pl)
			perRegion[pl.Region]++
		case "Kreis", "Städteregion":
			kreise = append(kreise, pl)
		case "Regierungsbezirk":
			rbs = append(rbs, pl)
		}
	}
	names := func(ps []*domain.Place) []string {
		out := make([]string, len(ps))
		for i, pl := range ps {
			out[i] = pl.Name
		}
		return out
	}
	list := func(title string, ps []*domain.Place) {
		l := domain.List{Title: title}
		for _, pl := range ps[:min(len(ps), maxListed)] {
			l.Items = append(l.Items, domain.ListItem{Name: pl.Name})
		}
		if len(ps) > maxListed {
			l.Note = moreNote(len(ps) - maxListed)
		}
		a.Lists = append(a.Lists, l)
	}
	switch p.areaKind() {
	case "Regierungsbezirk":
		sort.SliceStable(rbs, func(i, j int) bool {
			return perRegion[strings.TrimPrefix(rbs[i].Name, "Regierungsbezirk ")] > perRegion[strings.TrimPrefix(rbs[j].Name, "Regierungsbezirk ")]
		})
		var parts []string
		for _, rb := range rbs {
			parts = append(parts, fmt.Sprintf("%s (%d Gemeinden)", strings.TrimPrefix(rb.Name, "Regierungsbezirk "), perRegion[strings.TrimPrefix(rb.Name, "Regierungsbezirk ")]))
		}
		a.Lead = fmt.Sprintf("%s hat %d Regierungsbezirke: %s.", subject, len(rbs), strings.Join(parts, ", "))
		if q.f.Op == OpSuperlative && len(rbs) > 0 {
			top := strings.TrimPrefix(rbs[0].Name, "Regierungsbezirk ")
			a.Lead = fmt.Sprintf("Die meisten Gemeinden hat der Regierungsbezirk %s: %d. Alle: %s.", top, perRegion[top], strings.Join(parts, ", "))
		}
	case "Kreis":
		a.Lead = fmt.Sprintf("%s hat %d Kreise (einschließlich der Städteregion Aachen).", subject, len(kreise))
		if q.f.Op != OpCount {
			list("Kreise", kreise)
		}
	case "kreisfrei":
		a.Lead = fmt.Sprintf("%s hat nach dem Gemeindeverzeichnis %d kreisfreie Städte: %s.", subject, len(free), joinAnd(names(free)))
		if mik := e.base.Source("mik-nrw-kommunale-strukturen"); mik != nil && area == nil && p.region == "" {
			a.Facts = append(a.Facts, domain.AnswerFact{Text: "Das Innenministerium NRW zählt 23 kreisfreie Städte, Aachen eingeschlossen, das zur Städteregion Aachen gehört.", Source: mik})
		}
	default:
		n := len(towns) + len(villages)
		a.Lead = fmt.Sprintf("%s hat %d Gemeinden: %d Städte und %d Gemeinden ohne Stadtrecht.", subject, n, len(towns), len(villages))
		if area == nil && p.region == "" && p.district == "" {
			a.Lead = fmt.Sprintf("%s hat %d Gemeinden: %d Städte (%d davon kreisfrei) und %d Gemeinden ohne Stadtrecht, in %d Kreisen und %d Regierungsbezirken.",
				where, n, len(towns), len(free), len(villages), len(kreise), len(rbs))
		} else if q.f.Op != OpCount {
			list("Gemeinden", append(append([]*domain.Place(nil), towns...), villages...))
		}
	}
	if src != nil {
		a.Facts = append(a.Facts, domain.AnswerFact{Text: "© Statistisches Bundesamt (Destatis), Gemeindeverzeichnis", Source: src})
	}
	return a, nil
}
