package slackapp

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/engagiert/engagiert/internal/slackapp/blocks"
	"github.com/engagiert/engagiert/internal/slackapp/slackapptest"
	"github.com/prometheus/client_golang/prometheus/testutil"
)

// Hardening (issue 10): limits before authentication, every signed event
// acked, Web API retries and lost replies, the bot token checked.

// event is an Events API envelope around inner, with its own event_id.
func event(eventID, inner string) []byte {
	return []byte(`{"token":"XXYYZZ","team_id":"T123ABC456","api_app_id":"A123ABC456","type":"event_callback",` +
		`"event_id":"` + eventID + `","event_time":1234567890,"event":` + inner + `}`)
}

// TestSignedEventsAlwaysAcked sends signed events that slack-go cannot
// decode. Each is acked 200; the ones the bot uses are still acted on, the
// rest logged at WARN with type and event_id.
func TestSignedEventsAlwaysAcked(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		body     []byte
		wantCall string // the Web API method the event leads to, "" for none
		wantWarn bool
	}{
		{"unknown inner event type", event("EvUnknown1", `{"type":"brand_new_event","user":"U1","ts":"1.2"}`), "", true},
		{"app_mention with ts as a number", event("EvNumTS1", `{"type":"app_mention","user":"U061F7AUR","text":"<@U0LAN0Z89> Bielefeld","ts":1515449522.000016,"channel":"C123ABC456","event_ts":1515449522.000016}`), "chat.postMessage", false},
		{"app_mention with edited as a bool", event("EvEdited1", `{"type":"app_mention","user":"U061F7AUR","text":"<@U0LAN0Z89> Bielefeld","ts":"1515449522.000016","channel":"C123ABC456","edited":true}`), "", false},
		{"message with edited as a bool", event("EvEdited2", `{"type":"message","channel_type":"im","user":"U061F7AUR","text":"Bielefeld","ts":"1515449522.000016","channel":"D1","edited":true}`), "", false},
		{"app_home_opened with view.state.values []", event("EvHome943", `{"type":"app_home_opened","user":"U061F7AUR","channel":"D0LAN2Q65","tab":"home","event_ts":"1515449522000016","view":{"id":"V1","type":"home","blocks":[],"state":{"values":[]}}}`), "views.publish", false},
		{"known type the bot does not handle", event("EvReaction1", `{"type":"reaction_added","user":"U1","reaction":"thumbsup","item":{"type":"message","channel":"C1","ts":"1.2"},"event_ts":"1.3"}`), "", true},
		{"inner event missing", []byte(`{"type":"event_callback","event_id":"EvNone1"}`), "", true},
		{"not JSON at all", []byte(`not json`), "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := setup(t, func(c *Config) { c.BotUserID = "U0LAN0Z89" })
			rec := f.post(t, "/slack/events", "application/json", tt.body, nil)
			f.wait(t)
			if rec.Code != http.StatusOK {
				t.Fatalf("POST /slack/events (%s) = %d %s, want 200", tt.name, rec.Code, rec.Body)
			}
			var calls []string
			for _, c := range f.slack.All() {
				calls = append(calls, c.Method)
			}
			if tt.wantCall == "" && len(calls) != 0 || tt.wantCall != "" && (len(calls) != 1 || calls[0] != tt.wantCall) {
				t.Errorf("Web API calls = %q, want %q", calls, tt.wantCall)
			}
			warns := append(f.logs.Records("event not decoded; acked"), f.logs.Records("event not handled; acked")...)
			if tt.wantWarn != (len(warns) == 1) {
				t.Fatalf("WARN logs = %v, want one: %v\n%s", warns, tt.wantWarn, f.logs)
			}
			if tt.wantWarn {
				w := warns[0]
				var id string
				var ev struct {
					EventID string `json:"event_id"`
				}
				if json.Unmarshal(tt.body, &ev) == nil {
					id = ev.EventID
				}
				if w["level"] != "WARN" || w["event_id"] != id || (w["type"] == nil && w["event_type"] == nil) {
					t.Errorf("WARN log = %v, want level WARN, event_id %q and the type", w, id)
				}
			}
			noDuplicateKeys(t, f.logs.String())
		})
	}
}

