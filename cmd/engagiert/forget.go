package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/engagiert/engagiert/internal/slackapp"
	"github.com/engagiert/engagiert/internal/store"
)

// cmdForget deletes what the shared store (Redis) holds about a person.
func cmdForget() *command {
	c := &command{
		UsageLine: "forget USER_ID",
		Short:     "delete what Redis holds about a person",
		Long: `
Forget deletes what the bot's Redis (ENGAGIERT_REDIS_URL) holds about the
Slack user USER_ID (U… or W…, in their profile under "Copy member ID"): the
context of their direct messages, their votes, the marks of questions they
forwarded and of their welcome, and the questions they forwarded to the
curators with their user id (a curator's reply can then no longer reach
them). It prints how many keys it deleted.

Keys name people by a keyed hash of the user id, with a key derived from
SLACK_BOT_TOKEN; forget needs the same token as the bot. Nothing else keeps
data about people for longer than a few minutes (README, "Datenschutz /
privacy"); without ENGAGIERT_REDIS_URL the bot keeps its state in its own
memory, which forgets on its own (at the latest after
ENGAGIERT_RETAIN_FORWARDS) and on a restart.

Examples:
	SLACK_BOT_TOKEN=xoxb-... ENGAGIERT_REDIS_URL=redis://redis:6379/0 engagiert forget U0123ABCD
`,
	}
	redisURL := c.Flag.String("redis-url", "", "the bot's Redis (default: ENGAGIERT_REDIS_URL); prefer the variable, ps shows flags")
	c.Run = func(ctx context.Context, e env, args []string) error {
		if len(args) != 1 || !slackUserID(args[0]) {
			return usageError{fmt.Sprintf("forget takes one Slack user id such as U0123ABCD, got %q", args)}
		}
		user := args[0]
		u := cmp.Or(*redisURL, strings.TrimSpace(e.getenv("ENGAGIERT_REDIS_URL")))
		if u == "" {
			_, err := fmt.Fprintln(e.stdout, "nothing to forget here: without ENGAGIERT_REDIS_URL each bot keeps its state in its own memory, which expires on its own and is gone on a restart")
			return err
		}
		token := strings.TrimSpace(e.getenv("SLACK_BOT_TOKEN"))
		if !strings.HasPrefix(token, "xoxb-") {
			return errors.New("SLACK_BOT_TOKEN is not set: forget needs the bot's token, from which the keys that name people are derived")
		}
		st, err := store.New(u, 0)
		if err != nil {
			return fmt.Errorf("ENGAGIERT_REDIS_URL: %w", err)
		}
		defer st.Close()
		n, err := slackapp.Forget(ctx, st, userKey(token), user)
		if err != nil {
			return fmt.Errorf("forget %s: %w", user, err)
		}
		_, err = fmt.Fprintf(e.stdout, "forgot %s: %d keys deleted\n", user, n)
		return err
	}
	return c
}

// slackUserID reports whether s looks like a Slack user id (U… or W…).
func slackUserID(s string) bool {
	if len(s) < 3 || len(s) > 32 || (s[0] != 'U' && s[0] != 'W') {
		return false
	}
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}
