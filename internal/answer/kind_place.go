package answer

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/engagiert/engagiert/internal/domain"
)

// placesAnswer says what each place is (kind, Kreis, Regierungsbezirk,
// Bundesland), which networks list it, since when, and its town twinnings.
// A place no network lists is answered as such, never as unknown.
func (e *Engine) placesAnswer(ids []string, english bool) domain.Answer {
	a := domain.Answer{Found: true, Kind: domain.KindPlace, English: english}
	var titles, leads []string
	for _, id := range ids {
		pl := e.base.Place(id)
		titles = append(titles, pl.Name)
		a.Hits = append(a.Hits, domain.Hit{ID: "place:" + pl.ID, Title: pl.Name})
		var ms []domain.Membership
		for _, m := range e.base.MembershipsOf(id) {
			if m.Until.IsZero() {
				ms = append(ms, m)
			}
		}
		lead := placeIs(pl) + " "
		switch len(ms) {
		case 0:
			lead += "Die Netzwerke, die ich kenne, führen " + pl.Name + " nicht als Mitglied."
		case 1:
			lead += "Mitglied in einem Netzwerk: " + e.base.Network(ms[0].Network).Name + "."
		default:
			var names []string
			for _, m := range ms {
				names = append(names, e.base.Network(m.Network).Name)
			}
			lead += fmt.Sprintf("Mitglied in %d Netzwerken: %s.", len(ms), joinAnd(names))
		}
		leads = append(leads, lead)
		for _, m := range e.base.MembershipsOf(id) {
			n := e.base.Network(m.Network)
			a.Facts = append(a.Facts, domain.AnswerFact{Text: shortName(n) + ": " + membershipText(m), Source: e.base.Source(m.Source)})
			a.Links = appendLink(a.Links, domain.Link{Title: n.Name, URL: n.Website})
		}
		for _, f := range pl.Facts {
			a.Facts = appendFact(a.Facts, domain.AnswerFact{Text: f.Text, Stand: f.Stand, Source: e.base.Source(f.Source)})
		}
		// Statements about the place ("Paderborn hat den Vorsitz"), not the
		// lists that merely include it.
		var about []domain.FactRef
		for _, n := range e.base.Networks {
			for i := range n.Facts {
				ref := domain.FactRef{Network: n.ID, Part: "fact", Index: i}
				if ps := e.factPlaces[ref]; len(ps) <= 2 && contains(ps, pl.ID) {
					about = append(about, ref)
				}
			}
		}
		// Facts about the place alone first; two are enough next to the memberships.
		sort.SliceStable(about, func(i, j int) bool { return len(e.factPlaces[about[i]]) < len(e.factPlaces[about[j]]) })
		for i, ref := range about {
			if i == placeFacts {
				break
			}
			a.Facts = appendFact(a.Facts, e.fact(ref))
		}
		if f, ok := e.partnersLine(pl); ok {
			a.Facts = append(a.Facts, f)
		}
		if pl.Kind == "Kreis" || pl.Kind == "Städteregion" || pl.Kind == "Regierungsbezirk" {
			for _, n := range e.base.Networks {
				var names []string
				var src *domain.Source
				for _, r := range e.members[n.ID] {
					if r.m.Until.IsZero() && inArea(r.p, pl) {
						names = append(names, r.p.Name)
						if src == nil {
							src = e.base.Source(r.m.Source)
						}
					}
				}
				if len(names) > 0 {
					a.Facts = append(a.Facts, domain.AnswerFact{Text: fmt.Sprintf("%s aus dem Gebiet: %s", shortName(&n), joinAnd(names)), Source: src})
				}
			}
		}
		for _, sib := range e.siblings[coreName(pl.Name)] {
			if sib.ID == pl.ID || inArea(sib, pl) {
				continue
			}
			// "Coesfeld": the Kreis of the same name may be the member.
			if f, ok := e.otherMemberships(sib.ID, nil, english); ok {
				f.Text = strings.Replace(f.Text, "Außerdem Mitglied: ", sib.Name+" ist Mitglied: ", 1)
				f.Text = strings.Replace(f.Text, "Also a member of: ", sib.Name+" is a member of: ", 1)
				a.Facts = append(a.Facts, f)
			}
		}
		if len(ms) > 0 && len(ids) == 1 {
			a.Suggestions = []string{"Mitglieder " + shortName(e.base.Network(ms[0].Network))}
		}
	}
	a.Lead = strings.Join(leads, " ")
	a.Title = joinAnd(titles)
	if len(ids) == 1 {
		if where := placeWhere(e.base.Place(ids[0])); where != "" {
			a.Title += " (" + where + ")"
		}
	}
	return a
}

