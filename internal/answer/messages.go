package answer

import (
	"fmt"
	"strings"

	"github.com/engagiert/engagiert/internal/domain"
)

// messages are the engine's own sentences, German and English, in one
// table: an answer is written in the language of its question, and a
// sentence added here is added in both (TestMessages checks that each
// pair takes the same arguments). Facts quoted from sources stay German.
var messages = map[string][2]string{
	// Nothing known.
	"nothing":          {"Dazu habe ich nichts in meiner Wissensbasis.", "I have nothing on this in my knowledge base."},
	"nothing.scope":    {"Ich beantworte Fragen zu Netzwerken von Kommunen, ihren Mitgliedern und zu Städtepartnerschaften in NRW.", "I answer questions about networks of municipalities, their members and town twinnings in NRW."},
	"nothing.title":    {"Keine passenden Einträge", "Nothing found"},
	"unknown":          {"„%s“ kenne ich nicht: dazu habe ich nichts in meiner Wissensbasis.", "I don't know “%s”: I have nothing on it in my knowledge base."},
	"unknown.state":    {"Aus %s führt meine Wissensbasis keine Mitglieder der Netzwerke, die ich kenne.", "My knowledge base lists no members from %s in the networks I know."},
	"noinfo":           {"Zu %s nennen meine Quellen nichts (%s).", "My sources say nothing about %s of %s."},
	"noinfo.place":     {"Zu %s von %s nennen meine Quellen nichts.", "My sources say nothing about %s of %s."},
	"noinfo.this":      {"Zu dieser Frage nennen meine Quellen zu %s nichts.", "My sources say nothing on this about %s."},
	"noinfo.year":      {"Für %d nennen meine Quellen dazu nichts.", "My sources say nothing on this for %d."},
	"count.named.some": {"Meine Quelle nennt %d Kommunen, nach eigener Angabe nicht alle:", "My source names %d municipalities, by its own account not all of them:"},
	"count.named":      {"Meine Quelle nennt %d Kommunen:", "My source names %d municipalities:"},
	"noinfo.sum":       {"Einen Betrag dazu nennen meine Quellen nicht.", "My sources give no sum for this."},
	"noinfo.figure":    {"Eine Zahl dazu nennen meine Quellen nicht.", "My sources give no figure for this."},
	"noinfo.amount":    {"Zur Höhe der Förderung nennen meine Quellen nichts (%s).", "My sources give no amount of funding for %s."},
	"chair.after.none": {"Wer nach %s den Vorsitz hat, nennen meine Quellen nicht.", "My sources do not say who chairs after %s."},
	"chair.none.of":    {"Wer den Vorsitz von „%s“ hat, nennen meine Quellen nicht.", "My sources do not say who chairs the “%s”."},
	"noinfo.words":     {"Zu „%s“ nennen meine Quellen nichts.", "My sources say nothing about “%s”."},
	"noinfo.words.of":  {"Zu „%s“ nennen meine Quellen für %s nichts.", "My sources say nothing about “%s” for %s."},
	"known":            {"Das weiß ich: %s", "What I know: %s"},
	"failed.title":     {"Das hat gerade nicht geklappt", "That did not work"},
	"failed":           {"Bei der Suche ist ein Fehler aufgetreten. Versuch es bitte gleich noch einmal.", "The search failed. Please try again in a moment."},
	"mentioned":        {"„%s“ ist in meiner Wissensbasis kein Ort und kein Netzwerk; erwähnt wird es hier:", "“%s” is no place or network in my knowledge base; it is mentioned here:"},
	"sources.say":      {"Dazu sagen meine Quellen:", "My sources say:"},
	"nofigures":        {"Für %s nennen meine Quellen keine Gesamtzahl.", "My sources give no total for %s."},
	"nodates":          {"Wann die Mitglieder von %s beigetreten sind, nennen meine Quellen nicht.", "My sources do not say when the members of %s joined."},
	"nocompare":        {"Dafür nennen meine Quellen keine vergleichbaren Angaben.", "My sources give nothing to compare on this."},
	"nofounding":       {"Wann und wo %s gegründet wurde, nennen meine Quellen nicht.", "My sources do not say when or where %s was founded."},
	"nofounded.when":   {"Wann %s gegründet wurde, nennen meine Quellen nicht.", "My sources do not say when %s was founded."},

	// Places.
	"place.none":         {"Die Netzwerke, die ich kenne, führen %s nicht.", "The networks I know do not list %s."},
	"place.in1":          {"Mitglied in einem Netzwerk.", "Member of one network."},
	"place.inN":          {"Mitglied in %d Netzwerken.", "Member of %d networks."},
	"place.rb":           {"Der %s ist einer von fünf Regierungsbezirken in %s.", "The %s is one of five Regierungsbezirke in %s."},
	"place.kreisfrei":    {"%s ist eine kreisfreie Stadt", "%s is a kreisfreie Stadt (independent city)"},
	"place.is":           {"%s ist %s", "%s is %s"},
	"same.area":          {"%s liegen beide %s.", "%s both lie in %s."},
	"same.region":        {"Beide liegen %s.", "Both lie in %s."},
	"common.lead":        {"Das haben %s und %s gemeinsam:", "What %s and %s have in common:"},
	"common.none":        {"Gemeinsamkeiten von %s und %s nennt meine Wissensbasis nicht.", "My knowledge base names nothing %s and %s share."},
	"common.network":     {"%s – beide Mitglied: %s (%s), %s (%s)", "%s – both are members: %s (%s), %s (%s)"},
	"common.partners":    {"Gemeinsame Partnerstadt: %s", "A twin town of both: %s"},
	"common.twinned":     {"%s und %s sind miteinander verpartnert.", "%s and %s are twinned with each other."},
	"lies.in":            {"%s liegt %s", "%s lies in %s"},
	"kreisfrei.none":     {"als kreisfreie Stadt in keinem Kreis", "no Kreis (a kreisfreie Stadt)"},
	"anniversary":        {"Das %d-jährige Bestehen von %s fällt auf %d (gegründet %d).", "The %d-year anniversary of %s falls in %d (founded in %d)."},
	"anniversary.past":   {"Das %d-jährige Bestehen von %s fiel auf %d (gegründet %d).", "The %d-year anniversary of %s fell in %d (founded in %d)."},
	"place.official":     {"Die amtliche Bezeichnung von %s ist „%s“.", "The official name of %s is „%s“."},
	"official.title":     {"Amtliche Bezeichnungen", "Official names"},
	"official.list":      {"%d Kommunen %s tragen einen Zusatz in ihrer amtlichen Bezeichnung: %s.", "%d municipalities in %s carry an addition in their official name: %s."},
	"official.none.area": {"Dort trägt keine Kommune einen Zusatz in ihrer amtlichen Bezeichnung.", "No municipality there carries an addition in its official name."},
	"place.key":          {"Der Amtliche Gemeindeschlüssel (AGS) von %s ist %s.", "The official municipality key (AGS) of %s is %s."},
	"place.in":           {" in %s", " in %s"},
	"place.region":       {" (Regierungsbezirk %s)", " (Regierungsbezirk %s)"},
	"place.of":           {" von %s", " of %s"},
	"place.district":     {" %s", " in the %s"},
	"place.members":      {"%s aus dem Gebiet: %s", "%s from the area: %s"},
	"place.partners":     {"Städtepartnerschaften: %s", "Town twinnings: %s"},
	"place.partnersN":    {"Partner in NRW: %s", "Partners in NRW: %s"},
	"sibling":            {"%s ist Mitglied: %s", "%s is a member: %s"},
	"also.member":        {"Außerdem Mitglied: %s", "Also a member of: %s"},
	"networks.of":        {"Mitglied: %s", "Member of: %s"},
	"yes":                {"Ja", "Yes"},
	"no":                 {"Nein", "No"},
	"kreisfrei.not":      {"Nein. %s ist nicht kreisfrei.", "No. %s is not a kreisfreie Stadt."},
	"since":              {"seit %s", "since %s"},
	"and":                {"und", "and"},
	"more":               {"und %d weitere", "and %d more"},
	"more1":              {"und ein weiteres", "and one more"},

	// Memberships.
	"member.yes":        {"Ja, %s ist Mitglied – %s%s.", "Yes, %s is a member – %s%s."},
	"member.is":         {"%s ist Mitglied – %s%s.", "%s is a member – %s%s."},
	"member.no":         {"Nein, %s (%s) ist bei %s nicht als Mitglied geführt.", "No, %s (%s) is not listed as a member of %s."},
	"member.unknown":    {"Nein, %s ist bei %s nicht als Mitglied geführt.", "No, %s is not listed as a member of %s."},
	"member.unknown2":   {"„%s“ führt meine Wissensbasis in keinem Netzwerk.", "My knowledge base lists “%s” in no network."},
	"twin.partial.note": {"meine Liste ist nicht vollständig", "my list is not complete"},
	"member.partial":    {"Meine Liste der Mitglieder ist allerdings nicht vollständig.", "The member list I know is not complete, though."},
	// list.among stands for a list of places in a quoted (German) statement: German in English answers too.
	"list.among":        {"u. a. %s", "u. a. %s"},
	"member.left":       {"Nein, %s ist kein Mitglied mehr – %s: ausgetreten %s.", "No, %s is no longer a member of %s: it left in %s."},
	"member.sibling":    {"Mitglied ist der %s – %s%s.", "The %s is a member – %s%s."},
	"member.area":       {"%s selbst ist nicht als Mitglied geführt; aus dem Gebiet: %s – %s.", "%s itself is not listed as a member of %s; from the area: %s."},
	"member.listed":     {"Als Mitglied geführt ist %s – %s%s.", "Listed as a member: %s – %s%s."},
	"member.nodate":     {"; seit wann, nennen meine Quellen nicht", "; my sources do not say since when"},
	"member.since":      {"Mitglied seit %s", "member since %s"},
	"member.sinceno":    {"Mitglied (Beitrittsjahr nennen meine Quellen nicht)", "member (my sources give no year)"},
	"memberships.title": {"Mitgliedschaften", "Memberships"},
	"holder.yes":        {"Ja, %s trägt den Titel – %s%s.", "Yes, %s holds the title – %s%s."},
	"holder.is":         {"%s trägt den Titel – %s%s.", "%s holds the title – %s%s."},
	"holder.no":         {"Nein, %s (%s) führt meine Wissensbasis nicht als Träger des Titels %s.", "No, my knowledge base does not list %s (%s) as a holder of the title %s."},

	// Member lists.
	"members":           {"Mitglieder", "Members"},
	"members.of":        {"Mitglieder: %s", "Members: %s"},
	"holders":           {"Titelträger", "Holders"},
	"holders.lead":      {"%s: %d Titelträger in meiner Wissensbasis%s.", "%s: %d holders known to me%s."},
	"holders.total":     {"%s: %s Titelträger insgesamt%s; namentlich bekannt: %d.", "%s: %s holders in all%s; %d known to me by name."},
	"awarded":           {"ausgezeichnet %s", "awarded %s"},
	"awarded.undated":   {"ausgezeichnet (das Jahr nennen meine Quellen nicht)", "awarded (my sources give no year)"},
	"members.none":      {"Meine Wissensbasis führt für %s keine Mitglieder (%s).", "My knowledge base lists no members of %s (%s)."},
	"members.none.all":  {"Meine Wissensbasis führt für %s keine Mitglieder.", "My knowledge base lists no members of %s."},
	"members.n":         {"%d %s%s.", "%d %s%s."},
	"members.named":     {"Namentlich bekannt sind mir %d %s%s.", "%d %s known to me by name%s."},
	"members.named1":    {"Namentlich bekannt ist mir %d %s%s.", "%d %s known to me by name%s."},
	"members.complete":  {"%s: %d %s%s.", "%s has %d %s%s:"},
	"members.total":     {"%s: %s%s; davon namentlich bekannt: %d.", "%s: %s in all%s; %d of them are known to me by name."},
	"members.partial":   {"%s%s: namentlich bekannt sind mir %d %s.", "%s%s: %d %s known to me by name."},
	"member.word":       {"Mitglied", "member"},
	"members.word":      {"Mitglieder", "members"},
	"memberships.n":     {"%d %s%s in meiner Wissensbasis, soweit meine Quellen die Mitglieder namentlich nennen.", "%d %s%s in my knowledge base, as far as my sources name the members."},
	"membership.word":   {"Mitgliedschaft", "membership"},
	"memberships.word":  {"Mitgliedschaften", "memberships"},
	"shared":            {"%d %s Mitglied in %s (soweit meine Mitgliederlisten reichen).", "%d %s members of %s (as far as my member lists go)."},
	"shared.none":       {"Meine Wissensbasis führt keinen Ort, der Mitglied in %s ist.", "My knowledge base lists no place that is a member of %s."},
	"shared.title":      {"Mitglied in %s", "Members of %s"},
	"shared.list":       {"In allen genannten Netzwerken", "In all the networks named"},
	"place.word":        {"Ort ist", "place is"},
	"places.word":       {"Orte sind", "places are"},
	"cross":             {"%d %s in mehr als einem Netzwerk als Mitglied geführt (soweit meine Mitgliederlisten reichen).", "%d %s listed in more than one network (as far as my member lists go)."},
	"cross.none":        {"Meine Wissensbasis führt keinen Ort als Mitglied in mehr als einem Netzwerk.", "My knowledge base lists no place in more than one network."},
	"cross.title":       {"Orte in mehreren Netzwerken", "Places in several networks"},
	"cross.list":        {"Mitglied in mehreren Netzwerken", "Member of several networks"},
	"not.title":         {"Nicht bei %s", "Not in %s"},
	"nonet.lead":        {"%d %s%s sind in keinem der Netzwerke, die ich kenne, soweit meine Quellen deren Mitglieder namentlich nennen.", "%d %s%s are in none of the networks I know, as far as my sources name their members."},
	"nonet.none":        {"Alle %s%s sind in mindestens einem der Netzwerke, die ich kenne.", "All %s%s are in at least one of the networks I know."},
	"nonet.title":       {"In keinem Netzwerk", "In no network"},
	"not.lead":          {"Von den Orten meiner Mitgliederlisten sind %d nicht bei %s%s:", "Of the places in my member lists, %d are not in %s%s:"},
	"not.none":          {"Alle Orte meiner Mitgliederlisten%s sind auch bei %s.", "All places of my member lists%s are in %s too."},
	"not.complete":      {"Die Mitgliederliste von %s ist vollständig (%d).", "The member list of %s is complete (%d)."},
	"states":            {"%s hat Mitglieder in %d Bundesländern: %s.", "%s has members in %d Bundesländer: %s."},
	"states.partial":    {"%s: Mitglieder, die meine Quellen nennen, kommen aus %d Bundesländern: %s.", "%s: the members my sources name come from %d Bundesländer: %s."},
	"states.title":      {"Bundesländer: %s", "Bundesländer: %s"},
	"in.state":          {"aus %s", "from %s"},
	"outside.state":     {"außerhalb von %s", "outside %s"},
	"in.area":           {"%s", "in %s"},
	"only.kind":         {"nur %se", "%se only"},
	"only.kreisfrei":    {"nur kreisfreie Städte", "kreisfreie Städte only"},
	"only.kreisangeh":   {"nur kreisangehörige", "towns in a Kreis only"},
	"left.lead":         {"Ehemalige Mitglieder von %s laut meiner Wissensbasis: %d%s.", "Former members of %s in my knowledge base: %d%s."},
	"left.none":         {"Ehemalige Mitglieder von %s nennt meine Wissensbasis nicht%s.", "My knowledge base names no former members of %s%s."},
	"land.figure":       {"In Nordrhein-Westfalen gibt es %s %s.", "Nordrhein-Westfalen has %s: %s."},
	"left.in":           {"ausgetreten %d", "left in %d"},
	"left.any":          {"ehemalige Mitglieder", "former members"},
	"joined.in":         {"dazugekommen %d", "joined in %d"},
	"joined.before":     {"dazugekommen vor %d", "joined before %d"},
	"joined.after":      {"dazugekommen ab %d", "joined in %d or later"},
	"joined.between":    {"dazugekommen %d bis %d", "joined %d to %d"},
	"founders":          {"Gründungsmitglieder", "founding members"},
	"not.founders":      {"ohne die Gründungsmitglieder", "other than the founding members"},
	"not.in":            {"nicht bei %s", "not in %s"},
	"partners.of":       {"Partnerstadt: ", "twin town: "},
	"partners.ofN":      {"Partnerstädte: ", "twin towns: "},
	"with.twinning.in":  {"mit Partnerstadt %s", "twinned with a town %s"},
	"with.twinning":     {"mit Städtepartnerschaft", "with a town twinning"},
	"without.twinning":  {"ohne Städtepartnerschaft in meiner Wissensbasis", "without a town twinning in my knowledge base"},
	"except":            {"ohne %s", "other than %s"},
	"role":              {"„%s“", "“%s”"},
	"longest":           {"Am längsten dabei", "Members the longest"},
	"newest":            {"Zuletzt dazugekommen", "Joined most recently"},
	"most.one":          {"%s (%s): %s, seit %s.", "%s (%s): %s, since %s."},
	"most.tied":         {"%s (%s), seit %d: %s.", "%s (%s), since %d: %s."},
	"most.undated":      {"Bei %d weiteren Mitgliedern nennen meine Quellen kein Beitrittsjahr.", "For %d more members my sources give no year of joining."},
	"overview.title":    {"Diese Netzwerke kenne ich", "The networks I know"},
	"overview":          {"Meine Wissensbasis umfasst %d Netzwerke und Titel:", "My knowledge base covers %d networks and titles:"},
	"overview.in":       {"%d %s mit Bezug zu %s:", "%d %s related to %s:"},
	"overview.in.title": {"Netzwerke in %s", "Networks in %s"},
	"network.word":      {"Netzwerk", "network"},
	"networks.word":     {"Netzwerke", "networks"},
	"members.from":      {"%d %s aus %s in meiner Wissensbasis", "%d %s from %s in my knowledge base"},

	// Networks.
	"founded":          {"Gegründet %s", "Founded %s"},
	"founded.since":    {"%s besteht seit %s.", "%s was founded %s."},
	"founded.where":    {"Gegründet wurde %s im %s%s.", "%s was founded at the %s%s."},
	"founded.by":       {"%s – gegründet von: %s.", "%s was founded by %s."},
	"founded.by.when":  {"%s wurde %s gegründet, von: %s.", "%s was founded %s by %s."},
	"members.line":     {"Mitglieder: %s", "Members: %s"},
	"website":          {"Website: %s", "Website: %s"},
	"figures.older":    {"Frühere Angaben: %s", "Earlier figures: %s"},
	"figure.lead":      {"%s: %s%s.", "%s has %s members%s."},
	"stand":            {" (Stand %s)", " (as of %s)"},
	"stand.none":       {" (neueste Angabe)", " (latest figure)"},
	"named.members":    {"davon namentlich bekannt: %d", "%d of them known to me by name"},
	"named.all":        {"alle: %s", "all: %s"},
	"goal":             {"Ziel: %s", "Goal: %s"},
	"built.by":         {"%s: aufgebaut von %s.", "%s: set up by %s."},
	"no.until":         {"Bis wann das läuft, nennen meine Quellen nicht. Bekannt ist:", "My sources do not say until when; what they say:"},
	"no.coming":        {"Einen kommenden Termin nennen meine Quellen nicht; zuletzt:", "My sources give no coming date; the latest:"},
	"eligible":         {"%s, nach meinen Quellen: gefragt sind Kommunen mit %s bis %s Einwohnern.", "%s, by my sources: the range is %s to %s inhabitants."},
	"eligible.unsure":  {"Unklar: meine Quellen nennen dafür keine Größengrenze.", "Unclear: my sources give no size limit for this."},
	"join.title":       {"Mitmachen und Aufnahme", "Joining"},
	"chair.before":     {"Vor %s hatte den Vorsitz: %s", "Before %s, the chair was: %s"},
	"chair.after":      {"Nach %s hatte den Vorsitz: %s", "After %s, the chair was: %s"},
	"chair.sequence":   {"Den Vorsitz hatten nacheinander: %s.", "The chair went in turn to: %s."},
	"apology.title":    {domain.Apology("").Title, "That did not work just now"},
	"apology":          {domain.ApologyLead, "Something went wrong with this question. Please try again in a moment, perhaps asked a little differently."},
	"chair.now":        {"der jetzigen Vorsitzstadt", "the current chair"},
	"event.no.ordinal": {"Einen %d. Termin dieser Reihe nennen meine Quellen nicht; zuletzt:", "My sources name no event no. %d of this series; the latest they name:"},
	"chair.list":       {"Vorsitz, in zeitlicher Folge", "Chair, in order of time"},
	"chair.before.all": {"Vor %s hatten %d Städte den Vorsitz, soweit meine Quellen sie nennen:", "Before %s, %d cities held the chair, as far as my sources name them:"},
	"chair.before.one": {"Vor %s hatte, soweit meine Quellen sie nennen, eine Stadt den Vorsitz:", "Before %s, one city held the chair, as far as my sources name it:"},
	"chair.first":      {"Als Erste hatte %s den Vorsitz.", "%s held the chair first."},
	"chair.none":       {"Wer vor oder nach %s den Vorsitz hatte, nennen meine Quellen nicht.", "My sources do not say who chaired before or after %s."},

	// Comparisons.
	"cmp.founding.oldest":         {"%s ist älter (%s) als %s (%s).", "%s is older (%s) than %s (%s)."},
	"cmp.founding.newest":         {"%s ist jünger (%s) als %s (%s).", "%s is younger (%s) than %s (%s)."},
	"cmp.founding.largest":        {"%s ist älter (%s) als %s (%s).", "%s is older (%s) than %s (%s)."},
	"cmp.founding.smallest":       {"%s ist jünger (%s) als %s (%s).", "%s is younger (%s) than %s (%s)."},
	"cmp.size.largest":            {"%s ist größer (%s) als %s (%s).", "%s is bigger (%s) than %s (%s)."},
	"cmp.size.smallest":           {"%s ist kleiner (%s) als %s (%s).", "%s is smaller (%s) than %s (%s)."},
	"cmp.size.oldest":             {"%s ist größer (%s) als %s (%s).", "%s is bigger (%s) than %s (%s)."},
	"cmp.size.newest":             {"%s ist kleiner (%s) als %s (%s).", "%s is smaller (%s) than %s (%s)."},
	"cmp.members.largest":         {"%s hat mehr Mitglieder (%s) als %s (%s).", "%s has more members (%s) than %s (%s)."},
	"cmp.members.smallest":        {"%s hat weniger Mitglieder (%s) als %s (%s).", "%s has fewer members (%s) than %s (%s)."},
	"cmp.members.oldest":          {"%s hat mehr Mitglieder (%s) als %s (%s).", "%s has more members (%s) than %s (%s)."},
	"cmp.members.newest":          {"%s hat weniger Mitglieder (%s) als %s (%s).", "%s has fewer members (%s) than %s (%s)."},
	"cmp.joined.oldest":           {"%s ist länger dabei (%s) als %s (%s).", "%s has been a member longer (%s) than %s (%s)."},
	"cmp.joined.newest":           {"%s ist später dazugekommen (%s) als %s (%s).", "%s joined later (%s) than %s (%s)."},
	"cmp.joined.largest":          {"%s ist länger dabei (%s) als %s (%s).", "%s has been a member longer (%s) than %s (%s)."},
	"cmp.joined.smallest":         {"%s ist später dazugekommen (%s) als %s (%s).", "%s joined later (%s) than %s (%s)."},
	"cmp.networks.largest":        {"%s ist in mehr Netzwerken (%s) als %s (%s).", "%s is in more networks (%s) than %s (%s)."},
	"cmp.networks.smallest":       {"%s ist in weniger Netzwerken (%s) als %s (%s).", "%s is in fewer networks (%s) than %s (%s)."},
	"cmp.twinnings.largest":       {"%s hat mehr Städtepartnerschaften (%s) als %s (%s).", "%s has more town twinnings (%s) than %s (%s)."},
	"cmp.twinnings.smallest":      {"%s hat weniger Städtepartnerschaften (%s) als %s (%s).", "%s has fewer town twinnings (%s) than %s (%s)."},
	"cmp.municipalities.largest":  {"%s hat mehr Gemeinden (%s) als %s (%s).", "%s has more municipalities (%s) than %s (%s)."},
	"cmp.municipalities.smallest": {"%s hat weniger Gemeinden (%s) als %s (%s).", "%s has fewer municipalities (%s) than %s (%s)."},
	"top.founding.oldest":         {"Am ältesten ist %s (%s).", "The oldest is %s (%s)."},
	"top.founding.newest":         {"Am jüngsten ist %s (%s).", "The youngest is %s (%s)."},
	"top.founding.largest":        {"Am ältesten ist %s (%s).", "The oldest is %s (%s)."},
	"top.founding.smallest":       {"Am jüngsten ist %s (%s).", "The youngest is %s (%s)."},
	"top.size.largest":            {"Am größten ist %s (%s).", "The biggest is %s (%s)."},
	"top.size.smallest":           {"Am kleinsten ist %s (%s).", "The smallest is %s (%s)."},
	"top.size.oldest":             {"Am größten ist %s (%s).", "The biggest is %s (%s)."},
	"top.size.newest":             {"Am kleinsten ist %s (%s).", "The smallest is %s (%s)."},
	"top.members.largest":         {"Die meisten Mitglieder hat %s (%s).", "%s has the most members (%s)."},
	"top.members.smallest":        {"Die wenigsten Mitglieder hat %s (%s).", "%s has the fewest members (%s)."},
	"top.members.oldest":          {"Die meisten Mitglieder hat %s (%s).", "%s has the most members (%s)."},
	"top.members.newest":          {"Die wenigsten Mitglieder hat %s (%s).", "%s has the fewest members (%s)."},
	"top.joined.oldest":           {"Am längsten dabei ist %s (%s).", "%s has been a member longest (%s)."},
	"top.joined.newest":           {"Zuletzt dazugekommen ist %s (%s).", "%s joined most recently (%s)."},
	"top.joined.largest":          {"Am längsten dabei ist %s (%s).", "%s has been a member longest (%s)."},
	"top.joined.smallest":         {"Zuletzt dazugekommen ist %s (%s).", "%s joined most recently (%s)."},
	"top.networks.largest":        {"In den meisten Netzwerken ist %s (%s).", "%s is in the most networks (%s)."},
	"top.networks.smallest":       {"In den wenigsten Netzwerken ist %s (%s).", "%s is in the fewest networks (%s)."},
	"top.twinnings.largest":       {"Die meisten Städtepartnerschaften hat %s (%s).", "%s has the most town twinnings (%s)."},
	"top.twinnings.smallest":      {"Die wenigsten Städtepartnerschaften hat %s (%s).", "%s has the fewest town twinnings (%s)."},
	"top.municipalities.largest":  {"Die meisten Gemeinden hat %s (%s).", "%s has the most municipalities (%s)."},
	"top.municipalities.smallest": {"Die wenigsten Gemeinden hat %s (%s).", "%s has the fewest municipalities (%s)."},
	"top.any":                     {"Vorn liegt %s (%s).", "First comes %s (%s)."},
	"cmp.any":                     {"%s (%s) liegt vor %s (%s).", "%s (%s) comes before %s (%s)."},
	"cmp.tie":                     {"%s und %s sind gleichauf: %s.", "%s and %s are level: %s."},
	"cmp.tie2":                    {"%s (%s) und %s (%s) sind gleichauf.", "%s (%s) and %s (%s) are level."},
	"cmp.first":                   {"%s ist %s (%s).", "%s comes first: %s (%s)."},
	"cmp.measure":                 {"Verglichen: %s.", "Compared: %s."},
	"cmp.nothing":                 {"%s: dazu nennen meine Quellen nichts", "%s: my sources say nothing on this"},
	"cmp.networks":                {"Netzwerke im Vergleich", "Networks compared"},
	"cmp.places":                  {"Orte im Vergleich", "Places compared"},
	"cmp.areas":                   {"Gebiete im Vergleich", "Areas compared"},

	// Twinnings.
	"twin.title":                      {"Städtepartnerschaften: %s", "Town twinnings: %s"},
	"twin.title.nrw":                  {"Partner in NRW: %s", "Partners in NRW: %s"},
	"twin.partner":                    {"Partner", "Partners"},
	"twin.none.else":                  {"Außer %s verbindet meine Wissensbasis keinen Ort mit %s.", "Apart from %s, my knowledge base links no place with %s."},
	"twin.complete":                   {"%s hat %s%s, laut meiner Quelle alle.", "%s has %s%s, all of them per my source."},
	"twin.partial":                    {"%s: %s%s in meiner Wissensbasis, die nicht alle kennt:", "%s has %s%s that I know of; my list is not complete:"},
	"twin.word":                       {"Städtepartnerschaft", "twin town"},
	"role.Gründungsmitglied":          {"Gründungsmitglied", "founding member"},
	"role.Erstunterzeichner":          {"Erstunterzeichner", "first signatory"},
	"role.dauerhaft ausgezeichnet":    {"dauerhaft ausgezeichnet", "permanently awarded"},
	"kind1.Freundschaft":              {"Freundschaft", "friendship"},
	"kindN.Freundschaft":              {"Freundschaften", "friendships"},
	"kind1.Patenschaft":               {"Patenschaft", "sponsorship"},
	"kindN.Patenschaft":               {"Patenschaften", "sponsorships"},
	"kind1.Projektpartnerschaft":      {"Projektpartnerschaft", "project partnership"},
	"kindN.Projektpartnerschaft":      {"Projektpartnerschaften", "project partnerships"},
	"kind1.Klimapartnerschaft":        {"Klimapartnerschaft", "climate partnership"},
	"kindN.Klimapartnerschaft":        {"Klimapartnerschaften", "climate partnerships"},
	"kind1.Solidaritätspartnerschaft": {"Solidaritätspartnerschaft", "solidarity partnership"},
	"kindN.Solidaritätspartnerschaft": {"Solidaritätspartnerschaften", "solidarity partnerships"},
	"kind1.Zusammenarbeit":            {"Zusammenarbeit", "cooperation"},
	"kindN.Zusammenarbeit":            {"Zusammenarbeiten", "cooperations"},
	"kind1.Kontakt":                   {"Kontakt", "contact"},
	"kindN.Kontakt":                   {"Kontakte", "contacts"},
	"twins.word":                      {"Städtepartnerschaften", "twin towns"},
	"twin.abroad":                     {"Mit %s (%s) %s in meiner Wissensbasis %d NRW-%s verbunden:", "%s (%s) %s twinned with %d NRW %s that I know of:"},
	"twin.abroad.v1":                  {"ist", "is"},
	"twin.abroad.vN":                  {"sind", "is"}, // "Mit Leeds sind …", "Leeds is …"
	"twin.not.with":                   {"Nein: eine Städtepartnerschaft von %s mit „%s“ führt meine Wissensbasis nicht.", "No: my knowledge base lists no twinning of %s with “%s”."},
	"twin.yes":                        {"Ja, %s hat eine Partnerstadt%s: %s.", "Yes, %s is twinned with %s%s."},
	"twin.noinfo":                     {"Zu %s der Städtepartnerschaften von %s nennen meine Quellen nichts.", "My sources say nothing about %s of the town twinnings of %s."},
	"twin.none":                       {"Zu Städtepartnerschaften von %s%s nennen meine Quellen nichts.", "My sources name no town twinnings of %s%s."},
	"twin.known.n":                    {"ich kenne %d Partnerschaften von %s, vielleicht nicht alle", "I know %d twinnings of %s, maybe not all"},
	"twin.stated":                     {"Das sagen meine Quellen zu den Städtepartnerschaften von %s:", "My knowledge base lists no twin town of %s; what my sources say about its twinnings:"},
	"twin.none.yes":                   {"Nein: eine Partnerstadt von %s%s führt meine Wissensbasis nicht.", "No: my knowledge base lists no twin town of %s%s."},
	"twin.kind.none":                  {"Eine %[2]s von %[1]s nennen meine Quellen nicht.", "My sources name no %[2]s of %[1]s."},
	"twin.suspended":                  {" (ruhend, ausgesetzt oder beendet)", " (suspended or ended)"},
	"twin.suspnone":                   {"Eine ruhende, ausgesetzte oder beendete Städtepartnerschaft von %s führt meine Wissensbasis nicht.", "My knowledge base lists no suspended or ended twinning of %s."},
	"twin.compare.older":              {"Älter ist %s (%s); %s: %s.", "The older one is %s (%s); %s: %s."},
	"twin.compare.younger":            {"Jünger ist %s (%s); %s: %s.", "The younger one is %s (%s); %s: %s."},
	"twin.compare.open":               {"Welche älter ist, sagen meine Quellen nicht genau: %s (%s), %s (%s).", "My sources do not tell exactly which is older: %s (%s), %s (%s)."},
	"twin.pair":                       {"%s und %s verbindet %s%s%s.", "%s and %s have %s%s%s."},
	"twin.pair.kind":                  {"eine Städtepartnerschaft", "a town twinning"},
	"twin.pair.since":                 {" seit %s", " since %s"},
	"part.none":                       {"Zum Rest der Frage nennen meine Quellen nichts.", "My sources say nothing on the rest of the question."},
	"twin.pair.since.short":           {"%s: seit %s", "%s: since %s"},
	"twin.pair.since.none":            {"%s: seit wann, nennen meine Quellen nicht", "%s: my sources do not say since when"},
	"twin.pair.nod":                   {"; seit wann, nennen meine Quellen nicht", "; my sources do not say since when"},
	"twin.pair.stat":                  {"; sie ist derzeit %s", "; it is currently %s"},
	"short.ruht":                      {"ruht", "dormant"},
	"short.ausgesetzt":                {"ausgesetzt", "suspended"},
	"short.eingeschlafen":             {"eingeschlafen", "lapsed"},
	"short.beendet":                   {"beendet", "ended"},
	"short.angestrebt":                {"angestrebt", "planned"},
	"status.ruht":                     {"; sie ruht derzeit", "; it is currently dormant"},
	"status.ausgesetzt":               {"; sie ist derzeit ausgesetzt", "; it is currently suspended"},
	"status.eingeschlafen":            {"; sie ist eingeschlafen", "; it has lapsed"},
	"status.beendet":                  {"; sie wurde beendet", "; it has ended"},
	"status.angestrebt":               {"; sie wird erst angestrebt", "; it is only planned so far"},
	"for.year":                        {" für %d", " for %d"},
	"twin.total":                      {"%s, insgesamt %d", "%s, %d in all"},
	"twin.boroughs":                   {"Mit Bezirken von %s: %s", "With boroughs of %s: %s"},
	"twin.pair.none":                  {"Eine Städtepartnerschaft zwischen %s und %s führt meine Wissensbasis nicht.", "My knowledge base lists no twinning between %s and %s."},
	"twin.shared":                     {"Mit %s und %s verbunden: %s.", "Twinned with both %s and %s: %s."},
	"twin.shared.no":                  {"Eine NRW-Kommune, die mit %s und mit %s verbunden ist, führt meine Wissensbasis nicht.", "My knowledge base lists no NRW municipality twinned with both %s and %s."},
	"twin.in.none.area":               {"Eine Kommune %s mit Partnern %s führt meine Wissensbasis nicht.", "My knowledge base lists no municipality in %s with partners %s."},
	"twin.in":                         {"%d NRW-%s %s in meiner Wissensbasis Partner %s (die Liste ist nicht vollständig):", "%d NRW %s %s partners %s in my knowledge base (the list is not complete):"},
	"twin.in.none":                    {"Städtepartnerschaften von NRW-Kommunen %s führt meine Wissensbasis nicht.", "My knowledge base lists no twinnings of NRW municipalities %s."},
	"twin.area":                       {"%d %s %s %s in meiner Wissensbasis Partnerstädte (die Liste ist nicht vollständig):", "%d %s %s %s twin towns in my knowledge base (the list is not complete):"},
	"twin.area.none":                  {"Städtepartnerschaften von Kommunen %s nennen meine Quellen nicht.", "My sources name no town twinnings of municipalities %s."},
	"twin.year":                       {"%d Städtepartnerschaften von NRW-Kommunen in meiner Wissensbasis (%s; die Liste ist nicht vollständig):", "%d town twinnings of NRW places in my knowledge base (%s; the list is not complete):"},
	"twin.year.none":                  {"Städtepartnerschaften von NRW-Kommunen (%s) nennen meine Quellen nicht.", "My sources name no town twinnings of NRW places (%s)."},
	"twin.in.year":                    {"geschlossen %d", "signed in %d"},
	"twin.in.year.either":             {"geschlossen oder beendet %d", "signed or ended in %d"},
	"twin.before.year":                {"geschlossen vor %d", "signed before %d"},
	"twin.after.year":                 {"geschlossen ab %d", "signed in %d or later"},
	"twin.between.years":              {"geschlossen %d bis %d", "signed %d to %d"},
	"twin.list":                       {"Partnerschaften", "Twinnings"},
	"twin.in.title":                   {"Städtepartnerschaften %s", "Town twinnings %s"},
	"twin.nrwlist":                    {"NRW-Kommunen", "NRW municipalities"},
	"municipality":                    {"Kommune", "municipality"},
	"municipalities":                  {"Kommunen", "municipalities"},
	"has":                             {"hat", "has"},
	"have":                            {"haben", "have"},
	"twin.figures":                    {"Städtepartnerschaften in NRW", "Town twinnings in NRW"},
	"twin.fig.none":                   {"Zur Zahl der Städtepartnerschaften in NRW nennen meine Quellen nichts.", "My sources give no number of town twinnings in NRW."},
	"twin.fig.named":                  {"Namentlich kenne ich %d Städtepartnerschaften von NRW-Kommunen; alle führt die RGRE-Datenbank.", "I know %d twinnings of NRW municipalities by name; the RGRE database has them all."},
	"twin.fig.cty":                    {"Städtepartnerschaften von NRW-Kommunen %s: %d nennt meine Wissensbasis namentlich.", "Town twinnings of NRW municipalities %s: my knowledge base names %d."},
	"twin.said":                       {"%s – %s (%s).", "%s – %s (%s)."},
	"twin.said.fact":                  {"%s – %s: %s", "%s – %s: %s"},
	"twin.oldest":                     {"Die älteste Städtepartnerschaft von %s in meiner Wissensbasis: %s (%s).", "The oldest twinning of %s in my knowledge base: %s (%s)."},
	"twin.newest":                     {"Die jüngste Städtepartnerschaft von %s in meiner Wissensbasis: %s (%s).", "The newest twinning of %s in my knowledge base: %s (%s)."},
	"twin.count":                      {"%s hat %s%s.", "%s has %s%s."},
	"twin.most.city":                  {"Die meisten Städtepartnerschaften in meiner Wissensbasis hat %s: %d.", "%s has the most town twinnings in my knowledge base: %d."},
	"twin.least.city":                 {"Die wenigsten Städtepartnerschaften in meiner Wissensbasis hat %s: %d.", "%s has the fewest town twinnings in my knowledge base: %d."},
	"twin.most.cty":                   {"Die meisten Partnerschaften von NRW-Kommunen in meiner Wissensbasis gibt es %s: %d.", "Most twinnings of NRW municipalities in my knowledge base are %s: %d."},
	"twin.most.year":                  {"Die meisten Städtepartnerschaften in meiner Wissensbasis wurden %d geschlossen: %d.", "Most town twinnings in my knowledge base began in %d: %d."},
	"twin.old.nrw":                    {"Die älteste Städtepartnerschaft in meiner Wissensbasis: %s – %s, seit %s.", "The oldest town twinning in my knowledge base: %s – %s, since %s."},
	"twin.new.nrw":                    {"Die jüngste Städtepartnerschaft in meiner Wissensbasis: %s – %s, seit %s.", "The newest town twinning in my knowledge base: %s – %s, since %s."},
	"twin.basis":                      {"Gezählt habe ich die %d Städtepartnerschaften, die meine Wissensbasis namentlich führt.", "Counted over the %d twinnings my knowledge base names."},
	"twin.count.in":                   {"%d Städtepartnerschaften von NRW-Kommunen %s führt meine Wissensbasis (nicht vollständig).", "My knowledge base names %d twinnings of NRW municipalities %s (not complete)."},
	"twin.susp.n":                     {"%d ruhende, ausgesetzte oder beendete Städtepartnerschaften in meiner Wissensbasis:", "%d suspended or ended twinnings in my knowledge base:"},
	"yesno.ist":                       {"ist", "is"},
	"yesno.sind":                      {"sind", "are"},
	"twin.count.all":                  {"%d Städtepartnerschaften von NRW-Kommunen führt meine Wissensbasis namentlich (nicht vollständig).", "My knowledge base names %d twinnings of NRW municipalities (not complete)."},

	// Areas.
	"areas.title":          {"Kommunen %s", "Municipalities in %s"},
	"areas.villages.none":  {"%s hat keine Gemeinden ohne Stadtrecht: alle %d Kommunen sind Städte.", "%s has no municipalities without town rights: all %d are towns."},
	"areas.count.towns":    {"%s hat %d Gemeinden, alle mit Stadtrecht.", "%s has %d municipalities, all of them towns."},
	"areas.count":          {"%s hat %d Gemeinden: %d Städte und %d Gemeinden ohne Stadtrecht.", "%s has %d municipalities: %d towns and %d municipalities without town rights."},
	"areas.count.nrw":      {"%s hat %d Gemeinden: %d Städte (%d davon kreisfrei) und %d Gemeinden ohne Stadtrecht, in %d Kreisen und %d Regierungsbezirken.", "%s has %d municipalities: %d towns (%d of them kreisfrei) and %d without town rights, in %d Kreise and %d Regierungsbezirke."},
	"areas.rbs":            {"%s hat %d Regierungsbezirke: %s.", "%s has %d Regierungsbezirke: %s."},
	"areas.rb.most":        {"Die meisten Gemeinden hat der Regierungsbezirk %s: %d. Alle: %s.", "The Regierungsbezirk %s has the most municipalities: %d. All: %s."},
	"areas.kreise":         {"%s hat %d Kreise (einschließlich der Städteregion Aachen).", "%s has %d Kreise (the Städteregion Aachen included)."},
	"areas.kreise.in":      {"%s hat %d Kreise.", "%s has %d Kreise."},
	"areas.kreisfrei":      {"%s hat nach dem Gemeindeverzeichnis %d kreisfreie Städte: %s.", "By the official list, %s has %d kreisfreie Städte: %s."},
	"areas.kreisfrei.n":    {"%s hat nach dem Gemeindeverzeichnis %d kreisfreie Städte.", "By the official list, %s has %d kreisfreie Städte."},
	"areas.villages":       {"%s hat %d Gemeinden ohne Stadtrecht.", "%s has %d municipalities without town rights."},
	"areas.towns.kreisang": {"%s hat %d kreisangehörige Städte.", "%s has %d towns in a Kreis."},
	"areas.kreisang":       {"%s hat %d kreisangehörige Gemeinden.", "%s has %d municipalities in a Kreis."},
	"areas.gemeinden":      {"Gemeinden", "Municipalities"},
	"areas.kreise.l":       {"Kreise", "Kreise"},
	"areas.free.l":         {"Dazu die kreisfreien Städte", "And the kreisfreie Städte"},
	"areas.most":           {"Die meisten Gemeinden hat %s: %d.", "%s has the most municipalities: %d."},
	"areas.least":          {"Die wenigsten Gemeinden hat %s: %d.", "%s has the fewest municipalities: %d."},
	"areas.n":              {"%d Gemeinden", "%d municipalities"},
	"destatis":             {"© Statistisches Bundesamt (Destatis), Gemeindeverzeichnis", "© Statistisches Bundesamt (Destatis), Gemeindeverzeichnis"},
	"rgre":                 {"RGRE-Datenbank der Städtepartnerschaften", "RGRE database of town twinnings"},

	// Help and chatter.
	"help.title":      {"So fragst du engagiert", "How to ask engagiert"},
	"help":            {"Frag mit /engagiert FRAGE, @engagiert FRAGE, per Direktnachricht oder mit engagiert ask \"FRAGE\". Ich antworte nur aus meiner Wissensbasis, mit Quelle und Stand. Zum Beispiel:", "Ask with /engagiert QUESTION, @engagiert QUESTION, in a direct message or with engagiert ask \"QUESTION\". I answer from my knowledge base only, with source and date. For example:"},
	"hello":           {"Hallo!", "Hello!"},
	"hello.lead":      {"Ich beantworte Fragen zu Netzwerken von Kommunen und zu Städtepartnerschaften in NRW.", "I answer questions about networks of municipalities and town twinnings in NRW."},
	"welcome":         {"Gern geschehen!", "You're welcome!"},
	"welcome.lead":    {"Frag jederzeit wieder.", "Ask again any time."},
	"suggest.members": {"Mitglieder %s", "Members of %s"},
	"suggest.bi":      {"Bielefeld", "Bielefeld"},
	"suggest.nets":    {"Welche Netzwerke kennst du?", "Which networks do you know?"},
	"suggest.help":    {"hilfe", "help"},
}

