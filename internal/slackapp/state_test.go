package slackapp

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/engagiert/engagiert/internal/store"
	"github.com/prometheus/client_golang/prometheus"
)

// flakyStore is a Store that fails with err while it is set.
type flakyStore struct {
	Store
	err   atomic.Pointer[error]
	calls atomic.Int32
}

func (s *flakyStore) fail(err error) {
	if err == nil {
		s.err.Store(nil)
		return
	}
	s.err.Store(&err)
}

func (s *flakyStore) failing() error {
	s.calls.Add(1)
	if e := s.err.Load(); e != nil {
		return *e
	}
	return nil
}

func (s *flakyStore) FirstSeen(ctx context.Context, key string, ttl time.Duration) (bool, error) {
	if err := s.failing(); err != nil {
		return false, err
	}
	return s.Store.FirstSeen(ctx, key, ttl)
}

func (s *flakyStore) Get(ctx context.Context, key string) (string, error) {
	if err := s.failing(); err != nil {
		return "", err
	}
	return s.Store.Get(ctx, key)
}

func (s *flakyStore) Set(ctx context.Context, key, value string, ttl time.Duration) error {
	if err := s.failing(); err != nil {
		return err
	}
	return s.Store.Set(ctx, key, value, ttl)
}

var _ Store = (*flakyStore)(nil)

