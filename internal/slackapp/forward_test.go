package slackapp

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/engagiert/engagiert/internal/slackapp/blocks"
	"github.com/engagiert/engagiert/internal/slackapp/slackapptest"
)

const curators = "CCURATOR1"

// forwardClick is a click on the forward button of value, by UA8RXUSPL.
func forwardClick(t *testing.T, hook, value string) []byte {
	payload := testdata(t, "block_actions.json",
		"https://hooks.slack.com", hook,
		`"ACTION_ID"`, strconv.Quote(blocks.ActionForward),
		`"ACTION_VALUE"`, strconv.Quote(value),
		`"is_ephemeral": true`, `"is_ephemeral": false`)
	return []byte(url.Values{"payload": {string(payload)}}.Encode())
}

// curatorReply is a reply in the curators' channel, in the thread of post
// ts; the same text is the same message (one ts), however often delivered.
func curatorReply(t *testing.T, eventID, text, thread string) []byte {
	b := channelMessage(t, eventID, text, thread, botID)
	b = bytes.Replace(b, []byte(mentionChannel), []byte(curators), 1)
	b = bytes.Replace(b, []byte(`"U061F7AUR"`), []byte(`"UCURATOR1"`), 1)
	var env map[string]any
	if err := json.Unmarshal(b, &env); err != nil {
		t.Fatal(err)
	}
	ev := env["event"].(map[string]any)
	ts := fmt.Sprintf("1700000009.%06d", len(text))
	ev["ts"], ev["event_ts"] = ts, ts
	b, _ = json.Marshal(env)
	return b
}

// buttonValue finds the value of the button actionID in a posted message's blocks.
func buttonValue(t *testing.T, blocksJSON, actionID string) string {
	t.Helper()
	var bs []map[string]any
	if err := json.Unmarshal([]byte(blocksJSON), &bs); err != nil {
		t.Fatal(err)
	}
	for _, b := range bs {
		els, _ := b["elements"].([]any)
		for _, e := range els {
			if em, _ := e.(map[string]any); em["action_id"] == actionID {
				v, _ := em["value"].(string)
				return v
			}
		}
	}
	return ""
}

func TestForwardAndRelay(t *testing.T) {
	t.Parallel()
	f := convSetup(t, framedAnswers(), func(c *Config) { c.CuratorChannel = curators })
	mention := strings.Replace(string(testdata(t, "app_mention.json")), "is it everything a river should be?", "Wer backt den Kuchen?", 1)
	f.event(t, []byte(mention))
	posts := f.slack.Calls("chat.postMessage")
	if len(posts) != 1 {
		t.Fatalf("posts %v", posts)
	}
	value := buttonValue(t, posts[0].Form.Get("blocks"), blocks.ActionForward)
	if !strings.Contains(posts[0].Form.Get("blocks"), "An die Redaktion weitergeben") || value == "" {
		t.Fatalf("unanswered mention: %s, want the forward button", posts[0].Form.Get("blocks"))
	}

	// Five clicks (an impatient asker, a slow Slack): one post.
	for range 5 {
		f.post(t, "/slack/interactions", "application/x-www-form-urlencoded", forwardClick(t, f.slack.Hooks(), value), nil)
	}
	f.wait(t)
	posts = f.slack.Calls("chat.postMessage")
	if len(posts) != 2 || posts[1].Form.Get("channel") != curators {
		t.Fatalf("posts %v, want the question in the curators' channel once", posts)
	}
	text := posts[1].Form.Get("text")
	for _, want := range []string{"Wer backt den Kuchen?", "<@UA8RXUSPL>", "<#" + mentionChannel + ">"} {
		if !strings.Contains(text, want) {
			t.Errorf("forwarded post %q lacks %q", text, want)
		}
	}
	// Each click replaces the answer's button with "weitergeleitet", in place.
	for _, h := range f.slack.Calls("response_url") {
		b := string(marshal(h.JSON["blocks"]))
		if h.JSON["replace_original"] != true || !strings.Contains(b, "weitergeleitet") || strings.Contains(b, blocks.ActionForward) {
			t.Errorf("response_url call %v, want the answer with the button replaced by the note", h.JSON)
		}
	}
	if n := len(f.slack.Calls("response_url")); n != 5 {
		t.Errorf("%d response_url calls, want one per click", n)
	}
	if got := counterValue(t, f.app.metrics.forwarded); got != 1 {
		t.Errorf("forwarded_questions_total = %v, want 1", got)
	}

	// A curator replies in the post's thread; Slack may deliver the reply
	// twice (a retry with a new event, or a reply that mentions the bot).
	forwardTS := "1700000000.000100" // the fake Slack's ts of every post
	f.event(t, curatorReply(t, "EvCUR1", "Die Bäckerei Müller <!channel>, siehe <https://example.org/kuchen|Kuchenplan>", forwardTS))
	f.event(t, curatorReply(t, "EvCUR2", "Die Bäckerei Müller <!channel>, siehe <https://example.org/kuchen|Kuchenplan>", forwardTS))
	posts = f.slack.Calls("chat.postMessage")
	if len(posts) != 3 {
		t.Fatalf("%d posts, want the reply relayed once: %v", len(posts), posts)
	}
	relayed := posts[2].Form
	if relayed.Get("channel") != mentionChannel || relayed.Get("thread_ts") != mentionTS {
		t.Errorf("relayed to %s thread %s, want the original thread %s %s", relayed.Get("channel"), relayed.Get("thread_ts"), mentionChannel, mentionTS)
	}
	if got := relayed.Get("text"); !strings.Contains(got, "Die Bäckerei Müller") || !strings.Contains(got, "siehe <https://example.org/kuchen|example.org>") ||
		strings.Contains(got, "<!channel>") || strings.Contains(got, "Kuchenplan") || !strings.Contains(got, "Wer backt den Kuchen?") {
		t.Errorf("relayed %q, want the reply with its link by its own address, the question, and no @channel", got)
	}
	if got := counterValue(t, f.app.metrics.relayed); got != 1 {
		t.Errorf("curator_replies_relayed_total = %v, want 1", got)
	}
	// A message in another thread of the curators' channel is not relayed,
	// nor answered as a follow-up.
	f.event(t, curatorReply(t, "EvCUR3", "Kaffee?", "1700000099.000001"))
	if n := len(f.slack.Calls("chat.postMessage")); n != 3 {
		t.Errorf("%d posts, want nothing for an unrelated thread", n)
	}
}

