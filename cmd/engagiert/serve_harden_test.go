package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/engagiert/engagiert/internal/reload"
	"github.com/engagiert/engagiert/internal/slackapp"
	"github.com/engagiert/engagiert/internal/slackapp/slackapptest"
)

// Hardening (issue 10), whole-program: memory under stalled connections,
// the bot token checked at start, knowledge that cannot hang or leak.

// rssBytes is the process's resident set size, from /proc/self/status.
func rssBytes(t *testing.T) int64 {
	t.Helper()
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skipf("no /proc/self/status: %v", err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err != nil {
				t.Fatalf("VmRSS %q: %v", rest, err)
			}
			return kb << 10
		}
	}
	t.Skip("no VmRSS in /proc/self/status")
	return 0
}

// TestServeStalledConnectionsMemory opens 400 connections that each send
// about 1 MB before authentication and stall: half as one huge header, half
// as the body of a request that looks signed. The bot's resident memory
// stays under 300 MB and /healthz answers meanwhile. Without the limits
// (Go's 1 MB header limit, bodies read before the signature check, no
// bound on either) this took 2.5 GB and 1.2 GB.
func TestServeStalledConnectionsMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("opens 400 connections")
	}
	if raceEnabled {
		t.Skip("the race detector multiplies memory use")
	}
	// limit is the target for the whole process; growth bounds what
	// the stalled connections add, for a test process that other tests have
	// already grown.
	const conns, size, limit, growth = 400, 1 << 20, 300 << 20, 200 << 20
	b := startServe(t, nil, nil)
	addr := strings.TrimPrefix(b.url, "http://")
	runtime.GC()
	debug.FreeOSMemory()
	before := rssBytes(t)

	payload := bytes.Repeat([]byte("a"), size) // shared: the clients' memory stays small
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	var mu sync.Mutex
	var open []net.Conn
	t.Cleanup(func() {
		mu.Lock()
		defer mu.Unlock()
		for _, c := range open {
			c.Close()
		}
	})
	var wg sync.WaitGroup
	var sent atomic.Int64
	for i := range conns {
		wg.Go(func() {
			c, err := net.DialTimeout("tcp", addr, 5*time.Second)
			if err != nil {
				t.Errorf("dial %d: %v", i, err)
				return
			}
			mu.Lock()
			open = append(open, c)
			mu.Unlock()
			_ = c.SetWriteDeadline(time.Now().Add(5 * time.Second))
			var head string
			var body []byte
			if i%2 == 0 {
				// One header of 1 MB, never finished.
				head = "POST /slack/events HTTP/1.1\r\nHost: bot\r\nX-Pad: "
				body = payload
			} else {
				// Looks signed (the signature is checked once the body is
				// in), 1 MB announced, all but the last bytes sent.
				head = fmt.Sprintf("POST /slack/events HTTP/1.1\r\nHost: bot\r\nContent-Type: application/json\r\n"+
					"X-Slack-Request-Timestamp: %s\r\nX-Slack-Signature: v0=%s\r\nContent-Length: %d\r\n\r\n",
					ts, strings.Repeat("0", 64), slackapp.MaxBodyBytes-10)
				body = payload[:slackapp.MaxBodyBytes-100]
			}
			if _, err := io.WriteString(c, head); err != nil {
				return
			}
			n, _ := c.Write(body) // refused headers end in a reset: fine
			sent.Add(int64(n))
		})
	}
	wg.Wait()

	var peak int64
	for range 10 {
		peak = max(peak, rssBytes(t))
		start := time.Now()
		resp, err := http.Get(b.url + "/healthz")
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("/healthz with %d stalled connections: %v %v", conns, resp, err)
		}
		resp.Body.Close()
		if d := time.Since(start); d > time.Second {
			t.Errorf("/healthz with %d stalled connections took %v", conns, d)
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Logf("%d stalled connections, %d MB sent: RSS %d MB before, peak %d MB while stalled (limit %d MB)",
		conns, sent.Load()>>20, before>>20, peak>>20, limit>>20)
	if peak-before > growth || before < 100<<20 && peak > limit {
		t.Errorf("RSS with %d stalled 1 MB connections = %d MB (%d MB before), want under %d MB and at most %d MB more",
			conns, peak>>20, before>>20, limit>>20, growth>>20)
	}
}

