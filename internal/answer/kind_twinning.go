package answer

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/engagiert/engagiert/internal/domain"
)

// Town twinnings: the partners of a place, a place's partner in a country,
// the NRW places twinned with a city or a country, since when, and the
// statewide figures. The base's list is partial: answers say for which
// places it is complete and point to the RGRE database for the rest.

// rgre is where all German town twinnings are listed (RGRE, Deutsche Sektion).
var rgre = domain.Link{Title: "RGRE-Datenbank der Städtepartnerschaften", URL: "https://www.rgre.de/partnerschaft/datenbank/"}

// twinWord matches the words that ask about town twinnings.
var twinWord = regexp.MustCompile(`(?i)(partnerst[aä]dt|st[aä]dtepartner|partnerschaft|partnergemeinde|partnerkommune|partnerkreis|` +
	`partnerregion|verpartnert|verschwistert|schwesterst|twin|sister cit|sister town|partner|städtefreundschaft|freundschaft|patenschaft|verbunden|befreundet)`)

// countryNames are the countries people name, German first; the base's own
// spelling (Partnership.Country) is matched against each group.
var countryNames = [][]string{
	{"Frankreich", "france", "französisch", "französische", "französischen", "französischer"},
	{"Polen", "poland", "polnisch", "polnische", "polnischen", "polnischer"},
	{"Vereinigtes Königreich", "vereinigten königreich", "großbritannien", "united kingdom", "england", "uk", "britain", "great britain", "britisch", "britische", "britischen", "englische", "englischen", "schottland", "wales"},
	{"Niederlande", "niederlanden", "holland", "netherlands", "niederländisch", "niederländische", "niederländischen"},
	{"Belgien", "belgium", "belgisch", "belgische", "belgischen"},
	{"Italien", "italy", "italienisch", "italienische", "italienischen"},
	{"Spanien", "spain", "spanisch", "spanische", "spanischen"},
	{"USA", "vereinigte staaten", "vereinigten staaten", "united states", "amerika", "america", "amerikanisch", "amerikanische", "amerikanischen"},
	{"Russland", "russia", "russisch", "russische", "russischen"},
	{"Ukraine", "ukrainisch", "ukrainische", "ukrainischen"},
	{"Türkei", "türkiye", "turkey", "türkisch", "türkische", "türkischen"},
	{"Israel", "israelisch", "israelische", "israelischen"},
	{"China", "chinesisch", "chinesische", "chinesischen"},
	{"Ungarn", "hungary", "ungarisch", "ungarische", "ungarischen"},
	{"Litauen", "lithuania", "litauisch", "litauische", "litauischen"},
	{"Österreich", "austria", "österreichisch", "österreichische", "österreichischen"},
	{"Finnland", "finland", "finnisch", "finnische", "finnischen"},
	{"Serbien", "serbia", "serbisch", "serbische", "serbischen"},
	{"Tschechien", "czechia", "czech republic", "tschechisch", "tschechische", "tschechischen"},
	{"Griechenland", "greece", "griechisch", "griechische", "griechischen"},
	{"Portugal", "portugiesisch", "portugiesische", "portugiesischen"},
	{"Nicaragua"}, {"Tunesien", "tunisia"}, {"Ghana"}, {"Südafrika", "south africa"}, {"Albanien", "albania"},
	{"Japan", "japanisch", "japanische", "japanischen"}, {"Schweden", "sweden", "schwedisch", "schwedische", "schwedischen"},
	{"Dänemark", "denmark", "dänisch", "dänische", "dänischen"}, {"Norwegen", "norway"}, {"Irland", "ireland", "irisch", "irische", "irischen"},
	{"Deutschland", "germany", "innerdeutsch", "innerdeutsche", "innerdeutschen"},
}

// countryIndex maps folded country words (and phrases of up to three
// words) to the base's spelling. A map look-up per word: a regexp per
// country name would cost more than the rest of the answer.
type countryIndex map[string]string

