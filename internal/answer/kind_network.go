package answer

import (
	"context"
	"fmt"
	"strings"

	"github.com/engagiert/engagiert/internal/domain"
)

// networkAnswer answers questions about one or more networks.
func (e *Engine) networkAnswer(ctx context.Context, ids []string, p parsed) (domain.Answer, error) {
	var nets []domain.Network
	for _, id := range ids {
		nets = append(nets, *e.base.Network(id))
	}
	aspects := p.has(intWhen, intWhere, intWho, intGoal, intWhat, intFounding, intLink, intJoin)
	filtered := p.filtered()
	// "Wie viele ...?" without a filter asks for the network's figure, not the list.
	listing := (p.has(intMembers, intWhich, intNew, intCross) && !p.has(intCount)) || filtered
	// Statements that share the question's other words, such as
	// "Netzwerktreffen" or "bewerben": they are often the real answer.
	var hits []domain.FactHit
	if terms := p.searchTerms(); len(terms) > 0 {
		var err error
		if hits, err = e.search.Facts(ctx, terms, ids[0]); err != nil {
			return domain.Answer{}, err
		}
		hits = goodHits(hits)
	}
	switch {
	case len(nets) > 1 && listing && !aspects:
		return e.shared(nets, p), nil
	case listing && !aspects && !filtered && !p.has(intMembers, intNew) && len(hits) > 0:
		// "Welche Voraussetzungen ...?": a "which" about something else.
		return e.factsAnswer(hits), nil
	case p.has(intCount) && p.year != 0 && len(e.countsIn(nets, p.year)) > 0:
		// "Wie viele Städte hatte RegioPole 2019?": the figure of that year.
		a := domain.Answer{Found: true, Kind: domain.KindFacts, Title: nets[0].Name, Facts: e.countsIn(nets, p.year)}
		a.Lead = a.Facts[0].Text + "."
		for i := range nets {
			a.Links = appendLink(a.Links, domain.Link{Title: nets[i].Name, URL: nets[i].Website})
			a.Hits = append(a.Hits, networkHit(&nets[i]))
		}
		return a, nil
	case listing && !aspects:
		a := e.membersAnswer(nets, p)
		if len(p.content) > 0 { // a year alone finds whatever happened that year
			for _, h := range hits {
				a.Facts = appendFact(a.Facts, e.fact(h.Ref))
			}
		}
		return a, nil
	case !aspects && !p.has(intCount):
		if len(hits) > 0 {
			return e.factsAnswer(hits), nil
		}
		return e.networkOverview(nets), nil
	}
	a := domain.Answer{Found: true, Kind: domain.KindFacts, Title: nets[0].Name}
	var leads []string
	for i := range nets {
		n := &nets[i]
		a.Hits = append(a.Hits, networkHit(n))
		if p.has(intCount) {
			leads = append(leads, countLead(n))
			a.Facts = append(a.Facts, e.counts(n)...)
			if len(n.Counts) == 0 && len(n.Members) > 0 {
				a.Facts = append(a.Facts, domain.AnswerFact{Text: fmt.Sprintf("Meine Wissensbasis nennt %d Mitglieder namentlich.", len(n.Members))})
			}
		}
		// Where and who first look for statements on that topic (the seat of
		// an office, the speakers of a network); when, and where or who
		// without such statements, fall back to the founding, unless the
		// question names something else that a statement answers.
		var topical []domain.AnswerFact
		if p.has(intWhere) {
			topical = append(topical, e.topicFacts(n, "place")...)
		}
		if p.has(intWho) {
			topical = append(topical, e.topicFacts(n, "people")...)
		}
		switch {
		case len(hits) > 0 && p.has(intWho, intWhere) && !p.has(intFounding):
			// "Wer leitet …?": the statement on what was asked leads.
			leads = append(leads, e.fact(hits[0].Ref).Text)
		case len(topical) > 0 && !p.has(intFounding):
			leads = append(leads, topical[0].Text)
			a.Facts = append(a.Facts, topical...)
		case p.has(intFounding) || (p.has(intWhen, intWhere, intWho) && len(hits) == 0 && !p.has(intCount)):
			if f, ok := e.founding(n); ok {
				switch {
				case p.has(intWhere) && n.Founded.Place != "":
					leads = append(leads, "Gegründet wurde es im "+strings.TrimPrefix(n.Founded.Place, "im ")+".")
				case !n.Founded.Date.IsZero():
					leads = append(leads, fmt.Sprintf("%s besteht seit %s.", n.Name, n.Founded.Date))
				}
				a.Facts = append(a.Facts, f)
			} else {
				leads = append(leads, fmt.Sprintf("Wann und wo es gegründet wurde, nennen meine Quellen nicht: %s.", n.Name))
				a.Facts = appendFact(a.Facts, e.fact(domain.FactRef{Network: n.ID, Part: "description"}))
			}
			a.Facts = append(a.Facts, topical...)
		}
		if p.has(intWhat) {
			a.Facts = appendFact(a.Facts, e.fact(domain.FactRef{Network: n.ID, Part: "description"}))
		}
		if p.has(intGoal, intWhat) {
			for i := range n.Goals {
				a.Facts = appendFact(a.Facts, e.fact(domain.FactRef{Network: n.ID, Part: "goal", Index: i}))
			}
		}
		if p.has(intJoin) {
			a.Facts = append(a.Facts, e.topicFacts(n, "join")...)
		}
		if p.has(intLink) {
			leads = append(leads, "Website: "+n.Website)
		}
		a.Links = appendLink(a.Links, domain.Link{Title: n.Name, URL: n.Website})
	}
	for _, h := range hits {
		a.Facts = appendFact(a.Facts, e.fact(h.Ref))
	}
	a.Lead = strings.Join(leads, " ")
	return a, nil
}

// networkOverview is what a network is, in short, with its members.
func (e *Engine) networkOverview(nets []domain.Network) domain.Answer {
	a := domain.Answer{Found: true, Kind: domain.KindNetwork}
	for i := range nets {
		n := &nets[i]
		a.Hits = append(a.Hits, networkHit(n))
		// In short: the overview points to the longer answers (goals,
		// founding, members) that a follow-up question gives in full.
		a.Facts = append(a.Facts, e.fact(domain.FactRef{Network: n.ID, Part: "description"}))
		if len(n.Goals) > 0 {
			a.Facts = append(a.Facts, e.fact(domain.FactRef{Network: n.ID, Part: "goal"}))
		}
		if f, ok := e.foundingShort(n); ok {
			a.Facts = append(a.Facts, f)
		}
		if c, ok := e.countSummary(n); ok {
			a.Facts = append(a.Facts, c)
		}
		if len(n.Members) > 0 {
			ms := e.members[n.ID]
			l := e.memberList(n, ms[:min(len(ms), overviewListed)], len(ms))
			for i := range l.Items {
				// Names only: "Mitglieder X" gives dates and sources.
				l.Items[i].Detail, l.Items[i].Source = "", nil
			}
			if l.Note != "" {
				l.Note += "; Daten und Quellen: „Mitglieder " + shortName(n) + "“"
			} else {
				l.Note = "Daten und Quellen: „Mitglieder " + shortName(n) + "“"
			}
			a.Lists = append(a.Lists, l)
		}
		a.Links = appendLink(a.Links, domain.Link{Title: n.Name, URL: n.Website})
		a.Suggestions = append(a.Suggestions, "Mitglieder "+shortName(n))
	}
	a.Title = nets[0].Name
	if len(nets) > 1 {
		a.Title = "Netzwerke im Vergleich"
	}
	return a
}
