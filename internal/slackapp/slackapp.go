// Package slackapp is the Slack transport of engagiert: the Events API,
// slash command and interactivity over HTTP (signed requests) or Socket Mode,
// plus the health and metrics routes. Every surface verifies, parses, acks,
// asks the one domain.Asker and renders the answer with package blocks.
package slackapp

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/engagiert/engagiert/internal/buildinfo"
	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/memo"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
	"github.com/slack-go/slack"
)

// Surfaces a question can come from; they label logs and metrics.
const (
	SurfaceSlash   = "slash"
	SurfaceMention = "mention"
	SurfaceDM      = "dm"
	SurfaceHome    = "home"
	// SurfaceThread is a follow-up in a thread the bot answered in, without a mention.
	SurfaceThread = "thread"
	// SurfaceShortcut is the message shortcut "Frag engagiert".
	SurfaceShortcut = "shortcut"
	// SurfaceAssistant is a thread of the AI-app split view (assistant.go).
	SurfaceAssistant = "assistant"
)

var surfaces = []string{SurfaceSlash, SurfaceMention, SurfaceDM, SurfaceHome, SurfaceThread, SurfaceShortcut, SurfaceAssistant}

// MaxBodyBytes is the largest request body a Slack route reads; more gets 413.
const MaxBodyBytes = 1 << 20

// DefaultAPIURL is Slack's Web API.
const DefaultAPIURL = "https://slack.com/api/"

// Config configures an App. Asker, Knowledge and BotToken are required;
// SigningSecret turns on the HTTP Slack routes, AppToken Socket Mode.
type Config struct {
	// Asker answers questions. It may swap its knowledge underneath (reload);
	// the App calls it anew for every question.
	Asker domain.Asker
	// Knowledge reports the base answered from now and when it was loaded, for
	// /readyz and the App Home. It is called on every use, so a reload shows.
	Knowledge func() (base *domain.Base, loadedAt time.Time)
	// Reloads reports how live reloads of the knowledge went, for /readyz;
	// nil when the knowledge cannot change.
	Reloads func() ReloadStatus

	// BotToken (xoxb-) authorises Web API calls: chat.postMessage, views.publish.
	BotToken string
	// AppToken (xapp-) opens the Socket Mode connection; empty without Socket Mode.
	AppToken string
	// SigningSecret verifies HTTP requests from Slack; empty without HTTP routes.
	SigningSecret string
	// APIURL is the Web API base URL (DefaultAPIURL if empty), for tests and proxies.
	APIURL string
	// Command is the slash command, shown in help texts ("/engagiert" if empty).
	Command string
	// Commands are the kinds of question the engine answers, with examples:
	// help and App Home are generated from them (answer.Commands()).
	Commands []domain.Command
	// BotUserID is the bot's own user id; if empty it is looked up with
	// auth.test when first needed.
	BotUserID string

	// Logger receives JSON-friendly structured logs (slog.Default if nil).
	Logger *slog.Logger
	// Registry receives the App's metrics and is served on /metrics
	// (a new registry if nil). It belongs to one App: New panics when the
	// App's metrics are registered in it already.
	Registry *prometheus.Registry
	// Store keeps handled events, the threads the bot answers in, votes and
	// forwarded questions: store.Memory for one replica, store.Redis shared
	// between replicas. Required.
	Store Store
	// Fallback is a store of this replica's own (store.Memory) that takes
	// over while Store fails (state.go); nil when Store is local itself.
	Fallback Store
	// UserKey keys the hash that names users in the Store's keys (UserRef):
	// the same on every replica, secret (serve derives it from the bot
	// token). Empty: a fixed key.
	UserKey []byte
	// Retention bounds how long threads, votes and forwards are kept.
	Retention Retention
	// RetryCheckWait is how long a Slack retry waits before it looks in
	// Slack a second time for an answer (DefaultRetryCheckWait if zero).
	RetryCheckWait time.Duration
	// MaxQuestion is how many characters of a question the engine reads
	// (answer.MaxQuestion; DefaultMaxQuestion if zero): questions are cut
	// to it before they are asked, logged or remembered.
	MaxQuestion int
	// HideQuestions leaves the question out of the "unanswered" log line,
	// the only place the bot logs what someone wrote.
	HideQuestions bool
	// HealthApart takes /healthz, /readyz and /metrics off Handler; they
	// are served by HealthHandler on a listener of their own.
	HealthApart bool
	// CuratorChannel is the channel id unanswered questions are forwarded
	// to; empty: no forward button.
	CuratorChannel string
	// HTTPClient makes Web API and response_url calls (a client with a 10s
	// timeout if nil); its Timeout bounds each attempt, retries come on top.
	HTTPClient *http.Client
	// SlashDeadline is how long a slash command may take to answer in the
	// response itself; slower answers follow via response_url (2.5s if zero).
	SlashDeadline time.Duration
	// ResponseCache bounds the slash responses remembered per knowledge
	// version and question; 0 means the default, a negative value none.
	ResponseCache int
	// APIRetries is how often a failed Web API or response_url call (5xx, a
	// dropped connection, a timeout, 429 after its Retry-After) is retried
	// (DefaultAPIRetries if zero, none if negative).
	APIRetries int
	// MaxBodyReads bounds the request bodies read at once
	// (DefaultMaxBodyReads if zero); BodyWait is how long a request waits
	// for one of them before it gets 503 (DefaultBodyWait if zero).
	MaxBodyReads int
	BodyWait     time.Duration
	// RetryBackoff is the first wait before a retry (DefaultRetryBackoff if zero).
	RetryBackoff time.Duration
	// Build is the running binary, for /readyz and engagiert_build_info
	// (buildinfo.Read() if its Version is empty).
	Build buildinfo.Info
	// Clock tells the day in Berlin, which remembered slash responses are
	// kept for (an answer about the next event changes with it); the zero
	// Clock is the real one.
	Clock domain.Clock
}

