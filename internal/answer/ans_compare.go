package answer

import (
	"context"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/engagiert/engagiert/internal/domain"
)

// Comparisons: two networks or places (or all networks) on one measure the
// base has, said with the measure: "RegioPole ist jünger (gegründet 2016)
// als das Kommunen-Netzwerk (gegründet 2012)".

// compared is one side of a comparison: a name, the value compared and how
// it reads.
type compared struct {
	name  string
	key   int // ordering key: a date as YYYYMMDD, or a figure
	shown string
	src   *domain.Source
	known bool
	// partners are a place's twin towns where it has few: "Wer hat mehr
	// Partnerstädte?" names them too.
	partners []string
}

// compare answers "Was ist älter, X oder Y?", "Welches Netzwerk ist
// größer?", "Ist Paderborn in mehr Netzwerken als Bielefeld?".
func (e *Engine) compare(_ context.Context, f Frame) (domain.Answer, error) {
	if len(f.Subjects) == 0 && len(f.Words) > 0 {
		// "When was the Auslandsgesellschaft founded? … older than the
		// Federal Republic": nothing of the base's to compare; the
		// statement that says when what it names was founded.
		g := f
		g.Op = OpWhen
		if a, ok := e.foundedStatement(g, ""); ok {
			return a, nil
		}
	}
	if places := f.places(); len(places) >= 2 && (f.Measure == MeasureArea || f.Measure == MeasureRegion) {
		return e.sameArea(places, f), nil
	}
	if places := f.places(); len(places) == 2 && f.Measure == MeasureCommon {
		return e.common(e.base.Place(places[0]), e.base.Place(places[1]), f), nil
	}
	if places := f.places(); len(places) >= 2 {
		var sides []compared
		for _, id := range places {
			sides = append(sides, e.placeSide(e.base.Place(id), f))
		}
		most := f.Most
		if most == DirNone {
			most = DirOldest
			if f.Measure == MeasureNetworks || f.Measure == MeasureTwinnings {
				most = DirLargest
			}
		}
		return e.ranked(sides, f, most, "cmp.places", ""), nil
	}
	nets := e.nets(f.networks())
	if len(nets) == 2 && f.Most == DirNone {
		// "Was ist der Unterschied zwischen X und Y?": what each is, then
		// when founded and how big.
		return e.contrast(nets, f), nil
	}
	if len(nets) < 2 {
		nets = nil
		for _, n := range e.base.Networks {
			if !(&n).IsTitle() {
				nets = append(nets, n) // "Welches Netzwerk ist älter?": all of them
			}
		}
	}
	var sides []compared
	for i := range nets {
		sides = append(sides, e.networkSide(&nets[i], f))
	}
	most := f.Most
	if most == DirNone {
		most = DirOldest
	}
	return e.ranked(sides, f, most, "cmp.networks", ""), nil
}

// sameArea answers whether places lie in the same Kreis (or
// Regierungsbezirk): yes and which, or where each lies.
func (e *Engine) sameArea(ids []string, f Frame) domain.Answer {
	en := f.English
	a := domain.Answer{Found: true, Kind: domain.KindPlace, Title: say(en, "cmp.places"), English: en}
	var names, wheres []string
	areaOf := func(pl *domain.Place) string {
		if f.Measure == MeasureRegion {
			if pl.Region == "" {
				return ""
			}
			return "Regierungsbezirk " + pl.Region
		}
		if pl.District == "kreisfreie Stadt" {
			return "" // a kreisfreie Stadt lies in no Kreis
		}
		return pl.District
	}
	first, same := "", true
	for i, id := range ids {
		pl := e.base.Place(id)
		if pl == nil {
			continue
		}
		a.Hits = append(a.Hits, placeHit(pl))
		area := areaOf(pl)
		names = append(names, pl.Name)
		w := area
		if w == "" {
			w = say(en, "kreisfrei.none")
		} else {
			w = inDistrict(en, area)
		}
		wheres = append(wheres, say(en, "lies.in", pl.Name, w))
		if i == 0 {
			first = area
		}
		same = same && area != "" && area == first
	}
	if same {
		a.Lead = say(en, "yes") + ": " + say(en, "same.area", joinAnd(en, names), inDistrict(en, first))
	} else {
		a.Lead = say(en, "no") + ": " + strings.Join(wheres, ", ") + "."
		if f.Measure == MeasureArea {
			// Not in one Kreis, maybe in one Regierungsbezirk: said too.
			region := ""
			for i, id := range ids {
				if pl := e.base.Place(id); pl == nil || pl.Region == "" || i > 0 && pl.Region != region {
					region = ""
					break
				} else {
					region = pl.Region
				}
			}
			if region != "" {
				a.Lead += " " + say(en, "same.region", inDistrict(en, "Regierungsbezirk "+region))
			}
		}
	}
	a.LeadSource = e.base.Source("destatis-gemeindeverzeichnis")
	return a
}

