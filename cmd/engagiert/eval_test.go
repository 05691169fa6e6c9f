package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// evalCase is one answer-quality case, in the format of ../shared/eval/questions.yaml.
type evalCase struct {
	Q        string   `yaml:"q"`
	Found    *bool    `yaml:"found"`
	All      []string `yaml:"all"`
	Any      []string `yaml:"any"`
	None     []string `yaml:"none"`
	MaxChars int      `yaml:"max_chars"`
}

var spaces = regexp.MustCompile(`\s+`)

func foldText(s string) string { return strings.ToLower(spaces.ReplaceAllString(s, " ")) }

// TestEvalCases runs every case of testdata/eval/*.yaml (a copy of the shared
// sample plus our own cases) through `ask --json -`, as ../shared/eval/run does.
func TestEvalCases(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("testdata/eval/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no eval cases found: %v", err)
	}
	var cases []evalCase
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var cs []evalCase
		if err := yaml.Unmarshal(b, &cs); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		cases = append(cases, cs...)
	}
	var in strings.Builder
	for _, c := range cases {
		in.WriteString(c.Q + "\n")
	}
	var out, errOut bytes.Buffer
	getenv := func(string) string { return "" }
	if err := run(context.Background(), []string{"ask", "--json", "-"}, getenv, strings.NewReader(in.String()), &out, &errOut); err != nil {
		t.Fatalf("ask --json -: %v\n%s", err, errOut.String())
	}
	lines := strings.Split(strings.TrimRight(out.String(), "\n"), "\n")
	if len(lines) != len(cases) {
		t.Fatalf("got %d JSON lines for %d questions", len(lines), len(cases))
	}
	// Each case is a subtest named after its question, so one case runs
	// alone: go test ./cmd/engagiert -run 'TestEvalCases/Ist_Lemgo'.
	for i, c := range cases {
		t.Run(c.Q, func(t *testing.T) {
			var got jsonAnswer
			if err := json.Unmarshal([]byte(lines[i]), &got); err != nil {
				t.Fatalf("Ask(%q): not JSON: %v", c.Q, err)
			}
			if got.Query != c.Q {
				t.Errorf("line %d answers %q, want %q: answers out of order", i, got.Query, c.Q)
			}
			checkCase(t, c, got)
		})
	}
}

// checkCase checks one answer against its case, as ../shared/eval/run does.
func checkCase(t *testing.T, c evalCase, got jsonAnswer) {
	t.Helper()
	text := foldText(got.Text)
	if c.Found != nil && got.Found != *c.Found {
		t.Errorf("Ask(%q).found = %v, want %v\n%s", c.Q, got.Found, *c.Found, got.Text)
	}
	for _, s := range c.All {
		if !strings.Contains(text, foldText(s)) {
			t.Errorf("Ask(%q) lacks %q\n%s", c.Q, s, got.Text)
		}
	}
	if len(c.Any) > 0 {
		ok := false
		for _, s := range c.Any {
			ok = ok || strings.Contains(text, foldText(s))
		}
		if !ok {
			t.Errorf("Ask(%q) has none of %q\n%s", c.Q, c.Any, got.Text)
		}
	}
	for _, s := range c.None {
		if strings.Contains(text, foldText(s)) {
			t.Errorf("Ask(%q) says %q, which it must not\n%s", c.Q, s, got.Text)
		}
	}
	limit := c.MaxChars
	if limit == 0 {
		limit = 1500
	}
	if n := len([]rune(got.Text)); n > limit {
		t.Errorf("Ask(%q) is %d characters, over %d", c.Q, n, limit)
	}
}

// TestEvalConversations runs the conversations of testdata/eval-threads:
// each is a thread, its turns asked in order through `ask --json --thread -`,
// each turn a follow-up of the one before, as in Slack.
func TestEvalConversations(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("testdata/eval-threads/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no conversations found: %v", err)
	}
	type conversation struct {
		Kind  string     `yaml:"kind"`
		Turns []evalCase `yaml:"turns"`
	}
	var convs []conversation
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var cs []conversation
		if err := yaml.Unmarshal(b, &cs); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		convs = append(convs, cs...)
	}
	var in strings.Builder
	n := 0
	for _, cv := range convs {
		for _, turn := range cv.Turns {
			in.WriteString(turn.Q + "\n")
			n++
		}
		in.WriteString("\n") // a new thread
	}
	var out, errOut bytes.Buffer
	getenv := func(string) string { return "" }
	if err := run(context.Background(), []string{"ask", "--json", "--thread", "-"}, getenv, strings.NewReader(in.String()), &out, &errOut); err != nil {
		t.Fatalf("ask --json --thread -: %v\n%s", err, errOut.String())
	}
	lines := strings.Split(strings.TrimRight(out.String(), "\n"), "\n")
	if len(lines) != n {
		t.Fatalf("got %d JSON lines for %d turns", len(lines), n)
	}
	i := 0
	for _, cv := range convs {
		var qs []string
		for _, turn := range cv.Turns {
			qs = append(qs, turn.Q)
		}
		t.Run(strings.Join(qs, " → "), func(t *testing.T) {
			for _, turn := range cv.Turns {
				var got jsonAnswer
				if err := json.Unmarshal([]byte(lines[i]), &got); err != nil {
					t.Fatalf("Ask(%q): not JSON: %v", turn.Q, err)
				}
				i++
				checkCase(t, turn, got)
			}
		})
	}
}
