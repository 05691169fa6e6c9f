package yamlkbtest

// Reading the project's research notes (../shared/research), for the tests
// that check the base, and the answers, against the tables themselves
// rather than against hand-written lists: a row added there and forgotten
// in the base fails.

import (
	"bufio"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/lang"
	"github.com/engagiert/engagiert/internal/testenv"
	"golang.org/x/text/unicode/norm"
)

// Research opens a file of ../shared/research; a missing one is
// testenv.Missing.
func Research(t testing.TB, name string) *os.File {
	t.Helper()
	f, err := os.Open(testenv.Shared(t, "research", name))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// Row is one row of a Markdown table of a research file.
type Row struct {
	Line    int      // line in the file, 1-based
	Section string   // the "## " heading above it
	Heading string   // the "### " heading above it, "" if none
	Cells   []string // trimmed
}

// TableRows returns the rows of the Markdown tables of a research file,
// header and rule rows included: callers skip what they do not want.
func TableRows(t testing.TB, name string) []Row {
	t.Helper()
	sc := bufio.NewScanner(Research(t, name))
	var rows []Row
	section, heading := "", ""
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, "## "):
			section, heading = line, ""
			continue
		case strings.HasPrefix(line, "### "):
			heading = strings.TrimPrefix(line, "### ")
			continue
		case !strings.HasPrefix(line, "|") || strings.HasPrefix(line, "|---"):
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		rows = append(rows, Row{Line: n, Section: section, Heading: heading, Cells: cells})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

// excluded are the marks of rows that are not facts.
var excluded = []string{"URL not retained", "re-verify", "probable", "not confirmed"}

// Excluded reports whether a row is marked as no fact.
func Excluded(cells ...string) bool {
	for _, c := range cells {
		for _, x := range excluded {
			if strings.Contains(c, x) {
				return true
			}
		}
	}
	return false
}

// Sourced reports whether a source cell names a page: a URL, or a
// reference to one given above ("same", "bocholt.de (above)", "viernheim.de
// (§2.1)", "engagiertestadt.de 2022"). A cut-off address ("bruehl.de/news/…")
// is no source.
func Sourced(cell string) bool {
	switch {
	case strings.Contains(cell, "http"):
		return true
	case strings.Contains(cell, "…"):
		return false
	}
	return strings.HasPrefix(cell, "same") || strings.Contains(cell, "(above)") || strings.Contains(cell, "(§") ||
		engagiertestadtYear.MatchString(cell)
}

var engagiertestadtYear = regexp.MustCompile(`^engagiertestadt\.de 20\d\d$`)

// Fold compares names the way people read them: lang.Fold (case, ä = ae =
// a, ß = ss), and accents and apostrophes do not matter either ("Béthune",
// "Bethune"; "Villeneuve-d’Ascq", "Villeneuve-d'Ascq").
func Fold(s string) string {
	s = strings.NewReplacer("ı", "i", "œ", "oe", "’", "'").Replace(s)
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(lang.Fold(b.String())), " ")
}

// Names are the folded forms a place answers to: its name, its name
// without an addition in parentheses, its aliases.
func Names(p *domain.Place) []string {
	out := []string{Fold(p.Name)}
	if i := strings.Index(p.Name, " ("); i > 0 {
		out = append(out, Fold(p.Name[:i]))
	}
	for _, a := range p.Aliases {
		out = append(out, Fold(a))
	}
	return out
}

// BaseName is a name without its addition in parentheses: "Bonn" for
// "Bonn (Bad Godesberg)", "Itzehoe" for "Itzehoe (Kreis Steinburg)".
func BaseName(s string) string {
	if i := strings.Index(s, " ("); i > 0 {
		return s[:i]
	}
	return s
}

// PlaceNamed finds the place called name in the Bundesland (any if "").
func PlaceNamed(base *domain.Base, name, state string) *domain.Place {
	want := Fold(name)
	for i := range base.Places {
		p := &base.Places[i]
		if state != "" && p.State != state {
			continue
		}
		for _, n := range Names(p) {
			if n == want {
				return p
			}
		}
	}
	return nil
}

