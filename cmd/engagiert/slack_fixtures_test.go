package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/engagiert/engagiert/internal/answer"
	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/slackapp"
	"github.com/engagiert/engagiert/internal/slackapp/apicheck"
	"github.com/engagiert/engagiert/internal/slackapp/blocks"
	"github.com/engagiert/engagiert/internal/slackapp/slackapptest"
	"github.com/engagiert/engagiert/internal/store"
	"github.com/engagiert/engagiert/internal/testenv"
	"github.com/prometheus/client_golang/prometheus"
)

// The payloads Slack and its SDKs publish (../shared/slack-fixtures: Slack's
// docs, bolt-python's scenario tests, java-slack-sdk's samples), sent in
// order to one bot with the shipped knowledge, each checked against what
// the fixture expects; every call the bot makes is checked by apicheck.

const (
	fixtureBot   = "UBOT0ENG"
	fixtureBotID = "BBOT0ENG"
)

// newFixtureSlack is the fake Slack the published payloads expect: the
// bot is fixtureBot in team T111, and each message it posts has its own ts.
func newFixtureSlack(t *testing.T) *slackapptest.Server {
	return slackapptest.New(t, slackapptest.WithBot(fixtureBot, fixtureBotID, "T111"),
		slackapptest.WithPostTS(func(n int) string { return fmt.Sprintf("1800000000.%06d", n) }))
}

// callText is what a call shows: its form, or its JSON body.
func callText(c slackapptest.Call) string {
	if c.Form != nil {
		return c.Form.Encode() + " " + c.Form.Get("text") + c.Form.Get("blocks") + c.Form.Get("unfurls")
	}
	return string(c.Body)
}

// fixtureBotApp is the bot in HTTP mode with the shipped knowledge, in process.
type fixtureBotApp struct {
	app     *slackapp.App
	handler http.Handler
	api     *slackapptest.Server
}

func newFixtureBot(t *testing.T) *fixtureBotApp {
	t.Helper()
	log := slog.New(slog.NewJSONHandler(io.Discard, nil))
	snap, err := loadServing("", log)
	if err != nil {
		t.Fatal(err)
	}
	api := newFixtureSlack(t)
	app, err := slackapp.New(slackapp.Config{
		Asker: snap.Asker, Commands: answer.Commands(),
		Knowledge: func() (*domain.Base, time.Time) { return snap.Base, time.Now() },
		BotToken:  "xoxb-fixtures", SigningSecret: serveSecret, APIURL: api.APIURL(),
		Store: store.NewMemory(0, 0), Logger: log, Registry: prometheus.NewRegistry(), APIRetries: -1,
	})
	if err != nil {
		t.Fatal(err)
	}
	return &fixtureBotApp{app: app, handler: app.Handler(), api: api}
}

// send posts body to path like Slack (signed unless told not to), waits
// for the work it started, and returns the response.
func (b *fixtureBotApp) send(t *testing.T, path, contentType string, body []byte, sign bool, extra map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest("POST", path, bytes.NewReader(body))
	if sign {
		req.Header = slackapptest.Signed(serveSecret, contentType, body)
	}
	req.Header.Set("Content-Type", contentType)
	for k, v := range extra {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	b.handler.ServeHTTP(rec, req)
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := b.app.Wait(ctx); err != nil {
		t.Fatalf("work did not finish: %v", err)
	}
	if ct := rec.Header().Get("Content-Type"); strings.HasPrefix(ct, "application/json") {
		if err := apicheck.Response(rec.Body.Bytes()); err != nil {
			t.Errorf("%s response: %v", path, err)
		}
	}
	return rec
}

// fixture is one published payload and what the bot must do with it.
type fixture struct {
	ID      string            `json:"id"`
	Kind    string            `json:"kind"`
	Payload json.RawMessage   `json:"payload"`
	Expect  map[string]any    `json:"expect"`
	Adapt   map[string]string `json:"adapt"`
	Headers map[string]string `json:"headers"`
	Signed  *bool             `json:"signed"`
	Before  []fixture         `json:"before"`
	Notes   string            `json:"notes"`
}

// moreExpected is what the bot does beyond a fixture's "expect" since
// issue 16, and what must therefore happen too.
var moreExpected = map[string]string{
	"boltpy-assistant-thread-started":                 "assistant.threads.setSuggestedPrompts",
	"boltpy-assistant-user-message":                   "assistant.threads.setStatus",
	"boltpy-assistant-user-message-with-action-token": "assistant.threads.setStatus",
}

// replies are the calls that show the user something.
var replies = []string{"chat.postMessage", "chat.postEphemeral", "response_url", "views.open", "views.update", "views.publish", "chat.unfurl"}

func loadFixtures(t *testing.T) []fixture {
	dir := testenv.Shared(t, "slack-fixtures")
	names, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	slices.Sort(names)
	var out []fixture
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		var f fixture
		if err := json.Unmarshal(b, &f); err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		out = append(out, f)
	}
	return out
}

