package slackapp

import (
	"context"
	"log/slog"
	"strings"
	"time"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/slackapp/blocks"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
)

// Conversations. Once the bot has answered in a thread (after a mention, or
// an answer shared to the channel) later messages in that thread are
// answered without a mention, read against the thread's previous question:
// the Store keeps, per thread, only the last answer's frame (Answer.Frame),
// with an expiry. A direct message conversation works the same way for
// DMTTL. Messages in other threads, and channel messages without a mention,
// are dropped before anything is logged or kept.

// event handles one Events API event after it was acked and de-duplicated.
func (a *App) event(ctx context.Context, log *slog.Logger, ev slackevents.EventsAPIEvent) {
	switch e := ev.InnerEvent.Data.(type) {
	case *slackevents.AppMentionEvent:
		a.mention(ctx, log, e)
	case *slackevents.MessageEvent:
		a.message(ctx, log, e)
	case *slackevents.AppHomeOpenedEvent:
		a.homeOpened(ctx, log, e)
	case *slackevents.AssistantThreadStartedEvent:
		a.assistantStarted(ctx, log, e.AssistantThread)
	case *slackevents.AssistantThreadContextChangedEvent:
		a.assistantContext(ctx, log, e.AssistantThread)
	case *slackevents.LinkSharedEvent:
		a.linkShared(ctx, log, e)
	}
}

// mention answers an @-mention in the mention's thread, as the next
// question of that thread, and remembers the thread.
func (a *App) mention(ctx context.Context, log *slog.Logger, e *slackevents.AppMentionEvent) {
	if e.BotID != "" || e.Edited != nil {
		return
	}
	log = log.With("surface", SurfaceMention, "user", e.User, "channel", e.Channel)
	thread := e.ThreadTimeStamp
	if thread == "" {
		thread = e.TimeStamp
	}
	if e.Channel == a.cfg.CuratorChannel && e.ThreadTimeStamp != "" && a.relay(ctx, log, e.Channel, e.ThreadTimeStamp, e.TimeStamp, e.User, e.Text, "") {
		return // a curator's reply that mentions the bot
	}
	if !a.firstAnswer(ctx, log, e.Channel, e.TimeStamp) {
		return
	}
	key := threadKey(e.Channel, thread)
	prev, _ := a.recall(ctx, log, key)
	q := Question(e.Text, a.ownUserID(ctx))
	opt := blocks.Options{Feedback: true, Forward: a.forwardButton(q, e.Channel, thread)}
	m, ans, _ := a.answer(ctx, log, SurfaceMention, q, prev, opt)
	// The thread is the mention's own ts (or its thread's): registered
	// before the answer is posted, a follow-up sent meanwhile is not lost.
	a.remember(ctx, log, key, ans, a.cfg.Retention.Threads)
	a.post(ctx, log, e.Channel, thread, m, replyMetadata(e.TimeStamp))
}

// answerableSubtypes are the message subtypes that carry a question: plain
// messages, messages with a file, and thread replies also sent to the channel.
var answerableSubtypes = map[string]bool{"": true, slack.MsgSubTypeFileShare: true, "thread_broadcast": true}

// message handles message.im, message.channels and message.groups: DMs are
// answered, replies in the bot's threads are follow-ups, replies to
// forwarded questions in the curators' channel are relayed, and everything
// else is dropped without a trace.
func (a *App) message(ctx context.Context, log *slog.Logger, e *slackevents.MessageEvent) {
	if !answerableSubtypes[e.SubType] || e.BotID != "" || e.User == "" ||
		(e.Message != nil && (e.Message.Edited != nil || e.Message.Hidden || e.Message.BotID != "")) {
		return
	}
	own := a.ownUserID(ctx)
	if e.User == own {
		return
	}
	switch e.ChannelType {
	case slackevents.ChannelTypeIM:
		if e.ThreadTimeStamp != "" && e.ThreadTimeStamp != e.TimeStamp && e.SubType != "thread_broadcast" {
			a.imThread(ctx, log, e, own) // the split view's threads, too
			return
		}
		a.dm(ctx, log, e, own)
	case slackevents.ChannelTypeChannel, slackevents.ChannelTypeGroup:
		if e.ThreadTimeStamp == "" || e.ThreadTimeStamp == e.TimeStamp {
			return // not in a thread
		}
		if mentions(e.Text, own) {
			return // app_mention answers it
		}
		if e.Channel == a.cfg.CuratorChannel {
			parent := ""
			if e.Message != nil {
				parent = e.Message.ParentUserId
			}
			a.relay(ctx, log, e.Channel, e.ThreadTimeStamp, e.TimeStamp, e.User, e.Text, parent)
			return
		}
		a.followUp(ctx, log, e, own)
	}
}

