package answer

import (
	"encoding/json"
	"strconv"
	"strings"
)

// Op is what a question asks for, whatever it asks it about.
type Op string

// The operations a question can ask for.
const (
	OpDescribe    Op = "describe"    // "RegioPole", "Was ist X?"
	OpList        Op = "list"        // "Welche Städte ...?"
	OpCount       Op = "count"       // "Wie viele ...?"
	OpYesNo       Op = "yesno"       // "Ist Lemgo dabei?"
	OpWhen        Op = "when"        // "Seit wann ...?", "Wann ...?"
	OpWhere       Op = "where"       // "Wo ...?"
	OpWho         Op = "who"         // "Wer ...?"
	OpJoin        Op = "join"        // "Wie wird man Mitglied?"
	OpCompare     Op = "compare"     // "Was ist älter, X oder Y?"
	OpSuperlative Op = "superlative" // "das jüngste Mitglied"
	OpHelp        Op = "help"        // "hilfe"
	OpChatter     Op = "chatter"     // "moin", "danke!"
)

// Subject is something a question names: a network, a place, a Bundesland.
type Subject struct {
	Kind string `json:"k"` // "network", "place", "state"
	ID   string `json:"id"`
}

func (s Subject) String() string { return s.Kind + ":" + s.ID }

// Filters narrow a list: where the members are, since when, of which kind.
type Filters struct {
	State     string `json:"state,omitempty"`    // Bundesland
	District  string `json:"district,omitempty"` // Kreis, by name
	Region    string `json:"region,omitempty"`   // Regierungsbezirk
	Kreisfrei string `json:"kfrei,omitempty"`    // "ja": kreisfreie Städte only; "nein": kreisangehörige only
	Kind      string `json:"kind,omitempty"`     // kind of place: "Kreis"
	Founders  bool   `json:"founders,omitempty"` // founding members only
	Year      int    `json:"year,omitempty"`     // joined in (YearOp "") or before/after that year
	YearOp    string `json:"yop,omitempty"`      // "", "before", "after"
	New       bool   `json:"new,omitempty"`      // the newest members
	Country   string `json:"country,omitempty"`  // partners in that country
}

// IsZero reports whether no filter is set.
func (f Filters) IsZero() bool { return f == Filters{} }

// Frame is a question as the engine understood it: what is asked (Op),
// about what (Subjects), which property of it (Attribute), narrowed how
// (Filters). Routing looks at the frame only, so what a question means is
// one printable value: golden tests pin Frame.String() for many questions,
// and a routing change shows as a diff.
type Frame struct {
	Op        Op        `json:"op"`
	Subjects  []Subject `json:"s,omitempty"`
	Attribute string    `json:"a,omitempty"` // a domain.Attributes name
	// Most is the direction of a comparison or superlative: "oldest",
	// "newest", "largest", "smallest".
	Most    string  `json:"most,omitempty"`
	Filters Filters `json:"f,omitzero"`
	English bool    `json:"en,omitempty"`
	// Parts are the further questions of a question that asks two things
	// ("Wann wurde X gegründet und wer hat den Vorsitz?"), answered in turn.
	Parts []Frame `json:"-"`
}

// String prints the frame compactly:
// "when subject=network:regiopole attr=founding | who subject=network:regiopole attr=chair".
func (f Frame) String() string {
	var b strings.Builder
	b.WriteString(string(f.Op))
	for _, s := range f.Subjects {
		b.WriteString(" subject=" + s.String())
	}
	if f.Attribute != "" {
		b.WriteString(" attr=" + f.Attribute)
	}
	if f.Most != "" {
		b.WriteString(" most=" + f.Most)
	}
	fl := f.Filters
	for _, kv := range [][2]string{{"state", fl.State}, {"district", fl.District}, {"region", fl.Region},
		{"kreisfrei", fl.Kreisfrei}, {"kind", fl.Kind}, {"country", fl.Country}} {
		if kv[1] != "" {
			b.WriteString(" " + kv[0] + "=" + strings.ReplaceAll(kv[1], " ", "_"))
		}
	}
	if fl.Founders {
		b.WriteString(" founders")
	}
	if fl.Year != 0 {
		b.WriteString(" year" + map[string]string{"": "=", "before": "<", "after": ">"}[fl.YearOp] + strconv.Itoa(fl.Year))
	}
	if fl.New {
		b.WriteString(" new")
	}
	if f.English {
		b.WriteString(" lang=en")
	}
	for _, p := range f.Parts {
		b.WriteString(" | " + p.String())
	}
	return b.String()
}

// has reports whether the frame names a subject of the kind.
func (f Frame) has(kind string) bool {
	for _, s := range f.Subjects {
		if s.Kind == kind {
			return true
		}
	}
	return false
}

// ids lists the ids of the frame's subjects of one kind, in order.
func (f Frame) ids(kind string) []string {
	var out []string
	for _, s := range f.Subjects {
		if s.Kind == kind {
			out = append(out, s.ID)
		}
	}
	return out
}

// encode writes the frame for Answer.Frame; parts are left out, since a
// follow-up continues from the last thing asked.
func (f Frame) encode() string {
	f.Parts = nil
	b, err := json.Marshal(f)
	if err != nil {
		return ""
	}
	return string(b)
}

