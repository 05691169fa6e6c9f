package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/engagiert/engagiert/internal/privacy"
	"github.com/engagiert/engagiert/internal/slackapp"
	"github.com/engagiert/engagiert/internal/testenv"
	"github.com/redis/go-redis/v9"
)

// dmEvent is a message.im event: user writes text to the bot in channel.
func dmEvent(eventID, channel, user, text, ts string) []byte {
	b, _ := json.Marshal(map[string]any{
		"token": "unused", "team_id": "T1", "api_app_id": "A1", "type": "event_callback",
		"event_id": eventID, "event_time": time.Now().Unix(),
		"event": map[string]any{"type": "message", "user": user, "text": text, "ts": ts, "channel": channel,
			"channel_type": "im", "event_ts": ts},
	})
	return b
}

// TestServeLogsPrivacy: user ids and DM channels appear in serve's logs
// only as pseudonyms (the same with the same ENGAGIERT_LOG_SALT); the text
// of a question only for an unanswered one, and not at all with
// ENGAGIERT_LOG_QUESTIONS=false.
func TestServeLogsPrivacy(t *testing.T) {
	for _, logQuestions := range []string{"", "false"} {
		api := newSlack(t)
		b := startServe(t, map[string]string{"SLACK_API_URL": api.APIURL(), "ENGAGIERT_LOG_SALT": "test-salt",
			"ENGAGIERT_LOG_QUESTIONS": logQuestions}, nil)
		b.deliver(t, mentionIn("EvP1", "C1", "1600000000.000001", "<@UBOT> Bielefeld"), 0)
		b.deliver(t, dmEvent("EvP2", "D0PRIVATE1", "U0SECRET42", "Wer backt den Geheimkuchen?", "1600000000.000002"), 0)
		waitPosts(t, api, 2)
		b.ask(t, "Bielefeld")
		if err := b.stop(); err != nil {
			t.Fatal(err)
		}
		logs := b.logs.String()
		for _, raw := range []string{"U0SECRET42", `"U1"`, "D0PRIVATE1"} {
			if strings.Contains(logs, raw) {
				t.Errorf("ENGAGIERT_LOG_QUESTIONS=%q: logs carry %s:\n%s", logQuestions, raw, logs)
			}
		}
		p := privacy.NewPseudonyms("test-salt")
		un := b.records("unanswered")
		if len(un) != 1 || un[0].str("user") != p.ID("u-", "U0SECRET42") || un[0].str("channel") != p.ID("d-", "D0PRIVATE1") {
			t.Errorf("unanswered logs %v, want one, with the pseudonyms of U0SECRET42 and its DM", un)
		}
		hasQuestion := strings.Contains(logs, "Geheimkuchen")
		if want := logQuestions == ""; hasQuestion != want {
			t.Errorf("ENGAGIERT_LOG_QUESTIONS=%q: the unanswered question in the logs = %v, want %v", logQuestions, hasQuestion, want)
		}
		if strings.Contains(logs, `"question":"Bielefeld"`) {
			t.Errorf("an answered question was logged:\n%s", logs)
		}
	}
}

// TestServeAdminAddr: with ENGAGIERT_ADMIN_ADDR, /healthz, /readyz and
// /metrics are there and not on the public port; healthcheck finds them.
func TestServeAdminAddr(t *testing.T) {
	b := startServe(t, map[string]string{"ENGAGIERT_ADMIN_ADDR": "127.0.0.1:0"}, nil)
	admin := "http://" + b.waitRecord(t, "serving", 0).str("admin_addr")
	for _, path := range []string{"/healthz", "/readyz", "/metrics"} {
		if code := getStatus(t, admin+path); code != http.StatusOK {
			t.Errorf("admin %s = %d, want 200", path, code)
		}
		if code := getStatus(t, b.url+path); code != http.StatusNotFound {
			t.Errorf("public %s = %d, want 404", path, code)
		}
	}
	if got := b.ask(t, "Bielefeld"); !strings.Contains(got, "Bielefeld") {
		t.Errorf("the Slack routes on the public port: %q", got)
	}
	addr := strings.TrimPrefix(admin, "http://")
	err := run(context.Background(), []string{"healthcheck"}, func(k string) string {
		return map[string]string{"ENGAGIERT_ADMIN_ADDR": addr, "ENGAGIERT_ADDR": "127.0.0.1:1"}[k]
	}, strings.NewReader(""), io.Discard, io.Discard)
	if err != nil {
		t.Errorf("healthcheck with ENGAGIERT_ADMIN_ADDR = %v, want it to ask there", err)
	}
}

