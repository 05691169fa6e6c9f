package answer

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/lang"
	"github.com/engagiert/engagiert/internal/words"
)

// A Frame is a question as the engine understood it, and the one thing
// routing and answering read: a kind's match is a function of the frame
// alone, and its answer a function of the frame and the base. So two
// questions that print the same frame get the same answer, and the golden
// file of printed frames (testdata/frames.golden) pins routing — a change
// in understanding shows as a readable diff, as codesearch's printed
// queries do.
//
// The enumerations below are only compared and printed; their order is not
// stored anywhere (frames travel as text), but keep each String in step.

// Op is what a question asks for, whatever it asks it about.
type Op uint8

// The operations a question can ask for.
const (
	OpDescribe Op = iota // "Bielefeld", "Was ist X?"
	OpList               // "Welche Städte …?"
	OpCount              // "Wie viele …?"
	OpYesNo              // "Ist Lemgo dabei?"
	OpWhen               // "Seit wann …?"
	OpWhere              // "Wo …?"
	OpWho                // "Wer …?"
	OpJoin               // "Wie wird man Mitglied?"
	OpCompare            // "Was ist älter, X oder Y?"
	OpMost               // "das jüngste Mitglied", "die meisten Partnerstädte"
	OpHelp               // "hilfe"
	OpChatter            // "moin", "danke!"
	numOps
)

var opNames = [numOps]string{"describe", "list", "count", "yesno", "when", "where", "who", "join", "compare", "most", "help", "chatter"}

func (o Op) String() string { return enumName(opNames[:], int(o)) }

// SubjectKind is what a subject is.
type SubjectKind uint8

// The kinds of subject.
const (
	SubjectNone SubjectKind = iota
	SubjectNetwork
	SubjectPlace
	SubjectState // a Bundesland
	numSubjectKinds
)

var subjectKindNames = [numSubjectKinds]string{"", "network", "place", "state"}

func (k SubjectKind) String() string { return enumName(subjectKindNames[:], int(k)) }

// Subject is something a question names.
type Subject struct {
	Kind SubjectKind
	ID   string
	// As is the other name the question used for a place, when it used an
	// alias ("Rshew" for Rschew): answers show it beside the name.
	As string
}

func (s Subject) String() string {
	out := s.Kind.String() + ":" + s.ID
	if s.As != "" {
		out += "(" + strings.ReplaceAll(s.As, " ", "_") + ")"
	}
	return out
}

// About is what a question is about where its subjects do not say it.
type About uint8

// What questions are about.
const (
	AboutSubjects  About = iota // its subjects
	AboutTwinnings              // town twinnings ("Partnerstädte von X")
	AboutAreas                  // NRW's municipalities as such ("Wie viele Gemeinden hat der Kreis Lippe?")
	AboutNetworks               // the networks the base knows ("Welche Netzwerke kennst du?")
	AboutCross                  // places in several networks
	numAbouts
)

var aboutNames = [numAbouts]string{"", "twinnings", "areas", "networks", "cross"}

func (a About) String() string { return enumName(aboutNames[:], int(a)) }

// Direction is the direction of a comparison or a superlative.
type Direction uint8

// The directions.
const (
	DirNone Direction = iota
	DirOldest
	DirNewest
	DirLargest
	DirSmallest
	numDirections
)

var directionNames = [numDirections]string{"", "oldest", "newest", "largest", "smallest"}

func (d Direction) String() string { return enumName(directionNames[:], int(d)) }

// Measure is what a comparison, a superlative or a count is about.
type Measure uint8

// The measures the base has.
const (
	MeasureNone           Measure = iota
	MeasureFounding               // when a network was founded
	MeasureSize                   // a network's member figure
	MeasureJoined                 // when a place joined a network
	MeasureNetworks               // how many networks a place is in
	MeasureTwinnings              // how many twinnings a place has, or when one began
	MeasureMunicipalities         // how many municipalities an area has
	MeasureMembers                // how many members (from an area, of a network) the base names
	MeasureEvents                 // how many took part in an event
	MeasureYears                  // the year with the most ("In welchem Jahr …")
	MeasureCountries              // the country with the most
	MeasureArea                   // whether places lie in the same Kreis
	MeasureRegion                 // whether places lie in the same Regierungsbezirk
	MeasureCommon                 // what places have in common
	numMeasures
)

