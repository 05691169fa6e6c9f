package store

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeClock is a clock tests move by hand.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time { return c.t }

func TestMemoryFirstSeen(t *testing.T) {
	t.Parallel()
	type step struct {
		advance time.Duration
		key     string
		want    bool
	}
	tests := []struct {
		name  string
		ttl   time.Duration
		max   int
		steps []step
	}{
		{"new then repeat", time.Minute, 10, []step{
			{0, "a", true}, {0, "a", false}, {time.Second, "a", false}, {0, "b", true},
		}},
		{"forgotten after ttl", time.Minute, 10, []step{
			{0, "a", true}, {59 * time.Second, "a", false}, {time.Second, "a", true}, {0, "a", false},
		}},
		{"ttl counts from first sight", time.Minute, 10, []step{
			{0, "a", true}, {30 * time.Second, "a", false}, {30 * time.Second, "a", true},
		}},
		{"oldest evicted when full", time.Hour, 2, []step{
			{0, "a", true}, {0, "b", true}, {0, "c", true}, {0, "b", false}, {0, "c", false}, {0, "a", true},
		}},
		{"re-seen key outlives its stale queue entry", time.Minute, 10, []step{
			{0, "a", true}, {time.Minute, "a", true}, {30 * time.Second, "a", false},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := &fakeClock{time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
			m := NewMemory(tt.ttl, tt.max)
			m.now = clock.now
			for i, s := range tt.steps {
				clock.t = clock.t.Add(s.advance)
				got, err := m.FirstSeen(context.Background(), s.key, 0)
				if err != nil || got != s.want {
					t.Fatalf("step %d: FirstSeen(%q) = %v, %v, want %v, nil", i, s.key, got, err, s.want)
				}
			}
		})
	}
}

// TestMemoryBounded checks that neither the map nor the queue grows without
// bound under a steady stream of distinct events.
func TestMemoryBounded(t *testing.T) {
	t.Parallel()
	clock := &fakeClock{time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
	m := NewMemory(time.Minute, 1000)
	m.now = clock.now
	for i := range 100_000 {
		clock.t = clock.t.Add(time.Millisecond)
		if ok, _ := m.FirstSeen(context.Background(), fmt.Sprint("ev", i), 0); !ok {
			t.Fatalf("FirstSeen(ev%d) = false, want true", i)
		}
	}
	if m.Len() != 1000 {
		t.Errorf("Len() = %d, want 1000", m.Len())
	}
	if cap(m.queue) > 4*1000+2048 {
		t.Errorf("queue capacity %d: the queue is not reclaimed", cap(m.queue))
	}
}

func TestMemoryConcurrent(t *testing.T) {
	t.Parallel()
	m := NewMemory(time.Minute, 0)
	var first atomic.Int32
	var wg sync.WaitGroup
	for range 100 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 50 {
				if ok, _ := m.FirstSeen(context.Background(), fmt.Sprint("ev", k), 0); ok {
					first.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	if got := first.Load(); got != 50 {
		t.Errorf("50 keys seen by 100 goroutines: %d first sightings, want 50", got)
	}
}

func TestNewWithoutURLIsMemory(t *testing.T) {
	t.Parallel()
	s, err := New("", 0)
	if err != nil {
		t.Fatalf(`New("") error: %v`, err)
	}
	defer s.Close()
	if _, ok := s.(*Memory); !ok {
		t.Errorf(`New("") = %T, want *Memory`, s)
	}
}
