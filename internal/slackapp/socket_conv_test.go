package slackapp

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/slackapp/blocks"
	"github.com/engagiert/engagiert/internal/slackapp/slackapptest"
	"github.com/prometheus/client_golang/prometheus"
)

// socketApp runs an App in Socket Mode against s until the test ends, with
// testConfig's settings; its logs go to logs (nil: kept nowhere). The test
// fails if the App does not stop, or stops with an error, when it ends.
func socketApp(t *testing.T, s *slackapptest.Socket, asker domain.Asker, logs *syncBuffer, change func(*Config)) *App {
	t.Helper()
	if logs == nil {
		logs = &syncBuffer{}
	}
	cfg := testConfig(asker, s.APIURL(), logs, prometheus.NewRegistry())
	cfg.AppToken = "xapp-test"
	cfg.BotUserID = botID
	if change != nil {
		change(&cfg)
	}
	app, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- app.RunSocketMode(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("RunSocketMode = %v, want nil after cancel", err)
			}
		case <-time.After(5 * time.Second):
			t.Error("RunSocketMode did not stop")
		}
	})
	return app
}

// TestSocketModeConversations drives the conversation features over Socket
// Mode with the same documented payloads as the HTTP tests.
func TestSocketModeConversations(t *testing.T) {
	t.Parallel()
	s := slackapptest.NewSocket(t)
	asker := framedAnswers()
	app := socketApp(t, s, asker, nil, func(c *Config) { c.CuratorChannel = curators })
	n := 0
	send := func(typ string, payload []byte) {
		t.Helper()
		n++
		s.Send(t, typ, "env-c"+strconv.Itoa(n), payload, "")
	}
	waitPosts := func(t *testing.T, want int) []slackapptest.Call {
		t.Helper()
		eventually(t, strconv.Itoa(want)+" posts", func() bool { return len(s.Calls("chat.postMessage")) >= want })
		return s.Calls("chat.postMessage")
	}

	t.Run("follow-up in the bot's thread", func(t *testing.T) {
		send("events_api", testdata(t, "app_mention.json"))
		waitPosts(t, 1)
		eventually(t, "the thread remembered", func() bool {
			v, _ := app.store.Get(context.Background(), threadKey(mentionChannel, mentionTS))
			return v != ""
		})
		send("events_api", channelMessage(t, "EvS1", "Geheimnis im fremden Thread", "1515449999.000001", "U061F7AUR"))
		send("events_api", channelMessage(t, "EvS2", "seit wann?", mentionTS, "U061F7AUR"))
		posts := waitPosts(t, 2)
		if p := posts[1].Form; p.Get("thread_ts") != mentionTS || !strings.Contains(p.Get("text"), "Antwort zu Bielefeld: seit wann?") {
			t.Errorf("follow-up answer %v, want it in the thread with the thread's subject", p)
		}
		calls := asker.got()
		if len(calls) != 2 || calls[1] != (askCall{"seit wann?", "subject=Bielefeld", true}) {
			t.Errorf("asked %+v, want the follow-up after the thread's frame, the foreign thread not at all", calls)
		}
	})

	t.Run("file_share DM", func(t *testing.T) {
		im := strings.Replace(string(testdata(t, "message_im.json")), `"channel_type": "im"`,
			`"channel_type": "im", "subtype": "file_share", "files": [{"id": "F0123ABC", "name": "liste.pdf"}]`, 1)
		im = strings.Replace(im, "Hello hello can you hear me?", "Ist Lemgo dabei?", 1)
		send("events_api", []byte(im))
		posts := waitPosts(t, 3)
		if p := posts[2].Form; p.Get("channel") != "D024BE91L" || !strings.Contains(p.Get("text"), "Lemgo") {
			t.Errorf("file_share DM answer %v", p)
		}
	})

	t.Run("vote in place", func(t *testing.T) {
		for range 2 {
			send("interactive", testdata(t, "block_actions.json",
				"https://hooks.slack.com", s.Hooks(),
				`"ACTION_ID"`, strconv.Quote(blocks.ActionFeedbackUp), `"ACTION_VALUE"`, `"Bielefeld"`))
		}
		eventually(t, "two replacements", func() bool { return len(s.Calls("response_url")) == 2 })
		for _, h := range s.Calls("response_url") {
			if h.JSON["replace_original"] != true {
				t.Errorf("vote answered with %v, want replace_original", h.JSON)
			}
		}
		if got := counterValue(t, app.metrics.feedback.WithLabelValues("up")); got != 1 {
			t.Errorf("feedback up = %v, want 1 for two clicks of one user", got)
		}
	})

	t.Run("share with an expired response_url", func(t *testing.T) {
		s.Fail("response_url", 404, "expired_url")
		before := len(s.Calls("chat.postMessage"))
		send("interactive", testdata(t, "block_actions.json",
			"https://hooks.slack.com", s.Hooks(),
			`"ACTION_ID"`, strconv.Quote(blocks.ActionShare), `"ACTION_VALUE"`, `"Bielefeld"`))
		posts := waitPosts(t, before+1)
		if p := posts[before].Form; p.Get("channel") != "CBR2V3XEX" || !strings.Contains(p.Get("blocks"), "hat gefragt") {
			t.Errorf("shared by chat.postMessage: %v", p)
		}
		s.Reset("response_url")
	})

	t.Run("Home button opens a modal", func(t *testing.T) {
		send("interactive", testdata(t, "block_actions_view.json", "VIEW_ID", "VHOME0001", "VIEW_TYPE", "home",
			"ACTION_ID", blocks.ActionAskPrefix+"0", `"ACTION_FIELDS"`, `"type": "button", "value": "Bielefeld"`))
		eventually(t, "views.open", func() bool { return len(s.Calls("views.open")) == 1 })
	})

	t.Run("message shortcut", func(t *testing.T) {
		hooks := len(s.Calls("response_url"))
		send("interactive", testdata(t, "message_action.json", "https://hooks.slack.com", s.Hooks()))
		eventually(t, "the shortcut's answer", func() bool { return len(s.Calls("response_url")) == hooks+1 })
		if h := s.Calls("response_url")[hooks]; h.JSON["response_type"] != "ephemeral" || !strings.Contains(h.JSON["text"].(string), "Bielefeld") {
			t.Errorf("shortcut answer %v", h.JSON)
		}
	})

	t.Run("forward and relay", func(t *testing.T) {
		before := len(s.Calls("chat.postMessage"))
		value := blocks.ForwardRef{Question: "Wer backt den Kuchen?", Channel: mentionChannel, Thread: mentionTS}.Encode()
		send("interactive", testdata(t, "block_actions.json",
			"https://hooks.slack.com", s.Hooks(),
			`"ACTION_ID"`, strconv.Quote(blocks.ActionForward), `"ACTION_VALUE"`, strconv.Quote(value)))
		posts := waitPosts(t, before+1)
		if posts[before].Form.Get("channel") != curators {
			t.Fatalf("forwarded to %v", posts[before].Form)
		}
		eventually(t, "the forward remembered", func() bool {
			v, _ := app.store.Get(context.Background(), forwardKey(curators, "1700000000.000100"))
			return v != ""
		})
		send("events_api", curatorReply(t, "EvS9", "Die Bäckerei Müller.", "1700000000.000100"))
		posts = waitPosts(t, before+2)
		if p := posts[before+1].Form; p.Get("channel") != mentionChannel || p.Get("thread_ts") != mentionTS || !strings.Contains(p.Get("text"), "Bäckerei") {
			t.Errorf("relayed %v, want the reply in the original thread", p)
		}
	})
}
