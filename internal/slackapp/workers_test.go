package slackapp

import (
	"context"
	"errors"
	"testing"
	"testing/synctest"
	"time"
)

// TestWorkers: a job runs on an idle worker when there is one, a slow job
// holds up no other, idle workers end after idleWorkerTime or at release,
// and nothing is left running after release (synctest fails on a goroutine
// left behind).
func TestWorkers(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		w := newWorkers()
		ran := 0
		w.do(func() { ran++ })
		synctest.Wait()
		if got := w.idle.Load(); ran != 1 || got != 1 {
			t.Fatalf("after one job: ran %d, idle workers %d, want 1 and 1", ran, got)
		}
		w.do(func() { ran++ })
		synctest.Wait()
		if got := w.idle.Load(); ran != 2 || got != 1 {
			t.Errorf("after a second job: ran %d, idle workers %d, want 2 and 1 (the same worker)", ran, got)
		}

		slow := make(chan struct{})
		w.do(func() { <-slow })
		w.do(func() { ran++ })
		synctest.Wait()
		if got := w.idle.Load(); ran != 3 || got != 1 {
			t.Errorf("while a job is slow: ran %d, idle workers %d, want 3 and 1", ran, got)
		}
		close(slow)
		synctest.Wait()
		if got := w.idle.Load(); got != 2 {
			t.Errorf("after the slow job: idle workers %d, want 2", got)
		}

		time.Sleep(idleWorkerTime + time.Second)
		synctest.Wait()
		if got := w.idle.Load(); got != 0 {
			t.Errorf("after %v idle: idle workers %d, want 0", idleWorkerTime, got)
		}

		w.do(func() { ran++ })
		synctest.Wait()
		w.release()
		synctest.Wait()
		if got := w.idle.Load(); ran != 4 || got != 0 {
			t.Errorf("after release: ran %d, idle workers %d, want 4 and 0", ran, got)
		}
		w.do(func() { ran++ }) // a job after release starts a new worker
		synctest.Wait()
		w.release()
	})
}

// TestDetached: the context of a slash command's answer keeps the
// request's values, outlives the request and ends with the App.
func TestDetached(t *testing.T) {
	t.Parallel()
	type key struct{}
	req, endRequest := context.WithCancel(context.WithValue(context.Background(), key{}, "v"))
	stop, stopApp := context.WithCancel(context.Background())
	ctx := detached{Context: context.WithoutCancel(req), stop: stop}
	endRequest()
	if ctx.Err() != nil || ctx.Value(key{}) != "v" || context.Cause(ctx) != nil {
		t.Fatalf("after the request ended: Err %v, value %v, cause %v; want nil, v, nil", ctx.Err(), ctx.Value(key{}), context.Cause(ctx))
	}
	stopApp()
	select {
	case <-ctx.Done():
	default:
		t.Fatal("Done open after the App stopped")
	}
	if !errors.Is(ctx.Err(), context.Canceled) {
		t.Errorf("Err after the App stopped = %v, want context.Canceled", ctx.Err())
	}
}
