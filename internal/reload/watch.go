package reload

import (
	"context"
	"errors"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watch reloads the knowledge in dir whenever hup delivers a signal (main
// feeds it from signal.Notify with SIGHUP) and, debounced, whenever a file
// under dir changes. It runs until ctx is done.
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
		events, watchErrs = w.Events, w.Errors
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

	for {
		select {
		case <-ctx.Done():
			return nil
		case sig := <-hup:
			logger.Info("knowledge reload requested", "signal", sig.String())
			present = h.rewatch(w, dir, logger)
			h.Reload(load, logger)
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
			debounce.Reset(wait)
		case err, ok := <-watchErrs:
			if !ok {
				watchErrs = nil
				continue
			}
			// Mostly a queue overflow: events were lost, so reload to be sure.
			logger.Warn("knowledge file watching", "err", err)
			debounce.Reset(wait)
		case <-debounce.C:
			present = h.rewatch(w, dir, logger)
			h.Reload(load, logger)
		case <-poll.C:
			if present {
				continue
			}
			if _, err := os.Stat(dir); err == nil {
				logger.Info("knowledge directory is back")
				debounce.Reset(wait)
			}
		}
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
	base := filepath.Base(ev.Name)
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
