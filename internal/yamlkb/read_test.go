package yamlkb

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"
)

// goodDir copies testdata/good into a temp directory the test may break.
func goodDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "knowledge")
	if err := os.CopyFS(dir, os.DirFS("testdata/good")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// loadDirBounded runs LoadDir and fails the test if it takes over 5 s: the
// point of these tests is that nothing in the directory can make it hang.
func loadDirBounded(t *testing.T, dir string) error {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		_, err := LoadDir(dir)
		done <- err
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(5 * time.Second):
		t.Fatalf("LoadDir(%s) still running after 5 s", dir)
		return nil
	}
}

func TestLoadDirGood(t *testing.T) {
	dir := goodDir(t)
	if err := loadDirBounded(t, dir); err != nil {
		t.Fatalf("LoadDir(good) = %v", err)
	}
	// A symlink that stays inside the directory is followed, as a
	// Kubernetes ConfigMap mount needs.
	data := filepath.Join(dir, "..data")
	if err := os.Mkdir(data, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(dir, PlacesFile), filepath.Join(data, PlacesFile)); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join("..data", PlacesFile), filepath.Join(dir, PlacesFile)); err != nil {
		t.Fatal(err)
	}
	if err := loadDirBounded(t, dir); err != nil {
		t.Errorf("LoadDir(places.yaml a symlink inside the directory) = %v, want nil", err)
	}
}

// TestLoadDirRefuses: a named pipe (nobody writes it: reading would wait
// for ever), a symlink out of the directory, one to /dev/zero (reading would
// never end) and a device are each reported by name, promptly, and the
// content of a file outside the directory never shows in the problems.
func TestLoadDirRefuses(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "secret.yaml")
	if err := os.WriteFile(outside, []byte("places: [TOPSECRET-CONTENT\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		make   func(t *testing.T, path string)
		phrase string
	}{
		{"named pipe", func(t *testing.T, path string) {
			if err := syscall.Mkfifo(path, 0o644); err != nil {
				t.Skipf("mkfifo: %v", err)
			}
		}, "it is a named pipe, not a regular file"},
		{"symlink out of the directory", func(t *testing.T, path string) {
			if err := os.Symlink(outside, path); err != nil {
				t.Fatal(err)
			}
		}, "it links out of the knowledge directory"},
		{"symlink to /dev/zero", func(t *testing.T, path string) {
			if err := os.Symlink("/dev/zero", path); err != nil {
				t.Fatal(err)
			}
		}, "it links out of the knowledge directory"},
		{"relative symlink out", func(t *testing.T, path string) {
			rel, err := filepath.Rel(filepath.Dir(path), outside)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(rel, path); err != nil {
				t.Fatal(err)
			}
		}, "it links out of the knowledge directory"},
		{"character device", func(t *testing.T, path string) {
			// /dev/null's numbers (1, 3); needs root, as in CI.
			if err := syscall.Mknod(path, syscall.S_IFCHR|0o644, 1<<8|3); err != nil {
				t.Skipf("mknod: %v", err)
			}
		}, "it is a character device, not a regular file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := goodDir(t)
			path := filepath.Join(dir, "networks", "regiopole.yaml")
			if err := os.Remove(path); err != nil {
				t.Fatal(err)
			}
			tt.make(t, path)
			err := loadDirBounded(t, dir)
			var ps *Problems
			if !errors.As(err, &ps) {
				t.Fatalf("LoadDir = %v, want *Problems", err)
			}
			text := ps.Error()
			if !strings.Contains(text, "networks/regiopole.yaml: cannot read file: "+tt.phrase) {
				t.Errorf("LoadDir problems = %q, want networks/regiopole.yaml: cannot read file: %s", text, tt.phrase)
			}
			if strings.Contains(text, "TOPSECRET") {
				t.Errorf("problems quote a file outside the directory: %q", text)
			}
		})
	}
}

func TestLoadSizeLimits(t *testing.T) {
	good := readDir(t, "testdata/good")
	big := "# " + strings.Repeat("x", MaxFileBytes) + "\n"
	t.Run("one file too large", func(t *testing.T) {
		fsys := fstest.MapFS{}
		for name, content := range good {
			fsys[name] = &fstest.MapFile{Data: []byte(content)}
		}
		fsys["networks/huge.yaml"] = &fstest.MapFile{Data: []byte(big)}
		_, err := Load(fsys)
		if err == nil || !strings.Contains(err.Error(), "networks/huge.yaml: file is larger than the limit of 2 MiB") {
			t.Errorf("Load(a %d-byte file) = %v, want it refused by name", len(big), err)
		}
	})
	t.Run("all files too large", func(t *testing.T) {
		fsys := fstest.MapFS{}
		for name, content := range good {
			fsys[name] = &fstest.MapFile{Data: []byte(content)}
		}
		chunk := "# " + strings.Repeat("x", MaxFileBytes-10) + "\n"
		for i := range MaxTotalBytes/MaxFileBytes + 1 {
			fsys[fmt.Sprintf("networks/n%d.yaml", i)] = &fstest.MapFile{Data: []byte(chunk)}
		}
		_, err := Load(fsys)
		if err == nil || !strings.Contains(err.Error(), "the knowledge files together are larger than the limit of 8 MiB") {
			t.Errorf("Load(%d MiB in all) = %v, want the total refused", MaxTotalBytes>>20+2, err)
		}
	})
}

// TestLoadProblemsCapped: a file with thousands of mistakes yields
// MaxProblems problems and a count of the rest, quickly.
func TestLoadProblemsCapped(t *testing.T) {
	good := readDir(t, "testdata/good")
	var b strings.Builder
	b.WriteString("places:\n")
	const n = 20000
	for i := range n {
		fmt.Fprintf(&b, "  - id: p%d\n    nmae: X\n", i)
	}
	fsys := fstest.MapFS{}
	for name, content := range good {
		fsys[name] = &fstest.MapFile{Data: []byte(content)}
	}
	fsys[PlacesFile] = &fstest.MapFile{Data: []byte(b.String())}
	start := time.Now()
	_, err := Load(fsys)
	var ps *Problems
	if !errors.As(err, &ps) {
		t.Fatalf("Load = %v, want *Problems", err)
	}
	if len(ps.List) != MaxProblems || ps.More < n {
		t.Errorf("Load kept %d problems and counted %d more, want %d and at least %d", len(ps.List), ps.More, MaxProblems, n)
	}
	lines := strings.Split(ps.Error(), "\n")
	if last := lines[len(lines)-1]; last != fmt.Sprintf("... and %d more", ps.More) {
		t.Errorf("last line of the error = %q, want %q", last, fmt.Sprintf("... and %d more", ps.More))
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("Load of %d broken places took %v", n, d)
	}
}
