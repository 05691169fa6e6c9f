package main

import (
	"context"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/engagiert/engagiert/internal/answer"
	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/privacy"
	"github.com/engagiert/engagiert/internal/recovery"
	"github.com/engagiert/engagiert/internal/reload"
	"github.com/engagiert/engagiert/internal/slackapp"
	"github.com/engagiert/engagiert/internal/store"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/slack-go/slack/slackutilsx"
)

// shutdownTimeout bounds a graceful stop: requests and answers in flight get
// this long to finish after SIGTERM (Kubernetes and Docker wait 30 s).
const shutdownTimeout = 25 * time.Second

// serveConfig is what `engagiert serve` runs with: flags over environment.
type serveConfig struct {
	botToken, appToken, signingSecret string
	addr, knowledge, apiURL, command  string
	redisURL, curatorChannel          string
	adminAddr, logSalt                string

	// Limits, as given and parsed (parseLimits).
	reloadTimeoutS, reloadDebounceS, maxConnsS, maxBodyReadsS string
	reloadTimeout, reloadDebounce                             time.Duration
	maxConns, maxBodyReads                                    int

	// Privacy, as given and parsed (parsePrivacy).
	logQuestionsS                                 string
	retainThreadsS, retainVotesS, retainForwardsS string
	logQuestions                                  bool
	retention                                     slackapp.Retention
}

// serveSetting is one setting of serve: its flag and environment variable.
type serveSetting struct {
	flag, env, def, usage string
	dst                   *string
}

func (c *serveConfig) settings() []serveSetting {
	return []serveSetting{
		{"bot-token", "SLACK_BOT_TOKEN", "", "bot token (xoxb-...)", &c.botToken},
		{"app-token", "SLACK_APP_TOKEN", "", "app-level token (xapp-...); set: Socket Mode", &c.appToken},
		{"signing-secret", "SLACK_SIGNING_SECRET", "", "signing secret for HTTP mode", &c.signingSecret},
		{"addr", "ENGAGIERT_ADDR", ":8080", "address to listen on (Slack routes; health and metrics too unless ENGAGIERT_ADMIN_ADDR is set)", &c.addr},
		{"admin-addr", "ENGAGIERT_ADMIN_ADDR", "", "address for /healthz, /readyz and /metrics on their own, away from the Slack routes; unset: on ENGAGIERT_ADDR", &c.adminAddr},
		{"knowledge", "ENGAGIERT_KNOWLEDGE", "", "knowledge directory (default: the embedded base)", &c.knowledge},
		{"api-url", "SLACK_API_URL", slackapp.DefaultAPIURL, "Slack Web API URL", &c.apiURL},
		{"command", "ENGAGIERT_COMMAND", "/engagiert", "slash command name", &c.command},
		{"redis-url", "ENGAGIERT_REDIS_URL", "", "Redis that replicas share (events answered once, threads, votes, forwarded questions), redis://[:PASSWORD@]HOST:6379/0, unset: in-process; prefer the variable, ps shows flags", &c.redisURL},
		{"curator-channel", "ENGAGIERT_CURATOR_CHANNEL", "", "channel id (C...) unanswered questions can be forwarded to; unset: no forwarding", &c.curatorChannel},
		{"max-conns", "ENGAGIERT_MAX_CONNS", strconv.Itoa(slackapp.DefaultMaxConns), "HTTP connections served at once; past it health routes only, then 503", &c.maxConnsS},
		{"max-body-reads", "ENGAGIERT_MAX_BODY_READS", strconv.Itoa(slackapp.DefaultMaxBodyReads), "request bodies (up to 1 MiB each) read at once; past it requests wait 5 s, then 503", &c.maxBodyReadsS},
		{"reload-timeout", "ENGAGIERT_RELOAD_TIMEOUT", reload.DefaultLoadTimeout.String(), "longest one knowledge load may take", &c.reloadTimeoutS},
		{"reload-debounce", "ENGAGIERT_RELOAD_DEBOUNCE", reload.DefaultDebounce.String(), "how long knowledge files must be quiet, then unchanged, before a reload", &c.reloadDebounceS},
		{"log-salt", "ENGAGIERT_LOG_SALT", "", "key of the hash that turns user ids in logs into pseudonyms, the same on replicas that share it; unset: random per start; prefer the variable", &c.logSalt},
		{"log-questions", "ENGAGIERT_LOG_QUESTIONS", "true", "log the text of unanswered questions (cut to 500 characters) for engagiert misses; false: leave it out", &c.logQuestionsS},
		{"retain-threads", "ENGAGIERT_RETAIN_THREADS", "24h", "how long a thread the bot answered in keeps its last question's frame for follow-ups", &c.retainThreadsS},
		{"retain-votes", "ENGAGIERT_RETAIN_VOTES", "24h", "how long a vote is kept (under a hash of the voter), so a repeated click counts once", &c.retainVotesS},
		{"retain-forwards", "ENGAGIERT_RETAIN_FORWARDS", "7d", "how long a forwarded question and its asker are kept, for relaying the curators' reply", &c.retainForwardsS},
	}
}

