package reload

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestTwoStepWriteNeverLoadedHalf writes a file in place in two steps with
// a pause, as scp or rsync --inplace do, and asks for a reload in between.
// The half-written state must never be served, with file events (inotify)
// and without them (SIGHUP alone, as on a network mount).
func TestTwoStepWriteNeverLoadedHalf(t *testing.T) {
	t.Parallel()
	for _, events := range []bool{true, false} {
		t.Run(fmt.Sprintf("file events %v", events), func(t *testing.T) {
			kb := newFakeKB(t, "v1")
			const window = 300 * time.Millisecond
			h, hup, logs := startWith(t, kb, window, kb.load, func(h *Holder) { h.noFileEvents = !events })

			var mu sync.Mutex
			seen := map[string]bool{}
			stop := make(chan struct{})
			watched := make(chan struct{})
			go func() {
				defer close(watched)
				for {
					a := ask(h)
					mu.Lock()
					seen[a] = true
					mu.Unlock()
					select {
					case <-stop:
						return
					case <-time.After(time.Millisecond):
					}
				}
			}()

			path := filepath.Join(kb.dir, "networks", "net.yaml")
			f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := f.WriteString("v2-first-half"); err != nil {
				t.Fatal(err)
			}
			hup <- syscall.SIGHUP // a deploy script's reload, sent too early
			time.Sleep(window / 2)
			if _, err := f.WriteString("-and-the-rest\n"); err != nil {
				t.Fatal(err)
			}
			f.Close()
			if !events {
				hup <- syscall.SIGHUP // the script's reload after the write
			}
			waitAnswer(t, h, "v2-first-half-and-the-rest")
			close(stop)
			<-watched
			mu.Lock()
			defer mu.Unlock()
			if seen["v2-first-half"] {
				t.Errorf("the half-written file was served; answers seen: %v\n%s", seen, logs)
			}
			if n := len(logs.Records("knowledge reloaded")); n != 1 {
				t.Errorf("%d reloads, want 1", n)
			}
		})
	}
}

// TestFilesChangedDuringLoad: a write that lands while a load runs makes
// the watcher drop that load's result and load again.
func TestFilesChangedDuringLoad(t *testing.T) {
	t.Parallel()
	kb := newFakeKB(t, "v1")
	var once sync.Once
	load := func(ctx context.Context) (*Snapshot, error) {
		s, err := kb.load(ctx)
		once.Do(func() { writeFile(t, filepath.Join(kb.dir, "networks", "net.yaml"), "v3\n") })
		return s, err
	}
	h, hup, logs := startWith(t, kb, 50*time.Millisecond, load, func(h *Holder) { h.noFileEvents = true })
	writeFile(t, filepath.Join(kb.dir, "networks", "net.yaml"), "v2\n")
	hup <- syscall.SIGHUP
	waitAnswer(t, h, "v3")
	if logs.Record("knowledge files changed while loading; loading again once they are stable") == nil {
		t.Errorf("no log of the dropped load:\n%s", logs)
	}
	for _, r := range logs.Records("knowledge reloaded") {
		if r["version"] == "v:v2" {
			t.Errorf("the load that saw the files change was swapped in: %v", r)
		}
	}
}

// hang is a load that never returns on its own, like a read from a hung
// network mount; release lets it return at the end of the test.
func hang(t *testing.T) (LoadFunc, chan struct{}) {
	release := make(chan struct{})
	var once sync.Once
	t.Cleanup(func() { once.Do(func() { close(release) }) })
	return func(context.Context) (*Snapshot, error) {
		<-release
		return nil, errors.New("released")
	}, release
}

