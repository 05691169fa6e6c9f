package blocks

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/slack-go/slack"
)

var src = &domain.Source{ID: "es-2024", Title: "Engagierte Stadt: Netzwerk", URL: "https://www.engagiertestadt.de/netzwerk/?a=1&b=2", Publisher: "Engagierte Stadt"}

func bigAnswer(members, facts, links int, leadLen int) domain.Answer {
	a := domain.Answer{
		Query: "Welche Städte sind Engagierte Stadt?", Found: true, Kind: domain.KindMembers,
		Title: "Engagierte Stadt", Lead: strings.Repeat("Lead & mehr <b> ", leadLen/16+1)[:leadLen],
		Suggestions: []string{"Ist Lemgo eine Engagierte Stadt?", "Wie viele Engagierte Städte gibt es?"},
	}
	for i := range facts {
		a.Facts = append(a.Facts, domain.AnswerFact{Text: fmt.Sprintf("Fakt %d: %s", i, strings.Repeat("x", 300)),
			Stand: domain.Date{Year: 2024, Month: 3}, Source: src})
	}
	var items []domain.ListItem
	for i := range members {
		items = append(items, domain.ListItem{Name: fmt.Sprintf("Stadt-%03d", i), Detail: "seit 2022", Source: src})
	}
	a.Lists = []domain.List{{Title: "Mitglieder", Items: items, Note: "Stand 2024"}}
	for i := range links {
		a.Links = append(a.Links, domain.Link{Title: fmt.Sprintf("Website %d", i), URL: fmt.Sprintf("https://example.org/%d", i)})
	}
	return a
}

// texts returns every string in the blocks' JSON.
func texts(t *testing.T, bs []slack.Block) []string {
	t.Helper()
	raw, err := json.Marshal(slack.Blocks{BlockSet: bs})
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	var out []string
	walkStrings(v, "", func(key, s string) {
		if key != "value" {
			out = append(out, s)
		}
	})
	return out
}

func buttons(t *testing.T, m Message, actionID string) []string {
	t.Helper()
	var vals []string
	for _, b := range m.Blocks {
		ab, ok := b.(*slack.ActionBlock)
		if !ok {
			continue
		}
		for _, e := range ab.Elements.ElementSet {
			if btn, ok := e.(*slack.ButtonBlockElement); ok && btn.ActionID == actionID {
				vals = append(vals, btn.Value)
			}
		}
	}
	return vals
}

func TestAnswerWithinLimits(t *testing.T) {
	tests := []struct {
		name                     string
		members, facts, links, n int
	}{
		{"small", 5, 2, 1, 100},
		{"long list", 1000, 3, 2, 200},
		{"many facts", 10, 200, 3, 200},
		{"long lead", 50, 0, 0, 20000},
		{"everything", 5000, 500, 40, 50000},
	}
	for _, tt := range tests {
		for _, opt := range []Options{{}, {Share: true, Feedback: true}, {Feedback: true, SharedBy: "U123"}} {
			m := Answer(bigAnswer(tt.members, tt.facts, tt.links, tt.n), opt)
			if err := Check(m); err != nil {
				t.Errorf("%s %+v: Check: %v", tt.name, opt, err)
			}
			if len(m.Blocks) > MaxBlocks {
				t.Errorf("%s: %d blocks", tt.name, len(m.Blocks))
			}
			// The buttons under the answer survive any cut.
			if opt.Feedback && len(buttons(t, m, ActionFeedbackUp)) != 1 {
				t.Errorf("%s %+v: no feedback button", tt.name, opt)
			}
			if opt.Share && len(buttons(t, m, ActionShare)) != 1 {
				t.Errorf("%s %+v: no share button", tt.name, opt)
			}
		}
	}
}

