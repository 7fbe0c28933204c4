package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

var updateUpgrade = flag.Bool("update-upgrade", false,
	"rewrite testdata/upgrade_release1.json from this code (run it on the release before 0003)")

const upgradeGolden = "testdata/upgrade_release1.json"

// buildRelease1DB writes, with plain SQL and without this package's
// writer, a database as the release before migration 0003 left it: the
// 0001 and 0002 schemas recorded as applied, the catalog's indicators as
// that release seeded them, and units, figures (revisions, retractions,
// packed and unpacked rows) and plans (versions, growth and value bases)
// in the old columns only.
func buildRelease1DB(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.Exec(q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	for _, name := range []string{"0001_init.sql", "0002_tokens.sql"} {
		body, err := migrationFiles.ReadFile("migrations/" + name)
		if err != nil {
			t.Fatal(err)
		}
		exec(string(body))
	}
	exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`)
	exec(`INSERT INTO schema_migrations VALUES (1, '0001_init.sql', '2026-01-01T00:00:00Z'), (2, '0002_tokens.sql', '2026-01-01T00:00:00Z')`)
	// The release's catalog rows that the figures below use, as it stored them.
	inds := [][]any{
		{1, "grdp", "Tổng sản phẩm trên địa bàn (GRDP)", "Gross regional domestic product (GRDP)", "billion_vnd", "flow", "up", "linear", "real"},
		{2, "industrial_production_index", "Chỉ số sản xuất công nghiệp (IIP)", "Industrial production index (IIP)", "index", "level", "up", "linear", "real"},
		{3, "retail_sales", "Tổng mức bán lẻ", "Retail sales", "billion_vnd", "flow", "up", "seasonal", "nominal"},
		{4, "budget_revenue", "Thu ngân sách", "State budget revenue", "billion_vnd", "flow", "up", "linear", "nominal"},
		{5, "cpi", "Chỉ số giá tiêu dùng (CPI)", "Consumer price index (CPI)", "index", "level", "down", "none", "nominal"},
		{6, "poverty_rate", "Tỷ lệ hộ nghèo", "Poverty rate", "percent", "level", "down", "linear", "nominal"},
		{7, "traffic_accidents", "Số vụ tai nạn giao thông", "Traffic accidents", "cases", "flow", "down", "linear", "nominal"},
	}
	for _, r := range inds {
		exec(`INSERT INTO indicators (id, code, name_vi, name_en, measure, kind, direction, pace_profile, growth_basis)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, r...)
	}
	exec(`INSERT INTO units (id, code, name_vi, name_en, parent_id, synthetic) VALUES
		(1, 'tinh-a', 'Tỉnh A', 'Province A', NULL, 0), (2, 'huyen-b', 'Huyện B', 'District B', 1, 0),
		(3, 'huyen-c', 'Huyện C', 'District C', 1, 0)`)
	obs := func(unit, ind, year, first, last int, value any, status, pp, yp any, at string, retracted int, packed bool) {
		var pk any
		if packed {
			pk = packFigure(Period{year, first, last}, retracted == 1, ReportStatus(status.(string)))
		}
		exec(`INSERT INTO observations (unit_id, indicator_id, year, first_month, last_month, value, report_status,
			reported_plan_percent, reported_yoy_percent, reported_at, source, quote, retracted, via, token_name,
			file_name, recorded_at, packed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'report', '', ?, 'csv', '', 'old.csv',
			'2026-01-01T00:00:00Z', ?)`, unit, ind, year, first, last, value, status, pp, yp, at, retracted, pk)
	}
	// GRDP: H1 and years, reported real growth.
	obs(1, 1, 2019, 1, 6, 26000.0, "official", nil, "7.0", "2019-07-05", 0, true)
	obs(1, 1, 2019, 1, 12, 54000.0, "official", nil, "7.1", "2020-01-05", 0, true)
	obs(1, 1, 2020, 1, 6, 28478.0, "estimate", nil, "7.43", "2020-06-20", 0, false)
	// Retail sales: quarters and H1, a revision and a retraction.
	obs(1, 3, 2019, 1, 3, 10000.0, "official", nil, nil, "2019-04-05", 0, true)
	obs(1, 3, 2019, 4, 6, 11000.0, "official", nil, nil, "2019-07-05", 0, true)
	obs(1, 3, 2019, 1, 12, 45000.5, "official", nil, nil, "2020-01-05", 0, true)
	obs(1, 3, 2020, 1, 3, 10800.2, "preliminary", "24.1", "8", "2020-04-05", 0, true)
	obs(1, 3, 2020, 1, 3, 10850.2, "official", "24.2", "8.5", "2020-05-05", 0, false)
	obs(1, 3, 2020, 1, 6, 23100.7, "estimate", "50.3", "9.9", "2020-06-20", 0, true)
	obs(1, 3, 2020, 4, 6, 12500.0, "estimate", nil, nil, "2020-06-20", 0, true)
	obs(1, 3, 2020, 4, 6, 12500.0, "estimate", nil, nil, "2020-06-25", 1, true)
	obs(2, 3, 2020, 1, 6, 11000.0, "estimate", nil, nil, "2020-06-20", 0, true)
	obs(3, 3, 2020, 1, 6, 12600.0, "estimate", nil, nil, "2020-06-20", 0, true)
	obs(2, 3, 2019, 1, 6, 10100.0, "official", nil, nil, "2019-07-05", 0, true)
	obs(3, 3, 2019, 1, 6, 10900.0, "official", nil, nil, "2019-07-05", 0, true)
	// Budget revenue: only percents of an implied plan.
	obs(1, 4, 2020, 1, 6, 7060.0, "estimate", "49.6", nil, "2020-06-20", 0, true)
	obs(1, 4, 2020, 1, 9, 10500.0, "estimate", "73.1", nil, "2020-09-20", 0, true)
	// IIP, CPI, poverty: levels.
	obs(1, 2, 2019, 1, 6, 106.1, "official", nil, "6.1", "2019-07-05", 0, true)
	obs(1, 2, 2020, 1, 6, 107.35, "estimate", nil, "7.35", "2020-06-20", 0, true)
	obs(1, 5, 2019, 1, 6, 102.8, "official", nil, "2.8", "2019-07-05", 0, true)
	obs(1, 5, 2020, 1, 6, 104.1, "estimate", nil, "4.1", "2020-06-20", 0, true)
	obs(1, 6, 2019, 1, 12, 4.2, "official", nil, nil, "2020-01-05", 0, true)
	obs(1, 6, 2020, 1, 6, 3.6, "estimate", nil, nil, "2020-06-20", 0, true)
	obs(2, 6, 2020, 1, 6, 3.1, "estimate", nil, nil, "2020-06-20", 0, true)
	obs(3, 6, 2020, 1, 6, 4.4, "estimate", nil, nil, "2020-06-20", 0, true)
	obs(1, 7, 2020, 1, 6, 41.0, "estimate", nil, nil, "2020-06-20", 0, true)
	plan := func(unit, ind, year int, version, basis string, t, lo, hi any, adopted string) {
		exec(`INSERT INTO plans (unit_id, indicator_id, year, version, basis, target, target_low, target_high,
			adopted_on, source, via, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'resolution', 'csv',
			'2026-01-01T00:00:00Z')`, unit, ind, year, version, basis, t, lo, hi, adopted)
	}
	plan(1, 1, 2020, "original", "growth", nil, 7.0, 7.5, "2019-12-10")
	plan(1, 3, 2020, "original", "value", 46000.0, nil, nil, "2019-12-10")
	plan(1, 3, 2020, "adjusted", "value", 44000.0, nil, nil, "2020-07-15")
	plan(1, 3, 2020, "adjusted", "value", 44500.0, nil, nil, "2020-07-20")
	plan(1, 6, 2020, "original", "value", 3.5, nil, nil, "2019-12-10")
	plan(1, 7, 2020, "original", "value", 80.0, nil, nil, "2019-12-10")
	plan(1, 2, 2020, "original", "growth", 8.0, nil, nil, "2019-12-10")
}

