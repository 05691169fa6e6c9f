package answer

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/slackapp/blocks"
	"github.com/engagiert/engagiert/internal/slackapp/blocks/blockstest"
)

// FuzzPipeline sends arbitrary text through the whole way a question
// goes: text → frame → answer → Slack blocks, and a second text as a
// follow-up in the same thread. Nothing may panic (the engine's own
// recover would turn a panic into an apology, so an apology fails the
// test), the frame must survive its round trip through a thread's state,
// and every message must pass Slack's limits and ping nobody. `go test`
// runs the seeds (every eval question); .ci/run fuzzes for a bounded time.
func FuzzPipeline(f *testing.F) {
	qs := evalQuestions(f)
	for i, q := range qs {
		f.Add(q, qs[(i+1)%len(qs)])
	}
	for _, s := range []string{"", "?", "<!channel>", "\x00\xff", strings.Repeat("Bielefeld ", 200), "und in Polen?", "wer noch?",
		"Ist nicht nicht Bielefeld nicht dabei?", "1. 2. 3. 4.", "Kreis Kreis Kreis", "vor nach vor nach Paderborn"} {
		f.Add(s, "und in Frankreich?")
	}
	e := shippedEngine(f)
	f.Fuzz(func(t *testing.T, q1, q2 string) {
		ctx := context.Background()
		a := e.Ask(ctx, q1)
		checkPipeline(t, e, q1, a)
		b := e.AskFollowUp(ctx, q2, a.Frame)
		checkPipeline(t, e, q2, b)
	})
}

// checkPipeline holds for every answer, whatever was asked.
func checkPipeline(t *testing.T, e *Engine, q string, a domain.Answer) {
	t.Helper()
	if a.Panicked {
		t.Fatalf("Ask(%q) panicked: %s", q, a.Lead)
	}
	if a.Frame != "" {
		f, ok := decodeFrame(a.Frame)
		if !ok {
			t.Fatalf("Ask(%q): frame %q does not decode", q, a.Frame)
		}
		if marshalled := marshalFrame(f); marshalled != a.Frame {
			t.Fatalf("Ask(%q): frame %q, json.Marshal writes %q", q, a.Frame, marshalled)
		}
		if again := f.encode(); again != a.Frame {
			t.Fatalf("Ask(%q): frame %q encodes back as %q", q, a.Frame, again)
		}
	}
	text := a.PlainText()
	if !utf8.ValidString(text) {
		t.Fatalf("Ask(%q): answer is not UTF-8", q)
	}
	if strings.TrimSpace(text) == "" {
		t.Fatalf("Ask(%q): empty answer", q)
	}
	if n := utf8.RuneCountInString(text); n > 6000 {
		t.Fatalf("Ask(%q): answer of %d characters", q, n)
	}
	// An answer says each thing once: no URL twice, no lead repeated.
	seen := map[string]bool{}
	for _, w := range strings.Fields(text) {
		if strings.HasPrefix(w, "http://") || strings.HasPrefix(w, "https://") {
			if seen[w] {
				t.Fatalf("Ask(%q): URL %s twice:\n%s", q, w, text)
			}
			seen[w] = true
		}
	}
	if lead := strings.TrimSpace(a.Lead); utf8.RuneCountInString(lead) > 20 && strings.Count(text, lead) > 1 {
		t.Fatalf("Ask(%q): lead repeated:\n%s", q, text)
	}
	for _, m := range []blocks.Message{blocks.Answer(a, blocks.Options{Share: true, Feedback: true}), blocks.More(a, blocks.MoreRef{Question: q})} {
		if err := blockstest.Check(m); err != nil {
			t.Fatalf("Ask(%q): Slack message: %v", q, err)
		}
	}
	_ = e.frame(q, nil).String()
}
