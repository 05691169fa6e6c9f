package yamlkb

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/knowledge"
)

// want is one problem a fixture must produce: the exact "FILE:LINE: " prefix
// and a phrase of the message or hint.
type want struct {
	prefix, phrase string
}

func TestLoadBroken(t *testing.T) {
	tests := []struct {
		dir  string
		want []want
	}{
		{"syntax", []want{
			{"networks/regiopole.yaml:17: ", "YAML syntax error: mapping values are not allowed"},
		}},
		{"unknown-field", []want{
			{"networks/regiopole.yaml:31: ", `unknown field "quelle" in fact 1 of network "regiopole" (hint: did you mean "source"?`},
			{"networks/regiopole.yaml:34: ", `unknown field "mitglieder" in network "regiopole" (hint: did you mean "members"?`},
			{"places.yaml:8: ", `unknown field "nmae" in place "wuerzburg" (hint: did you mean "name"?`},
			{"sources.yaml:9: ", `unknown field "name" in source "presse-2019" (hint: did you mean "title"?`},
		}},
		{"missing-field", []want{
			{"networks/regiopole.yaml:24: ", `field "value" of count 2 of network "regiopole" is empty`},
			{"networks/regiopole.yaml:29: ", `missing field "source" in fact 1 of network "regiopole"`},
			{"networks/regiopole.yaml:38: ", `missing field "place" in member 2`},
			{"places.yaml:7: ", `missing field "state" in place "wuerzburg"`},
			{"sources.yaml:8: ", `missing field "url" in source "presse-2019"`},
		}},
		{"duplicate-id", []want{
			{"networks/regiopole.yaml:1: ", `duplicate network id "regiopole" (hint: first defined at networks/engagierte-stadt.yaml:1`},
			{"networks/regiopole.yaml:42: ", `place "bielefeld" listed twice in network "regiopole" (hint: first listed at line 35`},
			{"places.yaml:7: ", `duplicate place id "bielefeld" (hint: first defined at places.yaml:2`},
			{"sources.yaml:12: ", `duplicate source id "seed"`},
		}},
		{"unknown-place", []want{
			{"networks/engagierte-stadt.yaml:5: ", `unknown place "paderborn" in member 1 of network "engagierte-stadt" (hint: add the place to places.yaml`},
			{"networks/regiopole.yaml:39: ", `unknown place "Würzburg" in member 2 of network "regiopole" (hint: did you mean "wuerzburg"?`},
		}},
		{"unknown-source", []want{
			{"networks/engagierte-stadt.yaml:7: ", `unknown source "engagierte-stadt-website" in member 1 of network "engagierte-stadt" (hint: add the source to sources.yaml`},
			{"networks/regiopole.yaml:9: ", `unknown source "sed" in description of network "regiopole" (hint: did you mean "seed"?`},
		}},
		{"bad-url", []want{
			{"networks/regiopole.yaml:6: ", `field "website" of network "regiopole": malformed URL "https://"`},
			{"sources.yaml:10: ", `URL "example.org/presse/2019" is not an http(s) address`},
		}},
		{"bad-date", []want{
			{"networks/regiopole.yaml:14: ", `field "date" of founding of network "regiopole": malformed date "16.03.2016"`},
			{"networks/regiopole.yaml:40: ", `malformed date "2019-13"`},
			{"sources.yaml:11: ", `field "published" of source "presse-2019": malformed date "Mai 2019"`},
		}},
		{"bad-kind", []want{
			{"places.yaml:4: ", `unknown place kind "Großstadt" in place "bielefeld" (hint: did you mean "Stadt"?`},
			{"places.yaml:5: ", `unknown state "NRW" in place "bielefeld" (hint: write it out: "Nordrhein-Westfalen")`},
			{"places.yaml:10: ", `unknown place kind "stadt"`},
		}},
		{"wrong-type", []want{
			{"networks/engagierte-stadt.yaml:4: ", `field "members" of network "engagierte-stadt" must be a list, found the value "bielefeld"`},
			{"networks/regiopole.yaml:7: ", `description of network "regiopole" must be a mapping of fields`},
			{"networks/regiopole.yaml:31: ", `field "members_complete" of network "regiopole" must be true or false`},
			{"places.yaml:10: ", `field "aliases" of place "wuerzburg" must be a list, found a mapping`},
		}},
		{"bad-id", []want{
			{"networks/regiopole.yaml:27: ", `unknown source "Presse 2019" in count 2 of network "regiopole" (hint: did you mean "presse-2019"?`},
			{"places.yaml:7: ", `invalid place id "Würzburg" (hint: write it as "wuerzburg")`},
		}},
		{"missing-file", []want{
			{"sources.yaml: ", "file is missing"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			base, err := Load(os.DirFS(filepath.Join("testdata", "broken", tt.dir)))
			checkProblems(t, base, err, tt.want)
		})
	}
}

func TestLoadEdgeCases(t *testing.T) {
	good := readDir(t, "testdata/good")
	tests := []struct {
		name    string
		replace map[string]string // file -> content; "" deletes the file
		want    []want
	}{
		{"yml extension", map[string]string{"networks/extra.yml": "id: extra\nname: Extra\n"}, []want{
			{"networks/extra.yml: ", "file is ignored: network files must end in .yaml (hint: rename it to extra.yaml)"},
		}},
		{"no networks", map[string]string{"networks/regiopole.yaml": "", "networks/engagierte-stadt.yaml": ""}, []want{
			{"networks/: ", "no network files"},
		}},
		{"empty file", map[string]string{"places.yaml": "# nothing yet\n"}, []want{
			{"places.yaml: ", "file is empty"},
		}},
		{"two documents", map[string]string{"networks/engagierte-stadt.yaml": good["networks/engagierte-stadt.yaml"] + "---\nid: x\n"}, []want{
			{"networks/engagierte-stadt.yaml:8: ", "file holds more than one YAML document"},
		}},
		{"list without key", map[string]string{"places.yaml": "- id: bielefeld\n  name: Bielefeld\n"}, []want{
			{"places.yaml:1: ", `the list must be under the field "places"`},
		}},
		{"wrong top key", map[string]string{"sources.yaml": "quellen:\n  - id: seed\n"}, []want{
			{"sources.yaml:1: ", `unknown field "quellen" in the file (hint: did you mean "sources"?`},
		}},
		{"tab indentation", map[string]string{"places.yaml": "places:\n\t- id: bielefeld\n"}, []want{
			{"places.yaml:2: ", "(hint: indent with spaces, not tabs)"},
		}},
		{"bad indentation in list", map[string]string{"networks/engagierte-stadt.yaml": "id: engagierte-stadt\nname: Engagierte Stadt\nmembers:\n  - place: bielefeld\n   since: 2015\n"}, []want{
			{"networks/engagierte-stadt.yaml:4: ", "did not find expected '-' indicator"},
		}},
		{"field twice", map[string]string{"networks/engagierte-stadt.yaml": "id: engagierte-stadt\nname: Engagierte Stadt\nname: Engagierte Städte\n"}, []want{
			{"networks/engagierte-stadt.yaml:3: ", `field "name" given twice in network "engagierte-stadt" (hint: it is already set at line 2`},
		}},
		{"complete without members", map[string]string{"networks/engagierte-stadt.yaml": "id: engagierte-stadt\nname: Engagierte Stadt\nmembers_complete: true\n"}, []want{
			{"networks/engagierte-stadt.yaml:3: ", "members_complete is true but"},
		}},
		{"counts out of order", map[string]string{"networks/engagierte-stadt.yaml": "id: engagierte-stadt\nname: Engagierte Stadt\ncounts:\n  - value: '113'\n    stand: 2024\n    source: seed\n  - value: '90'\n    stand: 2022-06\n    source: seed\n"}, []want{
			{"networks/engagierte-stadt.yaml:8: ", "is older than the one before it"},
		}},
		{"missing name and id", map[string]string{"networks/engagierte-stadt.yaml": "kind: Netzwerkprogramm\n"}, []want{
			{"networks/engagierte-stadt.yaml:1: ", `missing field "id" in network`},
			{"networks/engagierte-stadt.yaml:1: ", `missing field "name" in network`},
		}},
		{"alias item empty", map[string]string{"networks/engagierte-stadt.yaml": "id: engagierte-stadt\nname: Engagierte Stadt\naliases:\n  - ES\n  -\n"}, []want{
			{"networks/engagierte-stadt.yaml:5: ", `item 2 of "aliases"`},
		}},
		{"unknown topic", map[string]string{"networks/engagierte-stadt.yaml": "id: engagierte-stadt\nname: Engagierte Stadt\nfacts:\n  - text: Gegründet in Berlin.\n    source: seed\n    topic: Place\n"}, []want{
			{"networks/engagierte-stadt.yaml:6: ", `unknown topic "Place" in fact 1 of network "engagierte-stadt" (hint: did you mean "place"?`},
		}},
		{"anchors and aliases work", map[string]string{"networks/engagierte-stadt.yaml": "id: engagierte-stadt\nname: &n Engagierte Stadt\naliases: [*n]\n"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, content := range good {
				fsys[name] = &fstest.MapFile{Data: []byte(content)}
			}
			for name, content := range tt.replace {
				if content == "" {
					delete(fsys, name)
					continue
				}
				fsys[name] = &fstest.MapFile{Data: []byte(content)}
			}
			base, err := Load(fsys)
			checkProblems(t, base, err, tt.want)
		})
	}
}

// checkProblems asserts that Load reported exactly the wanted problems, in
// order, and returned no base alongside them.
func checkProblems(t *testing.T, base *domain.Base, err error, wants []want) {
	t.Helper()
	if len(wants) == 0 {
		if err != nil {
			t.Fatalf("Load: unexpected problems:\n%v", err)
		}
		return
	}
	if base != nil {
		t.Errorf("Load returned a base along with problems")
	}
	var ps *Problems
	if !errors.As(err, &ps) {
		t.Fatalf("Load error = %v (%T), want *Problems", err, err)
	}
	got := strings.Split(ps.Error(), "\n")
	if len(got) != len(wants) {
		t.Errorf("Load reported %d problems, want %d:\n%s", len(got), len(wants), ps.Error())
	}
	for i, w := range wants {
		if i >= len(got) {
			break
		}
		if !strings.HasPrefix(got[i], w.prefix) || !strings.Contains(got[i], w.phrase) {
			t.Errorf("problem %d = %q, want prefix %q and phrase %q", i, got[i], w.prefix, w.phrase)
		}
	}
}

func readDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, name := range []string{"sources.yaml", "places.yaml", "networks/regiopole.yaml", "networks/engagierte-stadt.yaml"} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		out[name] = string(b)
	}
	return out
}

