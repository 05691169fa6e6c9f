package main

import (
	"context"
	"fmt"
	"maps"
	"path/filepath"
	"slices"

	"github.com/engagiert/engagiert/internal/yamlkb"
)

// cmdSchema writes the JSON Schemas of the knowledge files, generated from
// the validator's own field lists, for editors (yaml-language-server).
func cmdSchema() *command {
	c := &command{
		UsageLine: "schema [--out DIR]",
		Short:     "write the JSON Schemas of the knowledge files (knowledge/schema)",
		Long: `
Schema writes one JSON Schema per kind of knowledge file, generated from the
field lists the validator checks. Editors that speak the YAML language
server complete and check fields with them. Run it after adding a field;
go test ./internal/yamlkb fails while the committed files are not current.

Examples:
	engagiert schema
	engagiert schema --out /tmp/schema
`,
	}
	out := c.Flag.String("out", filepath.Join("knowledge", "schema"), "`DIR` to write the schema files to")
	c.Run = func(ctx context.Context, e env, args []string) error {
		if err := noArgs(c, args, ""); err != nil {
			return err
		}
		return writeSchemas(e, *out)
	}
	return c
}

// writeSchemas writes the schema files into dir.
func writeSchemas(e env, dir string) error {
	files := yamlkb.SchemaFiles()
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if err := writeAtomic(filepath.Join(dir, name), files[name]); err != nil {
			return fmt.Errorf("schema: %w", err)
		}
		fmt.Fprintln(e.stdout, "wrote", filepath.Join(dir, name))
	}
	return nil
}