// bind defines serve's flags on fs, one per setting. Flag defaults stay
// empty so that --help never prints a secret; resolve fills in the rest.
func (c *serveConfig) bind(fs *flag.FlagSet) {
	for _, s := range c.settings() {
		usage := s.usage + " (env " + s.env
		if s.def != "" {
			usage += ", default " + s.def
		}
		fs.StringVar(s.dst, s.flag, "", usage+")")
	}
}

// resolve completes the flags: a flag left empty falls back to its
// variable, then its default. Then it checks and parses the settings.
func (c *serveConfig) resolve(e env) error {
	for _, s := range c.settings() {
		if *s.dst == "" {
			*s.dst = strings.TrimSpace(e.getenv(s.env))
		}
		if *s.dst == "" {
			*s.dst = s.def
		}
	}
	if err := c.check(); err != nil {
		return err
	}
	if err := c.parseLimits(); err != nil {
		return err
	}
	return c.parsePrivacy()
}

// parsePrivacy reads the privacy settings into c.
func (c *serveConfig) parsePrivacy() error {
	switch strings.ToLower(c.logQuestionsS) {
	case "true", "1", "yes", "on":
		c.logQuestions = true
	case "false", "0", "no", "off":
		c.logQuestions = false
	default:
		return fmt.Errorf("ENGAGIERT_LOG_QUESTIONS %q must be true or false", c.logQuestionsS)
	}
	for _, r := range []struct {
		env, s string
		dst    *time.Duration
	}{
		{"ENGAGIERT_RETAIN_THREADS", c.retainThreadsS, &c.retention.Threads},
		{"ENGAGIERT_RETAIN_VOTES", c.retainVotesS, &c.retention.Votes},
		{"ENGAGIERT_RETAIN_FORWARDS", c.retainForwardsS, &c.retention.Forwards},
	} {
		v, err := parseRetention(r.s)
		if err != nil {
			return fmt.Errorf("%s %q must be a duration such as 24h or 7d, from 1m to 365d", r.env, r.s)
		}
		*r.dst = v
	}
	return nil
}

// parseRetention reads a duration as Go writes it ("36h", "90m"), or in
// whole days ("7d"), from a minute to a year.
func parseRetention(s string) (time.Duration, error) {
	var d time.Duration
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(days)
		if err != nil {
			return 0, err
		}
		d = time.Duration(n) * 24 * time.Hour
	} else {
		var err error
		if d, err = time.ParseDuration(s); err != nil {
			return 0, err
		}
	}
	if d < time.Minute || d > 365*24*time.Hour {
		return 0, errors.New("out of range")
	}
	return d, nil
}

