package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/engagiert/engagiert/internal/answer"
	"github.com/engagiert/engagiert/internal/slackapp"
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

// privacySection is the README's "Datenschutz / privacy" section.
func privacySection(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, sec, ok := strings.Cut(string(b), "\n## Datenschutz / privacy\n")
	if !ok {
		t.Fatal(`README.md has no section "## Datenschutz / privacy"`)
	}
	sec, _, _ = strings.Cut(sec, "\n## ")
	return sec
}

// TestREADMEPrivacy keeps the privacy section true to the code: every
// setting about people is named with the default serve has, and the fixed
// lifetimes are the code's.
func TestREADMEPrivacy(t *testing.T) {
	t.Parallel()
	sec := privacySection(t)
	var cfg serveConfig
	defaults := map[string]string{}
	for _, s := range cfg.settings() {
		defaults[s.env] = s.def
	}
	human := func(d time.Duration) string {
		switch {
		case d%(24*time.Hour) == 0 && d > 24*time.Hour:
			return fmt.Sprintf("%d days", d/(24*time.Hour))
		case d%time.Hour == 0:
			return fmt.Sprintf("%d hours", d/time.Hour)
		}
		return fmt.Sprintf("%d minutes", d/time.Minute)
	}
	for _, env := range []string{"ENGAGIERT_RETAIN_THREADS", "ENGAGIERT_RETAIN_VOTES", "ENGAGIERT_RETAIN_FORWARDS"} {
		d, err := parseRetention(defaults[env])
		if err != nil {
			t.Fatalf("%s default %q: %v", env, defaults[env], err)
		}
		if want := "`" + env + "`, default " + human(d); !strings.Contains(sec, want) {
			t.Errorf("privacy section lacks %q", want)
		}
	}
	for _, want := range []string{"`ENGAGIERT_LOG_SALT`", "`ENGAGIERT_LOG_QUESTIONS=false`", "`ENGAGIERT_ADMIN_ADDR`", "`engagiert forget USER_ID`",
		"cut to 500 characters", "| " + human(slackapp.DMTTL) + " |", "| " + human(slackapp.EventTTL) + " |"} {
		if !strings.Contains(sec, want) {
			t.Errorf("privacy section lacks %q", want)
		}
	}
	if defaults["ENGAGIERT_LOG_QUESTIONS"] != "true" || defaults["ENGAGIERT_LOG_SALT"] != "" {
		t.Errorf("defaults changed (%q, %q): say so in the privacy section", defaults["ENGAGIERT_LOG_QUESTIONS"], defaults["ENGAGIERT_LOG_SALT"])
	}
}
