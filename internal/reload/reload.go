// Package reload keeps the bot answering from the newest good knowledge base
// while curators edit it.
//
// A Holder is the Asker every surface calls. It answers from one immutable
// Snapshot (base, asker, when it was loaded, how to free it) and swaps in a
// whole new Snapshot atomically, so a question is answered entirely from the
// old base or entirely from the new one. Watch reloads on SIGHUP and on file
// changes, once the files have stopped changing; a broken edit is logged with
// its FILE:LINE problems and the bot goes on answering from the last good
// base. Each load is bounded in time, and a load that never returns (a hung
// network mount) is abandoned: it neither wedges later reloads nor shutdown.
package reload

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/recovery"
)

// Snapshot is one loaded knowledge base with what was built from it: the
// unit a reload swaps whole.
type Snapshot struct {
	Base  *domain.Base
	Asker domain.Asker
	// Close frees what was built (the search index); nil if nothing needs it.
	Close func() error
	// LoadedAt is when the snapshot was swapped in; the Holder sets it.
	LoadedAt time.Time
}

// close frees s, logging a failure, a panic included: it runs on timers
// and in goroutines of its own, where a panic would end the process.
func (s *Snapshot) close(logger *slog.Logger) {
	if s == nil || s.Close == nil {
		return
	}
	defer func() {
		if r := recover(); r != nil {
			logger.Error("panic recovered", "where", "reload", "panic", fmt.Sprint(r), "stack", recovery.Stack(0))
		}
	}()
	if err := s.Close(); err != nil {
		logger.Warn("close replaced knowledge", "err", err)
	}
}

// LoadFunc builds a complete, validated Snapshot from the knowledge
// directory, or fails with every problem found, one "FILE:LINE: message" per
// line of the error text. ctx ends when the load's time is up or the bot
// stops; a loader that cannot stop then (a read does not take a context) is
// abandoned, and what it returns later is freed unused.
type LoadFunc func(ctx context.Context) (*Snapshot, error)

// Holder holds the knowledge the bot currently answers from.
type Holder struct {
	cur atomic.Pointer[Snapshot]

	// mu guards busy, which is non-nil while a reload runs and closed when it
	// ends: reloads are serialised, so a slow load cannot swap in older
	// knowledge after a faster, later one, and waiting for one can be cancelled.
	mu   sync.Mutex
	busy chan struct{}

	reloads    atomic.Uint64
	failures   atomic.Uint64
	lastFail   atomic.Pointer[failure]
	inProgress atomic.Pointer[time.Time]
	// stuck counts abandoned loads that have not returned yet.
	stuck atomic.Int32

	now func() time.Time
	// debounce is how long files must be quiet, and then unchanged, before a
	// reload: editors and deploy scripts write several files, sometimes in
	// several steps, and one reload should see them all, complete.
	debounce time.Duration
	// timeout bounds one load.
	timeout time.Duration
	// poll is how often Watch looks for a removed directory to come back.
	poll time.Duration
	// retire is how long a replaced snapshot keeps serving the questions that
	// were already asking it before it is closed, which frees its index.
	retire time.Duration
	// noFileEvents makes Watch ignore file events, as on a file system
	// without inotify: tests use it to drive reloads by SIGHUP alone.
	noFileEvents bool
	// onPanic is told of every panic the Holder recovers (SetOnPanic).
	onPanic atomic.Pointer[func(v any)]
}

type failure struct {
	summary  string
	problems []string
	at       time.Time
}

var (
	_ domain.Asker         = (*Holder)(nil)
	_ domain.FollowUpAsker = (*Holder)(nil)
)

// Options tune a Holder; zero fields take the defaults.
type Options struct {
	// Debounce is how long files must be quiet and unchanged before a reload
	// (DefaultDebounce).
	Debounce time.Duration
	// LoadTimeout bounds one load (DefaultLoadTimeout).
	LoadTimeout time.Duration
}

