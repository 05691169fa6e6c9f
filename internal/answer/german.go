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
