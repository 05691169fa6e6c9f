// Command freeze writes knowledge/base.frozen, the frozen form of the
// knowledge base built into the binary (see package frozen), after checking
// the base as every load does. `go generate ./knowledge` runs it; a test of
// package frozen fails while the committed file is not what it would write.
package main

import (
	"fmt"
	"os"

	"github.com/engagiert/engagiert/internal/frozen"
	"github.com/engagiert/engagiert/internal/yamlkb"
	"github.com/engagiert/engagiert/knowledge"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "freeze:", err)
		os.Exit(1)
	}
}

// run writes the frozen base to the file args names, base.frozen in the
// working directory by default (go generate runs in knowledge/).
func run(args []string) error {
	out := "base.frozen"
	switch len(args) {
	case 0:
	case 1:
		out = args[0]
	default:
		return fmt.Errorf("usage: freeze [FILE]")
	}
	base, _, err := yamlkb.Check(knowledge.FS, yamlkb.Options{})
	if err != nil {
		return fmt.Errorf("the embedded knowledge has problems (engagiert validate lists them): %w", err)
	}
	data, err := frozen.Encode(base, knowledge.FS)
	if err != nil {
		return err
	}
	return os.WriteFile(out, data, 0o644)
}
