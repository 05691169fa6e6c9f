package answer

import (
	"context"

	"github.com/engagiert/engagiert/internal/domain"
)

// question is one part of a question on its way through the table: its
// frame, what the parser found, and the statements that share its words,
// searched once when a kind first needs them.
type question struct {
	f Frame
	p *parsed
	e *Engine

	hits     []domain.FactHit
	hitsErr  error
	searched bool
}

// networkHits are the statements of the first named network that share the
// question's other words ("Netzwerktreffen", "bewerben"): they are often the
// real answer.
func (q *question) networkHits(ctx context.Context) ([]domain.FactHit, error) {
	if !q.searched {
		q.searched = true
		nets := q.f.ids("network")
		if terms := q.p.searchTerms(); len(terms) > 0 && len(nets) > 0 {
			hits, err := q.e.search.Facts(ctx, terms, nets[0])
			q.hits, q.hitsErr = goodHits(hits), err
		}
	}
	return q.hits, q.hitsErr
}

// pairAbroad reports whether a question names an NRW place and a place
// abroad and no network: "köln liverpool seit wann" asks about a twinning.
func (q *question) pairAbroad() bool {
	if len(q.networks()) > 0 {
		return false
	}
	nrw, abroad := false, false
	for _, id := range q.places() {
		if pl := q.e.base.Place(id); pl != nil {
			nrw = nrw || pl.State == "Nordrhein-Westfalen"
			abroad = abroad || pl.Country != ""
		}
	}
	return nrw && abroad
}

// anyTopicHits are statements of any network on the question's attribute
// that share its other words.
func (q *question) anyTopicHits() []domain.FactHit {
	var terms []domain.Token
	for _, t := range q.p.searchTerms() {
		if !q.p.attrPos[t.Pos] {
			terms = append(terms, t)
		}
	}
	if len(terms) == 0 {
		return nil
	}
	hits, err := q.e.search.Facts(context.Background(), terms, "")
	if err != nil {
		return nil
	}
	topics := attributeTopics[q.f.Attribute]
	var out []domain.FactHit
	for _, h := range goodHits(hits) {
		if q.e.hitStates(h, topics) || q.e.hitStates(h, []string{q.f.Attribute}) {
			out = append(out, h)
		}
	}
	return out
}

// topicHits are statements sharing the question's words other than the
// ones that name the attribute: "Beirat" in "Wer sitzt im Beirat?".
func (q *question) topicHits() ([]domain.FactHit, error) {
	nets := q.f.ids("network")
	var terms []domain.Token
	for _, t := range q.p.searchTerms() {
		if !q.p.attrPos[t.Pos] {
			terms = append(terms, t)
		}
	}
	if len(terms) == 0 || len(nets) == 0 || len(terms) == len(q.p.searchTerms()) {
		return nil, nil
	}
	hits, err := q.e.search.Facts(context.Background(), terms, nets[0])
	return goodHits(hits), err
}

func (q *question) places() []string   { return q.f.ids("place") }
func (q *question) networks() []string { return q.f.ids("network") }

// attrSpecific reports whether the question asks for a property of a
// network other than its members or its size.
func (q *question) attrSpecific() bool {
	switch q.f.Attribute {
	case "", "members", "count", "states":
		return false
	}
	return true
}

// kind is one kind of question: what it answers, examples people type, when
// it applies (a match on the frame) and how it is answered. Help on every
// surface, the App Home examples and the README's table come from kinds.
type kind struct {
	Name     string
	What     string // in German, for help
	WhatEN   string // in English, for help to English questions
	Examples []string
	// InHelp puts the kind into the short help answer; every kind with
	// examples is in the README and on App Home.
	InHelp bool
	match  func(q *question) bool
	answer func(e *Engine, ctx context.Context, q *question) (domain.Answer, error)
}

// kinds is the table every question is routed by: the first kind whose
// match holds answers it. The order is the order of specificity:
//
//  1. help, then comparisons and superlatives, which name several subjects
//     but ask one thing about them;
//  2. a place and a network together (membership: yes/no, since when);
//  3. places alone (what they are, their networks, a statement about them);
//  4. a yes/no question naming a network and an unknown word: an unknown place;
//  5. networks: a property asked (attribute), a count, a list, or the network
//     in short — in that order, because "Wie viele Mitglieder ...?" and
//     "Was kostet die Mitgliedschaft?" name members but ask something else;
//  6. questions naming no subject: across networks, joining, a Bundesland,
//     filtered lists, the overview;
//  7. last, statements sharing the question's words, or "nichts dazu".
//
// Kinds without examples are not shown in help: they are refinements of a
// kind that is.
var kinds []kind

