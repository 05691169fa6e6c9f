package slackapp

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/recovery"
	"github.com/engagiert/engagiert/internal/slackapp/blocks"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"
)

// Panics. Whatever the engine or a handler does, one question must cost at
// most one answer, never the process: Slack retries an event that was not
// answered, and a question that panics would end every replica it reaches,
// one after the other. So every boundary where work starts recovers:
//
//	answer      the call of the Asker (lookup): the user gets an apology as
//	            the answer; an Answer.Panicked the engine recovered itself
//	            counts here too
//	background  each goroutine started for an event, click or slash command:
//	            the user gets an apology where one was due (a mention, a
//	            DM, a slash command, a click) and nothing was posted yet
//	http        each request: a slash command gets the apology as its
//	            response, anything else its ack (500 for the health routes)
//	socket      each Socket Mode envelope: acked, a slash command with the
//	            apology
//	reload      the knowledge watcher (cmd/engagiert, through reportPanic)
//
// Each is logged once at ERROR with a short stack and the request's ids,
// and counted in engagiert_panics_total{where}.

// Where a panic was recovered: the label values of engagiert_panics_total.
const (
	PanicAnswer     = "answer"
	PanicBackground = "background"
	PanicHTTP       = "http"
	PanicSocket     = "socket"
	PanicReload     = "reload"
)

var panicPlaces = []string{PanicAnswer, PanicBackground, PanicHTTP, PanicSocket, PanicReload}

// CountPanic counts a panic recovered elsewhere (the knowledge watcher)
// in engagiert_panics_total{where}; the recovering code logs it.
func (a *App) CountPanic(where string) { a.metrics.panics.WithLabelValues(where).Inc() }

// reportPanic logs a recovered panic v at ERROR with the stack of the
// goroutine that panicked (call it from the deferred function) and counts
// it under where.
func (a *App) reportPanic(log *slog.Logger, where string, v any) {
	a.metrics.panics.WithLabelValues(where).Inc()
	log.Error("panic recovered", "where", where, "panic", clipBytes(fmt.Sprint(v), maxErrBytes), "stack", recovery.Stack(1))
}

// apologyMessage is domain.Apology as a short notice, for where no
// answer was made yet.
func apologyMessage() blocks.Message { return blocks.Notice(domain.ApologyLead) }

// replyState records whether background work has replied to the user yet,
// so that a panic after the reply does not add an apology to it.
type replyState struct{ replied atomic.Bool }

type replyKey struct{}

// markReplied notes in ctx's background work that the user got a reply.
func markReplied(ctx context.Context) {
	if s, ok := ctx.Value(replyKey{}).(*replyState); ok {
		s.replied.Store(true)
	}
}

// background runs f outside the request that asked for it (Slack wants an
// ack within 3 seconds), with a context that outlives the request but not
// forever. A panic in f is recovered and reported with log (it carries the
// event_id or request_id); then sorry, if not nil, tells the user, unless
// f had replied already.
func (a *App) background(ctx context.Context, log *slog.Logger, f func(ctx context.Context), sorry func(ctx context.Context)) {
	a.work.Add(1)
	a.workers.do(func() {
		defer a.work.Done()
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
		defer cancel()
		if a.stopCtx != nil {
			defer context.AfterFunc(a.stopCtx, cancel)()
		}
		state := &replyState{}
		ctx = context.WithValue(ctx, replyKey{}, state)
		defer func() {
			r := recover()
			if r == nil {
				return
			}
			a.reportPanic(log, PanicBackground, r)
			if sorry != nil && !state.replied.Load() {
				a.safely(log, func() { sorry(ctx) })
			}
		}()
		f(ctx)
	})
}

// aside runs f on a worker for a request that waits for it (a slash
// command's answer, see slashInTime), with ctx's values but not its end: a
// request Slack gave up on still gets its answer, which follows via
// response_url. Unlike background, it sets no timer of its own and
// registers nothing with ctx: the work is the engine's, which reads no
// network, and it ends at the latest when the App stops waiting (stopCtx).
// A panic in f is recovered and reported; then sorry runs.
func (a *App) aside(ctx context.Context, log *slog.Logger, f func(ctx context.Context), sorry func()) {
	a.work.Add(1)
	a.workers.do(func() {
		defer a.work.Done()
		defer func() {
			if r := recover(); r != nil {
				a.reportPanic(log, PanicBackground, r)
				a.safely(log, sorry)
			}
		}()
		f(detached{Context: context.WithoutCancel(ctx), stop: a.stopCtx})
	})
}

// detached is a context with the values of Context (a context.WithoutCancel)
// that ends with stop.
type detached struct {
	context.Context
	stop context.Context
}

func (d detached) Deadline() (time.Time, bool) { return d.stop.Deadline() }
func (d detached) Done() <-chan struct{}       { return d.stop.Done() }
func (d detached) Err() error                  { return d.stop.Err() }

