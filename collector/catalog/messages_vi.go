package catalog

// messagesVI maps each message key — the English format given to
// storage.Errorf, Detail.Says or a helper that forwards to them — to its
// Vietnamese format. Arguments keep their order unless the format says
// %[n]v. The parts follow the packages that say them.
func messagesVI() map[string]string {
	m := map[string]string{
		// Pass-through keys: an argument that is already a message (nested,
		// rendered in the reader's language) or a library's own words.
		"%s": "%s", "%v": "%v",
		// Where a problem is (Catalog.Detail).
		"sheet %s": "trang tính %s", "row %d": "dòng %d", "field %s": "cột %s",
	}
	for _, part := range []map[string]string{storageVI(), rowsVI(), filesVI(), dashboardsVI(), paramsVI(), plansVI(), extractVI(), securityVI(), unitsVI(), importVI(), cliVI(), cliHelpVI()} {
		for k, v := range part {
			m[k] = v
		}
	}
	return m
}

// storageVI: what the store refuses (storage).
func storageVI() map[string]string {
	return map[string]string{
		"%s / %s / %s is given twice with different figures; keep one":     "%s / %s / %s được ghi hai lần với số liệu khác nhau; chỉ giữ một",
		"a comparison needs two periods a and b, e.g. a=2017-H1&b=2018-H1": "cần hai kỳ a và b để so sánh, ví dụ a=2017-H1&b=2018-H1",
		"a half is H1 or H2":                                   "6 tháng ghi là H1 hoặc H2",
		"a month is M01–M12":                                   "tháng ghi từ M01 đến M12",
		"a percentage must be a finite number":                 "tỷ lệ %% phải là một số hữu hạn",
		"a plan's year is between 1900 and 2999":               "năm kế hoạch phải từ 1900 đến 2999",
		"a quarter is Q1–Q4":                                   "quý ghi từ Q1 đến Q4",
		"a reporter token needs the unit it reports for":       "mã truy cập của người báo cáo cần có đơn vị báo cáo",
		"a token named %q already exists; choose another name": "đã có mã truy cập tên %q; hãy chọn tên khác",
		"a unit cannot be its own parent":                      "một đơn vị không thể là cấp trên của chính nó",
		"a unit code is lower-case letters, digits and '-', starting with a letter or digit": "mã đơn vị gồm chữ thường không dấu, chữ số và '-', bắt đầu bằng chữ hoặc số",
		"a year-to-date span is 1M–12M":                                                                              "lũy kế từ đầu năm ghi từ 1M đến 12M",
		"adopted_on is a date YYYY-MM-DD":                                                                            "ngày thông qua phải là ngày dạng YYYY-MM-DD",
		"an admin token writes every unit; do not give it a unit":                                                    "mã truy cập quản trị được ghi mọi đơn vị; đừng gán đơn vị cho nó",
		"an indicator code is lower-case letters, digits and '_', starting with a letter":                            "mã chỉ tiêu gồm chữ thường không dấu, chữ số và '_', bắt đầu bằng chữ",
		"as_of %q is not a date; use YYYY-MM-DD":                                                                     "as_of %q không phải là ngày; hãy ghi dạng YYYY-MM-DD",
		"backup file %s already exists; choose a new name or remove it first":                                        "tệp sao lưu %s đã có; hãy chọn tên mới hoặc xóa tệp cũ trước",
		"basis is value or growth":                                                                                   "loại kế hoạch là giá trị (value) hoặc tăng trưởng (growth)",
		"compare either unit=U (every indicator of U) or indicator=I&parent=U (I across U's children), with a and b": "so sánh theo unit=U (mọi chỉ tiêu của U) hoặc indicator=I&parent=U (chỉ tiêu I giữa các đơn vị trực thuộc U), kèm a và b",
		"database path %q contains '?' or '#'; choose a plain file name":                                             "đường dẫn cơ sở dữ liệu %q có '?' hoặc '#'; hãy chọn tên tệp đơn giản",
		"direction is up or down":                                                                                    "chiều là tăng (up) hoặc giảm (down)",
		"expected '-' after the year":                                                                                "sau năm phải là dấu '-'",
		"give either target or target_low and target_high, not both":                                                 "ghi chỉ tiêu kế hoạch hoặc khoảng (cận dưới và cận trên), không ghi cả hai",
		"give target, or both target_low and target_high":                                                            "hãy ghi chỉ tiêu kế hoạch, hoặc cả cận dưới và cận trên",
		"growth_basis is nominal or real":                                                                            "cơ sở tăng trưởng là danh nghĩa (nominal) hoặc thực (real)",
		"indicator %q not found; see /api/v1/indicators":                                                             "không tìm thấy chỉ tiêu %q; xem /api/v1/indicators",
		"indicator %s is given twice with different attributes; keep one":                                            "chỉ tiêu %s được khai hai lần với thuộc tính khác nhau; chỉ giữ một",
		"invalid %s %q: %s":                                                                                          "%s %q không hợp lệ: %s",
		"invalid period %q: %s (use 2018, 2018-H1, 2018-Q3, 2018-M06 or 2018-9M)":                                    "kỳ %q không hợp lệ: %s (ghi 2018, 2018-H1, 2018-Q3, 2018-M06 hoặc 2018-9M)",
		"it must start with a four-digit year":                                                                       "phải bắt đầu bằng năm có bốn chữ số",
		"kind is flow or level":                                                                                      "loại chỉ tiêu là lũy kế (flow) hoặc thời điểm (level)",
		"level %d is out of range: compare 1 (children) to %d levels below the parent":                               "cấp %d nằm ngoài phạm vi: so sánh từ 1 (đơn vị trực thuộc) đến %d cấp dưới đơn vị cấp trên",
		"no backup file given; pass a path such as backup.db":                                                        "chưa có tệp sao lưu; hãy ghi đường dẫn, ví dụ backup.db",
		"no database path given; pass a file name such as plantrack.db":                                              "chưa có đường dẫn cơ sở dữ liệu; hãy ghi tên tệp, ví dụ plantrack.db",
		"no such token, or it was revoked":                                                                           "không có mã truy cập này, hoặc mã đã bị thu hồi",
		"no token named %q; list them with `plantrack token list`":                                                   "không có mã truy cập tên %q; xem danh sách bằng `plantrack token list`",
		"pace_profile is linear, seasonal or none":                                                                   "nhịp tiến độ là đều (linear), theo mùa (seasonal) hoặc không (none)",
		"period %d months %d–%d: not a quarter, half, month, year or a span from January":                            "kỳ năm %d tháng %d–%d: không phải quý, 6 tháng, tháng, năm hay lũy kế từ tháng 1",
		"period %d months %d–%d: not a span inside one year":                                                         "kỳ năm %d tháng %d–%d: không nằm gọn trong một năm",
		"plan %s / %s / %d / %s is given twice with different targets; keep one":                                     "kế hoạch %s / %s / %d / %s được ghi hai lần với chỉ tiêu khác nhau; chỉ giữ một",
		"report_status is estimate, preliminary or official":                                                         "loại số liệu là ước tính, sơ bộ hoặc chính thức",
		"reported_at is a date YYYY-MM-DD":                                                                           "ngày báo cáo phải là ngày dạng YYYY-MM-DD",
		"revisions need a unit and an indicator":                                                                     "lịch sử số liệu cần một đơn vị và một chỉ tiêu",
		"same unit, indicator and period given twice":                                                                "cùng đơn vị, chỉ tiêu và kỳ được ghi hai lần",
		"target_low is above target_high":                                                                            "cận dưới lớn hơn cận trên",
		"targets must be finite numbers":                                                                             "chỉ tiêu kế hoạch phải là số hữu hạn",
		"that unit lies below %s; the hierarchy cannot loop":                                                         "đơn vị đó nằm dưới %s; cây đơn vị không được vòng lại",
		"token %s: the hash is too short":                                                                            "mã truy cập %s: chuỗi băm quá ngắn",
		"token name %q: give a name of 1–64 characters without surrounding spaces":                                   "tên mã truy cập %q: hãy đặt tên 1–64 ký tự, không có khoảng trắng ở hai đầu",
		"token role %q: use admin or reporter":                                                                       "vai trò %q: dùng admin (quản trị) hoặc reporter (người báo cáo)",
		"unit %q has no figures reported by %s; import some first":                                                   "đơn vị %q chưa có số liệu báo cáo đến %s; hãy nhập số liệu trước",
		"unit %q not found; see /api/v1/units":                                                                       "không tìm thấy đơn vị %q; xem /api/v1/units",
		"unit %s is given twice with different names or parents; keep one":                                           "đơn vị %s được khai hai lần với tên hoặc cấp trên khác nhau; chỉ giữ một",
		"a written row refers to %s id %v, which is not stored; nothing was saved":                                   "một dòng vừa ghi trỏ tới bảng %s, mã số %v, vốn không có; không có gì được lưu",
		"a written row of %s refers to a row of %s that is not stored; nothing was saved":                            "một dòng vừa ghi của bảng %s trỏ tới một dòng của bảng %s vốn không có; không có gì được lưu",
		"unit or indicator id beyond 2^31; the database needs compacting":                                            "mã số đơn vị hoặc chỉ tiêu vượt 2^31; cần thu gọn cơ sở dữ liệu",
		"unknown form": "không đúng dạng mã kỳ",
		"unknown indicator; add it to the indicators first (see /api/v1/indicators)": "chỉ tiêu chưa có; hãy thêm vào danh mục chỉ tiêu trước (xem /api/v1/indicators)",
		"unknown parent unit; put the parent before its children":                    "đơn vị cấp trên chưa có; hãy khai đơn vị cấp trên trước các đơn vị trực thuộc",
		"unknown unit; add it to the units first":                                    "đơn vị chưa có; hãy thêm vào danh mục đơn vị trước",
		"value must be a finite number":                                              "giá trị phải là một số hữu hạn",
		"write already committed or rolled back":                                     "lượt ghi đã kết thúc",
		"wrong length":                                                               "độ dài không đúng",
		"year out of range 1900–2999":                                                "năm nằm ngoài khoảng 1900–2999",
	}
}
