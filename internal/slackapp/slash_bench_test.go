package slackapp

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/slackapp/slackapptest"
	"github.com/prometheus/client_golang/prometheus"
)

// BenchmarkSlashCommand is the Slack layer's own cost of a slash command
// that no cache has seen (issue 17, item 4): verify, parse, ask (a fake
// engine with a ready answer of a typical size), render, encode, respond.
// One request per iteration, each a new question, through Handler.
func BenchmarkSlashCommand(b *testing.B) {
	src := &domain.Source{ID: "s", Title: "Engagierte Stadt: Netzwerk", URL: "https://www.engagiertestadt.de/netzwerk/?a=1&b=2"}
	typical := domain.Answer{Found: true, Kind: domain.KindPlace, Title: "Bielefeld (kreisfreie Stadt)",
		Lead: "Bielefeld ist Mitglied – Netzwerkprogramm „Engagierte Stadt“: seit 2015.", LeadSource: src,
		Facts: []domain.AnswerFact{
			{Text: "Außerdem Mitglied: Deutsches RegioPole-Netzwerk (seit 2019)", Source: src},
			{Text: "Partnerstädte: Concarneau (Frankreich), Enniskillen (Vereinigtes Königreich), Estelí (Nicaragua)", Stand: domain.Date{Year: 2024, Month: 3}, Source: src},
		},
		Lists: []domain.List{{Title: "Netzwerke", Items: []domain.ListItem{{Name: "Engagierte Stadt", Detail: "seit 2015", Source: src}, {Name: "RegioPole", Detail: "seit 2019", Source: src}}}},
		Links: []domain.Link{{Title: "Engagierte Stadt", URL: "https://www.engagiertestadt.de"}}, Suggestions: []string{"Welche Partnerstädte hat Bielefeld?"}}
	ask := func(_ context.Context, q string) domain.Answer {
		a := typical
		a.Query = q
		return a
	}
	cfg := testConfig(&fakeAsker{ask: ask}, "http://127.0.0.1:1/api/", &syncBuffer{}, prometheus.NewRegistry())
	cfg.SigningSecret = testSecret
	app, err := New(cfg)
	if err != nil {
		b.Fatal(err)
	}
	h := app.Handler()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		body := slackapptest.SlashBody("Bielefeld "+strings.Repeat("und ", i%7)+"Frage "+strconv.Itoa(i), "https://hooks.slack.com/commands/T1/1/x")
		req := slackapptest.NewRequest(testSecret, "/slack/commands", slackapptest.Form, body)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK || !bytes.Contains(rec.Body.Bytes(), []byte(`"blocks":[`)) {
			b.Fatalf("response %d %s", rec.Code, rec.Body)
		}
	}
}
