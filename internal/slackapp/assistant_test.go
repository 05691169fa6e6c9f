package slackapp

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/domain/domaintest"
	"github.com/engagiert/engagiert/internal/slackapp/apicheck"
	"github.com/engagiert/engagiert/internal/slackapp/blocks"
	"github.com/engagiert/engagiert/internal/slackapp/slackapptest"
)

// The AI-app split view, link cards and manners in threads, driven the same
// way over HTTP and over Socket Mode (a driver each).

// driver sends Slack's payloads to an App and waits until they are handled.
type driver struct {
	app   *App
	slack *slackapptest.Server
	asker *convAsker
	// event delivers an Events API body and waits for its work.
	event func(t *testing.T, body []byte)
	// interact delivers an interaction payload (JSON) and returns the
	// response body (HTTP) or the ack's payload (Socket Mode).
	interact func(t *testing.T, payload []byte) []byte
}

// testCommands are kinds of question with examples, as answer.Commands gives them.
var testCommands = []domain.Command{
	{What: "Hilfe: was ich kann", Examples: []string{"hilfe"}},
	{What: "Ein Ort: wo er liegt, seine Netzwerke", InHelp: true, Examples: []string{"Bielefeld"}},
	{What: "Ja/Nein: ist ein Ort Mitglied", InHelp: true, Examples: []string{"Ist Lemgo eine Engagierte Stadt?"}},
	{What: "Zahlen, auch frühere", InHelp: true, Examples: []string{"Wie viele Engagierte Städte gibt es?"}},
	{What: "Gründung eines Netzwerks: wann, wo", InHelp: true, Examples: []string{"Wann wurde RegioPole gegründet?"}},
	{What: "Mitgliederlisten", InHelp: true, Examples: []string{"Welche NRW-Städte sind Engagierte Stadt?"}},
}

// sitesBase is a base whose networks have websites, for link cards.
var sitesBase = domaintest.NewBase([]domain.Network{
	{ID: "engagierte-stadt", Name: "Netzwerkprogramm „Engagierte Stadt“", ShortName: "Engagierte Stadt", Website: "https://www.engagiertestadt.de",
		Kind: "Netzwerkprogramm", Scope: "bundesweit",
		Description: domain.Fact{Text: "Ein bundesweites Netzwerk von Städten, die Engagement fördern. Gegründet 2015."},
		Counts:      []domain.Count{{Value: "113", Text: "Engagierte Städte", Stand: domain.Date{Year: 2022}}}},
	{ID: "staedtepartnerschaften-nrw", Name: "Netzwerkstelle Städtepartnerschaften NRW", ShortName: "Städtepartnerschaften NRW",
		Website: "https://staedtepartnerschaftennrw.org/", Description: domain.Fact{Text: "Die Netzwerkstelle berät Kommunen in NRW zu ihren Partnerschaften."},
		Members: []domain.Membership{{Place: "bi"}, {Place: "pb"}}},
}, []domain.Place{{ID: "bi", Name: "Bielefeld"}, {ID: "pb", Name: "Paderborn"}}, nil, "v-sites")

func assistantConfig(c *Config) {
	c.Commands = testCommands
	c.Knowledge = func() (*domain.Base, time.Time) { return sitesBase, time.Now() }
}

func httpDriver(t *testing.T) *driver {
	asker := framedAnswers()
	f := convSetup(t, asker, assistantConfig)
	f.app.cfg.Commands = testCommands
	return &driver{app: f.app, slack: f.slack, asker: asker,
		event: f.event,
		interact: func(t *testing.T, payload []byte) []byte {
			rec := f.post(t, "/slack/interactions", "application/x-www-form-urlencoded",
				[]byte(url.Values{"payload": {string(payload)}}.Encode()), nil)
			if rec.Code != http.StatusOK {
				t.Fatalf("POST /slack/interactions = %d %s", rec.Code, rec.Body)
			}
			f.wait(t)
			return rec.Body.Bytes()
		}}
}

