package slackapp

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/slackapp/blocks"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
)

// The pipeline every request goes through, whichever way it came:
//
//	verify   HTTP: slackRoute checks the signature (Socket Mode: the
//	         connection is authenticated by the app token)
//	parse    parseSlashCommand (slack.SlashCommandParse's fields, one
//	         pass), slack.InteractionCallbackParse, slackevents.ParseEvent
//	         (Socket Mode: socketmode parses the same)
//	ack      at once; a slash command's ack carries its answer
//	dispatch onCommand, onEvent, onInteraction: the only entry points, shared
//	         by http.go and socket.go
//	answer   answer(): the one call of domain.AskAfter with the conversation's
//	         previous frame, help, metrics and the unanswered log
//	render   package blocks, posted or returned as a slack.WebhookMessage
//	         (a slash command's response encoded by blocks.AppendWebhook)
//
// slack.WebhookMessage (not slack.Msg) is the response type: it is what
// slack-go posts to a response_url, and it leaves out what a response must
// not carry (slack.Msg always writes an empty "metadata" object).

// onCommand answers a parsed slash command; the result is the response body.
func (a *App) onCommand(ctx context.Context, log *slog.Logger, cmd slack.SlashCommand) []byte {
	return a.slashResponse(ctx, log, cmd)
}

// onEvent handles an Events API envelope after it was acked: it logs
// app_rate_limited, and answers each callback event once (firstSeen);
// retry is Slack's retry number, 0 for the first delivery.
func (a *App) onEvent(ctx context.Context, log *slog.Logger, ev slackevents.EventsAPIEvent, retry int) {
	switch ev.Type {
	case slackevents.AppRateLimited:
		a.metrics.rateLimited.Inc()
		rl, _ := ev.Data.(*slackevents.EventsAPIAppRateLimited)
		var minute int
		if rl != nil {
			minute = rl.MinuteRateLimited
		}
		log.Warn("app_rate_limited: Slack drops events for this app for the rest of the minute",
			"team_id", ev.TeamID, "minute_rate_limited", minute)
		return
	case slackevents.CallbackEvent:
	default:
		return
	}
	if ignorable(ev.InnerEvent.Data) {
		return // not even its event_id is kept
	}
	var eventID string
	if cb, ok := ev.Data.(*slackevents.EventsAPICallbackEvent); ok {
		eventID = cb.EventID
	}
	log = log.With("event_id", eventID, "event_type", ev.InnerEvent.Type)
	if !handledEvents[ev.InnerEvent.Type] {
		a.guard.undecoded.WithLabelValues("not_handled").Inc()
		log.Warn("event not handled; acked")
		return
	}
	a.background(ctx, log, func(ctx context.Context) {
		if a.firstSeen(ctx, log, eventID, retry, ev) {
			a.event(ctx, log, ev)
		}
	}, a.sorryEvent(log, ev))
}

// ignorable reports whether an event is certainly none of the bot's
// business: with message.channels and message.groups Slack sends every
// message of the channels the bot is in, and only replies in threads can
// concern it (mentions come as app_mention).
func ignorable(inner any) bool {
	e, ok := inner.(*slackevents.MessageEvent)
	if !ok || e.ChannelType == slackevents.ChannelTypeIM {
		return false
	}
	return e.ThreadTimeStamp == "" || e.ThreadTimeStamp == e.TimeStamp || e.BotID != "" || !answerableSubtypes[e.SubType]
}

// onInteraction handles a parsed interaction payload after it was acked.
func (a *App) onInteraction(ctx context.Context, log *slog.Logger, ic slack.InteractionCallback) {
	a.background(ctx, log, func(ctx context.Context) { a.interaction(ctx, log, ic) }, a.sorryInteraction(log, ic))
}

// isHelp reports whether q asks for help rather than for knowledge.
func isHelp(q string) bool {
	switch strings.ToLower(strings.Trim(q, " ?!.")) {
	case "", "hilfe", "help", "befehle":
		return true
	}
	return false
}

// help is the help text for a surface: it says how to ask there.
func (a *App) help(surface string) blocks.Message {
	switch surface {
	case SurfaceMention, SurfaceThread:
		return blocks.HelpFor(a.cfg.Command, blocks.HelpMention, a.cfg.Commands)
	case SurfaceDM:
		return blocks.HelpFor(a.cfg.Command, blocks.HelpDM, a.cfg.Commands)
	}
	return blocks.HelpFor(a.cfg.Command, blocks.HelpSlash, a.cfg.Commands)
}

// ask asks the core, as a follow-up of prev when prev is set, and keeps the
// books: duration, questions and the unanswered log that the misses report
// reads. Every question a user asks goes through here.
func (a *App) ask(ctx context.Context, log *slog.Logger, surface, q, prev string) domain.Answer {
	start := time.Now()
	ans := a.lookup(ctx, log, q, prev)
	m := a.metrics.surface(surface)
	m.duration.Observe(time.Since(start).Seconds())
	m.questions.Inc()
	if !ans.Found {
		// The caller's log carries the surface. The question is the one
		// text of a person the bot logs, and only unanswered (for `engagiert
		// misses`); Config.HideQuestions leaves it out.
		if a.cfg.HideQuestions {
			log.Info("unanswered")
		} else {
			log.Info("unanswered", "question", clipText(q))
		}
		m.unanswered.Inc()
	}
	return ans
}