func TestLoadGood(t *testing.T) {
	base, err := Load(os.DirFS("testdata/good"))
	if err != nil {
		t.Fatalf("Load(testdata/good): %v", err)
	}
	if got := len(base.Version); got != 12 {
		t.Errorf("len(Version) = %d, want 12", got)
	}
	rp := base.Network("regiopole")
	if rp == nil {
		t.Fatal(`Network("regiopole") = nil`)
	}
	if got, want := rp.Founded.Date, (domain.Date{Year: 2016, Month: 3, Day: 16}); got != want {
		t.Errorf("Founded.Date = %v, want %v", got, want)
	}
	if got, want := rp.Counts[1].Value, "8"; got != want {
		t.Errorf("Counts[1].Value = %q, want %q (unquoted numbers are texts)", got, want)
	}
	if got, want := rp.Counts[1].Stand, (domain.Date{Year: 2019}); got != want {
		t.Errorf("Counts[1].Stand = %v, want %v", got, want)
	}
	if got, want := rp.Members[1].Network, "regiopole"; got != want {
		t.Errorf("Members[1].Network = %q, want %q", got, want)
	}
	if got, want := rp.Facts[0].Topic, "people"; got != want {
		t.Errorf("Facts[0].Topic = %q, want %q", got, want)
	}
	if got, want := rp.Founded.By, []string{"Oberbürgermeister"}; len(got) != 1 || got[0] != want[0] {
		t.Errorf("Founded.By = %q, want %q", got, want)
	}
	if rp.MembersComplete {
		t.Errorf("MembersComplete = true, want false")
	}
	if got, want := base.Source("presse-2019").Published, (domain.Date{Year: 2019, Month: 5}); got != want {
		t.Errorf("Published = %v, want %v", got, want)
	}
	if got, want := base.Place("wuerzburg").Aliases, []string{"Wuerzburg"}; len(got) != 1 || got[0] != want[0] {
		t.Errorf("Aliases = %q, want %q", got, want)
	}
	if got := len(base.MembershipsOf("bielefeld")); got != 2 {
		t.Errorf("len(MembershipsOf(bielefeld)) = %d, want 2", got)
	}
}