// Defaults.
const (
	// DefaultRetire is how long a replaced snapshot lives on: answers take
	// milliseconds, and Slack's own deadline is three seconds.
	DefaultRetire = time.Minute
	// DefaultDebounce is how long Watch waits for files to be quiet, and
	// then again to see them unchanged.
	DefaultDebounce = 500 * time.Millisecond
	// DefaultLoadTimeout bounds one load: the shipped base loads in tens of
	// milliseconds, a base at the size limits in a few seconds.
	DefaultLoadTimeout = 30 * time.Second
	// maxStuck is how many abandoned loads may still be running before the
	// Holder stops starting new ones: each may hold a goroutine and a file.
	maxStuck = 4
	// maxStatusProblems caps the FILE:LINE list Status reports.
	maxStatusProblems = 20
)

// NewHolder returns a Holder answering from s, loaded now.
func NewHolder(s *Snapshot, opt Options) *Holder {
	h := &Holder{now: time.Now, debounce: opt.Debounce, timeout: opt.LoadTimeout, poll: time.Second, retire: DefaultRetire}
	if s != nil {
		c := *s
		c.LoadedAt = h.now()
		h.cur.Store(&c)
	}
	return h
}

// clock is h.now, or time.Now in a zero Holder.
func (h *Holder) clock() time.Time {
	if h.now == nil {
		return time.Now()
	}
	return h.now()
}

func (h *Holder) loadTimeout() time.Duration {
	if h.timeout <= 0 {
		return DefaultLoadTimeout
	}
	return h.timeout
}

// Ask answers from the current knowledge.
func (h *Holder) Ask(ctx context.Context, question string) domain.Answer {
	c := h.cur.Load()
	if c == nil || c.Asker == nil {
		return domain.Answer{Query: question, Kind: domain.KindNone}
	}
	return c.Asker.Ask(ctx, question)
}

// AskFollowUp answers a follow-up from the current knowledge.
func (h *Holder) AskFollowUp(ctx context.Context, question, prev string) domain.Answer {
	c := h.cur.Load()
	if c == nil || c.Asker == nil {
		return domain.Answer{Query: question, Kind: domain.KindNone}
	}
	return domain.AskAfter(ctx, c.Asker, question, prev)
}

// Base is the knowledge base answers currently come from.
func (h *Holder) Base() *domain.Base {
	if c := h.cur.Load(); c != nil {
		return c.Base
	}
	return nil
}

// LoadedAt is when the current base was swapped in.
func (h *Holder) LoadedAt() time.Time {
	if c := h.cur.Load(); c != nil {
		return c.LoadedAt
	}
	return time.Time{}
}

// Version is the current base's content hash, "" before any base.
func (h *Holder) Version() string {
	if b := h.Base(); b != nil {
		return b.Version
	}
	return ""
}

// Status is what /readyz and operators want to know about the knowledge. It
// never holds file content: a failure is summarised, and its problems are
// listed by FILE:LINE only.
type Status struct {
	Version  string    `json:"version"`
	LoadedAt time.Time `json:"loaded_at"`
	// Reloads counts successful swaps since start; Failures counts rejected
	// edits and loads that failed or timed out.
	Reloads  uint64 `json:"reloads"`
	Failures uint64 `json:"failures"`
	// LastError says what went wrong with the most recent failed reload, kept
	// after later successes so an operator can still see why an edit did
	// not take; LastProblems lists where, at most 20 FILE:LINE, then
	// "... and N more".
	LastError    string    `json:"last_error,omitempty"`
	LastProblems []string  `json:"last_problems,omitempty"`
	LastErrorAt  time.Time `json:"last_error_at,omitzero"`
	// InProgressSince is when the reload now running started.
	InProgressSince time.Time `json:"in_progress_since,omitzero"`
	// StuckLoads counts abandoned loads that have not returned yet.
	StuckLoads int `json:"stuck_loads,omitempty"`
}

// Status reports the current version, when it was loaded and how reloads went.
func (h *Holder) Status() Status {
	s := Status{Version: h.Version(), LoadedAt: h.LoadedAt(), Reloads: h.reloads.Load(), Failures: h.failures.Load(),
		StuckLoads: int(h.stuck.Load())}
	if f := h.lastFail.Load(); f != nil {
		s.LastError, s.LastProblems, s.LastErrorAt = f.summary, f.problems, f.at
	}
	if t := h.inProgress.Load(); t != nil {
		s.InProgressSince = *t
	}
	return s
}

