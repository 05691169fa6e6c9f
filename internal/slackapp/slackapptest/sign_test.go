package slackapptest

import (
	"strconv"
	"testing"
	"time"
)

// TestSignMatchesSlackExample: Sign signs Slack's published example as
// Slack did, so every signed request in the tests is one Slack could send.
func TestSignMatchesSlackExample(t *testing.T) {
	t.Parallel()
	ts, _ := strconv.ParseInt(ExampleTimestamp, 10, 64)
	h := Sign(ExampleSecret, time.Unix(ts, 0), []byte(ExampleBody))
	if got := h.Get("X-Slack-Signature"); got != ExampleSignature {
		t.Fatalf("Sign(example) = %s, want %s", got, ExampleSignature)
	}
	if got := h.Get("X-Slack-Request-Timestamp"); got != ExampleTimestamp {
		t.Fatalf("Sign(example) timestamp = %s, want %s", got, ExampleTimestamp)
	}
}
