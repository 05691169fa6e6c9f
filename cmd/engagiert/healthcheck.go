package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// healthcheckTimeout stays well under Docker's default HEALTHCHECK timeout
// (30 s), so a hung bot is reported as unhealthy by us, with a reason.
const healthcheckTimeout = 2 * time.Second

// cmdHealthcheck asks a local bot for /healthz. The runtime image has no curl
// or shell, so Docker's HEALTHCHECK runs the binary itself.
func cmdHealthcheck() *command {
	c := &command{
		UsageLine: "healthcheck [--addr ADDR]",
		Short:     "exit 0 when a local bot is alive",
		Long: `
Healthcheck asks the bot at --addr for /healthz and exits 0 when it answers
200 within 2 s; otherwise it prints why and exits 1. Without --addr it asks
ENGAGIERT_ADMIN_ADDR, where the bot serves its health routes when that is
set, else ENGAGIERT_ADDR. The image's HEALTHCHECK
runs it, since the image has no curl. A listener on all interfaces (":8080")
is reached on loopback; a URL is used as given.

Examples:
	engagiert healthcheck
	engagiert healthcheck --addr 127.0.0.1:9090
	engagiert healthcheck --addr http://bot.internal:8080/healthz
`,
	}
	addrFlag := c.Flag.String("addr", "", "`ADDR` the bot listens on, or a URL (default: ENGAGIERT_ADMIN_ADDR, else ENGAGIERT_ADDR, else :8080)")
	c.Run = func(ctx context.Context, e env, args []string) error {
		if err := noArgs(c, args, "use --addr ADDR"); err != nil {
			return err
		}
		addr := cmp.Or(*addrFlag, e.getenv("ENGAGIERT_ADMIN_ADDR"), e.getenv("ENGAGIERT_ADDR"), ":8080")
		return healthcheck(ctx, addr)
	}
	return c
}

// healthcheck reports whether the bot listening on addr is alive.
func healthcheck(ctx context.Context, addr string) error {
	target, err := healthURL(addr)
	if err != nil {
		return usageError{err.Error()}
	}
	ctx, cancel := context.WithTimeout(ctx, healthcheckTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return fmt.Errorf("healthcheck: %w", err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("healthcheck: %w", err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	if resp.StatusCode != http.StatusOK {
		msg := strings.TrimSpace(string(body))
		if msg != "" {
			msg = ": " + msg
		}
		return fmt.Errorf("healthcheck: GET %s: %s%s", target, resp.Status, msg)
	}
	return nil
}

// healthURL turns a listen address into the URL of its /healthz. A listener
// on all interfaces (":8080", "0.0.0.0:8080", "[::]:8080") is reached on
// loopback; a full URL is used as given, with /healthz added if it has no path.
func healthURL(addr string) (string, error) {
	if strings.HasPrefix(addr, "http://") || strings.HasPrefix(addr, "https://") {
		u, err := url.Parse(addr)
		if err != nil || u.Host == "" {
			return "", fmt.Errorf("--addr %q: not a usable URL", addr)
		}
		if u.Path == "" || u.Path == "/" {
			u.Path = "/healthz"
		}
		return u.String(), nil
	}
	host, port, err := net.SplitHostPort(addr)
	if err != nil || port == "" {
		return "", fmt.Errorf("--addr %q: want HOST:PORT, :PORT or a URL", addr)
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port) + "/healthz", nil
}
