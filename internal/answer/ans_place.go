package answer

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/lang"
	"github.com/engagiert/engagiert/internal/words"
)

// Answers about places: what a place is, its networks and twinnings, what
// is asked of it, and whether it is a member of a network.

// place answers a question about places: where they lie, their
// memberships, or what else is asked if a statement answers it. When
// nothing does ("Wie viele Einwohner hat Bielefeld?"), it says so in one
// line with where the place lies, and found is false.
func (e *Engine) place(ctx context.Context, f Frame) (domain.Answer, error) {
	en := f.English
	places := f.places()
	pl := e.base.Place(places[0])
	switch {
	case len(places) == 1 && (f.Op == OpWhere && !attrSpecific(f) && onlyNames(f) || f.Filters.Kreisfrei != "" || f.Attribute == domain.AttrPlace):
		// "In welchem Kreis liegt Hille?", "Ist Aachen kreisfrei?": where it
		// lies leads; its own facts (both views of Aachen) follow.
		a := domain.Answer{Found: true, Kind: domain.KindPlace, Title: pl.Name, English: en, Hits: []domain.Hit{placeHit(pl)}}
		a.Lead, a.LeadSource = e.placeIs(pl, en), e.placeSource(pl)
		if f.Filters.Kreisfrei != "" && f.Op == OpYesNo {
			yes := (pl.District == "kreisfreie Stadt") == (f.Filters.Kreisfrei == "ja")
			switch {
			case yes:
				a.Lead = say(en, "yes") + ". " + a.Lead
			case f.Filters.Kreisfrei == "ja":
				a.Lead = say(en, "kreisfrei.not", pl.Name) + " " + a.Lead // "Nein, Herford ist nicht kreisfrei."
			default:
				a.Lead = say(en, "no") + ". " + a.Lead // "Ist Bielefeld kreisangehörig?": the lead says it is kreisfrei
			}
		}
		// Only what the place's own facts say of where and what it is
		// (its twinnings answer other questions), and its networks.
		for _, x := range pl.Facts {
			if x.Topic == domain.AttrPlace.String() {
				a.Facts = append(a.Facts, domain.AnswerFact{Text: x.Text, Stand: x.Stand, Source: e.base.Source(x.Source)})
			}
		}
		a.Facts = a.Facts[:min(len(a.Facts), 2)]
		if x, ok := e.otherMemberships(pl.ID, nil, en); ok && f.Op != OpYesNo {
			// A yes or no stays short: its networks are another question.
			x.Text = say(en, "networks.of", strings.SplitN(x.Text, ": ", 2)[1])
			a.Facts = append(a.Facts, x) // one short line: the networks it is in
		}
		return a, nil
	case len(places) > 1 && (f.Op == OpWhere && !attrSpecific(f) && onlyNames(f) ||
		(f.Op == OpYesNo || f.Op == OpList && f.About == AboutCross) && f.Filters.Kreisfrei != "" && !f.has(SubjectNetwork) && f.Attribute == domain.AttrNone || f.Attribute == domain.AttrMembers && f.About == AboutCross && f.Filters.Kreisfrei != "" && !f.has(SubjectNetwork)):
		// "In welchen Kreisen liegen Herford, Goch und Bad Salzuflen?":
		// where each lies, one sentence each; their networks are another
		// question. "Sind Paderborn und Bielefeld kreisfrei?": yes or no
		// before each.
		a := domain.Answer{Found: true, Kind: domain.KindPlace, English: en}
		var titles, leads []string
		a.LeadSource = e.placeSource(pl)
		for _, id := range places {
			p := e.base.Place(id)
			if p == nil {
				continue // a follow-up's place a reload removed
			}
			titles = append(titles, p.Name)
			lead := e.placeIs(p, en)
			if f.Filters.Kreisfrei != "" && f.Op != OpWhere {
				yes := (p.District == "kreisfreie Stadt") == (f.Filters.Kreisfrei == "ja")
				lead = say(en, map[bool]string{true: "yes", false: "no"}[yes]) + ": " + lead
			}
			leads = append(leads, lead)
			a.Hits = append(a.Hits, placeHit(p))
			if e.placeSource(p) == nil {
				a.LeadSource = nil // one source for all, or none
			}
		}
		a.Title, a.Lead = joinAnd(en, titles), strings.Join(leads, " ")
		return a, nil
	case f.Attribute == domain.AttrKey && pl.AGS != 0 && len(places) == 1:
		// "Gemeindeschlüssel von Lemgo?": the key the place list comes with.
		a := domain.Answer{Found: true, Kind: domain.KindPlace, Title: pl.Name, English: en, Hits: []domain.Hit{placeHit(pl)}}
		a.Lead, a.LeadSource = say(en, "place.key", pl.Name, pl.AGS.String()), e.base.Source(domain.OfficialSource)
		return a, nil
	case f.Attribute == domain.AttrOfficial && len(places) == 1 && pl.OfficialName() != "":
		// "Wie heißt Erkrath offiziell?": the list's name, with its addition
		// where it has one ("Erkrath, Fundort des Neanderthalers, Stadt").
		a := domain.Answer{Found: true, Kind: domain.KindPlace, Title: pl.Name, English: en, Hits: []domain.Hit{placeHit(pl)}}
		if w := shortWhere(pl); w != "" && w != pl.Name {
			a.Title = pl.Name + " (" + w + ")" // "Meschede – amtliche Bezeichnung?": where it lies too
		}
		a.Lead, a.LeadSource = say(en, "place.official", pl.Name, pl.OfficialName()), e.base.Source(domain.OfficialSource)
		return a, nil
	case attrSpecific(f) && f.Attribute != domain.AttrActivities:
		var facts []domain.AnswerFact
		var err error
		if !f.Attribute.Unheld() {
			facts, err = e.aboutPlaces(ctx, places, f, e.topicsOf(f.Attribute))
		}
		if f.Attribute == domain.AttrMayor {
			// "the mayor of Rostock": a statement whose mayor belongs to
			// another place it names ("Nach Rostock hatte Trier mit
			// Oberbürgermeister …") says nothing of Rostock's.
			ws := e.lex.attrWordsOf(f.Attribute)
			facts = slices.DeleteFunc(facts, func(x domain.AnswerFact) bool {
				ids := e.statementPlaces[x.Text]
				near, ok := e.closestPlace(x.Text, ids, ws)
				return len(ids) > 1 && ok && near != pl.ID
			})
		}
		if err != nil || len(facts) > 0 {
			return e.placeFacts(pl, facts, f), err
		}
		label := e.lex.label(f.Attribute, en)
		if en {
			label = theLabel(label) // "the mayor of Paderborn"
		}
		return e.placeNoInfo(pl, f, say(en, "noinfo.place", label, pl.Name)), nil
	case len(f.Words) > 0:
		facts, err := e.aboutPlaces(ctx, places, f, nil)
		if err != nil || len(facts) > 0 {
			return e.placeFacts(pl, facts, f), err
		}
		if len(f.Words) > 1 && f.Unknown == "" {
			return e.placeNoInfo(pl, f, say(en, "noinfo.this", pl.Name)), nil
		}
		return e.placeNoInfo(pl, f, say(en, "noinfo.words", quoteWords(f))), nil
	}
	return e.placesAnswer(places, f), nil
}

