package buildinfo

import (
	"runtime/debug"
	"testing"
)

func TestFromBuildInfo(t *testing.T) {
	tests := []struct {
		name string
		bi   debug.BuildInfo
		want string
	}{
		{"stamped", debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.3"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0123abc"}, {Key: "vcs.time", Value: "2026-11-20T10:00:00Z"}, {Key: "vcs.modified", Value: "false"}}},
			"engagiert v1.2.3 (revision 0123abc, 2026-11-20T10:00:00Z) go1.26.8"},
		{"dirty checkout", debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0123abc"}, {Key: "vcs.modified", Value: "true"}}},
			"engagiert (devel) (revision 0123abc, modified) go1.26.8"},
		{"not stamped", debug.BuildInfo{GoVersion: "go1.26.8"},
			"engagiert (devel) (revision unknown: built without VCS information) go1.26.8"},
	}
	for _, tt := range tests {
		if got := FromBuildInfo(&tt.bi).String(); got != tt.want {
			t.Errorf("%s: FromBuildInfo(...).String() = %q, want %q", tt.name, got, tt.want)
		}
	}
}
