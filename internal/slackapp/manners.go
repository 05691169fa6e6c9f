package slackapp

import (
	"context"
	_ "embed"
	"log/slog"
	"regexp"
	"strings"
	"unicode"

	"github.com/slack-go/slack"
)

// Manners in threads. In a thread it answered in, the bot answers follow-up
// questions and stays silent on what is no question: thanks (a reaction at
// most), acknowledgements ("ok", "passt"), laughter, emoji-only messages,
// and messages addressed to someone else (a mention of another user). The
// words that tell these apart are data (smalltalk.txt), not code. And it
// never answers the same message twice, however often Slack delivers it.

// remark is what a message in a bot's thread is.
type remark int

const (
	remarkQuestion remark = iota
	remarkThanks
	remarkAck
	remarkLaughter
	remarkEmoji
	remarkToOther
)

func (r remark) String() string {
	return [...]string{"question", "thanks", "ack", "laughter", "emoji", "to_other"}[r]
}

//go:embed smalltalk.txt
var smallTalkData string

// smallTalk maps each word of smalltalk.txt to its kind.
var smallTalk = parseSmallTalk(smallTalkData)

func parseSmallTalk(data string) map[string]string {
	words := map[string]string{}
	for _, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		kind, list, ok := strings.Cut(line, ":")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		for _, w := range strings.Split(list, ",") {
			if w = strings.TrimSpace(strings.ToLower(w)); w != "" {
				words[w] = strings.TrimSpace(kind)
			}
		}
	}
	return words
}

var (
	// userMention is a mention of a user in Slack's markup: <@U123> or <@U123|name>.
	userMention = regexp.MustCompile(`<@([A-Z0-9]+)(?:\|[^>]*)?>`)
	shortcode   = regexp.MustCompile(`:[a-z0-9_+'-]+:`)
	laughing    = regexp.MustCompile(`^(?:ha|he|hi|ja)+h?$|^l+o+l+$`)
)

// classify tells a question from small talk in a thread of the bot's; own
// is the bot's user id.
func classify(text, own string) remark {
	for _, m := range userMention.FindAllStringSubmatch(text, -1) {
		if m[1] != own {
			return remarkToOther
		}
	}
	t := userMention.ReplaceAllString(text, " ")
	t = shortcode.ReplaceAllString(strings.ToLower(t), " ")
	words := strings.FieldsFunc(t, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) == 0 {
		if strings.TrimSpace(text) == "" {
			return remarkQuestion // nothing at all: help, as before
		}
		return remarkEmoji
	}
	kinds := map[string]bool{}
	for _, w := range words {
		k := smallTalk[w]
		if k == "" && laughing.MatchString(w) && len(w) >= 4 {
			k = "laughter"
		}
		if k == "" {
			return remarkQuestion
		}
		kinds[k] = true
	}
	switch {
	case kinds["thanks"]:
		return remarkThanks
	case kinds["laughter"]:
		return remarkLaughter
	case kinds["ack"]:
		return remarkAck
	}
	return remarkQuestion // filler words alone ("und dir?") may be a question
}

// thanksReaction is the reaction a thank-you gets.
const thanksReaction = "slightly_smiling_face"

// smallTalkHandled reports whether text in a thread of the bot's is no
// question: then it has been dealt with (a thank-you gets a reaction) and
// must not be answered.
func (a *App) smallTalkHandled(ctx context.Context, log *slog.Logger, channel, ts, text, own string) bool {
	r := classify(text, own)
	if r == remarkQuestion {
		return false
	}
	log.Debug("not answered: no question", "remark", r.String())
	if r == remarkThanks && ts != "" {
		if err := a.api.AddReactionContext(ctx, thanksReaction, slack.NewRefToMessage(channel, ts)); err != nil {
			log.Debug("reactions.add failed", "err", err)
		}
	}
	return true
}

// firstAnswer reports whether the message channel/ts has not been answered
// yet, and marks it answered: a message can come as app_mention and as
// message.channels, and as retries with new event ids. While the shared
// Store fails, this replica's memory answers (a retry of the event was
// checked in Slack already, see dedup.go).
func (a *App) firstAnswer(ctx context.Context, log *slog.Logger, channel, ts string) bool {
	if channel == "" || ts == "" {
		return true
	}
	first, _ := a.state.firstSeen(ctx, log, "m:"+channel+":"+ts, EventTTL)
	if !first {
		log.Info("message already answered")
	}
	return first
}
