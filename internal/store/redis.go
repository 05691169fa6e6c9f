package store

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// KeyPrefix namespaces the keys, so the bot can share a Redis with other
// programs; callers name the kind of key ("event:Ev123").
const KeyPrefix = "engagiert:"

// epochKey holds a random value that lives as long as Redis keeps its data.
// A replica that finds it gone, or changed, knows that Redis lost its keys
// (restarted without persistence, flushed, evicted): events it recorded
// may come again as new. It has no expiry.
const epochKey = KeyPrefix + "epoch"

// ErrDataLost means Redis lost its data since this replica last looked:
// events handled before may be taken for new ones, and threads, votes and
// forwarded questions from before are gone. FirstSeen returns it once per
// loss and replica, with a valid answer for its own key.
var ErrDataLost = errors.New("redis lost its data (restarted without persistence, flushed or evicted)")

// Redis is a Store shared by every replica pointed at the same Redis. One
// atomic SET NX decides which replica answers an event, so there is no
// window in which two replicas both see a key as new; every key is set with
// an expiry, except the epoch marker.
type Redis struct {
	client Client
	ttl    time.Duration
	addr   string // host:port, for errors (the URL may carry a password)

	mu    sync.Mutex
	epoch string // the epoch marker's value as this replica knows it
}

// Client is the part of a go-redis client that Redis uses: a *redis.Client,
// *redis.ClusterClient or redis.UniversalClient will do.
type Client interface {
	Get(ctx context.Context, key string) *redis.StringCmd
	Set(ctx context.Context, key string, value any, expiration time.Duration) *redis.StatusCmd
	SetArgs(ctx context.Context, key string, value any, a redis.SetArgs) *redis.StatusCmd
	Del(ctx context.Context, keys ...string) *redis.IntCmd
	Scan(ctx context.Context, cursor uint64, match string, count int64) *redis.ScanCmd
	Pipeline() redis.Pipeliner
	Ping(ctx context.Context) *redis.StatusCmd
	Close() error
}

var _ Store = (*Redis)(nil)

// NewRedis wraps a client. Redis owns the client from then on: Close closes it.
func NewRedis(client Client, ttl time.Duration) *Redis {
	if ttl <= 0 {
		ttl = DefaultTTL
	}
	return &Redis{client: client, ttl: ttl}
}

// FirstSeen sets KeyPrefix+key to a token of this call unless it is set,
// with one SET NX GET (Redis 7.0 or newer), and reports whether it set it.
// The token makes the call idempotent: go-redis repeats a command whose
// answer timed out, and when the repeat finds the key its own first attempt
// wrote, that is still the first sighting, not a duplicate. Redis stalled
// for longer than the read timeout would otherwise lose the event on every
// replica.
//
// Each call also reads the epoch marker in the same round trip; when Redis
// lost its data since the last call, FirstSeen returns ErrDataLost (once)
// with its answer.
func (r *Redis) FirstSeen(ctx context.Context, key string, ttl time.Duration) (bool, error) {
	if ttl <= 0 {
		ttl = r.ttl
	}
	token := rand.Text()
	pipe := r.client.Pipeline()
	set := pipe.SetArgs(ctx, KeyPrefix+key, token, redis.SetArgs{Mode: "NX", Get: true, TTL: ttl})
	epoch := pipe.Get(ctx, epochKey)
	_, _ = pipe.Exec(ctx) // each command's error is looked at on its own
	old, err := set.Result()
	first := errors.Is(err, redis.Nil) || (err == nil && old == token)
	if err != nil && !errors.Is(err, redis.Nil) {
		return false, fmt.Errorf("redis SET NX GET: %w", err)
	}
	ep, err := epoch.Result()
	if err != nil && !errors.Is(err, redis.Nil) {
		return first, nil // the answer stands; the epoch is looked at next time
	}
	return first, r.checkEpoch(ctx, ep)
}

