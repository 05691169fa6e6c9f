package answer

import (
	"context"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/words"
)

// Answers that name no subject: help, chatter, nothing known, the
// overview, statements that share the question's words.

// notFound says plainly that the base has nothing on the question.
func (e *Engine) notFound(f Frame) domain.Answer {
	en := f.English
	lead := say(en, "nothing")
	if f.Filters.State != "" && len(f.Words) == 0 {
		lead = say(en, "unknown.state", f.Filters.State)
	}
	return domain.Answer{Found: false, Kind: domain.KindNone, Title: say(en, "nothing.title"),
		Lead:        lead + " " + say(en, "nothing.scope"),
		Suggestions: []string{say(en, "suggest.nets"), say(en, "suggest.help")}} // no place: it would read as an answer
}

// unknown answers a question about a name the base does not know: it says
// so in a line, and nothing else stands in for an answer.
func (e *Engine) unknown(_ context.Context, f Frame) (domain.Answer, error) {
	en := f.English
	a := domain.Answer{Found: false, Kind: domain.KindNone, Title: say(en, "nothing.title"),
		Lead:        say(en, "unknown", f.unknownName()) + " " + say(en, "nothing.scope"),
		Suggestions: []string{say(en, "suggest.nets"), say(en, "suggest.help")}}
	// "Mainz" is no member, but its district Mainz-Mombach is.
	e.byFirstWordMembers(&a, f.Unknown, f.Words, en)
	return a, nil
}

// byFirstWordMembers adds the members whose name begins with word, unless
// the question's other words name another place of that first word:
// "Neustadt am Rübenberge" is not Neustadt an der Aisch.
func (e *Engine) byFirstWordMembers(a *domain.Answer, word string, others []string, en bool) {
	for _, pl := range e.byFirstWord[sortKey(word)] {
		if !namesAll(pl.Name, word, others) {
			continue
		}
		for _, m := range e.base.MembershipsOf(pl.ID) {
			if !m.Until.IsZero() {
				continue
			}
			a.Lead += " " + say(en, "member.listed", pl.Name, e.base.Network(m.Network).Name, memberDetail(en, m))
			a.Hits = append(a.Hits, placeHit(pl))
			a.Found, a.Kind = true, domain.KindMembership
		}
	}
}

// namesAll reports whether a name holds each of the other words; word
// itself is the first.
func namesAll(name, word string, others []string) bool {
	in := words.Split(words.Fold(name))
	for _, w := range others {
		if w != word && !slices.Contains(in, w) {
			return false
		}
	}
	return true
}

// help is generated from the kinds table.
func (e *Engine) help(english bool) domain.Answer {
	a := domain.Answer{Found: true, Kind: domain.KindHelp, Title: say(english, "help.title"), English: english, Lead: say(english, "help")}
	for _, c := range Commands() {
		if !c.InHelp {
			continue // the short help names the main kinds
		}
		what := c.What
		if english {
			what = c.WhatEN
		}
		if i := strings.IndexAny(what, ":,"); i > 0 {
			what = what[:i] // the head: "Ja/Nein", "Mitgliederlisten"
		}
		l := domain.List{Title: what}
		ex := "„" + c.Examples[0] + "“"
		if english && c.ExampleEN != "" {
			ex = "“" + c.ExampleEN + "”"
		}
		l.Items = append(l.Items, domain.ListItem{Name: ex})
		a.Lists = append(a.Lists, l)
	}
	return a
}

// chatter answers a message that asks nothing ("moin", "danke!"): briefly,
// with two questions to try, and found false, since nothing was asked.
func (e *Engine) chatter(f Frame) domain.Answer {
	en := f.English
	a := domain.Answer{Found: false, Kind: domain.KindHelp, Title: say(en, "hello"), Lead: say(en, "hello.lead"), English: en,
		Suggestions: []string{say(en, "suggest.bi"), say(en, "suggest.nets")}}
	for _, w := range f.Words {
		if e.lex.thanks[w] {
			a.Title, a.Lead = say(en, "welcome"), say(en, "welcome.lead")
		}
	}
	return a
}

