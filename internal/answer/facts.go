package answer

import (
	"fmt"
	"strings"

	"github.com/engagiert/engagiert/internal/domain"
)

// fact turns a reference into an answer line with its source and date.
func (e *Engine) fact(ref domain.FactRef) domain.AnswerFact {
	n := e.base.Network(ref.Network)
	var f domain.Fact
	switch ref.Part {
	case "description":
		f = n.Description
	case "goal":
		f = n.Goals[ref.Index]
		f.Text = "Ziel: " + f.Text
	case "fact":
		f = n.Facts[ref.Index]
	case "count":
		c := n.Counts[ref.Index]
		f = domain.Fact{Text: c.Value + " " + c.Text, Stand: c.Stand, Source: c.Source}
	case "founding":
		af, _ := e.founding(n)
		return af
	}
	return domain.AnswerFact{Text: f.Text, Stand: f.Stand, Source: e.base.Source(f.Source)}
}

func (e *Engine) founding(n *domain.Network) (domain.AnswerFact, bool) {
	fd := n.Founded
	if fd.Text == "" && fd.Date.IsZero() {
		return domain.AnswerFact{}, false
	}
	text := fd.Text
	if text == "" {
		text = "Gegründet " + fd.Date.String()
		if fd.Place != "" {
			text += " in " + fd.Place
		}
		if len(fd.By) > 0 {
			text += " von " + joinAnd(fd.By)
		}
		text += "."
	} else if fd.Place != "" && !strings.Contains(text, fd.Place) {
		text += " Ort: " + fd.Place + "."
	}
	return domain.AnswerFact{Text: text, Source: e.base.Source(fd.Source)}, true
}

// counts lists the member figures, the newest first; older ones stay visible.
func (e *Engine) counts(n *domain.Network) []domain.AnswerFact {
	var out []domain.AnswerFact
	for i := len(n.Counts) - 1; i >= 0; i-- {
		f := e.fact(domain.FactRef{Network: n.ID, Part: "count", Index: i})
		if i < len(n.Counts)-1 {
			f.Older = true
			f.Text = "Frühere Angabe: " + f.Text
		}
		out = append(out, f)
	}
	return out
}

// topicFacts are the network's facts on one topic ("join", "people", ...).
func (e *Engine) topicFacts(n *domain.Network, topics ...string) []domain.AnswerFact {
	var out []domain.AnswerFact
	for _, t := range topics {
		for i, f := range n.Facts {
			if f.Topic == t {
				out = appendFact(out, e.fact(domain.FactRef{Network: n.ID, Part: "fact", Index: i}))
			}
		}
	}
	return out
}

// countsIn are the networks' member figures dated in year.
func (e *Engine) countsIn(nets []domain.Network, year int) []domain.AnswerFact {
	var out []domain.AnswerFact
	for i := range nets {
		for j, c := range nets[i].Counts {
			if c.Stand.Year == year {
				out = append(out, e.fact(domain.FactRef{Network: nets[i].ID, Part: "count", Index: j}))
			}
		}
	}
	return out
}

// countLead is the newest figure in a sentence.
func (e *Engine) countLead(n *domain.Network, english bool) string {
	c, ok := newestCount(n)
	switch {
	case !ok && english:
		return fmt.Sprintf("My sources give no total for %s.", n.Name)
	case !ok:
		return fmt.Sprintf("Für %s nennen meine Quellen keine Gesamtzahl.", n.Name)
	}
	if english {
		return fmt.Sprintf("%s has %s members%s.", n.Name, englishFigure(c.Value), standSuffixEN(c.Stand))
	}
	return fmt.Sprintf("%s: %s %s%s.", n.Name, c.Value, countNoun(c), standSuffix(c.Stand))
}

// englishFigure writes "über 100" as "over 100".
func englishFigure(v string) string {
	return strings.NewReplacer("über ", "over ", "rund ", "about ", "mehr als ", "more than ").Replace(v)
}

// standSuffixEN is standSuffix for English answers.
func standSuffixEN(d domain.Date) string {
	if d.IsZero() {
		return " (latest figure)"
	}
	return " (as of " + d.English() + ")"
}

// olderCounts are the older figures in one line, newest first.
func (e *Engine) olderCounts(n *domain.Network, max int, english bool) (domain.AnswerFact, bool) {
	if len(n.Counts) < 2 {
		return domain.AnswerFact{}, false
	}
	f := domain.AnswerFact{Older: true}
	var parts []string
	seen := map[string]bool{n.Counts[len(n.Counts)-1].Value: true}
	for i := len(n.Counts) - 2; i >= 0; i-- {
		c := n.Counts[i]
		if seen[c.Value] {
			continue // the same figure from another page adds nothing here
		}
		seen[c.Value] = true
		if len(parts) == max {
			parts = append(parts, "…")
			break
		}
		part := c.Value
		if !c.Stand.IsZero() {
			part += " (Stand " + c.Stand.String() + ")"
		}
		parts = append(parts, part)
		if src := e.base.Source(c.Source); src != nil {
			if f.Source == nil {
				f.Source = src
			} else {
				f.Also = append(f.Also, src)
			}
		}
	}
	f.Text = "Frühere Angaben: " + strings.Join(parts, ", ")
	if english {
		f.Text = "Earlier figures: " + strings.Join(parts, ", ")
	}
	return f, true
}