var measureNames = [numMeasures]string{"", "founding", "size", "joined", "networks", "twinnings", "municipalities", "members", "events", "years", "countries", "area", "region", "common"}

func (m Measure) String() string { return enumName(measureNames[:], int(m)) }

// When narrows the time a question asks about.
type When uint8

// The times.
const (
	WhenAny     When = iota
	WhenNext         // "der nächste Tag der Städtepartnerschaften"
	WhenLast         // "die letzte Veranstaltung"
	WhenHistory      // "bisher", "nacheinander": all of them, in order
	WhenUntil        // "bis wann": when it ends
	numWhens
)

var whenNames = [numWhens]string{"", "next", "last", "history", "until"}

func (w When) String() string { return enumName(whenNames[:], int(w)) }

// Filters narrow a list: where its places are, since when, of which kind.
type Filters struct {
	State    string // Bundesland
	NotState bool   // outside State
	// Area is the id of a Kreis, Städteregion or Regierungsbezirk;
	// NotArea asks for what lies outside it.
	Area      string
	NotArea   bool
	Kreisfrei string // "ja": kreisfreie Städte only; "nein": kreisangehörige only
	Kind      string // kind of place: "Kreis"
	Founders  bool   // founding members only
	// NotFounders leaves the founding members out; NotIn the members of
	// the network with that id.
	NotFounders bool
	NotIn       string
	Year        int    // joined (founded, twinned) in, before or after Year
	YearOp      string // "", "before", "after", "between" (Year to YearTo)
	YearTo      int    // the last year of "zwischen 2000 und 2009"
	New         bool   // the newest members
	Country     string // partners in that country
	NotCountry  bool   // partners outside Country: "outside Europe"
	Suspended   bool   // twinnings that rest or ended
	// Except are places to leave out: "wer noch?" after one was named.
	Except []string
	// Twinned is "ja" for places with a town twinning, "nein" for those
	// without: "Welche Engagierten Städte haben keine Partnerstadt?".
	Twinned string
	// Former asks for the members who left, Year then being the year they
	// left: "Welche Stadt ist 2017 aus der Engagierten Stadt ausgetreten?".
	Former bool
	// TwinKind is a kind of twinning (domain.PartnershipKinds) other than
	// the plain Partnerschaft: "Mit welcher Stadt hat Detmold eine
	// Städtefreundschaft?" asks for a Freundschaft.
	TwinKind string
}

// IsZero reports whether no filter is set.
func (f Filters) IsZero() bool {
	return f.State == "" && !f.NotState && f.Area == "" && !f.NotArea && f.Kreisfrei == "" && f.Kind == "" && !f.Founders &&
		f.Year == 0 && !f.New && f.Country == "" && !f.NotCountry && !f.Suspended && len(f.Except) == 0 && f.Twinned == "" && !f.NotFounders && f.NotIn == "" && !f.Former && f.TwinKind == ""
}

// Relation places the answer relative to a subject: "vor Paderborn".
type Relation struct {
	Op string `json:"op,omitempty"` // "before" or "after"
	ID string `json:"id,omitempty"` // a place id, or RelNow
	// Step counts how far: "und davor?" asked again goes one further.
	Step int `json:"step,omitempty"`
}

// RelNow relates to whoever holds the role now: "Wer hatte davor den
// Vorsitz?".
const RelNow = "now"

