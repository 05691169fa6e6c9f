package slackapp

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/engagiert/engagiert/internal/logtest"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/domain/domaintest"
	"github.com/engagiert/engagiert/internal/slackapp/blocks"
	"github.com/engagiert/engagiert/internal/slackapp/blocks/blockstest"
	"github.com/engagiert/engagiert/internal/slackapp/slackapptest"
	"github.com/engagiert/engagiert/internal/store"
	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"
)

// exampleHeader are the headers of Slack's published example of a signed request.
func exampleHeader() http.Header {
	h := http.Header{}
	h.Set("X-Slack-Request-Timestamp", slackapptest.ExampleTimestamp)
	h.Set("X-Slack-Signature", slackapptest.ExampleSignature)
	return h
}

// TestVerifySlackExample checks Slack's own example. slack.NewSecretsVerifier
// reads the real clock; synctest's fake clock is set to the example's time.
func TestVerifySlackExample(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		ts, _ := strconv.ParseInt(slackapptest.ExampleTimestamp, 10, 64)
		time.Sleep(time.Until(time.Unix(ts, 0).Add(30 * time.Second)))
		if err := Verify(exampleHeader(), []byte(slackapptest.ExampleBody), slackapptest.ExampleSecret); err != nil {
			t.Errorf("Verify(Slack's example at its time) = %v, want nil", err)
		}
		changed := []byte(slackapptest.ExampleBody)
		changed[len(changed)-1] ^= 1
		if err := Verify(exampleHeader(), changed, slackapptest.ExampleSecret); err == nil {
			t.Error("Verify(example with one byte changed) = nil, want error")
		}
		if err := Verify(exampleHeader(), []byte(slackapptest.ExampleBody), slackapptest.ExampleSecret+"x"); err == nil {
			t.Error("Verify(example, wrong secret) = nil, want error")
		}

		// The same through the HTTP route, which must not answer a changed body.
		f := setup(t, func(c *Config) { c.SigningSecret = slackapptest.ExampleSecret })
		for _, tt := range []struct {
			body string
			want int
		}{{slackapptest.ExampleBody, http.StatusOK}, {string(changed), http.StatusUnauthorized}} {
			req := httptest.NewRequest("POST", "/slack/commands", strings.NewReader(tt.body))
			req.Header = exampleHeader()
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			rec := httptest.NewRecorder()
			f.handler.ServeHTTP(rec, req)
			if rec.Code != tt.want {
				t.Errorf("POST /slack/commands (example) = %d, want %d", rec.Code, tt.want)
			}
		}
		f.wait(t)
		if t.Failed() {
			t.Log(f.logs.String())
		}
	})
	// At today's time the example is long expired.
	if err := Verify(exampleHeader(), []byte(slackapptest.ExampleBody), slackapptest.ExampleSecret); err == nil {
		t.Error("Verify(Slack's example today) = nil, want expired")
	}
}

const testSecret = "test-signing-secret"

// fakeAsker is a domain.Asker with a function field.
type fakeAsker struct {
	ask func(ctx context.Context, q string) domain.Answer

	mu        sync.Mutex
	questions []string
}

func (f *fakeAsker) Ask(ctx context.Context, q string) domain.Answer {
	f.mu.Lock()
	f.questions = append(f.questions, q)
	f.mu.Unlock()
	return f.ask(ctx, q)
}

func (f *fakeAsker) asked() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.questions...)
}

var _ domain.Asker = (*fakeAsker)(nil)

