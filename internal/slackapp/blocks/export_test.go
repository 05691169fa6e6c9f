package blocks

// Test fixtures the package's own tests (load_bench_test.go) and its
// external tests (blocks_test.go, package blocks_test) share.

import (
	"fmt"
	"strings"

	"github.com/engagiert/engagiert/internal/domain"
)

// src is the source of every fact and list item of bigAnswer.
var src = &domain.Source{ID: "es-2024", Title: "Engagierte Stadt: Netzwerk", URL: "https://www.engagiertestadt.de/netzwerk/?a=1&b=2", Publisher: "Engagierte Stadt"}

var (
	BigAnswer    = bigAnswer
	TestCommands = testCommands
	Src          = src
)

func bigAnswer(members, facts, links int, leadLen int) domain.Answer {
	a := domain.Answer{
		Query: "Welche Städte sind Engagierte Stadt?", Found: true, Kind: domain.KindMembers,
		Title: "Engagierte Stadt", Lead: strings.Repeat("Lead & mehr <b> ", leadLen/16+1)[:leadLen],
		Suggestions: []string{"Ist Lemgo eine Engagierte Stadt?", "Wie viele Engagierte Städte gibt es?"},
	}
	for i := range facts {
		a.Facts = append(a.Facts, domain.AnswerFact{Text: fmt.Sprintf("Fakt %d: %s", i, strings.Repeat("x", 300)),
			Stand: domain.Date{Year: 2024, Month: 3}, Source: src})
	}
	var items []domain.ListItem
	for i := range members {
		items = append(items, domain.ListItem{Name: fmt.Sprintf("Stadt-%03d", i), Detail: "seit 2022", Source: src})
	}
	a.Lists = []domain.List{{Title: "Mitglieder", Items: items, Note: "Stand 2024"}}
	for i := range links {
		a.Links = append(a.Links, domain.Link{Title: fmt.Sprintf("Website %d", i), URL: fmt.Sprintf("https://example.org/%d", i)})
	}
	return a
}

var testCommands = []domain.Command{
	{What: "Ein Ort: seine Netzwerke", Examples: []string{"Bielefeld", "Gütersloh"}},
	{What: "Zahlen <und> Daten", Examples: []string{"Wie viele Engagierte Städte gibt es?"}},
}
