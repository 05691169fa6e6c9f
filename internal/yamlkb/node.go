package yamlkb

import (
	"fmt"
	"slices"
	"strings"

	"github.com/engagiert/engagiert/internal/domain"
	"go.yaml.in/yaml/v3"
)

// The decoder walks yaml.Node trees by hand instead of unmarshalling into
// structs: yaml.Unmarshal stops at the first type error and forgets lines,
// while curators need every problem with the line it is on.

// file collects the problems of one file.
type file struct {
	name  string
	probs *problemList
	refs  *[]ref // where references to places and sources are collected
}

// refsTo records a reference for the check after all files are read: a
// network may name a place before places.yaml has been read.
func (f *file) refsTo(kind, id string, line int, from string) {
	if f.refs != nil {
		*f.refs = append(*f.refs, ref{file: f.name, line: line, kind: kind, id: id, from: from})
	}
}

func (f *file) add(line int, hint, format string, args ...any) {
	if f.probs.full() {
		return
	}
	f.probs.list = append(f.probs.list, Problem{File: f.name, Line: line, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

// kindName names a node kind the way the hints speak about YAML.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping (field: value lines)"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "empty"
		}
		v := []rune(n.Value)
		if len(v) > 40 {
			return fmt.Sprintf("the value %q", string(v[:37])+"...")
		}
		return fmt.Sprintf("the value %q", n.Value)
	}
	return "something else"
}

// resolve follows YAML aliases (*name), so anchors work like copies.
func resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

// isNull reports whether a value was left empty ("name:" or "name: ~").
func isNull(n *yaml.Node) bool {
	return n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null")
}

// obj is one YAML mapping being decoded. It remembers key and value nodes by
// field name, so missing, unknown and malformed fields get precise lines.
type obj struct {
	f    *file
	n    *yaml.Node
	what string // "place \"bielefeld\"", "member 3 of network \"regiopole\""
	keys map[string]*yaml.Node
	vals map[string]*yaml.Node
	// meant holds the fields that unknown fields were taken for, so that
	// "titel:" is reported once as unknown and not again as missing "title".
	meant map[string]bool
}

// object checks that n is a mapping with only known fields, each given once.
// It returns nil, after reporting, when n is not a mapping at all.
func (f *file) object(n *yaml.Node, what string, known []string) *obj {
	n = resolve(n)
	if n == nil || n.Kind != yaml.MappingNode {
		line := 0
		got := "nothing"
		if n != nil {
			line, got = n.Line, kindName(n)
		}
		f.add(line, "write its fields on indented lines below it: "+strings.Join(known, ", "), "%s must be a mapping of fields, found %s", what, got)
		return nil
	}
	o := &obj{f: f, n: n, what: what, keys: map[string]*yaml.Node{}, vals: map[string]*yaml.Node{}, meant: map[string]bool{}}
	// Name the entry by its id where it has one: "place \"bielefeld\"" is
	// easier to find than "place 17".
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], resolve(n.Content[i+1])
		if k.Value == "id" && v.Kind == yaml.ScalarNode && v.Value != "" && slices.Contains(known, "id") {
			if words := strings.Fields(what); len(words) > 0 {
				o.what = fmt.Sprintf("%s %q", words[0], v.Value)
			}
		}
	}
	isKnown := map[string]bool{}
	for _, k := range known {
		isKnown[k] = true
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], resolve(n.Content[i+1])
		if k.Kind != yaml.ScalarNode {
			f.add(k.Line, "field names are plain words followed by a colon", "%s: field name must be a word, found %s", o.what, kindName(k))
			continue
		}
		if !isKnown[k.Value] {
			hint := "known fields: " + strings.Join(known, ", ")
			if s := suggestField(k.Value, known); s != "" {
				o.meant[s] = true
				hint = fmt.Sprintf("did you mean %q? known fields: %s", s, strings.Join(known, ", "))
			}
			f.add(k.Line, hint, "unknown field %q in %s", k.Value, o.what)
			continue
		}
		if prev, dup := o.keys[k.Value]; dup {
			f.add(k.Line, fmt.Sprintf("it is already set at line %d; keep one", prev.Line), "field %q given twice in %s", k.Value, o.what)
			continue
		}
		o.keys[k.Value], o.vals[k.Value] = k, v
	}
	return o
}

