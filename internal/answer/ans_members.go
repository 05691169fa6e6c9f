package answer

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/words"
)

// Member lists: filtered, across networks, the complement, the newest.

// keep reports whether a place (and its membership, when given) passes the
// filters. It runs for every candidate of a list, thousands at 100,000
// places: the filters (and listed's frame) come by pointer, not as a copy
// of some hundred bytes per call.
func (e *Engine) keep(fl *Filters, pl *domain.Place, m *domain.Membership, founded domain.Date) bool {
	switch {
	case fl.State != "" && !fl.NotState && pl.State != fl.State, fl.State != "" && fl.NotState && pl.State == fl.State:
		return false
	case fl.Kind != "" && pl.Kind != fl.Kind && !(fl.Kind == "Kreis" && pl.Kind == "Städteregion"):
		return false
	case fl.Area != "" && e.inAreaID(pl, fl.Area) == fl.NotArea:
		return false
	case fl.Kreisfrei == "ja" && pl.District != "kreisfreie Stadt", fl.Kreisfrei == "nein" && (pl.District == "kreisfreie Stadt" || pl.District == ""):
		return false
	case slices.Contains(fl.Except, pl.ID):
		return false
	case fl.Twinned != "" && e.twinned(pl.ID, fl) != (fl.Twinned == "ja"):
		return false
	case m != nil && fl.Year != 0 && !fl.Former && !yearKeeps(int(m.Since.Year), *fl):
		return false
	case m != nil && fl.Former && (m.Until.IsZero() || fl.Year != 0 && !yearKeeps(int(m.Until.Year), *fl)):
		return false // "ausgetreten (2017)": those who left (then)
	case m != nil && !m.Until.IsZero() && !fl.Former:
		return false // a former member is no member
	case m != nil && fl.Founders && !isFounder(m, founded):
		return false
	case m != nil && fl.NotFounders && isFounder(m, founded):
		return false
	case fl.NotIn != "" && e.isMember(fl.NotIn, pl.ID):
		return false
	}
	return true
}

// isMember reports whether a place is a current member of the network.
func (e *Engine) isMember(network, place string) bool {
	m, ok := e.base.MembershipIn(network, place)
	return ok && m.Until.IsZero()
}

// twinned reports whether a place has a town twinning (in the country,
// when one is given). keep asks it of every candidate: the twinnings are
// read in place (PartnershipsAt), not copied.
func (e *Engine) twinned(id string, fl *Filters) bool {
	for _, i := range e.base.PartnershipsAt(id) {
		p := &e.base.Partnerships[i]
		if other := e.base.Place(otherSide(*p, id)); fl.Country == "" || (other != nil && e.countryKeeps(countryOf(*p, other, id), *fl)) {
			return true
		}
	}
	return false
}

// partnersIn names a place's twin towns in the filters' country (or
// region), or outside it.
func (e *Engine) partnersIn(id string, fl Filters) []string {
	var out []string
	for _, p := range e.base.PartnershipsOf(id) {
		if other := e.base.Place(otherSide(p, id)); other != nil && e.countryKeeps(countryOf(p, other, id), fl) {
			out = append(out, other.Name)
		}
	}
	return out
}

// inAreaID reports whether pl lies in the area with the id; the area
// itself counts as in it ("Welche Kommunen im Kreis Lippe?").
func (e *Engine) inAreaID(pl *domain.Place, id string) bool {
	area := e.area.byID[id]
	if area == nil {
		area = e.base.Place(id) // not an area: only the place itself lies in it
	}
	return area != nil && (pl.ID == area.ID || inArea(pl, area))
}

// idInArea is inAreaID for a place's id.
func (e *Engine) idInArea(id, area string) bool {
	pl := e.base.Place(id)
	return pl != nil && e.inAreaID(pl, area)
}

// inArea reports whether pl lies in the Kreis or Regierungsbezirk area.
func inArea(pl, area *domain.Place) bool {
	switch area.Kind {
	case "Kreis", "Städteregion":
		return pl.District == area.Name || strings.EqualFold(pl.District, area.Name) // as written, most often: no folding letter by letter
	case "Regierungsbezirk":
		return pl.Region != "" && strings.HasSuffix(area.Name, pl.Region) && pl.ID != area.ID
	}
	return false
}

// isFounder reports whether a membership is a founding one: its role says
// so, or it joined when the network began (the Erstunterzeichner).
func isFounder(m *domain.Membership, founded domain.Date) bool {
	if !m.Since.IsZero() && m.Since == founded {
		return true
	}
	if m.Role == "" && m.Note == "" {
		return false // most members: no words to lower-case (a list of thousands is filtered so)
	}
	r := strings.ToLower(m.Role + " " + m.Note)
	return strings.Contains(r, "gründungsmitglied") || strings.Contains(r, "erstunterzeichn") || strings.Contains(r, "gründungsstadt")
}

