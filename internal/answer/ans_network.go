package answer

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/lang"
	"github.com/engagiert/engagiert/internal/words"
)

// Answers about networks: in short, a property, a count, the founding,
// the events, who may join.

// nets resolves network ids.
func (e *Engine) nets(ids []string) []domain.Network {
	out := make([]domain.Network, 0, len(ids))
	for _, id := range ids {
		if n := e.base.Network(id); n != nil {
			out = append(out, *n)
		}
	}
	return out
}

// overviewListed is how many members a network overview names.
const overviewListed = 10

// network is a network in short — what it is, since when, how big, some
// members — or the statements of it that share the question's words.
func (e *Engine) network(ctx context.Context, f Frame) (domain.Answer, error) {
	nets := e.nets(f.networks())
	if len(f.Words) > 0 && len(nets) == 1 {
		hits, err := e.statements(ctx, f.Words, nets[0].ID)
		if err != nil {
			return domain.Answer{}, err
		}
		if len(hits) == 0 {
			// "Wer hat den Praxistag angekündigt?": the statement says
			// "kündigte … an".
			alt, changed := slices.Clone(f.Words), false
			for i, w := range alt {
				if a := e.participleAlt(w); a != "" {
					alt[i], changed = a, true
				}
			}
			if changed {
				if hits, err = e.statements(ctx, alt, nets[0].ID); err != nil {
					return domain.Answer{}, err
				}
			}
		}
		if len(hits) > 0 {
			if f.Latest {
				// "Wie heißt das Ministerium inzwischen?": of statements
				// with as many of the words, the newest.
				slices.SortStableFunc(hits, func(x, y domain.FactHit) int {
					if x.Matched != y.Matched {
						return y.Matched - x.Matched
					}
					return dateKey(e.fact(y.Ref, false).Stand) - dateKey(e.fact(x.Ref, false).Stand)
				})
			}
			if f.Period {
				// "How often does the steering committee meet?": the
				// statement that gives a frequency.
				slices.SortStableFunc(hits, func(x, y domain.FactHit) int {
					return b2i(e.statesSpan(e.fact(y.Ref, false).Text)) - b2i(e.statesSpan(e.fact(x.Ref, false).Text))
				})
			}
			if f.Filters.Year != 0 {
				// "Where did the steering committee meet in October
				// 2020?": the statement of that year first.
				if of := e.ofYear(hits, f); len(of) > 0 {
					hits = append(of, slices.DeleteFunc(hits, func(h domain.FactHit) bool { return slices.Contains(of, h) })...)
				}
			}
			a := e.factsAnswer(hits, f.English)
			a.Facts = a.Facts[:min(len(a.Facts), 1)]
			return a, nil
		}
		// "Was sagt RegioPole zum Klimaschutz?", "Welches Budget hat die
		// Netzwerkstelle?", "budget netzwerkstelle": nothing on that.
		// Words that ask for nothing in particular ("erzählen", "gib",
		// "überblick") are fillers of the lexicon and never get here.
		return e.noInfoWords(&nets[0], f), nil
	}
	if f.Attribute == domain.AttrActivities && len(nets) == 1 {
		return e.activities(&nets[0], f), nil
	}
	return e.networkOverview(nets, f.English), nil
}

// activities answers "Was macht X?": what it is and what it is for, not
// its members.
func (e *Engine) activities(n *domain.Network, f Frame) domain.Answer {
	en := f.English
	a := domain.Answer{Found: true, Kind: domain.KindFacts, Title: n.Name, English: en, Hits: []domain.Hit{networkHit(n)}}
	d := e.fact(domain.FactRef{Network: n.ID, Part: "description"}, en)
	d.Text = firstSentence(d.Text)
	leadWith(&a, d)
	if len(n.Goals) > 0 {
		a.Facts = append(a.Facts, e.fact(domain.FactRef{Network: n.ID, Part: "goal"}, en))
	}
	if fs := e.topicFacts(n, en, "services"); len(fs) > 0 {
		// What it does is best said by the statement that lists the most
		// of it: "Sprechstunden und Beratung, Ideenbörsen, …".
		fs = slices.Clone(fs)
		slices.SortStableFunc(fs, func(x, y domain.AnswerFact) int {
			return strings.Count(y.Text, ", ") - strings.Count(x.Text, ", ")
		})
		a.Facts = appendFact(a.Facts, fs[0])
	}
	a.Links = []domain.Link{{Title: n.Name, URL: n.Website}}
	return a
}

// networkOverview is what a network is, in short, with some members.
func (e *Engine) networkOverview(nets []domain.Network, en bool) domain.Answer {
	a := domain.Answer{Found: true, Kind: domain.KindNetwork, English: en}
	for i := range nets {
		n := &nets[i]
		a.Hits = append(a.Hits, networkHit(n))
		desc := e.fact(domain.FactRef{Network: n.ID, Part: "description"}, en)
		lead := shortSentence(firstSentence(desc.Text), 180)
		if len(nets) > 1 {
			a.Facts = append(a.Facts, domain.AnswerFact{Text: n.Name + ": " + lead, Source: desc.Source})
			continue
		}
		a.Lead, a.LeadSource = lead, desc.Source
		if d := n.Founded.Date; !d.IsZero() {
			a.Facts = append(a.Facts, domain.AnswerFact{Text: say(en, "founded", dateIn(en, d)), Source: e.base.Source(n.Founded.Source)})
		}
		if c, ok := newestCount(n); ok {
			f := domain.AnswerFact{Text: say(en, "members.line", strings.TrimSpace(englishFigure(en, c.Value)+" "+countNounIn(en, c))+standSuffix(en, c.Stand)),
				Source: e.base.Source(c.Source)}
			// Two older figures: sources that disagree are all shown,
			// dated; the whole history answers "Wie viele …?".
			if o, ok := e.olderCounts(n, 2, en); ok {
				f.Text += "; " + lang.LowerFirst(o.Text)
				f.Also = []*domain.Source{o.Source} // one source for the older ones: an overview is short
			}
			a.Facts = append(a.Facts, f)
		}
		if ms := e.members[n.ID]; len(ms) > 0 {
			l := e.memberList(n, ms[:min(len(ms), overviewListed)], len(ms), en)
			l.Title = say(en, "members")
			if (n).IsTitle() {
				l.Title = say(en, "holders")
			}
			for i := range l.Items {
				l.Items[i].Detail, l.Items[i].Source = "", nil // names only: "Mitglieder X" gives dates and sources
			}
			a.Lists = append(a.Lists, l)
		}
		a.Links = appendLink(a.Links, domain.Link{Title: n.Name, URL: n.Website})
		a.Suggestions = append(a.Suggestions, say(en, "suggest.members", shortName(n)))
	}
	a.Title = nets[0].Name
	if len(nets) > 1 {
		a.Title = say(en, "cmp.networks")
	}
	return a
}

// countNounIn is what a figure counts, left out in English (the German
// words would not read).
func countNounIn(english bool, c domain.Count) string {
	if english {
		return ""
	}
	return countNoun(c)
}

