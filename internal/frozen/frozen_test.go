package frozen_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/engagiert/engagiert/internal/domain"
	"github.com/engagiert/engagiert/internal/frozen"
	"github.com/engagiert/engagiert/internal/yamlkb/yamlkbtest"
	"github.com/engagiert/engagiert/knowledge"
)

// TestShippedIsCurrent fails while knowledge/base.frozen is not what
// `go generate ./knowledge` writes from the embedded files: a base edited
// without it would be read from its YAML (correct, but slow to start).
func TestShippedIsCurrent(t *testing.T) {
	data, err := frozen.Encode(yamlkbtest.Shipped(t), knowledge.FS)
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != knowledge.Frozen {
		t.Fatalf("knowledge/base.frozen is stale (%d bytes, freezing the knowledge gives %d): run go generate ./knowledge",
			len(knowledge.Frozen), len(data))
	}
	if _, err := frozen.Decode(knowledge.Frozen, knowledge.FS); err != nil {
		t.Fatalf("Decode(knowledge.Frozen) = %v", err)
	}
}

// TestRoundTrip: the decoded base is the checked one, deeply: every field,
// nil and empty lists told apart, the indexes NewBaseParts builds.
func TestRoundTrip(t *testing.T) {
	base := yamlkbtest.Shipped(t)
	data, err := frozen.Encode(base, knowledge.FS)
	if err != nil {
		t.Fatal(err)
	}
	got, err := frozen.Decode(string(data), knowledge.FS)
	if err != nil {
		t.Fatalf("Decode = %v", err)
	}
	if !reflect.DeepEqual(got, base) {
		t.Fatal("the decoded base differs from the one frozen")
	}
	// A second freezing of the same base gives the same bytes (maps in
	// key order), so the committed file changes only with the knowledge.
	again, err := frozen.Encode(got, knowledge.FS)
	if err != nil {
		t.Fatal(err)
	}
	if string(again) != string(data) {
		t.Fatal("freezing the decoded base gives other bytes")
	}
}

// TestStale: data frozen from other files, or by other types, is never
// decoded; the caller reads the YAML.
func TestStale(t *testing.T) {
	base := yamlkbtest.Shipped(t)
	data, err := frozen.Encode(base, knowledge.FS)
	if err != nil {
		t.Fatal(err)
	}
	edits := map[string]func(m fstest.MapFS){
		"a byte changed": func(m fstest.MapFS) {
			f := m["sources.yaml"]
			f.Data = append([]byte(nil), f.Data...)
			f.Data[len(f.Data)-2] ^= 1
		},
		"a line added": func(m fstest.MapFS) {
			f := m["lexicon/lexicon.yaml"]
			f.Data = append(append([]byte(nil), f.Data...), "# more\n"...)
		},
		"a file added":   func(m fstest.MapFS) { m["networks/new.yaml"] = &fstest.MapFile{Data: []byte("id: new\n")} },
		"a file removed": func(m fstest.MapFS) { delete(m, "land.yaml") },
		"a file renamed": func(m fstest.MapFS) {
			m["networks/zz.yaml"] = m["networks/regiopole.yaml"]
			delete(m, "networks/regiopole.yaml")
		},
	}
	for name, edit := range edits {
		m := yamlkbtest.ShippedFiles(t)
		edit(m)
		if _, err := frozen.Decode(string(data), m); !errors.Is(err, frozen.ErrStale) {
			t.Errorf("%s: Decode = %v, want ErrStale", name, err)
		}
	}
	if _, err := frozen.Decode(string(data), yamlkbtest.ShippedFiles(t)); err != nil {
		t.Errorf("the same files as a MapFS: Decode = %v", err)
	}
	// The header: magic, then the key and the types' fingerprint, each a
	// length and 64 hex digits. Another fingerprint is another build's.
	key, _ := frozen.Key(knowledge.FS)
	at := strings.Index(string(data), key) + len(key) + 1
	other := []byte(string(data))
	other[at] ^= 1
	if _, err := frozen.Decode(string(other), knowledge.FS); !errors.Is(err, frozen.ErrStale) {
		t.Errorf("another fingerprint: Decode = %v, want ErrStale", err)
	}
	if _, err := frozen.Decode("not a frozen base", knowledge.FS); !errors.Is(err, frozen.ErrStale) {
		t.Errorf("no magic: Decode = %v, want ErrStale", err)
	}
}

// TestCorrupt: every cut of a frozen base, and bytes appended to one, are
// errors, never a panic or a base.
func TestCorrupt(t *testing.T) {
	fsys := fstest.MapFS{"a.yaml": &fstest.MapFile{Data: []byte("a: 1\n")}}
	base := domain.NewBaseParts(domain.Parts{
		Networks: []domain.Network{{ID: "n", Name: "Netz", Aliases: []string{"N"},
			Members: []domain.Membership{{Place: "p", Since: domain.Date{Year: 2019, Month: 6}}}}},
		Places:  []domain.Place{{ID: "p", Name: "Ort", Everyday: true}},
		Lexicon: &domain.Lexicon{Numbers: map[string]int{"zehn": 10, "minus": -1}, Ordinary: domain.LangWords{DE: []string{"und"}}},
		Version: "v",
	})
	data, err := frozen.Encode(base, fsys)
	if err != nil {
		t.Fatal(err)
	}
	got, err := frozen.Decode(string(data), fsys)
	if err != nil || !reflect.DeepEqual(got, base) {
		t.Fatalf("Decode = %v, %v; want the base frozen", got, err)
	}
	for n := range len(data) {
		if b, err := frozen.Decode(string(data[:n]), fsys); err == nil || b != nil {
			t.Errorf("Decode(the first %d of %d bytes) = %v, %v; want an error", n, len(data), b, err)
		}
	}
	if b, err := frozen.Decode(string(data)+"x", fsys); err == nil || b != nil {
		t.Errorf("Decode(with a byte more) = %v, %v; want an error", b, err)
	}
}

// BenchmarkDecodeShipped is what a process starting from the embedded
// base pays for it: the key of the embedded files, then decoding.
func BenchmarkDecodeShipped(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := frozen.Decode(knowledge.Frozen, knowledge.FS); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkKeyShipped is the hash of the embedded files alone.
func BenchmarkKeyShipped(b *testing.B) {
	for b.Loop() {
		if _, err := frozen.Key(knowledge.FS); err != nil {
			b.Fatal(err)
		}
	}
}
