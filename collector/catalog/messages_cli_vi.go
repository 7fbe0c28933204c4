package catalog

// cliVI holds the Vietnamese of what the CLI's commands print themselves:
// their summaries and the errors and hints for a wrong command line, a
// missing file, or a database that cannot be opened.
func cliVI() map[string]string {
	return map[string]string{
		"unknown command %q; did you mean %q? The commands are listed above": "không có lệnh %q; có phải ý bạn là %q? Các lệnh được liệt kê ở trên",
		"unknown command %q; the commands are listed above":                  "không có lệnh %q; các lệnh được liệt kê ở trên",
		"unknown %s command %q; did you mean %q? Use %s":                     "lệnh %s không có lệnh con %q; có phải ý bạn là %q? Hãy dùng %s",
		"unknown %s command %q; use %s":                                      "lệnh %s không có lệnh con %q; hãy dùng %s",
		"environment variable %s=%q: %v":                                     "biến môi trường %s=%q: %v",
		"there is no flag %s; the flags are listed below":                    "không có cờ %s; các cờ được liệt kê bên dưới",
		"the flag %s needs a value, e.g. %s=VALUE":                           "cờ %s cần một giá trị, ví dụ %s=GIÁ_TRỊ",
		"%s is not a valid value for %s: %s":                                 "%s không phải giá trị hợp lệ của %s: %s",
		"missing %s; give it after the flags, as in the example below":       "thiếu %s; hãy ghi sau các cờ, như ví dụ bên dưới",
		"takes no arguments, but %d were given: %s":                          "lệnh này không nhận đối số, nhưng có %d: %s",
		"takes at most %d argument(s) (%s), but %d were given":               "lệnh này nhận nhiều nhất %d đối số (%s), nhưng có %d",
		"--format %q: use csv, json or openmetrics":                          "--format %q: hãy dùng csv, json hoặc openmetrics",
		"%s: %v": "%s: %v",
		"%s: no such file; check the name and the folder (this command runs in %s)": "%s: không có tệp này; hãy kiểm tra tên tệp và thư mục (lệnh đang chạy trong %s)",
		"no such file; check the name and the folder (this command runs in %s)":     "không có tệp này; hãy kiểm tra tên tệp và thư mục (lệnh đang chạy trong %s)",
		"cannot read %s: %v":                      "không đọc được %s: %v",
		"backup to %s: %v":                        "sao lưu vào %s: %v",
		"backed up %s to %s":                      "đã sao lưu %s vào %s",
		"%s: %d units, %d new, %d already stored": "%s: %d đơn vị, %d mới, %d đã có",
		"cannot listen on %s: %v; is another plantrack running? Stop it or pick another --addr": "không lắng nghe được trên %s: %v; có một plantrack khác đang chạy? Hãy dừng nó hoặc chọn --addr khác",
		"--tls-cert and --tls-key go together; give both or neither":                            "--tls-cert và --tls-key đi cùng nhau; hãy ghi cả hai hoặc không ghi cái nào",
		"token create needs --name NAME and --role admin|reporter":                              "token create cần --name TÊN và --role admin|reporter",
		"a reporter token needs --unit CODE: the unit it may write":                             "mã truy cập của người báo cáo cần --unit MÃ: đơn vị mà nó được ghi",
		"create token %q: %v": "tạo mã truy cập %q: %v",
		"created %s token %q; it is shown only now, so store it safely:": "đã tạo mã truy cập %s %q; mã chỉ hiện lần này, hãy cất giữ cẩn thận:",
		"NAME\tROLE\tUNIT\tCREATED\tREVOKED":                             "TÊN\tVAI TRÒ\tĐƠN VỊ\tTẠO LÚC\tTHU HỒI LÚC",
		"revoke token %q: %v":                                            "thu hồi mã truy cập %q: %v",
		"revoked token %q":                                               "đã thu hồi mã truy cập %q",
		"cannot open the database %s: the folder %s does not exist; create it (mkdir -p %s) or choose another --db":                                                               "không mở được cơ sở dữ liệu %s: thư mục %s không tồn tại; hãy tạo nó (mkdir -p %s) hoặc chọn --db khác",
		"cannot open the database %s: %s is a file, not a folder; choose another --db":                                                                                            "không mở được cơ sở dữ liệu %s: %s là một tệp, không phải thư mục; hãy chọn --db khác",
		"cannot open the database %s: it is a folder; give a file name inside it, e.g. --db %s":                                                                                   "không mở được cơ sở dữ liệu %s: đó là một thư mục; hãy ghi tên một tệp trong đó, ví dụ --db %s",
		"%s is not a plantrack database (not an SQLite file); check --db, or choose a new file name to start an empty database":                                                   "%s không phải cơ sở dữ liệu plantrack (không phải tệp SQLite); hãy kiểm tra --db, hoặc chọn một tên tệp mới để bắt đầu cơ sở dữ liệu trống",
		"cannot write the database %s; give this user write permission on it and its folder %s, or copy it elsewhere and use that copy":                                           "không ghi được cơ sở dữ liệu %s; hãy cấp quyền ghi cho người dùng này trên tệp và thư mục %s của nó, hoặc chép nó sang nơi khác rồi dùng bản chép",
		"cannot create the database %s: the folder %s is not writable; give this user write permission on it or choose another --db":                                              "không tạo được cơ sở dữ liệu %s: thư mục %s không ghi được; hãy cấp quyền ghi trên thư mục đó cho người dùng này hoặc chọn --db khác",
		"%s was made by a newer plantrack (it has migration %04d, which this build does not know); open it with that newer plantrack, or restore a backup made with this version": "%s do một bản plantrack mới hơn tạo ra (nó có bước nâng cấp %04d mà bản này không biết); hãy mở nó bằng bản plantrack mới hơn đó, hoặc khôi phục một bản sao lưu làm bằng phiên bản này",
	}
}
