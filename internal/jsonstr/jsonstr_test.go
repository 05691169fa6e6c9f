package jsonstr

import (
	"encoding/json"
	"testing"
)

// TestAppendMatchesMarshal: Append writes what json.Marshal writes for a
// string, for every class of byte it treats apart. (FuzzAppendJSON in
// internal/slackapp/blocks and FuzzWire in internal/answer fuzz it.)
func TestAppendMatchesMarshal(t *testing.T) {
	for _, s := range []string{
		"", "Bielefeld", `"quoted" \ back`, "<b>&amp;</b>", "tab\tnew\nline\rcr\bbs\fff", "\x00\x1f\x7f",
		"Gütersloh · Straße", "日本", "\u2028\u2029", "bad \xff utf8 \xc3", "Kreis- und  Hochschulstadt „Zusatz“",
	} {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := Append(nil, s); string(got) != string(want) {
			t.Errorf("Append(%q) = %s, want %s", s, got, want)
		}
		if got := Append([]byte("x"), s); string(got) != "x"+string(want) {
			t.Errorf("Append appends: got %s", got)
		}
	}
}
