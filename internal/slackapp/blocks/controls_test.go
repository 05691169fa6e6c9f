package blocks

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/engagiert/engagiert/internal/domain"
)

// A list the engine cut ("und 240 weitere") and the renderer cuts again
// shows one count of what is missing.
func TestOneMissingCount(t *testing.T) {
	var items []domain.ListItem
	for i := range 60 {
		items = append(items, domain.ListItem{Name: fmt.Sprintf("Ort %d", i)})
	}
	a := domain.Answer{Query: "q", Found: true, Title: "T", Lists: []domain.List{{Title: "Mitglieder", Items: items, Note: "und 240 weitere"}}}
	raw := string(jsonOf(t, Answer(a, Options{}).Blocks))
	if n := strings.Count(raw, "weitere"); n != 1 || !strings.Contains(raw, "… und 260 weitere") {
		t.Errorf("list: %s, want one count, … und 260 weitere", raw)
	}
	for _, tt := range []struct {
		note string
		n    int
	}{{"und 3 weitere", 3}, {"und 3 weitere Städte in Bayern", 0}, {"Stand 2024", 0}, {"", 0}} {
		if n, _ := omittedCount(tt.note); n != tt.n {
			t.Errorf("omittedCount(%q) = %d, want %d", tt.note, n, tt.n)
		}
	}
}

func TestVoted(t *testing.T) {
	a := domain.Answer{Query: "Kuchen", Found: false, Title: "Keine Antwort"}
	m := Answer(a, Options{Feedback: true, Forward: ForwardRef{Question: "Kuchen"}.Encode()})
	bs, ok := Voted(m.Blocks, "up")
	raw := string(jsonOf(t, bs))
	if !ok || strings.Contains(raw, ActionFeedbackUp) || !strings.Contains(raw, ActionForward) || !strings.Contains(raw, "Danke für dein Feedback") {
		t.Errorf("Voted = %v, %s", ok, raw)
	}
	if _, ok := Voted(Notice("x").Blocks, "up"); ok {
		t.Error("Voted(a notice) = ok, want false")
	}
	if r, err := DecodeForwardRef(ForwardRef{Question: "Kuchen", Channel: "C1", Thread: "1.2"}.Encode()); err != nil || r.Channel != "C1" {
		t.Errorf("ForwardRef round trip = %+v, %v", r, err)
	}
	if _, err := DecodeForwardRef(`{"q":"x","c":"<!channel>"}`); err == nil {
		t.Error("DecodeForwardRef(bad channel) = nil error")
	}
}

func jsonOf(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.ReplaceAll(b, []byte(`\u2026`), []byte("…"))
}

// TestCutKeepsEntities: cutting escaped text never splits an entity.
func TestCutKeepsEntities(t *testing.T) {
	for n := 1; n < 20; n++ {
		got := cut(Escape("a&b<c>d&&&e"), n)
		if chars(got) > n {
			t.Errorf("cut(%d) = %q, too long", n, got)
		}
		if i := strings.LastIndex(got, "&"); i >= 0 && !strings.Contains(got[i:], ";") {
			t.Errorf("cut(%d) = %q splits an entity", n, got)
		}
	}
}
