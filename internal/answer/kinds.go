package answer

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/words"
)

// kind is one kind of question: what it answers, examples people type, when
// it applies (a match on the frame, nothing else) and how it is answered
// (from the frame and the base). Help on every surface, the App Home
// examples and the README's table come from kinds.
type kind struct {
	Name     string
	What     string // in German, for help
	WhatEN   string // in English, for help to English questions
	Examples []string
	// ExampleEN is the first example in English, for help to English
	// questions.
	ExampleEN string
	// InHelp puts the kind into the short help answer; every kind with
	// examples is in the README and on App Home.
	InHelp bool
	// Stated kinds answer from the base's structure (lists, counts,
	// ranks), which has no place for a word only statements have: where
	// the question has such words and a statement has them all, the
	// statement answers ("Wie viele Partnerschaften listet der RGRE?").
	// Any other kind gives way too where the question has two or more
	// words only a few statements share (Engine.stronglyStated).
	Stated bool
	match  func(e *Engine, f Frame) bool
	answer func(e *Engine, ctx context.Context, f Frame) (domain.Answer, error)
}

// kinds is the table every question is routed by: the first kind whose
// match holds answers it. The order is the order of specificity:
//
//  1. help and chatter, then questions about something the base does not
//     know (an unknown name): they are answered as such before anything
//     could stand in for them;
//  2. what a question is about when its subjects do not say it:
//     twinnings, NRW's municipalities;
//  3. comparisons, superlatives and the chair before or after someone,
//     which name several subjects but ask one thing about them;
//  4. a place and a network together (membership: yes/no, since when);
//  5. places alone (what they are, their networks, what is asked of them);
//  6. a yes/no question naming a network and an unknown place;
//  7. networks: a property asked (attribute), a count, a list, or the
//     network in short — in that order, because "Wie viele Mitglieder …?"
//     and "Was kostet die Mitgliedschaft?" name members but ask something
//     else;
//  8. questions naming no subject: across networks, joining, a
//     Bundesland, filtered lists, the overview, an attribute of any
//     network;
//  9. last, statements sharing the question's words, or "nichts dazu".
//
// Kinds without examples are not shown in help: they are refinements of a
// kind that is. To add a kind: write its answer function, add an entry
// here at the place its specificity says, give it examples (TestKindExamples
// checks they route to it) and add golden frames (testdata/frames.golden).
var kinds []kind

