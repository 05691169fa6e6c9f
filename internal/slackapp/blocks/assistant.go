package blocks

import (
	"fmt"
	"strings"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/slack-go/slack"
)

// Limits of the AI-app split view and of a link card.
const (
	// MaxPrompts is the most suggested prompts Slack shows in an assistant
	// thread; MinPrompts the fewest engagiert offers.
	MaxPrompts = 4
	MinPrompts = 2
	// maxPromptTitle keeps a prompt's title to one short line.
	maxPromptTitle = 40
	// MaxThreadTitle bounds an assistant thread's title (its first question).
	MaxThreadTitle = 80
)

// Prompts are the suggested prompts of an assistant thread and of the
// manifest's assistant_view, drawn from the engine's kinds of question: up
// to MaxPrompts kinds shown in the short help, spread over the table, each
// with a short title and its first example as the message.
func Prompts(cmds []domain.Command) []slack.AssistantThreadsPrompt {
	var eligible []domain.Command
	for _, c := range cmds {
		if c.InHelp && len(c.Examples) > 0 && strings.TrimSpace(c.Examples[0]) != "" && strings.TrimSpace(c.What) != "" {
			eligible = append(eligible, c)
		}
	}
	n := min(MaxPrompts, len(eligible))
	out := make([]slack.AssistantThreadsPrompt, 0, n)
	for i := range n {
		c := eligible[i*len(eligible)/n]
		out = append(out, slack.AssistantThreadsPrompt{Title: promptTitle(c.What), Message: c.Examples[0]})
	}
	return out
}

// promptTitle is the head of a kind's description: "Ja/Nein" of "Ja/Nein:
// ist ein Ort Mitglied, …", "Vergleiche" of "Vergleiche: älter, …".
func promptTitle(what string) string {
	t := what
	if i := strings.IndexAny(t, ":,…"); i > 0 {
		t = t[:i]
	}
	return cutWords(strings.TrimSpace(t), maxPromptTitle)
}

// ThreadTitle is an assistant thread's title: its first question, on one line.
func ThreadTitle(question string) string {
	return cutWords(strings.Join(strings.Fields(question), " "), MaxThreadTitle)
}

// cutWords shortens plain text to at most max characters at a word boundary.
func cutWords(s string, max int) string {
	if chars(s) <= max {
		return s
	}
	r := []rune(s)[:max-1]
	if i := lastRune(r, ' '); i > max/2 {
		r = r[:i]
	}
	return strings.TrimRight(string(r), " ,;:-") + "…"
}

// Card is the link card (chat.unfurl) for a page of a network's website:
// its name, one line of what it is, its size, and how to ask about it.
// command is the slash command ("/engagiert").
func Card(n domain.Network, command string) []slack.Block {
	if command == "" {
		command = "/engagiert"
	}
	var b strings.Builder
	b.WriteString("*" + esc(n.Name, 150) + "*")
	if line := firstSentence(n.Description.Text); line != "" {
		b.WriteString("\n" + esc(line, 300))
	} else if about := strings.TrimSpace(strings.Join(nonEmpty(n.Kind, n.Scope), ", ")); about != "" {
		b.WriteString("\n" + esc(about, 200))
	}
	if size := networkSize(n); size != "" {
		b.WriteString("\n" + size)
	}
	name := n.ShortName
	if name == "" {
		name = n.Name
	}
	hint := "Frag mich: `" + esc(command, 40) + " " + esc(name, 100) + "` oder im Thread mit @engagiert, " +
		"zum Beispiel nach Mitgliedern, Gründung oder wie man mitmacht."
	return []slack.Block{section(b.String()), contextText(hint)}
}

// networkSize is the latest member figure with its date, or how many
// members the base knows by name.
func networkSize(n domain.Network) string {
	if len(n.Counts) > 0 {
		c := n.Counts[len(n.Counts)-1]
		s := "Größe: " + esc(c.Value, 40)
		if t := strings.TrimSpace(c.Text); t != "" {
			s += " " + esc(t, 100)
		}
		if !c.Stand.IsZero() {
			s += " (Stand " + c.Stand.String() + ")"
		}
		return s
	}
	members := 0
	for _, m := range n.Members {
		if m.Until.IsZero() {
			members++
		}
	}
	if members > 0 {
		return fmt.Sprintf("Mitglieder namentlich bekannt: %d", members)
	}
	return ""
}

// firstSentence is the first sentence of text, on one line.
func firstSentence(text string) string {
	t := strings.Join(strings.Fields(text), " ")
	for i, r := range t {
		if (r == '.' || r == '!' || r == '?') && i > 20 && (i+1 == len(t) || t[i+1] == ' ') {
			return t[:i+1]
		}
	}
	return cutWords(t, 300)
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}
