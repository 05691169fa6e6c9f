package slackapp

import (
	"context"
	"sync"
	"time"
)

// Deduper remembers which Slack events were already handled, so an event
// Slack delivers twice (a retry, or a repeated event_id) is answered once.
// Implementations must be safe for concurrent use; a shared one (Redis) lets
// several replicas of the bot agree.
type Deduper interface {
	// FirstSeen reports true the first time it is called with key.
	FirstSeen(ctx context.Context, key string) (bool, error)
}

// MemoryDeduper is a Deduper for one process: it remembers keys for a TTL.
type MemoryDeduper struct {
	ttl time.Duration
	now func() time.Time

	mu        sync.Mutex
	seen      map[string]time.Time // key -> when it expires
	lastSweep time.Time
}

// DefaultDedupTTL covers Slack's retries: up to three over about five minutes.
const DefaultDedupTTL = 15 * time.Minute

// NewMemoryDeduper returns an in-memory Deduper that forgets keys after ttl
// (DefaultDedupTTL if ttl <= 0).
func NewMemoryDeduper(ttl time.Duration) *MemoryDeduper {
	if ttl <= 0 {
		ttl = DefaultDedupTTL
	}
	return &MemoryDeduper{ttl: ttl, now: time.Now, seen: map[string]time.Time{}}
}

// FirstSeen implements Deduper.
func (d *MemoryDeduper) FirstSeen(_ context.Context, key string) (bool, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	now := d.now()
	if now.Sub(d.lastSweep) > d.ttl {
		for k, exp := range d.seen {
			if !now.Before(exp) {
				delete(d.seen, k)
			}
		}
		d.lastSweep = now
	}
	if exp, ok := d.seen[key]; ok && now.Before(exp) {
		return false, nil
	}
	d.seen[key] = now.Add(d.ttl)
	return true, nil
}

var _ Deduper = (*MemoryDeduper)(nil)
