package catalog

// dashboardsVI: what the web server refuses (dashboards).
func dashboardsVI() map[string]string {
	return map[string]string{
		"%s %s is not allowed; use %s": "không cho phép %s %s; hãy dùng %s",
		"Content-Type %q: send the batch as application/json, or upload a file to /api/v1/import":    "Content-Type %q: hãy gửi lô số liệu dạng application/json, hoặc tải tệp lên /api/v1/import",
		"as_of %q is not a date: write it as YYYY-MM-DD, e.g. 2018-06-30":                            "as_of %q không phải là ngày: hãy ghi dạng YYYY-MM-DD, ví dụ 2018-06-30",
		"cross-origin request refused: state-changing requests must come from this site's own pages": "từ chối yêu cầu từ trang khác: yêu cầu thay đổi dữ liệu phải đến từ chính các trang của hệ thống",
		"internal error; the server log has the details":                                             "lỗi nội bộ; nhật ký máy chủ có chi tiết",
		"no API endpoint %s %s; see README.md for the list":                                          "không có điểm API %s %s; xem danh sách trong README.md",
		"no token: send \"Authorization: Bearer <token>\" or sign in at /login":                      "chưa có mã truy cập: gửi \"Authorization: Bearer <mã>\" hoặc đăng nhập tại /login",
		"no unit has child units yet: import districts with a parent first":                          "chưa có đơn vị nào có đơn vị trực thuộc: hãy nhập các quận, huyện kèm đơn vị cấp trên trước",
		"not a multipart/form-data upload (%v); send the file in a field named file":                 "không phải tệp tải lên dạng multipart/form-data (%v); hãy gửi tệp trong trường tên file",
		"panic": "lỗi nội bộ",
		"request body is larger than the limit of %d bytes; split the data into smaller files": "dữ liệu gửi lên vượt giới hạn %d byte; hãy chia thành các tệp nhỏ hơn",
		"request canceled": "yêu cầu đã bị hủy",
		"the Authorization header must be \"Bearer <token>\"; create a token with `plantrack token create`":                                    "tiêu đề Authorization phải là \"Bearer <mã>\"; tạo mã bằng `plantrack token create`",
		"the upload has no field named file; attach the CSV, JSON or XLSX file as file":                                                        "tệp tải lên thiếu trường file; hãy đính kèm tệp CSV, JSON hoặc XLSX vào trường file",
		"there are no units yet: import a report first":                                                                                        "chưa có đơn vị nào: hãy nhập một báo cáo trước",
		"this server requires a login to read: send \"Authorization: Bearer <token>\" or sign in at /login":                                    "máy chủ này yêu cầu đăng nhập để xem: gửi \"Authorization: Bearer <mã>\" hoặc đăng nhập tại /login",
		"token %q has role %q, which may not write; ask an administrator for an admin or reporter token":                                       "mã truy cập %q có vai trò %q, không được ghi; hãy xin quản trị viên mã quản trị hoặc mã người báo cáo",
		"page %q is not a page number: use 1, 2, 3…":                                                                                           "trang %q không phải số trang: dùng 1, 2, 3…",
		"page %d does not exist: the list has %d pages":                                                                                        "không có trang %d: danh sách có %d trang",
		"unknown format %q: use csv, xlsx or json":                                                                                             "định dạng %q không được hỗ trợ: dùng csv, xlsx hoặc json",
		"unknown format %q: use csv or json":                                                                                                   "định dạng %q không được hỗ trợ: dùng csv hoặc json",
		"unknown indicator %q: list indicators with the indicators API or page":                                                                "chỉ tiêu %q không có: xem danh sách chỉ tiêu qua API hoặc trang chỉ tiêu",
		"unknown unit %q: list units with the units API or page":                                                                               "đơn vị %q không có: xem danh sách đơn vị qua API hoặc trang đơn vị",
		"writing needs a token: send \"Authorization: Bearer <token>\" (create one with `plantrack token create`) or sign in at /login":        "cần mã truy cập để ghi: gửi \"Authorization: Bearer <mã>\" (tạo bằng `plantrack token create`) hoặc đăng nhập tại /login",
		"the request took longer than the server allows for one write, and was stopped; nothing was stored. Split the data into smaller files": "yêu cầu kéo dài quá thời gian máy chủ cho phép cho một lần ghi nên đã dừng; chưa lưu gì. Hãy chia dữ liệu thành các tệp nhỏ hơn",
		// What a writer page stored.
		"%d new, %d unchanged": "%d mới, %d không đổi",
		"%d new, %d unchanged (%d units and %d indicators added)":              "%d mới, %d không đổi (thêm %d đơn vị và %d chỉ tiêu)",
		"too many bad tokens from your address; wait %d seconds and try again": "quá nhiều mã truy cập sai từ địa chỉ của bạn; hãy chờ %d giây rồi thử lại",
		// A writer's scope (dashboards/auth).
		"changing indicator %s, which every unit shares, needs an admin token": "sửa chỉ tiêu %s, dùng chung cho mọi đơn vị, cần mã truy cập quản trị",
		"token %q may add units only below %s; give a parent inside it":        "mã truy cập %q chỉ được thêm đơn vị dưới %s; hãy chọn đơn vị cấp trên thuộc phạm vi đó",
		"token %q may write only %s and the units below it, not %s":            "mã truy cập %q chỉ được ghi %s và các đơn vị trực thuộc, không được ghi %s",
		"moving unit %s to another parent needs an admin token":                "chuyển đơn vị %s sang đơn vị cấp trên khác cần mã truy cập quản trị",
		"changing the synthetic mark of unit %s needs an admin token":          "đổi dấu dữ liệu mô phỏng của đơn vị %s cần mã truy cập quản trị",
		"year %q is not a year: use four digits such as 2018":                  "%q không phải là năm: hãy ghi bốn chữ số, ví dụ 2018",
	}
}

