// Package knowledge holds the curated knowledge base as YAML files and embeds
// them, so the binary answers with no configuration. ENGAGIERT_KNOWLEDGE or
// --knowledge point the program at a directory of the same layout instead.
package knowledge

import "embed"

// FS holds sources.yaml, places.yaml, places/*.yaml (generated),
// networks/*.yaml, partnerships.yaml, land.yaml and the lexicon
// (lexicon/lexicon.yaml and its word lists).
//
//go:embed *.yaml networks/*.yaml places/*.yaml lexicon/*.yaml lexicon/*.txt
var FS embed.FS

// Frozen is the base of FS as package frozen encodes it, once checked: a
// process that answers from the embedded base decodes it instead of
// parsing and checking the YAML again. It records the files it was made
// from and counts only while they are exactly those of FS; after an edit
// of the knowledge, `go generate ./knowledge` writes it anew (a test fails
// until then, and until then the YAML is read).
//
//go:generate go run ../internal/frozen/freeze base.frozen
//go:embed base.frozen
var Frozen string
