// Package answer turns a question into a domain.Answer: it finds the places
// and networks a question names (through a domain.Searcher), works out what
// is asked (a member list, a count, a date, yes or no, ...) and builds the
// answer from the knowledge base only. When nothing fits it says so instead
// of offering an unrelated best match.
//
// It imports no technology: the Bleve index is behind domain.Searcher.
package answer

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/engagiert/engagiert/internal/domain"
)

// MaxQuestion bounds the question length the engine reads; longer input is
// cut, so a pasted document cannot slow every other user down.
const MaxQuestion = 500

// maxListed bounds the names one list shows; the rest is counted.
const maxListed = 60

// placeFacts is how many statements about a place its answer shows.
const placeFacts = 2

// overviewListed is how many members a network overview names.
const overviewListed = 12

// Engine answers questions from one knowledge base.
type Engine struct {
	base   *domain.Base
	search domain.Searcher
	vocab  *vocabulary
	log    *slog.Logger
	// factPlaces lists the places each fact names, so a place's answer can
	// show the facts about it without the lists that merely include it.
	factPlaces map[domain.FactRef][]string
	// places and members are sorted by name once, not per question: at
	// 100,000 places sorting per answer would cost milliseconds.
	places  []*domain.Place
	members map[string][]memberRef
	// multi are the places in more than one network, sorted by name.
	multi []*domain.Place
	// byFirstWord finds places by the first word of a longer name:
	// "mainz" finds Mainz-Mombach.
	byFirstWord map[string][]*domain.Place
}

// memberRef is a membership with its place resolved once, at start.
type memberRef struct {
	m domain.Membership
	p *domain.Place
}

var _ domain.Asker = (*Engine)(nil)

// New builds an engine over a base and its index.
func New(base *domain.Base, s domain.Searcher, log *slog.Logger) *Engine {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	e := &Engine{base: base, search: s, vocab: newVocabulary(s, base), log: log, factPlaces: map[domain.FactRef][]string{},
		members: map[string][]memberRef{}}
	key := map[string]string{}
	for i := range base.Places {
		e.places = append(e.places, &base.Places[i])
		key[base.Places[i].ID] = fold(base.Places[i].Name)
	}
	sort.SliceStable(e.places, func(i, j int) bool { return key[e.places[i].ID] < key[e.places[j].ID] })
	for _, n := range base.Networks {
		ms := make([]memberRef, len(n.Members))
		for i, m := range n.Members {
			ms[i] = memberRef{m, base.Place(m.Place)}
		}
		sort.SliceStable(ms, func(i, j int) bool { return key[ms[i].m.Place] < key[ms[j].m.Place] })
		e.members[n.ID] = ms
	}
	e.byFirstWord = map[string][]*domain.Place{}
	for _, pl := range e.places {
		if len(base.MembershipsOf(pl.ID)) > 1 {
			e.multi = append(e.multi, pl)
		}
		if i := strings.IndexAny(pl.Name, "- "); i > 0 {
			first := fold(pl.Name[:i])
			e.byFirstWord[first] = append(e.byFirstWord[first], pl)
		}
	}
	for _, n := range base.Networks {
		for i, f := range n.Facts {
			ms, err := s.Mentions(context.Background(), s.Tokens(f.Text))
			if err != nil {
				log.Warn("find places in fact", "network", n.ID, "err", err)
				continue
			}
			ref := domain.FactRef{Network: n.ID, Part: "fact", Index: i}
			for _, m := range ms {
				if m.Kind == "place" && !contains(e.factPlaces[ref], m.ID) {
					e.factPlaces[ref] = append(e.factPlaces[ref], m.ID)
				}
			}
		}
	}
	return e
}

// Close closes the engine's index, if it has one to close. A reload calls
// it on the engine it replaced, once that engine's last questions are done.
func (e *Engine) Close() error {
	if c, ok := e.search.(io.Closer); ok {
		return c.Close()
	}
	return nil
}

