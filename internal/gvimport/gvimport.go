// Package gvimport turns the official list of NRW municipalities (the
// Destatis Gemeindeverzeichnis, as the table in research/nrw-places.md
// gives it) into the place file knowledge/places/nrw.yaml.
//
// The file holds only the fields the list gives (id, name, kind, state,
// district, region, ags and the aliases derived from the name). What
// curators add to these places (more aliases, everyday, partners_complete,
// facts) lives apart, in knowledge/places.yaml under "nrw:", so the yearly
// update is one command that never touches a curator's line.
package gvimport

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/engagiert/engagiert/internal/domain"
	"go.yaml.in/yaml/v3"
)

// Row is one municipality of the list.
type Row struct {
	AGS      string // 8 digits
	Name     string // "Wetter (Ruhr)"
	Official string // "Wetter (Ruhr), Stadt"
	Kind     string // "Stadt" or "Gemeinde"
	Kreis    string // "Ennepe-Ruhr-Kreis", or "kreisfreie Stadt"
	Region   string // Regierungsbezirk: "Arnsberg"
}

// Place is one generated place.
type Place struct {
	ID, Name string
	Aliases  []string
	Kind     string
	District string
	Region   string
	AGS      string
	// Official is the amtliche Bezeichnung where it is more than the rule
	// gives (domain.PlainOfficialName): "Harsewinkel, Die Mähdrescherstadt".
	Official string
}

var agsCell = regexp.MustCompile(`^\d{8}$`)

// Parse reads the rows of the Markdown table: lines "| AGS | Name |
// amtliche Bezeichnung | Art | Kreis | Regierungsbezirk |". Other lines are
// skipped, so the whole research file can be given.
func Parse(r io.Reader) ([]Row, error) {
	var rows []Row
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(line, "|") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		if len(cells) < 6 || !agsCell.MatchString(cells[0]) {
			continue
		}
		kind := "Gemeinde"
		if strings.HasPrefix(cells[3], "Stadt") {
			kind = "Stadt"
		} else if cells[3] != "Gemeinde" {
			return nil, fmt.Errorf("line %d: unknown kind %q, want Stadt… or Gemeinde", n, cells[3])
		}
		if cells[1] == "" || cells[4] == "" || cells[5] == "" {
			return nil, fmt.Errorf("line %d: empty name, Kreis or Regierungsbezirk", n)
		}
		rows = append(rows, Row{AGS: cells[0], Name: cells[1], Official: cells[2], Kind: kind, Kreis: cells[4], Region: cells[5]})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("no table rows found: want lines like \"| 05111000 | Düsseldorf | Düsseldorf, Stadt | Stadt (kreisfrei) | kreisfreie Stadt | Düsseldorf |\"")
	}
	return rows, nil
}

// Places turns rows into places: the Regierungsbezirke, the Kreise (their
// keys are the first five digits of their municipalities') and the
// municipalities, in that order and each group in key order.
func Places(rows []Row) ([]Place, error) {
	regions := map[string]string{} // key -> name
	kreise := map[string]Place{}
	var out []Place
	seen := map[string]string{}
	for _, r := range rows {
		if prev, ok := seen[r.AGS]; ok {
			return nil, fmt.Errorf("key %s given for %s and %s", r.AGS, prev, r.Name)
		}
		seen[r.AGS] = r.Name
		rb := r.AGS[:3]
		if name, ok := regions[rb]; ok && name != r.Region {
			return nil, fmt.Errorf("%s: Regierungsbezirk %q, but key %s is %q", r.Name, r.Region, rb, name)
		}
		regions[rb] = r.Region
		if r.Kreis != "kreisfreie Stadt" {
			k := Place{ID: Slug(r.Kreis), Name: r.Kreis, Kind: "Kreis", Region: r.Region, AGS: r.AGS[:5]}
			if strings.HasPrefix(r.Kreis, "Städteregion") {
				k.Kind = "Städteregion"
			}
			if prev, ok := kreise[k.AGS]; ok && prev.Name != k.Name {
				return nil, fmt.Errorf("%s: Kreis %q, but key %s is %q", r.Name, r.Kreis, k.AGS, prev.Name)
			}
			kreise[k.AGS] = k
		}
		p := Place{ID: Slug(r.Name), Name: r.Name, Aliases: shortForms(r.Name), Kind: r.Kind,
			District: r.Kreis, Region: r.Region, AGS: r.AGS}
		if r.Official != "" && r.Official != domain.PlainOfficialName(r.Name, r.Kind) {
			p.Official = strings.Join(strings.Fields(r.Official), " ") // "Kreis- und  Hochschulstadt"
		}
		out = append(out, p)
	}
	var head []Place
	for _, key := range slices.Sorted(maps.Keys(regions)) {
		head = append(head, Place{ID: Slug("Regierungsbezirk " + regions[key]), Name: "Regierungsbezirk " + regions[key],
			Kind: "Regierungsbezirk", Region: regions[key], AGS: key})
	}
	for _, key := range slices.Sorted(maps.Keys(kreise)) {
		head = append(head, kreise[key])
	}
	slices.SortStableFunc(out, func(a, b Place) int { return strings.Compare(a.AGS, b.AGS) })
	all := append(head, out...)
	ids := map[string]string{}
	for _, p := range all {
		if prev, ok := ids[p.ID]; ok {
			return nil, fmt.Errorf("id %q would be given to %s and %s", p.ID, prev, p.Name)
		}
		ids[p.ID] = p.Name
	}
	return all, nil
}

