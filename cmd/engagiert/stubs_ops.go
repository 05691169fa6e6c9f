package main

import (
	"context"
	"errors"
)

// runHealthcheck and runMisses are replaced by healthcheck.go and misses.go.
func runHealthcheck(ctx context.Context, e env, args []string) error {
	return errors.New("healthcheck: not built yet")
}
func runMisses(ctx context.Context, e env, args []string) error {
	return errors.New("misses: not built yet")
}
