package answer

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/engagiert/engagiert/internal/domain"
)

// shared lists the places that belong to all of the named networks.
func (e *Engine) shared(nets []domain.Network, p parsed) domain.Answer {
	var names []string
	for i := range nets {
		names = append(names, shortName(&nets[i]))
	}
	a := domain.Answer{Found: true, Kind: domain.KindCross, Title: "Mitglied in " + joinAnd(names)}
	l := domain.List{Title: "In allen genannten Netzwerken", Partial: true}
	total := 0
	for _, pl := range e.places {
		if !p.keep(pl, nil) {
			continue
		}
		var parts []string
		var src *domain.Source
		for i := range nets {
			m, ok := findMembership(&nets[i], pl.ID)
			if !ok {
				parts = nil
				break
			}
			src = e.base.Source(m.Source)
			part := shortName(&nets[i])
			if !m.Since.IsZero() {
				part += " seit " + m.Since.String()
			}
			parts = append(parts, part)
		}
		if len(parts) == 0 {
			continue
		}
		total++
		if len(l.Items) < maxListed {
			l.Items = append(l.Items, domain.ListItem{Name: pl.Name, Detail: strings.Join(parts, "; "), Source: src})
			a.Hits = append(a.Hits, domain.Hit{ID: "place:" + pl.ID, Title: pl.Name})
		}
	}
	if total > len(l.Items) {
		l.Note = moreNote(total - len(l.Items))
	}
	for i := range nets {
		a.Links = appendLink(a.Links, domain.Link{Title: nets[i].Name, URL: nets[i].Website})
	}
	if len(l.Items) == 0 {
		a.Lead = "Meine Wissensbasis führt keinen Ort, der Mitglied in " + joinAnd(names) + " ist."
		return a
	}
	a.Lead = fmt.Sprintf("%d %s Mitglied in %s (soweit meine Mitgliederlisten reichen).",
		total, plural(total, "Ort ist", "Orte sind"), joinAnd(names))
	a.Lists = []domain.List{l}
	return a
}

// membersAnswer lists members, filtered by Bundesland, kind, role and year of joining.
func (e *Engine) membersAnswer(nets []domain.Network, p parsed) domain.Answer {
	a := domain.Answer{Found: true, Kind: domain.KindMembers}
	filter := p.filterNames()
	// Words that a membership's role or note has ("unter den ersten 50")
	// narrow the list, if any membership has them all.
	byRole := len(p.content) > 0 && e.anyRole(nets, p.content)
	if byRole {
		words := make([]string, len(p.content))
		for i, t := range p.content {
			words[i] = displayWord(p.question, t.Raw)
		}
		filter = append(filter, "„"+strings.Join(words, " ")+"“")
	}
	total := 0
	var leads []string
	for i := range nets {
		n := &nets[i]
		// Count all that match, keep only those shown.
		var ms []memberRef
		count := 0
		for _, r := range e.members[n.ID] {
			if !p.keep(r.p, &r.m) || (byRole && !roleHas(r.m, p.content)) {
				continue
			}
			if count < maxListed {
				ms = append(ms, r)
			}
			count++
		}
		if count == 0 {
			if len(nets) == 1 {
				leads = append(leads, fmt.Sprintf("Meine Wissensbasis führt für %s keine Mitglieder (%s).", n.Name, strings.Join(filter, ", ")))
			}
			continue
		}
		total += count
		a.Hits = append(a.Hits, networkHit(n))
		l := e.memberList(n, ms, count)
		if len(nets) == 1 {
			l.Title = map[bool]string{false: "Mitglieder", true: "Members"}[p.english]
		}
		a.Lists = append(a.Lists, l)
		a.Links = appendLink(a.Links, domain.Link{Title: n.Name, URL: n.Website})
		if len(nets) == 1 {
			leads = append(leads, e.membersLead(n, count, filter, p.english))
		}
	}
	if total == 0 {
		if len(nets) > 1 {
			return e.notFound(p)
		}
		a.Found = true
	}
	if len(nets) > 1 {
		lead := fmt.Sprintf("%d %s", total, plural(total, "Mitgliedschaft", "Mitgliedschaften"))
		if len(filter) > 0 {
			lead += " (" + strings.Join(filter, ", ") + ")"
		}
		leads = append(leads, lead+" in meiner Wissensbasis, soweit meine Quellen die Mitglieder namentlich nennen.")
	}
	a.Title = "Mitglieder"
	if len(nets) == 1 {
		a.Title = map[bool]string{false: "Mitglieder: ", true: "Members: "}[p.english] + nets[0].Name
	}
	if len(filter) > 0 && len(nets) > 1 {
		a.Title += " (" + strings.Join(filter, ", ") + ")" // one network's lead says the filter
	}
	a.Lead = strings.Join(leads, " ")
	return a
}