// shortForms are the forms of a name people type without its addition:
// "Wetter" for "Wetter (Ruhr)", "Fröndenberg" for "Fröndenberg/Ruhr".
func shortForms(name string) []string {
	if i := strings.Index(name, " ("); i > 0 {
		return []string{name[:i]}
	}
	if i := strings.Index(name, "/"); i > 0 {
		return []string{name[:i]}
	}
	return nil
}

// Slug is the id form of a name: "Gütersloh" → "guetersloh", "Wetter
// (Ruhr)" → "wetter-ruhr". It is how the ids of the base were written by
// hand, so existing ids stay the same.
func Slug(s string) string { return domain.Slug(s) }

// generated are the fields the list sets; all others belong to curators.
var generated = []string{"id", "name", "aliases", "kind", "state", "district", "region", "ags", "official"}

// Header starts the generated file.
const Header = `# yaml-language-server: $schema=../schema/places.json
# NRW places: the 5 Regierungsbezirke, the 31 Kreise and the 396 Städte und
# Gemeinden. GENERATED by "engagiert import-places" from the Destatis
# Gemeindeverzeichnis (© Statistisches Bundesamt (Destatis),
# Gemeindeverzeichnis-Informationssystem GV-ISys; Datenlizenz Deutschland –
# Namensnennung 2.0). Do not edit: a new import rewrites the whole file.
# What you add to these places (aliases, everyday, partners_complete, facts)
# goes into ../places.yaml under "nrw:". See CONTRIBUTING.md.
`

// Write writes the place file: the generated fields of every place.
func Write(w io.Writer, places []Place) error {
	list := &yaml.Node{Kind: yaml.SequenceNode}
	for _, p := range places {
		m := &yaml.Node{Kind: yaml.MappingNode}
		add := func(k string, v *yaml.Node) { m.Content = append(m.Content, str(k), v) }
		add("id", str(p.ID))
		add("name", str(p.Name))
		if len(p.Aliases) > 0 {
			seq := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
			for _, a := range p.Aliases {
				seq.Content = append(seq.Content, str(a))
			}
			add("aliases", seq)
		}
		add("kind", str(p.Kind))
		add("state", str("Nordrhein-Westfalen"))
		if p.District != "" {
			add("district", str(p.District))
		}
		add("region", str(p.Region))
		add("ags", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: p.AGS, Style: yaml.DoubleQuotedStyle})
		if p.Official != "" {
			add("official", str(p.Official))
		}
		list.Content = append(list.Content, m)
	}
	doc := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{str("places"), list}}
	var buf bytes.Buffer
	buf.WriteString(Header)
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func str(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

// Curated lists the places of a current generated file (nil: none) that
// carry fields the list does not give, as "id: field, field": a new import
// would drop them, so they must move to places.yaml first. Generated
// aliases are not curated; others are.
func Curated(old []byte, places []Place) ([]string, error) {
	if len(bytes.TrimSpace(old)) == 0 {
		return nil, nil
	}
	var doc struct {
		Places []map[string]any `yaml:"places"`
	}
	if err := yaml.Unmarshal(old, &doc); err != nil {
		return nil, err
	}
	aliases := map[string][]string{}
	for _, p := range places {
		aliases[p.ID] = p.Aliases
	}
	var out []string
	for _, p := range doc.Places {
		id, _ := p["id"].(string)
		var extra []string
		for k, v := range p {
			if !slices.Contains(generated, k) {
				extra = append(extra, k)
			}
			if k == "aliases" {
				list, _ := v.([]any)
				for _, a := range list {
					if s, _ := a.(string); !slices.Contains(aliases[id], s) {
						extra = append(extra, "aliases")
						break
					}
				}
			}
		}
		if len(extra) > 0 {
			slices.Sort(extra)
			out = append(out, id+": "+strings.Join(extra, ", "))
		}
	}
	slices.Sort(out)
	return out, nil
}
