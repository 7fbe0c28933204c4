package storage

// CatalogParts returns the built-in part indicators: the sectors of GRDP,
// budget revenue by source and local spending by kind, each naming its
// whole in PartOf. A part has its whole's measure, kind, direction, pace
// and growth basis. The result is a fresh slice the caller may modify.
func CatalogParts() []Indicator {
	type row struct{ code, whole, vi, en string }
	rows := []row{
		{"grdp_agriculture", "grdp", "GRDP khu vực nông, lâm nghiệp và thủy sản", "GRDP: agriculture, forestry and fishery"},
		{"grdp_industry_construction", "grdp", "GRDP khu vực công nghiệp – xây dựng", "GRDP: industry and construction"},
		{"grdp_services", "grdp", "GRDP khu vực dịch vụ", "GRDP: services"},
		{"grdp_product_taxes", "grdp", "GRDP: thuế sản phẩm trừ trợ cấp sản phẩm", "GRDP: product taxes less subsidies"},
		{"budget_revenue_domestic", "budget_revenue", "Thu nội địa", "Domestic revenue"},
		{"budget_revenue_import_export", "budget_revenue", "Thu từ hoạt động xuất nhập khẩu", "Revenue from import and export"},
		{"budget_revenue_land_use", "budget_revenue", "Thu tiền sử dụng đất", "Land use fees"},
		{"budget_expenditure_development", "budget_expenditure", "Chi đầu tư phát triển", "Development investment spending"},
		{"budget_expenditure_recurrent", "budget_expenditure", "Chi thường xuyên", "Recurrent spending"},
	}
	wholes := map[string]Indicator{}
	for _, ind := range Catalog() {
		wholes[ind.Code] = ind
	}
	out := make([]Indicator, len(rows))
	for i, r := range rows {
		w := wholes[r.whole]
		out[i] = Indicator{Code: r.code, NameVI: r.vi, NameEN: r.en, Measure: w.Measure, Kind: w.Kind,
			Direction: w.Direction, PaceProfile: w.PaceProfile, GrowthBasis: w.GrowthBasis, PartOf: r.whole}
	}
	return out
}
