package answer

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/engagiert/engagiert/internal/domain"
)

// intent is one thing a question can ask for. A question may carry several
// ("Was ist das Ziel und wann wurde es gegründet?").
type intent int

const (
	intHelp intent = iota
	intCount
	intWhen
	intWhere
	intWho
	intGoal
	intWhat
	intFounding
	intMembers
	intWhich
	intLink
	intCross
	intNetworks
	intNew
	intJoin
	numIntents
)

// phrases are the words that signal each intent, German first, then English.
// They are analysed with the same analyser as the questions, so "Städte" and
// "Stadt", "gegründet" and "gegruendet" match alike.
var phrases = map[intent][]string{
	intHelp:     {"hilfe", "help", "was kannst du", "wie funktioniert", "befehle", "commands", "anleitung"},
	intCount:    {"wie viele", "wieviele", "wie viel", "anzahl", "zahl", "how many", "number of", "count"},
	intWhen:     {"seit wann", "wann", "since when", "when", "welchem jahr", "what year", "datum", "date"},
	intWhere:    {"wo", "where", "an welchem ort", "ort der"},
	intWho:      {"wer", "who", "von wem", "sprecher", "initiiert"},
	intGoal:     {"ziel", "ziele", "zweck", "goal", "goals", "aim", "purpose", "worum", "anliegen", "aufgabe", "will", "wollen", "mission", "warum", "wozu", "why"},
	intWhat:     {"was ist", "was sind", "was macht", "was tut", "was bietet", "what is", "what does", "what are", "beschreibung", "erkläre", "erklär", "tell me", "about", "infos", "informationen", "überblick", "bedeutet", "bedeutung", "meaning", "means"},
	intFounding: {"gegründet", "gründung", "gründeten", "gründer", "founded", "founding", "entstanden", "gestartet", "ins leben", "seit wann gibt", "gibt es seit", "anfang", "beginn", "begann", "begonnen", "startete", "unterzeichnet", "unterzeichnung", "gründungsdatum", "gründungsjahr", "gründungsort"},
	intMembers:  {"mitglieder", "mitglied", "mitgliedsstädte", "members", "member", "teilnehmer", "liste", "list", "städte", "kommunen", "gemeinden", "orte", "cities", "towns", "municipalities", "gehören", "dabei", "part of", "belong", "mitgliedschaft", "mitgliedschaften", "membership"},
	intWhich:    {"welche", "welcher", "welches", "which", "alle", "all"},
	intLink:     {"link", "links", "website", "webseite", "homepage", "url", "internetseite", "internetadresse", "web", "adresse", "wo findet man", "wo finde ich", "where can i find"},
	intCross:    {"mehreren", "mehrere", "multiple", "several", "more than one", "beiden", "gleichzeitig", "mehr als einem", "mehr als einen", "überschneidungen", "both", "sowohl", "als auch"},
	intNetworks: {"netzwerke", "networks", "netzwerken", "übersicht", "overview", "kennst du", "weißt du", "know"},
	intJoin:     {"wie wird man", "wird man", "werden wir", "how to become", "voraussetzung", "voraussetzungen", "bedingung", "bedingungen", "mitmachen", "beitreten", "beitritt", "mitglied werden", "aufgenommen werden", "teilnehmen", "bewerben", "bewerbung", "bewerbungsfrist", "aufnahme", "join", "apply", "application", "requirements", "become a member"},
	intNew:      {"neu", "neue", "neuen", "kamen", "kam", "dazu", "hinzu", "beigetreten", "aufgenommen", "joined", "new", "neuzugänge", "neuzugang", "seit"},
}

// topicIntents ask for a kind of statement; their single words are searched
// in statements when no network is named.
var topicIntents = map[intent]bool{intFounding: true, intGoal: true, intJoin: true}

// fillers are words that carry no content of their own in a question.
var fillers = []string{"gab", "gibt", "geben", "gelten", "gilt", "liegen", "liegt", "heißt", "bitte", "zeig", "zeige",
	"nenne", "nenn", "sag", "sage", "mir", "uns", "mal", "eigentlich", "genau", "aktuell", "derzeit", "momentan", "heute",
	"there", "me", "show", "give", "tell", "please", "the", "of", "in", "is", "are", "a", "an", "and", "or", "to", "does", "do",
	"whats", "nrw", "stadt", "städte", "fand", "statt", "findet", "stattfinden", "fanden", "take", "place", "took",
	"stehen", "steht", "hinter", "dahinter", "beteiligt", "beteiligten",
	"erzähl", "erzähle", "etwas", "alles", "weißt", "weiß", "wissen", "kennst", "infos", "information",
	"you", "your", "i", "we", "can", "could", "would", "what", "which", "who", "it", "that", "this", "with",
	"for", "on", "at", "by", "from", "be", "been", "has", "have", "had", "any", "some", "know", "about", "all",
	"bundesland", "bundeslandes", "landkreis", "region"}

