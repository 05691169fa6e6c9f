package answer_test

import (
	"context"
	"strings"
	"testing"
)

// TestLeads: what leads an answer when the statements answer only in
// part: a count read from the places a statement names, the statement
// that says when something ends, an English lead over German statements,
// a kind of area named in the plural (issue 13: answers lead with the
// answer; English answers in English).
func TestLeads(t *testing.T) {
	e := shipped(t)
	tests := []struct {
		q    string
		lead string // the answer's first line after the title
		want []string
	}{
		// The statement names the places of the workshop round, not their
		// number: the number is counted from the names.
		{"Wie viele Kommunen waren bei der Entwicklungswerkstatt 2 dabei?", "Meine Quelle nennt 10 Kommunen:", []string{"Alsdorf", "Witten"}},
		{"how many municipalities were part of the third EWS?", "My source names 10 municipalities:", []string{"Ahlen"}},
		// A count the statements give of a network the base holds no
		// entry for: the statement with the figure, of all that name it.
		{"Wie viele Mitglieder zählt das Netzwerk bürgerschaftliches Engagement NRW?", "", []string{"70 Mitglieder"}},
		// A place with no twinning but statements about it: an English
		// lead, the German statement quoted after it.
		{"Hattingen: any partner cities?", "My knowledge base lists no twin town of Hattingen", []string{"ohne Partner"}},
		// A partner told apart by its country, in English.
		{"Bocholt's twin towns, please", "", []string{"Bocholt (Belgium)"}},
		// "bis wann": the statement that names the end leads.
		{"Engagierte Stadt, round of 2022: until when were applications open?", "", []string{"21 March 2022"}},
		// A series asked what it is or when it began: the statement that
		// says it began, not the latest of its meetings.
		{"Was ist eigentlich das Reallabor NRW–Ukraine?", "Seit 2023 gibt es", nil},
		{"when did the Reallabor NRW–Ukraine begin?", "Seit 2023 gibt es", []string{"29 March 2023"}},
		// What a programme pays per project is its funding, not a cost.
		{"How much does the Europa bei uns zuhause competition pay per project?", "", []string{"5.000 Euro"}},
		// The mayor who leads a network: its chair, who is one.
		{"Which mayor is leading RegioPole at present?", "", []string{"Michael Dreier"}},
		// A year the members' roles name ("dauerhaft ausgezeichnet
		// (2019)") is the role's, with every word of the question a role's.
		{"Welche Städte sind seit 2019 dauerhaft Europaaktive Kommune?", "", []string{"Bocholt", "Marl"}},
		// A count of a Regierungsbezirk's kreisfreie Städte names them.
		{"Wie viele kreisfreie Städte liegen im Regierungsbezirk Münster?", "", []string{"Bottrop, Gelsenkirchen und Münster"}},
		// Where they met nationwide, with a month's short form: the meeting.
		{"Engagierte Städte – where did they meet nationwide in Sept 2024?", "", []string{"Würzburg"}},
		// A kind of area in the plural: all of them.
		{"die Regierungsbezirke?", "", []string{"Arnsberg", "Detmold", "Düsseldorf", "Köln", "Münster"}},
	}
	for _, tt := range tests {
		a := e.Ask(context.Background(), tt.q)
		text := a.PlainText()
		if !a.Found {
			t.Errorf("Ask(%q) not found\n%s", tt.q, text)
		}
		if tt.lead != "" && !strings.HasPrefix(a.Lead, tt.lead) {
			t.Errorf("Ask(%q) leads with %q, want %q", tt.q, a.Lead, tt.lead)
		}
		for _, s := range tt.want {
			if !strings.Contains(text, s) {
				t.Errorf("Ask(%q) lacks %q\n%s", tt.q, s, text)
			}
		}
	}
}
