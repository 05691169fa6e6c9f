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
// knowledge is loaded: loading runs faster with the default, whose
// collections reuse the memory loading leaves behind rather than have the
// kernel hand out fresh pages (ask Bielefeld 7 % sooner).
func tuneGC(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
}