// Base is the knowledge base the engine answers from.
func (e *Engine) Base() *domain.Base { return e.base }

// helpWords are whole questions that ask for help.
var helpWords = map[string]bool{"": true, "?": true, "hilfe": true, "help": true, "h": true,
	"wer bist du": true, "was bist du": true, "danke": true, "danke schön": true, "vielen dank": true,
	"thanks": true, "thank you": true, "who are you": true, "what can you do": true,
	"was kannst du": true, "was kannst du?": true, "hallo": true, "hi": true, "hello": true, "moin": true,
	"start": true, "befehle": true, "commands": true, "anleitung": true, "wie funktionierst du": true}

// Ask answers one question.
func (e *Engine) Ask(ctx context.Context, question string) domain.Answer {
	q := strings.TrimSpace(strings.ToValidUTF8(question, ""))
	if utf8.RuneCountInString(q) > MaxQuestion {
		q = string([]rune(q)[:MaxQuestion])
		if i := strings.LastIndexAny(q, " \t\n"); i > 0 {
			q = q[:i] // no half word at the end
		}
	}
	if helpWords[strings.ToLower(strings.Trim(q, " !.?"))] {
		a := e.help()
		a.Query = question
		return a
	}
	tokens := e.search.Tokens(q)
	for i := range tokens {
		tokens[i].Exact = e.vocab.words[tokens[i].Term]
	}
	mentions, err := e.search.Mentions(ctx, tokens)
	if err != nil {
		e.log.Error("search names", "err", err)
		return e.failed(question)
	}
	p := e.vocab.parse(tokens, mentions)
	p.question = q
	a, err := e.route(ctx, p)
	if err != nil {
		e.log.Error("answer", "err", err)
		return e.failed(question)
	}
	a.Query = question
	return a
}

// route picks the kind of answer.
func (e *Engine) route(ctx context.Context, p parsed) (domain.Answer, error) {
	places, networks := p.places(), p.networks()
	switch {
	case len(places) > 0 && len(networks) > 0:
		a := e.membership(places, networks, p)
		// "Seit wann hat Paderborn den Vorsitz im RegioPole-Netzwerk?"
		facts, err := e.aboutPlaces(ctx, places, p)
		if len(facts) > 0 {
			a.Lead = facts[0].Text + " " + a.Lead
			a.Facts = append(facts, a.Facts...)
		}
		return a, err
	case len(places) > 0:
		return e.placeQuestion(ctx, places, p)
	case len(networks) > 0 && p.yesNo && len(p.content) > 0:
		// "Ist Dortmund eine Engagierte Stadt?": a place the base does not know.
		return e.unknownMember(p.content[0], networks, p), nil
	case len(networks) > 0 && p.yesNo && p.stateTok != nil && p.stateTok.Pos == 1:
		// "Ist Hamburg eine Engagierte Stadt?": the city, not the Bundesland.
		return e.unknownMember(*p.stateTok, networks, p), nil
	case len(networks) > 0:
		return e.networkAnswer(ctx, networks, p)
	case p.has(intCross):
		return e.cross(p), nil
	case p.has(intJoin):
		var fs []domain.AnswerFact
		for i := range e.base.Networks {
			fs = append(fs, e.topicFacts(&e.base.Networks[i], "join")...)
		}
		if len(fs) > 0 {
			return domain.Answer{Found: true, Kind: domain.KindFacts, Title: "Mitmachen und Aufnahme", Facts: fs}, nil
		}
	case p.state != "" && p.has(intNetworks) && !p.has(intMembers) && len(p.content) == 0:
		return e.overviewIn(p), nil
	case p.state != "" && len(p.content) == 0:
		// "Hamburg", "Ist Hamburg in einem Netzwerk?": the members from there.
		return e.membersAnswer(e.base.Networks, p), nil
	case p.has(intNetworks) && len(p.content) == 0 && !(p.filtered() && p.has(intMembers)):
		return e.overview(), nil
	case p.year != 0:
		return e.membersAnswer(e.base.Networks, p), nil
	case p.filtered() && (p.has(intMembers, intWhich, intCount) || len(p.content) == 0):
		return e.membersAnswer(e.base.Networks, p), nil
	case p.has(intHelp) && len(p.content) == 0:
		return e.help(), nil
	}
	return e.factSearch(ctx, p, "")
}

