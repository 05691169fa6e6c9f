// Package testenv is what the tests of several packages share, in the
// manner of mattermost's plugin testhelper: one real Redis per test binary,
// the module root and the ../shared directory beside it, and one rule for a
// missing piece (Missing: skip with the reason, fail where CI is set).
// Only tests import it.
package testenv

import (
	"bufio"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Missing skips t because something it needs is not here, and says what.
// Where the CI environment variable is set it fails t instead: CI provides
// everything the tests need (.ci/run starts a Redis, ../shared lies beside
// the clone), so there a missing piece is a broken run, not a reason to skip.
func Missing(t testing.TB, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("CI is set, and "+format, args...)
	}
	t.Skipf(format, args...)
}

// Main runs the package's tests and then stops the Redis they started.
// A package whose tests call Redis has
//
//	func TestMain(m *testing.M) { testenv.Main(m) }
func Main(m *testing.M) {
	inMain.Store(true)
	code := m.Run()
	if redis.stop != nil {
		redis.stop()
	}
	os.Exit(code)
}

var inMain atomic.Bool

// redis is the test binary's Redis, started on first use.
var redis struct {
	once     sync.Once
	url, why string
	stop     func()
}

// Redis returns the URL of a real Redis: ENGAGIERT_TEST_REDIS_URL, or one
// redis-server per test binary, started on first use on a free loopback
// port without persistence. Tests share it, so each keeps its keys apart
// (a random part in every key). Without a Redis the test is Missing.
func Redis(t testing.TB) string {
	t.Helper()
	if !inMain.Load() {
		t.Fatal("testenv.Redis needs func TestMain(m *testing.M) { testenv.Main(m) }, which stops the server")
	}
	redis.once.Do(func() {
		if u := os.Getenv("ENGAGIERT_TEST_REDIS_URL"); u != "" {
			redis.url = u
			return
		}
		path, err := exec.LookPath("redis-server")
		if err != nil {
			redis.why = "redis-server is not on PATH (apt-get install redis-server) and ENGAGIERT_TEST_REDIS_URL is unset"
			return
		}
		redis.url, redis.stop, err = startRedis(path, "")
		if err != nil {
			redis.why = err.Error()
		}
	})
	if redis.url == "" {
		Missing(t, "no Redis: %s", redis.why)
	}
	return redis.url
}

// RedisServer is a redis-server of one test's own, which the test may
// stop, start again (empty, on the same port), stall or fill: for fault
// tests. It is stopped when the test ends.
type RedisServer struct {
	t    testing.TB
	path string
	args []string
	addr string
	stop func()
}

// OwnRedis starts a redis-server for t alone, on a free loopback port,
// without persistence, with args added ("--enable-debug-command", "yes").
// Without redis-server the test is Missing (ENGAGIERT_TEST_REDIS_URL does
// not help: a shared server must not be killed).
func OwnRedis(t testing.TB, args ...string) *RedisServer {
	t.Helper()
	path, err := exec.LookPath("redis-server")
	if err != nil {
		Missing(t, "no redis-server on PATH (apt-get install redis-server) for a Redis of the test's own")
	}
	url, stop, err := startRedis(path, "", args...)
	if err != nil {
		t.Fatal(err)
	}
	r := &RedisServer{t: t, path: path, args: args, addr: strings.TrimSuffix(strings.TrimPrefix(url, "redis://"), "/0"), stop: stop}
	t.Cleanup(r.Stop)
	return r
}

// URL is the server's redis:// URL.
func (r *RedisServer) URL() string { return "redis://" + r.addr + "/0" }

// Addr is the server's host:port.
func (r *RedisServer) Addr() string { return r.addr }

// Stop kills the server, as a crash would; it does nothing when stopped.
func (r *RedisServer) Stop() {
	if r.stop != nil {
		r.stop()
		r.stop = nil
	}
}

// Restart starts the server again, empty, on the same port.
func (r *RedisServer) Restart() {
	r.t.Helper()
	r.Stop()
	_, stop, err := startRedis(r.path, r.addr, r.args...)
	if err != nil {
		r.t.Fatal(err)
	}
	r.stop = stop
}

// startRedis runs redis-server on addr (a free loopback port if "") and
// waits until it answers PING.
func startRedis(path, want string, args ...string) (url string, stop func(), err error) {
	for range 3 { // the free port may be taken between Close and redis-server's bind
		addr := want
		if addr == "" {
			l, lerr := net.Listen("tcp", "127.0.0.1:0")
			if lerr != nil {
				return "", nil, lerr
			}
			addr = l.Addr().String()
			l.Close()
		}
		dir, derr := os.MkdirTemp("", "engagiert-redis")
		if derr != nil {
			return "", nil, derr
		}
		_, port, _ := net.SplitHostPort(addr)
		cmd := exec.Command(path, append([]string{"--port", port, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir}, args...)...)
		var out strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			os.RemoveAll(dir)
			return "", nil, err
		}
		exited := make(chan struct{})
		go func() { cmd.Wait(); close(exited) }()
		stop = func() {
			cmd.Process.Kill()
			<-exited
			os.RemoveAll(dir)
		}
		if err = waitPing(addr, exited); err == nil {
			return "redis://" + addr + "/0", stop, nil
		}
		stop()
		if out.Len() > 0 {
			err = fmt.Errorf("%w: %s", err, strings.TrimSpace(out.String()))
		}
	}
	return "", nil, fmt.Errorf("start redis-server: %w", err)
}

// waitPing waits up to 10 s for the server at addr to answer PING.
func waitPing(addr string, exited <-chan struct{}) error {
	err := errors.New("no answer")
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		select {
		case <-exited:
			return errors.New("redis-server exited")
		default:
		}
		if err = ping(addr); err == nil {
			return nil
		}
	}
	return err
}

// ping sends PING in Redis's protocol and wants +PONG back.
func ping(addr string) error {
	c, err := net.DialTimeout("tcp", addr, time.Second)
	if err != nil {
		return err
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(time.Second))
	if _, err := c.Write([]byte("PING\r\n")); err != nil {
		return err
	}
	line, err := bufio.NewReader(c).ReadString('\n')
	if err != nil {
		return err
	}
	if line != "+PONG\r\n" {
		return fmt.Errorf("PING answered %q", line)
	}
	return nil
}

// ModuleRoot is the directory of go.mod, found upwards from the working
// directory (a test runs in its package's directory).
func ModuleRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the working directory")
		}
		dir = parent
	}
}

// Shared returns the path of elem in ../shared beside the module root: the
// research tables, the eval, Slack's published payloads. They are never
// copied into the repository. A test that needs them and does not find
// them is Missing.
func Shared(t testing.TB, elem ...string) string {
	t.Helper()
	p := filepath.Join(append([]string{filepath.Dir(ModuleRoot(t)), "shared"}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		Missing(t, "this test reads ../shared beside the repository (the research notes, the eval, Slack's payloads), and %v", err)
	}
	return p
}
