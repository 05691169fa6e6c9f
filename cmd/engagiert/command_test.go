package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/engagiert/engagiert/internal/buildinfo"
)

// runCLI runs engagiert with args in-process and returns what it printed.
func runCLI(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errs bytes.Buffer
	err = run(context.Background(), args, func(string) string { return "" }, strings.NewReader(""), &out, &errs)
	return out.String(), errs.String(), err
}

// TestVerbHelp: every verb answers --help, -h and `help VERB` with its
// synopsis, text, examples and the exit codes on stdout, and exits 0.
func TestVerbHelp(t *testing.T) {
	t.Parallel()
	for _, c := range commands() {
		name := c.Name()
		var first string
		for _, args := range [][]string{{name, "--help"}, {name, "-h"}, {"help", name}} {
			stdout, stderr, err := runCLI(t, args...)
			if err != nil || stderr != "" {
				t.Errorf("engagiert %q = %v, stderr %q; want exit 0 and nothing on stderr", args, err, stderr)
			}
			for _, want := range []string{"usage: engagiert " + name, "Examples:\n\t", "Exit status:\n\t0  ", "\n\t2  "} {
				if !strings.Contains(stdout, want) {
					t.Errorf("engagiert %q: help lacks %q:\n%s", args, want, stdout)
				}
			}
			for _, line := range strings.Split(stdout, "\n") {
				if strings.Count(line, "default") > 1 {
					t.Errorf("engagiert %q: a default said twice: %q", args, line)
				}
			}
			if first == "" {
				first = stdout
			} else if stdout != first {
				t.Errorf("engagiert %q prints other help than engagiert %s --help", args, name)
			}
		}
		// Every flag is in the help, as it is typed.
		for _, f := range flags(c) {
			if !strings.Contains(first, "  --"+f.Name) {
				t.Errorf("engagiert %s --help lacks --%s", name, f.Name)
			}
		}
	}
}

// TestAskUsage: ask's synopsis names all its flags, --frame included.
func TestAskUsage(t *testing.T) {
	t.Parallel()
	stdout, _, _ := runCLI(t, "ask", "--help")
	synopsis, _, _ := strings.Cut(stdout, "\n\n")
	for _, f := range []string{"--json", "--frame", "--thread", "--knowledge DIR", "QUESTION...", " -"} {
		if !strings.Contains(synopsis, f) {
			t.Errorf("ask synopsis lacks %q:\n%s", f, synopsis)
		}
	}
}

// TestMainHelp: `engagiert help`, --help and -h list every verb and the
// exit codes on stdout; no verb at all is a usage error with the list on stderr.
func TestMainHelp(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"help"}, {"--help"}, {"-h"}} {
		stdout, stderr, err := runCLI(t, args...)
		if err != nil || stderr != "" {
			t.Errorf("engagiert %q = %v, stderr %q", args, err, stderr)
		}
		for _, c := range commands() {
			if !strings.Contains(stdout, "\n  "+c.Name()+" ") {
				t.Errorf("engagiert %q does not list %s:\n%s", args, c.Name(), stdout)
			}
		}
		if !strings.Contains(stdout, "Exit status:") {
			t.Errorf("engagiert %q does not document the exit status", args)
		}
	}
	stdout, stderr, err := runCLI(t)
	var ue usageError
	if !errors.As(err, &ue) || stdout != "" || !strings.Contains(stderr, "The commands are:") {
		t.Errorf("engagiert = %v, stdout %q, stderr %q; want a usage error with the commands on stderr", err, stdout, stderr)
	}
}

// TestUsageErrors: a wrong command line prints what is wrong, the synopsis
// and where to read more, on stderr, and exits 2.
func TestUsageErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"frage", "Bielefeld"}, []string{`unknown command "frage"`, "engagiert help"}},
		{[]string{"ask", "--nope", "Bielefeld"}, []string{"engagiert ask: flag provided but not defined: -nope", "usage: engagiert ask [--json] [--frame]", "Run 'engagiert help ask'"}},
		{[]string{"validate", "knowledge"}, []string{"engagiert validate: validate takes no arguments", "usage: engagiert validate"}},
		{[]string{"help", "frage"}, []string{`unknown command "frage"`}},
		{[]string{"completion", "fish"}, []string{`unknown shell "fish"`}},
		{[]string{"version", "--short"}, []string{"flag provided but not defined"}},
	}
	for _, tt := range tests {
		stdout, stderr, err := runCLI(t, tt.args...)
		var ue usageError
		if !errors.As(err, &ue) || stdout != "" {
			t.Errorf("engagiert %q = %v, stdout %q; want a usage error and nothing on stdout", tt.args, err, stdout)
		}
		for _, w := range tt.want {
			if !strings.Contains(stderr, w) {
				t.Errorf("engagiert %q: stderr lacks %q:\n%s", tt.args, w, stderr)
			}
		}
		var code bytes.Buffer
		if got := exitCode(err, &code); got != 2 || code.Len() != 0 {
			t.Errorf("engagiert %q: exit %d, printed %q again; want 2, printed once", tt.args, got, code.String())
		}
	}
}

