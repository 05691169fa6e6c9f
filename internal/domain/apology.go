package domain

// Apology is the answer given in place of one whose making panicked: it
// says so briefly and asks to try again. It is Failed, so never cached,
// and Panicked, so surfaces count it.
func Apology(question string) Answer {
	return Answer{Query: question, Kind: KindNone, Failed: true, Panicked: true,
		Title: "Das hat gerade nicht geklappt", Lead: ApologyLead}
}

// ApologyLead is the text of an Apology.
const ApologyLead = "Bei dieser Frage ist bei mir etwas schiefgegangen. Versuch es bitte gleich noch einmal, vielleicht etwas anders gefragt."
