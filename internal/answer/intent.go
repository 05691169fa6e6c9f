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
	intCount:    {"wie groß", "how big", "wie viele", "wieviele", "wie viel", "anzahl", "zahl", "how many", "number of", "count"},
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
	"zwei", "drei", "vier", "irgendwo", "irgendwie", "überhaupt", "denn", "schon", "noch", "gerade", "jetzt", "halt", "eben", "wohl", "ungefähr",
	"etwa", "ganz", "wirklich", "vielleicht", "bereits", "immer", "wieder", "auch", "nun", "mittlerweile", "inzwischen", "zurzeit",
	"bundesland", "bundeslandes", "landkreis", "region", "regierungsbezirk", "regierungsbezirks", "bezirk", "kreis", "kreises"}

// memberWho are "wer"-questions that ask for members, not for people:
// "Wer ist bei RegioPole?", "Wer gehört zum Kommunen-Netzwerk?".
var memberWho = []string{"wer ist im", "wer ist in der", "wer ist in dem", "wer macht mit", "wer alles", "wer ist bei", "wer ist dabei", "wer gehört", "wer sind die mitglieder", "wer ist mitglied", "who is in", "who belongs"}

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
var yesNoStarts = []string{"ist", "sind", "gehört", "gehören", "zählt", "is", "are", "does", "do", "hat", "liegt", "nimmt",
	"kann", "können", "darf", "dürfen", "muss", "müssen", "can", "may"}

// attributeWords map the words of a question to the attribute it asks
// about, German and English. Where several match, the first attribute in
// this list wins: the more specific ones come first.
var attributeWords = []struct {
	attr  string
	words []string
}{
	{"cost", []string{"kostet", "kosten", "kostenlos", "kostenpflichtig", "beitrag", "mitgliedsbeitrag", "jahresbeitrag", "gebühr", "gebühren", "fee", "fees", "cost", "costs", "price", "preis", "umsonst", "gratis", "zahlen", "kostenfrei"}},
	{"initiator", []string{"aufgebaut", "aufgebaute", "initiiert", "initiierte", "initiator", "initiatoren", "initiatorin", "ins leben gerufen", "angestoßen", "initiated", "initiative", "angeregt"}},
	{"speakers", []string{"sprecher", "sprecherin", "sprecherinnen", "sprecherteam", "speaker", "speakers", "spokesperson", "sprechen für"}},
	{"chair", []string{"vorsitz", "vorsitzender", "vorsitzende", "vorsitzt", "leitet", "leitung", "leiter", "leiterin", "chair", "chairs", "chaired", "chairman", "federführung", "spitze", "heads", "head", "leads", "geleitet"}},
	{"carrier", []string{"steckt hinter", "stecken hinter", "steckt dahinter", "who is behind", "träger", "trägerin", "trägt", "betreibt", "betreiber", "betrieben", "runs", "operated", "operator", "getragen"}},
	{"funding", []string{"gefördert", "förderung", "finanziert", "finanzierung", "fördert", "förderer", "geldgeber", "funded", "funding", "funder", "funds", "bezahlt", "auftraggeber", "auftrag"}},
	{"programme", []string{"fördergeld", "fördergelder", "fördermöglichkeiten", "fördermöglichkeit", "fördertopf", "geld", "förderprogramm", "förderprogramme", "fördermittel", "zuschuss", "zuschüsse", "wettbewerb", "fördertöpfe", "grants", "grant", "förderprogrammen"}},
	{"office", []string{"geschäftsstelle", "sitz", "sitzt", "büro", "office", "seat", "headquarters", "ansässig"}},
	{"contact", []string{"kontakt", "ansprechpartner", "ansprechpartnerin", "e-mail", "email", "mail", "telefon", "contact", "kontaktieren", "melden"}},
	{"outcome", []string{"gebracht", "erreicht", "wirkung", "ergebnis", "ergebnisse", "erfolg", "erfolge", "bilanz", "outcome", "outcomes", "achieved", "results", "impact", "bewirkt", "geschafft", "erfolgreich"}},
	{"eligibility", []string{"einwohner", "einwohnern", "einwohnerzahl", "wie groß muss", "wie groß darf", "groß sein", "mindestens", "höchstens", "darf", "dürfen", "eligible", "eligibility", "kriterien", "teilnahmebedingungen", "zugelassen", "infrage", "inhabitants"}},
	{"event", []string{"tag der", "reallabor", "stammtisch", "stammtische", "werkstattgespräch", "auftakt", "auftaktveranstaltung", "fachaustausch", "veranstaltung", "veranstaltungen", "tagung", "konferenz", "forum", "event", "events", "kongress", "termin", "termine", "nächste", "nächster", "nächstes", "stattgefunden", "teilnehmende"}},
	{"services", []string{"bringt", "bringen", "vorteil", "vorteile", "nutzen", "mehrwert", "lohnt", "profitieren", "angebote", "angebot", "bietet", "leistungen", "services", "offers", "formate", "hilft", "unterstützt", "unterstützung", "beratung", "dienstleistungen"}},
	{"data", []string{"datenbank", "daten", "database", "verzeichnis", "übersicht aller"}},
	{"term", []string{"laufzeit", "befristet", "projektlaufzeit", "term"}},
	{"history", []string{"entwicklung", "geschichte", "history", "verlauf", "gewachsen", "entwickelt", "früher", "frühere"}},
	{"states", []string{"bundesländer", "bundesländern", "länder", "ländern", "states"}},
	{"goal", []string{"verbindet", "verbinden", "ziel", "ziele", "zweck", "wofür", "einsetzen", "setzt sich", "setzen sich", "anliegen", "aim", "aims", "goal", "goals", "purpose", "mission", "worum", "wozu", "stehen für", "steht für", "stand for", "stands for", "wollen", "will"}},
	{"join", []string{"mitmachen", "beitreten", "beitritt", "mitglied werden", "aufgenommen werden", "bewerben", "bewerbung", "aufnahme", "join", "apply", "application", "become a member", "voraussetzung", "voraussetzungen", "bedingungen", "requirements"}},
	{"website", []string{"website", "webseite", "homepage", "url", "internetseite", "internetadresse", "link", "links", "web"}},
}

