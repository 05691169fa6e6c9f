package yamlkb_test

// Data tests for research/round3.md: every sourced row is in the base, with
// what the row says of it.

import (
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/yamlkb/yamlkbtest"
)

// sinceYear reads the year a since cell starts with: "1988 (contacts ...)",
// "01.09.2022", "end of March 2023", "Urkunde signed 29.10.1991", and the
// second of "1990/91"; nothing for "n/a", "~1990", quotes and the like,
// which give no year of their own. Cells on contacts or an end give none
// either.
var (
	sinceYear   = regexp.MustCompile(`^(?:[A-Za-z]+ ){0,3}(?:\d\d\.\d\d\.)?(1[89]\d\d|20\d\d)\b(?:/(\d\d(?:\d\d)?)\b)?`)
	noSinceYear = regexp.MustCompile(`^(contacts|until)\b`)
)

// sinceOK reports whether a twinning's since agrees with the cell.
func sinceOK(since domain.Date, cell string) bool {
	m := sinceYear.FindStringSubmatch(cell)
	if m == nil || noSinceYear.MatchString(cell) {
		return true
	}
	got := since.ISO()[:min(4, len(since.ISO()))]
	second := m[2]
	if len(second) == 2 {
		second = m[1][:2] + second
	}
	return got == m[1] || (second != "" && got == second)
}

// The status cell's words for a twinning that is not living, and for kinds.
var (
	notLiving = []string{"auf Eis", "ruhen", "ruht", "suspended", "nur noch auf dem Papier", "eingeschlafen", "ended", "abgebrochen", "angestrebt"}
	kindWords = []struct {
		words []string
		kind  string
	}{ // first match wins: "climate project partner" is a Klimapartnerschaft
		{[]string{"Solidaritätspartnerschaft"}, "Solidaritätspartnerschaft"},
		{[]string{"climate"}, "Klimapartnerschaft"},
		{[]string{"project partner", "project friendships", "Projektpartnerschaft"}, "Projektpartnerschaft"},
		{[]string{"regelmäßige Kontakte", "weitere internationale Verbindungen"}, "Kontakt"},
		{[]string{"Kooperation"}, "Zusammenarbeit"},
		{[]string{"Patenschaft"}, "Patenschaft"},
		{[]string{"friendship", "Freundschaft", "freundschaft", "befreundet"}, "Freundschaft"},
	}
)

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// TestResearchRound3Twinnings: every twinning of round3.md, section 3, is
// in the base with the year, kind and status its row gives; rows whose
// sources disagree keep the other source as a fact; cities are complete
// (with the source that says so) exactly where their heading says so.
func TestResearchRound3Twinnings(t *testing.T) {
	base := yamlkbtest.Shipped(t)
	rows := yamlkbtest.Round3Twinnings(t)
	if len(rows) < 325 {
		t.Fatalf("round3.md section 3: %d rows read, want the ~330 of its tables; has the file changed?", len(rows))
	}
	cities := map[string]string{} // place id -> heading
	n := 0
	for _, r := range rows {
		home := yamlkbtest.PlaceNamed(base, r.City, "Nordrhein-Westfalen")
		if home == nil {
			t.Errorf("line %d: no NRW place %q", r.Line, r.City)
			continue
		}
		cities[home.ID] = r.Heading
		for _, partner := range r.Partners {
			n++
			forms := yamlkbtest.PartnerForms(partner)
			p, ok := yamlkbtest.PartnerOf(base, home.ID, forms)
			if !ok {
				t.Errorf("line %d: twinning %s–%s is not in partnerships.yaml; forms tried: %q", r.Line, r.City, partner, forms)
				continue
			}
			what := r.City + "–" + partner
			if !sinceOK(p.Since, r.Since) {
				t.Errorf("line %d: %s since %q, round3.md says %q", r.Line, what, p.Since.ISO(), r.Since)
			}
			switch {
			case strings.HasPrefix(r.Status, "active") && p.Status != "":
				t.Errorf("line %d: %s has status %q, round3.md says %q", r.Line, what, p.Status, r.Status)
			case !strings.Contains(r.Status, "Solidaritätspartnerschaft") && containsAny(r.Status, notLiving) && p.Status == "":
				t.Errorf("line %d: %s has no status, round3.md says %q", r.Line, what, r.Status)
			}
			for _, kw := range kindWords {
				if containsAny(r.Status, kw.words) {
					if p.Kind != kw.kind {
						t.Errorf("line %d: %s is a %s, round3.md says %q (want %s)", r.Line, what, p.Kind, r.Status, kw.kind)
					}
					break
				}
			}
			if (strings.Contains(r.Since+r.Status, "disagree") || strings.Contains(r.Since, " vs ")) && len(p.Facts) == 0 {
				t.Errorf("line %d: the sources of %s disagree (%q), want the other one kept as a fact", r.Line, what, r.Since+" | "+r.Status)
			}
			if base.Source(p.Source) == nil {
				t.Errorf("line %d: %s cites no known source", r.Line, what)
			}
		}
	}
	for id, heading := range cities {
		pl := base.Place(id)
		switch complete := strings.Contains(heading, "complete per source"); {
		case complete && (!pl.PartnersComplete || base.Source(pl.PartnersSource) == nil):
			t.Errorf("%s: heading %q, want partners_complete with the partners_source that says so", pl.Name, heading)
		case strings.HasPrefix(heading, pl.Name+" (partial") && pl.PartnersComplete:
			t.Errorf("%s: heading %q, want it not marked complete", pl.Name, heading)
		case strings.Contains(heading, "disagree on count") && len(pl.Facts) < 2:
			t.Errorf("%s: heading %q, want both counts as facts", pl.Name, heading)
		}
	}
	if len(cities) != 49 {
		t.Errorf("round3.md section 3 names %d cities, want 49", len(cities))
	}
	t.Logf("round 3: %d twinnings of %d cities checked", n, len(cities))
}

