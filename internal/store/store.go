// Package store keeps the little state the Slack bot needs between
// requests: which events it has taken on, the threads it answers in (with
// the last question's frame), votes, and questions forwarded to curators.
//
// Slack retries an event when it gets no acknowledgement within three seconds,
// and a retry may reach another replica; a follow-up in a thread, a vote or a
// curator's reply may reach any replica too. One replica keeps that state
// in-process (Memory); several replicas share it through Redis (Redis). Every
// key expires, and values stay small: ids, a frame, a vote.
package store

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
)

// Store is a small key-value store whose keys expire. Both implementations
// are safe for concurrent use.
type Store interface {
	// FirstSeen is true exactly once per key within ttl (the store's TTL
	// if ttl <= 0), across every caller sharing the store. A call that
	// fails may have set the key or not: the caller decides what to do
	// then (the Slack app asks Slack itself).
	FirstSeen(ctx context.Context, key string, ttl time.Duration) (bool, error)
	// Get returns the value of key, or "" when it is not set or expired.
	Get(ctx context.Context, key string) (string, error)
	// Set sets key to value for ttl.
	Set(ctx context.Context, key, value string, ttl time.Duration) error
	// Swap sets key to value for ttl and returns the value it replaced ("" if none),
	// atomically: of two callers swapping at once, one sees the other's value.
	Swap(ctx context.Context, key, value string, ttl time.Duration) (old string, err error)
	// Keys returns the keys matching pattern, where "*" stands for any
	// run of characters (as in Redis' SCAN MATCH), for `engagiert forget`.
	Keys(ctx context.Context, pattern string) ([]string, error)
	// Delete deletes keys and returns how many there were.
	Delete(ctx context.Context, keys ...string) (int, error)
	// Close releases the connection, if any.
	Close() error
}

// DefaultTTL covers Slack's retry schedule (retries come after about 1 s,
// 1 min and 5 min) with room to spare.
const DefaultTTL = 15 * time.Minute

// DefaultMaxKeys bounds Memory: far more events than one bot receives within
// DefaultTTL, small enough (a few MB) never to matter.
const DefaultMaxKeys = 100_000

// New returns a Redis store when redisURL is set ("redis://host:6379/0",
// "rediss://..." or "unix:///path"), and a Memory store otherwise. It checks
// Redis once (Check), so a wrong URL fails at start-up rather than on the
// first event. Errors never repeat the URL, which may carry a password.
func New(redisURL string, ttl time.Duration) (Store, error) {
	if redisURL == "" {
		return NewMemory(ttl, DefaultMaxKeys), nil
	}
	r, err := OpenRedis(redisURL, ttl)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := r.Check(ctx); err != nil {
		r.Close()
		return nil, err
	}
	return r, nil
}

// ErrTooOld means the Redis server lacks SET NX GET (Redis 7.0).
var ErrTooOld = errors.New("Redis 7.0 or newer is needed (SET NX GET)")

// OpenRedis returns a Redis store for redisURL without talking to it yet:
// go-redis dials on first use, and again after each failure. Only a
// malformed URL is an error.
func OpenRedis(redisURL string, ttl time.Duration) (*Redis, error) {
	opts, err := redis.ParseURL(redisURL)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // url.Error quotes the whole URL, password included
		}
		return nil, fmt.Errorf("redis URL: %w", err)
	}
	// Tighter than go-redis's defaults (5 s to dial, 3 s to read, 3 retries):
	// a Redis that hangs must not hold an event past Slack's patience. A URL
	// that sets these itself keeps its values.
	if opts.DialTimeout == 0 {
		opts.DialTimeout = 2 * time.Second
	}
	if opts.ReadTimeout == 0 {
		opts.ReadTimeout = time.Second
	}
	if opts.WriteTimeout == 0 {
		opts.WriteTimeout = time.Second
	}
	if opts.MaxRetries == 0 {
		opts.MaxRetries = 1
	}
	r := NewRedis(redis.NewClient(opts), ttl)
	r.addr = opts.Addr
	return r, nil
}

// Check pings Redis, learns its epoch marker and tries a SET NX GET; the
// error names the server's address, never the URL. An old Redis gives an
// error wrapping ErrTooOld.
func (r *Redis) Check(ctx context.Context) error {
	if err := r.Ping(ctx); err != nil {
		return fmt.Errorf("redis at %s: %w", r.addr, err)
	}
	// SET NX GET needs Redis 7.0; an older one says "syntax error".
	if _, err := r.FirstSeen(ctx, "probe:"+rand.Text(), time.Second); err != nil && strings.Contains(err.Error(), "syntax error") {
		return fmt.Errorf("redis at %s: %w: %w", r.addr, ErrTooOld, err)
	}
	return nil
}

// SetLogger sends go-redis's own messages (failed dials, pool trouble) to log
// instead of its default plain-text logger on stderr, so a serving bot's logs
// stay JSON. go-redis has one logger per process, hence a function, not an
// option.
func SetLogger(log *slog.Logger) {
	redis.SetLogger(redisLogger{log})
}

type redisLogger struct{ log *slog.Logger }

func (l redisLogger) Printf(ctx context.Context, format string, v ...any) {
	l.log.WarnContext(ctx, "redis", "detail", fmt.Sprintf(format, v...))
}
