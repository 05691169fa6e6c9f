package recovery

import (
	"strings"
	"testing"
)

func TestStackShowsWhereItPanicked(t *testing.T) {
	var got string
	func() {
		defer func() {
			if recover() != nil {
				got = Stack(0)
			}
		}()
		explode()
	}()
	if !strings.HasPrefix(got, "github.com/engagiert/engagiert/internal/recovery.explode recovery_test.go:") {
		t.Errorf("Stack() after a panic = %q, want it to start at explode", got)
	}
	if strings.Contains(got, "runtime.") {
		t.Errorf("Stack() names runtime frames: %s", got)
	}
}

func explode() {
	var s []int
	_ = s[3]
}

func TestStackIsShort(t *testing.T) {
	var deep func(n int) string
	deep = func(n int) string {
		if n == 0 {
			return Stack(-1) // from here
		}
		return deep(n - 1)
	}
	s := deep(200)
	if len(s) > MaxStackBytes+len("…") || !strings.HasSuffix(s, "…") {
		t.Errorf("Stack() 200 calls deep = %d bytes, want at most %d, cut with …", len(s), MaxStackBytes)
	}
}
