package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/engagiert/engagiert/internal/gvimport"
	"github.com/engagiert/engagiert/internal/yamlkb"
)

// runImportPlaces regenerates the NRW place file from the official list, so
// the yearly update of the Gemeindeverzeichnis is one command. The file
// holds generated fields only; it refuses to overwrite a file that carries
// a curator's field, which belongs in places.yaml under "nrw:".
func runImportPlaces(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("import-places", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	out := fs.String("out", filepath.Join("knowledge", "places", "nrw.yaml"), "place file to write (generated fields only)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return usageError{err.Error()}
	}
	if fs.NArg() != 1 {
		return usageError{"import-places takes one file: the Markdown table of NRW municipalities (or - for stdin)"}
	}
	var in io.Reader = e.stdin
	if name := fs.Arg(0); name != "-" {
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
	old, err := os.ReadFile(*out)
	if err != nil && !errors.Is(err, errNotExist) {
		return fmt.Errorf("import-places: %w", err)
	}
	curated, err := gvimport.Curated(old, places)
	if err != nil {
		return fmt.Errorf("import-places: read %s: %w", *out, err)
	}
	if len(curated) > 0 {
		return fmt.Errorf("import-places: %s has fields a curator added, which a new import would drop; move them to %s under %q first:\n  %s",
			*out, yamlkb.PlacesFile, yamlkb.OverlayKey+":", strings.Join(curated, "\n  "))
	}
	var buf bytes.Buffer
	if err := gvimport.Write(&buf, places); err != nil {
		return fmt.Errorf("import-places: %w", err)
	}
	if err := writeAtomic(*out, buf.Bytes()); err != nil {
		return fmt.Errorf("import-places: %w", err)
	}
	fmt.Fprintf(e.stdout, "wrote %s: %d places from %d municipalities; run engagiert validate --knowledge %s\n",
		*out, len(places), len(rows), filepath.Dir(filepath.Dir(*out)))
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