// answerFor is the fake knowledge: Bielefeld is known, with a long list, the rest is not.
func answerFor(_ context.Context, q string) domain.Answer {
	if !strings.Contains(q, "Bielefeld") && !strings.Contains(q, "river") && !strings.Contains(q, "hear me") {
		return domain.Answer{Query: q, Found: false, Kind: domain.KindNone,
			Title: "Keine Antwort", Lead: "Dazu weiß ich nichts: „" + q + "“.", Suggestions: []string{"Bielefeld"}}
	}
	var items []domain.ListItem
	for i := range 300 {
		items = append(items, domain.ListItem{Name: fmt.Sprintf("Ort %d", i)})
	}
	src := &domain.Source{ID: "s", Title: "Quelle", URL: "https://example.org/q"}
	return domain.Answer{Query: q, Found: true, Kind: domain.KindPlace, Title: "Bielefeld",
		Lead:  "Bielefeld ist eine Engagierte Stadt.",
		Facts: []domain.AnswerFact{{Text: "seit 2022", Stand: domain.Date{Year: 2024}, Source: src}},
		Lists: []domain.List{{Title: "Mitglieder", Items: items}},
		Links: []domain.Link{{Title: "Engagierte Stadt", URL: "https://www.engagiertestadt.de"}}}
}

// syncBuffer collects logs from several goroutines.
type syncBuffer = logtest.Buffer

type fixture struct {
	app     *App
	handler http.Handler
	slack   *slackapptest.Server
	asker   *fakeAsker
	logs    *syncBuffer
	reg     *prometheus.Registry
}

// testConfig is the Config every test App starts from, over HTTP and
// Socket Mode alike: asker answers from a small base, the Web API is
// apiURL, retries are off, state is in memory, the JSON logs go to logs and
// the metrics to reg.
func testConfig(asker domain.Asker, apiURL string, logs *syncBuffer, reg *prometheus.Registry) Config {
	base := domaintest.NewBase([]domain.Network{{ID: "es", Name: "Engagierte Stadt"}}, []domain.Place{{ID: "bi", Name: "Bielefeld"}}, nil, "v-test")
	return Config{
		Asker:      asker,
		Knowledge:  func() (*domain.Base, time.Time) { return base, time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC) },
		BotToken:   "xoxb-test",
		APIURL:     apiURL,
		Store:      store.NewMemory(0, 0),
		Logger:     slog.New(slog.NewJSONHandler(logs, nil)),
		Registry:   reg,
		APIRetries: -1,
	}
}

// setup builds an App in HTTP mode against a fake Slack (go-github's setup pattern).
func setup(t *testing.T, change func(*Config)) *fixture {
	t.Helper()
	f := &fixture{slack: slackapptest.New(t), asker: &fakeAsker{ask: answerFor}, logs: &syncBuffer{}, reg: prometheus.NewRegistry()}
	cfg := testConfig(f.asker, f.slack.APIURL(), f.logs, f.reg)
	cfg.SigningSecret = testSecret
	if change != nil {
		change(&cfg)
	}
	app, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	f.app, f.handler = app, app.Handler()
	return f
}

// wait lets the answers started in the background finish.
func (f *fixture) wait(t *testing.T) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := f.app.Wait(ctx); err != nil {
		t.Fatalf("background work did not finish: %v", err)
	}
}

// post sends a signed request as Slack does.
func (f *fixture) post(t *testing.T, path, contentType string, body []byte, extra http.Header) *httptest.ResponseRecorder {
	t.Helper()
	req := slackapptest.NewRequest(testSecret, path, contentType, body)
	for k, v := range extra {
		req.Header[k] = v
	}
	rec := httptest.NewRecorder()
	f.handler.ServeHTTP(rec, req)
	return rec
}

func testdata(t *testing.T, name string, replace ...string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return []byte(strings.NewReplacer(replace...).Replace(string(b)))
}

type slashResponse struct {
	ResponseType string            `json:"response_type"`
	Text         string            `json:"text"`
	Blocks       []json.RawMessage `json:"blocks"`
}

func checkMessage(t *testing.T, what, text string, blocksJSON any) {
	t.Helper()
	raw, _ := json.Marshal(blocksJSON)
	if err := blockstest.CheckJSON(text, raw, blocks.MaxBlocks); err != nil {
		t.Errorf("%s breaks Block Kit limits: %v", what, err)
	}
}

