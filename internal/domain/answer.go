package domain

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Asker answers a question. The terminal, the JSON output and every Slack
// surface call the same Asker, so an answer is the same everywhere.
type Asker interface {
	Ask(ctx context.Context, question string) Answer
}

// FollowUpAsker answers a question as the next one of a conversation: prev
// is the Answer.Frame of the conversation's previous answer. "seit wann?"
// after "Ist Lemgo dabei?" takes Lemgo from prev; a complete question stands
// alone. Surfaces keep prev (a thread's last frame), nothing else.
type FollowUpAsker interface {
	AskFollowUp(ctx context.Context, question, prev string) Answer
}

// AskAfter asks a as a follow-up of prev when a can read follow-ups and prev
// is set, and as a question of its own otherwise.
func AskAfter(ctx context.Context, a Asker, question, prev string) Answer {
	if f, ok := a.(FollowUpAsker); ok && prev != "" {
		return f.AskFollowUp(ctx, question, prev)
	}
	return a.Ask(ctx, question)
}

// Answer kinds say what sort of answer was given; surfaces may style them.
const (
	KindHelp       = "help"
	KindOverview   = "overview"
	KindPlace      = "place"
	KindNetwork    = "network"
	KindMembers    = "members"
	KindMembership = "membership" // a yes/no question: is X in Y?
	KindFacts      = "facts"
	KindCross      = "cross"
	KindNone       = "none"
)

// Answer is the transport-neutral reply to one question.
type Answer struct {
	Query string
	// Found is false when the base has nothing on the question. The answer then
	// says so plainly and offers Suggestions, never an unrelated best match.
	Found bool
	Kind  string
	Title string
	// Lead is the direct answer in one or two sentences ("Ja, Lemgo ist ...").
	Lead string
	// LeadSource is the source of the lead when the lead is a sourced
	// statement; renderings cite it once, with the others.
	LeadSource *Source
	Facts      []AnswerFact
	Lists      []List
	Links      []Link
	// Suggestions are questions worth asking next.
	Suggestions []string
	// Hits are the knowledge entries the answer was built from.
	Hits []Hit
	// English is set when the question was English: labels and the lead
	// are English; quoted facts stay German.
	English bool
	// Failed marks an internal error rather than an answer: it is shown, but
	// never cached.
	Failed bool
	// Panicked marks a Failed answer whose making panicked: surfaces count
	// it (engagiert_panics_total) besides showing the apology.
	Panicked bool
	// Focus is the id of the one place the answer names as its answer
	// ("Kassel" for the newest member, "Paderborn" for the chair), or "":
	// a follow-up's "da", "dort" or "since when?" may mean it.
	Focus string
	// Frame is the question as the engine understood it, encoded: a surface
	// that keeps a conversation passes it back to FollowUpAsker as prev.
	// Empty when there is nothing to follow up on (help, chatter).
	Frame string
}

// AnswerFact is one statement of an answer, with where it comes from and how current it is.
type AnswerFact struct {
	Text   string
	Stand  Date // zero when the fact does not age or the source gives no date
	Source *Source
	// Older marks a superseded figure, shown after the newest one.
	Older bool
	// Also are further sources of the same line ("Frühere Angaben: ...").
	Also []*Source
}

// List is a list of names in an answer, such as the members of a network.
type List struct {
	Title string
	Items []ListItem
	// Partial is true when the base knows only some members: "u. a.".
	Partial bool
	Note    string
}

// ListItem is one entry of a List.
type ListItem struct {
	Name   string
	Detail string // "seit 2022", "Gründungsmitglied", "Bayern"
	Source *Source
}

// Link is a labelled URL.
type Link struct {
	Title string
	URL   string
}

// Hit names one knowledge entry an answer used.
type Hit struct {
	ID    string // "network:regiopole", "place:bielefeld"
	Title string
	URL   string
}

// Sources lists the distinct sources of the answer (by URL), in order of
// first use: the lead's, the facts', then the lists'.
func (a Answer) Sources() []*Source { return a.Citations().Sources }

// maxListSources bounds the sources a rendering cites for list entries:
// a list of twenty members may have a dozen pages behind it, and an answer
// stays readable. Facts always cite theirs.
const maxListSources = 1

