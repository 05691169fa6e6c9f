package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/engagiert/engagiert/internal/slackapp"
	"github.com/engagiert/engagiert/internal/slackapp/slackapptest"
)

// serveSecret signs the requests the harness sends to a bot.
const serveSecret = "harness-signing-secret"

// servedBot is one `engagiert serve` running in-process on a loopback port.
type servedBot struct {
	url  string
	logs *syncWriter
	stop func() error
}

// startServe runs serve with vars over a set of test defaults (HTTP mode on
// 127.0.0.1:0). With hup nil it goes through run, the way main starts it,
// SIGHUP handling included; otherwise hup stands in for SIGHUP. The bot is
// stopped, like SIGTERM does, by stop or at the end of the test.
func startServe(t *testing.T, vars map[string]string, hup <-chan os.Signal) *servedBot {
	t.Helper()
	return startServeDeps(t, vars, serveDeps{hup: hup})
}

// startServeDeps is startServe with stand-ins for SIGHUP and the knowledge
// loader; a nil one is the real thing.
func startServeDeps(t *testing.T, vars map[string]string, deps serveDeps) *servedBot {
	t.Helper()
	hup := deps.hup
	if deps.load == nil {
		deps.load = loadServing
	}
	all := map[string]string{
		"SLACK_BOT_TOKEN":      "xoxb-harness-bot-token",
		"SLACK_SIGNING_SECRET": serveSecret,
		"ENGAGIERT_ADDR":       "127.0.0.1:0",
	}
	if _, ok := vars["SLACK_API_URL"]; !ok {
		// A Slack that accepts the token and every call; a test that
		// looks at the calls passes its own.
		all["SLACK_API_URL"] = slackapptest.New(t).APIURL()
	}
	for k, v := range vars {
		all[k] = v
	}
	getenv := func(k string) string { return all[k] }
	logs := &syncWriter{}
	ctx, cancel := context.WithCancel(context.Background())
	exited := make(chan struct{})
	var runErr error
	go func() {
		defer close(exited)
		if hup == nil {
			runErr = run(ctx, []string{"serve"}, getenv, strings.NewReader(""), io.Discard, logs)
			return
		}
		runErr = serveWith(ctx, env{getenv: getenv, stdin: strings.NewReader(""), stdout: io.Discard, stderr: logs}, serveConfig{}, deps)
	}()
	b := &servedBot{logs: logs}
	var once sync.Once
	b.stop = func() error {
		once.Do(func() {
			cancel()
			select {
			case <-exited:
			case <-time.After(30 * time.Second):
				t.Errorf("serve did not stop\n%s", logs.String())
			}
		})
		return runErr
	}
	t.Cleanup(func() {
		if err := b.stop(); err != nil {
			t.Errorf("serve after SIGTERM = %v, want nil", err)
		}
		for _, line := range strings.Split(logs.String(), "\n") {
			if line != "" && !json.Valid([]byte(line)) {
				t.Errorf("serve logged a line that is not JSON: %s", line)
			}
		}
		for _, k := range []string{"SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "ENGAGIERT_REDIS_URL"} {
			if v := all[k]; v != "" && strings.Contains(logs.String(), v) {
				t.Errorf("logs contain the value of %s", k)
			}
		}
	})
	done := make(chan error, 1)
	go func() { <-exited; done <- runErr }()
	b.url = "http://" + waitServing(t, logs, done)
	return b
}

// logRecord is one JSON log record.
type logRecord map[string]any

func (r logRecord) str(key string) string { s, _ := r[key].(string); return s }

// records returns the log records with message msg, in order.
func (b *servedBot) records(msg string) []logRecord {
	var out []logRecord
	for _, line := range strings.Split(b.logs.String(), "\n") {
		var r logRecord
		if json.Unmarshal([]byte(line), &r) == nil && r.str("msg") == msg {
			out = append(out, r)
		}
	}
	return out
}

// waitRecord waits for the (n+1)th record with message msg and returns it.
func (b *servedBot) waitRecord(t *testing.T, msg string, n int) logRecord {
	t.Helper()
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if rs := b.records(msg); len(rs) > n {
			return rs[n]
		}
	}
	t.Fatalf("no log record %q #%d:\n%s", msg, n+1, b.logs.String())
	return nil
}

// post sends body to the bot at path as Slack does: signed, of its content
// type, as Slack's retry-th retry (0: the first delivery). The caller
// closes the response.
func (b *servedBot) post(t *testing.T, path, contentType string, body []byte, retry int) *http.Response {
	t.Helper()
	req, _ := http.NewRequest("POST", b.url+path, bytes.NewReader(body))
	req.Header = slackapptest.Retry(slackapptest.Signed(serveSecret, contentType, body), retry)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("POST %s: %v", path, err)
	}
	return resp
}

// deliver posts an event to the bot like Slack does; retry > 0 marks a retry.
// It returns the X-Request-Id the bot answered with.
func (b *servedBot) deliver(t *testing.T, body []byte, retry int) string {
	t.Helper()
	return b.send(t, "/slack/events", slackapptest.JSON, body, retry)
}

// send posts body like post, checks that the bot took it (200) and returns
// the X-Request-Id it answered with.
func (b *servedBot) send(t *testing.T, path, contentType string, body []byte, retry int) string {
	t.Helper()
	resp := b.post(t, path, contentType, body, retry)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("POST %s = %d, want 200", path, resp.StatusCode)
	}
	return resp.Header.Get("X-Request-Id")
}

// ask sends q as a signed /engagiert slash command and returns the answer's text.
func (b *servedBot) ask(t *testing.T, q string) string {
	t.Helper()
	form := url.Values{"command": {"/engagiert"}, "text": {q}, "user_id": {"U1"}, "channel_id": {"C1"},
		"response_url": {"http://127.0.0.1:1/hooks/1"}, "team_id": {"T1"}, "trigger_id": {"1.2.3"}}
	resp := b.post(t, "/slack/commands", slackapptest.Form, []byte(form.Encode()), 0)
	defer resp.Body.Close()
	var msg struct {
		ResponseType string `json:"response_type"`
		Text         string `json:"text"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&msg); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("/engagiert %s = %d, %v", q, resp.StatusCode, err)
	}
	if resp.Header.Get("X-Request-Id") == "" {
		t.Errorf("/engagiert %s: no X-Request-Id", q)
	}
	return msg.Text
}

// ready returns the /readyz body.
func (b *servedBot) ready(t *testing.T) slackapp.Readiness {
	t.Helper()
	resp, err := http.Get(b.url + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var r slackapp.Readiness
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("/readyz = %d %+v, %v", resp.StatusCode, r, err)
	}
	return r
}

// waitReady polls /readyz until ok holds for it.
func (b *servedBot) waitReady(t *testing.T, what string, ok func(slackapp.Readiness) bool) slackapp.Readiness {
	t.Helper()
	var r slackapp.Readiness
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if r = b.ready(t); ok(r) {
			return r
		}
	}
	t.Fatalf("/readyz never showed %s; last %+v\n%s", what, r, b.logs.String())
	return r
}