// placeFact is the one fact of the place's own an overview shows: the
// first a curator added, if short, else its official name where it has
// one of its own and no network tells more of it (officialToo), said in
// the answer's language.
func (e *Engine) placeFact(pl *domain.Place, officialToo, en bool) (domain.AnswerFact, bool) {
	for _, x := range pl.Facts {
		if !x.IsOfficial() {
			return domain.AnswerFact{Text: x.Text, Stand: x.Stand, Source: e.base.Source(x.Source)}, len(x.Text) <= 160
		}
	}
	for _, x := range pl.Facts {
		if x.IsOfficial() && officialToo {
			return domain.AnswerFact{Text: say(en, "place.official", pl.Name, x.Text), Source: e.base.Source(x.Source)}, true
		}
	}
	return domain.AnswerFact{}, false
}

// placeSource is where a place's Kreis and Regierungsbezirk come from:
// the Gemeindeverzeichnis its record was imported from. Places outside NRW
// carry no key and no such source.
func (e *Engine) placeSource(pl *domain.Place) *domain.Source {
	if pl.AGS == 0 {
		return nil
	}
	return e.base.Source(domain.OfficialSource)
}

// onlyNames reports whether the question's words, if any, are one name the
// base does not know ("Hallenberg im Sauerland, welcher Kreis?"): they do
// not change what is asked. "den besten Döner" does.
func onlyNames(f Frame) bool {
	return len(f.Words) == 0 || (len(f.Words) == 1 && f.Unknown == f.Words[0])
}

// placeFacts answers with statements about a place.
func (e *Engine) placeFacts(pl *domain.Place, facts []domain.AnswerFact, f Frame) domain.Answer {
	a := domain.Answer{Found: true, Kind: domain.KindFacts, Title: pl.Name, English: f.English, Hits: []domain.Hit{placeHit(pl)}}
	leadWith(&a, facts[0])
	a.Facts = facts[1:min(len(facts), 2)]
	return a
}

// placeNoInfo is the one line that says nothing is known of what was
// asked, and the one line of what is: where the place lies.
func (e *Engine) placeNoInfo(pl *domain.Place, f Frame, lead string) domain.Answer {
	return domain.Answer{Found: false, Kind: domain.KindPlace, Title: pl.Name, English: f.English, Hits: []domain.Hit{placeHit(pl)},
		Lead: germanContraction(lead) + " " + say(f.English, "known", e.placeIs(pl, f.English))}
}