func socketDriver(t *testing.T) *driver {
	s := slackapptest.NewSocket(t)
	asker := framedAnswers()
	app := socketApp(t, s, asker, nil, assistantConfig)
	var n atomic.Int64
	wait := func(t *testing.T) {
		// Envelopes are dispatched one after the other: once a later one
		// is acked, the work of the earlier ones has been started.
		s.Send(t, "events_api", "env-barrier-"+strconv.FormatInt(n.Add(1), 10),
			[]byte(`{"type":"event_callback","event_id":"EvBarrier`+strconv.FormatInt(n.Load(), 10)+`","event":{"type":"reaction_added"}}`), "")
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := app.Wait(ctx); err != nil {
			t.Fatalf("background work did not finish: %v", err)
		}
	}
	return &driver{app: app, slack: s.Server, asker: asker,
		event: func(t *testing.T, body []byte) {
			s.Send(t, "events_api", "env-"+strconv.FormatInt(n.Add(1), 10), body, "")
			wait(t)
		},
		interact: func(t *testing.T, payload []byte) []byte {
			ack := s.Send(t, "interactive", "env-"+strconv.FormatInt(n.Add(1), 10), payload, `,"accepts_response_payload":true`)
			wait(t)
			if ack["payload"] == nil {
				return nil
			}
			b, _ := json.Marshal(ack["payload"])
			return b
		}}
}

// forBoth runs a scenario over HTTP and over Socket Mode.
func forBoth(t *testing.T, scenario func(t *testing.T, d *driver)) {
	t.Run("http", func(t *testing.T) { scenario(t, httpDriver(t)) })
	t.Run("socket", func(t *testing.T) { scenario(t, socketDriver(t)) })
}

// callback wraps an inner event as Slack's event_callback.
func callback(eventID string, inner map[string]any) []byte {
	b, _ := json.Marshal(map[string]any{"token": "t", "team_id": "T111", "api_app_id": "A111", "type": "event_callback",
		"event_id": eventID, "event_time": 1726133698, "event": inner})
	return b
}

// assistantThreadEvent is assistant_thread_started or _context_changed,
// shaped as in bolt-python's scenario tests.
func assistantThreadEvent(eventID, typ, channel, thread, contextChannel string) []byte {
	return callback(eventID, map[string]any{"type": typ, "event_ts": "1726133698.665188",
		"assistant_thread": map[string]any{"user_id": "W222", "channel_id": channel, "thread_ts": thread,
			"context": map[string]any{"channel_id": contextChannel, "team_id": "T111", "enterprise_id": "E111"}}})
}

// imThreadMessage is a user's message in a thread of the bot's DM.
func imThreadMessage(eventID, channel, thread, ts, text string) []byte {
	return callback(eventID, map[string]any{"type": "message", "user": "W222", "text": text, "ts": ts, "event_ts": ts,
		"thread_ts": thread, "parent_user_id": "W222", "channel": channel, "channel_type": "im"})
}

// methods are the methods called, but conversations.info (a look-up, no reply).
func methods(calls []slackapptest.Call) []string {
	var out []string
	for _, c := range calls {
		if c.Method != "conversations.info" {
			out = append(out, c.Method)
		}
	}
	return out
}

