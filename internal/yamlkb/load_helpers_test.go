package yamlkb

import (
	"io/fs"

	"github.com/engagiert/engagiert/internal/domain"
)

// Load is Check without the report, for the tests that look at the base or
// its problems only.
func Load(fsys fs.FS) (*domain.Base, error) {
	base, _, err := Check(fsys, Options{})
	return base, err
}

// LoadDir is CheckDir without the report.
func LoadDir(dir string) (*domain.Base, error) {
	base, _, err := CheckDir(dir, Options{})
	return base, err
}