// contrast puts two networks side by side: what each is, its reach,
// founding and size.
func (e *Engine) contrast(nets []domain.Network, f Frame) domain.Answer {
	en := f.English
	a := domain.Answer{Found: true, Kind: domain.KindFacts, Title: say(en, "cmp.networks"), English: en}
	for i := range nets {
		n := &nets[i]
		line := n.Name
		if n.Scope != "" {
			line += " (" + n.Scope + ")"
		}
		line += ": " + shortSentence(firstSentence(n.Description.Text), 160)
		var extra []string
		if d := n.Founded.Date; !d.IsZero() {
			extra = append(extra, say(en, "founded", dateIn(en, d)))
		}
		if c, ok := newestCount(n); ok {
			extra = append(extra, strings.TrimSpace(englishFigure(en, c.Value)+" "+countNounIn(en, c))+standSuffix(en, c.Stand))
		}
		if len(extra) > 0 {
			line += " " + strings.Join(extra, "; ") + "."
		}
		a.Facts = append(a.Facts, domain.AnswerFact{Text: line, Source: e.base.Source(n.Description.Source)})
		a.Hits = append(a.Hits, networkHit(n))
	}
	leadWith(&a, a.Facts[0])
	a.Facts = a.Facts[1:]
	return a
}

// measureOf is the measure a comparison of networks uses.
func measureOf(f Frame) Measure {
	switch {
	case f.Measure == MeasureMembers && f.Filters.State == "" && f.Filters.Area == "":
		return MeasureSize
	case f.Measure != MeasureNone && f.Measure != MeasureJoined && f.Measure != MeasureNetworks:
		return f.Measure
	case f.Most == DirLargest || f.Most == DirSmallest:
		return MeasureSize
	}
	return MeasureFounding
}

// networkSide is what a network is compared on: its founding, its size, or
// the members the base names in an area.
func (e *Engine) networkSide(n *domain.Network, f Frame) compared {
	en := f.English
	c := compared{name: n.Name}
	switch measureOf(f) {
	case MeasureMembers:
		count := 0
		for r := range e.candidates(n.ID, f.Filters) {
			if e.keep(&f.Filters, e.places[r.at], r.m, n.Founded.Date) {
				count++
			}
		}
		c.key, c.known = count, true
		c.shown = strconv.Itoa(count) + " " + plural(en, count, "member.word", "members.word") + " " + strings.Join(e.filterNames(f.Filters, en), ", ")
	case MeasureSize:
		if cnt, ok := newestCount(n); ok {
			if v, ok := figure(cnt.Value); ok {
				c.key, c.known = v, true
				c.shown = strings.TrimSpace(englishFigure(en, cnt.Value)+" "+countNounIn(en, cnt)) + standSuffix(en, cnt.Stand)
				c.src = e.base.Source(cnt.Source)
			}
		}
	default:
		if d := n.Founded.Date; !d.IsZero() {
			c.key, c.known = dateKey(d), true
			c.shown = say(en, "founded", dateIn(en, d))
			c.src = e.base.Source(n.Founded.Source)
		}
	}
	return c
}