func TestAssistantThread(t *testing.T) {
	t.Parallel()
	forBoth(t, func(t *testing.T, d *driver) {
		const dm, thread = "D111", "1726133698.626339"
		d.event(t, assistantThreadEvent("EvA1", "assistant_thread_started", dm, thread, "C222"))
		prompts := d.slack.Calls("assistant.threads.setSuggestedPrompts")
		if len(prompts) != 1 {
			t.Fatalf("setSuggestedPrompts calls %v, want one", prompts)
		}
		var ps []struct{ Title, Message string }
		if err := json.Unmarshal([]byte(prompts[0].Form.Get("prompts")), &ps); err != nil || len(ps) < 2 || len(ps) > 4 {
			t.Fatalf("prompts %s, want 2 to 4 (%v)", prompts[0].Form.Get("prompts"), err)
		}
		for _, p := range ps {
			if p.Title == "" || p.Message == "" || p.Message == "hilfe" {
				t.Errorf("prompt %+v, want a title and an example question", p)
			}
		}
		if p := prompts[0].Form; p.Get("channel_id") != dm || p.Get("thread_ts") != thread {
			t.Errorf("prompts set in %s/%s, want %s/%s", p.Get("channel_id"), p.Get("thread_ts"), dm, thread)
		}

		// A question: the status first, then the answer in the thread, then the title.
		before := len(d.slack.All())
		d.event(t, imThreadMessage("EvA2", dm, thread, "1726133700.000025", "Ist Bielefeld dabei?"))
		got := methods(d.slack.All()[before:])
		want := []string{"assistant.threads.setStatus", "chat.postMessage", "assistant.threads.setTitle"}
		if !slices.Equal(got, want) {
			t.Fatalf("calls %v, want %v", got, want)
		}
		calls := slices.DeleteFunc(d.slack.All()[before:], func(c slackapptest.Call) bool { return c.Method == "conversations.info" })
		if s := calls[0].Form; s.Get("status") != assistantStatus || s.Get("thread_ts") != thread {
			t.Errorf("status %v, want %q in the thread", s, assistantStatus)
		}
		if p := calls[1].Form; p.Get("channel") != dm || p.Get("thread_ts") != thread || !strings.Contains(p.Get("text"), "Antwort zu Bielefeld") {
			t.Errorf("answer %v, want it in the assistant thread", p)
		}
		if !strings.Contains(calls[1].Form.Get("blocks"), blocks.ActionFeedbackUp) {
			t.Error("the assistant's answer lacks the feedback buttons every answer has")
		}
		if title := calls[2].Form.Get("title"); title != "Ist Bielefeld dabei?" {
			t.Errorf("title %q, want the first question", title)
		}

		// "seit wann?" keeps the thread's subject; no second title.
		before = len(d.slack.All())
		d.event(t, imThreadMessage("EvA3", dm, thread, "1726133701.000026", "seit wann?"))
		got = methods(d.slack.All()[before:])
		if !slices.Equal(got, []string{"assistant.threads.setStatus", "chat.postMessage"}) {
			t.Errorf("follow-up calls %v, want status and answer", got)
		}
		asked := d.asker.got()
		if last := asked[len(asked)-1]; last != (askCall{"seit wann?", "subject=Bielefeld", true}) {
			t.Errorf("asked %+v, want the follow-up after the thread's frame", last)
		}
		if p := d.slack.Calls("chat.postMessage"); !strings.Contains(p[len(p)-1].Form.Get("text"), "Antwort zu Bielefeld: seit wann?") {
			t.Errorf("follow-up answer %q, want Bielefeld's", p[len(p)-1].Form.Get("text"))
		}

		// Thanks in the assistant thread: a reaction, no answer.
		before = len(d.slack.All())
		d.event(t, imThreadMessage("EvA4", dm, thread, "1726133702.000027", "Danke!"))
		if got := methods(d.slack.All()[before:]); !slices.Equal(got, []string{"reactions.add"}) {
			t.Errorf("thanks: calls %v, want only a reaction", got)
		}
	})
}

// The channel beside the split view fills in what the first question
// leaves open, and only that.
func TestAssistantChannelContext(t *testing.T) {
	t.Parallel()
	forBoth(t, func(t *testing.T, d *driver) {
		const dm = "D111"
		d.event(t, assistantThreadEvent("EvC1", "assistant_thread_started", dm, "1726133800.000001", "CGENERAL"))
		d.event(t, assistantThreadEvent("EvC2", "assistant_thread_context_changed", dm, "1726133800.000001", "CPADERBORN"))
		d.event(t, imThreadMessage("EvC3", dm, "1726133800.000001", "1726133801.000001", "seit wann?"))
		asked := d.asker.got()
		if last := asked[len(asked)-1]; last != (askCall{"seit wann?", "subject=Paderborn", true}) {
			t.Errorf("asked %+v, want the open question read in #paderborn's context", last)
		}
		// A question that names its own subject stands alone.
		d.event(t, assistantThreadEvent("EvC4", "assistant_thread_started", dm, "1726133900.000001", "CPADERBORN"))
		d.event(t, imThreadMessage("EvC5", dm, "1726133900.000001", "1726133901.000001", "Ist Lemgo dabei?"))
		p := d.slack.Calls("chat.postMessage")
		if got := p[len(p)-1].Form.Get("text"); !strings.Contains(got, "Antwort zu Lemgo") {
			t.Errorf("answer %q, want Lemgo's: the channel must not override the question", got)
		}
		// A channel that names nothing the base knows adds nothing.
		d.event(t, assistantThreadEvent("EvC6", "assistant_thread_started", dm, "1726134000.000001", "CGENERAL"))
		d.event(t, imThreadMessage("EvC7", dm, "1726134000.000001", "1726134001.000001", "seit wann?"))
		asked = d.asker.got()
		if last := asked[len(asked)-1]; last != (askCall{"seit wann?", "", false}) {
			t.Errorf("asked %+v, want no context from #allgemein", last)
		}
	})
}

