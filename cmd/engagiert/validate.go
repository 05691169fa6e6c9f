package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/engagiert/engagiert/internal/yamlkb"
)

// cmdValidate checks the knowledge base the way the bot would load it, so a
// curator (or CI) learns about every problem before the bot refuses the files.
func cmdValidate() *command {
	c := &command{
		UsageLine: "validate [--knowledge DIR] [--stale 36m] [--quiet]",
		Short:     "check the knowledge base",
		Long: `
Validate loads the knowledge base as the bot does and prints every problem
as FILE:LINE: message (hint: ...), then exits 1; a valid base exits 0 with
its counts. Warnings (aliases the search finds anyway, facts whose text
states a topic they lack, stands older than --stale) and the note on place
names that are everyday words never make it fail; --quiet leaves them out.

Examples:
	engagiert validate
	engagiert validate --knowledge ./knowledge
	engagiert validate --knowledge ./knowledge --stale 24m --quiet
`,
	}
	dirFlag := c.Flag.String("knowledge", "", knowledgeUsage)
	stale := c.Flag.String("stale", fmt.Sprintf("%dm", yamlkb.DefaultStaleAfter), "warn about current figures and stands older than this many `months` (like 36m)")
	quiet := c.Flag.Bool("quiet", false, "print problems only, no warnings or notes")
	c.Run = func(ctx context.Context, e env, args []string) error {
		if err := noArgs(c, args, "use --knowledge DIR"); err != nil {
			return err
		}
		months, err := parseMonths(*stale)
		if err != nil {
			return usageError{"--stale: " + err.Error()}
		}
		return validate(e, knowledgeDir(*dirFlag, e), months, *quiet)
	}
	return c
}

// validate prints the problems, warnings and notes of the base in dir.
func validate(e env, dir string, months int, quiet bool) error {
	start := time.Now()
	base, rep, err := checkBase(dir, yamlkb.Options{StaleAfter: months})
	took := time.Since(start)
	if !quiet && rep != nil {
		for _, w := range rep.Warnings {
			fmt.Fprintln(e.stderr, w)
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
