package blocks

import (
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
