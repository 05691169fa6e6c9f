package main

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"github.com/engagiert/engagiert/internal/yamlkb"
)

// runValidate checks the knowledge base the way the bot would load it, so a
// curator (or CI) learns about every problem before the bot refuses the files.
func runValidate(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	dirFlag := fs.String("knowledge", "", "knowledge directory (default: ENGAGIERT_KNOWLEDGE, else the embedded base)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("validate takes no arguments, got %q; use --knowledge DIR", fs.Args())}
	}
	dir := knowledgeDir(*dirFlag, e)
	base, err := loadBase(dir)
	var ps *yamlkb.Problems
	if errors.As(err, &ps) {
		for _, p := range ps.List {
			fmt.Fprintln(e.stderr, p)
		}
		if ps.More > 0 {
			fmt.Fprintf(e.stderr, "... and %d more\n", ps.More)
		}
		fmt.Fprintf(e.stderr, "knowledge has %d problem(s)\n", len(ps.List)+ps.More)
		return errReported
	}
	if err != nil {
		return fmt.Errorf("validate: %w", err)
	}
	fmt.Fprintf(e.stdout, "knowledge OK (version %s): %d networks, %d places, %d memberships, %d sources\n",
		base.Version, len(base.Networks), len(base.Places), base.Memberships(), len(base.Sources))
	return nil
}
