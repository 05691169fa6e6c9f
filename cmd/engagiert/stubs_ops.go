package main

import (
	"context"
	"errors"
)

// runMisses is replaced by misses.go.
func runMisses(ctx context.Context, e env, args []string) error {
	return errors.New("misses: not built yet")
}