// aboutPlaces finds statements that answer the question's words (or state
// one of the topics) and name one of the places. Only those count:
// "Einwohner" in a statement on who may apply is no answer to "Wie viele
// Einwohner hat Bielefeld?".
func (e *Engine) aboutPlaces(ctx context.Context, places []string, f Frame, topics []string) ([]domain.AnswerFact, error) {
	var out []domain.AnswerFact
	// What a membership's note says of the place in the question's words
	// ("unterzeichnet vom Ersten Beigeordneten Wolfgang Cavelius" for who
	// signed for Siegen): about this place alone, so first.
	var asked []string
	for _, w := range append(slices.Clone(f.Words), f.Asked...) {
		if s, ok := e.lex.synonyms[w]; ok {
			w = words.Fold(s)
		}
		// A rare word, or one that asks who signed; not "Mitglied", which
		// every note may say.
		if ts := tokenize(w); utf8.RuneCountInString(w) >= 5 && !e.lex.fillers[w] && len(ts) == 1 &&
			(e.lex.isCue("signing", ts, 0) || !e.lex.ordinary(w) && !e.lex.vocab[w]) {
			asked = append(asked, w)
		}
	}
	for _, pid := range places {
		for _, m := range e.base.MembershipsOf(pid) {
			if n := e.base.Network(m.Network); n != nil && m.Note != "" && len(asked) > 0 && e.hasWord(m.Note, asked...) {
				out = appendFact(out, domain.AnswerFact{Text: n.ShortName + ": " + lang.UpperFirst(m.Note), Source: e.base.Source(m.Source)})
			}
		}
	}
	for i := range e.base.Networks {
		n := &e.base.Networks[i]
		for j, x := range n.Facts {
			ref := domain.FactRef{Network: n.ID, Part: "fact", Index: j}
			if x.Topic != "" && slices.Contains(topics, x.Topic) && anyIn(e.factPlaces[ref], places) {
				out = appendFact(out, e.fact(ref, f.English))
			}
		}
	}
	hits, err := e.statementsEither(ctx, f, "")
	if err != nil {
		return nil, err
	}
	for _, h := range hits {
		if anyIn(e.factPlaces[h.Ref], places) {
			out = appendFact(out, e.fact(h.Ref, f.English))
		}
	}
	ws, few := f.Words, len(e.base.Places)
	if len(ws) == 0 {
		// "Wer ist in Paderborn Bürgermeister?": a statement on this
		// place, not one that lists it among others' mayors, in any of
		// the attribute's words ("mayor" finds "Oberbürgermeister").
		ws, few = append(slices.Clone(f.Asked), e.lex.attrWordsOf(f.Attribute)...), 2
	}
	if len(out) == 0 && len(ws) > 0 {
		// "In welcher EWS war Jülich?": a statement that names the place
		// among others and says the word, though search ranks it low;
		// those that name fewer places first, as more about this one.
		var refs []domain.FactRef
		for i := range e.base.Networks {
			n := &e.base.Networks[i]
			for j, x := range n.Facts {
				if ref := (domain.FactRef{Network: n.ID, Part: "fact", Index: j}); anyIn(e.factPlaces[ref], places) && len(e.factPlaces[ref]) <= few && e.hasWord(x.Text, ws...) {
					refs = append(refs, ref)
				}
			}
		}
		slices.SortStableFunc(refs, func(a, b domain.FactRef) int { return len(e.factPlaces[a]) - len(e.factPlaces[b]) })
		for _, ref := range refs {
			out = appendFact(out, e.fact(ref, f.English))
		}
	}
	return out, nil
}

func anyIn(xs, ys []string) bool {
	for _, x := range xs {
		if slices.Contains(ys, x) {
			return true
		}
	}
	return false
}

