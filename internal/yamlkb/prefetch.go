package yamlkb

import (
	"bytes"
	"embed"
	"io/fs"
	"path"
	"runtime"
	"strings"

	"go.yaml.in/yaml/v3"
)

// parsed is a file's bytes decoded as YAML: its first document, and
// whether another one follows.
type parsed struct {
	data    []byte
	doc     yaml.Node
	err     error // decoding the first document
	more    yaml.Node
	moreErr error // decoding a second one, io.EOF when there is none
}

func parse(data []byte) *parsed {
	p := &parsed{data: data}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if p.err = dec.Decode(&p.doc); p.err == nil {
		p.moreErr = dec.Decode(&p.more)
	}
	return p
}

// prefetch decodes the YAML files of a base built into the binary on
// other cores while Check reads the ones before: decoding is most of
// loading, and its result depends on the bytes alone. Check still reads
// every file itself, within its limits and in its order, and takes a
// prefetched result only for the very bytes it read (parsedFor).
//
// Only an embed.FS is prefetched: its files are regular and small by
// construction. A directory on disk is read one file at a time, as a
// curator's files may be anything.
func (l *loader) prefetch() {
	if _, ok := l.fsys.(embed.FS); !ok {
		return
	}
	names := []string{LexiconFile, SourcesFile, PlacesFile}
	for _, dir := range []string{PlacesDir, NetworksDir} {
		entries, _ := fs.ReadDir(l.fsys, dir)
		for _, e := range entries {
			if !e.IsDir() && strings.HasSuffix(e.Name(), ".yaml") {
				names = append(names, path.Join(dir, e.Name()))
			}
		}
	}
	names = append(names, PartnershipsFile, FiguresFile)
	type job struct {
		name string
		out  chan *parsed
	}
	jobs := make(chan job, len(names))
	l.pre = make(map[string]chan *parsed, len(names))
	for _, n := range names {
		out := make(chan *parsed, 1)
		l.pre[n] = out
		jobs <- job{n, out}
	}
	close(jobs)
	for range min(runtime.GOMAXPROCS(0), 2) {
		go func() {
			for j := range jobs {
				data, err := fs.ReadFile(l.fsys, j.name)
				if err != nil {
					j.out <- nil
					continue
				}
				j.out <- parse(data)
			}
		}()
	}
}

// parsedFor is the decoded data of the named file: prefetched, when the
// prefetch read the same bytes, else decoded now.
func (l *loader) parsedFor(name string, data []byte) *parsed {
	if out, ok := l.pre[name]; ok {
		delete(l.pre, name)
		if p := <-out; p != nil && bytes.Equal(p.data, data) {
			return p
		}
	}
	return parse(data)
}