// statementsKind answers from statements that share the question's
// content words. A statement counts only when it covers most of them: one
// shared word of five is a chance overlap, not an answer.
func (e *Engine) statementsKind(ctx context.Context, f Frame) (domain.Answer, error) {
	ws := append(append([]string(nil), f.Words...), f.Asked...)
	long := false
	for _, w := range ws {
		long = long || len([]rune(w)) >= 5
	}
	abbrev := len(ws) == 1 && len(ws[0]) >= 3 && !e.lex.ordinary(ws[0]) // "Was ist der RGRE?"
	if len(ws) == 0 || (!long && len(ws) < 2 && !abbrev) || f.Unknown != "" || e.allEverydayPlaces(ws) {
		return e.notFound(f), nil
	}
	// "EWS 3" and "die dritte EWS" both number the statement.
	hits, err := e.statementsAll(ctx, ws, "", max(f.Number, f.Ordinal))
	if fewer := e.withoutForeign(ws); len(hits) == 0 && err == nil && len(fewer) == len(ws)-1 {
		hits, err = e.statementsAll(ctx, fewer, "", max(f.Number, f.Ordinal))
	}
	if f.Filters.Year != 0 {
		hits = e.ofYear(hits, f) // "seit 2017": of all that have the words
	}
	if f.Op == OpDescribe && f.Attribute == domain.AttrNone && f.Filters.Year == 0 && !f.Period && len(e.rareTitles(f)) > 0 {
		// "Was ist „Europa bei uns zuhause“?": what it is, in the
		// statement no year dates, before one round's deadline.
		slices.SortStableFunc(hits, func(a, b domain.FactHit) int {
			return b2i(!yearRE.MatchString(e.fact(b.Ref, false).Text)) - b2i(!yearRE.MatchString(e.fact(a.Ref, false).Text))
		})
	}
	if f.Period {
		// "how often do they meet?": the statement with a frequency first.
		slices.SortStableFunc(hits, func(a, b domain.FactHit) int {
			return b2i(e.statesSpan(e.fact(b.Ref, false).Text)) - b2i(e.statesSpan(e.fact(a.Ref, false).Text))
		})
	}
	if f.Op == OpCount {
		hits = e.placesFirst(hits, f) // of all: the one with the figure may rank low
	}
	hits = hits[:min(len(hits), 3)]
	inArea := false
	if in := e.inAreaHits(f); len(in) > 0 && err == nil {
		hits, inArea = in, true // "Welche Kommunen aus dem Kreis Olpe …?": the statements on the Kreis's places, most first
	}
	if err == nil && len(hits) == 0 && (e.namesTwo(f) || len(e.titlesOf(f)) > 0) && !f.Attribute.Unheld() && f.Attribute != domain.AttrContact {
		// No statement has most of the words; one that has two names of
		// the question ("Klaus Wegener"), or a title few name („Europa bei
		// uns zuhause“), and its other rare words but one still answers.
		if a, err := e.statesSpecific(ctx, f); err == nil {
			return a, nil
		}
	}
	if err != nil || len(hits) == 0 {
		return e.notFound(f), err
	}
	if hits = e.ofYear(hits, f); len(hits) == 0 {
		return e.notFound(f), nil // "Who won … in 2024?": a statement on other years is no answer
	}
	num := max(f.Number, f.Ordinal)
	if !inArea {
		hits = e.placesFirst(hits, f)
	}
	if hits = e.numberedFirst(hits, num); len(hits) == 0 {
		return e.notFound(f), nil // all give another number than the one asked
	}
	if f.Op == OpWho && len(f.Asked) == 0 && !e.namesTwo(f) {
		// "Who from the Land signs the Gemeinsame Erklärung?": a
		// statement that names someone in an office before one that
		// names only who signed as a body.
		slices.SortStableFunc(hits, func(a, b domain.FactHit) int {
			return b2i(e.saysCue(e.fact(b.Ref, false).Text, "office")) - b2i(e.saysCue(e.fact(a.Ref, false).Text, "office"))
		})
	}
	if f.Op == OpWho && len(f.Words) >= 2 && len(f.Asked) == 0 {
		// "Wer ist Wolfram Kuschke?": the statement that says who the
		// person is ("… Staatsminister a. D. Wolfram Kuschke", "Klaus
		// Wegener, Präsident der …") before one that only names them.
		// Each statement is read once, not in every comparison of the
		// sort: introduces tokenizes it (issue 17).
		intro := make(map[domain.FactRef]int, len(hits))
		for _, h := range hits {
			if _, ok := intro[h.Ref]; !ok {
				intro[h.Ref] = b2i(introduces(e.fact(h.Ref, false).Text, f.Words))
			}
		}
		slices.SortStableFunc(hits, func(a, b domain.FactHit) int { return intro[b.Ref] - intro[a.Ref] })
	}
	if num > 0 && !namesNumber(e.fact(hits[0].Ref, false).Text, num) && e.otherInSeries(ws, num) {
		// "Wie viele waren bei der EWS 6?": the statements number EWS 1
		// to 5; one on the EWS at large does not answer for a sixth.
		return e.notFound(f), nil
	}
	return e.shortFacts(hits, f), nil
}

// numberedFirst puts first the statements that give the number the
// question names after a name: "EWS 3", "Entwicklungswerkstatt 3" for
// "Welche Kommunen waren in der EWS 3?".
func (e *Engine) numberedFirst(hits []domain.FactHit, n int) []domain.FactHit {
	if n <= 0 || len(hits) < 2 {
		return hits
	}
	// Each statement is split once, for both numbers, not in every
	// comparison of the sort: a search may hit dozens (issue 17).
	type numbers struct{ this, other bool }
	read := make(map[domain.FactRef]numbers, len(hits))
	for _, h := range hits {
		if _, ok := read[h.Ref]; !ok {
			this, other := numbersNamed(e.fact(h.Ref, false).Text, n)
			read[h.Ref] = numbers{this, other}
		}
	}
	names := func(h domain.FactHit) int { return b2i(read[h.Ref].this) }
	out := slices.Clone(hits)
	slices.SortStableFunc(out, func(a, b domain.FactHit) int { return names(b) - names(a) })
	if names(out[0]) == 0 {
		// None gives the number: those that give another ("EWS 4" for
		// "EWS 5") answer another question.
		out = slices.DeleteFunc(out, func(h domain.FactHit) bool { return read[h.Ref].other })
	}
	return out
}

// otherInSeries reports whether statements with one of the words number
// what they name, though none with n: "EWS 1" … "EWS 5" for "EWS 6".
func (e *Engine) otherInSeries(ws []string, n int) bool {
	other := false
	for _, w := range ws {
		for _, r := range e.refsOf(w) {
			switch m := numberAfter(e.foldWords(e.fact(r, false).Text), w); {
			case m == n:
				return false // a statement numbers it so
			case m > 0:
				other = true
			}
		}
	}
	return other
}

// numberAfter is the small number a text gives right after the word w
// ("EWS 4" for "ews", "Entwicklungswerkstatt 3"), 0 if none: not a date
// ("am 16. September") nor a year.
func numberAfter(tws []string, w string) int {
	for i := 0; i+1 < len(tws); i++ {
		if !strings.HasPrefix(tws[i], w) {
			continue
		}
		if m, err := strconv.Atoi(tws[i+1]); err == nil && m > 0 && m <= 20 {
			return m
		}
	}
	return 0
}

// namesOtherNumber reports whether a text gives a small number other than
// n after a name: "EWS 4" when "EWS 5" is asked.
//
// It is namesNumber for every m from 1 to 20 but n, in one pass over the
// text's words rather than twenty (issue 17).
func namesOtherNumber(text string, n int) bool {
	ws := words.Split(text)
	for i := 1; i+1 < len(ws); i++ {
		if m := smallNumber(ws[i]); m > 0 && m != n && ws[i+1] != "." && !startsWithDigit(ws[i-1]) {
			return true
		}
	}
	return false
}

// numbersNamed is namesNumber(text, n) and namesOtherNumber(text, n), from
// one split of the text.
func numbersNamed(text string, n int) (this, other bool) {
	num := strconv.Itoa(n)
	ws := words.Split(text)
	for i := 1; i+1 < len(ws); i++ {
		if ws[i+1] == "." || startsWithDigit(ws[i-1]) {
			continue
		}
		if ws[i] == num {
			this = true
		} else if m := smallNumber(ws[i]); m > 0 {
			other = true
		}
	}
	return this, other
}