// count answers "Wie viele …?" about networks: the newest figure leads,
// older ones follow in one line, and a partial member list is said as
// "davon namentlich bekannt", never as the network's size.
func (e *Engine) count(ctx context.Context, f Frame) (domain.Answer, error) {
	nets, en := e.nets(f.networks()), f.English
	if f.Negate {
		return e.notMembers(ctx, f)
	}
	year := f.Filters.Year
	if year == 0 && f.Attribute == domain.AttrFounding && len(nets) == 1 && !nets[0].Founded.Date.IsZero() {
		year = int(nets[0].Founded.Date.Year) // "Wie viele Mitglieder hatte X bei der Gründung?"
	}
	if year != 0 {
		// A figure that names the year ("66 … seit 2013 erhalten") first,
		// then the figures of that year.
		var fs, ofYear []domain.AnswerFact
		for i := range nets {
			for j, c := range nets[i].Counts {
				switch ref := (domain.FactRef{Network: nets[i].ID, Part: "count", Index: j}); {
				case e.hasWord(c.Text, strconv.Itoa(year)):
					fs = append(fs, e.fact(ref, en))
				case int(c.Stand.Year) == year:
					ofYear = append(ofYear, e.fact(ref, en))
				}
			}
		}
		// Of the year's figures the latest first: counts are oldest first,
		// and "how big was it in 2020" (or when Paderborn joined, 25
		// September) is best said by the last one that year.
		slices.Reverse(ofYear)
		fs = append(fs, ofYear...)
		if len(fs) > 0 {
			// "Wie viele Städte hatte RegioPole 2019?": the figure of that year.
			a := domain.Answer{Found: true, Kind: domain.KindFacts, Title: nets[0].Name, English: en, Facts: fs[1:]}
			leadWith(&a, fs[0])
			for i := range nets {
				a.Hits = append(a.Hits, networkHit(&nets[i]))
			}
			return a, nil
		}
	}
	if ws := e.statedWords(f.Words); len(ws) > 0 && len(nets) == 1 && !e.countSays(&nets[0], f.Words) {
		// "Wie viele Regiopolen wurden bestimmt?", "Wie viele Leute sitzen
		// im Beirat?": no figure of the network counts that, a statement
		// that has the words the statements use and a number does.
		// The one with the words as typed ("Engagiertes Land", not
		// "Landesnetzwerk"), then the one whose figure counts a word ("33
		// Regiopolen"), then the first.
		best, bestScore := -1, -1
		for j, x := range nets[0].Facts {
			if e.countWords(x.Text, ws) == len(ws) && e.hasNumber(x.Text) {
				score := 2*exactWords(e.tokensOf(x.Text), ws) + b2i(e.countsWord(x.Text, ws))
				if score > bestScore {
					best, bestScore = j, score
				}
			}
		}
		if best >= 0 {
			return e.shortFacts([]domain.FactHit{{Ref: domain.FactRef{Network: nets[0].ID, Part: "fact", Index: best}}}, f), nil
		}
	}
	fl := f.Filters
	fl.Year, fl.YearOp, fl.YearTo = 0, "", 0
	if !fl.IsZero() || f.Filters.Year != 0 {
		// "Wie viele RegioPole-Städte liegen in NRW?": count the list, and
		// name them without details.
		a := e.membersAnswer(nets, f)
		for i := range a.Lists {
			for j := range a.Lists[i].Items {
				a.Lists[i].Items[j].Detail = ""
			}
		}
		return a, nil
	}
	a := domain.Answer{Found: true, Kind: domain.KindFacts, Title: nets[0].Name, English: en}
	var leads []string
	for i := range nets {
		n := &nets[i]
		a.Hits = append(a.Hits, networkHit(n))
		lead := e.countLead(n, en)
		if _, ok := newestCount(n); !ok && len(nets) == 1 {
			a.Found = false // no figure at all
		}
		if c, ok := newestCount(n); ok && len(nets) == 1 {
			a.LeadSource = e.base.Source(c.Source)
		}
		if o, ok := e.olderCounts(n, maxOlderCounts, en); ok {
			a.Facts = append(a.Facts, o)
		}
		if named, ok := e.namedMembers(n, en); ok {
			// Said with the figure, so it never reads as the network's size.
			lead = strings.TrimSuffix(lead, ".") + "; " + named + "."
		}
		leads = append(leads, lead)
	}
	a.Lead = strings.Join(leads, " ")
	return a, nil
}

// namedMembers says how many members the base knows by name, when that is
// not all of them: "davon namentlich bekannt: 35 – u. a. Bonn, …".
func (e *Engine) namedMembers(n *domain.Network, en bool) (string, bool) {
	mi := e.memberIdx[n.ID]
	if mi == nil || len(e.members[n.ID]) == 0 {
		return "", false
	}
	if n.MembersComplete {
		if mi.named < mi.current {
			return say(en, "named.all", mi.names+" "+moreNote(en, mi.current-mi.named)), true
		}
		return say(en, "named.all", mi.names), true
	}
	return say(en, "named.members", mi.current), true
}

// founding answers what is asked about a network's founding, or a
// property asked with who, when or where that no topic covers.
func (e *Engine) founding(ctx context.Context, f Frame) (domain.Answer, error) {
	nets, en := e.nets(f.networks()), f.English
	if a, ok := e.datedStatement(f); ok {
		return a, nil // a founding named by its words ("die Gemeinsame Erklärung")
	}
	if nets := f.networks(); len(nets) == 1 {
		if a, ok := e.foundedStatement(f, nets[0]); ok {
			return a, nil // "… und die Auslandsgesellschaft, seit wann gibt es die?"
		}
	}
	if a, ok := e.anniversary(f); ok {
		return a, nil
	}
	if f.Attribute == domain.AttrNone && slices.ContainsFunc(e.specificWords(f), func(w string) bool { return !e.inNetworkName(w, nets) }) {
		// "When did the Netzwerkstelle's survey close?": when what the
		// words name happened, not the network's founding.
		if a, err := e.statesSpecific(ctx, f); err == nil {
			return a, nil
		}
	}
	a := domain.Answer{Found: true, Kind: domain.KindFacts, Title: nets[0].Name, English: en}
	attr := f.Attribute
	var leads []string
	for i := range nets {
		n := &nets[i]
		a.Hits = append(a.Hits, networkHit(n))
		a.Links = appendLink(a.Links, domain.Link{Title: n.Name, URL: n.Website})
		if attr == domain.AttrInitiator || attr == domain.AttrFounders || (f.Op == OpWho && attr == domain.AttrNone) || (f.Op == OpList && attr == domain.AttrFounding) {
			if fs := e.topicFacts(n, en, "initiator", "founders"); len(fs) > 0 {
				leads = append(leads, fs[0].Text)
				if a.LeadSource == nil {
					a.LeadSource = fs[0].Source
				}
				continue
			}
			if len(n.Founded.By) > 0 {
				if d := n.Founded.Date; !d.IsZero() {
					// Who, and when: "ins Leben gerufen" asks both.
					leads = append(leads, say(en, "founded.by.when", n.Name, dateWithArticle(en, d), joinAnd(en, n.Founded.By)))
				} else {
					leads = append(leads, say(en, "founded.by", n.Name, joinAnd(en, n.Founded.By)))
				}
				a.LeadSource = e.base.Source(n.Founded.Source)
				continue
			}
			if d := n.Description; attr == domain.AttrInitiator && strings.Contains(strings.ToLower(d.Text), "initiiert") {
				leads = append(leads, firstSentence(d.Text))
				a.LeadSource = e.base.Source(d.Source)
				continue
			}
			if attr != domain.AttrInitiator && len(nets) == 1 {
				// "Who founded the RegioPole network?": a network of cities
				// no organisation founded was founded by its founding members.
				g := f
				// The year and place are the founding's ("in Berlin", "2016").
				g.Op, g.Attribute, g.Filters, g.Words = OpList, domain.AttrMembers, Filters{Founders: true}, nil
				if m := e.membersAnswer(nets, g); m.Found {
					return m, nil
				}
			}
		}
		fd, ok := e.foundingFact(n, en)
		switch {
		case !ok:
			leads = append(leads, say(en, "nofounding", n.Name))
		case (f.Op == OpWhere || attr == domain.AttrFoundingPlace) && n.Founded.Place != "":
			when := ""
			if d := n.Founded.Date; !d.IsZero() {
				when = ", " + dateWithArticle(en, d)
			}
			leads = append(leads, say(en, "founded.where", n.Name, strings.TrimPrefix(n.Founded.Place, "im "), when))
			a.LeadSource = fd.Source
		case f.Op == OpWho && fd.Text != "":
			leads = append(leads, fd.Text)
			a.LeadSource = fd.Source
		case !n.Founded.Date.IsZero():
			when := dateIn(en, n.Founded.Date) // "besteht seit 16. März 2016"
			if en {
				when = dateWithArticle(en, n.Founded.Date) // "was founded on 16 March 2016"
			}
			leads = append(leads, say(en, "founded.since", n.Name, when))
			a.LeadSource = fd.Source
			if len(nets) == 1 {
				// Where sources give another year, that says so first:
				// "Swisttal schrieb 2020, … „seit 2014“".
				year := strconv.Itoa(int(n.Founded.Date.Year))
				for _, x := range e.topicFacts(n, en, "founding") {
					if ys := yearRE.FindAllString(x.Text, -1); len(ys) > 0 && slices.ContainsFunc(ys, func(y string) bool { return y != year }) &&
						(n.Founded.Text == "" || !strings.Contains(x.Text, n.Founded.Text)) {
						a.Facts = append(a.Facts, x)
						break
					}
				}
			}
			if len(nets) == 1 && n.Founded.Text != "" && !en {
				a.Facts = append(a.Facts, domain.AnswerFact{Text: n.Founded.Text, Source: fd.Source})
			}
		default:
			leads = append(leads, fd.Text)
			a.LeadSource = fd.Source
		}
	}
	if len(nets) > 1 {
		a.LeadSource = nil
	}
	a.Lead = strings.Join(leads, " ")
	a.Facts = e.dropRepeats(a.Lead, a.Facts)
	a.Facts = a.Facts[:min(len(a.Facts), 1)]
	if attrSpecific(f) && attr != domain.AttrFounding && attr != domain.AttrFoundingPlace && attr != domain.AttrFounders &&
		attr != domain.AttrInitiator {
		return e.noInfo(&nets[0], f), nil
	}
	if strings.HasPrefix(a.Lead, say(en, "nofounding", nets[0].Name)) && len(nets) == 1 {
		return e.noInfo(&nets[0], f), nil
	}
	return a, nil
}