func newCountryIndex(base *domain.Base) countryIndex {
	inBase := map[string]string{}
	for _, p := range base.Partnerships {
		if p.Country != "" {
			inBase[fold(p.Country)] = p.Country
		}
	}
	for _, pl := range base.Places {
		if pl.Country != "" {
			inBase[fold(pl.Country)] = pl.Country
		}
	}
	ci := countryIndex{}
	for _, group := range countryNames {
		canonical := group[0]
		for _, w := range group {
			if c, ok := inBase[fold(w)]; ok {
				canonical = c
			}
		}
		for _, w := range append(group, canonical) {
			ci[strings.Join(words(w), " ")] = canonical
		}
	}
	return ci
}

// words splits text into folded words.
func words(s string) []string {
	return strings.FieldsFunc(fold(s), func(r rune) bool { return !unicode.IsLetter(r) })
}

// find returns the country a question names, or "".
func (ci countryIndex) find(q string) string {
	ws := words(q)
	for i := range ws {
		for n := min(3, len(ws)-i); n >= 1; n-- {
			if c, ok := ci[strings.Join(ws[i:i+n], " ")]; ok {
				return c
			}
		}
	}
	return ""
}

// twinnings answers about the partners of the places a question names:
// all of them, those in a country ("Hat X eine Partnerstadt in Polen?"), or
// the twinning of two named places ("Seit wann ist Aachen mit Reims
// verpartnert?").
func (e *Engine) twinnings(_ context.Context, q *question) (domain.Answer, error) {
	places := q.places()
	country := q.f.Filters.Country
	if len(places) >= 2 {
		return e.twinningPair(places[0], places[1], q), nil
	}
	pl := e.base.Place(places[0])
	var ps []domain.Partnership
	status := q.p.twinStatus
	for _, p := range e.base.PartnershipsOf(pl.ID) {
		other := e.base.Place(otherSide(p, pl.ID))
		if other == nil || (country != "" && countryOf(p, other, pl.ID) != country) || (status && p.Status == "") {
			continue
		}
		ps = append(ps, p)
	}
	sortPartnerships(ps)
	if m := q.p.most; len(ps) > 1 && (m == "oldest" || m == "newest") {
		// "Welche Partnerschaft von Münster ist die neueste?"
		var dated []domain.Partnership
		for _, p := range ps {
			if !p.Since.IsZero() {
				dated = append(dated, p)
			}
		}
		if len(dated) > 0 {
			if m == "oldest" {
				ps = dated[:1]
			} else {
				ps = dated[len(dated)-1:]
			}
		}
	}
	a := domain.Answer{Found: true, Kind: domain.KindMembers, Title: "Städtepartnerschaften: " + pl.Name, English: q.f.English}
	a.Hits = []domain.Hit{{ID: "place:" + pl.ID, Title: pl.Name}}
	abroad := pl.Country != ""
	if abroad {
		a.Title = "Partner in NRW: " + pl.Name
	}
	l := domain.List{Title: "Partner", Partial: !pl.PartnersComplete && !abroad}
	for _, p := range ps {
		other := asAsked(e.base.Place(otherSide(p, pl.ID)), q.p.question)
		l.Items = append(l.Items, domain.ListItem{Name: other.Name, Detail: partnershipDetail(p, other, pl.ID), Source: e.base.Source(p.Source)})
	}
	in := ""
	if country != "" {
		in = " " + inCountry(country)
	}
	if status {
		in += map[bool]string{false: " (ruhend oder ausgesetzt)", true: " (suspended)"}[q.f.English]
	}
	var placeFacts []domain.AnswerFact
	for _, f := range pl.Facts {
		if twinWord.MatchString(f.Text) {
			placeFacts = append(placeFacts, domain.AnswerFact{Text: f.Text, Stand: f.Stand, Source: e.base.Source(f.Source)})
		}
	}
	switch {
	case len(ps) == 0 && len(placeFacts) > 0:
		// "Hat Hattingen eine Partnerstadt?": what the sources say of it.
		leadWith(&a, placeFacts[0])
		a.Facts = placeFacts[1:]
	case len(ps) == 0 && status:
		a.Lead = fmt.Sprintf("Eine ruhende oder ausgesetzte Städtepartnerschaft von %s führt meine Wissensbasis nicht.", pl.Name)
	case len(ps) == 0 && q.f.Op == OpYesNo:
		a.Lead = fmt.Sprintf("Eine Partnerstadt von %s%s führt meine Wissensbasis nicht.", pl.Name, in)
		a.Found = false
	case len(ps) == 0:
		a.Lead = fmt.Sprintf("Zu Städtepartnerschaften von %s%s nennen meine Quellen nichts.", pl.Name, in)
		a.Found = false
	case abroad && !q.f.English:
		a.Lead = fmt.Sprintf("Mit %s (%s) %s in meiner Wissensbasis %d NRW-%s verbunden:", pl.Name, pl.Country,
			plural(len(ps), "ist", "sind"), len(ps), plural(len(ps), "Kommune", "Kommunen"))
		a.Title = "Partner in NRW: " + pl.Name
	case q.f.Op == OpYesNo:
		names := make([]string, len(l.Items))
		for i, it := range l.Items {
			names[i] = it.Name
		}
		a.Lead = fmt.Sprintf("Ja, %s hat eine Partnerstadt%s: %s.", pl.Name, in, joinAnd(names))
		if q.f.English {
			a.Lead = fmt.Sprintf("Yes, %s is twinned with %s.", pl.Name, joinAnd(names))
		}
	case status:
		a.Lead = fmt.Sprintf("%s: %d %s%s:", pl.Name, len(ps), plural(len(ps), "Städtepartnerschaft", "Städtepartnerschaften"), in)
	case q.f.English && abroad:
		a.Lead = fmt.Sprintf("%s (%s) is twinned with %d NRW %s that I know of:", pl.Name, pl.Country, len(ps), plural(len(ps), "municipality", "municipalities"))
	case q.f.English:
		a.Lead = fmt.Sprintf("%s has %d town %s that I know of%s:", pl.Name, len(ps), plural(len(ps), "twinning", "twinnings"),
			map[bool]string{true: " (all, per the city's website)", false: "; my list is not complete"}[pl.PartnersComplete])
	case pl.PartnersComplete:
		a.Lead = fmt.Sprintf("%s hat %d %s%s (laut der Website der Stadt vollständig):", pl.Name, len(ps), plural(len(ps), "Städtepartnerschaft", "Städtepartnerschaften"), in)
	default:
		a.Lead = fmt.Sprintf("%s: %d %s%s in meiner Wissensbasis, die nicht alle kennt:", pl.Name, len(ps), plural(len(ps), "Städtepartnerschaft", "Städtepartnerschaften"), in)
	}
	if len(ps) > 0 {
		a.Lists = []domain.List{l}
	}
	if !pl.PartnersComplete || len(ps) == 0 {
		a.Links = []domain.Link{rgre}
	}
	return a, nil
}

