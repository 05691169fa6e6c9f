package slackapp

import (
	"strings"
	"unicode/utf8"

	"github.com/engagiert/engagiert/internal/privacy"
)

// Bounded text. Whatever a user or a signed payload sends, a log line stays
// short: text a user wrote is cut to privacy.MaxText characters in a log
// field, an error (a decoder quoting a 200,000-digit number) to maxErrBytes,
// an id or type from a payload to maxIDBytes, a stack to
// recovery.MaxStackBytes. cmd/engagiert's log handler bounds every field
// again, for code outside this package (privacy.ReplaceAttr).
const (
	// maxErrBytes is the most bytes of an error or a panic in one log field.
	maxErrBytes = privacy.MaxErrBytes
	// maxIDBytes is the most bytes of an id or type name from a payload.
	maxIDBytes = 100
	// DefaultMaxQuestion is Config.MaxQuestion's default: what the engine
	// reads of a question (answer.MaxQuestion).
	DefaultMaxQuestion = 500
)

// clipText cuts user text for a log field (privacy.Clip).
func clipText(s string) string { return privacy.Clip(s) }

// clipBytes cuts s to at most n bytes (privacy.ClipBytes).
func clipBytes(s string, n int) string { return privacy.ClipBytes(s, n) }

// errText is err for a log field, cut to maxErrBytes; "" for nil.
func errText(err error) string {
	if err == nil {
		return ""
	}
	return clipBytes(err.Error(), maxErrBytes)
}

// cutQuestion is q as the engine reads it: valid UTF-8, trimmed, at most
// Config.MaxQuestion characters, without a half word at the end (the
// engine's own rule, so that two questions cut to the same text get the
// same answer, and a cache keyed by it is right).
func (a *App) cutQuestion(q string) string {
	q = strings.TrimSpace(strings.ToValidUTF8(q, ""))
	max := a.cfg.MaxQuestion
	if len(q) <= max || utf8.RuneCountInString(q) <= max {
		return q
	}
	n := 0
	for i := range q {
		if n == max {
			q = q[:i]
			break
		}
		n++
	}
	if i := strings.LastIndexAny(q, " \t\n"); i > 0 {
		q = q[:i]
	}
	return q
}
