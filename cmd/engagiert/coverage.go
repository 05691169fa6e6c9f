package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/engagiert/engagiert/internal/domain"
)

// cmdCoverage shows where the knowledge is thin, so that curators know
// where to research next: per network and title the members it names
// against the newest total, per NRW place whether its list of twinnings is
// complete, partial or unknown.
func cmdCoverage() *command {
	c := &command{
		UsageLine: "coverage [--json] [--all] [--knowledge DIR]",
		Short:     "show how much of each network and of the NRW twinnings the base names",
		Long: `
Coverage prints, for each network and Land title, how many members it names
(current ones; former ones apart) against the newest total its counts give,
with that figure's stand and source; then, for the NRW municipalities and the
other NRW places with twinnings, how many have a complete list of twinnings
(partners_complete, with the source that says so), a partial one (some
twinnings, not said to be all) or none known. --all lists every place; by
default the places with no twinning known are counted, not listed.
--json prints the same as one JSON object.

Examples:
	engagiert coverage
	engagiert coverage --json --knowledge ./knowledge
`,
	}
	dir := c.Flag.String("knowledge", "", knowledgeUsage)
	asJSON := c.Flag.Bool("json", false, "print one JSON object")
	all := c.Flag.Bool("all", false, "list the places with no twinning known too")
	c.Run = func(ctx context.Context, e env, args []string) error {
		if err := noArgs(c, args, ""); err != nil {
			return err
		}
		base, err := loadBase(knowledgeDir(*dir, e))
		if err != nil {
			return fmt.Errorf("coverage: %w (engagiert validate says more)", err)
		}
		cov := coverageOf(base)
		if *asJSON {
			enc := json.NewEncoder(e.stdout)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			return enc.Encode(cov)
		}
		return cov.print(e.stdout, *all)
	}
	return c
}

// coverage is the contract of `coverage --json`.
type coverage struct {
	Networks []networkCoverage `json:"networks"`
	Places   []placeCoverage   `json:"places"`
	Summary  map[string]int    `json:"summary"` // places by status: complete, partial, unknown
}

type networkCoverage struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Title bool   `json:"title"` // a title the Land awards, not a network
	// Named are the current members the base names; Former those that left.
	Named  int `json:"named"`
	Former int `json:"former"`
	// Total is the newest figure as the source writes it ("über 100"),
	// TotalNumber the number in it (100), 0 without one.
	Total       string `json:"total"`
	TotalNumber int    `json:"total_number"`
	Stand       string `json:"stand,omitempty"`
	Source      string `json:"source,omitempty"`
	Complete    bool   `json:"complete"` // members_complete: the list is all of them
}

type placeCoverage struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Kind      string `json:"kind"`
	District  string `json:"district"`
	Twinnings int    `json:"twinnings"`
	Status    string `json:"status"` // complete, partial, unknown
	Source    string `json:"source,omitempty"`
}

// The statuses of a place's list of twinnings.
const (
	listComplete = "complete"
	listPartial  = "partial"
	listUnknown  = "unknown"
)

var firstNumber = regexp.MustCompile(`\d[\d.]*`)

// figure reads the number in a figure as sources write it: "über 100" is
// 100, "rund 1.050" 1050; 0 without a number.
func figure(s string) int {
	n, _ := strconv.Atoi(strings.ReplaceAll(firstNumber.FindString(s), ".", ""))
	return n
}

func coverageOf(base *domain.Base) coverage {
	var cov coverage
	for _, n := range base.Networks {
		nc := networkCoverage{ID: n.ID, Name: n.Name, Title: n.IsTitle(), Complete: n.MembersComplete}
		for _, m := range n.Members {
			if m.Until.IsZero() {
				nc.Named++
			} else {
				nc.Former++
			}
		}
		if len(n.Counts) > 0 {
			c := n.Counts[len(n.Counts)-1]
			nc.Total, nc.TotalNumber, nc.Stand, nc.Source = c.Value, figure(c.Value), c.Stand.ISO(), c.Source
		}
		cov.Networks = append(cov.Networks, nc)
	}
	twinnings := map[string]int{}
	for _, p := range base.Partnerships {
		twinnings[p.Place]++
	}
	cov.Summary = map[string]int{listComplete: 0, listPartial: 0, listUnknown: 0}
	for _, p := range base.Places {
		municipality := p.AGS != 0 && (p.Kind == "Stadt" || p.Kind == "Gemeinde")
		if p.State != "Nordrhein-Westfalen" || (!municipality && twinnings[p.ID] == 0 && !p.PartnersComplete) {
			continue
		}
		pc := placeCoverage{ID: p.ID, Name: p.Name, Kind: p.Kind, District: p.District, Twinnings: twinnings[p.ID], Status: listUnknown}
		switch {
		case p.PartnersComplete:
			pc.Status, pc.Source = listComplete, p.PartnersSource
		case twinnings[p.ID] > 0:
			pc.Status = listPartial
		}
		cov.Summary[pc.Status]++
		cov.Places = append(cov.Places, pc)
	}
	return cov
}

func (cov coverage) print(w io.Writer, all bool) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Networks and titles\tnamed\tof\tstand\tsource")
	for _, n := range cov.Networks {
		name := n.Name
		if n.Title {
			name += " (Landesauszeichnung)"
		}
		named := strconv.Itoa(n.Named)
		if n.Former > 0 {
			named += fmt.Sprintf(" (+%d left)", n.Former)
		}
		of := n.Total
		switch {
		case n.Complete:
			of += " (list complete)"
		case of == "":
			of = "no figure"
		case n.TotalNumber > 0:
			of += fmt.Sprintf(" (%d %%)", min(100, n.Named*100/n.TotalNumber))
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", name, named, of, n.Stand, n.Source)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nNRW twinnings: %d places with a complete list, %d partial, %d with none known (of %d)\n",
		cov.Summary[listComplete], cov.Summary[listPartial], cov.Summary[listUnknown], len(cov.Places))
	for _, status := range []string{listComplete, listPartial, listUnknown} {
		if status == listUnknown && !all {
			fmt.Fprintln(w, "unknown: (--all lists them)")
			continue
		}
		var names []string
		for _, p := range cov.Places {
			if p.Status == status {
				names = append(names, fmt.Sprintf("%s (%d)", p.Name, p.Twinnings))
			}
		}
		fmt.Fprintf(w, "%s: %s\n", status, strings.Join(names, ", "))
	}
	return nil
}