// TestReloadTimesOut: a load that hangs fails after the load timeout, the
// bot keeps answering, and the next reload is not blocked by it.
func TestReloadTimesOut(t *testing.T) {
	t.Parallel()
	h := NewHolder(mustLoad(t, constLoad("v1")), Options{LoadTimeout: 100 * time.Millisecond})
	logs := &syncBuffer{}
	log := slog.New(slog.NewJSONHandler(logs, nil))
	stuck, _ := hang(t)
	start := time.Now()
	err := h.Reload(context.Background(), stuck, log)
	if err == nil || !strings.Contains(err.Error(), "timed out after 100ms") {
		t.Fatalf("Reload(hanging load) = %v, want a timeout", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Reload(hanging load) took %v, want about the 100 ms timeout", d)
	}
	st := h.Status()
	if st.Failures != 1 || !strings.Contains(st.LastError, "timed out") || st.StuckLoads != 1 || h.Version() != "v:v1" {
		t.Errorf("Status() = %+v, want 1 failure, a timeout, 1 stuck load, still v:v1", st)
	}
	rec := logs.Record("knowledge reload failed")
	if rec == nil || rec["took_ms"] == nil {
		t.Errorf("failure log = %v, want one with took_ms", rec)
	}
	if err := h.Reload(context.Background(), constLoad("v2"), log); err != nil || h.Version() != "v:v2" {
		t.Errorf("next Reload = %v, Version %q; want nil, v:v2", err, h.Version())
	}

	// Stuck loads are bounded: past maxStuck no new load is started.
	for range maxStuck - 1 {
		stuck, _ := hang(t)
		_ = h.Reload(context.Background(), stuck, log)
	}
	called := false
	err = h.Reload(context.Background(), func(context.Context) (*Snapshot, error) { called = true; return nil, nil }, log)
	if err == nil || called || !strings.Contains(err.Error(), "never returned") {
		t.Errorf("Reload with %d stuck loads = %v (load called %v), want refused", maxStuck, err, called)
	}
}

// TestShutdownDuringStuckReload: SIGTERM (ctx cancelled) while a reload is
// stuck in a read ends Watch at once; /readyz meanwhile shows the reload in
// progress.
func TestShutdownDuringStuckReload(t *testing.T) {
	t.Parallel()
	kb := newFakeKB(t, "v1")
	s, _ := kb.load(context.Background())
	h := NewHolder(s, Options{Debounce: 20 * time.Millisecond, LoadTimeout: time.Hour})
	h.noFileEvents = true
	stuck, _ := hang(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	hup := make(chan os.Signal, 1)
	done := make(chan error, 1)
	go func() { done <- h.Watch(ctx, kb.dir, hup, stuck, slog.New(slog.DiscardHandler)) }()
	hup <- syscall.SIGHUP
	eventually(t, "a reload in progress", func() bool { return !h.Status().InProgressSince.IsZero() })
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Watch = %v, want nil", err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("Watch did not return within 2 s of shutdown while a load hangs")
	}
	if got := ask(h); got != "v1" {
		t.Errorf("Ask = %q, want v1", got)
	}
}

// located is a load error like yamlkb.Problems: its text quotes the files.
type located struct{ n int }

func (l located) Error() string {
	var b strings.Builder
	for i := range l.n {
		fmt.Fprintf(&b, "places.yaml:%d: unknown field in the value \"SECRET-CONTENT\"\n", i+1)
	}
	return b.String()
}

func (l located) Locations() ([]string, int) {
	var locs []string
	for i := range l.n - 5 {
		locs = append(locs, fmt.Sprintf("places.yaml:%d", i+1))
	}
	return locs, 5
}

// TestStatusHasNoContent: the status lists where problems are, at most 20,
// and never what the files say.
func TestStatusHasNoContent(t *testing.T) {
	t.Parallel()
	h := NewHolder(mustLoad(t, constLoad("v1")), Options{})
	logs := &syncBuffer{}
	_ = h.Reload(context.Background(), func(context.Context) (*Snapshot, error) { return nil, located{30} }, slog.New(slog.NewJSONHandler(logs, nil)))
	st := h.Status()
	if len(st.LastProblems) != maxStatusProblems+1 || st.LastProblems[0] != "places.yaml:1" || st.LastProblems[maxStatusProblems] != "... and 10 more" {
		t.Errorf("LastProblems = %q, want places.yaml:1 ... places.yaml:20, ... and 10 more", st.LastProblems)
	}
	if !strings.Contains(st.LastError, "30 problem(s)") {
		t.Errorf("LastError = %q, want the count of 30", st.LastError)
	}
	if strings.Contains(fmt.Sprint(st), "SECRET") {
		t.Errorf("Status carries file content: %+v", st)
	}
	if !strings.Contains(logs.String(), "SECRET-CONTENT") {
		t.Errorf("the log should carry the problems in full:\n%s", logs)
	}
}