// Frame is a question as the engine understood it.
type Frame struct {
	Op Op
	// YesNo marks a comparison asked for yes or no: "Ist RegioPole jünger
	// als das Kommunen-Netzwerk?".
	YesNo     bool
	Subjects  []Subject
	Attribute domain.Attribute
	About     About
	Filters   Filters
	// Negate asks for the complement of a list: "Welche Städte sind nicht
	// bei RegioPole?"
	Negate bool
	// Period asks how long or how often ("Wie lange dauert ein Vorsitz?",
	// "Wie oft findet der Tag statt?"): the statements that give a span
	// answer it.
	Period bool
	// Sum asks how much money ("Wie viel Geld gibt das Land?"): only a
	// statement that names a sum answers it.
	Sum bool
	// Latest asks for what is true now ("Wie heißt das Ministerium
	// inzwischen?", "aktuell"): of statements that answer alike, the
	// newest leads.
	Latest bool
	// In is a place the question names as where what it asks about is,
	// not as its subject: "die Auslandsgesellschaft in Dortmund".
	In string
	// From is the source a question goes by, folded: "laut Landtag",
	// "according to IT.NRW". The statements that source gives, or that
	// quote it, lead.
	From string
	Most Direction
	// Measure is what Most, a comparison or a count is about.
	Measure Measure
	Time    When
	Rel     Relation
	// Ordinal is a numbered event: "der 5. Tag der Städtepartnerschaften".
	Ordinal int
	// Number is a figure the question names that is no year: a size
	// ("Städte mit 300.000 Einwohnern"), an anniversary ("10 Jahre").
	Number int
	// Anniversary marks Number as years since a founding: "das
	// 10-jährige Jubiläum", not "von 6 Städten gegründet".
	Anniversary bool
	// Words are the question's content words (folded): what a statement
	// must share to answer it.
	Words []string
	// Asked are the words that named the attribute ("Jahrestreffen",
	// "Vorsitz"), folded: statements are searched with them where no fact
	// states the attribute.
	Asked []string
	// Unknown is a word that looks like a name the base does not know
	// ("Musterhausen", "klimafreundliche Kommunen"), as typed: nothing is
	// known of it, and no list stands in for an answer.
	Unknown string
	// unknownAs is the unknown word as the question wrote it ("München"),
	// for answers; Unknown is folded, for comparing.
	unknownAs string
	English   bool
	// Focus is the place the answer to this frame named as its answer
	// (domain.Answer.Focus): set after answering, carried to the next
	// question of a conversation, never read from a question.
	Focus string
	// Person is the person the answer to a who-question named first
	// ("Jochen Beuckers"), as the statement writes the name: set after
	// answering like Focus, so that "is he in another network too?" asks
	// of him (personAsked).
	Person string
	// Parts are the further questions of a question that asks two things
	// ("Wann wurde X gegründet und wer hat den Vorsitz?"), answered in turn.
	Parts []Frame
}

// String prints the frame compactly, every field that is set:
// "when subject=network:regiopole attr=founding | who subject=network:regiopole attr=chair".
func (f Frame) String() string {
	var b strings.Builder
	b.WriteString(f.Op.String())
	if f.YesNo {
		b.WriteString("?")
	}
	for _, s := range f.Subjects {
		b.WriteString(" subject=" + s.String())
	}
	kv := func(k, v string) {
		if v != "" {
			b.WriteString(" " + k + "=" + strings.ReplaceAll(v, " ", "_"))
		}
	}
	kv("attr", f.Attribute.String())
	kv("about", f.About.String())
	if f.Negate {
		b.WriteString(" not")
	}
	if f.Period {
		b.WriteString(" period")
	}
	if f.Sum {
		b.WriteString(" sum")
	}
	if f.Latest {
		b.WriteString(" latest")
	}
	kv("from", f.From)
	kv("in", f.In)
	kv("most", f.Most.String())
	kv("measure", f.Measure.String())
	kv("time", f.Time.String())
	if f.Rel.Op != "" {
		kv(f.Rel.Op, f.Rel.ID)
		if f.Rel.Step > 0 {
			kv("step", strconv.Itoa(f.Rel.Step))
		}
	}
	fl := f.Filters
	if fl.NotState {
		kv("state!", fl.State)
	} else {
		kv("state", fl.State)
	}
	if fl.NotArea {
		kv("area!", fl.Area)
	} else {
		kv("area", fl.Area)
	}
	kv("kreisfrei", fl.Kreisfrei)
	kv("kind", fl.Kind)
	if fl.NotCountry {
		kv("country!", fl.Country)
	} else {
		kv("country", fl.Country)
	}
	if fl.Founders {
		b.WriteString(" founders")
	}
	if fl.NotFounders {
		b.WriteString(" founders!")
	}
	kv("network!", fl.NotIn)
	if fl.Former {
		b.WriteString(" former")
	}
	if fl.Year != 0 {
		b.WriteString(" year" + map[string]string{"": "=", "before": "<", "after": ">", "between": "="}[fl.YearOp] + strconv.Itoa(fl.Year))
		if fl.YearOp == "between" {
			b.WriteString(".." + strconv.Itoa(fl.YearTo))
		}
	}
	if fl.New {
		b.WriteString(" new")
	}
	if fl.Suspended {
		b.WriteString(" suspended")
	}
	if len(fl.Except) > 0 {
		kv("except", strings.Join(fl.Except, ","))
	}
	kv("twinned", fl.Twinned)
	kv("twinkind", fl.TwinKind)
	if f.Ordinal != 0 {
		kv("ordinal", strconv.Itoa(f.Ordinal))
	}
	if f.Number != 0 {
		kv("number", strconv.Itoa(f.Number))
	}
	if f.Anniversary {
		b.WriteString(" anniversary")
	}
	if len(f.Words) > 0 {
		kv("words", strings.Join(f.Words, ","))
	}
	if len(f.Asked) > 0 {
		kv("asked", strings.Join(f.Asked, ","))
	}
	kv("unknown", f.Unknown)
	kv("focus", f.Focus)
	kv("person", f.Person)
	if f.English {
		b.WriteString(" lang=en")
	}
	for _, p := range f.Parts {
		b.WriteString(" | " + p.String())
	}
	return b.String()
}

