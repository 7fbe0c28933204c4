package collector

import (
	"bytes"
	"context"
	"runtime"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/plantrack/plantrack/storage"
)

// denseWorkbook writes a workbook of rows identical data rows: it
// compresses to a few bytes per row.
func denseWorkbook(t *testing.T, rows int) []byte {
	t.Helper()
	x := excelize.NewFile()
	defer x.Close()
	sw, err := x.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	sw.SetRow("A1", []any{"unit", "indicator", "period", "value"})
	for r := 2; r <= rows+1; r++ {
		cell, _ := excelize.CoordinatesToCellName(1, r)
		if err := sw.SetRow(cell, []any{"can-tho", "retail_sales", "2018-M01", r}); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := x.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestXLSXRowCapBeforeLoading imports a small workbook of 100,000 dense
// rows with a cap of 500 (as an HTTP import has): it is refused as too
// large before the sheet is loaded whole — which took about 3.5 KB of
// memory per row, so a 32 MiB upload could take tens of gigabytes.
func TestXLSXRowCapBeforeLoading(t *testing.T) {
	c, _ := newTestCollector(t)
	data := denseWorkbook(t, 100000)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := c.ImportReader(context.Background(), bytes.NewReader(data), FormatXLSX, Options{MaxRows: 500})
	runtime.ReadMemStats(&after)
	storageErr(t, err, storage.CodeTooLarge)
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
		t.Errorf("refusing a %d-byte workbook allocated %d MB", len(data), alloc>>20)
	}
}