// smallNumber is m when w is strconv.Itoa(m) for an m from 1 to 20, else 0.
func smallNumber(w string) int {
	switch {
	case len(w) == 1 && w[0] >= '1' && w[0] <= '9':
		return int(w[0] - '0')
	case len(w) == 2 && w[0] == '1' && w[1] >= '0' && w[1] <= '9':
		return 10 + int(w[1]-'0')
	case w == "20":
		return 20
	}
	return 0
}

// startsWithDigit reports whether w's first letter is a digit, as
// unicode.IsDigit([]rune(w)[0]) does, without the copy.
func startsWithDigit(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsDigit(r)
}

// placesFirst puts first, for a question that asks which places or who,
// the statements that name the most places: "Wer war in der EWS 1?" is
// answered by the one that lists them, not by the one on its partner. The
// number a question names still comes first (numberedFirst after this).
func (e *Engine) placesFirst(hits []domain.FactHit, f Frame) []domain.FactHit {
	if f.Op == OpCount && len(hits) >= 2 {
		// The statement of the number asked ("EWS 3") first; of those,
		// "Wie viele Mitglieder hat das Netzwerk bürgerschaftliches
		// Engagement?": a statement that gives a figure first; else
		// "Wie viele Kommunen waren in der ersten EWS?": the statement
		// that names them, which a count is read from (placesNamed).
		num := max(f.Number, f.Ordinal)
		rank := func(h domain.FactHit) int {
			text := e.fact(h.Ref, false).Text
			many := len(e.factPlaces[h.Ref]) >= minNamedCount // the names are the count, and the answer
			return 4*b2i(num > 0 && namesNumber(text, num)) + 2*b2i(many || e.givesCount(text, f)) + b2i(many)
		}
		// Each statement is ranked once, not in every comparison of the
		// sort: ranking splits it (namesNumber, givesCount), and a count
		// of EWS 5 sorts a few dozen (issue 17).
		ranks := make(map[domain.FactRef]int, len(hits))
		for _, h := range hits {
			if _, ok := ranks[h.Ref]; !ok {
				ranks[h.Ref] = rank(h)
			}
		}
		out := slices.Clone(hits)
		slices.SortStableFunc(out, func(a, b domain.FactHit) int { return ranks[b.Ref] - ranks[a.Ref] })
		return out
	}
	if f.Op != OpList && f.Op != OpWho || len(hits) < 2 {
		return hits
	}
	out := slices.Clone(hits)
	slices.SortStableFunc(out, func(a, b domain.FactHit) int { return len(e.factPlaces[b.Ref]) - len(e.factPlaces[a.Ref]) })
	return out
}

// withoutForeign leaves out of a question's words the English ones that
// no statement has, where another word has statements: the statements are
// German, so "subscribe" of "can I subscribe to a newsletter?"
// can never match, and "newsletter" says what is asked. Only where no
// statement has all the words, and one word is left out: more would leave
// too little of the question.
func (e *Engine) withoutForeign(ws []string) []string {
	foreign := func(w string) bool {
		return e.lex.isEnglishWord(w) && !e.lex.isGermanWord(w) && len(e.refsOf(w)) == 0
	}
	if !slices.ContainsFunc(ws, foreign) || !slices.ContainsFunc(ws, func(w string) bool { return !foreign(w) && len(e.refsOf(w)) > 0 }) {
		return ws
	}
	return slices.DeleteFunc(slices.Clone(ws), foreign)
}

// namesTwo reports whether at least two of the question's words are no
// ordinary words but words statements have: names ("Klaus", "Wegener").
func (e *Engine) namesTwo(f Frame) bool {
	n := 0
	for _, w := range f.Words {
		if !e.lex.ordinary(w) && len(e.refsOf(w)) > 0 {
			n++
		}
	}
	return n >= 2
}

// inAreaHits are, for a question narrowed to an area, the statements
// that have one of its words (one the statements use) and name places in
// the area, those that name the most first.
func (e *Engine) inAreaHits(f Frame) []domain.FactHit {
	area := f.Filters.Area
	if area == "" {
		return nil
	}
	in := map[domain.FactRef]int{}
	var refs []domain.FactRef
	num := max(f.Number, f.Ordinal)
	for _, w := range f.Words {
		for _, r := range e.refsOf(w) {
			if _, seen := in[r]; seen {
				continue
			}
			if num > 0 && !namesNumber(e.fact(r, false).Text, num) && namesOtherNumber(e.fact(r, false).Text, num) {
				in[r] = 0 // "in der EWS 1": not the statement on the EWS 3
				continue
			}
			n := 0
			for _, id := range e.factPlaces[r] {
				if e.idInArea(id, area) {
					n++
				}
			}
			in[r] = n
			if n > 0 {
				refs = append(refs, r)
			}
		}
	}
	slices.SortStableFunc(refs, func(a, b domain.FactRef) int { return in[b] - in[a] })
	hits := make([]domain.FactHit, 0, 3)
	for _, r := range refs[:min(len(refs), 3)] {
		hits = append(hits, domain.FactHit{Ref: r, Matched: 1, Total: len(f.Words)})
	}
	return hits
}

// namesNumber reports whether a text gives the number after a name:
// "EWS 3", "Entwicklungswerkstatt 3", not "3." or "2013".
func namesNumber(text string, n int) bool {
	num := strconv.Itoa(n)
	ws := words.Split(text)
	for i := 1; i < len(ws); i++ {
		if ws[i] == num && i+1 < len(ws) && ws[i+1] != "." && !startsWithDigit(ws[i-1]) {
			return true
		}
	}
	return false
}

// saysOrdinal reports whether a text numbers something n: "5.", or a
// number word of the lexicon ("die erste Unterzeichnung").
func (e *Engine) saysOrdinal(text string, n int) bool {
	if namesNumber(text, n) {
		return true
	}
	for _, t := range e.tokensOf(text) {
		if v, ok := e.lex.numbers[t.fold]; ok && v == n {
			return true
		}
	}
	return false
}

