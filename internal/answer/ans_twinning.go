package answer

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/lang"
	"github.com/engagiert/engagiert/internal/words"
)

// Town twinnings: the partners of a place, in a country, the NRW places
// twinned with a country, the most and the oldest, and the statewide
// figures. The base's list is partial: answers say for which places it is
// complete and point to the RGRE database for the rest.

// placeTwinnings are the place's twinnings the frame's filters keep.
func (e *Engine) placeTwinnings(pl *domain.Place, f Frame) []domain.Partnership {
	country := f.Filters.Country
	var ps []domain.Partnership
	for _, i := range e.base.PartnershipsAt(pl.ID) { // not copied: most are filtered out
		p := e.base.Partnerships[i]
		other := e.base.Place(otherSide(p, pl.ID))
		if other == nil || (country != "" && !e.countryKeeps(countryOf(p, other, pl.ID), f.Filters)) || (f.Filters.Suspended && p.Status == "") ||
			(f.Filters.TwinKind != "" && p.Kind != f.Filters.TwinKind) ||
			slices.Contains(f.Filters.Except, other.ID) ||
			!twinYearKeeps(&p, f.Filters) {
			continue
		}
		ps = append(ps, p)
	}
	return ps
}

// twinYearKeeps reports whether a twinning is of the filters' year: signed
// then, or, asked for those that ended, ended then by its note ("2016
// beendet" for "Which partner did Ratingen drop in 2016?").
func twinYearKeeps(p *domain.Partnership, fl Filters) bool {
	if fl.Year == 0 || yearKeeps(int(p.Since.Year), fl) {
		return true
	}
	return fl.Suspended && fl.YearOp == "" && strings.Contains(p.Note, strconv.Itoa(fl.Year))
}

// extremeTwinning is the oldest or newest of sorted partnerships, of the
// dated ones: a Patenschaft or a mere Kontakt is another bond, counted
// only where the place has nothing else dated.
func extremeTwinning(ps []domain.Partnership, most Direction) (domain.Partnership, bool) {
	var dated, proper []domain.Partnership
	for _, p := range ps {
		if !p.Since.IsZero() {
			dated = append(dated, p)
			if p.Kind != "Patenschaft" && p.Kind != "Kontakt" {
				proper = append(proper, p)
			}
		}
	}
	if len(proper) > 0 {
		dated = proper
	}
	if len(dated) == 0 {
		return domain.Partnership{}, false
	}
	if most == DirNewest {
		return dated[len(dated)-1], true
	}
	return dated[0], true
}

// pairTwinned reports whether the base has a twinning between the places.
func (e *Engine) pairTwinned(a, b string) bool {
	return slices.ContainsFunc(e.base.PartnershipsAt(a), func(i int32) bool { return otherSide(e.base.Partnerships[i], a) == b })
}

// rgre is where all German town twinnings are listed (RGRE, Deutsche Sektion).
func rgre(en bool) domain.Link {
	return domain.Link{Title: say(en, "rgre"), URL: "https://www.rgre.de/partnerschaft/datenbank/"}
}

