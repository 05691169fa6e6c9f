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