// release1Answers is every read answer over the release-1 database, as
// JSON, keyed by a name. Only the API the release had is used.
func release1Answers(t *testing.T, db *DB) map[string]json.RawMessage {
	t.Helper()
	ctx := context.Background()
	out := map[string]json.RawMessage{}
	put := func(name string, v any, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		out[name] = b
	}
	h1 := MustParsePeriod("2020-H1")
	for _, asOf := range []string{"2020-06-30", "2020-12-31"} {
		for _, u := range []string{"tinh-a", "huyen-b"} {
			pr, err := db.Progress(ctx, u, h1, asOf)
			put("progress/"+u+"/"+asOf, pr, err)
		}
		pr, err := db.Progress(ctx, "tinh-a", Period{}, asOf)
		put("progress-latest/"+asOf, pr, err)
		for _, ind := range []string{"grdp", "retail_sales", "budget_revenue", "poverty_rate", "cpi", "industrial_production_index"} {
			s, err := db.Series(ctx, "tinh-a", ind, asOf)
			put("series/"+ind+"/"+asOf, s, err)
		}
		q, err := db.Quality(ctx, QualityFilter{Unit: "tinh-a", AsOf: asOf})
		put("quality/"+asOf, q, err)
		c, err := db.Compare(ctx, CompareQuery{Unit: "tinh-a", A: MustParsePeriod("2019-H1"), B: h1, AsOf: asOf})
		put("compare-unit/"+asOf, c, err)
		c, err = db.Compare(ctx, CompareQuery{Indicator: "retail_sales", Parent: "tinh-a", A: MustParsePeriod("2019-H1"), B: h1, AsOf: asOf})
		put("compare-children/"+asOf, c, err)
		l, err := db.Latest(ctx, 1, asOf)
		put("latest/"+asOf, l, err)
		cs, err := db.ChildrenStatus(ctx, "tinh-a", h1, asOf)
		put("children-status/"+asOf, cs, err)
	}
	p, err := db.Plans(ctx, PlanFilter{})
	put("plans", p, err)
	p, err = db.Plans(ctx, PlanFilter{History: true, Year: 2020})
	put("plans-history-2020", p, err)
	o, err := db.Observations(ctx, ObservationFilter{History: true})
	put("observations-history", o, err)
	o, err = db.Observations(ctx, ObservationFilter{AsOf: "2020-12-31"})
	put("observations", o, err)
	u, err := db.Units(ctx)
	put("units", u, err)
	for _, code := range []string{"grdp", "retail_sales", "cpi"} {
		i, err := db.Indicator(ctx, code)
		put("indicator/"+code, i, err)
	}
	return out
}

