package yamlkb

// Adding entries to the knowledge files for curators (engagiert add): the
// file is parsed into yaml.Nodes to find where the entry belongs, the
// entry is encoded from nodes, and its lines are spliced into the file's
// text there. Everything else stays byte for byte: comments, blank lines,
// quoting, order. The result is checked like any base before anyone writes
// it.

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/engagiert/engagiert/internal/domain"
	"go.yaml.in/yaml/v3"
)

// Adder adds entries to the files of a knowledge directory. It keeps the
// changed files in memory; Files returns them for writing, Check checks
// the base they make.
type Adder struct {
	fsys    fs.FS
	base    *domain.Base
	changed map[string][]byte
}

// NewAdder reads the knowledge in fsys. A base with problems is refused:
// they are fixed first, so that the problems an addition causes stand out.
func NewAdder(fsys fs.FS) (*Adder, error) {
	base, _, err := Check(fsys, Options{})
	if err != nil {
		return nil, err
	}
	return &Adder{fsys: fsys, base: base, changed: map[string][]byte{}}, nil
}

// Base is the base before the additions: ids to look names up in.
func (a *Adder) Base() *domain.Base { return a.base }

// Files are the changed files by name, for writing.
func (a *Adder) Files() map[string][]byte { return a.changed }

// Check checks the base with the additions, as Check does.
func (a *Adder) Check(opt Options) (*domain.Base, *Report, error) {
	return Check(overlayFS{a.fsys, a.changed}, opt)
}

// Added says where an entry went: the file and the line it starts on.
type Added struct {
	File string
	Line int
}

// AddSource adds a source at the end of sources.yaml.
func (a *Adder) AddSource(s domain.Source) (Added, error) {
	if a.base.Source(s.ID) != nil {
		return Added{}, fmt.Errorf("source %q exists already; cite it with source: %s", s.ID, s.ID)
	}
	for _, old := range a.base.Sources {
		if old.URL == s.URL {
			return Added{}, fmt.Errorf("the address is source %q already; cite it with source: %s", old.ID, old.ID)
		}
	}
	m := mapping("id", s.ID, "title", s.Title, "publisher", s.Publisher, "url", s.URL, "published", s.Published.ISO())
	return a.append(SourcesFile, []string{"sources"}, m, nil)
}

// AddPlace adds a place to places.yaml, in id order.
func (a *Adder) AddPlace(p domain.Place) (Added, error) {
	if a.base.Place(p.ID) != nil {
		return Added{}, fmt.Errorf("place %q exists already", p.ID)
	}
	m := mapping("id", p.ID, "name", p.Name)
	if len(p.Aliases) > 0 {
		seq := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, al := range p.Aliases {
			seq.Content = append(seq.Content, scalar(al))
		}
		m.Content = append(m.Content, scalar("aliases"), seq)
	}
	m.Content = append(m.Content, mapping("kind", p.Kind, "state", p.State, "country", p.Country, "district", p.District, "region", p.Region).Content...)
	return a.append(PlacesFile, []string{"places"}, m, byKey("id", p.ID))
}

// AddPartnership adds a twinning to partnerships.yaml, after the others of
// its NRW place, or where the place's id belongs in their order. Its
// country is the partner's and is not written.
func (a *Adder) AddPartnership(p domain.Partnership) (Added, error) {
	for _, old := range a.base.PartnershipsOf(p.Place) {
		if old.Place == p.Place && old.Partner == p.Partner {
			return Added{}, fmt.Errorf("%s–%s is in %s already; edit that entry", p.Place, p.Partner, PartnershipsFile)
		}
	}
	kind := p.Kind
	if kind == domain.PartnershipKinds[0] {
		kind = ""
	}
	m := mapping("place", p.Place, "partner", p.Partner, "since", p.Since.ISO(), "kind", kind, "status", p.Status, "note", p.Note, "source", p.Source)
	addFacts(m, p.Facts)
	return a.append(PartnershipsFile, []string{"partnerships"}, m, afterGroup("place", p.Place))
}

