package domain

// Lexicon is the vocabulary of questions: which words ask for what. It is
// data, read from knowledge/lexicon with the rest of the base (curators
// add a synonym without Go), and checked by the loader: every cue and
// attribute it names is one the engine knows, and no word means two things.
//
// Words are kept as written; the engine folds and stems them as it does
// the words of a question, so "Städte" in the lexicon matches "stadte",
// "Staedte" and "Stadt" in a question.
type Lexicon struct {
	// Cues are words that say what a question asks: "wie viele" (count),
	// "seit wann" (when). The names are fixed: see Cues.
	Cues map[string]LangWords
	// Attributes say which words ask for an attribute, how answers name it
	// and which fact topics answer it, best first.
	Attributes []AttributeWords
	// Countries are the countries questions name, as the base spells them,
	// with their ISO region (their German and English names come from
	// Unicode's CLDR) and further words: adjectives, old names.
	Countries []CountryWords
	// Comparative and Superlative map a direction ("oldest", "newest",
	// "largest", "smallest", or "" for a comparison with no direction) to
	// the words that ask for it: "älter", "am ältesten".
	Comparative map[string][]string
	Superlative map[string][]string
	// Measures map what a comparison or superlative is about ("networks",
	// "twinnings", "municipalities", "members", "joined", "founding") to
	// the words that name it.
	Measures map[string][]string
	// Fillers are words that carry no content of their own in a question.
	Fillers LangWords
	// ChatterStarts and ChatterEnds open and close messages without asking
	// anything: greetings, thanks, sign-offs.
	ChatterStarts []string
	ChatterEnds   []string
	// Thanks are the chatter words that thank.
	Thanks []string
	// Synonyms map a question word to the word statements use:
	// "unterschrieben" to "unterzeichnet".
	Synonyms map[string]string
	// Abbreviations are short forms in capitals that only capitals make
	// names: "ES" is Engagierte Stadt, "es" a pronoun. A question's word
	// written exactly so reads as the long form.
	Abbreviations map[string]string
	// Numbers are numbers and ordinals written as words: "zehn", "vierte".
	Numbers map[string]int
	// PlaceKinds map words to kinds of place a list may be narrowed to:
	// "Kreise" to "Kreis".
	PlaceKinds map[string]string
	// StateNames are other names of the Bundesländer (English ones,
	// abbreviations of three letters or more), keyed by the name in States.
	StateNames map[string][]string
	// Ordinary are ordinary words of each language, from a frequency list:
	// a word among them is never taken for a misspelt name, and they tell
	// English questions from German ones. Unlike the other words here they
	// are kept folded, sorted and each once (words.FoldedSet), as the
	// loader reads them: the engine looks words up in the lists as they
	// are, so that no start folds 50,000 words or builds a map of them.
	Ordinary LangWords
}

// LangWords are words in German and in English.
type LangWords struct {
	DE, EN []string
}

// All are the German and English words together.
func (w LangWords) All() []string { return append(append([]string(nil), w.DE...), w.EN...) }

// AttributeWords is one attribute of the lexicon.
type AttributeWords struct {
	Attribute Attribute
	// Label names the attribute in answers, German in the dative ("zu den
	// Kosten einer Mitgliedschaft"), English as a noun phrase.
	Label struct{ DE, EN string }
	Words LangWords
	// Topics are the fact topics that answer the attribute, best first.
	Topics []Attribute
}

// CountryWords is one country of the lexicon.
type CountryWords struct {
	Name   string // as the base writes it: "Vereinigtes Königreich"
	Region string // ISO 3166 region: "GB"
	Words  []string
}

// Cues are the cue names the engine reads; a lexicon may give words for
// these only.
var Cues = []string{
	"help", "count", "when", "where", "who", "what", "which", "members", "belong", "link", "cross", "networks", "new",
	"join", "founding", "founders", "member-who", "yesno", "negation", "outside", "history", "earlier", "later", "next", "last",
	"before", "after", "inclusive", "twinning", "suspended", "kreisfrei", "kreisangehoerig", "places",
	"region-words", "district-words", "same", "modal", "have", "with", "pronoun", "follow-up", "also", "and", "question", "self", "anniversary", "title", "office",
	"now", "or", "left", "tag", "exists", "period", "span", "according", "check", "along", "then", "signing", "range", "or-later", "since", "common", "year-later", "year-earlier", "other", "after-founding", "came-in",
	"friendship", "sponsorship", "solidarity", "project-twinning", "climate-twinning", "of-them", "article", "naming", "official-word", "person-pronoun", "person-possessive", "populous", "per", "nationwide", "unsaid", "channel", "receive", "currency", "origin", "amount", "give", "together", "network-name", "until", "end-words", "among-others", "total", "already",
}
