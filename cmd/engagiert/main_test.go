package main

import (
	"testing"

	"github.com/engagiert/engagiert/internal/testenv"
)

// TestMain stops the Redis that testenv.Redis started for this test binary.
func TestMain(m *testing.M) { testenv.Main(m) }
