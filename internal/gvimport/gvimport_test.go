package gvimport

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

func places(t *testing.T) []Place {
	t.Helper()
	f, err := os.Open("testdata/table.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := Places(rows)
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

func TestPlaces(t *testing.T) {
	ps := places(t)
	var got []string
	for _, p := range ps {
		got = append(got, p.ID+"/"+p.Kind+"/"+p.AGS+"/"+p.District+"/"+p.Region+"/"+strings.Join(p.Aliases, ","))
	}
	want := []string{
		"regierungsbezirk-koeln/Regierungsbezirk/053//Köln/",
		"regierungsbezirk-detmold/Regierungsbezirk/057//Detmold/",
		"regierungsbezirk-arnsberg/Regierungsbezirk/059//Arnsberg/",
		"staedteregion-aachen/Städteregion/05334//Köln/",
		"kreis-lippe/Kreis/05766//Detmold/",
		"ennepe-ruhr-kreis/Kreis/05954//Arnsberg/",
		"kreis-siegen-wittgenstein/Kreis/05970//Arnsberg/",
		"kreis-unna/Kreis/05978//Arnsberg/",
		"aachen/Stadt/05334002/Städteregion Aachen/Köln/",
		"bielefeld/Stadt/05711000/kreisfreie Stadt/Detmold/",
		"lage/Stadt/05766040/Kreis Lippe/Detmold/",
		"lemgo/Stadt/05766044/Kreis Lippe/Detmold/",
		"wetter-ruhr/Stadt/05954032/Ennepe-Ruhr-Kreis/Arnsberg/Wetter",
		"neunkirchen/Gemeinde/05970036/Kreis Siegen-Wittgenstein/Arnsberg/",
		"froendenberg-ruhr/Stadt/05978012/Kreis Unna/Arnsberg/Fröndenberg",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Places() =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"no table here\n", "no table rows found"},
		{"| 05711000 | Bielefeld | Bielefeld, Stadt | Großstadt | kreisfreie Stadt | Detmold |\n", `line 1: unknown kind "Großstadt"`},
	}
	for _, tt := range tests {
		if _, err := Parse(strings.NewReader(tt.in)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%q) error = %v, want %q", tt.in, err, tt.want)
		}
	}
	dup := []Row{{AGS: "05711000", Name: "Bielefeld", Kind: "Stadt", Kreis: "kreisfreie Stadt", Region: "Detmold"},
		{AGS: "05711000", Name: "Bielefeld 2", Kind: "Stadt", Kreis: "kreisfreie Stadt", Region: "Detmold"}}
	if _, err := Places(dup); err == nil || !strings.Contains(err.Error(), "key 05711000 given for Bielefeld and Bielefeld 2") {
		t.Errorf("Places(duplicate key) error = %v", err)
	}
}

// TestWriteKeepsCuratedFields: regenerating keeps what curators added,
// and writing twice gives the same file.
func TestWriteKeepsCuratedFields(t *testing.T) {
	ps := places(t)
	var first bytes.Buffer
	if err := Write(&first, ps, nil); err != nil {
		t.Fatal(err)
	}
	curated := strings.Replace(first.String(), "  - id: lage\n    name: Lage\n", "  - id: lage\n    name: Lage\n    aliases: [Lage (Lippe)]\n", 1)
	curated = strings.Replace(curated, "    ags: \"05766040\"\n", "    ags: \"05766040\"\n    everyday: true\n    facts:\n      - text: Lage liegt in Lippe.\n        source: seed\n", 1)
	curated = strings.Replace(curated, "  - id: lemgo\n    name: Lemgo\n    kind: Stadt\n", "  - id: lemgo\n    name: Lemgo\n    kind: Gemeinde\n", 1) // a generated field: overwritten
	var second bytes.Buffer
	if err := Write(&second, ps, []byte(curated)); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Places []map[string]any `yaml:"places"`
	}
	if err := yaml.Unmarshal(second.Bytes(), &doc); err != nil {
		t.Fatalf("generated YAML: %v", err)
	}
	byID := map[string]map[string]any{}
	for _, p := range doc.Places {
		byID[p["id"].(string)] = p
	}
	lage := byID["lage"]
	if lage["everyday"] != true || lage["facts"] == nil || lage["ags"] != "05766040" {
		t.Errorf("lage after regenerating = %v, want everyday, facts and the key kept", lage)
	}
	if a, _ := lage["aliases"].([]any); len(a) != 1 || a[0] != "Lage (Lippe)" {
		t.Errorf("lage aliases = %v, want the curated one", lage["aliases"])
	}
	if byID["lemgo"]["kind"] != "Stadt" {
		t.Errorf("lemgo kind = %v, want Stadt from the list", byID["lemgo"]["kind"])
	}
	var third bytes.Buffer
	if err := Write(&third, ps, second.Bytes()); err != nil {
		t.Fatal(err)
	}
	if third.String() != second.String() {
		t.Errorf("writing twice changed the file:\n%s\n---\n%s", second.String(), third.String())
	}
	if !strings.HasPrefix(second.String(), "# yaml-language-server: $schema=") {
		t.Errorf("generated file does not start with the schema line")
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Gütersloh": "guetersloh", "Wetter (Ruhr)": "wetter-ruhr", "Kreis Lippe": "kreis-lippe",
		"Städteregion Aachen": "staedteregion-aachen", "Mülheim an der Ruhr": "muelheim-an-der-ruhr",
		"Stolberg (Rhld.)": "stolberg-rhld", "Fröndenberg/Ruhr": "froendenberg-ruhr", "Übach-Palenberg": "uebach-palenberg",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}