// allEverydayPlaces reports whether every word is the name of a place
// that is also an everyday word and was not read as the place ("Was gibt
// es zum Essen?"): a statement that names the city does not answer it.
func (e *Engine) allEverydayPlaces(ws []string) bool {
	for _, w := range ws {
		found := false
		for _, pl := range e.siblingsOf(w) {
			found = found || (pl.Everyday && words.Fold(pl.Name) == w)
		}
		if !found {
			return false
		}
	}
	return true
}

// factsAnswer shows statements with their networks' links: the best
// answers, the next ones add to it.
func (e *Engine) factsAnswer(hits []domain.FactHit, english bool) domain.Answer {
	if len(hits) == 0 {
		return domain.Answer{Kind: domain.KindNone, English: english, Lead: say(english, "nothing")}
	}
	a := domain.Answer{Found: true, Kind: domain.KindFacts, Title: e.base.Network(hits[0].Ref.Network).Name, English: english}
	for _, h := range hits {
		a.Facts = appendFact(a.Facts, e.fact(h.Ref, english))
		n := e.base.Network(h.Ref.Network)
		a.Links = appendLink(a.Links, domain.Link{Title: n.Name, URL: n.Website})
		if len(a.Hits) == 0 || a.Hits[len(a.Hits)-1].ID != "network:"+n.ID {
			a.Hits = append(a.Hits, networkHit(n))
		}
	}
	leadWith(&a, a.Facts[0])
	a.Facts = e.dropRepeats(a.Lead, a.Facts[1:])
	return a
}

// attributeAny answers an attribute asked without naming a network ("Wer
// leitet das?", "Wie viel Geld gibt es bei Europa bei uns zuhause?"):
// the statements on that attribute that share the question's other words.
func (e *Engine) attributeAny(ctx context.Context, f Frame) (domain.Answer, error) {
	if f.Period && f.Attribute == domain.AttrEvent && f.Ordinal == 0 && len(f.Words) > 0 {
		// "how often do they meet?" of the Reallabor: the statement that
		// gives the rhythm, not the latest meeting.
		if a, err := e.statementsKind(ctx, f); err == nil && a.Found {
			return a, nil
		}
	}
	if f.Ordinal > 0 && len(f.Words) > 0 && len(f.Asked) > 0 {
		// "Bei welcher Konferenz wurde die Gemeinsame Erklärung zum ersten
		// Mal unterschrieben?", "the second exchange": a statement with
		// all the words, the asked one too, that says the number ("erste",
		// "2.") answers before the series at large; the numbered ones
		// are tried first, then the best by words.
		ws := append(append([]string(nil), f.Words...), f.Asked...)
		// The numbered ones first ("the second exchange"), then the best
		// by words ("zum ersten Mal unterzeichnet").
		hits, err := e.statementsNumbered(ctx, ws, "", f.Ordinal)
		if best, err2 := e.statements(ctx, ws, ""); err2 == nil {
			hits = append(hits, best...)
		}
		if err == nil {
			for _, h := range hits {
				if text := e.fact(h.Ref, f.English).Text; h.Ref.Part == "fact" && e.countWords(text, ws) == len(ws) && e.saysYear(text, f) && e.saysOrdinal(text, f.Ordinal) {
					return e.shortFacts([]domain.FactHit{h}, f), nil
				}
			}
		}
	}
	if f.Attribute == domain.AttrEvent && (f.Ordinal > 0 || f.Time != WhenAny) {
		// "Wann war der erste Fachaustausch im Reallabor?": the events of
		// the network whose statements name it, numbered and dated.
		hits, err := e.statementsEither(ctx, f, "")
		if err != nil {
			return domain.Answer{}, err
		}
		if len(hits) > 0 && hits[0].Ref.Network != "" {
			f.Subjects = []Subject{{Kind: SubjectNetwork, ID: hits[0].Ref.Network}}
			return e.topic(ctx, f)
		}
	}
	if f.Attribute == domain.AttrEvent && f.Ordinal == 0 && f.Time == WhenAny && f.Filters.IsZero() && len(f.Words) == 0 && (f.Op == OpDescribe || f.Op == OpWhen) {
		// "Was ist das Reallabor?", "Wann ging es los?": of a series, the
		// statement that says it began ("Seit 2023 gibt es …"), not the
		// latest of its meetings, which the search ranks first.
		var began []domain.FactHit
		for _, w := range f.Asked {
			if refs := e.refsOf(w); len(refs) <= 2*rareStatements {
				for _, ref := range refs {
					if ref.Part == "fact" && e.saysFounding(e.fact(ref, false).Text) && !slices.ContainsFunc(began, func(h domain.FactHit) bool { return h.Ref == ref }) {
						began = append(began, domain.FactHit{Ref: ref})
					}
				}
			}
		}
		if len(began) == 1 {
			return e.shortFacts(began, f), nil
		}
	}
	if len(f.Words) > 0 && len(f.Asked) > 0 {
		// A statement with all the question's words and those that asked
		// ("die Auslandsgesellschaft … gegründet") answers before any
		// network's own founding does.
		ws := append(append([]string(nil), f.Words...), f.Asked...)
		hits, err := e.statements(ctx, ws, "")
		if err != nil {
			return domain.Answer{}, err
		}
		var all []domain.FactHit
		for _, h := range hits {
			text := e.fact(h.Ref, f.English).Text
			if h.Ref.Part == "fact" && e.countWords(text, ws) == len(ws) && (f.Op != OpWhen || yearRE.MatchString(text)) &&
				e.saysYear(text, f) {
				all = append(all, h) // for "Wann …?" one that says when; for a year, one that names it
			}
		}
		if len(all) > 0 {
			return e.shortFacts(all, f), nil
		}
	}
	named := slices.ContainsFunc(f.Words, func(w string) bool { return !e.lex.ordinary(w) && len(e.refsOf(w)) > 0 })
	if a, ok := e.foundedStatement(f, ""); ok && named {
		// "Unter welchem Namen entstand die Auslandsgesellschaft?":
		// a statement that says the founding of what a name names, before
		// the founding of the network the name is near.
		return a, nil
	}
	if n := e.foundingNamed(f); n != nil {
		// "Wo fand die Unterzeichnung statt?": the founding its words describe.
		f.Subjects = []Subject{{Kind: SubjectNetwork, ID: n.ID}}
		return e.founding(ctx, f)
	}
	if a, ok := e.foundedStatement(f, ""); ok {
		return a, nil // "Seit wann gibt es die Auslandsgesellschaft?"
	}
	hits, err := e.statementsEither(ctx, f, "")
	if err != nil {
		return domain.Answer{}, err
	}
	topics := append(e.topicsOf(f.Attribute), f.Attribute.String())
	founding := f.Attribute == domain.AttrFounding || f.Attribute == domain.AttrFoundingPlace || f.Attribute == domain.AttrFounders
	var good []domain.FactHit
	for _, h := range hits {
		if e.hitStates(h, topics) || (founding && h.Ref.Part == "founding") {
			good = append(good, h)
		}
	}
	if len(good) == 0 && len(f.Words) > 0 {
		if good, err = e.onTopic(ctx, f.Words, topics); err != nil {
			return domain.Answer{}, err
		}
	}
	if len(good) == 0 {
		// No statement on the attribute's topic: one with the question's
		// words answers only if it says the attribute too ("Vorsitz").
		// "Wer ist Vorsitzender der Deutschen Sektion des RGRE?" is not
		// answered by the Beirat the RGRE sits on.
		a, err := e.statementsKind(ctx, f)
		if err == nil && a.Found && !e.saysWordOf(a.Lead, e.lex.attrWordsOf(f.Attribute)) {
			return e.notFound(f), nil
		}
		return a, err
	}
	if founding {
		// A network's founding first, one with a place where the question
		// asks where: "Wo fand die Unterzeichnung statt?"
		slices.SortStableFunc(good, func(x, y domain.FactHit) int { return e.foundingRank(y, f) - e.foundingRank(x, f) })
	}
	if founding && good[0].Ref.Part == "founding" {
		// "Wo fand die Unterzeichnung statt?": the founding, with its place.
		f.Subjects = []Subject{{Kind: SubjectNetwork, ID: good[0].Ref.Network}}
		return e.founding(ctx, f)
	}
	if good = e.ofYear(good, f); len(good) == 0 {
		return e.notFound(f), nil
	}
	return e.shortFacts(good, f), nil
}

