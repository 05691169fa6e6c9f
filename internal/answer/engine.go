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
	"regexp"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/engagiert/engagiert/internal/domain"
)

const MaxQuestion = 500

// maxListed bounds the names one list shows; the rest is counted.

const maxListed = 60

// placeFacts is how many statements about a place its answer shows.

const placeFacts = 1

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
	// siblings are places that share a name: the Stadt Coesfeld and the
	// Kreis Coesfeld, keyed by the folded name without "Kreis".
	siblings map[string][]*domain.Place
	// countries finds the countries questions name.
	countries countryIndex
	// twinNetwork is the network named "Städtepartnerschaften", whose name
	// is also the word for what it works on.
	twinNetwork string
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
	e.countries = newCountryIndex(base)
	e.siblings = map[string][]*domain.Place{}
	for i := range base.Places {
		pl := &base.Places[i]
		e.siblings[coreName(pl.Name)] = append(e.siblings[coreName(pl.Name)], pl)
	}
	for _, n := range base.Networks {
		for _, name := range append([]string{n.Name, n.ShortName}, n.Aliases...) {
			if strings.EqualFold(name, "Städtepartnerschaften") {
				e.twinNetwork = n.ID
			}
		}
	}
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

func (e *Engine) ask(ctx context.Context, question string, prev *Frame) (a domain.Answer) {
	defer func() {
		// A bug in one kind of answer must cost one answer, never the
		// process: the asker gets a short apology (Failed, so never
		// cached), the log the stack. Surfaces recover too, for askers
		// other than this engine.
		if r := recover(); r != nil {
			e.log.Error("answer panicked", "panic", fmt.Sprint(r), "question", clip(question, 500), "stack", string(debug.Stack()))
			a = e.failed(question)
			a.Panicked = true
		}
	}()
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
	if kept := e.readNames(&p, q); len(kept) != len(mentions) {
		p = e.vocab.parse(tokens, kept, after)
	}
	p.question = q
	p.english = p.english || looksEnglish(q)
	p.foundedOf = func(id string) domain.Date {
		if n := e.base.Network(id); n != nil {
			return n.Founded.Date
		}
		return domain.Date{}
	}
	p.country = e.countries.find(q)
	p.twin = twinWord.MatchString(q) && e.twinQuestion(&p)
	p.twinStatus = p.twin && (p.hasTerm(p.tokens, "ruht", "ruhend", "ausgesetzt", "eingefroren", "suspend", "beendet", "paused") ||
		strings.Contains(strings.ToLower(q), "auf eis"))
	return &p, nil
}

// readNames keeps the names a question treats as names. A place called by
// an everyday word ("Wetter", "Lage", "Essen") counts only where the
// question treats it as a place: the whole question, "in/aus/nach X", its
// official form, or next to a network, membership or twinning word. The
// network "Städtepartnerschaften" named by that word alone, in a question
// about a place, a country or a figure, asks about twinnings instead.
func (e *Engine) readNames(p *parsed, q string) []domain.Mention {
	var kept []domain.Mention
	country := e.countries.find(q) != ""
	places := 0
	for _, m := range p.mentions {
		if m.Kind == "place" {
			places++
		}
	}
	for _, m := range p.mentions {
		switch {
		case m.Kind == "place" && e.base.Place(m.ID).Everyday && (m.Distance > 0 || !e.placeContext(p, m, q)):
			continue
		case m.Kind == "place" && m.Positions[0] > 0 && isRegionWord(p.tokens[m.Positions[0]-1].Raw) && e.isRegion(e.base.Place(m.ID).Name):
			continue // "Regierungsbezirk Köln": the region, read as a filter, not the city
		case m.Kind == "network" && m.ID == e.twinNetwork && onlyTwinWords(p, m) && !eventName(p, m) && !officeAttribute(p.attr) &&
			(places > 0 || country || p.has(intCount, intWhich)):
			continue
		}
		kept = append(kept, m)
	}
	return kept
}

