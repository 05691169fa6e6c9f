package answer_test

import (
	"context"
	"strings"
	"testing"

	"github.com/engagiert/engagiert/internal/answer"
	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/search"
	"github.com/engagiert/engagiert/internal/yamlkb/yamlkbtest"
)

func d(y, m int) domain.Date { return domain.NewDate(y, m, 0) }

// fixture is a small invented base, so these tests check the engine's rules
// rather than the shipped content (which cmd/engagiert/testdata/eval covers).
func fixture(t *testing.T) *answer.Engine {
	t.Helper()
	places := []domain.Place{
		{ID: "altstadt", Name: "Altstadt", Kind: "Stadt", State: "Nordrhein-Westfalen"},
		{ID: "bergdorf", Name: "Bergdorf", Kind: "Gemeinde", State: "Bayern"},
		{ID: "flusshausen", Name: "Flusshausen", Kind: "Stadt", State: "Nordrhein-Westfalen"},
		{ID: "kreis-wald", Name: "Kreis Wald", Kind: "Kreis", State: "Hessen"},
	}
	sources := []domain.Source{{ID: "a", URL: "https://a.example/"}, {ID: "b", URL: "https://b.example/neu"}}
	networks := []domain.Network{{
		ID: "bund", Name: "Bundesnetz Bürgersinn", Aliases: []string{"Bürgersinn"}, Website: "https://bund.example/",
		Description: domain.Fact{Text: "Ein Netzwerk für Bürgersinn in Städten.", Source: "a"},
		Goals:       []domain.Fact{{Text: "Mehr Ehrenamt in jeder Gemeinde.", Source: "a"}},
		Founded:     domain.Founding{Date: domain.Date{Year: 2010}, Place: "Rathaus Altstadt", Text: "Gegründet 2010 im Rathaus Altstadt.", Source: "a"},
		Counts: []domain.Count{
			{Value: "40", Text: "Mitglieder", Stand: d(2020, 1), Source: "a"},
			{Value: "45", Text: "Mitglieder", Stand: d(2023, 5), Source: "b"},
		},
		Facts: []domain.Fact{
			{Text: "Das Jahrestreffen fand 2023 in Bergdorf statt.", Stand: d(2023, 9), Source: "b"},
			{Text: "Im März 2024 wurde ein Sommerfest angekündigt; dass es stattfand, nennen die gelesenen Quellen nicht.", Source: "b", Topic: "event"},
			{Text: "Aufnehmen lassen können sich Städte mit einem Ehrenamtsbüro.", Source: "b", Topic: "join"},
		},
		Members: []domain.Membership{
			{Place: "altstadt", Since: domain.Date{Year: 2010}, Role: "Gründungsmitglied", Source: "a"},
			{Place: "bergdorf", Since: d(2023, 5), Source: "b"},
			{Place: "flusshausen", Since: d(2023, 5), Source: "b"},
		},
	}, {
		ID: "land", Name: "Landesring Ehrenamt", Aliases: []string{"Landesring"}, Website: "https://land.example/",
		Description: domain.Fact{Text: "Kommunen im Land tauschen sich aus.", Source: "a"},
		Counts:      []domain.Count{{Value: "12", Text: "Kommunen, in denen 2 Millionen Menschen leben", Stand: d(2022, 3), Source: "a"}},
		Members:     []domain.Membership{{Place: "altstadt", Since: domain.Date{Year: 2015}, Source: "a"}, {Place: "kreis-wald", Source: "a"}},
	}}
	base := domain.NewBaseParts(domain.Parts{Networks: networks, Places: places, Sources: sources, Lexicon: shippedLexicon(t), Version: "fixture"})
	ix, err := search.Build(base)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return answer.New(base, ix, nil)
}

// shippedLexicon is the lexicon the binary ships: invented bases are read
// with the real vocabulary.
func shippedLexicon(t testing.TB) *domain.Lexicon {
	t.Helper()
	return yamlkbtest.Shipped(t).Lexicon
}

