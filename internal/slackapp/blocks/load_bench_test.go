package blocks

import (
	"fmt"
	"strings"
	"testing"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/domain/domaintest"
	"github.com/slack-go/slack"
)

// TestBlockCharsMatchesJSON checks that counting the characters from the
// blocks' fields gives what counting them in the blocks' JSON gives, for
// every block this package renders and for blocks it does not know.
func TestBlockCharsMatchesJSON(t *testing.T) {
	var all [][]slack.Block
	for _, a := range []domain.Answer{
		bigAnswer(0, 0, 0, 10), bigAnswer(5, 2, 1, 200), bigAnswer(300, 12, 8, 2900), bigAnswer(2000, 40, 30, 5000),
		{Query: "Kuchen <&>", Kind: domain.KindNone, Title: "Keine Antwort", Lead: "Dazu weiß ich nichts: „Kuchen <&>“.",
			Suggestions: []string{"Bielefeld", "Lemgo & Detmold"}},
	} {
		for _, opt := range []Options{{}, {Share: true, Feedback: true}, {Feedback: true, SharedBy: "U123"}} {
			m := Answer(a, opt)
			all = append(all, m.Blocks)
			for ref, ok := moreButton(m); ok; ref, ok = moreButton(m) {
				m = More(a, ref)
				all = append(all, m.Blocks)
			}
		}
	}
	all = append(all, HelpFor("/engagiert", HelpSlash, testCommands).Blocks, Notice("Danke für Ihr Feedback! <@U1> & so").Blocks)
	base := domaintest.NewBase([]domain.Network{{ID: "es", Name: "Engagierte Stadt", Aliases: []string{"ES"}}},
		[]domain.Place{{ID: "bi", Name: "Bielefeld"}}, nil, "v1")
	all = append(all, Home(base, "/engagiert", testCommands).Blocks.BlockSet)
	// Blocks this package does not build: counted through their JSON.
	img := slack.NewImageBlockElement("https://example.org/i.png", "ein Bild")
	confirm := slack.NewButtonBlockElement("a", "v", plain("Löschen"))
	confirm.Confirm = slack.NewConfirmationBlockObject(plain("Sicher?"), plain("Wirklich löschen?"), plain("Ja"), plain("Nein"))
	all = append(all, []slack.Block{
		slack.NewContextBlock("ctx", img, mrkdwn("Bildunterschrift")),
		slack.NewSectionBlock(mrkdwn("mit Bild"), []*slack.TextBlockObject{plain("Feld 1"), plain("Feld 2")}, slack.NewAccessory(img)),
		slack.NewSectionBlock(mrkdwn("mit Knopf"), nil, slack.NewAccessory(button("x", "Öffnen", "wert"))),
		slack.NewActionBlock("act", confirm),
		slack.NewImageBlock("https://example.org/i.png", "alt", "img", plain("Titel")),
		slack.NewDividerBlock(),
		slack.NewHeaderBlock(plain("Überschrift")),
	})
	for i, bs := range all {
		if got, want := blockChars(bs), jsonChars(bs); got != want {
			t.Errorf("blocks %d: blockChars = %d, want %d (from JSON)", i, got, want)
		}
		for j, b := range bs {
			if got, want := blockChars([]slack.Block{b}), jsonChars([]slack.Block{b}); got != want {
				t.Errorf("blocks %d, block %d (%T): blockChars = %d, want %d (from JSON)", i, j, b, got, want)
			}
		}
	}
}

func moreButton(m Message) (MoreRef, bool) {
	for _, b := range m.Blocks {
		ab, ok := b.(*slack.ActionBlock)
		if !ok {
			continue
		}
		for _, e := range ab.Elements.ElementSet {
			if btn, ok := e.(*slack.ButtonBlockElement); ok && btn.ActionID == ActionMore {
				ref, err := DecodeMoreRef(btn.Value)
				return ref, err == nil
			}
		}
	}
	return MoreRef{}, false
}

// BenchmarkAnswer renders answers of the sizes the shipped base gives: a
// place, a network with a member list, and no answer.
func BenchmarkAnswer(b *testing.B) {
	answers := []domain.Answer{bigAnswer(3, 2, 1, 200), bigAnswer(120, 4, 2, 600),
		{Query: "Pizza", Kind: domain.KindNone, Title: "Keine Antwort", Lead: "Dazu weiß ich nichts.", Suggestions: []string{"Bielefeld"}}}
	for i, a := range answers {
		b.Run(fmt.Sprint(i, "-", strings.Fields(a.Title)[0]), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Answer(a, Options{Share: true, Feedback: true})
			}
		})
	}
}
