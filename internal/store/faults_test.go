package store

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/engagiert/engagiert/internal/testenv"
	"github.com/redis/go-redis/v9"
)

// ownRedis starts a redis-server of the test's own (testenv.OwnRedis),
// which it may stall or flush, and returns its URL and an admin client.
func ownRedis(t *testing.T, args ...string) (string, *redis.Client) {
	t.Helper()
	r := testenv.OwnRedis(t, args...)
	admin := redis.NewClient(&redis.Options{Addr: r.Addr()})
	t.Cleanup(func() { admin.Close() })
	return r.URL(), admin
}

// TestRedisFirstSeenSurvivesStall is the stall that lost events: Redis
// sleeps longer than the read timeout, go-redis repeats the SET, and the
// repeat finds the key its own first attempt wrote. That is still the
// first sighting; a second replica asking meanwhile is the duplicate.
func TestRedisFirstSeenSurvivesStall(t *testing.T) {
	u, admin := ownRedis(t, "--enable-debug-command", "yes")
	// 400 ms to read, one repeat: the first attempt times out during the
	// 600 ms stall, the repeat is answered after it.
	a, err := New(u+"?read_timeout=400ms&max_retries=1&min_retry_backoff=100ms&max_retry_backoff=150ms", time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := New(u, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	stalled := make(chan error, 1)
	go func() { stalled <- admin.Do(ctx, "DEBUG", "SLEEP", "0.6").Err() }()
	time.Sleep(50 * time.Millisecond) // the SLEEP is running
	first, err := a.FirstSeen(ctx, "event:EvSTALL", 0)
	if err != nil || !first {
		t.Errorf("replica A during a stall: FirstSeen = %v, %v, want true, nil (its own repeated SET)", first, err)
	}
	if err := <-stalled; err != nil {
		t.Fatalf("DEBUG SLEEP: %v", err)
	}
	if first, err := b.FirstSeen(ctx, "event:EvSTALL", 0); err != nil || first {
		t.Errorf("replica B after the stall: FirstSeen = %v, %v, want false, nil", first, err)
	}
}

// TestRedisDataLost: after Redis loses its keys (a restart without
// persistence looks like FLUSHALL), each replica hears of it once, with
// ErrDataLost, and the answers stay right.
func TestRedisDataLost(t *testing.T) {
	u, admin := ownRedis(t)
	ctx := context.Background()
	var replicas []Store
	for range 2 {
		s, err := New(u, time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		replicas = append(replicas, s)
	}
	for i, s := range replicas {
		if first, err := s.FirstSeen(ctx, "event:before", 0); err != nil || first != (i == 0) {
			t.Fatalf("replica %d before the loss: FirstSeen = %v, %v", i, first, err)
		}
	}
	if err := admin.FlushAll(ctx).Err(); err != nil {
		t.Fatal(err)
	}
	for i, s := range replicas {
		first, err := s.FirstSeen(ctx, "event:before", 0)
		if !errors.Is(err, ErrDataLost) || first != (i == 0) {
			t.Errorf("replica %d, first call after the loss: FirstSeen = %v, %v, want %v, ErrDataLost", i, first, err, i == 0)
		}
		if first, err := s.FirstSeen(ctx, "event:after", 0); err != nil || first != (i == 0) {
			t.Errorf("replica %d, next call: FirstSeen = %v, %v, want %v, nil", i, first, err, i == 0)
		}
	}
}

// TestRedisFirstSeenTTL: a key's own expiry wins over the store's.
func TestRedisFirstSeenTTL(t *testing.T) {
	s := newRedisStore(t, time.Hour)
	ctx := context.Background()
	key := uniqueKey("ttl")
	if first, err := s.FirstSeen(ctx, key, 300*time.Millisecond); !first || err != nil {
		t.Fatalf("FirstSeen = %v, %v", first, err)
	}
	ttl, err := s.client.(*redis.Client).PTTL(ctx, KeyPrefix+key).Result()
	if err != nil || ttl <= 0 || ttl > 300*time.Millisecond {
		t.Errorf("PTTL = %v, %v, want at most 300ms", ttl, err)
	}
}

// keysAndDelete checks Keys and Delete on s, whose keys start with p.
func keysAndDelete(t *testing.T, s Store, p string) {
	t.Helper()
	ctx := context.Background()
	for _, k := range []string{p + "v:C1:1.2:aa", p + "v:C1:1.3:bb", p + "v:C2:1.4:aa", p + "d:aa"} {
		if err := s.Set(ctx, k, "x", time.Minute); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.FirstSeen(ctx, p+"F:aa:q1", 0); err != nil {
		t.Fatal(err)
	}
	got, err := s.Keys(ctx, p+"v:*:aa")
	slices.Sort(got)
	if want := []string{p + "v:C1:1.2:aa", p + "v:C2:1.4:aa"}; err != nil || !slices.Equal(got, want) {
		t.Errorf("Keys(v:*:aa) = %q, %v, want %q", got, err, want)
	}
	if got, err := s.Keys(ctx, p+"F:aa:*"); err != nil || len(got) != 1 {
		t.Errorf("Keys(F:aa:*) = %q, %v, want the FirstSeen key", got, err)
	}
	n, err := s.Delete(ctx, p+"v:C1:1.2:aa", p+"d:aa", p+"F:aa:q1", p+"nothing")
	if n != 3 || err != nil {
		t.Errorf("Delete = %d, %v, want 3", n, err)
	}
	if v, _ := s.Get(ctx, p+"d:aa"); v != "" {
		t.Errorf("deleted key still has %q", v)
	}
	if first, _ := s.FirstSeen(ctx, p+"F:aa:q1", 0); !first {
		t.Errorf("a deleted FirstSeen key is still seen")
	}
	if v, _ := s.Get(ctx, p+"v:C1:1.3:bb"); v != "x" {
		t.Errorf("another key was deleted")
	}
}

func TestMemoryKeysAndDelete(t *testing.T) { keysAndDelete(t, NewMemory(time.Minute, 0), "") }

func TestRedisKeysAndDelete(t *testing.T) {
	keysAndDelete(t, newRedisStore(t, time.Minute), uniqueKey("keys")+":")
}

func TestMatchKey(t *testing.T) {
	tests := []struct {
		pattern, key string
		want         bool
	}{
		{"v:*:aa", "v:C1:1.2:aa", true},
		{"v:*:aa", "v:C1:1.2:aab", false},
		{"v:*:aa", "d:aa", false},
		{"F:aa:*", "F:aa:", true},
		{"f:*", "f:C1:2", true},
		{"d:aa", "d:aa", true},
		{"d:aa", "d:aab", false},
		{"*a*b*", "xaxb", true},
		{"*a*b*", "xbxa", false},
		{"a*a", "a", false},
	}
	for _, tt := range tests {
		if got := matchKey(tt.pattern, tt.key); got != tt.want {
			t.Errorf("matchKey(%q, %q) = %v, want %v", tt.pattern, tt.key, got, tt.want)
		}
	}
}

// TestMemoryFirstSeenOwnTTL: a key with its own expiry lives that long.
func TestMemoryFirstSeenOwnTTL(t *testing.T) {
	clock := &fakeClock{time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
	m := NewMemory(time.Minute, 10)
	m.now = clock.now
	ctx := context.Background()
	for i, step := range []struct {
		advance time.Duration
		want    bool
	}{{0, true}, {30 * time.Minute, false}, {29 * time.Minute, false}, {time.Minute, true}} {
		clock.t = clock.t.Add(step.advance)
		if got, _ := m.FirstSeen(ctx, "F:u:q", time.Hour); got != step.want {
			t.Errorf("step %d: FirstSeen(ttl 1h) = %v, want %v", i, got, step.want)
		}
	}
}