func init() {
	kinds = []kind{
		{Name: "help", What: "Hilfe: was ich kann", WhatEN: "Help: what I can do", Examples: []string{"hilfe"},
			match:  func(_ *Engine, f Frame) bool { return f.Op == OpHelp },
			answer: func(e *Engine, _ context.Context, f Frame) (domain.Answer, error) { return e.help(f.English), nil }},
		{Name: "chatter",
			match:  func(_ *Engine, f Frame) bool { return f.Op == OpChatter },
			answer: func(e *Engine, _ context.Context, f Frame) (domain.Answer, error) { return e.chatter(f), nil }},
		{Name: "unknown-member", // "Ist Musterhausen eine Engagierte Stadt?"
			match: func(_ *Engine, f Frame) bool {
				return f.Unknown != "" && f.count(SubjectNetwork) > 0 && f.count(SubjectPlace) == 0 && f.Op == OpYesNo && !attrSpecific(f)
			},
			answer: (*Engine).unknownMember},
		{Name: "unknown-in-network", // "Wer ist Maria Schneidermann von der Netzwerkstelle?"
			match: func(_ *Engine, f Frame) bool {
				return f.Unknown != "" && f.count(SubjectNetwork) > 0 && f.count(SubjectPlace) == 0 && f.Op == OpWho && !attrSpecific(f)
			},
			answer: func(e *Engine, _ context.Context, f Frame) (domain.Answer, error) {
				return e.noInfoWords(e.base.Network(f.networks()[0]), f), nil
			}},
		{Name: "unknown", // "Musterhausen", "klimafreundliche Kommunen"
			match: func(_ *Engine, f Frame) bool {
				return f.Unknown != "" && len(f.Subjects) == 0 && f.About != AboutTwinnings && f.About != AboutAreas && f.Filters.IsZero()
			},
			answer: (*Engine).unknown},
		{Name: "twinnings-unknown", Stated: true, // "What are Hamburg's twin cities?"
			match: func(_ *Engine, f Frame) bool {
				return f.About == AboutTwinnings && f.Unknown != "" && f.count(SubjectPlace) == 0
			},
			answer: func(e *Engine, _ context.Context, f Frame) (domain.Answer, error) {
				return domain.Answer{Found: false, Kind: domain.KindNone, English: f.English, Title: say(f.English, "nothing.title"),
					Lead: say(f.English, "twin.none", f.unknownName(), ""), Links: []domain.Link{rgre(f.English)}}, nil
			}},
		{Name: "twinnings", InHelp: true, ExampleEN: "Which twin towns does Bielefeld have?", What: "Städtepartnerschaften eines Orts, auch in einem Land, seit wann",
			WhatEN:   "Town twinnings of a place, in a country, since when",
			Examples: []string{"Welche Partnerstädte hat Bielefeld?", "Hat Gladbeck eine Partnerstadt in Polen?", "Welche Partnerschaft von Münster ist die älteste?"},
			match: func(_ *Engine, f Frame) bool {
				return f.About == AboutTwinnings && f.count(SubjectPlace) > 0 && f.Op != OpCompare
			},
			answer: (*Engine).twinnings},
		{Name: "twinned-in", Stated: true, What: "NRW-Kommunen mit Partnern in einem Land", WhatEN: "NRW places twinned with a country",
			Examples: []string{"Welche NRW-Städte haben Partner in Frankreich?"},
			match: func(_ *Engine, f Frame) bool {
				return f.About == AboutTwinnings && f.count(SubjectPlace) == 0 && (f.Filters.Country != "" || f.Filters.Area != "" && f.Op == OpList) &&
					f.Op != OpCount && f.Op != OpMost
			},
			answer: (*Engine).twinnedIn},
		{Name: "twinning-ranks", Stated: true, What: "Städtepartnerschaften: die meisten, die älteste, Vergleiche", WhatEN: "Twinnings: the most, the oldest, comparisons",
			Examples: []string{"Welche Stadt hat die meisten Partnerstädte?", "Welches ist die älteste Städtepartnerschaft in NRW?", "Hat Köln mehr Partnerstädte als Bonn?"},
			match: func(_ *Engine, f Frame) bool {
				return f.About == AboutTwinnings && (f.Op == OpMost && f.count(SubjectPlace) == 0 || f.Op == OpCompare)
			},
			answer: (*Engine).twinningRanks},
		{Name: "twinnings-in-year", Stated: true, What: "Städtepartnerschaften eines Jahres", WhatEN: "Town twinnings of a year",
			Examples: []string{"Welche Städtepartnerschaften wurden 2022 geschlossen?"},
			match: func(_ *Engine, f Frame) bool {
				return f.About == AboutTwinnings && f.count(SubjectPlace) == 0 && f.count(SubjectNetwork) == 0 && f.Filters.Year != 0 && f.Op == OpList
			},
			answer: (*Engine).twinningsInYear},
		{Name: "twinning-figures", Stated: true, What: "Städtepartnerschaften in NRW: Zahlen", WhatEN: "Town twinnings in NRW: figures",
			Examples: []string{"Wie viele Städtepartnerschaften gibt es in NRW?"},
			match: func(_ *Engine, f Frame) bool {
				return f.About == AboutTwinnings && f.count(SubjectPlace) == 0 && f.count(SubjectNetwork) == 0
			},
			answer: (*Engine).twinningFigures},
		{Name: "official-names", What: "Amtliche Bezeichnungen der Kommunen: wer heißt wie", WhatEN: "Official names of municipalities",
			Examples: []string{"Welche Stadt nennt sich Mähdrescherstadt?", "Welche Kommunen haben einen Namenszusatz?"},
			match: func(_ *Engine, f Frame) bool {
				return f.Attribute == domain.AttrOfficial && len(f.Subjects) == 0
			},
			answer: (*Engine).officialNames},
		{Name: "areas", What: "Kommunen, Kreise und Regierungsbezirke in NRW", WhatEN: "Municipalities, Kreise and Regierungsbezirke of NRW",
			Examples: []string{"Wie viele Gemeinden hat NRW?", "Welche Gemeinden gehören zum Kreis Lippe?", "Welcher Kreis hat die meisten Gemeinden?"},
			match:    func(_ *Engine, f Frame) bool { return f.About == AboutAreas },
			answer:   (*Engine).areas},
		{Name: "compare", InHelp: true, ExampleEN: "Which is older, RegioPole or Engagierte Stadt?", What: "Vergleiche: älter, größer, in mehr Netzwerken, länger dabei, im selben Kreis", WhatEN: "Comparisons: older, bigger, in more networks, in the same Kreis",
			Examples: []string{"Was ist älter, RegioPole oder Engagierte Stadt?", "Ist Paderborn in mehr Netzwerken als Bielefeld?", "Liegen Burbach und Siegen im selben Kreis?"},
			match:    func(_ *Engine, f Frame) bool { return f.Op == OpCompare },
			answer:   (*Engine).compare},
		{Name: "chair-history", What: "Vorsitz: wer vor oder nach einer Stadt, wer zuerst, alle nacheinander", WhatEN: "Chairs: before or after a city, the first, all in turn",
			Examples: []string{"Wer hatte den Vorsitz vor Paderborn?", "Welche Städte hatten bisher den Vorsitz bei RegioPole?"},
			match: func(_ *Engine, f Frame) bool {
				return f.Rel.ID != "" || (f.Attribute == domain.AttrChair && f.count(SubjectNetwork) == 1 &&
					(f.Time == WhenHistory || f.Most == DirOldest || f.Filters.Year != 0))
			},
			answer: (*Engine).chairHistory},
		{Name: "superlative", Stated: true, What: "Das älteste, jüngste, größte", WhatEN: "The oldest, newest, biggest",
			Examples: []string{"Welches ist das jüngste Mitglied bei RegioPole?", "Welches Netzwerk ist das älteste?"},
			match:    func(_ *Engine, f Frame) bool { return f.Op == OpMost },
			answer:   (*Engine).superlative},
		{Name: "membership", InHelp: true, ExampleEN: "Is Lemgo an Engagierte Stadt?", What: "Ja/Nein: ist ein Ort Mitglied, seit wann, in welcher Rolle", WhatEN: "Yes/no: is a place a member, since when",
			Examples: []string{"Ist Lemgo eine Engagierte Stadt?", "Seit wann ist Würzburg im RegioPole-Netzwerk?"},
			match: func(e *Engine, f Frame) bool {
				// "Wer hat den Vorsitz, Paderborn?" asks about the network's
				// chair; "Wer hat für Siegen unterschrieben?" about Siegen's
				// membership.
				// "Wann war der Tag der Städtepartnerschaften in Hamm?" asks
				// when the network's event took place there, not when Hamm
				// joined.
				founding := f.Attribute == domain.AttrFounders || f.Attribute == domain.AttrFounding
				event := f.Attribute == domain.AttrEvent && f.Op != OpYesNo
				return !event && f.count(SubjectPlace) > 0 && f.count(SubjectNetwork) > 0 && (founding || !(attrSpecific(f) && f.Op != OpYesNo && f.Op != OpWhen) || e.noteSays(f))
			},
			answer: (*Engine).membership},
		{Name: "place-in-area", What: "Ja/Nein: liegt ein Ort in einem Kreis oder Regierungsbezirk", WhatEN: "Yes/no: does a place lie in a Kreis or Regierungsbezirk",
			Examples: []string{"Liegt Hille im Kreis Minden-Lübbecke?"},
			match: func(e *Engine, f Frame) bool {
				_, _, ok := e.placeAndArea(f)
				return ok && f.Op == OpYesNo && !f.has(SubjectNetwork) && f.About == AboutSubjects
			},
			answer: (*Engine).placeInArea},
		{Name: "place", InHelp: true, ExampleEN: "Bielefeld", What: "Ein Ort: wo er liegt, seine Netzwerke und Partnerstädte", WhatEN: "A place: where it is, its networks",
			Examples: []string{"Bielefeld", "In welchem Kreis liegt Hille?"},
			match: func(_ *Engine, f Frame) bool {
				return f.count(SubjectPlace) > 0 && !(f.count(SubjectNetwork) > 0 && attrSpecific(f))
			},
			answer: (*Engine).place},
		{Name: "states", // "Welche Bundesländer sind im RegioPole-Netzwerk vertreten?"
			match:  func(_ *Engine, f Frame) bool { return f.count(SubjectNetwork) > 0 && f.Attribute == domain.AttrStates },
			answer: (*Engine).states},
		{Name: "no-network", What: "Wer in keinem Netzwerk ist", WhatEN: "Who is in no network",
			Examples: []string{"Welche Kommunen im Kreis Lippe sind in keinem Netzwerk?"},
			match: func(_ *Engine, f Frame) bool {
				return f.Negate && len(f.Subjects) == 0 && (f.Attribute == domain.AttrMembers || f.Attribute == domain.AttrCount || f.About == AboutNetworks)
			},
			answer: (*Engine).noNetwork},
		{Name: "not-members", What: "Wer nicht dabei ist", WhatEN: "Who is not a member",
			Examples: []string{"Welche Städte sind nicht bei RegioPole?"},
			match:    func(_ *Engine, f Frame) bool { return f.count(SubjectNetwork) == 1 && f.Negate },
			answer:   (*Engine).notMembers},
		{Name: "shared-members", // "Welche Städte sind in RegioPole und Engagierte Stadt?"
			match: func(_ *Engine, f Frame) bool {
				return f.count(SubjectNetwork) > 1 && f.Op == OpList && !attrSpecific(f)
			},
			answer: (*Engine).shared},
		{Name: "eligibility", // "Darf eine Stadt mit 300.000 Einwohnern Engagierte Stadt werden?"
			match: func(_ *Engine, f Frame) bool {
				return f.count(SubjectNetwork) > 0 && f.Attribute == domain.AttrEligibility
			},
			answer: (*Engine).eligibility},
		{Name: "network-website", // "Link zum Kommunen-Netzwerk"
			match:  func(_ *Engine, f Frame) bool { return f.count(SubjectNetwork) > 0 && f.Attribute == domain.AttrWebsite },
			answer: (*Engine).website},
		{Name: "network-goal", // "Was ist das Ziel von RegioPole?"
			match:  func(_ *Engine, f Frame) bool { return f.count(SubjectNetwork) > 0 && f.Attribute == domain.AttrGoal },
			answer: (*Engine).goal},
		{Name: "network-join", What: "Mitmachen: Weg und Voraussetzungen", WhatEN: "How to join, and who may",
			Examples: []string{"Wie kann man beim Kommunen-Netzwerk mitmachen?"},
			match:    func(_ *Engine, f Frame) bool { return f.count(SubjectNetwork) > 0 && f.Attribute == domain.AttrJoin },
			answer:   (*Engine).join},
		{Name: "network-activities", // "Was macht das Kommunen-Netzwerk?"
			match: func(_ *Engine, f Frame) bool {
				return f.count(SubjectNetwork) == 1 && f.Attribute == domain.AttrActivities
			},
			answer: func(e *Engine, _ context.Context, f Frame) (domain.Answer, error) {
				return e.activities(e.base.Network(f.networks()[0]), f), nil
			}},
		{Name: "network-topic", InHelp: true, ExampleEN: "Who chairs RegioPole?", What: "Zu einem Netzwerk: Vorsitz, Sprecher, Träger, Förderung, Kosten, Veranstaltungen …",
			WhatEN:   "About a network: chair, speakers, carrier, funding, cost, events …",
			Examples: []string{"Wer hat den Vorsitz bei RegioPole?", "Wer leitet die Netzwerkstelle?", "Wann war der 5. Tag der Städtepartnerschaften?"},
			match:    func(e *Engine, f Frame) bool { return f.count(SubjectNetwork) > 0 && e.isTopic(f.Attribute) },
			answer:   (*Engine).topic},
		{Name: "network-founding", What: "Gründung eines Netzwerks: wann, wo, von wem",
			WhatEN:   "A network's founding: when, where, by whom",
			Examples: []string{"Wann wurde das RegioPole-Netzwerk gegründet?", "Wo wurde RegioPole gegründet?"},
			match: func(_ *Engine, f Frame) bool {
				// "Wo war das Netzwerktreffen West?", "Wer ist Referent bei der
				// Netzwerkstelle?" name what they ask about: the statements,
				// not where or by whom the network was founded.
				return f.count(SubjectNetwork) > 0 && (attrSpecific(f) || f.Op == OpWhen && f.Unknown == "" || (f.Op == OpWho || f.Op == OpWhere) && len(f.Words) == 0)
			},
			answer: (*Engine).founding},
		{Name: "count", What: "Zahlen, auch frühere", WhatEN: "Figures, older ones too",
			Examples: []string{"Wie viele Engagierte Städte gibt es?"},
			match:    func(_ *Engine, f Frame) bool { return f.count(SubjectNetwork) > 0 && f.Op == OpCount },
			answer:   (*Engine).count},
		{Name: "members", InHelp: true, ExampleEN: "Which NRW cities are Engagierte Stadt?", What: "Mitgliederlisten, auch nach Bundesland, Kreis, kreisfrei oder Jahr", WhatEN: "Member lists, by Bundesland, Kreis or year",
			Examples: []string{"Welche NRW-Städte sind Engagierte Stadt?", "Welche NRW-Städte kamen 2022 zur Engagierten Stadt?", "Welche kreisfreien Städte sind Engagierte Stadt?"},
			match: func(_ *Engine, f Frame) bool {
				return f.count(SubjectNetwork) > 0 && f.Op == OpList && (f.Attribute != domain.AttrNone || len(f.Words) == 0)
			},
			answer: (*Engine).membersKind},
		{Name: "network", Stated: true, What: "Ein Netzwerk in Kürze: was es ist, Gründung, Größe, Mitglieder", WhatEN: "A network in short",
			Examples: []string{"RegioPole", "Was ist die Engagierte Stadt?"},
			match:    func(_ *Engine, f Frame) bool { return f.count(SubjectNetwork) > 0 },
			answer:   (*Engine).network},
		{Name: "cross", What: "Netzwerkübergreifend", WhatEN: "Across networks",
			Examples: []string{"Welche Städte sind in mehreren Netzwerken?"},
			match:    func(_ *Engine, f Frame) bool { return f.About == AboutCross },
			answer:   (*Engine).cross},
		{Name: "join-any",
			match:  func(_ *Engine, f Frame) bool { return f.Op == OpJoin || f.Attribute == domain.AttrJoin },
			answer: (*Engine).joinAny},
		{Name: "networks-in-state",
			match:  func(_ *Engine, f Frame) bool { return f.About == AboutNetworks && f.Filters.State != "" },
			answer: (*Engine).overviewIn},
		{Name: "overview", What: "Überblick", WhatEN: "Overview",
			Examples: []string{"Welche Netzwerke kennst du?"},
			match:    func(_ *Engine, f Frame) bool { return f.About == AboutNetworks },
			answer:   func(e *Engine, _ context.Context, f Frame) (domain.Answer, error) { return e.overview(f.English), nil }},
		{Name: "members-filtered", // "Hamburg", "Welche Kreise sind dabei?", "Wer kam 2022 dazu?"
			match: func(_ *Engine, f Frame) bool {
				return len(f.Subjects) == 0 && !f.Filters.IsZero() && !attrSpecific(f) && (len(f.Words) == 0 || f.Filters.Founders)
			},
			answer: (*Engine).membersFiltered},
		{Name: "attribute-any", // "Wie viel Geld gibt es bei Europa bei uns zuhause?": no network named
			match:  func(_ *Engine, f Frame) bool { return len(f.Subjects) == 0 && attrSpecific(f) },
			answer: (*Engine).attributeAny},
		{Name: "statements",
			match:  func(*Engine, Frame) bool { return true },
			answer: (*Engine).statementsKind},
	}
}

