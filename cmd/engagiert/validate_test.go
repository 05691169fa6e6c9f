package main

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

func TestValidate(t *testing.T) {
	t.Parallel()
	broken := filepath.Join("..", "..", "internal", "yamlkb", "testdata", "broken", "unknown-place")
	tests := []struct {
		name       string
		args       []string
		env        map[string]string
		wantErr    error // nil, errReported, or usageError{} for any usage error
		wantStdout string
		wantStderr string
	}{
		{name: "embedded", args: []string{"validate"},
			wantStdout: "knowledge OK (version "},
		{name: "dir", args: []string{"validate", "--knowledge", filepath.Join("..", "..", "knowledge")},
			wantStdout: "knowledge OK (version "},
		{name: "broken", args: []string{"validate", "--knowledge", broken}, wantErr: errReported,
			wantStderr: filepath.Join(broken, "networks", "engagierte-stadt.yaml") + `:5: unknown place "paderborn"`},
		{name: "broken from env", args: []string{"validate"}, env: map[string]string{"ENGAGIERT_KNOWLEDGE": broken}, wantErr: errReported,
			wantStderr: "knowledge has 2 problem(s)"},
		{name: "missing dir", args: []string{"validate", "--knowledge", filepath.Join(t.TempDir(), "nope")}, wantErr: errReported,
			wantStderr: "nope: cannot open the knowledge directory"},
		{name: "stray argument", args: []string{"validate", "knowledge"}, wantErr: usageError{}},
		{name: "warnings and notes", args: []string{"validate", "--knowledge", dated(t)},
			wantStdout: "knowledge OK", wantStderr: `alias "Guetersloh" of place "guetersloh" adds nothing`},
		{name: "everyday names noted", args: []string{"validate"},
			wantStdout: "knowledge OK", wantStderr: "  Wetter (Ruhr): Wetter (Ruhr), Wetter\n"},
		{name: "bad stale", args: []string{"validate", "--stale", "lange"}, wantErr: usageError{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			getenv := func(k string) string { return tt.env[k] }
			err := run(context.Background(), tt.args, getenv, strings.NewReader(""), &stdout, &stderr)
			switch want := tt.wantErr.(type) {
			case nil:
				if err != nil {
					t.Fatalf("run(%q) = %v, want nil; stderr:\n%s", tt.args, err, stderr.String())
				}
			case usageError:
				var ue usageError
				if !errors.As(err, &ue) {
					t.Fatalf("run(%q) = %v, want a usage error", tt.args, err)
				}
			default:
				if !errors.Is(err, want) {
					t.Fatalf("run(%q) = %v, want %v", tt.args, err, want)
				}
			}
			if !strings.Contains(stdout.String(), tt.wantStdout) {
				t.Errorf("run(%q) stdout = %q, want it to contain %q", tt.args, stdout.String(), tt.wantStdout)
			}
			if !strings.Contains(stderr.String(), tt.wantStderr) {
				t.Errorf("run(%q) stderr = %q, want it to contain %q", tt.args, stderr.String(), tt.wantStderr)
			}
		})
	}
}
