package dashboards

import "net/http"

// recorder remembers the status and size of an answer. It unwraps for
// http.ResponseController, so flushing and deadlines still work.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
	wrote  bool
	writer string // token name of the identified writer, for the log
}

// recorderOf returns w itself when it is already a recorder, so nested
// middleware share one.
func recorderOf(w http.ResponseWriter) *recorder {
	if rec, ok := w.(*recorder); ok {
		return rec
	}
	return &recorder{ResponseWriter: w}
}

func (r *recorder) WriteHeader(code int) {
	if !r.wrote {
		r.status, r.wrote = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	if !r.wrote {
		r.status, r.wrote = http.StatusOK, true
	}
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

// Status is the status sent, 200 if the handler wrote nothing.
func (r *recorder) Status() int {
	if r.status == 0 {
		return http.StatusOK
	}
	return r.status
}

func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }
