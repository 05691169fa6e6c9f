package blocks

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/domain/domaintest"
	"github.com/slack-go/slack"
)

// checkJSON fails unless AppendJSON and AppendWebhook write what
// encoding/json writes for bs, alone and as the responses the transport
// sends (ephemeral, in channel, replacing the original).
func checkJSON(t *testing.T, name string, m Message) {
	t.Helper()
	want, wantErr := json.Marshal(slack.Blocks{BlockSet: m.Blocks})
	got, err := AppendJSON([]byte("prefix"), m.Blocks)
	if (err != nil) != (wantErr != nil) || !bytes.Equal(got, append([]byte("prefix"), want...)) {
		t.Fatalf("%s: AppendJSON =\n%s (err %v)\nwant (json.Marshal)\n%s (err %v)", name, got[6:], err, want, wantErr)
	}
	yes, no := true, false
	for _, w := range []slack.WebhookMessage{
		{ResponseType: slack.ResponseTypeEphemeral, Text: m.Text, Blocks: &slack.Blocks{BlockSet: m.Blocks}},
		{ResponseType: slack.ResponseTypeInChannel, Text: m.Text, Blocks: &slack.Blocks{BlockSet: m.Blocks}, ReplaceOriginal: true},
		{Text: m.Text, DeleteOriginal: true, ReplyBroadcast: true, UnfurlLinks: &yes, UnfurlMedia: &no, Blocks: &slack.Blocks{}},
		{Username: m.Text, IconEmoji: ":x:", IconURL: "https://example.org/i.png?a=1&b=<2>", Channel: "C1", ThreadTimestamp: "1.2", Parse: "full"},
		{Text: m.Text, Attachments: []slack.Attachment{{Text: m.Text}}},
		{},
	} {
		want, wantErr := json.Marshal(w)
		got, err := AppendWebhook(nil, w)
		if (err != nil) != (wantErr != nil) || !bytes.Equal(got, want) {
			t.Fatalf("%s: AppendWebhook =\n%s (err %v)\nwant (json.Marshal)\n%s (err %v)", name, got, err, want, wantErr)
		}
	}
}

// TestAppendJSONMatches checks the JSON writer against encoding/json on
// every kind of message this package renders, on text that needs
// escaping, and on blocks and fields it never builds (those it hands to
// encoding/json). cmd/engagiert's TestSlashJSONMatches does the same for
// every answer to the eval questions.
func TestAppendJSONMatches(t *testing.T) {
	t.Parallel()
	odd := "Quotes \" and \\ backslash, <html> & entities, \t tab \n newline \r\b\f\x00\x1f\x7f, " +
		"\u2028 \u2029 separators, invalid \xff\xfe UTF-8 \xc3, emoji 👍🏽, U+FFFD \ufffd, Straße"
	answers := []domain.Answer{
		bigAnswer(0, 0, 0, 10), bigAnswer(5, 2, 1, 200), bigAnswer(300, 12, 8, 2900), bigAnswer(2000, 40, 30, 5000),
		{Query: odd, Kind: domain.KindNone, Title: odd, Lead: odd, Suggestions: []string{odd, "Bielefeld"}},
		{Query: odd, Found: true, Title: odd, Lead: odd + " https://example.org/?a=1&b=2 <@U123> <!channel>",
			Facts: []domain.AnswerFact{{Text: odd, Source: src}, {Text: "ohne Quelle"}},
			Lists: []domain.List{{Title: odd, Items: []domain.ListItem{{Name: odd, Detail: odd, Source: src}}, Note: odd}},
			Links: []domain.Link{{Title: odd, URL: "https://example.org/x?y=<1>&z"}, {URL: "https://example.org/plain"}}},
		{},
	}
	for i, a := range answers {
		for _, opt := range []Options{{}, {Share: true, Feedback: true}, {Feedback: true, SharedBy: "U123"},
			{Forward: ForwardRef{Question: odd, Channel: "C1"}.Encode()}, {Voted: "down", Forwarded: true}} {
			m := Answer(a, opt)
			checkJSON(t, a.Title, m)
			checkJSON(t, "with question", WithQuestion(m, odd, "U1"))
			if bs, ok := Voted(m.Blocks, "up"); ok {
				checkJSON(t, "voted", Message{Blocks: bs})
			}
			for ref, ok := moreButton(m); ok; ref, ok = moreButton(m) {
				m = More(a, ref)
				checkJSON(t, "more", m)
			}
		}
		if i == 0 {
			checkJSON(t, "more of a list that is gone", More(a, MoreRef{List: 9}))
		}
	}
	base := domaintest.NewBase([]domain.Network{{ID: "es", Name: "Engagierte Stadt", Aliases: []string{"ES"}}},
		[]domain.Place{{ID: "bi", Name: "Bielefeld"}}, nil, "v1")
	for _, m := range []Message{
		HelpFor("/engagiert", HelpSlash, testCommands), HelpFor("/engagiert", HelpMention, testCommands),
		Welcome("/engagiert", testCommands), Notice(odd), Forwarded(odd, "U1", "in <#C1>"), Relayed(odd, odd+" <https://x.org|x>", "U2"),
		{Blocks: Home(base, "/engagiert", testCommands).Blocks.BlockSet},
		{Blocks: Card(domain.Network{ID: "es", Name: odd, Facts: []domain.Fact{{Text: odd}}}, "/engagiert")},
	} {
		checkJSON(t, m.Text, m)
	}

	// Blocks and fields this package does not build, nil ones, and no blocks.
	img := slack.NewImageBlockElement("https://example.org/i.png", odd)
	confirm := slack.NewButtonBlockElement("a", "v", plain("Löschen"))
	confirm.Confirm = slack.NewConfirmationBlockObject(plain("Sicher?"), plain("Wirklich?"), plain("Ja"), plain("Nein"))
	full := slack.NewButtonBlockElement("b", odd, plain(odd)).WithStyle(slack.StyleDanger)
	full.URL, full.AccessibilityLabel, full.AgentPrompt, full.AgentPromptDisplay = "https://x.org/?a&b", odd, odd, odd
	full.VisibleToUserIDs = []string{"U1", odd}
	verbatim := slack.NewTextBlockObject(slack.MarkdownType, odd, false, true)
	noEmoji := slack.NewTextBlockObject(slack.PlainTextType, odd, false, false)
	level := slack.NewHeaderBlock(plain(odd), slack.HeaderBlockOptionBlockID("h"))
	level.Level = 2
	expand := slack.NewSectionBlock(nil, []*slack.TextBlockObject{verbatim, noEmoji, nil}, nil, slack.SectionBlockOptionBlockID("s"))
	expand.Expand = true
	var nilSection *slack.SectionBlock
	for i, bs := range [][]slack.Block{
		nil, {}, {nil}, {nilSection, (*slack.ActionBlock)(nil), (*slack.ContextBlock)(nil), (*slack.HeaderBlock)(nil), (*slack.DividerBlock)(nil)},
		{slack.NewContextBlock("ctx", img, mrkdwn(odd)), slack.NewContextBlock("", verbatim, nil), slack.NewContextBlock("")},
		{&slack.ContextBlock{Type: slack.MBTContext}, &slack.ActionBlock{Type: slack.MBTAction}, &slack.ActionBlock{Type: slack.MBTAction, Elements: &slack.BlockElements{}}},
		{slack.NewSectionBlock(mrkdwn("mit Bild"), []*slack.TextBlockObject{plain("Feld")}, slack.NewAccessory(img)), expand},
		{slack.NewActionBlock("act", confirm), slack.NewActionBlock(odd, full, nil, button("x", odd, odd))},
		{slack.NewImageBlock("https://example.org/i.png", "alt", "img", plain("Titel")), slack.NewDividerBlock(), &slack.DividerBlock{Type: slack.MBTDivider, BlockID: odd}},
		{level, slack.NewHeaderBlock(nil), *slack.NewSectionBlock(mrkdwn("value, not pointer"), nil, nil)},
		{slack.NewSectionBlock(&slack.TextBlockObject{Type: odd, Text: ""}, nil, nil), &slack.HeaderBlock{}, &slack.SectionBlock{}},
	} {
		checkJSON(t, "odd blocks "+strings.Repeat("I", i+1), Message{Text: odd, Blocks: bs})
	}
}

