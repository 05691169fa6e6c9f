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
	"hash/maphash"
	"slices"
	"sort"
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
	// Partnerships are the town twinnings the base knows, of NRW places
	// with places in Germany and abroad.
	Partnerships []Partnership
	// PartnershipCounts are statewide figures on twinnings ("828
	// Partnerschaften, Stand 2022"), oldest first, as for network counts.
	PartnershipCounts []Count
	// Lexicon is the vocabulary questions are read with; nil when the
	// knowledge has none (small test bases).
	Lexicon *Lexicon
	// Figures are sourced figures about Nordrhein-Westfalen as a whole
	// that the official list of places does not give by itself, such as
	// the Innenministerium's count of kreisfreie Städte. See Figure.
	Figures []Figure

	networkByID map[string]*Network
	placeAt     placeTable // place id -> position in Places
	sourceByID  map[string]*Source
	// The memberships of the place at position i, titles included, are
	// memberOf[memberStart[i]:memberStart[i+1]], in the order of the
	// networks: positions in the networks' member lists, not copies
	// (a copy per membership would double what 100,000 places take).
	memberStart []int32
	memberOf    []memberAt
	firstMember []int32 // per network, the number of its first member
	// strayMembers are the memberships of ids no place has (a base the
	// loader has not checked).
	strayMembers map[string][]memberAt
	// The twinnings of the place at position i are, as positions in
	// Partnerships, partnerOf[partnerStart[i]:partnerStart[i+1]]; those of
	// ids no place has are strayPartners. A list of Partnerships per place
	// kept each twinning twice (2.8 MB at 100,000 places).
	partnerStart  []int32
	partnerOf     []int32
	strayPartners map[string][]int32
}

// memberAt is a membership by its number among all networks' members:
// Networks[net].Members[at] is number firstMember[net]+at (4 bytes a
// membership, not 8).
type memberAt int32

// Network is a network, programme or office that municipalities belong to or
// work with, such as "Engagierte Stadt" or the RegioPole-Netzwerk.
type Network struct {
	ID   string
	Name string
	// ShortName is the name people use in questions and answers:
	// "RegioPole", "Kommunen-Netzwerk"; Name when empty.
	ShortName string
	Aliases   []string // other names users type: "Regiopolen-Netzwerk", "Kommunen-Netzwerk"
	Kind      string   // "Kommunen-Netzwerk", "Netzwerkprogramm", ...
	Scope     string   // "Nordrhein-Westfalen", "bundesweit"
	Website   string
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
	// MembersCompleteIn are the Bundesländer whose members the sources
	// list in full though the whole list is not ("18 NRW members,
	// complete as far as the sources read show"): there, a place not
	// listed is no member.
	MembersCompleteIn []string
	// MemberNoun is what a member is called where "Mitglied" is wrong:
	// "Titelträger" for a title the Land awards (Kind KindTitle). Empty
	// means "Mitglied".
	MemberNoun string
}

// KindTitle is the Network.Kind of a title the Land awards, such as
// "Europaaktive Kommune in NRW": its "members" are the holders, Since is
// the year they were honoured, and a Role says whether the title was made
// permanent. Membership questions are answered for it as for a network.
const KindTitle = "Landesauszeichnung"

// IsTitle reports whether the network is a title the Land awards.
func (n *Network) IsTitle() bool { return n.Kind == KindTitle }

// CompleteIn reports whether the network's known members are all of its
// members in the Bundesland: the whole list is complete, or that
// Bundesland's part of it, or the network lies in another Bundesland
// alone (its Scope), where it has none.
func (n *Network) CompleteIn(state string) bool {
	return n.MembersComplete || slices.Contains(n.MembersCompleteIn, state) || slices.Contains(States, n.Scope) && state != n.Scope
}

// Noun is what a member of the network is called: MemberNoun, or "Mitglied".
func (n *Network) Noun() string {
	if n.MemberNoun != "" {
		return n.MemberNoun
	}
	return "Mitglied"
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
	// Topic is the attribute the fact states (see Attribute): "chair",
	// "join", "cost", "event", ...; empty for general facts. Questions for
	// an attribute are answered from the facts that state it.
	Topic string
	// Date is when the stated thing happens or happened, for events and
	// deadlines ("Tag der Städtepartnerschaften, 19. Januar 2024"); it lets
	// answers tell past from coming events. Zero when not an event.
	Date Date
}

