package blocks

import (
	"encoding/json"

	"github.com/engagiert/engagiert/internal/jsonstr"

	"github.com/slack-go/slack"
)

// The JSON of blocks, written directly. encoding/json takes the slow road
// through slack-go's types: every slack.Blocks, BlockElements and
// ContextElements is a json.Marshaler, whose output is marshalled on its
// own and then compacted and checked again, level by level. For an
// answer that costs more than rendering it (BenchmarkLoadSlashCommands,
// issue 17). The writer here produces the very bytes encoding/json
// produces for the block types this package builds (TestAppendJSONMatches
// and FuzzAppendJSON hold it to that); a block of any other type, or one
// with a field this package never sets, is marshalled by encoding/json.

// AppendWebhook appends to dst what json.Marshal(m) writes, and fails where
// it fails: the body of a slash command's response, or of a post to a
// response_url.
func AppendWebhook(dst []byte, m slack.WebhookMessage) ([]byte, error) {
	if len(m.Attachments) > 0 {
		raw, err := json.Marshal(m) // never built here
		return append(dst, raw...), err
	}
	sep := byte('{')
	field := func(key, value string) {
		if value != "" {
			dst = appendField(dst, sep, key, value)
			sep = ','
		}
	}
	field("username", m.Username)
	field("icon_emoji", m.IconEmoji)
	field("icon_url", m.IconURL)
	field("channel", m.Channel)
	field("thread_ts", m.ThreadTimestamp)
	field("text", m.Text)
	field("parse", m.Parse)
	if m.Blocks != nil {
		dst = append(dst, sep)
		dst = append(dst, `"blocks":`...)
		sep = ','
		var err error
		if dst, err = AppendJSON(dst, m.Blocks.BlockSet); err != nil {
			return dst, err
		}
	}
	field("response_type", m.ResponseType)
	dst = appendBool(append(dst, sep), "replace_original", m.ReplaceOriginal)
	dst = appendBool(append(dst, ','), "delete_original", m.DeleteOriginal)
	if m.ReplyBroadcast {
		dst = append(dst, `,"reply_broadcast":true`...)
	}
	if m.UnfurlLinks != nil {
		dst = appendBool(append(dst, ','), "unfurl_links", *m.UnfurlLinks)
	}
	if m.UnfurlMedia != nil {
		dst = appendBool(append(dst, ','), "unfurl_media", *m.UnfurlMedia)
	}
	return append(dst, '}'), nil
}

// appendBool writes "key":true or "key":false.
func appendBool(dst []byte, key string, v bool) []byte {
	dst = append(dst, '"')
	dst = append(dst, key...)
	dst = append(dst, '"', ':')
	if v {
		return append(dst, "true"...)
	}
	return append(dst, "false"...)
}

// AppendJSON appends to dst what json.Marshal(slack.Blocks{BlockSet: bs})
// writes, and fails where it fails.
func AppendJSON(dst []byte, bs []slack.Block) ([]byte, error) {
	if bs == nil {
		return append(dst, "null"...), nil
	}
	dst = append(dst, '[')
	for i, b := range bs {
		if i > 0 {
			dst = append(dst, ',')
		}
		var err error
		if dst, err = appendBlock(dst, b); err != nil {
			return dst, err
		}
	}
	return append(dst, ']'), nil
}

// AppendString appends s as encoding/json writes a string (jsonstr.Append).
func AppendString(dst []byte, s string) []byte { return jsonstr.Append(dst, s) }

