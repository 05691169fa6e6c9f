package reload

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/engagiert/engagiert/internal/recovery"
	"github.com/fsnotify/fsnotify"
)

// Watch reloads the knowledge in dir whenever hup delivers a signal (main
// feeds it from signal.Notify with SIGHUP) and whenever a file under dir
// changes. It runs until ctx is done, and returns promptly then, even while
// a load hangs.
//
// A reload waits until the files are quiet for the debounce window, then
// until a fingerprint of them (each file's size, mtime and content hash)
// stays the same across a further window, and checks it again after the
// load: a file written in place in several steps (scp, rsync --inplace,
// some editors) is never loaded half-written, as long as its writer pauses
// for less than the window. Atomic saves (a temp file renamed over) are safe
// whatever the pause.
//
// It watches the directories, not the files, so editors that write a new
// file and rename it over the old one, and Kubernetes ConfigMaps that swap a
// symlink, are seen. It also watches dir's parent and, while dir is missing,
// checks for it every second, so a directory that is removed and created
// again, or replaced by a rename, is picked up. If file watching is not
// available at all, SIGHUP still works.
func (h *Holder) Watch(ctx context.Context, dir string, hup <-chan os.Signal, load LoadFunc, logger *slog.Logger) error {
	if dir == "" {
		return errors.New("reload: no knowledge directory to watch (the embedded base cannot change)")
	}
	dir = filepath.Clean(dir)
	// Problems name files relative to dir; the record says which dir.
	logger = logger.With("dir", dir)
	var events <-chan fsnotify.Event
	var watchErrs <-chan error
	w, err := fsnotify.NewWatcher()
	if err != nil {
		logger.Warn("knowledge file watching unavailable, reload with SIGHUP", "err", err)
	} else {
		defer w.Close()
		if !h.noFileEvents {
			events, watchErrs = w.Events, w.Errors
		}
	}
	present := h.rewatch(w, dir, logger)
	logger.Info("watching knowledge for changes", "files", w != nil, "present", present)
	wait, every := h.debounce, h.poll
	if wait <= 0 {
		wait = DefaultDebounce
	}
	if every <= 0 {
		every = time.Second
	}

	debounce := time.NewTimer(time.Hour)
	debounce.Stop()
	defer debounce.Stop()
	poll := time.NewTicker(every)
	defer poll.Stop()

	// settled is the fingerprint taken when the files were last quiet for a
	// window; "" until then. A reload needs the next one to match it.
	settled := ""
	changed := func() {
		settled = ""
		debounce.Reset(wait)
	}
	for {
		select {
		case <-ctx.Done():
			return nil
		case sig := <-hup:
			logger.Info("knowledge reload requested", "signal", sig.String())
			present = h.rewatch(w, dir, logger)
			changed()
		case ev, ok := <-events:
			if !ok {
				events = nil
				continue
			}
			if !relevant(dir, ev) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				// A new subdirectory must be watched before files land in it.
				present = h.rewatch(w, dir, logger)
			}
			changed()
		case err, ok := <-watchErrs:
			if !ok {
				watchErrs = nil
				continue
			}
			// Mostly a queue overflow: events were lost, so reload to be sure.
			logger.Warn("knowledge file watching", "err", err)
			changed()
		case <-debounce.C:
			fp, err := h.fingerprintBounded(ctx, dir, logger)
			if ctx.Err() != nil {
				return nil
			}
			if err != nil {
				// Missing or unreadable: the load reports it properly.
				fp = "error: " + err.Error()
			}
			if fp != settled {
				if settled != "" {
					logger.Info("knowledge files still changing; waiting for them to settle", "window_ms", wait.Milliseconds())
				}
				settled = fp
				debounce.Reset(wait)
				continue
			}
			settled = ""
			present = h.rewatch(w, dir, logger)
			err = h.Reload(ctx, h.checked(dir, fp, load), logger)
			if errors.Is(err, errFilesChanged) {
				changed()
			}
		case <-poll.C:
			if present {
				continue
			}
			if _, err := os.Stat(dir); err == nil {
				logger.Info("knowledge directory is back")
				changed()
			}
		}
	}
}

// checked is load followed by a check that the files are still the ones
// fingerprinted before it, so a load never mixes two states of the files.
func (h *Holder) checked(dir, before string, load LoadFunc) LoadFunc {
	return func(ctx context.Context) (*Snapshot, error) {
		s, err := load(ctx)
		after, ferr := fingerprint(dir)
		if ferr != nil {
			after = "error: " + ferr.Error()
		}
		if after != before {
			s.close(slog.New(slog.DiscardHandler))
			return nil, errFilesChanged
		}
		return s, err
	}
}

// fingerprintBounded is fingerprint within the load timeout: a hung file
// system must not wedge the watcher.
func (h *Holder) fingerprintBounded(ctx context.Context, dir string, logger *slog.Logger) (string, error) {
	type result struct {
		fp  string
		err error
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				h.Panicked(logger, r, recovery.Stack(0))
				done <- result{"", fmt.Errorf("fingerprint of %s panicked: %v", dir, r)}
			}
		}()
		fp, err := fingerprint(dir)
		done <- result{fp, err}
	}()
	t := time.NewTimer(h.loadTimeout())
	defer t.Stop()
	select {
	case r := <-done:
		return r.fp, r.err
	case <-ctx.Done():
		return "", ctx.Err()
	case <-t.C:
		return "", fmt.Errorf("fingerprint of %s timed out", dir)
	}
}

// rewatch drops the watches under dir and adds one for dir, each directory
// below it, and dir's parent. Starting afresh follows a directory that was
// replaced by a new one under the same name. It reports whether dir exists.
func (h *Holder) rewatch(w *fsnotify.Watcher, dir string, logger *slog.Logger) bool {
	_, statErr := os.Stat(dir)
	if w == nil {
		return statErr == nil
	}
	for _, p := range w.WatchList() {
		if within(dir, p) {
			w.Remove(p) // may already be gone with its directory
		}
	}
	parent := filepath.Dir(dir)
	if err := w.Add(parent); err != nil && !errors.Is(err, fs.ErrNotExist) {
		logger.Warn("knowledge file watching", "path", parent, "err", err)
	}
	if statErr != nil {
		return false
	}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if err := w.Add(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			logger.Warn("knowledge file watching", "path", p, "err", err)
		}
		return nil
	})
	return true
}

// relevant drops events that cannot change the knowledge: other entries in
// dir's parent, attribute changes, and editors' swap, backup and lock files,
// which vim and emacs rewrite every few seconds while a curator types.
func relevant(dir string, ev fsnotify.Event) bool {
	if ev.Op == fsnotify.Chmod || !within(dir, ev.Name) {
		return false
	}
	return relevantName(filepath.Base(ev.Name))
}

// relevantName is false for editors' swap, backup and lock files.
func relevantName(base string) bool {
	switch {
	case strings.HasSuffix(base, "~"), strings.HasPrefix(base, ".#"), base == "4913",
		strings.HasSuffix(base, ".swp"), strings.HasSuffix(base, ".swx"), strings.HasSuffix(base, ".swo"):
		return false
	}
	return true
}

// within reports whether path is dir or below it.
func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
