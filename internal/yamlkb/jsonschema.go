package yamlkb

import (
	"bytes"
	"encoding/json"

	"github.com/engagiert/engagiert/internal/domain"
)

// The JSON Schemas for editors are generated from the field lists the
// validator checks (schema.go) and the value lists of the domain, so the two
// can never disagree: `engagiert schema` writes them to knowledge/schema/,
// and a test fails when the committed files are not current. The validator
// stays the authority: it checks more than a schema can (references, order
// of counts, keys per Bundesland).

// SchemaFiles are the schema files by name, for the YAML files that refer
// to them with "# yaml-language-server: $schema=...".
func SchemaFiles() map[string][]byte {
	defs := map[string]any{
		"fact":        entry(factFields, "fact", "text", "source"),
		"count":       entry(countFields, "count", "value", "source"),
		"member":      entry(memberFields, "member", "place"),
		"founded":     entry(foundedFields, "founded", "source"),
		"description": entry(descriptionField, "description", "text", "source"),
		"place":       entry(placeFields, "place", "id", "name", "kind"),
		"source":      entry(sourceFields, "source", "id", "title", "url"),
		"partnership": entry(partnershipFields, "partnership", "place", "partner", "source"),
		"additions":   entry(OverlayFields, "place", "id"),
		"figure":      entry(figureFields, "figure", "key", "value", "source"),
		"words": map[string]any{"type": "object", "additionalProperties": false,
			"properties": map[string]any{"de": texts, "en": texts}},
		"attribute": map[string]any{"type": "object", "additionalProperties": false, "required": []string{"name"},
			"properties": map[string]any{"name": enum(domain.AttributeNames()), "label": map[string]any{"type": "object",
				"additionalProperties": false, "properties": map[string]any{"de": text, "en": text}},
				"words": defRef("words"), "topics": map[string]any{"type": "array", "items": enum(topics())}}},
		"country": map[string]any{"type": "object", "additionalProperties": false, "required": []string{"name", "region"},
			"properties": map[string]any{"name": text, "region": map[string]any{"type": "string", "pattern": "^[A-Z]{2}$"},
				"words": texts}},
	}
	file := func(title string, root map[string]any, uses ...string) []byte {
		root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
		root["title"] = title
		d := map[string]any{}
		for _, u := range uses {
			d[u] = defs[u]
		}
		root["$defs"] = d
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		enc.Encode(root) // maps of strings, lists and bools: cannot fail
		return buf.Bytes()
	}
	list := func(key, of string) map[string]any {
		return map[string]any{"type": "object", "additionalProperties": false, "required": []string{key},
			"properties": map[string]any{key: map[string]any{"type": "array", "items": defRef(of)}}}
	}
	network := entry(networkFields, "network", "id", "name")
	partnerships := entry(partnershipsTop, "partnerships")
	places := list("places", "place")
	places["properties"].(map[string]any)[OverlayKey] = map[string]any{"type": "array", "items": defRef("additions"),
		"description": "what curators add to the generated places of places/nrw.yaml, by id"}
	return map[string][]byte{
		"sources.json":      file("engagiert knowledge: sources.yaml", list("sources", "source"), "source"),
		"places.json":       file("engagiert knowledge: places.yaml and places/*.yaml", places, "place", "additions", "fact"),
		"network.json":      file("engagiert knowledge: networks/*.yaml", network, "fact", "count", "member", "founded", "description"),
		"partnerships.json": file("engagiert knowledge: partnerships.yaml", partnerships, "count", "partnership", "fact"),
		"land.json":         file("engagiert knowledge: land.yaml", list("figures", "figure"), "figure"),
		"lexicon.json":      file("engagiert knowledge: lexicon/lexicon.yaml", lexiconSchema(), "words", "attribute", "country"),
	}
}

