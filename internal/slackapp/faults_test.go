package slackapp

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/slackapp/slackapptest"
)

// Faults (issue "Ship and run it", item 7): Slack's Web API rate-limits,
// fails or hangs; clients drop, send too much, too little, bytes that are
// not UTF-8 or a bad signature. The bot keeps serving, every accepted
// question is answered or its failure logged, and no log carries a secret.

const faultToken = "xoxb-fault-test-7d1c0ffee"

// faultSetup is setup with a token the logs are searched for; post, if
// set, answers chat.postMessage in place of the fake Slack.
func faultSetup(t *testing.T, post slackapptest.Handler, change func(*Config)) *fixture {
	t.Helper()
	f := setup(t, func(c *Config) {
		c.BotToken = faultToken
		c.BotUserID = "U0LAN0Z89"
		if change != nil {
			change(c)
		}
	})
	if post != nil {
		f.slack.Handle("chat.postMessage", post)
	}
	return f
}

// posts are the attempts of chat.postMessage f's Slack got.
func (f *fixture) posts() []slackapptest.Call { return f.slack.Calls("chat.postMessage") }

// mention is the documented app_mention event with its own event_id.
func mention(t *testing.T, eventID string) []byte {
	return testdata(t, "app_mention.json", "Ev123ABC456", eventID)
}

// noSecrets fails if the logs carry the bot token or the signing secret.
func noSecrets(t *testing.T, f *fixture) {
	t.Helper()
	logs := f.logs.String()
	for _, s := range []string{faultToken, "xoxb-", testSecret} {
		if strings.Contains(logs, s) {
			t.Errorf("logs carry a secret (%q):\n%s", s, logs)
		}
	}
}

// stillServes checks that a slash command is answered now.
func stillServes(t *testing.T, f *fixture, handler http.Handler) {
	t.Helper()
	if handler == nil {
		handler = f.handler
	}
	body := slackapptest.SlashBody("Bielefeld", f.slack.Hooks()+"/commands/9")
	req := slackapptest.NewRequest(testSecret, "/slack/commands", slackapptest.Form, body)
	rec := httptest.NewRecorder()
	start := time.Now()
	handler.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "Bielefeld ist eine Engagierte Stadt.") {
		t.Fatalf("next /engagiert Bielefeld = %d %s, want the answer", rec.Code, rec.Body)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("next /engagiert Bielefeld took %v", d)
	}
}

// TestFaultRateLimited: chat.postMessage answers 429 with Retry-After: 1,
// then 200. slack.OptionRetry waits (1 s plus up to 1 s of jitter) and posts
// again, so the answer is posted once and no failure is logged.
func TestFaultRateLimited(t *testing.T) {
	t.Parallel()
	f := faultSetup(t, slackapptest.First(slackapptest.RateLimited(1)), func(c *Config) { c.APIRetries = 0 }) // the default: 2 retries
	if rec := f.post(t, "/slack/events", "application/json", mention(t, "EvRate1"), nil); rec.Code != 200 {
		t.Fatalf("app_mention: %d", rec.Code)
	}
	f.wait(t)
	calls := f.posts()
	if len(calls) != 2 {
		t.Fatalf("chat.postMessage attempts = %d, want 2 (429, then the post)", len(calls))
	}
	if gap := calls[1].At.Sub(calls[0].At); gap < time.Second {
		t.Errorf("retried after %v, want at least Retry-After: 1s", gap)
	}
	if got := counterValue(t, f.app.metrics.postErrors); got != 0 {
		t.Errorf("post errors = %v, want 0", got)
	}
	if r := f.logs.Records("chat.postMessage failed"); len(r) != 0 {
		t.Errorf("failure logged although the retry posted: %v", r)
	}
	for _, c := range calls {
		if c.Token != faultToken {
			t.Errorf("chat.postMessage authorised with %q, want the bot token", c.Token)
		}
	}
	noSecrets(t, f)
}

