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
	if err != nil {
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprintln(os.Stderr, "engagiert:", err)
			os.Exit(2)
		}
		if !errors.Is(err, errReported) {
			fmt.Fprintln(os.Stderr, "engagiert:", err)
		}
		os.Exit(1)
	}
}

// env is what a verb may touch of the outside world. Tests pass their own,
// so the whole program runs in-process without global state.
type env struct {
	getenv func(string) string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// verb is one sub-command.
type verb struct {
	name, usage string
	run         func(ctx context.Context, e env, args []string) error
}

func verbs() []verb {
	return []verb{
		{"ask", "ask [--json] [--knowledge DIR] QUESTION... | ask --json -   answer questions", runAsk},
		{"validate", "validate [--knowledge DIR]   check the knowledge base", runValidate},
		{"review", "review [--older-than 18m] [--knowledge DIR]   list dated figures and facts to re-check, oldest first", runReview},
		{"schema", "schema [--out DIR]   write the JSON Schemas of the knowledge files (knowledge/schema)", runSchema},
		{"import-places", "import-places [--out FILE] TABLE.md   regenerate knowledge/places/nrw.yaml from the official list", runImportPlaces},
		{"serve", "serve [flags]   run the Slack bot (see README)", runServe},
		{"manifest", "manifest [--request-url URL]   print a Slack app manifest", runManifest},
		{"healthcheck", "healthcheck [--addr ADDR]   exit 0 when a local bot is alive", runHealthcheck},
		{"misses", "misses [--top N] [LOGFILE]   list frequent unanswered questions", runMisses},
	}
}

// usageError marks a mistake in the command line; main exits 2 for it.
type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

// errReported means the verb already printed what went wrong.
var errReported = errors.New("reported")

func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	e := env{getenv: getenv, stdin: stdin, stdout: stdout, stderr: stderr}
	tuneGC(getenv)
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		printUsage(stdout)
		if len(args) == 0 {
			return usageError{"no command given"}
		}
		return nil
	}
	for _, v := range verbs() {
		if v.name == args[0] {
			return v.run(ctx, e, args[1:])
		}
	}
	printUsage(stderr)
	return usageError{fmt.Sprintf("unknown command %q", args[0])}
}

// tuneGC raises the garbage collector's target unless GOGC is set. The heap
// is small (a few MB for the shipped base) while each question allocates
// Bleve's fuzzy automata, so the default collects every few questions and
// its pauses dominate the p99; 400 costs a few MB and keeps p99 well under a
// millisecond (see BenchmarkAskShipped).
func tuneGC(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "usage: engagiert COMMAND [ARGS]")
	for _, v := range verbs() {
		fmt.Fprintln(w, "  engagiert "+v.usage)
	}
}
