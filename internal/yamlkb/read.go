package yamlkb

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"syscall"

	"github.com/engagiert/engagiert/internal/domain"
)

// Limits of one load. The shipped base is about 330 KB in all, its largest
// file (sources.yaml) 85 KB; these leave room for twenty times that, and
// keep a mistaken or hostile file (a 50 MB dump, /dev/zero) from taking the
// bot's memory: a 2 MiB file of broken YAML entries peaks at about 190 MB of
// heap and takes a few seconds to parse and report.
const (
	// MaxFileBytes is the largest knowledge file read.
	MaxFileBytes = 2 << 20
	// MaxTotalBytes is the most all knowledge files together may hold.
	MaxTotalBytes = 8 << 20
	// MaxProblems is how many problems one load collects; the rest are
	// counted ("... and N more").
	MaxProblems = 200
)

// CheckDir is Check on the knowledge directory dir on disk, read through
// os.Root: symlinks may point within dir (Kubernetes ConfigMaps use them)
// but never out of it, and only regular files are read, so a named pipe, a
// device or a link to one cannot hang or flood the load.
func CheckDir(dir string, opt Options) (*domain.Base, *Report, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, &Report{}, &Problems{List: []Problem{{File: ".", Msg: fmt.Sprintf("cannot open the knowledge directory: %v", err),
			Hint: "ENGAGIERT_KNOWLEDGE or --knowledge must name a directory holding " + SourcesFile + ", " + PlacesFile + " and " + NetworksDir + "/"}}}
	}
	defer root.Close()
	return Check(rootFS{root}, opt)
}

// OpenDir opens the knowledge directory dir as CheckDir reads it, for
// callers that read it more than once (an Adder). Close the Closer.
func OpenDir(dir string) (fs.FS, io.Closer, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, nil, err
	}
	return rootFS{root}, root, nil
}

// rootFS is an fs.FS confined to an os.Root that opens regular files and
// directories only. It checks the kind before opening, so opening a named
// pipe never waits for a writer, and again on the open file, in case the
// name was swapped in between; O_NONBLOCK covers that window.
type rootFS struct{ root *os.Root }

// errNotRegular says a name is neither a regular file nor a directory.
var errNotRegular = errors.New("not a regular file")

func (r rootFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	fi, err := r.root.Stat(name)
	if err != nil {
		return nil, err
	}
	if err := regular(name, fi); err != nil {
		return nil, err
	}
	f, err := r.root.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	if fi, err = f.Stat(); err == nil {
		err = regular(name, fi)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

func regular(name string, fi fs.FileInfo) error {
	if fi.Mode().IsRegular() || fi.IsDir() {
		return nil
	}
	return &fs.PathError{Op: "open", Path: name, Err: fmt.Errorf("%w (%s)", errNotRegular, kindOf(fi.Mode()))}
}

func kindOf(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeSymlink != 0:
		return "a symlink"
	}
	return "mode " + m.String()
}

// readFile reads the file f names within the size limits, or reports why it
// cannot and returns false. Problems name the file, never its content.
func (l *loader) readFile(f *file) ([]byte, bool) {
	in, err := l.fsys.Open(f.name)
	size := int64(0) // as Stat says: the buffer to read into
	if err == nil {
		defer in.Close()
		var fi fs.FileInfo
		if fi, err = in.Stat(); err == nil {
			err, size = regular(f.name, fi), fi.Size()
		}
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		f.add(0, "a knowledge directory holds "+SourcesFile+", "+PlacesFile+" and "+NetworksDir+"/*.yaml", "file is missing")
		return nil, false
	case errors.Is(err, errNotRegular):
		f.add(0, "knowledge files must be regular files; replace it by the file itself", "cannot read file: %s", notRegularMsg(err))
		return nil, false
	case err != nil && strings.Contains(err.Error(), "path escapes from parent"):
		f.add(0, "copy the file into the knowledge directory instead of linking to it", "cannot read file: it links out of the knowledge directory")
		return nil, false
	case err != nil:
		f.add(0, "check the file's permissions", "cannot read file: %v", err)
		return nil, false
	}
	left := min(MaxFileBytes, MaxTotalBytes-l.total)
	// Read into a buffer of the file's size (and the room bytes.Buffer
	// wants to see the end), not one doubled from 512 bytes: a word list
	// is 360 KB.
	buf := bytes.NewBuffer(make([]byte, 0, max(0, min(size, left))+bytes.MinRead))
	_, err = buf.ReadFrom(io.LimitReader(in, left+1))
	data := buf.Bytes()
	if err != nil {
		f.add(0, "check the file's permissions", "cannot read file: %v", err)
		return nil, false
	}
	l.total += int64(len(data))
	if int64(len(data)) > left {
		if left < MaxFileBytes {
			f.add(0, "split the knowledge or remove what is not knowledge from the directory",
				"the knowledge files together are larger than the limit of %d MiB", MaxTotalBytes>>20)
		} else {
			f.add(0, "split the file, or check that it is the file you meant", "file is larger than the limit of %d MiB", MaxFileBytes>>20)
		}
		return nil, false
	}
	return data, true
}

// notRegularMsg is the "(a named pipe)" part of an errNotRegular error.
func notRegularMsg(err error) string {
	msg := err.Error()
	if i := strings.LastIndex(msg, "("); i >= 0 {
		return "it is " + strings.TrimSuffix(msg[i+1:], ")") + ", not a regular file"
	}
	return "not a regular file"
}