// saysFounding reports whether a text has one of the lexicon's words for
// a beginning ("gibt es seit", "gegründet").
func (e *Engine) saysFounding(text string) bool { return e.saysCuePhrase(text, "founding") }

// saysWordOf reports whether the text has one of the words as a word of
// its own, or in its stem: "Vorsitzender", not the "Spitze" of
// "Spitzenverbänden" (hasWord's prefixes are for words the asker shortens).
//
// Each word is stemmed once, not once for every word it is compared with:
// a topic's statements are long and its words many (issue 17).
func (e *Engine) saysWordOf(text string, ws []string) bool {
	var buf [48]string // an attribute's words, up to 34 in the shipped lexicon: on the stack
	var longBuf [48]bool
	stems, long := buf[:0], longBuf[:0]
	for _, w := range ws {
		stems = append(stems, words.Stem(w))
		long = append(long, utf8.RuneCountInString(w) >= 6) // counted once too
	}
	for _, t := range e.foldWords(text) {
		st := words.Stem(t)
		for i, w := range ws {
			if t == w || st == stems[i] || len(t) > len(w)+3 && long[i] && strings.HasSuffix(st, stems[i]) {
				return true // "Kuratoriumsvorsitzenden" says "vorsitzenden": a compound's last part
			}
		}
	}
	return false
}

// saysYear reports whether a statement names the one year the frame asks
// about ("in 2024"); without such a year, every statement does.
func (e *Engine) saysYear(text string, f Frame) bool {
	return f.Filters.Year == 0 || f.Filters.YearOp != "" || e.hasWord(text, strconv.Itoa(f.Filters.Year))
}

// ofYear are the hits whose statements say the frame's year (saysYear)
// or were true in it (their Stand).
func (e *Engine) ofYear(hits []domain.FactHit, f Frame) []domain.FactHit {
	return slices.DeleteFunc(slices.Clone(hits), func(h domain.FactHit) bool {
		x := e.fact(h.Ref, false)
		return !e.saysYear(x.Text, f) && (f.Filters.YearOp != "" || int(x.Stand.Year) != f.Filters.Year)
	})
}

// foundedStatement answers "Seit wann gibt es die Auslandsgesellschaft?"
// from a statement (of the network, where one is given) with all the
// question's words that says, in any of the lexicon's words, when it was
// founded ("… wurde am 28. März 1949 … gegründet"), or what it was called
// then ("Wie hieß die Auslandsgesellschaft bei ihrer Gründung?").
func (e *Engine) foundedStatement(f Frame, network string) (domain.Answer, bool) {
	// "Unter welchem Namen wurde … gegründet?" lists nothing: it asks too.
	asks := f.Op == OpWhen || f.Op == OpDescribe || f.Op == OpList && len(f.Subjects) == 0
	if f.Attribute != domain.AttrFounding || !asks || len(f.Words) == 0 {
		return domain.Answer{}, false
	}
	// The words statements have ("under what name" adds none), and all
	// statements with the rarest, not the search's best three: the one
	// that says when may rank below others.
	var ws, rare []string
	for _, w := range f.Words {
		if len(e.refsOf(w)) > 0 {
			ws = append(ws, w)
			if !e.lex.ordinary(w) {
				rare = append(rare, w)
			}
		}
	}
	if len(rare) > 0 {
		ws = rare // "… and under what name?": the name it is about decides
	}
	if len(ws) == 0 {
		return domain.Answer{}, false
	}
	refs := e.refsOf(ws[0])
	for _, w := range ws[1:] {
		if rs := e.refsOf(w); len(rs) < len(refs) {
			refs = rs
		}
	}
	var dated []domain.FactHit
	for _, r := range refs {
		if network != "" && r.Network != network {
			continue
		}
		text := e.fact(r, false).Text
		if r.Part == "fact" && e.countWords(text, ws) == len(ws) && yearRE.MatchString(text) && e.saysCue(text, "founding") {
			dated = append(dated, domain.FactHit{Ref: r, Matched: len(ws), Total: len(ws)})
		}
	}
	if len(dated) == 0 {
		return domain.Answer{}, false
	}
	return e.shortFacts(dated, f), true
}