// TestFaultServerError: chat.postMessage answers 500, then 200. The post is
// retried after a backoff and delivered; nothing is logged as lost. With
// retries off the 500 is a lost reply, logged once with the status and the
// event id, and the next requests are served.
func TestFaultServerError(t *testing.T) {
	t.Parallel()
	post := func(w http.ResponseWriter, r *http.Request, c slackapptest.Call) bool {
		if c.Attempt == 1 || c.Attempt == 3 {
			http.Error(w, "internal_error", http.StatusInternalServerError)
			return true
		}
		return false
	}
	f := faultSetup(t, post, func(c *Config) { c.APIRetries = 0; c.RetryBackoff = 20 * time.Millisecond }) // the default retries
	if rec := f.post(t, "/slack/events", "application/json", mention(t, "EvFail1"), nil); rec.Code != 200 {
		t.Fatalf("app_mention: %d", rec.Code)
	}
	f.wait(t)
	if calls := f.posts(); len(calls) != 2 {
		t.Fatalf("chat.postMessage attempts = %d, want 2 (500, then the post)", len(calls))
	} else if gap := calls[1].At.Sub(calls[0].At); gap < 10*time.Millisecond {
		t.Errorf("retried after %v, want a backoff of at least half of 20ms", gap)
	}
	if r := f.logs.Records("chat.postMessage failed"); len(r) != 0 {
		t.Errorf("failure logged although the retry posted: %v", r)
	}

	// Without retries the 500 is final.
	g := faultSetup(t, post, nil) // setup turns retries off
	if rec := g.post(t, "/slack/events", "application/json", mention(t, "EvFail2"), nil); rec.Code != 200 {
		t.Fatalf("app_mention: %d", rec.Code)
	}
	g.wait(t)
	logs := g.logs.Records("chat.postMessage failed")
	if len(logs) != 1 {
		t.Fatalf("chat.postMessage failures logged: %v, want 1\n%s", logs, g.logs.String())
	}
	l := logs[0]
	if l["request_id"] == "" || l["request_id"] == nil || l["event_id"] != "EvFail2" || l["level"] != "ERROR" ||
		l["http_status"] != float64(500) || l["reason"] != LostError || l["channel"] != "C123ABC456" {
		t.Errorf("failure log = %v, want level ERROR, request_id, event_id EvFail2, channel, http_status 500, reason error", l)
	}
	if got := counterValue(t, g.app.metrics.postErrors); got != 1 {
		t.Errorf("post errors = %v, want 1", got)
	}
	if got := counterValue(t, g.app.guard.lost.WithLabelValues(LostError)); got != 1 {
		t.Errorf("engagiert_slack_replies_lost_total{reason=error} = %v, want 1", got)
	}
	stillServes(t, g, nil)
	noSecrets(t, f)
	noSecrets(t, g)
}

// TestFaultHangingAPI: chat.postMessage never answers. The App's HTTP
// client gives up after its timeout, the failure is logged, and slash
// commands are answered meanwhile.
func TestFaultHangingAPI(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	const timeout = 300 * time.Millisecond
	f := faultSetup(t, slackapptest.Hang(release), func(c *Config) { c.HTTPClient = &http.Client{Timeout: timeout} })
	t.Cleanup(func() { close(release) }) // before the fake Slack closes
	start := time.Now()
	if rec := f.post(t, "/slack/events", "application/json", mention(t, "EvHang1"), nil); rec.Code != 200 {
		t.Fatalf("app_mention: %d", rec.Code)
	}
	if d := time.Since(start); d > timeout {
		t.Errorf("event ack took %v, want it before the post", d)
	}
	stillServes(t, f, nil) // while the post hangs
	f.wait(t)
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("hanging post ended after %v, want about the client timeout %v", d, timeout)
	}
	logs := f.logs.Records("chat.postMessage failed")
	if len(logs) != 1 || logs[0]["event_id"] != "EvHang1" || !strings.Contains(fmt.Sprint(logs[0]["err"]), "Timeout") {
		t.Errorf("failure logs = %v, want one timeout for EvHang1\n%s", logs, f.logs.String())
	}
	noSecrets(t, f)
}