// failingBody fails the test when the handler reads it.
type failingBody struct {
	t    *testing.T
	read atomic.Bool
}

func (b *failingBody) Read(p []byte) (int, error) {
	b.read.Store(true)
	return 0, io.EOF
}

// TestRefusedBeforeBody: a request without a signature or with a missing or
// stale timestamp is refused before one byte of its body is read.
func TestRefusedBeforeBody(t *testing.T) {
	t.Parallel()
	f := setup(t, nil)
	good := slackapptest.Sign(testSecret, time.Now(), []byte("x"))
	tests := []struct {
		name   string
		header http.Header
		reason string
	}{
		{"no headers", http.Header{}, "unsigned"},
		{"no timestamp", http.Header{"X-Slack-Signature": good["X-Slack-Signature"]}, "stale_timestamp"},
		{"stale timestamp", slackapptest.Sign(testSecret, time.Now().Add(-10*time.Minute), []byte("x")), "stale_timestamp"},
		{"no signature", http.Header{"X-Slack-Request-Timestamp": good["X-Slack-Request-Timestamp"]}, "unsigned"},
		{"malformed signature", http.Header{"X-Slack-Request-Timestamp": good["X-Slack-Request-Timestamp"], "X-Slack-Signature": {"v0=abc"}}, "unsigned"},
	}
	for _, tt := range tests {
		body := &failingBody{t: t}
		req := httptest.NewRequest("POST", "/slack/events", body)
		req.Header = tt.header
		rec := httptest.NewRecorder()
		before := counterValue(t, f.app.guard.rejected.WithLabelValues(tt.reason))
		f.handler.ServeHTTP(rec, req)
		if rec.Code != http.StatusUnauthorized || body.read.Load() {
			t.Errorf("%s: status %d, body read %v; want 401 without reading the body", tt.name, rec.Code, body.read.Load())
		}
		if got := counterValue(t, f.app.guard.rejected.WithLabelValues(tt.reason)) - before; got != 1 {
			t.Errorf("%s: engagiert_http_rejected_total{reason=%q} rose by %v, want 1", tt.name, tt.reason, got)
		}
	}
}

// TestBodySlots: with one body slot taken by a client that trickles its
// body, the next signed request waits BodyWait and gets 503, while the
// health routes answer at once.
func TestBodySlots(t *testing.T) {
	t.Parallel()
	f := setup(t, func(c *Config) { c.MaxBodyReads = 1; c.BodyWait = 100 * time.Millisecond })
	srv := httptest.NewServer(f.handler)
	t.Cleanup(srv.Close)
	body := slackapptest.SlashBody("Bielefeld", f.slack.Hooks()+"/commands/1")

	pr, pw := io.Pipe()
	t.Cleanup(func() { pw.Close() })
	slow, _ := http.NewRequest("POST", srv.URL+"/slack/commands", pr)
	slow.Header = slackapptest.Sign(testSecret, time.Now(), body)
	slow.ContentLength = int64(len(body))
	go func() {
		if resp, err := http.DefaultClient.Do(slow); err == nil {
			resp.Body.Close()
		}
	}()
	_, _ = pw.Write(body[:5]) // the server is reading it now
	time.Sleep(50 * time.Millisecond)

	req, _ := http.NewRequest("POST", srv.URL+"/slack/commands", bytes.NewReader(body))
	req.Header = slackapptest.Sign(testSecret, time.Now(), body)
	start := time.Now()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable || time.Since(start) < 90*time.Millisecond {
		t.Errorf("second body while the slot is taken = %d after %v, want 503 after the 100 ms wait", resp.StatusCode, time.Since(start))
	}
	for _, path := range []string{"/healthz", "/readyz"} {
		start := time.Now()
		resp, err := http.Get(srv.URL + path)
		if err != nil || resp.StatusCode != 200 || time.Since(start) > time.Second {
			t.Errorf("GET %s while the body slots are taken = %v %v after %v, want 200 at once", path, resp, err, time.Since(start))
		} else {
			resp.Body.Close()
		}
	}
	if r := f.logs.Records("request bodies limit reached; answering 503"); len(r) != 1 {
		t.Errorf("limit logs = %v, want one WARN", r)
	}
	if got := counterValue(t, f.app.guard.rejected.WithLabelValues("body_slots")); got != 1 {
		t.Errorf("engagiert_http_rejected_total{reason=body_slots} = %v, want 1", got)
	}
	// The slot comes back: once the slow body is complete, requests are answered.
	_, _ = pw.Write(body[5:])
	pw.Close()
	time.Sleep(50 * time.Millisecond)
	stillServes(t, f, nil)
}