// mentions reports whether text mentions the bot; with the bot's id
// unknown, any leading mention counts (app_mention then answers).
func mentions(text, own string) bool {
	if own == "" {
		return strings.HasPrefix(strings.TrimSpace(text), "<@")
	}
	return strings.Contains(text, "<@"+own+">") || strings.Contains(text, "<@"+own+"|")
}

// dm answers a direct message as the next question of the conversation.
func (a *App) dm(ctx context.Context, log *slog.Logger, e *slackevents.MessageEvent, own string) {
	log = log.With("surface", SurfaceDM, "user", e.User, "channel", e.Channel)
	if !a.firstAnswer(ctx, log, e.Channel, e.TimeStamp) {
		return
	}
	key := dmKey(a.user(e.User))
	prev, _ := a.recall(ctx, log, key)
	q := Question(e.Text, own)
	opt := blocks.Options{Feedback: true, Forward: a.forwardButton(q, "", "")}
	m, ans, _ := a.answer(ctx, log, SurfaceDM, q, prev, opt)
	a.remember(ctx, log, key, ans, DMTTL)
	a.post(ctx, log, e.Channel, e.ThreadTimeStamp, m, replyMetadata(e.TimeStamp))
}

// followUp answers a reply without a mention in a thread the bot answered
// in: one it remembers, or one whose first message is the bot's (a shared
// answer). Any other thread is none of its business.
func (a *App) followUp(ctx context.Context, log *slog.Logger, e *slackevents.MessageEvent, own string) {
	key := threadKey(e.Channel, e.ThreadTimeStamp)
	prev, known := a.recall(ctx, log, key)
	if !known && (own == "" || e.Message == nil || e.Message.ParentUserId != own) &&
		(!a.state.unsure() || !a.botInThread(ctx, log, e.Channel, e.ThreadTimeStamp)) {
		// Neither the Store nor the thread's first message says the bot
		// is in this thread; while the Store cannot be trusted, Slack
		// itself is asked.
		return
	}
	log = log.With("surface", SurfaceThread, "user", e.User, "channel", e.Channel)
	if a.smallTalkHandled(ctx, log, e.Channel, e.TimeStamp, e.Text, own) || !a.firstAnswer(ctx, log, e.Channel, e.TimeStamp) {
		return
	}
	q := Question(e.Text, own)
	opt := blocks.Options{Feedback: true, Forward: a.forwardButton(q, e.Channel, e.ThreadTimeStamp)}
	m, ans, _ := a.answer(ctx, log, SurfaceThread, q, prev, opt)
	a.remember(ctx, log, key, ans, a.cfg.Retention.Threads)
	a.post(ctx, log, e.Channel, e.ThreadTimeStamp, m, replyMetadata(e.TimeStamp))
}

// recall returns the previous frame of a conversation, and whether the bot
// answered there at all. While the shared Store fails, this replica's own
// memory answers (state.get).
func (a *App) recall(ctx context.Context, log *slog.Logger, key string) (prev string, known bool) {
	v := a.state.get(ctx, log, key)
	if v == noFrame {
		return "", true
	}
	return v, v != ""
}

// remember keeps the frame of the answer just given as the conversation's
// context for ttl (noFrame when the answer has none).
func (a *App) remember(ctx context.Context, log *slog.Logger, key string, ans domain.Answer, ttl time.Duration) {
	v := ans.Frame
	if v == "" {
		v = noFrame
	}
	a.state.set(ctx, log, key, v, ttl)
}
