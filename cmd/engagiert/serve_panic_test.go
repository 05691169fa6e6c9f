package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/reload"
	"github.com/engagiert/engagiert/internal/testenv"
	"go.yaml.in/yaml/v3"
)

// metric returns the value of the sample series (name and labels as
// /metrics prints them, `engagiert_panics_total{where="answer"}`).
func (b *servedBot) metric(t *testing.T, series string) float64 {
	t.Helper()
	resp, err := http.Get(b.url + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	for _, line := range strings.Split(string(body), "\n") {
		if v, ok := strings.CutPrefix(line, series+" "); ok {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				t.Fatalf("/metrics %s: %v", series, err)
			}
			return f
		}
	}
	t.Fatalf("/metrics has no %s", series)
	return 0
}

// boomAsker panics on every question with "Boom", as an engine with a bug.
type boomAsker struct{ domain.Asker }

func (a boomAsker) Ask(ctx context.Context, q string) domain.Answer {
	if strings.Contains(q, "Boom") {
		panic("index out of range [3] with length 3")
	}
	return a.Asker.Ask(ctx, q)
}

// TestServeSurvivesPanics runs the whole bot with an asker that panics on
// some questions and a knowledge loader that panics on reload: each costs
// one answer (an apology) or one reload, is counted, and the bot answers
// the next question.
func TestServeSurvivesPanics(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "knowledge")
	copyKnowledge(t, dir)
	var loads atomic.Int32
	hup := make(chan os.Signal, 1)
	api := newSlack(t)
	b := startServeDeps(t, map[string]string{"ENGAGIERT_KNOWLEDGE": dir, "SLACK_API_URL": api.APIURL()}, serveDeps{hup: hup,
		load: func(dir string, log *slog.Logger) (*reload.Snapshot, error) {
			if loads.Add(1) > 1 {
				panic("loader bug")
			}
			s, err := loadServing(dir, log)
			if err != nil {
				return nil, err
			}
			s.Asker = boomAsker{s.Asker}
			return s, nil
		}})

	if got := b.ask(t, "Boom"); !strings.Contains(got, "schiefgegangen") {
		t.Errorf("/engagiert Boom = %q, want the apology", got)
	}
	if got := b.ask(t, "Bielefeld"); !strings.Contains(got, "Bielefeld") {
		t.Errorf("/engagiert Bielefeld after a panic = %q", got)
	}
	b.deliver(t, mentionIn("EvBOOM1", "C1", "1600000000.000001", "<@UBOT> Boom"), 0)
	waitPosts(t, api, 1)
	b.deliver(t, mentionIn("EvBOOM2", "C1", "1600000000.000002", "<@UBOT> Bielefeld"), 0)
	waitPosts(t, api, 2)
	posts := api.Posts()
	if !strings.Contains(posts[0].Get("text"), "schiefgegangen") || !strings.Contains(posts[1].Get("text"), "Bielefeld") {
		t.Errorf("posts %v, want the apology, then the answer", posts)
	}
	if got := b.metric(t, `engagiert_panics_total{where="answer"}`); got != 2 {
		t.Errorf(`engagiert_panics_total{where="answer"} = %v, want 2`, got)
	}
	r := b.waitRecord(t, "panic recovered", 1)
	if r.str("event_id") != "EvBOOM1" || r.str("level") != "ERROR" || !strings.Contains(r.str("stack"), "boomAsker.Ask") {
		t.Errorf("panic log %v, want ERROR with the event_id and the stack", r)
	}

	hup <- syscall.SIGHUP
	b.waitRecord(t, "knowledge reload failed", 0)
	if got := b.metric(t, `engagiert_panics_total{where="reload"}`); got != 1 {
		t.Errorf(`engagiert_panics_total{where="reload"} = %v, want 1`, got)
	}
	if got := b.ask(t, "Bielefeld"); !strings.Contains(got, "Bielefeld") {
		t.Errorf("/engagiert Bielefeld after a panicking reload = %q", got)
	}
}

// TestWatchKnowledgeRestarts: a watcher that panics is recovered, counted
// and started again; one that returns is not.
func TestWatchKnowledgeRestarts(t *testing.T) {
	defer func(d time.Duration) { watchRestart = d }(watchRestart)
	watchRestart = time.Millisecond
	kb := reload.NewHolder(nil, reload.Options{})
	var counted atomic.Int32
	kb.SetOnPanic(func(any) { counted.Add(1) })
	var runs int
	logs := &syncWriter{}
	watchKnowledge(context.Background(), kb, slog.New(slog.NewJSONHandler(logs, nil)), func(context.Context) error {
		runs++
		if runs < 3 {
			panic("watcher bug")
		}
		return errors.New("no inotify")
	})
	if runs != 3 || counted.Load() != 2 {
		t.Errorf("watcher ran %d times with %d panics counted, want 3 and 2", runs, counted.Load())
	}
	if rs := logs.Records("knowledge watcher restarted after a panic"); len(rs) != 2 {
		t.Errorf("%d restarts logged, want 2:\n%s", len(rs), logs.String())
	}
}

// TestServeSurvivesEvalQuestions sends every question of every eval file
// (ours, the pending ones, and ../shared/eval's when it is there) to a
// serving bot as a slash command and as a mention: each gets its answer,
// and the bot keeps serving.
func TestServeSurvivesEvalQuestions(t *testing.T) {
	if testing.Short() {
		t.Skip("sends about a thousand questions")
	}
	// The project's own eval files, ../shared's when it is there (the
	// test runs without it), and the fuzz corpora's questions.
	files, _ := filepath.Glob("testdata/eval*/*.yaml")
	if shared, err := filepath.Glob(filepath.Join(filepath.Dir(testenv.ModuleRoot(t)), "shared", "eval", "*.yaml")); err == nil {
		files = append(files, shared...)
	}
	var questions []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var cs []evalCase
		if err := yaml.Unmarshal(b, &cs); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, c := range cs {
			questions = append(questions, c.Q)
		}
	}
	corpus, _ := filepath.Glob(filepath.Join(testenv.ModuleRoot(t), "internal", "*", "testdata", "fuzz", "*", "*"))
	for _, f := range corpus {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(line, "string("); ok {
				if q, err := strconv.Unquote(strings.TrimSuffix(v, ")")); err == nil {
					questions = append(questions, q)
				}
			}
		}
	}
	if len(questions) < 500 {
		t.Fatalf("%d eval questions from %v, want the files' hundreds", len(questions), files)
	}
	api := newSlack(t)
	b := startServe(t, map[string]string{"SLACK_API_URL": api.APIURL()}, nil)
	for i, q := range questions {
		if got := b.ask(t, q); got == "" {
			t.Errorf("/engagiert %q: empty answer", q)
		}
		b.deliver(t, mentionIn(fmt.Sprintf("EvEVAL%d", i), "C1", fmt.Sprintf("1600000000.%06d", i), "<@UBOT> "+q), 0)
	}
	waitPosts(t, api, len(questions))
	if got := b.ask(t, "Bielefeld"); !strings.Contains(got, "Bielefeld") {
		t.Errorf("after %d questions: /engagiert Bielefeld = %q", len(questions), got)
	}
	for _, where := range []string{"background", "http", "socket"} {
		if n := b.metric(t, `engagiert_panics_total{where="`+where+`"}`); n != 0 {
			t.Errorf(`engagiert_panics_total{where=%q} = %v, want 0`, where, n)
		}
	}
	if n := b.metric(t, `engagiert_panics_total{where="answer"}`); n != 0 {
		t.Logf("%v answers panicked (recovered, apologised for): the engine has a bug to fix", n)
	}
}
