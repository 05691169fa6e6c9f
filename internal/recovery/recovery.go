// Package recovery holds what the places that recover panics share: a
// stack short enough for one log line.
package recovery

import (
	"fmt"
	"runtime"
	"strings"
)

// MaxStackBytes bounds the stack Stack returns, so that the log line of a
// panic stays under 2 KB like every other.
const MaxStackBytes = 1200

// Stack is the stack of the calling goroutine above Stack's caller (which
// is left out, with skip more frames), as one line per function
// ("pkg.Func file.go:12"), without the runtime's frames and cut to
// MaxStackBytes: enough to find the bug. Stack(0) in a deferred function
// that recovered starts where the panic happened.
func Stack(skip int) string {
	pcs := make([]uintptr, 32)
	n := runtime.Callers(skip+3, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	var b strings.Builder
	for {
		f, more := frames.Next()
		if !strings.HasPrefix(f.Function, "runtime.") {
			file := f.File
			if i := strings.LastIndexByte(file, '/'); i >= 0 {
				file = file[i+1:]
			}
			line := fmt.Sprintf("%s %s:%d\n", f.Function, file, f.Line)
			if b.Len()+len(line) > MaxStackBytes {
				b.WriteString("…")
				break
			}
			b.WriteString(line)
		}
		if !more {
			break
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}
