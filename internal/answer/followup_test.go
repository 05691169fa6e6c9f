package answer_test

import (
	"context"
	"strings"
	"testing"
)

// TestFollowUps asks a question, then a follow-up with the first answer's
// frame, as a Slack thread does.
func TestFollowUps(t *testing.T) {
	e := shipped(t)
	ctx := context.Background()
	tests := []struct {
		first, then string
		want        []string // in the follow-up's answer
		none        []string
	}{
		// Another country after a twinned pair: the NRW side's twinnings
		// there, the partner abroad left behind.
		{"Seit wann sind Bochum und Donezk Partnerstädte?", "und mit einer Stadt in Japan?", []string{"Tsukuba"}, []string{"1987"}},
		// "the newest?" after a pair: the NRW side's twinnings, ranked.
		{"Seit wann ist Essen mit Sunderland verpartnert?", "und die jüngste Partnerschaft?", []string{"Changzhou"}, []string{"1949"}},
		// How many came, after a numbered event: to that event.
		{"Wer sprach beim 9. Forum ein Grußwort?", "wie viele Teilnehmende waren es?", []string{"37"}, []string{"200 Gäste"}},
		// "the first one" after the speakers: the first of them, not the
		// oldest network.
		{"Who speaks for the Kommunen-Netzwerk engagiert in NRW?", "where is the first of them from?", []string{"Oberbergischer Kreis"}, []string{"The oldest"}},
		// Another number after a list a statement gave: the same list of
		// the other numbered one.
		{"Welche Kommunen waren in der EWS 2?", "und bei der EWS 4?", []string{"Hille", "Reken"}, []string{"Jülich nahm vom"}},
		// The oldest after the suspended ones: of all its twinnings.
		{"Welche Partnerschaft von Witten ruht?", "und welche ist die älteste?", []string{"Beauvais"}, nil},
		// A lone year after a count of what statements told: the same
		// count of that year.
		{"Wie viele Projekte wurden 2018 bei Europa bei uns zuhause ausgezeichnet?", "und 2020?", []string{"2020 24"}, []string{"Bewerbungsfrist"}},
		// Where it sits, after who leads it: the organisation's seat, not
		// where the person comes from.
		{"Wer leitet eigentlich die Netzwerkstelle?", "und wo sitzt die?", []string{"Dortmund"}, nil},
		// "and to the fourth one?": "to" before no year is no span of years.
		{"How many guests came to the 5th Tag der Städtepartnerschaften?", "and to the fourth one?", []string{"Hamm", "100"}, []string{"Nothing found"}},
		// Since when it runs, after who carries it: the programme's start.
		{"Wer steht hinter der Engagierten Stadt?", "seit wann läuft es denn?", []string{"2015"}, []string{"tragen laut"}},
		// Another partner (outside NRW) after a twinned pair: the NRW
		// side's twinning with it, asked the same way.
		{"Wann haben Minden und Tangermünde ihre Partnerschaft beurkundet?", "und seit wann mit Sutton?", []string{"Minden und Sutton"}, []string{"Tangermünde"}},
		{"Wann haben Minden und Tangermünde ihre Partnerschaft beurkundet?", "und mit Gagny?", []string{"Gagny", "1976"}, []string{"Tangermünde", "NRW-Kommune"}},
		// Who took part in a numbered event whose series has no members.
		{"Was war Thema beim 9. Forum Städtepartnerschaften?", "welche Städte waren dabei?", []string{"Oberhausen", "Hürth"}, []string{"keine Mitglieder"}},
		// How many came, after the meeting of a year.
		{"Wo fand das bundesweite Netzwerktreffen der Engagierten Städte 2024 statt?", "wie viele waren es?", []string{"150 Teilnehmende"}, []string{"112 Engagierte Städte"}},
		// The founding of the organisation named before, not of an office.
		{"Wie heißt der Geschäftsführer bei der Auslandsgesellschaft?", "seit wann gibts die denn?", []string{"1949"}, []string{"Projektteam"}},
		// The chair after a city that no statement has as a chair of its own.
		{"Which city was the first to chair RegioPole?", "who followed Rostock?", []string{"Trier"}, []string{"do not say"}},
		// How many people, after who sits on a body: that body's figure.
		{"Who is on the Netzwerkstelle's advisory board (Beirat)?", "how many people is this?", []string{"10"}, []string{"no figure"}},
		// After the latest dated event, the next is one to come.
		{"Wo fand 2024 der Tag der Städtepartnerschaften statt?", "und wann findet der nächste statt?", []string{"kommenden Termin"}, []string{"über 300"}},
		// How often, after when a series began: the statement of the
		// series, not another body that meets.
		{"Wann begann das Reallabor NRW–Ukraine?", "wie oft trifft man sich dort?", []string{"Alle zwei Monate"}, []string{"Lenkungsausschuss"}},
		// How many members, after what a network only statements name is.
		{"Was macht das Netzwerk bürgerschaftliches Engagement NRW?", "und wie viele Mitglieder zählt es?", []string{"70 Mitglieder"}, nil},
		// Since when, with another partner named: that twinning's start.
		{"Seit wann sind Minden und Tangermünde Partnerstädte?", "seit wann gibts die mit Gagny?", []string{"1976"}, []string{"6. Januar 2024"}},
		// Who chaired before, after a place that chairs a network: before
		// it, in that network.
		{"Wer ist Paderborns Bürgermeister?", "und wer hatte vorher den Vorsitz?", []string{"Würzburg"}, nil},
		// The total now, after the newcomers of a year: all members today.
		{"How many new Engagierte Städte came in 2024?", "and the total number now?", []string{"112"}, []string{"nothing about"}},
		// "which others?" after a partner in one country: those elsewhere.
		{"Does Bocholt have a partner town in Belgium?", "which others?", []string{"Rossendale", "outside Belgium"}, nil},
		// "its twin towns", after an answer that named one place (the chair
		// city): that place's.
		{"Welche Stadt hat gerade den RegioPole-Vorsitz?", "und welche Partnerstädte hat sie?", []string{"Le Mans", "Debrecen"}, []string{"9 Städte"}},
		// A missing subject takes the previous one.
		{"Ist Lemgo eine Engagierte Stadt?", "seit wann?", []string{"Lemgo", "2020"}, nil},
		{"RegioPole", "wer hat den Vorsitz?", []string{"Paderborn"}, nil},
		// A lone new subject takes the previous question.
		{"Seit wann ist Bielefeld im RegioPole-Netzwerk?", "und Paderborn?", []string{"Paderborn", "2016"}, []string{"Bielefeld ist Mitglied"}},
		{"Welche Partnerstädte hat Bielefeld?", "und Dortmund?", []string{"Amiens", "Leeds"}, []string{"Concarneau"}},
		// Whether the one twinning named before still goes on, how long its
		// treaty runs: that twinning, with its status and notes.
		{"Castrop-Rauxel – älteste Partnerstadt?", "und ist die noch aktiv?", []string{"Wakefield", "nur noch auf dem Papier"}, nil},
		{"Does Düsseldorf have an Italian partner city?", "how long is that agreement valid?", []string{"Palermo", "zehn Jahre"}, nil},
		{"Does Witten have a Russian partner town?", "what happened to it after 2022?", []string{"Kursk", "ruht"}, []string{"name no town twinnings"}},
		// "and nationwide?" asks the question before of all of Germany.
		{"How many NRW–Ukraine partnerships are there?", "and nationwide?", []string{"bundesweit 167"}, nil},
		{"Wie viele Engagierte Städte gibt es in NRW?", "und bundesweit?", []string{"112 Engagierte Städte"}, []string{"Nordrhein-Westfalen"}},
		// "OB" is the Oberbürgermeister: of the chair city asked before.
		{"Wer hatte den RegioPole-Vorsitz vor Paderborn?", "wer war da OB?", []string{"Christian Schuchardt"}, []string{"Michael Dreier"}},
		// A name of words the base holds no entry for keeps its words for a count.
		{"What is the NBE NRW?", "how many members?", []string{"70 Mitglieder"}, nil},
		// "who funded it?" after a statement found by its words: of what they named.
		{"What was the predecessor project of the Netzwerkstelle?", "who funded it?", []string{"Bundesangelegenheiten"}, []string{"2021 eingerichtet"}},
		// "und wo war der letzte?" after the next event: the latest one.
		{"Wann findet der nächste Tag der Städtepartnerschaften statt?", "und wo war der letzte?", []string{"5. Tag", "Landtag"}, []string{"Einen kommenden Termin"}},
		// "which other …" names a partner abroad: its partners, the place before left out.
		{"Welche Partnerstädte hat Herne?", "welche andere Stadt in NRW ist noch mit Wakefield verpartnert?", []string{"Castrop-Rauxel"}, []string{"Herne und Wakefield"}},
		// "who from X" names where someone comes from, no point in time.
		{"Ist Rheine im Kommunen-Netzwerk?", "und wer aus Rheine ist im Sprecherteam?", []string{"Schridde"}, []string{"davor oder danach"}},
		// "St." is Sankt, "Kr." is Kreis.
		{"Partnerstädte von Kerpen?", "und seit wann mit St. Vith?", []string{"Sankt Vith", "1983"}, nil},
		// "at least" is no superlative: a yes/no of membership.
		{"Who is the Landrat of Kreis Lippe?", "ok – is Kreis Lippe at least a member of the engagiert in NRW network?", []string{"Yes, Kreis Lippe is a member"}, []string{"the this"}},
		// "zusammen mit X beigetreten": the others of X's year.
		{"Seit wann ist Troisdorf im Kommunen-Netzwerk?", "und wer kam zusammen mit Troisdorf dazu?", []string{"Bocholt", "Wuppertal"}, []string{"Troisdorf (2017)"}},
		// "seit?" alone asks since when.
		{"Welche Partnerstadt hat Bochum in Japan?", "seit?", []string{"Tsukuba", "2019"}, nil},
		// "which one has the fewest" after a count of areas: of those areas.
		{"Wie viele Regierungsbezirke hat NRW?", "und welcher hat die wenigsten Gemeinden?", []string{"Regierungsbezirk Düsseldorf"}, []string{"Kreis Olpe"}},
		// Another office of the same organisation: the office changes, the organisation stays.
		{"Wie heißt der Geschäftsführer bei der Auslandsgesellschaft?", "und wer ist dort Kuratoriumsvorsitzender?", []string{"Kuschke"}, nil},
		// "ist der auch …?" after a who-question asks of the person named.
		{"Wer ist Sprecher vom Landesnetzwerk Engagierte Stadt NRW?", "ist der auch im NBE NRW?", []string{"Sprecherteam", "2022"}, nil},
		// "the newest one" after a network's count is its newest member.
		{"Wie viele Mitglieder hat das RegioPole-Netzwerk?", "und wer ist das neueste?", []string{"Kassel"}, []string{"Netzwerkstelle"}},
		// A partner abroad named after a place's twinnings: the twinning of the two.
		{"Welche Partnerstädte hat Bochum?", "und Donezk?", []string{"Bochum", "humanitäre Hilfe"}, nil},
		// "dort" after twinnings of what words named: of the same.
		{"Wie viele Partnerstädte haben die Kommunen im Ruhrgebiet?", "welche Kommunen dort haben keine?", []string{"Schermbeck", "Hattingen"}, nil},
		// "und danach?" after the chair of a year: who came after that one.
		{"Wer hatte 2022 den RegioPole-Vorsitz?", "und danach?", []string{"Würzburg"}, nil},
		// "ist da auch ein Kreis dabei?" after members lists the Kreise among them.
		{"Welche Kommunen haben 2012 als erste unterschrieben?", "ist da auch ein Kreis dabei?", []string{"Kreis Lippe", "nur Kreise"}, []string{"Lemgo"}},
		// "who funds it?" of a network whose statements name no funder:
		// who took part in a workshop is no answer.
		{"Was ist das Kommunen-Netzwerk?", "wer fördert das?", []string{"nennen meine Quellen nichts"}, []string{"Entwicklungswerkstatt 1"}},
		// "und der davor?" after the latest event: the latest before its year.
		{"Wann war der letzte Tag der Städtepartnerschaften?", "und der davor – wo war der?", []string{"4. Tag", "Hamm"}, []string{"5. Tag"}},
		// "worum ging's da?" after a numbered event: what that event was about.
		{"Wann war das 2. Forum Städtepartnerschaften NRW?", "worum ging's da?", []string{"75 Jahre Freundschaft"}, []string{"Ziel:"}},
		// "wie viele sind das?" after a body the words named: how many of it.
		{"Wer sitzt im Beirat der Netzwerkstelle?", "wie viele sind das insgesamt?", []string{"zehn (10) Mitglieder"}, []string{"keine Gesamtzahl"}},
		// A way to reach a twinning's people the base does not hold: said so.
		{"Welche Partnerstädte hat Lünen?", "und die Telefonnummer vom Partnerschaftsverein?", []string{"Telefonnummer der Städtepartnerschaften von Lünen nennen meine Quellen nichts"}, []string{"Partner: Zwolle"}},
		// "und ist X auch in Y?" is a yes/no question of its own, not since when.
		{"Sendenhorst – seit wann Engagierte Stadt?", "und ist Sendenhorst auch im Kommunen-Netzwerk engagiert in NRW?", []string{"nicht als Mitglied geführt"}, nil},
		// "das" before "nicht" or "auch" is no article: the place before.
		{"Wo liegt Sendenhorst?", "ist das nicht auch Engagierte Stadt?", []string{"Ja, Sendenhorst ist Mitglied", "2021"}, nil},
		{"Wo liegt Sendenhorst?", "ist das auch bei RegioPole?", []string{"Sendenhorst", "nicht als Mitglied"}, nil},
		// Why, how or since when of the one twinning asked before: that
		// twinning and what its source says, not the town's goals.
		{"When did Witten twin with Mekelle?", "why is there no exchange at the moment?", []string{"Tigray"}, []string{"goals of Witten"}},
		{"Hat Bochum eine Partnerstadt in der Ukraine?", "wie ist die entstanden?", []string{"Bochum und Donezk", "1987"}, []string{"Gründung von Bochum"}},
		{"Seit wann ist Münster mit Orléans verpartnert?", "warum?", []string{"nennen meine Quellen nichts", "1960"}, nil}, // found=false: nothing beyond its date
		// A new question about NRW, a join question, the network's founding
		// after its chair, a place named: not the rules above.
		{"Ist Troisdorf im Kommunen-Netzwerk engagiert in NRW?", "wie kann man beitreten?", []string{"Gemeinsame Erklärung"}, []string{"seit 6. Dezember 2017"}},
		{"Wer hat den Vorsitz bei RegioPole?", "wann wurde das Netzwerk gegründet?", []string{"16. März 2016"}, []string{"Vorsitzender"}},
		{"Ist Bielefeld bei RegioPole?", "wie viele Einwohner hat Paderborn, auch im Netzwerk?", []string{"Paderborn"}, []string{"9 Städte"}},
		{"Seit wann gibt es die Partnerschaft Dinslaken–Agen?", "und die anderen Netzwerke?", []string{"Netzwerke"}, []string{"Arad"}},
		// A pronoun with nothing of its own after a question only
		// statements answered: more of what those statements tell.
		{"Was ist die Handreichung des Landes von 2016 zu Städtepartnerschaften?", "wie umfangreich ist die?", []string{"60 Seiten"}, []string{"kenne ich nicht"}},
		{"Wann wurde das Netzwerk bürgerschaftliches Engagement NRW gegründet?", "wie viele mitglieder hat das?", []string{"70 Mitglieder"}, nil},
		// Two question words at once: both answers.
		{"Who founded the RegioPole network?", "when and where?", []string{"16 March 2016", "Jakob-Kaiser-Haus"}, nil},
		// The first chair city, the event after a year, twinnings after
		// a year of joining (which is no twinning's year).
		{"Who chairs the RegioPole network at the moment?", "who was the very first chair city?", []string{"Rostock"}, []string{"Kreis Steinfurt"}},
		{"Wo war der Tag der Städtepartnerschaften 2021?", "und der nächste danach?", []string{"2024", "Landtag"}, []string{"kommenden Termin"}},
		{"Welche NRW-Städte kamen 2022 zur Engagierten Stadt?", "und Gladbecks Partnerstädte?", []string{"Marcq-en-Barœul", "Alanya"}, []string{"geschlossen 2022"}},
		// How many it started with, after when it started.
		{"Wann startete das Programm Engagierte Stadt?", "mit wie vielen Städten?", []string{"50"}, []string{"396 Gemeinden"}},
		// The name it was founded under; the deadline of a year's round.
		{"Wann wurde die Auslandsgesellschaft gegründet?", "unter welchem namen damals?", []string{"Gesellschaft der Freunde des Auslandsinstituts"}, nil},
		{"Which NRW cities joined Engagierte Stadt in 2024?", "and when did applications close?", []string{"24 November 2023"}, nil},
		{"Reallabor NRW–Ukraine, since when?", "how often do they meet?", []string{"Alle zwei Monate"}, nil},
		// The first of an event series asked after it: that one, no oldest network.
		{"Seit wann gibt es den Tag der Städtepartnerschaften?", "wo war der erste?", []string{"1. Termin"}, []string{"Netzwerke im Vergleich"}},
		// A question before that named a network: its own kinds answer what the follow-up asks.
		{"Wann wurde die Netzwerkstelle eingerichtet?", "und wo sitzt die?", []string{"Dortmund"}, nil},
		// Who founded it, after when; since when a place is in a network, after the place.
		{"When was the RegioPole network founded?", "which cities founded it?", []string{"Bielefeld", "Erfurt", "Trier"}, []string{"396"}},
		{"goch - welcher kreis?", "und seit wann engagierte stadt?", []string{"Februar 2024"}, []string{"besteht seit 2015"}},
		// A pronoun for the person the answer before named asks of that
		// person, where the question before asked beyond a subject's
		// attribute or the follow-up asks beyond it ("other").
		{"Who is Klaus Wegener?", "what did he announce in 2024?", []string{"Praxistag"}, nil},
		{"Who speaks for the Landesnetzwerk Engagierte Stadt NRW?", "is he active in any other network too?", []string{"NBE NRW"}, nil},
		// The one member a filtered list named: since when it is in.
		{"Which member of the RegioPole network is from Hesse?", "when did it join?", []string{"Kassel", "2025"}, nil},
		// Since when exactly: the twinnings with their day.
		{"hat schwelm ne partnerstadt?", "seit wann genau?", []string{"2. September 2007"}, nil},
		// The second speaker's city, asked after the speakers.
		{"Wer ist Sprecherin vom Kommunen-Netzwerk engagiert in NRW?", "und der zweite Sprecher kommt aus welcher Stadt?", []string{"Rheine"}, []string{"396 Gemeinden"}},
		// "er", "ihn" after a Kreis or the chair point at them, not at a
		// person; a person asked by name is the one followed up.
		{"Wer hat den Vorsitz bei RegioPole?", "und wer hatte ihn 2019?", []string{"Trier"}, nil},
		{"Wie viele Gemeinden hat der Oberbergische Kreis?", "ist er Mitglied im Kommunen-Netzwerk?", []string{"Oberbergischer Kreis"}, nil},
		{"Who is Sylvia Asmussen?", "where is she from?", []string{"Oberbergischer Kreis"}, []string{"Rheine"}},
		// A new subject in place of the word that named the one before.
		{"Seit wann gibt es die Auslandsgesellschaft?", "und die netzwerkstelle?", []string{"2021"}, nil},
		// Who came last, after the founding: the newest member.
		{"Wer hat das RegioPole-Netzwerk gegründet?", "und wer ist zuletzt dazugekommen?", []string{"Kassel"}, []string{"Netzwerke im Vergleich"}},
		// A place and where it lies: a question of its own.
		{"Who are the speakers of the Kommunen-Netzwerk engagiert in NRW?", "which Kreis is Rheine in?", []string{"Kreis Steinfurt"}, nil},
		// An office of the carrier named before: the statement that names
		// who holds it there.
		{"Wer leitet die Netzwerkstelle?", "und wer ist Präsident vom Träger?", []string{"Klaus Wegener"}, nil},
		// An area narrows a count of the Land; a year on or back.
		{"wie viele gemeinden gibt es in nrw?", "und davon im regierungsbezirk münster?", []string{"78"}, []string{"396"}},
		{"Wie viele Engagierte Städte gab es 2020?", "und ein Jahr später?", []string{"100", "2021"}, []string{"Netzwerke im Vergleich"}},
		{"who joined engagiert in nrw in 2020?", "and the year before?", []string{"2019"}, []string{"2020)"}},
		{"Hat Iserlohn eine ukrainische Partnerstadt?", "wo wurde die Urkunde unterschrieben?", []string{"Chorzów"}, []string{"Gründungsort von Iserlohn"}},
		{"Does Bocholt have a partner in Albania?", "and the Lithuanian partner – when was that made official?", []string{"14 May 2022"}, nil},
		// "The other one" of a pair is the place's other partner.
		{"Dinslaken hat zwei Partnerstädte, oder? Seit wann gibt's die mit Agen?", "and the other one?", []string{"Arad", "1989"}, []string{"Apart from Dinslaken"}},
		// How a place came into the network it was asked about; when it
		// joined; since when the chair chairs, and who chaired before.
		{"Ist Troisdorf im Kommunen-Netzwerk engagiert in NRW?", "wie ist die stadt da reingekommen?", []string{"Entwicklungswerkstatt", "2017"}, []string{"Rhein-Sieg-Kreis hat"}},
		{"Which RegioPole members are from Rhineland-Palatinate?", "when did Koblenz join?", []string{"2019"}, []string{"how to join"}},
		{"Who chairs the RegioPole network at the moment?", "since when?", []string{"2025"}, []string{"since 16 March 2016"}},
		// The one partner in a country a follow-up names, and what its
		// sources tell; a pair's place in another country; the network's
		// size; the first of those in a country by its note.
		{"Kerpen Partnerstädte", "wie ist die polnische entstanden?", []string{"Oświęcim", "1991"}, []string{"Gründung von Kerpen"}},
		{"what are Moers' twin towns?", "what's the story behind the Italian one?", []string{"Stazzema", "1944"}, nil},
		{"was ist eigentlich mit der düsseldorfer partnerschaft mit moskau?", "und gibt's stattdessen eine ukrainische partnerstadt?", []string{"Czernowitz"}, nil},
		{"seit wann ist rheinbach im kommunen-netzwerk?", "und wie groß ist das netzwerk inzwischen?", []string{"über 100"}, []string{"Einwohnerzahl"}},
		{"list Duisburg's twin towns pls", "which of those was the first West German–Chinese twinning?", []string{"Wuhan", "1982"}, []string{"Portsmouth"}},
		{"Wer hat das RegioPole-Netzwerk gegründet?", "where exactly did they sign?", []string{"Jakob-Kaiser-Haus"}, []string{"Bielefeld is a"}},
		// "And for X?" asks the same attribute of X.
		{"What funding does the Land offer for twinning projects?", "and for Europawoche events?", []string{"Europawoche", "2.000"}, []string{"Nothing found"}},
		{"wie viel förderung gibt's für europawoche-veranstaltungen?", "und für partnerschaftsprojekte beim landeswettbewerb?", []string{"5.000"}, []string{"nichts in meiner Wissensbasis"}},
		// "Any from NRW?" after a count of a year: the members from there.
		{"How many new Engagierte Städte were welcomed in February 2024?", "any from NRW?", []string{"Herford", "Goch"}, []string{"say nothing"}},
		// "Im selben Kreis" after where a place lies: that Kreis.
		{"in welchem Kreis liegt Beckum?", "gibt es im selben Kreis auch eine Engagierte Stadt?", []string{"Sendenhorst"}, nil},
		// "und Essen?": an everyday word capitalised alone after "und" is
		// the place; "und Gemeinden?" after the Kreise counts them.
		{"Hat Duisburg eine Partnerstadt in China?", "und Essen?", []string{"Changzhou"}, []string{"Wuhan"}},
		{"wie viele kreise hat nrw", "und gemeinden?", []string{"396"}, nil},
		// "in welchem Netzwerk ist die Stadt?" after its Kreis: its networks.
		{"Sendenhorst – welcher Kreis?", "und in welchem Netzwerk ist die Stadt?", []string{"Engagierte Stadt", "2021"}, []string{"Gemeinden:"}},
		// A complete question stands alone.
		{"Ist Lemgo eine Engagierte Stadt?", "Wie viele Mitglieder hat RegioPole?", []string{"9"}, []string{"Lemgo"}},
		// Another network named keeps the place; its start is asked in words.
		{"Ist Würzburg auch Engagierte Stadt?", "und seit wann bei den Regiopolen?", []string{"Würzburg", "2019"}, nil},
		{"Wo liegt Bocholt?", "seit wann gibt es die Engagierte Stadt?", []string{"2015"}, []string{"Bocholt ist Mitglied"}},
		// A partner in Germany is a pair too; a series' first; since when
		// the few a list across networks named are in each.
		{"lemgo partnerstädte?", "seit wann die mit stendal?", []string{"1988"}, []string{"Mitglied in einem Netzwerk"}},
		{"Wann und wo war der 4. Tag der Städtepartnerschaften?", "und der erste?", []string{"1. Termin"}, []string{"Netzwerke im Vergleich"}},
		{"Welche Regiopole-Stadt aus NRW ist auch im Kommunen-Netzwerk?", "seit wann?", []string{"Paderborn", "2016", "25. September 2020"}, nil},
		// Who took part in an event of a network without members: that
		// event's statements.
		{"what was the 9th Forum Städtepartnerschaften about?", "which cities reported?", []string{"Oberhausen", "Hürth"}, []string{"no members"}},
		// The one before an event of a year: the latest before that year.
		{"how many people attended the Tag der Städtepartnerschaften in January 2024?", "and the one before?", []string{"Hamm", "2021"}, nil},
		// "Davon" after a figure of twinnings: the same figures.
		{"Wie viele ausländische Städtepartnerschaften haben NRW-Kommunen laut IT.NRW?", "und wie viele davon mit EU-Kommunen?", []string{"546"}, []string{"396 Gemeinden"}},
		// A numbered event of the series asked before, by its new word.
		{"When did the Reallabor Kommunaler Aufbaupartnerschaften NRW–Ukraine start?", "how many Kommunen came to the first exchange?", []string{"17"}, nil},
		{"Wie viele Kommunen waren bei der 1. Austauschveranstaltung des Reallabors?", "und wann war die zweite?", []string{"19. September 2023"}, nil},
		// … but a question for members asks for members; "davon" with a
		// filter of its own is that filter's question.
		{"Worum ging es beim 2. Forum Städtepartnerschaften?", "wer ist Mitglied?", []string{"keine Mitglieder"}, []string{"Reading"}},
		{"Wie viele Städtepartnerschaften gibt es in NRW?", "und wie viele davon ruhen?", nil, []string{"828"}},
		// What a partner itself is asked of is the partner's.
		{"Seit wann ist Düsseldorf mit Palermo verpartnert?", "und wie viele Einwohner hat Palermo?", []string{"Einwohnerzahl von Palermo"}, []string{"2016"}},
		// The carrier named, its start asked.
		{"Wer ist der Träger der Netzwerkstelle?", "seit wann gibt es den Träger?", []string{"1949"}, nil},
		// The next one after a numbered event is the one after it.
		{"Wo war der 4. Tag der Städtepartnerschaften?", "und der nächste danach?", []string{"5. Tag", "Landtag"}, nil},
		{"Does Bottrop have a twin town in Poland?", "and a French one?", []string{"Tourcoing", "1967"}, []string{"Gliwice"}},
	}
	for _, tt := range tests {
		prev := e.Ask(ctx, tt.first)
		if prev.Frame == "" {
			t.Fatalf("Ask(%q) has no frame to follow up on", tt.first)
		}
		got := e.AskFollowUp(ctx, tt.then, prev.Frame).PlainText()
		for _, s := range tt.want {
			if !strings.Contains(got, s) {
				t.Errorf("AskFollowUp(%q after %q) lacks %q:\n%s", tt.then, tt.first, s, got)
			}
		}
		for _, s := range tt.none {
			if strings.Contains(got, s) {
				t.Errorf("AskFollowUp(%q after %q) says %q:\n%s", tt.then, tt.first, s, got)
			}
		}
	}
	// A frame that does not decode is no frame: the question stands alone.
	if a := e.AskFollowUp(ctx, "Bielefeld", "{kaputt"); !a.Found {
		t.Errorf("AskFollowUp with a broken frame found nothing")
	}
}