// route answers a frame with the first kind that matches it.
func (e *Engine) route(ctx context.Context, f Frame) (domain.Answer, string) {
	if a, ok := e.firstSigning(f); ok {
		// "Wo wurde die Gemeinsame Erklärung zum ersten Mal unterzeichnet?":
		// the statement on the first signing, not the first members.
		return a, "first-signing"
	}
	if a, ok := e.sinceStatement(f); ok {
		return a, "since-statement" // "Since when has the Auslandsgesellschaft worked on town twinning?"
	}
	if a, ok := e.datedStatement(f); ok {
		// "Wann …?" about one network whose statements have the
		// question's words and a year: that statement, before any kind
		// answers with the network's own founding or activities.
		return a, "dated-statement"
	}
	for _, k := range kinds {
		if k.match(e, f) {
			if k.Stated && f.About == AboutTwinnings && f.count(SubjectPlace) == 0 {
				if a, ok := e.twinningsSaying(f); ok {
					return a, k.Name + "/twinning" // "die erste deutsch-deutsche Städtepartnerschaft"
				}
			}
			// A named person's role ("Kuschke – was ist seine Rolle?"): the
			// statement that has the name, however few words it shares.
			// The next event is what no statement of the past says: the
			// kind answers that none is known ("Wann ist der nächste
			// virtuelle Stammtisch?").
			if k.Stated && len(e.specificWords(f)) > 0 || !k.Stated && f.Time != WhenNext && (e.stronglyStated(f) || e.namesRareWord(f) || f.Attribute == domain.AttrRole && e.rareWords(f) > 0) {
				// Where a person in a role is asked for, the statement must
				// say the role: "Wer leitet das Institut …?" is not answered
				// by the one that only names the Institut.
				if a, err := e.statesSpecific(ctx, f); err == nil && (k.Stated || f.Op != OpWho || !attrSpecific(f) || e.saysWordOf(a.Lead, e.lex.attrWordsOf(f.Attribute))) {
					return a, k.Name + "/stated"
				}
			}
			a, err := k.answer(e, ctx, f)
			if err != nil {
				e.log.Error("answer", "kind", k.Name, "err", err)
				return e.failed("", f.English), k.Name
			}
			if !a.Found && !k.Stated && f.Unknown == "" && (f.Op == OpList && f.Attribute == domain.AttrMembers && f.has(SubjectNetwork) && len(e.specificWords(f)) > 0 ||
				(e.rareWords(f) >= 2 || len(e.titlesOf(f)) > 0 || e.rareWords(f) == 1 && len(e.officesIn(f.Words)) > 0) && f.Time == WhenAny && !e.asksUnstated(f)) {
				// A member list the base's structure does not hold a
				// statement with the question's specific words may give:
				// "Welche Städte haben das Landesnetzwerk Engagierte Stadt
				// NRW gegründet?". So may any kind that found nothing,
				// where two of the question's words only a few statements
				// share ("Wer ist die Botschafterin, die zugeschaltet
				// war?"), an office and one such word ("Which ambassador
				// joined the online event …?") or a title few name („Europa
				// bei uns zuhause“),
				// unless it asks what none says: the next
				// meeting, a word no statement has, an attribute the
				// statement does not name.
				if b, err := e.statesSpecific(ctx, f); err == nil && b.Found && (!attrSpecific(f) || e.saysWordOf(b.Lead, e.lex.attrWordsOf(f.Attribute))) {
					return b, k.Name + "/stated"
				}
			}
			if a.Found && f.Op == OpWho && f.Attribute == domain.AttrCarrier {
				if b, ok := e.carrierOffice(ctx, f, a); ok {
					return b, k.Name + "/stated"
				}
			}
			if a.Found && !k.Stated && (f.Op == OpWho || f.Op == OpYesNo && f.Attribute == domain.AttrEvent) && attrSpecific(f) && f.Unknown == "" && e.ignoresRareWord(a, f) {
				// "Who chairs the Kuratorium of the Auslandsgesellschaft?":
				// the network's chair answers without the word that says
				// which body is meant; the statement that has it and says
				// the office answers. So for an event asked by its name
				// ("Hat der Praxistag schon stattgefunden?").
				b, err := e.statesSpecific(ctx, f)
				if err != nil || !b.Found {
					// "Hat der angekündigte Praxistag schon stattgefunden?":
					// the statement with the rare word, whatever else the
					// question says ("angekündigte" of "kündigte … an").
					g := f
					g.Words = e.rareIgnored(a, f)
					b, err = e.statesSpecific(ctx, g)
				}
				if err == nil && b.Found && e.saysWordOf(b.Lead, e.lex.attrWordsOf(f.Attribute)) {
					return b, k.Name + "/stated"
				}
			}
			return a, k.Name
		}
	}
	return e.notFound(f), "none"
}

