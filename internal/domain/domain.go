// Package domain is the knowledge model of engagiert: networks of German
// municipalities, the places in them, their memberships, the facts about them
// and the sources those facts come from, plus the transport-neutral Answer
// that every surface (terminal, JSON, Slack) renders.
//
// It imports nothing technical: YAML, Bleve and Slack live in adapter
// packages that convert to and from these types.
package domain

import (
	"fmt"
	"strconv"
	"strings"
)

// Base is one complete, validated knowledge base. It is immutable once built:
// a reload builds a new Base and swaps it in, so readers never see half a base.
type Base struct {
	Networks []Network
	Places   []Place
	Sources  []Source
	// Version identifies the content (a hash of the files it was loaded from),
	// so operators can tell which base a running bot answers from.
	Version string

	networkByID map[string]*Network
	placeByID   map[string]*Place
	sourceByID  map[string]*Source
	byPlace     map[string][]Membership
}

// Network is a network, programme or office that municipalities belong to or
// work with, such as "Engagierte Stadt" or the RegioPole-Netzwerk.
type Network struct {
	ID      string
	Name    string
	Aliases []string // other names users type: "Regiopolen-Netzwerk", "Kommunen-Netzwerk"
	Kind    string   // "Kommunen-Netzwerk", "Netzwerkprogramm", ...
	Scope   string   // "Nordrhein-Westfalen", "bundesweit"
	Website string
	// Description says what the network is, in a sentence or two, with its source.
	Description Fact
	Goals       []Fact
	Founded     Founding
	// Counts are the member figures the sources gave over time, oldest first.
	// Figures are never overwritten: every dated value stays visible.
	Counts []Count
	Facts  []Fact
	// Members lists the memberships known by name. MembersComplete is false
	// when no source lists all members: answers then say "u. a.".
	Members         []Membership
	MembersComplete bool
}

// Founding is when, where and by whom a network was started.
type Founding struct {
	Date   Date
	Place  string   // "Jakob-Kaiser-Haus des Deutschen Bundestages, Berlin"
	By     []string // founders that are not places (foundations, ministries)
	Text   string   // the founding as a sentence
	Source string   // source id
}

// Count is one member figure as a source gave it at one time.
type Count struct {
	Value  string // "113", "über 100": figures are kept as the source wrote them
	Text   string // what was counted: "Engagierte Städte bundesweit"
	Stand  Date   // when the figure was true; zero when the source gives no date
	Source string
}

// Fact is one sourced statement. Stand is set where the statement can age.
type Fact struct {
	Text   string
	Stand  Date
	Source string // source id
	// Topic groups facts for questions such as "Wo wurde ...?" (place),
	// "Wann ...?" (date), "Wer ...?" (people) or "Wie wird man Mitglied?"
	// (join); empty for general facts.
	Topic string
}

// Membership says that a place belongs to a network, since when and in which role.
type Membership struct {
	Place   string // place id
	Network string // network id
	Since   Date
	Role    string // "Gründungsmitglied", "Vorsitz seit 2025", ...
	Note    string
	Source  string // source id
}

// Place is a municipality (Stadt, Gemeinde), a Kreis or a part of a town.
type Place struct {
	ID       string
	Name     string
	Aliases  []string // other spellings: "Guetersloh", "Koenigswinter"
	Kind     string   // see PlaceKinds
	State    string   // Bundesland, written out: "Nordrhein-Westfalen"
	District string   // Kreis, or "kreisfreie Stadt"
}

// PlaceKinds are the kinds of place the base knows.
var PlaceKinds = []string{"Stadt", "Gemeinde", "Kreis", "Stadtteil", "Städteregion"}

// States are the sixteen Bundesländer, written out as places use them.
var States = []string{
	"Baden-Württemberg", "Bayern", "Berlin", "Brandenburg", "Bremen", "Hamburg",
	"Hessen", "Mecklenburg-Vorpommern", "Niedersachsen", "Nordrhein-Westfalen",
	"Rheinland-Pfalz", "Saarland", "Sachsen", "Sachsen-Anhalt",
	"Schleswig-Holstein", "Thüringen",
}

