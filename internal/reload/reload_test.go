package reload

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/engagiert/engagiert/internal/logtest"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/domain/domaintest"
)

// syncBuffer is a log sink the watcher goroutine and the test share.
type syncBuffer = logtest.Buffer

// fakeKB is a stand-in knowledge directory: networks/net.yaml holds the one
// answer the fake Asker gives. A file starting with "broken" fails to load
// the way the YAML loader fails, with FILE:LINE problems.
type fakeKB struct {
	dir   string
	loads atomic.Int32
}

func newFakeKB(t *testing.T, answer string) *fakeKB {
	t.Helper()
	kb := &fakeKB{dir: filepath.Join(t.TempDir(), "knowledge")}
	writeKB(t, kb.dir, answer)
	return kb
}

func writeKB(t *testing.T, dir, answer string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(dir, "networks"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "places.yaml"), "places: []\n")
	writeFile(t, filepath.Join(dir, "networks", "net.yaml"), answer+"\n")
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func (kb *fakeKB) load(context.Context) (*Snapshot, error) {
	kb.loads.Add(1)
	data, err := os.ReadFile(filepath.Join(kb.dir, "networks", "net.yaml"))
	if err != nil {
		return nil, fmt.Errorf("load knowledge: %w", err)
	}
	text := strings.TrimSpace(string(data))
	if strings.HasPrefix(text, "broken") {
		return nil, errors.Join(
			errors.New(`networks/net.yaml:2: unknown key "nmae" (did you mean "name"?)`),
			errors.New(`places.yaml:7: place "bielefeld" is defined twice`))
	}
	asker := domaintest.AskerFunc(func(_ context.Context, q string) domain.Answer {
		return domain.Answer{Query: q, Found: true, Lead: text}
	})
	return &Snapshot{Asker: asker, Base: domaintest.NewBase(nil, nil, nil, "v:"+text)}, nil
}

// start builds a Holder from kb and watches it until the test ends.
func start(t *testing.T, kb *fakeKB, debounce time.Duration) (*Holder, chan os.Signal, *syncBuffer) {
	t.Helper()
	return startWith(t, kb, debounce, kb.load, nil)
}

// startWith is start with another load function, and change applied to the
// Holder before it watches.
func startWith(t *testing.T, kb *fakeKB, debounce time.Duration, load LoadFunc, change func(*Holder)) (*Holder, chan os.Signal, *syncBuffer) {
	t.Helper()
	s, err := kb.load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	h := NewHolder(s, Options{Debounce: debounce})
	h.poll = 50 * time.Millisecond
	if change != nil {
		change(h)
	}
	logs := &syncBuffer{}
	logger := slog.New(slog.NewJSONHandler(logs, nil))
	hup := make(chan os.Signal, 1)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- h.Watch(ctx, kb.dir, hup, load, logger) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Watch() = %v, want nil after cancel", err)
		}
		if t.Failed() {
			t.Logf("logs:\n%s", logs)
		}
	})
	// Let Watch set up its watches before the test edits anything.
	time.Sleep(50 * time.Millisecond)
	return h, hup, logs
}

func ask(h *Holder) string {
	return h.Ask(context.Background(), "Bielefeld").Lead
}

// eventually waits up to 5 s for cond.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func waitAnswer(t *testing.T, h *Holder, want string) {
	t.Helper()
	eventually(t, fmt.Sprintf("Ask(%q) = %q (now %q)", "Bielefeld", want, ask(h)), func() bool { return ask(h) == want })
}

func TestReloadOnSignal(t *testing.T) {
	t.Parallel()
	kb := newFakeKB(t, "v1")
	// File events ignored: only the signal can cause the reload.
	h, hup, logs := startWith(t, kb, 50*time.Millisecond, kb.load, func(h *Holder) { h.noFileEvents = true })
	before := h.LoadedAt()
	writeFile(t, filepath.Join(kb.dir, "networks", "net.yaml"), "v2\n")
	time.Sleep(50 * time.Millisecond)
	if got := ask(h); got != "v1" {
		t.Fatalf("before SIGHUP: Ask = %q, want %q", got, "v1")
	}
	hup <- syscall.SIGHUP
	waitAnswer(t, h, "v2")
	if h.Version() != "v:v2" || !h.LoadedAt().After(before) {
		t.Errorf("after reload: Version() = %q, LoadedAt() = %v; want %q and later than %v", h.Version(), h.LoadedAt(), "v:v2", before)
	}
	eventually(t, "knowledge reloaded in the log", func() bool { return logs.Record("knowledge reloaded") != nil })
	rec := logs.Record("knowledge reloaded")
	if rec["version"] != "v:v2" || rec["previous_version"] != "v:v1" || rec["dir"] != kb.dir {
		t.Errorf("log record %q = %v, want version v:v2, previous_version v:v1, dir %s", "knowledge reloaded", rec, kb.dir)
	}
}

