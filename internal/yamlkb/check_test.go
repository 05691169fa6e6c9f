package yamlkb

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/engagiert/engagiert/knowledge"
)

// TestSchemaFilesCurrent: the committed JSON Schemas are what the field
// lists generate; after a schema change run `go run ./cmd/engagiert schema`.
func TestSchemaFilesCurrent(t *testing.T) {
	for name, want := range SchemaFiles() {
		got, err := os.ReadFile(filepath.Join("..", "..", "knowledge", "schema", name))
		if err != nil {
			t.Errorf("knowledge/schema/%s: %v (run go run ./cmd/engagiert schema)", name, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("knowledge/schema/%s is not current: run go run ./cmd/engagiert schema", name)
		}
	}
}

// TestSchemaLines: every shipped YAML file names its schema on its first
// line, and the schema exists.
func TestSchemaLines(t *testing.T) {
	files := SchemaFiles()
	err := fs.WalkDir(knowledge.FS, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(name, ".yaml") {
			return err
		}
		data, err := fs.ReadFile(knowledge.FS, name)
		if err != nil {
			return err
		}
		first, _, _ := strings.Cut(string(data), "\n")
		const prefix = "# yaml-language-server: $schema="
		if !strings.HasPrefix(first, prefix) {
			t.Errorf("%s: first line %q, want %q...", name, first, prefix)
			return nil
		}
		target := path.Clean(path.Join(path.Dir(name), strings.TrimPrefix(first, prefix)))
		if dir, base := path.Split(target); dir != "schema/" || files[base] == nil {
			t.Errorf("%s: schema %q, want one of knowledge/schema/", name, target)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestCheckNewFields: the fields of knowledge v2 are read and checked.
func TestCheckNewFields(t *testing.T) {
	good := readDir(t, "testdata/good")
	// A value starting with "+" is added to the good file's content.
	placesEnd := strings.Count(good["places.yaml"], "\n") // the line an appended entry's first line follows
	at := func(file string, line int) string { return fmt.Sprintf("%s:%d: ", file, placesEnd+line) }
	const lippe = "places:\n  - id: regierungsbezirk-detmold\n    name: Regierungsbezirk Detmold\n    kind: Regierungsbezirk\n    state: Nordrhein-Westfalen\n    ags: \"057\"\n  - id: kreis-lippe\n    name: Kreis Lippe\n    kind: Kreis\n    state: Nordrhein-Westfalen\n    region: Detmold\n    ags: \"05766\"\n  - id: lage\n    name: Lage\n    kind: Stadt\n    state: Nordrhein-Westfalen\n    district: Kreis Lippe\n    region: Detmold\n    ags: \"05766040\"\n"
	tests := []struct {
		name    string
		replace map[string]string
		want    []want
	}{
		{"places dir and additions", map[string]string{"places/nrw.yaml": lippe, "places.yaml": "+nrw:\n  - id: lage\n    everyday: true\n"}, nil},
		{"curated field in a generated file", map[string]string{"places/nrw.yaml": lippe + "    everyday: true\n"}, []want{
			{"places/nrw.yaml:20: ", `curated field "everyday" of place "lage" in a generated file (hint: this file is generated and a new import would drop it: move it to places.yaml under "nrw:"`},
		}},
		{"additions to no generated place", map[string]string{"places/nrw.yaml": lippe, "places.yaml": "+nrw:\n  - id: lagee\n    everyday: true\n  - id: bielefeld\n    partners_complete: true\n  - id: lage\n    name: Lage\n  - id: lage\n"}, []want{
			{at("places.yaml", 2), `no generated place "lagee" for the additions under "nrw" (hint: did you mean "lage"?`},
			{at("places.yaml", 4), `no generated place "bielefeld"`},
			{at("places.yaml", 7), `unknown field "name" in additions "lage" (hint: known fields: id, aliases, everyday, partners_complete, partners_source, facts)`},
			{at("places.yaml", 8), `place "lage" given twice under "nrw" (hint: first at line`},
		}},
		{"bad keys and refs", map[string]string{"places/nrw.yaml": "places:\n  - id: lage\n    name: Lage\n    kind: Stadt\n    state: Nordrhein-Westfalen\n    district: Kreis Lipe\n    region: Detmoldt\n    ags: \"5766040\"\n  - id: lemgo\n    name: Lemgo\n    kind: Stadt\n    state: Bayern\n    ags: \"05766044\"\n  - id: kreis-lippe\n    name: Kreis Lippe\n    kind: Kreis\n    state: Nordrhein-Westfalen\n    ags: \"05766\"\n"}, []want{
			{"places/nrw.yaml:2: ", `unknown Regierungsbezirk "Detmoldt" of place "lage"`},
			{"places/nrw.yaml:2: ", `unknown Kreis "Kreis Lipe" of place "lage"`},
			{"places/nrw.yaml:8: ", `malformed Gemeindeschlüssel "5766040"`},
			{"places/nrw.yaml:13: ", `Gemeindeschlüssel "05766044" of place "lemgo" does not belong to Bayern`},
		}},
		{"abroad", map[string]string{"places.yaml": "+  - id: reims\n    name: Reims\n    kind: Stadt\n    country: Frankreich\n  - id: leeds\n    name: Leeds\n    kind: Stadt\n    country: England\n  - id: x\n    name: X\n    kind: Stadt\n"}, []want{
			{at("places.yaml", 8), `unknown country "England"`},
			{at("places.yaml", 9), `missing field "state" in place "x"`},
		}},
		{"partnerships", map[string]string{
			"places.yaml":       "+  - id: reims\n    name: Reims\n    kind: Stadt\n    country: Frankreich\n",
			"partnerships.yaml": "counts:\n  - {value: '1.000', stand: 2022-01-28, source: seed}\n  - {value: '828', stand: 2022, source: seed}\n  - {value: '800', stand: 2021, source: seed}\npartnerships:\n  - place: bielefeld\n    partner: reims\n    since: 1969\n    source: seed\n  - place: bielefeld\n    partner: reims\n    source: seed\n  - place: wuerzburg\n    partner: reims\n    country: Frankreich\n    kind: Städtefreundschaft\n    status: suspendiert\n    source: seed\n    facts:\n      - {text: Andere Quelle, stand: 2019}\n",
		}, []want{
			{"partnerships.yaml:4: ", `count "800" (Stand 2021) is older than the one before it`},
			{"partnerships.yaml:11: ", `partnership bielefeld–reims listed twice (hint: first listed at line 7`},
			{"partnerships.yaml:13: ", `place "wuerzburg" of partnership wuerzburg–reims is not in Nordrhein-Westfalen`},
			{"partnerships.yaml:15: ", `country given in partnership wuerzburg–reims (hint: remove it: the country comes from the partner place "reims"`},
			{"partnerships.yaml:16: ", `unknown kind "Städtefreundschaft"`},
			{"partnerships.yaml:17: ", `unknown status "suspendiert"`},
			{"partnerships.yaml:20: ", `missing field "source" in fact 1 of partnership wuerzburg–reims`},
		}},
		{"land figures", map[string]string{"land.yaml": "figures:\n  - key: kreisfreie-staedte\n    value: \"23\"\n    stand: 2020\n    source: seed\n  - key: kreisfreie-staedte\n    value: \"22\"\n    stand: 2019\n    source: seed\n  - key: Kreisfreie Städte\n    value: \"23\"\n    source: nope\n  - value: \"1\"\n    source: seed\n"}, []want{
			{"land.yaml:8: ", `figure "22" of "kreisfreie-staedte" (Stand 2019) is older than the one before it`},
			{"land.yaml:10: ", `invalid key "Kreisfreie Städte" of figure 3 (hint: write it as "kreisfreie-staedte")`},
			{"land.yaml:12: ", `unknown source "nope" in figure 3`},
			{"land.yaml:13: ", `missing field "key" in figure 4`},
		}},
		{"short name, until, date, topics", map[string]string{"networks/engagierte-stadt.yaml": "id: engagierte-stadt\nname: Engagierte Stadt\nshort_name: ES\nfacts:\n  - text: Tag der Städtepartnerschaften\n    date: 2024-01-19\n    source: seed\n    topic: events\nmembers:\n  - place: bielefeld\n    since: 2017\n    until: 2015\n    source: seed\n"}, []want{
			{"networks/engagierte-stadt.yaml:8: ", `unknown topic "events" in fact 1 of network "engagierte-stadt" (hint: did you mean "event"?`},
			{"networks/engagierte-stadt.yaml:12: ", `member "bielefeld" left before it joined`},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base, err := Load(withFiles(good, tt.replace))
			checkProblems(t, base, err, tt.want)
		})
	}
}

// withFiles is the good files with some replaced; a content starting with
// "+" is added to the good file's.
func withFiles(good, replace map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, content := range good {
		fsys[name] = &fstest.MapFile{Data: []byte(content)}
	}
	for name, content := range replace {
		if rest, ok := strings.CutPrefix(content, "+"); ok {
			content = good[name] + rest
		}
		fsys[name] = &fstest.MapFile{Data: []byte(content)}
	}
	return fsys
}

func TestCheckLoadsV2(t *testing.T) {
	good := readDir(t, "testdata/good")
	fsys := withFiles(good, map[string]string{
		"networks/engagierte-stadt.yaml": "id: engagierte-stadt\nname: Netzwerkprogramm Engagierte Stadt\nshort_name: Engagierte Stadt\naliases: [Engagierte Städte, ES]\nfacts:\n  - text: Treffen in Würzburg.\n    date: 2024-09-16\n    source: seed\n  - text: Der Vorsitz wechselt.\n    stand: 2001\n    source: seed\n    topic: chair\nmembers:\n  - place: bielefeld\n    since: 2015\n    until: 2017\n    source: seed\n",
		"places.yaml":                    "+  - id: rochdale\n    name: Rochdale\n    kind: Stadt\n    country: Vereinigtes Königreich\nnrw:\n  - id: lage\n    aliases: [Lage (Lippe)]\n    everyday: true\n    partners_complete: true\n    partners_source: seed\n    facts:\n      - {text: Lage liegt in Lippe., source: seed}\n",
		"places/nrw.yaml":                "places:\n  - id: regierungsbezirk-detmold\n    name: Regierungsbezirk Detmold\n    kind: Regierungsbezirk\n    state: Nordrhein-Westfalen\n    ags: \"057\"\n  - id: kreis-lippe\n    name: Kreis Lippe\n    kind: Kreis\n    state: Nordrhein-Westfalen\n    region: Detmold\n    ags: \"05766\"\n  - id: lage\n    name: Lage\n    aliases: [Lage in Lippe]\n    kind: Stadt\n    state: Nordrhein-Westfalen\n    district: Kreis Lippe\n    region: Detmold\n    ags: \"05766040\"\n",
		"partnerships.yaml":              "partnerships:\n  - place: bielefeld\n    partner: rochdale\n    since: 1953\n    source: seed\n    facts:\n      - {text: Eine andere Quelle nennt 1954., stand: 2019, source: seed}\n  - place: lage\n    partner: wuerzburg\n    kind: Kontakt\n    status: eingeschlafen\n    source: seed\n",
		"land.yaml":                      "figures:\n  - {key: kreisfreie-staedte, value: \"23\", text: kreisfreie Städte, source: seed}\n",
	})
	base, rep, err := Check(fsys, Options{Now: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	es := base.Network("engagierte-stadt")
	if es.ShortName != "Engagierte Stadt" || es.Aliases[0] != "Engagierte Stadt" {
		t.Errorf("ShortName = %q, Aliases = %q; want the short name, leading the aliases", es.ShortName, es.Aliases)
	}
	if got := es.Facts[0].Date.ISO(); got != "2024-09-16" {
		t.Errorf("Facts[0].Date = %q, want 2024-09-16", got)
	}
	if got := es.Members[0].Until.ISO(); got != "2017" {
		t.Errorf("Members[0].Until = %q, want 2017", got)
	}
	ps := base.PartnershipsOf("rochdale")
	if len(ps) != 1 || ps[0].Country != "Vereinigtes Königreich" || ps[0].Kind != "Partnerschaft" || len(ps[0].Facts) != 1 || ps[0].Facts[0].Stand.Year != 2019 {
		t.Errorf("PartnershipsOf(rochdale) = %+v, want one Partnerschaft with the country filled in and the other source's fact", ps)
	}
	if ps := base.PartnershipsOf("lage"); len(ps) != 1 || ps[0].Country != "Deutschland" || ps[0].Kind != "Kontakt" || ps[0].Status != "eingeschlafen" {
		t.Errorf("PartnershipsOf(lage) = %+v, want a lapsed Kontakt in Deutschland", ps)
	}
	lage := base.Place("lage")
	if lage == nil || !lage.Everyday || !lage.PartnersComplete || lage.PartnersSource != "seed" || len(lage.Facts) != 1 || strings.Join(lage.Aliases, "|") != "Lage in Lippe|Lage (Lippe)" {
		t.Errorf("Place(lage) = %+v, want the generated place with the additions of places.yaml", lage)
	}
	if got := base.FiguresOf("kreisfreie-staedte"); len(got) != 1 || got[0].Value != "23" || got[0].Source != "seed" {
		t.Errorf("FiguresOf(kreisfreie-staedte) = %+v, want the 23 of land.yaml", got)
	}
	var msgs []string
	for _, w := range rep.Warnings {
		if !w.Warning {
			t.Errorf("warning %v is not marked as one", w)
		}
		msgs = append(msgs, w.String())
	}
	all := strings.Join(msgs, "\n")
	for _, s := range []string{
		`networks/engagierte-stadt.yaml:1: warning: alias "Engagierte Städte" of network "engagierte-stadt" adds nothing`,
		`networks/engagierte-stadt.yaml:6: warning: fact without topic in fact 1 of network "engagierte-stadt" (hint: add "topic: event"`,
	} {
		if !strings.Contains(all, s) {
			t.Errorf("warnings lack %q; got:\n%s", s, all)
		}
	}
	if strings.Contains(all, "months ago") {
		t.Errorf("an old stand is no warning (review lists it); got:\n%s", all)
	}
	if len(rep.Stale) == 0 || rep.Stale[0].File != "networks/engagierte-stadt.yaml" || rep.Stale[0].Line != 10 || rep.Stale[0].Stand.Year != 2001 {
		t.Errorf("Stale = %+v, want first the fact of stand 2001 at networks/engagierte-stadt.yaml:10", rep.Stale)
	}
}

func TestSearchFold(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		same bool
	}{
		{"Gütersloh", "Guetersloh", true},
		{"Gütersloh", "GUTERSLOH", true},
		{"Engagierte Stadt", "Engagierte Städte", true},
		{"Kommunen-Netzwerk „engagiert in NRW“", "Kommunen-Netzwerk: engagiert in NRW", true},
		{"RegioPole", "Regiopolen", true},
		{"Wetter (Ruhr)", "Wetter", false},
		{"Mombach", "Mainz-Mombach", false},
	} {
		if got := searchFold(tt.a) == searchFold(tt.b); got != tt.same {
			t.Errorf("searchFold(%q) == searchFold(%q): %v, want %v (%q, %q)", tt.a, tt.b, got, tt.same, searchFold(tt.a), searchFold(tt.b))
		}
	}
}

// BenchmarkCheckShipped measures validating the shipped base; it must stay
// at or under 100 ms (validate runs on every start and reload).
func BenchmarkCheckShipped(b *testing.B) {
	for b.Loop() {
		if _, _, err := Check(knowledge.FS, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestPartnersSourceWarnings: a place marked complete names the source that
// says so, and a source of all twinnings goes with partners_complete.
func TestPartnersSourceWarnings(t *testing.T) {
	good := readDir(t, "testdata/good")
	fsys := withFiles(good, map[string]string{
		"places.yaml": "+  - id: reims\n    name: Reims\n    kind: Stadt\n    country: Frankreich\n    partners_complete: true\n  - id: leeds\n    name: Leeds\n    kind: Stadt\n    country: Vereinigtes Königreich\n    partners_source: seed\n",
	})
	_, rep, err := Check(fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range rep.Warnings {
		got = append(got, w.String())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		`place "reims" is marked partners_complete without partners_source (hint: add "partners_source:"`,
		`partners_source of place "leeds" without partners_complete`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("warnings lack %q; got:\n%s", want, all)
		}
	}
}