// say returns the message in the language of the frame, formatted.
func say(english bool, key string, args ...any) string {
	m, ok := messages[key]
	if !ok {
		return key
	}
	s := m[0]
	if english {
		s = m[1]
	}
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, args...)
}

// roleIn is a member's role as the base words it ("Gründungsmitglied",
// "dauerhaft ausgezeichnet (2019)"), in English where the messages know
// the role; a role they don't know stays as the source put it.
func roleIn(english bool, role string) string {
	if !english {
		return role
	}
	head, tail, _ := strings.Cut(role, " (")
	if _, ok := messages["role."+head]; !ok {
		return role
	}
	if tail != "" {
		tail = " (" + tail
	}
	return say(true, "role."+head) + tail
}

// Language-dependent small words.

// joinAnd joins names the German or English way: "a, b und c".
func joinAnd(english bool, xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " " + say(english, "and") + " " + xs[len(xs)-1]
}

// plural picks the singular or plural message by n.
func plural(english bool, n int, one, many string) string {
	if n == 1 {
		return say(english, one)
	}
	return say(english, many)
}

// joinMore joins the names shown of total: "A, B und C" when they are
// all, else "A, B, C und 4 weitere" (the note brings its own "und").
func joinMore(english bool, shown []string, total int) string {
	if total <= len(shown) {
		return joinAnd(english, shown)
	}
	return strings.Join(shown, ", ") + " " + moreNote(english, total-len(shown))
}