// yearKeeps reports whether a joining year passes a year filter.
func yearKeeps(joined int, fl Filters) bool {
	switch fl.YearOp {
	case "before":
		return joined != 0 && joined < fl.Year
	case "after":
		return joined >= fl.Year
	case "between":
		return joined >= fl.Year && joined <= fl.YearTo
	}
	return joined == fl.Year
}

// filterNames describe the filters for titles and leads: "aus Bayern",
// "dazugekommen 2022".
func (e *Engine) filterNames(fl Filters, en bool) []string {
	var out []string
	switch {
	case fl.State != "" && fl.NotState:
		out = append(out, say(en, "outside.state", fl.State))
	case fl.State != "":
		out = append(out, say(en, "in.state", fl.State))
	}
	if area := e.base.Place(fl.Area); area != nil && fl.NotArea {
		out = append(out, say(en, "outside.state", area.Name))
	} else if area != nil {
		out = append(out, say(en, "in.area", inDistrict(en, area.Name)))
	}
	if fl.Kind != "" {
		out = append(out, say(en, "only.kind", fl.Kind))
	}
	switch fl.Kreisfrei {
	case "ja":
		out = append(out, say(en, "only.kreisfrei"))
	case "nein":
		out = append(out, say(en, "only.kreisangeh"))
	}
	switch {
	case fl.Former && fl.Year != 0:
		out = append(out, say(en, "left.in", fl.Year))
	case fl.Former:
		out = append(out, say(en, "left.any"))
	case fl.Year != 0 && fl.YearOp == "before":
		out = append(out, say(en, "joined.before", fl.Year))
	case fl.Year != 0 && fl.YearOp == "after":
		out = append(out, say(en, "joined.after", fl.Year))
	case fl.Year != 0 && fl.YearOp == "between":
		out = append(out, say(en, "joined.between", fl.Year, fl.YearTo))
	case fl.Year != 0:
		out = append(out, say(en, "joined.in", fl.Year))
	}
	if fl.Founders {
		out = append(out, say(en, "founders"))
	}
	if fl.NotFounders {
		out = append(out, say(en, "not.founders"))
	}
	if n := e.base.Network(fl.NotIn); n != nil {
		out = append(out, say(en, "not.in", n.Name))
	}
	switch {
	case fl.Twinned == "ja" && fl.Country != "":
		out = append(out, say(en, "with.twinning.in", e.inCountryOf(en, fl)))
	case fl.Twinned == "ja":
		out = append(out, say(en, "with.twinning"))
	case fl.Twinned == "nein":
		out = append(out, say(en, "without.twinning"))
	}
	for _, id := range fl.Except {
		if pl := e.base.Place(id); pl != nil {
			out = append(out, say(en, "except", pl.Name))
		}
	}
	return out
}

// membersKind lists members of the named networks; words that a member's
// role has ("Vorsitz", "unter den ersten 50") narrow the list, other words
// are searched in the network's statements.
func (e *Engine) membersKind(ctx context.Context, f Frame) (domain.Answer, error) {
	if a, ok := e.stateFounders(f); ok {
		return a, nil
	}
	nets := e.nets(f.networks())
	byRole := len(f.Words) > 0 && e.anyRole(nets, f.Words)
	if byRole {
		// Members whose role has the words ("Landesnetzwerk"); where none
		// passes the other filters, the statements say more.
		if a := e.membersAnswer(nets, f); len(a.Lists) > 0 {
			return a, nil
		}
	}
	if g, ok := e.roleFrame(nets, f); ok {
		// Some words are the roles' (or all, with a year the roles name:
		// "2019 dauerhaft ausgezeichnet").
		if a := e.membersAnswer(nets, g); len(a.Lists) > 0 {
			return a, nil
		}
	}
	if len(f.Words) > 0 {
		hits, err := e.statements(ctx, f.Words, nets[0].ID)
		if err != nil {
			return domain.Answer{}, err
		}
		if in := slices.DeleteFunc(slices.Clone(hits), func(h domain.FactHit) bool { return !e.stateStated(h, f.Filters) }); len(in) > 0 {
			hits = e.placesFirst(in, f) // "Landesnetzwerk … NRW": the statement on NRW's that names them, not Baden-Württemberg's
		}
		if len(hits) > 0 && (f.Filters.IsZero() || e.yearStated(hits[0], f.Filters) || e.stateStated(hits[0], f.Filters)) {
			return e.shortFacts(hits, f), nil
		}
		if len(nets) == 1 && e.memberIdx[nets[0].ID].current == 0 && f.Filters.IsZero() {
			// "Welcher kommunale Verband ist im Beirat der Netzwerkstelle
			// vertreten?": a network with no members; the statements that
			// have the question's words they know ("Beirat") answer.
			var known []string
			for _, w := range f.Words {
				if len(e.refsOf(w)) > 0 {
					known = append(known, w)
				}
			}
			if len(known) > 0 && len(known) < len(f.Words) {
				if hits, err := e.statements(ctx, known, nets[0].ID); err != nil || len(hits) > 0 {
					return e.shortFacts(hits, f), err
				}
			}
		}
	}
	return e.membersAnswer(nets, f), nil
}

