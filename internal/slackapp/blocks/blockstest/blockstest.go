// Package blockstest checks messages and views against Slack's published
// limits (blocks, characters, element counts) and for special mentions, as
// Slack would refuse or deliver them: an oracle for the tests of the
// renderer and of everything that posts, independent of the renderer's own
// bookkeeping. Only tests import it.
package blockstest

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/engagiert/engagiert/internal/slackapp/blocks"
	"github.com/slack-go/slack"
)

// Check reports every way the message breaks Slack's limits or could ping
// people; nil means Slack accepts it as it is.
func Check(m blocks.Message) error {
	raw, err := json.Marshal(slack.Blocks{BlockSet: m.Blocks})
	if err != nil {
		return fmt.Errorf("marshal blocks: %w", err)
	}
	return CheckJSON(m.Text, raw, blocks.MaxBlocks)
}

// CheckView is Check for a Home tab view, which may carry more blocks.
func CheckView(v slack.HomeTabViewRequest) error {
	raw, err := json.Marshal(v.Blocks)
	if err != nil {
		return fmt.Errorf("marshal blocks: %w", err)
	}
	return CheckJSON("", raw, blocks.MaxViewBlocks)
}

// CheckJSON is Check for a message as it travels: its fallback text and the
// JSON array of its blocks (or an object {"blocks": [...]}), so tests can check
// what a fake Slack received.
func CheckJSON(text string, blocksJSON []byte, maxBlocks int) error {
	var list []any
	if len(blocksJSON) > 0 {
		var v any
		if err := json.Unmarshal(blocksJSON, &v); err != nil {
			return fmt.Errorf("blocks are not JSON: %w", err)
		}
		switch v := v.(type) {
		case []any:
			list = v
		case map[string]any:
			list, _ = v["blocks"].([]any)
		case nil:
		default:
			return errors.New("blocks are neither an array nor an object")
		}
	}
	var errs []error
	if len(list) > maxBlocks {
		errs = append(errs, fmt.Errorf("%d blocks, at most %d allowed", len(list), maxBlocks))
	}
	total := utf8.RuneCountInString(text)
	blocks.WalkStrings(list, func(_, s string) { total += utf8.RuneCountInString(s) })
	if total > blocks.MaxMessageChars {
		errs = append(errs, fmt.Errorf("%d characters, at most %d allowed", total, blocks.MaxMessageChars))
	}
	if pingsPeople(text) {
		errs = append(errs, fmt.Errorf("fallback text %q pings people", text))
	}
	blocks.WalkStrings(list, func(key, s string) {
		// Button values and URLs are data, never shown or parsed as text.
		if key != "value" && key != "url" && pingsPeople(s) {
			errs = append(errs, fmt.Errorf("text %q pings people", s))
		}
	})
	for i, b := range list {
		bm, _ := b.(map[string]any)
		errs = append(errs, checkBlock(i, bm)...)
	}
	return errors.Join(errs...)
}

// pingsPeople reports whether s holds a special mention (<!channel>,
// <!here>, <!everyone>, <!subteam…>): the bot never sends any.
func pingsPeople(s string) bool { return strings.Contains(s, "<!") }

func textOf(v any) string {
	m, _ := v.(map[string]any)
	s, _ := m["text"].(string)
	return s
}

func checkBlock(i int, b map[string]any) []error {
	var errs []error
	typ, _ := b["type"].(string)
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("block %d (%s): %s", i, typ, fmt.Sprintf(format, args...)))
	}
	switch typ {
	case "header":
		if n := utf8.RuneCountInString(textOf(b["text"])); n > blocks.MaxHeaderText {
			bad("header text has %d characters, at most %d allowed", n, blocks.MaxHeaderText)
		}
	case "section":
		t := textOf(b["text"])
		if n := utf8.RuneCountInString(t); n > blocks.MaxSectionText {
			bad("section text has %d characters, at most %d allowed", n, blocks.MaxSectionText)
		}
		if t == "" && b["fields"] == nil {
			bad("section without text")
		}
		if acc, ok := b["accessory"].(map[string]any); ok {
			errs = append(errs, checkElement(i, acc)...)
		}
	case "context":
		els, _ := b["elements"].([]any)
		if len(els) == 0 || len(els) > blocks.MaxContextElements {
			bad("%d elements, 1 to %d allowed", len(els), blocks.MaxContextElements)
		}
		for _, e := range els {
			if n := utf8.RuneCountInString(textOf(e)); n > blocks.MaxSectionText {
				bad("context text has %d characters", n)
			}
		}
	case "actions":
		els, _ := b["elements"].([]any)
		if len(els) == 0 || len(els) > blocks.MaxActionElements {
			bad("%d elements, 1 to %d allowed", len(els), blocks.MaxActionElements)
		}
		ids := map[string]bool{}
		for _, e := range els {
			em, _ := e.(map[string]any)
			errs = append(errs, checkElement(i, em)...)
			if id, _ := em["action_id"].(string); id != "" {
				if ids[id] {
					bad("action_id %q used twice", id)
				}
				ids[id] = true
			}
		}
	case "divider":
	case "input":
		if n := utf8.RuneCountInString(textOf(b["label"])); n == 0 || n > 2000 {
			bad("label has %d characters, 1 to 2000 allowed", n)
		}
		if el, _ := b["element"].(map[string]any); el == nil || el["action_id"] == nil {
			bad("input without an element and action_id")
		}
	default:
		bad("unexpected block type")
	}
	if id, _ := b["block_id"].(string); len(id) > 255 {
		bad("block_id longer than 255")
	}
	return errs
}

func checkElement(i int, e map[string]any) []error {
	var errs []error
	if e["type"] != "button" {
		return nil
	}
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("block %d button: %s", i, fmt.Sprintf(format, args...)))
	}
	if n := utf8.RuneCountInString(textOf(e["text"])); n == 0 || n > blocks.MaxButtonText {
		bad("label has %d characters, 1 to %d allowed", n, blocks.MaxButtonText)
	}
	if v, _ := e["value"].(string); utf8.RuneCountInString(v) > blocks.MaxButtonValue {
		bad("value has %d characters, at most %d allowed", utf8.RuneCountInString(v), blocks.MaxButtonValue)
	}
	if u, _ := e["url"].(string); utf8.RuneCountInString(u) > 3000 {
		bad("url longer than 3000")
	}
	if id, _ := e["action_id"].(string); len(id) > 255 {
		bad("action_id longer than 255")
	}
	return errs
}
