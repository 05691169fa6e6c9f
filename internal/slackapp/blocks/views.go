package blocks

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/slack-go/slack"
)

// CallbackModal is the callback_id of the answer modal: its view_submission
// carries the next question.
const CallbackModal = "engagiert_answer"

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
	if err := CheckJSON("", blocksJSON, MaxViewBlocks); err != nil {
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
