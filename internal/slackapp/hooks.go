package slackapp

import (
	"log/slog"
	"net"
	"net/url"
	"strings"
)

// Outgoing URLs. A response_url comes in the payload of a request, and
// the bot posts the answer there: a payload (signed, but the signing
// secret may leak) could name any address, the bot's own network
// included. So the bot posts only to Slack's hooks, https://hooks.slack.com/…,
// and follows no redirect from there (the hooks client in withRetries). The
// one exception is the scheme, host and port of Config.APIURL when it is
// not Slack's own: that is how tests and checks point the bot at a fake
// Slack on loopback.

// slackHooksHost is where Slack's response_urls point.
const slackHooksHost = "hooks.slack.com"

// responseURLAllowed reports whether the bot may post to responseURL.
func (a *App) responseURLAllowed(responseURL string) bool {
	u, err := url.Parse(responseURL)
	if err != nil || u.User != nil || u.Opaque != "" {
		return false
	}
	if u.Scheme == "https" && strings.EqualFold(u.Host, slackHooksHost) || strings.EqualFold(u.Host, slackHooksHost+":443") {
		return u.Scheme == "https"
	}
	if a.cfg.APIURL == DefaultAPIURL {
		return false
	}
	api, err := url.Parse(a.cfg.APIURL)
	return err == nil && api.Host != "" && u.Scheme == api.Scheme && strings.EqualFold(hostPort(u), hostPort(api))
}

// hostPort is u's host with its port, the scheme's default if none is given.
func hostPort(u *url.URL) string {
	port := u.Port()
	if port == "" {
		port = map[string]string{"https": "443", "http": "80"}[u.Scheme]
	}
	return net.JoinHostPort(u.Hostname(), port)
}

// refuseResponseURL logs a response_url the bot will not post to, by its
// host only (its path lets whoever holds it post to the channel).
func (a *App) refuseResponseURL(log *slog.Logger, responseURL string) {
	host := "?"
	if u, err := url.Parse(responseURL); err == nil {
		host = clipBytes(u.Host, 100)
	}
	a.guard.warnOnce(log, "response_url", "response_url refused: not a Slack address; answering another way", "host", host)
}
