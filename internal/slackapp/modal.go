package slackapp

import (
	"context"
	"log/slog"
	"strings"
	"time"

	"github.com/engagiert/engagiert/internal/slackapp/blocks"
	"github.com/slack-go/slack"
)

// isModalQuestion reports whether ic submits the answer modal's question
// field ("Fragen"): Slack wants the next view in the response itself.
func isModalQuestion(ic slack.InteractionCallback) bool {
	return ic.Type == slack.InteractionTypeViewSubmission && ic.View.CallbackID == blocks.CallbackModal
}

// modalSubmission answers the question submitted from the answer modal
// with the next modal (response_action "update"), within SlashDeadline; a
// slower answer shows "Einen Moment …" first and replaces it by
// views.update. An empty field gets Slack's inline error.
func (a *App) modalSubmission(ctx context.Context, log *slog.Logger, ic slack.InteractionCallback) *slack.ViewSubmissionResponse {
	log = log.With("surface", SurfaceHome, "user", ic.User.ID)
	var q string
	if ic.View.State != nil {
		q = ic.View.State.Values[blocks.HomeQuestionBlockID][blocks.ActionQuestion].Value
	}
	q = Question(q, "")
	if strings.TrimSpace(q) == "" {
		return slack.NewErrorsViewSubmissionResponse(map[string]string{blocks.HomeQuestionBlockID: "Schreib bitte eine Frage."})
	}
	done := make(chan blocks.Message, 1)
	a.background(ctx, log, func(ctx context.Context) {
		m, _, _ := a.answer(ctx, log, SurfaceHome, q, "", blocks.Options{})
		done <- m
	}, func(context.Context) { done <- apologyMessage() })
	timer := time.NewTimer(a.cfg.SlashDeadline)
	defer timer.Stop()
	select {
	case m := <-done:
		v := blocks.Modal(m)
		return slack.NewUpdateViewSubmissionResponse(&v)
	case <-timer.C:
	}
	viewID := ic.View.ID
	a.background(ctx, log, func(ctx context.Context) {
		select {
		case m := <-done:
			if _, err := a.api.UpdateViewContext(ctx, blocks.Modal(m), "", "", viewID); err != nil {
				a.metrics.postErrors.Inc()
				a.lost(log, "views.update failed", err)
			}
		case <-ctx.Done():
		}
	}, nil)
	v := blocks.Modal(blocks.Notice("Einen Moment, ich suche noch …"))
	return slack.NewUpdateViewSubmissionResponse(&v)
}