// compareWords mark a comparison and its direction.
var compareWords = map[string]string{
	"älter": "oldest", "früher": "oldest", "länger": "oldest", "older": "oldest", "earlier": "oldest", "longer": "oldest",
	"jünger": "newest", "später": "newest", "neuer": "newest", "younger": "newest", "newer": "newest", "later": "newest",
	"größer": "largest", "mehr": "largest", "bigger": "largest", "larger": "largest", "more": "largest",
	"kleiner": "smallest", "weniger": "smallest", "smaller": "smallest", "fewer": "smallest",
	"vergleich": "", "vergleiche": "", "vergleichen": "", "unterschied": "", "versus": "", "vs": "", "compare": "", "difference": "",
}

// mostWords mark a superlative and its direction.
var mostWords = map[string]string{
	"älteste": "oldest", "ältesten": "oldest", "ältestes": "oldest", "ältester": "oldest", "längsten": "oldest", "frühesten": "oldest", "oldest": "oldest", "longest": "oldest", "earliest": "oldest",
	"jüngste": "newest", "jüngsten": "newest", "jüngstes": "newest", "jüngster": "newest", "neueste": "newest", "neuesten": "newest", "neuestes": "newest", "neuster": "newest", "neuste": "newest", "neusten": "newest",
	"zuletzt": "newest", "letzte": "newest", "letzten": "newest", "letztes": "newest", "newest": "newest", "latest": "newest", "youngest": "newest", "recent": "newest",
	"größte": "largest", "größten": "largest", "größtes": "largest", "meisten": "largest", "largest": "largest", "biggest": "largest", "most": "largest",
	"kleinste": "smallest", "kleinsten": "smallest", "kleinstes": "smallest", "smallest": "smallest", "fewest": "smallest",
}

