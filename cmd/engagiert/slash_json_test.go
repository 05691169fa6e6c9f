package main

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"testing"

	"github.com/engagiert/engagiert/internal/answer"
	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/slackapp/blocks"
	"github.com/engagiert/engagiert/internal/testenv"
	"github.com/slack-go/slack"
	"go.yaml.in/yaml/v3"
)

// TestSlashJSONMatches: the slash command's response JSON, written
// directly (blocks.AppendWebhook), is byte for byte what encoding/json
// writes for slack-go's types, for the answer to every question of every
// eval file (ours, the pending ones, the threads' turns as follow-ups, and
// ../shared/eval's), each page of its lists and the help.
func TestSlashJSONMatches(t *testing.T) {
	t.Parallel()
	files, _ := filepath.Glob("testdata/eval*/*.yaml")
	files = append(files, filepath.Join(testenv.Shared(t, "eval"), "questions.yaml"))
	type turn struct {
		Q string `yaml:"q"`
	}
	var convs [][]string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var cs []struct {
			Q     string `yaml:"q"`
			Turns []turn `yaml:"turns"`
		}
		if err := yaml.Unmarshal(b, &cs); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, c := range cs {
			conv := []string{c.Q}
			if c.Q == "" {
				conv = conv[:0]
				for _, tu := range c.Turns {
					conv = append(conv, tu.Q)
				}
			}
			convs = append(convs, conv)
		}
	}
	s, err := loadSnapshot("", slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	check := func(q string, m blocks.Message) {
		t.Helper()
		resp := slack.WebhookMessage{ResponseType: slack.ResponseTypeEphemeral, Text: m.Text, Blocks: &slack.Blocks{BlockSet: m.Blocks}}
		want, err := json.Marshal(resp)
		if err != nil {
			t.Fatalf("%q: json.Marshal: %v", q, err)
		}
		got, err := blocks.AppendWebhook(nil, resp)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%q: AppendWebhook =\n%s (err %v)\nwant (json.Marshal)\n%s", q, got, err, want)
		}
	}
	answers := 0
	for _, conv := range convs {
		prev := ""
		for _, q := range conv {
			a := domain.AskAfter(ctx, s.Asker, q, prev)
			prev = a.Frame
			opt := blocks.Options{Share: true, Feedback: true, Forward: blocks.ForwardRef{Question: q}.Encode()}
			m := blocks.Answer(a, opt)
			check(q, m)
			answers++
			for i := range a.Lists {
				check(q, blocks.More(a, blocks.MoreRef{Question: q, List: i, Offset: 1}))
			}
		}
	}
	check("hilfe", blocks.HelpFor("/engagiert", blocks.HelpSlash, answer.Commands()))
	if answers < 1000 {
		t.Errorf("%d answers checked, want the eval files' thousand and more", answers)
	}
}