// Membership says that a place belongs to a network, since when and in which role.
type Membership struct {
	Place   string // place id
	Network string // network id
	Since   Date
	// Until is set for a former member: the year it left ("ausgetreten 2017").
	// A former member is never answered as a member. (Next to Since, the
	// two dates take one word.)
	Until  Date
	Role   string // "Gründungsmitglied", "Vorsitz seit 2025", ...
	Note   string
	Source string // source id
}

// Partnership is one town twinning of an NRW place.
type Partnership struct {
	Place   string // place id, the NRW side
	Partner string // place id of the partner, in Germany or abroad
	// Country is the partner's country, in German: "Frankreich", or
	// "Deutschland". The loader fills it in from the partner place; the
	// files never repeat it.
	Country string
	Since   Date // zero when the sources give no year
	// Kind is how the sources call it: Partnerschaft (the default),
	// Freundschaft, Patenschaft, Projektpartnerschaft, ... (PartnershipKinds).
	Kind string
	// Status is empty for a living twinning (also one a source only lists),
	// else one of PartnershipStatuses, as the source says.
	Status string
	Note   string
	Source string // source id
	// Facts are further sourced statements about the twinning, above all
	// where another source gives another year or kind: both stay, dated.
	Facts []Fact
}

// Place is a municipality (Stadt, Gemeinde), a Kreis or a part of a town.
type Place struct {
	ID       string
	Name     string
	Aliases  []string // other spellings: "Guetersloh", "Koenigswinter"
	Kind     string   // see PlaceKinds
	State    string   // Bundesland, written out: "Nordrhein-Westfalen"
	District string   // Kreis, or "kreisfreie Stadt"
	// Region is the Regierungsbezirk of an NRW place: "Detmold".
	Region string
	// Country is empty for places in Germany, else the country in German.
	Country string
	// AGS is the Amtlicher Gemeindeschlüssel, where the official list
	// gives one. (Beside the flags below, the three take one word.)
	AGS AGS
	// Everyday marks a name that is also an everyday word ("Wetter",
	// "Lage", "Essen"): it is read as the place only where the question
	// treats it as one.
	Everyday bool
	// PartnersComplete is true when the base lists all the place's town
	// twinnings, as a source says (its own website lists them all, or
	// gives their number). PartnersSource is that source's id.
	PartnersComplete bool
	PartnersSource   string
	// Facts are sourced statements about the place itself ("Aachen zählt
	// das Innenministerium als kreisfreie Stadt").
	Facts []Fact
}

// AGS is an Amtlicher Gemeindeschlüssel: 8 digits for a municipality, 5
// for a Kreis, 3 for a Regierungsbezirk. It is kept as the number of its
// digits after a 1, which keeps leading zeros and length, in four bytes
// where a string took sixteen (1.6 MB at 100,000 places); 0 is none.
type AGS uint32

// ParseAGS reads a key of 1 to 9 digits; false for anything else.
func ParseAGS(s string) (AGS, bool) {
	if len(s) == 0 || len(s) > 9 {
		return 0, false
	}
	n := uint64(1)
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + uint64(c-'0')
	}
	return AGS(n), true
}

// String writes the key as the official list does: "05711000"; "" for none.
func (k AGS) String() string {
	if k == 0 {
		return ""
	}
	return strconv.FormatUint(uint64(k), 10)[1:]
}

// PlainOfficialName is the amtliche Bezeichnung the official list gives a
// municipality that carries no title of its own: "Bielefeld, Stadt" for a
// Stadt, the bare name for a Gemeinde. Only the names that differ from it
// ("Harsewinkel, Die Mähdrescherstadt") are written into the base, as a
// fact with the topic "official" (OfficialFact): the rule gives all
// others, and a field on every place would cost 1.6 MB at 100,000 places.
func PlainOfficialName(name, kind string) string {
	if kind == "Stadt" {
		return name + ", Stadt"
	}
	return name
}