// placeSide is what a place is compared on: when it joined (the named
// network, or its first), in how many networks it is, how many twinnings
// it has.
func (e *Engine) placeSide(pl *domain.Place, f Frame) compared {
	en := f.English
	c := compared{name: pl.Name}
	switch f.Measure {
	case MeasureNetworks:
		var names []string
		for _, m := range e.base.MembershipsOf(pl.ID) {
			if m.Until.IsZero() {
				names = append(names, shortName(e.base.Network(m.Network)))
			}
		}
		c.key, c.known = len(names), true
		c.shown = strconv.Itoa(len(names)) + " " + plural(en, len(names), "network.word", "networks.word")
		if len(names) > 0 {
			c.shown += ": " + strings.Join(names, ", ")
		}
		return c
	case MeasureTwinnings:
		ps := e.base.PartnershipsOf(pl.ID)
		if f.Filters.Country != "" {
			ps = e.placeTwinnings(pl, Frame{Filters: Filters{Country: f.Filters.Country, NotCountry: f.Filters.NotCountry}}) // "die ältere Partnerschaft mit Frankreich"
		}
		if f.Most == DirOldest || f.Most == DirNewest {
			// "die ältere Städtepartnerschaft": the earliest of each.
			var first *domain.Partnership
			for i := range ps {
				if !ps[i].Since.IsZero() && (first == nil || ps[i].Since.Before(first.Since)) {
					first = &ps[i]
				}
			}
			if first != nil {
				c.key, c.known = dateKey(first.Since), true
				c.shown = e.base.Place(otherSide(*first, pl.ID)).Name + ", " + say(en, "since", dateIn(en, first.Since))
				c.src = e.base.Source(first.Source)
			}
			return c
		}
		n := 0
		for _, p := range ps {
			if proper(p) {
				n++
			}
		}
		c.key, c.known = n, true
		if len(ps) <= 10 {
			for _, p := range ps {
				if o := e.base.Place(otherSide(p, pl.ID)); o != nil {
					c.partners = append(c.partners, o.Name)
				}
			}
		}
		c.shown = e.twinCounts(en, ps)
		if n > 0 && n < len(ps) {
			c.shown = say(en, "twin.total", c.shown, len(ps)) // "6 Städtepartnerschaften und 1 Freundschaft, insgesamt 7"
		}
		return c
	}
	nets := f.networks()
	for _, m := range e.base.MembershipsOf(pl.ID) {
		if (len(nets) > 0 && !slices.Contains(nets, m.Network)) || m.Since.IsZero() || !m.Until.IsZero() {
			continue
		}
		if !c.known || dateKey(m.Since) < c.key {
			c.key, c.known = dateKey(m.Since), true
			c.shown = say(en, "since", dateIn(en, m.Since)) + ", " + shortName(e.base.Network(m.Network))
			c.src = e.base.Source(m.Source)
		}
	}
	return c
}

// ranked orders the sides in the asked direction and says who leads, and
// on what.
func (e *Engine) ranked(sides []compared, f Frame, most Direction, titleKey, _ string) domain.Answer {
	en := f.English
	var known, unknown []compared
	for _, s := range sides {
		if s.known {
			known = append(known, s)
		} else {
			unknown = append(unknown, s)
		}
	}
	asc := most == DirOldest || most == DirSmallest
	slices.SortStableFunc(known, func(x, y compared) int {
		if asc {
			return x.key - y.key
		}
		return y.key - x.key
	})
	a := domain.Answer{Found: len(known) > 0, Kind: domain.KindFacts, Title: say(en, titleKey), English: en}
	if len(known) == 0 {
		a.Kind = domain.KindNone
		a.Lead = say(en, "nocompare")
		return a
	}
	measure := f.Measure
	if titleKey == "cmp.networks" {
		measure = measureOf(f)
	}
	if titleKey == "cmp.places" && measure != MeasureNetworks && measure != MeasureTwinnings {
		measure = MeasureJoined
	}
	if measure == MeasureTwinnings && (most == DirOldest || most == DirNewest) {
		measure = MeasureFounding // "hat die ältere Städtepartnerschaft": older, by the date
	}
	if titleKey == "cmp.areas" {
		measure = MeasureMunicipalities
	}
	top := known[0]
	switch {
	case len(known) == 2 && known[0].key == known[1].key && top.shown != known[1].shown:
		a.Lead = say(en, "cmp.tie2", top.name, top.shown, known[1].name, known[1].shown)
	case len(known) == 2 && known[0].key == known[1].key:
		a.Lead = say(en, "cmp.tie", top.name, known[1].name, top.shown)
	case len(known) == 2:
		a.Lead = say(en, rankKey("cmp", measure, most), top.name, top.shown, known[1].name, known[1].shown)
	default:
		a.Lead = say(en, rankKey("top", measure, most), top.name, top.shown)
		for _, s := range known[1:] {
			a.Facts = append(a.Facts, domain.AnswerFact{Text: s.name + ": " + s.shown, Source: s.src})
		}
	}
	if len(known) == 2 {
		a.LeadSource = top.src
		if known[1].src != nil && known[1].src != top.src {
			a.Facts = append(a.Facts, domain.AnswerFact{Text: known[1].name + ": " + known[1].shown, Source: known[1].src})
		}
		for _, c := range known {
			if len(c.partners) > 0 {
				a.Facts = append(a.Facts, domain.AnswerFact{Text: c.name + ": " + strings.Join(c.partners, ", ")})
			}
		}
	}
	if len(known) == 2 && len(sides) == 2 && f.YesNo {
		// "Ist RegioPole jünger als das Kommunen-Netzwerk?": the first named
		// is what the question asks about.
		yes := sides[0].name == top.name && known[0].key != known[1].key
		a.Lead = say(en, map[bool]string{true: "yes", false: "no"}[yes]) + ": " + a.Lead
	}
	for _, s := range unknown {
		a.Facts = append(a.Facts, domain.AnswerFact{Text: say(en, "cmp.nothing", s.name)})
	}
	return a
}

