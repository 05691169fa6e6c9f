package blocks

import (
	"strings"
	"testing"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/slack-go/slack"
)

func TestLinkify(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Website: https://www.engagiertestadt.de.", "Website: <https://www.engagiertestadt.de|engagiertestadt.de>."},
		{"siehe https://x.example/a?b=1&amp;c=2)", "siehe <https://x.example/a?b=1&amp;c=2|x.example>)"},
		{"schon <https://x.example|verlinkt> und <@U123>", "schon <https://x.example|verlinkt> und <@U123>"},
		{"&lt;https://evil.example|klick&gt;", "&lt;<https://evil.example|evil.example>|klick&gt;"},
		{"gekürzt https://example.org/lang…", "gekürzt example.org…"},
		{"kein Link: https://", "kein Link: https://"},
		{"ohne URL", "ohne URL"},
	} {
		if got := linkify(tt.in); got != tt.want {
			t.Errorf("linkify(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Answers never show a bare URL, wherever the engine put one.
func TestAnswerLinksAreLabelled(t *testing.T) {
	a := domain.Answer{Query: "RegioPole Website", Found: true, Title: "RegioPole",
		Lead:  "Website: https://www.regiopole.de/deutschland/deutsches-regiopole-netzwerk/",
		Facts: []domain.AnswerFact{{Text: "Mehr unter https://www.regiopole.de/presse", Source: src}}}
	m := Answer(a, Options{})
	if err := Check(m); err != nil {
		t.Errorf("Check: %v", err)
	}
	if HasBareURL(m.Text) {
		t.Errorf("fallback %q shows a bare URL", m.Text)
	}
	if !strings.Contains(texts(t, m.Blocks)[1], "<https://www.regiopole.de/deutschland/deutsches-regiopole-netzwerk/|regiopole.de>") {
		t.Errorf("lead %q, want the website as a labelled link", texts(t, m.Blocks)[1])
	}
}

func TestCheckViewRules(t *testing.T) {
	answer := Answer(domain.Answer{Query: "Bielefeld", Found: true, Title: "Bielefeld", Lead: "Bielefeld ist dabei."}, Options{})
	if err := CheckModal(Modal(answer)); err != nil {
		t.Errorf("CheckModal(Modal) = %v", err)
	}
	if err := CheckView(Home(nil, "", nil)); err != nil {
		t.Errorf("CheckView(Home) = %v", err)
	}
	noSubmit := Modal(answer)
	noSubmit.Submit = nil
	tooLong := Modal(answer)
	tooLong.Title = plain("engagiert – Antworten mit Quelle")
	for name, v := range map[string]slack.ModalViewRequest{"no submit": noSubmit, "long title": tooLong} {
		if err := CheckModal(v); err == nil {
			t.Errorf("CheckModal(%s) = nil, want an error", name)
		}
	}
	home := Home(nil, "", nil)
	for _, b := range home.Blocks.BlockSet {
		if in, ok := b.(*slack.InputBlock); ok {
			in.DispatchAction = false
		}
	}
	if err := CheckView(home); err == nil {
		t.Error("CheckView(Home with an input that dispatches nothing) = nil, want an error")
	}
}

func TestPrompts(t *testing.T) {
	cmds := []domain.Command{{What: "Hilfe", Examples: []string{"hilfe"}}}
	if got := Prompts(cmds); len(got) != 0 {
		t.Errorf("Prompts(help only) = %v, want none", got)
	}
	for i := range 9 {
		cmds = append(cmds, domain.Command{What: "Art " + string(rune('A'+i)) + ": mit Zusatz", InHelp: true, Examples: []string{"Frage " + string(rune('A'+i)) + "?"}})
	}
	got := Prompts(cmds)
	if len(got) != MaxPrompts {
		t.Fatalf("Prompts = %v, want %d", got, MaxPrompts)
	}
	if got[0] != (slack.AssistantThreadsPrompt{Title: "Art A", Message: "Frage A?"}) || got[1].Message == got[0].Message {
		t.Errorf("Prompts = %v, want short titles and different examples", got)
	}
}

func TestCard(t *testing.T) {
	n := domain.Network{Name: "Deutsches RegioPole-Netzwerk", ShortName: "RegioPole-Netzwerk",
		Description: domain.Fact{Text: "Ein Netzwerk von Regiopolen. Es wurde 2016 gegründet."},
		Counts:      []domain.Count{{Value: "6", Text: "Gründungsstädte"}, {Value: "9", Text: "Städte", Stand: domain.Date{Year: 2025}}}}
	m := Message{Text: "x", Blocks: Card(n, "/engagiert")}
	if err := Check(m); err != nil {
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