// OfficialSource is the source of official names: the Gemeindeverzeichnis
// the NRW places are imported from.
const OfficialSource = "destatis-gemeindeverzeichnis"

// OfficialFact is the fact that holds a place's amtliche Bezeichnung where
// it is more than PlainOfficialName. Its text is the name itself; answers
// say it in a sentence of their language.
func OfficialFact(official string) Fact {
	return Fact{Text: official, Source: OfficialSource, Topic: AttrOfficial.String()}
}

// IsOfficial reports whether the fact is an OfficialFact.
func (x Fact) IsOfficial() bool {
	return x.Topic == AttrOfficial.String() && x.Source == OfficialSource
}

// OfficialName is the place's amtliche Bezeichnung: its OfficialFact's,
// else the plain one of a municipality of the official list; "" for other
// places (Kreise have none in the list).
func (p *Place) OfficialName() string {
	for _, x := range p.Facts {
		if x.IsOfficial() {
			return x.Text
		}
	}
	if p.AGS != 0 && len(p.AGS.String()) == 8 && (p.Kind == "Stadt" || p.Kind == "Gemeinde") {
		return PlainOfficialName(p.Name, p.Kind)
	}
	return ""
}

// PlaceKinds are the kinds of place the base knows.
var PlaceKinds = []string{"Stadt", "Gemeinde", "Kreis", "Stadtteil", "Städteregion", "Regierungsbezirk",
	"Bezirksregierung", "Verbandsgemeinde", "Gemeindeverband", "Bezirk", "Region"}

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

// Countries are the countries places abroad may name, in German.
var Countries = []string{
	"Albanien", "Äthiopien", "Belarus", "Belgien", "Bolivien", "Bosnien und Herzegowina", "Brasilien",
	"Bulgarien", "China", "Dänemark", "Estland", "Finnland", "Frankreich", "Georgien", "Ghana",
	"Griechenland", "Honduras", "Indien", "Irland", "Israel", "Italien", "Japan", "Kanada", "Kosovo",
	"Kroatien", "Lettland", "Litauen", "Luxemburg", "Malta", "Mexiko", "Moldau", "Mongolei",
	"Montenegro", "Namibia", "Nicaragua", "Niederlande", "Nordmazedonien", "Norwegen", "Österreich",
	"Palästinensische Gebiete", "Polen", "Portugal", "Rumänien", "Russland", "Sambia", "Schweden",
	"Schweiz", "Senegal", "Serbien", "Slowakei", "Slowenien", "Spanien", "Südafrika", "Togo",
	"Tschechien", "Tunesien", "Türkei", "USA", "Ukraine", "Ungarn", "Usbekistan",
	"Vereinigtes Königreich", "Zypern",
}

// PartnershipKinds are the kinds of town twinning the sources distinguish;
// the first is the default. "Kontakt" is a regular contact a city names
// beside its twinnings without calling it one (the RGRE database's
// category of the same name).
var PartnershipKinds = []string{"Partnerschaft", "Freundschaft", "Patenschaft", "Projektpartnerschaft",
	"Klimapartnerschaft", "Solidaritätspartnerschaft", "Zusammenarbeit", "Kontakt"}

// PartnershipStatuses are the states of a twinning that is not living:
// "ruht" (resting, "auf Eis", contacts paused), "ausgesetzt" (suspended by
// a council decision), "eingeschlafen" (lapsed: it exists on paper only),
// "beendet" (ended), "angestrebt" (planned, not yet concluded).
var PartnershipStatuses = []string{"ruht", "ausgesetzt", "eingeschlafen", "beendet", "angestrebt"}

// Figure is a sourced figure about Nordrhein-Westfalen as a whole, under a
// key answers look it up by ("kreisfreie-staedte"). Figures of one key are
// listed oldest first, like a network's counts.
type Figure struct {
	Key string
	Count
}

// FiguresOf returns the figures under the key, oldest first.
func (b *Base) FiguresOf(key string) []Count {
	var out []Count
	for _, f := range b.Figures {
		if f.Key == key {
			out = append(out, f.Count)
		}
	}
	return out
}

