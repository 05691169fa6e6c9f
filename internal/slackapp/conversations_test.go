package slackapp

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/slackapp/blocks"
	"github.com/engagiert/engagiert/internal/slackapp/blocks/blockstest"
	"github.com/engagiert/engagiert/internal/slackapp/slackapptest"
	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"
)

// askCall is one question a convAsker got, with the frame it was asked after.
type askCall struct {
	Question, Prev string
	FollowUp       bool
}

// convAsker is a domain.Asker and domain.FollowUpAsker with function
// fields: it records every question and the previous frame it came with.
type convAsker struct {
	ask      func(ctx context.Context, q string) domain.Answer
	followUp func(ctx context.Context, q, prev string) domain.Answer

	mu    sync.Mutex
	calls []askCall
}

var (
	_ domain.Asker         = (*convAsker)(nil)
	_ domain.FollowUpAsker = (*convAsker)(nil)
)

func (c *convAsker) Ask(ctx context.Context, q string) domain.Answer {
	c.mu.Lock()
	c.calls = append(c.calls, askCall{Question: q})
	c.mu.Unlock()
	return c.ask(ctx, q)
}

func (c *convAsker) AskFollowUp(ctx context.Context, q, prev string) domain.Answer {
	c.mu.Lock()
	c.calls = append(c.calls, askCall{Question: q, Prev: prev, FollowUp: true})
	c.mu.Unlock()
	return c.followUp(ctx, q, prev)
}

func (c *convAsker) got() []askCall {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]askCall(nil), c.calls...)
}

// framedAnswers is the fake engine of conversations: a question names its
// subject ("Bielefeld" if it names none it knows), and the frame is
// "subject=<it>". A follow-up without a subject takes prev's.
func framedAnswers() *convAsker {
	subjectOf := func(q string) string {
		for _, s := range []string{"Paderborn", "Lemgo", "Bielefeld"} {
			if strings.Contains(strings.ToLower(q), strings.ToLower(s)) {
				return s
			}
		}
		if strings.Contains(q, "river") {
			return "Bielefeld"
		}
		return ""
	}
	answer := func(q, subject string) domain.Answer {
		if subject == "" {
			return domain.Answer{Query: q, Found: false, Kind: domain.KindNone, Title: "Keine Antwort",
				Lead: "Dazu weiß ich nichts."}
		}
		return domain.Answer{Query: q, Found: true, Kind: domain.KindPlace, Title: subject,
			Lead: "Antwort zu " + subject + ": " + q, Frame: "subject=" + subject,
			Hits: []domain.Hit{{ID: "place:" + strings.ToLower(subject), Title: subject}}}
	}
	c := &convAsker{}
	c.ask = func(_ context.Context, q string) domain.Answer { return answer(q, subjectOf(q)) }
	c.followUp = func(_ context.Context, q, prev string) domain.Answer {
		s := subjectOf(q)
		if s == "" {
			s = strings.TrimPrefix(prev, "subject=")
		}
		return answer(q, s)
	}
	return c
}

// channelMessage is Slack's message.channels event (testdata), changed:
// its text, thread (thread_ts, "" for none), parent and event id.
func channelMessage(t *testing.T, eventID, text, thread, parent string) []byte {
	t.Helper()
	var env map[string]any
	if err := json.Unmarshal(testdata(t, "message_channels.json"), &env); err != nil {
		t.Fatal(err)
	}
	ev := env["event"].(map[string]any)
	ev["text"] = text
	if thread == "" {
		delete(ev, "thread_ts")
		delete(ev, "parent_user_id")
	} else {
		ev["thread_ts"] = thread
		ev["parent_user_id"] = parent
	}
	env["event_id"] = eventID
	// Every message has its own ts; the bot answers a message once.
	ts := fmt.Sprintf("1515449530.%06d", nextTS.Add(1))
	ev["ts"], ev["event_ts"] = ts, ts
	b, _ := json.Marshal(env)
	return b
}

