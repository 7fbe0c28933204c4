// Package prometheus_test checks the Prometheus alerting rules shipped in
// alerts.yml with promtool: syntax (check rules) and behaviour on sample
// series (test rules, alerts_test.yml).
package prometheus_test

import (
	"os/exec"
	"testing"

	"github.com/plantrack/plantrack/dashboards/internal/testtool"
)

func promtool(t *testing.T) string {
	t.Helper()
	return testtool.Promtool(t)
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
