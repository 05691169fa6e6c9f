package blocks

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
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
	if opt.Forward != "" && !a.Found && !a.Failed && !opt.Forwarded {
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
	if opt.Forwarded {
		out = append(out, contextText(ForwardedNote))
	}
	return out
}

// ForwardedNote replaces the forward button once the question went to the
// curators, so it is forwarded once.
const ForwardedNote = "📨 An die Redaktion weitergeleitet. Sobald dort jemand antwortet, sage ich dir Bescheid."

// MarkForwarded returns the blocks of a posted answer with its forward
// button replaced by ForwardedNote; other buttons stay. ok is false when
// the blocks carry no forward button.
func MarkForwarded(bs []slack.Block) (out []slack.Block, ok bool) {
	return replaceButtons(bs, ForwardedNote, ActionForward)
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
	return replaceButtons(bs, ThanksForVote(vote), ActionFeedbackUp, ActionFeedbackDown)
}

// replaceButtons returns bs with the buttons actionIDs taken out of the
// answer's actions block and the line note put after it. ok is false when
// there were none of them.
func replaceButtons(bs []slack.Block, note string, actionIDs ...string) (out []slack.Block, ok bool) {
	for _, b := range bs {
		ab, isActions := b.(*slack.ActionBlock)
		if !isActions || ab.BlockID != ActionsBlockID || ab.Elements == nil {
			out = append(out, b)
			continue
		}
		var keep []slack.BlockElement
		found := false
		for _, e := range ab.Elements.ElementSet {
			if btn, isButton := e.(*slack.ButtonBlockElement); isButton && slices.Contains(actionIDs, btn.ActionID) {
				found = true
				continue
			}
			keep = append(keep, e)
		}
		if len(keep) > 0 {
			out = append(out, slack.NewActionBlock(ActionsBlockID, keep...))
		}
		if found {
			out = append(out, contextText(note))
		}
		ok = ok || found
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

// Encode writes the reference as a button value: what json.Marshal writes
// (FuzzAppendJSON holds it to that), written directly, since every slash
// command's answer that may be forwarded carries one.
func (r ForwardRef) Encode() string {
	b := make([]byte, 0, 24+len(r.Question)+len(r.Channel)+len(r.Thread))
	b = AppendString(append(b, `{"q":`...), cutBytes(r.Question, maxQuestion))
	if r.Channel != "" {
		b = AppendString(append(b, `,"c":`...), r.Channel)
	}
	if r.Thread != "" {
		b = AppendString(append(b, `,"t":`...), r.Thread)
	}
	return string(append(b, '}'))
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
	return fit(m, 1, MaxBlocks, false)
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

// Relayed is a curator's reply as the asker gets it: reply is the
// curator's Slack text, shown by RelayText.
func Relayed(question, reply, curator string) Message {
	who := "Die Redaktion"
	if ValidID(curator) {
		who = "<@" + curator + "> aus der Redaktion"
	}
	head := who + " hat auf deine Frage „" + esc(question, 300) + "“ geantwortet:"
	body := cut(RelayText(reply), MaxSectionText-10)
	return Message{Text: cut(linkify(head+"\n"+body), maxFallback), Blocks: []slack.Block{
		section(head),
		section(">" + strings.ReplaceAll(body, "\n", "\n>")),
	}}
}

// Slack's markup in message text: <@U123|name>, <#C123|name>, <!here>,
// <https://…|label>, <mailto:…|label>.
var slackMarkup = regexp.MustCompile(`<([@#!]?)([^<>|]*)(?:\|([^<>]*))?>`)

// RelayText is a curator's Slack text as the asker reads it: links become
// their plain URL (a label can hide where a link goes; rendering labels it
// with its host), mentions of
// people, groups and @here/@channel become plain names that ping nobody
// (a word joiner after every "@"), channel links stay; the rest is escaped
// like any text. Formatting (*bold*, _italic_, lists) is kept.
func RelayText(text string) string {
	var b strings.Builder
	last := 0
	// Slack sends text with &, < and > as entities; Escape writes them again.
	plain := func(s string) string { return Escape(slackEntities.Replace(s)) }
	for _, m := range slackMarkup.FindAllStringSubmatchIndex(text, -1) {
		b.WriteString(plain(text[last:m[0]]))
		last = m[1]
		kind, target, label := text[m[2]:m[3]], text[m[4]:m[5]], ""
		if m[6] >= 0 {
			label = text[m[6]:m[7]]
		}
		switch kind {
		case "#":
			if ValidID(target) {
				b.WriteString("<#" + target + ">")
			} else {
				b.WriteString(plain("#" + label))
			}
		case "@", "!":
			name := label
			if name == "" {
				name = strings.SplitN(target, "^", 2)[0]
			}
			if kind == "!" && strings.HasPrefix(target, "date^") {
				b.WriteString(plain(label)) // <!date^…|fallback>
				continue
			}
			b.WriteString(plain("@" + strings.TrimPrefix(name, "@")))
		default:
			b.WriteString(plain(strings.TrimPrefix(target, "mailto:")))
		}
	}
	b.WriteString(plain(text[last:]))
	return strings.ReplaceAll(strings.ReplaceAll(b.String(), "@\u2060", "@"), "@", "@\u2060")
}

var slackEntities = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&")