// Parts are the contents of a base, for NewBaseParts.
type Parts struct {
	Networks          []Network
	Places            []Place
	Sources           []Source
	Partnerships      []Partnership
	PartnershipCounts []Count
	Lexicon           *Lexicon
	Figures           []Figure
	Version           string
}

// NewBaseParts indexes the parts for lookup. It does not validate: the
// loader does, and reports problems with file and line, which this package
// cannot know.
func NewBaseParts(p Parts) *Base {
	b := &Base{Networks: p.Networks, Places: p.Places, Sources: p.Sources, Version: p.Version,
		Partnerships: p.Partnerships, PartnershipCounts: p.PartnershipCounts, Lexicon: p.Lexicon, Figures: p.Figures,
		networkByID: make(map[string]*Network, len(p.Networks)),
		sourceByID:  make(map[string]*Source, len(p.Sources))}
	// The base keeps its lists without the spare room appending leaves
	// (up to a quarter more than they hold: 5 MB at 100,000 places).
	b.Places = clip(b.Places)
	b.Partnerships = clip(b.Partnerships)
	for i := range b.Networks {
		b.Networks[i].Members = clip(b.Networks[i].Members)
	}
	b.placeAt = newPlaceTable(b.Places)
	// Count each place's memberships, then lay them out place by place.
	b.memberStart = make([]int32, len(b.Places)+1)
	for i := range b.Networks {
		n := &b.Networks[i]
		b.networkByID[n.ID] = n
		for j := range n.Members {
			n.Members[j].Network = n.ID
			if at, ok := b.placeAt.find(b.Places, n.Members[j].Place); ok {
				b.memberStart[at+1]++
			}
		}
	}
	for i := range b.Places {
		b.memberStart[i+1] += b.memberStart[i]
	}
	b.memberOf = make([]memberAt, b.memberStart[len(b.Places)])
	b.firstMember = make([]int32, len(b.Networks))
	for i := 1; i < len(b.Networks); i++ {
		b.firstMember[i] = b.firstMember[i-1] + int32(len(b.Networks[i-1].Members))
	}
	next := slices.Clone(b.memberStart[:len(b.Places)])
	for i := range b.Networks {
		for j, m := range b.Networks[i].Members {
			ref := memberAt(b.firstMember[i] + int32(j))
			if at, ok := b.placeAt.find(b.Places, m.Place); ok {
				b.memberOf[next[at]] = ref
				next[at]++
				continue
			}
			if b.strayMembers == nil {
				b.strayMembers = map[string][]memberAt{}
			}
			b.strayMembers[m.Place] = append(b.strayMembers[m.Place], ref)
		}
	}
	b.indexPartners()
	for i := range b.Sources {
		b.sourceByID[b.Sources[i].ID] = &b.Sources[i]
	}
	return b
}

// indexPartners lays the twinnings out by place, as the memberships.
func (b *Base) indexPartners() {
	b.partnerStart = make([]int32, len(b.Places)+1)
	// each calls f with every side of every twinning: the place's
	// position (-1 for an id no place has), its id, the twinning's position.
	each := func(f func(place int32, id string, twinning int32)) {
		side := func(id string, i int) {
			at, ok := b.placeAt.find(b.Places, id)
			if !ok {
				at = -1
			}
			f(at, id, int32(i))
		}
		for i, p := range b.Partnerships {
			side(p.Place, i)
			if p.Partner != p.Place {
				side(p.Partner, i)
			}
		}
	}
	each(func(place int32, _ string, _ int32) {
		if place >= 0 {
			b.partnerStart[place+1]++
		}
	})
	for i := range b.Places {
		b.partnerStart[i+1] += b.partnerStart[i]
	}
	b.partnerOf = make([]int32, b.partnerStart[len(b.Places)])
	next := slices.Clone(b.partnerStart[:len(b.Places)])
	each(func(place int32, id string, at int32) {
		if place < 0 {
			if b.strayPartners == nil {
				b.strayPartners = map[string][]int32{}
			}
			b.strayPartners[id] = append(b.strayPartners[id], at)
			return
		}
		b.partnerOf[next[place]] = at
		next[place]++
	})
}

