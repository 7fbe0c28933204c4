package dashboards_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/plantrack/plantrack/dashboards/internal/browsertest"
)

// pdfPages counts the pages of a PDF Chromium printed (its page objects).
var pdfPage = regexp.MustCompile(`/Type\s*/Page[^s]`)

// TestReportPrintsOnA4 prints the Cần Thơ 2018-H1 report as Chromium
// prints on paper (A4, the stylesheet's @page): it fits one page, as an
// office files it; the synthetic province's 29 indicators and its
// districts take more than one and each page starts with a whole row
// (break-inside: avoid), checked by eye in the page images. With
// $PLANTRACK_SCREENSHOTS set it leaves the Cần Thơ page and the province's
// second page as PNG images there (pdftoppm), to look at.
func TestReportPrintsOnA4(t *testing.T) {
	b := browsertest.New(t)
	base, _ := demoServer(t)
	dir := t.TempDir()
	for _, c := range []struct {
		path     string
		min, max int
		image    string
		page     string // the page to picture: the province's second shows the table carried over
	}{
		{"/units/can-tho/report?period=2018-H1&lang=vi", 1, 1, "report-can-tho-vi-a4", "1"},
		{"/units/demo-province/report?lang=vi", 2, 3, "report-province-vi-a4", "2"},
	} {
		if err := b.Load(base + c.path); err != nil {
			t.Fatal(err)
		}
		pdf := filepath.Join(dir, c.image+".pdf")
		if err := b.PDF(pdf); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(pdf)
		if err != nil {
			t.Fatal(err)
		}
		if n := len(pdfPage.FindAll(data, -1)); n < c.min || n > c.max {
			t.Errorf("%s prints on %d A4 pages, want %d–%d", c.path, n, c.min, c.max)
		}
		if !bytes.Contains(data, []byte("%PDF")) {
			t.Errorf("%s: not a PDF", c.path)
		}
		if shots := os.Getenv("PLANTRACK_SCREENSHOTS"); shots != "" {
			out := filepath.Join(shots, c.image)
			if err := exec.Command("pdftoppm", "-r", "80", "-png", "-f", c.page, "-l", c.page, "-singlefile", pdf, out).Run(); err != nil {
				t.Errorf("pdftoppm: %v", err)
			}
		}
	}
}
