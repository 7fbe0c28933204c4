// Package bench generates a deterministic country's worth of reports and
// measures plantrack's hot paths against their lower bounds (the benchmark
// command of BENCHMARKS.md).
package bench

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"

	"github.com/plantrack/plantrack/storage"
)

// Scale sizes a generated dataset.
type Scale struct {
	Name                string
	Provinces           int
	CommunesPerProvince int
	Indicators          int
	FirstYear, Years    int
	ReviseEvery         int // every n-th figure gets an official revision
}

// Scales lists the named scales of `plantrack bench --scale`.
func Scales() []Scale {
	return []Scale{
		{Name: "small", Provinces: 1, CommunesPerProvince: 20, Indicators: 60, FirstYear: 2015, Years: 10, ReviseEvery: 7},
		{Name: "province", Provinces: 1, CommunesPerProvince: 100, Indicators: 60, FirstYear: 2015, Years: 10, ReviseEvery: 7},
		{Name: "national", Provinces: 34, CommunesPerProvince: 97, Indicators: 60, FirstYear: 2015, Years: 10, ReviseEvery: 7},
	}
}

// ScaleByName returns the scale called name.
func ScaleByName(name string) (Scale, error) {
	for _, s := range Scales() {
		if s.Name == name {
			return s, nil
		}
	}
	return Scale{}, fmt.Errorf("unknown scale %q: use small, province or national", name)
}

// Units is the number of reporting units: a nation, its provinces and communes.
func (s Scale) Units() int { return 1 + s.Provinces*(1+s.CommunesPerProvince) }

// Observations is the number of figures the first file holds (one per unit,
// indicator and month).
func (s Scale) Observations() int { return s.Units() * s.Indicators * s.Years * 12 }

// Dataset names the files Generate wrote.
type Dataset struct {
	Dir          string
	Declarations string   // units and indicators (JSON import format)
	Plans        string   // yearly plans (CSV import format)
	Figures      []string // observation CSVs: estimates, then official revisions
	Rows         int      // observation rows over all figure files
	Province     string   // code of the first province
	Commune      string   // code of the first commune of the first province
	Indicator    string   // a flow indicator every unit reports
}

// unitCodes returns the hierarchy as codes with their parents.
func (s Scale) unitCodes() (codes, parents []string) {
	codes, parents = append(codes, "vn"), append(parents, "")
	for p := 1; p <= s.Provinces; p++ {
		pc := fmt.Sprintf("p%02d", p)
		codes, parents = append(codes, pc), append(parents, "vn")
		for c := 1; c <= s.CommunesPerProvince; c++ {
			codes, parents = append(codes, fmt.Sprintf("%s-c%03d", pc, c)), append(parents, pc)
		}
	}
	return codes, parents
}

// indicators returns the catalog's flows and levels padded with synthetic
// flows to s.Indicators.
func (s Scale) indicators() []storage.Indicator {
	inds := storage.Catalog()
	for i := len(inds); i < s.Indicators; i++ {
		inds = append(inds, storage.Indicator{Code: fmt.Sprintf("bench_%02d", i), NameVI: fmt.Sprintf("Chỉ tiêu thử %d", i),
			NameEN: fmt.Sprintf("Benchmark indicator %d", i), Measure: "billion_vnd", Kind: storage.KindFlow,
			Direction: storage.DirectionUp, PaceProfile: storage.PaceLinear, GrowthBasis: storage.GrowthNominal})
	}
	return inds[:s.Indicators]
}

// Generate writes the dataset of s into dir, deterministically: the same
// scale always yields byte-identical files.
func Generate(s Scale, dir string, progress func(done, total int)) (Dataset, error) {
	ds := Dataset{Dir: dir, Declarations: filepath.Join(dir, "units.json"), Plans: filepath.Join(dir, "plans.csv"),
		Figures: []string{filepath.Join(dir, "figures-estimate.csv"), filepath.Join(dir, "figures-official.csv")}}
	codes, parents := s.unitCodes()
	inds := s.indicators()
	ds.Province, ds.Commune, ds.Indicator = codes[1], codes[2], "retail_sales"
	if err := writeDeclarations(ds.Declarations, codes, parents, inds); err != nil {
		return ds, err
	}
	if err := writePlans(ds.Plans, s, codes, inds); err != nil {
		return ds, err
	}
	rows, err := writeFigures(ds.Figures, s, codes, inds, progress)
	ds.Rows = rows
	return ds, err
}

