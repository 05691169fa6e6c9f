package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/engagiert/engagiert/internal/yamlkb"
)

// runReview lists the figures and facts whose stand is older than a limit,
// oldest first, with FILE:LINE and the source to check them against: the
// curator's to-do list for keeping the base current.
func runReview(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("review", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	dirFlag := fs.String("knowledge", "", "knowledge directory (default: ENGAGIERT_KNOWLEDGE, else the embedded base)")
	olderThan := fs.String("older-than", "18m", "list stands older than this many months")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("review takes no arguments, got %q", fs.Args())}
	}
	months, err := parseMonths(*olderThan)
	if err != nil {
		return usageError{"--older-than: " + err.Error()}
	}
	_, rep, err := checkBase(knowledgeDir(*dirFlag, e), yamlkb.Options{})
	var ps *yamlkb.Problems
	if errors.As(err, &ps) {
		for _, p := range ps.List {
			fmt.Fprintln(e.stderr, p)
		}
		fmt.Fprintf(e.stderr, "knowledge has %d problem(s); run engagiert validate\n", len(ps.List))
		return errReported
	}
	if err != nil {
		return fmt.Errorf("review: %w", err)
	}
	now := time.Now()
	var due []yamlkb.Dated
	for _, d := range rep.Dated {
		if yamlkb.MonthsBetween(d.Stand, now) > months {
			due = append(due, d)
		}
	}
	slices.SortStableFunc(due, func(a, b yamlkb.Dated) int {
		if a.Stand != b.Stand {
			if a.Stand.Before(b.Stand) {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
	})
	for _, d := range due {
		text := d.Text
		if r := []rune(text); len(r) > 90 {
			text = string(r[:87]) + "..."
		}
		fmt.Fprintf(e.stdout, "%s:%d: Stand %s (%d months): %s: %s\n    check: %s\n",
			d.File, d.Line, d.Stand.ISO(), yamlkb.MonthsBetween(d.Stand, now), d.What, strings.TrimSpace(text), cmp.Or(d.URL, d.Source))
	}
	fmt.Fprintf(e.stdout, "%d of %d dated figures and facts have a stand older than %d months\n", len(due), len(rep.Dated), months)
	return nil
}
