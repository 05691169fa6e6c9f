package blocks

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/slack-go/slack"
)

// Where a help text is shown: it tells how to ask there.
const (
	HelpSlash   = "slash"   // "/engagiert FRAGE"
	HelpMention = "mention" // "@engagiert FRAGE" in a channel
	HelpDM      = "dm"      // plain questions in a direct message
)

// HelpFor renders the help message for where, generated from the engine's
// kinds of question (cmds): what the bot answers, with example questions
// written the way one asks there.
func HelpFor(command, where string, cmds []domain.Command) Message {
	if command == "" {
		command = "/engagiert"
	}
	cmd := esc(command, 40)
	example := func(q string) string { return "`" + cmd + " " + esc(q, 200) + "`" }
	intro := "Frag mit `" + cmd + " FRAGE`, erwähne mich in einem Channel oder schreib mir direkt."
	how := "So fragst du mich: " + cmd + " FRAGE, eine Erwähnung in einem Channel oder eine Direktnachricht."
	switch where {
	case HelpMention:
		example = func(q string) string { return "`@engagiert " + esc(q, 200) + "`" }
		intro = "Erwähne mich mit deiner Frage: `@engagiert FRAGE`. In einem Thread, in dem ich schon geantwortet habe, " +
			"kannst du ohne Erwähnung nachfragen, zum Beispiel „seit wann?“ oder „und Paderborn?“."
		how = "So fragst du mich hier: @engagiert FRAGE; im Thread einer Antwort auch ohne Erwähnung."
	case HelpDM:
		example = func(q string) string { return "„" + esc(q, 200) + "“" }
		intro = "Schreib mir deine Frage einfach hier hinein. Du kannst nachfragen, zum Beispiel „seit wann?“ oder „und Paderborn?“."
		how = "So fragst du mich hier: schreib einfach deine Frage."
	}
	var lines []string
	var plainText strings.Builder
	plainText.WriteString(how + "\n")
	for _, c := range cmds {
		var ex []string
		for _, e := range c.Examples {
			ex = append(ex, example(e))
		}
		lines = append(lines, "*"+esc(c.What, 300)+"*\n"+strings.Join(ex, "  "))
		plainText.WriteString("- " + esc(c.What, 300) + ": " + esc(strings.Join(c.Examples, " · "), 600) + "\n")
	}
	bs := []slack.Block{
		header("So fragst du engagiert"),
		section("Ich beantworte Fragen zu Netzwerken deutscher Kommunen und zu Städtepartnerschaften aus einer geprüften Wissensbasis. " + intro),
	}
	bs = append(bs, sections(lines)...)
	bs = append(bs, contextText("Jede Antwort nennt ihre Quelle und den Stand der Angabe."))
	return fit(Message{Text: cut(strings.TrimSpace(plainText.String()), maxFallback), Blocks: bs}, 1, MaxBlocks, false)
}

// Welcome is the first message in the app's Messages tab: what the bot does,
// with a few example questions.
func Welcome(command string, cmds []domain.Command) Message {
	if command == "" {
		command = "/engagiert"
	}
	var ex []string
	for _, c := range cmds {
		if len(c.Examples) > 0 && len(ex) < 4 {
			ex = append(ex, "„"+esc(c.Examples[0], 200)+"“")
		}
	}
	examples := "."
	if len(ex) > 0 {
		examples = ", zum Beispiel: " + strings.Join(ex, " · ") + "."
	}
	text := "Hallo! Ich bin engagiert und beantworte Fragen zu Netzwerken deutscher Kommunen und zu Städtepartnerschaften, mit Quelle und Stand. " +
		"Schreib mir deine Frage einfach hier hinein" + examples + " " +
		"In Channels erwähnst du mich mit @engagiert oder fragst mit `" + esc(command, 40) + "`; „hilfe“ zeigt alles."
	return Message{Text: text, Blocks: []slack.Block{section(text)}}
}

// HomeQuestionBlockID is the block of the question field on Home and in the answer modal.
const HomeQuestionBlockID = "engagiert_question"

// questionInput is a question field that sends its text as soon as the user
// presses Enter (dispatch_action), so no submit button is needed.
func questionInput(label string) slack.Block {
	in := slack.NewPlainTextInputBlockElement(plain("z. B. Ist Lemgo eine Engagierte Stadt?"), ActionQuestion)
	in.DispatchActionConfig = &slack.DispatchActionConfig{TriggerActionsOn: []string{"on_enter_pressed"}}
	b := slack.NewInputBlock(HomeQuestionBlockID, plain(label), plain("Enter drücken zum Fragen"), in)
	b.DispatchAction = true
	return b
}

