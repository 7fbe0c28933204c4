package dashboards

import (
	"encoding/json"
	"net/http"
	"sync"
)

// encodedMax bounds how many encoded answers a Server keeps; past it, all
// are forgotten (answers change with every write that touches them).
const encodedMax = 512

// encodedAnswers keeps the JSON encoding of API answers under a key that
// names the answer exactly — the query and the number of the derivation
// storage made it by (storage.Comparison.Derivation) — so that a
// request for an answer storage keeps writes its bytes instead of encoding
// it again: under many readers, encoding a hundred comparison rows cost
// more CPU than serving them from the memo.
type encodedAnswers struct {
	mu sync.Mutex
	m  map[string][]byte
}

func (e *encodedAnswers) get(key string) ([]byte, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	b, ok := e.m[key]
	return b, ok
}

func (e *encodedAnswers) put(key string, b []byte) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.m == nil || len(e.m) >= encodedMax {
		e.m = map[string][]byte{}
	}
	e.m[key] = b
}

// writeEncoded answers 200 with the encoding of v kept under key, encoding
// and keeping it first if needed; the bytes are those writeJSON writes.
func (s *Server) writeEncoded(w http.ResponseWriter, key string, v func() any) {
	b, ok := s.encoded.get(key)
	if !ok {
		var err error
		if b, err = json.Marshal(v()); err != nil {
			s.log.Debug("encode JSON answer", "err", err)
			s.writeJSON(w, http.StatusOK, v())
			return
		}
		b = append(b, '\n')
		s.encoded.put(key, b)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	if _, err := w.Write(b); err != nil {
		s.log.Debug("write JSON answer", "err", err)
	}
}
