package blockstest

import (
	"strings"
	"testing"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/slackapp/blocks"
	"github.com/slack-go/slack"
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

func TestCheckViewRules(t *testing.T) {
	answer := blocks.Answer(domain.Answer{Query: "Bielefeld", Found: true, Title: "Bielefeld", Lead: "Bielefeld ist dabei."}, blocks.Options{})
	if err := CheckModal(blocks.Modal(answer)); err != nil {
		t.Errorf("CheckModal(Modal) = %v", err)
	}
	if err := CheckView(blocks.Home(nil, "", nil)); err != nil {
		t.Errorf("CheckView(Home) = %v", err)
	}
	noSubmit := blocks.Modal(answer)
	noSubmit.Submit = nil
	tooLong := blocks.Modal(answer)
	tooLong.Title = slack.NewTextBlockObject(slack.PlainTextType, "engagiert – Antworten mit Quelle", false, false)
	for name, v := range map[string]slack.ModalViewRequest{"no submit": noSubmit, "long title": tooLong} {
		if err := CheckModal(v); err == nil {
			t.Errorf("CheckModal(%s) = nil, want an error", name)
		}
	}
	home := blocks.Home(nil, "", nil)
	for _, b := range home.Blocks.BlockSet {
		if in, ok := b.(*slack.InputBlock); ok {
			in.DispatchAction = false
		}
	}
	if err := CheckView(home); err == nil {
		t.Error("CheckView(Home with an input that dispatches nothing) = nil, want an error")
	}
}
