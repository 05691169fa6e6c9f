package main

import (
	"context"
	"errors"
)

// runServe and runManifest are replaced by serve.go and manifest.go.
func runServe(ctx context.Context, e env, args []string) error {
	return errors.New("serve: not built yet")
}
func runManifest(ctx context.Context, e env, args []string) error {
	return errors.New("manifest: not built yet")
}