// A question forwarded from a slash command or DM is relayed by DM.
func TestForwardFromSlashRelaysByDM(t *testing.T) {
	t.Parallel()
	f := setup(t, func(c *Config) { c.CuratorChannel = curators; c.BotUserID = botID })
	rec := f.post(t, "/slack/commands", "application/x-www-form-urlencoded", slackapptest.SlashBody("Kuchen", f.slack.Hooks()+"/commands/1"), nil)
	f.wait(t)
	var r struct {
		Blocks json.RawMessage `json:"blocks"`
	}
	_ = json.Unmarshal(rec.Body.Bytes(), &r)
	value := buttonValue(t, string(r.Blocks), blocks.ActionForward)
	if value == "" || strings.Contains(string(r.Blocks), blocks.ActionShare) {
		t.Fatalf("unanswered slash response %s, want a forward button and no share button", r.Blocks)
	}
	f.post(t, "/slack/interactions", "application/x-www-form-urlencoded", forwardClick(t, f.slack.Hooks(), value), nil)
	f.wait(t)
	if text := f.slack.Calls("chat.postMessage")[0].Form.Get("text"); !strings.Contains(text, "in <#CBR2V3XEX>") {
		t.Errorf("forwarded %q, want where it was asked", text)
	}
	f.event(t, curatorReply(t, "EvCUR9", "Gibt es nicht.", "1700000000.000100"))
	posts := f.slack.Calls("chat.postMessage")
	if len(posts) != 2 || posts[1].Form.Get("channel") != "UA8RXUSPL" || posts[1].Form.Get("thread_ts") != "" {
		t.Errorf("posts %v, want the reply by DM to UA8RXUSPL", posts)
	}
	if v, _ := f.app.store.Get(context.Background(), forwardKey(curators, "1700000000.000100")); !strings.Contains(v, `"u":"UA8RXUSPL"`) {
		t.Errorf("forward state %q", v)
	}
}

// TestRelayLost: a curator replies to a forwarded question the Store no
// longer knows (expired, or Redis lost it): the reply is logged at WARN and
// the curators are told in the thread, once; a thread someone else started
// gets nothing.
func TestRelayLost(t *testing.T) {
	f := convSetup(t, framedAnswers(), func(c *Config) { c.CuratorChannel = curators })
	const root = "1700000050.000100"
	f.slack.Answer("conversations.replies", `{"ok":true,"messages":[{"type":"message","user":"`+botID+`","text":"Frage ohne Antwort von <@U1> in <#C1>: „Kuchen?“","ts":"`+root+`",`+
		`"metadata":{"event_type":"engagiert_forward","event_payload":{"v":1}}}]}`)
	f.event(t, curatorReply(t, "EvL1", "Die Antwort", root))
	f.event(t, curatorReply(t, "EvL2", "Noch eine Antwort", root))
	posts := f.slack.Calls("chat.postMessage")
	if len(posts) != 1 || posts[0].Form.Get("channel") != curators || posts[0].Form.Get("thread_ts") != root ||
		!strings.Contains(posts[0].Form.Get("text"), "nicht mehr weitergeben") {
		t.Fatalf("posts %v, want one notice in the curators' thread", posts)
	}
	if r := f.logs.Record("curator reply cannot be relayed: the forwarded question is no longer known (expired, or the store lost it)"); r == nil || r["level"] != "WARN" {
		t.Errorf("no WARN for the lost relay:\n%s", f.logs.String())
	}
	// A thread a curator started is none of the bot's business.
	f.event(t, bytes.Replace(channelMessage(t, "EvL3", "Kaffee?", "1700000060.000100", "UCURATOR2"), []byte(mentionChannel), []byte(curators), 1))
	if n := len(f.slack.Calls("chat.postMessage")); n != 1 {
		t.Errorf("%d posts, want nothing for a curator's own thread", n)
	}
}
