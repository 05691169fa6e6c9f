package store

import (
	"context"
	"strings"
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

// FirstSeen reports whether key is new within ttl (the store's TTL if ttl
// <= 0) and remembers it. It never fails; the error is there to satisfy
// Store.
func (m *Memory) FirstSeen(_ context.Context, key string, ttl time.Duration) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.now()
	if ttl > 0 && ttl != m.ttl {
		// Another expiry than the queue's: kept with the values.
		if v, ok := m.values[key]; ok && now.Before(v.expires) {
			return false, nil
		}
		m.putLocked(now, key, "1", ttl)
		return true, nil
	}
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

// Swap sets key to value for ttl and returns the value it replaced.
func (m *Memory) Swap(_ context.Context, key, value string, ttl time.Duration) (string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.now()
	var old string
	if v, ok := m.values[key]; ok && now.Before(v.expires) {
		old = v.v
	}
	m.putLocked(now, key, value, ttl)
	return old, nil
}

// putLocked sets a value. When more than max values are live it forgets
// the expired ones, then any.
func (m *Memory) putLocked(now time.Time, key, value string, ttl time.Duration) {
	m.values[key] = memValue{value, now.Add(ttl)}
	if len(m.values) <= m.max {
		return
	}
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

// Keys returns the live keys matching pattern ("*": any run of characters).
func (m *Memory) Keys(_ context.Context, pattern string) ([]string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.now()
	var out []string
	for k, exp := range m.expires {
		if now.Before(exp) && matchKey(pattern, k) {
			out = append(out, k)
		}
	}
	for k, v := range m.values {
		if now.Before(v.expires) && matchKey(pattern, k) {
			out = append(out, k)
		}
	}
	return out, nil
}

// Delete forgets keys.
func (m *Memory) Delete(_ context.Context, keys ...string) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.now()
	n := 0
	for _, k := range keys {
		if exp, ok := m.expires[k]; ok {
			delete(m.expires, k) // its queue entry no longer matches and is skipped
			if now.Before(exp) {
				n++
			}
		}
		if v, ok := m.values[k]; ok {
			delete(m.values, k)
			if now.Before(v.expires) {
				n++
			}
		}
	}
	return n, nil
}

// matchKey reports whether key matches pattern, where "*" matches any run
// of characters and everything else itself.
func matchKey(pattern, key string) bool {
	parts := strings.Split(pattern, "*")
	if len(parts) == 1 {
		return key == pattern
	}
	if !strings.HasPrefix(key, parts[0]) {
		return false
	}
	key = key[len(parts[0]):]
	last := parts[len(parts)-1]
	for _, p := range parts[1 : len(parts)-1] {
		i := strings.Index(key, p)
		if i < 0 {
			return false
		}
		key = key[i+len(p):]
	}
	return strings.HasSuffix(key, last) && len(key) >= len(last)
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
