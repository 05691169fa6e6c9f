package main

import (
	"context"
	"errors"
	"flag"
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

// runHealthcheck asks a local bot for /healthz. The runtime image has no curl
// or shell, so Docker's HEALTHCHECK runs the binary itself.
func runHealthcheck(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("healthcheck", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	defAddr := e.getenv("ENGAGIERT_ADDR")
	if defAddr == "" {
		defAddr = ":8080"
	}
	addr := fs.String("addr", defAddr, "address the bot listens on, or a URL (default: ENGAGIERT_ADDR, else :8080)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("healthcheck takes no arguments, got %q; use --addr ADDR", fs.Args())}
	}
	target, err := healthURL(*addr)
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