// membersAnswer lists members, filtered.
func (e *Engine) membersAnswer(nets []domain.Network, f Frame) domain.Answer {
	en := f.English
	a := domain.Answer{Found: true, Kind: domain.KindMembers, English: en}
	filter := e.filterNames(f.Filters, en)
	byRole := len(f.Words) > 0 && e.anyRole(nets, f.Words)
	if byRole {
		filter = append(filter, say(en, "role", strings.Join(f.Words, " ")))
	}
	total, single := 0, ""
	var leads []string
	for i := range nets {
		n := &nets[i]
		var ms []memberRef
		count := 0
		// Without filters, every current member counts: only the listed
		// ones need a look.
		counted := f.Filters.IsZero() && !byRole
		for r := range e.candidates(n.ID, f.Filters) {
			if counted && count == maxListed {
				break
			}
			if !e.listed(n, &f, byRole, r) {
				continue
			}
			if count < maxListed {
				ms = append(ms, *r)
			}
			count++
		}
		if counted {
			count = e.memberIdx[n.ID].current
		}
		if count == 0 {
			switch {
			case len(nets) == 1 && f.Filters.Former:
				leads = append(leads, say(en, "left.none", n.Name, parenthesised(formerFilters(filter, en))))
			case len(nets) == 1 && len(filter) == 0:
				leads = append(leads, say(en, "members.none.all", n.Name))
			case len(nets) == 1:
				leads = append(leads, say(en, "members.none", n.Name, strings.Join(filter, ", ")))
			}
			continue
		}
		total += count
		a.Hits = append(a.Hits, networkHit(n))
		l := e.memberList(n, ms, count, en)
		if f.Filters.Twinned == "ja" && f.Filters.Country != "" && len(ms) <= 12 {
			// "Welche RegioPole-Stadt hat eine Partnerstadt in Ungarn?":
			// which partner, too.
			for i, r := range ms {
				if ps := e.partnersIn(e.places[r.at].ID, f.Filters); len(ps) > 0 {
					l.Items[i].Detail = strings.TrimPrefix(l.Items[i].Detail+"; "+plural(en, len(ps), "partners.of", "partners.ofN")+strings.Join(ps, ", "), "; ")
				}
			}
		}
		if len(nets) == 1 {
			l.Title = say(en, "members")
			if (n).IsTitle() {
				l.Title = say(en, "holders")
			}
		}
		a.Lists = append(a.Lists, l)
		a.Links = appendLink(a.Links, domain.Link{Title: n.Name, URL: n.Website})
		if count == 1 && len(ms) == 1 {
			single = e.places[ms[0].at].ID
		}
		switch {
		case len(nets) == 1 && f.Filters.Former:
			// "Ausgetreten sind …": who left, not how many members there are.
			leads = append(leads, say(en, "left.lead", n.Name, count, parenthesised(formerFilters(filter, en))))
		case len(nets) == 1:
			leads = append(leads, e.membersLead(n, count, filter, en))
		}
		if len(nets) == 1 && f.Op == OpCount && f.Filters.Founders && !n.Founded.Date.IsZero() {
			// "Wie viele waren bei der Gründung dabei?": and when that was,
			// with the figure the sources give for that year ("50 zum Start").
			a.Facts = append(a.Facts, domain.AnswerFact{Text: say(en, "founded", dateIn(en, n.Founded.Date)), Source: e.base.Source(n.Founded.Source)})
			for i := range n.Counts {
				if c := n.Counts[i]; c.Stand.Year == n.Founded.Date.Year {
					a.Facts = append(a.Facts, e.fact(domain.FactRef{Network: n.ID, Part: "count", Index: i}, en))
					break
				}
			}
		}
	}
	// None that pass the filters: of a complete list that is an answer
	// ("keine aus Hessen"), of a partial one nothing known.
	a.Found = total > 0 || len(nets) == 1 && nets[0].MembersComplete && !f.Filters.Former
	if total == 0 && len(nets) > 1 {
		return e.notFound(f)
	}
	if len(nets) > 1 {
		fs := ""
		if len(filter) > 0 {
			fs = " (" + strings.Join(filter, ", ") + ")"
		}
		leads = append(leads, say(en, "memberships.n", total, plural(en, total, "membership.word", "memberships.word"), fs))
	}
	a.Title = say(en, "members")
	if len(nets) == 1 {
		a.Title = say(en, "members.of", nets[0].Name)
	}
	a.Lead = strings.Join(leads, " ")
	if total == 1 {
		// "Which member is from Hesse?" (Kassel): "when did it join?"
		// asks of it (onFocus).
		a.Focus = single
	}
	return a
}

