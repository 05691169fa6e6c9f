package slackapp

import (
	"context"
	"crypto/rand"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/engagiert/engagiert/internal/store"
	"github.com/redis/go-redis/v9"
)

// testRedisURL returns a real Redis: ENGAGIERT_TEST_REDIS_URL, or a
// redis-server started for the test. Without one the test skips, and fails
// under CI=true.
func testRedisURL(t *testing.T) string {
	t.Helper()
	u := os.Getenv("ENGAGIERT_TEST_REDIS_URL")
	if u == "" {
		path, err := exec.LookPath("redis-server")
		if err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatal("no Redis under CI: redis-server is not on PATH and ENGAGIERT_TEST_REDIS_URL is unset")
			}
			t.Skip("no Redis: redis-server is not on PATH and ENGAGIERT_TEST_REDIS_URL is unset")
		}
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		port := l.Addr().(*net.TCPAddr).Port
		l.Close()
		cmd := exec.Command(path, "--port", fmt.Sprint(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", t.TempDir())
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
		u = fmt.Sprintf("redis://127.0.0.1:%d/0", port)
		opts, _ := redis.ParseURL(u)
		c := redis.NewClient(opts)
		defer c.Close()
		for deadline := time.Now().Add(10 * time.Second); c.Ping(context.Background()).Err() != nil; time.Sleep(20 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatal("redis-server did not start")
			}
		}
	}
	return u
}

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
	run := strings.ToUpper(rand.Text()[:8]) // keeps runs on a shared Redis apart
	asker := framedAnswers()
	u := testRedisURL(t)
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
	if posts := apps[1].slack.get("chat.postMessage"); len(posts) != 1 || posts[0].Form.Get("thread_ts") != mentionTS {
		t.Errorf("replica B posted %v, want the answer in the thread", posts)
	}

	// One user votes 👍 on replica A and again on B: counted once.
	for _, f := range apps {
		f.post(t, "/slack/interactions", "application/x-www-form-urlencoded",
			voteClick(t, f.slack.srv.URL+"/hooks", "engagiert_feedback_up", "U"+run), nil)
		f.wait(t)
	}
	total := counterValue(t, apps[0].app.metrics.feedback.WithLabelValues("up")) + counterValue(t, apps[1].app.metrics.feedback.WithLabelValues("up"))
	if total != 1 {
		t.Errorf("feedback up over both replicas = %v, want 1", total)
	}
}
