package storage

import (
	"context"
	"database/sql"
	"testing"
)

// TestReadersStayOpen: after 20 readers used a connection each at once (a
// busy server's requests), all 20 are kept idle, none closed, so the next
// burst opens none (opening one serialises on SQLite's global mutex).
func TestReadersStayOpen(t *testing.T) {
	db, _ := openTestDB(t)
	ctx := context.Background()
	var conns []*sql.Conn
	for range 20 {
		c, err := db.r.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'data_version'`).Scan(new(int64)); err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
	}
	opened := db.r.Stats().OpenConnections
	for _, c := range conns {
		c.Close()
	}
	st := db.r.Stats()
	if opened < 20 || st.Idle != opened || st.MaxIdleClosed != 0 {
		t.Fatalf("after %d connections in use at once: %d idle, %d closed for the idle limit; want all kept", opened, st.Idle, st.MaxIdleClosed)
	}
}