// deliver sends a fixture's payload, adapted to this bot and fake Slack.
func (b *fixtureBotApp) deliver(t *testing.T, f fixture) *httptest.ResponseRecorder {
	t.Helper()
	p := string(f.Payload)
	for from, to := range f.Adapt {
		p = strings.ReplaceAll(p, from, to)
	}
	p = strings.NewReplacer("{BOT}", fixtureBot, "{BOTID}", fixtureBotID, "{HOOK}", b.api.Hooks()).Replace(p)
	sign := f.Signed == nil || *f.Signed
	switch f.Kind {
	case "event":
		return b.send(t, "/slack/events", "application/json", []byte(p), sign, f.Headers)
	case "interaction":
		return b.send(t, "/slack/interactions", "application/x-www-form-urlencoded", slackapptest.Interaction([]byte(p)), sign, f.Headers)
	case "command":
		var form string
		if err := json.Unmarshal(f.Payload, &form); err != nil {
			t.Fatalf("%s: command payload is no string", f.ID)
		}
		form = strings.NewReplacer("%7BHOOK%7D", url.QueryEscape(b.api.Hooks()), "{HOOK}", b.api.Hooks()).Replace(form)
		return b.send(t, "/slack/commands", "application/x-www-form-urlencoded", []byte(form), sign, f.Headers)
	}
	t.Fatalf("%s: unknown kind %q", f.ID, f.Kind)
	return nil
}

// check compares what the bot did (calls, response) with f.Expect.
func check(t *testing.T, f fixture, rec *httptest.ResponseRecorder, calls []slackapptest.Call) {
	t.Helper()
	var shown []slackapptest.Call
	for _, c := range calls {
		if slices.Contains(replies, c.Method) {
			shown = append(shown, c)
		}
	}
	all := ""
	for _, c := range shown {
		all += callText(c) + "\n"
	}
	body := rec.Body.String()
	if rec.Code != http.StatusOK {
		t.Errorf("%s: status %d, want 200", f.ID, rec.Code)
	}
	e := f.Expect
	if e["none"] == true && len(shown) > 0 {
		t.Errorf("%s (%s): the bot replied: %v", f.ID, f.Notes, slackapptest.Methods(shown))
	}
	if post, ok := e["post"].(map[string]any); ok {
		var posts []slackapptest.Call
		for _, c := range shown {
			if c.Method == "chat.postMessage" {
				posts = append(posts, c)
			}
		}
		wantThread, _ := post["thread_ts"].(string)
		if len(posts) != 1 || posts[0].Form.Get("channel") != post["channel"] || posts[0].Form.Get("thread_ts") != wantThread {
			t.Errorf("%s: posts %v, want one in %v thread %q", f.ID, posts, post["channel"], wantThread)
		}
	}
	if m, ok := e["call"].(string); ok && !slices.ContainsFunc(shown, func(c slackapptest.Call) bool { return c.Method == m }) {
		t.Errorf("%s: calls %v, want %s", f.ID, slackapptest.Methods(shown), m)
	}
	if e["respond"] == true {
		var hooks []slackapptest.Call
		for _, c := range shown {
			if c.Method == "response_url" {
				hooks = append(hooks, c)
			}
		}
		if len(hooks) == 0 {
			t.Errorf("%s: no response_url post", f.ID)
		} else {
			h := string(hooks[0].Body)
			if e["replace_original"] == true && !strings.Contains(h, `"replace_original":true`) {
				t.Errorf("%s: response %s, want replace_original", f.ID, h)
			}
			if e["in_channel"] == true && !strings.Contains(h, `"response_type":"in_channel"`) {
				t.Errorf("%s: response %s, want in_channel", f.ID, h)
			}
		}
	}
	for _, w := range list(e["reply_has"]) {
		if !strings.Contains(all+body, w.(string)) {
			t.Errorf("%s: reply lacks %q: %s%s", f.ID, w, all, body)
		}
	}
	if e["slash_json"] == true && !json.Valid(rec.Body.Bytes()) {
		t.Errorf("%s: slash response %q is no JSON", f.ID, body)
	}
	if e["no_ping"] == true && strings.Contains(body+all, "<!") {
		t.Errorf("%s: reply pings people: %s", f.ID, body)
	}
	if c, ok := e["challenge"].(string); ok && body != c {
		t.Errorf("%s: body %q, want the challenge", f.ID, body)
	}
	if e["body_empty"] == true && body != "" {
		t.Errorf("%s: body %q, want it empty", f.ID, body)
	}
	if e["body_empty_or_json"] == true && body != "" && !json.Valid(rec.Body.Bytes()) {
		t.Errorf("%s: body %q, want empty or JSON", f.ID, body)
	}
	if m, ok := moreExpected[f.ID]; ok && !slices.ContainsFunc(calls, func(c slackapptest.Call) bool { return c.Method == m }) {
		t.Errorf("%s: calls %v, want %s too", f.ID, slackapptest.Methods(calls), m)
	}
}

