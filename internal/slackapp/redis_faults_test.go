package slackapp

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/domain/domaintest"
	"github.com/engagiert/engagiert/internal/slackapp/slackapptest"
	"github.com/engagiert/engagiert/internal/store"
	"github.com/engagiert/engagiert/internal/testenv"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/redis/go-redis/v9"
)

// redisAdmin runs a command on r as the test's own client (DEBUG, CONFIG).
func redisAdmin(t *testing.T, r *testenv.RedisServer, args ...any) {
	t.Helper()
	c := redis.NewClient(&redis.Options{Addr: r.Addr(), MaxRetries: -1, ReadTimeout: 10 * time.Second})
	defer c.Close()
	if err := c.Do(context.Background(), args...).Err(); err != nil {
		t.Errorf("redis %v: %v", args, err)
	}
}

// workspace is a Slack workspace as far as the bot's answers go: every
// replica sees the answers of the others in the threads, as in Slack.
func workspace(t *testing.T) *slackapptest.Server {
	return slackapptest.New(t, slackapptest.WithThreads(), slackapptest.WithBot(botID, "B0BOT", "T1"),
		slackapptest.WithPostTS(func(n int) string { return fmt.Sprintf("1700000000.%06d", n+1) }))
}

// replica is one App of two on the same Redis and the same Slack.
type replica struct {
	app  *App
	h    http.Handler
	logs *syncBuffer
	reg  *prometheus.Registry
}

func newReplica(t *testing.T, redisURL string, slack *slackapptest.Server) *replica {
	t.Helper()
	shared, err := store.New(redisURL, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { shared.Close() })
	r := &replica{logs: &syncBuffer{}, reg: prometheus.NewRegistry()}
	r.app, err = New(Config{
		Asker:          &fakeAsker{ask: answerFor},
		Knowledge:      func() (*domain.Base, time.Time) { return domaintest.NewBase(nil, nil, nil, "v"), time.Now() },
		BotToken:       "xoxb-test",
		SigningSecret:  testSecret,
		APIURL:         slack.APIURL(),
		Store:          shared,
		Fallback:       store.NewMemory(0, 0),
		Logger:         slog.New(slog.NewJSONHandler(r.logs, nil)),
		Registry:       r.reg,
		APIRetries:     -1,
		RetryCheckWait: 3 * time.Second,
	})
	if err != nil {
		t.Fatal(err)
	}
	r.h = r.app.Handler()
	return r
}

// deliver sends the event as Slack does (retry > 0: X-Slack-Retry-Num) and
// returns how long the ack took.
func (r *replica) deliver(t *testing.T, body []byte, retry int) time.Duration {
	start := time.Now()
	req := slackapptest.NewRequest(testSecret, "/slack/events", slackapptest.JSON, body)
	slackapptest.Retry(req.Header, retry)
	rec := httptest.NewRecorder()
	r.h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Errorf("event: %d, want 200", rec.Code)
	}
	return time.Since(start)
}

// mentionN is the n-th mention of a run: its own event id, channel and ts.
func mentionN(run string, n int) (body []byte, channel, ts string) {
	channel, ts = fmt.Sprintf("C%s%02d", run, n), fmt.Sprintf("1600000000.%06d", n)
	b, _ := json.Marshal(map[string]any{"type": "event_callback", "team_id": "T1", "api_app_id": "A1",
		"event_id": fmt.Sprintf("Ev%s%02d", run, n), "event_time": 1600000000,
		"event": map[string]any{"type": "app_mention", "user": "U061F7AUR", "text": "<@" + botID + "> Bielefeld",
			"ts": ts, "channel": channel, "event_ts": ts}})
	return b, channel, ts
}