func TestLongListIsCutWithMoreButton(t *testing.T) {
	a := bigAnswer(500, 1, 1, 50)
	m := Answer(a, Options{Feedback: true})
	more := buttons(t, m, ActionMore)
	if len(more) != 1 {
		t.Fatalf("Answer: %d more buttons, want 1", len(more))
	}
	// Following "Mehr anzeigen" shows every member exactly once.
	seen := map[string]int{}
	count := func(m Message) {
		for _, s := range texts(t, m.Blocks) {
			for _, part := range strings.Split(s, " · ") {
				if i := strings.Index(part, "Stadt-"); i >= 0 {
					seen[part[i:i+9]]++
				}
			}
		}
	}
	count(m)
	for steps := 0; len(more) > 0; steps++ {
		if steps > 100 {
			t.Fatal("more chain does not end")
		}
		ref, err := DecodeMoreRef(more[0])
		if err != nil {
			t.Fatal(err)
		}
		if ref.Question != a.Query || ref.List != 0 {
			t.Fatalf("ref = %+v", ref)
		}
		next := More(a, ref)
		if err := Check(next); err != nil {
			t.Fatalf("More(%+v): %v", ref, err)
		}
		count(next)
		more = buttons(t, next, ActionMore)
	}
	if len(seen) != 500 {
		t.Errorf("saw %d members, want 500", len(seen))
	}
	for k, n := range seen {
		if n != 1 {
			t.Errorf("%s shown %d times", k, n)
		}
	}
}

// TestEscapesUserText: user text can neither ping nor disguise a link; a URL
// in it becomes a link labelled with its own host, as Slack shows URLs.
func TestEscapesUserText(t *testing.T) {
	evil := "<!channel> <!here|here> <!everyone> <@U123> <https://evil.example|klick> & Co"
	a := domain.Answer{Query: evil, Title: evil, Lead: "Keine Antwort zu „" + evil + "“.",
		Facts:       []domain.AnswerFact{{Text: evil, Source: &domain.Source{ID: "x", Title: evil, URL: "javascript:alert(1)"}}},
		Lists:       []domain.List{{Title: evil, Items: []domain.ListItem{{Name: evil, Detail: evil}}, Note: evil}},
		Links:       []domain.Link{{Title: evil, URL: "https://ok.example/<!channel>"}, {Title: evil, URL: "https://ok.example/"}},
		Suggestions: []string{evil}}
	for _, m := range []Message{Answer(a, Options{Share: true, Feedback: true}), More(a, MoreRef{Question: evil}), Notice(evil)} {
		if err := Check(m); err != nil {
			t.Errorf("Check: %v", err)
		}
		all := append(texts(t, m.Blocks), m.Text)
		for _, s := range all {
			if strings.Contains(s, "<!") || strings.Contains(s, "<@U123>") || strings.Contains(s, "|klick>") || strings.Contains(s, "javascript:") && strings.Contains(s, "<javascript") {
				t.Errorf("unescaped text: %q", s)
			}
		}
		if !strings.Contains(strings.Join(all, "\n"), "&lt;!channel&gt;") {
			t.Errorf("escaped <!channel> not shown: %q", all)
		}
	}
}

// Facts cite their source by number, as the plain text does; the sources
// follow once, numbered.
func TestFactsShowStandAndSource(t *testing.T) {
	a := domain.Answer{Query: "q", Title: "T", Found: true, Facts: []domain.AnswerFact{
		{Text: "113 Engagierte Städte", Stand: domain.Date{Year: 2024, Month: 6}, Source: src},
		{Text: "über 100", Stand: domain.Date{Year: 2021}, Source: src, Older: true},
	}}
	m := Answer(a, Options{})
	got := strings.Join(texts(t, m.Blocks), "\n")
	for _, want := range []string{"113 Engagierte Städte", "Stand Juni 2024", "Quellen: [1] <https://www.engagiertestadt.de/netzwerk/?a=1&amp;b=2|Engagierte Stadt: Netzwerk>", "über 100 _(Stand 2021)_ [1]"} {
		if !strings.Contains(got, want) {
			t.Errorf("Answer blocks lack %q:\n%s", want, got)
		}
	}
}

func TestWebsiteButtons(t *testing.T) {
	a := domain.Answer{Query: "q", Title: "T", Links: []domain.Link{{Title: "RegioPole", URL: "https://regiopole.de"}, {Title: "kaputt", URL: "ftp://x"}}}
	m := Answer(a, Options{})
	var urls []string
	for _, b := range m.Blocks {
		if ab, ok := b.(*slack.ActionBlock); ok {
			for _, e := range ab.Elements.ElementSet {
				if btn, ok := e.(*slack.ButtonBlockElement); ok && btn.URL != "" {
					urls = append(urls, btn.URL)
				}
			}
		}
	}
	if strings.Join(urls, " ") != "https://regiopole.de" {
		t.Errorf("link buttons = %q, want only the https one", urls)
	}
}

