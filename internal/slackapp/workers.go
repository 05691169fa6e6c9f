package slackapp

import (
	"sync/atomic"
	"time"
)

// workers runs the App's background work on goroutines that stay a while
// after their job, so the next job runs on one of them. Every slash
// command answers on a goroutine of its own (slashInTime), and a new
// goroutine starts on a small stack that the engine grows several times,
// each time copying it: under load, starting goroutines and growing their
// stacks cost a twentieth of a request (issue 17). A worker that waited
// idleWorkerTime without a job ends, as do those beyond maxIdleWorkers and
// the idle ones when the App's Wait returns (release); when none is idle, a
// job starts a new one, so a slow job never holds up another.
type workers struct {
	jobs chan func()
	idle atomic.Int32
	// quit is closed by release; a worker reads it before each job and,
	// once idle, ends when it is closed.
	quit atomic.Pointer[chan struct{}]
}

const (
	// maxIdleWorkers is how many workers may wait for a job: about the
	// slash commands answered at once at 64 connections.
	maxIdleWorkers = 64
	// idleWorkerTime is how long a worker waits for its next job.
	idleWorkerTime = 10 * time.Second
)

func newWorkers() *workers {
	w := &workers{jobs: make(chan func())}
	q := make(chan struct{})
	w.quit.Store(&q)
	return w
}

// do runs f on an idle worker, or on a new one.
func (w *workers) do(f func()) {
	select {
	case w.jobs <- f:
	default:
		go w.work(f)
	}
}

// release ends the workers that are idle or will be once their job is done;
// jobs handed over later start new ones. Wait calls it once the work is
// done, so that nothing of the App keeps running after it.
func (w *workers) release() {
	q := make(chan struct{})
	close(*w.quit.Swap(&q))
}

// work runs f, then the jobs that come while it is idle.
func (w *workers) work(f func()) {
	var idle *time.Timer
	for {
		// Read before the job: a release after the job ends this worker.
		quit := *w.quit.Load()
		f()
		if w.idle.Add(1) > maxIdleWorkers {
			w.idle.Add(-1)
			return
		}
		if idle == nil {
			idle = time.NewTimer(idleWorkerTime)
		} else {
			idle.Reset(idleWorkerTime)
		}
		select {
		case f = <-w.jobs:
			w.idle.Add(-1)
			idle.Stop()
		case <-idle.C:
			w.idle.Add(-1)
			return
		case <-quit:
			w.idle.Add(-1)
			idle.Stop()
			return
		}
	}
}