// failed is the answer when the index itself failed: an internal error is
// logged, never shown.
func (e *Engine) failed(q string) domain.Answer {
	return domain.Answer{Query: q, Found: false, Kind: domain.KindNone, Failed: true,
		Title: "Das hat gerade nicht geklappt",
		Lead:  "Bei der Suche ist ein Fehler aufgetreten. Bitte versuchen Sie es gleich noch einmal."}
}

// notFound says plainly that the base has nothing on the question.
func (e *Engine) notFound(p parsed) domain.Answer {
	lead := "Dazu habe ich nichts in meiner Wissensbasis."
	if p.state != "" {
		lead = fmt.Sprintf("Aus %s führt meine Wissensbasis keine Mitglieder der Netzwerke, die ich kenne.", p.state)
	}
	names := make([]string, len(e.base.Networks))
	for i, n := range e.base.Networks {
		names[i] = n.Name
	}
	return domain.Answer{Found: false, Kind: domain.KindNone, Title: "Keine passenden Einträge",
		Lead:        lead + " Ich kenne " + joinAnd(names) + " und ihre Mitglieder.",
		Suggestions: []string{"Welche Netzwerke kennst du?", "Bielefeld", "hilfe"}}
}

// help is generated from domain.Commands.
func (e *Engine) help() domain.Answer {
	a := domain.Answer{Found: true, Kind: domain.KindHelp, Title: "So fragen Sie engagiert",
		Lead: "In Slack: /engagiert FRAGE, @engagiert FRAGE im Channel oder eine Direktnachricht. " +
			"Im Terminal: engagiert ask \"FRAGE\". Ich antworte nur aus meiner Wissensbasis, mit Quelle und Stand."}
	for _, c := range domain.Commands {
		l := domain.List{Title: c.What}
		for _, ex := range c.Examples {
			l.Items = append(l.Items, domain.ListItem{Name: "/engagiert " + ex})
		}
		a.Lists = append(a.Lists, l)
	}
	return a
}

// overview lists every network in a sentence each.
func (e *Engine) overview() domain.Answer {
	a := domain.Answer{Found: true, Kind: domain.KindOverview, Title: "Diese Netzwerke kenne ich",
		Lead: fmt.Sprintf("Meine Wissensbasis umfasst %d Netzwerke:", len(e.base.Networks))}
	for _, n := range e.base.Networks {
		text := n.Name
		if n.Kind != "" || n.Scope != "" {
			text += " (" + strings.Trim(n.Kind+", "+n.Scope, ", ") + ")"
		}
		text += ": " + firstSentence(n.Description.Text)
		a.Facts = append(a.Facts, domain.AnswerFact{Text: text, Source: e.base.Source(n.Description.Source)})
		a.Links = append(a.Links, domain.Link{Title: n.Name, URL: n.Website})
		a.Hits = append(a.Hits, networkHit(&n))
	}
	a.Suggestions = []string{e.base.Networks[0].Name, "Welche Städte sind in mehreren Netzwerken?"}
	return a
}

