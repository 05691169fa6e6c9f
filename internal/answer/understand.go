package answer

import (
	"iter"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/names"
	"github.com/engagiert/engagiert/internal/words"
)

// Reading a question: text → words → names, cues and filters → a Frame.
// One function, understand, does it for every caller (Ask, AskFollowUp,
// `ask --frame`, the kinds' example test, Slack's help check); nothing
// after it looks at the words again.
//
// The steps, in order, each claiming the words it uses so later steps
// see only what is left:
//
//  1. names: places, networks and Bundesländer (package names), typos
//     included for words that are no ordinary words;
//  2. cues of the lexicon: what is asked (count, when, which, …);
//  3. the attribute asked for (chair, cost, …), the country, comparison
//     and superlative words, measures, numbers and years;
//  4. what is left are content words, searched in statements; one that
//     looks like a name the base does not know makes the question one
//     about something unknown.
//
// Then the op (what is asked), what it is about, the filters, and, in a
// conversation, what the question takes from the one before.

// reading is what understand found in one question, on its way to the
// frame. It never leaves this file: the frame is the contract.
type reading struct {
	toks     []tok
	claimed  []bool
	mentions []names.Mention
	cues     map[string][]int // cue -> positions of the words that said it
	attrPos  []int
	// germany marks a question that named Germany as a country where that
	// means no filter ("Engagierte Städte in Deutschland"), for a
	// follow-up on twinnings where it does.
	germany bool
	// titled marks the words of a title the statements quote (Engine.titled).
	titled  []bool
	english bool
	// bare marks a question of names, filters and follow-up words only:
	// "und in Frankreich?", "und Paderborn?".
	bare    bool
	pronoun bool
	// pointsBack is pronoun, or an article before fillers only ("wie
	// viele sind das insgesamt?").
	pointsBack bool
	also       bool
	// counted marks a figure followed by what it counts: "90 Kommunen",
	// "9 members".
	counted bool
	// numberAt is the position of the number read into Frame.Number,
	// yearAt that of the year read into Filters.Year.
	numberAt int
	yearAt   int
	content  int // content words, counted before synonyms
	// also2 is a second country joined to the first by "und"/"and": the
	// question is asked for it too.
	also2 string
	// germanPair is the lexicon's word for "German" where it stood right
	// before a country ("German–Chinese twinning"): statements say
	// "deutsch-chinesisch".
	germanPair string
	// countryAt is the position of the country read into
	// Filters.Country, -1 if none.
	countryAt int
	// modifiers are the first parts of compounds read by their last
	// ("ruhrgebiet" of "Ruhrgebietskommunen") that statements use: content.
	modifiers []string
}

func (r *reading) has(cues ...string) bool {
	for _, c := range cues {
		if len(r.cues[c]) > 0 {
			return true
		}
	}
	return false
}

func (r *reading) free(i int) bool { return !r.claimed[i] }

// asksWord reports whether "welche" asks for one of the content words:
// "Welches Budget …?" asks for the budget, "gib mir die komplette Liste
// …" for no word of its own.
func (r *reading) asksWord(words []string) bool {
	for _, p := range r.cues["which"] {
		if p+1 < len(r.toks) && slices.Contains(words, r.toks[p+1].fold) {
			return true
		}
	}
	return false
}

// understand reads a question, chatter already removed, as the next of a
// conversation whose last frame is prev (nil: a question of its own).
func (e *Engine) understand(text string, prev *Frame) Frame {
	toks := e.focus(tokenize(text))
	var out Frame
	last := prev
	if ctx, q := e.contextClause(toks); ctx != nil {
		// "Kassel just joined the regiopoles – is it an Engagierte Stadt
		// as well?": the first clause says what "it" is; the second asks,
		// read with the name in place of "it".
		if c, _ := e.read(ctx); len(c.places()) > 0 {
			// "Herford und Bad Salzuflen sind beide … – liegen die im
			// selben Kreis?": "die" are both.
			var names []string
			for _, id := range c.places()[:min(len(c.places()), 3)] {
				if pl := e.base.Place(id); pl != nil {
					names = append(names, pl.Name)
				}
			}
			if len(names) > 0 {
				for i := range q {
					if e.pointsAt(q, i) {
						named := append(append(slices.Clone(q[:i]), tokenize(strings.Join(names, " und "))...), q[i+1:]...)
						toks = renumber(named)
						break
					}
				}
			}
		}
	}
	var extra []Frame // the same question for a second country
	for i, part := range e.splitParts(toks) {
		f, r := e.read(part)
		e.unknownNetwork(&f, r)
		if last != nil {
			f = e.continueFrom(f, *last, r)
			f.Words = e.otherOffice(f.Words, last.Words)
			if i > 0 && (len(f.Subjects) == 0 && !r.has("members", "member-who") || f.Op == OpDescribe && f.Attribute == domain.AttrNone && len(f.networks()) > 0 && len(f.places()) == 0) &&
				len(f.Words) == 0 && f.Unknown == "" && len(last.Words) > 0 && len(last.Subjects) == 0 {
				// "who runs 'Europa bei uns zuhause' and how much can you
				// get?", "what is the EWS and how does it relate to the
				// Kommunen-Netzwerk?": the second part asks of what the
				// first named ("… und wie viele Mitglieder gibt es?" asks
				// of members, which statements have no place for).
				f.Words = slices.Clone(last.Words)
			}
		}
		if pls := f.places(); f.Op == OpYesNo && f.Filters.Kind != "" && len(pls) == 1 && len(f.Subjects) == 1 && f.Filters.Area == "" && f.About == AboutSubjects {
			if a := e.base.Place(pls[0]); a != nil && isArea(a) && a.Kind != f.Filters.Kind {
				// "Gibt es im Kreis Höxter Gemeinden ohne Stadtrecht?": the
				// list of them there says yes or no.
				f.Op, f.About, f.Attribute, f.Subjects, f.Filters.Area = OpList, AboutAreas, domain.AttrMembers, nil, a.ID
			}
		}
		if f.Op == OpYesNo && f.Attribute == domain.AttrMembers && len(f.places()) == 0 && f.Filters.Kind != "" {
			// "ist da auch ein Kreis dabei?" after members: which of them
			// are, listed; none listed says no.
			f.Op = OpList
		}
		if g, ok := e.togetherWith(f, r); ok {
			f = g
		}
		if r.also2 != "" && f.Filters.Country != "" {
			g := f
			g.Filters.Country, g.Filters.NotCountry = r.also2, false // "außerhalb Europas und in Polen"
			extra = append(extra, g)
		}
		if f.Op == OpWhen && f.Attribute == domain.AttrFounders {
			f.Attribute = domain.AttrFounding // "Who set it up, and in which year?": when, not who
		}
		if f.Filters.Country == "" {
			f.Filters.NotCountry = false // no country, nothing outside it (a follow-up dropped it)
		}
		if i == 0 {
			out = f
		} else {
			out.Parts = append(out.Parts, f)
		}
		g := f
		last = &g
	}
	out.Parts = append(out.Parts, extra...)
	if len(out.Parts) > 0 && out.Op == OpDescribe && out.About == AboutSubjects && out.Attribute == domain.AttrNone && len(out.Words) == 0 && out.Filters.IsZero() &&
		len(out.Subjects) > 0 {
		// "Kennst du Bocholt? Wie viele Einwohner hat die Stadt?": the
		// first part only names what the next asks about.
		first := out.Parts[0]
		first.Parts = out.Parts[1:]
		out = first
	}
	return out
}

// focus leaves out the clauses of a message that only say why it asks
// ("ich bereite ein Treffen mit der Bezirksregierung Münster vor – welche
// Engagierten Städte liegen im Regierungsbezirk Münster?"): sentences
// about the asker (they say "ich", "wir", "hab"), of four words or more,
// where another clause asks. Other
// clauses stay: "Lotte – sind die im Kommunen-Netzwerk?" asks about Lotte.
func (e *Engine) focus(toks []tok) []tok {
	for i := 1; i < len(toks); i++ {
		if toks[i].dot && toks[i].clause == toks[i-1].clause && !toks[i-1].ordinal && e.lex.startsQuestion(toks, i) {
			// "ich bereite einen vortrag vor. wie viele …?": lower case
			// after a full stop, but a new sentence that asks.
			for j := i; j < len(toks); j++ {
				toks[j].clause++
			}
		}
	}
	var clauses [][]tok
	start := 0
	for i := 1; i <= len(toks); i++ {
		if i == len(toks) || toks[i].clause != toks[i-1].clause {
			clauses = append(clauses, toks[start:i])
			start = i
		}
	}
	if len(clauses) < 2 {
		return toks
	}
	if c, rest := clauses[0], len(toks)-len(clauses[0]); len(c) <= 3 && rest >= 3 && len(e.names.Find(e.nameTokens(c))) == 0 && !e.lex.startsQuestion(c, 0) &&
		!e.hasCountry(c) && !e.lex.isCue("and", c, 0) && !slices.ContainsFunc(c, func(t tok) bool {
		_, n := e.lex.numbers[t.fold]
		return t.num >= 0 || n || !e.lex.fillers[t.fold] && (e.statementWord[t.fold] || e.statementWord[t.term])
	}) && !e.saysSource(c) {
		// "Für den Verteiler: alle Städte im Kreis Olpe bitte": a few
		// words before the question that name nothing say what for.
		return e.focus(renumber(toks[len(c):]))
	}
	// A clause about the asker may hold a question word that asks nothing
	// ("wir planen was zu Nordeuropa"): it counts only where no other
	// clause asks.
	asksFirst := func(c []tok) bool { // a question word that opens the clause
		return e.lex.startsQuestion(c, 0) || len(c) > 1 && e.lex.startsQuestion(c, 1)
	}
	if last := clauses[len(clauses)-1]; len(last) >= 4 && last[0].afterQ && !toks[len(toks)-len(last)-1].afterQ && !asksFirst(last) && !e.lex.isCue("and", last, 0) && !e.hasCountry(last) {
		// "wer ist Tessa Flatten? Der Name fiel gestern im Call": a
		// remark after the question mark, all of what follows it, that
		// names nothing and asks nothing
		// only says why it asks; its words would be searched for.
		if f, _ := e.read(renumber(last)); f.Op == OpDescribe && f.About == AboutSubjects && len(f.Subjects) == 0 && f.Attribute == domain.AttrNone &&
			f.Most == DirNone && len(f.Asked) == 0 && f.Filters.IsZero() && f.Unknown == "" && f.Number == 0 && f.Ordinal == 0 &&
			len(e.specificWords(f)) == 0 { // "Mich interessiert vor allem der Beirat": a word statements have is asked
			return e.focus(renumber(toks[:len(toks)-len(last)]))
		}
	}
	titled := e.titled(toks) // "Europa bei uns zuhause" is a title, no clause about the asker
	self := func(c []tok) bool {
		if len(c) < 4 || asksFirst(c) {
			return false
		}
		for i := range c {
			if e.lex.isCue("self", c, i) && !titled[c[i].pos] {
				return true // "Für eine Vorlage im Rat brauche ich eine Zahl:"
			}
		}
		return false
	}
	any := false
	for _, c := range clauses {
		for i := range c {
			if !self(c) && e.lex.startsQuestion(c, i) {
				any = true
			}
		}
	}
	if !any {
		return toks
	}
	// A clause about the asker that names what the asking clauses only
	// point at stays: "rheinberg und rheinbach verwechsel ich immer – wo
	// liegen die jeweils?".
	othersName, pointBack := false, false
	for _, c := range clauses {
		if !self(c) {
			othersName = othersName || e.namesAny(c)
			pointBack = pointBack || len(c) <= 3 // "– is that right?": too short to ask of its own
			for i := range c {
				// "die Stadt", "die jeweils"; "is that right?" checks what the clause before says
				pointBack = pointBack || e.pointsBack(c, i) || e.lex.startsCue("check", c, i)
			}
		}
	}
	othersName = othersName || !pointBack // "Ich arbeite bei der Stadt Dortmund – welche Netzwerke gibt es?": nothing points back
	asksElsewhere := slices.ContainsFunc(clauses, func(c []tok) bool { return !self(c) && asksFirst(c) })
	var out []tok
	for _, c := range clauses {
		switch {
		case !self(c):
			out = append(out, c...)
		case !othersName && e.namesAny(c) && !asksElsewhere:
			out = append(out, c...)
		case !othersName && e.namesAny(c):
			// "Wir haben Post aus Nieheim bekommen – wo liegt das?": of
			// the clause about the asker, what it names is what the
			// question points at; "Post" and "bekommen" ask nothing.
			out = append(out, e.namedIn(c)...)
		}
	}
	return renumber(out)
}

// bracketed reports whether a statement gives the word in brackets, as
// an abbreviation after what it stands for: "(BMBFSFJ)".
func (e *Engine) bracketed(w string) bool {
	for _, ref := range e.refsOf(w) {
		// Folding keeps brackets and makes none: a text without one is
		// not folded (most are not, and a word may have dozens; issue 17).
		if text := e.fact(ref, false).Text; strings.IndexByte(text, '(') >= 0 && strings.Contains(words.Fold(text), "("+w+")") {
			return true
		}
	}
	return false
}

// carrierFounding reads "seit wann gibt es den?", "wie alt ist der
// Verein?" after who carries a network: the carrier's founding, asked
// with the word its statement names it by ("Auslandsgesellschaft"),
// where a statement says when that was founded. Only a masculine word
// points at "der Träger" (grammar, kept here for the reason pointsBack
// gives): "seit wann gibt es die?" asks of die Netzwerkstelle, and a bare
// "since when?" of it too.
func (e *Engine) carrierFounding(f, prev Frame, r *reading) (Frame, bool) {
	nets := prev.networks()
	// "und den Träger, seit wann gibt es ihn?": the carrier named, its start asked.
	founding := f.Attribute == domain.AttrFounding || f.Attribute == domain.AttrCarrier && r.has("founding")
	if prev.Attribute != domain.AttrCarrier || !founding || len(nets) != 1 || len(f.Subjects) > 0 {
		return Frame{}, false
	}
	if f.Attribute != domain.AttrCarrier && !slices.ContainsFunc(r.toks, func(t tok) bool {
		return t.fold == "den" || t.fold == "er" || t.fold == "ihn" || t.fold == "verein" || t.fold == "trager" || t.fold == "carrier" ||
			t.fold == "organisation" || t.fold == "organization" || t.fold == "association"
	}) {
		return Frame{}, false
	}
	n := e.base.Network(nets[0])
	if n == nil {
		return Frame{}, false
	}
	own := map[string]bool{} // the network's own name is not its carrier's
	for _, name := range append([]string{n.Name, n.ShortName}, n.Aliases...) {
		for _, w := range words.Split(words.Fold(name)) {
			own[w] = true
		}
	}
	for _, x := range n.Facts {
		if x.Topic != "carrier" {
			continue
		}
		for _, t := range e.tokensOf(x.Text) {
			if !t.upper || own[t.fold] || e.lex.ordinary(t.fold) || !e.statementWord[t.fold] {
				continue
			}
			g := Frame{Op: OpWhen, Attribute: domain.AttrFounding, Words: []string{t.fold}, English: f.English}
			if _, ok := e.foundedStatement(g, ""); ok {
				return g, true
			}
		}
	}
	return Frame{}, false
}

// joinedBySigning is the one network whose statements on joining have
// all the words ("Gemeinsame Erklärung" for the Kommunen-Netzwerk).
func (e *Engine) joinedBySigning(ws []string) (string, bool) {
	found := ""
	for i := range e.base.Networks {
		n := &e.base.Networks[i]
		for _, x := range n.Facts {
			if x.Topic == "join" && e.countWords(x.Text, ws) == len(ws) {
				if found != "" && found != n.ID {
					return "", false
				}
				found = n.ID
			}
		}
	}
	return found, found != ""
}

