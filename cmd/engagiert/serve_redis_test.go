package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/engagiert/engagiert/internal/slackapp/slackapptest"
	"github.com/engagiert/engagiert/internal/testenv"
	"github.com/redis/go-redis/v9"
)

// answerTS is the ts of every message a bot posts to the fake Slack of
// serve's tests (newSlack).
const answerTS = "1700000000.000200"

// newSlack is the Slack that whole bots post their answers to: it keeps
// what chat.postMessage posts and shows it again, with its metadata,
// through conversations.replies, as Slack shows every replica the same
// threads.
func newSlack(t *testing.T) *slackapptest.Server {
	return slackapptest.New(t, slackapptest.WithThreads(), slackapptest.WithPostTS(func(int) string { return answerTS }))
}

// mentionEvent is an app_mention event callback as Slack sends it.
func mentionEvent(eventID, text string) []byte {
	b, _ := json.Marshal(map[string]any{
		"token": "unused", "team_id": "T1", "api_app_id": "A1", "type": "event_callback",
		"event_id": eventID, "event_time": time.Now().Unix(),
		"event": map[string]any{
			"type": "app_mention", "user": "U1", "text": text, "ts": "1700000000.000100",
			"channel": "C1", "event_ts": "1700000000.000100",
		},
	})
	return b
}

// TestServeReplicasAnswerRetryOnce runs two whole bots in HTTP mode and
// delivers one app_mention, and Slack's retries of it, to them. Sharing a
// real Redis they answer once between them; with in-process memory each
// answers once, however often it gets the event.
func TestServeReplicasAnswerRetryOnce(t *testing.T) {
	t.Parallel()
	type delivery struct {
		bot   int // 0: A, 1: B
		retry int
	}
	tests := []struct {
		name       string
		redis      bool
		deliveries []delivery
		want       int // chat.postMessage calls
		dups       [2]int
	}{
		{"shared redis: retry to the other replica", true, []delivery{{0, 0}, {1, 1}}, 1, [2]int{0, 1}},
		{"shared redis: retries to both", true, []delivery{{0, 0}, {1, 1}, {0, 2}, {1, 3}}, 1, [2]int{1, 2}},
		{"memory: each replica answers its first copy", false, []delivery{{0, 0}, {0, 1}, {1, 2}, {1, 3}}, 2, [2]int{1, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			api := newSlack(t)
			vars := map[string]string{"SLACK_API_URL": api.APIURL()}
			if tt.redis {
				vars["ENGAGIERT_REDIS_URL"] = testenv.Redis(t)
			}
			bots := [2]*servedBot{startServe(t, vars, nil), startServe(t, vars, nil)}
			wantMode := map[bool]string{true: "redis", false: "memory"}[tt.redis]
			for _, b := range bots {
				if got := b.records("serving")[0].str("dedup"); got != wantMode {
					t.Errorf("serving with dedup %q, want %q", got, wantMode)
				}
			}

			var id [8]byte
			rand.Read(id[:])
			body := mentionEvent("Ev"+strings.ToUpper(hex.EncodeToString(id[:])), "<@UBOT> Bielefeld")
			// A message of its own (a ts of its own): the bot answers a message
			// once, and the shared Redis outlives a subtest.
			ts := fmt.Sprintf("1700000001.%06d", binary.BigEndian.Uint32(id[:4])%1000000)
			body = bytes.ReplaceAll(body, []byte("1700000000.000100"), []byte(ts))
			ids := map[string]int{} // X-Request-Id -> bot
			for _, d := range tt.deliveries {
				ids[bots[d.bot].deliver(t, body, d.retry)] = d.bot
				if d.retry == 0 {
					// Slack retries after its 3 s timeout; the answer is on its way by then.
					waitPosts(t, api, 1)
				}
			}
			for i, b := range bots {
				if err := b.stop(); err != nil { // waits for answers in flight
					t.Fatalf("bot %c: serve = %v", 'A'+i, err)
				}
			}

			posts := api.Posts()
			if len(posts) != tt.want {
				t.Errorf("chat.postMessage calls = %d, want %d: %v", len(posts), tt.want, posts)
			}
			for _, p := range posts {
				if p.Get("channel") != "C1" || p.Get("thread_ts") != ts || !strings.Contains(p.Get("text"), "Bielefeld") {
					t.Errorf("chat.postMessage(%v), want the Bielefeld answer in the mention's thread", p)
				}
			}
			for i, b := range bots {
				dups := b.records("duplicate event ignored")
				if len(dups) != tt.dups[i] {
					t.Errorf("bot %c ignored %d duplicates, want %d", 'A'+i, len(dups), tt.dups[i])
				}
				for _, r := range dups {
					if bot, ok := ids[r.str("request_id")]; !ok || bot != i || r["retry_num"] == nil {
						t.Errorf("bot %c: duplicate logged as %v, want the request id of a retry it got", 'A'+i, r)
					}
				}
			}
		})
	}
}

// waitPosts waits until the fake Slack has at least n chat.postMessage calls.
func waitPosts(t *testing.T, api *slackapptest.Server, n int) {
	t.Helper()
	api.WaitFor(t, fmt.Sprintf("%d chat.postMessage calls", n), func([]slackapptest.Call) bool { return len(api.Posts()) >= n })
}