// TestDefaultHTTPClientTimesOut: without Config.HTTPClient, Web API and
// response_url calls still cannot hang for ever.
func TestDefaultHTTPClientTimesOut(t *testing.T) {
	t.Parallel()
	f := setup(t, func(c *Config) { c.HTTPClient = nil })
	rt, ok := f.app.client.Transport.(*retryTransport)
	if !ok || rt.perAttempt <= 0 || rt.perAttempt > time.Minute {
		t.Errorf("default HTTP client = %+v, want attempts bounded by at most a minute", f.app.client)
	}
}

// TestFaultResponseURL: a slow answer follows via response_url; when that
// fails or hangs, the failure is logged, and the response_url (which lets
// anyone post to the channel for 30 minutes) is not.
func TestFaultResponseURL(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	defer close(release) // before the fake Slacks close
	for _, path := range []string{"/commands/T1/111/fail-sEcReT", "/commands/T1/222/hang-sEcReT"} {
		f := faultSetup(t, nil, func(c *Config) {
			c.SlashDeadline = 10 * time.Millisecond
			c.HTTPClient = &http.Client{Timeout: 300 * time.Millisecond}
		})
		if strings.Contains(path, "hang") {
			f.slack.Handle("response_url", slackapptest.Hang(release))
		} else {
			f.slack.Fail("response_url", http.StatusInternalServerError, "no_service")
		}
		answer := make(chan struct{})
		f.asker.ask = func(ctx context.Context, q string) domain.Answer {
			<-answer
			return answerFor(ctx, q)
		}
		rec := f.post(t, "/slack/commands", "application/x-www-form-urlencoded", slackapptest.SlashBody("Bielefeld", f.slack.Hooks()+path), nil)
		if rec.Code != 200 || !strings.Contains(rec.Body.String(), "Einen Moment") {
			t.Fatalf("%s: slow slash command = %d %s, want a holding note", path, rec.Code, rec.Body)
		}
		close(answer)
		f.wait(t)
		logs := f.logs.Records("response_url post failed")
		if len(logs) != 1 || logs[0]["request_id"] == nil {
			t.Errorf("%s: failure logs = %v, want one with the request id\n%s", path, logs, f.logs.String())
		}
		if strings.Contains(f.logs.String(), "sEcReT") {
			t.Errorf("%s: logs carry the response_url:\n%s", path, f.logs.String())
		}
		noSecrets(t, f)
	}
}