// Commands lists the kinds of question worth showing in help, with
// examples: the help answer, Slack's help and App Home come from it.
func Commands() []domain.Command {
	var out []domain.Command
	for _, k := range kinds {
		if len(k.Examples) > 0 && k.What != "" {
			out = append(out, domain.Command{What: k.What, WhatEN: k.WhatEN, Examples: k.Examples, ExampleEN: k.ExampleEN, InHelp: k.InHelp})
		}
	}
	return out
}

// namesRareWord reports whether a question that asks for a network's
// website or what it does ("Wo finde ich Musterverträge?", "What does
// BMBFSFJ stand for?") names a word no ordinary word list has and at most
// two statements say: the thing asked about is what those statements
// tell, not the network's home page or description.
func (e *Engine) namesRareWord(f Frame) bool {
	if f.Attribute != domain.AttrWebsite && f.Attribute != domain.AttrActivities || f.Unknown != "" {
		return false
	}
	for _, w := range e.specificWords(f) {
		// A link asked for by what it leads to ("Link zum Newsletter") may
		// be an ordinary word: the statement that says it cites the page.
		if df := len(e.refsOf(w)); df > 0 && df <= 2 && (f.Attribute == domain.AttrWebsite || !e.lex.ordinary(w)) && utf8.RuneCountInString(w) >= 5 {
			return true
		}
	}
	return false
}