// joinWords are the words of ws that a network's statement on joining
// has, where two or more are: "Gemeinsame Erklärung" of a question that
// says more ("Unterzeichner").
func (e *Engine) joinWords(ws []string) []string {
	var out []string
	for _, w := range ws {
		if slices.ContainsFunc(e.base.Networks, func(n domain.Network) bool {
			return slices.ContainsFunc(n.Facts, func(x domain.Fact) bool { return x.Topic == "join" && e.countWords(x.Text, []string{w}) > 0 })
		}) {
			out = append(out, w)
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// pointsBack reports whether a pronoun at i refers to something named
// before ("die Stadt", "die jeweils", "sie"). "es" and "it" mostly stand
// for nothing ("gibt es", "wie wird es morgen?") and do not count. These
// are grammar, not vocabulary: as lexicon cues, articles would make every
// follow-up like "und der Kreis Olpe?" read as more than a name.
func (e *Engine) pointsBack(toks []tok, i int) bool {
	if e.lex.startsCue("pronoun", toks, i) && toks[i].fold != "es" && toks[i].fold != "it" {
		return true
	}
	// "welche Partnerstädte haben die?", "liegen die im selben Kreis?":
	// an article with no noun after it stands for what was named.
	switch toks[i].fold {
	case "die", "der", "das", "those":
		return i > 0 && (i+1 == len(toks) || e.lex.fillers[toks[i+1].fold] && !toks[i+1].upper)
	}
	return false
}

// namesAny reports whether words name a place or network of the base, as
// readNames finds them (a misspelt name too), no everyday word.
func (e *Engine) namesAny(c []tok) bool {
	for _, m := range e.names.Find(e.nameTokens(c)) {
		// The Netzwerkstelle's alias "Städtepartnerschaften" is an ordinary
		// word here ("Lage, Netzwerke, Partnerstädte").
		if pl := e.base.Place(m.ID); m.Kind == names.Network && m.ID != e.twinNetwork || m.Kind == names.Place && pl != nil && !pl.Everyday {
			return true
		}
	}
	return false
}

// namedIn are the words of a clause that name something: places,
// networks and figures ("113 Engagierte Städte").
func (e *Engine) namedIn(c []tok) []tok {
	keep := map[int]bool{}
	for _, m := range e.names.Find(e.nameTokens(c)) {
		if m.Kind == names.Place || m.Kind == names.Network {
			for _, p := range m.Positions {
				keep[p] = true
			}
		}
	}
	// "Ich soll mit den Sprechern vom Kommunen-Netzwerk telefonieren – wer
	// ist das?": a noun of people ("Sprecher", "Vorsitz") is what the
	// question points at too; a meeting the asker prepares is not.
	for _, x := range e.lex.pairsIn(e.lex.attrSpan, c) {
		p, i := e.lex.phrases[x[0]], int(x[1])
		if n := p.match(c, i, all); n == 1 && peopleAttribute(e.lex.attrs[p.owner].attr) {
			keep[c[i].pos] = true
		}
	}
	var out []tok
	for _, t := range c {
		if keep[t.pos] || t.num >= 0 {
			out = append(out, t)
		}
	}
	return out
}

// peopleAttribute reports whether an attribute names people: who speaks
// for, chairs, leads or founded something.
func peopleAttribute(a domain.Attribute) bool {
	switch a {
	case domain.AttrSpeakers, domain.AttrChair, domain.AttrPeople, domain.AttrFounders, domain.AttrInitiator, domain.AttrMayor:
		return true
	}
	return false
}

// pointsAt reports whether the word at i stands for something named
// before: a pronoun ("es", "dort"), or an article with no noun after it
// ("– in welchem Kreis liegt das?").
func (e *Engine) pointsAt(toks []tok, i int) bool {
	return e.lex.isCue("pronoun", toks, i) || i == len(toks)-1 && i > 0 && e.lex.isCue("article", toks, i)
}

// contextClause splits off the clauses before the last one where only
// the last asks, and asks with a pronoun: the clauses before say what it
// stands for. Nil where the message is not so.
func (e *Engine) contextClause(toks []tok) (ctx, q []tok) {
	if len(toks) < 4 {
		return nil, nil
	}
	start := len(toks) - 1
	for start > 0 && toks[start-1].clause == toks[start].clause {
		start--
	}
	if start < 4 {
		// "Kreis Höxter – welche Orte gehören dazu?", "Bocholt und Akmenė
		// – seit wann …?": a topic, read as one with the question.
		return nil, nil
	}
	last := toks[start:]
	if !e.lex.startsQuestion(last, 0) {
		return nil, nil
	}
	pronoun := false
	for i := range last {
		pronoun = pronoun || e.pointsAt(last, i)
	}
	for i := range toks[:start] {
		// A clause before that opens with a question word asks too; a
		// verb inside it ("Kassel ist gerade beigetreten") does not.
		if (i == 0 || toks[i-1].clause != toks[i].clause || i > 1 && toks[i-2].clause != toks[i].clause) && e.lex.startsQuestion(toks[:start], i) {
			return nil, nil
		}
	}
	if !pronoun || slices.ContainsFunc(toks[:start], func(t tok) bool { return t.afterQ }) {
		return nil, nil
	}
	q = renumber(last)
	if f, _ := e.read(q); len(f.Subjects) == 0 {
		// "Bedburg's partnership with an Israeli town – when was it
		// signed?": the question names nothing of its own; read as one.
		return nil, nil
	}
	return renumber(toks[:start]), q
}

// splitParts cuts a question that asks two things where "und", "and" or
// "sowie" is followed by a question word ("Wann wurde RegioPole gegründet
// und wer hat heute den Vorsitz?"), into at most three parts. "Welche
// Städte sind in RegioPole und Engagierte Stadt?" joins names, not
// questions, and stays one.
func (e *Engine) splitParts(toks []tok) [][]tok {
	// "Essens älteste und neueste Partnerstadt?", "the first and the
	// last chair": two superlatives joined ask the question twice, once
	// with each.
	for i := 1; i+1 < len(toks); i++ {
		if !e.lex.isCue("and", toks, i) {
			continue
		}
		j := i + 1
		if j+1 < len(toks) && e.lex.fillers[toks[j].fold] && e.lex.mostAt(toks, j) == DirNone {
			j++ // "die älteste und die neueste"
		}
		a, b := e.lex.mostAt(toks, i-1), e.lex.mostAt(toks, j)
		if a == DirNone || b == DirNone || a == b {
			continue
		}
		first := append(slices.Clone(toks[:i]), toks[j+1:]...)
		second := append(slices.Clone(toks[:i-1]), toks[j:]...)
		return [][]tok{renumber(first), renumber(second)}
	}
	if len(toks) >= 3 && e.lex.isCue("and", toks, 1) && (e.lex.isCue("when", toks, 0) && e.lex.isCue("where", toks, 2) || e.lex.isCue("where", toks, 0) && e.lex.isCue("when", toks, 2)) {
		// "when and where?", "wann und wo wurde RegioPole gegründet?":
		// the date and the place, each asked with the rest.
		return [][]tok{renumber(append([]tok{toks[0]}, toks[3:]...)), renumber(append([]tok{toks[2]}, toks[3:]...))}
	}
	var parts [][]tok
	start := 0
	for i := 2; i+1 < len(toks); i++ {
		if toks[i].afterQ && !toks[i-1].afterQ && e.lex.startsQuestion(toks, i) && len(toks)-i >= 4 {
			// "ist dortmund bei den regiopolen dabei? wer aus nrw ist da
			// drin?": a second question after the first one's mark is a
			// part of its own, no context to the first. A short one ("Seit
			// wann jeweils?") only completes the first.
			second := slices.Clone(toks[i:])
			for j := range second {
				second[j].afterQ = false
			}
			return [][]tok{renumber(toks[:i]), renumber(second)}
		}
	}
	for i := 1; i+1 < len(toks) && len(parts) < 2; i++ {
		if !e.lex.isCue("and", toks, i) || i-start < 2 || e.lex.startsQuestion(toks, i-1) {
			continue // "wo und wann": two question words, one question
		}
		next := i + 1
		for next < len(toks) && e.lex.isCue("also", toks, next) {
			next++ // "und dann wer …"
		}
		// "… und in welchem Kreis liegt Emsdetten?": a short preposition
		// before the question word.
		asks := next < len(toks) && (e.lex.startsQuestion(toks, next) ||
			next+1 < len(toks) && utf8.RuneCountInString(toks[next].fold) <= 3 && toks[next].num < 0 && e.lex.isCue("which", toks, next+1) &&
				e.lex.startsQuestion(toks, next+1)) // not "und von wie vielen?", which completes the question
		if asks {
			parts = append(parts, renumber(toks[start:i]))
			start = next
		}
	}
	if start == 0 {
		return [][]tok{toks} // one part, numbered already: tokenize and focus number the words
	}
	rest := toks[start:]
	if first := parts[0]; len(parts) == 1 && len(first) <= 3 && e.lex.startsQuestion(rest, 0) &&
		(e.lex.isCue("region-words", first, len(first)-1) || e.lex.isCue("district-words", first, len(first)-1)) {
		// "Which Kreis and which Regierungsbezirk is Emsdetten in?", "In
		// welchem Kreis und welchem Regierungsbezirk liegt Hamm?": the
		// first asks for an area as briefly as the second starts and
		// shares the rest of it. ("Wie viele Städte und wie viele
		// Gemeinden ohne Stadtrecht …?" does not: the rest is the
		// second's.)
		head := len(first)
		if !e.lex.startsQuestion(first, 0) && head > 1 && utf8.RuneCountInString(first[0].fold) <= 3 && e.lex.startsQuestion(first, 1) {
			head-- // a preposition before the question word
		}
		if len(rest) > head+1 && (head < len(first) || e.lex.startsQuestion(first, 0)) {
			parts[0] = renumber(append(slices.Clone(first), rest[head:]...))
		}
	}
	return append(parts, renumber(rest))
}

func renumber(ts []tok) []tok {
	out := make([]tok, len(ts))
	for i, t := range ts {
		t.pos = i
		out[i] = t
	}
	return out
}

// startsCue reports whether a phrase of the cue, of any length, starts
// at i: "sister cities".
func (l *lexicon) startsCue(cue string, toks []tok, i int) bool {
	sp := l.cueSpan[cue]
	for _, id := range l.at(toks, i) {
		if sp.has(id) && l.phrases[id].match(toks, i, all) > 0 {
			return true
		}
	}
	return false
}

// cueLen is the length in words of the longest phrase of the cue that
// starts at i, 0 where none does.
func (l *lexicon) cueLen(cue string, toks []tok, i int) int {
	sp, n := l.cueSpan[cue], 0
	for _, id := range l.at(toks, i) {
		if sp.has(id) {
			n = max(n, l.phrases[id].match(toks, i, all))
		}
	}
	return n
}

// isCue reports whether a one-word phrase of the cue is the word at i.
func (l *lexicon) isCue(cue string, toks []tok, i int) bool {
	sp := l.cueSpan[cue]
	for _, id := range l.at(toks, i) {
		if p := l.phrases[id]; sp.has(id) && len(p.words) == 1 && p.match(toks, i, all) == 1 {
			return true
		}
	}
	return false
}

// titled marks the words of a question that spell a title the
// statements quote (Engine.titles).
func (e *Engine) titled(toks []tok) []bool {
	out := make([]bool, len(toks))
	for i, title := range e.titlesIn(toks) {
		for j := range title {
			out[i+j] = true
		}
	}
	return out
}

// titlesIn yields the titles the statements quote that the words spell,
// each with the position of its first word.
func (e *Engine) titlesIn(toks []tok) iter.Seq2[int, []string] {
	return func(yield func(int, []string) bool) {
		for i, t := range toks {
			for _, title := range e.titles[t.fold] {
				if i+len(title) > len(toks) {
					continue
				}
				match := true
				for j, w := range title {
					match = match && toks[i+j].fold == w
				}
				if match && !yield(i, title) {
					return
				}
			}
		}
	}
}

// endsWithCue reports whether the last words are a phrase of one of the
// cues: "…, oder?", "…, right?".
func (l *lexicon) endsWithCue(toks []tok, cues ...string) bool {
	for i := max(0, len(toks)-3); i < len(toks); i++ {
		for _, id := range l.at(toks, i) {
			for _, c := range cues {
				if l.cueSpan[c].has(id) && l.phrases[id].match(toks, i, all) == len(toks)-i {
					return true
				}
			}
		}
	}
	return false
}

// tagged reports whether a question ends with a tag that asks yes or no
// ("…, oder?", "…, right?"), before closing chatter ("…, oder? danke").
func (l *lexicon) tagged(q string) bool {
	return l.beforeClosing(q, func(toks []tok) bool { return l.endsWithCue(toks, "or", "tag") })
}

// taggedIn reports whether a question ends with a one-word tag of the
// language: "…, right?" is English.
func (l *lexicon) taggedIn(q string, english bool) bool {
	return l.beforeClosing(q, func(toks []tok) bool { return len(toks) > 1 && l.isCueIn("tag", english, toks, len(toks)-1) })
}

// beforeClosing reports whether the question, or it without up to two
// closing phrases of chatter ("danke", "lg"), satisfies ok.
func (l *lexicon) beforeClosing(q string, ok func([]tok) bool) bool {
	if sp := wordSpans(q); len(sp) == 0 || !l.closing[words.Fold(q[sp[len(sp)-1][0]:sp[len(sp)-1][1]])] {
		return false
	}
	for range 3 {
		if ok(tokenize(q)) {
			return true
		}
		cut := strings.TrimRight(cutPhrase(q, l.endsBy, false), " ,.:;!?-–—()")
		if cut == q {
			return false
		}
		q = cut
	}
	return false
}

// isCueIn is isCue for the words of one language: a German "Was …?" is no
// English "was".
func (l *lexicon) isCueIn(cue string, english bool, toks []tok, i int) bool {
	want := -1
	if english {
		want = +1
	}
	sp := l.cueSpan[cue]
	for _, id := range l.at(toks, i) {
		if p := l.phrases[id]; sp.has(id) && p.lang == want && len(p.words) == 1 && p.match(toks, i, all) == 1 {
			return true
		}
	}
	return false
}

// startsQuestion reports whether a question word begins at i.
func (l *lexicon) startsQuestion(toks []tok, i int) bool {
	for _, id := range l.at(toks, i) {
		for _, sp := range l.questionSpans {
			if sp.has(id) && l.phrases[id].match(toks, i, all) > 0 {
				return true
			}
		}
	}
	return false
}

// separable are the prefixes a German verb leaves at the end of a clause
// ("kündigte … an"), which its participle keeps in front ("angekündigt").
var separable = []string{"", "ab", "an", "auf", "aus", "bei", "ein", "mit", "nach", "vor", "zu", "zuruck", "weiter"}

// participleStem is, for a weak participle no statement has ("geöffnet",
// "angekündigt"), the verb's form without "ge" and its separable prefix
// where statements have that ("öffnet", "kündigt"); else "".
func (e *Engine) participleStem(w string) string {
	if len(e.refsOf(w)) > 0 {
		return ""
	}
	return e.participleAlt(w)
}

// participleAlt is participleStem for a participle some statement has
// too: the form the others say it in, "" where there is none.
func (e *Engine) participleAlt(w string) string {
	if !strings.HasSuffix(w, "t") {
		return ""
	}
	for _, p := range separable {
		if bare, ok := strings.CutPrefix(w, p+"ge"); ok && len(bare) >= 5 {
			if len(e.refsOf(bare)) > 0 {
				return bare
			}
			if len(e.refsOf(bare+"e")) > 0 {
				return bare + "e" // "angekündigt" for "kündigte … an"
			}
		}
	}
	return ""
}

// sourceAsked is the source a question goes by: the first word after
// "laut" or "according to" that is no article or other lexicon word
// ("laut dem Landtag": "landtag"); before "zufolge" the word before.
func (e *Engine) sourceAsked(r *reading) string {
	ps := r.cues["according"]
	if len(ps) == 0 {
		return ""
	}
	plain := func(i int) bool {
		w := r.toks[i].fold
		return w != "" && !e.lex.vocab[w] && !e.lex.fillers[w] && unicode.IsLetter([]rune(w)[0])
	}
	last := ps[len(ps)-1]
	for i := last + 1; i < len(r.toks) && i <= last+3; i++ {
		if plain(i) {
			return r.toks[i].fold
		}
	}
	for i := ps[0] - 1; i >= 0 && i >= ps[0]-3; i-- {
		if plain(i) {
			return r.toks[i].fold
		}
	}
	return ""
}

// read turns one question's words into a frame.
func (e *Engine) read(toks []tok) (Frame, *reading) {
	r := &reading{toks: toks, claimed: make([]bool, len(toks)), cues: map[string][]int{}, countryAt: -1}
	e.readNames(r)
	e.correctTypos(r)
	// Names and the titles statements quote ("Europa bei uns zuhause")
	// are no language of the question.
	r.titled = e.titled(toks)
	skip := slices.Clone(r.titled)
	for i, c := range r.claimed {
		skip[i] = skip[i] || c
	}
	r.english = e.lex.isEnglish(toks, skip)
	f := Frame{English: r.english}
	// „Who is who“: a title of short words is one word, and its words
	// are no cues ("who") and no question.
	var short []string
	for i, title := range e.titlesIn(toks) {
		if w, ok := shortTitle(title); ok {
			short = append(short, w)
			for j := i; j < i+len(title); j++ {
				r.claimed[j] = true
			}
		}
	}
	e.readCues(r)
	e.readAttribute(r, &f)
	e.readModifiers(r, &f)
	e.readNumbers(r, &f)
	e.readContent(r, &f)
	for _, w := range short {
		if !slices.Contains(f.Words, w) {
			f.Words = append(f.Words, w)
		}
	}
	e.readSubjects(r, &f)
	e.readOp(r, &f)
	e.readAbout(r, &f)
	e.readFilters(r, &f)
	e.pluralName(r, &f)
	e.finish(r, &f)
	return f, r
}

// isEnglish weighs the words only one language uses: English when more
// are English. A question word of the lexicon's English lists counts
// double at the start.
func (l *lexicon) isEnglish(toks []tok, names []bool) bool {
	score := 0
	for i := range toks {
		if names != nil && names[i] {
			continue // "Engagierte Stadt" in an English question is a name
		}
		w := l.langOf(&toks[i])
		switch {
		case w > 0:
			score++
			if i == 0 && l.startsQuestion(toks, 0) {
				score++
			}
		case w < 0:
			score--
		}
	}
	return score > 0
}

// nameTokens are the words as the name index reads them: an ordinary
// word or one of the statements is never looked up by edit distance.
func (e *Engine) nameTokens(toks []tok) []names.Token {
	nts := make([]names.Token, len(toks))
	for i, t := range toks {
		ordinary := e.lex.ordinaryTok(&toks[i])
		nts[i] = names.Token{Fold: t.fold, Term: t.term, Pos: t.pos, Ordinary: ordinary, Clause: t.clause,
			Fuzzy: t.num < 0 && !ordinary && !e.statementWord[t.term] && !e.statementWord[t.fold]}
	}
	return nts
}

// readNames finds the names, and keeps those the question treats as names.
func (e *Engine) readNames(r *reading) {
	found := e.names.Find(e.nameTokens(r.toks))
	for _, m := range found {
		// A misspelt name reads as its spelling from here on, so that
		// "Städteparterschaften" means what "Städtepartnerschaften" means,
		// a name or a word.
		if ws := words.Split(m.Name); m.Distance > 0 && len(ws) == len(m.Positions) {
			for i, p := range m.Positions {
				if fold := words.Fold(ws[i]); words.Stem(fold) != r.toks[p].term {
					r.toks[p].fold, r.toks[p].term = fold, words.Stem(fold) // only the misspelt words
				}
			}
		}
	}
	for _, m := range found {
		if e.apposition(m, found) {
			for _, p := range m.Positions {
				r.claimed[p] = true // "Lippe" of "Lage Lippe": part of the name
			}
			continue
		}
		if !e.keepName(r, m, found) {
			continue
		}
		r.mentions = append(r.mentions, m)
		for _, p := range m.Positions {
			r.claimed[p] = true
		}
	}
}

// correctTypos reads a misspelt word of the lexicon as the word: "wiviele"
// as "wieviele"; and a compound the lexicon does not list by its last
// part: "Landesförderung" as "Förderung", "Kommunalpartnerschaften" as
// "Partnerschaften". Names come first, ordinary words and the base's own words
// are never corrected.
func (e *Engine) correctTypos(r *reading) {
	for i, t := range r.toks {
		if r.claimed[i] || t.num >= 0 || e.lex.ordinaryTok(&r.toks[i]) || e.statementWord[t.fold] || e.statementWord[t.term] {
			continue
		}
		if w, ok := e.lex.typos.Correct(t.fold); ok {
			r.toks[i].fold, r.toks[i].term = w, words.Stem(w)
		} else if w, ok := e.lex.compoundTail(t.fold); ok {
			if m := e.compoundModifier(strings.TrimSuffix(t.fold, w)); m != "" {
				r.modifiers = append(r.modifiers, m)
			}
			r.toks[i].fold, r.toks[i].term = w, words.Stem(w)
		} else if w, ok := e.nameWords.Correct(t.fold); ok {
			r.toks[i].fold, r.toks[i].term = w, words.Stem(w) // a name named already, misspelt again
		} else if utf8.RuneCountInString(t.fold) >= minLongWord {
			if w, ok := e.longWords.Correct(t.fold); ok {
				r.toks[i].fold, r.toks[i].term = w, words.Stem(w) // "Auslandsgesellschft"
			}
		}
	}
}

// compoundModifier is the first part of a compound as the statements say
// it: "ruhrgebiet" of "ruhrgebiets-", without or with its linking s; ""
// when it is an ordinary word ("Landes-") or one many statements share
// ("Kommunal-"): only a rare word narrows the statements.
func (e *Engine) compoundModifier(m string) string {
	for _, w := range []string{strings.TrimSuffix(m, "s"), m} {
		if utf8.RuneCountInString(w) >= 4 && !e.lex.ordinary(w) && e.statementWord[w] && len(e.refsOf(w)) <= rareStatements {
			return w
		}
	}
	return ""
}

// apposition reports whether m is the Kreis of the place named just before
// it: "Lage Lippe", "Lage (Lippe)" name Lage, with its Kreis.
func (e *Engine) apposition(m names.Mention, all []names.Mention) bool {
	if m.Kind != names.Place {
		return false
	}
	area := e.base.Place(m.ID)
	for _, o := range all {
		if o.Kind == names.Place && o.Positions[len(o.Positions)-1] == m.Positions[0]-1 {
			if pl := e.base.Place(o.ID); pl != nil && area != nil && isArea(area) && inArea(pl, area) {
				return true
			}
		}
	}
	return false
}

// keepName decides whether a name found is meant as one. A place called by
// an everyday word ("Essen", "Lage", "Kamen", "Wetter") counts only where
// the question treats it as a place; the network "Städtepartnerschaften"
// named by that word alone asks about twinnings when the question names a
// place, a country or a figure.
func (e *Engine) keepName(r *reading, m names.Mention, all []names.Mention) bool {
	if m.Kind != names.Network && (e.inLongerQuote(r, m.Positions) || e.inTitle(r, m.Positions, all)) {
		return false // the „Berliner Empfehlungen“ are no question about Berlin
	}
	switch m.Kind {
	case names.Place:
		pl := e.base.Place(m.ID)
		if pl == nil {
			return false
		}
		if t := r.toks[m.Positions[0]]; len(m.Positions) == 1 && !strings.HasPrefix(domain.SpellUmlauts(t.lower), domain.SpellUmlauts(strings.ToLower(strings.Fields(pl.Name)[0]))) &&
			e.lexiconWord(words.Fold(t.raw)) { // as typed, not as corrected
			// "ein Förderprojekt des Bundes": an ordinary word, or one of
			// the lexicon, that only its folded or stemmed form makes a
			// name (Bünde); "Essens" is Essen's, "guetersloh" Gütersloh.
			return false
		}
		if len(m.Positions) == 1 && e.everyday(pl, r.toks[m.Positions[0]]) {
			if next := m.Positions[0] + 1; next < len(r.toks) && e.otherPlaceNamed(m, all) && !e.withPlace(r, m, all) && !e.twinnedWith(r, pl, m, all) &&
				(e.lex.startsCue("networks", r.toks, next) || e.lex.startsCue("twinning", r.toks, next) || e.lex.startsCue("district-words", r.toks, next)) {
				return false // "Troisdorf: Lage, Netzwerke, Partner?": a word in a list of topics, the other place is asked about
			}
			p := m.Positions[0]
			// "und Essen?": a name after "und" and nothing else is the
			// place the follow-up asks about (in lower case too: nobody
			// asks the bot "und essen?" about eating).
			alone := p == len(r.toks)-1 && p >= 1 && p <= 2 && e.lex.isCue("and", r.toks, p-1)
			return m.Distance == 0 && (alone || e.placeContext(r, m) || e.withItsKreis(pl, m, all) || e.memberOf(r, m, all) || e.twinnedWith(r, pl, m, all) ||
				e.withPlace(r, m, all) || e.capitalWithNetwork(r, m, all))
		}
	case names.Network:
		if m.ID == e.twinNetwork && e.onlyTwinWords(r, m) && !e.eventName(r, m) {
			places := 0
			for _, o := range all {
				if o.Kind == names.Place {
					places++
				}
			}
			other := places > 0 || e.hasCountry(r.toks) || e.startsWith(r, "count", "which") || e.ranks(r.toks)
			return !other || e.officeWords(r)
		}
	}
	return true
}

// lexiconWord reports whether a folded word is an ordinary word (also in
// the genitive) or one of the lexicon's: no name misspelt.
func (e *Engine) lexiconWord(w string) bool {
	_, syn := e.lex.synonyms[w]
	return syn || e.lex.vocab[w] || e.ordinaryForm(w)
}

// ordinaryForm reports whether a word is an ordinary word or one in
// the genitive ("Bundes", "Landes").
func (e *Engine) ordinaryForm(w string) bool {
	if e.lex.ordinary(w) {
		return true
	}
	for _, end := range []string{"es", "s"} {
		if stem, ok := strings.CutSuffix(w, end); ok && len(stem) >= 3 && e.lex.ordinary(stem) {
			return true
		}
	}
	return false
}

// inTitle reports whether the words at ps are part of a longer title
// the statements quote ("die Berliner Empfehlungen"). A title with a
// network's name in it ("Landesnetzwerk Engagierte Stadt NRW") names the
// network, and its state says which.
func (e *Engine) inTitle(r *reading, ps []int, all []names.Mention) bool {
	for i, title := range e.titlesIn(r.toks) {
		if len(title) <= len(ps) || ps[0] < i || ps[len(ps)-1] >= i+len(title) {
			continue
		}
		// A network named in the title, there or elsewhere in the
		// question ("Von den Engagierten Städten … Engagierte Stadt NRW").
		if !slices.ContainsFunc(all, func(m names.Mention) bool {
			return m.Kind == names.Network && (m.Positions[0] >= i && m.Positions[0] < i+len(title) || containsRun(title, words.Split(words.Fold(m.Name))))
		}) {
			return true
		}
	}
	return false
}

// statesPhrase reports whether the n words from i, the last an
// unclaimed word of no cue, are said as they stand in a statement, the
// last as a noun: "in
// der ersten Runde" names the round a statement calls so, it asks for no
// oldest.
func (e *Engine) statesPhrase(toks []tok, i, n int) bool {
	if i+n > len(toks) {
		return false
	}
	last := toks[i+n-1]
	if last.num >= 0 || e.lex.fillers[last.fold] || len(last.phrases) > 0 || !e.statementWord[last.fold] {
		return false
	}
	want := make([]string, n)
	for j := range want {
		want[j] = toks[i+j].fold
	}
	for _, ref := range e.refsOf(last.fold) {
		text := e.fact(ref, false).Text
		tws := e.foldWords(text) // folded once per snapshot
		for k := 0; k+n <= len(tws); k++ {
			if !slices.Equal(tws[k:k+n], want) {
				continue
			}
			// Said so; the last word must be a noun: "die ersten Runde",
			// not "erste deutsch-chinesische".
			if ws := words.Split(text); len(ws) == len(tws) {
				if r, _ := utf8.DecodeRuneInString(ws[k+n-1]); unicode.IsUpper(r) {
					return true
				}
			}
		}
	}
	return false
}

// nameSays reports whether a statement of a word only a few have (a
// name: "Reallabor") has the two words a and b next to each other
// ("Reallabor NRW–Ukraine"); a word many have ("Partnerschaften") names
// nothing.
func (e *Engine) nameSays(ws []string, a, b string) bool {
	for _, w := range ws {
		refs := e.refsOf(w)
		if len(refs) > 2*rareStatements {
			continue
		}
		for _, ref := range refs {
			if containsRun(e.foldWords(e.fact(ref, false).Text), []string{a, b}) {
				return true
			}
		}
	}
	return false
}

// quoteNamesNetwork reports whether the quoted span q names a network:
// a quoted figure of it ("113 Engagierte Städte") is checked, no title.
func (r *reading) quoteNamesNetwork(q int) bool {
	for _, m := range r.mentions {
		if m.Kind == names.Network && r.toks[m.Positions[0]].quote == q {
			return true
		}
	}
	return false
}

// containsRun reports whether the words of run stand in ws one after the
// other.
func containsRun(ws, run []string) bool {
	for i := 0; len(run) > 0 && i+len(run) <= len(ws); i++ {
		if slices.Equal(ws[i:i+len(run)], run) {
			return true
		}
	}
	return false
}

// inLongerQuote reports whether the words at ps are all inside one quoted
// span that has other words too: a title, not the place it names.
func (e *Engine) inLongerQuote(r *reading, ps []int) bool {
	q := r.toks[ps[0]].quote
	if q == 0 {
		return false
	}
	n := 0
	for i, t := range r.toks {
		// "die 'Stadt Essen'", "the 'City of Bielefeld'": words that say
		// what kind of place it is make no title of it.
		if t.quote == q && !e.lex.fillers[t.fold] && !e.lex.isCue("places", r.toks, i) && !e.lex.isCue("district-words", r.toks, i) {
			n++
		}
	}
	for _, p := range ps {
		if r.toks[p].quote != q {
			return false
		}
	}
	return n > len(ps)
}

// capitalWithNetwork reports whether an everyday name is read as the
// place in a question that names a network: "und ist Essen auch
// Engagierte Stadt?" asks about the town.
func (e *Engine) capitalWithNetwork(r *reading, m names.Mention, all []names.Mention) bool {
	p := m.Positions[0]
	if pl := e.base.Place(m.ID); pl != nil && !pl.Everyday {
		// "siegen hatte mal den regiopole-vorsitz, oder?", "… chaired
		// regiopole while siegen held the chair?": a name that is an
		// ordinary word only by the word lists (not marked everyday), in a
		// clause that names a network, is the place.
		if slices.ContainsFunc(all, func(o names.Mention) bool {
			return o.Kind == names.Network && r.toks[o.Positions[0]].clause == r.toks[p].clause
		}) {
			return true
		}
		// "who took over the chair after siegen?": a clause that asks of
		// a network's chair, whose holders are places.
		chair := e.lex.attrWordsOf(domain.AttrChair)
		for i := range r.toks {
			if r.toks[i].clause == r.toks[p].clause && i != p && slices.Contains(chair, r.toks[i].fold) {
				return true
			}
		}
		// "siegen hatte doch rijnsburg als partner": a clause that names
		// a place it is twinned with.
		if slices.ContainsFunc(all, func(o names.Mention) bool {
			return o.Kind == names.Place && o.ID != m.ID && r.toks[o.Positions[0]].clause == r.toks[p].clause && e.twinnedWithID(m.ID, o.ID)
		}) {
			return true
		}
		// "siegen liegt in welchem regierungsbezirk?": the word that opens
		// a clause asking which Kreis or Regierungsbezirk is the place.
		if e.opensAreaQuestion(r, p) {
			return true
		}
		return false
	}
	if p == 0 && len(r.toks) > 2 && r.toks[min(2, len(r.toks)-1)].clause != r.toks[0].clause && e.opensAreaQuestion(r, p) {
		// "wenden (sauerland) – welcher kreis?", "essen – welcher
		// regierungsbezirk?": a name alone, then the question of its area.
		return true
	}
	if p == 0 || r.toks[p-1].clause != r.toks[p].clause {
		return false
	}
	// Written with a capital, or right after the verb that opens a yes/no
	// question ("und ist essen auch engagierte stadt?"), in either case.
	if !r.toks[p].upper && !e.lex.isCue("yesno", r.toks, p-1) {
		return false
	}
	return slices.ContainsFunc(all, func(o names.Mention) bool { return o.Kind == names.Network })
}

// latestEventYear is the year of the latest of the events a frame asks
// of its one network, 0 where it has none dated.
func (e *Engine) latestEventYear(f Frame) int {
	nets := f.networks()
	if len(nets) != 1 {
		return 0
	}
	n := e.base.Network(nets[0])
	if n == nil {
		return 0
	}
	g := f
	g.Time, g.Filters.Year, g.Filters.YearOp = WhenLast, 0, ""
	xs := e.events(n, g)
	if len(xs) == 0 {
		return 0
	}
	if xs[0].Stand.Year != 0 {
		return int(xs[0].Stand.Year)
	}
	y, _ := strconv.Atoi(yearRE.FindString(xs[0].Text)) // "am 19. Januar 2024"
	return y
}

// opensAreaQuestion reports whether the word at p opens a clause (alone,
// or with a word or two in brackets) that asks which Kreis or
// Regierungsbezirk it lies in: "siegen liegt in welchem
// regierungsbezirk?", "siegen – welcher Regierungsbezirk?".
func (e *Engine) opensAreaQuestion(r *reading, p int) bool {
	if p == 0 || r.toks[p-1].clause != r.toks[p].clause {
		clause := r.toks[p].clause
		if p+1 < len(r.toks) && r.toks[p+1].clause != clause {
			clause = r.toks[p+1].clause // "siegen – welcher Regierungsbezirk?": the name alone, then the question
		}
		// "wenden (sauerland) – welcher kreis?": the name with a word or
		// two, then the question.
		next := clause
		if j := slices.IndexFunc(r.toks[p+1:], func(t tok) bool { return t.clause != r.toks[p].clause && t.clause != clause }); j >= 0 && j < 3 {
			next = r.toks[p+1+j].clause
		}
		for i := p + 1; i < len(r.toks) && (r.toks[i].clause == r.toks[p].clause || r.toks[i].clause == clause || r.toks[i].clause == next); i++ {
			t := []tok{r.toks[i]}
			if w, ok := e.lex.typos.Correct(t[0].fold); ok && !r.claimed[i] {
				t[0].fold, t[0].term = w, words.Stem(w) // "welcher regierungsbezrik?"
			}
			if e.lex.isCue("district-words", t, 0) || e.lex.isCue("region-words", t, 0) {
				return true
			}
		}
	}
	return false
}

// everyday reports whether a place's one-word name, as the word t, is an
// everyday word: marked so in the base, or an ordinary word written in
// lower case or in the lexicon.
func (e *Engine) everyday(pl *domain.Place, t tok) bool {
	if pl.Everyday {
		return true
	}
	if e.lex.vocab[t.fold] || e.lex.fillers[t.fold] {
		return true
	}
	return !t.upper && e.lex.everydayIn(&t) != 0
}

// withItsKreis reports whether the place's own Kreis is named right after
// it: "lage lippe" is the town.
func (e *Engine) withItsKreis(pl *domain.Place, m names.Mention, all []names.Mention) bool {
	for _, o := range all {
		if area := e.base.Place(o.ID); o.Kind == names.Place && area != nil && isArea(area) &&
			o.Positions[0] == m.Positions[0]+1 && inArea(pl, area) {
			return true
		}
	}
	return false
}

// placeContext reports whether the question treats the word of m as a
// place: it is the whole question, follows "in/aus/nach/bei", "Stadt" or
// "Gemeinde", stands next to a network or a twinning word, or the
// question asks about membership, a Kreis or where something lies.
func (e *Engine) placeContext(r *reading, m names.Mention) bool {
	pos := m.Positions[0]
	t := r.toks[pos]
	if len(r.toks) == 1 {
		return true
	}
	if e.inPhrase(r, pos) {
		return false // "how much", "gibt es": part of a phrase of the lexicon
	}
	bare := true
	for j, o := range r.toks {
		bare = bare && (j == pos || e.lex.vocab[o.fold] || e.lex.fillers[o.fold])
	}
	if pl := e.base.Place(m.ID); bare && pos > 0 && pl != nil && !pl.Everyday {
		// "seit wann york?": the name is all the question asks about; a
		// word the base marks everyday ("wie ist die lage?") is not.
		return true
	}
	// Words that speak of places — "liegt", "Kreis", "Partnerstadt",
	// "dabei" — anywhere for a name written with a capital, close by for
	// one in lower case, which is mostly the ordinary word.
	context := false
	for i := range r.toks {
		near := i >= pos-2 && i <= pos+2
		twin := e.lex.startsCue("twinning", r.toks, i)
		if twin && i >= pos-3 && i < pos {
			near = true // "which twin towns does essen have?"
		}
		if i != pos && (t.upper || near) && (twin || e.lex.isCue("members", r.toks, i) ||
			e.lex.isCue("district-words", r.toks, i) || e.lex.isCue("where", r.toks, i) || e.lex.isCue("region-words", r.toks, i) ||
			e.lex.isCue("belong", r.toks, i)) {
			context = true
		}
	}
	if pos == 1 && e.lex.isCue("yesno", r.toks, 0) {
		return true // "Ist Essen eine Engagierte Stadt?", "ist siegen dabei?"
	}
	if pos > 0 {
		switch r.toks[pos-1].fold {
		case "in", "aus", "nach", "vor", "bei", "von", "fur", "stadt", "gemeinde", "kommune", "of", "from", "for", "to":
			return true // "gemeinde much", "Partnerstadt von Cognac", "für Siegen", "vor siegen", "a visit to siegen"
		case "mit", "zu", "about":
			if t.upper {
				return true // "zu Essen", but "was gibt's zu essen"
			}
			if r.toks[pos-1].fold == "about" && !e.lex.isEnglishWord(t.fold) {
				return true // "tell me about siegen": no English word
			}
		}
	}
	if pos > 0 && !t.upper && !context {
		return false // "Welche Städte kamen 2024 dazu?": a verb, not Kamen
	}
	if pos == 0 && len(r.toks) > 1 && e.lex.isCue("places", r.toks, 1) {
		return true // "enger stadt oder gemeinde?": the name, then what it is asked to be
	}
	if pos == 0 && len(r.toks) > 2 && e.lex.isCue("have", r.toks, 1) && slices.ContainsFunc(r.toks, func(o tok) bool { return o.pos > 1 && e.lex.startsCue("twinning", r.toks, o.pos) }) {
		return true // "essen hat doch eine partnerstadt in israel?": the name has what places have
	}
	if pos == 0 && (t.upper || e.namesClause(r)) {
		return true // "Essen: Partnerstädte?", "siegen – wer hat …?": a clause of its own names it
	}
	return context
}

// namesClause reports whether the question opens with a clause of a
// name alone, or joined to a country: "siegen – wer hat …?", "essen and
// china – which partner city?". Such a clause names what the rest asks
// about, so an everyday word there is the place.
func (e *Engine) namesClause(r *reading) bool {
	n := 0
	for n < len(r.toks) && r.toks[n].clause == r.toks[0].clause {
		n++
	}
	if n == len(r.toks) {
		return false // no other clause asks
	}
	// The rest must ask what is asked of places: "wetter – wie wird es
	// morgen?" is about the weather.
	placeQuestion := false
	for i := n; i < len(r.toks); i++ {
		for _, c := range []string{"twinning", "networks", "members", "where", "district-words", "region-words", "signing", "join", "new", "belong"} {
			placeQuestion = placeQuestion || e.lex.startsCue(c, r.toks, i)
		}
		placeQuestion = placeQuestion || e.pointsBack(r.toks, i)
	}
	switch {
	case !placeQuestion:
		return false
	case n == 1:
		return true
	case n == 3:
		return (e.lex.isCue("and", r.toks, 1) || e.lex.isCue("or", r.toks, 1)) && e.hasCountry(r.toks[2:3])
	}
	return false
}

// otherPlaceNamed reports whether the question names a place whose name
// is no everyday word, other than m's.
func (e *Engine) otherPlaceNamed(m names.Mention, all []names.Mention) bool {
	self := e.base.Place(m.ID)
	for _, o := range all {
		pl := e.base.Place(o.ID)
		if o.Kind != names.Place || o.ID == m.ID || pl == nil || pl.Everyday || o.Distance > 0 {
			continue
		}
		if isArea(pl) && self != nil && inArea(self, pl) || e.twinnedWithID(o.ID, m.ID) {
			continue // "Lage (Lippe)", "Hille im Kreis Minden-Lübbecke", "Düsseldorf und Moskau"
		}
		return true
	}
	return false
}

// twinnedWithID reports whether two places are twinned.
func (e *Engine) twinnedWithID(a, b string) bool {
	for _, p := range e.base.PartnershipsOf(a) {
		if p.Place == b || p.Partner == b {
			return true
		}
	}
	return false
}

// withPlace reports whether the word is joined by "und" or "oder" to a
// place whose name is no everyday word: "liegen burbach und siegen im
// selben kreis?".
func (e *Engine) withPlace(r *reading, m names.Mention, all []names.Mention) bool {
	pos := m.Positions[0]
	for _, o := range all {
		pl := e.base.Place(o.ID)
		if o.Kind != names.Place || o.ID == m.ID || pl == nil || pl.Everyday {
			continue
		}
		first, end := o.Positions[0], o.Positions[len(o.Positions)-1]
		joined := func(i int) bool { return e.lex.isCue("and", r.toks, i) || e.lex.isCue("or", r.toks, i) }
		if end == pos-2 && joined(pos-1) || first == pos+2 && joined(pos+1) {
			return true
		}
	}
	return false
}

// twinnedWith reports whether a place in an everyday word stands right
// after (or before) a place it is twinned with, alone or after "und":
// "düsseldorf und moskau", "mülheim tours", "siegen rijnsburg".
func (e *Engine) twinnedWith(r *reading, pl *domain.Place, m names.Mention, all []names.Mention) bool {
	pos := m.Positions[0]
	for _, o := range all {
		end := o.Positions[len(o.Positions)-1]
		if o.Kind != names.Place || o.ID == pl.ID {
			continue
		}
		// The name said again right before ("mülheim–darlington oder
		// mülheim–tours") is found once, at its first place.
		again := pos > 0 && r.toks[pos-1].fold == r.toks[end].fold
		if (end == pos-1 || again || end == pos-2 && e.lex.isCue("and", r.toks, pos-1) || o.Positions[0] == pos+1) && e.twinnedWithID(o.ID, pl.ID) {
			return true
		}
	}
	return false
}

// memberOf reports whether a place is named as a member of a network
// named right after it: "ist siegen im regiopole-netzwerk", "is lage in
// the Kommunen-Netzwerk".
func (e *Engine) memberOf(r *reading, m names.Mention, all []names.Mention) bool {
	next := m.Positions[len(m.Positions)-1] + 1
	if next >= len(r.toks) || !slices.Contains([]string{"im", "in", "bei", "beim", "at", "of"}, r.toks[next].fold) {
		return false
	}
	for _, o := range all {
		if o.Kind == names.Network && (o.Positions[0] == next+1 || o.Positions[0] == next+2 && r.toks[next+1].fold == "the") {
			return true
		}
	}
	return false
}

// inPhrase reports whether the word at pos is part of a lexicon phrase of
// several words: "how much", "wie viel".
func (e *Engine) inPhrase(r *reading, pos int) bool {
	l := e.lex
	cues := span{l.cueSpan[domain.Cues[0]].lo, l.cueSpan[domain.Cues[len(domain.Cues)-1]].hi}
	for i := max(0, pos-l.maxWords+1); i <= pos; i++ {
		for _, id := range l.at(r.toks, i) {
			p := l.phrases[id]
			if len(p.words) >= 2 && i+len(p.words) > pos && (cues.has(id) || l.attrSpan.has(id)) && p.match(r.toks, i, all) > 0 {
				return true
			}
		}
	}
	return false
}

// onlyTwinWords reports whether a mention's words are all twinning words
// (or "NRW"): "Städtepartnerschaften" as a word, not as the office's name.
func (e *Engine) onlyTwinWords(r *reading, m names.Mention) bool {
	for _, p := range m.Positions {
		if !e.lex.isCue("twinning", r.toks, p) && r.toks[p].fold != "nrw" {
			return false
		}
	}
	return true
}

// eventName reports whether the words of m name an event: "Tag der
// Städtepartnerschaften", "Forum Städtepartnerschaften".
func (e *Engine) eventName(r *reading, m names.Mention) bool {
	p := m.Positions[0]
	return p > 0 && (r.toks[p-1].fold == "forum" || r.toks[p-1].fold == "der" && p >= 2 && r.toks[p-2].fold == "tag")
}

func (e *Engine) hasCountry(toks []tok) bool { return e.lex.anyIn(e.lex.countrySpan, toks) }

// startsWith reports whether one of the cues occurs in the question.
func (e *Engine) startsWith(r *reading, cues ...string) bool {
	for _, c := range cues {
		if e.lex.anyIn(e.lex.cueSpan[c], r.toks) {
			return true
		}
	}
	return false
}

// ranks reports whether the words compare or rank: "die älteste
// Städtepartnerschaft", "mehr Partnerstädte".
func (e *Engine) ranks(toks []tok) bool {
	return e.lex.anyIn(e.lex.mostSpan, toks) || e.lex.anyIn(e.lex.compareSpan, toks)
}

// officeWords reports whether the question asks for something the
// Netzwerkstelle itself has: its programmes, events, head.
func (e *Engine) officeWords(r *reading) bool {
	l := e.lex
	for i := range r.toks {
		for _, id := range l.at(r.toks, i) {
			if !l.attrSpan.has(id) {
				continue
			}
			switch p := l.phrases[id]; l.attrs[p.owner].attr {
			case domain.AttrProgramme, domain.AttrFunding, domain.AttrEvent, domain.AttrServices, domain.AttrData, domain.AttrContact,
				domain.AttrOffice, domain.AttrChair, domain.AttrCarrier, domain.AttrTerm:
				if p.match(r.toks, i, all) > 0 {
					return true
				}
			}
		}
	}
	return false
}

// readCues marks the cues the question's free words say. A word may say
// several ("dabei": members; "wer ist dabei": members, who); cue words are
// no content.
func (e *Engine) readCues(r *reading) {
	var used []int
	l := e.lex
	cues := span{l.cueSpan[domain.Cues[0]].lo, l.cueSpan[domain.Cues[len(domain.Cues)-1]].hi}
	for _, pi := range l.pairsIn(cues, r.toks) {
		p, i := l.phrases[pi[0]], int(pi[1])
		if n := p.match(r.toks, i, r.free); n > 0 {
			name := domain.Cues[p.owner]
			for j := i; j < i+n; j++ {
				r.cues[name] = append(r.cues[name], j)
				if !statedCues[name] { // what statements say: it stays a word
					used = append(used, j)
				}
			}
		}
	}
	for _, p := range used {
		r.claimed[p] = true
	}
	// "in einem der kommunalen Netzwerke", "any of the municipal
	// networks": an everyday word that describes the networks asked about
	// asks nothing of its own.
	for _, p := range r.cues["networks"] {
		if q := p - 1; q >= 0 && !r.claimed[q] && !r.nameAt(q) && !r.cueAt(q) && inflected(r.toks[q].fold) &&
			(e.lex.ordinary(r.toks[q].fold) || e.statementWord[r.toks[q].fold]) {
			r.claimed[q] = true
		}
	}
	// "auch die Neuen von 2024", "Ich hab gelesen, 2022 kamen welche
	// dazu": news said in passing or after the question are context.
	r.cues["new"] = slices.DeleteFunc(r.cues["new"], func(p int) bool { return r.toks[p].afterQ || r.nearInclusive(p) })
}

// nearInclusive reports whether an inclusive word ("auch", "nicht nur")
// stands in the four words before position p.
func (r *reading) nearInclusive(p int) bool {
	for _, q := range r.cues["inclusive"] {
		if q < p && q >= p-4 {
			return true
		}
	}
	return false
}

// readAttribute finds the attribute asked for: the first of the lexicon's
// attributes whose words occur (the more specific come first there).
func (e *Engine) readAttribute(r *reading, f *Frame) {
	free := func(i int) bool { return !r.nameAt(i) }
	l := e.lex
	// What follows a question of its own ("welche nrw städte sind
	// engagierte stadt? brauch die liste fürs meeting") is context: its
	// words ask for no other attribute.
	asked := 0
	for _, t := range r.toks {
		if !t.afterQ {
			asked++
		}
	}
	pairs := l.pairsIn(l.attrSpan, r.toks)
	// A phrase inside a longer one of another attribute says nothing of
	// its own: "trägt den Zusatz" asks the official name, not the carrier
	// ("trägt").
	span := func(x [2]int32) (int, int) {
		i := int(x[1])
		return i, i + l.phrases[x[0]].match(r.toks, i, free)
	}
	matched := pairs
	pairs = nil
	for _, x := range matched {
		lo, hi := span(x)
		if !slices.ContainsFunc(matched, func(y [2]int32) bool {
			ylo, yhi := span(y)
			return ylo <= lo && yhi >= hi && yhi-ylo > hi-lo
		}) {
			pairs = append(pairs, x)
		}
	}
	slices.SortStableFunc(pairs, func(x, y [2]int32) int { return b2i(r.toks[x[1]].afterQ) - b2i(r.toks[y[1]].afterQ) })
	for _, pi := range pairs {
		p, i := l.phrases[pi[0]], int(pi[1])
		a := l.attrs[p.owner]
		if r.toks[i].afterQ && asked >= 4 && f.Attribute != a.attr {
			continue // the same attribute said again ("… erreichen? kontakt?") is fine
		}
		if end, ok := r.complement(l, i); ok {
			// "die Gemeinsame Erklärung zur Förderung des bürgerschaftlichen
			// Engagements": a title's complement names it further and asks
			// nothing, and the statements that quote the title need not
			// spell it out.
			for j := i; j <= end; j++ {
				r.claimed[j] = true
			}
			continue
		}
		if f.English && p.lang < 0 && len(p.words) == 1 && l.fillersEN[p.words[0]] {
			continue // "When will the next …?": the German "will" (wants) asks for no goal in English
		}
		if n := p.match(r.toks, i, free); n > 0 {
			if f.Attribute == domain.AttrNone {
				f.Attribute = a.attr
			}
			if f.Attribute == a.attr {
				for j := i; j < i+n; j++ {
					r.attrPos = append(r.attrPos, j)
					r.claimed[j] = true
				}
			}
		}
	}
}

// nameAt reports whether a name took the word at i.
func (r *reading) nameAt(i int) bool {
	for _, m := range r.mentions {
		if slices.Contains(m.Positions, i) {
			return true
		}
	}
	return false
}

// readModifiers reads countries, comparisons, superlatives, measures and
// kinds of place.
func (e *Engine) readModifiers(r *reading, f *Frame) {
	// A country inside a title the statements quote ("Europa bei uns
	// zuhause", "Regiopolen für Deutschland") is part of the title.
	free := func(i int) bool { return !r.nameAt(i) && !r.titled[i] }
	unclaimed := r.free // a cue's words ("nicht mehr aktiv", "mehr als einem") compare nothing
	claim := func(i, n int) {
		for j := i; j < i+n; j++ {
			r.claimed[j] = true
		}
	}
	l := e.lex
	for i := range r.toks {
		// The longest name at a word: "Französisch-Polynesien" is no
		// "französisch". "German–Chinese": the other country is the one
		// asked about.
		best, bestN := "", 0
		for _, id := range l.at(r.toks, i) {
			if c := l.country(id); c != nil {
				if n := c.match(r.toks, i, free); n > bestN {
					best, bestN = c.to, n
				}
			}
		}
		switch {
		case bestN > 0 && (f.Filters.Country == "" || f.Filters.Country == "Deutschland"):
			// "German–Chinese", "German-German": a pair of countries said
			// of a twinning, as statements say "deutsch-chinesisch".
			if f.Filters.Country == "Deutschland" && r.countryAt == i-1 {
				r.germanPair = e.lex.synonyms[r.toks[i-1].fold] // "german" → "deutsch"
			}
			f.Filters.Country, r.countryAt = best, i
			claim(i, bestN)
		case bestN > 0 && best != f.Filters.Country && best != "Deutschland" && r.also2 == "" && i > 0 &&
			(e.lex.isCue("and", r.toks, i-1) || e.lex.isCue("or", r.toks, i-1) || i > 1 && r.toks[i-1].fold == "in" && (e.lex.isCue("and", r.toks, i-2) || e.lex.isCue("or", r.toks, i-2))):
			// "Partnerstädte in der Türkei und in Polen", "in France and
			// Spain": the question again for the second (understand).
			r.also2 = best
			claim(i, bestN)
		}
	}
	compared := false
	for i := range r.toks {
		for _, id := range l.at(r.toks, i) {
			if !l.compareSpan.has(id) {
				continue
			}
			c := &l.compare[id-l.compareSpan.lo]
			if n := c.match(r.toks, i, unclaimed); n > 0 {
				compared = true
				if f.Most == DirNone {
					f.Most = c.to
				}
				claim(i, n)
			}
		}
		for _, id := range l.at(r.toks, i) {
			if l.compareAnySpan.has(id) {
				if n := l.phrases[id].match(r.toks, i, unclaimed); n > 0 {
					compared = true
					claim(i, n)
				}
			}
		}
	}
	if compared {
		r.cues["compare"] = []int{0}
	} else {
		for i := range r.toks {
			for _, id := range l.at(r.toks, i) {
				if !l.mostSpan.has(id) {
					continue
				}
				c := &l.most[id-l.mostSpan.lo]
				if i > 0 && l.fillers[r.toks[i-1].fold+" "+r.toks[i].fold] {
					continue // "is it at least a member?": a filler of two words, no superlative
				}
				if n := c.match(r.toks, i, unclaimed); n > 0 && f.Most == DirNone && !e.statesPhrase(r.toks, i, n+1) {
					f.Most = c.to
					r.cues["most"] = []int{i}
					claim(i, n)
				}
			}
		}
	}
	if f.Most == DirNone && !compared {
		// "Gemeinden pro Regierungsbezirk", "Wie viele Gemeinden hat jeder
		// Kreis?": a figure for each area is the ranking of all of them.
		for _, i := range r.cues["per"] {
			if i+1 < len(r.toks) && (e.lex.isCue("region-words", r.toks, i+1) || e.lex.isCue("district-words", r.toks, i+1)) {
				f.Most = DirLargest
				r.cues["most"] = []int{i}
				claim(i, 1)
				break
			}
		}
	}
	nets := false
	for _, m := range r.mentions {
		nets = nets || m.Kind == names.Network
	}
	for i := range r.toks {
		for _, id := range l.at(r.toks, i) {
			if !l.measureSpan.has(id) {
				continue
			}
			m := &l.measures[id-l.measureSpan.lo]
			// What is compared or ranked: only where something is; the
			// word "Netzwerk" in a question about networks is what is
			// compared, not a measure ("Welches Netzwerk ist älter?").
			// Years and countries rank what the question counts: "In
			// welchem Jahr die meisten Partnerschaften" ranks years.
			ranks := m.to == MeasureYears || m.to == MeasureCountries
			if n := m.match(r.toks, i, free); n > 0 && (r.has("compare", "most") || f.Most != DirNone) &&
				(f.Measure == MeasureNone || f.Measure == MeasureNetworks || ranks) && !(m.to == MeasureNetworks && (nets || f.Measure != MeasureNone)) &&
				(!ranks || !r.nameAt(i)) {
				f.Measure = m.to
				r.cues["measure:"+m.to.String()] = []int{i}
				if ranks {
					claim(i, n) // "mit welchem Land die meisten": what is ranked, no word to search for
				}
			}
		}
		for _, id := range l.at(r.toks, i) {
			if !l.placeKindSpan.has(id) {
				continue
			}
			k := &l.placeKind[id-l.placeKindSpan.lo]
			if n := k.match(r.toks, i, all); n > 0 && f.Filters.Kind == "" {
				claim(i, n)
				if i >= 2 && slices.Contains(r.cues["and"], i-1) && slices.Contains(r.cues["places"], i-2) &&
					slices.ContainsFunc(r.mentions, func(m names.Mention) bool { return m.Kind == names.Network }) {
					continue // "Städte, Gemeinden und Kreise" of a network: all its members, no kind
				}
				f.Filters.Kind = k.to
				// "Gemeinden ohne Stadtrecht": the "ohne" is the kind's, no
				// filter's.
				r.cues["outside"] = slices.DeleteFunc(r.cues["outside"], func(p int) bool { return p >= i && p < i+n })
				if len(r.cues["outside"]) == 0 {
					delete(r.cues, "outside")
				}
			}
		}
	}
}

// readNumbers reads years (a filter, unless said in passing: "auch die
// Neuen von 2024"), ordinals ("der 5. Tag") and other figures.
func (e *Engine) readNumbers(r *reading, f *Frame) {
	for i, t := range r.toks {
		if r.nameAt(i) || slices.Contains(r.cues["most"], i) {
			continue // a name, or "first" read as the oldest
		}
		if e.inLongerQuote(r, []int{i}) && !r.quoteNamesNetwork(t.quote) {
			continue // part of a title: "Netzwerk Klimakommunen 2030"; not "113 Engagierte Städte"
		}
		n, isWord := t.num, false
		if n < 0 {
			if v, ok := e.lex.numbers[t.fold]; ok {
				n, isWord = v, true
			} else {
				continue
			}
		}
		if isWord && n == 1 && t.fold == "one" && i > 0 {
			continue // "the last one", "which one": a pronoun, no figure
		}
		r.claimed[i] = true
		switch {
		case !isWord && n >= 1900 && n <= 2100 && len(t.raw) == 4:
			passing := t.afterQ || r.nearInclusive(i)
			if y := f.Filters.Year; y != 0 && !passing && n > y && (f.Filters.YearOp == "" || f.Filters.YearOp == "after") &&
				(e.lex.isCue("range", r.toks, i-1) && r.yearAt == i-2 || e.lex.isCue("and", r.toks, i-1) && r.yearAt > 0 && e.lex.isCue("range", r.toks, r.yearAt-1)) {
				f.Filters.YearOp, f.Filters.YearTo = "between", n // "zwischen 2000 und 2009", "2000 bis 2009"
				continue
			}
			if y := f.Filters.Year; y != 0 && !passing && n == y+1 && f.Filters.YearOp == "" && r.yearAt == i-2 && (e.lex.isCue("and", r.toks, i-1) || e.lex.isCue("or", r.toks, i-1)) {
				f.Filters.YearOp, f.Filters.YearTo = "between", n // "2024 und 2025": both years, which are a span
				continue
			}
			if passing || f.Filters.Year != 0 {
				continue // said in passing: "auch die Neuen von 2024"
			}
			f.Filters.Year, r.yearAt = n, i
			if i > 0 {
				switch {
				case e.lex.isCue("before", r.toks, i-1):
					f.Filters.YearOp = "before"
				case e.lex.isCue("after", r.toks, i-1):
					f.Filters.YearOp = "after"
				}
			}
			if i+1 < len(r.toks) && e.lex.startsCue("or-later", r.toks, i+1) {
				f.Filters.YearOp = "after" // "2000 oder später"
			}
		case t.ordinal:
			f.Ordinal = n // "der 5. Tag"
		case isWord && (strings.HasSuffix(t.fold, "te") || strings.HasSuffix(t.fold, "ten") || strings.HasSuffix(t.fold, "th") ||
			t.fold == "first" || t.fold == "second" || t.fold == "third"):
			f.Ordinal = n // "der fünfte Tag", "the second exchange"
		case n > 0:
			f.Number = n
			// "90 Kommunen", also where the word is part of a name ("90
			// Kommunen im Netzwerk" names the Kommunen-Netzwerk).
			r.counted = i+1 < len(r.toks) && (e.lex.startsCue("places", r.toks, i+1) || e.lex.startsCue("members", r.toks, i+1) ||
				slices.ContainsFunc(r.mentions, func(m names.Mention) bool { return m.Kind == names.Network && m.Positions[0] == i+1 })) // "113 Engagierte Städte"
			r.numberAt = i
		}
	}
}

// germanPlaces reports whether "German" is said of the places a question
// asks about: a country word right before a word for places ("German
// municipalities", "deutsche Städte").
func (e *Engine) germanPlaces(r *reading) bool {
	for i := 0; i+1 < len(r.toks); i++ {
		for _, id := range e.lex.at(r.toks, i) {
			if c := e.lex.country(id); c != nil && c.to == "Deutschland" {
				if n := c.match(r.toks, i, all); n > 0 && i+n < len(r.toks) && e.lex.startsCue("places", r.toks, i+n) {
					return true
				}
			}
		}
	}
	return false
}

// namesNetwork reports whether words name a network of the base
// ("Engagierte Stadt NRW" does, "Engagiertes Land" does not).
func (e *Engine) namesNetwork(ws []string) bool {
	nts := make([]names.Token, len(ws))
	for i, w := range ws {
		nts[i] = names.Token{Fold: w, Term: words.Stem(w), Pos: i}
	}
	return slices.ContainsFunc(e.names.Find(nts), func(m names.Mention) bool { return m.Kind == names.Network })
}

// pluralName reads a network's one-word name said in another form where a
// count asks what there is ("Wie viele Regiopolen gibt es in
// Deutschland?"): it counts the things the network is named after, not its
// members, so the word is content too, for the statement that gives their
// number. A question that says members, places or the network counts the
// members.
func (e *Engine) pluralName(r *reading, f *Frame) {
	fl := f.Filters
	if fl.Country == "Deutschland" || fl.State == "Deutschland" {
		fl.Country, fl.State = "", "" // "in Deutschland": all there are
	}
	if !r.has("count") || !r.has("exists") || r.has("members") || r.has("networks") || r.has("places") || !fl.IsZero() {
		return // "Wie viele Regiopolen gibt es in NRW?" counts members there
	}
	for _, m := range r.mentions {
		if m.Kind != names.Network || len(m.Positions) != 1 {
			continue
		}
		t := r.toks[m.Positions[0]]
		if t.fold != words.Fold(m.Name) && e.statementWord[t.fold] && !slices.Contains(f.Words, t.fold) {
			f.Words = append(f.Words, t.fold)
		}
	}
}

// readContent collects the content words: what no name, cue or filler
// took, and the words that named the attribute ("Jahrestreffen"), which
// statements are searched with too. A content word that looks like a name
// the base does not know ("Musterhausen") is the question's unknown
// subject.
func (e *Engine) readContent(r *reading, f *Frame) {
	for _, m := range r.modifiers {
		if !slices.Contains(f.Words, m) {
			r.content++
			f.Words = append(f.Words, m)
		}
	}
	named := map[string]bool{} // a name said again is no content
	for _, m := range r.mentions {
		for _, p := range m.Positions {
			named[r.toks[p].term] = true
		}
	}
	// ... unless it is a word of a title that names no network:
	// "Engagiertes Land" beside the Engagierte Stadt is another programme.
	other := make([]bool, len(r.toks))
	for i, title := range e.titlesIn(r.toks) {
		if !e.namesNetwork(title) {
			for j := range title {
				other[i+j] = true
			}
		}
	}
	// A title the statements quote ("Engagiertes Land") names what the
	// question is about: a word beside it no statement has ("the sister
	// network") cannot narrow the statements further.
	titled := r.titled
	hasTitle := false
	for i, ti := range titled {
		hasTitle = hasTitle || ti && !r.nameAt(i) // a network's name is no such title
	}
	// After a question of its own ("Kannst du mir alle Engagierten Städte
	// aus NRW auflisten? Brauch die Liste fürs Regionaltreffen"), what
	// follows says why, not what: no words of the question.
	asked := 0
	for _, t := range r.toks {
		if !t.afterQ {
			asked++
		}
	}
	for i, t := range r.toks {
		attr := slices.Contains(r.attrPos, i)
		// A compound read as a twinning word that few statements have
		// says what, too: "Partnerschaftsprojekte".
		rareTwin := r.claimed[i] && slices.Contains(r.cues["twinning"], i) && utf8.RuneCountInString(t.fold) > 16 &&
			len(e.refsOf(t.fold)) > 0 && len(e.refsOf(t.fold)) <= rareStatements
		if (r.claimed[i] && !attr && !rareTwin) || e.lex.fillers[t.fold] || utf8.RuneCountInString(t.fold) < 3 || named[t.term] && !other[i] ||
			t.afterQ && asked >= 5 && !attr {
			continue
		}
		w := t.fold
		if s, ok := e.lex.synonyms[w]; ok {
			w = words.Fold(s)
		} else if bare := e.participleStem(w); bare != "" {
			// A weak participle the statements say in the present or past:
			// "geöffnet" for "öffnet sich", "angekündigt" for "kündigte … an".
			w = bare
		}
		if hasTitle && !titled[i] && !attr && t.num < 0 && !e.statementWord[w] && !e.statementWord[words.Stem(w)] && !e.statementWord[t.term] && e.lex.ordinaryTok(&r.toks[i]) {
			continue
		}
		if attr {
			if !slices.Contains(f.Asked, w) {
				f.Asked = append(f.Asked, w)
			}
			continue
		}
		r.content++
		if !slices.Contains(f.Words, w) {
			f.Words = append(f.Words, w)
		}
		if f.Unknown == "" && w == t.fold && (e.looksLikeName(t) || e.unknownInQuote(r, i)) { // a word the lexicon maps is known
			f.Unknown, f.unknownAs = t.fold, t.raw // folded, so "Musterhausen" and "musterhausen" read alike
		}
	}
}

// unknownInQuote reports whether the word at i, in a quoted title of
// several words that names no network ("What is the 'Netzwerk
// Klimakommunen Westfalen 2030'?"), is one neither the lexicon nor the
// statements know: the title is one the base does not know.
func (e *Engine) unknownInQuote(r *reading, i int) bool {
	t := r.toks[i]
	if !e.inLongerQuote(r, []int{i}) || t.num >= 0 || utf8.RuneCountInString(t.fold) < 5 ||
		e.lex.vocab[t.fold] || e.lex.fillers[t.fold] || e.statementWord[t.term] || e.statementWord[t.fold] {
		return false
	}
	for _, m := range r.mentions {
		if m.Kind == names.Network && r.toks[m.Positions[0]].quote == t.quote {
			return false
		}
	}
	return true
}

// beginsStatementWord reports whether a long word is the first part of a
// statement's compound: "Kuratorium" of "Kuratoriumsvorsitzenden" is a
// word the statements know, no unknown name.
func (e *Engine) beginsStatementWord(w string) bool {
	if utf8.RuneCountInString(w) < 7 {
		return false
	}
	ws := e.statementSorted()
	for i, _ := slices.BinarySearch(ws, w); i < len(ws) && strings.HasPrefix(ws[i], w); i++ {
		// The rest is a word of its own, after a linking "s": a compound
		// ("Kuratorium|s|vorsitzenden"), not a longer name
		// ("Neanderthal|ers").
		rest := ws[i][len(w):]
		for _, r := range []string{rest, strings.TrimPrefix(rest, "s")} {
			if utf8.RuneCountInString(r) >= 4 && (e.lex.ordinary(r) || e.statementWord[r] && e.lex.ordinary(words.Stem(r))) {
				return true
			}
		}
	}
	return false
}

// looksLikeName reports whether a word could be the name of a place or
// network the base does not know: no ordinary word, no word of the
// lexicon or of the base's statements, letters only.
func (e *Engine) looksLikeName(t tok) bool {
	if utf8.RuneCountInString(t.fold) < 4 || t.num >= 0 || e.lex.ordinaryTok(&t) || e.statementWord[t.term] || e.statementWord[t.fold] || e.beginsStatementWord(t.fold) {
		return false
	}
	for _, c := range t.fold {
		if !(c >= 'a' && c <= 'z') && c != '-' {
			return false
		}
	}
	// Adjectives are no names: "westdeutsche", "operativ", "kommunale".
	for _, suf := range adjectiveEndings {
		if rest, ok := strings.CutSuffix(t.fold, suf); ok && len(rest) >= 3 {
			return false
		}
	}
	for _, suf := range igEndings {
		// "welche Länder sind zulässig?": an adjective in -ig of an
		// ordinary word ("zulassen"), typed in lower case, is no name;
		// "Leipzig" is no such, "Herzig" is written as a name.
		if stem, ok := strings.CutSuffix(t.fold, suf); ok && !t.upper && len(stem) >= 3 && (e.lex.ordinary(stem) || e.lex.ordinary(stem+"en") || e.lex.ordinary(stem+"e")) {
			return false
		}
	}
	for _, end := range []string{"es", "s"} {
		// "wegen des Kriegs": an ordinary word in the genitive.
		if stem, ok := strings.CutSuffix(t.fold, end); ok && len(stem) >= 4 && e.lex.ordinary(stem) {
			return false
		}
	}
	for _, end := range []string{"et", "t"} {
		// "der RGRE listet": a verb whose infinitive is an ordinary word.
		if stem, ok := strings.CutSuffix(t.fold, end); ok && len(stem) >= 3 && (e.lex.ordinary(stem+"en") || e.lex.ordinary(stem+"n")) {
			return false
		}
	}
	return !e.ordinaryCompound(t.fold)
}

// ordinaryCompound reports whether a folded word joins two ordinary
// words, the second none that place names end with: "Kriegsbeginn" (Krieg,
// s, Beginn) is a German compound, "Musterstadt" may be a town.
func (e *Engine) ordinaryCompound(w string) bool {
	ends := e.nameEndings()
	for i := 3; i <= len(w)-4; i++ {
		tail := w[i:]
		if ends[tail] || !e.lex.ordinary(tail) {
			continue
		}
		if t := tokenize(tail); e.lex.isCue("places", t, 0) || e.lex.isCue("networks", t, 0) {
			return false // "Klimakommunen", "Fairtrade-Netzwerk": the name of something
		}
		head := w[:i]
		for _, link := range []string{"", "s", "es", "n", "en"} {
			if h, ok := strings.CutSuffix(head, link); ok && len(h) >= 4 && e.lex.ordinary(h) {
				return true
			}
		}

	}
	return false
}

// countNameEndings finds the ordinary words that end two or more place
// names of the base: "dorf", "stadt", "kirchen".
func (e *Engine) countNameEndings() map[string]bool {
	n := map[string]int{}
	for i := range e.base.Places {
		for _, w := range words.Split(words.Fold(e.base.Places[i].Name)) {
			for j := 2; j <= len(w)-3; j++ {
				if e.lex.ordinary(w[j:]) {
					n[w[j:]]++
				}
			}
		}
	}
	ends := map[string]bool{}
	for w, c := range n {
		if c >= 2 {
			ends[w] = true
		}
	}
	return ends
}

// igEndings are the endings of adjectives in -ig ("zulässig", "zulässigen").
var igEndings = []string{"ig", "ige", "igen", "iger", "iges"}

// complement reports whether the attribute word at i stands in a
// complement of the title before it ("Erklärung zur Förderung des
// bürgerschaftlichen Engagements") and where the complement ends: a
// preposition after the title, an article after the word, and up to the
// next word in capitals no cue or name takes. "die Gemeinsame Erklärung
// beim Beitritt der Kommune" asks of the joining: a cue ends no title.
func (r *reading) complement(l *lexicon, i int) (int, bool) {
	if i < 2 || i+2 >= len(r.toks) || !r.titled[i-2] || r.titled[i-1] || !l.isCue("follow-up", r.toks, i-1) || !l.isCue("article", r.toks, i+1) {
		return 0, false
	}
	for j := i + 2; j < len(r.toks) && j <= i+3; j++ {
		if r.cueAt(j) || r.nameAt(j) {
			return 0, false
		}
		if r.toks[j].upper {
			return j, true
		}
	}
	return min(i+3, len(r.toks)-1), true
}

// cueAt reports whether a cue took the word at i ("mehr" of "in mehr
// Netzwerken").
func (r *reading) cueAt(i int) bool {
	for _, ps := range r.cues {
		if slices.Contains(ps, i) {
			return true
		}
	}
	return false
}

// inflected reports whether a word ends as an adjective before a noun
// does ("kommunalen", "anderen", "municipal"); with a word the base or
// the language knows before "Netzwerke", that is what it is.
func inflected(w string) bool {
	for _, end := range []string{"en", "e", "er", "es", "em", "al", "ic", "ive", "ous", "ary"} { // German, then English ("municipal")
		if strings.HasSuffix(w, end) && utf8.RuneCountInString(w) > len(end)+3 {
			return true
		}
	}
	return false
}

// adjectiveEndings end German adjectives and never a place's name.
var adjectiveEndings = []string{"isch", "ische", "ischen", "ischer", "isches", "sche", "schen", "scher", "sches",
	"lich", "liche", "lichen", "licher", "liches", "iv", "ive", "iven", "iver", "ives"}

// readSubjects turns the names into subjects, a Bundesland into a filter
// and a Kreis or Regierungsbezirk into an area filter where the question
// lists what lies in it.
func (e *Engine) readSubjects(r *reading, f *Frame) {
	kreisMeant := r.has("compare", "most", "count") && (r.has("district-words") || f.Measure == MeasureMunicipalities)
	for _, m := range r.mentions {
		switch m.Kind {
		case names.Network:
			first, last := m.Positions[0], m.Positions[len(m.Positions)-1]
			if apart := last-first != len(m.Positions)-1; apart && f.Unknown != "" && last+1 < len(r.toks) && r.toks[last+1].fold == f.Unknown {
				// "Welche Kommunen sind im Netzwerk Klimaschutz?": the word
				// after "Netzwerk" names a network the base does not know,
				// not the one its scattered words ("Kommunen … Netzwerk")
				// resemble.
				continue
			}
			f.Subjects = appendSubject(f.Subjects, Subject{Kind: SubjectNetwork, ID: m.ID})
		case names.Place:
			s := Subject{Kind: SubjectPlace, ID: m.ID}
			if k := e.kreisOf(m.ID); kreisMeant && k != "" && len(m.Positions) == 1 {
				s.ID = k // "Welcher Kreis hat mehr Gemeinden: Borken oder Kleve?": the Kreise
			}
			if pl := e.base.Place(m.ID); pl != nil && m.Name != pl.Name && e.isAlias(pl, m.Name) {
				s.As = m.Name
			}
			f.Subjects = appendSubject(f.Subjects, s)
		case names.State:
			if f.Filters.State == "" {
				f.Filters.State = m.ID
			}
		}
	}
}

// onFocus reads a follow-up about the place the answer before named as
// its answer (Frame.Focus): after "Wer hat den Vorsitz bei RegioPole?"
// (Paderborn), "wer ist da Bürgermeister?" and "in welchem Kreis liegt
// die Stadt?" ask about Paderborn; after "Which city joined RegioPole
// most recently?" (Kassel), "since when?" asks since when Kassel is in.
func (e *Engine) onFocus(f, prev Frame, r *reading) (Frame, bool) {
	// After the speakers, only a question for a Kreis or Regierungsbezirk
	// ("aus welchem Kreis kommt die Sprecherin?") asks of the first one
	// named; "wo kommen die her?" asks of both (the statement says it).
	speakers := prev.Attribute == domain.AttrSpeakers && (r.has("district-words", "region-words") || prev.Ordinal > 0) // "der zweite" … "wo liegt das?"
	// After a statement found by a word ("Schridde kommt aus welcher
	// Stadt?"), where the place it named lies.
	byWord := len(prev.Words) > 0 && (f.Op == OpWhere || r.has("district-words", "region-words")) && len(f.Words) == 0
	// After a list of one ("Which member is from Hesse?"), a question
	// pointing back asks of that one.
	one := prev.Op == OpList && prev.Attribute == domain.AttrMembers && r.pronoun
	if prev.Focus == "" || f.Unknown != "" || !(prev.Op == OpMost || prev.Attribute == domain.AttrChair || speakers || prev.Rel.ID != "" || byWord || one) {
		return f, false
	}
	place := Subject{Kind: SubjectPlace, ID: prev.Focus}
	switch {
	case f.Attribute == domain.AttrMayor || f.Attribute == domain.AttrPopulation || f.Attribute == domain.AttrKey || f.Attribute == domain.AttrOfficial ||
		f.Attribute == domain.AttrPostcode || f.Attribute == domain.AttrSurface || f.Attribute == domain.AttrPlace:
		g := Frame{Op: f.Op, Attribute: f.Attribute, Asked: f.Asked, Words: f.Words, English: f.English, Subjects: []Subject{place}}
		return g, true
	case f.About == AboutTwinnings && r.pronoun && len(f.Subjects) == 0 && len(f.Words) == 0 && f.Filters.Area == "" && f.Filters.State == "":
		// "Who joined RegioPole most recently?" … "what are its twin
		// towns?": that place's.
		g := f
		g.Subjects = []Subject{place}
		return g, true
	case f.Op == OpWhere || f.About == AboutAreas && isAreaKind(f.Filters.Kind) && f.count(SubjectPlace) == 0:
		return Frame{Op: OpWhere, English: f.English, Subjects: []Subject{place}}, true // "in welchem Kreis liegt die Stadt?"
	case f.Op == OpWhen && len(f.Words) == 0 && (f.Attribute == domain.AttrNone || f.Attribute == domain.AttrFounding || f.Attribute == domain.AttrJoin) && prev.count(SubjectNetwork) > 0 &&
		!(prev.Attribute == domain.AttrChair && (r.has("founding") || r.has("networks") && !r.has("members"))): // "wann wurde das Netzwerk gegründet?" after its chair: the network's
		g := Frame{Op: OpWhen, English: f.English}
		for _, id := range prev.networks() {
			g.Subjects = append(g.Subjects, Subject{Kind: SubjectNetwork, ID: id})
		}
		if prev.Attribute == domain.AttrChair && f.Attribute == domain.AttrNone && !r.has("members", "places", "founding", "networks", "range") {
			g.Attribute = domain.AttrChair // "since when?" after the chair: since when it chairs, not since when it is a member
			return g, true
		}
		g.Subjects = append(g.Subjects, place) // "since when?": since when it is in
		return g, true
	}
	return f, false
}

// inPrevArea reads a follow-up about the area of the question before:
// "In welchem Kreis liegt Attendorn?" … "welche Gemeinden gehören da noch
// dazu?" lists the municipalities of its Kreis; "Welche Gemeinden gehören
// zum Ennepe-Ruhr-Kreis?" … "welche davon sind Engagierte Stadt?" lists
// the network's members there.
func (e *Engine) inPrevArea(f, prev Frame, r *reading) (Frame, bool) {
	if f.Filters.Area != "" || prev.About == AboutTwinnings {
		return f, false
	}
	switch {
	case !f.has(SubjectNetwork) && !f.has(SubjectPlace) && f.Op == OpList && r.has("places") && prev.count(SubjectPlace) == 1 && f.About != AboutTwinnings && f.About != AboutNetworks:
		if area := e.areaOf(prev.places()[0]); area != "" {
			f.About, f.Filters.Area = AboutAreas, area
			return f, true
		}
	case f.has(SubjectNetwork) && !f.has(SubjectPlace) && r.has("district-words") && prev.count(SubjectPlace) == 1 && prev.Filters.Area == "" && f.Op != OpWhere:
		// "In welchem Kreis liegt Lemgo?" … "welche andere Engagierte
		// Stadt liegt noch in dem Kreis?": the network's members in
		// Lemgo's Kreis, Lemgo left out where others are asked for.
		area := e.areaOf(prev.places()[0])
		if area == "" {
			return f, false
		}
		f.Filters.Area = area
		if r.also {
			f.Filters.Except = append(f.Filters.Except, prev.places()[0])
		}
		if f.Op != OpYesNo && f.Op != OpCount {
			f.Op, f.Attribute = OpList, domain.AttrMembers
		}
		return f, true
	case f.has(SubjectNetwork) && !f.has(SubjectPlace) && prev.About == AboutAreas && prev.Filters.Area != "" && (r.pronoun || r.bare):
		// "ist eine davon im Kommunen-Netzwerk?": which of them are.
		f.Filters.Area = prev.Filters.Area
		if f.Op != OpCount {
			f.Op, f.Attribute = OpList, domain.AttrMembers
		}
		return f, true
	}
	return f, false
}

// areaOf is the Kreis (or Städteregion) an NRW place lies in, or "".
func (e *Engine) areaOf(id string) string {
	pl := e.base.Place(id)
	if pl == nil || isArea(pl) || pl.District == "" {
		return ""
	}
	for _, a := range e.siblingsOf(coreName(pl.District)) {
		if isArea(a) && strings.EqualFold(a.Name, pl.District) {
			return a.ID
		}
	}
	return ""
}

// regionOf is the Regierungsbezirk an NRW place lies in, or "".
func (e *Engine) regionOf(id string) string {
	pl := e.base.Place(id)
	if pl == nil || pl.Region == "" {
		return ""
	}
	for _, rb := range e.areasOf("Regierungsbezirk", "") {
		if strings.HasSuffix(rb.Name, " "+pl.Region) {
			return rb.ID
		}
	}
	return ""
}

// kreisOf is the Kreis named like a town ("Kreis Borken" for Borken), or "".
func (e *Engine) kreisOf(id string) string {
	pl := e.base.Place(id)
	if pl == nil || isArea(pl) {
		return ""
	}
	for _, sib := range e.siblingsOf(coreName(pl.Name)) {
		if sib.Kind == "Kreis" && sib.ID != id {
			return sib.ID
		}
	}
	return ""
}

// isAlias reports whether name is one of the place's aliases (not a
// generated short form such as "Coesfeld" for the Kreis Coesfeld).
func (e *Engine) isAlias(pl *domain.Place, name string) bool {
	return slices.Contains(pl.Aliases, name)
}

func appendSubject(ss []Subject, s Subject) []Subject {
	for _, x := range ss {
		if x.Kind == s.Kind && x.ID == s.ID {
			return ss
		}
	}
	return append(ss, s)
}

// readOp decides what the question asks for, from its cues in order of
// specificity.
func (e *Engine) readOp(r *reading, f *Frame) {
	nets := f.has(SubjectNetwork)
	places, areas := false, false // a Kreis named with a list is where, not what
	for _, id := range f.places() {
		if pl := e.base.Place(id); pl != nil && isArea(pl) {
			areas = true
		} else {
			places = true
		}
	}
	wh := r.has("who", "when", "where", "which", "count", "member-who", "what")
	yesNo := len(r.toks) > 0 && (e.lex.isCueIn("yesno", r.english, r.toks, 0) || slices.Contains(r.cues["exists"], 0) || e.startsYesNo(r)) && !wh && !r.has("which")
	// A year narrows a list, unless the question asks something else of
	// a network in that year: "Wie hoch ist das Budget der Netzwerkstelle
	// 2025?", "Was hat die Netzwerkstelle 2023 gemacht?".
	yearList := f.Filters.Year != 0 && !(nets && len(f.Words) > 0 && !r.has("members", "member-who", "new", "founders", "join", "places")) &&
		!(nets && f.Attribute == domain.AttrFounding && !r.has("members", "member-who", "places")) // "Gründungsjahr: 2012 oder 2014?" checks the year
	filtered := f.Filters.State != "" || yearList || f.Filters.Kind != "" || r.has("founders", "kreisfrei", "kreisangehoerig") ||
		(areas && nets)
	switch {
	case r.has("help") && len(f.Subjects) == 0 && len(f.Words) == 0:
		f.Op = OpHelp
	case r.has("common") && len(f.ids(SubjectPlace)) == 2 && !nets:
		// "Was haben Bielefeld und Paderborn gemeinsam?"
		f.Op, f.Measure = OpCompare, MeasureCommon
	case r.has("same") && len(f.ids(SubjectPlace)) >= 2 && (!nets || r.has("district-words", "region-words")):
		// "Liegen Burbach und Siegen im selben Kreis?": where each lies,
		// also where a network is named beside ("Herford und Bad
		// Salzuflen sind beide Engagierte Stadt – liegen die im selben Kreis?").
		f.Op, f.YesNo, f.Measure = OpCompare, true, MeasureArea
		if r.has("region-words") {
			f.Measure = MeasureRegion
		}
	case r.has("compare") && !r.has("cross") && e.comparable(r, f):
		f.Op, f.YesNo = OpCompare, yesNo
	case r.has("most") && r.has("founding") && r.has("when") && f.Most == DirOldest && !r.has("places", "who", "which"):
		// "Wann wurde die Gemeinsame Erklärung zum ersten Mal
		// unterzeichnet?": when it was founded, not its oldest member.
		f.Op, f.Most = OpWhen, DirNone
	case r.has("most") && r.has("founding") && f.Most == DirOldest && r.has("places", "who") && !nets && !places && !r.has("twinning"):
		// ("Hamm: mit welcher Stadt hat die erste Partnerschaft
		// angefangen?" asks for the oldest twinning.)
		// "Welche Kommunen haben als erste unterschrieben?": the founders.
		f.Op, f.Most = OpList, DirNone
		r.cues["founders"] = []int{0}
	case r.has("founding") && r.has("places") && r.has("which") && nets && !places && !r.has("when", "where", "count", "most"):
		// "Welche Städte haben RegioPole gegründet?", "Which cities
		// founded it?": the founders, not the founding.
		f.Op = OpList
		r.cues["founders"] = []int{0}
	case r.has("most", "earlier", "later") && r.has("or") && len(f.ids(SubjectPlace)) >= 2 && !r.has("cross"):
		// "Wer war zuerst Engagierte Stadt, Bielefeld oder Lemgo?", "Who
		// joined earlier, Würzburg or Kassel?": the first of the two, a
		// comparison.
		f.Op, f.YesNo = OpCompare, yesNo
		if f.Most == DirNone && r.has("earlier") {
			f.Most = DirOldest
		} else if f.Most == DirNone && r.has("later") {
			f.Most = DirNewest
		}
	case r.has("most") && r.has("where") && r.has("signing") && !places:
		// "Wo fand die erste Unterzeichnung der Gemeinsamen Erklärung
		// statt?": where the first signing was (firstSigning), not the
		// first member.
		f.Op = OpWhere
	case r.has("most") && !r.has("cross"):
		f.Op = OpMost
	case r.has("count"):
		f.Op = OpCount
	case yesNo && slices.Contains(r.cues["exists"], 0) && nets && !places && (f.Filters.State != "" || f.Filters.Year != 0 || r.has("kreisfrei", "kreisangehoerig") ||
		r.has("cross") && f.count(SubjectNetwork) >= 2) && f.Attribute == domain.AttrNone && len(f.Words) == 0:
		// "Gibt es Engagierte Städte im Saarland?": the list there
		// answers yes (with them) or no.
		f.Op = OpList
	case r.has("left") && !places && !r.has("when", "count"):
		// "Wer hat die Engagierte Stadt verlassen?", "Gibt es ehemalige
		// Mitglieder?": the members who left.
		f.Op = OpList
	case yesNo:
		f.Op = OpYesNo
	case r.has("signing") && (r.has("who") || r.has("which") && r.has("office")) && !r.has("when", "most"):
		// "Wer unterschreibt fürs Land, wenn neue Kommunen beitreten?",
		// "Welche Staatssekretärin unterschreibt?": who signs, not the
		// newest members nor how to join.
		f.Op = OpWho
	case nets && r.has("new") && f.Filters.Year == 0 && !r.has("when", "join") && !attrSpecific(*f): // "Bekommt eine neue Engagierte Stadt Geld?" asks the funding
		// "Wer ist neu bei RegioPole?", "Welche Städte sind neu dabei?":
		// the newest members; "um aufgenommen zu werden" asks how to join.
		f.Op, f.Most = OpMost, DirNewest
	case r.has("member-who", "founders"):
		f.Op = OpList
	case r.has("who") && (f.Filters.Year != 0 || r.has("new")) && !r.has("founding", "signing"): // "Who set it up in 2015?" asks the founders; "Wer unterschreibt seit 2017?" the signer
		f.Op = OpList
	case r.has("who") && areas && (nets || r.has("members")) && f.Attribute == domain.AttrNone:
		// "Wer ist aus dem Rhein-Sieg-Kreis dabei?": the members there.
		f.Op = OpList
	case r.has("when"), len(r.toks) == 1 && r.has("since"): // "seit?" asks since when
		f.Op = OpWhen
	case r.has("where") && !r.has("link"), places && (r.has("which") || r.english && r.has("what") || e.asksWhat(r)) && r.has("district-words", "region-words") && !nets:
		// "hallenberg, welcher kreis?": where it lies.
		f.Op = OpWhere
	case r.has("who"):
		f.Op = OpWho
	case r.has("join") || f.Attribute == domain.AttrJoin:
		f.Op = OpJoin
	case r.has("which", "new", "cross") || (r.has("members", "places", "belong") && !places) || (filtered && !places):
		f.Op = OpList
	default:
		f.Op = OpDescribe
	}
	if e.negated(r) && (f.Op == OpList || f.Op == OpCount) {
		f.Negate = true
	}
}

// firstOfStated reports whether "erste" stands before a word that picks
// out statements: "die erste EWS", "der erste Fachaustausch".
func (e *Engine) firstOfStated(r *reading, f Frame) bool {
	spec := e.specificWords(f)
	for _, p := range r.cues["most"] {
		if p+1 >= len(r.toks) {
			continue
		}
		w := r.toks[p+1].fold
		if s, ok := e.lex.synonyms[w]; ok {
			w = words.Fold(s)
		}
		if slices.Contains(spec, w) {
			return true
		}
	}
	return false
}

// foundedByMembers reports whether the base names no organisation that
// founded or initiated the network, but founding members.
func (e *Engine) foundedByMembers(id string) bool {
	n := e.base.Network(id)
	if n == nil || len(n.Founded.By) > 0 || len(e.topicFacts(n, false, "initiator", "founders")) > 0 {
		return false
	}
	for i := range n.Members {
		if isFounder(&n.Members[i], n.Founded.Date) {
			return true
		}
	}
	return false
}

// asksWhat reports whether the question opens with an English "what"
// followed by a district word: "What Regierungsbezirk is Gladbeck in?".
func (e *Engine) asksWhat(r *reading) bool {
	return len(r.toks) > 1 && r.toks[0].fold == "what" &&
		(slices.Contains(r.cues["district-words"], 1) || slices.Contains(r.cues["region-words"], 1))
}

// negated reports whether the question negates: a negation word that is
// not part of an inclusive phrase ("nicht nur die von 2016").
func (e *Engine) negated(r *reading) bool {
	for _, p := range r.cues["negation"] {
		if !slices.Contains(r.cues["inclusive"], p) && !slices.Contains(r.cues["outside"], p) && !slices.Contains(r.cues["suspended"], p) &&
			!r.negatesNext(p) {
			return true
		}
	}
	return false
}

// negatedBefore reports whether a negation stands in the three words
// before one of the positions.
func (r *reading) negatedBefore(ps []int) bool {
	for _, p := range ps {
		for _, n := range r.cues["negation"] {
			if n < p && n >= p-3 {
				return true
			}
		}
	}
	return false
}

// positionsOf are the words a name with the id took.
func (r *reading) positionsOf(id string) []int {
	for _, m := range r.mentions {
		if m.ID == id {
			return m.Positions
		}
	}
	return nil
}

// negatesNext reports whether the negation at p is of the word after it —
// a filter ("nicht kreisfrei") or a place ("nicht im Kreis Lippe") — rather
// than of the list.
func (r *reading) negatesNext(p int) bool {
	for q := p + 1; q <= p+3 && q < len(r.toks); q++ {
		if slices.Contains(r.cues["kreisfrei"], q) || slices.Contains(r.cues["kreisangehoerig"], q) || r.placeAt(q) {
			return true
		}
	}
	return false
}

// placeAt reports whether a place's name took the word at i.
func (r *reading) placeAt(i int) bool {
	for _, m := range r.mentions {
		if m.Kind == names.Place && slices.Contains(m.Positions, i) {
			return true
		}
	}
	return false
}

// startsYesNo reports whether the question opens like a yes/no question
// the cue list does not cover: "Gibt es …", "Hat …".
func (e *Engine) startsYesNo(r *reading) bool {
	if len(r.toks) > 1 && r.toks[0].fold == "gibt" && r.toks[1].fold == "es" {
		return true
	}
	if len(r.toks) > 2 && e.lex.isCue("and", r.toks, 0) && e.lex.isCueIn("yesno", r.english, r.toks, 1) && !r.nameAt(1) {
		return true // "und ist Sendenhorst auch im Kommunen-Netzwerk?"
	}
	// "Hamm und Unna – sind beide kreisfrei?": names, a dash,
	// then the question; the names are its subjects.
	for i := 1; i < len(r.toks); i++ {
		if r.toks[i].clause != r.toks[i-1].clause {
			return e.lex.isCueIn("yesno", r.english, r.toks, i) && r.nameAt(0) && !r.has("or") // "Bönen – Stadt oder Gemeinde?" asks which
		}
		if !r.nameAt(i) && !e.lex.isCue("and", r.toks, i) {
			return false
		}
	}
	return false
}

// comparable reports whether a comparison has something to compare: two
// subjects of a kind, a measure, or the networks altogether.
func (e *Engine) comparable(r *reading, f *Frame) bool {
	return len(f.ids(SubjectNetwork)) >= 2 || len(f.ids(SubjectPlace)) >= 2 || f.Measure != MeasureNone ||
		(len(f.Subjects) == 0 && r.has("networks")) || r.has("which")
}

// readAbout decides what the question is about where its subjects do not
// say it: twinnings, NRW's municipalities, the networks, several networks.
func (e *Engine) readAbout(r *reading, f *Frame) {
	nets := f.networks()
	switch {
	case r.has("twinning") && len(nets) > 0 && !f.has(SubjectPlace) && nets[0] != e.twinNetwork && (f.Op == OpList || f.Op == OpCount || f.Op == OpYesNo):
		// "Welche Engagierten Städte haben (keine) Partnerstadt?": members,
		// by whether they have a twinning. "Hat eine Engagierte Stadt eine
		// Partnerstadt in Spanien?" is answered by the list of those that do.
		if f.Op == OpYesNo {
			f.Op = OpList
		}
		f.Filters.Twinned = "ja"
		if r.negatedBefore(r.cues["twinning"]) {
			f.Filters.Twinned = "nein"
			f.Negate = false
		}
	case r.has("twinning") && f.Attribute == domain.AttrEvent && f.has(SubjectPlace) && len(nets) == 0 && r.has("who") && !r.has("which"):
		// "Who joined the online event with Dortmund on Ukraine
		// partnerships?": an event on twinnings, told by the statements.
	case r.has("twinning") && (len(nets) == 0 || (len(nets) == 1 && nets[0] == e.twinNetwork && (f.has(SubjectPlace) ||
		f.Op == OpCount && !r.has("members", "member-who", "places")))):
		// "How many partnerships does NRW have according to the figures
		// the Netzwerkstelle quotes?": the twinnings, by its figures.
		f.About = AboutTwinnings
		if len(nets) == 1 && (f.has(SubjectPlace) || f.Op == OpCount) {
			f.Subjects = slices.DeleteFunc(f.Subjects, func(s Subject) bool { return s.Kind == SubjectNetwork })
		}
	case len(nets) == 0 && e.pairAbroad(f) && !f.Attribute.Unheld():
		// "köln liverpool seit wann"; "a train from Bielefeld to Rochdale"
		// asks what the base never holds.
		f.About = AboutTwinnings // "köln liverpool seit wann"
	case len(nets) == 0 && f.Filters.Country != "" && f.Filters.Country != "Deutschland" && len(f.places()) == 1 && e.inNRW(f.places()[0]) &&
		(f.Attribute == domain.AttrNone || f.Attribute == domain.AttrWebsite && r.has("link")):
		// "Witten and Ethiopia – what's the link?": an NRW place and a
		// country are a question of its twinnings there.
		f.About, f.Attribute, f.Asked = AboutTwinnings, domain.AttrNone, nil
	case r.has("cross"):
		f.About = AboutCross
	case len(nets) == 0 && e.asksAreas(r, f) && !(f.Attribute == domain.AttrEvent && (f.Ordinal > 0 || len(f.Asked) > 0) && f.Filters.Area == "") &&
		!(f.Attribute == domain.AttrChair && len(f.places()) == 0): // "the very first chair city?": a network's chair
		// ("Wie viele Kommunen waren bei der 3. Austauschveranstaltung?"
		// asks who came to an event, not NRW's Gemeinden.)
		f.About = AboutAreas
	case len(f.Subjects) == 0 && r.has("networks") && len(f.Words) == 0:
		f.About = AboutNetworks
	}
	if f.About == AboutTwinnings && f.Attribute == domain.AttrEvent && f.Ordinal > 0 && len(f.places()) == 0 {
		// "Welche Partnerschaften wurden beim 2. Forum vorgestellt?": the
		// numbered event, which the twinnings are asked of.
		f.About = AboutSubjects
	}
	if r.has("suspended") && f.About == AboutTwinnings {
		f.Filters.Suspended = true
	}
	if f.About == AboutTwinnings {
		f.Filters.TwinKind = r.twinKind()
	}
	if f.About == AboutAreas && f.Filters.Kind == "" {
		// "Welcher Regierungsbezirk hat …?", "Welcher Kreis …?": the kind of
		// area the question ranks or counts.
		switch {
		case r.has("region-words"):
			f.Filters.Kind = "Regierungsbezirk"
		case r.has("district-words") && f.Op != OpCount:
			f.Filters.Kind = "Kreis"
		}
	}
	if f.Op == OpCount && f.About == AboutAreas && f.Filters.Area == "" && isAreaKind(f.Filters.Kind) && r.has("places") {
		// "Wie viele Kreise und Gemeinden zählt NRW?":
		// all of them, not one kind.
		f.Filters.Kind = ""
	}
}

// saysSource reports whether the words say whose figure is asked for
// ("According to IT.NRW, …"): that is part of the question.
func (e *Engine) saysSource(c []tok) bool {
	for i := range c {
		if e.lex.startsCue("according", c, i) {
			return true
		}
	}
	return false
}

// onlyExistsPronoun reports whether the question's only pronoun is the
// "es" of "gibt es" in a question of a start ("seit wann gibt es die
// Regiopolen?"); "seit wann gibt es dort die Engagierte Stadt?" points
// back with "dort".
func (e *Engine) onlyExistsPronoun(r *reading) bool {
	if !r.has("founding") || !r.has("exists") {
		return false
	}
	for _, p := range r.cues["pronoun"] {
		if !(r.toks[p].fold == "es" && p > 0 && r.toks[p-1].fold == "gibt") {
			return false
		}
	}
	return true
}

// placeAttribute reports whether an attribute is one of a place itself,
// not of its twinnings: "und wie viele Einwohner hat Reading?" after
// Düsseldorf–Reading asks Reading's.
func placeAttribute(a domain.Attribute) bool {
	return a == domain.AttrPopulation || a == domain.AttrMayor || a == domain.AttrPostcode || a == domain.AttrSurface ||
		a == domain.AttrKey || a == domain.AttrOfficial
}

// inNRW reports whether the place with the id lies in NRW: twinnings are
// the base's only of NRW places.
func (e *Engine) inNRW(id string) bool {
	pl := e.base.Place(id)
	return pl != nil && pl.State == "Nordrhein-Westfalen"
}

// whereListed is how many listed places "in welchen Kreisen liegen die?"
// answers one sentence each for: more would be no answer to read.
const whereListed = 12

// twinKindCues are the cues that name a kind of twinning, and the kind
// (domain.PartnershipKinds) each asks for.
var twinKindCues = []struct{ cue, kind string }{
	{"friendship", "Freundschaft"}, {"sponsorship", "Patenschaft"}, {"solidarity", "Solidaritätspartnerschaft"},
	{"project-twinning", "Projektpartnerschaft"}, {"climate-twinning", "Klimapartnerschaft"},
}

// twinKind is the one kind of twinning the question asks for, "" for all:
// "eine Städtefreundschaft" asks for a Freundschaft, "Partnerstädte und
// Freundschaften" for all of them (a word of twinnings no kind has).
func (r *reading) twinKind() string {
	kind := ""
	var at []int
	for _, k := range twinKindCues {
		if ps := r.cues[k.cue]; len(ps) > 0 {
			if kind != "" && kind != k.kind {
				return "" // two kinds: all
			}
			kind, at = k.kind, append(at, ps...)
		}
	}
	if kind == "" || slices.ContainsFunc(r.cues["twinning"], func(p int) bool { return !slices.Contains(at, p) }) {
		return ""
	}
	return kind
}

// pairAbroad reports whether a question names an NRW place and a place
// abroad: it asks about their twinning.
func (e *Engine) pairAbroad(f *Frame) bool {
	if ps := f.places(); len(ps) == 2 && slices.ContainsFunc(e.base.PartnershipsOf(ps[0]), func(p domain.Partnership) bool { return otherSide(p, ps[0]) == ps[1] }) {
		return true // "Wuppertal und Schwerin – seit wann?": the two are twinned
	}
	nrw, abroad := false, false
	for _, id := range f.places() {
		if pl := e.base.Place(id); pl != nil {
			nrw = nrw || pl.State == "Nordrhein-Westfalen"
			abroad = abroad || pl.Country != ""
		}
	}
	return nrw && abroad
}

// asksAreas reports whether a question asks about NRW's municipalities as
// such: how many, which, in which Kreis — not about membership or twinnings.
func (e *Engine) asksAreas(r *reading, f *Frame) bool {
	if r.has("members", "twinning", "new", "founders", "networks") || f.Filters.Year != 0 || r.content > 0 && e.landFigure(f.Words) == nil {
		return false
	}
	area := false
	for _, id := range f.places() {
		pl := e.base.Place(id)
		switch {
		case pl == nil:
		case isArea(pl):
			area = true
		default:
			return false // "In welchem Regierungsbezirk liegt Bönen?": about Bönen
		}
	}
	// "Was gehört alles zum Kreis Olpe?": what belongs to an area
	// are its Gemeinden.
	kind := r.has("places", "district-words", "region-words", "kreisfrei", "kreisangehoerig") || f.Filters.Kind != "" || area && r.has("belong")
	// The base's Kreise and Gemeinden are NRW's: a question that names no
	// other Land asks about them.
	nrw := area || f.Filters.State == "" || f.Filters.State == "Nordrhein-Westfalen"
	// "Die fünf Regierungsbezirke?", "what are the Kreise": a kind of
	// area in the plural and nothing else names them all.
	plural := f.Op == OpDescribe && isAreaKind(f.Filters.Kind) && len(f.Subjects) == 0 && len(f.Words) == 0 && f.Unknown == ""
	return kind && nrw && (plural || f.Op == OpCount || f.Op == OpList || f.Op == OpMost || f.Op == OpCompare || r.has("which", "naming"))
}

// isAreaKind reports whether places of a kind are areas other places lie in.
func isAreaKind(kind string) bool {
	return kind == "Kreis" || kind == "Regierungsbezirk"
}

// outsideCountry reports whether an "outside" cue stands right before the
// country (two words between at most: "außerhalb von Europa", "outside
// of Europe", "nicht in Frankreich"). "außer Köln … in Polen" leaves Köln
// out, not Polen; "ohne Partnerstadt in Polen" asks who has none there.
func (e *Engine) outsideCountry(r *reading) bool {
	for _, p := range r.cues["outside"] {
		if t := r.toks[p].fold; t == "ohne" || t == "without" {
			continue
		}
		if d := r.countryAt - p; d >= 1 && d <= 3 {
			return true
		}
	}
	return false
}

// isArea reports whether a place is an area other places lie in.
func isArea(pl *domain.Place) bool {
	return pl.Kind == "Kreis" || pl.Kind == "Städteregion" || pl.Kind == "Regierungsbezirk"
}

// readFilters sets the filters the cues say, and reads a Kreis or
// Regierungsbezirk as an area filter where the question lists what is in
// it ("Welche Kommunen im Kreis Lippe sind dabei?").
func (e *Engine) readFilters(r *reading, f *Frame) {
	fl := &f.Filters
	// "Welche NRW-Städte außer Köln haben Partnerstädte in Polen?": the
	// place right after "außer" is left out of a list, not asked about.
	except := false
	for _, p := range r.cues["outside"] {
		for _, m := range r.mentions {
			pl := e.base.Place(m.ID)
			if m.Kind != names.Place || pl == nil || isArea(pl) || m.Positions[0] != p+1 || f.Op != OpList || f.count(SubjectPlace) == 0 {
				continue
			}
			f.Subjects = slices.DeleteFunc(f.Subjects, func(s Subject) bool { return s.ID == m.ID })
			fl.Except = append(fl.Except, m.ID)
			except = true
		}
	}
	switch {
	case except:
	case fl.Country != "" && e.outsideCountry(r):
		// "Bonn's twin towns outside Europe?"; "NRW-Städte mit Partnern
		// außerhalb von Europa": the partners' side, NRW stays.
		fl.NotCountry = true
	case r.has("outside") && fl.State != "":
		fl.NotState = true
	}
	switch {
	case r.has("kreisfrei"):
		fl.Kreisfrei = "ja"
	case r.has("kreisangehoerig"):
		fl.Kreisfrei = "nein"
	}
	if fl.Kreisfrei != "" && r.negatedBefore(append(r.cues["kreisfrei"], r.cues["kreisangehoerig"]...)) {
		fl.Kreisfrei = map[string]string{"ja": "nein", "nein": "ja"}[fl.Kreisfrei] // "nicht kreisfrei"
	}
	fl.Founders = r.has("founders")
	if r.has("after-founding") {
		// "welche kamen nach der Gründung dazu?": the members who are no
		// founders.
		fl.Founders, fl.NotFounders = false, true
		if f.Attribute == domain.AttrFounding || f.Attribute == domain.AttrFounders || f.Attribute == domain.AttrNone && (f.Op == OpList || f.Op == OpWho) {
			f.Attribute = domain.AttrMembers
		}
	}
	// "aus der Engagierten Stadt ausgetreten"; of a place alone ("Ist
	// Gießen ausgetreten?") its membership says it.
	fl.Former = r.has("left") && !(f.has(SubjectPlace) && !f.has(SubjectNetwork))
	if f.Negate && fl.Founders && r.negatedBefore(r.cues["founders"]) {
		// "Welche Engagierten Städte in NRW sind keine
		// Gründungsmitglieder?": the members, without the founders.
		fl.Founders, fl.NotFounders, f.Negate = false, true, false
	}
	if nets := f.networks(); f.Negate && len(nets) == 2 {
		// "Welche Erstunterzeichner vom Kommunen-Netzwerk sind keine
		// Engagierte Stadt?": the one network's members without the
		// other's.
		for i, id := range nets {
			if r.negatedBefore(r.positionsOf(id)) {
				fl.NotIn, f.Negate = id, false
				keep := nets[1-i]
				f.Subjects = slices.DeleteFunc(f.Subjects, func(s Subject) bool { return s.Kind == SubjectNetwork && s.ID != keep })
				break
			}
		}
	}
	fl.New = r.has("new") && f.Op == OpList && f.Filters.Year == 0 && !r.has("which")
	areaNot := false
	listing := r.has("which", "members", "count", "places", "member-who", "belong") || f.About == AboutAreas || f.Op == OpList || f.Op == OpMost
	// "Wie viele Einwohner hat der Kreis Olpe?" asks about the Kreis, not
	// about what lies in it.
	placeAttr := f.Attribute == domain.AttrPopulation || f.Attribute == domain.AttrMayor || f.Attribute == domain.AttrSurface ||
		f.Attribute == domain.AttrPostcode || f.Attribute == domain.AttrKey || f.Attribute == domain.AttrPhone
	if (listing || f.has(SubjectNetwork)) && !(f.Op == OpYesNo && !r.has("which")) && f.About != AboutTwinnings && f.Op != OpCompare && !placeAttr {
		var keep []Subject
		for _, s := range f.Subjects {
			if pl := e.base.Place(s.ID); s.Kind == SubjectPlace && pl != nil && isArea(pl) && fl.Area == "" &&
				(f.has(SubjectNetwork) || f.About == AboutAreas || listing) {
				fl.Area = s.ID
				areaNot = r.negatedBefore(r.positionsOf(s.ID)) // "nicht im Regierungsbezirk Düsseldorf"
				continue
			}
			keep = append(keep, s)
		}
		f.Subjects = keep
	}
	fl.NotArea = areaNot
	// "Wer hatte den Vorsitz vor Paderborn?": the place is the point in
	// time, not the subject.
	if f.Attribute == domain.AttrChair || f.Attribute == domain.AttrSpeakers {
		for _, m := range r.mentions {
			p := m.Positions[0]
			if m.Kind != names.Place || p == 0 {
				continue
			}
			if rel := e.relationBefore(r, p); rel != "" {
				f.Rel = Relation{Op: rel, ID: m.ID}
			}
		}
		if f.Rel.ID != "" {
			f.Subjects = slices.DeleteFunc(f.Subjects, func(s Subject) bool { return s.ID == f.Rel.ID })
		}
	}
	if (f.Attribute == domain.AttrChair || f.Attribute == domain.AttrSpeakers) && f.Rel.ID == "" && !f.has(SubjectPlace) {
		// "Wer hatte davor den Vorsitz?": before the one who has it now.
		last := len(r.toks) - 1 // "who chaired it before?": before whom, unsaid
		switch {
		case r.has("earlier") || last > 0 && e.lex.isCue("before", r.toks, last):
			f.Rel = Relation{Op: "before", ID: RelNow}
		case r.has("later") || last > 0 && e.lex.isCue("after", r.toks, last):
			f.Rel = Relation{Op: "after", ID: RelNow}
		}
	}
	switch {
	case r.has("until"):
		f.Time = WhenUntil
	case r.has("history"):
		f.Time = WhenHistory
	case r.has("next"):
		f.Time = WhenNext
	case r.has("last") && (f.Attribute == domain.AttrEvent || f.Op == OpWhen || f.Op == OpWhere):
		f.Time = WhenLast
	}
	// A yes/no question about a Bundesland's name as a place ("Ist Hamburg
	// eine Engagierte Stadt?") asks about that city; so does a question for
	// a city-state's twinnings ("Hamburg's twin cities").
	if f.Op == OpYesNo && f.has(SubjectNetwork) && !f.has(SubjectPlace) && fl.State != "" && f.Unknown == "" {
		for _, m := range r.mentions {
			if m.Kind == names.State && m.Positions[0] == 1 {
				f.Unknown = r.toks[1].fold
				fl.State = ""
			}
		}
	}
	if f.About == AboutTwinnings && !f.has(SubjectPlace) && fl.State != "" && fl.State != "Nordrhein-Westfalen" && f.Unknown == "" {
		for _, m := range r.mentions {
			if m.Kind == names.State && m.ID == fl.State {
				f.Unknown = r.toks[m.Positions[0]].fold
				fl.State = ""
			}
		}
	}
}

// relationBefore is "before" or "after" where the word before position p
// says so ("vor Paderborn", "after Rostock"; not "from Rheine", an
// origin), else "".
func (e *Engine) relationBefore(r *reading, p int) string {
	switch {
	case e.lex.isCue("before", r.toks, p-1):
		return "before"
	case e.lex.isCue("after", r.toks, p-1) && !e.lex.isCue("origin", r.toks, p-1):
		return "after"
	}
	return ""
}

// finish sets what the frame implies: the attribute of a question word
// alone, the measure of a comparison, and what marks a follow-up.
func (e *Engine) finish(r *reading, f *Frame) {
	if named := slices.DeleteFunc(slices.Clone(f.Words), e.lex.ordinary); len(f.Subjects) == 0 && (f.Op == OpWhere || r.has("district-words", "region-words")) &&
		len(named) == 1 && f.Filters.IsZero() {
		// "In welchem Kreis liegt die Stadt von Herrn Schridde?": the place
		// the one statement naming him names right after him.
		w := named[0]
		if refs := e.refsOf(w); len(refs) == 1 && len(e.factPlaces[refs[0]]) > 0 {
			if text := e.fact(refs[0], false).Text; strings.Contains(words.Fold(text), w) {
				id := e.placeNear(text, e.factPlaces[refs[0]], []string{w})
				f.Subjects, f.Words, f.Unknown, f.unknownAs = []Subject{{Kind: SubjectPlace, ID: id}}, nil, "", ""
			}
		}
	}
	if nets := f.networks(); len(nets) == 1 && len(f.places()) == 0 && f.Number > 0 && !f.Anniversary && r.has("check") && f.Filters.Year == 0 && f.Filters.Country == "" &&
		e.countsMembers(r) {
		// "our page says there are 113 Engagierte Städte – is that still
		// right?": the network's size now, with the figures before; "90
		// Städte, Gemeinden und Kreise" are all of them.
		f.Op, f.Attribute, f.Number, f.Words, f.Asked = OpCount, domain.AttrCount, 0, nil, nil
		f.Filters.Kind, f.Filters.State = "", ""
	}
	if f.Op == OpList && f.Attribute == domain.AttrWebsite && len(f.networks()) == 1 && len(f.places()) == 0 && r.has("places") && r.has("which") {
		// "Welche Städte aus NRW führen wir auf der Webseite als Engagierte
		// Städte?": the members; the website is where the list is kept.
		f.Attribute, f.Words, f.Asked = domain.AttrMembers, nil, nil
	}
	if pls, nets := f.places(), f.networks(); len(pls) == 1 && len(nets) == 1 && f.Filters.Year != 0 && r.has("also") && r.has("join", "new", "came-in") &&
		f.Op != OpCount && !r.has("twinning") {
		// "Würzburg joined RegioPole in 2019 – did anyone else join that
		// year?": the network's other members of that year.
		f.Op, f.Attribute, f.Words, f.Asked = OpList, domain.AttrMembers, nil, nil
		f.Subjects = []Subject{{Kind: SubjectNetwork, ID: nets[0]}}
		f.Filters.Except = append(f.Filters.Except, pls[0])
	}
	if (f.Op == OpCompare || f.Op == OpMost) && r.has("region-words") && len(f.places()) >= 2 {
		// "Welcher Regierungsbezirk hat mehr Gemeinden, Münster oder
		// Arnsberg?": the Regierungsbezirke of those names, not the towns.
		var rbs []Subject
		for _, id := range f.places() {
			if pl := e.base.Place(id); pl != nil && pl.Kind != "Regierungsbezirk" {
				if rb := e.kindNamed(pl, "Regierungsbezirk"); rb != "" {
					rbs = append(rbs, Subject{Kind: SubjectPlace, ID: rb})
				}
			}
		}
		if len(rbs) == len(f.places()) {
			f.Subjects = append(slices.DeleteFunc(f.Subjects, func(s Subject) bool { return s.Kind == SubjectPlace }), rbs...)
			f.About = AboutAreas
		}
	}
	if f.Attribute == domain.AttrKey && len(f.places()) == 0 && f.Number > 0 && r.numberAt >= 0 && r.numberAt < len(r.toks) {
		// "Welche Gemeinde hat den Schlüssel 05566080?": the place
		// with that key, read with its leading zero.
		raw := r.toks[r.numberAt].raw
		if len(raw) == 7 {
			raw = "0" + raw // "5966028": the key without its leading zero
		}
		key, _ := domain.ParseAGS(raw)
		if id, ok := e.placeByKey()[key]; ok {
			f.Subjects = append(f.Subjects, Subject{Kind: SubjectPlace, ID: id})
			f.Number, f.About, f.Op = 0, AboutSubjects, OpDescribe
		}
	}
	if (f.Op == OpMost && (f.Measure == MeasureJoined || f.Most == DirOldest) || f.Op == OpList && f.Attribute == domain.AttrMembers) && len(f.Subjects) == 0 && len(f.Words) >= 2 &&
		!r.has("when") { // "An welchem Tag wurde sie zum ersten Mal unterschrieben?": the date, which a statement gives
		// "wer war bei den ersten Unterzeichnern der Gemeinsamen Erklärung
		// dabei?", "Which ten Kommunen were the very first signatories
		// …?": signing what one network's joining asks for names that
		// network; of the question's words, those its statement says.
		if ws := e.joinWords(f.Words); len(ws) > 0 {
			if id, ok := e.joinedBySigning(ws); ok {
				f.Subjects = append(f.Subjects, Subject{Kind: SubjectNetwork, ID: id})
				if f.Op == OpMost {
					f.Measure = MeasureJoined // the first to sign are the first members
				}
			}
		}
	}
	if f.Op == OpYesNo && r.has("signing") && len(f.places()) == 1 && !f.has(SubjectNetwork) && len(f.Words) > 0 {
		// "Hat Unna die Gemeinsame Erklärung unterschrieben?": signing
		// what one network's joining asks for is membership in it.
		if id, ok := e.joinedBySigning(f.Words); ok {
			f.Subjects = append(f.Subjects, Subject{Kind: SubjectNetwork, ID: id})
			f.Attribute, f.Words, f.Asked = domain.AttrNone, nil, nil
		}
	}
	if f.Op == OpJoin && f.Attribute == domain.AttrGoal && r.has("modal") {
		f.Attribute = domain.AttrJoin // "Was muss eine Kommune mitbringen, wenn sie beitreten will?": what joining asks
	}
	if f.Attribute == domain.AttrActivities && r.has("join") && f.has(SubjectNetwork) && !f.has(SubjectPlace) {
		f.Attribute = domain.AttrJoin // "What does a municipality need to do to join X?": how to join, not what X does
	}
	if f.Attribute == domain.AttrGoal {
		for i, t := range r.toks {
			long, ok := e.lex.synonyms[t.fold]
			abbrev := ok && len(t.fold) <= 5 && len(long) > len(t.fold)+3
			// … or a short word no ordinary one that statements spell out in
			// brackets ("BMBFSFJ").
			abbrev = abbrev || len(t.fold) >= 3 && len(t.fold) <= 8 && !e.lex.ordinary(t.fold) && e.bracketed(t.fold)
			if abbrev && !r.claimed[i] {
				// "Wofür steht EWS?": what the abbreviation (a short word the
				// lexicon spells out) means, the statement that says it,
				// not the network's goals.
				f.Attribute, f.Asked = domain.AttrNone, nil
				break
			}
		}
	}
	if (f.Attribute == domain.AttrJoin && (f.Op == OpDescribe || f.Op == OpJoin) || f.Op == OpJoin && r.has("came-in") && f.Attribute == domain.AttrNone) &&
		!r.has("modal") && f.has(SubjectPlace) && f.has(SubjectNetwork) {
		// "xanten kommunen netzwerk beitritt jahr", "wie ist Troisdorf dem
		// Kommunen-Netzwerk beigetreten?": its membership, with what its
		// source says of how it came in; not how one joins.
		f.Op, f.Attribute, f.Asked = OpWhen, domain.AttrNone, nil
	}
	if f.Attribute == domain.AttrJoin && f.Op == OpWhen && !r.has("modal") && f.has(SubjectPlace) {
		f.Attribute, f.Asked = domain.AttrNone, nil // "when did Koblenz join?": when it became a member, not how one joins
	}

	if f.Op == OpDescribe && slices.Contains(r.cues["check"], 0) && len(f.Subjects) > 0 {
		f.Op = OpYesNo // "Stimmt es, dass Oberhausen eine Partnerstadt in Frankreich hat?"
	}
	if f.Attribute == domain.AttrJoin && f.Filters.Year != 0 && f.Op != OpWhen && r.has("new") && f.has(SubjectNetwork) && !f.has(SubjectPlace) {
		// "Engagierte Städte in Rheinland-Pfalz mit Beitritt 2021?": who
		// joined then, not how one joins.
		f.Op, f.Attribute, f.Asked = OpList, domain.AttrMembers, nil
	}
	if ps := f.places(); f.About == AboutTwinnings && f.Op == OpWho && len(ps) == 1 && len(f.Subjects) == 1 && f.Filters.Area == "" {
		if pl := e.base.Place(ps[0]); pl != nil && isArea(pl) {
			// "Kreis Unna: wer hat Partnerstädte in Frankreich?": who in
			// the Kreis has, not the Kreis's own partners.
			f.Subjects, f.Op, f.Attribute, f.Filters.Area = nil, OpList, domain.AttrMembers, pl.ID
		}
	}
	if len(f.places()) == 1 && !f.has(SubjectNetwork) && f.Filters.Country == "" && f.Filters.Year == 0 && f.Op != OpCompare && f.Op != OpMost {
		// "Briefing Lemgo: wo liegt das, welche Netzwerke, Partnerstädte",
		// "Troisdorf: Lage, Netzwerke, Partner?": what the place is, its
		// networks and twinnings at once, the place's overview.
		// "wo liegt die?" beside a twinning asks where the partner lies:
		// a where-question counts only with the networks asked too.
		topics := b2i(r.has("district-words", "region-words") || r.has("where") && r.has("networks")) + b2i(r.has("networks")) + b2i(r.has("twinning"))
		// Two topics make an overview only where nothing else is asked
		// ("Witten Überblick (Kreis, Partnerstädte)"), not "In welchem
		// Kreis liegt die Partnerstadt von Lemgo?" or "Welche
		// Partnerstädte von Bocholt sind auch in einem Netzwerk?".
		if topics == 3 || topics == 2 && f.Op == OpDescribe {
			f.Op, f.About, f.Attribute, f.Words, f.Asked = OpDescribe, AboutSubjects, domain.AttrNone, nil, nil
		}
	}
	if f.Filters.Year != 0 && f.Filters.YearOp == "" && r.yearAt > 0 && e.lex.isCue("since", r.toks, r.yearAt-1) &&
		f.Op == OpList && (f.About == AboutTwinnings || f.Attribute == domain.AttrMembers) {
		f.Filters.YearOp = "after" // "Welche Partnerstädte hat Marl seit 2000?": from 2000 on
	}
	defer e.unknownPartner(r, f)
	if f.Unknown != "" {
		// "Musterstadt an der Lippe": a place name after the unknown name
		// and "an der" is part of it, not a subject of its own.
		for _, m := range r.mentions {
			if m.Kind != names.Place || len(m.Positions) == 0 || m.Positions[0] < 2 {
				continue
			}
			p := m.Positions[0]
			if slices.Contains(r.cues["along"], p-1) && (r.toks[p-2].fold == f.Unknown || p >= 3 && r.toks[p-3].fold == f.Unknown) {
				f.Subjects = slices.DeleteFunc(f.Subjects, func(s Subject) bool { return s.Kind == SubjectPlace && s.ID == m.ID })
			}
		}
	}
	if f.Op == OpDescribe && f.Attribute == domain.AttrNone && len(f.Words) == 0 && f.count(SubjectPlace) == 1 && len(f.Subjects) == 1 &&
		f.About == AboutSubjects && r.has("region-words", "district-words") && !r.has("which", "members", "places", "count", "twinning") {
		if pl := e.base.Place(f.places()[0]); pl != nil && !isArea(pl) {
			f.Op = OpWhere // "Regierungsbezirk von Bielefeld?", "Kreis von Goch?": where it lies
		}
	}
	if f.Op == OpWhere && f.count(SubjectPlace) == 1 && f.Measure == MeasureNone && r.has("region-words") && !r.has("district-words") {
		f.Measure = MeasureRegion // "In welchem Regierungsbezirk liegt Olpe?": a follow-up's "it" is that
	}
	f.Period = r.has("period")
	f.Latest = r.has("now")
	if f.Number == 0 && f.Ordinal > 0 && slices.ContainsFunc(r.cues["anniversary"], func(p int) bool {
		_, word := e.lex.numbers[r.toks[max(p-1, 0)].fold]
		return p > 0 && (word || r.toks[p-1].num == f.Ordinal)
	}) {
		f.Number, f.Ordinal = f.Ordinal, 0 // "its tenth anniversary", "the 10th anniversary": ten years
	}
	f.Anniversary = f.Number > 0 && r.has("anniversary")
	if pls := f.places(); f.Op == OpCount && len(pls) == 1 && len(f.networks()) == 0 && f.Filters.Year == 0 && r.has("networks") && r.has("new", "join") {
		// "wie viele Mitglieder hatte das Netzwerk, als Wuppertal dazukam?":
		// the one network the place is in, in the year it joined.
		if ms := e.base.MembershipsOf(pls[0]); len(ms) == 1 && !ms[0].Since.IsZero() {
			f.Subjects = []Subject{{Kind: SubjectNetwork, ID: ms[0].Network}}
			f.Filters.Year, f.About = int(ms[0].Since.Year), AboutSubjects
		}
	}
	if n := strconv.Itoa(f.Number); f.Most == DirOldest && f.Number > 0 && len(f.networks()) == 1 && !f.Anniversary &&
		e.anyRole(e.nets(f.networks()), []string{n}) {
		// "Welche NRW-Städte gehörten zu den ersten 50 Engagierten
		// Städten?": the members whose note says so ("unter den ersten 50").
		f.Op, f.Attribute, f.Most, f.Measure, f.Number = OpList, domain.AttrMembers, DirNone, MeasureNone, 0
		f.Words = []string{n}
	}
	f.From = e.sourceAsked(r)
	if f.Attribute == domain.AttrFounding && len(f.places()) == 1 && !f.has(SubjectNetwork) && len(f.Words) > 0 {
		// "Wann wurde die Auslandsgesellschaft in Dortmund gegründet?":
		// the place says where what the words name is (Frame.In), not
		// whose founding. "in" is grammar here, like the separable
		// prefixes: as a lexicon cue it would weigh as German in every
		// English question.
		for _, m := range r.mentions {
			if m.Kind == names.Place && m.ID == f.places()[0] && len(m.Positions) > 0 && m.Positions[0] > 0 &&
				r.toks[m.Positions[0]-1].fold == "in" {
				f.In = f.places()[0]
				f.Subjects = slices.DeleteFunc(f.Subjects, func(s Subject) bool { return s.Kind == SubjectPlace })
				break
			}
		}
	}
	if areas := f.Op == OpCount && r.has("places", "district-words") && !r.has("members"); f.From != "" && (r.has("twinning") || areas) {
		// "Wie viele Städtepartnerschaften gibt es laut Netzwerkstelle?",
		// "Wie viele Kommunen und Kreise hat NRW laut Netzwerkstelle?":
		// the network named as the source is no subject.
		last := r.cues["according"][len(r.cues["according"])-1]
		for _, m := range r.mentions {
			if m.Kind == names.Network && len(m.Positions) > 0 && m.Positions[0] > last && m.Positions[0] <= last+3 {
				f.Subjects = slices.DeleteFunc(f.Subjects, func(s Subject) bool { return s.Kind == SubjectNetwork && s.ID == m.ID })
				if len(f.Subjects) == 0 && r.has("twinning") {
					f.About = AboutTwinnings
				} else if len(f.Subjects) == 0 {
					f.About, f.Attribute = AboutAreas, domain.AttrNone
				}
			}
		}
	}
	nets, places := f.has(SubjectNetwork), f.has(SubjectPlace)
	if c := f.Filters.Country; c != "" && places {
		own := true
		for _, id := range f.places() {
			if pl := e.base.Place(id); pl == nil || pl.Country != c {
				own = false
			}
		}
		if own {
			f.Filters.Country = "" // "Mekelle in Ethiopia": where the place lies, no filter
			f.About = AboutTwinnings
		}
	}
	if f.Op == OpMost && f.Attribute == domain.AttrNone && nets && !places && f.Unknown != "" && !r.has("members", "member-who", "places", "join") {
		// "Wann endete die erste Förderphase der Netzwerkstelle?": a word
		// the base does not know, not its first member.
		f.Op, f.Most = OpDescribe, DirNone
		if r.has("when") {
			f.Op = OpWhen
		}
	}
	if f.Op == OpMost && f.Attribute == domain.AttrNone && len(f.Subjects) == 0 && f.Measure == MeasureNone && f.About == AboutSubjects &&
		len(f.Words) >= 2 && !r.has("networks") && (f.Most == DirOldest || f.Most == DirNewest) {
		// "Wann wurde die Gemeinsame Erklärung zum ersten Mal
		// unterschrieben?": the statements on it, not the oldest network.
		f.Op, f.Most = OpDescribe, DirNone
		if r.has("when") {
			f.Op = OpWhen
		}
	}
	if f.Op == OpMost && f.Most == DirOldest && len(f.Subjects) == 0 && e.firstOfStated(r, *f) {
		// "Welche Kommunen waren in der ersten EWS?": the first of what
		// statements number (EWS 1), not the oldest of anything.
		f.Ordinal, f.Most, f.Measure = 1, DirNone, MeasureNone
		switch {
		case r.has("when"):
			f.Op = OpWhen
		case r.has("count"):
			f.Op = OpCount // "Wie viele Kommunen waren in der ersten EWS?"
		case r.has("which", "member-who", "places", "who"):
			f.Op = OpList
		default:
			f.Op = OpDescribe
		}
	}
	if f.Op == OpMost && f.Attribute == domain.AttrEvent && len(f.places()) == 0 && (f.Most == DirOldest || f.Most == DirNewest) {
		// "Wann war der erste Fachaustausch im Reallabor?": the first (or
		// latest) of those events, not the oldest network.
		if f.Most == DirOldest {
			f.Ordinal = 1
		} else {
			f.Time = WhenLast
		}
		f.Op, f.Most, f.Measure = OpWhen, DirNone, MeasureNone
		f.Filters.Country, f.Filters.State = "", ""
	}
	if len(f.places()) == 0 && f.Filters.State != "" && f.Filters.Country != "" &&
		slices.ContainsFunc(r.mentions, func(m names.Mention) bool {
			p := m.Positions[len(m.Positions)-1]
			return m.Kind == names.State && p+1 < len(r.toks) && e.nameSays(slices.Concat(f.Asked, f.Words), r.toks[p].fold, r.toks[p+1].fold)
		}) {
		// "Was ist das Reallabor NRW-Ukraine?": the two names are the
		// name's, as its few statements write them, no filter of places
		// (nor a list of the places it would have filtered).
		f.Filters.Country, f.Filters.State = "", ""
		if f.Op == OpList && !r.has("which", "members", "member-who", "places") {
			f.Op = OpDescribe
		}
	}
	if c := f.Filters.Country; c != "" && places && !nets && f.About == AboutSubjects && f.Attribute == domain.AttrNone {
		f.About = AboutTwinnings // "Bocholt und Albanien – gibt's da was?": its twinnings there
	}
	townsAsked := slices.ContainsFunc(r.cues["places"], func(p int) bool { return !slices.Contains(r.cues["twinning"], p-1) }) // not "twin towns"
	// "Mit welchen Städten ist der Kreis Herford verbunden?": its partners.
	withWhich := slices.Contains(r.cues["with"], 0)
	if ps := f.places(); f.About == AboutTwinnings && f.Op == OpList && townsAsked && len(ps) == 1 && f.Filters.Area == "" && !withWhich {
		// "Welche Städte im Kreis Lippe haben Partnerstädte?": the towns
		// there, not the Kreis's own partners.
		if pl := e.base.Place(ps[0]); pl != nil && isArea(pl) && pl.State == "Nordrhein-Westfalen" {
			f.Subjects, f.Filters.Area = nil, pl.ID
		}
	}
	if ps := f.places(); f.Op == OpWhere && f.About == AboutAreas && len(ps) == 0 && !nets && f.Filters.Kind == "Regierungsbezirk" {
		// "Zu welchem Regierungsbezirk gehört der Kreis Soest?": where
		// the Kreis lies.
		if pl := e.base.Place(f.Filters.Area); pl != nil && pl.Kind != "Regierungsbezirk" {
			f.Subjects = []Subject{{Kind: SubjectPlace, ID: pl.ID}}
			f.About, f.Filters.Area, f.Filters.Kind = AboutSubjects, "", ""
		}
	}
	if r.has("what") && places && !nets && f.Attribute == domain.AttrNone && f.About == AboutSubjects {
		f.Words, f.Unknown = nil, "" // "Überblick über Bocholt, ich hab gleich ein Telefonat": the place
	}
	if f.Op == OpYesNo && nets && !places && f.Unknown != "" && len(r.toks) > 1 && e.lex.isCue("have", r.toks, 0) {
		// "Hat die Netzwerkstelle einen Instagram-Account?": something the
		// network has, not a member it lacks.
		f.Unknown, f.unknownAs = "", ""
	}
	if f.Filters.Founders && f.Attribute == domain.AttrFounding && len(r.attrPos) > 0 &&
		(slices.Contains(r.cues["founders"], r.attrPos[0]) || f.Op == OpList) {
		// "founding members", "Welche Städte haben X gegründet?": who
		// they are, not when.
		f.Attribute, f.Asked = domain.AttrMembers, nil
	}
	if nets := f.networks(); len(nets) == 1 && !places && (f.Attribute == domain.AttrFounders || f.Attribute == domain.AttrFounding && (f.Op == OpList || f.Op == OpWho)) &&
		f.Op != OpWhen && f.Op != OpWhere && e.foundedByMembers(nets[0]) {
		// "Who founded the RegioPole network (in 2016)?": a network no
		// organisation founded was founded by its founding members.
		// A year or place is the founding's ("in 2016", "in Berlin").
		f.Op, f.Attribute, f.Asked, f.Filters = OpList, domain.AttrMembers, nil, Filters{Founders: true}
	}
	if f.Op == OpWhen && (f.Attribute == domain.AttrInitiator || f.Attribute == domain.AttrFounders) && nets {
		f.Attribute = domain.AttrFounding // "Wann wurde X ins Leben gerufen?": when, not by whom
	}
	if f.Op == OpList && (f.Attribute == domain.AttrMembers || f.Attribute == domain.AttrNone) && nets && !places && f.Unknown != "" && f.Filters.IsZero() &&
		len(f.Words) == 1 && f.Words[0] == f.Unknown {
		// "ES mitglied kleinkleckersdorf": whether the unknown place is a
		// member, not the members.
		f.Op = OpYesNo
	}
	if r.counted && nets && !places && f.Attribute == domain.AttrNone && f.Filters.IsZero() &&
		(f.Op == OpYesNo || f.Op == OpDescribe || f.Op == OpList && r.has("check")) {
		// "Hat RegioPole 9 Mitglieder?", "… dass im Netzwerk 90 Kommunen
		// sind. Stimmt das noch?": the figure checked, so the count with
		// the figures the sources gave over time. "Nenne 3 Mitglieder"
		// asks for a list.
		f.Op, f.Attribute, f.Number, f.Words = OpCount, domain.AttrCount, 0, nil
		if ids := f.networks(); len(ids) > 1 {
			// "Auf der Seite der Netzwerkstelle steht, dass 90 Kommunen im
			// Netzwerk … sind": the network the figure is of follows it.
			best, at := "", len(r.toks)
			for _, m := range r.mentions {
				if p := m.Positions[len(m.Positions)-1]; m.Kind == names.Network && p > r.numberAt && p < at {
					best, at = m.ID, p
				}
			}
			if best != "" {
				f.Subjects = []Subject{{Kind: SubjectNetwork, ID: best}}
			}
		}
	}
	// "Wie groß ist das Kommunen-Netzwerk?": the size of a network is its
	// members, not its inhabitants; "wie viele Einwohner …" stays.
	if f.Attribute == domain.AttrPopulation && nets && !places && f.Number == 0 &&
		slices.ContainsFunc(r.attrPos, func(i int) bool { return slices.Contains(r.cues["count"], i) }) {
		f.Op, f.Attribute, f.Asked = OpCount, domain.AttrCount, nil
	}
	// "Manche schreiben, das Netzwerk sei 2014 gegründet worden. Was
	// stimmt?": when it was founded, with every year the sources give.
	if f.Attribute == domain.AttrFounding && nets && !places && r.has("check") {
		f.Op, f.Filters.Year, f.Filters.YearOp, f.Words = OpWhen, 0, "", nil
	}
	// "Wie viele Mitglieder hatte das Netzwerk, als Paderborn beitrat?":
	// the network's figures of the year the place joined; the place only
	// says when.
	if f.Op == OpCount && (f.Attribute == domain.AttrCount || f.Attribute == domain.AttrNone) && r.has("new") && len(f.networks()) == 1 && len(f.places()) == 1 {
		if f.Filters.Year == 0 {
			f.Filters.Year = e.joinYear(f.places()[0], f.networks()[0])
		}
		if f.Filters.Year != 0 {
			f.Subjects = slices.DeleteFunc(f.Subjects, func(s Subject) bool { return s.Kind == SubjectPlace })
			f.Attribute, f.Filters.YearOp = domain.AttrCount, ""
		}
	}
	// "Where and when was RegioPole founded?": the founding with its place.
	if f.Attribute == domain.AttrFounding && nets && !places && r.has("where") && f.In == "" {
		f.Attribute, f.Asked = domain.AttrFoundingPlace, nil
	}
	// "Mit wie vielen Kommunen ist das Netzwerk gestartet?", "Wie viele
	// Städte waren bei der Gründung dabei?": how many founded it. "Wie
	// viele Jahre besteht es?" asks its age.
	if f.Op == OpCount && nets && !places && r.has("founding") && !r.has("anniversary") && !f.Period && f.Filters.Year == 0 &&
		(f.Attribute == domain.AttrNone || f.Attribute == domain.AttrCount || f.Attribute == domain.AttrFounding) {
		f.Attribute, f.Filters.Founders, f.Asked = domain.AttrCount, true, nil
	}
	// "mit 300.000 Einwohnern", "Welche Einwohnerzahl mussten …?": who may
	// join; "wie viele Einwohner haben die zusammen?" is no such question.
	if f.Attribute == domain.AttrPopulation && nets && !places && (f.Number > 0 || f.Op == OpYesNo || r.has("modal", "join")) {
		f.Attribute = domain.AttrEligibility // "mit 300.000 Einwohnern" asks who may join
	}
	if f.Attribute == domain.AttrNone && places && !nets && r.has("naming") && r.has("official-word") {
		f.Attribute = domain.AttrOfficial // "Wie heißt Solingen offiziell?"
		f.Words = slices.DeleteFunc(f.Words, func(w string) bool {
			return slices.ContainsFunc(r.cues["official-word"], func(p int) bool { return r.toks[p].fold == w })
		})
	}
	if f.Attribute == domain.AttrOfficial && nets && !places {
		// "Wie nennt sich der Zusammenschluss der Engagierten Städte?":
		// only municipalities have an amtliche Bezeichnung.
		f.Attribute, f.Asked = domain.AttrNone, nil
	}
	if f.Op == OpDescribe && f.Attribute == domain.AttrNone && f.Rel.Op == "" && !f.has(SubjectPlace) && (f.has(SubjectNetwork) || len(f.Words) > 0) {
		// "Was war der Vorgänger der Netzwerkstelle?": no chair asked, the
		// word is what statements call its forerunner ("Vorläufer").
		for _, p := range r.cues["earlier"] {
			if w, ok := e.lex.synonyms[r.toks[p].fold]; ok && !slices.Contains(f.Words, w) {
				f.Words = append(f.Words, words.Fold(w))
			}
		}
	}
	if f.Attribute == domain.AttrActivities && (slices.ContainsFunc(f.Words, e.personWord) || e.officeOfAll(f.Words)) {
		// "was macht Max Schemme bei der Netzwerkstelle?", "What does
		// Tessa Flatten do?": the person's role, not what the network does.
		f.Attribute = domain.AttrRole
	}
	if ps := f.places(); f.Op == OpWho && len(ps) == 1 && len(f.Subjects) == 1 && r.has("office") {
		if pos := r.positionsOf(ps[0]); len(pos) > 0 && pos[0] >= 2 && utf8.RuneCountInString(r.toks[pos[0]-1].fold) <= 3 && !e.lex.isCue("and", r.toks, pos[0]-1) {
			if org := r.toks[pos[0]-2].fold; slices.Contains(f.Words, org) && len(e.refsOf(org)) > 0 && !e.lex.ordinary(org) && !e.lex.isCue("office", r.toks, pos[0]-2) {
				// "who's the president of the Auslandsgesellschaft in
				// Dortmund?": the place after a small word ("in", "aus")
				// says where the organisation (a name no ordinary word
				// spells) is;
				// the statements about its office needn't name it.
				f.Subjects = nil
			}
		}
	}
	if (f.Attribute == domain.AttrNone || f.Attribute == domain.AttrEvent) && r.has("receive", "exists", "give") && !r.has("members", "member-who", "networks") && f.About == AboutSubjects &&
		slices.ContainsFunc(r.cues["amount"], func(p int) bool {
			n := e.lex.cueLen("amount", r.toks, p)
			return n > 0 && p+n < len(r.toks) && !r.toks[p+n].upper && !r.nameAt(p+n) // "wie viel Engagierte Städte" counts them
		}) {
		// "Wie viel gibt's bei Europa bei uns zuhause?", "how much can we
		// get for a Europawoche project?", "Wieviel gibt's für eine
		// Veranstaltung?": an amount of money, though no word of funding
		// is said.
		f.Attribute, f.Asked = domain.AttrFunding, nil
	}
	if f.Attribute == domain.AttrFunding && f.Op == OpDescribe && r.has("amount") {
		f.Op = OpCount // "How much funding does it get?": an amount
	}
	// "Wie viel Geld gibt das Land?", not "wie viele Projekte wurden
	// gefördert?": a sum of money.
	f.Sum = f.Attribute == domain.AttrFunding && f.Op == OpCount && r.has("amount")
	if f.Attribute == domain.AttrNone && f.Op == OpWho && r.has("signing") && r.has("new") && f.count(SubjectNetwork) == 1 && len(f.places()) == 0 {
		// "Wer unterschreibt fürs Land, wenn neue Kommunen
		// dazukommen?": who signs when members join.
		f.Attribute = domain.AttrJoin
	}
	if f.Attribute == domain.AttrNone {
		f.Attribute = e.impliedAttribute(r, f)
		if f.Attribute == domain.AttrFounders && slices.ContainsFunc(r.cues["office"], func(p int) bool { return slices.Contains(f.Words, r.toks[p].fold) }) {
			// "wer war am Anfang Referent?": who held the office at the
			// start, which statements say; not who founded it.
			f.Attribute = domain.AttrNone
		}
		if f.Attribute == domain.AttrFounding || f.Attribute == domain.AttrFoundingPlace || f.Attribute == domain.AttrFounders {
			for _, p := range r.cues["founding"] {
				if w := r.toks[p].fold; !slices.Contains(f.Asked, w) {
					f.Asked = append(f.Asked, w) // "Unterzeichnung": searched for where no network is named
				}
			}
		}
	}
	if (f.Op == OpCompare || f.Op == OpMost) && f.Measure == MeasureNone {
		f.Measure = e.impliedMeasure(r, f)
		if f.Op == OpMost && f.Measure == MeasureJoined && len(f.places()) == 0 && (!r.has("members", "member-who", "places") || r.has("count")) && e.mostOfOther(r, f) {
			// "Wer vertrat die Engagierte Stadt im ersten Sprecherteam
			// des NBE?", "Wann endete die erste Förderphase?": the first of
			// what is asked, which statements tell, not the network's
			// longest member.
			f.Op, f.Most, f.Measure = OpDescribe, DirNone, MeasureNone
			switch {
			case r.has("count") && f.Attribute == domain.AttrNone && f.Most == DirNone && f.Ordinal <= 1:
				// "How many cities were in the first round?": those it
				// started with.
				f.Op, f.Attribute, f.Filters.Founders, f.Words, f.Ordinal = OpCount, domain.AttrCount, true, nil, 0
			case r.has("who"):
				f.Op = OpWho
			case r.has("when"):
				f.Op = OpWhen
			}
		}
	}
	if pos := r.positionsOf(firstOf(f.places())); f.Op == OpMost && f.Measure == MeasureJoined && f.Most == DirNewest && !r.has("most") && f.Rel.Op == "" &&
		f.count(SubjectPlace) == 1 && f.count(SubjectNetwork) == 1 && len(pos) > 0 &&
		(pos[0] == 0 || !e.lex.isCue("after", r.toks, pos[0]-1) && !e.lex.isCue("before", r.toks, pos[0]-1)) {
		// "wie ist Troisdorf dem Kommunen-Netzwerk beigetreten?": its
		// joining, not the newest member.
		f.Op, f.Most, f.Measure = OpWhen, DirNone, MeasureNone
	}
	if f.Op == OpCount && f.Time == WhenHistory && f.Attribute != domain.AttrEvent && f.Attribute != domain.AttrChair {
		f.Time = WhenAny // "wie viele haben ihn bisher bekommen?": how many so far
	}
	if w := r.germanPair; w != "" && (f.About == AboutTwinnings && (f.Most != DirNone || f.Ordinal > 0) || f.Op == OpCount) && !slices.Contains(f.Words, w) {
		// "the first German–Chinese twinning": the one its note calls
		// "die erste deutsch-chinesische"; "how many German–Ukrainian
		// partnerships": the figure a statement gives of them.
		f.Words = append(f.Words, w)
	}
	if f.Filters.Country == "Deutschland" && f.About == AboutTwinnings && len(f.places()) == 0 && e.germanPlaces(r) && r.germanPair == "" {
		// "twinnings of German municipalities", "deutsche Kommunen": the
		// side at home, not partners in Germany.
		f.Filters.Country = ""
	}
	if f.Filters.Country == "Deutschland" && f.About != AboutTwinnings {
		f.Filters.Country = "" // "Engagierte Städte in Deutschland": all of them
		r.germany = true       // but after twinnings, "which of those lie in Germany?"
	}
	if f.Measure == MeasureTwinnings && f.About == AboutSubjects && !nets {
		f.About = AboutTwinnings
	}
	if f.About == AboutTwinnings && f.Op == OpMost && f.Measure == MeasureNone {
		f.Measure = MeasureTwinnings
	}
	// An article that ends the question stands for what was named before
	// ("und wie lange lief das?", "wer hat die gegründet?"): no article
	// ends a sentence. Inside a question articles are articles ("und der
	// Kreis Olpe?"), so they are no pronoun cue of their own.
	// Nor does one stand before "nicht" or "auch": "ist das nicht auch
	// Engagierte Stadt?" asks of what was named.
	r.pronoun = r.has("pronoun", "person-pronoun", "person-possessive") || len(r.toks) > 1 && slices.Contains(r.cues["article"], len(r.toks)-1) ||
		slices.ContainsFunc(r.cues["article"], func(p int) bool {
			return p > 0 && p+1 < len(r.toks) && (slices.Contains(r.cues["negation"], p+1) || slices.Contains(r.cues["inclusive"], p+1))
		})
	r.also = r.has("also")
	// "wie viele sind das insgesamt?": an article with only fillers after
	// it points back too, for a count of what was named before.
	last := len(r.toks) - 1
	for last > 1 && e.lex.fillers[r.toks[last].fold] && !slices.Contains(r.cues["article"], last) {
		last--
	}
	r.pointsBack = r.pronoun || last > 0 && slices.Contains(r.cues["article"], last)
	// A question of names, filters and follow-up words only ("und in
	// Frankreich?") changes one thing of the question before.
	r.bare = r.content == 0 && f.Attribute == domain.AttrNone || (r.content == 0 && len(r.attrPos) == 0)
	for c := range r.cues {
		switch c {
		case "follow-up", "which", "also", "yesno", "and", "question", "pronoun", "members", "places", "belong", "earlier", "later", "inclusive", "before", "after", "now",
			"member-who", "who", "district-words", "region-words", "kreisfrei", "kreisangehoerig", "outside", "new", "suspended", "founders", "left", "exists",
			"have", "with", "next", "last", "of-them", "article", "naming", "official-word", "office", "other", "year-later", "year-earlier",
			"person-pronoun", "person-possessive", "origin", "give":
		case "range":
			// "and to the fourth one?": "to" before no year is a preposition,
			// not a span of years.
			if slices.ContainsFunc(r.cues[c], func(p int) bool { return p+1 < len(r.toks) && r.toks[p+1].num >= 1000 }) {
				r.bare = false
			}
		default:
			if !strings.HasPrefix(c, "measure:") {
				r.bare = false
			}
		}
	}
	if f.Op == OpWho && !r.also && !r.has("member-who") {
		r.bare = false
	}
}

// impliedAttribute is the attribute a question asks for by its question
// word alone: "Wann wurde …?" asks for the founding, "Wie viele …?" for
// the count.
func (e *Engine) impliedAttribute(r *reading, f *Frame) domain.Attribute {
	founding := r.has("founding")
	nets := f.has(SubjectNetwork) && !f.has(SubjectPlace)
	switch {
	case f.Op == OpWhen && !founding && nets && r.has("join"):
		// "Wann ist Bewerbungsschluss?": the call, not the founding; its
		// word picks the statement.
		for _, p := range r.cues["join"] {
			w := r.toks[p].fold
			if s, ok := e.lex.synonyms[w]; ok {
				w = words.Fold(s)
			}
			if !slices.Contains(f.Asked, w) {
				f.Asked = append(f.Asked, w)
			}
		}
		return domain.AttrJoin
	case f.Op == OpWhen && (founding || nets && r.content == 0 && !r.has("members", "new")):
		return domain.AttrFounding
	case f.Op == OpWhere && founding:
		return domain.AttrFoundingPlace
	case f.Op == OpWho && founding && !(r.has("signing") && r.has("since")):
		// Not "Wer unterzeichnet seit 2017 …?": who signs since, not who
		// signed first.
		return domain.AttrFounders
	case f.Op == OpList && founding && nets && r.has("which") && !r.has("members", "member-who", "places", "founders", "signing"):
		// "Which ministry set up X?": who, by what it is.
		return domain.AttrFounders
	case founding && (f.Op == OpDescribe || f.Op == OpYesNo):
		return domain.AttrFounding
	case r.has("link") && f.Op != OpCount:
		return domain.AttrWebsite // "Quelle für die aktuelle Zahl …?" asks the figure, which comes with its source
	case f.Op == OpCount:
		return domain.AttrCount
	case f.Op == OpList && nets && r.asksWord(f.Words) && !r.has("members", "member-who", "places", "new", "founders", "join"):
		// "Welches Budget hat die Netzwerkstelle?": a word the attributes
		// don't know is what it asks, not the members.
		return domain.AttrNone
	case f.Op == OpList:
		return domain.AttrMembers
	case f.Op == OpJoin:
		return domain.AttrJoin
	}
	return domain.AttrNone
}

// countsMembers reports whether the number the question names is a count
// of members: a network's name, a members word or a word for places right
// after it ("113 Engagierte Städte", "90 Städte, Gemeinden und Kreise",
// "90 members"), not "alle 2 Jahre" or "1,8 Millionen Euro".
func (e *Engine) countsMembers(r *reading) bool {
	p := r.numberAt + 1
	if r.numberAt < 0 || p >= len(r.toks) {
		return false
	}
	for _, m := range r.mentions {
		if m.Kind == names.Network && m.Positions[0] == p {
			return true
		}
	}
	return e.lex.isCue("places", r.toks, p) || e.lex.isCue("members", r.toks, p)
}

// mostOfOther reports whether a superlative asks for the first or last of
// something else than members: an attribute asked ("im ersten
// Sprecherteam"; the chair and the founding have answers of their own), or
// a word statements use right after it ("die erste Förderphase").
func (e *Engine) mostOfOther(r *reading, f *Frame) bool {
	switch f.Attribute {
	case domain.AttrNone, domain.AttrMembers, domain.AttrCount, domain.AttrStates:
		for _, p := range r.cues["most"] {
			if p+1 < len(r.toks) && slices.Contains(f.Words, r.toks[p+1].fold) {
				return true // "die erste Förderphase", "the first round": a word of the question's own
			}
		}
		return false
	case domain.AttrChair, domain.AttrFounding, domain.AttrFounders, domain.AttrFoundingPlace:
		return false
	}
	return true
}

// impliedMeasure is what a comparison or superlative compares when no
// word says it: networks by founding (older) or size (bigger), places by
// when they joined, areas by their municipalities.
func (e *Engine) impliedMeasure(r *reading, f *Frame) Measure {
	switch {
	case f.About == AboutAreas:
		return MeasureMunicipalities
	case f.About == AboutTwinnings:
		return MeasureTwinnings
	case f.count(SubjectPlace) >= 2:
		return MeasureJoined
	case f.Most == DirLargest || f.Most == DirSmallest:
		if f.has(SubjectNetwork) && f.Op == OpMost {
			return MeasureMembers
		}
		return MeasureSize
	case f.Op == OpMost && f.has(SubjectNetwork):
		return MeasureJoined // "das jüngste Mitglied"
	}
	return MeasureFounding
}

// continueFrom completes a frame from the one before it in the
// conversation: a question that changes one thing keeps the rest.
func (e *Engine) continueFrom(f, prev Frame, r *reading) Frame {
	if prev.Op == OpHelp || prev.Op == OpChatter || f.Op == OpHelp {
		return f
	}
	if r.germany && prev.About == AboutTwinnings && !f.has(SubjectNetwork) && !r.has("nationwide") {
		f.Filters.Country, f.About = "Deutschland", AboutTwinnings
	}
	if r.has("nationwide") && len(f.Subjects) == 0 && prev.Filters.State != "" && f.Filters.IsZero() && f.Unknown == "" && f.Op == OpDescribe &&
		len(f.Words) <= len(r.cues["nationwide"]) {
		// "How many NRW–Ukraine partnerships are there?" … "and
		// nationwide?": the same question of all of Germany, as the
		// statements count it, in their word (the cue's first German one:
		// "bundesweit").
		g := prev
		g.Parts, g.English, g.Filters.State = nil, f.English, ""
		if ps := e.lex.cues["nationwide"]; len(ps) > 0 && len(ps[0].words) == 1 && !slices.Contains(g.Words, ps[0].words[0]) {
			g.Words = append(slices.Clone(g.Words), ps[0].words[0])
		}
		return g
	}
	if pls := prev.places(); prev.About == AboutTwinnings && len(pls) == 1 && len(f.Subjects) == 1 && len(f.places()) == 1 && f.Op == OpDescribe &&
		f.Attribute == domain.AttrNone && f.Filters.IsZero() && f.Unknown == "" && len(f.Words) == 0 && f.Most == DirNone {
		// "Bochum partner cities?" … "and what about Donezk?": the
		// twinning of the two, where the one named now is a partner
		// abroad of the one before.
		if q := e.base.Place(f.places()[0]); q != nil && q.ID != pls[0] && q.Country != "" && e.pairTwinned(pls[0], q.ID) {
			return Frame{Op: OpDescribe, About: AboutTwinnings, English: f.English, Subjects: []Subject{{Kind: SubjectPlace, ID: pls[0]}, f.Subjects[0]}}
		}
	}
	if pls := prev.places(); len(pls) == 2 && prev.About == AboutTwinnings && len(f.Subjects) == 1 && len(f.places()) == 1 &&
		f.Filters.IsZero() && f.Unknown == "" && len(f.Words) == 0 && f.Most == DirNone &&
		(f.Attribute == domain.AttrNone || f.Attribute == domain.AttrFounding || f.Attribute == prev.Attribute) {
		// "Seit wann ist Minden mit Tangermünde verpartnert?" … "und seit
		// wann Gagny?": the NRW side's twinning with the other partner
		// (outside NRW) named now, asked the same way.
		home, q := pls[0], f.places()[0]
		if !e.inNRW(home) {
			home = pls[1]
		}
		if e.inNRW(home) && !e.inNRW(q) && !slices.Contains(pls, q) && e.pairTwinned(home, q) {
			g := prev
			g.Parts, g.English, g.Focus = nil, f.English, ""
			g.Subjects = []Subject{{Kind: SubjectPlace, ID: home}, f.Subjects[0]}
			if f.Op != OpDescribe {
				g.Op = f.Op
			}
			return g
		}
	}
	if prev.About == AboutTwinnings && len(prev.Subjects) == 0 && len(prev.Words) > 0 && r.pronoun && !r.has("of-them") && len(f.Subjects) == 0 && len(f.Words) == 0 &&
		f.Unknown == "" && f.Filters.Area == "" && f.Filters.State == "" && f.Filters.Country == "" {
		// "Wie viele Partnerstädte gibt es im Ruhrgebiet?" … "und welche
		// Kommunen dort haben gar keine?": the twinnings of what the words
		// named before ("dort").
		g := f
		g.About, g.Words = AboutTwinnings, slices.Clone(prev.Words)
		return g
	}
	if nets := prev.networks(); (prev.Attribute == domain.AttrChair || prev.Attribute == domain.AttrSpeakers) && len(nets) == 1 && len(f.networks()) == 0 &&
		len(f.places()) == 1 && f.Unknown == "" && f.Filters.IsZero() {
		// "Who chaired RegioPole first?" … "and after Rostock, who?":
		// the chair after (or before) the place named now.
		for _, m := range r.mentions {
			if p := m.Positions[0]; m.Kind == names.Place && m.ID == f.places()[0] && p > 0 {
				if rel := e.relationBefore(r, p); rel != "" {
					return Frame{Op: OpWho, Attribute: prev.Attribute, English: f.English, Subjects: []Subject{{Kind: SubjectNetwork, ID: nets[0]}},
						Rel: Relation{Op: rel, ID: m.ID}}
				}
			}
		}
	}
	if prev.Op == OpWho && len(prev.Words) > 0 && f.Op == OpCount && (f.Attribute == domain.AttrPeople || f.Attribute == domain.AttrCount) && len(f.Words) == 0 &&
		len(f.Subjects) == 0 && f.Filters.IsZero() && f.Unknown == "" && r.pointsBack {
		// "Who sits on the Beirat?" … "how many people are those?": the
		// people of the body named before, which its statement counts.
		var ws []string
		for _, w := range prev.Words {
			if len(e.refsOf(w)) > 0 && !e.lex.ordinary(w) {
				ws = append(ws, w)
			}
		}
		if len(ws) > 0 {
			return Frame{Op: OpCount, Attribute: domain.AttrPeople, English: f.English, Subjects: slices.Clone(prev.Subjects), Words: ws, Asked: slices.Clone(f.Asked)}
		}
	}
	if len(prev.Subjects) == 0 && len(prev.Words) > 0 && prev.About == AboutSubjects && f.Op == OpCount && len(f.Words) == 0 && len(f.Subjects) == 0 &&
		f.Filters.IsZero() && f.Unknown == "" && f.About == AboutSubjects && f.Ordinal == 0 && f.Attribute != domain.AttrEvent && (r.bare || r.pointsBack || r.content == 0) {
		// "Was ist das Netzwerk bürgerschaftliches Engagement NRW?" … "wie
		// viele Mitglieder?": of what the words named, which only
		// statements tell.
		// The words together name it where few statements have them all
		// ("bürgerschaftliches" and "Engagement").
		ws := e.specificWords(prev)
		common := e.refsOfAll(ws)
		// One of them must count it: a figure right before a word for
		// members or people ("70 Mitglieder"; "46 Mitgliedsstaaten des
		// Europarats" counts something else).
		counted := slices.ContainsFunc(common, func(ref domain.FactRef) bool {
			return e.countsExactly(e.fact(ref, false).Text, slices.Concat(e.lex.cueWords("members"), e.lex.attrWordsOf(domain.AttrPeople)))
		})
		if len(common) > 0 && len(common) <= 2*rareStatements && counted {
			g := f
			g.Words = slices.Clone(prev.Words)
			return g
		}
	}
	if nets := prev.networks(); f.Op == OpCount && r.has("total") && r.has("now") && len(f.Subjects) == 0 && len(f.Words) == 0 && f.Unknown == "" &&
		len(nets) == 1 && len(prev.places()) == 0 && !prev.Filters.IsZero() {
		// "How many new ones were there in 2024?" … "and what's the total
		// now?": all its members today, none of the filters before.
		return Frame{Op: OpCount, Attribute: domain.AttrCount, English: f.English, Subjects: []Subject{{Kind: SubjectNetwork, ID: nets[0]}}}
	}
	if pls := prev.places(); (f.Attribute == domain.AttrChair) && f.Rel.ID == RelNow && len(f.Subjects) == 0 && len(pls) == 1 && len(prev.networks()) == 0 {
		// "Who chairs RegioPole?" … "who is the mayor there?" (Paderborn)
		// … "and who chaired it before?": before that place, in the
		// one network whose chairs it is among.
		var in []string
		for i := range e.base.Networks {
			n := &e.base.Networks[i]
			if slices.ContainsFunc(e.chairs(n, false), func(c chair) bool { return c.holder == pls[0] }) {
				in = append(in, n.ID)
			}
		}
		if len(in) == 1 {
			g := f
			g.Subjects = []Subject{{Kind: SubjectNetwork, ID: in[0]}}
			g.Rel.ID = pls[0]
			return g
		}
	}
	if g, ok := e.otherPartner(f, prev, r); ok {
		return g
	}
	if g, ok := e.aboutPrevStatement(f, prev, r); ok {
		return g
	}
	founded := prev.Attribute == domain.AttrFounding || prev.Attribute == domain.AttrFounders
	if nets := prev.networks(); f.About == AboutAreas && f.Op == OpList && len(f.Subjects) == 0 && f.Filters.IsZero() && len(nets) == 1 &&
		(f.Attribute == domain.AttrFounding || f.Attribute == domain.AttrFounders || r.has("founders")) {
		// "When was the RegioPole network founded?" … "which cities
		// founded it?": its founding members, not NRW's towns.
		g := Frame{Op: OpList, Attribute: domain.AttrMembers, English: f.English, Subjects: []Subject{{Kind: SubjectNetwork, ID: nets[0]}}}
		g.Filters.Founders = true
		return g
	}
	if pls := prev.places(); len(pls) == 1 && len(f.places()) == 0 && len(f.networks()) == 1 && f.Op == OpWhen && f.Attribute == domain.AttrFounding &&
		!r.has("exists", "founding", "founders") && len(f.Words) == 0 {
		// "goch – welcher Kreis?" … "und seit wann Engagierte Stadt?": since
		// when the place is a member, not since when the network exists.
		return Frame{Op: OpWhen, English: f.English, Subjects: []Subject{f.Subjects[0], {Kind: SubjectPlace, ID: pls[0]}}}
	}
	if nets := prev.networks(); f.About == AboutAreas && f.Op == OpCount && len(f.Subjects) == 0 && f.Filters.IsZero() && len(nets) == 1 && len(prev.places()) == 0 &&
		(r.has("pronoun") && !r.has("founding", "founders") || founded && r.has("with")) {
		// "Europaaktive Kommune – what is that and how many municipalities
		// have it?": the network's members, not NRW's municipalities;
		// "Wann startete die Engagierte Stadt?" … "mit wie vielen
		// Städten?": those it started with.
		g := Frame{Op: OpCount, Attribute: domain.AttrCount, English: f.English, Subjects: []Subject{{Kind: SubjectNetwork, ID: nets[0]}}}
		g.Filters.Founders = founded && r.has("with")
		return g
	}
	if prev.About == AboutAreas && prev.Filters.Kind != "" && f.About == AboutAreas && f.Op == OpMost && f.Filters.Kind == "" && len(f.Subjects) == 0 &&
		f.Filters.Area == "" && f.Unknown == "" {
		// "How many Regierungsbezirke does NRW have?" … "which one has the
		// fewest Gemeinden?": of those areas.
		g := f
		g.Filters.Kind = prev.Filters.Kind
		if g.Filters.State == "" {
			g.Filters.State = prev.Filters.State
		}
		return g
	}
	if prev.About == AboutAreas && prev.Filters.Kind != "" && f.About == AboutAreas && f.Filters.Kind == "" && r.has("places") && len(f.Subjects) == 0 &&
		f.Filters.Area == "" && f.Unknown == "" && f.Most == DirNone && !r.has("of-them") {
		// "wie viele Kreise hat NRW?" … "und Gemeinden?": the same count
		// of the municipalities.
		g := prev
		g.Parts, g.English, g.Filters.Kind = nil, f.English, ""
		return g
	}
	if prev.Attribute != domain.AttrNone && prev.Attribute != domain.AttrMembers && prev.Attribute != domain.AttrCount && len(prev.Words) > 0 &&
		f.Op == OpDescribe && len(f.Subjects) == 0 && f.Unknown == "" && f.Filters.IsZero() && !r.has("question") &&
		slices.Contains(r.cues["and"], 0) && len(f.Words) > 0 {
		// "What funding does the Land offer for twinning projects?" … "and
		// for Europawoche events?": the same attribute asked of the new
		// words, which name what (an attribute word among them too).
		g := prev
		g.Parts, g.English, g.Words = nil, f.English, nil
		for _, w := range append(slices.Clone(f.Words), f.Asked...) {
			if !slices.Contains(g.Words, w) {
				g.Words = append(g.Words, w)
			}
		}
		return g
	}
	if nets := prev.networks(); (prev.Attribute == domain.AttrCount || prev.Attribute == domain.AttrMembers) && len(nets) == 1 && len(prev.places()) == 0 &&
		f.Filters.State != "" && len(f.Subjects) == 0 && f.Unknown == "" && len(f.Words) == 0 && f.Attribute != domain.AttrCount && (f.Op == OpYesNo || f.Op == OpList || f.Op == OpDescribe) {
		// "How many new Engagierte Städte were welcomed in February
		// 2024?" … "any from NRW?": the members from there, of that year.
		g := Frame{Op: OpList, Attribute: domain.AttrMembers, English: f.English, Subjects: []Subject{{Kind: SubjectNetwork, ID: nets[0]}}}
		g.Filters = f.Filters
		if g.Filters.Year == 0 {
			g.Filters.Year, g.Filters.YearOp, g.Filters.YearTo = prev.Filters.Year, prev.Filters.YearOp, prev.Filters.YearTo
		}
		return g
	}
	if nets := prev.networks(); (f.Attribute == domain.AttrFoundingPlace || f.Attribute == domain.AttrFounding) && prev.Filters.Founders && len(nets) == 1 &&
		len(f.Subjects) == 0 && f.Unknown == "" {
		// "Wer hat das RegioPole-Netzwerk gegründet?" … "where exactly did
		// they sign?", "und wann?": the founding of the network they
		// founded, not where each of them lies.
		return Frame{Op: f.Op, Attribute: f.Attribute, Asked: f.Asked, English: f.English, Subjects: []Subject{{Kind: SubjectNetwork, ID: nets[0]}}}
	}
	if nets := prev.networks(); f.Attribute == domain.AttrPopulation && r.has("networks") && len(nets) == 1 && len(f.Subjects) == 0 && f.Most == DirNone && !r.has("places") {
		// "Seit wann ist Rheinbach im Kommunen-Netzwerk?" … "und wie groß
		// ist das Netzwerk inzwischen?": its members, not the town's people.
		return Frame{Op: OpCount, Attribute: domain.AttrCount, English: f.English, Latest: f.Latest, Subjects: []Subject{{Kind: SubjectNetwork, ID: nets[0]}}}
	}
	if places := prev.places(); prev.About == AboutTwinnings && len(places) == 2 && f.Filters.Country != "" && len(f.Subjects) == 0 && f.Unknown == "" &&
		f.Filters.State == "" && f.Filters.Area == "" && f.Attribute == domain.AttrNone && !r.has("places") {
		// "Düsseldorf und Moskau?" … "und gibt's stattdessen eine
		// ukrainische Partnerstadt?": the NRW place's partners there.
		if home, abroad, ok := e.homeAndAbroad(places); ok && abroad.Country != f.Filters.Country {
			g := f
			g.About, g.Subjects = AboutTwinnings, []Subject{{Kind: SubjectPlace, ID: home.ID}}
			return g
		}
	}
	if prev.Attribute == domain.AttrEvent && len(prev.Asked) > 0 && f.Op == OpMost && f.Most == DirOldest && len(f.Subjects) == 0 &&
		f.Attribute == domain.AttrNone && f.Unknown == "" && len(f.Words) == 0 {
		// "Seit wann gibt es den Tag der Städtepartnerschaften?" … "wo war
		// der erste?": the first of that series, no oldest network.
		f.Op, f.Most, f.Measure, f.Ordinal = OpWhen, DirNone, MeasureNone, 1
		if r.has("where") {
			f.Op = OpWhere
		}
	}
	if nets := prev.networks(); f.Op == OpWhen && r.has("join") && len(f.Subjects) == 0 && len(nets) == 1 && prev.Attribute == domain.AttrMembers && prev.Filters.Year != 0 &&
		f.Unknown == "" && !r.has("came-in") {
		// "Which NRW cities joined Engagierte Stadt in 2024?" … "and when
		// did applications close?": the deadline of that year's round.
		g := Frame{Op: OpWhen, Attribute: domain.AttrJoin, English: f.English, Subjects: []Subject{{Kind: SubjectNetwork, ID: nets[0]}}}
		g.Filters.Year = prev.Filters.Year
		for _, p := range r.cues["join"] {
			g.Asked = append(g.Asked, r.toks[p].fold)
		}
		return g
	}
	if f.Op == OpList && f.Attribute == domain.AttrMembers && prev.Attribute == domain.AttrFounding && len(f.Subjects) == 0 && r.has("naming") &&
		!r.has("members", "member-who", "places", "new", "join") {
		// "Wann wurde die Auslandsgesellschaft gegründet?" … "unter welchem
		// Namen damals?": the name it was founded under, no members.
		return Frame{Op: f.Op, Attribute: domain.AttrFounding, English: f.English, Subjects: slices.Clone(prev.Subjects),
			Words: slices.Clone(prev.Words), Asked: slices.Clone(prev.Asked)}
	}
	g := e.continued(f, prev, r)
	if f.About == AboutTwinnings && prev.About != AboutTwinnings && f.Filters.Year == 0 && prev.Filters.Year != 0 && g.About == AboutTwinnings && len(g.places()) > 0 {
		// "Which NRW cities joined Engagierte Stadt in 2022?" … "and its
		// twin towns?": the year was when they joined, no twinning's.
		g.Filters.Year, g.Filters.YearOp, g.Filters.YearTo = 0, "", 0
		if g.Attribute == domain.AttrMembers {
			g.Attribute = domain.AttrNone
		}
	}
	if g.About == AboutTwinnings && f.Most != DirNone && len(g.places()) == 1 && len(f.Subjects) == 0 && f.Filters.Country != "" && g.Filters.Country == "" {
		// "Duisburgs Partnerstädte?" … "welche davon war die erste
		// deutsch-chinesische?": the first of those in that country, by
		// the words its note says.
		g.Filters.Country, g.Filters.NotCountry = f.Filters.Country, f.Filters.NotCountry
		g.Words = append(g.Words, slices.DeleteFunc(slices.Clone(f.Words), func(w string) bool { return slices.Contains(g.Words, w) })...)
	}
	if g.About == AboutTwinnings && f.Most != DirNone && prev.Most == DirNone && f.Filters.Country == "" && prev.Filters.Country != "" && len(g.places()) == 1 {
		// "Münsters Partnerstadt in Norwegen?" … "und welche ist die
		// neueste?": the newest of all its partners, not of that country.
		g.Filters.Country = ""
	}
	if g.About == AboutTwinnings && f.Most != DirNone && prev.Most == DirNone && !f.Filters.Suspended && prev.Filters.Suspended && len(g.places()) == 1 {
		// "Which of Gütersloh's partnerships is suspended?" … "and which
		// one is the oldest?": the oldest of all, as above.
		g.Filters.Suspended = false
	}
	if r.has("year-later", "year-earlier") && f.Filters.Year == 0 && prev.Filters.Year != 0 && f.Unknown == "" {
		// "und ein Jahr später?", "and the year before?": the question
		// before, or what the follow-up changes of it, one year on or back.
		step := -1
		if r.has("year-later") {
			step = 1
		}
		g.Filters.Year, g.Filters.YearOp, g.Filters.YearTo = prev.Filters.Year+step, prev.Filters.YearOp, 0
		if prev.Filters.YearTo != 0 {
			g.Filters.YearTo = prev.Filters.YearTo + step
		}
		return g
	}
	if pls, nets := prev.places(), prev.networks(); r.has("came-in") && f.Op != OpCount && f.Op != OpWho && !r.has("modal", "which", "same", "also", "member-who") && len(pls) == 1 && len(nets) == 1 &&
		len(f.networks()) == 0 && (len(f.places()) == 0 || slices.Equal(f.places(), pls)) && f.Unknown == "" {
		// "Ist Troisdorf im Kommunen-Netzwerk?" … "wie ist die Stadt da
		// reingekommen?": its membership and how it came in, not how one
		// joins.
		return Frame{Op: OpWhen, English: f.English, Subjects: []Subject{{Kind: SubjectPlace, ID: pls[0]}, {Kind: SubjectNetwork, ID: nets[0]}}}
	}
	if r.has("now") && f.Filters.Year == 0 && g.Filters.Year != 0 && g.Filters.YearOp == "" {
		g.Filters.Year = 0 // "and how many are there now?" after 2022: now
	}
	if g.Op == OpMost && g.Measure == MeasureFounding && (prev.Op == OpList && prev.Attribute == domain.AttrMembers || prev.Op == OpCount && prev.Attribute == domain.AttrCount) &&
		prev.count(SubjectNetwork) == 1 && len(f.networks()) == 0 && len(f.places()) == 0 {
		// "which cities joined in 2019?", "how many members does it
		// have?" … "and the newest one?": the newest member, not the
		// newest network.
		g.Measure, g.Filters.Year, g.Filters.YearOp = MeasureJoined, 0, ""
	}
	if r.has("now") && !r.has("of-them") && g.Op == OpCount && !f.Filters.Founders && !f.Filters.NotFounders {
		g.Filters.Founders, g.Filters.NotFounders = false, false // "so how many members are there now?" after who joined later: all
	}
	if g.Filters.Kind == "Kreis" && f.Filters.Kind == "Kreis" && prev.Filters.Kind != "Kreis" {
		if area := e.base.Place(g.Filters.Area); area != nil && (area.Kind == "Kreis" || area.Kind == "Städteregion") {
			g.Filters.Kind = "" // "welche Städte gehören noch zu dem Kreis?": the Kreis asked about, no Kreise in it
		}
	}
	if g.Filters.Kind == "Kreis" && f.Filters.Kreisfrei == "ja" && prev.Filters.Kreisfrei == "" {
		g.Filters.Kind = "" // "und welche kreisfreien Städte liegen da?" after its Kreise
	}
	if f.Number == 0 && f.Ordinal == 0 && prev.Number > 0 && g.Number == 0 && g.Filters.Year == 0 && len(prev.Words) > 0 && len(g.Words) > 0 &&
		!slices.ContainsFunc(prev.Words, func(w string) bool { return !slices.Contains(g.Words, w) }) {
		g.Number = prev.Number // "Welche Kommunen waren bei der EWS 2 dabei?" … "wann lief die?": EWS 2
	}
	if g.Op == OpYesNo && g.count(SubjectNetwork) == 1 && g.count(SubjectPlace) == 0 && g.Filters.Area != "" && f.Filters.Area == "" {
		// "In welchem Kreis liegt Beckum?" … "gibt es im selben Kreis auch
		// eine Engagierte Stadt?": asked of the Kreis, as "Gibt es im
		// Kreis Warendorf eine Engagierte Stadt?" is.
		g.Subjects = append(g.Subjects, Subject{Kind: SubjectPlace, ID: g.Filters.Area})
		g.Filters.Area = ""
	}
	if beforeNow := r.has("before") && f.Filters.Year == 0 && len(f.places()) == 0; (r.has("earlier", "later") || beforeNow) && g.Rel.Op == "" &&
		(g.Attribute == domain.AttrChair || g.Attribute == domain.AttrSpeakers) {
		// "und wer davor?", "who had it before?": before the one who has it now.
		g.Rel = Relation{Op: map[bool]string{true: "before", false: "after"}[r.has("earlier") || beforeNow], ID: RelNow}
		g.Subjects = slices.DeleteFunc(g.Subjects, func(s Subject) bool { return s.Kind == SubjectPlace })
	}
	return g
}

// aboutPrevPair reads a follow-up that asks why, how or since when of the
// one twinning the question before was about ("When did Witten twin with
// Mekelle?" … "why is there no exchange?", "Hat Bedburg eine Partnerstadt
// in Israel?" … "wie wurde das unterschrieben?"): that twinning, with
// what its sources say of it, not the goals or founding of the town.
func (e *Engine) aboutPrevPair(f, prev Frame, r *reading) (Frame, bool) {
	since := f.Op == OpWhen && f.Attribute == domain.AttrNone && len(f.Words) == 0 // "seit wann?" after the oldest
	if !pairAttribute(f.Attribute) && !since || r.has("places", "networks") {
		return f, false // "und wann wurde die Stadt gegründet?": the town's
	}
	if f.Unknown != "" || f.Filters.Year != 0 && f.Attribute != domain.AttrStatus || f.Most != DirNone || f.Op == OpCount || f.Op == OpMost ||
		f.Op == OpList && f.Attribute != domain.AttrStatus { // "what happened to it after 2022?": the twinning's status
		return f, false
	}
	op := OpDescribe
	if f.Op == OpWhen {
		op = OpWhen
	}
	if places := prev.places(); f.Filters.Country != "" && prev.About == AboutTwinnings && len(places) == 1 && !prev.has(SubjectNetwork) {
		// "Kerpen Partnerstädte" … "wie ist die polnische entstanden?":
		// the place's twinning in that country, which answers as the pair
		// where it is one (twinningAsked).
		return Frame{Op: op, About: AboutTwinnings, English: f.English, Words: f.Words, Attribute: f.Attribute,
			Filters: Filters{Country: f.Filters.Country, NotCountry: f.Filters.NotCountry}, Subjects: []Subject{{Kind: SubjectPlace, ID: places[0]}}}, true
	}
	if f.Filters.Country != "" {
		return f, false
	}
	a, b, ok := e.prevPair(prev)
	if !ok {
		return f, false
	}
	return Frame{Op: op, About: AboutTwinnings, English: f.English, Words: f.Words, Attribute: f.Attribute,
		Subjects: []Subject{{Kind: SubjectPlace, ID: a}, {Kind: SubjectPlace, ID: b}}}, true
}

// firstOf is the first of ids, "" where there is none.
func firstOf(ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	return ids[0]
}

// personWord reports whether a word names a person: no ordinary word or
// name of the base, which a statement gives an office, after a first name
// ("Max Schemme (Referent)"; not "der Auslandsgesellschaft", not after a
// sentence's first word).
func (e *Engine) personWord(w string) bool {
	if e.lex.ordinary(w) || e.names.IsName(words.Stem(w)) || e.names.IsName(w) {
		return false // "Kultur", "Europa", "Dortmund": no person's name
	}
	for _, r := range e.refsOf(w) {
		text := e.fact(r, false).Text
		if !e.officeNear(text, []string{w}) {
			continue
		}
		toks := tokenize(text)
		for i := 1; i < len(toks); i++ {
			if toks[i].fold == w && toks[i-1].upper && toks[i-1].clause == toks[i].clause && !e.lex.isCue("office", toks, i-1) &&
				i >= 2 && toks[i-2].clause == toks[i].clause {
				return true
			}
		}
	}
	return false
}

// personIn is the person a who-question's lead names, first name and last
// as written ("Jochen Beuckers"): two words in capitals neither of which
// is an ordinary word or a name of the base, or a last name personWord
// knows after any word in capitals ("Andrea Milz"; not "Engagierte
// Stadt" or "Kreis Lippe"). A name the question asked comes first ("Who
// is Sylvia Asmussen?"), else the first such pair. "" where it names none.
func (e *Engine) personIn(lead string, asked []string) string {
	key := lead + "\x00" + strings.Join(asked, ",")
	if p, ok := e.people.Load(key); ok {
		return p.(string)
	}
	p := e.readPerson(lead, asked)
	if e.npeople.Load() < maxPeople {
		e.npeople.Add(1)
		e.people.Store(key, p)
	}
	return p
}

// maxPeople bounds Engine.people.
const maxPeople = 10_000

// readPerson is personIn without the memory.
func (e *Engine) readPerson(lead string, asked []string) string {
	toks := tokenize(lead)
	// The name the question asked, as the lead writes it: "Who is Sylvia
	// Asmussen?" is about her, whatever words her name shares with others.
	for i := 0; i < len(toks); i++ {
		j := i
		for j < len(toks) && toks[j].upper && slices.Contains(asked, toks[j].fold) && toks[j].clause == toks[i].clause {
			j++
		}
		if j-i >= 2 {
			var ws []string
			for _, t := range toks[i:j] {
				ws = append(ws, t.raw)
			}
			return strings.Join(ws, " ")
		}
	}
	nameWord := func(t tok) bool {
		return t.upper && t.num < 0 && utf8.RuneCountInString(t.fold) > 2 && !e.lex.ordinary(t.fold) &&
			!e.names.IsName(t.fold) && !e.names.IsName(words.Stem(t.fold))
	}
	first := ""
	for i := 1; i < len(toks); i++ {
		if toks[i].clause != toks[i-1].clause || !toks[i-1].upper || !nameWord(toks[i]) ||
			!nameWord(toks[i-1]) && !e.personWord(toks[i].fold) { // "Andrea" is a word too
			continue
		}
		name := toks[i-1].raw + " " + toks[i].raw
		if slices.Contains(asked, toks[i].fold) {
			return name
		}
		if first == "" {
			first = name
		}
	}
	return first
}

// personAsked rewrites a follow-up that points at the person the answer
// before named ("is he active in another network?", "in welchem Netzwerk
// war der noch Sprecher?") into the question about that person, its first
// such pronoun replaced by the name. Where the question before asked an
// attribute of a subject, only a question beyond it is about the person
// alone ("in any other network"): "welches Institut leitet er?" after "Wer
// leitet die Netzwerkstelle?" stays with the Netzwerkstelle, but "which
// towns did she sign with?" after "Which Staatssekretärin signs …?", a
// question by its own words, asks of her. "der" points at a person
// only after a question who.
func (e *Engine) personAsked(text string, prev Frame) (string, bool) {
	toks := tokenize(text)
	if len(prev.Subjects) > 0 && len(prev.Words) == 0 && !slices.ContainsFunc(toks, func(t tok) bool { return e.lex.isCue("other", toks, t.pos) }) {
		return text, false
	}
	for i, t := range toks {
		possessive := e.lex.isCue("person-possessive", toks, i)
		if !possessive && !e.lex.isCue("person-pronoun", toks, i) &&
			!(t.fold == "der" && prev.Op == OpWho && i+1 < len(toks) && (e.lex.isCue("also", toks, i+1) || e.lex.isCue("now", toks, i+1) || e.lex.isCue("inclusive", toks, i+1))) { // "ist der auch …?"
			continue
		}
		// The pronoun's place in the text: the words before it, each
		// found after the one before, as tokenize found them.
		at := 0
		for _, w := range toks[:i+1] {
			j := strings.Index(text[at:], w.raw)
			if j < 0 {
				return text, false
			}
			at += j + len(w.raw)
		}
		name := prev.Person
		if possessive {
			name += "s" // "seine Rolle" → "Klaus Wegeners Rolle"
			if prev.English {
				name = prev.Person + "'s" // "his role" → "Klaus Wegener's role"
			}
		}
		return text[:at-len(t.raw)] + name + text[at:], true
	}
	return text, false
}

// officeOfAll reports whether a statement has all of the words, two or
// more, next to an office: they name a person ("Tessa Flatten" of "Prof.
// Dr. Tessa Flatten ist … Prorektorin"), though each is an ordinary word
// too ("flatten").
func (e *Engine) officeOfAll(ws []string) bool {
	if len(ws) < 2 {
		return false
	}
	for _, r := range e.refsOfAll(ws) {
		if e.officeNear(e.fact(r, false).Text, ws) {
			return true
		}
	}
	return false
}

// pairAttribute reports whether an attribute, asked of a twinning, asks
// what its sources tell of it: why, how, since when, who started it.
func pairAttribute(a domain.Attribute) bool {
	switch a {
	case domain.AttrGoal, domain.AttrFounding, domain.AttrFoundingPlace, domain.AttrFounders, domain.AttrHistory, domain.AttrInitiator, domain.AttrOutcome,
		domain.AttrStatus, domain.AttrTerm:
		return true
	}
	return false
}

// prevPair is the one twinning a frame is about: of two places named,
// or of one place, its one partner in a country or its oldest or newest.
func (e *Engine) prevPair(prev Frame) (string, string, bool) {
	places := prev.places()
	if prev.About != AboutTwinnings || prev.has(SubjectNetwork) {
		return "", "", false
	}
	if len(places) == 2 && e.pairTwinned(places[0], places[1]) {
		return places[0], places[1], true
	}
	if len(places) != 1 || (prev.Filters.Country == "" && prev.Most == DirNone) {
		return "", "", false
	}
	pl := e.base.Place(places[0])
	if pl == nil {
		return "", "", false
	}
	ps := e.placeTwinnings(pl, prev)
	sortPartnerships(ps)
	if prev.Most != DirNone {
		if p, ok := extremeTwinning(ps, prev.Most); ok {
			return pl.ID, otherSide(p, pl.ID), true
		}
		return "", "", false
	}
	if len(ps) != 1 {
		return "", "", false
	}
	return pl.ID, otherSide(ps[0], pl.ID), true
}

// homeAndAbroad orders a twinned pair: the place in NRW (no country),
// then the one abroad; false where the pair is not one of each.
func (e *Engine) homeAndAbroad(pair []string) (home, abroad *domain.Place, ok bool) {
	if len(pair) != 2 {
		return nil, nil, false
	}
	home, abroad = e.base.Place(pair[0]), e.base.Place(pair[1])
	if home == nil || abroad == nil {
		return nil, nil, false
	}
	if home.Country != "" {
		home, abroad = abroad, home
	}
	return home, abroad, home.Country == "" && abroad.Country != ""
}

// otherPartner reads "and the other one?", "und die andere?" after a
// twinning of a place in NRW with one abroad: the place's other
// partners. ("Wer noch aus NRW?" asks for the other NRW partners of the
// one abroad; whoElse reads that.)
// sharesStatement reports whether a statement has the word and one of
// the others: "trifft" of the RegioPole's committee is no word of the
// Reallabor's statements.
func (e *Engine) sharesStatement(w string, others []string) bool {
	refs := e.refsOf(w)
	for _, o := range others {
		for _, ref := range e.refsOf(o) {
			if slices.Contains(refs, ref) {
				return true
			}
		}
	}
	return false
}

// aboutPrevStatement reads a follow-up that points back with a pronoun
// and names nothing of its own as asking more of what the question before
// named by its rare words, a thing only statements tell of: "Was ist die
// Handreichung des Landes von 2016?" … "wie umfangreich ist die?",
// "Wann wurde das NBE NRW gegründet?" … "wie viele Mitglieder hat das?".
// The question's words go on, with the follow-up's own.
func (e *Engine) aboutPrevStatement(f, prev Frame, r *reading) (Frame, bool) {
	n := len(r.toks)
	// "… hat das?", "wie umfangreich ist die?": an article without its
	// noun points back.
	// A pronoun points back too where the question before named no
	// subject: only statements answered it ("Reallabor NRW–Ukraine, since
	// when?" … "how often do they meet?").
	points := n > 1 && e.lex.isCue("article", r.toks, n-1) || len(prev.Subjects) == 0 && r.has("pronoun") && len(e.specificWords(f)) == 0 // "in dem Beirat": named
	switch prev.Attribute {
	case domain.AttrNone, domain.AttrFounding, domain.AttrEvent:
	default:
		return f, false // "Wer sind die Sprecher?" … "aus welchen Kommunen kommen die?": the speakers' kind follows up
	}
	if prev.Ordinal > 0 || prev.Filters.Area != "" {
		return f, false // "beim 2. Forum" … "wann war das?": the numbered event's own follow-up
	}
	if len(prev.Subjects) > 0 && (f.Op != OpDescribe || f.Attribute != domain.AttrNone) {
		return f, false // "Wann wurde die Netzwerkstelle eingerichtet?" … "und wo sitzt die?": its own kind answers
	}
	if !points || len(f.Subjects) > 0 || !f.Filters.IsZero() || f.Most != DirNone || f.Ordinal > 0 || len(prev.places()) > 0 || prev.About != AboutSubjects {
		return f, false
	}
	var rare []string
	named := prev
	if prev.Attribute == domain.AttrEvent && len(prev.Words) == 0 {
		named.Words = prev.Asked // "Wann begann das Reallabor?" … "wie oft trifft man sich dort?": the event's words
	}
	for _, w := range e.specificWords(named) {
		if df := len(e.refsOf(w)); df > 0 && df <= 2*rareStatements {
			rare = append(rare, w)
		}
	}
	if len(rare) == 0 {
		return f, false
	}
	g := f
	g.Subjects, g.Unknown, g.unknownAs, g.Words = slices.Clone(prev.Subjects), "", "", slices.Clone(prev.Words)
	for i, w := range slices.Concat(prev.Asked, f.Words) {
		// "gegründet": what found the statement before; of the follow-up's
		// own words those statements use ("meet" in "how often do they
		// meet?" is none).
		if !slices.Contains(g.Words, w) && (i < len(prev.Asked) || e.sharesStatement(w, rare)) {
			g.Words = append(g.Words, w)
		}
	}
	if g.Filters.Year == 0 {
		g.Filters.Year, g.Filters.YearOp, g.Filters.YearTo = prev.Filters.Year, prev.Filters.YearOp, prev.Filters.YearTo
	}
	if g.Attribute == domain.AttrFounding && len(g.Words) > 1 {
		// "Wer führt die Auslandsgesellschaft?" … "seit wann gibt's
		// die?": the founding of the one named that a statement
		// dates, not of the office.
		for _, w := range g.Words {
			h := Frame{Op: OpWhen, Attribute: domain.AttrFounding, Words: []string{w}, English: f.English}
			if _, ok := e.foundedStatement(h, ""); ok && !e.lex.ordinary(w) {
				return h, true
			}
		}
	}
	if g.Attribute == domain.AttrNone && prev.Attribute == domain.AttrEvent {
		g.Attribute, g.Asked = prev.Attribute, slices.Clone(prev.Asked) // still the event: "and the first exchange?" follows it
	}
	return g, true
}

func (e *Engine) otherPartner(f, prev Frame, r *reading) (Frame, bool) {
	places := prev.places()
	other := slices.ContainsFunc(r.cues["also"], func(i int) bool { return e.lex.isCue("other", r.toks, i) })
	if q := f.places(); other && prev.About == AboutTwinnings && len(places) == 1 && len(q) == 1 && q[0] != places[0] && f.About == AboutTwinnings && f.Unknown == "" {
		// "Herne twin towns?" … "which other NRW city is twinned with
		// Wakefield?": the partners of the place named now, the one
		// before left out.
		if pl := e.base.Place(q[0]); pl != nil && pl.Country != "" {
			g := f
			g.Filters.Except = append(slices.Clone(f.Filters.Except), places[0])
			return g, true
		}
	}
	if prev.About != AboutTwinnings || len(places) != 2 || len(f.Subjects) > 0 || f.Unknown != "" || !f.Filters.IsZero() || len(f.Words) > 0 || f.Attribute != domain.AttrNone || r.has("networks") ||
		!slices.ContainsFunc(r.cues["also"], func(i int) bool { return e.lex.isCue("other", r.toks, i) }) {
		return f, false
	}
	home, abroad, ok := e.homeAndAbroad(places)
	if !ok {
		return f, false
	}
	g := Frame{Op: OpList, About: AboutTwinnings, English: f.English, Subjects: []Subject{{Kind: SubjectPlace, ID: home.ID}}}
	g.Filters.Except = []string{abroad.ID}
	return g, true
}

// joinYear is the year a place joined a network, 0 where unknown.
func (e *Engine) joinYear(place, network string) int {
	for _, m := range e.base.MembershipsOf(place) {
		if m.Network == network && !m.Since.IsZero() {
			return int(m.Since.Year)
		}
	}
	return 0
}

// sameYear reads "wer kam im selben Jahr noch dazu?" after when a place
// joined a network: the network's members who joined that year, the place
// left out, narrowed as the follow-up says ("aus NRW").
func (e *Engine) sameYear(f, prev Frame, r *reading) (Frame, bool) {
	places, nets := prev.places(), prev.networks()
	if !r.has("same") || !r.has("new", "member-who", "members", "also") || len(places) != 1 || len(nets) != 1 || f.Unknown != "" {
		return Frame{}, false
	}
	year := e.joinYear(places[0], nets[0])
	if year == 0 {
		return Frame{}, false
	}
	g := Frame{Op: OpList, Attribute: domain.AttrMembers, Subjects: []Subject{{Kind: SubjectNetwork, ID: nets[0]}}, English: f.English}
	g.Filters = f.Filters
	g.Filters.Year, g.Filters.YearOp, g.Filters.Except = year, "", []string{places[0]}
	return g, true
}

// continued is continueFrom without the relation in time.
func (e *Engine) continued(f, prev Frame, r *reading) Frame {
	named := f.has(SubjectNetwork) || f.has(SubjectPlace)
	if g, ok := e.onFocus(f, prev, r); ok && !named {
		return g
	}
	if g, ok := e.carrierFounding(f, prev, r); ok {
		return g
	}
	if g, ok := e.aboutPrevPair(f, prev, r); ok && !named {
		return g
	}
	if home, _, ok := e.homeAndAbroad(prev.places()); ok && !named && prev.About == AboutTwinnings &&
		(f.Most == DirOldest || f.Most == DirNewest) && len(f.Words) == 0 && f.Unknown == "" && f.Filters.IsZero() && !r.has("networks") {
		// "Since when are Essen and Sunderland twinned?" … "and its newest
		// partner?": the NRW side's twinnings, ranked.
		return Frame{Op: OpMost, About: AboutTwinnings, English: f.English, Most: f.Most, Measure: f.Measure,
			Subjects: []Subject{{Kind: SubjectPlace, ID: home.ID}}}
	}
	if nets := prev.networks(); !named && prev.Attribute == domain.AttrEvent && (prev.Ordinal > 0 || len(prev.Asked) > 0) && len(nets) == 1 &&
		f.Op == OpList && f.Attribute == domain.AttrMembers && !r.has("member-who") && f.Unknown == "" && f.Filters.Country == "" && f.Filters.Year == 0 && f.Ordinal == 0 &&
		len(e.members[nets[0]]) == 0 {
		// "Worum ging's beim 2. Forum?" … "welche Partnerschaften wurden
		// da vorgestellt?", "which towns presented?": who took part in that
		// event, which its statements say; the network has no members.
		g := prev
		g.Parts, g.English, g.Focus = nil, f.English, ""
		return g
	}
	if !named && prev.Attribute == domain.AttrEvent && prev.Ordinal > 0 && (r.pronoun || r.bare) && f.Ordinal == 0 && f.Unknown == "" &&
		f.Time == WhenAny && f.Most == DirNone && !r.has("earlier", "later", "next") &&
		(f.Attribute == domain.AttrGoal || f.Attribute == domain.AttrNone) && len(f.Words) == 0 && f.Filters.IsZero() {
		// "Wann war das 2. Forum?" … "worum ging's da?": what that event
		// was about, which its statement says.
		g := prev
		g.Parts, g.English, g.Focus = nil, f.English, ""
		g.Op = OpDescribe
		return g
	}
	if !named && prev.Attribute == domain.AttrEvent && (prev.Ordinal > 0 || prev.Filters.Year != 0 && len(prev.Asked) > 0 && !r.has("members")) && f.Op == OpCount && f.Attribute != domain.AttrFunding &&
		f.Ordinal == 0 && f.Unknown == "" && len(f.Words) <= 1 && f.Filters.IsZero() && !r.has("places", "networks") {
		// "Wer hat beim 9. Forum begrüßt?" … "wie viele kamen?":
		// how many came to that event, not to whatever the greeting word
		// finds; so after the meeting of a year ("das Netzwerktreffen
		// 2024").
		g := prev
		g.Parts, g.English, g.Focus = nil, f.English, ""
		g.Op, g.Words, g.Asked = OpCount, nil, append(slices.Clone(prev.Asked), f.Asked...)
		return g
	}
	if nets := prev.networks(); !named && r.pronoun && len(nets) == 1 && len(prev.places()) == 0 && prev.Attribute == domain.AttrNone && len(prev.Words) > 0 &&
		attrSpecific(f) && len(f.Words) == 0 && f.Unknown == "" && f.Filters.IsZero() && f.Ordinal == 0 && prev.About == AboutSubjects {
		// "What was the predecessor project of the Netzwerkstelle?" … "who
		// funded it?": that of what the words before named.
		g := f
		g.Subjects = []Subject{{Kind: SubjectNetwork, ID: nets[0]}}
		for _, w := range prev.Words {
			if len(e.refsOf(w)) > 0 {
				g.Words = append(g.Words, w)
			}
		}
		if len(g.Words) > 0 {
			return g
		}
	}
	ord := f.Ordinal
	if !named && prev.Attribute == domain.AttrEvent && len(prev.Asked) > 0 && prev.Ordinal != ord && ord > 0 && f.Unknown == "" &&
		(f.Op == OpCount || f.Op == OpWhen || f.Op == OpWhere || f.Op == OpList || f.Op == OpWho) && len(f.Subjects) == 0 {
		// "Wann startete das Reallabor?" … "how many Kommunen came to the
		// first exchange?": the first of that event's series, by what the
		// event was asked as and the new words that statements use.
		g := Frame{Op: f.Op, Attribute: domain.AttrEvent, Ordinal: ord, Asked: slices.Clone(prev.Asked), English: f.English, Subjects: prev.Subjects}
		for _, w := range f.Words {
			if len(e.refsOf(w)) > 0 {
				g.Words = append(g.Words, w)
			}
		}
		if len(g.Words) == 0 && prev.Ordinal > 0 {
			g.Words = slices.Clone(prev.Words) // "and the second one?" after the first exchange
		}
		return g
	}
	if !named && prev.Attribute == domain.AttrEvent && prev.Ordinal == 0 && prev.Filters.Year != 0 && prev.Filters.YearOp == "" && f.Time == WhenNext &&
		f.Ordinal == 0 && len(f.Words) == 0 && f.Unknown == "" && f.Filters.Year == 0 && (f.Attribute == domain.AttrNone || f.Attribute == domain.AttrEvent) {
		// "Wo war der Tag der Städtepartnerschaften 2021?" … "und der
		// nächste danach?": that event after the year.
		g := prev
		g.Parts, g.English, g.Focus, g.Time = nil, f.English, "", WhenAny
		g.Filters.Year, g.Filters.YearOp = prev.Filters.Year+1, "after"
		if last := e.latestEventYear(prev); last != 0 && prev.Filters.Year >= last {
			// After the latest one the sources date: the next to come,
			// which they may not name.
			g.Filters.Year, g.Filters.YearOp, g.Time = 0, "", WhenNext
		}
		if f.Op == OpWhen || f.Op == OpWhere {
			g.Op = f.Op // "und wann kommt der nächste?" after how many came
		}
		return g
	}
	if !named && prev.Attribute == domain.AttrEvent && prev.Ordinal > 0 && f.Time == WhenNext && f.Ordinal == 0 && len(f.Words) == 0 &&
		f.Unknown == "" && (f.Attribute == domain.AttrNone || f.Attribute == domain.AttrEvent) {
		// "Wo war der 4. Tag?" … "und wann war der nächste?": the 5.
		g := prev
		g.Parts, g.English, g.Focus = nil, f.English, ""
		g.Ordinal++
		if f.Op == OpWhen || f.Op == OpWhere {
			g.Op = f.Op
		}
		return g
	}
	if !named && prev.Attribute == domain.AttrEvent && (prev.Ordinal > 0 || prev.Time != WhenAny) && f.Op == OpMost && f.Most != DirNone &&
		len(f.Words) == 0 && f.Unknown == "" && f.Filters.IsZero() {
		// "Wo war der 4. Tag?" … "und der erste?", "und der letzte?": that
		// series' first, or its latest.
		g := prev
		g.Parts, g.English, g.Focus = nil, f.English, ""
		if f.Most == DirOldest {
			g.Ordinal, g.Time = 1, WhenAny
		} else {
			g.Ordinal, g.Time = 0, WhenLast
		}
		return g
	}
	if !named && f.Unknown == "" && prev.About == AboutTwinnings && len(prev.places()) == 1 &&
		(f.Op == OpCompare || f.Op == OpMost) && (f.Most == DirOldest || f.Most == DirNewest) {
		// "Which NRW towns are twinned with Amiens?" … "which of the two
		// partnerships is older?": the oldest of those just listed.
		g := prev
		g.Parts, g.English = nil, f.English
		g.Op, g.Most, g.Measure, g.Number = OpMost, f.Most, MeasureTwinnings, 0
		return g
	}
	if g, ok := e.sameYear(f, prev, r); ok && !named {
		return g
	}
	if pls := prev.places(); !named && r.has("same") && r.has("twinning") && prev.About == AboutTwinnings && len(pls) == 1 && f.Unknown == "" {
		// "Hat Essen eine Partnerstadt in China?" … "gibt's in NRW noch
		// eine Stadt mit der gleichen Partnerstadt?": the NRW places
		// twinned with that one partner, Minden left out.
		if pl := e.base.Place(pls[0]); pl != nil {
			if ps := e.placeTwinnings(pl, prev); len(ps) == 1 {
				return Frame{Op: OpList, About: AboutTwinnings, English: f.English,
					Subjects: []Subject{{Kind: SubjectPlace, ID: otherSide(ps[0], pl.ID)}}, Filters: Filters{Except: []string{pl.ID}}}
			}
		}
	}
	if !named && r.has("of-them") && prev.Op == OpCount && prev.About == AboutTwinnings && f.Op == OpCount && f.Unknown == "" &&
		f.Filters.IsZero() && !r.has("suspended", "kreisfrei", "kreisangehoerig", "twinning") {
		// "Laut IT.NRW: wie viele Partnerschaften haben NRW-Kommunen?"
		// … "und wie viele davon in der EU?": the same figures, the
		// part asked by its words.
		g := prev
		g.Parts, g.English, g.Focus = nil, f.English, ""
		for _, w := range f.Words {
			if !slices.Contains(g.Words, w) {
				g.Words = append(g.Words, w)
			}
		}
		return g
	}
	if nets := prev.networks(); !named && len(nets) == 2 && prev.Op == OpList && prev.Attribute == domain.AttrMembers && !prev.Negate &&
		f.Op == OpWhen && len(f.Words) == 0 && f.Unknown == "" && f.Attribute == domain.AttrNone {
		// "Welche Regiopole-Stadt aus NRW ist auch im Kommunen-Netzwerk?"
		// … "seit wann?": since when the few listed are in each.
		one := prev
		one.Subjects = []Subject{{Kind: SubjectNetwork, ID: nets[0]}}
		var both []string
		for _, id := range e.listedPlaces(one) {
			if slices.ContainsFunc(e.base.MembershipsOf(id), func(m domain.Membership) bool { return m.Network == nets[1] }) {
				both = append(both, id)
			}
		}
		if len(both) >= 1 && len(both) <= 3 {
			g := Frame{Op: OpWhen, English: f.English}
			for _, id := range both {
				g.Subjects = append(g.Subjects, Subject{Kind: SubjectPlace, ID: id})
			}
			g.Subjects = append(g.Subjects, Subject{Kind: SubjectNetwork, ID: nets[0]}, Subject{Kind: SubjectNetwork, ID: nets[1]})
			return g
		}
	}
	if !named && prev.About == AboutTwinnings && len(prev.places()) > 0 && f.Op == OpWhen && f.Unknown == "" &&
		(f.Attribute == domain.AttrNone || f.Attribute == domain.AttrFounding) && len(f.Words) == 0 {
		// "Does Krefeld have a twin town in Poland?" … "when was that
		// signed?": since when those twinnings are.
		g := prev
		g.Parts, g.English, g.Focus = nil, f.English, ""
		g.Op, g.Attribute, g.Most, g.Measure = OpWhen, domain.AttrNone, DirNone, MeasureNone
		return g
	}
	if !named && prev.About == AboutTwinnings && len(prev.places()) == 2 && f.Unknown == "" && len(f.Words) == 0 &&
		(f.Attribute == domain.AttrEvent || r.has("anniversary")) {
		// "Seit wann sind Bochum und Sheffield Partnerstädte?" … "und wann
		// wurde das Jubiläum gefeiert?": that twinning, whose notes say.
		g := prev
		g.Parts, g.English, g.Focus = nil, f.English, ""
		g.Op = f.Op
		return g
	}
	if pls := prev.places(); !named && (f.Op == OpWhere || r.has("district-words", "region-words") && f.Filters.Area == "") && prev.About == AboutTwinnings && len(pls) == 1 && f.Unknown == "" {
		if abroad := e.base.Place(pls[0]); abroad != nil && abroad.Country != "" {
			// "Which NRW town has Venlo as a partner?" … "which Kreis is
			// that town in?": where its NRW partners lie.
			g := Frame{Op: OpWhere, English: f.English}
			for _, p := range e.base.PartnershipsOf(abroad.ID) {
				if id := otherSide(p, abroad.ID); len(g.Subjects) < 5 && e.base.Place(id) != nil && e.base.Place(id).Country == "" {
					g.Subjects = append(g.Subjects, Subject{Kind: SubjectPlace, ID: id})
				}
			}
			if len(g.Subjects) > 0 {
				return g
			}
		}
	}
	sameNet := !f.has(SubjectPlace) && slices.Equal(f.networks(), prev.networks()) // "wie viele Engagierte Städte gab es damals?"
	if places, nets := prev.places(), prev.networks(); (!named || sameNet) && (r.has("then") || r.pronoun && prev.Attribute != domain.AttrCount && (f.Attribute == domain.AttrCount || f.Attribute == domain.AttrMembers)) && f.Op == OpCount &&
		len(places) == 1 && len(nets) == 1 && f.Filters.Year == 0 {
		// "Wann ist Paderborn beigetreten?" … "wie viele Mitglieder hatte
		// das Netzwerk damals?": its figures of the year the place joined.
		if y := e.joinYear(places[0], nets[0]); y != 0 {
			return Frame{Op: OpCount, Attribute: domain.AttrCount, Subjects: []Subject{{Kind: SubjectNetwork, ID: nets[0]}},
				Filters: Filters{Year: y}, English: f.English}
		}
	}
	if nets := prev.networks(); !named && len(nets) == 1 && f.Op == OpCount && r.has("founding") && !r.has("anniversary") &&
		f.Filters.Area == "" && f.Filters.State == "" && f.Filters.Year == 0 && f.Unknown == "" {
		// "Wann begann die Engagierte Stadt?" … "und mit wie vielen
		// Städten hat es angefangen?": how many founded it.
		return Frame{Op: OpCount, Attribute: domain.AttrCount, Subjects: []Subject{{Kind: SubjectNetwork, ID: nets[0]}},
			Filters: Filters{Founders: true}, English: f.English}
	}
	if nets := f.networks(); prev.About == AboutTwinnings && len(prev.places()) > 0 && f.Op == OpYesNo && !f.has(SubjectPlace) &&
		len(nets) == 1 && nets[0] == e.twinNetwork && f.Unknown == "" {
		// "Hat Lemgo eine Partnerstadt in Polen?" … "ist das eine
		// richtige Städtepartnerschaft?": that twinning again, its kind said.
		g := prev
		g.Parts, g.English, g.Focus = nil, f.English, ""
		return g
	}
	if !named && f.Op == OpDescribe && f.Attribute == domain.AttrNone && f.Unknown == "" && len(f.Words) > 0 && len(f.Words) <= 2 &&
		f.Filters.IsZero() && len(prev.places()) == 0 && attrSpecific(prev) && prev.Attribute != domain.AttrEvent &&
		slices.ContainsFunc(f.Words, func(w string) bool { return !e.lex.ordinary(w) && len(e.refsOf(w)) > 0 }) {
		// "Wann wurde die Netzwerkstelle gegründet?" … "und die
		// Auslandsgesellschaft selbst?": the same question of what the
		// words name.
		g := prev
		g.Parts, g.English, g.Focus = nil, f.English, ""
		g.Words, g.Asked = slices.Clone(f.Words), nil
		return g
	}
	if nets := prev.networks(); !named && f.Op == OpWhen && prev.Op == OpList && prev.Attribute == domain.AttrMembers && len(nets) == 1 &&
		f.Unknown == "" && len(f.Words) == 0 && !r.has("founding") && !prev.Filters.Founders && f.Attribute == domain.AttrNone && f.Time == WhenAny {
		// "Welche Engagierten Städte gibt es im Kreis Lippe?" … "seit wann
		// jeweils?": the same list, which says since when each is one.
		g := prev
		g.Parts, g.English, g.Focus = nil, f.English, ""
		return g
	}
	if !named && (prev.Filters.Founders || prev.Attribute == domain.AttrFounders && prev.count(SubjectNetwork) == 1) && (r.has("later") || f.Most == DirNewest) && f.Unknown == "" {
		// "Who founded RegioPole?" … "and who joined later?": the members
		// who are no founders.
		g := prev
		g.Parts, g.English = nil, f.English
		g.Op, g.Attribute, g.Most, g.Measure = OpList, domain.AttrMembers, DirNone, MeasureNone
		g.Filters.Founders, g.Filters.NotFounders, g.Filters.Year, g.Filters.YearOp = false, true, 0, ""
		g.Words, g.Asked = nil, nil // "who signed the agreement?": the signing named the founders, not the later ones
		return g
	}
	if r.also && !named && f.Unknown == "" && len(prev.places()) == 1 && len(prev.Words) > 0 && prev.About != AboutTwinnings &&
		(f.Op == OpWho || f.Op == OpList) && f.Filters.IsZero() {
		// "In which EWS round did Jülich take part?" … "who else was in
		// that round?": who else the statement about it names. The place's
		// own name is one of the words, so that the statement naming it
		// among others leads; words no statement has ("round") go.
		g := Frame{Op: OpWho, Asked: prev.Asked, Number: prev.Number, Ordinal: prev.Ordinal, English: f.English}
		for _, w := range prev.Words {
			if len(e.refsOf(w)) > 0 {
				g.Words = append(g.Words, w)
			}
		}
		if len(g.Words) > 0 {
			if pl := e.base.Place(prev.places()[0]); pl != nil { // a place a reload removed is none
				for _, w := range words.Split(words.Fold(pl.Name)) {
					if len(e.refsOf(w)) > 0 {
						g.Words = append(g.Words, w)
					}
				}
			}
			return g
		}
	}
	if r.bare && len(f.places()) == 1 && !f.has(SubjectNetwork) && prev.Op == OpMost && len(prev.networks()) == 1 && prev.About != AboutTwinnings &&
		prev.Measure == MeasureJoined {
		// "Which NRW cities were among the first Engagierte Städte?" …
		// "and Aachen?": since when Aachen is one.
		return Frame{Op: OpWhen, English: f.English, Subjects: []Subject{{Kind: SubjectNetwork, ID: prev.networks()[0]}, f.Subjects[0]}}
	}
	if nets := prev.networks(); !named && f.Op == OpCount && (r.pointsBack || r.bare || prev.Op == OpWho && r.has("members")) && len(nets) == 1 && len(prev.places()) == 0 && len(prev.Words) > 0 &&
		len(f.Words) == 0 && f.Unknown == "" && f.Filters.IsZero() && prev.About != AboutTwinnings &&
		prev.Attribute != domain.AttrMembers && prev.Attribute != domain.AttrCount && prev.Op != OpCount {
		// "Wer sitzt im Beirat der Netzwerkstelle?" … "wie viele sind das
		// insgesamt?", "how many members in total?": how many of what the
		// words before named, not the network's own figure.
		g := Frame{Op: OpCount, Attribute: domain.AttrCount, Subjects: []Subject{{Kind: SubjectNetwork, ID: nets[0]}}, English: f.English}
		for _, w := range prev.Words {
			if len(e.refsOf(w)) > 0 {
				g.Words = append(g.Words, w)
			}
		}
		if len(g.Words) > 0 {
			return g
		}
	}
	titled := slices.ContainsFunc(prev.Words, func(w string) bool { return strings.Contains(w, " ") }) // a name of words: „Netzwerk bürgerschaftliches Engagement“
	if !named && len(prev.Subjects) == 0 && len(prev.Words) > 0 && prev.About != AboutTwinnings && f.Unknown == "" &&
		f.About != AboutTwinnings && f.Filters.Country == "" && f.Filters.State == "" && f.Filters.Kind == "" && f.Filters.Area == "" && len(f.Words) <= 2 &&
		(len(f.Words) > 0 || f.Op == OpWhen || r.pronoun || r.bare || f.Filters.Year != 0 || titled && len(f.Words) == 0) &&
		(!(len(f.Words) == 0 && f.Filters.Year == 0 && (f.Attribute == domain.AttrMembers || f.Op == OpCount)) || titled) {
		// "Was ist der Wettbewerb „Europa bei uns zuhause“?" … "wie viele
		// Projekte gab es 2017?", "and how many were awarded in 2018?": a
		// question about what the statements
		// before were on keeps their words (and area). A count keeps
		// them where they name something ("NBE NRW" … "wie viele
		// Mitglieder?").
		g := f
		g.Words = slices.Clone(prev.Words)
		for _, w := range f.Words {
			if !slices.Contains(g.Words, w) {
				g.Words = append(g.Words, w)
			}
		}
		g.Filters.Area = prev.Filters.Area
		if g.Attribute == domain.AttrNone || g.Attribute == domain.AttrMembers {
			g.Asked = slices.Clone(prev.Asked)
		}
		if (r.bare || f.Op == OpDescribe) && !slices.ContainsFunc(f.Words, func(w string) bool { return !slices.Contains(prev.Words, w) }) &&
			(f.Filters.Year != 0 || f.Number != 0 && prev.Number != 0) && (f.Attribute == domain.AttrNone || f.Attribute == domain.AttrMembers) {
			// "wie viele Projekte wurden 2017 gefördert?" … "und 2020?",
			// "Wer war bei der EWS 2 dabei?" … "und bei der EWS 4?":
			// the same question of another year, or of the next numbered
			// one.
			g.Op, g.Attribute, g.Sum, g.Period = prev.Op, prev.Attribute, prev.Sum, prev.Period
		}
		return g
	}
	if !named && len(prev.Subjects) == 0 && prev.Attribute == domain.AttrEvent && (len(prev.Words) > 0 || len(prev.Asked) > 0) &&
		f.Op == OpCount && len(f.Words) == 0 && f.Filters.IsZero() && f.Unknown == "" && (r.has("places", "members") || f.Attribute == domain.AttrPeople) {
		// "Wann war der 1. Fachaustausch im Reallabor?" … "und wie viele
		// Kommunen waren da dabei?": how many came to that event.
		g := prev
		g.Parts, g.English, g.Focus = nil, f.English, ""
		g.Op, g.Time = OpCount, WhenAny
		return g
	}
	if people := prev.Op == OpWho && (prev.Attribute == domain.AttrChair || prev.Attribute == domain.AttrSpeakers || prev.Attribute == domain.AttrPeople) && !(prev.Ordinal > 0 && prev.Focus != ""); people && !named &&
		f.Unknown == "" && len(f.Words) == 0 && (f.Op == OpWhere && f.Attribute != domain.AttrOffice || f.Op == OpMost && f.Most == DirOldest && r.has("where") ||
		f.Op == OpList && (f.Attribute == domain.AttrMembers || f.Attribute == prev.Attribute) && (f.About == AboutCross || f.About == AboutAreas) && f.Filters.IsZero()) {
		// ("Wer leitet eigentlich die Netzwerkstelle?" … "wo sitzt die denn?" asks
		// where it sits, its office.)
		// "Wer sind die Sprecher?" … "und wo kommen die her?", "aus
		// welchen Kommunen kommen die beiden?", "und der zweite Sprecher
		// kommt aus welcher Stadt?": the statement that named them says
		// where they come from; "der zweite" is where the answer's focus
		// goes.
		g := prev
		g.Parts, g.English, g.Focus, g.Person = nil, f.English, "", ""
		g.Ordinal = f.Ordinal
		if f.Op == OpMost {
			g.Ordinal = 1 // "where does the first one come from?": the first named
		}
		return g
	}
	if g, ok := e.inPrevArea(f, prev, r); ok {
		return g
	}
	if asksWhere := f.Op == OpWhere || f.About == AboutAreas && isAreaKind(f.Filters.Kind); !named && asksWhere &&
		f.Filters.Area == "" && f.Filters.State == "" && f.Unknown == "" && len(prev.places()) == 0 {
		if listed := e.listedPlaces(prev); len(listed) > 0 && len(listed) <= whereListed {
			// "Welche NRW-Städte sind 2024 Engagierte Stadt geworden?" …
			// "in welchen Kreisen liegen die?": where each listed one lies.
			g := Frame{Op: OpWhere, English: f.English}
			for _, id := range listed {
				g.Subjects = append(g.Subjects, Subject{Kind: SubjectPlace, ID: id})
			}
			return g
		}
	}
	if places := prev.places(); !named && len(places) > 0 && f.About == AboutAreas && f.Filters.Kind != "" &&
		f.Filters.Area == "" && f.Filters.State == "" && (f.Op == OpList || f.Op == OpWhere) {
		// "und in welchem Kreis?" after where Siegen lies: where Siegen
		// lies, not every Kreis.
		g := Frame{Op: OpWhere, English: f.English}
		for _, id := range places {
			g.Subjects = append(g.Subjects, Subject{Kind: SubjectPlace, ID: id})
		}
		return g
	}
	// "who else founded it?" after a list of founders: the same list, asked
	// for the others.
	sameList := r.also && prev.Filters.Founders && (f.Attribute == domain.AttrFounding || f.Attribute == domain.AttrFounders) && len(f.Words) == 0
	switch {
	case (r.bare || sameList) && !named && f.Unknown == "":
		// "und in Frankreich?", "und 2023?", "wer noch aus NRW?", "und
		// davor?": the question before, with what this one changes.
		g := prev
		g.Parts, g.English = nil, f.English
		if f.Op == OpYesNo && prev.Op != OpYesNo {
			g.Op = OpYesNo // "Is it a kreisfreie Stadt?" after where Lemgo lies
		}
		if r.has("now") && f.Filters.Year == 0 {
			g.Filters.Year, g.Filters.YearOp = 0, "" // "und heute?" after "Ende 2017"
			g.Words = nil
		}
		if f.Op == OpList && prev.Op != OpList && prev.Op != OpMost && r.has("which", "new", "members", "member-who") {
			// "…, und welche kamen 2022 dazu?": a list of its own.
			g.Op, g.Attribute, g.Time = OpList, domain.AttrMembers, WhenAny
		}
		if prev.Op == OpCount && prev.Attribute == domain.AttrCount && f.Op != OpCount && r.pronoun && r.has("exists") && prev.count(SubjectNetwork) == 1 &&
			(f.Filters.State != "" || f.Filters.Area != "" || f.Filters.Kreisfrei != "") {
			// "how many joined in June 2022?" … "any from Hessen among
			// them?": which of them.
			g.Op, g.Attribute = OpList, domain.AttrMembers
		}
		e.changeFilters(&g, f, r)
		if r.also && r.has("which") && prev.About == AboutTwinnings && len(prev.places()) == 1 && prev.Filters.Country != "" && !prev.Filters.NotCountry &&
			f.Filters.Country == "" && len(f.Subjects) == 0 && g.Filters.Country == prev.Filters.Country {
			// "Hat Lippstadt eine Partnerstadt in der Ukraine?" … "und
			// welche noch?": its partners elsewhere.
			g.Op, g.Attribute, g.Filters.NotCountry = OpList, domain.AttrMembers, true
		}
		if g.Attribute == domain.AttrEvent && f.Time == WhenAny && r.has("next", "last") {
			// "when's the next Tag?" … "and the last one?"
			g.Time, g.Ordinal = map[bool]When{true: WhenNext, false: WhenLast}[r.has("next")], 0
		}
		if r.has("earlier") && g.Attribute == domain.AttrEvent && g.Ordinal == 0 && g.Filters.Year == 0 && g.Time == WhenLast && f.Ordinal == 0 {
			// "Wann war der letzte Tag?" … "und der davor?": the year of
			// the latest, and then the latest before it.
			g.Filters.Year = e.latestEventYear(g)
		}
		if r.has("earlier") && g.Attribute == domain.AttrEvent && g.Ordinal == 0 && g.Filters.Year != 0 && g.Filters.YearOp == "" && f.Ordinal == 0 {
			// "… im Januar 2024?" … "and the one before?": the latest before that year.
			g.Filters.YearOp, g.Time = "before", WhenLast
		}
		if r.has("earlier", "later") && !r.has("next") && g.Attribute == domain.AttrEvent && g.Ordinal > 0 && f.Ordinal == 0 {
			// "und der davor?" after the 5. Tag: the 4.
			if r.has("earlier") {
				g.Ordinal = max(1, g.Ordinal-1)
			} else {
				g.Ordinal++
			}
		}
		if r.has("earlier", "later") && (g.Attribute == domain.AttrChair || g.Attribute == domain.AttrSpeakers) {
			op := map[bool]string{true: "before", false: "after"}[r.has("earlier")]
			switch {
			case g.Rel.ID == "":
				g.Rel = Relation{Op: op, ID: RelNow}
			case g.Rel.Op == op:
				g.Rel.Step++ // "und davor?" once more: one further back
			}
		}
		if r.also || r.has("member-who") {
			g = e.whoElse(g, prev)
		}
		return g
	case r.bare && named && f.Unknown == "" && f.Op == OpWhere && f.count(SubjectPlace) == len(f.Subjects) && prev.About != AboutAreas:
		// "Rheine – which Kreis is that in?" after the speakers: where the
		// place lies, a question of its own.
		return f
	case r.bare && f.Op == OpYesNo && f.has(SubjectPlace) && f.has(SubjectNetwork) && f.Unknown == "":
		// "Sendenhorst – seit wann Engagierte Stadt?" … "und ist
		// Sendenhorst auch im Kommunen-Netzwerk?": a whole yes/no question
		// of its own, not since when.
		return f
	case r.bare && named && f.Unknown == "":
		// "und Paderborn?", "und beim Kommunen-Netzwerk?", "und der Kreis
		// Olpe?": the question before, about the new subject.
		g := prev
		g.Parts, g.English = nil, f.English
		if w := prev.Words; len(prev.Subjects) == 0 && len(w) == 1 && !e.lex.ordinary(w[0]) && e.statementWord[w[0]] {
			// "Seit wann gibt es die Auslandsgesellschaft?" … "und die
			// Netzwerkstelle?": the word named what the question was
			// about; the new subject takes its place.
			g.Words = nil
		}
		var subjects []Subject
		for _, s := range f.Subjects {
			if pl := e.base.Place(s.ID); s.Kind == SubjectPlace && pl != nil && prev.Filters.Area == "" && prev.About == AboutAreas && isArea(pl) && prev.count(SubjectPlace) == 0 {
				// "und davon im Regierungsbezirk Münster?" after all of NRW:
				// the area narrows the count, the Land goes.
				g.Filters.Area, g.Filters.State = s.ID, ""
				continue
			} else if s.Kind == SubjectPlace && pl != nil && prev.Filters.Area != "" {
				if !isArea(pl) {
					// "und Münster?" after the Regierungsbezirk Detmold: the
					// Regierungsbezirk Münster, not the city.
					if a := e.areaNamed(pl, prev.Filters.Area); a != "" {
						g.Filters.Area = a
						continue
					}
				} else {
					g.Filters.Area = s.ID
					continue
				}
			}
			subjects = append(subjects, s)
		}
		kinds := map[SubjectKind]bool{}
		for _, s := range subjects {
			kinds[s.Kind] = true
		}
		var keep []Subject
		for _, s := range prev.Subjects {
			if !kinds[s.Kind] {
				keep = append(keep, s)
			}
		}
		g.Subjects = append(keep, subjects...)
		if kinds[SubjectNetwork] && prev.About == AboutTwinnings && f.About != AboutTwinnings {
			// "Hat Sendenhorst Partnerstädte?" … "ist Sendenhorst Engagierte
			// Stadt?": a network named asks about it, not twinnings.
			g.About, g.Filters.Country, g.Filters.Suspended = f.About, "", false
		}
		if g.Rel.ID != "" && kinds[SubjectPlace] {
			g.Rel.ID = subjects[0].ID // "Wer hatte vor Paderborn den Vorsitz?" … "und vor Würzburg?"
			g.Subjects = slices.DeleteFunc(g.Subjects, func(s Subject) bool { return s.ID == g.Rel.ID })
		}
		e.changeFilters(&g, f, r)
		return g
	case f.has(SubjectPlace) && !f.has(SubjectNetwork) && prev.count(SubjectNetwork) > 0 && prev.count(SubjectPlace) == 0 && r.has("members", "join") &&
		f.About == AboutSubjects && f.Attribute == domain.AttrNone:
		// "Welche Städte sind bei RegioPole?" … "und seit wann ist Koblenz
		// dabei?": Koblenz in that network.
		for _, id := range prev.networks() {
			f.Subjects = append(f.Subjects, Subject{Kind: SubjectNetwork, ID: id})
		}
		return f
	case named && !f.has(SubjectNetwork) && prev.About == AboutTwinnings && !placeAttribute(f.Attribute) && (e.allAbroad(f.places()) ||
		len(f.places()) == 1 && len(prev.places()) == 1 && !e.inNRW(f.places()[0]) && e.pairTwinned(prev.places()[0], f.places()[0])):
		// "seit wann die mit Gouda?" after Solingen's twinnings: the pair;
		// so too a partner in Germany ("seit wann die mit Stendal?" after
		// Lemgo's).
		var subjects []Subject
		for _, s := range prev.Subjects {
			if pl := e.base.Place(s.ID); s.Kind == SubjectPlace && pl != nil && pl.Country == "" {
				subjects = append(subjects, s)
			}
		}
		f.Subjects = append(subjects, f.Subjects...)
		f.About = AboutTwinnings
		return f
	case f.has(SubjectNetwork) && !f.has(SubjectPlace) && len(prev.places()) == 1 && prev.About == AboutSubjects &&
		f.Op == OpWhen && f.Attribute == domain.AttrFounding && !r.has("founding") && len(r.attrPos) == 0 && f.Unknown == "" && len(f.Words) == 0:
		// "Ist Würzburg Engagierte Stadt?" … "und seit wann bei den
		// Regiopolen?": since when the place is in that network; a
		// network's start is asked in words ("gegründet", "gibt es").
		f.Subjects = append(f.Subjects, prev.Subjects[slices.IndexFunc(prev.Subjects, func(s Subject) bool { return s.Kind == SubjectPlace })])
		f.Attribute = domain.AttrNone
		return f
	case f.has(SubjectNetwork) && !f.has(SubjectPlace) && r.pronoun && !e.onlyExistsPronoun(r):
		// "In welchem Kreis liegt Sendenhorst und seit wann ist es
		// Engagierte Stadt?": "es" is the place before; not the "es" of
		// "seit wann gibt es die Regiopolen?", which asks the network's start.
		for _, s := range prev.Subjects {
			if s.Kind == SubjectPlace {
				f.Subjects = append(f.Subjects, s)
			}
		}
		if f.Op == OpWhen && f.Attribute == domain.AttrFounding && len(r.attrPos) == 0 {
			f.Attribute = domain.AttrNone // about the place's membership now
		}
		return f
	case !named && f.Unknown == "" && (f.Op != OpDescribe || f.Attribute != domain.AttrNone || len(f.Words) > 0 || !f.Filters.IsZero() || f.About == AboutTwinnings):
		// "seit wann?", "wer hat den Vorsitz?", "wie viele?": the subjects
		// before.
		var keep []Subject
		for _, s := range prev.Subjects {
			if s.Kind == SubjectNetwork || s.Kind == SubjectPlace {
				keep = append(keep, s)
			}
		}
		if len(keep) == 0 && prev.Filters.Area != "" && (attrSpecific(f) || r.has("district-words") && (f.About == AboutSubjects || f.About == AboutNetworks)) {
			// "und wer ist da Landrat?" after the Kreis Steinfurt, "ist der
			// Kreis selbst in einem Netzwerk?": the Kreis.
			keep = []Subject{{Kind: SubjectPlace, ID: prev.Filters.Area}}
			prev.Filters.Area, f.Filters.Area = "", ""
			if f.About == AboutNetworks {
				f.About, prev.About = AboutSubjects, AboutSubjects
			}
		}
		if len(keep) == 0 && prev.About == AboutSubjects && prev.Filters.Area == "" {
			return f
		}
		if r.has("district-words") && !r.has("which") {
			// "und welche Partner hat der Kreis?" after Kirchlengern: the
			// Kreis it lies in.
			for i, s := range keep {
				if pl := e.base.Place(s.ID); s.Kind == SubjectPlace && pl != nil && !isArea(pl) {
					if k := e.areaOf(pl.ID); k != "" {
						keep[i] = Subject{Kind: SubjectPlace, ID: k}
					}
				}
			}
		}
		if nets := slices.DeleteFunc(slices.Clone(keep), func(s Subject) bool { return s.Kind != SubjectNetwork }); len(nets) > 0 && len(nets) < len(keep) &&
			(f.Op == OpWho || f.Op == OpList) && (f.Attribute == domain.AttrNone || f.Attribute == domain.AttrMembers) &&
			(f.Filters.State != "" || f.Filters.Area != "" || f.Filters.Kreisfrei != "") {
			// "Ist Dortmund bei RegioPole?" … "wer aus NRW ist da drin?":
			// the network's members there, not the place again.
			f.Subjects, f.Op, f.Attribute = nets, OpList, domain.AttrMembers
			return f
		}
		if places := slices.DeleteFunc(slices.Clone(keep), func(s Subject) bool { return s.Kind != SubjectPlace }); len(places) > 0 &&
			(f.Attribute == domain.AttrMayor || f.Attribute == domain.AttrPopulation || f.Attribute == domain.AttrPostcode || f.Attribute == domain.AttrSurface) {
			// "Seit wann hat Paderborn den Vorsitz?" … "wer ist da
			// Bürgermeister?": the place's, not the network's.
			f.Subjects, f.About = places, AboutSubjects
			return f
		}
		if places := slices.DeleteFunc(slices.Clone(keep), func(s Subject) bool { return s.Kind != SubjectPlace }); f.Op == OpWhere &&
			f.Attribute == domain.AttrNone && len(f.Words) == 0 && len(places) > 0 && prev.Attribute != domain.AttrEvent {
			// "Hat Hattingen eine Partnerstadt?" … "wo liegt das nochmal?":
			// where the place lies, not its twinnings or membership.
			f.Subjects, f.About = places, AboutSubjects
			return f
		}
		if f.About == AboutTwinnings {
			// "und was sind die Partnerstädte?" after "Liegt Goch im Kreis
			// Kleve?": the town's, not the Kreis's.
			if towns := slices.DeleteFunc(slices.Clone(keep), func(s Subject) bool { pl := e.base.Place(s.ID); return pl == nil || isArea(pl) }); len(towns) > 0 {
				keep = towns
			}
		}
		f.Subjects = keep
		if spec := e.specificWords(prev); r.pronoun && len(spec) > 0 && len(e.specificWords(f)) == 0 && f.Attribute == domain.AttrNone && f.Unknown == "" {
			// "Wie hieß das Vorgängerprojekt der Netzwerkstelle?" … "und
			// wie lange lief das?": "das" is what the words named.
			f.Words = append(slices.Clone(spec), f.Words...)
		}
		if f.About == AboutSubjects && (f.Attribute == domain.AttrNone || f.Attribute == domain.AttrMembers || f.Attribute == domain.AttrCount) && !r.has("networks") {
			f.About = prev.About // not "Ist der Kreis selbst in einem Netzwerk?"
		}
		if f.About == AboutTwinnings && r.has("suspended") {
			f.Filters.Suspended = true // "welche davon ruhen?"
		}
		if f.About == AboutAreas && len(keep) == 1 && f.Filters.Area == "" && prev.Op == OpWhere {
			// "In welchem Kreis liegt Hille?" … "wie viele Gemeinden hat
			// der?": the Kreis the answer named.
			a := e.areaOf(keep[0].ID)
			if pl := e.base.Place(keep[0].ID); pl != nil && isArea(pl) {
				a = pl.ID // "der Kreis" was read as the Kreis already
			}
			if prev.Measure == MeasureRegion {
				a = e.regionOf(keep[0].ID) // "Which Regierungsbezirk is Olpe in?" … "how many Gemeinden lie in it?"
			}
			if a != "" {
				f.Subjects, f.Filters.Area = nil, a
			}
		}
		if f.Filters.Area == "" {
			f.Filters.Area = prev.Filters.Area
		}
		if f.Op == OpWho && f.Attribute == domain.AttrNone && (prev.Attribute == domain.AttrFounding || prev.Attribute == domain.AttrFoundingPlace) {
			f.Attribute = domain.AttrFounders // "Wo wurde X gegründet und von wem?"
		}
		if f.Op == OpWhen && f.Attribute == domain.AttrFounding && len(r.attrPos) == 0 && len(f.ids(SubjectPlace)) > 0 {
			f.Attribute = domain.AttrNone // "seit wann?" after a membership: since when it is one
		}
		if f.Filters.IsZero() && (f.Op == OpList || f.Op == OpCount || (f.Op == OpWhen && prev.About == AboutTwinnings)) {
			f.Filters = prev.Filters
		}
		if f.Op == OpCount && f.About == AboutAreas && f.Measure == MeasureNone {
			f.Measure = prev.Measure
		}
		if f.About == AboutAreas && prev.About == AboutAreas && f.Filters.Kind == "" && r.pronoun {
			f.Filters.Kind = prev.Filters.Kind // "welche Regierungsbezirke gibt es?" … "welcher davon hat die wenigsten Gemeinden?"
		}
		if prev.Attribute == domain.AttrEvent && (f.Op == OpCount || f.Op == OpWho || f.Op == OpWhere || f.Op == OpWhen) &&
			(f.Attribute == domain.AttrNone || f.Attribute == domain.AttrCount || f.Attribute == domain.AttrPeople && f.Op == OpCount) && f.Ordinal == 0 && f.Unknown == "" {
			// "how many people came?" counts guests, not the team.
			// "wie viele waren da?", "wer hat da gesprochen?" after a Tag der
			// Städtepartnerschaften: the same event, whose report says it.
			time := prev.Time
			if f.Time != WhenAny {
				time = f.Time // "und wann war der letzte?" after the next
			}
			f.Attribute, f.Ordinal, f.Time, f.Asked = domain.AttrEvent, prev.Ordinal, time, prev.Asked
			f.Filters.Year = prev.Filters.Year
			if r.has("earlier") && !r.has("next") {
				// "und der davor – wo war der?": the one before that event.
				switch y := e.latestEventYear(prev); {
				case prev.Ordinal > 1:
					f.Ordinal = prev.Ordinal - 1
				case prev.Ordinal == 0 && prev.Time == WhenLast && prev.Filters.Year == 0 && y != 0:
					f.Filters.Year, f.Filters.YearOp, f.Time = y, "before", WhenLast
				}
			}
		}
		if f.Attribute == domain.AttrNone && prev.Attribute != domain.AttrNone && (f.Op == prev.Op || f.Op == OpWho || f.Op == OpWhen) {
			f.Attribute = prev.Attribute // "und wer davor?" after the chair
		}
		return f
	}
	return f
}

// unknownPartner marks the word after "mit" in a yes-or-no question about
// one place's twinnings as the partner asked about, which the base does
// not know: "Ist Bielefeld mit Paris verpartnert?".
func (e *Engine) unknownPartner(r *reading, f *Frame) {
	if f.About != AboutTwinnings || f.Op != OpYesNo || f.count(SubjectPlace) != 1 || f.Filters.Country != "" || f.Unknown != "" {
		return
	}
	for i := range r.toks[:len(r.toks)-1] {
		if next := r.toks[i+1]; (e.lex.isCue("with", r.toks, i) || e.lex.isCue("and", r.toks, i)) && slices.Contains(f.Words, next.fold) {
			f.Unknown, f.unknownAs = next.fold, next.raw
			return
		}
	}
}

// allAbroad reports whether every place is abroad (and there is one).
func (e *Engine) allAbroad(ids []string) bool {
	for _, id := range ids {
		if pl := e.base.Place(id); pl == nil || pl.Country == "" {
			return false
		}
	}
	return len(ids) > 0
}

// changeFilters applies the filters a follow-up sets to the frame it
// continues.
func (e *Engine) changeFilters(g *Frame, f Frame, r *reading) {
	nf, fl := f.Filters, &g.Filters
	if nf.Country != "" {
		fl.Country, fl.NotCountry = nf.Country, nf.NotCountry
		if g.About == AboutSubjects && !g.has(SubjectNetwork) {
			g.About = AboutTwinnings
		}
		if abroad := func(s Subject) bool {
			pl := e.base.Place(s.ID)
			return s.Kind == SubjectPlace && pl != nil && pl.Country != "" && pl.Country != nf.Country
		}; g.About == AboutTwinnings && !nf.NotCountry && slices.ContainsFunc(g.Subjects, abroad) && g.count(SubjectPlace) > 1 {
			// "Is Bochum twinned with Donetsk?" … "and with a Japanese
			// city?": the other country takes the partner's place.
			g.Subjects = slices.DeleteFunc(slices.Clone(g.Subjects), abroad)
		}
	}
	switch {
	case nf.Year != 0:
		fl.Year, fl.YearOp, fl.YearTo = nf.Year, nf.YearOp, nf.YearTo
	case fl.Year != 0 && fl.YearOp == "" && g.Attribute != domain.AttrChair && g.Attribute != domain.AttrSpeakers && g.Attribute != domain.AttrEvent && r.has("later", "earlier"):
		// "Wer kam 2019 dazu?" … "wer kam danach noch dazu?": after 2019.
		if r.has("later") {
			fl.Year, fl.YearOp = fl.Year+1, "after" // from the year after on
		} else {
			fl.YearOp = "before"
		}
	}
	if nf.State != "" {
		fl.State, fl.NotState = nf.State, nf.NotState
		fl.Area = "" // a Bundesland replaces a Kreis
		if g.has(SubjectNetwork) && g.Op == OpCount {
			g.Words = nil // "… bundesweit?" … "und davon in NRW?": the scope changes, the figure asked stays
		}
	}
	if nf.Area != "" {
		fl.Area = nf.Area
	}
	if nf.Kreisfrei != "" {
		fl.Kreisfrei = nf.Kreisfrei
	}
	switch {
	case nf.Kind != "":
		fl.Kind = nf.Kind
	case g.About == AboutAreas && r.has("region-words"):
		fl.Kind = "Regierungsbezirk" // "Wie viele Kreise hat NRW?" … "und Regierungsbezirke?"
	case g.About == AboutAreas && r.has("district-words"):
		fl.Kind = "Kreis"
	}
	// "Who founded RegioPole?" … "and who joined in 2019?": a year of
	// joining asks for those who came then, not the founders.
	fl.Founders = fl.Founders && !(nf.Year != 0 && r.has("new")) || nf.Founders
	fl.Former = fl.Former || nf.Former
	fl.Suspended = fl.Suspended || nf.Suspended || g.About == AboutTwinnings && r.has("suspended") // "welche davon ruhen?"
	if f.Ordinal != 0 {
		g.Ordinal = f.Ordinal // "und der fünfte?"
	}
	switch {
	case f.Time == WhenNext && g.Ordinal > 0 && f.Ordinal == 0 && g.Attribute == domain.AttrEvent:
		g.Ordinal++ // "Wo war der 4. Tag?" … "und der nächste (danach)?": the 5.
	case f.Time != WhenAny && f.Time != g.Time && g.Attribute == domain.AttrEvent:
		g.Time, g.Ordinal = f.Time, f.Ordinal // "Wann ist der nächste Tag?" … "und wann war der letzte?"
	}
	if f.Negate {
		g.Negate = true
	}
}

// areaNamed is the area of the same kind as the area like, named after the
// place: the Regierungsbezirk Münster for Münster after a Regierungsbezirk,
// the Kreis Olpe for Olpe after a Kreis; "" if there is none.
// kindNamed is the area of the kind named after the place: the
// Regierungsbezirk Münster for Münster; "" if there is none.
func (e *Engine) kindNamed(pl *domain.Place, kind string) string {
	for i := range e.base.Places {
		a := &e.base.Places[i]
		if a.Kind == kind && a.ID != pl.ID && (a.Name == pl.Name || strings.HasSuffix(a.Name, " "+pl.Name)) {
			return a.ID
		}
	}
	return ""
}

func (e *Engine) areaNamed(pl *domain.Place, like string) string {
	prev := e.base.Place(like)
	if prev == nil {
		return ""
	}
	return e.kindNamed(pl, prev.Kind)
}

// whoElse turns "wer noch?" into the list the question before implies,
// without the places it named: after "Ist Bielefeld Engagierte Stadt?",
// the other members.
func (e *Engine) whoElse(g, prev Frame) Frame {
	places := prev.places()
	if len(places) == 0 && g.count(SubjectNetwork) > 0 && g.Filters.State == prev.Filters.State && g.Filters.NotState == prev.Filters.NotState &&
		g.Filters.Area == prev.Filters.Area && g.Filters.NotArea == prev.Filters.NotArea {
		// "Welche Gründungsmitglieder liegen in NRW?" … "und die
		// anderen?", "who else?": those outside where the list was.
		switch {
		case g.Filters.State != "":
			g.Filters.NotState = !g.Filters.NotState
		case g.Filters.Area != "":
			g.Filters.NotArea = !g.Filters.NotArea
		}
		return g
	}
	if len(places) == 0 {
		return g
	}
	if prev.About == AboutTwinnings && len(places) == 2 && !g.has(SubjectNetwork) {
		// "Ist Dortmund mit Leeds verpartnert?" … "wer noch aus NRW?": the
		// other partners of the place abroad.
		for i, p := range places {
			if pl := e.base.Place(p); pl != nil && pl.Country != "" {
				other := places[1-i]
				g.Subjects = []Subject{{Kind: SubjectPlace, ID: p}}
				g.Op, g.YesNo = OpList, false
				if !slices.Contains(g.Filters.Except, other) {
					g.Filters.Except = append(g.Filters.Except, other)
				}
				return g
			}
		}
	}
	if g.has(SubjectNetwork) {
		g.Subjects = slices.DeleteFunc(g.Subjects, func(s Subject) bool { return s.Kind == SubjectPlace })
		g.Op, g.Attribute = OpList, domain.AttrMembers
	}
	for _, p := range places {
		if !slices.Contains(g.Filters.Except, p) {
			g.Filters.Except = append(g.Filters.Except, p)
		}
	}
	return g
}

// otherOffice drops from a follow-up's words the office the question
// before asked for where the follow-up asks for another ("Wer ist
// Kuratoriumsvorsitzender der Auslandsgesellschaft?" … "und wer ist
// Präsident?"): the organisation stays, the office changes.
func (e *Engine) otherOffice(ws, before []string) []string {
	office := func(w string) bool { return e.lex.isCue("office", []tok{{fold: w, term: words.Stem(w)}}, 0) }
	if !slices.ContainsFunc(ws, func(w string) bool { return office(w) && !slices.Contains(before, w) }) {
		return ws
	}
	return slices.DeleteFunc(slices.Clone(ws), func(w string) bool { return office(w) && slices.Contains(before, w) })
}

// togetherWith reads "Welche Kommunen sind zusammen mit Wuppertal dem
// Kommunen-Netzwerk beigetreten?": the network's members who joined in the
// year the place did, the place left out.
func (e *Engine) togetherWith(f Frame, r *reading) (Frame, bool) {
	places, nets := f.places(), f.networks()
	if len(nets) == 0 && len(places) == 1 {
		// "Welche Kommunen sind zusammen mit Wuppertal beigetreten?": the
		// one network it belongs to.
		for _, m := range e.base.MembershipsOf(places[0]) {
			if m.Until.IsZero() && !m.Since.IsZero() {
				nets = append(nets, m.Network)
			}
		}
	}
	if !r.has("together") || !r.has("join", "new", "member-who", "members", "came-in") || len(places) != 1 || len(nets) != 1 || f.Unknown != "" {
		return f, false
	}
	year := e.joinYear(places[0], nets[0])
	if year == 0 {
		return f, false
	}
	g := Frame{Op: OpList, Attribute: domain.AttrMembers, Subjects: []Subject{{Kind: SubjectNetwork, ID: nets[0]}}, English: f.English}
	g.Filters.Year, g.Filters.Except = year, []string{places[0]}
	return g, true
}

// unknownNetwork reads "Wie viele Kommunen sind im Netzwerk Kinderfreundliche
// Kommunen?", "Welche Kommunen sind im Netzwerk Innenstadt NRW?": "Netzwerk"
// followed by a name no statement of the base has is a network the base
// does not know. The question is about that unknown, not about a network
// whose name shares "Kommunen", "Netzwerk" or "NRW" with it.
func (e *Engine) unknownNetwork(f *Frame, r *reading) {
	if f.Unknown != "" {
		return
	}
	for i := 0; i+1 < len(r.toks); i++ {
		if !e.lex.isCue("network-name", r.toks, i) || slices.ContainsFunc(r.mentions, func(m names.Mention) bool {
			return slices.Contains(m.Positions, i) && m.Positions[len(m.Positions)-1]-m.Positions[0] == len(m.Positions)-1
		}) {
			continue // "Kommunen-Netzwerk", a name of the base in a row, not one pieced together around it
		}
		// The name after it, within three words ("Netzwerk Kommunen für
		// Nachhaltigkeit", "netzwerk der fairtrade-towns"): the first word
		// that no statement, name, word of the lexicon or ordinary word
		// ("network has") is; written in any case, so "netzwerk" reads as
		// "Netzwerk" does.
		at := -1
		for j := i + 1; j < len(r.toks) && j <= i+3 && r.toks[j].clause == r.toks[i].clause; j++ {
			t := r.toks[j]
			if t.num < 0 && utf8.RuneCountInString(t.fold) > 3 && !r.nameAt(j) && !e.lex.vocab[t.fold] && !e.lex.fillers[t.fold] && !e.lex.ordinary(t.fold) &&
				!e.statementWord[t.fold] && !e.statementWord[t.term] && len(e.refsOf(t.fold)) == 0 {
				at = j
				break
			}
		}
		if at < 0 {
			continue
		}
		t := r.toks[at]
		f.Unknown, f.unknownAs = t.fold, t.raw
		if !slices.Contains(f.Words, t.fold) {
			f.Words = append(f.Words, t.fold)
		}
		// The networks named by words at or after "Netzwerk" are that
		// name's words, not a network of the base.
		var drop []string
		for _, m := range r.mentions {
			if m.Kind == names.Network && slices.ContainsFunc(m.Positions, func(p int) bool { return p >= i }) {
				drop = append(drop, m.ID)
			}
		}
		f.Subjects = slices.DeleteFunc(f.Subjects, func(s Subject) bool { return s.Kind == SubjectNetwork && slices.Contains(drop, s.ID) })
		return
	}
}
