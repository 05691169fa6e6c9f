package domain

// Command is one kind of question the bot answers, with examples. Help texts
// (the "hilfe" answer, Slack's help and App Home) are generated from Commands,
// so they cannot drift apart.
type Command struct {
	What     string   // what the user gets, in German
	Examples []string // questions as users type them
}

// Commands is the table every help text is generated from.
var Commands = []Command{
	{"Ein Ort: alle Netzwerke, seit wann, in welcher Rolle", []string{"Bielefeld", "Gütersloh"}},
	{"Ein Netzwerk: was es ist, Ziel, Gründung, Mitglieder, Website", []string{"RegioPole", "Engagierte Stadt"}},
	{"Mitgliederlisten, auch nach Bundesland oder Jahr", []string{"Welche NRW-Städte sind Engagierte Stadt?", "Welche NRW-Städte kamen 2022 dazu?"}},
	{"Zahlen, Daten, Orte", []string{"Wie viele Engagierte Städte gibt es?", "Seit wann ist Würzburg im RegioPole-Netzwerk?", "Wo wurde die Interkommunale Vereinbarung unterzeichnet?"}},
	{"Ja/Nein: ist ein Ort Mitglied?", []string{"Ist Lemgo eine Engagierte Stadt?"}},
	{"Netzwerkübergreifend", []string{"Welche Städte sind in mehreren Netzwerken?"}},
	{"Überblick", []string{"Welche Netzwerke kennst du?"}},
}
