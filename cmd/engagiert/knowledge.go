package main

import (
	"errors"
	"path/filepath"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/yamlkb"
	"github.com/engagiert/engagiert/knowledge"
)

// knowledgeDir picks the knowledge directory: the flag wins over
// ENGAGIERT_KNOWLEDGE; empty means the base embedded in the binary.
func knowledgeDir(flagValue string, e env) string {
	if flagValue != "" {
		return flagValue
	}
	return e.getenv("ENGAGIERT_KNOWLEDGE")
}

// loadBase loads and validates the knowledge in dir ("" = embedded). Problems
// name files relative to the working directory, so that terminals and
// editors can jump to FILE:LINE; the embedded base keeps its own paths. A
// directory is read through yamlkb.LoadDir: regular files inside it only.
func loadBase(dir string) (*domain.Base, error) {
	var base *domain.Base
	var err error
	if dir == "" {
		base, err = yamlkb.Load(knowledge.FS)
	} else {
		base, err = yamlkb.LoadDir(dir)
	}
	var ps *yamlkb.Problems
	if dir != "" && errors.As(err, &ps) {
		for i := range ps.List {
			ps.List[i].File = filepath.Join(dir, filepath.FromSlash(ps.List[i].File))
		}
	}
	return base, err
}