// TestServeRedisURLErrors: a bad ENGAGIERT_REDIS_URL stops serve at start
// with an error that names the variable and never the password.
func TestServeRedisURLErrors(t *testing.T) {
	t.Parallel()
	tests := []struct{ url, want string }{
		{"http://user:hunter2@redis.example:6379/0", "ENGAGIERT_REDIS_URL: redis URL"},
		{"redis://:hunter2@127.0.0.1:6379/notanumber", "ENGAGIERT_REDIS_URL: redis URL"},
		{"redis://:hunter2@[::1/0", "ENGAGIERT_REDIS_URL: redis URL"},
	}
	for _, tt := range tests {
		var stderr bytes.Buffer
		vars := map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s", "ENGAGIERT_ADDR": "127.0.0.1:0"}
		err := run(context.Background(), []string{"serve", "--redis-url", tt.url}, func(k string) string { return vars[k] },
			strings.NewReader(""), io.Discard, &stderr)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("serve --redis-url %q = %v, want an error starting %q", tt.url, err, tt.want)
		}
		if err != nil && strings.Contains(err.Error()+stderr.String(), "hunter2") {
			t.Errorf("serve --redis-url %q leaks the password: %v %s", tt.url, err, stderr.String())
		}
		var ue usageError
		if errors.As(err, &ue) {
			t.Errorf("serve --redis-url %q = usage error %v, want a configuration error", tt.url, err)
		}
	}
}

// TestServeRedisDownAtStart: a Redis that does not answer at start (down,
// or a wrong password) does not stop the bot: it serves from its own
// memory, says so at WARN, naming the variable and not the password, and
// /readyz is ready with a degraded store.
func TestServeRedisDownAtStart(t *testing.T) {
	locked := testenv.OwnRedis(t)
	admin := redis.NewClient(&redis.Options{Addr: locked.Addr()})
	if err := admin.ConfigSet(context.Background(), "requirepass", "right-one").Err(); err != nil {
		t.Fatal(err)
	}
	admin.Close()
	down := testenv.OwnRedis(t)
	down.Stop()
	for _, u := range []string{"redis://:hunter2@" + locked.Addr() + "/0", "redis://:hunter2@" + down.Addr() + "/0"} {
		b := startServe(t, map[string]string{"ENGAGIERT_REDIS_URL": u}, nil)
		if got := b.ask(t, "Bielefeld"); !strings.Contains(got, "Bielefeld") {
			t.Errorf("Redis %s: /engagiert Bielefeld = %q", u, got)
		}
		r := b.ready(t)
		if !r.Ready || !strings.HasPrefix(r.Store, "degraded: shared store ") {
			t.Errorf("Redis %s: /readyz ready %v, store %q, want ready and degraded", u, r.Ready, r.Store)
		}
		w := b.waitRecord(t, "shared store failing; this replica goes on with its own memory, and answers Slack's retries only after looking at the thread in Slack", 0)
		if !strings.Contains(w.str("err"), "ENGAGIERT_REDIS_URL: redis at 127.0.0.1:") || w.str("op") != "check" {
			t.Errorf("Redis %s: WARN %v, want the variable, the address and op check", u, w)
		}
		if strings.Contains(b.logs.String(), "hunter2") {
			t.Errorf("Redis %s: the logs carry the password", u)
		}
	}
}

// mentionIn is mentionEvent in a channel of its own, at ts.
func mentionIn(eventID, channel, ts, text string) []byte {
	return bytes.Replace(bytes.Replace(mentionEvent(eventID, text), []byte(`"C1"`), []byte(strconv.Quote(channel)), 1),
		[]byte("1700000000.000100"), []byte(ts), 2)
}

// TestServeReplicasRedisKilled runs two whole bots on one Redis and kills
// it: each event, delivered to A and as Slack's retry to B at once, is
// answered exactly once (B looks at the thread in Slack, where A's answer
// is), events keep being acked and answered, and /readyz and /metrics say
// the store is degraded.
func TestServeReplicasRedisKilled(t *testing.T) {
	server := testenv.OwnRedis(t)
	api := newSlack(t)
	vars := map[string]string{"SLACK_API_URL": api.APIURL(), "ENGAGIERT_REDIS_URL": server.URL()}
	bots := [2]*servedBot{startServe(t, vars, nil), startServe(t, vars, nil)}
	deliverBoth := func(n int) {
		body := mentionIn(fmt.Sprintf("EvKILL%d", n), fmt.Sprintf("CK%d", n), fmt.Sprintf("1600000000.%06d", n), "<@UBOT> Bielefeld")
		var wg sync.WaitGroup
		wg.Go(func() { bots[0].deliver(t, body, 0) })
		wg.Go(func() { bots[1].deliver(t, body, 1) })
		wg.Wait()
	}
	deliverBoth(0)
	waitPosts(t, api, 1)
	server.Stop()
	for n := 1; n <= 5; n++ {
		deliverBoth(n)
	}
	for _, b := range bots {
		if err := b.stop(); err != nil { // waits for answers in flight
			t.Fatal(err)
		}
	}
	perChannel := map[string]int{}
	for _, p := range api.Posts() {
		perChannel[p.Get("channel")]++
	}
	for n := 0; n <= 5; n++ {
		if got := perChannel[fmt.Sprintf("CK%d", n)]; got != 1 {
			t.Errorf("event %d answered %d times, want once", n, got)
		}
	}
	for i, b := range bots {
		warns := b.records("shared store failing; this replica goes on with its own memory, and answers Slack's retries only after looking at the thread in Slack")
		// A killed server is seen as refused, or, on a loaded machine, as
		// a command that timed out first: either way one WARN says why.
		if len(warns) != 1 || warns[0].str("reason") != "unreachable" && warns[0].str("reason") != "timed out" {
			t.Errorf("bot %c: WARNs %v, want one, unreachable or timed out", 'A'+i, warns)
		}
	}
}
