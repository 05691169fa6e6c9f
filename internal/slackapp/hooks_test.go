package slackapp

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/engagiert/engagiert/internal/slackapp/blocks"
	"github.com/engagiert/engagiert/internal/slackapp/slackapptest"
)

func TestResponseURLAllowed(t *testing.T) {
	tests := []struct {
		api, url string
		want     bool
	}{
		{DefaultAPIURL, "https://hooks.slack.com/commands/T1/1/abc", true},
		{DefaultAPIURL, "https://HOOKS.slack.com/actions/T1/1/abc", true},
		{DefaultAPIURL, "https://hooks.slack.com:443/actions/T1/1/abc", true},
		{DefaultAPIURL, "http://hooks.slack.com/commands/T1/1/abc", false},
		{DefaultAPIURL, "https://hooks.slack.com:8443/commands/T1/1/abc", false},
		{DefaultAPIURL, "https://user:pw@hooks.slack.com/commands/T1/1/abc", false},
		{DefaultAPIURL, "https://hooks.slack.com.evil.example/commands", false},
		{DefaultAPIURL, "https://evil.example/hooks.slack.com/commands", false},
		{DefaultAPIURL, "https://slack.com/api/chat.postMessage", false},
		{DefaultAPIURL, "http://127.0.0.1:8080/hooks/1", false},
		{DefaultAPIURL, "http://[::1]:8080/hooks/1", false},
		{DefaultAPIURL, "file:///etc/passwd", false},
		{DefaultAPIURL, "", false},
		{"http://127.0.0.1:9999/api/", "http://127.0.0.1:9999/hooks/1", true},
		{"http://127.0.0.1:9999/api/", "http://127.0.0.1:9998/hooks/1", false},
		{"http://127.0.0.1:9999/api/", "https://127.0.0.1:9999/hooks/1", false},
		{"http://127.0.0.1:9999/api/", "http://localhost:9999/hooks/1", false},
		{"http://127.0.0.1:9999/api/", "https://hooks.slack.com/commands/T1/1/abc", true},
		{"https://slack.example/api/", "https://slack.example:443/hooks/1", true},
	}
	for _, tt := range tests {
		f := setup(t, func(c *Config) { c.APIURL = tt.api })
		if got := f.app.responseURLAllowed(tt.url); got != tt.want {
			t.Errorf("APIURL %s: responseURLAllowed(%q) = %v, want %v", tt.api, tt.url, got, tt.want)
		}
	}
}

// TestResponseURLRefused: a signed click whose response_url points at a
// loopback service gets nothing posted there; the vote is shown by
// chat.update instead. A redirect from an allowed address is not followed.
func TestResponseURLRefused(t *testing.T) {
	var hits atomic.Int32
	victim := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	t.Cleanup(victim.Close)

	// The fake Slack's host answers the Web API, and redirects its hooks
	// to the victim.
	f := setup(t, nil)
	f.slack.Handle("response_url", func(w http.ResponseWriter, r *http.Request, _ slackapptest.Call) bool {
		http.Redirect(w, r, victim.URL+"/internal", http.StatusTemporaryRedirect)
		return true
	})
	for _, hook := range []string{victim.URL + "/hooks", f.slack.Hooks()} {
		payload := testdata(t, "block_actions.json", "https://hooks.slack.com", hook,
			`"ACTION_ID"`, `"`+blocks.ActionFeedbackUp+`"`, `"ACTION_VALUE"`, `"Bielefeld"`, `"is_ephemeral": true`, `"is_ephemeral": false`)
		f.post(t, "/slack/interactions", "application/x-www-form-urlencoded", []byte(url.Values{"payload": {string(payload)}}.Encode()), nil)
		f.wait(t)
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the loopback service got %d requests, want none", n)
	}
	if n := len(f.slack.Calls("chat.update")); n != 2 {
		t.Errorf("%d chat.update calls, want the vote shown that way both times", n)
	}
	if r := f.logs.Record("response_url refused: not a Slack address; answering another way"); r == nil || !strings.HasPrefix(r["host"].(string), "127.0.0.1:") {
		t.Errorf("no WARN naming the refused host:\n%s", f.logs.String())
	}
}
