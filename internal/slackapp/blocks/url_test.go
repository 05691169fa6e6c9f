package blocks

import (
	"regexp"
	"testing"
)

// FuzzReplaceBareURLs: replaceBareURLs finds and replaces what the regexp
// it stands for finds, whatever the text.
func FuzzReplaceBareURLs(f *testing.F) {
	for _, s := range []string{
		"", "https://www.engagiertestadt.de/x?a=1&amp;b=2.", "Quellen: [1] http://a.de · [2] https://b.de/…",
		"http:// https:// httphttps://x https:/x http://\x0bv https://s|t \"http://q\" <https://in.link|label>",
		"hhttp://x\thttps://y\nhttp://z\rhttp://w\fhttp://é\xff", "httpss://x https://", "http",
	} {
		f.Add(s)
	}
	re := regexp.MustCompile(`https?://[^\s<>|"]+`)
	wrap := func(m string) string { return "[" + m + "]" }
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := replaceBareURLs(s, wrap), re.ReplaceAllStringFunc(s, wrap); got != want {
			t.Errorf("replaceBareURLs(%q) = %q, want (regexp) %q", s, got, want)
		}
	})
}