// placesAnswer says what each place is (kind, Kreis, Regierungsbezirk,
// Bundesland), which networks list it, since when, and its town twinnings.
// A place no network lists is answered as such, never as unknown.
func (e *Engine) placesAnswer(ids []string, f Frame) domain.Answer {
	en := f.English
	a := domain.Answer{Found: true, Kind: domain.KindPlace, English: en}
	var titles, leads []string
	var optional []string // statements the answer may do without
	for _, id := range ids {
		pl := e.base.Place(id)
		titles = append(titles, pl.Name)
		a.Hits = append(a.Hits, placeHit(pl))
		var ms []domain.Membership
		for _, m := range e.base.MembershipsOf(id) {
			if m.Until.IsZero() {
				ms = append(ms, m)
			}
		}
		lead := e.placeIs(pl, en) + " "
		switch len(ms) {
		case 0:
			lead += say(en, "place.none", pl.Name)
		default:
			// The networks by name follow, a line each with since when.
			lead += plural(en, len(ms), "place.in1", "place.inN")
			if len(ms) > 1 {
				lead = strings.Replace(lead, "%d", strconv.Itoa(len(ms)), 1)
			}
		}
		leads = append(leads, lead)
		for _, m := range e.base.MembershipsOf(id) {
			n := e.base.Network(m.Network)
			if len(m.Note) > 40 {
				m.Note = "" // a long note: the membership's own answer gives it
			}
			a.Facts = append(a.Facts, domain.AnswerFact{Text: n.Name + ": " + membershipText(en, m), Source: e.base.Source(m.Source)})
		}
		if x, ok := e.placeFact(pl, len(ms) == 0, en); ok {
			a.Facts = appendFact(a.Facts, x)
			optional = append(optional, x.Text)
		}
		if about := e.factsAbout(pl.ID); len(about) > 0 && len(ids) == 1 {
			// A statement about the place itself ("Paderborn hat den
			// Vorsitz"), not the lists that merely include it — if short.
			if x := e.fact(about[0], en); len(x.Text) <= 120 {
				a.Facts = appendFact(a.Facts, x)
				optional = append(optional, x.Text)
			}
		}
		for _, m := range e.base.TitlesOf(id) {
			// "Europaaktive Kommune in NRW: seit 2019, dauerhaft".
			n := e.base.Network(m.Network)
			a.Facts = append(a.Facts, domain.AnswerFact{Text: shortName(n) + ": " + titleText(en, m), Source: e.base.Source(m.Source)})
		}
		if x, ok := e.partnersLine(pl, en); ok {
			a.Facts = append(a.Facts, x)
		}
		if isArea(pl) {
			for i := range e.base.Networks {
				n := &e.base.Networks[i]
				var names []string
				var src *domain.Source
				for r := range e.candidates(n.ID, Filters{Area: pl.ID}) {
					if r.m.Until.IsZero() && inArea(e.places[r.at], pl) {
						names = append(names, e.places[r.at].Name)
						if src == nil {
							src = e.base.Source(r.m.Source)
						}
					}
				}
				if len(names) > 0 {
					a.Facts = append(a.Facts, domain.AnswerFact{Text: say(en, "place.members", shortName(n), joinMore(en, names[:min(len(names), 8)], len(names))), Source: src})
				}
			}
		}
		for _, sib := range e.siblingsOf(coreName(pl.Name)) {
			if sib.ID == pl.ID || inArea(sib, pl) {
				continue
			}
			// "Coesfeld": the Kreis of the same name may be the member.
			if x, ok := e.otherMemberships(sib.ID, nil, en); ok {
				x.Text = say(en, "sibling", sib.Name, strings.SplitN(x.Text, ": ", 2)[1])
				a.Facts = append(a.Facts, x)
			}
		}
		if len(ms) > 0 && len(ids) == 1 {
			a.Suggestions = []string{say(en, "suggest.members", shortName(e.base.Network(ms[0].Network)))}
		}
	}
	a.Lead = strings.Join(leads, " ")
	a.Title = joinAnd(en, titles) // the lead says where
	// An overview stays short: what the place is, its networks and its
	// twinnings come first; a statement about it goes when room is short.
	for i := len(optional) - 1; i >= 0 && utf8.RuneCountInString(a.PlainText()) > maxOverview; i-- {
		a.Facts = slices.DeleteFunc(a.Facts, func(x domain.AnswerFact) bool { return x.Text == optional[i] })
	}
	return a
}

// maxOverview is the length a place's overview keeps to, in characters,
// where it can by leaving out statements.
const maxOverview = 800

// titleText is "ausgezeichnet 2019, dauerhaft" for a title a place holds.
func titleText(en bool, m domain.Membership) string {
	var parts []string
	if !m.Since.IsZero() {
		parts = append(parts, say(en, "awarded", dateIn(en, m.Since)))
	}
	if m.Role != "" {
		parts = append(parts, roleIn(en, m.Role))
	}
	if len(parts) == 0 {
		return say(en, "awarded.undated")
	}
	return strings.Join(parts, ", ")
}

// factsAbout are the statements that name the place and at most one other,
// those about it alone first.
func (e *Engine) factsAbout(id string) []domain.FactRef {
	var about []domain.FactRef
	for _, n := range e.base.Networks {
		for i := range n.Facts {
			ref := domain.FactRef{Network: n.ID, Part: "fact", Index: i}
			if ps := e.factPlaces[ref]; len(ps) <= 2 && slices.Contains(ps, id) {
				about = append(about, ref)
			}
		}
	}
	slices.SortStableFunc(about, func(a, b domain.FactRef) int { return len(e.factPlaces[a]) - len(e.factPlaces[b]) })
	return about
}

