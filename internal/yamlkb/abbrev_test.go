package yamlkb

import (
	"io/fs"
	"os"
	"testing"
	"testing/fstest"
)

// TestAbbreviations: a short form is written in capitals ("ES") or with
// its full stop ("Kr."); a word in lower or mixed case ("rb", "Ob") would
// take ordinary words for it, and is refused at its line.
func TestAbbreviations(t *testing.T) {
	good := os.DirFS("testdata/good")
	m := fstest.MapFS{}
	err := fs.WalkDir(good, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(good, p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	m[LexiconFile] = &fstest.MapFile{Data: []byte("abbreviations:\n  ES: Engagierte Stadt\n  Kr.: Kreis\n  rb: Regierungsbezirk\n  Ob: Oberbürgermeister\n  .: Kreis\n")}
	base, err := Load(m)
	checkProblems(t, base, err, []want{
		{"lexicon/lexicon.yaml:4: ", `abbreviation "rb" is no word in capitals`},
		{"lexicon/lexicon.yaml:5: ", `abbreviation "Ob" is no word in capitals`},
		{"lexicon/lexicon.yaml:6: ", `abbreviation "." is no word in capitals`},
	})
}
