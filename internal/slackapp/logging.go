package slackapp

import "unicode/utf8"

// maxErrBytes is the most bytes of an error or a panic in one log field.
const maxErrBytes = 300

// clipBytes cuts s to at most n bytes at a character boundary, ending in
// "…" when cut.
func clipBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// errText is err for a log field, cut to maxErrBytes; "" for nil.
func errText(err error) string {
	if err == nil {
		return ""
	}
	return clipBytes(err.Error(), maxErrBytes)
}