func TestSlashCommand(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text       string
		wantInText string
		wantButton string
		found      bool
	}{
		{"Bielefeld", "Bielefeld ist eine Engagierte Stadt.", blocks.ActionShare, true},
		{"", "So fragst du mich", "", true},
		{"hilfe", "So fragst du mich", "", true},
		{"<!channel> Kuchen", "channel Kuchen", blocks.ActionFeedbackDown, false},
	}
	for _, tt := range tests {
		f := setup(t, nil)
		rec := f.post(t, "/slack/commands", "application/x-www-form-urlencoded",
			slackapptest.SlashBody(tt.text, f.slack.Hooks()+"/commands/1"), nil)
		f.wait(t)
		if rec.Code != http.StatusOK {
			t.Fatalf("/engagiert %q: status %d: %s", tt.text, rec.Code, rec.Body)
		}
		var r slashResponse
		if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil {
			t.Fatalf("/engagiert %q: %v: %s", tt.text, err, rec.Body)
		}
		if r.ResponseType != "ephemeral" {
			t.Errorf("/engagiert %q: response_type %q, want ephemeral", tt.text, r.ResponseType)
		}
		if !strings.Contains(r.Text, tt.wantInText) {
			t.Errorf("/engagiert %q: text = %q, want it to contain %q", tt.text, r.Text, tt.wantInText)
		}
		if strings.Contains(rec.Body.String(), `\u003c!`) || strings.Contains(r.Text, "@channel") || strings.Contains(r.Text, "<!") {
			t.Errorf("/engagiert %q: response pings: %s", tt.text, rec.Body)
		}
		if tt.wantButton != "" && !strings.Contains(rec.Body.String(), tt.wantButton) {
			t.Errorf("/engagiert %q: no %s button", tt.text, tt.wantButton)
		}
		checkMessage(t, "slash response", r.Text, r.Blocks)
		unanswered := f.logs.Records("unanswered")
		if tt.found && len(unanswered) > 0 || !tt.found && len(unanswered) != 1 {
			t.Errorf("/engagiert %q: unanswered logs = %v", tt.text, unanswered)
		}
		if !tt.found {
			if u := unanswered[0]; u["question"] != "@channel Kuchen" || u["surface"] != "slash" {
				t.Errorf("unanswered log = %v, want question %q surface slash", u, "@channel Kuchen")
			}
			if got := counterValue(t, f.app.metrics.unanswered.WithLabelValues("slash")); got != 1 {
				t.Errorf("engagiert_unanswered_questions_total{surface=slash} = %v, want 1", got)
			}
		}
	}
}

func TestSlowSlashFollowsUp(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	f := setup(t, func(c *Config) { c.SlashDeadline = 10 * time.Millisecond })
	f.asker.ask = func(ctx context.Context, q string) domain.Answer {
		<-release
		return answerFor(ctx, q)
	}
	rec := f.post(t, "/slack/commands", "application/x-www-form-urlencoded",
		slackapptest.SlashBody("Bielefeld", f.slack.Hooks()+"/commands/1"), nil)
	if !strings.Contains(rec.Body.String(), "Einen Moment") {
		t.Errorf("slow answer: response %s, want a holding note", rec.Body)
	}
	close(release)
	f.wait(t)
	hooks := f.slack.Calls("response_url")
	if len(hooks) != 1 || !strings.Contains(fmt.Sprint(hooks[0].JSON["text"]), "Bielefeld ist") || hooks[0].JSON["replace_original"] != true {
		t.Fatalf("response_url calls = %v, want the answer replacing the note", hooks)
	}
}