// twinningPair answers about the twinning of two named places.
func (e *Engine) twinningPair(a1, a2 string, q *question) domain.Answer {
	p1, p2 := asAsked(e.base.Place(a1), q.p.question), asAsked(e.base.Place(a2), q.p.question)
	if p1.Country != "" && p2.Country != "" {
		return e.sharedPartner(p1, p2, q)
	}
	a := domain.Answer{Found: true, Kind: domain.KindFacts, Title: p1.Name + " und " + p2.Name, English: q.f.English}
	for _, p := range e.base.PartnershipsOf(a1) {
		if otherSide(p, a1) != a2 {
			continue
		}
		since := "; seit wann, nennen meine Quellen nicht"
		if !p.Since.IsZero() {
			since = " seit " + p.Since.String()
		}
		kind := "eine Städtepartnerschaft"
		if p.Kind != "" && p.Kind != "Partnerschaft" {
			kind = "eine " + p.Kind
		}
		status := ""
		if p.Status != "" {
			status = "; sie ist derzeit " + p.Status // "Ist Köln mit Wolgograd noch verbunden?"
		}
		leadWith(&a, domain.AnswerFact{Text: fmt.Sprintf("%s und %s verbindet %s%s%s.", p1.Name, p2.Name, kind, since, status), Source: e.base.Source(p.Source)})
		if p.Note != "" {
			a.Facts = append(a.Facts, domain.AnswerFact{Text: upperFirst(p.Note), Source: e.base.Source(p.Source)})
		}
		return a
	}
	a.Found, a.Kind = false, domain.KindNone
	a.Lead = fmt.Sprintf("Eine Städtepartnerschaft zwischen %s und %s führt meine Wissensbasis nicht.", p1.Name, p2.Name)
	a.Links = []domain.Link{rgre}
	return a
}