// StateAbbreviations are the short forms people type for some Bundesländer.
var StateAbbreviations = map[string]string{
	"NRW": "Nordrhein-Westfalen", "BW": "Baden-Württemberg", "RLP": "Rheinland-Pfalz",
	"MV": "Mecklenburg-Vorpommern", "SH": "Schleswig-Holstein",
}

// Source is where facts come from: a public page.
type Source struct {
	ID        string
	Title     string
	URL       string
	Publisher string
	Published Date // when the page was published, if it says
}

// NewBase indexes the parts for lookup. It does not validate: the loader does,
// and reports problems with file and line, which this package cannot know.
func NewBase(networks []Network, places []Place, sources []Source, version string) *Base {
	b := &Base{Networks: networks, Places: places, Sources: sources, Version: version,
		networkByID: map[string]*Network{}, placeByID: map[string]*Place{}, sourceByID: map[string]*Source{},
		byPlace: map[string][]Membership{}}
	for i := range b.Networks {
		n := &b.Networks[i]
		b.networkByID[n.ID] = n
		for j := range n.Members {
			n.Members[j].Network = n.ID
			b.byPlace[n.Members[j].Place] = append(b.byPlace[n.Members[j].Place], n.Members[j])
		}
	}
	for i := range b.Places {
		b.placeByID[b.Places[i].ID] = &b.Places[i]
	}
	for i := range b.Sources {
		b.sourceByID[b.Sources[i].ID] = &b.Sources[i]
	}
	return b
}

// Network returns the network with the id, or nil.
func (b *Base) Network(id string) *Network { return b.networkByID[id] }

// Place returns the place with the id, or nil.
func (b *Base) Place(id string) *Place { return b.placeByID[id] }

// Source returns the source with the id, or nil.
func (b *Base) Source(id string) *Source { return b.sourceByID[id] }

// MembershipsOf lists the memberships of a place, in the order of the networks.
func (b *Base) MembershipsOf(placeID string) []Membership { return b.byPlace[placeID] }

// Memberships counts all memberships of the base.
func (b *Base) Memberships() int {
	n := 0
	for _, nw := range b.Networks {
		n += len(nw.Members)
	}
	return n
}

// Date is a calendar date that may be partial: a year, a month or a day.
// Sources often say only "seit 2019" or "Juni 2022", and the base keeps what
// they say rather than inventing a day.
type Date struct {
	Year, Month, Day int
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d.Year == 0 }

// ParseDate reads "2019", "2022-06" or "2016-03-16".
func ParseDate(s string) (Date, error) {
	parts := strings.Split(strings.TrimSpace(s), "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return Date{}, fmt.Errorf("date %q: write YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || (i > 0 && len(p) != 2) {
			return Date{}, fmt.Errorf("date %q: write YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		n[i] = v
	}
	d := Date{n[0], n[1], n[2]}
	if d.Year < 1800 || d.Year > 2200 {
		return Date{}, fmt.Errorf("date %q: year out of range", s)
	}
	if len(parts) > 1 && (d.Month < 1 || d.Month > 12) {
		return Date{}, fmt.Errorf("date %q: month must be 01 to 12", s)
	}
	if len(parts) > 2 && (d.Day < 1 || d.Day > daysIn(d.Year, d.Month)) {
		return Date{}, fmt.Errorf("date %q: no such day", s)
	}
	return d, nil
}

func daysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

var germanMonths = []string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
	"August", "September", "Oktober", "November", "Dezember"}

// String writes the date the German way: "16. März 2016", "Juni 2022", "2019".
func (d Date) String() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return strconv.Itoa(d.Year)
	case d.Day == 0:
		return germanMonths[d.Month-1] + " " + strconv.Itoa(d.Year)
	}
	return fmt.Sprintf("%d. %s %d", d.Day, germanMonths[d.Month-1], d.Year)
}

// ISO writes the date as it is written in the YAML: "2019", "2022-06", "2016-03-16".
func (d Date) ISO() string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Before reports whether d is earlier than e; a partial date counts as its start.
func (d Date) Before(e Date) bool {
	if d.Year != e.Year {
		return d.Year < e.Year
	}
	if d.Month != e.Month {
		return d.Month < e.Month
	}
	return d.Day < e.Day
}