// TestReloadOnFileChange covers the ways files change on disk.
func TestReloadOnFileChange(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		edit func(t *testing.T, dir string)
	}{
		{"write in place", func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, "networks", "net.yaml"), "v2\n")
		}},
		{"editor writes a temp file and renames it over", func(t *testing.T, dir string) {
			tmp := filepath.Join(dir, "networks", ".net.yaml.tmp")
			writeFile(t, tmp, "v2\n")
			if err := os.Rename(tmp, filepath.Join(dir, "networks", "net.yaml")); err != nil {
				t.Fatal(err)
			}
		}},
		{"networks directory replaced", func(t *testing.T, dir string) {
			if err := os.RemoveAll(filepath.Join(dir, "networks")); err != nil {
				t.Fatal(err)
			}
			writeKB(t, dir, "v2")
		}},
		{"whole directory swapped by rename", func(t *testing.T, dir string) {
			next := dir + ".next"
			writeKB(t, next, "v2")
			if err := os.Rename(dir, dir+".old"); err != nil {
				t.Fatal(err)
			}
			if err := os.Rename(next, dir); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kb := newFakeKB(t, "v1")
			h, _, _ := start(t, kb, 100*time.Millisecond)
			tt.edit(t, kb.dir)
			waitAnswer(t, h, "v2")
			// The watches must follow the change: a second edit is seen too.
			writeFile(t, filepath.Join(kb.dir, "networks", "net.yaml"), "v3\n")
			waitAnswer(t, h, "v3")
		})
	}
}

func TestBrokenEditKeepsServing(t *testing.T) {
	t.Parallel()
	kb := newFakeKB(t, "v1")
	h, _, logs := start(t, kb, 100*time.Millisecond)
	writeFile(t, filepath.Join(kb.dir, "networks", "net.yaml"), "broken\n")
	eventually(t, "knowledge reload failed in the log", func() bool { return logs.Record("knowledge reload failed") != nil })
	rec := logs.Record("knowledge reload failed")
	wantProblems := []any{`networks/net.yaml:2: unknown key "nmae" (did you mean "name"?)`, `places.yaml:7: place "bielefeld" is defined twice`}
	if rec["level"] != "ERROR" || !reflect.DeepEqual(rec["problems"], wantProblems) || rec["serving_version"] != "v:v1" {
		t.Errorf("log record = %v, want level ERROR, problems %q, serving_version v:v1", rec, wantProblems)
	}
	if _, ok := rec["took_ms"].(float64); !ok {
		t.Errorf("log record = %v, want took_ms in milliseconds", rec)
	}
	if got := ask(h); got != "v1" {
		t.Errorf("after a broken edit: Ask = %q, want the last good %q", got, "v1")
	}
	st := h.Status()
	if st.Version != "v:v1" || st.Failures != 1 || st.LastError == "" || st.LastErrorAt.IsZero() {
		t.Errorf("Status() = %+v, want version v:v1, 1 failure, the error", st)
	}
	// Fixing the file is picked up.
	writeFile(t, filepath.Join(kb.dir, "networks", "net.yaml"), "v2\n")
	waitAnswer(t, h, "v2")
}

func TestDirectoryRemovedKeepsServing(t *testing.T) {
	t.Parallel()
	kb := newFakeKB(t, "v1")
	h, _, logs := start(t, kb, 100*time.Millisecond)
	if err := os.RemoveAll(kb.dir); err != nil {
		t.Fatal(err)
	}
	eventually(t, "knowledge reload failed in the log", func() bool { return logs.Record("knowledge reload failed") != nil })
	if got := ask(h); got != "v1" {
		t.Errorf("directory removed: Ask = %q, want the last good %q", got, "v1")
	}
	writeKB(t, kb.dir, "v2")
	waitAnswer(t, h, "v2")
}

