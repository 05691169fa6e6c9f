package slackapp

import (
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/slack-go/slack"
)

// FuzzParseSlashCommand: parseSlashCommand reads a body as slack-go's
// SlashCommandParse (and url.ParseQuery for ssl_check) read it: the same
// command, ssl_check and error, whatever the body and content type.
func FuzzParseSlashCommand(f *testing.F) {
	for _, body := range []string{
		"token=gIkuvaNzQIHg97ATvDxqgjtO&team_id=T0001&team_domain=example&enterprise_id=E0001&enterprise_name=Globular%20Construct%20Inc" +
			"&channel_id=C2147483705&channel_name=test&user_id=U2147483697&user_name=Steve&command=/weather&text=94070" +
			"&response_url=https://hooks.slack.com/commands/1234/5678&trigger_id=13345224609.738474920.8088930838d88f008e0&api_app_id=A123456&is_enterprise_install=true",
		"ssl_check=1&token=x", "text=a+b%26c&text=second&&=&user_id=", "text=%zz", "a;b=c", "text=%E2%82%AC%C3",
		strings.Repeat("&", maxFormFields), strings.Repeat("&", maxFormFields-2),
	} {
		f.Add(body, "application/x-www-form-urlencoded")
		f.Add(body, "")
	}
	f.Add("text=x", "application/x-www-form-urlencoded; charset=utf-8")
	f.Add("text=x", "application/json")
	f.Add("text=x", "multipart/form-data; boundary=x")
	f.Add("text=x", "text/plain; =")
	f.Fuzz(func(t *testing.T, body, contentType string) {
		r := httptest.NewRequest("POST", "/slack/commands", strings.NewReader(body))
		r.Header.Set("Content-Type", contentType)
		want, wantErr := slack.SlashCommandParse(formRequest(r, []byte(body)))
		wantSSL := false
		if wantErr == nil {
			if f, err := url.ParseQuery(body); err == nil && f.Get("ssl_check") == "1" {
				wantSSL = true
			}
		}
		got, ssl, err := parseSlashCommand(contentType, body)
		if (err != nil) != (wantErr != nil) || (err == nil && (got != want || ssl != wantSSL)) {
			t.Errorf("parseSlashCommand(%q, %q) = %+v, %v, %v\nwant (slack-go) %+v, %v, %v", contentType, body, got, ssl, err, want, wantSSL, wantErr)
		}
	})
}
