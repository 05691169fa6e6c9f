package yamlkb

// Data tests: the shipped knowledge holds what the research tables in
// ../shared/research say, read from the tables themselves rather than from
// hand-written lists, so a row added there and forgotten here fails.

import (
	"bufio"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/gvimport"
	"github.com/engagiert/engagiert/internal/testenv"
	"github.com/engagiert/engagiert/knowledge"
	"golang.org/x/text/unicode/norm"
)

// research opens a table of the project's research, in ../shared/research
// beside the repository (as ../shared/eval reads it).
func research(t *testing.T, name string) *os.File {
	t.Helper()
	f, err := os.Open(testenv.Shared(t, "research", name))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func shipped(t *testing.T) *domain.Base {
	t.Helper()
	base, err := Load(knowledge.FS)
	if err != nil {
		t.Fatalf("embedded knowledge: %v", err)
	}
	return base
}

// TestResearchNRWPlaces: every municipality of nrw-places.md is a place
// with its key, kind, Kreis and Regierungsbezirk, and the counts of the
// table's summary hold.
func TestResearchNRWPlaces(t *testing.T) {
	rows, err := gvimport.Parse(research(t, "nrw-places.md"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 396 {
		t.Errorf("nrw-places.md has %d municipalities, want 396", len(rows))
	}
	base := shipped(t)
	kreise := map[string]bool{}
	for _, r := range rows {
		p := base.Place(gvimport.Slug(r.Name))
		if p == nil {
			t.Errorf("Place(%q) = nil, want %s (%s)", gvimport.Slug(r.Name), r.Name, r.AGS)
			continue
		}
		if p.Name != r.Name || p.AGS != r.AGS || p.District != r.Kreis || p.Region != r.Region || p.Kind != r.Kind || p.State != "Nordrhein-Westfalen" {
			t.Errorf("Place(%q) = %s, %s, %s, %s, %s, %s; want %s, %s, %s, %s, %s, Nordrhein-Westfalen",
				p.ID, p.Name, p.AGS, p.District, p.Region, p.Kind, p.State, r.Name, r.AGS, r.Kreis, r.Region, r.Kind)
		}
		if r.Kreis != "kreisfreie Stadt" {
			kreise[r.Kreis] = true
			if k := base.Place(gvimport.Slug(r.Kreis)); k == nil || k.AGS != r.AGS[:5] {
				t.Errorf("Kreis %q of %s: place %v, want one with key %s", r.Kreis, r.Name, k, r.AGS[:5])
			}
		}
	}
	byKind := map[string]int{}
	for _, p := range base.Places {
		if p.State == "Nordrhein-Westfalen" && p.AGS != "" {
			byKind[p.Kind]++
		}
	}
	if got := byKind["Kreis"] + byKind["Städteregion"]; got != 31 || len(kreise) != 31 {
		t.Errorf("NRW Kreise: %d places, %d in the table; want 31", got, len(kreise))
	}
	if byKind["Regierungsbezirk"] != 5 {
		t.Errorf("NRW Regierungsbezirke: %d, want 5", byKind["Regierungsbezirk"])
	}
	if got := byKind["Stadt"] + byKind["Gemeinde"]; got != 396 {
		t.Errorf("NRW municipalities with a key: %d, want 396", got)
	}
	aachen := base.Place("aachen")
	if aachen == nil || len(aachen.Facts) < 2 {
		t.Errorf("Aachen: want both views (Städteregion; kreisfrei per MIK) as facts, got %+v", aachen)
	}
}

// tableRows yields the cells of the Markdown table rows of a file, with
// the "## " section each row is in.
func tableRows(t *testing.T, name string, each func(section string, cells []string)) {
	t.Helper()
	sc := bufio.NewScanner(research(t, name))
	section := ""
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "## ") {
			section = line
			continue
		}
		if !strings.HasPrefix(line, "|") || strings.HasPrefix(line, "|---") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		each(section, cells)
	}
}

// excluded are the marks of rows that are not facts.
var excluded = []string{"URL not retained", "re-verify", "probable", "not confirmed"}

func isExcluded(cells ...string) bool {
	for _, c := range cells {
		for _, x := range excluded {
			if strings.Contains(c, x) {
				return true
			}
		}
	}
	return false
}

// testFold compares names the way people read them: case, accents and
// apostrophes do not matter.
func testFold(s string) string {
	s = strings.NewReplacer("ß", "ss", "ı", "i", "œ", "oe", "’", "'", "ä", "ae", "ö", "oe", "ü", "ue", "Ä", "ae", "Ö", "oe", "Ü", "ue").Replace(s)
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// names are the forms a place answers to: its name, its name without an
// addition in parentheses, its aliases.
func names(p *domain.Place) []string {
	out := []string{testFold(p.Name)}
	if i := strings.Index(p.Name, " ("); i > 0 {
		out = append(out, testFold(p.Name[:i]))
	}
	for _, a := range p.Aliases {
		out = append(out, testFold(a))
	}
	return out
}

var stateNames = map[string]string{"NRW": "Nordrhein-Westfalen"}

// placeNamed finds the place called name in the Bundesland (any if "").
func placeNamed(base *domain.Base, name, state string) *domain.Place {
	want := testFold(name)
	for i := range base.Places {
		p := &base.Places[i]
		if state != "" && p.State != state {
			continue
		}
		for _, n := range names(p) {
			if n == want {
				return p
			}
		}
	}
	return nil
}

// sourced reports whether a source cell names a page: a URL, or a
// reference to one given above ("same", "bocholt.de (above)", "viernheim.de
// (§2.1)", "engagiertestadt.de 2022"). A cut-off address ("bruehl.de/news/…")
// is no source.
func sourced(cell string) bool {
	switch {
	case strings.Contains(cell, "http"):
		return true
	case strings.Contains(cell, "…"):
		return false
	}
	return strings.HasPrefix(cell, "same") || strings.Contains(cell, "(above)") || strings.Contains(cell, "(§") ||
		regexp.MustCompile(`^engagiertestadt\.de 20\d\d$`).MatchString(cell)
}

var firstYear = regexp.MustCompile(`\b(1[89]\d\d|20\d\d)\b`)

// TestResearchMembers: every member members.md names with a URL is a
// member of its network in the knowledge, with the joining year the row
// gives; a row saying the member left is a former member.
func TestResearchMembers(t *testing.T) {
	base := shipped(t)
	networks := map[string]string{"## 1.": "engagiert-in-nrw", "## 2.": "engagierte-stadt", "## 3.": "regiopole"}
	checked := map[string]int{}
	tableRows(t, "members.md", func(section string, cells []string) {
		if len(cells) != 4 || cells[0] == "Name" || !sourced(cells[3]) || isExcluded(cells...) {
			return
		}
		nwID := ""
		for prefix, id := range networks {
			if strings.HasPrefix(section, prefix) {
				nwID = id
			}
		}
		nw := base.Network(nwID)
		if nw == nil {
			t.Errorf("members.md section %q: no network", section)
			return
		}
		state := cells[1]
		if s, ok := stateNames[state]; ok {
			state = s
		}
		for _, name := range strings.Split(cells[0], ", ") {
			if strings.Contains(name, "…") {
				continue // cut off in the source copy
			}
			checked[nwID]++
			p := placeNamed(base, name, state)
			if p == nil {
				t.Errorf("%s: no place %q in %s", nwID, name, state)
				continue
			}
			var m *domain.Membership
			for i := range nw.Members {
				if nw.Members[i].Place == p.ID {
					m = &nw.Members[i]
				}
			}
			left := strings.Contains(cells[2], "left")
			switch {
			case m == nil:
				t.Errorf("%s: %s (%s) is not listed, members.md: %q", nwID, name, p.ID, cells)
			case left && m.Until.IsZero():
				t.Errorf("%s: %s left (%q), want until set", nwID, name, cells[2])
			case !left && !m.Until.IsZero():
				t.Errorf("%s: %s has until %s, members.md says member", nwID, name, m.Until.ISO())
			}
			if m == nil || strings.HasPrefix(cells[2], "by ") || strings.HasPrefix(cells[2], "~") || strings.HasPrefix(cells[2], "n/a") {
				continue
			}
			if y := firstYear.FindString(cells[2]); y != "" && m.Since.ISO()[:min(4, len(m.Since.ISO()))] != y {
				t.Errorf("%s: %s since %q, members.md says %q", nwID, name, m.Since.ISO(), cells[2])
			}
		}
	})
	for _, id := range []string{"engagiert-in-nrw", "engagierte-stadt", "regiopole"} {
		if checked[id] == 0 {
			t.Errorf("members.md: no rows read for %s; has the table changed?", id)
		}
	}
	if rp := base.Network("regiopole"); rp == nil || !rp.MembersComplete || len(rp.Members) != 9 {
		t.Errorf("RegioPole: want all 9 members, members_complete: true")
	}
	t.Logf("members checked: %v", checked)
}

// partnerForms splits a partner cell of partnerships.md into the names it
// gives: "Halifax / Calderdale", "Rijnsburg → Katwijk (since 2006)",
// "Lüttich (Liège)"; any of them names the partner.
func partnerForms(cell string) []string {
	var out []string
	outside, inside := cell, ""
	if i := strings.Index(cell, " ("); i > 0 {
		outside, inside = cell[:i], strings.TrimSuffix(cell[i+2:], ")")
	}
	for _, part := range regexp.MustCompile(` / | → `).Split(outside, -1) {
		out = append(out, strings.TrimPrefix(strings.TrimSpace(part), "Bezirk "))
	}
	for _, part := range strings.Split(inside, ", ") {
		if part = strings.TrimSpace(strings.TrimPrefix(part, "+ ")); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// TestResearchPartnerships: every twinning the table of partnerships.md
// gives with a source is in the knowledge.
func TestResearchPartnerships(t *testing.T) {
	base := shipped(t)
	n := 0
	tableRows(t, "partnerships.md", func(section string, cells []string) {
		if !strings.HasPrefix(section, "## Partnerships by city") || len(cells) != 5 || cells[0] == "City (NRW)" {
			return
		}
		if cells[1] == "–" || !sourced(cells[4]) || isExcluded(cells[4]) {
			return
		}
		city := cells[0]
		if i := strings.Index(city, " ("); i > 0 {
			city = city[:i]
		}
		home := placeNamed(base, city, "Nordrhein-Westfalen")
		if home == nil {
			t.Errorf("no NRW place %q", city)
			return
		}
		partners := map[string]bool{}
		for _, p := range base.PartnershipsOf(home.ID) {
			if other := base.Place(p.Partner); other != nil && p.Place == home.ID {
				for _, n := range names(other) {
					partners[n] = true
				}
			}
		}
		items := []string{cells[1]}
		if !strings.Contains(cells[1], "(") && strings.Contains(cells[1], ", ") {
			items = strings.Split(cells[1], ", ")
		} else if i := strings.Index(cells[1], ", "); i > 0 && i < strings.Index(cells[1], "(") {
			items = strings.SplitN(cells[1], ", ", 2)
		}
		for _, item := range items {
			n++
			found := false
			for _, form := range partnerForms(item) {
				found = found || partners[testFold(form)]
			}
			if !found {
				t.Errorf("partnership %s–%s (%s) is not in partnerships.yaml; forms tried: %q", city, item, cells[3], partnerForms(item))
			}
		}
	})
	if n < 100 {
		t.Errorf("partnerships.md: %d rows read, want the ~140 of its table", n)
	}
	if len(base.PartnershipCounts) == 0 || base.PartnershipCounts[len(base.PartnershipCounts)-1].Value != "828" {
		t.Errorf("statewide figures: want 828 (Stand 2022) last, got %+v", base.PartnershipCounts)
	}
	t.Logf("partnerships checked: %d", n)
}
