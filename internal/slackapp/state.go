package slackapp

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

// The shared store failing. With several replicas the Store is Redis, and
// Redis may be killed, stall, refuse writes when full, or lose its data on
// a restart. Then each replica goes on with its own memory (Config.Fallback):
// events are de-duplicated, threads, votes and forwards kept on this
// replica only, and every answer still goes out. What one replica cannot
// know then is whether another one answered an event already; so a Slack
// retry (retry_num >= 1) is answered only after a look at the thread in
// Slack itself (dedup.go), during the outage and for EventTTL after it.
//
// The first error of an outage is logged at WARN, every one counted in
// engagiert_store_errors_total{op}, and /readyz shows a "store" line
// (degraded, still 200: Slack's traffic must keep flowing). An outage ends
// once the store has worked for recoverAfter without an error.

// recoverAfter is how long the shared store must work without an error
// before an outage counts as over: a store that fails now and then is one
// outage, not many.
const recoverAfter = 30 * time.Second

// restAfterFailure is how long the shared store is left alone after a
// call failed: a Redis that hangs costs each call its timeout, and an event
// makes four calls before its answer is posted; without the rest, an answer
// would wait for all four, and a retry on another replica, looking at the
// thread in Slack meanwhile, would not find it and answer again.
const restAfterFailure = 3 * time.Second

// Store operations, the label values of engagiert_store_errors_total.
const (
	opFirstSeen = "first_seen"
	opGet       = "get"
	opSet       = "set"
	opSwap      = "swap"
	opCheck     = "check" // serve's check at start (StoreUnavailable)
)

// state is the App's view of its Store: the shared store, and the local
// one it falls back to (nil when the Store is local itself). Writes go to
// both, so the local one can answer for this replica during an outage.
type state struct {
	shared, local Store
	errors        *prometheus.CounterVec
	now           func() time.Time

	mu     sync.Mutex
	since  time.Time // start of the outage now; zero when there is none
	last   time.Time // the last error; zero before the first
	reason string    // why the last call failed, for /readyz
}

func newState(shared, local Store, reg prometheus.Registerer) *state {
	s := &state{shared: shared, local: local, now: time.Now,
		errors: factory{promauto.With(reg)}.counters("engagiert_store_errors_total",
			"Failed calls of the shared store (Redis), by op (first_seen, get, set, swap, check at start); each was served from this replica's memory.", "op")}
	for _, op := range []string{opFirstSeen, opGet, opSet, opSwap, opCheck} {
		s.errors.WithLabelValues(op)
	}
	return s
}

// firstSeen reports whether key is new, and whether the shared store could
// say so for sure: when it failed, or failed within EventTTL, the answer is
// this replica's own.
func (s *state) firstSeen(ctx context.Context, log *slog.Logger, key string, ttl time.Duration) (first, sure bool) {
	if s.local != nil {
		if f, _ := s.local.FirstSeen(ctx, key, ttl); !f {
			return false, true // this replica had it already
		}
	}
	if s.resting() {
		return true, false // this replica's memory says new
	}
	ctx, cancel := context.WithTimeout(ctx, storeTimeout*2)
	defer cancel()
	first, err := s.shared.FirstSeen(ctx, key, ttl)
	if err != nil {
		s.failed(log, opFirstSeen, err)
		return true, false // this replica's memory says new
	}
	s.worked(log)
	return first, !s.unsure()
}

// get returns the value of key, from the local store when the shared one fails.
func (s *state) get(ctx context.Context, log *slog.Logger, key string) string {
	if !s.resting() {
		sctx, cancel := context.WithTimeout(ctx, storeTimeout)
		defer cancel()
		v, err := s.shared.Get(sctx, key)
		if err == nil {
			s.worked(log)
			return v
		}
		s.failed(log, opGet, err)
	}
	if s.local == nil {
		return ""
	}
	v, _ := s.local.Get(ctx, key)
	return v
}

// set sets key in both stores.
func (s *state) set(ctx context.Context, log *slog.Logger, key, value string, ttl time.Duration) {
	if s.local != nil {
		_ = s.local.Set(ctx, key, value, ttl)
	}
	if s.resting() {
		return
	}
	sctx, cancel := context.WithTimeout(ctx, storeTimeout)
	defer cancel()
	if err := s.shared.Set(sctx, key, value, ttl); err != nil {
		s.failed(log, opSet, err)
		return
	}
	s.worked(log)
}