// AddMember adds a member at the end of its network's members.
func (a *Adder) AddMember(network string, m domain.Membership) (Added, error) {
	n := a.base.Network(network)
	if n == nil {
		return Added{}, fmt.Errorf("no network %q; the networks are %s", network, strings.Join(a.networkIDs(), ", "))
	}
	for _, old := range n.Members {
		if old.Place == m.Place {
			return Added{}, fmt.Errorf("%s is a member of %s already; edit that entry", m.Place, network)
		}
	}
	node := mapping("place", m.Place, "since", m.Since.ISO(), "until", m.Until.ISO(), "role", m.Role, "note", m.Note, "source", m.Source)
	file, err := a.networkFile(network)
	if err != nil {
		return Added{}, err
	}
	return a.append(file, []string{"members"}, node, nil)
}

// AddNetworkFact adds a fact at the end of a network's facts.
func (a *Adder) AddNetworkFact(network string, f domain.Fact) (Added, error) {
	if a.base.Network(network) == nil {
		return Added{}, fmt.Errorf("no network %q; the networks are %s", network, strings.Join(a.networkIDs(), ", "))
	}
	file, err := a.networkFile(network)
	if err != nil {
		return Added{}, err
	}
	return a.append(file, []string{"facts"}, factNode(f), nil)
}

// AddPlaceFact adds a fact about a place: to its entry in places.yaml, or,
// for a generated place, to its additions under "nrw:" there.
func (a *Adder) AddPlaceFact(place string, f domain.Fact) (Added, error) {
	pl := a.base.Place(place)
	if pl == nil {
		return Added{}, fmt.Errorf("no place %q", place)
	}
	list := "places"
	if pl.State == "Nordrhein-Westfalen" && pl.AGS != 0 {
		list = OverlayKey
	}
	return a.appendInEntry(PlacesFile, list, place, "facts", factNode(f))
}

func (a *Adder) networkIDs() []string {
	var ids []string
	for _, n := range a.base.Networks {
		ids = append(ids, n.ID)
	}
	return ids
}

// networkFile finds the file of a network: networks/ID.yaml by convention,
// else the file whose id it is.
func (a *Adder) networkFile(id string) (string, error) {
	if name := path.Join(NetworksDir, id+".yaml"); exists(a.fsys, name) {
		return name, nil
	}
	entries, err := fs.ReadDir(a.fsys, NetworksDir)
	if err != nil {
		return "", err
	}
	for _, e := range entries {
		name := path.Join(NetworksDir, e.Name())
		_, root, err := a.parse(name)
		if err == nil && valueOf(root, "id") != nil && valueOf(root, "id").Value == id {
			return name, nil
		}
	}
	return "", fmt.Errorf("no file for network %q in %s/", id, NetworksDir)
}

func factNode(f domain.Fact) *yaml.Node {
	return mapping("text", f.Text, "stand", f.Stand.ISO(), "date", f.Date.ISO(), "source", f.Source, "topic", f.Topic)
}

func addFacts(m *yaml.Node, facts []domain.Fact) {
	if len(facts) == 0 {
		return
	}
	seq := &yaml.Node{Kind: yaml.SequenceNode}
	for _, f := range facts {
		seq.Content = append(seq.Content, factNode(f))
	}
	m.Content = append(m.Content, scalar("facts"), seq)
}

// mapping builds a mapping of the key-value pairs, leaving out empty values.
func mapping(kv ...string) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode}
	for i := 0; i+1 < len(kv); i += 2 {
		if v := strings.TrimSpace(kv[i+1]); v != "" {
			m.Content = append(m.Content, scalar(kv[i]), scalar(v))
		}
	}
	return m
}

// scalar is a plain scalar when YAML reads it back as the same text, else
// quoted: 2019 stays 2019, "Partner: Reims" gets quotes.
func scalar(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Value: s} }

// parse reads a file of the directory, with the changes made so far.
func (a *Adder) parse(name string) ([]byte, *yaml.Node, error) {
	data, ok := a.changed[name]
	if !ok {
		var err error
		if data, err = fs.ReadFile(a.fsys, name); err != nil {
			return nil, nil, err
		}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, nil, fmt.Errorf("%s: the file is no mapping of fields", name)
	}
	return data, doc.Content[0], nil
}

