package slackapp

import (
	"context"
	"encoding/json"
	"log/slog"
	"regexp"
	"strings"

	"github.com/engagiert/engagiert/internal/slackapp/blocks"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackutilsx"
)

// Forwarding. With Config.CuratorChannel set, an answer that found nothing
// carries "An die Redaktion weitergeben" (blocks.ActionForward). A click
// posts the question, the asker and where it was asked to the curators'
// channel and keeps, under that post's ts, whom to relay a reply to. A
// curator's reply in the post's thread (message.channels or .groups) is
// relayed to the asker, in the original thread or by DM, once per reply
// whichever replica gets it: the Store (Redis when shared) holds both.

// forwarded is what the Store keeps per forwarded question.
type forwarded struct {
	User     string `json:"u"`
	Channel  string `json:"c,omitempty"` // relay here, in Thread; empty: DM User
	Thread   string `json:"t,omitempty"`
	Question string `json:"q"`
}

// forward posts an unanswered question to the curators and tells the asker.
func (a *App) forward(ctx context.Context, log *slog.Logger, ic slack.InteractionCallback, value string) {
	ref, err := blocks.DecodeForwardRef(value)
	if err != nil || a.cfg.CuratorChannel == "" || !blocks.ValidID(ic.User.ID) {
		log.Warn("cannot forward", "err", err, "curator_channel_set", a.cfg.CuratorChannel != "")
		return
	}
	where := "per Direktnachricht"
	switch asked := firstNonEmpty(ref.Channel, ic.Channel.ID, ic.Container.ChannelID); {
	case ref.Thread != "" && blocks.ValidID(asked):
		where = "in einem Thread in <#" + asked + ">"
	case slackutilsx.DetectChannelType(asked) == slackutilsx.CTypeDM:
	case blocks.ValidID(asked):
		where = "in <#" + asked + ">"
	}
	ts := a.post(ctx, log, a.cfg.CuratorChannel, "", blocks.Forwarded(ref.Question, ic.User.ID, where))
	if ts == "" {
		a.tell(ctx, log, ic.Channel.ID, ic.User.ID, blocks.Notice("Ich konnte deine Frage gerade nicht an die Redaktion weitergeben. Bitte versuch es später noch einmal."))
		return
	}
	f := forwarded{User: ic.User.ID, Channel: ref.Channel, Thread: ref.Thread, Question: ref.Question}
	v, _ := json.Marshal(f) // strings always marshal
	sctx, cancel := context.WithTimeout(ctx, storeTimeout)
	err = a.store.Set(sctx, forwardKey(a.cfg.CuratorChannel, ts), string(v), ForwardTTL)
	cancel()
	if err != nil {
		log.Error("store failed; a curator's reply to this question cannot be relayed", "err", err)
	}
	a.metrics.forwarded.Inc()
	log.Info("question forwarded", "question", ref.Question, "curator_channel", a.cfg.CuratorChannel)
	thanks := blocks.Notice("Danke! Ich habe deine Frage an die Redaktion weitergegeben. Sobald dort jemand antwortet, sage ich dir Bescheid.")
	msg := ephemeral(thanks)
	if ic.ResponseURL == "" || !a.tryRespond(ctx, log, ic.ResponseURL, msg) {
		a.tell(ctx, log, ic.Channel.ID, ic.User.ID, thanks)
	}
}

// relay passes a curator's reply (ts, in thread of the curators' channel)
// on to the asker of the forwarded question; it reports whether thread was a
// forwarded question. Each reply is relayed once.
func (a *App) relay(ctx context.Context, log *slog.Logger, channel, thread, ts, curator, text string) bool {
	sctx, cancel := context.WithTimeout(ctx, storeTimeout)
	defer cancel()
	v, err := a.store.Get(sctx, forwardKey(channel, thread))
	if err != nil {
		log.Warn("store failed; cannot tell whether this is a reply to a forwarded question", "err", err)
		return false
	}
	if v == "" {
		return false
	}
	var f forwarded
	if err := json.Unmarshal([]byte(v), &f); err != nil || !blocks.ValidID(f.User) {
		log.Warn("bad forwarded question in store", "err", err)
		return true
	}
	if first, err := a.store.FirstSeen(sctx, relayKey(channel, ts)); err != nil || !first {
		if err != nil {
			log.Warn("store failed; not relaying, to relay at most once", "err", err)
		}
		return true
	}
	log = log.With("curator", curator, "asker", f.User)
	m := blocks.Relayed(f.Question, relayText(text), curator)
	to, in := f.Channel, f.Thread
	if to == "" {
		to, in = f.User, ""
	}
	if a.post(ctx, log, to, in, m) == "" {
		return true
	}
	a.metrics.relayed.Inc()
	log.Info("curator reply relayed", "question", f.Question)
	return true
}

// broadcastMarkup is Slack markup that pings many: <!channel>, <!here>,
// <!everyone>, <!subteam^…>.
var broadcastMarkup = regexp.MustCompile(`<!([^<>|]*)(?:\|([^<>]*))?>`)

// relayText keeps a curator's formatting and links, but no markup that
// pings a crowd where the reply is relayed.
func relayText(text string) string {
	return broadcastMarkup.ReplaceAllStringFunc(text, func(m string) string {
		p := broadcastMarkup.FindStringSubmatch(m)
		if p[2] != "" {
			return p[2]
		}
		return "@\u2060" + strings.SplitN(p[1], "^", 2)[0]
	})
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