// sharedPartner answers "Welche NRW-Stadt ist mit Amiens und Buffalo
// verpartnert?": the places twinned with both.
func (e *Engine) sharedPartner(p1, p2 *domain.Place, q *question) domain.Answer {
	a := domain.Answer{Found: true, Kind: domain.KindFacts, Title: p1.Name + " und " + p2.Name, English: q.f.English}
	first := map[string]domain.Partnership{}
	for _, p := range e.base.PartnershipsOf(p1.ID) {
		first[otherSide(p, p1.ID)] = p
	}
	var names []string
	for _, p := range e.base.PartnershipsOf(p2.ID) {
		if fp, ok := first[otherSide(p, p2.ID)]; ok {
			names = append(names, e.base.Place(otherSide(p, p2.ID)).Name)
			a.Facts = append(a.Facts, domain.AnswerFact{Text: e.base.Place(otherSide(p, p2.ID)).Name + " – " + p1.Name + ": " + partnershipDetail(fp, p1, otherSide(fp, p1.ID)), Source: e.base.Source(fp.Source)},
				domain.AnswerFact{Text: e.base.Place(otherSide(p, p2.ID)).Name + " – " + p2.Name + ": " + partnershipDetail(p, p2, otherSide(p, p2.ID)), Source: e.base.Source(p.Source)})
		}
	}
	if len(names) == 0 {
		a.Found, a.Kind, a.Links = false, domain.KindNone, []domain.Link{rgre}
		a.Lead = fmt.Sprintf("Eine NRW-Kommune, die mit %s und mit %s verbunden ist, führt meine Wissensbasis nicht.", p1.Name, p2.Name)
		return a
	}
	a.Lead = fmt.Sprintf("Mit %s und %s verbunden: %s.", p1.Name, p2.Name, joinAnd(names))
	return a
}

// twinnedIn answers "NRW-Städte mit Partnern in Frankreich": the NRW places
// with a partner in the country.
func (e *Engine) twinnedIn(_ context.Context, q *question) (domain.Answer, error) {
	country := q.f.Filters.Country
	type row struct {
		nrw      *domain.Place
		partners []string
		src      *domain.Source
	}
	rows := map[string]*row{}
	var order []string
	for _, p := range e.base.Partnerships {
		nrw, other := e.base.Place(p.Place), e.base.Place(p.Partner)
		if nrw == nil || other == nil || countryOf(p, other, p.Place) != country || (q.p.twinStatus && p.Status == "") {
			continue
		}
		r, ok := rows[nrw.ID]
		if !ok {
			r = &row{nrw: nrw, src: e.base.Source(p.Source)}
			rows[nrw.ID] = r
			order = append(order, nrw.ID)
		}
		name := asAsked(other, q.p.question).Name
		if p.Status != "" {
			name += " (" + p.Status + ")"
		}
		r.partners = append(r.partners, name)
	}
	sort.SliceStable(order, func(i, j int) bool { return fold(rows[order[i]].nrw.Name) < fold(rows[order[j]].nrw.Name) })
	a := domain.Answer{Found: len(order) > 0, Kind: domain.KindMembers, Title: "Städtepartnerschaften " + withCountry(country), English: q.f.English,
		Links: []domain.Link{rgre}}
	if len(order) == 0 {
		a.Kind = domain.KindNone
		a.Lead = fmt.Sprintf("Städtepartnerschaften von NRW-Kommunen %s führt meine Wissensbasis nicht.", withCountry(country))
		return a, nil
	}
	l := domain.List{Title: "NRW-Kommunen", Partial: true}
	for _, id := range order[:min(len(order), maxListed)] {
		r := rows[id]
		l.Items = append(l.Items, domain.ListItem{Name: r.nrw.Name, Detail: strings.Join(r.partners, ", "), Source: r.src})
	}
	if len(order) > maxListed {
		l.Note = moreNote(len(order) - maxListed)
	}
	a.Lists = []domain.List{l}
	a.Lead = fmt.Sprintf("%d NRW-%s %s in meiner Wissensbasis Partner %s (die Liste ist nicht vollständig):",
		len(order), plural(len(order), "Kommune", "Kommunen"), plural(len(order), "hat", "haben"), inCountry(country))
	return a, nil
}

