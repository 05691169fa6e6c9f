package slackapp

import (
	"crypto/rand"
	"strings"
	"testing"

	"github.com/engagiert/engagiert/internal/store"
	"github.com/engagiert/engagiert/internal/testenv"
)

func TestMain(m *testing.M) { testenv.Main(m) }

// redisStore is one replica's store: its own client on the Redis at u.
func redisStore(t *testing.T, u string) store.Store {
	t.Helper()
	s, err := store.New(u, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestReplicasShareThreads: two Apps, each with its own connection to one
// real Redis. The mention reaches A, the follow-up B: B asks with the
// thread's frame from A's answer. Votes of one user count once between them.
func TestReplicasShareThreads(t *testing.T) {
	t.Parallel()
	run := strings.ToUpper(rand.Text()[:8]) // keeps runs on a shared Redis apart
	asker := framedAnswers()
	u := testenv.Redis(t)
	var apps [2]*fixture
	for i := range apps {
		st := redisStore(t, u)
		apps[i] = convSetup(t, asker, func(c *Config) { c.Store = st })
	}
	mention := strings.ReplaceAll(string(testdata(t, "app_mention.json")), mentionChannel, "C"+run)
	mention = strings.Replace(mention, "Ev123ABC456", "EvA"+run, 1)
	apps[0].event(t, []byte(mention))
	reply := strings.ReplaceAll(string(channelMessage(t, "EvB"+run, "seit wann?", mentionTS, "U061F7AUR")), mentionChannel, "C"+run)
	apps[1].event(t, []byte(reply))
	calls := asker.got()
	if len(calls) != 2 || calls[1] != (askCall{"seit wann?", "subject=Bielefeld", true}) {
		t.Fatalf("asked %+v, want replica B to ask the follow-up after A's frame", calls)
	}
	if posts := apps[1].slack.Calls("chat.postMessage"); len(posts) != 1 || posts[0].Form.Get("thread_ts") != mentionTS {
		t.Errorf("replica B posted %v, want the answer in the thread", posts)
	}

	// One user votes 👍 on replica A and again on B: counted once.
	for _, f := range apps {
		f.post(t, "/slack/interactions", "application/x-www-form-urlencoded",
			voteClick(t, f.slack.Hooks(), "engagiert_feedback_up", "U"+run), nil)
		f.wait(t)
	}
	total := counterValue(t, apps[0].app.metrics.feedback.WithLabelValues("up")) + counterValue(t, apps[1].app.metrics.feedback.WithLabelValues("up"))
	if total != 1 {
		t.Errorf("feedback up over both replicas = %v, want 1", total)
	}
}
