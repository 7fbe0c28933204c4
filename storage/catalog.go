package storage

// Catalog returns the built-in indicators: common Vietnamese socio-economic
// and party-work indicators with Vietnamese and English names. The result is
// a fresh slice the caller may modify.
func Catalog() []Indicator {
	type row struct {
		code, vi, en, measure string
		kind                  Kind
		dir                   Direction
		pace                  PaceProfile
		basis                 GrowthBasis
	}
	const (
		flow, level         = KindFlow, KindLevel
		up, down            = DirectionUp, DirectionDown
		lin, seas, none     = PaceLinear, PaceSeasonal, PaceNone
		nominal, real, idx  = GrowthNominal, GrowthReal, GrowthIndex
		bvnd, musd, persons = "billion_vnd", "million_usd", "persons"
	)
	rows := []row{
		{"grdp", "Tổng sản phẩm trên địa bàn (GRDP)", "Gross regional domestic product (GRDP)", bvnd, flow, up, lin, real},
		{"industrial_production_index", "Chỉ số sản xuất công nghiệp (IIP)", "Industrial production index (IIP)", "index", level, up, lin, idx},
		{"retail_sales", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng", "Retail sales of goods and consumer services", bvnd, flow, up, seas, nominal},
		{"exports", "Kim ngạch xuất khẩu", "Export turnover", musd, flow, up, seas, nominal},
		{"imports", "Kim ngạch nhập khẩu", "Import turnover", musd, flow, up, seas, nominal},
		{"budget_revenue", "Thu ngân sách nhà nước trên địa bàn", "State budget revenue", bvnd, flow, up, lin, nominal},
		{"budget_expenditure", "Chi ngân sách địa phương", "Local budget expenditure", bvnd, flow, up, lin, nominal},
		{"investment", "Tổng vốn đầu tư toàn xã hội", "Total social investment", bvnd, flow, up, seas, nominal},
		{"public_investment_disbursement", "Giải ngân vốn đầu tư công", "Public investment disbursed", bvnd, flow, up, seas, nominal},
		{"fdi", "Vốn đầu tư trực tiếp nước ngoài (FDI) đăng ký", "Registered foreign direct investment (FDI)", musd, flow, up, lin, nominal},
		{"tourism_revenue", "Doanh thu du lịch", "Tourism revenue", bvnd, flow, up, seas, nominal},
		{"tourist_arrivals", "Lượt khách du lịch", "Tourist arrivals", "visits", flow, up, seas, nominal},
		{"agricultural_output", "Giá trị sản xuất nông, lâm, thủy sản", "Agriculture, forestry and fishery output", bvnd, flow, up, seas, real},
		{"rice_output", "Sản lượng lúa", "Rice output", "tonnes", flow, up, seas, nominal},
		{"new_enterprises", "Doanh nghiệp thành lập mới", "Newly established enterprises", "units", flow, up, lin, nominal},
		{"jobs_created", "Giải quyết việc làm", "Jobs created", persons, flow, up, lin, nominal},
		{"vocational_trainees", "Đào tạo nghề", "Vocational trainees", persons, flow, up, lin, nominal},
		{"cpi", "Chỉ số giá tiêu dùng (CPI)", "Consumer price index (CPI)", "index", level, down, none, idx},
		{"poverty_rate", "Tỷ lệ hộ nghèo", "Poverty rate", "percent", level, down, lin, nominal},
		{"health_insurance_coverage", "Tỷ lệ bao phủ bảo hiểm y tế", "Health insurance coverage", "percent", level, up, lin, nominal},
		{"urbanization_rate", "Tỷ lệ đô thị hóa", "Urbanisation rate", "percent", level, up, lin, nominal},
		{"credit_outstanding", "Dư nợ tín dụng", "Outstanding credit", bvnd, level, up, lin, nominal},
		{"traffic_accidents", "Số vụ tai nạn giao thông", "Traffic accidents", "cases", flow, down, lin, nominal},
		{"traffic_deaths", "Số người chết do tai nạn giao thông", "Traffic deaths", persons, flow, down, lin, nominal},
		{"new_party_members", "Kết nạp đảng viên mới", "New party members admitted", persons, flow, up, lin, nominal},
		{"cadres_assigned", "Cán bộ được điều động, bổ nhiệm, bổ nhiệm lại, phân công", "Cadres transferred, appointed, reappointed or assigned", persons, flow, up, none, nominal},
		{"party_members_disciplined", "Đảng viên bị thi hành kỷ luật", "Party members disciplined", persons, flow, down, none, nominal},
		{"party_orgs_disciplined", "Tổ chức đảng bị thi hành kỷ luật", "Party organisations disciplined", "units", flow, down, none, nominal},
		{"midterm_reviews_held", "Đảng bộ tổ chức sơ kết giữa nhiệm kỳ", "Party committees that held mid-term reviews", "units", flow, up, none, nominal},
		{"party_cells_inspected", "Tổ chức đảng được kiểm tra, giám sát", "Party organisations inspected", "units", flow, up, lin, nominal},
	}
	out := make([]Indicator, len(rows))
	for i, r := range rows {
		out[i] = Indicator{Code: r.code, NameVI: r.vi, NameEN: r.en, Measure: r.measure,
			Kind: r.kind, Direction: r.dir, PaceProfile: r.pace, GrowthBasis: r.basis}
		if r.basis == GrowthIndex { // IIP and CPI as reports give them: the same period last year = 100
			out[i].IndexBase = IndexSamePeriodLastYear
		}
	}
	return out
}