// placeIs says what a place is: "Lemgo ist eine Stadt im Kreis Lippe in
// Nordrhein-Westfalen (Regierungsbezirk Detmold)."
func (e *Engine) placeIs(pl *domain.Place, en bool) string {
	if pl.Kind == "Regierungsbezirk" {
		return say(en, "place.rb", pl.Name, pl.State) + "."
	}
	var s string
	if pl.District == "kreisfreie Stadt" {
		s = say(en, "place.kreisfrei", pl.Name)
	} else {
		kind := kindArticle(pl.Kind, en)
		if en && pl.Country != "" {
			kind, _, _ = strings.Cut(kind, " (") // the German word only for German places
		}
		s = say(en, "place.is", pl.Name, kind)
		if d := pl.District; d != "" && pl.Country != "" {
			s += say(en, "place.of", d) // "ein Bezirk von Istanbul"
		} else if d != "" {
			s += say(en, "place.district", inDistrict(en, d))
		}
	}
	switch {
	case pl.Country != "":
		s += " " + e.inCountry(en, pl.Country) // "im Vereinigten Königreich", "in the United Kingdom"
	case pl.State != "":
		s += say(en, "place.in", pl.State)
	}
	if pl.Region != "" {
		s += say(en, "place.region", pl.Region)
	}
	return s + "."
}

// kindArticle is a kind of place with its article: "eine Stadt", "a town
// (Stadt)"; in English with the German word, which is what the team says.
func kindArticle(kind string, en bool) string {
	if en {
		a := map[string]string{"Stadt": "a town (Stadt)", "Gemeinde": "a municipality (Gemeinde, no town rights)", "Kreis": "a Kreis (district)", "Städteregion": "a Städteregion",
			"Stadtteil": "a part of a town", "Verbandsgemeinde": "a Verbandsgemeinde", "Bezirksregierung": "a Bezirksregierung",
			"Gemeindeverband": "an association of municipalities", "Bezirk": "a district", "Region": "a region"}[kind]
		if a == "" {
			return "a place"
		}
		return a
	}
	a := map[string]string{"Stadt": "eine Stadt", "Gemeinde": "eine Gemeinde", "Kreis": "ein Kreis", "Städteregion": "eine Städteregion",
		"Stadtteil": "ein Stadtteil", "Verbandsgemeinde": "eine Verbandsgemeinde", "Bezirksregierung": "eine Bezirksregierung",
		"Gemeindeverband": "ein Gemeindeverband", "Bezirk": "ein Bezirk", "Region": "eine Region"}[kind]
	if a == "" {
		return "ein Ort"
	}
	return a
}

// inDistrict reads a Kreis after "in": "im Kreis Lippe", "in der
// StädteRegion Aachen"; in English "Kreis Lippe".
func inDistrict(en bool, d string) string {
	if en {
		return d
	}
	l := strings.ToLower(d)
	switch {
	case d == "Nordrhein-Westfalen":
		return "in " + d
	case strings.HasPrefix(l, "städteregion"), strings.HasPrefix(l, "region"):
		return "in der " + d
	case strings.HasPrefix(l, "regierungsbezirk"):
		return "im " + d
	}
	// "im Märkischer Kreis": the official name stays as written, so that
	// it can be found in the answer, though German would decline it.
	return "im " + d
}

// shortWhere locates a place in a few words: its Kreis in NRW, else its
// Bundesland or country.
func shortWhere(pl *domain.Place) string {
	switch {
	case pl.Country != "":
		return pl.Country
	case pl.State == "Nordrhein-Westfalen" && pl.District != "":
		return pl.District
	case pl.State != "":
		return pl.State
	}
	return pl.Kind
}

// otherMemberships names the place's memberships in other networks, in one
// line: "Außerdem Mitglied: Engagierte Stadt (seit 2022)".
func (e *Engine) otherMemberships(pid string, except []string, en bool) (domain.AnswerFact, bool) {
	var parts []string
	f := domain.AnswerFact{}
	for _, m := range e.base.MembershipsOf(pid) {
		if slices.Contains(except, m.Network) || !m.Until.IsZero() {
			continue
		}
		part := shortName(e.base.Network(m.Network))
		if !m.Since.IsZero() {
			part += " (" + say(en, "since", dateIn(en, m.Since)) + ")"
		}
		parts = append(parts, part)
		if src := e.base.Source(m.Source); f.Source == nil {
			f.Source = src
		} else if src != nil && src != f.Source {
			f.Also = append(f.Also, src)
		}
	}
	if len(parts) == 0 {
		return f, false
	}
	f.Text = say(en, "also.member", strings.Join(parts, ", "))
	return f, true
}

// siblingMember finds a place of the same name (the Kreis of a Stadt) that
// is a member of n.
func (e *Engine) siblingMember(pl *domain.Place, n *domain.Network) (*domain.Place, domain.Membership, bool) {
	for _, sib := range e.siblingsOf(coreName(pl.Name)) {
		if sib.ID == pl.ID {
			continue
		}
		if m, ok := e.base.MembershipIn(n.ID, sib.ID); ok && m.Until.IsZero() {
			return sib, m, true
		}
	}
	return nil, domain.Membership{}, false
}