// lexiconSchema is the shape of lexicon/lexicon.yaml; which words may stand
// twice, and where, only the loader can tell (it folds and stems them).
func lexiconSchema() map[string]any {
	byName := func(names []string, value any) map[string]any {
		props := map[string]any{}
		for _, n := range names {
			props[n] = value
		}
		return map[string]any{"type": "object", "additionalProperties": false, "properties": props}
	}
	open := func(value any) map[string]any {
		return map[string]any{"type": "object", "additionalProperties": value}
	}
	props := map[string]any{
		"cues":          byName(domain.Cues, defRef("words")),
		"attributes":    map[string]any{"type": "array", "items": defRef("attribute")},
		"countries":     map[string]any{"type": "array", "items": defRef("country")},
		"comparative":   byName(directions, texts),
		"superlative":   byName(directions, texts),
		"measures":      byName(measureNames, texts),
		"fillers":       defRef("words"),
		"chatter":       byName(chatterFields, texts),
		"synonyms":      open(text),
		"abbreviations": open(text),
		"numbers":       open(map[string]any{"type": "integer"}),
		"place_kinds":   open(enum(domain.PlaceKinds)),
		"state_names":   byName(domain.States, texts),
		"ordinary":      byName(langFields, map[string]any{"type": "string", "description": "a word list beside lexicon.yaml, one word per line"}),
	}
	return map[string]any{"type": "object", "additionalProperties": false, "properties": props}
}

func defRef(def string) map[string]any { return map[string]any{"$ref": "#/$defs/" + def} }

// entry is the schema of one kind of mapping: its known fields, each typed,
// nothing else.
func entry(fields []string, kind string, required ...string) map[string]any {
	props := map[string]any{}
	for _, f := range fields {
		props[f] = fieldSchema(kind, f)
	}
	e := map[string]any{"type": "object", "additionalProperties": false, "properties": props}
	if len(required) > 0 {
		e["required"] = required
	}
	return e
}

var (
	date    = map[string]any{"type": []string{"string", "integer"}, "pattern": `^\d{4}(-\d{2}(-\d{2})?)?$`, "description": "YYYY, YYYY-MM or YYYY-MM-DD"}
	text    = map[string]any{"type": "string"}
	texts   = map[string]any{"type": "array", "items": text}
	boolean = map[string]any{"type": "boolean"}
	address = map[string]any{"type": "string", "pattern": `^https?://`, "format": "uri"}
)

func enum(values ...[]string) map[string]any {
	var all []string
	for _, v := range values {
		all = append(all, v...)
	}
	return map[string]any{"enum": all}
}

// fieldSchema types one field of one kind of entry.
func fieldSchema(kind, field string) any {
	switch field {
	case "id", "key":
		return map[string]any{"type": "string", "pattern": validID.String()}
	case "since", "until", "stand", "published":
		return date
	case "date":
		return date
	case "url", "website":
		return address
	case "members_complete", "everyday", "partners_complete":
		return boolean
	case "aliases", "by":
		return texts
	case "value":
		return map[string]any{"type": []string{"string", "number"}}
	case "state":
		return enum(domain.States)
	case "members_complete_in":
		return map[string]any{"type": "array", "items": enum(domain.States)}
	case "topic":
		return enum(topics())
	case "status":
		return enum(domain.PartnershipStatuses)
	case "ags":
		return map[string]any{"type": "string", "pattern": `^\d{3}(\d{2}(\d{3})?)?$`, "description": "Gemeindeschlüssel, quoted: 8 digits, Kreise 5, Regierungsbezirke 3"}
	case "goals", "facts":
		return map[string]any{"type": "array", "items": defRef("fact")}
	case "counts":
		return map[string]any{"type": "array", "items": defRef("count")}
	case "members":
		return map[string]any{"type": "array", "items": defRef("member")}
	case "partnerships":
		return map[string]any{"type": "array", "items": defRef("partnership")}
	case "description", "founded":
		return defRef(field)
	case "country":
		return enum(domain.Countries)
	case "kind":
		switch kind {
		case "place":
			return enum(domain.PlaceKinds)
		case "partnership":
			return enum(domain.PartnershipKinds)
		}
	}
	return text
}