func getStatus(t *testing.T, u string) int {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// TestServeReadyzRelativePaths: a broken edit shows on /readyz by file
// and line relative to the knowledge directory, never where it lies.
func TestServeReadyzRelativePaths(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "knowledge")
	copyKnowledge(t, dir)
	hup := make(chan os.Signal, 1)
	b := startServe(t, map[string]string{"ENGAGIERT_KNOWLEDGE": dir}, hup)
	b.waitRecord(t, "watching knowledge for changes", 0)
	edit(t, dir, "networks/regiopole.yaml", regiopoleAliases, "mitglieder: [x]\n"+regiopoleAliases)
	hup <- syscall.SIGHUP
	r := b.waitReady(t, "the failed reload", func(r slackapp.Readiness) bool { return r.Reload != nil && r.Reload.Failures > 0 })
	body, _ := json.Marshal(r)
	if strings.Contains(string(body), t.TempDir()) || strings.Contains(string(body), filepath.Dir(dir)) {
		t.Errorf("/readyz shows where the knowledge lies: %s", body)
	}
	if len(r.Reload.LastProblems) == 0 || !strings.HasPrefix(r.Reload.LastProblems[0], "networks/regiopole.yaml:") {
		t.Errorf("/readyz problems %q, want networks/regiopole.yaml:LINE", r.Reload.LastProblems)
	}
}

