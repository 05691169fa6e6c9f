package slackapp

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
)

// Limits before authentication. Nothing a client sends before its request is
// verified may cost more than a bounded amount of memory: headers are capped,
// requests without a fresh timestamp and a signature are refused before their
// body is read, only so many bodies are read at once, and only so many
// connections are served.
const (
	// MaxHeaderBytes caps a request's headers (Go's default is 1 MB);
	// Slack's are under 4 KB.
	MaxHeaderBytes = 32 << 10
	// DefaultMaxConns is how many connections are served at once by default.
	DefaultMaxConns = 512
	// DefaultMaxBodyReads is how many request bodies are read at once by
	// default: at most MaxBodyBytes each, so 32 MB in all.
	DefaultMaxBodyReads = 32
	// DefaultBodyWait is how long a request waits for a body slot before 503.
	DefaultBodyWait = 5 * time.Second
	// bodyReadTimeout bounds reading one body once it has a slot: Slack
	// sends a few KB at once, a client trickling bytes keeps no slot long.
	bodyReadTimeout = 10 * time.Second
	// maxClockSkew is how far X-Slack-Request-Timestamp may be from now.
	maxClockSkew = 5 * time.Minute
)

// guard holds the App's limits and what they count.
type guard struct {
	bodySlots chan struct{}
	bodyWait  time.Duration

	rejected   *prometheus.CounterVec
	undecoded  *prometheus.CounterVec
	lost       *prometheus.CounterVec
	openConns  prometheus.Gauge
	tokenValid prometheus.Gauge

	// lastWarn throttles the WARN a tripped limit logs, to one per 10 s.
	lastWarn sync.Map // reason -> *atomic.Int64 (unix nanos)

	token tokenState
}

func newGuard(cfg Config, reg prometheus.Registerer) *guard {
	f := factory{promauto.With(reg)}
	n := cfg.MaxBodyReads
	if n <= 0 {
		n = DefaultMaxBodyReads
	}
	wait := cfg.BodyWait
	if wait <= 0 {
		wait = DefaultBodyWait
	}
	g := &guard{
		bodySlots: make(chan struct{}, n),
		bodyWait:  wait,
		rejected: f.counters("engagiert_http_rejected_total",
			"Requests and connections refused by a limit before authentication, by reason (unsigned, stale_timestamp, body_slots, conn_limit).", "reason"),
		undecoded: f.counters("engagiert_slack_events_undecoded_total",
			"Signed events acked without acting on them, by reason (malformed, not_handled).", "reason"),
		lost: f.counters("engagiert_slack_replies_lost_total",
			"Replies finally not delivered to Slack after retries, by reason (rate_limited, timeout, shutdown, error).", "reason"),
		openConns: f.gauge("engagiert_http_open_connections",
			"HTTP connections open now."),
		tokenValid: f.gauge("engagiert_slack_token_valid",
			"1 while the Web API accepts the bot token, 0 after it rejected it."),
	}
	g.tokenValid.Set(1)
	for _, r := range []string{"unsigned", "stale_timestamp", "body_slots", "conn_limit"} {
		g.rejected.WithLabelValues(r)
	}
	for _, r := range lostReasons {
		g.lost.WithLabelValues(r)
	}
	return g
}

// warnOnce logs msg at WARN at most once per 10 s per reason: a limit trips
// under attack thousands of times a second, and the log must not be the
// next thing to run out.
func (g *guard) warnOnce(log *slog.Logger, reason, msg string, args ...any) {
	v, _ := g.lastWarn.LoadOrStore(reason, new(atomic.Int64))
	last := v.(*atomic.Int64)
	now := time.Now().UnixNano()
	prev := last.Load()
	if now-prev < int64(10*time.Second) || !last.CompareAndSwap(prev, now) {
		return
	}
	log.Warn(msg, args...)
}

// precheck refuses a request before its body is read: Slack always sends a
// v0 signature and a timestamp within minutes of now, so a request without
// them cannot be valid, whatever its body. The signature itself needs the
// body and is checked after it is read.
func precheck(h http.Header, now time.Time) (reason string, err error) {
	sig := h.Get("X-Slack-Signature")
	if !strings.HasPrefix(sig, "v0=") || len(sig) != len("v0=")+64 {
		return "unsigned", errors.New("missing or malformed X-Slack-Signature")
	}
	ts, err := strconv.ParseInt(h.Get("X-Slack-Request-Timestamp"), 10, 64)
	if err != nil {
		return "stale_timestamp", errors.New("missing or malformed X-Slack-Request-Timestamp")
	}
	if d := now.Sub(time.Unix(ts, 0)); d > maxClockSkew || d < -maxClockSkew {
		return "stale_timestamp", errors.New("X-Slack-Request-Timestamp is more than 5 minutes from now")
	}
	return "", nil
}

// errBusy means no body slot came free within the wait.
var errBusy = errors.New("too many request bodies being read")

