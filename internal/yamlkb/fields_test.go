package yamlkb

import (
	"io/fs"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

// TestAbbreviations: a short form is written in capitals ("ES") or with
// its full stop ("Kr."); a word in lower or mixed case ("rb", "Ob") would
// take ordinary words for it, and is refused at its line.
func TestAbbreviations(t *testing.T) {
	m := goodFS(t)
	m[LexiconFile] = &fstest.MapFile{Data: []byte("abbreviations:\n  ES: Engagierte Stadt\n  Kr.: Kreis\n  rb: Regierungsbezirk\n  Ob: Oberbürgermeister\n  .: Kreis\n")}
	base, err := Load(m)
	checkProblems(t, base, err, []want{
		{"lexicon/lexicon.yaml:4: ", `abbreviation "rb" is no word in capitals`},
		{"lexicon/lexicon.yaml:5: ", `abbreviation "Ob" is no word in capitals`},
		{"lexicon/lexicon.yaml:6: ", `abbreviation "." is no word in capitals`},
	})
}

// goodFS is testdata/good in memory, for a test to change a file of.
func goodFS(t *testing.T) fstest.MapFS {
	t.Helper()
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
	return m
}

// TestMembersCompleteIn: the Bundesländer whose members a network lists in
// full are read as written, and an unknown one is refused at its line.
func TestMembersCompleteIn(t *testing.T) {
	m := goodFS(t)
	const file = "networks/regiopole.yaml"
	orig := m[file].Data
	m[file] = &fstest.MapFile{Data: append(slices.Clone(orig), "members_complete_in: [Hessen]\n"...)}
	base, err := Load(m)
	if err != nil {
		t.Fatal(err)
	}
	if n := base.Network("regiopole"); n == nil || !slices.Equal(n.MembersCompleteIn, []string{"Hessen"}) || !n.CompleteIn("Hessen") {
		t.Errorf("members_complete_in: [Hessen] read as %+v", n)
	}
	lines := strings.Count(string(orig), "\n") + 1
	m[file] = &fstest.MapFile{Data: append(slices.Clone(orig), "members_complete_in: [NRW]\n"...)}
	base, err = Load(m)
	checkProblems(t, base, err, []want{
		{file + ":" + strconv.Itoa(lines) + ": ", `unknown state "NRW" in members_complete_in`},
	})
}