// shortFacts answers with statements, the one that has most of the
// question's words (and its year) leading, and one more only where the
// lead leaves some out.
func (e *Engine) shortFacts(hits []domain.FactHit, f Frame) domain.Answer {
	a := e.factsAnswer(hits, f.English)
	ws := append(append([]string(nil), f.Words...), f.Asked...)
	if f.Filters.Year != 0 {
		ws = append(ws, strconv.Itoa(f.Filters.Year))
	}
	all := append([]domain.AnswerFact{{Text: a.Lead, Source: a.LeadSource}}, a.Facts...)
	rank := func(x domain.AnswerFact) int {
		n := e.countWords(x.Text, ws) + 3*e.fromSource(x, f)
		if y := f.Filters.Year; y != 0 && f.Filters.YearOp == "" && f.Op != OpCount && firstYear(x.Text) == y {
			n++ // "Bewerbungsschluss 2020": the statement about 2020, not the one that ends in it
		}
		if f.Filters.Area != "" {
			// "Welche Kommunen aus dem Kreis Olpe …?": the statement
			// that names more of its places.
			for _, id := range e.statementPlaces[x.Text] {
				if e.idInArea(id, f.Filters.Area) {
					n += 2
				}
			}
		}
		return n
	}
	slices.SortStableFunc(all, func(x, y domain.AnswerFact) int { return rank(y) - rank(x) })
	a.Facts = nil
	if 2*e.countWords(all[0].Text, ws) < len(ws) && len(all) > 1 {
		a.Facts = slices.Clone(all[1:2])
	}
	if f.Filters.Area != "" && len(all) > 1 {
		a.Facts = slices.Clone(all[1:min(len(all), 3)]) // every round of the EWS with places of the Kreis
	}
	if area := f.Filters.Area; area != "" {
		// "Welche Kommunen aus dem Kreis Olpe waren in der EWS?": of a
		// long list, the Kreis's places.
		in := func(id string) bool { return e.idInArea(id, area) }
		all[0].Text = e.narrowList(all[0].Text, e.statementPlaces[all[0].Text], in)
		for i := range a.Facts {
			a.Facts[i].Text = e.narrowList(a.Facts[i].Text, e.statementPlaces[a.Facts[i].Text], in)
		}
	}
	leadWith(&a, all[0])
	return a
}

// fromSource is 1 where a statement comes from the source the question
// goes by (Frame.From: "laut Landtag"), by its source's publisher, title
// or address, or says so itself ("Der Landtag berichtet …"); else 0.
func (e *Engine) fromSource(x domain.AnswerFact, f Frame) int {
	if f.From == "" {
		return 0
	}
	if s := x.Source; s != nil && slices.Contains(e.foldWords(s.Publisher+" "+s.Title+" "+hostOf(s.URL)), f.From) {
		return 1
	}
	ws := e.foldWords(x.Text)
	if slices.Contains(ws[:min(len(ws), 6)], f.From) {
		return 1
	}
	return 0
}

// hostOf is the host of an address, with its dots as word breaks:
// "www.landtag.nrw.de" says "landtag".
func hostOf(u string) string {
	if p, err := url.Parse(u); err == nil {
		return strings.ReplaceAll(p.Hostname(), ".", " ")
	}
	return ""
}

// yearRE finds a year in a text.
var yearRE = regexp.MustCompile(`\b(19|20)\d\d\b`)

// foundingNamed is the network whose founding the question's words
// describe, for a question about a founding that names no network; with a
// place where it asks where.
func (e *Engine) foundingNamed(f Frame) *domain.Network {
	if f.Attribute != domain.AttrFounding && f.Attribute != domain.AttrFoundingPlace && f.Attribute != domain.AttrFounders {
		return nil
	}
	// The question's own words name the founding ("die Unterzeichnung",
	// "die Auslandsgesellschaft"); where it has none, the words that asked.
	ws := f.Words
	if len(ws) == 0 {
		ws = f.Asked
	}
	var best *domain.Network
	score := 0
	for i := range e.base.Networks {
		n := &e.base.Networks[i]
		s := 2 * e.countWords(n.Founded.Text+" "+n.Founded.Place, ws)
		if s > 0 && f.Op == OpWhere && n.Founded.Place != "" {
			s++
		}
		if s > score {
			best, score = n, s
		}
	}
	return best
}

// foundingRank orders hits for a question about a founding.
func (e *Engine) foundingRank(h domain.FactHit, f Frame) int {
	if h.Ref.Part != "founding" {
		return 0
	}
	if n := e.base.Network(h.Ref.Network); f.Op == OpWhere && n.Founded.Place == "" {
		return 1
	}
	return 2
}

// joinAny answers "Wie wird man Mitglied?" without a network: how to join
// each network that says.
func (e *Engine) joinAny(ctx context.Context, f Frame) (domain.Answer, error) {
	if len(f.Words) > 0 {
		// "europa bei uns zuhause bewerbungsfrist 2019": the statements
		// on what the words name, not how to join a network.
		a, err := e.statementsKind(ctx, f)
		if err != nil || a.Found || len(e.specificWords(f)) > 0 {
			// Words only statements have ("Europawoche 2026") that none
			// answers: no network's way in stands in for them.
			return a, err
		}
	}
	var fs []domain.AnswerFact
	for i := range e.base.Networks {
		if js := e.topicFacts(&e.base.Networks[i], f.English, "join"); len(js) > 0 {
			fs = append(fs, js[0])
		}
	}
	if len(fs) == 0 {
		return e.statementsKind(ctx, f)
	}
	a := domain.Answer{Found: true, Kind: domain.KindFacts, Title: say(f.English, "join.title"), English: f.English}
	leadWith(&a, fs[0])
	a.Facts = fs[1:min(len(fs), 3)]
	return a, nil
}

