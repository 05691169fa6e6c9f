// Package knowledge holds the curated knowledge base as YAML files and embeds
// them, so the binary answers with no configuration. ENGAGIERT_KNOWLEDGE or
// --knowledge point the program at a directory of the same layout instead.
package knowledge

import "embed"

// FS holds sources.yaml, places.yaml, places/*.yaml (generated),
// networks/*.yaml, partnerships.yaml and land.yaml.
//
//go:embed *.yaml networks/*.yaml places/*.yaml
var FS embed.FS
