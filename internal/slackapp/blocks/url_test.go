package blocks

import (
	"regexp"
	"testing"
)

// FuzzReplaceBareURLs: replaceBareURLs finds and replaces what the regexp
// it stands for finds, whatever the text; and safeURLHost, which reads
// plain URLs without url.Parse, says of the text, of each URL in it and of
// the text after a scheme what url.Parse says.
func FuzzReplaceBareURLs(f *testing.F) {
	for _, s := range []string{
		"", "https://www.engagiertestadt.de/x?a=1&amp;b=2.", "Quellen: [1] http://a.de · [2] https://b.de/…",
		"http:// https:// httphttps://x https:/x http://\x0bv https://s|t \"http://q\" <https://in.link|label>",
		"hhttp://x\thttps://y\nhttp://z\rhttp://w\fhttp://é\xff", "httpss://x https://", "http",
		"https://www.engagiert-in-nrw.de/node/173", "http://a.de?q#f/x", "https://a.de#x%zz", "https://a.de/%41",
		"https://user@a.de/", "https://a.de:443/x", "https://A.DE/x@y", "https://.", "https://-/", "HTTPS://a.de",
		"https:///x", "https://a.de/x%", "https://[::1]/", "https://a_b.de/",
	} {
		f.Add(s)
	}
	re := regexp.MustCompile(`https?://[^\s<>|"]+`)
	wrap := func(m string) string { return "[" + m + "]" }
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := replaceBareURLs(s, wrap), re.ReplaceAllStringFunc(s, wrap); got != want {
			t.Errorf("replaceBareURLs(%q) = %q, want (regexp) %q", s, got, want)
		}
		for _, u := range append(re.FindAllString(s, -1), s, "https://"+s, "http://"+s) {
			host, ok := safeURLHost(u)
			if wantHost, wantOK := parsedSafeURLHost(u); host != wantHost || ok != wantOK {
				t.Errorf("safeURLHost(%q) = %q, %v; want (url.Parse) %q, %v", u, host, ok, wantHost, wantOK)
			}
		}
	})
}

// parsedSafeURLHost is safeURLHost by way of url.Parse alone.
func parsedSafeURLHost(u string) (string, bool) {
	if !safeURLText(u) {
		return "", false
	}
	return parsedURLHost(u)
}
