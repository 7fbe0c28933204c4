package collector

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plantrack/plantrack/storage"
)

type where struct {
	sheet string
	row   int
	field string
}

// TestRejectedFilesStoreNothing imports one bad fixture per rejection kind
// into a database that already holds figures, and checks the error's code,
// that it names exactly the bad rows and fields, and that the database is
// unchanged.
func TestRejectedFilesStoreNothing(t *testing.T) {
	cases := []struct {
		file string
		opt  Options
		code string
		want []where
	}{
		{"bad_unknown_column.csv", Options{}, storage.CodeInvalid, []where{{"", 1, "colour"}}},
		{"bad_number.csv", Options{}, storage.CodeValidation, []where{{"", 3, "value"}}},
		{"bad_ambiguous.csv", Options{}, storage.CodeValidation, []where{{"", 2, "value"}}},
		{"bad_period.csv", Options{}, storage.CodeValidation, []where{{"", 2, "period"}}},
		{"bad_status.csv", Options{}, storage.CodeValidation, []where{{"", 2, "report_status"}}},
		{"bad_percent.csv", Options{}, storage.CodeValidation,
			[]where{{"", 2, "reported_plan_percent"}, {"", 3, "reported_yoy_percent"}}},
		{"bad_unknown_unit.csv", Options{}, storage.CodeValidation, []where{{"", 3, "unit"}}},
		{"bad_unknown_indicator.csv", Options{}, storage.CodeValidation, []where{{"", 2, "indicator"}}},
		{"bad_conflict.csv", Options{}, storage.CodeConflict, []where{{"", 3, "period"}}},
		{"bad_missing_value.csv", Options{}, storage.CodeValidation, []where{{"", 2, "value"}}},
		{"bad_date.csv", Options{}, storage.CodeValidation, []where{{"", 2, "reported_at"}}},
		{"bad_malformed.csv", Options{}, storage.CodeInvalid, nil},
		{"bad_encoding.csv", Options{}, storage.CodeValidation, []where{{"", 2, "source"}}},
		{"bad_field_count.csv", Options{}, storage.CodeValidation, []where{{"", 3, ""}}},
		{"bad_plans.csv", Options{}, storage.CodeValidation,
			[]where{{"", 3, "target_low"}, {"", 4, "basis"}, {"", 5, "year"}, {"", 5, "target"}}},
		{"bad_one_row.csv", Options{}, storage.CodeValidation, []where{{"", 6, "indicator"}}},
		{"bad_unknown_key.json", Options{}, storage.CodeInvalid, nil},
		{"bad_unknown_field.json", Options{}, storage.CodeInvalid, []where{{"observations", 2, ""}}},
		{"bad_values.json", Options{}, storage.CodeValidation,
			[]where{{"observations", 2, "period"}, {"observations", 2, "value"}, {"observations", 3, "unit"}}},
		{"bad_malformed.json", Options{}, storage.CodeInvalid, nil},
		{"good_observations.csv", Options{Allow: onlyUnit("ninh-kieu")}, storage.CodeForbidden,
			[]where{{"", 2, "unit"}, {"", 3, "unit"}, {"", 4, "unit"}, {"", 5, "unit"}}},
		{"good_observations.csv", Options{MaxRows: 3}, storage.CodeTooLarge, nil},
		{"good_observations.csv", Options{Locale: "fr"}, storage.CodeInvalid, nil},
	}
	for _, tc := range cases {
		t.Run(fmt.Sprintf("%s/%s", tc.file, tc.code), func(t *testing.T) {
			c, db := newTestCollector(t)
			ctx := context.Background()
			if _, err := c.ImportFile(ctx, filepath.Join("testdata", "good_plans.csv"), Options{}); err != nil {
				t.Fatal(err)
			}
			before := snapshot(t, c, db)
			_, err := c.ImportFile(ctx, filepath.Join("testdata", tc.file), tc.opt)
			e := storageErr(t, err, tc.code)
			for _, w := range tc.want {
				if !hasDetail(e, w.sheet, w.row, w.field) {
					t.Errorf("no detail for sheet %q row %d field %q in %v", w.sheet, w.row, w.field, err)
				}
			}
			if tc.want != nil && len(e.Details) != len(tc.want) {
				t.Errorf("%d details, want %d: %v", len(e.Details), len(tc.want), err)
			}
			if after := snapshot(t, c, db); after != before {
				t.Fatalf("the rejected import changed the database:\n%s\n---\n%s", before, after)
			}
		})
	}
}

// onlyUnit allows the figures of one unit, as a reporter's scope does.
func onlyUnit(unit string) func(storage.Change) error {
	return func(c storage.Change) error {
		if c.Kind != storage.ChangeFigure || c.Code == unit {
			return nil
		}
		return storage.Errorf(storage.CodeForbidden, "only %s may be written", unit)
	}
}

// TestErrorReportIsCapped checks that a file with more problems than the
// cap lists the first maxDetails and states the total.
func TestErrorReportIsCapped(t *testing.T) {
	c, _ := newTestCollector(t)
	var b strings.Builder
	b.WriteString("unit,indicator,period,value\n")
	for i := 0; i < 250; i++ {
		fmt.Fprintf(&b, "can-tho,exports,2018-M%02d,x%d\n", i%12+1, i)
	}
	_, err := c.ImportReader(context.Background(), strings.NewReader(b.String()), FormatCSV, Options{})
	e := storageErr(t, err, storage.CodeValidation)
	if len(e.Details) != maxDetails || !strings.Contains(e.Message, "250 problem(s) in 250 row(s)") ||
		!strings.Contains(e.Message, "first 100 of 250") {
		t.Fatalf("%d details, message %q", len(e.Details), e.Message)
	}
	if e.Details[0].Row != 2 || e.Details[99].Row != 101 {
		t.Fatalf("details run from row %d to %d, want 2 to 101", e.Details[0].Row, e.Details[99].Row)
	}
}
