package auth

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	messages "github.com/plantrack/plantrack/collector/catalog" // the message catalog
	"github.com/plantrack/plantrack/storage"
)

// loginView is what the login page shows, in the page's language (every
// word from the message catalog).
type loginView struct {
	Lang    string
	Next    string // the same-site path to return to after signing in
	Message string
	Writer  *Writer
	Cat     *messages.Catalog // the page's words
	// SwitchURL is this page in the other language; BackURL the page the
	// user came from (Next in the page's language), shown when it is not
	// the home page.
	SwitchURL, BackURL string
	Other, OtherName   string
}

var loginPage = template.Must(template.New("login").Parse(`<!doctype html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Cat.T "login.title"}} · plantrack</title>
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/app.css">
</head>
<body class="page-login">
<header class="site-header">
 <div class="container">
  <a class="brand" href="/?lang={{.Lang}}">plantrack</a>
  <nav class="nav" aria-label="{{.Cat.T "nav.label"}}"><a href="/?lang={{.Lang}}">{{.Cat.T "nav.home"}}</a></nav>
  <span class="lang-switch"><a href="{{.SwitchURL}}" hreflang="{{.Other}}" lang="{{.Other}}">{{.OtherName}}</a></span>
 </div>
</header>
<main class="container">
<div class="page-header"><h1>{{.Cat.T "login.title"}}</h1></div>
{{if .Message}}<div class="notice notice-error" role="alert">{{.Message}}</div>{{end}}
{{if .Writer}}
<p>{{.Cat.T "login.signedinas"}} <strong>{{.Writer.TokenName}}</strong> ({{.Cat.T "login.role"}}: {{.Cat.T (print "login.role." .Writer.Role)}}{{if .Writer.Unit}}, {{.Writer.Unit}}{{end}}).</p>
<form class="inline-form" method="post" action="/logout"><button type="submit" class="button-secondary">{{.Cat.T "nav.logout"}}</button></form>
{{else}}
<p class="hint">{{.Cat.T "login.intro"}}</p>
<form method="post" action="/login" class="form">
<input type="hidden" name="next" value="{{.Next}}">
<input type="hidden" name="lang" value="{{.Lang}}">
<div class="field"><label for="token">{{.Cat.T "login.token"}}</label>
<input id="token" name="token" type="password" autocomplete="current-password" required></div>
<button type="submit" class="button">{{.Cat.T "nav.login"}}</button>
</form>
{{end}}
{{if .BackURL}}<p><a href="{{.BackURL}}">← {{.Cat.T "login.back"}}</a></p>{{end}}
</main>
</body>
</html>
`))

// langCookie is the cookie in which the pages remember the chosen language.
const langCookie = "plantrack_lang"

// lang is the login page's language: the form's or query's lang, else the
// language the pages remembered, else Vietnamese.
func lang(r *http.Request) string {
	switch r.FormValue("lang") {
	case messages.EN:
		return messages.EN
	case messages.VI:
		return messages.VI
	}
	if c, err := r.Cookie(langCookie); err == nil && c.Value == messages.EN {
		return messages.EN
	}
	return messages.VI
}

// newLoginView is the login page for r returning to next (already checked
// by SafeNext).
func newLoginView(r *http.Request, next string) loginView {
	l := lang(r)
	cat := messages.New(l)
	v := loginView{Lang: l, Next: next, Cat: cat, Other: messages.EN, OtherName: "English"}
	if l == messages.EN {
		v.Other, v.OtherName = messages.VI, "Tiếng Việt"
	}
	q := url.Values{"lang": {v.Other}}
	if next != "/" {
		q.Set("next", next)
		v.BackURL = withLang(next, l)
	}
	v.SwitchURL = "/login?" + q.Encode()
	return v
}

// withLang returns the same-site path p with its lang parameter set.
func withLang(p, l string) string {
	u, err := url.Parse(p)
	if err != nil {
		return p
	}
	q := u.Query()
	q.Set("lang", l)
	u.RawQuery = q.Encode()
	return u.String()
}

// HandleLoginPage serves GET /login: the sign-in form, or who is signed in.
func (m *Manager) HandleLoginPage(w http.ResponseWriter, r *http.Request) {
	v := newLoginView(r, SafeNext(r.FormValue("next")))
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
	v := newLoginView(r, SafeNext(r.PostFormValue("next")))
	cat := messages.New(v.Lang)
	secret := strings.TrimSpace(r.PostFormValue("token"))
	wr, err := m.check(r.Context(), RemoteIP(r), secret)
	if err != nil {
		status := http.StatusInternalServerError
		switch storage.ErrorCode(err) {
		case storage.CodeUnauthorized:
			status = http.StatusUnauthorized
			v.Message = cat.T("login.badtoken")
		case CodeTooManyRequests:
			status = http.StatusTooManyRequests
			w.Header().Set("Retry-After", strconv.Itoa(m.RetryAfter(r)))
			v.Message = cat.Message(err)
		default:
			m.cfg.Logger.Error("login", "err", err)
			v.Message = cat.T("error.internal")
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
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	if err := loginPage.Execute(w, v); err != nil {
		m.cfg.Logger.Error("render login page", "err", err)
	}
}

// SafeNext returns p when it is a path on this site ("/x", not "//host" or
// "/\host"), and "/" otherwise, so a login link cannot redirect elsewhere.
// A path holding any space, control character or backslash is refused
// whole: browsers drop tabs and line breaks from a Location, so
// "/\t/evil.example" would become "//evil.example", another site.
func SafeNext(p string) string {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") {
		return "/"
	}
	for i := 0; i < len(p); i++ {
		if c := p[i]; c <= ' ' || c == 0x7f || c == '\\' {
			return "/"
		}
	}
	u, err := url.Parse(p)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || strings.HasPrefix(u.Path, "//") {
		return "/"
	}
	return p
}

// Sessions returns how many sessions are live or not yet swept.
func (m *Manager) Sessions() int { return m.sessions.len() }