// TestResearchRound3Statuses pins the status changes the issue names.
func TestResearchRound3Statuses(t *testing.T) {
	base := yamlkbtest.Shipped(t)
	for _, tt := range []struct{ place, partner, status, says string }{
		{"duesseldorf", "moskau", "ausgesetzt", "2022"},
		{"krefeld", "uljanowsk", "ruht", "2022"},
		{"luedenscheid", "taganrog", "ausgesetzt", "2022"},
		{"castrop-rauxel", "wakefield", "eingeschlafen", "Papier"},
		{"leverkusen", "nikopol", "", "angestrebt"},
		{"bedburg", "estepona", "angestrebt", ""},
	} {
		p, ok := yamlkbtest.PartnerOf(base, tt.place, []string{base.Place(tt.partner).Name})
		if !ok {
			t.Errorf("%s–%s: not in the base", tt.place, tt.partner)
			continue
		}
		if p.Status != tt.status || !strings.Contains(p.Note, tt.says) {
			t.Errorf("%s–%s: status %q, note %q; want %q and a note saying %q", tt.place, tt.partner, p.Status, p.Note, tt.status, tt.says)
		}
	}
}

// TestResearchRound3Members: the new members of sections 1 and 2, with the
// year each row gives; the new totals.
func TestResearchRound3Members(t *testing.T) {
	base := yamlkbtest.Shipped(t)
	nets := map[string]string{"## 1.": "engagiert-in-nrw", "## 2.": "engagierte-stadt"}
	n := 0
	for _, r := range yamlkbtest.TableRows(t, "round3.md") {
		nwID := nets[r.Section[:min(5, len(r.Section))]]
		c := r.Cells
		if nwID == "" || len(c) < 4 || c[0] == "Name" || c[0] == "Date" || yamlkbtest.Excluded(c...) || !yamlkbtest.Sourced(c[3]) {
			continue
		}
		name := yamlkbtest.BaseName(c[0])
		pl := yamlkbtest.PlaceNamed(base, name, "")
		if pl == nil {
			t.Errorf("line %d: no place %q", r.Line, name)
			continue
		}
		n++
		m, ok := membership(base.Network(nwID), pl.ID)
		if !ok {
			t.Errorf("line %d: %s is no member of %s", r.Line, pl.Name, nwID)
			continue
		}
		if !sinceOK(m.Since, c[2]) {
			t.Errorf("line %d: %s since %q, round3.md says %q", r.Line, pl.Name, m.Since.ISO(), c[2])
		}
	}
	if n < 6 {
		t.Errorf("round3.md: %d new members read, want 7", n)
	}
	kn := base.Network("engagiert-in-nrw")
	if !hasCount(kn, "72", "2020-09-25") {
		t.Errorf("Kommunen-Netzwerk: want the 72 of 25 September 2020 among its counts")
	}
}

