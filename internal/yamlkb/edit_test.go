package yamlkb_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/yamlkb"
	"github.com/engagiert/engagiert/internal/yamlkb/yamlkbtest"
)

func date(t *testing.T, s string) domain.Date {
	t.Helper()
	d, err := domain.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// onlyInserted checks that after is before with lines inserted, and
// returns the inserted lines: nothing else of a file changes, comments and
// order included.
func onlyInserted(t *testing.T, name string, before, after []byte) []string {
	t.Helper()
	b, a := strings.Split(string(before), "\n"), strings.Split(string(after), "\n")
	var added []string
	i := 0
	for _, line := range a {
		if i < len(b) && line == b[i] {
			i++
			continue
		}
		added = append(added, line)
	}
	if i != len(b) {
		t.Errorf("%s: line %d of the old file (%q) is gone or changed", name, i+1, b[i])
	}
	return added
}

// TestAdderRoundTrip adds a source, a place and a twinning to a copy of the
// shipped base: the files change by the inserted lines only, the base is
// valid, and the twinning is there with the partner's country.
func TestAdderRoundTrip(t *testing.T) {
	fsys := yamlkbtest.ShippedFiles(t)
	ad, err := yamlkb.NewAdder(fsys)
	if err != nil {
		t.Fatal(err)
	}
	steps := []func() (yamlkb.Added, error){
		func() (yamlkb.Added, error) {
			return ad.AddSource(domain.Source{ID: "toulouse-test", Title: "Partnerschaft: Düsseldorf und Toulouse", Publisher: "Test", URL: "https://example.org/toulouse", Published: date(t, "2024-05")})
		},
		func() (yamlkb.Added, error) {
			return ad.AddPlace(domain.Place{ID: "toulouse", Name: "Toulouse", Aliases: []string{"Tolosa"}, Kind: "Stadt", Country: "Frankreich"})
		},
		func() (yamlkb.Added, error) {
			return ad.AddPartnership(domain.Partnership{Place: "duesseldorf", Partner: "toulouse", Since: date(t, "2003"), Kind: "Freundschaft", Note: "Städtefreundschaft: seit 2003", Source: "toulouse-test",
				Facts: []domain.Fact{{Text: "Eine andere Quelle nennt 2004.", Stand: date(t, "2010"), Source: "toulouse-test"}}})
		},
	}
	var where []yamlkb.Added
	for i, step := range steps {
		a, err := step()
		if err != nil {
			t.Fatalf("step %d: %v", i+1, err)
		}
		where = append(where, a)
	}
	for name, data := range ad.Files() {
		added := onlyInserted(t, name, fsys[name].Data, data)
		if len(added) == 0 {
			t.Errorf("%s: nothing inserted", name)
		}
	}
	base, rep, err := ad.Check(yamlkb.Options{})
	if err != nil {
		t.Fatalf("base with the additions: %v", err)
	}
	if len(rep.Warnings) != 0 {
		t.Errorf("warnings: %v", rep.Warnings)
	}
	var got *domain.Partnership
	for _, p := range base.PartnershipsOf("duesseldorf") {
		if p.Partner == "toulouse" {
			got = &p
		}
	}
	if got == nil || got.Country != "Frankreich" || got.Kind != "Freundschaft" || got.Since.Year != 2003 || got.Note != "Städtefreundschaft: seit 2003" || len(got.Facts) != 1 {
		t.Fatalf("Düsseldorf–Toulouse = %+v, want the added twinning with the partner's country", got)
	}
	// The twinning follows Düsseldorf's others; its lines start where Added says.
	lines := strings.Split(string(ad.Files()[yamlkb.PartnershipsFile]), "\n")
	if l, prev := lines[where[2].Line-1], lines[where[2].Line-2]; l != "  - place: duesseldorf" || !strings.Contains(prev, "source: supertipp-online-duesseldorf") {
		t.Errorf("twinning at %v: %q after %q, want it after Düsseldorf's twinnings (Czernowitz)", where[2], l, prev)
	}
	if next := lines[where[2].Line-1+10]; next != "  - place: duisburg" {
		t.Errorf("after the twinning: %q, want Duisburg's first", next)
	}
	if !strings.Contains(string(ad.Files()[yamlkb.PartnershipsFile]), "    note: 'Städtefreundschaft: seit 2003'\n") {
		t.Errorf("a note with \": \" is not quoted")
	}
	if base.Place("toulouse").Country != "Frankreich" || base.Source("toulouse-test").Published.ISO() != "2024-05" {
		t.Errorf("place or source not read back: %+v %+v", base.Place("toulouse"), base.Source("toulouse-test"))
	}
}

// TestAdderPlaces: places go in id order; facts go to a curated place's
// entry, or to a generated place's additions under "nrw:", created in id
// order where missing; members to an empty list.
func TestAdderPlaces(t *testing.T) {
	fsys := yamlkbtest.ShippedFiles(t)
	ad, err := yamlkb.NewAdder(fsys)
	if err != nil {
		t.Fatal(err)
	}
	fact := domain.Fact{Text: "Ein Satz.", Source: "seed"}
	if _, err := ad.AddPlaceFact("bad-berleburg", fact); err != nil { // generated, no additions yet
		t.Fatal(err)
	}
	if _, err := ad.AddPlaceFact("lage", fact); err != nil { // generated, additions without facts
		t.Fatal(err)
	}
	if _, err := ad.AddPlaceFact("aachen", fact); err != nil { // generated, additions with facts
		t.Fatal(err)
	}
	if _, err := ad.AddPlaceFact("reims", fact); err != nil { // curated
		t.Fatal(err)
	}
	if _, err := ad.AddMember("staedtepartnerschaften-nrw", domain.Membership{Place: "dortmund", Role: "Sitz", Source: "seed"}); err != nil { // members: []
		t.Fatal(err)
	}
	if _, err := ad.AddNetworkFact("regiopole", domain.Fact{Text: "Noch ein Satz.", Date: date(t, "2026-01-02"), Source: "seed", Topic: "event"}); err != nil {
		t.Fatal(err)
	}
	for name, data := range ad.Files() {
		// "members: []" becomes "members:" with the member below.
		old := strings.Replace(string(fsys[name].Data), "\nmembers: []\n", "\nmembers:\n", 1)
		onlyInserted(t, name, []byte(old), data)
	}
	base, _, err := ad.Check(yamlkb.Options{})
	if err != nil {
		t.Fatalf("base with the additions: %v", err)
	}
	for _, id := range []string{"bad-berleburg", "lage", "aachen", "reims"} {
		pl := base.Place(id)
		if pl == nil || pl.Facts[len(pl.Facts)-1].Text != "Ein Satz." {
			t.Errorf("Place(%q).Facts = %+v, want the added fact last", id, pl.Facts)
		}
	}
	if !base.Place("lage").Everyday {
		t.Errorf("lage lost everyday: true")
	}
	places := string(ad.Files()[yamlkb.PlacesFile])
	if i, j := strings.Index(places, "  - id: bad-berleburg\n    facts:\n      - text: Ein Satz.\n"), strings.Index(places, "  - id: bedburg\n"); i < 0 || j < 0 || i > j {
		t.Errorf("the additions to bad-berleburg are not before bedburg's:\n%s", places[max(0, i-200):max(0, i)+200])
	}
	if m := base.Network("staedtepartnerschaften-nrw").Members; len(m) != 1 || m[0].Place != "dortmund" {
		t.Errorf("members = %+v, want Dortmund", m)
	}
	rp := base.Network("regiopole")
	if f := rp.Facts[len(rp.Facts)-1]; f.Text != "Noch ein Satz." || f.Date.ISO() != "2026-01-02" || f.Topic != "event" {
		t.Errorf("RegioPole's last fact = %+v", f)
	}
}

// TestAdderRefuses: what exists is not added twice, and a broken base is
// not edited.
func TestAdderRefuses(t *testing.T) {
	ad, err := yamlkb.NewAdder(yamlkbtest.ShippedFiles(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		add  func() (yamlkb.Added, error)
		want string
	}{
		{"twinning", func() (yamlkb.Added, error) {
			return ad.AddPartnership(domain.Partnership{Place: "duesseldorf", Partner: "moskau", Source: "seed"})
		}, "duesseldorf–moskau is in partnerships.yaml already"},
		{"member", func() (yamlkb.Added, error) {
			return ad.AddMember("regiopole", domain.Membership{Place: "bielefeld", Source: "seed"})
		}, "bielefeld is a member of regiopole already"},
		{"network", func() (yamlkb.Added, error) { return ad.AddMember("regiopol", domain.Membership{Place: "bielefeld"}) }, `no network "regiopol"`},
		{"place", func() (yamlkb.Added, error) { return ad.AddPlace(domain.Place{ID: "reims", Name: "Reims"}) }, `place "reims" exists already`},
		{"source", func() (yamlkb.Added, error) {
			return ad.AddSource(domain.Source{ID: "neu", URL: "https://staedtepartnerschaftennrw.org/staedtenetzwerke-sonstige/"})
		}, `the address is source "seed" already`},
	} {
		if _, err := tt.add(); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
	broken := yamlkbtest.ShippedFiles(t)
	broken["sources.yaml"] = &fstest.MapFile{Data: []byte("sources:\n  - id: x\n")}
	if _, err := yamlkb.NewAdder(broken); err == nil {
		t.Errorf("NewAdder(broken base) = nil error, want its problems")
	}
}
