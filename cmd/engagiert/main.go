// Command engagiert answers questions about the networks German municipalities
// form, from a curated knowledge base: in a terminal (ask), in Slack (serve),
// and checks the base (validate).
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"sync"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// exitCode is the exit status for what run returned (see exitStatus), and
// prints an error no one has printed yet.
func exitCode(err error, stderr io.Writer) int {
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ue):
		return 2 // run printed it, with the synopsis
	case !errors.Is(err, errReported):
		fmt.Fprintln(stderr, "engagiert:", err)
	}
	return 1
}

// env is what a verb may touch of the outside world. Tests pass their own,
// so the whole program runs in-process without global state.
type env struct {
	getenv func(string) string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// run is the whole program: main gives it the process's arguments (without
// the program name), environment and standard files.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	e := env{getenv: getenv, stdin: stdin, stdout: stdout, stderr: stderr}
	cmds := commands()
	if len(args) == 0 {
		mainUsage(stderr, cmds)
		return usageError{"no command given"}
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help":
		name = "help"
	case "-version", "--version":
		name = "version"
	}
	c := lookup(cmds, name)
	if c == nil {
		fmt.Fprintf(stderr, "engagiert: unknown command %q\nRun 'engagiert help' for the list of commands.\n", name)
		return usageError{fmt.Sprintf("unknown command %q", name)}
	}
	return runCommand(ctx, e, c, args[1:])
}

// tuneGC raises the garbage collector's target unless GOGC is set. The heap
// is small (a few MB for the shipped base) while each question allocates
// Bleve's fuzzy automata, so the default collects every few questions and
// its pauses dominate the p99; 400 costs a few MB and keeps p99 well under a
// millisecond (see BenchmarkAskShipped). ask and serve call it once the
// knowledge is loaded.
func tuneGC(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
}

// loadMemoryLimit bounds the heap while the collector is off for a load
// (collectorOffWhileLoading): far above what the shipped base takes, and
// low enough that a huge directory of YAML is still collected.
const loadMemoryLimit = 512 << 20

// quietLoads counts the loads running with the collector off; the first
// turns it off, the last restores what was set before (tests run ask in
// parallel in one process).
var quietLoads struct {
	sync.Mutex
	n     int
	gogc  int
	limit int64
}

// collectorOffWhileLoading turns the garbage collector off until the
// returned function is called, unless GOGC is set. Decoding the embedded
// base and building the engine allocate little that does not stay alive
// (the peak grows by 0.7 MB without collections), so the collections a
// fresh heap starts at 4, 8 and 16 MB free next to nothing and took a
// tenth of ask's CPU. A directory of YAML does leave garbage behind (the
// shipped base's peak grows from 34 to 46 MB): the soft limit
// loadMemoryLimit, or GOMEMLIMIT when lower, still bounds it.
func collectorOffWhileLoading(getenv func(string) string) (restore func()) {
	if getenv("GOGC") != "" {
		return func() {}
	}
	q := &quietLoads
	q.Lock()
	if q.n == 0 {
		q.limit = debug.SetMemoryLimit(-1)
		debug.SetMemoryLimit(min(q.limit, loadMemoryLimit))
		q.gogc = debug.SetGCPercent(-1)
	}
	q.n++
	q.Unlock()
	return sync.OnceFunc(func() {
		q.Lock()
		defer q.Unlock()
		if q.n--; q.n == 0 {
			debug.SetGCPercent(q.gogc)
			debug.SetMemoryLimit(q.limit)
		}
	})
}
