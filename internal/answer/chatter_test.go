package answer_test

import (
	"context"
	"fmt"
	"os"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestChatterAnswersAsBare wraps every public eval question in the chatter
// people type around questions in Slack; the answer must be the bare
// question's, word for word.
func TestChatterAnswersAsBare(t *testing.T) {
	e := shipped(t)
	b, err := os.ReadFile("../../cmd/engagiert/testdata/eval/questions.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct{ Q string }
	if err := yaml.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	wraps := []string{"hey bot, %s", "%s danke!", "%s :pray:", "moin! kurze frage: %s 🙏", "@engagiert *%s*", "sag mal, %s??"}
	ctx := context.Background()
	for _, c := range cases {
		if c.Q == "" {
			continue
		}
		bare := e.Ask(ctx, c.Q)
		for _, w := range wraps {
			q := sprintf(w, c.Q)
			got := e.Ask(ctx, q)
			if got.Found != bare.Found || got.PlainText() != bare.PlainText() {
				t.Errorf("Ask(%q) differs from Ask(%q):\n%s\n--- bare:\n%s", q, c.Q, got.PlainText(), bare.PlainText())
			}
		}
	}
}

func TestPureChatter(t *testing.T) {
	e := shipped(t)
	for _, q := range []string{"moin", "danke!", "thx 👍", "Hallo zusammen", ":wave:", "ok danke", "tschüss"} {
		a := e.Ask(context.Background(), q)
		if a.Found || len(a.Suggestions) != 2 || len(a.PlainText()) > 300 {
			t.Errorf("Ask(%q) = found %v, %d suggestions, %d characters; want a short friendly reply with two examples, found=false:\n%s",
				q, a.Found, len(a.Suggestions), len(a.PlainText()), a.PlainText())
		}
	}
}

func sprintf(format, q string) string { return fmt.Sprintf(format, q) }
