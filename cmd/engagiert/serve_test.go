package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/engagiert/engagiert/internal/answer"
	"github.com/engagiert/engagiert/internal/logtest"

	"github.com/engagiert/engagiert/internal/slackapp"
	"github.com/engagiert/engagiert/internal/slackapp/blocks"
	"github.com/engagiert/engagiert/internal/slackapp/blocks/blockstest"
	"github.com/engagiert/engagiert/internal/slackapp/slackapptest"
	"github.com/slack-go/slack"
	"go.yaml.in/yaml/v3"
)

// runServe runs `engagiert serve ARGS` in-process, as the binary would.
func runServe(ctx context.Context, e env, args []string) error {
	return run(ctx, append([]string{"serve"}, args...), e.getenv, strings.NewReader(""), e.stdout, e.stderr)
}

func TestServeConfigErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		vars map[string]string
		args []string
		want string
	}{
		{"no bot token", map[string]string{"SLACK_SIGNING_SECRET": "s"}, nil, "SLACK_BOT_TOKEN is not set"},
		{"user token", map[string]string{"SLACK_BOT_TOKEN": "xoxp-1", "SLACK_SIGNING_SECRET": "s"}, nil, "SLACK_BOT_TOKEN must"},
		{"bad app token", map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xoxb-2"}, nil, "SLACK_APP_TOKEN must"},
		{"no secret", map[string]string{"SLACK_BOT_TOKEN": "xoxb-1"}, nil, "SLACK_SIGNING_SECRET is not set"},
		{"bad command", map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s", "ENGAGIERT_COMMAND": "engagiert"}, nil, "ENGAGIERT_COMMAND"},
		{"curator channel by name", map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s", "ENGAGIERT_CURATOR_CHANNEL": "#redaktion"}, nil, "ENGAGIERT_CURATOR_CHANNEL"},
		{"curator channel flag, a DM id", map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}, []string{"--curator-channel", "D024BE91L"}, "ENGAGIERT_CURATOR_CHANNEL"},
		{"bad api url", map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}, []string{"--api-url", "slack.com"}, "SLACK_API_URL"},
		{"flag over env", map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}, []string{"--bot-token", "xapp-1"}, "SLACK_BOT_TOKEN must"},
		{"bad knowledge", map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s", "ENGAGIERT_KNOWLEDGE": "/nonexistent"}, nil, "load knowledge"},
	}
	for _, tt := range tests {
		var stderr bytes.Buffer
		e := env{getenv: func(k string) string { return tt.vars[k] }, stdout: io.Discard, stderr: &stderr}
		err := runServe(context.Background(), e, tt.args)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("serve (%s) = %v, want error containing %q", tt.name, err, tt.want)
		}
		for _, secret := range []string{"xoxb-1", "xoxp-1", "xoxb-2"} {
			if strings.Contains(stderr.String(), secret) {
				t.Errorf("serve (%s) printed a token: %s", tt.name, stderr.String())
			}
		}
	}
}

// syncWriter collects the logs of a running server.
type syncWriter = logtest.Buffer

// waitServing returns the address from the "serving" log line.
func waitServing(t *testing.T, logs *syncWriter, done <-chan error) string {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		select {
		case err := <-done:
			t.Fatalf("serve stopped: %v\n%s", err, logs.String())
		default:
		}
		for _, line := range strings.Split(logs.String(), "\n") {
			var rec struct{ Msg, Addr string }
			if json.Unmarshal([]byte(line), &rec) == nil && rec.Msg == "serving" {
				return rec.Addr
			}
		}
	}
	t.Fatalf("serve did not start:\n%s", logs.String())
	return ""
}

