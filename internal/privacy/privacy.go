// Package privacy keeps what the bot writes to its logs about people small,
// short and unlinkable: the users are a public-sector team, and the GDPR's
// storage limitation applies to logs as to any store.
//
// ReplaceAttr is the policy of serve's log handler, applied to every field
// of every line: Slack user ids become pseudonyms (a keyed hash, so the
// same person is one pseudonym within a run and across replicas sharing
// ENGAGIERT_LOG_SALT, and no one can go back without the key), as do the
// ids of direct-message channels; text is cut to MaxText characters, errors
// to MaxErrBytes bytes, stacks to recovery.MaxStackBytes. Which texts are
// logged at all is decided where they are logged (only unanswered
// questions, see slackapp).
package privacy

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"strings"
	"unicode/utf8"

	"github.com/engagiert/engagiert/internal/recovery"
)

// Bounds of a log field.
const (
	// MaxText is the most characters of text in one log field.
	MaxText = 500
	// MaxTextBytes bounds the same field in bytes as JSON writes it, for
	// text of emoji or control characters.
	MaxTextBytes = 1000
	// MaxErrBytes is the most bytes of an error in one log field: a
	// decoder quoting a 200,000-digit number says enough in 300.
	MaxErrBytes = 300
)

// userKeys are the log fields that hold a Slack user id.
var userKeys = map[string]bool{"user": true, "user_id": true, "asker": true, "curator": true, "shared_by": true}

// Pseudonyms turns Slack user ids into pseudonyms with a keyed hash.
type Pseudonyms struct{ key []byte }

// NewPseudonyms keys the pseudonyms with salt; with salt "", a random key
// of this run: pseudonyms then link nothing across restarts or replicas.
func NewPseudonyms(salt string) Pseudonyms {
	if salt == "" {
		salt = rand.Text()
	}
	return Pseudonyms{key: []byte("engagiert log pseudonyms\x00" + salt)}
}

// ID is the pseudonym of a Slack id: a prefix for its kind ("u-" a user,
// "d-" a direct-message channel) and 12 hex digits; "" stays "".
func (p Pseudonyms) ID(prefix, id string) string {
	if id == "" {
		return ""
	}
	m := hmac.New(sha256.New, p.key)
	m.Write([]byte(id))
	return prefix + hex.EncodeToString(m.Sum(nil)[:6])
}

// ReplaceAttr is a slog.HandlerOptions.ReplaceAttr that applies the policy
// above to a field.
func (p Pseudonyms) ReplaceAttr(_ []string, a slog.Attr) slog.Attr {
	switch {
	case userKeys[a.Key] && a.Value.Kind() == slog.KindString:
		return slog.String(a.Key, p.ID("u-", a.Value.String()))
	case a.Key == "channel" && a.Value.Kind() == slog.KindString && strings.HasPrefix(a.Value.String(), "D"):
		return slog.String(a.Key, p.ID("d-", a.Value.String()))
	case a.Key == "stack" && a.Value.Kind() == slog.KindString:
		return slog.String(a.Key, ClipBytes(a.Value.String(), recovery.MaxStackBytes))
	case a.Value.Kind() == slog.KindString:
		if s := a.Value.String(); len(s) > MaxText {
			return slog.String(a.Key, Clip(s))
		}
	case a.Value.Kind() == slog.KindAny:
		if err, ok := a.Value.Any().(error); ok && err != nil {
			return slog.String(a.Key, ClipBytes(err.Error(), MaxErrBytes))
		}
	}
	return a
}

// Clip cuts text for a log field: at most MaxText characters and about
// MaxTextBytes bytes once JSON-escaped, ending in "…" when cut.
func Clip(s string) string {
	n, size := 0, 0
	for i, r := range s {
		n++
		size += jsonSize(r)
		if n > MaxText || size > MaxTextBytes {
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

// ClipBytes cuts s to at most n bytes at a character boundary, ending in
// "…" when cut.
func ClipBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
