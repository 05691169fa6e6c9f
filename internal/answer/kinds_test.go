package answer

import (
	"context"
	"testing"

	"github.com/engagiert/engagiert/internal/search"
	"github.com/engagiert/engagiert/internal/yamlkb/yamlkbtest"
)

// TestKindExamples checks the table against itself: every example a kind
// shows in help is routed to that kind.
func TestKindExamples(t *testing.T) {
	base := yamlkbtest.Shipped(t)
	ix, err := search.Build(base)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	e := New(base, ix, nil)
	ctx := context.Background()
	for _, k := range kinds {
		for _, ex := range k.Examples {
			if k.Name == "help" {
				continue // answered before routing
			}
			p, err := e.parse(ctx, ex)
			if err != nil {
				t.Fatal(err)
			}
			f := e.frameOf(p)
			p.subjects, p.framed = f.Subjects, true
			_, got, err := e.route(ctx, &question{f: f, p: p, e: e})
			if err != nil {
				t.Fatal(err)
			}
			if got != k.Name {
				t.Errorf("example %q of kind %q is routed to %q (frame %s)", ex, k.Name, got, f)
			}
		}
	}
}
