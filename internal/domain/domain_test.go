package domain

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    Date
		german  string
		wantErr bool
	}{
		{"2019", Date{2019, 0, 0}, "2019", false},
		{"2022-06", Date{2022, 6, 0}, "Juni 2022", false},
		{"2016-03-16", Date{2016, 3, 16}, "16. März 2016", false},
		{"2024-02-29", Date{2024, 2, 29}, "29. Februar 2024", false},
		{"2023-02-29", Date{}, "", true}, // no leap year
		{"2019-13", Date{}, "", true},
		{"16.03.2016", Date{}, "", true},
		{"Mai 2019", Date{}, "", true},
		{"19", Date{}, "", true},
		{"2016-3-16", Date{}, "", true},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
			continue
		}
		if !tt.wantErr && (got.String() != tt.german || got.ISO() != tt.in) {
			t.Errorf("ParseDate(%q) writes %q and %q, want %q and %q", tt.in, got.String(), got.ISO(), tt.german, tt.in)
		}
	}
	if !(Date{2019, 0, 0}).Before(Date{2019, 6, 0}) || (Date{2020, 1, 1}).Before(Date{2019, 12, 31}) {
		t.Errorf("Before orders dates wrongly")
	}
}

func TestPlainTextShowsSourcesAndDates(t *testing.T) {
	src := &Source{ID: "s", URL: "https://example.org/a"}
	other := &Source{ID: "o", URL: "https://example.org/b"}
	lead := &Source{ID: "l", URL: "https://example.org/lead"}
	a := Answer{
		Title: "Titel", Lead: "Kurz gesagt.", LeadSource: lead, Kind: KindNetwork,
		Facts: []AnswerFact{{Text: "112 Städte", Stand: Date{2024, 2, 0}, Source: src}},
		Lists: []List{{Title: "Mitglieder", Partial: true, Note: "und 3 weitere",
			Items: []ListItem{{Name: "A", Detail: "seit 2022", Source: src}, {Name: "B", Source: other}}}},
		Links:       []Link{{Title: "Website", URL: "https://example.org/"}, {Title: "Schon zitiert", URL: "https://example.org/b"}},
		Suggestions: []string{"hilfe"},
	}
	// Sources are numbered once, in order of first use, and every URL
	// appears once: the link already cited is not repeated.
	want := []string{
		"Titel", "Kurz gesagt. [1]",
		"- 112 Städte (Stand Februar 2024) [2]",
		"Mitglieder: u. a. A (seit 2022), B und 3 weitere [2, 3]",
		"Quellen: [1] https://example.org/lead · [2] https://example.org/a · [3] https://example.org/b",
		"Website: https://example.org/",
		"Frag zum Beispiel: hilfe",
	}
	if got := a.PlainText(); got != strings.Join(want, "\n") {
		t.Errorf("PlainText() =\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
}

// TestCitationMarkers: a marker names each source once, in number order,
// however many an answer cites and in whatever order a statement names them.
func TestCitationMarkers(t *testing.T) {
	var a Answer
	var srcs []*Source
	for i := range 25 {
		s := &Source{URL: "https://example.org/" + strconv.Itoa(i)}
		srcs = append(srcs, s)
		a.Facts = append(a.Facts, AnswerFact{Text: "x", Source: s})
	}
	c := a.Citations()
	tests := []struct {
		srcs []*Source
		want string
	}{
		{nil, ""},
		{[]*Source{nil, {URL: "https://example.org/unknown"}}, ""},
		{[]*Source{srcs[0]}, " [1]"},
		{[]*Source{srcs[19]}, " [20]"},
		{[]*Source{srcs[20]}, " [21]"},
		{[]*Source{srcs[24], srcs[2], nil, srcs[24], srcs[0]}, " [1, 3, 25]"},
		{srcs[:10], " [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]"},
	}
	for _, tt := range tests {
		if got := c.Ref(tt.srcs...); got != tt.want {
			t.Errorf("Ref(%d sources) = %q, want %q", len(tt.srcs), got, tt.want)
		}
		if len(tt.srcs) == 0 {
			continue
		}
		if got := c.FactRef(AnswerFact{Source: tt.srcs[0], Also: tt.srcs[1:]}); got != tt.want {
			t.Errorf("FactRef(%d sources) = %q, want %q", len(tt.srcs), got, tt.want)
		}
		var l List
		for _, s := range tt.srcs {
			l.Items = append(l.Items, ListItem{Name: "x", Source: s})
		}
		if got := c.ListRef(l); got != tt.want {
			t.Errorf("ListRef(%d sources) = %q, want %q", len(tt.srcs), got, tt.want)
		}
	}
	if got, want := (Answer{Facts: a.Facts[:2]}).Citations().Line(true), "Sources: [1] https://example.org/0 · [2] https://example.org/1"; got != want {
		t.Errorf("Line(english) = %q, want %q", got, want)
	}
}

// TestTitlesAreNoMemberships: the holders of a Land title are members of
// its network entry (membership and list questions work as for a network)
// but no network memberships of the place: MembershipsOf leaves them out,
// TitlesOf lists them.
func TestTitlesAreNoMemberships(t *testing.T) {
	b := NewBaseParts(Parts{Networks: []Network{
		{ID: "kn", Name: "Kommunen-Netzwerk", Members: []Membership{{Place: "lemgo"}}},
		{ID: "eak", Name: "Europaaktive Kommune", Kind: KindTitle, MemberNoun: "Titelträger", Members: []Membership{{Place: "lemgo", Role: "dauerhaft"}}},
	}, Places: []Place{{ID: "lemgo", Name: "Lemgo"}}, Version: "v"})
	if ms := b.MembershipsOf("lemgo"); len(ms) != 1 || ms[0].Network != "kn" {
		t.Errorf("MembershipsOf(lemgo) = %+v, want the Kommunen-Netzwerk only", ms)
	}
	if ts := b.TitlesOf("lemgo"); len(ts) != 1 || ts[0].Network != "eak" || ts[0].Role != "dauerhaft" {
		t.Errorf("TitlesOf(lemgo) = %+v, want Europaaktive Kommune", ts)
	}
	if n := b.Network("eak"); !n.IsTitle() || n.Noun() != "Titelträger" || b.Network("kn").Noun() != "Mitglied" {
		t.Errorf("IsTitle/Noun wrong: %v %q %q", n.IsTitle(), n.Noun(), b.Network("kn").Noun())
	}
	if b.Memberships() != 2 {
		t.Errorf("Memberships() = %d, want 2 (holders included)", b.Memberships())
	}
}

func TestFiguresOf(t *testing.T) {
	b := NewBaseParts(Parts{Figures: []Figure{
		{Key: "kreisfreie-staedte", Count: Count{Value: "22", Source: "a"}},
		{Key: "other", Count: Count{Value: "1"}},
		{Key: "kreisfreie-staedte", Count: Count{Value: "23", Source: "b"}},
	}})
	got := b.FiguresOf("kreisfreie-staedte")
	if len(got) != 2 || got[0].Value != "22" || got[1].Value != "23" {
		t.Errorf("FiguresOf(kreisfreie-staedte) = %+v, want 22 then 23", got)
	}
	if b.FiguresOf("none") != nil {
		t.Errorf("FiguresOf(none) = %+v, want nil", b.FiguresOf("none"))
	}
}

// TestMembershipLookups: a place's memberships come in the order of the
// networks, those of an id no place has too (a base the loader has not
// checked), and a network that lists a place twice answers with the
// last entry, as it did when the look-up was a map.
func TestMembershipLookups(t *testing.T) {
	b := NewBaseParts(Parts{Networks: []Network{
		{ID: "empty"},
		{ID: "a", Members: []Membership{{Place: "p2", Role: "first"}, {Place: "p1"}, {Place: "p2", Role: "last"}, {Place: "ghost"}}},
		{ID: "t", Kind: KindTitle, Members: []Membership{{Place: "p1", Role: "title"}}},
		{ID: "none"},
		{ID: "b", Members: []Membership{{Place: "p1", Role: "in b"}, {Place: "ghost", Role: "ghost in b"}}},
	}, Places: []Place{{ID: "p1", Name: "Eins"}, {ID: "p2", Name: "Zwei"}, {ID: "p3", Name: "Drei"}}})
	nets := func(ms []Membership) (out []string) {
		for _, m := range ms {
			out = append(out, m.Network+":"+m.Role)
		}
		return out
	}
	for _, c := range []struct {
		place string
		want  []string
	}{
		{"p1", []string{"a:", "b:in b"}},
		{"p2", []string{"a:first", "a:last"}},
		{"p3", nil},
		{"ghost", []string{"a:", "b:ghost in b"}},
		{"nowhere", nil},
	} {
		if got := nets(b.MembershipsOf(c.place)); !slices.Equal(got, c.want) {
			t.Errorf("MembershipsOf(%s) = %v, want %v", c.place, got, c.want)
		}
	}
	for _, c := range []struct{ network, place, role string }{
		{"a", "p2", "last"}, {"b", "p1", "in b"}, {"t", "p1", "title"}, {"b", "ghost", "ghost in b"},
	} {
		if m, ok := b.MembershipIn(c.network, c.place); !ok || m.Role != c.role || m.Network != c.network {
			t.Errorf("MembershipIn(%s, %s) = %+v, %v, want role %q", c.network, c.place, m, ok, c.role)
		}
	}
	if _, ok := b.MembershipIn("b", "p2"); ok {
		t.Error("MembershipIn(b, p2) found a membership the base lacks")
	}
	if got := nets(b.TitlesOf("p1")); !slices.Equal(got, []string{"t:title"}) {
		t.Errorf("TitlesOf(p1) = %v", got)
	}
	if i, ok := b.PlaceIndex("p3"); !ok || b.Places[i].Name != "Drei" || b.Place("p3") != &b.Places[i] {
		t.Errorf("PlaceIndex(p3) = %d, %v", i, ok)
	}
}

// TestPartnershipsOf: a place's twinnings, on either side, in the order
// of the base, those of an id no place has too, a twinning of a place
// with itself once; the list is the caller's.
func TestPartnershipsOf(t *testing.T) {
	b := NewBaseParts(Parts{Places: []Place{{ID: "p1"}, {ID: "p2"}, {ID: "p3"}},
		Partnerships: []Partnership{{Place: "p1", Partner: "p2", Note: "1"}, {Place: "p2", Partner: "ghost", Note: "2"},
			{Place: "p3", Partner: "p3", Note: "3"}, {Place: "p1", Partner: "ghost", Note: "4"}, {Place: "p2", Partner: "p1", Note: "5"}}})
	notes := func(ps []Partnership) (out []string) {
		for _, p := range ps {
			out = append(out, p.Note)
		}
		return out
	}
	for _, c := range []struct {
		place string
		want  []string
	}{
		{"p1", []string{"1", "4", "5"}},
		{"p2", []string{"1", "2", "5"}},
		{"p3", []string{"3"}},
		{"ghost", []string{"2", "4"}},
		{"nowhere", nil},
	} {
		if got := notes(b.PartnershipsOf(c.place)); !slices.Equal(got, c.want) {
			t.Errorf("PartnershipsOf(%s) = %v, want %v", c.place, got, c.want)
		}
	}
	b.PartnershipsOf("p1")[0].Note = "changed"
	if b.Partnerships[0].Note != "1" {
		t.Error("changing the list PartnershipsOf returned changed the base")
	}
}

// TestAGS: a key reads back as written, leading zeros and length kept;
// anything but 1 to 9 digits is no key.
func TestAGS(t *testing.T) {
	for _, s := range []string{"05711000", "05711", "053", "0", "000000000", "999999999", "12345678"} {
		k, ok := ParseAGS(s)
		if !ok || k == 0 || k.String() != s {
			t.Errorf("ParseAGS(%q) = %d, %v; String() = %q", s, k, ok, k.String())
		}
	}
	for _, s := range []string{"", "0571100a", "1234567890", "-5711", " 05711"} {
		if k, ok := ParseAGS(s); ok || k != 0 {
			t.Errorf("ParseAGS(%q) = %d, %v, want none", s, k, ok)
		}
	}
	if got := AGS(0).String(); got != "" {
		t.Errorf("AGS(0).String() = %q", got)
	}
}

// TestOfficialName: a place's official name is the one its fact quotes,
// else the list's rule for a municipality; places the list does not name
// (a Kreis, a town abroad) have none.
func TestOfficialName(t *testing.T) {
	ags, _ := ParseAGS("05754016")
	kreis, _ := ParseAGS("05754")
	for _, tc := range []struct {
		p    Place
		want string
	}{
		{Place{Name: "Harsewinkel", Kind: "Stadt", AGS: ags, Facts: []Fact{OfficialFact("Harsewinkel, Die Mähdrescherstadt")}}, "Harsewinkel, Die Mähdrescherstadt"},
		{Place{Name: "Harsewinkel", Kind: "Stadt", AGS: ags}, "Harsewinkel, Stadt"},
		{Place{Name: "Herzebrock-Clarholz", Kind: "Gemeinde", AGS: ags}, "Herzebrock-Clarholz"},
		{Place{Name: "Kreis Gütersloh", Kind: "Kreis", AGS: kreis}, ""},
		{Place{Name: "Rochdale", Kind: "Stadt", Country: "Vereinigtes Königreich"}, ""},
		// A curator's fact on the topic quotes no list: the rule holds.
		{Place{Name: "Lemgo", Kind: "Stadt", AGS: ags, Facts: []Fact{{Text: "Alte Hansestadt Lemgo", Topic: "official", Source: "lemgo"}}}, "Lemgo, Stadt"},
	} {
		if got := tc.p.OfficialName(); got != tc.want {
			t.Errorf("%s.OfficialName() = %q, want %q", tc.p.Name, got, tc.want)
		}
	}
}

// TestEnglishDates: the German dates a quoted statement gives read the
// English way in an English answer; a month name without a figure next to
// it, or inside a word, stays.
func TestEnglishDates(t *testing.T) {
	tests := []struct{ in, want string }{
		{"die Auftaktveranstaltung war am 29. März 2023 bei der Auslandsgesellschaft.", "die Auftaktveranstaltung war am 29 March 2023 bei der Auslandsgesellschaft."},
		{"fand am 19. Januar 2024 im Plenarsaal statt", "fand am 19 January 2024 im Plenarsaal statt"},
		{"Ratsbeschluss März 2022", "Ratsbeschluss March 2022"},
		{"vom 1. Juni bis 31. Dezember 2020", "vom 1 June bis 31 December 2020"},
		{"Europawoche (Mai)", "Europawoche (Mai)"},
		{"Maibaum 2020, Junior 2021", "Maibaum 2020, Junior 2021"},
		{"am 5.12.2012", "am 5.12.2012"},
		{"Mai 2021.", "May 2021."},
		{"am 16. und 17. September 2024", "am 16 und 17 September 2024"},
		{"vom 9. bis 11. Juni", "vom 9 bis 11 June"},
		{"16./17. September", "16/17 September"},
		{"von Januar bis März 2022", "von January bis March 2022"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := EnglishDates(tt.in); got != tt.want {
			t.Errorf("EnglishDates(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestGermanMonthsCapitalised: germanMonthAt looks for a month only at a
// capital letter A to Z.
func TestGermanMonthsCapitalised(t *testing.T) {
	for _, m := range germanMonths {
		if m[0] < 'A' || m[0] > 'Z' {
			t.Errorf("germanMonthAt would miss %q", m)
		}
	}
}
