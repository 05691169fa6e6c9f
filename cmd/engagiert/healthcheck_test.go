package main

import (
	"bytes"
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestHealthURL(t *testing.T) {
	t.Parallel()
	tests := []struct {
		addr, want string
	}{
		{":8080", "http://127.0.0.1:8080/healthz"},
		{"0.0.0.0:9000", "http://127.0.0.1:9000/healthz"},
		{"[::]:8080", "http://127.0.0.1:8080/healthz"},
		{"127.0.0.1:8081", "http://127.0.0.1:8081/healthz"},
		{"localhost:8080", "http://localhost:8080/healthz"},
		{"[::1]:8080", "http://[::1]:8080/healthz"},
		{"http://bot.internal:8080", "http://bot.internal:8080/healthz"},
		{"http://127.0.0.1:8080/healthz", "http://127.0.0.1:8080/healthz"},
		{"https://bot.example/readyz", "https://bot.example/readyz"},
	}
	for _, tt := range tests {
		got, err := healthURL(tt.addr)
		if err != nil || got != tt.want {
			t.Errorf("healthURL(%q) = %q, %v, want %q, nil", tt.addr, got, err, tt.want)
		}
	}
	for _, bad := range []string{"8080", "", "http://", "localhost:"} {
		if got, err := healthURL(bad); err == nil {
			t.Errorf("healthURL(%q) = %q, nil, want an error", bad, got)
		}
	}
}

// healthServer answers /healthz with status and counts the requests.
func healthServer(t *testing.T, status int) (addr string, hits *int) {
	t.Helper()
	n := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/healthz" || r.Method != http.MethodGet {
			http.NotFound(w, r)
			return
		}
		n++
		w.WriteHeader(status)
		w.Write([]byte("knowledge not loaded\n"))
	}))
	t.Cleanup(srv.Close)
	return srv.Listener.Addr().String(), &n
}

func runHealth(ctx context.Context, vars map[string]string, args ...string) (string, error) {
	var stdout, stderr bytes.Buffer
	err := run(ctx, append([]string{"healthcheck"}, args...), func(k string) string { return vars[k] },
		strings.NewReader(""), &stdout, &stderr)
	return stdout.String() + stderr.String(), err
}

func TestHealthcheck(t *testing.T) {
	t.Parallel()
	okAddr, okHits := healthServer(t, http.StatusOK)
	_, port, _ := net.SplitHostPort(okAddr)
	downAddr, _ := healthServer(t, http.StatusServiceUnavailable)

	tests := []struct {
		name    string
		vars    map[string]string
		args    []string
		wantErr string // "" means success
	}{
		{"flag", nil, []string{"--addr", okAddr}, ""},
		{"ENGAGIERT_ADDR, all interfaces", map[string]string{"ENGAGIERT_ADDR": ":" + port}, nil, ""},
		{"flag wins over env", map[string]string{"ENGAGIERT_ADDR": downAddr}, []string{"--addr", okAddr}, ""},
		{"unhealthy", nil, []string{"--addr", downAddr}, "503 Service Unavailable: knowledge not loaded"},
		{"nothing listening", nil, []string{"--addr", closedAddr(t)}, "connection refused"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := runHealth(context.Background(), tt.vars, tt.args...)
			if tt.wantErr == "" {
				if err != nil {
					t.Errorf("healthcheck %q = %v, want nil (output %q)", tt.args, err, out)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("healthcheck %q = %v, want error containing %q", tt.args, err, tt.wantErr)
			}
			var ue usageError
			if errors.As(err, &ue) {
				t.Errorf("healthcheck %q: an unhealthy bot is not a usage error", tt.args)
			}
		})
	}
	if *okHits != 3 {
		t.Errorf("healthy server got %d requests, want 3", *okHits)
	}
}

func TestHealthcheckUsage(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"extra"}, {"--addr", "8080"}, {"--nope"}} {
		_, err := runHealth(context.Background(), nil, args...)
		var ue usageError
		if !errors.As(err, &ue) {
			t.Errorf("healthcheck %q = %v, want a usage error", args, err)
		}
	}
}

// TestHealthcheckHang: a bot that accepts but never answers is unhealthy,
// within the timeout rather than whenever Docker gives up.
func TestHealthcheckHang(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	start := time.Now()
	_, err := runHealth(context.Background(), nil, "--addr", srv.Listener.Addr().String())
	if err == nil || !strings.Contains(err.Error(), "deadline exceeded") {
		t.Errorf("healthcheck against a hung server = %v, want a deadline error", err)
	}
	// The bound leaves room for a loaded machine (the package's other
	// tests run in parallel): it is a deadline, not a stopwatch.
	if took := time.Since(start); took > healthcheckTimeout+5*time.Second {
		t.Errorf("healthcheck against a hung server took %v, want about %v", took, healthcheckTimeout)
	}
}

func closedAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}