func TestVersion(t *testing.T) {
	a, err := Load(os.DirFS("testdata/good"))
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for name, content := range readDir(t, "testdata/good") {
		fsys[name] = &fstest.MapFile{Data: []byte(content)}
	}
	b, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if a.Version != b.Version {
		t.Errorf("same files: Version %q != %q", a.Version, b.Version)
	}
	fsys["places.yaml"] = &fstest.MapFile{Data: append(fsys["places.yaml"].Data, "# changed\n"...)}
	c, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if c.Version == a.Version {
		t.Errorf("changed file: Version stayed %q", c.Version)
	}
}

// TestEmbedded loads the base the binary ships: it must have no problems.
func TestEmbedded(t *testing.T) {
	base, err := Load(knowledge.FS)
	if err != nil {
		t.Fatalf("embedded knowledge base has problems:\n%v", err)
	}
	if len(base.Networks) == 0 || len(base.Places) == 0 || len(base.Sources) == 0 {
		t.Errorf("embedded base: %d networks, %d places, %d sources; want some of each",
			len(base.Networks), len(base.Places), len(base.Sources))
	}
}

func TestProblemString(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{File: "places.yaml", Line: 3, Msg: "bad", Hint: "fix it"}, "places.yaml:3: bad (hint: fix it)"},
		{Problem{File: "places.yaml", Line: 3, Msg: "bad"}, "places.yaml:3: bad"},
		{Problem{File: "sources.yaml", Msg: "file is missing"}, "sources.yaml: file is missing"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.p, got, tt.want)
		}
	}
}

