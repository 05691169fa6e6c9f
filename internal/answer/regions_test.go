package answer

import (
	"fmt"
	"testing"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// TestRegionNamesAreDisplays: the generated table names every region as
// x/text/language/display does, in German and English; after an update
// of x/text, run go generate ./internal/answer.
func TestRegionNamesAreDisplays(t *testing.T) {
	t.Parallel()
	var codes []string
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			codes = append(codes, string([]rune{a, b}))
		}
	}
	for n := range 1000 {
		codes = append(codes, fmt.Sprintf("%03d", n))
	}
	named := 0
	for _, code := range codes {
		r, err := language.ParseRegion(code)
		if err != nil {
			continue
		}
		wantDE, wantEN := display.German.Regions().Name(r), display.English.Regions().Name(r)
		if de, en := regionNames(r); de != wantDE || en != wantEN {
			t.Errorf("regionNames(%s) = %q, %q; display names it %q, %q: run go generate ./internal/answer", code, de, en, wantDE, wantEN)
		}
		if wantDE != "" {
			named++
		}
	}
	if named < 250 {
		t.Errorf("display names only %d regions", named)
	}
}
