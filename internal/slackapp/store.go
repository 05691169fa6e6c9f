package slackapp

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// Store is the state the App keeps between requests, behind one small
// interface: handled events, the threads and DMs it answers in, votes and
// forwarded questions. store.Memory keeps it in the process, store.Redis
// shares it between replicas. Every key expires; values are ids, a frame or
// a vote, never the text of a message the bot did not answer. Keys name
// people only by a keyed hash of their user id (UserRef); the one value
// with a user id is a forwarded question's asker, whom the curators' reply
// goes to.
type Store interface {
	// FirstSeen is true exactly once per key within ttl (the store's own
	// TTL if ttl <= 0). A call that fails may or may not have set the key.
	FirstSeen(ctx context.Context, key string, ttl time.Duration) (bool, error)
	// Get returns the value of key, "" when it is not set or expired.
	Get(ctx context.Context, key string) (string, error)
	// Set sets key to value for ttl.
	Set(ctx context.Context, key, value string, ttl time.Duration) error
	// Swap sets key to value for ttl and returns the value it replaced.
	Swap(ctx context.Context, key, value string, ttl time.Duration) (old string, err error)
	// Keys returns the keys matching pattern ("*": any run of characters).
	Keys(ctx context.Context, pattern string) ([]string, error)
	// Delete deletes keys and returns how many there were.
	Delete(ctx context.Context, keys ...string) (int, error)
}

// How long state lives by default (Config.Retention changes them).
const (
	// ThreadTTL is how long a thread the bot answered in takes follow-ups
	// without a mention, counted from the last answer.
	ThreadTTL = 24 * time.Hour
	// DMTTL is how long the last question of a direct message conversation
	// is the context of the next one.
	DMTTL = 30 * time.Minute
	// VoteTTL is how long a user's vote on an answer is remembered, so a
	// repeated click within it is not counted again.
	VoteTTL = 24 * time.Hour
	// ForwardTTL is how long a curator can answer a forwarded question and
	// have the reply relayed; a question is forwarded once per user within it.
	ForwardTTL = 7 * 24 * time.Hour
	// EventTTL is how long an event_id is remembered: Slack retries an
	// event after about 1 s, 1 min and 5 min.
	EventTTL = 15 * time.Minute
	// relayTTL is how long a relayed reply is remembered, so it is relayed once.
	relayTTL = 15 * time.Minute
)

// Retention says how long the state about people is kept; zero fields
// take the defaults above.
type Retention struct {
	Threads  time.Duration // the last frame of a thread the bot answered in
	Votes    time.Duration // a vote, under a hash of the voter
	Forwards time.Duration // a forwarded question, with its asker
}

func (r Retention) withDefaults() Retention {
	if r.Threads <= 0 {
		r.Threads = ThreadTTL
	}
	if r.Votes <= 0 {
		r.Votes = VoteTTL
	}
	if r.Forwards <= 0 {
		r.Forwards = ForwardTTL
	}
	return r
}

// storeTimeout bounds one Store call, so a hanging Redis delays an answer
// a little, never for long.
const storeTimeout = time.Second

// Keys are short: a letter for the kind, then Slack ids; a person only by
// UserRef. `engagiert forget` (Forget) knows this layout.
func threadKey(channel, ts string) string { return "t:" + channel + ":" + ts }
func dmKey(user string) string            { return "d:" + user }
func voteKey(channel, ts, user string) string {
	return "v:" + channel + ":" + ts + ":" + user
}
func forwardKey(channel, ts string) string { return "f:" + channel + ":" + ts }
func relayKey(channel, ts string) string   { return "r:" + channel + ":" + ts }
func welcomeKey(user string) string        { return "w:" + user }

// forwardOnceKey is a question forwarded by a user, so it is forwarded once.
func forwardOnceKey(user, question string) string {
	q := sha256.Sum256([]byte(question))
	return forwardOncePrefix(user) + hex.EncodeToString(q[:8])
}

// forwardOncePrefix starts the forwardOnceKeys of a user.
func forwardOncePrefix(user string) string { return "F:" + user + ":" }

// UserRef is how the Store's keys name a user: a keyed hash of the user
// id (key: Config.UserKey), the same on every replica, that says nothing
// without the key.
func UserRef(key []byte, user string) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(user))
	return hex.EncodeToString(m.Sum(nil)[:8])
}

// noFrame marks a conversation the bot answered in whose answer had no
// frame (help, or an engine that does not encode frames yet): follow-ups are
// still answered there, as questions of their own.
const noFrame = "-"