// nextTS numbers the messages tests make, so each has its own ts.
var nextTS atomic.Int64

// event posts an event callback and waits until it is handled.
func (f *fixture) event(t *testing.T, body []byte) {
	t.Helper()
	if rec := f.post(t, "/slack/events", "application/json", body, nil); rec.Code != http.StatusOK {
		t.Fatalf("POST /slack/events = %d %s", rec.Code, rec.Body)
	}
	f.wait(t)
}

const (
	mentionChannel = "C123ABC456"
	mentionTS      = "1515449522.000016" // the mention in app_mention.json opens this thread
	botID          = "U0LAN0Z89"
)

func convSetup(t *testing.T, asker *convAsker, change func(*Config)) *fixture {
	return setup(t, func(c *Config) {
		c.Asker = asker
		c.BotUserID = botID
		c.Commands = []domain.Command{{What: "Ein Ort", Examples: []string{"Bielefeld", "Gütersloh"}}}
		if change != nil {
			change(c)
		}
	})
}

func TestThreadFollowUps(t *testing.T) {
	t.Parallel()
	asker := framedAnswers()
	f := convSetup(t, asker, nil)
	f.event(t, testdata(t, "app_mention.json"))
	if posts := f.slack.Calls("chat.postMessage"); len(posts) != 1 || posts[0].Form.Get("thread_ts") != mentionTS {
		t.Fatalf("mention: posts %v, want the answer in the mention's thread", posts)
	}

	steps := []struct {
		name, text, thread, parent string
		want                       *askCall // nil: ignored
		wantInAnswer               string
	}{
		{"missing subject takes the thread's", "seit wann?", mentionTS, "U061F7AUR",
			&askCall{"seit wann?", "subject=Bielefeld", true}, "Antwort zu Bielefeld: seit wann?"},
		{"a lone new subject", "und Paderborn?", mentionTS, "U061F7AUR",
			&askCall{"und Paderborn?", "subject=Bielefeld", true}, "Antwort zu Paderborn"},
		{"the frame moved on", "wer leitet das?", mentionTS, "U061F7AUR",
			&askCall{"wer leitet das?", "subject=Paderborn", true}, "Antwort zu Paderborn"},
		{"foreign thread", "Geheimnis im fremden Thread", "1515449999.000001", "U061F7AUR", nil, ""},
		{"channel message without mention", "Geheimnis im Channel", "", "", nil, ""},
		{"reply that mentions the bot: app_mention answers it", "<@" + botID + "> und Lemgo?", mentionTS, "U061F7AUR", nil, ""},
		{"thread under the bot's own message (a shared answer)", "seit wann?", "1515449600.000100", botID,
			&askCall{"seit wann?", "", false}, "Dazu weiß ich nichts"},
	}
	for i, s := range steps {
		before, posts := len(asker.got()), len(f.slack.Calls("chat.postMessage"))
		f.event(t, channelMessage(t, fmt.Sprintf("EvF%d", i), s.text, s.thread, s.parent))
		calls, newPosts := asker.got()[before:], f.slack.Calls("chat.postMessage")[posts:]
		if s.want == nil {
			if len(calls) != 0 || len(newPosts) != 0 {
				t.Errorf("%s: asked %v, posted %d, want it ignored", s.name, calls, len(newPosts))
			}
			continue
		}
		if len(calls) != 1 || calls[0] != *s.want {
			t.Errorf("%s: asked %+v, want %+v", s.name, calls, *s.want)
		}
		if len(newPosts) != 1 || newPosts[0].Form.Get("thread_ts") != s.thread || newPosts[0].Form.Get("channel") != mentionChannel ||
			!strings.Contains(newPosts[0].Form.Get("text"), s.wantInAnswer) {
			t.Errorf("%s: posted %v, want %q in thread %s", s.name, newPosts, s.wantInAnswer, s.thread)
		}
	}
	// A channel message outside any thread is dropped before de-duplication:
	// not even its event_id is kept.
	if first, _ := f.app.store.FirstSeen(context.Background(), "event:EvF4", 0); !first {
		t.Error("the event id of a channel message the bot ignores was stored")
	}
	if strings.Contains(f.logs.String(), "Geheimnis") {
		t.Errorf("a message the bot did not answer was logged:\n%s", f.logs.String())
	}
	if got := counterValue(t, f.app.metrics.questions.WithLabelValues(SurfaceThread)); got != 4 {
		t.Errorf("questions_total{surface=thread} = %v, want 4", got)
	}
	// The store holds the thread id and the last frame, nothing else.
	if v, _ := f.app.store.Get(context.Background(), threadKey(mentionChannel, mentionTS)); v != "subject=Paderborn" {
		t.Errorf("thread state = %q, want the last frame", v)
	}
}

