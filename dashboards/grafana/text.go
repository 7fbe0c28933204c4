package grafana

import "github.com/plantrack/plantrack/dashboards/board"

// Keys of the dashboard's own labels.
const (
	txtTitle = iota
	txtDescription
	txtDatasource
	txtUnit
	txtIndicator
	txtOverview
	txtTable
	txtTrends
	txtTrendTitle
	txtCompletion
	txtExpected
	txtVsExpected
	txtValue
	txtPlan
	txtYoY
	txtPeriodEnd
	txtName
	txtMeasure
	txtNoValue
	txtStatHelp
	txtTrendHelp
	txtTableHelp
)

// text returns one of the dashboard's labels in lang ("en", else Vietnamese).
func text(lang string, key int) string {
	texts := [...]board.Text{
		txtTitle:       {VI: "plantrack – tiến độ thực hiện kế hoạch", EN: "plantrack – progress against plan"},
		txtDescription: {VI: "Chỉ tiêu kế hoạch năm do plantrack công bố tại /metrics.", EN: "Yearly plan indicators exposed by plantrack at /metrics."},
		txtDatasource:  {VI: "Nguồn dữ liệu", EN: "Data source"},
		txtUnit:        {VI: "Đơn vị", EN: "Unit"},
		txtIndicator:   {VI: "Chỉ tiêu", EN: "Indicator"},
		txtOverview:    {VI: "Tổng quan", EN: "Overview"},
		txtTable:       {VI: "Tất cả chỉ tiêu – $unit", EN: "All indicators – $unit"},
		txtTrends:      {VI: "Diễn biến theo thời gian", EN: "Over time"},
		txtTrendTitle:  {VI: "Hoàn thành và tiến độ dự kiến – $indicator", EN: "Completion vs expected – $indicator"},
		txtCompletion:  {VI: "Hoàn thành", EN: "Completion"},
		txtExpected:    {VI: "Dự kiến", EN: "Expected"},
		txtVsExpected:  {VI: "So với tiến độ", EN: "vs expected"},
		txtValue:       {VI: "Giá trị", EN: "Value"},
		txtPlan:        {VI: "Kế hoạch", EN: "Plan"},
		txtYoY:         {VI: "So cùng kỳ", EN: "Year on year"},
		txtPeriodEnd:   {VI: "Kỳ báo cáo đến", EN: "Period ends"},
		txtName:        {VI: "Tên chỉ tiêu", EN: "Name"},
		txtMeasure:     {VI: "Đơn vị tính", EN: "Measure"},
		txtNoValue:     {VI: "–", EN: "–"},
		txtStatHelp: {VI: "Tỷ lệ hoàn thành kế hoạch năm chính (của cấp giao chính của chỉ tiêu, mặc định HĐND) ở kỳ mới nhất; màu theo tiến độ (so với mức dự kiến đối với chỉ tiêu cộng dồn).",
			EN: "Share of the primary yearly plan (set by the indicator's primary authority, by default the council) reached at the latest period; coloured by pace (against the expected share for flows)."},
		txtTrendHelp: {VI: "Tỷ lệ hoàn thành so với mức dự kiến theo từng kỳ báo cáo (dữ liệu nạp lại từ lịch sử có một mẫu mỗi tháng).",
			EN: "Completion against the expected share at each reporting period (backfilled history has one sample a month)."},
		txtTableHelp: {VI: "Giá trị (lũy kế với chỉ tiêu cộng dồn), kế hoạch chính, tỷ lệ hoàn thành, mức dự kiến và tăng trưởng so cùng kỳ (tăng trưởng thực tế theo báo cáo) ở kỳ mới nhất.",
			EN: "Value (year to date for flows), primary plan, completion, expected share and year-on-year growth (real growth as reported) at the latest period."},
	}
	return texts[key].In(lang)
}