// overviewIn lists the networks of a Bundesland: those working there and
// the ones with members from there ("Welche Netzwerke gibt es in NRW?").
func (e *Engine) overviewIn(p parsed) domain.Answer {
	state := p.state
	a := domain.Answer{Found: true, Kind: domain.KindOverview, Title: "Netzwerke in " + state}
	for i := range e.base.Networks {
		n := &e.base.Networks[i]
		count := 0
		for _, r := range e.members[n.ID] {
			if r.p.State == state {
				count++
			}
		}
		if n.Scope != state && count == 0 {
			continue
		}
		text := n.Name
		if n.Scope != "" {
			text += " (" + n.Scope + ")"
		}
		if count > 0 {
			text += fmt.Sprintf(": %d %s aus %s in meiner Wissensbasis", count, plural(count, "Mitglied", "Mitglieder"), state)
		}
		a.Facts = append(a.Facts, domain.AnswerFact{Text: text, Source: e.base.Source(n.Description.Source)})
		a.Links = appendLink(a.Links, domain.Link{Title: n.Name, URL: n.Website})
		a.Hits = append(a.Hits, networkHit(n))
	}
	if len(a.Facts) == 0 {
		return e.notFound(p)
	}
	a.Lead = fmt.Sprintf("%d %s mit Bezug zu %s:", len(a.Facts), plural(len(a.Facts), "Netzwerk", "Netzwerke"), state)
	a.Suggestions = []string{"Welche Städte aus " + state + " sind Engagierte Stadt?"}
	return a
}