// swap swaps key in both stores and returns the shared store's old value,
// the local one's when the shared store fails.
func (s *state) swap(ctx context.Context, log *slog.Logger, key, value string, ttl time.Duration) string {
	var localOld string
	if s.local != nil {
		localOld, _ = s.local.Swap(ctx, key, value, ttl)
	}
	if s.resting() {
		return localOld
	}
	sctx, cancel := context.WithTimeout(ctx, storeTimeout)
	defer cancel()
	old, err := s.shared.Swap(sctx, key, value, ttl)
	if err != nil {
		s.failed(log, opSwap, err)
		return localOld
	}
	s.worked(log)
	return old
}

// forget deletes keys from both stores; a failure is only logged (the
// keys expire anyway).
func (s *state) forget(ctx context.Context, log *slog.Logger, keys ...string) {
	if s.local != nil {
		_, _ = s.local.Delete(ctx, keys...)
	}
	sctx, cancel := context.WithTimeout(ctx, storeTimeout)
	defer cancel()
	if _, err := s.shared.Delete(sctx, keys...); err != nil {
		log.Warn("store: cannot delete", "err", errText(err))
	}
}

// StoreUnavailable tells the App that its shared store failed before any
// request (serve checks Redis at start): the outage starts now, with its
// WARN, and /readyz shows it.
func (a *App) StoreUnavailable(err error) { a.state.failed(a.log, opCheck, err) }

// failed counts a failed call; the first of an outage is logged at WARN.
func (s *state) failed(log *slog.Logger, op string, err error) {
	s.errors.WithLabelValues(op).Inc()
	reason := storeFailure(err)
	s.mu.Lock()
	now := s.now()
	start := s.since.IsZero()
	if start {
		s.since = now
	}
	s.last, s.reason = now, reason
	s.mu.Unlock()
	if start {
		log.Warn("shared store failing; this replica goes on with its own memory, and answers Slack's retries only after looking at the thread in Slack",
			"op", op, "reason", reason, "err", errText(err))
	}
}

// worked ends an outage once the store has worked for recoverAfter.
func (s *state) worked(log *slog.Logger) {
	s.mu.Lock()
	if s.since.IsZero() || s.now().Sub(s.last) < recoverAfter {
		s.mu.Unlock()
		return
	}
	since := s.since
	s.since = time.Time{}
	s.mu.Unlock()
	log.Info("shared store works again", "outage_s", int(s.now().Sub(since).Seconds()))
}

// resting reports whether the shared store failed within restAfterFailure:
// then this replica's memory answers alone, at once.
func (s *state) resting() bool {
	if s.local == nil {
		return false // nothing to fall back to: the Store is local itself
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return !s.last.IsZero() && s.now().Sub(s.last) < restAfterFailure
}

// unsure reports whether the shared store failed within EventTTL: events
// handled meanwhile may be missing from it.
func (s *state) unsure() bool {
	if s.local == nil {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return !s.last.IsZero() && s.now().Sub(s.last) < EventTTL
}

// readiness is the store line of /readyz.
func (s *state) readiness() string {
	if s.local == nil {
		return "local"
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	switch {
	case !s.since.IsZero():
		return "degraded: shared store " + s.reason + " since " + s.since.UTC().Format(time.RFC3339) +
			"; using this replica's memory"
	case !s.last.IsZero() && now.Sub(s.last) < EventTTL:
		return "recovering: shared store works again; Slack's retries are checked in Slack until " +
			s.last.Add(EventTTL).UTC().Format(time.RFC3339)
	}
	return "ok"
}

// storeFailure says briefly why a store call failed, without addresses or
// what the store said about its data: /readyz is not authenticated.
func storeFailure(err error) string {
	msg := err.Error()
	var ne net.Error
	switch {
	case strings.Contains(msg, "lost its data"):
		return "lost its data"
	case strings.Contains(msg, "OOM"):
		return "full (maxmemory)"
	case strings.Contains(msg, "NOAUTH"), strings.Contains(msg, "WRONGPASS"), strings.Contains(msg, "invalid password"):
		return "refuses the password"
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return "timed out"
	case strings.Contains(msg, "connection refused"), strings.Contains(msg, "EOF"), strings.Contains(msg, "closed"),
		strings.Contains(msg, "no route"), strings.Contains(msg, "reset by peer"), strings.Contains(msg, "broken pipe"):
		return "unreachable"
	}
	return "failing"
}
