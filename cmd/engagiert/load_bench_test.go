package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode"

	"github.com/engagiert/engagiert/internal/reload"
	"github.com/engagiert/engagiert/internal/slackapp"
	"github.com/engagiert/engagiert/internal/slackapp/slackapptest"
	"github.com/engagiert/engagiert/internal/store"
	"github.com/prometheus/client_golang/prometheus"
)

// Speed under load (issue "Ship and run it", item 6), on 2 cores: signed
// slash commands at 64 concurrent keep-alive connections get no errors, a
// p99 <= 50 ms, and at least half the requests per second of a yardstick
// handler that only verifies the signature and writes a fixed answer.
// Run: go test ./cmd/engagiert -run '^$' -bench LoadSlash -benchtime 1x

const (
	loadWorkers  = 64
	loadRequests = 20_000          // per server and iteration
	loadRounds   = 4               // the servers take turns, n/loadRounds requests each
	loadDeadline = 2 * time.Minute // for all rounds; requests not sent by then count as errors
	loadSecret   = "load-signing-secret-3f9a"
	loadToken    = "xoxb-load-bot-token-77c1"
)

// loadTarget is a bot (or yardstick) on a loopback server, with what it needs
// to be loaded and checked.
type loadTarget struct {
	url     string                 // http://127.0.0.1:port/slack/commands
	hookURL string                 // a response_url that reaches hooks
	hooks   *atomic.Int64          // posts to the response_url sink
	logs    *leakWriter            // the bot's logs
	app     *slackapp.App          // nil for the yardstick
	check   func(body []byte) bool // reports whether a 200 body is a real answer
}

// leakWriter takes the bot's JSON logs and remembers whether one carried a
// secret, without keeping 20,000 requests' worth of lines.
type leakWriter struct {
	mu     sync.Mutex
	n      int
	leaked []string
}

func (w *leakWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.n += len(p)
	for _, s := range []string{loadSecret, loadToken} {
		if bytes.Contains(p, []byte(s)) {
			w.leaked = append(w.leaked, string(p))
		}
	}
	return len(p), nil
}

func (w *leakWriter) leaks() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return slices.Clone(w.leaked)
}

// loopbackServer serves h on 127.0.0.1 with serve's server settings; a plain
// http.Server, since httptest.Server's connection tracking takes a lock on
// every request and shows up under 64 connections.
func loopbackServer(tb testing.TB, h http.Handler) (url string) {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = srv.Serve(ln)
	}()
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := srv.Shutdown(ctx); err != nil {
			tb.Errorf("shutdown %s: %v", ln.Addr(), err)
		}
		<-done
	})
	return "http://" + ln.Addr().String()
}