func linkShared(eventID string, urls ...string) []byte {
	var links []map[string]any
	for _, u := range urls {
		p, _ := url.Parse(u)
		links = append(links, map[string]any{"url": u, "domain": strings.TrimPrefix(p.Host, "www.")})
	}
	return callback(eventID, map[string]any{"type": "link_shared", "channel": "C123ABC456", "user": "U061F7AUR",
		"message_ts": "1726134100.000100", "thread_ts": "", "links": links, "event_ts": "1726134100.000101"})
}

func TestLinkCards(t *testing.T) {
	t.Parallel()
	forBoth(t, func(t *testing.T, d *driver) {
		const es, sp = "https://www.engagiertestadt.de/2022/06/14/wir-wachsen/", "https://staedtepartnerschaftennrw.org/tag-der-staedtepartnerschaften"
		d.event(t, linkShared("EvL1", es, sp, "https://example.org/x"))
		calls := d.slack.Calls("chat.unfurl")
		if len(calls) != 1 {
			t.Fatalf("chat.unfurl calls %v, want one", calls)
		}
		if c := calls[0].Form; c.Get("channel") != "C123ABC456" || c.Get("ts") != "1726134100.000100" {
			t.Errorf("unfurl of %s/%s, want the message's channel and ts", c.Get("channel"), c.Get("ts"))
		}
		var unfurls map[string]struct {
			Blocks []map[string]any `json:"blocks"`
		}
		if err := json.Unmarshal([]byte(calls[0].Form.Get("unfurls")), &unfurls); err != nil {
			t.Fatal(err)
		}
		if len(unfurls) != 2 {
			t.Errorf("cards for %d links, want 2 (none for example.org)", len(unfurls))
		}
		for u, want := range map[string][]string{es: {"Engagierte Stadt", "113 Engagierte Städte", "Frag mich"},
			sp: {"Städtepartnerschaften NRW", "berät Kommunen", "namentlich bekannt: 2", "Frag mich"}} {
			card, _ := json.Marshal(unfurls[u])
			for _, w := range want {
				if !strings.Contains(string(card), w) {
					t.Errorf("card for %s lacks %q: %s", u, w, card)
				}
			}
		}
		d.event(t, linkShared("EvL2", "https://example.org/engagiertestadt.de"))
		if n := len(d.slack.Calls("chat.unfurl")); n != 1 {
			t.Errorf("a link to an unknown domain got a card (%d unfurls)", n)
		}
	})
}

// In a thread the bot answered in, it stays silent on what is no question,
// answers a real follow-up, and answers no message twice.
func TestThreadManners(t *testing.T) {
	t.Parallel()
	forBoth(t, func(t *testing.T, d *driver) {
		d.event(t, testdata(t, "app_mention.json"))
		if n := len(d.slack.Calls("chat.postMessage")); n != 1 {
			t.Fatalf("mention: %d posts", n)
		}
		silent := []struct{ kind, text string }{
			{"thanks", "Danke!"}, {"thanks", "Super, vielen Dank dir 🙏"}, {"ack", "ok"}, {"ack", "passt"},
			{"emoji shortcode", ":+1:"}, {"emoji", "👍🎉"}, {"laughter", "hahaha"},
			{"to someone else", "<@U0ANNA12> kannst du das prüfen?"},
		}
		for i, s := range silent {
			d.event(t, channelMessage(t, fmt.Sprintf("EvM%d", i), s.text, mentionTS, "U061F7AUR"))
		}
		if n := len(d.slack.Calls("chat.postMessage")); n != 1 {
			t.Errorf("%d posts after small talk, want no reply to any of %v", n-1, silent)
		}
		if n := len(d.asker.got()); n != 1 {
			t.Errorf("asked %d times, want small talk never asked", n)
		}
		if rs := d.slack.Calls("reactions.add"); len(rs) != 2 || rs[0].Form.Get("name") == "" || rs[0].Form.Get("channel") != mentionChannel {
			t.Errorf("reactions %v, want one to each thank-you", rs)
		}
		// A real follow-up in the same thread is still answered, once.
		body := channelMessage(t, "EvM-q", "seit wann?", mentionTS, "U061F7AUR")
		d.event(t, body)
		again := []byte(strings.Replace(string(body), "EvM-q", "EvM-q-again", 1))
		d.event(t, again)
		posts := d.slack.Calls("chat.postMessage")
		if len(posts) != 2 || !strings.Contains(posts[1].Form.Get("text"), "Antwort zu Bielefeld: seit wann?") {
			t.Errorf("posts %d, want the follow-up answered once with the thread's subject", len(posts))
		}
	})
}

