// Package frozen keeps a validated knowledge base in a compact binary form,
// so that a process answering from the base built into the binary need not
// parse and check its YAML again: reading and validating the YAML was half
// of what `engagiert ask` took from exec to answer, decoding the frozen form
// takes a few hundredths of that.
//
// The frozen form is made by `go generate ./knowledge` from the same files
// the binary embeds, and it records what it was made from: a hash of those
// files' names and bytes and a fingerprint of the Go types it encodes.
// Decode returns ErrStale unless both match what the running binary has, so
// a base edited without generating anew is read from its YAML, never from
// an old freezing. Validation stays where it was: the frozen form is only
// ever made from a base yamlkb.Check accepted, and validate, review and
// every directory on disk read the YAML itself, with FILE:LINE problems.
//
// The encoding walks domain.Parts by reflection, field by field in
// declaration order: lengths and integers as varints, strings as their
// bytes, maps in key order (so one base always freezes to the same bytes),
// nil slices and maps told apart from empty ones. Decode takes its strings
// as substrings of the data it is given, with no copy: the data embedded
// in the binary lives as long as the process.
package frozen

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/engagiert/engagiert/internal/domain"
)

// magic opens every frozen base; a new layout of the encoding gets a new one.
const magic = "engagiert frozen base 1\n"

// ErrStale says that frozen data was not made from the files at hand (or
// by the types of this build): the caller reads the YAML instead.
var ErrStale = errors.New("frozen base is stale: run go generate ./knowledge")

// Encode freezes the base, recording the files of fsys it was loaded from
// (see Key). It encodes what domain.NewBaseParts takes; the indexes a Base
// builds from it are built again when it is decoded.
func Encode(b *domain.Base, fsys fs.FS) ([]byte, error) {
	key, err := Key(fsys)
	if err != nil {
		return nil, err
	}
	c, err := codecs.get(partsType)
	if err != nil {
		return nil, err
	}
	p := domain.Parts{Networks: b.Networks, Places: b.Places, Sources: b.Sources, Partnerships: b.Partnerships,
		PartnershipCounts: b.PartnershipCounts, Lexicon: b.Lexicon, Figures: b.Figures, Version: b.Version}
	w := &writer{buf: []byte(magic)}
	w.string(key)
	w.string(fingerprint())
	c.enc(w, reflect.ValueOf(p))
	return w.buf, nil
}

// Decode returns the base frozen in data, or ErrStale when data was frozen
// from other files than those of fsys, or by other types than this
// build's; any other error means data is no frozen base at all.
func Decode(data string, fsys fs.FS) (*domain.Base, error) {
	r := &reader{s: data}
	if !strings.HasPrefix(data, magic) {
		return nil, ErrStale
	}
	r.i = len(magic)
	key, fp := r.string(), r.string()
	if r.err != nil {
		return nil, r.err
	}
	if fp != fingerprint() {
		return nil, ErrStale
	}
	// The files are hashed on another core while the base is decoded
	// (a fifth of Decode's time): a base decoded from stale data is
	// thrown away unused.
	type keyed struct {
		key string
		err error
	}
	want := make(chan keyed, 1)
	go func() {
		k, err := Key(fsys)
		want <- keyed{k, err}
	}()
	c, err := codecs.get(partsType)
	if err != nil {
		return nil, err
	}
	var p domain.Parts
	c.dec(r, reflect.ValueOf(&p).Elem())
	if r.err == nil && r.i != len(r.s) {
		r.fail("%d bytes after the base", len(r.s)-r.i)
	}
	switch k := <-want; {
	case k.err != nil:
		return nil, k.err
	case k.key != key:
		return nil, ErrStale
	case r.err != nil:
		return nil, r.err
	}
	return domain.NewBaseParts(p), nil
}

// Key is the hash of the names and contents of every regular file in fsys,
// in lexical order: a frozen base is current for exactly these bytes.
func Key(fsys fs.FS) (string, error) {
	h := sha256.New()
	buf := make([]byte, 32<<10)
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		f, err := fsys.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		fmt.Fprintf(h, "%s\x00", name)
		n, err := io.CopyBuffer(h, f, buf)
		fmt.Fprintf(h, "\x00%d\x00", n)
		return err
	})
	if err != nil {
		return "", fmt.Errorf("frozen base key: %w", err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

var partsType = reflect.TypeFor[domain.Parts]()

// fingerprint is a hash of the Go types the encoding walks, their fields'
// names and kinds in order: a frozen base made by a build whose types
// differ decodes as stale, not as a base with fields shifted or missing.
var fingerprint = sync.OnceValue(func() string {
	var b strings.Builder
	describe(&b, partsType, map[reflect.Type]bool{})
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:])
})

