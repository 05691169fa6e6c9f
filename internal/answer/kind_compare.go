package answer

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/engagiert/engagiert/internal/domain"
)

// compared is one side of a comparison: a name, the value compared and how
// it reads.
type compared struct {
	name  string
	key   int // ordering key: a date as YYYYMMDD, or a figure
	shown string
	src   *domain.Source
	known bool
}

// compare answers "Was ist älter, X oder Y?", "Welches Netzwerk ist
// größer?", "Ist Bocholt länger dabei als Bielefeld?".
func (e *Engine) compare(ctx context.Context, q *question) (domain.Answer, error) {
	places, netIDs := q.places(), q.networks()
	if len(places) >= 2 {
		return e.comparePlaces(places, netIDs, q), nil
	}
	nets := e.nets(netIDs)
	if len(nets) < 2 {
		nets = e.base.Networks // "Welches Netzwerk ist älter?": all of them
	}
	var sides []compared
	for i := range nets {
		sides = append(sides, e.networkSide(&nets[i], q))
	}
	return e.ranked(sides, q, "Netzwerke im Vergleich"), nil
}

// networkSide is what a network is compared on: its founding or its size.
func (e *Engine) networkSide(n *domain.Network, q *question) compared {
	c := compared{name: n.Name}
	switch q.f.Most {
	case "largest", "smallest":
		if q.p.state != "" {
			count := 0
			for _, r := range e.members[n.ID] {
				if r.p.State == q.p.state && r.m.Until.IsZero() {
					count++
				}
			}
			c.key, c.shown, c.known = count, fmt.Sprintf("%d Mitglieder aus %s in meiner Wissensbasis", count, q.p.state), true
			return c
		}
		if cnt, ok := newestCount(n); ok {
			if v, ok := figure(cnt.Value); ok {
				c.key, c.known = v, true
				c.shown = cnt.Value + " " + countNoun(cnt) + standSuffix(cnt.Stand)
				c.src = e.base.Source(cnt.Source)
			}
		}
	default:
		if d := n.Founded.Date; !d.IsZero() {
			c.key, c.known = dateKey(d), true
			c.shown = "gegründet " + d.String()
			c.src = e.base.Source(n.Founded.Source)
		}
	}
	return c
}

// comparePlaces compares places on when they joined a network.
func (e *Engine) comparePlaces(places, netIDs []string, q *question) domain.Answer {
	var sides []compared
	for _, id := range places {
		pl := e.base.Place(id)
		c := compared{name: pl.Name}
		for _, m := range e.base.MembershipsOf(id) {
			if (len(netIDs) > 0 && !contains(netIDs, m.Network)) || m.Since.IsZero() || !m.Until.IsZero() {
				continue
			}
			if !c.known || dateKey(m.Since) < c.key {
				c.key, c.known = dateKey(m.Since), true
				c.shown = "seit " + m.Since.String() + " bei " + shortName(e.base.Network(m.Network))
				c.src = e.base.Source(m.Source)
			}
		}
		sides = append(sides, c)
	}
	if q.f.Most == "" {
		q.f.Most = "oldest"
	}
	return e.ranked(sides, q, "Orte im Vergleich")
}

// ranked orders the sides in the asked direction and says who leads.
func (e *Engine) ranked(sides []compared, q *question, title string) domain.Answer {
	most := q.f.Most
	if most == "" {
		most = "oldest"
	}
	var known, unknown []compared
	for _, s := range sides {
		if s.known {
			known = append(known, s)
		} else {
			unknown = append(unknown, s)
		}
	}
	asc := most == "oldest" || most == "smallest"
	sort.SliceStable(known, func(i, j int) bool {
		if asc {
			return known[i].key < known[j].key
		}
		return known[i].key > known[j].key
	})
	a := domain.Answer{Found: len(known) > 0, Kind: domain.KindFacts, Title: title, English: q.f.English}
	if len(known) == 0 {
		a.Kind = domain.KindNone
		a.Lead = "Dafür nennen meine Quellen keine vergleichbaren Angaben."
		return a
	}
	for _, s := range known {
		a.Facts = append(a.Facts, domain.AnswerFact{Text: s.name + ": " + s.shown, Source: s.src})
	}
	word := map[string][2]string{"oldest": {"älter", "am ältesten"}, "newest": {"jünger", "am jüngsten"},
		"largest": {"größer", "am größten"}, "smallest": {"kleiner", "am kleinsten"}}[most]
	if strings.HasPrefix(title, "Orte") {
		word = map[string][2]string{"oldest": {"länger dabei", "am längsten dabei"}, "newest": {"später dazugekommen", "zuletzt dazugekommen"}}[most]
		if word[0] == "" {
			word = [2]string{"länger dabei", "am längsten dabei"}
		}
	}
	top := known[0]
	switch {
	case len(known) == 2:
		a.Lead = fmt.Sprintf("%s ist %s (%s) als %s (%s).", top.name, word[0], top.shown, known[1].name, known[1].shown)
		if known[0].key == known[1].key {
			a.Lead = fmt.Sprintf("%s und %s sind gleichauf (%s).", top.name, known[1].name, top.shown)
		}
	default:
		a.Lead = fmt.Sprintf("%s ist %s (%s).", top.name, word[1], top.shown)
	}
	if q.f.English {
		a.Lead = englishRank(known, most)
	}
	if q.p.yesNo && len(known) == 2 {
		// "Ist RegioPole jünger als das Kommunen-Netzwerk?": the first named
		// is what the question asks about.
		first := e.firstNamed(q, sides)
		yes := first == top.name && known[0].key != known[1].key
		switch {
		case q.f.English && yes:
			a.Lead = "Yes. " + a.Lead
		case q.f.English:
			a.Lead = "No. " + a.Lead
		case yes:
			a.Lead = "Ja: " + a.Lead
		default:
			a.Lead = "Nein: " + a.Lead
		}
	}
	for _, s := range unknown {
		a.Facts = append(a.Facts, domain.AnswerFact{Text: s.name + ": dazu nennen meine Quellen nichts"})
	}
	for _, s := range sides {
		if n := e.networkNamed(s.name); n != nil {
			a.Links = appendLink(a.Links, domain.Link{Title: n.Name, URL: n.Website})
			a.Hits = append(a.Hits, networkHit(n))
		}
	}
	return a
}