// twinnings answers about the partners of the places a question names:
// all of them, those in a country ("Hat X eine Partnerstadt in Polen?"),
// the oldest or newest, how many, or the twinning of two named places.
func (e *Engine) twinnings(ctx context.Context, f Frame) (domain.Answer, error) {
	en := f.English
	places := f.places()
	if a, ok := e.firstPartner(places, f); ok {
		return a, nil
	}
	if len(places) >= 2 {
		return e.twinningPair(places[0], places[1], f), nil
	}
	pl := e.base.Place(places[0])
	if f.Op == OpYesNo && f.Unknown != "" {
		// "Ist Bielefeld mit Paris verpartnert?", where the base knows no Paris.
		return domain.Answer{Found: false, Kind: domain.KindNone, Title: say(en, "twin.title", pl.Name), English: en,
			Hits: []domain.Hit{placeHit(pl)}, Lead: say(en, "twin.not.with", pl.Name, f.unknownName()),
			Links: []domain.Link{rgre(en)}}, nil
	}
	country := f.Filters.Country
	ps := e.placeTwinnings(pl, f)
	if unheldOfPairs(f.Attribute) && len(ps) > 0 && !slices.ContainsFunc(ps, func(p domain.Partnership) bool { return e.pairSays(p, f.Asked) }) {
		// "E-Mail des Partnerschaftsvereins Gladbeck?", "und die
		// Telefonnummer vom Partnerschaftsverein?": no twinning's sources
		// give it; what is known, in one line.
		g := f
		g.Attribute, g.Asked = domain.AttrNone, nil
		b, err := e.twinnings(ctx, g)
		if err != nil {
			return b, err
		}
		label := e.lex.label(f.Attribute, en)
		if en {
			label = theLabel(label)
		}
		a := domain.Answer{Found: false, Kind: domain.KindNone, Title: b.Title, English: en, Hits: b.Hits,
			Lead: germanContraction(say(en, "twin.noinfo", label, pl.Name)), Links: []domain.Link{rgre(en)}}
		if b.Lead != "" {
			known := b.Lead
			if k, ok := strings.CutSuffix(known, ":"); ok { // the list it announced is not shown
				known = k + "."
			}
			a.Facts = []domain.AnswerFact{{Text: known, Source: b.LeadSource}}
		}
		return a, nil
	}
	if len(ps) == 1 && (country != "" || f.Filters.TwinKind != "") && (f.Op == OpWhen && ps[0].Since.Day != 0 || pairAttribute(f.Attribute) || f.Attribute == domain.AttrCarrier) {
		// "and the Lithuanian partner – when was that made official?",
		// "wie ist die polnische entstanden?", "was steckt dahinter?": the
		// one twinning, dated as its source dates it, with what its
		// sources tell of it.
		return e.twinningPair(pl.ID, otherSide(ps[0], pl.ID), f), nil
	}
	if len(ps) == 0 && f.Filters.TwinKind != "" && f.Op == OpYesNo && country != "" {
		// "Hat Bielefeld eine Freundschaft mit einer Stadt in Frankreich?":
		// people say friendship for any twinning; the answer names its kind.
		f.Filters.TwinKind = ""
		ps = e.placeTwinnings(pl, f)
	}
	sortPartnerships(ps)
	a := domain.Answer{Found: true, Kind: domain.KindMembers, Title: say(en, "twin.title", pl.Name), English: en,
		Hits: []domain.Hit{placeHit(pl)}}
	if lead, src, ok := e.twinningSaying(pl, ps, f); ok {
		// "die erste deutsch-deutsche Städtepartnerschaft": the twinning
		// whose note or statements say what the question asks.
		a.Kind, a.Lead, a.LeadSource = domain.KindFacts, lead, src
		return a, nil
	}
	abroad := pl.Country != ""
	if abroad {
		a.Title = say(en, "twin.title.nrw", pl.Name)
	}
	in := ""
	if country != "" {
		in = " " + e.inCountryOf(en, f.Filters)
	}
	if f.Filters.Suspended {
		in += say(en, "twin.suspended")
	}
	if f.Filters.Year != 0 {
		in += " (" + twinYears(en, f.Filters) + ")" // "Duisburg hat 4 Partnerschaften (geschlossen 2000 bis 2009)"
	}
	if (f.Most == DirOldest || f.Most == DirNewest) && len(ps) > 1 {
		// "Welche Partnerschaft von Münster ist die älteste?"
		if p, ok := extremeTwinning(ps, f.Most); ok {
			key := "twin.oldest"
			if f.Most == DirNewest {
				key = "twin.newest"
			}
			other := e.withAlias(e.asAsked(e.base.Place(otherSide(p, pl.ID)), f)) // "Rschew (Rshew)", as lists give it
			a.Lead = say(en, key, pl.Name, other.Name, e.partnershipDetail(en, p, other, pl.ID))
			a.LeadSource = e.base.Source(p.Source)
			return a, nil
		}
	}
	l := domain.List{Title: say(en, "twin.partner"), Partial: !pl.PartnersComplete && !abroad}
	for _, p := range ps {
		other := e.asAsked(e.base.Place(otherSide(p, pl.ID)), f)
		if len(ps) <= 12 {
			other = e.withAlias(other)
		}
		detail := e.partnershipShort(en, p, other, pl.ID, f.Op == OpWhen)
		if (f.Filters.Suspended || p.Status != "" && len(ps) <= 3) && p.Note != "" && utf8.RuneCountInString(p.Note) <= 60 {
			// "welche davon ruht?", "wie steht's um Kursk?": "ruht seit
			// Mai 2022"; quoted as the source says it in an English answer
			// too.
			detail += "; " + p.Note
		}
		l.Items = append(l.Items, domain.ListItem{Name: other.Name, Detail: detail, Source: e.base.Source(p.Source)})
	}
	var placeFacts []domain.AnswerFact
	for _, x := range pl.Facts {
		if e.twinningText(x.Text) {
			placeFacts = append(placeFacts, domain.AnswerFact{Text: x.Text, Stand: x.Stand, Source: e.base.Source(x.Source)})
		}
	}
	switch {
	case len(ps) == 0 && len(placeFacts) > 0 && country == "" && !f.Filters.Suspended && f.Filters.Year == 0:
		// "Hat Hattingen eine Partnerstadt?": what the sources say of it
		// (of its twinnings at all, so not for a country or a year). For a
		// kind the base has none of, that is all that is known.
		leadWith(&a, placeFacts[0])
		a.Facts = placeFacts[1:min(len(placeFacts), 2)]
		if en {
			// An English question gets an English lead; the German
			// statements follow as quoted.
			a.Lead, a.LeadSource = say(en, "twin.stated", pl.Name), nil
			a.Facts = placeFacts[:min(len(placeFacts), 2)]
		}
		a.Found = f.Filters.TwinKind == ""
	case len(ps) == 0 && f.Filters.TwinKind != "":
		// "Hat Bedburg eine Klimapartnerschaft?"
		a.Lead = say(en, "twin.kind.none", pl.Name, sayIfKnown(en, "kind1."+f.Filters.TwinKind, f.Filters.TwinKind)+in)
		a.Found = false
	case len(ps) == 0 && f.Filters.Suspended:
		a.Lead = say(en, "twin.suspnone", pl.Name)
		a.Found = false
	case len(ps) == 0 && len(f.Filters.Except) > 0:
		// "wer noch?" after the only one: say so, not "none at all".
		var names []string
		for _, id := range f.Filters.Except {
			if x := e.base.Place(id); x != nil {
				names = append(names, x.Name)
			}
		}
		a.Lead = say(en, "twin.none.else", joinAnd(en, names), pl.Name)
		a.Found = false
	case len(ps) == 0 && f.Op == OpYesNo:
		// "Hat Bochum eine Partnerstadt in Polen?": where the base knows
		// the place's twinnings, "no" is an answer from them (hedged when
		// the list is partial); where it knows none, nothing is known.
		a.Lead = say(en, "twin.none.yes", pl.Name, in)
		known := len(e.base.PartnershipsOf(pl.ID))
		a.Found = known > 0 && (country != "" || f.Filters.Year != 0)
		if a.Found && !pl.PartnersComplete && !abroad {
			a.Lead = strings.TrimSuffix(a.Lead, ".") + " (" + say(en, "twin.known.n", known, pl.Name) + ")."
		}
	case len(ps) == 0:
		a.Lead = say(en, "twin.none", pl.Name, in)
		a.Found = false
	case f.Op == OpCount:
		counts := e.twinCounts(en, ps)
		if n := len(slices.DeleteFunc(slices.Clone(ps), func(p domain.Partnership) bool { return !proper(p) })); n > 0 && n < len(ps) {
			counts = say(en, "twin.total", counts, len(ps)) // "9 Städtepartnerschaften und 1 …, insgesamt 10"
		}
		a.Lead = say(en, "twin.count", pl.Name, counts, in)
		if !pl.PartnersComplete {
			a.Lead = strings.TrimSuffix(a.Lead, ".") + " (" + say(en, "twin.partial.note") + ")."
		}
		// The count is the base's: its source is the one that lists them
		// all, else the one most of them come from; the place's own counts
		// follow, also where they disagree ("sechs Partnerschaften").
		a.LeadSource = e.twinSource(pl, ps)
		a.Facts = placeFacts[:min(len(placeFacts), 2)]
	case abroad:
		a.Lead = say(en, "twin.abroad", pl.Name, e.countryName(en, pl.Country), plural(en, len(ps), "twin.abroad.v1", "twin.abroad.vN"), len(ps), plural(en, len(ps), "municipality", "municipalities"))
		if x, ok := e.boroughTwinnings(pl, en); ok {
			a.Facts = append(a.Facts, x)
		}
	case f.Op == OpYesNo:
		names := make([]string, len(l.Items))
		for i, it := range l.Items {
			names[i] = it.Name
			var detail []string
			if c := countryOf(ps[i], e.base.Place(otherSide(ps[i], pl.ID)), pl.ID); country != "" && c != "" && c != country {
				detail = append(detail, e.countryName(en, c)) // "in Afrika: Lomé (Togo, seit 1973)"
			}
			if k := ps[i].Kind; k != "" && k != "Partnerschaft" {
				detail = append(detail, sayIfKnown(en, "kind1."+k, k)) // "Ternopil (Freundschaft, …)": no full twinning
			}
			if !ps[i].Since.IsZero() && len(l.Items) <= 4 {
				detail = append(detail, say(en, "since", dateIn(en, ps[i].Since)))
			}
			if ps[i].Status != "" {
				detail = append(detail, sayIfKnown(en, "short."+ps[i].Status, ps[i].Status)) // "Wolgograd (ausgesetzt)": a yes with its catch
				if n := ps[i].Note; n != "" && utf8.RuneCountInString(n) <= 60 && len(l.Items) <= 2 && !en {
					detail = append(detail, n) // "eingeschlafen, „gefühlte Funkstille seit 2007“": what the catch is
				}
			}
			if len(detail) > 0 {
				names[i] += " (" + strings.Join(detail, ", ") + ")"
			}
		}
		if en {
			a.Lead = say(en, "twin.yes", pl.Name, joinAnd(en, names), in)
		} else {
			a.Lead = say(en, "twin.yes", pl.Name, in, joinAnd(en, names))
		}
		if len(ps) == 1 && ps[0].Note != "" && !strings.Contains(a.Lead, ps[0].Note) {
			n := ps[0].Note
			// "Hat Bochum eine Partnerstadt in der Ukraine?": the one
			// partner, with what its source says of it ("beschränkt sich
			// auf humanitäre Hilfe").
			a.Facts = append(a.Facts, domain.AnswerFact{Text: lang.UpperFirst(n), Source: e.base.Source(ps[0].Source)})
		}
	case len(ps) == 1 && ps[0].Note != "" && utf8.RuneCountInString(ps[0].Note) <= 120 && (country != "" || f.Filters.TwinKind != ""):
		// "what about the Ukrainian one, is it still active?": the one
		// twinning, with what its source says of it.
		a.Lead, a.LeadSource = say(en, "twin.complete", pl.Name, e.twinCounts(en, ps), in), e.twinSource(pl, ps)
		if !pl.PartnersComplete {
			a.Lead, a.LeadSource = say(en, "twin.partial", pl.Name, e.twinCounts(en, ps), in), nil
		}
		a.Facts = append(a.Facts, domain.AnswerFact{Text: lang.UpperFirst(ps[0].Note), Source: e.base.Source(ps[0].Source)})
	case pl.PartnersComplete:
		a.Lead = say(en, "twin.complete", pl.Name, e.twinCounts(en, ps), in)
		a.LeadSource = e.twinSource(pl, ps) // the source that says the list is complete
	default:
		a.Lead = say(en, "twin.partial", pl.Name, e.twinCounts(en, ps), in)
	}
	if len(ps) > 0 && f.Op != OpYesNo && (f.Op != OpCount || len(ps) <= countListed) {
		a.Lists = []domain.List{l} // "Wie viele Partnerstädte hat Dorsten?": how many, and which, where few
	}
	if f.Op == OpYesNo && len(ps) > 0 {
		a.LeadSource = e.base.Source(ps[0].Source)
	}
	if !pl.PartnersComplete || len(ps) == 0 {
		a.Links = []domain.Link{rgre(en)}
	}
	if f.Op == OpWhen && len(ps) > 0 && !slices.ContainsFunc(ps, func(p domain.Partnership) bool { return !p.Since.IsZero() || yearRE.MatchString(p.Note) }) {
		a.Found = false // "since when?": no year known for any of them
	}
	return a, nil
}

// twinWordsFact answers a question over all twinnings that names what
// the base has no area for ("im Ruhrgebiet") from the statement of the
// twinning network that says all its words, if there is one.
func (e *Engine) twinWordsFact(f Frame) (domain.Answer, bool) {
	n := e.base.Network(e.twinNetwork)
	// The source asked for ("laut RGRE") is who says it, not what is said.
	ws := slices.DeleteFunc(slices.Clone(f.Words), func(w string) bool { return w == f.From })
	if len(ws) == 0 || n == nil || !f.Filters.IsZero() {
		return domain.Answer{}, false
	}
	for i, x := range n.Facts {
		if e.countWords(x.Text, ws) == len(ws) {
			a := domain.Answer{Found: true, Kind: domain.KindFacts, Title: say(f.English, "twin.figures"), English: f.English,
				Links: []domain.Link{rgre(f.English)}}
			leadWith(&a, e.fact(domain.FactRef{Network: n.ID, Part: "fact", Index: i}, f.English))
			return a, true
		}
	}
	return domain.Answer{}, false
}

// twinSource is the source of what the base knows of a place's
// twinnings: the one that lists them all, else the one most of them
// come from.
func (e *Engine) twinSource(pl *domain.Place, ps []domain.Partnership) *domain.Source {
	if src := e.base.Source(pl.PartnersSource); pl.PartnersComplete && src != nil {
		return src
	}
	n, best := map[string]int{}, ""
	for _, p := range ps {
		if n[p.Source]++; best == "" || n[p.Source] > n[best] {
			best = p.Source
		}
	}
	return e.base.Source(best)
}

// twinningText reports whether a text speaks of twinnings.
func (e *Engine) twinningText(text string) bool { return e.saysCue(text, "twinning") }

// saysCue reports whether a text (a statement, not a question) has one of
// the cue's phrases.
func (e *Engine) saysCue(text, cue string) bool { return saysAt(e.tokensOf(text), cue, e.lex.isCue) }

// saysCuePhrase reports whether a text says a phrase of the cue, of any
// length ("nennen die gelesenen Quellen nicht").
func (e *Engine) saysCuePhrase(text, cue string) bool {
	return saysAt(e.tokensOf(text), cue, e.lex.startsCue)
}

// saysAt reports whether match finds the cue at some token.
func saysAt(toks []tok, cue string, match func(string, []tok, int) bool) bool {
	for i := range toks {
		if match(cue, toks, i) {
			return true
		}
	}
	return false
}

