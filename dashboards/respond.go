package dashboards

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"

	"github.com/plantrack/plantrack/collector/catalog"
	"github.com/plantrack/plantrack/dashboards/web"
	"github.com/plantrack/plantrack/storage"
)

// errorBody is the JSON shape of every API error.
type errorBody struct {
	Error errorPayload `json:"error"`
}

type errorPayload struct {
	Code    string           `json:"code"`
	Message string           `json:"message"`
	Details []storage.Detail `json:"details"`
}

// asUserError turns err into the *storage.Error a user sees. Errors that are
// not user errors become CodeInternal with a generic message; ok reports
// whether err was one of those (to be logged).
func asUserError(err error) (e *storage.Error, internal bool) {
	var se *storage.Error
	var mb *http.MaxBytesError
	switch {
	case errors.As(err, &se) && se.Code != storage.CodeInternal:
		return se, false
	case errors.As(err, &mb):
		return tooLarge(mb.Limit), false
	case storage.IsDiskFull(err):
		return storage.DiskFull(), false
	case errors.Is(err, context.DeadlineExceeded):
		return storage.Errorf(storage.CodeTooLarge,
			"the request took longer than the server allows for one write, and was stopped; nothing was stored. Split the data into smaller files"), false
	case errors.Is(err, context.Canceled):
		return storage.Errorf(storage.CodeInvalid, "request canceled"), false
	}
	return storage.Errorf(storage.CodeInternal, "internal error; the server log has the details"), true
}

func tooLarge(limit int64) *storage.Error {
	return storage.Errorf(storage.CodeTooLarge,
		"request body is larger than the limit of %d bytes; split the data into smaller files", limit)
}

// writeError answers with err as JSON, its status from its code. Only
// internal errors are logged, with the request they failed.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	e, internal := asUserError(err)
	if bodyLimitHit(r) {
		e, internal = tooLarge(s.cfg.MaxBodyBytes), false
	}
	if internal {
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	status := web.HTTPStatus(e.Code)
	if status == http.StatusTooManyRequests {
		w.Header().Set("Retry-After", strconv.Itoa(s.auth.RetryAfter(r)))
	}
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="plantrack"`)
	}
	if s.words.lang(r) == catalog.VI {
		e = s.words.vi.Localize(e)
	}
	details := e.Details
	if details == nil {
		details = []storage.Detail{}
	}
	s.writeJSON(w, status, errorBody{Error: errorPayload{Code: e.Code, Message: e.Message, Details: details}})
}

// writeJSON answers with v encoded as JSON.
func (s *Server) writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	if err := enc.Encode(v); err != nil {
		s.log.Debug("write JSON answer", "err", err)
	}
}
