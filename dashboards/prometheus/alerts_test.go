// Package prometheus_test checks the Prometheus alerting rules shipped in
// alerts.yml with promtool: syntax (check rules) and behaviour on sample
// series (test rules, alerts_test.yml).
package prometheus_test

import (
	"os"
	"os/exec"
	"testing"
)

func promtool(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("promtool")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("promtool is not installed (apt-get install -y --no-install-recommends prometheus)")
		}
		t.Skip("promtool is not installed")
	}
	return p
}

func TestAlertRulesAreValid(t *testing.T) {
	out, err := exec.Command(promtool(t), "check", "rules", "alerts.yml").CombinedOutput()
	if err != nil {
		t.Fatalf("promtool check rules alerts.yml: %v\n%s", err, out)
	}
}

func TestAlertRulesFireAsIntended(t *testing.T) {
	out, err := exec.Command(promtool(t), "test", "rules", "alerts_test.yml").CombinedOutput()
	if err != nil {
		t.Fatalf("promtool test rules alerts_test.yml: %v\n%s", err, out)
	}
}