// kreisfreiWords filter by whether a town belongs to a Kreis.
var kreisfreiWords = map[string]string{"kreisfrei": "ja", "kreisfreie": "ja", "kreisfreien": "ja", "kreisfreier": "ja",
	"kreisangehörig": "nein", "kreisangehörige": "nein", "kreisangehörigen": "nein"}

// yearOps read "vor 2020", "nach 2020", "before 2020", "after 2020".
var yearOps = map[string]string{"vor": "before", "bis": "before", "before": "before", "nach": "after", "after": "after"}

// inclusive words before a year say it is included, not that it filters:
// "alle, auch die Neuen von 2024".
var inclusive = map[string]bool{"nicht": true, "auch": true, "inklusive": true, "inkl": true, "einschließlich": true, "samt": true,
	"including": true, "also": true, "plus": true}

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
	attrs    []attrPhrases
	compare  map[string]string // term -> direction
	most     map[string]string
	kfrei    map[string]string
	yearOps  map[string]string
	incl     map[string]bool
	// regions are the Regierungsbezirke of the base's places.
	regions []stateName
}

type attrPhrases struct {
	attr    string
	phrases [][]string
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
	for _, aw := range attributeWords {
		ap := attrPhrases{attr: aw.attr}
		for _, w := range aw.words {
			if ts := termsOf(w); len(ts) > 0 {
				ap.phrases = append(ap.phrases, ts)
			}
		}
		v.attrs = append(v.attrs, ap)
	}
	// Comparison words are matched as typed (folded): stemmed, "neuer"
	// would be "neu" and "älter" "alt".
	single := func(m map[string]string) map[string]string {
		out := map[string]string{}
		for w, x := range m {
			out[w], out[fold(w)] = x, x
		}
		return out
	}
	v.compare, v.most, v.kfrei = single(compareWords), single(mostWords), single(kreisfreiWords)
	v.yearOps = map[string]string{}
	for w, x := range yearOps {
		for _, t := range termsOf(w) {
			v.yearOps[t] = x
		}
	}
	v.incl = map[string]bool{}
	for w := range inclusive {
		for _, t := range termsOf(w) {
			v.incl[t] = true
			v.words[t] = true
		}
	}
	seenRegion := map[string]bool{}
	for _, pl := range base.Places {
		if r := pl.Region; r != "" && !seenRegion[r] {
			seenRegion[r] = true
			v.regions = append(v.regions, stateName{r, termsOf(r)})
		}
	}
	for abbr, st := range domain.StateAbbreviations {
		v.states = append(v.states, stateName{st, termsOf(abbr)})
	}
	v.states = append(v.states,
		stateName{"Nordrhein-Westfalen", termsOf("North Rhine-Westphalia")},
		stateName{"Bayern", termsOf("Bavaria")}, stateName{"Hessen", termsOf("Hesse")},
		stateName{"Niedersachsen", termsOf("Lower Saxony")}, stateName{"Thüringen", termsOf("Thuringia")})
	// Longer names first: "Sachsen-Anhalt" is not "Sachsen".
	sort.SliceStable(v.states, func(i, j int) bool { return len(v.states[i].terms) > len(v.states[j].terms) })
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

	// attr is the attribute asked about ("cost", "chair"), attrPos the
	// positions of the words that said so.
	attr    string
	attrPos map[int]bool
	// skip are words read as comparisons or filters: no content.
	skip map[int]bool
	// compare and most mark comparisons and superlatives, most their direction.
	compare bool
	most    string
	// kreisfrei is "ja" or "nein" when the question filters on it.
	kreisfrei string
	yearOp    string // "before", "after" or "" (joined in that year)
	region    string // Regierungsbezirk filter
	newest    bool
	country   string
	// twin marks a question about town twinnings, twinStatus one about
	// the ruhenden or suspended ones.
	twin, twinStatus bool
	// cross marks a question across networks: "in mehreren Netzwerken".
	cross bool
	// passingYear marks a year mentioned in passing: "auch die Neuen von 2024".
	passingYear bool
	// foundedOf gives a network's founding date, for founding members.
	foundedOf func(network string) domain.Date
	// memberWho marks a "wer" that asks for members: "Wer ist dabei?".
	memberWho bool
	// notState negates the Bundesland filter: "außerhalb von NRW".
	notState bool
	// afterQuestion is the first position after the question's "?": a year
	// in a sentence after it is context, not a filter.
	afterQuestion int
	// subjects are the frame's subjects once it is final: a follow-up may
	// have taken them from the previous question.
	subjects []Subject
	framed   bool
}