// PartnerForms splits a partner cell into the names it gives: "Halifax /
// Calderdale", "Rijnsburg → Katwijk (since 2006)", "Lüttich (Liège)",
// "former Kreis Goldberg (today Poland)", "Bitterfeld(-Wolfen)"; any of
// them names the partner.
func PartnerForms(cell string) []string {
	var out []string
	outside, inside := cell, ""
	if i := strings.Index(cell, " ("); i > 0 {
		outside, inside = cell[:i], strings.TrimSuffix(cell[i+2:], ")")
	}
	for _, part := range formSep.Split(outside, -1) {
		part = strings.TrimPrefix(strings.TrimPrefix(strings.TrimSpace(part), "Bezirk "), "former ")
		out = append(out, part)
		if i := strings.Index(part, "(-"); i > 0 { // "Bitterfeld(-Wolfen)"
			out = append(out, part[:i], strings.NewReplacer("(", "", ")", "").Replace(part))
		}
	}
	for _, part := range innerSep.Split(inside, -1) {
		if part = strings.TrimSpace(strings.TrimPrefix(part, "+ ")); part != "" {
			out = append(out, part)
		}
	}
	return out
}

var (
	urlRE    = regexp.MustCompile(`https?://[^\s;]+`)
	wordRE   = regexp.MustCompile(`[\w.-]+`)
	formSep  = regexp.MustCompile(` / | → `)
	innerSep = regexp.MustCompile(`, | / |; `)
)

// Twinning is one row of the twinning tables of round3.md, section 3: the
// NRW city, the partners it names (one or several, each with the forms of
// its name) and what the row says of them.
type Twinning struct {
	Line     int
	City     string   // the NRW city, without the part of town: "Bonn", "Duisburg"
	Heading  string   // the city's heading: "Düsseldorf (complete per source: ...)"
	Partners []string // the partners of the row; usually one
	Since    string
	Status   string
	Source   string
}

// Round3Twinnings returns the sourced rows of round3.md, section 3. A
// source cell there may also name a page by a word of its address given
// in another row of the city ("primidi", "solingen.de", "WAZ
// article11456417").
func Round3Twinnings(t testing.TB) []Twinning {
	t.Helper()
	rows := TableRows(t, "round3.md")
	urls := map[string][]string{} // heading -> addresses given in its rows
	for _, r := range rows {
		if len(r.Cells) == 6 {
			urls[r.Heading] = append(urls[r.Heading], urlRE.FindAllString(r.Cells[5], -1)...)
		}
	}
	refers := func(heading, cell string) bool {
		for _, w := range wordRE.FindAllString(cell, -1) {
			for _, u := range urls[heading] {
				if len(w) >= 4 && strings.Contains(u, w) {
					return true
				}
			}
		}
		return false
	}
	var out []Twinning
	for _, r := range rows {
		c := r.Cells
		if !strings.HasPrefix(r.Section, "## 3.") || len(c) != 6 || c[0] == "NRW city" || Excluded(c...) {
			continue
		}
		if !Sourced(c[5]) && !refers(r.Heading, c[5]) {
			t.Logf("round3.md line %d: no source in %q", r.Line, c[5])
			continue
		}
		partners := []string{c[1]}
		if !strings.Contains(c[1], "(") && strings.Contains(c[1], ", ") {
			partners = strings.Split(c[1], ", ") // "Győr, Théoule-sur-Mer, ...": one row, several contacts
		}
		out = append(out, Twinning{Line: r.Line, City: BaseName(c[0]), Heading: r.Heading, Partners: partners, Since: c[3], Status: c[4], Source: c[5]})
	}
	return out
}

// PartnerOf returns the twinning of the place (the NRW side) with a partner
// that answers to one of the forms.
func PartnerOf(base *domain.Base, place string, forms []string) (domain.Partnership, bool) {
	for _, p := range base.PartnershipsOf(place) {
		other := base.Place(p.Partner)
		if other == nil || p.Place != place {
			continue
		}
		for _, n := range Names(other) {
			for _, f := range forms {
				if n == Fold(f) {
					return p, true
				}
			}
		}
	}
	return domain.Partnership{}, false
}