// maxOlderCounts bounds the older figures a line shows; "Entwicklung der
// Mitgliederzahl X" shows them all.
const maxOlderCounts = 4

// namedMembers says how many members the base knows by name, when that is
// not all of them: "davon namentlich bekannt: 35 – u. a. Bonn, ...".
func (e *Engine) namedMembers(n *domain.Network, english bool) (domain.AnswerFact, bool) {
	ms := e.members[n.ID]
	if len(ms) == 0 {
		return domain.AnswerFact{}, false
	}
	var names []string
	f := domain.AnswerFact{}
	for _, r := range ms[:min(len(ms), 5)] {
		names = append(names, r.p.Name)
		if src := e.base.Source(r.m.Source); f.Source == nil {
			f.Source = src
		} else if src != nil {
			f.Also = append(f.Also, src)
		}
	}
	if n.MembersComplete {
		// Every member is known: their names, with the first one's source.
		all := make([]string, len(ms))
		for i, r := range ms {
			all[i] = r.p.Name
		}
		f.Also = nil
		f.Text = "Alle: " + strings.Join(all, ", ")
		if english {
			f.Text = "All: " + strings.Join(all, ", ")
		}
		return f, true
	}
	f.Text = fmt.Sprintf("Davon namentlich bekannt: %d – u. a. %s", len(ms), strings.Join(names[:min(3, len(names))], ", ")) + ifMore(true)
	if english {
		f.Text = fmt.Sprintf("Known to me by name: %d, among them %s", len(ms), strings.Join(names[:min(3, len(names))], ", ")) + ifMore(true)
	}
	f.Also = nil
	return f, true
}

func ifMore(more bool) string {
	if more {
		return " und weitere"
	}
	return ""
}

// newestCount is the figure that leads: the counts are kept oldest first.
func newestCount(n *domain.Network) (domain.Count, bool) {
	if len(n.Counts) == 0 {
		return domain.Count{}, false
	}
	return n.Counts[len(n.Counts)-1], true
}

// membershipText is "Gründungsmitglied, Mitglied seit 2016" for list lines.
func membershipText(m domain.Membership) string {
	var parts []string
	if m.Role != "" {
		parts = append(parts, m.Role)
	}
	if !m.Since.IsZero() {
		parts = append(parts, "Mitglied seit "+m.Since.String())
	} else {
		parts = append(parts, "Mitglied (Beitrittsjahr nennen meine Quellen nicht)")
	}
	if m.Note != "" {
		parts = append(parts, m.Note)
	}
	return strings.Join(parts, ", ")
}

// memberDetail is the role and date of a membership, for a sentence that
// already says "Mitglied": ": Gründungsmitglied, seit 16. März 2016".
func memberDetail(m domain.Membership) string {
	var parts []string
	if m.Role != "" {
		parts = append(parts, m.Role)
	}
	if !m.Since.IsZero() {
		parts = append(parts, "seit "+m.Since.String())
	}
	if len(parts) == 0 {
		return "; seit wann, nennen meine Quellen nicht"
	}
	return ": " + strings.Join(parts, ", ")
}

// memberDetailEN is memberDetail for English answers.
func memberDetailEN(m domain.Membership) string {
	var parts []string
	if m.Role != "" {
		parts = append(parts, m.Role)
	}
	if !m.Since.IsZero() {
		parts = append(parts, "since "+m.Since.English())
	}
	if len(parts) == 0 {
		return "; my sources do not say since when"
	}
	return ": " + strings.Join(parts, ", ")
}

func findMembership(n *domain.Network, placeID string) (domain.Membership, bool) {
	for _, m := range n.Members {
		if m.Place == placeID {
			return m, true
		}
	}
	return domain.Membership{}, false
}

func placeWhere(pl *domain.Place) string {
	var parts []string
	if pl.District != "" {
		parts = append(parts, pl.District)
	}
	if pl.State != "" {
		parts = append(parts, pl.State)
	}
	return strings.Join(parts, ", ")
}

func networkHit(n *domain.Network) domain.Hit {
	return domain.Hit{ID: "network:" + n.ID, Title: n.Name, URL: n.Website}
}

// shortName is the name people use in questions: the network's ShortName.
func shortName(n *domain.Network) string {
	if n.ShortName != "" {
		return n.ShortName
	}
	return n.Name
}

func appendLink(ls []domain.Link, l domain.Link) []domain.Link {
	if l.URL == "" {
		return ls
	}
	for _, x := range ls {
		if x.URL == l.URL {
			return ls
		}
	}
	return append(ls, l)
}

func appendFact(fs []domain.AnswerFact, f domain.AnswerFact) []domain.AnswerFact {
	for _, x := range fs {
		if x.Text == f.Text {
			return fs
		}
	}
	return append(fs, f)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