// App is the Slack bot: HTTP handlers, a Socket Mode runner and the work
// they start in the background.
type App struct {
	cfg Config
	log *slog.Logger
	// httpLog is log for the Slack routes' requests, each logger made for
	// one formatting its attributes only when it writes (deferredAttrs).
	httpLog *slog.Logger
	api     *slack.Client
	reg     *prometheus.Registry
	store   Store
	state   *state
	metrics *metrics
	guard   *guard
	client  *http.Client // response_url posts, with retries; the Web API goes through api

	mu        sync.Mutex
	botUserID string
	botID     string // the bot's bot_id, from auth.test

	// responses are encoded slash-command answers, per knowledge version and
	// question (see slashResponse).
	responses *memo.Map[string, []byte]

	work sync.WaitGroup
	// stopCtx ends when Wait gives up at shutdown: background work still
	// running is cancelled then, and its lost replies logged as "shutdown".
	stopCtx  context.Context
	stopWork context.CancelFunc
	stopping atomic.Bool
	// workers run the background work (workers.go).
	workers *workers
	// slashTimers are the stopped timers of slashInTime's deadline, one
	// per slash command answered at once rather than one per slash
	// command. They are the App's, not the package's: a timer made in one
	// test's synctest bubble must not be reset from another's (a fatal
	// error), and an App never crosses bubbles.
	slashTimers sync.Pool
}