// testCommands stand in for the engine's table of question kinds.
var testCommands = []domain.Command{
	{What: "Ein Ort: seine Netzwerke", Examples: []string{"Bielefeld", "Gütersloh"}},
	{What: "Zahlen <und> Daten", Examples: []string{"Wie viele Engagierte Städte gibt es?"}},
}

func TestHelpFromCommands(t *testing.T) {
	m := Help("/engagiert", testCommands)
	if err := Check(m); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(texts(t, m.Blocks), "\n")
	for _, c := range testCommands {
		if !strings.Contains(got, Escape(c.What)) {
			t.Errorf("help lacks %q", c.What)
		}
		for _, e := range c.Examples {
			if !strings.Contains(got, "/engagiert "+Escape(e)) {
				t.Errorf("help lacks example %q", e)
			}
		}
	}
}

func TestHome(t *testing.T) {
	base := domain.NewBase([]domain.Network{
		{ID: "es", Name: "Engagierte Stadt", Kind: "Netzwerkprogramm", Scope: "bundesweit", Website: "https://www.engagiertestadt.de",
			Description: domain.Fact{Text: "Ein Netzwerk <für> Engagement & Beteiligung."},
			Counts:      []domain.Count{{Value: "113", Stand: domain.Date{Year: 2024}}}},
		{ID: "rp", Name: "RegioPole-Netzwerk", Members: []domain.Membership{{Place: "bielefeld"}}},
	}, []domain.Place{{ID: "bielefeld", Name: "Bielefeld"}}, nil, "v1")
	v := Home(base, "/engagiert", testCommands)
	if err := CheckView(v); err != nil {
		t.Fatal(err)
	}
	if v.Type != slack.VTHomeTab {
		t.Errorf("view type %q", v.Type)
	}
	got := strings.Join(texts(t, v.Blocks.BlockSet), "\n")
	for _, want := range []string{"Engagierte Stadt", "RegioPole-Netzwerk", "Mitglieder: 113 (Stand 2024)", "&lt;für&gt;", testCommands[0].Examples[0]} {
		if !strings.Contains(got, want) {
			t.Errorf("home lacks %q", want)
		}
	}
	if err := CheckView(Home(nil, "", nil)); err != nil {
		t.Errorf("Home(nil): %v", err)
	}
}

func TestCutKeepsEntities(t *testing.T) {
	for n := 1; n < 20; n++ {
		got := cut(Escape("a&b<c>d&&&e"), n)
		if chars(got) > n {
			t.Errorf("cut(%d) = %q, too long", n, got)
		}
		if i := strings.LastIndex(got, "&"); i >= 0 && !strings.Contains(got[i:], ";") {
			t.Errorf("cut(%d) = %q splits an entity", n, got)
		}
	}
}

// FuzzRender renders answers built from arbitrary text: nothing may panic,
// break Slack's limits or ping anyone. `go test` runs the seeds.
func FuzzRender(f *testing.F) {
	for _, s := range []string{"", "Bielefeld", "<!channel>", "&amp;&lt;", strings.Repeat("ä", 5000),
		"\x00\xff\xfe", "https://x.example|<>", "*fett* _kursiv_ ~weg~ `code`", strings.Repeat("a · b, ", 3000)} {
		f.Add(s, 3)
	}
	f.Fuzz(fuzzOne)
}

func fuzzOne(t *testing.T, text string, n int) {
	{
		n = max(0, min(n, 120))
		a := domain.Answer{Query: text, Found: n%2 == 0, Title: text, Lead: text,
			Facts:       []domain.AnswerFact{{Text: text, Source: &domain.Source{ID: text, Title: text, URL: text}}},
			Links:       []domain.Link{{Title: text, URL: text}, {Title: text, URL: "https://example.org/" + text}},
			Suggestions: []string{text, text}}
		var items []domain.ListItem
		for i := range n {
			items = append(items, domain.ListItem{Name: text + fmt.Sprint(i), Detail: text})
		}
		a.Lists = []domain.List{{Title: text, Items: items, Partial: true, Note: text}}
		for _, m := range []Message{Answer(a, Options{Share: true, Feedback: true}), More(a, MoreRef{Question: text, Offset: n / 2})} {
			if err := Check(m); err != nil {
				t.Fatalf("Check: %v", err)
			}
		}
	}
}
