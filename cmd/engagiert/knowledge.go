package main

import (
	"errors"
	"path/filepath"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/frozen"
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
// directory is read through yamlkb.CheckDir: regular files inside it only.
//
// The embedded base is decoded from its frozen form (knowledge.Frozen),
// checked when it was generated, while that was made from exactly the
// embedded files; else, and for every directory, the YAML is read.
func loadBase(dir string) (*domain.Base, error) {
	if dir == "" {
		if base, err := frozen.Decode(knowledge.Frozen, knowledge.FS); err == nil {
			return base, nil
		}
	}
	base, _, err := checkBase(dir, yamlkb.Options{})
	return base, err
}

// checkBase is loadBase with the warnings and notes of yamlkb.Check.
func checkBase(dir string, opt yamlkb.Options) (*domain.Base, *yamlkb.Report, error) {
	if dir == "" {
		return yamlkb.Check(knowledge.FS, opt)
	}
	base, rep, err := yamlkb.CheckDir(dir, opt)
	rel := func(ps []yamlkb.Problem) {
		for i := range ps {
			ps[i].File = filepath.Join(dir, filepath.FromSlash(ps[i].File))
		}
	}
	var ps *yamlkb.Problems
	if errors.As(err, &ps) {
		rel(ps.List)
	}
	if rep != nil {
		rel(rep.Warnings)
		for i := range rep.Dated {
			rep.Dated[i].File = filepath.Join(dir, filepath.FromSlash(rep.Dated[i].File))
		}
	}
	return base, rep, err
}