// topic answers an attribute that facts state (chair, cost, event, …):
// the facts on it lead, those sharing the question's other words first;
// with none, the statements that share them; with neither, one line that
// the sources say nothing on it.
func (e *Engine) topic(ctx context.Context, f Frame) (domain.Answer, error) {
	nets, en := e.nets(f.networks()), f.English
	if f.Attribute == domain.AttrEvent && f.Ordinal > 0 && !e.hasOrdinalEvent(nets, f.Ordinal, f.Asked) {
		// "Wann ist der 6. Tag der Städtepartnerschaften?" where the sources
		// name five: say so, then the latest they name.
		g := f
		g.Ordinal, g.Time = 0, WhenLast
		b, err := e.topic(ctx, g)
		if err != nil || !b.Found {
			return b, err
		}
		b.Found = false
		b.Facts = append([]domain.AnswerFact{{Text: b.Lead, Source: b.LeadSource}}, b.Facts...)
		b.Lead, b.LeadSource = say(en, "event.no.ordinal", f.Ordinal), nil
		return b, nil
	}
	if f.Attribute == domain.AttrPopulation {
		// "Wie viele Menschen leben in den ausgezeichneten Kommunen?": a
		// figure of the network that says how many live there answers;
		// otherwise the sources say nothing ("Wie viele Einwohner haben die
		// zusammen?").
		n := &nets[0]
		for i := len(n.Counts) - 1; i >= 0; i-- {
			if e.saysCue(n.Counts[i].Text, "populous") {
				x := e.fact(domain.FactRef{Network: n.ID, Part: "count", Index: i}, en)
				return domain.Answer{Found: true, Kind: domain.KindFacts, Title: n.Name, English: en, Lead: x.Text, LeadSource: x.Source,
					Hits: []domain.Hit{networkHit(n)}}, nil
			}
		}
		return e.noInfo(n, f), nil
	}
	topics := e.topicsOf(f.Attribute)
	a := domain.Answer{Found: true, Kind: domain.KindFacts, Title: nets[0].Name, English: en}
	var facts, topical []domain.AnswerFact
	for i := range nets {
		n := &nets[i]
		fs := e.topicFacts(n, en, topics...)
		if f.Attribute == domain.AttrFunding && len(topics) > 1 {
			// Who funds it: a fact on its programmes answers only where it
			// speaks of money or funding; who took part in a workshop
			// does not say who paid for it.
			fs = e.topicFacts(n, en, topics[0])
			for _, x := range e.topicFacts(n, en, topics[1:]...) {
				if e.saysWordOf(x.Text, e.lex.attrWordsOf(f.Attribute)) || e.saysCue(x.Text, "currency") {
					fs = appendFact(fs, x)
				}
			}
		}
		if f.Attribute == domain.AttrEvent {
			fs = e.events(n, f)
		}
		if f.Attribute == domain.AttrHistory && len(fs) == 0 && len(n.Counts) > 1 {
			fs = e.allCounts(n, en)
		}
		for _, x := range fs {
			facts = appendFact(facts, x)
		}
		topical = append(topical, fs...)
		if len(fs) > 0 {
			a.Hits = append(a.Hits, networkHit(n))
			a.Links = appendLink(a.Links, domain.Link{Title: n.Name, URL: n.Website})
		}
	}
	if f.Attribute != domain.AttrEvent && f.Time == WhenAny {
		// What is true now first: the newest dated fact on the topic leads.
		slices.SortStableFunc(facts, func(x, y domain.AnswerFact) int { return dateKey(y.Stand) - dateKey(x.Stand) })
	}
	// The statements that share the question's words: its own first
	// ("Beirat" in "Wer sitzt im Beirat?"), then with the attribute's. They
	// follow the facts on the topic, and lead where they share more of the
	// question's words ("das Netzwerktreffen im September 2024").
	hits, err := e.statementsEither(ctx, f, nets[0].ID)
	if err != nil {
		return domain.Answer{}, err
	}
	if f.Time != WhenNext && f.Time != WhenLast && f.Ordinal == 0 {
		for _, h := range hits {
			x := e.fact(h.Ref, en)
			if len(topical) == 0 && (f.Attribute == domain.AttrCost || f.Attribute == domain.AttrContact) && e.countWords(x.Text, f.Asked) == 0 {
				// Nothing on what it costs, or how to reach it: a
				// statement that shares the other words but not the one
				// that asked ("Was kostet die Teilnahme?" and a statement
				// on taking part, the e-mail of the Geschäftsstelle and a
				// statement on where it is) is no answer.
				continue
			}
			facts = appendFact(facts, x)
		}
	}
	if len(facts) == 0 && f.Attribute == domain.AttrCarrier {
		// Who is behind it: who set it up, where no carrier is named.
		for i := range nets {
			if n := &nets[i]; len(n.Founded.By) > 0 {
				facts = append(facts, domain.AnswerFact{Text: say(en, "built.by", n.Name, joinAnd(en, n.Founded.By)),
					Source: e.base.Source(n.Founded.Source)})
			}
		}
	}
	if len(facts) == 0 && f.Attribute == domain.AttrOffice {
		// Where it sits, where no office is named: at its carrier, where
		// a statement on the carrier names the place ("… in Dortmund").
		for i := range nets {
			for j, x := range nets[i].Facts {
				ref := domain.FactRef{Network: nets[i].ID, Part: "fact", Index: j}
				if x.Topic == "carrier" && len(e.factPlaces[ref]) > 0 {
					facts = appendFact(facts, e.fact(ref, en))
				}
			}
		}
	}
	if y := f.Filters.Year; y != 0 && f.Filters.YearOp == "" && (f.Attribute == domain.AttrFunding || f.Attribute == domain.AttrCost) &&
		!slices.ContainsFunc(facts, func(x domain.AnswerFact) bool { return int(x.Stand.Year) == y || e.saysYear(x.Text, f) }) {
		// "Wie hoch ist die Förderung für 2025?": an amount of other
		// years does not answer.
		facts = nil
	}
	if f.Attribute == domain.AttrFunding && len(nets) == 1 && f.Op == OpCount && e.saysCue(strings.Join(f.Words, " "), "receive") {
		// "How much money does the Netzwerkstelle get each year?": an
		// amount it gets; "bis zu 5.000 Euro je Projekt" is what others get.
		known := facts
		facts = slices.DeleteFunc(slices.Clone(facts), func(x domain.AnswerFact) bool { return !e.saysCue(x.Text, "currency") || e.saysCue(x.Text, "per") })
		if len(facts) == 0 && len(known) > 0 {
			b := e.noInfo(&nets[0], f)
			b.Lead, b.Facts = say(en, "noinfo.amount", nets[0].Name), known[:1]
			return b, nil
		}
	}
	if len(facts) == 0 {
		return e.noInfo(&nets[0], f), nil
	}
	if f.Time == WhenHistory {
		// "Welche Städte hatten bisher den Vorsitz?": all of them, in order.
		slices.SortStableFunc(facts, func(x, y domain.AnswerFact) int { return dateKey(x.Stand) - dateKey(y.Stand) })
		leadWith(&a, facts[0])
		a.Facts = facts[1:min(len(facts), 5)]
		return a, nil
	}
	// The question's own words (and year) rank the statements; the words
	// that only named the attribute do not: every fact on it has them.
	ws := append(append([]string(nil), f.Words...), f.Asked...)
	if f.Filters.Year != 0 {
		ws = append(ws, strconv.Itoa(f.Filters.Year))
	}
	if f.Latest && f.Time == WhenAny {
		// "inzwischen", "aktuell": of facts that rank alike, the newest.
		slices.SortStableFunc(facts, func(x, y domain.AnswerFact) int { return dateKey(y.Stand) - dateKey(x.Stand) })
	}
	if (len(ws) > 0 || f.Period || f.From != "") && f.Time == WhenAny {
		// A fact on the topic counts one word more than a statement found
		// by its words alone.
		rank := func(x domain.AnswerFact) int {
			n := e.countWords(x.Text, ws)
			if slices.ContainsFunc(topical, func(t domain.AnswerFact) bool { return t.Text == x.Text }) {
				n++
			}
			if f.Period && e.statesSpan(x.Text) {
				n += 2 // "Wie lange …?": "alle zwei Jahre" answers it
			}
			if f.Op == OpWhen && f.Attribute != domain.AttrEvent && yearRE.MatchString(x.Text) {
				n++ // "Seit wann arbeitet die Auslandsgesellschaft dazu?": "seit 2009" answers it
			}
			n += 3 * e.fromSource(x, f) // "laut Landtag": the Landtag's own words
			for _, id := range f.places() {
				if pl := e.base.Place(id); pl != nil {
					if name := words.Split(words.Fold(pl.Name)); len(name) > 0 && e.countWords(x.Text, name) == len(name) {
						n++ // "als Siegen den Vorsitz hatte": the statement on Siegen's
					}
				}
			}
			return n
		}
		// Each fact ranked once, not at every comparison of the sort.
		type ranked struct {
			x domain.AnswerFact
			n int
		}
		rs := make([]ranked, len(facts))
		for i, x := range facts {
			rs[i] = ranked{x, rank(x)}
		}
		slices.SortStableFunc(rs, func(a, b ranked) int { return b.n - a.n })
		for i := range rs {
			facts[i] = rs[i].x
		}
	}
	leadWith(&a, facts[0])
	if facts[0].Text == say(en, "no.coming") {
		a.Found = false // no coming date known: the latest follows, but nothing answers "wann ist der nächste"
	}
	if len(f.Words) > 0 && e.countWords(facts[0].Text, ws) == len(ws) && !(f.Attribute == domain.AttrEvent && f.Op == OpCount) {
		return a, nil // the lead has all the question asked for; how many came, each source's count
	}
	a.Facts = facts[1:min(len(facts), 1+e.factLimit(f))]
	if f.Attribute == domain.AttrCarrier && len(nets) == 1 {
		// "Who runs the Netzwerkstelle?": who carries it, and who leads it.
		if cs := e.topicFacts(&nets[0], en, "chair"); len(cs) > 0 && cs[0].Text != a.Lead {
			a.Facts = []domain.AnswerFact{cs[0]} // the leader instead of more on the carrier: short
		}
	}
	if f.Attribute == domain.AttrContact && len(nets) == 1 && nets[0].Website != "" && !strings.Contains(a.PlainText(), nets[0].Website) {
		// "Wie erreiche ich die Netzwerkstelle?": its website too.
		a.Facts = append(a.Facts, domain.AnswerFact{Text: say(en, "website", nets[0].Website)})
	}
	return a, nil
}