// twinningPair answers about the twinning of two named places.
func (e *Engine) twinningPair(a1, a2 string, f Frame) domain.Answer {
	en := f.English
	if !e.pairTwinned(a1, a2) {
		// "Herford und Voiron", "Voiron und Herford": the Kreis Herford's
		// partner, not the town's.
		if k := e.kreisOf(a1); k != "" && e.pairTwinned(k, a2) {
			a1 = k
		} else if k := e.kreisOf(a2); k != "" && e.pairTwinned(a1, k) {
			a2 = k
		} else if q := e.partnerWithin(a1, a2); q != "" {
			a2 = q // "Herne in Istanbul": its partner Beşiktaş, a Bezirk of Istanbul
		} else if q := e.partnerWithin(a2, a1); q != "" {
			a1 = q
		}
	}
	// A partner abroad with its other spelling, as lists give it: "Rschew
	// (Rshew)".
	p1, p2 := e.withAlias(e.asAsked(e.base.Place(a1), f)), e.withAlias(e.asAsked(e.base.Place(a2), f))
	if p1.Country != "" && p2.Country != "" {
		return e.sharedPartner(p1, p2, f)
	}
	a := domain.Answer{Found: true, Kind: domain.KindFacts, Title: p1.Name + " – " + p2.Name, English: en}
	for _, i := range e.base.PartnershipsAt(a1) {
		p := e.base.Partnerships[i]
		if otherSide(p, a1) != a2 {
			continue
		}
		since := say(en, "twin.pair.nod")
		if !p.Since.IsZero() {
			since = say(en, "twin.pair.since", dateIn(en, p.Since))
		}
		kind := say(en, "twin.pair.kind")
		if p.Kind != "" && p.Kind != "Partnerschaft" {
			kind = "eine " + p.Kind
			if en {
				kind = "a " + p.Kind
			}
		}
		status := ""
		if p.Status != "" {
			status = statusPhrase(en, p.Status) // "Ist Köln mit Wolgograd noch verbunden?"
		}
		// Where the partner abroad lies, asked first or second: "Chipata
		// (Sambia)", "In welchem Land liegt Zabrze, die Partnerstadt von
		// Essen?".
		name1, name2 := p1.Name, e.partnerWhere(en, p, p2, a2, a1)
		if p2.Country == "" && p1.Country != "" {
			name1 = e.partnerWhere(en, p, p1, a1, a2)
		}
		leadWith(&a, domain.AnswerFact{Text: say(en, "twin.pair", name1, name2, kind, since, status), Source: e.base.Source(p.Source)})
		if f.Op == OpWhen && p.Since.IsZero() && (!yearRE.MatchString(p.Note) || e.saysCue(p.Note, "already")) {
			// "Seit wann …?": the twinning is known, when it began is not
			// (no year in the note either, or one it had "already" been
			// by: "1986 schon besiegelt").
			a.Found = false
		}
		if p.Note != "" {
			a.Facts = append(a.Facts, domain.AnswerFact{Text: lang.UpperFirst(p.Note), Source: e.base.Source(p.Source)})
		}
		matched := false
		for _, x := range p.Facts {
			if len(f.Words) > 0 && e.hasWord(x.Text, f.Words...) {
				matched = true
				// "who suggested Nikopol?": the statement on the twinning
				// that has the question's words leads.
				pair := domain.AnswerFact{Text: a.Lead, Source: a.LeadSource}
				leadWith(&a, domain.AnswerFact{Text: x.Text, Stand: x.Stand, Source: e.base.Source(x.Source)})
				a.Facts = append([]domain.AnswerFact{pair}, a.Facts...)
				break
			}
		}
		if x := p.Facts; !matched && len(x) > 0 && (f.Op != OpWhen || f.Attribute == domain.AttrGoal) && (f.Op != OpYesNo || f.Attribute == domain.AttrStatus) && f.Op != OpCount && utf8.RuneCountInString(x[0].Text) <= 260 {
			// "Wie kam Leverkusen auf Nikopol?", "wann und warum?": what
			// the sources tell of the twinning beyond its date.
			a.Facts = append(a.Facts, domain.AnswerFact{Text: x[0].Text, Stand: x[0].Stand, Source: e.base.Source(x[0].Source)})
		}
		if !matched && f.Op == OpWhen && !p.Since.IsZero() {
			// "Witten Lev Hasharon seit wann?": what a source says of the
			// start, or another date it gives ("'83"), follows the date.
			for _, x := range p.Facts {
				if y := int(p.Since.Year); namesYearIn(x.Text, y-10, y+10) && utf8.RuneCountInString(x.Text) <= 260 { // the start, or another date for it
					a.Facts = append(a.Facts, domain.AnswerFact{Text: x.Text, Stand: x.Stand, Source: e.base.Source(x.Source)})
					break
				}
			}
		}
		// (Whether it still goes on the twinning's own line says.)
		beyond := unheldOfPairs(f.Attribute) && !e.pairSays(p, f.Asked)
		if beyond || pairAttribute(f.Attribute) && f.Attribute != domain.AttrFounding && f.Attribute != domain.AttrStatus && f.Op != OpWhen && p.Note == "" && len(p.Facts) == 0 && len(f.Words) == 0 {
			// "Who is the contact person at the Freundeskreis …?": a
			// twinning's sources name no contact, budget or website.
			// "Seit wann ist Münster mit Orléans verpartnert?" … "warum?":
			// the sources tell nothing of it beyond its date; the twinning
			// is what they do say.
			pair := domain.AnswerFact{Text: a.Lead, Source: a.LeadSource}
			a.Found, a.Lead, a.LeadSource = false, germanContraction(say(en, "noinfo.place", e.lex.label(f.Attribute, en), p1.Name+" – "+p2.Name)), nil
			a.Facts = append([]domain.AnswerFact{pair}, a.Facts...)
		}
		return a
	}
	a.Found, a.Kind = false, domain.KindNone
	a.Lead = say(en, "twin.pair.none", p1.Name, p2.Name)
	a.Links = []domain.Link{rgre(en)}
	return a
}

// partnerWhere is the name of a twinning's partner abroad with where it
// lies: "Chipata (Sambia)", "Beşiktaş (Istanbul, Türkei)", "Košice
// (Kaschau, Slowakei)"; a place in Germany keeps its name.
func (e *Engine) partnerWhere(en bool, p domain.Partnership, pl *domain.Place, id, other string) string {
	name := pl.Name
	aliased := name != e.base.Place(id).Name
	c := countryOf(p, pl, other)
	if c == "" || pl.Country == "" || strings.HasSuffix(name, ")") && !aliased {
		return name
	}
	in := e.countryName(en, c)
	if pl.District != "" {
		in = pl.District + ", " + in
	}
	if aliased && strings.HasSuffix(name, ")") {
		return strings.TrimSuffix(name, ")") + ", " + in + ")"
	}
	return name + " (" + in + ")"
}

// unheldOfPairs reports whether an attribute is one the base holds of no
// twinning as such: how to reach it, its money, who chairs its friends' club (its website is
// the source a list links).
// Only a statement of the twinning that says it answers.
func unheldOfPairs(a domain.Attribute) bool {
	switch a {
	case domain.AttrContact, domain.AttrPhone, domain.AttrBudget, domain.AttrCost, domain.AttrFunding,
		domain.AttrHours, domain.AttrPostcode, domain.AttrChair, domain.AttrSpeakers:
		return true
	}
	return false
}

// pairSays reports whether a twinning's note or statements have one of the
// words that asked for an attribute.
func (e *Engine) pairSays(p domain.Partnership, asked []string) bool {
	if len(asked) == 0 {
		return false
	}
	if e.hasWord(p.Note, asked...) {
		return true
	}
	return slices.ContainsFunc(p.Facts, func(x domain.Fact) bool { return e.hasWord(x.Text, asked...) })
}

// boroughTwinnings are the twinnings with the Bezirke of a city abroad,
// in one line: "Istanbul" also has Herne – Beşiktaş.
func (e *Engine) boroughTwinnings(city *domain.Place, en bool) (domain.AnswerFact, bool) {
	if city.District != "" {
		return domain.AnswerFact{}, false // a Bezirk itself has none
	}
	is := e.twins.boroughs[boroughKey(city.Country, city.Name)]
	if len(is) == 0 {
		return domain.AnswerFact{}, false
	}
	var pairs []string
	var src *domain.Source
	for _, i := range is {
		p := e.base.Partnerships[i]
		nrw, b := e.base.Place(p.Place), e.base.Place(p.Partner)
		if nrw == nil || b == nil {
			continue
		}
		if src == nil {
			src = e.base.Source(p.Source)
		}
		pair := nrw.Name + " – " + b.Name
		if !p.Since.IsZero() {
			year := strconv.Itoa(int(p.Since.Year))
			if strings.HasSuffix(pair, ")") {
				pair = strings.TrimSuffix(pair, ")") + ", " + year + ")" // "Sarıyer (Istanbul, 2013)"
			} else {
				pair += " (" + year + ")"
			}
		}
		pairs = append(pairs, pair)
	}
	slices.Sort(pairs)
	return domain.AnswerFact{Text: say(en, "twin.boroughs", city.Name, strings.Join(pairs, ", ")), Source: src}, len(pairs) > 0
}

// partnerWithin is the partner of place a that lies in city b abroad,
// as a Bezirk of it ("Beşiktaş" of Istanbul for Herne); "" if none.
func (e *Engine) partnerWithin(a, b string) string {
	city := e.base.Place(b)
	if city == nil || city.Country == "" {
		return ""
	}
	for _, i := range e.base.PartnershipsAt(a) {
		if q := e.base.Place(otherSide(e.base.Partnerships[i], a)); q != nil && q.Country == city.Country && q.District == city.Name {
			return q.ID
		}
	}
	return ""
}

