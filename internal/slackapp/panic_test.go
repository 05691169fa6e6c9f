package slackapp

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/domain/domaintest"
	"github.com/engagiert/engagiert/internal/slackapp/slackapptest"
	"github.com/engagiert/engagiert/internal/store"
)

// panicky answers like answerFor, but panics on any question with "Boom",
// as an engine with a bug would.
func panicky(ctx context.Context, q string) domain.Answer {
	if strings.Contains(q, "Boom") {
		var list []int
		_ = list[len(q)] // index out of range
	}
	return answerFor(ctx, q)
}

// panicStore is a Store whose FirstSeen panics while boom is set.
type panicStore struct {
	Store
	boom atomic.Bool
}

func (s *panicStore) FirstSeen(ctx context.Context, key string, ttl time.Duration) (bool, error) {
	if s.boom.Load() {
		panic("store exploded")
	}
	return s.Store.FirstSeen(ctx, key, ttl)
}

var _ Store = (*panicStore)(nil)

// checkPanicLogged checks the n-th "panic recovered" record: at ERROR,
// where, a stack naming fn, and the attrs that tie it to its request.
func checkPanicLogged(t *testing.T, logs *syncBuffer, n int, where, fn string, attrs ...string) {
	t.Helper()
	rs := logs.Records("panic recovered")
	if len(rs) <= n {
		t.Fatalf("%d panic records, want #%d:\n%s", len(rs), n+1, logs.String())
	}
	r := rs[n]
	if r["level"] != "ERROR" || r["where"] != where || !strings.Contains(fmt.Sprint(r["stack"]), fn) {
		t.Errorf("panic record %v, want ERROR, where=%s, a stack through %s", r, where, fn)
	}
	for _, a := range attrs {
		if s, _ := r[a].(string); s == "" {
			t.Errorf("panic record %v lacks %s", r, a)
		}
	}
}

// TestPanicsOverHTTP: an engine that panics costs one answer, which
// becomes an apology; the bot answers the next request as usual.
func TestPanicsOverHTTP(t *testing.T) {
	f := setup(t, nil)
	f.asker.ask = panicky

	// A slash command gets the apology as its response, and is not cached.
	for range 2 {
		rec := f.post(t, "/slack/commands", "application/x-www-form-urlencoded", slackapptest.SlashBody("Boom", f.slack.Hooks()+"/1"), nil)
		if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "schiefgegangen") {
			t.Fatalf("/engagiert Boom = %d %s, want the apology", rec.Code, rec.Body)
		}
	}
	f.wait(t)
	if got := counterValue(t, f.app.metrics.panics.WithLabelValues(PanicAnswer)); got != 2 {
		t.Errorf("engagiert_panics_total{where=answer} = %v, want 2 (an apology is never cached)", got)
	}
	checkPanicLogged(t, f.logs, 0, PanicAnswer, "panicky", "request_id")

	// A mention: the apology in its thread, then the next mention answered.
	boom := strings.Replace(string(testdata(t, "app_mention.json")), "is it everything a river should be?", "Boom", 1)
	f.event(t, []byte(boom))
	f.event(t, []byte(nextMention(t)))
	posts := f.slack.Calls("chat.postMessage")
	if len(posts) != 2 || !strings.Contains(posts[0].Form.Get("text"), "schiefgegangen") || posts[0].Form.Get("thread_ts") != mentionTS ||
		!strings.Contains(posts[1].Form.Get("text"), "Bielefeld ist") {
		t.Fatalf("posts %v, want the apology in the thread, then the next answer", posts)
	}
	checkPanicLogged(t, f.logs, 2, PanicAnswer, "panicky", "request_id", "event_id")
	rec := f.post(t, "/slack/commands", "application/x-www-form-urlencoded", slackapptest.SlashBody("Bielefeld", f.slack.Hooks()+"/1"), nil)
	if !strings.Contains(rec.Body.String(), "Bielefeld ist") {
		t.Errorf("/engagiert Bielefeld after the panics = %s", rec.Body)
	}
	f.wait(t)
}

