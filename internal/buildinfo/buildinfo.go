// Package buildinfo says which build of engagiert is running: the module
// version, the VCS revision and its time, and whether the tree had
// uncommitted changes, as the Go toolchain stamped them into the binary
// (debug.ReadBuildInfo). `engagiert version`, /readyz and the metric
// engagiert_build_info all show it, so a container can say what it runs.
package buildinfo

import (
	"runtime"
	"runtime/debug"
	"strings"
)

// Info is one build of engagiert.
type Info struct {
	// Version is the module version: a tag for `go install ...@v1.2.3`,
	// "(devel)" for a build from a checkout.
	Version string `json:"version"`
	// Revision is the VCS commit, Time its commit time (RFC 3339) and
	// Modified whether the tree had uncommitted changes; all empty when
	// the build was not stamped (go build -buildvcs=false, no .git).
	Revision string `json:"revision,omitempty"`
	Time     string `json:"time,omitempty"`
	Modified bool   `json:"modified,omitempty"`
	// Go is the toolchain that built it.
	Go string `json:"go"`
}

// Read returns the build of the running binary.
func Read() Info {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return Info{Version: "unknown", Go: runtime.Version()}
	}
	return FromBuildInfo(bi)
}

// FromBuildInfo reads an Info from what the toolchain stamped.
func FromBuildInfo(bi *debug.BuildInfo) Info {
	in := Info{Version: bi.Main.Version, Go: bi.GoVersion}
	if in.Version == "" {
		in.Version = "(devel)"
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			in.Revision = s.Value
		case "vcs.time":
			in.Time = s.Value
		case "vcs.modified":
			in.Modified = s.Value == "true"
		}
	}
	return in
}

// String is the build on one line: "engagiert VERSION (revision REV, TIME,
// modified) GO", or "revision unknown" for a build without VCS stamping.
func (in Info) String() string {
	var b strings.Builder
	b.WriteString("engagiert " + in.Version + " (")
	if in.Revision == "" {
		b.WriteString("revision unknown: built without VCS information")
	} else {
		b.WriteString("revision " + in.Revision)
		if in.Time != "" {
			b.WriteString(", " + in.Time)
		}
		if in.Modified {
			b.WriteString(", modified")
		}
	}
	b.WriteString(") " + in.Go)
	return b.String()
}
