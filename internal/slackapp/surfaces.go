package slackapp

import (
	"context"
	"errors"
	"log/slog"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/engagiert/engagiert/internal/slackapp/blocks"
	"github.com/slack-go/slack"
)

// Slack's markup in message text: <@U123|name>, <#C123|name>, <!here>, <https://…|label>.
var markup = regexp.MustCompile(`<([@#!]?)([^<>|]*)(?:\|([^<>]*))?>`)

// Question turns the text of a Slack message into the question to ask: the
// mention of the bot (botUserID, or any mention that opens the text) is
// dropped, other markup becomes its readable form, and Slack's escaping is undone.
func Question(text, botUserID string) string {
	text = strings.TrimSpace(text)
	out := text
	if strings.IndexByte(text, '<') >= 0 {
		out = replaceMarkup(text, botUserID)
	}
	if strings.IndexByte(out, '&') >= 0 {
		out = slackEntities.Replace(out)
	}
	return strings.Join(strings.Fields(out), " ")
}

// slackEntities undoes Slack's escaping of &, < and > in message text.
var slackEntities = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&")

// replaceMarkup is Question's markup step: each piece of Slack's markup in
// text as the question reads it.
func replaceMarkup(text, botUserID string) string {
	first := true
	return markup.ReplaceAllStringFunc(text, func(m string) string {
		leading := first && strings.HasPrefix(text, m)
		first = false
		p := markup.FindStringSubmatch(m)
		kind, id, label := p[1], p[2], p[3]
		switch kind {
		case "@":
			if id == botUserID || leading {
				return " "
			}
			if label != "" {
				return "@" + label
			}
			return " "
		case "#":
			if label != "" {
				return "#" + label
			}
			return " "
		case "!":
			// <!here>, <!channel>: keep the word, never the ping.
			if label != "" {
				return label
			}
			return "@" + strings.TrimPrefix(strings.SplitN(id, "^", 2)[0], "subteam")
		}
		if label != "" {
			return label
		}
		return id
	})
}

// slashResponse answers a slash command within SlashDeadline, as JSON:
// when the answer takes longer, the response says so and the answer
// follows in the background via response_url, in its place. Answers given
// in time are remembered per knowledge version, day (Berlin) and question,
// since they depend on nothing else: an answer about the next event changes
// at German midnight. Rendering and encoding cost more than the (cached) answer,
// and a team asks the same things again. A remembered response still counts
// and logs its question, as the metrics and `engagiert misses` expect.
func (a *App) slashResponse(ctx context.Context, log *slog.Logger, cmd slack.SlashCommand) []byte {
	// The key is the question as the engine reads it (at most
	// Config.MaxQuestion characters): a 40 KB paste costs the cache no
	// more than any question, and what it adds beyond could not change
	// the answer.
	q := a.cutQuestion(Question(cmd.Text, ""))
	key := ""
	if base, _ := a.cfg.Knowledge(); base != nil && a.responses != nil {
		key = base.Version + "\x00" + a.cfg.Clock.Today().ISO() + "\x00" + q
	}
	if key == "" {
		resp, _ := a.slashInTime(ctx, log, cmd, q)
		b, err := encodeResponse(resp)
		if err != nil {
			log.Error("encode slash response", "err", err)
		}
		return b
	}
	if b, ok := a.responses.Get(key); ok {
		if !isHelp(q) {
			a.ask(ctx, slashLog(log, cmd), SurfaceSlash, q, "")
		}
		return b
	}
	resp, cacheable := a.slashInTime(ctx, log, cmd, q)
	b, err := encodeResponse(resp)
	if err != nil {
		log.Error("encode slash response", "err", err)
		b, _ = encodeResponse(ephemeral(blocks.Notice("Das hat gerade nicht geklappt. Versuch es bitte noch einmal.")))
		return b
	}
	if cacheable {
		a.responses.Put(key, b)
	}
	return b
}

// slashLog is log for what a slash command's answer logs.
func slashLog(log *slog.Logger, cmd slack.SlashCommand) *slog.Logger {
	return withAttrs(log, slog.String("surface", SurfaceSlash), slog.String("user", cmd.UserID), slog.String("channel", cmd.ChannelID))
}

// slashResult is the answer to a slash command, made aside.
type slashResult struct {
	m  blocks.Message
	ok bool
}

