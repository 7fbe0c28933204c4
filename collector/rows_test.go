package collector

import (
	"context"
	"testing"

	"github.com/plantrack/plantrack/storage"
)

// TestImportRowsNamesFormRows: typed rows are read as a file's rows are
// (Vietnamese numbers: 63.135,5 is 63135.5), stored all or nothing, and a
// problem names the row's own number on the form and the field.
func TestImportRowsNamesFormRows(t *testing.T) {
	c, db := newTestCollector(t)
	ctx := context.Background()
	before := snapshot(t, c, db)
	rows := []Row{
		{N: 2, Cells: map[string]string{"unit": "can-tho", "indicator": "retail_sales", "period": "2018-H1", "value": "63.135,5"}},
		{N: 5, Cells: map[string]string{"unit": "can-tho", "indicator": "exports", "period": "2018-H7", "value": "942"}},
	}
	_, err := c.ImportRows(ctx, rows, Options{Locale: LocaleVI})
	e := storageErr(t, err, storage.CodeValidation)
	if len(e.Details) != 1 || !hasDetail(e, "", 5, "period") {
		t.Fatalf("details %+v, want one naming form row 5, field period", e.Details)
	}
	if snapshot(t, c, db) != before {
		t.Fatal("a refused form changed the database")
	}
	rows[1].Cells["period"] = "2018-H1"
	rep, err := c.ImportRows(ctx, rows, Options{Locale: LocaleVI})
	if err != nil || rep.Result.New != 2 || rep.Format != FormatForm {
		t.Fatalf("report %+v, %v; want 2 new from a form", rep, err)
	}
	obs, err := db.Observations(ctx, storage.ObservationFilter{Unit: "can-tho", Indicator: "retail_sales"})
	if err != nil || len(obs) != 1 || obs[0].Value == nil || *obs[0].Value != 63135.5 {
		t.Fatalf("stored %+v, %v; want 63135.5", obs, err)
	}
	hist, err := db.Revisions(ctx, "can-tho", "exports", storage.MustParsePeriod("2018-H1"))
	if err != nil || len(hist) != 1 || hist[0].Provenance == nil || hist[0].Provenance.Via != FormatForm {
		t.Errorf("revisions %+v, %v: want one arriving via form", hist, err)
	}
	if _, err := c.ImportRows(ctx, []Row{{N: 1, Cells: map[string]string{"colour": "red"}}}, Options{}); storage.ErrorCode(err) != storage.CodeInvalid {
		t.Errorf("an unknown column: %v, want an invalid-request error", err)
	}
}