func init() {
	kinds = []kind{
		{Name: "help", What: "Hilfe: was ich kann", WhatEN: "Help: what I can do", Examples: []string{"hilfe"},
			match: func(q *question) bool { return q.f.Op == OpHelp },
			answer: func(e *Engine, _ context.Context, q *question) (domain.Answer, error) {
				return e.help(q.f.English), nil
			}},
		{Name: "twinnings", InHelp: true, What: "Städtepartnerschaften eines Orts, auch in einem Land, seit wann", WhatEN: "Town twinnings of a place",
			Examples: []string{"Welche Partnerstädte hat Bielefeld?", "Hat Gladbeck eine Partnerstadt in Polen?", "Wer ist mit Leeds verbunden?"},
			match: func(q *question) bool {
				return len(q.places()) > 0 && (q.p.twin || q.pairAbroad())
			},
			answer: (*Engine).twinnings},
		{Name: "twinned-in", What: "NRW-Kommunen mit Partnern in einem Land", WhatEN: "NRW places twinned with a country",
			Examples: []string{"NRW-Städte mit Partnern in Frankreich"},
			match: func(q *question) bool {
				return q.p.twin && len(q.places()) == 0 && q.f.Filters.Country != "" && q.f.Op != OpCount
			},
			answer: (*Engine).twinnedIn},
		{Name: "twinning-figures", What: "Städtepartnerschaften in NRW: Zahlen", WhatEN: "Town twinnings in NRW: figures",
			Examples: []string{"Wie viele Städtepartnerschaften gibt es in NRW?"},
			match: func(q *question) bool {
				return q.p.twin && len(q.places()) == 0 && len(q.networks()) == 0 && !officeAttribute(q.f.Attribute)
			},
			answer: (*Engine).twinningFigures},
		{Name: "areas", InHelp: true, What: "Kommunen, Kreise und Regierungsbezirke in NRW", WhatEN: "Municipalities, Kreise and Regierungsbezirke of NRW",
			Examples: []string{"Wie viele Gemeinden hat NRW?", "Welche Regierungsbezirke gibt es in NRW?"},
			match:    func(q *question) bool { return q.asksAreas() },
			answer:   (*Engine).areas},
		{Name: "compare", InHelp: true, What: "Vergleiche: älter, größer, mehr Mitglieder", WhatEN: "Comparisons: older, bigger",
			Examples: []string{"Was ist älter, RegioPole oder Engagierte Stadt?", "Welches Netzwerk ist größer?"},
			match:    func(q *question) bool { return q.f.Op == OpCompare },
			answer:   (*Engine).compare},
		{Name: "superlative", What: "Das älteste, jüngste, größte", WhatEN: "The oldest, newest, biggest",
			Examples: []string{"Welches ist das jüngste Mitglied bei RegioPole?", "Welches Netzwerk ist das älteste?"},
			match:    func(q *question) bool { return q.f.Op == OpSuperlative },
			answer:   (*Engine).superlative},
		{Name: "membership", InHelp: true, What: "Ja/Nein: ist ein Ort Mitglied, seit wann, in welcher Rolle", WhatEN: "Yes/no: is a place a member, since when",
			Examples: []string{"Ist Lemgo eine Engagierte Stadt?", "Seit wann ist Würzburg im RegioPole-Netzwerk?"},
			match: func(q *question) bool {
				// "Wer hat den Vorsitz, Paderborn?" asks about the network's chair.
				return len(q.places()) > 0 && len(q.networks()) > 0 && !(q.attrSpecific() && q.f.Op != OpYesNo && q.f.Op != OpWhen)
			},
			answer: (*Engine).membershipKind},
		{Name: "place", InHelp: true, What: "Ein Ort: wo er liegt, seine Netzwerke, seit wann, in welcher Rolle", WhatEN: "A place: where it is, its networks",
			Examples: []string{"Bielefeld", "Gütersloh"},
			match: func(q *question) bool {
				return len(q.places()) > 0 && !(len(q.networks()) > 0 && q.attrSpecific())
			},
			answer: func(e *Engine, ctx context.Context, q *question) (domain.Answer, error) {
				return e.placeQuestion(ctx, q.places(), q)
			}},
		{Name: "unknown-member", // "Ist Dortmund eine Engagierte Stadt?" with Dortmund unknown
			match: func(q *question) bool {
				return len(q.networks()) > 0 && q.f.Op == OpYesNo && !q.attrSpecific() && q.unknownName() != nil
			},
			answer: func(e *Engine, _ context.Context, q *question) (domain.Answer, error) {
				return e.unknownMember(*q.unknownName(), q.networks(), *q.p), nil
			}},
		{Name: "states", // "Welche Bundesländer sind im RegioPole-Netzwerk vertreten?"
			match: func(q *question) bool { return len(q.networks()) > 0 && q.f.Attribute == "states" },
			answer: func(e *Engine, _ context.Context, q *question) (domain.Answer, error) {
				return e.states(e.nets(q.networks()), q), nil
			}},
		{Name: "shared-members", // "Welche Städte sind in RegioPole und Engagierte Stadt?"
			match: func(q *question) bool {
				return len(q.networks()) > 1 && q.f.Op == OpList && !q.attrSpecific()
			},
			answer: func(e *Engine, _ context.Context, q *question) (domain.Answer, error) {
				return e.shared(e.nets(q.networks()), *q.p), nil
			}},
		{Name: "eligibility", // "Darf eine Stadt mit 300.000 Einwohnern Engagierte Stadt werden?"
			match: func(q *question) bool {
				return len(q.networks()) > 0 && q.f.Attribute == "eligibility"
			},
			answer: (*Engine).eligibility},
		{Name: "network-website", // "Link zum Kommunen-Netzwerk"
			match:  func(q *question) bool { return len(q.networks()) > 0 && q.f.Attribute == "website" },
			answer: (*Engine).websiteKind},
		{Name: "network-goal", // "Was ist das Ziel von RegioPole?"
			match:  func(q *question) bool { return len(q.networks()) > 0 && q.f.Attribute == "goal" },
			answer: (*Engine).goalKind},
		{Name: "network-join", InHelp: true, What: "Mitmachen: Weg und Voraussetzungen", WhatEN: "How to join, and who may",
			Examples: []string{"Wie kann man beim Kommunen-Netzwerk mitmachen?"},
			match:    func(q *question) bool { return len(q.networks()) > 0 && q.f.Attribute == "join" },
			answer:   (*Engine).joinKind},
		{Name: "network-topic", InHelp: true, What: "Zu einem Netzwerk: Vorsitz, Sprecher, Träger, Förderung, Kosten, Veranstaltungen …",
			WhatEN:   "About a network: chair, speakers, carrier, funding, cost, events …",
			Examples: []string{"Wer hat den Vorsitz bei RegioPole?", "Wer leitet die Netzwerkstelle?", "Wann war der letzte Tag der Städtepartnerschaften?"},
			match:    func(q *question) bool { return len(q.networks()) > 0 && isTopic(q.f.Attribute) },
			answer:   (*Engine).topicKind},
		{Name: "network-attribute", InHelp: true, What: "Gründung eines Netzwerks: wann, wo, von wem",
			WhatEN:   "A network's founding: when, where, by whom",
			Examples: []string{"Wann wurde das RegioPole-Netzwerk gegründet?", "Wo wurde RegioPole gegründet?"},
			match: func(q *question) bool {
				return len(q.networks()) > 0 && (q.attrSpecific() || q.f.Op == OpWhen || q.f.Op == OpWhere || q.f.Op == OpWho || q.f.Op == OpJoin)
			},
			answer: (*Engine).networkAttribute},
		{Name: "count", InHelp: true, What: "Zahlen, auch frühere", WhatEN: "Figures, older ones too",
			Examples: []string{"Wie viele Engagierte Städte gibt es?"},
			match:    func(q *question) bool { return len(q.networks()) > 0 && q.f.Op == OpCount },
			answer:   (*Engine).countKind},
		{Name: "statements-of-network", // "Welche Voraussetzungen ...?": a "which" about something else
			match: func(q *question) bool {
				if len(q.networks()) == 0 || q.f.Op != OpList || q.p.filtered() || q.p.has(intMembers, intNew) {
					return false
				}
				hits, _ := q.networkHits(context.Background())
				return len(hits) > 0
			},
			answer: func(e *Engine, ctx context.Context, q *question) (domain.Answer, error) {
				hits, err := q.networkHits(ctx)
				return e.factsAnswer(hits), err
			}},
		{Name: "members", InHelp: true, What: "Mitgliederlisten, auch nach Bundesland, Kreis, kreisfrei oder Jahr", WhatEN: "Member lists, by Bundesland, Kreis or year",
			Examples: []string{"Welche NRW-Städte sind Engagierte Stadt?", "Welche NRW-Städte kamen 2022 zur Engagierten Stadt?", "Welche kreisfreien Städte sind Engagierte Stadt?"},
			match:    func(q *question) bool { return len(q.networks()) > 0 && q.f.Op == OpList },
			answer:   (*Engine).membersKind},
		{Name: "network", InHelp: true, What: "Ein Netzwerk in Kürze: was es ist, Gründung, Größe, Mitglieder", WhatEN: "A network in short",
			Examples: []string{"RegioPole", "Was ist die Engagierte Stadt?"},
			match:    func(q *question) bool { return len(q.networks()) > 0 },
			answer:   (*Engine).networkKind},
		{Name: "cross", What: "Netzwerkübergreifend", WhatEN: "Across networks",
			Examples: []string{"Welche Städte sind in mehreren Netzwerken?"},
			match:    func(q *question) bool { return q.p.has(intCross) },
			answer:   func(e *Engine, _ context.Context, q *question) (domain.Answer, error) { return e.cross(*q.p), nil }},
		{Name: "join-any",
			match:  func(q *question) bool { return q.f.Op == OpJoin || q.f.Attribute == "join" },
			answer: (*Engine).joinAny},
		{Name: "networks-in-state",
			match: func(q *question) bool {
				return q.p.state != "" && q.p.has(intNetworks) && !q.p.has(intMembers) && len(q.p.content) == 0
			},
			answer: func(e *Engine, _ context.Context, q *question) (domain.Answer, error) { return e.overviewIn(*q.p), nil }},
		{Name: "members-filtered", // "Hamburg", "Welche Kreise sind dabei?", "Wer kam 2022 dazu?"
			match: func(q *question) bool {
				p := q.p
				switch {
				case p.state != "" && len(p.content) == 0:
					return true
				case p.has(intNetworks) && len(p.content) == 0 && !(p.filtered() && p.has(intMembers)):
					return false
				case p.year != 0:
					return !q.attrSpecific() // "Wie viele Projekte wurden 2018 gefördert?" is no member list
				}
				return p.filtered() && (p.has(intMembers, intWhich, intCount) || len(p.content) == 0)
			},
			answer: func(e *Engine, _ context.Context, q *question) (domain.Answer, error) {
				return e.membersAnswer(e.base.Networks, *q.p), nil
			}},
		{Name: "overview", What: "Überblick", WhatEN: "Overview",
			Examples: []string{"Welche Netzwerke kennst du?"},
			match:    func(q *question) bool { return q.p.has(intNetworks) && len(q.p.content) == 0 },
			answer:   func(e *Engine, _ context.Context, q *question) (domain.Answer, error) { return e.overview(), nil }},
		{Name: "attribute-any", // "Wie viel Geld gibt es bei Europa bei uns zuhause?": no network named
			match: func(q *question) bool {
				return len(q.networks()) == 0 && len(q.places()) == 0 && q.attrSpecific() && len(q.anyTopicHits()) > 0
			},
			answer: func(e *Engine, _ context.Context, q *question) (domain.Answer, error) {
				hits := q.anyTopicHits()
				a := e.factsAnswer(hits)
				a.Facts = a.Facts[:min(len(a.Facts), e.factLimit(q))]
				return a, nil
			}},
		{Name: "statements",
			match: func(*question) bool { return true },
			answer: func(e *Engine, ctx context.Context, q *question) (domain.Answer, error) {
				return e.factSearch(ctx, *q.p, "")
			}},
	}
}

