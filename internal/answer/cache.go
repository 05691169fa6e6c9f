package answer

import (
	"context"
	"io"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/memo"
)

// Cache remembers the answers of an Asker for the questions asked most
// recently. An answer depends on the question, the knowledge and the day
// (the next event, a term of office: what is coming turns into what was).
// A reload builds a new engine with a new Cache, and the key holds the
// day of the asker's clock, so a cached answer is never stale. Teams ask
// the same things again ("Bielefeld", "hilfe"); the cache spares the
// search for those. Cached answers share their slices: callers treat an
// Answer as read-only, as every surface does.
type Cache struct {
	next    domain.Asker
	today   func() domain.Date
	answers *memo.Map[cacheKey, domain.Answer]
}

// cacheKey is what an answer depends on besides the knowledge.
type cacheKey struct {
	day     domain.Date
	prev, q string
}

var (
	_ domain.Asker         = (*Cache)(nil)
	_ domain.FollowUpAsker = (*Cache)(nil)
)

// dated is an asker whose answers depend on its day, as the Engine's do.
type dated interface{ Today() domain.Date }

// NewCache wraps next with a cache of at most size answers. The day is
// next's (Today), or Berlin's.
func NewCache(next domain.Asker, size int) *Cache {
	c := &Cache{next: next, answers: memo.New[cacheKey, domain.Answer](size), today: domain.Clock(nil).Today}
	if d, ok := next.(dated); ok {
		c.today = d.Today
	}
	return c
}

// Ask answers from the cache, or asks next and remembers the answer.
func (c *Cache) Ask(ctx context.Context, q string) domain.Answer {
	key := cacheKey{day: c.today(), q: q}
	if a, ok := c.answers.Get(key); ok {
		return a
	}
	a := c.next.Ask(ctx, q)
	if len(q) <= MaxQuestion && !a.Failed { // long pastes are rarely repeated
		c.answers.Put(key, a)
	}
	return a
}

// AskFollowUp answers a follow-up; the key includes the previous frame.
func (c *Cache) AskFollowUp(ctx context.Context, q, prev string) domain.Answer {
	if prev == "" {
		return c.Ask(ctx, q)
	}
	key := cacheKey{day: c.today(), prev: prev, q: q}
	if a, ok := c.answers.Get(key); ok {
		return a
	}
	a := domain.AskAfter(ctx, c.next, q, prev)
	if len(q) <= MaxQuestion && !a.Failed {
		c.answers.Put(key, a)
	}
	return a
}

// Len is the number of answers held.
func (c *Cache) Len() int { return c.answers.Len() }

// Close closes the asker behind the cache, if it can be closed.
func (c *Cache) Close() error {
	if cl, ok := c.next.(io.Closer); ok {
		return cl.Close()
	}
	return nil
}
