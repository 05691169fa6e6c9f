package answer

import (
	"strings"
	"testing"

	"github.com/engagiert/engagiert/internal/domain"
)

// TestMessages: every text exists in German and English, with the same
// verbs (%s, %d) in the same order, so say never prints "%!s(MISSING)".
func TestMessages(t *testing.T) {
	verbs := func(s string) string {
		var out []string
		for i := 0; i+1 < len(s); i++ {
			if s[i] == '%' {
				out = append(out, s[i:i+2])
				i++
			}
		}
		return strings.Join(out, "")
	}
	for key, m := range messages {
		if m[0] == "" || m[1] == "" {
			t.Errorf("message %q lacks a language: %q", key, m)
		}
		if verbs(m[0]) != verbs(m[1]) {
			t.Errorf("message %q: German verbs %q, English %q", key, verbs(m[0]), verbs(m[1]))
		}
	}
	// Each kind of twinning other than the Städtepartnerschaft itself is
	// counted by name: "3 Freundschaften", "6 contacts".
	for _, k := range domain.PartnershipKinds[1:] {
		for _, key := range []string{"kind1." + k, "kindN." + k} {
			if _, ok := messages[key]; !ok {
				t.Errorf("no message %q for the twinning kind %q", key, k)
			}
		}
	}
}
