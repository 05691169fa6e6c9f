package answer

import (
	"regexp"
	"strings"

	"github.com/engagiert/engagiert/internal/domain"
)

// A question may ask two things ("Wann wurde RegioPole gegründet und wer
// hat heute den Vorsitz?"), and a follow-up in a thread may ask half a
// question ("seit wann?", "und Paderborn?"). Both are frames completed from
// the frame before: the previous part, or the thread's previous question.

// partSplit finds "und"/"sowie"/"and" followed by a question word: there a
// second question begins. "Welche Städte sind in RegioPole und Engagierte
// Stadt?" joins names, not questions, and is not split.
var partSplit = regexp.MustCompile(`(?i)(?:,\s*|\s+)(?:und|sowie|and|außerdem|ausserdem|\+|&)\s+(?:(?:auch|noch|dann)\s+)?` +
	`(wer|wann|wo|wie|was|welche|welcher|welches|seit|ist|sind|gibt|hat|von wem|mit wem|warum|wozu|wofür|who|when|where|how|what|which|is|are|does|since|by whom)\b`)

// splitParts splits a question into the questions it asks, at most three.
func splitParts(q string) []string {
	var parts []string
	for len(parts) < 2 {
		loc := partSplit.FindStringSubmatchIndex(q)
		if loc == nil {
			break
		}
		first := strings.TrimSpace(q[:loc[0]])
		if len(strings.Fields(first)) < 2 {
			break // "und wer ...?" alone is a follow-up, not two questions
		}
		parts = append(parts, first)
		q = q[loc[2]:]
	}
	return append(parts, strings.TrimSpace(q))
}

// continueFrame completes a frame from the one before it in the conversation.
func (e *Engine) continueFrame(f, prev Frame, p *parsed) Frame {
	if prev.Op == OpHelp || prev.Op == OpChatter || prev.Op == "" {
		return f
	}
	named := f.has("network") || f.has("place")
	if f.has("network") && !f.has("place") && hasPronoun(p) {
		// "In welchem Kreis liegt Sendenhorst und seit wann ist es Engagierte
		// Stadt?": "es" is the place before.
		for _, s := range prev.Subjects {
			if s.Kind == "place" {
				f.Subjects = append(f.Subjects, s)
			}
		}
		if p.attr == "" {
			f.Attribute = impliedAttribute(f.Op, p, false) // about the place's membership now
		}
		e.adopt(p, f, Frame{})
		return f
	}
	switch {
	case !named && (f.Op != OpDescribe || f.Attribute != "" || len(p.content) > 0 || p.filtered()):
		// "seit wann?", "und wer hat den Vorsitz?": the previous subjects;
		// "und welche aus NRW?" keeps its own filter.
		var keep []Subject
		for _, s := range prev.Subjects {
			if s.Kind == "network" || s.Kind == "place" {
				keep = append(keep, s)
			}
		}
		if len(keep) == 0 {
			return f
		}
		f.Subjects = keep
		if f.Op == OpWho && f.Attribute == "" && (prev.Attribute == "founding" || prev.Attribute == "founding-place") {
			f.Attribute = "founders" // "Wo wurde X gegründet und von wem?"
		}
		if f.Filters.IsZero() && f.Op == OpList {
			f.Filters = prev.Filters
		}
		e.adopt(p, f, Frame{})
	case len(f.Subjects) > 0 && f.Op == OpDescribe && f.Attribute == "" && len(p.content) == 0 && isBareFollowUp(p):
		// "und Paderborn?": the previous question about the new subject;
		// subjects of other kinds stay.
		next := prev
		next.Subjects = nil
		for _, s := range prev.Subjects {
			if !f.has(s.Kind) {
				next.Subjects = append(next.Subjects, s)
			}
		}
		next.Subjects = append(next.Subjects, f.Subjects...)
		next.English = f.English
		e.adopt(p, next, prev)
		return next
	}
	return f
}

// hasPronoun reports whether a question refers back with a pronoun.
func hasPronoun(p *parsed) bool {
	for _, t := range p.tokens {
		switch t.Raw {
		case "es", "sie", "er", "dort", "die", "dies", "diese", "it", "they", "there":
			if t.Raw != "die" || (t.Pos+1 < len(p.tokens) && p.tokens[t.Pos+1].Raw == "stadt") {
				return true
			}
		}
	}
	return false
}