func writeDeclarations(path string, codes, parents []string, inds []storage.Indicator) error {
	type decl struct {
		Units      []storage.Unit      `json:"units"`
		Indicators []storage.Indicator `json:"indicators"`
	}
	var d decl
	for i, c := range codes {
		d.Units = append(d.Units, storage.Unit{Code: c, NameVI: "Đơn vị " + c, NameEN: "Unit " + c, Parent: parents[i], Synthetic: true})
	}
	d.Indicators = inds
	b, err := json.Marshal(d)
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

// base is a unit × indicator's yearly scale, stable across files.
func base(unit, ind int) float64 { return 100 + float64((unit*7919+ind*104729)%5000) }

func writePlans(path string, s Scale, codes []string, inds []storage.Indicator) error {
	return writeCSV(path, []string{"unit", "indicator", "year", "basis", "target", "version", "adopted_on", "source"}, func(w *csv.Writer) error {
		for u, code := range codes {
			for i, ind := range inds {
				if ind.Kind != storage.KindFlow {
					continue
				}
				for y := 0; y < s.Years; y++ {
					year := s.FirstYear + y
					target := math.Round(base(u, i) * 12 * math.Pow(1.08, float64(y)))
					if err := w.Write([]string{code, ind.Code, strconv.Itoa(year), "value", strconv.FormatFloat(target, 'f', -1, 64),
						"original", fmt.Sprintf("%d-01-05", year), "bench plan"}); err != nil {
						return err
					}
				}
			}
		}
		return nil
	})
}

var ytdCodes = [13]string{"", "M01", "2M", "Q1", "4M", "5M", "H1", "7M", "8M", "9M", "10M", "11M", ""}

func periodCode(year, month int) string {
	if month == 12 {
		return strconv.Itoa(year)
	}
	return fmt.Sprintf("%d-%s", year, ytdCodes[month])
}

func writeFigures(paths []string, s Scale, codes []string, inds []storage.Indicator, progress func(int, int)) (int, error) {
	header := []string{"unit", "indicator", "period", "value", "report_status", "reported_at", "source"}
	est, err := os.Create(paths[0])
	if err != nil {
		return 0, err
	}
	defer est.Close()
	off, err := os.Create(paths[1])
	if err != nil {
		return 0, err
	}
	defer off.Close()
	eb, ob := bufio.NewWriterSize(est, 1<<20), bufio.NewWriterSize(off, 1<<20)
	ew, ow := csv.NewWriter(eb), csv.NewWriter(ob)
	if err := ew.Write(header); err != nil {
		return 0, err
	}
	if err := ow.Write(header); err != nil {
		return 0, err
	}
	rng := rand.New(rand.NewPCG(2018, 6))
	total, rows, n := s.Observations(), 0, 0
	for u, code := range codes {
		for i, ind := range inds {
			for y := 0; y < s.Years; y++ {
				year := s.FirstYear + y
				ytd := 0.0
				for m := 1; m <= 12; m++ {
					month := base(u, i) * math.Pow(1.08, float64(y)) * (0.8 + 0.4*rng.Float64())
					if ind.Kind == storage.KindFlow {
						ytd += month
					} else {
						ytd = month
					}
					v := math.Round(ytd*10) / 10
					rec := []string{code, ind.Code, periodCode(year, m), strconv.FormatFloat(v, 'f', -1, 64), "estimate",
						fmt.Sprintf("%d-%02d-25", year, m), "bench"}
					if err := ew.Write(rec); err != nil {
						return rows, err
					}
					rows++
					n++
					if n%s.ReviseEvery == 0 {
						rec[3] = strconv.FormatFloat(math.Round(v*1.01*10)/10, 'f', -1, 64)
						rec[4] = "official"
						rec[5] = fmt.Sprintf("%d-%02d-10", year+boolInt(m == 12), m%12+1)
						if err := ow.Write(rec); err != nil {
							return rows, err
						}
						rows++
					}
					if progress != nil && n%100000 == 0 {
						progress(n, total)
					}
				}
			}
		}
	}
	ew.Flush()
	ow.Flush()
	if err := ew.Error(); err != nil {
		return rows, err
	}
	if err := ow.Error(); err != nil {
		return rows, err
	}
	if err := eb.Flush(); err != nil {
		return rows, err
	}
	if err := ob.Flush(); err != nil {
		return rows, err
	}
	if progress != nil {
		progress(total, total)
	}
	return rows, nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func writeCSV(path string, header []string, body func(*csv.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	bw := bufio.NewWriterSize(f, 1<<20)
	w := csv.NewWriter(bw)
	if err := w.Write(header); err != nil {
		return err
	}
	if err := body(w); err != nil {
		return err
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return f.Close()
}
