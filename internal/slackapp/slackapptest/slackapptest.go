// Package slackapptest is the one Slack that tests talk to: a fake Web API
// and response_url host that records every call and checks it as Slack
// would (apicheck), answers as Slack documents, and can be told to answer
// otherwise (errors, rate limits, hangs) or to keep the bot's posts and show
// them again as Slack shows threads to every replica; the Socket Mode side
// of it on slack-go's slacktest (envelopes out, acks back); and requests
// signed as Slack signs them. Tests of slackapp and of the whole program
// share it, so a fake Slack is written once (mattermost's plugin
// testhelper and go-github's setup(t) are the models). It is test support:
// only tests import it.
package slackapptest

import (
	"cmp"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/engagiert/engagiert/internal/slackapp/apicheck"
)

// PostTS is the ts the fake gives every message chat.postMessage posts,
// unless told otherwise (WithPostTS): a test can name the message the bot
// posted, as Slack's answer names it.
const PostTS = "1700000000.000100"

// Call is one request the fake Slack received.
type Call struct {
	// Method is the Web API method ("chat.postMessage"), or "response_url"
	// for a post to a response_url (a path under /hooks/).
	Method string
	// Path is the request's path, for a response_url the hook's.
	Path string
	// Form is a form-encoded body (slack-go posts most methods so).
	Form url.Values
	// JSON is a JSON body (response_urls, views): decoded for assertions.
	JSON map[string]any
	// Body is the body as sent.
	Body []byte
	// Token is the token the call came with: the bearer token or the form's.
	Token string
	// Attempt counts the calls of Method so far, this one included (1, 2, …):
	// a fault can fail the first attempt and let the retry through.
	Attempt int
	// At is when the call arrived.
	At time.Time
}

// Handler answers a call in place of the fake's default answer (a fault, a
// canned body, a hang) and reports whether it did; one that only delays
// some calls, or fails only the first attempt, returns false for the rest,
// and the fake answers them as usual. The call is recorded and checked
// before.
type Handler func(w http.ResponseWriter, r *http.Request, c Call) bool

// Server is Slack's Web API and its response_url host. It records every
// call and checks it with apicheck (the test fails at its end for a
// payload Slack refuses), and answers each method as Slack documents it.
type Server struct {
	// The bot's identity, as auth.test tells it.
	BotUser, BotID, Team string
	// Channels are names conversations.info gives channel ids; others are
	// #allgemein.
	Channels map[string]string

	base, api string
	postTS    func(n int) string
	threads   bool

	mu       sync.Mutex
	calls    []Call
	attempts map[string]int
	handlers map[string]Handler
	posts    []map[string]any // what chat.postMessage posted, as Slack shows messages
	refused  apicheck.Log
}

// Option changes a Server before it serves.
type Option func(*Server)

// WithBot sets the bot's user id, bot id and team, as auth.test answers them.
func WithBot(user, bot, team string) Option {
	return func(s *Server) { s.BotUser, s.BotID, s.Team = user, bot, team }
}

// WithPostTS makes the n-th post (0, 1, …) get ts(n) instead of PostTS,
// for a conversation whose messages must differ.
func WithPostTS(ts func(n int) string) Option { return func(s *Server) { s.postTS = ts } }

// WithThreads keeps what chat.postMessage posts, with its metadata, and
// shows it again through conversations.replies (the thread named by ts)
// and conversations.history (messages outside threads), to every replica
// that asks, as Slack does. Without it both are empty: a workspace the
// bot has not posted in.
func WithThreads() Option { return func(s *Server) { s.threads = true } }

// New starts a fake Slack on a loopback port until the test ends.
func New(t testing.TB, opts ...Option) *Server {
	t.Helper()
	s := newServer(t, opts)
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	s.base, s.api = srv.URL, srv.URL+"/api/"
	return s
}

