package main

import (
	"context"
	"errors"
)

func runAsk(ctx context.Context, e env, args []string) error { return errors.New("ask: not built yet") }