// An answer without a frame still marks the thread: follow-ups there are
// answered, as questions of their own.
func TestThreadFollowUpWithoutFrame(t *testing.T) {
	t.Parallel()
	asker := framedAnswers()
	plain := asker.ask
	asker.ask = func(ctx context.Context, q string) domain.Answer {
		a := plain(ctx, q)
		a.Frame = ""
		return a
	}
	f := convSetup(t, asker, nil)
	f.event(t, testdata(t, "app_mention.json"))
	if v, _ := f.app.store.Get(context.Background(), threadKey(mentionChannel, mentionTS)); v != noFrame {
		t.Fatalf("thread state = %q, want the marker %q", v, noFrame)
	}
	f.event(t, channelMessage(t, "EvNF1", "Lemgo?", mentionTS, "U061F7AUR"))
	calls := asker.got()
	if len(calls) != 2 || calls[1] != (askCall{"Lemgo?", "", false}) {
		t.Errorf("asked %+v, want the follow-up asked on its own", calls)
	}
	if n := len(f.slack.Calls("chat.postMessage")); n != 2 {
		t.Errorf("%d posts, want the follow-up answered", n)
	}
}

func TestDMConversation(t *testing.T) {
	t.Parallel()
	im := string(testdata(t, "message_im.json"))
	asker := framedAnswers()
	f := convSetup(t, asker, nil)
	steps := []struct {
		replace []string
		want    askCall
	}{
		{[]string{"Hello hello can you hear me?", "Ist Lemgo dabei?"}, askCall{"Ist Lemgo dabei?", "", false}},
		// A DM with a file attached (documented subtype file_share) is answered by its text.
		{[]string{"Hello hello can you hear me?", "seit wann?", `"channel_type": "im"`,
			`"channel_type": "im", "subtype": "file_share", "files": [{"id": "F0123ABC", "name": "liste.pdf", "mimetype": "application/pdf"}], "upload": false`},
			askCall{"seit wann?", "subject=Lemgo", true}},
		{[]string{"Hello hello can you hear me?", "und Paderborn?", `"channel_type": "im"`,
			`"channel_type": "im", "subtype": "thread_broadcast", "thread_ts": "1355517523.000005"`},
			askCall{"und Paderborn?", "subject=Lemgo", true}},
	}
	for i, s := range steps {
		body := strings.NewReplacer(s.replace...).Replace(im)
		body = strings.Replace(body, "Ev0PV52K21", fmt.Sprintf("EvDM%d", i), 1)
		body = strings.ReplaceAll(body, `"ts": "1355517523.000005"`, fmt.Sprintf(`"ts": "1355517523.10000%d"`, i))
		f.event(t, []byte(body))
		calls := asker.got()
		if len(calls) != i+1 || calls[i] != s.want {
			t.Fatalf("DM %d: asked %+v, want %+v", i, calls, s.want)
		}
	}
	if posts := f.slack.Calls("chat.postMessage"); len(posts) != 3 {
		t.Errorf("%d DM answers, want 3", len(posts))
	}
}

