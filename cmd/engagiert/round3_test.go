package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/engagiert/engagiert/internal/yamlkb/yamlkbtest"
)

// askAll answers the questions with `ask --json -`, in order.
func askAll(t *testing.T, questions []string) []jsonAnswer {
	t.Helper()
	var out, errOut bytes.Buffer
	in := strings.NewReader(strings.Join(questions, "\n") + "\n")
	if err := run(context.Background(), []string{"ask", "--json", "-"}, func(string) string { return "" }, in, &out, &errOut); err != nil {
		t.Fatalf("ask --json -: %v\n%s", err, errOut.String())
	}
	var answers []jsonAnswer
	for _, line := range strings.Split(strings.TrimRight(out.String(), "\n"), "\n") {
		var a jsonAnswer
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatalf("not JSON: %v: %s", err, line)
		}
		answers = append(answers, a)
	}
	if len(answers) != len(questions) {
		t.Fatalf("%d answers for %d questions", len(answers), len(questions))
	}
	return answers
}

// TestRound3PartnersNamed: asked for a city's partners, the bot names
// every partner the rows of research/round3.md, section 3, give for it, by
// the name of the place the base has for the row. A city whose name is an
// everyday word (Essen) is asked for as "die Stadt Essen": the engine reads
// "hat Essen" as the verb (see the report of issue 15).
func TestRound3PartnersNamed(t *testing.T) {
	base := yamlkbtest.Shipped(t)
	rows := yamlkbtest.Round3Twinnings(t)
	var cities []string
	partners := map[string][]string{} // city -> names of the partner places
	for _, r := range rows {
		home := yamlkbtest.PlaceNamed(base, r.City, "Nordrhein-Westfalen")
		if home == nil {
			t.Fatalf("no NRW place %q (TestResearchRound3Twinnings says more)", r.City)
		}
		if partners[r.City] == nil {
			cities = append(cities, r.City)
		}
		for _, p := range r.Partners {
			tw, ok := yamlkbtest.PartnerOf(base, home.ID, yamlkbtest.PartnerForms(p))
			if !ok {
				t.Errorf("%s–%s is not in the base (TestResearchRound3Twinnings says more)", r.City, p)
				continue
			}
			partners[r.City] = append(partners[r.City], base.Place(tw.Partner).Name)
		}
	}
	var questions []string
	for _, c := range cities {
		q := "Welche Partnerstädte hat " + c + "?"
		if yamlkbtest.PlaceNamed(base, c, "Nordrhein-Westfalen").Everyday {
			q = "Welche Partnerstädte hat die Stadt " + c + "?"
		}
		questions = append(questions, q)
	}
	answers := askAll(t, questions)
	named := 0
	for i, c := range cities {
		for _, name := range partners[c] {
			if !strings.Contains(answers[i].Text, name) {
				t.Errorf("Ask(%q) does not name %q\n%s", questions[i], name, answers[i].Text)
				continue
			}
			named++
		}
	}
	t.Logf("%d partners of %d cities named", named, len(cities))
}

// TestRound3Answers: the other things round 3 must make answerable.
func TestRound3Answers(t *testing.T) {
	tests := []struct {
		q    string
		want []string
	}{
		{"Ist die Partnerschaft Düsseldorf–Moskau noch aktiv?", []string{"ausgesetzt", "2022"}},
		{"Ist Lemgo Europaaktive Kommune?", []string{"Ja", "dauerhaft"}},
		{"Welche Kreise sind Europaaktiv?", []string{"Kreis Coesfeld", "Kreis Euskirchen", "Kreis Paderborn", "Kreis Recklinghausen"}},
		{"Wie viele Europaaktive Kommunen gibt es?", []string{"66"}},
		{"Bis wann kann man sich als Europaaktive Kommune bewerben?", []string{"31. Oktober 2025"}},
		{"Ist Xanten im Kommunen-Netzwerk?", []string{"Ja", "2021"}},
		{"Seit wann ist Paderborn im Kommunen-Netzwerk?", []string{"2020"}},
		{"Ist Itzehoe eine Engagierte Stadt?", []string{"Ja", "2024"}},
		{"Ist die Partnerschaft Krefeld–Uljanowsk noch aktiv?", []string{"ruht"}},
		{"Seit wann ist Witten mit Lev Hasharon verpartnert?", []string{"1980"}},
	}
	var qs []string
	for _, tt := range tests {
		qs = append(qs, tt.q)
	}
	answers := askAll(t, qs)
	for i, tt := range tests {
		for _, w := range tt.want {
			if !strings.Contains(answers[i].Text, w) {
				t.Errorf("Ask(%q) lacks %q\n%s", tt.q, w, answers[i].Text)
			}
		}
	}
}