// placesAnswer lists, for each place, every network it belongs to.
func (e *Engine) placesAnswer(ids []string) domain.Answer {
	a := domain.Answer{Found: true, Kind: domain.KindPlace}
	var titles []string
	for _, id := range ids {
		pl := e.base.Place(id)
		titles = append(titles, pl.Name)
		a.Hits = append(a.Hits, domain.Hit{ID: "place:" + pl.ID, Title: pl.Name})
		ms := e.base.MembershipsOf(id)
		if len(ms) == 0 {
			a.Facts = append(a.Facts, domain.AnswerFact{Text: pl.Name + " ist in keinem Netzwerk als Mitglied geführt."})
		}
		for _, m := range ms {
			n := e.base.Network(m.Network)
			a.Facts = append(a.Facts, domain.AnswerFact{Text: pl.Name + " – " + n.Name + ": " + membershipText(m),
				Source: e.base.Source(m.Source)})
			a.Links = appendLink(a.Links, domain.Link{Title: n.Name, URL: n.Website})
		}
		// Statements about the place ("Paderborn hat den Vorsitz"), not the
		// lists that merely include it.
		var about []domain.FactRef
		for _, m := range ms {
			for i := range e.base.Network(m.Network).Facts {
				ref := domain.FactRef{Network: m.Network, Part: "fact", Index: i}
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
	}
	if len(ids) == 1 {
		pl := e.base.Place(ids[0])
		a.Title = pl.Name
		if where := placeWhere(pl); where != "" {
			a.Title += " (" + where + ")"
		}
		ms := e.base.MembershipsOf(pl.ID)
		switch len(ms) {
		case 0:
			a.Lead = pl.Name + " ist in keinem der Netzwerke, die ich kenne, als Mitglied geführt."
		case 1:
			a.Lead = pl.Name + " ist Mitglied in einem Netzwerk: " + e.base.Network(ms[0].Network).Name + "."
		default:
			var names []string
			for _, m := range ms {
				names = append(names, e.base.Network(m.Network).Name)
			}
			a.Lead = fmt.Sprintf("%s ist Mitglied in %d Netzwerken: %s.", pl.Name, len(ms), joinAnd(names))
		}
		if len(ms) > 0 {
			a.Suggestions = []string{"Mitglieder " + shortName(e.base.Network(ms[0].Network))}
		}
	} else {
		a.Title = joinAnd(titles)
	}
	return a
}

// placeQuestion answers a question about places: their memberships, and
// what else the question asks if a statement answers it. When none does
// ("Wie viele Einwohner hat Bielefeld?"), it says so before the memberships,
// rather than passing them off as the answer.
func (e *Engine) placeQuestion(ctx context.Context, places []string, p parsed) (domain.Answer, error) {
	a := e.placesAnswer(places)
	if p.has(intWhere) && len(places) == 1 {
		// "Wo liegt Gelnhausen?", "In welchem Bundesland liegt …?"
		if pl := e.base.Place(places[0]); pl.State != "" {
			where := pl.State
			if pl.District != "" {
				where += " (" + pl.District + ")"
			}
			a.Lead = fmt.Sprintf("%s liegt in %s. %s", pl.Name, where, a.Lead)
		}
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
				lead := fmt.Sprintf("%s: %s ist dort nicht als Mitglied geführt.", n.Name, pl.Name)
				if p.english {
					lead = fmt.Sprintf("No, %s is not listed as a member of %s (nicht als Mitglied geführt).", pl.Name, n.Name)
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
			lead := fmt.Sprintf("%s ist Mitglied – %s%s.", pl.Name, n.Name, memberDetail(m))
			switch {
			case p.english:
				lead = fmt.Sprintf("Yes, %s is a member – %s%s.", pl.Name, n.Name, memberDetail(m))
			case p.yesNo:
				lead = "Ja, " + lead
			}
			leads = append(leads, lead)
			a.Facts = append(a.Facts, domain.AnswerFact{Text: pl.Name + " – " + n.Name + ": " + membershipText(m),
				Source: e.base.Source(m.Source)})
		}
		// What else the place belongs to, so a "no" is still useful.
		for _, m := range e.base.MembershipsOf(pid) {
			if !contains(networks, m.Network) {
				n := e.base.Network(m.Network)
				a.Facts = append(a.Facts, domain.AnswerFact{Text: pl.Name + " – " + n.Name + ": " + membershipText(m),
					Source: e.base.Source(m.Source)})
			}
		}
	}
	if len(places) == 1 && len(networks) == 1 {
		a.Title = e.base.Place(places[0]).Name + " und " + e.base.Network(networks[0]).Name
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

// displayWord is word as the user typed it in question (case included), or
// word with a capital first letter.
func displayWord(question, word string) string {
	for _, f := range strings.FieldsFunc(question, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
		if strings.EqualFold(f, word) {
			return f
		}
	}
	r := []rune(word)
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}

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
		a.Lists = append(a.Lists, e.memberList(n, ms, count))
		a.Links = appendLink(a.Links, domain.Link{Title: n.Name, URL: n.Website})
		if len(nets) == 1 {
			lead := fmt.Sprintf("%s: %d %s", n.Name, count, plural(count, "Mitglied", "Mitglieder"))
			if len(filter) > 0 {
				lead += " (" + strings.Join(filter, ", ") + ")"
			}
			lead += "."
			if !n.MembersComplete {
				lead += " Die Liste ist nicht vollständig: sie enthält nur die Mitglieder, die meine Quellen namentlich nennen."
				if c, ok := newestCount(n); ok && len(filter) == 0 {
					lead += " Insgesamt: " + c.Value + standSuffix(c.Stand) + "."
				}
			}
			leads = append(leads, lead)
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
		leads = append(leads, lead+" in meiner Wissensbasis, die nicht alle Mitglieder kennt.")
	}
	a.Title = "Mitglieder"
	if len(nets) == 1 {
		a.Title = "Mitglieder: " + nets[0].Name
	}
	if len(filter) > 0 {
		a.Title += " (" + strings.Join(filter, ", ") + ")"
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

// factSearch answers from statements that share the question's content words.
// A statement counts only when it covers most of them: one shared word of
// five is a chance overlap, not an answer; nor is one short word alone.
func (e *Engine) factSearch(ctx context.Context, p parsed, network string) (domain.Answer, error) {
	terms := p.topicTerms()
	long := false
	for _, t := range terms {
		long = long || utf8.RuneCountInString(t.Stem) >= 5
	}
	if len(terms) == 0 || (!long && len(terms) < 2) {
		return e.notFound(p), nil
	}
	hits, err := e.search.Facts(ctx, terms, network)
	if err != nil {
		return domain.Answer{}, err
	}
	good := goodHits(e.preferAsked(hits, p))
	if len(good) == 0 {
		return e.notFound(p), nil
	}
	a := e.factsAnswer(good)
	if len(p.tokens) == 1 {
		a.Lead = fmt.Sprintf("„%s“ ist in meiner Wissensbasis kein Ort und kein Netzwerk; erwähnt wird es hier:", displayWord(p.question, p.tokens[0].Raw))
	}
	return a, nil
}

// factsAnswer shows statements with their networks' links.
func (e *Engine) factsAnswer(hits []domain.FactHit) domain.Answer {
	a := domain.Answer{Found: true, Kind: domain.KindFacts, Title: e.base.Network(hits[0].Ref.Network).Name}
	for _, h := range hits {
		a.Facts = appendFact(a.Facts, e.fact(h.Ref))
		n := e.base.Network(h.Ref.Network)
		a.Links = appendLink(a.Links, domain.Link{Title: n.Name, URL: n.Website})
		if len(a.Hits) == 0 || a.Hits[len(a.Hits)-1].ID != "network:"+n.ID {
			a.Hits = append(a.Hits, networkHit(n))
		}
	}
	return a
}

// preferAsked moves the statements that fit the question word first, among
// equally good matches: for "Wo …?" a founding with its place or a statement
// on a place, for "Wer …?" one on people, for "Wann …?" one with a date.
func (e *Engine) preferAsked(hits []domain.FactHit, p parsed) []domain.FactHit {
	fits := func(h domain.FactHit) bool {
		n := e.base.Network(h.Ref.Network)
		topic := ""
		if h.Ref.Part == "fact" {
			topic = n.Facts[h.Ref.Index].Topic
		}
		founding := h.Ref.Part == "founding"
		switch {
		case p.has(intWhere):
			return topic == "place" || (founding && n.Founded.Place != "")
		case p.has(intWho):
			return topic == "people" || (founding && len(n.Founded.By) > 0)
		case p.has(intWhen):
			return topic == "date" || (founding && !n.Founded.Date.IsZero())
		}
		return false
	}
	out := append([]domain.FactHit(nil), hits...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Matched != out[j].Matched {
			return out[i].Matched > out[j].Matched
		}
		return fits(out[i]) && !fits(out[j])
	})
	return out
}

// goodHits keeps the statements that cover enough of the question, best first.
func goodHits(hits []domain.FactHit) []domain.FactHit {
	var out []domain.FactHit
	for _, h := range hits {
		if h.Matched == 0 {
			continue
		}
		need := (h.Total*2 + 2) / 3 // two thirds, rounded up
		if h.Matched >= need {
			out = append(out, h)
		}
	}
	// Bleve gives hits best first; keep that order among equal matches.
	sort.SliceStable(out, func(i, j int) bool { return out[i].Matched > out[j].Matched })
	if len(out) > 3 {
		out = out[:3]
	}
	return out
}

// fact turns a reference into an answer line with its source and date.
func (e *Engine) fact(ref domain.FactRef) domain.AnswerFact {
	n := e.base.Network(ref.Network)
	var f domain.Fact
	switch ref.Part {
	case "description":
		f = n.Description
	case "goal":
		f = n.Goals[ref.Index]
		f.Text = "Ziel: " + f.Text
	case "fact":
		f = n.Facts[ref.Index]
	case "count":
		c := n.Counts[ref.Index]
		f = domain.Fact{Text: c.Value + " " + c.Text, Stand: c.Stand, Source: c.Source}
	case "founding":
		af, _ := e.founding(n)
		return af
	}
	return domain.AnswerFact{Text: f.Text, Stand: f.Stand, Source: e.base.Source(f.Source)}
}

func (e *Engine) founding(n *domain.Network) (domain.AnswerFact, bool) {
	fd := n.Founded
	if fd.Text == "" && fd.Date.IsZero() {
		return domain.AnswerFact{}, false
	}
	text := fd.Text
	if text == "" {
		text = "Gegründet " + fd.Date.String()
		if fd.Place != "" {
			text += " in " + fd.Place
		}
		if len(fd.By) > 0 {
			text += " von " + joinAnd(fd.By)
		}
		text += "."
	} else if fd.Place != "" && !strings.Contains(text, fd.Place) {
		text += " Ort: " + fd.Place + "."
	}
	return domain.AnswerFact{Text: text, Source: e.base.Source(fd.Source)}, true
}

// foundingShort is the founding in one line: date, place and founders.
func (e *Engine) foundingShort(n *domain.Network) (domain.AnswerFact, bool) {
	fd := n.Founded
	if fd.Date.IsZero() {
		return e.founding(n)
	}
	text := "Gegründet: " + fd.Date.String()
	if fd.Place != "" {
		text += ", " + fd.Place
	}
	if len(fd.By) > 0 {
		text += ", von " + joinAnd(fd.By)
	}
	return domain.AnswerFact{Text: text, Source: e.base.Source(fd.Source)}, true
}

// counts lists the member figures, the newest first; older ones stay visible.
func (e *Engine) counts(n *domain.Network) []domain.AnswerFact {
	var out []domain.AnswerFact
	for i := len(n.Counts) - 1; i >= 0; i-- {
		f := e.fact(domain.FactRef{Network: n.ID, Part: "count", Index: i})
		if i < len(n.Counts)-1 {
			f.Older = true
			f.Text = "Frühere Angabe: " + f.Text
		}
		out = append(out, f)
	}
	return out
}

// topicFacts are the network's facts on one topic ("join", "people", ...).
func (e *Engine) topicFacts(n *domain.Network, topic string) []domain.AnswerFact {
	var out []domain.AnswerFact
	for i, f := range n.Facts {
		if f.Topic == topic {
			out = append(out, e.fact(domain.FactRef{Network: n.ID, Part: "fact", Index: i}))
		}
	}
	return out
}

// countsIn are the networks' member figures dated in year.
func (e *Engine) countsIn(nets []domain.Network, year int) []domain.AnswerFact {
	var out []domain.AnswerFact
	for i := range nets {
		for j, c := range nets[i].Counts {
			if c.Stand.Year == year {
				out = append(out, e.fact(domain.FactRef{Network: nets[i].ID, Part: "count", Index: j}))
			}
		}
	}
	return out
}

// countSummary is the newest figure with the older ones named after it, in one line.
func (e *Engine) countSummary(n *domain.Network) (domain.AnswerFact, bool) {
	c, ok := newestCount(n)
	if !ok {
		return domain.AnswerFact{}, false
	}
	f := domain.AnswerFact{Text: "Mitglieder: " + c.Value + " " + c.Text, Stand: c.Stand, Source: e.base.Source(c.Source)}
	var older []string
	for i := len(n.Counts) - 2; i >= 0; i-- {
		o := n.Counts[i].Value
		if !n.Counts[i].Stand.IsZero() {
			o += " (Stand " + n.Counts[i].Stand.String() + ")"
		}
		older = append(older, o)
	}
	if len(older) > 0 {
		f.Text += "; frühere Angaben: " + strings.Join(older, ", ")
	}
	return f, true
}

func countLead(n *domain.Network) string {
	c, ok := newestCount(n)
	if !ok {
		return fmt.Sprintf("Für %s nennen meine Quellen keine Gesamtzahl.", n.Name)
	}
	return fmt.Sprintf("%s: %s %s%s.", n.Name, c.Value, c.Text, standSuffix(c.Stand))
}

// newestCount is the figure that leads: the counts are kept oldest first.
func newestCount(n *domain.Network) (domain.Count, bool) {
	if len(n.Counts) == 0 {
		return domain.Count{}, false
	}
	return n.Counts[len(n.Counts)-1], true
}

// memberList renders sorted memberships as a list; total counts all that
// matched, of which ms are the ones shown.
func (e *Engine) memberList(n *domain.Network, ms []memberRef, total int) domain.List {
	l := domain.List{Title: n.Name, Partial: !n.MembersComplete}
	for _, r := range ms {
		var detail []string
		if !r.m.Since.IsZero() {
			detail = append(detail, "seit "+r.m.Since.String())
		}
		if r.m.Role != "" {
			detail = append(detail, r.m.Role)
		}
		l.Items = append(l.Items, domain.ListItem{Name: r.p.Name, Detail: strings.Join(detail, ", "), Source: e.base.Source(r.m.Source)})
	}
	if total > len(ms) {
		l.Note = moreNote(total - len(ms))
	}
	return l
}

// membershipText is "Gründungsmitglied, Mitglied seit 2016" for list lines.
func membershipText(m domain.Membership) string {
	var parts []string
	if m.Role != "" {
		parts = append(parts, m.Role)
	}
	if !m.Since.IsZero() {
		parts = append(parts, "Mitglied seit "+m.Since.String())
	} else {
		parts = append(parts, "Mitglied (Beitrittsjahr nennen meine Quellen nicht)")
	}
	if m.Note != "" {
		parts = append(parts, m.Note)
	}
	return strings.Join(parts, ", ")
}

// memberDetail is the role and date of a membership, for a sentence that
// already says "Mitglied": ": Gründungsmitglied, seit 16. März 2016".
func memberDetail(m domain.Membership) string {
	var parts []string
	if m.Role != "" {
		parts = append(parts, m.Role)
	}
	if !m.Since.IsZero() {
		parts = append(parts, "seit "+m.Since.String())
	}
	if len(parts) == 0 {
		return "; seit wann, nennen meine Quellen nicht"
	}
	return ": " + strings.Join(parts, ", ")
}

func findMembership(n *domain.Network, placeID string) (domain.Membership, bool) {
	for _, m := range n.Members {
		if m.Place == placeID {
			return m, true
		}
	}
	return domain.Membership{}, false
}

func placeWhere(pl *domain.Place) string {
	var parts []string
	if pl.District != "" {
		parts = append(parts, pl.District)
	}
	if pl.State != "" {
		parts = append(parts, pl.State)
	}
	return strings.Join(parts, ", ")
}

func networkHit(n *domain.Network) domain.Hit {
	return domain.Hit{ID: "network:" + n.ID, Title: n.Name, URL: n.Website}
}

// shortName is the network's first alias, the name people use in questions.
func shortName(n *domain.Network) string {
	if len(n.Aliases) > 0 {
		return n.Aliases[0]
	}
	return n.Name
}

// standSuffix is " (Stand Juni 2022)", or " (neueste Angabe)" for a figure
// its source does not date.
func standSuffix(d domain.Date) string {
	if d.IsZero() {
		return " (neueste Angabe)"
	}
	return " (Stand " + d.String() + ")"
}

func appendLink(ls []domain.Link, l domain.Link) []domain.Link {
	if l.URL == "" {
		return ls
	}
	for _, x := range ls {
		if x.URL == l.URL {
			return ls
		}
	}
	return append(ls, l)
}

func appendFact(fs []domain.AnswerFact, f domain.AnswerFact) []domain.AnswerFact {
	for _, x := range fs {
		if x.Text == f.Text {
			return fs
		}
	}
	return append(fs, f)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// moreNote ends a cut list: "und 16 weitere", "und ein weiteres".
func moreNote(n int) string {
	if n == 1 {
		return "und ein weiteres"
	}
	return fmt.Sprintf("und %d weitere", n)
}

// joinAnd joins names the German way: "a, b und c".
func joinAnd(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " und " + xs[len(xs)-1]
}

func firstSentence(s string) string {
	if i := strings.Index(s, ". "); i > 0 {
		return s[:i+1]
	}
	return s
}

// fold makes names sort the German way (Ä with A).
var folder = strings.NewReplacer("ä", "a", "ö", "o", "ü", "u", "Ä", "A", "Ö", "O", "Ü", "U", "ß", "ss")

func fold(s string) string { return strings.ToLower(folder.Replace(s)) }