// readBody reads a request's body within the limits: it waits up to
// bodyWait for one of the body slots, reads at most MaxBodyBytes within
// bodyReadTimeout, and sizes its buffer from Content-Length rather than by
// doubling.
func (a *App) readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	if r.ContentLength > MaxBodyBytes {
		return nil, &http.MaxBytesError{Limit: MaxBodyBytes}
	}
	select {
	case a.guard.bodySlots <- struct{}{}: // mostly a slot is free: no timer then
	default:
		if err := a.waitBodySlot(r); err != nil {
			return nil, err
		}
	}
	defer func() { <-a.guard.bodySlots }()
	_ = http.NewResponseController(w).SetReadDeadline(time.Now().Add(bodyReadTimeout))
	var buf bytes.Buffer
	if r.ContentLength > 0 {
		buf.Grow(int(r.ContentLength) + bytes.MinRead)
	}
	_, err := buf.ReadFrom(http.MaxBytesReader(w, r.Body, MaxBodyBytes))
	return buf.Bytes(), err
}

// waitBodySlot waits up to the guard's bodyWait for a body slot.
func (a *App) waitBodySlot(r *http.Request) error {
	t := time.NewTimer(a.guard.bodyWait)
	defer t.Stop()
	select {
	case a.guard.bodySlots <- struct{}{}:
		return nil
	case <-t.C:
		return errBusy
	case <-r.Context().Done():
		return r.Context().Err()
	}
}

// healthRoute reports whether path is answered on a connection past the
// connection limit: probes must tell "busy" from "dead".
func healthRoute(path string) bool {
	return path == "/healthz" || path == "/readyz" || path == "/metrics"
}

type overflowKey struct{}

// HTTPServer returns the server for h on ln with the limits above: at most
// maxConns connections served (DefaultMaxConns if <= 0). Past that, up to
// maxConns/8 more (at least 8) are accepted for the health routes only and
// get 503 for the rest; beyond those, a connection gets a 503 and is closed
// at once. The returned listener is the one to Serve on.
func (a *App) HTTPServer(ln net.Listener, maxConns int) (*http.Server, net.Listener) {
	if maxConns <= 0 {
		maxConns = DefaultMaxConns
	}
	l := &limitListener{Listener: ln, max: int64(maxConns), spare: int64(max(8, maxConns/8)), app: a}
	srv := &http.Server{
		Handler:           a.overflowGate(a.Handler()),
		MaxHeaderBytes:    MaxHeaderBytes,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ConnContext: func(ctx context.Context, c net.Conn) context.Context {
			if lc, ok := c.(*limitedConn); ok && lc.spare {
				return context.WithValue(ctx, overflowKey{}, true)
			}
			return ctx
		},
	}
	return srv, l
}

// overflowGate answers only health routes on connections past the limit.
func (a *App) overflowGate(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Context().Value(overflowKey{}) != nil && !healthRoute(r.URL.Path) {
			a.guard.rejected.WithLabelValues("conn_limit").Inc()
			w.Header().Set("Connection", "close")
			w.Header().Set("Retry-After", "1")
			http.Error(w, "too many connections", http.StatusServiceUnavailable)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// limitListener counts the connections it hands out (see App.HTTPServer).
type limitListener struct {
	net.Listener
	max, spare      int64
	open, spareOpen atomic.Int64
	app             *App
}

// busyResponse is what a connection past every limit gets before it is closed.
const busyResponse = "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nContent-Length: 21\r\nRetry-After: 1\r\nConnection: close\r\n\r\ntoo many connections\n"

func (l *limitListener) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		if l.open.Add(1) <= l.max {
			l.app.guard.openConns.Inc()
			return &limitedConn{Conn: c, release: func() { l.open.Add(-1); l.app.guard.openConns.Dec() }}, nil
		}
		l.open.Add(-1)
		l.app.guard.warnOnce(l.app.log, "conn_limit", "connection limit reached; extra connections get the health routes only",
			"max_conns", l.max)
		if l.spareOpen.Add(1) <= l.spare {
			l.app.guard.openConns.Inc()
			return &limitedConn{Conn: c, spare: true, release: func() { l.spareOpen.Add(-1); l.app.guard.openConns.Dec() }}, nil
		}
		l.spareOpen.Add(-1)
		l.app.guard.rejected.WithLabelValues("conn_limit").Inc()
		go func() {
			_ = c.SetWriteDeadline(time.Now().Add(time.Second))
			_, _ = io.WriteString(c, busyResponse)
			c.Close()
		}()
	}
}

// limitedConn gives its slot back once closed.
type limitedConn struct {
	net.Conn
	spare   bool
	once    sync.Once
	release func()
}

func (c *limitedConn) Close() error {
	c.once.Do(c.release) // first: once the peer sees the close, the slot is free
	return c.Conn.Close()
}