// moreNote ends a cut list: "und 16 weitere", "und ein weiteres".
func moreNote(english bool, n int) string {
	if n == 1 {
		return say(english, "more1")
	}
	return say(english, "more", n)
}

// dateIn writes a date in the answer's language: "16. März 2016", "16 March 2016".
func dateIn(english bool, d domain.Date) string {
	if english {
		return d.English()
	}
	return d.String()
}

// standSuffix is " (Stand Juni 2022)", or " (neueste Angabe)" for a figure
// its source does not date.
func standSuffix(english bool, d domain.Date) string {
	if d.IsZero() {
		return say(english, "stand.none")
	}
	return say(english, "stand", dateIn(english, d))
}

// dateWithArticle reads a date after "gegründet": "am 16. März 2016",
// "im Juni 2022", "2015"; in English "on 16 March 2016", "in June 2022".
func dateWithArticle(english bool, d domain.Date) string {
	switch {
	case english && d.Day != 0:
		return "on " + d.English()
	case english:
		return "in " + d.English()
	case d.Day != 0:
		return "am " + d.String()
	case d.Month != 0:
		return "im " + d.String()
	}
	return d.String()
}

// englishFigure writes "über 100" as "over 100".
func englishFigure(english bool, v string) string {
	if !english {
		return v
	}
	return englishFigures.Replace(v)
}

// englishFigures is built once: a Replacer builds its tables on first use.
var englishFigures = strings.NewReplacer("über ", "over ", "rund ", "about ", "mehr als ", "more than ", "etwa ", "about ")

// upperFirst and lowerFirst change the case of a text's first letter.
