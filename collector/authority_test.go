package collector

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/plantrack/plantrack/storage"
)

// The same figures and plans in the three file formats: percents naming
// their plans, and plans by authority, with a reference and a term.
const authorityCSVObs = `unit,indicator,period,value,reported_plan_percent_central,reported_plan_percent_council,reported_at
can-tho,budget_revenue,2020-9M,14490,"103,5","98,1",2020-09-25
`

const authorityCSVPlans = `unit,indicator,year,term,authority,basis,reference,target,target_low,target_high,adopted_on
can-tho,budget_revenue,2020,,central,value,,14000,,,2019-11-20
can-tho,budget_revenue,2020,,,value,,14765,,,2019-12-10
can-tho,credit_outstanding,2020,,council,growth,previous_december,14,,,2019-12-10
can-tho,poverty_rate,2020,,council,points,,,-1.5,-1,2019-12-10
can-tho,grdp,,2021-2025,party,average_growth,,7,,,2020-10-15
`

const authorityJSON = `{"observations":[{"unit":"can-tho","indicator":"budget_revenue","period":"2020-9M","value":14490,
 "reported_plan_percents":[{"authority":"council","percent":98.1},{"authority":"central","percent":103.5}],"reported_at":"2020-09-25"}],
 "plans":[{"unit":"can-tho","indicator":"budget_revenue","year":2020,"authority":"central","basis":"value","target":14000,"adopted_on":"2019-11-20"},
 {"unit":"can-tho","indicator":"budget_revenue","year":2020,"basis":"value","target":14765,"adopted_on":"2019-12-10"},
 {"unit":"can-tho","indicator":"credit_outstanding","year":2020,"basis":"growth","reference":"previous_december","target":14,"adopted_on":"2019-12-10"},
 {"unit":"can-tho","indicator":"poverty_rate","year":2020,"basis":"points","target_low":-1.5,"target_high":-1,"adopted_on":"2019-12-10"},
 {"unit":"can-tho","indicator":"grdp","term":"2021-2025","authority":"party","basis":"average_growth","target":7,"adopted_on":"2020-10-15"}]}`

// TestAuthorityFieldsEveryFormat imports the same content as CSV, as JSON
// and as XLSX into three databases, checks they hold the same, and that
// the CSV and JSON exports re-import as a no-op.
func TestAuthorityFieldsEveryFormat(t *testing.T) {
	ctx := context.Background()
	var snaps []string
	for _, format := range []string{"csv", "json", "xlsx"} {
		c, db := newTestCollector(t)
		switch format {
		case "csv":
			mustImport(t, c, authorityCSVObs, FormatCSV, "vi")
			mustImport(t, c, authorityCSVPlans, FormatCSV, "vi")
		case "json":
			mustImport(t, c, authorityJSON, FormatJSON, "")
		case "xlsx":
			b := workbook(t, map[string][][]any{
				"observations": {{"unit", "indicator", "period", "value", "reported_plan_percent_central", "reported_plan_percent_council", "reported_at"},
					{"can-tho", "budget_revenue", "2020-9M", 14490, "103.5", "98.1", "2020-09-25"}},
				"plans": tableRows(authorityCSVPlans),
			}, []string{"observations", "plans"}, nil, nil)
			if _, err := c.ImportReader(ctx, bytes.NewReader(b), FormatXLSX, Options{Locale: "en"}); err != nil {
				t.Fatalf("xlsx: %v", err)
			}
		}
		obs, err := db.Observations(ctx, storage.ObservationFilter{Unit: "can-tho", AsOf: "2020-12-31"})
		if err != nil || len(obs) != 1 || obs[0].ReportedPlanPercents.String() != "council:98.1;central:103.5" {
			t.Fatalf("%s: observations %+v, %v", format, obs, err)
		}
		plans, err := db.Plans(ctx, storage.PlanFilter{Unit: "can-tho"})
		if err != nil || len(plans) != 5 {
			t.Fatalf("%s: plans %+v, %v", format, plans, err)
		}
		var pj []string
		for _, p := range plans {
			pj = append(pj, strings.Join([]string{p.Indicator, p.Term.String(), string(p.Authority), string(p.Basis), p.Reference}, "/"))
		}
		snaps = append(snaps, strings.Join(pj, " "))
		for _, ef := range []string{FormatCSV, FormatJSON} {
			before := snapshot(t, c, db)
			var out bytes.Buffer
			if err := c.Export(ctx, &out, ef, storage.ObservationFilter{AsOf: "9999-12-31"}); err != nil {
				t.Fatal(err)
			}
			rep, err := c.ImportReader(ctx, &out, ef, Options{})
			if err != nil || rep.Result.New != 0 {
				t.Fatalf("%s: re-import of the %s export: %+v, %v", format, ef, rep.Result, err)
			}
			if after := snapshot(t, c, db); after != before {
				t.Fatalf("%s: re-import of the %s export changed the database", format, ef)
			}
		}
	}
	if snaps[0] != snaps[1] || snaps[1] != snaps[2] {
		t.Fatalf("the formats stored different plans:\ncsv  %s\njson %s\nxlsx %s", snaps[0], snaps[1], snaps[2])
	}
}