func TestAsk(t *testing.T) {
	e := fixture(t)
	tests := []struct {
		q     string
		found bool
		kind  string
		all   []string // must appear in the plain text
		none  []string // must not
	}{
		// A place: every network, since when, in which role.
		{"Altstadt", true, domain.KindPlace, []string{"Bundesnetz Bürgersinn", "Gründungsmitglied", "2010", "Landesring Ehrenamt", "2015"}, []string{"Bergdorf"}},
		{"altstad", true, domain.KindPlace, []string{"Altstadt"}, nil},
		{"Kreis Wald", true, domain.KindPlace, []string{"Landesring Ehrenamt", "Beitrittsjahr nennen meine Quellen nicht"}, nil},
		// A network: what it is, goal, founding, counts, members, website.
		{"Bürgersinn", true, domain.KindNetwork, []string{"Ein Netzwerk für Bürgersinn", "2010", "45", "Altstadt", "https://bund.example/"}, nil},
		{"Was macht Bürgersinn?", true, domain.KindFacts, []string{"Ein Netzwerk für Bürgersinn", "Mehr Ehrenamt"}, nil},
		// Member lists, filtered by Bundesland and by year.
		{"Mitglieder Bürgersinn", true, domain.KindMembers, []string{"Altstadt", "Bergdorf", "Flusshausen"}, []string{"Kreis Wald"}},
		{"Welche Bürgersinn-Städte liegen in NRW?", true, domain.KindMembers, []string{"Altstadt", "Flusshausen"}, []string{"Bergdorf"}},
		{"Welche Städte kamen 2023 zum Bürgersinn dazu?", true, domain.KindMembers, []string{"Bergdorf", "Flusshausen"}, []string{"Altstadt"}},
		{"Welche Bürgersinn-Mitglieder kommen aus Hessen?", false, // a partial list: none known, not none
			domain.KindMembers, []string{"keine Mitglieder"}, []string{"Altstadt", "Bergdorf"}},
		// Counts: the newest leads, the older stays visible with its date.
		{"Wie viele Mitglieder hat Bürgersinn?", true, domain.KindFacts, []string{"45", "Stand Mai 2023", "Frühere Angaben: 40", "Stand Januar 2020"}, nil},
		// Dates and places.
		{"Seit wann gibt es den Landesring?", false, domain.KindNone, []string{"nennen meine Quellen nichts", "Kommunen im Land"}, nil},
		{"Wann wurde Bürgersinn gegründet?", true, domain.KindFacts, []string{"2010"}, nil},
		{"Wo wurde Bürgersinn gegründet?", true, domain.KindFacts, []string{"Rathaus Altstadt"}, nil},
		{"Wo fand das Jahrestreffen von Bürgersinn statt?", true, domain.KindFacts, []string{"Bergdorf", "Stand September 2023"}, nil},
		// A year nothing is said of: not found, what is known in one line.
		{"Wo fand das Jahrestreffen von Bürgersinn 2030 statt?", false, domain.KindFacts, []string{"Für 2030 nennen meine Quellen dazu nichts"}, []string{"2030 in"}},
		{"Seit wann ist Bergdorf bei Bürgersinn?", true, domain.KindMembership, []string{"Mai 2023"}, nil},
		// Yes/no, both ways, honest about incomplete lists.
		{"Ist Bergdorf bei Bürgersinn?", true, domain.KindMembership, []string{"Ja, Bergdorf ist Mitglied"}, nil},
		// Not listed where the list is partial: not known, said so.
		{"Ist Bergdorf im Landesring?", false, domain.KindMembership, []string{"nicht als Mitglied geführt", "nicht vollständig"}, []string{"Ja,"}},
		// Since when, of a place that is no member: no date to give.
		{"Seit wann ist Bergdorf im Landesring?", false, domain.KindMembership, []string{"nicht als Mitglied geführt"}, []string{"Ja,"}},
		{"Is Flusshausen part of Bürgersinn?", true, domain.KindMembership, []string{"Yes"}, nil},
		// An unknown place: not listed, and nothing else known of it.
		{"Ist Neustadt bei Bürgersinn?", false, domain.KindNone, []string{"Neustadt ist bei Bundesnetz Bürgersinn nicht als Mitglied geführt"}, []string{"Ja,", "Altstadt"}},
		{"Is Neustadt part of Bürgersinn?", false, domain.KindNone, []string{"No, Neustadt is not listed"}, []string{"Yes"}},
		// A city that is also a Bundesland is asked about as a city.
		{"Ist Hamburg bei Bürgersinn?", false, domain.KindNone, []string{"Hamburg ist bei Bundesnetz Bürgersinn nicht als Mitglied geführt"}, []string{"Ja,"}},
		// A place with a question the base cannot answer: said first.
		// Said in one line, with one line of what is known: no list stands in.
		{"Wie viele Einwohner hat Altstadt?", false, domain.KindPlace, []string{"Zur Einwohnerzahl von Altstadt nennen meine Quellen nichts", "Nordrhein-Westfalen"}, []string{"Bürgersinn"}},
		// A statement that says the sources do not tell when: shown, not found.
		{"Wann findet das Sommerfest von Bürgersinn statt?", false, domain.KindFacts, []string{"Sommerfest angekündigt"}, nil},
		{"Gibt es ein Sommerfest bei Bürgersinn?", true, domain.KindFacts, []string{"Sommerfest angekündigt"}, nil},
		// A network's population: a figure that says how many live there,
		// or one line that the sources say nothing.
		{"Wie viele Menschen leben in den Landesring-Kommunen?", true, domain.KindFacts, []string{"2 Millionen Menschen"}, []string{"nennen meine Quellen nichts"}},
		{"Wie viele Menschen leben in den Kommunen von Bürgersinn?", false, domain.KindNone, []string{"Zur Einwohnerzahl nennen meine Quellen nichts"}, []string{"45"}},
		{"Wo fand das Jahrestreffen in Bergdorf statt?", true, domain.KindFacts, []string{"Das Jahrestreffen fand 2023 in Bergdorf statt"}, []string{"nennen meine Quellen nichts"}},
		// Joining.
		{"Wie kann man bei Bürgersinn mitmachen?", true, domain.KindFacts, []string{"Ehrenamtsbüro"}, nil},
		// Across networks.
		{"Welche Orte sind in mehreren Netzwerken?", true, domain.KindCross, []string{"Altstadt"}, []string{"Bergdorf", "Flusshausen"}},
		{"Welche Orte sind sowohl im Bürgersinn als auch im Landesring?", true, domain.KindCross, []string{"Altstadt"}, []string{"Kreis Wald"}},
		// Overview and help.
		{"Welche Netzwerke kennst du?", true, domain.KindOverview, []string{"Bundesnetz Bürgersinn", "Landesring Ehrenamt"}, nil},
		{"Which networks do you know?", true, domain.KindOverview, []string{"Bundesnetz Bürgersinn", "Landesring Ehrenamt"}, nil},
		{"", true, domain.KindHelp, []string{"/engagiert"}, nil},
		{"hilfe", true, domain.KindHelp, []string{"/engagiert"}, nil},
		{"help", true, domain.KindHelp, []string{"/engagiert"}, nil},
		// Nothing known: say so, never an unrelated best match.
		{"Wie wird das Wetter morgen?", false, domain.KindNone, []string{"nichts"}, []string{"Altstadt", "Bürgersinn:"}},
		{"Hamburg", false, domain.KindNone, nil, []string{"Altstadt"}},
		{"Ist Hamburg in einem Netzwerk?", false, domain.KindNone, []string{"Aus Hamburg"}, []string{"Altstadt"}},
		{"Neustadt", false, domain.KindNone, nil, []string{"Altstadt"}},
		{"Pizza Rezept", false, domain.KindNone, nil, nil},
	}
	for _, tt := range tests {
		a := e.Ask(context.Background(), tt.q)
		text := a.PlainText()
		if a.Found != tt.found || a.Kind != tt.kind {
			t.Errorf("Ask(%q) = found %v kind %q, want found %v kind %q\n%s", tt.q, a.Found, a.Kind, tt.found, tt.kind, text)
			continue
		}
		for _, s := range tt.all {
			if !strings.Contains(text, s) {
				t.Errorf("Ask(%q) lacks %q\n%s", tt.q, s, text)
			}
		}
		for _, s := range tt.none {
			if strings.Contains(text, s) {
				t.Errorf("Ask(%q) says %q\n%s", tt.q, s, text)
			}
		}
		if a.Query != tt.q {
			t.Errorf("Ask(%q).Query = %q", tt.q, a.Query)
		}
	}
}

