package privacy

import (
	"bytes"
	"encoding/json"
	"errors"
	"log/slog"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestClip(t *testing.T) {
	tests := []struct {
		in        string
		wantChars int // without the "…"
	}{
		{"kurz", 4},
		{strings.Repeat("a", 500), 500},
		{strings.Repeat("a", 501), 500},
		{strings.Repeat("ä", 600), 500},
		{strings.Repeat("😀", 600), 250},    // 4 bytes each: the byte bound
		{strings.Repeat("\x01", 600), 166}, // \u0001 in JSON: 6 bytes each
	}
	for _, tt := range tests {
		got := Clip(tt.in)
		if n := utf8.RuneCountInString(strings.TrimSuffix(got, "…")); n != tt.wantChars {
			t.Errorf("Clip(%d × %q) kept %d characters, want %d", utf8.RuneCountInString(tt.in), []rune(tt.in)[0], n, tt.wantChars)
		}
		if b, _ := json.Marshal(got); len(b) > MaxTextBytes+10 {
			t.Errorf("Clip(%d × %q) is %d bytes as JSON", utf8.RuneCountInString(tt.in), []rune(tt.in)[0], len(b))
		}
	}
	if got := ClipBytes("äöü", 3); got != "ä…" {
		t.Errorf("ClipBytes(äöü, 3) = %q, want ä…", got)
	}
}

// logLine logs one line through the policy and returns it as a map.
func logLine(t *testing.T, p Pseudonyms, args ...any) map[string]any {
	t.Helper()
	var b bytes.Buffer
	slog.New(slog.NewJSONHandler(&b, &slog.HandlerOptions{ReplaceAttr: p.ReplaceAttr})).With("request_id", "r1").Info("unanswered", args...)
	var m map[string]any
	if err := json.Unmarshal(b.Bytes(), &m); err != nil {
		t.Fatalf("%v: %s", err, b.String())
	}
	return m
}

func TestReplaceAttr(t *testing.T) {
	p := NewPseudonyms("salt-1")
	m := logLine(t, p, "user", "U0123ABCD", "asker", "U0123ABCD", "curator", "U0999", "channel", "D024BE91L",
		"question", strings.Repeat("Kuchen ", 200), "err", errors.New(strings.Repeat("7", 200_000)),
		"stack", strings.Repeat("f x.go:1\n", 1000), "event_id", "Ev1", "retry_num", 2)
	pseudo := regexp.MustCompile(`^u-[0-9a-f]{12}$`)
	if u, _ := m["user"].(string); !pseudo.MatchString(u) || m["asker"] != u || m["curator"] == u {
		t.Errorf("user %v, asker %v, curator %v: want one pseudonym per person", m["user"], m["asker"], m["curator"])
	}
	if c, _ := m["channel"].(string); !strings.HasPrefix(c, "d-") {
		t.Errorf("DM channel = %v, want a pseudonym", m["channel"])
	}
	if q := m["question"].(string); utf8.RuneCountInString(q) > MaxText+1 {
		t.Errorf("question of %d characters", utf8.RuneCountInString(q))
	}
	if e := m["err"].(string); len(e) > MaxErrBytes+len("…") {
		t.Errorf("err of %d bytes", len(e))
	}
	if s := m["stack"].(string); len(s) > 1200+len("…") {
		t.Errorf("stack of %d bytes", len(s))
	}
	if m["event_id"] != "Ev1" || m["retry_num"] != 2.0 || m["request_id"] != "r1" || m["msg"] != "unanswered" {
		t.Errorf("other fields changed: %v", m)
	}
	// The same salt, the same pseudonym (replicas with ENGAGIERT_LOG_SALT);
	// another salt, another one; and a public channel stays as it is.
	if again := logLine(t, NewPseudonyms("salt-1"), "user", "U0123ABCD"); again["user"] != m["user"] {
		t.Errorf("same salt: %v, then %v", m["user"], again["user"])
	}
	if other := logLine(t, NewPseudonyms("salt-2"), "user", "U0123ABCD", "channel", "C024BE91L"); other["user"] == m["user"] || other["channel"] != "C024BE91L" {
		t.Errorf("another salt: %v (want another pseudonym), channel %v (want it kept)", other["user"], other["channel"])
	}
	if r1, r2 := logLine(t, NewPseudonyms(""), "user", "U1"), logLine(t, NewPseudonyms(""), "user", "U1"); r1["user"] == r2["user"] {
		t.Error("two runs without a salt gave the same pseudonym, want a random key each")
	}
}