// TestServeRetentionAndForget: the bot keeps votes, threads and forwarded
// questions in Redis for their retention, votes under a hash of the voter;
// `engagiert forget` deletes what Redis holds about a person, and nothing
// about anyone else.
func TestServeRetentionAndForget(t *testing.T) {
	redisURL := testenv.Redis(t)
	opts, _ := redis.ParseURL(redisURL)
	rc := redis.NewClient(opts)
	defer rc.Close()
	ctx := context.Background()
	run := strings.ToUpper(rand.Text()[:10]) // keeps runs on a shared Redis apart
	alice, bob, channel, curators := "U0A"+run, "U0B"+run, "C0"+run, "CCUR"+run
	api := newSlack(t)
	vars := map[string]string{"SLACK_API_URL": api.APIURL(), "ENGAGIERT_REDIS_URL": redisURL, "ENGAGIERT_CURATOR_CHANNEL": curators,
		"ENGAGIERT_RETAIN_VOTES": "2h", "ENGAGIERT_RETAIN_THREADS": "3h", "ENGAGIERT_RETAIN_FORWARDS": "2d"}
	b := startServe(t, vars, nil)
	b.deliver(t, mentionIn("EvT"+run, channel, "1600000000.000001", "<@UBOT> Bielefeld"), 0)
	for i, u := range []string{alice, bob} {
		clickAs(t, b, u, channel, "engagiert_feedback_up", "Bielefeld")
		fwd, _ := json.Marshal(map[string]string{"q": "Wer backt den Kuchen von " + u + "?", "c": channel, "t": "1600000000.000001"})
		clickAs(t, b, u, channel, "engagiert_forward", string(fwd))
		b.deliver(t, dmEvent(fmt.Sprintf("EvD%d%s", i, run), "D"+u[1:], u, "Bielefeld", "1600000000.000009"), 0)
	}
	if err := b.stop(); err != nil {
		t.Fatal(err)
	}
	ttl := func(pattern string) (keys []string, ttls []time.Duration) {
		t.Helper()
		keys, err := rc.Keys(ctx, pattern).Result()
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range keys {
			ttls = append(ttls, rc.PTTL(ctx, k).Val())
		}
		return keys, ttls
	}
	for _, tt := range []struct {
		pattern string
		n       int
		max     time.Duration
	}{
		{"engagiert:v:" + channel + ":*", 2, 2 * time.Hour},
		{"engagiert:t:" + channel + ":*", 1, 3 * time.Hour},
		{"engagiert:f:" + curators + ":*", 1, 48 * time.Hour}, // the fake Slack gives every post one ts
	} {
		keys, ttls := ttl(tt.pattern)
		if len(keys) != tt.n {
			t.Errorf("%s: %d keys %v, want %d", tt.pattern, len(keys), keys, tt.n)
		}
		for i, d := range ttls {
			if d <= tt.max-time.Minute || d > tt.max {
				t.Errorf("%s expires in %v, want the retention %v", keys[i], d, tt.max)
			}
		}
	}
	ref := func(u string) string { return slackapp.UserRef(userKey("xoxb-harness-bot-token"), u) }
	all, _ := rc.Keys(ctx, "engagiert:*").Result()
	privacy := privacySection(t)
	for _, k := range all {
		if strings.Contains(k, alice) || strings.Contains(k, bob) {
			t.Errorf("key %s names a user by id", k)
		}
		// Every kind of key this run made is in the README's record.
		if kind, rest, _ := strings.Cut(strings.TrimPrefix(k, "engagiert:"), ":"); strings.Contains(rest, run) || strings.Contains(rest, ref(alice)) || strings.Contains(rest, ref(bob)) {
			if !strings.Contains(privacy, "`"+kind+":") {
				t.Errorf("key %s: its kind %q is not in the README's privacy section", k, kind)
			}
		}
	}

	// The fake Slack gives every post one ts, so one forwarded question is
	// left, the later one's: its asker has one key more to forget.
	fkeys, _ := ttl("engagiert:f:" + curators + ":*")
	if len(fkeys) != 1 {
		t.Fatalf("forwarded questions %v, want one", fkeys)
	}
	asker := alice
	if v := rc.Get(ctx, fkeys[0]).Val(); strings.Contains(v, `"u":"`+bob+`"`) {
		asker = bob
	}
	want := func(u string) int {
		if u == asker {
			return 4 // vote, DM, forward mark, the forwarded question
		}
		return 3
	}
	forget := func(user string) string {
		var out, errOut bytes.Buffer
		env := map[string]string{"ENGAGIERT_REDIS_URL": redisURL, "SLACK_BOT_TOKEN": "xoxb-harness-bot-token"}
		if err := runWith(t, []string{"forget", user}, env, &out, &errOut); err != nil {
			t.Fatalf("forget %s: %v %s", user, err, errOut.String())
		}
		return out.String()
	}
	if out := forget(alice); !strings.Contains(out, fmt.Sprintf("forgot %s: %d keys deleted", alice, want(alice))) {
		t.Errorf("forget alice: %q, want %d keys", out, want(alice))
	}
	for _, k := range []string{"engagiert:d:" + ref(alice), "engagiert:v:" + channel + ":" + answerTS + ":" + ref(alice)} {
		if n := rc.Exists(ctx, k).Val(); n != 0 {
			t.Errorf("%s still there after forget", k)
		}
	}
	for _, k := range []string{"engagiert:d:" + ref(bob), "engagiert:v:" + channel + ":" + answerTS + ":" + ref(bob)} {
		if n := rc.Exists(ctx, k).Val(); n != 1 {
			t.Errorf("%s of another user gone after forgetting alice", k)
		}
	}
	if out := forget(bob); !strings.Contains(out, fmt.Sprintf("forgot %s: %d keys deleted", bob, want(bob))) {
		t.Errorf("forget bob: %q, want %d keys", out, want(bob))
	}
	if keys, _ := ttl("engagiert:f:" + curators + ":*"); len(keys) != 0 {
		t.Errorf("the forwarded question %v still there", keys)
	}
}

