package demo

import (
	"fmt"

	"github.com/plantrack/plantrack/storage"
)

// The synthetic sample province: its units and how each catalog indicator
// behaves in it. Every name says the data is simulated; every unit is
// marked Synthetic.
const (
	province        = "demo-province"
	firstYear       = 2015
	lastYear        = 2024
	source          = "Dữ liệu mô phỏng (synthetic demo data, not a real report)"
	planSource      = "Kế hoạch mô phỏng (synthetic demo plan)"
	mismatchInd     = "retail_sales" // one deliberate children_sum_mismatch:
	mismatchYear    = 2023           // the province's July 2023 retail sales
	mismatchMonth   = 7              // are 6% above its districts' sum
	mismatchInflate = 1.06
)

// district is a district of the sample province and its share of the
// province's activity.
type district struct {
	code, vi, en string
	share        float64
}

func districts() []district {
	return []district{
		{"demo-thanh-pho-mau", "Thành phố Mẫu (mô phỏng)", "Sample City (synthetic)", 0.28},
		{"demo-an-binh", "Huyện An Bình (mô phỏng)", "An Binh District (synthetic)", 0.12},
		{"demo-binh-minh", "Huyện Bình Minh (mô phỏng)", "Binh Minh District (synthetic)", 0.11},
		{"demo-phu-tan", "Huyện Phú Tân (mô phỏng)", "Phu Tan District (synthetic)", 0.10},
		{"demo-thanh-hoa", "Huyện Thạnh Hòa (mô phỏng)", "Thanh Hoa District (synthetic)", 0.09},
		{"demo-tan-loc", "Huyện Tân Lộc (mô phỏng)", "Tan Loc District (synthetic)", 0.08},
		{"demo-long-phu", "Huyện Long Phú (mô phỏng)", "Long Phu District (synthetic)", 0.08},
		{"demo-vinh-thuan", "Huyện Vĩnh Thuận (mô phỏng)", "Vinh Thuan District (synthetic)", 0.07},
		{"demo-my-xuyen", "Huyện Mỹ Xuyên (mô phỏng)", "My Xuyen District (synthetic)", 0.07},
	}
}

func units() []storage.Unit {
	units := []storage.Unit{{Code: province, NameVI: "Tỉnh Mẫu (dữ liệu mô phỏng)",
		NameEN: "Sample Province (synthetic data)", Synthetic: true}}
	for _, d := range districts() {
		units = append(units, storage.Unit{Code: d.code, NameVI: d.vi, NameEN: d.en,
			Parent: province, Synthetic: true})
	}
	return units
}

// reorganisedUnits end the sample province's districts on 2025-06-30, when
// the district level ended, and move two communes of each up to the
// province.
func reorganisedUnits() []storage.Unit {
	var units []storage.Unit
	for _, d := range districts() {
		units = append(units, storage.Unit{Code: d.code, NameVI: d.vi, NameEN: d.en, Synthetic: true, ValidTo: mergerLast})
	}
	for _, d := range districts() {
		for i := 1; i <= 2; i++ {
			units = append(units, storage.Unit{Code: fmt.Sprintf("%s-xa-%d", d.code, i),
				NameVI:  fmt.Sprintf("Xã %d thuộc %s", i, d.vi),
				NameEN:  fmt.Sprintf("Commune %d of %s", i, d.en),
				Parents: []storage.ParentSpan{{Parent: d.code}, {Parent: province, From: mergerDay}}, Synthetic: true})
		}
	}
	return units
}

// pattern is which periods a series is reported for.
type pattern int

const (
	patMonthly      pattern = iota // M01..M12
	patMonthlyYTD                  // M01..M12, plus 3M, H1, 9M and the year with % of plan and yoy
	patQuarterlyYTD                // 3M, H1, 9M and the year only
	patHalfYear                    // H1 and the year
	patMonthlyLevel                // a level at every month's end
	patYearLevel                   // a level at mid-year and at year end
	patMonthlyIndex                // an index against the same month a year earlier (= 100) every month, and its nine-month average
)

// planKind is what plans a series gets.
type planKind int

const (
	planNone planKind = iota
	planValue
	planGrowth
	planGrowthDec // growth measured against last December (credit "so với đầu năm")
	planPoints    // from 2021 a change in percentage points (poverty "giảm 0,3–0,5 điểm %")
)

// spec says how one indicator behaves in the sample province.
type spec struct {
	code      string
	base      float64     // flows: 2015's yearly total; levels: the level at the end of 2015
	growth    float64     // yearly growth rate (0.09 = 9%)
	season    [12]float64 // flows: relative weight of each month
	noise     float64     // relative month-to-month noise (standard deviation)
	shock     float64     // how hard 2020–2021 hit it, 0–1
	decimals  int         // values are rounded to this many decimals
	pattern   pattern
	plan      planKind
	districts bool // also reported by every district; the province's months are their sum
	adjust    bool // mid-year plan adjustments in 2016, 2020 and 2022
}