// listed reports whether a member list of n for the frame names the
// member: it passes the filters and, where the words name a role, has it.
func (e *Engine) listed(n *domain.Network, f *Frame, byRole bool, r *memberRef) bool {
	return e.keep(&f.Filters, e.places[r.at], r.m, n.Founded.Date) && (!byRole || e.roleHas(*r.m, f.Words))
}

// listedPlaces is what the answer to a member list names, in its order,
// for a follow-up about the listed ones ("in welchen Kreisen liegen
// die?"): the members of one network that pass the frame's filters, as
// far as the answer lists them. Other frames list no places.
func (e *Engine) listedPlaces(f Frame) []string {
	nets := f.networks()
	if f.Op != OpList || f.Attribute != domain.AttrMembers || len(nets) != 1 || f.Negate {
		return nil
	}
	n := e.base.Network(nets[0])
	if n == nil {
		return nil
	}
	byRole := len(f.Words) > 0 && e.anyRole([]domain.Network{*n}, f.Words)
	var ids []string
	for r := range e.candidates(n.ID, f.Filters) {
		if len(ids) == maxListed {
			break
		}
		if e.listed(n, &f, byRole, r) {
			ids = append(ids, e.places[r.at].ID)
		}
	}
	return ids
}

// roleFrame narrows a member list by the words of the question that
// roles have, where not all of them do ("got", "bekommen" are the
// question's): "Which ones got the title permanently in 2019?" asks for
// the role "dauerhaft ausgezeichnet (2019)". A year such roles name is the
// role's, not the year of joining.
func (e *Engine) roleFrame(nets []domain.Network, f Frame) (Frame, bool) {
	var rw []string
	for _, w := range f.Words {
		if (!e.lex.ordinary(w) || utf8.RuneCountInString(w) >= 7) && e.anyRole(nets, []string{w}) {
			rw = append(rw, w)
		}
	}
	if len(rw) == 0 {
		return f, false
	}
	g := f
	g.Words = rw
	yearOfRole := false
	if y := strconv.Itoa(f.Filters.Year); f.Filters.Year != 0 && f.Filters.YearOp == "" && e.anyRole(nets, append(slices.Clone(rw), y)) {
		g.Filters.Year, g.Words, yearOfRole = 0, append(rw, y), true
	}
	if len(rw) == len(f.Words) && !yearOfRole {
		return f, false // the words are all the roles': nothing to narrow
	}
	return g, true
}

// anyRole reports whether some membership's role or note has all words.
func (e *Engine) anyRole(nets []domain.Network, ws []string) bool {
	for i := range nets {
		if len(ws) == 0 && len(nets[i].Members) > 0 {
			return true
		}
		mi, ms := e.memberIdx[nets[i].ID], e.members[nets[i].ID]
		if mi == nil {
			continue
		}
		for _, j := range mi.withRole { // a role without words has none of them
			if e.roleHas(*ms[j].m, ws) {
				return true
			}
		}
	}
	return false
}

// roleHas reports whether a membership's role or note has all the words.
func (e *Engine) roleHas(m domain.Membership, ws []string) bool {
	text := m.Role + " " + m.Note
	for _, w := range ws {
		if !e.hasWord(text, w) {
			return false
		}
	}
	return true
}

// memberList renders sorted memberships as a list; total counts all that
// matched, of which ms are the ones shown.
func (e *Engine) memberList(n *domain.Network, ms []memberRef, total int, en bool) domain.List {
	l := domain.List{Title: n.Name, Partial: !n.MembersComplete}
	for _, r := range ms {
		// In a list, the year is enough and only short roles fit; in a
		// long one (more than 20) no roles: the list itself stays readable.
		var detail []string
		switch {
		case !r.m.Since.IsZero() && !r.m.Until.IsZero():
			detail = append(detail, strconv.Itoa(int(r.m.Since.Year))+"–"+strconv.Itoa(int(r.m.Until.Year)))
		case !r.m.Since.IsZero():
			detail = append(detail, strconv.Itoa(int(r.m.Since.Year)))
		}
		if r.m.Role != "" && utf8.RuneCountInString(r.m.Role) <= 25 && len(ms) <= 20 {
			detail = append(detail, roleIn(en, r.m.Role))
		}
		l.Items = append(l.Items, domain.ListItem{Name: e.places[r.at].Name, Detail: strings.Join(detail, ", "), Source: e.base.Source(r.m.Source)})
	}
	if total > len(ms) {
		l.Note = moreNote(en, total-len(ms))
	}
	return l
}