// clip returns xs, or a copy without spare room where it has much.
func clip[S ~[]E, E any](xs S) S {
	if cap(xs)-len(xs) <= len(xs)/16 {
		return xs
	}
	return slices.Clone(xs)
}

// placeTable finds a place's position by its id: open addressing over
// the positions, at most half full, with the ids compared where the
// places keep them. A map[string]int32 holds a copy of every id's
// header beside its position (3.3 MB at 100,000 places; this takes 1).
type placeTable struct {
	slots []int32 // 1 + a position; 0 is empty
}

// placeSeed seeds the tables' hash: one per process, so that two bases
// built alike are alike (frozen's tests compare them deeply).
var placeSeed = maphash.MakeSeed()

// newPlaceTable indexes the places by id; of places with the same id,
// the last is found, as a map filled in order would give.
func newPlaceTable(places []Place) placeTable {
	n := 1
	for n < 2*len(places) {
		n *= 2
	}
	t := placeTable{slots: make([]int32, n)}
	mask := uint64(n - 1)
	for i := range places {
		h := maphash.String(placeSeed, places[i].ID) & mask
		for t.slots[h] != 0 && places[t.slots[h]-1].ID != places[i].ID {
			h = (h + 1) & mask
		}
		t.slots[h] = int32(i) + 1
	}
	return t
}

// find returns the position of the place with the id among the places
// the table was made of.
func (t placeTable) find(places []Place, id string) (int32, bool) {
	if len(t.slots) == 0 {
		return 0, false
	}
	mask := uint64(len(t.slots) - 1)
	for h := maphash.String(placeSeed, id) & mask; t.slots[h] != 0; h = (h + 1) & mask {
		if at := t.slots[h] - 1; places[at].ID == id {
			return at, true
		}
	}
	return 0, false
}

// Network returns the network with the id, or nil.
func (b *Base) Network(id string) *Network { return b.networkByID[id] }

// Place returns the place with the id, or nil.
func (b *Base) Place(id string) *Place {
	if i, ok := b.placeAt.find(b.Places, id); ok {
		return &b.Places[i]
	}
	return nil
}

// PlaceIndex returns the position of the place with the id in Places, so
// that callers can keep what they know of every place in a slice rather
// than in a map of their own.
func (b *Base) PlaceIndex(id string) (int, bool) {
	i, ok := b.placeAt.find(b.Places, id)
	return int(i), ok
}

// Source returns the source with the id, or nil.
func (b *Base) Source(id string) *Source { return b.sourceByID[id] }

// MembershipsOf lists the memberships of a place in networks, in the order
// of the networks. Titles the place holds are no memberships: see TitlesOf.
// The list is the caller's.
func (b *Base) MembershipsOf(placeID string) []Membership { return b.membershipsOf(placeID, false) }

// MembershipIn returns the place's membership in the network, if it has one
// (the last one listed, if the network lists the place twice).
func (b *Base) MembershipIn(network, place string) (Membership, bool) {
	refs := b.memberRefs(place)
	for i := len(refs) - 1; i >= 0; i-- {
		if n, at := b.member(refs[i]); n.ID == network {
			return n.Members[at], true
		}
	}
	return Membership{}, false
}

// TitlesOf lists the titles the Land awarded a place (networks of kind
// KindTitle), as memberships: the network is the title, Since when it was
// awarded, Role whether it was made permanent. The list is the caller's.
func (b *Base) TitlesOf(placeID string) []Membership { return b.membershipsOf(placeID, true) }

// membershipsOf copies a place's memberships in titles or in networks.
func (b *Base) membershipsOf(placeID string, titles bool) []Membership {
	refs, n := b.memberRefs(placeID), 0
	for _, r := range refs {
		if nw, _ := b.member(r); nw.IsTitle() == titles {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]Membership, 0, n)
	for _, r := range refs {
		if nw, at := b.member(r); nw.IsTitle() == titles {
			out = append(out, nw.Members[at])
		}
	}
	return out
}

