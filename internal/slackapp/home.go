package slackapp

import (
	"context"
	"log/slog"

	"github.com/engagiert/engagiert/internal/slackapp/blocks"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
)

// homeOpened publishes the Home tab, or welcomes a user who opens the
// Messages tab for the first time (the conversation has no message yet).
func (a *App) homeOpened(ctx context.Context, log *slog.Logger, e *slackevents.AppHomeOpenedEvent) {
	if e.User == "" {
		return
	}
	switch e.Tab {
	case "home":
		base, _ := a.cfg.Knowledge()
		view := blocks.Home(base, a.cfg.Command, a.cfg.Commands)
		if _, err := a.api.PublishViewContext(ctx, slack.PublishViewContextRequest{UserID: e.User, View: view}); err != nil {
			a.metrics.postErrors.Inc()
			a.lost(log.With("surface", SurfaceHome, "user", e.User, "channel", e.Channel), "views.publish failed", err)
		}
	case "messages":
		if e.Channel == "" {
			return
		}
		// Slack sends app_home_opened on every visit; the first one finds
		// the conversation empty (conversations.history, im:history).
		h, err := a.api.GetConversationHistoryContext(ctx, &slack.GetConversationHistoryParameters{ChannelID: e.Channel, Limit: 1})
		if err != nil {
			log.Warn("conversations.history failed; no welcome", "err", err)
			return
		}
		if len(h.Messages) > 0 {
			return
		}
		if first, _ := a.state.firstSeen(ctx, log, welcomeKey(a.user(e.User)), 0); !first {
			return // another replica is welcoming right now
		}
		log = log.With("user", e.User, "channel", e.Channel)
		log.Info("welcome")
		a.post(ctx, log, e.Channel, "", blocks.Welcome(a.cfg.Command, a.cfg.Commands))
	}
}

// homeQuestion answers a question from the Home tab (its question field or
// an example button) in a modal, and one typed into that modal in its place.
func (a *App) homeQuestion(ctx context.Context, log *slog.Logger, ic slack.InteractionCallback, q string) {
	log = log.With("surface", SurfaceHome)
	q = Question(q, "")
	m, _, _ := a.answer(ctx, log, SurfaceHome, q, "", blocks.Options{})
	if ic.View.Type == slack.VTModal && ic.View.ID != "" {
		a.updateModal(ctx, log, ic, m)
		return
	}
	a.openModal(ctx, log, ic.TriggerID, m)
}

// openModal opens m as a modal; the trigger_id of the click is valid for
// three seconds, which the ack-then-answer pipeline keeps to.
func (a *App) openModal(ctx context.Context, log *slog.Logger, triggerID string, m blocks.Message) bool {
	if triggerID == "" {
		log.Warn("no trigger_id to open a modal with")
		return false
	}
	if _, err := a.api.OpenViewContext(ctx, triggerID, blocks.Modal(m)); err != nil {
		a.metrics.postErrors.Inc()
		a.lost(log, "views.open failed", err)
		return false
	}
	markReplied(ctx)
	return true
}

// updateModal shows m in the modal the interaction came from.
func (a *App) updateModal(ctx context.Context, log *slog.Logger, ic slack.InteractionCallback, m blocks.Message) {
	if _, err := a.api.UpdateViewContext(ctx, blocks.Modal(m), "", ic.View.Hash, ic.View.ID); err != nil {
		a.metrics.postErrors.Inc()
		a.lost(log, "views.update failed", err)
		return
	}
	markReplied(ctx)
}

// shortcut answers the message shortcut "Frag engagiert": the message's
// text is the question, and the answer is for the person who used it only,
// ephemeral via response_url, or in a modal.
func (a *App) shortcut(ctx context.Context, log *slog.Logger, ic slack.InteractionCallback) {
	log = log.With("surface", SurfaceShortcut, "channel", ic.Channel.ID)
	q := Question(ic.Message.Text, a.ownUserID(ctx))
	opt := blocks.Options{Feedback: true, Forward: a.forwardButton(q, "", "")}
	m, ans, _ := a.answer(ctx, log, SurfaceShortcut, q, "", opt)
	if ic.ResponseURL != "" && a.tryRespond(ctx, log, ic.ResponseURL, ephemeral(m)) {
		return
	}
	a.openModal(ctx, log, ic.TriggerID, a.render(SurfaceShortcut, ans, blocks.Options{}))
}
