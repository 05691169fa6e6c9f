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
	"io"
	"log/slog"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/engagiert/engagiert/internal/domain"
)

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
