// Package testtool finds the real programs some tests run — Chromium,
// prometheus, promtool — and decides what happens when one is missing: the
// test is skipped on a developer's machine, and fails under CI=true, where
// the tools must be installed, so a broken install cannot pass silently.
package testtool

import (
	"os"
	"os/exec"
	"testing"
)

// installPrometheus says how to get prometheus and promtool.
const installPrometheus = "apt-get install -y --no-install-recommends prometheus"

// Prometheus returns the path of the prometheus server, or skips (fails
// under CI=true) the test without it.
func Prometheus(t testing.TB) string {
	t.Helper()
	return lookPath(t, "prometheus", installPrometheus)
}

// Promtool returns the path of promtool, or skips (fails under CI=true) the
// test without it.
func Promtool(t testing.TB) string {
	t.Helper()
	return lookPath(t, "promtool", installPrometheus)
}

func lookPath(t testing.TB, name, install string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		Missing(t, name+" is not installed ("+install+")")
	}
	return p
}

// Missing ends a test that cannot run without a tool, saying what is
// missing and how to install it: t.Fatal under CI=true, t.Skip elsewhere.
func Missing(t testing.TB, msg string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}
