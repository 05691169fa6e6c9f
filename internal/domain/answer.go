package domain

import (
	"context"
	"strings"
)

// Asker answers a question. The terminal, the JSON output and every Slack
// surface call the same Asker, so an answer is the same everywhere.
type Asker interface {
	Ask(ctx context.Context, question string) Answer
}

// AskerFunc lets a plain function serve as an Asker.
type AskerFunc func(ctx context.Context, question string) Answer

// Ask calls f.
func (f AskerFunc) Ask(ctx context.Context, q string) Answer { return f(ctx, q) }

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
	Lead  string
	Facts []AnswerFact
	Lists []List
	Links []Link
	// Suggestions are questions worth asking next.
	Suggestions []string
	// Hits are the knowledge entries the answer was built from.
	Hits []Hit
	// Failed marks an internal error rather than an answer: it is shown, but
	// never cached.
	Failed bool
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

// Sources lists the distinct sources of the answer's facts and lists, in order of first use.
func (a Answer) Sources() []*Source {
	var out []*Source
	seen := map[string]bool{}
	add := func(s *Source) {
		if s != nil && !seen[s.ID] {
			seen[s.ID] = true
			out = append(out, s)
		}
	}
	for _, f := range a.Facts {
		add(f.Source)
	}
	for _, l := range a.Lists {
		for _, it := range l.Items {
			add(it.Source)
		}
	}
	return out
}

// PlainText renders the answer as plain text: the "text" of `ask --json`, the
// terminal output and the notification fallback of Slack messages.
func (a Answer) PlainText() string {
	var b strings.Builder
	if a.Title != "" {
		b.WriteString(a.Title)
		b.WriteString("\n")
	}
	if a.Lead != "" {
		b.WriteString(a.Lead)
		b.WriteString("\n")
	}
	for _, f := range a.Facts {
		b.WriteString("- ")
		b.WriteString(f.Line())
		b.WriteString("\n")
	}
	for _, l := range a.Lists {
		b.WriteString(l.Line())
		b.WriteString("\n")
	}
	if urls := a.listSourceURLs(); len(urls) > 0 {
		b.WriteString("Quellen: " + strings.Join(urls, ", ") + "\n")
	}
	for _, l := range a.Links {
		b.WriteString(l.Title + ": " + l.URL + "\n")
	}
	if len(a.Suggestions) > 0 {
		b.WriteString("Fragen Sie zum Beispiel: " + strings.Join(a.Suggestions, " · ") + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// listSourceURLs are the sources of list items that no fact line names already.
func (a Answer) listSourceURLs() []string {
	named := map[string]bool{}
	for _, f := range a.Facts {
		if f.Source != nil {
			named[f.Source.URL] = true
		}
	}
	var out []string
	for _, l := range a.Lists {
		for _, it := range l.Items {
			if it.Source != nil && !named[it.Source.URL] {
				named[it.Source.URL] = true
				out = append(out, it.Source.URL)
			}
		}
	}
	return out
}

// Line renders a fact as one line: text, date and source.
func (f AnswerFact) Line() string {
	s := f.Text
	if meta := f.Meta(); meta != "" {
		s += " (" + meta + ")"
	}
	return s
}

// Meta is the fact's "Stand ..., Quelle: ..." suffix.
func (f AnswerFact) Meta() string {
	var parts []string
	if !f.Stand.IsZero() {
		parts = append(parts, "Stand "+f.Stand.String())
	}
	if f.Source != nil {
		parts = append(parts, "Quelle: "+f.Source.URL)
	}
	return strings.Join(parts, "; ")
}

// Line renders a list as "Title: a, b (seit 2022), c".
func (l List) Line() string {
	names := make([]string, len(l.Items))
	for i, it := range l.Items {
		names[i] = it.Label()
	}
	s := l.Title + ": "
	if l.Partial {
		s += "u. a. "
	}
	s += strings.Join(names, ", ")
	switch {
	case l.Note == "":
	case strings.HasPrefix(l.Note, "und "):
		s += " " + l.Note // "a, b und 16 weitere"
	default:
		s += ". " + l.Note
	}
	return s
}

// Label is the item's name with its detail in brackets.
func (it ListItem) Label() string {
	if it.Detail == "" {
		return it.Name
	}
	return it.Name + " (" + it.Detail + ")"
}