// appendBlock writes one block; a type this package does not build goes
// through encoding/json.
func appendBlock(dst []byte, b slack.Block) ([]byte, error) {
	switch b := b.(type) {
	case *slack.SectionBlock:
		if b != nil && b.Accessory == nil {
			dst = appendField(dst, '{', "type", string(b.Type))
			if b.Text != nil {
				dst = appendText(append(dst, `,"text":`...), b.Text)
			}
			if b.BlockID != "" {
				dst = appendField(dst, ',', "block_id", b.BlockID)
			}
			if len(b.Fields) > 0 {
				dst = appendArray(append(dst, `,"fields":`...), b.Fields, appendText)
			}
			if b.Expand {
				dst = append(dst, `,"expand":true`...)
			}
			return append(dst, '}'), nil
		}
	case *slack.HeaderBlock:
		if b != nil && b.Level == 0 {
			dst = appendField(dst, '{', "type", string(b.Type))
			if b.Text != nil {
				dst = appendText(append(dst, `,"text":`...), b.Text)
			}
			if b.BlockID != "" {
				dst = appendField(dst, ',', "block_id", b.BlockID)
			}
			return append(dst, '}'), nil
		}
	case *slack.ContextBlock:
		if b != nil && textsOnly(b.ContextElements.Elements) {
			dst = appendHead(dst, b.Type, b.BlockID)
			dst = appendArray(append(dst, `,"elements":`...), b.ContextElements.Elements, func(dst []byte, e slack.MixedElement) []byte {
				return appendText(dst, e.(*slack.TextBlockObject))
			})
			return append(dst, '}'), nil
		}
	case *slack.ActionBlock:
		if b != nil && (b.Elements == nil || plainButtons(b.Elements.ElementSet)) {
			dst = appendHead(dst, b.Type, b.BlockID)
			var es []slack.BlockElement
			if b.Elements != nil {
				es = b.Elements.ElementSet
			}
			dst = appendArray(append(dst, `,"elements":`...), es, func(dst []byte, e slack.BlockElement) []byte {
				return appendButton(dst, e.(*slack.ButtonBlockElement))
			})
			return append(dst, '}'), nil
		}
	case *slack.DividerBlock:
		if b != nil {
			return append(appendHead(dst, b.Type, b.BlockID), '}'), nil
		}
	}
	raw, err := json.Marshal(b)
	return append(dst, raw...), err
}

// appendHead opens a block's object: its type, and its block_id if set.
func appendHead(dst []byte, typ slack.MessageBlockType, blockID string) []byte {
	dst = appendField(dst, '{', "type", string(typ))
	if blockID != "" {
		dst = appendField(dst, ',', "block_id", blockID)
	}
	return dst
}

// appendArray writes es as a JSON array, each with f, and a nil slice as
// null, as encoding/json does.
func appendArray[E any](dst []byte, es []E, f func([]byte, E) []byte) []byte {
	if es == nil {
		return append(dst, "null"...)
	}
	dst = append(dst, '[')
	for i, e := range es {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = f(dst, e)
	}
	return append(dst, ']')
}

// textsOnly reports whether a context block's elements are all text
// objects (nil ones included, written as null).
func textsOnly(es []slack.MixedElement) bool {
	for _, e := range es {
		if _, ok := e.(*slack.TextBlockObject); !ok {
			return false
		}
	}
	return true
}

// plainButtons reports whether an actions block holds only buttons
// without a confirmation dialog.
func plainButtons(es []slack.BlockElement) bool {
	for _, e := range es {
		b, ok := e.(*slack.ButtonBlockElement)
		if !ok || (b != nil && b.Confirm != nil) {
			return false
		}
	}
	return true
}

// appendField writes sep, then "key":"value".
func appendField(dst []byte, sep byte, key, value string) []byte {
	dst = append(dst, sep, '"')
	dst = append(dst, key...)
	dst = append(dst, '"', ':')
	return AppendString(dst, value)
}

func appendText(dst []byte, t *slack.TextBlockObject) []byte {
	if t == nil {
		return append(dst, "null"...)
	}
	dst = appendField(dst, '{', "type", t.Type)
	dst = appendField(dst, ',', "text", t.Text)
	if t.Emoji != nil {
		dst = appendBool(append(dst, ','), "emoji", *t.Emoji)
	}
	if t.Verbatim {
		dst = append(dst, `,"verbatim":true`...)
	}
	return append(dst, '}')
}

// appendButton writes a button without a confirmation dialog.
func appendButton(dst []byte, b *slack.ButtonBlockElement) []byte {
	if b == nil {
		return append(dst, "null"...)
	}
	sep := byte('{')
	field := func(key, value string) {
		if value != "" {
			dst = appendField(dst, sep, key, value)
			sep = ','
		}
	}
	field("type", string(b.Type))
	dst = append(dst, sep)
	dst = appendText(append(dst, `"text":`...), b.Text)
	sep = ','
	field("action_id", b.ActionID)
	field("url", b.URL)
	field("value", b.Value)
	field("style", string(b.Style))
	field("accessibility_label", b.AccessibilityLabel)
	field("agent_prompt", b.AgentPrompt)
	field("agent_prompt_display", b.AgentPromptDisplay)
	if len(b.VisibleToUserIDs) > 0 {
		dst = appendArray(append(dst, `,"visible_to_user_ids":`...), b.VisibleToUserIDs, AppendString)
	}
	return append(dst, '}')
}