// Home renders the App Home tab: a question field, the networks at a
// glance and example questions. The field and the example buttons open a
// modal with the answer. The knowledge version stays on /readyz.
func Home(base *domain.Base, command string, cmds []domain.Command) slack.HomeTabViewRequest {
	if command == "" {
		command = "/engagiert"
	}
	bs := []slack.Block{
		header("engagiert: Netzwerke deutscher Kommunen"),
		section("Frag mich nach Orten, Netzwerken, Mitgliedern, Städtepartnerschaften, Zahlen und Daten: hier im Feld, mit `" +
			esc(command, 40) + " FRAGE`, mit einer Erwähnung in einem Channel oder im Tab *Nachrichten*."),
		questionInput("Deine Frage"),
	}
	if base != nil {
		bs = append(bs, slack.NewDividerBlock(), section("*Netzwerke auf einen Blick*"))
		for i, n := range base.Networks {
			if i == 30 {
				bs = append(bs, contextText(fmt.Sprintf("… und %d weitere Netzwerke", len(base.Networks)-i)))
				break
			}
			bs = append(bs, networkBlock(n))
		}
		bs = append(bs, contextText(fmt.Sprintf("Wissensbasis: %d Netzwerke, %d Orte", len(base.Networks), len(base.Places))))
	}
	bs = append(bs, slack.NewDividerBlock(), section("*Beispielfragen*"))
	for _, c := range cmds {
		bs = append(bs, section(esc(c.What, 300)))
		var btns []slack.BlockElement
		for _, e := range c.Examples {
			if len(btns) == 5 {
				break
			}
			btns = append(btns, button(ActionAskPrefix+strconv.Itoa(len(btns)), e, cutBytes(e, maxQuestion)))
		}
		if len(btns) > 0 {
			bs = append(bs, slack.NewActionBlock("", btns...))
		}
	}
	m := fit(Message{Blocks: bs}, 0, MaxViewBlocks, false)
	return slack.HomeTabViewRequest{Type: slack.VTHomeTab, Blocks: slack.Blocks{BlockSet: m.Blocks}}
}

// Modal renders a message (an answer, help, a notice) as a modal view, with
// the question field under it to ask the next question. Slack refuses a
// modal with an input block but no submit button ("must define submit to
// use an input block in modals"), dispatch_action or not: "Fragen" submits
// the field (view_submission, CallbackModal), Enter in it asks at once.
func Modal(m Message) slack.ModalViewRequest {
	bs := append(append([]slack.Block{}, m.Blocks...), slack.NewDividerBlock(), questionInput("Noch eine Frage"))
	bs = fit(Message{Blocks: bs}, 1, MaxViewBlocks, false).Blocks
	return slack.ModalViewRequest{
		Type:       slack.VTModal,
		CallbackID: CallbackModal,
		Title:      plain("engagiert"),
		Submit:     plain("Fragen"),
		Close:      plain("Schließen"),
		Blocks:     slack.Blocks{BlockSet: bs},
	}
}

// networkBlock is one network in the Home tab: name, kind, scope, what it
// is, its latest member count and a button to its website.
func networkBlock(n domain.Network) slack.Block {
	var b strings.Builder
	b.WriteString("*" + esc(n.Name, 150) + "*")
	var about []string
	for _, s := range []string{n.Kind, n.Scope} {
		if s != "" {
			about = append(about, esc(s, 100))
		}
	}
	if len(about) > 0 {
		b.WriteString(" – " + strings.Join(about, ", "))
	}
	if d := strings.TrimSpace(n.Description.Text); d != "" {
		b.WriteString("\n" + esc(strings.ReplaceAll(d, "\n", " "), 400))
	}
	if len(n.Counts) > 0 {
		c := n.Counts[len(n.Counts)-1]
		b.WriteString("\nMitglieder: " + esc(c.Value, 40))
		if !c.Stand.IsZero() {
			b.WriteString(" (Stand " + c.Stand.String() + ")")
		}
	} else if len(n.Members) > 0 {
		fmt.Fprintf(&b, "\nBekannte Mitglieder: %d", len(n.Members))
	}
	var acc *slack.Accessory
	if safeURL(n.Website) {
		btn := button(ActionLinkPrefix+"home", "Website", "")
		btn.URL = n.Website
		acc = slack.NewAccessory(btn)
	}
	return slack.NewSectionBlock(mrkdwn(cut(b.String(), MaxSectionText)), nil, acc)
}