// membersLead says how many members a list shows. A complete list gives the
// number of members; a partial one says how many are known by name, next to
// the network's own figure, never as if they were all.
func (e *Engine) membersLead(n *domain.Network, count int, filter []string, en bool) string {
	fs := ""
	if len(filter) > 0 {
		fs = " (" + strings.Join(filter, ", ") + ")"
	}
	word := plural(en, count, "member.word", "members.word")
	c, hasTotal := newestCount(n)
	if n.IsTitle() {
		if hasTotal && len(filter) == 0 {
			return say(en, "holders.total", n.Name, c.Value, standSuffix(en, c.Stand), count)
		}
		return say(en, "holders.lead", n.Name, count, fs)
	}
	switch {
	case len(filter) > 0 && n.MembersComplete:
		if noun := countNounIn(en, c); hasTotal && count > 1 && noun != "" {
			word = noun // "3 Städte (aus Nordrhein-Westfalen)", as the network counts them
		}
		return say(en, "members.n", count, word, fs)
	case len(filter) > 0:
		key := "members.named"
		if count == 1 {
			key = "members.named1" // "ist mir 1 Mitglied"
		}
		return say(en, key, count, word, fs)
	case n.MembersComplete:
		return say(en, "members.complete", n.Name, count, word, fs)
	case hasTotal:
		return say(en, "members.total", n.Name, figureWithNoun(en, c), standSuffix(en, c.Stand), count)
	}
	return say(en, "members.partial", n.Name, fs, count, word)
}

// states answers "Welche Bundesländer sind im Netzwerk vertreten?": the
// Bundesländer of the members, with how many each.
func (e *Engine) states(ctx context.Context, f Frame) (domain.Answer, error) {
	en := f.English
	nets := e.nets(f.networks())
	if len(f.Words) > 0 {
		// "Welche Bundesländer sind Länderpartner?": the statements that
		// say so, where there are any, not where the members come from.
		hits, err := e.statements(ctx, f.Words, nets[0].ID)
		if err != nil || len(hits) > 0 {
			return e.shortFacts(hits, f), err
		}
	}
	a := domain.Answer{Found: true, Kind: domain.KindMembers, Title: say(en, "states.title", nets[0].Name), English: en}
	for i := range nets {
		n := &nets[i]
		counts := map[string]int{}
		var order []string
		for j := range e.members[n.ID] {
			r := &e.members[n.ID][j]
			if !r.current || e.places[r.at].State == "" {
				continue
			}
			if counts[e.places[r.at].State] == 0 {
				order = append(order, e.places[r.at].State)
			}
			counts[e.places[r.at].State]++
		}
		slices.SortStableFunc(order, func(x, y string) int { return counts[y] - counts[x] })
		var parts []string
		for _, st := range order {
			parts = append(parts, fmt.Sprintf("%s (%d)", st, counts[st]))
		}
		key := "states"
		if !n.MembersComplete {
			key = "states.partial"
		}
		a.Lead = strings.TrimSpace(a.Lead + " " + say(en, key, n.Name, len(order), strings.Join(parts, ", ")))
		a.Hits = append(a.Hits, networkHit(n))
		a.Links = appendLink(a.Links, domain.Link{Title: n.Name, URL: n.Website})
	}
	return a, nil
}

// shared lists the places that belong to all of the named networks.
func (e *Engine) shared(_ context.Context, f Frame) (domain.Answer, error) {
	en := f.English
	nets := e.nets(f.networks())
	var names []string
	for i := range nets {
		names = append(names, shortName(&nets[i]))
	}
	a := domain.Answer{Found: true, Kind: domain.KindCross, Title: say(en, "shared.title", joinAnd(en, names)), English: en}
	l := domain.List{Title: say(en, "shared.list"), Partial: true}
	// The smallest list first, each of its places looked up in the others.
	slices.SortStableFunc(nets, func(x, y domain.Network) int { return len(x.Members) - len(y.Members) })
	total := 0
	asked := f.Filters
	asked.Founders = false // keep below looks at the places only
	for r := range e.candidates(nets[0].ID, asked) {
		if !r.current {
			continue
		}
		// In all the others: the sets meet where every bit is set.
		in := true
		for i := 1; i < len(nets) && in; i++ {
			in = e.idx.isIn(nets[i].ID, r.at)
		}
		if !in || !e.keep(&f.Filters, e.places[r.at], nil, domain.Date{}) {
			continue
		}
		total++
		if len(l.Items) < maxListed {
			parts := []string{shortName(&nets[0]) + since(en, *r.m)}
			for i := 1; i < len(nets); i++ {
				m, _ := e.base.MembershipIn(nets[i].ID, e.places[r.at].ID)
				parts = append(parts, shortName(&nets[i])+since(en, m))
			}
			l.Items = append(l.Items, domain.ListItem{Name: e.places[r.at].Name, Detail: strings.Join(parts, "; "), Source: e.base.Source(r.m.Source)})
			a.Hits = append(a.Hits, placeHit(e.places[r.at]))
		}
	}
	slices.SortStableFunc(l.Items, func(x, y domain.ListItem) int { return strings.Compare(sortKey(x.Name), sortKey(y.Name)) })
	if total > len(l.Items) {
		l.Note = moreNote(en, total-len(l.Items))
	}
	for i := range nets {
		a.Links = appendLink(a.Links, domain.Link{Title: nets[i].Name, URL: nets[i].Website})
	}
	if total == 0 {
		a.Lead = say(en, "shared.none", joinAnd(en, names))
		return a, nil
	}
	a.Lead = say(en, "shared", total, plural(en, total, "place.word", "places.word"), joinAnd(en, names))
	a.Lists = []domain.List{l}
	return a, nil
}

