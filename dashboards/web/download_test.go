package web

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestDownloadsAreForExcel: the Vietnamese overview's CSV starts with a
// UTF-8 byte-order mark, heads its columns in Vietnamese, writes paces,
// statuses, measures and periods as words and completion as a percentage
// (retail sales: 63,135 ÷ 117,569.8 = 53.7 %), and is named
// can-tho-2018-H1-tong-quan.csv; the English one says "overview". The XLSX
// download holds the same table with numeric cells. The JSON download stays
// the machine format (codes, ratios).
func TestDownloadsAreForExcel(t *testing.T) {
	e := newTestEnv(t)
	_, body, hdr := e.get(t, "/units/can-tho?period=2018-H1&format=csv&lang=vi")
	if !strings.HasPrefix(body, "\ufeff") {
		t.Fatalf("no byte-order mark: %q", body[:min(20, len(body))])
	}
	if got := hdr.Get("Content-Disposition"); got != `attachment; filename="can-tho-2018-H1-tong-quan.csv"` {
		t.Errorf("Content-Disposition %q", got)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	head := strings.Join(rows[0], "|")
	for _, want := range []string{"Mã đơn vị", "Đơn vị tính", "Kỳ", "Tỷ lệ đạt KH (%)", "Tiến độ", "Loại số liệu"} {
		if !strings.Contains(head, want) {
			t.Errorf("header %q lacks %q", head, want)
		}
	}
	for _, code := range []string{"on_track", "billion_vnd", "estimate", "2018-H1", "completion"} {
		if strings.Contains(body[strings.Index(body, "\n"):], ","+code+",") {
			t.Errorf("CSV carries the code %q", code)
		}
	}
	retail := rowOf(t, rows, "retail_sales")
	mustContain(t, strings.Join(retail, "|"), "|tỷ đồng|", "|6 tháng đầu năm 2018|", "|63135|", "|ước tính|")
	if c := retail[indexOf(rows[0], "Tỷ lệ đạt KH (%)")]; !strings.HasPrefix(c, "53.7") {
		t.Errorf("completion cell %q, want 53.7…", c)
	}
	_, _, hdr = e.get(t, "/units/can-tho?period=2018-H1&format=csv&lang=en")
	if got := hdr.Get("Content-Disposition"); !strings.Contains(got, `"can-tho-2018-H1-overview.csv"`) {
		t.Errorf("English Content-Disposition %q", got)
	}
	_, xbody, hdr := e.get(t, "/units/can-tho?period=2018-H1&format=xlsx&lang=vi")
	if !strings.Contains(hdr.Get("Content-Disposition"), "can-tho-2018-H1-tong-quan.xlsx") {
		t.Errorf("XLSX Content-Disposition %q", hdr.Get("Content-Disposition"))
	}
	f, err := excelize.OpenReader(bytes.NewReader([]byte(xbody)))
	if err != nil {
		t.Fatal(err)
	}
	xrows, err := f.GetRows(f.GetSheetName(0))
	if err != nil || len(xrows) != len(rows) || xrows[0][0] != "Mã đơn vị" {
		t.Fatalf("XLSX rows %d (err %v), want %d with Vietnamese headers", len(xrows), err, len(rows))
	}
	for r, row := range xrows {
		if len(row) > 0 && row[1] == "retail_sales" {
			cell := "F" + itoa(r+1) // value
			if typ, _ := f.GetCellType(f.GetSheetName(0), cell); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
				t.Errorf("value cell %s is text, want a number", cell)
			}
		}
	}
	_, jbody, _ := e.get(t, "/units/can-tho?period=2018-H1&format=json&lang=vi")
	if strings.HasPrefix(jbody, "\ufeff") || !strings.Contains(jbody, `"pace": "`) || !strings.Contains(jbody, `"2018-H1"`) {
		t.Error("the JSON download is no longer the machine format")
	}
}

func rowOf(t *testing.T, rows [][]string, cell string) []string {
	t.Helper()
	for _, r := range rows {
		for _, c := range r {
			if c == cell {
				return r
			}
		}
	}
	t.Fatalf("no row holds %q", cell)
	return nil
}

func indexOf(cells []string, s string) int {
	for i, c := range cells {
		if c == s {
			return i
		}
	}
	return -1
}

// TestPagesAreCompressed: a page asked for with Accept-Encoding: gzip comes
// gzip-compressed (smaller, and the same page once inflated); without it,
// plain. Vary names Accept-Encoding either way.
func TestPagesAreCompressed(t *testing.T) {
	e := newTestEnv(t)
	_, plain, hdr := e.get(t, "/units/can-tho?period=2018-H1&lang=vi")
	if hdr.Get("Content-Encoding") != "" || !strings.Contains(strings.Join(hdr.Values("Vary"), ","), "Accept-Encoding") {
		t.Errorf("plain request: Content-Encoding %q, Vary %q", hdr.Get("Content-Encoding"), hdr.Get("Vary"))
	}
	_, zipped, hdr := e.get(t, "/units/can-tho?period=2018-H1&lang=vi", "Accept-Encoding", "gzip, deflate, br")
	if hdr.Get("Content-Encoding") != "gzip" {
		t.Fatalf("Content-Encoding %q, want gzip", hdr.Get("Content-Encoding"))
	}
	zr, err := gzip.NewReader(strings.NewReader(zipped))
	if err != nil {
		t.Fatal(err)
	}
	back, err := io.ReadAll(zr)
	if err != nil || string(back) != plain {
		t.Fatalf("inflated page differs from the plain one (err %v)", err)
	}
	if len(zipped)*3 > len(plain) {
		t.Errorf("gzip page %d bytes for %d plain, want under a third", len(zipped), len(plain))
	}
}
