package catalog

// importVI holds the Vietnamese of plantrack import's own lines: its
// progress, its totals, its warnings and dry-run lines and its flag errors.
// The per-file summary ("%d new, %d unchanged") is shared with the pages
// (messages_dashboards_vi.go).
func importVI() map[string]string {
	return map[string]string{
		"--locale %q: use vi or en":        "--locale %q: hãy dùng vi hoặc en",
		"[%d/%d] importing %s…":            "[%d/%d] đang nhập %s…",
		"total: %d new, %d unchanged":      "tổng: %d mới, %d không đổi",
		"  warning: %s %s %s: %s":          "  cảnh báo: %s %s %s: %s",
		"%s: %s (dry run: nothing stored)": "%s: %s (chạy thử: chưa lưu gì)",
		"%s: another process (such as plantrack serve) is writing to this database; " +
			"waiting for it to finish… (Ctrl-C stops, storing nothing)": "%s: một tiến trình khác (chẳng hạn plantrack serve) đang ghi vào cơ sở dữ liệu này; " +
			"đang chờ nó ghi xong… (Ctrl-C để dừng, không lưu gì)",
	}
}