// valueOf returns the value of a key of a mapping, or nil.
func valueOf(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// A placement says before which item of a list a new one goes: the index,
// or len(items) for the end.
type placement func(items []*yaml.Node) int

// byKey keeps a list ordered by a field, where it is: before the first item
// whose field sorts after the value.
func byKey(key, value string) placement {
	return func(items []*yaml.Node) int {
		for i, it := range items {
			if v := valueOf(it, key); v != nil && v.Value > value {
				return i
			}
		}
		return len(items)
	}
}

// afterGroup puts an item after the last one with the same field value, or
// where the value belongs in the order of the groups.
func afterGroup(key, value string) placement {
	return func(items []*yaml.Node) int {
		last := -1
		for i, it := range items {
			if v := valueOf(it, key); v != nil && v.Value == value {
				last = i
			}
		}
		if last >= 0 {
			return last + 1
		}
		return byKey(key, value)(items)
	}
}

// append adds an item to the list under the top-level key of a file (the
// key path has one element), at the placement (nil: the end).
func (a *Adder) append(name string, keys []string, item *yaml.Node, at placement) (Added, error) {
	data, root, err := a.parse(name)
	if err != nil {
		return Added{}, err
	}
	ki := slices.IndexFunc(root.Content, func(n *yaml.Node) bool { return n.Value == keys[0] })
	if ki < 0 || ki%2 == 1 {
		// No such list yet: add it at the end of the file.
		return a.splice(name, data, lineCount(data)+1, 0, keys[0]+":", item)
	}
	next := 0 // the line after the list: the next top-level key, or none
	if ki+2 < len(root.Content) {
		next = root.Content[ki+2].Line
	}
	return a.insertItem(name, data, root.Content[ki], root.Content[ki+1], next, item, at)
}

// insertItem inserts item into the list seq (the value of key), which ends
// before line next (0: at the end of the file).
func (a *Adder) insertItem(name string, data []byte, key, seq *yaml.Node, next int, item *yaml.Node, at placement) (Added, error) {
	lines := splitLines(data)
	if seq.Kind != yaml.SequenceNode || (seq.Style&yaml.FlowStyle != 0 && len(seq.Content) > 0) {
		return Added{}, fmt.Errorf("%s:%d: %q is no list of entries I can add to; edit the file by hand", name, key.Line, key.Value)
	}
	if len(seq.Content) == 0 {
		// "members: []" or "members:" with nothing: the items go below the key.
		lines[key.Line-1] = strings.TrimSuffix(strings.TrimRight(lines[key.Line-1], " "), "[]")
		lines[key.Line-1] = strings.TrimRight(lines[key.Line-1], " ")
		data = joinLines(lines)
		return a.splice(name, data, key.Line+1, key.Column+1, "", item)
	}
	i := len(seq.Content)
	if at != nil {
		i = at(seq.Content)
	}
	dash := seq.Content[0].Column - 3 // "  - place:": the key's column is 1-based, the dash 2 before it
	var line int
	if i < len(seq.Content) {
		line = contentStart(lines, seq.Content[i].Line)
	} else {
		end := next
		if end == 0 {
			end = len(lines) + 1
		}
		line = contentEnd(lines, seq.Content[len(seq.Content)-1].Line, end) + 1
	}
	return a.splice(name, data, line, dash, "", item)
}

// appendInEntry adds an item to the list field of the entry with the id in
// the top-level list of a file, creating the field, and for the "nrw"
// additions the entry, where missing.
func (a *Adder) appendInEntry(name, list, id, field string, item *yaml.Node) (Added, error) {
	data, root, err := a.parse(name)
	if err != nil {
		return Added{}, err
	}
	seq := valueOf(root, list)
	var entry *yaml.Node
	var entryIndex int
	if seq != nil {
		for i, it := range seq.Content {
			if v := valueOf(it, "id"); v != nil && v.Value == id {
				entry, entryIndex = it, i
			}
		}
	}
	if entry == nil {
		if list != OverlayKey {
			return Added{}, fmt.Errorf("no entry %q under %q in %s", id, list, name)
		}
		m := mapping("id", id)
		m.Content = append(m.Content, scalar(field), &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{item}})
		return a.append(name, []string{list}, m, byKey("id", id))
	}
	lines := splitLines(data)
	// The entry ends before the next entry, or before the next top-level key.
	end := len(lines) + 1
	if entryIndex+1 < len(seq.Content) {
		end = seq.Content[entryIndex+1].Line
	} else if ki := slices.Index(root.Content, seq); ki+1 < len(root.Content) {
		end = root.Content[ki+1].Line
	}
	if v := valueOf(entry, field); v != nil {
		k := entry.Content[slices.Index(entry.Content, v)-1]
		return a.insertItem(name, data, k, v, end, item, nil)
	}
	line := contentEnd(lines, entry.Line, end) + 1
	return a.splice(name, data, line, entry.Column+1, field+":", item)
}

