package slackapp

import (
	"cmp"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/engagiert/engagiert/internal/buildinfo"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
)

// Handler serves the routes: POST /slack/commands, /slack/events and
// /slack/interactions (only with a signing secret), and GET /healthz,
// /readyz and /metrics (always, Socket Mode included), unless
// Config.HealthApart moves those to HealthHandler.
func (a *App) Handler() http.Handler {
	mux := http.NewServeMux()
	if a.cfg.SigningSecret != "" {
		mux.Handle("POST /slack/commands", sslCheck(a.slackRoute("command", a.handleCommand)))
		mux.Handle("POST /slack/events", a.slackRoute("event", a.handleEvents))
		mux.Handle("POST /slack/interactions", a.slackRoute("interaction", a.handleInteractions))
	}
	if !a.cfg.HealthApart {
		a.healthRoutes(mux)
	}
	return a.recoverHTTP(mux)
}

// HealthHandler serves GET /healthz, /readyz and /metrics alone: for a
// listener of their own (ENGAGIERT_ADMIN_ADDR), away from the public port.
func (a *App) HealthHandler() http.Handler {
	mux := http.NewServeMux()
	a.healthRoutes(mux)
	return a.recoverHTTP(mux)
}

func (a *App) healthRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = io.WriteString(w, "ok\n")
	})
	mux.HandleFunc("GET /readyz", a.handleReady)
	mux.Handle("GET /metrics", promhttp.HandlerFor(a.reg, promhttp.HandlerOpts{Registry: a.reg}))
}

// Readiness is the /readyz body.
type Readiness struct {
	Ready    bool   `json:"ready"`
	Version  string `json:"version,omitempty"`
	Networks int    `json:"networks"`
	Places   int    `json:"places"`
	LoadedAt string `json:"loaded_at,omitempty"`
	// SlackToken is what the Web API says of the bot token: "ok",
	// "unverified" (auth.test not answered yet) or "rejected: ERROR"; while
	// rejected, the bot is not ready: nothing it posts arrives.
	SlackToken string `json:"slack_token"`
	// Store is how the state between requests is kept: "local" (one
	// replica), "ok" (the shared store works), "degraded: ..." while it
	// fails (this replica goes on with its own memory; still ready, so
	// Slack's traffic keeps flowing), "recovering: ..." for a while after.
	Store string `json:"store"`
	// Reload is there when the knowledge is reloaded live (Config.Reloads).
	Reload *ReloadStatus `json:"reload,omitempty"`
	// Build is the running binary: module version, VCS revision and time.
	Build buildinfo.Info `json:"build"`
}

// ReloadStatus says how live reloads of the knowledge went. A failed reload
// leaves the bot ready: it answers from the last good knowledge.
type ReloadStatus struct {
	// Reloads counts knowledge swapped in since start, Failures rejected edits.
	Reloads  uint64 `json:"reloads"`
	Failures uint64 `json:"failures"`
	// LastError says why the latest failed reload failed, LastProblems
	// where (at most 20 FILE:LINE, then "... and N more"); never what the
	// files say: this route is not authenticated. The log has it all.
	LastError    string   `json:"last_error,omitempty"`
	LastProblems []string `json:"last_problems,omitempty"`
	LastErrorAt  string   `json:"last_error_at,omitempty"`
	// InProgressSince is when the reload running now started.
	InProgressSince string `json:"reload_in_progress_since,omitempty"`
	// StuckLoads counts loads that timed out and have not returned yet.
	StuckLoads int `json:"stuck_loads,omitempty"`
}

