package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/engagiert/engagiert/internal/gvimport"
)

// cmdImportPlaces regenerates the NRW place file from the official list, so
// the yearly update of the Gemeindeverzeichnis is one command. Curated
// fields of the current file are kept.
func cmdImportPlaces() *command {
	c := &command{
		UsageLine: "import-places [--out FILE] TABLE.md",
		Short:     "regenerate knowledge/places/nrw.yaml from the official list",
		Long: `
Import-places reads the Destatis list of NRW municipalities (the Markdown
table of the research notes; "-" reads standard input) and writes every
Stadt, Gemeinde, Kreis and Regierungsbezirk to --out. The curated fields of
the file it replaces (aliases, everyday, facts, partners_complete) are kept.
The file is replaced atomically, so a bot watching the directory never reads
half of it. Validate the result.

Examples:
	engagiert import-places ../shared/research/nrw-places.md
	engagiert import-places --out /tmp/nrw.yaml - < table.md
`,
	}
	out := c.Flag.String("out", filepath.Join("knowledge", "places", "nrw.yaml"), "place `FILE` to write (its curated fields are kept)")
	c.Run = func(ctx context.Context, e env, args []string) error {
		if len(args) != 1 {
			return usageError{"import-places takes one file: the Markdown table of NRW municipalities (or - for stdin)"}
		}
		return importPlaces(e, args[0], *out)
	}
	return c
}

// importPlaces writes the places of the table in file name ("-": stdin) to out.
func importPlaces(e env, name, out string) error {
	var in io.Reader = e.stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("import-places: %w", err)
		}
		defer f.Close()
		in = f
	}
	rows, err := gvimport.Parse(in)
	if err != nil {
		return fmt.Errorf("import-places: %w", err)
	}
	places, err := gvimport.Places(rows)
	if err != nil {
		return fmt.Errorf("import-places: %w", err)
	}
	old, err := os.ReadFile(out)
	if err != nil && !errors.Is(err, errNotExist) {
		return fmt.Errorf("import-places: %w", err)
	}
	var buf bytes.Buffer
	if err := gvimport.Write(&buf, places, old); err != nil {
		return fmt.Errorf("import-places: %w", err)
	}
	if err := writeAtomic(out, buf.Bytes()); err != nil {
		return fmt.Errorf("import-places: %w", err)
	}
	fmt.Fprintf(e.stdout, "wrote %s: %d places from %d municipalities; run engagiert validate --knowledge %s\n",
		out, len(places), len(rows), filepath.Dir(filepath.Dir(out)))
	return nil
}

var errNotExist = fs.ErrNotExist

// writeAtomic replaces name by data through a temporary file in the same
// directory, so a running bot that watches the directory never reads half
// a file.
func writeAtomic(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), name)
}