// statesSpan reports whether a text gives a span or a frequency in the
// lexicon's words for them ("alle zwei Jahre", "halbjährlich").
func (e *Engine) statesSpan(text string) bool { return e.saysCue(text, "span") }

// allCounts are every figure of a network, newest first.
func (e *Engine) allCounts(n *domain.Network, en bool) []domain.AnswerFact {
	var out []domain.AnswerFact
	for i := len(n.Counts) - 1; i >= 0; i-- {
		out = append(out, e.fact(domain.FactRef{Network: n.ID, Part: "count", Index: i}, en))
	}
	return out
}

// factLimit is how many lines may follow an attribute's lead: one for a
// question after one thing (wer, wann, wo), a few for how to join.
func (e *Engine) factLimit(f Frame) int {
	switch {
	case f.Attribute == domain.AttrJoin || f.Attribute == domain.AttrEligibility:
		return 3
	case f.Attribute == domain.AttrEvent && f.Op == OpCount:
		return 2 // how many came, as each source counted
	}
	return 1
}

// noInfo says in one line that the sources say nothing on what was asked,
// and in one short line what the network is, with its website; found is
// false, and no member list or overview stands in for the answer.
func (e *Engine) noInfo(n *domain.Network, f Frame) domain.Answer {
	a := domain.Answer{Found: false, Kind: domain.KindNone, Title: n.Name, English: f.English, Hits: []domain.Hit{networkHit(n)}}
	label := e.lex.label(f.Attribute, f.English)
	if f.English {
		label = theLabel(label) // "the office of X"
	}
	if y := f.Filters.Year; y != 0 && f.Filters.YearOp == "" {
		label += say(f.English, "for.year", y) // "zur Förderung für 2025": of other years they may
	}
	a.Lead = germanContraction(say(f.English, "noinfo", label, n.Name))
	// The line of what is known fits what the answer has left of its 300
	// characters, after the title, the lead and the website line.
	room := 290 - utf8.RuneCountInString(n.Name)*2 - utf8.RuneCountInString(a.Lead) - utf8.RuneCountInString(n.Website) - 20
	if d := shortSentence(firstSentence(n.Description.Text), min(140, room)); d != "" && !f.English && room >= 40 {
		a.Lead += " " + say(f.English, "known", d)
	}
	if n.Website != "" {
		a.Links = []domain.Link{{Title: n.Name, URL: n.Website}}
	}
	return a
}

// noInfoWords says that the sources say nothing on the question's words
// for a network.
func (e *Engine) noInfoWords(n *domain.Network, f Frame) domain.Answer {
	a := domain.Answer{Found: false, Kind: domain.KindNone, Title: n.Name, English: f.English, Hits: []domain.Hit{networkHit(n)}}
	a.Lead = say(f.English, "noinfo.words.of", quoteWords(f), n.Name)
	if n.Website != "" {
		a.Links = []domain.Link{{Title: n.Name, URL: n.Website}}
	}
	return a
}

// germanContraction writes "Zu dem" as "Zum" and "Zu der" as "Zur".
func germanContraction(s string) string {
	s = strings.Replace(s, "Zu dem ", "Zum ", 1)
	return strings.Replace(s, "Zu der ", "Zur ", 1)
}

// website answers "Link zum Kommunen-Netzwerk".
func (e *Engine) website(_ context.Context, f Frame) (domain.Answer, error) {
	nets := e.nets(f.networks())
	a := domain.Answer{Found: true, Kind: domain.KindFacts, Title: nets[0].Name, English: f.English}
	var leads []string
	for i := range nets {
		n := &nets[i]
		a.Hits = append(a.Hits, networkHit(n))
		if n.Website == "" {
			return e.noInfo(n, f), nil
		}
		lead := say(f.English, "website", n.Website)
		if len(nets) > 1 {
			lead = n.Name + " – " + lead
		}
		leads = append(leads, lead)
	}
	a.Lead = strings.Join(leads, " ")
	return a, nil
}

// goal answers "Was ist das Ziel von X?" from the network's goals.
func (e *Engine) goal(_ context.Context, f Frame) (domain.Answer, error) {
	nets := e.nets(f.networks())
	a := domain.Answer{Found: true, Kind: domain.KindFacts, Title: nets[0].Name, English: f.English}
	for i := range nets {
		n := &nets[i]
		a.Hits = append(a.Hits, networkHit(n))
		for j := range n.Goals {
			a.Facts = appendFact(a.Facts, e.fact(domain.FactRef{Network: n.ID, Part: "goal", Index: j}, f.English))
		}
	}
	return e.leadFirst(a, &nets[0], f), nil
}

// join answers how to join a network: its facts on joining and on who
// may, or the statements sharing the question's words.
func (e *Engine) join(ctx context.Context, f Frame) (domain.Answer, error) {
	nets := e.nets(f.networks())
	a := domain.Answer{Found: true, Kind: domain.KindFacts, Title: nets[0].Name, English: f.English}
	for i := range nets {
		a.Hits = append(a.Hits, networkHit(&nets[i]))
		a.Links = appendLink(a.Links, domain.Link{Title: nets[i].Name, URL: nets[i].Website})
		for _, x := range e.topicFacts(&nets[i], f.English, "join", "eligibility") {
			a.Facts = appendFact(a.Facts, x)
		}
		if f.Op == OpWho {
			// "Wer unterschreibt fürs Land beim Beitritt?": who acts for
			// the carrier when a member joins.
			for _, x := range e.topicFacts(&nets[i], f.English, "carrier") {
				if e.saysWordOf(x.Text, f.Asked) || e.saysCue(x.Text, "signing") { // "beitreten": the statement on signing at joining
					a.Facts = appendFact(a.Facts, x)
				}
			}
		}
	}
	// A word the question asks with ("Bewerbungsschluss", read as
	// "Bewerbungsfrist") puts the statements that say it first.
	shares := func(x domain.AnswerFact) int {
		n := 0
		if f.Filters.Year != 0 && e.hasWord(x.Text, strconv.Itoa(f.Filters.Year)) {
			n += 2 // "die Bewerbungsfrist für 2024": the round of that year first
		}
		if f.Op == OpWho && e.saysCue(x.Text, "office") {
			n += 2 // "Wer unterschreibt fürs Land?": the statement with the office
			if e.saysCue(x.Text, "signing") {
				n++ // and the signing
			}
		}
		for _, w := range f.Asked {
			if e.hasWord(x.Text, w) {
				return n + 1
			}
		}
		return n
	}
	slices.SortStableFunc(a.Facts, func(x, y domain.AnswerFact) int { return shares(y) - shares(x) })
	if len(a.Facts) == 0 {
		hits, err := e.statementsEither(ctx, f, nets[0].ID)
		if err != nil {
			return domain.Answer{}, err
		}
		for _, h := range hits[:min(len(hits), 2)] {
			a.Facts = appendFact(a.Facts, e.fact(h.Ref, f.English))
		}
	}
	if len(a.Facts) == 0 {
		// No statement on joining as such: those of the network that use
		// a word of joining ("Beitrittsvereinbarung … unterzeichnet") show
		// how members came in.
		for _, w := range e.lex.attrWordsOf(domain.AttrJoin) {
			for _, ref := range e.refsOf(w) {
				if ref.Network == nets[0].ID && len(a.Facts) < 2 {
					a.Facts = appendFact(a.Facts, e.fact(ref, f.English))
				}
			}
		}
	}
	if today := e.today(); f.Time == WhenNext && len(a.Facts) > 0 &&
		!slices.ContainsFunc(a.Facts, func(x domain.AnswerFact) bool { return !x.Stand.IsZero() && !x.Stand.Before(today) }) {
		// "When does the next application round open?": no statement
		// dated from today on tells; the latest round follows.
		latest := func(x domain.AnswerFact) int { // the latest year it is dated or speaks of
			y := int(x.Stand.Year)
			for _, m := range yearRE.FindAllString(x.Text, -1) {
				if n, _ := strconv.Atoi(m); n > y {
					y = n
				}
			}
			return y
		}
		slices.SortStableFunc(a.Facts, func(x, y domain.AnswerFact) int { return latest(y) - latest(x) })
		a.Found, a.Lead = false, say(f.English, "no.coming")
		a.Facts = a.Facts[:1]
		return a, nil
	}
	return e.leadFirst(a, &nets[0], f), nil
}