// TestServeInvalidToken: a bot token the Web API rejects stops start-up
// with a message naming SLACK_BOT_TOKEN, before anything listens.
func TestServeInvalidToken(t *testing.T) {
	t.Parallel()
	api := slackapptest.New(t)
	api.Refuse("*", "invalid_auth")
	vars := map[string]string{
		"SLACK_BOT_TOKEN":      "xoxb-revoked-bot-token",
		"SLACK_SIGNING_SECRET": "secret-signing",
		"ENGAGIERT_ADDR":       "127.0.0.1:0",
		"SLACK_API_URL":        api.APIURL(),
	}
	var stderr syncWriter
	e := env{getenv: func(k string) string { return vars[k] }, stdout: io.Discard, stderr: &stderr}
	start := time.Now()
	err := runServe(context.Background(), e, nil)
	if err == nil || !strings.Contains(err.Error(), "SLACK_BOT_TOKEN") || !strings.Contains(err.Error(), "invalid_auth") {
		t.Fatalf("serve with a rejected token = %v, want an error naming SLACK_BOT_TOKEN and invalid_auth", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("serve took %v to refuse the token", d)
	}
	if strings.Contains(err.Error()+stderr.String(), "xoxb-revoked-bot-token") {
		t.Errorf("the token appears in the error or logs")
	}
	if strings.Contains(stderr.String(), `"msg":"serving"`) {
		t.Errorf("serve started serving with a rejected token:\n%s", stderr.String())
	}
}

// TestServeSIGTERMDuringStuckRead: a reload whose read never returns (a
// hung network mount) shows on /readyz as in progress, and SIGTERM still
// stops the bot well within the grace period.
func TestServeSIGTERMDuringStuckRead(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "knowledge")
	copyKnowledge(t, dir)
	var stuck atomic.Bool
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	load := func(dir string, log *slog.Logger) (*reload.Snapshot, error) {
		if stuck.Load() {
			<-release
		}
		return loadServing(dir, log)
	}
	hup := make(chan os.Signal, 1)
	b := startServeDeps(t, map[string]string{"ENGAGIERT_KNOWLEDGE": dir, "ENGAGIERT_RELOAD_DEBOUNCE": "20ms"},
		serveDeps{hup: hup, load: load})
	b.waitRecord(t, "watching knowledge for changes", 0)
	stuck.Store(true)
	hup <- syscall.SIGHUP
	r := b.waitReady(t, "a reload in progress", func(r slackapp.Readiness) bool {
		return r.Reload != nil && r.Reload.InProgressSince != ""
	})
	if !r.Ready {
		t.Errorf("/readyz during a stuck reload = %+v, want ready (the last good base answers)", r)
	}
	if got := b.ask(t, "Bielefeld"); !strings.Contains(got, "Bielefeld") {
		t.Errorf("Ask(Bielefeld) during a stuck reload = %q", got)
	}
	start := time.Now()
	if err := b.stop(); err != nil {
		t.Errorf("serve after SIGTERM = %v, want nil", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("SIGTERM during a stuck read stopped after %v, want well within the %v grace period", d, shutdownTimeout)
	}
	t.Logf("stopped %v after SIGTERM with a load stuck", time.Since(start).Round(time.Millisecond))
}

// TestServeKnowledgeFIFOAndSymlink: a named pipe in the knowledge directory
// stops start-up at once with its name; a symlink out of the directory
// added while serving is refused, the bot keeps answering, and /readyz
// names the file without its content.
func TestServeKnowledgeFIFOAndSymlink(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "knowledge")
	copyKnowledge(t, dir)
	fifo := filepath.Join(dir, "networks", "pipe.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	vars := map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s", "ENGAGIERT_KNOWLEDGE": dir, "ENGAGIERT_ADDR": "127.0.0.1:0"}
	e := env{getenv: func(k string) string { return vars[k] }, stdout: io.Discard, stderr: io.Discard}
	done := make(chan error, 1)
	go func() { done <- runServe(context.Background(), e, nil) }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "pipe.yaml: cannot read file: it is a named pipe") {
			t.Errorf("serve with a FIFO in the knowledge = %v, want it named as a named pipe", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve hangs on a FIFO in the knowledge directory")
	}
	os.Remove(fifo)

	outside := filepath.Join(t.TempDir(), "notes.yaml")
	if err := os.WriteFile(outside, []byte("id: x\nname: GEHEIM-INHALT\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	b := startServe(t, map[string]string{"ENGAGIERT_KNOWLEDGE": dir, "ENGAGIERT_RELOAD_DEBOUNCE": "50ms"}, nil)
	b.waitRecord(t, "watching knowledge for changes", 0)
	if err := os.Symlink(outside, filepath.Join(dir, "networks", "linked.yaml")); err != nil {
		t.Fatal(err)
	}
	rec := b.waitRecord(t, "knowledge reload failed", 0)
	if !strings.Contains(fmt.Sprint(rec["problems"]), "linked.yaml: cannot read file: it links out of the knowledge directory") {
		t.Errorf("reload failure = %v, want linked.yaml refused as a link out of the directory", rec["problems"])
	}
	r := b.waitReady(t, "the failure", func(r slackapp.Readiness) bool { return r.Reload != nil && r.Reload.Failures == 1 })
	if len(r.Reload.LastProblems) != 1 || !strings.HasSuffix(r.Reload.LastProblems[0], "networks/linked.yaml") {
		t.Errorf("/readyz problems = %q, want networks/linked.yaml", r.Reload.LastProblems)
	}
	resp, err := http.Get(b.url + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if strings.Contains(string(raw)+b.logs.String(), "GEHEIM") {
		t.Errorf("the linked file's content leaked into /readyz or the logs")
	}
	if got := b.ask(t, "Bielefeld"); !strings.Contains(got, "Bielefeld") {
		t.Errorf("Ask(Bielefeld) after a refused link = %q, want the last good answer", got)
	}
}

// TestLimitMemory: GOMEMLIMIT is left to the runtime; without it the limit
// is 80 % of the cgroup's memory limit, and none without either.
func TestLimitMemory(t *testing.T) {
	prev := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(prev) })
	log := slog.New(slog.DiscardHandler)
	write := func(t *testing.T, dir, name, content string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	v2, v1, none := t.TempDir(), t.TempDir(), t.TempDir()
	write(t, v2, "memory.max", "1000000000\n")
	write(t, v1, "memory/memory.limit_in_bytes", "500000000\n")
	write(t, none, "memory.max", "max\n")
	tests := []struct {
		name, gomemlimit, root string
		want                   int64
	}{
		{"cgroup v2", "", v2, 800000000},
		{"cgroup v1", "", v1, 400000000},
		{"no cgroup limit", "", none, prev},
		{"GOMEMLIMIT wins", "123MiB", v2, prev},
	}
	for _, tt := range tests {
		debug.SetMemoryLimit(prev)
		limitMemory(func(k string) string {
			if k == "GOMEMLIMIT" {
				return tt.gomemlimit
			}
			return ""
		}, tt.root, log)
		if got := debug.SetMemoryLimit(-1); got != tt.want {
			t.Errorf("%s: memory limit = %d, want %d", tt.name, got, tt.want)
		}
	}
}

// TestCollectorOffWhileLoading: ask's load runs with the collector off
// and a memory limit, overlapping loads restore the settings only when the
// last ends, a second restore changes nothing, and GOGC set leaves both
// alone. Not parallel: the settings are the process's.
func TestCollectorOffWhileLoading(t *testing.T) {
	prevGC, prevLimit := debug.SetGCPercent(150), debug.SetMemoryLimit(1<<40)
	t.Cleanup(func() { debug.SetGCPercent(prevGC); debug.SetMemoryLimit(prevLimit) })
	settings := func() (int, int64) {
		gc := debug.SetGCPercent(-1)
		debug.SetGCPercent(gc)
		return gc, debug.SetMemoryLimit(-1)
	}
	check := func(what string, wantGC int, wantLimit int64) {
		t.Helper()
		if gc, limit := settings(); gc != wantGC || limit != wantLimit {
			t.Errorf("%s: GOGC %d, limit %d; want %d, %d", what, gc, limit, wantGC, wantLimit)
		}
	}
	noEnv := func(string) string { return "" }
	first := collectorOffWhileLoading(noEnv)
	check("loading", -1, loadMemoryLimit)
	second := collectorOffWhileLoading(noEnv)
	first()
	first()
	check("one load still running", -1, loadMemoryLimit)
	second()
	check("after the loads", 150, 1<<40)
	debug.SetMemoryLimit(100 << 20)
	collectorOffWhileLoading(noEnv)()
	check("a lower limit stays", 150, 100<<20)
	collectorOffWhileLoading(func(k string) string {
		if k == "GOGC" {
			return "50"
		}
		return ""
	})
	check("GOGC set", 150, 100<<20)
}

// TestServeLimitSettings: the limits come from flags and variables, and bad
// values are refused with the variable's name.
func TestServeLimitSettings(t *testing.T) {
	t.Parallel()
	base := map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}
	for _, tt := range []struct{ env, value string }{
		{"ENGAGIERT_MAX_CONNS", "0"}, {"ENGAGIERT_MAX_BODY_READS", "many"},
		{"ENGAGIERT_RELOAD_TIMEOUT", "soon"}, {"ENGAGIERT_RELOAD_DEBOUNCE", "-1s"},
	} {
		vars := map[string]string{tt.env: tt.value}
		for k, v := range base {
			vars[k] = v
		}
		var c serveConfig
		err := c.resolve(env{getenv: func(k string) string { return vars[k] }, stderr: io.Discard})
		if err == nil || !strings.Contains(err.Error(), tt.env) {
			t.Errorf("%s=%q: resolve = %v, want an error naming %s", tt.env, tt.value, err, tt.env)
		}
	}
	var c serveConfig
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	c.bind(fs)
	err := fs.Parse([]string{"--max-conns", "64", "--reload-timeout", "5s"})
	if err == nil {
		err = c.resolve(env{getenv: func(k string) string { return base[k] }, stderr: io.Discard})
	}
	if err != nil || c.maxConns != 64 || c.reloadTimeout != 5*time.Second ||
		c.maxBodyReads != slackapp.DefaultMaxBodyReads || c.reloadDebounce != reload.DefaultDebounce {
		t.Errorf("parseServe(--max-conns 64 --reload-timeout 5s) = %+v, %v", c, err)
	}
}