// specs covers every catalog indicator but midterm_reviews_held, which
// is an event of two years and generated on its own.
func specs() []spec {
	seasonFlat := [12]float64{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}
	seasonRetail := [12]float64{1.12, 1.18, 0.93, 0.94, 0.96, 0.97, 0.98, 0.99, 0.97, 1.0, 1.03, 1.13}
	seasonTrade := [12]float64{0.82, 0.78, 0.95, 0.97, 1.0, 1.02, 1.04, 1.06, 1.05, 1.08, 1.1, 1.13}
	seasonBack := [12]float64{0.55, 0.6, 0.8, 0.85, 0.9, 1.0, 1.0, 1.05, 1.1, 1.2, 1.3, 1.65}
	seasonTour := [12]float64{1.45, 1.5, 1.0, 0.9, 0.9, 1.1, 1.2, 1.15, 0.8, 0.8, 0.85, 1.05}
	seasonRice := [12]float64{0.2, 0.5, 2.6, 1.0, 0.2, 0.6, 2.4, 1.2, 0.3, 0.5, 2.2, 0.3}
	seasonBudget := [12]float64{1.35, 0.8, 0.9, 1.0, 0.95, 1.0, 1.0, 0.9, 0.9, 1.0, 1.0, 1.2}
	seasonParty := [12]float64{0.6, 0.5, 1.0, 1.0, 1.15, 1.3, 1.0, 1.0, 1.0, 1.1, 1.05, 1.3}
	return []spec{
		{"grdp", 62000, 0.068, seasonFlat, 0.01, 0.08, 1, patQuarterlyYTD, planGrowth, false, false},
		{"industrial_production_index", 100, 0.085, seasonFlat, 0.006, 0, 1, patMonthlyIndex, planGrowth, false, false},
		{"retail_sales", 52000, 0.10, seasonRetail, 0.02, 0.15, 1, patMonthlyYTD, planValue, true, true},
		{"exports", 1450, 0.09, seasonTrade, 0.03, 0, 1, patMonthlyYTD, planValue, false, true},
		{"imports", 980, 0.08, seasonTrade, 0.035, 0, 1, patMonthlyYTD, planValue, false, false},
		{"budget_revenue", 8200, 0.07, seasonBudget, 0.03, 0, 1, patMonthlyYTD, planValue, true, true},
		{"budget_expenditure", 11500, 0.06, seasonBack, 0.03, 0, 1, patMonthlyYTD, planValue, true, false},
		{"investment", 28000, 0.08, seasonBack, 0.03, 0, 1, patMonthlyYTD, planValue, true, true},
		{"public_investment_disbursement", 4200, 0.07, seasonBack, 0.04, 0, 1, patMonthly, planValue, false, false},
		{"fdi", 180, 0.05, seasonFlat, 0.2, 0.3, 1, patMonthly, planValue, false, false},
		{"tourism_revenue", 3600, 0.11, seasonTour, 0.03, 0.85, 1, patMonthlyYTD, planValue, false, true},
		{"tourist_arrivals", 4200000, 0.08, seasonTour, 0.03, 0.85, 0, patMonthly, planValue, false, false},
		{"agricultural_output", 24000, 0.03, seasonRice, 0.02, 0, 1, patQuarterlyYTD, planValue, false, false},
		{"rice_output", 1350000, 0.01, seasonRice, 0.03, 0, 0, patMonthly, planValue, true, false},
		{"new_enterprises", 950, 0.07, seasonFlat, 0.06, 0, 0, patMonthly, planValue, false, false},
		{"jobs_created", 32000, 0.02, seasonFlat, 0.04, 0, 0, patMonthly, planValue, true, false},
		{"vocational_trainees", 21000, 0.02, seasonParty, 0.04, 0, 0, patMonthly, planValue, false, false},
		{"cpi", 100, 0.031, seasonFlat, 0.002, 0, 2, patMonthlyIndex, planGrowth, false, false},
		{"poverty_rate", 6.8, -0.13, seasonFlat, 0.01, 0, 2, patYearLevel, planPoints, false, false},
		{"health_insurance_coverage", 76.5, 0.022, seasonFlat, 0.003, 0, 1, patYearLevel, planValue, false, false},
		{"urbanization_rate", 29.5, 0.028, seasonFlat, 0.003, 0, 1, patYearLevel, planValue, false, false},
		{"credit_outstanding", 61000, 0.13, seasonFlat, 0.004, 0, 1, patMonthlyLevel, planGrowthDec, false, false},
		{"traffic_accidents", 420, -0.04, seasonFlat, 0.08, 0, 0, patMonthly, planValue, false, false},
		{"traffic_deaths", 260, -0.04, seasonFlat, 0.1, 0, 0, patMonthly, planValue, false, false},
		{"new_party_members", 2100, 0, seasonParty, 0.05, 0, 0, patMonthlyYTD, planValue, true, false},
		{"cadres_assigned", 160, 0, seasonFlat, 0.06, 0, 0, patHalfYear, planNone, false, false},
		{"party_members_disciplined", 95, -0.03, seasonFlat, 0.08, 0, 0, patHalfYear, planNone, false, false},
		{"party_orgs_disciplined", 8, -0.04, seasonFlat, 0.1, 0, 0, patHalfYear, planNone, false, false},
		{"party_cells_inspected", 640, 0.01, seasonParty, 0.04, 0, 0, patMonthly, planValue, false, false},
	}
}

// growthPlan is the province's GRDP growth target range by year (percent);
// 2020 was cut mid-year.
func growthPlan(code string, year int) (low, high float64, adjusted bool) {
	switch code {
	case "cpi":
		return 4, 4, false // keep consumer prices below 4%
	case "industrial_production_index":
		return 8, 9, false
	case "credit_outstanding":
		return 13, 13, false // since last December
	}
	lows := map[int]float64{2015: 6.5, 2016: 6.8, 2017: 6.8, 2018: 7.0, 2019: 7.0,
		2020: 7.0, 2021: 5.5, 2022: 6.0, 2023: 6.5, 2024: 6.5}
	return lows[year], lows[year] + 0.5, year == 2020
}

// shock is the level of activity against trend in the pandemic years,
// for a series of the given sensitivity.
func shock(year int, sensitivity float64) float64 {
	switch year {
	case 2020:
		return 1 - 0.45*sensitivity
	case 2021:
		return 1 - 0.6*sensitivity
	case 2022:
		return 1 - 0.15*sensitivity
	}
	return 1
}