// Citations numbers an answer's sources, so every rendering cites each once
// and the same way: "[1]" after a statement, the URLs at the end.
type Citations struct {
	Sources []*Source
	// Omitted counts list sources left out (beyond maxListSources).
	Omitted int
	num     map[string]int
}

// Citations numbers the answer's distinct sources by URL in order of first use.
func (a Answer) Citations() Citations {
	c := Citations{num: map[string]int{}}
	add := func(s *Source) bool {
		if s == nil || s.URL == "" {
			return false
		}
		if _, ok := c.num[s.URL]; ok {
			return false
		}
		c.Sources = append(c.Sources, s)
		c.num[s.URL] = len(c.Sources)
		return true
	}
	add(a.LeadSource)
	for _, f := range a.Facts {
		add(f.Source)
		for _, s := range f.Also {
			add(s)
		}
	}
	listed := 0
	for _, l := range a.Lists {
		for _, it := range l.Items {
			if it.Source == nil || c.num[it.Source.URL] > 0 {
				continue
			}
			if listed == maxListSources {
				c.Omitted++
				c.num[it.Source.URL] = -1 // counted once
				continue
			}
			if add(it.Source) {
				listed++
			}
		}
	}
	return c
}

// Ref is the citation marker for sources: " [1]", " [1, 3]", or "".
func (c Citations) Ref(srcs ...*Source) string {
	var buf [8]int
	nums := buf[:0]
	for _, s := range srcs {
		nums = c.cite(nums, s)
	}
	return refText(nums)
}

// cite adds the number of s to nums, once; a source without one adds none.
func (c Citations) cite(nums []int, s *Source) []int {
	if s == nil {
		return nums
	}
	if n := c.num[s.URL]; n > 0 && !slices.Contains(nums, n) {
		nums = append(nums, n)
	}
	return nums
}

// refText writes the citation marker for nums. Most markers cite one of
// the first few sources, and every fact and list of every answer has one:
// those are written once, in singleRefs.
func refText(nums []int) string {
	switch {
	case len(nums) == 0:
		return ""
	case len(nums) == 1 && nums[0] < len(singleRefs):
		return singleRefs[nums[0]]
	}
	slices.Sort(nums)
	b := make([]byte, 0, 2+4*len(nums))
	b = append(b, " ["...)
	for i, n := range nums {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = strconv.AppendInt(b, int64(n), 10)
	}
	return string(append(b, ']'))
}

// singleRefs are the markers " [1]" to " [20]", by number.
var singleRefs = func() (r [21]string) {
	for n := 1; n < len(r); n++ {
		r[n] = " [" + strconv.Itoa(n) + "]"
	}
	return r
}()

// ListRef is the citation marker for a list's entries.
func (c Citations) ListRef(l List) string {
	var buf [8]int
	nums := buf[:0]
	for _, it := range l.Items {
		nums = c.cite(nums, it.Source)
	}
	return refText(nums)
}

// FactRef is the citation marker for a fact.
func (c Citations) FactRef(f AnswerFact) string {
	var buf [8]int
	nums := c.cite(buf[:0], f.Source)
	for _, s := range f.Also {
		nums = c.cite(nums, s)
	}
	return refText(nums)
}

// Line is the "Quellen:" line: every cited URL once, numbered.
func (c Citations) Line(english bool) string {
	if len(c.Sources) == 0 {
		return ""
	}
	label, more := "Quellen: ", " und %d weitere"
	if english {
		label, more = "Sources: ", " and %d more"
	}
	var b strings.Builder
	b.WriteString(label)
	for i, s := range c.Sources {
		if i > 0 {
			b.WriteString(" · ")
		}
		b.WriteByte('[')
		b.WriteString(strconv.Itoa(i + 1))
		b.WriteString("] ")
		b.WriteString(s.URL)
	}
	if c.Omitted > 0 {
		fmt.Fprintf(&b, more, c.Omitted)
	}
	return b.String()
}

// Links are the answer's links whose URL no citation shows already.
func (a Answer) LinksNotCited(c Citations) []Link {
	var out []Link
	for _, l := range a.Links {
		if c.num[l.URL] == 0 {
			out = append(out, l)
		}
	}
	return out
}

