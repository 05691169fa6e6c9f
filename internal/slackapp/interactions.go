package slackapp

import (
	"context"
	"errors"
	"log/slog"
	"strings"

	"github.com/engagiert/engagiert/internal/slackapp/blocks"
	"github.com/slack-go/slack"
)

// interaction handles a click, a question typed into the Home tab or a
// modal, or the message shortcut, after it was acked.
func (a *App) interaction(ctx context.Context, log *slog.Logger, ic slack.InteractionCallback) {
	switch ic.Type {
	case slack.InteractionTypeMessageAction:
		if ic.CallbackID == blocks.CallbackAsk {
			a.shortcut(ctx, log.With("callback_id", ic.CallbackID, "user", ic.User.ID), ic)
		} else {
			log.Warn("unknown shortcut", "callback_id", ic.CallbackID)
		}
		return
	case slack.InteractionTypeBlockActions:
	default:
		return
	}
	for _, act := range ic.ActionCallback.BlockActions {
		log := log.With("action", act.ActionID, "user", ic.User.ID)
		switch {
		case act.ActionID == blocks.ActionShare:
			a.share(ctx, log, ic, act.Value)
		case act.ActionID == blocks.ActionMore:
			a.more(ctx, log, ic, act.Value)
		case act.ActionID == blocks.ActionFeedbackUp || act.ActionID == blocks.ActionFeedbackDown:
			a.vote(ctx, log, ic, act)
		case act.ActionID == blocks.ActionForward:
			a.forward(ctx, log, ic, act.Value)
		case act.ActionID == blocks.ActionQuestion:
			// The question field on Home or in the answer modal.
			a.homeQuestion(ctx, log, ic, act.Value)
		case strings.HasPrefix(act.ActionID, blocks.ActionAskPrefix):
			// An example question on the Home tab.
			a.homeQuestion(ctx, log, ic, act.Value)
		case strings.HasPrefix(act.ActionID, blocks.ActionLinkPrefix):
			// A website button: Slack opens the URL, nothing to do.
		default:
			log.Warn("unknown action")
		}
	}
}

// share posts the answer of an ephemeral slash response to the channel for
// everyone, with the question and who shared it, and removes the ephemeral
// copy. A response_url lives 30 minutes; when it fails, chat.postMessage
// posts instead (chat:write.public: also in public channels the bot is not
// in), and when that fails too the user is told.
func (a *App) share(ctx context.Context, log *slog.Logger, ic slack.InteractionCallback, q string) {
	ans := a.lookup(ctx, log, q, "")
	opt := blocks.Options{Feedback: true}
	if blocks.ValidID(ic.User.ID) {
		opt.SharedBy = ic.User.ID
	}
	m := blocks.WithQuestion(a.render(SurfaceSlash, ans, opt), q, ic.User.ID)
	if a.tryRespond(ctx, log, ic.ResponseURL, webhook(slack.ResponseTypeInChannel, m)) {
		log.Info("answer shared", "channel", ic.Channel.ID)
		a.respond(ctx, log, ic.ResponseURL, slack.WebhookMessage{DeleteOriginal: true})
		return
	}
	channel := ic.Channel.ID
	if channel == "" {
		channel = ic.Container.ChannelID
	}
	ts, err := a.postErr(ctx, channel, "", m)
	if err == nil {
		a.metrics.shareFalls.WithLabelValues("post").Inc()
		log.Info("answer shared by chat.postMessage", "channel", channel)
		// The shared answer opens a thread for follow-ups.
		a.remember(ctx, log, threadKey(channel, ts), ans, a.cfg.Retention.Threads)
		return
	}
	a.lost(log.With("channel", channel), "share failed: response_url and chat.postMessage", err)
	sorry := blocks.Notice("Ich konnte die Antwort nicht im Channel teilen (" + slackError(err) +
		"). Lade mich in den Channel ein (/invite @engagiert) oder frag noch einmal mit /engagiert.")
	if a.tell(ctx, log, channel, ic.User.ID, sorry) {
		a.metrics.shareFalls.WithLabelValues("told_user").Inc()
		return
	}
	a.metrics.shareFalls.WithLabelValues("lost").Inc()
}

// tell shows m to user: ephemeral in channel, or else by DM.
func (a *App) tell(ctx context.Context, log *slog.Logger, channel, user string, m blocks.Message) bool {
	if user == "" {
		return false
	}
	if channel != "" {
		_, err := a.api.PostEphemeralContext(ctx, channel, user,
			slack.MsgOptionText(m.Text, false), slack.MsgOptionBlocks(m.Blocks...))
		if err == nil {
			markReplied(ctx)
			return true
		}
		a.metrics.postErrors.Inc()
		log.Warn("chat.postEphemeral failed; trying a DM", "channel", channel, "err", err)
	}
	_, err := a.postErr(ctx, user, "", m)
	if err != nil {
		a.lost(log, "DM to user failed", err)
	}
	return err == nil
}

// slackError is the short reason of a Web API error, safe to show.
func slackError(err error) string {
	var se slack.SlackErrorResponse
	if errors.As(err, &se) && se.Err != "" {
		return se.Err
	}
	var re *slack.RateLimitedError
	if errors.As(err, &re) {
		return "Slack bremst gerade"
	}
	return "Slack hat nicht geantwortet"
}

// more replaces a list that was cut with its next page, from the item the
// button points at; the pages reach every item.
func (a *App) more(ctx context.Context, log *slog.Logger, ic slack.InteractionCallback, value string) {
	ref, err := blocks.DecodeMoreRef(value)
	if err != nil {
		log.Warn("bad more button", "err", err)
		return
	}
	ans := a.lookup(ctx, log, ref.Question, "")
	m := blocks.More(ans, ref)
	if ic.View.ID != "" { // in the answer modal
		a.updateModal(ctx, log, ic, m)
		return
	}
	msg := webhook("", m) // the replaced message keeps who sees it
	msg.ReplaceOriginal = true
	a.respond(ctx, log, ic.ResponseURL, msg)
}