// memberWho are "wer"-questions that ask for members, not for people:
// "Wer ist bei RegioPole?", "Wer gehört zum Kommunen-Netzwerk?".
var memberWho = []string{"wer ist bei", "wer ist dabei", "wer gehört", "wer sind die mitglieder", "wer ist mitglied", "who is in", "who belongs"}

// synonyms are question words searched as the word statements use:
// "unterschrieben" finds "unterzeichneten".
var synonyms = map[string]string{
	"unterschrieben": "unterzeichnet", "unterschrift": "unterzeichnung", "unterschrieb": "unterzeichnet",
	"signed": "unterzeichnet", "leitet": "vorsitz", "leitung": "vorsitz", "leiter": "vorsitz", "leiterin": "vorsitz",
	"vorsitzender": "vorsitz", "vorsitzende": "vorsitz", "chair": "vorsitz", "chairs": "vorsitz", "chaired": "vorsitz",
	"leads": "vorsitz", "betreibt": "träger", "betreiber": "träger", "trägt": "träger", "runs": "träger",
	"sitz": "sitzt", "meeting": "netzwerktreffen", "treffen": "netzwerktreffen"}

// kindWords filter member lists by kind of place: "Welche Kreise ...?".
var kindWords = map[string]string{"kreis": "Kreis", "kreise": "Kreis", "landkreise": "Kreis", "landkreis": "Kreis",
	"districts": "Kreis"}

// founderWords filter member lists to founding members.
var founderWords = []string{"gründungsmitglieder", "gründungsmitglied", "gründungsstädte", "gründerstädte", "founding members", "founders"}

// englishStarts are first words that mark an English question.
var englishStarts = map[string]bool{"is": true, "are": true, "does": true, "do": true, "which": true, "what": true,
	"how": true, "who": true, "when": true, "where": true, "since": true, "show": true, "list": true, "tell": true}

// yesNoStarts are first words of a yes/no question.
var yesNoStarts = []string{"ist", "sind", "gehört", "gehören", "zählt", "is", "are", "does", "do", "hat", "liegt", "nimmt"}

// vocabulary is the analysed form of phrases and yesNoStarts.
type vocabulary struct {
	phrases [numIntents][][]string
	yesNo   map[string]bool
	words   map[string]bool // every term of every phrase: not content words
	states  []stateName
	topic   map[string]bool   // terms of topicIntents' phrases
	kinds   map[string]string // analysed kindWords
	founder [][]string        // analysed founderWords
	// districts are the Kreise of the base's places, longest name first.
	districts []stateName
	memberQ   [][]string // analysed memberWho
	// synonyms map a question word's term to the token statements use.
	synonyms map[string]domain.Token
}

type stateName struct {
	state string
	terms []string
}