// since is " seit 2016" for a membership with a year.
func since(en bool, m domain.Membership) string {
	if m.Since.IsZero() {
		return ""
	}
	return " " + say(en, "since", strconv.Itoa(int(m.Since.Year)))
}

// cross lists places that belong to more than one network.
func (e *Engine) cross(_ context.Context, f Frame) (domain.Answer, error) {
	en := f.English
	a := domain.Answer{Found: true, Kind: domain.KindCross, Title: say(en, "cross.title"), English: en}
	l := domain.List{Title: say(en, "cross.list")}
	total := 0
	counted := f.Filters.IsZero() // then every place counts: only the listed ones need a look
	for _, pl := range e.multi {
		if counted && len(l.Items) == maxListed {
			total = e.idx.multi
			break
		}
		if e.idx.current[e.posOf(pl.ID)] < 2 || !e.keep(&f.Filters, pl, nil, domain.Date{}) {
			continue // in fewer than two networks now
		}
		total++
		if len(l.Items) == maxListed {
			continue
		}
		var parts []string
		var src *domain.Source
		for _, m := range e.base.MembershipsOf(pl.ID) {
			if !m.Until.IsZero() {
				continue
			}
			parts = append(parts, shortName(e.base.Network(m.Network))+since(en, m))
			if src == nil {
				src = e.base.Source(m.Source)
			}
		}
		l.Items = append(l.Items, domain.ListItem{Name: pl.Name, Detail: strings.Join(parts, "; "), Source: src})
		a.Hits = append(a.Hits, placeHit(pl))
	}
	if total > len(l.Items) {
		l.Note = moreNote(en, total-len(l.Items))
	}
	if total == 0 {
		a.Lead = say(en, "cross.none")
		return a, nil
	}
	a.Lead = say(en, "cross", total, plural(en, total, "place.word", "places.word"))
	a.Lists = []domain.List{l}
	return a, nil
}

// notMembers answers "Welche Städte sind nicht bei RegioPole?": the places
// of the other networks' lists (with the question's filters) that the
// network does not list. All of NRW's 396 municipalities would be no
// answer; the places the team works with are.
// noNetwork answers which places (of an area, of a kind) are in none of
// the networks the base knows: "Welche Kommunen im Kreis Lippe sind in
// keinem Netzwerk?". The member lists are partial, and the answer says so.
func (e *Engine) noNetwork(_ context.Context, f Frame) (domain.Answer, error) {
	en := f.English
	fl := f.Filters
	in := e.area.nrw // NRW's Städte and Gemeinden
	what := plural(en, 2, "municipality", "municipalities")
	if fl.Kind == "Kreis" {
		in, what = nil, say(en, "areas.kreise.l")
		for i, pl := range e.places {
			if pl.State == "Nordrhein-Westfalen" && (pl.Kind == "Kreis" || pl.Kind == "Städteregion") {
				in = append(in, int32(i))
			}
		}
	}
	where := ""
	if ar := e.base.Place(fl.Area); ar != nil {
		where = " " + inDistrict(en, ar.Name)
		if en {
			where = " in " + ar.Name
		}
	}
	l := domain.List{Title: say(en, "nonet.title")}
	total := 0
	for _, at := range in {
		pl := e.places[at]
		if e.idx.current[at] > 0 || !e.keep(&fl, pl, nil, domain.Date{}) {
			continue
		}
		total++
		if len(l.Items) < maxListed {
			l.Items = append(l.Items, domain.ListItem{Name: pl.Name})
		}
	}
	a := domain.Answer{Found: true, Kind: domain.KindMembers, Title: say(en, "nonet.title"), English: en}
	if total == 0 {
		a.Lead = say(en, "nonet.none", what, where)
		return a, nil
	}
	a.Lead = say(en, "nonet.lead", total, what, where)
	if f.Op != OpCount {
		if total > len(l.Items) {
			l.Note = moreNote(en, total-len(l.Items))
		}
		a.Lists = []domain.List{l}
	}
	return a, nil
}

