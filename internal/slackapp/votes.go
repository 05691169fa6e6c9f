package slackapp

import (
	"context"
	"crypto/rand"
	"log/slog"
	"strings"

	"github.com/engagiert/engagiert/internal/slackapp/blocks"
	"github.com/slack-go/slack"
)

// vote takes a 👍/👎: it replaces the buttons of that answer with a
// thank-you line (replace_original), and keeps one vote per user and answer
// in the Store. A repeated click is not counted again; a changed vote
// replaces the old one (engagiert_feedback_votes moves from one to the other).
func (a *App) vote(ctx context.Context, log *slog.Logger, ic slack.InteractionCallback, act *slack.BlockAction) {
	vote := "up"
	if act.ActionID == blocks.ActionFeedbackDown {
		vote = "down"
	}
	channel, ts := ic.Container.ChannelID, ic.Container.MessageTs
	if channel == "" {
		channel = ic.Channel.ID
	}
	if ts == "" {
		ts = ic.Message.Timestamp
	}
	old := ""
	if ts != "" && ic.User.ID != "" {
		// The value carries a token of this click: a Swap that go-redis
		// repeats after a timeout finds its own value, not a vote before.
		token := rand.Text()
		prev, prevToken, _ := strings.Cut(a.state.swap(ctx, log, voteKey(channel, ts, a.user(ic.User.ID)), vote+":"+token, a.cfg.Retention.Votes), ":")
		if prevToken != token {
			old = prev
		}
	}
	switch old {
	case vote:
		log.Info("feedback repeated", "vote", vote, "channel", channel)
	default:
		a.metrics.feedback.WithLabelValues(vote).Inc()
		a.metrics.votes.WithLabelValues(vote).Inc()
		if old != "" {
			a.metrics.votes.WithLabelValues(old).Dec()
		}
		log.Info("feedback", "vote", vote, "previous", old, "channel", channel)
	}

	// The answer with the thank-you in place of the buttons: from the
	// message itself when Slack sends it, else rendered again.
	var m blocks.Message
	if bs, ok := blocks.Voted(ic.Message.Blocks.BlockSet, vote); ok {
		m = blocks.Message{Text: ic.Message.Text, Blocks: bs}
	} else {
		ans := a.lookup(ctx, log, act.Value, "")
		opt := blocks.Options{Share: ic.Container.IsEphemeral, Feedback: true, Voted: vote}
		if ic.Container.IsEphemeral {
			opt.Forward = a.forwardButton(act.Value, "", "")
		}
		m = a.render(SurfaceSlash, ans, opt)
	}
	if ic.ResponseURL != "" {
		msg := webhook("", m)
		msg.ReplaceOriginal = true
		if a.respond(ctx, log, ic.ResponseURL, msg) {
			return
		}
	}
	if ic.Container.IsEphemeral || channel == "" || ts == "" {
		return
	}
	if _, _, _, err := a.api.UpdateMessageContext(ctx, channel, ts,
		slack.MsgOptionText(m.Text, false), slack.MsgOptionBlocks(m.Blocks...)); err != nil {
		a.metrics.postErrors.Inc()
		a.lost(log, "chat.update failed", err)
	}
}