// paramsVI: what is wrong with a request's parameters (dashboards).
func paramsVI() map[string]string {
	return map[string]string{
		"give either unit=U (every indicator of one unit) or indicator=I&parent=U (one indicator across the children of U), not both": "ghi unit=U (mọi chỉ tiêu của một đơn vị) hoặc indicator=I&parent=U (một chỉ tiêu giữa các đơn vị trực thuộc U), không ghi cả hai",
		"compare needs unit=U, or both indicator=I and parent=U":                                                                      "so sánh cần unit=U, hoặc cả indicator=I và parent=U",
		"level goes with indicator=I&parent=U, not with unit=U":                                                                       "level đi cùng indicator=I&parent=U, không đi cùng unit=U",
		"query parameter format=%q: use json (default) or csv":                                                                        "tham số format=%q: dùng json (mặc định) hoặc csv",
		"field locale=%q: use vi (63.135,5) or en (63,135.5), or leave it out":                                                        "trường locale=%q: dùng vi (63.135,5) hoặc en (63,135.5), hoặc để trống",
		"file %q: cannot tell its format; name it .csv, .json or .xlsx, or set the field format":                                      "tệp %q: không nhận ra định dạng; hãy đặt đuôi .csv, .json hoặc .xlsx, hoặc ghi trường format",
		"unknown query parameter %q; this endpoint takes: %s":                                                                         "tham số %q không được hỗ trợ; điểm này nhận: %s",
		"query parameter %s given %d times; give it once":                                                                             "tham số %s được ghi %d lần; chỉ ghi một lần",
		"query parameter lang=%q: use vi or en":                                                                                       "tham số lang=%q: dùng vi hoặc en",
		"query parameter %s is required":                                                                                              "thiếu tham số bắt buộc %s",
		"query parameter %s=%q is not a unit code (lower-case letters, digits and '-', e.g. can-tho)":                                 "tham số %s=%q không phải là mã đơn vị (chữ thường không dấu, chữ số và '-', ví dụ can-tho)",
		"query parameter %s=%q is not an indicator code (e.g. retail_sales)":                                                          "tham số %s=%q không phải là mã chỉ tiêu (ví dụ retail_sales)",
		"query parameter %s: %v": "tham số %s: %v",
		"query parameter %s=%q is not a date; write YYYY-MM-DD, e.g. 2018-06-30": "tham số %s=%q không phải là ngày; hãy ghi dạng YYYY-MM-DD, ví dụ 2018-06-30",
		"query parameter %s=%q: write true or false":                             "tham số %s=%q: hãy ghi true hoặc false",
		"query parameter %s=%q is not a year between 1900 and 2999":              "tham số %s=%q không phải là năm từ 1900 đến 2999",
		"query parameter %s=%q is not a level between 1 (children) and %d":       "tham số %s=%q không phải là cấp từ 1 (đơn vị trực thuộc) đến %d",
	}
}