// placeIs says what a place is: "Lemgo ist eine Stadt im Kreis Lippe in
// Nordrhein-Westfalen (Regierungsbezirk Detmold)."
func placeIs(pl *domain.Place) string {
	article := map[string]string{"Stadt": "eine Stadt", "Gemeinde": "eine Gemeinde", "Kreis": "ein Kreis",
		"Städteregion": "eine Städteregion", "Regierungsbezirk": "ein Regierungsbezirk", "Stadtteil": "ein Stadtteil",
		"Verbandsgemeinde": "eine Verbandsgemeinde", "Bezirksregierung": "eine Bezirksregierung",
		"Gemeindeverband": "ein Gemeindeverband", "Bezirk": "ein Bezirk", "Region": "eine Region"}[pl.Kind]
	if article == "" {
		article = "ein Ort"
	}
	if pl.Kind == "Regierungsbezirk" {
		return "Der " + pl.Name + " ist einer von fünf Regierungsbezirken in " + pl.State + "."
	}
	s := pl.Name + " ist " + article
	switch d := pl.District; {
	case d == "kreisfreie Stadt":
		s = pl.Name + " ist eine kreisfreie Stadt"
	case d != "":
		s += " " + inDistrict(d)
	}
	switch {
	case pl.Country != "":
		s += " in " + pl.Country
	case pl.State != "":
		s += " in " + pl.State
	}
	if pl.Region != "" && pl.Kind != "Regierungsbezirk" {
		s += " (Regierungsbezirk " + pl.Region + ")"
	}
	return s + "."
}

// inDistrict reads a Kreis after "in": "im Kreis Lippe", "in der StädteRegion Aachen".
func inDistrict(d string) string {
	if d == "Nordrhein-Westfalen" {
		return "in " + d
	}
	if l := strings.ToLower(d); strings.HasPrefix(l, "städteregion") || strings.HasPrefix(l, "region") {
		return "in der " + d
	}
	return "im " + d
}

// placeQuestion answers a question about places: their memberships, and
// what else the question asks if a statement answers it. When none does
// ("Wie viele Einwohner hat Bielefeld?"), it says so before the memberships,
// rather than passing them off as the answer.
func (e *Engine) placeQuestion(ctx context.Context, places []string, q *question) (domain.Answer, error) {
	p := *q.p
	a := e.placesAnswer(places, q.f.English)
	if len(places) == 1 && (p.kreisfrei != "" || p.hasTerm(p.freeTokens(), "kreis", "regierungsbezirk", "bundesland") ||
		(len(p.content) == 0 && (p.has(intWhere) || p.hasTerm(p.freeTokens(), "liegt")))) {
		// "In welchem Kreis liegt Hille?", "Ist Aachen kreisfrei?": where
		// it lies leads; its networks follow in the lead, not as lines.
		pl := e.base.Place(places[0])
		var keep []domain.AnswerFact
		for _, f := range pl.Facts {
			keep = append(keep, domain.AnswerFact{Text: f.Text, Stand: f.Stand, Source: e.base.Source(f.Source)})
		}
		a.Facts = keep
		a.Lead = placeIs(pl)
		if p.kreisfrei != "" && p.yesNo {
			yes := (pl.District == "kreisfreie Stadt") == (p.kreisfrei == "ja")
			a.Lead = map[bool]string{true: "Ja. ", false: "Nein. "}[yes] + a.Lead
		}
		return a, nil
	}
	if len(p.content) == 0 {
		return a, nil
	}
	facts, err := e.aboutPlaces(ctx, places, p)
	if err != nil || len(facts) > 0 {
		a.Facts = append(facts, a.Facts...)
		return a, err
	}
	words := make([]string, len(p.content))
	for i, t := range p.content {
		words[i] = displayWord(p.question, t.Raw)
	}
	// The question is not answered; what the base knows of the place
	// follows, plainly marked, but found stays false.
	a.Found = false
	a.Lead = fmt.Sprintf("Zu „%s“ nennen meine Quellen nichts. Das weiß ich: %s", strings.Join(words, " "), a.Lead)
	return a, nil
}