func (e *Engine) notMembers(_ context.Context, f Frame) (domain.Answer, error) {
	en := f.English
	n := e.base.Network(f.networks()[0])
	a := domain.Answer{Found: true, Kind: domain.KindMembers, Title: say(en, "not.title", n.Name), English: en,
		Hits: []domain.Hit{networkHit(n)}}
	fs := ""
	if filter := e.filterNames(f.Filters, en); len(filter) > 0 {
		fs = " (" + strings.Join(filter, ", ") + ")"
	}
	l := domain.List{Title: say(en, "not.title", shortName(n))}
	total := 0
	counted := f.Filters.IsZero() // then every place counts: only the listed ones need a look
	for _, at := range e.idx.withMemberships {
		if counted && len(l.Items) == maxListed {
			total = e.idx.notIn[n.ID]
			break
		}
		// Not in n now, in another network now.
		if e.idx.isIn(n.ID, at) || !e.idx.inOther(n.ID, at) {
			continue
		}
		pl := e.places[at]
		if !e.keep(&f.Filters, pl, nil, domain.Date{}) {
			continue
		}
		total++
		if len(l.Items) < maxListed {
			var in []string
			for _, m := range e.base.MembershipsOf(pl.ID) {
				if m.Network != n.ID && m.Until.IsZero() {
					in = append(in, shortName(e.base.Network(m.Network)))
				}
			}
			l.Items = append(l.Items, domain.ListItem{Name: pl.Name, Detail: strings.Join(in, ", ")})
		}
	}
	if total > len(l.Items) {
		l.Note = moreNote(en, total-len(l.Items))
	}
	if total == 0 {
		a.Lead = say(en, "not.none", fs, n.Name)
		return a, nil
	}
	a.Lead = say(en, "not.lead", total, n.Name, fs)
	a.Lists = []domain.List{l}
	if n.MembersComplete {
		a.Facts = []domain.AnswerFact{{Text: say(en, "not.complete", n.Name, len(e.members[n.ID]))}}
	} else {
		a.Facts = []domain.AnswerFact{{Text: say(en, "member.partial")}}
	}
	a.Links = []domain.Link{{Title: n.Name, URL: n.Website}}
	return a, nil
}

// superlative answers "das jüngste Mitglied", "am längsten dabei", and,
// without a network, "das älteste Netzwerk" (a comparison of all).
func (e *Engine) superlative(ctx context.Context, f Frame) (domain.Answer, error) {
	en := f.English
	netIDs := f.networks()
	if len(netIDs) == 0 || f.Measure == MeasureFounding || f.Measure == MeasureSize {
		return e.compare(ctx, f)
	}
	n := e.base.Network(netIDs[0])
	if f.Attribute == domain.AttrEvent || f.Measure == MeasureEvents {
		g := f
		g.Attribute = domain.AttrEvent
		return e.topic(ctx, g)
	}
	most := f.Most
	if most != DirOldest && most != DirNewest {
		return e.noInfo(n, f), nil
	}
	// The members with a date are sorted once per snapshot, oldest first:
	// the first that passes the filters leads, with those of its year.
	// dated keeps the first maxTied of the year, ties counts them all.
	const maxTied = 12
	var dated []*memberRef
	ties := 0
	ms, mi := e.members[n.ID], e.memberIdx[n.ID]
	take := func(j int32) bool {
		r := &ms[j]
		if !e.keep(&f.Filters, e.places[r.at], r.m, n.Founded.Date) {
			return true
		}
		if len(dated) > 0 && r.m.Since.Year != dated[0].m.Since.Year {
			return false
		}
		if ties++; len(dated) < maxTied {
			dated = append(dated, r)
		}
		// Without filters only former members drop out: the index counts
		// the year's current members, no need to walk them all.
		return len(dated) < maxTied || !f.Filters.IsZero()
	}
	if most == DirOldest {
		for _, j := range mi.dated {
			if !take(j) {
				break
			}
		}
	} else {
		// Newest first: the dates from the end, members of one date in
		// list order.
	newest:
		for end := len(mi.dated); end > 0; {
			start := end - 1
			for start > 0 && dateKey(ms[mi.dated[start-1]].m.Since) == dateKey(ms[mi.dated[end-1]].m.Since) {
				start--
			}
			for _, j := range mi.dated[start:end] {
				if !take(j) {
					break newest
				}
			}
			end = start
		}
	}
	if len(dated) == maxTied && f.Filters.IsZero() {
		ties = mi.curYear[int(dated[0].m.Since.Year)]
	}
	undated := mi.undated
	if !f.Filters.IsZero() {
		undated = 0
		for r := range e.candidates(n.ID, f.Filters) {
			if r.m.Since.IsZero() && e.keep(&f.Filters, e.places[r.at], r.m, n.Founded.Date) {
				undated++
			}
		}
	}
	a := domain.Answer{Found: len(dated) > 0, Kind: domain.KindMembers, Title: n.Name, English: en}
	a.Links = []domain.Link{{Title: n.Name, URL: n.Website}}
	a.Hits = []domain.Hit{networkHit(n)}
	if len(dated) == 0 {
		a.Kind = domain.KindNone
		a.Lead = say(en, "nodates", n.Name)
		return a, nil
	}
	// Members joining in the same year count as tied: sources often give
	// only the year.
	best := dated[0].m.Since.Year
	var tied []string
	for _, r := range dated {
		tied = append(tied, e.places[r.at].Name)
	}
	label := say(en, "longest")
	if most == DirNewest {
		label = say(en, "newest")
	}
	if ties == 1 {
		a.Lead = say(en, "most.one", label, n.Name, tied[0], dateIn(en, dated[0].m.Since))
		a.Focus = e.places[dated[0].at].ID
	} else {
		a.Lead = say(en, "most.tied", label, n.Name, best, joinMore(en, tied, ties))
	}
	a.LeadSource = e.base.Source(dated[0].m.Source)
	if undated > 0 {
		a.Facts = append(a.Facts, domain.AnswerFact{Text: say(en, "most.undated", undated)})
	}
	return a, nil
}

