package main

import (
	"context"
	"fmt"

	"github.com/engagiert/engagiert/internal/buildinfo"
)

// cmdVersion prints the build, as /readyz and engagiert_build_info show it.
func cmdVersion() *command {
	c := &command{
		UsageLine: "version",
		Short:     "print the version and build of this binary",
		Long: `
Version prints the module version, the VCS revision the binary was built
from, the revision's time, "modified" if the tree had uncommitted changes,
and the Go version: what the Go toolchain stamped into the binary. A build
without VCS information (go build -buildvcs=false, or no .git) says
"revision unknown". "engagiert --version" is the same.

Examples:
	engagiert version
	docker run --rm engagiert version
`,
	}
	c.Run = func(ctx context.Context, e env, args []string) error {
		if err := noArgs(c, args, ""); err != nil {
			return err
		}
		_, err := fmt.Fprintln(e.stdout, buildinfo.Read())
		return err
	}
	return c
}