// TestConnLimit: with every connection slot held by stalled clients, the
// spare connections get the health routes (and 503 for the rest), and past
// those a connection gets 503 at once.
func TestConnLimit(t *testing.T) {
	t.Parallel()
	f := setup(t, nil)
	srv, ln := f.app.HTTPServer(mustListen(t), 2)
	if srv.MaxHeaderBytes > 64<<10 || srv.MaxHeaderBytes <= 0 {
		t.Errorf("MaxHeaderBytes = %d, want at most 64 KiB", srv.MaxHeaderBytes)
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	addr := ln.Addr().String()

	var stalled []net.Conn
	t.Cleanup(func() {
		for _, c := range stalled {
			c.Close()
		}
	})
	dial := func() net.Conn {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err != nil {
			t.Fatal(err)
		}
		stalled = append(stalled, c)
		return c
	}
	for range 2 {
		c := dial()
		fmt.Fprintf(c, "POST /slack/commands HTTP/1.1\r\nHost: x\r\n") // and never more
	}
	// Accepted by the server, not only dialled: under load that takes a while.
	open := func() float64 { return testutil.ToFloat64(f.app.guard.openConns) }
	eventually(t, "the 2 stalled connections accepted", func() bool { return open() >= 2 })

	get := func(path string) string {
		c := dial()
		_ = c.SetDeadline(time.Now().Add(3 * time.Second))
		fmt.Fprintf(c, "GET %s HTTP/1.1\r\nHost: x\r\n\r\n", path)
		r := bufio.NewReader(c)
		line, _ := r.ReadString('\n')
		if strings.Contains(line, " 503 ") {
			// Refused with "Connection: close": wait until the server has
			// closed it, so its slot is free again before the next step.
			_, _ = io.Copy(io.Discard, r)
		}
		return strings.TrimSpace(line)
	}
	if got := get("/healthz"); !strings.Contains(got, " 200 ") {
		t.Errorf("GET /healthz past the connection limit: %q, want 200", got)
	}
	if got := get("/slack/commands"); !strings.Contains(got, " 503 ") {
		t.Errorf("GET /slack/commands past the connection limit: %q, want 503", got)
	}
	// Fill the spare slots too (8): the next connection is refused with 503.
	for range 8 {
		c := dial()
		fmt.Fprintf(c, "GET /healthz HTTP/1.1\r\n")
	}
	eventually(t, "every slot taken", func() bool { return open() >= 2+8 })
	if got := get("/healthz"); !strings.Contains(got, " 503 ") {
		t.Errorf("past every slot: %q, want 503", got)
	}
	if got := counterValue(t, f.app.guard.rejected.WithLabelValues("conn_limit")); got < 2 {
		t.Errorf("engagiert_http_rejected_total{reason=conn_limit} = %v, want at least 2", got)
	}
}

func mustListen(t *testing.T) net.Listener {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return ln
}

// TestRetryConnectionError: the Web API drops the connection once; the
// post is retried and delivered.
func TestRetryConnectionError(t *testing.T) {
	t.Parallel()
	post := func(w http.ResponseWriter, r *http.Request, c slackapptest.Call) bool {
		if c.Attempt == 1 {
			conn, _, err := http.NewResponseController(w).Hijack()
			if err == nil {
				conn.Close()
			}
			return true
		}
		return false
	}
	f := faultSetup(t, post, func(c *Config) { c.APIRetries = 0; c.RetryBackoff = 10 * time.Millisecond })
	if rec := f.post(t, "/slack/events", "application/json", mention(t, "EvDrop1"), nil); rec.Code != 200 {
		t.Fatalf("app_mention: %d", rec.Code)
	}
	f.wait(t)
	if n := len(f.posts()); n != 2 {
		t.Errorf("chat.postMessage attempts = %d, want 2 (dropped, then the post)", n)
	}
	if r := f.logs.Records("chat.postMessage failed"); len(r) != 0 {
		t.Errorf("failure logged although the retry posted: %v", r)
	}
}

// TestRateLimitedLost: a 429 with a Retry-After longer than the budget is
// given up at once and logged as rate limited, not as a deadline.
func TestRateLimitedLost(t *testing.T) {
	t.Parallel()
	f := faultSetup(t, slackapptest.RateLimited(30), func(c *Config) { c.APIRetries = 0 })
	start := time.Now()
	if rec := f.post(t, "/slack/events", "application/json", mention(t, "EvRate30"), nil); rec.Code != 200 {
		t.Fatalf("app_mention: %d", rec.Code)
	}
	f.wait(t)
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("a 429 with Retry-After: 30 took %v to give up, want at once", d)
	}
	logs := f.logs.Records("chat.postMessage failed")
	if len(logs) != 1 {
		t.Fatalf("lost reply logs = %v, want one\n%s", logs, f.logs)
	}
	l := logs[0]
	if l["reason"] != LostRateLimited || l["event_id"] != "EvRate30" || l["channel"] != "C123ABC456" || l["http_status"] != float64(429) || l["retry_after_s"] != float64(30) {
		t.Errorf("lost reply log = %v, want reason rate_limited, event_id, channel, http_status 429, retry_after_s 30", l)
	}
	if got := counterValue(t, f.app.guard.lost.WithLabelValues(LostRateLimited)); got != 1 {
		t.Errorf("engagiert_slack_replies_lost_total{reason=rate_limited} = %v, want 1", got)
	}
	noDuplicateKeys(t, f.logs.String())
	noSecrets(t, f)
}