func TestExitCode(t *testing.T) {
	t.Parallel()
	tests := []struct {
		err   error
		code  int
		print string
	}{
		{nil, 0, ""},
		{usageError{"bad flag"}, 2, ""},
		{errReported, 1, ""},
		{errors.New("load knowledge: boom"), 1, "engagiert: load knowledge: boom\n"},
	}
	for _, tt := range tests {
		var out bytes.Buffer
		if got := exitCode(tt.err, &out); got != tt.code || out.String() != tt.print {
			t.Errorf("exitCode(%v) = %d, printed %q; want %d, %q", tt.err, got, out.String(), tt.code, tt.print)
		}
	}
}

// TestVersion: version and --version print the build on stdout.
func TestVersion(t *testing.T) {
	t.Parallel()
	want := buildinfo.Read().String() + "\n"
	for _, args := range [][]string{{"version"}, {"--version"}} {
		stdout, stderr, err := runCLI(t, args...)
		if err != nil || stdout != want || stderr != "" {
			t.Errorf("engagiert %q = %v, %q, stderr %q; want %q", args, err, stdout, stderr, want)
		}
	}
}

// TestCompletionBash loads the generated script into bash and completes
// verbs, flags, flag values and arguments with it.
func TestCompletionBash(t *testing.T) {
	t.Parallel()
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash is not on PATH")
	}
	script, _, err := runCLI(t, "completion", "bash")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "engagiert.bash")
	if err := os.WriteFile(file, []byte(script), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "knowledge"), 0o700); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		words string // the command line, the last word being completed
		want  string
	}{
		{"engagiert as", "ask"},
		{"engagiert ''", "ask validate review schema import-places add coverage serve manifest healthcheck misses forget version completion help --help --version"},
		{"engagiert ask --fr", "--frame"},
		{"engagiert validate --", "--knowledge --quiet --stale --help"},
		{"engagiert ask --knowledge kn", "knowledge"},
		{"engagiert serve --redis-", "--redis-url"},
		{"engagiert completion ''", "bash zsh"},
		{"engagiert help he", "healthcheck help"},
	}
	for _, tt := range tests {
		cmd := exec.Command(bash, "--norc", "--noprofile", "-c",
			`source "$1"; COMP_WORDS=(`+tt.words+`); COMP_CWORD=$((${#COMP_WORDS[@]}-1)); _engagiert; echo "${COMPREPLY[*]}"`, "bash", file)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if got := strings.TrimSpace(string(out)); err != nil || got != tt.want {
			t.Errorf("bash completion of %s = %q, %v; want %q", tt.words, got, err, tt.want)
		}
	}
}

// TestCompletionZsh checks the generated zsh script's syntax, and that it
// offers every verb and flag.
func TestCompletionZsh(t *testing.T) {
	t.Parallel()
	script, _, err := runCLI(t, "completion", "zsh")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range commands() {
		if !strings.Contains(script, "\t\t'"+c.Name()+":") || !strings.Contains(script, "\t"+c.Name()+")\n") {
			t.Errorf("zsh completion lacks the command %s", c.Name())
		}
		for _, f := range flags(c) {
			if !strings.Contains(script, "'--"+f.Name+"[") {
				t.Errorf("zsh completion lacks %s --%s", c.Name(), f.Name)
			}
		}
	}
	zsh, err := exec.LookPath("zsh")
	if err != nil {
		t.Skip("zsh is not on PATH (apt-get install zsh): syntax not checked")
	}
	file := filepath.Join(t.TempDir(), "_engagiert")
	if err := os.WriteFile(file, []byte(script), 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(zsh, "-n", file).CombinedOutput(); err != nil {
		t.Errorf("zsh -n _engagiert: %v\n%s", err, out)
	}
}
