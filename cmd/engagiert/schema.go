package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"maps"
	"path/filepath"
	"slices"

	"github.com/engagiert/engagiert/internal/yamlkb"
)

// runSchema writes the JSON Schemas of the knowledge files, generated from
// the validator's own field lists, for editors (yaml-language-server).
func runSchema(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("schema", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	out := fs.String("out", filepath.Join("knowledge", "schema"), "directory to write the schema files to")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("schema takes no arguments, got %q", fs.Args())}
	}
	files := yamlkb.SchemaFiles()
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if err := writeAtomic(filepath.Join(*out, name), files[name]); err != nil {
			return fmt.Errorf("schema: %w", err)
		}
		fmt.Fprintln(e.stdout, "wrote", filepath.Join(*out, name))
	}
	return nil
}