// slashInTime answers slash command cmd, which asks q (cut as cutQuestion
// cuts it); cacheable is false when the answer missed SlashDeadline and
// follows via response_url, or when it failed. The answer is the same for
// everyone who asks q (the forward button relays by DM to whoever clicks
// it), so it can be remembered.
func (a *App) slashInTime(ctx context.Context, log *slog.Logger, cmd slack.SlashCommand, q string) (resp slack.WebhookMessage, cacheable bool) {
	log = slashLog(log, cmd)
	opt := blocks.Options{Share: true, Feedback: true, Forward: a.forwardButton(q, "", "")}
	done := make(chan slashResult, 1)
	a.aside(ctx, log, func(ctx context.Context) {
		m, _, ok := a.answer(ctx, log, SurfaceSlash, q, "", opt)
		done <- slashResult{m, ok}
	}, func() { done <- slashResult{apologyMessage(), false} })
	timer, _ := a.slashTimers.Get().(*time.Timer)
	if timer == nil {
		timer = time.NewTimer(time.Hour)
		timer.Stop()
	}
	timer.Reset(a.cfg.SlashDeadline)
	select {
	case r := <-done:
		timer.Stop()
		a.slashTimers.Put(timer)
		return ephemeral(r.m), r.ok
	case <-timer.C:
		a.slashTimers.Put(timer) // fired and drained: ready for Reset
	}
	log.Warn("slow answer; following up via response_url")
	a.background(ctx, log, func(ctx context.Context) {
		select {
		case r := <-done:
			// The answer takes the place of the holding note.
			msg := ephemeral(r.m)
			msg.ReplaceOriginal = true
			a.respond(ctx, log, cmd.ResponseURL, msg)
		case <-ctx.Done():
		}
	}, nil)
	return ephemeral(blocks.Notice("Einen Moment, ich suche noch …")), false
}

// post sends a message to a channel, in thread if thread is set, with
// more options (replyMetadata), and returns its ts ("" when it failed).
func (a *App) post(ctx context.Context, log *slog.Logger, channel, thread string, m blocks.Message, more ...slack.MsgOption) string {
	ts, err := a.postErr(ctx, channel, thread, m, more...)
	if err != nil {
		// The caller's log carries the channel (and event_id).
		a.lost(log, "chat.postMessage failed", err)
	}
	return ts
}

// postErr is post that returns the error instead of logging it.
func (a *App) postErr(ctx context.Context, channel, thread string, m blocks.Message, more ...slack.MsgOption) (string, error) {
	opts := append([]slack.MsgOption{
		slack.MsgOptionText(m.Text, false),
		slack.MsgOptionBlocks(m.Blocks...),
		slack.MsgOptionDisableLinkUnfurl(),
		slack.MsgOptionDisableMediaUnfurl(),
	}, more...)
	if thread != "" {
		opts = append(opts, slack.MsgOptionTS(thread))
	}
	_, ts, err := a.api.PostMessageContext(ctx, channel, opts...)
	if err != nil {
		a.metrics.postErrors.Inc()
		return "", err
	}
	markReplied(ctx)
	return ts, nil
}

// respond posts to a response_url; it reports whether Slack took it.
func (a *App) respond(ctx context.Context, log *slog.Logger, responseURL string, msg slack.WebhookMessage) bool {
	if responseURL == "" {
		log.Warn("no response_url to answer to")
		return false
	}
	if !a.responseURLAllowed(responseURL) {
		a.refuseResponseURL(log, responseURL)
		return false
	}
	if err := slack.PostWebhookCustomHTTPContext(ctx, responseURL, a.client, &msg); err != nil {
		a.metrics.postErrors.Inc()
		a.lost(log, "response_url post failed", err)
		return false
	}
	markReplied(ctx)
	return true
}

// hideURL drops the path from the URL an HTTP client error quotes: a
// response_url lets whoever holds it post to the channel, so it stays out of logs.
func hideURL(err error) error {
	var ue *url.Error
	if !errors.As(err, &ue) {
		return err
	}
	where := "…"
	if u, perr := url.Parse(ue.URL); perr == nil {
		where = u.Scheme + "://" + u.Host + "/…"
	}
	return &url.Error{Op: ue.Op, URL: where, Err: ue.Err}
}
