package main

// Curating the base: what round 3 of the research makes answerable, and
// engagiert add, which curators use to add more.

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/engagiert/engagiert/internal/yamlkb/yamlkbtest"
	"github.com/engagiert/engagiert/knowledge"
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

// knowledgeCopy writes the shipped knowledge to a temporary directory.
func knowledgeCopy(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "knowledge")
	if err := os.CopyFS(dir, knowledge.FS); err != nil {
		t.Fatal(err)
	}
	return dir
}

// runIn runs engagiert with the arguments and stdin, returning stdout,
// stderr and the error.
func runIn(t *testing.T, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(context.Background(), args, func(string) string { return "" }, strings.NewReader(stdin), &out, &errOut)
	return out.String(), errOut.String(), err
}

// TestAddRoundTrip: a curator adds a place and a twinning with it to a
// copy of the base; the base validates, the twinning is answered, and the
// files changed by the new lines only.
func TestAddRoundTrip(t *testing.T) {
	dir := knowledgeCopy(t)
	before, _ := os.ReadFile(filepath.Join(dir, "partnerships.yaml"))
	if _, stderr, err := runIn(t, "", "add", "place", "--knowledge", dir, "--name", "Toulouse", "--country", "Frankreich"); err != nil {
		t.Fatalf("add place: %v\n%s", err, stderr)
	}
	out, stderr, err := runIn(t, "", "add", "twinning", "--knowledge", dir, "--place", "Düsseldorf", "--partner", "Toulouse",
		"--since", "2003", "--kind", "Freundschaft", "--note", "Städtefreundschaft: Test",
		"--source", "https://www.example.org/duesseldorf-toulouse", "--source-title", "Düsseldorf und Toulouse")
	if err != nil {
		t.Fatalf("add twinning: %v\n%s", err, stderr)
	}
	for _, want := range []string{"added source example-duesseldorf-toulouse at ", "added twinning duesseldorf–toulouse at ", "> Welche Partnerstädte hat Düsseldorf?",
		"Toulouse (Frankreich, 2003, Freundschaft)"} {
		if !strings.Contains(out, want) {
			t.Errorf("add twinning printed no %q:\n%s", want, out)
		}
	}
	after, _ := os.ReadFile(filepath.Join(dir, "partnerships.yaml"))
	if got := strings.Replace(string(after), "  - place: duesseldorf\n    partner: toulouse\n    since: 2003\n    kind: Freundschaft\n    note: 'Städtefreundschaft: Test'\n    source: example-duesseldorf-toulouse\n", "", 1); got != string(before) {
		t.Errorf("partnerships.yaml changed by more than the new twinning")
	}
	if out, stderr, err := runIn(t, "", "validate", "--knowledge", dir); err != nil || !strings.Contains(out, "0 warning(s)") {
		t.Errorf("validate after add: %v\n%s%s", err, out, stderr)
	}
	out, _, err = runIn(t, "", "ask", "--knowledge", dir, "Seit wann ist Düsseldorf mit Toulouse verbunden?")
	if err != nil || !strings.Contains(out, "2003") {
		t.Errorf("ask after add: %v\n%s", err, out)
	}
}

// TestAddAsks: what no flag gives is asked for on stdin; a fact's own
// words find it afterwards.
func TestAddAsks(t *testing.T) {
	dir := knowledgeCopy(t)
	out, stderr, err := runIn(t, "staedtepartnerschaften-nrw\nDer 6. Tag der Städtepartnerschaften findet am 23. Januar 2026 im Landtag statt.\nseed\n",
		"add", "fact", "--knowledge", dir, "--topic", "event", "--date", "2026-01-23")
	if err != nil {
		t.Fatalf("add fact: %v\n%s", err, stderr)
	}
	if !strings.Contains(stderr, "Worüber? Netzwerk oder Ort") || !strings.Contains(stderr, "Aussage (ein Satz): ") {
		t.Errorf("add fact asked nothing:\n%s", stderr)
	}
	if !strings.Contains(out, "Der 6. Tag der Städtepartnerschaften findet am 23. Januar 2026 im Landtag statt. [1]") {
		t.Errorf("the fact is not answered:\n%s", out)
	}
	out, stderr, err = runIn(t, "Kreis Coesfeld\nhttps://example.org/coesfeld\nCoesfeld ist dabei\n", "add", "member", "--knowledge", dir, "--network", "Engagierte Stadt", "--since", "2026")
	if err != nil || !strings.Contains(out, "Ja, Kreis Coesfeld ist Mitglied – Netzwerkprogramm „Engagierte Stadt“: seit 2026.") {
		t.Errorf("add member: %v\n%s%s", err, out, stderr)
	}
}

