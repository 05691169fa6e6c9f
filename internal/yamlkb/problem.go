package yamlkb

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/engagiert/engagiert/internal/domain"
)

// Problem is one mistake in the knowledge files, located so that an editor
// can jump to it and phrased so that the curator knows how to fix it.
type Problem struct {
	File string // path inside the loaded file system, like "networks/regiopole.yaml"
	Line int    // 1-based; 0 when the problem concerns the whole file
	Msg  string
	Hint string
	// Warning marks something worth a look that does not make the base
	// invalid, such as an alias that adds nothing.
	Warning bool
}

// String formats the problem as "FILE:LINE: message (hint: ...)", the form
// compilers use, so terminals and editors turn it into a link.
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
	}
	b.WriteString(": ")
	if p.Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(p.Msg)
	if p.Hint != "" {
		b.WriteString(" (hint: ")
		b.WriteString(p.Hint)
		b.WriteString(")")
	}
	return b.String()
}

// Problems is the error Check returns: every problem found, not just the
// first, so a curator fixes a file in one pass instead of one run per typo.
type Problems struct {
	List []Problem
	// More counts the problems found past MaxProblems, which List leaves out.
	More int
}

// Error prints one problem per line, then "... and N more" if List was capped.
func (ps *Problems) Error() string {
	lines := make([]string, len(ps.List), len(ps.List)+1)
	for i, p := range ps.List {
		lines[i] = p.String()
	}
	if ps.More > 0 {
		lines = append(lines, fmt.Sprintf("... and %d more", ps.More))
	}
	return strings.Join(lines, "\n")
}

// Locations lists where the problems are, "FILE:LINE" (or "FILE") each,
// without what they say: messages quote values from the files, and a status
// page must not. more counts the problems past MaxProblems.
func (ps *Problems) Locations() (locs []string, more int) {
	locs = make([]string, len(ps.List))
	for i, p := range ps.List {
		locs[i] = p.File
		if p.Line > 0 {
			locs[i] = fmt.Sprintf("%s:%d", p.File, p.Line)
		}
	}
	return locs, ps.More
}

// problemList collects a load's problems, at most MaxProblems of them: a file
// of a million broken lines must not become a million messages in memory.
type problemList struct {
	list []Problem
	more int
}

// full reports whether the list holds MaxProblems, counting the one that
// would have been added.
func (l *problemList) full() bool {
	if len(l.list) < MaxProblems {
		return false
	}
	l.more++
	return true
}

// sortProblems orders problems by file and line, the order a curator
// walks through them.
func sortProblems(ps []Problem) {
	slices.SortStableFunc(ps, func(a, b Problem) int { return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line)) })
}

// keyFold is how a curator may have spelt a field name, a topic or an id:
// lower case, umlauts written out as in ASCII keys ("vollstaendig"), "_"
// and spaces as "-". It is for guessing what was meant (closest, synonyms);
// names of places compare with lang.Fold, which also makes "ae" and "a" one
// and would turn the typo "nmae" into "nma".
func keyFold(s string) string { return keyFolder.Replace(strings.ToLower(strings.TrimSpace(s))) }

var keyFolder = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss", "_", "-", " ", "-")

// slug turns a name into the id form the base uses (domain.Slug).
func slug(s string) string { return domain.Slug(s) }

// closest returns the candidate most like s, or "" when none is close enough
// to be a plausible typo.
func closest(s string, cands []string) string {
	fs := keyFold(s)
	if fs == "" {
		return ""
	}
	limit := 1
	if len(fs) > 3 {
		limit = max(2, len(fs)/3)
	}
	best, bestD := "", limit+1
	for _, c := range cands {
		fc := keyFold(c)
		d := levenshtein(fs, fc)
		if d > limit && len(fs) >= 4 && (strings.Contains(fc, fs) || strings.Contains(fs, fc)) {
			d = limit // a prefix or part of the name counts as close
		}
		if d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// levenshtein is the edit distance between a and b, counted in runes.
func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// synonyms maps field names curators plausibly type, many of them German, to
// the schema's field names. Where a word fits several fields, the first one
// known in the mapping at hand is suggested.
var synonyms = map[string][]string{
	"mitglieder": {"members"}, "mitglied": {"members"}, "member": {"members"},
	"quelle": {"source", "sources"}, "quellen": {"source", "sources"}, "orte": {"places"}, "sources": {"source"}, "beleg": {"source"},
	"seit": {"since"}, "ab": {"since"}, "beitritt": {"since"}, "joined": {"since"},
	"rolle": {"role"}, "funktion": {"role"},
	"ort": {"place"}, "stadt": {"place"}, "gemeinde": {"place"}, "kommune": {"place"}, "city": {"place"},
	"name": {"name", "title", "place"}, "titel": {"title", "name"}, "title": {"title", "name"},
	"bezeichnung":  {"name", "title"},
	"beschreibung": {"description"}, "ueber": {"description"},
	"ziel": {"goals"}, "ziele": {"goals"}, "goal": {"goals"},
	"gruendung": {"founded"}, "gegruendet": {"founded"}, "founding": {"founded"},
	"anzahl": {"counts", "value"}, "zahlen": {"counts"}, "mitgliederzahl": {"counts"}, "count": {"counts"},
	"zahl": {"value", "counts"}, "wert": {"value"},
	"fakten": {"facts"}, "fakt": {"facts"}, "fact": {"facts"},
	"art": {"kind"}, "typ": {"kind"}, "type": {"kind"},
	"bundesland": {"state"}, "land": {"state"},
	"kreis": {"district"}, "landkreis": {"district"},
	"webseite": {"website", "url"}, "homepage": {"website", "url"}, "internetseite": {"website", "url"},
	"url": {"url", "website"}, "link": {"url", "website"}, "website": {"website", "url"},
	"herausgeber": {"publisher"}, "autor": {"publisher"},
	"veroeffentlicht": {"published"}, "erschienen": {"published"},
	"datum": {"date", "since", "stand", "published"}, "date": {"date", "since", "stand", "published"},
	"jahr": {"since", "stand", "date", "published"}, "year": {"since", "stand", "date", "published"},
	"stichtag": {"stand"},
	"notiz":    {"note"}, "anmerkung": {"note"}, "bemerkung": {"note"}, "hinweis": {"note"},
	"thema": {"topic"},
	"alias": {"aliases"}, "aliase": {"aliases"}, "synonyme": {"aliases"},
	"reichweite": {"scope"}, "gebiet": {"scope"}, "region": {"scope"},
	"von": {"by"}, "durch": {"by"}, "gruender": {"by"},
	"vollstaendig": {"members_complete"}, "complete": {"members_complete"},
	"kennung": {"id"}, "schluessel": {"id"},
	"inhalt": {"text"},
}

// suggestField says which known field an unknown one probably meant.
func suggestField(key string, known []string) string {
	k := keyFold(key)
	if f := strings.ReplaceAll(k, "-", "_"); slices.Contains(known, f) {
		return f
	}
	for _, f := range synonyms[k] {
		if slices.Contains(known, f) {
			return f
		}
	}
	return closest(key, known)
}