func membership(n *domain.Network, place string) (domain.Membership, bool) {
	for _, m := range n.Members {
		if m.Place == place {
			return m, true
		}
	}
	return domain.Membership{}, false
}

func hasCount(n *domain.Network, value, stand string) bool {
	for _, c := range n.Counts {
		if c.Value == value && c.Stand.ISO() == stand {
			return true
		}
	}
	return false
}

// holdersRE finds the lists of holders in the paragraph on the title:
// "2019 – Krefeld, Borken, ...;" and "made permanent – Düsseldorf, ...".
var holdersRE = regexp.MustCompile(`(?:20\d\d|made permanent(?: 20\d\d)?|later round) – ([^(;]+)`)

// TestResearchRound3Europaaktiv: the Land title with every holder the
// research names, its total, criterion and deadline.
func TestResearchRound3Europaaktiv(t *testing.T) {
	base := yamlkbtest.Shipped(t)
	n := base.Network("europaaktive-kommune")
	if n == nil || !n.IsTitle() || n.Noun() != "Titelträger" {
		t.Fatalf("europaaktive-kommune = %+v, want a Land title (kind %q) whose members are Titelträger", n, domain.KindTitle)
	}
	// The holders are named in a paragraph of prose, not in a table.
	text, err := io.ReadAll(yamlkbtest.Research(t, "round3.md"))
	if err != nil {
		t.Fatal(err)
	}
	var para string
	for _, line := range strings.Split(string(text), "\n") {
		if strings.Contains(line, "Europaaktive Kommune in Nordrhein-Westfalen") {
			para = line
		}
	}
	holders := 0
	for _, m := range holdersRE.FindAllStringSubmatch(para, -1) {
		for _, name := range strings.Split(m[1], ", ") {
			name = strings.TrimSpace(name)
			pl := yamlkbtest.PlaceNamed(base, name, "Nordrhein-Westfalen")
			if pl == nil {
				t.Errorf("no NRW place %q", name)
				continue
			}
			holders++
			hm, ok := membership(n, pl.ID)
			permanent := strings.Contains(m[0], "made permanent")
			switch {
			case !ok:
				t.Errorf("%s is not listed as a holder of %s", pl.Name, n.Name)
			case permanent != strings.Contains(hm.Role, "dauerhaft"):
				t.Errorf("%s: role %q, research says %q", pl.Name, hm.Role, m[0][:min(len(m[0]), 30)])
			}
		}
	}
	if holders < 30 {
		t.Errorf("read %d holders from the paragraph, want 34; has it changed?", holders)
	}
	if c := n.Counts[len(n.Counts)-1]; c.Value != "66" {
		t.Errorf("newest count %q, want 66", c.Value)
	}
	var eligibility, deadline bool
	for _, f := range n.Facts {
		eligibility = eligibility || (f.Topic == "eligibility" && strings.Contains(f.Text, "Städtepartnerschaftsarbeit"))
		deadline = deadline || (f.Topic == "join" && f.Date.ISO() == "2025-10-31")
	}
	if !eligibility || !deadline {
		t.Errorf("want the criterion (eligibility) and the deadline 31 October 2025 (join) as facts")
	}
	for _, id := range []string{"lemgo", "krefeld", "kreis-paderborn", "duesseldorf", "velbert"} {
		if _, ok := membership(n, id); !ok || len(base.TitlesOf(id)) != 1 {
			t.Errorf("%s: want a holder of the title, in TitlesOf", id)
		}
	}
}

// TestResearchRound3Netzwerkstelle: the three attendance figures of the
// 5th Tag der Städtepartnerschaften, all kept.
func TestResearchRound3Netzwerkstelle(t *testing.T) {
	base := yamlkbtest.Shipped(t)
	var all strings.Builder
	for _, f := range base.Network("staedtepartnerschaften-nrw").Facts {
		all.WriteString(f.Text + "\n")
	}
	for _, want := range []string{"knapp 200", "rund 250", "über 300", "28. März 1949", "Anka Feldhusen", "46 Mitgliedsstaaten", "167"} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("Netzwerkstelle: no fact says %q", want)
		}
	}
}
