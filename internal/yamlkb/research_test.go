package yamlkb_test

// Data tests: the shipped knowledge holds what the research tables in
// ../shared/research say, read from the tables themselves rather than from
// hand-written lists, so a row added there and forgotten here fails.

import (
	"regexp"
	"strings"
	"testing"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/gvimport"
	"github.com/engagiert/engagiert/internal/yamlkb/yamlkbtest"
)

// TestResearchNRWPlaces: every municipality of nrw-places.md is a place
// with its key, kind, Kreis and Regierungsbezirk, and the counts of the
// table's summary hold.
func TestResearchNRWPlaces(t *testing.T) {
	rows, err := gvimport.Parse(yamlkbtest.Research(t, "nrw-places.md"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 396 {
		t.Errorf("nrw-places.md has %d municipalities, want 396", len(rows))
	}
	base := yamlkbtest.Shipped(t)
	kreise := map[string]bool{}
	for _, r := range rows {
		p := base.Place(gvimport.Slug(r.Name))
		if p == nil {
			t.Errorf("Place(%q) = nil, want %s (%s)", gvimport.Slug(r.Name), r.Name, r.AGS)
			continue
		}
		if p.Name != r.Name || p.AGS.String() != r.AGS || p.District != r.Kreis || p.Region != r.Region || p.Kind != r.Kind || p.State != "Nordrhein-Westfalen" {
			t.Errorf("Place(%q) = %s, %s, %s, %s, %s, %s; want %s, %s, %s, %s, %s, Nordrhein-Westfalen",
				p.ID, p.Name, p.AGS, p.District, p.Region, p.Kind, p.State, r.Name, r.AGS, r.Kreis, r.Region, r.Kind)
		}
		if r.Kreis != "kreisfreie Stadt" {
			kreise[r.Kreis] = true
			if k := base.Place(gvimport.Slug(r.Kreis)); k == nil || k.AGS.String() != r.AGS[:5] {
				t.Errorf("Kreis %q of %s: place %v, want one with key %s", r.Kreis, r.Name, k, r.AGS[:5])
			}
		}
	}
	byKind := map[string]int{}
	for _, p := range base.Places {
		if p.State == "Nordrhein-Westfalen" && p.AGS != 0 {
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

var (
	firstYear  = regexp.MustCompile(`\b(1[89]\d\d|20\d\d)\b`)
	stateNames = map[string]string{"NRW": "Nordrhein-Westfalen"}
)

// TestResearchMembers: every member members.md names with a URL is a
// member of its network in the knowledge, with the joining year the row
// gives; a row saying the member left is a former member.
func TestResearchMembers(t *testing.T) {
	base := yamlkbtest.Shipped(t)
	networks := map[string]string{"## 1.": "engagiert-in-nrw", "## 2.": "engagierte-stadt", "## 3.": "regiopole"}
	checked := map[string]int{}
	for _, r := range yamlkbtest.TableRows(t, "members.md") {
		section, cells := r.Section, r.Cells
		if len(cells) != 4 || cells[0] == "Name" || !yamlkbtest.Sourced(cells[3]) || yamlkbtest.Excluded(cells...) {
			continue
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
			continue
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
			p := yamlkbtest.PlaceNamed(base, name, state)
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
	}
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

// TestResearchPartnerships: every twinning the table of partnerships.md
// gives with a source is in the knowledge.
func TestResearchPartnerships(t *testing.T) {
	base := yamlkbtest.Shipped(t)
	n := 0
	for _, r := range yamlkbtest.TableRows(t, "partnerships.md") {
		cells := r.Cells
		if !strings.HasPrefix(r.Section, "## Partnerships by city") || len(cells) != 5 || cells[0] == "City (NRW)" {
			continue
		}
		if cells[1] == "–" || !yamlkbtest.Sourced(cells[4]) || yamlkbtest.Excluded(cells[4]) {
			continue
		}
		city := yamlkbtest.BaseName(cells[0])
		home := yamlkbtest.PlaceNamed(base, city, "Nordrhein-Westfalen")
		if home == nil {
			t.Errorf("no NRW place %q", city)
			continue
		}
		partners := map[string]bool{}
		for _, p := range base.PartnershipsOf(home.ID) {
			if other := base.Place(p.Partner); other != nil && p.Place == home.ID {
				for _, n := range yamlkbtest.Names(other) {
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
			for _, form := range yamlkbtest.PartnerForms(item) {
				found = found || partners[yamlkbtest.Fold(form)]
			}
			if !found {
				t.Errorf("partnership %s–%s (%s) is not in partnerships.yaml; forms tried: %q", city, item, cells[3], yamlkbtest.PartnerForms(item))
			}
		}
	}
	if n < 100 {
		t.Errorf("partnerships.md: %d rows read, want the ~140 of its table", n)
	}
	if len(base.PartnershipCounts) == 0 || base.PartnershipCounts[len(base.PartnershipCounts)-1].Value != "828" {
		t.Errorf("statewide figures: want 828 (Stand 2022) last, got %+v", base.PartnershipCounts)
	}
	t.Logf("partnerships checked: %d", n)
}