// isBareFollowUp reports whether a question is only names and "und",
// "what about": a new subject for the previous question.
func isBareFollowUp(p *parsed) bool {
	for _, t := range p.tokens {
		if p.used[t.Pos] {
			continue
		}
		switch t.Raw {
		case "und", "and", "what", "about", "wie", "ist", "es", "mit", "sieht", "aus", "auch", "noch", "bei", "denn", "so", "dann", "also", "how":
		default:
			if !t.Stop {
				return false
			}
		}
	}
	return true
}

// adopt makes the parsed question say what frame f says, so the answer
// functions, which read the parse, answer the completed frame. from is the
// frame f took its question from (zero when f kept its own).
func (e *Engine) adopt(p *parsed, f, from Frame) {
	set := func(in intent) { p.intents[in] = true }
	switch f.Op {
	case OpWhen:
		set(intWhen)
	case OpWhere:
		set(intWhere)
	case OpWho:
		set(intWho)
	case OpCount:
		set(intCount)
	case OpYesNo:
		p.yesNo = true
	case OpJoin:
		set(intJoin)
	case OpList:
		set(intMembers)
	case OpCompare:
		p.compare = true
	}
	switch f.Attribute {
	case "founding", "founding-place", "founders":
		set(intFounding)
	case "goal":
		set(intGoal)
	case "website":
		set(intLink)
	}
	if p.attr == "" {
		p.attr = f.Attribute
	}
	if p.most == "" {
		p.most = f.Most
	}
	if from.Op != "" && !p.filtered() {
		fl := from.Filters
		p.state, p.district, p.region, p.kreisfrei, p.kind = fl.State, fl.District, fl.Region, fl.Kreisfrei, fl.Kind
		p.founders, p.year, p.yearOp, p.country = fl.Founders, fl.Year, fl.YearOp, fl.Country
	}
}

// joinAnswers makes one answer of the answers to a question's parts: the
// leads in order, then what each adds. It is found when any part is.
func joinAnswers(as []domain.Answer) domain.Answer {
	if len(as) == 1 {
		return as[0]
	}
	a := as[0]
	a.Kind, a.Suggestions = domain.KindFacts, nil
	leads := []string{a.Lead}
	for _, b := range as[1:] {
		if b.LeadSource != nil {
			// A later part's sourced lead keeps its source, as a line of its own.
			a.Facts = appendFact(a.Facts, domain.AnswerFact{Text: b.Lead, Source: b.LeadSource})
		} else if b.Lead != "" {
			leads = append(leads, b.Lead)
		}
		a.Found = a.Found || b.Found
		a.Failed = a.Failed || b.Failed
		for _, f := range b.Facts {
			a.Facts = appendFact(a.Facts, f)
		}
		a.Lists = append(a.Lists, b.Lists...)
		for _, l := range b.Links {
			a.Links = appendLink(a.Links, l)
		}
		a.Hits = append(a.Hits, b.Hits...)
	}
	a.Lead = strings.TrimSpace(strings.Join(leads, " "))
	return a
}

// englishWords are words that only an English question has.
var englishWords = map[string]bool{"is": true, "are": true, "does": true, "do": true, "which": true, "what": true,
	"how": true, "who": true, "when": true, "where": true, "since": true, "show": true, "list": true, "tell": true,
	"the": true, "of": true, "many": true, "member": true, "members": true, "founded": true, "twin": true, "towns": true,
	"cities": true, "city": true, "network": true, "networks": true, "can": true, "why": true, "and": true, "in": false}

// looksEnglish reports whether a question is English: its first word, or
// most of its words, are English.
func looksEnglish(q string) bool {
	words := strings.Fields(strings.ToLower(strings.Trim(q, " ?!.")))
	if len(words) == 0 {
		return false
	}
	first := strings.Trim(words[0], ",.:;!?")
	if englishStarts[first] {
		return true
	}
	n := 0
	for _, w := range words {
		if englishWords[strings.Trim(w, ",.:;!?")] {
			n++
		}
	}
	return n >= 2 && n*2 >= len(words)
}
