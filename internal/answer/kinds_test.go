package answer

import (
	"testing"
)

// TestKindExamples checks the table against itself: every example a kind
// shows in help is routed to that kind, through the one function that
// reads questions.
func TestKindExamples(t *testing.T) {
	e := shippedEngine(t)
	for _, k := range kinds {
		examples := k.Examples
		if k.ExampleEN != "" {
			examples = append(examples[:len(examples):len(examples)], k.ExampleEN)
		}
		for _, ex := range examples {
			f := e.frame(ex, nil)
			if got := e.kindOf(f); got != k.Name {
				t.Errorf("example %q of kind %q is routed to %q (frame %s)", ex, k.Name, got, f)
			}
		}
	}
}

// kindOf names the kind a frame is routed to.
func (e *Engine) kindOf(f Frame) string {
	for _, k := range kinds {
		if k.match(e, f) {
			return k.Name
		}
	}
	return "none"
}