// anyRole reports whether some membership's role or note has all words.
func (e *Engine) anyRole(nets []domain.Network, words []domain.Token) bool {
	for i := range nets {
		for _, m := range nets[i].Members {
			if roleHas(m, words) {
				return true
			}
		}
	}
	return false
}

// roleHas reports whether a membership's role or note has all the words.
func roleHas(m domain.Membership, words []domain.Token) bool {
	text := fold(m.Role + " " + m.Note)
	for _, w := range words {
		if !strings.Contains(text, fold(w.Raw)) {
			return false
		}
	}
	return true
}

// cross lists places that belong to more than one network.
func (e *Engine) cross(p parsed) domain.Answer {
	a := domain.Answer{Found: true, Kind: domain.KindCross, Title: "Orte in mehreren Netzwerken"}
	l := domain.List{Title: "Mitglied in mehreren Netzwerken"}
	total := 0
	for _, pl := range e.multi {
		if !p.keep(pl, nil) {
			continue
		}
		total++
		if len(l.Items) < maxListed {
			ms := e.base.MembershipsOf(pl.ID)
			var parts []string
			for _, m := range ms {
				part := shortName(e.base.Network(m.Network))
				if !m.Since.IsZero() {
					part += " seit " + m.Since.String()
				}
				parts = append(parts, part)
			}
			l.Items = append(l.Items, domain.ListItem{Name: pl.Name, Detail: strings.Join(parts, "; "), Source: e.base.Source(ms[0].Source)})
			a.Hits = append(a.Hits, domain.Hit{ID: "place:" + pl.ID, Title: pl.Name})
		}
	}
	if total > len(l.Items) {
		l.Note = moreNote(total - len(l.Items))
	}
	if len(l.Items) == 0 {
		a.Lead = "Meine Wissensbasis führt keinen Ort als Mitglied in mehr als einem Netzwerk."
		return a
	}
	a.Lead = fmt.Sprintf("%d %s in mehr als einem Netzwerk als Mitglied geführt (soweit meine Mitgliederlisten reichen).",
		total, plural(total, "Ort ist", "Orte sind"))
	a.Lists = []domain.List{l}
	return a
}

// memberList renders sorted memberships as a list; total counts all that
// matched, of which ms are the ones shown.
func (e *Engine) memberList(n *domain.Network, ms []memberRef, total int) domain.List {
	l := domain.List{Title: n.Name, Partial: !n.MembersComplete}
	for _, r := range ms {
		// In a list, the year is enough and only short roles fit; the
		// membership's own answer ("Ist X dabei?") gives the rest.
		var detail []string
		if !r.m.Since.IsZero() {
			detail = append(detail, "seit "+strconv.Itoa(r.m.Since.Year))
		}
		if r.m.Role != "" && utf8.RuneCountInString(r.m.Role) <= 25 {
			detail = append(detail, r.m.Role)
		}
		l.Items = append(l.Items, domain.ListItem{Name: r.p.Name, Detail: strings.Join(detail, ", "), Source: e.base.Source(r.m.Source)})
	}
	if total > len(ms) {
		l.Note = moreNote(total - len(ms))
	}
	return l
}