// leadFirst makes the answer's first fact its lead and keeps the few lines
// after it that add to it; with no facts at all, the sources say nothing.
func (e *Engine) leadFirst(a domain.Answer, n *domain.Network, f Frame) domain.Answer {
	if len(a.Facts) == 0 {
		return e.noInfo(n, f)
	}
	leadWith(&a, a.Facts[0])
	a.Facts = e.dropRepeats(a.Lead, a.Facts[1:])
	a.Facts = a.Facts[:min(len(a.Facts), e.factLimit(f))]
	return a
}

// eligibility answers who may take part: from the facts on eligibility,
// and for a question with a size ("mit 300.000 Einwohnern") yes, no or
// unclear against the newest range the facts give.
func (e *Engine) eligibility(ctx context.Context, f Frame) (domain.Answer, error) {
	g := f
	g.Attribute = domain.AttrEligibility
	a, err := e.topic(ctx, g)
	if err != nil || !a.Found {
		return a, err
	}
	if f.Number == 0 {
		// Who may join: the newest statement with a size range leads; of a
		// year asked ("2015"), the one with a range that names the year,
		// whatever its topic.
		var ranged []domain.AnswerFact
		for _, n := range e.nets(f.networks()) {
			fs := e.topicFacts(&n, f.English, "eligibility", "join")
			if y := f.Filters.Year; y != 0 {
				var ofYear []domain.AnswerFact
				for j, x := range n.Facts {
					if len(sizes(x.Text)) >= 2 && strings.Contains(x.Text, strconv.Itoa(y)) {
						ofYear = append(ofYear, e.fact(domain.FactRef{Network: n.ID, Part: "fact", Index: j}, f.English))
					}
				}
				if len(ofYear) > 0 {
					fs = ofYear
				}
			}
			for _, x := range fs {
				if len(sizes(x.Text)) >= 2 {
					ranged = append(ranged, x)
				}
			}
		}
		if len(ranged) > 0 {
			slices.SortStableFunc(ranged, func(x, y domain.AnswerFact) int { return dateKey(y.Stand) - dateKey(x.Stand) })
			rest := e.dropRepeats(ranged[0].Text, append([]domain.AnswerFact{{Text: a.Lead, Source: a.LeadSource}}, a.Facts...))
			leadWith(&a, ranged[0])
			a.Facts = rest[:min(len(rest), 1)]
		}
		return a, nil
	}
	all := append([]domain.AnswerFact{{Text: a.Lead, Source: a.LeadSource}}, a.Facts...)
	for _, n := range e.nets(f.networks()) {
		all = append(all, e.topicFacts(&n, f.English, "eligibility", "join")...)
	}
	// The newest fact with a range decides; facts are kept oldest first.
	for i := len(all) - 1; i >= 0; i-- {
		ns := sizes(all[i].Text)
		if len(ns) < 2 {
			continue
		}
		lo, hi := ns[len(ns)-2], ns[len(ns)-1]
		if lo > hi {
			lo, hi = hi, lo
		}
		verdict := say(f.English, "yes")
		if f.Number < lo || f.Number > hi {
			verdict = say(f.English, "no")
		}
		a.Facts = []domain.AnswerFact{all[i]}
		a.Lead, a.LeadSource = say(f.English, "eligible", verdict, thousands(lo), thousands(hi)), nil
		return a, nil
	}
	a.Lead = say(f.English, "eligible.unsure") + " " + a.Lead
	return a, nil
}

// sizeSeparators are the marks between figures, built once.
var sizeSeparators = strings.NewReplacer(",", " ", "(", " ", ")", " ")

// sizes reads the inhabitant figures of a text: "10.000 bis 250.000".
func sizes(s string) []int {
	var out []int
	for _, w := range strings.Fields(sizeSeparators.Replace(s)) {
		d := strings.ReplaceAll(strings.TrimRight(w, ".;:"), ".", "")
		if v, err := strconv.Atoi(d); err == nil && v >= 1000 && (v < 1900 || v > 2100) {
			out = append(out, v)
		}
	}
	return out
}

// hasOrdinalEvent reports whether an event fact of the networks names the
// numbered event ("5. Tag"), with a word that asked for it where one did:
// the "1. Austauschveranstaltung" is no "1. Tag".
func (e *Engine) hasOrdinalEvent(nets []domain.Network, ordinal int, asked []string) bool {
	for _, n := range nets {
		for _, x := range n.Facts {
			if x.Topic == "event" && namesOrdinal(x.Text, ordinal) && (len(asked) == 0 || e.countWords(x.Text, asked) > 0) {
				return true
			}
		}
	}
	return false
}