// Every fact of every answer carries its source; lists name theirs in the text.
func TestAnswersShowSources(t *testing.T) {
	e := fixture(t)
	for _, q := range []string{"Altstadt", "Bürgersinn", "Wie viele Mitglieder hat Bürgersinn?", "Ist Bergdorf bei Bürgersinn?"} {
		a := e.Ask(context.Background(), q)
		for _, f := range a.Facts {
			if f.Source == nil && !strings.Contains(f.Text, "keinem Netzwerk") {
				t.Errorf("Ask(%q): fact %q has no source", q, f.Text)
			}
		}
		if !strings.Contains(a.PlainText(), "https://") {
			t.Errorf("Ask(%q) shows no link:\n%s", q, a.PlainText())
		}
	}
}

func TestLongInputIsCut(t *testing.T) {
	e := fixture(t)
	a := e.Ask(context.Background(), strings.Repeat("Altstadt ", 5000))
	if !a.Found {
		t.Errorf("Ask(long) found nothing")
	}
	if got := e.Ask(context.Background(), "\xff\xfeAltstadt"); !got.Found {
		t.Errorf("Ask(invalid UTF-8 + Altstadt) found nothing")
	}
}

// panickySearcher panics on the nth question: a stand-in for any bug in
// the engine's own code, which Ask must turn into an apology.
type panickySearcher struct{ domain.Searcher }