// states answers "Welche Bundesländer sind im Netzwerk vertreten?": the
// Bundesländer of the members, with how many each.
func (e *Engine) states(nets []domain.Network, q *question) domain.Answer {
	a := domain.Answer{Found: true, Kind: domain.KindMembers, Title: "Bundesländer: " + nets[0].Name, English: q.f.English}
	for i := range nets {
		n := &nets[i]
		counts := map[string]int{}
		var order []string
		var srcs []*domain.Source
		for _, r := range e.members[n.ID] {
			if !r.m.Until.IsZero() || r.p.State == "" {
				continue
			}
			if counts[r.p.State] == 0 {
				order = append(order, r.p.State)
				srcs = append(srcs, e.base.Source(r.m.Source))
			}
			counts[r.p.State]++
		}
		sort.SliceStable(order, func(i, j int) bool { return counts[order[i]] > counts[order[j]] })
		l := domain.List{Title: n.Name, Partial: !n.MembersComplete}
		for i, st := range order {
			l.Items = append(l.Items, domain.ListItem{Name: st, Detail: fmt.Sprintf("%d", counts[st]), Source: srcs[i]})
		}
		a.Lists = append(a.Lists, l)
		a.Hits = append(a.Hits, networkHit(n))
		a.Links = appendLink(a.Links, domain.Link{Title: n.Name, URL: n.Website})
		lead := fmt.Sprintf("%s hat Mitglieder in %d Bundesländern: %s.", n.Name, len(order), joinAnd(order))
		if !n.MembersComplete {
			lead = fmt.Sprintf("%s: Mitglieder, die meine Quellen nennen, kommen aus %d Bundesländern: %s.", n.Name, len(order), joinAnd(order))
		}
		a.Lead = strings.TrimSpace(a.Lead + " " + lead)
	}
	return a
}

// membersLead says how many members a list shows. A complete list gives the
// number of members; a partial one says how many are known by name, next to
// the network's own figure, never as if they were all.
func (e *Engine) membersLead(n *domain.Network, count int, filter []string, english bool) string {
	f := ""
	if len(filter) > 0 {
		f = " (" + strings.Join(filter, ", ") + ")"
	}
	c, hasTotal := newestCount(n)
	if !english && len(filter) > 0 {
		// The title names the network and the filter already.
		if n.MembersComplete {
			return fmt.Sprintf("%d %s%s.", count, plural(count, "Mitglied", "Mitglieder"), f)
		}
		return fmt.Sprintf("Namentlich bekannt sind mir %d %s%s.", count, plural(count, "Mitglied", "Mitglieder"), f)
	}
	switch {
	case english && n.MembersComplete:
		return fmt.Sprintf("%s has %d %s%s:", n.Name, count, plural(count, "member", "members"), f)
	case english && hasTotal && len(filter) == 0:
		return fmt.Sprintf("%s: %s in all%s; %d of them are known to me by name, among them:", n.Name, c.Value, standSuffix(c.Stand), count)
	case english:
		return fmt.Sprintf("%s: %d %s known to me by name%s, among them:", n.Name, count, plural(count, "member", "members"), f)
	case n.MembersComplete:
		return fmt.Sprintf("%s: %d %s%s.", n.Name, count, plural(count, "Mitglied", "Mitglieder"), f)
	case hasTotal && len(filter) == 0:
		return fmt.Sprintf("%s: %s %s%s; davon namentlich bekannt: %d.", n.Name, c.Value, countNoun(c), standSuffix(c.Stand), count)
	}
	return fmt.Sprintf("%s%s: namentlich bekannt sind mir %d %s.", n.Name, f, count, plural(count, "Mitglied", "Mitglieder"))
}