func TestRejectsUnsignedAndLarge(t *testing.T) {
	t.Parallel()
	f := setup(t, nil)
	body := slackapptest.SlashBody("Bielefeld", "https://hooks.example/x")
	old := slackapptest.Sign(testSecret, time.Now().Add(-6*time.Minute), body)
	tests := []struct {
		name   string
		header http.Header
		body   []byte
		want   int
	}{
		{"no signature", http.Header{}, body, http.StatusUnauthorized},
		{"wrong secret", slackapptest.Sign("other", time.Now(), body), body, http.StatusUnauthorized},
		{"expired", old, body, http.StatusUnauthorized},
		{"future", slackapptest.Sign(testSecret, time.Now().Add(6*time.Minute), body), body, http.StatusUnauthorized},
		{"changed body", slackapptest.Sign(testSecret, time.Now(), body), append([]byte("x"), body...), http.StatusUnauthorized},
		{"too large", slackapptest.Sign(testSecret, time.Now(), make([]byte, MaxBodyBytes+1)), make([]byte, MaxBodyBytes+1), http.StatusRequestEntityTooLarge},
	}
	for _, path := range []string{"/slack/commands", "/slack/events", "/slack/interactions"} {
		for _, tt := range tests {
			req := httptest.NewRequest("POST", path, bytes.NewReader(tt.body))
			req.Header = tt.header
			rec := httptest.NewRecorder()
			f.handler.ServeHTTP(rec, req)
			if rec.Code != tt.want {
				t.Errorf("POST %s (%s) = %d, want %d", path, tt.name, rec.Code, tt.want)
			}
		}
	}
	f.wait(t)
	if q := f.asker.asked(); len(q) > 0 {
		t.Errorf("rejected requests were asked: %q", q)
	}
	if n := len(f.slack.All()); n > 0 {
		t.Errorf("rejected requests reached Slack %d times", n)
	}
}

func TestURLVerification(t *testing.T) {
	t.Parallel()
	f := setup(t, nil)
	rec := f.post(t, "/slack/events", "application/json", testdata(t, "url_verification.json"), nil)
	if rec.Code != 200 || rec.Body.String() != "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" {
		t.Errorf("url_verification = %d %q, want the challenge", rec.Code, rec.Body)
	}
}

func TestMentionAnsweredInThreadOnce(t *testing.T) {
	t.Parallel()
	f := setup(t, func(c *Config) { c.BotUserID = "U0LAN0Z89" })
	body := testdata(t, "app_mention.json")
	if rec := f.post(t, "/slack/events", "application/json", body, nil); rec.Code != 200 {
		t.Fatalf("app_mention: %d", rec.Code)
	}
	// Slack retries the same event; it is not answered again.
	retry := http.Header{"X-Slack-Retry-Num": {"1"}, "X-Slack-Retry-Reason": {"http_timeout"}}
	if rec := f.post(t, "/slack/events", "application/json", body, retry); rec.Code != 200 {
		t.Fatalf("retry: %d", rec.Code)
	}
	f.wait(t)
	if q := f.asker.asked(); len(q) != 1 || q[0] != "is it everything a river should be?" {
		t.Errorf("asked %q, want the mention stripped, once", q)
	}
	posts := f.slack.Calls("chat.postMessage")
	if len(posts) != 1 {
		t.Fatalf("chat.postMessage called %d times, want 1", len(posts))
	}
	p := posts[0].Form
	if p.Get("channel") != "C123ABC456" || p.Get("thread_ts") != "1515449522.000016" {
		t.Errorf("posted to %s thread %q, want C123ABC456 thread 1515449522.000016", p.Get("channel"), p.Get("thread_ts"))
	}
	var bs []any
	if err := json.Unmarshal([]byte(p.Get("blocks")), &bs); err != nil || len(bs) == 0 {
		t.Errorf("blocks %q: %v", p.Get("blocks"), err)
	}
	checkMessage(t, "mention answer", p.Get("text"), bs)
	if !strings.Contains(p.Get("blocks"), blocks.ActionFeedbackUp) || strings.Contains(p.Get("blocks"), blocks.ActionShare) {
		t.Errorf("mention answer: want feedback buttons and no share button: %s", p.Get("blocks"))
	}
	if got := counterValue(t, f.app.metrics.duplicates); got != 1 {
		t.Errorf("duplicates = %v, want 1", got)
	}
}