// hookSink stands in for Slack's response_url hooks and Web API.
func hookSink(tb testing.TB) (string, *atomic.Int64) {
	var n atomic.Int64
	u := loopbackServer(tb, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		n.Add(1)
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"ok":true}`)
	}))
	return u, &n
}

// startBot serves the real App over the embedded knowledge, as serve does,
// with its answer and response caches.
func startBot(tb testing.TB) *loadTarget {
	tb.Helper()
	logs := &leakWriter{}
	log := slog.New(slog.NewJSONHandler(logs, nil))
	snap, err := loadServing("", log)
	if err != nil {
		tb.Fatal(err)
	}
	kb := reload.NewHolder(snap, reload.Options{})
	sink, hooks := hookSink(tb)
	app, err := slackapp.New(slackapp.Config{
		ResponseCache: 0, // serve's default
		Asker:         kb,
		Knowledge:     knowledgeOf(kb),
		BotToken:      loadToken,
		SigningSecret: loadSecret,
		APIURL:        sink + "/api/",
		Logger:        log,
		Registry:      prometheus.NewRegistry(),
		// As serve runs with every conversation feature on: the Store that
		// tracks threads, votes and forwards, and a curators' channel.
		Store:          store.NewMemory(0, 0),
		CuratorChannel: "CCURATORS",
	})
	if err != nil {
		tb.Fatal(err)
	}
	srv := loopbackServer(tb, app.Handler())
	return &loadTarget{
		url: srv + "/slack/commands", hookURL: sink + "/hooks/commands/T0001/1/x", hooks: hooks, logs: logs, app: app,
		check: func(body []byte) bool {
			return bytes.Contains(body, []byte(`"response_type":"ephemeral"`)) && bytes.Contains(body, []byte(`"blocks":[`))
		},
	}
}

// startYardstick serves the least a Slack endpoint must do: read the body,
// verify the signature, write a fixed answer. The fixed answer is one the bot
// really gives (see typicalAnswer), so both write bodies of the same size and
// the comparison shows what answering costs, not what bytes on the wire cost.
func startYardstick(tb testing.TB, fixed []byte) *loadTarget {
	tb.Helper()
	srv := loopbackServer(tb, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, slackapp.MaxBodyBytes))
		if err != nil {
			http.Error(w, "cannot read body", http.StatusBadRequest)
			return
		}
		if err := slackapp.Verify(r.Header, body, loadSecret); err != nil {
			http.Error(w, "invalid signature", http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(fixed)
	}))
	return &loadTarget{
		url:   srv + "/slack/commands",
		hooks: new(atomic.Int64),
		logs:  &leakWriter{},
		check: func(body []byte) bool { return bytes.Equal(body, fixed) },
	}
}

// typicalAnswer asks the bot every question once and returns the response
// body of median size.
func typicalAnswer(tb testing.TB, client *http.Client, bot *loadTarget, reqs []loadRequest) []byte {
	tb.Helper()
	var bodies [][]byte
	for _, lr := range reqs {
		req, err := http.NewRequest(http.MethodPost, bot.url, bytes.NewReader(lr.body))
		if err != nil {
			tb.Fatal(err)
		}
		req.Header = lr.header.Clone()
		resp, err := client.Do(req)
		if err != nil {
			tb.Fatal(err)
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusOK {
			tb.Fatalf("typical answer: %v, status %d", err, resp.StatusCode)
		}
		bodies = append(bodies, b)
	}
	slices.SortFunc(bodies, func(a, b []byte) int { return len(a) - len(b) })
	return bodies[len(bodies)/2]
}

// loadRequest is one prepared slash command: body and signed headers.
type loadRequest struct {
	body   []byte
	header http.Header
}

// slashRequests signs one slash command per question, in Slack's documented
// form, now: a phase must end within Slack's five minutes.
func slashRequests(qs []string, responseURL string) []loadRequest {
	now := time.Now()
	out := make([]loadRequest, len(qs))
	for i, q := range qs {
		form := url.Values{
			"token":                 {"gIkuvaNzQIHg97ATvDxqgjtO"},
			"team_id":               {"T0001"},
			"team_domain":           {"example"},
			"enterprise_id":         {"E0001"},
			"enterprise_name":       {"Globular Construct Inc"},
			"channel_id":            {"C2147483705"},
			"channel_name":          {"test"},
			"user_id":               {fmt.Sprintf("U%07d", i)},
			"user_name":             {"Steve"},
			"command":               {"/engagiert"},
			"text":                  {q},
			"response_url":          {responseURL},
			"trigger_id":            {"13345224609.738474920.8088930838d88f008e0"},
			"api_app_id":            {"A123456"},
			"is_enterprise_install": {"false"},
		}
		body := []byte(form.Encode())
		h := slackapptest.Sign(loadSecret, now, body)
		h.Set("Content-Type", slackapptest.Form)
		out[i] = loadRequest{body: body, header: h}
	}
	return out
}

// loadResult is what one phase measured.
type loadResult struct {
	n, errors int
	elapsed   time.Duration
	lat       []time.Duration // sorted
	firstErr  string
}

func (r loadResult) rps() float64 { return float64(r.n) / r.elapsed.Seconds() }

func (r loadResult) pct(p float64) time.Duration {
	if len(r.lat) == 0 {
		return 0
	}
	return r.lat[int(p*float64(len(r.lat)-1))]
}

func (r loadResult) String() string {
	return fmt.Sprintf("%d requests in %v: %.0f rps, p50 %v, p99 %v, max %v, %d errors",
		r.n, r.elapsed.Round(time.Millisecond), r.rps(), r.pct(0.5), r.pct(0.99), r.pct(1), r.errors)
}

// newLoadClient keeps one connection per worker alive.
func newLoadClient() *http.Client {
	return &http.Client{
		Timeout: 10 * time.Second,
		Transport: &http.Transport{
			Proxy:               nil,
			DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
			MaxIdleConns:        loadWorkers,
			MaxIdleConnsPerHost: loadWorkers,
			IdleConnTimeout:     time.Minute,
			DisableCompression:  true,
		},
	}
}

// loadPhase sends n requests from workers goroutines, round-robin over reqs,
// and stops early at stop (the unsent requests count as errors).
func loadPhase(client *http.Client, t *loadTarget, reqs []loadRequest, n, workers int, stop time.Time) loadResult {
	lat := make([]time.Duration, n)
	ok := make([]bool, n)
	var next atomic.Int64
	var errMu sync.Mutex
	var firstErr string
	fail := func(s string) {
		errMu.Lock()
		if firstErr == "" {
			firstErr = s
		}
		errMu.Unlock()
	}
	start := time.Now()
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			var buf bytes.Buffer
			for {
				i := int(next.Add(1) - 1)
				if i >= n || time.Now().After(stop) {
					return
				}
				lr := reqs[i%len(reqs)]
				req, err := http.NewRequest(http.MethodPost, t.url, bytes.NewReader(lr.body))
				if err != nil {
					fail(err.Error())
					continue
				}
				req.Header = lr.header.Clone()
				t0 := time.Now()
				resp, err := client.Do(req)
				if err != nil {
					fail(err.Error())
					continue
				}
				buf.Reset()
				_, err = buf.ReadFrom(resp.Body)
				resp.Body.Close()
				lat[i] = time.Since(t0)
				switch {
				case err != nil:
					fail(err.Error())
				case resp.StatusCode != http.StatusOK:
					fail(fmt.Sprintf("status %d: %.200s", resp.StatusCode, buf.Bytes()))
				case !t.check(buf.Bytes()):
					fail(fmt.Sprintf("not an answer: %.200s", buf.Bytes()))
				default:
					ok[i] = true
				}
			}
		})
	}
	wg.Wait()
	r := loadResult{n: n, elapsed: time.Since(start), firstErr: firstErr}
	r.lat = make([]time.Duration, 0, n)
	for i := range n {
		if ok[i] {
			r.lat = append(r.lat, lat[i])
		} else {
			r.errors++
		}
	}
	if r.errors > 0 && r.firstErr == "" {
		r.firstErr = "deadline reached before all requests were sent"
	}
	slices.Sort(r.lat)
	return r
}

// distinctQuestions returns the questions from..from+n-1 of a sequence no
// cache has seen: the g-th is the g-th of qs (repeats left out) with the
// case of its letters changed after the bits of 1+g/len(qs) (bit j changes
// the j-th letter). The engine folds case, so it reads each as the
// question it varies; the bot's caches key by the text, so each is new to
// them, as every question of a team that never asks the same thing twice
// is. Only a question of few letters can come round again, after
// 2^letters of its variants.
func distinctQuestions(qs []string, from, n int) []string {
	seen := map[string]bool{}
	taken := map[string]bool{} // every eval question as typed: a variant must not be one
	var uniq []string
	for _, q := range qs {
		taken[slackapp.Question(q, "")] = true
		// Alike as the cache keys them ("Ist X kreisfrei?" and "ist x
		// kreisfrei"), not only in letter case.
		if k := strings.ToLower(slackapp.Question(q, "")); !seen[k] {
			seen[k] = true
			uniq = append(uniq, q)
		}
	}
	flipped := func(q string, pattern int) string {
		letter := 0
		return strings.Map(func(r rune) rune {
			if !unicode.IsLetter(r) {
				return r
			}
			flip := pattern>>letter&1 == 1
			letter++
			switch {
			case !flip:
				return r
			case unicode.IsUpper(r):
				return unicode.ToLower(r)
			}
			return unicode.ToUpper(r)
		}, q)
	}
	out := make([]string, n)
	for i := range out {
		g := from + i
		q := uniq[g%len(uniq)]
		out[i] = flipped(q, 1+g/len(uniq))
		// A variant another eval question already spells is no new
		// question: flip one more letter, past all patterns of the run.
		for step := 1; taken[slackapp.Question(out[i], "")] && step < 64; step++ {
			out[i] = flipped(q, (1+g/len(uniq))|(1<<(20+step)))
		}
	}
	return out
}

// loadBoth loads the yardstick, then the bot, with the same signed questions
// and the same client, after a warm-up of each. With nocache, a third phase
// loads the bot (a second one, as serve runs it) with distinctQuestions:
// every request a question it has not seen, so it searches and renders
// every one, and its caches only take what they will not give back.
func loadBoth(tb testing.TB, n, workers int, nocache bool) (bot, yard, nocacheBot loadResult, botT *loadTarget) {
	tb.Helper()
	// A team's repertoire: a fixed number of distinct questions, fewer
	// than the answer caches hold, so the mix measures a cache that serves
	// (the eval set grows past the caches' size; cycling through all of it
	// in order would miss every time).
	qs := evalQuestions(tb)
	qs = qs[:min(len(qs), loadMix)]
	// A few questions a user types that are not in the eval set: help, a
	// typo, markup, a long text, and bytes that are not UTF-8.
	qs = append(qs, "hilfe", "", "Bielefled", "<@U123> Wie wird das Wetter?", strings.Repeat("Lemgo ", 40),
		"M\xfcnchen", "\xff\xfe Bielefeld \xc3")
	botT = startBot(tb)
	client := newLoadClient()
	defer client.CloseIdleConnections()
	fixed := typicalAnswer(tb, client, botT, slashRequests(qs, botT.hookURL))
	yardT := startYardstick(tb, fixed)
	targets := []*loadTarget{yardT, botT}
	var nocacheT *loadTarget
	if nocache {
		nocacheT = startBot(tb)
		targets = append(targets, nocacheT)
	}
	sinkURL := botT.hookURL // used only when an answer misses the slash deadline
	stop := time.Now().Add(loadDeadline)
	warm := min(n, 2*len(qs)+workers)
	for _, t := range targets {
		if r := loadPhase(client, t, slashRequests(qs, sinkURL), warm, workers, stop); r.errors > 0 {
			tb.Fatalf("warm-up of %s: %v; first error: %s", t.url, r, r.firstErr)
		}
	}
	// The servers take turns in rounds, so that a neighbour busy on the
	// machine for a while slows all of them alike.
	var yards, bots, nocaches []loadResult
	per := max(1, n/loadRounds)
	for round := 0; round*per < n; round++ {
		m := min(per, n-round*per)
		yards = append(yards, loadPhase(client, yardT, slashRequests(qs, sinkURL), m, workers, stop))
		bots = append(bots, loadPhase(client, botT, slashRequests(qs, sinkURL), m, workers, stop))
		if nocache {
			distinct := distinctQuestions(qs, round*per, m)
			nocaches = append(nocaches, loadPhase(client, nocacheT, slashRequests(distinct, sinkURL), m, workers, stop))
		}
	}
	bot, yard, nocacheBot = mergeLoad(bots), mergeLoad(yards), mergeLoad(nocaches)
	if nocacheBot.errors > 0 {
		tb.Errorf("bot without answer cache: %v; first error: %s", nocacheBot, nocacheBot.firstErr)
	}
	return bot, yard, nocacheBot, botT
}

func checkLoad(tb testing.TB, bot, yard loadResult, botT *loadTarget) {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := botT.app.Wait(ctx); err != nil {
		tb.Errorf("bot: answers still in flight: %v", err)
	}
	if yard.errors > 0 {
		tb.Errorf("yardstick: %v; first error: %s", yard, yard.firstErr)
	}
	if bot.errors > 0 {
		tb.Errorf("bot: %v; first error: %s", bot, bot.firstErr)
	}
	if h := botT.hooks.Load(); h > 0 {
		tb.Errorf("bot: %d answers were slower than the slash deadline and went to response_url", h)
	}
	if l := botT.logs.leaks(); len(l) > 0 {
		tb.Errorf("bot logs carry a secret: %s", l[0])
	}
}

// TestLoadSmoke runs the load path briefly in the normal test suite: the
// real App over the embedded knowledge, 64 concurrent connections, no errors.
func TestLoadSmoke(t *testing.T) {
	t.Parallel()
	n := 500
	if testing.Short() {
		n = 100
	}
	bot, yard, _, botT := loadBoth(t, n, loadWorkers, false)
	checkLoad(t, bot, yard, botT)
	t.Logf("bot:       %v", bot)
	t.Logf("yardstick: %v", yard)
}

// loadMix is how many distinct eval questions the cached mix repeats.
const loadMix = 3000

// BenchmarkLoadSlashCommands: one iteration is loadRequests slash commands
// to the yardstick, then to the bot. Metrics: requests per second and
// latency percentiles of each, ratio = bot-rps / yard-rps, errors. The bot
// runs as serve runs it, with its answer cache; the question mix repeats, as
// a team's questions do, so most answers come from the cache. The nocache-*
// figures are the same bot with every request a distinct question
// (distinctQuestions), none answered from a cache: nocache-ratio =
// nocache-rps / yard-rps. The gap between the two ratios is the cost of
// answering and rendering a new question.
func BenchmarkLoadSlashCommands(b *testing.B) {
	tuneGC(os.Getenv) // as ask and serve do once the knowledge is loaded
	var bots, yards, nocaches []loadResult
	var botT *loadTarget
	for b.Loop() {
		bot, yard, nocache, t := loadBoth(b, loadRequests, loadWorkers, true)
		bots, yards, nocaches, botT = append(bots, bot), append(yards, yard), append(nocaches, nocache), t
	}
	bot, yard, nocache := mergeLoad(bots), mergeLoad(yards), mergeLoad(nocaches)
	b.ReportMetric(bot.rps(), "bot-rps")
	b.ReportMetric(millis(bot.pct(0.5)), "bot-p50-ms")
	b.ReportMetric(millis(bot.pct(0.99)), "bot-p99-ms")
	b.ReportMetric(yard.rps(), "yard-rps")
	b.ReportMetric(millis(yard.pct(0.5)), "yard-p50-ms")
	b.ReportMetric(millis(yard.pct(0.99)), "yard-p99-ms")
	b.ReportMetric(bot.rps()/yard.rps(), "ratio")
	b.ReportMetric(float64(bot.errors+yard.errors), "errors")
	b.ReportMetric(nocache.rps(), "nocache-rps")
	b.ReportMetric(millis(nocache.pct(0.99)), "nocache-p99-ms")
	b.ReportMetric(nocache.rps()/yard.rps(), "nocache-ratio")
	b.Logf("bot:       %v", bot)
	b.Logf("yardstick: %v", yard)
	b.Logf("bot without answer cache: %v", nocache)
	checkLoad(b, bot, yard, botT)
	if b.Failed() {
		b.FailNow()
	}
	if bot.errors+yard.errors > 0 {
		b.Fatalf("%d errors", bot.errors+yard.errors)
	}
}

func mergeLoad(rs []loadResult) loadResult {
	var m loadResult
	for _, r := range rs {
		m.n += r.n
		m.errors += r.errors
		m.elapsed += r.elapsed
		m.lat = append(m.lat, r.lat...)
		if m.firstErr == "" {
			m.firstErr = r.firstErr
		}
	}
	slices.Sort(m.lat)
	return m
}

func millis(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// TestDistinctQuestions: the uncached phase of the load benchmark asks
// 20,000 questions the bot's caches have not seen, each a question of the
// eval in other letter case.
func TestDistinctQuestions(t *testing.T) {
	t.Parallel()
	qs := evalQuestions(t)
	seen := map[string]bool{}
	for _, q := range qs {
		seen[slackapp.Question(q, "")] = true
	}
	const n = loadRequests
	repeats := 0
	for i, q := range distinctQuestions(qs, 0, n) {
		if !slices.ContainsFunc(qs, func(orig string) bool { return strings.EqualFold(q, orig) }) {
			t.Fatalf("question %d = %q, want an eval question in other letter case", i, q)
		}
		if key := slackapp.Question(q, ""); seen[key] {
			repeats++
		} else {
			seen[key] = true
		}
	}
	if repeats > n/100 {
		t.Errorf("%d of %d questions asked before, want at most 1%%", repeats, n)
	}
	t.Logf("%d of %d questions asked before", repeats, n)
}