// check says which variable is missing or malformed, and how to fix it.
func (c serveConfig) check() error {
	switch {
	case c.botToken == "":
		return errors.New("SLACK_BOT_TOKEN is not set: use the Bot User OAuth Token (xoxb-...) from your app's \"OAuth & Permissions\" page")
	case !strings.HasPrefix(c.botToken, "xoxb-"):
		return errors.New("SLACK_BOT_TOKEN must be a bot token starting with xoxb-")
	case c.appToken != "" && !strings.HasPrefix(c.appToken, "xapp-"):
		return errors.New("SLACK_APP_TOKEN must be an app-level token starting with xapp- (Basic Information > App-Level Tokens, scope connections:write)")
	case c.appToken == "" && c.signingSecret == "":
		return errors.New("SLACK_SIGNING_SECRET is not set: HTTP mode needs the signing secret from \"Basic Information\"; or set SLACK_APP_TOKEN for Socket Mode")
	case !strings.HasPrefix(c.command, "/") || strings.ContainsAny(c.command, " \t\n"):
		return fmt.Errorf("ENGAGIERT_COMMAND %q must be a slash command such as /engagiert", c.command)
	case c.curatorChannel != "" && !validChannelID(c.curatorChannel):
		return fmt.Errorf("ENGAGIERT_CURATOR_CHANNEL %q must be a channel id such as C0123ABCD (channel details, at the bottom), not a name", c.curatorChannel)
	}
	if u, err := url.Parse(c.apiURL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return fmt.Errorf("SLACK_API_URL %q must be an http(s) URL such as %s", c.apiURL, slackapp.DefaultAPIURL)
	}
	return nil
}

// parseLimits reads the limits' settings into c.
func (c *serveConfig) parseLimits() error {
	for _, d := range []struct {
		env, s string
		dst    *time.Duration
	}{{"ENGAGIERT_RELOAD_TIMEOUT", c.reloadTimeoutS, &c.reloadTimeout}, {"ENGAGIERT_RELOAD_DEBOUNCE", c.reloadDebounceS, &c.reloadDebounce}} {
		v, err := time.ParseDuration(d.s)
		if err != nil || v <= 0 {
			return fmt.Errorf("%s %q must be a positive duration such as 30s or 500ms", d.env, d.s)
		}
		*d.dst = v
	}
	for _, n := range []struct {
		env, s string
		dst    *int
	}{{"ENGAGIERT_MAX_CONNS", c.maxConnsS, &c.maxConns}, {"ENGAGIERT_MAX_BODY_READS", c.maxBodyReadsS, &c.maxBodyReads}} {
		v, err := strconv.Atoi(n.s)
		if err != nil || v <= 0 {
			return fmt.Errorf("%s %q must be a positive number", n.env, n.s)
		}
		*n.dst = v
	}
	return nil
}