// overview lists every network in a sentence each.
func (e *Engine) overview(english bool) domain.Answer {
	a := domain.Answer{Found: true, Kind: domain.KindOverview, Title: say(english, "overview.title"), English: english,
		Lead: say(english, "overview", len(e.base.Networks))}
	for i := range e.base.Networks {
		n := &e.base.Networks[i]
		text := n.Name
		if n.Kind != "" || n.Scope != "" {
			text += " (" + strings.Trim(n.Kind+", "+n.Scope, ", ") + ")"
		}
		// Names and kinds only: what each one is, the next question asks
		// (the suggestion names one), and five descriptions would not be
		// short.
		a.Facts = append(a.Facts, domain.AnswerFact{Text: text})
		a.Hits = append(a.Hits, networkHit(n))
	}
	if len(e.base.Networks) > 0 {
		a.Suggestions = []string{shortName(&e.base.Networks[0])}
	}
	return a
}

// overviewIn lists the networks of a Bundesland: those working there and
// the ones with members from there ("Welche Netzwerke gibt es in NRW?").
func (e *Engine) overviewIn(_ context.Context, f Frame) (domain.Answer, error) {
	en, state := f.English, f.Filters.State
	a := domain.Answer{Found: true, Kind: domain.KindOverview, Title: say(en, "overview.in.title", state), English: en}
	for i := range e.base.Networks {
		n := &e.base.Networks[i]
		count := e.currentIn(n.ID, state)
		if n.Scope != state && count == 0 {
			continue
		}
		text := n.Name
		if n.Scope != "" {
			text += " (" + n.Scope + ")"
		}
		if count > 0 {
			text += ": " + say(en, "members.from", count, plural(en, count, "member.word", "members.word"), state)
		}
		a.Facts = append(a.Facts, domain.AnswerFact{Text: text, Source: e.base.Source(n.Description.Source)})
		a.Hits = append(a.Hits, networkHit(n))
	}
	if len(a.Facts) == 0 {
		return e.notFound(f), nil
	}
	a.Lead = say(en, "overview.in", len(a.Facts), plural(en, len(a.Facts), "network.word", "networks.word"), state)
	return a, nil
}

// membersFiltered lists the members of every network that pass the
// filters: "Welche Kreise sind dabei?", "Wer kam 2022 dazu?", "Hamburg".
func (e *Engine) membersFiltered(_ context.Context, f Frame) (domain.Answer, error) {
	var nets []domain.Network
	for _, n := range e.base.Networks {
		if !(&n).IsTitle() || f.Filters.Kind != "" {
			nets = append(nets, n)
		}
	}
	if named := e.networksSaying(f.Words); len(named) > 0 {
		nets = named // "die Gemeinsame Erklärung": the network whose statements say so
		f.Words = nil
	}
	return e.membersAnswer(nets, f), nil
}

// networksSaying are the networks whose own statements have all the
// words: a question that names a network's document ("die Gemeinsame
// Erklärung") asks about that network.
func (e *Engine) networksSaying(ws []string) []domain.Network {
	if len(ws) == 0 {
		return nil
	}
	var out []domain.Network
	for i, n := range e.base.Networks {
		if e.countWords(e.netText[i], ws) == len(ws) {
			out = append(out, n)
		}
	}
	return out
}

// networkText is what networksSaying searches in a network: its
// description, founding and facts, as one text (folded once per snapshot).
func networkText(n domain.Network) string {
	size := len(n.Description.Text) + 1 + len(n.Founded.Text)
	for _, x := range n.Facts {
		size += 1 + len(x.Text)
	}
	// One buffer: adding fact by fact copied the text so far each time,
	// quadratic in a network's facts (a third of the engine's build).
	var b strings.Builder
	b.Grow(size)
	b.WriteString(n.Description.Text)
	b.WriteString(" ")
	b.WriteString(n.Founded.Text)
	for _, x := range n.Facts {
		b.WriteString(" ")
		b.WriteString(x.Text)
	}
	return b.String()
}

// joinAnswers makes one answer of the answers to a question's parts: the
// leads in order, then what each adds. It is found when any part is.
func joinAnswers(as []domain.Answer) domain.Answer {
	// A part that answers the same again asks nothing new ("in welchen
	// Netzwerken ist Bocholt und seit wann?": the list says since when).
	if len(as) > 1 {
		rest := slices.DeleteFunc(slices.Clone(as[1:]), func(b domain.Answer) bool {
			return b.Lead != "" && sameBut(as[0].Lead, b.Lead) && b.Title == as[0].Title
		})
		as = append([]domain.Answer{as[0]}, rest...)
	}
	if len(as) == 1 {
		return as[0]
	}
	if !as[0].Found && as[0].Kind == domain.KindNone && strings.HasPrefix(as[0].Lead, say(as[0].English, "nothing")) {
		// "who runs X and how much can you get?": where only a later part
		// is answered, that answer leads and the first gets the short line.
		if i := slices.IndexFunc(as, func(b domain.Answer) bool { return b.Found }); i > 0 {
			as = slices.Clone(as)
			as[0], as[i] = as[i], as[0]
		}
	}
	a := as[0]
	a.Kind, a.Suggestions = domain.KindFacts, nil
	a.Facts = a.Facts[:min(len(a.Facts), 1)] // two answers in one: their leads, a line each
	leads := []string{a.Lead}
	for _, b := range as[1:] {
		// "Zur Einwohnerzahl … nichts. Das weiß ich: <what the first part
		// said>": the first part said it already.
		b.Lead = strings.TrimSuffix(b.Lead, " "+say(b.English, "known", a.Lead))
		if !b.Found && b.Kind == domain.KindNone && a.Found && !strings.ContainsAny(b.Lead, "„“\"") {
			// A part nothing answers gets one short line, not the help
			// text of a question that found nothing at all.
			b.Lead, b.Facts, b.LeadSource = say(b.English, "part.none"), nil, nil
		}
		if b.Lead != "" && sameBut(a.Lead, b.Lead) {
			continue // the same answer again, maybe with "Ja, " before it: the part asked nothing new
		}
		if b.LeadSource != nil {
			// A later part's sourced lead keeps its source, as a line of its own.
			a.Facts = appendFact(a.Facts, domain.AnswerFact{Text: b.Lead, Source: b.LeadSource})
		} else if b.Lead != "" && b.Lead != a.Lead {
			leads = append(leads, b.Lead)
		}
		a.Found = a.Found || b.Found
		a.Failed = a.Failed || b.Failed
		if b.LeadSource == nil || len(b.Lists) > 0 {
			for _, f := range b.Facts[:min(len(b.Facts), 1)] {
				a.Facts = appendFact(a.Facts, f)
			}
		}
		for _, l := range b.Lists {
			if !slices.ContainsFunc(a.Lists, func(x domain.List) bool { return sameList(x, l) }) {
				a.Lists = append(a.Lists, l) // a part that lists the same again adds nothing
			}
		}
		for _, l := range b.Links {
			a.Links = appendLink(a.Links, l)
		}
		a.Hits = append(a.Hits, b.Hits...)
		a.Frame = b.Frame // a follow-up continues from the last thing asked
		if pf, ok := decodeFrame(a.Frame); ok && a.Frame != "" {
			// … in the network the question named: "did it ever chair the
			// network, and who was OB?" … "who took over after it?".
			if bf, ok := decodeFrame(as[0].Frame); ok && !pf.has(SubjectNetwork) && bf.count(SubjectNetwork) == 1 && pf.count(SubjectPlace) == 1 && bf.count(SubjectPlace) == 1 && bf.places()[0] == pf.places()[0] {
				pf.Subjects = append(pf.Subjects, Subject{Kind: SubjectNetwork, ID: bf.networks()[0]})
				a.Frame = pf.encode()
			}
		}
	}
	if len(leads) > 1 {
		// "… in der Türkei …: … in Polen …:": a lead that introduced its
		// list ends as a sentence when another follows; the lists follow
		// all leads.
		for i, l := range leads {
			leads[i] = strings.TrimSuffix(l, ":") + map[bool]string{true: ".", false: ""}[strings.HasSuffix(l, ":")]
		}
	}
	a.Lead = strings.TrimSpace(strings.Join(leads, " "))
	return a
}

