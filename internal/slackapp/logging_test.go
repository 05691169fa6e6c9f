package slackapp

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"
	"testing/slogtest"
	"unicode/utf8"

	"github.com/engagiert/engagiert/internal/slackapp/slackapptest"
)

func TestCutQuestion(t *testing.T) {
	f := setup(t, nil)
	long := strings.Repeat("Wer ist Mitglied ", 3000) // 51,000 characters
	tests := []struct{ in, want string }{
		{"  Bielefeld  ", "Bielefeld"},
		{strings.Repeat("x", 500), strings.Repeat("x", 500)},
		{strings.Repeat("x", 501), strings.Repeat("x", 500)}, // no space to cut back to
		{long, strings.TrimSpace(long[:500])[:strings.LastIndex(long[:500], " ")]},
		{strings.Repeat("ü", 600), strings.Repeat("ü", 500)},
		{"a\xffb", "ab"},
	}
	for _, tt := range tests {
		if got := f.app.cutQuestion(tt.in); got != tt.want {
			t.Errorf("cutQuestion(%.20q… %d bytes) = %.40q… (%d), want %.40q… (%d)", tt.in, len(tt.in), got, len(got), tt.want, len(tt.want))
		}
	}
}

// TestLongQuestionsShareOneCacheEntry: the slash response cache is keyed
// by the question as the engine reads it; two 40 KB questions that differ
// after that get one entry, and its key is short.
func TestLongQuestionsShareOneCacheEntry(t *testing.T) {
	f := setup(t, nil)
	head := strings.Repeat("Gibt es Kuchen in Bielefeld ", 40) // > 500 characters
	var bodies []string
	for i := range 2 {
		q := head + strings.Repeat(fmt.Sprintf("tail%d ", i), 6000) // about 40 KB each
		rec := f.post(t, "/slack/commands", "application/x-www-form-urlencoded", slackapptest.SlashBody(q, f.slack.Hooks()+"/1"), nil)
		bodies = append(bodies, rec.Body.String())
	}
	f.wait(t)
	if f.app.responses.Len() != 1 || bodies[0] != bodies[1] {
		t.Errorf("%d cache entries, responses equal %v; want one entry for both", f.app.responses.Len(), bodies[0] == bodies[1])
	}
	if len(bodies[0]) > 20_000 {
		t.Errorf("response of %d bytes for a 40 KB question, want it bounded", len(bodies[0]))
	}
	for _, q := range f.asker.asked() {
		if utf8.RuneCountInString(q) > DefaultMaxQuestion {
			t.Errorf("the engine was asked %d characters, want at most %d", utf8.RuneCountInString(q), DefaultMaxQuestion)
		}
	}
}

// TestLogLinesBounded: a signed event with a 200,000-digit number and a
// 40 KB question leave no log line over 2 KB.
func TestLogLinesBounded(t *testing.T) {
	f := setup(t, func(c *Config) { c.BotUserID = botID })
	digits := strings.Repeat("7", 200_000)
	huge := []string{
		// An event type the bot does not handle, with a number no int holds.
		`{"type":"event_callback","event_id":"EvBIG1","event_time":` + digits + `,"event":{"type":"reaction_added","user":"U1","item":{"ts":` + digits + `}}}`,
		// A mention with the number as its ts, and a long question.
		`{"type":"event_callback","event_id":"EvBIG2","event_time":1,"event":{"type":"app_mention","user":"U1","channel":"C1","ts":` + digits +
			`,"text":"<@` + botID + `> ` + strings.Repeat("Kuchenfrage ", 4000) + `"}}`,
		// Not JSON at all.
		digits,
		// An event_id and type as long as the body allows.
		`{"type":"` + strings.Repeat("x", 100_000) + `","event_id":"` + strings.Repeat("E", 100_000) + `"}`,
	}
	for _, body := range huge {
		f.post(t, "/slack/events", "application/json", []byte(body), nil)
	}
	f.wait(t)
	if !strings.Contains(f.logs.String(), "EvBIG1") {
		t.Fatalf("the events were not logged at all:\n%.2000s", f.logs.String())
	}
	for _, line := range strings.Split(f.logs.String(), "\n") {
		if len(line) > 2048 {
			t.Errorf("log line of %d bytes: %.300s…", len(line), line)
		}
	}
}

// TestDeferredAttrs: the handler that formats a logger's attributes only
// when a record is written passes slog's own handler tests, and writes
// what the handler under it writes without it, for loggers made with any
// mix of With and WithGroup.
func TestDeferredAttrs(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	h := &deferredAttrs{h: slog.NewJSONHandler(&buf, nil)}
	if err := slogtest.TestHandler(h, func() []map[string]any {
		var out []map[string]any
		for line := range bytes.Lines(buf.Bytes()) {
			var m map[string]any
			if err := json.Unmarshal(line, &m); err != nil {
				t.Fatalf("%s: %v", line, err)
			}
			out = append(out, m)
		}
		return out
	}); err != nil {
		t.Error(err)
	}

	noTime := func(groups []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey && len(groups) == 0 {
			return slog.Attr{}
		}
		return a
	}
	for _, mk := range []func(io.Writer) slog.Handler{
		func(w io.Writer) slog.Handler {
			return slog.NewJSONHandler(w, &slog.HandlerOptions{ReplaceAttr: noTime})
		},
		func(w io.Writer) slog.Handler {
			return slog.NewTextHandler(w, &slog.HandlerOptions{ReplaceAttr: noTime})
		},
	} {
		var plain, deferred bytes.Buffer
		for _, log := range []*slog.Logger{slog.New(mk(&plain)), deferAttrs(deferAttrs(slog.New(mk(&deferred))))} {
			l := log.With("request_id", "r1", "kind", "command")
			l.Info("one", "n", 1)
			l = l.With("surface", "slash").WithGroup("g").With("user", "U1", slog.Group("inner", "a", 1))
			l.Warn("two", "n", 2)
			l.WithGroup("").With().WithGroup("h").Error("three", "err", "x")
			log.Info("plain")
		}
		if plain.String() != deferred.String() {
			t.Errorf("deferred attributes wrote\n%s\nwant\n%s", deferred.String(), plain.String())
		}
	}
}