func (v *vocabulary) parse(tokens []domain.Token, mentions []domain.Mention, afterQuestion int) parsed {
	p := parsed{tokens: tokens, mentions: mentions, used: map[int]bool{}, afterQuestion: afterQuestion}
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
			p.memberWho = true
		}
	}
	// "Wo findet man Infos …?" asks for a link, not a place.
	if p.intents[intLink] && p.intents[intWhere] {
		p.intents[intWhere] = false
	}
	if len(tokens) > 0 {
		// "Kann ich ..., wer ...?" asks who, not yes or no.
		p.yesNo = v.yesNo[tokens[0].Term] && !p.has(intWho, intWhen, intWhere, intWhich, intCount)
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
	for i, t := range free {
		if y, err := strconv.Atoi(t.Term); err == nil && len(t.Term) == 4 && y >= 1900 && y <= 2100 {
			p.used[t.Pos] = true
			tok := t
			p.yearTok = &tok
			passing := false
			for j := max(0, i-4); j < i; j++ {
				passing = passing || v.incl[free[j].Term]
			}
			if passing || (p.afterQuestion > 0 && t.Pos >= p.afterQuestion) {
				p.passingYear = true
				continue // "auch die Neuen von 2024": all, the new ones included
			}
			p.year = y
			if i > 0 {
				p.yearOp = v.yearOps[free[i-1].Term]
			}
		}
	}
	p.attrPos = map[int]bool{}
	for _, ap := range v.attrs {
		for _, ph := range ap.phrases {
			if pos := phrasePositions(free, ph); pos != nil {
				if p.attr == "" {
					p.attr = ap.attr
				}
				if p.attr == ap.attr {
					for _, x := range pos {
						p.attrPos[x] = true
					}
				}
			}
		}
	}
	p.notState = p.state != "" && p.hasTerm(free, "ausserhalb", "auserhalb", "outsid", "ausser")
	for i, t := range free {
		switch t.Raw {
		case "mehreren", "mehrere", "multiple", "several", "beiden", "both", "sowohl", "gleichzeitig", "überschneidungen":
			p.cross = true
		case "mehr":
			p.cross = p.cross || (i+2 < len(free) && free[i+1].Raw == "als" && strings.HasPrefix(free[i+2].Raw, "ein"))
		}
	}
	if p.notState {
		for _, t := range free {
			if strings.HasPrefix(fold(t.Raw), "ausserhalb") || t.Raw == "outside" {
				p.used[t.Pos] = true
			}
		}
	}
	p.skip = map[int]bool{}
	for _, t := range free {
		if dir, ok := v.compare[t.Raw]; ok {
			p.compare, p.skip[t.Pos] = true, true
			if p.most == "" {
				p.most = dir
			}
		}
	}
	for _, t := range free {
		if dir, ok := v.most[t.Raw]; ok && !p.compare {
			p.most, p.skip[t.Pos] = dir, true
		}
		if k, ok := v.kfrei[t.Raw]; ok {
			p.kreisfrei, p.skip[t.Pos] = k, true
		}
	}
	for _, r := range v.regions {
		if len(r.terms) > 0 && containsPhrase(free, r.terms) && p.hasTerm(free, "regierungsbezirk", "bezirk", "rb", "bezirksregierung", "regbez") {
			p.region = r.state
			for _, t := range free {
				if slices.Contains(r.terms, t.Term) {
					p.used[t.Pos] = true
				}
			}
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
		case p.used[t.Pos] || t.Stop || named[t.Term] || p.skip[t.Pos]:
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

// asksHistory reports whether a question asks for everything so far:
// "bisher", "nacheinander", "all".
func (p *parsed) asksHistory() bool {
	return p.hasRaw("bisher", "nacheinand", "reihenfolg", "history", "so far", "vorher", "zuvor", "alle", "all")
}

// sharesWords reports whether a text has one of the question's content
// words ("Spitzenjahr", "1989"), folded.
func (p *parsed) sharesWords(text string) bool {
	tw := words(text)
	for _, t := range p.content {
		w := fold(t.Raw)
		if len(w) < 4 || strings.Contains(w, "partner") {
			continue
		}
		for _, x := range tw {
			if strings.HasPrefix(x, w) {
				return true
			}
		}
	}
	return p.yearTok != nil && strings.Contains(text, p.yearTok.Raw)
}

// attrWords are the question's words that named its attribute, folded.
func (p *parsed) attrWords() []string {
	var out []string
	for _, t := range p.tokens {
		if p.attrPos[t.Pos] && len(t.Raw) >= 4 {
			out = append(out, fold(t.Raw))
		}
	}
	return out
}

// onlyAttributeWords reports whether the question's content words are all
// words that name its attribute ("Vorsitz"): nothing else to match on.
func (p *parsed) onlyAttributeWords() bool {
	for _, t := range p.content {
		if !p.attrPos[t.Pos] {
			return false
		}
	}
	return true
}

// phrasePositions returns the positions of the phrase's terms where they
// occur consecutively, or nil.
func phrasePositions(tokens []domain.Token, phrase []string) []int {
outer:
	for i := range tokens {
		if i+len(phrase) > len(tokens) {
			return nil
		}
		for j, term := range phrase {
			if tokens[i+j].Term != term || (j > 0 && tokens[i+j].Pos != tokens[i+j-1].Pos+1) {
				continue outer
			}
		}
		pos := make([]int, len(phrase))
		for j := range phrase {
			pos[j] = tokens[i+j].Pos
		}
		return pos
	}
	return nil
}

// hasRaw reports whether a word as typed (folded) begins with one of the
// prefixes: for words the stemmer shortens unpredictably ("nächste").
func (p *parsed) hasRaw(prefixes ...string) bool {
	for _, t := range p.tokens {
		f := fold(t.Raw)
		for _, pre := range prefixes {
			if strings.HasPrefix(f, pre) {
				return true
			}
		}
	}
	return false
}

// freeTokens are the tokens no name was matched on.
func (p *parsed) freeTokens() []domain.Token {
	var out []domain.Token
	for _, t := range p.tokens {
		if !p.used[t.Pos] {
			out = append(out, t)
		}
	}
	return out
}

// hasTerm reports whether one of the words (analysed as names are) occurs.
func (p *parsed) hasTerm(tokens []domain.Token, words ...string) bool {
	for _, t := range tokens {
		for _, w := range words {
			if strings.HasPrefix(t.Term, w) {
				return true
			}
		}
	}
	return false
}

// containsPhrase reports whether the phrase's terms occur consecutively.
func containsPhrase(tokens []domain.Token, phrase []string) bool {
	return len(phrase) > 0 && phrasePositions(tokens, phrase) != nil
}

// filtered reports whether the question narrows a member list.
func (p parsed) filtered() bool {
	return p.state != "" || p.year != 0 || p.kind != "" || p.founders || p.district != "" || p.kreisfrei != "" || p.region != ""
}

// keep reports whether a place (and its membership, when given) passes the
// question's filters.
func (p parsed) keep(pl *domain.Place, m *domain.Membership) bool {
	switch {
	case p.state != "" && !p.notState && pl.State != p.state, p.state != "" && p.notState && pl.State == p.state:
		return false
	case p.kind != "" && pl.Kind != p.kind:
		return false
	case p.district != "" && !strings.EqualFold(pl.District, p.district) && !strings.EqualFold(pl.Name, p.district):
		return false // the Kreis itself counts as in it: "Welche Kommunen im Kreis Lippe?"
	case p.kreisfrei == "ja" && pl.District != "kreisfreie Stadt", p.kreisfrei == "nein" && (pl.District == "kreisfreie Stadt" || pl.District == ""):
		return false
	case p.region != "" && (pl.Region != p.region || pl.Kind == "Regierungsbezirk"):
		return false
	case m != nil && p.year != 0 && !yearKeeps(m.Since.Year, p.year, p.yearOp):
		return false
	case m != nil && !m.Until.IsZero():
		return false // a former member is no member
	case m != nil && p.founders && !isFounder(m, p.founded(m.Network)):
		return false
	}
	return true
}

// isFounder reports whether a membership is a founding one: its role says
// so, or it joined when the network began (the Erstunterzeichner).
func isFounder(m *domain.Membership, founded domain.Date) bool {
	r := strings.ToLower(m.Role + " " + m.Note)
	return strings.Contains(r, "gründungsmitglied") || strings.Contains(r, "erstunterzeichn") || strings.Contains(r, "gründungsstadt") ||
		(!m.Since.IsZero() && m.Since == founded)
}

// founded is the founding date of a network, as the engine knows it.
func (p parsed) founded(network string) domain.Date {
	if p.foundedOf == nil {
		return domain.Date{}
	}
	return p.foundedOf(network)
}

// yearKeeps reports whether a joining year passes a year filter.
func yearKeeps(joined, year int, op string) bool {
	switch op {
	case "before":
		return joined != 0 && joined < year
	case "after":
		return joined > year
	}
	return joined == year
}

// filterNames describe the filters for titles: "aus Bayern", "dazugekommen 2022".
func (p parsed) filterNames() []string {
	if p.english {
		return p.filterNamesEN()
	}
	var out []string
	if p.state != "" && p.notState {
		out = append(out, "außerhalb von "+p.state)
	} else if p.state != "" {
		out = append(out, "aus "+p.state)
	}
	if p.district != "" {
		out = append(out, inDistrict(p.district))
	}
	if p.kind != "" {
		out = append(out, "nur "+p.kind+"e") // Kreis -> Kreise, the one kind filtered by
	}
	if p.kreisfrei == "ja" {
		out = append(out, "nur kreisfreie Städte")
	} else if p.kreisfrei == "nein" {
		out = append(out, "nur kreisangehörige")
	}
	if p.region != "" {
		out = append(out, "im Regierungsbezirk "+p.region)
	}
	switch {
	case p.year != 0 && p.yearOp == "before":
		out = append(out, fmt.Sprintf("dazugekommen vor %d", p.year))
	case p.year != 0 && p.yearOp == "after":
		out = append(out, fmt.Sprintf("dazugekommen nach %d", p.year))
	case p.year != 0:
		out = append(out, fmt.Sprintf("dazugekommen %d", p.year))
	}
	if p.founders {
		out = append(out, "Gründungsmitglieder")
	}
	return out
}

// filterNamesEN are filterNames for English answers.
func (p parsed) filterNamesEN() []string {
	var out []string
	switch {
	case p.state != "" && p.notState:
		out = append(out, "outside "+p.state)
	case p.state != "":
		out = append(out, "from "+p.state)
	}
	if p.district != "" {
		out = append(out, "in "+p.district)
	}
	if p.region != "" {
		out = append(out, "in the Regierungsbezirk "+p.region)
	}
	if p.kind != "" {
		out = append(out, "Kreise only")
	}
	switch p.kreisfrei {
	case "ja":
		out = append(out, "kreisfreie Städte only")
	case "nein":
		out = append(out, "towns in a Kreis only")
	}
	if p.year != 0 {
		out = append(out, map[string]string{"": "joined in ", "before": "joined before ", "after": "joined after "}[p.yearOp]+strconv.Itoa(p.year))
	}
	if p.founders {
		out = append(out, "founding members")
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
