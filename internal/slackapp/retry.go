package slackapp

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"time"

	"github.com/slack-go/slack"
)

// A failed Slack call is tried again by one retryPolicy: a 5xx or a dropped
// or timed-out connection with backoff and jitter, a 429 after its
// Retry-After, 3 attempts at most, so a blip at Slack costs a reply nothing
// and an outage costs it a bounded wait. slack-go runs the policy for the Web
// API (slack.OptionRetryConfig); retryTransport runs it for response_url,
// which slack-go posts with a plain *http.Client. A reply finally lost is
// logged once, with why (lostReason), and counted.

const (
	// DefaultAPIRetries is how often a failed call is retried by default:
	// three attempts in all.
	DefaultAPIRetries = 2
	// DefaultRetryBackoff is the first backoff; each retry doubles it.
	DefaultRetryBackoff = 500 * time.Millisecond
	// retryBudget bounds one response_url post with all its attempts and
	// waits; a Web API call is bounded by its context and maxRetryAfter.
	retryBudget = 30 * time.Second
	// maxRetryAfter is the longest Retry-After honoured: a reply that would
	// wait longer is given up as rate limited at once.
	maxRetryAfter = 20 * time.Second
)

// retryPolicy says whether a failed attempt is tried again, and after how
// long. It is the slack.RetryHandler of the Web API client.
type retryPolicy struct {
	backoff time.Duration // the first backoff, doubled for each retry
}

var _ slack.RetryHandler = retryPolicy{}

// retryConfig is the slack-go retry configuration of the Web API client:
// retries attempts after the first, each decided by the policy.
func retryConfig(retries int, backoff time.Duration) slack.RetryConfig {
	return slack.RetryConfig{MaxRetries: max(retries, 0), Handlers: []slack.RetryHandler{retryPolicy{backoff}}}
}

// ShouldRetry implements slack.RetryHandler. A wait that would outlast the
// call's context is not begun: the call ends with what Slack last said.
func (p retryPolicy) ShouldRetry(state *slack.RetryState, req *http.Request, resp *http.Response, err error) (bool, time.Duration) {
	ctx := req.Context()
	wait, retry := p.after(resp, err, state.Attempt)
	if !retry || state.Attempt >= state.MaxRetries || ctx.Err() != nil {
		return false, 0
	}
	if deadline, ok := ctx.Deadline(); ok && time.Now().Add(wait).After(deadline) {
		return false, 0
	}
	return true, wait
}

// after says whether to retry after resp/err, and after how long.
func (p retryPolicy) after(resp *http.Response, err error, attempt int) (time.Duration, bool) {
	backoff := p.backoff << attempt
	jittered := backoff/2 + rand.N(backoff/2+1) // "equal jitter"
	switch {
	case err != nil:
		return jittered, retryable(err)
	case resp.StatusCode == http.StatusTooManyRequests:
		wait := time.Second
		if s, perr := strconv.Atoi(resp.Header.Get("Retry-After")); perr == nil && s >= 0 {
			wait = time.Duration(s) * time.Second
		}
		if wait > maxRetryAfter {
			return 0, false
		}
		// rand.N needs a positive bound even for Retry-After: 0; +1ns keeps
		// the wait within wait*1.25.
		return wait + rand.N(wait/4+1), true
	case resp.StatusCode >= 500:
		return jittered, true
	}
	return 0, false
}

// retryTransport runs the retryPolicy for response_url posts, within
// retryBudget. Each attempt is bounded by perAttempt, the caller's client
// timeout.
type retryTransport struct {
	next       http.RoundTripper
	retries    int
	policy     retryPolicy
	perAttempt time.Duration
}

// withRetries returns base for the Web API and base wrapped in a
// retryTransport for response_url. base's Timeout bounds one attempt.
func withRetries(base *http.Client, retries int, backoff time.Duration) (api, hooks *http.Client) {
	next := base.Transport
	if next == nil {
		next = http.DefaultTransport
	}
	c := *base
	c.Timeout = 0
	c.Transport = &retryTransport{next: next, retries: max(retries, 0), policy: retryPolicy{backoff}, perAttempt: base.Timeout}
	// A response_url is allowed by its address (hooks.go); a redirect
	// would lead elsewhere, so it is not followed: a 3xx fails the post.
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return base, &c
}

func (t *retryTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	deadline := time.Now().Add(retryBudget)
	for attempt := 0; ; attempt++ {
		try := req
		if attempt > 0 {
			if req.Body != nil && req.Body != http.NoBody {
				if req.GetBody == nil {
					return nil, errors.New("slackapp: cannot retry a request without GetBody")
				}
				body, err := req.GetBody()
				if err != nil {
					return nil, err
				}
				try = req.Clone(ctx)
				try.Body = body
			}
		}
		resp, err := t.once(try)
		wait, retry := t.policy.after(resp, err, attempt)
		if !retry || attempt >= t.retries || ctx.Err() != nil || time.Now().Add(wait).After(deadline) {
			return resp, err
		}
		if resp != nil {
			_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
			resp.Body.Close()
		}
		timer := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			timer.Stop()
			return nil, ctx.Err()
		case <-timer.C:
		}
	}
}