func TestHelpPerSurface(t *testing.T) {
	t.Parallel()
	f := convSetup(t, framedAnswers(), nil)
	mention := strings.Replace(string(testdata(t, "app_mention.json")), "is it everything a river should be?", "hilfe", 1)
	f.event(t, []byte(mention))
	im := strings.Replace(string(testdata(t, "message_im.json")), "Hello hello can you hear me?", "hilfe", 1)
	f.event(t, []byte(im))
	posts := f.slack.Calls("chat.postMessage")
	if len(posts) != 2 {
		t.Fatalf("posts %v, want two help texts", posts)
	}
	if got := posts[0].Form.Get("blocks"); !strings.Contains(got, "@engagiert Bielefeld") || strings.Contains(got, "/engagiert Bielefeld") {
		t.Errorf("help in a channel: %s, want @engagiert examples", got)
	}
	if got := posts[1].Form.Get("text"); !strings.Contains(got, "schreib einfach deine Frage") {
		t.Errorf("help in a DM: %s, want plain questions", got)
	}
}

// block actions payloads for an ephemeral slash answer (testdata), by user.
func voteClick(t *testing.T, hook, action, user string) []byte {
	payload := testdata(t, "block_actions.json",
		"https://hooks.slack.com", hook,
		`"ACTION_ID"`, strconv.Quote(action),
		`"ACTION_VALUE"`, `"Bielefeld"`,
		`"UA8RXUSPL"`, strconv.Quote(user))
	return []byte(url.Values{"payload": {string(payload)}}.Encode())
}

func TestVotesInPlace(t *testing.T) {
	t.Parallel()
	f := setup(t, nil)
	clicks := []struct {
		action, user string
	}{
		{blocks.ActionFeedbackUp, "UA8RXUSPL"},
		{blocks.ActionFeedbackUp, "UA8RXUSPL"},   // the same vote again: not counted
		{blocks.ActionFeedbackDown, "UA8RXUSPL"}, // changed: replaces the up
		{blocks.ActionFeedbackUp, "UB0THER01"},   // another user
	}
	for _, c := range clicks {
		rec := f.post(t, "/slack/interactions", "application/x-www-form-urlencoded",
			voteClick(t, f.slack.Hooks(), c.action, c.user), nil)
		if rec.Code != http.StatusOK {
			t.Fatalf("vote: %d", rec.Code)
		}
		f.wait(t)
	}
	hooks := f.slack.Calls("response_url")
	if len(hooks) != len(clicks) {
		t.Fatalf("%d response_url calls, want one per click", len(hooks))
	}
	for i, h := range hooks {
		raw := string(marshal(h.JSON["blocks"]))
		if h.JSON["replace_original"] != true || !strings.Contains(raw, "Danke für dein Feedback") ||
			strings.Contains(raw, blocks.ActionFeedbackUp) || !strings.Contains(raw, "Bielefeld ist eine Engagierte Stadt") {
			t.Errorf("click %d: %s, want the answer with a thank-you in place of the buttons", i, raw)
		}
		checkMessage(t, "voted answer", fmt.Sprint(h.JSON["text"]), h.JSON["blocks"])
	}
	if n := len(f.slack.Calls("chat.postEphemeral")); n != 0 {
		t.Errorf("%d new ephemeral messages, want none", n)
	}
	for vote, want := range map[string][2]float64{"up": {2, 1}, "down": {1, 1}} {
		if got := counterValue(t, f.app.metrics.feedback.WithLabelValues(vote)); got != want[0] {
			t.Errorf("engagiert_feedback_total{vote=%s} = %v, want %v", vote, got, want[0])
		}
		if got := gaugeValue(t, f.app.metrics.votes.WithLabelValues(vote)); got != want[1] {
			t.Errorf("engagiert_feedback_votes{vote=%s} = %v, want %v", vote, got, want[1])
		}
	}
	logs := f.logs.Records("feedback")
	if len(logs) != 3 || logs[1]["previous"] != "up" || logs[1]["vote"] != "down" || logs[1]["question"] != nil {
		t.Errorf("feedback logs = %v, want three, the change logged with the old vote and without the question", logs)
	}
}