// errFilesChanged means the files changed while they were being loaded: the
// result may mix old and new, so it is dropped and the load done again.
var errFilesChanged = errors.New("knowledge files changed while loading")

// acquire waits until no other reload runs, or ctx ends.
func (h *Holder) acquire(ctx context.Context) (release func(), err error) {
	for {
		h.mu.Lock()
		if h.busy == nil {
			busy := make(chan struct{})
			h.busy = busy
			h.mu.Unlock()
			return func() {
				h.mu.Lock()
				h.busy = nil
				h.mu.Unlock()
				close(busy)
			}, nil
		}
		wait := h.busy
		h.mu.Unlock()
		select {
		case <-wait:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

// Reload loads the knowledge and swaps it in. On failure it logs every
// problem, keeps the current knowledge and returns the error. A load that
// yields the version already served changes nothing. It returns when ctx
// ends (the bot stops) even if the load does not; that is not a failure.
func (h *Holder) Reload(ctx context.Context, load LoadFunc, logger *slog.Logger) error {
	release, err := h.acquire(ctx)
	if err != nil {
		return err
	}
	defer release()
	start := h.clock()
	h.inProgress.Store(&start)
	defer h.inProgress.Store(nil)

	if n := h.stuck.Load(); n >= maxStuck {
		err := fmt.Errorf("%d earlier knowledge loads never returned (a hung file system?); not starting another until one does", n)
		h.fail(logger, "knowledge reload refused", err.Error(), nil, err)
		return err
	}
	s, err := h.run(ctx, load, logger)
	took := h.clock().Sub(start).Milliseconds()
	switch {
	case ctx.Err() != nil:
		s.close(logger)
		logger.Info("knowledge reload stopped: shutting down", "took_ms", took)
		return ctx.Err()
	case errors.Is(err, errFilesChanged):
		logger.Info("knowledge files changed while loading; loading again once they are stable", "took_ms", took)
		return err
	case errors.Is(err, context.DeadlineExceeded):
		err = fmt.Errorf("knowledge load timed out after %s", h.loadTimeout())
		h.fail(logger, "knowledge reload failed", err.Error(), nil, err, "took_ms", took)
		return err
	case err != nil:
		summary, locs := describe(err)
		h.fail(logger, "knowledge reload failed", summary, locs, err, "took_ms", took)
		return err
	}
	prev := h.Version()
	if s.Base.Version != "" && s.Base.Version == prev {
		logger.Info("knowledge unchanged", "version", prev, "took_ms", took)
		s.close(logger)
		return nil
	}
	s.LoadedAt = h.clock()
	old := h.cur.Swap(s)
	if old != nil {
		// Questions already on their way to the old asker may still use its
		// index; close it once they are surely done.
		time.AfterFunc(h.retireAfter(), func() { old.close(logger) })
	}
	h.reloads.Add(1)
	logger.Info("knowledge reloaded", "version", s.Base.Version, "previous_version", prev,
		"networks", len(s.Base.Networks), "places", len(s.Base.Places), "took_ms", took)
	return nil
}

func (h *Holder) retireAfter() time.Duration {
	if h.retire <= 0 {
		return DefaultRetire
	}
	return h.retire
}

// fail records and logs a failed reload. The log carries the problems in
// full; the status only summary and locations.
func (h *Holder) fail(logger *slog.Logger, msg, summary string, locs []string, err error, attrs ...any) {
	h.failures.Add(1)
	h.lastFail.Store(&failure{summary: summary, problems: locs, at: h.clock()})
	logger.Error(msg, append([]any{"problems", Problems(err), "serving_version", h.Version()}, attrs...)...)
}

// run calls load in its own goroutine, bounded by the load timeout and ctx.
// A load still running then is abandoned: counted as stuck until it returns,
// and its late result freed.
func (h *Holder) run(ctx context.Context, load LoadFunc, logger *slog.Logger) (*Snapshot, error) {
	lctx, cancel := context.WithTimeout(ctx, h.loadTimeout())
	defer cancel()
	type result struct {
		s   *Snapshot
		err error
	}
	done := make(chan result, 1)
	go func() {
		s, err := h.safeLoad(lctx, load, logger)
		done <- result{s, err}
	}()
	select {
	case r := <-done:
		if r.err == nil && lctx.Err() != nil {
			// Finished, but too late to be trusted as on time: use it anyway,
			// it is complete.
			return r.s, nil
		}
		return r.s, r.err
	case <-lctx.Done():
	}
	h.stuck.Add(1)
	started := h.clock()
	go func() {
		r := <-done
		h.stuck.Add(-1)
		r.s.close(logger)
		logger.Warn("abandoned knowledge load returned", "took_ms", h.clock().Sub(started).Milliseconds())
	}()
	return nil, lctx.Err()
}

// safeLoad turns a loader's panic into an error: a bad edit must not take the
// running bot down with it. The panic is logged with its stack.
func (h *Holder) safeLoad(ctx context.Context, load LoadFunc, logger *slog.Logger) (s *Snapshot, err error) {
	defer func() {
		if r := recover(); r != nil {
			h.Panicked(logger, r, recovery.Stack(0))
			s, err = nil, fmt.Errorf("knowledge loader panicked: %v", r)
		}
	}()
	s, err = load(ctx)
	if err == nil && (s == nil || s.Asker == nil || s.Base == nil) {
		s.close(slog.New(slog.DiscardHandler))
		s, err = nil, errors.New("knowledge loader returned no knowledge")
	}
	return s, err
}

// SetOnPanic has f told of every panic the Holder recovers, for a metric
// (engagiert_panics_total{where="reload"}); nil: none.
func (h *Holder) SetOnPanic(f func(v any)) {
	if f == nil {
		h.onPanic.Store(nil)
		return
	}
	h.onPanic.Store(&f)
}

// Panicked logs a panic v recovered in the knowledge's reloading, with
// stack, at ERROR, and tells the SetOnPanic function.
func (h *Holder) Panicked(logger *slog.Logger, v any, stack string) {
	logger.Error("panic recovered", "where", "reload", "panic", fmt.Sprint(v), "stack", stack)
	if f := h.onPanic.Load(); f != nil {
		(*f)(v)
	}
}

// Load runs load once, bounded by DefaultLoadTimeout (or timeout, if
// positive) and ctx, as a Holder does: for the first load at start-up.
func Load(ctx context.Context, load LoadFunc, timeout time.Duration, logger *slog.Logger) (*Snapshot, error) {
	h := &Holder{timeout: timeout}
	s, err := h.run(ctx, load, logger)
	if errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil {
		return nil, fmt.Errorf("knowledge load timed out after %s", h.loadTimeout())
	}
	return s, err
}

// locator is an error that can say where its problems are without saying
// what they are (yamlkb.Problems): safe to show on an unauthenticated route.
type locator interface {
	Locations() (locs []string, more int)
}

// describe summarises a load error for Status: no file content, only a
// count and where.
func describe(err error) (summary string, locs []string) {
	var l locator
	if errors.As(err, &l) {
		all, more := l.Locations()
		n := len(all) + more
		if len(all) > maxStatusProblems {
			more += len(all) - maxStatusProblems
			all = all[:maxStatusProblems]
		}
		locs = append([]string(nil), all...)
		if more > 0 {
			locs = append(locs, fmt.Sprintf("... and %d more", more))
		}
		return fmt.Sprintf("%d problem(s) in the knowledge files; the log has them in full", n), locs
	}
	if strings.HasPrefix(err.Error(), "knowledge loader panicked") {
		return "the knowledge loader panicked; the log has the details", nil
	}
	msg := strings.SplitN(err.Error(), "\n", 2)[0]
	if r := []rune(msg); len(r) > 200 {
		msg = string(r[:200]) + "…"
	}
	return msg, nil
}

// maxProblems caps one log record; the first problems are the ones to fix first.
const maxProblems = 100

// Problems splits a load error into its lines, one "FILE:LINE: message" each.
func Problems(err error) []string {
	if err == nil {
		return nil
	}
	var out []string
	for _, line := range strings.Split(err.Error(), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	if len(out) > maxProblems {
		n := len(out) - maxProblems
		out = append(out[:maxProblems], fmt.Sprintf("... and %d more", n))
	}
	return out
}
