package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/yamlkb"
)

// cmdReview lists the figures and facts whose stand is older than a limit,
// oldest first, with FILE:LINE and the source to check them against: the
// curator's to-do list for keeping the base current.
func cmdReview() *command {
	c := &command{
		UsageLine: "review [--older-than 18m] [--knowledge DIR]",
		Short:     "list dated figures and facts to re-check, oldest first",
		Long: `
Review lists every current figure (the newest of each list of counts) and
every fact with a stand older than --older-than, oldest first, as
FILE:LINE: Stand DATE (N months): what: text, with the source to check.
Re-read the source; add what changed as a new, dated entry.

Examples:
	engagiert review
	engagiert review --older-than 36m --knowledge ./knowledge
`,
	}
	dirFlag := c.Flag.String("knowledge", "", knowledgeUsage)
	olderThan := c.Flag.String("older-than", "18m", "list stands older than this many `months`")
	c.Run = func(ctx context.Context, e env, args []string) error {
		if err := noArgs(c, args, ""); err != nil {
			return err
		}
		months, err := parseMonths(*olderThan)
		if err != nil {
			return usageError{"--older-than: " + err.Error()}
		}
		return review(e, knowledgeDir(*dirFlag, e), months)
	}
	return c
}

// review prints what in the base in dir is older than months.
func review(e env, dir string, months int) error {
	_, rep, err := checkBase(dir, yamlkb.Options{})
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
	now := domain.Clock(nil).Now()
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
