package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/engagiert/engagiert/internal/testenv"
	"go.yaml.in/yaml/v3"
)

// Slack's published manifest schema (slackapi/manifest-schema) lies in
// ../shared/slack-fixtures/manifest-schema. No library the project may use
// validates JSON Schema, so this file holds a small draft-07 validator: the
// keywords those schema files use, and a failure for any other standard
// keyword it meets, so that it never passes a schema it cannot read.

// schemaSet is a root schema and the files its remote $refs name.
type schemaSet struct {
	dir   string
	files map[string]any // by base name
}

func loadSchemas(t *testing.T, dir string) *schemaSet {
	t.Helper()
	s := &schemaSet{dir: dir, files: map[string]any{}}
	names, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		var v any
		if err := json.Unmarshal(b, &v); err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		s.files[filepath.Base(n)] = v
	}
	return s
}

// unsupported are the standard draft-07 keywords this validator does not
// evaluate: a schema using one of them makes the check fail instead of
// passing silently. It evaluates $ref, type, properties,
// patternProperties, additionalProperties, required, min/maxProperties,
// items, min/maxItems, uniqueItems, enum, const, min/maxLength, pattern,
// format "uri", anyOf, oneOf, allOf and not, and skips annotations and the
// non-standard words Slack's files carry ("_note", "regex", "requires"),
// as any draft-07 validator does.
var unsupported = []string{"if", "then", "else", "dependencies", "propertyNames", "contains", "additionalItems",
	"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "contentEncoding", "contentMediaType"}

// validate checks v against schema sch (in file) and returns every problem
// with its JSON path.
func (s *schemaSet) validate(file string, sch any, v any, at string) []string {
	m, ok := sch.(map[string]any)
	if !ok {
		if b, isBool := sch.(bool); isBool && !b {
			return []string{at + ": no value allowed"}
		}
		return nil
	}
	var errs []string
	bad := func(format string, args ...any) { errs = append(errs, at+": "+fmt.Sprintf(format, args...)) }
	for k := range m {
		if slices.Contains(unsupported, k) {
			bad("schema keyword %q is not supported by this validator", k)
		}
	}
	if ref, ok := m["$ref"].(string); ok {
		f, target, err := s.resolve(file, ref)
		if err != nil {
			bad("%v", err)
		} else {
			errs = append(errs, s.validate(f, target, v, at)...)
		}
	}
	if t, ok := m["type"]; ok && !typeMatches(t, v) {
		bad("%s is not of type %v", kind(v), t)
	}
	if c, ok := m["const"]; ok && !jsonEqual(c, v) {
		bad("%v is not %v", v, c)
	}
	if e, ok := m["enum"].([]any); ok && !slices.ContainsFunc(e, func(x any) bool { return jsonEqual(x, v) }) {
		bad("%v is none of %v", v, e)
	}
	for _, sub := range list(m["allOf"]) {
		errs = append(errs, s.validate(file, sub, v, at)...)
	}
	if subs := list(m["anyOf"]); len(subs) > 0 {
		if !slices.ContainsFunc(subs, func(sub any) bool { return len(s.validate(file, sub, v, at)) == 0 }) {
			bad("matches none of anyOf")
		}
	}
	if subs := list(m["oneOf"]); len(subs) > 0 {
		n := 0
		var why []string
		for _, sub := range subs {
			e := s.validate(file, sub, v, at)
			if len(e) == 0 {
				n++
			}
			why = append(why, e...)
		}
		if n != 1 {
			bad("matches %d of oneOf, want exactly 1: %s", n, strings.Join(why, "; "))
		}
	}
	if not, ok := m["not"]; ok && len(s.validate(file, not, v, at)) == 0 {
		bad("matches a schema under not")
	}
	switch v := v.(type) {
	case map[string]any:
		errs = append(errs, s.object(file, m, v, at)...)
	case []any:
		if n, ok := num(m["minItems"]); ok && len(v) < n {
			bad("%d items, at least %d", len(v), n)
		}
		if n, ok := num(m["maxItems"]); ok && len(v) > n {
			bad("%d items, at most %d", len(v), n)
		}
		if m["uniqueItems"] == true {
			for i := range v {
				for j := range i {
					if jsonEqual(v[i], v[j]) {
						bad("items %d and %d are equal", j, i)
					}
				}
			}
		}
		switch items := m["items"].(type) {
		case map[string]any, bool:
			for i, x := range v {
				errs = append(errs, s.validate(file, items, x, fmt.Sprintf("%s[%d]", at, i))...)
			}
		case []any:
			for i, x := range v {
				if i < len(items) {
					errs = append(errs, s.validate(file, items[i], x, fmt.Sprintf("%s[%d]", at, i))...)
				}
			}
		}
	case string:
		n := len([]rune(v))
		if max, ok := num(m["maxLength"]); ok && n > max {
			bad("%d characters, at most %d", n, max)
		}
		if min, ok := num(m["minLength"]); ok && n < min {
			bad("%d characters, at least %d", n, min)
		}
		if p, ok := m["pattern"].(string); ok {
			match, err := ecmaMatch(p, v)
			if err != nil {
				bad("%v", err)
			} else if !match {
				bad("%q does not match %s", v, p)
			}
		}
		if m["format"] == "uri" {
			if u, err := url.Parse(v); err != nil || u.Scheme == "" {
				bad("%q is not a URI", v)
			}
		}
	}
	return errs
}

func (s *schemaSet) object(file string, m map[string]any, v map[string]any, at string) []string {
	var errs []string
	bad := func(format string, args ...any) { errs = append(errs, at+": "+fmt.Sprintf(format, args...)) }
	for _, r := range list(m["required"]) {
		if _, ok := v[r.(string)]; !ok {
			bad("%q is required", r)
		}
	}
	if n, ok := num(m["minProperties"]); ok && len(v) < n {
		bad("%d properties, at least %d", len(v), n)
	}
	if n, ok := num(m["maxProperties"]); ok && len(v) > n {
		bad("%d properties, at most %d", len(v), n)
	}
	props, _ := m["properties"].(map[string]any)
	pats, _ := m["patternProperties"].(map[string]any)
	for _, k := range slices.Sorted(maps.Keys(v)) {
		matched := false
		if p, ok := props[k]; ok {
			matched = true
			errs = append(errs, s.validate(file, p, v[k], at+"."+k)...)
		}
		for p, sub := range pats {
			if ok, err := ecmaMatch(p, k); err != nil {
				bad("%v", err)
			} else if ok {
				matched = true
				errs = append(errs, s.validate(file, sub, v[k], at+"."+k)...)
			}
		}
		if !matched {
			switch ap := m["additionalProperties"].(type) {
			case bool:
				if !ap {
					bad("property %q is not allowed", k)
				}
			case map[string]any:
				errs = append(errs, s.validate(file, ap, v[k], at+"."+k)...)
			}
		}
	}
	return errs
}

// resolve finds a $ref: "#/definitions/x" in the same file, or a remote
// schema by its file name among the local copies.
func (s *schemaSet) resolve(file, ref string) (string, any, error) {
	where, frag, _ := strings.Cut(ref, "#")
	if where != "" {
		file = path.Base(where)
	}
	doc, ok := s.files[file]
	if !ok {
		return "", nil, fmt.Errorf("$ref %q: no local copy of %s in %s", ref, file, s.dir)
	}
	cur := doc
	for _, part := range strings.Split(strings.TrimPrefix(frag, "/"), "/") {
		if part == "" {
			continue
		}
		m, ok := cur.(map[string]any)
		if !ok {
			return "", nil, fmt.Errorf("$ref %q: %s is not an object", ref, part)
		}
		if cur, ok = m[part]; !ok {
			return "", nil, fmt.Errorf("$ref %q: no %s", ref, part)
		}
	}
	return file, cur, nil
}

// ecmaMatch matches an ECMA-262 pattern, as JSON Schema defines them, with
// Go's RE2. The one construct RE2 lacks that Slack's schema uses, a leading
// negative look-ahead of one character class "^(?![...])", is checked by
// hand; any other look-around is an error, never a silent pass.
func ecmaMatch(pattern, s string) (bool, error) {
	if rest, ok := strings.CutPrefix(pattern, "^(?!"); ok {
		end := strings.Index(rest, ")")
		if end < 0 || !strings.HasPrefix(rest, "[") || rest[end-1] != ']' {
			return false, fmt.Errorf("pattern %q: unsupported look-ahead", pattern)
		}
		class, err := regexp.Compile("^" + rest[:end])
		if err != nil {
			return false, fmt.Errorf("pattern %q: %v", pattern, err)
		}
		if class.MatchString(s) {
			return false, nil
		}
		pattern = "^" + rest[end+1:]
	}
	if strings.Contains(pattern, "(?=") || strings.Contains(pattern, "(?!") || strings.Contains(pattern, "(?<") {
		return false, fmt.Errorf("pattern %q: look-around is not supported", pattern)
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		return false, fmt.Errorf("pattern %q: %v", pattern, err)
	}
	return re.MatchString(s), nil
}

func list(v any) []any { l, _ := v.([]any); return l }

func num(v any) (int, bool) {
	switch n := v.(type) {
	case float64:
		return int(n), true
	case int:
		return n, true
	}
	return 0, false
}

func kind(v any) string {
	switch v.(type) {
	case map[string]any:
		return "object"
	case []any:
		return "array"
	case string:
		return "string"
	case bool:
		return "boolean"
	case int, float64:
		return "number"
	case nil:
		return "null"
	}
	return fmt.Sprintf("%T", v)
}

func typeMatches(t, v any) bool {
	if ts, ok := t.([]any); ok {
		return slices.ContainsFunc(ts, func(x any) bool { return typeMatches(x, v) })
	}
	k := kind(v)
	switch t {
	case "integer":
		switch n := v.(type) {
		case int:
			return true
		case float64:
			return n == float64(int64(n))
		}
		return false
	case "number":
		return k == "number"
	}
	return t == k
}

// jsonEqual compares two JSON values, numbers by value.
func jsonEqual(a, b any) bool {
	if x, ok := num(a); ok {
		if y, ok := num(b); ok {
			return x == y
		}
	}
	return reflect.DeepEqual(a, b)
}

// manifestValue is the manifest `engagiert manifest ARGS` prints, as the JSON value Slack reads.
func manifestValue(t *testing.T, args ...string) any {
	t.Helper()
	var out bytes.Buffer
	e := env{getenv: func(string) string { return "" }, stdout: &out, stderr: io.Discard}
	if err := run(context.Background(), append([]string{"manifest"}, args...), e.getenv, nil, e.stdout, e.stderr); err != nil {
		t.Fatalf("manifest %q: %v", args, err)
	}
	var v any
	if err := yaml.Unmarshal(out.Bytes(), &v); err != nil {
		t.Fatalf("manifest %q is not YAML: %v", args, err)
	}
	return v
}

// TestManifestValidatesAgainstSlackSchema checks both manifests against
// manifest.schema.json, Slack's root schema (it picks schema 1.0.0 for a
// manifest without _metadata), and that the validator rejects broken ones.
func TestManifestValidatesAgainstSlackSchema(t *testing.T) {
	t.Parallel()
	s := loadSchemas(t, testenv.Shared(t, "slack-fixtures", "manifest-schema"))
	root, ok := s.files["manifest.schema.json"]
	if !ok {
		t.Fatal("manifest.schema.json missing")
	}
	for _, args := range [][]string{nil, {"--request-url", "https://bot.example.org"}} {
		v := manifestValue(t, args...)
		if errs := s.validate("manifest.schema.json", root, v, "$"); len(errs) > 0 {
			t.Errorf("manifest %q breaks Slack's schema:\n%s", args, strings.Join(errs, "\n"))
		}
	}

	// The validator can fail: each of these breaks a rule of the schema.
	broken := []struct {
		name   string
		change func(m map[string]any)
	}{
		{"no display_information", func(m map[string]any) { delete(m, "display_information") }},
		{"unknown feature", func(m map[string]any) { m["features"].(map[string]any)["assistant"] = true }},
		{"unfurl domain with a leading dot", func(m map[string]any) {
			m["features"].(map[string]any)["unfurl_domains"] = []any{".engagiertestadt.de"}
		}},
		{"six unfurl domains", func(m map[string]any) {
			m["features"].(map[string]any)["unfurl_domains"] = []any{"a.de", "b.de", "c.de", "d.de", "e.de", "f.de"}
		}},
		{"assistant_view without description", func(m map[string]any) {
			delete(m["features"].(map[string]any)["assistant_view"].(map[string]any), "assistant_description")
		}},
		{"prompt without message", func(m map[string]any) {
			av := m["features"].(map[string]any)["assistant_view"].(map[string]any)
			av["suggested_prompts"] = []any{map[string]any{"title": "x"}}
		}},
		{"scopes as a string", func(m map[string]any) {
			m["oauth_config"].(map[string]any)["scopes"].(map[string]any)["bot"] = "chat:write"
		}},
	}
	for _, b := range broken {
		v := manifestValue(t).(map[string]any)
		b.change(v)
		if errs := s.validate("manifest.schema.json", root, v, "$"); len(errs) == 0 {
			t.Errorf("%s: the validator passed a broken manifest", b.name)
		}
	}
}

func TestECMAMatch(t *testing.T) {
	t.Parallel()
	const domainPattern = `^(?![\.\-])([-a-z0-9\.])+([a-z0-9])$`
	for _, tt := range []struct {
		pattern, s string
		want       bool
	}{
		{domainPattern, "engagiertestadt.de", true},
		{domainPattern, ".engagiertestadt.de", false},
		{domainPattern, "-x.de", false},
		{domainPattern, "Engagiertestadt.de", false},
		{`^https:\/\/`, "https://bot.example.org/slack/events", true},
		{`^https:\/\/`, "http://bot.example.org", false},
	} {
		if got, err := ecmaMatch(tt.pattern, tt.s); err != nil || got != tt.want {
			t.Errorf("ecmaMatch(%q, %q) = %v, %v, want %v", tt.pattern, tt.s, got, err, tt.want)
		}
	}
	if _, err := ecmaMatch(`^a(?=b)`, "ab"); err == nil {
		t.Error("ecmaMatch with a look-ahead it cannot read = nil error, want one")
	}
}