// TestUpgradeFromRelease1 opens a database made by the release before
// migration 0003 with this code, and checks that it upgrades in place and
// answers every read exactly as that release did: every field the release
// wrote keeps its value (fields added since may appear beside them). The
// expected answers were written by the release itself (-update-upgrade).
// Two changes are deliberate (SPEC §2 revision 2) and allowed for: ratios
// lose their binary noise (compared at 10 significant digits), and the
// growth of real indicators is the reported growth, never the
// current-price ratio, so their yoy and pace are checked by that rule
// instead (GRDP 2020-H1: reported +7.43% → yoy 0.0743, the old 0.0953 is
// now yoy_nominal; plan 7–7.5 → on_track, where the release said ahead).
func TestUpgradeFromRelease1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "release1.db")
	buildRelease1DB(t, path)
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open of a release-1 database: %v", err)
	}
	defer db.Close()
	got := release1Answers(t, db)
	if *updateUpgrade {
		b, err := json.MarshalIndent(got, "", " ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(upgradeGolden, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	raw, err := os.ReadFile(upgradeGolden)
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]json.RawMessage
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	names := make([]string, 0, len(want))
	for n := range want {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		var w, g any
		if err := json.Unmarshal(want[n], &w); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(got[n], &g); err != nil {
			t.Fatalf("%s: no answer: %v", n, err)
		}
		if diff := subsetDiff(n, w, g); diff != "" {
			t.Errorf("answer changed after the upgrade: %s", diff)
		}
	}
	var pr struct {
		Items []struct {
			Indicator  string
			YoY        *float64 `json:"yoy"`
			YoYNominal *float64 `json:"yoy_nominal"`
			Pace       string
		}
	}
	if err := json.Unmarshal(got["progress/tinh-a/2020-12-31"], &pr); err != nil {
		t.Fatal(err)
	}
	g := pr.Items[0]
	// 28478 ÷ 26000 − 1 = 0.09530769231 (10 significant digits).
	if g.Indicator != "grdp" || g.YoY == nil || *g.YoY != 0.0743 || g.YoYNominal == nil ||
		*g.YoYNominal != 0.09530769231 || g.Pace != "on_track" {
		t.Fatalf("GRDP after the upgrade: %+v", g)
	}
}

// realIndicators are the release database's indicators with growth_basis
// real, whose yoy and pace follow revision 2's rule instead.
var realIndicators = map[string]bool{"grdp": true, "industrial_production_index": true}

// subsetDiff reports the first place where got lacks or changes something
// want has; keys only got has are allowed (fields added since).
func subsetDiff(at string, want, got any) string {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return fmt.Sprintf("%s: want an object, got %v", at, got)
		}
		keys := make([]string, 0, len(w))
		ind, _ := w["indicator"].(string)
		for k := range w {
			if realIndicators[ind] && (strings.HasPrefix(k, "yoy") || strings.HasPrefix(k, "pace")) {
				continue
			}
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			gv, ok := g[k]
			if !ok {
				return fmt.Sprintf("%s.%s: missing (want %v)", at, k, w[k])
			}
			if d := subsetDiff(at+"."+k, w[k], gv); d != "" {
				return d
			}
		}
		return ""
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return fmt.Sprintf("%s: want %d elements, got %v", at, len(w), got)
		}
		for i := range w {
			if d := subsetDiff(fmt.Sprintf("%s[%d]", at, i), w[i], g[i]); d != "" {
				return d
			}
		}
		return ""
	}
	if wf, ok := want.(float64); ok {
		if gf, ok := got.(float64); ok && sig10(wf) == gf {
			return ""
		}
	}
	if !reflect.DeepEqual(want, got) {
		return fmt.Sprintf("%s: want %v, got %v", at, want, got)
	}
	return ""
}