// validChannelID reports whether s looks like a public (C…) or private (G…) channel id.
func validChannelID(s string) bool {
	switch slackutilsx.DetectChannelType(s) {
	case slackutilsx.CTypeChannel, slackutilsx.CTypeGroup:
	default:
		return false
	}
	if len(s) < 2 || len(s) > 32 {
		return false
	}
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// cmdServe runs the Slack bot until ctx ends (SIGTERM, SIGINT), then stops
// gracefully: the listener closes, requests and answers in flight finish.
// SIGHUP never stops it: it reloads a knowledge directory, and is logged and
// ignored with the embedded base.
func cmdServe() *command {
	var cfg serveConfig
	c := &command{
		UsageLine: "serve [flags]",
		Short:     "run the Slack bot",
		Long: `
Serve runs the Slack bot: in Socket Mode when SLACK_APP_TOKEN is set, else
in HTTP mode on ENGAGIERT_ADDR with the signing secret. Every setting comes
from the environment, and each also has a flag; pass tokens, the signing
secret and a Redis URL with a password through the environment only: flags
show up in ps. It logs JSON to stderr and never logs a secret.

It serves /healthz, /readyz and /metrics in both modes (on
ENGAGIERT_ADMIN_ADDR alone when that is set), reloads a knowledge directory
on SIGHUP and on file changes, and stops gracefully on SIGTERM. User ids in
its logs are pseudonyms; the only text of a person it logs is an unanswered
question. README.md ("Connect to Slack", "Operations", "Datenschutz /
privacy") has the whole story.

Examples:
	SLACK_BOT_TOKEN=xoxb-... SLACK_APP_TOKEN=xapp-... engagiert serve
	SLACK_BOT_TOKEN=xoxb-... SLACK_SIGNING_SECRET=... engagiert serve --addr :9090
	ENGAGIERT_KNOWLEDGE=/knowledge ENGAGIERT_REDIS_URL=redis://redis:6379/0 engagiert serve
`,
	}
	cfg.bind(&c.Flag)
	c.Run = func(ctx context.Context, e env, args []string) error {
		if err := noArgs(c, args, ""); err != nil {
			return err
		}
		hup := make(chan os.Signal, 1)
		signal.Notify(hup, syscall.SIGHUP)
		defer signal.Stop(hup)
		return serveWith(ctx, e, cfg, serveDeps{hup: hup, load: loadServing})
	}
	return c
}

// serveDeps are what tests may stand in for: SIGHUP, and the knowledge
// loader (to make it hang as a dead network mount would).
type serveDeps struct {
	hup  <-chan os.Signal
	load func(dir string, log *slog.Logger) (*reload.Snapshot, error)
}

// serveWith is serve with its flags parsed into cfg: it resolves the rest
// of cfg from the environment and runs the bot until ctx ends.
func serveWith(ctx context.Context, e env, cfg serveConfig, deps serveDeps) error {
	hup := deps.hup
	if err := cfg.resolve(e); err != nil {
		return err
	}
	// User ids become pseudonyms and every field is bounded (privacy).
	log := slog.New(slog.NewJSONHandler(e.stderr, &slog.HandlerOptions{ReplaceAttr: privacy.NewPseudonyms(cfg.logSalt).ReplaceAttr}))
	limitMemory(e.getenv, cgroupRoot, log)

	load := func(context.Context) (*reload.Snapshot, error) { return deps.load(cfg.knowledge, log) }
	snap, err := reload.Load(ctx, load, cfg.reloadTimeout, log)
	if err != nil {
		return fmt.Errorf("load knowledge: %w", err)
	}
	tuneGC(e.getenv)
	base := snap.Base
	kb := reload.NewHolder(snap, reload.Options{Debounce: cfg.reloadDebounce, LoadTimeout: cfg.reloadTimeout})

	// Without a URL this is in-process memory; the URL is never logged, it
	// may carry a password, and store's errors leave it out. A Redis that
	// does not answer at start does not stop the bot: it starts with its
	// own memory, as when Redis fails later, and /readyz says so.
	store.SetLogger(log)
	var events store.Store = store.NewMemory(0, 0)
	var redisDown error
	if cfg.redisURL != "" {
		r, err := store.OpenRedis(cfg.redisURL, 0)
		if err != nil {
			return fmt.Errorf("ENGAGIERT_REDIS_URL: %w", err)
		}
		cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		redisDown = r.Check(cctx)
		cancel()
		if errors.Is(redisDown, store.ErrTooOld) {
			r.Close()
			return fmt.Errorf("ENGAGIERT_REDIS_URL: %w", redisDown)
		}
		events = r
	}
	defer func() {
		if err := events.Close(); err != nil {
			log.Warn("close event de-duplication store", "err", err)
		}
	}()
	dedupMode := "memory"
	if cfg.redisURL != "" {
		dedupMode = "redis"
	}

	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	appCfg := slackapp.Config{
		Asker:         kb,
		Commands:      answer.Commands(),
		Knowledge:     knowledgeOf(kb),
		BotToken:      cfg.botToken,
		AppToken:      cfg.appToken,
		SigningSecret: cfg.signingSecret,
		APIURL:        cfg.apiURL,
		Command:       cfg.command,
		Logger:        log,
		Registry:      reg,
		Store:         events,
		UserKey:       userKey(cfg.botToken),
		MaxQuestion:   answer.MaxQuestion,
		HideQuestions: !cfg.logQuestions,
		Retention:     cfg.retention,
		HealthApart:   cfg.adminAddr != "",
		MaxBodyReads:  cfg.maxBodyReads,
	}
	if cfg.redisURL != "" {
		// While Redis fails, this replica goes on with its own memory.
		appCfg.Fallback = store.NewMemory(0, 0)
	}
	appCfg.CuratorChannel = cfg.curatorChannel
	if cfg.knowledge != "" {
		appCfg.Reloads = func() slackapp.ReloadStatus { return reloadStatus(kb.Status(), cfg.knowledge) }
	}
	app, err := slackapp.New(appCfg)
	if err != nil {
		return err
	}
	if redisDown != nil {
		app.StoreUnavailable(fmt.Errorf("ENGAGIERT_REDIS_URL: %w", redisDown))
	}
	// A token Slack refuses stops start-up: nothing the bot posted would
	// arrive. Slack unreachable does not: the bot retries, and /readyz says
	// "unverified" until auth.test answers.
	if err := app.CheckToken(ctx); errors.Is(err, slackapp.ErrTokenRejected) {
		return fmt.Errorf("SLACK_BOT_TOKEN is not accepted by Slack: %w; copy the Bot User OAuth Token (xoxb-...) again from your app's \"OAuth & Permissions\" page, or reinstall the app", err)
	} else if err != nil {
		log.Warn("cannot verify SLACK_BOT_TOKEN yet; retrying every minute", "err", err)
	}

	raw, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return fmt.Errorf("listen on ENGAGIERT_ADDR %s: %w", cfg.addr, err)
	}
	srv, ln := app.HTTPServer(raw, cfg.maxConns)
	srv.ErrorLog = slog.NewLogLogger(log.Handler(), slog.LevelWarn)
	servers := []*http.Server{srv}
	listeners := []net.Listener{ln}
	adminAddr := ""
	if cfg.adminAddr != "" {
		araw, err := net.Listen("tcp", cfg.adminAddr)
		if err != nil {
			raw.Close()
			return fmt.Errorf("listen on ENGAGIERT_ADMIN_ADDR %s: %w", cfg.adminAddr, err)
		}
		admin, aln := app.HTTPServer(araw, cfg.maxConns)
		admin.Handler = app.HealthHandler()
		admin.ErrorLog = srv.ErrorLog
		servers, listeners = append(servers, admin), append(listeners, aln)
		adminAddr = aln.Addr().String()
	}
	mode := "http"
	if cfg.appToken != "" {
		mode = "socket"
	}
	knowledgeFrom := cfg.knowledge
	if knowledgeFrom == "" {
		knowledgeFrom = "embedded"
	}

	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	kb.SetOnPanic(func(any) { app.CountPanic(slackapp.PanicReload) })
	watchDone := make(chan struct{})
	go func() {
		defer close(watchDone)
		if cfg.knowledge == "" {
			ignoreHUP(runCtx, hup, log)
			return
		}
		watchKnowledge(runCtx, kb, log, func(ctx context.Context) error {
			return kb.Watch(ctx, cfg.knowledge, hup, load, log)
		})
	}()

	tokenDone := make(chan struct{})
	go func() {
		defer close(tokenDone)
		app.WatchToken(runCtx, time.Minute)
	}()

	log.Info("serving", "addr", ln.Addr().String(), "admin_addr", adminAddr, "mode", mode, "command", cfg.command, "dedup", dedupMode,
		"log_salt", cfg.logSalt != "", "log_questions", cfg.logQuestions, "retain_threads", cfg.retention.Threads.String(),
		"retain_votes", cfg.retention.Votes.String(), "retain_forwards", cfg.retention.Forwards.String(),
		"curator_channel", cfg.curatorChannel,
		"knowledge", knowledgeFrom, "knowledge_version", base.Version, "networks", len(base.Networks), "places", len(base.Places),
		"max_conns", cfg.maxConns, "max_body_reads", cfg.maxBodyReads)

	errc := make(chan error, 3)
	for i, s := range servers {
		go func() {
			if err := s.Serve(listeners[i]); err != nil && !errors.Is(err, http.ErrServerClosed) {
				errc <- fmt.Errorf("http: %w", err)
			}
		}()
	}
	socketDone := make(chan struct{})
	if cfg.appToken != "" {
		go func() {
			defer close(socketDone)
			if err := app.RunSocketMode(runCtx); err != nil {
				errc <- fmt.Errorf("socket mode: %w", err)
			}
		}()
	} else {
		close(socketDone)
	}

	var runErr error
	select {
	case <-ctx.Done():
		log.Info("shutting down")
	case runErr = <-errc:
		log.Error("stopping", "err", runErr)
	}

	stop()
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownTimeout)
	defer cancel()
	for _, s := range servers {
		if err := s.Shutdown(sctx); err != nil {
			log.Warn("http shutdown", "err", err)
		}
	}
	<-socketDone
	if err := app.Wait(sctx); err != nil {
		log.Warn("answers still in flight at shutdown", "err", err)
	}
	<-watchDone
	<-tokenDone
	log.Info("stopped")
	return runErr
}