// TestLostAtShutdown: a post still hanging when the shutdown grace ends is
// cancelled and logged as lost for "shutdown", with its event id.
func TestLostAtShutdown(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	f := faultSetup(t, slackapptest.Hang(release), nil)
	t.Cleanup(func() { close(release) }) // before the fake Slack closes
	if rec := f.post(t, "/slack/events", "application/json", mention(t, "EvStop1"), nil); rec.Code != 200 {
		t.Fatalf("app_mention: %d", rec.Code)
	}
	for len(f.posts()) == 0 {
		time.Sleep(5 * time.Millisecond)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	if err := f.app.Wait(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Wait = %v, want the deadline", err)
	}
	logs := f.logs.Records("chat.postMessage failed")
	if len(logs) != 1 || logs[0]["reason"] != LostShutdown || logs[0]["event_id"] != "EvStop1" {
		t.Errorf("lost reply logs = %v, want one with reason shutdown for EvStop1\n%s", logs, f.logs)
	}
	if got := counterValue(t, f.app.guard.lost.WithLabelValues(LostShutdown)); got != 1 {
		t.Errorf("engagiert_slack_replies_lost_total{reason=shutdown} = %v, want 1", got)
	}
}

func readyz(t *testing.T, f *fixture) (int, Readiness) {
	t.Helper()
	rec := httptest.NewRecorder()
	f.handler.ServeHTTP(rec, httptest.NewRequest("GET", "/readyz", nil))
	var r Readiness
	if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	return rec.Code, r
}

// TestTokenRejected: auth.test with a token Slack refuses fails with
// ErrTokenRejected and /readyz is not ready until Slack accepts it again; a
// post refused for the token does the same.
func TestTokenRejected(t *testing.T) {
	t.Parallel()
	f := setup(t, nil)
	f.slack.Refuse("*", "invalid_auth")
	if code, r := readyz(t, f); code != 200 || r.SlackToken != "unverified" {
		t.Errorf("/readyz before auth.test = %d %+v, want 200, unverified", code, r)
	}
	err := f.app.CheckToken(context.Background())
	if !errors.Is(err, ErrTokenRejected) || !strings.Contains(err.Error(), "invalid_auth") {
		t.Fatalf("CheckToken = %v, want ErrTokenRejected (invalid_auth)", err)
	}
	if code, r := readyz(t, f); code != http.StatusServiceUnavailable || r.Ready || r.SlackToken != "rejected: invalid_auth" {
		t.Errorf("/readyz with the token rejected = %d %+v, want 503, rejected: invalid_auth", code, r)
	}

	f.slack.Reset("*")
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { f.app.WatchToken(ctx, 10*time.Millisecond); close(done) }()
	deadline := time.Now().Add(5 * time.Second)
	for {
		if code, r := readyz(t, f); code == 200 && r.SlackToken == "ok" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("/readyz never became ready after Slack accepted the token")
		}
		time.Sleep(10 * time.Millisecond)
	}

	// Revoked while serving: the post says so, and /readyz follows.
	f.slack.Refuse("*", "token_revoked")
	if rec := f.post(t, "/slack/events", "application/json", mention(t, "EvRevoked1"), nil); rec.Code != 200 {
		t.Fatalf("app_mention: %d", rec.Code)
	}
	f.wait(t)
	if code, r := readyz(t, f); code != http.StatusServiceUnavailable || r.SlackToken != "rejected: token_revoked" {
		t.Errorf("/readyz after a post refused for the token = %d %+v, want 503, rejected: token_revoked", code, r)
	}
	if l := f.logs.Records("chat.postMessage failed"); len(l) != 1 || l[0]["slack_error"] != "token_revoked" {
		t.Errorf("lost reply logs = %v, want one with slack_error token_revoked", l)
	}
	cancel()
	<-done
}

