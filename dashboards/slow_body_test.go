package dashboards

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestSlowBodyHoldsNoWriter is issue 17's fourth attack: a writer sends a
// JSON batch slowly and stops half-way. While its body is still arriving,
// another writer's batch is stored at once (the slow request has not taken
// the write lock); the slow batch is stored once it is complete.
func TestSlowBodyHoldsNoWriter(t *testing.T) {
	f := newFixture(t, nil)
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	body := batchJSON("ninh-kieu", "2018-Q3", "500")
	pr, pw := io.Pipe()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, f.srv.URL+"/api/v1/observations", pr)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", jsonCT)
	req.Header.Set("Authorization", "Bearer "+f.reporter)
	slow := make(chan int, 1)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			slow <- 0
			return
		}
		resp.Body.Close()
		slow <- resp.StatusCode
	}()
	// A pipe write returns once the server has read it: the slow request
	// is inside its handler, reading the body.
	if _, err := io.WriteString(pw, body[:len(body)/2]); err != nil {
		t.Fatal(err)
	}
	resp, b := f.do(http.MethodPost, "/api/v1/observations", strings.NewReader(batchJSON("cai-rang", "2018-Q3", "7")),
		append([]string{"Content-Type", jsonCT}, bearer(f.admin)...)...)
	f.expect(resp, b, http.StatusOK, nil)
	select {
	case code := <-slow:
		t.Fatalf("the slow request ended (%d) before its body was complete", code)
	default:
	}
	io.WriteString(pw, body[len(body)/2:])
	pw.Close()
	if code := <-slow; code != http.StatusOK {
		t.Fatalf("slow request: %d", code)
	}
	if f.count("ninh-kieu") == 0 {
		t.Fatal("the slow batch was not stored")
	}
}
