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
	"time"
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
	// now is the clock events are told past or coming by.
	now func() time.Time
	// byFirstWord finds places by the first word of a longer name:
	// "mainz" finds Mainz-Mombach.
	byFirstWord map[string][]*domain.Place
}

// memberRef is a membership with its place resolved once, at start.
type memberRef struct {
	m domain.Membership
	p *domain.Place
}

var (
	_ domain.Asker         = (*Engine)(nil)
	_ domain.FollowUpAsker = (*Engine)(nil)
)

// New builds an engine over a base and its index.

func New(base *domain.Base, s domain.Searcher, log *slog.Logger) *Engine {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	e := &Engine{base: base, search: s, vocab: newVocabulary(s, base), log: log, factPlaces: map[domain.FactRef][]string{}, now: time.Now,
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
	"wer bist du": true, "was bist du": true, "who are you": true, "what can you do": true,
	"was kannst du": true, "start": true, "befehle": true, "commands": true, "anleitung": true,
	"wie funktionierst du": true, "wie funktioniert das": true}

// Ask answers one question.
func (e *Engine) Ask(ctx context.Context, question string) domain.Answer {
	return e.ask(ctx, question, nil)
}

// AskFollowUp answers a question as the next one of a conversation whose
// previous answer had the frame prev: a question without a subject takes
// the previous one ("seit wann?"), a lone new subject takes the previous
// question ("und Paderborn?"), a complete question stands alone.
func (e *Engine) AskFollowUp(ctx context.Context, question, prev string) domain.Answer {
	if f, ok := decodeFrame(prev); ok {
		return e.ask(ctx, question, &f)
	}
	return e.ask(ctx, question, nil)
}

func (e *Engine) ask(ctx context.Context, question string, prev *Frame) domain.Answer {
	q := strings.TrimSpace(strings.ToValidUTF8(question, ""))
	if utf8.RuneCountInString(q) > MaxQuestion {
		q = string([]rune(q)[:MaxQuestion])
		if i := strings.LastIndexAny(q, " \t\n"); i > 0 {
			q = q[:i] // no half word at the end
		}
	}
	english := looksEnglish(q)
	if helpWords[strings.ToLower(strings.Trim(q, " !.?"))] {
		a := e.help(english)
		a.Query = question
		return a
	}
	text, chatty := stripChatter(q)
	switch {
	case text == "" && chatty:
		a := e.chatter(q)
		a.Query = question
		return a
	case helpWords[strings.ToLower(strings.Trim(text, " !.?"))]:
		a := e.help(looksEnglish(text))
		a.Query = question
		return a
	}
	a, err := e.answerText(ctx, text, prev)
	if err != nil {
		e.log.Error("answer", "err", err)
		return e.failed(question)
	}
	a.Query = question
	return a
}

// answerText parses a question (chatter removed), splits it into its parts
// and answers each through the table of kinds.
func (e *Engine) answerText(ctx context.Context, text string, prev *Frame) (domain.Answer, error) {
	var answers []domain.Answer
	var last Frame
	for i, part := range splitParts(text) {
		p, err := e.parse(ctx, part)
		if err != nil {
			return domain.Answer{}, err
		}
		f := e.frameOf(p)
		switch {
		case i == 0 && prev != nil:
			f = e.continueFrame(f, *prev, p)
		case i > 0:
			f = e.continueFrame(f, last, p)
		}
		p.subjects, p.framed = f.Subjects, true
		qu := &question{f: f, p: p, e: e}
		a, name, err := e.route(ctx, qu)
		if err != nil {
			return domain.Answer{}, err
		}
		e.log.Debug("routed", "frame", f.String(), "kind", name)
		a.English = a.English || f.English
		a.Frame = f.encode()
		answers = append(answers, a)
		last = f
	}
	return joinAnswers(answers), nil
}

// parse tokenizes a question and finds the names in it.
func (e *Engine) parse(ctx context.Context, q string) (*parsed, error) {
	tokens := e.search.Tokens(q)
	for i := range tokens {
		tokens[i].Exact = e.vocab.words[tokens[i].Term]
	}
	mentions, err := e.search.Mentions(ctx, tokens)
	if err != nil {
		return nil, fmt.Errorf("search names: %w", err)
	}
	after := 0 // "Welche ...? Ich hab gelesen, 2022 ...": what follows the "?" is context
	if i := strings.Index(q, "?"); i > 0 && i < len(q)-1 {
		after = len(e.search.Tokens(q[:i]))
	}
	p := e.vocab.parse(tokens, mentions, after)
	p.question = q
	p.english = p.english || looksEnglish(q)
	return &p, nil
}

// Frame parses a question and returns its frame, as routing sees it: the
// golden tests pin these.
func (e *Engine) Frame(ctx context.Context, question string) (Frame, error) {
	text, chatty := stripChatter(strings.TrimSpace(question))
	if text == "" && chatty {
		return Frame{Op: OpChatter}, nil
	}
	if helpWords[strings.ToLower(strings.Trim(text, " !.?"))] {
		return Frame{Op: OpHelp, English: looksEnglish(text)}, nil
	}
	var out Frame
	var last Frame
	for i, part := range splitParts(text) {
		p, err := e.parse(ctx, part)
		if err != nil {
			return Frame{}, err
		}
		f := e.frameOf(p)
		if i > 0 {
			f = e.continueFrame(f, last, p)
			out.Parts = append(out.Parts, f)
		} else {
			out = f
		}
		last = f
	}
	return out, nil
}

// failed is the answer when the index itself failed: an internal error is
// logged, never shown.
func (e *Engine) failed(q string) domain.Answer {
	return domain.Answer{Query: q, Found: false, Kind: domain.KindNone, Failed: true,
		Title: "Das hat gerade nicht geklappt",
		Lead:  "Bei der Suche ist ein Fehler aufgetreten. Versuch es bitte gleich noch einmal."}
}