func describe(b *strings.Builder, t reflect.Type, seen map[reflect.Type]bool) {
	fmt.Fprintf(b, "%s/%s", t.String(), t.Kind())
	if seen[t] {
		return
	}
	seen[t] = true
	switch t.Kind() {
	case reflect.Struct:
		b.WriteString("{")
		for i := range t.NumField() {
			f := t.Field(i)
			fmt.Fprintf(b, "%s ", f.Name)
			describe(b, f.Type, seen)
			b.WriteString(";")
		}
		b.WriteString("}")
	case reflect.Slice, reflect.Pointer:
		b.WriteString("(")
		describe(b, t.Elem(), seen)
		b.WriteString(")")
	case reflect.Map:
		b.WriteString("(")
		describe(b, t.Key(), seen)
		b.WriteString(":")
		describe(b, t.Elem(), seen)
		b.WriteString(")")
	}
}

// codec encodes and decodes the values of one type.
type codec struct {
	enc func(*writer, reflect.Value)
	dec func(*reader, reflect.Value)
}

// codecTable holds a codec per type, made on first use.
type codecTable struct {
	mu sync.Mutex
	m  map[reflect.Type]*codec
}

var codecs = &codecTable{m: map[reflect.Type]*codec{}}

func (ct *codecTable) get(t reflect.Type) (*codec, error) {
	ct.mu.Lock()
	defer ct.mu.Unlock()
	return ct.make(t)
}

var stringsType = reflect.TypeFor[[]string]()

// make builds the codec of t. A type it cannot restore exactly (an
// unexported field, a map with keys other than strings, a struct without
// fields, functions, channels, ...) is an error, at freezing time.
func (ct *codecTable) make(t reflect.Type) (*codec, error) {
	if c, ok := ct.m[t]; ok {
		return c, nil
	}
	c := &codec{}
	ct.m[t] = c // a recursive type finds its codec while it is being made
	switch t.Kind() {
	case reflect.String:
		c.enc = func(w *writer, v reflect.Value) { w.string(v.String()) }
		c.dec = func(r *reader, v reflect.Value) { v.SetString(r.string()) }
	case reflect.Bool:
		c.enc = func(w *writer, v reflect.Value) { w.bool(v.Bool()) }
		c.dec = func(r *reader, v reflect.Value) { v.SetBool(r.bool()) }
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		signed := t.Kind() <= reflect.Int64
		c.enc = func(w *writer, v reflect.Value) {
			if signed {
				w.int(v.Int())
			} else {
				w.uint(v.Uint())
			}
		}
		c.dec = func(r *reader, v reflect.Value) {
			if signed {
				if n := r.int(); !v.OverflowInt(n) {
					v.SetInt(n)
					return
				}
			} else if n := r.uint(); !v.OverflowUint(n) {
				v.SetUint(n)
				return
			}
			r.fail("a number that overflows %s", t)
		}
	case reflect.Pointer:
		elem, err := ct.make(t.Elem())
		if err != nil {
			return nil, err
		}
		c.enc = func(w *writer, v reflect.Value) {
			w.bool(!v.IsNil())
			if !v.IsNil() {
				elem.enc(w, v.Elem())
			}
		}
		c.dec = func(r *reader, v reflect.Value) {
			if r.bool() {
				p := reflect.New(t.Elem())
				elem.dec(r, p.Elem())
				v.Set(p)
			}
		}
	case reflect.Slice:
		elem, err := ct.make(t.Elem())
		if err != nil {
			return nil, err
		}
		c.enc = func(w *writer, v reflect.Value) {
			if w.nilOrLen(v) {
				for i := range v.Len() {
					elem.enc(w, v.Index(i))
				}
			}
		}
		c.dec = func(r *reader, v reflect.Value) {
			n, ok := r.nilOrLen()
			if !ok {
				return
			}
			if t == stringsType { // the word lists: most of the values
				ss := make([]string, n)
				for i := range ss {
					ss[i] = r.string()
				}
				v.Set(reflect.ValueOf(ss))
				return
			}
			s := reflect.MakeSlice(t, n, n)
			for i := range n {
				elem.dec(r, s.Index(i))
			}
			v.Set(s)
		}
	case reflect.Map:
		if t.Key().Kind() != reflect.String {
			return nil, fmt.Errorf("frozen: map key %s: only string keys keep their order", t.Key())
		}
		key, err := ct.make(t.Key())
		if err != nil {
			return nil, err
		}
		elem, err := ct.make(t.Elem())
		if err != nil {
			return nil, err
		}
		c.enc = func(w *writer, v reflect.Value) {
			if !w.nilOrLen(v) {
				return
			}
			keys := v.MapKeys()
			slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
			for _, k := range keys {
				key.enc(w, k)
				elem.enc(w, v.MapIndex(k))
			}
		}
		c.dec = func(r *reader, v reflect.Value) {
			n, ok := r.nilOrLen()
			if !ok {
				return
			}
			m := reflect.MakeMapWithSize(t, n)
			k, e := reflect.New(t.Key()).Elem(), reflect.New(t.Elem()).Elem()
			for range n {
				key.dec(r, k)
				e.SetZero()
				elem.dec(r, e)
				m.SetMapIndex(k, e)
			}
			v.Set(m)
		}
	case reflect.Struct:
		if t.NumField() == 0 {
			return nil, fmt.Errorf("frozen: %s has no fields", t)
		}
		fields := make([]*codec, t.NumField())
		for i := range fields {
			f := t.Field(i)
			if !f.IsExported() {
				return nil, fmt.Errorf("frozen: %s.%s is unexported: it could not be restored", t, f.Name)
			}
			fc, err := ct.make(f.Type)
			if err != nil {
				return nil, err
			}
			fields[i] = fc
		}
		c.enc = func(w *writer, v reflect.Value) {
			for i, f := range fields {
				f.enc(w, v.Field(i))
			}
		}
		c.dec = func(r *reader, v reflect.Value) {
			for i, f := range fields {
				f.dec(r, v.Field(i))
			}
		}
	default:
		delete(ct.m, t)
		return nil, fmt.Errorf("frozen: cannot encode %s (%s)", t, t.Kind())
	}
	return c, nil
}