func TestClassify(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		text string
		want remark
	}{
		{"Danke!", remarkThanks}, {"danke dir", remarkThanks}, {"Vielen Dank für die Info", remarkThanks},
		{"thanks a lot", remarkThanks}, {"ok", remarkAck}, {"Passt.", remarkAck}, {"alles klar", remarkAck},
		{"hahaha", remarkLaughter}, {"lol", remarkLaughter}, {":+1:", remarkEmoji}, {"🙏", remarkEmoji},
		{"<@U0ANNA12> kannst du das prüfen?", remarkToOther}, {"<@" + botID + "> und Lemgo?", remarkQuestion},
		{"seit wann?", remarkQuestion}, {"ok, und Paderborn?", remarkQuestion}, {"Danke! Und wer leitet das?", remarkQuestion},
		{"Bielefeld", remarkQuestion}, {"hilfe", remarkQuestion}, {"", remarkQuestion},
	} {
		if got := classify(tt.text, botID); got != tt.want {
			t.Errorf("classify(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// A follow-up sent while the answer is still being posted finds the
// thread: it is registered before chat.postMessage.
func TestFollowUpWhileAnswerPosts(t *testing.T) {
	t.Parallel()
	asker := framedAnswers()
	f := convSetup(t, asker, nil)
	release := make(chan struct{})
	var posts atomic.Int64
	f.slack.Handle("chat.postMessage", func(w http.ResponseWriter, r *http.Request, c slackapptest.Call) bool {
		if posts.Add(1) == 1 {
			select { // the first answer hangs until the follow-up's answer came
			case <-release:
			case <-time.After(5 * time.Second):
			}
		} else {
			close(release)
		}
		return false
	})
	if rec := f.post(t, "/slack/events", "application/json", testdata(t, "app_mention.json"), nil); rec.Code != http.StatusOK {
		t.Fatal(rec.Code)
	}
	eventually(t, "the first answer being posted", func() bool { return posts.Load() == 1 })
	f.event(t, channelMessage(t, "EvWhile", "seit wann?", mentionTS, "U061F7AUR"))
	if n := posts.Load(); n != 2 {
		t.Fatalf("%d posts, want the follow-up answered while the first answer was posted", n)
	}
	if calls := asker.got(); len(calls) != 2 || calls[1] != (askCall{"seit wann?", "subject=Bielefeld", true}) {
		t.Errorf("asked %+v, want the follow-up with the thread's frame", calls)
	}
}

// modalSubmit is a view_submission of the answer modal with question q.
func modalSubmit(q string) []byte {
	b, _ := json.Marshal(map[string]any{"type": "view_submission", "team": map[string]any{"id": "T1"},
		"user": map[string]any{"id": "UA8RXUSPL", "team_id": "T1"}, "api_app_id": "A1", "trigger_id": "1.2.3",
		"view": map[string]any{"id": "VMODAL1", "type": "modal", "callback_id": blocks.CallbackModal, "hash": "1.a",
			"state": map[string]any{"values": map[string]any{blocks.HomeQuestionBlockID: map[string]any{
				blocks.ActionQuestion: map[string]any{"type": "plain_text_input", "value": q}}}}}})
	return b
}

func TestModalSubmission(t *testing.T) {
	t.Parallel()
	forBoth(t, func(t *testing.T, d *driver) {
		body := d.interact(t, modalSubmit("Ist Bielefeld dabei?"))
		if err := apicheck.Response(body); err != nil {
			t.Errorf("view_submission response: %v", err)
		}
		var r struct {
			ResponseAction string          `json:"response_action"`
			View           json.RawMessage `json:"view"`
		}
		if err := json.Unmarshal(body, &r); err != nil || r.ResponseAction != "update" || !strings.Contains(string(r.View), "Antwort zu Bielefeld") {
			t.Errorf("response %s, want the next answer as response_action update", body)
		}
		body = d.interact(t, modalSubmit("  "))
		if !strings.Contains(string(body), `"response_action":"errors"`) || !strings.Contains(string(body), blocks.HomeQuestionBlockID) {
			t.Errorf("empty question: response %s, want an inline error", body)
		}
	})
}
