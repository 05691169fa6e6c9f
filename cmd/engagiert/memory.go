package main

import (
	"log/slog"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
)

// cgroupRoot is where the container's memory limit is read from.
const cgroupRoot = "/sys/fs/cgroup"

// memoryLimitShare is the part of the container's memory limit the Go heap
// may take before the collector works harder: the rest is for stacks,
// kernel buffers and what the runtime does not count.
const memoryLimitShare = 0.8

// limitMemory sets the Go runtime's soft memory limit. GOMEMLIMIT, when
// set, is honoured as the runtime reads it. Otherwise, in a container with a
// memory limit (cgroup v2 memory.max, or v1 memory.limit_in_bytes), the limit
// is 80 % of it, so the collector runs harder before the kernel kills the
// process. Without either, there is no limit; the bounds on connections and
// bodies keep memory small all the same.
func limitMemory(getenv func(string) string, root string, log *slog.Logger) {
	if v := getenv("GOMEMLIMIT"); v != "" {
		log.Info("memory limit", "source", "GOMEMLIMIT", "value", v, "limit_bytes", debug.SetMemoryLimit(-1))
		return
	}
	limit, from := cgroupMemoryLimit(root)
	if limit <= 0 {
		log.Info("memory limit", "source", "none")
		return
	}
	soft := int64(float64(limit) * memoryLimitShare)
	debug.SetMemoryLimit(soft)
	log.Info("memory limit", "source", from, "cgroup_limit_bytes", limit, "limit_bytes", soft)
}

// cgroupMemoryLimit returns the memory limit of the cgroup the process runs
// in, 0 if there is none, and the file it came from.
func cgroupMemoryLimit(root string) (int64, string) {
	for _, f := range []string{filepath.Join(root, "memory.max"), filepath.Join(root, "memory", "memory.limit_in_bytes")} {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		v := strings.TrimSpace(string(b))
		if v == "max" {
			return 0, f
		}
		n, err := strconv.ParseInt(v, 10, 64)
		// cgroup v1 says "no limit" with a huge number (about 2^63 rounded to pages).
		if err != nil || n <= 0 || n >= math.MaxInt64/2 {
			return 0, f
		}
		return n, f
	}
	return 0, ""
}