// noDuplicateKeys fails on a JSON log line that has a key twice at its top
// level: log processors keep one of them, at random.
func noDuplicateKeys(t *testing.T, logs string) {
	t.Helper()
	for _, line := range strings.Split(logs, "\n") {
		if line == "" {
			continue
		}
		dec := json.NewDecoder(strings.NewReader(line))
		if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
			continue
		}
		seen := map[string]bool{}
		for dec.More() {
			tok, err := dec.Token()
			if err != nil {
				break
			}
			key, _ := tok.(string)
			if seen[key] {
				t.Errorf("log line has %q twice: %s", key, line)
			}
			seen[key] = true
			var v json.RawMessage
			if err := dec.Decode(&v); err != nil {
				break
			}
		}
	}
}

// TestLogsNoDuplicateKeys runs the surfaces that log most, unanswered
// questions and failed posts among them, and checks every line.
func TestLogsNoDuplicateKeys(t *testing.T) {
	t.Parallel()
	f := faultSetup(t, nil, nil)
	f.slack.Fail("chat.postMessage", http.StatusInternalServerError, "internal_error")
	f.post(t, "/slack/commands", "application/x-www-form-urlencoded", slackapptest.SlashBody("Kuchen", f.slack.Hooks()+"/commands/1"), nil)
	f.post(t, "/slack/commands", "application/x-www-form-urlencoded", slackapptest.SlashBody("Kuchen", f.slack.Hooks()+"/commands/1"), nil)
	f.post(t, "/slack/events", "application/json", mention(t, "EvDup1"), nil)
	f.post(t, "/slack/events", "application/json", testdata(t, "message_im.json"), nil)
	f.wait(t)
	if len(f.logs.Records("unanswered")) == 0 || len(f.logs.Records("chat.postMessage failed")) == 0 {
		t.Fatalf("the flows did not log what this test checks:\n%s", f.logs)
	}
	noDuplicateKeys(t, f.logs.String())
}

