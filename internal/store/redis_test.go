package store

import (
	"context"
	"crypto/rand"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// testRedisURL is the Redis the tests use: ENGAGIERT_TEST_REDIS_URL, or a
// redis-server TestMain started. noRedis says why there is none.
var testRedisURL, noRedis string

func TestMain(m *testing.M) {
	stop := func() {}
	if u := os.Getenv("ENGAGIERT_TEST_REDIS_URL"); u != "" {
		testRedisURL = u
	} else if path, err := exec.LookPath("redis-server"); err != nil {
		noRedis = "redis-server is not on PATH (apt-get install redis-server) and ENGAGIERT_TEST_REDIS_URL is unset"
	} else {
		testRedisURL, stop, err = startRedis(path, nil)
		if err != nil {
			noRedis = err.Error()
		}
	}
	code := m.Run()
	stop()
	os.Exit(code)
}

// startRedis runs a throwaway redis-server on a free loopback port, without
// persistence, with extra arguments, and waits until it answers.
func startRedis(path string, extra []string) (string, func(), error) {
	var lastErr error
	for range 3 { // the free port may be taken between Close and redis-server's bind
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return "", nil, err
		}
		port := l.Addr().(*net.TCPAddr).Port
		l.Close()
		dir, err := os.MkdirTemp("", "engagiert-redis")
		if err != nil {
			return "", nil, err
		}
		cmd := exec.Command(path, append([]string{"--port", fmt.Sprint(port), "--bind", "127.0.0.1",
			"--save", "", "--appendonly", "no", "--dir", dir}, extra...)...)
		var out strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			os.RemoveAll(dir)
			return "", nil, err
		}
		exited := make(chan struct{})
		go func() { cmd.Wait(); close(exited) }()
		stop := func() {
			cmd.Process.Kill()
			<-exited
			os.RemoveAll(dir)
		}
		u := fmt.Sprintf("redis://127.0.0.1:%d/0", port)
		opts, _ := redis.ParseURL(u)
		c := redis.NewClient(opts)
		deadline := time.Now().Add(10 * time.Second)
		for time.Now().Before(deadline) {
			select {
			case <-exited:
				lastErr = fmt.Errorf("redis-server exited: %s", out.String())
			default:
				lastErr = c.Ping(context.Background()).Err()
			}
			if lastErr == nil {
				c.Close()
				return u, stop, nil
			}
			if strings.Contains(fmt.Sprint(lastErr), "exited") {
				break
			}
			time.Sleep(50 * time.Millisecond)
		}
		c.Close()
		stop()
	}
	return "", nil, fmt.Errorf("start redis-server: %w", lastErr)
}

// needRedis returns the test Redis URL. Without one the test skips locally
// but fails in CI, so a missing redis-server cannot pass unnoticed.
func needRedis(t *testing.T) string {
	t.Helper()
	if testRedisURL == "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("no Redis in CI: %s", noRedis)
		}
		t.Skipf("no Redis: %s", noRedis)
	}
	return testRedisURL
}

// newRedisStore is one "replica": its own client and connection pool.
func newRedisStore(t *testing.T, ttl time.Duration) *Redis {
	t.Helper()
	s, err := New(needRedis(t), ttl)
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
