package slackapptest

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"time"
)

// Slack's published example from "Verifying requests from Slack": a slash
// command's form, the secret it was signed with, when, and the signature.
const (
	ExampleSecret    = "8f742231b10e8888abcd99yyyzzz85a5"
	ExampleTimestamp = "1531420618"
	ExampleBody      = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"
	ExampleSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"
)

// Content types of what Slack sends: events as JSON, slash commands and
// interactions as forms.
const (
	JSON = "application/json"
	Form = "application/x-www-form-urlencoded"
)

// Sign returns the headers Slack signs body with, at time at.
func Sign(secret string, at time.Time, body []byte) http.Header {
	ts := strconv.FormatInt(at.Unix(), 10)
	mac := hmac.New(sha256.New, []byte(secret))
	fmt.Fprintf(mac, "v0:%s:%s", ts, body)
	h := http.Header{}
	h.Set("X-Slack-Request-Timestamp", ts)
	h.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
	return h
}

// Signed is Sign now, with the request's content type.
func Signed(secret, contentType string, body []byte) http.Header {
	h := Sign(secret, time.Now(), body)
	h.Set("Content-Type", contentType)
	return h
}

// NewRequest is a request as Slack sends it to path, signed with secret
// now, for a handler served in process (httptest.NewRequest).
func NewRequest(secret, path, contentType string, body []byte) *http.Request {
	req := httptest.NewRequest(http.MethodPost, path, bytes.NewReader(body))
	req.Header = Signed(secret, contentType, body)
	return req
}

// Retry marks a request as Slack's n-th retry of an event (n > 0).
func Retry(h http.Header, n int) http.Header {
	if n > 0 {
		h.Set("X-Slack-Retry-Num", strconv.Itoa(n))
		h.Set("X-Slack-Retry-Reason", "http_timeout")
	}
	return h
}

// SlashBody is Slack's documented slash command form (ExampleBody) as
// command /engagiert with text, answering to responseURL.
func SlashBody(text, responseURL string) []byte {
	form, err := url.ParseQuery(ExampleBody)
	if err != nil {
		panic(err) // a constant
	}
	form.Set("command", "/engagiert")
	form.Set("text", text)
	form.Set("response_url", responseURL)
	return []byte(form.Encode())
}

// Interaction is an interaction payload (JSON) as Slack posts it: a form
// with the field payload.
func Interaction(payload []byte) []byte {
	return []byte(url.Values{"payload": {string(payload)}}.Encode())
}