// firstNamed is the side the question names first.
func (e *Engine) firstNamed(q *question, sides []compared) string {
	for _, m := range q.p.mentions {
		var name string
		switch m.Kind {
		case "network":
			name = e.base.Network(m.ID).Name
		case "place":
			name = e.base.Place(m.ID).Name
		}
		for _, s := range sides {
			if s.name == name {
				return name
			}
		}
	}
	return ""
}

func englishRank(known []compared, most string) string {
	word := map[string]string{"oldest": "older", "newest": "newer", "largest": "bigger", "smallest": "smaller"}[most]
	if len(known) == 2 {
		return fmt.Sprintf("%s is %s (%s) than %s (%s).", known[0].name, word, known[0].shown, known[1].name, known[1].shown)
	}
	return fmt.Sprintf("%s comes first (%s).", known[0].name, known[0].shown)
}

func (e *Engine) networkNamed(name string) *domain.Network {
	for i := range e.base.Networks {
		if e.base.Networks[i].Name == name {
			return &e.base.Networks[i]
		}
	}
	return nil
}

// superlative answers "das jüngste Mitglied", "am längsten dabei", "das
// älteste Netzwerk".
func (e *Engine) superlative(ctx context.Context, q *question) (domain.Answer, error) {
	netIDs := q.networks()
	if len(netIDs) == 0 {
		q.f.Op = OpCompare
		return e.compare(ctx, q)
	}
	n := e.base.Network(netIDs[0])
	most := q.f.Most
	if most != "oldest" && most != "newest" {
		return e.noInfo(e.nets(netIDs), "members", q), nil
	}
	var dated []memberRef
	undated := 0
	for _, r := range e.members[n.ID] {
		if !q.p.keep(r.p, &r.m) {
			continue
		}
		if r.m.Since.IsZero() {
			undated++
			continue
		}
		dated = append(dated, r)
	}
	a := domain.Answer{Found: len(dated) > 0, Kind: domain.KindMembers, Title: n.Name, English: q.f.English}
	a.Links = []domain.Link{{Title: n.Name, URL: n.Website}}
	a.Hits = []domain.Hit{networkHit(n)}
	if len(dated) == 0 {
		a.Kind = domain.KindNone
		a.Lead = fmt.Sprintf("Wann die Mitglieder von %s beigetreten sind, nennen meine Quellen nicht.", n.Name)
		return a, nil
	}
	sort.SliceStable(dated, func(i, j int) bool {
		if most == "oldest" {
			return dated[i].m.Since.Before(dated[j].m.Since)
		}
		return dated[j].m.Since.Before(dated[i].m.Since)
	})
	// Members joining in the same year count as tied: sources often give
	// only the year.
	best := dated[0].m.Since.Year
	var tied []string
	var srcs []*domain.Source
	for _, r := range dated {
		if r.m.Since.Year != best {
			break
		}
		tied = append(tied, r.p.Name)
		srcs = append(srcs, e.base.Source(r.m.Source))
	}
	label := map[string]string{"oldest": "Am längsten dabei", "newest": "Zuletzt dazugekommen"}[most]
	if q.f.English {
		label = map[string]string{"oldest": "Members the longest", "newest": "Joined most recently"}[most]
	}
	if len(tied) == 1 {
		a.Lead = fmt.Sprintf("%s (%s): %s, seit %s.", label, n.Name, tied[0], dated[0].m.Since)
	} else {
		a.Lead = fmt.Sprintf("%s (%s), seit %d: %s.", label, n.Name, best, joinAnd(tied))
	}
	if len(srcs) > 0 {
		a.LeadSource = srcs[0]
	}
	if undated > 0 {
		a.Facts = append(a.Facts, domain.AnswerFact{Text: fmt.Sprintf("Bei %d weiteren Mitgliedern nennen meine Quellen kein Beitrittsjahr.", undated)})
	}
	return a, nil
}

// figures reads "112", "über 100", "rund 1.050" as a number.
var figureRE = regexp.MustCompile(`\d[\d.]*`)

func figure(s string) (int, bool) {
	m := figureRE.FindString(s)
	if m == "" {
		return 0, false
	}
	v, err := strconv.Atoi(strings.ReplaceAll(m, ".", ""))
	return v, err == nil
}

func dateKey(d domain.Date) int { return d.Year*10000 + d.Month*100 + d.Day }