// decodeFrame reads what encode wrote; a frame that does not decode is no
// frame, and the follow-up stands alone.
func decodeFrame(s string) (Frame, bool) {
	var f Frame
	if s == "" || json.Unmarshal([]byte(s), &f) != nil || f.Op == "" {
		return Frame{}, false
	}
	return f, true
}

// frameOf derives the frame from what the parser found.
func (e *Engine) frameOf(p *parsed) Frame {
	f := Frame{English: p.english, Attribute: p.attr, Most: p.most}
	for _, m := range p.mentions {
		s := Subject{Kind: m.Kind, ID: m.ID}
		if !containsSubject(f.Subjects, s) {
			f.Subjects = append(f.Subjects, s)
		}
	}
	e.areasAsFilters(p, &f)
	f.Filters = Filters{State: p.state, District: p.district, Region: p.region, Kreisfrei: p.kreisfrei,
		Kind: p.kind, Founders: p.founders, Year: p.year, YearOp: p.yearOp, New: p.newest, Country: p.country}
	if p.state != "" && len(f.Subjects) == 0 {
		f.Subjects = append(f.Subjects, Subject{Kind: "state", ID: p.state})
	}
	nets, places := f.has("network"), f.has("place")
	switch {
	case p.has(intHelp) && len(f.Subjects) == 0 && len(p.content) == 0:
		f.Op = OpHelp
	case p.compare && !p.cross && (len(f.ids("network")) >= 2 || len(f.ids("place")) >= 2 || (len(f.Subjects) == 0 && p.has(intNetworks))):
		f.Op = OpCompare
	case p.most != "" && !p.compare && !p.cross && (p.attr == "" || p.attr == "members"):
		f.Op = OpSuperlative
	case p.has(intCount):
		f.Op = OpCount
	case p.yesNo:
		f.Op = OpYesNo
	case nets && p.has(intNew) && p.year == 0 && !p.passingYear && !p.has(intWhen) && !p.hasTerm(p.tokens, "alle", "all"):
		// "Wer ist neu bei RegioPole?": the newest members.
		f.Op, f.Most = OpSuperlative, "newest"
	case p.founders || p.memberWho || (p.has(intWho) && (p.year != 0 || p.has(intNew))):
		// "Wer sind die Gründungsmitglieder?", "Wer ist 2024 beigetreten?": members.
		f.Op = OpList
	case p.has(intWhen):
		f.Op = OpWhen
	case p.has(intWhere) && !p.has(intLink):
		f.Op = OpWhere
	case p.has(intWho):
		f.Op = OpWho
	case p.has(intJoin) || f.Attribute == "join":
		f.Op = OpJoin
	case p.has(intMembers, intWhich, intNew, intCross) || (p.filtered() && !places):
		f.Op = OpList
	default:
		f.Op = OpDescribe
	}
	if f.Attribute == "" {
		f.Attribute = impliedAttribute(f.Op, p, nets && !places)
	}
	return f
}

// areasAsFilters reads a Kreis or Regierungsbezirk named in a question for
// a list ("Welche Kommunen im Kreis Lippe sind dabei?") as a filter on the
// members, not as a member itself.
func (e *Engine) areasAsFilters(p *parsed, f *Frame) {
	listing := p.has(intWhich, intMembers, intCount) || p.hasTerm(p.freeTokens(), "kommun", "stadt", "stadte", "gemeind", "orte")
	named := false
	for _, m := range p.mentions {
		named = named || m.Kind == "network"
	}
	if !(listing || named) || p.yesNo && !p.has(intWhich) {
		return // "Engagierte Städte im Kreis Lippe": a network in an area lists
	}
	var keep []Subject
	for _, s := range f.Subjects {
		pl := e.base.Place(s.ID)
		switch {
		case s.Kind != "place" || pl == nil:
			keep = append(keep, s)
		case pl.Kind == "Regierungsbezirk":
			p.region = strings.TrimPrefix(pl.Name, "Regierungsbezirk ")
		case pl.Kind == "Kreis" || pl.Kind == "Städteregion":
			p.district = pl.Name
		default:
			keep = append(keep, s)
		}
	}
	f.Subjects = keep
}

// impliedAttribute is the attribute a question asks for by its question
// word alone: "Wann wurde ...?" asks for the founding, "Wie viele ...?"
// for the count.
func impliedAttribute(op Op, p *parsed, nets bool) string {
	founding := p.has(intFounding)
	switch {
	case op == OpWhen && (founding || nets && len(p.content) == 0 && !p.has(intMembers)):
		return "founding"
	case op == OpWhere && founding:
		return "founding-place"
	case op == OpWho && founding:
		return "founders"
	case founding && (op == OpDescribe || op == OpYesNo):
		return "founding"
	case p.has(intGoal) && !p.has(intWhat):
		return "goal"
	case p.has(intLink):
		return "website"
	case op == OpCount:
		return "count"
	case op == OpList:
		return "members"
	case op == OpJoin:
		return "join"
	}
	return ""
}

func containsSubject(ss []Subject, s Subject) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
