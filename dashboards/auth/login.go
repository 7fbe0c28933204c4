package auth

import (
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"github.com/plantrack/plantrack/storage"
)

// loginView is what the login page shows.
type loginView struct {
	Lang    string
	Next    string
	Message string
	Writer  *Writer
	T       loginText
}

type loginText struct {
	Title, Intro, Token, Submit, SignedInAs, Logout, Home, Role string
}

var loginTexts = map[string]loginText{
	"vi": {Title: "Đăng nhập", Intro: "Nhập mã truy cập (token) do quản trị viên cấp để nhập số liệu.",
		Token: "Mã truy cập", Submit: "Đăng nhập", SignedInAs: "Đang đăng nhập với mã", Logout: "Đăng xuất",
		Home: "Trang chủ", Role: "vai trò"},
	"en": {Title: "Sign in", Intro: "Enter the access token your administrator gave you to enter figures.",
		Token: "Access token", Submit: "Sign in", SignedInAs: "Signed in with token", Logout: "Sign out",
		Home: "Home", Role: "role"},
}

var loginPage = template.Must(template.New("login").Parse(`<!doctype html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.T.Title}} · plantrack</title>
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/app.css">
</head>
<body class="page-login">
<header class="site-header">
 <div class="container">
  <a class="brand" href="/{{if eq .Lang "en"}}?lang=en{{end}}">plantrack</a>
  <nav class="nav"><a href="/{{if eq .Lang "en"}}?lang=en{{end}}">{{.T.Home}}</a></nav>
 </div>
</header>
<main class="container">
<div class="page-header"><h1>{{.T.Title}}</h1></div>
{{if .Message}}<div class="notice notice-error" role="alert">{{.Message}}</div>{{end}}
{{if .Writer}}
<p>{{.T.SignedInAs}} <strong>{{.Writer.TokenName}}</strong> ({{.T.Role}}: {{.Writer.Role}}{{if .Writer.Unit}}, {{.Writer.Unit}}{{end}}).</p>
<form class="inline-form" method="post" action="/logout"><button type="submit" class="button-secondary">{{.T.Logout}}</button></form>
{{else}}
<p class="hint">{{.T.Intro}}</p>
<form method="post" action="/login" class="form">
<input type="hidden" name="next" value="{{.Next}}">
<input type="hidden" name="lang" value="{{.Lang}}">
<div class="field"><label for="token">{{.T.Token}}</label>
<input id="token" name="token" type="password" autocomplete="current-password" required></div>
<button type="submit" class="button">{{.T.Submit}}</button>
</form>
{{end}}
</main>
</body>
</html>
`))

func lang(r *http.Request) string {
	if r.FormValue("lang") == "en" {
		return "en"
	}
	return "vi"
}

// HandleLoginPage serves GET /login: the sign-in form, or who is signed in.
func (m *Manager) HandleLoginPage(w http.ResponseWriter, r *http.Request) {
	v := loginView{Lang: lang(r), Next: SafeNext(r.FormValue("next"))}
	if wr, ok, err := m.Identify(r); err == nil && ok {
		v.Writer = &wr
	}
	m.render(w, http.StatusOK, v)
}

// HandleLogin serves POST /login: a valid token starts a session (an
// HttpOnly, SameSite=Lax cookie, Secure on TLS) and redirects to the form's
// "next" path; a bad one re-shows the form with 401, or 429 while the
// caller's address is slowed down.
func (m *Manager) HandleLogin(w http.ResponseWriter, r *http.Request) {
	v := loginView{Lang: lang(r), Next: SafeNext(r.PostFormValue("next"))}
	secret := strings.TrimSpace(r.PostFormValue("token"))
	wr, err := m.check(r.Context(), RemoteIP(r), secret)
	if err != nil {
		status := http.StatusInternalServerError
		switch storage.ErrorCode(err) {
		case storage.CodeUnauthorized:
			status = http.StatusUnauthorized
			v.Message = map[string]string{"vi": "Mã truy cập không hợp lệ hoặc đã bị thu hồi.",
				"en": "That token is not valid or has been revoked; check it and try again."}[v.Lang]
		case CodeTooManyRequests:
			status = http.StatusTooManyRequests
			w.Header().Set("Retry-After", strconv.Itoa(m.RetryAfter(r)))
			v.Message = err.Error()
		default:
			m.cfg.Logger.Error("login", "err", err)
			v.Message = "internal error; the server log has details"
		}
		m.render(w, status, v)
		return
	}
	id := m.sessions.create(secret, m.cfg.TTL)
	http.SetCookie(w, m.cookie(r, id, int(m.cfg.TTL.Seconds())))
	m.cfg.Logger.Info("login", "token", wr.TokenName, "remote", RemoteIP(r))
	http.Redirect(w, r, v.Next, http.StatusSeeOther)
}

// HandleLogout serves POST /logout: ends the session and clears the cookie.
func (m *Manager) HandleLogout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(CookieName); err == nil {
		m.sessions.delete(c.Value)
	}
	http.SetCookie(w, m.cookie(r, "", -1))
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

func (m *Manager) cookie(r *http.Request, value string, maxAge int) *http.Cookie {
	return &http.Cookie{Name: CookieName, Value: value, Path: "/", MaxAge: maxAge,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: m.cfg.Secure || r.TLS != nil}
}

func (m *Manager) render(w http.ResponseWriter, status int, v loginView) {
	v.T = loginTexts[v.Lang]
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	if err := loginPage.Execute(w, v); err != nil {
		m.cfg.Logger.Error("render login page", "err", err)
	}
}

// SafeNext returns p when it is a path on this site ("/x", not "//host" or
// "/\host"), and "/" otherwise, so a login link cannot redirect elsewhere.
func SafeNext(p string) string {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.HasPrefix(p, "/\\") ||
		strings.ContainsAny(p, "\r\n") {
		return "/"
	}
	return p
}

// Sessions returns how many sessions are live or not yet swept.
func (m *Manager) Sessions() int { return m.sessions.len() }
