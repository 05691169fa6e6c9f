package slackapp

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/engagiert/engagiert/internal/slackapp/blocks"
	"github.com/engagiert/engagiert/internal/slackapp/slackapptest"
)

func eventually(t *testing.T, what string, ok func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if ok() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

func TestSocketMode(t *testing.T) {
	t.Parallel()
	s := slackapptest.NewSocket(t)
	logs := &syncBuffer{}
	asker := &fakeAsker{ask: answerFor}
	app := socketApp(t, s, asker, logs, nil)

	t.Run("app_mention", func(t *testing.T) {
		mention := testdata(t, "app_mention.json")
		s.Send(t, "events_api", "env-1", mention, `,"accepts_response_payload":false,"retry_attempt":0,"retry_reason":""`)
		eventually(t, "the mention answer", func() bool { return len(s.Calls("chat.postMessage")) == 1 })
		p := s.Calls("chat.postMessage")[0].Form
		if p.Get("channel") != "C123ABC456" || p.Get("thread_ts") != "1515449522.000016" || !strings.Contains(p.Get("blocks"), "Bielefeld") {
			t.Errorf("posted %v, want the answer in the mention's thread", p)
		}
		checkMessage(t, "socket mention", p.Get("text"), json.RawMessage(p.Get("blocks")))
		// A retry of the same event is acked but not answered again.
		s.Send(t, "events_api", "env-2", mention, `,"accepts_response_payload":false,"retry_attempt":1,"retry_reason":"timeout"`)
		eventually(t, "the duplicate counted", func() bool { return counterValue(t, app.metrics.duplicates) == 1 })
		if n := len(s.Calls("chat.postMessage")); n != 1 {
			t.Errorf("retry answered: %d posts", n)
		}
	})

	t.Run("message.im", func(t *testing.T) {
		s.Send(t, "events_api", "env-3", testdata(t, "message_im.json"), "")
		eventually(t, "the DM answer", func() bool { return len(s.Calls("chat.postMessage")) == 2 })
		if p := s.Calls("chat.postMessage")[1].Form; p.Get("channel") != "D024BE91L" {
			t.Errorf("DM answer went to %s", p.Get("channel"))
		}
	})

	t.Run("app_home_opened", func(t *testing.T) {
		s.Send(t, "events_api", "env-4", testdata(t, "app_home_opened.json"), "")
		eventually(t, "views.publish", func() bool { return len(s.Calls("views.publish")) == 1 })
	})

	t.Run("slash_commands", func(t *testing.T) {
		// Socket Mode carries the slash command's fields as JSON.
		cmd := `{"token":"xyzz0WbapA4vBCDEFasx0q6G","team_id":"T1DC2JH3J","team_domain":"testteamnow","channel_id":"G8PSS9T3V","channel_name":"foobar","user_id":"U2CERLKJA","user_name":"roadrunner","command":"/engagiert","text":"Bielefeld","api_app_id":"A123ABC456","is_enterprise_install":"false","response_url":"` + s.Hooks() + `/commands/1","trigger_id":"398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"}`
		ack := s.Send(t, "slash_commands", "env-5", []byte(cmd), `,"accepts_response_payload":true`)
		payload, _ := ack["payload"].(map[string]any)
		if payload["response_type"] != "ephemeral" || !strings.Contains(fmt.Sprint(payload["text"]), "Bielefeld ist") {
			t.Fatalf("slash ack payload = %v, want the ephemeral answer", payload)
		}
		checkMessage(t, "socket slash", fmt.Sprint(payload["text"]), payload["blocks"])
		if !strings.Contains(string(marshal(payload["blocks"])), blocks.ActionShare) {
			t.Error("slash answer lacks the share button")
		}
	})

	t.Run("block_actions", func(t *testing.T) {
		payload := testdata(t, "block_actions.json",
			"https://hooks.slack.com", s.Hooks(),
			`"ACTION_ID"`, `"`+blocks.ActionFeedbackUp+`"`,
			`"ACTION_VALUE"`, `"Bielefeld"`)
		s.Send(t, "interactive", "env-6", payload, `,"accepts_response_payload":false`)
		eventually(t, "the feedback thank-you", func() bool { return len(s.Calls("response_url")) == 1 })
		if got := counterValue(t, app.metrics.feedback.WithLabelValues("up")); got != 1 {
			t.Errorf("feedback up = %v, want 1", got)
		}
	})

	if rs := logs.Records("socket mode connected"); len(rs) == 0 {
		t.Errorf("connection not logged")
	}
}