// has reports whether the field is present with a value.
func (o *obj) has(key string) bool { return !isNull(o.vals[key]) }

// line is where the field's value is, or where the mapping starts when the
// field is missing, which is where it should be added.
func (o *obj) line(key string) int {
	if v := o.vals[key]; v != nil {
		return v.Line
	}
	return o.n.Line
}

// require reports each field that is missing or empty.
func (o *obj) require(hints map[string]string, keys ...string) {
	for _, k := range keys {
		if o.has(k) || (o.keys[k] == nil && o.meant[k]) {
			continue
		}
		if kn := o.keys[k]; kn != nil {
			o.f.add(kn.Line, hints[k], "field %q of %s is empty", k, o.what)
		} else {
			o.f.add(o.n.Line, hints[k], "missing field %q in %s", k, o.what)
		}
	}
}

// str returns a text field, "" when absent. Numbers and dates are texts too:
// "value: 6" means the text "6".
func (o *obj) str(key string) string {
	v := o.vals[key]
	if isNull(v) {
		return ""
	}
	if v.Kind != yaml.ScalarNode {
		o.f.add(v.Line, "write a single text; quote it if it contains \": \" or starts with [ or {", "field %q of %s must be a text, found %s", key, o.what, kindName(v))
		return ""
	}
	return strings.TrimSpace(v.Value)
}

// list returns the items of a list field, nil when absent.
func (o *obj) list(key string) []*yaml.Node {
	v := o.vals[key]
	if isNull(v) {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		o.f.add(v.Line, "write a list: one \"- item\" per line, or [a, b] on one line", "field %q of %s must be a list, found %s", key, o.what, kindName(v))
		return nil
	}
	items := make([]*yaml.Node, len(v.Content))
	for i, it := range v.Content {
		items[i] = resolve(it)
	}
	return items
}

// strs returns a list of texts, such as aliases.
func (o *obj) strs(key string) []string {
	var out []string
	for i, it := range o.list(key) {
		if it.Kind != yaml.ScalarNode || isNull(it) || strings.TrimSpace(it.Value) == "" {
			o.f.add(it.Line, "each item is one text; remove empty items", "item %d of %q in %s must be a text, found %s", i+1, key, o.what, kindName(it))
			continue
		}
		out = append(out, strings.TrimSpace(it.Value))
	}
	return out
}

// date returns a date field. YAML reads 2019 as a number and 2016-03-16 as a
// timestamp; the node keeps the text as written, which is what counts.
func (o *obj) date(key string) domain.Date {
	s := o.str(key)
	if s == "" {
		return domain.Date{}
	}
	d, err := domain.ParseDate(s)
	if err != nil {
		o.f.add(o.line(key), "write YYYY, YYYY-MM or YYYY-MM-DD, like 2019, 2022-06 or 2016-03-16; leave the field out when the source gives no date",
			"field %q of %s: malformed date %q", key, o.what, s)
		return domain.Date{}
	}
	return d
}

// boolean returns a true/false field, false when absent.
func (o *obj) boolean(key string) bool {
	v := o.vals[key]
	if isNull(v) {
		return false
	}
	if v.Kind != yaml.ScalarNode || v.Tag != "!!bool" {
		o.f.add(v.Line, "write true or false", "field %q of %s must be true or false, found %s", key, o.what, kindName(v))
		return false
	}
	return v.Value == "true" || v.Value == "True" || v.Value == "TRUE"
}

// sub returns a nested mapping field, nil when absent or malformed.
func (o *obj) sub(key, what string, known []string) *obj {
	v := o.vals[key]
	if isNull(v) {
		return nil
	}
	return o.f.object(v, fmt.Sprintf("%s of %s", what, o.what), known)
}