func newVocabulary(s domain.Searcher, base *domain.Base) *vocabulary {
	v := &vocabulary{yesNo: map[string]bool{}, words: map[string]bool{}}
	termsOf := func(text string) []string {
		var out []string
		for _, t := range s.Tokens(text) {
			out = append(out, t.Term)
		}
		return out
	}
	v.topic = map[string]bool{}
	for in, list := range phrases {
		for _, p := range list {
			ts := termsOf(p)
			if len(ts) == 0 {
				continue
			}
			v.phrases[in] = append(v.phrases[in], ts)
			for _, t := range ts {
				v.words[t] = true
				if topicIntents[in] && len(ts) == 1 {
					v.topic[t] = true
				}
			}
		}
	}
	seen := map[string]bool{}
	for _, pl := range base.Places {
		if d := pl.District; d != "" && !strings.HasPrefix(d, "kreisfreie") && !seen[d] {
			seen[d] = true
			v.districts = append(v.districts, stateName{d, termsOf(d)})
		}
	}
	sort.Slice(v.districts, func(i, j int) bool {
		if len(v.districts[i].terms) != len(v.districts[j].terms) {
			return len(v.districts[i].terms) > len(v.districts[j].terms)
		}
		return v.districts[i].state < v.districts[j].state
	})
	for _, w := range memberWho {
		v.memberQ = append(v.memberQ, termsOf(w))
	}
	v.synonyms = map[string]domain.Token{}
	for from, to := range synonyms {
		ft, tt := s.Tokens(from), s.Tokens(to)
		if len(ft) == 1 && len(tt) == 1 {
			v.synonyms[ft[0].Term] = tt[0]
		}
	}
	v.kinds = map[string]string{}
	for w, k := range kindWords {
		for _, t := range termsOf(w) {
			v.kinds[t] = k
			v.words[t] = true
		}
	}
	for _, w := range founderWords {
		v.founder = append(v.founder, termsOf(w))
		for _, t := range termsOf(w) {
			v.words[t] = true
		}
	}
	for _, w := range fillers {
		for _, t := range termsOf(w) {
			v.words[t] = true
		}
	}
	for _, w := range yesNoStarts {
		for _, t := range termsOf(w) {
			v.yesNo[t] = true
			v.words[t] = true
		}
	}
	for _, st := range domain.States {
		v.states = append(v.states, stateName{st, termsOf(st)})
		for _, t := range termsOf(st) {
			v.words[t] = true // a Bundesland is no misspelt place: matched exactly
		}
	}
	for abbr, st := range domain.StateAbbreviations {
		v.states = append(v.states, stateName{st, termsOf(abbr)})
	}
	v.states = append(v.states,
		stateName{"Nordrhein-Westfalen", termsOf("North Rhine-Westphalia")},
		stateName{"Bayern", termsOf("Bavaria")}, stateName{"Hessen", termsOf("Hesse")},
		stateName{"Niedersachsen", termsOf("Lower Saxony")}, stateName{"Thüringen", termsOf("Thuringia")})
	return v
}

// parsed is what the engine understood of a question.
type parsed struct {
	question string // as typed, for quoting words back
	tokens   []domain.Token
	mentions []domain.Mention
	intents  [numIntents]bool
	yesNo    bool
	english  bool
	state    string // Bundesland filter
	stateTok *domain.Token
	year     int    // year filter
	kind     string // kind-of-place filter: "Kreis"
	district string // Kreis filter: "Ennepe-Ruhr-Kreis"
	founders bool   // only founding members
	yearTok  *domain.Token
	// content are the words that are neither names, question words nor stop
	// words: what a statement must share to count as an answer.
	content []domain.Token
	// topic are words that ask for a kind of statement ("Unterzeichnung",
	// "Ziel", "bewerben"): with no network named, statements are searched
	// for them.
	topic []domain.Token
	used  map[int]bool
}

func (v *vocabulary) parse(tokens []domain.Token, mentions []domain.Mention) parsed {
	p := parsed{tokens: tokens, mentions: mentions, used: map[int]bool{}}
	for _, m := range mentions {
		for _, pos := range m.Positions {
			p.used[pos] = true
		}
	}
	free := make([]domain.Token, 0, len(tokens))
	for _, t := range tokens {
		if !p.used[t.Pos] {
			free = append(free, t)
		}
	}
	for in := intent(0); in < numIntents; in++ {
		for _, ph := range v.phrases[in] {
			if containsPhrase(free, ph) {
				p.intents[in] = true
				break
			}
		}
	}
	for _, ph := range v.memberQ {
		if containsPhrase(free, ph) {
			p.intents[intWho] = false
			p.intents[intMembers] = true
		}
	}
	// "Wo findet man Infos …?" asks for a link, not a place.
	if p.intents[intLink] && p.intents[intWhere] {
		p.intents[intWhere] = false
	}
	if len(tokens) > 0 {
		p.yesNo = v.yesNo[tokens[0].Term]
		p.english = englishStarts[tokens[0].Raw]
	}
	for _, st := range v.states {
		if containsPhrase(free, st.terms) {
			p.state = st.state
			for _, t := range free {
				for _, term := range st.terms {
					if t.Term == term {
						p.used[t.Pos] = true
						if p.stateTok == nil {
							tok := t
							p.stateTok = &tok
						}
					}
				}
			}
			break
		}
	}
	for _, d := range v.districts {
		if len(d.terms) > 0 && containsPhrase(free, d.terms) {
			p.district = d.state
			for _, t := range free {
				if slices.Contains(d.terms, t.Term) {
					p.used[t.Pos] = true
				}
			}
			break
		}
	}
	for _, t := range free {
		if k, ok := v.kinds[t.Term]; ok && !p.used[t.Pos] {
			p.kind = k
		}
	}
	for _, ph := range v.founder {
		if containsPhrase(free, ph) {
			p.founders = true
			p.intents[intMembers] = true
		}
	}
	for _, t := range free {
		if y, err := strconv.Atoi(t.Term); err == nil && len(t.Term) == 4 && y >= 1900 && y <= 2100 {
			p.year = y
			p.used[t.Pos] = true
			tok := t
			p.yearTok = &tok
		}
	}
	named := map[string]bool{} // terms of the names found: a repeat is no content
	for _, t := range tokens {
		if p.used[t.Pos] {
			named[t.Term] = true
		}
	}
	for _, t := range free {
		switch {
		case p.used[t.Pos] || t.Stop || named[t.Term]:
		case !v.words[t.Term]:
			if syn, ok := v.synonyms[t.Term]; ok {
				syn.Pos, syn.Raw = t.Pos, t.Raw
				t = syn
			}
			p.content = append(p.content, t)
		case v.topic[t.Term]:
			p.topic = append(p.topic, t)
		}
	}
	return p
}