// watchRestart is how long the knowledge watcher rests after a panic
// before it starts again.
var watchRestart = time.Second

// watchKnowledge runs watch until ctx ends. A panic in it is recovered,
// logged with its stack and counted (kb.Panicked), and the watcher starts
// again: live reload must outlive a bug in it, and so must the bot.
func watchKnowledge(ctx context.Context, kb *reload.Holder, log *slog.Logger, watch func(context.Context) error) {
	for ctx.Err() == nil {
		panicked := func() (panicked bool) {
			defer func() {
				if r := recover(); r != nil {
					kb.Panicked(log, r, recovery.Stack(0))
					panicked = true
				}
			}()
			if err := watch(ctx); err != nil {
				log.Error("knowledge reload disabled", "err", err)
			}
			return false
		}()
		if !panicked {
			return
		}
		select {
		case <-ctx.Done():
		case <-time.After(watchRestart):
			log.Info("knowledge watcher restarted after a panic")
		}
	}
}

// userKey keys the hash that names users in the store's keys: secret and
// the same on every replica of the app, so it comes from the bot token
// (`engagiert forget` derives it the same way). A new token starts new
// keys; the old ones expire.
func userKey(botToken string) []byte {
	k := sha256.Sum256([]byte("engagiert user ids\x00" + botToken))
	return k[:]
}