// TestEnginePanickedCounted: an answer the engine recovered itself
// (Answer.Panicked) is counted and logged with the request's ids.
func TestEnginePanickedCounted(t *testing.T) {
	f := setup(t, nil)
	f.asker.ask = func(_ context.Context, q string) domain.Answer {
		return domain.Answer{Query: q, Failed: true, Panicked: true, Lead: "Bei der Suche ist ein Fehler aufgetreten."}
	}
	f.event(t, testdata(t, "app_mention.json"))
	if got := counterValue(t, f.app.metrics.panics.WithLabelValues(PanicAnswer)); got != 1 {
		t.Errorf("engagiert_panics_total{where=answer} = %v, want 1", got)
	}
	r := f.logs.Record("answer panicked; the engine answered with an apology")
	if r == nil || r["level"] != "ERROR" || r["event_id"] != "Ev123ABC456" {
		t.Errorf("log %v, want an ERROR with the event_id", r)
	}
}

// TestPanicsInBackground: a panic outside the engine (here the Store) in
// the work after the ack is recovered there; the asker of a mention gets
// an apology, and the next event is handled.
func TestPanicsInBackground(t *testing.T) {
	st := &panicStore{Store: store.NewMemory(0, 0)}
	f := setup(t, func(c *Config) { c.Store = st; c.BotUserID = botID })
	st.boom.Store(true)
	f.event(t, testdata(t, "app_mention.json"))
	f.event(t, testdata(t, "message_channels.json")) // not the bot's business: no apology
	st.boom.Store(false)
	f.event(t, []byte(nextMention(t)))
	posts := f.slack.Calls("chat.postMessage")
	if len(posts) != 2 || !strings.Contains(posts[0].Form.Get("text"), "schiefgegangen") || !strings.Contains(posts[1].Form.Get("text"), "Bielefeld ist") {
		t.Fatalf("posts %v, want the apology, then the next answer", posts)
	}
	if got := counterValue(t, f.app.metrics.panics.WithLabelValues(PanicBackground)); got != 2 {
		t.Errorf("engagiert_panics_total{where=background} = %v, want 2", got)
	}
	checkPanicLogged(t, f.logs, 0, PanicBackground, "panicStore", "request_id", "event_id")
}

// TestPanicsInHTTPHandler: a panic in the request itself (here the
// knowledge callback) answers the slash command with the apology, a
// health route with 500, and the server goes on.
func TestPanicsInHTTPHandler(t *testing.T) {
	var boom atomic.Bool
	base := domaintest.NewBase(nil, nil, nil, "v")
	f := setup(t, func(c *Config) {
		c.Knowledge = func() (*domain.Base, time.Time) {
			if boom.Load() {
				panic("knowledge exploded")
			}
			return base, time.Now()
		}
	})
	boom.Store(true)
	rec := f.post(t, "/slack/commands", "application/x-www-form-urlencoded", slackapptest.SlashBody("Bielefeld", f.slack.Hooks()+"/1"), nil)
	var msg slashResponse
	if err := json.Unmarshal(rec.Body.Bytes(), &msg); err != nil || rec.Code != http.StatusOK || msg.ResponseType != "ephemeral" || !strings.Contains(msg.Text, "schiefgegangen") {
		t.Errorf("/engagiert while the handler panics = %d %s, want the ephemeral apology", rec.Code, rec.Body)
	}
	ready := httptest.NewRecorder()
	f.handler.ServeHTTP(ready, httptest.NewRequest("GET", "/readyz", nil))
	if ready.Code != http.StatusInternalServerError {
		t.Errorf("/readyz while it panics = %d, want 500", ready.Code)
	}
	if got := counterValue(t, f.app.metrics.panics.WithLabelValues(PanicHTTP)); got != 2 {
		t.Errorf("engagiert_panics_total{where=http} = %v, want 2", got)
	}
	checkPanicLogged(t, f.logs, 0, PanicHTTP, "TestPanicsInHTTPHandler", "request_id")
	boom.Store(false)
	rec = f.post(t, "/slack/commands", "application/x-www-form-urlencoded", slackapptest.SlashBody("Bielefeld", f.slack.Hooks()+"/1"), nil)
	if !strings.Contains(rec.Body.String(), "Bielefeld ist") {
		t.Errorf("/engagiert after the panic = %s, want the answer", rec.Body)
	}
	f.wait(t)
}