// TestSocketModeUndecodable: over Socket Mode too, an event slack-go cannot
// decode is acked, and a mention with ts as a number still answered.
func TestSocketModeUndecodable(t *testing.T) {
	t.Parallel()
	s := slackapptest.NewSocket(t)
	logs := &syncBuffer{}
	socketApp(t, s, &fakeAsker{ask: answerFor}, logs, nil)
	s.Send(t, "events_api", "env-home-943", event("EvHome943", `{"type":"app_home_opened","user":"U061F7AUR","channel":"D0LAN2Q65","tab":"home","view":{"id":"V1","type":"home","blocks":[],"state":{"values":[]}}}`), "")
	eventually(t, "views.publish", func() bool { return len(s.Calls("views.publish")) == 1 })
	s.Send(t, "events_api", "env-num-ts", event("EvNumTS2", `{"type":"app_mention","user":"U061F7AUR","text":"<@U0LAN0Z89> Bielefeld","ts":1515449522.000016,"channel":"C123ABC456"}`), "")
	eventually(t, "the mention answer", func() bool { return len(s.Calls("chat.postMessage")) == 1 })
	if p := s.Calls("chat.postMessage")[0].Form; p.Get("thread_ts") != "1515449522.000016" {
		t.Errorf("answer posted to thread %q, want the mention's ts 1515449522.000016", p.Get("thread_ts"))
	}
	s.Send(t, "events_api", "env-unknown", event("EvUnknown2", `{"type":"brand_new_event"}`), "")
	eventually(t, "the WARN for the unknown event", func() bool {
		r := logs.Record("event not decoded; acked")
		return r != nil && r["event_id"] == "EvUnknown2" && r["event_type"] == "brand_new_event"
	})
}

// TestInteractionWithEmptyStateValues: a signed click on a button in a view
// whose state.values is [] (slack-go issue #943) is acked and handled.
func TestInteractionWithEmptyStateValues(t *testing.T) {
	t.Parallel()
	f := setup(t, nil)
	payload := strings.Replace(string(testdata(t, "block_actions.json",
		"https://hooks.slack.com", f.slack.Hooks(),
		`"ACTION_ID"`, `"`+blocks.ActionFeedbackUp+`"`,
		`"ACTION_VALUE"`, `"Bielefeld"`)),
		`"type": "block_actions",`, `"type": "block_actions", "view": {"id": "V1", "type": "home", "state": {"values": []}},`, 1)
	if !strings.Contains(payload, `"values": []`) {
		t.Fatal("the fixture did not take the view")
	}
	rec := f.post(t, "/slack/interactions", "application/x-www-form-urlencoded", []byte(url.Values{"payload": {payload}}.Encode()), nil)
	f.wait(t)
	if rec.Code != http.StatusOK {
		t.Fatalf("click with view.state.values [] = %d %s, want 200", rec.Code, rec.Body)
	}
	if got := counterValue(t, f.app.metrics.feedback.WithLabelValues("up")); got != 1 {
		t.Errorf("feedback up = %v, want 1 (the click handled)\n%s", got, f.logs)
	}
}

// TestSocketModeInteractionEmptyStateValues: the same click over Socket Mode.
func TestSocketModeInteractionEmptyStateValues(t *testing.T) {
	t.Parallel()
	s := slackapptest.NewSocket(t)
	app := socketApp(t, s, &fakeAsker{ask: answerFor}, nil, nil)
	payload := strings.Replace(string(testdata(t, "block_actions.json",
		"https://hooks.slack.com", s.Hooks(),
		`"ACTION_ID"`, `"`+blocks.ActionFeedbackUp+`"`,
		`"ACTION_VALUE"`, `"Bielefeld"`)),
		`"type": "block_actions",`, `"type": "block_actions", "view": {"id": "V1", "type": "home", "state": {"values": []}},`, 1)
	s.Send(t, "interactive", "env-click-943", []byte(payload), `,"accepts_response_payload":false`)
	eventually(t, "the click counted", func() bool { return counterValue(t, app.metrics.feedback.WithLabelValues("up")) == 1 })
}