// member returns the network of a membership and its position there.
func (b *Base) member(r memberAt) (*Network, int32) {
	// The network is the last whose first member is not after r (one
	// with no members shares its number with the next).
	i := sort.Search(len(b.firstMember), func(i int) bool { return b.firstMember[i] > int32(r) }) - 1
	return &b.Networks[i], int32(r) - b.firstMember[i]
}

// memberRefs are the memberships of a place, titles included.
func (b *Base) memberRefs(placeID string) []memberAt {
	if i, ok := b.placeAt.find(b.Places, placeID); ok {
		return b.memberOf[b.memberStart[i]:b.memberStart[i+1]]
	}
	return b.strayMembers[placeID]
}

// PartnershipsOf lists the twinnings a place is on either side of, in the
// order of Partnerships. The list is the caller's.
func (b *Base) PartnershipsOf(placeID string) []Partnership {
	at := b.strayPartners[placeID]
	if i, ok := b.placeAt.find(b.Places, placeID); ok {
		at = b.partnerOf[b.partnerStart[i]:b.partnerStart[i+1]]
	}
	if len(at) == 0 {
		return nil
	}
	out := make([]Partnership, len(at))
	for j, i := range at {
		out[j] = b.Partnerships[i]
	}
	return out
}

// PartnershipsAt lists the positions in Partnerships of the twinnings a
// place is on either side of, in order. The list is the base's: read it,
// never change it. A twinning found by position is not copied, which
// matters where an answer walks the twinnings of thousands of places.
func (b *Base) PartnershipsAt(placeID string) []int32 {
	if i, ok := b.placeAt.find(b.Places, placeID); ok {
		return b.partnerOf[b.partnerStart[i]:b.partnerStart[i+1]:b.partnerStart[i+1]]
	}
	return b.strayPartners[placeID]
}

// Memberships counts all memberships of the base, title holders included.
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
//
// It takes four bytes, not the 24 of three ints: every membership holds
// two dates (9 MB of 100,000 places' memberships were dates). Years are
// 1800 to 2200 (ParseDate); compute with int(d.Year).
type Date struct {
	Year       int16
	Month, Day uint8
}

// NewDate is the date of a year, month and day (0 where unknown), for
// callers computing with ints.
func NewDate(year, month, day int) Date {
	return Date{Year: int16(year), Month: uint8(month), Day: uint8(day)}
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
	year, month, day := n[0], n[1], n[2]
	if year < 1800 || year > 2200 {
		return Date{}, fmt.Errorf("date %q: year out of range", s)
	}
	if len(parts) > 1 && (month < 1 || month > 12) {
		return Date{}, fmt.Errorf("date %q: month must be 01 to 12", s)
	}
	if len(parts) > 2 && (day < 1 || day > daysIn(year, month)) {
		return Date{}, fmt.Errorf("date %q: no such day", s)
	}
	return NewDate(year, month, day), nil
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
func (d Date) String() string { return d.format(germanMonths, "%d. %s %d") }

// IsGermanMonth reports whether a word names a month in German ("Juni",
// "juni"): "am 7. Juni" is a date, not a seventh something.
func IsGermanMonth(w string) bool {
	return slices.ContainsFunc(germanMonths, func(m string) bool { return strings.EqualFold(m, w) })
}

// format writes a date with month names and a day-month-year layout.
func (d Date) format(months []string, day string) string {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return strconv.Itoa(int(d.Year))
	case d.Day == 0:
		return months[d.Month-1] + " " + strconv.Itoa(int(d.Year))
	}
	return fmt.Sprintf(day, d.Day, months[d.Month-1], d.Year)
}

var englishMonths = []string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// English writes the date for English answers: "16 March 2016", "June 2022", "2019".
func (d Date) English() string { return d.format(englishMonths, "%d %s %d") }

