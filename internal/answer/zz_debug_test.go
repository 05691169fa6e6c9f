package answer

import (
	"fmt"
	"os"
	"testing"
)

func TestZZRead(t *testing.T) {
	q := os.Getenv("ZZ")
	if q == "" {
		t.Skip()
	}
	e := shippedEngine(t)
	f, r := e.read(e.focus(tokenize(q)))
	fmt.Printf("%s\ncontent=%d cues=%v\n", f.String(), r.content, r.cues)
}
