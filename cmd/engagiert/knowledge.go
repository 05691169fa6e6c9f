package main

import (
	"io/fs"
	"os"

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

// knowledgeFS opens the knowledge directory, or the embedded base for "".
func knowledgeFS(dir string) fs.FS {
	if dir == "" {
		return knowledge.FS
	}
	return os.DirFS(dir)
}