// containsPhrase reports whether the phrase's terms occur consecutively.
func containsPhrase(tokens []domain.Token, phrase []string) bool {
	if len(phrase) == 0 {
		return false
	}
outer:
	for i := range tokens {
		if i+len(phrase) > len(tokens) {
			return false
		}
		for j, term := range phrase {
			if tokens[i+j].Term != term || (j > 0 && tokens[i+j].Pos != tokens[i+j-1].Pos+1) {
				continue outer
			}
		}
		return true
	}
	return false
}

// filtered reports whether the question narrows a member list.
func (p parsed) filtered() bool {
	return p.state != "" || p.year != 0 || p.kind != "" || p.founders || p.district != ""
}

// keep reports whether a place (and its membership, when given) passes the
// question's filters.
func (p parsed) keep(pl *domain.Place, m *domain.Membership) bool {
	switch {
	case p.state != "" && pl.State != p.state:
		return false
	case p.kind != "" && pl.Kind != p.kind:
		return false
	case p.district != "" && pl.District != p.district:
		return false
	case m != nil && p.year != 0 && m.Since.Year != p.year:
		return false
	case m != nil && p.founders && !strings.Contains(strings.ToLower(m.Role), "gründungsmitglied"):
		return false
	}
	return true
}

// filterNames describe the filters for titles: "aus Bayern", "dazugekommen 2022".
func (p parsed) filterNames() []string {
	var out []string
	if p.state != "" {
		out = append(out, "aus "+p.state)
	}
	if p.district != "" {
		out = append(out, "im "+p.district)
	}
	if p.kind != "" {
		out = append(out, "nur "+p.kind+"e") // Kreis -> Kreise, the one kind filtered by
	}
	if p.year != 0 {
		out = append(out, fmt.Sprintf("dazugekommen %d", p.year))
	}
	if p.founders {
		out = append(out, "Gründungsmitglieder")
	}
	return out
}

// searchTerms are the words statements are searched with: the content words
// and the year, which statements often name ("Im Juni 2022 ...").
func (p parsed) searchTerms() []domain.Token {
	if p.yearTok == nil {
		return p.content
	}
	return append(append([]domain.Token(nil), p.content...), *p.yearTok)
}

// topicTerms are the words statements are searched with when no network is
// named: searchTerms, or the topic words when there are none, and a
// Bundesland's name, which statements use as a place ("in Berlin").
func (p parsed) topicTerms() []domain.Token {
	terms := p.searchTerms()
	if len(p.content) == 0 {
		terms = append([]domain.Token(nil), p.topic...)
		if p.yearTok != nil {
			terms = append(terms, *p.yearTok)
		}
	}
	if p.stateTok != nil && len(terms) > 0 {
		terms = append(terms, *p.stateTok)
	}
	return terms
}

func (p parsed) has(in ...intent) bool {
	for _, i := range in {
		if p.intents[i] {
			return true
		}
	}
	return false
}

func (p parsed) places() []string   { return p.ids("place") }
func (p parsed) networks() []string { return p.ids("network") }

func (p parsed) ids(kind string) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range p.mentions {
		if m.Kind == kind && !seen[m.ID] {
			seen[m.ID] = true
			out = append(out, m.ID)
		}
	}
	return out
}
