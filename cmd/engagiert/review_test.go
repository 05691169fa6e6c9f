package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// dated writes a small knowledge directory with stands far in the past and
// far in the future, so that what is due does not depend on today.
func dated(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"sources.yaml": `sources:
  - id: alt
    title: Alte Seite
    url: https://example.org/alt
  - id: neu
    title: Neue Seite
    url: https://example.org/neu
`,
		"places.yaml": `places:
  - id: guetersloh
    name: Gütersloh
    aliases: [Gueterslo, Guetersloh]
    kind: Stadt
    state: Nordrhein-Westfalen
`,
		"networks/n.yaml": `id: n
name: Netz
counts:
  - {value: "1", text: Mitglieder, stand: 2001, source: alt}
  - {value: "2", text: Mitglieder, stand: 2003-05, source: alt}
facts:
  - text: Gütersloh hat den Vorsitz.
    stand: 2002
    source: alt
    topic: chair
  - text: Der Vorsitz wechselt.
    stand: 2199
    source: neu
members:
  - place: guetersloh
    source: alt
`,
		"partnerships.yaml": `counts:
  - {value: "800", text: Partnerschaften, stand: 2000-01-28, source: alt}
  - {value: "828", text: Partnerschaften, stand: 2000, source: neu}
partnerships: []
`,
	}
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestReview(t *testing.T) {
	t.Parallel()
	dir := dated(t)
	var stdout, stderr bytes.Buffer
	args := []string{"review", "--older-than", "18m", "--knowledge", dir}
	if err := run(context.Background(), args, func(string) string { return "" }, strings.NewReader(""), &stdout, &stderr); err != nil {
		t.Fatalf("run(%q) = %v; stderr:\n%s", args, err, stderr.String())
	}
	var got []string
	for _, line := range strings.Split(stdout.String(), "\n") {
		if strings.HasPrefix(line, dir) {
			got = append(got, strings.TrimPrefix(line, dir+string(filepath.Separator)))
		}
	}
	// Oldest first; superseded figures (1 of 2001, 800 of 2000-01-28) and
	// stands in the future are not due.
	want := []string{
		"partnerships.yaml:3: Stand 2000 (",
		"networks/n.yaml:8: Stand 2002 (",
		"networks/n.yaml:5: Stand 2003-05 (",
	}
	if len(got) != len(want) {
		t.Fatalf("review listed %d entries, want %d:\n%s", len(got), len(want), stdout.String())
	}
	for i := range want {
		if !strings.HasPrefix(got[i], filepath.FromSlash(want[i])) {
			t.Errorf("entry %d = %q, want prefix %q", i, got[i], want[i])
		}
	}
	for _, s := range []string{"check: https://example.org/neu", "check: https://example.org/alt", "fact 1 of network \"n\": Gütersloh hat den Vorsitz.",
		"3 of 4 dated figures and facts have a stand older than 18 months"} {
		if !strings.Contains(stdout.String(), s) {
			t.Errorf("review output lacks %q:\n%s", s, stdout.String())
		}
	}
	for _, bad := range []string{"Der Vorsitz wechselt", ": 1 Mitglieder", "800 Partnerschaften"} {
		if strings.Contains(stdout.String(), bad) {
			t.Errorf("review lists %q, which is not due:\n%s", bad, stdout.String())
		}
	}
}

func TestReviewUsage(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"review", "--older-than", "bald"}, {"review", "x"}} {
		var out bytes.Buffer
		err := run(context.Background(), args, func(string) string { return "" }, strings.NewReader(""), &out, &out)
		if _, ok := err.(usageError); !ok {
			t.Errorf("run(%q) = %v, want a usage error", args, err)
		}
	}
}