// New checks cfg and builds an App. It makes no network calls.
func New(cfg Config) (*App, error) {
	if cfg.Asker == nil {
		return nil, errors.New("slackapp: Config.Asker is nil")
	}
	if cfg.Knowledge == nil {
		return nil, errors.New("slackapp: Config.Knowledge is nil")
	}
	if cfg.Store == nil {
		return nil, errors.New("slackapp: Config.Store is nil (store.NewMemory for a single replica)")
	}
	if !strings.HasPrefix(cfg.BotToken, "xoxb-") {
		return nil, errors.New("slackapp: bot token must start with xoxb-")
	}
	if cfg.AppToken != "" && !strings.HasPrefix(cfg.AppToken, "xapp-") {
		return nil, errors.New("slackapp: app token must start with xapp-")
	}
	if cfg.AppToken == "" && cfg.SigningSecret == "" {
		return nil, errors.New("slackapp: need a signing secret (HTTP) or an app token (Socket Mode)")
	}
	if cfg.APIURL == "" {
		cfg.APIURL = DefaultAPIURL
	}
	if !strings.HasSuffix(cfg.APIURL, "/") {
		cfg.APIURL += "/"
	}
	if cfg.Command == "" {
		cfg.Command = "/engagiert"
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Registry == nil {
		cfg.Registry = prometheus.NewRegistry()
	}

	if cfg.HTTPClient == nil {
		cfg.HTTPClient = &http.Client{Timeout: 10 * time.Second}
	}
	if cfg.SlashDeadline <= 0 {
		cfg.SlashDeadline = 2500 * time.Millisecond
	}
	if cfg.APIRetries == 0 {
		cfg.APIRetries = DefaultAPIRetries
	}
	if cfg.RetryBackoff <= 0 {
		cfg.RetryBackoff = DefaultRetryBackoff
	}
	if cfg.Build.Version == "" {
		cfg.Build = buildinfo.Read()
	}
	if cfg.RetryCheckWait <= 0 {
		cfg.RetryCheckWait = DefaultRetryCheckWait
	}
	if cfg.MaxQuestion <= 0 {
		cfg.MaxQuestion = DefaultMaxQuestion
	}
	if len(cfg.UserKey) == 0 {
		cfg.UserKey = []byte("engagiert user ids")
	}
	cfg.Retention = cfg.Retention.withDefaults()
	m := newMetrics(cfg.Registry)
	st := newState(cfg.Store, cfg.Fallback, cfg.Registry)
	factory{promauto.With(cfg.Registry)}.gauges("engagiert_build_info",
		"1, labelled with the module version and VCS revision of the running binary (engagiert version).",
		"version", "revision").WithLabelValues(cfg.Build.Version, cfg.Build.Revision).Set(1)
	g := newGuard(cfg, cfg.Registry)
	api, hooks := withRetries(cfg.HTTPClient, cfg.APIRetries, cfg.RetryBackoff)
	opts := []slack.Option{
		slack.OptionAPIURL(cfg.APIURL),
		slack.OptionHTTPClient(api),
		slack.OptionRetryConfig(retryConfig(cfg.APIRetries, cfg.RetryBackoff)), // after OptionHTTPClient, which it wraps
	}
	if cfg.AppToken != "" {
		opts = append(opts, slack.OptionAppLevelToken(cfg.AppToken))
	}
	stopCtx, stopWork := context.WithCancel(context.Background())
	return &App{
		stopCtx:   stopCtx,
		stopWork:  stopWork,
		workers:   newWorkers(),
		cfg:       cfg,
		log:       cfg.Logger,
		httpLog:   deferAttrs(cfg.Logger),
		api:       slack.New(cfg.BotToken, opts...),
		reg:       cfg.Registry,
		store:     cfg.Store,
		state:     st,
		metrics:   m,
		guard:     g,
		client:    hooks,
		botUserID: cfg.BotUserID,
		responses: responseCache(cfg.ResponseCache),
	}, nil
}

// responseCacheSize bounds the remembered slash responses by default: at a
// few KB each, about 10 MB. It is as large as serve's answer cache (4,096
// answers): with fewer, a team asking between 2,048 and 4,096 different
// questions in turn found every answer remembered but none of its
// responses, and each was rendered and encoded again, a third of the work
// of such a request (the 3,700 eval questions of the load benchmark).
const responseCacheSize = 4096

func responseCache(size int) *memo.Map[string, []byte] {
	switch {
	case size < 0:
		return nil
	case size == 0:
		size = responseCacheSize
	}
	return memo.New[string, []byte](size)
}

// Wait blocks until the answers started in the background are posted, or
// ctx ends. Call it after http.Server.Shutdown so nothing in flight is lost.
// When ctx ends first, the work still running is cancelled, and each reply
// it loses is logged with reason "shutdown"; Wait gives it a moment for that.
// The App's idle workers end when it returns.
func (a *App) Wait(ctx context.Context) error {
	done := make(chan struct{})
	go func() { a.work.Wait(); close(done) }()
	defer a.workers.release()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
	}
	a.stopping.Store(true)
	a.stopWork()
	select {
	case <-done:
	case <-time.After(2 * time.Second):
	}
	return ctx.Err()
}

// ownUserID returns the bot's user id, asking auth.test once it is needed.
func (a *App) ownUserID(ctx context.Context) string {
	id, _ := a.ownIDs(ctx)
	return id
}

// ownIDs returns the bot's user id and bot_id, asking auth.test once it is
// needed. The bot_id may stay "" when the user id was configured.
func (a *App) ownIDs(ctx context.Context) (user, bot string) {
	a.mu.Lock()
	user, bot = a.botUserID, a.botID
	a.mu.Unlock()
	if user != "" {
		return user, bot
	}
	res, err := a.api.AuthTestContext(ctx)
	if err != nil {
		a.log.Warn("auth.test failed; cannot tell own messages by user id", "err", err)
		return "", ""
	}
	a.mu.Lock()
	a.botUserID, a.botID = res.UserID, res.BotID
	a.mu.Unlock()
	return res.UserID, res.BotID
}

// user is how keys name user (UserRef with Config.UserKey).
func (a *App) user(id string) string { return UserRef(a.cfg.UserKey, id) }

// newRequestID returns a short random id that ties the logs of one Slack request together.
func newRequestID() string {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "unknown"
	}
	return hex.EncodeToString(b[:])
}

// metrics are the App's Prometheus collectors.
type metrics struct {
	requests   *prometheus.CounterVec
	questions  *prometheus.CounterVec
	unanswered *prometheus.CounterVec
	feedback   *prometheus.CounterVec
	duplicates prometheus.Counter
	reconnects prometheus.Counter
	postErrors prometheus.Counter
	duration   *prometheus.HistogramVec

	votes       *prometheus.GaugeVec
	forwarded   prometheus.Counter
	relayed     prometheus.Counter
	rateLimited prometheus.Counter
	shareFalls  *prometheus.CounterVec
	panics      *prometheus.CounterVec

	// surfaces are the children of questions, unanswered and duration for
	// each surface, looked up once rather than on every question.
	surfaces map[string]surfaceMetrics
}