// TestServeHTTP starts the whole program on port 0 against a fake Slack and
// stops it like SIGTERM does.
func TestServeHTTP(t *testing.T) {
	t.Parallel()
	api := slackapptest.New(t)
	vars := map[string]string{
		"SLACK_BOT_TOKEN":      "xoxb-secret-bot-token",
		"SLACK_SIGNING_SECRET": "secret-signing",
		"ENGAGIERT_ADDR":       "127.0.0.1:0",
		"SLACK_API_URL":        api.APIURL(),
	}
	logs := &syncWriter{}
	e := env{getenv: func(k string) string { return vars[k] }, stdout: io.Discard, stderr: logs}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- runServe(ctx, e, nil) }()
	base := "http://" + waitServing(t, logs, done)

	if resp, err := http.Get(base + "/healthz"); err != nil || resp.StatusCode != 200 {
		t.Fatalf("/healthz: %v %v", resp, err)
	}
	resp, err := http.Get(base + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	var ready slackapp.Readiness
	_ = json.NewDecoder(resp.Body).Decode(&ready)
	resp.Body.Close()
	if !ready.Ready || ready.Version == "" || ready.Networks == 0 || ready.Places == 0 || ready.LoadedAt == "" || ready.Reload != nil {
		t.Errorf("/readyz = %+v, want the loaded base, no reload status (it is embedded)", ready)
	}

	form := url.Values{"command": {"/engagiert"}, "text": {"Bielefeld"}, "user_id": {"U1"}, "channel_id": {"C1"},
		"response_url": {api.Hooks() + "/1"}, "team_id": {"T1"}, "trigger_id": {"1.2.3"}}
	body := []byte(form.Encode())
	req, _ := http.NewRequest("POST", base+"/slack/commands", bytes.NewReader(body))
	req.Header = slackapptest.Signed("secret-signing", slackapptest.Form, body)
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var msg struct {
		ResponseType string          `json:"response_type"`
		Text         string          `json:"text"`
		Blocks       json.RawMessage `json:"blocks"`
	}
	_ = json.NewDecoder(resp.Body).Decode(&msg)
	resp.Body.Close()
	if resp.StatusCode != 200 || msg.ResponseType != "ephemeral" || !strings.Contains(msg.Text, "Bielefeld") {
		t.Errorf("/engagiert Bielefeld = %d %+v", resp.StatusCode, msg)
	}
	if err := blockstest.CheckJSON(msg.Text, msg.Blocks, blocks.MaxBlocks); err != nil {
		t.Error(err)
	}
	req, _ = http.NewRequest("POST", base+"/slack/commands", bytes.NewReader(body))
	req.Header = slackapptest.Signed("wrong", slackapptest.Form, body)
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("unsigned command: %v %v, want 401", resp, err)
	}
	if m, err := http.Get(base + "/metrics"); err != nil || m.StatusCode != 200 {
		t.Errorf("/metrics: %v %v", m, err)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve after SIGTERM = %v, want nil", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
	out := logs.String()
	for _, secret := range []string{"xoxb-secret-bot-token", "secret-signing"} {
		if strings.Contains(out, secret) {
			t.Errorf("logs contain a secret %q", secret)
		}
	}
	if !strings.Contains(out, `"msg":"stopped"`) {
		t.Errorf("no graceful stop logged:\n%s", out)
	}
}

// TestEvalAnswersWithinBlockKitLimits renders the answer to every eval
// question as each surface does, and every "Mehr anzeigen" page of it.
func TestEvalAnswersWithinBlockKitLimits(t *testing.T) {
	t.Parallel()
	asker, base, err := loadAsker("")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, q := range evalQuestions(t) {
		a := asker.Ask(ctx, q)
		for _, opt := range []blocks.Options{{Share: true, Feedback: true}, {Feedback: true}, {Feedback: true, SharedBy: "U123"}} {
			m := blocks.Answer(a, opt)
			if err := blockstest.Check(m); err != nil {
				t.Errorf("Answer(%q) breaks Block Kit limits: %v", q, err)
			}
			pages := 0
			for ref, ok := moreRef(m); ok && pages < 50; ref, ok = moreRef(m) {
				m = blocks.More(a, ref)
				if err := blockstest.Check(m); err != nil {
					t.Errorf("More(%q, %+v): %v", q, ref, err)
				}
				pages++
			}
		}
	}
	if err := blockstest.Check(blocks.HelpFor("/engagiert", blocks.HelpSlash, answer.Commands())); err != nil {
		t.Errorf("Help: %v", err)
	}
	if err := blockstest.CheckView(blocks.Home(base, "/engagiert", answer.Commands())); err != nil {
		t.Errorf("Home: %v", err)
	}
}