func (a *App) handleReady(w http.ResponseWriter, r *http.Request) {
	base, loadedAt := a.cfg.Knowledge()
	token, tokenOK := a.guard.token.state()
	body := Readiness{SlackToken: token, Store: a.state.readiness(), Build: a.cfg.Build}
	status := http.StatusServiceUnavailable
	if base != nil {
		if tokenOK {
			status = http.StatusOK
		}
		body = Readiness{Ready: tokenOK, Version: base.Version, Networks: len(base.Networks), Places: len(base.Places), SlackToken: token,
			Store: body.Store, Build: a.cfg.Build}
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

// slackRoute refuses a request without a signature or a fresh timestamp
// before reading its body, reads the body (at most MaxBodyBytes, within the
// body slots, see readBody), verifies Slack's signature on it before
// anything parses it, and hands it on with a logger that carries a request id.
func (a *App) slackRoute(kind string, h slackHandler) http.Handler {
	verified := a.metrics.requests.WithLabelValues(kind, "ok")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := newRequestID()
		log := withAttrs(a.httpLog, slog.String("request_id", id), slog.String("kind", kind))
		w.Header().Set("X-Request-Id", id)
		if reason, err := precheck(r.Header, time.Now()); err != nil {
			a.metrics.requests.WithLabelValues(kind, "unauthorized").Inc()
			a.guard.rejected.WithLabelValues(reason).Inc()
			log.Warn("rejected request: bad signature", "err", err)
			w.Header().Set("Connection", "close")
			http.Error(w, "invalid signature", http.StatusUnauthorized)
			return
		}
		body, err := a.readBody(w, r)
		if err != nil {
			if errors.Is(err, errBusy) {
				a.metrics.requests.WithLabelValues(kind, "busy").Inc()
				a.guard.rejected.WithLabelValues("body_slots").Inc()
				a.guard.warnOnce(log, "body_slots", "request bodies limit reached; answering 503",
					"max_body_reads", cap(a.guard.bodySlots), "waited_ms", a.guard.bodyWait.Milliseconds())
				w.Header().Set("Retry-After", "1")
				http.Error(w, "busy", http.StatusServiceUnavailable)
				return
			}
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
		verified.Inc()
		a.recoverSlack(kind, w, log, func(w http.ResponseWriter) { h(w, r, log, body) })
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
	cmd, ssl, err := parseSlashCommand(r.Header.Get("Content-Type"), string(body))
	if err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	if ssl {
		w.WriteHeader(http.StatusOK) // Slack's certificate check, signed: empty 200, as Bolt does
		return
	}
	b := a.onCommand(r.Context(), log, cmd)
	h := w.Header()
	h.Set("Content-Type", "application/json")
	// A response of known length goes out as it is: without it, a
	// response over 2 KB (most answers) is sent in chunks.
	h.Set("Content-Length", strconv.Itoa(len(b)))
	_, _ = w.Write(b)
}

func (a *App) handleEvents(w http.ResponseWriter, r *http.Request, log *slog.Logger, body []byte) {
	ev, err := decodeEvent(body)
	if err != nil {
		// Signed by Slack, so acked whatever it holds: a 4xx only makes
		// Slack retry it and count toward disabling event delivery.
		a.ackUndecoded(w, log, body, err)
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
	retry := 0
	if n := r.Header.Get("X-Slack-Retry-Num"); n != "" {
		retry, _ = strconv.Atoi(n)
		retry = max(retry, 1) // a retry, whatever the number says
		log = log.With("retry_num", retry, "retry_reason", clipBytes(r.Header.Get("X-Slack-Retry-Reason"), 64))
	}
	// Ack first: Slack wants an answer within 3 seconds and retries
	// otherwise, and a slow shared Store (Redis) must not cause retries.
	w.WriteHeader(http.StatusOK)
	a.onEvent(r.Context(), log, ev, retry)
}

func (a *App) handleInteractions(w http.ResponseWriter, r *http.Request, log *slog.Logger, body []byte) {
	ic, err := slack.InteractionCallbackParse(formRequest(r, body))
	if err != nil {
		ic, err = lenientInteraction(body, err)
	}
	if err != nil {
		log.Warn("cannot parse interaction", "err", errText(err))
		http.Error(w, "bad payload", http.StatusBadRequest)
		return
	}
	if isModalQuestion(ic) {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(a.modalSubmission(r.Context(), log, ic))
		return
	}
	w.WriteHeader(http.StatusOK)
	a.onInteraction(r.Context(), log, ic)
}

// parseSlashCommand reads a slash command's form in one pass, as
// slack.SlashCommandParse reads it from the request's PostForm (the first
// value of each field; a body that is no form, by its content type, gives
// an empty command), and whether it is Slack's certificate check
// (ssl_check=1). slack-go's way parsed the body into a map and a clone of
// the request, and the certificate check parsed it again: a tenth of a
// request's cost under load (issue 17). FuzzParseSlashCommand holds the
// two to the same result.
func parseSlashCommand(contentType, body string) (cmd slack.SlashCommand, sslCheck bool, err error) {
	if contentType != "" && contentType != "application/x-www-form-urlencoded" { // Slack's own, exactly: nothing to parse
		mt, _, err := mime.ParseMediaType(contentType)
		if err != nil {
			return cmd, false, err
		}
		if mt != "application/x-www-form-urlencoded" {
			// No form to slack-go; the certificate check was read all the same.
			f, err := url.ParseQuery(body)
			return cmd, err == nil && f.Get("ssl_check") == "1", nil
		}
	}
	if strings.Count(body, "&") >= maxFormFields {
		return cmd, false, errFormFields
	}
	var f slashForm
	var seen uint32
	for body != "" {
		var pair string
		pair, body, _ = strings.Cut(body, "&")
		if strings.Contains(pair, ";") {
			err = cmp.Or(err, errSemicolon)
			continue
		}
		if pair == "" {
			continue
		}
		k, v, _ := strings.Cut(pair, "=")
		k, err1 := url.QueryUnescape(k)
		if err1 != nil {
			err = cmp.Or(err, err1)
			continue
		}
		v, err1 = url.QueryUnescape(v)
		if err1 != nil {
			err = cmp.Or(err, err1)
			continue
		}
		i := slices.IndexFunc(slashFields[:], func(f slashField) bool { return f.name == k })
		if i < 0 || seen&(1<<i) != 0 {
			continue // not read, or not the first value
		}
		seen |= 1 << i
		slashFields[i].set(&f, v)
	}
	if err != nil {
		return slack.SlashCommand{}, false, err
	}
	return f.cmd, f.sslCheck, nil
}

// slashForm is what parseSlashCommand reads.
type slashForm struct {
	cmd      slack.SlashCommand
	sslCheck bool
}

// slashField is a form field parseSlashCommand reads, and where it goes.
type slashField struct {
	name string
	set  func(f *slashForm, v string)
}

// slashFields are the fields of slack.SlashCommandParse, and ssl_check.
var slashFields = [...]slashField{
	{"token", func(f *slashForm, v string) { f.cmd.Token = v }},
	{"team_id", func(f *slashForm, v string) { f.cmd.TeamID = v }},
	{"team_domain", func(f *slashForm, v string) { f.cmd.TeamDomain = v }},
	{"enterprise_id", func(f *slashForm, v string) { f.cmd.EnterpriseID = v }},
	{"enterprise_name", func(f *slashForm, v string) { f.cmd.EnterpriseName = v }},
	{"is_enterprise_install", func(f *slashForm, v string) { f.cmd.IsEnterpriseInstall = v == "true" }},
	{"channel_id", func(f *slashForm, v string) { f.cmd.ChannelID = v }},
	{"channel_name", func(f *slashForm, v string) { f.cmd.ChannelName = v }},
	{"user_id", func(f *slashForm, v string) { f.cmd.UserID = v }},
	{"user_name", func(f *slashForm, v string) { f.cmd.UserName = v }},
	{"command", func(f *slashForm, v string) { f.cmd.Command = v }},
	{"text", func(f *slashForm, v string) { f.cmd.Text = v }},
	{"response_url", func(f *slashForm, v string) { f.cmd.ResponseURL = v }},
	{"trigger_id", func(f *slashForm, v string) { f.cmd.TriggerID = v }},
	{"api_app_id", func(f *slashForm, v string) { f.cmd.APIAppID = v }},
	{"ssl_check", func(f *slashForm, v string) { f.sslCheck = v == "1" }},
}

// url.ParseQuery's errors for a ";" in a form, and for too many fields.
var (
	errSemicolon  = errors.New("invalid semicolon separator in query")
	errFormFields = errors.New("number of URL query parameters exceeded limit")
)

// maxFormFields is url.ParseQuery's limit of fields in a form.
const maxFormFields = 10000
