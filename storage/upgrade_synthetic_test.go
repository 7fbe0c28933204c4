package storage

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
)

// TestUpgradeMarksDemoSampleFigures: a release-1 database holding figures
// the demo stored on a real unit before figures could be marked — one with
// the demo's "synthetic demo data" source, one with the seed report's —
// upgrades in place: the first is marked synthetic, and so is the item
// derived from it; the seed's is not. The observations view's insert
// trigger, recreated by 0008, takes the mark too.
func TestUpgradeMarksDemoSampleFigures(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "release1.db")
	buildRelease1DB(t, path)
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range [][]any{
		{2021, "Dữ liệu mô phỏng (synthetic demo data, not a real report)"},
		{2018, "Báo Cần Thơ (CTO), 11/06/2018"},
	} {
		if _, err := raw.Exec(`INSERT INTO observations (unit_id, indicator_id, year, first_month, last_month, value,
			report_status, reported_at, source, quote, retracted, via, token_name, file_name, recorded_at)
			VALUES (1, 7, ?, 1, 6, 40, 'official', '2021-07-05', ?, '', 0, 'demo', '', '', '2026-01-01T00:00:00Z')`,
			r...); err != nil {
			t.Fatal(err)
		}
	}
	raw.Close()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.w.ExecContext(ctx, `INSERT INTO observations (unit_id, indicator_id, year, first_month, last_month,
		value, report_status, reported_at, source, via, recorded_at, synthetic)
		VALUES (2, 7, 2021, 1, 6, 5, 'official', '2021-07-05', 'sample', 'csv', '2026-01-02T00:00:00Z', 1)`); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		unit, period string
		want         bool
	}{{"tinh-a", "2021-H1", true}, {"tinh-a", "2018-H1", false}, {"huyen-b", "2021-H1", true}, {"tinh-a", "2020-H1", false}} {
		obs, err := db.Observations(ctx, ObservationFilter{Unit: c.unit, Indicator: "traffic_accidents",
			From: MustParsePeriod(c.period), To: MustParsePeriod(c.period)})
		if err != nil || len(obs) != 1 || obs[0].Synthetic != c.want {
			t.Errorf("%s %s figures %+v %v, want one with synthetic %v", c.unit, c.period, obs, err, c.want)
		}
		pr, err := db.Progress(ctx, c.unit, MustParsePeriod(c.period), "")
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range pr.Items {
			if it.Indicator == "traffic_accidents" && it.Synthetic != c.want {
				t.Errorf("%s %s item synthetic %v, want %v", c.unit, c.period, it.Synthetic, c.want)
			}
		}
	}
}