func moreRef(m blocks.Message) (blocks.MoreRef, bool) {
	for _, b := range m.Blocks {
		ab, ok := b.(*slack.ActionBlock)
		if !ok {
			continue
		}
		for _, e := range ab.Elements.ElementSet {
			if btn, ok := e.(*slack.ButtonBlockElement); ok && btn.ActionID == blocks.ActionMore {
				ref, err := blocks.DecodeMoreRef(btn.Value)
				return ref, err == nil
			}
		}
	}
	return blocks.MoreRef{}, false
}

func TestManifest(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args       []string
		socketMode bool
		urls       []string
	}{
		{nil, true, nil},
		{[]string{"--request-url", "https://bot.example.org/"}, false, []string{
			"https://bot.example.org/slack/commands", "https://bot.example.org/slack/events", "https://bot.example.org/slack/interactions"}},
	}
	for _, tt := range tests {
		var out bytes.Buffer
		e := env{getenv: func(string) string { return "" }, stdout: &out, stderr: io.Discard}
		if err := run(context.Background(), append([]string{"manifest"}, tt.args...), e.getenv, nil, e.stdout, e.stderr); err != nil {
			t.Fatalf("manifest %q: %v", tt.args, err)
		}
		var m appManifest
		if err := yaml.Unmarshal(out.Bytes(), &m); err != nil {
			t.Fatalf("manifest %q is not YAML: %v", tt.args, err)
		}
		if m.Settings.SocketModeEnabled != tt.socketMode {
			t.Errorf("manifest %q: socket_mode_enabled = %v", tt.args, m.Settings.SocketModeEnabled)
		}
		got := []string{m.Features.SlashCommands[0].URL, m.Settings.EventSubscriptions.RequestURL, m.Settings.Interactivity.RequestURL}
		if tt.urls == nil {
			tt.urls = []string{"", "", ""}
		}
		if strings.Join(got, " ") != strings.Join(tt.urls, " ") {
			t.Errorf("manifest %q: request URLs %q, want %q", tt.args, got, tt.urls)
		}
		if m.Features.SlashCommands[0].Command != "/engagiert" || !m.Features.AppHome.HomeTabEnabled || !m.Settings.Interactivity.IsEnabled {
			t.Errorf("manifest %q: %+v", tt.args, m.Features)
		}
		if got, want := strings.Join(m.OAuthConfig.Scopes.Bot, " "), "app_mentions:read assistant:write channels:history channels:read "+
			"chat:write chat:write.public commands groups:history im:history links:read links:write reactions:write"; got != want {
			t.Errorf("bot scopes = %q, want %q (no im:read, im:write: nothing uses them)", got, want)
		}
		if got, want := strings.Join(m.Settings.EventSubscriptions.BotEvents, " "), "app_home_opened app_mention assistant_thread_context_changed "+
			"assistant_thread_started link_shared message.channels message.groups message.im"; got != want {
			t.Errorf("bot events = %q, want %q", got, want)
		}
		if got := strings.Join(m.Features.UnfurlDomains, " "); got != "engagiert-in-nrw.de engagiertestadt.de mbei.nrw regiopole.de staedtepartnerschaftennrw.org" {
			t.Errorf("unfurl_domains = %q, want the networks' websites", got)
		}
		if av := m.Features.AssistantView; av == nil || av.Description == "" || len(av.SuggestedPrompts) < 2 || len(av.SuggestedPrompts) > 4 {
			t.Errorf("assistant_view = %+v, want a description and 2 to 4 prompts", av)
		}
		if sc := m.Features.Shortcuts; len(sc) != 1 || sc[0] != (manifestShortcut{"Frag engagiert", "message", "engagiert_ask", sc[0].Description}) || sc[0].Description == "" {
			t.Errorf("shortcuts = %+v, want the message shortcut Frag engagiert (engagiert_ask)", sc)
		}
		if !strings.Contains(out.String(), "callback_id: engagiert_ask") {
			t.Errorf("manifest YAML lacks the shortcut's callback_id:\n%s", out.String())
		}
	}
	for _, bad := range []string{"http://bot.example.org", "bot.example.org", "https://"} {
		e := env{getenv: func(string) string { return "" }, stdout: io.Discard, stderr: io.Discard}
		if err := run(context.Background(), []string{"manifest", "--request-url", bad}, e.getenv, nil, e.stdout, e.stderr); err == nil {
			t.Errorf("manifest --request-url %q = nil, want an error", bad)
		}
	}
}
