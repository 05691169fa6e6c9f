package slackapptest

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"
)

// TestServerAsSlackGoSeesIt: what the fake answers decodes in slack-go's
// client as Slack's answers do, faults included, and every call is recorded.
func TestServerAsSlackGoSeesIt(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := New(t, WithThreads(), WithBot("UME", "BME", "TME"))
	api := slack.New("xoxb-fake", slack.OptionAPIURL(s.APIURL()))

	auth, err := api.AuthTestContext(ctx)
	if err != nil || auth.UserID != "UME" || auth.BotID != "BME" || auth.TeamID != "TME" {
		t.Fatalf("AuthTest = %+v, %v, want the bot UME/BME in TME", auth, err)
	}
	md := slack.SlackMetadata{EventType: "answer", EventPayload: map[string]any{"reply_to": "1.1"}}
	ch, ts, err := api.PostMessageContext(ctx, "C1", slack.MsgOptionText("hallo", false), slack.MsgOptionTS("1.1"), slack.MsgOptionMetadata(md))
	if err != nil || ch != "C1" || ts != PostTS {
		t.Fatalf("PostMessage = %s %s %v, want C1 %s", ch, ts, err, PostTS)
	}
	msgs, _, _, err := api.GetConversationRepliesContext(ctx, &slack.GetConversationRepliesParameters{ChannelID: "C1", Timestamp: "1.1"})
	if err != nil || len(msgs) != 1 || msgs[0].Text != "hallo" || msgs[0].User != "UME" || msgs[0].Metadata.EventPayload["reply_to"] != "1.1" {
		t.Errorf("GetConversationReplies = %+v, %v, want the post with its metadata", msgs, err)
	}
	if n := s.RepliesTo("C1", "1.1"); n != 1 {
		t.Errorf("RepliesTo(C1, 1.1) = %d, want 1", n)
	}
	h, err := api.GetConversationHistoryContext(ctx, &slack.GetConversationHistoryParameters{ChannelID: "C1"})
	if err != nil || len(h.Messages) != 0 {
		t.Errorf("GetConversationHistory = %+v, %v, want no message outside threads", h, err)
	}

	s.Refuse("*", "invalid_auth")
	if _, err := api.AuthTestContext(ctx); err == nil || err.Error() != "invalid_auth" {
		t.Errorf("AuthTest after Refuse = %v, want invalid_auth", err)
	}
	s.Reset("*")
	s.Handle("chat.postMessage", First(RateLimited(7)))
	var rl *slack.RateLimitedError
	if _, _, err := api.PostMessageContext(ctx, "C1", slack.MsgOptionText("x", false)); !errors.As(err, &rl) || rl.RetryAfter != 7*time.Second {
		t.Errorf("first PostMessage = %v, want rate limited for 7s", err)
	}
	if _, _, err := api.PostMessageContext(ctx, "C1", slack.MsgOptionText("x", false)); err != nil {
		t.Errorf("second PostMessage = %v, want it through", err)
	}

	posts := s.Calls("chat.postMessage")
	if len(posts) != 3 || posts[2].Attempt != 3 || posts[0].Token != "xoxb-fake" || posts[0].Form.Get("text") != "hallo" {
		t.Errorf("chat.postMessage calls = %+v, want three, numbered, with the token and the form", posts)
	}
	if got := Methods(s.All()); len(got) != 7 || got[0] != "auth.test" {
		t.Errorf("methods called = %v, want all seven calls in order", got)
	}
}

// TestSocketRoundTrip: slack-go's Socket Mode client connects to the fake,
// gets an envelope and acks it with a payload, which Send returns; its Web
// API calls land in the same Server as over HTTP.
func TestSocketRoundTrip(t *testing.T) {
	t.Parallel()
	s := NewSocket(t)
	api := slack.New("xoxb-fake", slack.OptionAPIURL(s.APIURL()), slack.OptionAppLevelToken("xapp-fake"))
	client := socketmode.New(api)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- client.RunContext(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
	go func() {
		for ev := range client.Events {
			if ev.Type == socketmode.EventTypeSlashCommand {
				_, _, _ = api.PostMessageContext(ctx, "C1", slack.MsgOptionText("gesehen", false))
				client.Ack(*ev.Request, map[string]any{"text": "ok"})
			}
		}
	}()
	ack := s.Send(t, "slash_commands", "env-1", []byte(`{"command":"/engagiert","text":"hallo"}`), `,"accepts_response_payload":true`)
	if p, _ := ack["payload"].(map[string]any); p["text"] != "ok" {
		t.Errorf("ack = %v, want the payload the client acked with", ack)
	}
	s.WaitFor(t, "the client's post", func(cs []Call) bool { return len(cs) > 0 && cs[len(cs)-1].Method == "chat.postMessage" })
	if !strings.HasPrefix(s.Hooks(), strings.TrimSuffix(s.APIURL(), "/")) {
		t.Errorf("Hooks() = %s, want it on the API's host %s", s.Hooks(), s.APIURL())
	}
}
