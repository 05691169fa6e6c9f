package store

import (
	"context"
	"crypto/rand"
	"fmt"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/engagiert/engagiert/internal/testenv"
	"github.com/redis/go-redis/v9"
)

func TestMain(m *testing.M) { testenv.Main(m) }

// newRedisStore is one "replica": its own client and connection pool.
func newRedisStore(t *testing.T, ttl time.Duration) *Redis {
	t.Helper()
	s, err := New(testenv.Redis(t), ttl)
	if err != nil {
		t.Fatalf("New(redis) error: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	r, ok := s.(*Redis)
	if !ok {
		t.Fatalf("New(redis URL) = %T, want *Redis", s)
	}
	return r
}

// uniqueKey keeps runs against a shared ENGAGIERT_TEST_REDIS_URL apart.
func uniqueKey(name string) string {
	return "test-" + name + "-" + rand.Text()
}

func TestRedisFirstSeen(t *testing.T) {
	t.Parallel()
	s := newRedisStore(t, time.Minute)
	ctx := context.Background()
	key := uniqueKey("once")
	for i, want := range []bool{true, false, false} {
		got, err := s.FirstSeen(ctx, key, 0)
		if err != nil || got != want {
			t.Fatalf("call %d: FirstSeen(%q) = %v, %v, want %v, nil", i, key, got, err, want)
		}
	}
	// The key is namespaced and expires on its own.
	ttl, err := s.client.(redis.UniversalClient).PTTL(ctx, KeyPrefix+key).Result()
	if err != nil || ttl <= 0 || ttl > time.Minute {
		t.Errorf("PTTL(%s%s) = %v, %v, want within (0, 1m]", KeyPrefix, key, ttl, err)
	}
}

func TestRedisExpiry(t *testing.T) {
	t.Parallel()
	s := newRedisStore(t, 200*time.Millisecond)
	ctx := context.Background()
	key := uniqueKey("expiry")
	if ok, err := s.FirstSeen(ctx, key, 0); !ok || err != nil {
		t.Fatalf("FirstSeen(%q) = %v, %v, want true, nil", key, ok, err)
	}
	time.Sleep(400 * time.Millisecond)
	if ok, err := s.FirstSeen(ctx, key, 0); !ok || err != nil {
		t.Fatalf("after TTL: FirstSeen(%q) = %v, %v, want true, nil", key, ok, err)
	}
}

// TestRedisTwoReplicas is a retried event reaching both replicas at once:
// two stores with their own clients share one Redis, 50 calls each, all
// concurrent, and exactly one call across both sees the event first.
func TestRedisTwoReplicas(t *testing.T) {
	t.Parallel()
	replicas := []*Redis{newRedisStore(t, time.Minute), newRedisStore(t, time.Minute)}
	for round := range 5 {
		key := uniqueKey(fmt.Sprint("replicas", round))
		var first, errs atomic.Int32
		perReplica := make([]atomic.Int32, len(replicas))
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i, r := range replicas {
			for range 50 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-start
					ok, err := r.FirstSeen(context.Background(), key, 0)
					if err != nil {
						errs.Add(1)
						return
					}
					if ok {
						first.Add(1)
						perReplica[i].Add(1)
					}
				}()
			}
		}
		close(start)
		wg.Wait()
		if errs.Load() != 0 || first.Load() != 1 {
			t.Errorf("round %d: 2x50 concurrent FirstSeen(%q): %d first, %d errors, want 1 first, 0 errors (per replica: %d, %d)",
				round, key, first.Load(), errs.Load(), perReplica[0].Load(), perReplica[1].Load())
		}
	}
}

func TestRedisDownIsAnError(t *testing.T) {
	t.Parallel()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close() // nothing listens there now
	s := NewRedis(redis.NewClient(&redis.Options{Addr: addr, MaxRetries: -1, DialTimeout: time.Second}), time.Minute)
	defer s.Close()
	if ok, err := s.FirstSeen(context.Background(), "x", 0); err == nil || ok {
		t.Errorf("FirstSeen with Redis down = %v, %v, want false and an error", ok, err)
	}
	if _, err := New("redis://"+addr+"/0", time.Minute); err == nil {
		t.Errorf("New(%q) with Redis down: no error, want one at start-up", addr)
	}
}

func TestNewBadURL(t *testing.T) {
	t.Parallel()
	tests := []struct {
		url, wantIn string
	}{
		{"http://localhost:6379", "scheme"},
		{"redis://:s3cret-pw@localhost:notaport/0", "port"},
		{"redis://user:s3cret-pw@host/notadb", "db"},
	}
	for _, tt := range tests {
		_, err := New(tt.url, time.Minute)
		if err == nil {
			t.Errorf("New(%q) = nil error, want one", tt.url)
			continue
		}
		if msg := err.Error(); !strings.Contains(msg, tt.wantIn) || strings.Contains(msg, "s3cret") {
			t.Errorf("New(%q) error = %q, want it to mention %q and not the password", tt.url, msg, tt.wantIn)
		}
	}
}
