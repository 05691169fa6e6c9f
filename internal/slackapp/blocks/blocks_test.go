package blocks_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/domain/domaintest"
	"github.com/engagiert/engagiert/internal/slackapp/blocks"
	"github.com/engagiert/engagiert/internal/slackapp/blocks/blockstest"
	"github.com/slack-go/slack"
)

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
	blocks.WalkStrings(v, func(key, s string) {
		if key != "value" {
			out = append(out, s)
		}
	})
	return out
}

func buttons(t *testing.T, m blocks.Message, actionID string) []string {
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
		for _, opt := range []blocks.Options{{}, {Share: true, Feedback: true}, {Feedback: true, SharedBy: "U123"}} {
			m := blocks.Answer(blocks.BigAnswer(tt.members, tt.facts, tt.links, tt.n), opt)
			if err := blockstest.Check(m); err != nil {
				t.Errorf("%s %+v: Check: %v", tt.name, opt, err)
			}
			if len(m.Blocks) > blocks.MaxBlocks {
				t.Errorf("%s: %d blocks", tt.name, len(m.Blocks))
			}
			// The buttons under the answer survive any cut.
			if opt.Feedback && len(buttons(t, m, blocks.ActionFeedbackUp)) != 1 {
				t.Errorf("%s %+v: no feedback button", tt.name, opt)
			}
			if opt.Share && len(buttons(t, m, blocks.ActionShare)) != 1 {
				t.Errorf("%s %+v: no share button", tt.name, opt)
			}
		}
	}
}

