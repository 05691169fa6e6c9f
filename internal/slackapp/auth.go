package slackapp

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/slack-go/slack"
)

// ErrTokenRejected means Slack's Web API refused the bot token
// (invalid_auth, token_revoked, ...): nothing the bot posts can arrive.
var ErrTokenRejected = errors.New("the Web API rejects the bot token")

// tokenState is what the Web API last said about the bot token.
type tokenState struct {
	mu       sync.Mutex
	rejected string // Slack's error while rejected, "" otherwise
	checked  bool   // auth.test has answered at least once
}

func (s *tokenState) reject(slackErr string) {
	s.mu.Lock()
	s.rejected, s.checked = slackErr, true
	s.mu.Unlock()
}

func (s *tokenState) accept() {
	s.mu.Lock()
	s.rejected, s.checked = "", true
	s.mu.Unlock()
}

// state is "ok", "unverified" (auth.test never answered) or "rejected: ERR".
func (s *tokenState) state() (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.rejected != "":
		return "rejected: " + s.rejected, false
	case !s.checked:
		return "unverified", true
	}
	return "ok", true
}

// CheckToken calls auth.test. A token Slack refuses gives an error wrapping
// ErrTokenRejected, and /readyz reports not ready until a later check
// passes; other failures (Slack unreachable) are returned as they are and
// change nothing. On success it learns the bot's own user id.
func (a *App) CheckToken(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	res, err := a.api.AuthTestContext(ctx)
	var se slack.SlackErrorResponse
	if errors.As(err, &se) && authErrors[se.Err] {
		a.guard.token.reject(se.Err)
		a.guard.tokenValid.Set(0)
		return fmt.Errorf("%w (%s)", ErrTokenRejected, se.Err)
	}
	if err != nil {
		return fmt.Errorf("auth.test: %w", hideURL(err))
	}
	a.guard.token.accept()
	a.guard.tokenValid.Set(1)
	a.mu.Lock()
	if a.botUserID == "" {
		a.botUserID = res.UserID
	}
	if a.botUserID == res.UserID {
		a.botID = res.BotID
	}
	a.mu.Unlock()
	return nil
}

// WatchToken checks the token with auth.test every interval while it is
// rejected or unverified, so /readyz turns ready again once Slack accepts
// it (a token re-installed, Slack reachable again). It returns when ctx ends.
func (a *App) WatchToken(ctx context.Context, every time.Duration) {
	if every <= 0 {
		every = time.Minute
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if s, _ := a.guard.token.state(); s == "ok" {
			continue
		}
		err := a.CheckToken(ctx)
		switch {
		case err == nil:
			a.log.Info("Slack accepts the bot token again")
		case ctx.Err() == nil:
			a.log.Warn("bot token still not accepted", "err", err)
		}
	}
}