func TestDirectMessages(t *testing.T) {
	t.Parallel()
	im := string(testdata(t, "message_im.json"))
	tests := []struct {
		name    string
		replace []string
		answer  bool
	}{
		{"documented message.im", nil, true},
		{"bot message", []string{`"channel_type": "im"`, `"channel_type": "im", "bot_id": "B123", "subtype": "bot_message"`}, false},
		{"own message", []string{`"user": "U2147483697"`, `"user": "UBOT"`}, false},
		{"edit", []string{`"channel_type": "im"`, `"channel_type": "im", "subtype": "message_changed", "hidden": true`}, false},
		{"other subtype", []string{`"channel_type": "im"`, `"channel_type": "im", "subtype": "channel_join"`}, false},
		{"channel message", []string{`"channel_type": "im"`, `"channel_type": "channel"`}, false},
	}
	for i, tt := range tests {
		f := setup(t, nil) // bot user id from auth.test: UBOT
		body := strings.NewReplacer(tt.replace...).Replace(im)
		body = strings.Replace(body, "Ev0PV52K21", fmt.Sprintf("Ev%d", i), 1)
		if rec := f.post(t, "/slack/events", "application/json", []byte(body), nil); rec.Code != 200 {
			t.Fatalf("%s: %d", tt.name, rec.Code)
		}
		f.wait(t)
		posts := f.slack.Calls("chat.postMessage")
		if !tt.answer {
			if len(posts) != 0 || len(f.asker.asked()) != 0 {
				t.Errorf("%s: answered (%d posts), want ignored", tt.name, len(posts))
			}
			continue
		}
		if len(posts) != 1 || posts[0].Form.Get("channel") != "D024BE91L" {
			t.Fatalf("%s: posts %v, want one to D024BE91L", tt.name, posts)
		}
		if q := f.asker.asked(); len(q) != 1 || q[0] != "Hello hello can you hear me?" {
			t.Errorf("%s: asked %q", tt.name, q)
		}
	}
}

func TestAppHomeOpened(t *testing.T) {
	t.Parallel()
	f := setup(t, nil)
	if rec := f.post(t, "/slack/events", "application/json", testdata(t, "app_home_opened.json"), nil); rec.Code != 200 {
		t.Fatalf("app_home_opened: %d", rec.Code)
	}
	f.wait(t)
	pubs := f.slack.Calls("views.publish")
	if len(pubs) != 1 || pubs[0].JSON["user_id"] != "U061F7AUR" {
		t.Fatalf("views.publish calls %v, want one for U061F7AUR", pubs)
	}
	view, _ := json.Marshal(pubs[0].JSON["view"])
	if !strings.Contains(string(view), `"type":"home"`) || !strings.Contains(string(view), "Engagierte Stadt") {
		t.Errorf("home view = %s", view)
	}
	if err := blockstest.CheckJSON("", view, blocks.MaxViewBlocks); err != nil {
		t.Error(err)
	}
}

func blockActions(t *testing.T, hook, actionID, value string) []byte {
	payload := testdata(t, "block_actions.json",
		"https://hooks.slack.com", hook,
		`"ACTION_ID"`, strconv.Quote(actionID),
		`"ACTION_VALUE"`, strconv.Quote(value))
	return []byte(url.Values{"payload": {string(payload)}}.Encode())
}

