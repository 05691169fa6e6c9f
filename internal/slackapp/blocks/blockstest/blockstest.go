// Package blockstest checks messages and views against Slack's published
// limits and rules (blocks, characters, element counts, a view's title,
// submit and close) and for special mentions and bare URLs, as Slack would
// refuse or show them: an oracle for the tests of the renderer and of
// everything that posts (apicheck), independent of the renderer's own
// bookkeeping. Only tests import it.
package blockstest

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
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

// CheckView is Check for a Home tab view, which may carry more blocks, with
// the rules of views (CheckViewJSON).
func CheckView(v slack.HomeTabViewRequest) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("marshal view: %w", err)
	}
	return CheckViewJSON(raw)
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
	total := chars(text)
	blocks.WalkStrings(list, func(_, s string) { total += chars(s) })
	if total > blocks.MaxMessageChars {
		errs = append(errs, fmt.Errorf("%d characters, at most %d allowed", total, blocks.MaxMessageChars))
	}
	if pingsPeople(text) {
		errs = append(errs, fmt.Errorf("fallback text %q pings people", text))
	}
	if HasBareURL(text) {
		errs = append(errs, fmt.Errorf("fallback text %q shows a bare URL", text))
	}
	blocks.WalkStrings(list, func(key, s string) {
		// Button values and URLs are data, never shown or parsed as text.
		if key == "value" || key == "url" {
			return
		}
		if pingsPeople(s) {
			errs = append(errs, fmt.Errorf("text %q pings people", s))
		}
	})
	mrkdwnTexts(list, func(s string) {
		if HasBareURL(s) {
			errs = append(errs, fmt.Errorf("text %q shows a bare URL instead of <url|label>", s))
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

// HasBareURL reports whether text shows a web address as it is, outside a
// <url|label> link: answers always label their links.
func HasBareURL(s string) bool {
	if !strings.Contains(s, "://") {
		return false
	}
	for _, m := range bareURL.FindAllString(slackLink.ReplaceAllString(s, ""), -1) {
		// Slack links an address with a host name ("example.org",
		// "localhost"); "https://" and "https://*" alone are only text.
		host := m[strings.Index(m, "://")+3:]
		for _, ent := range []string{"&lt;", "&gt;", "&quot;"} { // escaped text ends an address
			if k := strings.Index(host, ent); k >= 0 {
				host = host[:k]
			}
		}
		host = strings.TrimRight(host, ".,;:!?)]}'“”„*_~`")
		if host, _, _ = strings.Cut(host, "/"); strings.Contains(host, ".") || strings.HasPrefix(host, "localhost") {
			return true
		}
	}
	return false
}

// mrkdwnTexts calls f with the text of every mrkdwn text object under v
// (plain_text cannot link, so a URL there is only text).
func mrkdwnTexts(v any, f func(string)) {
	switch v := v.(type) {
	case map[string]any:
		if v["type"] == "mrkdwn" {
			if s, ok := v["text"].(string); ok {
				f(s)
			}
		}
		for _, x := range v {
			mrkdwnTexts(x, f)
		}
	case []any:
		for _, x := range v {
			mrkdwnTexts(x, f)
		}
	}
}

// slackLink is a link, mention or channel reference in Slack's markup.
var slackLink = regexp.MustCompile(`<[^<>]*>`)

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
		if n := chars(textOf(b["text"])); n > blocks.MaxHeaderText {
			bad("header text has %d characters, at most %d allowed", n, blocks.MaxHeaderText)
		}
	case "section":
		t := textOf(b["text"])
		if n := chars(t); n > blocks.MaxSectionText {
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
			if n := chars(textOf(e)); n > blocks.MaxSectionText {
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
		if n := chars(textOf(b["label"])); n == 0 || n > 2000 {
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
	if n := chars(textOf(e["text"])); n == 0 || n > blocks.MaxButtonText {
		bad("label has %d characters, 1 to %d allowed", n, blocks.MaxButtonText)
	}
	if v, _ := e["value"].(string); chars(v) > blocks.MaxButtonValue {
		bad("value has %d characters, at most %d allowed", chars(v), blocks.MaxButtonValue)
	}
	if u, _ := e["url"].(string); chars(u) > 3000 {
		bad("url longer than 3000")
	}
	if id, _ := e["action_id"].(string); len(id) > 255 {
		bad("action_id longer than 255")
	}
	return errs
}

// Slack's limits of a view (views.open, views.update, views.publish).
const (
	maxViewTitle      = 24
	maxViewButton     = 24
	maxCallbackID     = 255
	maxPrivateMetdata = 3000
)

// CheckModal reports every way a modal breaks Slack's rules for views.
func CheckModal(v slack.ModalViewRequest) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("marshal view: %w", err)
	}
	return CheckViewJSON(raw)
}

// CheckViewJSON checks a view as it travels (the "view" argument of
// views.open, views.update, views.publish, or a response_action's view):
// the blocks as Check does, and the view's own rules. A modal needs a
// plain_text title of at most 24 characters, and one with an input block
// needs submit and close (Slack: "must define submit to use an input block
// in modals", with no exception for dispatch_action). A Home tab has no
// submit, so an input there must dispatch its action.
func CheckViewJSON(raw []byte) error {
	var v map[string]any
	if err := json.Unmarshal(raw, &v); err != nil {
		return fmt.Errorf("view is not a JSON object: %w", err)
	}
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	list, _ := v["blocks"].([]any)
	blocksJSON, _ := json.Marshal(list)
	if err := CheckJSON("", blocksJSON, blocks.MaxViewBlocks); err != nil {
		errs = append(errs, err)
	}
	var inputs, dispatching int
	for _, b := range list {
		bm, _ := b.(map[string]any)
		if bm["type"] == "input" {
			inputs++
			if bm["dispatch_action"] == true {
				dispatching++
			}
		}
	}
	buttonText := func(key string, required bool) {
		t, ok := v[key].(map[string]any)
		if !ok {
			if required {
				bad("modal with an input block has no %s", key)
			}
			return
		}
		if t["type"] != "plain_text" {
			bad("%s is not plain_text", key)
		}
		if n := chars(textOf(t)); n == 0 || n > maxViewButton {
			bad("%s has %d characters, 1 to %d allowed", key, n, maxViewButton)
		}
	}
	switch v["type"] {
	case "modal":
		t, _ := v["title"].(map[string]any)
		if t == nil || t["type"] != "plain_text" {
			bad("modal without a plain_text title")
		} else if n := chars(textOf(t)); n == 0 || n > maxViewTitle {
			bad("title has %d characters, 1 to %d allowed", n, maxViewTitle)
		}
		buttonText("submit", inputs > 0)
		buttonText("close", inputs > 0)
	case "home":
		if inputs > dispatching {
			bad("Home tab input without dispatch_action: nothing could send it")
		}
		if v["submit"] != nil || v["close"] != nil {
			bad("Home tab with submit or close")
		}
	default:
		bad("view type %v, want modal or home", v["type"])
	}
	if id, _ := v["callback_id"].(string); len(id) > maxCallbackID {
		bad("callback_id longer than %d", maxCallbackID)
	}
	if pm, _ := v["private_metadata"].(string); len(pm) > maxPrivateMetdata {
		bad("private_metadata longer than %d", maxPrivateMetdata)
	}
	return errors.Join(errs...)
}

// chars counts characters as Slack does: runes.
func chars(s string) int { return utf8.RuneCountInString(s) }

// bareURL is a web address as Slack would link it when it is not inside
// <url|label>.
var bareURL = regexp.MustCompile(`https?://[^\s<>|"]+`)