// TestStateOutage walks one outage of the shared store with a clock the
// test moves: the WARN comes once, every failure is counted, the local
// store answers, /readyz says degraded, then recovering, then ok.
func TestStateOutage(t *testing.T) {
	shared := &flakyStore{Store: store.NewMemory(0, 0)}
	st := newState(shared, store.NewMemory(0, 0), prometheus.NewRegistry())
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	st.now = func() time.Time { return now }
	logs := &syncBuffer{}
	log := slogJSON(logs)
	ctx := context.Background()

	st.set(ctx, log, "t:C1:1", "frame-1", time.Hour)
	if first, sure := st.firstSeen(ctx, log, "event:E1", 0); !first || !sure || st.readiness() != "ok" {
		t.Fatalf("healthy: firstSeen = %v, %v, readiness %q", first, sure, st.readiness())
	}

	shared.fail(&net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connect: connection refused")})
	if first, sure := st.firstSeen(ctx, log, "event:E2", 0); !first || sure {
		t.Errorf("outage: firstSeen(E2) = %v, %v, want true, not sure", first, sure)
	}
	// Resting: the shared store is not asked again for restAfterFailure.
	calls := shared.calls.Load()
	if first, _ := st.firstSeen(ctx, log, "event:E2", 0); first {
		t.Errorf("outage: firstSeen(E2) again = true, want this replica's memory to know it")
	}
	if v := st.get(ctx, log, "t:C1:1"); v != "frame-1" {
		t.Errorf("outage: get = %q, want the value this replica wrote", v)
	}
	if n := shared.calls.Load() - calls; n != 0 {
		t.Errorf("%d calls of the failing store within %v of its failure, want none", n, restAfterFailure)
	}
	now = now.Add(10 * time.Second)
	st.set(ctx, log, "t:C1:2", "frame-2", time.Hour)
	if r := st.readiness(); r != "degraded: shared store unreachable since 2026-01-02T03:04:05Z; using this replica's memory" {
		t.Errorf("readiness = %q", r)
	}
	if warns := logs.Records("shared store failing; this replica goes on with its own memory, and answers Slack's retries only after looking at the thread in Slack"); len(warns) != 1 || warns[0]["op"] != opFirstSeen {
		t.Errorf("WARNs %v, want one, for the first failure", warns)
	}
	for op, want := range map[string]float64{opFirstSeen: 1, opGet: 0, opSet: 1} {
		if got := counterValue(t, st.errors.WithLabelValues(op)); got != want {
			t.Errorf("engagiert_store_errors_total{op=%s} = %v, want %v", op, got, want)
		}
	}

	// Back: still the outage until it has worked for recoverAfter; then
	// recovering (retries are checked in Slack) for EventTTL.
	shared.fail(nil)
	if _, sure := st.firstSeen(ctx, log, "event:E3", 0); sure {
		t.Error("right after the outage: firstSeen sure, want not")
	}
	now = now.Add(recoverAfter)
	st.get(ctx, log, "x")
	if r := st.readiness(); !strings.HasPrefix(r, "recovering: ") || len(logs.Records("shared store works again")) != 1 {
		t.Errorf("after %v: readiness %q, logs %s", recoverAfter, r, logs.String())
	}
	now = now.Add(EventTTL)
	if _, sure := st.firstSeen(ctx, log, "event:E4", 0); !sure || st.readiness() != "ok" {
		t.Errorf("%v later: firstSeen sure = %v, readiness %q, want sure and ok", EventTTL, sure, st.readiness())
	}

	// A second outage gets its own WARN.
	shared.fail(errors.New("OOM command not allowed when used memory > 'maxmemory'."))
	st.set(ctx, log, "k", "v", time.Minute)
	if warns := logs.Records("shared store failing; this replica goes on with its own memory, and answers Slack's retries only after looking at the thread in Slack"); len(warns) != 2 || warns[1]["reason"] != "full (maxmemory)" {
		t.Errorf("WARNs %v, want a second one, full", warns)
	}
}

func TestStoreFailure(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{fmt.Errorf("redis SET NX GET: %w", store.ErrDataLost), "lost its data"},
		{errors.New("redis SET: OOM command not allowed when used memory > 'maxmemory'."), "full (maxmemory)"},
		{errors.New("redis GET: NOAUTH Authentication required."), "refuses the password"},
		{errors.New("WRONGPASS invalid username-password pair or user is disabled."), "refuses the password"},
		{fmt.Errorf("redis GET: %w", context.DeadlineExceeded), "timed out"},
		{&net.OpError{Op: "read", Net: "tcp", Err: timeoutErr{}}, "timed out"},
		{errors.New("dial tcp 127.0.0.1:6379: connect: connection refused"), "unreachable"},
		{errors.New("EOF"), "unreachable"},
		{errors.New("ERR unknown command"), "failing"},
	}
	for _, tt := range tests {
		if got := storeFailure(tt.err); got != tt.want {
			t.Errorf("storeFailure(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
}

type timeoutErr struct{}

func (timeoutErr) Error() string   { return "i/o timeout" }
func (timeoutErr) Timeout() bool   { return true }
func (timeoutErr) Temporary() bool { return true }

func TestTSAfter(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"1515449522.000017", "1515449522.000016", true},
		{"1515449522.000016", "1515449522.000016", false},
		{"1515449523.000001", "1515449522.999999", true},
		{"1515449522.1", "1515449522.000016", true},
		{"1515449522", "1515449522.000001", false},
		{"999999999.9", "1515449522.0", false},
		{"1515449522.000001", "", true},
	}
	for _, tt := range tests {
		if got := tsAfter(tt.a, tt.b); got != tt.want {
			t.Errorf("tsAfter(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestFollowUpWhileStoreFails: while the shared store fails, a reply in a
// thread the bot answered in (on another replica, so this one's memory
// does not know it) is answered after a look at the thread in Slack.
func TestFollowUpWhileStoreFails(t *testing.T) {
	shared := &flakyStore{Store: store.NewMemory(0, 0)}
	f := convSetup(t, framedAnswers(), func(c *Config) { c.Store = shared; c.Fallback = store.NewMemory(0, 0) })
	shared.fail(errors.New("dial tcp: connection refused"))
	f.slack.Answer("conversations.replies", `{"ok":true,"messages":[{"type":"message","user":"U061F7AUR","text":"Ist Bielefeld dabei?","ts":"`+mentionTS+`"},`+
		`{"type":"message","user":"`+botID+`","text":"Ja","ts":"1515449523.000001","thread_ts":"`+mentionTS+`"}]}`)
	f.event(t, channelMessage(t, "EvFU1", "seit wann?", mentionTS, "U061F7AUR"))
	posts := f.slack.Calls("chat.postMessage")
	if len(posts) != 1 || posts[0].Form.Get("thread_ts") != mentionTS {
		t.Fatalf("posts %v, want the follow-up answered in the thread", posts)
	}
	// A thread without the bot stays none of its business.
	f.slack.Answer("conversations.replies", `{"ok":true,"messages":[{"type":"message","user":"U061F7AUR","text":"Kaffee?","ts":"1515449600.000001"}]}`)
	f.event(t, channelMessage(t, "EvFU2", "und Tee?", "1515449600.000001", "U061F7AUR"))
	if n := len(f.slack.Calls("chat.postMessage")); n != 1 {
		t.Errorf("%d posts, want none in a thread without the bot", n)
	}
}

// TestAnsweredInSlack: which messages in Slack count as the bot's answer
// to a message.
func TestAnsweredInSlack(t *testing.T) {
	const q = "1600000000.000005"
	meta := func(to string) string {
		return `,"metadata":{"event_type":"engagiert_reply","event_payload":{"reply_to":"` + to + `"}}`
	}
	tests := []struct {
		name, messages string
		thread         string
		want           bool
	}{
		{"its answer", `{"user":"UOTHERAPP","ts":"1600000001.000001"` + meta(q) + `}`, q, true},
		{"the answer to another message", `{"user":"` + botID + `","ts":"1600000001.000001"` + meta("1600000000.000004") + `}`, "1600000000.000001", false},
		{"the bot after it, no metadata", `{"user":"` + botID + `","ts":"1600000001.000001"}`, "1600000000.000001", true},
		{"the bot before it", `{"user":"` + botID + `","ts":"1600000000.000001"}`, "1600000000.000001", false},
		{"someone else after it", `{"user":"U061F7AUR","ts":"1600000001.000001"}`, q, false},
		{"the bot in the thread it opened, no ts", `{"user":"` + botID + `"}`, q, true},
		{"the bot in an older thread, no ts", `{"user":"` + botID + `"}`, "1600000000.000001", false},
		{"nothing", ``, q, false},
	}
	for _, tt := range tests {
		f := setup(t, func(c *Config) { c.BotUserID = botID })
		f.slack.Answer("conversations.replies", `{"ok":true,"messages":[`+tt.messages+`]}`)
		if got := f.app.answeredInSlack(context.Background(), f.app.log, eventRef{channel: "C1", ts: q, thread: tt.thread, ok: true}); got != tt.want {
			t.Errorf("%s: answeredInSlack = %v, want %v", tt.name, got, tt.want)
		}
	}
}
