package domain

import "slices"

// Attribute is a property a question can ask about a network or place, and
// that a fact can state (Fact.Topic holds its name). The engine knows each
// one, because it answers some of them its own way (a founding from
// Network.Founded, a count from Network.Counts); the words that ask for an
// attribute and its labels are data, in the lexicon (knowledge/lexicon).
//
// The values are only compared, never stored: the order may change, but
// keep String and the names in step.
type Attribute uint8

// The attributes. AttrNone is a question that asks for nothing in
// particular ("Bielefeld").
const (
	AttrNone Attribute = iota
	AttrGoal
	AttrFounding
	AttrFoundingPlace
	AttrFounders
	AttrInitiator
	AttrFunding
	AttrChair
	AttrSpeakers
	AttrOffice
	AttrCarrier
	AttrEligibility
	AttrJoin
	AttrCost
	AttrOutcome
	AttrHistory
	AttrMembers
	AttrCount
	AttrWebsite
	AttrContact
	AttrServices
	AttrEvent
	AttrProgramme
	AttrData
	AttrTerm
	AttrPlace
	AttrDate
	AttrPeople
	AttrStates
	AttrPopulation
	AttrMayor
	AttrActivities
	AttrKey // the Amtlicher Gemeindeschlüssel of a place
	// AttrOfficial is a place's amtliche Bezeichnung in the official list
	// ("Hagen, Stadt der FernUniversität").
	AttrOfficial
	AttrSurface // a place's area in km², which the base does not hold
	AttrPostcode
	AttrPhone // a telephone number, which the base does not hold
	AttrHours // opening or office hours, which the base does not hold
	// AttrTravel is how to get there (trains, flights, the way), which the
	// base does not hold: "Gibt es einen Zug von Bielefeld nach Rochdale?"
	AttrTravel
	// AttrRole is what a named person does: "Max Schemme – was macht der?",
	// "Tessa Flatten's job?"; the statement that names the person with an
	// office answers.
	AttrRole
	// AttrBudget is how much money a network or office has to spend
	// ("das Jahresbudget der Netzwerkstelle"): not the funding programmes
	// it offers.
	AttrBudget
	// AttrStatus is whether something still goes on ("Ist die noch
	// aktiv?", "what happened to it?"): of a twinning, its status and notes.
	AttrStatus
	numAttributes
)

var attributeNames = [numAttributes]string{
	AttrNone: "", AttrGoal: "goal", AttrFounding: "founding", AttrFoundingPlace: "founding-place",
	AttrFounders: "founders", AttrInitiator: "initiator", AttrFunding: "funding", AttrChair: "chair",
	AttrSpeakers: "speakers", AttrOffice: "office", AttrCarrier: "carrier", AttrEligibility: "eligibility",
	AttrJoin: "join", AttrCost: "cost", AttrOutcome: "outcome", AttrHistory: "history", AttrMembers: "members",
	AttrCount: "count", AttrWebsite: "website", AttrContact: "contact", AttrServices: "services",
	AttrEvent: "event", AttrProgramme: "programme", AttrData: "data", AttrTerm: "term", AttrPlace: "place",
	AttrDate: "date", AttrPeople: "people", AttrStates: "states", AttrPopulation: "population", AttrMayor: "mayor",
	AttrActivities: "activities", AttrKey: "key", AttrOfficial: "official", AttrSurface: "surface", AttrPostcode: "postcode", AttrPhone: "phone",
	AttrHours: "hours", AttrTravel: "travel", AttrRole: "role", AttrBudget: "budget", AttrStatus: "status",
}

// String is the attribute's name as facts and the lexicon write it: "chair".
func (a Attribute) String() string {
	if a < numAttributes {
		return attributeNames[a]
	}
	return "attribute(?)"
}

// Unheld reports whether the base never holds the attribute (a place's
// area, a telephone number, opening hours): a statement that shares the
// question's other words does not answer it.
func (a Attribute) Unheld() bool {
	return a == AttrSurface || a == AttrPhone || a == AttrHours || a == AttrTravel
}

// ParseAttribute returns the attribute with the name, or false.
func ParseAttribute(name string) (Attribute, bool) {
	for a, n := range attributeNames {
		if n == name && n != "" {
			return Attribute(a), true
		}
	}
	return AttrNone, false
}

// AttributeNames are the names of all attributes, in order: what Fact.Topic
// and the lexicon may say.
func AttributeNames() []string {
	return slices.Clone(attributeNames[1:])
}
