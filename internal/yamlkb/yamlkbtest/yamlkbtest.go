// Package yamlkbtest gives tests the knowledge base the binary ships,
// loaded and validated as the bot loads it. Only tests import it.
package yamlkbtest

import (
	"testing"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/yamlkb"
	"github.com/engagiert/engagiert/knowledge"
)

// Shipped returns the embedded knowledge base; its problems fail t.
func Shipped(t testing.TB) *domain.Base {
	t.Helper()
	base, _, err := yamlkb.Check(knowledge.FS, yamlkb.Options{})
	if err != nil {
		t.Fatalf("embedded knowledge: %v", err)
	}
	return base
}