func TestSuggestField(t *testing.T) {
	tests := []struct {
		key   string
		known []string
		want  string
	}{
		{"mitglieder", networkFields, "members"},
		{"Mitglieder", networkFields, "members"},
		{"memebrs", networkFields, "members"},
		{"quelle", factFields, "source"},
		{"quellen", []string{"sources"}, "sources"},
		{"seit", memberFields, "since"},
		{"rolle", memberFields, "role"},
		{"ort", memberFields, "place"},
		{"ort", foundedFields, "place"},
		{"name", memberFields, "place"},
		{"name", sourceFields, "title"},
		{"Name", placeFields, "name"},
		{"bundesland", placeFields, "state"},
		{"datum", memberFields, "since"},
		{"datum", factFields, "date"},
		{"stichtag", factFields, "stand"},
		{"members-complete", networkFields, "members_complete"},
		{"website", sourceFields, "url"},
		{"xyzzy", networkFields, ""},
	}
	for _, tt := range tests {
		if got := suggestField(tt.key, tt.known); got != tt.want {
			t.Errorf("suggestField(%q) = %q, want %q", tt.key, got, tt.want)
		}
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Gütersloh", "guetersloh"},
		{"Bad Salzuflen", "bad-salzuflen"},
		{"Städteregion Aachen", "staedteregion-aachen"},
		{"  Würzburg!", "wuerzburg"},
		{"Presse_2019", "presse-2019"},
	}
	for _, tt := range tests {
		if got := slug(tt.in); got != tt.want {
			t.Errorf("slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
