package slackapp

import (
	"context"
	"log/slog"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/engagiert/engagiert/internal/privacy"
)

// Bounded text. Whatever a user or a signed payload sends, a log line stays
// short: text a user wrote is cut to privacy.MaxText characters in a log
// field, an error (a decoder quoting a 200,000-digit number) to maxErrBytes,
// an id or type from a payload to maxIDBytes, a stack to
// recovery.MaxStackBytes. cmd/engagiert's log handler bounds every field
// again, for code outside this package (privacy.ReplaceAttr).
const (
	// maxErrBytes is the most bytes of an error or a panic in one log field.
	maxErrBytes = privacy.MaxErrBytes
	// maxIDBytes is the most bytes of an id or type name from a payload.
	maxIDBytes = 100
	// DefaultMaxQuestion is Config.MaxQuestion's default: what the engine
	// reads of a question (answer.MaxQuestion).
	DefaultMaxQuestion = 500
)

// clipText cuts user text for a log field (privacy.Clip).
func clipText(s string) string { return privacy.Clip(s) }

// clipBytes cuts s to at most n bytes (privacy.ClipBytes).
func clipBytes(s string, n int) string { return privacy.ClipBytes(s, n) }

// errText is err for a log field, cut to maxErrBytes; "" for nil.
func errText(err error) string {
	if err == nil {
		return ""
	}
	return clipBytes(err.Error(), maxErrBytes)
}

// cutQuestion is q as the engine reads it: valid UTF-8, trimmed, at most
// Config.MaxQuestion characters, without a half word at the end (the
// engine's own rule, so that two questions cut to the same text get the
// same answer, and a cache keyed by it is right).
func (a *App) cutQuestion(q string) string {
	q = strings.TrimSpace(strings.ToValidUTF8(q, ""))
	max := a.cfg.MaxQuestion
	if len(q) <= max || utf8.RuneCountInString(q) <= max {
		return q
	}
	n := 0
	for i := range q {
		if n == max {
			q = q[:i]
			break
		}
		n++
	}
	if i := strings.LastIndexAny(q, " \t\n"); i > 0 {
		q = q[:i]
	}
	return q
}

// deferredAttrs is a slog.Handler that keeps what Logger.With adds and
// hands it to the handler under it only when a record is written. Every
// request gets a logger with its ids, and slog's JSON and text handlers
// format those attributes at once, in With: for a request that logs
// nothing, as most do, that was work for nothing (issue 17). What is
// written is the same, the attributes are only formatted later.
type deferredAttrs struct {
	h     slog.Handler
	attrs []slog.Attr
}

// deferAttrs wraps log's handler in deferredAttrs, once.
func deferAttrs(log *slog.Logger) *slog.Logger {
	if _, ok := log.Handler().(*deferredAttrs); ok {
		return log
	}
	return slog.New(&deferredAttrs{h: log.Handler()})
}

func (d *deferredAttrs) Enabled(ctx context.Context, l slog.Level) bool { return d.h.Enabled(ctx, l) }

// WithAttrs keeps as itself when d has none yet: a Handler owns the slice
// it is given.
func (d *deferredAttrs) WithAttrs(as []slog.Attr) slog.Handler {
	switch {
	case len(as) == 0:
		return d
	case len(d.attrs) == 0:
		return &deferredAttrs{h: d.h, attrs: as}
	}
	return &deferredAttrs{h: d.h, attrs: slices.Concat(d.attrs, as)}
}

// withAttrs is log.With(as...) for attributes made as slog.Attr: Logger.With
// builds the slice from its arguments one at a time, growing it, on every
// request (issue 17).
func withAttrs(log *slog.Logger, as ...slog.Attr) *slog.Logger {
	return slog.New(log.Handler().WithAttrs(as))
}

// WithGroup hands the attributes kept so far on first: they belong
// outside the group.
func (d *deferredAttrs) WithGroup(name string) slog.Handler {
	if name == "" {
		return d
	}
	return &deferredAttrs{h: d.handler().WithGroup(name)}
}

func (d *deferredAttrs) Handle(ctx context.Context, r slog.Record) error {
	return d.handler().Handle(ctx, r)
}

// handler is the handler under d with d's attributes.
func (d *deferredAttrs) handler() slog.Handler {
	if len(d.attrs) == 0 {
		return d.h
	}
	return d.h.WithAttrs(d.attrs)
}
