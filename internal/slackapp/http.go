package slackapp

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
)

// Handler serves the routes: POST /slack/commands, /slack/events and
// /slack/interactions (only with a signing secret), and GET /healthz,
// /readyz and /metrics (always, Socket Mode included).
func (a *App) Handler() http.Handler {
	mux := http.NewServeMux()
	if a.cfg.SigningSecret != "" {
		mux.Handle("POST /slack/commands", sslCheck(a.slackRoute("command", a.handleCommand)))
		mux.Handle("POST /slack/events", a.slackRoute("event", a.handleEvents))
		mux.Handle("POST /slack/interactions", a.slackRoute("interaction", a.handleInteractions))
	}
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = io.WriteString(w, "ok\n")
	})
	mux.HandleFunc("GET /readyz", a.handleReady)
	mux.Handle("GET /metrics", promhttp.HandlerFor(a.reg, promhttp.HandlerOpts{Registry: a.reg}))
	return mux
}

// Readiness is the /readyz body.
type Readiness struct {
	Ready    bool   `json:"ready"`
	Version  string `json:"version,omitempty"`
	Networks int    `json:"networks"`
	Places   int    `json:"places"`
	LoadedAt string `json:"loaded_at,omitempty"`
	// Reload is there when the knowledge is reloaded live (Config.Reloads).
	Reload *ReloadStatus `json:"reload,omitempty"`
}

// ReloadStatus says how live reloads of the knowledge went. A failed reload
// leaves the bot ready: it answers from the last good knowledge.
type ReloadStatus struct {
	// Reloads counts knowledge swapped in since start, Failures rejected edits.
	Reloads  uint64 `json:"reloads"`
	Failures uint64 `json:"failures"`
	// LastError is the latest rejected edit's problems, one FILE:LINE per line.
	LastError   string `json:"last_error,omitempty"`
	LastErrorAt string `json:"last_error_at,omitempty"`
}

func (a *App) handleReady(w http.ResponseWriter, r *http.Request) {
	base, loadedAt := a.cfg.Knowledge()
	var body Readiness
	status := http.StatusServiceUnavailable
	if base != nil {
		status = http.StatusOK
		body = Readiness{Ready: true, Version: base.Version, Networks: len(base.Networks), Places: len(base.Places)}
		if !loadedAt.IsZero() {
			body.LoadedAt = loadedAt.UTC().Format(time.RFC3339)
		}
		if a.cfg.Reloads != nil {
			r := a.cfg.Reloads()
			body.Reload = &r
		}
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}

// slackHandler handles a verified Slack request: body is the raw body.
type slackHandler func(w http.ResponseWriter, r *http.Request, log *slog.Logger, body []byte)

// slackRoute reads the body (at most MaxBodyBytes), verifies Slack's
// signature on it before anything parses it, and hands it on with a logger
// that carries a request id.
func (a *App) slackRoute(kind string, h slackHandler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := newRequestID()
		log := a.log.With("request_id", id, "kind", kind)
		w.Header().Set("X-Request-Id", id)
		r.Body = http.MaxBytesReader(w, r.Body, MaxBodyBytes)
		body, err := io.ReadAll(r.Body)
		if err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				a.metrics.requests.WithLabelValues(kind, "too_large").Inc()
				log.Warn("request body too large", "limit", MaxBodyBytes)
				http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
				return
			}
			a.metrics.requests.WithLabelValues(kind, "bad_request").Inc()
			http.Error(w, "cannot read body", http.StatusBadRequest)
			return
		}
		if err := a.verify(r.Header, body); err != nil {
			a.metrics.requests.WithLabelValues(kind, "unauthorized").Inc()
			log.Warn("rejected request: bad signature", "err", err)
			http.Error(w, "invalid signature", http.StatusUnauthorized)
			return
		}
		a.metrics.requests.WithLabelValues(kind, "ok").Inc()
		h(w, r, log, body)
	})
}

// verify checks Slack's v0 signature of body, and that its timestamp is
// within five minutes of now.
func (a *App) verify(h http.Header, body []byte) error {
	return Verify(h, body, a.cfg.SigningSecret)
}

// Verify checks a request from Slack: the X-Slack-Signature over the raw
// body with the signing secret, and an X-Slack-Request-Timestamp within five
// minutes of the clock (slack.NewSecretsVerifier).
func Verify(h http.Header, body []byte, secret string) error {
	sv, err := slack.NewSecretsVerifier(h, secret)
	if err != nil {
		return err
	}
	if _, err := sv.Write(body); err != nil {
		return err
	}
	return sv.Ensure()
}

func (a *App) handleCommand(w http.ResponseWriter, r *http.Request, log *slog.Logger, body []byte) {
	cmd, err := slack.SlashCommandParse(formRequest(r, body))
	if err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(a.onCommand(r.Context(), log, cmd))
}

func (a *App) handleEvents(w http.ResponseWriter, r *http.Request, log *slog.Logger, body []byte) {
	ev, err := slackevents.ParseEvent(json.RawMessage(body), slackevents.OptionNoVerifyToken())
	if err != nil {
		log.Warn("cannot parse event", "err", err)
		http.Error(w, "bad event", http.StatusBadRequest)
		return
	}
	if ev.Type == slackevents.URLVerification {
		uv, ok := ev.Data.(*slackevents.EventsAPIURLVerificationEvent)
		if !ok {
			http.Error(w, "bad url_verification", http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "text/plain")
		_, _ = io.WriteString(w, uv.Challenge)
		return
	}
	if n := r.Header.Get("X-Slack-Retry-Num"); n != "" {
		log = log.With("retry_num", n, "retry_reason", r.Header.Get("X-Slack-Retry-Reason"))
	}
	// Ack first: Slack wants an answer within 3 seconds and retries
	// otherwise, and a slow shared Store (Redis) must not cause retries.
	w.WriteHeader(http.StatusOK)
	a.onEvent(r.Context(), log, ev)
}

// dedupTimeout bounds one Store call: past it the event counts as new.
const dedupTimeout = 2 * time.Second

// firstSeen asks the Store whether the event is new. If the Store
// fails, the event counts as new: answering twice beats never.
func (a *App) firstSeen(ctx context.Context, log *slog.Logger, eventID string) bool {
	if eventID == "" {
		return true
	}
	ctx, cancel := context.WithTimeout(ctx, dedupTimeout)
	defer cancel()
	first, err := a.store.FirstSeen(ctx, "event:"+eventID)
	if err != nil {
		log.Warn("deduper failed; handling event anyway", "err", err)
		return true
	}
	if !first {
		a.metrics.duplicates.Inc()
		log.Info("duplicate event ignored")
	}
	return first
}

func (a *App) handleInteractions(w http.ResponseWriter, r *http.Request, log *slog.Logger, body []byte) {
	ic, err := slack.InteractionCallbackParse(formRequest(r, body))
	if err != nil {
		log.Warn("cannot parse interaction", "err", err)
		http.Error(w, "bad payload", http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusOK)
	a.onInteraction(r.Context(), log, ic)
}
