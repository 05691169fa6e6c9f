package slackapp

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/slack-go/slack"
)

// TestRetryPolicy pins when slack-go retries a Web API call for the bot:
// which failures, after how long, and never past the attempts or the call's
// context.
func TestRetryPolicy(t *testing.T) {
	t.Parallel()
	p := retryPolicy{backoff: 100 * time.Millisecond}
	status := func(code int, retryAfter string) *http.Response {
		r := &http.Response{StatusCode: code, Header: http.Header{}, Body: io.NopCloser(nil)}
		if retryAfter != "" {
			r.Header.Set("Retry-After", retryAfter)
		}
		return r
	}
	expired, cancel := context.WithCancel(context.Background())
	cancel()
	soon, cancelSoon := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancelSoon()
	for _, tc := range []struct {
		name     string
		ctx      context.Context
		attempt  int
		resp     *http.Response
		err      error
		retry    bool
		min, max time.Duration
	}{
		{name: "500", attempt: 0, resp: status(500, ""), retry: true, min: 50 * time.Millisecond, max: 100 * time.Millisecond},
		{name: "503, second retry doubles", attempt: 1, resp: status(503, ""), retry: true, min: 100 * time.Millisecond, max: 200 * time.Millisecond},
		{name: "500, attempts used up", attempt: 2, resp: status(500, "")},
		{name: "429 after Retry-After", resp: status(429, "3"), retry: true, min: 3 * time.Second, max: 3750 * time.Millisecond},
		{name: "429 with Retry-After: 0", resp: status(429, "0"), retry: true},
		{name: "429 without Retry-After", resp: status(429, ""), retry: true, min: time.Second, max: 1250 * time.Millisecond},
		{name: "429 longer than maxRetryAfter", resp: status(429, strconv.Itoa(int(maxRetryAfter/time.Second)+1))},
		{name: "429 past the deadline", ctx: soon, resp: status(429, "5")},
		{name: "dropped connection", err: io.ErrUnexpectedEOF, retry: true, min: 50 * time.Millisecond, max: 100 * time.Millisecond},
		{name: "caller gave up", err: context.Canceled},
		{name: "context ended", ctx: expired, err: errors.New("read: connection reset by peer")},
		{name: "200", resp: status(200, "")},
		{name: "404", resp: status(404, "")},
	} {
		ctx := tc.ctx
		if ctx == nil {
			ctx = context.Background()
		}
		req, _ := http.NewRequestWithContext(ctx, "POST", "http://127.0.0.1/api/chat.postMessage", nil)
		retry, wait := p.ShouldRetry(&slack.RetryState{Attempt: tc.attempt, MaxRetries: DefaultAPIRetries}, req, tc.resp, tc.err)
		if retry != tc.retry || (retry && (wait < tc.min || wait > tc.max)) {
			t.Errorf("%s: ShouldRetry = %v after %v, want %v after %v..%v", tc.name, retry, wait, tc.retry, tc.min, tc.max)
		}
	}
}

// TestRetryConfigOff: a negative Config.APIRetries turns retries off, which
// slack-go reads as MaxRetries 0.
func TestRetryConfigOff(t *testing.T) {
	t.Parallel()
	if got := retryConfig(-1, time.Second).MaxRetries; got != 0 {
		t.Errorf("retryConfig(-1).MaxRetries = %d, want 0", got)
	}
	if got := retryConfig(DefaultAPIRetries, time.Second); got.MaxRetries != 2 || len(got.Handlers) != 1 {
		t.Errorf("retryConfig(2) = %+v, want 2 retries decided by the policy", got)
	}
}
