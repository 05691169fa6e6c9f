// Package yamlkb loads the knowledge base from its YAML files and validates
// it. It is the only place that knows the file layout and schema; everything
// else sees a complete domain.Base or none at all.
//
// Check never stops at the first problem: curators edit YAML by hand, and one
// run should tell them everything to fix, with file, line and a hint.
package yamlkb

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/engagiert/engagiert/internal/domain"
	"go.yaml.in/yaml/v3"
)

// The files of a knowledge directory.
const (
	SourcesFile      = "sources.yaml"
	PlacesFile       = "places.yaml"
	PlacesDir        = "places" // more place files, such as the generated places/nrw.yaml
	NetworksDir      = "networks"
	PartnershipsFile = "partnerships.yaml" // optional
	FiguresFile      = "land.yaml"         // optional: figures about NRW as a whole
)

// loader holds what Check has read so far.
type loader struct {
	fsys     fs.FS
	probs    problemList
	contents map[string][]byte       // file name -> content, for the version
	pre      map[string]chan *parsed // files being decoded ahead (prefetch)
	total    int64                   // bytes read so far, for MaxTotalBytes

	sources  []domain.Source
	places   []domain.Place
	networks []domain.Network

	// Where each id was first defined, as "file:line", for duplicate reports.
	sourceAt, placeAt, networkAt map[string]string
	// sourcesRead and placesRead say whether the lists could be read at all;
	// if not, checking references against them would only add noise.
	sourcesRead, placesRead bool
	lexicon                 *domain.Lexicon
	refs                    []ref
	more                    // what check.go adds: warnings, partnerships, dated statements
}

// ref is a use of a place or source id, checked once all files are read.
type ref struct {
	file string
	line int
	kind string // "place" or "source"
	id   string
	from string // what refers, for the message
}

// version hashes file names and contents in name order, so the same files
// give the same version on every machine.
func (l *loader) version() string {
	names := slices.Sorted(maps.Keys(l.contents))
	h := sha256.New()
	for _, n := range names {
		fmt.Fprintf(h, "%s\x00%d\x00", n, len(l.contents[n]))
		h.Write(l.contents[n])
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// read parses one file and returns its top node, or nil after reporting why
// there is none.
func (l *loader) read(name string) (*file, *yaml.Node) {
	f := &file{name: name, probs: &l.probs, refs: &l.refs}
	data, ok := l.readFile(f)
	if !ok {
		return f, nil
	}
	l.contents[name] = data
	p := l.parsedFor(name, data)
	doc := &p.doc
	if err := p.err; err != nil {
		if errors.Is(err, io.EOF) {
			f.add(0, "", "file is empty")
			return f, nil
		}
		line, msg, hint := syntaxError(err)
		if tab := tabIndented(data); tab > 0 {
			line, hint = tab, "indent with spaces, not tabs"
		}
		f.add(line, hint, "YAML syntax error: %s", msg)
		return f, nil
	}
	if err := p.moreErr; err == nil {
		f.add(p.more.Line, "remove the \"---\" line; each file holds one document", "file holds more than one YAML document")
	} else if !errors.Is(err, io.EOF) {
		line, msg, hint := syntaxError(err)
		f.add(line, hint, "YAML syntax error: %s", msg)
	}
	if len(doc.Content) == 0 {
		f.add(0, "", "file is empty")
		return f, nil
	}
	return f, resolve(doc.Content[0])
}

// tabIndented returns the first line indented with a tab, or 0. YAML forbids
// tabs in indentation, and yaml.v3's message for them does not say so.
func tabIndented(data []byte) int {
	for i, line := range bytes.Split(data, []byte("\n")) {
		rest := bytes.TrimLeft(line, " ")
		if len(rest) > 0 && rest[0] == '\t' && len(bytes.TrimSpace(rest)) > 0 {
			return i + 1
		}
	}
	return 0
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parserProblems are the yaml.v3 messages raised by its parser rather than
// its scanner. yaml.v3 reports their lines zero-based, scanner lines one-based.
var parserProblems = []string{
	"did not find expected <stream-start>", "did not find expected <document start>",
	"did not find expected key", "did not find expected '-' indicator",
	"did not find expected ',' or ']'", "did not find expected ',' or '}'",
	"did not find expected node content", "found duplicate %YAML directive",
	"found incompatible YAML document", "found duplicate %TAG directive", "found undefined tag handle",
}

// syntaxError turns a yaml.v3 error into a one-based line, a message and a
// hint for the mistakes curators actually make.
func syntaxError(err error) (line int, msg, hint string) {
	msg = strings.TrimPrefix(err.Error(), "yaml: ")
	line = 1 // yaml.v3 omits the line when it is the first one
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
		for _, p := range parserProblems {
			if msg == p {
				line++
			}
		}
	}
	switch {
	case strings.Contains(msg, "mapping values are not allowed"):
		hint = `a text containing ": " must be quoted ("...") or written after ">-" on the next lines; otherwise check the indentation`
	case strings.Contains(msg, "did not find expected key"):
		hint = "check the indentation: the fields of one entry must line up, list items start with \"- \""
	case strings.Contains(msg, "'-' indicator"):
		hint = "check the indentation of the list that starts here: items line up, each starting with \"- \", and their fields line up under the first one"
	case strings.Contains(msg, "',' or ']'"), strings.Contains(msg, "',' or '}'"):
		hint = "close the bracket on the same line, or quote items that contain commas or brackets"
	case strings.Contains(msg, "unexpected end of stream"), strings.Contains(msg, "found unexpected document indicator"):
		hint = "a quote is not closed"
	case strings.Contains(msg, "tab character"):
		hint = "indent with spaces, not tabs"
	case strings.Contains(msg, "cannot start any token"):
		hint = "quote values that start with @, `, % or similar characters"
	default:
		hint = "check quoting and indentation at or just before this line"
	}
	return line, msg, hint
}

// top checks that a list file is a mapping with just its list key, as in
// "places:\n  - id: ...", and returns the list items.
func top(f *file, root *yaml.Node, key string) ([]*yaml.Node, bool) {
	if root.Kind == yaml.SequenceNode {
		f.add(root.Line, fmt.Sprintf("start the file with %q and indent the list under it", key+":"), "the list must be under the field %q", key)
		return nil, false
	}
	o := f.object(root, "the file", []string{key})
	if o == nil {
		return nil, false
	}
	if o.vals[key] == nil {
		o.require(map[string]string{key: fmt.Sprintf("start the file with %q and indent the list under it", key+":")}, key)
		return nil, false
	}
	return o.list(key), true
}