// twinningFigures answers "Wie viele Städtepartnerschaften gibt es in NRW?"
// from the statewide figures, the newest first.
func (e *Engine) twinningFigures(_ context.Context, q *question) (domain.Answer, error) {
	cs := e.base.PartnershipCounts
	a := domain.Answer{Found: len(cs) > 0, Kind: domain.KindFacts, Title: "Städtepartnerschaften in NRW", English: q.f.English,
		Links: []domain.Link{rgre}}
	if len(cs) == 0 {
		a.Kind = domain.KindNone
		a.Lead = "Zur Zahl der Städtepartnerschaften in NRW nennen meine Quellen nichts."
		return a, nil
	}
	if c := q.f.Filters.Country; c != "" {
		// "Wie viele NRW-Partnerschaften gibt es mit Frankreich?": the
		// figures that name the country, then the ones the base names.
		for i := len(cs) - 1; i >= 0; i-- {
			if strings.Contains(cs[i].Text, c) || strings.Contains(cs[i].Value, c) {
				a.Facts = append(a.Facts, domain.AnswerFact{Text: cs[i].Value + " " + cs[i].Text, Stand: cs[i].Stand, Source: e.base.Source(cs[i].Source)})
			}
		}
		n := 0
		for _, p := range e.base.Partnerships {
			if other := e.base.Place(p.Partner); other != nil && countryOf(p, other, p.Place) == c {
				n++
			}
		}
		a.Lead = fmt.Sprintf("Städtepartnerschaften von NRW-Kommunen %s: %d nennt meine Wissensbasis namentlich; die landesweiten Zahlen:", withCountry(c), n)
		return a, nil
	}
	if q.p.hasRaw("find", "wend", "such", "datenbank", "liste", "kontakt", "ansprech", "where") && e.twinNetwork != "" {
		// "Wo finde ich alle Partnerstädte?": where the data lives.
		n := e.base.Network(e.twinNetwork)
		if fs := e.topicFacts(n, "data", "contact"); len(fs) > 0 {
			// The statements that name a list or database first.
			sort.SliceStable(fs, func(i, j int) bool {
				return strings.Contains(fs[i].Text, "Datenbank") && !strings.Contains(fs[j].Text, "Datenbank")
			})
			leadWith(&a, fs[0])
			a.Facts = fs[1:min(len(fs), 2)]
			a.Hits = []domain.Hit{networkHit(n)}
			return a, nil
		}
	}
	newest := cs[len(cs)-1]
	text := newest.Text
	if !q.p.sharesWords(text) {
		text = shortSentence(text, 150) // the whole statement only when asked for what is in it
	}
	leadWith(&a, domain.AnswerFact{Text: newest.Value + " " + text, Stand: newest.Stand, Source: e.base.Source(newest.Source)})
	for i := len(cs) - 2; i >= max(0, len(cs)-3); i-- {
		c := cs[i]
		a.Facts = append(a.Facts, domain.AnswerFact{Text: c.Value + " " + c.Text, Stand: c.Stand, Source: e.base.Source(c.Source), Older: true})
	}
	a.Facts = append(a.Facts, domain.AnswerFact{Text: fmt.Sprintf("Namentlich kenne ich %d Städtepartnerschaften von NRW-Kommunen; alle führt die RGRE-Datenbank.", len(e.base.Partnerships))})
	return a, nil
}

