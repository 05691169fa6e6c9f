package gvimport

import (
	"bytes"
	"fmt"
	"os"
	"slices"
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
		got = append(got, p.ID+"/"+p.Kind+"/"+p.AGS+"/"+p.District+"/"+p.Region+"/"+strings.Join(p.Aliases, ",")+"/"+p.Official)
	}
	want := []string{
		"regierungsbezirk-koeln/Regierungsbezirk/053//Köln//",
		"regierungsbezirk-detmold/Regierungsbezirk/057//Detmold//",
		"regierungsbezirk-arnsberg/Regierungsbezirk/059//Arnsberg//",
		"staedteregion-aachen/Städteregion/05334//Köln//",
		"kreis-lippe/Kreis/05766//Detmold//",
		"ennepe-ruhr-kreis/Kreis/05954//Arnsberg//",
		"kreis-siegen-wittgenstein/Kreis/05970//Arnsberg//",
		"kreis-unna/Kreis/05978//Arnsberg//",
		"aachen/Stadt/05334002/Städteregion Aachen/Köln//",
		"bielefeld/Stadt/05711000/kreisfreie Stadt/Detmold//",
		"lage/Stadt/05766040/Kreis Lippe/Detmold//",
		"lemgo/Stadt/05766044/Kreis Lippe/Detmold//",
		// Official only where it says more than "Name, Stadt" (or the name of
		// a Gemeinde), its spaces tidied.
		"ennepetal/Stadt/05954012/Ennepe-Ruhr-Kreis/Arnsberg//Ennepetal, Stadt der Kluterthöhle",
		"wetter-ruhr/Stadt/05954032/Ennepe-Ruhr-Kreis/Arnsberg/Wetter/",
		"neunkirchen/Gemeinde/05970036/Kreis Siegen-Wittgenstein/Arnsberg//",
		"siegen/Stadt/05970040/Kreis Siegen-Wittgenstein/Arnsberg//Siegen, Universitätsstadt",
		"froendenberg-ruhr/Stadt/05978012/Kreis Unna/Arnsberg/Fröndenberg/",
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

// TestWrite: the file holds the generated fields only, starts with its
// schema line, and writing twice gives the same file.
func TestWrite(t *testing.T) {
	ps := places(t)
	var first, second bytes.Buffer
	if err := Write(&first, ps); err != nil {
		t.Fatal(err)
	}
	if err := Write(&second, ps); err != nil {
		t.Fatal(err)
	}
	if first.String() != second.String() {
		t.Errorf("writing twice changed the file:\n%s\n---\n%s", first.String(), second.String())
	}
	var doc struct {
		Places []map[string]any `yaml:"places"`
	}
	if err := yaml.Unmarshal(first.Bytes(), &doc); err != nil {
		t.Fatalf("generated YAML: %v", err)
	}
	if len(doc.Places) != len(ps) {
		t.Fatalf("wrote %d places, want %d", len(doc.Places), len(ps))
	}
	for _, p := range doc.Places {
		for k := range p {
			if !slices.Contains(generated, k) {
				t.Errorf("place %v has field %q, which the list does not give", p["id"], k)
			}
		}
	}
	wetter, ennepetal := doc.Places[13], doc.Places[12]
	if wetter["id"] != "wetter-ruhr" || wetter["ags"] != "05954032" || fmt.Sprint(wetter["aliases"]) != "[Wetter]" || wetter["official"] != nil {
		t.Errorf("place 14 = %v, want wetter-ruhr with its key, the short form as alias and no official name", wetter)
	}
	if ennepetal["official"] != "Ennepetal, Stadt der Kluterthöhle" {
		t.Errorf("place 13 = %v, want ennepetal with its official name", ennepetal)
	}
	if !strings.HasPrefix(first.String(), "# yaml-language-server: $schema=") {
		t.Errorf("generated file does not start with the schema line")
	}
	if got, err := Curated(first.Bytes(), ps); err != nil || len(got) != 0 {
		t.Errorf("Curated(generated file) = %q, %v; want none", got, err)
	}
}

// TestCurated: a curator's fields in the generated file are found, so that
// import-places refuses to drop them.
func TestCurated(t *testing.T) {
	ps := places(t)
	var buf bytes.Buffer
	if err := Write(&buf, ps); err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(buf.String(), "  - id: lage\n    name: Lage\n", "  - id: lage\n    name: Lage\n    aliases: [Lage (Lippe)]\n", 1)
	edited = strings.Replace(edited, "    ags: \"05766044\"\n", "    ags: \"05766044\"\n    everyday: true\n    facts:\n      - text: Lemgo liegt in Lippe.\n        source: seed\n", 1)
	edited = strings.Replace(edited, "  - id: bielefeld\n    name: Bielefeld\n    kind: Stadt\n", "  - id: bielefeld\n    name: Bielefeld\n    kind: Gemeinde\n", 1) // a generated field: no curator's
	got, err := Curated([]byte(edited), ps)
	if want := []string{"lage: aliases", "lemgo: everyday, facts"}; err != nil || !slices.Equal(got, want) {
		t.Errorf("Curated(edited) = %q, %v; want %q", got, err, want)
	}
	if got, err := Curated(nil, ps); err != nil || got != nil {
		t.Errorf("Curated(nil) = %q, %v; want nothing", got, err)
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
