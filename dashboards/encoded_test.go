package dashboards

import (
	"fmt"
	"testing"
)

// The encoded answers never keep more than their byte budget: 100 answers
// of 1 MiB (a national comparison's size) against a 32 MiB budget keep at
// most 32 at a time, the account equals the kept bytes, and an answer over
// a quarter of the budget (9 MiB > 8 MiB) is not kept.
func TestEncodedAnswersByteBudget(t *testing.T) {
	var e encodedAnswers
	mib := make([]byte, 1<<20)
	for i := range 100 {
		e.put(fmt.Sprintf("k%03d", i), mib)
		sum := 0
		for k, b := range e.m {
			sum += len(k) + len(b)
		}
		if sum != e.bytes || e.bytes > encodedBudget {
			t.Fatalf("after %d puts: account %d, kept %d, budget %d", i+1, e.bytes, sum, encodedBudget)
		}
		if _, ok := e.get(fmt.Sprintf("k%03d", i)); !ok {
			t.Fatalf("the answer just put (%d) is missing", i)
		}
	}
	before := e.bytes
	e.put("giant", make([]byte, 9<<20))
	if _, ok := e.get("giant"); ok || e.bytes != before {
		t.Errorf("a 9 MiB answer was kept (bytes %d → %d)", before, e.bytes)
	}
}