// A vote on a message Slack sends with its blocks (a thread answer) keeps
// the other buttons and replaces only 👍/👎.
func TestVoteKeepsMessage(t *testing.T) {
	t.Parallel()
	f := setup(t, func(c *Config) { c.CuratorChannel = "CCURATOR1" })
	ans := blocks.Answer(answerFor(context.Background(), "Kuchen"), blocks.Options{Feedback: true, Forward: `{"q":"Kuchen"}`})
	msg, _ := json.Marshal(map[string]any{"type": "message", "ts": "1548261231.000200", "text": ans.Text, "blocks": ans.Blocks})
	payload := strings.Replace(string(testdata(t, "block_actions.json",
		"https://hooks.slack.com", f.slack.Hooks(),
		`"ACTION_ID"`, strconv.Quote(blocks.ActionFeedbackDown),
		`"ACTION_VALUE"`, `"Kuchen"`,
		`"is_ephemeral": true`, `"is_ephemeral": false`)),
		`"trigger_id"`, `"message": `+string(msg)+`, "trigger_id"`, 1)
	f.post(t, "/slack/interactions", "application/x-www-form-urlencoded", []byte(url.Values{"payload": {payload}}.Encode()), nil)
	f.wait(t)
	hooks := f.slack.Calls("response_url")
	if len(hooks) != 1 {
		t.Fatalf("response_url calls %v", hooks)
	}
	raw := string(marshal(hooks[0].JSON["blocks"]))
	if !strings.Contains(raw, blocks.ActionForward) || strings.Contains(raw, blocks.ActionFeedbackDown) || !strings.Contains(raw, "Wir sehen uns diese Antwort an") {
		t.Errorf("voted message = %s, want the forward button kept and the thank-you in place of 👍/👎", raw)
	}
}

func TestShareSurvivesExpiredResponseURL(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		failPost   bool
		wantPosted bool
		wantVia    string
	}{
		{"response_url expired: chat.postMessage", false, true, "post"},
		{"chat.postMessage fails too: the user is told", true, false, "told_user"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := setup(t, nil)
			f.slack.Fail("response_url", http.StatusNotFound, "expired_url")
			if tt.failPost {
				f.slack.Refuse("chat.postMessage", "channel_not_found")
			}
			f.post(t, "/slack/interactions", "application/x-www-form-urlencoded",
				blockActions(t, f.slack.Hooks(), blocks.ActionShare, "Bielefeld"), nil)
			f.wait(t)
			posts := f.slack.Calls("chat.postMessage")
			if tt.wantPosted {
				if len(posts) != 1 || posts[0].Form.Get("channel") != "CBR2V3XEX" {
					t.Fatalf("posts %v, want the shared answer in CBR2V3XEX", posts)
				}
				bs := strings.NewReplacer(`\u003c`, "<", `\u003e`, ">").Replace(posts[0].Form.Get("blocks"))
				if !strings.Contains(bs, "<@UA8RXUSPL> hat gefragt: „Bielefeld“") || !strings.Contains(bs, "Geteilt von <@UA8RXUSPL>") ||
					strings.Contains(bs, blocks.ActionShare) {
					t.Errorf("shared answer %s, want the question and who shared it", bs)
				}
				// The shared answer opens a thread for follow-ups.
				if v, _ := f.app.store.Get(context.Background(), threadKey("CBR2V3XEX", "1700000000.000100")); v == "" {
					t.Error("the shared answer's thread is not remembered")
				}
			} else {
				eph := f.slack.Calls("chat.postEphemeral")
				if len(eph) != 1 || eph[0].Form.Get("user") != "UA8RXUSPL" || !strings.Contains(eph[0].Form.Get("text"), "channel_not_found") {
					t.Errorf("chat.postEphemeral %v, want the user told what went wrong", eph)
				}
			}
			if got := counterValue(t, f.app.metrics.shareFalls.WithLabelValues(tt.wantVia)); got != 1 {
				t.Errorf("share_fallbacks_total{via=%s} = %v, want 1", tt.wantVia, got)
			}
		})
	}
}

