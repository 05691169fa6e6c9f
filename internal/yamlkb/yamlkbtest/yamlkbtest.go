// Package yamlkbtest gives tests the knowledge base the binary ships,
// loaded and validated as the bot loads it. Only tests import it.
package yamlkbtest

import (
	"io/fs"
	"testing"
	"testing/fstest"

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

// ShippedFiles is a copy of the embedded knowledge's files (YAML, word
// lists) as a MapFS the test may change.
func ShippedFiles(t testing.TB) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(knowledge.FS, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(knowledge.FS, name)
		m[name] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}