// splice encodes item as a list item and inserts its lines before line
// (1-based), the dash at column dash (0-based). With a key, the lines
// "key:" at column dash-2 come first, for a list that is new.
func (a *Adder) splice(name string, data []byte, line, dash int, key string, item *yaml.Node) (Added, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{item}}); err != nil {
		return Added{}, err
	}
	enc.Close()
	var add []string
	if key != "" {
		add = append(add, strings.Repeat(" ", max(0, dash-2))+key)
		if dash < 2 {
			dash = 2
		}
	}
	start := line + len(add)
	for _, l := range splitLines(buf.Bytes()) {
		add = append(add, strings.Repeat(" ", dash)+l)
	}
	lines := splitLines(data)
	line = min(max(line, 1), len(lines)+1)
	lines = slices.Insert(lines, line-1, add...)
	a.changed[name] = joinLines(lines)
	return Added{File: name, Line: start}, nil
}

// contentStart is the first line of an item starting at line, its comment
// and blank lines above it included: a new item goes before them.
func contentStart(lines []string, line int) int {
	for line > 1 && isCommentOrBlank(lines[line-2]) {
		line--
	}
	for line < len(lines) && strings.TrimSpace(lines[line-1]) == "" {
		line++ // blank lines stay above the new item
	}
	return line
}

// contentEnd is the last line of content from start up to before end: the
// comments and blank lines before the next item belong to it.
func contentEnd(lines []string, start, end int) int {
	last := start
	for l := start; l < end && l <= len(lines); l++ {
		if !isCommentOrBlank(lines[l-1]) {
			last = l
		}
	}
	return last
}

func isCommentOrBlank(line string) bool {
	t := strings.TrimSpace(line)
	return t == "" || strings.HasPrefix(t, "#")
}

// splitLines splits text into lines without their ends; a final newline
// gives no empty last line.
func splitLines(data []byte) []string {
	s := strings.TrimSuffix(string(data), "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

func joinLines(lines []string) []byte { return []byte(strings.Join(lines, "\n") + "\n") }

func lineCount(data []byte) int { return len(splitLines(data)) }

// overlayFS is a knowledge directory with some files replaced.
type overlayFS struct {
	base    fs.FS
	changed map[string][]byte
}

func (o overlayFS) Open(name string) (fs.File, error) {
	if data, ok := o.changed[name]; ok {
		return &memFile{name: path.Base(name), Reader: bytes.NewReader(data), size: int64(len(data))}, nil
	}
	return o.base.Open(name)
}

// memFile is a changed file, read from memory.
type memFile struct {
	name string
	*bytes.Reader
	size int64
}

func (f *memFile) Stat() (fs.FileInfo, error) { return memInfo{f.name, f.size}, nil }
func (f *memFile) Close() error               { return nil }

type memInfo struct {
	name string
	size int64
}

func (i memInfo) Name() string       { return i.name }
func (i memInfo) Size() int64        { return i.size }
func (i memInfo) Mode() fs.FileMode  { return 0o644 }
func (i memInfo) ModTime() time.Time { return time.Time{} }
func (i memInfo) IsDir() bool        { return false }
func (i memInfo) Sys() any           { return nil }