// aboutPlaces finds statements that answer the question's other words and
// name one of the places. Only those count: "Einwohner" in a statement on
// who may apply is no answer to "Wie viele Einwohner hat Bielefeld?".
func (e *Engine) aboutPlaces(ctx context.Context, places []string, p parsed) ([]domain.AnswerFact, error) {
	if len(p.content) == 0 {
		return nil, nil
	}
	hits, err := e.search.Facts(ctx, p.searchTerms(), "")
	if err != nil {
		return nil, err
	}
	var out []domain.AnswerFact
	for _, h := range goodHits(hits) {
		for _, pl := range places {
			if contains(e.factPlaces[h.Ref], pl) {
				out = appendFact(out, e.fact(h.Ref))
			}
		}
	}
	return out, nil
}

// shortWhere locates a place in a few words: its Kreis in NRW, else its
// Bundesland or country.
func shortWhere(pl *domain.Place) string {
	switch {
	case pl.Country != "":
		return pl.Country
	case pl.State == "Nordrhein-Westfalen" && pl.District != "":
		return pl.District
	case pl.State != "":
		return pl.State
	}
	return pl.Kind
}

// inArea reports whether pl lies in the Kreis or Regierungsbezirk area.
func inArea(pl, area *domain.Place) bool {
	switch area.Kind {
	case "Kreis", "Städteregion":
		return strings.EqualFold(pl.District, area.Name) // "StädteRegion Aachen"
	case "Regierungsbezirk":
		return pl.Region != "" && strings.HasSuffix(area.Name, pl.Region) && pl.ID != area.ID
	}
	return false
}

