// Package memo is a small bounded map for remembering results that depend
// only on their key, such as answers per question of one knowledge version.
// When full it forgets the oldest entry: cheaper than LRU bookkeeping, and
// as good for the few hundred questions a team asks over and over.
package memo

import "sync"

// Map holds at most size entries. It is safe for concurrent use.
type Map[K comparable, V any] struct {
	mu    sync.RWMutex
	m     map[K]V
	order []K // ring of keys in insertion order; the oldest is at pos
	pos   int
	size  int
}

// New makes a Map of at most size entries (at least one). The map grows
// as entries come: made at its full size, the few a process uses before
// it ends (`ask`) would cost it the pages of thousands, and a fresh page
// costs more than the growing.
func New[K comparable, V any](size int) *Map[K, V] {
	return &Map[K, V]{m: map[K]V{}, size: max(size, 1)}
}

// Get returns the value for k.
func (c *Map[K, V]) Get(k K) (V, bool) {
	c.mu.RLock()
	v, ok := c.m[k]
	c.mu.RUnlock()
	return v, ok
}

// Put remembers v for k, forgetting the oldest entry when full. A key that
// is already there keeps its first value.
func (c *Map[K, V]) Put(k K, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.m[k]; ok {
		return
	}
	if len(c.order) < c.size {
		c.order = append(c.order, k)
	} else {
		delete(c.m, c.order[c.pos])
		c.order[c.pos] = k
		c.pos = (c.pos + 1) % c.size
	}
	c.m[k] = v
}

// Len is the number of entries held.
func (c *Map[K, V]) Len() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return len(c.m)
}