// sameBut reports whether two leads say the same but for a word of
// answer before one of them: "Ja, X ist Mitglied" and "X ist Mitglied".
func sameBut(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	return strings.HasSuffix(b, a) && len(b)-len(a) <= len("Nein, ")
}

// sameList reports whether two lists show the same items.
func sameList(x, y domain.List) bool {
	return x.Title == y.Title && slices.EqualFunc(x.Items, y.Items, func(a, b domain.ListItem) bool {
		return a.Name == b.Name && a.Detail == b.Detail
	})
}

// shorten keeps an answer short: a line the lead already says goes, and so
// does an empty one. It never drops a fact keep holds: the lead of a later
// part of a question of two.
func (e *Engine) shorten(a domain.Answer, keep func(domain.AnswerFact) bool) domain.Answer {
	if len(a.Facts) == 0 {
		return a
	}
	var facts []domain.AnswerFact
	lead := e.foldedText(a.Lead)
	for _, f := range a.Facts {
		if !e.saysAgain(lead, f.Text) {
			facts = append(facts, f)
		}
	}
	a.Facts = facts
	// Short answers: statements that only add to the answer (the facts
	// after the first of a statements answer) go while the answer is over
	// its budget; the lead, lists, a network's overview and a place's
	// memberships stay.
	if a.Kind == domain.KindFacts {
		for len(a.Facts) > 1 && utf8.RuneCountInString(a.PlainText()) > answerBudget {
			i := len(a.Facts) - 1
			for i > 0 && keep != nil && keep(a.Facts[i]) {
				i--
			}
			if i == 0 {
				break
			}
			a.Facts = slices.Delete(a.Facts, i, i+1)
		}
	}
	return a
}

// saysAgain reports whether a fact adds nothing to a lead (foldedText of
// it): it has no words, or all of them stand in the lead, in order. Most
// facts differ from their lead at the first word, and an answer's own
// text is not folded beyond it then.
func (e *Engine) saysAgain(lead, text string) bool {
	if m := e.folded.Load(); lead != "" && (m == nil || (*m)[text] == nil) {
		if ws := words.Split(text); len(ws) > 0 {
			var buf [64]byte
			if first := words.AppendFold(buf[:0], ws[0]); len(first) > 0 && !strings.Contains(lead, string(first)) {
				return false
			}
		}
	}
	t := e.foldedText(text)
	return t == "" || (lead != "" && strings.Contains(lead, t))
}

// answerBudget is the length an answer with statements to spare keeps to.
const answerBudget = 700

// quoteWords are the frame's content words for quoting back: "Zu
// „Einwohner“ nennen meine Quellen nichts".
func quoteWords(f Frame) string {
	if f.Unknown != "" {
		return f.unknownName()
	}
	return strings.Join(f.Words, " ")
}

// introduces reports whether a text names the words (a person's name, in
// order) with what they are: a title or role right before, in the same
// phrase ("Staatsminister a. D. Wolfram Kuschke"), or after a comma
// ("Klaus Wegener, Präsident der …"); not where the name opens a clause
// ("…; Wolfram Kuschke führte ein").
func introduces(text string, ws []string) bool {
	toks := tokenize(text)
	at := make([]int, len(toks)) // byte offset of each token in text
	cur := 0
	for i, t := range toks {
		if j := strings.Index(text[cur:], t.raw); j >= 0 {
			cur += j
		}
		at[i] = cur
		cur += len(t.raw)
	}
	for i := 0; i+len(ws) <= len(toks); i++ {
		match := true
		for j, w := range ws {
			match = match && toks[i+j].fold == w
		}
		if !match {
			continue
		}
		before := strings.TrimRight(text[:at[i]], " ")
		if r, _ := utf8.DecodeLastRuneInString(before); before != "" && (unicode.IsLetter(r) || r == '.') && toks[max(i-1, 0)].upper {
			return true
		}
		last := i + len(ws) - 1
		after := strings.TrimLeft(text[at[last]+len(toks[last].raw):], " ")
		if rest, ok := strings.CutPrefix(after, ", "); ok {
			if r, _ := utf8.DecodeRuneInString(rest); unicode.IsUpper(r) {
				return true
			}
		}
	}
	return false
}
