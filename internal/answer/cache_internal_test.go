package answer

import (
	"context"
	"testing"
	"time"

	"github.com/engagiert/engagiert/internal/domain"
)

// TestCacheKeysByDay: through the cache, a question whose answer depends
// on the date (the next event) gets the answer of the day it is asked on,
// across months in which the answer changes.
func TestCacheKeysByDay(t *testing.T) {
	e := shippedEngine(t)
	c := NewCache(e, 64)
	ctx := context.Background()
	seen := map[string]bool{}
	for day := time.Date(2016, 1, 1, 12, 0, 0, 0, time.UTC); day.Year() < 2028; day = day.AddDate(0, 1, 3) {
		e.clock = domain.Clock(func() time.Time { return day })
		for _, q := range []string{"Wann ist die nächste Veranstaltung der Netzwerkstelle?", "When is the next event of the Netzwerkstelle?"} {
			want, got := e.Ask(ctx, q).PlainText(), c.Ask(ctx, q).PlainText()
			if got != want {
				t.Fatalf("%s, %q: the cache answers\n%s\nthe engine\n%s", day.Format(time.DateOnly), q, got, want)
			}
			seen[want] = true
		}
	}
	if len(seen) < 4 {
		t.Fatalf("%d distinct answers over ten years: the question does not depend on the day", len(seen))
	}
}