func mustImport(t *testing.T, c *Collector, body, format, locale string) Report {
	t.Helper()
	rep, err := c.ImportReader(context.Background(), strings.NewReader(body), format, Options{Locale: locale})
	if err != nil {
		t.Fatalf("import %s: %v", format, err)
	}
	return rep
}

// tableRows splits a small CSV text (no quoted commas) into sheet rows.
func tableRows(csv string) [][]any {
	var out [][]any
	for _, line := range strings.Split(strings.TrimSpace(csv), "\n") {
		var row []any
		for _, cell := range strings.Split(line, ",") {
			row = append(row, cell)
		}
		out = append(out, row)
	}
	return out
}

// TestAuthorityFieldsRefused: each bad new field is refused naming its
// row and field, and nothing is stored.
func TestAuthorityFieldsRefused(t *testing.T) {
	c, db := newTestCollector(t)
	before := snapshot(t, c, db)
	cases := []struct {
		format, body string
		row          int
		field        string
	}{
		{FormatCSV, "unit,indicator,year,authority,basis,target\ncan-tho,grdp,2020,province,growth,7\n", 2, "authority"},
		{FormatCSV, "unit,indicator,year,basis,target\ncan-tho,grdp,2020,average_growth,7\n", 2, "basis"},
		{FormatCSV, "unit,indicator,term,basis,target\ncan-tho,grdp,2021-2021,average_growth,7\n", 2, "term"},
		{FormatCSV, "unit,indicator,year,basis,reference,target\ncan-tho,grdp,2020,value,previous_december,7\n", 2, "reference"},
		{FormatCSV, "unit,indicator,year,term,basis,target\ncan-tho,grdp,2020,2021-2025,average_growth,7\n", 2, "term"},
		{FormatJSON, `{"observations":[{"unit":"can-tho","indicator":"grdp","period":"2020","value":1,
			"reported_plan_percents":[{"authority":"tw","percent":100}]}]}`, 1, "reported_plan_percents"},
		{FormatJSON, `{"observations":[{"unit":"can-tho","indicator":"grdp","period":"2020","value":1,
			"reported_plan_percents":[{"authority":"central","percent":100},{"authority":"central","percent":90}]}]}`, 1, "reported_plan_percents"},
		{FormatJSON, `{"plans":[{"unit":"can-tho","indicator":"grdp","term":"2021-25","basis":"average_growth","target":7}]}`, 1, "term"},
	}
	for i, tc := range cases {
		_, err := c.ImportReader(context.Background(), strings.NewReader(tc.body), tc.format, Options{Locale: "en"})
		var e *storage.Error
		if !asStorageErr(err, &e) {
			t.Errorf("case %d: %v, want a storage error", i, err)
			continue
		}
		found := false
		for _, d := range e.Details {
			found = found || (d.Row == tc.row && d.Field == tc.field)
		}
		if !found {
			t.Errorf("case %d: %v (%+v), want row %d field %s named", i, err, e.Details, tc.row, tc.field)
		}
	}
	if after := snapshot(t, c, db); after != before {
		t.Fatal("refused imports changed the database")
	}
}

func asStorageErr(err error, e **storage.Error) bool {
	se, ok := err.(*storage.Error)
	*e = se
	return ok
}
