package main

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/engagiert/engagiert/internal/slackapp/slackapptest"
)

// TestServeAssistantLinksManners drives the whole program in HTTP mode,
// black-box, against a recording fake Web API: the AI-app split view, link
// cards for the networks' sites, and silence on small talk in a thread.
func TestServeAssistantLinksManners(t *testing.T) {
	t.Parallel()
	api := newFixtureSlack(t)
	b := startServe(t, map[string]string{"SLACK_API_URL": api.APIURL()}, nil)
	send := func(eventID string, inner map[string]any) {
		t.Helper()
		body, _ := json.Marshal(map[string]any{"token": "t", "team_id": "T1", "api_app_id": "A1", "type": "event_callback",
			"event_id": eventID, "event_time": time.Now().Unix(), "event": inner})
		b.deliver(t, body, 0)
	}
	// The split view: prompts, then a question with its status first.
	const dm, thread = "D0ASSIST1", "1726133698.626339"
	send("EvS1", map[string]any{"type": "assistant_thread_started", "event_ts": "1726133698.665188",
		"assistant_thread": map[string]any{"user_id": "W222", "channel_id": dm, "thread_ts": thread, "context": map[string]any{"channel_id": "C222"}}})
	cs := api.WaitFor(t, "suggested prompts", func(cs []slackapptest.Call) bool {
		return slices.ContainsFunc(cs, func(c slackapptest.Call) bool { return c.Method == "assistant.threads.setSuggestedPrompts" })
	})
	for _, c := range cs {
		if c.Method != "assistant.threads.setSuggestedPrompts" {
			continue
		}
		var ps []struct{ Title, Message string }
		if err := json.Unmarshal([]byte(c.Form.Get("prompts")), &ps); err != nil || len(ps) < 2 || len(ps) > 4 || ps[0].Title == "" || ps[0].Message == "" {
			t.Errorf("prompts %s, want 2 to 4 with title and message", c.Form.Get("prompts"))
		}
	}
	im := func(eventID, ts, text string) map[string]any {
		return map[string]any{"type": "message", "user": "W222", "text": text, "ts": ts, "event_ts": ts,
			"thread_ts": thread, "parent_user_id": "W222", "channel": dm, "channel_type": "im"}
	}
	send("EvS2", im("EvS2", "1726133700.000001", "Ist Lemgo eine Engagierte Stadt?"))
	cs = api.WaitFor(t, "the answer in the assistant thread", func(cs []slackapptest.Call) bool { return len(postsIn(cs, dm, thread)) == 1 })
	status := slices.IndexFunc(cs, func(c slackapptest.Call) bool { return c.Method == "assistant.threads.setStatus" })
	post := slices.IndexFunc(cs, func(c slackapptest.Call) bool { return c.Method == "chat.postMessage" })
	if status < 0 || status > post || cs[status].Form.Get("status") == "" {
		t.Errorf("calls %v, want setStatus before the answer", slackapptest.Methods(cs))
	}
	if p := postsIn(cs, dm, thread)[0].Form.Get("text"); !strings.Contains(p, "Lemgo") {
		t.Errorf("answer %q, want Lemgo's", p)
	}
	send("EvS3", im("EvS3", "1726133701.000001", "seit wann?"))
	cs = api.WaitFor(t, "the follow-up's answer", func(cs []slackapptest.Call) bool { return len(postsIn(cs, dm, thread)) == 2 })
	if p := postsIn(cs, dm, thread)[1].Form.Get("text"); !strings.Contains(p, "Lemgo") || !strings.Contains(p, "20") {
		t.Errorf("follow-up answer %q, want Lemgo's year: the thread keeps its subject", p)
	}

	// Link cards for the networks' sites, none for other domains.
	links := []map[string]any{{"url": "https://www.engagiertestadt.de/2022/06/14/wir-wachsen-auf-113-engagierte-staedte/", "domain": "engagiertestadt.de"},
		{"url": "https://staedtepartnerschaftennrw.org/", "domain": "staedtepartnerschaftennrw.org"},
		{"url": "https://example.org/", "domain": "example.org"}}
	send("EvS4", map[string]any{"type": "link_shared", "channel": "C0LINKS", "user": "W222", "message_ts": "1726133702.000001", "links": links, "event_ts": "1726133702.000002"})
	cs = api.WaitFor(t, "chat.unfurl", func(cs []slackapptest.Call) bool {
		return slices.ContainsFunc(cs, func(c slackapptest.Call) bool { return c.Method == "chat.unfurl" })
	})
	for _, c := range cs {
		if c.Method != "chat.unfurl" {
			continue
		}
		var unfurls map[string]json.RawMessage
		_ = json.Unmarshal([]byte(c.Form.Get("unfurls")), &unfurls)
		if len(unfurls) != 2 || !strings.Contains(string(unfurls[links[0]["url"].(string)]), "Engagierte Stadt") ||
			!strings.Contains(string(unfurls[links[1]["url"].(string)]), "Städtepartnerschaften") {
			t.Errorf("unfurls %s, want a card for each network's URL and none for example.org", c.Form.Get("unfurls"))
		}
	}

	// Manners: in a channel thread the bot answered in, small talk gets no reply.
	const ch, root = "C0THREAD1", "1726133800.000001"
	send("EvS5", map[string]any{"type": "app_mention", "user": "W222", "text": "<@" + fixtureBot + "> Ist Bielefeld im RegioPole-Netzwerk?",
		"ts": root, "channel": ch, "event_ts": root})
	api.WaitFor(t, "the mention's answer", func(cs []slackapptest.Call) bool { return len(postsIn(cs, ch, root)) == 1 })
	for i, text := range []string{"Danke!", "ok", "passt", ":+1:", "👍", "haha", "<@U0ANNA12> kannst du das prüfen?"} {
		ts := "1726133801.00000" + string(rune('1'+i))
		send("EvS6-"+ts, map[string]any{"type": "message", "user": "W222", "text": text, "ts": ts, "event_ts": ts,
			"thread_ts": root, "parent_user_id": "W222", "channel": ch, "channel_type": "channel"})
	}
	send("EvS7", map[string]any{"type": "message", "user": "W222", "text": "seit wann?", "ts": "1726133802.000001", "event_ts": "1726133802.000001",
		"thread_ts": root, "parent_user_id": "W222", "channel": ch, "channel_type": "channel"})
	api.WaitFor(t, "the real follow-up's answer", func(cs []slackapptest.Call) bool { return len(postsIn(cs, ch, root)) >= 2 })
	time.Sleep(200 * time.Millisecond) // small talk sent earlier has long been handled
	cs = api.All()
	if ps := postsIn(cs, ch, root); len(ps) != 2 || !strings.Contains(ps[1].Form.Get("text"), "2016") {
		t.Errorf("%d answers in the thread, want the mention's and the follow-up's (RegioPole since 2016), none to small talk", len(ps))
	}
	if !slices.ContainsFunc(cs, func(c slackapptest.Call) bool { return c.Method == "reactions.add" && c.Form.Get("channel") == ch }) {
		t.Error("no reaction to the thank-you")
	}
}

// postsIn are the chat.postMessage calls to channel in thread.
func postsIn(cs []slackapptest.Call, channel, thread string) []slackapptest.Call {
	var out []slackapptest.Call
	for _, c := range cs {
		if c.Method == "chat.postMessage" && c.Form.Get("channel") == channel && c.Form.Get("thread_ts") == thread {
			out = append(out, c)
		}
	}
	return out
}
