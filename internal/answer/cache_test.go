package answer_test

import (
	"context"
	"testing"

	"github.com/engagiert/engagiert/internal/answer"
	"github.com/engagiert/engagiert/internal/domain"
)

// countingAsker is a fake engine that counts the questions it really answers.
type countingAsker struct{ calls map[string]int }

func (c *countingAsker) Ask(_ context.Context, q string) domain.Answer {
	c.calls[q]++
	return domain.Answer{Query: q, Found: true, Title: q}
}

var _ domain.Asker = (*countingAsker)(nil)

func TestCache(t *testing.T) {
	next := &countingAsker{calls: map[string]int{}}
	c := answer.NewCache(next, 2)
	ctx := context.Background()
	for _, q := range []string{"a", "a", "b", "a", "c", "a", "b"} {
		if got := c.Ask(ctx, q); got.Title != q {
			t.Fatalf("Ask(%q).Title = %q", q, got.Title)
		}
	}
	// "a" is answered, then kept until "c" pushes it out as the oldest entry;
	// "b" is pushed out by the second "a".
	want := map[string]int{"a": 2, "b": 2, "c": 1}
	for q, n := range want {
		if next.calls[q] != n {
			t.Errorf("engine asked %q %d times, want %d (calls %v)", q, next.calls[q], n, next.calls)
		}
	}
	if c.Len() != 2 {
		t.Errorf("Len() = %d, want 2", c.Len())
	}
}

// failingAsker fails every time, as the engine does when its index does.
type failingAsker struct{ n int }

func (f *failingAsker) Ask(_ context.Context, q string) domain.Answer {
	f.n++
	return domain.Answer{Query: q, Failed: true}
}

func TestCacheKeepsNoFailure(t *testing.T) {
	next := &failingAsker{}
	c := answer.NewCache(next, 8)
	for i := 0; i < 3; i++ {
		c.Ask(context.Background(), "Bielefeld")
	}
	if next.n != 3 || c.Len() != 0 {
		t.Errorf("after 3 failed asks: engine asked %d times, cache holds %d; want 3 and 0", next.n, c.Len())
	}
}
