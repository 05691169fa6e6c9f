package store

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// valueSteps runs Get, Set and Swap against s; advance moves s's clock
// (nil: wait in real time).
func valueSteps(t *testing.T, s Store, key string, advance func(time.Duration)) {
	t.Helper()
	ctx := context.Background()
	if v, err := s.Get(ctx, key); v != "" || err != nil {
		t.Fatalf("Get(%q) before Set = %q, %v, want \"\", nil", key, v, err)
	}
	if err := s.Set(ctx, key, "frame-1", 300*time.Millisecond); err != nil {
		t.Fatalf("Set(%q): %v", key, err)
	}
	if v, err := s.Get(ctx, key); v != "frame-1" || err != nil {
		t.Fatalf("Get(%q) = %q, %v, want frame-1", key, v, err)
	}
	for i, tt := range []struct{ value, wantOld string }{{"up", "frame-1"}, {"down", "up"}, {"down", "down"}} {
		old, err := s.Swap(ctx, key, tt.value, 300*time.Millisecond)
		if old != tt.wantOld || err != nil {
			t.Fatalf("step %d: Swap(%q, %q) = %q, %v, want %q", i, key, tt.value, old, err, tt.wantOld)
		}
	}
	advance(400 * time.Millisecond)
	if v, err := s.Get(ctx, key); v != "" || err != nil {
		t.Errorf("Get(%q) after expiry = %q, %v, want \"\"", key, v, err)
	}
	if old, err := s.Swap(ctx, key, "up", time.Minute); old != "" || err != nil {
		t.Errorf("Swap(%q) after expiry = %q, %v, want \"\"", key, old, err)
	}
}

func TestMemoryValues(t *testing.T) {
	t.Parallel()
	clock := &fakeClock{time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
	m := NewMemory(time.Minute, 10)
	m.now = clock.now
	valueSteps(t, m, "t:C1:1.2", func(d time.Duration) { clock.t = clock.t.Add(d) })
}

func TestMemoryValuesBounded(t *testing.T) {
	t.Parallel()
	m := NewMemory(time.Minute, 100)
	ctx := context.Background()
	for i := range 1000 {
		if err := m.Set(ctx, fmt.Sprint("k", i), "v", time.Hour); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(m.values); n > 100 {
		t.Errorf("%d values kept, want at most 100", n)
	}
	if v, _ := m.Get(ctx, "k999"); v != "v" {
		t.Errorf("the newest value was evicted")
	}
}

func TestRedisValues(t *testing.T) {
	t.Parallel()
	valueSteps(t, newRedisStore(t, time.Minute), uniqueKey("values"), time.Sleep)
}

// TestRedisValuesShared: what one replica sets, the other reads and swaps.
func TestRedisValuesShared(t *testing.T) {
	t.Parallel()
	a, b := newRedisStore(t, time.Minute), newRedisStore(t, time.Minute)
	ctx := context.Background()
	key := uniqueKey("shared")
	if err := a.Set(ctx, key, "frame", time.Minute); err != nil {
		t.Fatal(err)
	}
	if v, err := b.Get(ctx, key); v != "frame" || err != nil {
		t.Errorf("replica B: Get(%q) = %q, %v, want replica A's frame", key, v, err)
	}
	if old, err := b.Swap(ctx, key, "next", time.Minute); old != "frame" || err != nil {
		t.Errorf("replica B: Swap = %q, %v, want frame", old, err)
	}
	if v, _ := a.Get(ctx, key); v != "next" {
		t.Errorf("replica A: Get = %q, want next", v)
	}
}
