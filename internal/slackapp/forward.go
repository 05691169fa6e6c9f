package slackapp

import (
	"context"
	"encoding/json"
	"log/slog"
	"strings"

	"github.com/engagiert/engagiert/internal/slackapp/blocks"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackutilsx"
)

// Forwarding. With Config.CuratorChannel set, an answer that found nothing
// carries "An die Redaktion weitergeben" (blocks.ActionForward). A click
// posts the question, the asker and where it was asked to the curators'
// channel, once per question and user (however often the button is
// clicked, on whichever replica), replaces the button with "weitergeleitet"
// in place, and keeps, under the post's ts, whom to relay a reply to, for
// Retention.Forwards. A curator's reply in the post's thread (message.channels
// or .groups) is relayed to the asker, in the original thread or by DM, once
// per reply whichever replica gets it: the Store (Redis when shared) holds
// both. A reply that can no longer be relayed (the question expired, or the
// Store lost it) is logged at WARN, and the curators are told in the thread.

// forwarded is what the Store keeps per forwarded question.
type forwarded struct {
	User     string `json:"u"`
	Channel  string `json:"c,omitempty"` // relay here, in Thread; empty: DM User
	Thread   string `json:"t,omitempty"`
	Question string `json:"q"`
}

// forward posts an unanswered question to the curators, once per user,
// and marks the button as done.
func (a *App) forward(ctx context.Context, log *slog.Logger, ic slack.InteractionCallback, value string) {
	ref, err := blocks.DecodeForwardRef(value)
	if err != nil || a.cfg.CuratorChannel == "" || !blocks.ValidID(ic.User.ID) {
		log.Warn("cannot forward", "err", errText(err), "curator_channel_set", a.cfg.CuratorChannel != "")
		return
	}
	once := forwardOnceKey(a.user(ic.User.ID), ref.Question)
	if first, _ := a.state.firstSeen(ctx, log, once, a.cfg.Retention.Forwards); !first {
		log.Info("question forwarded before; not again", "curator_channel", a.cfg.CuratorChannel)
		a.markForwarded(ctx, log, ic, ref)
		return
	}
	where := "per Direktnachricht"
	switch asked := firstNonEmpty(ref.Channel, ic.Channel.ID, ic.Container.ChannelID); {
	case ref.Thread != "" && blocks.ValidID(asked):
		where = "in einem Thread in <#" + asked + ">"
	case slackutilsx.DetectChannelType(asked) == slackutilsx.CTypeDM:
	case blocks.ValidID(asked):
		where = "in <#" + asked + ">"
	}
	ts := a.post(ctx, log, a.cfg.CuratorChannel, "", blocks.Forwarded(ref.Question, ic.User.ID, where),
		slack.MsgOptionMetadata(slack.SlackMetadata{EventType: forwardEventType, EventPayload: map[string]any{"v": 1}}))
	if ts == "" {
		a.state.forget(ctx, log, once) // so that a later click can try again
		a.tell(ctx, log, ic.Channel.ID, ic.User.ID, blocks.Notice("Ich konnte deine Frage gerade nicht an die Redaktion weitergeben. Bitte versuch es später noch einmal."))
		return
	}
	f := forwarded{User: ic.User.ID, Channel: ref.Channel, Thread: ref.Thread, Question: ref.Question}
	v, _ := json.Marshal(f) // strings always marshal
	a.state.set(ctx, log, forwardKey(a.cfg.CuratorChannel, ts), string(v), a.cfg.Retention.Forwards)
	a.metrics.forwarded.Inc()
	log.Info("question forwarded", "curator_channel", a.cfg.CuratorChannel)
	a.markForwarded(ctx, log, ic, ref)
}