func TestLongListIsCutWithMoreButton(t *testing.T) {
	a := blocks.BigAnswer(500, 1, 1, 50)
	m := blocks.Answer(a, blocks.Options{Feedback: true})
	more := buttons(t, m, blocks.ActionMore)
	if len(more) != 1 {
		t.Fatalf("Answer: %d more buttons, want 1", len(more))
	}
	// Following "Mehr anzeigen" shows every member exactly once.
	seen := map[string]int{}
	count := func(m blocks.Message) {
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
		ref, err := blocks.DecodeMoreRef(more[0])
		if err != nil {
			t.Fatal(err)
		}
		if ref.Question != a.Query || ref.List != 0 {
			t.Fatalf("ref = %+v", ref)
		}
		next := blocks.More(a, ref)
		if err := blockstest.Check(next); err != nil {
			t.Fatalf("More(%+v): %v", ref, err)
		}
		count(next)
		more = buttons(t, next, blocks.ActionMore)
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
	for _, m := range []blocks.Message{blocks.Answer(a, blocks.Options{Share: true, Feedback: true}), blocks.More(a, blocks.MoreRef{Question: evil}), blocks.Notice(evil)} {
		if err := blockstest.Check(m); err != nil {
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
		{Text: "113 Engagierte Städte", Stand: domain.Date{Year: 2024, Month: 6}, Source: blocks.Src},
		{Text: "über 100", Stand: domain.Date{Year: 2021}, Source: blocks.Src, Older: true},
	}}
	m := blocks.Answer(a, blocks.Options{})
	got := strings.Join(texts(t, m.Blocks), "\n")
	for _, want := range []string{"113 Engagierte Städte", "Stand Juni 2024", "Quellen: [1] <https://www.engagiertestadt.de/netzwerk/?a=1&amp;b=2|Engagierte Stadt: Netzwerk>", "über 100 _(Stand 2021)_ [1]"} {
		if !strings.Contains(got, want) {
			t.Errorf("Answer blocks lack %q:\n%s", want, got)
		}
	}
}

func TestWebsiteButtons(t *testing.T) {
	a := domain.Answer{Query: "q", Title: "T", Links: []domain.Link{{Title: "RegioPole", URL: "https://regiopole.de"}, {Title: "kaputt", URL: "ftp://x"}}}
	m := blocks.Answer(a, blocks.Options{})
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

// blocks.TestCommands stand in for the engine's table of question kinds.

func TestHelpFromCommands(t *testing.T) {
	m := blocks.HelpFor("/engagiert", blocks.HelpSlash, blocks.TestCommands)
	if err := blockstest.Check(m); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(texts(t, m.Blocks), "\n")
	for _, c := range blocks.TestCommands {
		if !strings.Contains(got, blocks.Escape(c.What)) {
			t.Errorf("help lacks %q", c.What)
		}
		for _, e := range c.Examples {
			if !strings.Contains(got, "/engagiert "+blocks.Escape(e)) {
				t.Errorf("help lacks example %q", e)
			}
		}
	}
}

func TestHome(t *testing.T) {
	base := domaintest.NewBase([]domain.Network{
		{ID: "es", Name: "Engagierte Stadt", Kind: "Netzwerkprogramm", Scope: "bundesweit", Website: "https://www.engagiertestadt.de",
			Description: domain.Fact{Text: "Ein Netzwerk <für> Engagement & Beteiligung."},
			Counts:      []domain.Count{{Value: "113", Stand: domain.Date{Year: 2024}}}},
		{ID: "rp", Name: "RegioPole-Netzwerk", Members: []domain.Membership{{Place: "bielefeld"}}},
	}, []domain.Place{{ID: "bielefeld", Name: "Bielefeld"}}, nil, "v1")
	v := blocks.Home(base, "/engagiert", blocks.TestCommands)
	if err := blockstest.CheckView(v); err != nil {
		t.Fatal(err)
	}
	if v.Type != slack.VTHomeTab {
		t.Errorf("view type %q", v.Type)
	}
	got := strings.Join(texts(t, v.Blocks.BlockSet), "\n")
	for _, want := range []string{"Engagierte Stadt", "RegioPole-Netzwerk", "Mitglieder: 113 (Stand 2024)", "&lt;für&gt;", blocks.TestCommands[0].Examples[0]} {
		if !strings.Contains(got, want) {
			t.Errorf("home lacks %q", want)
		}
	}
	if err := blockstest.CheckView(blocks.Home(nil, "", nil)); err != nil {
		t.Errorf("Home(nil): %v", err)
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
		for _, m := range []blocks.Message{blocks.Answer(a, blocks.Options{Share: true, Feedback: true}), blocks.More(a, blocks.MoreRef{Question: text, Offset: n / 2})} {
			if err := blockstest.Check(m); err != nil {
				t.Fatalf("Check: %v", err)
			}
		}
	}
}

// Answers never show a bare URL, wherever the engine put one.
func TestAnswerLinksAreLabelled(t *testing.T) {
	a := domain.Answer{Query: "RegioPole Website", Found: true, Title: "RegioPole",
		Lead:  "Website: https://www.regiopole.de/deutschland/deutsches-regiopole-netzwerk/",
		Facts: []domain.AnswerFact{{Text: "Mehr unter https://www.regiopole.de/presse", Source: blocks.Src}}}
	m := blocks.Answer(a, blocks.Options{})
	if err := blockstest.Check(m); err != nil {
		t.Errorf("Check: %v", err)
	}
	if blockstest.HasBareURL(m.Text) {
		t.Errorf("fallback %q shows a bare URL", m.Text)
	}
	if !strings.Contains(texts(t, m.Blocks)[1], "<https://www.regiopole.de/deutschland/deutsches-regiopole-netzwerk/|regiopole.de>") {
		t.Errorf("lead %q, want the website as a labelled link", texts(t, m.Blocks)[1])
	}
}

func TestCard(t *testing.T) {
	n := domain.Network{Name: "Deutsches RegioPole-Netzwerk", ShortName: "RegioPole-Netzwerk",
		Description: domain.Fact{Text: "Ein Netzwerk von Regiopolen. Es wurde 2016 gegründet."},
		Counts:      []domain.Count{{Value: "6", Text: "Gründungsstädte"}, {Value: "9", Text: "Städte", Stand: domain.Date{Year: 2025}}}}
	m := blocks.Message{Text: "x", Blocks: blocks.Card(n, "/engagiert")}
	if err := blockstest.Check(m); err != nil {
		t.Errorf("Check(Card) = %v", err)
	}
	all := strings.Join(texts(t, m.Blocks), "\n")
	for _, want := range []string{"*Deutsches RegioPole-Netzwerk*", "Ein Netzwerk von Regiopolen.", "Größe: 9 Städte (Stand 2025)", "`/engagiert RegioPole-Netzwerk`"} {
		if !strings.Contains(all, want) {
			t.Errorf("card %q lacks %q", all, want)
		}
	}
	if strings.Contains(all, "2016 gegründet") {
		t.Errorf("card %q: want one line of what it is", all)
	}
}

// TestRenderingSpeaksTheAnswersLanguage: what the rendering adds around an
// answer (sources, dates, partial lists, the rest of a list, the "more"
// button, suggestions) is English for an English question and German for
// a German one, on the first page and on the next.
func TestRenderingSpeaksTheAnswersLanguage(t *testing.T) {
	for _, tt := range []struct {
		english   bool
		want, not []string
	}{
		{false, []string{"Quellen: ", "Stand März 2024", "– u. a.", "weitere", "Mehr anzeigen", "Frag zum Beispiel", "(Fortsetzung)"},
			[]string{"Sources: ", "as of", "incl.", " more", "Show more", "Try for example", "(continued)"}},
		{true, []string{"Sources: ", "as of March 2024", "– incl.", " more", "Show more", "Try for example", "(continued)"},
			[]string{"Quellen", "Stand ", "u. a.", "weitere", "Mehr anzeigen", "Frag zum Beispiel", "Fortsetzung"}},
	} {
		a := blocks.BigAnswer(500, 1, 0, 50)
		a.English = tt.english
		a.Lists[0].Partial, a.Lists[0].Note = true, ""
		first := blocks.Answer(a, blocks.Options{})
		more := buttons(t, first, blocks.ActionMore)
		if len(more) != 1 {
			t.Fatalf("english=%v: %d more buttons, want 1", tt.english, len(more))
		}
		ref, err := blocks.DecodeMoreRef(more[0])
		if err != nil {
			t.Fatal(err)
		}
		var all strings.Builder
		for _, m := range []blocks.Message{first, blocks.More(a, ref)} {
			js, err := json.Marshal(m.Blocks)
			if err != nil {
				t.Fatal(err)
			}
			all.Write(js)
		}
		for _, w := range tt.want {
			if !strings.Contains(all.String(), w) {
				t.Errorf("english=%v: the blocks lack %q", tt.english, w)
			}
		}
		for _, w := range tt.not {
			if strings.Contains(all.String(), w) {
				t.Errorf("english=%v: the blocks say %q", tt.english, w)
			}
		}
	}
}
