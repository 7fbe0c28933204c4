package catalog

// cliHelpVI holds the Vietnamese of the CLI's help: the program's usage,
// each command's description and example, and each flag's usage (the key is
// the English text as the code gives it to newCommand or to the flag set;
// a `quoted` word is the flag's placeholder, so the Vietnamese quotes its
// own).
func cliHelpVI() map[string]string {
	return map[string]string{
		`plantrack tracks reported figures against yearly plans.

Usage: plantrack <command> [flags] [arguments]

Commands:
  serve      run the web pages, JSON API, /metrics and the import inbox
  import     import CSV, JSON or XLSX files (whole files or nothing)
  extract    find figures in report prose and optionally import them
  export     write observations as CSV, JSON or OpenMetrics to stdout
  grafana    print the Grafana dashboard JSON
  backup     write a consistent copy of the live database
  token      create, list or revoke writer tokens
  reference  list or load shipped reference data (vn-provinces-2025)
  bench      generate a country's worth of reports and measure the hot paths
  version    print the version

Run "plantrack <command> --help" for a command's flags. Every flag can also
be set by an environment variable PLANTRACK_<FLAG>, e.g. PLANTRACK_DB.
Help and messages are in Vietnamese unless --lang en, PLANTRACK_LANG=en or
an English locale (LANG) says otherwise.
Start with: plantrack serve --demo   (then open http://127.0.0.1:8080/)
`: `plantrack theo dõi số liệu báo cáo so với kế hoạch năm.

Cách dùng: plantrack <lệnh> [cờ] [đối số]

Các lệnh:
  serve      chạy các trang web, JSON API, /metrics và thư mục nhận tệp
  import     nhập tệp CSV, JSON hoặc XLSX (trọn cả tệp hoặc không gì cả)
  extract    tìm số liệu trong văn bản báo cáo, có thể nhập luôn
  export     ghi số liệu ra stdout dạng CSV, JSON hoặc OpenMetrics
  grafana    in JSON bảng điều khiển Grafana
  backup     ghi một bản sao nhất quán của cơ sở dữ liệu đang chạy
  token      tạo, liệt kê hoặc thu hồi mã truy cập ghi dữ liệu
  reference  liệt kê hoặc nạp dữ liệu tham chiếu có sẵn (vn-provinces-2025)
  bench      sinh báo cáo cỡ cả nước và đo các đường xử lý chính
  version    in phiên bản

Chạy "plantrack <lệnh> --help" để xem các cờ của một lệnh. Mỗi cờ cũng đặt
được bằng biến môi trường PLANTRACK_<CỜ>, ví dụ PLANTRACK_DB.
Trợ giúp và thông báo bằng tiếng Việt, trừ khi có --lang en,
PLANTRACK_LANG=en hoặc môi trường dùng tiếng Anh (LANG).
Bắt đầu: plantrack serve --demo   (rồi mở http://127.0.0.1:8080/)
`,
		"Usage: plantrack %s [flags] %s":                                   "Cách dùng: plantrack %s [cờ] %s",
		"Flags (each also from the environment variable named beside it):": "Các cờ (mỗi cờ cũng đặt được bằng biến môi trường ghi bên cạnh):",
		" (default %s)": " (mặc định %s)",
		"FILE...":       "TỆP...",
		"FILE|-":        "TỆP|-",
		"DEST":          "ĐÍCH",
		"NAME":          "TÊN",
		"SQLite database `file`; works beside a running serve": "`tệp` cơ sở dữ liệu SQLite; dùng được cả khi serve đang chạy",
		"language of help, messages and errors: `vi` or en (without it: PLANTRACK_LANG, then the locale in LC_ALL, LC_MESSAGES or LANG, then vi)": "ngôn ngữ của trợ giúp, thông báo và lỗi: `vi` hoặc en (nếu không có: theo PLANTRACK_LANG, rồi ngôn ngữ môi trường LC_ALL, LC_MESSAGES hoặc LANG, rồi vi)",
		`
Serves the web pages, the JSON API under /api/v1/ and Prometheus /metrics,
and imports files dropped into an inbox folder.

Example: plantrack serve --demo      then open http://127.0.0.1:8080/`: `
Phục vụ các trang web, JSON API dưới /api/v1/ và /metrics cho Prometheus,
và nhập các tệp được thả vào một thư mục nhận tệp.

Ví dụ: plantrack serve --demo      rồi mở http://127.0.0.1:8080/`,
		"SQLite database `file` (created when missing)":                                        "`tệp` cơ sở dữ liệu SQLite (tạo mới nếu chưa có)",
		"`host:port` to listen on; port 0 picks a free port":                                   "`máy:cổng` để lắng nghe; cổng 0 tự chọn một cổng trống",
		"load the demo data (Cần Thơ 2018-H1 and a synthetic province) into an empty database": "nạp dữ liệu mẫu (Cần Thơ 2018-H1 và một tỉnh giả lập) vào cơ sở dữ liệu trống",
		"`folder` whose dropped files are imported, then moved to done/ or failed/":            "`thư-mục` nhận tệp: tệp thả vào đó được nhập, rồi chuyển sang done/ hoặc failed/",
		"how often the inbox folder is checked":                                                "bao lâu kiểm tra thư mục nhận tệp một lần",
		"import an inbox file only once its size and time have not changed for this long":      "chỉ nhập một tệp trong thư mục nhận khi kích thước và thời gian của nó không đổi trong khoảng này",
		"expose units down to this `depth` on /metrics (0: roots only)":                        "đưa lên /metrics các đơn vị đến `cấp` này (0: chỉ cấp cao nhất)",
		"pace and flag `boundaries` to change, as name=value pairs separated by commas, e.g. flow_ahead=1.1,outlier_z=4 (names: flow_ahead, flow_on_track, flow_behind, growth_ahead_margin, growth_behind_margin, level_behind_share, children_sum_tolerance, outlier_z; SPEC §2)": "các `ngưỡng` tiến độ và cảnh báo cần đổi, dạng tên=giá_trị cách nhau bằng dấu phẩy, ví dụ flow_ahead=1.1,outlier_z=4 (tên: flow_ahead, flow_on_track, flow_behind, growth_ahead_margin, growth_behind_margin, level_behind_share, children_sum_tolerance, outlier_z; SPEC §2)",
		"require a login or token for every page and API answer, not only for writes": "đòi đăng nhập hoặc mã truy cập cho mọi trang và mọi câu trả lời API, không chỉ khi ghi",
		"refuse request bodies larger than this many `bytes` (413)":                   "từ chối yêu cầu có nội dung lớn hơn số `byte` này (413)",
		"refuse HTTP imports with more `rows` (0: no cap)":                            "từ chối lượt nhập qua HTTP có nhiều `dòng` hơn số này (0: không giới hạn)",
		"how long a login session lasts":                                              "một phiên đăng nhập kéo dài bao lâu",
		"mark session cookies Secure on plain HTTP (when a TLS proxy is in front)":    "đánh dấu cookie phiên là Secure cả khi chạy HTTP thường (khi có proxy TLS phía trước)",
		"TLS certificate `file` (with --tls-key: serve HTTPS)":                        "`tệp` chứng chỉ TLS (cùng --tls-key: phục vụ HTTPS)",
		"TLS private key `file`":                                                      "`tệp` khóa riêng TLS",
		"how long in-flight requests may finish after SIGINT/SIGTERM":                 "thời gian cho các yêu cầu đang xử lý làm xong sau SIGINT/SIGTERM",
		"longest time to read one request, body included":                             "thời gian dài nhất để đọc một yêu cầu, kể cả nội dung",
		"longest time to write one answer":                                            "thời gian dài nhất để ghi một câu trả lời",
		"write the log as JSON lines instead of text":                                 "ghi nhật ký thành các dòng JSON thay vì văn bản",
		`
Imports CSV, JSON or XLSX files (format by extension). Each file is stored
whole or not at all; a file with a bad row is rejected with the row and
field named. Importing the same file again stores nothing ("0 new").

Example: plantrack import --locale vi bao-cao-6-thang.csv`: `
Nhập tệp CSV, JSON hoặc XLSX (định dạng theo phần mở rộng). Mỗi tệp được lưu
trọn vẹn hoặc không lưu gì; tệp có dòng sai bị từ chối, kèm tên dòng và cột
sai. Nhập lại cùng một tệp không lưu thêm gì ("0 mới").

Ví dụ: plantrack import --locale vi bao-cao-6-thang.csv`,
		"number format of the files: `vi` (63.135,5) or en (63,135.5); without it an ambiguous number is an error. Errors are printed in this language, Vietnamese without it": "cách viết số trong tệp: `vi` (63.135,5) hoặc en (63,135.5); nếu không có, một số viết mơ hồ bị coi là lỗi. Thông báo và lỗi in bằng ngôn ngữ này (nếu không có: theo PLANTRACK_LANG, rồi ngôn ngữ môi trường, rồi tiếng Việt)",
		"validate and print what would be stored; store nothing":                                              "kiểm tra và in ra những gì sẽ được lưu; không lưu gì",
		"print \"[i/n] importing FILE…\" on stderr as each file starts (always on when stderr is a terminal)": "in \"[i/n] đang nhập TỆP…\" ra stderr khi bắt đầu mỗi tệp (luôn bật khi stderr là terminal)",
		`
Reads report prose (Vietnamese or English) from FILE, or stdin for "-",
and prints the figures it finds, each with the sentence it came from.
Targets the text states (in parentheses after "kế hoạch", after "chỉ
tiêu", "mục tiêu", "phấn đấu", "dự toán", five-year targets) are listed as
plans. With --import the figures and plans are validated and stored
(whole or not at all), each plan with the report as its source.

Example: plantrack extract --unit can-tho --date 2018-06-11 bao-cao.txt`: `
Đọc văn bản báo cáo (tiếng Việt hoặc tiếng Anh) từ TỆP, hoặc từ stdin khi
ghi "-", và in các số liệu tìm thấy, mỗi số kèm câu chứa nó. Các chỉ tiêu
văn bản nêu (trong ngoặc sau "kế hoạch", sau "chỉ tiêu", "mục tiêu",
"phấn đấu", "dự toán", chỉ tiêu 5 năm) được liệt kê là kế hoạch. Với
--import, số liệu và kế hoạch được kiểm tra rồi lưu (trọn vẹn hoặc không
lưu gì), mỗi kế hoạch ghi nguồn là báo cáo đó.

Ví dụ: plantrack extract --unit can-tho --date 2018-06-11 bao-cao.txt`,
		"print {\"figures\": […], \"plans\": […]} as JSON":     "in {\"figures\": […], \"plans\": […]} dạng JSON",
		"unit `code` the report is about":                      "`mã` đơn vị mà báo cáo nói đến",
		"`YYYY-MM-DD` the report was issued (its reported_at)": "ngày ra báo cáo `YYYY-MM-DD` (reported_at của nó)",
		"store the figures and plans found, all or nothing (needs --unit); figures of indicators outside the catalog are listed and left out, a figure without a period refuses the import": "lưu các số liệu và kế hoạch tìm thấy, trọn vẹn hoặc không lưu gì (cần --unit); số liệu của chỉ tiêu ngoài danh mục được liệt kê rồi bỏ qua, một số liệu không có kỳ làm cả lượt nhập bị từ chối",
		"language of the review table, the messages and errors: `vi` or en (without it: PLANTRACK_LANG, then the locale, then vi)":                                                          "ngôn ngữ của bảng rà soát, thông báo và lỗi: `vi` hoặc en (nếu không có: theo PLANTRACK_LANG, rồi ngôn ngữ môi trường, rồi vi)",
		"`citation` stored with each figure, e.g. \"Báo Cần Thơ (CTO), 11/06/2018\" (default: the file name)":                                                                               "`nguồn-trích` lưu kèm mỗi số liệu, ví dụ \"Báo Cần Thơ (CTO), 11/06/2018\" (mặc định: tên tệp)",
		`
Writes observations to stdout. csv and json are exactly the import formats
(an export imports again as a no-op); openmetrics writes the /metrics gauges
at every month end, for promtool tsdb create-blocks-from openmetrics.

Example: plantrack export --format csv --unit can-tho --from 2018-Q1 > can-tho.csv`: `
Ghi số liệu ra stdout. csv và json đúng là định dạng để nhập (nhập lại tệp
xuất ra không thay đổi gì); openmetrics ghi các chỉ số của /metrics tại mỗi
cuối tháng, dùng cho promtool tsdb create-blocks-from openmetrics.

Ví dụ: plantrack export --format csv --unit can-tho --from 2018-Q1 > can-tho.csv`,
		"`csv`, json or openmetrics":                                   "`csv`, json hoặc openmetrics",
		"only this unit `code`":                                        "chỉ đơn vị có `mã` này",
		"only this indicator `code`":                                   "chỉ chỉ tiêu có `mã` này",
		"only periods ending at or after this `period` (e.g. 2017-Q1)": "chỉ các kỳ kết thúc từ `kỳ` này trở đi (ví dụ 2017-Q1)",
		"only periods ending at or before this `period`":               "chỉ các kỳ kết thúc đến hết `kỳ` này",
		`
Prints the Grafana dashboard JSON for plantrack's /metrics; import it in
Grafana (Dashboards → New → Import). See dashboards/grafana/README.md.

Example: plantrack grafana --lang en > plantrack-dashboard.json`: `
In JSON bảng điều khiển Grafana cho /metrics của plantrack; nạp nó vào
Grafana (Dashboards → New → Import). Xem dashboards/grafana/README.md.

Ví dụ: plantrack grafana --lang en > plantrack-dashboard.json`,
		"dashboard labels in `vi` or en; also the language of messages and errors": "nhãn bảng điều khiển bằng `vi` hoặc en; cũng là ngôn ngữ của thông báo và lỗi",
		`
Writes a consistent copy of the live database to DEST (which must not
exist), even while serve or an import is writing. To restore, stop serve
and start it with --db DEST.

Example: plantrack backup /srv/backup/plantrack-2018-06-30.db`: `
Ghi một bản sao nhất quán của cơ sở dữ liệu đang chạy vào ĐÍCH (phải là
tệp chưa có), kể cả khi serve hoặc một lượt nhập đang ghi. Để khôi phục,
dừng serve rồi chạy lại với --db ĐÍCH.

Ví dụ: plantrack backup /srv/backup/plantrack-2018-06-30.db`,
		"Prints plantrack's version and the Go version it was built with.": "In phiên bản plantrack và phiên bản Go đã dùng để dựng nó.",
		`
Manages writer tokens. Writes over HTTP need one, sent as
"Authorization: Bearer <token>" or entered on the /login page.
  plantrack token create --name NAME --role admin|reporter [--unit CODE]
  plantrack token list
  plantrack token revoke NAME`: `
Quản lý mã truy cập để ghi. Ghi qua HTTP cần một mã, gửi dạng
"Authorization: Bearer <mã>" hoặc nhập trên trang /login.
  plantrack token create --name TÊN --role admin|reporter [--unit MÃ]
  plantrack token list
  plantrack token revoke TÊN`,
		`
Creates a writer token and prints it once, alone on the last line of
stdout; only its hash is stored. An admin writes every unit; a reporter
writes only --unit and the units under it.

Example: plantrack token create --name ninh-kieu-stats --role reporter --unit ninh-kieu`: `
Tạo một mã truy cập để ghi và in nó một lần duy nhất, riêng trên dòng cuối
của stdout; chỉ lưu giá trị băm của nó. Quản trị (admin) ghi được mọi đơn
vị; người báo cáo (reporter) chỉ ghi được đơn vị --unit và các đơn vị trực
thuộc.

Ví dụ: plantrack token create --name ninh-kieu-stats --role reporter --unit ninh-kieu`,
		"the token's `name`, shown in the audit trail (required)":                             "`tên` của mã, hiện trong nhật ký kiểm tra (bắt buộc)",
		"`admin` or reporter (required)":                                                      "`admin` hoặc reporter (bắt buộc)",
		"reporter's unit `code`":                                                              "`mã` đơn vị của người báo cáo",
		"Lists every token: name, role, unit, created and revoked times (never the secrets).": "Liệt kê mọi mã truy cập: tên, vai trò, đơn vị, lúc tạo và lúc thu hồi (không bao giờ in mã bí mật).",
		"Revokes a token at once; its sessions end at their next request.":                    "Thu hồi ngay một mã truy cập; các phiên của nó kết thúc ở yêu cầu kế tiếp.",
		`
Shipped reference data: named sets of units with their dates and
successions.
  plantrack reference list
  plantrack reference load NAME`: `
Dữ liệu tham chiếu có sẵn: các bộ đơn vị có tên, kèm ngày hiệu lực và
quan hệ kế thừa.
  plantrack reference list
  plantrack reference load TÊN`,
		`
Lists the shipped reference data sets, one a line: its name, then what it
holds in Vietnamese and in English.`: `
Liệt kê các bộ dữ liệu tham chiếu có sẵn, mỗi bộ một dòng: tên, rồi nội
dung của nó bằng tiếng Việt và tiếng Anh.`,
		`
Stores a reference data set's units. Units already in the database keep
their names, parents and figures and gain the set's dates and
predecessors; loading a set again stores nothing.

Example: plantrack reference load vn-provinces-2025`: `
Lưu các đơn vị của một bộ dữ liệu tham chiếu. Đơn vị đã có trong cơ sở dữ
liệu giữ nguyên tên, cấp trên và số liệu, và được bổ sung ngày hiệu lực và
đơn vị tiền thân của bộ; nạp lại một bộ không lưu thêm gì.

Ví dụ: plantrack reference load vn-provinces-2025`,
		`
Generates a deterministic country's worth of reports (nation, provinces,
communes, 60 indicators, ten years of monthly year-to-date figures, some
revised), imports it through the collector beside a raw batched insert of
the same rows, starts this binary's serve on the result and measures the
hot paths (progress, overview page, series, compare, unit comparison page,
/metrics) beside their lower bounds: repeated, with a new as_of, right after
a 60-figure report, some time after one (once serve's /healthz reports that
its background refresh reached the report; how long that refresh took is
printed too), and under continuous writes (20 readers while a report is
imported every second), where each request is set against its bound
measured alone and against the same bound under the same load (the same
readers and writes, only that route replaced by its bound) and against
the serving process's floor under that load (a static file in place of
/metrics). Prints a markdown table on stdout;
progress goes to stderr when it is a terminal. Scales: small (a minute or two), province,
national (~29 M figures; about an hour and ~20 GB of disk).

Example: plantrack bench --scale small --dir /tmp/plantrack-bench`: `
Sinh một bộ báo cáo cỡ cả nước, lần nào cũng như nhau (toàn quốc, các tỉnh,
các xã, 60 chỉ tiêu, mười năm số liệu lũy kế hằng tháng, một số được điều
chỉnh), nhập qua bộ thu thập song song với một lượt chèn thô theo lô cùng
các dòng đó, chạy serve của chính chương trình này trên kết quả rồi đo các
đường xử lý chính (tiến độ, trang tổng quan, chuỗi số liệu, so sánh, trang
so sánh đơn vị, /metrics) bên cạnh cận dưới của chúng: lặp lại, với as_of
mới, ngay sau một báo cáo 60 số liệu, một lúc sau báo cáo đó (khi /healthz
của serve cho biết lượt làm mới nền đã tới báo cáo; thời gian làm mới đó
cũng được in ra), và khi ghi liên tục (20 người đọc trong khi mỗi giây nhập
một báo cáo), khi đó mỗi yêu cầu được so với cận của nó đo riêng lẻ và với
cùng cận đó đo dưới cùng tải (cùng người đọc và lượt ghi, chỉ đường đó được
thay bằng cận của nó) và với mức sàn của tiến trình serve dưới tải đó (một
tệp tĩnh thay cho /metrics). In một bảng markdown ra
stdout; tiến trình ra stderr khi đó là terminal. Các cỡ: small (một hai
phút), province, national (~29 triệu số liệu; khoảng một giờ và ~20 GB đĩa).

Ví dụ: plantrack bench --scale small --dir /tmp/plantrack-bench`,
		"dataset `size`: small, province or national":                                          "`cỡ` bộ dữ liệu: small, province hoặc national",
		"work `folder` for the dataset and databases (default: a new temporary folder)":        "`thư-mục` làm việc cho bộ dữ liệu và các cơ sở dữ liệu (mặc định: một thư mục tạm mới)",
		"repetitions per measurement, at most":                                                 "số lần lặp tối đa cho mỗi phép đo",
		"time limit per measurement":                                                           "giới hạn thời gian cho mỗi phép đo",
		"skip generating and importing; measure the database an earlier run left in --dir":     "bỏ qua bước sinh và nhập dữ liệu; đo cơ sở dữ liệu mà lần chạy trước để lại trong --dir",
		"how long the measurement under continuous writes lasts (a 60-figure report a second)": "phép đo khi ghi liên tục kéo dài bao lâu (mỗi giây một báo cáo 60 số liệu)",
	}
}