func (p panickySearcher) Tokens(q string) []domain.Token {
	if strings.Contains(q, "boom") {
		panic("boom")
	}
	return p.Searcher.Tokens(q)
}

func TestAskRecoversFromPanic(t *testing.T) {
	base := domain.NewBaseParts(domain.Parts{Places: []domain.Place{{ID: "altstadt", Name: "Altstadt", Kind: "Stadt", State: "Bayern"}}, Lexicon: shippedLexicon(t)})
	ix, err := search.Build(base)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	e := answer.New(base, panickySearcher{ix}, nil)
	a := e.Ask(context.Background(), "boom Altstadt")
	if !a.Failed || !a.Panicked || a.Found || a.Lead == "" {
		t.Fatalf("Ask(boom) = %+v, want a failed, panicked apology", a)
	}
	if a := e.Ask(context.Background(), "Altstadt"); a.Failed || !a.Found {
		t.Fatalf("Ask(Altstadt) after a panic = %+v, want an answer", a)
	}
}

// TestAskHistoryOfNothing pins the question that once panicked (facts[0] of
// none): an attribute asked "bisher" with nothing stated about it.
func TestAskHistoryOfNothing(t *testing.T) {
	e := fixture(t)
	a := e.Ask(context.Background(), "Was hat Bürgersinn bisher gebracht?")
	if a.Failed || a.Found {
		t.Fatalf("Ask = %+v, want found=false without failing", a)
	}
}
