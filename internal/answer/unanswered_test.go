package answer_test

import (
	"context"
	"strings"
	"testing"
)

// TestUnanswered: questions whose subject the base knows, about what it
// does not hold, are not found; one line says so and one line of what is
// known follows (issue 13: honest and short).
func TestUnanswered(t *testing.T) {
	e := shipped(t)
	tests := []struct {
		q     string
		want  []string // in the answer
		known string   // the one line of what is known, or ""
	}{
		// Since when, of a twinning the sources date only as existing by a
		// year ("1986 schon besiegelt"): not known, with that line.
		{"Since when have Hamm and Chattanooga been partner cities?", []string{"do not say since when"}, "1986"},
		// The next of something: only a statement that names this year or
		// a later one tells; when the programme began does not.
		{"Wann beginnt die nächste Bewerbungsphase bei der Engagierten Stadt?", []string{"Einen kommenden Termin nennen meine Quellen nicht"}, ""},
		{"When will the next RegioPole steering committee meet?", []string{"My sources give no coming date"}, "Lenkungsausschuss"},
		// A count no statement gives: who leads it is no number of staff.
		{"Wie viele Mitarbeitende hat die Auslandsgesellschaft?", []string{"Eine Zahl dazu nennen meine Quellen nicht"}, ""},
		// A chair after the one who chairs now: no statement names one.
		{"Wer übernimmt nach Paderborn den RegioPole-Vorsitz?", []string{"Wer nach Paderborn den Vorsitz hat, nennen meine Quellen nicht"}, "Paderborn"},
		// The chair of a twinning's friends' club: the base holds none.
		{"Who chairs the friendship society of Gladbeck and Alanya?", []string{"My sources say nothing"}, "1993"},
		// Until when: a statement that names when it began and no end
		// does not tell.
		{"Wie lange läuft die Förderung der Netzwerkstelle noch?", []string{"Bis wann das läuft, nennen meine Quellen nicht"}, "2021"},
		// A person of a place's office: a statement that names the place
		// for something else does not tell.
		{"Wer ist in Erwitte die Ansprechperson für Engagement?", []string{"Zum Kontakt von Erwitte nennen meine Quellen nichts"}, "Erwitte"},
		// A sum of money: a statement that names no sum does not tell.
		{"Mit wie viel Geld unterstützt das Land die dritte Entwicklungswerkstatt?", []string{"Einen Betrag dazu nennen meine Quellen nicht"}, ""},
		// Who funds it: statements on its workshops do not say.
		{"Wer finanziert das Kommunen-Netzwerk engagiert in NRW?", []string{"nennen meine Quellen nichts"}, ""},
	}
	for _, tt := range tests {
		a := e.Ask(context.Background(), tt.q)
		text := a.PlainText()
		if a.Found {
			t.Errorf("Ask(%q) found, want not found\n%s", tt.q, text)
		}
		for _, s := range tt.want {
			if !strings.Contains(text, s) {
				t.Errorf("Ask(%q) lacks %q\n%s", tt.q, s, text)
			}
		}
		if tt.known != "" && !strings.Contains(text, tt.known) {
			t.Errorf("Ask(%q) lacks what is known (%q)\n%s", tt.q, tt.known, text)
		}
		if strings.Contains(text, "Entwicklungswerkstatt 1") {
			t.Errorf("Ask(%q) answers with a workshop's participants\n%s", tt.q, text)
		}
		if n := len([]rune(text)); n > 500 {
			t.Errorf("Ask(%q): %d characters, want a short not-found answer\n%s", tt.q, n, text)
		}
	}
}

// TestMembershipNo: "Ist X in Y?" of a place Y does not list is a known
// "no" only where Y's list is complete for X's Bundesland (RegioPole; the
// Engagierte Städte in NRW; a network of NRW for a place elsewhere); where
// the list is partial and no statement tells, it is not found.
func TestMembershipNo(t *testing.T) {
	e := shipped(t)
	tests := []struct {
		q     string
		found bool
		want  string
	}{
		{"Ist Bochum im Kommunen-Netzwerk engagiert in NRW?", false, "nicht vollständig"},
		{"Ist Dortmund eine Engagierte Stadt?", true, "nicht als Mitglied"},
		{"Ist Kassel im Kommunen-Netzwerk engagiert in NRW?", true, "nicht als Mitglied"},
		{"Ist Dortmund im RegioPole-Netzwerk?", true, "nicht als Mitglied"},
	}
	for _, tt := range tests {
		a := e.Ask(context.Background(), tt.q)
		if text := a.PlainText(); a.Found != tt.found || !strings.Contains(text, tt.want) {
			t.Errorf("Ask(%q) = found %v, want %v and %q\n%s", tt.q, a.Found, tt.found, tt.want, text)
		}
	}
}

// TestUnknownNetwork: "Netzwerk" followed by a name no statement has is a
// network the base does not know: not found, and no member list of a
// network that merely shares "Kommunen" or "NRW" with the name.
func TestUnknownNetwork(t *testing.T) {
	e := shipped(t)
	tests := []struct {
		q     string
		found bool
	}{
		{"Wie viele NRW-Kommunen sind im Netzwerk Fahrradfreundliche Kommunen?", false},
		{"Welche Städte sind im Netzwerk Fahrradfreundliche Kommunen?", false},
		{"Which towns are in the network Bicycle Towns NRW?", false},
		{"Welche Kommunen sind im Kommunen-Netzwerk engagiert in NRW?", true},
		{"Wie groß war das Kommunen-Netzwerk im Dezember 2017?", true},
	}
	for _, tt := range tests {
		a := e.Ask(context.Background(), tt.q)
		text := a.PlainText()
		if a.Found != tt.found {
			t.Errorf("Ask(%q) found %v, want %v\n%s", tt.q, a.Found, tt.found, text)
		}
		if !tt.found && strings.Contains(text, "Namentlich bekannt") {
			t.Errorf("Ask(%q) lists the members of another network\n%s", tt.q, text)
		}
	}
}
