package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// A command is one verb of engagiert, in the manner of cmd/go's
// base.Command. The table of commands (commands) is the only place a verb is
// declared: dispatch, `engagiert help`, `engagiert help VERB`, `VERB --help`
// and the shell completion scripts all read it.
//
// There is no package state: commands builds a fresh table for every run,
// and each constructor binds its flags to variables of its own, so tests
// run the program many times at once.
type command struct {
	// UsageLine is the synopsis after "engagiert "; its first word is the
	// verb. Several forms go on several lines.
	UsageLine string
	// Short says what the verb does, for the list in `engagiert help`.
	Short string
	// Long is the help text after the synopsis: what the verb does, then
	// the examples, each line indented by a tab.
	Long string
	// Flag holds the verb's flags. Parsed by run, wherever they stand
	// among the arguments; after "--" everything is an argument.
	Flag flag.FlagSet
	// Words completes the verb's arguments (completion: bash zsh); nil
	// leaves them to the shell's file names.
	Words []string
	// Run runs the verb with the arguments left after the flags. A
	// usageError it returns is printed by run with the synopsis (exit
	// status 2); errReported means it printed what went wrong itself.
	Run func(ctx context.Context, e env, args []string) error
}

// commands is the table of verbs, in the order `engagiert help` lists them.
// To add a verb, write its constructor (see cmdValidate for a small one) and
// add it here; its help, --help and completion follow from the entry.
func commands() []*command {
	cmds := []*command{
		cmdAsk(),
		cmdValidate(),
		cmdReview(),
		cmdSchema(),
		cmdImportPlaces(),
		cmdAdd(),
		cmdCoverage(),
		cmdServe(),
		cmdManifest(),
		cmdHealthcheck(),
		cmdMisses(),
		cmdForget(),
		cmdVersion(),
		cmdCompletion(),
	}
	return append(cmds, cmdHelp(cmds))
}

// Name is the verb: the first word of the usage line.
func (c *command) Name() string {
	name, _, _ := strings.Cut(c.UsageLine, " ")
	return name
}

// lookup finds a verb in the table.
func lookup(cmds []*command, name string) *command {
	for _, c := range cmds {
		if c.Name() == name {
			return c
		}
	}
	return nil
}

// usageError is a mistake in the command line: exit status 2. run prints it,
// with the verb's synopsis, to stderr.
type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

// errReported means the verb already printed what went wrong: exit status 1.
var errReported = errors.New("reported")

// noArgs is the usage error of a verb that takes flags only; hint says what
// the arguments should have been, if anything.
func noArgs(c *command, args []string, hint string) error {
	if len(args) == 0 {
		return nil
	}
	msg := fmt.Sprintf("%s takes no arguments, got %q", c.Name(), args)
	if hint != "" {
		msg += "; " + hint
	}
	return usageError{msg}
}

// exitStatus documents the exit codes, in `engagiert help` and every verb's help.
const exitStatus = `Exit status:
	0  done (for healthcheck: the bot is alive; for validate: the base is valid)
	1  failed: the knowledge has problems, the bot is not healthy, Slack or a file could not be reached
	2  the command line is wrong: an unknown verb or flag, a missing or extra argument, a malformed value
`

// runCommand parses the verb's flags from args and runs it. --help or -h,
// anywhere before "--", prints the verb's help to stdout instead.
func runCommand(ctx context.Context, e env, c *command, args []string) error {
	c.Flag.Init(c.Name(), flag.ContinueOnError)
	c.Flag.SetOutput(io.Discard) // run reports errors, help goes to stdout
	c.Flag.Usage = func() {}
	rest, err := parseInterspersed(&c.Flag, args)
	if errors.Is(err, flag.ErrHelp) {
		return c.help(e.stdout)
	}
	if err == nil {
		err = c.Run(ctx, e, rest)
	}
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(e.stderr, "engagiert %s: %s\n", c.Name(), ue.msg)
		c.synopsis(e.stderr)
		fmt.Fprintf(e.stderr, "Run 'engagiert help %s' for details.\n", c.Name())
		return err
	}
	if err != nil && !errors.Is(err, flag.ErrHelp) {
		return err
	}
	return nil
}

