package slackapp

import (
	"strings"
	"testing"

	"github.com/engagiert/engagiert/internal/buildinfo"
	"github.com/prometheus/client_golang/prometheus/testutil"
)

// TestBuildInfo: /readyz and engagiert_build_info say which build runs.
func TestBuildInfo(t *testing.T) {
	t.Parallel()
	build := buildinfo.Info{Version: "v1.2.3", Revision: "0123abc", Time: "2026-11-20T10:00:00Z", Go: "go1.26.8"}
	f := setup(t, func(c *Config) { c.Build = build })
	if _, r := readyz(t, f); r.Build != build {
		t.Errorf("/readyz build = %+v, want %+v", r.Build, build)
	}
	want := `
# HELP engagiert_build_info 1, labelled with the module version and VCS revision of the running binary (engagiert version).
# TYPE engagiert_build_info gauge
engagiert_build_info{revision="0123abc",version="v1.2.3"} 1
`
	if err := testutil.GatherAndCompare(f.reg, strings.NewReader(want), "engagiert_build_info"); err != nil {
		t.Error(err)
	}

	// Without Config.Build, the binary's own (a test binary: "(devel)" or a version).
	g := setup(t, nil)
	if _, r := readyz(t, g); r.Build.Version == "" || r.Build.Go == "" {
		t.Errorf("/readyz build = %+v, want the test binary's version and Go", r.Build)
	}
}
