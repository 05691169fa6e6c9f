package slackapp

import (
	"context"
	"log/slog"
	"strings"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/slackapp/blocks"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
)

// The AI-app split view ("Agents & AI apps"). Slack opens an assistant
// thread in the app's DM (assistant_thread_started): the bot offers
// suggested prompts drawn from the engine's kinds of question. A question
// there is a message.im in that thread: the bot shows its status ("sucht in
// der Wissensbasis …") while answering, answers in the thread with the same
// blocks as everywhere, titles the thread with its first question, and
// reads follow-ups against the thread's last frame, as in channel threads.
// The channel the user has open beside the split view
// (assistant_thread_context_changed) may name a place or a network; it is
// the context of the thread's first question, so it fills in only what the
// question leaves open ("seit wann?"), never a question that names its own.

// Status is what the split view shows while the bot answers.
const assistantStatus = "sucht in der Wissensbasis …"

// assistantKey keeps an assistant thread: the channel the user looks at
// ("-" for none), for Retention.Threads.
func assistantKey(channel, thread string) string { return "a:" + channel + ":" + thread }

// assistantStarted offers suggested prompts in a new assistant thread and
// remembers the channel the user is looking at.
func (a *App) assistantStarted(ctx context.Context, log *slog.Logger, t slackevents.AssistantThread) {
	if t.ChannelID == "" || t.ThreadTimeStamp == "" {
		return
	}
	log = log.With("surface", SurfaceAssistant, "user", t.UserID, "channel", t.ChannelID)
	a.assistantContext(ctx, log, t)
	params := slack.AssistantThreadsSetSuggestedPromptsParameters{
		Title: "Frag mich zum Beispiel:", ChannelID: t.ChannelID, ThreadTS: t.ThreadTimeStamp,
		Prompts: blocks.Prompts(a.cfg.Commands),
	}
	if len(params.Prompts) < blocks.MinPrompts {
		return
	}
	if err := a.api.SetAssistantThreadsSuggestedPromptsContext(ctx, params); err != nil {
		a.metrics.postErrors.Inc()
		log.Warn("assistant.threads.setSuggestedPrompts failed", "err", err)
	}
}

// assistantContext remembers the channel the user looks at beside an
// assistant thread (assistant_thread_started, _context_changed).
func (a *App) assistantContext(ctx context.Context, log *slog.Logger, t slackevents.AssistantThread) {
	if t.ChannelID == "" || t.ThreadTimeStamp == "" {
		return
	}
	v := t.Context.ChannelID
	if v == "" || !blocks.ValidID(v) {
		v = noFrame
	}
	a.state.set(ctx, log, assistantKey(t.ChannelID, t.ThreadTimeStamp), v, a.cfg.Retention.Threads)
}

// imThread answers a reply in a thread of the bot's DM: an assistant
// thread of the split view, or a thread in the Messages tab. The thread is
// the conversation: follow-ups read against its last frame.
func (a *App) imThread(ctx context.Context, log *slog.Logger, e *slackevents.MessageEvent, own string) {
	contextChannel := a.state.get(ctx, log, assistantKey(e.Channel, e.ThreadTimeStamp))
	assistant := e.AssistantThread != nil || contextChannel != ""
	surface := SurfaceDM
	if assistant {
		surface = SurfaceAssistant
	}
	log = log.With("surface", surface, "user", e.User, "channel", e.Channel)
	key := threadKey(e.Channel, e.ThreadTimeStamp)
	prev, known := a.recall(ctx, log, key)
	if a.smallTalkHandled(ctx, log, e.Channel, e.TimeStamp, e.Text, own) || !a.firstAnswer(ctx, log, e.Channel, e.TimeStamp) {
		return
	}
	if assistant {
		a.setStatus(ctx, log, e.Channel, e.ThreadTimeStamp, assistantStatus)
	}
	q := Question(e.Text, own)
	if prev == "" && contextChannel != "" && contextChannel != noFrame {
		prev = a.channelFrame(ctx, log, contextChannel)
	}
	opt := blocks.Options{Feedback: true, Forward: a.forwardButton(q, "", "")}
	m, ans, _ := a.answer(ctx, log, surface, q, prev, opt)
	// Registered before the answer is posted: a follow-up sent meanwhile
	// finds the thread and its frame.
	a.remember(ctx, log, key, ans, a.cfg.Retention.Threads)
	if a.post(ctx, log, e.Channel, e.ThreadTimeStamp, m, replyMetadata(e.TimeStamp)) == "" && assistant {
		a.setStatus(ctx, log, e.Channel, e.ThreadTimeStamp, "") // no answer: no "sucht …" left behind
	}
	if assistant && !known && !isHelp(q) {
		title := slack.AssistantThreadsSetTitleParameters{ChannelID: e.Channel, ThreadTS: e.ThreadTimeStamp, Title: blocks.ThreadTitle(q)}
		if err := a.api.SetAssistantThreadsTitleContext(ctx, title); err != nil {
			a.metrics.postErrors.Inc()
			log.Warn("assistant.threads.setTitle failed", "err", err)
		}
	}
}

// setStatus shows status in an assistant thread ("" clears it; posting the
// answer clears it too).
func (a *App) setStatus(ctx context.Context, log *slog.Logger, channel, thread, status string) {
	err := a.api.SetAssistantThreadsStatusContext(ctx, slack.AssistantThreadsSetStatusParameters{
		ChannelID: channel, ThreadTS: thread, Status: status})
	if err != nil {
		a.metrics.postErrors.Inc()
		log.Warn("assistant.threads.setStatus failed", "err", err)
	}
}

// channelFrame is the frame of what the channel's name names, when it
// names a place or a network the base knows ("#bielefeld",
// "#engagierte-stadt"), and "" otherwise (conversations.info, channels:read).
func (a *App) channelFrame(ctx context.Context, log *slog.Logger, channel string) string {
	ch, err := a.api.GetConversationInfoContext(ctx, &slack.GetConversationInfoInput{ChannelID: channel})
	if err != nil || ch == nil || ch.Name == "" {
		if err != nil {
			log.Info("conversations.info failed; no channel context", "err", err)
		}
		return ""
	}
	name := strings.NewReplacer("-", " ", "_", " ", ".", " ").Replace(ch.Name)
	ans := a.lookup(ctx, log, name, "")
	if !ans.Found || ans.Frame == "" || !namesHit(name, ans.Hits) {
		return ""
	}
	return ans.Frame
}

// namesHit reports whether name spells out a word of the first hit's title,
// so that a channel such as #allgemein never becomes a place by a fuzzy match.
func namesHit(name string, hits []domain.Hit) bool {
	if len(hits) == 0 {
		return false
	}
	name = strings.ToLower(name)
	for _, w := range strings.FieldsFunc(strings.ToLower(hits[0].Title), func(r rune) bool {
		return r == ' ' || r == '-' || r == '„' || r == '“' || r == '(' || r == ')' || r == ','
	}) {
		if len([]rune(w)) >= 4 && strings.Contains(name, w) {
			return true
		}
	}
	return false
}