// FuzzAppendJSON renders answers made of fuzzed text and checks that the
// JSON writer writes what encoding/json writes, byte for byte.
func FuzzAppendJSON(f *testing.F) {
	for _, s := range []string{"Bielefeld", "", "<@U1> & <!here> \"x\" \\ \u2028", "\xff\xfe\xc3", "https://example.org/a?b=1&c=2.", "\x00\t\n\r\x7f\u0085",
		"Gütersloh „Engagierte Stadt“ – seit 2015\n", "\xc2", "ä\xc2\x9f", "\xc2A", "mail@example.org"} {
		f.Add(s, s, true)
	}
	f.Fuzz(func(t *testing.T, text, other string, found bool) {
		want, _ := json.Marshal(text)
		if got := AppendString(nil, text); !bytes.Equal(got, want) {
			t.Fatalf("AppendString(%q) = %s, want %s", text, got, want)
		}
		for _, n := range []int{0, 1, 5, len(text) - 1, len(text), 3000} {
			if got, want := esc(text, n), escAll(text, n); got != want {
				t.Fatalf("esc(%q, %d) = %q, want (escAll) %q", text, n, got, want)
			}
		}
		for _, ref := range []ForwardRef{{Question: text}, {Question: other, Channel: text, Thread: other}} {
			cut := ref
			cut.Question = cutBytes(ref.Question, maxQuestion)
			if want, _ := json.Marshal(cut); ref.Encode() != string(want) {
				t.Fatalf("%#v.Encode() = %s, want %s", ref, ref.Encode(), want)
			}
		}
		a := domain.Answer{Query: text, Found: found, Title: text, Lead: other + " " + text, Suggestions: []string{text},
			Facts: []domain.AnswerFact{{Text: text, Source: &domain.Source{Title: other, URL: "https://example.org/" + other}}},
			Lists: []domain.List{{Title: other, Items: []domain.ListItem{{Name: text}, {Name: other, Detail: text}}, Note: text}},
			Links: []domain.Link{{Title: text, URL: other}}}
		m := Answer(a, Options{Share: true, Feedback: true, Forward: ForwardRef{Question: text}.Encode()})
		checkJSON(t, text, m)
		checkJSON(t, "notice", Notice(text))
		checkJSON(t, "relayed", Relayed(text, other, "U1"))
		checkJSON(t, "raw", Message{Text: text, Blocks: []slack.Block{
			slack.NewSectionBlock(slack.NewTextBlockObject(other, text, found, !found), nil, nil),
			slack.NewActionBlock(other, slack.NewButtonBlockElement(text, other, plain(text))),
			slack.NewContextBlock(text, mrkdwn(other)),
		}})
	})
}
