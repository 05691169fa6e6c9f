package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runMissesCmd(stdin string, args ...string) (string, error) {
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), append([]string{"misses"}, args...), func(string) string { return "" },
		strings.NewReader(stdin), &stdout, &stderr)
	return stdout.String(), err
}

func TestMisses(t *testing.T) {
	t.Parallel()
	const want = `COUNT  LAST SEEN         SURFACES            QUESTION
    3  2026-11-21 10:30  slash 2, mention 1  Wer ist Bürgermeister von Bielefeld
    2  2026-11-22 08:05  home 1, slash 1     Straßenbau in Gütersloh
    1  2026-11-22 08:07  slash 1             Was ist die Interkommunale Vereinbarung
    1  2026-11-20 12:00  dm 1                Wie wird das Wetter morgen

7 unanswered questions, 4 distinct, in testdata/serve.log; showing the top 4.
`
	got, err := runMissesCmd("", "testdata/serve.log")
	if err != nil || got != want {
		t.Errorf("misses testdata/serve.log = %v, output:\n%s\nwant:\n%s", err, got, want)
	}

	log, err := os.ReadFile("testdata/serve.log")
	if err != nil {
		t.Fatal(err)
	}
	got, err = runMissesCmd(string(log), "--top", "2", "-")
	lines := strings.Split(strings.TrimSpace(got), "\n")
	if err != nil || len(lines) != 5 || !strings.Contains(lines[2], "Straßenbau") || !strings.HasSuffix(got, "in standard input; showing the top 2.\n") {
		t.Errorf("misses --top 2 - = %v, output:\n%s\nwant the header, 2 rows, a blank line and the summary", err, got)
	}
}

func TestMissesNone(t *testing.T) {
	t.Parallel()
	got, err := runMissesCmd(`{"msg":"answered","question":"Bielefeld"}` + "\n")
	if err != nil || got != "No unanswered questions in standard input (1 lines read).\n" {
		t.Errorf("misses on a log without misses = %q, %v", got, err)
	}
}

func TestMissesErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args  []string
		usage bool
	}{
		{[]string{"--top", "-1"}, true},
		{[]string{"a.log", "b.log"}, true},
		{[]string{"--top", "x"}, true},
		{[]string{filepath.Join(t.TempDir(), "missing.log")}, false},
	}
	for _, tt := range tests {
		_, err := runMissesCmd("", tt.args...)
		var ue usageError
		if err == nil || errors.As(err, &ue) != tt.usage {
			t.Errorf("misses %q = %v, want an error (usage error: %v)", tt.args, err, tt.usage)
		}
	}
}

func TestNormalizeQuestion(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"Bielefeld", "Bielefeld"},
		{"  Wer ist\t Bürgermeister?\n", "Wer ist Bürgermeister"},
		{"Was?!", "Was"},
		{"   ", ""},
		{"v1.2 ist neu.", "v1.2 ist neu"},
	}
	for _, tt := range tests {
		if got := normalizeQuestion(tt.in); got != tt.want {
			t.Errorf("normalizeQuestion(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestMissesLongLine: a line far over the reader's buffer neither stops the
// report nor hides the records after it.
func TestMissesLongLine(t *testing.T) {
	t.Parallel()
	long := `{"msg":"unanswered","question":"` + strings.Repeat("x", 3<<20) + `"}`
	log := long + "\n" + `{"msg":"unanswered","question":"Lemgo?","surface":"dm"}` + "\n"
	rep, err := readMisses(context.Background(), strings.NewReader(log))
	if err != nil || rep.Total != 1 || rep.Misses[0].Question != "Lemgo" {
		t.Errorf("readMisses(long line + Lemgo) = %+v, %v, want just Lemgo", rep, err)
	}
}

func TestClip(t *testing.T) {
	t.Parallel()
	if got := clip(strings.Repeat("ä", 100), 80); len([]rune(got)) != 80 || !strings.HasSuffix(got, "…") {
		t.Errorf("clip(100 runes, 80) = %q, want 80 runes ending in …", got)
	}
	if got := clip("kurz", 80); got != "kurz" {
		t.Errorf("clip(%q, 80) = %q", "kurz", got)
	}
}