func TestUnansweredHasNoShareButton(t *testing.T) {
	t.Parallel()
	f := setup(t, nil)
	rec := f.post(t, "/slack/commands", "application/x-www-form-urlencoded",
		slackapptest.SlashBody("Kuchen", f.slack.Hooks()+"/commands/1"), nil)
	f.wait(t)
	if strings.Contains(rec.Body.String(), blocks.ActionShare) || strings.Contains(rec.Body.String(), blocks.ActionForward) {
		t.Errorf("unanswered slash response %s, want no share button (and no forward button without a curators' channel)", rec.Body)
	}
}

// viewAction is a block_actions payload from a view (Home or modal):
// action is the action JSON's fields.
func viewAction(t *testing.T, viewType, viewID, actionID, fields string) []byte {
	payload := testdata(t, "block_actions_view.json",
		"VIEW_ID", viewID, "VIEW_TYPE", viewType, "ACTION_ID", actionID, `"ACTION_FIELDS"`, fields)
	return []byte(url.Values{"payload": {string(payload)}}.Encode())
}

func TestHomeOpensModal(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, viewType, actionID, fields string
		wantMethod, wantQuestion         string
	}{
		{"example button", "home", blocks.ActionAskPrefix + "0",
			`"type": "button", "text": {"type": "plain_text", "text": "Bielefeld"}, "value": "Bielefeld"`, "views.open", "Bielefeld"},
		{"question field", "home", blocks.ActionQuestion,
			`"type": "plain_text_input", "value": "Ist Bielefeld dabei?"`, "views.open", "Ist Bielefeld dabei?"},
		{"question in the modal", "modal", blocks.ActionQuestion,
			`"type": "plain_text_input", "value": "Bielefeld?"`, "views.update", "Bielefeld?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := setup(t, nil)
			rec := f.post(t, "/slack/interactions", "application/x-www-form-urlencoded",
				viewAction(t, tt.viewType, "VHOME0001", tt.actionID, tt.fields), nil)
			if rec.Code != http.StatusOK {
				t.Fatalf("block_actions: %d %s", rec.Code, rec.Body)
			}
			f.wait(t)
			calls := f.slack.Calls(tt.wantMethod)
			if len(calls) != 1 {
				t.Fatalf("%s calls %v, want one", tt.wantMethod, calls)
			}
			c := calls[0]
			view := string(marshal(c.JSON["view"]))
			if tt.wantMethod == "views.open" && c.JSON["trigger_id"] != "12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3" {
				t.Errorf("views.open without the click's trigger_id: %v", c.JSON)
			}
			if tt.wantMethod == "views.update" && c.JSON["view_id"] != "VHOME0001" {
				t.Errorf("views.update of %v, want the modal VHOME0001", c.JSON["view_id"])
			}
			if !strings.Contains(view, `"type":"modal"`) || !strings.Contains(view, "Bielefeld ist eine Engagierte Stadt") || !strings.Contains(view, blocks.ActionQuestion) {
				t.Errorf("modal %s, want the answer and a question field", view)
			}
			var v struct{ Blocks json.RawMessage }
			_ = json.Unmarshal([]byte(view), &v)
			if err := blockstest.CheckJSON("", v.Blocks, blocks.MaxViewBlocks); err != nil {
				t.Errorf("modal breaks Block Kit limits: %v", err)
			}
			if q := f.asker.asked(); len(q) != 1 || q[0] != tt.wantQuestion {
				t.Errorf("asked %q, want %q", q, tt.wantQuestion)
			}
			if n := len(f.slack.Calls("chat.postMessage")); n != 0 {
				t.Errorf("%d messages posted, want the answer only in the modal", n)
			}
		})
	}
}

