package blockstest

import (
	"strings"
	"testing"

	"github.com/engagiert/engagiert/internal/slackapp/blocks"
)

// TestCheckJSON: the oracle refuses what Slack refuses or what would ping
// people, and passes what it accepts.
func TestCheckJSON(t *testing.T) {
	section := func(text string) string {
		return `{"type":"section","text":{"type":"mrkdwn","text":"` + text + `"}}`
	}
	many := strings.Repeat(section("x")+",", blocks.MaxBlocks) + section("x")
	tests := []struct {
		name, text, blocks string
		want               string // "" for no error
	}{
		{"plain answer", "Bielefeld", "[" + section("Bielefeld ist Mitglied") + "]", ""},
		{"blocks in an object", "Bielefeld", `{"blocks":[` + section("ok") + `]}`, ""},
		{"too many blocks", "x", "[" + many + "]", "blocks, at most"},
		{"too long", strings.Repeat("a", blocks.MaxMessageChars+1), "[]", "characters, at most"},
		{"fallback pings", "<!channel> Hallo", "[]", "pings people"},
		{"block pings", "x", "[" + section("<!here>") + "]", "pings people"},
		{"not JSON", "x", "[", "not JSON"},
	}
	for _, tt := range tests {
		err := CheckJSON(tt.text, []byte(tt.blocks), blocks.MaxBlocks)
		if (tt.want == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tt.want)) {
			t.Errorf("%s: CheckJSON = %v, want %q", tt.name, err, tt.want)
		}
	}
}
