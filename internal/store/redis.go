package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
)

// KeyPrefix namespaces the keys, so the bot can share a Redis with other
// programs; callers name the kind of key ("event:Ev123").
const KeyPrefix = "engagiert:"

// Redis is a Store shared by every replica pointed at the same Redis. One
// atomic SET NX with an expiry decides which replica answers an event, so
// there is no window in which two replicas both see a key as new; every
// other key is set with an expiry too.
type Redis struct {
	client Client
	ttl    time.Duration
}

// Client is the part of a go-redis client that Redis uses: a *redis.Client,
// *redis.ClusterClient or redis.UniversalClient will do.
type Client interface {
	SetNX(ctx context.Context, key string, value any, expiration time.Duration) *redis.BoolCmd
	Get(ctx context.Context, key string) *redis.StringCmd
	Set(ctx context.Context, key string, value any, expiration time.Duration) *redis.StatusCmd
	SetArgs(ctx context.Context, key string, value any, a redis.SetArgs) *redis.StatusCmd
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

// FirstSeen sets KeyPrefix+key if it is not set yet and reports whether it did.
func (r *Redis) FirstSeen(ctx context.Context, key string) (bool, error) {
	ok, err := r.client.SetNX(ctx, KeyPrefix+key, 1, r.ttl).Result()
	if err != nil {
		return false, fmt.Errorf("redis SET NX: %w", err)
	}
	return ok, nil
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

// Ping checks the connection, for readiness probes.
func (r *Redis) Ping(ctx context.Context) error {
	return r.client.Ping(ctx).Err()
}

// Close closes the client.
func (r *Redis) Close() error { return r.client.Close() }
