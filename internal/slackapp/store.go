package slackapp

import (
	"context"
	"time"
)

// Store is the state the App keeps between requests, behind one small
// interface: handled events, the threads and DMs it answers in, votes and
// forwarded questions. store.Memory keeps it in the process, store.Redis
// shares it between replicas. Every key expires; values are ids, a frame or
// a vote, never the text of a message the bot did not answer.
type Store interface {
	// FirstSeen is true exactly once per key within the store's TTL.
	FirstSeen(ctx context.Context, key string) (bool, error)
	// Get returns the value of key, "" when it is not set or expired.
	Get(ctx context.Context, key string) (string, error)
	// Set sets key to value for ttl.
	Set(ctx context.Context, key, value string, ttl time.Duration) error
	// Swap sets key to value for ttl and returns the value it replaced.
	Swap(ctx context.Context, key, value string, ttl time.Duration) (old string, err error)
}

// How long state lives.
const (
	// ThreadTTL is how long a thread the bot answered in takes follow-ups
	// without a mention, counted from the last answer.
	ThreadTTL = 7 * 24 * time.Hour
	// DMTTL is how long the last question of a direct message conversation
	// is the context of the next one.
	DMTTL = 30 * time.Minute
	// VoteTTL is how long a user's vote on an answer is remembered, so a
	// repeated click within it is not counted again.
	VoteTTL = 30 * 24 * time.Hour
	// ForwardTTL is how long a curator can answer a forwarded question and
	// have the reply relayed.
	ForwardTTL = 30 * 24 * time.Hour
)

// storeTimeout bounds one Store call, so a hanging Redis delays an answer
// a little, never for long.
const storeTimeout = time.Second

// Keys are short: a letter for the kind, then Slack ids.
func threadKey(channel, ts string) string { return "t:" + channel + ":" + ts }
func dmKey(channel string) string         { return "d:" + channel }
func voteKey(channel, ts, user string) string {
	return "v:" + channel + ":" + ts + ":" + user
}
func forwardKey(channel, ts string) string { return "f:" + channel + ":" + ts }
func relayKey(channel, ts string) string   { return "r:" + channel + ":" + ts }

// noFrame marks a conversation the bot answered in whose answer had no
// frame (help, or an engine that does not encode frames yet): follow-ups are
// still answered there, as questions of their own.
const noFrame = "-"
