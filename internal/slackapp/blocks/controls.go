package blocks

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/slack-go/slack"
)

// Action ids of the controls added for conversations; like the ones in
// blocks.go they are contracts with the transport (and, for ActionForward,
// with the README).
const (
	// ActionForward forwards an unanswered question to the curators.
	ActionForward = "engagiert_forward"
	// ActionQuestion is the question field of the Home tab and the answer modal.
	ActionQuestion = "engagiert_question"
	// CallbackAsk is the callback_id of the message shortcut "Frag engagiert".
	CallbackAsk = "engagiert_ask"
)

// ActionsBlockID is the block of an answer's share, feedback and forward
// buttons; Voted finds it there.
const ActionsBlockID = "answer_actions"

// controls are the buttons under an answer: share (only for answers that
// found something), 👍/👎 or the thank-you for a vote, and forward.
func controls(a domain.Answer, opt Options) []slack.Block {
	var out []slack.Block
	var buttons []slack.BlockElement
	q := cutBytes(a.Query, maxQuestion)
	if opt.Share && a.Found && !a.Failed {
		buttons = append(buttons, button(ActionShare, "Im Channel teilen", q).WithStyle(slack.StylePrimary))
	}
	if opt.Forward != "" && !a.Found && !a.Failed {
		buttons = append(buttons, button(ActionForward, "An die Redaktion weitergeben", opt.Forward))
	}
	if opt.Feedback && opt.Voted == "" {
		buttons = append(buttons,
			button(ActionFeedbackUp, "👍", q),
			button(ActionFeedbackDown, "👎", q))
	}
	if len(buttons) > 0 {
		out = append(out, slack.NewActionBlock(ActionsBlockID, buttons...))
	}
	if opt.Voted != "" {
		out = append(out, contextText(ThanksForVote(opt.Voted)))
	}
	return out
}

// ThanksForVote is the line that replaces the 👍/👎 buttons after a vote.
func ThanksForVote(vote string) string {
	if vote == "down" {
		return "👎 Danke für dein Feedback! Wir sehen uns diese Antwort an."
	}
	return "👍 Danke für dein Feedback!"
}

// Voted returns the blocks of a posted answer with its 👍/👎 buttons
// replaced by the thank-you line for vote; other buttons stay. ok is false
// when the blocks carry no feedback buttons.
func Voted(bs []slack.Block, vote string) (out []slack.Block, ok bool) {
	for _, b := range bs {
		ab, isActions := b.(*slack.ActionBlock)
		if !isActions || ab.BlockID != ActionsBlockID || ab.Elements == nil {
			out = append(out, b)
			continue
		}
		var keep []slack.BlockElement
		for _, e := range ab.Elements.ElementSet {
			if btn, isButton := e.(*slack.ButtonBlockElement); isButton &&
				(btn.ActionID == ActionFeedbackUp || btn.ActionID == ActionFeedbackDown) {
				ok = true
				continue
			}
			keep = append(keep, e)
		}
		if len(keep) > 0 {
			out = append(out, slack.NewActionBlock(ActionsBlockID, keep...))
		}
		out = append(out, contextText(ThanksForVote(vote)))
	}
	return out, ok
}

// ForwardRef is what the forward button carries: the question and where to
// relay the curators' answer (Channel and Thread; empty Channel: by DM).
type ForwardRef struct {
	Question string `json:"q"`
	Channel  string `json:"c,omitempty"`
	Thread   string `json:"t,omitempty"`
}

// Encode writes the reference as a button value.
func (r ForwardRef) Encode() string {
	r.Question = cutBytes(r.Question, maxQuestion)
	b, _ := json.Marshal(r) // strings always marshal
	return string(b)
}

// DecodeForwardRef reads a button value written by Encode.
func DecodeForwardRef(v string) (ForwardRef, error) {
	var r ForwardRef
	if err := json.Unmarshal([]byte(v), &r); err != nil {
		return ForwardRef{}, fmt.Errorf("forward button value: %w", err)
	}
	if r.Question == "" || (r.Channel != "" && !ValidID(r.Channel)) {
		return ForwardRef{}, fmt.Errorf("forward button value: no question or a bad channel")
	}
	return r, nil
}

// WithQuestion puts the question a shared answer answers above it, with who asked.
func WithQuestion(m Message, question, user string) Message {
	line := "Frage: „" + esc(question, 300) + "“"
	if ValidID(user) {
		line = "<@" + user + "> hat gefragt: „" + esc(question, 300) + "“"
	}
	m.Blocks = append([]slack.Block{contextText(line)}, m.Blocks...)
	return fit(m, 1, MaxBlocks)
}

// Forwarded is the post in the curators' channel: the question, who asked
// and where (where is mrkdwn the caller built from ids).
func Forwarded(question, user, where string) Message {
	q := esc(question, 1500)
	who := "jemand"
	if ValidID(user) {
		who = "<@" + user + ">"
	}
	text := "Frage ohne Antwort von " + who + " " + where + ": „" + q + "“"
	return Message{Text: text, Blocks: []slack.Block{
		section("*Frage ohne Antwort*\n„" + q + "“"),
		contextText("Gefragt von " + who + " " + where + ". Antworte hier im Thread: engagiert gibt deine Antwort an " + who + " weiter."),
	}}
}

// Relayed is a curator's reply as the asker gets it. reply is Slack mrkdwn
// that the caller made safe (no mentions that ping).
func Relayed(question, reply, curator string) Message {
	who := "Die Redaktion"
	if ValidID(curator) {
		who = "<@" + curator + "> aus der Redaktion"
	}
	head := who + " hat auf deine Frage „" + esc(question, 300) + "“ geantwortet:"
	body := cut(reply, MaxSectionText-10)
	return Message{Text: cut(head+"\n"+body, maxFallback), Blocks: []slack.Block{
		section(head),
		section(">" + strings.ReplaceAll(body, "\n", "\n>")),
	}}
}