// ignoresRareWord reports whether an answer leaves out a long word of
// the question no ordinary word list has and at most two statements say.
func (e *Engine) ignoresRareWord(a domain.Answer, f Frame) bool {
	return len(e.rareIgnored(a, f)) > 0
}

// rareIgnored are the words ignoresRareWord finds left out.
func (e *Engine) rareIgnored(a domain.Answer, f Frame) []string {
	var out []string
	for _, w := range e.specificWords(f) {
		if df := len(e.refsOf(w)); df > 0 && df <= 2 && utf8.RuneCountInString(w) >= 7 && !e.lex.ordinary(w) && !e.saysWordOf(a.PlainText(), []string{w}) &&
			!strings.Contains(words.Fold(a.PlainText()), w) {
			out = append(out, w)
		}
	}
	return out
}

// noteSays reports whether the note on the membership asked about says
// the attribute asked: "Kriegt Itzehoe als Engagierte Stadt Geld?" is
// answered by Itzehoe's membership ("eine finanzielle Förderung gibt es
// nicht"), not by the network's funding at large.
func (e *Engine) noteSays(f Frame) bool {
	if f.Attribute != domain.AttrFunding && f.Attribute != domain.AttrCost || f.count(SubjectPlace) != 1 || f.count(SubjectNetwork) != 1 {
		return false // what the member gets or pays; an event there is the network's
	}
	m, ok := e.base.MembershipIn(f.networks()[0], f.places()[0])
	return ok && m.Note != "" && e.saysWordOf(m.Note, e.lex.attrWordsOf(f.Attribute))
}

// attrSpecific reports whether the question asks for a property of a
// network other than its members or its size.
func attrSpecific(f Frame) bool {
	switch f.Attribute {
	case domain.AttrNone, domain.AttrMembers, domain.AttrCount, domain.AttrStates:
		return false
	}
	return true
}

// isTopic reports whether an attribute is answered from the facts that
// state it; founding, joining, goals and websites have answers of their own.
func (e *Engine) isTopic(a domain.Attribute) bool {
	switch a {
	case domain.AttrNone, domain.AttrJoin, domain.AttrInitiator, domain.AttrFounders, domain.AttrFounding, domain.AttrFoundingPlace,
		domain.AttrMembers, domain.AttrCount, domain.AttrWebsite, domain.AttrGoal, domain.AttrStates:
		return false
	}
	return true
}