// yearStated reports whether the only filter is a year the statement
// gives: "Welche Stadt ist 2017 aus der Engagierten Stadt ausgetreten?"
// is answered by the statement that says so, not by the members who
// joined in 2017.
func (e *Engine) yearStated(h domain.FactHit, fl Filters) bool {
	year := fl.Year
	fl.Year, fl.YearOp, fl.YearTo = 0, "", 0
	return year != 0 && fl.IsZero() && e.hasWord(e.fact(h.Ref, false).Text, strconv.Itoa(year))
}

// stateStated reports whether a statement names the Bundesland a list is
// narrowed to and nothing else narrows it: "Wer gehört zum Landesnetzwerk
// Engagierte Stadt NRW?" is answered by the statement on it.
func (e *Engine) stateStated(h domain.FactHit, fl Filters) bool {
	state := fl.State
	fl.State = ""
	if state == "" || !fl.IsZero() {
		return false
	}
	ws := e.foldWords(e.fact(h.Ref, false).Text)
	for _, st := range e.lex.states {
		if st.to != state {
			continue
		}
		for i := range ws {
			if i+len(st.words) <= len(ws) && slices.Equal(ws[i:i+len(st.words)], st.words) {
				return true
			}
		}
	}
	return false
}

// formerFilters are the filters of a list of former members without the
// one that says they are former: the lead says it.
func formerFilters(filter []string, en bool) []string {
	return slices.DeleteFunc(slices.Clone(filter), func(s string) bool { return s == say(en, "left.any") })
}

// parenthesised is " (a, b)", or "" for none.
func parenthesised(parts []string) string {
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

// stateFounders answers who founded a network's branch in a Bundesland
// ("Which cities founded the Netzwerk Engagierte Stadt NRW?"): the
// network's statement that tells of a founding and names the most places
// of that Land, five at least. The founding members of the network at
// large are another answer.
func (e *Engine) stateFounders(f Frame) (domain.Answer, bool) {
	nets := f.networks()
	if !f.Filters.Founders || f.Filters.State != "" || len(nets) != 1 || len(f.places()) > 0 {
		return domain.Answer{}, false // "NRW-Städte unter den Gründungsmitgliedern": the network's own founders there
	}
	// The Land is part of the name asked about ("Engagierte Stadt NRW"),
	// so it stayed a word.
	state := ""
	for _, st := range e.lex.states {
		if len(st.words) == 1 && slices.Contains(f.Words, words.Fold(st.words[0])) {
			state = st.to
		}
	}
	if state == "" {
		return domain.Answer{}, false
	}
	n := e.base.Network(nets[0])
	best, most := -1, 4
	for i, x := range n.Facts {
		ref := domain.FactRef{Network: n.ID, Part: "fact", Index: i}
		in := 0
		for _, id := range e.factPlaces[ref] {
			if pl := e.base.Place(id); pl != nil && pl.State == state {
				in++
			}
		}
		if in > most && e.saysCue(x.Text, "founding") {
			best, most = i, in
		}
	}
	if best < 0 {
		return domain.Answer{}, false
	}
	return e.shortFacts([]domain.FactHit{{Ref: domain.FactRef{Network: n.ID, Part: "fact", Index: best}, Matched: 1, Total: 1}}, f), true
}