// ignoreHUP takes SIGHUPs while the knowledge is the embedded base, which
// cannot change, so that a reload request does not stop the bot.
func ignoreHUP(ctx context.Context, hup <-chan os.Signal, log *slog.Logger) {
	for {
		select {
		case <-ctx.Done():
			return
		case sig := <-hup:
			log.Warn("knowledge reload ignored: the knowledge is embedded in the binary; set ENGAGIERT_KNOWLEDGE to a directory to reload it",
				"signal", sig.String())
		}
	}
}

// knowledgeOf reports kb's base and when it was loaded, as
// slackapp.Config.Knowledge wants them.
func knowledgeOf(kb *reload.Holder) func() (*domain.Base, time.Time) {
	return func() (*domain.Base, time.Time) { return kb.Base(), kb.LoadedAt() }
}

// relativeTo returns a function that drops dir (as given, and as an
// absolute path) from the paths in a text.
func relativeTo(dir string) func(string) string {
	var prefixes []string
	if dir != "" {
		if abs, err := filepath.Abs(dir); err == nil {
			prefixes = append(prefixes, abs+string(filepath.Separator))
		}
		prefixes = append(prefixes, filepath.Clean(dir)+string(filepath.Separator))
	}
	return func(text string) string {
		for _, p := range prefixes {
			text = strings.ReplaceAll(text, p, "")
		}
		return text
	}
}

// reloadStatus is how /readyz shows reload.Status.
// Files are named relative to the knowledge directory dir: /readyz is not
// authenticated, and the directory's place on the host is no one's business.
func reloadStatus(s reload.Status, dir string) slackapp.ReloadStatus {
	rel := relativeTo(dir)
	r := slackapp.ReloadStatus{Reloads: s.Reloads, Failures: s.Failures, LastError: rel(s.LastError), StuckLoads: s.StuckLoads}
	for _, p := range s.LastProblems {
		r.LastProblems = append(r.LastProblems, rel(p))
	}
	if !s.LastErrorAt.IsZero() {
		r.LastErrorAt = s.LastErrorAt.UTC().Format(time.RFC3339)
	}
	if !s.InProgressSince.IsZero() {
		r.InProgressSince = s.InProgressSince.UTC().Format(time.RFC3339)
	}
	return r
}
