package answer_test

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/engagiert/engagiert/internal/answer"
	"github.com/engagiert/engagiert/internal/search"
	"github.com/engagiert/engagiert/internal/yamlkb/yamlkbtest"
)

var update = flag.Bool("update", false, "rewrite testdata/frames.golden from the questions in it")

// shipped is the engine over the knowledge the binary ships.
func shipped(t testing.TB) *answer.Engine {
	t.Helper()
	base := yamlkbtest.Shipped(t)
	ix, err := search.Build(base)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return answer.New(base, ix, nil)
}

// TestFrames pins how questions are understood: each line of
// testdata/frames.golden is a question, a tab and its Frame.String(). A
// routing change shows as a diff here; if it is intended, run
// go test ./internal/answer -run TestFrames -update and review the diff.
func TestFrames(t *testing.T) {
	e := shipped(t)
	f, err := os.Open("testdata/frames.golden")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out strings.Builder
	n := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			out.WriteString(line + "\n")
			continue
		}
		q, want, _ := strings.Cut(line, "\t")
		got, err := e.Frame(context.Background(), q)
		if err != nil {
			t.Fatalf("Frame(%q): %v", q, err)
		}
		n++
		fmt.Fprintf(&out, "%s\t%s\n", q, got)
		if !*update && got.String() != want {
			t.Errorf("Frame(%q) = %q, want %q", q, got, want)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n < 100 {
		t.Errorf("only %d golden frames; keep at least 100", n)
	}
	if *update {
		if err := os.WriteFile("testdata/frames.golden", []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