// TestAddRefuses: a missing field on a closed stdin, an unknown place and
// an entry that would break the base end in an error, and nothing is written.
func TestAddRefuses(t *testing.T) {
	dir := knowledgeCopy(t)
	before, _ := os.ReadFile(filepath.Join(dir, "partnerships.yaml"))
	for _, tt := range []struct {
		args []string
		want string
		code error
	}{
		{[]string{"add", "twinning", "--knowledge", dir, "--place", "Düsseldorf", "--partner", "Reims"}, "--source is required", usageError{}},
		{[]string{"add", "twinning", "--knowledge", dir, "--place", "Düsseldorf", "--partner", "Atlantis", "--source", "seed"}, `no place "Atlantis"; add it first: engagiert add place`, usageError{}},
		{[]string{"add", "twinning", "--knowledge", dir, "--place", "Düsseldorf", "--partner", "Reims", "--source", "seed", "--status", "suspendiert"}, `unknown status "suspendiert"`, errReported},
		{[]string{"add", "twinning", "--knowledge", dir, "--place", "Düsseldorf", "--partner", "Moskau", "--source", "seed"}, "duesseldorf–moskau is in partnerships.yaml already", usageError{}},
		{[]string{"add", "partnership", "--knowledge", dir}, "add takes one kind of entry", usageError{}},
	} {
		_, stderr, err := runIn(t, "", tt.args...)
		if err == nil || !strings.Contains(stderr, tt.want) {
			t.Errorf("%q: error %v, stderr %q; want %q", tt.args, err, stderr, tt.want)
		}
		if _, usage := err.(usageError); usage != (tt.code == usageError{}) {
			t.Errorf("%q: error %T, want %T", tt.args, err, tt.code)
		}
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "partnerships.yaml")); !bytes.Equal(before, after) {
		t.Errorf("a refused add changed partnerships.yaml")
	}
}

// TestCoverage: `coverage --json` says of the shipped base what the base
// itself holds: named members and newest totals per network and title,
// and per NRW place the status of its list of twinnings.
func TestCoverage(t *testing.T) {
	base := yamlkbtest.Shipped(t)
	out, stderr, err := runIn(t, "", "coverage", "--json")
	if err != nil {
		t.Fatalf("coverage --json: %v\n%s", err, stderr)
	}
	var cov coverage
	if err := json.Unmarshal([]byte(out), &cov); err != nil {
		t.Fatalf("coverage --json is no JSON object: %v\n%s", err, out)
	}
	if len(cov.Networks) != len(base.Networks) {
		t.Fatalf("%d networks, want %d", len(cov.Networks), len(base.Networks))
	}
	for i, n := range base.Networks {
		got, current := cov.Networks[i], 0
		for _, m := range n.Members {
			if m.Until.IsZero() {
				current++
			}
		}
		if got.ID != n.ID || got.Named != current || got.Former != len(n.Members)-current || got.Title != n.IsTitle() {
			t.Errorf("network %s: %+v, want %d named, %d former", n.ID, got, current, len(n.Members)-current)
		}
		if len(n.Counts) > 0 && got.Total != n.Counts[len(n.Counts)-1].Value {
			t.Errorf("network %s: total %q, want the newest count %q", n.ID, got.Total, n.Counts[len(n.Counts)-1].Value)
		}
	}
	eak := cov.Networks[slices.IndexFunc(cov.Networks, func(n networkCoverage) bool { return n.ID == "europaaktive-kommune" })]
	if eak.Named != 35 || eak.TotalNumber != 66 || !eak.Title {
		t.Errorf("Europaaktive Kommune: %+v, want 35 named of 66, a title", eak)
	}
	status := map[string]string{}
	for _, p := range cov.Places {
		status[p.ID] = p.Status
	}
	want := map[string]int{}
	for _, p := range base.Places {
		if p.State != "Nordrhein-Westfalen" || (p.Kind != "Stadt" && p.Kind != "Gemeinde") || p.AGS == 0 {
			continue
		}
		s := "unknown"
		if p.PartnersComplete {
			s = "complete"
		} else if len(base.PartnershipsOf(p.ID)) > 0 {
			s = "partial"
		}
		want[s]++
		if status[p.ID] != s {
			t.Errorf("place %s: status %q, want %q", p.ID, status[p.ID], s)
		}
	}
	if want["complete"]+want["partial"]+want["unknown"] != 396 {
		t.Errorf("counted %v municipalities, want 396", want)
	}
	for _, s := range []string{"complete", "partial"} {
		if cov.Summary[s] < want[s] { // Kreise with twinnings come on top
			t.Errorf("summary %s = %d, want at least the %d municipalities", s, cov.Summary[s], want[s])
		}
	}
	if status["duesseldorf"] != "complete" || status["wuppertal"] != "partial" || status["hattingen"] != "unknown" || status["kreis-herford"] != "complete" {
		t.Errorf("statuses: Düsseldorf %q, Wuppertal %q, Hattingen %q, Kreis Herford %q; want complete, partial, unknown, complete",
			status["duesseldorf"], status["wuppertal"], status["hattingen"], status["kreis-herford"])
	}
	text, _, err := runIn(t, "", "coverage")
	if err != nil || !strings.Contains(text, "Europaaktive Kommune in Nordrhein-Westfalen (Landesauszeichnung)  35") || !strings.Contains(text, "unknown: (--all lists them)") {
		t.Errorf("coverage: %v\n%s", err, text)
	}
}

// TestAddDryRun: --dry-run shows the entry and writes nothing.
func TestAddDryRun(t *testing.T) {
	dir := knowledgeCopy(t)
	before, _ := os.ReadFile(filepath.Join(dir, "places.yaml"))
	out, stderr, err := runIn(t, "", "add", "place", "--knowledge", dir, "--name", "Toulouse", "--country", "Frankreich", "--dry-run")
	if err != nil {
		t.Fatalf("add --dry-run: %v\n%s", err, stderr)
	}
	if !strings.Contains(out, "places.yaml (not written)\n  - id: toulouse\n    name: Toulouse\n    kind: Stadt\n    country: Frankreich\nwould add place toulouse at ") {
		t.Errorf("add --dry-run printed:\n%s", out)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "places.yaml")); !bytes.Equal(before, after) {
		t.Errorf("add --dry-run wrote places.yaml")
	}
}