// lookup asks the core without counting: for answers shown again (shared,
// paged, re-rendered after a vote). It is the one call of the Asker, and
// turns its panic into an apology (see recover.go).
func (a *App) lookup(ctx context.Context, log *slog.Logger, q, prev string) (ans domain.Answer) {
	defer func() {
		if r := recover(); r != nil {
			a.reportPanic(log, PanicAnswer, r)
			ans = domain.Apology(q)
		}
	}()
	ans = domain.AskAfter(ctx, a.cfg.Asker, q, prev)
	if ans.Panicked {
		// The engine recovered it and logged its stack; this line ties it
		// to the request.
		a.metrics.panics.WithLabelValues(PanicAnswer).Inc()
		log.Error("answer panicked; the engine answered with an apology")
	}
	if ans.Query == "" {
		ans.Query = q
	}
	return ans
}

// answer is the answer and render steps: help for the surface, or the
// answer to q read against prev, rendered with opt. ok is false when the
// engine failed, so the result must not be remembered.
func (a *App) answer(ctx context.Context, log *slog.Logger, surface, q, prev string, opt blocks.Options) (m blocks.Message, ans domain.Answer, ok bool) {
	q = a.cutQuestion(q)
	if isHelp(q) {
		return a.help(surface), domain.Answer{Query: q, Found: true, Kind: domain.KindHelp}, true
	}
	ans = a.ask(ctx, log, surface, q, prev)
	if ans.Kind == domain.KindHelp {
		return a.help(surface), ans, !ans.Failed
	}
	return blocks.Answer(ans, opt), ans, !ans.Failed
}

// render renders an answer that is shown again (share, vote), as answer does.
func (a *App) render(surface string, ans domain.Answer, opt blocks.Options) blocks.Message {
	if ans.Kind == domain.KindHelp || isHelp(ans.Query) {
		return a.help(surface)
	}
	return blocks.Answer(ans, opt)
}

// forwardButton is the forward button's value for a question asked in
// channel (thread: where the answer went; channel "": relay by DM), or ""
// without a curators' channel.
func (a *App) forwardButton(q, channel, thread string) string {
	if a.cfg.CuratorChannel == "" || isHelp(q) {
		return ""
	}
	return blocks.ForwardRef{Question: q, Channel: channel, Thread: thread}.Encode()
}

// ephemeral is m as a response only the asker sees.
func ephemeral(m blocks.Message) slack.WebhookMessage {
	return webhook(slack.ResponseTypeEphemeral, m)
}

// webhook is m as a response of the given response_type.
func webhook(responseType string, m blocks.Message) slack.WebhookMessage {
	w := slack.WebhookMessage{ResponseType: responseType, Text: m.Text}
	if len(m.Blocks) > 0 {
		w.Blocks = &slack.Blocks{BlockSet: m.Blocks}
	}
	return w
}

// encodeResponse is the JSON of a response, as json.Marshal writes it,
// written directly (blocks.AppendWebhook): encoding/json's way through
// slack-go's types cost more than rendering the answer. It is written into
// a buffer kept for the next response and copied out at its size: a
// response is remembered (slashResponse), and growing a new buffer to a
// few KB for each cost twice its size.
func encodeResponse(w slack.WebhookMessage) ([]byte, error) {
	buf := responseBufs.Get().(*[]byte)
	b, err := blocks.AppendWebhook((*buf)[:0], w)
	out := bytes.Clone(b)
	if cap(b) <= maxKeptResponseBuf {
		*buf = b
		responseBufs.Put(buf)
	}
	return out, err
}

// responseBufs are encodeResponse's buffers; one larger than
// maxKeptResponseBuf (a long answer) is not kept.
var responseBufs = sync.Pool{New: func() any { b := make([]byte, 0, 4096); return &b }}

const maxKeptResponseBuf = 64 << 10

// formRequest is r with its body, already read and verified, to read again
// by slack-go's parsers (they call r.ParseForm).
func formRequest(r *http.Request, body []byte) *http.Request {
	r2 := r.Clone(r.Context())
	r2.Body = io.NopCloser(bytes.NewReader(body))
	r2.ContentLength = int64(len(body))
	r2.Form, r2.PostForm = nil, nil
	if r2.Header.Get("Content-Type") == "" {
		r2.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	return r2
}

// sslCheck answers Slack's certificate check of the slash command URL
// (POST ssl_check=1, unsigned) with 200 and an empty body before any
// signature check, as Bolt does. Only unsigned requests are looked at;
// anything else goes on to h, and to its checks.
func sslCheck(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Slack-Signature") != "" || r.ContentLength > 4096 {
			h.ServeHTTP(w, r)
			return
		}
		body, err := io.ReadAll(io.LimitReader(r.Body, 4097))
		if err == nil && len(body) <= 4096 {
			if f, perr := url.ParseQuery(string(body)); perr == nil && f.Get("ssl_check") == "1" {
				w.WriteHeader(http.StatusOK)
				return
			}
		}
		r.Body = io.NopCloser(io.MultiReader(bytes.NewReader(body), r.Body))
		h.ServeHTTP(w, r)
	})
}