// PlainText renders the answer as plain text: the "text" of `ask --json`, the
// terminal output and the notification fallback of Slack messages. The lead
// answers; the lines after it add to it; sources come once, at the end.
func (a Answer) PlainText() string { return a.PlainTextCiting(a.Citations()) }

// PlainTextCiting is PlainText with the citations c, which must be
// a.Citations(): for a rendering that numbers them for itself as well.
func (a Answer) PlainTextCiting(c Citations) string {
	// Written piece by piece into one buffer sized for a typical answer:
	// every slash command's response carries it as its fallback text.
	var b strings.Builder
	b.Grow(512 + len(a.Title) + len(a.Lead))
	line := func(parts ...string) {
		for _, p := range parts {
			b.WriteString(p)
		}
		b.WriteByte('\n')
	}
	if a.Title != "" {
		line(a.Title)
	}
	if a.Lead != "" {
		line(a.Lead, c.Ref(a.LeadSource))
	}
	for _, f := range a.Facts {
		line("- ", f.BodyIn(a.English), c.FactRef(f))
	}
	for _, l := range a.Lists {
		line(l.line(a.English), c.ListRef(l))
	}
	if cl := c.Line(a.English); cl != "" {
		line(cl)
	}
	// The website follows when nothing else is cited, or the answer is
	// about the network as a whole: an answer shows a URL once and is short.
	if len(c.Sources) == 0 || a.Kind == KindNetwork || a.Kind == KindNone {
		for _, l := range a.LinksNotCited(c) {
			line(l.Title, ": ", l.URL)
		}
	}
	if len(a.Suggestions) > 0 {
		label := "Frag zum Beispiel: "
		if a.English {
			label = "Try for example: "
		}
		line(label, strings.Join(a.Suggestions, " · "))
	}
	return strings.TrimRight(b.String(), "\n")
}

// Body is the fact's text with its date: "113 Engagierte Städte (Stand Juni 2022)".
func (f AnswerFact) Body() string { return f.BodyIn(false) }

// BodyIn is Body in the answer's language: "(as of June 2022)" in English.
func (f AnswerFact) BodyIn(english bool) string {
	if f.Stand.IsZero() {
		return f.Text
	}
	return f.Text + " (" + f.StandIn(english) + ")"
}

// StandIn says when a fact was true: "Stand Juni 2022", "as of June 2022".
func (f AnswerFact) StandIn(english bool) string {
	if english {
		return "as of " + f.Stand.English()
	}
	return "Stand " + f.Stand.String()
}

// Line renders a list as "Title: a, b (seit 2022), c".
func (l List) Line() string { return l.line(false) }

// LineIn is Line in the answer's language: "incl." for "u. a." in English.
func (l List) LineIn(english bool) string { return l.line(english) }

// line is Line in the answer's language.
func (l List) line(english bool) string {
	var names []string
	n := 0
	for _, it := range l.Items {
		label := it.Label()
		if n+len(label) > MaxListLine && len(names) > 0 {
			break // the rest is a click away in Slack; a line stays readable
		}
		names = append(names, label)
		n += len(label) + 2
	}
	s := l.Title + ": "
	if l.Partial && english {
		s += "incl. "
	} else if l.Partial {
		s += "u. a. "
	}
	s += strings.Join(names, ", ")
	rest := len(l.Items) - len(names)
	note := l.Note
	if rest > 0 {
		var more int
		if _, err := fmt.Sscanf(note, "und %d weitere", &more); err == nil && strings.HasSuffix(note, "weitere") {
			note = ""
		} else if _, err := fmt.Sscanf(note, "and %d more", &more); err == nil && strings.HasSuffix(note, "more") {
			note = ""
		}
		if english {
			s += fmt.Sprintf(" … and %d more", rest+more)
		} else {
			s += fmt.Sprintf(" … und %d weitere", rest+more)
		}
	}
	switch {
	case note == "":
	case strings.HasPrefix(note, "und "):
		s += " " + note // "a, b und 16 weitere"
	default:
		s += ". " + note
	}
	return s
}

// MaxListLine is about how many bytes of names a list line shows before
// "… und N weitere".
const MaxListLine = 700

// Label is the item's name with its detail in brackets.
func (it ListItem) Label() string {
	if it.Detail == "" {
		return it.Name
	}
	return it.Name + " (" + it.Detail + ")"
}