func TestBlockActions(t *testing.T) {
	t.Parallel()
	more := blocks.MoreRef{Question: "Bielefeld", List: 0, Offset: 40}.Encode()
	tests := []struct {
		action, value string
		check         func(t *testing.T, f *fixture, hooks []slackapptest.Call)
	}{
		{blocks.ActionShare, "Bielefeld", func(t *testing.T, f *fixture, hooks []slackapptest.Call) {
			if len(hooks) != 2 || hooks[0].JSON["response_type"] != "in_channel" || hooks[1].JSON["delete_original"] != true {
				t.Fatalf("share: response_url calls %v, want in_channel post and delete_original", hooks)
			}
			raw := marshal(hooks[0].JSON["blocks"])
			if !strings.Contains(string(raw), "Geteilt von <@UA8RXUSPL>") || strings.Contains(string(raw), blocks.ActionShare) {
				t.Errorf("shared message: %s", raw)
			}
			checkMessage(t, "shared answer", fmt.Sprint(hooks[0].JSON["text"]), hooks[0].JSON["blocks"])
		}},
		{blocks.ActionMore, more, func(t *testing.T, f *fixture, hooks []slackapptest.Call) {
			if len(hooks) != 1 || hooks[0].JSON["replace_original"] != true {
				t.Fatalf("more: response_url calls %v, want the list replaced by its next page", hooks)
			}
			raw, _ := json.Marshal(hooks[0].JSON["blocks"])
			if !strings.Contains(string(raw), "Ort 40") || strings.Contains(string(raw), "Ort 39 ") {
				t.Errorf("more: %s, want the list from Ort 40 on", raw)
			}
			checkMessage(t, "more", fmt.Sprint(hooks[0].JSON["text"]), hooks[0].JSON["blocks"])
		}},
		{blocks.ActionFeedbackDown, "Bielefeld", func(t *testing.T, f *fixture, hooks []slackapptest.Call) {
			if len(hooks) != 1 || hooks[0].JSON["replace_original"] != true || !strings.Contains(string(marshal(hooks[0].JSON["blocks"])), "Danke") {
				t.Fatalf("feedback: response_url calls %v, want the answer with a thank-you in place", hooks)
			}
			logs := f.logs.Records("feedback")
			if len(logs) != 1 || logs[0]["question"] != nil || logs[0]["vote"] != "down" {
				t.Errorf("feedback log = %v", logs)
			}
			if got := counterValue(t, f.app.metrics.feedback.WithLabelValues("down")); got != 1 {
				t.Errorf("engagiert_feedback_total{vote=down} = %v, want 1", got)
			}
		}},
		{blocks.ActionAskPrefix + "0", "Bielefeld", func(t *testing.T, f *fixture, hooks []slackapptest.Call) {
			opens := f.slack.Calls("views.open")
			if len(opens) != 1 || len(f.slack.Calls("chat.postMessage")) != 0 {
				t.Fatalf("home question: views.open %v, want one modal and no message", opens)
			}
		}},
		{blocks.ActionLinkPrefix + "0", "", func(t *testing.T, f *fixture, hooks []slackapptest.Call) {
			if len(hooks) != 0 || len(f.slack.Calls("chat.postMessage")) != 0 {
				t.Errorf("link button: Slack called")
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.action, func(t *testing.T) {
			f := setup(t, nil)
			rec := f.post(t, "/slack/interactions", "application/x-www-form-urlencoded",
				blockActions(t, f.slack.Hooks(), tt.action, tt.value), nil)
			if rec.Code != 200 {
				t.Fatalf("block_actions %s: %d %s", tt.action, rec.Code, rec.Body)
			}
			f.wait(t)
			tt.check(t, f, f.slack.Calls("response_url"))
		})
	}
}

func TestHealthReadyMetrics(t *testing.T) {
	t.Parallel()
	f := setup(t, nil)
	get := func(path string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		f.handler.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		return rec
	}
	if rec := get("/healthz"); rec.Code != 200 {
		t.Errorf("/healthz = %d", rec.Code)
	}
	rec := get("/readyz")
	var r Readiness
	if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil || rec.Code != 200 {
		t.Fatalf("/readyz = %d %s", rec.Code, rec.Body)
	}
	want := Readiness{Ready: true, Version: "v-test", Networks: 1, Places: 1, LoadedAt: "2025-01-02T03:04:05Z", SlackToken: "unverified", Store: "local", Build: f.app.cfg.Build}
	if r != want {
		t.Errorf("/readyz = %+v, want %+v", r, want)
	}
	m := get("/metrics").Body.String()
	for _, name := range []string{`engagiert_unanswered_questions_total{surface="dm"} 0`, "engagiert_feedback_total", "engagiert_questions_total"} {
		if !strings.Contains(m, name) {
			t.Errorf("/metrics lacks %s", name)
		}
	}

	empty := setup(t, func(c *Config) { c.Knowledge = func() (*domain.Base, time.Time) { return nil, time.Time{} } })
	rec = httptest.NewRecorder()
	empty.handler.ServeHTTP(rec, httptest.NewRequest("GET", "/readyz", nil))
	if rec.Code != http.StatusServiceUnavailable {
		t.Errorf("/readyz without knowledge = %d, want 503", rec.Code)
	}

	status := ReloadStatus{Reloads: 2, Failures: 1, LastError: "1 problem(s)", LastProblems: []string{"places.yaml:3"}, LastErrorAt: "2025-01-02T03:05:00Z"}
	live := setup(t, func(c *Config) { c.Reloads = func() ReloadStatus { return status } })
	rec = httptest.NewRecorder()
	live.handler.ServeHTTP(rec, httptest.NewRequest("GET", "/readyz", nil))
	r = Readiness{}
	if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil || rec.Code != 200 || r.Reload == nil || !reflect.DeepEqual(*r.Reload, status) {
		t.Errorf("/readyz after a failed reload = %d %s, want 200 with %+v", rec.Code, rec.Body, status)
	}
}

func TestNoSlackRoutesWithoutSigningSecret(t *testing.T) {
	t.Parallel()
	f := setup(t, func(c *Config) { c.SigningSecret = ""; c.AppToken = "xapp-test" })
	rec := f.post(t, "/slack/commands", "application/x-www-form-urlencoded", slackapptest.SlashBody("x", "y"), nil)
	if rec.Code != http.StatusNotFound {
		t.Errorf("Socket Mode: POST /slack/commands = %d, want 404", rec.Code)
	}
}

func TestNewChecksConfig(t *testing.T) {
	t.Parallel()
	ok := Config{Asker: &fakeAsker{ask: answerFor}, Knowledge: func() (*domain.Base, time.Time) { return nil, time.Time{} },
		BotToken: "xoxb-1", SigningSecret: "s", Store: store.NewMemory(0, 0)}
	tests := []struct {
		name   string
		change func(*Config)
		want   string
	}{
		{"no asker", func(c *Config) { c.Asker = nil }, "Asker"},
		{"no store", func(c *Config) { c.Store = nil }, "Store"},
		{"user token", func(c *Config) { c.BotToken = "xoxp-1" }, "xoxb-"},
		{"bad app token", func(c *Config) { c.AppToken = "xoxb-1" }, "xapp-"},
		{"no secret, no app token", func(c *Config) { c.SigningSecret = "" }, "signing secret"},
	}
	for _, tt := range tests {
		c := ok
		tt.change(&c)
		_, err := New(c)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("New(%s) = %v, want error about %s", tt.name, err, tt.want)
		}
	}
}

func TestQuestion(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, bot, want string }{
		{"<@U0LAN0Z89> is it everything a river should be?", "", "is it everything a river should be?"},
		{"<@UBOT|engagiert>   Bielefeld ", "UBOT", "Bielefeld"},
		{"Wo ist <@UBOT> Lemgo?", "UBOT", "Wo ist Lemgo?"},
		{"<@U1|anna> fragt: Lemgo", "UBOT", "fragt: Lemgo"},
		{"Lemgo <@U1|anna>", "UBOT", "Lemgo @anna"},
		{"<!channel> &lt;b&gt; &amp; Co", "", "@channel <b> & Co"},
		{"<#C123|allgemein> <https://x.example|Link>", "", "#allgemein Link"},
	}
	for _, tt := range tests {
		if got := Question(tt.in, tt.bot); got != tt.want {
			t.Errorf("Question(%q, %q) = %q, want %q", tt.in, tt.bot, got, tt.want)
		}
	}
}