func TestHomeHasNoVersionHash(t *testing.T) {
	t.Parallel()
	f := setup(t, nil)
	f.event(t, testdata(t, "app_home_opened.json"))
	pubs := f.slack.Calls("views.publish")
	if len(pubs) != 1 {
		t.Fatalf("views.publish %v", pubs)
	}
	view := string(marshal(pubs[0].JSON["view"]))
	if strings.Contains(view, "v-test") || strings.Contains(view, "Version") {
		t.Errorf("Home shows the knowledge version: %s", view)
	}
	if !strings.Contains(view, blocks.ActionQuestion) || !strings.Contains(view, `"dispatch_action":true`) {
		t.Errorf("Home has no question field: %s", view)
	}
}

func TestFirstDMWelcome(t *testing.T) {
	t.Parallel()
	messages := strings.Replace(string(testdata(t, "app_home_opened.json")), `"tab": "home"`, `"tab": "messages"`, 1)
	f := setup(t, nil)
	f.event(t, []byte(messages))
	posts := f.slack.Calls("chat.postMessage")
	if len(posts) != 1 || posts[0].Form.Get("channel") != "D0LAN2Q65" || !strings.Contains(posts[0].Form.Get("text"), "Hallo") {
		t.Fatalf("posts %v, want a welcome in D0LAN2Q65", posts)
	}
	// A later visit finds the welcome in the history and says nothing.
	f.slack.Fail("conversations.history", http.StatusOK, `{"ok":true,"messages":[{"type":"message","text":"Hallo","ts":"1.2"}]}`)
	f.event(t, []byte(strings.Replace(messages, "Ev08MFMKH6", "Ev08MFMKH7", 1)))
	if n := len(f.slack.Calls("chat.postMessage")); n != 1 {
		t.Errorf("%d posts after a second visit, want no second welcome", n)
	}
}

func TestMessageShortcut(t *testing.T) {
	t.Parallel()
	f := setup(t, func(c *Config) { c.BotUserID = botID })
	payload := testdata(t, "message_action.json", "https://hooks.slack.com", f.slack.Hooks())
	rec := f.post(t, "/slack/interactions", "application/x-www-form-urlencoded", []byte(url.Values{"payload": {string(payload)}}.Encode()), nil)
	if rec.Code != http.StatusOK || rec.Body.Len() != 0 {
		t.Fatalf("message_action ack = %d %q, want 200 and empty", rec.Code, rec.Body)
	}
	f.wait(t)
	if q := f.asker.asked(); len(q) != 1 || q[0] != "Ist Bielefeld eigentlich dabei?" {
		t.Errorf("asked %q, want the message's text", q)
	}
	hooks := f.slack.Calls("response_url")
	if len(hooks) != 1 || hooks[0].JSON["response_type"] != "ephemeral" || !strings.Contains(fmt.Sprint(hooks[0].JSON["text"]), "Bielefeld ist") {
		t.Fatalf("response_url calls %v, want the answer, ephemeral", hooks)
	}
	if got := counterValue(t, f.app.metrics.questions.WithLabelValues(SurfaceShortcut)); got != 1 {
		t.Errorf("questions_total{surface=shortcut} = %v, want 1", got)
	}

	// Without a working response_url the answer opens in a modal.
	f2 := setup(t, nil)
	f2.slack.Fail("response_url", http.StatusNotFound, "expired_url")
	payload = testdata(t, "message_action.json", "https://hooks.slack.com", f2.slack.Hooks())
	f2.post(t, "/slack/interactions", "application/x-www-form-urlencoded", []byte(url.Values{"payload": {string(payload)}}.Encode()), nil)
	f2.wait(t)
	if opens := f2.slack.Calls("views.open"); len(opens) != 1 || !strings.Contains(string(marshal(opens[0].JSON["view"])), "Bielefeld ist") {
		t.Errorf("views.open %v, want the answer in a modal", opens)
	}
}

