package main

import (
	"context"
	"errors"
)

// runValidate is replaced by validate.go.
func runValidate(ctx context.Context, e env, args []string) error {
	return errors.New("validate: not built yet")
}