// rawRequest writes a request by hand to a real server, so it can lie about
// its length or stop half-way, and returns the status line it got back ("" if none).
func rawRequest(t *testing.T, addr string, head string, body []byte, cut int, closeWrite bool) string {
	t.Helper()
	c, err := net.DialTimeout("tcp", addr, 2*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.WriteString(c, head); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Write(body[:cut]); err != nil {
		t.Fatal(err)
	}
	if !closeWrite {
		return "" // drop the connection mid-request
	}
	if err := c.(*net.TCPConn).CloseWrite(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(c).ReadString('\n')
	return strings.TrimSpace(line)
}

func signedHead(addr string, body []byte, contentLength int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "POST /slack/commands HTTP/1.1\r\nHost: %s\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n", addr, contentLength)
	for k, v := range slackapptest.Sign(testSecret, time.Now(), body) {
		fmt.Fprintf(&b, "%s: %s\r\n", k, v[0])
	}
	b.WriteString("\r\n")
	return b.String()
}

// TestFaultBadRequestsOverTCP sends broken requests to a real server and
// checks each gets its status, nothing broken is asked or posted, and the
// next request is answered.
func TestFaultBadRequestsOverTCP(t *testing.T) {
	t.Parallel()
	f := faultSetup(t, nil, nil)
	srv := httptest.NewServer(f.handler)
	t.Cleanup(srv.Close)
	addr := srv.Listener.Addr().String()
	body := slackapptest.SlashBody("Bielefeld", f.slack.Hooks()+"/commands/1")
	big := append(append([]byte{}, body...), strings.Repeat("&x=y", MaxBodyBytes/4)...)

	// A client that drops mid-request: headers and half the body, then gone.
	rawRequest(t, addr, signedHead(addr, body, len(body)), body, len(body)/2, false)
	// Headers only.
	rawRequest(t, addr, signedHead(addr, body, len(body)), body, 0, false)
	// Truncated: Content-Length larger than what is sent.
	if got := rawRequest(t, addr, signedHead(addr, body, len(body)+100), body, len(body), true); !strings.Contains(got, " 400 ") {
		t.Errorf("truncated body: status line %q, want 400", got)
	}
	// Oversized, signed correctly.
	if got := rawRequest(t, addr, signedHead(addr, big, len(big)), big, len(big), true); !strings.Contains(got, " 413 ") {
		t.Errorf("oversized body: status line %q, want 413", got)
	}
	// Bad signature: signed with another secret.
	req, _ := http.NewRequest("POST", srv.URL+"/slack/commands", strings.NewReader(string(body)))
	req.Header = slackapptest.Sign("not-the-secret", time.Now(), body)
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("bad signature: %v %v, want 401", resp, err)
	} else {
		resp.Body.Close()
	}
	f.wait(t)
	if q := f.asker.asked(); len(q) != 0 {
		t.Errorf("broken requests were asked: %q", q)
	}
	if n := f.slack.Count(); n != 0 {
		t.Errorf("broken requests reached Slack %d times", n)
	}
	if r := f.logs.Records("rejected request: bad signature"); len(r) != 1 {
		t.Errorf("bad signature logs = %v, want 1", r)
	}

	// And the server still answers, over the same kind of connection.
	req, _ = http.NewRequest("POST", srv.URL+"/slack/commands", strings.NewReader(string(body)))
	req.Header = slackapptest.Signed(testSecret, slackapptest.Form, body)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(got), "Bielefeld ist eine Engagierte Stadt.") {
		t.Errorf("after the faults: /engagiert Bielefeld = %d %s", resp.StatusCode, got)
	}
	noSecrets(t, f)
}

// TestFaultNotUTF8: a correctly signed slash command whose text is not
// UTF-8 (Latin-1, stray bytes) is answered without panic, as valid JSON.
func TestFaultNotUTF8(t *testing.T) {
	t.Parallel()
	for _, text := range []string{"M\xfcnchen", "\xff\xfe\xfd", "Biele\xc3feld", "\xc3\x28 <@U1|\xe2\x82> &amp;\x00"} {
		f := faultSetup(t, nil, nil)
		rec := f.post(t, "/slack/commands", "application/x-www-form-urlencoded",
			slackapptest.SlashBody(text, f.slack.Hooks()+"/commands/1"), nil)
		f.wait(t)
		if rec.Code != http.StatusOK {
			t.Fatalf("/engagiert %q: status %d: %s", text, rec.Code, rec.Body)
		}
		var r slashResponse
		if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil || r.ResponseType != "ephemeral" || r.Text == "" {
			t.Errorf("/engagiert %q: response %s (%v), want an ephemeral answer", text, rec.Body, err)
		}
		if !utf8.Valid(rec.Body.Bytes()) {
			t.Errorf("/engagiert %q: response is not UTF-8: %q", text, rec.Body)
		}
		checkMessage(t, fmt.Sprintf("answer to %q", text), r.Text, r.Blocks)
		for _, line := range strings.Split(strings.TrimSpace(f.logs.String()), "\n") {
			if line != "" && (!json.Valid([]byte(line)) || !utf8.ValidString(line)) {
				t.Errorf("/engagiert %q: log line is not valid UTF-8 JSON: %q", text, line)
			}
		}
		// Stray bytes are dropped, as the engine drops them; nothing left is
		// a request for help, which the engine is not asked for.
		want := 1
		if strings.ToValidUTF8(text, "") == "" {
			want = 0
		}
		if q := f.asker.asked(); len(q) != want {
			t.Errorf("/engagiert %q: asked %q, want %d times", text, q, want)
		}
		noSecrets(t, f)
	}
}