// checkEpoch compares the epoch marker's value seen (ep, "" when missing)
// with the one this replica knows, sets it again when it is missing, and
// returns ErrDataLost when it was lost or replaced since the last look.
func (r *Redis) checkEpoch(ctx context.Context, ep string) error {
	r.mu.Lock()
	known := r.epoch
	r.mu.Unlock()
	if ep != "" && ep == known {
		return nil
	}
	if ep == "" {
		// Missing: set a new one, or take the one another replica set first.
		fresh := rand.Text()
		old, err := r.client.SetArgs(ctx, epochKey, fresh, redis.SetArgs{Mode: "NX", Get: true}).Result()
		switch {
		case errors.Is(err, redis.Nil):
			ep = fresh
		case err != nil:
			return nil // looked at again next time
		default:
			ep = old
		}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.epoch == ep {
		return nil // another call got there first and reported it
	}
	lost := r.epoch != ""
	r.epoch = ep
	if lost {
		return ErrDataLost
	}
	return nil
}

// Get returns the value of KeyPrefix+key, "" when it is not set.
func (r *Redis) Get(ctx context.Context, key string) (string, error) {
	v, err := r.client.Get(ctx, KeyPrefix+key).Result()
	if errors.Is(err, redis.Nil) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("redis GET: %w", err)
	}
	return v, nil
}

// Set sets KeyPrefix+key to value with an expiry of ttl.
func (r *Redis) Set(ctx context.Context, key, value string, ttl time.Duration) error {
	if err := r.client.Set(ctx, KeyPrefix+key, value, ttl).Err(); err != nil {
		return fmt.Errorf("redis SET: %w", err)
	}
	return nil
}

// Swap sets KeyPrefix+key with one SET ... GET (Redis 6.2 or newer), so
// replicas swapping at once each see the value they replaced.
func (r *Redis) Swap(ctx context.Context, key, value string, ttl time.Duration) (string, error) {
	old, err := r.client.SetArgs(ctx, KeyPrefix+key, value, redis.SetArgs{TTL: ttl, Get: true}).Result()
	if errors.Is(err, redis.Nil) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("redis SET GET: %w", err)
	}
	return old, nil
}

// Keys returns the keys (without KeyPrefix) matching KeyPrefix+pattern,
// with SCAN, which never blocks Redis the way KEYS would.
func (r *Redis) Keys(ctx context.Context, pattern string) ([]string, error) {
	var out []string
	var cursor uint64
	for {
		keys, next, err := r.client.Scan(ctx, cursor, KeyPrefix+pattern, 1000).Result()
		if err != nil {
			return nil, fmt.Errorf("redis SCAN: %w", err)
		}
		for _, k := range keys {
			out = append(out, strings.TrimPrefix(k, KeyPrefix))
		}
		if next == 0 {
			return out, nil
		}
		cursor = next
	}
}

// Delete deletes KeyPrefix+each key.
func (r *Redis) Delete(ctx context.Context, keys ...string) (int, error) {
	if len(keys) == 0 {
		return 0, nil
	}
	full := make([]string, len(keys))
	for i, k := range keys {
		full[i] = KeyPrefix + k
	}
	n, err := r.client.Del(ctx, full...).Result()
	if err != nil {
		return 0, fmt.Errorf("redis DEL: %w", err)
	}
	return int(n), nil
}

// Ping checks the connection and learns the epoch marker, setting it if
// Redis has none yet; New calls it once.
func (r *Redis) Ping(ctx context.Context) error {
	if err := r.client.Ping(ctx).Err(); err != nil {
		return err
	}
	ep, err := r.client.Get(ctx, epochKey).Result()
	if err != nil && !errors.Is(err, redis.Nil) {
		return err
	}
	_ = r.checkEpoch(ctx, ep) // the first look finds no loss
	return nil
}

// Close closes the client.
func (r *Redis) Close() error { return r.client.Close() }