// figureRE finds a figure in "112", "über 100", "rund 1.050".
var figureRE = regexp.MustCompile(`\d[\d.]*`)

// figure reads a figure as a number.
func figure(s string) (int, bool) {
	m := figureRE.FindString(s)
	if m == "" {
		return 0, false
	}
	v, err := strconv.Atoi(strings.ReplaceAll(m, ".", ""))
	return v, err == nil
}

// rankKey is the message that states a comparison ("cmp") or the first of
// several ("top") on a measure in a direction, and a plain "comes first"
// where the measure has no words for that direction: a message key never
// reaches the reader.
func rankKey(prefix string, m Measure, d Direction) string {
	if k := prefix + "." + m.String() + "." + d.String(); messages[k] != ([2]string{}) {
		return k
	}
	return prefix + ".any"
}

// common answers what two places share: the networks both are in (each
// with since when), the Kreis or Regierungsbezirk they both lie in, the
// partners both are twinned with. What they do not share is left out;
// where nothing is shared, where each lies says why.
func (e *Engine) common(x, y *domain.Place, f Frame) domain.Answer {
	en := f.English
	a := domain.Answer{Found: true, Kind: domain.KindPlace, Title: say(en, "cmp.places"), English: en,
		Hits: []domain.Hit{placeHit(x), placeHit(y)}}
	for _, mx := range e.base.MembershipsOf(x.ID) {
		if my, ok := e.base.MembershipIn(mx.Network, y.ID); ok && mx.Until.IsZero() && my.Until.IsZero() {
			n := e.base.Network(mx.Network)
			a.Facts = append(a.Facts, domain.AnswerFact{Text: say(en, "common.network", n.Name, x.Name, membershipText(en, mx), y.Name, membershipText(en, my)),
				Source: e.base.Source(mx.Source), Also: []*domain.Source{e.base.Source(my.Source)}})
		}
	}
	switch {
	case x.District != "" && x.District == y.District && x.District != "kreisfreie Stadt":
		a.Facts = append(a.Facts, domain.AnswerFact{Text: say(en, "same.area", x.Name+" "+say(en, "and")+" "+y.Name, inDistrict(en, x.District)),
			Source: e.base.Source("destatis-gemeindeverzeichnis")})
	case x.Region != "" && x.Region == y.Region:
		a.Facts = append(a.Facts, domain.AnswerFact{Text: say(en, "same.area", x.Name+" "+say(en, "and")+" "+y.Name, inDistrict(en, "Regierungsbezirk "+x.Region)),
			Source: e.base.Source("destatis-gemeindeverzeichnis")})
	}
	var shared []string
	for _, p := range e.base.PartnershipsOf(x.ID) {
		if other := otherSide(p, x.ID); other != y.ID && e.twinnedWithID(y.ID, other) {
			shared = append(shared, e.otherName(e.base.Place(other), en))
		}
	}
	if len(shared) > 0 {
		a.Facts = append(a.Facts, domain.AnswerFact{Text: say(en, "common.partners", joinAnd(en, shared))})
	}
	if e.twinnedWithID(x.ID, y.ID) {
		a.Facts = append(a.Facts, domain.AnswerFact{Text: say(en, "common.twinned", x.Name, y.Name)})
	}
	if len(a.Facts) == 0 {
		a.Lead = say(en, "common.none", x.Name, y.Name) + " " + e.placeIs(x, en) + " " + e.placeIs(y, en)
		a.LeadSource = e.base.Source("destatis-gemeindeverzeichnis")
		return a
	}
	a.Lead = say(en, "common.lead", x.Name, y.Name)
	return a
}
