package slackapp

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/slackapp/blocks"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
)

// response is a message as a slash command response, a Socket Mode ack
// payload or a response_url post.
type response struct {
	ResponseType    string        `json:"response_type,omitempty"`
	Text            string        `json:"text"`
	Blocks          []slack.Block `json:"blocks,omitempty"`
	ReplaceOriginal bool          `json:"replace_original"`
	DeleteOriginal  bool          `json:"delete_original,omitempty"`
}

func ephemeral(m blocks.Message) response {
	return response{ResponseType: "ephemeral", Text: m.Text, Blocks: m.Blocks}
}

// Slack's markup in message text: <@U123|name>, <#C123|name>, <!here>, <https://…|label>.
var markup = regexp.MustCompile(`<([@#!]?)([^<>|]*)(?:\|([^<>]*))?>`)

// Question turns the text of a Slack message into the question to ask: the
// mention of the bot (botUserID, or any mention that opens the text) is
// dropped, other markup becomes its readable form, and Slack's escaping is undone.
func Question(text, botUserID string) string {
	first := true
	text = strings.TrimSpace(text)
	out := markup.ReplaceAllStringFunc(text, func(m string) string {
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
	out = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&").Replace(out)
	return strings.Join(strings.Fields(out), " ")
}

// isHelp reports whether q asks for help rather than for knowledge.
func isHelp(q string) bool {
	switch strings.ToLower(strings.Trim(q, " ?!.")) {
	case "", "hilfe", "help", "befehle":
		return true
	}
	return false
}

// ask asks the core and keeps the books: duration, questions and the
// unanswered log that the misses report reads.
func (a *App) ask(ctx context.Context, log *slog.Logger, surface, q string) domain.Answer {
	start := time.Now()
	ans := a.cfg.Asker.Ask(ctx, q)
	a.metrics.duration.WithLabelValues(surface).Observe(time.Since(start).Seconds())
	a.metrics.questions.WithLabelValues(surface).Inc()
	if !ans.Found {
		log.Info("unanswered", "question", q) // the caller's log carries the surface
		a.metrics.unanswered.WithLabelValues(surface).Inc()
	}
	if ans.Query == "" {
		ans.Query = q
	}
	return ans
}

// render turns an answer into a message; help answers get the help text
// generated from Config.Commands.
func (a *App) render(ans domain.Answer, opt blocks.Options) blocks.Message {
	if ans.Kind == domain.KindHelp {
		return blocks.Help(a.cfg.Command, a.cfg.Commands)
	}
	return blocks.Answer(ans, opt)
}

// answerMessage asks q (or gives help) and renders the result.
func (a *App) answerMessage(ctx context.Context, log *slog.Logger, surface, q string, opt blocks.Options) blocks.Message {
	m, _ := a.answerMessageOK(ctx, log, surface, q, opt)
	return m
}

// answerMessageOK is answerMessage that also tells whether the answer may be
// remembered: not when the engine failed.
func (a *App) answerMessageOK(ctx context.Context, log *slog.Logger, surface, q string, opt blocks.Options) (blocks.Message, bool) {
	if isHelp(q) {
		return blocks.Help(a.cfg.Command, a.cfg.Commands), true
	}
	ans := a.ask(ctx, log, surface, q)
	return a.render(ans, opt), !ans.Failed
}

// slash answers a slash command within SlashDeadline. It returns the
// response; when the answer takes longer, the response says so and the
// answer follows in the background via response_url.
func (a *App) slash(ctx context.Context, log *slog.Logger, cmd slack.SlashCommand) response {
	resp, _ := a.slashInTime(ctx, log, cmd)
	return resp
}

// slashResponse is slash's response as JSON. Answers given in time are
// remembered per knowledge version and question, since they depend on
// nothing else: rendering and encoding cost more than the (cached) answer,
// and a team asks the same things again. A remembered response still counts
// and logs its question, as the metrics and `engagiert misses` expect.
func (a *App) slashResponse(ctx context.Context, log *slog.Logger, cmd slack.SlashCommand) []byte {
	q := Question(cmd.Text, "")
	key := ""
	if base, _ := a.cfg.Knowledge(); base != nil && a.responses != nil {
		key = base.Version + "\x00" + q
	}
	if key == "" {
		b, err := json.Marshal(a.slash(ctx, log, cmd))
		if err != nil {
			log.Error("encode slash response", "err", err)
		}
		return b
	}
	if b, ok := a.responses.Get(key); ok {
		if !isHelp(q) {
			a.ask(ctx, log.With("surface", SurfaceSlash, "user", cmd.UserID, "channel", cmd.ChannelID), SurfaceSlash, q)
		}
		return b
	}
	resp, cacheable := a.slashInTime(ctx, log, cmd)
	b, err := json.Marshal(resp)
	if err != nil {
		log.Error("encode slash response", "err", err)
		b, _ = json.Marshal(ephemeral(blocks.Notice("Das hat gerade nicht geklappt. Versuch es bitte noch einmal.")))
		return b
	}
	if cacheable {
		a.responses.Put(key, b)
	}
	return b
}

// slashInTime answers a slash command; cacheable is false when the answer
// missed SlashDeadline and follows via response_url, or when it failed.
func (a *App) slashInTime(ctx context.Context, log *slog.Logger, cmd slack.SlashCommand) (resp response, cacheable bool) {
	q := Question(cmd.Text, "")
	log = log.With("surface", SurfaceSlash, "user", cmd.UserID, "channel", cmd.ChannelID)
	opt := blocks.Options{Share: true, Feedback: true}
	type result struct {
		m  blocks.Message
		ok bool
	}
	done := make(chan result, 1)
	a.background(ctx, func(ctx context.Context) {
		m, ok := a.answerMessageOK(ctx, log, SurfaceSlash, q, opt)
		done <- result{m, ok}
	})
	timer := time.NewTimer(a.cfg.SlashDeadline)
	defer timer.Stop()
	select {
	case r := <-done:
		return ephemeral(r.m), r.ok
	case <-timer.C:
	}
	log.Warn("slow answer; following up via response_url")
	a.background(ctx, func(ctx context.Context) {
		select {
		case r := <-done:
			a.respond(ctx, log, cmd.ResponseURL, ephemeral(r.m))
		case <-ctx.Done():
		}
	})
	return ephemeral(blocks.Notice("Einen Moment, ich suche noch …")), false
}

// event handles one Events API event after it was acked.
func (a *App) event(ctx context.Context, log *slog.Logger, ev slackevents.EventsAPIEvent) {
	switch e := ev.InnerEvent.Data.(type) {
	case *slackevents.AppMentionEvent:
		if e.BotID != "" || e.Edited != nil {
			return
		}
		log = log.With("surface", SurfaceMention, "user", e.User, "channel", e.Channel)
		q := Question(e.Text, a.ownUserID(ctx))
		thread := e.ThreadTimeStamp
		if thread == "" {
			thread = e.TimeStamp
		}
		m := a.answerMessage(ctx, log, SurfaceMention, q, blocks.Options{Feedback: true})
		a.post(ctx, log, e.Channel, thread, m)
	case *slackevents.MessageEvent:
		if e.ChannelType != slackevents.ChannelTypeIM || e.SubType != "" || e.BotID != "" ||
			e.User == "" || (e.Message != nil && (e.Message.Edited != nil || e.Message.Hidden || e.Message.BotID != "")) {
			return
		}
		if e.User == a.ownUserID(ctx) {
			return
		}
		log = log.With("surface", SurfaceDM, "user", e.User, "channel", e.Channel)
		q := Question(e.Text, a.ownUserID(ctx))
		m := a.answerMessage(ctx, log, SurfaceDM, q, blocks.Options{Feedback: true})
		a.post(ctx, log, e.Channel, e.ThreadTimeStamp, m)
	case *slackevents.AppHomeOpenedEvent:
		if e.Tab != "home" || e.User == "" {
			return
		}
		base, _ := a.cfg.Knowledge()
		view := blocks.Home(base, a.cfg.Command, a.cfg.Commands)
		if _, err := a.api.PublishViewContext(ctx, slack.PublishViewContextRequest{UserID: e.User, View: view}); err != nil {
			a.lost(log.With("surface", SurfaceHome, "user", e.User, "channel", e.Channel), "views.publish failed", err)
		}
	}
}

// interaction handles a click on one of the bot's buttons after it was acked.
func (a *App) interaction(ctx context.Context, log *slog.Logger, ic slack.InteractionCallback) {
	if ic.Type != slack.InteractionTypeBlockActions {
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
			a.feedback(ctx, log, ic, act)
		case strings.HasPrefix(act.ActionID, blocks.ActionAskPrefix):
			// An example question on the Home tab: answer in the app's messages tab.
			log = log.With("surface", SurfaceHome, "channel", ic.User.ID)
			m := a.answerMessage(ctx, log, SurfaceHome, act.Value, blocks.Options{Feedback: true})
			a.post(ctx, log, ic.User.ID, "", m)
		case strings.HasPrefix(act.ActionID, blocks.ActionLinkPrefix):
			// A website button: Slack opens the URL, nothing to do.
		default:
			log.Warn("unknown action")
		}
	}
}

// share posts the answer of an ephemeral slash response to the channel for
// everyone, and removes the ephemeral copy.
func (a *App) share(ctx context.Context, log *slog.Logger, ic slack.InteractionCallback, q string) {
	ans := a.cfg.Asker.Ask(ctx, q)
	if ans.Query == "" {
		ans.Query = q
	}
	opt := blocks.Options{Feedback: true}
	if blocks.ValidID(ic.User.ID) {
		opt.SharedBy = ic.User.ID
	}
	m := a.render(ans, opt)
	if isHelp(q) {
		m = blocks.Help(a.cfg.Command, a.cfg.Commands)
	}
	r := response{ResponseType: "in_channel", Text: m.Text, Blocks: m.Blocks}
	if a.respond(ctx, log, ic.ResponseURL, r) {
		log.Info("answer shared", "question", q, "channel", ic.Channel.ID)
		a.respond(ctx, log, ic.ResponseURL, response{DeleteOriginal: true})
	}
}

// more shows the rest of a list that was cut, to the user who asked for it.
func (a *App) more(ctx context.Context, log *slog.Logger, ic slack.InteractionCallback, value string) {
	ref, err := blocks.DecodeMoreRef(value)
	if err != nil {
		log.Warn("bad more button", "err", err)
		return
	}
	ans := a.cfg.Asker.Ask(ctx, ref.Question)
	if ans.Query == "" {
		ans.Query = ref.Question
	}
	a.respond(ctx, log, ic.ResponseURL, ephemeral(blocks.More(ans, ref)))
}

// feedback logs and counts a 👍/👎 and thanks the user.
func (a *App) feedback(ctx context.Context, log *slog.Logger, ic slack.InteractionCallback, act *slack.BlockAction) {
	vote := "up"
	if act.ActionID == blocks.ActionFeedbackDown {
		vote = "down"
	}
	a.metrics.feedback.WithLabelValues(vote).Inc()
	log.Info("feedback", "vote", vote, "question", act.Value, "channel", ic.Channel.ID)
	thanks := "Danke für Ihr Feedback!"
	if vote == "down" {
		thanks = "Danke für Ihr Feedback! Wir sehen uns diese Antwort an."
	}
	m := blocks.Notice(thanks)
	if ic.ResponseURL != "" {
		a.respond(ctx, log, ic.ResponseURL, ephemeral(m))
		return
	}
	if ic.Channel.ID != "" && ic.User.ID != "" {
		if _, err := a.api.PostEphemeralContext(ctx, ic.Channel.ID, ic.User.ID, slack.MsgOptionText(m.Text, false)); err != nil {
			a.lost(log.With("channel", ic.Channel.ID), "chat.postEphemeral failed", err)
		}
	}
}

// post sends a message to a channel, in thread if thread is set.
func (a *App) post(ctx context.Context, log *slog.Logger, channel, thread string, m blocks.Message) {
	opts := []slack.MsgOption{
		slack.MsgOptionText(m.Text, false),
		slack.MsgOptionBlocks(m.Blocks...),
		slack.MsgOptionDisableLinkUnfurl(),
		slack.MsgOptionDisableMediaUnfurl(),
	}
	if thread != "" {
		opts = append(opts, slack.MsgOptionTS(thread))
	}
	if _, _, err := a.api.PostMessageContext(ctx, channel, opts...); err != nil {
		// The caller's log carries the channel (and event_id).
		a.lost(log, "chat.postMessage failed", err)
	}
}

// respond posts to a response_url; it reports whether Slack took it.
func (a *App) respond(ctx context.Context, log *slog.Logger, responseURL string, r response) bool {
	if responseURL == "" {
		log.Warn("no response_url to answer to")
		return false
	}
	msg := &slack.WebhookMessage{
		Text:            r.Text,
		ResponseType:    r.ResponseType,
		ReplaceOriginal: r.ReplaceOriginal,
		DeleteOriginal:  r.DeleteOriginal,
	}
	if len(r.Blocks) > 0 {
		msg.Blocks = &slack.Blocks{BlockSet: r.Blocks}
	}
	if err := slack.PostWebhookCustomHTTPContext(ctx, responseURL, a.client, msg); err != nil {
		a.lost(log, "response_url post failed", err)
		return false
	}
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
