package collector

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/plantrack/plantrack/storage"
)

// bombWorkbook writes a well-formed workbook whose sheet XML is written by
// sheet (the rows after a header row unit, indicator, period, value) and,
// when shared is not nil, a shared-strings part written by it.
func bombWorkbook(w io.Writer, sheet, shared func(io.Writer)) error {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestSpeed) // builds the bombs fast; they stay a few MB
	})
	part := func(name, body string, more func(io.Writer), tail string) error {
		pw, err := zw.Create(name)
		if err != nil {
			return err
		}
		bw := bufio.NewWriterSize(pw, 1<<20)
		io.WriteString(bw, body)
		if more != nil {
			more(bw)
		}
		io.WriteString(bw, tail)
		return bw.Flush()
	}
	ct := `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
		`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
		`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`
	rels := `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
	wb := `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
		`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="observations" sheetId="1" r:id="rId1"/></sheets></workbook>`
	wbRels := `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`
	header := `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
		`<row r="1"><c r="A1" t="inlineStr"><is><t>unit</t></is></c><c r="B1" t="inlineStr"><is><t>indicator</t></is></c>` +
		`<c r="C1" t="inlineStr"><is><t>period</t></is></c><c r="D1" t="inlineStr"><is><t>value</t></is></c></row>`
	for _, p := range []struct {
		name, body string
		more       func(io.Writer)
		tail       string
	}{
		{"[Content_Types].xml", ct, nil, ""}, {"_rels/.rels", rels, nil, ""}, {"xl/workbook.xml", wb, nil, ""},
		{"xl/_rels/workbook.xml.rels", wbRels, nil, ""},
		{"xl/sharedStrings.xml", `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`, shared, `</sst>`},
		{"xl/worksheets/sheet1.xml", header, sheet, `</sheetData></worksheet>`},
	} {
		if err := part(p.name, p.body, p.more, p.tail); err != nil {
			return err
		}
	}
	return zw.Close()
}

// repeat writes n copies of b.
func repeat(w io.Writer, b byte, n int) {
	chunk := bytes.Repeat([]byte{b}, 1<<20)
	for n > 0 {
		k := min(n, len(chunk))
		w.Write(chunk[:k])
		n -= k
	}
}

// xlsxBombs are issue 17's workbooks, built here and never committed.
func xlsxBombs() map[string]func(io.Writer) error {
	return map[string]func(io.Writer) error{
		// One 900 MB cell (inline text) in a 0.9 MB file.
		"one_900MB_cell": func(w io.Writer) error {
			return bombWorkbook(w, func(w io.Writer) {
				io.WriteString(w, `<row r="2"><c r="A2" t="inlineStr"><is><t>`)
				repeat(w, 'A', 900<<20)
				io.WriteString(w, `</t></is></c></row>`)
			}, nil)
		},
		// 900 MB of shared strings: 30,000 strings of 31,457 characters,
		// each under Excel's own cell limit.
		"900MB_shared_strings": func(w io.Writer) error {
			return bombWorkbook(w, nil, func(w io.Writer) {
				for i := 0; i < 30000; i++ {
					io.WriteString(w, "<si><t>")
					repeat(w, 'B', 900<<20/30000)
					io.WriteString(w, "</t></si>")
				}
			})
		},
		// Three million blank rows.
		"blank_rows": func(w io.Writer) error {
			return bombWorkbook(w, func(w io.Writer) {
				for r := 2; r < 3_000_000; r++ {
					fmt.Fprintf(w, `<row r="%d"/>`, r)
				}
			}, nil)
		},
		// One cell in the last row: the reader would fill every row above.
		"last_row": func(w io.Writer) error {
			return bombWorkbook(w, func(w io.Writer) {
				io.WriteString(w, `<row r="1048576"><c r="A1048576"><v>1</v></c></row>`)
			}, nil)
		},
		// Cells in the last column: the reader pads every row to 16,384
		// cells.
		"last_column": func(w io.Writer) error {
			return bombWorkbook(w, func(w io.Writer) {
				for r := 2; r < 50000; r++ {
					fmt.Fprintf(w, `<row r="%d"><c r="XFD%d"><v>1</v></c></row>`, r, r)
				}
			}, nil)
		},
	}
}

// TestXLSXBombsRefused builds each bomb, imports it in a child process with
// the HTTP import's row cap (100,000) and expects it refused (413 or 422)
// with nothing stored, measuring the child's peak memory (VmHWM, its
// resident high-water mark: rusage's maxrss would include the parent's
// memory at fork) and wall time. A small workbook from the same builder imports, so the
// refusals are for size, not for the builder's markup.
func TestXLSXBombsRefused(t *testing.T) {
	if testing.Short() {
		t.Skip("builds gigabyte-sized XML")
	}
	c, _ := newTestCollector(t)
	var small bytes.Buffer
	if err := bombWorkbook(&small, func(w io.Writer) {
		io.WriteString(w, `<row r="2"><c r="A2" t="inlineStr"><is><t>can-tho</t></is></c><c r="B2" t="inlineStr"><is><t>retail_sales</t></is></c>`+
			`<c r="C2" t="inlineStr"><is><t>2018-M01</t></is></c><c r="D2"><v>5</v></c></row>`)
	}, nil); err != nil {
		t.Fatal(err)
	}
	rep, err := c.ImportReader(context.Background(), bytes.NewReader(small.Bytes()), FormatXLSX, Options{MaxRows: 100000})
	if err != nil || rep.Result.New != 1 {
		t.Fatalf("the builder's small workbook: %+v, %v", rep.Result, err)
	}
	dir := t.TempDir()
	for name, build := range xlsxBombs() {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name+".xlsx")
			f, err := os.Create(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := build(f); err != nil {
				t.Fatal(err)
			}
			f.Close()
			st, _ := os.Stat(path)
			cmd := exec.Command(os.Args[0], "-test.run=^TestXLSXBombChild$", "-test.count=1")
			cmd.Env = append(os.Environ(), "PLANTRACK_XLSX_BOMB="+path)
			start := time.Now()
			out, err := cmd.CombinedOutput()
			took := time.Since(start)
			if err != nil {
				t.Fatalf("child: %v\n%s", err, out)
			}
			var code string
			var peak int64 // MiB
			if i := bytes.Index(out, []byte("code=")); i >= 0 {
				var kb int64
				fmt.Sscanf(string(out[i:]), "code=%s peak_kb=%d", &code, &kb)
				code, peak = "code="+code, kb>>10
			}
			t.Logf("%s (%d KB file): refused %s in %.2f s, child peak RSS %d MB", name, st.Size()>>10, code, took.Seconds(), peak)
			if code != "code="+storage.CodeTooLarge && code != "code="+storage.CodeValidation {
				t.Errorf("not refused for size: %s", out)
			}
			if peak > 300 {
				t.Errorf("peak memory %d MB, want under 300 MB", peak)
			}
		})
	}
}

// TestXLSXBombChild is the child process of TestXLSXBombsRefused: it
// imports the file named by PLANTRACK_XLSX_BOMB into a fresh database and
// prints the error code and whether anything was stored.
func TestXLSXBombChild(t *testing.T) {
	path := os.Getenv("PLANTRACK_XLSX_BOMB")
	if path == "" {
		t.Skip("run by TestXLSXBombsRefused")
	}
	c, db := newTestCollector(t)
	before := snapshot(t, c, db)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_, err = c.ImportReader(context.Background(), f, FormatXLSX, Options{MaxRows: 100000})
	if snapshot(t, c, db) != before {
		t.Fatal("a refused workbook stored something")
	}
	fmt.Printf("code=%s peak_kb=%d\n%v\n", storage.ErrorCode(err), residentPeakKB(t), err)
}

// residentPeakKB reads this process's resident high-water mark (Linux).
func residentPeakKB(t *testing.T) int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kb int64
			fmt.Sscanf(strings.TrimSpace(v), "%d", &kb)
			return kb
		}
	}
	t.Fatal("no VmHWM in /proc/self/status")
	return 0
}