// EnglishDates rewrites the German dates a quoted statement gives into
// the English form of English answers: "am 29. März 2023" → "am 29 March
// 2023", "im Juni 2021" → "im June 2021". The statement itself stays
// German (the issue allows that); a date is read as a date, and an
// English reader should not have to parse "19. Januar". A month name is
// rewritten only next to a figure: "Mai" alone may be anything.
func EnglishDates(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= '0' && r <= '9' }) {
		return s
	}
	var b strings.Builder
	i, done := 0, 0
	for i < len(s) {
		m, n := germanMonthAt(s, i)
		if m < 0 {
			i++
			continue
		}
		// Before it "29. ", after it " 2023": a figure on one side.
		dayDot := i >= 3 && s[i-1] == ' ' && s[i-2] == '.' && isDigit(s[i-3])
		year := i+n+1 < len(s) && s[i+n] == ' ' && isDigit(s[i+n+1])
		if !dayDot && !year {
			i += n
			continue
		}
		cut := i
		if dayDot {
			cut = i - 2 // drop the day's dot: "29 March"
		}
		b.WriteString(s[done:cut])
		if dayDot {
			b.WriteByte(' ')
		}
		b.WriteString(englishMonths[m])
		i += n
		done = i
	}
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return englishRanges(b.String())
}

// englishRanges finishes the ranges EnglishDates rewrote at their end:
// "16. und 17 September" → "16 und 17 September", "16./17 September" →
// "16/17 September", "Januar bis March 2022" → "January bis March 2022".
func englishRanges(s string) string {
	for _, sep := range []string{". und ", ". bis ", "./", ".–", ". – "} {
		for i := strings.Index(s, sep); i >= 0; {
			j := i + len(sep)
			k := j
			for k < len(s) && isDigit(s[k]) {
				k++
			}
			if i > 0 && isDigit(s[i-1]) && k > j && k+1 < len(s) && s[k] == ' ' && englishMonthAt(s, k+1) {
				s = s[:i] + s[i+1:] // the first day's dot
			} else {
				i++
			}
			if n := strings.Index(s[i:], sep); n >= 0 {
				i += n
			} else {
				i = -1
			}
		}
	}
	for _, sep := range []string{" bis ", " und ", "–", " – "} {
		if !strings.Contains(s, sep) {
			continue // no month's name with it either: not twelve names+sep to write and look for (issue 17)
		}
		for m, name := range germanMonths {
			pat := name + sep
			for i := strings.Index(s, pat); i >= 0; {
				if englishMonthAt(s, i+len(pat)) && (i == 0 || !isWordByte(s[i-1])) {
					s = s[:i] + englishMonths[m] + s[i+len(name):]
				}
				if n := strings.Index(s[i+1:], pat); n >= 0 {
					i += 1 + n
				} else {
					i = -1
				}
			}
		}
	}
	return s
}

// englishMonthAt reports whether an English month name starts at s[i:].
func englishMonthAt(s string, i int) bool {
	for _, m := range englishMonths {
		if strings.HasPrefix(s[i:], m) {
			return true
		}
	}
	return false
}

// germanMonthAt is the month whose German name starts a word at s[i:] and
// ends there too, and its length in bytes; -1 if none.
func germanMonthAt(s string, i int) (int, int) {
	if i > 0 && isWordByte(s[i-1]) || s[i] < 'A' || s[i] > 'Z' {
		return -1, 0 // every month's name begins with a capital: EnglishDates asks at every byte (issue 17)
	}
	for m, name := range germanMonths {
		if strings.HasPrefix(s[i:], name) && (i+len(name) == len(s) || !isWordByte(s[i+len(name)])) {
			return m, len(name)
		}
	}
	return -1, 0
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isWordByte reports whether a byte belongs to a word: a letter, a digit,
// or a byte of a multi-byte letter ("ä").
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) || c >= 0x80
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

// umlauts spells the German letters as ids do, built once.
var umlauts = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss")

// SpellUmlauts writes ä, ö, ü and ß as a keyboard without them does:
// "gütersloh" is "guetersloh".
func SpellUmlauts(s string) string { return umlauts.Replace(s) }

// Slug writes a name in the id form the base uses: "Gütersloh" becomes
// "guetersloh", "Wetter (Ruhr)" "wetter-ruhr". The loader suggests it for
// bad ids and the place importer writes it, so both agree.
func Slug(s string) string {
	s = umlauts.Replace(strings.ToLower(s))
	var b strings.Builder
	dash := false
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	return b.String()
}