// runFixtures sends every fixture to one bot, in order, and checks each.
func runFixtures(t *testing.T, b *fixtureBotApp) int {
	fs := loadFixtures(t)
	for _, f := range fs {
		for _, pre := range f.Before {
			n := b.api.Count()
			check(t, pre, b.deliver(t, pre), b.api.Since(n))
		}
		n := b.api.Count()
		check(t, f, b.deliver(t, f), b.api.Since(n))
	}
	return len(fs)
}

// TestSlackFixtures: the 92 published payloads, handled right.
func TestSlackFixtures(t *testing.T) {
	t.Parallel()
	b := newFixtureBot(t)
	if n := runFixtures(t, b); n != 92 {
		t.Errorf("%d fixtures, want the 92 published ones", n)
	}
}

// TestEveryViewIsValid opens every view the bot can open: the Home tab, a
// modal for every example on it, the modal's question by Enter and by
// "Fragen", the shortcut's modal; the recorder checks each (view rules:
// an input needs submit and close) and the submission's response.
func TestEveryViewIsValid(t *testing.T) {
	t.Parallel()
	b := newFixtureBot(t)
	home := (`{"token":"t","team_id":"T1","api_app_id":"A1","type":"event_callback","event_id":"EvHome","event_time":1,` +
		`"event":{"type":"app_home_opened","user":"U1","channel":"D1","tab":"home","event_ts":"1.2"}}`)
	b.send(t, "/slack/events", "application/json", []byte(home), true, nil)
	click := func(viewType, actionID, field string) {
		payload, _ := json.Marshal(map[string]any{"type": "block_actions", "user": map[string]any{"id": "U1"}, "team": map[string]any{"id": "T1"},
			"api_app_id": "A1", "trigger_id": "1.2.3", "container": map[string]any{"type": "view", "view_id": "V1"},
			"view":    map[string]any{"id": "V1", "type": viewType, "hash": "1.a", "state": map[string]any{"values": map[string]any{}}},
			"actions": []map[string]any{{"action_id": actionID, "block_id": "b", "type": "button", "value": field, "action_ts": "1.0"}}})
		b.send(t, "/slack/interactions", "application/x-www-form-urlencoded", []byte(url.Values{"payload": {string(payload)}}.Encode()), true, nil)
	}
	examples := 0
	for _, c := range answer.Commands() {
		for i, ex := range c.Examples {
			click("home", blocks.ActionAskPrefix+fmt.Sprint(i), ex)
			click("modal", blocks.ActionQuestion, ex)
			examples++
		}
	}
	submit, _ := json.Marshal(map[string]any{"type": "view_submission", "user": map[string]any{"id": "U1"}, "team": map[string]any{"id": "T1"},
		"api_app_id": "A1", "view": map[string]any{"id": "V1", "type": "modal", "callback_id": blocks.CallbackModal,
			"state": map[string]any{"values": map[string]any{blocks.HomeQuestionBlockID: map[string]any{blocks.ActionQuestion: map[string]any{"type": "plain_text_input", "value": "Bielefeld"}}}}}})
	rec := b.send(t, "/slack/interactions", "application/x-www-form-urlencoded", []byte(url.Values{"payload": {string(submit)}}.Encode()), true, nil)
	if !strings.Contains(rec.Body.String(), `"response_action":"update"`) {
		t.Errorf("view_submission response %s, want the next modal", rec.Body)
	}
	opened := 0
	for _, c := range b.api.Since(0) {
		if strings.HasPrefix(c.Method, "views.") {
			opened++
		}
	}
	if want := 1 + 2*examples; opened != want {
		t.Errorf("%d views opened, want %d (Home, and two modals per example)", opened, want)
	}
}