// markForwarded replaces the forward button of the clicked answer with
// blocks.ForwardedNote, in place; if that fails, the asker is told apart.
func (a *App) markForwarded(ctx context.Context, log *slog.Logger, ic slack.InteractionCallback, ref blocks.ForwardRef) {
	var m blocks.Message
	if bs, ok := blocks.MarkForwarded(ic.Message.Blocks.BlockSet); ok {
		m = blocks.Message{Text: ic.Message.Text, Blocks: bs}
	} else {
		// An ephemeral answer: Slack does not send it back; rendered anew.
		ans := a.lookup(ctx, log, ref.Question, "")
		m = a.render(SurfaceSlash, ans, blocks.Options{Feedback: true, Forwarded: true})
	}
	msg := webhook("", m)
	msg.ReplaceOriginal = true
	if ic.ResponseURL != "" && a.tryRespond(ctx, log, ic.ResponseURL, msg) {
		return
	}
	a.tell(ctx, log, ic.Channel.ID, ic.User.ID, blocks.Notice(blocks.ForwardedNote))
}

// relay passes a curator's reply (ts, in thread of the curators' channel)
// on to the asker of the forwarded question; it reports whether thread was
// a forwarded question. Each reply is relayed once. parent is the user id
// of the thread's first message when the event says it ("" otherwise).
func (a *App) relay(ctx context.Context, log *slog.Logger, channel, thread, ts, curator, text, parent string) bool {
	v := a.state.get(ctx, log, forwardKey(channel, thread))
	if v == "" {
		return a.cannotRelay(ctx, log, channel, thread, parent)
	}
	var f forwarded
	if err := json.Unmarshal([]byte(v), &f); err != nil || !blocks.ValidID(f.User) {
		log.Warn("bad forwarded question in store", "err", errText(err))
		return true
	}
	if first, _ := a.state.firstSeen(ctx, log, relayKey(channel, ts), relayTTL); !first {
		return true
	}
	log = log.With("curator", curator, "asker", f.User)
	m := blocks.Relayed(f.Question, text, curator)
	to, in := f.Channel, f.Thread
	if to == "" {
		to, in = f.User, ""
	}
	if a.post(ctx, log, to, in, m) == "" {
		return true
	}
	a.metrics.relayed.Inc()
	log.Info("curator reply relayed")
	return true
}

// cannotRelay handles a reply in a thread of the curators' channel whose
// forwarded question the Store does not know: if the thread is a
// forwarded question (its first message is the bot's forward, as Slack
// shows it), the reply can no longer be relayed: that is logged at WARN
// and the curators are told in the thread, once per thread. It reports
// whether the thread was a forwarded question.
func (a *App) cannotRelay(ctx context.Context, log *slog.Logger, channel, thread, parent string) bool {
	own, ownBot := a.ownIDs(ctx)
	if parent != "" && parent != own {
		return false // a thread someone else started
	}
	msgs, err := a.messagesAfter(ctx, channel, thread, "")
	if err != nil {
		log.Warn("cannot look at the thread in Slack; a curator's reply may not be relayed", "err", errText(hideURL(err)))
		return false
	}
	var root *slack.Message
	for i := range msgs {
		if msgs[i].Timestamp == thread {
			root = &msgs[i]
		}
	}
	if root == nil || !byBot(*root, own, ownBot) ||
		(root.Metadata.EventType != forwardEventType && !strings.HasPrefix(root.Text, "Frage ohne Antwort")) {
		return false
	}
	log.Warn("curator reply cannot be relayed: the forwarded question is no longer known (expired, or the store lost it)",
		"channel", channel, "thread", thread, "retention_h", int(a.cfg.Retention.Forwards.Hours()))
	if first, _ := a.state.firstSeen(ctx, log, "n:"+channel+":"+thread, a.cfg.Retention.Forwards); first {
		a.post(ctx, log, channel, thread, blocks.Notice("Ich kann diese Antwort nicht mehr weitergeben: "+
			"ich weiß nicht mehr, wer die Frage gestellt hat (weitergeleitete Fragen bewahre ich nur eine Weile auf). "+
			"Bitte antworte der Person direkt."))
	}
	return true
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