// sharedPartner answers "Welche NRW-Stadt ist mit Amiens und Buffalo
// verpartnert?": the places twinned with both.
func (e *Engine) sharedPartner(p1, p2 *domain.Place, f Frame) domain.Answer {
	en := f.English
	a := domain.Answer{Found: true, Kind: domain.KindFacts, Title: p1.Name + " – " + p2.Name, English: en}
	first := map[string]bool{}
	for _, p := range e.base.PartnershipsOf(p1.ID) {
		first[otherSide(p, p1.ID)] = true
	}
	var names []string
	for _, p := range e.base.PartnershipsOf(p2.ID) {
		if other := otherSide(p, p2.ID); first[other] {
			names = append(names, e.base.Place(other).Name)
			if a.LeadSource == nil {
				a.LeadSource = e.base.Source(p.Source)
			}
		}
	}
	if len(names) == 0 {
		a.Found, a.Kind, a.Links = false, domain.KindNone, []domain.Link{rgre(en)}
		a.Lead = say(en, "twin.shared.no", p1.Name, p2.Name)
		return a
	}
	a.Lead = say(en, "twin.shared", p1.Name, p2.Name, joinAnd(en, names))
	return a
}

// twinnedIn answers "NRW-Städte mit Partnern in Frankreich": the NRW places
// with a partner in the country.
func (e *Engine) twinnedIn(_ context.Context, f Frame) (domain.Answer, error) {
	en := f.English
	country := f.Filters.Country
	type row struct {
		nrw *domain.Place
		// ps are the row's twinnings; their names are written only for
		// the rows the list shows.
		ps  []*domain.Partnership
		src *domain.Source
	}
	rows := map[string]*row{}
	var order []string
	at := e.twinsOf(f.Filters)
	if country == "" {
		// "Welche Städte im Ennepe-Ruhr-Kreis haben Partnerstädte?": all
		// twinnings, in the area.
		at = e.twins.all
		if f.Filters.Area != "" {
			at = e.twinsInArea(f.Filters.Area)
		}
	}
	for _, i := range at {
		p := &e.base.Partnerships[i]
		nrw := e.base.Place(p.Place)
		if nrw == nil || e.base.Place(p.Partner) == nil {
			continue
		}
		if (f.Filters.Suspended && p.Status == "") || (f.Filters.Area != "" && !e.inAreaID(nrw, f.Filters.Area)) || slices.Contains(f.Filters.Except, p.Place) ||
			!twinYearKeeps(p, f.Filters) {
			continue
		}
		r, ok := rows[nrw.ID]
		if !ok {
			r = &row{nrw: nrw, src: e.base.Source(p.Source)}
			rows[nrw.ID] = r
			order = append(order, nrw.ID)
		}
		r.ps = append(r.ps, p)
	}
	partnerNames := func(r *row) string {
		var names []string
		for _, p := range r.ps {
			name := e.withAlias(e.asAsked(e.base.Place(p.Partner), f)).Name
			var detail []string
			if !p.Since.IsZero() && (len(at) <= twinnedListed || f.Op == OpWhen) {
				detail = append(detail, strconv.Itoa(int(p.Since.Year))) // "und seit wann?": a short list says
			}
			if p.Status != "" {
				detail = append(detail, sayIfKnown(en, "short."+p.Status, p.Status))
			}
			if len(detail) > 0 {
				name += " (" + strings.Join(detail, ", ") + ")"
			}
			names = append(names, name)
		}
		return strings.Join(names, ", ")
	}
	slices.SortStableFunc(order, func(x, y string) int { return cmp.Compare(e.rank(x), e.rank(y)) })
	where := e.withCountry(en, country)
	if f.Filters.NotCountry {
		where = e.inCountryOf(en, f.Filters) // "außerhalb von Europa"
	}
	if country == "" {
		where = say(en, "in.area", inDistrict(en, e.base.Place(f.Filters.Area).Name))
	}
	a := domain.Answer{Found: len(order) > 0, Kind: domain.KindMembers, Title: say(en, "twin.in.title", where), English: en,
		Links: []domain.Link{rgre(en)}}
	if len(order) == 0 {
		a.Kind = domain.KindNone
		a.Lead = say(en, "twin.in.none", where)
		if country == "" {
			a.Lead = say(en, "twin.area.none", where)
		} else if ar := e.base.Place(f.Filters.Area); ar != nil {
			// "Welche Kommunen im Kreis Lippe haben Partner in Polen?"
			a.Lead = say(en, "twin.in.none.area", inDistrict(en, ar.Name), e.inCountryOf(en, f.Filters))
		}
		return a, nil
	}
	l := domain.List{Title: say(en, "twin.nrwlist"), Partial: true}
	for _, id := range order[:min(len(order), twinnedListed)] {
		r := rows[id]
		l.Items = append(l.Items, domain.ListItem{Name: r.nrw.Name, Detail: partnerNames(r), Source: r.src})
	}
	if len(order) > twinnedListed {
		l.Note = moreNote(en, len(order)-twinnedListed)
	}
	a.Lists = []domain.List{l}
	if country == "" {
		a.Lead = say(en, "twin.area", len(order), plural(en, len(order), "municipality", "municipalities"), where, plural(en, len(order), "has", "have"))
		return a, nil
	}
	a.Lead = say(en, "twin.in", len(order), plural(en, len(order), "municipality", "municipalities"), plural(en, len(order), "has", "have"), e.inCountryOf(en, f.Filters))
	return a, nil
}

