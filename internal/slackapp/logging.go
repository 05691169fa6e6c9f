package slackapp

import (
	"strings"
	"unicode/utf8"
)

// Bounded text. Whatever a user or a signed payload sends, a log line stays
// short: text a user wrote is cut to maxUserText characters in a log field,
// an error (a decoder quoting a 200,000-digit number) to maxErrBytes bytes,
// an id or type from a payload to maxIDBytes, a stack to
// recovery.MaxStackBytes. cmd/engagiert's log handler bounds every field
// again, for code outside this package (privacy.ReplaceAttr).
const (
	// maxUserText is the most characters of user text in one log field.
	maxUserText = 500
	// maxUserTextBytes bounds the same field in bytes as JSON writes it,
	// for text of emoji or control characters.
	maxUserTextBytes = 1000
	// maxErrBytes is the most bytes of an error or a panic in one log field.
	maxErrBytes = 300
	// maxIDBytes is the most bytes of an id or type name from a payload.
	maxIDBytes = 100
	// DefaultMaxQuestion is Config.MaxQuestion's default: what the engine
	// reads of a question (answer.MaxQuestion).
	DefaultMaxQuestion = 500
)

// clipText cuts user text for a log field: at most maxUserText characters
// and about maxUserTextBytes bytes once JSON-escaped, ending in "…" when cut.
func clipText(s string) string {
	n, size := 0, 0
	for i, r := range s {
		n++
		size += jsonSize(r)
		if n > maxUserText || size > maxUserTextBytes {
			return s[:i] + "…"
		}
	}
	return s
}

// jsonSize is about how many bytes r takes in a JSON string.
func jsonSize(r rune) int {
	switch {
	case r == '"' || r == '\\' || r == '\n' || r == '\r' || r == '\t':
		return 2
	case r < 0x20 || r == utf8.RuneError || r == '\u2028' || r == '\u2029':
		return 6
	}
	return utf8.RuneLen(r)
}

// clipBytes cuts s to at most n bytes at a character boundary, ending in
// "…" when cut.
func clipBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

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
