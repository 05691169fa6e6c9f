package slackapp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"
)

// RunSocketMode connects to Slack over Socket Mode and serves the same
// surfaces as the HTTP routes until ctx ends. Every envelope is acked before
// the work it asks for; the work runs in the background so the events
// channel is drained promptly. It returns nil when ctx ends.
func (a *App) RunSocketMode(ctx context.Context) error {
	if a.cfg.AppToken == "" {
		return errors.New("slackapp: Socket Mode needs an app token (xapp-)")
	}
	client := socketmode.New(a.api)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	errc := make(chan error, 1)
	go func() { errc <- client.RunContext(ctx) }()
	for {
		select {
		case <-ctx.Done():
			<-errc
			return nil
		case err := <-errc:
			if ctx.Err() != nil || errors.Is(err, context.Canceled) {
				return nil
			}
			return err
		case evt := <-client.Events:
			a.recoverSocket(ctx, client, evt)
		}
	}
}

// socketEvent handles one Socket Mode event; it never blocks on Slack.
func (a *App) socketEvent(ctx context.Context, client *socketmode.Client, evt socketmode.Event) {
	log := a.log.With("request_id", newRequestID(), "kind", string(evt.Type))
	if evt.Request != nil && evt.Request.EnvelopeID != "" {
		log = log.With("envelope_id", evt.Request.EnvelopeID)
	}
	switch evt.Type {
	case socketmode.EventTypeConnecting:
		log.Info("socket mode connecting")
	case socketmode.EventTypeConnected:
		if c, ok := evt.Data.(*socketmode.ConnectedEvent); ok && c.ConnectionCount > 0 {
			a.metrics.reconnects.Inc()
			log.Info("socket mode reconnected", "connection", c.ConnectionCount)
		} else {
			log.Info("socket mode connected")
		}
	case socketmode.EventTypeConnectionError:
		log.Warn("socket mode connection error", "err", clipBytes(fmt.Sprint(evt.Data), maxErrBytes))
	case socketmode.EventTypeInvalidAuth:
		log.Error("socket mode: invalid app token")
	case socketmode.EventTypeDisconnect:
		log.Info("socket mode: Slack asked to reconnect")
	case socketmode.EventTypeHello:
		log.Debug("socket mode hello")
	case socketmode.EventTypeErrorBadMessage:
		a.socketBadMessage(ctx, client, log, evt)
	case socketmode.EventTypeIncomingError, socketmode.EventTypeErrorWriteFailed:
		log.Warn("socket mode error", "type", string(evt.Type), "err", clipBytes(fmt.Sprint(evt.Data), maxErrBytes))
	case socketmode.EventTypeEventsAPI:
		_ = a.ack(ctx, client, log, evt.Request, nil)
		a.metrics.requests.WithLabelValues("event", "ok").Inc()
		ev, ok := evt.Data.(slackevents.EventsAPIEvent)
		if !ok {
			return
		}
		retry := 0
		if evt.Request != nil && evt.Request.RetryAttempt > 0 {
			retry = evt.Request.RetryAttempt
			log = log.With("retry_num", retry, "retry_reason", clipBytes(evt.Request.RetryReason, 64))
		}
		a.onEvent(ctx, log, ev, retry)
	case socketmode.EventTypeSlashCommand:
		a.metrics.requests.WithLabelValues("command", "ok").Inc()
		cmd, ok := evt.Data.(slack.SlashCommand)
		if !ok {
			_ = a.ack(ctx, client, log, evt.Request, nil)
			return
		}
		// The answer is the ack's payload: Slack shows it like an HTTP response.
		// slash returns within SlashDeadline, well inside Slack's 3 seconds;
		// it runs aside so the events channel keeps draining meanwhile.
		req := evt.Request
		var acked atomic.Bool
		a.background(ctx, log, func(ctx context.Context) {
			resp := a.onCommand(ctx, log, cmd)
			acked.Store(true)
			if err := a.ack(ctx, client, log, req, json.RawMessage(resp)); err != nil {
				// Too big for a Socket Mode response: ack empty, post via response_url.
				_ = a.ack(ctx, client, log, req, nil)
				var msg slack.WebhookMessage
				if err := json.Unmarshal(resp, &msg); err == nil {
					a.respond(ctx, log, cmd.ResponseURL, msg)
				}
			}
		}, func(ctx context.Context) {
			if !acked.Load() {
				_ = a.ack(ctx, client, log, req, ephemeral(apologyMessage()))
			}
		})
	case socketmode.EventTypeInteractive:
		a.metrics.requests.WithLabelValues("interaction", "ok").Inc()
		ic, ok := evt.Data.(slack.InteractionCallback)
		if ok && isModalQuestion(ic) {
			// The next view is the ack's payload, as over HTTP.
			req := evt.Request
			a.background(ctx, log, func(ctx context.Context) { _ = a.ack(ctx, client, log, req, a.modalSubmission(ctx, log, ic)) },
				func(ctx context.Context) { _ = a.ack(ctx, client, log, req, nil) })
			return
		}
		_ = a.ack(ctx, client, log, evt.Request, nil)
		if !ok {
			return
		}
		a.onInteraction(ctx, log, ic)
	default:
		if evt.Request != nil && evt.Request.EnvelopeID != "" {
			_ = a.ack(ctx, client, log, evt.Request, nil)
		}
	}
}

// ack acknowledges an envelope, with payload if not nil.
func (a *App) ack(ctx context.Context, client *socketmode.Client, log *slog.Logger, req *socketmode.Request, payload any) error {
	if req == nil || req.EnvelopeID == "" {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := client.AckCtx(ctx, req.EnvelopeID, payload); err != nil {
		log.Warn("socket mode ack failed", "err", err)
		return err
	}
	return nil
}
