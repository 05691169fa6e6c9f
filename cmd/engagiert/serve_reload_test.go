package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"github.com/engagiert/engagiert/internal/slackapp"
	"github.com/engagiert/engagiert/knowledge"
)

// copyKnowledge writes the knowledge the binary ships into a temp directory.
func copyKnowledge(t *testing.T, dir string) {
	t.Helper()
	if err := os.CopyFS(dir, knowledge.FS); err != nil {
		t.Fatal(err)
	}
}

// edit replaces old by new, once, in the knowledge file name.
func edit(t *testing.T, dir, name, old, new string) {
	t.Helper()
	p := filepath.Join(dir, name)
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(string(b), old) != 1 {
		t.Fatalf("%s: %q is not there exactly once", name, old)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

const (
	regiopoleAliases = "aliases: [RegioPole"
	stadtAliases     = "aliases: [Netzwerkprogramm,"
	unknownAnswer    = "Dazu habe ich nichts"
)

var (
	fileLine     = regexp.MustCompile(`places\.yaml:\d+: `)
	fileLineOnly = regexp.MustCompile(`places\.yaml:\d+$`)
)

// TestServeReload runs the bot from a knowledge directory and edits it while
// it serves: good edits are answered after SIGHUP and after a plain file
// change, a broken edit or a removed directory leave it answering from the
// last good base, and /readyz shows each version.
func TestServeReload(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "knowledge")
	copyKnowledge(t, dir)
	hup := make(chan os.Signal, 1)
	// A short debounce: each reload waits for two windows of it.
	b := startServe(t, map[string]string{"ENGAGIERT_KNOWLEDGE": dir, "ENGAGIERT_RELOAD_DEBOUNCE": "200ms"}, hup)
	b.waitRecord(t, "watching knowledge for changes", 0)

	r0 := b.ready(t)
	if r0.Version == "" || r0.LoadedAt == "" || r0.Networks == 0 || r0.Places == 0 || r0.Reload == nil {
		t.Fatalf("/readyz = %+v, want the loaded base and a reload status", r0)
	}
	for _, q := range []string{"Zauberwaldverbund", "Feenhainbund"} {
		if got := b.ask(t, q); !strings.Contains(got, unknownAnswer) {
			t.Fatalf("Ask(%q) before the edit = %q, want %q", q, got, unknownAnswer)
		}
	}

	// A good edit, then SIGHUP.
	edit(t, dir, "networks/regiopole.yaml", regiopoleAliases, "aliases: [Zauberwaldverbund, RegioPole")
	hup <- syscall.SIGHUP
	if rec := b.waitRecord(t, "knowledge reload requested", 0); rec.str("signal") != "hangup" {
		t.Errorf("reload requested by %q, want hangup", rec.str("signal"))
	}
	r1 := b.waitReady(t, "a new version after SIGHUP", func(r slackapp.Readiness) bool { return r.Version != r0.Version })
	if got := b.ask(t, "Zauberwaldverbund"); !strings.Contains(got, "RegioPole") {
		t.Errorf("Ask(%q) after SIGHUP = %q, want the RegioPole network", "Zauberwaldverbund", got)
	}

	// A good edit, no signal: the file watcher reloads.
	edit(t, dir, "networks/engagierte-stadt.yaml", stadtAliases, "aliases: [Feenhainbund, Netzwerkprogramm,")
	r2 := b.waitReady(t, "a new version after a file change", func(r slackapp.Readiness) bool { return r.Version != r1.Version })
	if got := b.ask(t, "Feenhainbund"); !strings.Contains(got, "Engagierte Stadt") {
		t.Errorf("Ask(%q) after a file change = %q, want the Engagierte Stadt network", "Feenhainbund", got)
	}
	if r2.Reload.Reloads < 2 || r2.Reload.Failures != 0 {
		t.Errorf("/readyz reload = %+v, want >= 2 reloads, no failures", *r2.Reload)
	}

	// A broken edit: logged with FILE:LINE, the last good base goes on answering.
	f, err := os.OpenFile(filepath.Join(dir, "places.yaml"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("  - id: [kaputt\n")
	f.Close()
	rec := b.waitRecord(t, "knowledge reload failed", 0)
	problems, _ := rec["problems"].([]any)
	if len(problems) == 0 || !fileLine.MatchString(problems[0].(string)) {
		t.Errorf("reload failure problems = %v, want FILE:LINE: ... for places.yaml", rec["problems"])
	}
	if rec.str("serving_version") != r2.Version {
		t.Errorf("reload failure says it serves %q, want %q", rec.str("serving_version"), r2.Version)
	}
	r3 := b.waitReady(t, "the failure", func(r slackapp.Readiness) bool { return r.Reload.Failures == 1 })
	if !r3.Ready || r3.Version != r2.Version || len(r3.Reload.LastProblems) != 1 || !fileLineOnly.MatchString(r3.Reload.LastProblems[0]) ||
		r3.Reload.LastError == "" || r3.Reload.LastErrorAt == "" {
		t.Errorf("/readyz after a broken edit = %+v %+v, want ready at version %s with where the problem is", r3, *r3.Reload, r2.Version)
	}
	if strings.Contains(fmt.Sprint(*r3.Reload), "kaputt") {
		t.Errorf("/readyz quotes the knowledge files: %+v", *r3.Reload)
	}
	for q, want := range map[string]string{"Zauberwaldverbund": "RegioPole", "Feenhainbund": "Engagierte Stadt", "Bielefeld": "Bielefeld"} {
		if got := b.ask(t, q); !strings.Contains(got, want) {
			t.Errorf("Ask(%q) after a broken edit = %q, want %q", q, got, want)
		}
	}

	// The directory removed while serving: still answering.
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	b.waitRecord(t, "knowledge reload failed", 1)
	if got := b.ask(t, "Feenhainbund"); !strings.Contains(got, "Engagierte Stadt") {
		t.Errorf("Ask(%q) with the directory gone = %q, want the last good answer", "Feenhainbund", got)
	}
	if r := b.ready(t); !r.Ready || r.Version != r2.Version {
		t.Errorf("/readyz with the directory gone = %+v, want ready at %s", r, r2.Version)
	}

	// ... and back, fixed: picked up without a signal.
	copyKnowledge(t, dir)
	b.waitReady(t, "the restored directory", func(r slackapp.Readiness) bool { return r.Version == r0.Version })
	if got := b.ask(t, "Feenhainbund"); !strings.Contains(got, unknownAnswer) {
		t.Errorf("Ask(%q) after restoring the shipped base = %q, want %q", "Feenhainbund", got, unknownAnswer)
	}
}

// TestServeSIGHUP sends the test process a real SIGHUP while serve listens
// for it: it reloads a directory, is ignored with the embedded base, and
// never stops the bot.
func TestServeSIGHUP(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "knowledge")
	copyKnowledge(t, dir)
	tests := []struct {
		name, knowledge, wantLog string
	}{
		{"embedded", "", "knowledge reload ignored: the knowledge is embedded in the binary; set ENGAGIERT_KNOWLEDGE to a directory to reload it"},
		{"directory", dir, "knowledge reload requested"},
	}
	for _, tt := range tests {
		b := startServe(t, map[string]string{"ENGAGIERT_KNOWLEDGE": tt.knowledge}, nil)
		if tt.knowledge != "" {
			b.waitRecord(t, "watching knowledge for changes", 0)
		}
		if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
			t.Fatal(err)
		}
		b.waitRecord(t, tt.wantLog, 0)
		if got := b.ask(t, "Bielefeld"); !strings.Contains(got, "Bielefeld") {
			t.Errorf("%s: Ask(%q) after SIGHUP = %q", tt.name, "Bielefeld", got)
		}
		if err := b.stop(); err != nil {
			t.Errorf("%s: serve = %v after SIGHUP and SIGTERM, want nil", tt.name, err)
		}
	}
}