func TestSSLCheck(t *testing.T) {
	t.Parallel()
	f := setup(t, nil)
	req := strings.NewReader("ssl_check=1&token=gIkuvaNzQIHg97ATvDxqgjtO")
	rec := httpDo(f, "POST", "/slack/commands", "application/x-www-form-urlencoded", req)
	if rec.Code != http.StatusOK || rec.Body.Len() != 0 {
		t.Errorf("ssl_check = %d %q, want 200 and an empty body", rec.Code, rec.Body)
	}
	// Anything else unsigned is still refused.
	rec = httpDo(f, "POST", "/slack/commands", "application/x-www-form-urlencoded", strings.NewReader("command=%2Fengagiert&text=Bielefeld"))
	if rec.Code != http.StatusUnauthorized {
		t.Errorf("unsigned command = %d, want 401", rec.Code)
	}
	f.wait(t)
	if q := f.asker.asked(); len(q) != 0 {
		t.Errorf("asked %q", q)
	}
}

func TestAppRateLimited(t *testing.T) {
	t.Parallel()
	f := setup(t, nil)
	f.event(t, testdata(t, "app_rate_limited.json"))
	if got := counterValue(t, f.app.metrics.rateLimited); got != 1 {
		t.Errorf("app_rate_limited_total = %v, want 1", got)
	}
	if rs := f.logs.Records("app_rate_limited: Slack drops events for this app for the rest of the minute"); len(rs) != 1 || rs[0]["team_id"] != "T123456" {
		t.Errorf("app_rate_limited logs = %v", rs)
	}
}

func TestMorePagesReachEveryItem(t *testing.T) {
	t.Parallel()
	f := setup(t, nil)
	value := blocks.MoreRef{Question: "Bielefeld"}.Encode()
	seen := map[string]bool{}
	for page := 0; value != "" && page < 20; page++ {
		f.post(t, "/slack/interactions", "application/x-www-form-urlencoded",
			blockActions(t, f.slack.Hooks(), blocks.ActionMore, value), nil)
		f.wait(t)
		hooks := f.slack.Calls("response_url")
		h := hooks[len(hooks)-1]
		if h.JSON["replace_original"] != true {
			t.Fatalf("page %d: %v, want it in place of the list", page, h.JSON)
		}
		for _, m := range ortRE.FindAllStringSubmatch(string(marshal(h.JSON["blocks"])), -1) {
			if seen[m[1]] {
				t.Errorf("page %d shows Ort %s again", page, m[1])
			}
			seen[m[1]] = true
		}
		value = ""
		var bs []map[string]any
		_ = json.Unmarshal(marshal(h.JSON["blocks"]), &bs)
		for _, b := range bs {
			els, _ := b["elements"].([]any)
			for _, e := range els {
				if em, _ := e.(map[string]any); em["action_id"] == blocks.ActionMore {
					value, _ = em["value"].(string)
				}
			}
		}
	}
	if value != "" {
		t.Fatal("still a Mehr anzeigen button after 20 pages")
	}
	if len(seen) != 300 {
		t.Errorf("the pages showed %d of 300 items", len(seen))
	}
}

var ortRE = regexp.MustCompile(`Ort (\d+)`)

// httpDo sends an unsigned request to the fixture's handler.
func httpDo(f *fixture, method, path, contentType string, body io.Reader) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, path, body)
	req.Header.Set("Content-Type", contentType)
	rec := httptest.NewRecorder()
	f.handler.ServeHTTP(rec, req)
	return rec
}

// gaugeValue reads a gauge.
func gaugeValue(t *testing.T, g prometheus.Gauge) float64 {
	t.Helper()
	var m dto.Metric
	if err := g.Write(&m); err != nil {
		t.Fatal(err)
	}
	return m.GetGauge().GetValue()
}
