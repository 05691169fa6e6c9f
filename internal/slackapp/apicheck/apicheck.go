// Package apicheck checks what the bot sends to Slack, as a recording fake
// Web API receives it: each argument decodes into slack-go's types for the
// method, messages and views keep to Block Kit's limits and Slack's view
// rules (blockstest.Check, blockstest.CheckViewJSON), links are <url|label>, and
// suggested prompts are 2 to 4. It is test support: only tests import it.
package apicheck

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/engagiert/engagiert/internal/slackapp/blocks"
	"github.com/engagiert/engagiert/internal/slackapp/blocks/blockstest"
	"github.com/slack-go/slack"
)

// Call checks one Web API call: method as in the URL path
// ("chat.postMessage"; "response_url" for a post to a response_url), its
// form (slack-go posts form-encoded) or its JSON body.
func Call(method string, form url.Values, body []byte) error {
	switch method {
	case "chat.postMessage", "chat.postEphemeral", "chat.update":
		if form.Get("channel") == "" {
			return fmt.Errorf("%s without channel", method)
		}
		return message(method, form.Get("text"), form.Get("blocks"))
	case "response_url":
		var m slack.WebhookMessage
		if err := json.Unmarshal(body, &m); err != nil {
			return fmt.Errorf("response_url body is no slack.WebhookMessage: %w", err)
		}
		if m.DeleteOriginal {
			return nil
		}
		var raw struct {
			Blocks json.RawMessage `json:"blocks"`
		}
		_ = json.Unmarshal(body, &raw)
		return message(method, m.Text, string(raw.Blocks))
	case "views.open", "views.update", "views.publish":
		view := []byte(form.Get("view"))
		if len(view) == 0 { // slack-go posts views as JSON
			var req struct {
				View json.RawMessage `json:"view"`
			}
			if err := json.Unmarshal(body, &req); err != nil {
				return fmt.Errorf("%s: body is no JSON: %w", method, err)
			}
			view = req.View
		}
		return View(method, view)
	case "chat.unfurl":
		if form.Get("channel") == "" || form.Get("ts") == "" {
			return errors.New("chat.unfurl without channel and ts")
		}
		var unfurls map[string]slack.Attachment
		if err := json.Unmarshal([]byte(form.Get("unfurls")), &unfurls); err != nil || len(unfurls) == 0 {
			return fmt.Errorf("chat.unfurl: unfurls %q are no map of slack.Attachment: %v", form.Get("unfurls"), err)
		}
		var errs []error
		for u, a := range unfurls {
			raw, _ := json.Marshal(a.Blocks)
			if err := blockstest.CheckJSON("", raw, blocks.MaxBlocks); err != nil {
				errs = append(errs, fmt.Errorf("chat.unfurl card for %s: %w", u, err))
			}
			if len(a.Blocks.BlockSet) == 0 {
				errs = append(errs, fmt.Errorf("chat.unfurl card for %s has no blocks", u))
			}
		}
		return errors.Join(errs...)
	case "assistant.threads.setSuggestedPrompts":
		var prompts []slack.AssistantThreadsPrompt
		if err := json.Unmarshal([]byte(form.Get("prompts")), &prompts); err != nil {
			return fmt.Errorf("prompts are no []slack.AssistantThreadsPrompt: %w", err)
		}
		if len(prompts) < blocks.MinPrompts || len(prompts) > blocks.MaxPrompts {
			return fmt.Errorf("%d suggested prompts, want %d to %d", len(prompts), blocks.MinPrompts, blocks.MaxPrompts)
		}
		for _, p := range prompts {
			if strings.TrimSpace(p.Title) == "" || strings.TrimSpace(p.Message) == "" {
				return fmt.Errorf("suggested prompt %+v without title or message", p)
			}
		}
		return threadArgs(method, form)
	case "assistant.threads.setStatus":
		return threadArgs(method, form)
	case "assistant.threads.setTitle":
		if strings.TrimSpace(form.Get("title")) == "" {
			return errors.New("assistant.threads.setTitle without title")
		}
		return threadArgs(method, form)
	case "reactions.add":
		if form.Get("name") == "" || form.Get("channel") == "" || form.Get("timestamp") == "" {
			return fmt.Errorf("reactions.add needs name, channel and timestamp: %v", form)
		}
	}
	return nil
}

func threadArgs(method string, form url.Values) error {
	if form.Get("channel_id") == "" || form.Get("thread_ts") == "" {
		return fmt.Errorf("%s without channel_id and thread_ts", method)
	}
	return nil
}

// message checks a message's fallback text and blocks (a JSON array).
func message(method, text, blocksJSON string) error {
	if blocksJSON != "" {
		var bs slack.Blocks
		if err := json.Unmarshal([]byte(blocksJSON), &bs); err != nil {
			return fmt.Errorf("%s: blocks are no slack.Blocks: %w", method, err)
		}
	}
	if err := blockstest.CheckJSON(text, []byte(blocksJSON), blocks.MaxBlocks); err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	return nil
}

// View checks a view as views.open, views.update or views.publish get it,
// or as a view_submission response carries it.
func View(method string, raw []byte) error {
	var kind struct {
		Type string `json:"type"`
	}
	if err := json.Unmarshal(raw, &kind); err != nil {
		return fmt.Errorf("%s: view is not JSON: %w", method, err)
	}
	var err error
	switch kind.Type {
	case "modal":
		var v slack.ModalViewRequest
		err = json.Unmarshal(raw, &v)
	case "home":
		var v slack.HomeTabViewRequest
		err = json.Unmarshal(raw, &v)
	}
	if err != nil {
		return fmt.Errorf("%s: view is no slack view request: %w", method, err)
	}
	if err := blockstest.CheckViewJSON(raw); err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	return nil
}

// Response checks the body of a response Slack reads: a slash command's
// (a slack.WebhookMessage) or a view_submission's (response_action).
func Response(body []byte) error {
	if len(body) == 0 {
		return nil
	}
	var r struct {
		ResponseAction string          `json:"response_action"`
		View           json.RawMessage `json:"view"`
	}
	if err := json.Unmarshal(body, &r); err != nil {
		return fmt.Errorf("response is not JSON: %w", err)
	}
	switch r.ResponseAction {
	case "update", "push":
		return View("view_submission response", r.View)
	case "errors", "clear":
		var v slack.ViewSubmissionResponse
		return json.Unmarshal(body, &v)
	}
	return Call("response_url", nil, body)
}

// Log collects what a fake Slack's handlers find wrong with the calls they
// get, from any goroutine, and reports it to the test at its end.
type Log struct {
	mu   sync.Mutex
	errs []string
}

// Check checks one call as Call does and keeps what is wrong with it.
func (l *Log) Check(method string, form url.Values, body []byte) {
	if err := Call(method, form, body); err != nil {
		l.mu.Lock()
		l.errs = append(l.errs, err.Error())
		l.mu.Unlock()
	}
}

// ReportAtEnd makes t fail at its end for every call Slack would refuse.
func (l *Log) ReportAtEnd(t testing.TB) {
	t.Cleanup(func() {
		l.mu.Lock()
		defer l.mu.Unlock()
		for _, e := range l.errs {
			t.Errorf("the bot sent a payload Slack refuses: %s", e)
		}
	})
}