func newServer(t testing.TB, opts []Option) *Server {
	s := &Server{BotUser: "UBOT", BotID: "BBOT", Team: "T1",
		Channels: map[string]string{"CPADERBORN": "paderborn", "CBIELEFELD": "bielefeld", "CES": "engagierte-stadt"},
		postTS:   func(int) string { return PostTS },
		attempts: map[string]int{}, handlers: map[string]Handler{}}
	for _, o := range opts {
		o(s)
	}
	s.refused.ReportAtEnd(t)
	return s
}

// APIURL is the Web API's URL, for Config.APIURL or SLACK_API_URL.
func (s *Server) APIURL() string { return s.api }

// Hooks is where response_urls on the fake point ("…/hooks"): the Web
// API's host, which the bot allows them on.
func (s *Server) Hooks() string { return s.base + "/hooks" }

// Handle makes the fake answer method ("*": every method) with h, until
// Reset; a method's own handler goes before "*".
func (s *Server) Handle(method string, h Handler) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.handlers[method] = h
}

// Reset gives method back its default answer.
func (s *Server) Reset(method string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.handlers, method)
}

// Answer makes the fake answer method with body (status 200).
func (s *Server) Answer(method, body string) { s.Fail(method, http.StatusOK, body) }

// Fail makes the fake answer method with status and body.
func (s *Server) Fail(method string, status int, body string) {
	s.Handle(method, func(w http.ResponseWriter, _ *http.Request, _ Call) bool {
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body)
		return true
	})
}

// Refuse makes the fake answer method as Slack refuses a call: 200,
// {"ok":false,"error":slackError} ("invalid_auth", "channel_not_found").
func (s *Server) Refuse(method, slackError string) {
	b, _ := json.Marshal(map[string]any{"ok": false, "error": slackError})
	s.Fail(method, http.StatusOK, string(b))
}

// Calls returns the calls of method, in order.
func (s *Server) Calls(method string) []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Call
	for _, c := range s.calls {
		if c.Method == method {
			out = append(out, c)
		}
	}
	return out
}

// Posts returns the forms of the chat.postMessage calls, in order.
func (s *Server) Posts() []url.Values {
	var out []url.Values
	for _, c := range s.Calls("chat.postMessage") {
		out = append(out, c.Form)
	}
	return out
}

// WaitFor waits until the calls so far satisfy ok and returns them; the
// test fails if they do not within 10 s. For an App that answers in the
// background (a served bot, Socket Mode).
func (s *Server) WaitFor(t testing.TB, what string, ok func([]Call) bool) []Call {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if cs := s.All(); ok(cs) {
			return cs
		}
	}
	t.Fatalf("the fake Slack never saw %s; it got %v", what, Methods(s.All()))
	return nil
}

// Methods are the methods of calls, in order.
func Methods(calls []Call) []string {
	var out []string
	for _, c := range calls {
		out = append(out, c.Method)
	}
	return out
}

// All returns every call, in order.
func (s *Server) All() []Call { return s.Since(0) }

// Since returns the calls after the first n.
func (s *Server) Since(n int) []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Call(nil), s.calls[n:]...)
}

// Count is the number of calls so far.
func (s *Server) Count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.calls)
}

// ServeHTTP records, checks and answers one call.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	c := Call{Method: strings.TrimPrefix(strings.TrimPrefix(r.URL.Path, "/api"), "/"), Path: r.URL.Path, Body: body, At: time.Now()}
	if strings.HasPrefix(r.URL.Path, "/hooks/") {
		c.Method = "response_url"
	}
	if strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		_ = json.Unmarshal(body, &c.JSON)
	} else {
		c.Form, _ = url.ParseQuery(string(body))
	}
	c.Token = strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ") + c.Form.Get("token")
	// Every payload the bot sends must be one Slack takes.
	s.refused.Check(c.Method, c.Form, body)

	s.mu.Lock()
	s.attempts[c.Method]++
	c.Attempt = s.attempts[c.Method]
	s.calls = append(s.calls, c)
	h, ok := s.handlers[c.Method]
	if !ok {
		h = s.handlers["*"]
	}
	s.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	if h != nil && h(w, r, c) {
		return
	}
	s.respond(w, c)
}