// partnersLine is a place's twinnings in one line, for the place's answer.
func (e *Engine) partnersLine(pl *domain.Place) (domain.AnswerFact, bool) {
	ps := append([]domain.Partnership(nil), e.base.PartnershipsOf(pl.ID)...)
	if len(ps) == 0 {
		return domain.AnswerFact{}, false
	}
	sortPartnerships(ps)
	var names []string
	f := domain.AnswerFact{Source: e.base.Source(ps[0].Source)}
	for _, p := range ps[:min(len(ps), 6)] {
		other := e.base.Place(otherSide(p, pl.ID))
		if other == nil {
			continue
		}
		name := other.Name
		if c := countryOf(p, other, pl.ID); c != "" && c != "Deutschland" {
			if strings.HasSuffix(name, ")") {
				name = strings.TrimSuffix(name, ")") + ", " + c + ")" // "Enniskillen (Fermanagh, Vereinigtes Königreich)"
			} else {
				name += " (" + c + ")"
			}
		}
		names = append(names, name)
	}
	f.Text = "Städtepartnerschaften: " + strings.Join(names, ", ")
	if len(ps) > 6 {
		f.Text += " " + moreNote(len(ps)-6)
	}
	if pl.Country != "" {
		f.Text = "Partner in NRW: " + strings.Join(names, ", ")
	}
	return f, true
}

// otherSide is the place on the other side of a twinning from id.
func otherSide(p domain.Partnership, id string) string {
	if p.Place == id {
		return p.Partner
	}
	return p.Place
}

// countryOf is the country of the twinning's other side, seen from id.
func countryOf(p domain.Partnership, other *domain.Place, id string) string {
	if p.Place == id {
		if p.Country != "" {
			return p.Country
		}
		return other.Country
	}
	if other.Country != "" {
		return other.Country
	}
	return "Deutschland"
}

// partnershipDetail is "Frankreich, seit 1967" plus kind and status.
func partnershipDetail(p domain.Partnership, other *domain.Place, id string) string {
	var parts []string
	if c := countryOf(p, other, id); c != "" && !(c == "Deutschland" && other.State == "Nordrhein-Westfalen") {
		parts = append(parts, c)
	}
	if !p.Since.IsZero() {
		parts = append(parts, "seit "+p.Since.String())
	}
	if p.Kind != "" && p.Kind != "Partnerschaft" {
		parts = append(parts, p.Kind)
	}
	if p.Status != "" {
		parts = append(parts, p.Status)
	}
	if p.Note != "" {
		parts = append(parts, p.Note)
	}
	return strings.Join(parts, ", ")
}

// sortPartnerships orders twinnings oldest first, undated last.
func sortPartnerships(ps []domain.Partnership) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i].Since, ps[j].Since
		if a.IsZero() != b.IsZero() {
			return !a.IsZero()
		}
		return a.Before(b)
	})
}

// countryArticles are the countries that take an article in German.
var countryArticles = map[string][2]string{
	"Vereinigtes Königreich": {"im Vereinigten Königreich", "mit dem Vereinigten Königreich"},
	"USA":                    {"in den USA", "mit den USA"},
	"Niederlande":            {"in den Niederlanden", "mit den Niederlanden"},
	"Türkei":                 {"in der Türkei", "mit der Türkei"},
	"Ukraine":                {"in der Ukraine", "mit der Ukraine"},
	"Schweiz":                {"in der Schweiz", "mit der Schweiz"},
	"Slowakei":               {"in der Slowakei", "mit der Slowakei"},
}

// inCountry is "in Polen", "im Vereinigten Königreich", "in den USA".
func inCountry(c string) string {
	if a, ok := countryArticles[c]; ok {
		return a[0]
	}
	return "in " + c
}

// withCountry is "mit Polen", "mit dem Vereinigten Königreich".
func withCountry(c string) string {
	if a, ok := countryArticles[c]; ok {
		return a[1]
	}
	return "mit " + c
}

// asAsked is the place with the other name the question used for it
// added: "Rschew (Rshew)", so the asker finds the name they typed.
func asAsked(pl *domain.Place, question string) *domain.Place {
	q := " " + strings.Join(words(question), " ") + " "
	if strings.Contains(q, " "+strings.Join(words(pl.Name), " ")+" ") {
		return pl
	}
	for _, al := range pl.Aliases {
		if w := strings.Join(words(al), " "); w != "" && strings.Contains(q, " "+w+" ") {
			c := *pl
			c.Name = pl.Name + " (" + al + ")"
			return &c
		}
	}
	return pl
}