// placeContext reports whether the question treats the words of m as a place.
func (e *Engine) placeContext(p *parsed, m domain.Mention, q string) bool {
	if len(m.Positions) > 1 {
		return true // "Wetter (Ruhr)", "Lage (Lippe)": the official form
	}
	pos := m.Positions[0]
	word := p.tokens[pos].Raw
	if pos > 0 {
		switch p.tokens[pos-1].Raw {
		case "stadt", "gemeinde", "kommune":
			return true // "gemeinde much"
		}
	}
	if regexp.MustCompile(`(?i)\b` + regexp.QuoteMeta(word) + `\s*\(`).MatchString(q) {
		return true // "Lage (Lippe)"
	}
	if pos > 0 && wordInLowerCase(q, word) {
		return false // "Welche Städte kamen 2024 dazu?": a verb, not Kamen
	}
	others := 0
	for _, t := range p.tokens {
		if !slices.Contains(m.Positions, t.Pos) {
			others++
		}
	}
	if others == 0 {
		return true // the whole question
	}
	if pos > 0 {
		switch p.tokens[pos-1].Raw {
		case "in", "aus", "nach", "bei", "von", "mit", "stadt", "gemeinde":
			return true
		}
	}
	if pos == 1 && p.yesNo {
		return true // "Ist Essen eine Engagierte Stadt?"
	}
	for _, o := range p.mentions {
		for _, op := range o.Positions {
			if o.Kind == "network" && (op == pos-1 || op == pos+1) {
				return true // "Engagierte Stadt Essen?"
			}
		}
	}
	return p.has(intMembers) || p.yesNo && p.hasTerm(p.tokens, "dabei", "mitglied") || twinWord.MatchString(p.question) ||
		p.hasTerm(p.tokens, "kreis", "regierungsbezirk", "liegt", "kreisfrei")
}

// eventName reports whether the words of m name an event: "Tag der
// Städtepartnerschaften", "Forum Städtepartnerschaften".
func eventName(p *parsed, m domain.Mention) bool {
	pos := m.Positions[0]
	for _, t := range p.tokens {
		if t.Pos == pos-1 && (t.Raw == "forum" || t.Raw == "der" && pos >= 2 && p.tokens[pos-2].Raw == "tag") {
			return true
		}
	}
	return false
}

// wordInLowerCase reports whether word is written in lower case in q, as
// verbs and adjectives are and German place names are not.
func wordInLowerCase(q, word string) bool {
	for _, f := range strings.FieldsFunc(q, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
		if strings.EqualFold(f, word) {
			return f == strings.ToLower(f)
		}
	}
	return false
}

// officeAttribute reports whether an attribute is one the Netzwerkstelle
// itself has ("Welche Fördermöglichkeiten gibt es für Städtepartnerschaften?").
func officeAttribute(attr string) bool {
	switch attr {
	case "programme", "funding", "event", "services", "data", "contact", "office", "chair", "carrier", "term":
		return true
	}
	return false
}

// isRegionWord reports whether a word introduces a Regierungsbezirk.
func isRegionWord(w string) bool {
	switch w {
	case "regierungsbezirk", "regierungsbezirks", "regbez", "rb", "bezirk":
		return true
	}
	return false
}

// isRegion reports whether name is a Regierungsbezirk of the base.
func (e *Engine) isRegion(name string) bool {
	for _, r := range e.vocab.regions {
		if r.state == name {
			return true
		}
	}
	return false
}

// onlyTwinWords reports whether a mention's words are all twinning words.
func onlyTwinWords(p *parsed, m domain.Mention) bool {
	for _, pos := range m.Positions {
		if r := p.tokens[pos].Raw; !twinWord.MatchString(r) && r != "nrw" {
			return false
		}
	}
	return true
}

// twinQuestion reports whether a question with a twinning word asks about
// twinnings, not about the Netzwerkstelle named by it.
func (e *Engine) twinQuestion(p *parsed) bool {
	for _, m := range p.mentions {
		if m.Kind == "network" {
			return false
		}
	}
	return true
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

// clip shortens user text for a log line to at most n runes.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// failed is the answer when the index itself failed: an internal error is
// logged, never shown.
func (e *Engine) failed(q string) domain.Answer {
	return domain.Answer{Query: q, Found: false, Kind: domain.KindNone, Failed: true,
		Title: "Das hat gerade nicht geklappt",
		Lead:  "Bei der Suche ist ein Fehler aufgetreten. Versuch es bitte gleich noch einmal."}
}