// counterValue reads a counter.
func counterValue(t *testing.T, c prometheus.Counter) float64 {
	t.Helper()
	var m dto.Metric
	if err := c.Write(&m); err != nil {
		t.Fatal(err)
	}
	return m.GetCounter().GetValue()
}

// marshal writes v as JSON without escaping <, > and &.
func marshal(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
	return b.Bytes()
}

// TestSlashResponseCacheByDay: a remembered response is kept for its day
// in Berlin; after German midnight the question is answered afresh.
func TestSlashResponseCacheByDay(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 1, 22, 30, 0, 0, time.UTC) // 23:30 in Berlin
	var mu sync.Mutex
	f := setup(t, func(c *Config) {
		c.Clock = func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	})
	ask := func() {
		rec := f.post(t, "/slack/commands", "application/x-www-form-urlencoded", slackapptest.SlashBody("Bielefeld", f.slack.Hooks()+"/commands/1"), nil)
		f.wait(t)
		if rec.Code != http.StatusOK {
			t.Fatalf("/engagiert Bielefeld: status %d", rec.Code)
		}
	}
	ask()
	ask()
	if n := f.app.responses.Len(); n != 1 {
		t.Fatalf("%d responses remembered after two asks on one day, want 1", n)
	}
	mu.Lock()
	now = now.Add(time.Hour) // 00:30 in Berlin, still 23:30 UTC
	mu.Unlock()
	ask()
	if n := f.app.responses.Len(); n != 2 {
		t.Errorf("%d responses remembered after German midnight, want 2 (a new day's)", n)
	}
}

