package answer

import (
	"slices"
	"strings"

	"golang.org/x/text/language"
)

//go:generate go run regions_gen.go

// regionNames returns the German and English names CLDR gives a region,
// "" for one it does not name. They come from x/text/language/display,
// written into a table by `go generate` (regionnames.go; a test keeps it
// equal to display's): display's package initialisation builds its
// matchers at every start of the program (1.5 to 2 ms of each start, by
// GODEBUG=inittrace=1), for the 300 names a lexicon reads once.
func regionNames(r language.Region) (de, en string) {
	i, ok := slices.BinarySearchFunc(cldrRegions[:], r.String(), func(row struct{ code, de, en string }, code string) int {
		return strings.Compare(row.code, code)
	})
	if !ok {
		return "", ""
	}
	return cldrRegions[i].de, cldrRegions[i].en
}
