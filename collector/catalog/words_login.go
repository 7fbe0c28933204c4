package catalog

// loginWords are the words of the sign-in page, as [Vietnamese, English].
func loginWords() map[string][2]string {
	return map[string][2]string{
		"login.title": {"Đăng nhập", "Sign in"},
		"login.intro": {"Nhập mã truy cập do quản trị viên cấp để nhập số liệu.", "Enter the access token your administrator gave you to enter figures."},
		"login.token": {"Mã truy cập", "Access token"}, "login.signedinas": {"Đang đăng nhập với mã", "Signed in with token"},
		"login.role": {"vai trò", "role"}, "login.role.admin": {"quản trị", "administrator"},
		"login.role.reporter": {"người báo cáo", "reporter"}, "login.role.reader": {"người xem", "reader"},
		"login.badtoken": {"Mã truy cập không hợp lệ hoặc đã bị thu hồi; hãy kiểm tra và thử lại.", "That token is not valid or has been revoked; check it and try again."},
		"login.back":     {"Quay lại trang trước", "Back to the page you came from"},
	}
}
