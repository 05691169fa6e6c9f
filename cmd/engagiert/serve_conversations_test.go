package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/engagiert/engagiert/internal/slackapp/slackapptest"
	"github.com/engagiert/engagiert/internal/testenv"
	"github.com/redis/go-redis/v9"
)

// threadReply is a message.channels event: a reply in thread of channel,
// without a mention.
func threadReply(eventID, channel, user, text, ts, thread, parent string) []byte {
	b, _ := json.Marshal(map[string]any{
		"token": "unused", "team_id": "T1", "api_app_id": "A1", "type": "event_callback",
		"event_id": eventID, "event_time": time.Now().Unix(),
		"event": map[string]any{
			"type": "message", "user": user, "text": text, "ts": ts, "thread_ts": thread,
			"parent_user_id": parent, "channel": channel, "channel_type": "channel", "event_ts": ts,
		},
	})
	return b
}

// click posts a block_actions payload to a bot like Slack does.
func click(t *testing.T, b *servedBot, actionID, value string) {
	t.Helper()
	clickAs(t, b, "U2", "C1", actionID, value)
}

// clickAs is click by user in channel.
func clickAs(t *testing.T, b *servedBot, user, channel, actionID, value string) {
	t.Helper()
	payload, _ := json.Marshal(map[string]any{
		"type": "block_actions", "team": map[string]any{"id": "T1"}, "user": map[string]any{"id": user, "team_id": "T1"},
		"api_app_id": "A1", "trigger_id": "1.2.3", "channel": map[string]any{"id": channel},
		"container":    map[string]any{"type": "message", "message_ts": answerTS, "channel_id": channel, "is_ephemeral": false},
		"response_url": "http://127.0.0.1:1/hooks/1",
		"actions":      []map[string]any{{"action_id": actionID, "block_id": "answer_actions", "type": "button", "value": value, "action_ts": "1700000001.0"}},
	})
	b.send(t, "/slack/interactions", slackapptest.Form, slackapptest.Interaction(payload), 0)
}

// waitKey waits until Redis holds key.
func waitKey(t *testing.T, c *redis.Client, key string) string {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if v, err := c.Get(context.Background(), key).Result(); err == nil {
			return v
		}
	}
	t.Fatalf("Redis never held %s", key)
	return ""
}

// TestServeReplicasShareConversations runs two whole bots on one real Redis:
// a follow-up in a thread bot A answered reaches bot B, which knows the
// thread; a question forwarded through A is relayed by B, once, although the
// curator's reply reaches both.
func TestServeReplicasShareConversations(t *testing.T) {
	t.Parallel()
	redisURL := testenv.Redis(t)
	opts, _ := redis.ParseURL(redisURL)
	rc := redis.NewClient(opts)
	defer rc.Close()
	api := newSlack(t)
	var id [6]byte
	rand.Read(id[:])
	run := strings.ToUpper(hex.EncodeToString(id[:])) // keeps runs on a shared Redis apart
	curators := "CCUR" + run
	vars := map[string]string{"SLACK_API_URL": api.APIURL(), "ENGAGIERT_REDIS_URL": redisURL, "ENGAGIERT_CURATOR_CHANNEL": curators}
	a, b := startServe(t, vars, nil), startServe(t, vars, nil)
	channel, thread := "C"+run, "1700000000.000100"

	// A answers a mention and remembers the thread in Redis.
	body := mentionEvent("EvM"+run, "<@UBOT> Ist Lemgo eine Engagierte Stadt?")
	body = bytes.ReplaceAll(body, []byte(`"C1"`), []byte(`"`+channel+`"`))
	a.deliver(t, body, 0)
	waitPosts(t, api, 1)
	first := waitKey(t, rc, "engagiert:t:"+channel+":"+thread)
	if first == "" || first == "-" {
		t.Errorf("thread state %q, want the engine's frame of the question", first)
	}

	// B gets a reply in a foreign thread (ignored), then "seit wann?" in A's
	// thread: its subject comes from A's answer, through Redis.
	b.deliver(t, threadReply("EvF"+run, channel, "U1", "Geheimnis", "1700000005.000001", "1699999999.000001", "U3"), 0)
	b.deliver(t, threadReply("EvR"+run, channel, "U1", "seit wann?", "1700000006.000001", thread, "U1"), 0)
	waitPosts(t, api, 2)
	posts := api.Posts()
	if p := posts[1]; p.Get("channel") != channel || p.Get("thread_ts") != thread || !strings.Contains(p.Get("text"), "Lemgo") || !strings.Contains(p.Get("text"), "2020") {
		t.Errorf("bot B's follow-up answer %v, want since when Lemgo is an Engagierte Stadt (2020), in A's thread", p)
	}
	// "und Bielefeld?" to A, once B's frame is in: a lone new subject takes
	// the thread's question.
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if v, _ := rc.Get(context.Background(), "engagiert:t:"+channel+":"+thread).Result(); v != first {
			break
		}
	}
	a.deliver(t, threadReply("EvR2"+run, channel, "U1", "und Bielefeld?", "1700000007.000001", thread, "U1"), 0)
	waitPosts(t, api, 3)
	if p := api.Posts()[2]; p.Get("thread_ts") != thread || !strings.Contains(p.Get("text"), "Bielefeld") || !strings.Contains(p.Get("text"), "Engagierte Stadt") {
		t.Errorf("bot A's second follow-up %q, want Bielefeld as an Engagierte Stadt", p.Get("text"))
	}
	if strings.Contains(b.logs.String(), "Geheimnis") {
		t.Errorf("bot B logged a message it did not answer")
	}

	// A forwards a question; the curator's reply reaches B, and A too.
	fwd, _ := json.Marshal(map[string]string{"q": "Wer backt den Kuchen?", "c": channel, "t": thread})
	// The click's response_url is not Slack's, and chat.postEphemeral
	// fails: A tells U2 "weitergegeben" by DM.
	api.Refuse("chat.postEphemeral", "unknown_method")
	click(t, a, "engagiert_forward", string(fwd))
	waitPosts(t, api, 5)
	if p := api.Posts()[3]; p.Get("channel") != curators || !strings.Contains(p.Get("text"), "Wer backt den Kuchen?") {
		t.Fatalf("forwarded %v, want the question in the curators' channel", p)
	}
	waitKey(t, rc, "engagiert:f:"+curators+":"+answerTS)
	reply := func(eventID string) []byte {
		return threadReply(eventID, curators, "UCURATOR", "Die Bäckerei Müller.", "1700000010.000001", answerTS, "UBOT")
	}
	b.deliver(t, reply("EvC1"+run), 0)
	waitPosts(t, api, 6)
	a.deliver(t, reply("EvC2"+run), 0) // the same reply as another event
	for i, bot := range []*servedBot{a, b} {
		if err := bot.stop(); err != nil {
			t.Fatalf("bot %c: %v", 'A'+i, err)
		}
	}
	posts = api.Posts()
	var relayed int
	for _, p := range posts {
		if strings.Contains(p.Get("text"), "Bäckerei") {
			relayed++
			if p.Get("channel") != channel || p.Get("thread_ts") != thread {
				t.Errorf("relayed to %v, want the original thread", p)
			}
		}
	}
	if relayed != 1 || len(posts) != 6 {
		t.Errorf("relayed %d times in %d posts, want once in 6", relayed, len(posts))
	}
	if rs := b.records("curator reply relayed"); len(rs) != 1 {
		t.Errorf("bot B relay logs = %v, want one", rs)
	}
}
