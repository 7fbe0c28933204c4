package collector

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/plantrack/plantrack/storage"
)

// stallingReader serves r, but once half of it has been read waits for ctx
// to end before serving the rest: an import still running at its deadline.
type stallingReader struct {
	r       io.Reader
	ctx     context.Context
	n, half int
}

func (s *stallingReader) Read(p []byte) (int, error) {
	if s.n >= s.half {
		<-s.ctx.Done()
	} else if len(p) > s.half-s.n {
		p = p[:s.half-s.n]
	}
	k, err := s.r.Read(p)
	s.n += k
	return k, err
}

// TestImportHonoursItsDeadline: a request's deadline that passes in the
// middle of an import stops it at the next row check; the answer is "too
// large" (413) and nothing is stored.
func TestImportHonoursItsDeadline(t *testing.T) {
	c, db := newTestCollector(t)
	before := snapshot(t, c, db)
	var b strings.Builder
	b.WriteString("unit,indicator,period,value\n")
	for i := 0; i < 5000; i++ {
		fmt.Fprintf(&b, "can-tho,retail_sales,%d-M01,%d\n", 1901+i%1000, i)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	r := &stallingReader{r: strings.NewReader(b.String()), ctx: ctx, half: b.Len() / 2}
	_, err := c.ImportReader(ctx, r, FormatCSV, Options{})
	storageErr(t, err, storage.CodeTooLarge)
	if snapshot(t, c, db) != before {
		t.Fatal("an import stopped at its deadline stored something")
	}
}