// runWith runs the program with vars as its environment.
func runWith(t *testing.T, args []string, vars map[string]string, stdout, stderr io.Writer) error {
	t.Helper()
	return run(context.Background(), args, func(k string) string { return vars[k] }, strings.NewReader(""), stdout, stderr)
}

// TestForgetUsage: forget wants one user id, and says what it needs.
func TestForgetUsage(t *testing.T) {
	for _, tt := range []struct {
		args []string
		vars map[string]string
		want string
	}{
		{[]string{"forget"}, nil, "one Slack user id"},
		{[]string{"forget", "alice"}, nil, "one Slack user id"},
		{[]string{"forget", "U1", "U2"}, nil, "one Slack user id"},
		{[]string{"forget", "U0123ABCD"}, map[string]string{"ENGAGIERT_REDIS_URL": "redis://127.0.0.1:1/0"}, "SLACK_BOT_TOKEN"},
	} {
		var out, errOut bytes.Buffer
		err := runWith(t, tt.args, tt.vars, &out, &errOut)
		if err == nil || !strings.Contains(err.Error()+errOut.String(), tt.want) {
			t.Errorf("%q = %v %s, want an error about %s", tt.args, err, errOut.String(), tt.want)
		}
	}
	var out bytes.Buffer
	if err := runWith(t, []string{"forget", "U0123ABCD"}, nil, &out, io.Discard); err != nil || !strings.Contains(out.String(), "nothing to forget") {
		t.Errorf("forget without Redis = %v %q, want nothing to forget", err, out.String())
	}
}

func TestParseRetention(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"24h", 24 * time.Hour, true}, {"7d", 7 * 24 * time.Hour, true}, {"90m", 90 * time.Minute, true},
		{"365d", 365 * 24 * time.Hour, true}, {"366d", 0, false}, {"30s", 0, false}, {"0", 0, false},
		{"-1h", 0, false}, {"d", 0, false}, {"1.5d", 0, false}, {"forever", 0, false},
	} {
		got, err := parseRetention(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("parseRetention(%q) = %v, %v, want %v (ok %v)", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

// TestServeLogLinesBounded: what a signed request holds (a 200,000-digit
// number, a 40 KB question, an unknown event type of 100 KB) leaves no
// line of serve's log over 2 KB.
func TestServeLogLinesBounded(t *testing.T) {
	api := newSlack(t)
	b := startServe(t, map[string]string{"SLACK_API_URL": api.APIURL()}, nil)
	digits := strings.Repeat("7", 200_000)
	for _, body := range []string{
		`{"type":"event_callback","event_id":"EvBIG1","event_time":` + digits + `,"event":{"type":"reaction_added","user":"U1","item":{"ts":` + digits + `}}}`,
		`{"type":"event_callback","event_id":"EvBIG2","event_time":1,"event":{"type":"app_mention","user":"U1","channel":"C1","ts":"1600000000.000001","text":"<@UBOT> ` +
			strings.Repeat("Wo gibt es Kuchen ", 2300) + `"}}`,
		`{"type":"` + strings.Repeat("x", 100_000) + `","event_id":"` + strings.Repeat("E", 100_000) + `"}`,
	} {
		b.deliver(t, []byte(body), 0)
	}
	b.ask(t, strings.Repeat("Wer backt den Kuchen ", 2000))
	waitPosts(t, api, 1)
	if err := b.stop(); err != nil {
		t.Fatal(err)
	}
	if len(b.records("unanswered")) != 2 {
		t.Errorf("unanswered logs %v, want the mention and the slash command", b.records("unanswered"))
	}
	for _, line := range strings.Split(b.logs.String(), "\n") {
		if len(line) > 2048 {
			t.Errorf("log line of %d bytes: %.200s…", len(line), line)
		}
	}
}