func enumName(names []string, i int) string {
	if i >= 0 && i < len(names) {
		return names[i]
	}
	return "?"
}

// has reports whether the frame names a subject of the kind.
func (f Frame) has(kind SubjectKind) bool {
	for _, s := range f.Subjects {
		if s.Kind == kind {
			return true
		}
	}
	return false
}

// count is how many subjects of the kind the frame names: len(f.ids(kind))
// without the list, for the matches of the kinds, which ask it of every
// question.
func (f Frame) count(kind SubjectKind) int {
	n := 0
	for _, s := range f.Subjects {
		if s.Kind == kind {
			n++
		}
	}
	return n
}

// ids lists the ids of the frame's subjects of one kind, in order.
func (f Frame) ids(kind SubjectKind) []string {
	var out []string
	for _, s := range f.Subjects {
		if s.Kind == kind {
			out = append(out, s.ID)
		}
	}
	return out
}

func (f Frame) networks() []string { return f.ids(SubjectNetwork) }
func (f Frame) places() []string   { return f.ids(SubjectPlace) }

// subject returns the subject with the id, for the name the question used.
func (f Frame) subject(id string) Subject {
	for _, s := range f.Subjects {
		if s.ID == id {
			return s
		}
	}
	return Subject{}
}

// wire is how a frame travels between the answers of a conversation (in a
// Slack thread's store): by names, so a frame written by one version of
// the bot reads in the next.
type wire struct {
	Op       string     `json:"op"`
	YesNo    bool       `json:"yn,omitempty"`
	Subjects []string   `json:"s,omitempty"` // "place:bielefeld"
	As       []string   `json:"as,omitempty"`
	Attr     string     `json:"a,omitempty"`
	About    string     `json:"about,omitempty"`
	Filters  wireFilter `json:"f,omitzero"`
	Negate   bool       `json:"not,omitempty"`
	Period   bool       `json:"per,omitempty"`
	Sum      bool       `json:"sum,omitempty"`
	Latest   bool       `json:"now,omitempty"`
	From     string     `json:"from,omitempty"`
	In       string     `json:"in,omitempty"`
	Most     string     `json:"most,omitempty"`
	Measure  string     `json:"m,omitempty"`
	Time     string     `json:"t,omitempty"`
	Rel      Relation   `json:"rel,omitzero"`
	Ordinal  int        `json:"ord,omitempty"`
	Number   int        `json:"n,omitempty"`
	Anniv    bool       `json:"anniv,omitempty"`
	Words    []string   `json:"w,omitempty"`
	Asked    []string   `json:"aw,omitempty"`
	English  bool       `json:"en,omitempty"`
	Focus    string     `json:"focus,omitempty"`
	Person   string     `json:"person,omitempty"`
}