// areaMembers names the members of n inside a Kreis or Regierungsbezirk,
// for a question that names the area; "" when pl is no area or none is.
func (e *Engine) areaMembers(area *domain.Place, n *domain.Network, en bool) string {
	var names []string
	for r := range e.candidates(n.ID, Filters{Area: area.ID}) {
		if r.m.Until.IsZero() && inArea(e.places[r.at], area) {
			name := e.places[r.at].Name
			if !r.m.Since.IsZero() {
				name += " (" + say(en, "since", dateIn(en, r.m.Since)) + ")"
			}
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		return ""
	}
	if en {
		return say(en, "member.area", area.Name, n.Name, joinAnd(en, names))
	}
	return say(en, "member.area", area.Name, joinAnd(en, names), n.Name)
}

// membership answers "Ist X in Y?" and "Seit wann ist X in Y?", with a
// statement naming the place first where one answers the question's other
// words ("Seit wann hat Paderborn den Vorsitz im RegioPole-Netzwerk?").
func (e *Engine) membership(ctx context.Context, f Frame) (domain.Answer, error) {
	en := f.English
	places, networks := f.places(), f.networks()
	a := domain.Answer{Found: true, Kind: domain.KindMembership, English: en}
	var leads []string
	pairs, nos := 0, 0 // "Seit wann ist X in Y?" of a non-member asks a date nobody has
	unknown := 0       // of the nos, those a partial list and no statement leave open
	for _, pid := range places {
		pl := e.base.Place(pid)
		a.Hits = append(a.Hits, placeHit(pl))
		for _, nid := range networks {
			n := e.base.Network(nid)
			a.Links = appendLink(a.Links, domain.Link{Title: n.Name, URL: n.Website})
			m, ok := e.base.MembershipIn(nid, pid)
			pairs++
			switch {
			case !ok:
				if area := e.areaMembers(pl, n, en); area != "" {
					// "Ist jemand aus dem Kreis Soest dabei?": the members
					// inside it (the Kreis's namesake town among them).
					leads = append(leads, area)
					continue
				}
				if sib, sm, found := e.siblingMember(pl, n); found {
					// "Ist Coesfeld im Kommunen-Netzwerk?": the Kreis is.
					leads = append(leads, say(en, "member.sibling", sib.Name, n.Name, memberDetail(en, sm)))
					a.LeadSource = e.base.Source(sm.Source)
					continue
				}
				lead := say(en, "member.no", pl.Name, shortWhere(pl), n.Name)
				if (n).IsTitle() {
					lead = say(en, "holder.no", pl.Name, shortWhere(pl), n.Name)
				}
				// What the network's statements say of the place: "nahm an
				// der Entwicklungswerkstatt teil", "hat den Beitritt beantragt".
				said := false
				for i := range n.Facts {
					ref := domain.FactRef{Network: n.ID, Part: "fact", Index: i}
					if slices.Contains(e.factPlaces[ref], pid) {
						x := e.fact(ref, en)
						x.Text = e.narrowList(x.Text, e.factPlaces[ref], func(id string) bool { return id == pid })
						a.Facts = appendFact(a.Facts, x)
						said = true
						break
					}
				}
				if !n.CompleteIn(pl.State) {
					// "Ist Bochum im Kommunen-Netzwerk?": no list names all
					// members, and no statement says more of the place: the
					// answer is not known, though a "not listed" is shown.
					lead += " " + say(en, "member.partial")
					if !said {
						unknown++
					}
				}
				leads = append(leads, lead)
				nos++
			case !m.Until.IsZero():
				leads = append(leads, say(en, "member.left", pl.Name, n.Name, dateIn(en, m.Until)))
				a.LeadSource = e.base.Source(m.Source)
			default:
				key := "member.is"
				if f.Op == OpYesNo {
					key = "member.yes"
				}
				if (n).IsTitle() {
					key = strings.Replace(key, "member", "holder", 1)
				}
				leads = append(leads, say(en, key, pl.Name, n.Name, memberDetail(en, m)))
				src := e.base.Source(m.Source)
				if len(places) == 1 && len(networks) == 1 {
					a.LeadSource = src
					if m.Note != "" {
						a.Facts = append(a.Facts, domain.AnswerFact{Text: lang.UpperFirst(m.Note), Source: src})
					}
				} else {
					a.Facts = append(a.Facts, domain.AnswerFact{Text: pl.Name + " – " + n.Name + ": " + membershipText(en, m), Source: src})
				}
			}
		}
		// What else the place belongs to, in one line, so a "no" is still useful.
		if x, ok := e.otherMemberships(pid, networks, en); ok {
			a.Facts = append(a.Facts, x)
		}
	}
	if len(places) == 1 && len(networks) == 1 {
		pl := e.base.Place(places[0])
		a.Title = pl.Name + " (" + shortWhere(pl) + ") – " + e.base.Network(networks[0]).Name
	} else {
		a.Title = say(en, "memberships.title")
	}
	if len(places) > 1 || len(networks) > 1 {
		a.LeadSource = nil
	}
	a.Lead = strings.Join(leads, " ")
	if f.Op == OpWhen && pairs > 0 && nos == pairs || pairs > 0 && unknown == pairs {
		a.Found = false
	}
	if len(f.Words) > 0 || attrSpecific(f) {
		facts, err := e.aboutPlaces(ctx, places, f, nil)
		if err != nil {
			return a, err
		}
		if len(facts) > 0 {
			a.Facts = append(facts[:1], a.Facts...)
			if f.Attribute == domain.AttrEvent && a.Found {
				// "Regionaltreffen der Engagierten Städte in Bottrop – wann
				// war das?": the event is what was asked; the membership
				// follows it.
				member := domain.AnswerFact{Text: a.Lead, Source: a.LeadSource}
				leadWith(&a, a.Facts[0])
				a.Facts[0] = member
			}
		}
	}
	return a, nil
}

// unknownMember answers a yes/no question about a place the base does not
// know: it is not listed as a member, which is all the base can say, and
// found is false.
func (e *Engine) unknownMember(_ context.Context, f Frame) (domain.Answer, error) {
	en := f.English
	name := f.unknownName()
	a := domain.Answer{Found: false, Kind: domain.KindNone, English: en}
	var leads []string
	for _, id := range f.networks() {
		n := e.base.Network(id)
		leads = append(leads, say(en, "member.unknown", name, n.Name))
		a.Links = appendLink(a.Links, domain.Link{Title: n.Name, URL: n.Website})
		a.Hits = append(a.Hits, networkHit(n))
	}
	leads = append(leads, say(en, "member.unknown2", name))
	a.Title = name + " – " + e.base.Network(f.networks()[0]).Name
	a.Lead = strings.Join(leads, " ")
	e.byFirstWordMembers(&a, f.Unknown, f.Words, en)
	return a, nil
}

// placeAndArea are the place and the Kreis or Regierungsbezirk a frame
// names together: "Liegt Goch im Regierungsbezirk Düsseldorf?".
func (e *Engine) placeAndArea(f Frame) (pl, area *domain.Place, ok bool) {
	ids := f.places()
	if len(ids) != 2 {
		return nil, nil, false
	}
	a, b := e.base.Place(ids[0]), e.base.Place(ids[1])
	if a == nil || b == nil {
		return nil, nil, false
	}
	switch {
	case isArea(b) && !isArea(a):
		return a, b, true
	case isArea(a) && !isArea(b):
		return b, a, true
	}
	return nil, nil, false
}

// placeInArea answers whether a place lies in an area: yes or no, then
// where it lies.
func (e *Engine) placeInArea(_ context.Context, f Frame) (domain.Answer, error) {
	pl, area, _ := e.placeAndArea(f)
	en := f.English
	key := "no"
	if inArea(pl, area) {
		key = "yes"
	}
	return domain.Answer{Found: true, Kind: domain.KindPlace, Title: pl.Name, English: en,
		Hits: []domain.Hit{placeHit(pl), placeHit(area)}, Lead: say(en, key) + ". " + e.placeIs(pl, en)}, nil
}

// officialNames answers for the amtliche Bezeichnung without a place: the
// municipalities whose official name holds the question's words ("Welche
// Stadt nennt sich Mähdrescherstadt?"), or, without words, all that carry
// an addition to "Stadt" or their name.
func (e *Engine) officialNames(ctx context.Context, f Frame) (domain.Answer, error) {
	en := f.English
	a := domain.Answer{Found: true, Kind: domain.KindFacts, English: en, Title: say(en, "official.title"),
		LeadSource: e.base.Source(domain.OfficialSource)}
	var names []string
	var one *domain.Place
	for _, i := range e.idx.official {
		p := &e.base.Places[i]
		official := p.OfficialName()
		if len(f.Words) > 0 && !e.hasWord(official, f.Words...) ||
			f.Filters.Area != "" && !e.inAreaID(p, f.Filters.Area) {
			continue
		}
		names = append(names, p.Name+" („"+strings.TrimPrefix(official, p.Name+", ")+"“)")
		a.Hits, one = append(a.Hits, placeHit(p)), p
	}
	switch {
	case len(names) == 0 && len(f.Words) > 0:
		// "Wie nennt sich die Veranstaltung im Landtag?": no official name
		// has the words; the statements may.
		return e.statementsKind(ctx, f)
	case len(names) == 0:
		return domain.Answer{Found: false, Kind: domain.KindNone, English: en, Title: say(en, "nothing.title"),
			Lead: say(en, "official.none.area")}, nil
	case len(names) == 1:
		a.Kind, a.Title = domain.KindPlace, one.Name
		a.Lead = say(en, "place.official", one.Name, one.OfficialName())
	default:
		where := "Nordrhein-Westfalen"
		if ar := e.base.Place(f.Filters.Area); ar != nil {
			where = ar.Name
		}
		a.Lead = say(en, "official.list", len(names), inDistrict(en, where), strings.Join(names, ", "))
	}
	return a, nil
}

// narrowList shortens a statement that lists many places to those asked
// about (keep): "An der EWS 5 nahmen 17 Kommunen teil, Brühl, …,
// Wachtberg" says of Leverkusen "… teil, u. a. Leverkusen". The list is a
// run of the statement's places joined by commas and "und"; a statement
// naming few stays whole, and so does one whose list keeps none.
func (e *Engine) narrowList(text string, ids []string, keep func(id string) bool) string {
	const many = 6
	if len(ids) < many {
		return text
	}
	type span struct {
		lo, hi int
		kept   bool
	}
	var spans []span
	for _, pid := range ids {
		if pl := e.base.Place(pid); pl != nil {
			name := listedName(text, pl.Name)
			i := strings.Index(text, name)
			if i < 0 {
				return text // a name the statement writes otherwise: where the list ends is not sure
			}
			lo := i - germanArticleEnd(text[:i]) // "der Kreis Olpe", as the statement says it
			spans = append(spans, span{lo, i + len(name), keep(pid)})
		}
	}
	slices.SortFunc(spans, func(a, b span) int { return cmp.Or(a.lo-b.lo, b.hi-a.hi) })
	// "der Kreis Olpe" holds "Olpe": the longer name stands.
	kept := spans[:0]
	for _, sp := range spans {
		if n := len(kept); n > 0 && sp.lo < kept[n-1].hi {
			kept[n-1].kept = kept[n-1].kept || sp.kept
			continue
		}
		kept = append(kept, sp)
	}
	spans = kept
	for lo := 0; lo < len(spans); {
		hi := lo
		for hi+1 < len(spans) && inList(text[spans[hi].hi:spans[hi+1].lo]) {
			hi++
		}
		var names []string
		for _, sp := range spans[lo : hi+1] {
			if sp.kept {
				names = append(names, text[sp.lo:sp.hi])
			}
		}
		if len(names) > 0 && hi-lo+1 >= many && len(names) < hi-lo+1 {
			before, list := text[:spans[lo].lo], say(false, "list.among", joinAnd(false, names))
			if strings.HasSuffix(before, "unter anderem ") || strings.HasSuffix(before, "u. a. ") {
				list = joinAnd(false, names) // "nahmen unter anderem … teil": the statement says it already
			}
			return before + list + text[spans[hi].hi:]
		}
		lo = hi + 1
	}
	return text
}

// inList reports whether the text between two names keeps them in one
// list: "Brühl, Detmold", "Swisttal und Wachtberg", and a name the base
// spells otherwise between them ("Rheine, der Rheinisch-Bergische Kreis,
// Sendenhorst"); no bracket, dash or sentence end.
func inList(gap string) bool {
	return len(gap) <= 40 && (strings.Contains(gap, ",") || strings.Contains(gap, " und ")) && !strings.ContainsAny(gap, ".;:()–")
}

// listedName is a place's name as a statement writes it: "Menden
// (Sauerland)" is "Menden" where the text has no bracket.
func listedName(text, name string) string {
	if strings.Contains(text, name) {
		return name
	}
	if short, _, ok := strings.Cut(name, " ("); ok {
		return short
	}
	// "der Oberbergische Kreis": the adjective declined after an article.
	if declined := strings.Replace(name, "er Kreis", "e Kreis", 1); declined != name && strings.Contains(text, declined) {
		return declined
	}
	return name
}

// closestPlace is the place of ids whose name stands closest to one of
// the words in text, before or after it; ok is false where the text has
// none of the words.
func (e *Engine) closestPlace(text string, ids, ws []string) (string, bool) {
	lower := words.Fold(text) // the words are folded: "burgermeister"
	at := -1
	for _, w := range ws {
		if i := strings.Index(lower, w); i >= 0 && utf8.RuneCountInString(w) >= 4 && (at < 0 || i < at) {
			at = i
		}
	}
	if at < 0 {
		return "", false
	}
	best, dist := "", len(text)+1
	for _, id := range ids {
		if pl := e.base.Place(id); pl != nil {
			if i := strings.Index(lower, words.Fold(listedName(text, pl.Name))); i >= 0 && abs(i-at) < dist {
				best, dist = id, abs(i-at)
			}
		}
	}
	return best, best != ""
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
