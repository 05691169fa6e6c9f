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

// foundingShort is the founding in one line: date, place and founders.
func (e *Engine) foundingShort(n *domain.Network) (domain.AnswerFact, bool) {
	fd := n.Founded
	if fd.Date.IsZero() {
		return e.founding(n)
	}
	text := "Gegründet: " + fd.Date.String()
	if fd.Place != "" {
		text += ", " + fd.Place
	}
	if len(fd.By) > 0 {
		text += ", von " + joinAnd(fd.By)
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
func (e *Engine) topicFacts(n *domain.Network, topic string) []domain.AnswerFact {
	var out []domain.AnswerFact
	for i, f := range n.Facts {
		if f.Topic == topic {
			out = append(out, e.fact(domain.FactRef{Network: n.ID, Part: "fact", Index: i}))
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

// countSummary is the newest figure with the older ones named after it, in one line.
func (e *Engine) countSummary(n *domain.Network) (domain.AnswerFact, bool) {
	c, ok := newestCount(n)
	if !ok {
		return domain.AnswerFact{}, false
	}
	f := domain.AnswerFact{Text: "Mitglieder: " + c.Value + " " + c.Text, Stand: c.Stand, Source: e.base.Source(c.Source)}
	var older []string
	for i := len(n.Counts) - 2; i >= 0; i-- {
		o := n.Counts[i].Value
		if !n.Counts[i].Stand.IsZero() {
			o += " (Stand " + n.Counts[i].Stand.String() + ")"
		}
		older = append(older, o)
	}
	if len(older) > 0 {
		f.Text += "; frühere Angaben: " + strings.Join(older, ", ")
	}
	return f, true
}

func countLead(n *domain.Network) string {
	c, ok := newestCount(n)
	if !ok {
		return fmt.Sprintf("Für %s nennen meine Quellen keine Gesamtzahl.", n.Name)
	}
	return fmt.Sprintf("%s: %s %s%s.", n.Name, c.Value, c.Text, standSuffix(c.Stand))
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

// shortName is the network's first alias, the name people use in questions.
func shortName(n *domain.Network) string {
	if len(n.Aliases) > 0 {
		return n.Aliases[0]
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
