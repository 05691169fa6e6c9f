// Package reload keeps the bot answering from the newest good knowledge base
// while curators edit it.
//
// A Holder is the Asker every surface calls. It answers from one immutable
// (Asker, Base) pair and swaps in a new pair atomically, so a question is
// answered entirely from the old base or entirely from the new one. Watch
// reloads on SIGHUP and on file changes; a broken edit is logged with its
// FILE:LINE problems and the bot goes on answering from the last good base.
package reload

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/engagiert/engagiert/internal/domain"
)

// LoadFunc builds a complete, validated Asker and Base from the knowledge
// directory, or fails with every problem found, one "FILE:LINE: message" per
// line of the error text.
type LoadFunc func() (domain.Asker, *domain.Base, error)

// Holder holds the knowledge the bot currently answers from.
type Holder struct {
	cur atomic.Pointer[loaded]
	// mu serialises reloads, so a slow load cannot swap in older knowledge
	// after a faster, later one.
	mu       sync.Mutex
	reloads  atomic.Uint64
	failures atomic.Uint64
	lastFail atomic.Pointer[failure]
	now      func() time.Time
	// debounce is how long files must be quiet before a reload: editors and
	// deploy scripts write several files, and one reload should see them all.
	debounce time.Duration
	// poll is how often Watch looks for a removed directory to come back.
	poll time.Duration
	// retire is how long a replaced asker keeps serving the questions that
	// were already asking it before it is closed, which frees its index.
	retire time.Duration
}

type loaded struct {
	asker    domain.Asker
	base     *domain.Base
	loadedAt time.Time
}

type failure struct {
	err error
	at  time.Time
}

var (
	_ domain.Asker         = (*Holder)(nil)
	_ domain.FollowUpAsker = (*Holder)(nil)
)

// NewHolder returns a Holder answering from asker and base, loaded now.
func NewHolder(asker domain.Asker, base *domain.Base) *Holder {
	h := &Holder{now: time.Now, debounce: DefaultDebounce, poll: time.Second, retire: DefaultRetire}
	h.cur.Store(&loaded{asker, base, h.now()})
	return h
}

// DefaultRetire is how long a replaced asker lives on: answers take
// milliseconds, and Slack's own deadline is three seconds.
const DefaultRetire = time.Minute

// DefaultDebounce is how long Watch waits for files to be quiet.
const DefaultDebounce = 300 * time.Millisecond

// clock is h.now, or time.Now in a zero Holder.
func (h *Holder) clock() time.Time {
	if h.now == nil {
		return time.Now()
	}
	return h.now()
}

// Ask answers from the current knowledge.
func (h *Holder) Ask(ctx context.Context, question string) domain.Answer {
	c := h.cur.Load()
	if c == nil || c.asker == nil {
		return domain.Answer{Query: question, Kind: domain.KindNone}
	}
	return c.asker.Ask(ctx, question)
}

// AskFollowUp answers a follow-up from the current knowledge.
func (h *Holder) AskFollowUp(ctx context.Context, question, prev string) domain.Answer {
	c := h.cur.Load()
	if c == nil || c.asker == nil {
		return domain.Answer{Query: question, Kind: domain.KindNone}
	}
	return domain.AskAfter(ctx, c.asker, question, prev)
}

// Base is the knowledge base answers currently come from.
func (h *Holder) Base() *domain.Base {
	if c := h.cur.Load(); c != nil {
		return c.base
	}
	return nil
}

// LoadedAt is when the current base was swapped in.
func (h *Holder) LoadedAt() time.Time {
	if c := h.cur.Load(); c != nil {
		return c.loadedAt
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

// Status is what /readyz and operators want to know about the knowledge.
type Status struct {
	Version  string    `json:"version"`
	LoadedAt time.Time `json:"loaded_at"`
	// Reloads counts successful swaps since start; Failures counts rejected edits.
	Reloads  uint64 `json:"reloads"`
	Failures uint64 `json:"failures"`
	// LastError is the most recent rejected edit, kept after later successes
	// so an operator can still see why an edit did not take.
	LastError   string    `json:"last_error,omitempty"`
	LastErrorAt time.Time `json:"last_error_at,omitzero"`
}

// Status reports the current version, when it was loaded and how reloads went.
func (h *Holder) Status() Status {
	s := Status{Version: h.Version(), LoadedAt: h.LoadedAt(), Reloads: h.reloads.Load(), Failures: h.failures.Load()}
	if f := h.lastFail.Load(); f != nil {
		s.LastError, s.LastErrorAt = f.err.Error(), f.at
	}
	return s
}

// Reload loads the knowledge and swaps it in. On failure it logs every
// problem, keeps the current knowledge and returns the error. A load that
// yields the version already served changes nothing.
func (h *Holder) Reload(load LoadFunc, logger *slog.Logger) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	start := h.clock()
	asker, base, err := safeLoad(load)
	if err != nil {
		h.failures.Add(1)
		h.lastFail.Store(&failure{err, h.clock()})
		logger.Error("knowledge reload failed", "problems", Problems(err), "serving_version", h.Version())
		return err
	}
	prev := h.Version()
	if base.Version != "" && base.Version == prev {
		logger.Info("knowledge unchanged", "version", prev)
		closeAsker(asker, logger)
		return nil
	}
	old := h.cur.Swap(&loaded{asker, base, h.clock()})
	if old != nil {
		// Questions already on their way to the old asker may still use its
		// index; close it once they are surely done.
		time.AfterFunc(h.retire, func() { closeAsker(old.asker, logger) })
	}
	h.reloads.Add(1)
	logger.Info("knowledge reloaded", "version", base.Version, "previous_version", prev,
		"networks", len(base.Networks), "places", len(base.Places), "took", h.clock().Sub(start).Round(time.Millisecond))
	return nil
}

// closeAsker frees what an asker holds (its search index) if it can.
func closeAsker(a domain.Asker, logger *slog.Logger) {
	if c, ok := a.(io.Closer); ok {
		if err := c.Close(); err != nil {
			logger.Warn("close replaced knowledge", "err", err)
		}
	}
}

// safeLoad turns a loader's panic into an error: a bad edit must not take the
// running bot down with it.
func safeLoad(load LoadFunc) (asker domain.Asker, base *domain.Base, err error) {
	defer func() {
		if r := recover(); r != nil {
			asker, base, err = nil, nil, fmt.Errorf("knowledge loader panicked: %v", r)
		}
	}()
	asker, base, err = load()
	if err == nil && (asker == nil || base == nil) {
		err = errors.New("knowledge loader returned no knowledge")
	}
	return asker, base, err
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