// parseInterspersed parses flags wherever they stand, so that
// `ask Bielefeld --json` works as `ask --json Bielefeld` does; after "--"
// everything is an argument. Errors other than flag.ErrHelp are usage errors.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var words, tail []string
	for i, a := range args {
		if a == "--" {
			args, tail = args[:i], args[i+1:]
			break
		}
	}
	for {
		if err := fs.Parse(args); errors.Is(err, flag.ErrHelp) {
			return nil, err
		} else if err != nil {
			return nil, usageError{err.Error()}
		}
		args = fs.Args()
		if len(args) == 0 {
			return append(words, tail...), nil
		}
		words, args = append(words, args[0]), args[1:]
	}
}

// synopsis prints the usage lines.
func (c *command) synopsis(w io.Writer) {
	for i, line := range strings.Split(c.UsageLine, "\n") {
		prefix := "usage: "
		if i > 0 {
			prefix = "       "
		}
		fmt.Fprintf(w, "%sengagiert %s\n", prefix, line)
	}
}

// help prints the verb's help: synopsis, text, flags, exit status.
func (c *command) help(w io.Writer) error {
	c.synopsis(w)
	fmt.Fprintf(w, "\n%s\n", strings.TrimSpace(c.Long))
	if hasFlags(&c.Flag) {
		fmt.Fprintln(w, "\nFlags:")
		printFlags(w, &c.Flag)
	}
	_, err := fmt.Fprintf(w, "\n%s", exitStatus)
	return err
}

func hasFlags(fs *flag.FlagSet) bool {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}

// printFlags prints the flags as they are typed, with two dashes, and their
// defaults where they are not the zero value.
func printFlags(w io.Writer, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		name, usage := flag.UnquoteUsage(f)
		line := "  --" + f.Name
		if name != "" {
			line += " " + name
		}
		fmt.Fprintf(w, "%s\n    \t%s", line, usage)
		if d := f.DefValue; d != "" && d != "false" && d != "0" {
			fmt.Fprintf(w, " (default %s)", d)
		}
		fmt.Fprintln(w)
	})
}

// mainUsage is `engagiert help`: what engagiert is, the verbs, exit status.
func mainUsage(w io.Writer, cmds []*command) error {
	fmt.Fprint(w, `engagiert answers questions about the networks German municipalities form,
NRW's municipalities and their town twinnings, from a curated knowledge base:
in a terminal (ask) and in Slack (serve).

Usage:

	engagiert <command> [arguments]

The commands are:

`)
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	for _, c := range cmds {
		fmt.Fprintf(tw, "\t%s\t%s\n", c.Name(), c.Short)
	}
	tw.Flush()
	_, err := fmt.Fprintf(w, `
Use "engagiert help <command>" or "engagiert <command> --help" for more
about a command, "engagiert --version" for the build.

%s`, exitStatus)
	return err
}

// cmdHelp is the help verb; it needs the table it describes.
func cmdHelp(cmds []*command) *command {
	c := &command{
		UsageLine: "help [COMMAND]",
		Short:     "show help for engagiert or one of its commands",
		Long: `
Help lists the commands, or shows the synopsis, flags and examples of one.

Examples:
	engagiert help
	engagiert help ask
`,
	}
	for _, v := range cmds {
		c.Words = append(c.Words, v.Name())
	}
	c.Words = append(c.Words, c.Name())
	c.Run = func(ctx context.Context, e env, args []string) error {
		switch len(args) {
		case 0:
			return mainUsage(e.stdout, append(cmds, c))
		case 1:
			if args[0] == c.Name() {
				return c.help(e.stdout)
			}
			if v := lookup(cmds, args[0]); v != nil {
				return v.help(e.stdout)
			}
			return usageError{fmt.Sprintf("unknown command %q; run 'engagiert help' for the list", args[0])}
		}
		return usageError{fmt.Sprintf("help takes one command, got %q", args)}
	}
	return c
}
