package search

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/blevesearch/bleve/v2/index/upsidedown/store/gtreap"
	store "github.com/blevesearch/upsidedown_store_api"
)

// countMerge is a merge operator that adds the bytes of the operands to
// the first byte of the value, as the index merges its term counts.
type countMerge struct{}

func (countMerge) FullMerge(_, existing []byte, ops [][]byte) ([]byte, bool) {
	v := []byte{0}
	if len(existing) > 0 {
		v[0] = existing[0]
	}
	for _, op := range ops {
		for _, b := range op {
			v[0] += b
		}
	}
	return v, true
}

func (countMerge) PartialMerge(_, a, b []byte) ([]byte, bool) {
	return append(append([]byte{}, a...), b...), true
}

func (countMerge) Name() string { return "count" }

// TestSortedStoreIsGtreap: after the same batches of sets, deletes and
// merges, the sorted store reads as Bleve's in-memory store (gtreap)
// does: every Get, MultiGet, every prefix and range iterator, with seeks
// before, inside and past their bounds. Every other batch only merges,
// onto the rows the batches before left; a reader taken before a batch
// still reads what was there before it.
func TestSortedStoreIsGtreap(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 3))
	key := func() []byte {
		b := make([]byte, 1+rng.IntN(4))
		for i := range b {
			b[i] = "abc\xff"[rng.IntN(4)]
		}
		return b
	}
	ours, err := newSortedStore(countMerge{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ref, err := gtreap.New(countMerge{}, map[string]any{"path": ""})
	if err != nil {
		t.Fatal(err)
	}
	var before store.KVReader // ours, taken before the round's batch
	var beforeRows string     // what it read then
	for round := range 4 {
		if before != nil {
			if got := walk(before.RangeIterator(nil, nil), nil); got != beforeRows {
				t.Errorf("round %d: a reader taken before the batch reads %s, before it read %s", round, got, beforeRows)
			}
		}
		for _, s := range []store.KVStore{ours, ref} {
			w, err := s.Writer()
			if err != nil {
				t.Fatal(err)
			}
			b := w.NewBatch()
			r := rand.New(rand.NewPCG(uint64(round), 9)) // the same operations for both stores
			for range 60 {
				k := []byte{"abc"[r.IntN(3)], "abc\xff"[r.IntN(4)]}
				switch op := r.IntN(4); {
				case round%2 == 1 || op == 1:
					b.Merge(k, []byte{byte(1 + r.IntN(5))})
				case op == 0:
					b.Delete(k)
				default:
					b.Set(k, []byte(fmt.Sprint(r.IntN(100))))
				}
			}
			if err := w.ExecuteBatch(b); err != nil {
				t.Fatal(err)
			}
		}
		or, _ := ours.Reader()
		rr, _ := ref.Reader()
		before, beforeRows = or, walk(or.RangeIterator(nil, nil), nil)
		if a, b := beforeRows, walk(rr.RangeIterator(nil, nil), nil); a != b {
			t.Errorf("round %d: the rows are %s, gtreap's %s", round, a, b)
		}
		for range 200 {
			k := key()
			if a, b := mustGet(t, or, k), mustGet(t, rr, k); !bytes.Equal(a, b) {
				t.Errorf("round %d: Get(%q) = %q, gtreap %q", round, k, a, b)
			}
			if vs, err := or.MultiGet([][]byte{k, key()}); err != nil || len(vs) != 2 || !bytes.Equal(vs[0], mustGet(t, rr, k)) {
				t.Errorf("round %d: MultiGet(%q, …) = %q, %v; gtreap's Get %q", round, k, vs, err, mustGet(t, rr, k))
			}
			lo, hi, seek := key(), key(), key()
			if bytes.Compare(lo, hi) > 0 {
				lo, hi = hi, lo
			}
			pairs := []struct {
				name     string
				ours, rf store.KVIterator
			}{
				{fmt.Sprintf("prefix %q", lo), or.PrefixIterator(lo), rr.PrefixIterator(lo)},
				{fmt.Sprintf("range %q..%q", lo, hi), or.RangeIterator(lo, hi), rr.RangeIterator(lo, hi)},
				{fmt.Sprintf("range ..%q", hi), or.RangeIterator(nil, hi), rr.RangeIterator(nil, hi)},
				{fmt.Sprintf("range %q..", lo), or.RangeIterator(lo, nil), rr.RangeIterator(lo, nil)},
			}
			for _, p := range pairs {
				if a, b := walk(p.ours, seek), walk(p.rf, seek); a != b {
					t.Errorf("round %d: %s, seek %q: %s, gtreap %s", round, p.name, seek, a, b)
				}
				p.ours.Close()
				p.rf.Close()
			}
		}
	}
}

func mustGet(t *testing.T, r store.KVReader, k []byte) []byte {
	t.Helper()
	v, err := r.Get(k)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// walk lists what an iterator yields, then seeks and lists again.
func walk(it store.KVIterator, seek []byte) string {
	var b bytes.Buffer
	list := func() {
		for ; it.Valid(); it.Next() {
			k, v, _ := it.Current()
			fmt.Fprintf(&b, "%q=%q ", k, v)
			if !bytes.Equal(it.Key(), k) || !bytes.Equal(it.Value(), v) {
				b.WriteString("(Key/Value differ from Current) ")
			}
		}
	}
	list()
	b.WriteString("| seek: ")
	it.Seek(seek)
	list()
	return b.String()
}
