package search

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sync"

	"github.com/blevesearch/bleve/v2/registry"
	store "github.com/blevesearch/upsidedown_store_api"
)

// sortedStoreName is the name the statement index opens its store by.
const sortedStoreName = "engagiert-sorted"

func init() {
	if err := registry.RegisterKVStore(sortedStoreName, newSortedStore); err != nil {
		panic(err)
	}
}

// sortedStore is the key-value store under the statement index: its rows
// in one slice sorted by key, read by halving. Bleve's own in-memory
// store (gtreap) walks its treap in a goroutine per iterator and hands
// every row over a channel, which made a statement search twice as slow
// as scorch's; the statements are written once, in one batch, and from
// then on only read, so a sorted slice serves every read without a
// goroutine or a lock.
type sortedStore struct {
	mo store.MergeOperator

	mu   sync.Mutex
	rows map[string][]byte // as written
	snap *sortedRows       // rows sorted; nil after a write until the next Reader
}

func newSortedStore(mo store.MergeOperator, _ map[string]any) (store.KVStore, error) {
	return &sortedStore{mo: mo, rows: map[string][]byte{}}, nil
}

func (s *sortedStore) Writer() (store.KVWriter, error) { return sortedWriter{s}, nil }

// Reader reads the rows written so far; later writes don't change what
// it reads.
func (s *sortedStore) Reader() (store.KVReader, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.snap == nil {
		keys := slices.Sorted(maps.Keys(s.rows))
		r := &sortedRows{keys: make([][]byte, len(keys)), vals: make([][]byte, len(keys))}
		for i, k := range keys {
			r.keys[i], r.vals[i] = []byte(k), s.rows[k]
		}
		s.snap = r
	}
	return s.snap, nil
}

func (s *sortedStore) Close() error { return nil }

type sortedWriter struct{ s *sortedStore }

func (w sortedWriter) NewBatch() store.KVBatch { return store.NewEmulatedBatch(w.s.mo) }

func (w sortedWriter) NewBatchEx(o store.KVBatchOptions) ([]byte, store.KVBatch, error) {
	return make([]byte, o.TotalBytes), w.NewBatch(), nil
}

// ExecuteBatch applies the batch's merges, then its sets and deletes, as
// Bleve's stores do.
func (w sortedWriter) ExecuteBatch(b store.KVBatch) error {
	eb, ok := b.(*store.EmulatedBatch)
	if !ok {
		return fmt.Errorf("sorted store: a batch of type %T", b)
	}
	s := w.s
	s.mu.Lock()
	defer s.mu.Unlock()
	s.snap = nil
	for k, ops := range eb.Merger.Merges {
		v, ok := s.mo.FullMerge([]byte(k), s.rows[k], ops)
		if !ok {
			return errors.New("sorted store: merge operator failed")
		}
		s.rows[k] = v
	}
	for _, op := range eb.Ops {
		if op.V == nil {
			delete(s.rows, string(op.K))
			continue
		}
		s.rows[string(op.K)] = op.V // the batch's Set copied it
	}
	return nil
}

func (w sortedWriter) Close() error { return nil }

// sortedRows is a store's rows at one moment; it never changes.
type sortedRows struct {
	keys, vals [][]byte
}

// at is the index of the first key not below k.
func (r *sortedRows) at(k []byte) int {
	i, _ := slices.BinarySearchFunc(r.keys, k, bytes.Compare)
	return i
}

func (r *sortedRows) Get(k []byte) ([]byte, error) {
	if i := r.at(k); i < len(r.keys) && bytes.Equal(r.keys[i], k) {
		return slices.Clone(r.vals[i]), nil // the caller owns what Get returns
	}
	return nil, nil
}

// MultiGet is Get of each key. (store.MultiGet, the helper Bleve's own
// stores use, indexes a slice of length zero and panics.)
func (r *sortedRows) MultiGet(keys [][]byte) ([][]byte, error) {
	vals := make([][]byte, len(keys))
	for i, k := range keys {
		vals[i], _ = r.Get(k)
	}
	return vals, nil
}

func (r *sortedRows) PrefixIterator(prefix []byte) store.KVIterator {
	return &sortedIter{r: r, prefix: prefix, i: r.at(prefix)}
}

func (r *sortedRows) RangeIterator(start, end []byte) store.KVIterator {
	return &sortedIter{r: r, start: start, end: end, i: r.at(start)}
}

func (r *sortedRows) Close() error { return nil }

// sortedIter walks the rows that begin with prefix, or those from start
// up to (not including) end; a nil bound is none.
type sortedIter struct {
	r                  *sortedRows
	prefix, start, end []byte
	i                  int
}

// Seek moves to the first row at or after k, never before the
// iterator's first row.
func (it *sortedIter) Seek(k []byte) {
	if it.start != nil && bytes.Compare(k, it.start) < 0 {
		k = it.start
	}
	if it.prefix != nil && bytes.Compare(k, it.prefix) < 0 {
		k = it.prefix
	}
	it.i = it.r.at(k)
}

func (it *sortedIter) Next() { it.i++ }

func (it *sortedIter) Current() ([]byte, []byte, bool) {
	if it.i >= len(it.r.keys) {
		return nil, nil, false
	}
	k := it.r.keys[it.i]
	if it.prefix != nil && !bytes.HasPrefix(k, it.prefix) || it.end != nil && bytes.Compare(k, it.end) >= 0 {
		return nil, nil, false
	}
	return k, it.r.vals[it.i], true
}

func (it *sortedIter) Key() []byte {
	k, _, _ := it.Current()
	return k
}

func (it *sortedIter) Value() []byte {
	_, v, _ := it.Current()
	return v
}

func (it *sortedIter) Valid() bool {
	_, _, ok := it.Current()
	return ok
}

func (it *sortedIter) Close() error { return nil }
