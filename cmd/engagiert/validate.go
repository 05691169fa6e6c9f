package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/engagiert/engagiert/internal/yamlkb"
)

// runValidate checks the knowledge base the way the bot would load it, so a
// curator (or CI) learns about every problem before the bot refuses the files.
func runValidate(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	dirFlag := fs.String("knowledge", "", "knowledge directory (default: ENGAGIERT_KNOWLEDGE, else the embedded base)")
	stale := fs.String("stale", fmt.Sprintf("%dm", yamlkb.DefaultStaleAfter), "note how many current figures and stands are older than this many months (like 36m)")
	quiet := fs.Bool("quiet", false, "print problems only, no warnings or notes")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("validate takes no arguments, got %q; use --knowledge DIR", fs.Args())}
	}
	months, err := parseMonths(*stale)
	if err != nil {
		return usageError{"--stale: " + err.Error()}
	}
	dir := knowledgeDir(*dirFlag, e)
	start := time.Now()
	base, rep, err := checkBase(dir, yamlkb.Options{StaleAfter: months})
	took := time.Since(start)
	if !*quiet && rep != nil {
		for _, w := range rep.Warnings {
			fmt.Fprintln(e.stderr, w)
		}
		if len(rep.Stale) > 0 {
			fmt.Fprintf(e.stderr, "note: %d current figures and facts have a stand older than %d months; `engagiert review --older-than %dm` lists them with the sources to read again\n",
				len(rep.Stale), months, months)
		}
		if len(rep.Everyday) > 0 {
			fmt.Fprintf(e.stderr, "note: %d place names are also everyday words (everyday: true); they are read as places only where a question treats them as one:\n", len(rep.Everyday))
			for _, n := range rep.Everyday {
				fmt.Fprintln(e.stderr, "  "+n)
			}
		}
	}
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
	fmt.Fprintf(e.stdout, "knowledge OK (version %s): %d networks, %d places, %d memberships, %d partnerships, %d sources; %d warning(s); checked in %s\n",
		base.Version, len(base.Networks), len(base.Places), base.Memberships(), len(base.Partnerships), len(base.Sources),
		len(rep.Warnings), took.Round(time.Millisecond))
	return nil
}

// parseMonths reads an age in months, written "18m" or "18".
func parseMonths(s string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(s), "m"))
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("write a number of months, like 18m; got %q", s)
	}
	return n, nil
}
