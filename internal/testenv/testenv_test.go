package testenv

import (
	"net/url"
	"os"
	"path/filepath"
	"testing"
)

func TestMain(m *testing.M) { Main(m) }

// TestRedis: the Redis answers PING, and every call gets the same one.
func TestRedis(t *testing.T) {
	u := Redis(t)
	parsed, err := url.Parse(u)
	if err != nil || parsed.Scheme != "redis" {
		t.Fatalf("Redis() = %q, want a redis:// URL", u)
	}
	if err := ping(parsed.Host); err != nil {
		t.Errorf("PING %s: %v", parsed.Host, err)
	}
	if again := Redis(t); again != u {
		t.Errorf("second Redis() = %q, want the same server %q", again, u)
	}
}

func TestModuleRoot(t *testing.T) {
	root := ModuleRoot(t)
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Errorf("ModuleRoot() = %q, want the directory of go.mod", root)
	}
	if want, _ := filepath.Abs(filepath.Join("..", "..")); root != want {
		t.Errorf("ModuleRoot() = %q, want %q", root, want)
	}
}

// TestOwnRedis: a test's own Redis is another server than the shared
// one, gone once stopped, and starts again, empty, on the same port.
func TestOwnRedis(t *testing.T) {
	r := OwnRedis(t)
	if r.URL() == Redis(t) {
		t.Fatalf("OwnRedis() = %q, want a server of its own", r.URL())
	}
	if err := ping(r.Addr()); err != nil {
		t.Fatalf("PING %s: %v", r.Addr(), err)
	}
	r.Stop()
	if err := ping(r.Addr()); err == nil {
		t.Error("PING after Stop answered")
	}
	r.Stop() // again: nothing happens
	r.Restart()
	if err := ping(r.Addr()); err != nil || r.URL() != "redis://"+r.Addr()+"/0" {
		t.Errorf("after Restart: PING %v, URL %s", err, r.URL())
	}
}