// safely runs f, logging (not counting again) a panic in it: for apologies
// made after a panic, which must not panic the process themselves.
func (a *App) safely(log *slog.Logger, f func()) {
	defer func() {
		if r := recover(); r != nil {
			log.Error("apology failed", "panic", clipBytes(fmt.Sprint(r), maxErrBytes))
		}
	}()
	f()
}

// writeTracker remembers whether a handler has written its response.
type writeTracker struct {
	http.ResponseWriter
	wrote bool
}

func (w *writeTracker) WriteHeader(code int) { w.wrote = true; w.ResponseWriter.WriteHeader(code) }
func (w *writeTracker) Write(b []byte) (int, error) {
	w.wrote = true
	return w.ResponseWriter.Write(b)
}
func (w *writeTracker) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// guardHTTP runs h, recovering its panic: the panic is reported, and
// answer writes the response unless h had begun to.
func (a *App) guardHTTP(w http.ResponseWriter, log *slog.Logger, h, answer func(w http.ResponseWriter)) {
	tw := &writeTracker{ResponseWriter: w}
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		if r == http.ErrAbortHandler {
			panic(r) // net/http's way to abort a response, not a bug
		}
		a.reportPanic(log, PanicHTTP, r)
		if !tw.wrote {
			answer(w)
		}
	}()
	h(tw)
}

// recoverSlack runs a verified Slack request's handler; if it panics, the
// request still gets its answer: an apology for a slash command, an ack
// for the rest (a 5xx only makes Slack retry what panicked).
func (a *App) recoverSlack(kind string, w http.ResponseWriter, log *slog.Logger, h func(w http.ResponseWriter)) {
	a.guardHTTP(w, log, h, func(w http.ResponseWriter) {
		if kind != "command" {
			w.WriteHeader(http.StatusOK)
			return
		}
		b, _ := encodeResponse(ephemeral(apologyMessage()))
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(b)
	})
}

// recoverHTTP answers 500 for a request whose handler panicked (the
// health routes; Slack's routes recover in recoverSlack).
func (a *App) recoverHTTP(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a.guardHTTP(w, a.httpLog.With("path", r.URL.Path), func(w http.ResponseWriter) { h.ServeHTTP(w, r) },
			func(w http.ResponseWriter) { http.Error(w, "internal error", http.StatusInternalServerError) })
	})
}

// recoverSocket handles one Socket Mode event, recovering a panic: the
// envelope is acked (a slash command with the apology), so Slack neither
// shows an error nor redelivers what panicked.
func (a *App) recoverSocket(ctx context.Context, client *socketmode.Client, evt socketmode.Event) {
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		log := a.log.With("kind", string(evt.Type))
		if evt.Request != nil && evt.Request.EnvelopeID != "" {
			log = log.With("envelope_id", evt.Request.EnvelopeID)
		}
		a.reportPanic(log, PanicSocket, r)
		var payload any
		if evt.Type == socketmode.EventTypeSlashCommand {
			payload = ephemeral(apologyMessage())
		}
		a.safely(log, func() { _ = a.ack(ctx, client, log, evt.Request, payload) })
	}()
	a.socketEvent(ctx, client, evt)
}

// sorryInteraction tells whoever clicked that it went wrong, only them.
func (a *App) sorryInteraction(log *slog.Logger, ic slack.InteractionCallback) func(ctx context.Context) {
	return func(ctx context.Context) {
		msg := ephemeral(apologyMessage())
		if ic.ResponseURL != "" && a.tryRespond(ctx, log, ic.ResponseURL, msg) {
			return
		}
		a.tell(ctx, log, firstNonEmpty(ic.Channel.ID, ic.Container.ChannelID), ic.User.ID, apologyMessage())
	}
}

// sorryEvent tells the asker of a mention or a direct message, where the
// answer would have gone, that it went wrong; other events asked nothing.
func (a *App) sorryEvent(log *slog.Logger, ev slackevents.EventsAPIEvent) func(ctx context.Context) {
	var channel, thread, ts string
	switch e := ev.InnerEvent.Data.(type) {
	case *slackevents.AppMentionEvent:
		if e.BotID != "" || e.Edited != nil {
			return nil
		}
		channel, thread, ts = e.Channel, firstNonEmpty(e.ThreadTimeStamp, e.TimeStamp), e.TimeStamp
	case *slackevents.MessageEvent:
		if e.ChannelType != slackevents.ChannelTypeIM || e.BotID != "" || e.User == "" || !answerableSubtypes[e.SubType] {
			return nil
		}
		channel, thread, ts = e.Channel, e.ThreadTimeStamp, e.TimeStamp
	default:
		return nil
	}
	// The apology is the answer to the message, for a look at the thread.
	return func(ctx context.Context) { a.post(ctx, log, channel, thread, apologyMessage(), replyMetadata(ts)) }
}