// namesOrdinal reports whether a text numbers something with the ordinal
// ("der 5. Tag"), not a day of a month ("am 7. Juni").
func namesOrdinal(text string, ordinal int) bool {
	o := strconv.Itoa(ordinal) + ". "
	for i := strings.Index(text, o); i >= 0; {
		if i == 0 || !unicode.IsDigit(rune(text[i-1])) {
			next, _, _ := strings.Cut(text[i+len(o):], " ")
			if !domain.IsGermanMonth(strings.Trim(next, ".,;:")) {
				return true
			}
		}
		j := strings.Index(text[i+1:], o)
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// events are the network's events, oldest first, narrowed by the
// question: its ordinal ("der 5. Tag"), its words, its year; the next or
// the last one. A question for the next one is answered honestly when no
// coming date is known.
func (e *Engine) events(n *domain.Network, f Frame) []domain.AnswerFact {
	var refs []int
	for i, x := range n.Facts {
		if x.Topic == "event" {
			refs = append(refs, i)
		}
	}
	slices.SortStableFunc(refs, func(a, b int) int { return dateKey(eventDate(n.Facts[a])) - dateKey(eventDate(n.Facts[b])) })
	narrow := func(keep func(domain.Fact) bool) {
		var with []int
		for _, i := range refs {
			if keep(n.Facts[i]) {
				with = append(with, i)
			}
		}
		if len(with) > 0 {
			refs = with
		}
	}
	if f.Ordinal > 0 {
		// The numbered event, and what other sources said of it on its
		// day ("knapp 200 Gäste" on the 5. Tag, in the Landtag's words).
		var days []domain.Date
		for _, i := range refs {
			if d := eventDate(n.Facts[i]); namesOrdinal(n.Facts[i].Text, f.Ordinal) && !d.IsZero() {
				days = append(days, d)
			}
		}
		// What any statement said on that day counts: "Beim 9. Forum …
		// Grußworte sprachen …" is on the forum though not on events.
		for i, x := range n.Facts {
			if d := eventDate(x); x.Topic != "event" && !d.IsZero() && slices.Contains(days, d) {
				refs = append(refs, i)
			}
		}
		narrow(func(x domain.Fact) bool {
			return namesOrdinal(x.Text, f.Ordinal) || slices.Contains(days, eventDate(x)) && !eventDate(x).IsZero()
		})
	}
	ws := append(append([]string(nil), f.Words...), f.Asked...)
	if f.Ordinal > 0 && f.Op == OpCount {
		// How many came to a numbered event: every source's count, the
		// one that shares most of the question's words ("laut Landtag")
		// first.
		slices.SortStableFunc(refs, func(a, b int) int {
			return e.countWords(n.Facts[b].Text, ws) - e.countWords(n.Facts[a].Text, ws)
		})
		ws = nil
	}
	for _, w := range ws {
		narrow(func(x domain.Fact) bool { return e.hasWord(x.Text, w) })
	}
	if y := f.Filters.Year; y != 0 && f.Filters.YearOp == "" {
		narrow(func(x domain.Fact) bool { return int(x.Date.Year) == y || strings.Contains(x.Text, strconv.Itoa(y)) })
	} else if y != 0 {
		// "der letzte Tag vor 2024": the events of those years, by date;
		// none before 2010 is none, not all.
		refs = slices.DeleteFunc(refs, func(i int) bool {
			d := eventDate(n.Facts[i])
			return d.Year == 0 || !yearKeeps(int(d.Year), f.Filters)
		})
	}
	if places := f.places(); len(places) > 0 {
		// "Wann war das Netzwerktreffen in Würzburg?": the events there.
		narrow(func(x domain.Fact) bool {
			return slices.ContainsFunc(places, func(id string) bool { pl := e.base.Place(id); return pl != nil && strings.Contains(x.Text, pl.Name) })
		})
	}
	today := e.today()
	var past, coming []domain.AnswerFact
	var pastDates []domain.Date
	for _, i := range refs {
		x := e.fact(domain.FactRef{Network: n.ID, Part: "fact", Index: i}, f.English)
		if d := n.Facts[i].Date; !d.IsZero() && !d.Before(today) {
			coming = append(coming, x)
		} else {
			past = append(past, x)
			pastDates = append(pastDates, eventDate(n.Facts[i]))
		}
	}
	// lastPast is the first statement of the latest past date: the event
	// itself, before what others said of it.
	lastPast := func() []domain.AnswerFact {
		i := len(past) - 1
		for i > 0 && pastDates[i-1] == pastDates[len(past)-1] {
			i--
		}
		return past[i : i+1]
	}
	switch {
	case f.Time == WhenLast || f.Most == DirNewest:
		if len(past) > 0 {
			return lastPast()
		}
	case f.Time == WhenNext && len(coming) > 0:
		return coming[:1]
	case f.Time == WhenNext:
		out := []domain.AnswerFact{{Text: say(f.English, "no.coming")}}
		if len(past) > 0 {
			out = append(out, lastPast()...)
		}
		return out
	case f.Most == DirOldest:
		if len(past) > 0 {
			return past[:1]
		}
	}
	return append(past, coming...)
}

// eventDate is when an event was: its date, else its stand.
func eventDate(x domain.Fact) domain.Date {
	if !x.Date.IsZero() {
		return x.Date
	}
	return x.Stand
}

// chairHistory answers "Wer hatte den Vorsitz vor Paderborn?": the chair
// facts in the order of time, and the one before (or after) the place.
func (e *Engine) chairHistory(_ context.Context, f Frame) (domain.Answer, error) {
	en := f.English
	pl := e.base.Place(f.Rel.ID)
	nets := e.nets(f.networks())
	if f.Rel.ID == RelNow && len(nets) > 0 {
		return e.chairBeside(&nets[0], f), nil
	}
	if f.Rel.ID == "" && len(nets) > 0 {
		return e.chairSequence(&nets[0], f), nil
	}
	if len(nets) == 0 && pl != nil {
		for i := range e.base.Networks {
			n := &e.base.Networks[i]
			for j, x := range n.Facts {
				if x.Topic == "chair" && slices.Contains(e.factPlaces[domain.FactRef{Network: n.ID, Part: "fact", Index: j}], pl.ID) {
					nets = append(nets, *n)
					break
				}
			}
		}
	}
	if len(nets) == 0 || pl == nil {
		name := f.Rel.ID
		if pl != nil {
			name = pl.Name
		} else if f.Rel.ID == RelNow {
			name = say(en, "chair.now")
		}
		return domain.Answer{Found: false, Kind: domain.KindNone, English: en, Lead: say(en, "chair.none", name)}, nil
	}
	return e.chairAround(&nets[0], pl.ID, f), nil
}

// chair is one holder of a network's chair, with the fact that says so.
type chair struct {
	fact   domain.AnswerFact
	when   int
	holder string
	before string // the place the fact names as the one before ("nach Würzburg")
}

// chairs are a network's chairs in the order of time.
func (e *Engine) chairs(n *domain.Network, en bool) []chair {
	var cs []chair
	last := 0
	for j, x := range n.Facts {
		if x.Topic != "chair" {
			continue
		}
		ref := domain.FactRef{Network: n.ID, Part: "fact", Index: j}
		holder := e.chairHolder(x.Text, e.factPlaces[ref])
		if holder == "" {
			continue
		}
		when := chairYear(x)
		if when == 0 {
			when = last + 1 // "Danach übernahm Würzburg …": after the fact before
		}
		last = when
		cs = append(cs, chair{e.fact(ref, en), when, holder, e.chairBefore(x.Text, e.factPlaces[ref])})
	}
	slices.SortStableFunc(cs, func(a, b chair) int { return a.when - b.when })
	return cs
}

// chairAround answers who chaired before or after the place.
func (e *Engine) chairAround(n *domain.Network, place string, f Frame) domain.Answer {
	en := f.English
	cs := e.chairs(n, en)
	a := domain.Answer{Found: true, Kind: domain.KindFacts, Title: n.Name, English: en, Hits: []domain.Hit{networkHit(n)}}
	for i, c := range cs {
		if c.holder != place {
			continue
		}
		// The neighbour in time leads; the fact on the place's chair (it
		// often names the one before: "…, nach Würzburg") follows.
		if f.Op == OpList && f.Rel.Op == "before" && i > 0 {
			// "Which cities chaired RegioPole before Paderborn?": all of
			// them, in turn, the first one's predecessor first.
			l := domain.List{Title: say(en, "chair.list")}
			if b := cs[0].before; b != "" && b != cs[0].holder {
				l.Items = append(l.Items, domain.ListItem{Name: e.placeName(b), Source: cs[0].fact.Source})
			}
			for _, c := range cs[:i] {
				if !slices.ContainsFunc(l.Items, func(it domain.ListItem) bool { return it.Name == e.placeName(c.holder) }) {
					l.Items = append(l.Items, domain.ListItem{Name: e.placeName(c.holder), Source: c.fact.Source})
				}
			}
			a.Lead = say(en, "chair.before.all", e.placeName(place), len(l.Items))
			if len(l.Items) == 1 {
				a.Lead = say(en, "chair.before.one", e.placeName(place))
			}
			a.Lists = []domain.List{l}
			return a
		}
		j := i - 1 - f.Rel.Step
		if f.Rel.Op == "after" {
			for i+1 < len(cs) && cs[i+1].holder == place {
				i++ // more statements on the same chair
			}
			j = i + 1 + f.Rel.Step
		}
		if j >= len(cs) && f.Rel.Op == "after" {
			// "Who will chair RegioPole after Paderborn?": no statement
			// names a later chair; the place's own chair is what is known.
			a.Found, a.Lead, a.Facts = false, say(en, "chair.after.none", e.placeName(place)), []domain.AnswerFact{c.fact}
			return a
		}
		if j < 0 || j >= len(cs) {
			leadWith(&a, c.fact)
			return a
		}
		leadWith(&a, cs[j].fact)
		a.Facts = []domain.AnswerFact{c.fact}
		if f.Rel.Op == "after" {
			// "und danach?": who followed, then who followed them, as far
			// as the statements go.
			for k := j + 1; k < len(cs); k++ {
				if cs[k].holder != cs[j].holder {
					a.Facts = append(a.Facts, cs[k].fact)
					break
				}
			}
		}
		return a
	}
	if f.Rel.Op == "after" && f.Rel.Step == 0 {
		// "Which city followed Rostock?": Rostock holds no statement of its
		// own, but one names it as the one before ("Nach Rostock hatte
		// Trier …").
		for _, c := range cs {
			if c.before == place {
				leadWith(&a, c.fact)
				return a
			}
		}
	}
	return domain.Answer{Found: false, Kind: domain.KindNone, English: en, Lead: say(en, "chair.none", e.placeName(place))}
}

// placeName is a place's name by its id, or the id where the base has no
// such place.
func (e *Engine) placeName(id string) string {
	if pl := e.base.Place(id); pl != nil {
		return pl.Name
	}
	return id
}

// chairSequence answers who chaired first, in a year, or all of them in
// turn: the chair facts ordered by time.
func (e *Engine) chairSequence(n *domain.Network, f Frame) domain.Answer {
	en := f.English
	cs := e.chairs(n, en)
	if len(cs) == 0 {
		return e.noInfo(n, f)
	}
	a := domain.Answer{Found: true, Kind: domain.KindFacts, Title: n.Name, English: en, Hits: []domain.Hit{networkHit(n)}}
	switch {
	case f.Most == DirOldest && cs[0].before != "":
		// "Nach Rostock hatte Trier …": the first is the one before.
		a.Lead = say(en, "chair.first", e.placeName(cs[0].before))
		a.LeadSource = cs[0].fact.Source // what the lead reads from the fact below
		a.Facts = []domain.AnswerFact{cs[0].fact}
		return a
	case f.Most == DirOldest:
		leadWith(&a, cs[0].fact)
		return a
	case f.Filters.Year != 0:
		later := f.Filters.YearOp == "after"
		if (f.Filters.YearOp == "" || later) && f.Filters.Year > int(e.today().Year) &&
			!slices.ContainsFunc(cs, func(c chair) bool { return c.when/10000 == f.Filters.Year || later && c.when/10000 > f.Filters.Year }) {
			// "Welche Stadt übernimmt 2027 den Vorsitz?", "Who will chair it
			// from 2027?": a coming year no statement names is not known;
			// who has it now is what is.
			b := e.noInfo(n, f)
			b.Lead = germanContraction(say(en, "noinfo", e.lex.label(f.Attribute, en)+say(en, "for.year", f.Filters.Year), n.Name))
			if en {
				b.Lead = say(en, "noinfo", theLabel(e.lex.label(f.Attribute, en))+say(en, "for.year", f.Filters.Year), n.Name)
			}
			b.Facts = []domain.AnswerFact{cs[len(cs)-1].fact} // the one line of what is known: who has it now
			return b
		}
		if c, ok := chairIn(cs, f.Filters.Year); ok {
			leadWith(&a, c.fact)
			return a
		}
		y := f.Filters.Year * 10000
		for i := len(cs) - 1; i >= 0; i-- {
			if cs[i].when/10000*10000 <= y {
				leadWith(&a, cs[i].fact)
				return a
			}
		}
		return e.noInfo(n, f)
	}
	var names []string
	add := func(id string) {
		name := id
		if pl := e.base.Place(id); pl != nil {
			name = pl.Name
		}
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	for _, c := range cs {
		if c.before != "" {
			add(c.before) // "Nach Rostock hatte Trier …": Rostock came first
		}
		add(c.holder)
	}
	a.Lead = say(en, "chair.sequence", strings.Join(names, " → "))
	a.Facts = []domain.AnswerFact{cs[len(cs)-1].fact}
	return a
}

// chairBeside answers who chaired before (or after) the one who chairs now,
// or who chaired in the frame's year.
func (e *Engine) chairBeside(n *domain.Network, f Frame) domain.Answer {
	cs := e.chairs(n, f.English)
	if len(cs) == 0 {
		return e.noInfo(n, f)
	}
	if c, ok := chairIn(cs, f.Filters.Year); ok && f.Filters.Year != 0 && f.Filters.YearOp == "" {
		// "Wer hatte bis Ende 2022 den Vorsitz?" … "und danach?": after
		// the chair of that year.
		return e.chairAround(n, c.holder, f)
	}
	return e.chairAround(n, cs[len(cs)-1].holder, f)
}

// chairHolder is the place a chair fact is about: the first it names that
// is not named as the one before ("nach Würzburg").
func (e *Engine) chairHolder(text string, places []string) string {
	lower := strings.ToLower(text)
	for _, id := range places {
		pl := e.base.Place(id)
		if pl == nil || strings.Contains(lower, "nach "+strings.ToLower(pl.Name)) || strings.Contains(lower, "vor "+strings.ToLower(pl.Name)) {
			continue
		}
		return id
	}
	return ""
}

// chairBefore is the place a chair fact names as the one before: "Nach
// Rostock hatte Trier …", "…, nach Würzburg".
func (e *Engine) chairBefore(text string, places []string) string {
	lower := strings.ToLower(text)
	for _, id := range places {
		if pl := e.base.Place(id); pl != nil && strings.Contains(lower, "nach "+strings.ToLower(pl.Name)) {
			return id
		}
	}
	return ""
}

// chairYear orders chair facts: the year a fact's date, stand or text
// gives, the earliest one it names.
// chairIn is the chair of the year: the one whose term, as its fact
// gives it ("2018 bis 2020", "bis Ende 2022", "seit 2025"), holds it. A
// term without a start begins after the one before ends; one without an
// end lasts until the next begins.
func chairIn(cs []chair, year int) (chair, bool) {
	from, to := make([]int, len(cs)), make([]int, len(cs))
	for i, c := range cs {
		from[i], to[i] = chairSpan(c.fact.Text)
		if from[i] == 0 && to[i] == 0 && c.when%10000 == 0 {
			from[i] = c.when / 10000 // the fact's date
		}
	}
	for i := range cs {
		if from[i] == 0 && i > 0 && to[i-1] != 0 {
			from[i] = to[i-1] + 1
		}
	}
	for i := len(cs) - 1; i >= 0; i-- {
		if to[i] == 0 && i+1 < len(cs) && from[i+1] != 0 {
			to[i] = from[i+1] - 1
		}
	}
	for i := len(cs) - 1; i >= 0; i-- {
		if from[i] != 0 && from[i] <= year && (to[i] == 0 || year <= to[i]) {
			return cs[i], true
		}
	}
	return chair{}, false
}

// chairSpan reads the years of a term from a chair's fact: a year after
// "bis" ends it, the first other year begins it; 0 where the text says
// nothing.
func chairSpan(text string) (from, to int) {
	prev := ""
	for _, w := range strings.Fields(text) {
		w = strings.Trim(w, ".,;:()")
		if y, err := strconv.Atoi(w); err == nil && y > 1900 && y < 2100 {
			switch {
			case prev == "bis" || prev == "Ende" || prev == "until":
				to = y
			case from == 0:
				from = y
			}
		}
		prev = w
	}
	return from, to
}

func chairYear(x domain.Fact) int {
	if !x.Date.IsZero() {
		return dateKey(x.Date)
	}
	best := 0
	for _, w := range strings.Fields(x.Text) {
		w = strings.Trim(w, ".,;:()")
		if y, err := strconv.Atoi(w); err == nil && y > 1900 && y < 2100 && (best == 0 || y*10000 < best) {
			best = y * 10000
		}
	}
	if best == 0 && !x.Stand.IsZero() {
		return dateKey(x.Stand)
	}
	return best
}

var _ = fmt.Sprint

// theLabel is an English attribute label with "the": "its office" and "a
// phone number" become "the office", "the phone number".
func theLabel(label string) string {
	if label == noLabelEN {
		return label // "about this", never "about the this"
	}
	for _, art := range []string{"its ", "the ", "a "} {
		label = strings.TrimPrefix(label, art)
	}
	return "the " + label
}

// dayRE finds a date to the day: "5. Dezember 2012".
var dayRE = regexp.MustCompile(`\b\d{1,2}\. ?[A-ZÄÖÜ][a-zäöü]+ (19|20)\d\d\b`)

// countSays reports whether one of the network's figures has the words:
// "bundesweit" in "Engagierte Städte bundesweit".
func (e *Engine) countSays(n *domain.Network, ws []string) bool {
	for _, c := range n.Counts {
		if e.countWords(c.Text, ws) == len(ws) {
			return true
		}
	}
	return false
}

// statedWords are the words the networks' statements use at all: "sitzen"
// in "Wie viele Leute sitzen im Beirat?" is no word a statement must have.
func (e *Engine) statedWords(ws []string) []string {
	var out []string
	for _, w := range ws {
		if len(e.refsOf(w)) > 0 {
			out = append(out, w)
		}
	}
	return out
}

// hasNumber reports whether a text gives a number, in figures or in words
// ("zehn Mitglieder").
func (e *Engine) hasNumber(text string) bool {
	if strings.ContainsAny(text, "0123456789") {
		return true
	}
	for _, w := range e.foldWords(text) {
		if _, ok := e.lex.numbers[w]; ok {
			return true
		}
	}
	return false
}

// datedStatement answers "Wann …?" about one network from the statement
// that has the question's words (those the statements use, two or more,
// or one rare one)
// and a year, one dated to the day first: "Wann wurde die Gemeinsame
// Erklärung zum ersten Mal unterzeichnet?", "Seit wann arbeitet die
// Auslandsgesellschaft zu Städtepartnerschaften?".
func (e *Engine) datedStatement(f Frame) (domain.Answer, bool) {
	nets := f.networks()
	if f.Op != OpWhen || len(f.Words) == 0 || len(nets) != 1 || f.count(SubjectPlace) > 0 {
		return domain.Answer{}, false // before the word index is read: it is built on first use
	}
	ws := e.statedWords(f.Words)
	// One word will do where one or two statements use it: "Ab wann hat
	// sich die Engagierte Stadt geöffnet?".
	// … or a year: "Bis wann lief die Bewerbungsphase 2022?".
	// … or a number the statement must give: "Wann hat das Netzwerk
	// erstmals die 100 erreicht?".
	rare := len(ws) == 1 && (len(f.Words) == 1 || f.Filters.Year != 0 || f.Number > 0) && f.Attribute == domain.AttrNone && len(f.Asked) == 0 &&
		(len(e.refsOf(ws[0])) <= 2 || f.Filters.Year != 0 || f.Number > 0)
	// … or one long word and a statement that says since when: "Seit
	// wann beschäftigt sich die Auslandsgesellschaft damit?" and "… seit
	// 2009 …".
	since := len(ws) == 1 && !rare && utf8.RuneCountInString(ws[0]) >= 8 && f.Filters.Year == 0 && f.Number == 0 && f.Attribute != domain.AttrFounding
	if len(ws) < 2 && !rare && !since {
		return domain.Answer{}, false
	}
	n := e.base.Network(nets[0])
	find := func(ws []string) []domain.FactHit {
		var dated []domain.FactHit
		for j, x := range n.Facts {
			if e.countWords(x.Text, ws) == len(ws) && yearRE.MatchString(x.Text) && e.saysYear(x.Text, f) &&
				(f.Number == 0 || e.hasNumberWord(x.Text, f.Number)) {
				dated = append(dated, domain.FactHit{Ref: domain.FactRef{Network: n.ID, Part: "fact", Index: j}})
			}
		}
		return dated
	}
	dated := find(ws)
	if since {
		dated = slices.DeleteFunc(dated, func(h domain.FactHit) bool { return !e.sinceNear(e.fact(h.Ref, false).Text, ws[0]) })
	}
	if long := slices.DeleteFunc(slices.Clone(ws), func(w string) bool { return utf8.RuneCountInString(w) < 8 }); len(dated) == 0 && f.Filters.Year != 0 && len(long) > 0 && len(long) < len(ws) {
		// "Bis wann lief die Bewerbungsphase 2022?": the year and the
		// long word find it; a short verb ("lief") need not be said.
		dated = find(long)
	} else if len(dated) == 0 && f.Filters.Year == 0 && len(long) > 0 && len(long) < len(ws) {
		// "Seit wann öffnet sich das Programm für neue Städte?": the long
		// word and a statement that says "seit" find it; the verb need not
		// be said.
		dated = slices.DeleteFunc(find(long), func(h domain.FactHit) bool { return !e.saysCue(e.fact(h.Ref, false).Text, "since") })
	}
	if len(dated) == 0 {
		return domain.Answer{}, false
	}
	slices.SortStableFunc(dated, func(a, b domain.FactHit) int {
		return b2i(dayRE.MatchString(e.fact(b.Ref, false).Text)) - b2i(dayRE.MatchString(e.fact(a.Ref, false).Text))
	})
	return e.shortFacts(dated[:1], f), true
}

// firstSigning answers where, when or at which event a network's members
// first signed: the statement that says the first signing ("Die erste
// Unterzeichnung … fand … auf der Konferenz … statt"), where one does.
func (e *Engine) firstSigning(f Frame) (domain.Answer, bool) {
	nets := f.networks()
	// A network named, or none where the question asks where the first
	// signing was ("Wo fand die erste Unterzeichnung … statt?").
	signing := len(nets) == 0 && f.Attribute == domain.AttrFoundingPlace && e.saysCue(strings.Join(f.Asked, " "), "signing")
	if len(nets) > 1 || len(nets) == 0 && !signing || f.count(SubjectPlace) > 0 || f.Most != DirOldest || f.Measure != MeasureJoined && !signing ||
		!(f.Op == OpWhere || f.Op == OpWhen || f.Attribute == domain.AttrEvent || f.Attribute == domain.AttrFoundingPlace) {
		return domain.Answer{}, false
	}
	if len(nets) == 1 && e.base.Network(nets[0]) == nil {
		return domain.Answer{}, false
	}
	// The statements with a word of signing, from the word index; of
	// those that say "erste", the one that names an event ("auf der
	// Konferenz …").
	var best domain.FactRef
	score := 0
	seen := map[domain.FactRef]bool{}
	for _, p := range e.lex.cues["signing"] {
		if len(p.words) != 1 {
			continue
		}
		for _, ref := range e.refsOf(p.words[0]) {
			if len(nets) == 1 && ref.Network != nets[0] || ref.Network == "" || ref.Part != "fact" || seen[ref] {
				continue
			}
			seen[ref] = true
			if x := e.base.Network(ref.Network).Facts[ref.Index]; e.lex.saysMost(e.tokensOf(x.Text), DirOldest) {
				if s := 1 + e.countWords(x.Text, e.lex.attrWordsOf(domain.AttrEvent)); s > score {
					best, score = ref, s
				}
			}
		}
	}
	if score == 0 {
		return domain.Answer{}, false
	}
	return e.shortFacts([]domain.FactHit{{Ref: best}}, f), true
}

// sinceStatement answers "Since when has the Auslandsgesellschaft worked
// on town twinning?", which names no network: the statement of any network
// that has the question's one long word with "seit" and a year next to it.
func (e *Engine) sinceStatement(f Frame) (domain.Answer, bool) {
	if f.Op != OpWhen || len(f.Subjects) > 0 || len(f.Words) == 0 || f.Filters.Year != 0 || f.Number > 0 || f.Attribute == domain.AttrFounding {
		return domain.Answer{}, false
	}
	var long []string
	for _, w := range e.statedWords(f.Words) {
		if utf8.RuneCountInString(w) >= 8 {
			long = append(long, w)
		}
	}
	if len(long) != 1 {
		return domain.Answer{}, false
	}
	for _, ref := range e.refsOf(long[0]) { // the statements that have the word, from the word index
		if ref.Part != "fact" {
			continue
		}
		if text := e.fact(ref, false).Text; yearRE.MatchString(text) && e.sinceNear(text, long[0]) {
			return e.shortFacts([]domain.FactHit{{Ref: ref}}, f), true
		}
	}
	return domain.Answer{}, false
}

// sinceNear reports whether a text says "seit" within three words of w:
// "Die Auslandsgesellschaft arbeitet seit 2009 …" says since when of it,
// "Seit 2023 gibt es das Reallabor … bei der Auslandsgesellschaft" not.
func (e *Engine) sinceNear(text, w string) bool {
	toks := e.tokensOf(text)
	stem := words.Stem(w)
	for i := range toks {
		if toks[i].fold != w && toks[i].term != stem {
			continue
		}
		for j := max(0, i-3); j <= min(len(toks)-1, i+3); j++ {
			if e.lex.isCue("since", toks, j) {
				return true
			}
		}
	}
	return false
}

// exactWords counts the words a text's tokens have as written (folded), not only by
// stem or as part of a longer word.
func exactWords(toks []tok, ws []string) int {
	n := 0
	for _, w := range ws {
		if slices.ContainsFunc(toks, func(t tok) bool { return t.fold == w }) {
			n++
		}
	}
	return n
}

// anniversary answers when a network's n-th anniversary was ("Wann war
// das 10-jährige Jubiläum von Engagierte Stadt?"): its founding year plus
// n, with the statement of that year that says so where there is one
// ("Am 15. und 16. Mai 2025 feierte das Netzwerk sein zehnjähriges
// Bestehen").
func (e *Engine) anniversary(f Frame) (domain.Answer, bool) {
	nets := f.networks()
	if !f.Anniversary || f.Number > 200 || f.Op != OpWhen || len(nets) != 1 {
		return domain.Answer{}, false
	}
	n := e.base.Network(nets[0])
	if n == nil || n.Founded.Date.IsZero() {
		return domain.Answer{}, false
	}
	year := int(n.Founded.Date.Year) + f.Number
	a := domain.Answer{Found: true, Kind: domain.KindFacts, Title: n.Name, English: f.English, Hits: []domain.Hit{networkHit(n)}}
	for j, x := range n.Facts {
		if e.hasWord(x.Text, strconv.Itoa(year)) && e.saysYears(x.Text, f.Number) {
			leadWith(&a, e.fact(domain.FactRef{Network: n.ID, Part: "fact", Index: j}, f.English))
			return a, true
		}
	}
	key := "anniversary"
	if year < int(e.today().Year) {
		key = "anniversary.past"
	}
	a.Lead = say(f.English, key, f.Number, n.Name, year, int(n.Founded.Date.Year))
	a.LeadSource = e.base.Source(n.Founded.Source)
	return a, true
}

// inNetworkName reports whether the word is part of a network's name
// ("programm" of "Netzwerkprogramm").
func (e *Engine) inNetworkName(w string, nets []domain.Network) bool {
	for i := range nets {
		for _, name := range append([]string{nets[i].Name, nets[i].ShortName}, nets[i].Aliases...) {
			if strings.Contains(words.Fold(name), w) {
				return true
			}
		}
	}
	return false
}

// saysYears reports whether a text says n years: "10 Jahre", "10-jährig",
// "sein zehnjähriges Bestehen" (a number word of the lexicon, then an
// anniversary word).
func (e *Engine) saysYears(text string, n int) bool {
	toks := e.tokensOf(text)
	for i, t := range toks {
		if t.num == n && i+1 < len(toks) && e.lex.isCue("anniversary", toks, i+1) {
			return true // "10 Jahre", "10-jährige"
		}
		for w, v := range e.lex.numbers {
			if v == n && len(t.fold) > len(w) && strings.HasPrefix(t.fold, w) && e.lex.isCue("anniversary", []tok{{fold: t.fold[len(w):], term: words.Stem(t.fold[len(w):])}}, 0) {
				return true // "zehnjähriges"
			}
		}
	}
	return false
}

// hasNumberWord reports whether a text gives the number n as a word of
// its own ("auf 100", not "1000").
func (e *Engine) hasNumberWord(text string, n int) bool {
	return slices.ContainsFunc(tokenize(text), func(t tok) bool { return t.num == n })
}