// respond writes Slack's answer to c, as its docs show it.
func (s *Server) respond(w http.ResponseWriter, c Call) {
	write := func(v map[string]any) {
		v["ok"] = true
		_ = json.NewEncoder(w).Encode(v)
	}
	switch c.Method {
	case "auth.test":
		write(map[string]any{"url": "https://x.slack.com/", "team": "T", "user": "engagiert",
			"team_id": s.Team, "user_id": s.BotUser, "bot_id": s.BotID})
	case "chat.postMessage":
		write(map[string]any{"channel": c.Form.Get("channel"), "ts": s.post(c.Form)})
	case "chat.postEphemeral":
		write(map[string]any{"message_ts": "1700000000.000900"})
	case "views.publish":
		write(map[string]any{"view": map[string]any{"id": "V1", "type": "home"}})
	case "views.open", "views.update":
		write(map[string]any{"view": map[string]any{"id": "VMODAL1", "type": "modal"}})
	case "conversations.info":
		id := c.Form.Get("channel")
		write(map[string]any{"channel": map[string]any{"id": id, "name": cmp.Or(s.Channels[id], "allgemein")}})
	case "conversations.replies":
		write(map[string]any{"messages": s.messages(c.Form.Get("channel"), c.Form.Get("ts")), "has_more": false})
	case "conversations.history":
		write(map[string]any{"messages": s.messages(c.Form.Get("channel"), ""), "has_more": false})
	default:
		write(map[string]any{})
	}
}

// post keeps a posted message, as Slack shows it, and returns its ts.
func (s *Server) post(form url.Values) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	ts := s.postTS(len(s.posts))
	m := map[string]any{"type": "message", "user": s.BotUser, "bot_id": s.BotID, "text": form.Get("text"), "ts": ts,
		"channel": form.Get("channel"), "thread_ts": form.Get("thread_ts")}
	var md map[string]any
	if json.Unmarshal([]byte(form.Get("metadata")), &md) == nil {
		m["metadata"] = md
	}
	s.posts = append(s.posts, m)
	return ts
}

// messages are the posts in channel's thread (thread "": outside threads),
// with WithThreads; none without. Every post answers something before it,
// so "oldest" is not needed to tell them apart.
func (s *Server) messages(channel, thread string) []map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []map[string]any{}
	if !s.threads {
		return out
	}
	for _, m := range s.posts {
		if m["channel"] == channel && m["thread_ts"] == thread {
			out = append(out, m)
		}
	}
	return out
}

// RepliesTo counts the bot's answers to the message ts in channel: the
// posts whose metadata says they reply to it.
func (s *Server) RepliesTo(channel, ts string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, m := range s.posts {
		md, _ := m["metadata"].(map[string]any)
		p, _ := md["event_payload"].(map[string]any)
		if m["channel"] == channel && p["reply_to"] == ts {
			n++
		}
	}
	return n
}

// Hang is a Handler that does not answer until the call is given up or
// release is closed: a Web API that hangs. Close release in a Cleanup
// registered after New, so it runs before the server waits for its calls.
func Hang(release <-chan struct{}) Handler {
	return func(_ http.ResponseWriter, r *http.Request, _ Call) bool {
		select {
		case <-r.Context().Done():
		case <-release:
		}
		return true
	}
}

// RateLimited is a Handler that answers as Slack's rate limit does: 429,
// Retry-After seconds.
func RateLimited(seconds int) Handler {
	return func(w http.ResponseWriter, _ *http.Request, _ Call) bool {
		w.Header().Set("Retry-After", strconv.Itoa(seconds))
		w.WriteHeader(http.StatusTooManyRequests)
		_, _ = io.WriteString(w, `{"ok":false,"error":"ratelimited"}`)
		return true
	}
}

// First answers the first call it gets with h, and leaves the rest to the
// fake: a fault the bot's retry gets past.
func First(h Handler) Handler {
	var done atomic.Bool
	return func(w http.ResponseWriter, r *http.Request, c Call) bool {
		return done.CompareAndSwap(false, true) && h(w, r, c)
	}
}
