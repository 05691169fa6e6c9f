package answer

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/engagiert/engagiert/internal/domain"
)

// displayWord is word as the user typed it in question (case included), or
// word with a capital first letter.
func displayWord(question, word string) string {
	for _, f := range strings.FieldsFunc(question, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
		if strings.EqualFold(f, word) {
			return f
		}
	}
	r := []rune(word)
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}

// standSuffix is " (Stand Juni 2022)", or " (neueste Angabe)" for a figure
// its source does not date.
func standSuffix(d domain.Date) string {
	if d.IsZero() {
		return " (neueste Angabe)"
	}
	return " (Stand " + d.String() + ")"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// moreNote ends a cut list: "und 16 weitere", "und ein weiteres".
func moreNote(n int) string {
	if n == 1 {
		return "und ein weiteres"
	}
	return fmt.Sprintf("und %d weitere", n)
}

// joinAnd joins names the German way: "a, b und c".
func joinAnd(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " und " + xs[len(xs)-1]
}

func firstSentence(s string) string {
	if i := strings.Index(s, ". "); i > 0 {
		return s[:i+1]
	}
	return s
}

// fold makes names sort the German way (Ä with A).
var folder = strings.NewReplacer("ä", "a", "ö", "o", "ü", "u", "Ä", "A", "Ö", "O", "Ü", "U", "ß", "ss")

func fold(s string) string { return strings.ToLower(folder.Replace(s)) }

// leadWith makes a sourced statement the lead of a: its text (with its
// date) answers, and its source is cited with the lead, not again below.
func leadWith(a *domain.Answer, f domain.AnswerFact) {
	a.Lead, a.LeadSource = f.Body(), f.Source
}

// attributeEN names attributes in English answers.
var attributeEN = map[string]string{
	"goal": "the goals", "founding": "the founding", "founding-place": "where it was founded", "founders": "the founders",
	"initiator": "who initiated it", "funding": "its funding", "chair": "its chair", "speakers": "its speakers",
	"office": "its office", "carrier": "who runs it", "eligibility": "who may take part", "join": "how to join",
	"cost": "the cost of membership", "outcome": "its results", "history": "its history", "members": "its members",
	"count": "the number of members", "website": "its website", "contact": "a contact", "services": "its services",
	"event": "its events", "programme": "funding programmes", "data": "data on town twinnings", "term": "its term",
}

// attributeWhat names an attribute for "nennen meine Quellen nichts".
func attributeWhat(attr string, english bool) string {
	if english {
		if s, ok := attributeEN[attr]; ok {
			return s
		}
		return "this"
	}
	if a, ok := domain.AttributeNamed(attr); ok {
		return a.What
	}
	return "dieser Frage"
}

func upperFirst(s string) string {
	r := []rune(s)
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}

// today is the engine's date, for telling past events from coming ones.
func (e *Engine) today() domain.Date {
	t := e.now()
	return domain.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
}

// dateWithArticle reads a date after "gegründet": "am 16. März 2016", "im Juni 2022", "2015".
func dateWithArticle(d domain.Date) string {
	switch {
	case d.Day != 0:
		return "am " + d.String()
	case d.Month != 0:
		return "im " + d.String()
	}
	return d.String()
}

// fd is the network's founding.
func fd(n *domain.Network) domain.Founding { return n.Founded }

// coreName is a place's name without "Kreis", folded: "Kreis Coesfeld"
// and "Coesfeld" share it.
func coreName(name string) string {
	n := fold(name)
	for _, p := range []string{"kreis ", "landkreis ", "stadt ", "gemeinde "} {
		n = strings.TrimPrefix(n, p)
	}
	return n
}

func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) > 0 {
		r[0] = unicode.ToLower(r[0])
	}
	return string(r)
}

// shortSentence cuts a sentence at a word before max characters, marked
// with "…", for overviews that name many things in one answer.
func shortSentence(s string, max int) string {
	r := []rune(s)
	if len(r) <= max {
		return s
	}
	cut := string(r[:max])
	if i := strings.LastIndex(cut, " "); i > 0 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, ",;:") + " …"
}