// A repeated slash command is answered from the remembered response, which
// is the same as the first, and still counted and logged like the first.
func TestSlashResponseCache(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		text      string
		cacheSize int
		wantAsks  int // questions that reach the asker: every one, a hit only counts
	}{
		{"Bielefeld", 0, 3},
		{"Kuchen", 0, 3},
		{"Bielefeld", -1, 3},
		{"kaputt", 0, 3}, // the engine fails: nothing is remembered
	} {
		f := setup(t, func(c *Config) { c.ResponseCache = tt.cacheSize })
		f.asker.ask = func(ctx context.Context, q string) domain.Answer {
			if q == "kaputt" {
				return domain.Answer{Query: q, Failed: true, Kind: domain.KindNone, Title: "Das hat gerade nicht geklappt"}
			}
			return answerFor(ctx, q)
		}
		var first string
		for i := 0; i < 3; i++ {
			rec := f.post(t, "/slack/commands", "application/x-www-form-urlencoded",
				slackapptest.SlashBody(tt.text, f.slack.Hooks()+"/commands/1"), nil)
			f.wait(t)
			if rec.Code != http.StatusOK {
				t.Fatalf("/engagiert %q: status %d", tt.text, rec.Code)
			}
			if i == 0 {
				first = rec.Body.String()
			} else if rec.Body.String() != first {
				t.Errorf("/engagiert %q (cache %d): response %d differs from the first", tt.text, tt.cacheSize, i+1)
			}
		}
		if got := len(f.asker.asked()); got != tt.wantAsks {
			t.Errorf("/engagiert %q (cache %d): asker asked %d times, want %d", tt.text, tt.cacheSize, got, tt.wantAsks)
		}
		if got := counterValue(t, f.app.metrics.questions.WithLabelValues("slash")); got != 3 {
			t.Errorf("/engagiert %q: questions_total = %v, want 3", tt.text, got)
		}
		if n := len(f.logs.Records("unanswered")); tt.text == "Kuchen" && n != 3 {
			t.Errorf("/engagiert %q: %d unanswered logs, want 3", tt.text, n)
		}
		want := 1
		if tt.text == "kaputt" {
			want = 0
		}
		if tt.cacheSize == 0 && f.app.responses.Len() != want {
			t.Errorf("/engagiert %q: %d responses remembered, want %d", tt.text, f.app.responses.Len(), want)
		}
	}
}
