package store

import (
	"context"
	"sync"
	"time"
)

// Memory is an in-process Store for a single replica. It forgets a key after
// the TTL and, when more than max keys are live, forgets the oldest first, so
// a flood of events cannot grow it without bound.
type Memory struct {
	ttl time.Duration
	max int
	now func() time.Time // replaced in tests

	mu      sync.Mutex
	expires map[string]time.Time
	// queue holds keys in insertion order. With one TTL for all keys that is
	// also expiry order, so expiring and evicting only ever look at the front.
	queue []memEntry
	head  int

	// values are the keys of Get, Set and Swap, each with its own expiry.
	values map[string]memValue
}

type memValue struct {
	v       string
	expires time.Time
}

type memEntry struct {
	key     string
	expires time.Time
}

var _ Store = (*Memory)(nil)

// NewMemory returns an empty Memory. max <= 0 means DefaultMaxKeys.
func NewMemory(ttl time.Duration, max int) *Memory {
	if ttl <= 0 {
		ttl = DefaultTTL
	}
	if max <= 0 {
		max = DefaultMaxKeys
	}
	return &Memory{ttl: ttl, max: max, now: time.Now, expires: map[string]time.Time{}, values: map[string]memValue{}}
}

// FirstSeen reports whether key is new within the TTL and remembers it. It
// never fails; the error is there to satisfy Store.
func (m *Memory) FirstSeen(_ context.Context, key string) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.now()
	m.expireLocked(now)
	if exp, ok := m.expires[key]; ok && now.Before(exp) {
		return false, nil
	}
	exp := now.Add(m.ttl)
	m.expires[key] = exp
	m.queue = append(m.queue, memEntry{key, exp})
	for len(m.expires) > m.max {
		m.popLocked()
	}
	return true, nil
}

// Get returns the value of key, "" when it is not set or expired.
func (m *Memory) Get(_ context.Context, key string) (string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.values[key]
	if !ok || !m.now().Before(v.expires) {
		return "", nil
	}
	return v.v, nil
}

// Set sets key to value for ttl.
func (m *Memory) Set(ctx context.Context, key, value string, ttl time.Duration) error {
	_, err := m.Swap(ctx, key, value, ttl)
	return err
}

// Swap sets key to value for ttl and returns the value it replaced. When
// more than max values are live it forgets the expired ones, then any.
func (m *Memory) Swap(_ context.Context, key, value string, ttl time.Duration) (string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.now()
	var old string
	if v, ok := m.values[key]; ok && now.Before(v.expires) {
		old = v.v
	}
	m.values[key] = memValue{value, now.Add(ttl)}
	if len(m.values) > m.max {
		for k, v := range m.values {
			if !now.Before(v.expires) {
				delete(m.values, k)
			}
		}
		for k := range m.values {
			if len(m.values) <= m.max {
				break
			}
			if k != key {
				delete(m.values, k)
			}
		}
	}
	return old, nil
}

// Len is the number of keys remembered, for tests and metrics.
func (m *Memory) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.expires)
}

// Close does nothing: there is nothing to release.
func (m *Memory) Close() error { return nil }

func (m *Memory) expireLocked(now time.Time) {
	for m.head < len(m.queue) && !now.Before(m.queue[m.head].expires) {
		m.popLocked()
	}
}

// popLocked drops the front of the queue, and the key with it unless the key
// was seen again later (its live entry then sits further back).
func (m *Memory) popLocked() {
	e := m.queue[m.head]
	m.queue[m.head] = memEntry{}
	m.head++
	if m.expires[e.key].Equal(e.expires) {
		delete(m.expires, e.key)
	}
	// Reuse the slice's space once the dead front is half of it.
	if m.head > 1024 && m.head*2 > len(m.queue) {
		n := copy(m.queue, m.queue[m.head:])
		clear(m.queue[n:])
		m.queue = m.queue[:n]
		m.head = 0
	}
}