// surfaceMetrics are the metrics of one surface's questions.
type surfaceMetrics struct {
	questions, unanswered prometheus.Counter
	duration              prometheus.Observer
}

// surface returns the metrics of surface s.
func (m *metrics) surface(s string) surfaceMetrics {
	if sm, ok := m.surfaces[s]; ok {
		return sm
	}
	return surfaceMetrics{m.questions.WithLabelValues(s), m.unanswered.WithLabelValues(s), m.duration.WithLabelValues(s)}
}

// newMetrics registers the App's metrics with reg (promauto panics on a
// second registration: one Registry per App).
func newMetrics(reg prometheus.Registerer) *metrics {
	f := factory{promauto.With(reg)}
	m := &metrics{
		requests: f.counters("engagiert_slack_requests_total",
			"Requests from Slack by kind (command, event, interaction) and outcome.", "kind", "outcome"),
		questions: f.counters("engagiert_questions_total",
			"Questions answered, by surface.", "surface"),
		unanswered: f.counters("engagiert_unanswered_questions_total",
			"Questions the knowledge base had no answer to, by surface.", "surface"),
		feedback: f.counters("engagiert_feedback_total",
			"Votes under answers, by vote (up, down): a user's first vote on an answer, or a changed one; a repeated click is not counted.", "vote"),
		votes: f.gauges("engagiert_feedback_votes",
			"Votes as they stand now, one per user and answer, by vote (up, down); a changed vote moves from one to the other. Sum over replicas.", "vote"),
		forwarded: f.counter("engagiert_forwarded_questions_total",
			"Unanswered questions forwarded to the curators' channel."),
		relayed: f.counter("engagiert_curator_replies_relayed_total",
			"Curators' replies to forwarded questions relayed to the askers."),
		rateLimited: f.counter("engagiert_slack_app_rate_limited_total",
			"app_rate_limited events: Slack dropped events for the app over its rate limit."),
		shareFalls: f.counters("engagiert_share_fallbacks_total",
			"Shares whose response_url failed, by how they were delivered instead (post, told_user, lost).", "via"),
		panics: f.counters("engagiert_panics_total",
			"Panics recovered, by where (answer, background, http, socket, reload); answer counts the engine's own recovered panics (Answer.Panicked) too.", "where"),
		duplicates: f.counter("engagiert_slack_duplicate_events_total",
			"Events Slack delivered again (retries, repeated event_id), not answered again."),
		reconnects: f.counter("engagiert_socketmode_reconnects_total",
			"Socket Mode connections opened after the first."),
		postErrors: f.counter("engagiert_slack_post_errors_total",
			"Failed Web API or response_url calls."),
		duration: f.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "engagiert_answer_duration_seconds",
			Help:    "Time to answer a question, by surface.",
			Buckets: []float64{.001, .005, .01, .05, .1, .25, .5, 1, 2.5},
		}, []string{"surface"}),
	}
	m.surfaces = map[string]surfaceMetrics{}
	for _, s := range surfaces {
		m.surfaces[s] = surfaceMetrics{m.questions.WithLabelValues(s), m.unanswered.WithLabelValues(s), m.duration.WithLabelValues(s)}
	}
	m.feedback.WithLabelValues("up")
	m.feedback.WithLabelValues("down")
	m.votes.WithLabelValues("up")
	m.votes.WithLabelValues("down")
	for _, via := range []string{"post", "told_user", "lost"} {
		m.shareFalls.WithLabelValues(via)
	}
	for _, where := range panicPlaces {
		m.panics.WithLabelValues(where)
	}
	return m
}

// factory declares the App's metrics, one call each: name, help, labels.
// promauto registers them with the App's registry as they are made.
type factory struct{ promauto.Factory }

func (f factory) counter(name, help string) prometheus.Counter {
	return f.NewCounter(prometheus.CounterOpts{Name: name, Help: help})
}

func (f factory) counters(name, help string, labels ...string) *prometheus.CounterVec {
	return f.NewCounterVec(prometheus.CounterOpts{Name: name, Help: help}, labels)
}

func (f factory) gauge(name, help string) prometheus.Gauge {
	return f.NewGauge(prometheus.GaugeOpts{Name: name, Help: help})
}

func (f factory) gauges(name, help string, labels ...string) *prometheus.GaugeVec {
	return f.NewGaugeVec(prometheus.GaugeOpts{Name: name, Help: help}, labels)
}