// scopeFree are the Web API calls that need no bot scope.
var scopeFree = []string{"auth.test", "views.open", "views.update", "views.publish", "response_url", "apps.connections.open"}

// TestManifestScopesUsed: every scope the manifest asks for is used by the
// bot (a Web API method it called in the published payloads and a few
// conversations, an event it handles, or a feature the manifest declares),
// every method it called has its scope, and every event it handles is
// subscribed.
func TestManifestScopesUsed(t *testing.T) {
	t.Parallel()
	b := newFixtureBot(t)
	runFixtures(t, b)
	// What the fixtures do not show: a channel beside the split view, thanks
	// in a thread, a link to a network's site.
	ev := func(id string, inner string) {
		body := `{"token":"t","team_id":"T1","api_app_id":"A1","type":"event_callback","event_id":"` + id + `","event_time":1,"event":` + inner + `}`
		b.send(t, "/slack/events", "application/json", []byte(body), true, nil)
	}
	ev("EvU1", `{"type":"assistant_thread_started","assistant_thread":{"user_id":"W1","channel_id":"D9","thread_ts":"9.1","context":{"channel_id":"CBIELEFELD"}}}`)
	ev("EvU2", `{"type":"message","user":"W1","text":"seit wann?","ts":"9.2","thread_ts":"9.1","channel":"D9","channel_type":"im"}`)
	ev("EvU3", `{"type":"message","user":"W1","text":"Danke!","ts":"9.3","thread_ts":"9.1","channel":"D9","channel_type":"im"}`)
	ev("EvU4", `{"type":"link_shared","channel":"C9","user":"W1","message_ts":"9.4","links":[{"domain":"regiopole.de","url":"https://www.regiopole.de/"}]}`)

	called := map[string]bool{}
	for _, c := range b.api.Since(0) {
		called[c.Method] = true
	}
	m := buildManifest("/engagiert", "", nil, answer.Commands())
	events := m.Settings.EventSubscriptions.BotEvents
	features := map[string]bool{
		"feature:slash_command": len(m.Features.SlashCommands) > 0,
		"feature:shortcut":      len(m.Features.Shortcuts) > 0,
		// A shared answer whose response_url failed is posted with
		// chat.postMessage to the channel (slackapp TestShareSurvivesExpiredResponseURL).
		"feature:share": called["chat.postMessage"],
	}
	scopeOf := map[string]string{}
	for _, s := range manifestScopes {
		used := false
		for _, need := range s.NeededBy {
			switch {
			case strings.HasPrefix(need, "event:"):
				used = used || slices.Contains(events, strings.TrimPrefix(need, "event:"))
			case strings.HasPrefix(need, "feature:"):
				used = used || features[need]
			default:
				scopeOf[need] = s.Scope
				used = used || called[need]
			}
		}
		if !used {
			t.Errorf("scope %s (%s) is asked for, but nothing of %v was used", s.Scope, s.Why, s.NeededBy)
		}
	}
	for method := range called {
		if scopeOf[method] == "" && !slices.Contains(scopeFree, method) {
			t.Errorf("the bot called %s, but no scope in the manifest is for it", method)
		}
	}
	for _, e := range slackapp.HandledEvents() {
		subscribed := slices.Contains(events, e) || e == "message" && slices.Contains(events, "message.im")
		if !subscribed {
			t.Errorf("the bot handles %s, but the manifest does not subscribe to it", e)
		}
	}
	for _, want := range []string{"conversations.info", "reactions.add", "chat.unfurl", "assistant.threads.setTitle"} {
		if !called[want] {
			t.Errorf("%s never called: the check above saw too little", want)
		}
	}
}