// areaMembers names the members of n inside a Kreis or Regierungsbezirk,
// for a question that names the area; "" when pl is no area or none is.
func (e *Engine) areaMembers(area *domain.Place, n *domain.Network, english bool) string {
	var names []string
	for _, r := range e.members[n.ID] {
		if r.m.Until.IsZero() && inArea(r.p, area) {
			name := r.p.Name
			if !r.m.Since.IsZero() {
				name += " (seit " + r.m.Since.String() + ")"
			}
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		return ""
	}
	if english {
		return fmt.Sprintf("%s is not a member of %s itself; from %s: %s.", area.Name, n.Name, area.Name, joinAnd(names))
	}
	return fmt.Sprintf("%s selbst ist nicht als Mitglied geführt; aus dem Gebiet: %s – %s.", area.Name, joinAnd(names), n.Name)
}

// siblingMember finds a place of the same name (the Kreis of a Stadt) that
// is a member of n.
func (e *Engine) siblingMember(pl *domain.Place, n *domain.Network) (*domain.Place, domain.Membership, bool) {
	for _, sib := range e.siblings[coreName(pl.Name)] {
		if sib.ID == pl.ID {
			continue
		}
		if m, ok := findMembership(n, sib.ID); ok && m.Until.IsZero() {
			return sib, m, true
		}
	}
	return nil, domain.Membership{}, false
}

// otherMemberships names the place's memberships in other networks, in one
// line: "Außerdem Mitglied: Engagierte Stadt (seit 2022)".
func (e *Engine) otherMemberships(pid string, except []string, english bool) (domain.AnswerFact, bool) {
	var parts []string
	f := domain.AnswerFact{}
	for _, m := range e.base.MembershipsOf(pid) {
		if contains(except, m.Network) || !m.Until.IsZero() {
			continue
		}
		part := shortName(e.base.Network(m.Network))
		if !m.Since.IsZero() {
			part += " (seit " + m.Since.String() + ")"
		}
		parts = append(parts, part)
		if src := e.base.Source(m.Source); f.Source == nil {
			f.Source = src
		} else if src != nil {
			f.Also = append(f.Also, src)
		}
	}
	if len(parts) == 0 {
		return f, false
	}
	f.Text = "Außerdem Mitglied: " + strings.Join(parts, ", ")
	if english {
		f.Text = "Also a member of: " + strings.Join(parts, ", ")
	}
	return f, true
}

// membershipKind answers a question naming places and networks, with a
// statement naming the place first when one answers the question's other
// words ("Seit wann hat Paderborn den Vorsitz im RegioPole-Netzwerk?").
func (e *Engine) membershipKind(ctx context.Context, q *question) (domain.Answer, error) {
	a := e.membership(q.places(), q.networks(), *q.p)
	facts, err := e.aboutPlaces(ctx, q.places(), *q.p)
	if len(facts) > 0 {
		a.Lead = facts[0].Text + " " + a.Lead
		a.Facts = append(facts, a.Facts...)
	}
	return a, err
}

// membership answers "Ist X in Y?" and "Seit wann ist X in Y?".
func (e *Engine) membership(places, networks []string, p parsed) domain.Answer {
	a := domain.Answer{Found: true, Kind: domain.KindMembership}
	var leads []string
	for _, pid := range places {
		pl := e.base.Place(pid)
		a.Hits = append(a.Hits, domain.Hit{ID: "place:" + pl.ID, Title: pl.Name})
		for _, nid := range networks {
			n := e.base.Network(nid)
			a.Links = appendLink(a.Links, domain.Link{Title: n.Name, URL: n.Website})
			m, ok := findMembership(n, pid)
			if !ok {
				if sib, sm, found := e.siblingMember(pl, n); found {
					// "Ist Coesfeld im Kommunen-Netzwerk?": the Kreis is.
					lead := fmt.Sprintf("Mitglied ist der %s – %s%s.", sib.Name, n.Name, memberDetail(sm))
					if p.english {
						lead = fmt.Sprintf("%s is a member – %s%s.", sib.Name, n.Name, memberDetailEN(sm))
					}
					leads = append(leads, lead)
					a.LeadSource = e.base.Source(sm.Source)
					continue
				}
				if area := e.areaMembers(pl, n, p.english); area != "" {
					// "Ist jemand aus dem Kreis Soest dabei?": the members inside it.
					leads = append(leads, area)
					continue
				}
				lead := fmt.Sprintf("%s: %s (%s) ist dort nicht als Mitglied geführt.", n.Name, pl.Name, shortWhere(pl))
				if p.english {
					lead = fmt.Sprintf("No, %s (%s) is not listed as a member of %s (nicht als Mitglied geführt).", pl.Name, shortWhere(pl), n.Name)
				}
				// What the network's statements say of the place: "nahm an
				// der Entwicklungswerkstatt teil".
				for i := range n.Facts {
					ref := domain.FactRef{Network: n.ID, Part: "fact", Index: i}
					if contains(e.factPlaces[ref], pid) {
						a.Facts = appendFact(a.Facts, e.fact(ref))
						break
					}
				}
				switch {
				case n.MembersComplete:
				case p.english:
					lead += " The member list I know is not complete, though."
				default:
					lead += " Meine Liste der Mitglieder ist allerdings nicht vollständig."
				}
				leads = append(leads, lead)
				continue
			}
			if !m.Until.IsZero() {
				lead := fmt.Sprintf("Nein, %s ist kein Mitglied mehr – %s: ausgetreten %s.", pl.Name, n.Name, m.Until)
				if p.english {
					lead = fmt.Sprintf("No, %s is no longer a member of %s: it left in %s (ausgetreten).", pl.Name, n.Name, m.Until)
				}
				leads = append(leads, lead)
				a.Facts = append(a.Facts, domain.AnswerFact{Text: pl.Name + " – " + n.Name + ": " + membershipText(m), Source: e.base.Source(m.Source)})
				continue
			}
			lead := fmt.Sprintf("%s ist Mitglied – %s%s.", pl.Name, n.Name, memberDetail(m))
			switch {
			case p.english:
				lead = fmt.Sprintf("Yes, %s is a member – %s%s.", pl.Name, n.Name, memberDetailEN(m))
			case p.yesNo:
				lead = "Ja, " + lead
			}
			leads = append(leads, lead)
			src := e.base.Source(m.Source)
			if len(places) == 1 && len(networks) == 1 {
				a.LeadSource = src
				if m.Note != "" {
					a.Facts = append(a.Facts, domain.AnswerFact{Text: upperFirst(m.Note), Source: src})
				}
				continue
			}
			a.Facts = append(a.Facts, domain.AnswerFact{Text: pl.Name + " – " + n.Name + ": " + membershipText(m), Source: src})
		}
		// What else the place belongs to, in one line, so a "no" is still useful.
		if f, ok := e.otherMemberships(pid, networks, p.english); ok {
			a.Facts = append(a.Facts, f)
		}
	}
	if len(places) == 1 && len(networks) == 1 {
		pl := e.base.Place(places[0])
		a.Title = pl.Name + " (" + shortWhere(pl) + ") und " + e.base.Network(networks[0]).Name
	} else {
		a.Title = "Mitgliedschaften"
	}
	a.Lead = strings.Join(leads, " ")
	return a
}

// unknownMember answers a yes/no question about a place the base does not
// know: it is not listed as a member, which is all the base can say.
func (e *Engine) unknownMember(t domain.Token, networks []string, p parsed) domain.Answer {
	name := displayWord(p.question, t.Raw)
	// Nothing is known of the place: found is false, as for an unknown city
	// on its own, though the answer says what the member lists show.
	a := domain.Answer{Found: false, Kind: domain.KindNone}
	var leads []string
	for _, id := range networks {
		n := e.base.Network(id)
		lead := fmt.Sprintf("%s: %s ist dort nicht als Mitglied geführt.", n.Name, name)
		if p.english {
			lead = fmt.Sprintf("No, %s is not listed as a member of %s (nicht als Mitglied geführt).", name, n.Name)
		}
		leads = append(leads, lead)
		a.Links = appendLink(a.Links, domain.Link{Title: n.Name, URL: n.Website})
		a.Hits = append(a.Hits, networkHit(n))
		if !n.MembersComplete {
			leads = append(leads, "Meine Liste der Mitglieder ist allerdings nicht vollständig.")
		}
	}
	leads = append(leads, fmt.Sprintf("„%s“ führt meine Wissensbasis in keinem Netzwerk.", name))
	// "Mainz" is no member, but its district Mainz-Mombach is.
	for _, pl := range e.byFirstWord[fold(name)] {
		for _, m := range e.base.MembershipsOf(pl.ID) {
			leads = append(leads, fmt.Sprintf("Als Mitglied geführt ist %s – %s%s.", pl.Name, e.base.Network(m.Network).Name, memberDetail(m)))
			a.Hits = append(a.Hits, domain.Hit{ID: "place:" + pl.ID, Title: pl.Name})
			a.Found, a.Kind = true, domain.KindMembership
		}
	}
	a.Title = name + " und " + e.base.Network(networks[0]).Name
	a.Lead = strings.Join(leads, " ")
	a.Suggestions = []string{"Mitglieder " + shortName(e.base.Network(networks[0]))}
	return a
}