// TestDebounce: a burst of writes, as a git checkout makes, is one reload.
func TestDebounce(t *testing.T) {
	t.Parallel()
	kb := newFakeKB(t, "v1")
	h, _, _ := start(t, kb, 200*time.Millisecond)
	loadsBefore := kb.loads.Load()
	for i := range 20 {
		writeFile(t, filepath.Join(kb.dir, "networks", "net.yaml"), fmt.Sprintf("burst%d\n", i))
		time.Sleep(5 * time.Millisecond)
	}
	waitAnswer(t, h, "burst19")
	time.Sleep(300 * time.Millisecond)
	if n := kb.loads.Load() - loadsBefore; n != 1 {
		t.Errorf("20 writes in 100 ms caused %d loads, want 1", n)
	}
}

// TestIgnoredFiles: editor swap files and chmod do not reload.
func TestIgnoredFiles(t *testing.T) {
	t.Parallel()
	kb := newFakeKB(t, "v1")
	start(t, kb, 50*time.Millisecond)
	loadsBefore := kb.loads.Load()
	writeFile(t, filepath.Join(kb.dir, "networks", ".net.yaml.swp"), "x")
	writeFile(t, filepath.Join(kb.dir, "places.yaml~"), "x")
	os.Chmod(filepath.Join(kb.dir, "places.yaml"), 0o600)
	writeFile(t, filepath.Join(filepath.Dir(kb.dir), "unrelated.txt"), "x")
	time.Sleep(300 * time.Millisecond)
	if n := kb.loads.Load() - loadsBefore; n != 0 {
		t.Errorf("swap, backup, chmod and sibling changes caused %d loads, want 0", n)
	}
}

func TestWatchNeedsDir(t *testing.T) {
	t.Parallel()
	h := NewHolder(nil, Options{})
	if err := h.Watch(context.Background(), "", nil, nil, slog.New(slog.DiscardHandler)); err == nil {
		t.Error(`Watch(dir "") = nil, want an error`)
	}
}

// closer records when a snapshot is closed, as freeing an index does.
type closer struct{ closed atomic.Bool }

func (c *closer) Close() error { c.closed.Store(true); return nil }

func snapshot(version string, c *closer) *Snapshot {
	return &Snapshot{
		Asker: domaintest.AskerFunc(func(context.Context, string) domain.Answer {
			return domain.Answer{Found: true, Title: version}
		}),
		Base:  domaintest.NewBase(nil, nil, nil, version),
		Close: c.Close,
	}
}

// A replaced snapshot is closed once its last questions are surely done, and
// a reload that finds the same knowledge closes the copy it built at once.
func TestReloadClosesReplacedSnapshot(t *testing.T) {
	t.Parallel()
	var first, same, second closer
	h := NewHolder(snapshot("v1", &first), Options{})
	h.retire = 20 * time.Millisecond
	log := slog.New(slog.DiscardHandler)
	ctx := context.Background()

	if err := h.Reload(ctx, func(context.Context) (*Snapshot, error) { return snapshot("v1", &same), nil }, log); err != nil {
		t.Fatal(err)
	}
	if !same.closed.Load() || first.closed.Load() {
		t.Errorf("unchanged reload: copy closed %v, serving snapshot closed %v; want true, false", same.closed.Load(), first.closed.Load())
	}

	if err := h.Reload(ctx, func(context.Context) (*Snapshot, error) { return snapshot("v2", &second), nil }, log); err != nil {
		t.Fatal(err)
	}
	if got := h.Ask(ctx, "q").Title; got != "v2" {
		t.Errorf("after reload Ask = %q, want v2", got)
	}
	if first.closed.Load() {
		t.Errorf("replaced snapshot closed at once; questions already on their way may still need it")
	}
	deadline := time.Now().Add(5 * time.Second)
	for !first.closed.Load() && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if !first.closed.Load() || second.closed.Load() {
		t.Errorf("after retire: old closed %v, new closed %v; want true, false", first.closed.Load(), second.closed.Load())
	}
}