// twinsInArea are the positions of the twinnings whose NRW place lies in
// the area, in the base's order: found through the area's places, not by
// walking every twinning.
func (e *Engine) twinsInArea(area string) []int32 {
	in, ok := e.area.in[area]
	if !ok {
		// Not an area: only the place itself lies in it (inAreaID).
		if i, ok := e.at(area); ok {
			in = []int32{i}
		}
	}
	var out []int32
	for _, i := range in {
		id := e.places[i].ID
		for _, j := range e.base.PartnershipsAt(id) {
			if e.base.Partnerships[j].Place == id {
				out = append(out, j)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// twinnedListed is how many NRW places a list of those twinned in a
// country names, each with its partners: enough to answer, short enough
// to read (the count in the lead says how many there are).
const twinnedListed = 15

// twinsOf are the positions of the twinnings with partners in the
// filters' country (an index), or outside it ("outside Europe": every
// twinning whose partner's country is known and lies elsewhere).
func (e *Engine) twinsOf(fl Filters) []int32 {
	if !fl.NotCountry {
		return e.twins.in[fl.Country]
	}
	var out []int32
	for _, i := range e.twins.all {
		p := e.base.Partnerships[i]
		if e.countryKeeps(countryOf(p, e.base.Place(p.Partner), p.Place), fl) {
			out = append(out, i)
		}
	}
	return out
}

// countryKeeps reports whether a partner's country c passes the filters:
// within their country, or, negated, known and not within it.
func (e *Engine) countryKeeps(c string, fl Filters) bool {
	if fl.Country == "" {
		return true
	}
	if fl.NotCountry {
		return c != "" && !e.lex.regions.within(c, fl.Country)
	}
	return e.lex.regions.within(c, fl.Country)
}

// inCountryOf is inCountry of the filters' country, or "außerhalb von
// Europa", "outside Europe" where they negate it.
func (e *Engine) inCountryOf(en bool, fl Filters) string {
	if !fl.NotCountry {
		return e.inCountry(en, fl.Country)
	}
	if en {
		return "outside " + theCountry(e.lex.englishCountry(fl.Country))
	}
	// The genitive from the dative the table has: "in der Türkei" →
	// "außerhalb der Türkei", "in den Niederlanden" → "außerhalb der
	// Niederlande", "im Vereinigten Königreich" → "außerhalb des
	// Vereinigten Königreichs"; a name without article: "außerhalb von
	// Europa".
	if a, ok := countryArticles[fl.Country]; ok {
		switch in := a[0]; {
		case strings.HasPrefix(in, "in der "):
			return "außerhalb der " + strings.TrimPrefix(in, "in der ")
		case strings.HasPrefix(in, "in den "):
			ws := strings.Fields(strings.TrimPrefix(in, "in den "))
			for i, w := range ws {
				ws[i] = strings.TrimSuffix(w, "n")
			}
			return "außerhalb der " + strings.Join(ws, " ")
		case strings.HasPrefix(in, "im "):
			return "außerhalb des " + strings.TrimPrefix(in, "im ") + "s"
		}
	}
	return "außerhalb von " + fl.Country
}

// twinningRanks answers the most and the oldest over all twinnings: the
// city with the most partners, the country or year with the most, the
// oldest twinning; and compares two places on their twinnings.
func (e *Engine) twinningRanks(_ context.Context, f Frame) (domain.Answer, error) {
	en := f.English
	a := domain.Answer{Found: true, Kind: domain.KindFacts, Title: say(en, "twin.figures"), English: en, Links: []domain.Link{rgre(en)}}
	if f.Op == OpCompare {
		if b, ok := e.comparePairs(f); ok {
			return b, nil
		}
		return e.compare(context.Background(), f)
	}
	if b, ok := e.twinWordsFact(f); ok {
		return b, nil
	}
	ps, kept := e.twins.known, e.twins.isKnown // positions in base.Partnerships
	unfiltered := f.Filters.Country == "" && f.Filters.Area == "" && !f.Filters.Suspended
	if !unfiltered {
		all := e.twins.all
		if f.Filters.Country != "" {
			all = e.twinsOf(f.Filters)
		}
		ps, kept = nil, make([]bool, len(e.base.Partnerships))
		for _, i := range all {
			p := &e.base.Partnerships[i]
			if pl := e.base.Place(p.Place); pl != nil && (f.Filters.Area == "" || e.inAreaID(pl, f.Filters.Area)) && (!f.Filters.Suspended || p.Status != "") {
				ps = append(ps, i)
				kept[i] = true
			}
		}
	}
	basis := domain.AnswerFact{Text: say(en, "twin.basis", len(ps))}
	switch {
	case f.Most == DirOldest || f.Most == DirNewest:
		// The dated twinnings are sorted once per snapshot, oldest first;
		// they are read by position, never copied.
		var dated []int32
		for _, i := range e.twins.sorted {
			if kept[i] {
				dated = append(dated, i)
			}
		}
		if len(dated) == 0 {
			return e.notFound(f), nil
		}
		p, key := &e.base.Partnerships[dated[0]], "twin.old.nrw"
		if f.Most == DirNewest {
			p, key = &e.base.Partnerships[dated[len(dated)-1]], "twin.new.nrw"
		}
		nrw, other := e.base.Place(p.Place), e.base.Place(p.Partner)
		a.Lead = say(en, key, nrw.Name, e.otherName(other, en), dateIn(en, p.Since))
		a.LeadSource = e.base.Source(p.Source)
		// Ties in the same year are said too: sources often give the year only.
		for _, i := range dated {
			q := &e.base.Partnerships[i]
			if q.Since.Year == p.Since.Year && (q.Place != p.Place || q.Partner != p.Partner) && len(a.Facts) < 3 {
				a.Facts = append(a.Facts, domain.AnswerFact{Text: e.base.Place(q.Place).Name + " – " + e.otherName(e.base.Place(q.Partner), en) + ", " + say(en, "since", dateIn(en, q.Since)),
					Source: e.base.Source(q.Source)})
			}
		}
		a.Facts = append(a.Facts, basis)
		return a, nil
	case f.Measure == MeasureYears:
		return e.twinningsByYear(ps, f, basis), nil
	case f.Measure == MeasureCountries:
		return e.twinningsByCountry(ps, f, basis), nil
	}
	// The city with the most (or fewest) twinnings.
	count, ids := e.twins.count, e.twins.top[f.Most == DirSmallest]
	if !unfiltered {
		count, ids = e.mostTwinned(ps, f.Most == DirSmallest)
	}
	if len(ids) == 0 {
		return e.notFound(f), nil
	}
	top := e.base.Place(ids[0])
	key := "twin.most.city"
	if f.Most == DirSmallest {
		key = "twin.least.city"
	}
	a.Lead = say(en, key, top.Name, count[ids[0]])
	var next []string
	for _, id := range ids[1:min(len(ids), 5)] {
		next = append(next, fmt.Sprintf("%s (%d)", e.base.Place(id).Name, count[id]))
	}
	if len(next) > 0 {
		a.Facts = append(a.Facts, domain.AnswerFact{Text: strings.Join(next, ", ")})
	}
	a.Facts = append(a.Facts, basis)
	return a, nil
}

// mostTwinned counts the twinnings per NRW place and returns the counts
// and the five places with the most (fewest) of them, ties by id.
func (e *Engine) mostTwinned(ps []int32, fewest bool) (map[string]int, []string) {
	count := map[string]int{}
	for _, i := range ps {
		if p := e.base.Partnerships[i]; proper(p) {
			count[p.Place]++ // Städtepartnerschaften: friendships and projects are not counted
		}
	}
	ids := make([]string, 0, len(count))
	for id := range count {
		ids = append(ids, id)
	}
	return count, topN(ids, 5, func(x, y string) int {
		if count[x] != count[y] {
			if fewest {
				return count[x] - count[y]
			}
			return count[y] - count[x]
		}
		return strings.Compare(x, y)
	})
}

// twinningsByYear answers in which year the most twinnings began.
// twinningsInYear answers "Welche Städtepartnerschaften wurden 2022
// geschlossen?": the twinnings of NRW places the base dates to that year
// (or before or after it), in the order of time.
func (e *Engine) twinningsInYear(_ context.Context, f Frame) (domain.Answer, error) {
	en := f.English
	a := domain.Answer{Found: true, Kind: domain.KindMembers, Title: say(en, "twin.figures"), English: en, Links: []domain.Link{rgre(en)}}
	l := domain.List{Title: say(en, "twin.list"), Partial: true}
	n := 0
	// The dated twinnings are sorted by date: the year's are one run of
	// them, found by halving, so the answer does not grow with the base.
	sorted, y := e.twins.sorted, f.Filters.Year
	at := func(year int) int {
		i, _ := slices.BinarySearchFunc(sorted, year, func(x int32, year int) int { return cmp.Compare(int(e.base.Partnerships[x].Since.Year), year) })
		return i
	}
	switch f.Filters.YearOp {
	case "before":
		sorted = sorted[:at(y)]
	case "after":
		sorted = sorted[at(y):]
	case "between":
		sorted = sorted[at(y):at(f.Filters.YearTo+1)]
	default:
		sorted = sorted[at(y):at(y+1)]
	}
	for _, i := range sorted {
		p := &e.base.Partnerships[i]
		pl, other := e.base.Place(p.Place), e.base.Place(p.Partner)
		if pl == nil || other == nil || !yearKeeps(int(p.Since.Year), f.Filters) ||
			(f.Filters.Country != "" && !e.countryKeeps(countryOf(*p, other, pl.ID), f.Filters)) ||
			(f.Filters.Area != "" && !e.inAreaID(pl, f.Filters.Area)) || (f.Filters.Suspended && p.Status == "") {
			continue
		}
		n++
		if len(l.Items) < maxListed {
			l.Items = append(l.Items, domain.ListItem{Name: pl.Name + " – " + other.Name, Detail: e.partnershipShort(en, *p, other, pl.ID, false), Source: e.base.Source(p.Source)})
		}
	}
	fl := f.Filters
	fl.Suspended = false // the year's list is by signing only
	when := twinYears(en, fl)
	if n == 0 {
		a.Found, a.Kind = false, domain.KindNone
		a.Lead = say(en, "twin.year.none", when)
		return a, nil
	}
	if n > len(l.Items) {
		l.Note = moreNote(en, n-len(l.Items))
	}
	a.Lead = say(en, "twin.year", n, when)
	a.Lists = []domain.List{l}
	return a, nil
}

func (e *Engine) twinningsByYear(ps []int32, f Frame, basis domain.AnswerFact) domain.Answer {
	en := f.English
	count := map[int]int{}
	for _, i := range ps {
		if p := &e.base.Partnerships[i]; !p.Since.IsZero() {
			count[int(p.Since.Year)]++
		}
	}
	best := 0
	for y, n := range count {
		if n > count[best] || n == count[best] && y < best {
			best = y
		}
	}
	if best == 0 {
		return e.notFound(f)
	}
	a := domain.Answer{Found: true, Kind: domain.KindFacts, Title: say(en, "twin.figures"), English: en, Links: []domain.Link{rgre(en)}}
	a.Lead = say(en, "twin.most.year", best, count[best])
	var names []string
	for _, i := range ps {
		if p := &e.base.Partnerships[i]; int(p.Since.Year) == best && len(names) < 8 {
			names = append(names, e.base.Place(p.Place).Name+" – "+e.otherName(e.base.Place(p.Partner), en))
		}
	}
	// What was counted, then the official figure, then the names: the
	// names go first when the answer is too long.
	a.Facts = append(append([]domain.AnswerFact{basis}, e.statedTwinCounts(f, yearRE.MatchString)...),
		domain.AnswerFact{Text: strings.Join(names, ", ")})
	return a
}

// statedTwinCounts are the statewide figures whose text speaks of what a
// "most" question measures, newest first: the official statistic says more
// than a count over the twinnings the base names, so it is given too. Only
// for questions about all of NRW; a filtered question has no such figure.
func (e *Engine) statedTwinCounts(f Frame, speaks func(string) bool) []domain.AnswerFact {
	if f.Filters.Country != "" || f.Filters.Area != "" || f.Filters.Suspended {
		return nil
	}
	var fs []domain.AnswerFact
	cs := e.base.PartnershipCounts
	for i := len(cs) - 1; i >= 0 && len(fs) < 2; i-- {
		if !speaks(cs[i].Text) {
			continue
		}
		fs = append(fs, domain.AnswerFact{Text: cs[i].Value + " " + clauses(cs[i].Text, speaks), Stand: cs[i].Stand, Source: e.base.Source(cs[i].Source)})
	}
	return fs
}

// clauses clips a figure's text to the clauses that answer: the first
// says what was counted; of the rest only those that answer stay, so the
// answer keeps its room.
func clauses(text string, answers func(string) bool) string {
	parts := strings.Split(text, "; ")
	out := parts[0]
	for _, p := range parts[1:] {
		if answers(p) {
			out += " … " + p
		}
	}
	return out
}

// twinningsByCountry answers with which country NRW places have the most
// twinnings.
func (e *Engine) twinningsByCountry(ps []int32, f Frame, basis domain.AnswerFact) domain.Answer {
	en := f.English
	count := map[string]int{}
	for _, i := range ps {
		p := e.base.Partnerships[i]
		if other := e.base.Place(p.Partner); other != nil {
			count[countryOf(p, other, p.Place)]++
		}
	}
	// The countries sorted with their counts beside them, not looked up
	// twice in every comparison: the sort was most of answering "which
	// country has the most?" (issue 17). Names are unique, so the order
	// is total and needs no stable sort.
	type counted struct {
		c string
		n int
	}
	byCount := make([]counted, 0, len(count))
	for c, n := range count {
		byCount = append(byCount, counted{c, n})
	}
	slices.SortFunc(byCount, func(x, y counted) int {
		if x.n != y.n {
			return y.n - x.n
		}
		return strings.Compare(x.c, y.c)
	})
	var cs []string
	for _, x := range byCount {
		cs = append(cs, x.c)
	}
	if len(cs) == 0 {
		return e.notFound(f)
	}
	a := domain.Answer{Found: true, Kind: domain.KindFacts, Title: say(en, "twin.figures"), English: en, Links: []domain.Link{rgre(en)}}
	a.Lead = say(en, "twin.most.cty", e.withCountry(en, cs[0]), count[cs[0]])
	var next []string
	for _, c := range cs[1:min(len(cs), 5)] {
		next = append(next, e.countryName(en, c)+" ("+strconv.Itoa(count[c])+")")
	}
	top := e.countryName(false, cs[0])
	stated := e.statedTwinCounts(f, func(t string) bool { return strings.Contains(t, top) })
	// The figure that gives the country's number ("mit Frankreich vorn
	// (269)") before one that gives a share of it.
	figure := func(t string) bool { // "Frankreich vorn (269)": a bracketed figure just after the name
		_, after, ok := strings.Cut(t, top)
		after, _, _ = strings.Cut(after, ";")
		i := strings.Index(after, "(")
		return ok && i >= 0 && i <= 12 && i+1 < len(after) && after[i+1] >= '0' && after[i+1] <= '9'
	}
	slices.SortStableFunc(stated, func(x, y domain.AnswerFact) int { return b2i(figure(y.Text)) - b2i(figure(x.Text)) })
	a.Facts = append(append([]domain.AnswerFact{basis}, stated...), domain.AnswerFact{Text: strings.Join(next, ", ")})
	return a
}

// otherName is a partner with its country: "Amiens (Frankreich)".
func (e *Engine) otherName(pl *domain.Place, en bool) string {
	if pl.Country == "" || strings.HasSuffix(pl.Name, ")") {
		return pl.Name
	}
	return pl.Name + " (" + e.countryName(en, pl.Country) + ")"
}

// twinningFigures answers "Wie viele Städtepartnerschaften gibt es in
// NRW?" from the statewide figures, the newest first, and where the data
// lives when asked for a list or a database.
func (e *Engine) twinningFigures(_ context.Context, f Frame) (domain.Answer, error) {
	en := f.English
	cs := e.base.PartnershipCounts
	a := domain.Answer{Found: len(cs) > 0, Kind: domain.KindFacts, Title: say(en, "twin.figures"), English: en, Links: []domain.Link{rgre(en)}}
	if b, ok := e.twinWordsFact(f); ok {
		return b, nil
	}
	if c := f.Filters.Country; c != "" && f.Filters.NotCountry {
		// "Wie viele Partnerschaften haben NRW-Kommunen außerhalb
		// Europas?": the base's, by name; the figures count by country.
		a.Found = true
		a.Lead = say(en, "twin.fig.cty", e.inCountryOf(en, f.Filters), len(e.twinsOf(f.Filters)))
		return a, nil
	}
	if c := f.Filters.Country; c != "" {
		// "Wie viele NRW-Partnerschaften gibt es mit Frankreich?": the
		// figures that name the country, then the ones the base names.
		names := func(t string) bool { return slices.Contains(e.lex.countriesIn(e.tokensOf(t)), c) }
		for i := len(cs) - 1; i >= 0; i-- {
			if names(cs[i].Text) {
				a.Facts = append(a.Facts, domain.AnswerFact{Text: cs[i].Value + " " + clauses(cs[i].Text, names), Stand: cs[i].Stand, Source: e.base.Source(cs[i].Source)})
			}
		}
		// Statements that speak of the country: "Mit dem Vereinigten
		// Königreich gibt es über 130 Partner- und Freundschaften".
		// A figure of partnerships answers "wie viele" first; each fact is
		// scored once, not in every comparison.
		type scored struct {
			f     domain.AnswerFact
			score int
		}
		var fs []scored
		for _, r := range e.countryFacts[c] {
			x := e.fact(r, en)
			fs = append(fs, scored{x, 2*b2i(countsTwinnings(x.Text)) + b2i(hasFigure(x.Text)) + e.countWords(x.Text, f.Words)})
		}
		slices.SortStableFunc(fs, func(x, y scored) int {
			if x.score == y.score && f.Latest {
				return dateKey(y.f.Stand) - dateKey(x.f.Stand) // "mittlerweile": the newest figure
			}
			return y.score - x.score
		})
		for _, x := range fs {
			a.Facts = appendFact(a.Facts, x.f)
		}
		a.Facts = a.Facts[:min(len(a.Facts), 2)]
		a.Found = true
		a.Lead = say(en, "twin.fig.cty", e.withCountry(en, c), len(e.twinsOf(f.Filters)))
		return a, nil
	}
	if f.Attribute == domain.AttrData || f.Attribute == domain.AttrContact || f.Op == OpWhere || f.Attribute == domain.AttrWebsite {
		// "Wo finde ich alle Partnerstädte?": where the data lives.
		if n := e.base.Network(e.twinNetwork); n != nil {
			if fs := e.topicFacts(n, en, "data", "contact"); len(fs) > 0 {
				slices.SortStableFunc(fs, func(x, y domain.AnswerFact) int {
					return e.countWords(y.Text, []string{"datenbank"}) - e.countWords(x.Text, []string{"datenbank"})
				})
				leadWith(&a, fs[0])
				a.Facts = fs[1:min(len(fs), 2)]
				a.Hits = []domain.Hit{networkHit(n)}
				a.Found = true
				return a, nil
			}
		}
	}
	if len(cs) == 0 || f.Filters.Suspended {
		a.Kind, a.Found = domain.KindNone, len(e.base.Partnerships) > 0
		a.Lead = say(en, "twin.fig.none")
		if f.Filters.Suspended {
			return e.suspendedAll(f), nil
		}
		return a, nil
	}
	if f.From != "" || f.Filters.Year != 0 {
		// "laut Netzwerkstelle (Umfrage 2021)": that source's figure of
		// that year leads, the others follow as they would.
		fits := func(c domain.Count) bool {
			return (f.From == "" || e.fromSource(domain.AnswerFact{Text: c.Text, Source: e.base.Source(c.Source)}, f) == 1) &&
				(f.Filters.Year == 0 || int(c.Stand.Year) == f.Filters.Year)
		}
		for i := len(cs) - 1; i >= 0; i-- {
			if c := cs[i]; fits(c) {
				cs = append(slices.Delete(slices.Clone(cs), i, i+1), c)
				break
			}
		}
	}
	newest := cs[len(cs)-1]
	text := newest.Text
	if e.countWords(text, f.Words) == 0 {
		text = shortSentence(text, 260) // the whole statement only when asked for what is in it
	}
	leadWith(&a, domain.AnswerFact{Text: newest.Value + " " + text, Stand: newest.Stand, Source: e.base.Source(newest.Source)})
	for i := len(cs) - 2; i >= max(0, len(cs)-3); i-- {
		c := cs[i]
		a.Facts = append(a.Facts, domain.AnswerFact{Text: c.Value + " " + c.Text, Stand: c.Stand, Source: e.base.Source(c.Source), Older: true})
	}
	a.Facts = append(a.Facts, domain.AnswerFact{Text: say(en, "twin.fig.named", len(e.base.Partnerships))})
	return a, nil
}

// suspendedAll lists the twinnings that rest or ended.
func (e *Engine) suspendedAll(f Frame) domain.Answer {
	en := f.English
	a := domain.Answer{Found: true, Kind: domain.KindMembers, Title: say(en, "twin.figures"), English: en, Links: []domain.Link{rgre(en)}}
	l := domain.List{Title: say(en, "twin.nrwlist"), Partial: true}
	for _, p := range e.base.Partnerships {
		if p.Status == "" {
			continue
		}
		nrw, other := e.base.Place(p.Place), e.base.Place(p.Partner)
		l.Items = append(l.Items, domain.ListItem{Name: nrw.Name, Detail: e.otherName(other, en) + ": " + p.Status, Source: e.base.Source(p.Source)})
	}
	if len(l.Items) == 0 {
		a.Found = false
		a.Lead = say(en, "twin.fig.none")
		return a
	}
	a.Lead = say(en, "twin.susp.n", len(l.Items))
	a.Lists = []domain.List{l}
	return a
}

// overviewPartners is how many partners a place's overview names all of:
// most places have no more, so a briefing on a town names them all; of a
// city with more, the first few stand for the rest (its twinnings' own
// answer lists them).
const (
	overviewPartners = 8
	overviewFew      = 4
)

// countListed is how many partners a count of a place's twinnings names:
// "Witten hat 9 Städtepartnerschaften" is asked to know which, and a
// dozen still read as one answer.
const countListed = 12

// partnersLine is a place's twinnings in one line, for the place's answer.
func (e *Engine) partnersLine(pl *domain.Place, en bool) (domain.AnswerFact, bool) {
	ps := append([]domain.Partnership(nil), e.base.PartnershipsOf(pl.ID)...)
	if len(ps) == 0 {
		return domain.AnswerFact{}, false
	}
	sortPartnerships(ps)
	var names []string
	x := domain.AnswerFact{Source: e.base.Source(ps[0].Source)}
	shown := len(ps)
	if shown > overviewPartners {
		shown = overviewFew
	}
	for _, p := range ps[:shown] {
		other := e.base.Place(otherSide(p, pl.ID))
		if other == nil {
			continue
		}
		name := other.Name
		if c := countryOf(p, other, pl.ID); c != "" && c != "Deutschland" && !strings.HasSuffix(name, "("+c+")") {
			c = e.countryName(en, c)
			if strings.HasSuffix(name, ")") {
				name = strings.TrimSuffix(name, ")") + ", " + c + ")" // "Enniskillen (Fermanagh, Vereinigtes Königreich)"
			} else {
				name += " (" + c + ")"
			}
		}
		names = append(names, name)
	}
	more := ""
	if len(ps) > shown {
		more = " " + moreNote(en, len(ps)-shown)
	}
	key := "place.partners"
	if pl.Country != "" {
		key = "place.partnersN"
	}
	x.Text = say(en, key, strings.Join(names, ", ")+more)
	return x, true
}

// otherSide is the place on the other side of a twinning from id.
func otherSide(p domain.Partnership, id string) string {
	if p.Place == id {
		return p.Partner
	}
	return p.Place
}

// firstPartner answers which of several NRW places twinned first (or
// last) with the one place abroad the question names: "Leeds ist
// Partnerstadt von Dortmund und von Siegen – wer war zuerst?" is Leeds –
// Siegen (1966); the other pairs follow with their years.
func (e *Engine) firstPartner(places []string, f Frame) (domain.Answer, bool) {
	if len(places) < 3 || f.Most != DirOldest && f.Most != DirNewest {
		return domain.Answer{}, false
	}
	abroad := ""
	for _, id := range places {
		if pl := e.base.Place(id); pl != nil && pl.Country != "" {
			if abroad != "" {
				return domain.Answer{}, false
			}
			abroad = id
		}
	}
	if abroad == "" {
		return domain.Answer{}, false
	}
	type dated struct {
		id     string
		since  domain.Date
		source string
	}
	var pairs, undated []dated
	for _, p := range e.base.PartnershipsOf(abroad) {
		switch id := otherSide(p, abroad); {
		case !slices.Contains(places, id):
		case p.Since.IsZero():
			undated = append(undated, dated{id, p.Since, p.Source})
		default:
			pairs = append(pairs, dated{id, p.Since, p.Source})
		}
	}
	if len(pairs) < 2 {
		return domain.Answer{}, false
	}
	slices.SortStableFunc(pairs, func(a, b dated) int { return dateKey(a.since) - dateKey(b.since) })
	if f.Most == DirNewest {
		slices.Reverse(pairs)
	}
	a := e.twinningPair(abroad, pairs[0].id, f)
	for _, p := range pairs[1:] {
		if pl := e.base.Place(p.id); pl != nil {
			a.Facts = append(a.Facts, domain.AnswerFact{Text: say(f.English, "twin.pair.since.short", pl.Name, dateIn(f.English, p.since)), Source: e.base.Source(p.source)})
		}
	}
	// One without a year might be older still: the answer says so.
	for _, p := range undated {
		if pl := e.base.Place(p.id); pl != nil {
			a.Facts = append(a.Facts, domain.AnswerFact{Text: say(f.English, "twin.pair.since.none", pl.Name), Source: e.base.Source(p.source)})
		}
	}
	return a, true
}

// countryOf is the country of the twinning's other side, seen from id.
func countryOf(p domain.Partnership, other *domain.Place, id string) string {
	if p.Place == id {
		if p.Country != "" {
			return p.Country
		}
		if other.Country != "" {
			return other.Country
		}
		return "Deutschland"
	}
	if other.Country != "" {
		return other.Country
	}
	return "Deutschland"
}

// partnershipDetail is "Frankreich, seit 1967" plus kind and status.
func (e *Engine) partnershipDetail(en bool, p domain.Partnership, other *domain.Place, id string) string {
	var parts []string
	if c := countryOf(p, other, id); c != "" && !(c == "Deutschland" && other.State == "Nordrhein-Westfalen") {
		parts = append(parts, e.countryName(en, c))
	}
	if !p.Since.IsZero() {
		parts = append(parts, say(en, "since", dateIn(en, p.Since)))
	}
	if p.Kind != "" && p.Kind != "Partnerschaft" {
		parts = append(parts, sayIfKnown(en, "kind1."+p.Kind, p.Kind))
	}
	if p.Status != "" {
		// Not "ausgesetzt, bis auf Weiteres ausgesetzt": a note that says
		// the status says it better.
		if status := sayIfKnown(en, "short."+p.Status, p.Status); !strings.Contains(words.Fold(p.Note), words.Fold(status)) {
			parts = append(parts, status)
		}
	}
	if p.Note != "" {
		parts = append(parts, p.Note)
	}
	return strings.Join(parts, ", ")
}

// partnershipShort is partnershipDetail for a list: country, year, kind
// and status, no notes ("Frankreich, 1960"); exact (a question when:
// "seit wann genau?", "und seit wann?") gives the day where the source
// dates it.
func (e *Engine) partnershipShort(en bool, p domain.Partnership, other *domain.Place, id string, exact bool) string {
	var parts []string
	if c := countryOf(p, other, id); c != "" && !(c == "Deutschland" && other.State == "Nordrhein-Westfalen") &&
		!strings.HasSuffix(other.Name, "("+c+")") && !strings.HasSuffix(other.Name, "("+e.countryName(en, c)+")") {
		parts = append(parts, e.countryName(en, c)) // not "Arad (Israel) (Israel, 1989)"
	}
	switch {
	case exact && p.Since.Day != 0:
		parts = append(parts, dateIn(en, p.Since)) // "seit wann genau?": as dated as the source
	case !p.Since.IsZero():
		parts = append(parts, strconv.Itoa(int(p.Since.Year)))
	}
	if p.Kind != "" && p.Kind != "Partnerschaft" {
		parts = append(parts, sayIfKnown(en, "kind1."+p.Kind, p.Kind))
	}
	if p.Status != "" {
		parts = append(parts, sayIfKnown(en, "short."+p.Status, p.Status))
	}
	return strings.Join(parts, ", ")
}

// sayIfKnown is say for a key the table may lack (a kind or status the
// curators added): then the word as written.
func sayIfKnown(en bool, key, word string) string {
	if _, ok := messages[key]; ok {
		return say(en, key)
	}
	return word
}

// sortPartnerships orders twinnings oldest first, undated last.
func sortPartnerships(ps []domain.Partnership) {
	slices.SortStableFunc(ps, func(a, b domain.Partnership) int {
		if a.Since.IsZero() != b.Since.IsZero() {
			if a.Since.IsZero() {
				return 1
			}
			return -1
		}
		return dateKey(a.Since) - dateKey(b.Since)
	})
}

// countryArticles are the countries that take an article in German.
var countryArticles = map[string][2]string{
	"Vereinigtes Königreich":   {"im Vereinigten Königreich", "mit dem Vereinigten Königreich"},
	"USA":                      {"in den USA", "mit den USA"},
	"Niederlande":              {"in den Niederlanden", "mit den Niederlanden"},
	"Türkei":                   {"in der Türkei", "mit der Türkei"},
	"Ukraine":                  {"in der Ukraine", "mit der Ukraine"},
	"Schweiz":                  {"in der Schweiz", "mit der Schweiz"},
	"Slowakei":                 {"in der Slowakei", "mit der Slowakei"},
	"Palästinensische Gebiete": {"in den Palästinensischen Gebieten", "mit den Palästinensischen Gebieten"},
}

// inCountry is "in Polen", "im Vereinigten Königreich"; in English "in Poland".
func (e *Engine) inCountry(en bool, c string) string {
	if en {
		return "in " + theCountry(e.lex.englishCountry(c))
	}
	if a, ok := countryArticles[c]; ok {
		return a[0]
	}
	return "in " + c
}

// withCountry is "mit Polen", "mit dem Vereinigten Königreich"; in English "with Poland".
func (e *Engine) withCountry(en bool, c string) string {
	if en {
		return "with " + theCountry(e.lex.englishCountry(c))
	}
	if a, ok := countryArticles[c]; ok {
		return a[1]
	}
	return "mit " + c
}

// withAlias is a place abroad with its other spelling, once: "Rschew
// (Rshew)", so people find the name they know.
func (e *Engine) withAlias(pl *domain.Place) *domain.Place {
	if pl.Name != e.base.Place(pl.ID).Name || len(pl.Aliases) == 0 || pl.Country == "" ||
		strings.Contains(words.Fold(pl.Name), words.Fold(pl.Aliases[0])) || restates(pl.Name, pl.Aliases[0]) {
		return pl // "Saint Paul (Minnesota)" needs no "(Saint Paul)"
	}
	c := *pl
	c.Name += " (" + pl.Aliases[0] + ")"
	return &c
}

// restates reports whether an alias only says the name's words again:
// "Bocholt in Belgien" for "Bocholt (Belgien)".
func restates(name, alias string) bool {
	in := words.Split(words.Fold(name))
	for _, w := range words.Split(words.Fold(alias)) {
		if len(w) >= 3 && !slices.Contains(in, w) {
			return false
		}
	}
	return true
}

// asAsked is the place with the other name the question used for it
// added: "Rschew (Rshew)", so the asker finds the name they typed.
func (e *Engine) asAsked(pl *domain.Place, f Frame) *domain.Place {
	if c := pl.Country; f.English && c != "" && strings.HasSuffix(pl.Name, "("+c+")") {
		// "Bocholt (Belgien)", a name told apart by its country: in
		// English, "Bocholt (Belgium)".
		en := *pl
		en.Name = strings.TrimSuffix(pl.Name, "("+c+")") + "(" + e.countryName(true, c) + ")"
		pl = &en
	}
	if s := f.subject(pl.ID); s.As != "" && s.As != pl.Name && !strings.Contains(pl.Name, "("+s.As+")") {
		c := *pl
		c.Name = pl.Name + " (" + s.As + ")"
		return &c
	}
	return pl
}

// statusPhrase says a twinning's status in the answer's language: each
// status its own verb ("ruht", "wurde beendet"), any other as it is
// written.
func statusPhrase(en bool, status string) string {
	if _, ok := messages["status."+status]; ok {
		return say(en, "status."+status)
	}
	return say(en, "twin.pair.stat", status)
}

// proper reports whether a twinning is a Städtepartnerschaft itself, not a
// friendship, a project or a contact: those are listed, but not counted as
// Partnerstädte.
func proper(p domain.Partnership) bool { return p.Kind == "" || p.Kind == domain.PartnershipKinds[0] }

// twinCounts says how many twinnings of each kind a place has: "9
// Städtepartnerschaften und 1 Freundschaft".
func (e *Engine) twinCounts(en bool, ps []domain.Partnership) string {
	n := 0
	others := map[string]int{}
	var order []string
	for _, p := range ps {
		if proper(p) {
			n++
			continue
		}
		if others[p.Kind] == 0 {
			order = append(order, p.Kind)
		}
		others[p.Kind]++
	}
	parts := []string{fmt.Sprintf("%d %s", n, plural(en, n, "twin.word", "twins.word"))}
	if n == 0 && len(order) > 0 {
		parts = nil
	}
	for _, k := range order {
		word := k
		if _, ok := messages["kind1."+k]; ok {
			word = plural(en, others[k], "kind1."+k, "kindN."+k)
		}
		parts = append(parts, fmt.Sprintf("%d %s", others[k], word))
	}
	return joinAnd(en, parts)
}

// theCountry puts "the" before the English names that take it: "the United
// Kingdom", "the Netherlands".
func theCountry(name string) string {
	if strings.HasPrefix(name, "United ") || name == "Netherlands" || name == "Philippines" {
		return "the " + name
	}
	return name
}

// hasFigure reports whether a text gives a number that is not a year or a
// day: "167 formalisierte Partnerschaften", "über 120".
func hasFigure(text string) bool {
	for i := 0; i < len(text); {
		if text[i] < '0' || text[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(text) && (text[j] >= '0' && text[j] <= '9' || text[j] == '.' && j+1 < len(text) && text[j+1] >= '0' && text[j+1] <= '9') {
			j++
		}
		n, err := strconv.Atoi(strings.ReplaceAll(text[i:j], ".", ""))
		day := j < len(text) && text[j] == '.' // "29. März", "5. Tag"
		if err == nil && !day && n >= 10 && (n < 1900 || n > 2100) {
			return true
		}
		i = j
	}
	return false
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// countsTwinnings reports whether a text gives a number of twinnings: a
// figure with a twinning word right after it ("über 130 Partner- und
// Freundschaften", "167 formalisierte … Partnerschaften").
//
// Only a text with a figure is split, and only the words after a figure
// are lowered (issue 17): a figure lies within a word, and lowering
// changes neither digits nor spaces, so this reads the words of
// strings.Fields(strings.ToLower(text)).
func countsTwinnings(text string) bool {
	if !hasFigure(text) {
		return false
	}
	ws := strings.Fields(text)
	for i, w := range ws {
		if !hasFigure(w) {
			continue
		}
		for _, x := range ws[i+1 : min(len(ws), i+5)] {
			if x = strings.ToLower(x); strings.Contains(x, "partner") || strings.Contains(x, "freundschaft") {
				return true
			}
		}
	}
	return false
}

// countryName is a country's name in the answer's language: "Polen",
// "Poland".
func (e *Engine) countryName(en bool, c string) string {
	if en {
		return e.lex.englishCountry(c)
	}
	return c
}

// twinningsSaying answers a question about twinnings that names no
// place from the twinning whose note or statements have all its words:
// "Was war die erste deutsch-deutsche Städtepartnerschaft?".
func (e *Engine) twinningsSaying(f Frame) (domain.Answer, bool) {
	// Only the twinnings whose note or statements have one of the words
	// (twinWords): the answer does not grow with the base.
	if !asksOneTwinning(f) {
		return domain.Answer{}, false
	}
	var cand []int32
	index := e.twinWords()
	for _, w := range f.Words {
		cand = append(append(cand, index[w]...), index[words.Stem(w)]...)
	}
	slices.Sort(cand)
	best, bestScore := domain.Answer{}, 0
	for _, i := range slices.Compact(cand) {
		p := e.base.Partnerships[i]
		pl := e.base.Place(p.Place)
		if pl == nil {
			continue
		}
		if lead, src, score := e.twinningSayingScored(pl, []domain.Partnership{p}, f); score > bestScore {
			best = domain.Answer{Found: true, Kind: domain.KindFacts, Title: say(f.English, "twin.figures"), English: f.English, Lead: lead, LeadSource: src,
				Hits: []domain.Hit{placeHit(pl)}}
			bestScore = score
		}
	}
	return best, bestScore > 0
}

// twinningSaying is the twinning of a place whose note or statements have
// all of the question's content words ("erste deutsch-deutsche"), as a
// lead with its source: the pair and what is said of it.
func (e *Engine) twinningSaying(pl *domain.Place, ps []domain.Partnership, f Frame) (string, *domain.Source, bool) {
	lead, src, score := e.twinningSayingScored(pl, ps, f)
	return lead, src, score > 0
}

// twinningSayingScored is twinningSaying with how well the words fit.
func (e *Engine) twinningSayingScored(pl *domain.Place, ps []domain.Partnership, f Frame) (string, *domain.Source, int) {
	if !asksOneTwinning(f) {
		return "", nil, 0
	}
	lead, src, best := "", (*domain.Source)(nil), 0
	consider := func(text, l string, s *domain.Source) {
		// All the words, and of two that do, the one that has more as
		// written: "deutsch-deutsche" over "deutsch-israelische". "Die
		// erste …" asks for a note that says "erste", not "jüngste".
		if e.countWords(text, f.Words) == len(f.Words) && (f.Most == DirNone || e.lex.saysMost(e.tokensOf(text), f.Most)) {
			if n := 1 + e.countExact(text, f.Words); n > best {
				lead, src, best = l, s, n
			}
		}
	}
	for _, p := range ps {
		other := e.base.Place(otherSide(p, pl.ID))
		if other == nil || f.Filters.Country != "" && !e.countryKeeps(countryOf(p, other, pl.ID), f.Filters) {
			continue
		}
		if p.Note != "" {
			consider(p.Note, say(f.English, "twin.said", pl.Name, other.Name, e.partnershipDetail(f.English, p, other, pl.ID)), e.base.Source(p.Source))
		}
		for _, x := range p.Facts {
			consider(x.Text, say(f.English, "twin.said.fact", pl.Name, other.Name, x.Text), e.base.Source(x.Source))
		}
	}
	return lead, src, best
}

// asksOneTwinning reports whether a question's words may pick one twinning
// by what its note says; a list stays a list ("Welche ruhen wegen des
// Kriegs?").
func asksOneTwinning(f Frame) bool {
	return len(f.Words) > 0 && !f.Filters.Suspended && f.Op != OpList && f.Op != OpCount
}

// twinYears says a year filter of twinnings: "geschlossen 2022",
// "geschlossen ab 2000", "geschlossen 2000 bis 2009".
func twinYears(en bool, fl Filters) string {
	switch fl.YearOp {
	case "before":
		return say(en, "twin.before.year", fl.Year)
	case "after":
		return say(en, "twin.after.year", fl.Year)
	case "between":
		return say(en, "twin.between.years", fl.Year, fl.YearTo)
	}
	if fl.Suspended {
		return say(en, "twin.in.year.either", fl.Year) // ended then, or signed then
	}
	return say(en, "twin.in.year", fl.Year)
}

// namesYearIn reports whether a text names a year from lo to hi.
func namesYearIn(text string, lo, hi int) bool {
	for _, m := range yearRE.FindAllString(text, -1) {
		if n, _ := strconv.Atoi(m); n >= lo && n <= hi {
			return true
		}
	}
	return false
}

// comparePairs compares two twinnings by age where the places named are
// the two pairs ("Was ist älter, Dortmund-Leeds oder Siegen-Leeds?",
// "Essen–Sunderland oder Essen–Tampere"): the older (or younger) with its
// date, then the other. It declines where the places are not exactly two
// twinned pairs.
func (e *Engine) comparePairs(f Frame) (domain.Answer, bool) {
	if f.Most != DirOldest && f.Most != DirNewest {
		return domain.Answer{}, false
	}
	ids := f.places()
	var pairs []domain.Partnership
	for i, a := range ids {
		for _, b := range ids[i+1:] {
			for _, p := range e.base.PartnershipsOf(a) {
				if otherSide(p, a) == b {
					pairs = append(pairs, p)
					break
				}
			}
		}
	}
	covered := func(id string) bool {
		return slices.ContainsFunc(pairs, func(p domain.Partnership) bool { return p.Place == id || p.Partner == id })
	}
	if len(pairs) != 2 || !slices.ContainsFunc(pairs, func(p domain.Partnership) bool { return !p.Since.IsZero() }) || slices.ContainsFunc(ids, func(id string) bool { return !covered(id) }) {
		return domain.Answer{}, false
	}
	en := f.English
	slices.SortStableFunc(pairs, func(x, y domain.Partnership) int {
		switch {
		case x.Since.IsZero() || y.Since.IsZero():
			return b2i(x.Since.IsZero()) - b2i(y.Since.IsZero()) // the dated one first
		case f.Most == DirNewest:
			return dateKey(y.Since) - dateKey(x.Since)
		}
		return dateKey(x.Since) - dateKey(y.Since)
	})
	name := func(p domain.Partnership) string {
		return e.base.Place(p.Place).Name + " – " + e.asAsked(e.base.Place(p.Partner), f).Name
	}
	when := func(p domain.Partnership) string {
		if p.Since.IsZero() {
			return say(en, "twin.pair.nod")
		}
		return say(en, "since", dateIn(en, p.Since))
	}
	key := "twin.compare.older"
	if f.Most == DirNewest {
		key = "twin.compare.younger"
	}
	if pairs[1].Since.IsZero() || pairs[0].Since.Year == pairs[1].Since.Year && (pairs[0].Since.Month == 0 || pairs[1].Since.Month == 0 || pairs[0].Since == pairs[1].Since) {
		key = "twin.compare.open" // the same year, or one undated: which is older the sources do not tell
	}
	a := domain.Answer{Found: true, Kind: domain.KindFacts, Title: say(en, "twin.figures"), English: en}
	leadWith(&a, domain.AnswerFact{Text: say(en, key, name(pairs[0]), when(pairs[0]), name(pairs[1]), when(pairs[1])), Source: e.base.Source(pairs[0].Source)})
	if pairs[1].Source != pairs[0].Source {
		a.Facts = append(a.Facts, domain.AnswerFact{Text: name(pairs[1]) + ", " + when(pairs[1]), Source: e.base.Source(pairs[1].Source)})
	}
	return a, true
}
