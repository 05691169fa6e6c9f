package main

import (
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/engagiert/engagiert/internal/answer"
	"github.com/engagiert/engagiert/internal/reload"
	"github.com/engagiert/engagiert/internal/slackapp"
	"github.com/engagiert/engagiert/internal/slackapp/slackapptest"
	"github.com/engagiert/engagiert/internal/store"
	"github.com/prometheus/client_golang/prometheus"
)

// BenchmarkSlashLongQuestionsMemory: 4,096 distinct slash questions of
// 40 KB each (a full response cache of pastes, and a full answer cache)
// keep the serving bot's heap under 150 MB (about 110 MB; 60 MB while the
// response cache held 2,048). The cache is keyed by the question as the engine reads it
// (answer.MaxQuestion characters); keyed by the whole question, it held
// about 330 KB per entry, 676 MB for a full cache.
// Run: go test ./cmd/engagiert -run '^$' -bench SlashLongQuestionsMemory -benchtime 1x
func BenchmarkSlashLongQuestionsMemory(b *testing.B) {
	const (
		questions = 4096
		size      = 40 << 10
		limitMB   = 150
	)
	snap, err := loadServing("", nil)
	if err != nil {
		b.Fatal(err)
	}
	kb := reload.NewHolder(snap, reload.Options{})
	app, err := slackapp.New(slackapp.Config{
		Asker: kb, Knowledge: knowledgeOf(kb), Commands: answer.Commands(),
		BotToken: "xoxb-memory", SigningSecret: serveSecret, APIURL: "http://127.0.0.1:1/api/",
		Logger: slog.New(slog.NewJSONHandler(io.Discard, nil)), Registry: prometheus.NewRegistry(),
		Store: store.NewMemory(0, 0), CuratorChannel: "CCURATORS", MaxQuestion: answer.MaxQuestion,
		SlashDeadline: time.Minute,
	})
	if err != nil {
		b.Fatal(err)
	}
	h := app.Handler()
	words := []string{"Welche", "Städte", "in", "NRW", "sind", "Mitglied", "Engagierte", "Stadt", "Bielefeld", "Partnerschaft", "seit", "wann", "und", "wer"}
	for range b.N {
		rng := rand.New(rand.NewPCG(1, 2))
		for i := range questions {
			var q strings.Builder
			fmt.Fprintf(&q, "Frage %d: ", i) // distinct from the start: one cache entry each
			for q.Len() < size {
				q.WriteString(words[rng.IntN(len(words))])
				q.WriteByte(' ')
			}
			form := url.Values{"command": {"/engagiert"}, "text": {q.String()}, "user_id": {"U1"}, "channel_id": {"C1"},
				"team_id": {"T1"}, "response_url": {"https://hooks.slack.com/commands/T1/1/x"}, "trigger_id": {"1.2.3"}}
			body := form.Encode()
			req := slackapptest.NewRequest(serveSecret, "/slack/commands", slackapptest.Form, []byte(body))
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				b.Fatalf("question %d: %d %s", i, rec.Code, rec.Body)
			}
		}
	}
	b.StopTimer()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	heapMB := float64(m.HeapAlloc) / (1 << 20)
	b.ReportMetric(heapMB, "heap-MB")
	if heapMB > limitMB {
		b.Errorf("heap %.0f MB after %d questions of %d KB, want under %d MB", heapMB, questions, size>>10, limitMB)
	}
	runtime.KeepAlive(app)
}
