package reload

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"syscall"
)

// maxHashBytes caps how much of the files fingerprint reads in all; past
// it, sizes and mtimes alone tell changes (the loader refuses such a base
// anyway).
const maxHashBytes = 16 << 20

// fingerprint sums up the state of the files under dir: each name with its
// kind, size, mtime and a hash of its content. Two equal fingerprints taken
// a window apart mean nobody wrote in between. It reads through os.Root and
// opens regular files only, so a named pipe or a link out of dir cannot
// hang or flood it; editors' swap and backup files are left out, as Watch
// ignores them.
func fingerprint(dir string) (string, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return "", err
	}
	defer root.Close()
	h := sha256.New()
	budget := int64(maxHashBytes)
	err = fs.WalkDir(root.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			fmt.Fprintf(h, "%s\x00error %v\x00", p, err)
			return nil
		}
		if d.IsDir() || !relevantName(path.Base(p)) {
			return nil
		}
		fi, err := root.Stat(filepath.FromSlash(p)) // follows links within dir only
		if err != nil {
			fmt.Fprintf(h, "%s\x00unreadable\x00", p)
			return nil
		}
		fmt.Fprintf(h, "%s\x00%v\x00%d\x00%d\x00", p, fi.Mode().Type(), fi.Size(), fi.ModTime().UnixNano())
		if !fi.Mode().IsRegular() || budget <= 0 {
			return nil
		}
		f, err := root.OpenFile(filepath.FromSlash(p), os.O_RDONLY|syscall.O_NONBLOCK, 0)
		if err != nil {
			return nil
		}
		defer f.Close()
		if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
			return nil
		}
		n, _ := io.Copy(h, io.LimitReader(f, budget))
		budget -= n
		fmt.Fprintf(h, "\x00%d\x00", n)
		return nil
	})
	if err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