// writer appends the encoding to buf.
type writer struct{ buf []byte }

func (w *writer) uint(n uint64) { w.buf = binary.AppendUvarint(w.buf, n) }
func (w *writer) int(n int64)   { w.buf = binary.AppendVarint(w.buf, n) }

func (w *writer) bool(b bool) {
	if b {
		w.buf = append(w.buf, 1)
	} else {
		w.buf = append(w.buf, 0)
	}
}

func (w *writer) string(s string) {
	w.uint(uint64(len(s)))
	w.buf = append(w.buf, s...)
}

// nilOrLen writes 0 for a nil slice or map, else its length + 1, and
// reports whether elements follow.
func (w *writer) nilOrLen(v reflect.Value) bool {
	if v.IsNil() {
		w.uint(0)
		return false
	}
	w.uint(uint64(v.Len()) + 1)
	return true
}

// reader decodes from s at i. After the first error every read returns a
// zero value and the error stays: callers check it once, at the end.
type reader struct {
	s   string
	i   int
	err error
}

func (r *reader) fail(format string, args ...any) {
	if r.err == nil {
		r.err = fmt.Errorf("frozen base, byte %d: %s", r.i, fmt.Sprintf(format, args...))
	}
	r.i = len(r.s)
}

func (r *reader) uint() uint64 {
	var n uint64
	for shift := uint(0); shift < 64; shift += 7 {
		if r.i >= len(r.s) {
			r.fail("truncated")
			return 0
		}
		b := r.s[r.i]
		r.i++
		n |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return n
		}
	}
	r.fail("varint too long")
	return 0
}

func (r *reader) int() int64 {
	u := r.uint()
	n := int64(u >> 1)
	if u&1 != 0 {
		n = ^n
	}
	return n
}

func (r *reader) bool() bool {
	switch n := r.uint(); n {
	case 0:
		return false
	case 1:
		return true
	default:
		r.fail("%d is no bool", n)
		return false
	}
}

// string is the next string, as a substring of s: no copy.
func (r *reader) string() string {
	n := r.uint()
	if n > uint64(len(r.s)-r.i) {
		r.fail("string of %d bytes, %d left", n, len(r.s)-r.i)
		return ""
	}
	s := r.s[r.i : r.i+int(n)]
	r.i += int(n)
	return s
}

// nilOrLen reads what writer.nilOrLen wrote: the length, and false for
// nil. Every element takes at least one byte, so a length beyond the
// bytes left is corrupt data, not an allocation to attempt.
func (r *reader) nilOrLen() (int, bool) {
	n := r.uint()
	if n == 0 {
		return 0, false
	}
	if n-1 > uint64(len(r.s)-r.i) {
		r.fail("%d elements, %d bytes left", n-1, len(r.s)-r.i)
		return 0, false
	}
	return int(n - 1), true
}