type wireFilter struct {
	State       string   `json:"state,omitempty"`
	NotState    bool     `json:"nstate,omitempty"`
	Area        string   `json:"area,omitempty"`
	NotArea     bool     `json:"narea,omitempty"`
	Kreisfrei   string   `json:"kfrei,omitempty"`
	Kind        string   `json:"kind,omitempty"`
	Founders    bool     `json:"founders,omitempty"`
	NotFounders bool     `json:"nfounders,omitempty"`
	NotIn       string   `json:"notin,omitempty"`
	Year        int      `json:"year,omitempty"`
	YearOp      string   `json:"yop,omitempty"`
	YearTo      int      `json:"yto,omitempty"`
	New         bool     `json:"new,omitempty"`
	Country     string   `json:"country,omitempty"`
	NotCountry  bool     `json:"ncountry,omitempty"`
	Suspended   bool     `json:"susp,omitempty"`
	Except      []string `json:"except,omitempty"`
	Twinned     string   `json:"twinned,omitempty"`
	Former      bool     `json:"former,omitempty"`
	TwinKind    string   `json:"tkind,omitempty"`
}

// encode writes the frame for Answer.Frame; parts and an unknown word are
// left out, since a follow-up continues from what was last asked.
func (f Frame) encode() string {
	w := f.toWire()
	return string(appendWire(make([]byte, 0, 128), &w))
}

// toWire is the frame as its JSON has it: enums as names, subjects as
// "kind:id" with what each was asked as.
func (f Frame) toWire() wire {
	w := wire{Op: f.Op.String(), YesNo: f.YesNo, Attr: f.Attribute.String(), About: f.About.String(), Negate: f.Negate, Period: f.Period, Sum: f.Sum, Latest: f.Latest, From: f.From, In: f.In,
		Most: f.Most.String(), Measure: f.Measure.String(), Time: f.Time.String(), Rel: f.Rel, Ordinal: f.Ordinal,
		Number: f.Number, Anniv: f.Anniversary, Words: f.Words, Asked: f.Asked, English: f.English, Filters: wireFilter(f.Filters), Focus: f.Focus, Person: f.Person}
	for _, s := range f.Subjects {
		w.Subjects = append(w.Subjects, s.Kind.String()+":"+s.ID)
		w.As = append(w.As, s.As)
	}
	if strings.Join(w.As, "") == "" {
		w.As = nil
	}
	return w
}

// decodeFrame reads what encode wrote; a frame that does not decode is no
// frame, and the follow-up stands alone.
func decodeFrame(s string) (Frame, bool) {
	var w wire
	if s == "" || json.Unmarshal([]byte(s), &w) != nil {
		return Frame{}, false
	}
	var f Frame
	var ok bool
	if f.Op, ok = parseEnum[Op](opNames[:], w.Op); !ok {
		return Frame{}, false
	}
	if w.Attr != "" {
		if f.Attribute, ok = domain.ParseAttribute(w.Attr); !ok {
			return Frame{}, false
		}
	}
	f.About, _ = parseEnum[About](aboutNames[:], w.About)
	f.Most, _ = parseEnum[Direction](directionNames[:], w.Most)
	f.Measure, _ = parseEnum[Measure](measureNames[:], w.Measure)
	f.Time, _ = parseEnum[When](whenNames[:], w.Time)
	for i, s := range w.Subjects {
		k, id, _ := strings.Cut(s, ":")
		kind, ok := parseEnum[SubjectKind](subjectKindNames[:], k)
		if !ok || kind == SubjectNone || id == "" {
			return Frame{}, false
		}
		sub := Subject{Kind: kind, ID: id}
		if i < len(w.As) {
			sub.As = w.As[i]
		}
		f.Subjects = append(f.Subjects, sub)
	}
	f.Filters = Filters(w.Filters)
	f.YesNo = w.YesNo
	f.Negate, f.Period, f.Latest, f.From, f.In, f.Rel, f.Ordinal, f.Number, f.Words, f.Asked, f.English = w.Negate, w.Period, w.Latest, w.From, w.In, w.Rel, w.Ordinal, w.Number, w.Words, w.Asked, w.English
	f.Focus, f.Person, f.Anniversary, f.Sum = w.Focus, w.Person, w.Anniv, w.Sum
	return f, true
}

func parseEnum[T ~uint8](names []string, s string) (T, bool) {
	for i, n := range names {
		if n == s {
			return T(i), true
		}
	}
	return 0, false
}

// unknownName is the unknown word as the question wrote it, with a
// capital: "„München“ kenne ich nicht", not "Munchen".
func (f Frame) unknownName() string {
	if f.unknownAs != "" && words.Fold(f.unknownAs) == f.Unknown {
		return lang.UpperFirst(f.unknownAs)
	}
	return lang.UpperFirst(f.Unknown)
}
