package main

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/engagiert/engagiert/internal/answer"
)

// kindsTable renders the engine's table of question kinds as the README
// shows it.
func kindsTable() string {
	var b strings.Builder
	b.WriteString("| asks for | example |\n|---|---|\n")
	for _, c := range answer.Commands() {
		var ex []string
		for _, e := range c.Examples {
			ex = append(ex, "`"+e+"`")
		}
		b.WriteString("| " + c.What + " | " + strings.Join(ex, ", ") + " |\n")
	}
	return b.String()
}

// TestREADMEKinds keeps the README's table of question kinds what the
// engine routes by: the table between the "kinds" markers is generated.
// Rewrite it with go test ./cmd/engagiert -run TestREADMEKinds -update.
func TestREADMEKinds(t *testing.T) {
	t.Parallel()
	const start, end = "<!-- kinds: generated from answer.Commands, see TestREADMEKinds -->\n", "<!-- /kinds -->"
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	i, j := strings.Index(readme, start), strings.Index(readme, end)
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the markers %q and %q", start, end)
	}
	want := kindsTable()
	if got := readme[i+len(start) : j]; got != want {
		if *updateREADME {
			readme = readme[:i+len(start)] + want + readme[j:]
			if err := os.WriteFile("../../README.md", []byte(readme), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Errorf("README's table of question kinds is stale; run with -update:\n%s", want)
	}
}

var updateREADME = flag.Bool("update", false, "rewrite generated parts of README.md")
