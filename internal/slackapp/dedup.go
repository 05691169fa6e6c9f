package slackapp

import (
	"context"
	"log/slog"
	"strings"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
)

// Exactly once. Slack retries an event it got no ack for within 3 seconds
// (X-Slack-Retry-Num, Socket Mode retry_attempt), and the retry may reach
// another replica. The Store decides which replica answers (FirstSeen);
// while it cannot say for sure (state.firstSeen: the shared store failed
// now or within EventTTL), a retry is answered only after a look at the
// thread in Slack, the record every replica shares: if the bot's reply to
// that message is there, the retry is not answered again. The look is
// repeated once after RetryCheckWait, for an answer still on its way from
// the replica that got the first delivery. The first delivery looks once
// too, without waiting: the store may have died after a retry on another
// replica claimed the event and before this one could.

// DefaultRetryCheckWait is how long a retry waits, when Slack shows no
// answer to it yet, before looking again: longer than another replica
// takes to answer while the shared store stalls (its calls time out).
const DefaultRetryCheckWait = 4 * time.Second

// replyEventType marks the bot's answers with message metadata, whose
// payload names the message answered ("reply_to": its ts), so a look at
// the thread finds the answer to one message among several.
const replyEventType = "engagiert_reply"

// forwardEventType marks a forwarded question in the curators' channel.
const forwardEventType = "engagiert_forward"

// replyMetadata is the metadata of an answer to the message ts.
func replyMetadata(ts string) slack.MsgOption {
	return slack.MsgOptionMetadata(slack.SlackMetadata{EventType: replyEventType, EventPayload: map[string]any{"reply_to": ts}})
}

// eventRef is where an event's message was asked and its answer goes.
type eventRef struct {
	channel, ts string
	thread      string // the thread the answer goes to; "" top level
	ok          bool   // the event is a question the bot answers
}

// refOf is where ev's answer goes, for a mention, a DM or a thread reply.
func refOf(ev slackevents.EventsAPIEvent) eventRef {
	switch e := ev.InnerEvent.Data.(type) {
	case *slackevents.AppMentionEvent:
		return eventRef{channel: e.Channel, ts: e.TimeStamp, thread: firstNonEmpty(e.ThreadTimeStamp, e.TimeStamp), ok: true}
	case *slackevents.MessageEvent:
		if e.ChannelType != slackevents.ChannelTypeIM && e.ThreadTimeStamp == "" {
			return eventRef{}
		}
		return eventRef{channel: e.Channel, ts: e.TimeStamp, thread: e.ThreadTimeStamp, ok: true}
	}
	return eventRef{}
}

// firstSeen reports whether to handle an event: it is new in the Store,
// and, for a retry the Store cannot vouch for, Slack shows no answer to it.
func (a *App) firstSeen(ctx context.Context, log *slog.Logger, eventID string, retry int, ev slackevents.EventsAPIEvent) bool {
	if eventID == "" {
		return true
	}
	first, sure := a.state.firstSeen(ctx, log, "event:"+eventID, EventTTL)
	if !first {
		a.metrics.duplicates.Inc()
		log.Info("duplicate event ignored")
		return false
	}
	ref := refOf(ev)
	if sure || !ref.ok || ref.ts == "" {
		return true
	}
	if retry < 1 {
		// The first delivery, while the store cannot vouch: a retry that
		// reached another replica first may have been answered already
		// (the store died between the two claims). One look, no wait.
		if a.answeredInSlack(ctx, log, ref) {
			a.metrics.duplicates.Inc()
			log.Info("duplicate event ignored", "seen_in", "slack")
			return false
		}
		return true
	}
	answered := a.answeredInSlack(ctx, log, ref)
	if !answered {
		t := time.NewTimer(a.cfg.RetryCheckWait)
		select {
		case <-ctx.Done():
			t.Stop()
			return true
		case <-t.C:
		}
		answered = a.answeredInSlack(ctx, log, ref)
	}
	if answered {
		a.metrics.duplicates.Inc()
		log.Info("duplicate event ignored", "seen_in", "slack")
		return false
	}
	return true
}

// answeredInSlack reports whether the bot's answer to ref is in Slack:
// in ref's thread, or after it in a DM. If Slack cannot be asked, it is
// false: answering twice beats not answering.
func (a *App) answeredInSlack(ctx context.Context, log *slog.Logger, ref eventRef) bool {
	msgs, err := a.messagesAfter(ctx, ref.channel, ref.thread, ref.ts)
	if err != nil {
		log.Warn("cannot look for an earlier answer in Slack; answering the retry", "err", errText(hideURL(err)))
		return false
	}
	own, ownBot := a.ownIDs(ctx)
	for _, m := range msgs {
		if m.Metadata.EventType == replyEventType {
			// The bot's answer names the message it answers.
			if to, _ := m.Metadata.EventPayload["reply_to"].(string); to == ref.ts {
				return true
			}
			continue
		}
		// An answer without metadata (from an older bot): one of the bot's
		// after the message, or anywhere in the thread the message opened.
		if byBot(m, own, ownBot) && (tsAfter(m.Timestamp, ref.ts) || m.Timestamp == "" && ref.thread == ref.ts) {
			return true
		}
	}
	return false
}

// botInThread reports whether the bot has posted in a thread, as Slack
// shows it: for a follow-up while the Store cannot say (it lost or cannot
// reach the thread's state).
func (a *App) botInThread(ctx context.Context, log *slog.Logger, channel, thread string) bool {
	msgs, err := a.messagesAfter(ctx, channel, thread, "")
	if err != nil {
		log.Warn("cannot look at the thread in Slack", "err", errText(hideURL(err)))
		return false
	}
	own, ownBot := a.ownIDs(ctx)
	for _, m := range msgs {
		if byBot(m, own, ownBot) {
			return true
		}
	}
	return false
}

// messagesAfter returns the messages of thread after ts (conversations.replies),
// or, with no thread, of channel after ts (conversations.history), with
// their metadata.
func (a *App) messagesAfter(ctx context.Context, channel, thread, ts string) ([]slack.Message, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if thread == "" {
		h, err := a.api.GetConversationHistoryContext(ctx, &slack.GetConversationHistoryParameters{
			ChannelID: channel, Oldest: ts, Limit: 100, IncludeAllMetadata: true})
		if err != nil {
			return nil, err
		}
		return h.Messages, nil
	}
	msgs, _, _, err := a.api.GetConversationRepliesContext(ctx, &slack.GetConversationRepliesParameters{
		ChannelID: channel, Timestamp: thread, Oldest: ts, Limit: 200, IncludeAllMetadata: true})
	return msgs, err
}

// byBot reports whether m was posted by this bot.
func byBot(m slack.Message, own, ownBot string) bool {
	return (own != "" && m.User == own) || (ownBot != "" && m.BotID == ownBot)
}

// tsAfter reports whether Slack timestamp a ("1515449522.000016") is later
// than b, exactly: as float64 the last digits would blur.
func tsAfter(a, b string) bool {
	as, af, _ := strings.Cut(a, ".")
	bs, bf, _ := strings.Cut(b, ".")
	if len(as) != len(bs) {
		return len(as) > len(bs)
	}
	if as != bs {
		return as > bs
	}
	for len(af) < len(bf) {
		af += "0"
	}
	for len(bf) < len(af) {
		bf += "0"
	}
	return af > bf
}