// route answers a question with the first kind that matches it.
func (e *Engine) route(ctx context.Context, q *question) (domain.Answer, string, error) {
	for _, k := range kinds {
		if k.match(q) {
			a, err := k.answer(e, ctx, q)
			return a, k.Name, err
		}
	}
	a, err := e.factSearch(ctx, *q.p, "")
	return a, "statements", err
}

// Commands lists the kinds of question worth showing in help, with
// examples: the help answer, Slack's help and App Home come from it.
func Commands() []domain.Command {
	var out []domain.Command
	for _, k := range kinds {
		if len(k.Examples) > 0 && k.What != "" {
			out = append(out, domain.Command{What: k.What, WhatEN: k.WhatEN, Examples: k.Examples, InHelp: k.InHelp})
		}
	}
	return out
}

// nets resolves network ids.
func (e *Engine) nets(ids []string) []domain.Network {
	out := make([]domain.Network, 0, len(ids))
	for _, id := range ids {
		out = append(out, *e.base.Network(id))
	}
	return out
}

// unknownName is the word a yes/no question names as a place the base does
// not know ("Ist Dortmund eine Engagierte Stadt?"): its first content word
// that asks for nothing else, or a Bundesland named as a city ("Ist
// Hamburg ...?"). Nil when there is none.
func (q *question) unknownName() *domain.Token {
	for i, t := range q.p.content {
		if !q.p.attrPos[t.Pos] && !twinWord.MatchString(t.Raw) {
			return &q.p.content[i]
		}
	}
	if st := q.p.stateTok; st != nil && st.Pos == 1 {
		return st
	}
	return nil
}