// TestPanicsOverSocketMode: the same over Socket Mode: the slash command's
// ack carries the apology, a mention gets it in its thread, and the next
// envelope is answered.
func TestPanicsOverSocketMode(t *testing.T) {
	s := slackapptest.NewSocket(t)
	logs := &syncBuffer{}
	app := socketApp(t, s, &fakeAsker{ask: panicky}, logs, nil)
	cmd := `{"team_id":"T1","channel_id":"G8PSS9T3V","user_id":"U2CERLKJA","command":"/engagiert","text":"Boom","response_url":"` +
		s.Hooks() + `/commands/1","trigger_id":"1.2.3"}`
	ack := s.Send(t, "slash_commands", "env-p1", []byte(cmd), `,"accepts_response_payload":true`)
	if payload, _ := ack["payload"].(map[string]any); !strings.Contains(fmt.Sprint(payload["text"]), "schiefgegangen") {
		t.Errorf("slash ack = %v, want the apology", ack)
	}
	boom := strings.Replace(string(testdata(t, "app_mention.json")), "is it everything a river should be?", "Boom", 1)
	s.Send(t, "events_api", "env-p2", []byte(boom), "")
	eventually(t, "the apology", func() bool { return len(s.Calls("chat.postMessage")) == 1 })
	s.Send(t, "events_api", "env-p3", []byte(nextMention(t)), "")
	eventually(t, "the next answer", func() bool { return len(s.Calls("chat.postMessage")) == 2 })
	posts := s.Calls("chat.postMessage")
	if !strings.Contains(posts[0].Form.Get("text"), "schiefgegangen") || !strings.Contains(posts[1].Form.Get("text"), "Bielefeld ist") {
		t.Errorf("posts %v, want the apology, then the answer", posts)
	}
	if got := counterValue(t, app.metrics.panics.WithLabelValues(PanicAnswer)); got != 2 {
		t.Errorf("engagiert_panics_total{where=answer} = %v, want 2", got)
	}
	checkPanicLogged(t, logs, 1, PanicAnswer, "panicky", "request_id", "event_id")
}

// nextMention is app_mention.json as another message: its own event id and ts.
func nextMention(t *testing.T) string {
	return strings.NewReplacer("Ev123ABC456", "Ev2", mentionTS, "1515449599.000001").Replace(string(testdata(t, "app_mention.json")))
}

// slogJSON is a JSON logger writing to b.
func slogJSON(b *syncBuffer) *slog.Logger { return slog.New(slog.NewJSONHandler(b, nil)) }

// boomHandler is a slog.Handler that panics once, when the kind of a
// slash command is added while boom is set: a panic in the Socket Mode
// handler itself.
type boomHandler struct {
	slog.Handler
	boom *atomic.Bool
}

func (h boomHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	for _, a := range attrs {
		if a.Key == "kind" && a.Value.String() == "slash_commands" && h.boom.CompareAndSwap(true, false) {
			panic("handler exploded")
		}
	}
	return boomHandler{h.Handler.WithAttrs(attrs), h.boom}
}

// TestPanicInSocketHandler: a panic in the handling of an envelope itself
// is recovered: the envelope is acked (a slash command with the apology),
// and the next one is answered.
func TestPanicInSocketHandler(t *testing.T) {
	s := slackapptest.NewSocket(t)
	logs := &syncBuffer{}
	boom := &atomic.Bool{}
	app := socketApp(t, s, &fakeAsker{ask: answerFor}, logs, func(c *Config) {
		c.Logger = slog.New(boomHandler{slog.NewJSONHandler(logs, nil), boom})
	})
	boom.Store(true)
	cmd := `{"team_id":"T1","channel_id":"G8PSS9T3V","user_id":"U2CERLKJA","command":"/engagiert","text":"Bielefeld","response_url":"` +
		s.Hooks() + `/commands/1","trigger_id":"1.2.3"}`
	ack := s.Send(t, "slash_commands", "env-h1", []byte(cmd), `,"accepts_response_payload":true`)
	if payload, _ := ack["payload"].(map[string]any); !strings.Contains(fmt.Sprint(payload["text"]), "schiefgegangen") {
		t.Errorf("slash ack = %v, want the apology", ack)
	}
	ack = s.Send(t, "slash_commands", "env-h2", []byte(cmd), `,"accepts_response_payload":true`)
	if payload, _ := ack["payload"].(map[string]any); !strings.Contains(fmt.Sprint(payload["text"]), "Bielefeld ist") {
		t.Errorf("next slash ack = %v, want the answer", ack)
	}
	if got := counterValue(t, app.metrics.panics.WithLabelValues(PanicSocket)); got != 1 {
		t.Errorf("engagiert_panics_total{where=socket} = %v, want 1", got)
	}
	checkPanicLogged(t, logs, 0, PanicSocket, "boomHandler.WithAttrs", "envelope_id")
}
