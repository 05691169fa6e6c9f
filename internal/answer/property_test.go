package answer

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/words"
	"github.com/engagiert/engagiert/internal/yamlkb/yamlkbtest"
)

// The property tests ask generated questions: templates × every place,
// Kreis, network and country of the shipped base, in German and English.
// Each answer must name its subject, lead with the fact asked for, and
// keep to its limits. They check the kind of question, never one listed
// question, so a new place or network is covered the day it is added.

// property is one expectation a generated answer must meet.
type property struct {
	q     string
	found bool
	// all must each appear in the answer (compared folded); lead, if
	// set, must appear in the title or the lead line.
	all  []string
	lead string
	max  int // characters
}

func checkProperties(t *testing.T, e *Engine, ps []property) {
	t.Helper()
	ctx := context.Background()
	bad := 0
	for _, p := range ps {
		a := e.Ask(ctx, p.q)
		text := a.PlainText()
		folded := words.Fold(text)
		var why []string
		if a.Panicked {
			why = append(why, "panicked")
		}
		if a.Found != p.found {
			why = append(why, fmt.Sprintf("found=%v", a.Found))
		}
		for _, s := range p.all {
			if !strings.Contains(folded, words.Fold(s)) {
				why = append(why, fmt.Sprintf("lacks %q", s))
			}
		}
		if p.lead != "" && !strings.Contains(words.Fold(a.Title+" "+a.Lead), words.Fold(p.lead)) {
			why = append(why, fmt.Sprintf("lead lacks %q", p.lead))
		}
		if n := utf8.RuneCountInString(text); n > p.max {
			why = append(why, fmt.Sprintf("%d characters, over %d", n, p.max))
		}
		if len(why) > 0 {
			bad++
			if bad <= 15 {
				t.Errorf("Ask(%q): %s\n%s", p.q, strings.Join(why, "; "), clip(text, 400))
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d generated questions fail", bad, len(ps))
	}
	t.Logf("%d generated questions", len(ps))
}

// uniqueNames are the places whose name no other place of the base
// shares (a shared name asks back which one is meant).
func uniqueNames(base *domain.Base) map[string]bool {
	count := map[string]int{}
	for _, pl := range base.Places {
		count[words.Fold(pl.Name)]++
	}
	out := map[string]bool{}
	for _, pl := range base.Places {
		if count[words.Fold(pl.Name)] == 1 {
			out[pl.ID] = true
		}
	}
	return out
}

func TestPropertyPlaces(t *testing.T) {
	e := shippedEngine(t)
	unique := uniqueNames(e.base)
	var ps []property
	for _, pl := range e.base.Places {
		if !unique[pl.ID] || pl.Everyday {
			continue
		}
		switch {
		case pl.State == "Nordrhein-Westfalen" && (pl.Kind == "Stadt" || pl.Kind == "Gemeinde"):
			where := pl.District
			if where == "" {
				where = pl.Region
			}
			ps = append(ps,
				property{q: pl.Name, found: true, lead: pl.Name, all: []string{where}, max: 1200},
				property{q: "Was weißt du über " + pl.Name + "?", found: true, lead: pl.Name, all: []string{where}, max: 1200},
				property{q: "In welchem Kreis liegt " + pl.Name + "?", found: true, lead: where, max: 900},
				property{q: "Tell me about " + pl.Name, found: true, lead: pl.Name, all: []string{where}, max: 1200},
			)
		case pl.Country != "":
			ps = append(ps, property{q: pl.Name, found: true, lead: pl.Name, all: []string{e.inCountry(false, pl.Country)}, max: 1200})
		}
	}
	checkProperties(t, e, ps)
}

func TestPropertyTwinnings(t *testing.T) {
	e := shippedEngine(t)
	unique := uniqueNames(e.base)
	var ps []property
	for _, pl := range e.base.Places {
		tw := e.base.PartnershipsOf(pl.ID)
		if len(tw) == 0 || !unique[pl.ID] || pl.Everyday || pl.Country != "" {
			continue
		}
		var partners []string
		for _, p := range tw {
			other := p.Partner
			if other == pl.ID {
				other = p.Place
			}
			if o := e.base.Place(other); o != nil && len(partners) < 3 {
				partners = append(partners, o.Name)
			}
		}
		ps = append(ps,
			property{q: "Welche Partnerstädte hat " + pl.Name + "?", found: true, lead: pl.Name, all: partners, max: 1500},
			property{q: "Which twin towns does " + pl.Name + " have?", found: true, lead: pl.Name, all: partners, max: 1500},
		)
	}
	checkProperties(t, e, ps)
}

// TestPropertyComparePairs: "Was ist älter, A–X oder A–Y?" of every NRW
// place with two twinnings dated in different years names the older pair
// first, with both years, in German and English.
func TestPropertyComparePairs(t *testing.T) {
	e := shippedEngine(t)
	unique := uniqueNames(e.base)
	var ps []property
	for _, pl := range e.base.Places {
		if !unique[pl.ID] || pl.Everyday || pl.Country != "" {
			continue
		}
		var dated []domain.Partnership
		for _, p := range e.base.PartnershipsOf(pl.ID) {
			if o := e.base.Place(otherSide(p, pl.ID)); p.Place == pl.ID && !p.Since.IsZero() && o != nil && unique[o.ID] && !o.Everyday && o.Country != "" {
				dated = append(dated, p)
			}
		}
		if len(dated) < 2 || dated[0].Since.Year == dated[1].Since.Year || dated[0].Partner == dated[1].Partner {
			continue
		}
		x, y := dated[0], dated[1]
		older := x
		if y.Since.Year < x.Since.Year {
			older = y
		}
		name := func(p domain.Partnership) string { return e.base.Place(p.Partner).Name }
		years := []string{strconv.Itoa(int(x.Since.Year)), strconv.Itoa(int(y.Since.Year))}
		ps = append(ps,
			property{q: fmt.Sprintf("Was ist älter, %s–%s oder %s–%s?", pl.Name, name(x), pl.Name, name(y)), found: true,
				lead: "Älter ist " + pl.Name + " – " + name(older), all: years, max: 400},
			property{q: fmt.Sprintf("Which is older: %s–%s or %s–%s?", pl.Name, name(y), pl.Name, name(x)), found: true,
				lead: "The older one is " + pl.Name + " – " + name(older), all: years, max: 400},
		)
	}
	if len(ps) < 40 {
		t.Fatalf("only %d generated questions: the base has fewer places with two dated twinnings than expected", len(ps))
	}
	checkProperties(t, e, ps)
}

func TestPropertyKreise(t *testing.T) {
	e := shippedEngine(t)
	var ps []property
	for _, k := range e.base.Places {
		if k.Kind != "Kreis" || k.State != "Nordrhein-Westfalen" {
			continue
		}
		var in []string
		for _, pl := range e.base.Places {
			if pl.District == k.Name && (pl.Kind == "Stadt" || pl.Kind == "Gemeinde") {
				in = append(in, pl.Name)
			}
		}
		if len(in) == 0 {
			continue
		}
		n := fmt.Sprint(len(in))
		ps = append(ps,
			property{q: "Welche Gemeinden gehören zum " + k.Name + "?", found: true, all: in[:min(3, len(in))], max: 1500},
			property{q: "Wie viele Gemeinden hat der " + k.Name + "?", found: true, lead: n, max: 700},
			property{q: "How many municipalities are in " + k.Name + "?", found: true, lead: n, max: 700},
		)
	}
	checkProperties(t, e, ps)
}

func TestPropertyNetworks(t *testing.T) {
	e := shippedEngine(t)
	var ps []property
	for i := range e.base.Networks {
		n := &e.base.Networks[i]
		name := shortName(n)
		ps = append(ps, property{q: name, found: true, lead: n.Name, max: 1000},
			property{q: "Was ist " + name + "?", found: true, lead: n.Name, max: 1000},
			property{q: "What is " + name + "?", found: true, lead: n.Name, max: 1000})
		if d := n.Founded.Date; !d.IsZero() {
			y := fmt.Sprint(d.Year)
			ps = append(ps, property{q: "Wann wurde " + name + " gegründet?", found: true, lead: y, max: 700},
				property{q: "When was " + name + " founded?", found: true, lead: y, max: 700})
		}
		if c, ok := newestCount(n); ok {
			ps = append(ps, property{q: "Wie viele Mitglieder hat " + name + "?", found: true, lead: c.Value, max: 900},
				property{q: "How many members does " + name + " have?", found: true, lead: englishFigure(true, c.Value), max: 900})
		}
		if ms := e.members[n.ID]; len(ms) > 0 && !n.IsTitle() {
			first := e.places[ms[0].at].Name
			ps = append(ps, property{q: "Welche Mitglieder hat " + name + "?", found: true, all: []string{first}, max: 1500})
		}
	}
	checkProperties(t, e, ps)
}

func TestPropertyCountries(t *testing.T) {
	e := shippedEngine(t)
	en := display.English.Regions()
	var ps []property
	for _, c := range e.base.Lexicon.Countries {
		var nrw []string
		for _, pl := range e.base.Places {
			if pl.State != "Nordrhein-Westfalen" {
				continue
			}
			for _, p := range e.base.PartnershipsOf(pl.ID) {
				other := p.Partner
				if other == pl.ID {
					other = p.Place
				}
				if o := e.base.Place(other); o != nil && o.Country == c.Name {
					nrw = append(nrw, pl.Name)
					break
				}
			}
		}
		if len(nrw) == 0 {
			continue
		}
		// A long list shows its first names and a count: the count is what
		// every answer must state.
		count := []string{strconv.Itoa(len(nrw))}
		ps = append(ps, property{q: "Welche NRW-Städte haben Partnerstädte in " + c.Name + "?", found: true, all: count, max: 1800})
		if r, err := language.ParseRegion(c.Region); err == nil {
			if name := en.Name(r); name != "" {
				ps = append(ps, property{q: "Which NRW towns have twin towns in " + name + "?", found: true, all: count, max: 1800})
			}
		}
	}
	checkProperties(t, e, ps)
}

// TestPropertyHonest asks for what the base mostly does not know (a
// town's population or mayor, a network's budget) and about places it has
// never heard of: nothing known is one short honest line, found=false,
// never a list.
func TestPropertyHonest(t *testing.T) {
	e := shippedEngine(t)
	ctx := context.Background()
	unique := uniqueNames(e.base)
	var qs []string
	for _, pl := range e.base.Places {
		if pl.State == "Nordrhein-Westfalen" && unique[pl.ID] && !pl.Everyday && (pl.Kind == "Stadt" || pl.Kind == "Gemeinde") {
			qs = append(qs, "Wie viele Einwohner hat "+pl.Name+"?", "Wer ist Bürgermeister von "+pl.Name+"?",
				"Who is the mayor of "+pl.Name+"?")
		}
	}
	for i := range e.base.Networks {
		qs = append(qs, "Wie hoch ist das Budget von "+shortName(&e.base.Networks[i])+"?")
	}
	unknown := 0
	for _, stem := range []string{"Zorbel", "Quendel", "Murkel", "Fibbel", "Wartzel", "Grommel", "Plintsch", "Drabbel"} {
		for _, tail := range []string{"hausen", "stadt", "dorf", "berg", "heim"} {
			unknown++
			qs = append(qs, stem+tail, "Ist "+stem+tail+" eine Engagierte Stadt?", "Welche Partnerstädte hat "+stem+tail+"?")
		}
	}
	bad, honest := 0, 0
	for _, q := range qs {
		a := e.Ask(ctx, q)
		if a.Found {
			continue // the base knows it: other tests check those answers
		}
		honest++
		text := a.PlainText()
		if n := utf8.RuneCountInString(text); n > 300 || len(a.Lists) > 0 {
			bad++
			if bad <= 10 {
				t.Errorf("Ask(%q): found=false in %d characters with %d lists, want one short line\n%s", q, n, len(a.Lists), text)
			}
		}
	}
	if honest < 3*unknown {
		t.Errorf("only %d of %d answers said they know nothing", honest, len(qs))
	}
	if bad > 0 {
		t.Errorf("%d of %d nothing-known answers are too long", bad, honest)
	}
}

// TestPropertyNewestTies: with more members joining in the newest year
// than an answer names, the answer names the first twelve and counts the
// rest, former members left out, with and without a filter (which walks
// the members instead of the per-year count).
func TestPropertyNewestTies(t *testing.T) {
	shipped := yamlkbtest.Shipped(t)
	nw := slices.Clone(shipped.Networks)
	n := &nw[0]
	n.Members = slices.Clone(n.Members)
	places := slices.Clone(shipped.Places)
	year := int16(1)
	for _, m := range n.Members {
		year = max(year, m.Since.Year+1)
	}
	for _, tt := range []struct{ joined, former int }{{1, 0}, {12, 0}, {13, 0}, {20, 1}, {40, 5}} {
		t.Run(fmt.Sprint(tt.joined, "-", tt.former), func(t *testing.T) {
			members, ps := slices.Clone(n.Members), slices.Clone(places)
			for i := range tt.joined {
				id := fmt.Sprintf("probestadt-%02d", i)
				ps = append(ps, domain.Place{ID: id, Name: fmt.Sprintf("Probestadt %02d", i), Kind: "Stadt", State: "Nordrhein-Westfalen"})
				m := domain.Membership{Place: id, Network: n.ID, Since: domain.Date{Year: year}, Source: n.Members[0].Source}
				if i < tt.former {
					m.Until = domain.Date{Year: year}
				}
				members = append(members, m)
			}
			g := slices.Clone(nw)
			g[0].Members = members
			base := domain.NewBaseParts(domain.Parts{Networks: g, Places: ps, Sources: shipped.Sources, Partnerships: shipped.Partnerships,
				PartnershipCounts: shipped.PartnershipCounts, Lexicon: shipped.Lexicon, Figures: shipped.Figures, Version: "ties"})
			e := engineOver(t, base)
			current := tt.joined - tt.former
			for _, q := range []string{"Wer ist zuletzt zu " + shortName(n) + " dazugekommen?", "Welches NRW-Mitglied ist zuletzt zu " + shortName(n) + " dazugekommen?"} {
				lead := e.Ask(context.Background(), q).Lead
				named := strings.Count(lead, "Probestadt")
				switch {
				case current == 1 && (named != 1 || strings.Contains(lead, "weitere")):
					t.Errorf("%q: %q, want the one new member", q, lead)
				case current > 1 && named != min(current, 12):
					t.Errorf("%q: %q names %d new members, want %d", q, lead, named, min(current, 12))
				case current > 13 && !strings.Contains(lead, fmt.Sprintf("und %d weitere", current-12)):
					t.Errorf("%q: %q, want „und %d weitere“", q, lead, current-12)
				case current == 13 && !strings.Contains(lead, "und ein weiteres"):
					t.Errorf("%q: %q, want „und ein weiteres“", q, lead)
				case strings.Contains(lead, "und und"):
					t.Errorf("%q: %q says „und und“", q, lead)
				}
			}
		})
	}
}

// TestPropertyContinents asks for the NRW places twinned in each continent
// (or part of one) of the lexicon: the answer states as many as CLDR's
// containment of the partners' countries gives.
func TestPropertyContinents(t *testing.T) {
	e := shippedEngine(t)
	region := map[string]language.Region{"Deutschland": language.MustParseRegion("DE")}
	var groups []domain.CountryWords
	for _, c := range e.base.Lexicon.Countries {
		r, err := language.ParseRegion(c.Region)
		if err != nil {
			t.Fatalf("lexicon region %q: %v", c.Region, err)
		}
		region[c.Name] = r
		if r.IsGroup() {
			groups = append(groups, c)
		}
	}
	if len(groups) < 5 {
		t.Fatalf("only %d continents in the lexicon", len(groups))
	}
	var ps []property
	for _, g := range groups {
		n := 0
		for _, pl := range e.base.Places {
			if pl.State != "Nordrhein-Westfalen" {
				continue
			}
			for _, p := range e.base.PartnershipsOf(pl.ID) {
				if o := e.base.Place(otherSide(p, pl.ID)); o != nil && p.Place == pl.ID && region[g.Name].Contains(region[countryOf(p, o, pl.ID)]) {
					n++
					break
				}
			}
		}
		if n > 0 {
			ps = append(ps, property{q: "Welche NRW-Städte haben Partnerstädte in " + g.Name + "?", found: true, all: []string{strconv.Itoa(n)}, max: 1800})
		}
	}
	checkProperties(t, e, ps)
}

// TestPropertyOtherCountries asks whether a town has a twin town in each
// country CLDR names that no twinning of the base lies in: the answer says
// no, plainly, and names the country it understood. The "no" is an answer
// from Bonn's twinnings, which the base knows: found.
func TestPropertyOtherCountries(t *testing.T) {
	e := shippedEngine(t)
	listed := map[string]bool{}
	for _, c := range e.base.Lexicon.Countries {
		listed[c.Name] = true
	}
	var ps []property
	for name, r := range e.lex.regions.of {
		if listed[name] || r.IsGroup() || name == "Deutschland" || strings.Contains(name, " ") {
			continue // names of one word: "Südgeorgien und die Südlichen Sandwichinseln" is two parts
		}
		ps = append(ps, property{q: "Hat Bonn eine Partnerstadt in " + name + "?", found: true, all: []string{"Nein", name}, max: 300})
	}
	if len(ps) < 100 {
		t.Fatalf("only %d other countries from CLDR", len(ps))
	}
	slices.SortFunc(ps, func(a, b property) int { return strings.Compare(a.q, b.q) })
	checkProperties(t, e, ps)
}