// once is one attempt, bounded by perAttempt. The response body stays
// readable after once returns: the attempt's timer ends with the body.
func (t *retryTransport) once(req *http.Request) (*http.Response, error) {
	if t.perAttempt <= 0 {
		return t.next.RoundTrip(req)
	}
	ctx, cancel := context.WithTimeout(req.Context(), t.perAttempt)
	resp, err := t.next.RoundTrip(req.WithContext(ctx))
	if err != nil {
		cancel()
		if ctx.Err() != nil && req.Context().Err() == nil {
			err = &timeoutError{err}
		}
		return nil, err
	}
	resp.Body = &cancelBody{ReadCloser: resp.Body, cancel: cancel}
	return resp, nil
}

// retryable reports whether a transport error is worth another attempt: any but
// the caller giving up.
func retryable(err error) bool {
	return !errors.Is(err, context.Canceled)
}

// timeoutError is an attempt that ran out of its time.
type timeoutError struct{ err error }

func (e *timeoutError) Error() string   { return "Timeout: " + e.err.Error() }
func (e *timeoutError) Unwrap() error   { return e.err }
func (e *timeoutError) Timeout() bool   { return true }
func (e *timeoutError) Temporary() bool { return true }

var _ net.Error = (*timeoutError)(nil)

type cancelBody struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (b *cancelBody) Close() error {
	err := b.ReadCloser.Close()
	b.cancel()
	return err
}

// Reasons a reply is lost, the label values of engagiert_slack_replies_lost_total.
const (
	LostRateLimited = "rate_limited"
	LostTimeout     = "timeout"
	LostShutdown    = "shutdown"
	LostError       = "error"
)

var lostReasons = []string{LostRateLimited, LostTimeout, LostShutdown, LostError}

// authErrors are the Slack errors that mean the bot token is not (or no
// longer) accepted.
var authErrors = map[string]bool{
	"invalid_auth": true, "not_authed": true, "token_revoked": true, "token_expired": true,
	"account_inactive": true,
}

// lostReason classifies why a call failed, with what Slack said.
func (a *App) lostReason(err error) (reason string, attrs []any) {
	var rl *slack.RateLimitedError
	var sc slack.StatusCodeError
	var se slack.SlackErrorResponse
	var ne net.Error
	switch {
	case errors.As(err, &rl):
		reason = LostRateLimited
		attrs = append(attrs, "http_status", http.StatusTooManyRequests, "retry_after_s", int(rl.RetryAfter.Seconds()))
	case errors.As(err, &sc):
		reason = LostError
		if sc.Code == http.StatusTooManyRequests {
			reason = LostRateLimited
		}
		attrs = append(attrs, "http_status", sc.Code)
	case errors.As(err, &se):
		reason = LostError
		attrs = append(attrs, "slack_error", se.Err)
		if authErrors[se.Err] {
			a.guard.token.reject(se.Err)
			a.guard.tokenValid.Set(0)
		}
	case a.stopping.Load() && errors.Is(err, context.Canceled):
		reason = LostShutdown
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		reason = LostTimeout
	default:
		reason = LostError
	}
	return reason, attrs
}

// lost logs a reply that did not reach Slack, once, and counts it by reason
// (the caller counts engagiert_slack_post_errors_total). The caller's logger
// carries the event_id, channel and surface.
func (a *App) lost(log *slog.Logger, msg string, err error, extra ...any) {
	reason, attrs := a.lostReason(err)
	a.guard.lost.WithLabelValues(reason).Inc()
	log.Error(msg, append(append(append([]any{"reason", reason}, attrs...), extra...), "err", hideURL(err))...)
}

// tryRespond is respond where another way of answering follows when it
// fails (chat.postMessage, a modal, a DM): the failure is logged at WARN,
// not as a lost reply, so that a reply delivered the other way is not
// reported lost. The other way logs the loss if it fails too.
func (a *App) tryRespond(ctx context.Context, log *slog.Logger, responseURL string, msg slack.WebhookMessage) bool {
	if responseURL == "" {
		return false
	}
	if !a.responseURLAllowed(responseURL) {
		a.refuseResponseURL(log, responseURL)
		return false
	}
	if err := slack.PostWebhookCustomHTTPContext(ctx, responseURL, a.client, &msg); err != nil {
		a.metrics.postErrors.Inc()
		log.Warn("response_url post failed; answering another way", "err", hideURL(err))
		return false
	}
	markReplied(ctx)
	return true
}