// TestRedisFaultsTwoReplicas: two replicas on one real Redis, which is
// killed, stalled, filled, locked with a password, or restarted empty.
// Every event is delivered to replica A, and Slack's retry of it to
// replica B at the same time; some only reach B as a retry (the first
// delivery was lost). Every event is acked at once and answered exactly
// once; the replicas say so once per outage, count the errors, and
// /readyz stays 200 with a degraded store line.
func TestRedisFaultsTwoReplicas(t *testing.T) {
	if testing.Short() {
		t.Skip("fault test with a real redis-server")
	}
	type fault struct {
		name   string
		before func(t *testing.T, r *testenv.RedisServer) // after the first events, before the rest
		warn   string                                     // the reason the WARN gives; "": there may be none
	}
	faults := []fault{
		{"killed", func(_ *testing.T, r *testenv.RedisServer) { r.Stop() }, "unreachable"},
		// 2 s: go-redis's repeat of a SET that timed out gets through, and
		// finds its own first attempt; nothing fails.
		{"stalled 2s", stall(2), ""},
		{"stalled 5s", stall(5), "timed out"},
		{"full", func(t *testing.T, r *testenv.RedisServer) {
			redisAdmin(t, r, "CONFIG", "SET", "maxmemory-policy", "noeviction")
			redisAdmin(t, r, "CONFIG", "SET", "maxmemory", "1")
		}, "full (maxmemory)"},
		{"wrong password", func(t *testing.T, r *testenv.RedisServer) {
			redisAdmin(t, r, "CONFIG", "SET", "requirepass", "now-secret")
			c := redis.NewClient(&redis.Options{Addr: r.Addr(), Password: "now-secret", MaxRetries: -1})
			defer c.Close()
			c.Do(context.Background(), "CLIENT", "KILL", "TYPE", "normal") // the replicas' open connections
		}, "refuses the password"},
		{"restarted empty", func(_ *testing.T, r *testenv.RedisServer) { r.Restart() }, "lost its data"},
	}
	const before, during, lost = 3, 8, 2           // events before the fault, during it, and only as a retry
	store.SetLogger(slog.New(slog.DiscardHandler)) // go-redis' dial errors, expected here
	for fi, ft := range faults {
		t.Run(ft.name, func(t *testing.T) {
			t.Parallel() // each with its own Redis and Slack
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			rs := testenv.OwnRedis(t, "--enable-debug-command", "yes")
			slack := workspace(t)
			a, b := newReplica(t, rs.URL(), slack), newReplica(t, rs.URL(), slack)
			run := fmt.Sprintf("F%d", fi)

			type ev struct {
				body        []byte
				channel, ts string
			}
			var evs []ev
			for n := range before + during + lost {
				body, ch, ts := mentionN(run, n)
				evs = append(evs, ev{body, ch, ts})
			}
			var mu sync.Mutex
			var slowest time.Duration
			ack := func(d time.Duration) {
				mu.Lock()
				slowest = max(slowest, d)
				mu.Unlock()
			}
			// Before the fault: A answers; for "restarted empty", B gets
			// the retries of these after the restart.
			for _, e := range evs[:before] {
				ack(a.deliver(t, e.body, 0))
			}
			waitApps(t, ctx, a, b)
			ft.before(t, rs)
			var wg sync.WaitGroup
			if ft.name == "restarted empty" {
				for _, e := range evs[:before] {
					wg.Go(func() { ack(b.deliver(t, e.body, 1)) })
				}
			}
			for _, e := range evs[before : before+during] {
				wg.Go(func() { ack(a.deliver(t, e.body, 0)) })
				wg.Go(func() { ack(b.deliver(t, e.body, 1)) })
			}
			for _, e := range evs[before+during:] {
				wg.Go(func() { ack(b.deliver(t, e.body, 2)) })
			}
			wg.Wait()
			waitApps(t, ctx, a, b)

			if slowest > time.Second {
				t.Errorf("slowest ack took %v, want well under Slack's 3 s", slowest)
			}
			for i, e := range evs {
				if n := slack.RepliesTo(e.channel, e.ts); n != 1 {
					t.Errorf("event %d: answered %d times, want once", i, n)
				}
			}
			for name, r := range map[string]*replica{"A": a, "B": b} {
				warns := r.logs.Records("shared store failing; this replica goes on with its own memory, and answers Slack's retries only after looking at the thread in Slack")
				if ft.warn == "" {
					if len(warns) > 1 {
						t.Errorf("replica %s: WARNs %v, want at most one", name, warns)
					}
					continue
				}
				if len(warns) != 1 || warns[0]["reason"] != ft.warn {
					t.Errorf("replica %s: WARNs %v, want one, reason %q", name, warns, ft.warn)
				}
				if r.storeErrors(t) == 0 {
					t.Errorf("replica %s: engagiert_store_errors_total = 0", name)
				}
				rec := httptest.NewRecorder()
				r.h.ServeHTTP(rec, httptest.NewRequest("GET", "/readyz", nil))
				var ready Readiness
				_ = json.Unmarshal(rec.Body.Bytes(), &ready)
				if rec.Code != http.StatusOK || !(strings.HasPrefix(ready.Store, "degraded: shared store "+ft.warn) || strings.HasPrefix(ready.Store, "recovering:")) {
					t.Errorf("replica %s: /readyz = %d, store %q, want 200 and degraded", name, rec.Code, ready.Store)
				}
			}
			if t.Failed() {
				t.Logf("A:\n%s\nB:\n%s", a.logs.String(), b.logs.String())
			}
		})
	}
}

// stall makes Redis sleep for seconds, from now.
func stall(seconds int) func(t *testing.T, r *testenv.RedisServer) {
	return func(t *testing.T, r *testenv.RedisServer) {
		go redisAdmin(t, r, "DEBUG", "SLEEP", fmt.Sprint(seconds))
		time.Sleep(50 * time.Millisecond)
	}
}

// storeErrors sums engagiert_store_errors_total over its ops.
func (r *replica) storeErrors(t *testing.T) float64 {
	var sum float64
	for _, op := range []string{opFirstSeen, opGet, opSet, opSwap} {
		sum += counterValue(t, r.app.state.errors.WithLabelValues(op))
	}
	return sum
}

// waitApps waits for the replicas' background work, within ctx.
func waitApps(t *testing.T, ctx context.Context, apps ...*replica) {
	t.Helper()
	for _, r := range apps {
		if err := r.app.Wait(ctx); err != nil {
			t.Fatalf("background work did not finish: %v", err)
		}
	}
}
