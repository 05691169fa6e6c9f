package answer

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/words"
)

// errNoStatement is statesSpecific's answer where no statement has all
// the specific words: the kind answers from the base's structure.
var errNoStatement = errors.New("answer: no statement has the words")

// rareStatements is how many of the networks' statements may share an
// ordinary word for it to pick them out: an ordinary word in more of them
// ("Kommunen", "Titel") is the base's common vocabulary.
const rareStatements = 4

// specificWords are the question's content words that pick out statements:
// words the networks' statements use, and of those the ones that no more
// than rareStatements statements share, or that are no ordinary word
// ("RGRE", "Städtetag", "ausgetreten"). A structured answer (a member list,
// a count of twinnings) has no place for such a word; a statement that has
// them all answers what was asked ("Wie viele Partnerschaften listet der
// RGRE?"). The words come from the frame and the statements' vocabulary,
// so the match stays a function of the frame and the base.
func (e *Engine) specificWords(f Frame) []string {
	var out []string
	for _, w := range f.Words {
		// The source asked for says who states it, not what; in a ranking
		// ("laut RGRE die meisten") the ranking answers, with its figures.
		if utf8.RuneCountInString(w) < 4 || e.lex.fillers[w] || w == f.From && f.Most != DirNone {
			continue
		}
		// An ordinary word counts when it is rare and long: "ausgetreten",
		// not "aller".
		df, long := len(e.refsOf(w)), utf8.RuneCountInString(w) >= 7
		if df > 0 && (df <= rareStatements && long || !e.lex.ordinary(w)) {
			out = append(out, w)
		}
	}
	// The words of a title few statements name are specific though each
	// is common: „Europa bei uns zuhause“ (rareWords counts it once).
	for _, title := range e.rareTitles(f) {
		out = appendTitleWords(out, title)
	}
	// A rare word that named the attribute is specific too: "Reallabor"
	// asks for an event, and for that one.
	for _, w := range f.Asked {
		if f.Attribute == domain.AttrWebsite {
			break // "the 'Who is who' on the website": the page it is on, not what
		}
		if df := len(e.refsOf(w)); df > 0 && df <= rareStatements && utf8.RuneCountInString(w) >= 7 && !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// refsOf are the statements that have the word, as typed or stemmed.
func (e *Engine) refsOf(w string) []domain.FactRef {
	refs := e.statementRefs()
	if rs := refs[w]; len(rs) > 0 {
		return rs
	}
	for _, fem := range []string{w + "in", w + "innen"} {
		// "Botschafter" (ambassador) where the statement says
		// "Botschafterin": the same office.
		if rs := refs[fem]; len(rs) > 0 && utf8.RuneCountInString(w) >= 6 {
			return rs
		}
	}
	if rs := refs[words.Stem(w)]; len(rs) > 0 || utf8.RuneCountInString(w) < 8 || strings.HasSuffix(w, "s") || !e.beginsStatementWord(w) {
		return rs
	}
	// "Kuratorium": the statements say it only as the first part of a
	// compound ("Kuratoriumsvorsitzenden"); those statements have it. Not
	// a word that is itself a compound's first part ("Auslands-").
	var out []domain.FactRef
	ws := e.statementSorted()
	for i, _ := slices.BinarySearch(ws, w); i < len(ws) && strings.HasPrefix(ws[i], w); i++ {
		for _, r := range refs[ws[i]] {
			if !slices.Contains(out, r) {
				out = append(out, r)
			}
		}
	}
	return out
}

// officesIn are the words of ws that name an office (the lexicon's
// office cue: "präsident", "geschäftsführer").
func (e *Engine) officesIn(ws []string) []string {
	var out []string
	for _, w := range ws {
		if toks := tokenize(w); len(toks) == 1 && e.lex.isCue("office", toks, 0) {
			out = append(out, w)
		}
	}
	return out
}

// carrierOffice answers who holds an office of a carrier ("Wer ist
// Präsident vom Träger?"): a statement in the same network that has the
// office and a name the carrier answer led with (the "Auslandsgesellschaft"
// of "Träger der Netzwerkstelle ist die Auslandsgesellschaft.de e.V."), and
// names a person. Not ok where the question names no office.
func (e *Engine) carrierOffice(ctx context.Context, f Frame, carrier domain.Answer) (domain.Answer, bool) {
	office := e.officesIn(f.Words)
	if len(office) == 0 || len(f.networks()) != 1 {
		return domain.Answer{}, false
	}
	own := e.base.Network(f.networks()[0])
	if own == nil {
		return domain.Answer{}, false
	}
	for _, t := range tokenize(carrier.Lead) {
		if !t.upper || utf8.RuneCountInString(t.fold) < 6 || e.lex.ordinary(t.fold) || strings.Contains(strings.ToLower(own.Name), t.lower) {
			continue
		}
		hits, err := e.statements(ctx, append(slices.Clone(office), t.fold), own.ID)
		if err != nil {
			return domain.Answer{}, false
		}
		for _, h := range hits {
			if x := e.fact(h.Ref, f.English); h.Matched == h.Total && e.personIn(x.Text, nil) != "" {
				a := domain.Answer{Found: true, Kind: domain.KindFacts, Title: own.Name, English: f.English, Hits: []domain.Hit{networkHit(own)}}
				leadWith(&a, x)
				return a, true
			}
		}
	}
	return domain.Answer{}, false
}

// stronglyStated reports whether the question has two or more words that
// only a few statements share (rareStatements): "welche Botschafterin war
// bei der Online-Veranstaltung zugeschaltet?". Such words are what a
// statement says and no list, count or overview has a place for, so even a
// kind that answers from the base's structure gives way to the statement
// that has them (statesSpecific). Not where the question also has an
// ordinary word no statement has: that word is what it asks, and the
// statement does not say it ("Who replaced Jochen Beuckers?").
func (e *Engine) stronglyStated(f Frame) bool {
	if f.Op == OpHelp || f.Op == OpChatter || f.Ordinal > 0 {
		return false // "der erste Fachaustausch": the numbered event's own kind
	}
	return e.rareWords(f) >= 2 && !e.asksUnstated(f)
}

// rareWords counts the question's specific words that only a few
// statements share (rareStatements).
func (e *Engine) rareWords(f Frame) int {
	n, inTitle := 0, map[string]bool{}
	for _, title := range e.rareTitles(f) {
		// A title the statements quote is one word: „Europa bei uns
		// zuhause“ is rare as a whole where few statements name it, though
		// "Europa" is not, and its words then count no more.
		n++
		for _, w := range title {
			inTitle[w] = true
		}
	}
	for _, w := range e.specificWords(f) {
		if df := len(e.refsOf(w)); df > 0 && df <= rareStatements && !inTitle[w] {
			n++
			if strings.Contains(w, "_") {
				n++ // „Who is who“: a whole title, as telling as two rare words
			}
		}
	}
	return n
}

// titlesOf are the quoted titles of the statements all of whose words
// are among the question's, where it names no network: a competition or
// programme only statements tell of.
func (e *Engine) titlesOf(f Frame) [][]string {
	if f.has(SubjectNetwork) {
		return nil // „Gemeinsame Erklärung“ of a network named: the network's structure answers
	}
	ws := f.Words
	var out [][]string
	for _, w := range ws {
		for _, title := range e.titles[w] {
			if !slices.ContainsFunc(title, func(t string) bool { return !slices.Contains(ws, t) && utf8.RuneCountInString(t) > 3 }) &&
				!slices.ContainsFunc(title, func(t string) bool { df := len(e.refsOf(t)); return df > 0 && df <= rareStatements }) {
				out = append(out, title) // not „Reallabor Kommunaler …“: its own rare words find it
			}
		}
	}
	return out
}

// rareTitles are the titles of titlesOf that at most twice
// rareStatements statements name whole: rare as one word.
func (e *Engine) rareTitles(f Frame) [][]string {
	var out [][]string
	for _, title := range e.titlesOf(f) {
		if df := len(e.refsOfAll(title)); df > 0 && df <= 2*rareStatements {
			out = append(out, title)
		}
	}
	return out
}

// appendTitleWords adds a title's words to ws, but its short ones ("bei",
// "uns"), which no question is read by.
func appendTitleWords(ws, title []string) []string {
	for _, w := range title {
		if utf8.RuneCountInString(w) > 3 && !slices.Contains(ws, w) {
			ws = append(ws, w)
		}
	}
	return ws
}

// refsOfAll are the statements that have all the words.
func (e *Engine) refsOfAll(ws []string) []domain.FactRef {
	var out []domain.FactRef
	for i, w := range ws {
		if utf8.RuneCountInString(w) <= 3 {
			continue // "bei", "uns": not read as words of the question
		}
		rs := e.refsOf(w)
		if i == 0 || out == nil {
			out = slices.Clone(rs)
			continue
		}
		out = slices.DeleteFunc(out, func(r domain.FactRef) bool { return !slices.Contains(rs, r) })
	}
	return out
}

// asksUnstated reports whether the question has an ordinary word no
// statement has: that word is what it asks, and no statement says it
// ("Who replaced Jochen Beuckers?").
func (e *Engine) asksUnstated(f Frame) bool {
	for _, w := range f.Words {
		if _, syn := e.lex.synonyms[w]; len(e.refsOf(w)) == 0 && !syn && e.lex.ordinary(w) && utf8.RuneCountInString(w) >= 5 {
			return true
		}
	}
	return false
}

// refsOfForm are the statements that have the word in any form: as typed
// or in its stem. A word is rare by the form typed ("Deutscher", as in
// one statement), but a statement may decline it ("der Deutsche
// Städtetag").
func (e *Engine) refsOfForm(w string) []domain.FactRef {
	refs := e.statementRefs()
	exact, stem := refs[w], refs[words.Stem(w)]
	if len(exact) == 0 && len(stem) == 0 {
		return e.refsOf(w) // "Kuratorium": the first part of a compound
	}
	if len(stem) == 0 || words.Stem(w) == w {
		return exact
	}
	out := slices.Clone(exact)
	for _, r := range stem {
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}

// statesSpecific answers from the statements that have the question's
// specific words (of three or more, all but one) and say what its
// subjects, year and country narrow it to:
// "Wie viele deutsch-ukrainische Partnerschaften zählt der Städtetag?"
// quotes the Städtetag's figure rather than counting the base's twinnings.
// Where none has them all, the kind answers as it would without.
func (e *Engine) statesSpecific(_ context.Context, f Frame) (domain.Answer, error) {
	spec := e.specificWords(f)
	if f.Unknown != "" && !slices.Contains(spec, f.Unknown) {
		return domain.Answer{}, errNoStatement // "Partnerstädte von Kleinkleckersdorf am Rhein": nothing known of it
	}
	// The rare words must all be there ("RGRE"); a word more statements
	// share ("bundesweit") only ranks them, unless no word is rare.
	need := slices.DeleteFunc(slices.Clone(spec), func(w string) bool { return len(e.refsOf(w)) > rareStatements })
	for _, title := range e.rareTitles(f) {
		need = appendTitleWords(need, title) // a title few statements name is needed whole (rareWords)
	}
	if len(need) == 0 {
		need = spec
	}
	// Of three or more rare words one may miss: the question's own verb
	// ("erhalten") need not be the statement's.
	has := map[domain.FactRef]int{}
	for _, w := range need {
		for _, r := range e.refsOfForm(w) {
			has[r]++
		}
	}
	enough := len(need)
	if enough >= 3 {
		enough--
	}
	var refs []domain.FactRef
	for _, w := range need {
		for _, r := range e.refsOfForm(w) {
			if has[r] >= enough && !slices.Contains(refs, r) {
				refs = append(refs, r)
			}
		}
	}
	ws := append(append([]string(nil), f.Words...), f.Asked...)
	type scored struct {
		hit   domain.FactHit
		score int
	}
	var good []scored
	for _, r := range refs {
		text := e.fact(r, false).Text
		if !e.statedFor(r, text, f) || f.Ordinal > 0 && !namesNumber(text, f.Ordinal) && namesOtherNumber(text, f.Ordinal) {
			continue // "die 3. Austauschveranstaltung": not the 1.
		}
		score := 2*e.countWords(text, ws) + 2*has[r]
		if (f.Op == OpList || f.Op == OpWho) && len(e.factPlaces[r]) > 1 || f.Op == OpCount && len(e.factPlaces[r]) >= minNamedCount {
			score++ // "Wer war in der ersten EWS?", "Wie viele waren es?": the statement that names them
		}
		if n := max(f.Number, f.Ordinal); n > 0 && namesNumber(text, n) {
			score += 4 // "die EWS 3", "die erste EWS": the statement that numbers it
		}
		if (f.Attribute == domain.AttrRole || f.Op == OpWho && f.Attribute == domain.AttrNone) && e.officeNear(text, spec) {
			score += 3 // "Tessa Flatten's job?", "Wer ist Tessa Flatten?": the statement with her office
		}
		if y := f.Filters.Year; y != 0 && f.Op != OpCount && f.Filters.YearOp == "" && firstYear(text) == y {
			score += 2 // "Bewerbungsschluss 2021": the statement about 2021, not the one that ends there
		}
		if f.Period && e.statesSpan(text) {
			score += 3 // "how often …?": the statement with a frequency
		}
		if f.From != "" {
			score += 3 * e.fromSource(e.fact(r, false), f) // "laut Landtag"
		}
		if (f.Op == OpCount || f.Op == OpWhen) && strings.ContainsAny(text, "0123456789") {
			score++ // "Wie viele …?", "Wann …?": one that gives a figure or a date
		}
		if f.Op == OpCount && e.countsWord(text, spec) {
			score += 2 // "Wie viele Regiopolen …?": the one with "33 Regiopolen"
		}
		good = append(good, scored{domain.FactHit{Ref: r, Matched: len(spec), Total: len(ws)}, score})
	}
	if len(good) == 0 {
		return domain.Answer{}, errNoStatement
	}
	slices.SortStableFunc(good, func(a, b scored) int {
		if a.score == b.score && f.Latest {
			// "inzwischen": the newest of those that answer alike
			return dateKey(e.fact(b.hit.Ref, false).Stand) - dateKey(e.fact(a.hit.Ref, false).Stand)
		}
		return b.score - a.score
	})
	hits := make([]domain.FactHit, 0, 3)
	for _, g := range good[:min(len(good), 3)] {
		hits = append(hits, g.hit)
	}
	return e.shortFacts(hits, f), nil
}

// firstYear is the first year a text names, 0 for none: what a
// statement is about where it names several.
func firstYear(text string) int {
	if m := yearRE.FindString(text); m != "" {
		y, _ := strconv.Atoi(m)
		return y
	}
	return 0
}

// statedFor reports whether a statement says what the frame narrows the
// question to: one of its networks or places, its year, its country.
func (e *Engine) statedFor(r domain.FactRef, text string, f Frame) bool {
	if nets := f.networks(); len(nets) > 0 && !slices.Contains(nets, r.Network) {
		return false
	}
	if pls := f.places(); len(pls) > 0 && !anyIn(e.factPlaces[r], pls) {
		return false
	}
	if f.Filters.Year != 0 && f.Filters.YearOp == "" && !e.hasWord(text, strconv.Itoa(f.Filters.Year)) &&
		int(e.fact(r, false).Stand.Year) != f.Filters.Year {
		return false // neither says the year nor was true then ("hatten 2014")
	}
	if f.Filters.Year != 0 && f.Filters.YearOp == "after" && int(e.fact(r, false).Stand.Year) < f.Filters.Year && !e.saysYearFrom(text, f.Filters.Year) {
		return false // "since 2024": a statement of 2021 that names no later year
	}
	if c := f.Filters.Country; c != "" && slices.Contains(e.countryFacts[c], r) == f.Filters.NotCountry {
		return false
	}
	return true
}

// officeNear reports whether a text gives a person named by one of the
// words an office (the lexicon's "office" cue): before the name with only
// names and small words between ("Staatssekretärin für Sport und Ehrenamt
// Andrea Milz", "Kuratoriumsvorsitzenden Staatsminister a. D. Wolfram
// Kuschke"), right after it ("Max Schemme (Referent)", "Kai Pfundheller,
// dem Leiter"), or after "ist" ("Tessa Flatten ist seit 2020
// Prorektorin"). An office further off is someone else's ("Wolfram
// Kuschke führte ein, Botschafterin Anka Feldhusen …").
func (e *Engine) officeNear(text string, ws []string) bool {
	toks := e.tokensOf(text)
	office := func(j int) bool { return j >= 0 && j < len(toks) && e.lex.isCue("office", toks, j) }
	// Between an office and the name stand names and small words
	// ("für Sport und Ehrenamt"), no sentence's end.
	small := func(j int) bool { return toks[j].upper || utf8.RuneCountInString(toks[j].fold) <= 3 }
	for i, t := range toks {
		if !slices.Contains(ws, t.fold) && !slices.Contains(ws, t.term) {
			continue
		}
		for j := i - 1; j >= 0 && j >= i-6; j-- { // "a. D." ends no clause here
			if office(j) {
				return true
			}
			if !small(j) || toks[j].clause != toks[j+1].clause && utf8.RuneCountInString(toks[j].fold) > 3 {
				break // "Es sprach die Leiterin. Kai Pfundheller …"
			}
		}
		k := i + 1
		for k < len(toks) && slices.Contains(ws, toks[k].fold) {
			k++ // past the rest of the name
		}
		if office(k) || k+1 < len(toks) && utf8.RuneCountInString(toks[k].fold) <= 3 && !e.lex.isCue("and", toks, k) && office(k+1) {
			return true
		}
		if k < len(toks) && (toks[k].fold == "ist" || toks[k].fold == "is" || toks[k].fold == "war" || toks[k].fold == "was") {
			for j := k + 1; j < len(toks) && j <= k+8 && toks[j].clause == t.clause; j++ {
				if office(j) {
					return true
				}
			}
		}
	}
	return false
}

// saysYearFrom reports whether a text names a year from y on.
func (e *Engine) saysYearFrom(text string, y int) bool {
	for _, t := range e.tokensOf(text) {
		if t.num >= y && t.num < 2100 {
			return true
		}
	}
	return false
}

// countsWord reports whether a text gives a figure right before one of the
// words: "33 Regiopolen".
func (e *Engine) countsWord(text string, ws []string) bool {
	toks := e.tokensOf(text)
	for i := 1; i < len(toks); i++ {
		if toks[i-1].num >= 0 && (slices.Contains(ws, toks[i].fold) || slices.Contains(ws, toks[i].term)) {
			return true
		}
	}
	return false
}

// countsWords reports whether a text gives a figure of one of the words:
// a number, in digits or words, at most two words before a word that
// begins with one of them ("drei Mitarbeitende", "10 hauptamtliche
// Mitarbeiter"). countsWord above ranks statements by the stricter test;
// this one decides whether a count of people is answered at all.
func (e *Engine) countsWords(text string, ws []string) bool {
	return e.figureBefore(text, func(fold string) bool {
		return slices.ContainsFunc(ws, func(w string) bool { return strings.HasPrefix(fold, w) })
	})
}

// countsExactly is countsWords with whole words: a figure before one of
// ws as written ("zehn Mitglieder", not "46 Mitgliedsstaaten").
func (e *Engine) countsExactly(text string, ws []string) bool {
	return e.figureBefore(text, func(fold string) bool { return slices.Contains(ws, fold) })
}

// figureBefore reports whether a number, in digits or words, stands at
// most two words before a word that is counted.
func (e *Engine) figureBefore(text string, counted func(fold string) bool) bool {
	toks := e.tokensOf(text)
	for i, t := range toks {
		if max(t.num, e.lex.numbers[t.fold]) <= 0 {
			continue
		}
		for j := i + 1; j < len(toks) && j <= i+3; j++ {
			if counted(toks[j].fold) {
				return true
			}
		}
	}
	return false
}
